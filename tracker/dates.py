"""Dates as readers read them, on pages, in feeds and in what the importers write:
"8 February 2021", "February 2021", "8 to 19 February 2021" (never the locale's month names)."""

from __future__ import annotations

import datetime as dt

from .model import PartialDate

MONTHS = (
    "January February March April May June July August September October November December".split()  # noqa: SIM905
)


def _precise(value: PartialDate | dt.date) -> bool:
    return not isinstance(value, PartialDate) or value.precise


def human_date(value: PartialDate | dt.date | None) -> str:
    if value is None:
        return ""
    if not _precise(value):
        return f"{MONTHS[value.month - 1]} {value.year}"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def date_range(start: PartialDate | dt.date | None, end: PartialDate | dt.date | None) -> str:
    """Two dates as a reader says them: "8 to 19 February 2021"; one date when they are the same."""
    if start is None:
        return ""
    if end is None or end == start:
        return human_date(start)
    if _precise(start) and _precise(end) and start.year == end.year:
        first = str(start.day) if start.month == end.month else f"{start.day} {MONTHS[start.month - 1]}"
        return f"{first} to {human_date(end)}"
    return f"{human_date(start)} to {human_date(end)}"


def month_year(value: PartialDate | dt.date | None) -> str:
    return "" if value is None else f"{MONTHS[value.month - 1]} {value.year}"


def months_between(start: PartialDate, end: PartialDate) -> int:
    """Whole months from one date to another; a date given only as a month counts month to month."""
    months = (end.year * 12 + end.month) - (start.year * 12 + start.month)
    if start.day is not None and end.day is not None and end.day < start.day:
        months -= 1
    return months
