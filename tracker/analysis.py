"""Figures no one else publishes, computed from the inspections on the site.

How long authorities judged inadequate took to reach "requires improvement" and
"good"; which are inadequate now, and for how long; how often a grade went down at the
next inspection; and how many authorities held each grade at the end of each quarter.

Grades are compared by their place on their own scale (0 is the best), so the 2009
scale's "adequate" counts as the 2013 scale's "requires improvement to be good". Only
inspections with one headline grade count, SLAC's two grades and the 2026 ILACS
inspections without an overall grade left out; but a recovery from inadequate reads one
with several headline grades by the lowest of them, as no inspection since April 2026
gives an overall grade. A date is when the outcome became known: the report's
publication, else the end of the visit. Everything here is a pure function of the
derived site.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from .dates import months_between
from .derive import MONITORING, AuthorityView, InspectionView, Judgement, SiteView
from .model import NO_GRADE, Frameworks, PartialDate

# Places on a four-point scale; requires improvement (2) is any place better than inadequate.
INADEQUATE, GOOD, OUTSTANDING = 3, 1, 0
FIRST_QUARTER = dt.date(2014, 3, 31)


@dataclass(frozen=True)
class Spread:
    values: tuple[int, ...]  # smallest first

    @property
    def n(self) -> int:
        return len(self.values)

    @property
    def median(self) -> float:
        return float(statistics.median(self.values))

    @property
    def low(self) -> int:
        return self.values[0]

    @property
    def high(self) -> int:
        return self.values[-1]


@dataclass(frozen=True)
class Recovery:
    """Episodes of an inadequate judgement, grouped by the framework that gave it."""

    era: str
    first_year: int
    last_year: int
    episodes: int
    # The era's inspections recorded here with a grade a spell reads (_judged): where few of a
    # framework's are recorded, its row is not national.
    graded: int
    to_ri: Spread | None  # months to at least requires improvement, for those that got there
    to_good: Spread | None
    not_yet_ri: int  # still waiting at the as-of date
    not_yet_good: int
    # The council abolished before it got there: not waiting, as no inspection can follow.
    abolished_ri: int
    abolished_good: int
    # Got to requires improvement, then judged inadequate again before good: not waiting
    # either, as that judgement, where it is an overall grade, begins a spell of its own.
    relapsed: int
    # Counting the spells still running too, which the medians leave out: how many spells
    # began at least WITHIN months before the as-of date (a council abolished before it got
    # there left out), and how many of them got there within WITHIN months.
    within_ri: tuple[int, int]
    within_good: tuple[int, int]


@dataclass(frozen=True)
class Inadequate:
    authority: AuthorityView
    since: PartialDate  # the first inadequate judgement of the unbroken run
    months: int


@dataclass(frozen=True)
class Changes:
    era: str  # the later inspection's framework, or "All" for the total
    pairs: int
    down: int
    same: int
    up: int
    # A grade at the bottom of its scale cannot go down, nor one at the top up: where most
    # pairs start at inadequate (re-inspections under SIF), "none went down" says nothing.
    could_go_down: int  # pairs whose earlier grade was above inadequate
    could_go_up: int  # pairs whose earlier grade was below outstanding


@dataclass(frozen=True)
class Quarter:
    end: dt.date
    counts: tuple[int, ...]  # by category: each place on the scale, then "no single grade", then "none yet"


@dataclass(frozen=True)
class Analysis:
    recoveries: tuple[Recovery, ...]
    inadequate_now: tuple[Inadequate, ...]
    # Inadequate at their last graded inspection, inspected since without a single grade.
    regraded_without_grade: tuple[AuthorityView, ...]
    # Judged inadequate on a headline judgement by a latest full inspection without a single grade.
    inadequate_in_part: tuple[InPart, ...]
    changes: tuple[Changes, ...]
    quarters: tuple[Quarter, ...]
    categories: tuple[tuple[str, str], ...]  # (key, label) of each quarter count: p0 (best) to p3, none, missing
    renamed: tuple[str, ...]  # the labels of places that scales name differently
    authorities: int
    dated_lives: int  # authorities whose page records when they were created or abolished
    with_history: int  # authorities with two or more full inspections on the site
    full_inspections: int

    def trends(self) -> list[Trend]:
        """How each category's count moved over the quarters, as the chart's description tells it."""
        out: list[Trend] = []
        for place, (_, label) in enumerate(self.categories if self.quarters else ()):
            counts = [q.counts[place] for q in self.quarters]
            highest = max(counts)
            out.append(Trend(label, counts[0], counts[-1], highest, self.quarters[counts.index(highest)].end))
        return out


@dataclass(frozen=True)
class Trend:
    label: str
    first: int
    last: int
    highest: int
    highest_at: dt.date  # the end of the first quarter with the highest count


def spread(values: list[int]) -> Spread | None:
    if not values:
        return None
    return Spread(tuple(sorted(values)))


def families(frameworks: Frameworks) -> dict[str, str]:
    """The framework of each inspection type: ILACS standard and short inspections count together."""
    groups: dict[str, list[str]] = {}
    for key, kind in frameworks.types.items():
        groups.setdefault(key.split("-")[0], []).append(kind.label)
    named = {}
    for key in frameworks.types:
        labels = groups[key.split("-")[0]]
        named[key] = labels[0] if len(labels) == 1 else labels[0].split(" ")[0]
    return named


# Each authority with its inspections and their places, oldest first: graded (_graded), as
# every figure below walks them, or judged (_judged), as recoveries do.
_Graded = list[tuple[AuthorityView, list[tuple[InspectionView, int]]]]


def _graded(judged: list[tuple[InspectionView, int]]) -> list[tuple[InspectionView, int]]:
    """Of an authority's judged inspections (_judged), those with a single headline grade on a known scale."""
    return [(view, place) for view, place in judged if read_by(view) == "overall"]


def lowest_headline(view: InspectionView) -> Judgement | None:
    """The lowest of an inspection's headline grades (the first of those alike): what the map
    shows of one with several and no overall one, and what a recovery counts of it."""
    graded = [j for j in view.headline if j.place is not None]
    return max(graded, key=lambda j: j.place or 0, default=None)


# A full inspection as a spell reads it, with its place on the scale: its overall grade's,
# else the lowest of its headline grades' (read_by says which).
_Judged = tuple[InspectionView, int]
# How a spell read an inspection's grade, as recoveries.csv says it.
Read = Literal["overall", "lowest"]


def read_by(view: InspectionView) -> Read:
    """Whether a spell reads the inspection by its overall grade, or by the lowest of its headline grades."""
    return "overall" if view.single is not None and view.single.place is not None else "lowest"


def _judged(a: AuthorityView) -> list[_Judged]:
    """Full inspections of the whole service with a grade a spell can read, oldest first: a
    single headline grade, else the lowest of several. From April 2026 no inspection gives an
    overall grade; read as none, every recovery since would wait for a grade that no
    inspection can give. One of part of the service (2012-13) is left out: read as the whole's,
    a looked after children inspection's inadequate began spells that took in a SIF one after."""
    out = []
    for view in reversed(a.full):
        if not view.type.whole_service:
            continue
        judgement = view.single if read_by(view) == "overall" else lowest_headline(view)
        if judgement is not None and judgement.place is not None:
            out.append((view, judgement.place))
    return out


def _day(date: PartialDate) -> dt.date:
    return date.start


def _ungraded_since(a: AuthorityView, graded: list[tuple[InspectionView, int]]) -> bool:
    """Whether the latest full inspection came after the last graded one and gave no single grade."""
    return a.latest is not None and bool(graded) and graded[-1][0] is not a.latest


# Why a spell has not got to a grade: still waiting, its council abolished first, or (to
# good) judged inadequate again first.
Unfinished = Literal["waiting", "abolished", "relapsed"]


@dataclass(frozen=True)
class Spell:
    """A run of inadequate judgements of one authority, from the first, and the full
    inspections that first judged it at least requires improvement, and at least good."""

    era: str  # the framework of the inspection that began it
    start: InspectionView
    ri: InspectionView | None
    good: InspectionView | None
    unfinished: Unfinished  # why one of the two not reached is not
    abolished: PartialDate | None  # when its council was, where that was by the as-of date

    @property
    def months_ri(self) -> int | None:
        return months_between(self.start.judged, self.ri.judged) if self.ri else None

    @property
    def months_good(self) -> int | None:
        return months_between(self.start.judged, self.good.judged) if self.good else None


def spells(judged: list[_Judged], family: dict[str, str], abolished: PartialDate | None) -> list[Spell]:
    """An authority's spells judged inadequate, oldest first; abolished: when it was, if by the as-of date.

    A spell is a run of inadequate judgements, from its first, each read as a recovery reads
    the judgements that end it: one judged inadequate in part with no overall grade (Trafford,
    2026) begins one, as it ended the spell before. Begun only at an overall grade, such a
    spell was in no count of those still waiting.
    """
    unfinished: Unfinished = "abolished" if abolished else "waiting"
    out = []
    for index, (inspection, place) in enumerate(judged):
        if place != INADEQUATE or (index and judged[index - 1][1] == INADEQUATE):
            continue  # not the start of a run of inadequate judgements
        run = list(itertools.takewhile(lambda j: j[1] == INADEQUATE, judged[index:]))
        after = judged[index + len(run) :]
        # The first better judgement ends the run, and good is looked for from there up to the
        # next inadequate one, which begins a spell of its own: across it, Medway's spell of
        # 2013 reached good in 2023, 120 months that counted its spell of 2019 too.
        ri = after[0][0] if after else None
        until = list(itertools.takewhile(lambda j: j[1] != INADEQUATE, after))
        good = next((i for i, p in until if p <= GOOD), None)
        why: Unfinished = "relapsed" if good is None and len(until) < len(after) else unfinished
        out.append(Spell(family[inspection.inspection.type], inspection, ri, good, why, abolished))
    return out


def authority_spells(a: AuthorityView, site: SiteView) -> list[Spell]:
    """An authority's spells, as the analysis counts them: the data tables' rows behind its figures."""
    return spells(_judged(a), families(site.frameworks), site.abolished_by_then(a))


# Four years: about the median time to requires improvement, and long enough ago that most
# spells of the SIF and of ILACS can be counted.
WITHIN = 48


def _within(found: list[Spell], months: Callable[[Spell], int | None], as_of: PartialDate) -> tuple[int, int]:
    """Of the spells begun at least WITHIN months before as_of, how many got there within WITHIN
    months; a spell whose council was abolished within them, before it got there, is left out:
    whether it would have is not known.

    Within is fewer whole months: 48 whole months and 15 days is past 4 years (Blackpool's, from
    17 January 2019 to 1 February 2023), and read as within them it made ILACS's share 85% for 70%.
    """

    def cut_short(s: Spell) -> bool:
        return months(s) is None and s.abolished is not None and months_between(s.start.judged, s.abolished) < WITHIN

    counted = [s for s in found if months_between(s.start.judged, as_of) >= WITHIN and not cut_short(s)]
    return len(counted), sum((m := months(s)) is not None and m < WITHIN for s in counted)


def _unfinished(found: list[Spell], why: Unfinished) -> tuple[int, int]:
    """How many spells, for this reason, did not get to requires improvement, and to good."""
    return (
        sum(s.ri is None and s.unfinished == why for s in found),
        sum(s.good is None and s.unfinished == why for s in found),
    )


def recoveries(
    authorities: _Graded,
    family: dict[str, str],
    abolished: Callable[[AuthorityView], PartialDate | None],
    as_of: PartialDate,
) -> tuple[Recovery, ...]:
    """Each era's spells of inadequate judgements and how long they took to end, from each
    authority with its judged inspections (_judged); abolished says (truly) of a council
    abolished by the as-of date (SiteView.abolished_by_then)."""
    groups: dict[str, list[Spell]] = {}  # by era
    counted: Counter[str] = Counter()
    for a, judged in authorities:
        counted.update(family[i.inspection.type] for i, _ in judged)
        for spell in spells(judged, family, abolished(a)):
            groups.setdefault(spell.era, []).append(spell)
    result = []
    for era in sorted(groups, key=lambda e: min(_day(s.start.judged) for s in groups[e])):
        found = groups[era]
        years = [s.start.judged.year for s in found]
        result.append(
            Recovery(
                era,
                min(years),
                max(years),
                len(found),
                counted[era],
                spread([m for s in found if (m := s.months_ri) is not None]),
                spread([m for s in found if (m := s.months_good) is not None]),
                *_unfinished(found, "waiting"),
                *_unfinished(found, "abolished"),
                _unfinished(found, "relapsed")[1],
                _within(found, lambda s: s.months_ri, as_of),
                _within(found, lambda s: s.months_good, as_of),
            )
        )
    return tuple(result)


def regraded_without_grade(authorities: _Graded) -> tuple[AuthorityView, ...]:
    return tuple(a for a, graded in authorities if _ungraded_since(a, graded) and graded[-1][1] == INADEQUATE)


def inadequate_now(authorities: _Graded, as_of: PartialDate) -> tuple[Inadequate, ...]:
    found = []
    for a, graded in authorities:
        run = a.held  # worked out on each call
        if not run or graded[-1][1] != INADEQUATE:
            continue
        since = run[-1].judged
        found.append(Inadequate(a, since, months_between(since, as_of)))
    return tuple(sorted(found, key=lambda x: (x.since.start, x.authority.slug)))


@dataclass(frozen=True)
class Holding:
    authority: AuthorityView
    run: tuple[InspectionView, ...]  # the unbroken run of full inspections that gave the grade, newest first
    months: int | None  # from its publication to the as-of date

    @property
    def since(self) -> InspectionView | None:
        """The first inspection of the run."""
        return self.run[-1] if self.run else None

    @property
    def before(self) -> InspectionView | None:
        """The full inspection before the run that gave a single headline grade: where the
        authority came to this grade from (None for a run as old as the record)."""
        if not self.run:
            return None
        full = self.authority.full
        first = next(n for n, view in enumerate(full) if view is self.run[-1])
        earlier = full[first + 1 :]
        return next((v for v in earlier if v.single is not None and v.single.place is not None), None)


def holding(view: SiteView, grade: str) -> tuple[Holding, ...]:
    """The authorities whose latest single headline grade is grade (NO_GRADE: no single grade), longest held first.

    The same authorities grade_counts counts, so that a count and its list agree.
    """
    as_of = view.as_of_day
    found = []
    for a in view.current:
        if (a.headline_grade or NO_GRADE) != grade:
            continue
        run = a.held  # worked out on each call
        found.append(Holding(a, run, months_between(run[-1].judged, as_of) if run else None))
    return tuple(sorted(found, key=lambda h: (h.since.judged.start if h.since else dt.date.max, h.authority.slug)))


@dataclass(frozen=True)
class OutOf:
    """An authority out of a grade: the last full inspection that gave it, and the one after,
    which did not; at_latest where that one is the latest."""

    authority: AuthorityView
    last: InspectionView
    after: InspectionView
    at_latest: bool


def out_of(view: SiteView, grade: str) -> tuple[OutOf, ...]:
    """The authorities once given grade as their single headline grade whose latest full
    inspection gave it to none of its headline judgements, newest way out first."""
    found = []
    for a in view.authorities:
        full = a.full  # newest first
        if not full or any(j.grade == grade for j in full[0].headline):
            continue
        held = next((k for k in range(1, len(full)) if _single(full[k]) == grade), None)
        if held is not None:
            found.append(OutOf(a, full[held], full[held - 1], held == 1))
    return tuple(sorted(found, key=lambda x: (-_day(x.after.judged).toordinal(), x.authority.slug)))


def _single(inspection: InspectionView) -> str | None:
    return inspection.single.grade if inspection.single else None


@dataclass(frozen=True)
class InPart:
    """An authority whose latest full inspection gave no single headline grade, and its judgements of one grade."""

    authority: AuthorityView
    judgements: tuple[Judgement, ...]


def in_part(view: SiteView, grade: str) -> tuple[InPart, ...]:
    """The authorities holding no single headline grade whose latest full inspection gave grade to a headline judgement.

    ILACS from April 2026 grades four judgements and gives no overall grade: an authority
    judged inadequate on two of them is counted under "no single overall grade", and
    would go unseen on the page for inadequate without this.
    """
    found = []
    for a in view.current:
        latest = a.latest
        if latest is None or latest.single is not None:
            continue
        given = tuple(j for j in latest.headline if j.grade == grade)
        if given:
            found.append(InPart(a, given))
    return tuple(found)


def grade_pages(view: SiteView) -> tuple[tuple[str, str, tuple[InPart, ...]], ...]:
    """(key, label, in_part) of each grade with a page: one the overview counts, or one given only in part."""
    counted = [(key, label) for key, label, _ in view.grade_counts]
    seen = {key for key, _ in counted}
    pages = [(key, label, in_part(view, key)) for key, label in counted]
    for key, label, _ in view.grades():
        if key not in seen and (part := in_part(view, key)):
            pages.append((key, label, part))
    return tuple(pages)


def changes(authorities: _Graded, family: dict[str, str]) -> tuple[Changes, ...]:
    tallies: dict[str, Counter[str]] = {}
    order: dict[str, dt.date] = {}
    for _, graded in authorities:
        for (_, before), (later, after) in itertools.pairwise(graded):
            era = family[later.inspection.type]
            tally = tallies.setdefault(era, Counter())
            tally["down" if after > before else "up" if after < before else "same"] += 1
            tally["could go down"] += before < INADEQUATE
            tally["could go up"] += before > OUTSTANDING
            order[era] = min(order.get(era, _day(later.judged)), _day(later.judged))
    rows = [
        Changes(
            era,
            t["down"] + t["same"] + t["up"],
            t["down"],
            t["same"],
            t["up"],
            t["could go down"],
            t["could go up"],
        )
        for era, t in sorted(tallies.items(), key=lambda item: order[item[0]])
    ]
    if len(rows) > 1:
        rows.append(
            Changes(
                "All",
                sum(r.pairs for r in rows),
                sum(r.down for r in rows),
                sum(r.same for r in rows),
                sum(r.up for r in rows),
                sum(r.could_go_down for r in rows),
                sum(r.could_go_up for r in rows),
            )
        )
    return tuple(rows)


def place_names(frameworks: Frameworks) -> list[list[str]]:
    """For each place on a scale, the grade names used for it, the newest scale's first:
    ["Requires improvement to be good", "Adequate"]."""
    names: list[list[str]] = []
    for scale in reversed(frameworks.scales.values()):  # the newest scale's names first
        for place, label in enumerate(scale.values()):
            while len(names) <= place:
                names.append([])
            if label not in names[place]:
                names[place].append(label)
    return names


def quarter_ends(first: dt.date, last: dt.date) -> list[dt.date]:
    ends: list[dt.date] = []
    year, quarter = first.year, (first.month - 1) // 3
    while True:
        month = quarter * 3 + 3
        end = dt.date(year, month, 30 if month in (6, 9) else 31)
        if end > last:
            return ends
        ends.append(end)
        year, quarter = (year + 1, 0) if quarter == 3 else (year, quarter + 1)


def quarters(view: SiteView, places: int) -> tuple[Quarter, ...]:
    none, missing = places, places + 1
    ends = quarter_ends(FIRST_QUARTER, view.as_of)
    counts = [[0] * (places + 2) for _ in ends]
    for a in view.authorities:
        au = a.authority
        created = au.created.start if au.created else None
        abolished = au.abolished.end if au.abolished else None
        # Oldest first before the sort, which keeps the order of a tie: two reports known the
        # same day leave the newer inspection last, the one a quarter counts, as "latest" does.
        known = sorted(
            (
                (_day(v.judged), v.single.place if v.single and v.single.place is not None else none)
                for v in reversed(a.full)
            ),
            key=lambda item: item[0],
        )
        days = [day for day, _ in known]
        for row, end in zip(counts, ends, strict=True):
            if (created and created > end) or (abolished and abolished < end):
                continue
            held = bisect.bisect_right(days, end)  # the inspections known by the quarter's end
            row[known[held - 1][1] if held else missing] += 1
    return tuple(Quarter(end, tuple(row)) for end, row in zip(ends, counts, strict=True))


def analyse(view: SiteView) -> Analysis:
    names = place_names(view.frameworks)
    labels = [" / ".join(named) for named in names]  # "Requires improvement to be good / Adequate"
    categories = (
        *((f"p{place}", label) for place, label in enumerate(labels)),
        ("none", "No single overall grade"),
        ("missing", "No inspection recorded yet"),
    )
    judged = [(a, _judged(a)) for a in view.authorities]
    graded = [(a, _graded(j)) for a, j in judged]
    # A former council's last grade is not where it stands.
    now = [(a, g) for a, g in graded if not view.abolished_by_then(a)]
    family = families(view.frameworks)
    return Analysis(
        recoveries=recoveries(judged, family, view.abolished_by_then, view.as_of_day),
        inadequate_now=inadequate_now(now, view.as_of_day),
        regraded_without_grade=regraded_without_grade(now),
        inadequate_in_part=in_part(view, "inadequate"),
        changes=changes(graded, family),
        quarters=quarters(view, len(labels)),
        categories=tuple(categories),
        renamed=tuple(label for label, named in zip(labels, names, strict=True) if len(named) > 1),
        authorities=len(view.authorities),
        dated_lives=sum(bool(a.authority.created or a.authority.abolished) for a in view.authorities),
        with_history=sum(len(g) >= 2 for _, g in graded),
        full_inspections=sum(len(a.full) for a in view.authorities),
    )


@dataclass(frozen=True)
class Period:
    """When an inspection type was in use, as frameworks.yaml gives it, and what the site records of it."""

    key: str
    label: str
    start: PartialDate | None  # in_use.from, else the first inspection recorded
    end: PartialDate | None  # in_use.to, else the last inspection recorded; None if nothing is known
    in_use_from: PartialDate | None
    in_use_to: PartialDate | None
    first: PartialDate | None  # the first and last inspections of the type on this site
    last: PartialDate | None
    recorded: int
    # Left out of the national data the site imports (monitoring visits): what is here
    # came from other sources, and its last date is not the type's last use.
    partial: bool = False
    # No end is known, and the last recorded here is over a year old, or none is: the bar
    # that ends there must not read as the type's end.
    open_end: bool = False


def periods(view: SiteView) -> tuple[Period, ...]:
    """Every inspection type, in the order they came into use."""
    dates: dict[str, list[PartialDate]] = {}
    for a in view.authorities:
        for i in a.inspections:
            dates.setdefault(i.inspection.type, []).append(i.date)
    out = []
    for key, kind in view.frameworks.types.items():
        seen = sorted(dates.get(key, []), key=lambda d: d.start)
        first, last = (seen[0], seen[-1]) if seen else (None, None)
        in_use = kind.in_use
        start = (in_use.from_ if in_use else None) or first
        end = (in_use.to if in_use else None) or last
        out.append(
            Period(
                key,
                kind.label,
                start,
                end,
                in_use.from_ if in_use else None,
                in_use.to if in_use else None,
                first,
                last,
                len(seen),
                key == MONITORING,
                # With none recorded here (JTAI), its start alone must not read as its end either.
                not (in_use and in_use.to) and (last is None or (view.as_of - last.end).days > 365),
            )
        )
    return tuple(sorted(out, key=lambda p: (p.start.start if p.start else dt.date.max, p.key)))
