"""Derive stage: what readers see that no editor writes down.

Recommendation status, overdue and slipped actions, the event timeline, the headline
grade and plan progress of each authority. Everything here is a pure function of the
validated content and the as-of date.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from .model import (
    Action,
    Authority,
    Content,
    Frameworks,
    Inspection,
    InspectionType,
    PartialDate,
    Plan,
    Site,
    Source,
    Update,
)

RecStatus = Literal["met", "in-progress", "no-action"]
REC_STATUS_LABEL: dict[str, str] = {"met": "Met", "in-progress": "In progress", "no-action": "No action recorded"}
ACTION_STATUS_LABEL: dict[str, str] = {
    "not-started": "Not started",
    "on-track": "On track",
    "at-risk": "At risk",
    "off-track": "Off track",
    "done": "Done",
}


@dataclass(frozen=True)
class DueMove:
    date: PartialDate
    before: PartialDate | None
    after: PartialDate
    note: str


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
    responds_to: tuple[str, ...]  # anchors of the recommendations it answers

    @property
    def status_label(self) -> str:
        return ACTION_STATUS_LABEL[self.status]


@dataclass(frozen=True)
class Judgement:
    key: str
    label: str
    grade: str
    grade_label: str
    headline: bool


@dataclass(frozen=True)
class RecommendationView:
    inspection: Inspection
    text: str
    id: str
    anchor: str
    wording: str
    timescale: str | None
    due: PartialDate | None
    status: RecStatus
    actions: tuple[ActionView, ...]
    sources: tuple[Source, ...]

    @property
    def status_label(self) -> str:
        return REC_STATUS_LABEL[self.status]


@dataclass(frozen=True)
class InspectionView:
    inspection: Inspection
    type: InspectionType
    anchor: str
    judgements: tuple[Judgement, ...]
    recommendations: tuple[RecommendationView, ...]
    unlisted: int  # stated total minus those listed
    sources: tuple[Source, ...]

    @property
    def graded(self) -> bool:
        return self.type.graded

    @property
    def headline(self) -> tuple[Judgement, ...]:
        return tuple(j for j in self.judgements if j.headline)


@dataclass(frozen=True)
class Event:
    date: PartialDate
    kind: Literal["inspection", "visit", "plan", "delivery", "update"]
    title: str
    anchor: str  # where on the page the full entry is
    detail: str = ""


@dataclass(frozen=True)
class PlanView:
    plan: Plan
    anchor: str
    current: bool
    workstreams: tuple[tuple[str | None, str | None, tuple[ActionView, ...]], ...]  # (id, title, actions)
    actions: tuple[ActionView, ...]
    sources: tuple[Source, ...]
    responds_to: tuple[InspectionView, ...]

    @property
    def done(self) -> int:
        return sum(a.status == "done" for a in self.actions)

    @property
    def overdue(self) -> int:
        return sum(a.overdue for a in self.actions)


@dataclass(frozen=True)
class AuthorityView:
    slug: str
    authority: Authority
    inspections: tuple[InspectionView, ...]  # newest first
    plans: tuple[PlanView, ...]  # newest first
    timeline: tuple[Event, ...]  # newest first
    latest: InspectionView | None  # the latest graded inspection
    current_plan: PlanView | None
    history_recorded: bool
    last_changed: dt.date | None
    sources: dict[str, Source]

    @property
    def name(self) -> str:
        return self.authority.name

    def cite(self, ids: list[str]) -> list[Source]:
        return [self.sources[i] for i in ids]

    @property
    def headline_grade(self) -> str | None:
        """The single headline grade key, when the latest graded inspection has one."""
        if self.latest is None or len(self.latest.headline) != 1:
            return None
        return self.latest.headline[0].grade

    @property
    def overdue(self) -> int:
        return sum(p.overdue for p in self.plans if p.plan.closed is None)


@dataclass(frozen=True)
class SiteView:
    site: Site
    frameworks: Frameworks
    as_of: dt.date
    authorities: tuple[AuthorityView, ...]  # by name

    def grade_label(self, scale: str | None, grade: str) -> str:
        return self.frameworks.scales.get(scale or "", {}).get(grade, grade)

    @property
    def regions(self) -> list[str]:
        return sorted({a.authority.region for a in self.authorities if a.authority.region})

    @property
    def grade_order(self) -> list[str]:
        """Grades of every scale, best first: a grade ranks by its place in its scale."""
        places: dict[str, int] = {}
        for scale in self.frameworks.scales.values():
            for place, grade in enumerate(scale):
                places[grade] = min(place, places.get(grade, place))
        return sorted(places, key=lambda g: places[g])

    def grade_rank(self, grade: str | None) -> int:
        order = self.grade_order
        return order.index(grade) if grade in order else len(order)

    def grade_counts(self) -> list[tuple[str, str, int]]:
        """(grade key, label, count) of latest headline grades, best grade first."""
        counts = Counter(a.headline_grade or "" for a in self.authorities)
        labels = {g: label for scale in self.frameworks.scales.values() for g, label in scale.items()}
        rows = [(g, labels[g], counts[g]) for g in self.grade_order if counts[g]]
        if counts[""]:
            rows.append(("none", "No single overall grade", counts[""]))
        return rows


def is_overdue(due: PartialDate | None, status: str, as_of: dt.date) -> bool:
    """Not done and its current due date (a month-only date counts as the month's end) has passed."""
    return due is not None and status != "done" and due.end < as_of


def _action(plan: Plan, action: Action, workstreams: dict[str, str], as_of: dt.date) -> ActionView:
    moves = []
    due = action.due
    for update in action.updates:
        if update.due is not None and update.due != due:
            moves.append(DueMove(update.date, due, update.due, update.note))
            due = update.due
    status = action.current_status
    return ActionView(
        plan=plan,
        action=action,
        anchor=f"action-{plan.id}-{action.id}",
        workstream=workstreams.get(action.workstream or ""),
        status=status,
        due_original=action.due,
        due=due,
        overdue=is_overdue(due, status, as_of),
        moves=tuple(moves),
        responds_to=tuple(f"rec-{ref.replace('/', '-')}" for ref in action.responds_to),
    )


def _rec_status(actions: list[ActionView]) -> RecStatus:
    if not actions:
        return "no-action"
    return "met" if all(a.status == "done" for a in actions) else "in-progress"


def _sort_key(date: PartialDate) -> tuple[int, int, int]:
    return (date.year, date.month, date.day or 0)


def derive_authority(
    slug: str, a: Authority, frameworks: Frameworks, as_of: dt.date, last_changed: dt.date | None = None
) -> AuthorityView:
    sources = {s.id: s for s in a.sources}

    plans_actions: list[tuple[Plan, list[ActionView]]] = []
    by_rec: dict[str, list[ActionView]] = {}
    for plan in a.plans:
        titles = {w.id: w.title for w in plan.workstreams}
        views = [_action(plan, action, titles, as_of) for action in plan.actions]
        plans_actions.append((plan, views))
        for view in views:
            for ref in view.action.responds_to:
                by_rec.setdefault(ref, []).append(view)

    inspections: list[InspectionView] = []
    for inspection in a.inspections:
        kind = frameworks.types[inspection.type]
        scale = frameworks.scales.get(kind.scale or "", {})
        judgements = tuple(
            Judgement(key, kind.judgement_label(key), grade, scale.get(grade, grade), key in kind.headline)
            for key, grade in sorted(
                inspection.judgements.items(),
                key=lambda item: (item[0] not in kind.headline, list(kind.judgements).index(item[0])),
            )
        )
        recs = []
        for rec in inspection.recommendations:
            ref = f"{inspection.id}/{rec.id}"
            actions = by_rec.get(ref, [])
            recs.append(
                RecommendationView(
                    inspection=inspection,
                    text=rec.text,
                    id=rec.id,
                    anchor=f"rec-{inspection.id}-{rec.id}",
                    wording=rec.wording,
                    timescale=rec.timescale,
                    due=rec.due,
                    status=_rec_status(actions),
                    actions=tuple(actions),
                    sources=tuple(sources[s] for s in rec.sources),
                )
            )
        unlisted = max(0, (inspection.recommendation_count or 0) - len(recs))
        inspections.append(
            InspectionView(
                inspection,
                kind,
                f"inspection-{inspection.id}",
                judgements,
                tuple(recs),
                unlisted,
                tuple(sources[s] for s in inspection.sources),
            )
        )
    inspections.sort(key=lambda v: (_sort_key(v.inspection.date), v.inspection.id), reverse=True)
    by_id = {v.inspection.id: v for v in inspections}

    open_plans = [p for p, _ in plans_actions if p.closed is None]
    current = open_plans[-1] if open_plans else None
    plans = []
    for plan, views in plans_actions:
        groups: list[tuple[str | None, str | None, tuple[ActionView, ...]]] = [
            (w.id, w.title, tuple(v for v in views if v.action.workstream == w.id)) for w in plan.workstreams
        ]
        loose = tuple(v for v in views if v.action.workstream is None)
        if loose:
            groups.append((None, None, loose))
        plans.append(
            PlanView(
                plan,
                f"plan-{plan.id}",
                plan is current,
                tuple(groups),
                tuple(views),
                tuple(sources[s] for s in plan.sources),
                tuple(by_id[i] for i in plan.in_response_to),
            )
        )

    timeline = _timeline(a, inspections, plans)
    latest = next((v for v in inspections if v.graded), None)
    # An authority whose every inspection came from a bulk import has only its latest on record.
    imported = [v for v in inspections if all(s.via for s in v.sources)]
    history_recorded = bool(inspections) and len(imported) < len(inspections)
    return AuthorityView(
        slug,
        a,
        tuple(inspections),
        tuple(reversed(plans)),
        timeline,
        latest,
        next((p for p in plans if p.current), None),
        history_recorded,
        last_changed,
        sources,
    )


def _timeline(a: Authority, inspections: list[InspectionView], plans: list[PlanView]) -> tuple[Event, ...]:
    events: list[tuple[tuple[int, int, int], int, str, Event]] = []

    def add(date: PartialDate, order: int, event: Event) -> None:
        events.append((_sort_key(date), order, event.anchor, event))

    for view in inspections:
        i = view.inspection
        grades = ", ".join(f"{j.label}: {j.grade_label}" for j in view.headline)
        title = view.type.label + (f" ({grades})" if grades else "")
        add(i.date, 3, Event(i.date, "inspection" if view.graded else "visit", title, view.anchor, i.focus or ""))
    for d in a.delivery:
        add(d.from_, 0, Event(d.from_, "delivery", f"Services delivered by {d.by}", "delivery", d.note or ""))
    for plan_view in plans:
        plan = plan_view.plan
        if plan.adopted:
            add(plan.adopted, 1, Event(plan.adopted, "plan", f"{plan.title} adopted", plan_view.anchor))
        if plan.closed:
            add(plan.closed, 1, Event(plan.closed, "plan", f"{plan.title} closed", plan_view.anchor))
        for action in plan_view.actions:
            for update in action.action.updates:
                add(update.date, 2, Event(update.date, "update", _update_title(action, update), action.anchor))
    events.sort(key=lambda e: e[:3], reverse=True)
    return tuple(e[3] for e in events)


def _update_title(action: ActionView, update: Update) -> str:
    parts = [f"Update to action {action.action.id}: {action.action.title}"]
    if update.status:
        parts.append(f"status {ACTION_STATUS_LABEL[update.status].lower()}")
    if update.due:
        parts.append(f"due date moved to {update.due}")
    return "; ".join(parts)


def derive(content: Content, as_of: dt.date, last_changed: dict[str, dt.date] | None = None) -> SiteView:
    last_changed = last_changed or {}
    views = [
        derive_authority(slug, a, content.frameworks, as_of, last_changed.get(slug))
        for slug, a in content.authorities.items()
    ]
    # By slug, the place name: "City of Bristol" belongs under B.
    views.sort(key=lambda v: v.slug)
    return SiteView(content.site, content.frameworks, as_of, tuple(views))
