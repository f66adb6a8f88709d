"""The built site, asserted on parsed HTML, feed, sitemap, JSON and CSV."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from tracker.cli import main

FIXTURE = Path(__file__).parent / "site_fixture"
AS_OF = "2026-11-23"
ATOM = "{http://www.w3.org/2005/Atom}"


def build(content: Path, out: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out), "--as-of", AS_OF, *extra])
    return result.exit_code, result.output


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture
def site(content: Path, tmp_path: Path) -> Path:
    out = tmp_path / "site"
    code, output = build(content, out)
    assert code == 0, output
    return out


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_checklist_links_each_recommendation_to_its_actions_and_status(site: Path) -> None:
    soup = page(site, "authorities/alpha/index.html")
    statuses = {
        li["id"]: li.select_one(".checklist__status .tag").get_text(strip=True)
        for li in soup.select(".checklist__item")
    }
    assert statuses == {
        "rec-sif-2016-r1": "Met",
        "rec-sif-2016-r2": "In progress",
        "rec-sif-2016-r3": "No action recorded",
    }
    r2_links = [a["href"] for a in soup.select("#rec-sif-2016-r2 .checklist__actions a")]
    assert r2_links == [
        "#action-sip-A1",
        "#action-sip-A2",
        "#action-sip-A3",
        "#action-sip-A4",
        "#action-sip-A5",
        "#action-sip-A6",
    ]
    for href in r2_links:
        assert soup.find(id=href[1:]) is not None
    # Each status is read with its recommendation: the words "Status:" sit inside the same item.
    assert soup.select_one("#rec-sif-2016-r1 .checklist__status").get_text(" ", strip=True) == "Status: Met"
    # And the action links back to what it answers.
    back = [a["href"] for a in soup.select("#action-sip-A1 a")]
    assert back == ["#rec-sif-2016-r1", "#rec-sif-2016-r2"]


def test_unlisted_recommendations_are_said_plainly_with_the_report_link(site: Path) -> None:
    soup = page(site, "authorities/alpha/index.html")
    article = soup.select_one("#inspection-sif-2016")
    text = article.get_text(" ", strip=True)
    assert "The report sets 5." in text
    assert "2 of them are not listed here" in text
    assert "https://example.org/report" in [a["href"] for a in article.select("a")]


def test_overdue_at_the_as_of_boundary(site: Path) -> None:
    soup = page(site, "authorities/alpha/index.html")

    def tags(action: str) -> list[str]:
        return [t.get_text(strip=True) for t in soup.select(f"#action-sip-{action} .action__status .tag")]

    assert tags("A2") == ["On track", "Overdue"]  # due the day before the as-of date
    assert tags("A3") == ["On track"]  # due on the as-of date: not yet overdue
    assert tags("A4") == ["At risk"]  # due "2026-11": counts as the end of the month
    assert tags("A6") == ["Done"]  # the latest update's status wins; done is never overdue
    rows = {r["action"]: r for r in csv.DictReader(io.StringIO((site / "data/actions.csv").read_text()))}
    assert {k: rows[k]["overdue"] for k in ("A1", "A2", "A3", "A4", "A5", "A6")} == {
        "A1": "false",
        "A2": "true",
        "A3": "false",
        "A4": "false",
        "A5": "false",
        "A6": "false",
    }


def test_as_of_moves_the_overdue_line(content: Path, tmp_path: Path) -> None:
    out = tmp_path / "later"
    result = CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out), "--as-of", "2026-11-24"])
    assert result.exit_code == 0, result.output
    soup = page(out, "authorities/alpha/index.html")
    assert "Overdue" in [t.get_text(strip=True) for t in soup.select("#action-sip-A3 .tag")]


def test_slipped_action_shows_original_and_current_due_dates(site: Path) -> None:
    soup = page(site, "authorities/alpha/index.html")
    action = soup.select_one("#action-sip-A5")
    assert [t.get_text(strip=True) for t in action.select(".action__status .tag")] == ["At risk", "Slipped"]
    due = next(row for row in action.select(".summary__row") if row.dt.get_text(strip=True) == "Due")
    assert due.dd.get_text(" ", strip=True) == "31 December 2026 (originally 30 June 2026 ; moved 1 time)"
    assert "Recruitment slipped." in action.select_one(".updates").get_text()


def test_timeline_is_an_ordered_list_of_dated_entries_newest_first(site: Path) -> None:
    soup = page(site, "authorities/alpha/index.html")
    items = soup.select("ol.timeline > li")
    dates = [li.time["datetime"] for li in items]
    assert dates == sorted(dates, reverse=True)
    titles = [li.select_one(".timeline__title").get_text(strip=True) for li in items]
    assert "Service Improvement Plan adopted" in titles
    assert "Monitoring visit" in titles
    assert "Single inspection framework (Overall effectiveness: Inadequate)" in titles
    for li in items:
        target = li.select_one(".timeline__title a")["href"]
        assert soup.find(id=target[1:]) is not None, target


def test_overview_lists_every_authority_with_headline_progress_and_overdue(site: Path) -> None:
    soup = page(site, "index.html")
    rows = soup.select("#authority-table tbody tr")
    assert len(rows) == 1
    cells = [td.get_text(" ", strip=True) for td in rows[0].find_all("td")]
    assert cells[0] == "Alpha Council"
    assert cells[1] == "North East"
    assert cells[2] == "Inadequate"
    assert cells[3] == "Single inspection framework, 24 October 2016"
    assert cells[4] == "2 of 6 done"
    assert cells[5] == "1"
    assert rows[0]["data-grade"] == "inadequate"
    # Filters are hidden until the script shows them: the table alone works without JavaScript.
    assert soup.select_one("#filters").has_attr("hidden")


def test_internal_links_are_relative_and_base_url_changes_only_absolute_urls(content: Path, tmp_path: Path) -> None:
    default, moved = tmp_path / "default", tmp_path / "moved"
    assert build(content, default)[0] == 0
    base = "https://pages.example.net/org/tracker/"
    assert build(content, moved, "--base-url", base)[0] == 0
    for path in ("index.html", "authorities/alpha/index.html", "about/index.html"):
        soup = page(moved, path)
        assert soup.select_one("link[rel=canonical]")["href"] == base + path.removesuffix("index.html")
        for tag in soup.select("[href], [src]"):
            url = tag.get("href") or tag.get("src")
            if tag.name == "link" and tag.get("rel") == ["canonical"]:
                continue
            assert not url.startswith("/"), f"{path}: root-relative link {url}"
            if not urlsplit(url).scheme:
                target = urlsplit(urljoin(base + path, url)).path.removeprefix(urlsplit(base).path)
                resolved = moved / (target + "index.html" if target.endswith("/") or not target else target)
                assert resolved.exists(), f"{path}: {url} does not resolve"
    differing = {k for k, v in digest(default).items() if digest(moved)[k] != v}
    # Only files that carry absolute URLs differ.
    assert all(k.endswith((".html", ".xml", ".txt", ".json")) for k in differing)
    assert not any(k.endswith((".csv", ".css", ".js")) for k in differing)
    locs = [
        loc.text
        for loc in ET.parse(moved / "sitemap.xml").getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert locs and all(loc.startswith(base) for loc in locs)
    assert f"Sitemap: {base}sitemap.xml" in (moved / "robots.txt").read_text()


def test_404_page_links_from_the_site_root_path(content: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(content, out, "--base-url", "https://example.net/sub/")[0] == 0
    soup = page(out, "404.html")
    assert soup.select_one("link[rel=stylesheet]")["href"] == "/sub/assets/style.css"


def test_builds_are_byte_identical(content: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    assert build(content, first)[0] == 0
    assert build(content, second)[0] == 0
    assert digest(first) == digest(second)


def test_failed_build_leaves_the_last_good_site_untouched(content: Path, site: Path, tmp_path: Path) -> None:
    before = digest(site)
    broken = content / "authorities" / "alpha.yaml"
    broken.write_text(broken.read_text().replace("status: done", "status: finished", 1))
    code, output = build(content, site)
    assert code == 1
    assert "`finished` is not a valid `status`" in output
    assert "Nothing was written" in output
    assert digest(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["content", "site"]  # no staging left behind


def test_feed_has_stable_unique_ids_and_links_into_pages(content: Path, site: Path, tmp_path: Path) -> None:
    root = ET.parse(site / "feed.xml").getroot()
    entries = root.findall(f"{ATOM}entry")
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(ids) == len(set(ids)) > 0
    moved = tmp_path / "moved"
    assert build(content, moved, "--base-url", "https://preview.example.net/")[0] == 0
    moved_ids = [e.findtext(f"{ATOM}id") for e in ET.parse(moved / "feed.xml").getroot().findall(f"{ATOM}entry")]
    assert moved_ids == ids
    for entry in entries:
        href = entry.find(f"{ATOM}link").get("href")
        assert href.startswith("https://example.org/tracker/authorities/alpha/#")


def test_open_data_matches_the_pages(site: Path) -> None:
    soup = page(site, "authorities/alpha/index.html")
    twin = soup.select_one('link[rel=alternate][type="application/json"]')["href"]
    assert twin == "../alpha.json"
    data = json.loads((site / "authorities/alpha.json").read_text())
    assert data["slug"] == "alpha"
    assert data["derived"]["recommendations"] == {
        "sif-2016-r1": "met",
        "sif-2016-r2": "in-progress",
        "sif-2016-r3": "no-action",
    }
    everything = json.loads((site / "data/authorities.json").read_text())
    assert [a["slug"] for a in everything["authorities"]] == ["alpha"]
    package = json.loads((site / "data/datapackage.json").read_text())
    assert package["licenses"][0]["path"].startswith("https://www.nationalarchives.gov.uk/")
    for resource in package["resources"]:
        header = next(csv.reader(io.StringIO((site / "data" / resource["path"]).read_text())))
        assert header == [f["name"] for f in resource["schema"]["fields"]]
    recs = list(csv.DictReader(io.StringIO((site / "data/recommendations.csv").read_text())))
    assert [(r["recommendation"], r["status"]) for r in recs] == [
        ("r1", "met"),
        ("r2", "in-progress"),
        ("r3", "no-action"),
    ]


def test_every_page_footer_names_licence_and_publisher(site: Path) -> None:
    for path in (
        "index.html",
        "authorities/alpha/index.html",
        "frameworks/index.html",
        "about/index.html",
        "accessibility/index.html",
        "404.html",
    ):
        footer = page(site, path).select_one("footer")
        links = {a.get_text(strip=True): a["href"] for a in footer.select("a")}
        assert links["Open Government Licence v3.0"].startswith("https://www.nationalarchives.gov.uk/")
        assert links["Fixture Partnership"] == "https://www.exampleshire.gov.uk/"


HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](  javascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox)",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=https://evil.example></iframe>",
    "<svg onload=alert(1)>",
    '<div onclick="alert(1)">x</div>',
    "![x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "<style>body{display:none}</style>",
    '"><script>alert(1)</script>',
    "`<script>` in code is shown, not run",
    "[ok](https://example.org/fine) and [mail](mailto:a@example.org)",
    # Beyond the limits of what Markdown formats: shown as written, still sanitised.
    "<script>alert(1)</script>" + "[" * 40,
]


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_markdown_puts_no_script_on_a_page(content: Path, tmp_path: Path, payload: str) -> None:
    path = content / "authorities" / "alpha.yaml"
    quoted = json.dumps(payload)  # a JSON string is a valid YAML double-quoted scalar
    text = path.read_text()
    text = text.replace("summary: Widespread and serious failures.", f"summary: {quoted}")
    text = text.replace("{id: r3, text: Improve supervision.}", f"{{id: r3, text: {quoted}}}")
    text = text.replace("focus: Progress against the plan", f"focus: {quoted}")
    text = text.replace("note: Recruitment slipped.", f"note: {quoted}")
    path.write_text(text)
    out = tmp_path / "out"
    code, output = build(content, out)
    assert code == 0, output
    # admin/ is the CMS page: it loads Decap and shows no content.
    for html in (p for p in out.rglob("*.html") if "admin" not in p.relative_to(out).parts):
        soup = BeautifulSoup(html.read_text(), "html.parser")
        scripts = [s.get("src") for s in soup.find_all("script")]
        assert scripts in ([], ["./assets/overview.js"]), (html, scripts)
        assert not soup.find_all(["iframe", "img", "svg", "style", "object", "embed", "form"]), html
        for tag in soup.find_all(True):
            for attribute, value in tag.attrs.items():
                assert not attribute.lower().startswith("on"), (html, tag)
                if attribute in ("href", "src", "action"):
                    scheme = urlsplit(value.strip()).scheme.lower()
                    assert scheme in ("", "http", "https", "mailto"), (html, tag)
                    if not scheme and tag.name == "a":
                        # Relative links come from templates, never from content.
                        assert not value.strip().lower().startswith(("javascript", "data", "vbscript")), (html, tag)


def test_url_fields_accept_only_http_and_https(content: Path) -> None:
    path = content / "authorities" / "alpha.yaml"
    path.write_text(path.read_text().replace("url: https://example.org/letter", "url: javascript:alert(1)"))
    result = CliRunner().invoke(main, ["check", "--content", str(content), "--as-of", AS_OF])
    assert result.exit_code == 1
    assert "authorities/alpha.yaml:6:49: error: `javascript:alert(1)` is not a valid `url`" in result.output
