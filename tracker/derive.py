"""Derive stage: what readers see that no editor writes down.

Recommendation status, overdue, slipped and late actions, which plan (if any) is
current, the event timeline, the latest and previous judgements and the direction of
travel, and what is and is not recorded. Everything here is a pure function of the
validated content and the as-of date.

Each authority is derived on its own (derive_authority). The only thing one authority's
page takes from the others is a Standing: a few facts about each statistical neighbour.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import heapq
import itertools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from .dates import human_date, month_year, months_between
from .files import slugify
from .model import (
    FINAL_STATUSES,
    NO_GRADE,
    OFSTED_LISTING,
    Action,
    Authority,
    Codes,
    Delivery,
    Frameworks,
    Inspection,
    InspectionType,
    LocalTerm,
    Note,
    PartialDate,
    Plan,
    Site,
    Source,
    Term,
    Update,
    anchor,
    last_heard,
    terms_in,
)
from .problems import in_order
from .reference import Reference

RecStatus = Literal[
    "actions-complete", "in-progress", "actions-dropped", "no-action-recorded", "plan-actions-not-recorded"
]
REC_STATUS_LABEL: dict[str, str] = {
    "actions-complete": "Actions complete",
    # "In progress" read as work under way, and on course, where nothing answering it had started.
    "in-progress": "Actions not complete",
    # Actions answered it, but the plan dropped every one: nothing answers it now.
    "actions-dropped": "Actions dropped",
    "no-action-recorded": "No action recorded",
    # No action answers it, but a plan answering its inspection is recorded without its actions.
    "plan-actions-not-recorded": "Plan's actions not recorded",
}
ACTION_STATUS_LABEL: dict[str, str] = {
    "not-started": "Not started",
    "on-track": "On track",
    "at-risk": "At risk",
    "off-track": "Off track",
    "done": "Done",
    "dropped": "Dropped",
}
# An action neither done nor dropped whose council has said nothing of it for this long is
# said to be so beside its status: a rating given long ago reads as today's, and a council's
# silence is itself what a scrutiny panel asks about. Six months: two quarters' reports.
QUIET_MONTHS = 6
MONITORING = "monitoring-visit"  # the contract's key for the visits that follow an inadequate judgement
Direction = Literal["improved", "declined", "same"]
PlanStanding = Literal["current", "closed", "earlier"]


@dataclass(frozen=True)
class DueMove:
    date: PartialDate
    before: PartialDate | None
    after: PartialDate
    note: str
    # Made once the date it moved had passed, the action open: late before it was given longer
    # (a date set again as a done action is reopened is not).
    after_due: bool
    step: int  # the place of the update that moved it among the action's updates


@dataclass(frozen=True)
class RecRef:
    """A recommendation an action answers, in its own words."""

    anchor: str
    ref: str  # inspection-id/recommendation-id, as editors write it
    text: str
    inspection: Inspection
    type: InspectionType
    quoted: bool = True  # in the report's words, not a source's account of them
    number: int | None = None  # as point_numbers gives it
    # Its place in the checklist: its inspection's in the file, then its own in that list.
    place: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class ActionView:
    plan: Plan
    action: Action
    anchor: str
    workstream: str | None  # its title
    status: str
    due_original: PartialDate | None
    due: PartialDate | None
    overdue: bool
    moves: tuple[DueMove, ...]
    answers: tuple[RecRef, ...]
    done_on: PartialDate | None  # the update that marked it done; None when not done or not dated
    dropped_on: PartialDate | None  # the update that dropped it; None when not dropped by an update
    reopened_on: PartialDate | None  # the last update that set it back from done or dropped
    undone_on: PartialDate | None  # the day it was done, which that reopening undid, where dated
    undone_late: bool | None  # whether that was late, as `late` tells
    due_when_done: PartialDate | None  # the due date in force until that day
    late: bool | None  # done after its due date; None when not done or when the dates do not tell
    # Whole months since the council last said anything of it (last_heard), where it is open
    # in an open plan of a council with no abolition recorded, and that is QUIET_MONTHS or
    # more; else None.
    quiet: int | None = None

    @property
    def status_label(self) -> str:
        return ACTION_STATUS_LABEL[self.status]

    @property
    def moves_after_due(self) -> int:
        return sum(m.after_due for m in self.moves)

    @property
    def moved_at(self) -> frozenset[int]:
        """The places, among its updates, of those that moved its due date: one that gives the
        date it already had confirms it, and moves nothing."""
        return frozenset(m.step for m in self.moves)

    @property
    def is_open(self) -> bool:
        return self.status not in FINAL_STATUSES

    @property
    def slipping(self) -> bool:
        """Rated at risk or off track by the council."""
        return self.status in ("at-risk", "off-track")

    @property
    def heard_from_update(self) -> bool:
        """Whether its silence counts from an update (last_heard), not from its plan's adoption."""
        return bool(self.action.updates)

    @property
    def newest_update(self) -> Update | None:
        """Its latest update: the last listed (the checker holds them in date order)."""
        return self.action.updates[-1] if self.action.updates else None

    @property
    def overdue_since(self) -> PartialDate | None:
        """The first day it was late: the day after its due date (a month's last day, for a month)."""
        if not (self.overdue and self.due):
            return None
        return day_of(self.due.end + dt.timedelta(days=1))

    @property
    def wants_reason(self) -> bool:
        """Dropped, at risk, off track, overdue or reopened: a reader (a board, on paper) asks
        why, as its latest update says."""
        return (
            self.overdue
            or self.status in ("dropped", "at-risk", "off-track")
            or (self.reopened_on is not None and self.is_open)
        )

    @property
    def responds_to(self) -> tuple[str, ...]:
        """Anchors of the recommendations it answers."""
        return tuple(r.anchor for r in self.answers)


@dataclass(frozen=True)
class Judgement:
    key: str
    label: str
    short: str  # the label, or a shorter name where frameworks.yaml gives one
    grade: str
    grade_label: str
    headline: bool
    place: int | None  # 0 for the best grade of its scale


@dataclass(frozen=True)
class RecommendationView:
    inspection: Inspection
    text: str
    id: str
    anchor: str
    wording: str
    timescale: str | None
    due: PartialDate | None
    priority: bool
    status: RecStatus
    actions: tuple[ActionView, ...]
    sources: tuple[Source, ...]
    number: int | None = None  # as point_numbers gives it

    @property
    def status_label(self) -> str:
        return REC_STATUS_LABEL[self.status]

    @property
    def due_after(self) -> tuple[ActionView, ...]:
        """Its actions not complete that are due after the date the report set for it, or have no
        due date: where the plan's timetable runs past Ofsted's, which a board asks first."""
        if self.due is None:
            return ()
        end = self.due.end
        return tuple(v for v in self.actions if v.is_open and (v.due is None or v.due.start > end))


def in_sentence(name: str) -> str:
    """A name as it reads inside a sentence: its first letter in lower case, unless it opens an acronym (SIF)."""
    return name if name[1:2].isupper() else name[:1].lower() + name[1:]


@dataclass(frozen=True)
class InspectionView:
    inspection: Inspection
    type: InspectionType
    anchor: str
    judgements: tuple[Judgement, ...]
    recommendations: tuple[RecommendationView, ...]
    unlisted: int  # stated total minus those listed
    sources: tuple[Source, ...]
    terms: tuple[Term | LocalTerm, ...] = ()  # of frameworks.yaml and the authority's own, used in its points

    @property
    def graded(self) -> bool:
        return self.type.graded

    # Cached: the pages about every authority ask for these hundreds of thousands of times.
    @functools.cached_property
    def headline(self) -> tuple[Judgement, ...]:
        return tuple(j for j in self.judgements if j.headline)

    @functools.cached_property
    def single(self) -> Judgement | None:
        """The one headline judgement, when the type has one (SLAC had two; ILACS from 2026 has none)."""
        return self.headline[0] if len(self.headline) == 1 else None

    @property
    def date(self) -> PartialDate:
        return self.inspection.date

    @property
    def disagreements(self) -> tuple[Note, ...]:
        """Its notes where sources disagree: print, which leaves out its entry, gives them with the table."""
        return tuple(n for n in self.inspection.notes if n.kind == "disagreement")

    @property
    def corrections(self) -> tuple[Note, ...]:
        """Its notes correcting what the page said: print marks it in the table, and gives them at the top."""
        return tuple(n for n in self.inspection.notes if n.kind == "correction")

    @property
    def graded_otherwise(self) -> tuple[tuple[Judgement, str], ...]:
        """The judgements graded otherwise than the single headline grade, by grade.

        For each grade, one of its judgements (for the grade) and the short names of all,
        as they read inside a sentence: "help and protection, care leavers".
        """
        if self.single is None:
            return ()
        groups: dict[str, list[Judgement]] = {}
        for j in self.judgements:
            if not j.headline and j.grade != self.single.grade:
                groups.setdefault(j.grade, []).append(j)
        return tuple((js[0], ", ".join(in_sentence(j.short) for j in js)) for js in groups.values())

    @property
    def report(self) -> Source | None:
        """Ofsted's own report or letter among the sources, else the first: what "the report" links to.

        An inspection may cite a council's paper first (Shropshire's of 2011 does), which
        did not set the points.
        """
        return next((s for s in self.sources if s.publisher == "Ofsted"), self.sources[0] if self.sources else None)

    @property
    def own_report(self) -> Source | None:
        """Ofsted's report or letter of this inspection itself: one published the day it was.

        Not a later report cited for what it says of this one (Shropshire's of 2011 cites
        the 2017 report), nor the authority's list of reports, cited where a letter's own
        address is not known.
        """
        published = self.inspection.published
        return next(
            (
                s
                for s in self.sources
                if s.publisher == "Ofsted"
                and published
                and s.published == published
                and not s.url.startswith(OFSTED_LISTING)
            ),
            None,
        )

    @property
    def priority(self) -> tuple[RecommendationView, ...]:
        """The points the report sets apart as areas for priority action (focused-visit letters)."""
        return tuple(r for r in self.recommendations if r.priority) if self.type.priority_label else ()

    @property
    def points_label(self) -> str:
        """What the report calls its points, naming its areas for priority action where it sets any.

        The two are parted by a comma: a SIF's "Priority and immediate action" has an "and" of its own.
        """
        label = self.type.recommendations_label
        return f"{self.type.priority_label}, and {in_sentence(label)}" if self.priority else label

    @property
    def judged(self) -> PartialDate:
        """When the outcome became known: publication, else the end of the visit."""
        i = self.inspection
        return i.published or i.visit_end or i.date

    @property
    def asked(self) -> int | None:
        """How many improvement points the inspection set, when known: the stated count, else those listed."""
        if self.inspection.recommendation_count is not None:
            return self.inspection.recommendation_count
        return len(self.recommendations) or None


def note_anchor(place: str, number: int) -> str:
    """The anchor of a note, the number-th of those at place (the authority's "notes", or an inspection's anchor)."""
    return f"{place}-note-{number}"


@dataclass(frozen=True)
class Event:
    date: PartialDate
    kind: Literal["inspection", "visit", "plan", "delivery", "update", "overdue", "correction"]
    title: str
    anchor: str  # where on the page the full entry is
    key: str  # unique within the authority and never changed by edits elsewhere: feeds use it as an id
    detail: str = ""
    status: str | None = None  # the status an update set
    due: PartialDate | None = None  # the due date an update moved to
    known: PartialDate | None = None  # when it became known, where that is later (a report's publication)
    published: PartialDate | None = None  # its report's publication, where recorded: pages show it beside the visit
    action: str = ""  # the action an update is to, as pages name it: its id (and its plan's title, if need be)
    step: int = 0  # an update's place among its action's: the later where dates tie (`2025-02`, a day in it)
    left: str | None = None  # the status an update left its action at: its own, or the last set before it
    grades: tuple[tuple[str, str, str], ...] = ()  # an inspection's headline judgements: label, short label, grade
    visited: bool = False  # an inspection's or visit's date is its visit's start, not its publication
    # The full inspection before this one, and its headline judgements, as grades are given:
    # a feed reader sees the change without the page.
    # Whether that inspection's date is its visit's (else its report's publication), as the
    # entry's own dates are said.
    before: tuple[PartialDate, bool, tuple[tuple[str, str, str], ...]] | None = None
    about: str = ""  # a correction's: what it corrects, as the page names it
    # A visit's most serious points (`1 point under “Areas for priority action”`), which its
    # feed entry's title gives, as an inspection's gives its grade.
    urgent: str = ""
    report: str = ""  # the address of an inspection's or visit's own report: feeds link it beside the page

    @property
    def news(self) -> PartialDate:
        """The date feeds give it: when readers could first learn of it."""
        return self.known or self.date

    @property
    def headline(self) -> str:
        """Its title with its grades, as a feed entry's one line gives it: several grades by their
        judgements' short names, so that four of them stay a line, not a paragraph."""
        if len(self.grades) > 1:
            told = "; ".join(f"{short}: {grade}" for _, short, grade in self.grades)
            # "ILACS standard inspection (no overall grade)": one pair of brackets, not two.
            return f"{self.title[:-1]}; {told})" if self.title.endswith(")") else f"{self.title} ({told})"
        told = "".join(f"{label}: {grade}" for label, _, grade in self.grades) or self.urgent
        return f"{self.title} ({told})" if told else self.title


@dataclass(frozen=True)
class UpdateRun:
    """Updates to plan actions with no other event between them, which a page tells as one entry."""

    updates: tuple[Event, ...]  # newest first

    @property
    def date(self) -> PartialDate:
        return self.updates[0].date

    @property
    def since(self) -> PartialDate:
        return self.updates[-1].date

    @property
    def statuses(self) -> list[tuple[str, int]]:
        """(status, how many actions the run left at it), in the order statuses are listed: where
        its last update in the run left each action it updates, as the card counts them (an update
        with a note only leaves the status the action had). A count of the updates that set each
        read, to a board, as where the actions stand, which an action updated twice belies."""
        last: dict[str, tuple[int, str]] = {}
        for u in self.updates:
            if u.left and (u.anchor not in last or u.step > last[u.anchor][0]):
                last[u.anchor] = (u.step, u.left)
        return by_status(status for _, status in last.values())

    @property
    def moved(self) -> int:
        return sum(u.due is not None for u in self.updates)

    @property
    def actions(self) -> tuple[tuple[str, str], ...]:
        """Each action the run updates, once, in the order of their ids (A2 before A10): its id
        and where its row is."""
        return tuple(sorted(dict.fromkeys((u.action, u.anchor) for u in self.updates), key=lambda a: in_order(a[0])))


@dataclass(frozen=True)
class PlanView:
    plan: Plan
    anchor: str
    current: bool
    workstreams: tuple[tuple[str | None, str | None, tuple[ActionView, ...]], ...]  # (id, title, actions)
    actions: tuple[ActionView, ...]
    sources: tuple[Source, ...]
    responds_to: tuple[InspectionView, ...]
    # Counted once, so that a summary of the plan (derive.summary) keeps them without its actions.
    total: int = 0  # every action recorded, dropped ones too
    dropped: int = 0
    done: int = 0
    overdue: int = 0
    at_risk: int = 0
    off_track: int = 0
    late: int = 0
    quiet: int = 0  # open, with no update for QUIET_MONTHS or more (ActionView.quiet)
    # (status, how many) of its actions neither done nor dropped: the rest of a plan, each action
    # counted once, as overdue is said of some of them ("2 overdue; 1 at risk; 1 off track" of
    # two open actions read as four).
    open_statuses: tuple[tuple[str, int], ...] = ()
    # The newest update to any of its actions: how recent the record of a plan is, which
    # matters most for an earlier plan that no source closes.
    last_update: PartialDate | None = None

    @property
    def kept(self) -> int:
        """Its actions not dropped: what its progress is counted out of."""
        return self.total - self.dropped

    @property
    def some_overdue(self) -> bool:
        """Some of its actions overdue, not all: "Overdue actions only" would hide some and show others."""
        return 0 < self.overdue < self.total

    @property
    def some_quiet(self) -> bool:
        """Some of its actions quiet, not all (as some_overdue)."""
        return 0 < self.quiet < self.total

    def open_at(self, status: str) -> int:
        """How many of its actions not done nor dropped are at status (`not-started`, `on-track`)."""
        return dict(self.open_statuses).get(status, 0)

    @property
    def some_open(self) -> bool:
        """Some of its actions neither done nor dropped, not all (as some_overdue)."""
        return 0 < self.total - self.done - self.dropped < self.total

    @property
    def some_slipping(self) -> bool:
        """Some of its actions rated at risk or off track by the council, not all (as some_overdue)."""
        return 0 < self.at_risk + self.off_track < self.total

    @property
    def standing(self) -> PlanStanding:
        """Current; closed (the sources say so); or earlier: open, but answering an earlier inspection."""
        return "current" if self.current else "closed" if self.plan.closed else "earlier"


@dataclass(frozen=True)
class Asked:
    """What Ofsted asked at the latest full inspection and any visit since, and how far it has been answered."""

    inspections: tuple[InspectionView, ...]
    stated: int | None  # the reports' total, when every one of them gives or lists it
    listed: int
    with_actions: int  # answered by an action the plan has not dropped
    dropped: int  # answered only by actions the plan dropped
    complete: int
    # Actions the plan dropped beside the done ones of points counted complete, each once:
    # "all of them complete" would read as if none was dropped.
    dropped_aside: int
    unlisted: int
    # Of the points listed, those a report sets apart as most serious (a focused visit's
    # areas for priority action), and what the report calls them.
    priority: int
    priority_label: str | None
    # The latest inspection's report and every visit's letter since say they set no points: no
    # plan is missing, as none has anything to answer. Not where a letter's count is unknown.
    none_set: bool
    # The visits since whose points are neither counted nor listed: the card would otherwise
    # read as if their letters asked nothing.
    unknown: tuple[InspectionView, ...] = ()

    @property
    def full(self) -> InspectionView | None:
        """The latest full inspection, where its points are known (counted or listed)."""
        return next((v for v in self.inspections if v.graded), None)

    @property
    def visits(self) -> tuple[InspectionView, ...]:
        """The visits since it whose points are known, oldest first."""
        return tuple(v for v in self.inspections if not v.graded)


@dataclass(frozen=True)
class Gap:
    """Something the page cannot show because it is not recorded."""

    kind: Literal["plan", "points", "monitoring"]
    inspection: InspectionView
    count: int = 0


@dataclass(frozen=True)
class Standing:
    """The few facts about an authority that other pages may use (its neighbours' pages, the overview)."""

    slug: str
    name: str
    grade: str | None  # the latest single headline grade
    grade_label: str | None
    place: int | None
    judged: PartialDate | None
    # Where the latest full inspection gives no single grade (ILACS from April 2026), its
    # headline judgements: a neighbour's "no single overall grade" alone would hide them.
    judgements: tuple[Judgement, ...] = ()


@dataclass(frozen=True)
class Neighbour:
    dfe: int
    standing: Standing | None  # None when no authority on the site has that number


@dataclass(frozen=True)
class AuthorityView:
    slug: str
    authority: Authority
    inspections: tuple[InspectionView, ...]  # newest first
    plans: tuple[PlanView, ...]  # newest first
    timeline: tuple[Event, ...]  # newest first
    latest: InspectionView | None  # the latest full (graded) inspection
    previous: InspectionView | None  # the full inspection before it
    current_plan: PlanView | None
    asked: Asked | None
    gaps: tuple[Gap, ...]
    last_changed: dt.date | None
    sources: dict[str, Source]
    as_of: dt.date  # the day statuses and "overdue" are worked out for
    neighbours: tuple[Neighbour, ...] = ()
    # The name of each council it lists as a predecessor or successor, by slug, from its file.
    related: tuple[tuple[str, str], ...] = ()

    @property
    def name(self) -> str:
        return self.authority.name

    def plans_without_actions(self, inspection: InspectionView) -> tuple[PlanView, ...]:
        """The plans answering an inspection that are recorded without their actions."""
        return tuple(p for p in self.plans if _without_actions(p.plan, inspection.inspection.id))

    def planned(self, inspection: InspectionView) -> bool:
        """Whether the inspection's points show a status each: a plan recorded with its actions
        answers the inspection, or an action one of its points.

        A plan recorded without its actions is said once above the points (plans_without_actions),
        not on each point, where fourteen badges in a row said the same thing.
        """
        key = inspection.inspection.id
        return any(key in p.plan.in_response_to and p.plan.actions for p in self.plans) or any(
            r.actions for r in inspection.recommendations
        )

    @property
    def any_planned(self) -> bool:
        """Whether any listed point shows a status: a plan recorded with its actions answers its inspection."""
        return any(self.planned(v) for v in self.inspections if v.recommendations)

    def cite(self, ids: list[str]) -> list[Source]:
        return [self.sources[i] for i in ids]

    @property
    def delivery(self) -> tuple[Delivery, ...]:
        """Who delivered the services, in the order they began, as the timeline tells them."""
        return tuple(sorted(self.authority.delivery, key=_began))

    @property
    def delivering(self) -> Delivery | None:
        """Who delivers the services now, as the card and the table say: of the bodies that
        have not stopped, the last to begin; else the last to begin."""
        bodies = self.delivery
        return next((d for d in reversed(bodies) if d.to is None), bodies[-1] if bodies else None)

    @property
    def full(self) -> tuple[InspectionView, ...]:
        """Full (graded) inspections, newest first."""
        return tuple(v for v in self.inspections if v.graded)

    @property
    def visits(self) -> tuple[InspectionView, ...]:
        return tuple(v for v in self.inspections if not v.graded)

    @property
    def not_recorded(self) -> tuple[tuple[str, str], ...]:
        """What the editors' caveats say is known to have happened but is not recorded, each with
        the anchor of its note: the authority's own notes first, then each inspection's, oldest
        first; words said twice, once."""
        noted = [(note_anchor("notes", k), n) for k, n in enumerate(self.authority.notes, start=1)]
        noted += [
            (note_anchor(v.anchor, k), n)
            for v in reversed(self.inspections)
            for k, n in enumerate(v.inspection.notes, 1)
        ]
        said: dict[str, tuple[str, str]] = {}  # as readers tell words apart: the first words, and their note
        for place, note in noted:
            if note.not_recorded:
                words = note.not_recorded.rstrip(".")
                said.setdefault(" ".join(words.split()).casefold(), (words, place))
        return tuple(said.values())

    @property
    def monitored_since(self) -> tuple[InspectionView, ...]:
        """The monitoring visits recorded since the latest full inspection, newest first."""
        latest = self.latest
        if latest is None:
            return ()
        return tuple(
            v for v in self.visits if v.inspection.type == MONITORING and _sort_key(v.date) > _sort_key(latest.date)
        )

    @property
    def earlier_asked(self) -> tuple[InspectionView, ...]:
        """Inspections before those the checklist leads with that listed, or counted, points; newest first."""
        current = {v.anchor for v in self.asked.inspections} if self.asked else set()
        return tuple(v for v in self.inspections if v.anchor not in current and v.asked)

    @property
    def headline_grade(self) -> str | None:
        """The single headline grade key, when the latest graded inspection has one."""
        single = self.latest.single if self.latest else None
        return single.grade if single else None

    @property
    def held(self) -> tuple[InspectionView, ...]:
        """The unbroken run of full inspections, newest first, that gave the latest single headline grade.

        Runs are by grade, whatever the scale (SIF's and ILACS's "inadequate" are one run, but
        2012's "adequate" and 2014's "requires improvement" are not); a full inspection with
        no single grade (SLAC's two halves) neither breaks nor joins one. Empty when the
        latest full inspection gives no single grade.
        """
        now = self.latest.single if self.latest else None
        if self.latest is None or now is None or now.place is None:
            return ()
        run = [self.latest]
        for view in self.full[1:]:
            single = view.single
            if single is None or single.place is None:
                continue
            if single.grade != now.grade:
                break
            run.append(view)
        return tuple(run)

    @property
    def direction(self) -> Direction | None:
        """How the latest single headline grade compares with the previous one's place on its scale."""
        now = self.latest.single if self.latest else None
        before = self.previous.single if self.previous else None
        if now is None or before is None or now.place is None or before.place is None:
            return None
        return "improved" if now.place < before.place else "declined" if now.place > before.place else "same"

    @property
    def held_longer(self) -> bool:
        """Whether its grade may have stood before the run that gave it: the run starts at its
        first full inspection recorded here, and the council was not created since."""
        run, created = self.held, self.authority.created
        return bool(run) and run[-1] is self.full[-1] and not (created and created.start <= run[-1].judged.start)

    @property
    def shown_plan(self) -> PlanView | None:
        """The plan pages give as answering the latest inspection: the current one, else a closed one that did."""
        return self.current_plan or self.closed_for_latest

    @property
    def closed_for_latest(self) -> PlanView | None:
        """The newest closed plan that answered the latest full inspection, when no plan is current.

        The page then shows that plan, closed, where the current one would be."""
        return None if self.current_plan is not None else _closed_answering(self.plans, self.latest)

    @property
    def overdue(self) -> int | None:
        """Overdue actions of the current plan; None when there is no current plan or it lists no actions."""
        plan = self.current_plan
        return plan.overdue if plan and plan.total else None

    @property
    def standing(self) -> Standing:
        single = self.latest.single if self.latest else None
        return Standing(
            self.slug,
            self.name,
            single.grade if single else None,
            single.grade_label if single else None,
            single.place if single else None,
            self.latest.judged if self.latest else None,
            self.latest.headline if self.latest and not single else (),
        )

    @property
    def recorded(self) -> tuple[Event, ...]:
        """The events of the authority's history: not the day an action became overdue, which
        the feeds tell but the page says in the action's row, with its date, nor a correction
        to the site, which the page gives beside what it corrects."""
        return tuple(e for e in self.timeline if e.kind not in ("overdue", "correction"))

    @property
    def corrections(self) -> tuple[Event, ...]:
        """The corrections made to the page, newest first: its top names each."""
        return tuple(e for e in self.timeline if e.kind == "correction")

    @property
    def timeline_told(self) -> tuple[Event | UpdateRun, ...]:
        """The timeline as the page tells it: each run of updates in one month as one entry (the
        feeds give each update). A run over months, told at its newest, hid when the rest were."""
        told: list[Event | UpdateRun] = []
        run: list[Event] = []
        for event in (*self.recorded, None):
            if event is not None and event.kind == "update":
                if run and _month(run[-1].date) != _month(event.date):
                    told.append(UpdateRun(tuple(run)))
                    run = []
                run.append(event)
                continue
            if run:
                told.append(UpdateRun(tuple(run)))
                run = []
            if event is not None:
                told.append(event)
        return tuple(told)

    @property
    def sources_cited(self) -> list[Source]:
        """Each source once: oldest first by its publication where every one has a date (an
        importer adds each report's at the end of the file's list), else in the file's order,
        which its editor chose (an undated source placed by date alone would read out of place)."""
        sources = list(self.sources.values())
        if all(s.published for s in sources):
            sources.sort(key=lambda s: s.published.start if s.published else dt.date.max)
        return sources


@dataclass(frozen=True)
class SiteView:
    site: Site
    frameworks: Frameworks
    as_of: dt.date
    authorities: tuple[AuthorityView, ...]  # by slug
    reference: Reference = dataclasses.field(default_factory=Reference)
    # How far the record reaches (the as-of date is not that): given to an authority's page,
    # whose view holds no other authority, as well as to the pages about every authority.
    newest_report: PartialDate | None = None
    newest_visit: PartialDate | None = None  # the newest report of a visit (ungraded)

    @property
    def visits_lag(self) -> bool:
        """Whether the visits recorded stop in a month before the newest report's: a reader told
        of the newest report would take visits to be recorded as far."""
        if self.newest_report is None or self.newest_visit is None:
            return False
        return _month(self.newest_visit) < _month(self.newest_report)

    @property
    def as_of_day(self) -> PartialDate:
        """The as-of date, to count months to."""
        return day_of(self.as_of)

    def grade_label(self, scale: str | None, grade: str) -> str:
        return self.frameworks.scales.get(scale or "", {}).get(grade, grade)

    @functools.cached_property
    def current(self) -> tuple[AuthorityView, ...]:
        """The authorities in being on the as-of date: the national picture (the overview's counts,
        map and table, the grade pages) is of these. A council abolished before it keeps its page,
        named apart as a former council: its last grade is not where England stands."""
        return tuple(a for a in self.authorities if not self.abolished_by_then(a))

    @property
    def former(self) -> tuple[AuthorityView, ...]:
        return tuple(a for a in self.authorities if self.abolished_by_then(a))

    def abolished_by_then(self, a: AuthorityView) -> PartialDate | None:
        """When a was abolished, if before the as-of date: the day its grade stopped standing."""
        abolished = a.authority.abolished
        return abolished if abolished is not None and abolished.end < self.as_of else None

    @property
    def regions(self) -> list[str]:
        return sorted({a.authority.region for a in self.current if a.authority.region})

    @property
    def any_plan_shown(self) -> bool:
        """Whether any authority in being has a plan answering its latest inspection, current or closed
        (else the overview's table has no plan columns)."""
        return any(a.shown_plan for a in self.current)

    def region_counts(self) -> list[tuple[str, list[tuple[str, str, int]], int]]:
        """(region, (grade key, its label, count) in grade_counts's order, all) of the authorities of each region."""
        grades = self.grade_counts
        counts: dict[str, Counter[str]] = {}
        for a in self.current:
            if a.authority.region:
                counts.setdefault(a.authority.region, Counter())[a.headline_grade or NO_GRADE] += 1
        return [
            (region, [(key, label, found[key]) for key, label, _ in grades], found.total())
            for region, found in sorted(counts.items())
        ]

    @functools.cached_property
    def grade_order(self) -> list[str]:
        """Grades of every scale, best first: a grade ranks by its place in its scale."""
        places: dict[str, int] = {}
        for scale in self.frameworks.scales.values():
            for place, grade in enumerate(scale):
                places[grade] = min(place, places.get(grade, place))
        return sorted(places, key=lambda g: places[g])

    def grades(self) -> list[tuple[str, str, int]]:
        """(key, label, place) of every grade, best first; where scales share a place, the newest scale's first."""
        found: dict[str, tuple[str, str, int]] = {}
        for scale in reversed(self.frameworks.scales.values()):
            for place, (grade, label) in enumerate(scale.items()):
                found.setdefault(grade, (grade, label, place))
        return sorted(found.values(), key=lambda g: g[2])

    def grade_place(self, grade: str | None) -> int | None:
        """A grade's place on its scale (0 is the best), the best place where scales differ."""
        places = [list(scale).index(grade) for scale in self.frameworks.scales.values() if grade in scale]
        return min(places) if places else None

    def grade_rank(self, grade: str | None) -> int:
        order = self.grade_order
        return order.index(grade) if grade in order else len(order)

    def judgement_rank(self, a: AuthorityView) -> str:
        """How the table of all authorities sorts by latest judgement: by the overall grade's
        rank; with no single overall grade, by its worst headline judgement's, so that an
        authority with two judgements inadequate is found among the inadequate when the worst
        come first, not below every grade (the table puts it after them, in either direction);
        "" with no inspection."""
        if a.headline_grade:
            return str(self.grade_rank(a.headline_grade))
        ranks = [self.grade_rank(j.grade) for j in a.latest.headline] if a.latest else []
        return str(max(ranks)) if ranks else ""

    @functools.cached_property
    def grade_counts(self) -> list[tuple[str, str, int]]:
        """(grade key, label, count) of latest headline grades, best grade first (the overview asks four times)."""
        counts = Counter(a.headline_grade or "" for a in self.current)
        labels = {g: label for scale in self.frameworks.scales.values() for g, label in scale.items()}
        rows = [(g, labels[g], counts[g]) for g in self.grade_order if counts[g]]
        if counts[""]:
            rows.append((NO_GRADE, "No single overall grade", counts[""]))
        return rows


def day_of(date: dt.date) -> PartialDate:
    """A day as the model's dates are, to count months with (months_between)."""
    return PartialDate(date.year, date.month, date.day)


def by_status(statuses: Iterable[str]) -> list[tuple[str, int]]:
    """(status, how many) of the statuses given, in the order statuses are listed; one not given is left out."""
    counts = Counter(statuses)
    return [(status, counts[status]) for status in ACTION_STATUS_LABEL if counts[status]]


def is_overdue(due: PartialDate | None, status: str, as_of: dt.date) -> bool:
    """Neither done nor dropped, and its current due date (a month-only date counts as the month's end) has passed."""
    return due is not None and status not in FINAL_STATUSES and due.end < as_of


def point_numbers(inspection: Inspection, kind: InspectionType) -> dict[str, int]:
    """Each point's number, in the order the checklist lists them (a letter's points for
    priority action first, then the rest, numbered on through both), so that a committee can
    say "point 3"; none where the list is recorded only in part, as its numbers would not be
    the report's."""
    points = inspection.recommendations
    if (inspection.recommendation_count or 0) > len(points):
        return {}
    first = [r for r in points if r.priority] if kind.priority_label else []
    ordered = first + [r for r in points if not (first and r.priority)]
    return {r.id: n for n, r in enumerate(ordered, start=1)}


def done_late(done_on: PartialDate | None, due: PartialDate | None) -> bool | None:
    """Whether work was done after its due date; None when either is unknown or the dates do not tell.

    A month-only date is its whole month, so "done May 2024" against "due 15 May 2024" tells neither.
    """
    if done_on is None or due is None:
        return None
    if done_on.start > due.end:
        return True
    return False if done_on.end <= due.end else None


def _quiet(plan: Plan, action: Action, status: str, abolished: PartialDate | None, as_of: dt.date) -> int | None:
    """Whole months of silence on an open action, from the last day it could have been heard of
    (a month-only date's end), when QUIET_MONTHS or more; None where nothing more is owed of it
    (last_heard, which the check's warning of a year's silence counts by too)."""
    heard = last_heard(plan, action, status, abolished)
    if heard is None:
        return None
    months = months_between(day_of(heard[1].end), day_of(as_of))
    return months if months >= QUIET_MONTHS else None


def _action(
    plan: Plan,
    action: Action,
    workstreams: dict[str, str],
    recs: dict[str, RecRef],
    as_of: dt.date,
    abolished: PartialDate | None = None,
) -> ActionView:
    moves = []
    due = action.due
    status = action.status
    done_on: PartialDate | None = None
    dropped_on: PartialDate | None = None
    reopened_on: PartialDate | None = None
    undone_on: PartialDate | None = None
    undone_late: bool | None = None
    due_when_done: PartialDate | None = None
    for step, update in enumerate(action.updates):
        # Work done is judged by the date it was due until that day: an update that marks it
        # done and moves its date (`{status: done, due: ...}`) does not make it on time.
        due_till_then = due
        if update.due is not None and update.due != due:
            # Overdue on the day it was moved (DueMove.after_due).
            passed = is_overdue(due, status, update.date.start)
            moves.append(DueMove(update.date, due, update.due, update.note, passed, step))
            due = update.due
        # An update that gives the status the action has already is news only where it is the
        # first to date its being done or dropped (the action's own `status: done`, then an
        # update saying when, as the checker asks).
        dated = (done_on if status == "done" else dropped_on if status == "dropped" else None) is not None
        if update.status is not None and (update.status != status or (status in FINAL_STATUSES and not dated)):
            if status in FINAL_STATUSES and update.status not in FINAL_STATUSES:
                reopened_on = update.date
                undone_on, undone_late = done_on, done_late(done_on, due_when_done)
            status = update.status
            done_on, due_when_done = (update.date, due_till_then) if status == "done" else (None, None)
            dropped_on = update.date if status == "dropped" else None
    late = done_late(done_on, due_when_done)
    return ActionView(
        plan=plan,
        action=action,
        anchor=anchor("action", plan.id, action.id),
        workstream=workstreams.get(action.workstream or ""),
        status=status,
        due_original=action.due,
        due=due,
        overdue=is_overdue(due, status, as_of),
        moves=tuple(moves),
        # In the checklist's order, as their numbers run, whatever order the editor listed them in.
        answers=tuple(sorted((recs[ref] for ref in action.responds_to if ref in recs), key=lambda r: r.place)),
        done_on=done_on,
        dropped_on=dropped_on,
        reopened_on=reopened_on,
        undone_on=undone_on,
        undone_late=undone_late,
        due_when_done=due_when_done,
        late=late,
        quiet=_quiet(plan, action, status, abolished, as_of),
    )


def _without_actions(plan: Plan, inspection_id: str) -> bool:
    """Whether a plan answers the inspection but is recorded without its actions: then no
    point of the inspection can show an action answering it."""
    return not plan.actions and inspection_id in plan.in_response_to


def _rec_status(actions: list[ActionView], plan_without_actions: bool) -> RecStatus:
    if not actions:
        return "plan-actions-not-recorded" if plan_without_actions else "no-action-recorded"
    # A dropped action answers nothing now: the point stands on the others.
    kept = [a for a in actions if a.status != "dropped"]
    if not kept:
        return "actions-dropped"
    return "actions-complete" if all(a.status == "done" for a in kept) else "in-progress"


def _sort_key(date: PartialDate) -> tuple[int, int, int]:
    return (date.year, date.month, date.day or 0)


def _began(delivery: Delivery) -> tuple[int, int, int]:
    # A body without a start is listed alone (the check sees to it): it has nothing to go before.
    return _sort_key(delivery.from_) if delivery.from_ else (0, 0, 0)


def _judgements(inspection: Inspection, kind: InspectionType, frameworks: Frameworks) -> tuple[Judgement, ...]:
    scale = frameworks.scales.get(kind.scale or "", {})
    places = {grade: place for place, grade in enumerate(scale)}
    return tuple(
        Judgement(
            key,
            kind.judgement_label(key),
            kind.judgement_short(key),
            grade,
            scale.get(grade, grade),
            key in kind.headline,
            places.get(grade),
        )
        for key, grade in sorted(
            inspection.judgements.items(),
            key=lambda item: (item[0] not in kind.headline, list(kind.judgements).index(item[0])),
        )
    )


def _current_plan(plans: list[PlanView], latest: InspectionView | None) -> Plan | None:
    """The plan that answers the latest full inspection, or a visit since it, and is not closed.

    Of several such plans, the last in the file (plans are listed oldest first). A plan
    that answers only earlier inspections is not current, however recently it was written.
    """
    current = None
    for view in plans:
        if view.plan.closed is not None:
            continue
        answers = [i.inspection for i in view.responds_to]
        if latest is None:
            answers_latest = bool(answers)
        else:
            answers_latest = any(
                i.id == latest.inspection.id or _sort_key(i.date) > _sort_key(latest.date) for i in answers
            )
        if answers_latest:
            current = view.plan
    return current


def _asked(inspections: list[InspectionView], latest: InspectionView | None) -> Asked | None:
    if latest is None:
        return None
    since = [v for v in inspections if v is latest or (not v.graded and _sort_key(v.date) > _sort_key(latest.date))]
    # Oldest first, so the checklist reads in the order the points were set.
    since.sort(key=lambda v: (_sort_key(v.date), v.inspection.id))
    # A visit whose letter sets no points (a count of 0) leaves nothing to answer; the latest
    # inspection is kept, so that the page can say it set none.
    with_points = tuple(v for v in since if v.asked or (v is latest and v.inspection.recommendation_count is not None))
    recs = [r for v in with_points for r in v.recommendations]
    counts = [v.asked for v in with_points]
    urgent = [v for v in with_points if v.priority]
    return Asked(
        inspections=with_points,
        stated=sum(c for c in counts if c is not None) if with_points and None not in counts else None,
        listed=len(recs),
        with_actions=sum(r.status in ("actions-complete", "in-progress") for r in recs),
        dropped=sum(r.status == "actions-dropped" for r in recs),
        complete=sum(r.status == "actions-complete" for r in recs),
        dropped_aside=len(
            {v.anchor for r in recs if r.status == "actions-complete" for v in r.actions if v.status == "dropped"}
        ),
        unlisted=sum(v.unlisted for v in with_points),
        priority=sum(len(v.priority) for v in urgent),
        priority_label=urgent[-1].type.priority_label if urgent else None,
        none_set=all(v.inspection.recommendation_count == 0 for v in since),
        unknown=tuple(v for v in since if v is not latest and v.asked is None),
    )


def _closed_answering(plans: Iterable[PlanView], latest: InspectionView | None) -> PlanView | None:
    """The newest closed plan (plans newest first) that answered the latest full inspection."""
    if latest is None:
        return None
    answering = (p for p in plans if p.plan.closed is not None)
    return next((p for p in answering if any(i.inspection.id == latest.inspection.id for i in p.responds_to)), None)


def _gaps(
    inspections: list[InspectionView], latest: InspectionView | None, plans: list[PlanView], asked: Asked | None
) -> tuple[Gap, ...]:
    gaps: list[Gap] = []
    # A plan that answered the latest inspection and has closed is recorded: no gap.
    # Nor where the reports set no points, which no plan has to answer.
    if (
        latest is not None
        and not (asked is not None and asked.none_set)
        and not any(p.current for p in plans)
        and _closed_answering(reversed(plans), latest) is None
    ):
        gaps.append(Gap("plan", latest))
    if asked is not None:
        gaps += [Gap("points", v, v.unlisted) for v in asked.inspections if v.unlisted]
        if latest is not None and not any(v is latest for v in asked.inspections):
            gaps.append(Gap("points", latest))
        gaps += [Gap("points", v) for v in asked.unknown]
    oldest_first = sorted(inspections, key=lambda v: _sort_key(v.date))
    for index, view in enumerate(oldest_first):
        single = view.single
        if single is None or single.place is None or single.place < 3 or not view.type.monitored:
            continue  # frameworks.yaml says which types' inadequate judgements monitoring visits follow
        later = oldest_first[index + 1 :]
        until = next((v for v in later if v.graded), None)
        between = [v for v in later if v is not until and (until is None or _sort_key(v.date) < _sort_key(until.date))]
        if not any(v.inspection.type == MONITORING for v in between):
            gaps.append(Gap("monitoring", view))
    return tuple(gaps)


def derive_authority(
    slug: str, a: Authority, frameworks: Frameworks, as_of: dt.date, last_changed: dt.date | None = None
) -> AuthorityView:
    sources = {s.id: s for s in a.sources}
    numbers = {i.id: point_numbers(i, frameworks.types[i.type]) for i in a.inspections}
    recs = {
        f"{i.id}/{r.id}": RecRef(
            anchor("rec", i.id, r.id),
            f"{i.id}/{r.id}",
            r.text,
            i,
            frameworks.types[i.type],
            r.wording != "described",
            numbers[i.id].get(r.id),
            (n, numbers[i.id].get(r.id, k)),
        )
        for n, i in enumerate(a.inspections)
        for k, r in enumerate(i.recommendations)
    }

    plans_actions: list[tuple[Plan, list[ActionView]]] = []
    by_rec: dict[str, list[ActionView]] = {}
    for plan in a.plans:
        titles = {w.id: w.title for w in plan.workstreams}
        views = [_action(plan, action, titles, recs, as_of, a.abolished) for action in plan.actions]
        plans_actions.append((plan, views))
        for view in views:
            for ref in view.action.responds_to:
                by_rec.setdefault(ref, []).append(view)

    inspections: list[InspectionView] = []
    for inspection in a.inspections:
        kind = frameworks.types[inspection.type]
        unrecorded = any(_without_actions(plan, inspection.id) for plan in a.plans)
        listed = []
        for rec in inspection.recommendations:
            actions = by_rec.get(f"{inspection.id}/{rec.id}", [])
            listed.append(
                RecommendationView(
                    inspection=inspection,
                    text=rec.text,
                    id=rec.id,
                    anchor=anchor("rec", inspection.id, rec.id),
                    wording=rec.wording,
                    timescale=rec.timescale,
                    due=rec.due,
                    priority=rec.priority,
                    status=_rec_status(actions, unrecorded),
                    actions=tuple(actions),
                    sources=tuple(sources[s] for s in rec.sources),
                    number=numbers[inspection.id].get(rec.id),
                )
            )
        inspections.append(
            InspectionView(
                inspection,
                kind,
                anchor("inspection", inspection.id),
                _judgements(inspection, kind, frameworks),
                tuple(listed),
                max(0, (inspection.recommendation_count or 0) - len(listed)),
                tuple(sources[s] for s in inspection.sources),
                terms_in([r.text for r in listed], [*frameworks.terms.values(), *a.terms]),
            )
        )
    inspections.sort(key=lambda v: (_sort_key(v.inspection.date), v.inspection.id), reverse=True)
    by_id = {v.inspection.id: v for v in inspections}
    full = [v for v in inspections if v.graded]
    latest = full[0] if full else None

    drafts = []
    for plan, views in plans_actions:
        groups: list[tuple[str | None, str | None, tuple[ActionView, ...]]] = [
            (w.id, w.title, tuple(v for v in views if v.action.workstream == w.id)) for w in plan.workstreams
        ]
        loose = tuple(v for v in views if v.action.workstream is None)
        if loose:
            groups.append((None, None, loose))
        drafts.append(
            PlanView(
                plan,
                anchor("plan", plan.id),
                False,
                tuple(groups),
                tuple(views),
                tuple(sources[s] for s in plan.sources),
                tuple(by_id[i] for i in plan.in_response_to),
                total=len(views),
                dropped=sum(v.status == "dropped" for v in views),
                done=sum(v.status == "done" for v in views),
                overdue=sum(v.overdue for v in views),
                at_risk=sum(v.status == "at-risk" for v in views),
                off_track=sum(v.status == "off-track" for v in views),
                late=sum(v.late is True for v in views),
                quiet=sum(v.quiet is not None for v in views),
                open_statuses=tuple(by_status(v.status for v in views if v.status not in FINAL_STATUSES)),
                last_update=max((u.date for v in views for u in v.action.updates), key=_sort_key, default=None),
            )
        )
    current = _current_plan(drafts, latest)
    plans = [dataclasses.replace(p, current=p.plan is current) for p in drafts]
    asked = _asked(inspections, latest)

    return AuthorityView(
        slug=slug,
        authority=a,
        inspections=tuple(inspections),
        plans=tuple(reversed(plans)),
        timeline=_timeline(a, inspections, plans),
        latest=latest,
        previous=full[1] if len(full) > 1 else None,
        current_plan=next((p for p in plans if p.current), None),
        asked=asked,
        gaps=_gaps(inspections, latest, plans, asked),
        last_changed=last_changed,
        sources=sources,
        as_of=as_of,
    )


def _timeline(a: Authority, inspections: list[InspectionView], plans: list[PlanView]) -> tuple[Event, ...]:
    events: list[tuple[tuple[int, int, int], int, str, Event]] = []

    def add(order: int, event: Event) -> None:
        events.append((_sort_key(event.date), order, event.key, event))

    graded = [v for v in inspections if v.graded and v.headline]
    # inspections are newest first: the one before a graded one is the next graded in the list.
    earlier_than = {id(later): earlier for later, earlier in itertools.pairwise(graded)}
    for view in inspections:
        i = view.inspection
        grades = tuple((j.label, j.short, j.grade_label) for j in view.headline)
        earlier = earlier_than.get(id(view))
        before = (
            (
                earlier.inspection.date,
                earlier.inspection.visit_start is not None,
                tuple((j.label, j.short, j.grade_label) for j in earlier.headline),
            )
            if earlier and grades
            else None
        )
        kind: Literal["inspection", "visit"] = "inspection" if view.graded else "visit"
        # Keys are ids editors give, never dates or places in a list: correcting a date, or
        # adding an earlier entry, must not make an old entry new to feed readers. (Action
        # updates, which have no id, are the exception: see below.)
        # Placed at its publication where no visit is recorded: then that date is said once.
        published = i.published if i.visit_start else None
        detail, urgent = i.focus or "", ""
        if count := len(view.priority):
            # Ofsted's most serious points, which a visit's missing grade would otherwise hide.
            urgent = f"{count}\u00a0point{'s' if count != 1 else ''} under “{view.type.priority_label}”"
            detail = f"{detail.rstrip('.')}. {urgent}." if detail else f"{urgent}."
        event = Event(i.date, kind, view.type.label, view.anchor, view.anchor, detail, known=view.judged, urgent=urgent)
        own = view.own_report
        add(
            3,
            dataclasses.replace(
                event,
                published=published,
                grades=grades,
                visited=i.visit_start is not None,
                before=before,
                report=own.url if own else "",
            ),
        )
    # A correction is news to a reader who read the page before: the feeds tell it on its day,
    # known by where it is and that day (the check lets one entry have one correction a day).
    noted = [(None, note) for note in a.notes] + [
        (view, note) for view in inspections for note in view.inspection.notes
    ]
    for about, note in noted:
        if note.kind != "correction" or note.date is None:
            continue
        place = about.anchor if about else "notes"
        named = f"{about.type.label}, {month_year(about.inspection.date)}" if about else "about this authority"
        key = f"{place}/correction/{note.date}"
        add(4, Event(note.date, "correction", f"Correction: {named}", place, key, note.text, about=named))
    # A change of who delivers the services has no id of its own: it is known by its body's name,
    # which a corrected date leaves alone.
    delivered: Counter[str] = Counter()
    for d in a.delivery:
        if d.from_ is None:
            continue
        title = f"Services delivered by {d.by}"
        body = slugify(d.by) or "body"
        delivered[body] += 1
        key = f"delivery/{body}" + (f"/{delivered[body]}" if delivered[body] > 1 else "")
        add(0, Event(d.from_, "delivery", title, "delivery", key, d.note or ""))
    # With two plans' actions, "A1" alone could be either plan's: each is named with its plan.
    several = sum(bool(p.actions) for p in plans) > 1
    for plan_view in plans:
        plan = plan_view.plan
        place = plan_view.anchor
        if plan.adopted:
            add(1, Event(plan.adopted, "plan", f"{plan.title} adopted", place, f"{place}/adopted"))
        if plan.closed:
            # Its final tally, counted as its Progress is (out of those not dropped), which a feed
            # reader sees without opening the page.
            done, dropped, kept = plan_view.done, plan_view.dropped, plan_view.kept
            tally = (
                [
                    f"{done} of {kept} action{'s' if kept != 1 else ''} complete",
                    f"{dropped} more dropped" * bool(dropped),
                ]
                if kept
                else [f"{dropped} action{'s' if dropped != 1 else ''}, all dropped"]
            )
            tally.append(f"{kept - done} still open" * bool(kept - done))
            detail = ", ".join(t for t in tally if t) + "." if plan_view.total else ""
            add(1, Event(plan.closed, "plan", f"{plan.title} closed", place, f"{place}/closed", detail))
        for action in plan_view.actions:
            # An update has no id: it is known by its date, which an update found late and
            # added before it, or one deleted, leaves alone (its place in the list would not).
            # A second update on the same day is told apart by its order on that day.
            on_day: Counter[str] = Counter()
            left = action.action.status  # where each update leaves the action, carried forward
            for step, update in enumerate(action.action.updates):
                left = update.status or left
                day = str(update.date)
                on_day[day] += 1
                # The title's own full stop would run into the status after it: "Title.; status".
                parts = [f"Update to action {action.action.id}: {action.action.title.rstrip('.;:, ')}"]
                if update.status:
                    parts.append(f"status {ACTION_STATUS_LABEL[update.status].lower()}")
                if update.due:
                    said = "moved to" if step in action.moved_at else "confirmed as"
                    parts.append(f"due date {said} {human_date(update.due)}")
                key = f"{action.anchor}/update/{day}" + (f"/{on_day[day]}" if on_day[day] > 1 else "")
                title = "; ".join(parts)
                named = f"{action.action.id} of {plan.title}" if several else action.action.id
                # The note is the feed's summary of the update; the page shows it in the action's row.
                update_event = Event(
                    update.date,
                    "update",
                    title,
                    action.anchor,
                    key,
                    update.note,
                    update.status,
                    update.due,
                    action=named,
                    step=step,
                    left=left,
                )
                add(2, update_event)
            if action.overdue_since is not None and action.due is not None:
                # Late is a state the site works out, not an update anyone records: the day it
                # began is news to a board following the feed. Known by its due date, so that a
                # date moved and missed again is news again.
                title = f"Action {action.action.id} overdue: {action.action.title.rstrip('.;:, ')}"
                detail = f"Due {human_date(action.due)}, and not recorded as done or dropped."
                key = f"{action.anchor}/overdue/{action.due}"
                add(2, Event(action.overdue_since, "overdue", title, action.anchor, key, detail))
    events.sort(key=lambda e: e[:3], reverse=True)
    return tuple(e[3] for e in events)


def neighbours_of(
    codes: Codes | None, listed: dict[int, tuple[int, ...]], by_dfe: dict[int, Standing]
) -> tuple[Neighbour, ...]:
    """An authority's statistical neighbours (reference data), each with its standing."""
    numbers = listed.get(codes.dfe) if codes and codes.dfe else None
    return tuple(Neighbour(n, by_dfe.get(n)) for n in numbers) if numbers else ()


def related(authority: Authority, names: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """(slug, name) of the councils an authority lists as predecessors or successors."""
    slugs = [*authority.predecessors, *authority.successors]
    return tuple((slug, names[slug]) for slug in slugs if slug in names)


FEED_EVENTS = 200  # the site-wide feed's length: no authority contributes more


def summary(view: AuthorityView) -> AuthorityView:
    """The authority as pages about every authority use it, small enough to hold thousands.

    The overview, the analysis, the inspection types page, the site-wide feed and the
    sitemap read only names, codes, who delivers the services, judgements, dates, Ofsted's
    own reports, plan counts and the newest events;
    a test renders them from summaries and from full views and compares the bytes.
    """
    a = view.authority
    # Who delivers the services stays: the overview's name search finds a council by its trust.
    authority = a.model_copy(update={"inspections": [], "plans": [], "sources": [], "notes": []})
    slim: dict[int, InspectionView] = {}
    for i in view.inspections:
        inspection = i.inspection.model_copy(update={"recommendations": [], "summary": None, "notes": []})
        # Of its sources, only Ofsted's own report stays: the grade pages link it.
        own = i.own_report
        sources = (own,) if own else ()
        slim[id(i)] = dataclasses.replace(i, inspection=inspection, recommendations=(), sources=sources, terms=())
    # The plan the overview gives: current, or closed having answered the latest inspection,
    # which its inspections (slim) say.
    plan = view.shown_plan
    if plan is not None:
        plan = dataclasses.replace(
            plan,
            plan=plan.plan.model_copy(update={"actions": [], "workstreams": [], "priorities": []}),
            workstreams=(),
            actions=(),
            sources=(),
            responds_to=tuple(slim[id(i)] for i in plan.responds_to),
        )
    # The feed orders entries by date, then key: the newest by that order are what it can
    # show, and they are kept in that order, newest first, for FeedWindow.
    newest = sorted(view.timeline, key=lambda e: (e.news.start, e.key), reverse=True)[:FEED_EVENTS]
    return dataclasses.replace(
        view,
        authority=authority,
        inspections=tuple(slim[id(i)] for i in view.inspections),
        plans=(plan,) if plan else (),
        timeline=tuple(newest),
        latest=slim[id(view.latest)] if view.latest else None,
        previous=slim[id(view.previous)] if view.previous else None,
        current_plan=plan if view.current_plan else None,
        asked=dataclasses.replace(view.asked, inspections=tuple(slim[id(i)] for i in view.asked.inspections))
        if view.asked
        else None,
        gaps=(),
        sources={},
        neighbours=(),
        related=(),
    )


def reach(views: Iterable[AuthorityView]) -> tuple[PartialDate | None, PartialDate | None]:
    """How far the record reaches: the latest publication of any report recorded, and of any
    visit's letter (a visit recorded without it, by its own date). The national data of
    visits may end months before that of inspections."""
    reports: list[PartialDate] = []
    visits: list[PartialDate] = []
    for a in views:
        for i in a.inspections:
            if i.inspection.published:
                reports.append(i.inspection.published)
            if not i.graded:
                visits.append(i.inspection.published or i.date)
    return _newest(reports), _newest(visits)


def _newest(dates: list[PartialDate]) -> PartialDate | None:
    return max(dates, key=lambda d: (d.start, d.end)) if dates else None


class FeedWindow:
    """Of summaries arriving one by one, the events the site-wide feed may still show.

    The feed shows the FEED_EVENTS newest events of all authorities, by date, then address and key
    (render.feed). An event older than the FEED_EVENTS-th newest seen so far can never be
    among them: dropping it as each summary arrives keeps what a build holds to a few
    events per authority, however many authorities there are.
    """

    def __init__(self) -> None:
        self._newest: list[tuple[dt.date, str]] = []  # a min-heap of the newest seen

    def add(self, view: AuthorityView) -> AuthorityView:
        """The summary with only the events that may still be shown; it joins the window."""
        for event in view.timeline:  # newest first (summary() keeps them so)
            rank = feed_rank(view, event)
            if len(self._newest) < FEED_EVENTS:
                heapq.heappush(self._newest, rank)
            elif rank > self._newest[0]:
                heapq.heapreplace(self._newest, rank)
            else:
                break
        return self.trim(view)

    def trim(self, view: AuthorityView) -> AuthorityView:
        """The summary without the events that fell out of the window since it was added."""
        if len(self._newest) < FEED_EVENTS:
            return view
        floor = self._newest[0]
        kept = tuple(e for e in view.timeline if feed_rank(view, e) >= floor)
        return view if len(kept) == len(view.timeline) else dataclasses.replace(view, timeline=kept)


def feed_rank(view: AuthorityView, event: Event) -> tuple[dt.date, str]:
    """Where an event sorts in a feed, which lists the highest first."""
    # The feed's order: date, then the authority's address and the event's key, as its
    # entry's id has them (but for a renamed authority's, whose id keeps its first address).
    return (event.news.start, f"{view.slug}/{event.key}")


def _month(date: PartialDate) -> tuple[int, int]:
    return date.start.year, date.start.month
