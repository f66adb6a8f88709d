"""The pipeline, read top to bottom: load and validate every file, then derive.

`check` gathers every problem in the content before anything is rendered; `build`
only ever derives and renders content that passed.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .files import shown_path
from .load import Document, load_bytes, load_file
from .model import MAX_ID, Authority, Content, Frameworks, Site
from .problems import ContentError, Problem, printable
from .reference import check_reference, load_reference
from .validate import Context, validate_authority, validate_frameworks, validate_site

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")


@dataclass(frozen=True)
class Checked:
    content: Content | None  # None when any error was found
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def _load(path: Path, problems: list[Problem]) -> Document | None:
    doc, found = load_file(path, shown_path(path))
    problems.extend(found)
    return doc


def _settings(content_dir: Path, problems: list[Problem]) -> tuple[Site | None, Frameworks | None]:
    if not content_dir.is_dir():
        problems.append(
            Problem(
                shown_path(content_dir),
                1,
                1,
                "the content folder does not exist",
                "pass the folder holding site.yaml with --content",
            )
        )
        return None, None
    site = frameworks = None
    for name in ("site.yaml", "frameworks.yaml"):
        path = content_dir / name
        if not path.exists() and not path.is_symlink():
            problems.append(
                Problem(shown_path(path), 1, 1, f"`{name}` is missing", f"create {name}; see docs/content-format.md")
            )
            continue
        doc = _load(path, problems)
        if doc is None:
            continue
        if name == "site.yaml":
            site, found = validate_site(doc)
        else:
            frameworks, found = validate_frameworks(doc)
        problems.extend(found)
    return site, frameworks


def settings(content_dir: Path) -> tuple[Site, Frameworks]:
    """site.yaml and frameworks.yaml, validated; ContentError when either is broken."""
    problems: list[Problem] = []
    site, frameworks = _settings(content_dir, problems)
    if site is None or frameworks is None:
        raise ContentError([p for p in problems if p.is_error])
    return site, frameworks


def check(content_dir: Path, as_of: dt.date, replaced: Mapping[str, bytes] | None = None) -> Checked:
    """Every problem in the content. `replaced` maps authority slugs to file contents
    that stand in for (or are added to) what is on disk: a tool checks its changes
    before writing them."""
    problems: list[Problem] = []
    replaced = replaced or {}
    site, frameworks = _settings(content_dir, problems)
    if not content_dir.is_dir():
        return Checked(None, problems)

    files = _authority_files(content_dir / "authorities", problems)
    for slug in replaced:
        files.setdefault(slug, content_dir / "authorities" / f"{slug}.yaml")
    files = dict(sorted(files.items()))
    docs = {}
    for slug, path in files.items():
        if slug in replaced:
            doc, found = load_bytes(replaced[slug], shown_path(path))
            problems.extend(found)
        else:
            doc = _load(path, problems)
        if doc is not None:
            docs[slug] = doc
    links = {slug: _link_lists(doc) for slug, doc in docs.items()}
    # Files that failed to load still exist: a link to them is not a broken link.
    for slug in files.keys() - links.keys():
        links[slug] = (frozenset(), frozenset())

    authorities: dict[str, Authority] = {}
    if frameworks is not None:
        for slug, doc in docs.items():
            ctx = Context(frameworks, as_of, slug, links)
            authority, found = validate_authority(doc, ctx)
            problems.extend(found)
            if authority is not None:
                authorities[slug] = authority
        problems.extend(_duplicate_codes(authorities, docs))
    shown = shown_path(content_dir / "reference")
    reference, found = load_reference(content_dir / "reference", content_dir, shown)
    problems.extend(found + check_reference(reference, authorities, shown))

    problems.sort(key=lambda p: (p.file, p.line, p.col, p.message))
    if site is None or frameworks is None or any(p.is_error for p in problems):
        return Checked(None, problems)
    return Checked(Content(site, frameworks, authorities, files, reference), problems)


def _stray(path: Path, message: str, hint: str) -> Problem:
    return Problem(shown_path(path), 1, 1, message, hint)


def _authority_files(folder: Path, problems: list[Problem]) -> dict[str, Path]:
    """The authority files, each a real file directly inside the folder; all else is reported.

    Nothing is followed out of the folder: a symbolic link is an error, not a file to read,
    so content can never make a tool read or write elsewhere on the machine.
    """
    if folder.is_symlink():
        problems.append(_stray(folder, "the `authorities` folder is a symbolic link", _NO_LINKS))
        return {}
    if not folder.is_dir():
        problems.append(
            _stray(
                folder, "the `authorities` folder is missing", "create it and add one <slug>.yaml file per authority"
            )
        )
        return {}
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        problems.append(_stray(folder, f"cannot read the folder: {exc.strerror}", "check that you may read it"))
        return {}
    files: dict[str, Path] = {}
    for entry in entries:
        path = folder / entry.name
        name, suffix = entry.name, Path(entry.name).suffix
        if entry.is_symlink():
            problems.append(_stray(path, "this is a symbolic link, not a file", _NO_LINKS))
        elif name.startswith("."):
            problems.append(
                _stray(
                    path,
                    "a hidden file in authorities/",
                    "remove it: only <slug>.yaml files belong here, and tools never read hidden files",
                )
            )
        elif entry.is_dir(follow_symlinks=False):
            hint = (
                "a folder cannot be an authority; remove it or move its files"
                if suffix == ".yaml"
                else "only <slug>.yaml files belong here; move or remove it"
            )
            problems.append(_stray(path, "this folder in authorities/ would be ignored", hint))
        elif not entry.is_file(follow_symlinks=False):
            problems.append(_stray(path, "this is not a regular file", "remove it; only <slug>.yaml files belong here"))
        elif suffix != ".yaml":
            hint = (
                "rename it to end in .yaml"
                if suffix.lower() in (".yml", ".yaml")
                else "only <slug>.yaml files belong here; move or remove it"
            )
            problems.append(_stray(path, "this file in authorities/ would be ignored", hint))
        elif not SLUG.match(path.stem):
            suggestion = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")[:MAX_ID] or "name-of-authority"
            problems.append(
                _stray(
                    path,
                    f"`{printable(name)}` is not a valid file name",
                    "the name is the page's address: use lowercase letters, digits and hyphens, "
                    f"e.g. `{suggestion}.yaml`",
                )
            )
        elif len(path.stem) > MAX_ID:
            problems.append(
                _stray(
                    path, f"the file name is longer than {MAX_ID} characters", "shorten it: it is the page's address"
                )
            )
        else:
            files[path.stem] = path
    return files


_NO_LINKS = "replace the link with the real file: content is read only from inside the content folder"


def _link_lists(doc: Document) -> tuple[frozenset[str], frozenset[str]]:
    data = doc.data if isinstance(doc.data, dict) else {}

    def slugs(key: str) -> frozenset[str]:
        value = data.get(key)
        return frozenset(v for v in value if isinstance(v, str)) if isinstance(value, list) else frozenset()

    return slugs("predecessors"), slugs("successors")


def _duplicate_codes(authorities: dict[str, Authority], docs: dict[str, Document]) -> list[Problem]:
    problems = []
    seen: dict[tuple[str, object], str] = {}
    for slug, authority in authorities.items():
        if authority.codes is None:
            continue
        for kind in ("gss", "dfe", "ofsted"):
            value = getattr(authority.codes, kind)
            if value is None:
                continue
            other = seen.get((kind, value))
            related = other is not None and other in {*authority.predecessors, *authority.successors}
            if other is not None and not related:
                # A successor may keep a predecessor's code (the 2019 Dorset kept DfE 838).
                problems.append(
                    docs[slug].problem(
                        ("codes", kind),
                        f"`{kind}: {value}` is also the code of authorities/{other}.yaml",
                        "each authority normally has its own codes; check which file is right",
                        severity="warning",
                    )
                )
            elif other is None:
                seen[kind, value] = slug
    return problems


def default_as_of() -> dt.date:
    """SOURCE_DATE_EPOCH (reproducible builds) when set, else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def build(
    content_dir: Path,
    out: Path,
    as_of: dt.date,
    base_url: str | None = None,
    strict: bool = False,
    templates: Path | None = None,
    on_wait: Callable[[], None] | None = None,
) -> tuple[Checked, bool]:
    """Check, then derive, render and write; nothing is written unless the check passes.

    Returns the check's result and whether the site was written. templates is a
    publisher's folder of templates that replace the package's (theme.py); on_wait is
    called when another build into the same folder must finish first. Raises
    write.OutputError when out cannot be written.
    """
    # Imported here: check() alone must not pay for Jinja and Markdown start-up.
    from .cms import admin_files
    from .derive import derive
    from .history import last_changed
    from .render import render_site
    from .theme import search_path
    from .write import recover, write_site

    result = check(content_dir, as_of)
    if result.content is None or (strict and result.problems):
        recover(out)  # "unchanged" must mean the last good site, even after an interrupted build
        return result, False
    view = derive(result.content, as_of, last_changed(result.content.files))
    files = render_site(view, base_url, search_path(templates))
    files.update(admin_files(result.content.site, result.content.frameworks))
    write_site(files, out, on_wait)
    return result, True
