"""The import run: matching rows to authority files, merging, checking and writing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from .. import pipeline
from ..clock import default_as_of
from ..dates import human_date
from ..files import (
    MAX_NAME_BYTES,
    finish_interrupted,
    shown_path,
    slugify,
    write_all,
)
from ..load import read_content_file
from ..model import REGIONS, Frameworks, PartialDate
from ..settings import FrameworksError, load_frameworks
from ..yamledit import EditError, checked_insert, insert_report_source, load_plain
from .render import inspection_item, new_file_text, source_item
from .rules import DATASET, FAMILY, Planned, codes_for, iso_span, official_name, plan_row
from .sources import ImportFailure, Row, RowError, code_text, read_lookup, read_overview


@dataclass
class AuthorityFile:
    slug: str
    path: Path
    original: str | None  # None for a file this run creates
    text: str  # current text, with this run's insertions
    created: bool = False
    changed: bool = False
    _codes: dict[str, str] | None = field(default=None, repr=False)

    def root(self) -> yaml.Node:
        body = self.text[1:] if self.text.startswith("\ufeff") else self.text
        node = yaml.compose(body, Loader=yaml.CSafeLoader)
        if not isinstance(node, yaml.MappingNode):
            raise RowError(f"authorities/{self.slug}.yaml does not hold a mapping of keys")
        return node

    def data(self) -> dict[str, Any]:
        data = load_plain(self.text, f"authorities/{self.slug}.yaml")
        if not isinstance(data, dict):
            raise RowError(f"authorities/{self.slug}.yaml does not hold a mapping of keys")
        return data

    def codes(self) -> dict[str, str]:
        """The file's codes as text (this run's insertions never touch them, so read once)."""
        if self._codes is None:
            try:
                codes = self.data().get("codes")
            except (yaml.YAMLError, RowError):
                codes = None
            self._codes = {k: str(v) for k, v in codes.items()} if isinstance(codes, dict) else {}
        return self._codes


def partial_date(value: Any) -> PartialDate | None:
    """value as a date (YYYY-MM-DD or YYYY-MM), or None when it is not one."""
    try:
        return PartialDate.parse(value)
    except Exception:  # pydantic's error type; a bad date is simply not comparable
        return None


def _span(visited: Any) -> tuple[PartialDate | None, PartialDate | None]:
    if isinstance(visited, dict):
        return partial_date(visited.get("from")), partial_date(visited.get("to"))
    date = partial_date(visited) if isinstance(visited, str) else None
    return date, date


def _same_visit(existing: dict[str, Any], plan: Planned) -> bool:
    if plan.start is None:
        return existing.get("visited") is None and existing.get("published") == str(plan.published)
    first, last = _span(existing.get("visited"))
    return (
        first is not None
        and last is not None
        and first.precise
        and last.precise
        and first.start == plan.start
        and last.start == plan.end
    )


def _overlaps(existing: dict[str, Any], plan: Planned) -> bool:
    first, last = _span(existing.get("visited"))
    if plan.start and plan.end and first and last and first.start <= plan.end and plan.start <= last.end:
        return True
    return bool(plan.published and existing.get("published") == str(plan.published))


# The import ------------------------------------------------------------------------------

Kind = Literal["created", "added", "replaced", "skipped", "disagreement", "error", "recovered"]


@dataclass
class Outcome:
    kind: Kind
    row: Row | None
    slug: str | None
    message: str
    notes: list[str] = field(default_factory=list)
    where: str | None = None  # the input it came from, when not a spreadsheet row

    def lines(self) -> list[str]:
        where = f"authorities/{self.slug}.yaml" if self.slug else (self.row.label if self.row else "")
        if self.where:
            where = f"{self.where} -> {where}" if where else self.where
        head = f"{self.kind:<12} {where}: {self.message}"
        return [head, *(f"{'':<12}   note: {n}" for n in self.notes)]


@dataclass
class Result:
    outcomes: list[Outcome]
    files: dict[str, AuthorityFile]
    check_problems: list[str]
    written: bool

    def count(self, kind: Kind) -> int:
        return sum(o.kind == kind for o in self.outcomes)

    @property
    def failed(self) -> bool:
        return bool(self.count("error") or self.check_problems)

    def summary(self, unit: str = "rows") -> str:
        rows = sum(o.kind != "recovered" for o in self.outcomes)
        parts = [
            *([f"{self.count('created')} created"] if unit == "rows" else []),
            f"{self.count('added')} added",
            *([f"{self.count('replaced')} replaced"] if unit != "rows" else []),
            f"{self.count('skipped')} skipped",
            f"{self.count('disagreement')} disagreement{'s' if self.count('disagreement') != 1 else ''}",
            f"{self.count('error')} error{'s' if self.count('error') != 1 else ''}",
        ]
        return f"{rows} {unit}: {', '.join(parts)}"


def frameworks_for(content: Path) -> Frameworks:
    try:
        return load_frameworks(content)
    except FrameworksError as exc:
        raise ImportFailure(str(exc)) from None


def read_files(folder: Path) -> dict[str, AuthorityFile]:
    files = {}
    if folder.is_dir():
        for path in sorted(folder.glob("*.yaml")):
            if path.is_symlink() or not path.is_file():
                continue  # `check` reports it; an import never reads or writes through a link
            try:
                text = read_content_file(path).decode("utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                # Its edits would be made to text the import cannot read as the checker does.
                why = exc.strerror if isinstance(exc, OSError) else "it is not UTF-8 text"
                raise ImportFailure(
                    f"{shown_path(path)} cannot be read ({why}): fix it first; `python build.py check` says where"
                ) from None
            files[path.stem] = AuthorityFile(path.stem, path, text, text)
    return files


def unique_id(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _find_file(
    files: dict[str, AuthorityFile], codes: dict[str, Any], slug: str, row: Row
) -> tuple[AuthorityFile | None, str]:
    """The existing file for this authority: by Ofsted URN, else DfE code, else slug."""
    urn = str(codes.get("ofsted") or code_text(row.values.get("urn", "")))
    dfe = str(codes.get("dfe") or code_text(row.values.get("la_code", "")))
    found = {s: f.codes() for s, f in files.items()}
    by_urn = [s for s, c in found.items() if urn and c.get("ofsted") == urn]
    if len(by_urn) > 1:
        raise RowError(f"several files have Ofsted URN {urn}: {', '.join(by_urn)}")
    if by_urn:
        return files[by_urn[0]], "URN"
    by_dfe = [s for s, c in found.items() if dfe and c.get("dfe") == dfe and not c.get("ofsted")]
    if len(by_dfe) == 1:
        return files[by_dfe[0]], "DfE code"
    if slug in files:
        other = found[slug]
        for kind, mine in (("ofsted", urn), ("dfe", dfe)):
            if other.get(kind) and mine and other[kind] != mine:
                raise RowError(
                    f"authorities/{slug}.yaml exists but its `{kind}` code is {other[kind]}, not {mine}: "
                    "a different authority; nothing was imported"
                )
        return files[slug], "file name"
    return None, ""


def _merge(file: AuthorityFile, plan: Planned, via: str) -> Outcome:
    data = file.data()
    name = str(data["name"]) if isinstance(data.get("name"), str) else file.slug
    inspections = [i for i in (data.get("inspections") or []) if isinstance(i, dict)]
    family = [i for i in inspections if i.get("type") in FAMILY]
    exact = [i for i in family if i.get("type") == plan.type and _same_visit(i, plan)]
    if exact:
        existing = exact[0]
        differences = []
        recorded = partial_date(existing.get("published"))
        if recorded and plan.published and not (recorded.start <= plan.published <= recorded.end):
            differences.append(f"published {recorded} in the file, {plan.published} in the data")
        grades: Any = existing.get("judgements") if isinstance(existing.get("judgements"), dict) else {}
        for key, grade in plan.judgements.items():
            if key in grades and grades[key] != grade:
                differences.append(f"{key}: {grades[key]} in the file, {grade} in the data")
        if differences:
            return Outcome(
                "disagreement",
                plan.row,
                file.slug,
                f"the data disagrees with `{existing.get('id')}` ({plan.describe()}): "
                f"{'; '.join(differences)}. Nothing was changed; check the report and correct "
                "whichever is wrong.",
                plan.notes,
            )
        extra = [f"{k}: {g}" for k, g in plan.judgements.items() if k not in grades]
        notes = list(plan.notes)
        if extra:
            notes.append(f"the data also gives {', '.join(extra)}, which the file does not record; left as it is")
        return Outcome(
            "skipped",
            plan.row,
            file.slug,
            f"{name} already records this inspection as `{existing.get('id')}` ({plan.describe()})",
            notes,
        )
    related = [i for i in family if _overlaps(i, plan)]
    if related:
        existing = related[0]
        first, last = _span(existing.get("visited"))
        when = (
            f"visited {iso_span(first.start if first else None, last.start if last else None)}"
            if first
            else f"published {existing.get('published')}"
        )
        return Outcome(
            "disagreement",
            plan.row,
            file.slug,
            f"the file's `{existing.get('id')}` ({existing.get('type')}, {when}) looks like the same "
            f"inspection as the data's ({plan.describe()}), but the type or dates differ. Nothing was "
            "added; correct the file or the data.",
            plan.notes,
        )

    # Add: the source (unless one already cites the same address), then the inspection.
    sources = [s for s in (data.get("sources") or []) if isinstance(s, dict)]
    year = plan.date.year
    inspection_id = unique_id(f"ilacs-{year}", {str(i.get("id")) for i in inspections})
    same_url = [s for s in sources if s.get("url") == plan.url]
    notes = list(plan.notes)
    text = file.text
    if same_url:
        source_id = str(same_url[0].get("id"))
        notes.append(f"cites the file's existing source `{source_id}`, which has the same address")
    else:
        source_id = unique_id(f"{inspection_id}-report", {str(s.get("id")) for s in sources})
        text = insert_report_source(text, sources, source_item(source_id, name, plan, via))
    position = 0
    for i, existing in enumerate(inspections):
        visit_start, _ = _span(existing.get("visited"))
        placed = visit_start or partial_date(existing.get("published"))
        if placed is not None and placed.start <= plan.date:
            position = i + 1
    text = checked_insert(
        text, "inspections", inspection_item(inspection_id, plan, source_id), position, blank_default=True
    )
    file.text, file.changed = text, True
    if file.created:
        notes.append("the file was created by this run, from an earlier row")
    return Outcome(
        "added",
        plan.row,
        file.slug,
        f"added `{inspection_id}` ({plan.describe()}) to {name}: the file "
        f"had no `{plan.type}` inspection with these dates",
        notes,
    )


def _create(
    folder: Path, slug: str, name: str, codes: dict[str, Any], region: str | None, plan: Planned, via: str
) -> AuthorityFile:
    inspection_id = f"ilacs-{plan.date.year}"
    source_id = f"{inspection_id}-report"
    text = new_file_text(
        name, codes, region, source_item(source_id, name, plan, via), inspection_item(inspection_id, plan, source_id)
    )
    return AuthorityFile(slug, folder / f"{slug}.yaml", None, text, created=True, changed=True)


def run_import(xlsx: Path, lookup_path: Path | None, content: Path, dry_run: bool) -> Result:
    as_of = default_as_of()
    # As every command that writes content does (files.write_all): an interrupted write is finished first.
    recovered = None if dry_run else finish_interrupted(content)
    frameworks = frameworks_for(content)
    rows, snapshot = read_overview(xlsx)
    lookup = read_lookup(lookup_path) if lookup_path else None
    via = f"{DATASET} (snapshot {human_date(snapshot)})" if snapshot else f"{DATASET} (snapshot date not recorded)"
    folder = content / "authorities"
    files = read_files(folder)
    outcomes: list[Outcome] = [Outcome("recovered", None, None, recovered, [], str(content))] if recovered else []

    for row in rows:
        notes: list[str] = []
        try:
            plan = plan_row(row, frameworks, as_of)
            entry, how = lookup.match(row) if lookup else (None, "no --lookup was given")
            if entry is None:
                # Without a lookup entry the row can still go into a file that carries its codes.
                codes = {
                    k: int(c)
                    for k, c in (
                        ("ofsted", code_text(row.values.get("urn", ""))),
                        ("dfe", code_text(row.values.get("la_code", ""))),
                    )
                    if c.isdigit()
                }
                file, matched = _find_file(files, codes, "", row) if codes else (None, "")
                if file is None:
                    raise RowError(f"{how}; not imported")
                notes.append(f"not in the lookup ({how}); matched authorities/{file.slug}.yaml by its {matched}")
            else:
                if how == "name":
                    notes.append(
                        f'matched the lookup by name ("{row.values.get("local_authority")}" is '
                        f'"{entry.ons_name}"): the row\'s URN and LA code did not match'
                    )
                name, place = official_name(entry.ons_name)
                slug = slugify(place)
                codes = codes_for(entry, row, lookup, notes)  # type: ignore[arg-type]
                file, matched = _find_file(files, codes, slug, row)
                if file is not None and matched == "file name":
                    notes.append(
                        f"matched authorities/{file.slug}.yaml by its file name (it has no Ofsted or DfE code)"
                    )
                if file is None:
                    if not slug:
                        raise RowError(f'the lookup name "{entry.ons_name}" gives no usable file name')
                    if len(slug) > MAX_NAME_BYTES:
                        raise RowError(
                            f"the lookup name gives a file name of {len(slug)} characters, longer than a file "
                            f"name may be ({MAX_NAME_BYTES}); shorten the name in the lookup"
                        )
                    region = entry.region if entry.region in REGIONS else None
                    if region is None:
                        notes.append(
                            f'the lookup\'s region "{entry.region}" is not an English region; `region` left out'
                        )
                    file = _create(folder, slug, name, codes, region, plan, via)
                    files[slug] = file
                    outcomes.append(
                        Outcome(
                            "created",
                            row,
                            slug,
                            f"{name} had no file; created it with `ilacs-{plan.date.year}` ({plan.describe()})",
                            [*notes, *plan.notes],
                        )
                    )
                    continue
            plan.notes[:0] = notes
            outcomes.append(_merge(file, plan, via))
        except (RowError, EditError) as exc:
            outcomes.append(Outcome("error", row, None, f"{exc}", notes))
        except yaml.YAMLError as exc:
            outcomes.append(Outcome("error", row, None, f"an authority file cannot be read as YAML ({exc})", notes))

    return finish(content, files, outcomes, dry_run, as_of)


def finish(
    content: Path, files: dict[str, AuthorityFile], outcomes: list[Outcome], dry_run: bool, as_of: dt.date
) -> Result:
    """Check the changed files in place (in memory); write them all unless a dry run or the check fails."""
    changed = {slug: f for slug, f in files.items() if f.changed}
    problems = staged_check(content, changed, as_of)
    written = False
    if not dry_run and changed and not problems:
        write_changed(content, changed)
        written = True
    return Result(outcomes, files, problems, written)


def staged_check(content: Path, changed: dict[str, AuthorityFile], as_of: dt.date) -> list[str]:
    """`check` on the content with the changes in place (in memory); its errors, as text."""
    if not changed:
        return []
    replaced = {slug: f.text.encode("utf-8", errors="surrogateescape") for slug, f in changed.items()}
    result = pipeline.check(content, as_of, replaced)
    return [f"{p.file}:{p.line}:{p.col}: {p.message}" for p in result.errors]


def write_changed(content: Path, changed: dict[str, AuthorityFile]) -> None:
    """All changed files or none (files.write_all), after making sure nobody else changed them."""
    for f in changed.values():
        if f.original is None:
            if f.path.exists() or f.path.is_symlink():
                raise ImportFailure(f"{f.path} appeared while importing; nothing was written. Run again.")
        elif f.path.read_bytes().decode("utf-8", errors="surrogateescape") != f.original:
            raise ImportFailure(
                f"{f.path} was changed by someone else while importing; nothing was written. Run again."
            )
    (content / "authorities").mkdir(parents=True, exist_ok=True)
    write_all({f.path: f.text.encode("utf-8", errors="surrogateescape") for f in changed.values()}, content)
