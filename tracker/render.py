"""Render stage: pure functions from the derived model to files (path: bytes).

Nothing here reads content or writes to disk (templates and assets come through
theme.py), and each authority renders on its own (render_authority), so a build can
run authorities in parallel or only the changed ones. Internal links are relative
(`root` is the way back to the site's top) so the site works under any sub-path;
base_url is used only for absolute URLs.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape as xml_escape

import jinja2

from .derive import ACTION_STATUS_LABEL, REC_STATUS_LABEL, AuthorityView, Event, SiteView
from .model import PartialDate
from .text import render_inline, render_markdown
from .theme import assets, search_path

Files = dict[str, bytes]

MONTHS = (
    "January February March April May June July August September October November December".split()  # noqa: SIM905
)
GRADE_COLOUR = {
    "outstanding": "turquoise",
    "good": "green",
    "requires-improvement": "yellow",
    "adequate": "yellow",
    "inadequate": "red",
}
STATUS_COLOUR = {
    "done": "green",
    "on-track": "blue",
    "at-risk": "yellow",
    "off-track": "red",
    "not-started": "grey",
    "met": "green",
    "in-progress": "blue",
    "no-action": "grey",
}
PAGES = {"overview": "", "frameworks": "frameworks/", "about": "about/", "accessibility": "accessibility/"}


def human_date(value: PartialDate | dt.date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, PartialDate) and not value.precise:
        return f"{MONTHS[value.month - 1]} {value.year}"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def iso(value: PartialDate | dt.date | None) -> str:
    return "" if value is None else (value.isoformat() if isinstance(value, dt.date) else str(value))


def environment(templates: Sequence[Path]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(templates)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=render_markdown, md_inline=render_inline, date=human_date, iso=iso)
    env.globals.update(
        grade_colour=lambda g: GRADE_COLOUR.get(g, "grey"),
        status_colour=lambda s: STATUS_COLOUR.get(s, "grey"),
        ACTION_STATUS_LABEL=ACTION_STATUS_LABEL,
        REC_STATUS_LABEL=REC_STATUS_LABEL,
    )
    return env


def base_url(view: SiteView, override: str | None) -> str:
    url = override or view.site.base_url
    return url if url.endswith("/") else url + "/"


def _page(env: jinja2.Environment, template: str, view: SiteView, base: str, path: str, **context: Any) -> bytes:
    """Render one page; path is where it lives, e.g. "authorities/x/" or "404.html"."""
    depth = path.count("/")
    root = "../" * depth if depth else "./"
    text = env.get_template(template).render(
        site=view.site, view=view, base=base, path=path, root=root, canonical=base + path, pages=PAGES, **context
    )
    return text.encode("utf-8")


def render_authority(env: jinja2.Environment, view: SiteView, base: str, a: AuthorityView) -> Files:
    """All files of one authority: its page and its JSON twin."""
    path = f"authorities/{a.slug}/"
    return {
        path + "index.html": _page(env, "authority.html", view, base, path, a=a),
        f"authorities/{a.slug}.json": _json(authority_data(a)),
    }


def render_site(view: SiteView, base_override: str | None = None, templates: Sequence[Path] = ()) -> Files:
    templates = templates or search_path()
    env = environment(templates)
    base = base_url(view, base_override)
    files: Files = {}
    for a in view.authorities:
        files.update(render_authority(env, view, base, a))
    files["index.html"] = _page(env, "overview.html", view, base, "")
    files["frameworks/index.html"] = _page(env, "frameworks.html", view, base, "frameworks/")
    files["about/index.html"] = _page(env, "about.html", view, base, "about/", downloads=DOWNLOADS)
    files["accessibility/index.html"] = _page(env, "accessibility.html", view, base, "accessibility/")
    # Served for any missing address, so its links must not be relative.
    files["404.html"] = (
        env.get_template("404.html")
        .render(
            site=view.site,
            view=view,
            base=base,
            path="404.html",
            root=urlsplit(base).path,
            canonical=base + "404.html",
            pages=PAGES,
        )
        .encode("utf-8")
    )
    files.update(open_data(view, base))
    files["feed.xml"] = feed(view, base)
    files["sitemap.xml"] = sitemap(view, base)
    files["robots.txt"] = f"User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n".encode()
    files.update(assets(templates))
    return files


# Open data ---------------------------------------------------------------------------

DOWNLOADS = (
    ("data/authorities.json", "Every authority with its inspections, plans and derived statuses (JSON)"),
    ("data/inspections.csv", "Inspections and visits (CSV)"),
    ("data/judgements.csv", "Judgements and grades (CSV)"),
    ("data/recommendations.csv", "Recommendations with their derived status (CSV)"),
    ("data/actions.csv", "Improvement plan actions (CSV)"),
    ("data/datapackage.json", "Frictionless Data Package describing the CSV files"),
)

TABLES: dict[str, list[tuple[str, str, str]]] = {  # name: [(field, type, description)]
    "inspections": [
        ("authority", "string", "Authority slug"),
        ("authority_name", "string", "Authority name"),
        ("inspection", "string", "Inspection id, unique within the authority"),
        ("type", "string", "Inspection type key"),
        ("type_name", "string", "Inspection type name"),
        ("visited_from", "string", "Visit start (YYYY-MM-DD or YYYY-MM)"),
        ("visited_to", "string", "Visit end"),
        ("published", "string", "Publication date"),
        ("recommendation_count", "integer", "Recommendations the source states"),
        ("recommendations_listed", "integer", "Recommendations listed on the site"),
        ("sources", "string", "Source URLs, separated by spaces"),
    ],
    "judgements": [
        ("authority", "string", "Authority slug"),
        ("inspection", "string", "Inspection id"),
        ("judgement", "string", "Judgement key"),
        ("judgement_label", "string", "Judgement as Ofsted names it"),
        ("grade", "string", "Grade key"),
        ("grade_label", "string", "Grade as Ofsted names it"),
        ("headline", "boolean", "Whether it is the type's headline judgement"),
    ],
    "recommendations": [
        ("authority", "string", "Authority slug"),
        ("inspection", "string", "Inspection id"),
        ("recommendation", "string", "Recommendation id"),
        ("text", "string", "Recommendation text (Markdown)"),
        ("wording", "string", "quoted (the report's words) or described (a source's summary)"),
        ("timescale", "string", "Timescale the report set, if any"),
        ("status", "string", "met, in-progress or no-action (derived from the responding actions)"),
        ("actions", "string", "Responding actions as plan/action, separated by spaces"),
    ],
    "actions": [
        ("authority", "string", "Authority slug"),
        ("plan", "string", "Plan id"),
        ("action", "string", "Action id"),
        ("workstream", "string", "Workstream id"),
        ("title", "string", "Action title"),
        ("owner", "string", "Owner"),
        ("status", "string", "Current status"),
        ("due_original", "string", "Due date first set"),
        ("due", "string", "Current due date"),
        ("overdue", "boolean", "Past its due date and not done, at the as-of date"),
        ("due_moves", "integer", "How often the due date was moved"),
        ("responds_to", "string", "Recommendations answered, as inspection/recommendation, separated by spaces"),
    ],
}


def _json(data: Any) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")


def authority_data(a: AuthorityView) -> dict[str, Any]:
    """An authority as published: what editors wrote, plus what the site derives from it."""
    data = a.authority.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    return {
        "slug": a.slug,
        **data,
        "derived": {
            "history_recorded": a.history_recorded,
            "latest_headline": [{"judgement": j.key, "grade": j.grade} for j in a.latest.headline] if a.latest else [],
            "recommendations": {
                r.anchor.removeprefix("rec-"): r.status for i in a.inspections for r in i.recommendations
            },
            "actions": {
                f"{x.plan.id}/{x.action.id}": {
                    "status": x.status,
                    "due": iso(x.due) or None,
                    "overdue": x.overdue,
                    "due_moves": len(x.moves),
                }
                for p in a.plans
                for x in p.actions
            },
        },
    }


def _csv(rows: list[list[Any]], name: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([f for f, _, _ in TABLES[name]])
    for row in rows:
        writer.writerow(["true" if v is True else "false" if v is False else "" if v is None else v for v in row])
    return out.getvalue().encode("utf-8")


def open_data(view: SiteView, base: str) -> Files:
    inspections, judgements, recommendations, actions = [], [], [], []
    for a in view.authorities:
        for i in sorted(a.inspections, key=lambda v: v.inspection.id):
            x = i.inspection
            inspections.append(
                [
                    a.slug,
                    a.name,
                    x.id,
                    x.type,
                    i.type.name,
                    iso(x.visit_start),
                    iso(x.visit_end),
                    iso(x.published),
                    x.recommendation_count,
                    len(i.recommendations),
                    " ".join(s.url for s in i.sources),
                ]
            )
            for j in i.judgements:
                judgements.append([a.slug, x.id, j.key, j.label, j.grade, j.grade_label, j.headline])
            for r in i.recommendations:
                recommendations.append(
                    [
                        a.slug,
                        x.id,
                        r.id,
                        r.text,
                        r.wording,
                        r.timescale,
                        r.status,
                        " ".join(f"{v.plan.id}/{v.action.id}" for v in r.actions),
                    ]
                )
        for p in sorted(a.plans, key=lambda v: v.plan.id):
            for v in p.actions:
                actions.append(
                    [
                        a.slug,
                        p.plan.id,
                        v.action.id,
                        v.action.workstream,
                        v.action.title,
                        v.action.owner,
                        v.status,
                        iso(v.due_original),
                        iso(v.due),
                        v.overdue,
                        len(v.moves),
                        " ".join(v.action.responds_to),
                    ]
                )
    files = {
        "data/inspections.csv": _csv(inspections, "inspections"),
        "data/judgements.csv": _csv(judgements, "judgements"),
        "data/recommendations.csv": _csv(recommendations, "recommendations"),
        "data/actions.csv": _csv(actions, "actions"),
        "data/authorities.json": _json(
            {
                "as_of": view.as_of.isoformat(),
                "licence": {"name": view.site.licence.name, "url": view.site.licence.url},
                "authorities": [authority_data(a) for a in view.authorities],
            }
        ),
    }
    files["data/datapackage.json"] = _json(datapackage(view, base))
    return files


def datapackage(view: SiteView, base: str) -> dict[str, Any]:
    return {
        "name": "childrens-services-improvement",
        "title": view.site.title,
        "homepage": base,
        "version": view.as_of.isoformat(),
        "licenses": [
            {
                "name": "OGL-UK-3.0" if "Open Government Licence" in view.site.licence.name else "other",
                "path": view.site.licence.url,
                "title": view.site.licence.name,
            }
        ],
        "sources": [{"title": view.site.publisher.name, "path": view.site.publisher.url}],
        "resources": [
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {"fields": [{"name": f, "type": t, "description": d} for f, t, d in fields]},
            }
            for name, fields in TABLES.items()
        ],
    }


# Feed and sitemap ----------------------------------------------------------------------


def _stamp(date: PartialDate | dt.date) -> str:
    day = date.start if isinstance(date, PartialDate) else date
    return f"{day.isoformat()}T00:00:00Z"


def feed(view: SiteView, base: str, limit: int = 200) -> bytes:
    """Atom feed of the newest events across all authorities; ids never change for an event.

    Ids take their authority from site.yaml's base_url, not a --base-url override, so a
    preview built for another address gives the same ids.
    """
    host = urlsplit(view.site.base_url).hostname or "localhost"
    entries: list[tuple[str, str, AuthorityView, Event]] = []
    for a in view.authorities:
        for event in a.timeline:
            entries.append(
                (event.date.start.isoformat(), f"{a.slug}/{event.anchor}/{event.kind}/{event.date}", a, event)
            )
    entries.sort(key=lambda e: (e[0], e[1]), reverse=True)
    entries = entries[:limit]
    updated = _stamp(dt.date.fromisoformat(entries[0][0])) if entries else _stamp(view.as_of)
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{xml_escape(view.site.title)}</title>",
        f'  <link rel="alternate" type="text/html" href="{xml_escape(base)}"/>',
        f'  <link rel="self" type="application/atom+xml" href="{xml_escape(base)}feed.xml"/>',
        f"  <id>{xml_escape(base)}</id>",
        f"  <updated>{updated}</updated>",
        f"  <author><name>{xml_escape(view.site.publisher.name)}</name></author>",
    ]
    for _, key, a, event in entries:
        link = f"{base}authorities/{a.slug}/#{event.anchor}"
        summary = f"{human_date(event.date)}: {event.title}" + (f". {event.detail}" if event.detail else "")
        out += [
            "  <entry>",
            f"    <title>{xml_escape(a.name)}: {xml_escape(event.title)}</title>",
            f'    <link rel="alternate" type="text/html" href="{xml_escape(link)}"/>',
            # tag: URIs (RFC 4151) stay the same whatever the base URL or wording becomes.
            f"    <id>tag:{xml_escape(host)},2026:{xml_escape(key)}</id>",
            f"    <updated>{_stamp(event.date)}</updated>",
            f"    <summary>{xml_escape(summary)}</summary>",
            "  </entry>",
        ]
    out.append("</feed>")
    return ("\n".join(out) + "\n").encode("utf-8")


def sitemap(view: SiteView, base: str) -> bytes:
    urls: list[tuple[str, dt.date | None]] = [(base + path, None) for path in PAGES.values()]
    urls += [(f"{base}authorities/{a.slug}/", a.last_changed) for a in view.authorities]
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for url, changed in urls:
        lastmod = f"<lastmod>{changed.isoformat()}</lastmod>" if changed else ""
        out.append(f"  <url><loc>{xml_escape(url)}</loc>{lastmod}</url>")
    out.append("</urlset>")
    return ("\n".join(out) + "\n").encode("utf-8")
