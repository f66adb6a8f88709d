"""Hostile text in every field an editor controls: whatever passes `check`, every output parses
with a strict parser, runs no script, and the data package validates."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import yaml
from bs4 import BeautifulSoup
from conftest import PAGE_STYLE
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tracker import pipeline
from tracker.render import css_string, xml_escape

FIXTURE = Path(__file__).parent / "site_fixture"
AS_OF = dt.date(2026, 11, 23)

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "[click](javascript:alert(1))",
    "<a href='javascript:alert(1)'>x</a>",
    "]]><x>",
    "</title><script>",
    "&amp;&lt;&#x3C;",
    '=HYPERLINK("http://evil.example")',
    "+1+2",
    "-3",
    "@SUM(A1)",
    "\tTab",
    "line\rbreak",
    "line\nbreak",
    "`code` *em* **strong** _u_",
    "{{ 7*7 }} {% if %}",
    "<!-- x -->",
    "'single' \"double\"",
    "ILACS SIF DfE",
    "عربي עברית",
    "\U0001f600 emoji",
    "\u00a0non-breaking",
    "a, b; c",
    # Emphasis that ends inside Markdown's placeholder for an entity or a tag: a control character
    # reached the page and the feeds.
    "*a**b*&amp;",
    "*>**>*<m>",
    # Raw HTML that nh3 wrote as a link inside a link.
    '<a href="https://a.example/"><select><a href="https://b.example/">x',
]
# Any printable character (control, format and surrogate characters are refused by `check`,
# tested in tests/bad/), and the payloads above, which hold the line breaks and tabs.
PRINTABLE = st.text(st.characters(exclude_categories=("Cs", "Cc", "Cf", "Co", "Cn")), min_size=1, max_size=12)
TEXT = st.lists(st.sampled_from(PAYLOADS) | PRINTABLE, min_size=1, max_size=4).map(" ".join)


@st.composite
def hostile(draw: st.DrawFn) -> dict[str, str]:
    fields = [
        "name", "region", "source_title", "publisher", "note", "via", "title", "focus", "summary",
        "recommendation", "caveat", "by", "plan", "priority", "workstream", "action", "owner", "update", "site",
    ]  # fmt: skip
    return {field: draw(TEXT) for field in fields}


def authority(values: dict[str, str]) -> dict[str, object]:
    """One authority with every free-text field an editor writes set to a hostile value."""
    v = values
    return {
        "name": v["name"],
        "codes": {"gss": "E10000001", "dfe": 101, "ofsted": 80001},
        "region": v["region"],
        "delivery": [{"from": "2015-04-01", "by": v["by"], "note": v["note"], "sources": ["report"]}],
        "notes": [{"text": v["caveat"], "sources": ["report"]}],
        "sources": [
            {
                "id": "report",
                "title": v["source_title"],
                "publisher": v["publisher"],
                "url": "https://example.org/report?a=1&b='2'#top",
                "published": "2017-01-24",
                "via": v["via"],
                "note": v["note"],
            }
        ],
        "inspections": [
            {
                "id": "sif-2016",
                "type": "sif",
                "title": v["title"],
                "visited": {"from": "2016-10-24", "to": "2016-11-17"},
                "published": "2017-01-24",
                "judgements": {"overall": "inadequate"},
                "summary": v["summary"],
                "sources": ["report"],
                "recommendations": [{"id": "r1", "text": v["recommendation"]}],
                "notes": [{"text": v["caveat"], "sources": ["report"]}],
            },
            {"id": "mv", "type": "monitoring-visit", "visited": "2017-05", "focus": v["focus"], "sources": ["report"]},
        ],
        "plans": [
            {
                "id": "sip",
                "title": v["plan"],
                "adopted": "2017-04",
                "in_response_to": ["sif-2016"],
                "priorities": [v["priority"]],
                "workstreams": [{"id": "A", "title": v["workstream"]}],
                "actions": [
                    {
                        "id": "A1",
                        "workstream": "A",
                        "title": v["action"],
                        "owner": v["owner"],
                        "status": "on-track",
                        "due": "2026-11-01",
                        "responds_to": ["sif-2016/r1"],
                        "updates": [{"date": "2026-10-01", "note": v["update"], "status": "at-risk"}],
                    }
                ],
            }
        ],
    }


def css_text(escaped: str) -> str:
    """A CSS string's text as a browser reads it: a hex escape takes one white-space character
    after it as its end (CSS Syntax 4.3.7), so a space the text had there must be written twice."""
    return re.sub(r"\\([0-9a-f]{1,6})[ \t\n]?", lambda m: chr(int(m[1], 16)), escaped)


def strict_html(path: Path) -> None:
    html5lib.HTMLParser(strict=True).parse(path.read_bytes())
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for style in soup.find_all("style"):
        assert PAGE_STYLE.fullmatch(style.get_text()), (path, style)
    for script in soup.find_all("script"):
        assert script.get("src", "").endswith(".js") and not script.get_text().strip(), (path, script)
    for tag in soup.find_all(True):
        for attribute, value in tag.attrs.items():
            assert not attribute.lower().startswith("on"), (path, tag)
            if attribute in ("href", "src", "action"):
                assert not str(value).strip().lower().startswith(("javascript:", "data:", "vbscript:")), (path, tag)


@given(st.text())
def test_a_name_in_a_css_string_cannot_end_it_and_reads_back_whole(name: str) -> None:
    written = css_string(name)
    assert PAGE_STYLE.fullmatch(
        f'@page {{ @top-left {{ content: "{written}"; }} @top-right {{ content: "{written}"; }} '
        f'@bottom-left {{ content: "{written}"; }} }}'
    )
    assert css_text(written) == name


@settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile())
def test_every_output_is_well_formed_whatever_an_editor_writes(values: dict[str, str]) -> None:
    import tempfile

    from frictionless import validate

    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        shutil.copytree(FIXTURE, content)
        (content / "authorities" / "alpha.yaml").write_text(
            yaml.safe_dump(authority(values), allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        site = yaml.safe_load((content / "site.yaml").read_text(encoding="utf-8"))
        site["title"] = values["site"]
        (content / "site.yaml").write_text(yaml.safe_dump(site, allow_unicode=True), encoding="utf-8")
        checked = pipeline.check(content, AS_OF)
        assume(checked.content is not None)  # what the checker refuses never reaches a page (say, a blank name)
        out = Path(tmp) / "site"
        _, written = pipeline.build(content, out, AS_OF, jobs=1)
        assert written
        # The authority's name, read back from its page's style, whole (spaces aside, which
        # the page shows as one).
        style = BeautifulSoup((out / "authorities/alpha/index.html").read_text(encoding="utf-8"), "html.parser").style
        found = PAGE_STYLE.fullmatch(style.get_text()) if style else None
        assert found and " ".join(css_text(found[1]).split()) == " ".join(values["name"].split()), style
        for path in sorted(out.rglob("*")):
            if path.suffix == ".html":
                strict_html(path)
            elif path.suffix == ".xml":
                ET.parse(path)
            elif path.suffix == ".json":
                json.loads(path.read_bytes())
            elif path.suffix == ".csv":
                rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
                assert len({len(row) for row in rows}) == 1, path
                for row in rows[1:]:
                    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), (path, row)
        report = validate(str(out / "data" / "datapackage.json"))
        assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_a_feed_never_carries_a_character_xml_does_not_allow() -> None:
    # `check` refuses control characters in content; whatever a text is made of on its way
    # (Markdown's own marks among them), the feeds and sitemap drop what XML cannot hold.
    assert xml_escape("a\x03b\x02\ufffe<c>\x00") == "ab&lt;c&gt;"
    ET.fromstring(f"<summary>{xml_escape(''.join(map(chr, range(0x20))))}</summary>")
