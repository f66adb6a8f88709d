"""The rules between authority files: predecessors and successors that exist and list this
file back, names and codes each file keeps to itself, a former address kept by one file,
Ofsted's pages and reports cited by the file they are about, and pages a change's renames
and deletions take away.

Each file's check leaves a small `Links` (it travels between processes); these rules run
on all of them once every file is checked.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from .load import Document, Path_
from .model import Authority
from .problems import Problem, Severity, did_you_mean

T = TypeVar("T", bound=tuple[Any, ...])

# An empty `former_slugs: []`, where a rename's warning tells the editor to add the old
# address, since writing the key again would be a duplicate key.
_NO_FORMER = "former_slugs: []"
# A source that is Ofsted's page of an authority's reports, named by its URN: an inspection
# copied into the wrong file comes with the other authority's page.
_PROVIDER = "provider"
_PROVIDER_PAGE = re.compile(r"//reports\.ofsted\.gov\.uk/provider/\d+/(\d{5,8})(?:[/?#]|$)")
_REPORT = "report"  # an Ofsted report's file, which is about one authority
REPORT_FILE = re.compile(r"//files\.ofsted\.gov\.uk/v1/file/(\d{1,12})(?:[/?#]|$)")


@dataclass(frozen=True)
class Mention:
    """A value in one file that a rule checks against other files, with where it is written."""

    key: str  # `predecessors`, `successors`, `former_slugs`, `name`, or a code: `gss`, `dfe`, `ofsted`; or _NO_FORMER
    value: str | int
    line: int
    col: int
    source_line: str


@dataclass(frozen=True)
class Links:
    """What the rules that span files need from one authority file: small, so it can travel."""

    file: str
    # Predecessors and successors, as written; None when the file could not be read, so
    # that another file's link to it is not called one-sided for want of them.
    listed: tuple[frozenset[str], frozenset[str]] | None
    mentions: tuple[Mention, ...] = ()  # of a file that passed its own rules: links and codes

    def problem(self, mention: Mention, message: str, hint: str, severity: Severity = "error") -> Problem:
        return Problem(self.file, mention.line, mention.col, message, hint, severity, mention.source_line)


def links_of(doc: Document, authority: Authority | None) -> Links:
    data = doc.data if isinstance(doc.data, dict) else {}

    def listed(key: str) -> frozenset[str]:
        value = data.get(key)
        return frozenset(v for v in value if isinstance(v, str)) if isinstance(value, list) else frozenset()

    mentions: list[Mention] = []

    def mention(key: str, value: str | int, path: Path_) -> None:
        line, col = doc.locate(path)
        mentions.append(Mention(key, value, line, col, doc.source_line(line)))

    if authority is not None:
        for key in ("predecessors", "successors", "former_slugs"):
            for k, other in enumerate(getattr(authority, key)):
                mention(key, other, (key, k))
        if "former_slugs" in data and not authority.former_slugs:
            mention(_NO_FORMER, "", ("former_slugs",))
        mention("name", authority.name, ("name",))
        if authority.codes is not None:
            for kind in ("gss", "dfe", "ofsted"):
                value = getattr(authority.codes, kind)
                if value is not None:
                    mention(kind, value, ("codes", kind))
        # A report an inspection rests on; one cited by a note alone (a predecessor's, for its
        # history) may be every successor's.
        rests_on = {cited for inspection in authority.inspections for cited in inspection.sources}
        for k, source in enumerate(authority.sources):
            if "/provider/" in source.url and (page := _PROVIDER_PAGE.search(source.url)):
                mention(_PROVIDER, int(page[1]), ("sources", k, "url"))
            elif source.id in rests_on and "/v1/file/" in source.url and (report := REPORT_FILE.search(source.url)):
                mention(_REPORT, int(report[1]), ("sources", k, "url"))
    return Links(doc.file, (listed("predecessors"), listed("successors")), tuple(mentions))


def cross_file_problems(links: dict[str, Links], added: Callable[[], frozenset[str]]) -> list[Problem]:
    """The rules between files: links that resolve and link back, codes used once, old addresses kept once.

    added: the files this change adds (asked only where two files share a name or code).
    """
    problems: list[Problem] = []
    new_files = functools.cache(added)

    def this_changes(told: list[T]) -> list[T]:
        # Where this change adds some of the files (slug first), most often copies made to start
        # another authority, only those are told: the files copied from are as they were.
        return [one for one in told if one[0] in new_files()] or told

    holders: dict[tuple[str, object], list[tuple[str, Links, Mention]]] = {}  # a code: the files that give it
    claims: dict[str, list[tuple[str, Links, Mention]]] = {}  # old address: the files that keep it
    related: dict[str, set[object]] = {}
    # Each Ofsted URN's files, for the sources that are a provider's page.
    urns: dict[object, set[str]] = {}
    for slug, mine in links.items():
        for m in mine.mentions:
            if m.key == "ofsted":
                urns.setdefault(m.value, set()).add(slug)
    for slug, mine in links.items():
        related[slug] = {m.value for m in mine.mentions if m.key in ("predecessors", "successors")}
    for slug, mine in links.items():
        for m in mine.mentions:
            if m.key == _NO_FORMER:
                continue
            if m.key == _PROVIDER:
                # A file giving the URN itself is not told (two that give it, a file copied to
                # start another, are told as such, at the copy).
                owners = sorted(urns.get(m.value, ()))
                if owners and slug not in owners and not any(o in related[slug] or slug in related[o] for o in owners):
                    named = " and ".join(f"authorities/{o}.yaml" for o in owners)
                    problems.append(
                        mine.problem(
                            m,
                            f"this is Ofsted's page for the authority in {named} (URN {m.value}), not this one's",
                            f"check that this source, and what cites it, belong in this file and not in {named}",
                            "warning",
                        )
                    )
                continue
            if m.key == "former_slugs":
                if str(m.value) in links:
                    problems.append(
                        mine.problem(
                            m,
                            f"`{m.value}` is the address of authorities/{m.value}.yaml, which exists",
                            "an old address can be kept only when no file has it: remove it here, or check which "
                            "file was renamed",
                        )
                    )
                claims.setdefault(str(m.value), []).append((slug, mine, m))
                continue
            if m.key in ("predecessors", "successors"):
                other, back = str(m.value), 1 if m.key == "predecessors" else 0
                # Linking back would then be asked of the other file both ways, which is no fix.
                both = mine.listed is not None and all(other in side for side in mine.listed)
                if both and other != slug and other in links:
                    if m.key == "successors":
                        problems.append(
                            mine.problem(
                                m,
                                f"`{other}` is listed under both `predecessors` and `successors`",
                                "an authority came either before this one or after it: remove it from the list "
                                "where it does not belong",
                            )
                        )
                elif other == slug:
                    problems.append(
                        mine.problem(
                            m,
                            f"`{other}` is this file: an authority is not its own {m.key[:-1]}",
                            f"list under `{m.key}` the file of the council this one "
                            + ("took over from" if back else "was replaced by")
                            + f", or remove `{m.key}`",
                        )
                    )
                elif other not in links:
                    choices = (known for known in links if known != slug)
                    problems.append(
                        mine.problem(m, f"no authority file `authorities/{other}.yaml`", did_you_mean(other, choices))
                    )
                elif (listed := links[other].listed) is not None and slug not in listed[back]:
                    opposite = ("predecessors", "successors")[back]
                    problems.append(
                        mine.problem(
                            m,
                            f"`{other}` does not list `{slug}` among its {opposite}",
                            f"add `{slug}` to `{opposite}` in authorities/{other}.yaml",
                        )
                    )
                continue
            # Names as readers tell them apart: `Worcestershire` and `worcestershire ` are one,
            # and so are `Môn` typed as one character and as `o` with its accent after it.
            told: str | int = (
                unicodedata.normalize("NFKC", " ".join(str(m.value).split())).casefold() if m.key == "name" else m.value
            )
            holders.setdefault((m.key, told), []).append((slug, mine, m))
    for (key, value), holding in holders.items():
        # Each is told, since either may be the one typed wrong; a successor may keep a
        # predecessor's code (the 2019 Dorset kept DfE 838).
        telling = [
            (slug, mine, m, sharing)
            for slug, mine, m in holding
            if (sharing := [o for o, *_ in holding if o != slug and o not in related[slug] and slug not in related[o]])
        ]
        for _, mine, m, sharing in this_changes(telling) if telling else ():
            if key == _REPORT:
                # Most often an inspection copied from another file, with its source.
                problems.append(
                    mine.problem(
                        m,
                        "this report of Ofsted's is also a source of "
                        + " and ".join(f"authorities/{o}.yaml" for o in sharing)
                        + ", and a report is about one authority",
                        "check that this source, and the inspection that cites it, belong in this file",
                        "warning",
                    )
                )
            elif key == "name":
                # Two pages, two rows of every table, under one name: most often a file
                # copied to start another, its name not yet changed.
                problems.append(
                    mine.problem(
                        m,
                        f"`{m.value}` is also the name of " + " and ".join(f"authorities/{o}.yaml" for o in sharing),
                        "each authority has a page of its own under its own name: if this file was copied to start "
                        "another, give it that authority's name and codes",
                    )
                )
            else:
                problems.append(
                    mine.problem(
                        m,
                        f"`{key}: {value}` is also the code of "
                        + " and ".join(f"authorities/{o}.yaml" for o in sharing),
                        "each authority normally has its own codes; check which file is right",
                        "warning",
                    )
                )
    for old, keeping in claims.items():
        if len(keeping) < 2 or old in links:
            continue
        # Each is told, since any of them may be the one whose page was there (but see this_changes).
        for slug, mine, m in this_changes(keeping):
            others = " and ".join(f"authorities/{other}.yaml" for other, *_ in keeping if other != slug)
            problems.append(
                mine.problem(
                    m,
                    f"`{old}` is also a former address of {others}",
                    "an old address sends readers to one page only: keep it in the file whose page was at that "
                    "address, and remove it from the other",
                )
            )
    return problems


def moved_problems(
    moved: dict[str, str | None], checked: dict[str, Links | None], shown: dict[str, str], first_lines: dict[str, str]
) -> list[Problem]:
    """Pages that this change's renames and deletions take away, with no former address kept for them.

    moved: the renames and deletions history.changes finds; checked: each present file's links, None when it failed its
    own rules (its former addresses are then unknown); shown: each present file's path as
    editors see it, and the folder's (under ""); first_lines: the first line of each file
    moved to.
    """
    kept = {str(m.value) for links in checked.values() if links for m in links.mentions if m.key == "former_slugs"}
    lost: dict[str, list[str]] = {}
    problems: list[Problem] = []
    for old, new in sorted(moved.items()):
        if old in kept:
            continue
        if new is None and all(links is not None for links in checked.values()):
            problems.append(
                Problem(
                    f"{shown['']}/{old}.yaml",
                    1,
                    1,
                    f"authorities/{old}.yaml is deleted: links to its page, authorities/{old}/, will find nothing",
                    f"if the authority's file now has another name, add `{old}` to that file's `former_slugs`; "
                    "an authority that no longer exists keeps its file, with `abolished:` and its `successors`",
                    "warning",
                )
            )
        elif new is not None and checked.get(new) is not None:
            lost.setdefault(new, []).append(old)
    for new, olds in sorted(lost.items()):
        links = checked[new]
        assert links is not None  # only files that passed their own rules are in lost
        listed = [m for m in links.mentions if m.key in ("former_slugs", _NO_FORMER)]
        names = " and ".join(f"authorities/{old}.yaml" for old in olds)
        pages = " and ".join(f"authorities/{old}/" for old in olds)
        message = f"this file was {names}, so its page has moved: links to {pages} will find nothing"
        if listed:  # said at the list, which the hint adds to
            where = listed[0]
            more = ", ".join(f"`{old}`" for old in olds)
            hint = f"add {more} to this `former_slugs`, to keep a page there that sends readers to this one"
            problems.append(links.problem(where, message, hint, "warning"))
        else:
            hint = (
                f"add `former_slugs: [{', '.join(olds)}]` on a line of its own below `name:`, not indented, to keep "
                "a page there that sends readers to this one"
            )
            problems.append(Problem(shown[new], 1, 1, message, hint, "warning", first_lines.get(new, "")))
    return problems
