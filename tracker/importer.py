"""Import published data into content/: `python build.py import ilacs-overview XLSX`.

The source is data-to-insight's ILACS overview (ofsted-ilacs-scrape-tool): one row per
English local authority with its latest ILACS inspection, scraped from Ofsted's reports,
plus the same project's Provider_data_lookup.csv for names, codes and regions.

For every row the importer creates `authorities/<slug>.yaml` when the authority has no
file, adds the inspection (and its source) to a file that lacks it, and otherwise
leaves the file alone, saying why. What an editor wrote is never changed: new items
are rendered with ruamel.yaml and inserted as text at the positions libyaml reports,
so every existing byte (comments, blank lines, key order, quoting) stays where it was,
and the result is parsed again to prove it holds exactly the old data plus the new
item. Nothing is written unless the whole content folder, with the changes, passes
`build.py check`. The rules are documented in docs/importing.md.

openpyxl and ruamel.yaml (the `import` extra) are imported only when a command runs,
so `check` and `build` do not need them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import os
import re
import shutil
import tempfile
import unicodedata
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import click
import yaml

from . import pipeline
from .load import compose
from .model import GSS_PATTERN, URL_PATTERN, Frameworks, InspectionType, PartialDate

SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/authority.schema.json"
DATASET = "data-to-insight ofsted-ilacs-scrape-tool ILACS overview"
REPORTS_PAGE = "https://reports.ofsted.gov.uk/provider/44/{urn}"  # an authority's list of reports

# Inspection types this importer writes (keys of frameworks.yaml). See docs/importing.md.
STANDARD, SHORT, REFORM, UNSPECIFIED = "ilacs", "ilacs-short", "ilacs-2026", "ilacs-unspecified"
FAMILY = (STANDARD, SHORT, REFORM, UNSPECIFIED)
KIND_TEXT = {
    STANDARD: "ILACS standard inspection",
    SHORT: "ILACS short inspection",
    REFORM: "ILACS inspection, no overall effectiveness judgement",
    UNSPECIFIED: "ILACS inspection",
}

# data-to-insight decides short or standard from the visit's length in days (end minus
# start): `short_inspection_threshold = 7`, and standard up to `standard_inspection_threshold
# + 1` = 15 (ofsted_childrens_services_inspection_scrape.py, get_framework_type).
SHORT_MAX_DAYS, STANDARD_MAX_DAYS = 7, 15

# Overview column: the judgement keys it may hold, the first one in force at the
# inspection's date wins (in_care_grade holds the combined judgement before 2023).
GRADE_COLUMNS: dict[str, tuple[str, ...]] = {
    "overall_effectiveness_grade": ("overall",),
    "impact_of_leaders_grade": ("leadership",),
    "help_and_protection_grade": ("help-and-protection",),
    "in_care_grade": ("in-care", "in-care-and-leavers"),
    "care_leavers_grade": ("care-leavers",),
}
GRADES = {
    "outstanding": "outstanding",
    "good": "good",
    "requires improvement": "requires-improvement",
    "requires improvement to be good": "requires-improvement",
    "inadequate": "inadequate",
}
NOT_GIVEN = frozenset(("", "nan", "none", "null", "data_unreadable"))
PRE_DATES = "inspection_pre_dates_judgement"
REQUIRED_COLUMNS = (
    "urn",
    "la_code",
    "local_authority",
    "inspection_link",
    "inspection_framework",
    "inspection_start_date",
    "inspection_end_date",
    "publication_date",
    *GRADE_COLUMNS,
)
REGIONS = frozenset(
    (
        "North East",
        "North West",
        "Yorkshire and the Humber",
        "East Midlands",
        "West Midlands",
        "East of England",
        "London",
        "South East",
        "South West",
    )
)
FOLD_WIDTH = 84


class ImportFailure(click.ClickException):
    """The input cannot be used at all (missing file, columns, frameworks)."""


# Reading the inputs ----------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    number: int  # the spreadsheet's row number, as a spreadsheet program shows it
    values: dict[str, str]  # column: text ("" for an empty cell)

    @property
    def label(self) -> str:
        urn, code, name = self.values.get("urn"), self.values.get("la_code"), self.values.get("local_authority")
        parts = [f"urn {urn}" if urn else "", f"LA code {code}" if code else "", f'"{name}"' if name else ""]
        return f"row {self.number} ({', '.join(p for p in parts if p) or 'empty'})"


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_overview(path: Path) -> tuple[list[Row], dt.date | None]:
    """The overview's rows (by column name) and the date the workbook was exported."""
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles it cannot read
            book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise ImportFailure(f"{path}: cannot read it as an .xlsx workbook ({exc})") from None
    try:
        sheet = book.worksheets[0]
        lines = sheet.iter_rows(values_only=True)
        header = [_cell_text(v).lower() for v in next(lines, ())]
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise ImportFailure(
                f"{path}: the first sheet has no column {', '.join(missing)}; is this data-to-insight's ILACS overview?"
            )
        rows = []
        for number, line in enumerate(lines, start=2):
            values = {name: _cell_text(v) for name, v in zip(header, line, strict=False) if name}
            if any(values.values()):
                rows.append(Row(number, values))
        created = book.properties.created or book.properties.modified
    finally:
        book.close()
    return rows, (created.date() if created else None)


@dataclass(frozen=True)
class LookupEntry:
    urn: str
    la_code: str
    gss: str  # the lookup's current ONS code (la_code_new)
    ons_name: str
    also_known_as: tuple[str, ...]
    region: str


class Lookup:
    def __init__(self, entries: list[LookupEntry]) -> None:
        self.entries = entries
        self.by_urn: dict[str, list[LookupEntry]] = {}
        self.by_code: dict[str, list[LookupEntry]] = {}
        self.by_name: dict[str, set[int]] = {}
        gss = Counter(e.gss for e in entries if e.gss)
        self.shared_gss = {code for code, n in gss.items() if n > 1}
        for i, e in enumerate(entries):
            if e.urn:
                self.by_urn.setdefault(e.urn, []).append(e)
            if e.la_code:
                self.by_code.setdefault(e.la_code, []).append(e)
            for name in (e.ons_name, *e.also_known_as):
                if name:
                    self.by_name.setdefault(name_key(name), set()).add(i)

    def match(self, row: Row) -> tuple[LookupEntry | None, str]:
        """The row's entry: by Ofsted URN, else DfE LA code, else (only then) by name."""
        urn, code, name = (
            _code(row.values.get("urn", "")),
            _code(row.values.get("la_code", "")),
            row.values.get("local_authority", ""),
        )
        if urn and urn in self.by_urn:
            found = self.by_urn[urn]
            if len(found) > 1:
                return None, f"the lookup has {len(found)} rows with URN {urn}"
            if code and found[0].la_code and code != found[0].la_code:
                return None, (
                    f"the lookup gives URN {urn} LA code {found[0].la_code}, but the row says {code}; "
                    "which authority it is cannot be told"
                )
            return found[0], "URN"
        if code and code in self.by_code:
            found = self.by_code[code]
            if len(found) == 1:
                return found[0], "LA code"
            return None, f"the lookup has {len(found)} rows with LA code {code}"
        if name:
            hits = self.by_name.get(name_key(name), set())
            if len(hits) == 1:
                return self.entries[next(iter(hits))], "name"
            if len(hits) > 1:
                return None, f'the name "{name}" matches {len(hits)} lookup rows'
        tried = [f"URN {urn}" if urn else "", f"LA code {code}" if code else "", f'name "{name}"' if name else ""]
        return None, f"no lookup row matches its {' or '.join(t for t in tried if t) or 'identifiers (all empty)'}"


def _code(value: str) -> str:
    value = value.strip()
    return value[:-2] if value.endswith(".0") and value[:-2].isdigit() else value


def read_lookup(path: Path) -> Lookup:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:  # the file starts with a BOM
            records = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ImportFailure(f"{path}: cannot read the lookup ({exc})") from None
    if not records or "urn" not in records[0] or "local_authority_ons_name" not in records[0]:
        raise ImportFailure(
            f"{path}: expected data-to-insight's Provider_data_lookup.csv "
            "(columns urn, la_code, la_code_new, local_authority_ons_name, region_name)"
        )
    entries = []
    for r in records:
        aka = (r.get("also_known_as") or "").strip().strip("[]")
        entries.append(
            LookupEntry(
                urn=_code(r.get("urn") or ""),
                la_code=_code(r.get("la_code") or ""),
                gss=(r.get("la_code_new") or "").strip(),
                ons_name=(r.get("local_authority_ons_name") or "").strip(),
                also_known_as=tuple(a.strip() for a in aka.split(",") if a.strip()),
                region=(r.get("region_name") or "").strip(),
            )
        )
    return Lookup(entries)


# Names, slugs and codes ------------------------------------------------------------------

_INVERTED = re.compile(r"^(?P<place>.+), (?P<kind>City of|County of)$")


def official_name(ons_name: str) -> tuple[str, str]:
    """(name shown, place for the slug) from the lookup's ONS name.

    ONS lists some names inverted for sorting ("Bristol, City of"); they are turned
    back ("City of Bristol") and the slug is made from the place alone ("bristol").
    Every other name is kept as the lookup spells it.
    """
    match = _INVERTED.match(ons_name)
    if match:
        return f"{match['kind']} {match['place']}", match["place"]
    return ons_name, ons_name


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = text.replace("&", " and ").replace(".", "").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


_NAME_NOISE = {
    "city",
    "of",
    "metropolitan",
    "borough",
    "council",
    "county",
    "district",
    "the",
    "royal",
    "london",
    "corporation",
}


def name_key(name: str) -> str:
    """A name reduced for matching: "Kingston Upon Hull, City of" and "kingston upon hull" agree."""
    words = slugify(name).split("-")
    kept = [w for w in words if w not in _NAME_NOISE]
    return " ".join(kept or words)


def choose_gss(entry: LookupEntry, overview_code: str, lookup: Lookup) -> tuple[str | None, str | None]:
    """The ONS code to write, and a note when a code was set aside.

    The lookup's `la_code_new` is used. The overview's `ltla23cd` is not: it still
    carries county codes for councils reorganised since 2019 (Cumbria's E10000006 for
    both Cumberland and Westmorland and Furness, the old county's E10000009 for the 2019
    Dorset). When the two differ, `la_code_new` is kept only in that known pattern (a
    county code, E10, replaced by a unitary code, E06); any other disagreement leaves
    the code out rather than guess.
    """
    code = entry.gss
    if not code:
        return None, "the lookup gives no current ONS code; `gss` left out"
    if not re.match(GSS_PATTERN, code):
        return None, f"the lookup's ONS code `{code}` is not a letter and 8 digits; `gss` left out"
    if code in lookup.shared_gss:
        return None, f"the lookup gives ONS code `{code}` to more than one authority; `gss` left out"
    if overview_code and overview_code != code:
        if overview_code.startswith("E10") and code.startswith("E06"):
            return code, (
                f"gss {code} from the lookup; the overview's ltla23cd {overview_code} is a county code "
                "from before the council was reorganised, not used"
            )
        return None, (
            f"the lookup says ONS code {code}, the overview says {overview_code}; `gss` left out rather than guess"
        )
    return code, None


def codes_for(entry: LookupEntry, row: Row, lookup: Lookup, notes: list[str]) -> dict[str, Any]:
    codes: dict[str, Any] = {}
    gss, note = choose_gss(entry, row.values.get("ltla23cd", "").strip(), lookup)
    if note:
        notes.append(note)
    if gss:
        codes["gss"] = gss
    if re.fullmatch(r"[1-9][0-9]{2}", entry.la_code):
        codes["dfe"] = int(entry.la_code)
    elif entry.la_code:
        notes.append(f"the lookup's LA code `{entry.la_code}` is not 3 digits; `dfe` left out")
    if re.fullmatch(r"[1-9][0-9]{4,7}", entry.urn):
        codes["ofsted"] = int(entry.urn)
    elif entry.urn:
        notes.append(f"the URN `{entry.urn}` is not 5 to 8 digits; `ofsted` left out")
    return codes


# Rows into inspections -------------------------------------------------------------------


class RowError(Exception):
    """This row cannot be imported; the message says why."""


_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\Z")


def parse_date(value: str, column: str) -> dt.date | None:
    """dd/mm/yyyy (visit dates) or dd/mm/yy (publication date); ISO from a date cell."""
    value = value.strip()
    if value.lower() in NOT_GIVEN:
        return None
    try:
        match = _DATE.match(value)
        if match:
            day, month, year = int(match[1]), int(match[2]), int(match[3])
            return dt.date(year + 2000 if year < 100 else year, month, day)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise RowError(f"`{column}` is `{value}`, not a date written dd/mm/yyyy or dd/mm/yy") from None


def _in_force(kind: InspectionType, key: str, date: dt.date) -> bool:
    if key not in kind.judgements:
        return False
    first, last = kind.judgement_period(key)
    return not ((first and date < first.start) or (last and date > last.end))


def _in_use(kind: InspectionType, date: dt.date) -> bool:
    period = kind.in_use
    return period is None or not ((period.from_ and date < period.from_.start) or (period.to and date > period.to.end))


@dataclass
class Planned:
    """One row, made into the inspection and source it would add."""

    row: Row
    type: str
    visit: tuple[dt.date, dt.date] | dt.date | None
    published: dt.date | None
    judgements: dict[str, str]
    url: str
    url_note: str | None
    notes: list[str]  # for the report
    caveats: list[str]  # for readers: written into the inspection's `notes`

    @property
    def start(self) -> dt.date | None:
        return self.visit[0] if isinstance(self.visit, tuple) else self.visit

    @property
    def end(self) -> dt.date | None:
        return self.visit[1] if isinstance(self.visit, tuple) else self.visit

    @property
    def date(self) -> dt.date:
        date = self.start or self.published
        assert date is not None
        return date

    def describe(self) -> str:
        when = f"visited {_iso_span(self.start, self.end)}" if self.start else "visit dates not given"
        published = f", published {self.published}" if self.published else ""
        return f"{self.type}, {when}{published}"


def _iso_span(start: dt.date | None, end: dt.date | None) -> str:
    return f"{start} to {end}" if start and end and start != end else str(start or end)


def plan_row(row: Row, frameworks: Frameworks, as_of: dt.date) -> Planned:
    v = row.values
    notes: list[str] = []
    caveats: list[str] = []
    start = parse_date(v["inspection_start_date"], "inspection_start_date")
    end = parse_date(v["inspection_end_date"], "inspection_end_date")
    published = parse_date(v["publication_date"], "publication_date")
    if start and end and end < start:
        raise RowError(f"the visit ends ({end}) before it starts ({start})")
    if published and (end or start) and published < (end or start):  # type: ignore[operator]
        raise RowError(f"the report is dated {published}, before the visit ended ({end or start})")
    date = start or end or published
    if date is None:
        raise RowError("it gives neither visit dates nor a publication date")
    for what, when in (("visit", start), ("visit end", end), ("publication", published)):
        if when and when > as_of:
            raise RowError(f"its {what} date {when} is after today ({as_of})")

    # Short or standard: as given, else from the visit's length as data-to-insight decides it.
    framework = v["inspection_framework"].strip().lower()
    if framework in NOT_GIVEN:
        framework = ""
        if start and end:
            days = (end - start).days
            if days <= SHORT_MAX_DAYS:
                framework = "short"
            elif days <= STANDARD_MAX_DAYS:
                framework = "standard"
            if framework:
                notes.append(
                    f"no framework in the data; {framework}, as the visit's {days}-day span "
                    "decides it in data-to-insight's own rule"
                )
                caveats.append(
                    f"The dataset does not say whether this was a standard or a short inspection; "
                    f"it is recorded as {framework} because the visit lasted {days + 1} days."
                )
            else:
                notes.append(
                    f"no framework in the data, and a {days}-day visit fits neither; recorded as `{UNSPECIFIED}`"
                )
        else:
            notes.append(f"no framework and no visit dates in the data; recorded as `{UNSPECIFIED}`")
    elif framework not in ("short", "standard"):
        raise RowError(f"`inspection_framework` is `{v['inspection_framework']}`, not short or standard")

    raw_overall = v["overall_effectiveness_grade"].strip().lower()
    if raw_overall in NOT_GIVEN:
        reform = frameworks.types.get(REFORM)
        if reform is None:
            raise RowError(
                f"it has no overall effectiveness grade, and frameworks.yaml has no `{REFORM}` type "
                "for inspections after the 2026 reform"
            )
        if not _in_use(reform, date):
            raise RowError(
                f"it has no overall effectiveness grade, but it is dated {date}, before the reform "
                f"that dropped that grade (`{REFORM}` from {reform.in_use.from_ if reform.in_use else '?'})"
                "; an overall grade cannot be left out of an earlier ILACS inspection"
            )
        type_key = REFORM
    else:
        type_key = {"short": SHORT, "standard": STANDARD}.get(framework, UNSPECIFIED)
    kind = frameworks.types.get(type_key)
    if kind is None:
        raise RowError(f"frameworks.yaml has no `{type_key}` type")
    if not _in_use(kind, date):
        raise RowError(f"`{type_key}` inspections are not in use on {date} (frameworks.yaml `in_use`)")
    if type_key != REFORM and framework and start and start >= _reform_start(frameworks):
        notes.append(f"dated {start}, after the 2026 reform, but the data gives an overall grade; kept as `{type_key}`")

    scale = frameworks.scales.get(kind.scale or "", {})
    judgements: dict[str, str] = {}
    for column, keys in GRADE_COLUMNS.items():
        raw = v[column].strip()
        text = raw.lower()
        in_force = next((k for k in keys if _in_force(kind, k, date)), None)
        if text in NOT_GIVEN:
            continue
        if text == PRE_DATES:
            if in_force:
                notes.append(
                    f"`{column}` says the inspection predates that judgement, but `{in_force}` was "
                    f"judged on {date}; left out"
                )
            continue
        grade = GRADES.get(text)
        if grade is None:
            raise RowError(f"`{column}` is `{raw}`, not a grade (outstanding, good, requires improvement, inadequate)")
        if in_force is None:
            notes.append(
                f"`{column}` gives `{raw}`, but `{type_key}` inspections dated {date} have no such judgement; left out"
            )
            if column == "care_leavers_grade":
                caveats.append(
                    "The dataset also gives a separate grade for care leavers, but that judgement was "
                    "only made from January 2023, so it is left out."
                )
            continue
        if grade not in scale:
            raise RowError(f"`{grade}` is not a grade of the `{kind.scale}` scale")
        judgements[in_force] = grade
    for key in kind.headline:
        if key not in judgements:
            column = next(c for c, keys in GRADE_COLUMNS.items() if key in keys)
            raise RowError(
                f"it has no {kind.judgement_label(key).lower()} grade (`{column}` is "
                f"`{v[column] or 'empty'}`), which `{type_key}` inspections must have"
            )
    order = list(kind.judgements)
    judgements = dict(sorted(judgements.items(), key=lambda item: order.index(item[0])))

    url, url_note = v["inspection_link"].strip(), None
    if not re.match(URL_PATTERN, url):
        urn = _code(v.get("urn", ""))
        if not urn:
            raise RowError("it has no report link and no URN to link the authority's reports page")
        notes.append("no usable report link in the data; the authority's Ofsted reports page is cited")
        url, url_note = (
            REPORTS_PAGE.format(urn=urn),
            ("The dataset gives no link to the report; this is the authority's list of Ofsted reports."),
        )
    visit: tuple[dt.date, dt.date] | dt.date | None = (start, end) if start and end else (start or end)
    return Planned(row, type_key, visit, published, judgements, url, url_note, notes, caveats)


def _reform_start(frameworks: Frameworks) -> dt.date:
    reform = frameworks.types.get(REFORM)
    if reform and reform.in_use and reform.in_use.from_:
        return reform.in_use.from_.start
    return dt.date.max


# Reading authority files -----------------------------------------------------------------


def _load_plain(text: str, name: str = "the file") -> Any:
    """A file's data through the checker's own loader, which refuses aliases, tags and
    deep nesting instead of expanding them: an editor's broken file must not hang an import."""
    data, _, problems = compose(text[1:] if text.startswith("\ufeff") else text, name)
    if problems:
        first = problems[0]
        raise RowError(f"{name}:{first.line}:{first.col}: {first.message}; run `python build.py check`")
    return data


def _get(node: yaml.Node, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return None


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
        data = _load_plain(self.text, f"authorities/{self.slug}.yaml")
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


def _partial(value: Any) -> PartialDate | None:
    try:
        return PartialDate.parse(value)
    except Exception:  # pydantic's error type; a bad date is simply not comparable
        return None


def _span(visited: Any) -> tuple[PartialDate | None, PartialDate | None]:
    if isinstance(visited, dict):
        return _partial(visited.get("from")), _partial(visited.get("to"))
    date = _partial(visited) if isinstance(visited, str) else None
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


# Rendering new YAML ----------------------------------------------------------------------


def _yaml() -> Any:
    from ruamel.yaml import YAML

    y = YAML()  # round-trip mode, set up as content/authorities/*.yaml are written
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096  # lines are folded by hand (see folded); ruamel must not re-wrap them
    return y


def folded(text: str, indent: int) -> Any:
    """Long text as a `>-` block folded near FOLD_WIDTH columns, as editors write titles.

    A date ("10 March 2023", "16 to 27 January") is never split across lines.
    """
    from ruamel.yaml.scalarstring import FoldedScalarString

    if indent + len(text) <= FOLD_WIDTH or "  " in text or "\n" in text or text != text.strip():
        return text
    words = text.split(" ")
    chunks: list[str] = [words[0]]  # words joined where a line must not break
    for before, word in itertools.pairwise(words):
        if before.isdigit() or word[:1].isdigit():
            chunks[-1] += " " + word
        else:
            chunks.append(word)
    positions, offset, length = [], 0, 0
    for i, chunk in enumerate(chunks):
        if i and indent + length + 1 + len(chunk) > FOLD_WIDTH:
            positions.append(offset - 1)  # the space before this chunk
            length = len(chunk)
        else:
            length += (1 if i else 0) + len(chunk)
        offset += len(chunk) + 1
    scalar = FoldedScalarString(text)
    scalar.fold_pos = positions
    return scalar


def _flow(items: dict[str, Any] | list[Any]) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    node = CommentedMap(items) if isinstance(items, dict) else CommentedSeq(items)
    node.fa.set_flow_style()
    return node


def _dump(data: Any) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def _long_date(date: dt.date) -> str:
    return f"{date.day} {date:%B} {date.year}"


def _visit_words(start: dt.date, end: dt.date) -> str:
    if start == end:
        return _long_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day} to {_long_date(end)}"
    if start.year == end.year:
        return f"{start.day} {start:%B} to {_long_date(end)}"
    return f"{_long_date(start)} to {_long_date(end)}"


def source_item(source_id: str, authority_name: str, plan: Planned, via: str) -> dict[str, Any]:
    parts = [f"{authority_name}: inspection of local authority children's services ({KIND_TEXT[plan.type]})"]
    if plan.start and plan.end:
        parts.append(f"inspection {_visit_words(plan.start, plan.end)}")
    if plan.published:
        parts.append(f"report published {_long_date(plan.published)}")
    item: dict[str, Any] = {
        "id": source_id,
        "title": folded(", ".join(parts), 6),
        "publisher": "Ofsted",
        "url": plan.url,
    }
    if plan.published:
        item["published"] = plan.published
    item["via"] = folded(via, 6)
    if plan.url_note:
        item["note"] = folded(plan.url_note, 6)
    return item


def inspection_item(inspection_id: str, plan: Planned, source_id: str) -> dict[str, Any]:
    from ruamel.yaml.comments import CommentedMap

    item: dict[str, Any] = {"id": inspection_id, "type": plan.type}
    if isinstance(plan.visit, tuple):
        item["visited"] = _flow({"from": plan.visit[0], "to": plan.visit[1]})
    elif plan.visit:
        item["visited"] = plan.visit
    if plan.published:
        item["published"] = plan.published
    if plan.judgements:
        item["judgements"] = CommentedMap(plan.judgements)
    item["sources"] = _flow([source_id])
    if plan.caveats:
        item["notes"] = [
            CommentedMap(
                [("kind", "caveat"), ("text", folded(" ".join(plan.caveats), 10)), ("sources", _flow([source_id]))]
            )
        ]
    return item


def _item_lines(key: str, item: dict[str, Any], dash_col: int) -> list[str]:
    """The item as block-sequence lines, its dash at dash_col."""
    from ruamel.yaml.comments import CommentedMap

    lines = _dump(CommentedMap([(key, [CommentedMap(item)])])).splitlines(keepends=True)[1:]
    shift = dash_col - 2
    if shift >= 0:
        return [" " * shift + line if line.strip() else line for line in lines]
    return [line[-shift:] if line[:-shift].strip() == "" else line for line in lines]


def new_file_text(
    name: str, codes: dict[str, Any], region: str | None, source: dict[str, Any], inspection: dict[str, Any]
) -> str:
    from ruamel.yaml.comments import CommentedMap

    head = CommentedMap([("name", name)])
    if codes:
        head["codes"] = _flow(codes)
    if region:
        head["region"] = region
    sources = _dump(CommentedMap([("sources", [CommentedMap(source)])]))
    inspections = _dump(CommentedMap([("inspections", [CommentedMap(inspection)])]))
    return "".join(
        [
            SCHEMA_LINE,
            "\n",
            "# Imported by `python build.py import ilacs-overview` from data-to-insight's ILACS\n",
            "# overview: the latest ILACS inspection only. Add the earlier history and plans by\n",
            "# hand; see docs/content-format.md and docs/importing.md.\n",
            "\n",
            _dump(head),
            "\n",
            sources,
            "\n",
            inspections.replace("inspections:\n", "inspections:\n\n", 1),
        ]
    )


# Inserting into an existing file ---------------------------------------------------------


def _last_content_line(lines: list[str], node: yaml.Node, dash_col: int) -> int:
    """0-based index of the last line holding the list item's own text.

    libyaml ends a block scalar (`>-`, `|`) only at the next line with text, after any
    blank lines and comments between; those belong to what follows (a blank separator,
    a `# --- Council documents` heading), so they are stepped back over. A comment line
    indented no deeper than the item's dash cannot be part of the item.
    """
    mark = node.end_mark
    last = mark.line if mark.line < len(lines) and lines[mark.line][: mark.column].strip() else mark.line - 1
    first = node.start_mark.line

    def outside(line: str) -> bool:
        text = line.strip()
        return not text or (text.startswith("#") and len(line) - len(line.lstrip(" ")) <= dash_col)

    while last > first and outside(lines[last]):
        last -= 1
    return last


def insert_item(
    text: str, key: str, item: dict[str, Any], position: int | None, blank_default: bool
) -> tuple[str, int]:
    """Insert item into the top-level list `key`: at index position, or at its end.

    Returns the new text and the index the item took. Only lines are added (a `[]`
    placeholder for an empty list is the one thing replaced).
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    newline = "\r\n" if "\r\n" in body else "\n"
    lines = body.replace("\r\n", "\n").splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    root = yaml.compose("".join(lines), Loader=yaml.CSafeLoader)
    value = _get(root, key)

    if value is None or (isinstance(value, yaml.SequenceNode) and not value.value and value.flow_style):
        if value is None:
            new = [
                *lines,
                *(["\n"] if lines and lines[-1].strip() else []),
                f"{key}:\n",
                *(["\n"] if blank_default else []),
                *_item_lines(key, item, 2),
            ]
        else:  # `key: []`
            line = value.start_mark.line
            rest = lines[line][value.end_mark.column :] if value.end_mark.line == line else "?"
            if rest.strip():
                raise RowError(
                    f"`{key}: []` is followed by more text on its line; write the list in block style to import into it"
                )
            head = lines[line][: value.start_mark.column].rstrip() + "\n"
            new = [
                *lines[:line],
                head,
                *(["\n"] if blank_default else []),
                *_item_lines(key, item, 2),
                *lines[line + 1 :],
            ]
        index = 0
    elif not isinstance(value, yaml.SequenceNode) or value.flow_style:
        raise RowError(f"`{key}` is not a block list (`- item` lines), so nothing was inserted into it")
    else:
        items = value.value
        dash_line = lines[items[0].start_mark.line]
        dash_col = len(dash_line) - len(dash_line.lstrip(" "))
        if dash_line.lstrip(" ")[:1] != "-":
            raise RowError(f"`{key}` items do not start on their own `- ` lines; nothing was inserted")
        if len(items) > 1:
            blank = not lines[items[1].start_mark.line - 1].strip()
        else:
            key_line = _key_line(root, key)
            blank = any(not ln.strip() for ln in lines[key_line + 1 : items[0].start_mark.line])
        rendered = _item_lines(key, item, dash_col)
        index = len(items) if position is None else max(0, min(position, len(items)))
        if index == 0:
            at = items[0].start_mark.line
            chunk = [*rendered, *(["\n"] if blank else [])]
        else:
            at = _last_content_line(lines, items[index - 1], dash_col) + 1
            chunk = [*(["\n"] if blank else []), *rendered]
        new = [*lines[:at], *chunk, *lines[at:]]
    out = "".join(new)
    return bom + (out.replace("\n", "\r\n") if newline == "\r\n" else out), index


def _key_line(root: yaml.MappingNode, key: str) -> int:
    for k, _ in root.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return k.start_mark.line
    raise KeyError(key)


def checked_insert(text: str, key: str, item: dict[str, Any], position: int | None, blank_default: bool) -> str:
    """insert_item, then prove the new text holds exactly the old data plus the item."""
    new, index = insert_item(text, key, item, position, blank_default)
    before, after = _load_plain(text), _load_plain(new)
    expected_item = _load_plain(_dump({key: [item]}))[key][0]
    expected = dict(before)
    listed = list(before.get(key) or [])
    listed.insert(index, expected_item)
    expected[key] = listed
    keys = [*before, *([] if key in before else [key])]
    if after != expected or list(after) != keys:
        raise RowError(f"inserting into `{key}` would not keep the file's data as it was; nothing was changed")
    return new


# The import ------------------------------------------------------------------------------

Kind = Literal["created", "added", "skipped", "disagreement", "error"]


@dataclass
class Outcome:
    kind: Kind
    row: Row | None
    slug: str | None
    message: str
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        where = f"authorities/{self.slug}.yaml" if self.slug else (self.row.label if self.row else "")
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

    def summary(self) -> str:
        rows = sum(o.row is not None for o in self.outcomes)
        parts = [
            f"{self.count('created')} created",
            f"{self.count('added')} added",
            f"{self.count('skipped')} skipped",
            f"{self.count('disagreement')} disagreement{'s' if self.count('disagreement') != 1 else ''}",
            f"{self.count('error')} error{'s' if self.count('error') != 1 else ''}",
        ]
        return f"{rows} rows: {', '.join(parts)}"


def _load_frameworks(content: Path) -> Frameworks:
    from .load import load_file
    from .validate import validate_frameworks

    path = content / "frameworks.yaml"
    if not path.exists():
        raise ImportFailure(f"{path} does not exist; pass the content folder with --content")
    doc, problems = load_file(path, str(path))
    frameworks = None
    if doc is not None:
        frameworks, found = validate_frameworks(doc)
        problems = [*problems, *found]
    if frameworks is None:
        detail = "; ".join(f"{p.line}:{p.col}: {p.message}" for p in problems[:3])
        raise ImportFailure(f"{path} does not pass the checker ({detail}); run `python build.py check`")
    return frameworks


def _read_files(folder: Path) -> dict[str, AuthorityFile]:
    files = {}
    if folder.is_dir():
        for path in sorted(folder.glob("*.yaml")):
            text = path.read_bytes().decode("utf-8", errors="surrogateescape")
            files[path.stem] = AuthorityFile(path.stem, path, text, text)
    return files


def _unique_id(base: str, taken: set[str]) -> str:
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
    urn = str(codes.get("ofsted") or _code(row.values.get("urn", "")))
    dfe = str(codes.get("dfe") or _code(row.values.get("la_code", "")))
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
    name = data.get("name") if isinstance(data.get("name"), str) else file.slug
    inspections = [i for i in (data.get("inspections") or []) if isinstance(i, dict)]
    family = [i for i in inspections if i.get("type") in FAMILY]
    exact = [i for i in family if i.get("type") == plan.type and _same_visit(i, plan)]
    if exact:
        existing = exact[0]
        differences = []
        recorded = _partial(existing.get("published"))
        if recorded and plan.published and not (recorded.start <= plan.published <= recorded.end):
            differences.append(f"published {recorded} in the file, {plan.published} in the data")
        grades = existing.get("judgements") if isinstance(existing.get("judgements"), dict) else {}
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
            f"visited {_iso_span(first.start if first else None, last.start if last else None)}"
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
    inspection_id = _unique_id(f"ilacs-{year}", {str(i.get("id")) for i in inspections})
    same_url = [s for s in sources if s.get("url") == plan.url]
    notes = list(plan.notes)
    text = file.text
    if same_url:
        source_id = str(same_url[0].get("id"))
        notes.append(f"cites the file's existing source `{source_id}`, which has the same address")
    else:
        source_id = _unique_id(f"{inspection_id}-report", {str(s.get("id")) for s in sources})
        ofsted = [i for i, s in enumerate(sources) if s.get("publisher") == "Ofsted"]
        text = checked_insert(
            text,
            "sources",
            source_item(source_id, name, plan, via),
            ofsted[-1] + 1 if ofsted else None,
            blank_default=False,
        )
    position = 0
    for i, existing in enumerate(inspections):
        first, _ = _span(existing.get("visited"))
        when = first or _partial(existing.get("published"))
        if when is not None and when.start <= plan.date:
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


def run_import(
    xlsx: Path, lookup_path: Path | None, content: Path, dry_run: bool, as_of: dt.date | None = None
) -> Result:
    as_of = as_of or pipeline.default_as_of()
    frameworks = _load_frameworks(content)
    rows, snapshot = read_overview(xlsx)
    lookup = read_lookup(lookup_path) if lookup_path else None
    via = f"{DATASET} (snapshot {_long_date(snapshot)})" if snapshot else f"{DATASET} (snapshot date not recorded)"
    folder = content / "authorities"
    files = _read_files(folder)
    outcomes: list[Outcome] = []

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
                        ("ofsted", _code(row.values.get("urn", ""))),
                        ("dfe", _code(row.values.get("la_code", ""))),
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
        except RowError as exc:
            outcomes.append(Outcome("error", row, None, f"{exc}", notes))
        except yaml.YAMLError as exc:
            outcomes.append(Outcome("error", row, None, f"an authority file cannot be read as YAML ({exc})", notes))

    changed = {slug: f for slug, f in files.items() if f.changed}
    problems = _staged_check(content, changed, as_of)
    written = False
    if not dry_run and changed and not problems:
        _write(changed)
        written = True
    return Result(outcomes, files, problems, written)


def _staged_check(content: Path, changed: dict[str, AuthorityFile], as_of: dt.date) -> list[str]:
    """`check` on a copy of the content with the changes made; its errors, as text."""
    if not changed:
        return []
    with tempfile.TemporaryDirectory(prefix="tracker-import-") as tmp:
        staged = Path(tmp) / "content"
        shutil.copytree(content, staged, ignore=shutil.ignore_patterns(".*"))
        for f in changed.values():
            (staged / "authorities" / f"{f.slug}.yaml").write_text(f.text, encoding="utf-8", newline="")
        result = pipeline.check(staged, as_of)
        prefix = str(staged.absolute())
        return [f"{p.file.replace(prefix, str(content))}:{p.line}:{p.col}: {p.message}" for p in result.errors]


def _write(changed: dict[str, AuthorityFile]) -> None:
    for f in changed.values():
        f.path.parent.mkdir(parents=True, exist_ok=True)
        if f.original is None:
            if f.path.exists():
                raise ImportFailure(f"{f.path} appeared while importing; nothing more was written. Run again.")
        elif f.path.read_bytes().decode("utf-8", errors="surrogateescape") != f.original:
            raise ImportFailure(f"{f.path} was changed by someone else while importing; it was left alone. Run again.")
        tmp = f.path.with_name(f".{f.path.name}.import-tmp")
        tmp.write_bytes(f.text.encode("utf-8", errors="surrogateescape"))
        os.replace(tmp, f.path)


# Command line ----------------------------------------------------------------------------


@click.group(name="import")
def import_command() -> None:
    """Import published data into the content (needs the `import` extra)."""


@import_command.command("ilacs-overview")
@click.argument("xlsx", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--lookup",
    "lookup_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="data-to-insight's Provider_data_lookup.csv (names, codes, regions). "
    "Default: that file beside XLSX, if there is one.",
)
@click.option(
    "--content",
    type=click.Path(path_type=Path),
    default=Path("content"),
    show_default=True,
    help="Folder holding site.yaml, frameworks.yaml and authorities/.",
)
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
def ilacs_overview(xlsx: Path, lookup_path: Path | None, content: Path, dry_run: bool) -> None:
    """Import data-to-insight's ILACS overview: every English authority's latest ILACS.

    Creates authorities/<slug>.yaml for each authority without a file, adds the
    inspection to files that lack it, and never changes what is already written.
    Exits 1 when a row cannot be imported (the other rows still are) or when the
    result would not pass `check` (then nothing is written).
    """
    if lookup_path is None and (xlsx.parent / "Provider_data_lookup.csv").is_file():
        lookup_path = xlsx.parent / "Provider_data_lookup.csv"
    result = run_import(xlsx, lookup_path, content, dry_run)
    order = {"created": 0, "added": 1, "skipped": 2, "disagreement": 3, "error": 4}
    for outcome in sorted(result.outcomes, key=lambda o: (order[o.kind], o.slug or "", o.row.number if o.row else 0)):
        for line in outcome.lines():
            click.echo(line)
    for problem in result.check_problems:
        click.echo(f"check        {problem}", err=True)
    click.echo(result.summary() + ".")
    if result.check_problems:
        click.echo(
            f"The result would not pass `check` ({len(result.check_problems)} errors); nothing was written.", err=True
        )
    elif dry_run:
        click.echo("Dry run: nothing was written.")
    elif result.written:
        click.echo(
            f"Wrote {sum(f.changed for f in result.files.values())} files into {content / 'authorities'}; "
            "the content passes `check`."
        )
    else:
        click.echo("Nothing to change.")
    if result.failed:
        raise SystemExit(1)
