"""The rules per dataset: how a row of the ILACS overview becomes an inspection."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..model import OFSTED_LISTING, URL_PATTERN, Frameworks, InspectionType
from ..reference import GSS_PATTERN
from .sources import NOT_GIVEN, Lookup, LookupEntry, Row, RowError, code_text

DATASET = "data-to-insight ofsted-ilacs-scrape-tool ILACS overview"
REPORTS_PAGE = OFSTED_LISTING + "{urn}"  # an authority's list of reports

# Inspection types this importer writes (keys of frameworks.yaml). See docs/importing.md.
STANDARD, SHORT, UNSPECIFIED = "ilacs", "ilacs-short", "ilacs-unspecified"
# From April 2026, with no overall effectiveness judgement: standard and short as before.
REFORM, REFORM_SHORT = "ilacs-2026", "ilacs-2026-short"
FAMILY = (STANDARD, SHORT, REFORM, REFORM_SHORT, UNSPECIFIED)
KIND_TEXT = {
    STANDARD: "ILACS standard inspection",
    SHORT: "ILACS short inspection",
    REFORM: "ILACS standard inspection, no overall effectiveness judgement",
    REFORM_SHORT: "ILACS short inspection, no overall effectiveness judgement",
    UNSPECIFIED: "ILACS inspection",
}

# data-to-insight decides short or standard from the visit's length in days (end minus
# start): `short_inspection_threshold = 7`, and standard up to `standard_inspection_threshold
# + 1` = 15 (ofsted_childrens_services_inspection_scrape.py, get_framework_type).
SHORT_MAX_DAYS, STANDARD_MAX_DAYS = 7, 15
# A focused visit is two or three days on site, some in parts over a week or two: a letter
# giving a longer one has a misprint in its dates.
VISIT_MAX_DAYS = 31

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
PRE_DATES = "inspection_pre_dates_judgement"


# Names, slugs and codes ------------------------------------------------------------------

_INVERTED = re.compile(r"^(?P<place>.+), (?P<kind>City of|County of)$")


def official_name(ons_name: str) -> tuple[str, str]:
    """(name shown, place for the slug) from the lookup's ONS name.

    ONS lists some names inverted for sorting ("Bristol, City of"); they are turned
    back ("City of Bristol") and the slug is made from the place alone ("bristol").
    "Upon" is written "upon", as in every other such name and in the lookup's own
    district name for Hull ("Kingston upon Hull"). Every other name is kept as the
    lookup spells it.
    """
    ons_name = re.sub(r"(?<= )Upon(?= )", "upon", ons_name)
    match = _INVERTED.match(ons_name)
    if match:
        return f"{match['kind']} {match['place']}", match["place"]
    return ons_name, ons_name


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
        return None, f"the lookup's ONS code `{code}` is not E and 8 digits, an English authority's; `gss` left out"
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


def in_force(kind: InspectionType, key: str, date: dt.date) -> bool:
    """Whether the type judged `key` on date (a dated judgement only within its dates)."""
    if key not in kind.judgements:
        return False
    first, last = kind.judgement_period(key)
    return not ((first and date < first.start) or (last and date > last.end))


def in_use(kind: InspectionType, date: dt.date) -> bool:
    """Whether the type was in use on date (frameworks.yaml `in_use`)."""
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
        when = f"visited {iso_span(self.start, self.end)}" if self.start else "visit dates not given"
        published = f", published {self.published}" if self.published else ""
        return f"{self.type}, {when}{published}"


def iso_span(start: dt.date | None, end: dt.date | None) -> str:
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
        if not in_use(reform, date):
            raise RowError(
                f"it has no overall effectiveness grade, but it is dated {date}, before the reform "
                f"that dropped that grade (`{REFORM}` from {reform.in_use.from_ if reform.in_use else '?'})"
                "; an overall grade cannot be left out of an earlier ILACS inspection"
            )
        if framework not in ("short", "standard"):
            raise RowError(
                "it has no overall effectiveness grade, and neither the data nor the visit's dates say whether it "
                f"was a standard or a short inspection (`{REFORM}` or `{REFORM_SHORT}`)"
            )
        type_key = REFORM_SHORT if framework == "short" else REFORM
    else:
        type_key = {"short": SHORT, "standard": STANDARD}.get(framework, UNSPECIFIED)
    kind = frameworks.types.get(type_key)
    if kind is None:
        raise RowError(f"frameworks.yaml has no `{type_key}` type")
    if not in_use(kind, date):
        raise RowError(f"`{type_key}` inspections are not in use on {date} (frameworks.yaml `in_use`)")
    if type_key not in (REFORM, REFORM_SHORT) and framework and start and start >= _reform_start(frameworks):
        notes.append(f"dated {start}, after the 2026 reform, but the data gives an overall grade; kept as `{type_key}`")

    scale = frameworks.scales.get(kind.scale or "", {})
    judgements: dict[str, str] = {}
    for column, keys in GRADE_COLUMNS.items():
        raw = v[column].strip()
        text = raw.lower()
        judged = next((k for k in keys if in_force(kind, k, date)), None)
        if text in NOT_GIVEN:
            continue
        if text == PRE_DATES:
            if judged:
                notes.append(
                    f"`{column}` says the inspection predates that judgement, but `{judged}` was "
                    f"judged on {date}; left out"
                )
            continue
        grade = GRADES.get(text)
        if grade is None:
            raise RowError(f"`{column}` is `{raw}`, not a grade (outstanding, good, requires improvement, inadequate)")
        if judged is None:
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
        judgements[judged] = grade
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
        urn = code_text(v.get("urn", ""))
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
