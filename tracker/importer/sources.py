"""Reading the published inputs: data-to-insight's ILACS overview workbook, its
Provider_data_lookup.csv, and the ILACS history CSV that lists every report."""

from __future__ import annotations

import csv
import datetime as dt
import warnings
from collections import Counter
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..files import slugify

NOT_GIVEN = frozenset(("", "nan", "none", "null", "data_unreadable"))
GRADE_COLUMNS = (
    "overall_effectiveness_grade",
    "impact_of_leaders_grade",
    "help_and_protection_grade",
    "in_care_grade",
    "care_leavers_grade",
)
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


class ImportFailure(Exception):
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


MAX_OVERVIEW_ROWS = 2_000  # a workbook of a few hundred kilobytes can hold millions


def read_overview(path: Path) -> tuple[list[Row], dt.date | None]:
    """The overview's rows (by column name) and the date the workbook was exported."""
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles it cannot read
            book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise ImportFailure(f"{path}: cannot read it as an .xlsx workbook ({exc})") from None
    lines: Generator[tuple[Any, ...], None, None] | None = None
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
            if number > MAX_OVERVIEW_ROWS:
                raise ImportFailure(
                    f"{path}: the first sheet has more than {MAX_OVERVIEW_ROWS:,} rows, where England has some 150 "
                    "authorities; is this data-to-insight's ILACS overview?"
                )
            values = {name: _cell_text(v) for name, v in zip(header, line, strict=False) if name}
            if any(values.values()):
                rows.append(Row(number, values))
        created = book.properties.created or book.properties.modified
    except ImportFailure:
        raise
    except Exception as exc:  # read only as its rows are asked for: a damaged sheet fails here
        raise ImportFailure(f"{path}: cannot read its first sheet, which is damaged ({exc})") from None
    finally:
        if lines is not None:
            lines.close()  # a sheet's rows stopped early hold its file open
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
            code_text(row.values.get("urn", "")),
            code_text(row.values.get("la_code", "")),
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


def code_text(value: str) -> str:
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
                urn=code_text(r.get("urn") or ""),
                la_code=code_text(r.get("la_code") or ""),
                gss=(r.get("la_code_new") or "").strip(),
                ons_name=(r.get("local_authority_ons_name") or "").strip(),
                also_known_as=tuple(a.strip() for a in aka.split(",") if a.strip()),
                region=(r.get("region_name") or "").strip(),
            )
        )
    return Lookup(entries)


class RowError(Exception):
    """This row cannot be imported; the message says why."""


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
