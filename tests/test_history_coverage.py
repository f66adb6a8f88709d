"""Every report in the ILACS history CSV is an inspection in content/, or a known exception.

The CSV (../shared/data/ofsted_csc_ilacs_history.csv) lists each report filed under
"children's services inspection" on each authority's Ofsted page: every ILACS, SIF and
SIF re-inspection since 2013, and a few older reports. A row maps to the inspection that
cites its report's address, but not to an earlier inspection that cites the report for
what it says of it (a SIF report names the grades of the inspections before it); an
editors' file may cite the report elsewhere (Ofsted's reports site), so there the
inspection of the same publication date or visit counts.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
from typing import Any

import pytest
import yaml
from conftest import REPO

HISTORY = REPO.parent / "shared" / "data" / "ofsted_csc_ilacs_history.csv"

# (URN, file name): why the row is not an inspection in content/. docs/importing.md says more.
NOT_IMPORTED = {
    ("80429", "children's services inspection - 19 october 2012.pdf"): "an HTML page saved as .pdf",
    ("80431", "children's services inspection - 13 july 2012.pdf"): "an HTML page saved as .pdf",
    ("80490", "children's services inspection - 17 august 2012.pdf"): "an HTML page saved as .pdf",
    ("80543", "children's services inspection - 10 august 2012.pdf"): "an HTML page saved as .pdf",
    ("80567", "children's services inspection - 03 august 2015.pdf"): "a review of the safeguarding board alone",
}


def _date(text: str) -> dt.date | None:
    try:
        day, month, year = (int(part) for part in text.strip().split("/"))
    except ValueError:
        return None
    return dt.date(year + 2000 if year < 100 else year, month, day)


def _span(inspection: dict[str, Any]) -> tuple[dt.date, dt.date] | None:
    visited = inspection.get("visited")
    if isinstance(visited, dict):
        return visited["from"], visited["to"]
    return (visited, visited) if isinstance(visited, dt.date) else None


def _day(value: Any, last: bool = False) -> dt.date | None:
    """A content date; a month-only one (`2012-11`) as its first or last day."""
    if isinstance(value, str) and len(value) == 7:
        year, month = int(value[:4]), int(value[5:])
        return dt.date(year, month, calendar.monthrange(year, month)[1] if last else 1)
    return value if isinstance(value, dt.date) else None


def _earlier(inspection: dict[str, Any], listed: dt.date | None) -> bool:
    """Whether the inspection ended well before the report was listed: an earlier inspection
    citing the report for what it says of it. The CSV lists a SIF up to a week after the
    date the report prints (docs/importing.md); a report comes out within months of its visit."""
    if listed is None:
        return False
    published = _day(inspection.get("published"), last=True)
    if published is not None:
        return published + dt.timedelta(days=31) < listed
    visited = inspection.get("visited")
    end = _day(visited.get("to") if isinstance(visited, dict) else visited, last=True)
    return end is not None and end + dt.timedelta(days=365) < listed


def _matches(row: dict[str, str], files: list[dict[str, Any]]) -> list[str]:
    found = []
    for data in files:
        urls = {s["id"]: s["url"] for s in data.get("sources") or []}
        editors = not all(s.get("via") for s in data.get("sources") or [])
        start, end = _date(row["inspection_start_date"]), _date(row["inspection_end_date"])
        for inspection in data.get("inspections") or []:
            if inspection["type"] in ("focused-visit", "monitoring-visit", "jtai"):
                continue
            if any(urls.get(s) == row["inspection_link"] for s in inspection["sources"]):
                if not _earlier(inspection, _date(row["publication_date"])):
                    found.append(inspection["id"])
            elif editors:
                span = _span(inspection)
                if inspection.get("published") == _date(row["publication_date"]) or (
                    span and start and end and span[0] <= end and start <= span[1]
                ):
                    found.append(inspection["id"])
    return found


def test_every_row_of_the_history_is_an_inspection() -> None:
    if not HISTORY.is_file():
        pytest.skip("../shared/data is missing")
    with HISTORY.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_urn: dict[str, list[dict[str, Any]]] = {}
    for path in sorted((REPO / "content" / "authorities").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        by_urn.setdefault(str((data.get("codes") or {}).get("ofsted")), []).append(data)
    unmapped, twice = [], []
    for row in rows:
        found = _matches(row, by_urn.get(row["urn"], []))
        if not found and (row["urn"], row["pdf_filename"]) not in NOT_IMPORTED:
            unmapped.append(f"{row['local_authority']}: {row['pdf_filename']}")
        if len(found) > 1:
            twice.append(f"{row['local_authority']}: {row['pdf_filename']} is {', '.join(found)}")
    assert unmapped == [] and twice == []
    assert len(rows) - len(NOT_IMPORTED) == 492
