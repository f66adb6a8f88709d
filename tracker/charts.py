"""Pictures as inline SVG, drawn at build time: no script, no external file, no font.

Each function returns markup for one picture. Colours come from the stylesheet
through a class per place on the grade scale (p0 is the best; `none` is no single
grade; `missing` is nothing recorded), so the pictures and the grade tags share one
palette, and every shape that carries a grade also carries its grade's initial, so
no picture relies on colour alone. Every picture sits beside a text or table
alternative on its page; the SVG says so in its accessible description.

Numbers are written with at most one decimal so the output is the same on every
machine.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from .analysis import Period, Quarter, lowest_headline, place_names
from .derive import AuthorityView, InspectionView, Judgement, Neighbour, SiteView, Standing
from .problems import together

HEX_RADIUS = 15.0
HEX_WIDTH = math.sqrt(3) * HEX_RADIUS
ROW_STEP = 1.5 * HEX_RADIUS


def n(value: float) -> str:
    """A coordinate: one decimal at most, no trailing zeros."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def category(view: InspectionView | None) -> str:
    single = view.single if view else None
    if view is None:
        return "missing"
    if single is None or single.place is None:
        return "none"
    return f"p{single.place}"


def initial(label: str | None) -> str:
    """The letter shown on a shape: the grade's initial, a dash for no single grade."""
    return label[0].upper() if label else "–"


def _hex_points() -> str:
    corners = []
    for k in range(6):
        angle = math.radians(60 * k - 30)
        corners.append(f"{n(HEX_RADIUS * math.cos(angle))},{n(HEX_RADIUS * math.sin(angle))}")
    return " ".join(corners)


@dataclass(frozen=True)
class Placed:
    x: float
    y: float
    name: str
    authority: AuthorityView | None


def hex_positions(view: SiteView) -> tuple[list[Placed], float, float]:
    """Each hex's centre, in reading order (north to south, west to east), and the map's size."""
    by_gss = {a.authority.codes.gss: a for a in view.current if a.authority.codes and a.authority.codes.gss}
    hexes = view.reference.hexes
    if not hexes:
        return [], 0.0, 0.0
    top = max(h.r for h in hexes)
    left = min(h.q for h in hexes)
    placed = []
    for h in sorted(hexes, key=lambda h: (-h.r, h.q)):
        x = HEX_WIDTH * (h.q - left + (0.5 if h.r % 2 else 0) + 0.5) + 2
        y = ROW_STEP * (top - h.r) + HEX_RADIUS + 2
        placed.append(Placed(x, y, h.name, by_gss.get(h.gss)))
    width = max(p.x for p in placed) + HEX_WIDTH / 2 + 2
    height = max(p.y for p in placed) + HEX_RADIUS + 2
    return placed, width, height


def unplaced(view: SiteView) -> list[AuthorityView]:
    """Authorities the map has no hex for: listed under it, so none goes missing."""
    placed = {h.gss for h in view.reference.hexes}
    return [a for a in view.current if not (a.authority.codes and a.authority.codes.gss in placed)]


def hexmap(view: SiteView, root: str, describe: str) -> Markup:
    """Every authority as a hex coloured by its latest headline grade, each a link to its page.

    describe: the id of the element that explains the map (its caption and alternative).
    """
    placed, width, height = hex_positions(view)
    if not placed:
        return Markup("")
    out = [
        f'<svg class="hexmap" viewBox="0 0 {n(width)} {n(height)}" width="{n(width * 1.5)}" '
        # Named: a screen reader otherwise finds an unnamed graphic of 153 links.
        f'height="{n(height * 1.5)}" aria-label="Map of the authorities, a hexagon each" '
        f'aria-describedby="{describe}">',
        f'<defs><polygon id="hx" points="{_hex_points()}"/></defs>',
    ]
    for p in placed:
        translate = f'transform="translate({n(p.x)} {n(p.y)})"'
        a = p.authority
        if a is None:
            out.append(f'<g {translate}><use href="#hx" class="missing"/></g>')
            continue
        single = a.latest.single if a.latest else None
        # Several headline grades and no overall one: drawn as the lowest of them, with a dot,
        # or a reader scanning the map for inadequate would pass an authority judged so in part.
        lowest = lowest_headline(a.latest) if a.latest and single is None else None
        shown = lowest or single
        if a.latest is None:
            said = "no inspection recorded"
        elif single is None:
            given = "; ".join(f"{j.short}: {j.grade_label}" for j in a.latest.headline)
            # The judgements last, in brackets: the name shown beside a focused hexagon leaves them out.
            said = "no single overall grade" + (f", lowest {lowest.grade_label}" if lowest else "")
            said += f" ({given})" if given else ""
        else:
            said = single.grade_label
        title = f"{a.name}: {said}"
        shade = f"p{lowest.place}" if lowest else category(a.latest)
        # Below the letter, clear of it: above it, it read as an accent (İ, Ġ). As large as
        # the hexagon's point leaves room for: at 2.5 it was hard to see, and a journalist
        # counted 12 red hexagons against 11 authorities judged inadequate.
        dot = '<circle class="lowest" cy="10.3" r="3.3"/>' if lowest else ""
        out.append(
            f'<a href="{root}authorities/{a.slug}/" {translate}><title>{escape(title)}</title>'
            f'<use href="#hx" class="{shade}"/>{dot}'
            f'<text class="{shade}" aria-hidden="true">'
            f"{escape(initial(shown.grade_label if shown else None))}</text></a>"
        )
    out.append("</svg>")
    return Markup("".join(out))


def map_legend(view: SiteView, categories: Sequence[tuple[str, str]]) -> Markup:
    """The map's key: each grade named as the latest inspections shown on it name it.

    The categories name each place on every scale the site knows (`Requires improvement
    to be good / Adequate`); the map shows only latest grades, and an older scale's name
    that none of them has would be a puzzle. A place no authority holds keeps its newest name.
    """
    newest = {f"p{place}": named[0] for place, named in enumerate(place_names(view.frameworks))}
    held: dict[str, list[str]] = {key: [] for key in newest}
    for a in view.current:
        s = a.standing
        if s.place is not None and s.grade_label and s.grade_label not in held[f"p{s.place}"]:
            held[f"p{s.place}"].append(s.grade_label)
    several = _several(view)
    items = [
        (key, " / ".join(held[key] or [newest[key]]) if key in newest else label)
        for key, label in categories
        # Grey only for one with no headline grade at all: the rest are drawn by their lowest.
        if key != "none" or any(lowest_headline(v) is None for v in several)
    ]
    if dotted(view):
        items.append(("lowest", "No single overall grade: shown by its lowest headline grade, with a dot"))
    return legend(items)


def _several(view: SiteView) -> list[InspectionView]:
    """The latest full inspections, of authorities in being, that gave no single overall grade."""
    return [a.latest for a in view.current if a.latest and a.latest.single is None]


def dotted(view: SiteView) -> bool:
    """Whether any hexagon is drawn by the lowest of several headline grades, with its dot."""
    return any(lowest_headline(v) for v in _several(view))


def legend(items: Iterable[tuple[str, str]], *, hatched: bool = False) -> Markup:
    """A key to the colours: (category, label) pairs, each with its letter; hatched, on paper, as a
    chart from stacked_quarters is."""
    out = ['<ul class="legend legend--hatched">' if hatched else '<ul class="legend">']
    for key, label in items:
        letter = {"none": "–", "visit": "▲", "visit-priority": "▲"}.get(key, "")
        letter = initial(label) if key.startswith("p") else letter
        out.append(
            f'<li><span class="legend__swatch legend__swatch--{key}" aria-hidden="true">{escape(letter)}</span>'
            f"{escape(label)}</li>"
        )
    out.append("</ul>")
    return Markup("".join(out))


# The bands whose grey on paper is too near another's: requires improvement (near good) and
# inadequate (near outstanding).
_HATCHED = ("p2", "p3")


def stacked_quarters(
    quarters: Sequence[Quarter], categories: Sequence[tuple[str, str]], title_id: str, desc_id: str
) -> Markup:
    """Authorities by grade at the end of each quarter, as stacked columns, best grade at the top."""
    if not quarters:
        return Markup("")
    bar, gap, left, top, plot = 10.0, 2.0, 34.0, 8.0, 180.0
    total = max(sum(q.counts) for q in quarters) or 1
    # To the next ten, as England's 153 authorities are drawn (to 160); a site of a few, to its
    # own count, which would otherwise fill half the chart.
    scale_max = math.ceil(total / 10) * 10 if total > 10 else total
    # The scale is on both sides: the chart opens scrolled to its latest quarters on a narrow
    # screen, where the left one is out of sight.
    end = left + len(quarters) * (bar + gap)
    width = end + left
    height = top + plot + 22
    # Printed in grey, requires improvement looks like good and inadequate like outstanding:
    # the stylesheet hatches those two bands on paper, from these patterns.
    hatch = {key: f"{title_id}-hatch-{key}" for key in _HATCHED}
    out = [
        # Never drawn smaller than its own units, whatever the stylesheet's least width: a
        # quarter more each season widens it, and its 12-unit words must stay 12 pixels.
        f'<svg class="chart" viewBox="0 0 {n(width)} {n(height)}" width="{n(width * 1.4)}" height="{n(height * 1.4)}" '
        f'style="min-width: {n(width)}px" role="img" aria-labelledby="{title_id}" aria-describedby="{desc_id}"><defs>',
        *(
            f'<pattern id="{pattern}" width="3" height="3" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><line class="hatch hatch--{key}" x1="0" y1="0" x2="0" y2="3"/></pattern>'
            for key, pattern in hatch.items()
        ),
        "</defs>",
    ]
    # Marks at round numbers, five at most beside 0: every 50 for England's authorities, every
    # one for a site of a few, whose scale had no mark but 0.
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if scale_max / s <= 5 or s == 1000)
    for tick in range(0, scale_max + 1, step):
        y = top + plot - plot * tick / scale_max
        out.append(f'<line class="grid" x1="{n(left)}" x2="{n(end)}" y1="{n(y)}" y2="{n(y)}"/>')
        out.append(f'<text class="axis" x="{n(left - 4)}" y="{n(y + 4)}" text-anchor="end">{tick}</text>')
        out.append(f'<text class="axis" x="{n(end + 4)}" y="{n(y + 4)}">{tick}</text>')
    # Drawn from the bottom: "none recorded" lowest, then no single grade, then the worst grade up to the best.
    order = list(range(len(categories)))[::-1]
    for index, q in enumerate(quarters):
        x = left + index * (bar + gap) + gap / 2
        y = top + plot
        for c in order:
            count = q.counts[c]
            if not count:
                continue
            h = plot * count / scale_max
            y -= h
            key, box = categories[c][0], f'x="{n(x)}" y="{n(y)}" width="{n(bar)}" height="{n(h)}"'
            out.append(f'<rect class="{key}" {box}/>')
            if key in hatch:
                out.append(f'<rect class="hatched" fill="url(#{hatch[key]})" {box}/>')
        if q.end.month == 3:
            out.append(f'<text class="axis" x="{n(x)}" y="{n(top + plot + 16)}">{"’" + str(q.end.year)[2:]}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def _x(date: dt.date, start: dt.date, end: dt.date, left: float, width: float) -> float:
    span = max((end - start).days, 1)
    return left + width * (date - start).days / span


_STRIP_WIDTH = 640
_LABEL_WIDTH = 48  # a year in the strip's largest axis font, with room to spare
_LETTER = 14  # the least width and height a segment's letter is written inside
_BESIDE = 20  # the width a letter takes beside the newest segment, in the strip's largest font


def _bands(v: InspectionView) -> list[tuple[str, str | None]]:
    """An inspection's bands on the strip, top to bottom: (category, grade).

    Several headline grades and no overall one (SLAC's two halves, ILACS from 2026): a band
    for each, rather than one grey block that hides them.
    """
    single = v.single
    if single is None and len(v.headline) > 1 and all(j.place is not None for j in v.headline):
        return [(f"p{j.place}", j.grade_label) for j in v.headline]
    return [(category(v), single.grade_label if single else None)]


def strip_legend(a: AuthorityView) -> Markup:
    """The strip's key: each grade its bands show, with its letter, best first."""
    shown = dict.fromkeys((c, label or "No single headline grade") for v in a.full for c, label in _bands(v))
    items = sorted(shown, key=lambda item: (item[0] == "none", item[0], item[1]))
    if any(v.priority for v in a.visits):
        # Told apart only where one is: a visit that found children at risk is not one more tick.
        items += [("visit", "A visit")] if not all(v.priority for v in a.visits) else []
        items += [("visit-priority", "A visit whose letter set areas for priority action")]
    return legend(items)


def judgement_strip(a: AuthorityView, as_of: dt.date, told: str) -> Markup:
    """An authority's full inspections as a bar over time, each grade holding until the next; visits as ticks.

    told is the picture's name for a screen reader: what it shows, in words (the caption
    names the figure and says how to read it).
    """
    full = sorted(a.full, key=lambda v: v.judged.start)
    if not full and not a.visits:
        return Markup("")
    dates = [v.judged.start for v in full] + [v.date.start for v in a.visits]
    start = dt.date(min(dates).year, 1, 1)
    left, width, bar_y, bar_h = 4.0, _STRIP_WIDTH - 8.0, 6.0, 30.0
    end = dt.date(as_of.year + 1, 1, 1)
    newest = full[-1] if full else None
    if (
        newest is not None
        and bar_h / len(_bands(newest)) >= _LETTER  # bands too thin for a letter have none anywhere
        and _x(as_of, start, end, left, width) - _x(newest.judged.start, start, end, left, width) < _LETTER
    ):
        # Room after the as-of date for the newest grade's letter, beside a segment too short
        # to hold it: the grade readers look for first was a sliver with no letter for months
        # after its report (in December, the year's end left it no room).
        room = math.ceil(_BESIDE * (as_of - start).days / (width - _BESIDE))
        end = max(end, as_of + dt.timedelta(days=room))
    out = [
        f'<svg class="strip" viewBox="0 0 {_STRIP_WIDTH} 78" width="{_STRIP_WIDTH}" height="78" role="img" '
        f'aria-label="{escape(told)}">'
    ]
    for index, v in enumerate(full):
        x1 = _x(v.judged.start, start, end, left, width)
        until = full[index + 1].judged.start if index + 1 < len(full) else as_of
        x2 = _x(until, start, end, left, width)
        bands = _bands(v)
        band_h = bar_h / len(bands)
        gaps = "".join(f"M{n(x1)} {n(bar_y + k * band_h)}h{n(max(x2 - x1, 2))}" for k in range(1, len(bands)))
        for k, (c, label) in enumerate(bands):
            y = bar_y + k * band_h
            out.append(f'<rect class="{c}" x="{n(x1)}" y="{n(y)}" width="{n(max(x2 - x1, 2))}" height="{n(band_h)}"/>')
            baseline = n(y + band_h / 2 + 4 + len(bands) % 2)
            if x2 - x1 >= _LETTER and band_h >= _LETTER:
                # In the middle: on a phone the strip opens at its right end, and a long
                # segment's start may be out of sight.
                out.append(
                    f'<text class="{c}" x="{n((x1 + x2) / 2)}" y="{baseline}" '
                    f'text-anchor="middle">{escape(initial(label))}</text>'
                )
            elif index == len(full) - 1 and band_h >= _LETTER:
                out.append(f'<text class="axis" x="{n(x2 + 3)}" y="{baseline}">{escape(initial(label))}</text>')
        if gaps:
            # A white line between bands, so that two of one grade still read as two.
            out.append(f'<path class="gap" d="{gaps}"/>')
        if index:
            out.append(f'<path class="change" d="M{n(x1)} {n(bar_y)}v{n(bar_h)}"/>')
    for v in a.visits:
        x = _x(v.date.start, start, end, left, width)
        # Larger as well as red: told apart where a contrast theme draws every mark alike.
        mark = ("visit visit--priority", "l5.5 11h-11z") if v.priority else ("visit", "l4 8h-8z")
        out.append(f'<path class="{mark[0]}" d="M{n(x)} {n(bar_y + bar_h + 3)}{mark[1]}"/>')
    tick = bar_y + bar_h + 12
    ticks = []
    for year in range(start.year, end.year + 1):
        x = _x(dt.date(year, 1, 1), start, end, left, width)
        ticks.append(f"M{n(x)} {n(tick)}v4")
        if ((end.year - start.year) <= 12 or year % 2 == 0) and year < end.year:
            # The latest year, the one readers look for first, may start too near the right
            # edge for its width (bold 16px on a phone): it then ends at the edge instead.
            at = (
                f'x="{n(x + 2)}"'
                if x + 2 + _LABEL_WIDTH <= _STRIP_WIDTH
                else f'x="{_STRIP_WIDTH - 2}" text-anchor="end"'
            )
            out.append(f'<text class="axis" {at} y="{n(tick + 18)}">{year}</text>')
    # One path for every year's tick: the same picture in a fraction of the markup.
    out.append(f'<path class="grid" d="{"".join(ticks)}"/>')
    out.append("</svg>")
    return Markup("".join(out))


def neighbour_bar(neighbours: Sequence[Neighbour]) -> Markup:
    """One square per statistical neighbour, closest first, coloured by its latest grade.

    A picture of the table below it, for a glance: hidden from screen readers (the figure is
    `aria-hidden`), who hear the grades counted before it and each neighbour, named, in the
    table, not ten grades without their authorities' names.
    """
    if not neighbours:
        return Markup("")
    size, gap = 30.0, 4.0
    width = len(neighbours) * (size + gap)
    out = [f'<svg class="squares" viewBox="0 0 {n(width)} {n(size)}" width="{n(width)}" height="{n(size)}">']
    for index, neighbour in enumerate(neighbours):
        s = neighbour.standing
        key = "missing" if s is None else "none" if s.place is None else f"p{s.place}"
        x = index * (size + gap)
        # Named for a pointer's tooltip, as the map's hexagons are: the figure itself is hidden
        # from screen readers, which have the table.
        named = f"<title>{escape(f'{s.name}: {_standing_words(s)}')}</title>" if s is not None else ""
        out.append(f'<g><rect class="{key}" x="{n(x)}" y="0" width="{n(size)}" height="{n(size)}"/>{named}')
        letter = initial(s.grade_label) if s is not None else ""
        if letter:
            out.append(
                f'<text class="{key}" x="{n(x + size / 2)}" y="{n(size / 2 + 5)}" text-anchor="middle">'
                f"{escape(letter)}</text>"
            )
        out.append("</g>")
    out.append("</svg>")
    return Markup("".join(out))


def neighbour_tally(neighbours: Sequence[Neighbour]) -> str:
    """How many neighbours hold each latest grade, best first, in words: "4 good, 3 requires
    improvement to be good and 1 with no single overall grade"."""
    placed: list[tuple[str, int]] = []
    for x in neighbours:
        s = x.standing
        words = _standing_words(s)
        if s is not None and s.place is None:
            words = f"with {words}"  # "1 with no single overall grade"
        # Grades by their place on the scale, then the rest.
        placed.append((words, 12 if s is None else s.place if s.place is not None else 10 if s.judged else 11))
    return together([f"{count} {words}" for words, count in _counted(placed)])


def judgement_tally(judgements: Sequence[Judgement]) -> str:
    """An inspection's headline grades, best first, as the neighbours' tally gives theirs: "its 4
    judgements: 1 good, 1 requires improvement to be good and 2 inadequate"; "all 4 good"."""
    counted = _counted([(j.grade_label.lower(), 10 if j.place is None else j.place) for j in judgements])
    if len(counted) == 1:
        return f"all {len(judgements)} {counted[0][0]}"
    return f"its {len(judgements)} judgements: {together([f'{count} {words}' for words, count in counted])}"


def _counted(placed: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """Each grade's words with how many hold it, by its place (given with each: the best first)."""
    counts: dict[str, int] = {}
    order: dict[str, int] = {}
    for words, place in placed:
        counts[words] = counts.get(words, 0) + 1
        order[words] = place
    return [(words, counts[words]) for words in sorted(counts, key=lambda w: order[w])]


def _standing_words(s: Standing | None) -> str:
    """A neighbour's latest grade as the table of neighbours words it."""
    if s is None:
        return "not on this site"
    if s.grade_label:
        return s.grade_label.lower()
    return "no single overall grade" if s.judged else "no inspection recorded"


def chronology(periods: Sequence[Period], as_of: dt.date, label_id: str) -> Markup:
    """Each inspection type as a bar across the years it was in use."""
    periods = [p for p in periods if p.start is not None]
    if not periods:
        return Markup("")
    first = min(p.start.start for p in periods if p.start)
    start = dt.date(first.year, 1, 1)
    end = dt.date(as_of.year + 1, 1, 1)
    left, width, row = 4.0, 632.0, 22.0
    height = row * len(periods) + 24
    out = [
        f'<svg class="chart" viewBox="0 0 640 {n(height)}" width="960" height="{n(height * 1.5)}" '
        f'role="img" aria-labelledby="{label_id}">'
    ]
    for index, p in enumerate(periods):
        y = index * row + 2
        assert p.start is not None
        x1 = _x(p.start.start, start, end, left, width)
        x2 = _x(min(p.end.end if p.end else p.start.end, as_of), start, end, left, width)
        out.append(f'<rect class="period" x="{n(x1)}" y="{n(y)}" width="{n(max(x2 - x1, 3))}" height="{n(row - 6)}"/>')
        after = x2  # where a label placed after the bar starts
        if p.open_end:
            # With none recorded, nothing says when it was last used: the line runs to the day.
            today = _x(as_of, start, end, left, width)
            after = today if not p.recorded else min(x2 + 24, today)
        # Said beside the name where the two fit as the name alone would: inside its bar, where a
        # narrow screen, which opens at the latest years, sees it, else after or before it.
        label, told = p.label, f"{p.label}, none recorded"
        told_inside, told_beside = x2 - x1 > 8 * len(told), 8 * len(told) <= max(636 - after, x1 - 4)
        if not p.recorded and (told_inside or (x2 - x1 <= 8 * len(label) and told_beside)):
            label = told
        inside = x2 - x1 > 8 * len(label)
        # Inside a bar, its label ends where the bar ends: the chart opens at the latest years
        # on a narrow screen, where a label at the start of a long bar was cut off.
        tx, anchor = (x2 - 4, ' text-anchor="end"') if inside else (after + 4, "")
        line_from = x2
        if not inside and tx > 640 - 8 * len(label):
            if x1 - 4 >= 8 * len(label):
                tx, anchor = x1 - 4, ' text-anchor="end"'
            else:
                # Room neither after its line, which runs to the day, nor before it (a type begun
                # in 2012, of a chart from 2009): between the bar and its line, which starts later.
                tx, line_from = x2 + 4, x2 + 6.5 * len(label) + 10  # about as wide as such a label is drawn
        if p.open_end and after > line_from:
            mid = n(y + (row - 6) / 2)
            out.append(f'<line class="period-open" x1="{n(line_from)}" y1="{mid}" x2="{n(after)}" y2="{mid}"/>')
        kind = "period-label" if inside else "axis"
        out.append(f'<text class="{kind}" x="{n(tx)}" y="{n(y + row - 11)}"{anchor}>{escape(label)}</text>')
    for year in range(start.year, end.year + 1, 2):
        x = _x(dt.date(year, 1, 1), start, end, left, width)
        if x + 32 <= 640:  # a label that would run off the picture is left out
            out.append(f'<text class="axis" x="{n(x)}" y="{n(height - 4)}">{year}</text>')
    out.append("</svg>")
    return Markup("".join(out))
