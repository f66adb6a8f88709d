"""Imported facts as YAML items: sources, inspections and new authority files."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..yamledit import dump, flow, folded
from .rules import KIND_TEXT, Planned

SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/authority.schema.json"


def long_date(date: dt.date) -> str:
    return f"{date.day} {date:%B} {date.year}"


def visit_words(start: dt.date, end: dt.date) -> str:
    if start == end:
        return long_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day} to {long_date(end)}"
    if start.year == end.year:
        return f"{start.day} {start:%B} to {long_date(end)}"
    return f"{long_date(start)} to {long_date(end)}"


def source_item(source_id: str, authority_name: str, plan: Planned, via: str) -> dict[str, Any]:
    parts = [f"{authority_name}: inspection of local authority children's services ({KIND_TEXT[plan.type]})"]
    if plan.start and plan.end:
        parts.append(f"inspection {visit_words(plan.start, plan.end)}")
    if plan.published:
        parts.append(f"report published {long_date(plan.published)}")
    item: dict[str, Any] = {
        "id": source_id,
        "title": folded(", ".join(parts), 6),
        "publisher": "Ofsted",
        "url": plan.url,
    }
    if plan.published:
        item["published"] = plan.published
    item["via"] = folded(via, 6)
    if plan.url_note:
        item["note"] = folded(plan.url_note, 6)
    return item


def inspection_item(inspection_id: str, plan: Planned, source_id: str) -> dict[str, Any]:
    from ruamel.yaml.comments import CommentedMap

    item: dict[str, Any] = {"id": inspection_id, "type": plan.type}
    if isinstance(plan.visit, tuple):
        item["visited"] = flow({"from": plan.visit[0], "to": plan.visit[1]})
    elif plan.visit:
        item["visited"] = plan.visit
    if plan.published:
        item["published"] = plan.published
    if plan.judgements:
        item["judgements"] = CommentedMap(plan.judgements)
    item["sources"] = flow([source_id])
    if plan.caveats:
        item["notes"] = [
            CommentedMap(
                [("kind", "caveat"), ("text", folded(" ".join(plan.caveats), 10)), ("sources", flow([source_id]))]
            )
        ]
    return item


def _item_lines(key: str, item: dict[str, Any], dash_col: int) -> list[str]:
    """The item as block-sequence lines, its dash at dash_col."""
    from ruamel.yaml.comments import CommentedMap

    lines = dump(CommentedMap([(key, [CommentedMap(item)])])).splitlines(keepends=True)[1:]
    shift = dash_col - 2
    if shift >= 0:
        return [" " * shift + line if line.strip() else line for line in lines]
    return [line[-shift:] if line[:-shift].strip() == "" else line for line in lines]


def new_file_text(
    name: str, codes: dict[str, Any], region: str | None, source: dict[str, Any], inspection: dict[str, Any]
) -> str:
    from ruamel.yaml.comments import CommentedMap

    head = CommentedMap([("name", name)])
    if codes:
        head["codes"] = flow(codes)
    if region:
        head["region"] = region
    sources = dump(CommentedMap([("sources", [CommentedMap(source)])]))
    inspections = dump(CommentedMap([("inspections", [CommentedMap(inspection)])]))
    return "".join(
        [
            SCHEMA_LINE,
            "\n",
            "# Imported by `python build.py import ilacs-overview` from data-to-insight's ILACS\n",
            "# overview: the latest ILACS inspection only. Add the earlier history and plans by\n",
            "# hand; see docs/content-format.md and docs/importing.md.\n",
            "\n",
            dump(head),
            "\n",
            sources,
            "\n",
            inspections.replace("inspections:\n", "inspections:\n\n", 1),
        ]
    )
