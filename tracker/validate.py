"""Validate stage: an authority file's own rules, beyond its model's.

shape.py turns each file into its typed model, with the model's errors in an editor's
words, and layout.py tells of keys written in the wrong place; the rules here need
several fields or the as-of date: ids unique and references that resolve, dates in
order and not ahead of the as-of day, grades from the inspection's framework, plans that
answer each recommendation (pasted.py has the rules for what a text will show). The
rules between files are crossfile.py's, those of site.yaml and frameworks.yaml
settings.py's. Every problem is collected; nothing stops at the first.
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import itertools
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .crossfile import REPORT_FILE
from .dates import MONTHS, human_date, month_year
from .explain import Report, grade_hint, workstream_hint, workstream_names
from .layout import layout_rules, misread_numbers
from .load import Document, Path_
from .model import (
    FINAL_STATUSES,
    MAX_CITATIONS,
    REGIONS,
    Action,
    Authority,
    Frameworks,
    Inspection,
    InspectionType,
    Note,
    PartialDate,
    Plan,
    Source,
    Update,
    VisitRange,
    last_heard,
    owes_news,
    page_names,
    terms_in,
)
from .pasted import (
    AS_SENTENCES,
    ENTRY_START,
    Texts,
    line_above,
    lone_bullet,
    markdown_fields,
    plain_fields,
    private_addresses,
    wrapped_addresses,
    wrapped_problem,
)
from .problems import Problem, closest, did_you_mean, either, in_order, lines_named, listing, together
from .shape import parse_model
from .syntax import BULLETS
from .text import sentence_end_trimmed

STALE_AFTER = dt.timedelta(days=365)
# An update's note that says only what its status says: `Dropped.`, `Action dropped`.
_SAYS_DROPPED = re.compile(r"(?i)(?:(?:this |the )?action (?:was |has been |is )?)?dropped\.?")
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


def _within(date: PartialDate, first: PartialDate | None, last: PartialDate | None) -> bool:
    """Whether a date falls between first and last, either of which may be open."""
    return not ((first and date.end < first.start) or (last and date.start > last.end))


# Authorities ---------------------------------------------------------------------------


_GAPS_ONE_BY_ONE = 3  # recommendations no action answers, warned about each at its own line; more, at once
_FAR_AHEAD = 10  # years: a due date as far ahead is a mistyped year (`2204`), not a plan


@dataclass(frozen=True)
class Context:
    """What an authority's own rules need from outside its file."""

    frameworks: Frameworks
    as_of: dt.date
    slug: str


def validate_authority(doc: Document, ctx: Context) -> tuple[Authority | None, list[Problem]]:
    """The authority's model and every problem of its own file (the rules between files: cross_file_problems)."""
    report = Report(doc, frameworks=ctx.frameworks)

    authority = parse_model(doc, Authority, report, lambda taken: layout_rules(report, ctx.frameworks, taken))
    misread_numbers(report)
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
        return f"did you mean `{inspection}/{rec.lower()}`? that point's id is written in lowercase"
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
    exact = dict(_repeats(item.id for item in items))
    for i, first in exact.items():
        line, _ = report.doc.locate(path + (first, "id"))
        report.error(
            path + (i, "id"),
            f"{what} id `{items[i].id}` is used twice",
            f"it is also the id on line {line}: give each {what} its own id",
        )
    # `A4` and `a4`: two ids to the check, one to a reader who is told of "action a4".
    for i, first in _repeats(item.id.casefold() for item in items):
        if i not in exact and items[i].id != items[first].id:
            line, _ = report.doc.locate(path + (first, "id"))
            report.warn(
                path + (i, "id"),
                f"{what} id `{items[i].id}` differs from `{items[first].id}`, on line {line}, only in its capitals: "
                "readers would take the two for one",
                f"give each {what} an id of its own, not told apart by capitals alone",
            )
    return {item.id for item in items}


def not_after(report: Report, dated: Iterable[tuple[Path_, str, PartialDate | None]], as_of: dt.date) -> None:
    """Each date of something that has happened (with its path and key) that is after the as-of day: an error."""
    for path, key, date in dated:
        if date is not None and date.start > as_of:
            report.error(
                path,
                f"`{key}: {date}` is in the future (this check is as of {as_of})",
                # An update dated ahead is most often one planned: its date is the action's `due`.
                "an update records what has happened by its date: check the year; a date still to come is the "
                "action's `due`"
                if "updates" in path
                else "a correction is dated the day it was made, today at the latest: check the year"
                if "notes" in path
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
    for i, note in enumerate(a.notes):
        yield ("notes", i, "date"), "date", note.date
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
        for k, note in enumerate(inspection.notes):
            yield at + ("notes", k, "date"), "date", note.date
    for i, plan in enumerate(a.plans):
        yield ("plans", i, "adopted"), "adopted", plan.adopted
        yield ("plans", i, "closed"), "closed", plan.closed
        for j, action in enumerate(plan.actions):
            for k, update in enumerate(action.updates):
                yield ("plans", i, "actions", j, "updates", k, "date"), "date", update.date


# As an import ends a source's title: `..., report published 27 October 2023`, `..., letter dated 3 May 2024`.
_PUBLISHED_ON = re.compile(
    rf"\b(?:published|dated)\s+([0-9]{{1,2}})\s+({'|'.join(MONTHS)})\s+([0-9]{{4}})\s*\Z", re.IGNORECASE
)


def _published_in_title(title: str) -> dt.date | None:
    """The day an imported source's title ends by saying its document was published, if it does."""
    found = _PUBLISHED_ON.search(title)
    if found is None:
        return None
    try:
        return dt.date(int(found[3]), MONTHS.index(found[2].capitalize()) + 1, int(found[1]))
    except ValueError:
        return None  # `published 31 February 2023`: no day to hold the date against


class _AuthorityRules:
    def __init__(self, report: Report, authority: Authority, ctx: Context) -> None:
        self.report, self.a, self.ctx = report, authority, ctx
        self.texts = Texts(report)
        self.sources: set[str] = set()
        # Citations of sources and answers to points so far: each is shown where it is given, with
        # its source's title and address or its action's, so their number bounds the page.
        self.shown: collections.Counter[str] = collections.Counter()
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
            # Only an import's title says so in its own words; an editor's may name another
            # document's day ("... our response to the report published 27 October 2023").
            said = _published_in_title(source.title) if source.published and source.via else None
            if source.published and said and not source.published.start <= said <= source.published.end:
                # A date corrected in one place: the importer writes the day into the title too.
                report.warn(
                    ("sources", k, "published"),
                    f"source `{source.id}` is published {source.published}, but its title says "
                    f"published {human_date(said)}",
                    "if the date was corrected, correct the title too (and any note that gave the old date); "
                    "if not, check `published` against the document",
                )
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
        not_after(report, _past_dates(a), self.ctx.as_of)
        if a.created and a.abolished and a.abolished.end < a.created.start:
            report.error(("abolished",), "`abolished` is before `created`", "check both dates")
        else:
            self._within_life()
        for i, delivery in enumerate(a.delivery):
            if delivery.from_ is None and len(a.delivery) > 1:
                # The page tells the bodies in the order they began: one without a start has no place.
                report.error(
                    ("delivery", i),
                    "`from` is missing, and there is more than one body under `delivery`",
                    "add `from:` with the month this body began delivering the services (YYYY-MM), as a "
                    "source gives it; only a body listed alone may leave it out",
                )
            elif delivery.from_ and delivery.to and delivery.to.end < delivery.from_.start:
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
        self._terms()
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

    def _terms(self) -> None:
        """Each of the authority's own terms: cited, and named in a point (else no page explains it)."""
        points = [rec.text for inspection in self.a.inspections for rec in inspection.recommendations]
        known = {form.casefold() for t in self.ctx.frameworks.terms.values() for form in t.written}
        for k, term in enumerate(self.a.terms):
            self._refs(term.sources, ("terms", k, "sources"))
            if term.term.casefold() in known:
                self.report.warn(
                    ("terms", k, "term"),
                    f"`{term.term}` is explained already, by frameworks.yaml, under every point that names it",
                    "delete this entry",
                )
            elif not terms_in(points, [term]):
                self.report.warn(
                    ("terms", k, "term"),
                    f"no point of this file's inspections names `{term.term}`, so no page explains it",
                    "write it as the points do (capitals aside), add the way they write it to `forms`, or delete "
                    "the entry",
                )

    def _open_plans(self) -> None:
        for i, plan in enumerate(self.a.plans):
            if plan.closed is None and not plan.in_response_to:
                # The current plan is the open one answering the latest inspection: one that
                # names none is never current, whatever its actions answer.
                named = _answered(plan)
                self.report.warn(
                    ("plans", i),
                    f"plan `{plan.id}` names no inspection it answers, so the page can neither show it as the "
                    "current plan nor say what it answers",
                    f"add `in_response_to: [{', '.join(named)}]`, the inspections its actions answer"
                    if named
                    else "add `in_response_to: [<inspection-id>]`, the inspection whose points it answers",
                )
        listed = {inspection.id: bool(inspection.recommendations) for inspection in self.a.inspections}
        for i, plan in enumerate(self.a.plans):
            # The page shows a plan as answering the inspections it names: one naming another
            # than all its actions answer (the last inspection's id, where the new one's was
            # meant) is shown answering that, and the inspection its actions answer as having
            # no plan. An action may answer a point of another inspection as well (one carried
            # over): only a plan whose actions answer none of those it names is told, and only
            # where one of those lists its points, which its actions could have named.
            answered, named = _answered(plan), plan.in_response_to
            if not (answered and named) or any(x in answered for x in named):
                continue
            if not all(x in listed for x in [*named, *answered]) or not any(listed[x] for x in named):
                continue  # an unknown inspection is an error of its own
            self.report.warn(
                ("plans", i, "in_response_to"),
                f"plan `{plan.id}` names {listing(named)} as what it answers, but its actions answer points of "
                f"{listing(answered)} only: pages show it answering {listing(named)}",
                f"if the plan answers {listing(answered)}, write `in_response_to: [{', '.join(answered)}]`; "
                f"if it answers {listing(named)}, its actions' `responds_to` should name points of {listing(named)}",
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
        reports = {s.id: m[1] for s in self.a.sources if "/v1/file/" in s.url and (m := REPORT_FILE.search(s.url))}
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
        for source_id, (i,) in ((cited, c) for cited, c in citing.items() if len(c) == 1):
            inspection, (k, report) = self.a.inspections[i], self.sources_by_id[source_id]
            if inspection.published and report.published and inspection.published != report.published:
                line, _ = self.report.doc.locate(("sources", k, "published"))
                self.report.warn(
                    ("inspections", i, "published"),
                    f"inspection `{inspection.id}` is published {inspection.published}, but its report, "
                    f"`{source_id}`, is published {report.published} (line {line})",
                    "check both against the report: they are one date",
                )

    @functools.cached_property
    def sources_by_id(self) -> dict[str, tuple[int, Source]]:
        """Each source by its id, with its place in the file's list (the first, of an id listed twice)."""
        found: dict[str, tuple[int, Source]] = {}
        for k, source in enumerate(self.a.sources):
            found.setdefault(source.id, (k, source))
        return found

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
        self._bound(
            "sources",
            len(ids),
            path,
            f"this file cites its sources more than {MAX_CITATIONS:,} times, and each citation shows the source's "
            "title and address on the page",
            "cite a source once where it covers several entries (a plan's or an action's `sources`, not each update's)",
        )
        for k, source in enumerate(ids):
            if source not in self.sources:
                hint = self._case_hint("source", source, path + (k,)) or self.report.searched(
                    "source", source, self.sources
                )
                if commented := _commented_id(self.report.doc.lines, source):
                    hint = (
                        f"`{source}` is on line {commented}, commented out: remove the `#` at the start of its "
                        "lines, so that YAML reads them"
                    )
                elif hint.startswith("expected one of: "):  # none close: a source not added yet, or deleted
                    hint = (
                        f"if it is a new source, add it under `sources:` at the top of the file, with `id: {source}`, "
                        f"its title, publisher and address; if it was deleted, remove `{source}` from this list; "
                        "else use one of: " + hint.removeprefix("expected one of: ")
                    )
                self.report.error(
                    path + (k,),
                    f"unknown source `{source}`",
                    hint or "use one of the ids under `sources:` at the top of the file, or add it there",
                )

    def _bound(self, kind: str, count: int, path: Path_, message: str, hint: str) -> None:
        """An error at the first of kind past MAX_CITATIONS in the file (path: the list it is in)."""
        before = self.shown[kind]
        self.shown[kind] += count
        if before <= MAX_CITATIONS < before + count:
            self.report.error(path + (MAX_CITATIONS - before,), message, hint)

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
            # Each reference counted, as each is told: not _answered, which names each once.
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

    def _notes(self, notes: list[Note], path: Path_, published: PartialDate | None = None) -> None:
        """An authority's notes, or an inspection's (published: its report's publication)."""
        corrected: dict[PartialDate, int] = {}
        for k, note in enumerate(notes):
            self._refs(note.sources, path + (k, "sources"))
            if note.kind == "disagreement" and len(set(note.sources)) < 2:
                self.report.error(
                    path + (k, "sources"),
                    "a disagreement note must cite each of the sources that disagree",
                    "list at least two source ids",
                )
            if note.kind == "correction":
                self._correction(note, path + (k,), published, corrected)
            elif note.date is not None:
                kind = f"is a {note.kind}" if "kind" in note.model_fields_set else "has no `kind`, so it is a caveat"
                self.report.error(
                    path + (k, "date"),
                    f"only a correction note has a date, and this note {kind}",
                    "if the note tells readers that the site said something else before, add `kind: correction`; "
                    "otherwise delete `date`: what a note says is dated by its sources",
                )
            if note.not_recorded is not None and note.kind != "caveat":
                self.report.error(
                    path + (k, "not_recorded"),
                    f"only a caveat names what is not recorded, and this note is a {note.kind}",
                    "move what is not recorded into a caveat note of its own, with its sources, or delete "
                    "`not_recorded`",
                )

    def _correction(
        self, note: Note, at: Path_, published: PartialDate | None, corrected: dict[PartialDate, int]
    ) -> None:
        """A correction's date: the day it was made, which the feeds give it (and, with the
        entry it corrects, its id there)."""
        date = note.date
        if date is None:
            self.report.error(
                at + ("kind",),
                "a correction note must say when the site was corrected",
                "add `date: YYYY-MM-DD` to the note, today's date: the feeds tell readers of the correction on that "
                "day",
            )
            return
        if not date.precise:
            self.report.error(
                at + ("date",),
                f"`date: {date}` is a month: a correction is dated by its day",
                "write the day you made the correction, as YYYY-MM-DD: the feeds tell readers of it on that day",
            )
        elif published is not None and date.end < published.start:
            self.report.warn(
                at + ("date",),
                f"this correction is dated {date}, before the report it corrects was published ({published})",
                "a correction is dated the day the site was corrected, after what it corrects was published: "
                "check the date",
            )
        if date in corrected:
            line, _ = self.report.doc.locate(at[:-1] + (corrected[date], "date"))
            self.report.error(
                at + ("date",),
                f"another correction of the same entry is dated {date} too, on line {line}",
                "write what was corrected that day as one note: the feeds give one entry for each day's corrections "
                "of an entry",
            )
        else:
            corrected[date] = int(at[-1])

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
        self._notes(inspection.notes, at + ("notes",), inspection.published)
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
        self._sources_before(inspection, at)
        kind = frameworks.types.get(inspection.type)
        if kind is None:
            # Those in use at its date first: `ilacs2026` in 2026 is `ilacs-2026`, not `ilacs`.
            dated = inspection.visited is not None or inspection.published is not None
            then = [
                key
                for key, other in frameworks.types.items()
                if dated and (other.in_use is None or _within(inspection.date, other.in_use.from_, other.in_use.to))
            ]
            report.error(
                at + ("type",),
                f"unknown inspection type `{inspection.type}`",
                did_you_mean(inspection.type, then if closest(inspection.type, then) else frameworks.types),
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
                _count_hint(kind, any(rec.priority for rec in inspection.recommendations)),
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
            # A report sets a date after itself: one before it is most often a year mistyped, and
            # the page would say it passed before it was set.
            begun = inspection.published or inspection.visit_start
            if rec.due is not None and begun is not None and rec.due.end <= begun.start:
                report.warn(
                    at + ("recommendations", j, "due"),
                    f"`due: {rec.due}` is on or before the day the point was set ({begun}, when the "
                    f"{'report was published' if inspection.published else 'visit began'})",
                    "a point's `due` is the date its report set for it, after the report: check the year",
                )
            if rec.priority and kind is not None and kind.priority_label is None:
                report.error(
                    at + ("recommendations", j, "priority"),
                    f"inspections of type `{inspection.type}` ({kind.label}) set no areas for priority action",
                    "remove `priority: true`; it marks a focused-visit letter's areas for priority action",
                )
        return {f"{inspection.id}/{rec}" for rec in ids}

    def _sources_before(self, inspection: Inspection, at: Path_) -> None:
        """An inspection whose sources were all published before it began: none can tell of it.

        Most often an inspection copied from another, its sources left as they were. (A visit
        may cite the report of the inspection it follows, beside its own letter.)
        """
        begun = inspection.visit_start  # not its publication: a letter may be published before the day given
        known = self.sources_by_id
        cited = [known[ident] for ident in dict.fromkeys(inspection.sources) if ident in known]
        if begun is None or not cited or any(s.published is None or s.published.end >= begun.start for _, s in cited):
            return
        if len(cited) == 1:
            k, source = cited[0]
            line, _ = self.report.doc.locate(("sources", k, "published"))
            said = f"its only source, `{source.id}`, was published {source.published} (line {line})"
            at += ("sources", inspection.sources.index(source.id))
        else:
            said = f"{'both' if len(cited) == 2 else f'all {len(cited)} of'} its sources were published before it"
            at += ("sources",)
        self.report.warn(
            at,
            f"inspection `{inspection.id}` began {begun}, but {said}: none can tell of it",
            "add this inspection's own report under `sources:` and cite it here (an inspection copied from another "
            "keeps the other's sources)",
        )

    def _judgements(self, inspection: Inspection, kind: InspectionType, at: Path_) -> None:
        report, frameworks = self.report, self.ctx.frameworks
        date = inspection.date
        scale = frameworks.scales.get(kind.scale or "", {})
        began = (
            []
            if kind.in_use
            else [t.in_use.from_.start for t in frameworks.types.values() if t.in_use and t.in_use.from_]
        )
        if began and date.end < min(began):
            # A type with no dates of its own (monitoring visits): a year mistyped by a digit
            # (`1917`) passes every other rule, and stretches the page's chart over a century.
            report.warn(
                at + (("visited",) if inspection.visited else ("published",)),
                f"this inspection is dated {date}, before any kind of inspection recorded here came into use "
                f"({month_year(min(began))})",
                "check the year",
            )
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
                single = {other.headline[0] for other in frameworks.types.values() if len(other.headline) == 1}
                if key in single and len(kind.headline) > 1:
                    # `overall:` on an inspection from April 2026, as on the one before it; or
                    # for the one headline grade not written (SLAC's halves each graded overall).
                    headlines = together([f"`{k}`" for k in kind.headline])
                    missing = [k for k in kind.headline if k not in inspection.judgements]
                    fix = "delete this line"
                    if len(missing) == 1:
                        fix = f"if this is the grade for `{missing[0]}`, write `{missing[0]}:` for `{key}:`"
                        meant.add(missing[0])  # told here, not as missing as well
                    hint = (
                        f"`{inspection.type}` inspections give no single overall grade; they grade {headlines}: {fix}"
                    )
                elif owners := [name for name, other in frameworks.types.items() if key in other.judgements]:
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

    def _floor(self, plan: Plan) -> tuple[PartialDate, str] | None:
        """The day before which none of the plan's actions can be due or updated, and what it is.

        Its adoption; not one in the future, an error of its own, which would put every date
        of the plan before it. Without one, the start of the first inspection it answers,
        which no plan answering it can come before (not its report's publication: a plan
        may begin between the visit and the report).
        """
        if plan.adopted:
            in_force = plan.adopted.start <= self.ctx.as_of
            return (plan.adopted, f"its plan `{plan.id}` was adopted ({plan.adopted})") if in_force else None
        answered = [
            (begun, i.id) for i in self.a.inspections if i.id in plan.in_response_to and (begun := i.visit_start)
        ]
        if not answered:
            return None
        begun, ident = min(answered, key=lambda known: known[0].start)
        return begun, f"inspection `{ident}` began ({begun}), which its plan `{plan.id}` answers"

    def _due(
        self,
        floor: tuple[PartialDate, str] | None,
        action: str,
        due: PartialDate | None,
        at: Path_,
        set_on: PartialDate | None = None,
    ) -> None:
        """An action's due date, or the one an update (of the day `set_on`) moves it to; floor
        is the plan's first possible day, as `_floor` gives it."""
        if due is None:
            return
        if (ahead := int((due.start - self.ctx.as_of).days / 365.25)) >= _FAR_AHEAD:
            said, hint = f"{ahead} years from now", "check the year: a plan's actions fall due within a few years"
        elif floor and due.end < floor[0].start:
            said, hint = f"before {floor[1]}", "check the year of both dates"
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
        # The wrong date may be either: both are named, the other with its line.
        backwards = bool(plan.adopted and plan.closed and plan.closed.end < plan.adopted.start)
        if backwards:
            adopted_line = report.doc.locate(at + ("adopted",))[0]
            elsewhere = f", on line {adopted_line}" if adopted_line != report.doc.locate(at + ("closed",))[0] else ""
            report.error(
                at + ("closed",),
                f"`closed: {plan.closed}` is before `adopted: {plan.adopted}`{elsewhere}",
                "check both dates against the source, and correct the one that is wrong",
            )
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
        silent = [x.id for x in plan.actions if not x.updates and owes_news(plan, x.current_status, gone)]
        if silent and plan.adopted is None:
            # Counted from its adoption, an action never updated is said to be silent; with no
            # adoption date (last_heard has no day), nothing can be said of it, and it reads as
            # one updated lately.
            one = len(silent) == 1
            report.warn(
                at + ("id",),
                f"plan `{plan.id}` gives no `adopted` date, and {len(silent)} of its actions "
                f"{'has' if one else 'have'} no update ({listing(silent, 5)}): readers cannot be told how long "
                f"nothing has been heard of {'it' if one else 'them'}",
                "add `adopted:` with the day, or the month, the plan was agreed, as its source gives it; if no "
                "source gives it, let this warning stand",
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
        floor = self._floor(plan)
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
            self._bound(
                "answers",
                len(action.responds_to),
                here + ("responds_to",),
                f"this file's actions answer Ofsted's points more than {MAX_CITATIONS:,} times, and the page lists "
                "each answer under its point",
                "list in each action's `responds_to` only the points it is meant to answer",
            )
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
                elif (
                    (inspection := ref.partition("/")[0]) not in plan.in_response_to
                    and (begun := dates.get(inspection))
                    and (latest := _last_day(action))
                    and latest.end < begun.start
                ):
                    # A point carried over from an earlier inspection may be answered; one of an
                    # inspection after the action's last due date and last update is most often
                    # another point's id mistyped.
                    report.warn(
                        here + ("responds_to", k),
                        f"`{ref}` is a point of inspection `{inspection}` ({begun}), after action `{action.id}`'s "
                        f"last due date and update ({latest}), and its plan `{plan.id}` does not answer `{inspection}`",
                        f"check the reference: an action of this plan answers points of "
                        f"{together([f'`{x}`' for x in plan.in_response_to])}, or points carried over from earlier "
                        "inspections",
                    )
                responded.add(ref)
            self._due(floor, action.id, action.due, here + ("due",))
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
                    self._due(floor, action.id, update.due, here + ("updates", k, "due"), update.date)
                # A bullet that starts the note, and no other, is told of by Texts, as one.
                lone = lone_bullet(update.note)
                block = next(
                    (
                        b
                        for b in filter(_starts_block, _NOTE_BLOCK.finditer(update.note))
                        if not (lone and b.lastindex == 4 and not update.note[: b.start(4)].strip())
                    ),
                    None,
                )
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
                    kind = block.lastindex or 1
                    # After a blank line Markdown reads a list, whose items the table's cell shows
                    # on lines of their own, without their marks; else they run on in the paragraph.
                    mark = block.group(kind).lstrip()
                    markdown_list = mark[:1] in "-*+" if kind == 4 else kind == 3 and "." in mark.split()[0]
                    listed = markdown_list and not line_above(update.note, block.start()).strip()
                    report.warn_at(
                        where,
                        f"an update's note shows no lists: the items of this {'numbered ' if kind == 3 else ''}list "
                        f"will show on lines of their own, without their {'numbers' if kind == 3 else 'marks'}"
                        if listed
                        else f"an update's note shows as one paragraph: {_NOTE_BLOCKS[kind]}",
                        AS_SENTENCES,
                    )
                if floor and update.date.end < floor[0].start:
                    report.warn(
                        here + ("updates", k, "date"),
                        f"update dated {update.date} is before {floor[1]}",
                        "check the year of both dates",
                    )
                # Not where `closed` is before `adopted`, told above: a mistyped `closed` is likelier.
                if plan.closed and update.date.start > plan.closed.end and not backwards:
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
            elif action.status == "dropped" and not action.updates:
                # No plan starts with an action it has dropped: the reason, and the day, are an update's.
                report.warn(
                    here + ("status",),
                    f"action `{action.id}` is given as `dropped` with no update saying when or why: its row will "
                    "show it dropped, with no reason",
                    "give the action the status it started with, and add an update dated the day the plan dropped "
                    "it, with `status: dropped` and a note saying why (newest last)",
                )
            elif action.status == "dropped" and not any(u.status == "dropped" for u in action.updates):
                # Its newest update may well give the reason; but the day it was dropped is
                # the day of the update that says so, which none does.
                newest_update = action.updates[-1]
                report.warn(
                    here + ("status",),
                    f"action `{action.id}` is given as `dropped`, but none of its updates says `status: dropped`: "
                    "its row cannot say when it was dropped",
                    f"if the update of {newest_update.date} is the one that dropped it, add `status: dropped` to it; "
                    "otherwise add an update dated the day it was dropped, with `status: dropped` and a note saying "
                    "why (newest last); then give the action back the status it started with",
                )
            for k, update in enumerate(action.updates):
                if update.status == "dropped" and _SAYS_DROPPED.fullmatch(update.note.strip()):
                    # The row shows the note as the reason: "dropped. Dropped." says none.
                    report.warn(
                        here + ("updates", k, "note"),
                        f"the update that drops action `{action.id}` says only that it was dropped: its row will "
                        "give no reason",
                        "say in the note why the plan dropped it (done another way, replaced by another action, no "
                        "longer needed), as the source gives it",
                    )
            heard = last_heard(plan, action, action.current_status, self.a.abolished)
            if heard is not None and self.ctx.as_of - heard[1].end > STALE_AFTER:
                newest, touched = heard
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


def _count_hint(kind: InspectionType | None, priority: bool) -> str:
    """How to mend a count below the points listed: a point set apart for priority action is
    one of the report's points too, and the one an editor must never be told to delete."""
    label = kind.priority_label if kind else None
    counted = f', those under "{label}" too' if label and priority else ""
    return (
        f"`recommendation_count` counts every point the report sets{counted}: correct it, or delete the line "
        "when every point is listed; remove a point only if it is not this report's"
    )


def _last_day(action: Action) -> PartialDate | None:
    """The latest of an action's due dates (its own and those its updates set) and its updates' dates."""
    days = [day for day in (action.due, *(u.due for u in action.updates), *(u.date for u in action.updates)) if day]
    return max(days, key=lambda day: day.end, default=None)


def _answered(plan: Plan) -> list[str]:
    """The inspections whose points a plan's actions answer, each once, in the order first named."""
    return list(dict.fromkeys(ref.partition("/")[0] for x in plan.actions for ref in x.responds_to))


def _commented_id(lines: list[str], ident: str) -> int | None:
    """The number of the line where an entry with id `ident` is commented out (`# - id: x`, or
    `# - {id: x, ...}`), if one is."""
    pattern = re.compile(rf"\s*#+\s*(?:-\s*)?(?:\{{\s*)?id:\s*{re.escape(ident)}\s*(?:[,}}#].*)?")
    return next((n for n, line in enumerate(lines, 1) if pattern.fullmatch(line)), None)
