"""Validate stage: plain data into typed models, then every rule of the contract.

Pydantic checks the shape of each file (explain.py puts its errors in an editor's
words); the functions here add the rules that need several fields, other files or the
as-of date (pasted.py has those for what a text will show). Every problem is collected;
nothing stops at the first.
"""

from __future__ import annotations

import collections
import datetime as dt
import difflib
import functools
import itertools
import re
import typing
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel, ValidationError

from .explain import (
    ENTRIES,
    Report,
    as_read,
    deletion,
    entries_with,
    fields_at,
    fill_in,
    grade_hint,
    grades_hint,
    is_required,
    key_hint,
    keys_of,
    leading_zero,
    models_at,
    translate,
    value_at,
    with_ids,
    workstream_hint,
    workstream_names,
)
from .files import slugify
from .load import BLOCK_END, BLOCK_START, Document, Path_, in_brackets, resolve_plain
from .model import (
    FINAL_STATUSES,
    NO_GRADE,
    PLACEHOLDER_REPO,
    REGIONS,
    Accessibility,
    Action,
    Authority,
    Delivery,
    Frameworks,
    Inspection,
    InspectionType,
    Note,
    PartialDate,
    Plan,
    Recommendation,
    Site,
    Source,
    Status,
    Update,
    VisitRange,
    page_names,
    site_folder,
)
from .pasted import (
    AS_SENTENCES,
    ENTRY_START,
    Texts,
    line_above,
    markdown_fields,
    plain_fields,
    private_addresses,
    sentence_end_trimmed,
    wrapped_addresses,
    wrapped_problem,
)
from .problems import (
    MOST_PER_FILE,
    UNLISTED_HINT,
    Problem,
    Severity,
    closest,
    did_you_mean,
    either,
    in_order,
    lines_named,
    listing,
    together,
    unlisted,
)
from .syntax import BULLETS, in_double_quotes, outside_block
from .text import markdown_problem

STALE_AFTER = dt.timedelta(days=365)
# Markdown's blocks that an update's note, shown inside a table's cell, runs into one
# paragraph: a heading loses its size, a table shows its pipes, a list its numbers or dashes.
_MARKS = "-*+" + BULLETS.replace("\uf0b7", "")  # Word's symbol-font bullet is told of as that (pasted.py)
_NOTE_BLOCK = re.compile(
    rf"^[ \t]*(?:(#{{1,6}}[ \t]+\S)|(\|.*\|)|(\d{{1,9}}[.)][ \t]+\S)|([{re.escape(_MARKS)}][ \t]+\S))", re.M
)
# What becomes of each block the pattern finds, in a note's one paragraph.
_NOTE_BLOCKS = {
    1: "this heading will show as words inside it",
    2: "the rows of this table will run together",
    3: "the items of this numbered list will run together",
    4: "the items of this list will run together",
}


def _starts_block(found: re.Match[str]) -> bool:
    """A numbered line starts a list first, after a blank line, under a line that brings it
    in (`Progress this quarter:`), or as `1.` with `2.` under it: `fell from 22 to` then
    `18. Two more teams` is one paragraph, wrapped."""
    if found.lastindex != 3 or found.start() == 0:
        return True
    above = line_above(found.string, found.start()).rstrip()
    return not above or above.endswith(":") or bool(_NUMBERED_ON.match(found.string, found.start()))


_NUMBERED_ON = re.compile(r"[ \t]*1[.)][ \t]+\S.*\n[ \t]*2[.)][ \t]+\S")


# Shape ---------------------------------------------------------------------------------

M = TypeVar("M", bound=BaseModel)


def parse_model(
    doc: Document, model: type[M], report: Report, first: Callable[[bool], object] | None = None
) -> M | None:
    """The model of the document, or None with every reason reported.

    `first` runs once the model has been tried and before anything is said of it, told
    whether the model took the document: rules that settle what the model's errors
    would otherwise say, some of which matter only for a document the model refused.
    """
    try:
        parsed = model.model_validate(doc.data)
    except ValidationError as exc:
        if first is not None:
            first(False)
        raised = exc.errors()
        # Each error is told with the work of its hint: past a few hundred in one file (a
        # block pasted out of place, or a file that tries the checker), the rest are counted.
        errors = [(error, _data_loc(doc.data, tuple(error["loc"]))) for error in raised[:MOST_PER_FILE]]
        _left_empty(doc, model, report, {loc for _, loc in errors})
        meant = _misspelt(model, errors)
        # A line of a `summary: |` text, not indented as far as the text, with a colon and a
        # space in it: YAML reads it as a key. Said once, at that line; the text left empty is
        # its consequence.
        outside = {loc: found for _, loc in errors if (found := _outside_text(doc, loc))}
        for error, loc in reversed(errors):  # `1,080,576`: from its last part, which sees them all
            if error["type"] == "extra_forbidden" and (split := _split_number(doc, loc)):
                # Said once, at the number; its other parts are keys only by accident.
                report.error(*split)
                report.settled |= {split[0], loc}
        emptied = {loc[:-1] + (key,) for loc, (key, *_) in outside.items()}
        orders: dict[Path_, _Order] = {}
        cuts: dict[tuple[Path_, int, int, bool], CutByComma | None] = {}
        failed = {loc for error, loc in errors if error["type"] != "missing"}
        for error, loc in errors:
            if loc in emptied:
                continue
            if loc in outside:
                report.error(loc, *outside[loc][1:], key=True)
                continue
            if error["type"] == "missing" and (loc[:-1], loc[-1]) in meant.values():
                continue  # said at the misspelt key
            if error["type"] == "missing" and _written_inside(doc.data, loc, failed):
                continue  # `{id: r1 text: ...}`: said at the value it was written into
            if error["type"] == "extra_forbidden" and loc in report.settled:
                continue  # a piece of a text cut by commas, or of a number: said with the first
            if error["type"] == "extra_forbidden" and (cut := _cut_by_comma(doc, loc, orders, cuts)):
                at, message, hint, pieces = cut
                report.error(at, message, hint, key=True)
                report.settled |= pieces  # its other pieces are said with it
            elif error["type"] == "extra_forbidden" and loc in meant:
                key = meant[loc][1]
                hint = key_hint(str(loc[-1]), [key])
                if not hint.startswith("write a space"):
                    hint = f"did you mean `{key}`? `{key}` is required here"
                report.error(loc, f"unknown key `{loc[-1]}`", hint, key=True)
            else:
                translate(doc, model, error, loc, report)
        if not any(problem.is_error for problem in report.problems):
            # Each error was set aside as told by another that was not: a file refused in
            # silence would drop its authority from the site, so the first is told after all.
            translate(doc, model, *errors[0], report)
        if len(raised) > MOST_PER_FILE:
            report.error(
                _data_loc(doc.data, tuple(raised[MOST_PER_FILE]["loc"])),
                unlisted(len(raised) - MOST_PER_FILE),
                UNLISTED_HINT,
                key=True,
            )
        return None
    if first is not None:
        first(True)
    _left_empty(doc, model, report, set())
    return parsed


def _left_empty(doc: Document, model: type[BaseModel], report: Report, said: set[Path_]) -> None:
    """`due:` with nothing after it: a value deleted by mistake, or never filled in.

    The model takes it for a key left out, so nothing else would be said; `due: ""` is
    an error, and so is this. Where the model refused the value, that is said instead.
    """
    # From the loader's index of every value, which is quicker to scan than the data. A
    # repeated key's value is indexed under "\0", and reported as a repeat already.
    empty = (p for p, node in doc.index.items() if node.plain and node.raw in _NULLS and p and p not in said)
    for here in empty:
        if said and any(here[:n] in said for n in range(1, len(here))):
            continue  # inside a value refused as a whole (`title: {Draft}`): said there
        if isinstance(key := here[-1], str) and key != "\0":
            report.error(here, f"`{key}` is empty", fill_in(doc, model, here, "its value"))


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})  # what YAML reads as no value, written plain


@dataclass
class _Order:
    """A mapping's keys in order, where each is, and the run of empty keys each belongs to:
    worked out once per mapping, since each unknown key of a large `{...}` asks again."""

    keys: list[Any]
    place: dict[Any, int]
    run_start: list[int]  # for each key, where the run of empty keys it belongs to starts
    run_end: list[int]

    @classmethod
    def of(cls, mapping: dict[Any, Any]) -> _Order:
        keys = list(mapping)
        empty = [mapping[k] is None for k in keys]
        start, end = list(range(len(keys))), list(range(len(keys)))
        for i in range(1, len(keys)):
            if empty[i] and empty[i - 1]:
                start[i] = start[i - 1]
        for i in range(len(keys) - 2, -1, -1):
            if empty[i] and empty[i + 1]:
                end[i] = end[i + 1]
        return cls(keys, {k: i for i, k in enumerate(keys)}, start, end)


CutByComma = tuple[Path_, str, str, set[Path_]]


def _cut_by_comma(
    doc: Document, loc: Path_, seen: dict[Path_, _Order], said: dict[tuple[Path_, int, int, bool], CutByComma | None]
) -> CutByComma | None:
    """`{note: Recruited two advocates, and the service started.}`: the comma ended the note.

    What follows it reads as a key of the mapping: one with a space (no key of the format
    has one), or a bare word with no value (`{note: Rising, again, sadly.}`). Said once, at
    the first piece, with the whole text; the path returned is that piece's, with those
    of all the pieces. seen and said keep, for one file, each mapping's order and what was
    found for each run of pieces, so that a `{...}` of many keys costs its length, not its square.
    """
    key, mapping = loc[-1], value_at(doc.data, loc[:-1])
    if not (isinstance(key, str) and isinstance(mapping, dict) and (" " in key.strip() or mapping[key] is None)):
        return None
    if re.match(r"[A-Za-z_][\w-]*:\S", key):
        return None  # `title:Supporting families`: a key whose colon lacks its space (key_hint)
    where = loc[:-1]
    order = seen.get(where)
    if order is None:
        order = seen[where] = _Order.of(mapping)
    at = first = last = order.place[key]
    # `sadly.` after `again`: both are pieces of the text before them, as far back as the
    # second key (the first holds the text).
    if at > 1 and mapping[order.keys[at - 1]] is None:
        first = max(order.run_start[at - 1], 1)
    if at + 1 < len(order.keys) and mapping[order.keys[at + 1]] is None:
        last = order.run_end[at + 1]
    spaced = " " in key.strip()
    memo = (where, first, last, spaced)
    if memo not in said:
        said[memo] = _cut(doc, where, mapping, order.keys, first, last, spaced)
    return said[memo]


def _cut(
    doc: Document, where: Path_, mapping: dict[Any, Any], keys: list[Any], first: int, last: int, spaced: bool
) -> CutByComma | None:
    previous = keys[first - 1] if first else None
    if previous is None or not isinstance(mapping[previous], str):
        return None
    if not spaced and not _prose(previous, mapping[previous]):
        # A word after a date or an id (`{from: 2023-01-09, 2023-01-20}`, `{id: A1, again}`) is no
        # piece of a sentence: an unknown key is the better account.
        return None
    for piece in keys[first : last + 1]:
        line, col = doc.locate((*where, piece), key=True)
        # Looked at around the piece only: the line may be a long one of many such pieces.
        written = doc.lines[line - 1]
        comma = col - 2
        while comma >= 0 and written[comma] in " \t":
            comma -= 1
        if comma < 0 or written[comma] != "," or written.find("{", 0, comma) < 0:
            return None
        if mapping[piece] is None and _COLON_NEXT.match(written, col - 1 + len(str(piece))):
            return None  # `status:` left empty: a key, not a piece of the text
    pieces = ", ".join(str(piece) for piece in keys[first : last + 1])
    text = in_double_quotes(f"{mapping[previous]}, {pieces}")
    return (
        (*where, keys[first]),
        f"`{keys[first]}` is read as a key: the comma before it ended the text of `{previous}`",
        f'inside `{{...}}` a comma ends a value; put the whole text in double quotes, like `{previous}: "{text}"`',
        {(*where, piece) for piece in keys[first : last + 1]},
    )


_COLON_NEXT = re.compile(r"\s*:")


def _prose(key: str, value: str) -> bool:
    """Whether a value reads as words (`Rising`, `Agency use rising`), not a date, an id or a key word."""
    letters = any(c.isalpha() for c in value)
    words = " " in value.strip() or not any(c.isdigit() or c == "-" for c in value)
    return letters and words and key != "id"


def _split_number(doc: Document, loc: Path_) -> tuple[Path_, str, str] | None:
    """`{ofsted: 80,576}`: inside `{...}` a thousands comma ends the number, and `576` is a key."""
    key, mapping = loc[-1], value_at(doc.data, loc[:-1])
    if not (isinstance(mapping, dict) and re.fullmatch(r"\d{3}", str(key)) and key in mapping and mapping[key] is None):
        return None
    keys = list(mapping)
    groups = [key]
    written = ""  # the groups, each with the comma before it, and the space after it if there is one
    for previous in reversed(keys[: keys.index(key)]):
        line, col = doc.locate((*loc[:-1], groups[0]), key=True)
        before = doc.source_line(line)[: col - 1]
        if not re.search(r"\d, ?$", before):
            return None
        written = (", " if before.endswith(", ") else ",") + str(groups[0]) + written
        if not (re.fullmatch(r"\d{3}", str(previous)) and mapping[previous] is None):
            break
        groups.insert(0, previous)
    else:
        return None
    number, node = mapping[previous], doc.node((*loc[:-1], previous))
    # Only a number in plain digits: `0x50` or `010` joined to 576 would be another
    # number again, and what is said of such a number on its own applies.
    if not (isinstance(number, int) and node and node.plain and re.fullmatch(r"[1-9][0-9]{0,2}", node.raw or "")):
        return None
    written = f"{number}{written}"
    return (
        (*loc[:-1], previous),
        f"`{previous}: {written}` is read as the number {number}, then a key `{groups[0]}`",
        "inside `{...}` a comma ends a value: write the number without commas, "
        f"`{previous}: {re.sub('[, ]', '', written)}`",
    )


def _outside_text(doc: Document, loc: Path_) -> tuple[str, str, str] | None:
    """An unknown key with a space or a capital in it, on a line that belongs to the `key: |` text above it."""
    key = loc[-1] if loc else None
    if not (isinstance(key, str) and (" " in key.strip() or key[:1].isupper())):
        return None  # keys of the format are single lowercase words: `Overall:` starts a sentence
    line, _ = doc.locate(loc, key=True)
    found = outside_block(doc.lines, line - 1)
    if found is None:
        return None
    block, message, hint = found
    return block, message, f"{hint}; YAML read `{key}:` as a key, because of the colon and space after it"


def _written_inside(data: Any, loc: Path_, failed: set[Path_]) -> bool:
    """Whether a missing key was written inside another value of its mapping (a comma left
    out), a value refused in its own right (failed: where the model refused a value), whose
    error says so: a text that only uses the key's word (`summary: ... the sources say`) is not."""
    mapping = value_at(data, loc[:-1])
    word = re.compile(rf"\s{re.escape(str(loc[-1]))}:?\s")
    return isinstance(mapping, dict) and any(
        isinstance(value, str) and word.search(value) and any(at[: len(loc)] == (*loc[:-1], key) for at in failed)
        for key, value in mapping.items()
    )


# Other words for a key, as editors write them: `link:` is `url:`, wherever `url` is a key.
# Only where the key it stands for is missing: `title:` is `name:` at the top of a file.
_SYNONYMS = {
    "link": "url",
    "href": "url",
    "address": "url",
    "web": "url",
    "email": "contact",
    "e-mail": "contact",
    "comment": "note",
    "comments": "note",
    "title": "name",
}


def _misspelt(model: type[BaseModel], errors: list[tuple[Any, Path_]]) -> dict[Path_, tuple[Path_, str]]:
    """Unknown keys that misspell a required key missing beside them (`tpye:` for `type:`).

    Such a key is both unknown and missing; one error at the key the editor wrote says so.
    """
    missing: dict[Path_, list[str]] = {}
    unknown: list[Path_] = []
    for error, loc in errors:
        if error["type"] == "missing":
            missing.setdefault(loc[:-1], []).append(str(loc[-1]))
        elif error["type"] == "extra_forbidden":
            unknown.append(loc)
    meant: dict[Path_, tuple[Path_, str]] = {}
    for loc in unknown:
        if loc[:-1] not in missing:
            continue
        # The closest of all the keys allowed there (`dute` is `due`, not a missing `date`),
        # whatever its case (`URL`).
        # `from:2021-07-13`, with no space after the colon, is the key `from` and its value.
        written = str(loc[-1]).partition(":")[0] if ":" in str(loc[-1]).strip(":") else str(loc[-1])
        allowed = fields_at(model, loc[:-1])
        close = [_SYNONYMS[written.lower()]] if _SYNONYMS.get(written.lower()) in allowed else []
        close = close or difflib.get_close_matches(written.lower(), allowed, n=1, cutoff=0.6)
        if close and close[0] in missing[loc[:-1]] and (loc[:-1], close[0]) not in meant.values():
            meant[loc] = (loc[:-1], close[0])
    return meant


def _data_loc(data: Any, loc: tuple[str | int, ...]) -> Path_:
    """Pydantic's error location as a path into the data: without the tags of tagged unions.

    Those tags start with "~" (model.py) and appear in the location after the value they
    choose between; a key the editor wrote that happens to start with "~" is kept.
    """
    path: list[str | int] = []
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        elif isinstance(part, str) and part.startswith("~"):
            continue
        else:
            data = None
        path.append(part)
    return tuple(path)


def _within(date: PartialDate, first: PartialDate | None, last: PartialDate | None) -> bool:
    """Whether a date falls between first and last, either of which may be open."""
    return not ((first and date.end < first.start) or (last and date.start > last.end))


# Site and frameworks -------------------------------------------------------------------


# Domains reserved for examples (RFC 2606, RFC 6761): no reader can reach them.
_EXAMPLE_HOST = re.compile(r"(^|\.)(example\.(com|net|org)|example|test|invalid|localhost)$", re.IGNORECASE)


def validate_site(
    doc: Document, as_of: dt.date | None = None, addressed: bool = True
) -> tuple[Site | None, list[Problem]]:
    """site.yaml's model and rules; those about the as-of day only when it is given, and
    about `base_url` only for a build not given the site's address (addressed False): a check
    cannot know it, and the build that publishes may be given it."""
    report = Report(doc)
    site = parse_model(doc, Site, report)
    if site is None:
        return None, report.problems
    if (wrong := site_folder(site.base_url)) is not None:
        report.error(
            ("base_url",),
            f"`base_url` {wrong[0]}: every address on the site is made by adding to it",
            f"write `{wrong[1]}`",
        )
    elif not addressed and _EXAMPLE_HOST.search(urlsplit(site.base_url).hostname or ""):
        report.warn(
            ("base_url",),
            f"`{site.base_url}` is an example address: the feeds, the data's links and printed pages would "
            "give readers an address that leads nowhere",
            "set `base_url` to the address the site is published at, or give it when building, with "
            "`--base-url` (as the workflow that publishes to GitHub Pages does)",
        )
    if _EXAMPLE_HOST.search(urlsplit(site.publisher.url).hostname or ""):
        report.warn(
            ("publisher", "url"),
            f"`{site.publisher.url}` is an example address, not the publisher's",
            "set `publisher` to the organisation that publishes the site and its web address: every page names it",
        )
    if _EXAMPLE_HOST.search(site.contact.rpartition("@")[2]):
        report.warn(
            ("contact",),
            f"`{site.contact}` is an example address that nobody reads",
            "set it to a mailbox a person reads: the accessibility statement tells readers to write to it",
        )
    _accessibility(site.accessibility, "accessibility" in (doc.data or {}), as_of, report)
    if site.cms is not None and site.cms.repo == PLACEHOLDER_REPO:
        report.warn(
            ("cms", "repo"),
            f"`{PLACEHOLDER_REPO}` is a placeholder",
            "write the GitHub repository the content manager saves to, as OWNER/NAME",
        )
    return site, report.problems


def _accessibility(stated: Accessibility | None, written: bool, as_of: dt.date | None, report: Report) -> None:
    """What the regulations ask an accessibility statement to say, and only the publisher can."""
    if stated is None:
        if written:  # empty: an error already says so
            return
        report.warn(
            (),
            "site.yaml does not say how accessible the site is: its accessibility statement has no compliance status",
            "once the site has been tested against the accessibility standard (WCAG 2.2 AA), add at the end of "
            "site.yaml, with your own values: `accessibility: {status: partially-compliant, prepared: YYYY-MM-DD, "
            'tested: YYYY-MM-DD, issues: ["what fails, and what a reader can do instead"]}` '
            "(docs/content-format.md explains each)",
        )
        return
    if stated.status != "fully-compliant" and not stated.issues:
        report.warn(
            ("accessibility", "status"),
            f"a site that is `{stated.status}` lists what is not accessible",
            "add `issues`: each thing that fails, the success criterion it fails, when it will be fixed, and what a "
            "reader can do instead",
        )
    if stated.status == "fully-compliant" and stated.issues:
        report.warn(
            ("accessibility", "issues"),
            "a `fully-compliant` site has no issues to list",
            "if these fail WCAG 2.2 AA, write `status: partially-compliant`; otherwise remove them",
        )
    if stated.tested is None:
        report.warn(
            ("accessibility", "tested_by" if stated.tested_by is not None else "status"),
            "the statement does not say when the site was last tested"
            + (", only by whom" if stated.tested_by is not None else ""),
            "add `tested`: the day (YYYY-MM-DD) of the last test against WCAG 2.2 AA, on which the status rests",
        )
    if stated.reviewed is not None and stated.reviewed.end < stated.prepared.start:
        report.error(
            ("accessibility", "reviewed"),
            f"the statement was reviewed ({stated.reviewed}) before it was prepared ({stated.prepared})",
            "check both dates: `reviewed` is the last time the statement was looked at again",
        )
    if as_of is None:
        return
    dated = {"prepared": stated.prepared, "reviewed": stated.reviewed, "tested": stated.tested}
    _not_after(report, ((("accessibility", key), key, date) for key, date in dated.items()), as_of)
    last, done = stated.prepared, "prepared"
    if stated.reviewed is not None and stated.reviewed.end >= last.end:
        last, done = stated.reviewed, "reviewed"
    if as_of - last.end > STALE_AFTER:
        report.warn(
            ("accessibility", done),
            f"the accessibility statement was last {done} {last}, over a year before the as-of date {as_of}",
            "review it against the site as it is now (the regulations ask for a regular review, at least once a "
            "year), and write the day in `reviewed`",
        )


_MOST_JUDGEMENTS = 100


def _key_for(label: str) -> str:
    """A grade's key made of its label's words, other than the one kept for no grade."""
    return next(key for key in (slugify(label), "none-of-these") if key and key != NO_GRADE)


def validate_frameworks(doc: Document) -> tuple[Frameworks | None, list[Problem]]:
    report = Report(doc)
    frameworks = parse_model(doc, Frameworks, report)
    if frameworks is None:
        return None, report.problems
    for name, scale in frameworks.scales.items():
        for grade, label in scale.items():
            if grade == NO_GRADE:
                # The key of the list of authorities with no single grade (grades/none/, and
                # the data's `none`): a grade of that name would lose its page to it.
                report.error(
                    ("scales", name, grade),
                    f"grade `{grade}` is the site's own name for no single grade: its page would be that list's",
                    f"give the grade a key from its label's words, e.g. `{_key_for(label)}`",
                    key=True,
                )
            elif meant := _misspelt_grade(grade, label):
                # An error, so that no authority file is checked against it: each would
                # otherwise be told to write the misspelling.
                report.error(
                    ("scales", name, grade),
                    f"grade `{grade}` misspells the words of its label, `{label}`",
                    f"authority files write a grade as its label's words: write `{meant}`",
                    key=True,
                )
    # Each type's judgements are limited; across the types, so is the number of different
    # ones: every one is a field of each inspection's form in the content manager.
    if len(judgements := frameworks.judgement_keys()) > _MOST_JUDGEMENTS:
        first = judgements[_MOST_JUDGEMENTS]
        key = next(key for key, kind in frameworks.types.items() if first in kind.judgements)
        report.error(
            ("types", key, "judgements", first),
            f"frameworks.yaml has more than {_MOST_JUDGEMENTS} different judgements across its types",
            "give judgements that mean the same the same key in every type (`overall`, "
            "`help-and-protection`), or remove types no inspection uses",
            key=True,
        )
    for key, kind in frameworks.types.items():
        at = ("types", key)
        if kind.graded:
            if kind.scale is None:
                report.error(
                    at + ("scale",),
                    f"graded type `{key}` has no `scale`",
                    "name one of the scales, or set `graded: false`",
                )
            elif kind.scale not in frameworks.scales:
                report.error(
                    at + ("scale",), f"unknown scale `{kind.scale}`", did_you_mean(kind.scale, frameworks.scales)
                )
            if not kind.headline:
                report.error(
                    at + ("headline",),
                    f"graded type `{key}` has no `headline` judgements",
                    "list the judgement keys overviews show, e.g. `headline: [overall]`",
                )
            for i, judgement in enumerate(kind.headline):
                if judgement not in kind.judgements:
                    report.error(
                        at + ("headline", i),
                        f"headline judgement `{judgement}` is not among this type's judgements",
                        did_you_mean(judgement, kind.judgements),
                    )
        else:
            for name in ("scale", "headline", "judgements"):
                if getattr(kind, name):
                    report.error(
                        at + (name,),
                        f"ungraded type `{key}` has `{name}`",
                        f"remove `{name}`, or set `graded: true`",
                        key=True,
                    )
        if kind.description and (problem := markdown_problem(kind.description)):
            report.warn(at + ("description",), *problem)
        if kind.in_use and kind.in_use.from_ and kind.in_use.to and kind.in_use.to.end < kind.in_use.from_.start:
            report.error(at + ("in_use", "to"), "`in_use.to` is before `in_use.from`", "swap the two dates")
        for judgement in kind.judgements:
            start, end = kind.judgement_period(judgement)
            if start and end and end.end < start.start:
                report.error(at + ("judgements", judgement, "to"), "`to` is before `from`", "swap the two dates")
    return (None if any(p.is_error for p in report.problems) else frameworks), report.problems


def _misspelt_grade(grade: str, label: str) -> str | None:
    """The key a grade's label spells, when the key is that with a word misspelt: `requires-improvment`.

    A slip is one letter left out, added, changed or swapped with the next, in a word of
    five letters or more. A key that is not its label's words at all (`ri`), or words of
    them in another form (`area` for "Areas", `childrens` for "Children's"), is a choice.
    """
    said = [word.replace("'", "") for word in re.findall(r"[a-z]+(?:'[a-z]+)*", label.lower().replace("’", "'"))]
    written = grade.split("-")
    meant = [w if w in said else next((m for m in said if _slip(w, m)), w) for w in written]
    return "-".join(meant) if meant != written and all(w in said for w in meant) else None


def _slip(written: str, meant: str) -> bool:
    """Whether written is meant with one letter left out, added, changed or swapped, before the
    word's last two: a change there makes another form of it (`required`, `declined`, `areas`)."""
    if min(len(written), len(meant)) < 5:
        return False
    end = max(len(written), len(meant)) - 2
    if len(written) == len(meant):
        differ = [k for k in range(len(meant)) if written[k] != meant[k]]
        swapped = (
            len(differ) == 2
            and differ[1] == differ[0] + 1
            and written[differ[0]] == meant[differ[1]]
            and written[differ[1]] == meant[differ[0]]
        )
        return (len(differ) == 1 or swapped) and differ[-1] < end
    short, long = sorted((written, meant), key=len)
    return len(long) - len(short) == 1 and any(long[:k] + long[k + 1 :] == short for k in range(end))


# Authorities ---------------------------------------------------------------------------


_GAPS_ONE_BY_ONE = 3  # recommendations no action answers, warned about each at its own line; more, at once
_FAR_AHEAD = 10  # years: a due date as far ahead is a mistyped year (`2204`), not a plan


@dataclass(frozen=True)
class Context:
    """What an authority's own rules need from outside its file."""

    frameworks: Frameworks
    as_of: dt.date
    slug: str


# An empty `former_slugs: []`, where a rename's warning tells the editor to add the old
# address, since writing the key again would be a duplicate key.
_NO_FORMER = "former_slugs: []"
# A source that is Ofsted's page of an authority's reports, named by its URN: an inspection
# copied into the wrong file comes with the other authority's page.
_PROVIDER = "provider"
_PROVIDER_PAGE = re.compile(r"//reports\.ofsted\.gov\.uk/provider/\d+/(\d{5,8})(?:[/?#]|$)")
_REPORT = "report"  # an Ofsted report's file, which is about one authority
_REPORT_FILE = re.compile(r"//files\.ofsted\.gov\.uk/v1/file/(\d{1,12})(?:[/?#]|$)")


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
            elif source.id in rests_on and "/v1/file/" in source.url and (report := _REPORT_FILE.search(source.url)):
                mention(_REPORT, int(report[1]), ("sources", k, "url"))
    return Links(doc.file, (listed("predecessors"), listed("successors")), tuple(mentions))


def cross_file_problems(links: dict[str, Links], added: Callable[[], frozenset[str]]) -> list[Problem]:
    """The rules between files: links that resolve and link back, codes used once, old addresses kept once.

    added: the files this change adds (asked only where two files share a name or code).
    """
    problems: list[Problem] = []
    holders: dict[tuple[str, object], list[tuple[str, Links, Mention]]] = {}  # a code: the files that give it
    claims: dict[str, list[tuple[str, Links, Mention]]] = {}  # old address: the files that keep it
    related: dict[str, set[object]] = {}
    # Each Ofsted URN's file, for the sources that are a provider's page.
    urns = {m.value: slug for slug, mine in links.items() for m in mine.mentions if m.key == "ofsted"}
    for slug, mine in links.items():
        related[slug] = {m.value for m in mine.mentions if m.key in ("predecessors", "successors")}
    for slug, mine in links.items():
        for m in mine.mentions:
            if m.key == _NO_FORMER:
                continue
            if m.key == _PROVIDER:
                owner = urns.get(m.value)
                if owner is not None and owner != slug and owner not in related[slug] and slug not in related[owner]:
                    problems.append(
                        mine.problem(
                            m,
                            f"this is Ofsted's page for the authority in authorities/{owner}.yaml "
                            f"(URN {m.value}), not this one's",
                            "check that this source, and what cites it, belong in this file and not in "
                            f"authorities/{owner}.yaml",
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
    new: frozenset[str] | None = None
    for (key, value), holding in holders.items():
        # Each is told, since either may be the one typed wrong; a successor may keep a
        # predecessor's code (the 2019 Dorset kept DfE 838).
        telling = [
            (slug, mine, m, sharing)
            for slug, mine, m in holding
            if (sharing := [o for o, *_ in holding if o != slug and o not in related[slug] and slug not in related[o]])
        ]
        if telling:
            # But where this change adds some of them, most often copies made to start
            # another authority, only those are told: the files copied from are as they were.
            new = added() if new is None else new
            telling = [one for one in telling if one[0] in new] or telling
        for _, mine, m, sharing in telling:
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
        # Each is told, since any of them may be the one whose page was there.
        for slug, mine, m in keeping:
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

    moved: history.moved_away; checked: each present file's links, None when it failed its
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
            hint = f"add `former_slugs: [{', '.join(olds)}]`, to keep a page there that sends readers to this one"
            problems.append(Problem(shown[new], 1, 1, message, hint, "warning", first_lines.get(new, "")))
    return problems


def validate_authority(doc: Document, ctx: Context) -> tuple[Authority | None, list[Problem]]:
    """The authority's model and every problem of its own file (the rules between files: cross_file_problems)."""
    report = Report(doc, frameworks=ctx.frameworks)

    def first(taken: bool) -> None:
        _misplaced(report)
        _stray_keys(report)
        _period_ends(report)
        if not taken:
            _entries_among_ids(report)  # a list of ids with an entry among it: never taken
        _placeholders(report, ctx.frameworks)
        _left_commented(report)

    authority = parse_model(doc, Authority, report, first)
    _numbers(report)
    if authority is None:
        return None, report.problems
    if doc.dropped:
        # The rules between entries, and every warning, wait until the file reads whole: one
        # may be only the dropped value's absence (`no action responds to r2` of the action
        # a duplicate `id:` dropped, `mv/r2 is not a recommendation` of a second
        # `recommendations:`).
        return None, [p for p in report.problems if p.is_error]
    _AuthorityRules(report, authority, ctx).run()
    has_errors = any(p.is_error for p in report.problems)
    return (None if has_errors else authority), report.problems


def _numbers(report: Report) -> None:
    """A number in range but not as written (`ofsted: 00123456` is 42798): the model takes it,
    so it is told here, also beside the errors of a file the model refused (where the model
    said nothing of it), so that it is not left for a later round of fixes."""
    data = report.doc.data
    listed = data.get("inspections") if isinstance(data, dict) else None
    counts = [("inspections", i, "recommendation_count") for i in range(len(listed) if isinstance(listed, list) else 0)]
    told = {(p.line, p.col) for p in report.problems}
    for path in [("codes", "dfe"), ("codes", "ofsted"), *counts]:
        node = report.doc.node(path)
        if node is None or not node.plain or node.raw is None or (node.raw.isdigit() and node.raw[0] != "0"):
            continue
        value = resolve_plain(node.raw)
        if isinstance(value, int) and node.raw != str(value) and report.doc.locate(path) not in told:
            report.error(
                path,
                f"`{path[-1]}`: {as_read(node.raw, value)}",
                leading_zero(node.raw) or "write the number in plain digits",
            )


def _misplaced(report: Report) -> None:
    """An entry written under the wrong heading (an inspection added after `plans:`), said once.

    Its keys are unknown where it is and its required ones missing; one error naming
    where it belongs replaces them all.
    """
    data = report.doc.data
    if not isinstance(data, dict):
        return
    lists: list[tuple[Path_, type[BaseModel], Any]] = [
        ((section,), model, data.get(section))
        for section, model in (("sources", Source), ("inspections", Inspection), ("plans", Plan), ("notes", Note))
    ]
    inspections, plans = data.get("inspections"), data.get("plans")  # the model says what else they are
    for i, inspection in enumerate(inspections if isinstance(inspections, list) else []):
        if isinstance(inspection, dict):
            lists.append((("inspections", i, "recommendations"), Recommendation, inspection.get("recommendations")))
            lists.append((("inspections", i, "notes"), Note, inspection.get("notes")))
    for i, plan in enumerate(plans if isinstance(plans, list) else []):
        if isinstance(plan, dict):
            actions = plan.get("actions")
            lists.append((("plans", i, "actions"), Action, actions))
            for j, action in enumerate(actions if isinstance(actions, list) else []):
                if isinstance(action, dict):  # an action written one step too far in
                    lists.append((("plans", i, "actions", j, "updates"), Update, action.get("updates")))
    for path, model, items in lists:
        here = keys_of(model)
        spans: dict[int, tuple[int, int]] | None = None  # each entry's first and last line, when needed
        started: set[str] = set()  # sections the file lacks, told once where to start
        for k, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict) or item.keys() <= here:
                continue  # nearly every entry: in its place
            fits = entries_with(item.keys(), but=model)
            if len(fits) != 1:
                continue
            kind, what, section, where = fits[0]
            unknown = ", ".join(f"`{key}`" for key in item if key not in here)
            if what == "an update":
                spans = spans or _spans(report.doc, path)
                hint = _update_of(report.doc, path, items, k, spans)
            elif len(path) >= 3 and any(one is kind and key == path[-3] for one, _, key, _ in ENTRIES):
                # One of the entries around it (an action under an action's updates): one step too far in.
                col = report.doc.locate((*path, k))[1]
                above, left = report.doc.locate(path[:-1])
                hint = (
                    f"move it and its lines {col - left} spaces left, so that its `-` is under the `-` of line {above}"
                )
            elif kind in (Source, Inspection, Plan, Delivery) and section not in data and (kin := _kin(items, kind)):
                # The first of its kind: its section's line is what is missing.
                line = report.doc.locate((*path, k))[0]
                own = [j for j in range(k + 1, len(items)) if isinstance(items[j], dict) and items[j].keys() <= here]
                # The first of its kind after the list's own entries, above which the section will start.
                after = next((j for j in range(own[-1] + 1, len(items)) if j in kin), None) if own else None
                if own and after is not None:
                    hint = (
                        f"the file has no `{section}:` yet: move it down to just above the entry on line "
                        f"{report.doc.locate((*path, after))[0]}, and write `{section}:` above them both"
                    )
                elif own:  # among the list's own entries: a section started here would take them
                    last = report.doc.locate((*path, own[-1]))[0]
                    hint = (
                        f"the file has no `{section}:` yet: move it below the last entry of `{path[-1]}:` (from "
                        f"line {last}), and write `{section}:` above it, on a line of its own, not indented"
                    )
                elif section in started:
                    report.settled_under.add((*path, k))
                    continue  # in the section the first one's hint starts
                else:
                    started.add(section)
                    hint = (
                        f"the file has no `{section}:` yet: write `{section}:` on a line of its own, not indented, "
                        f"just above line {line}"
                    )
            else:
                hint = f"move it {where}"
            report.error(
                (*path, k), f"this entry has the keys of {what} ({unknown}), but it is under `{path[-1]}:`", hint
            )
            report.settled_under.add((*path, k))


def _stray_keys(report: Report) -> None:
    """A key written one step too far in or out, told where it belongs, said once.

    An inspection's `summary:` indented under its `judgements:` would be told it is no
    grade (or too long for one); an action's `responds_to:` written as far in as its
    plan's keys, that it is unknown there. Either hint would lose what the editor wrote.
    """
    doc, data = report.doc, report.doc.data
    if not isinstance(data, dict):
        return
    inspections, plans = data.get("inspections"), data.get("plans")
    graded = (
        {key for kind in report.frameworks.types.values() for key in kind.judgements} if report.frameworks else set()
    )
    own = keys_of(Inspection) - graded
    for i, inspection in enumerate(inspections if isinstance(inspections, list) else []):
        if not isinstance(inspection, dict):
            continue
        judgements = inspection.get("judgements")
        for key in judgements if isinstance(judgements, dict) else ():
            if key in own:
                line, col = doc.locate(("inspections", i, "judgements"), key=True)
                report.error(
                    ("inspections", i, "judgements", key),
                    f"`{key}` is a key of the inspection, not a judgement, but it is written under `judgements:`",
                    f"write it as far in as `judgements:`: {col - 1} spaces, like line {line}",
                    key=True,
                )
                report.settled_under.add(("inspections", i, "judgements", key))
                report.settled.add(("inspections", i, key))  # missing there for this one reason
        _too_shallow(report, ("inspections", i), inspection, Inspection, "recommendations", Recommendation)
    for i, plan in enumerate(plans if isinstance(plans, list) else []):
        if not isinstance(plan, dict):
            continue
        _too_shallow(report, ("plans", i), plan, Plan, "actions", Action)
        actions = plan.get("actions")
        for j, action in enumerate(actions if isinstance(actions, list) else []):
            if isinstance(action, dict):
                _too_shallow(report, ("plans", i, "actions", j), action, Action, "updates", Update)


# What a period's ends are called elsewhere (a spreadsheet's columns, a form's fields).
_ENDS = {"start": "from", "starts": "from", "begin": "from", "end": "to", "ends": "to", "until": "to", "finish": "to"}


def _period_ends(report: Report) -> None:
    """A visit's or a period of delivery's ends written `start:` and `end:`: one error at each
    word, with the word to write, where the model would say each is unknown and that `from`
    and `to` are missing."""
    data = report.doc.data
    if not isinstance(data, dict):
        return
    inspections, delivery = data.get("inspections"), data.get("delivery")
    periods: list[tuple[Path_, Any]] = [
        (("inspections", i, "visited"), inspection.get("visited"))
        for i, inspection in enumerate(inspections if isinstance(inspections, list) else [])
        if isinstance(inspection, dict)
    ]
    periods += [(("delivery", i), period) for i, period in enumerate(delivery if isinstance(delivery, list) else [])]
    for path, period in periods:
        if not isinstance(period, dict):
            continue
        for key in period:
            meant = _ENDS.get(str(key).lower())
            if meant is None or meant in period:
                continue
            what = "a visit's dates are" if path[-1] == "visited" else "a period's dates are"
            report.error(
                (*path, key),
                f"`{key}` is written `{meant}` here",
                f"write `{meant}:` in place of `{key}:`: {what} `from:` and `to:`",
                key=True,
            )
            report.settled.update({(*path, key), (*path, meant)})


def _too_shallow(
    report: Report, path: Path_, entry: dict[Any, Any], model: type[BaseModel], key: str, child: type[BaseModel]
) -> None:
    """Keys of entry's last item under key (an action of a plan) written after it as far in as entry's own."""
    items = entry.get(key)
    if not isinstance(items, list) or not items or not isinstance(items[-1], dict) or not items[-1]:
        return
    if entry.keys() <= keys_of(model):
        return  # nearly always: every key is the entry's own
    last = items[-1]
    doc = report.doc
    what = next(name for kind, name, *_ in ENTRIES if kind is child)
    first = next(iter(last))
    line, col = doc.locate((*path, key, len(items) - 1, first), key=True)
    braces = doc.source_line(line)[: col - 1].rstrip().endswith("{")  # `- {date: ..., status: ...}`
    for stray in entry:
        if stray in keys_of(model) or stray not in keys_of(child):
            continue
        at, stray_col = doc.locate((*path, stray), key=True)
        if at <= line:
            continue  # written before the items, or on one line with them: another mistake
        if braces:
            hint = f"if it belongs to {what} above it, write it inside its braces on line {line}, after a comma"
        else:
            node = doc.node((*path, stray))
            lines = node is not None and doc.last_line(node.line, node.col) > at
            hint = (
                f"if it belongs to {what} above it, move it {col - stray_col} spaces right, in line with that one's "
                f"keys (line {line})" + (", and the lines of its value with it" if lines else "")
            )
        report.error((*path, stray), f"`{stray}` is a key of {what}, not of the entry it is written in", hint, key=True)
        report.settled.add((*path, stray))
        report.settled.add((*path, key, len(items) - 1, stray))  # missing there for this one reason


def _kin(items: list[Any], kind: type[BaseModel]) -> set[int]:
    """The indexes of the entries of items that have the keys of kind and of no other entry."""
    return {
        j
        for j, item in enumerate(items)
        if isinstance(item, dict) and [fit[0] for fit in entries_with(item.keys())] == [kind]
    }


def _entries_among_ids(report: Report) -> None:
    """Entries that follow a list of ids written one per line, and so became items of it, said once per run.

    `sources:` then `- ilacs-report`, then `- id: r1` with the `recommendations:` line
    left out: each entry would be told it "must be text", and the hint to write text
    there would lose the editor's recommendations.
    """
    lists: list[tuple[Path_, Any]] = []

    def walk(path: Path_, value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, (dict, list)):
                    walk((*path, key), item)
        elif isinstance(value, list):
            entries = [item for item in value if isinstance(item, (dict, list))]
            # A list of ids or names with an entry among them.
            if entries and len(entries) < len(value) and path and isinstance(path[-1], str):
                lists.append((path, value))
            for k, item in enumerate(value):
                if isinstance(item, (dict, list)):
                    walk((*path, k), item)

    walk((), report.doc.data)
    for path, items in lists:
        if models_at(Authority, (*path, 0)):
            continue  # a list of entries with text among them: the text is what is wrong
        said = False  # of the run of entries this item is in
        for k, item in enumerate(items):
            if not isinstance(item, dict):
                said = False
                continue
            fits = [] if said or not item else entries_with(item.keys())
            if len(fits) == 1:
                _, what, key, where = fits[0]
                report.error(
                    (*path, k),
                    f"this entry has the keys of {what}, but it is an item of `{path[-1]}`",
                    _own_list(report, path, key, where),
                )
                said = True
            if said:
                report.settled_under.add((*path, k))


def _own_list(report: Report, path: Path_, key: str, where: str) -> str:
    """Where an entry found in the list at path goes: likely a list of its own beside that one, its key left out."""
    beside = value_at(report.doc.data, path[:-1])
    if isinstance(beside, dict) and key in beside:
        return f"move it under `{key}:` on line {report.doc.locate((*path[:-1], key), key=True)[0]}"
    if key in fields_at(Authority, path[:-1]):
        return (
            f"if it starts the `{key}` of this entry, write `{key}:` on the line before it, in line with "
            f"`{path[-1]}:` on line {report.doc.locate(path, key=True)[0]}"
        )
    return f"move it {where}"


def _spans(doc: Document, path: Path_) -> dict[int, tuple[int, int]]:
    """The first and last line of each entry of the list at path."""
    starts: dict[int, tuple[tuple[int, int], tuple[int, int]]] = {}  # the first and last value's position
    depth = len(path)
    for at, node in doc.index.items():
        if len(at) > depth and at[:depth] == path and isinstance(k := at[depth], int):
            here = (node.line, node.col)
            first, last = starts.get(k, (here, here))
            starts[k] = (min(first, here), max(last, here))
    return {k: (first[0], doc.last_line(*last)) for k, (first, last) in starts.items()}


def _update_of(doc: Document, path: Path_, actions: list[Any], k: int, spans: dict[int, tuple[int, int]]) -> str:
    """Where an update written among the actions goes: most likely, the action above it (past other updates).

    Said in lines and spaces: an editor who only indents its first line, or by too little,
    makes of the rest another mistake.
    """
    j = next((j for j in range(k - 1, -1, -1) if not isinstance(actions[j], dict) or "id" in actions[j]), None)
    above = actions[j] if j is not None else None
    if j is None or not isinstance(above, dict) or not isinstance(above.get("id"), str):
        return "move it under an action's `updates:`"
    named = f"if it is an update to action `{above['id']}` above"
    first, last = spans.get(k, (0, 0))
    lines = f"line {first}" if first == last else f"lines {first} to {last}"
    dash = _dash_column(doc, (*path, k))
    if "updates" in above:
        under = _dash_column(doc, (*path, j, "updates", 0))
        if dash is None or under is None or under <= dash:
            return f"{named}, indent it as far as that action's other updates"
        return f"{named}, indent {lines} by {under - dash} more spaces, as far as that action's other updates"
    keys = doc.locate((*path, j, "id"), key=True)[1] - 1  # the action's keys' indent
    if dash is None or keys + 2 <= dash or in_brackets(doc.lines, doc.node((*path, j))):
        # A `{...}` action has no keys on lines of their own to line `updates:` up with.
        return f"{named}, write `updates:` under that action, lined up with its keys, and indent this entry further"
    # The lines to move first: written the other way round, the new line would shift them.
    return (
        f"{named}, indent {lines} by {keys + 2 - dash} more spaces, then write `updates:` on a new line "
        f"after line {spans[j][1]}, indented {keys} spaces like that action's keys"
    )


def _dash_column(doc: Document, path: Path_) -> int | None:
    """The indent of the `- ` that starts the list item at path, if it is written so."""
    node = doc.node(path)
    if node is None or node.col < 3:
        return None
    dash = node.col - 3
    return dash if doc.source_line(node.line)[dash : dash + 2] == "- " else None


# What `new` writes for a value to fill in, and what editors write for one: `todo`,
# `TODO: the date`, `TODO.`, `TODO fill in`, `[TODO]` in quotes; not a sentence that
# starts with the word (`Todo list agreed`).
_TODO = re.compile(r"\[?(?:TODO(?![A-Za-z0-9])|(?i:todo)(?::|\.?\]?$))")


# What a block `new` adds holds until it is filled in: `""`, `todo`, `[todo]`, a date to write.
_UNFILLED = re.compile(r'""|: todo\b|\[todo\]|YYYY-MM-DD')


def _left_commented(report: Report) -> None:
    """Each block `new` added whose values are filled in but whose lines are still commented
    out: YAML skips them, so nothing else would tell of them, and the page shows nothing."""
    doc = report.doc
    if BLOCK_START not in doc.text:
        return
    start = None
    for number, line in enumerate(doc.lines, 1):
        written = line.lstrip(" ")
        if written.startswith(BLOCK_END):
            inside = [doc.lines[n - 1].lstrip(" ") for n in range(start or number, number)]
            body = [
                (n, text[2:].split(" # ")[0])
                for n, text in enumerate(inside, start or number)
                if text.startswith("# ") and not text[2:].lstrip().startswith("#")
            ]
            # A line of YAML among them: the block is uncommented, and what is left are its notes.
            uncommented = any(text and not text.startswith("#") for text in inside)
            if start is not None and body and not uncommented and not any(_UNFILLED.search(v) for _, v in body):
                first, last = body[0][0], body[-1][0]
                report.warn_at(
                    (first, len(doc.lines[first - 1]) - len(doc.lines[first - 1].lstrip(" ")) + 1),
                    "this block that `new` added is filled in but still commented out: YAML skips its lines, so "
                    "the page will not show it",
                    f"remove the `# ` at the start of lines {first} to {last}, and delete the lines starting `##`",
                )
            start = None
        elif written.startswith(BLOCK_START):
            start = number + 1


def _placeholders(report: Report, frameworks: Frameworks) -> None:
    """Each `todo` that `new` wrote for a value to fill in, reported before anything else.

    It stands for a grade, a status, a number, a code or a reference. Left to the model
    and the rules, each would be found in a different round: a number's at once, a
    grade's or a source's only once the file has no other error. Found here, every one
    is said at once, and nothing else is said of it.
    """
    data = report.doc.data
    text = report.doc.text
    if "todo" not in text and "TODO" not in text and "Todo" not in text:
        return  # nearly every file: a search of its text (a plain one: fast) instead of a walk
    stack: list[tuple[Path_, Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for part, item in items:
            if isinstance(item, (dict, list)):
                stack.append(((*path, part), item))
            elif isinstance(item, str) and _TODO.match(item.strip()):
                key = next((str(p) for p in reversed(path + (part,)) if isinstance(p, str)), "value")
                shown = item.strip() if len(item.strip()) <= 40 else item.strip()[:39] + "…"
                if not isinstance(part, int):
                    written = f"`{key}: {shown}`"
                else:
                    written = f"`{key}: [{shown}]`" if len(value) == 1 else f"`{shown}` in `{key}`"
                hint = _todo_hint(report.doc, (*path, part), key, frameworks, shown)
                report.error((*path, part), f"{written} is a placeholder that was not filled in", hint)
                report.settled.add((*path, part))


def _todo_hint(doc: Document, path: Path_, key: str, frameworks: Frameworks, shown: str) -> str:
    data, delete = doc.data, deletion(doc, path, shown)
    if "judgements" in path and path[0] == "inspections" and isinstance(path[1], int):
        return grades_hint(data, path, key, frameworks, delete)
    if key == "sources":
        sources = data.get("sources") if isinstance(data, dict) else None
        ids = [s["id"] for s in sources or [] if isinstance(s, dict) and isinstance(s.get("id"), str) and s["id"]]
        listed = listing(ids, last=True) if ids else "none has an id yet"
        optional = "" if is_required(Authority, path[:-1]) else f", or {delete}"
        return f"write the id of each source that says so, from the file's `sources:` ({listed}){optional}"
    if key == "responds_to" and path[0] == "plans" and (answered := _answered_points(data, path)):
        return (
            f"write the ids of the recommendations it answers, from those of the inspections its plan answers: "
            f"{listing(answered)}; or {delete}"
        )
    if key == "in_response_to" and (inspections := [i["id"] for i in with_ids(data, "inspections") if i["id"]]):
        # The file's own, in its order; of many, the last, which an editor adding an inspection
        # and then its plan has just written.
        listed = listing(inspections, last=True)
        return f"write the ids of the inspections it answers, from the file's: {listed}; or {delete}"
    if key in _TODO_HINTS:
        return _TODO_HINTS[key].format(delete=delete)
    if isinstance(path[-1], str):
        return fill_in(doc, Authority, path, "the value", shown)
    return "write the value, or delete the item"


def _answered_points(data: Any, path: Path_) -> list[str]:
    """The recommendation ids of the inspections an action's plan answers, from the file as written."""
    plan = value_at(data, path[:2])
    answered = plan.get("in_response_to") if isinstance(plan, dict) else None
    inspections = data.get("inspections") if isinstance(data, dict) else None
    if not isinstance(answered, list) or not isinstance(inspections, list):
        return []
    return [
        f"{i['id']}/{r['id']}"
        for i in inspections
        if isinstance(i, dict) and i.get("id") in answered and isinstance(i.get("recommendations"), list)
        for r in i["recommendations"]
        if isinstance(r, dict) and isinstance(r.get("id"), str)
    ]


# `{delete}`: how to remove the value where it is written (deletion).
_TODO_HINTS = {
    "status": "write one of: " + ", ".join(f"`{s}`" for s in typing.get_args(Status)),
    "workstream": "write the id of one of the plan's `workstreams`",
    "responds_to": "write the ids of the recommendations it answers, like `ilacs-2023/r1`, or {delete}",
    "in_response_to": "write the ids of the inspections it answers, like `ilacs-2023`, or {delete}",
    "recommendation_count": "write how many points the report lists, in digits, or {delete}",
    "gss": "write the ONS code, a letter and 8 digits, like `E06000051`, or delete it",
    "dfe": "write the 3-digit DfE local authority number, like `885`, or delete it",
    "ofsted": "write the 5- to 8-digit Ofsted URN, like `80584`, or delete it",
}


def _recommendation_hint(
    ref: str, inspections: set[str], recommendations: Collection[str], answered: Collection[str] = ()
) -> str:
    """A hint for a `responds_to` entry that names no recommendation: it suggests a whole `inspection/id`.

    answered: the points some action answers; one that none does, and whose id is near the
    one written, is likely the point renamed."""
    inspection, _, rec = ref.partition("/")
    listed = [r.partition("/")[2] for r in sorted(recommendations, key=in_order) if r.startswith(inspection + "/")]
    if inspection in inspections and not listed:
        return f"inspection `{inspection}` lists no recommendations: add them under its `recommendations:` first"
    if inspection in inspections and rec.lower() in listed:
        return f"did you mean `{inspection}/{rec.lower()}`? ids are written in lowercase"
    numbered = [r for r in listed if rec.isdigit() and re.fullmatch(rf"[^0-9]*0*{int(rec)}", r)]
    # Only where every point's id starts alike: among `p1`, `r1` and `r2`, the report's
    # second point may be `r1`.
    if inspection in inspections and len(numbered) == 1 and len({re.sub("[0-9]", "", r) for r in listed}) == 1:
        # `ilacs-2023/3`: the point's number in the report, where its id is `r3`.
        return f"did you mean `{inspection}/{numbered[0]}`? a point is named by its id, `{numbered[0]}`, not its number"
    if inspection in inspections:
        # Near in its letters, with the same number: `r2a` for `r2`, not `r10` for `r1`.
        renamed = [
            r
            for r in listed
            if f"{inspection}/{r}" not in answered
            and re.sub(r"\D", "", r) == re.sub(r"\D", "", rec)
            and (r.startswith(rec) or closest(rec, [r]))
        ]
        if len(renamed) == 1:
            return (
                f"did you mean `{inspection}/{renamed[0]}`? no action answers that point: `{rec}` may have been renamed"
            )
        # `r9` near `r8` is another recommendation, not a misspelling of it: list them.
        shown = listing(listed)
        return (
            f"inspection `{inspection}` lists {shown}; if `{rec}` is another of its points, "
            "add it under its `recommendations:`; if it was deleted, remove it from this list"
        )
    if not (inspection and rec):
        return did_you_mean(ref, recommendations) or "add the inspection's recommendations under its `recommendations:`"
    close = did_you_mean(ref, recommendations)
    # `ilacs-2025/r4` where the inspection is `ilacs-short-2025`: the inspection is what is
    # wrong, and a list of every point in the file would bury it. Those with points are offered.
    pointed = {r.partition("/")[0] for r in recommendations}
    if close.startswith("did you mean") or not pointed:
        return close or f"no inspection in this file has the id `{inspection}`: add that inspection, or correct the id"
    return f"no inspection in this file has the id `{inspection}`; {did_you_mean(inspection, pointed)}"


def _repeats(values: Iterable[str]) -> Iterator[tuple[int, int]]:
    """(index, index of its first use) for each value used before in the list."""
    first: dict[str, int] = {}
    for i, value in enumerate(values):
        if first.setdefault(value, i) != i:
            yield i, first[value]


def _named(a: Authority) -> Iterator[tuple[str, Path_, str]]:
    """Every id a reference can name, with what it names (a source, an inspection, a recommendation) and its path."""
    for i, source in enumerate(a.sources):
        yield "source", ("sources", i, "id"), source.id
    for i, inspection in enumerate(a.inspections):
        yield "inspection", ("inspections", i, "id"), inspection.id
        for j, rec in enumerate(inspection.recommendations):
            yield "recommendation", ("inspections", i, "recommendations", j, "id"), f"{inspection.id}/{rec.id}"


def _unique(report: Report, items: list[Any], path: Path_, what: str) -> set[str]:
    for i, first in _repeats(item.id for item in items):
        line, _ = report.doc.locate(path + (first, "id"))
        report.error(
            path + (i, "id"),
            f"{what} id `{items[i].id}` is used twice",
            f"it is also the id on line {line}: give each {what} its own id",
        )
    return {item.id for item in items}


def _not_after(report: Report, dated: Iterable[tuple[Path_, str, PartialDate | None]], as_of: dt.date) -> None:
    """Each date of something that has happened (with its path and key) that is after the as-of day: an error."""
    for path, key, date in dated:
        if date is not None and date.start > as_of:
            report.error(
                path,
                f"`{key}: {date}` is in the future (this check is as of {as_of})",
                # An update dated ahead is most often one planned: its date is the action's `due`.
                "an update records what has happened by its date: check the year; a date still to come is the "
                "action's `due`"
                if path[-1] == "date"
                else "dates of things that happened cannot be in the future; check the year",
            )


def _put_first(updates: list[Update], k: int) -> bool:
    """Whether update k, not the one after it, is out of place: the list is in order without
    it, and not without the other (most often the newest, added at the top)."""

    def in_order(kept: list[Update]) -> bool:
        return all(b.date.end >= a.date.start for a, b in itertools.pairwise(kept))

    return in_order(updates[:k] + updates[k + 1 :]) and not in_order(updates[: k + 1] + updates[k + 2 :])


def _past_dates(a: Authority) -> Iterator[tuple[Path_, str, PartialDate | None]]:
    """Every date of something that has happened (not deadlines), with its path and key."""
    yield ("created",), "created", a.created
    yield ("abolished",), "abolished", a.abolished
    for i, source in enumerate(a.sources):
        yield ("sources", i, "published"), "published", source.published
    for i, delivery in enumerate(a.delivery):
        yield ("delivery", i, "from"), "from", delivery.from_
        yield ("delivery", i, "to"), "to", delivery.to
    for i, inspection in enumerate(a.inspections):
        at = ("inspections", i)
        if isinstance(inspection.visited, PartialDate):
            yield at + ("visited",), "visited", inspection.visited
        else:
            yield at + ("visited", "from"), "visited.from", inspection.visit_start
            yield at + ("visited", "to"), "visited.to", inspection.visit_end
        yield at + ("published",), "published", inspection.published
    for i, plan in enumerate(a.plans):
        yield ("plans", i, "adopted"), "adopted", plan.adopted
        yield ("plans", i, "closed"), "closed", plan.closed
        for j, action in enumerate(plan.actions):
            for k, update in enumerate(action.updates):
                yield ("plans", i, "actions", j, "updates", k, "date"), "date", update.date


class _AuthorityRules:
    def __init__(self, report: Report, authority: Authority, ctx: Context) -> None:
        self.report, self.a, self.ctx = report, authority, ctx
        self.texts = Texts(report)
        self.sources: set[str] = set()
        # (what it names, folded id): the references that miss it, as written, and where.
        self.miscased: dict[tuple[str, str], list[tuple[str, Path_]]] = {}
        self.gone: collections.Counter[str] | None = None  # see _gone
        # Inspection id: (a recommendation id it repeats, the lines it is on), the first such.
        self.repeated: dict[str, tuple[str, list[int]]] = {}

    def run(self) -> None:
        a, report = self.a, self.report
        self.sources = _unique(report, a.sources, ("sources",), "source")
        for k, source in enumerate(a.sources):
            for address, what in private_addresses(source.url)[:1]:
                report.warn(
                    ("sources", k, "url"),
                    f"`{address}` is {what}",
                    "give the address where the document is published on the web",
                )
            for address, inner in wrapped_addresses(source.url)[:1]:
                serious, message, hint = wrapped_problem(address, inner)
                (report.error if serious else report.warn)(("sources", k, "url"), message, hint)
            if (trimmed := sentence_end_trimmed(source.url)) != source.url:
                # A sentence's full stop or comma, copied with the address: most sites
                # answer "not found" to it.
                ending = source.url[len(trimmed) :]
                report.warn(
                    ("sources", k, "url"),
                    f"the address ends with `{ending}`, as one copied from the end of a sentence does",
                    f"delete the `{ending}` unless the page opens only with it: `{trimmed}`",
                )
        if not a.inspections:
            report.warn((), "this authority has no inspections", "add its inspections under `inspections:`")
        if a.region is not None and a.region not in REGIONS:
            # The overview groups and filters by region: another spelling is another region.
            report.warn(
                ("region",), f"`{a.region}` is not one of the nine English regions", did_you_mean(a.region, REGIONS)
            )
        _not_after(report, _past_dates(a), self.ctx.as_of)
        if a.created and a.abolished and a.abolished.end < a.created.start:
            report.error(("abolished",), "`abolished` is before `created`", "check both dates")
        else:
            self._within_life()
        for i, delivery in enumerate(a.delivery):
            if delivery.to and delivery.to.end < delivery.from_.start:
                report.error(("delivery", i, "to"), "`to` is before `from`", "check both dates")
            self._refs(delivery.sources, ("delivery", i, "sources"))
        self._notes(a.notes, ("notes",))
        _unique(report, a.inspections, ("inspections",), "inspection")
        self._one_report_twice()
        # By id (the first, where one is repeated); None where the file gives no date.
        dates = {i.id: i.visit_start or i.published for i in reversed(a.inspections)}
        recommendations: set[str] = set()
        for i, inspection in enumerate(a.inspections):
            recommendations |= self._inspection(inspection, ("inspections", i))
        responded: set[str] = set()
        _unique(report, a.plans, ("plans",), "plan")
        for i, plan in enumerate(a.plans):
            responded |= self._plan(plan, ("plans", i), dates, recommendations)
        self._case_slips()
        self._open_plans()
        self._page_names()
        self._former_slugs()
        for path, text in plain_fields(a):
            self.texts.plain(path, text)
        # A plan whose actions are recorded should answer each recommendation of the
        # inspections it responds to. Where no plan, or no action, is recorded, the page
        # says so; that is missing information, not an editor's slip.
        answered = {i for plan in a.plans if plan.actions for i in plan.in_response_to}
        # A reference in other capitals is already an error: it meant this recommendation.
        responded = {ref.casefold() for ref in responded}
        for i, inspection in enumerate(a.inspections):
            if inspection.id not in answered:
                continue
            # Each id once: a second recommendation given the same id is an error of its own.
            first = {rec.id: j for j, rec in reversed(list(enumerate(inspection.recommendations)))}
            gaps = [
                (j, rec.id)
                for j, rec in enumerate(inspection.recommendations)
                if f"{inspection.id}/{rec.id}".casefold() not in responded and first[rec.id] == j
            ]
            if len(gaps) > _GAPS_ONE_BY_ONE:
                # A plan being entered action by action: one warning, not one on every line
                # of the inspection that the editor did not touch.
                ids = [rec for _, rec in gaps]
                report.warn(
                    ("inspections", i, "recommendations"),
                    f"{len(gaps)} of the {len(inspection.recommendations)} recommendations of `{inspection.id}` "
                    f"have no plan action responding: {listing(ids, limit=30)}",
                    f"add each to the `responds_to` of the action that answers it, as `{inspection.id}/{ids[0]}`",
                    key=True,
                )
                continue
            for j, rec_id in gaps:
                report.warn(
                    ("inspections", i, "recommendations", j),
                    f"no plan action responds to recommendation `{inspection.id}/{rec_id}`",
                    f"add `{inspection.id}/{rec_id}` to the `responds_to` of the action that answers it",
                )
        for path, text in markdown_fields(a):
            self.texts.markdown(path, text)

    def _open_plans(self) -> None:
        for i, plan in enumerate(self.a.plans):
            if plan.closed is None and not plan.in_response_to:
                # The current plan is the open one answering the latest inspection: one that
                # names none is never current, whatever its actions answer.
                named = list(dict.fromkeys(ref.partition("/")[0] for x in plan.actions for ref in x.responds_to))
                self.report.warn(
                    ("plans", i),
                    f"plan `{plan.id}` names no inspection it answers, so the page can neither show it as the "
                    "current plan nor say what it answers",
                    f"add `in_response_to: [{', '.join(named)}]`, the inspections its actions answer"
                    if named
                    else "add `in_response_to: [<inspection-id>]`, the inspection whose points it answers",
                )
        gone = self.a.abolished
        for i, plan in enumerate(self.a.plans if gone else ()):
            # Its unfinished actions would be counted due, and overdue, as of today, and the
            # council told to update them. One adopted after abolition is told so instead.
            unfinished = any(x.current_status not in FINAL_STATUSES for x in plan.actions)
            if gone and plan.closed is None and unfinished and not (plan.adopted and plan.adopted.start > gone.end):
                self.report.warn(
                    ("plans", i, "id"),
                    f"plan `{plan.id}` is not closed, but this authority was abolished ({self.a.abolished}): pages "
                    "would count its unfinished actions as still due, and those past their date as overdue",
                    f"give the plan `closed:` and the date it ended (`closed: {self.a.abolished}` if it ended with "
                    "the council)",
                )
        # A refreshed plan added beside the one it replaced, the old one left open: the
        # page shows one plan in force, the later, and the other as an earlier plan with
        # no closing date, its overdue actions named, which the editor did not mean to say.
        plans = self.a.plans
        for i, earlier in enumerate(plans):
            if earlier.closed is not None:
                continue
            for later in plans[i + 1 :]:
                shared = next((x for x in earlier.in_response_to if x in later.in_response_to), None)
                if later.closed is not None or shared is None:
                    continue
                ended = (
                    f"`closed: {later.adopted}` (when `{later.id}` was adopted, if the old one ended then)"
                    if later.adopted
                    else "`closed:` and the date it ended"
                )
                self.report.warn(
                    ("plans", i, "id"),
                    f"plans `{earlier.id}` and `{later.id}` both answer `{shared}`, and neither is closed",
                    f"pages show one plan in force, the later one in the file: if `{later.id}` replaced "
                    f"`{earlier.id}`, give `{earlier.id}` {ended}; if they are one plan, move the actions "
                    "of one into the other",
                )
                break

    def _one_report_twice(self) -> None:
        """Two inspections of one kind, and of no other, citing one report of Ofsted's: one
        entered twice.

        Of different kinds, they may: a report recounts the inspections before it (an old
        inspection may be known from it alone), and visits cite the inspection they follow.
        """
        reports = {s.id: m[1] for s in self.a.sources if "/v1/file/" in s.url and (m := _REPORT_FILE.search(s.url))}
        if reports:
            self._report_dates(reports)
        if not reports or len(self.a.inspections) < 2:
            return
        # A report cited by inspections of two kinds is one's own and context for the others
        # (two monitoring visits citing the inspection they follow up): none is told.
        kinds: dict[str, set[str]] = {}
        for inspection in self.a.inspections:
            for source in inspection.sources:
                if source in reports:
                    kinds.setdefault(reports[source], set()).add(inspection.type)
        first: dict[str, int] = {}  # each report: the first inspection citing it
        for i, inspection in enumerate(self.a.inspections):
            for k, source in enumerate(inspection.sources):
                if source not in reports or len(kinds[reports[source]]) > 1:
                    continue
                if (j := first.setdefault(reports[source], i)) != i:
                    other = self.a.inspections[j]
                    line, _ = self.report.doc.locate(("inspections", j), key=True)
                    self.report.warn(
                        ("inspections", i, "sources", k),
                        f"inspection `{inspection.id}` cites the report that inspection `{other.id}` on line {line} "
                        f"cites, and both are `{inspection.type}`: each inspection has a report of its own",
                        "if they are one inspection, delete one of them; if not, give each its own report",
                    )
                    break

    def _report_dates(self, reports: dict[str, str]) -> None:
        """An inspection published on another day than the report of Ofsted's that is its own:
        the one inspection that cites it. (A report several inspections cite recounts the
        earlier ones, published after them.)"""
        citing: dict[str, list[int]] = {}
        for i, inspection in enumerate(self.a.inspections):
            for cited in dict.fromkeys(inspection.sources):
                if cited in reports:
                    citing.setdefault(cited, []).append(i)
        by_id = {source.id: (k, source) for k, source in enumerate(self.a.sources)}
        for source_id, (i,) in ((cited, c) for cited, c in citing.items() if len(c) == 1):
            inspection, (k, report) = self.a.inspections[i], by_id[source_id]
            if inspection.published and report.published and inspection.published != report.published:
                line, _ = self.report.doc.locate(("sources", k, "published"))
                self.report.warn(
                    ("inspections", i, "published"),
                    f"inspection `{inspection.id}` is published {inspection.published}, but its report, "
                    f"`{source_id}`, is published {report.published} (line {line})",
                    "check both against the report: they are one date",
                )

    def _former_slugs(self) -> None:
        former = self.a.former_slugs
        for i, old in enumerate(former):
            if old == self.ctx.slug:
                self.report.error(
                    ("former_slugs", i),
                    f"`{old}` is this file's own address",
                    "list only the addresses the page had before its file was renamed",
                )
        self._twice(former, ("former_slugs",), said=self.ctx.slug)

    def _twice(self, values: list[str], path: Path_, said: str | None = None) -> None:
        """Each id a list names again, as a merge or a paste leaves it: the page would show
        it twice. said: a value already told of."""
        if len(values) < 2 or len(set(values)) == len(values):
            return
        for i, first in _repeats(values):
            if values[i] == said:
                continue
            line, _ = self.report.doc.locate(path + (first,))
            here = "earlier on this line" if line == self.report.doc.locate(path + (i,))[0] else f"on line {line}"
            self.report.error(path + (i,), f"`{values[i]}` is listed twice", f"it is also {here}: remove one")

    def _page_names(self) -> None:
        # Ids used twice are reported as such; this is about different ids that join up
        # into one name (`ilacs` + `2023-r1` and `ilacs-2023` + `r1`).
        named: dict[str, str] = {}
        told: set[tuple[str, str]] = set()
        for path, name, what in page_names(self.a):
            other = named.setdefault(name, what)
            if other != what and (what, other) not in told:
                told.add((what, other))
                self.report.error(
                    path,
                    f"{what} would have the same address on the page as {other}: `#{name}`",
                    "change one of the two ids, so that a link to one does not lead to the other",
                )

    def _refs(self, ids: list[str], path: Path_) -> None:
        self._twice(ids, path)
        for k, source in enumerate(ids):
            if source not in self.sources:
                hint = self._case_hint("source", source, path + (k,)) or self.report.searched(
                    "source", source, self.sources
                )
                if hint.startswith("expected one of: "):  # none close: most often a source deleted
                    hint = f"if the source was deleted, remove `{source}` from this list; else use one of: " + (
                        hint.removeprefix("expected one of: ")
                    )
                self.report.error(
                    path + (k,),
                    f"unknown source `{source}`",
                    hint or "use one of the ids under `sources:` at the top of the file, or add it there",
                )

    @functools.cached_property
    def answered(self) -> frozenset[str]:
        """Every point an action answers, as `inspection/id`: worked out only when a
        reference misses."""
        return frozenset(ref for plan in self.a.plans for action in plan.actions for ref in action.responds_to)

    @functools.cached_property
    def folded(self) -> dict[tuple[str, str], tuple[str, Path_]]:
        """Every id a reference can name, by its letters in one case: a reference that matches
        one only so was written before the id's capitals changed, or after. Worked out only
        when a reference misses, off the path of a file with none."""
        return {(kind, ident.casefold()): (ident, path) for kind, path, ident in _named(self.a)}

    def _gone(self) -> collections.Counter[str]:
        """How many times the plans name each inspection the file does not have: counted when
        first asked, as only a file with such a reference asks."""
        if self.gone is not None:
            return self.gone
        known = {inspection.id for inspection in self.a.inspections}
        self.gone = collections.Counter(
            named
            for plan in self.a.plans
            for named in itertools.chain(
                plan.in_response_to, (ref.partition("/")[0] for x in plan.actions for ref in x.responds_to)
            )
            if named not in known
        )
        return self.gone

    def _gone_hint(self, inspection: str, hint: str) -> str:
        """For a reference to an inspection the file does not have, where others name it too:
        most often one deleted, or moved to another file, which they all still answer."""
        if "did you mean" in hint:
            return hint
        named = self._gone()[inspection]
        if named < 2:
            return hint
        return (
            f"no inspection in this file has the id `{inspection}`, and {named} references here name it: if it "
            "was deleted or moved by mistake, put it back; if not, change or remove each of them"
        )

    def _repeated_hint(self, ref: str) -> str:
        """For a reference to a point of an inspection that repeats an id: most often the
        point this names, its id changed to another's (an id copied with its entry)."""
        inspection, _, rec = ref.partition("/")
        if inspection not in self.repeated or not rec:
            return ""
        repeated, lines = self.repeated[inspection]
        on = ", ".join(map(str, lines[:-1])) + f" and {lines[-1]}"
        return (
            f"inspection `{inspection}` gives the id `{repeated}` to its points on lines {on}: "
            f"if one of them is `{rec}`, write `{rec}` there"
        )

    def _case_hint(self, kind: str, ref: str, path: Path_) -> str:
        """For a reference that matches an id but for the id's capitals, a hint naming the id's line.

        Ids are lowercase by custom: where the reference has the capitals, it is the slip,
        and the usual "did you mean" names the id.
        """
        ident, at = self.folded.get((kind, ref.casefold()), (ref, ()))
        if ident == ref or ident.rpartition("/")[2].islower():
            return ""
        self.miscased.setdefault((kind, ref.casefold()), []).append((ref, path))
        line = self.report.doc.locate(at)[0]
        return f"the id is written `{ident}` on line {line}: ids must match letter for letter, capitals too"

    def _case_slips(self) -> None:
        """An id whose capitals changed is an error at the id, the line an editor changed."""
        for named, refs in self.miscased.items():
            ident, at = self.folded[named]
            # A recommendation's own id is the part after the `/`.
            own, written = ident.rpartition("/")[2], refs[0][0].rpartition("/")[2]
            lines = sorted({self.report.doc.locate(path)[0] for _, path in refs})
            self.report.error(
                at,
                f"`{own}` is written `{written}` where it is referred to, on {lines_named(lines)}",
                f"ids must match letter for letter: write `{written}` here, or change the "
                + ("reference" if len(lines) == 1 else "references"),
            )

    def _notes(self, notes: list[Note], path: Path_) -> None:
        for k, note in enumerate(notes):
            self._refs(note.sources, path + (k, "sources"))
            if note.kind == "disagreement" and len(set(note.sources)) < 2:
                self.report.error(
                    path + (k, "sources"),
                    "a disagreement note must cite each of the sources that disagree",
                    "list at least two source ids",
                )

    def _within_life(self) -> None:
        """An inspection or plan dated before the authority was created or after it was abolished:
        most often one of the council it replaced, or of the council that replaced it, recorded in
        the wrong file."""
        a = self.a
        created, gone = a.created, a.abolished
        if created is None and gone is None:
            return
        for i, x in enumerate(a.inspections):
            # Placed by its visit, else its publication (a letter comes out after the visit);
            # not `x.date`, as one with neither is an error told of elsewhere.
            when = x.visit_start or x.published
            if when is None:
                continue
            at = ("inspections", i, "visited" if x.visit_start else "published")
            if created and when.end < created.start:
                self.report.warn(
                    at,
                    f"inspection `{x.id}` is dated {when}, before this authority was created ({created})",
                    "an inspection of the council it replaced belongs in that council's file; if `created` is "
                    "wrong, correct it",
                )
            # After: only by its visit, as the letter about a visit to a council about to go
            # may come out once it has gone.
            elif gone and x.visit_start and x.visit_start.start > gone.end:
                self.report.warn(
                    at,
                    f"inspection `{x.id}` is dated {x.visit_start}, after this authority was abolished ({gone})",
                    "an inspection of the council that replaced it belongs in that council's file; if `abolished` "
                    "is wrong, correct it",
                )
        for i, plan in enumerate(a.plans):
            if plan.adopted and created and plan.adopted.end < created.start:
                self.report.warn(
                    ("plans", i, "adopted"),
                    f"plan `{plan.id}` was adopted {plan.adopted}, before this authority was created ({created})",
                    "a plan of the council it replaced belongs in that council's file; if `created` is wrong, "
                    "correct it",
                )
            # After: by whichever of its dates is later (its updates are told against its `closed`).
            elif gone and (last := plan.closed or plan.adopted) and last.start > gone.end:
                said = "closed" if plan.closed else "adopted"
                self.report.warn(
                    ("plans", i, said),
                    f"plan `{plan.id}` was {said} {last}, after this authority was abolished ({gone})",
                    "a council's plan ends with it: what the council that replaced it did belongs in that council's "
                    f"file; if `abolished` or `{said}` is wrong, correct it",
                )

    def _visit_parts(self, inspection: Inspection, at: Path_) -> None:
        """A visit in parts: each part in order, the first starting on `from` and the last ending on `to`."""
        parts, report = inspection.visit_parts, self.report
        if len(parts) == 1:
            report.error(
                at,
                "a visit in parts has two parts or more",
                "delete `visited_in_parts`, and give the visit's first and last day in `visited`",
            )
            return
        if parts and not isinstance(inspection.visited, VisitRange):
            report.error(
                at,
                "a visit in parts needs its first and last day in `visited`",
                f"write `visited: {{from: {parts[0][0]}, to: {parts[-1][1]}}}`",
            )
            return
        for n, (part_start, part_end) in enumerate(parts):
            if part_end.end < part_start.start:
                report.error(at + (n, "to"), "`to` is before `from`", "check both dates")
            elif n and part_start.start <= parts[n - 1][1].end:
                report.error(
                    at + (n,),
                    f"this part of the visit begins on or before the day the one above it ended ({parts[n - 1][1]})",
                    "list the parts in the order they happened, each after the one before; parts that run on "
                    "are one part",
                )
        if parts and parts[0][0] != inspection.visit_start:
            report.error(
                at + (0, "from"),
                f"the first part begins on {parts[0][0]}, but `visited` on {inspection.visit_start}",
                "`from` is the first day of the first part: make the two the same",
            )
        if parts and parts[-1][1] != inspection.visit_end:
            report.error(
                at + (len(parts) - 1, "to"),
                f"the last part ends on {parts[-1][1]}, but `visited` on {inspection.visit_end}",
                "`to` is the last day of the last part: make the two the same",
            )

    def _inspection(self, inspection: Inspection, at: Path_) -> set[str]:
        report, frameworks = self.report, self.ctx.frameworks
        self._refs(inspection.sources, at + ("sources",))
        self._notes(inspection.notes, at + ("notes",))
        # Parts without `visited` are told once, with the range to write (_visit_parts).
        if inspection.visited is None and inspection.published is None and not inspection.visit_parts:
            report.error(
                at,
                f"inspection `{inspection.id}` has neither `visited` nor `published`",
                "add the visit dates (`visited:`) or the publication date (`published:`)",
            )
        start, end = inspection.visit_start, inspection.visit_end
        if start and end and end.end < start.start:
            report.error(at + ("visited", "to"), "`visited.to` is before `visited.from`", "check both dates")
        self._visit_parts(inspection, at + ("visited_in_parts",))
        if end and inspection.published and inspection.published.end < end.start:
            report.error(
                at + ("published",),
                f"`published: {inspection.published}` is before the visit ended ({end})",
                "a report is published after the visit; check both dates",
            )
        kind = frameworks.types.get(inspection.type)
        if kind is None:
            report.error(
                at + ("type",),
                f"unknown inspection type `{inspection.type}`",
                did_you_mean(inspection.type, frameworks.types),
            )
        elif inspection.visited is not None or inspection.published is not None:
            self._judgements(inspection, kind, at)
        if (
            inspection.recommendation_count is not None
            and len(inspection.recommendations) > inspection.recommendation_count
        ):
            report.error(
                at + ("recommendation_count",),
                f"{len(inspection.recommendations)} recommendations are listed but `recommendation_count` "
                f"is {inspection.recommendation_count}",
                "the count is the total the source states; check it, or remove the extra recommendation",
            )
        ids = _unique(report, inspection.recommendations, at + ("recommendations",), "recommendation")
        for i, first in (
            _repeats(rec.id for rec in inspection.recommendations) if len(ids) < len(inspection.recommendations) else ()
        ):
            rec_id = inspection.recommendations[i].id
            lines = [report.doc.locate(at + ("recommendations", k, "id"))[0] for k in (first, i)]
            found = self.repeated.setdefault(inspection.id, (rec_id, []))
            if found[0] == rec_id:
                found[1].extend(n for n in lines if n not in found[1])
        for j, rec in enumerate(inspection.recommendations):
            self._refs(rec.sources, at + ("recommendations", j, "sources"))
            if rec.text.startswith(("“", "‘")):
                self.texts.wrapped(
                    at + ("recommendations", j, "text"), rec.text, ", as the page sets out each point as a quotation"
                )
            if rec.priority and kind is not None and kind.priority_label is None:
                report.error(
                    at + ("recommendations", j, "priority"),
                    f"`{inspection.type}` reports set no areas for priority action",
                    "remove `priority: true`; it marks a focused-visit letter's areas for priority action",
                )
        return {f"{inspection.id}/{rec}" for rec in ids}

    def _judgements(self, inspection: Inspection, kind: InspectionType, at: Path_) -> None:
        report, frameworks = self.report, self.ctx.frameworks
        date = inspection.date
        scale = frameworks.scales.get(kind.scale or "", {})
        if kind.in_use and not _within(date, kind.in_use.from_, kind.in_use.to):
            span = f"{kind.in_use.from_ or '…'} to {kind.in_use.to or 'now'}"
            # The type of the same family in use then: `ilacs` gave way to `ilacs-2026`.
            family = inspection.type.split("-")[0]
            running = [
                key
                for key, other in frameworks.types.items()
                if other.in_use and other.graded == kind.graded and _within(date, other.in_use.from_, other.in_use.to)
            ]
            # Else any graded inspection then, for a graded one (`ilacs` in 2015: `sif`).
            then = [key for key in running if key.split("-")[0] == family] or running
            report.error(
                at + (("visited",) if inspection.visited else ("published",)),
                f"`{inspection.type}` inspections ran {span}, but this one is dated {date}",
                f"check the date; an inspection then is {either(then)}"
                if then
                else "check the date, or the inspection type",
            )
            # Held against a type not in use then, the judgements would be wrong in ways
            # that fixing the type or the date settles (no `overall` since April 2026); a
            # grade of no scale at all is wrong whatever the type.
            every = {grade for grades in frameworks.scales.values() for grade in grades}
            graded: list[tuple[Path_, str]] = [(("judgements", key), g) for key, g in inspection.judgements.items()]
            graded += [(("area_grades", j, "grade"), area.grade) for j, area in enumerate(inspection.area_grades)]
            for path, grade in graded:
                if grade not in every:
                    report.error(at + path, f"`{grade}` is not a grade", grade_hint(grade, scale, frameworks))
            return
        if not kind.graded:
            if inspection.judgements:
                report.error(
                    at + ("judgements",),
                    f"`{inspection.type}` is not graded, so it has no judgements",
                    "remove `judgements`; describe findings in `summary`",
                    key=True,
                )
            return
        meant: set[str] = set()  # judgements written misspelt: said there, not missing as well
        for key, grade in inspection.judgements.items():
            if key not in kind.judgements:
                if len(close := closest(key, kind.judgements)) == 1:
                    meant.add(close[0])
                # The judgements in force on the inspection's date; a key of another type's
                # (`lscb` on an ILACS inspection) is named as that type's.
                then = [k for k in kind.judgements if _within(date, *kind.judgement_period(k))]
                hint = did_you_mean(key, then)
                if owners := [name for name, other in frameworks.types.items() if key in other.judgements]:
                    hint = f"`{key}` is a judgement of {either(owners)} inspections; " + (
                        hint if not hint.startswith("expected") else f"`{inspection.type}` then judged {either(then)}"
                    )
                report.error(
                    at + ("judgements", key),
                    f"`{key}` is not a judgement of `{inspection.type}` inspections",
                    hint,
                    key=True,
                )
                continue
            first, last = kind.judgement_period(key)
            if not _within(date, first, last):
                span = f"from {first} to {last}" if first and last else f"until {last}" if last else f"from {first}"
                # What judged the same ground on the inspection's date: in force then, not in the key's time.
                within = last or first
                instead = [
                    k
                    for k in kind.judgements
                    if _within(date, *kind.judgement_period(k))
                    and within is not None
                    and not _within(within, *kind.judgement_period(k))
                ]
                names = " and ".join(f"`{k}`" for k in instead)
                report.error(
                    at + ("judgements", key),
                    f"`{key}` was judged {span} only, but this inspection is dated {date}",
                    f"on that date `{inspection.type}` inspections judged {names} in its place: write "
                    f"{'those, with the grades' if len(instead) > 1 else 'that, with the grade'} the report gives"
                    if instead
                    else "use the judgements in force at the time; see frameworks.yaml",
                    key=True,
                )
            if grade not in scale:
                report.error(
                    at + ("judgements", key),
                    f"`{grade}` is not a grade that `{inspection.type}` inspections give",
                    grade_hint(grade, scale, frameworks),
                )
        # Told once for all that are missing: a type changed to one with four headline
        # judgements would otherwise be four messages at one place.
        missing = [key for key in kind.headline if key not in inspection.judgements and key not in meant]
        if missing:
            several = len(missing) > 1
            report.error(
                at + ("judgements",) if inspection.judgements else at,
                f"missing the headline judgement{'s' if several else ''} {together([f'`{k}`' for k in missing])} of "
                f"`{inspection.type}` inspections",
                f"add {together([f'`{k}: <grade>`' for k in missing])} under `judgements`, as the report states "
                + ("them" if several else "it"),
                key=bool(inspection.judgements),  # at `judgements:`, not at the first grade under it
            )
        for j, area in enumerate(inspection.area_grades):
            if area.grade not in scale:
                report.error(
                    at + ("area_grades", j, "grade"),
                    f"`{area.grade}` is not a grade that `{inspection.type}` inspections give",
                    grade_hint(area.grade, scale, frameworks),
                )
            if area.under and area.under not in kind.judgements:
                report.error(
                    at + ("area_grades", j, "under"),
                    f"`{area.under}` is not a judgement of `{inspection.type}`",
                    did_you_mean(area.under, kind.judgements),
                )

    def _adopted(self, plan: Plan) -> PartialDate | None:
        """The plan's adoption, to hold its actions' dates against; not one in the future, an
        error of its own, which would put every date of the plan before it."""
        return plan.adopted if plan.adopted and plan.adopted.start <= self.ctx.as_of else None

    def _due(
        self,
        plan: Plan,
        adopted: PartialDate | None,
        action: str,
        due: PartialDate | None,
        at: Path_,
        set_on: PartialDate | None = None,
    ) -> None:
        """An action's due date, or the one an update (of the day `set_on`) moves it to; adopted
        is the plan's adoption as `_adopted` gives it."""
        if due is None:
            return
        if (ahead := int((due.start - self.ctx.as_of).days / 365.25)) >= _FAR_AHEAD:
            said, hint = f"{ahead} years from now", "check the year: a plan's actions fall due within a few years"
        elif adopted and due.end < adopted.start:
            said, hint = f"before its plan `{plan.id}` was adopted ({adopted})", "check the year of both dates"
        elif set_on is not None and due.end < set_on.start:
            said = "before the update itself"
            hint = (
                "an update's `due` is the new date the action is due by, after the update; check the year of both dates"
            )
        else:
            return
        is_due = (
            f"action `{action}` is due {due}"
            if set_on is None
            else f"the update of {set_on} makes `{action}` due {due}"
        )
        self.report.warn(at, f"{is_due}, {said}", hint)

    def _plan(self, plan: Plan, at: Path_, dates: dict[str, PartialDate | None], recommendations: set[str]) -> set[str]:
        """The plan's own rules; dates are the file's inspections', by id."""
        report = self.report
        inspections = set(dates)
        self._refs(plan.sources, at + ("sources",))
        self._twice(plan.in_response_to, at + ("in_response_to",))
        if plan.adopted and plan.closed and plan.closed.end < plan.adopted.start:
            report.error(at + ("closed",), "`closed` is before `adopted`", "check both dates")
        closed, gone = plan.closed, self.a.abolished
        # Told of otherwise: a plan closed after its council was abolished, and an action
        # updated after its plan closed (that update's status may be the one to move).
        open_actions = (
            [
                x
                for x in plan.actions
                if x.current_status not in FINAL_STATUSES and not any(u.date.start > closed.end for u in x.updates)
            ]
            if closed and not (gone and closed.start > gone.end)
            else []
        )
        if open_actions:
            # Pages would show them open, and overdue, for ever; and the checklist's points unanswered.
            named = [f"`{x.id}` ({x.current_status})" for x in open_actions]
            shown = together(named if len(named) <= 5 else [*named[:4], f"{len(named) - 4} more"])
            report.warn(
                at + ("closed",),
                f"plan `{plan.id}` is closed, but {len(open_actions)} of its actions "
                f"{'is' if len(open_actions) == 1 else 'are'} neither done nor dropped: {shown}",
                f"add to each an update dated on or before {plan.closed}, with `status: done` or `status: dropped` "
                "and a note saying what became of it (one carried into a later plan: dropped, its note naming "
                "that plan); if the plan goes on, remove its `closed`",
            )
        for k, inspection in enumerate(plan.in_response_to):
            if inspection not in inspections:
                report.error(
                    at + ("in_response_to", k),
                    f"unknown inspection `{inspection}`",
                    self._case_hint("inspection", inspection, at + ("in_response_to", k))
                    or self._gone_hint(inspection, report.searched("inspection", inspection, inspections))
                    or "add that inspection under `inspections:`, or correct the id",
                )
            elif plan.adopted and (begun := dates[inspection]) and plan.adopted.end < begun.start:
                report.warn(
                    at + ("adopted",),
                    f"plan `{plan.id}` was adopted {plan.adopted}, before inspection `{inspection}` "
                    f"({begun}), which it answers",
                    "check the year; a plan revised after the inspection is dated by that revision",
                )
        workstreams = _unique(report, plan.workstreams, at + ("workstreams",), "workstream")
        titled = [(w.id, w.title) for w in plan.workstreams]
        _unique(report, plan.actions, at + ("actions",), "action")
        adopted = self._adopted(plan)
        responded: set[str] = set()
        for j, action in enumerate(plan.actions):
            here = at + ("actions", j)
            self._refs(action.sources, here + ("sources",))
            if action.workstream is None and workstreams:
                report.error(
                    here,
                    f"action `{action.id}` has no `workstream`",
                    f"add `workstream:` with the id of one of the plan's workstreams: {workstream_names(titled)}",
                )
            elif action.workstream is not None and action.workstream not in workstreams:
                report.error(
                    here + ("workstream",),
                    f"unknown workstream `{action.workstream}`",
                    report.searched(
                        f"workstream of {plan.id}",
                        action.workstream,
                        workstreams,
                        lambda written, _: workstream_hint(written, titled),
                    )
                    or "use one of the plan's `workstreams:`, or add it there",
                )
            if not action.responds_to:
                report.warn(
                    here + ("responds_to",),
                    f"action `{action.id}` responds to no recommendation",
                    "add `responds_to: [<inspection-id>/<recommendation-id>]`",
                )
            self._twice(action.responds_to, here + ("responds_to",))
            for k, ref in enumerate(action.responds_to):
                if ref not in recommendations:
                    report.error(
                        here + ("responds_to", k),
                        f"`{ref}` is not a recommendation in this file",
                        self._repeated_hint(ref)
                        or self._case_hint("inspection", ref.partition("/")[0], here + ("responds_to", k))
                        or self._case_hint("recommendation", ref, here + ("responds_to", k))
                        or self._gone_hint(
                            ref.partition("/")[0],
                            report.searched(
                                "recommendation",
                                ref,
                                recommendations,
                                lambda ref, ids: _recommendation_hint(ref, inspections, ids, self.answered),
                            ),
                        )
                        or "check it against the ids of the inspection's recommendations",
                    )
                responded.add(ref)
            self._due(plan, adopted, action.id, action.due, here + ("due",))
            last = None
            written: dict[str, int] = {}  # each update's note: where it is first
            # The status the updates so far gave the action, and the date of the one that gave it (an
            # action given as done itself, its updates saying otherwise, is told of below).
            so_far, set_on, due = None, None, action.due
            for k, update in enumerate(action.updates):
                due = update.due or due
                if update.status is not None:
                    if (
                        so_far in FINAL_STATUSES
                        and update.status not in FINAL_STATUSES
                        and due is not None
                        and due.end < update.date.start
                    ):
                        # Reopened with a due date already passed: overdue at once.
                        report.warn(
                            here + ("updates", k, "status"),
                            f"this update sets action `{action.id}` back to `{update.status}`, after its update "
                            f"of {set_on} gave it as `{so_far}`, and its due date, {due}, has passed: pages will "
                            "show it overdue",
                            f"if the action was reopened, give this update `due:` and its new date, and a note "
                            f"saying why; if it was never {so_far}, correct the status that says so",
                        )
                    so_far, set_on = update.status, update.date
                self._refs(update.sources, here + ("updates", k, "sources"))
                if (same := written.setdefault(update.note, k)) != k and action.updates[same] == update:
                    # Pasted twice: the page would count it, and show it, twice.
                    line, _ = report.doc.locate(here + ("updates", same))
                    report.warn(
                        here + ("updates", k), f"this update repeats the one on line {line}", "delete one of them"
                    )
                if update.due is not None:
                    self._due(plan, adopted, action.id, update.due, here + ("updates", k, "due"), update.date)
                block = next(filter(_starts_block, _NOTE_BLOCK.finditer(update.note)), None)
                path = here + ("updates", k, "note")
                where = report.doc.find(path, block.group().strip()) if block else None
                # A `#` line in a block of text is told of by Texts (pasted.py): as a heading, or with
                # one `#`, as a note to self.
                # Nor a new entry written inside the note: Texts._swallowed (pasted.py) tells of that.
                if (
                    block
                    and where
                    and not (block.lastindex == 1 and self.texts.in_block(path))
                    and not (
                        block.lastindex == 4
                        and ENTRY_START.match(update.note, block.start(4))
                        and self.texts.in_block(path)
                    )
                ):
                    report.warn_at(
                        where,
                        f"an update's note shows as one paragraph: {_NOTE_BLOCKS[block.lastindex or 1]}",
                        AS_SENTENCES,
                    )
                if adopted and update.date.end < adopted.start:
                    report.warn(
                        here + ("updates", k, "date"),
                        f"update dated {update.date} is before plan `{plan.id}` was adopted ({adopted})",
                        "check the year of both dates",
                    )
                if plan.closed and update.date.start > plan.closed.end:
                    report.warn(
                        here + ("updates", k, "date"),
                        f"update dated {update.date} is after plan `{plan.id}` was closed ({plan.closed})",
                        "check both dates: if the plan goes on, change or remove its `closed`; if a new plan "
                        "replaced it, the update belongs to that plan's action",
                    )
                if last and update.date.end < last.start:
                    if _put_first(action.updates, k - 1):
                        report.error(
                            here + ("updates", k - 1, "date"),
                            f"update dated {last} comes before older ones, from {update.date}",
                            "list updates oldest first, newest last: move this one below them",
                        )
                    else:
                        # Either date may be the one typed wrong: both are named.
                        above = report.doc.locate(here + ("updates", k - 1, "date"))[0]
                        report.error(
                            here + ("updates", k, "date"),
                            f"update dated {update.date} comes after one dated {last}, on line {above}",
                            "check both dates; if they are right, move this update above that one: updates go oldest "
                            "first, newest last",
                        )
                last = update.date
            if action.status in FINAL_STATUSES and action.current_status != action.status:
                # An editor who marks the action itself done (or dropped), as in a spreadsheet, is
                # overruled by an older update's status: the page would go on showing it as before.
                said = next(k for k in reversed(range(len(action.updates))) if action.updates[k].status)
                report.warn(
                    here + ("status",),
                    f"action `{action.id}` is given as `{action.status}`, but its update of "
                    f"{action.updates[said].date} says `{action.current_status}`, which pages show",
                    "an action's own `status` is the one it started with, and its updates' statuses follow: if it "
                    f"is {action.status} now, add an update dated the day it was {action.status}, with `status: "
                    f"{action.status}` (newest last), and give the action back the status it started with",
                )
            elif action.status == "dropped" and not any(u.status == "dropped" for u in action.updates):
                # No plan starts with an action it has dropped: the reason, and the day, are an update's.
                report.warn(
                    here + ("status",),
                    f"action `{action.id}` is given as `dropped` with no update saying when or why: its row will "
                    "show it dropped, with no reason",
                    "give the action the status it started with, and add an update dated the day the plan dropped "
                    "it, with `status: dropped` and a note saying why (newest last)",
                )
            # The newest update, wherever it stands: one listed out of order is an error above,
            # and this warning should not count from an older one.
            newest = max(range(len(action.updates)), key=lambda k: (action.updates[k].date.end, k), default=None)
            touched = action.updates[newest].date if newest is not None else plan.adopted
            if (
                action.current_status not in FINAL_STATUSES
                and plan.closed is None
                and self.a.abolished is None  # its open plan is told to close instead
                and touched
                and self.ctx.as_of - touched.end > STALE_AFTER
            ):
                since = (
                    f"for over a year (last {touched})"
                    if newest is not None
                    else f"since its plan was adopted, over a year ago ({touched})"
                )
                report.warn(
                    here + ("updates", newest, "date") if newest is not None else here,
                    f"action `{action.id}` has had no update {since}",
                    "add an update with today's date and what has happened",
                )
        return responded
