"""Render stage: pure functions from the derived model to files (path: bytes).

Nothing here reads content or writes the site: pages are returned for write.py to place,
templates are read from theme.py's folders (their compiled code kept in the build's
cache), and each authority renders on its own (render_authority), so a build can
run authorities in parallel or only the changed ones: an authority's page uses its own
derived view and, for its statistical neighbours, their small Standing summaries.
Internal links are relative (`root` is the way back to the site's top) so the site
works under any sub-path; base_url is used only for absolute URLs.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import functools
import html
import io
import json
import os
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal, get_args
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from . import charts
from .analysis import (
    WITHIN,
    Read,
    Unfinished,
    analyse,
    authority_spells,
    grade_pages,
    holding,
    out_of,
    periods,
    read_by,
)
from .cache import Cache, code_digest, digest
from .dates import date_range, human_date, month_year, months_between
from .derive import (
    ACTION_STATUS_LABEL,
    FEED_EVENTS,
    MONITORING,
    QUIET_MONTHS,
    REC_STATUS_LABEL,
    AuthorityView,
    Direction,
    Event,
    PlanStanding,
    PlanView,
    RecStatus,
    SiteView,
    feed_rank,
    in_sentence,
    note_anchor,
)
from .model import (
    OFSTED_LISTING,
    REGION_CODES,
    Action,
    Inspection,
    Note,
    PartialDate,
    Recommendation,
    Status,
    Timescale,
)
from .plain import spell_out
from .problems import together
from .reference import GSS
from .text import render_inline, render_markdown

Files = dict[str, bytes]


def xml_escape(text: str) -> str:
    """&, < and > escaped, for the feed's text and its double-quoted addresses; and any
    character XML does not allow left out, whatever a text was made of.

    As xml.sax.saxutils.escape does, without importing it: it brings in urllib.request,
    http.client and email, about 10 ms of every build's start.
    """
    return _NOT_XML.sub("", html.escape(text, quote=False))


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# What each grade means for children, in plain words; shown wherever grades are explained.
GRADE_MEANING = {
    # Said of the grade, not of an authority: the report says what inspectors found there.
    "outstanding": "Ofsted's highest grade, given where help, protection and care make an exceptional "
    "difference to children's lives.",
    "good": "Given where children get the help, protection and care they need, and it makes a real difference to "
    "their lives.",
    "requires-improvement": "Not yet good: given where no widespread or serious failures leave children harmed or "
    "at risk of harm, but help, protection or care is not yet good enough.",
    "adequate": "The grade below good in inspections before November 2013, when the single inspection "
    "framework put “requires improvement” in its place: not yet good.",
    "inadequate": "Ofsted's lowest grade, given where widespread or serious failures leave children harmed or at "
    "risk of harm.",
}
# What follows a grade, on the page that explains the grades (the report card has no room for it).
GRADE_AFTER = {
    "inadequate": "The Department for Education usually intervenes, and Ofsted visits regularly until it inspects "
    "again.",
}
PAGES = {
    "overview": "",
    "authorities": "authorities/",
    "frameworks": "frameworks/",
    "analysis": "analysis/",
    "about": "about/",
    "accessibility": "accessibility/",
}
NAV = (
    ("overview", "Overview"),
    ("authorities", "All authorities"),
    ("frameworks", "Grades and inspections explained"),
    ("analysis", "Analysis"),
    ("about", "About and data"),
    ("accessibility", "Accessibility"),
)


def visit_dates(inspection: Inspection) -> str:
    """The days of a visit as a reader says them: each part's, for a visit in parts ("30 September
    to 11 October 2024 and 13 to 16 January 2025")."""
    parts = inspection.visit_parts or ((inspection.visit_start, inspection.visit_end),)
    return together([date_range(start, end) for start, end in parts])


def visit_months(inspection: Inspection) -> str:
    """The month a visit began, or the month each part of a visit in parts began: "September
    2024 and January 2025", not a first month that hides the rest."""
    starts: list[PartialDate | None] = [start for start, _ in inspection.visit_parts] or [inspection.visit_start]
    return together(list(dict.fromkeys(month_year(start) for start in starts if start)))


def iso(value: PartialDate | dt.date | None) -> str:
    return "" if value is None else (value.isoformat() if isinstance(value, dt.date) else str(value))


def months(count: float) -> str:
    whole = int(count)
    shown = str(whole) if count == whole else f"{count:.1f}"
    return f"{shown} month" + ("" if count == 1 else "s")


def duration(count: int) -> str:
    """Months as a reader says them: "2 years and 3 months", "11 months", "less than a month"."""
    if count == 0:
        return "less than a month"
    years, rest = divmod(count, 12)
    parts = []
    if years:
        parts.append(f"{years} year" + ("s" if years > 1 else ""))
    if rest or not years:
        parts.append(months(rest))
    return " and ".join(parts)


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"  # 2,598: commas above 999, as GOV.UK writes


def in_page_links(pairs: Sequence[tuple[str, str]]) -> Markup:
    """Each (words, anchor) linked to its place on the page, joined as a sentence joins them:
    "A1, A2 and A3". A run of a plan's updates names dozens: a loop in the template took a
    twelfth of a synthetic page's rendering."""
    # Joined as plain strings, each link escaped already: a Markup joined to a str escapes the str.
    return Markup(together([str(Markup('<a href="#{}">{}</a>').format(anchor, words)) for words, anchor in pairs]))


def between(loop: jinja2.runtime.LoopContext, last: str = "and") -> str:
    """What follows an item of a template's loop that writes its items as a sentence does: "A, B and C"."""
    return ", " if loop.revindex > 2 else f" {last} " if loop.revindex == 2 else ""


def _times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"


def moved(count: int, late: int) -> str:
    """How often an action's due date moved, and how often once it had passed (late of them):
    "Moved twice, both after it had passed", "Moved 3 times (twice after it had passed)"."""
    said = f"Moved {_times(count)}"
    if late and late == count:
        every = "" if late == 1 else " both" if late == 2 else " all"
        return f"{said},{every} after it had passed"
    return said + (f" ({_times(late)} after it had passed)" if late else "")


def grade_class(place: int | None) -> str:
    return "none" if place is None else f"p{place}"


def source_label(source: Any) -> str:
    """A source named short, for citing in a sentence: its publisher and date, else its title.

    Never the publisher alone: one council publishes many documents, and links that read
    the same must lead to the same place (WCAG 2.4.4).
    """
    if source.publisher and source.published:
        said = f"{source.publisher}, {human_date(source.published)}"
        # A letter whose own address is not known links to Ofsted's list of the council's
        # reports: a link named as the letter would promise the letter itself.
        return f"{said}, listed on Ofsted's page of the council's reports" if _a_listing(source) else said
    return str(source.title)


def is_pdf(url: str) -> bool:
    """Whether a link leads to a PDF, which a reader on a phone or a screen reader is told
    before opening it: Ofsted's files of reports and letters are, as is an address ending `.pdf`."""
    return url.startswith("https://files.ofsted.gov.uk/") or urlsplit(url).path.lower().endswith(".pdf")


@functools.lru_cache(maxsize=1024)
def opening(text: str) -> str:
    """A point's first words, as the plan's table links it from each action answering it: its
    Markdown as plain text, cut at the last space in its first 39 characters, "…" added (as
    Jinja's `truncate(40, end="…")` cuts, keeping whole a text at most 5 characters over),
    without the punctuation the cut left before it ("practice,…" read as a second point).

    Cut once a process, whatever the number of actions answering the point.
    """
    plain = Markup(render_inline(text)).striptags()
    return plain if len(plain) <= 45 else plain[:39].rsplit(" ", 1)[0].rstrip(",;:–—-(") + "…"


def _a_listing(source: Any) -> bool:
    return str(source.url).startswith(OFSTED_LISTING)


_CSS_PLAIN = frozenset(" ,.:'()-&’")


def breakable_url(url: str) -> Markup:
    """A web address printed in a narrow column, with a line break allowed before each slash of
    its path: where a reader copying it by hand expects one, instead of inside a number."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        scheme, rest = "", url
    return Markup(html.escape(scheme + sep) + "<wbr>/".join(html.escape(part) for part in rest.split("/")))


def css_string(text: str) -> Markup:
    """Text as the inside of a double-quoted CSS string in a <style> element.

    Every character that could end the string, the line or the element (a quote, a
    backslash, a line break, `<`) is written as a hex escape; letters and digits are as they are.
    Each escape ends in a space, which CSS reads as its end and drops: a space the text has
    after it is kept (in "Inadequate: 11", the colon's escape would take the space).
    """
    return Markup("".join(ch if ch.isalnum() or ch in _CSS_PLAIN else f"\\{ord(ch):06x} " for ch in text))


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates, kept as the cache's other records are, each checked
    against its digest as it is read: a damaged one is compiled again, never loaded (its
    code, loaded, can crash the process or change the pages)."""

    def __init__(self, cache: Cache) -> None:
        self.cache = cache

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        found = self.cache.get("templates", _compiled_key(bucket))
        if isinstance(found, bytes):
            bucket.bytecode_from_string(found)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.cache.put("templates", _compiled_key(bucket), bucket.bytecode_to_string())


def _compiled_key(bucket: jinja2.bccache.Bucket) -> str:
    # Jinja's key names the template and its source only; how it compiles depends on the
    # environment's settings (autoescape, whitespace) too, which are in this package's
    # code, and on Jinja's version.
    return digest("template", code_digest(), bucket.key)


class _Templates(jinja2.FileSystemLoader):
    """Jinja's loader of templates from folders, the first folder holding a name winning,
    whose loaded template is out of date also when a folder searched before its own now
    holds one of its name: a publisher's template added while a preview runs replaces the
    package's, as it would in a new build (Jinja looks only at the loaded file's time)."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        pieces = jinja2.loaders.split_template_path(template)
        earlier = []
        for folder in self.searchpath:
            # Looked for as Jinja looks (a `..` after a link is the link's parent's), named as it names.
            candidate = os.path.join(folder, *pieces)
            if os.path.normpath(candidate) == filename:
                break
            earlier.append(candidate)

        def current() -> bool:
            return uptodate() and not any(os.path.isfile(path) for path in earlier)

        return source, filename, current


def environment(templates: Sequence[Path], cache: Cache | None = None) -> jinja2.Environment:
    """Jinja with the site's filters, keeping compiled templates in cache, if given."""
    env = jinja2.Environment(
        loader=_Templates(list(templates)),
        bytecode_cache=CompiledTemplates(cache) if cache is not None and cache.folder is not None else None,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=render_markdown,
        md_inline=render_inline,
        opening=opening,
        date=human_date,
        month_year=month_year,
        visit_dates=visit_dates,
        visit_months=visit_months,
        iso=iso,
        months=months,
        duration=duration,
        source_label=source_label,
        css_string=css_string,
        breakable_url=breakable_url,
        in_sentence=in_sentence,
        together=together,
    )
    env.tests["pdf"] = is_pdf
    env.globals.update(
        grade_class=grade_class,
        moved=moved,
        plural=plural,
        in_page_links=in_page_links,
        between=between,
        months_between=months_between,
        ACTION_STATUS_LABEL=ACTION_STATUS_LABEL,
        QUIET_MONTHS=QUIET_MONTHS,
        REC_STATUS_LABEL=REC_STATUS_LABEL,
        GRADE_MEANING=GRADE_MEANING,
        GRADE_AFTER=GRADE_AFTER,
        NAV=NAV,
        MONITORING=MONITORING,
        OFSTED_LISTING=OFSTED_LISTING,
        note_anchor=note_anchor,
        charts=charts,
    )
    return env


def compile_templates(env: jinja2.Environment) -> None:
    """Every page template compiled ahead of its first use (into the bytecode cache, if env has one).

    A template that does not compile is left for the render that uses it to report.
    """
    for name in env.list_templates(filter_func=lambda name: name.endswith(".html") and "/" not in name):
        with contextlib.suppress(jinja2.TemplateError):
            env.get_template(name)


def base_url(view: SiteView, override: str | None) -> str:
    url = override or view.site.base_url
    return url if url.endswith("/") else url + "/"


def _page(env: jinja2.Environment, template: str, view: SiteView, base: str, path: str, **context: Any) -> bytes:
    """Render one page; path is where it lives, e.g. "authorities/x/" or "404.html"."""
    return finish(template_text(env, template, view, base, path, **context))


def template_text(env: jinja2.Environment, template: str, view: SiteView, base: str, path: str, **context: Any) -> str:
    """A page as its template writes it, before finish()."""
    depth = path.count("/")
    root = context.pop("root", None) or ("../" * depth if depth else "./")
    canonical = context.pop("canonical", None) or base + path
    return env.get_template(template).render(
        site=view.site, view=view, base=base, path=path, root=root, canonical=canonical, pages=PAGES, **context
    )


def finish(text: str) -> bytes:
    """A page's text as written to the site: acronyms spelled out, whitespace collapsed."""
    return collapse_whitespace(spell_out(text)).encode("utf-8")


# Whitespace beside the tags of these elements is never shown: each is a block, a table
# part, a list item's container or not rendered (head's children). Inline elements, and
# those the stylesheet may make inline (li, select), are not listed: whitespace beside
# them is shown, so it is only collapsed to one space.
_BLOCK_NAMES = (
    "html head title meta link body main header footer nav section article aside div p h1 h2 h3 h4 h5 h6 hr "
    "ul ol dl dt dd table caption colgroup col thead tbody tfoot tr td th details summary figure figcaption "
    "blockquote pre form fieldset option optgroup"
)
_BLOCKS = frozenset(_BLOCK_NAMES.split())
_SPACES = re.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")  # a single space is left alone: most are
_LINE_BREAKS = re.compile(r"\n[ \t\n\r\f]*")  # found fast: the pattern starts with one character
_RUNS = re.compile("  +")  # found fast too, in one pass (replacing pairs took a pass per halving)


def collapse_whitespace(page: str) -> str:
    """The page with each run of whitespace made one space, and none beside a block's tags.

    A browser shows a run of whitespace in text as one space, and none at the start or end
    of a line, which is where a block's tags put it: the page looks the same. Text inside
    <pre>, <textarea>, <script> and <style> is kept as it is. Regular expressions do the
    work, so the cost is a few passes over the page whatever its number of tags.
    """
    out: list[str] = []
    position = 0
    after_block = True  # the start of the page is a block's edge
    for kept in _KEPT.finditer(page):
        block = (kept.group(1) or "").lower() == "pre"
        out.append(_squeeze(page[position : kept.start()], after_block, block))
        out.append(kept.group(0))
        position, after_block = kept.end(), block
    out.append(_squeeze(page[position:], after_block, True))
    return "".join(out) + ("\n" if page.endswith("\n") else "")


# Elements whose text is kept as it is, and comments.
_KEPT = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
# Lowercase only, as the templates, Markdown and the sanitiser write tags: matching
# without re.I is twice as fast, and an uppercase tag only keeps a space a browser ignores.
_BLOCK_TAG = re.compile(r"(<!(?:doctype|DOCTYPE)[^>]*>|</?(?:" + "|".join(sorted(_BLOCKS)) + r")\b[^>]*>)")


def _squeeze(text: str, after_block: bool, before_block: bool) -> str:
    # Most whitespace to collapse follows a line break, and most pages have no tab: a
    # pattern or a string method that finds its first character fast does most of the work.
    if "\n" in text:
        text = _LINE_BREAKS.sub(" ", text)
    if "\t" in text or "\r" in text or "\f" in text:
        text = _SPACES.sub(" ", text)
    if "  " in text:
        text = _RUNS.sub(" ", text)
    # Split at block tags (a pattern that starts with "<" is found fast), so text and
    # tags alternate; each text loses the one space left beside a tag.
    parts = _BLOCK_TAG.split(text)
    last = len(parts) - 1
    for i in range(0, len(parts), 2):
        piece = parts[i]
        if piece[:1] == " " and (i or after_block):
            piece = piece[1:]
        if piece[-1:] == " " and (i < last or before_block):
            piece = piece[:-1]
        parts[i] = piece
    return "".join(parts)


def render_authority(env: jinja2.Environment, view: SiteView, base: str, a: AuthorityView) -> Files:
    """All files of one authority: its page, its JSON twin and its feed, and a page at each former address.

    view gives the site's settings (it need not hold the authorities): each authority
    renders on its own, so a build can render them in parallel and only when they change.
    """
    path = f"authorities/{a.slug}/"
    files = {
        path + "index.html": _page(env, "authority.html", view, base, path, a=a),
        path + "feed.xml": authority_feed(view, base, a),
        f"authorities/{a.slug}.json": json_bytes(authority_data(a)),
    }
    for old in a.authority.former_slugs:
        moved = f"authorities/{old}/"
        files[moved + "index.html"] = _page(env, "moved.html", view, base, moved, a=a, canonical=base + path)
        # Its feed, as it is: a feed reader subscribed to the old address goes on getting the
        # entries, and its `self` link gives readers that follow it the new address.
        files[moved + "feed.xml"] = files[path + "feed.xml"]
    return files


def render_pages(env: jinja2.Environment, view: SiteView, base: str, rows: dict[str, int]) -> Files:
    """The pages and files about every authority; view may hold summaries (derive.summary), rows
    counts the rows of each data file (`data/actions.csv`)."""
    found = analyse(view)
    files: Files = {}
    files["index.html"] = _page(env, "overview.html", view, base, "", analysis=found)
    files["frameworks/index.html"] = _page(env, "frameworks.html", view, base, "frameworks/", periods=periods(view))
    files["analysis/index.html"] = _page(
        env, "analysis.html", view, base, "analysis/", analysis=found, within_years=WITHIN // 12
    )
    files["about/index.html"] = _page(
        env, "about.html", view, base, "about/", downloads=DOWNLOADS, tables=TABLES, allowed=_allowed(view), rows=rows
    )
    files["accessibility/index.html"] = _page(env, "accessibility.html", view, base, "accessibility/")
    # A page per grade, which the overview's counts link to: a list that needs no script to filter.
    grades = grade_pages(view)
    for key, label, part in grades:
        out = out_of(view, key)
        files[f"grades/{key}/index.html"] = _page(
            env,
            "grade.html",
            view,
            base,
            f"grades/{key}/",
            key=key,
            label=label,
            rows=holding(view, key),
            part=part,
            # Those that left it at their latest inspection, and those that left it before.
            gone=[x.authority for x in out if x.at_latest],
            earlier=[x for x in out if not x.at_latest],
        )
    # Where a reader who shortens a page's address arrives: not the 404 page.
    counted = {key: count for key, _, count in view.grade_counts}
    files["grades/index.html"] = _page(
        env,
        "grades.html",
        view,
        base,
        "grades/",
        grades=[(key, label, counted.get(key, 0), len(part)) for key, label, part in grades],
    )
    files["authorities/index.html"] = _page(env, "authorities.html", view, base, PAGES["authorities"])
    # Served for any missing address, so its links must not be relative.
    files["404.html"] = _page(env, "404.html", view, base, "404.html", root=urlsplit(base).path)
    files["data/authorities.json"] = json_bytes(
        {
            "as_of": view.as_of.isoformat(),
            "licence": {"name": view.site.licence.name, "url": view.site.licence.url},
            "authorities": [authority_summary(a, base) for a in view.authorities],
        }
    )
    files["data/datapackage.json"] = json_bytes(datapackage(view, base))
    files["feed.xml"] = feed(view, base)
    files["sitemap.xml"] = sitemap(view, base, [key for key, _, _ in grades])
    files["robots.txt"] = f"User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n".encode()
    return files


# Open data ---------------------------------------------------------------------------

DOWNLOADS = (
    (
        "data/authorities.csv",
        "Every authority: codes, region, latest and previous grades, plan status, the current plan's progress "
        "counts and the points asked (CSV)",
    ),
    ("data/inspections.csv", "Inspections and visits (CSV)"),
    ("data/judgements.csv", "Judgements and grades (CSV)"),
    ("data/recommendations.csv", "Recommendations, in their words, with their derived status (CSV)"),
    ("data/plans.csv", "Improvement plans, with their actions' progress (CSV)"),
    ("data/actions.csv", "Improvement plan actions (CSV)"),
    ("data/neighbours.csv", "Each authority's statistical neighbours, closest first (CSV)"),
    (
        "data/notes.csv",
        "Caveats, where sources disagree, and corrections, noted on an authority or an inspection (CSV)",
    ),
    (
        "data/recoveries.csv",
        "Each spell an authority was judged inadequate, and how long it took to reach requires improvement and "
        "good: the rows behind the analysis's table of recoveries (CSV)",
    ),
    (
        "data/authorities.json",
        "Every authority: codes, region, latest grades, plan status, the current plan's progress counts and "
        "the address of its own data (JSON)",
    ),
    ("data/datapackage.json", "Frictionless Data Package describing the CSV files and the JSON index"),
)

# A date of the tables: a day (YYYY-MM-DD), or a month (YYYY-MM) where its source gives no day.
# Published as a string with a pattern: Frictionless's date type would refuse the month.
DATE = "partial-date"
_DATE_PATTERN = r"[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?"

_CODES_NOW = [
    (
        "ons_code",
        "string",
        "The code the Office for National Statistics gives the authority's area now (a Government Statistical "
        "Service, or GSS, code), e.g. E10000034",
    ),
    ("dfe_code", "integer", "DfE local authority number, e.g. 885"),
    ("ofsted_urn", "integer", "Ofsted unique reference number of the authority"),
]
# On rows about what happened, which may predate the codes.
CODES = [
    (
        "ons_code",
        "string",
        "The code the Office for National Statistics gives the authority's area now (a Government Statistical "
        "Service, or GSS, code), e.g. E10000034: a row about something before a reorganisation gave the "
        "authority that code carries it too",
    ),
    *_CODES_NOW[1:],
]

TABLES: dict[str, list[tuple[str, str, str]]] = {  # name: [(field, type, description)]
    "authorities": [
        ("authority", "string", "Authority slug: its page is authorities/<slug>/"),
        ("name", "string", "Authority name"),
        *_CODES_NOW,
        ("region", "string", "Region"),
        (
            "region_code",
            "string",
            "The code the Office for National Statistics gives the region, e.g. E12000005; empty for a region "
            "not in England's nine",
        ),
        ("created", DATE, "Date the council was created, where recorded (councils created by a reorganisation)"),
        ("abolished", DATE, "Date the council was abolished, if it was"),
        (
            "delivered_by",
            "string",
            "Who delivers the children's services, as the page says: of the bodies recorded (a trust, a company, "
            "or the council itself) that have not stopped, the one that began last (else the last to begin); "
            "empty when none is recorded",
        ),
        ("delivered_from", DATE, "When that body began delivering them; empty where no source says"),
        ("delivered_to", DATE, "When it stopped, if a source says it has"),
        ("latest_inspection", "string", "Latest full (graded) inspection id"),
        ("latest_type", "string", "Its inspection type key"),
        ("latest_visited", DATE, "When its visit started (YYYY-MM-DD or YYYY-MM)"),
        ("latest_published", DATE, "When its report was published"),
        (
            "latest_report",
            "string",
            "The URL of Ofsted's report of that inspection itself; empty when its address is not known "
            "(as the report column of inspections.csv)",
        ),
        ("latest_grade", "string", "Its headline grade key; empty when it has no single headline grade"),
        ("latest_grade_label", "string", "Its headline grade as Ofsted names it; empty as latest_grade is"),
        (
            "latest_headline_grades",
            "string",
            "Each headline judgement of that inspection with its grade key, as judgement:grade separated by "
            "spaces: one for most types, several where there is no single headline grade (so a filter on "
            "inadequate finds both)",
        ),
        (
            "latest_grade_since",
            DATE,
            "When the authority came to hold latest_grade: the publication (else the visit's end) of the first of "
            "the unbroken run of full inspections that gave it, as the grade pages date it; empty without a "
            "single grade. Where that run starts at the authority's first full inspection recorded here, and "
            "the authority was not created since, it may have held the grade before",
        ),
        (
            "latest_grade_since_inspection",
            "string",
            "The inspection latest_grade_since dates: the first of that run, so that the date joins to "
            "inspections.csv; empty as latest_grade_since is",
        ),
        ("previous_inspection", "string", "The full inspection before it; empty when none is recorded"),
        ("previous_published", DATE, "When that report was published; empty when not recorded"),
        (
            "previous_grade",
            "string",
            "That inspection's headline grade key; empty when there is none, or it gave no single headline grade",
        ),
        (
            "direction",
            "string",
            "improved, declined or same: the latest grade's place on its scale against the previous one's; "
            "empty when either has no single headline grade, or there is no previous full inspection",
        ),
        (
            "plan_status",
            "string",
            "current: a plan that is not closed answers the latest full inspection or a visit since it; "
            "closed: none does, and a plan that answered the latest full inspection has closed; "
            "none-recorded: neither is recorded; no-inspection: no full inspection is recorded",
        ),
        ("plan", "string", "The current plan's id (a closed one's, with its counts, is in plans.csv)"),
        ("plan_actions", "integer", "Actions the current plan lists; empty when no plan or no actions are recorded"),
        ("plan_actions_done", "integer", "Of those, done; empty when none are recorded"),
        (
            "plan_actions_dropped",
            "integer",
            "Of those, dropped (the plan gave them up or merged them into others); empty when none are recorded",
        ),
        ("plan_actions_overdue", "integer", "Of those, overdue at the as-of date; empty when none are recorded"),
        ("plan_actions_at_risk", "integer", "Of those, rated at risk by the council; empty when none are recorded"),
        ("plan_actions_off_track", "integer", "Of those, rated off track by the council; empty when none are recorded"),
        (
            "plan_actions_quiet",
            "integer",
            f"Of those, with no update for {QUIET_MONTHS} months or more (no_update_months in actions.csv); empty "
            "when none are recorded",
        ),
        (
            "plan_actions_done_late",
            "integer",
            "Of those done, how many after their due date (done_late in actions.csv); empty when none are recorded",
        ),
        ("plan_actions_not_started", "integer", "Of those, not started; empty when none are recorded"),
        ("plan_actions_on_track", "integer", "Of those, rated on track by the council; empty when none are recorded"),
        (
            "recommendations_set",
            "integer",
            "Improvement points set by the latest full inspection and any visit since: for each, the total "
            "its report states where that is recorded, else the number listed; empty when none is recorded",
        ),
        (
            "recommendations_listed",
            "integer",
            "Of those, listed on the site; empty as recommendations_set is, when neither a count nor a point of "
            "those inspections is recorded (inspections.csv gives each inspection's 0)",
        ),
        ("as_of", "date", "The day the plan status and overdue count were worked out for (YYYY-MM-DD)"),
    ],
    "inspections": [
        ("authority", "string", "Authority slug"),
        ("authority_name", "string", "Authority name"),
        ("region", "string", "Region of the authority now"),
        *CODES,
        ("inspection", "string", "Inspection id, unique within the authority"),
        ("type", "string", "Inspection type key"),
        ("type_name", "string", "Inspection type name"),
        ("graded", "boolean", "Whether the type gives grades (a full inspection) or not (a visit)"),
        ("focus", "string", "What a visit looked at, as its letter says; empty when not recorded"),
        ("visited_from", DATE, "Visit start (YYYY-MM-DD or YYYY-MM); empty when the visit's dates are not recorded"),
        ("visited_to", DATE, "Visit end; empty as visited_from is"),
        (
            "visited_in_parts",
            "string",
            "For a visit made in parts, with weeks between them, each part's first and last day as FROM/TO, "
            "separated by spaces (visited_from and visited_to span them all); empty for a visit in one part",
        ),
        ("published", DATE, "Publication date; empty when not recorded"),
        ("recommendation_count", "integer", "Recommendations the source states; empty when it is not recorded"),
        (
            "recommendations_listed",
            "integer",
            "Recommendations listed on the site, as rows of recommendations.csv. 0 says only that none is "
            "listed: a report may set points that are not transcribed (see recommendation_count and the "
            "authority's page), or set none",
        ),
        ("sources", "string", "Source URLs, separated by spaces"),
        (
            "report",
            "string",
            "The URL of Ofsted's report or letter of this inspection itself: a source Ofsted published on the "
            "publication date. Empty when its address is not known: sources may then hold the authority's list "
            "of reports on Ofsted's site, or a later report that describes this inspection",
        ),
    ],
    "judgements": [
        ("authority", "string", "Authority slug"),
        ("authority_name", "string", "Authority name"),
        *CODES,
        ("inspection", "string", "Inspection id"),
        (
            "inspection_type",
            "string",
            "Inspection type key: a judgement's key may name different judgements in different frameworks "
            "(looked-after is a headline judgement in slac inspections, not in sif ones)",
        ),
        ("published", DATE, "Publication date of the inspection's report; empty when not recorded"),
        (
            "judgement",
            "string",
            "Judgement key, as frameworks.yaml names each type's judgements (the frameworks page lists them); "
            "one key may stand for judgements worded differently in different types: see inspection_type",
        ),
        ("judgement_label", "string", "Judgement as Ofsted names it in this type of inspection"),
        ("grade", "string", "Grade key"),
        ("grade_label", "string", "Grade as Ofsted names it"),
        (
            "headline",
            "boolean",
            "Whether it is a headline judgement of its type: most types have one, the overall grade; "
            "a type with several has no single overall grade",
        ),
    ],
    "recommendations": [
        ("authority", "string", "Authority slug"),
        ("authority_name", "string", "Authority name"),
        *CODES,
        ("inspection", "string", "Inspection id"),
        ("inspection_type", "string", "Inspection type key"),
        ("published", DATE, "Publication date of the inspection's report; empty when not recorded"),
        ("recommendation", "string", "Recommendation id"),
        ("text", "string", "Recommendation text (Markdown)"),
        ("wording", "string", "quoted (the report's words) or described (a source's summary)"),
        (
            "priority",
            "boolean",
            "Whether the report sets it apart as an area for priority action (the type's priority label: "
            '"Areas for priority action", "Priority and immediate action"); empty for a type that sets none apart',
        ),
        ("timescale", "string", "Timescale the report set, if any"),
        ("due", DATE, "Date the report set, if any"),
        (
            "status",
            "string",
            "actions-complete (every responding action the plan has not dropped is done: not a judgement by Ofsted), "
            "in-progress (shown as Actions not complete: not every responding action the plan has not dropped is "
            "done, started or not), "
            "actions-dropped (actions answered it, but the plan dropped every one), "
            "no-action-recorded (no plan action on this site answers it, which may mean only that the plan is "
            "not transcribed yet), or plan-actions-not-recorded (no action recorded, but a plan "
            "answering the inspection is recorded without its actions: plans.csv lists it)",
        ),
        ("actions", "string", "Responding actions as plan/action, separated by spaces"),
    ],
    "plans": [
        ("authority", "string", "Authority slug"),
        ("authority_name", "string", "Authority name"),
        *CODES,
        ("plan", "string", "Plan id, unique within the authority"),
        ("title", "string", "Plan title"),
        (
            "standing",
            "string",
            "current (it answers the latest full inspection or a visit since, and is not closed), closed (a "
            "source gives its closing date) or earlier (it answers an earlier inspection; no closing date "
            "is recorded)",
        ),
        ("in_response_to", "string", "Inspections it answers, as inspection ids separated by spaces"),
        ("adopted", DATE, "Date adopted, if recorded"),
        ("closed", DATE, "Date closed, if recorded"),
        ("actions", "integer", "Actions recorded; empty when the plan is recorded without its actions"),
        ("actions_done", "integer", "Of those, done; empty when no action is recorded"),
        (
            "actions_dropped",
            "integer",
            "Of those, dropped (the plan gave them up or merged them into others); empty when no action is recorded",
        ),
        ("actions_overdue", "integer", "Of those, overdue at the as-of date; empty when no action is recorded"),
        ("actions_at_risk", "integer", "Of those, rated at risk by the council; empty when no action is recorded"),
        ("actions_off_track", "integer", "Of those, rated off track by the council; empty when no action is recorded"),
        (
            "actions_quiet",
            "integer",
            f"Of those, with no update for {QUIET_MONTHS} months or more (no_update_months in actions.csv); empty "
            "when no action is recorded",
        ),
        (
            "actions_done_late",
            "integer",
            "Of those done, how many after their due date (done_late in actions.csv); empty when no action is recorded",
        ),
        ("actions_not_started", "integer", "Of those, not started; empty when no action is recorded"),
        ("actions_on_track", "integer", "Of those, rated on track by the council; empty when no action is recorded"),
        ("last_update", DATE, "Date of the newest update recorded to any of its actions; empty when none is"),
        ("sources", "string", "Source URLs the plan's record rests on, separated by spaces; empty when none is given"),
        ("as_of", "date", "The day standing and overdue were worked out for (YYYY-MM-DD)"),
    ],
    "actions": [
        ("authority", "string", "Authority slug"),
        ("authority_name", "string", "Authority name"),
        *CODES,
        ("plan", "string", "Plan id"),
        ("plan_current", "boolean", "Whether the plan is current (see plan_status in authorities.csv)"),
        ("action", "string", "Action id"),
        ("workstream", "string", "Workstream id"),
        ("title", "string", "Action title"),
        ("owner", "string", "Owner"),
        ("status", "string", "Current status: not-started, on-track, at-risk, off-track, done or dropped"),
        ("due_original", DATE, "Due date first set"),
        ("due", DATE, "Current due date"),
        (
            "overdue",
            "boolean",
            "Past its due date and neither done nor dropped, at the as-of date; in any plan, an earlier one's too "
            "(the overview and authorities.csv count the current plan's: see plan_current)",
        ),
        ("overdue_since", "date", "The day it became overdue, the day after its due date; empty when not overdue"),
        ("due_moves", "integer", "How often the due date was moved"),
        ("due_moves_after_due", "integer", "Of those moves, how many were made once the date moved had passed"),
        ("done_on", DATE, "Date of the update that marked it done, if recorded"),
        (
            "done_late",
            "boolean",
            "Done after the due date in force that day; empty when not done, or when the dates do not tell "
            "(a month-only date is its whole month)",
        ),
        ("dropped_on", DATE, "Date of the update that dropped it, if recorded"),
        (
            "reopened_on",
            DATE,
            "Date of the last update that set it back from done or dropped; empty when none did (it may have been "
            "done or dropped again since: see status)",
        ),
        ("last_update", DATE, "Date of its newest update; empty when it has none"),
        ("last_note", "string", "That update's note (Markdown): what was last said of it"),
        (
            "no_update_months",
            "integer",
            f"Whole months with no update to it at the as-of date (since its newest update, else since its plan "
            f"was adopted; a date given as a month counts from its last day), where that is {QUIET_MONTHS} or more "
            "and it is neither done nor dropped, in a plan not closed, of a council not abolished; in any such "
            "plan, an earlier one's too (see plan_current); empty otherwise, and where neither date is recorded",
        ),
        ("responds_to", "string", "Recommendations answered, as inspection/recommendation, separated by spaces"),
        (
            "sources",
            "string",
            "Source URLs the action and its updates rest on, separated by spaces; empty when none is given (its "
            "plan's sources, in plans.csv, may then stand for it)",
        ),
        ("as_of", "date", "The day the status and overdue flag were worked out for (YYYY-MM-DD)"),
    ],
    "notes": [
        ("authority", "string", "Authority slug"),
        ("authority_name", "string", "Authority name"),
        *CODES,
        (
            "note",
            "integer",
            "1 for the authority's first note, 2 for the next, and so on: its own notes first, then each "
            "inspection's, oldest inspection first. A note added before others renumbers them",
        ),
        (
            "inspection",
            "string",
            "The inspection the note is about (with authority, a row of inspections.csv); empty for a note on "
            "the authority as a whole",
        ),
        (
            "kind",
            "string",
            "caveat (what is or is not recorded, and why), disagreement (sources that disagree) or correction "
            "(what the site said before, and what it corrected)",
        ),
        ("date", DATE, "The day a correction was made; empty for a caveat or a disagreement"),
        (
            "not_recorded",
            "string",
            "A caveat's words naming what is known to have happened but is not recorded here, which the "
            "authority's page lists under “Not recorded”; empty when it names none",
        ),
        ("text", "string", "The note (Markdown)"),
        ("sources", "string", "Source URLs the note rests on, separated by spaces"),
    ],
    "recoveries": [
        ("authority", "string", "Authority slug"),
        ("authority_name", "string", "Authority name"),
        *CODES,
        (
            "framework",
            "string",
            "The framework of the inspection that began the spell, as the analysis page's rows name it (ILACS "
            "standard and short inspections together)",
        ),
        (
            "inspection",
            "string",
            "The full inspection that began the spell: the first of a run of inadequate judgements",
        ),
        (
            "read",
            "string",
            "overall where that inspection's overall grade was read as inadequate, lowest where the lowest of its "
            "headline grades was (it gave no overall one, as none has since April 2026)",
        ),
        (
            "judged",
            DATE,
            "When that judgement became known: its report's publication, else its visit's last day, as the "
            "analysis counts from",
        ),
        (
            "requires_improvement_inspection",
            "string",
            "The next full inspection that judged the authority at least requires improvement (or adequate): by "
            "its overall grade, else by the lowest of its headline grades (ILACS from April 2026); empty when none "
            "has yet",
        ),
        (
            "requires_improvement_read",
            "string",
            "overall where that inspection's overall grade was read, lowest where the lowest of its headline "
            "grades was (it gave no overall one); empty when there is no such inspection",
        ),
        (
            "requires_improvement_judged",
            DATE,
            "When that judgement became known; empty when there is no such inspection",
        ),
        (
            "months_to_requires_improvement",
            "integer",
            "Whole calendar months from judged to requires_improvement_judged (month to month where a date gives "
            "only its month); empty when there is no such inspection",
        ),
        (
            "good_inspection",
            "string",
            "The next full inspection that judged it at least good, worked out as requires_improvement_inspection "
            "is, before any that judged it inadequate again; empty when none has",
        ),
        ("good_read", "string", "As requires_improvement_read, for good_inspection"),
        ("good_judged", DATE, "When that judgement became known; empty when there is no such inspection"),
        (
            "months_to_good",
            "integer",
            "Whole calendar months from judged to good_judged; empty when there is no such inspection",
        ),
        (
            "not_reached",
            "string",
            "Why the spell has not reached good by the as-of date (nor requires improvement, where "
            "requires_improvement_inspection is empty too): waiting (no full inspection since has judged it so), "
            "abolished (the council was abolished first) or relapsed (it reached requires improvement, then was "
            "judged inadequate again before good: that judgement, where it is an overall grade, begins a spell of "
            "its own, on a row of its own); empty when it reached good",
        ),
        ("as_of", "date", "The day not_reached was worked out for (YYYY-MM-DD)"),
    ],
    "neighbours": [
        ("authority", "string", "Authority slug"),
        ("authority_name", "string", "Authority name"),
        *_CODES_NOW,
        ("rank", "integer", "1 for the closest neighbour, 2 for the next, and so on"),
        ("neighbour", "string", "The neighbour's authority slug; empty when the site has no page for it"),
        ("neighbour_dfe_code", "integer", "The neighbour's DfE local authority number"),
        ("neighbour_name", "string", "The neighbour's name; empty when the site has no page for it"),
    ],
}

# A cell a spreadsheet would run as a formula starts with one of these; it is published
# with an apostrophe in front, which spreadsheets hide and treat as "this is text".
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    if value is None:
        return ""
    if value is True or value is False:
        return "true" if value else "false"
    text = str(value)
    # A text that already starts as an escaped one (`'=`) gets an apostrophe too, so that
    # removing one from every such cell, as the About page tells programs to, gives it back.
    if isinstance(value, str) and text.lstrip("'").startswith(FORMULA_STARTS):
        return "'" + text
    return text


def json_bytes(data: Any) -> bytes:
    # No indentation or spaces after separators: programs read these files, a person can
    # lay them out with `python -m json.tool`, and indentation was a quarter of their bytes.
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _codes(a: AuthorityView) -> list[Any]:
    codes = a.authority.codes
    return [codes.gss, codes.dfe, codes.ofsted] if codes else [None, None, None]


PlanStatus = Literal["current", "closed", "none-recorded", "no-inspection"]


def plan_status(a: AuthorityView) -> PlanStatus:
    if a.current_plan:
        return "current"
    return "closed" if a.closed_for_latest else "none-recorded" if a.latest else "no-inspection"


def _standing(a: AuthorityView) -> dict[str, Any]:
    """What the site derives about an authority as a whole."""
    plan, latest, previous = a.current_plan, a.latest, a.previous
    actions, done, dropped, overdue, at_risk, off_track, quiet, done_late, not_started, on_track = _plan_counts(plan)
    by, since, until = _delivered(a)
    return {
        # As authorities.csv gives them: the file lists bodies in the editor's order, which
        # need not be the order they began in.
        "delivered_by": by,
        "delivered_from": since,
        "delivered_to": until,
        "latest": latest.inspection.id if latest else None,
        "latest_published": iso(latest.inspection.published) or None if latest else None,
        "latest_headline": [{"judgement": j.key, "grade": j.grade} for j in latest.headline] if latest else [],
        # As the authorities table and the grade pages date it: when the unbroken run of the grade began.
        "latest_grade_since": iso(a.held[-1].judged) if a.held else None,
        "previous": previous.inspection.id if previous else None,
        "previous_headline": [{"judgement": j.key, "grade": j.grade} for j in previous.headline] if previous else [],
        "direction": a.direction,
        "plan_status": plan_status(a),
        "current_plan": plan.plan.id if plan else None,
        # As authorities.csv gives them, so that the index answers "whose actions are overdue".
        "current_plan_actions": actions,
        "current_plan_actions_done": done,
        "current_plan_actions_dropped": dropped,
        "current_plan_actions_overdue": overdue,
        "current_plan_actions_at_risk": at_risk,
        "current_plan_actions_off_track": off_track,
        "current_plan_actions_quiet": quiet,
        "current_plan_actions_done_late": done_late,
        "current_plan_actions_not_started": not_started,
        "current_plan_actions_on_track": on_track,
    }


def _delivered(a: AuthorityView) -> tuple[str | None, str | None, str | None]:
    """Who delivers the services, since and until when: None each where not recorded."""
    now = a.delivering
    if now is None:
        return None, None, None
    return now.by, iso(now.from_) or None, iso(now.to) or None


def _plan_counts(plan: PlanView | None) -> tuple[int | None, ...]:
    """A plan's actions, and of those how many are done, dropped, overdue, at risk, off track,
    quiet, done late, not started and on track, as the page counts them: None each where no
    action is recorded, never 0 standing in for "not known"."""
    if plan is None or not plan.total:
        return (None,) * 10
    return (
        plan.total,
        plan.done,
        plan.dropped,
        plan.overdue,
        plan.at_risk,
        plan.off_track,
        plan.quiet,
        plan.late,
        plan.open_at("not-started"),
        plan.open_at("on-track"),
    )


def authority_data(a: AuthorityView) -> dict[str, Any]:
    """An authority as published: what editors wrote, plus what the site derives from it.

    Every value is written out, defaults too (`kind: caveat`, `wording: quoted`, empty lists),
    so that a script can filter on them; only what is not given is left out.
    """
    data = a.authority.model_dump(mode="json", by_alias=True, exclude_none=True)
    return {
        "slug": a.slug,
        **data,
        "derived": {
            "as_of": a.as_of.isoformat(),
            **_standing(a),
            # Keyed as `responds_to` names them: an id may hold a hyphen, so one would not split.
            "recommendations": {
                f"{i.inspection.id}/{r.id}": r.status for i in a.inspections for r in i.recommendations
            },
            "actions": {
                f"{x.plan.id}/{x.action.id}": {
                    "status": x.status,
                    "due": iso(x.due) or None,
                    "overdue": x.overdue,
                    "overdue_since": iso(x.overdue_since) or None,
                    "due_moves": len(x.moves),
                    "due_moves_after_due": x.moves_after_due,
                    "done_on": iso(x.done_on) or None,
                    "done_late": x.late,
                    "dropped_on": iso(x.dropped_on) or None,
                    "reopened_on": iso(x.reopened_on) or None,
                    "no_update_months": x.quiet,
                }
                for p in a.plans
                for x in p.actions
            },
        },
    }


def authority_summary(a: AuthorityView, base: str) -> dict[str, Any]:
    """An authority in the site's index: who it is, where its page and full data are, and its standing.

    Each authority's content is published once, in its own JSON file; the index links it.
    """
    codes = a.authority.codes
    return {
        "slug": a.slug,
        "name": a.name,
        "page": f"{base}authorities/{a.slug}/",
        "data": f"{base}authorities/{a.slug}.json",
        "codes": codes.model_dump(mode="json", exclude_none=True) if codes else {},
        "region": a.authority.region,
        # A former council is in the index with its last grade: said, so that a count of the
        # index can leave it out as the overview's do (authorities.csv has the same column).
        "abolished": iso(a.authority.abolished) or None,
        **_standing(a),
    }


def _writer(out: io.StringIO) -> Any:
    # CRLF, as RFC 4180 has it; and with "\r" in the line terminator the writer quotes any
    # field holding a bare carriage return, which would otherwise split the row.
    return csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)


def csv_rows(name: str, rows: list[list[Any]]) -> bytes:
    """Rows of a CSV table, encoded, without its header: one authority's part of the table."""
    out = io.StringIO()
    writer = _writer(out)
    for row in rows:
        assert len(row) == len(TABLES[name]), name
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue().encode("utf-8")


def csv_file(name: str, parts: list[bytes]) -> bytes:
    out = io.StringIO()
    _writer(out).writerow([f for f, _, _ in TABLES[name]])
    return out.getvalue().encode("utf-8") + b"".join(parts)


def _authority_row(a: AuthorityView) -> list[Any]:
    latest, previous, plan = a.latest, a.previous, a.current_plan
    single = latest.single if latest else None
    before = previous.single if previous else None
    asked = a.asked
    return [
        a.slug,
        a.name,
        *_codes(a),
        a.authority.region,
        REGION_CODES.get(a.authority.region or ""),
        iso(a.authority.created) or None,
        iso(a.authority.abolished) or None,
        *_delivered(a),
        latest.inspection.id if latest else None,
        latest.inspection.type if latest else None,
        iso(latest.inspection.visit_start) or None if latest else None,
        iso(latest.inspection.published) or None if latest else None,
        report.url if latest and (report := latest.own_report) else None,
        single.grade if single else None,
        single.grade_label if single else None,
        " ".join(f"{j.key}:{j.grade}" for j in latest.headline) or None if latest else None,
        iso(a.held[-1].judged) if a.held else None,
        a.held[-1].inspection.id if a.held else None,
        previous.inspection.id if previous else None,
        iso(previous.inspection.published) or None if previous else None,
        before.grade if before else None,
        a.direction,
        plan_status(a),
        plan.plan.id if plan else None,
        *_plan_counts(plan),
        asked.stated if asked else None,
        asked.listed if asked and asked.inspections else None,
        a.as_of.isoformat(),
    ]


# The data tables are made of every authority's rows, in order: a head, the parts, a tail,
# so a build can write them as the parts come instead of holding them all.


def data_heads() -> dict[str, bytes]:
    return {f"data/{name}.csv": csv_file(name, []) for name in TABLES}


def data_parts(tables: dict[str, tuple[int, bytes]]) -> Iterator[tuple[str, int, bytes]]:
    """One authority's parts of the data tables: how many rows of each, and the rows."""
    for name, (count, rows) in tables.items():
        yield f"data/{name}.csv", count, rows


def table_rows_encoded(a: AuthorityView, site: SiteView) -> dict[str, tuple[int, bytes]]:
    """One authority's rows of every CSV table: how many, and encoded (a text may hold line breaks)."""
    return {name: (len(rows), csv_rows(name, rows)) for name, rows in table_rows(a, site).items()}


def table_rows(a: AuthorityView, site: SiteView) -> dict[str, list[list[Any]]]:
    """One authority's rows of every CSV table; site gives the frameworks and the as-of date."""
    codes = _codes(a)
    who = [a.slug, a.name, *codes]  # the authority, on each table's row about it
    tables: dict[str, list[list[Any]]] = {name: [] for name in TABLES}
    tables["authorities"].append(_authority_row(a))
    for i in reversed(a.inspections):  # oldest first, as the history reads
        x = i.inspection
        tables["inspections"].append(
            [
                a.slug,
                a.name,
                a.authority.region,
                *codes,
                x.id,
                x.type,
                i.type.name,
                i.graded,
                x.focus,
                iso(x.visit_start),
                iso(x.visit_end),
                " ".join(f"{iso(start)}/{iso(end)}" for start, end in x.visit_parts),
                iso(x.published),
                x.recommendation_count,
                len(i.recommendations),
                " ".join(s.url for s in i.sources),
                report.url if (report := i.own_report) else None,
            ]
        )
        for j in i.judgements:
            tables["judgements"].append(
                [*who, x.id, x.type, iso(x.published), j.key, j.label, j.grade, j.grade_label, j.headline]
            )
        for r in i.recommendations:
            tables["recommendations"].append(
                [
                    *who,
                    x.id,
                    x.type,
                    iso(x.published),
                    r.id,
                    r.text,
                    r.wording,
                    r.priority if i.type.priority_label else None,
                    r.timescale,
                    iso(r.due),
                    r.status,
                    " ".join(f"{v.plan.id}/{v.action.id}" for v in r.actions),
                ]
            )
    # Oldest first, as inspections are: by the first inspection a plan answers (few give an adoption date).
    plans = sorted(a.plans, key=lambda v: (min((i.date.start for i in v.responds_to), default=dt.date.max), v.plan.id))
    for p in plans:
        tables["plans"].append(
            [
                *who,
                p.plan.id,
                p.plan.title,
                p.standing,
                " ".join(i.inspection.id for i in p.responds_to),
                iso(p.plan.adopted),
                iso(p.plan.closed),
                *_plan_counts(p),
                iso(p.last_update),
                " ".join(s.url for s in p.sources),
                a.as_of.isoformat(),
            ]
        )
        for v in p.actions:
            tables["actions"].append(
                [
                    *who,
                    p.plan.id,
                    p.current,
                    v.action.id,
                    v.action.workstream,
                    v.action.title,
                    v.action.owner,
                    v.status,
                    iso(v.due_original),
                    iso(v.due),
                    v.overdue,
                    iso(v.overdue_since),
                    len(v.moves),
                    v.moves_after_due,
                    iso(v.done_on),
                    v.late,
                    iso(v.dropped_on),
                    iso(v.reopened_on),
                    iso(newest.date) if (newest := v.newest_update) else None,
                    newest.note if newest else None,
                    v.quiet,
                    " ".join(v.action.responds_to),
                    " ".join(s.url for s in a.cite(list(dict.fromkeys(_cited(v.action))))),
                    a.as_of.isoformat(),
                ]
            )
    # The authority's own notes first, then each inspection's, oldest first, as the other tables list them.
    noted: list[tuple[str | None, Note]] = [(None, note) for note in a.authority.notes]
    noted += [(i.inspection.id, note) for i in reversed(a.inspections) for note in i.inspection.notes]
    for number, (about, note) in enumerate(noted, start=1):
        urls = " ".join(s.url for s in a.cite(note.sources))
        tables["notes"].append([*who, number, about, note.kind, iso(note.date), note.not_recorded, note.text, urls])
    for spell in authority_spells(a, site):
        ri, good = spell.ri, spell.good
        tables["recoveries"].append(
            [
                *who,
                spell.era,
                spell.start.inspection.id,
                read_by(spell.start),
                iso(spell.start.judged),
                ri.inspection.id if ri else None,
                read_by(ri) if ri else None,
                iso(ri.judged) if ri else None,
                spell.months_ri,
                good.inspection.id if good else None,
                read_by(good) if good else None,
                iso(good.judged) if good else None,
                spell.months_good,
                None if good else spell.unfinished,
                a.as_of.isoformat(),
            ]
        )
    for rank, n in enumerate(a.neighbours, start=1):
        tables["neighbours"].append(
            [
                *who,
                rank,
                n.standing.slug if n.standing else None,
                n.dfe,
                n.standing.name if n.standing else None,
            ]
        )
    return tables


def _cited(action: Action) -> Iterator[str]:
    """The ids of the sources an action cites, then those its updates cite, oldest first."""
    yield from action.sources
    for update in action.updates:
        yield from update.sources


def _allowed(view: SiteView) -> dict[tuple[str, str], list[str]]:
    """The values each coded column may take, by (table, column): a tool validating the package
    then refuses a misspelt key, which a bare string type lets through."""
    types = sorted(view.frameworks.types)
    grades = sorted({grade for scale in view.frameworks.scales.values() for grade in scale})
    judgements = sorted({key for kind in view.frameworks.types.values() for key in kind.judgements})

    def values(kind: Any) -> list[str]:  # a Literal's, from the type the site writes the column from
        return sorted(get_args(kind))

    return {
        ("authorities", "latest_type"): types,
        ("authorities", "latest_grade"): grades,
        ("authorities", "previous_grade"): grades,
        ("authorities", "direction"): values(Direction),
        ("authorities", "plan_status"): values(PlanStatus),
        ("inspections", "type"): types,
        ("judgements", "inspection_type"): types,
        ("judgements", "judgement"): judgements,
        ("judgements", "grade"): grades,
        ("recommendations", "inspection_type"): types,
        ("recommendations", "wording"): values(Recommendation.model_fields["wording"].annotation),
        ("recommendations", "timescale"): values(Timescale),
        ("recommendations", "status"): values(RecStatus),
        ("plans", "standing"): values(PlanStanding),
        ("actions", "status"): values(Status),
        ("notes", "kind"): values(Note.model_fields["kind"].annotation),
        ("recoveries", "not_reached"): values(Unfinished),
        ("recoveries", "read"): values(Read),
        ("recoveries", "requires_improvement_read"): values(Read),
        ("recoveries", "good_read"): values(Read),
    }


def _field(table: str, name: str, kind: str, description: str, allowed: dict[tuple[str, str], list[str]]) -> Any:
    """A column as datapackage.json describes it, with what its values may be."""
    field: dict[str, Any] = {"name": name, "type": "string" if kind == DATE else kind, "description": description}
    constraints: dict[str, Any] = {}
    if kind == DATE:
        constraints["pattern"] = _DATE_PATTERN
    elif name == "ons_code":
        constraints["pattern"] = GSS.pattern
    elif (table, name) in allowed:
        constraints["enum"] = allowed[table, name]
    if constraints:
        field["constraints"] = constraints
    return field


def datapackage(view: SiteView, base: str) -> dict[str, Any]:
    allowed = _allowed(view)
    return {
        "name": "childrens-services-improvement",
        "title": view.site.title,
        "homepage": base,
        "version": view.as_of.isoformat(),
        # The as-of day is when statuses were worked out, not how recent the reports are.
        "description": "Ofsted's inspections of English councils' children's services, the points each report "
        "asked the council to improve, and the improvement plans and actions answering them. Statuses and overdue "
        f"counts are as of {view.as_of.isoformat()}"
        + (
            f"; the newest report recorded was published {'on' if view.newest_report.precise else 'in'} "
            f"{view.newest_report}, and later ones may not be "
            "recorded yet."
            if view.newest_report
            else "."
        ),
        "licenses": [
            {
                "name": "OGL-UK-3.0" if "Open Government Licence" in view.site.licence.name else "other",
                "path": view.site.licence.url,
                "title": view.site.licence.name,
            }
        ],
        # Every record names its own sources (in each authority's JSON); these are where they come from.
        "sources": [
            {
                "title": "Ofsted: inspection reports and letters (Crown copyright; quoted under the notice each "
                "report prints: the Open Government Licence v3.0 from about 2016, non-commercial educational "
                "reuse only in many 2014 and 2015 reports, other terms in some older ones; letters from focused "
                "visits print none)",
                "path": "https://reports.ofsted.gov.uk/",
            },
            *({"title": source.name, "path": source.url} for source in view.site.data_sources),
            {"title": "Councils' own papers (improvement plans, reports to committees), each cited where used"},
        ],
        "resources": [
            {
                "name": name,
                "path": f"{name}.csv",
                "description": _ROWS[name],
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True},
                "schema": {
                    "fields": [_field(name, f, t, d, allowed) for f, t, d in fields],
                    "missingValues": [""],
                    "primaryKey": _KEYS[name],
                    "foreignKeys": [
                        {"fields": columns, "reference": {"resource": table, "fields": theirs}}
                        for columns, table, theirs in _REFERENCES.get(name, [])
                    ],
                },
            }
            for name, fields in TABLES.items()
        ]
        + [
            {
                "name": "authorities-index",
                "path": "authorities.json",
                "profile": "data-resource",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                "description": "Every authority's codes, region, latest and previous grades (with when the latest "
                "was published and since when the authority has held it), and plan status, with the address of its "
                "page and of its own JSON file, which holds everything recorded about it",
            }
        ],
    }


# What a row of each table is, for a reader of datapackage.json.
_ROWS = {
    "authorities": "One row per authority: its codes, region, latest and previous grades, and its plan's progress",
    "inspections": "One row per inspection or visit recorded, oldest first within each authority",
    "judgements": "One row per judgement an inspection graded",
    "recommendations": "One row per point an inspection or visit asked the council to improve, in its words or as a "
    "source describes it (wording), with the status of the actions answering it. Quoted words are Ofsted's "
    "(Crown copyright), reused under the notice printed in the report they come from, where it prints one: see "
    "the package's sources",
    "plans": "One row per improvement plan, with its actions' progress",
    "actions": "One row per action of a plan: its status, its due date and how often that moved, and when it was done",
    "notes": "One row per note an editor made on an authority or one of its inspections: a caveat about what is "
    "recorded, where two sources disagree and what each says, or a correction to what the site said",
    "recoveries": "One row per spell an authority was judged inadequate (a run of inadequate judgements, from "
    "the first), with the full inspections that first judged it at least requires improvement and at least good, "
    "and the months to each: the rows the analysis page's table of recoveries counts",
    "neighbours": "One row per statistical neighbour of an authority, as the Department for Education lists them, "
    "closest first: the authorities most like it, to compare its grades with",
}
_KEYS = {
    "authorities": ["authority"],
    "inspections": ["authority", "inspection"],
    "judgements": ["authority", "inspection", "judgement"],
    "recommendations": ["authority", "inspection", "recommendation"],
    "plans": ["authority", "plan"],
    "actions": ["authority", "plan", "action"],
    "notes": ["authority", "note"],
    "recoveries": ["authority", "inspection"],
    "neighbours": ["authority", "rank"],
}
# What each table's rows refer to (columns, the other table, its columns): a tool can check
# and make the joins from datapackage.json alone.
_REFERENCES = {
    "inspections": [(["authority"], "authorities", ["authority"])],
    "judgements": [(["authority", "inspection"], "inspections", ["authority", "inspection"])],
    "recommendations": [(["authority", "inspection"], "inspections", ["authority", "inspection"])],
    "plans": [(["authority"], "authorities", ["authority"])],
    "actions": [(["authority", "plan"], "plans", ["authority", "plan"])],
    # A note on the authority as a whole has no inspection, and a key of two columns may not be half empty.
    "notes": [(["authority"], "authorities", ["authority"])],
    # Not the inspections that ended a spell: one not ended would leave that key half empty.
    "recoveries": [(["authority", "inspection"], "inspections", ["authority", "inspection"])],
    "neighbours": [(["authority"], "authorities", ["authority"]), (["neighbour"], "authorities", ["authority"])],
}


# Feeds and sitemap ---------------------------------------------------------------------


def _stamp(date: PartialDate | dt.date) -> str:
    day = date.start if isinstance(date, PartialDate) else date
    return f"{day.isoformat()}T00:00:00Z"


def tag_uri(view: SiteView, key: str) -> str:
    """A tag: URI (RFC 4151), the same whatever the base URL or wording becomes.

    The host and path come from site.yaml's base_url, not a --base-url override, so a
    preview built for another address gives the same ids; the path keeps apart two sites
    on one host (two trackers on one GitHub Pages account).
    """
    return _tag_start(view.site.base_url) + key


@functools.lru_cache(maxsize=4)
def _tag_start(base_url: str) -> str:
    # A feed asks for one per entry: the address is read once.
    address = urlsplit(base_url)
    path = address.path.strip("/")
    return f"tag:{address.hostname or 'localhost'},2026:{path + '/' if path else ''}"


def entry_id(view: SiteView, a: AuthorityView, event: Event) -> str:
    """The authority and the event's key, which is unique within the authority."""
    return tag_uri(view, f"{first_slug(a)}/{event.key}")


def first_slug(a: AuthorityView) -> str:
    """The address an authority's feed ids are made from: its first, the first of its
    `former_slugs` once its file is renamed, so that a rename does not make every entry of
    its feeds new again to their subscribers."""
    return a.authority.former_slugs[0] if a.authority.former_slugs else a.slug


def _feed(
    view: SiteView,
    base: str,
    title: str,
    page: str,
    key: str,
    entries: list[tuple[AuthorityView, Event]],
    limit: int,
) -> bytes:
    """An Atom feed of events; page is the HTML page the feed is about, and the feed is page + "feed.xml".

    key names the feed in its id, which, like its entries' ids, stays the same at any address.
    """
    self_url = f"{page}feed.xml"
    entries = sorted(entries, key=lambda e: feed_rank(*e), reverse=True)[:limit]
    updated = _stamp(entries[0][1].news) if entries else _stamp(view.as_of)
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{xml_escape(title)}</title>",
        f'  <link rel="alternate" type="text/html" href="{xml_escape(page)}"/>',
        f'  <link rel="self" type="application/atom+xml" href="{xml_escape(self_url)}"/>',
        f"  <id>{xml_escape(tag_uri(view, key))}</id>",
        f"  <updated>{updated}</updated>",
        f"  <author><name>{xml_escape(view.site.publisher.name)}</name></author>",
    ]
    for a, event in entries:
        link = f"{base}authorities/{a.slug}/#{event.anchor}"
        # The report's address in the words too: most feed readers show only the entry's page.
        document = f"Ofsted's {'report' if event.kind == 'inspection' else 'letter'}"
        report = f"{document}: {event.report}" if event.report else ""
        summary = " ".join(filter(None, (f"{_feed_when(event)}.", _feed_before(event), _feed_detail(event), report)))
        out += [
            "  <entry>",
            f"    <title>{xml_escape(a.name)}: {xml_escape(event.headline)}</title>",
            f'    <link rel="alternate" type="text/html" href="{xml_escape(link)}"/>',
            *(
                [f'    <link rel="related" href="{xml_escape(event.report)}" title="{xml_escape(document)}"/>']
                if report
                else []
            ),
            f"    <id>{xml_escape(entry_id(view, a, event))}</id>",
            f"    <updated>{_stamp(event.news)}</updated>",
            f"    <summary>{xml_escape(summary)}</summary>",
            "  </entry>",
        ]
    out.append("</feed>")
    return ("\n".join(out) + "\n").encode("utf-8")


def _feed_detail(event: Event) -> str:
    """An entry's detail as plain text: an update's note and a correction are Markdown, their
    line breaks spaces; a visit's focus and a delivery's note are plain already, and shown as
    written."""
    if event.kind not in ("update", "correction"):
        return event.detail
    return Markup(render_inline(event.detail).replace("<br>", " ")).striptags()


def _feed_before(event: Event) -> str:
    """The full inspection before an inspection's, in words: what its grades changed from."""
    if event.before is None:
        return ""
    date, visited, grades = event.before
    told = "; ".join(f"{short}: {grade}" for _, short, grade in grades) if len(grades) > 1 else grades[0][2]
    return f"The full inspection before it ({'visit began' if visited else 'published'} {month_year(date)}): {told}."


def _feed_when(event: Event) -> str:
    """An entry's dates in words: the entry is dated by a report's publication, else its
    visit's end, so the day an inspection's visit began is named as such (the title says
    the rest)."""
    day = human_date(event.date)
    if event.kind not in ("inspection", "visit"):
        return day
    if not event.visited:
        return f"Published {day}"
    published = f"published {human_date(event.published)}" if event.published else "publication date not recorded"
    return f"Visit began {day}; {published}"


def feed(view: SiteView, base: str) -> bytes:
    """Atom feed of the newest events across all authorities."""
    entries = [(a, event) for a in view.authorities for event in a.timeline]
    return _feed(view, base, view.site.title, base, "feed", entries, FEED_EVENTS)


def authority_feed(view: SiteView, base: str, a: AuthorityView) -> bytes:
    """Atom feed of one authority's newest events, as many as the site's feed holds.

    Bounded, as a feed is by custom, so that a file of thousands of updates cannot make one
    feed, copied to each of its former addresses, many times the size of the file.
    """
    entries = [(a, event) for event in a.timeline]
    page = f"{base}authorities/{a.slug}/"
    return _feed(view, base, f"{a.name}: {view.site.title}", page, f"{first_slug(a)}/feed", entries, FEED_EVENTS)


def sitemap(view: SiteView, base: str, grades: list[str]) -> bytes:
    """Every page's address; grades are the keys of the grade pages."""
    urls: list[tuple[str, dt.date | None]] = [(base + path, None) for path in PAGES.values()]
    urls += [(f"{base}grades/", None)]
    urls += [(f"{base}grades/{key}/", None) for key in grades]
    urls += [(f"{base}authorities/{a.slug}/", a.last_changed) for a in view.authorities]
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for url, changed in urls:
        lastmod = f"<lastmod>{changed.isoformat()}</lastmod>" if changed else ""
        out.append(f"  <url><loc>{xml_escape(url)}</loc>{lastmod}</url>")
    out.append("</urlset>")
    return ("\n".join(out) + "\n").encode("utf-8")
