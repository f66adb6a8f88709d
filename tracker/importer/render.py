"""Imported facts as YAML items: sources, inspections and new authority files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ..dates import date_range, human_date
from ..files import SCHEMA_LINE
from ..yamledit import dump, flow, folded
from .rules import KIND_TEXT, Planned

IMPORTED_HEADER = (
    "# Imported by `python build.py import ilacs-overview` from data-to-insight's ILACS\n"
    "# overview: the latest ILACS inspection only. Add the earlier history and plans by\n"
    "# hand; see docs/content-format.md and docs/importing.md.\n"
)


def ofsted_source(
    source_id: str, title_parts: list[str], url: str, published: dt.date | None, via: str, note: str | None
) -> dict[str, Any]:
    """A source for an Ofsted report or letter, as every import writes one."""
    item: dict[str, Any] = {
        "id": source_id,
        "title": folded(", ".join(title_parts), 6),
        "publisher": "Ofsted",
        "url": url,
    }
    if published:
        item["published"] = published
    item["via"] = folded(via, 6)
    if note:
        item["note"] = folded(note, 6)
    return item


def source_item(source_id: str, authority_name: str, plan: Planned, via: str) -> dict[str, Any]:
    parts = [f"{authority_name}: inspection of local authority children's services ({KIND_TEXT[plan.type]})"]
    if plan.start and plan.end:
        parts.append(f"inspection {date_range(plan.start, plan.end)}")
    if plan.published:
        parts.append(f"report published {human_date(plan.published)}")
    return ofsted_source(source_id, parts, plan.url, plan.published, via, plan.url_note)


def inspection_head(
    inspection_id: str,
    type_key: str,
    start: dt.date | None,
    end: dt.date | None,
    published: dt.date | None,
    judgements: dict[str, str],
    parts: Sequence[tuple[dt.date, dt.date]] = (),
) -> dict[str, Any]:
    """An imported inspection's id, type, visit (one date for a one-day visit, each part for a
    visit in parts), publication and grades."""
    from ruamel.yaml.comments import CommentedMap

    item: dict[str, Any] = {"id": inspection_id, "type": type_key}
    if start and end and start != end:
        item["visited"] = flow({"from": start, "to": end})
    elif start:
        item["visited"] = start
    if len(parts) > 1:
        item["visited_in_parts"] = flow([flow({"from": a, "to": b}) for a, b in parts])
    if published:
        item["published"] = published
    if judgements:
        item["judgements"] = CommentedMap(judgements)
    return item


def inspection_item(inspection_id: str, plan: Planned, source_id: str) -> dict[str, Any]:
    from ruamel.yaml.comments import CommentedMap

    item = inspection_head(inspection_id, plan.type, plan.start, plan.end, plan.published, plan.judgements)
    item["sources"] = flow([source_id])
    if plan.caveats:
        item["notes"] = [
            CommentedMap(
                [("kind", "caveat"), ("text", folded(" ".join(plan.caveats), 10)), ("sources", flow([source_id]))]
            )
        ]
    return item


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
            IMPORTED_HEADER,
            "\n",
            dump(head),
            "\n",
            sources,
            "\n",
            inspections.replace("inspections:\n", "inspections:\n\n", 1),
        ]
    )
