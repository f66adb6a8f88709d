"""The pipeline, read top to bottom: load and validate every file, then derive.

`check` gathers every problem in the content before anything is rendered; `build`
only ever derives and renders content that passed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import fingerprint, units
from .cache import MAX_FILE_BYTES, Cache, Seen, code_digest, digest, value_digest
from .changes import (
    deleted_actions,
    deleted_point_problem,
    deleted_points,
    deleted_problem,
    renamed_ids,
    renamed_problem,
    renamed_reference_problems,
    renamed_references,
    restated,
    restated_problem,
    rewritten_actions,
    rewritten_problem,
)
from .crossfile import cross_file_problems, moved_problems
from .files import WINDOWS_RESERVED, WRITE_TEMP, missing_content_hint, shown_path, slugify, staged_files
from .history import added, changes, last_changed, settings_before
from .load import Document, load_bytes, load_file, read_content_file
from .model import MAX_ID, Content, Frameworks, PartialDate, Site
from .problems import ContentError, Problem
from .reference import Reference, check_reference, load_reference, mistyped_dfe, unplaced
from .settings import cms_changes, validate_frameworks, validate_site
from .terminal import printable

if TYPE_CHECKING:  # imported where a build needs them: a check does not load Jinja
    import jinja2

    from .derive import SiteView

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")


# Told how far a long run has got: what is being done, how many authorities are done, of how many.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Checked:
    content: Content | None  # None when any error was found, and from build(), which keeps no models
    problems: list[Problem]
    authorities: int = 0  # how many authority files passed
    site: str | None = None  # from build(): the site folder's listing as it left it (fingerprint.site)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def _load(path: Path, problems: list[Problem]) -> Document | None:
    doc, found = load_file(path, shown_path(path))
    problems.extend(found)
    return doc


def _holding(content_dir: Path) -> Path | None:
    """The content folder that content_dir is a folder of, when it has no settings of its own."""
    parent = content_dir.parent
    if not content_dir.is_dir() or any((content_dir / n).exists() for n in ("site.yaml", "frameworks.yaml")):
        return None
    return parent if all((parent / n).is_file() for n in ("site.yaml", "frameworks.yaml")) else None


def _settings(
    content_dir: Path, problems: list[Problem], as_of: dt.date | None = None, addressed: bool = True
) -> tuple[Site | None, Frameworks | None]:
    if not content_dir.is_dir():
        problems.append(
            Problem(
                shown_path(content_dir),
                1,
                1,
                "the content folder does not exist",
                missing_content_hint(content_dir),
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
            site, found = validate_site(doc, as_of, addressed)
            if isinstance(doc.data, dict) and "cms" in doc.data:  # git is asked only of a site that has one
                found += cms_changes(doc, settings_before(content_dir))
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


def check(
    content_dir: Path,
    as_of: dt.date,
    replaced: Mapping[str, bytes] | None = None,
    *,
    jobs: int | None = None,
    cache: Path | None = None,
    models: bool = True,
    progress: Progress | None = None,
) -> Checked:
    """Every problem in the content, and the validated content when there is no error.

    `replaced` maps authority slugs to file contents that stand in for (or are added
    to) what is on disk: a tool checks its changes before writing them. jobs is the
    number of worker processes (default: one per core, for content large enough to gain);
    cache a folder for cache.py (default none: every file is read and checked). With
    models=False only the problems are wanted: no content is returned or held, and
    files unchanged since a checked build come from the cache. progress is told of each
    authority checked.
    """
    with units.Workers(jobs) as workers:
        gathered = _gather(
            content_dir,
            as_of,
            replaced or {},
            workers,
            cache,
            keep=models,
            summaries=cache is not None,
            progress=progress,
        )
    problems = gathered.problems
    site, frameworks = gathered.site, gathered.frameworks
    failed = site is None or frameworks is None or any(p.is_error for p in problems)
    if site is None or frameworks is None or failed or not models:
        return Checked(None, problems, 0 if failed else sum(u.passed for u in gathered.checked))
    authorities = {c.slug: c.authority for c in gathered.checked if c.authority is not None}
    files = {s.slug: s.path for s in gathered.sources}
    content = Content(site, frameworks, authorities, files, gathered.reference)
    return Checked(content, problems, len(authorities))


@dataclass
class _Gathered:
    """The first pass over a content folder: settings, and each authority file checked."""

    site: Site | None
    frameworks: Frameworks | None
    reference: Reference
    sources: list[units.Source]
    checked: list[units.Checked]
    problems: list[Problem]
    setting: units.Setting | None


def _gather(
    content_dir: Path,
    as_of: dt.date,
    replaced: Mapping[str, bytes],
    workers: units.Workers,
    cache: Path | None,
    keep: bool,
    summaries: bool,
    each: Callable[[units.Checked], units.Checked] | None = None,
    seen: Mapping[str, Seen] | None = None,
    meanwhile: Callable[[], object] | None = None,
    progress: Progress | None = None,
    addressed: bool = True,
) -> _Gathered:
    problems: list[Problem] = []
    if holder := _holding(content_dir):
        # `--content content/authorities`: one problem, not one for each file found there.
        problems.append(
            Problem(
                shown_path(content_dir),
                1,
                1,
                "this folder is inside the content folder: site.yaml and frameworks.yaml are in the one above it",
                f"pass the folder that holds them: `--content {printable(shown_path(holder))}`",
            )
        )
        return _Gathered(None, None, Reference(), [], [], problems, None)
    site, frameworks = _settings(content_dir, problems, as_of, addressed)
    if not content_dir.is_dir():
        return _Gathered(site, frameworks, Reference(), [], [], problems, None)
    folder = content_dir / "authorities"
    strays = _strays_in_content(content_dir)
    files = _authority_files(folder, strays)
    problems.extend(strays)
    for slug in replaced:
        files.setdefault(slug, folder / f"{slug}.yaml")
    seen = seen or {}
    sources = [
        units.Source(slug, path, shown_path(path), replaced.get(slug), seen.get(os.path.abspath(path)))
        for slug, path in sorted(files.items())
    ]
    checked: list[units.Checked] = []
    setting = None
    if frameworks is None:
        # Without the inspection types no authority can be validated; its YAML can still be read.
        for source in sources:
            if source.data is not None:
                problems.extend(load_bytes(source.data, source.shown)[1])
            else:
                _load(source.path, problems)
    else:
        setting = units.Setting(frameworks, as_of, _setting_key(content_dir, as_of), cache, summaries)
        checked = units.check_units(setting, sources, workers, keep, _counted(each, progress, len(sources)), meanwhile)
        for unit in checked:
            problems.extend(unit.problems)
        links = {unit.slug: unit.links for unit in checked}
        problems.extend(cross_file_problems(links, lambda: added(folder, files.keys())))
        # A file renamed to a name the folder refuses (`Shropshire.yaml`, `shropshire.yml`) is
        # told so by its own error, not also as deleted.
        refused = {slugify(_COPY_MARK.sub("", Path(problem.file).stem)) for problem in strays}
        away, before = changes(folder, files.keys())
        moved = {old: new for old, new in away.items() if new or old not in refused}
        if moved:
            names = {source.slug: source.shown for source in sources} | {"": shown_path(folder)}
            passed = {unit.slug: unit.links if unit.passed else None for unit in checked}
            firsts = {s.slug: _first_line(s) for s in sources if s.slug in moved.values()}
            problems.extend(moved_problems(moved, passed, names, firsts))
        # Files with errors too: an id renamed is most often the cause of the errors of the
        # references to it, whose hints, read alone, say to remove them.
        changed, renamed = _changed(before, sources, Cache(cache), as_of)
        problems.extend(changed)
        for file, pairs in renamed.items():
            problems = renamed_reference_problems(problems, file, pairs)
    shown = shown_path(content_dir / "reference")
    reference, found = load_reference(content_dir / "reference", content_dir, shown)
    problems.extend(found)
    if frameworks is not None and all(u.passed for u in checked) and not any(p.is_error for p in strays):
        # A file that fails its own rules, or is refused (a wrong name), gives no codes; held
        # against the reference data, its absence would add a warning about each of its
        # codes to the editor's real error. Without frameworks.yaml no file is checked at all.
        codes = {u.slug: u.codes for u in checked}
        typos = mistyped_dfe(reference, codes)
        problems.extend(check_reference(reference, codes, shown, typos))

        def at_code(slug: str, key: str, message: str, hint: str) -> Problem:
            # In the authority's own file, at its code: a pull request shows it beside the
            # change, and a check of that file alone reports it.
            own = next(u.links for u in checked if u.slug == slug)
            return own.problem(next(m for m in own.mentions if m.key == key), message, hint, "warning")

        for slug, code, likely in unplaced(reference, codes):
            add = (
                f"add a line `{code},<its name>,<q>,<r>,` to {shown}/hexmap.csv, `q` and `r` the column and row of a "
                "free cell next to its neighbours' (docs/content-format.md, *Reference data*)"
            )
            problems.append(
                at_code(
                    slug,
                    "gss",
                    f"the map of England has no hex for `{code}`, so the overview lists this authority below the map",
                    f"the map has a hex for `{likely}`, which no authority has: if that is this authority's code, "
                    f"write it; if `{code}` is right, {add}"
                    if likely
                    else f"if the code is right, {add}",
                )
            )
        for slug, written, meant in typos:
            problems.append(
                at_code(
                    slug,
                    "dfe",
                    f"`dfe: {written}` is in no list of neighbours; they name {meant}, which no authority has",
                    f"if this authority's DfE number is {meant}, write that",
                )
            )
    problems.sort(key=lambda p: (p.file, p.line, p.col, p.message))
    return _Gathered(site, frameworks, reference, sources, checked, problems, setting)


def _counted(
    each: Callable[[units.Checked], units.Checked] | None, progress: Progress | None, total: int
) -> Callable[[units.Checked], units.Checked] | None:
    """each, telling progress of every authority checked."""
    if progress is None:
        return each
    done = 0

    def counted(unit: units.Checked) -> units.Checked:
        nonlocal done
        done += 1
        progress("Checking", done, total)
        return unit if each is None else each(unit)

    return counted


def _changed(
    before: dict[str, bytes], sources: list[units.Source], cache: Cache, as_of: dt.date
) -> tuple[list[Problem], dict[str, list[tuple[str, str]]]]:
    """The ids this change renamed, the inspections, points and actions it deleted, the
    actions' own dates and statuses it rewrote, and the grades, dates and points' words it
    restated with no correction, in the files it edits; and, by file, the references to what
    it renamed, before and now (changes.renamed_references).

    Asked at every check while the change lasts, of every file it edits (an import may edit
    them all): each file's answer is kept in the cache, and worked out from the data alone,
    the file read again with every position only where there is one to tell.
    """
    import yaml

    problems: list[Problem] = []
    references: dict[str, list[tuple[str, str]]] = {}
    for source in sources:
        if source.slug not in before or len(before[source.slug]) > MAX_FILE_BYTES:
            continue
        try:
            data = source.data if source.data is not None else read_content_file(source.path)
        except OSError:
            continue  # gone since it was checked: the next check says so
        key = digest("changed", source.shown, before[source.slug], data, as_of.isoformat(), code_digest())
        found = cache.get("changed", key)
        if not (isinstance(found, tuple) and len(found) == 2):
            try:
                # The file as it was may hold anything: the base loader builds plain data, every
                # value the text written (no date or number to construct, nor fail to), and
                # what it cannot read tells of no change.
                then, now = yaml.load(before[source.slug], yaml.CBaseLoader), yaml.load(data, yaml.CBaseLoader)
                renamed = renamed_ids(then, now)
                rewritten = rewritten_actions(then, now, renamed)
                deleted = deleted_actions(then, now, renamed)
                gone = deleted_points(then, now, renamed)
                facts = restated(then, now, renamed, as_of)
            except (yaml.YAMLError, RecursionError):
                then, now, renamed, rewritten, deleted, gone, facts = None, None, [], [], [], [], []
            told = renamed or rewritten or deleted or gone or facts
            doc = load_bytes(data, source.shown)[0] if told else None
            if doc is not None and doc.dropped:
                # A value dropped (a key written twice): what seems changed may be only its
                # absence, and the file's own warnings wait too.
                doc = None
            found = (
                (
                    (
                        [renamed_problem(doc, r) for r in renamed]
                        + [rewritten_problem(doc, r) for r in rewritten]
                        + [deleted_problem(doc, d) for d in deleted]
                        + [deleted_point_problem(doc, d) for d in gone]
                        + [restated_problem(doc, f) for f in facts]
                    ),
                    renamed_references(now, renamed),
                )
                if doc is not None
                else ([], [])
            )
            cache.put("changed", key, found)
        problems.extend(found[0])
        if found[1]:
            references[source.shown] = found[1]
    return problems, references


def _first_line(source: units.Source) -> str:
    """The first line of an authority file, to show under a problem about the whole file."""
    try:
        data = source.data if source.data is not None else read_content_file(source.path)
    except OSError:
        return ""
    return data.decode("utf-8", "replace").split("\n", 1)[0].rstrip()


def _setting_key(content_dir: Path, as_of: dt.date) -> str:
    """What every unit's work depends on besides its file: frameworks.yaml, the day, the code."""
    try:
        frameworks = read_content_file(content_dir / "frameworks.yaml")
    except OSError:
        frameworks = b""
    return digest("setting", frameworks, as_of.isoformat(), code_digest())


# What a download, a file manager or a synchronised folder adds to a copy's name: `x (1)`,
# `x copy`, `x - Copy (2)`, `x (copy)`, `Copy of x`, `x (Jo's conflicted copy 2024-05-01)`.
_COPY_MARK = re.compile(
    r"^copy of |(?:[ _-]*(?:\(\d+\)|\([^()]*\bcopy\b[^()]*\)|copy(?: *\(?\d+\)?)?))+$", re.IGNORECASE
)


_COPY_HINT = (
    "it looks like a copy of {}, made by a download, a file manager or a shared folder: delete it, or move what "
    "you changed into that file"
)


def _copied(folder: Path, stem: str) -> str | None:
    """The file a refused name looks like a copy of, if it is in the folder: the name without
    what a copy adds, in lowercase (`Case.yaml`, `case.yml` and `case 2.yaml` beside `case.yaml`)."""
    for bare in (_COPY_MARK.sub("", stem), re.sub(r"[ _-]+\d+$", "", stem)):
        if (original := f"{slugify(bare)}.yaml") and (folder / original).is_file():
            return original
    return None


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
        if _editors_file(name) and not entry.is_dir(follow_symlinks=False):
            continue  # never read, nor followed if a link (Emacs's lock is one)
        if entry.is_symlink():
            problems.append(_stray(path, "this is a symbolic link, not a file", _NO_LINKS))
        elif _system_file(name) and entry.is_file(follow_symlinks=False):
            continue
        elif name.startswith("."):
            # Removed by hand, a file a write committed to would be lost: the next write finishes it.
            staged = WRITE_TEMP.fullmatch(name) and f"authorities/{name}" in staged_files(folder.parent)
            problems.append(
                _stray(
                    path,
                    "a hidden file in authorities/",
                    "an import was interrupted while writing, and this file is part of what it wrote: run the "
                    "import again (or any `new` command), which finishes the write first; do not remove it"
                    if staged
                    else "remove it: only <slug>.yaml files belong here, and tools never read hidden files",
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
            copied = _copied(folder, path.stem) if _yaml_named(name) else None
            hint = (
                _COPY_HINT.format(copied)
                if copied
                else f"rename it `{slugify(path.stem) or 'name-of-authority'}.yaml`"
                if _yaml_named(name)
                else "only <slug>.yaml files belong here; move or remove it"
            )
            problems.append(_stray(path, "this file in authorities/ would be ignored", hint))
        elif not SLUG.match(path.stem):
            copied = _copied(folder, path.stem)
            suggestion = slugify(_COPY_MARK.sub("", path.stem))[:MAX_ID] or "name-of-authority"
            hint = (
                _COPY_HINT.format(copied)
                if copied
                else "the name is the page's address: use lowercase letters, digits and hyphens, "
                f"e.g. `{suggestion}.yaml`"
            )
            problems.append(_stray(path, f"`{printable(name)}` is not a valid file name", hint))
        elif path.stem in WINDOWS_RESERVED:
            problems.append(
                _stray(
                    path,
                    f"`{name}` cannot be a file name on Windows, which keeps `{path.stem}` for a device: editors "
                    "there could not check out the content",
                    f"name it after the authority in more words, e.g. `{path.stem}-council.yaml`",
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
# What a computer's file browser leaves in a folder it shows (a Mac's Finder, Windows
# Explorer): never an editor's, and made again each time the folder is opened.
_SYSTEM_FILES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


def _system_file(name: str) -> bool:
    return name in _SYSTEM_FILES or name.startswith("._")  # `._x.yaml`: a Mac's record of x.yaml on a USB stick


# What a text editor keeps beside a file while it is open, or after saving it: Vim's swap
# files (`.x.yaml.swp`), backups (`x.yaml~`), Emacs's lock and auto-save (`.#x.yaml`,
# `#x.yaml#`), Kate's swap, LibreOffice's lock, JetBrains' and Flycheck's temporary
# copies. They come and go as the editor likes: reported, they would fail the check of a
# file that is being edited, and the preview, whose watcher ignores most of them as they
# come and go, would go on reporting one after the editor removed it.
_EDITORS_FILE = re.compile(r"\.sw[a-z]\Z|~\Z|\A\.#|\A#.*#\Z|\.kate-swp\Z|\A\.~lock\..*#\Z|\.___jb_...___\Z|\Aflycheck_")


def _editors_file(name: str) -> bool:
    return _EDITORS_FILE.search(name) is not None


# What the content folder holds besides files the tools do not read (a README, say).
_CONTENT_PARTS = frozenset({"authorities", "reference", "site.yaml", "frameworks.yaml"})


def _strays_in_content(content_dir: Path) -> list[Problem]:
    """YAML where no tool reads it: an authority's file put beside site.yaml, or in a folder
    named like `authorities`, which would otherwise be left out of the site without a word."""
    problems: list[Problem] = []
    try:
        entries = sorted(os.scandir(content_dir), key=lambda entry: entry.name)
    except OSError:
        return problems  # the files the build reads are reported one by one
    for entry in entries:
        name = entry.name
        if name in _CONTENT_PARTS or name.startswith(".") or _system_file(name):
            continue
        path = content_dir / name
        if entry.is_symlink():
            # Told, never followed: a link named like content is as unread as a file would be.
            if _yaml_named(name):
                problems.append(
                    _stray(
                        path,
                        "this link is not read: the content folder holds only site.yaml and frameworks.yaml",
                        "an authority's file goes in the `authorities` folder, as the file itself: "
                        "authorities/<slug>.yaml",
                    )
                )
            continue
        if entry.is_file() and _yaml_named(name):
            problems.append(
                _stray(
                    path,
                    "this file is not read: the content folder holds only site.yaml and frameworks.yaml",
                    "an authority's file goes in the `authorities` folder, as authorities/<slug>.yaml",
                )
            )
        elif entry.is_dir() and _holds_yaml(path):
            problems.append(
                _stray(
                    path,
                    "the YAML files in this folder are not read",
                    "an authority's file goes in the `authorities` folder, as authorities/<slug>.yaml",
                )
            )
    return problems


def _yaml_named(name: str) -> bool:
    """Whether a file's name says it is YAML, in any case: `.yaml`, `.YML`."""
    return Path(name).suffix.lower() in (".yaml", ".yml")


def _holds_yaml(folder: Path) -> bool:
    try:
        with os.scandir(folder) as found:
            return any(_yaml_named(entry.name) for entry in found)
    except OSError:
        return False


def build(
    content_dir: Path,
    out: Path,
    as_of: dt.date,
    base_url: str | None = None,
    strict: bool = False,
    templates: Path | None = None,
    on_wait: Callable[[], None] | None = None,
    *,
    jobs: int | None = None,
    cache: Path | None = None,
    seen: Mapping[str, Seen] | None = None,
    progress: Progress | None = None,
) -> tuple[Checked, bool]:
    """Check, then derive, render and write; nothing is written unless the check passes.

    Returns the check's result (without the content: a build never holds every model at
    once) and whether the site was written. templates is a publisher's folder of
    templates that replace the package's (theme.py); on_wait is called when another
    build into the same folder must finish first; jobs and cache as for check(); seen
    the content files as the build's fingerprint read them (fingerprint.inputs), so that
    an unchanged file is not read again to find its cached check; progress is told of
    each authority checked, then of each rendered. Raises write.OutputError when out
    cannot be written.
    """
    with units.Workers(jobs) as workers:
        return _build(content_dir, out, as_of, base_url, strict, templates, on_wait, workers, cache, seen, progress)


def _build(
    content_dir: Path,
    out: Path,
    as_of: dt.date,
    base_url: str | None,
    strict: bool,
    templates: Path | None,
    on_wait: Callable[[], None] | None,
    workers: units.Workers,
    cache: Path | None,
    seen: Mapping[str, Seen] | None,
    progress: Progress | None,
) -> tuple[Checked, bool]:
    # Imported here, before any worker is forked: check() alone must not pay for Jinja
    # and Markdown start-up, and workers must not each import them again.
    from .cms import admin_files
    from .derive import FeedWindow, SiteView, neighbours_of, reach, related
    from .render import base_url as site_base_url
    from .render import compile_templates, data_heads, data_parts
    from .theme import assets, search_path
    from .write import Staging, recover

    window = FeedWindow()

    def held(unit: units.Checked) -> units.Checked:
        return dataclasses.replace(unit, summary=window.add(unit.summary)) if unit.summary else unit

    store = Cache(cache)
    search = tuple(search_path(templates))
    env = units.environment_for(search, store)
    # While workers check, a process of its own compiles the templates into the cache,
    # where those that render find them, instead of each compiling its own; compiling
    # leaves ten megabytes that process gives back as it ends. (Without a cache they would
    # not find them, and this would be work twice.)
    warm = functools.partial(compile_templates, env) if store.folder is not None else None
    gathered = _gather(
        content_dir,
        as_of,
        {},
        workers,
        cache,
        keep=False,
        summaries=True,
        each=held,
        seen=seen,
        meanwhile=warm,
        progress=progress,
        addressed=base_url is not None,
    )
    problems = gathered.problems
    site, frameworks, setting = gathered.site, gathered.frameworks, gathered.setting
    failed = any(p.is_error for p in problems) or (strict and bool(problems))
    if site is None or frameworks is None or setting is None or failed:
        recover(out)  # "unchanged" must mean the last good site, even after an interrupted build
        return Checked(None, problems), False

    passed = [(u, u.summary) for u in gathered.checked if u.summary is not None]
    dates = last_changed({s.slug: s.path for s in gathered.sources})
    by_dfe = {v.authority.codes.dfe: v.standing for _, v in passed if v.authority.codes and v.authority.codes.dfe}
    names = {u.slug: v.name for u, v in passed}
    sources = {s.slug: s for s in gathered.sources}
    base = site_base_url(SiteView(site, frameworks, as_of, ()), base_url)
    newest = reach(v for _, v in passed)
    pages_key = _render_key(content_dir, base, search, newest)
    tasks = [
        units.Task(
            u.slug,
            u.key,
            sources[u.slug],
            dates.get(u.slug),
            neighbours_of(v.authority.codes, gathered.reference.neighbours, by_dfe),
            related(v.authority, names),
        )
        for u, v in passed
    ]
    summaries = tuple(dataclasses.replace(window.trim(v), last_changed=dates.get(u.slug)) for u, v in passed)
    view = SiteView(site, frameworks, as_of, summaries, gathered.reference, *newest)
    with Staging(out, on_wait) as staging, contextlib.ExitStack() as streams:
        # Read once the folder is this build's alone: another build into it may have ended
        # while this one waited, and its files are what this one would keep.
        before = fingerprint.last_site(store, out)
        render_setting = units.RenderSetting(setting, site, base, search, *newest, pages_key, staging.stage)
        # An authority whose page depends on nothing that changed keeps its files: they are
        # linked from the current site, and only its part of the data files is read.
        keys = {task.slug: units.render_key(render_setting, task) for task in tasks}
        kept = {t.slug: before[t.slug][1] for t in tasks if t.slug in before and before[t.slug][0] == keys[t.slug]}
        made: dict[str, tuple[str, tuple[str, ...]]] = {}  # slug: (render key, its files)
        fresh: list[str] = []  # the authorities this build rendered (not found in the cache)
        todo = [task for task in tasks if task.slug not in kept]
        heads = data_heads()
        data_files = {name: streams.enter_context(staging.open(name)) for name in heads}
        rows = dict.fromkeys(heads, 0)
        for name, head in heads.items():
            data_files[name].write(head)
        rendered = units.render_units(render_setting, todo, workers)
        for done, task in enumerate(tasks, 1):
            found = store.get("data", keys[task.slug]) if task.slug in kept else None
            if isinstance(found, units.Data) and staging.keep(kept[task.slug]):
                made[task.slug], data = (keys[task.slug], kept[task.slug]), found
            else:
                unit = next(rendered) if task.slug not in kept else units.render_one(render_setting, task)
                assert unit.slug == task.slug
                made[task.slug], data = (unit.key, unit.files), unit.data
                if unit.made:
                    fresh.append(task.slug)
            for name, count, part in data_parts(data.tables):
                data_files[name].write(part)
                rows[name] += count
            if progress is not None:
                progress("Rendering", done, len(tasks))
        streams.close()
        # Each summary by the digest its record keeps, and the day its file last changed, which
        # the build adds to it; the feed window each keeps follows from them all.
        told = (
            [setting.key, pages_key, *(f"{u.slug} {u.summary_digest} {dates.get(u.slug)}" for u, _ in passed)]
            if all(u.summary_digest for u, _ in passed)
            else None
        )
        files, every = _site_pages(store, env, view, base, rows, told)
        # Read again once every page is made: a template (or site.yaml) saved meanwhile made
        # some of them, which are not kept under the key of the one before, where a build of
        # the one before, put back, would find them. (A build beside this one, of the same
        # key, may have found one before it is removed: a window of moments, for a template
        # saved during two builds at once.)
        if _render_key(content_dir, base, search, newest) == pages_key:
            if every is not None:
                store.put("every", every, files)
        else:
            for slug in fresh:
                store.forget("pages", keys[slug])
                store.forget("data", keys[slug])
            made = {slug: unit for slug, unit in made.items() if slug not in fresh}
        files.update(assets(search))
        files.update(admin_files(site, frameworks))
        for name, page in files.items():
            staging.add(name, page)
        staging.commit()
        # As this build left the folder: another build may write into it once this block ends.
        listing = fingerprint.remember_site(store, out, made)
    store.prune()
    return Checked(None, problems, len(tasks), listing), True


def _site_pages(
    store: Cache, env: jinja2.Environment, view: SiteView, base: str, rows: dict[str, int], told: list[str] | None
) -> tuple[dict[str, bytes], str | None]:
    """The pages and files about every authority (render.render_pages), or those an earlier
    build made from the same summaries, settings, templates and code; and the key to keep
    them under, if they were made and can be kept.

    told: what the summaries depend on besides the view's settings (the settings' keys, and
    each summary's digest), or None where a summary has none (no cache). An edit to what
    only its authority's page shows (an inspection's summary, a point's words) leaves its
    summary as it was: the overview, the analysis, the grade pages and the site's feed are
    not made again.
    """
    from .render import render_pages

    settings = value_digest(dataclasses.replace(view, authorities=()), rows) if told is not None else None
    if told is None or settings is None:
        return render_pages(env, view, base, rows), None
    key = digest("every", *told, settings)
    found = store.get("every", key)
    if isinstance(found, dict):
        return found, None
    return render_pages(env, view, base, rows), key


def _render_key(
    content_dir: Path, base: str, templates: tuple[Path, ...], newest: tuple[PartialDate | None, PartialDate | None]
) -> str:
    """What every page depends on besides its authority and the units' setting.

    site.yaml, the address, the templates, and the newest report and visit of any authority.
    """
    try:
        site = read_content_file(content_dir / "site.yaml")
    except OSError:
        site = b""
    parts: list[bytes | str] = [site, base, repr(newest)]
    for folder in templates:
        for path in _template_files(folder):
            parts += [str(path.relative_to(folder)), path.read_bytes()]
        parts.append("\0")
    return digest("render", *parts)


def _template_files(folder: Path) -> list[Path]:
    """Every file under a folder of templates, in name order, as Jinja may load them: through
    a link to a folder too (each folder once, so that a link to one above ends)."""
    found: list[Path] = []
    walked: set[tuple[int, int]] = set()
    for at, folders, files in os.walk(folder, followlinks=True):
        info = os.stat(at)
        if (info.st_dev, info.st_ino) in walked:
            folders.clear()
            continue
        walked.add((info.st_dev, info.st_ino))
        folders.sort()
        found += [Path(at, name) for name in sorted(files) if os.path.isfile(os.path.join(at, name))]
    return found
