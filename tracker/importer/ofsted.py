"""`import report` and `import ofsted-reports`: Ofsted's own reports into content files.

Each PDF is read (reports.py) into what it states; the rules here turn it into an
inspection of a frameworks.yaml type, with a source citing the report (the ILACS
history CSV's link for it, else the authority's Ofsted page with a note saying so)
and the dataset it came through (`via`). The CSV's grades and dates are a
cross-check only: where they differ from the PDF, the PDF is followed and the
inspection records the disagreement, citing both.

Merging, per authority file (found by its Ofsted URN):
- an inspection of the same family whose dates overlap is the same inspection;
- in a file that an import wrote (every source has `via`), an imported inspection is
  replaced by the report's fuller version (same id), unless an editor has corrected it
  or the reading would lose what it holds (_held); nothing else is touched;
- in an editors' file (any source without `via`) nothing is replaced: what the
  report adds or contradicts is reported, for an editor to apply;
- an inspection the file lacks is added, with its source.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..clock import default_as_of
from ..dates import date_range, human_date
from ..files import finish_interrupted
from ..model import Frameworks
from ..problems import together
from ..yamledit import EditError, checked_insert, checked_replace, flow, folded, insert_report_source, load_plain
from .render import IMPORTED_HEADER, inspection_head, ofsted_source
from .reports import NotAnInspection, Report, ReportError, read_report
from .rules import (
    FAMILY,
    GRADE_COLUMNS,
    GRADES,
    PRE_DATES,
    REFORM,
    REFORM_SHORT,
    REPORTS_PAGE,
    SHORT,
    SHORT_MAX_DAYS,
    STANDARD,
    UNSPECIFIED,
    VISIT_MAX_DAYS,
    in_force,
    in_use,
)
from .run import (
    AuthorityFile,
    Kind,
    Outcome,
    Result,
    finish,
    frameworks_for,
    partial_date,
    read_files,
    unique_id,
)
from .sources import NOT_GIVEN, ImportFailure, RowError

FAMILIES = {
    "sif": ("sif", "sif-reinspection"),
    "sif-reinspection": ("sif", "sif-reinspection"),
    "ilacs": FAMILY,
    "focused-visit": ("focused-visit",),
    "lac-2012": ("lac-2012",),
}
ID_PREFIX = {
    "sif": "sif",
    "sif-reinspection": "sif-reinspection",
    "lac-2012": "lac",
    "focused-visit": "fv",
    "ilacs": "ilacs",
    "ilacs-short": "ilacs",
    "ilacs-2026": "ilacs",
    "ilacs-2026-short": "ilacs",
    "ilacs-unspecified": "ilacs",
}
HISTORY_ID = "ofsted-ilacs-history"
HISTORY_URL = "https://github.com/JT-39/ofsted-ilacs-scrape-tool"
REPORTS_HEADER = (
    "# Imported by `python build.py import ilacs-overview` and `import ofsted-reports`\n"
    "# from Ofsted's reports and letters since 2013. Add plans, and what the reports do\n"
    "# not cover, by hand; see docs/content-format.md and docs/importing.md.\n"
)


# The history CSV ----------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryRow:
    number: int
    values: dict[str, str]

    def date(self, column: str) -> dt.date | None:
        value = self.values.get(column, "").strip()
        if value.lower() in NOT_GIVEN:
            return None
        match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", value)
        if not match:
            return None
        year = int(match[3])
        try:
            return dt.date(year + 2000 if year < 100 else year, int(match[2]), int(match[1]))
        except ValueError:
            return None


def read_history(path: Path) -> dict[tuple[str, str], HistoryRow]:
    """The CSV's rows by (URN, PDF file name)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            records = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ImportFailure(f"{path}: cannot read the history CSV ({exc})") from None
    if not records or not {"urn", "pdf_filename", "inspection_link"} <= set(records[0]):
        raise ImportFailure(
            f"{path}: expected ofsted_csc_ilacs_history.csv (columns urn, pdf_filename, inspection_link)"
        )
    return {
        (r["urn"].strip(), r["pdf_filename"].strip()): HistoryRow(n, {k: (v or "") for k, v in r.items() if k})
        for n, r in enumerate(records, start=2)
    }


# A report into an inspection -------------------------------------------------------------


@dataclass
class ReportPlan:
    path: Path
    report: Report
    type: str
    published: dt.date | None
    judgements: dict[str, str]
    url: str
    source_note: str | None  # what the source's reader should know: where its address or a date comes from
    via: str
    disagreements: list[str] = field(default_factory=list)  # for readers, citing the report and the CSV
    # The CSV's one difference is a visit it gives as one of the report's parts (an
    # inspection paused and resumed): less given, not otherwise, so a caveat.
    one_part: bool = False
    caveats: list[str] = field(default_factory=list)  # for readers, citing the report
    notes: list[str] = field(default_factory=list)  # for the run's report

    @property
    def date(self) -> dt.date:
        date = self.report.visit_start or self.published
        assert date is not None
        return date

    def describe(self) -> str:
        r = self.report
        when = f"visited {r.visit_start} to {r.visit_end}" if r.visit_start else "no visit dates"
        return f"{self.type}, {when}" + (f", published {self.published}" if self.published else "")


def _grade_words(scale: Mapping[str, str], key: str) -> str:
    """A grade as the site names it ("requires improvement to be good"), mid-sentence."""
    return scale.get(key, key.replace("-", " ")).lower()


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


_ORDINALS = ("first", "second", "third", "fourth")
_COUNTS = ("one", "two", "three", "four")


def _visit_words(csv_start: dt.date, csv_end: dt.date, report: Report) -> str:
    """The CSV's visit dates for a disagreement note, and the report's as it prints them."""
    if csv_start > csv_end:
        given = f"visit from {human_date(csv_start)} to {human_date(csv_end)}"
    else:
        given = f"visit {date_range(csv_start, csv_end)}"
    spans = report.visit_spans
    if (csv_start, csv_end) in spans and len(spans) <= len(_COUNTS):
        # A visit in parts (an inspection paused and resumed): the CSV gives one part.
        part = _ORDINALS[spans.index((csv_start, csv_end))]
        return f"{given}, the {part} of the {_COUNTS[len(spans) - 1]} parts the report gives ({report.visit_parts})"
    assert report.visit_start and report.visit_end
    return f"{given} (the report: {report.visit_parts or date_range(report.visit_start, report.visit_end)})"


def _published_words(csv_published: dt.date, report: Report) -> str:
    """The CSV's publication date for a disagreement note, and the report's."""
    assert report.published
    if csv_published == report.board_published:
        return (
            f"publication date {human_date(csv_published)}, the date the report prints on its review of the "
            f"safeguarding board (the report on the council's services: {human_date(report.published)})"
        )
    return f"publication date {human_date(csv_published)} (the report: {human_date(report.published)})"


def plan_report(
    path: Path, report: Report, frameworks: Frameworks, row: HistoryRow | None, urn: str | None, via: str
) -> ReportPlan:
    start, end = report.visit_start, report.visit_end
    date = start or report.published
    if date is None:
        raise RowError("the report gives neither visit dates nor a publication date")
    notes: list[str] = []
    caveats: list[str] = []
    source_notes: list[str] = []
    judgements = dict(report.judgements)
    type_key: str = report.kind
    if report.kind == "ilacs":
        framework = (row.values.get("inspection_framework", "") if row else "").strip().lower()
        # Short or standard, before and after the 2026 reform alike: as the dataset gives it,
        # else from the visit's length; the reform decides only which pair of types.
        short: bool | None = None
        if framework in ("short", "standard"):
            short = framework == "short"
            source_notes.append(
                f"The report does not say whether it was a short or a standard inspection; the ILACS history "
                f"dataset says {framework}, as recorded here."
            )
        elif start and end:
            days = (end - start).days
            short = days <= SHORT_MAX_DAYS
            said = "its row of the ILACS history does not say" if row else "no row of the ILACS history says"
            notes.append(f"short or standard from the visit's {days + 1} days ({said})")
            # Wiltshire 2019: "inspection duration longer than standard framework".
            given = (
                f", and the ILACS history dataset gives only “{framework}”"
                if framework
                else ", nor does the ILACS history dataset"
            )
            caveats.append(
                f"The report does not say whether this was a standard or a short inspection{given}; it is "
                f"recorded as {'short' if short else 'standard'} because the visit lasted {days + 1} days."
            )
        if "overall" not in judgements:
            reform = frameworks.types.get(REFORM)
            if reform is None or not in_use(reform, date):
                raise RowError(
                    f"the report gives no overall effectiveness grade, but it is dated {date}, before the 2026 reform"
                )
            if short is None:
                raise RowError(
                    "the report gives no overall effectiveness grade, and neither it, the ILACS history dataset "
                    f"nor its visit's dates say whether it was a standard or a short inspection (`{REFORM}` or "
                    f"`{REFORM_SHORT}`)"
                )
            type_key = REFORM_SHORT if short else REFORM
        else:
            type_key = UNSPECIFIED if short is None else SHORT if short else STANDARD
    kind = frameworks.types.get(type_key)
    if kind is None:
        raise RowError(f"frameworks.yaml has no `{type_key}` type")
    if not in_use(kind, date):
        raise RowError(f"`{type_key}` inspections are not in use on {date} (frameworks.yaml `in_use`)")
    scale = frameworks.scales.get(kind.scale or "", {})
    for key in list(judgements):
        if not in_force(kind, key, date) or judgements[key] not in scale:
            notes.append(f"the report's {key} grade `{judgements[key]}` does not fit `{type_key}` on {date}; left out")
            del judgements[key]
    missing = [k for k in kind.headline if k not in judgements]
    if missing:
        raise RowError(f"the report gives no {', '.join(missing)} grade, which `{type_key}` inspections must have")
    order = list(kind.judgements)
    judgements = dict(sorted(judgements.items(), key=lambda item: order.index(item[0])))

    published = report.published
    url = ""
    disagreements: list[str] = []
    one_part = False
    if row is not None:
        url = row.values.get("inspection_link", "").strip()
        csv_published = row.date("publication_date")
        if published is None and csv_published:
            # ILACS reports do not print their publication date, nor do some of the first SIF
            # reports (2013-14): the dataset's, the date Ofsted's site lists them under, is
            # cited as such.
            published = csv_published
            source_notes.insert(
                0,
                "The report does not print its publication date: the date given here is the ILACS history dataset's."
                if report.sections_published is None
                else "The report does not print the day it was published as a whole: its first page says that its "
                "sections about the local authority were originally published on "
                f"{human_date(report.sections_published)}. The date given here, {human_date(csv_published)}, is the "
                "ILACS history dataset's, for the combined report.",
            )
        elif csv_published and published and csv_published != published:
            disagreements.append(_published_words(csv_published, report))
        csv_start, csv_end = row.date("inspection_start_date"), row.date("inspection_end_date")
        if start and end and csv_start and csv_end and (csv_start, csv_end) != (start, end):
            disagreements.append(_visit_words(csv_start, csv_end, report))
            one_part = (csv_start, csv_end) in report.visit_spans
        for column, keys in GRADE_COLUMNS.items():
            raw = row.values.get(column, "").strip().lower()
            if raw in NOT_GIVEN or raw == PRE_DATES or raw == "not_reported_post_reform":
                continue
            csv_grade = GRADES.get(raw)
            judged = next((k for k in keys if k in judgements), None)
            later = next((k for k in keys if k in kind.judgements and not in_force(kind, k, date)), None)
            if judged is None and csv_grade is not None and later is not None:
                # Nottingham and Redcar and Cleveland, 2022: a care leavers grade in a year
                # that judged care leavers with children in care, where the dataset's
                # column order put another judgement's grade. (When inspections began to
                # make it is frameworks.yaml's to say, not this note's: it cites the report
                # and the dataset, and neither says.)
                disagreements.append(
                    f"{kind.judgement_label(later).lower()} {_grade_words(scale, csv_grade)} "
                    "(the report makes no such judgement)"
                )
            if judged is None:
                continue
            if csv_grade is None:
                disagreements.append(
                    f"the entry “{raw}” for {kind.judgement_label(judged).lower()}, which is not a grade "
                    f"(the report: {_grade_words(scale, judgements[judged])})"
                )
            elif csv_grade != judgements[judged]:
                label = kind.judgement_label(judged).lower()
                disagreements.append(
                    f"{label} {_grade_words(scale, csv_grade)} (the report: {_grade_words(scale, judgements[judged])})"
                )
    if report.not_judged:
        labels = [kind.judgement_label(key).lower() for key in report.not_judged]
        caveats.append(
            f"The report does not grade {_listed(labels)}: its table says “Not judged”"
            + (" for each." if len(labels) > 1 else ".")
        )
    seen: dict[str, int] = {}
    for number, (_, point) in enumerate(report.recommendations, 1):
        # Isles of Scilly 2016: one point printed twice. Both are kept, as numbered; said so,
        # lest a reader take the second for a copying mistake of this site's.
        words = " ".join(point.split()).casefold()
        if words in seen:
            caveats.append(
                f"The {report.document} lists the same point twice, as points {seen[words]} and {number} of its "
                "list; both are kept here, as numbered there."
            )
        seen.setdefault(words, number)
    if report.kind == "focused-visit" and published is None:
        notes.append("the letter's date could not be read")
        # Said on the page too: a reader, or a table's empty cell, would otherwise not know why.
        caveats.append(
            f"The letter is dated “{report.misdated}”, which is no date; that date is a misprint, so it is left out."
            if report.misdated
            else "The letter prints no date, so when it was published is not recorded."
        )
    if report.kind == "focused-visit" and start and end and (end - start).days > VISIT_MAX_DAYS:
        # Darlington's 2023 letter: "24 October 2022 to 25 October 2023". Which date is wrong
        # the letter does not say, so both are kept, as printed, and the doubt is stated.
        caveats.append(
            f"The letter gives the visit as {date_range(start, end)}, as recorded here; a focused visit lasts "
            f"days, not {(end - start).days} of them, so one of those dates is probably a misprint."
        )
    if published and end and published < end:
        caveats.append(
            f"The {report.document} is dated {human_date(published)}, "
            f"before the visit ended on {human_date(end)}; that date is a misprint, so it is left out."
        )
        notes.append(f"dated {published}, before the visit ended ({end}); the date is left out")
        published = None
    if not re.match(r"https?://", url):
        if not urn:
            raise RowError("no link to the report is known, and no Ofsted URN to link the authority's reports page")
        url = REPORTS_PAGE.format(urn=urn)
        source_notes.insert(
            0, f"The {report.document}'s own web address is not known; this is the authority's list of Ofsted reports."
        )
    source_note = " ".join(source_notes) or None
    return ReportPlan(
        path,
        report,
        type_key,
        published,
        judgements,
        url,
        source_note,
        via,
        disagreements,
        one_part and len(disagreements) == 1,
        caveats,
        notes,
    )


# Rendering -------------------------------------------------------------------------------


def _source_item(source_id: str, name: str, plan: ReportPlan) -> dict[str, Any]:
    r = plan.report
    what = r.title or "Ofsted report"
    # Lower-cased after the authority's name, as the kinds' own words: "Norfolk: re-inspection of ...".
    lowered = what.startswith(("Inspection", "Focused", "Re-inspection", "Reinspection"))
    parts = [f"{name}: {what[0].lower() + what[1:] if lowered else what}"]
    if len(r.visit_spans) > 1:
        # In parts, as the report gives them: one span would read as weeks on site.
        parts.append(f"{r.visit_noun} {together([date_range(start, end) for start, end in r.visit_spans])}")
    elif r.visit_start and r.visit_end:
        parts.append(f"{r.visit_noun} {date_range(r.visit_start, r.visit_end)}")
    if plan.published:
        parts.append(
            f"{'letter dated' if r.kind == 'focused-visit' else 'report published'} {human_date(plan.published)}"
        )
    return ofsted_source(source_id, parts, plan.url, plan.published, plan.via, plan.source_note)


def _history_item() -> dict[str, Any]:
    return {
        "id": HISTORY_ID,
        "title": folded(
            "ofsted_csc_ilacs_history.csv: one row per report on each authority's Ofsted page, "
            "with grades and dates scraped from the reports",
            6,
        ),
        "publisher": "JT-39 ofsted-ilacs-scrape-tool (a fork of data-to-insight's)",
        "url": HISTORY_URL,
        "via": "the CSV in that repository",
    }


def _inspection_item(inspection_id: str, plan: ReportPlan, source_ids: list[str]) -> dict[str, Any]:
    from ruamel.yaml.comments import CommentedMap

    r = plan.report
    item = inspection_head(
        inspection_id, plan.type, r.visit_start, r.visit_end, plan.published, plan.judgements, r.visit_spans
    )
    if r.focus:
        item["focus"] = folded(r.focus, 4)
    item["sources"] = flow(source_ids)
    if r.recommendations:
        item["recommendations"] = [
            CommentedMap(
                [
                    ("id", rid),
                    *([("priority", True)] if rid in r.priority else []),
                    *([("timescale", r.timescales[rid])] if rid in r.timescales else []),
                    ("text", folded(text, 12)),
                ]
            )
            for rid, text in r.recommendations
        ]
    caveats = list(plan.caveats)
    if r.visit_yearless and r.visit_start and plan.published:
        caveats.insert(
            0,
            f"The letter gives the visit's dates as {r.visit_yearless}, without a year: {r.visit_start.year} is "
            f"the year of the letter, dated {human_date(plan.published)}.",
        )
    notes = [
        CommentedMap([("kind", "caveat"), ("text", folded(text, 10)), ("sources", flow(source_ids[:1]))])
        for text in caveats
    ]
    if plan.disagreements:
        text = "The ILACS history dataset gives " + "; ".join(plan.disagreements) + ". The report is followed here."
        kind = "caveat" if plan.one_part else "disagreement"
        notes.append(CommentedMap([("kind", kind), ("text", folded(text, 10)), ("sources", flow(source_ids))]))
    if notes:
        item["notes"] = notes
    return item


# Merging ---------------------------------------------------------------------------------


def _notes_not_made(existing: dict[str, Any], new_item: dict[str, Any]) -> list[dict[str, Any]]:
    """The notes of an imported inspection that new_item, its report's reading, does not give:
    an editor's, or the importer's in words it no longer uses."""
    made = {" ".join(str(n["text"]).split()) for n in new_item.get("notes", [])}
    return [
        note
        for note in existing.get("notes") or []
        if isinstance(note, dict) and isinstance(note.get("text"), str) and " ".join(note["text"].split()) not in made
    ]


def _notes_kept(existing: dict[str, Any], new_item: dict[str, Any]) -> list[Any]:
    """The notes of an imported inspection that its report does not give, kept in new_item.

    Only a record the overview made without its kind and visit is completed with such a
    note on it (_held leaves any other as it is): what an editor added is kept, after
    the report's own, for whoever runs the import to check.
    """
    from ruamel.yaml.comments import CommentedMap

    kept = [
        CommentedMap(
            [
                *((key, value) for key, value in note.items() if key not in ("text", "sources")),
                ("text", folded(note["text"], 10)),  # as written: a list in it keeps its lines
                *([("sources", flow(list(note["sources"])))] if isinstance(note.get("sources"), list) else []),
            ]
        )
        for note in _notes_not_made(existing, new_item)
    ]
    if kept:
        new_item["notes"] = [*new_item.get("notes", []), *kept]
    return kept


def _span(item: dict[str, Any]) -> tuple[dt.date, dt.date] | None:
    visited = item.get("visited")
    if isinstance(visited, dict):
        first, last = partial_date(visited.get("from")), partial_date(visited.get("to"))
    else:
        first = last = partial_date(visited) if visited is not None else None
    if first and last:
        return first.start, last.end
    published = partial_date(item.get("published"))
    return (published.start, published.end) if published else None


def _held(
    existing: dict[str, Any], source: dict[str, Any], new_source: dict[str, Any], new_item: dict[str, Any]
) -> str:
    """Why an imported inspection is not rewritten from its report, if it is not: what says an
    editor has corrected it, or what the report's reading would lose.

    An import rewrites what it wrote, to complete it (a record the overview made, whose
    kind and visit it could not tell) or to say it better. It leaves alone an entry an editor
    has given a note of their own (a correction says why: Darlington's 2023 letter, its
    misprinted visit left out) or whose source's note they reworded; and a reading that
    finds less than the file holds (a damaged copy of the report, or a renamed one that no
    row of the history matches, which has no address of its own) is not taken over what an
    earlier reading found.
    """
    if _notes_not_made(existing, new_item) and existing.get("type") != UNSPECIFIED:
        # Also a note in the importer's earlier words: whoever changes them updates the content.
        return "an editor has given it a note the report does not"
    if source.get("published") is not None and new_source.get("published") is None:
        return "the report's reading gives its source no `published`"
    if str(new_source["url"]).startswith(REPORTS_PAGE.format(urn="")) and source.get("url") != new_source["url"]:
        return "no row of the history matches the report, so its source would lose its address"
    if " ".join(str(source.get("note") or "").split()) not in ("", " ".join(str(new_source.get("note") or "").split())):
        return "its source's note is not the one the import writes (an editor's correction?)"
    for key in ("visited", "published", "focus", "judgements", "recommendations"):
        if existing.get(key) is not None and new_item.get(key) is None:
            return f"the report's reading gives no `{key}`"
    points, found = len(existing.get("recommendations") or []), len(new_item.get("recommendations") or [])
    if found < points:
        return f"the report's reading finds {found} of its {points} points"
    grades, read = existing.get("judgements"), new_item.get("judgements")
    if isinstance(grades, dict) and isinstance(read, dict) and not grades.keys() <= read.keys():
        return "the report's reading finds fewer of its grades"
    return ""


def _same(existing: dict[str, Any], plan: ReportPlan) -> bool:
    if existing.get("type") not in FAMILIES[plan.report.kind]:
        return False
    span = _span(existing)
    r = plan.report
    if span and r.visit_start and r.visit_end and existing.get("visited") is not None:
        return span[0] <= r.visit_end and r.visit_start <= span[1]
    # An inspection recorded without its visit dates (the overview could not read them for
    # some reports) is the one whose report was published that day.
    return bool(span and plan.published and span[0] <= plan.published <= span[1])


def _differences(existing: dict[str, Any], plan: ReportPlan) -> list[str]:
    """What the report states that the editors' inspection leaves out or says otherwise."""
    out = []
    r = plan.report
    span = _span(existing)
    if span and r.visit_start and r.visit_end and (span[0], span[1]) != (r.visit_start, r.visit_end):
        out.append(f"the report's visit is {date_range(r.visit_start, r.visit_end)}")
    published = partial_date(existing.get("published"))
    if plan.published and (published is None or not published.precise or published.start != plan.published):
        out.append(f"the report is dated {human_date(plan.published)}")
    grades: Any = existing.get("judgements") if isinstance(existing.get("judgements"), dict) else {}
    for key, grade in plan.judgements.items():
        if key not in grades:
            out.append(f"it also grades {key}: {grade}")
        elif grades[key] != grade:
            out.append(f"it grades {key} {grade}, the file {grades[key]}")
    listed = {
        str(rec.get("text", "")).strip(): rec.get("id")
        for rec in existing.get("recommendations") or []
        if isinstance(rec, dict)
    }
    texts = {text for _, text in r.recommendations}
    for rid, text in r.recommendations:
        if text not in listed:
            near = [lid for ltext, lid in listed.items() if ltext and (ltext in text or text in ltext)]
            out.append(
                f"its point {rid} "
                + (f"differs from the file's {near[0]}" if near else "is not listed")
                + f": “{text}”"
            )
    for ltext, lid in listed.items():
        if ltext not in texts and not any(ltext in t for t in texts):
            out.append(f"the file's {lid} is not in the report's words")
    if r.focus and existing.get("focus") != r.focus:
        out.append(f"its focus: “{r.focus}”")
    return out


def merge_report(file: AuthorityFile, plan: ReportPlan, history: Path | None) -> Outcome:
    where = plan.path.name
    data = file.data()
    name = str(data["name"]) if isinstance(data.get("name"), str) else file.slug
    sources = [s for s in (data.get("sources") or []) if isinstance(s, dict)]
    inspections = [i for i in (data.get("inspections") or []) if isinstance(i, dict)]
    imported_file = bool(sources) and all(s.get("via") for s in sources)
    by_id = {s.get("id"): s for s in sources}
    same = [(n, i) for n, i in enumerate(inspections) if _same(i, plan)]
    source_ids = {str(s.get("id")) for s in sources}
    text = file.text

    def history_source(text: str) -> tuple[str, list[str]]:
        if not plan.disagreements or history is None:
            return text, []
        if HISTORY_ID not in source_ids:
            text = checked_insert(text, "sources", _history_item(), None, blank_default=False)
            source_ids.add(HISTORY_ID)
        return text, [HISTORY_ID]

    if same:
        index, existing = same[0]
        cited = [s for s in existing.get("sources") or [] if isinstance(s, str)]
        owned = imported_file and cited and all(by_id.get(s, {}).get("via") for s in cited)
        inspection_id = str(existing.get("id"))
        held = ""
        if owned:
            source_id = cited[0]
            text, extra = history_source(text)
            new_source = _source_item(source_id, name, plan)
            new_item = _inspection_item(inspection_id, plan, [source_id, *extra])
            held = _held(existing, by_id.get(source_id, {}), new_source, new_item)
        if not owned or held:
            differences = _differences(existing, plan)
            kind: Kind = "disagreement" if any("the file" in d or "differs" in d for d in differences) else "skipped"
            return Outcome(
                kind,
                None,
                file.slug,
                f"{name} already records this as `{inspection_id}` ({plan.describe()}), "
                + (f"imported, but {held}; " if held else "written by an editor; ")
                + (
                    "nothing was changed. Apply by hand what the report settles:"
                    if differences
                    else "it agrees with the report"
                ),
                [*differences, *plan.notes],
                where,
            )
        source_index = next(n for n, s in enumerate(sources) if s.get("id") == source_id)
        text = checked_replace(text, "sources", source_index, new_source)
        kept = _notes_kept(existing, new_item)
        text = checked_replace(text, "inspections", index, new_item)
        said = [*plan.notes]
        if kept:
            said.append(
                f"kept {len(kept)} note{'s' if len(kept) > 1 else ''} the report does not give: check "
                f"{'they' if len(kept) > 1 else 'it'} still hold{'' if len(kept) > 1 else 's'}"
            )
        if text == file.text or load_plain(text) == data:
            # The same data in other lines (a text folded at another width): the editor's lines stay.
            return Outcome("skipped", None, file.slug, f"`{inspection_id}` is as the report gives it", said, where)
        file.text, file.changed = text, True
        return Outcome(
            "replaced", None, file.slug, f"`{inspection_id}` ({plan.describe()}) rewritten from the report", said, where
        )

    prefix = ID_PREFIX[plan.type]
    when = plan.report.visit_start or plan.date
    base = f"{prefix}-{when.year}-{when.month:02d}" if plan.type == "focused-visit" else f"{prefix}-{when.year}"
    inspection_id = unique_id(base, {str(i.get("id")) for i in inspections})
    source_id = unique_id(f"{inspection_id}-{'letter' if plan.type == 'focused-visit' else 'report'}", source_ids)
    text = insert_report_source(text, sources, _source_item(source_id, name, plan))
    source_ids.add(source_id)
    text, extra = history_source(text)
    position = 0
    for n, existing in enumerate(inspections):
        span = _span(existing)
        if span is not None and span[0] <= plan.date:
            position = n + 1
    text = checked_insert(
        text, "inspections", _inspection_item(inspection_id, plan, [source_id, *extra]), position, blank_default=True
    )
    file.text, file.changed = text, True
    return Outcome(
        "added", None, file.slug, f"added `{inspection_id}` ({plan.describe()}) to {name}", plan.notes, where
    )


# The run ---------------------------------------------------------------------------------


def _urn_of(path: Path) -> str | None:
    match = re.match(r"(\d{5,8})_", path.parent.name)
    return match.group(1) if match else None


# Words of a council's name that name no place of its own: a report names the place.
# "North" is North Yorkshire's and North Lincolnshire's, "London" every borough's.
_NOT_PLACES = frozenset(
    {"city", "council", "county", "borough", "metropolitan", "district", "royal", "upon", "with"}
    | {"north", "south", "east", "west", "central", "london"}
)
# Ofsted's own address, on every letter's first page: Manchester's name on any of them.
_OFSTED_ADDRESS = re.compile(r"Piccadilly Gate.{0,60}?M1 2WD", re.IGNORECASE)


def _named_in(report: Report, file: AuthorityFile) -> None:
    """Refuse a report given for an authority (`--authority`) whose first page does not name it.

    Every report and letter names its council on its first page ("Inspection of
    Warwickshire local authority children's services"); one that names none of the
    authority's place words is another council's, put in the wrong folder or given the
    wrong slug, and its facts would be recorded as this one's. A guard, not a proof: the
    report of a council whose name shares a place word (North Somerset's, for Somerset) passes.
    """
    name = str(file.data().get("name") or file.slug)
    words = [w for w in re.findall(r"[A-Za-z]{4,}", name) if w.lower() not in _NOT_PLACES]
    front = _OFSTED_ADDRESS.sub(" ", report.front)
    if words and front.strip() and not any(re.search(rf"\b{w}\b", front, re.I) for w in words):
        raise RowError(
            f"its first page does not name {name}: it looks like another authority's {report.document}; "
            f"check the file, and the --authority given"
        )


def _file_for(files: dict[str, AuthorityFile], urn: str | None, slug: str | None) -> AuthorityFile:
    if slug is not None:
        if slug not in files:
            raise RowError(f"there is no authorities/{slug}.yaml")
        codes = files[slug].codes()
        if urn and codes.get("ofsted") and codes["ofsted"] != urn:
            raise RowError(
                f"the report's folder says Ofsted URN {urn}, but authorities/{slug}.yaml has {codes['ofsted']}: "
                "it is another authority's"
            )
        return files[slug]
    if urn is None:
        raise RowError(
            "give the authority it is about: `import report PDF --authority SLUG` (the authority is found "
            "without it only in a folder named by its Ofsted URN, <urn>_<name>)"
        )
    found = [f for f in files.values() if f.codes().get("ofsted") == urn]
    if len(found) != 1:
        raise RowError(
            f"{'no' if not found else 'more than one'} authority file has Ofsted URN {urn}"
            + ("; run `import ilacs-overview` first, or give --authority" if not found else "")
        )
    return found[0]


def run_reports(
    pdfs: list[Path],
    content: Path,
    history_path: Path | None,
    via: str,
    dry_run: bool,
    authority: str | None = None,
    progress: Callable[[Iterable[Path]], Iterable[Path]] = lambda items: items,
) -> Result:
    as_of = default_as_of()
    recovered = None if dry_run else finish_interrupted(content)
    frameworks = frameworks_for(content)
    history = read_history(history_path) if history_path else {}
    files = read_files(content / "authorities")
    outcomes: list[Outcome] = []
    if recovered:
        outcomes.append(Outcome("recovered", None, None, recovered, [], str(content)))
    for path in progress(pdfs):
        where = path.name if authority else f"{path.parent.name}/{path.name}"
        try:
            report = read_report(path)
            urn = _urn_of(path)
            file = _file_for(files, urn, authority)
            if authority is not None:
                _named_in(report, file)
            row = history.get((urn or file.codes().get("ofsted", ""), path.name))
            plan = plan_report(path, report, frameworks, row, urn or file.codes().get("ofsted"), via)
            for when in (plan.report.visit_end, plan.published):
                if when and when > as_of:
                    raise RowError(f"it is dated {when}, after today ({as_of})")
            outcome = merge_report(file, plan, history_path)
            outcome.where = where
            outcomes.append(outcome)
        except NotAnInspection as exc:
            outcomes.append(Outcome("skipped", None, None, f"{exc}; not imported", [], where))
        except ReportError as exc:
            outcomes.append(Outcome("error", None, None, f"{exc}; not imported", [], where))
        except (RowError, EditError) as exc:
            outcomes.append(Outcome("error", None, None, f"{exc}; not imported", [], where))
    for f in files.values():
        if f.changed and f.text.startswith(f"{f.text.splitlines()[0]}\n{IMPORTED_HEADER}"):
            f.text = f.text.replace(IMPORTED_HEADER, REPORTS_HEADER, 1)
    return finish(content, files, outcomes, dry_run, as_of)
