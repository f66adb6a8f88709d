"""The built site, asserted on parsed HTML, feeds, sitemap, JSON and CSV.

tests/site_fixture holds five small authorities, each a case of the rules:
alpha (a current plan with overdue, slipped and late actions), beta (an old plan and a
newer inspection), gamma (a closed plan), delta (a current plan answering a focused
visit since the latest inspection, with no actions recorded) and epsilon (a plan
answering a focused visit, then a newer inspection).
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import hashlib
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from click.testing import CliRunner
from conftest import PAGE_STYLE

from tracker import pipeline
from tracker.cli import main
from tracker.derive import ACTION_STATUS_LABEL, Event, done_late
from tracker.model import PartialDate, page_names
from tracker.plain import ACRONYMS, PLURALS
from tracker.render import environment

FIXTURE = Path(__file__).parent / "site_fixture"
AS_OF = "2026-11-23"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SLUGS = ["alpha", "beta", "delta", "epsilon", "gamma"]


def build(content: Path, out: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out), "--as-of", AS_OF, *extra])
    return result.exit_code, result.output


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    return target


def site_of(content: Path, folder: Path) -> Path:
    return build_site(content, folder / "site")


def rewrite(content: Path, slug: str, *changes: tuple[str, str]) -> None:
    """An authority's file of the fixture, each (old, new) replaced once: an old text the file
    lacks fails, so that a test never passes on the fixture unchanged."""
    path = content / "authorities" / f"{slug}.yaml"
    source = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert source.count(old) == 1, old
        source = source.replace(old, new)
    path.write_text(source, encoding="utf-8")


def build_site(content: Path, out: Path) -> Path:
    code, output = build(content, out)
    assert code == 0, output
    return out


@pytest.fixture
def site(content: Path, tmp_path: Path) -> Path:
    out = tmp_path / "site"
    code, output = build(content, out)
    assert code == 0, output
    return out


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def text(node: object) -> str:
    return node.get_text(" ", strip=True)  # type: ignore[attr-defined]


def rows(site: Path, name: str) -> list[dict[str, str]]:
    with (site / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def card(soup: BeautifulSoup, label: str) -> str:
    for c in soup.select("#summary .card"):
        if c.select_one(".card__label").get_text(strip=True) == label:
            return text(c)
    raise AssertionError(f"no summary card {label!r}")


# The report card ---------------------------------------------------------------------------


def test_summary_leads_the_page_with_the_latest_judgement_and_direction(site: Path) -> None:
    soup = page(site, "authorities/beta/index.html")
    main = soup.select_one("main")
    # The summary is the first thing after the title: nothing (notes, delivery, sources) comes before it.
    # (The note that heads a printed page shows only on paper.)
    first = [el.name for el in main.find_all(recursive=False) if "print-only" not in el.get("class", [])][:2]
    assert first == ["h1", "section"] and main.find("section")["id"] == "summary"
    assert card(soup, "Latest full inspection").startswith("Latest full inspection Good Given where children get")
    # The grade's meaning is the site's paraphrase of Ofsted's framework, and says so.
    assert "a real difference to their lives (in this site's words) ." in card(soup, "Latest full inspection")
    assert (
        "ILACS (inspecting local authority children's services) inspection , visited May 2023, published 14 July 2023"
        in card(soup, "Latest full inspection")
    )
    # How long the grade has stood, from the report that gave it, as the grade pages give it:
    # after the earlier inspection's line, not between its grade and that line.
    assert card(soup, "Before that") == (
        "Before that Improved from Inadequate "
        "SIF (single inspection framework) inspection , visited November 2016, published February 2017 "
        "Good since July 2023 (3 years and 4 months)."
    )
    # After one full inspection too: there is no direction of travel, but there is a duration.
    assert card(page(site, "authorities/alpha/index.html"), "Before that") == (
        "Before that No earlier full inspection is recorded here, so there is no direction of travel to show. "
        "Inadequate since January 2017 (at least 9 years and 9 months)."
    )
    # The plan no source closes, from the 2016 inspection, is named, with its overdue action and
    # how old its record is: it has not gone because a newer inspection has no plan recorded.
    assert card(soup, "Improvement plan") == (
        "Improvement plan No improvement plan recorded for the May 2023 inspection. An earlier plan with no closing "
        "date recorded: Service improvement plan 2017 , 0 of 1 action complete, 1 overdue; last update recorded "
        "15 January 2018 ."
    )
    assert "3 points to improve from the May 2023 inspection. None is listed here yet." in card(
        soup, "What Ofsted asked for"
    )
    # Nothing recorded is said as such, never as "the council alone".
    delivered = card(soup, "Services delivered by")
    assert delivered.startswith("Services delivered by Not recorded Whether a children's trust")
    # Headed apart, as a screen reader moves by headings: not read as part of the last card.
    assert text(soup.select_one(".report__record > h3.vh:first-child")) == "What this page records"
    record = text(soup.select_one(".report__record p"))
    assert record == (
        "Recorded here: 2 full inspections, November 2016 to May 2023; 1 improvement plan. "
        "Not recorded: an improvement plan for the May 2023 inspection; the 3 points the ILACS inspection of "
        "May 2023 set; monitoring visits after the inadequate judgement of the November 2016 inspection (they are "
        "not in the national data)."
    )


def test_a_council_created_since_its_predecessors_inspection_says_so_where_no_direction_is_shown(
    content: Path, tmp_path: Path
) -> None:
    # Its first inspection is not the sign of missing data that "no earlier inspection" reads as.
    rewrite(
        content, "alpha", ("name: Alpha Council\n", "name: Alpha Council\ncreated: 2015-04-01\npredecessors: [gamma]\n")
    )
    rewrite(content, "gamma", ("name: Gamma City Council\n", "name: Gamma City Council\nsuccessors: [alpha]\n"))
    soup = page(site_of(content, tmp_path), "authorities/alpha/index.html")
    assert card(soup, "Before that") == (
        "Before that Created 1 April 2015 , taking over from Gamma City Council : this is Alpha Council's first full "
        "inspection recorded here, so there is no direction of travel to show. Inadequate since January 2017 "
        "(9 years and 9 months)."
    )
    assert soup.select_one("#summary .card a[href='../gamma/']") is not None
    # With notes of its own, the card points to them, on screen alone: paper does not print them.
    noted = "created: 2015-04-01\nnotes: [{text: Formed from Gamma., sources: [report]}]\n"
    rewrite(content, "alpha", ("created: 2015-04-01\n", noted))
    soup = page(site_of(content, tmp_path / "noted"), "authorities/alpha/index.html")
    pointer = soup.select_one("#summary .card a[href='#notes']")
    assert pointer is not None and pointer.find_parent(class_="screen-only") is not None
    assert card(soup, "Before that").startswith(
        "Before that Created 1 April 2015 , taking over from Gamma City Council : this is Alpha Council's first full "
        "inspection recorded here, so there is no direction of travel to show ( its notes may say more) ."
    )


def test_summary_counts_what_ofsted_asked_and_how_far_it_is_answered(site: Path) -> None:
    soup = page(site, "authorities/alpha/index.html")
    asked = card(soup, "What Ofsted asked for")
    assert asked.startswith("What Ofsted asked for 5 points to improve from the October 2016 inspection.")
    assert "3 listed here: 2 answered by plan actions (1 with all of them complete); 1 with no action." in asked
    assert soup.select_one("#summary a[href='#asked']") is not None
    plan = card(soup, "Improvement plan")
    # Each action counted once (2 + 2 + 2 = 6), overdue said of some of them: "1 overdue; 2 at
    # risk" beside the rest read as more actions than the plan has.
    assert plan == (
        "Improvement plan Service Improvement Plan 2 of 6 actions complete (1 of them late); of the 4 not complete, "
        "2 on track and 2 at risk; 1 of the 4 overdue."
    )
    # Below, where each action shows the council's status, "overdue" says it is the site's own word.
    progress = next(d for d in soup.select("#plan-sip dl div") if text(d.dt) == "Progress")
    assert text(progress.dd) == (
        "2 of 6 actions complete; of the 4 not complete, 2 on track and 2 at risk; 1 of the 4 overdue (past its due "
        "date and not recorded as done or dropped, whatever its rating); 1 done after the due date"
    )


def test_a_visit_after_the_latest_inspection_is_the_latest_visit(site: Path) -> None:
    soup = page(site, "authorities/delta/index.html")
    # Dated as the inspection cards are, by its visit and its letter: not by the visit alone.
    assert card(soup, "Latest visit") == (
        "Latest visit Focused visit , visited October 2023, published 1 December 2023 Children subject to a child "
        "protection plan What the visit looked at, in full Visits published after December 2023 are not recorded "
        "here yet."
    )
    assert card(soup, "Before that") == (
        "Before that Declined from Outstanding "
        "SIF (single inspection framework) inspection , visited April 2017, published June 2017 "
        "Good since December 2021 (4 years and 11 months)."
    )


def test_every_judgement_of_the_latest_inspection_is_in_the_summary(site: Path) -> None:
    # The record of inspections, which shows them on screen, is not printed: the summary
    # carries them all for print (and only for print, so that it fits one screen).
    soup = page(site, "authorities/alpha/index.html")
    table = soup.select_one("#summary .print-only > table:not(.report__history)")
    assert text(table.caption) == "Judgements of the October 2016 inspection"
    assert [[text(cell) for cell in row.find_all(["th", "td"])] for row in table.tbody.find_all("tr")] == [
        ["Overall effectiveness", "Inadequate"],
        ["Children who need help and protection", "Inadequate"],
    ]
    # One judgement is the card's grade: a table would only repeat it.
    assert page(site, "authorities/beta/index.html").select_one("#summary table:not(.report__history)") is None


def test_paper_lists_every_inspection_and_visit_a_line_each(site: Path) -> None:
    # The chart and each inspection's entry are screen-only: a committee paper still has the
    # history, where the record holds more than the cards name.
    soup = page(site, "authorities/epsilon/index.html")
    table = soup.select_one("#summary .print-only > table.report__history")
    assert text(table.caption) == "Inspections and visits recorded here, newest first"
    # Read as printed: `<wbr>` in an address (below) parts no words.
    assert [[" ".join(cell.get_text().split()) for cell in row.find_all(["th", "td"])] for row in table("tr")] == [
        ["Inspection or visit", "Visited", "Headline grade", "Report or letter published"],
        ["ILACS inspection", "June 2025", "Outstanding", "12 August 2025 at https://example.org/epsilon/2025"],
        ["Focused visit", "November 2023", "Not graded", "1 December 2023 at https://example.org/epsilon/fv"],
        [
            "SIF inspection",
            "November 2017",
            "Requires improvement to be good",
            "10 January 2018 at https://example.org/epsilon/2018",
        ],
        ["SIF inspection", "January 2015", "Inadequate", "10 March 2015 at https://example.org/epsilon/2015"],
    ]
    assert [th["scope"] for th in table.select("tbody th")] == ["row"] * 4
    # A committee paper quoting an older grade cites its report: each day published links
    # the report, and its address is printed, breaking only at a slash, not inside a number.
    assert [(a.get_text(), a["href"]) for a in table.select("tbody td:last-child a")] == [
        (day, f"https://example.org/epsilon/{key}")
        for day, key in [
            ("12 August 2025", "2025"),
            ("1 December 2023", "fv"),
            ("10 January 2018", "2018"),
            ("10 March 2015", "2015"),
        ]
    ]
    assert str(table.select_one("tbody td:last-child")).endswith(
        " at https://example.org<wbr/>/epsilon<wbr/>/2025</td>"
    )
    # Every one has its own report's address: no need of Ofsted's list of them.
    assert table.find_next_sibling("p") is None
    note = text(soup.select_one(".print-note"))
    assert "Not printed: the chart of judgements over time" in note
    assert "the full entry of every inspection and visit, " in note
    # Alpha's cards name its inspection and its visit: a table would only repeat them.
    alpha = page(site, "authorities/alpha/index.html")
    assert alpha.select_one("#summary .card") is not None and alpha.select_one("table.report__history") is None
    assert "Not printed: the judgements over time" in text(alpha.select_one(".print-note"))


def with_delivery(content: Path, tmp_path: Path, *bodies: str) -> tuple[Path, BeautifulSoup]:
    """The fixture with alpha's `delivery` listing these entries (flow mappings), built: the
    site and alpha's page."""
    listed = "".join(f"  - {body}\n" for body in bodies)
    rewrite(content, "alpha", ("inspections:\n", f"delivery:\n{listed}inspections:\n"))
    site = site_of(content, tmp_path)
    return site, page(site, "authorities/alpha/index.html")


def delivered(site: Path, slug: str) -> list[str]:
    """An authority's delivered_by, delivered_from and delivered_to in authorities.csv, which
    the JSON index and its own file's derived standing give alike."""
    [row] = [r for r in rows(site, "authorities") if r["authority"] == slug]
    fields = ("delivered_by", "delivered_from", "delivered_to")
    index = json.loads((site / "data/authorities.json").read_text(encoding="utf-8"))
    [entry] = [e for e in index["authorities"] if e["slug"] == slug]
    derived = json.loads((site / f"authorities/{slug}.json").read_text(encoding="utf-8"))["derived"]
    for given in (entry, derived):
        assert [given[f] or "" for f in fields] == [row[f] for f in fields], slug
    return [row[f] for f in fields]


def test_a_body_named_without_a_start_is_told_as_such_and_given_no_date(content: Path, tmp_path: Path) -> None:
    # Some reports name who runs the services without saying since when: nothing is guessed.
    site, soup = with_delivery(content, tmp_path, "{by: Alpha Children First, sources: [letter]}")
    assert card(soup, "Services delivered by") == (
        "Services delivered by Alpha Children First When it began is not recorded here. What the sources say"
    )
    assert text(soup.select_one("#delivery dd > p")) == "Alpha Children First (when it began is not recorded)"
    # The timeline and the feed have no entry for it, as they would need its date.
    assert not [e for e in soup.select(".timeline li") if "Alpha Children First" in text(e)]
    assert not [i for i in entries(site / "authorities/alpha/feed.xml") if "/delivery/" in i]
    assert delivered(site, "alpha") == ["Alpha Children First", "", ""]


def test_the_body_that_began_last_delivers_the_services_wherever_it_is_listed(content: Path, tmp_path: Path) -> None:
    # Listed newest first, as an editor adding a trust at the top might: the card, the history
    # and the table all go by when each began, not by the file's order.
    site, soup = with_delivery(
        content,
        tmp_path,
        "{from: 2021-04, by: Alpha Children First, sources: [letter]}",
        "{from: 2015-10-01, to: 2021-03, by: Alpha Children's Trust, sources: [letter]}",
    )
    assert card(soup, "Services delivered by").startswith(
        "Services delivered by Alpha Children First, since April 2021 Before: Alpha Children's Trust."
    )
    told = [text(p) for p in soup.select("#delivery dd > p:not(.sources)")]
    assert [t.split(",")[0] for t in told] == ["Alpha Children First", "Alpha Children's Trust"]
    assert delivered(site, "alpha") == ["Alpha Children First", "2021-04", ""]
    assert delivered(site, "beta") == ["", "", ""]


def test_a_body_that_has_stopped_is_not_the_one_delivering_the_services(content: Path, tmp_path: Path) -> None:
    # An interim trust for a month, begun on a day of the month another began in: the one
    # still delivering is the card's and the table's, and the timeline tells each when it began.
    site, soup = with_delivery(
        content,
        tmp_path,
        "{from: 2018-04, by: Alpha Children First, sources: [letter]}",
        "{from: 2018-04-01, to: 2018-04-30, by: Alpha Interim Trust, sources: [letter]}",
    )
    assert card(soup, "Services delivered by").startswith(
        "Services delivered by Alpha Children First, since April 2018 Before: Alpha Interim Trust."
    )
    assert delivered(site, "alpha") == ["Alpha Children First", "2018-04", ""]
    told = [text(p) for p in soup.select("#delivery dd > p:not(.sources)")]
    assert [t.split(",")[0] for t in told] == ["Alpha Interim Trust", "Alpha Children First"]
    timeline = [text(e) for e in soup.select(".timeline li") if "Services delivered by" in text(e)]
    assert ["Interim" in t for t in timeline] == [True, False]  # newest first


def test_on_paper_the_lead_card_gives_the_address_of_the_inspections_own_report(content: Path, tmp_path: Path) -> None:
    # The press cited beside the report is left to the screen: three addresses made the card
    # a third of its sheet. Where the report's own address is not known, every source's is given.
    news = "  - {id: news, title: Alpha news article, url: https://example.org/news/alpha-inadequate}\n"
    rewrite(
        content,
        "alpha",
        ("sources:\n", "sources:\n" + news),
        ("    sources: [report]\n", "    sources: [report, news]\n"),
    )

    def printed(folder: Path) -> str:  # an address is breakable: its parts are joined again
        card = page(site_of(content, folder), "authorities/alpha/index.html").select_one("#summary .card--lead")
        return card.select_one("p.print-only").get_text("", strip=True)

    assert printed(tmp_path) == "Source: Ofsted, 24 January 2017, https://example.org/report"
    # Its publication day unknown, the report is not known to be the inspection's own: both are given.
    rewrite(content, "alpha", ("example.org/report, published: 2017-01-24}", "example.org/report}"))
    said = printed(tmp_path / "again")
    assert said.startswith("Sources: ") and "example.org/report;" in said and "example.org/news/alpha" in said


def with_ilacs_2026(content: Path, judgements: str) -> None:
    """Alpha inspected last by a type with two headline judgements and no overall grade."""
    frameworks = content / "frameworks.yaml"
    frameworks.write_text(
        frameworks.read_text().replace(
            "  focused-visit:\n",
            "  ilacs-2026:\n    name: ILACS from April 2026\n    scale: four-point-2013\n"
            "    headline: [leadership, care-leavers]\n    judgements:\n"
            "      leadership: {label: The impact of leaders on practice, short: Impact of leaders}\n"
            "      care-leavers: The experiences and progress of care leavers\n"
            "  focused-visit:\n",
        ),
        encoding="utf-8",
    )
    path = content / "authorities" / "alpha.yaml"
    path.write_text(
        path.read_text().replace(
            "plans:\n",
            "  - id: ilacs-2026\n    type: ilacs-2026\n    visited: {from: 2026-06-08, to: 2026-06-19}\n"
            f"    judgements: {judgements}\n    sources: [report]\n"
            "plans:\n",
            1,
        ),
        encoding="utf-8",
    )


def test_several_headline_judgements_are_listed_in_the_card_by_their_short_names(content: Path, tmp_path: Path) -> None:
    # A type graded without one overall grade (ILACS from April 2026, SLAC) heads the card
    # with each judgement; a name frameworks.yaml shortens is short there, whole below.
    with_ilacs_2026(content, "{leadership: good, care-leavers: inadequate}")
    soup = page(site_of(content, tmp_path), "authorities/alpha/index.html")
    grades = soup.select_one("#summary .card__grade--many")
    assert [text(label) for label in grades.select(".card__judgement")] == [
        "Impact of leaders:",
        "The experiences and progress of care leavers:",
    ]
    assert [text(tag) for tag in grades.select(".tag")] == ["Good", "Inadequate"]
    # Said beside them, as the overview counts it: a reader of this page alone would not know.
    assert text(grades.find_next_sibling("p")).startswith("No single overall grade. ILACS (inspecting")
    assert "The impact of leaders on practice" in text(soup.select_one("#inspection-ilacs-2026"))


@pytest.mark.parametrize("path", ["index.html", "authorities/beta/index.html", "analysis/index.html"])
def test_every_page_says_how_far_the_record_reaches_beside_its_as_of_date(site: Path, path: str) -> None:
    # The as-of date is the day of the build: "the position as of" it would claim a report
    # published since is not there. The newest report of any authority says how far it reaches.
    # The fixture's visits end before its inspections do, as the national data's do: said too.
    soup = page(site, path)
    assert text(soup.select_one("footer p")).endswith(
        "Content describes the position as of 23 November 2026 , as far as the reports recorded here show: the "
        "newest was published on 12 August 2025 (the newest letter from a visit, on 1 December 2023 ), and reports "
        "published since may not be here yet."
    )
    # On paper, at the head of the first sheet: the overview's lead says it there, once.
    said = (
        "the newest report of any authority recorded on the site: 12 August 2025; of a letter from a visit: "
        "1 December 2023"
    )
    printed = text(soup.select_one(".print-note"))
    assert (said in printed) == (path != "index.html")
    if path == "index.html":
        assert "The newest report recorded here was published on 12 August 2025" in text(soup.select_one(".lead"))


def test_a_newest_letter_known_by_its_month_is_said_to_be_in_it(content: Path, tmp_path: Path) -> None:
    # "published on December 2023": a month is "in", a day "on".
    rewrite(content, "delta", ("    published: 2023-12-01\n", "    published: 2023-12\n"))
    site = site_of(content, tmp_path)
    overview = page(site, "index.html")
    lead = " ".join(overview.select_one(".lead").get_text().split())
    assert (
        "The newest report recorded here was published on 12 August 2025, and the newest letter from a visit in "
        "December 2023:"
    ) in lead
    footer = " ".join(overview.select_one("footer p").get_text().split())
    assert "the newest was published on 12 August 2025 (the newest letter from a visit, in December 2023)" in footer
    described = json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))["description"]
    assert "the newest report recorded was published on 2025-08-12" in described


def test_a_visit_card_says_when_the_visits_recorded_end_before_the_inspections_do(
    content: Path, tmp_path: Path
) -> None:
    # The national data of focused visits ends months before that of inspections: a reader
    # told only of the newest report would take a council's latest visit to be its last.
    lead = "The newest report recorded here was published on 12 August 2025"
    soup = page(site_of(content, tmp_path / "lagging"), "authorities/beta/index.html")
    [visit] = [c for c in soup.select("#summary .card") if text(c.select_one(".card__label")) == "Latest visit"]
    assert text(visit.select(".card__meta")[-1]) == "Visits published after December 2023 are not recorded here yet."
    # A visit in the newest report's month: the visits reach as far, and nothing is said. (Its
    # letter's date not recorded, it counts by its own.)
    visit = "  - {id: fv-2025, type: focused-visit, visited: 2025-08, sources: [r2025]}\n"
    rewrite(content, "epsilon", ("plans:\n", f"{visit}plans:\n"))
    site = site_of(content, tmp_path / "level")
    soup = page(site, "authorities/beta/index.html")
    assert not [p for p in soup.select("#summary .card__meta") if text(p).startswith("Visits published after")]
    assert f"{lead} : reports" in text(page(site, "index.html").select_one(".lead"))
    assert "(of a visit" not in text(soup.select_one("footer"))


def test_the_card_names_the_judgements_graded_otherwise_than_the_overall_grade(content: Path, tmp_path: Path) -> None:
    # "Good" alone would tell a parent of a child in care nothing of care judged weaker.
    frameworks = content / "frameworks.yaml"
    judgements = (
        "      overall: Overall effectiveness\n      leadership: The impact of leaders\n"
        "      in-care: {label: The experiences and progress of children in care, short: Children in care}\n"
    )
    before, ilacs = frameworks.read_text(encoding="utf-8").split("  ilacs:\n")
    ilacs = ilacs.replace("      overall: Overall effectiveness\n", judgements, 1)
    frameworks.write_text(f"{before}  ilacs:\n{ilacs}", encoding="utf-8")
    beta = content / "authorities" / "beta.yaml"
    graded = "{overall: good, leadership: requires-improvement, in-care: requires-improvement}"
    beta.write_text(beta.read_text(encoding="utf-8").replace("{overall: good}", graded), encoding="utf-8")
    soup = page(site_of(content, tmp_path), "authorities/beta/index.html")
    said = soup.select_one("#summary .card--lead .card__grade").find_next_sibling("p").find_next_sibling("p")
    assert text(said) == "Graded differently: the impact of leaders, children in care: Requires improvement to be good"
    assert "screen-only" in said["class"]  # on paper, the table of every judgement follows the cards
    # An inspection graded the same throughout says nothing more.
    assert "Graded differently" not in text(page(site_of(content, tmp_path / "again"), "authorities/gamma/index.html"))


def test_authorities_csv_gives_every_headline_grade_so_a_filter_finds_an_inadequate_one(
    content: Path, tmp_path: Path
) -> None:
    # latest_grade is empty without a single overall grade: a journalist filtering it for
    # "inadequate" would miss alpha, whose leadership is judged inadequate.
    with_ilacs_2026(content, "{leadership: inadequate, care-leavers: good}")
    out = site_of(content, tmp_path)
    data = {r["authority"]: r for r in rows(out, "authorities")}
    assert (data["alpha"]["latest_grade"], data["alpha"]["latest_headline_grades"]) == (
        "",
        "leadership:inadequate care-leavers:good",
    )
    assert data["beta"]["latest_headline_grades"] == "overall:good"
    # The same as judgements.csv's headline rows of each authority's latest inspection.
    headline = [r for r in rows(out, "judgements") if r["headline"] == "true"]
    for slug, row in data.items():
        latest = (slug, row["latest_inspection"])
        listed = [f"{r['judgement']}:{r['grade']}" for r in headline if (r["authority"], r["inspection"]) == latest]
        assert row["latest_headline_grades"] == " ".join(listed), slug
    # A judgement's key names different judgements in different frameworks: each row says its type.
    types = {(r["authority"], r["inspection"]): r["type"] for r in rows(out, "inspections")}
    judged = rows(out, "judgements")
    assert judged and all(r["inspection_type"] == types[r["authority"], r["inspection"]] for r in judged)
    assert {r["inspection_type"] for r in judged} >= {"sif", "ilacs"}


def test_no_longer_a_grade_says_how_many_went_up_and_how_many_down(content: Path, tmp_path: Path) -> None:
    # Epsilon went from requires improvement to outstanding; gamma, made inadequate at its
    # latest, went down; delta, made requires improvement, holds the grade and keeps its page.
    gamma, delta = (content / "authorities" / f"{slug}.yaml" for slug in ("gamma", "delta"))
    written = gamma.read_text(encoding="utf-8")
    at = written.rindex("{overall: requires-improvement}")
    gamma.write_text(written[:at] + "{overall: inadequate}" + written[at + 31 :], encoding="utf-8")
    delta.write_text(delta.read_text().replace("{overall: good}", "{overall: requires-improvement}"), encoding="utf-8")
    soup = page(site_of(content, tmp_path), "grades/requires-improvement/index.html")
    assert text(soup.select_one("#left-caption").find_parent("div").find_previous("p")).startswith(
        "2 authorities were judged “Requires improvement to be good” at the full inspection before their latest, "
        "and given another overall grade at their latest: 1 a better one, 1 a worse."
    )
    assert [text(r.th) for r in soup.select("#left-caption ~ tbody tr")] == ["Epsilon Council", "Gamma City Council"]


def test_a_grade_pages_column_of_grades_now_says_where_there_is_no_single_one(content: Path, tmp_path: Path) -> None:
    # "Overall grade now: Good, Good" read as two overall grades: the overview says none.
    with_ilacs_2026(content, "{leadership: good, care-leavers: good}")
    # Inadequate, then requires improvement, then several grades: out of inadequate since an earlier inspection.
    rewrite(
        content,
        "alpha",
        (
            "  - id: mv-2017-05\n",
            "  - {id: ilacs-2022, type: ilacs, visited: 2022-03, published: 2022-05-01, "
            "judgements: {overall: requires-improvement}, sources: [report]}\n  - id: mv-2017-05\n",
        ),
    )
    rewrite(content, "beta", ("judgements: {overall: good}", "judgements: {overall: inadequate}"))  # the page's one
    inadequate = page(site_of(content, tmp_path), "grades/inadequate/index.html")
    left = next(tr for tr in inadequate.select("tbody tr") if text(tr.th) == "Alpha Council")
    assert text(left.select_one("td[data-label='Latest judgement']")) == (
        "No single overall grade Impact of leaders: Good The experiences and progress of care leavers: Good"
    )


def test_an_inadequate_judgement_without_an_overall_grade_is_seen_beside_the_inadequate(
    content: Path, tmp_path: Path
) -> None:
    # Counted as "no single overall grade", alpha must still be found by a reader looking
    # for inadequate authorities: on the overview, the analysis and the grade pages.
    with_ilacs_2026(content, "{leadership: inadequate, care-leavers: good}")
    out = site_of(content, tmp_path)
    overview = page(out, "index.html")
    note = next(p for p in overview.select("#main p") if text(p).startswith("Counted as without"))
    assert text(note) == (
        "Counted as without a single overall grade, but with at least one judgement graded inadequate: "
        "Alpha Council (impact of leaders)."
    )
    assert note.select_one("a")["href"] == "./authorities/alpha/"
    # Why it has no single grade is said where the grades are counted: readers asked.
    counted = next(p for p in overview.select("#main p") if text(p).startswith("Counts use"))
    assert "gave a grade for each of several judgements and none overall, as those from April 2026 do, is " in (
        text(counted)
    )
    assert "counted under “No single overall grade”" in text(counted)
    # The table of all authorities says it in words before the grades, as the authority's page does.
    row = next(tr for tr in overview.select("#main table tbody tr") if text(tr.th) == "Alpha Council")
    assert text(row.select("td")[1]) == (
        "No single overall grade Impact of leaders: Inadequate The experiences and progress of care leavers: Good"
    )
    # Sorted by latest judgement, worst first, it comes just after the inadequate, not below
    # every grade, and the sort says so where it is offered.
    cells = {text(tr.th): tr.select("td")[1] for tr in overview.select("#authority-table tbody tr")}
    assert cells["Alpha Council"]["data-value"] == "3"  # inadequate, the fourth of the fixture's one scale
    assert cells["Alpha Council"]["data-then"] == "1"  # after those graded inadequate, whichever the direction
    assert all("data-then" not in cell.attrs for name, cell in cells.items() if name != "Alpha Council")
    hint = text(overview.select_one("#filters p.hint"))
    assert hint.startswith("When the table is sorted by latest judgement, an authority")
    # A feed entry names several grades by their judgements' short names: one line, not a paragraph.
    root = ET.parse(out / "authorities/alpha/feed.xml").getroot()
    [title] = [t for e in root.iter(f"{ATOM}entry") if "ILACS from April 2026" in (t := e.findtext(f"{ATOM}title"))]
    assert title == (
        "Alpha Council: ILACS from April 2026 (Impact of leaders: Inadequate; "
        "The experiences and progress of care leavers: Good)"
    )
    # A kind whose name ends in brackets gets its grades inside them, not in a second pair.
    grades = (("The impact of leaders", "Impact of leaders", "Inadequate"), ("Care leavers", "Care leavers", "Good"))
    event = Event(PartialDate.parse("2026-06-08"), "inspection", "ILACS (no overall grade)", "a", "a", grades=grades)
    assert event.headline == "ILACS (no overall grade; Impact of leaders: Inadequate; Care leavers: Good)"
    # On the map, a reader scanning for inadequate finds it: drawn as its lowest grade, with a
    # dot the key explains, not in the grey of no grade.
    [drawn] = [a for a in overview.select(".hexmap a") if text(a.title).startswith("Alpha Council")]
    assert text(drawn.title) == (
        "Alpha Council: no single overall grade, lowest Inadequate (Impact of leaders: Inadequate; "
        "The experiences and progress of care leavers: Good)"
    )
    assert (drawn.use["class"], text(drawn.find("text")), len(drawn.select("circle.lowest"))) == (["p3"], "I", 1)
    key = [text(li) for li in overview.select(".map-layout .legend li")]
    # Named as the counts beside the map name them, so that the two are read together.
    assert key[-1] == "No single overall grade: shown by its lowest headline grade, with a dot"
    assert "– No single overall grade" not in key  # no hexagon is grey
    assert "marked with a dot" in text(overview.select_one("#map-caption"))
    analysis = page(out, "analysis/index.html").select_one("section[aria-labelledby=inadequate-now]")
    assert (
        "Alpha Council (impact of leaders), whose latest full inspection gave no single overall grade but judged the "
        "areas in brackets inadequate." in text(analysis)
    )
    inadequate = page(out, "grades/inadequate/index.html")
    # No authority holds inadequate as its one grade here: the page is made for alpha alone.
    assert text(inadequate.select_one("h1")) == "Inadequate"
    assert inadequate.select_one("#grade-caption") is None
    assert "grades/inadequate/" in (out / "sitemap.xml").read_text(encoding="utf-8")
    listed = [text(li) for li in page(out, "grades/index.html").select("main li")]
    assert "Inadequate : 1 authority graded “Inadequate” in part, by an inspection with no overall grade" in listed
    assert text(inadequate.select_one("#in-part")) == "Also graded “Inadequate”, by an inspection with no overall grade"

    def listed(soup: BeautifulSoup) -> list[str]:
        return [text(li) for li in soup.select_one("#in-part").find_parent("div").find_next_sibling("ul")("li")]

    assert listed(inadequate) == [
        "Alpha Council : ILACS (inspecting local authority children's services) from April 2026. "
        "1 of 2 headline judgements graded “Inadequate”: Impact of leaders. "
        "At the full inspection before, “Inadequate” overall."  # where it came from: still inadequate in part
    ]
    good = page(out, "grades/good/index.html")
    assert listed(good) == [
        "Alpha Council : ILACS from April 2026. "
        "1 of 2 headline judgements graded “Good”: The experiences and progress of care leavers. "
        "At the full inspection before, “Inadequate” overall."
    ]
    # Where the table has rows, a line under the lead points to the list after it.
    pointer = good.select_one("a[href='#in-part']").parent
    assert text(pointer) == (
        "Listed after the table : the authority whose latest full inspection gave no single overall grade, "
        "but graded at least one judgement “Good”."
    )
    none = page(out, "grades/none/index.html")
    row = next(tr for tr in none.select("tbody tr") if text(tr.th) == "Alpha Council")
    assert text(row.select_one("td[data-label='Headline judgements']")) == (
        "Impact of leaders: Inadequate The experiences and progress of care leavers: Good"
    )


def test_the_latest_visits_focus_is_shown_in_full(content: Path, tmp_path: Path) -> None:
    # The stylesheet shortens it on screen; print and screen readers get every word.
    focus = "Children subject to a child protection plan, " * 6 + "and the end of this sentence"
    path = content / "authorities" / "delta.yaml"
    path.write_text(
        path.read_text().replace("focus: Children subject to a child protection plan", f"focus: {focus}"),
        encoding="utf-8",
    )
    code, output = build(content, tmp_path / "out")
    assert code == 0, output
    soup = page(tmp_path / "out", "authorities/delta/index.html")
    shown = soup.select_one("#summary .card__clamp")
    assert text(shown) == focus.strip()
    # Cut short on screen, so a link leads to the whole of it; a short focus needs none.
    more = shown.find_next_sibling("p")
    assert more is not None and text(more) == "What the visit looked at, in full"
    assert soup.select_one(more.select_one("a")["href"]) is not None


def test_a_short_focus_has_its_link_to_the_rest_too(site: Path) -> None:
    # A reader's larger text cuts short a focus that fits at the default size: the link is
    # there, and the script hides it where nothing is cut (tests/browser/test_readers.py).
    soup = page(site, "authorities/delta/index.html")
    shown = soup.select_one("#summary .card__clamp")
    assert len(text(shown)) <= 120 and shown["data-full"] == "visit-focus-full"
    assert text(soup.select_one("#visit-focus-full")) == "What the visit looked at, in full"


# The plan rule -------------------------------------------------------------------------------


def test_the_summary_counts_ofsteds_most_serious_points_apart(site: Path) -> None:
    delta = page(site, "authorities/delta/index.html")
    assert card(delta, "What Ofsted asked for").startswith(
        "What Ofsted asked for 4 points to improve: 2 from the October 2021 inspection and 2 from the visit since, "
        "1 of the 4 under “Areas for priority action”."
    )
    # None at Alpha: nothing is added.
    alpha = page(site, "authorities/alpha/index.html")
    assert card(alpha, "What Ofsted asked for").startswith(
        "What Ofsted asked for 5 points to improve from the October 2016 inspection. "
    )


def test_the_timeline_says_its_count_is_of_events_when_updates_are_told_together(site: Path) -> None:
    summary = page(site, "authorities/alpha/index.html").select_one("section[aria-labelledby=timeline] summary")
    assert text(summary) == (
        "Every event of the council's record here, newest first (9 events; updates to plan actions are grouped "
        "by month)"
    )
    # The feed tells more: said, lest a reader holding one against the other think either short.
    feed = summary.find_parent("section").select_one("a[href='feed.xml']").find_parent("p")
    assert text(feed) == (
        "Follow new events for Alpha Council (Atom feed) : the feed also tells of the day each plan action became "
        "overdue, which its row in the plan gives, and of each correction to this page, given beside what it corrects."
    )
    entries = summary.find_next_sibling("ol").find_all("li", recursive=False)
    # The updates of October and of June are two entries, each at its own date: told as one
    # ("6 updates from 1 June 2026 on", at October), June's were at a date they were not.
    assert [text(li) for li in entries[:2]] == [
        "1 October 2026 5 updates to plan actions : actions A1 , A2 , A3 , A4 and A6 ; leaving 2 on track, 1 at risk "
        "and 2 done",
        "1 June 2026 1 update to plan actions : action A5 ; leaving 1 at risk; 1 due date moved",
    ]
    assert len(entries) == 5


def test_the_day_an_action_became_overdue_is_news_in_the_feeds(site: Path) -> None:
    # Late is worked out, not recorded: a board following a feed learns of it the day it begins.
    # The page says it in the action's row, with its date; its timeline keeps to what was recorded.
    atom = "{http://www.w3.org/2005/Atom}"
    for feed in ("authorities/alpha/feed.xml", "feed.xml"):
        entries = ET.fromstring((site / feed).read_bytes()).findall(f"{atom}entry")
        # Known by its due date: moved and missed again, it is news again.
        [late] = [e for e in entries if (e.findtext(f"{atom}id") or "").endswith("/action-sip-A2/overdue/2026-11-22")]
        assert late.findtext(f"{atom}title") == "Alpha Council: Action A2 overdue: Audit section 20 cases"
        assert (
            late.findtext(f"{atom}summary")
            == "23 November 2026. Due 22 November 2026, and not recorded as done or dropped."
        )
    timeline = page(site, "authorities/alpha/index.html").select("ol.timeline > li")
    assert not [li for li in timeline if "overdue:" in text(li)]


def test_a_plan_no_longer_current_is_named_where_the_summary_says_none_is(site: Path) -> None:
    # A closed plan answered the latest inspection: the card says so, not "none recorded".
    gamma = page(site, "authorities/gamma/index.html")
    assert card(gamma, "Improvement plan") == (
        "Improvement plan Post-inspection action plan , answering the February 2022 inspection, closed March 2024 "
        "1 of 1 action complete."
    )
    # A plan still open from an earlier inspection keeps its overdue actions in view.
    beta = page(site, "authorities/beta/index.html")
    summaries = [text(s) for s in beta.select("details.earlier > summary") if "plan" in text(s)]
    status = [text(d) for d in beta.select("dl.summary > div") if text(d).startswith("Plan status")]
    assert status == ["Plan status Earlier: it answers an earlier inspection, and no closing date is recorded"]
    # Its one action: the table script's "Showing 1 of 1 action" takes its noun from the table.
    assert [t["data-noun"] for t in beta.select("table[data-noun]")] == ["action"]
    progress = [text(d) for d in beta.select("dl.summary > div") if text(d).startswith("Progress")]
    assert progress == [
        "Progress 0 of 1 action complete; it is on track, and overdue (past its due date and not recorded as done "
        "or dropped, whatever its rating), with no update for 6 months or more; last update recorded 15 January 2018"
    ]
    assert summaries == [
        "Service improvement plan 2017, adopted April 2017: answers the SIF inspection, November 2016; 1 action, "
        "1 overdue"
    ]
    # Epsilon's plan answers a focused visit before its latest inspection: an earlier visit.
    epsilon = page(site, "authorities/epsilon/index.html")
    assert [text(s) for s in epsilon.select("details.earlier > summary") if "plan" in text(s)] == [
        "Draft plan answering the focused visit, adopted January 2024: answers the focused visit, November 2023; "
        "no actions recorded"
    ]


def test_a_plan_that_names_no_inspection_is_not_said_to_answer_an_earlier_one(content: Path, tmp_path: Path) -> None:
    beta = content / "authorities" / "beta.yaml"
    beta.write_text(beta.read_text(encoding="utf-8").replace("    in_response_to: [sif-2016]\n", ""), encoding="utf-8")
    soup = page(build_site(content, tmp_path / "site"), "authorities/beta/index.html")
    status = [text(d) for d in soup.select("dl.summary > div") if text(d).startswith("Plan status")]
    assert status == ["Plan status Not current: it names no inspection it answers, and no closing date is recorded"]
    assert "A plan that names no inspection it answers: Service improvement plan 2017" in card(soup, "Improvement plan")
    assert [text(s) for s in soup.select("details.earlier > summary") if "plan" in text(s)] == [
        "Service improvement plan 2017, adopted April 2017: names no inspection it answers; 1 action, 1 overdue"
    ]


NO_RECORD = "That means this site has no record of one, not that the council has none."


@pytest.mark.parametrize(
    ("slug", "shown", "said"),
    [
        ("alpha", "sip", None),  # answers the latest full inspection, not closed
        (
            "beta",
            None,
            f"No improvement plan recorded for the May 2023 inspection. {NO_RECORD}",
        ),  # old plan, newer inspection
        (  # its plan closed: said, and shown where the current one would be, not "none recorded"
            "gamma",
            "plan-2022",
            "The plan answering the February 2022 inspection closed March 2024 , and no later plan is recorded.",
        ),
        ("delta", "draft-2024", None),  # answers a focused visit since the latest full inspection
        (
            "epsilon",
            None,
            f"No improvement plan recorded for the June 2025 inspection. {NO_RECORD}",
        ),  # visit, then inspection
    ],
)
def test_a_plan_is_current_only_if_it_answers_the_latest_inspection_or_a_visit_since(
    site: Path, slug: str, shown: str | None, said: str | None
) -> None:
    soup = page(site, f"authorities/{slug}/index.html")
    section = soup.select_one("section[aria-labelledby=plans]")
    notice = section.select_one(".notice")
    assert (text(notice) if notice else None) == said
    unfolded = [p["id"] for p in section.select(".plan") if not p.find_parent("details")]
    assert unfolded == ([f"plan-{shown}"] if shown else [])
    current = shown if slug != "gamma" else None  # gamma's plan has closed
    # Every other plan is an earlier one, folded away, saying why it is not current.
    for details in section.select("details.earlier"):
        # A plan answering a focused visit (epsilon's) answers "an earlier visit".
        assert re.search(r": (closed|answers the )\b", text(details.summary))
    data = {r["authority"]: r for r in rows(site, "authorities")}[slug]
    assert data["plan_status"] == ("current" if current else "closed" if shown else "none-recorded")
    assert data["plan"] == (current or "")
    assert json.loads((site / f"authorities/{slug}.json").read_text())["derived"]["current_plan"] == current


def test_the_plan_card_says_nothing_can_be_late_without_a_plan_unless_an_earlier_one_shows_its_own(
    site: Path,
) -> None:
    epsilon, beta = (page(site, f"authorities/{slug}/index.html") for slug in ("epsilon", "beta"))
    assert card(epsilon, "Improvement plan") == (
        "Improvement plan No improvement plan recorded for the June 2025 inspection, so nothing can be shown as late."
    )
    # Beta's earlier plan, with no closing date, shows its overdue action: "nothing" would deny it.
    assert "nothing can be shown" not in card(beta, "Improvement plan")
    assert "1 overdue" in card(beta, "Improvement plan")


def test_the_plan_card_does_not_deny_a_closed_plans_overdue_action(content: Path, tmp_path: Path) -> None:
    beta = content / "authorities" / "beta.yaml"
    closed = "    adopted: 2017-04\n    closed: 2018-06\n"
    beta.write_text(beta.read_text().replace("    adopted: 2017-04\n", closed, 1))
    soup = page(site_of(content, tmp_path), "authorities/beta/index.html")
    said = "Improvement plan No improvement plan recorded for the May 2023 inspection."
    assert card(soup, "Improvement plan") == said
    # The closed plan, under "Earlier plans", still shows the action that went past its date.
    earlier = soup.select_one("section[aria-labelledby=plans] details.earlier")
    progress = next(row for row in earlier.select("dl div") if text(row.dt) == "Progress")
    assert text(progress.dd).startswith("0 of 1 action complete; it is on track, and overdue")


def test_no_actions_recorded_is_never_shown_as_zero(site: Path) -> None:
    overview = page(site, "index.html")
    by_slug = {tr.select_one("a")["href"].split("/")[-2]: tr for tr in overview.select("#authority-table tbody tr")}
    cells = {slug: [text(td) for td in tr.find_all(["th", "td"])] for slug, tr in by_slug.items()}
    assert cells["delta"][4:] == ["Plan recorded; no actions recorded", "No actions recorded"]
    assert cells["beta"][4:] == ["None recorded for the latest inspection", "No current plan"]
    assert cells["alpha"][4:] == ["2 of 6 actions complete", "1"]
    soup = page(site, "authorities/delta/index.html")
    assert card(soup, "Improvement plan") == "Improvement plan Draft improvement plan No actions recorded."
    assert "No actions recorded" in text(soup.select_one("#plan-draft-2024"))
    for html in site.rglob("*.html"):
        body = text(BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser"))
        for zero in ("0 overdue", "0 of 0", "0 actions"):
            assert zero not in body, (html, zero)
    data = {r["authority"]: r for r in rows(site, "authorities")}
    assert [data["delta"][k] for k in ("plan_actions", "plan_actions_done", "plan_actions_overdue")] == ["", "", ""]
    assert [data["beta"][k] for k in ("plan_actions", "plan_actions_done", "plan_actions_overdue")] == ["", "", ""]
    counts = ("done", "overdue", "at_risk", "off_track")
    assert [data["alpha"][k] for k in ("plan_actions", *(f"plan_actions_{c}" for c in counts))] == [
        "6",
        "2",
        "1",
        "2",
        "0",
    ]
    assert json.loads((site / "authorities/delta.json").read_text())["derived"]["current_plan_actions"] is None


# The checklist -------------------------------------------------------------------------------


def rec_status(item: object) -> str:
    """The status tag of a checklist item, as a screen reader reads it."""
    return text(item.find("strong", class_="tag", recursive=False))  # type: ignore[attr-defined]


def test_points_with_no_plan_to_answer_them_say_so_once_not_on_each_point(content: Path, tmp_path: Path) -> None:
    path = content / "authorities" / "beta.yaml"
    source = path.read_text()
    # With no plan at all, the section says once that none is recorded; no point has a badge.
    path.write_text(source[: source.index("plans:\n")], encoding="utf-8")
    soup = page(site_of(content, tmp_path), "authorities/beta/index.html")
    section = soup.select_one("section[aria-labelledby=asked]")
    assert text(section.select_one("p")) == (
        "Each point Ofsted asked the council to improve. No improvement plan is recorded here, so no point shows "
        "the actions that answer it: the council may have acted, or its plan may not be transcribed yet."
    )
    assert section.select(".checklist > li") and not section.select(".checklist .tag")
    assert not section.select(".notice")
    # With a plan for the earlier inspection only, the later one's points say so above them.
    listed = "    recommendations: [{id: w1, text: Improve plans.}]\n"
    path.write_text(source.replace("    recommendation_count: 3\n", listed), encoding="utf-8")
    soup = page(site_of(content, tmp_path / "planned"), "authorities/beta/index.html")
    later = soup.select_one("#inspection-ilacs-2023-recs")
    assert text(later.select_one(".notice")) == (
        "No recorded plan answers this inspection, so no point below shows the actions that answer it."
    )
    assert later.select(".checklist > li") and not later.select(".checklist .tag")
    earlier = soup.select_one("#inspection-sif-2016-recs")
    assert [rec_status(li) for li in earlier.select(".checklist > li")] == ["Status: Actions not complete"]
    assert earlier.select_one(".notice") is None


def test_a_point_answered_by_an_action_of_a_plan_not_printed_names_it_on_paper(content: Path, tmp_path: Path) -> None:
    path = content / "authorities" / "beta.yaml"
    # The latest inspection's point is answered by an action of the earlier plan, which print leaves out.
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("    recommendation_count: 3\n", "    recommendations: [{id: w1, text: Improve plans.}]\n")
        .replace("responds_to: [sif-2016/r1]", "responds_to: [sif-2016/r1, ilacs-2023/w1]"),
        encoding="utf-8",
    )
    item = page(site_of(content, tmp_path), "authorities/beta/index.html").select_one("#rec-ilacs-2023-w1")
    assert text(item.select_one(":scope > p")) == (
        "Answered by action 1 of Service improvement plan 2017 (on track, overdue )."
    )
    printed = item.select_one("p.print-only")
    assert text(printed) == (
        "Of an earlier plan: 1 of Service improvement plan 2017, “Recruit social workers”: on track, due 31 March 2018."
    )
    # A point answered by the current plan's actions, printed with it, says nothing more.
    alpha = page(site_of(content, tmp_path / "alpha"), "authorities/alpha/index.html")
    assert alpha.select("#rec-sif-2016-r2 p") and not alpha.select(".checklist p.print-only")


def test_the_print_note_names_only_what_the_record_holds(content: Path, tmp_path: Path) -> None:
    out = site_of(content, tmp_path)
    # Beta: an earlier plan, and a point of an earlier inspection, which print when opened.
    assert text(page(out, "authorities/beta/index.html").select_one(".print-note")).split(". Not printed: ")[1] == (
        "the judgements over time, the earlier plan, every inspection and visit with its report, the timeline, the "
        "section “About this authority” and the full list of sources. To print the points of earlier inspections too, "
        "open that section before printing. The full record: https://www.exampleshire.gov.uk/tracker/authorities/beta/"
    )
    # The statistical neighbours are printed, as committee papers compare with them; their chart is not.
    beta = page(out, "authorities/beta/index.html")
    assert beta.select(".table--neighbours tbody tr")
    assert not [e for e in beta.select(".table--neighbours, #neighbours") if e.find_parent(class_="screen-only")]
    assert beta.select_one(".table--neighbours").find_parent("section").select_one("figure.screen-only")
    # Alpha's plan has updates to its actions: their notes stay online but for the latest of an action a
    # board would ask about, and the note says so.
    assert (
        "the notes of each action's updates (each action's status and due date are printed, and the latest note of "
        "each one dropped, at risk, off track, overdue or reopened)"
    ) in text(page(out, "authorities/alpha/index.html").select_one(".print-note"))
    assert "updates" not in text(page(out, "authorities/beta/index.html").select_one(".print-note"))
    # Without an earlier plan or earlier points, neither is named.
    path = content / "authorities" / "beta.yaml"
    source = path.read_text()
    path.write_text(source[: source.index("plans:\n")].replace("      - {id: r1, text: Reduce caseloads.}\n", ""))
    path.write_text(path.read_text().replace("    recommendations:\n", ""), encoding="utf-8")
    note = text(page(site_of(content, tmp_path / "bare"), "authorities/beta/index.html").select_one(".print-note"))
    assert "earlier" not in note.split(". Not printed: ")[1]


def test_an_action_is_named_with_its_plan_where_two_plans_have_actions(content: Path, tmp_path: Path) -> None:
    # Two plans may each have an A1: the checklist says which plan's it means.
    alpha = content / "authorities" / "alpha.yaml"
    alpha.write_text(
        alpha.read_text(encoding="utf-8")
        + "  - id: refresh\n    title: Refreshed plan\n    in_response_to: [sif-2016]\n"
        + "    actions:\n      - {id: A1, title: Review audits, status: on-track, responds_to: [sif-2016/r3],"
        + " updates: [{date: 2026-10-15, note: Begun.}]}\n",
        encoding="utf-8",
    )
    soup = page(site_of(content, tmp_path), "authorities/alpha/index.html")
    # So does the timeline, where a month's updates name the actions.
    run = next(li for li in soup.select("ol.timeline > li") if "to plan actions" in text(li))
    named = [a.get_text() for a in run.select("a")[1:]]
    assert named[:2] == ["A1 of Refreshed plan", "A1 of Service Improvement Plan"]
    answered = {
        li["id"]: text(li.find("p", recursive=False)) for li in soup.select("#inspection-sif-2016-recs .checklist > li")
    }
    assert answered["rec-sif-2016-r3"] == "Answered by action A1 of Refreshed plan (on track)."
    assert answered["rec-sif-2016-r1"] == "Answered by action A1 of Service Improvement Plan (done)."
    assert soup.select_one("#rec-sif-2016-r3 a")["href"] == "#action-refresh-A1"


def test_an_action_of_a_plan_that_is_not_current_is_named_with_its_plan(content: Path, tmp_path: Path) -> None:
    # A later inspection that no plan answers: the plan with the actions is an earlier one,
    # folded away below, and the checklist says whose A1 it links to.
    alpha = content / "authorities" / "alpha.yaml"
    later = (
        "inspections:\n  - id: ilacs-2024\n    type: ilacs\n    visited: {from: 2024-01-08, to: 2024-01-19}\n"
        "    published: 2024-03-01\n    judgements: {overall: requires-improvement}\n    sources: [report]\n"
    )
    alpha.write_text(alpha.read_text(encoding="utf-8").replace("inspections:\n", later, 1), encoding="utf-8")
    soup = page(site_of(content, tmp_path), "authorities/alpha/index.html")
    assert text(soup.select_one("#rec-sif-2016-r1 > p")) == "Answered by action A1 of Service Improvement Plan (done)."


def test_checklist_links_each_recommendation_to_its_actions_and_status(site: Path) -> None:
    soup = page(site, "authorities/alpha/index.html")
    statuses = {li["id"]: rec_status(li) for li in soup.select(".checklist > li")}
    assert statuses == {
        "rec-sif-2016-r1": "Status: Actions complete",
        "rec-sif-2016-r2": "Status: Actions not complete",
        "rec-sif-2016-r3": "Status: No action recorded",
    }
    answered = soup.select_one("#rec-sif-2016-r2 > p")
    # Which are done and which overdue, beside each: whether the point was acted on, at a glance.
    # Each one's status, at risk as much as done: whether the point is being acted on, at a glance.
    assert text(answered) == (
        "Answered by actions A1 (done), A2 (on track, overdue ), A3 (on track), A4 (at risk), A5 (at risk), A6 (done)."
    )
    r2_links = [a["href"] for a in answered.select("a")]
    assert r2_links == [f"#action-sip-A{n}" for n in range(1, 7)]
    for href in r2_links:
        assert soup.find(id=href[1:]) is not None
    assert text(soup.select_one("#rec-sif-2016-r1 > p")) == "Answered by action A1 (done)."
    assert soup.select_one("#rec-sif-2016-r3 > p") is None  # no action: the status says so
    # The page says what "actions complete" means, and that it is not Ofsted's judgement.
    assert "Ofsted has not judged it" in text(soup.select_one("section[aria-labelledby=asked]"))


def test_a_quoted_points_own_list_is_a_list_inside_its_quotation(content: Path, tmp_path: Path) -> None:
    # "Improve ... including:" and its parts: a screen reader announces a list of three,
    # where the parts were lines joined by line breaks, with no mark.
    alpha = content / "authorities" / "alpha.yaml"
    alpha.write_text(
        alpha.read_text().replace(
            "{id: r3, text: Improve supervision.}",
            '{id: r3, text: "Improve supervision, including:\\n\\n- its frequency\\n- its recording\\n'
            '- its reflection"}',
        )
    )
    soup = page(site_of(content, tmp_path), "authorities/alpha/index.html")
    quote = soup.select_one("#rec-sif-2016-r3 blockquote")
    assert text(quote.p) == "Improve supervision, including:"
    assert [text(li) for li in quote.select("ul > li")] == ["its frequency", "its recording", "its reflection"]
    assert quote.find("br") is None
    assert text(soup.select_one("#rec-sif-2016-r1 blockquote")) == "Reduce caseloads."


def test_every_inspections_recommendations_are_a_checklist_no_action_until_answered(site: Path) -> None:
    soup = page(site, "authorities/epsilon/index.html")
    assert soup.select(".checklist > li") == []  # none listed: said in words instead
    asked = text(soup.select_one("section[aria-labelledby=asked]"))
    assert "not listed here yet" in asked
    soup = page(site, "authorities/delta/index.html")
    item = soup.select_one("#rec-fv-2023-p1")
    # Its plan is recorded without actions: the notice above the points says so once, with no
    # badge on each point; the data say so on each, which a journalist filtering for
    # "no-action-recorded" would otherwise count.
    assert item.find("strong", class_="tag", recursive=False) is None
    assert "but not its actions" in text(soup.select_one("#inspection-fv-2023-recs .notice"))
    asked = soup.select_one("section[aria-labelledby=asked]")
    assert "Plan's actions not recorded" not in text(asked)
    assert text(asked.p) == (
        "Each point Ofsted asked the council to improve. No plan recorded here lists actions answering these points, "
        "so they show none: the council may have acted, or its plan's actions may not be transcribed yet."
    )
    recs = {(r["authority"], r["inspection"], r["recommendation"]): r["status"] for r in rows(site, "recommendations")}
    assert recs[("delta", "fv-2023", "p1")] == "plan-actions-not-recorded"
    assert recs[("alpha", "sif-2016", "r3")] == "no-action-recorded"
    data = json.loads((site / "authorities" / "delta.json").read_text(encoding="utf-8"))
    assert data["derived"]["recommendations"]["fv-2023/p1"] == "plan-actions-not-recorded"
    # Earlier inspections' points stay on the page, folded under the current ones.
    soup = page(site, "authorities/beta/index.html")
    earlier = soup.select_one("section[aria-labelledby=asked] details.earlier")
    assert earlier is not None and earlier.select_one("#rec-sif-2016-r1") is not None
    assert rec_status(earlier.select_one("#rec-sif-2016-r1")) == "Status: Actions not complete"


def test_a_letters_areas_for_priority_action_are_set_apart_and_named_only_where_it_sets_some(
    content: Path, tmp_path: Path
) -> None:
    soup = page(site_of(content, tmp_path), "authorities/delta/index.html")
    block = soup.select_one("#inspection-fv-2023-recs")
    assert text(block.h3).endswith(": areas for priority action, and what needs to improve")
    # Its plan is recorded without actions: said once, where every point would otherwise just say "No action".
    assert [text(p) for p in block.select(".notice")] == [
        # A visit is called a visit.
        "A plan answering this visit is recorded, Draft improvement plan , but not its actions, "
        "so the points below show no actions answering them."
    ]
    groups = [
        (text(h4), [li["id"] for li in h4.find_next_sibling(class_="checklist").select("li")])
        for h4 in block.select("h4")
    ]
    assert groups == [("Areas for priority action", ["rec-fv-2023-p1"]), ("What needs to improve", ["rec-fv-2023-r1"])]
    # Numbered in the text, on through the second list: "point 1" of a letter is one point.
    numbers = [[(li["id"], text(li.b)) for li in ol.find_all("li", recursive=False)] for ol in block.select("ol")]
    assert numbers == [[("rec-fv-2023-p1", "1.")], [("rec-fv-2023-r1", "2.")]]
    assert [ol.get("start") for ol in block.select("ol")] == [None, "2"]
    # A letter that sets none is not headed as if it did.
    (content / "authorities/delta.yaml").write_text(
        (content / "authorities/delta.yaml").read_text().replace("priority: true, ", ""), encoding="utf-8"
    )
    soup = page(site_of(content, tmp_path / "again"), "authorities/delta/index.html")
    block = soup.select_one("#inspection-fv-2023-recs")
    assert text(block.h3).endswith(": what needs to improve") and block.select("h4") == []
    assert len(block.select(".checklist > li")) == 2


def test_unlisted_recommendations_are_said_plainly_with_the_report_link(site: Path) -> None:
    soup = page(site, "authorities/alpha/index.html")
    group = soup.select_one("#inspection-sif-2016-recs")
    said = group.h3.find_next_sibling("p")
    assert text(said).startswith("The report (Ofsted, 24 January 2017) sets 5 points. 2 of them are not listed here")
    # The reports' own words are said once, not at each point (many start in lower case, as printed).
    assert text(said).endswith(": read them in the report. Those listed are quoted below in the report's own words.")
    # Linked once, where the sentence names it: a second link to it, words later, would be said twice.
    assert [a["href"] for a in said.select("a")] == ["https://example.org/report"]
    # Of a list taken in part, a number would not be the report's: none is given.
    assert group.select("ul.checklist > li") and not group.select("ol")


def test_the_card_of_what_ofsted_asked_says_where_a_reports_points_are_not_known(content: Path, tmp_path: Path) -> None:
    # The latest inspection's points neither counted nor listed, and a visit since that set two:
    # its two are the card's, and the inspection's are said to be missing.
    rewrite(
        content,
        "beta",
        (
            "    recommendation_count: 3\n",
            "  - {id: fv-2024, type: focused-visit, visited: 2024-05, sources: [ilacs], recommendation_count: 2}\n",
        ),
    )
    soup = page(build_site(content, tmp_path / "site"), "authorities/beta/index.html")
    asked = soup.select_one(".card:has(> h3:-soup-contains('What Ofsted asked for')) p")
    assert text(asked) == "2 points to improve from the visit since the May 2023 inspection."
    record = " ".join(soup.select_one(".report__record p").get_text().split())
    assert "the points the May 2023 report set" in record
    # A visit since whose letter's points are neither counted nor listed is said on the card,
    # which would otherwise read as if it asked nothing, and in the record's list.
    rewrite(
        content,
        "beta",
        (", recommendation_count: 2}", "}"),
        ("    judgements: {overall: good}\n", "    judgements: {overall: good}\n    recommendation_count: 3\n"),
    )
    soup = page(build_site(content, tmp_path / "unknown"), "authorities/beta/index.html")
    asked = soup.select_one(".card:has(> h3:-soup-contains('What Ofsted asked for')) p")
    assert text(asked) == (
        "3 points to improve from the May 2023 inspection. The points the May 2024 focused visit set are not "
        "recorded here."
    )
    record = " ".join(soup.select_one(".report__record p").get_text().split())
    assert "the points the May 2024 letter set" in record


def test_a_letter_that_sets_no_points_is_said_to_set_none_and_left_out_of_the_checklist(
    content: Path, tmp_path: Path
) -> None:
    # Its count of 0 is the letter's word that nothing is asked: no "gives 0 points" in the
    # checklist, no "1 visit since" among the points to answer, no link to a list of none.
    rewrite(
        content,
        "beta",
        (
            "    recommendation_count: 3\n",
            "    recommendation_count: 3\n  - {id: fv-2024, type: focused-visit, visited: 2024-05, "
            "sources: [ilacs], recommendation_count: 0}\n",
        ),
    )
    soup = page(build_site(content, tmp_path / "site"), "authorities/beta/index.html")
    asked = soup.select_one(".card:has(> h3:-soup-contains('What Ofsted asked for'))")
    assert text(asked.p) == "3 points to improve from the May 2023 inspection."
    assert soup.select_one("#inspection-fv-2024-recs") is None
    told = soup.select_one("#inspection-fv-2024 dt:-soup-contains('What needs to improve') + dd")
    assert (text(told), told.a) == ("None set by the letter", None)
    # The latest report setting none says so, in the card and above the checklist.
    rewrite(content, "beta", ("    recommendation_count: 3\n", "    recommendation_count: 0\n"))
    soup = page(build_site(content, tmp_path / "again"), "authorities/beta/index.html")
    asked = soup.select_one(".card:has(> h3:-soup-contains('What Ofsted asked for'))")
    assert text(asked.p) == "None: the May 2023 inspection's report sets no points to improve."
    said = soup.select_one("#inspection-ilacs-2023-recs").h3.find_next_sibling("p")
    assert text(said) == "The report (Ofsted, 14 July 2023) sets no points to improve."
    # With nothing to answer, no plan is missing: not said to be, nor listed as unrecorded.
    plan_said = "Improvement plan None recorded: the May 2023 inspection's report sets no points for a plan to answer."
    assert card(soup, "Improvement plan").startswith(plan_said + " An earlier plan")
    record = text(soup.select_one(".report__record p"))
    assert "improvement plan for" not in record and "Not recorded: monitoring visits" in record
    # A visit since whose letter's count is not known leaves the plan's absence to be said.
    rewrite(
        content,
        "beta",
        (
            "    recommendation_count: 0\n",
            "    recommendation_count: 0\n  - {id: fv-2025, type: focused-visit, visited: 2025-05, sources: [ilacs]}\n",
        ),
    )
    unknown = page(build_site(content, tmp_path / "unknown"), "authorities/beta/index.html")
    assert card(unknown, "What Ofsted asked for").startswith(
        "What Ofsted asked for None: the May 2023 inspection's report sets no points to improve."
    )
    assert card(unknown, "Improvement plan").startswith("Improvement plan No improvement plan recorded for the May")
    assert "an improvement plan for the May 2023 inspection" in text(unknown.select_one(".report__record p"))
    overview = page(tmp_path / "again", "index.html")
    row = next(tr for tr in overview.select("#authority-table tbody tr") if "/beta/" in tr.a["href"])
    assert [text(td) for td in row.find_all("td")][-2:] == [
        "None recorded; the latest inspection set no points",
        "No current plan",
    ]
    # Points from a visit alone: the inspection's share is said to be none.
    rewrite(content, "beta", ("sources: [ilacs]}\n", "sources: [ilacs], recommendation_count: 2}\n"))
    from_visit = page(build_site(content, tmp_path / "from-visit"), "authorities/beta/index.html")
    assert text(from_visit.select_one(".card:has(> h3:-soup-contains('What Ofsted asked for')) p")) == (
        "2 points to improve: none from the May 2023 inspection and 2 from the visit since."
    )


def test_an_actions_own_source_below_its_updates_is_said_to_be_the_actions(content: Path, tmp_path: Path) -> None:
    # Below "Latest update, ...", a bare "Source: ..." read as the update's, which cites none.
    rewrite(
        content,
        "alpha",
        (
            "status: done, responds_to: [sif-2016/r1, sif-2016/r2], updates:",
            "status: done, sources: [letter], responds_to: [sif-2016/r1, sif-2016/r2], updates:",
        ),
        (
            "title: Audit section 20 cases, status: on-track, due: 2026-11-22, responds_to: [sif-2016/r2], "
            "updates: [{date: 2026-10-01, note: Under way.}]}",
            "title: Audit section 20 cases, sources: [letter], status: on-track, due: 2026-11-22, "
            "responds_to: [sif-2016/r2]}",
        ),
    )
    soup = page(build_site(content, tmp_path / "site"), "authorities/alpha/index.html")
    cited = {x: text(soup.select_one(f"#action-sip-{x} p.sources")) for x in ("A1", "A2")}
    assert cited == {"A1": "Source of the action: Monitoring letter", "A2": "Source: Monitoring letter"}


def test_a_plans_actions_have_a_heading_of_their_own_after_its_priorities(content: Path, tmp_path: Path) -> None:
    # Moving by headings, the table read as the priorities' own.
    def headings(soup: BeautifulSoup) -> list[str]:
        return [text(h) for h in soup.select("#plan-sip h3, #plan-sip h4, #plan-sip h5")]

    plain = page(build_site(content, tmp_path / "plain"), "authorities/alpha/index.html")
    assert "Actions" not in headings(plain)  # the table follows the plan's own heading
    rewrite(content, "alpha", ("    workstreams:\n", "    priorities: [Workforce stability]\n    workstreams:\n"))
    soup = page(build_site(content, tmp_path / "site"), "authorities/alpha/index.html")
    assert headings(soup)[-2:] == ["Priorities", "Actions"]
    actions = soup.find(lambda tag: tag.name in ("h4", "h5") and text(tag) == "Actions")
    assert actions.find_next("table") is soup.select_one("#plan-sip table")
    assert actions.find_next("h4", string="Priorities") is None


def test_each_list_of_points_links_its_report_so_a_point_quoted_is_cited_at_once(site: Path) -> None:
    # A journalist quoting a point should not have to search the record for its report.
    soup = page(site, "authorities/delta/index.html")
    said = soup.select_one("#inspection-fv-2023-recs").h3.find_next_sibling("p")
    assert (
        text(said)
        == "The letter (Ofsted, 1 December 2023) gives 2 points. They are quoted below in the letter's own words."
    )
    assert [a["href"] for a in said.select("a")] == ["https://example.org/delta/fv"]


def test_the_points_link_ofsteds_letter_even_after_a_council_paper_and_a_bare_word_where_it_has_no_date(
    content: Path, tmp_path: Path
) -> None:
    # Shropshire's 2011 inspection cites the council's paper first: it did not set the points.
    delta = content / "authorities" / "delta.yaml"
    written = delta.read_text(encoding="utf-8").replace("    sources: [letter]\n", "    sources: [paper, letter]\n", 1)
    delta.write_text(written, encoding="utf-8")
    said = page(site_of(content, tmp_path), "authorities/delta/index.html").select_one("#inspection-fv-2023-recs p")
    assert (
        text(said)
        == "The letter (Ofsted, 1 December 2023) gives 2 points. They are quoted below in the letter's own words."
    )
    assert [a["href"] for a in said.select("a")] == ["https://example.org/delta/fv"]
    # Undated, the letter is named by the word alone: its title would run to lines of link.
    delta.write_text(
        written.replace(
            ", url: https://example.org/delta/fv, published: 2023-12-01}", ", url: https://example.org/delta/fv}"
        ),
        encoding="utf-8",
    )
    said = page(site_of(content, tmp_path / "again"), "authorities/delta/index.html").select_one(
        "#inspection-fv-2023-recs p"
    )
    assert text(said).startswith("The letter gives 2 points. They") and said.a["href"] == "https://example.org/delta/fv"


# The plan table ------------------------------------------------------------------------------


def action_row(soup: BeautifulSoup, action: str) -> dict[str, str]:
    """An action's cells by their column's name; its updates, which follow its status, under "Updates"."""
    shown = soup.select_one(f"#action-sip-{action}")
    names = [text(th) for th in shown.find_parent("table").select("thead th")]
    row = copy.copy(shown)
    updates = [cell.extract() for cell in row.select("td:last-child > :is(p, details)")]
    cells = dict(zip(names, [text(cell) for cell in row.find_all(["th", "td"])], strict=True))
    return cells | {"Updates": " ".join(text(u) for u in updates)}


def test_a_council_abolished_while_inadequate_is_not_inadequate_now(content: Path, tmp_path: Path) -> None:
    before = page(site_of(content, tmp_path / "before"), "analysis/index.html")
    rewrite(content, "alpha", ("region: North East", "region: North East\nabolished: 2020-03-31"))
    site = site_of(content, tmp_path / "after")
    now = page(site, "analysis/index.html").select_one("section[aria-labelledby=inadequate-now]")
    assert "Alpha Council" in text(before.select_one("section[aria-labelledby=inadequate-now]"))
    assert "Alpha Council" not in text(now)
    assert not (site / "grades" / "inadequate").exists()

    def lag(site: Path) -> list[str]:
        soup = page(site, "authorities/alpha/index.html")
        return [text(p) for p in soup.select("#summary .card__meta") if text(p).startswith("Visits published after")]

    # Abolished before the visits recorded end (December 2023), it can have no visit missing.
    assert lag(tmp_path / "before" / "site") == ["Visits published after December 2023 are not recorded here yet."]
    assert lag(site) == []
    # Abolished on the as-of day itself, it is still in being that day.
    rewrite(content, "alpha", ("abolished: 2020-03-31", "abolished: 2026-11-23"))
    site = site_of(content, tmp_path / "that-day")
    listed = [text(th) for th in page(site, "grades/inadequate/index.html").select("#grade-caption ~ tbody th")]
    assert listed == ["Alpha Council (abolished November 2026)"]
    assert lag(site) == ["Visits published after December 2023 are not recorded here yet."]
    # Abolished in the month the visits recorded end (a letter of 1 December 2023): the line
    # speaks of months, and none after it is missing.
    rewrite(content, "alpha", ("abolished: 2026-11-23", "abolished: 2023-12"))
    assert lag(site_of(content, tmp_path / "that-month")) == []


@pytest.mark.parametrize(
    ("statuses", "overdue", "quiet", "said"),
    [
        (["on-track", "on-track"], 0, 0, "; of the 2 not complete, both on track"),
        (["not-started"] * 4, 4, 0, "; of the 4 not complete, all not started; all overdue"),
        (
            ["on-track", "at-risk", "off-track"],
            2,
            0,
            "; of the 3 not complete, 1 on track, 1 at risk and 1 off track; 2 of the 3 overdue",
        ),
        (
            ["on-track", "at-risk", "off-track"],
            2,
            3,
            "; of the 3 not complete, 1 on track, 1 at risk and 1 off track; 2 of the 3 overdue; all with no update "
            "for 6 months or more",
        ),
        (["at-risk"], 1, 0, "; it is at risk, and overdue"),
        (["at-risk"], 1, 1, "; it is at risk, and overdue, with no update for 6 months or more"),
        (["done", "on-track"], 0, 1, "; the other one is on track, with no update for 6 months or more"),
        (["done", "dropped"], 0, 0, ""),
    ],
)
def test_the_actions_not_complete_are_each_counted_once(
    statuses: list[str], overdue: int, quiet: int, said: str
) -> None:
    # "2 overdue; 1 at risk; 1 off track" of two open actions read as four: each is counted by
    # its status, and overdue and silence are said of some of them.
    plan = SimpleNamespace(
        kept=sum(status != "dropped" for status in statuses),
        overdue=overdue,
        quiet=quiet,
        open_statuses=[
            (k, statuses.count(k)) for k in ACTION_STATUS_LABEL if k in statuses and k not in ("done", "dropped")
        ],
    )
    env = environment([Path(__file__).parent.parent / "templates"])
    macro = env.get_template("macros.html").module.not_complete  # type: ignore[attr-defined]
    assert str(macro(plan)) == said


def test_an_open_action_the_council_has_said_nothing_of_for_months_says_so(content: Path, tmp_path: Path) -> None:
    # A rating given long ago reads as today's, and a council's silence is what a panel asks
    # about: an action neither done nor dropped says when nothing is heard of it for six months.
    rewrite(
        content,
        "alpha",
        (
            "due: 2026-11, responds_to: [sif-2016/r2], updates: [{date: 2026-10-01,",
            "due: 2026-11, responds_to: [sif-2016/r2], updates: [{date: 2026-05-23,",
        ),
        (
            "      - {id: A6,",
            "      - {id: A7, workstream: A, title: Never updated, status: not-started, due: 2027-06, "
            "responds_to: [sif-2016/r2]}\n      - {id: A6,",
        ),
    )
    soup = page(site_of(content, tmp_path), "authorities/alpha/index.html")
    assert action_row(soup, "A4")["Status"] == "At risk No update for 6 months"
    assert (
        action_row(soup, "A7")["Status"] == "Not started No update since the plan was adopted, 9 years and 6 months ago"
    )
    # Five months and more, short of six: nothing said; nor of one done.
    assert action_row(soup, "A5")["Status"] == "At risk"
    assert "No update" not in action_row(soup, "A1")["Status"]
    # A plan adopted four months ago, its actions not updated since: nothing to say yet. Nor
    # of a closed plan's, whose council is not asked for more.
    adopted = (
        (content / "authorities" / "alpha.yaml")
        .read_text(encoding="utf-8")
        .replace("adopted: 2017-04", "adopted: 2026-07")
    )
    (content / "authorities" / "alpha.yaml").write_text(adopted, encoding="utf-8")
    soup = page(site_of(content, tmp_path / "new"), "authorities/alpha/index.html")
    assert action_row(soup, "A7")["Status"] == "Not started"
    closed = adopted.replace("adopted: 2026-07", "adopted: 2017-04\n    closed: 2026-11-01")
    (content / "authorities" / "alpha.yaml").write_text(closed, encoding="utf-8")
    soup = page(site_of(content, tmp_path / "closed"), "authorities/alpha/index.html")
    assert "No update" not in action_row(soup, "A7")["Status"]


def test_an_action_names_the_number_of_each_point_it_answers_where_the_points_are_numbered(
    content: Path, tmp_path: Path
) -> None:
    # Two points that open with the same words are told apart by their numbers, as the
    # checklist writes them: only where the whole list is recorded (above, it is not).
    # Listed by the editor in another order: told in the checklist's, as the numbers run.
    rewrite(
        content,
        "alpha",
        ("    recommendation_count: 5\n", ""),
        ("responds_to: [sif-2016/r1, sif-2016/r2]", "responds_to: [sif-2016/r2, sif-2016/r1]"),
    )
    soup = page(site_of(content, tmp_path), "authorities/alpha/index.html")
    assert action_row(soup, "A1")["Answers"] == (
        "Point 1: Reduce caseloads. (2016) Point 2: Review section 20 arrangements. (2016)"
    )
    numbers = {li["id"]: text(li.b) for li in soup.select("#inspection-sif-2016-recs ol.checklist > li")}
    assert numbers == {"rec-sif-2016-r1": "1.", "rec-sif-2016-r2": "2.", "rec-sif-2016-r3": "3."}


def test_actions_are_a_table_with_the_recommendations_words_and_one_status_each(site: Path) -> None:
    soup = page(site, "authorities/alpha/index.html")
    table = soup.select_one("#plan-sip table")
    assert [text(th) for th in table.select("thead th")] == ["Action", "Answers", "Owner", "Due", "Status"]
    assert len(table.select("tbody tr")) == 6
    for row in table.select("tbody tr"):
        assert len(row.select("td:last-child .tag")) == 1  # one status; facts are words beside it
        # The action alone heads its row, which a screen reader says beside each cell: not its updates.
        header = row.find("th")
        assert header["scope"] == "row" and header is row.find(["th", "td"])
        assert not header.find("p") and text(header).startswith(text(header.b))
    a1 = action_row(soup, "A1")
    assert a1["Action"] == "A1 Recruit social workers (workstream A)"
    assert a1["Answers"] == "Reduce caseloads. (2016) Review section 20 arrangements. (2016)"
    assert [a["href"] for a in soup.select("#action-sip-A1 > :nth-child(2) a")] == [
        "#rec-sif-2016-r1",
        "#rec-sif-2016-r2",
    ]
    # Ofsted's words, quoted as in the checklist: nothing is spelled out inside them.
    assert [text(q) for q in soup.select("#action-sip-A1 > :nth-child(2) a q")] == [
        "Reduce caseloads.",
        "Review section 20 arrangements.",
    ]
    # The overdue filter exists for the script to reveal; without it, the whole table shows.
    # Every action is in workstream A, so a workstream filter would do nothing, and there is none.
    filters = soup.select_one("#plan-sip-filters")
    assert filters.has_attr("hidden")
    assert [o["value"] for o in filters.select("select[data-filter=show] option")] == [
        "",
        "open",
        "overdue",
        "slipping",
    ]
    assert not filters.select("select[data-filter=workstream]")
    assert {tr.get("data-overdue") for tr in table.select("tbody tr")} == {"", None}
    # Rows sit in a tbody per workstream, which carries what the workstream filter matches.
    assert [tbody["data-workstream"] for tbody in table.select("tbody")] == ["A"]


def with_two_workstreams(content: Path) -> None:
    """Alpha's plan with a second workstream, B, holding action A3 (every other action is in A)."""
    rewrite(
        content,
        "alpha",
        ("{id: A, title: Workforce}", "{id: A, title: Workforce}\n      - {id: B, title: Practice}"),
        ("{id: A3, workstream: A,", "{id: A3, workstream: B,"),
    )


def test_a_filter_is_offered_only_where_it_would_hide_some_actions_and_leave_others(
    content: Path, tmp_path: Path
) -> None:
    def offered(soup: BeautifulSoup) -> dict[str, list[str]]:
        return {s["data-filter"]: [o["value"] for o in s("option")] for s in soup.select("#plan-sip-filters select")}

    # An action in a second workstream makes two to choose between.
    with_two_workstreams(content)
    soup = page(site_of(content, tmp_path / "two-groups"), "authorities/alpha/index.html")
    assert offered(soup) == {"show": ["", "open", "overdue", "slipping"], "workstream": ["", "A", "B"]}
    # Each option shows the rows that have its flag: a board's first questions, what is not
    # done, what is late, what the council itself says is slipping.
    flagged = {
        flag: [tr["id"].removeprefix("action-sip-") for tr in soup.select(f"#plan-sip tbody tr[data-{flag}]")]
        for flag in ("open", "overdue", "slipping")
    }
    statuses = {
        tr["id"].removeprefix("action-sip-"): tr.select_one(".tag")["class"][-1]
        for tr in soup.select("#plan-sip tbody tr")
    }
    assert sorted(flagged["open"]) == sorted(
        a for a, tag in statuses.items() if tag not in ("tag--done", "tag--dropped")
    )
    assert sorted(flagged["slipping"]) == sorted(
        a for a, tag in statuses.items() if tag in ("tag--at-risk", "tag--off-track")
    )
    assert flagged["slipping"] and set(flagged["overdue"]) <= set(flagged["open"]) < set(statuses)
    # With no action overdue, "Overdue actions only" would empty the table.
    source = (content / "authorities" / "alpha.yaml").read_text(encoding="utf-8")
    (content / "authorities" / "alpha.yaml").write_text(
        re.sub(r"due: 2026-(0\d|1[01])(-\d\d)?", "due: 2027-06", source), encoding="utf-8"
    )
    soup = page(site_of(content, tmp_path / "none-overdue"), "authorities/alpha/index.html")
    assert "overdue" not in text(soup.select_one("#plan-sip dl"))
    assert offered(soup) == {"show": ["", "open", "slipping"], "workstream": ["", "A", "B"]}
    # The status line stays, for the sort buttons to speak through.
    assert soup.select_one("#plan-sip-filters [role=status]") is not None
    # No action has an owner recorded: a sort by owner would change nothing, and is not offered.
    sortable = {text(th): th.get("data-sort") for th in soup.select("#plan-sip thead th")}
    assert sortable == {"Action": "order", "Answers": None, "Owner": None, "Due": "text", "Status": "rank"}


def test_the_due_column_sorts_a_month_by_its_last_day_as_overdue_counts_it(site: Path) -> None:
    # "November 2026" sorted by the 1st came before A2, overdue since the 22nd, while A4 is not
    # overdue until the month ends.
    soup = page(site, "authorities/alpha/index.html")
    due = {tr["id"]: tr.select("td")[2]["data-value"] for tr in soup.select("#plan-sip tbody tr")}
    assert (due["action-sip-A2"], due["action-sip-A4"]) == ("2026-11-22", "2026-11-30")  # sorted as text: A2 first


def test_the_actions_the_council_has_gone_quiet_on_are_counted_and_can_be_shown_alone(
    content: Path, tmp_path: Path
) -> None:
    # A board asks which actions the council has said nothing of: in a plan of thirty, each
    # row's "No update for 7 months" was found only by reading every row.
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out), "--as-of", "2027-01-31"])
    assert result.exit_code == 0, result.output
    soup = page(out, "authorities/alpha/index.html")
    # A5, last updated in June 2026; the others in October, under six months before.
    assert [tr["id"] for tr in soup.select("#plan-sip tbody tr[data-quiet]")] == ["action-sip-A5"]
    progress = next(text(d.dd) for d in soup.select("#plan-sip dl.summary > div") if text(d.dt) == "Progress")
    assert progress.endswith("; 1 of the 4 with no update for 6 months or more; 1 done after the due date")
    assert card(soup, "Improvement plan").endswith("all overdue; 1 of the 4 with no update for 6 months or more.")
    assert [(o["value"], text(o)) for o in soup.select("#plan-sip-show option")] == [
        ("", "All actions"),
        ("open", "Actions not complete"),
        ("overdue", "Overdue actions only"),
        ("slipping", "Actions at risk or off track"),
        ("quiet", "Actions with no update for 6 months or more"),
    ]
    # The data gives the same: each action's months of silence, and each plan's count.
    actions = {r["action"]: r["no_update_months"] for r in rows(out, "actions") if r["authority"] == "alpha"}
    assert actions == {"A1": "", "A2": "", "A3": "", "A4": "", "A5": "7", "A6": ""}
    assert [r["actions_quiet"] for r in rows(out, "plans") if r["authority"] == "alpha"] == ["1"]
    assert next(r["plan_actions_quiet"] for r in rows(out, "authorities") if r["authority"] == "alpha") == "1"
    derived = json.loads((out / "authorities" / "alpha.json").read_text(encoding="utf-8"))["derived"]
    assert derived["current_plan_actions_quiet"] == 1 and derived["actions"]["sip/A5"]["no_update_months"] == 7


def test_the_data_count_a_plans_actions_as_its_progress_line_does(site: Path) -> None:
    # A board chair found the page's "2 on track", "1 done after the due date" in no table.
    soup = page(site, "authorities/alpha/index.html")
    progress = next(text(d.dd) for d in soup.select("#plan-sip dl.summary > div") if text(d.dt) == "Progress")
    assert progress.startswith("2 of 6 actions complete; of the 4 not complete, 2 on track and 2 at risk;")
    assert progress.endswith("; 1 done after the due date")
    [plan] = [r for r in rows(site, "plans") if r["authority"] == "alpha"]
    counted = ("", "_done", "_done_late", "_not_started", "_on_track", "_at_risk", "_off_track")
    assert [plan[f"actions{c}"] for c in counted] == ["6", "2", "1", "0", "2", "2", "0"]
    [authority] = [r for r in rows(site, "authorities") if r["authority"] == "alpha"]
    assert [authority[f"plan_actions{c}"] for c in counted] == ["6", "2", "1", "0", "2", "2", "0"]
    derived = json.loads((site / "authorities" / "alpha.json").read_text(encoding="utf-8"))["derived"]
    assert [derived[f"current_plan_actions{c}"] for c in counted] == [6, 2, 1, 0, 2, 2, 0]


def test_a_points_own_date_says_when_it_has_passed_and_which_actions_run_past_it(content: Path, tmp_path: Path) -> None:
    # "Due: November 2026" read as the plan's date, and never said it had passed, nor that
    # the actions answering the point are due after it: the first thing a board asks.
    rewrite(
        content,
        "alpha",
        ("{id: r1, text: Reduce caseloads.}", "{id: r1, text: Reduce caseloads., due: 2017-06}"),
        (
            "{id: r2, text: Review section 20 arrangements.}",
            "{id: r2, text: Review section 20 arrangements., due: 2026-11-15}",
        ),
        ("{id: r3, text: Improve supervision.}", "{id: r3, text: Improve supervision., due: 2027-03}"),
        (
            "      - {id: A6,",
            "      - {id: A7, workstream: A, title: Undated, status: on-track, responds_to: [sif-2016/r2]}\n"
            "      - {id: A6,",
        ),
    )
    rewrite(
        content,
        "delta",
        ("{id: r1, text: The timeliness of strategy meetings.}", "{id: r1, text: The timeliness., due: 2024-03}"),
    )
    out = site_of(content, tmp_path)
    soup = page(out, "authorities/alpha/index.html")

    def said(point: str) -> str:
        return " ".join(soup.select_one(f"#rec-sif-2016-{point} p.hint").get_text().split())

    # r1's one action is done: its date passed, with nothing left to do.
    assert said("r1") == "Date the report set: June 2017"
    # A4, due "November 2026", may fall before the 15th: not said to run past it.
    # An action with no due date may run past it too.
    assert said("r2") == (
        "Date the report set: 15 November 2026, now passed. Actions not complete that are due after it, or have no "
        "due date: A2 (22 November 2026), A3 (23 November 2026), A5 (31 December 2026) and A7 (no due date)"
    )
    assert [a["href"] for a in soup.select("#rec-sif-2016-r2 p.hint a")] == [
        "#action-sip-A2",
        "#action-sip-A3",
        "#action-sip-A5",
        "#action-sip-A7",
    ]
    assert said("r3") == "Date the report set: March 2027"
    # A visit's point, the letter's date; no plan's actions answer it, so whether it was met
    # is not known, and it is not said to have passed.
    delta = page(out, "authorities/delta/index.html")
    assert " ".join(delta.select_one("#rec-fv-2023-r1 p.hint").get_text().split()) == "Date the letter set: March 2024"


def test_overdue_at_the_as_of_boundary(site: Path) -> None:
    soup = page(site, "authorities/alpha/index.html")
    # The due date is in the cell beside it; since when it is late, here, in words.
    # What is late first, where a reader scanning the column sees it; the council's status after.
    assert action_row(soup, "A2")["Status"] == "Overdue since 23 November 2026 On track"
    assert action_row(soup, "A3")["Status"] == "On track"  # due on the as-of date: not yet overdue
    assert action_row(soup, "A4")["Status"] == "At risk"  # due "2026-11": counts as the end of the month
    assert action_row(soup, "A6")["Status"].startswith("Done")  # the latest update's status wins
    overdue = {r["action"]: r["overdue"] for r in rows(site, "actions") if r["authority"] == "alpha"}
    assert overdue == {"A1": "false", "A2": "true", "A3": "false", "A4": "false", "A5": "false", "A6": "false"}
    # Since when, in the data as on the page: the day after its due date.
    since = {r["action"]: r["overdue_since"] for r in rows(site, "actions") if r["authority"] == "alpha"}
    assert since == {"A1": "", "A2": "2026-11-23", "A3": "", "A4": "", "A5": "", "A6": ""}
    derived = json.loads((site / "authorities" / "alpha.json").read_text(encoding="utf-8"))["derived"]["actions"]
    assert [derived[f"sip/A{k}"]["overdue_since"] for k in (1, 2)] == [None, "2026-11-23"]
    # Overdue is said in words beside the one status, marked so the stylesheet can make it stand out.
    marked = [tr["id"] for tr in soup.select(".table--actions tbody tr") if tr.select_one(".overdue")]
    assert marked == ["action-sip-A2"]
    assert [text(t) for t in soup.select(".table--actions .overdue")] == ["Overdue"]


def test_as_of_moves_the_overdue_line(content: Path, tmp_path: Path) -> None:
    out = tmp_path / "later"
    result = CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out), "--as-of", "2026-11-24"])
    assert result.exit_code == 0, result.output
    assert "Overdue since 24 November 2026" in action_row(page(out, "authorities/alpha/index.html"), "A3")["Status"]
    # Each file that says "overdue" says for which day, so a copy taken away still tells.
    assert json.loads((out / "authorities/alpha.json").read_text())["derived"]["as_of"] == "2026-11-24"
    a3 = next(r for r in rows(out, "actions") if r["action"] == "A3")
    assert (a3["overdue"], a3["as_of"]) == ("true", "2026-11-24")
    assert {r["as_of"] for r in rows(out, "authorities")} == {"2026-11-24"}


def test_slipped_action_shows_original_and_current_due_dates(site: Path) -> None:
    soup = page(site, "authorities/alpha/index.html")
    a5 = action_row(soup, "A5")
    assert a5["Status"] == "At risk"
    # The date on one line (no-break spaces), the words about its move free to wrap.
    assert a5["Due"] == "31\u00a0December\u00a02026 Moved once; first set for 30 June 2026"
    assert "Recruitment slipped." in a5["Updates"]


def test_an_actions_latest_update_shows_and_earlier_ones_fold_away(content: Path, tmp_path: Path) -> None:
    alpha = content / "authorities" / "alpha.yaml"
    alpha.write_text(
        alpha.read_text().replace(
            "updates: [{date: 2026-10-01, note: Under way.}]}",
            "updates: [{date: 2026-09-01, note: Started.}, {date: 2026-10-01, status: at-risk, note: Stuck.}]}",
            1,
        )
    )
    out = tmp_path / "out"
    assert build(content, out)[0] == 0
    cell = page(out, "authorities/alpha/index.html").select_one("#action-sip-A2 td:last-child")
    latest = cell.find("p", recursive=False)
    assert text(latest) == "Latest update, 1 October 2026: at risk. Stuck."
    folded = cell.select_one("details.updates")
    assert text(folded.summary) == "1 earlier update to action A2"
    assert [text(p) for p in folded.find_all("p")] == ["1 September 2026. Started."]


def test_work_done_after_its_due_date_is_flagged(site: Path) -> None:
    soup = page(site, "authorities/alpha/index.html")
    status = next(td for td in soup.select("#action-sip-A6 td") if td.select_one(".tag"))
    said = " ".join(status.get_text().split())
    assert said.startswith("Done Done late: on 1 October 2026, after its due date of 1 January 2026Latest update")
    assert status.time["datetime"] == "2026-10-01"
    # Given as done, with no dated update saying when: done, and nothing claimed about lateness.
    assert action_row(soup, "A1")["Status"] == "Done"
    late = {r["action"]: (r["done_on"], r["done_late"]) for r in rows(site, "actions") if r["authority"] == "alpha"}
    assert late["A6"] == ("2026-10-01", "true")
    assert late["A1"] == ("", "")  # neither late nor on time: not known
    assert late["A2"] == ("", "")  # not done
    published = json.loads((site / "authorities/alpha.json").read_text())["derived"]["actions"]
    assert [published[f"sip/{a}"]["done_late"] for a in ("A6", "A1", "A2")] == [True, None, None]


def test_a_dropped_action_keeps_its_row_but_is_not_counted_nor_overdue(content: Path, tmp_path: Path) -> None:
    alpha = content / "authorities" / "alpha.yaml"
    source = alpha.read_text(encoding="utf-8")
    # A1 alone answers r1; A2 is overdue on the as-of day. The plan drops both, in updates.
    source = source.replace(
        "status: done, responds_to: [sif-2016/r1, sif-2016/r2], updates: [{date: 2026-10-01, note: Done.}]}",
        "status: on-track, responds_to: [sif-2016/r1, sif-2016/r2], "
        "updates: [{date: 2026-10-01, status: dropped, note: Merged into A3., sources: [letter]}]}",
        1,
    ).replace(
        "due: 2026-11-22, responds_to: [sif-2016/r2], updates: [{date: 2026-10-01, note: Under way.}]}",
        "due: 2026-11-22, responds_to: [sif-2016/r2], updates: [{date: 2026-10-01, status: dropped, note: Given up.}]}",
        1,
    )
    alpha.write_text(source, encoding="utf-8")
    out = site_of(content, tmp_path)
    soup = page(out, "authorities/alpha/index.html")
    assert action_row(soup, "A1")["Status"] == "Dropped"
    assert action_row(soup, "A2")["Status"] == "Dropped"  # past its due date, but not overdue
    assert action_row(soup, "A2")["Updates"] == "Latest update, 1 October 2026: dropped. Given up."
    # Why is printed with it (a printed page leaves out other updates' notes): the status alone would not say.
    # So is the latest word on each action at risk (A4, A5) or off track or overdue; not on one on track (A3).
    assert [text(p) for p in soup.select(".table--actions p.printed")] == [
        "Latest update, 1 October 2026: dropped. Merged into A3. ( Monitoring letter )",
        "Latest update, 1 October 2026: dropped. Given up.",
        "Latest update, 1 October 2026. Under way.",
        "Latest update, 1 June 2026: at risk; due date moved to 31 December 2026. Recruitment slipped.",
    ]
    assert {li["id"]: rec_status(li) for li in soup.select(".checklist > li")} == {
        "rec-sif-2016-r1": "Status: Actions dropped",  # not "Actions complete": nothing answers it now
        "rec-sif-2016-r2": "Status: Actions not complete",
        "rec-sif-2016-r3": "Status: No action recorded",
    }
    assert text(soup.select_one("#rec-sif-2016-r1 > p")) == "Answered by action A1 (dropped)."
    # The table of actions says when, and the last word on each, for those who track them in a spreadsheet.
    listed = {r["action"]: r for r in rows(out, "actions")}
    assert [(listed["A2"][k]) for k in ("status", "dropped_on", "last_update", "last_note")] == [
        "dropped",
        "2026-10-01",
        "2026-10-01",
        "Given up.",
    ]
    assert (listed["A3"]["dropped_on"], listed["A3"]["last_note"]) == ("", "Under way.")
    # Progress is counted out of the four actions kept; the dropped are said apart.
    cards = [text(p) for p in soup.select(".card__meta")]
    assert (
        "1 of 4 actions complete (1 of them late), 2 more dropped; of the 3 not complete, 1 on track and 2 at risk."
        in cards
    )
    # What Ofsted asked for: the point whose actions were dropped is not said to have none.
    assert (
        "3 listed here: 1 answered by plan actions (none yet with all of them complete); 1 whose actions the plan "
        "dropped; 1 with no action. See what Ofsted asked for" in cards
    )
    plan = next(r for r in rows(out, "plans") if r["authority"] == "alpha")
    assert (plan["actions"], plan["actions_done"], plan["actions_dropped"], plan["actions_overdue"]) == (
        "6",
        "1",
        "2",
        "0",
    )
    overdue = {r["action"]: (r["status"], r["overdue"]) for r in rows(out, "actions") if r["authority"] == "alpha"}
    assert overdue["A2"] == ("dropped", "false")
    recs = {r["recommendation"]: r["status"] for r in rows(out, "recommendations") if r["authority"] == "alpha"}
    assert recs == {"r1": "actions-dropped", "r2": "in-progress", "r3": "no-action-recorded"}
    # What says it was dropped is given with its row, as the page cites it.
    cited = {r["action"]: r["sources"] for r in rows(out, "actions") if r["authority"] == "alpha"}
    assert (cited["A1"], cited["A2"]) == ("https://example.org/letter", "")


@pytest.mark.parametrize(
    ("a3_answers", "aside"),
    [
        ("[sif-2016/r1, sif-2016/r2]", True),  # r1, complete by A1, has dropped A3 beside it
        ("[sif-2016/r2]", False),  # A3 is dropped, but no point counted complete has it
    ],
)
def test_complete_is_said_to_set_dropped_actions_aside_only_where_a_complete_point_has_one(
    content: Path, tmp_path: Path, a3_answers: str, aside: bool
) -> None:
    alpha = content / "authorities" / "alpha.yaml"
    alpha.write_text(
        alpha.read_text(encoding="utf-8").replace(
            "due: 2026-11-23, responds_to: [sif-2016/r2], updates: [{date: 2026-10-01, note: Under way.}]}",
            f"due: 2026-11-23, responds_to: {a3_answers}, "
            "updates: [{date: 2026-10-01, status: dropped, note: Given up.}]}",
            1,
        ),
        encoding="utf-8",
    )
    soup = page(site_of(content, tmp_path), "authorities/alpha/index.html")
    assert rec_status(soup.select_one("#rec-sif-2016-r1")) == "Status: Actions complete"
    explained = text(soup.select_one("section[aria-labelledby=asked] > p"))
    assert "“Actions complete” means every action answering a point is done, as the council records it" in explained
    assert ("(any the plan dropped aside)" in explained) is aside


def test_plans_csv_gives_the_sources_a_plan_rests_on(site: Path) -> None:
    cited = {(r["authority"], r["plan"]): r["sources"] for r in rows(site, "plans")}
    assert cited[("delta", "draft-2024")] == "https://example.org/delta/paper"
    assert cited[("alpha", "sip")] == ""


@pytest.mark.parametrize(
    ("due", "done", "late"),
    [
        ("2024-05-15", "2024-05-16", True),
        ("2024-05-15", "2024-05-15", False),
        ("2024-05", "2024-05-31", False),  # a month-only due date is its whole month
        ("2024-05-15", "2024-05", None),  # done some day in May: before or after the 15th is not known
        ("2024-05", "2024-06", True),
    ],
)
def test_done_late_only_when_the_dates_tell(due: str, done: str, late: bool | None) -> None:
    assert done_late(PartialDate.parse(done), PartialDate.parse(due)) is late


def test_status_and_grade_colours_never_coincide(site: Path) -> None:
    css = (site / "assets/style.css").read_text()

    def background(selector: str) -> str:
        rule = next(line for line in css.splitlines() if line.startswith(selector))
        return rule.split("background:")[1].split(";")[0].strip()

    grades = {background(f".tag--p{n} ") for n in range(4)}
    statuses = {
        background(f".tag--{s}")
        for s in ("done", "on-track", "at-risk", "off-track", "not-started", "no-action-recorded")
    }
    assert len(grades) == 4, "each grade has its own colour"
    assert not grades & statuses, "a status shares a grade's colour"
    assert len(statuses) == 6


# Shown, and hidden from screen readers (`/ ""`), which name the cell's column already.
CSS_LABEL = re.compile(
    r'\.(table--[a-z-]+) td:nth-child\((\d+)\)::before \{ content: "([^"]*): "; content: "\3: " / ""; \}'
)


def test_every_stacked_cell_is_labelled_with_its_columns_name(site: Path) -> None:
    """Below 720px a stacked cell shows its column's name: from data-label, or from the stylesheet,
    whose names must be the header cells' words."""
    labels = {(m[1], int(m[2])): m[3] for m in CSS_LABEL.finditer((site / "assets/style.css").read_text())}
    used = set()
    for html in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for table in soup.select("table.table--stack"):
            names = [text(th) for th in table.select("thead th")]
            for row in table.select("tbody tr"):
                for index, cell in enumerate(row.find_all(["td", "th"]), start=1):
                    if cell.name == "th" or cell.has_attr("data-label"):
                        continue
                    keys = [(c, index) for c in table["class"] if (c, index) in labels]
                    assert keys, f"{html}: {table['class']} column {index} has no label"
                    assert labels[keys[0]] == names[index - 1], (html, keys[0])
                    used.add(keys[0])
    assert used == set(labels), "the stylesheet names a column no table has"


def test_whitespace_is_collapsed_without_changing_what_a_browser_shows() -> None:
    from tracker.render import collapse_whitespace

    page = (
        "<!doctype html>\n<html>\n<body>\n  <p>\n    Some   <a href='x>y'>linked</a>\n  <em>words</em>  </p>\n"
        "  <ul>\n    <li>one</li>\n    <li>two</li>\n  </ul>\n<pre>  kept\n    as is </pre>\n"
        "<textarea>\n  also  kept </textarea> <span>a</span>\t<span>b</span><!-- c --> d\n"
        "<script>if (a  <  b) {}\n</script>\n</body>\n</html>\n"
    )
    assert collapse_whitespace(page) == (
        "<!doctype html><html><body><p>Some <a href='x>y'>linked</a> <em>words</em></p>"
        "<ul><li>one</li> <li>two</li></ul><pre>  kept\n    as is </pre>"
        "<textarea>\n  also  kept </textarea> <span>a</span> <span>b</span><!-- c --> d "
        "<script>if (a  <  b) {}\n</script></body></html>\n"
    )
    assert collapse_whitespace(collapse_whitespace(page)) == collapse_whitespace(page)


def test_built_pages_carry_no_insignificant_whitespace(site: Path) -> None:
    from tracker.render import collapse_whitespace

    for html in sorted(site.rglob("*.html")):
        if "admin" in html.relative_to(site).parts:
            continue
        raw = html.read_text(encoding="utf-8")
        assert collapse_whitespace(raw) == raw, html
        assert not re.search(r"[ \t\n]{2,}", re.sub(r"<(pre|textarea)\b.*?</\1>", "", raw, flags=re.S)), html


# Timeline, overview, links -------------------------------------------------------------------


def test_timeline_is_an_ordered_list_of_dated_entries_newest_first(site: Path) -> None:
    soup = page(site, "authorities/alpha/index.html")
    items = soup.select("ol.timeline > li")
    dates = [li.time["datetime"] for li in items]
    assert dates == sorted(dates, reverse=True)
    titles = [li.a.get_text(strip=True) for li in items]
    assert "Service Improvement Plan adopted" in titles
    assert "Monitoring visit" in titles
    assert "SIF inspection" in titles
    # An inspection is dated by its visit; where its report's publication is recorded, the
    # entry says when the grade became known (a visit recorded without it says nothing).
    # Its grades follow the link, in words, not inside it: a screen reader's list of links stays short.
    sif = next(li for li in items if li.a.get_text(strip=True) == "SIF inspection")
    assert text(sif).replace(" .", ".") == (
        "24 October 2016 SIF inspection Overall effectiveness: Inadequate. Report published 24 January 2017."
    )
    assert sif.select("time")[1]["datetime"] == "2017-01-24"
    visit = next(li for li in items if li.a.get_text(strip=True) == "Monitoring visit")
    assert "published" not in text(visit)
    for li in items:
        target = li.a["href"]
        assert soup.find(id=target[1:]) is not None, target
    # A month's updates with no other event between them are one entry: the plan table has each.
    updates = [li for li in items if "to plan actions" in text(li)]
    assert [text(li).replace(" ,", ",").replace(" ;", ";").replace(" :", ":") for li in updates] == [
        "1 October 2026 5 updates to plan actions: actions A1, A2, A3, A4 and A6; leaving 2 on track, 1 at risk and "
        "2 done",
        "1 June 2026 1 update to plan actions: action A5; leaving 1 at risk; 1 due date moved",
    ]
    # As the card counts them: an update with a note only (A1's, A4's) leaves the action's own status.
    card = next(text(p) for p in soup.select(".card__meta") if "actions complete" in text(p))
    assert card.startswith("2 of 6 actions complete (1 of them late); of the 4 not complete, 2 on track and 2 at risk")
    # Which actions changed, each linked to its row in the plan.
    named = {a.get_text(): a["href"] for a in updates[0].select("a")[1:]}
    assert list(named) == ["A1", "A2", "A3", "A4", "A6"] and all(soup.find(id=h[1:]) for h in named.values())


def test_a_reopened_action_and_a_point_complete_but_for_a_dropped_action_say_so(content: Path, tmp_path: Path) -> None:
    rewrite(
        content,
        "alpha",
        (
            "updates: [{date: 2026-10-01, status: done, note: Finished.}]",
            "updates: [{date: 2026-10-01, status: done, note: Finished.}, "
            "{date: 2026-11-01, status: on-track, due: 2027-03-31, note: Reopened for the new managers.}]",
        ),
        (
            "due: 2026-11, responds_to: [sif-2016/r2], updates: [{date: 2026-10-01, note: Under way.}]}",
            "due: 2026-11, responds_to: [sif-2016/r1], updates: [{date: 2026-10-01, status: dropped, note: Merged.}]}",
        ),
    )
    soup = page(site_of(content, tmp_path), "authorities/alpha/index.html")
    # A6 was done; a board told so is told it was taken up again, and why, on paper too.
    assert action_row(soup, "A6")["Status"] == "On track Done 1 October 2026, late, then reopened 1 November 2026"
    printed = [text(p) for p in soup.select("#action-sip-A6 p.printed")]
    assert printed == [
        "Latest update, 1 November 2026: on track; due date moved to 31 March 2027. Reopened for the new managers."
    ]
    # r1: A1 done, A4 dropped: complete, the badge says, and beside it that one was dropped.
    point = soup.select_one("#rec-sif-2016-r1")
    assert rec_status(point) == "Status: Actions complete"
    assert [text(s) for s in point.select(":scope > strong")][1:] == ["; 1 answering action dropped"]


def a6_updated(content: Path, tmp_path: Path, updates: str) -> tuple[Path, dict[str, str], dict[str, str]]:
    """The site with action A6 (due 1 January 2026, done 1 October 2026) given these updates
    instead (a YAML flow list's items), its row on the page, and its row of actions.csv."""
    rewrite(content, "alpha", ("updates: [{date: 2026-10-01, status: done, note: Finished.}]", f"updates: [{updates}]"))
    out = site_of(content, tmp_path)
    [listed] = [r for r in rows(out, "actions") if r["authority"] == "alpha" and r["action"] == "A6"]
    return out, action_row(page(out, "authorities/alpha/index.html"), "A6"), listed


def test_a_due_date_moved_once_it_had_passed_does_not_hide_that_the_action_was_late(
    content: Path, tmp_path: Path
) -> None:
    # Done in the update that gives it longer: late, against the date in force until that day.
    out, row, listed = a6_updated(
        content,
        tmp_path,
        "{date: 2026-10-01, status: done, due: 2026-12-31, note: Finished; the board gave it longer.}",
    )
    assert row["Due"] == "31\u00a0December\u00a02026 Moved once, after it had passed; first set for 1 January 2026"
    assert row["Status"].replace(" ,", ",") == "Done Done late: on 1 October 2026, after its due date of 1 January 2026"
    assert (listed["due_moves"], listed["due_moves_after_due"], listed["done_late"]) == ("1", "1", "true")
    published = json.loads((out / "authorities/alpha.json").read_text())["derived"]["actions"]["sip/A6"]
    assert (published["due_moves_after_due"], published["done_late"]) == (1, True)


def test_an_action_reopened_and_done_again_still_says_it_was_reopened(content: Path, tmp_path: Path) -> None:
    _, row, listed = a6_updated(
        content,
        tmp_path,
        "{date: 2026-10-01, status: done, note: Finished.}, "
        "{date: 2026-11-01, status: on-track, due: 2026-11-10, note: Reopened for the new managers.}, "
        "{date: 2026-11-15, status: done, note: Done again.}",
    )
    # In the order they happened; its date set again as it was reopened is no sign of lateness.
    # The completion it undid is said, and that it was late (due 1 January 2026), or readers
    # of the paper, where earlier updates are not printed, could not know.
    assert row["Status"].replace(" ,", ",") == (
        "Done Done 1 October 2026, late, then reopened 1 November 2026 "
        "Done again, late: on 15 November 2026, after its due date of 10 November 2026"
    )
    assert row["Due"] == "10\u00a0November\u00a02026 Moved once; first set for 1 January 2026"
    assert (listed["reopened_on"], listed["due_moves_after_due"], listed["done_on"]) == (
        "2026-11-01",
        "0",
        "2026-11-15",
    )


@pytest.mark.parametrize(
    ("after_due", "said"),
    [
        ([False], "Moved once"),
        ([True], "Moved once, after it had passed"),
        ([False, False], "Moved twice"),
        ([True, True], "Moved twice, both after it had passed"),
        ([False, True, True], "Moved 3 times (twice after it had passed)"),
        ([True, True, True], "Moved 3 times, all after it had passed"),
        ([False, False, True], "Moved 3 times (once after it had passed)"),
    ],
)
def test_how_often_a_due_date_moved_is_said_in_words(after_due: list[bool], said: str) -> None:
    from tracker.render import moved

    assert moved(len(after_due), sum(after_due)) == said


def test_an_update_giving_the_due_date_the_action_has_confirms_it_and_moves_nothing(
    content: Path, tmp_path: Path
) -> None:
    out, row, _ = a6_updated(
        content,
        tmp_path,
        "{date: 2026-09-01, due: 2026-01-01, note: Date confirmed.}, {date: 2026-10-01, status: done, note: Finished.}",
    )
    assert "Moved" not in row["Due"]
    assert "1 September 2026; due date confirmed as 1 January 2026. Date confirmed." in row["Updates"]
    feed = (out / "authorities" / "alpha" / "feed.xml").read_text(encoding="utf-8")
    assert "due date confirmed as 1 January 2026" in feed and "due date moved to 1 January 2026" not in feed


def test_an_action_given_as_dropped_or_done_is_dated_by_the_update_that_says_so(content: Path, tmp_path: Path) -> None:
    # The action's own status, then an update saying when, as the checker asks of a dropped one.
    rewrite(
        content,
        "alpha",
        (
            "status: at-risk, due: 2026-11, responds_to: [sif-2016/r2], "
            "updates: [{date: 2026-10-01, note: Under way.}]}",
            "status: dropped, due: 2026-11, responds_to: [sif-2016/r2], "
            "updates: [{date: 2026-10-01, status: dropped, note: Merged.}]}",
        ),
        (
            "status: on-track, due: 2026-01-01, responds_to: [sif-2016/r2], "
            "updates: [{date: 2026-10-01, status: done, note: Finished.}]}",
            "status: done, due: 2026-01-01, responds_to: [sif-2016/r2], "
            "updates: [{date: 2026-10-01, status: done, note: Finished.}, "
            "{date: 2026-11-01, status: done, note: Again.}]}",
        ),
    )
    listed = {r["action"]: r for r in rows(site_of(content, tmp_path), "actions")}
    assert (listed["A4"]["status"], listed["A4"]["dropped_on"]) == ("dropped", "2026-10-01")
    # Done by the first update that says so, not a later one repeating it: late, against January's due date.
    assert (listed["A6"]["done_on"], listed["A6"]["done_late"]) == ("2026-10-01", "true")


def test_a_run_of_updates_leaves_each_action_as_its_last_update_in_the_file_does(content: Path, tmp_path: Path) -> None:
    # `2026-10` and a day in it tie: the file's order, which the action's status follows, says which came last.
    rewrite(
        content,
        "alpha",
        (
            "updates: [{date: 2026-10-01, status: done, note: Finished.}]",
            "updates: [{date: 2026-10-01, status: done, note: Finished.}, "
            "{date: 2026-10, status: at-risk, due: 2027-01-31, note: Reopened.}]",
        ),
    )
    out = site_of(content, tmp_path)
    soup = page(out, "authorities/alpha/index.html")
    assert action_row(soup, "A6")["Status"].startswith("At risk")
    [run] = [
        text(li) for li in soup.select("ol.timeline > li") if "to plan actions" in text(li) and "October" in text(li)
    ]
    assert "; leaving 2 on track, 2 at risk and 1 done;" in run.replace(" ,", ",").replace(" ;", ";")


def test_a_plan_closed_tells_its_final_tally_on_the_timeline_and_in_the_feed(content: Path, tmp_path: Path) -> None:
    # Counted as the plan's Progress counts it: out of the actions not dropped.
    rewrite(
        content,
        "alpha",
        ("  - id: sip\n", "  - id: sip\n    closed: 2026-11\n"),
        (
            "due: 2026-11, responds_to: [sif-2016/r2], updates: [{date: 2026-10-01, note: Under way.}]}",
            "due: 2026-11, responds_to: [sif-2016/r2], updates: [{date: 2026-10-01, status: dropped, note: Merged.}]}",
        ),
    )
    out = site_of(content, tmp_path)
    soup = page(out, "authorities/alpha/index.html")
    [closed] = [li for li in soup.select("ol.timeline > li") if "closed" in text(li)]
    told = "2 of 5 actions complete, 1 more dropped, 3 still open."
    assert text(closed).endswith(f"Service Improvement Plan closed {told}")
    progress = [text(d) for d in soup.select("#plan-sip dl.summary > div") if text(d).startswith("Progress")]
    assert progress[0].startswith("Progress 2 of 5 actions complete, 1 more dropped")
    feed = ET.parse(out / "authorities/alpha/feed.xml").getroot()
    summaries = [
        e.findtext(f"{ATOM}summary") for e in feed.iter(f"{ATOM}entry") if "closed" in e.findtext(f"{ATOM}title")
    ]
    assert summaries == [f"November 2026. {told}"]


def test_the_printed_plan_gives_its_documents_address(content: Path, tmp_path: Path) -> None:
    # A councillor with the paper finds the plan itself.
    rewrite(
        content,
        "alpha",
        (
            "    in_response_to: [sif-2016]\n    workstreams:",
            "    in_response_to: [sif-2016]\n    sources: [letter]\n    workstreams:",
        ),
    )
    soup = page(site_of(content, tmp_path), "authorities/alpha/index.html")
    cited = soup.select_one("#plan-sip > p.sources a")
    assert (cited["href"], cited.get("class")) == ("https://example.org/letter", ["print-href"])


def test_a_link_to_a_pdf_says_so(content: Path, tmp_path: Path) -> None:
    # A reader on a phone, or with a screen reader, is told before a PDF opens.
    rewrite(content, "alpha", ("https://example.org/report", "https://files.ofsted.gov.uk/v1/file/1"))
    soup = page(site_of(content, tmp_path), "authorities/alpha/index.html")
    # Every link to it, wherever it is: a citation, the points' lead-in, the list of sources.
    links = [a for a in soup.select("main a") if a["href"] == "https://files.ofsted.gov.uk/v1/file/1"]
    where = {next(p.name for p in a.parents if p.name in ("li", "p")) for a in links}
    assert len(links) >= 3 and where == {"li", "p"}
    said = [text(a) for a in links]
    # Spelled out where the page first uses it, as every abbreviation is; in the lead-in to the
    # points, inside the brackets that name the report, not in a second pair.
    assert said[0].endswith(", PDF, portable document format)") and ") (" not in said[0]
    assert all(t.endswith(" (PDF)") for t in said[1:]), said
    assert soup.select_one("p.sources a[href='https://example.org/letter']").get_text() == "Monitoring letter"
    # Beta's points, unlisted and uncounted: its card links the report, named in full for a screen reader.
    rewrite(
        content,
        "beta",
        ("https://example.org/beta/ilacs", "https://x.org/r.PDF"),
        ("    recommendation_count: 3\n", ""),
    )
    soup = page(site_of(content, tmp_path / "beta"), "authorities/beta/index.html")
    [read] = [a for a in soup.select(".card a") if a.get_text().startswith("Read the report")]
    assert read.get_text().startswith("Read the report of the ILACS inspection, May 2023 (PDF")
    assert read.select_one(".vh").get_text() == " of the ILACS inspection, May 2023"


def test_a_run_of_updates_says_where_it_left_the_actions_not_how_often_each_status_was_set(
    content: Path, tmp_path: Path
) -> None:
    # A board reads "setting 2 to at risk" as two actions at risk: A6 was at risk, then done.
    rewrite(
        content,
        "alpha",
        (
            "updates: [{date: 2026-10-01, status: done, note: Finished.}]",
            "updates: [{date: 2026-10-01, status: at-risk, note: Slipping.}, "
            "{date: 2026-10-20, status: done, note: Finished.}]",
        ),
    )
    soup = page(site_of(content, tmp_path), "authorities/alpha/index.html")
    [run] = [
        text(li) for li in soup.select("ol.timeline > li") if "to plan actions" in text(li) and "October" in text(li)
    ]
    assert run.replace(" ,", ",").replace(" ;", ";").endswith("; leaving 2 on track, 1 at risk and 2 done")


def test_an_inspection_with_no_visit_recorded_is_dated_once_by_its_publication(content: Path, tmp_path: Path) -> None:
    path = content / "authorities" / "epsilon.yaml"
    path.write_text(path.read_text().replace("    visited: 2023-11\n", ""), encoding="utf-8")
    soup = page(site_of(content, tmp_path), "authorities/epsilon/index.html")
    entry = next(li for li in soup.select("ol.timeline > li") if li.a.get_text(strip=True) == "Focused visit")
    assert entry.time["datetime"] == "2023-12-01" and "published" not in text(entry)
    row = next(tr for tr in soup.select("table.report__history tbody tr") if text(tr.th) == "Focused visit")
    assert [text(td) for td in row("td")][:2] == ["Not recorded", "Not graded"]
    assert row("td")[2].a.get_text() == "1 December 2023"
    # The card says what the date is: its letter's publication, not a visit on that day.
    [visit] = [card for card in soup.select(".card") if card.h3 and text(card.h3) == "Latest visit"]
    assert text(visit.select_one("p")).startswith("Focused visit , published 1 December 2023")


def test_a_visits_areas_for_priority_action_are_said_where_its_missing_grade_would_hide_them(
    content: Path, tmp_path: Path
) -> None:
    # A focused visit is not graded: "Not graded" alone, on paper and on the timeline, would
    # hide Ofsted's most serious points.
    rewrite(
        content,
        "epsilon",
        (
            "    published: 2023-12-01\n    sources: [letter]\n",
            "    published: 2023-12-01\n    sources: [letter]\n    focus: Help and protection\n"
            "    recommendations:\n      - {id: p1, priority: true, text: Strategy meetings.}\n"
            "      - {id: r1, text: Supervision.}\n",
        ),
    )
    soup = page(site_of(content, tmp_path), "authorities/epsilon/index.html")
    row = next(tr for tr in soup.select("table.report__history tbody tr") if text(tr.th) == "Focused visit")
    assert [text(td) for td in row("td")][:2] == [
        "November 2023",
        "Not graded; 1 point under “Areas for priority action”",
    ]
    entry = next(li for li in soup.select("ol.timeline > li") if li.a.get_text(strip=True) == "Focused visit")
    assert text(entry).endswith("Help and protection. 1\u00a0point under “Areas for priority action”.")
    # The feed's entry says it too, and its title, as an inspection's gives its grade.
    feed = (tmp_path / "site" / "authorities" / "epsilon" / "feed.xml").read_text(encoding="utf-8")
    titles = [
        e.findtext("{http://www.w3.org/2005/Atom}title")
        for e in ET.fromstring(feed).iter("{http://www.w3.org/2005/Atom}entry")
    ]
    assert "Epsilon Council: Focused visit (1\u00a0point under “Areas for priority action”)" in titles
    summaries = [
        e.findtext("{http://www.w3.org/2005/Atom}summary") or ""
        for e in ET.fromstring(feed).iter("{http://www.w3.org/2005/Atom}entry")
    ]
    said = "Help and protection. 1\u00a0point under “Areas for priority action”. Ofsted's letter: "
    assert any(said in s for s in summaries)


def test_paper_says_where_ofsted_lists_a_letter_whose_own_address_is_not_recorded(
    content: Path, tmp_path: Path
) -> None:
    # Cited by Ofsted's page for the council, the letter's row gives only its day: paper has no
    # link to follow, so the list's address is printed under the table.
    rewrite(
        content,
        "epsilon",
        ("url: https://example.org/epsilon/fv", "url: https://reports.ofsted.gov.uk/provider/44/80905"),
    )
    soup = page(site_of(content, tmp_path), "authorities/epsilon/index.html")
    table = soup.select_one("table.report__history")
    row = next(tr for tr in table.select("tbody tr") if text(tr.th) == "Focused visit")
    assert text(row("td")[2]) == "1 December 2023"
    said = table.find_next_sibling("p")
    assert " ".join(said.get_text().split()) == (
        "Reports and letters with no address above are listed on Ofsted's page for the council, at "
        "https://reports.ofsted.gov.uk/provider/44/80905"
    )
    assert said.find_parent(class_="print-only") is not None


def test_what_a_caveat_says_is_not_recorded_is_listed_with_what_the_page_finds_missing(
    content: Path, tmp_path: Path
) -> None:
    # A reader counting the visits learns the count is short, and where the note says how it is known.
    rewrite(
        content,
        "epsilon",
        (
            "region: North West\n",
            "region: North West\nnotes:\n  - {text: A minute counts an earlier visit., sources: [r2015], "
            "not_recorded: a monitoring visit in 2016}\n"
            # Said again, as a sentence: listed once, without a second full stop, linked to the first.
            "  - {text: A report counts it too., sources: [r2018], not_recorded: A monitoring visit in 2016.}\n",
        ),
        (
            "      - {text: The letter names no lead inspector., sources: [letter], kind: caveat}\n",
            "      - {text: The letter names no lead inspector., sources: [letter], kind: caveat}\n"
            "      - {text: The letter calls it the second., sources: [letter],\n"
            "         not_recorded: an earlier focused visit}\n",
        ),
    )
    site = site_of(content, tmp_path)
    soup = page(site, "authorities/epsilon/index.html")
    record = soup.select_one(".report__record p")
    # After what the page finds missing itself (as seen: each link's hidden words are below).
    seen = copy.copy(record)
    for hidden in seen.select(".vh"):
        hidden.decompose()
    assert " ".join(seen.get_text().split()).endswith(
        "(they are not in the national data); a monitoring visit in 2016; an earlier focused visit."
    )
    links = [(a.get_text(), a["href"]) for a in record.select("a[href^='#']")]
    said = " (the note saying how this is known)"
    assert links == [
        ("a monitoring visit in 2016" + said, "#notes-note-1"),
        ("an earlier focused visit" + said, "#inspection-fv-2023-note-2"),
    ]
    # Each leads to its own note, which takes the focus.
    targets = [soup.select_one(href) for _, href in links]
    assert [(t.get("tabindex"), " ".join(t.p.get_text().split())) for t in targets] == [
        ("-1", "A minute counts an earlier visit."),
        ("-1", "The letter calls it the second."),
    ]
    # The data gives the words beside the note, and none for a note that names nothing.
    noted = {row["text"]: row["not_recorded"] for row in rows(site, "notes") if row["authority"] == "epsilon"}
    assert noted == {
        "A minute counts an earlier visit.": "a monitoring visit in 2016",
        "A report counts it too.": "A monitoring visit in 2016.",
        "The letter names no lead inspector.": "",
        "The letter calls it the second.": "an earlier focused visit",
    }


def test_paper_marks_a_corrected_inspection_in_its_list(content: Path, tmp_path: Path) -> None:
    # As it marks one the sources disagree about: the correction is printed at the top.
    rewrite(
        content,
        "epsilon",
        (
            "    sources: [r2018]\n",
            "    sources: [r2018]\n    notes:\n      - {kind: correction, date: 2026-11-02, sources: [r2018], "
            "text: Until 2 November 2026 this page gave the visit as December 2017.}\n",
        ),
    )
    soup = page(site_of(content, tmp_path), "authorities/epsilon/index.html")
    rows = [text(th) for th in soup.select("table.report__history tbody th")]
    assert rows == [
        "ILACS inspection",
        "Focused visit",
        "SIF inspection (corrected: see the top of the page)",
        "SIF inspection",
    ]


def test_sections_come_in_reading_order_and_each_can_be_linked(site: Path) -> None:
    soup = page(site, "authorities/alpha/index.html")
    order = [s["aria-labelledby"] for s in soup.select("main > section")]
    # What Ofsted asked for, and the plan answering it, straight after the summary: on a
    # phone the neighbours' list put them eight screens down, and on paper last.
    assert order == [
        "summary-title",
        "asked",
        "plans",
        "history",
        "neighbours",
        "inspections",
        "timeline",
        "about",
        "sources",
    ]
    listed = [a["href"] for a in soup.select("nav.contents > ol > li > a")]
    assert listed == ["#" + name for name in order[1:]]
    for section in soup.select("main > section")[1:]:
        link = section.select_one(".section-link")
        assert link is not None and link["href"] == "#" + section["aria-labelledby"], section["aria-labelledby"]
        heading = text(soup.select_one(f"#{section['aria-labelledby']}"))
        assert (text(link), link["aria-label"]) == ("Link to this section", f"Link to this section: {heading}")


def test_every_name_the_page_gives_an_item_is_one_the_check_knows(content: Path, tmp_path: Path) -> None:
    # The check refuses ids that join up into one name (model.page_names); that only
    # protects the page if page_names lists every name the templates make from ids.
    with_two_workstreams(content)  # for the plan's workstream filter to be made
    site = site_of(content, tmp_path)
    checked = pipeline.check(content, dt.date.fromisoformat(AS_OF))
    assert checked.content is not None
    made = re.compile(r"(inspection|rec|plan|action)-")
    found: set[str] = set()
    for slug in SLUGS:
        known = {name for _, name, _ in page_names(checked.content.authorities[slug])}
        ids = [node["id"] for node in page(site, f"authorities/{slug}/index.html").select("[id]")]
        assert len(ids) == len(set(ids)), slug
        assert {i for i in ids if made.match(i)} <= known, slug
        found |= {i.split("-")[-1] for i in ids if made.match(i)}
    assert {"recs", "title", "filters", "show", "ws", "caption"} <= found  # the fixture has every part but -areas


def test_earlier_plans_are_headed_under_earlier_plans(site: Path) -> None:
    soup = page(site, "authorities/beta/index.html")
    section = soup.select_one("section[aria-labelledby=plans]")
    assert [h.name for h in section.select("h2, h3, h4")][:3] == ["h2", "h3", "h4"]
    assert text(section.select_one("h3")) == "Earlier plans"
    # A plan without actions says so once (in its progress), not twice.
    section = page(site, "authorities/epsilon/index.html").select_one("section[aria-labelledby=plans]")
    assert section.select_one("details.earlier .plan h4") is not None
    assert text(section).count("No actions recorded") == 1


def test_a_caveat_on_its_inspections_own_sources_is_not_cited_twice_in_a_row(content: Path, tmp_path: Path) -> None:
    entry = page(site_of(content, tmp_path), "authorities/epsilon/index.html").select_one("#inspection-fv-2023")
    assert text(entry.select_one(".inset")) == "The letter names no lead inspector."  # its source is the entry's
    assert [text(p) for p in entry.select(":scope > .sources")] == ["Source: Ofsted, 1 December 2023"]
    # Sources that disagree are always named with the note, even where the entry cites the same.
    path = content / "authorities/epsilon.yaml"
    path.write_text(
        path.read_text()
        .replace(
            "{text: The letter names no lead inspector., sources: [letter], kind: caveat}",
            "{text: The dates differ., sources: [letter, r2018], kind: disagreement}",
        )
        .replace("    sources: [letter]\n    notes:", "    sources: [letter, r2018]\n    notes:"),
        encoding="utf-8",
    )
    again = page(site_of(content, tmp_path / "again"), "authorities/epsilon/index.html")
    assert again.select_one("#inspection-fv-2023 .inset .sources") is not None


def test_a_source_cited_twice_is_listed_once(site: Path) -> None:
    soup = page(site, "authorities/epsilon/index.html")
    listed = [li["id"] for li in soup.select(".source-list li")]
    assert len(listed) == len(set(listed)) == 4


def test_sources_are_listed_oldest_first_where_each_has_a_date(content: Path, tmp_path: Path) -> None:
    # An importer adds each report's source at the end of the file's list: a reader expects
    # them by date. Where one has no date, the file's order, which its editor chose, stands.
    path = content / "authorities" / "epsilon.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "sources:\n  - {id: r2015,",
            "sources:\n  - {id: press, title: A press release, url: https://example.org/epsilon/press}\n"
            "  - {id: r2025b, title: Epsilon letter, url: https://example.org/epsilon/l, published: 2016-05-01}\n"
            "  - {id: r2015,",
        ).replace("    sources: [r2015]", "    sources: [r2015, press, r2025b]", 1),
        encoding="utf-8",
    )
    soup = page(site_of(content, tmp_path), "authorities/epsilon/index.html")
    listed = [li["id"].removeprefix("source-") for li in soup.select(".source-list li")]
    assert listed == ["press", "r2025b", "r2015", "r2018", "letter", "r2025"]
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "url: https://example.org/epsilon/press}", "url: https://example.org/epsilon/press, published: 2026-01-05}"
        ),
        encoding="utf-8",
    )
    soup = page(site_of(content, tmp_path / "dated"), "authorities/epsilon/index.html")
    listed = [li["id"].removeprefix("source-") for li in soup.select(".source-list li")]
    assert listed == ["r2015", "r2025b", "r2018", "letter", "r2025", "press"]


def test_overview_lists_every_authority_with_headline_progress_and_overdue(site: Path) -> None:
    soup = page(site, "index.html")
    table = soup.select("#authority-table tbody tr")
    assert len(table) == 5
    alpha = [text(cell) for cell in table[0].find_all(["th", "td"])]
    assert table[0].find("th")["scope"] == "row"
    assert alpha[:4] == [
        "Alpha Council",
        "North East",
        "Inadequate",
        "SIF (single inspection framework) inspection, visited 24 October 2016",
    ]
    assert table[0]["data-grade"] == "inadequate"
    # Filters are hidden until the script shows them: the table alone works without JavaScript.
    assert soup.select_one("#filters").has_attr("hidden")
    assert soup.select_one("#filter-name")["type"] == "search"
    assert soup.select_one("#authority-table").has_attr("data-url-state")
    # The count boxes link to a page listing them, which needs no script.
    counts = {a["href"]: text(a) for a in soup.select(".counts a")}
    assert counts == {
        "./grades/outstanding/": "1 Outstanding List it",
        "./grades/good/": "2 Good List them",
        "./grades/requires-improvement/": "1 Requires improvement to be good List it",
        "./grades/inadequate/": "1 Inadequate List it",
    }


def test_a_grade_is_held_across_scales_only_under_the_same_name() -> None:
    from tracker.derive import derive_authority
    from tracker.model import Authority, Frameworks

    scales = {
        "old": {"outstanding": "Outstanding", "good": "Good", "adequate": "Adequate", "inadequate": "Inadequate"},
        "new": {
            "outstanding": "Outstanding",
            "good": "Good",
            "requires-improvement": "Requires improvement",
            "inadequate": "Inadequate",
        },
    }
    types = {k: {"name": k, "scale": k, "headline": ["overall"], "judgements": {"overall": "Overall"}} for k in scales}
    frameworks = Frameworks.model_validate({"scales": scales, "types": types})

    def held(*grades: tuple[str, str, str]) -> list[str]:
        inspections = [
            {"id": f"i{n}", "type": kind, "published": day, "judgements": {"overall": grade}, "sources": ["s"]}
            for n, (kind, day, grade) in enumerate(grades)
        ]
        sources = [{"id": "s", "title": "Report", "url": "https://example.org/r"}]
        authority = Authority.model_validate({"name": "X", "sources": sources, "inspections": inspections})
        view = derive_authority("x", authority, frameworks, dt.date(2026, 1, 1))
        return [v.inspection.id for v in view.held]

    # "Adequate" (2009 scale) and "requires improvement" (2013) share a place on their scales, not a name.
    assert held(("old", "2012-11", "adequate"), ("new", "2017-11", "requires-improvement")) == ["i1"]
    assert held(("old", "2012-11", "inadequate"), ("new", "2017-11", "inadequate")) == ["i1", "i0"]
    assert held(("new", "2014-11", "good"), ("new", "2017-11", "inadequate"), ("new", "2022-11", "good")) == ["i2"]


def test_plan_columns_are_left_out_when_no_authority_has_a_plan_for_its_latest_inspection(
    content: Path, tmp_path: Path
) -> None:
    heads = [text(th) for th in page(site_of(content, tmp_path), "index.html").select("#authority-table thead th")]
    assert heads[-2:] == ["Improvement plan", "Overdue actions"]
    # A plan that answered the latest inspection and has closed keeps its place, said closed.
    alpha = content / "authorities/alpha.yaml"
    alpha.write_text(alpha.read_text().replace("  - id: sip\n", "  - id: sip\n    closed: 2026-11\n"))
    soup = page(site_of(content, tmp_path / "closed"), "index.html")
    row = next(tr for tr in soup.select("#authority-table tbody tr") if text(tr.th) == "Alpha Council")
    assert [text(td) for td in row.find_all("td")][-2:] == [
        "Closed November 2026: 2 of 6 actions complete",
        "Plan closed",
    ]
    for name in ("alpha", "delta", "gamma"):  # the plans of those with one for their latest inspection
        path = content / f"authorities/{name}.yaml"
        source = path.read_text()
        path.write_text(source[: source.index("plans:\n")])
    soup = page(site_of(content, tmp_path / "none"), "index.html")
    assert [text(th) for th in soup.select("#authority-table thead th")] == heads[:-2]
    assert {len(tr.find_all(["th", "td"])) for tr in soup.select("#authority-table tbody tr")} == {4}
    said = text(soup.select_one("section[aria-labelledby=authorities] > p"))
    assert said.startswith("No authority has an improvement plan for its latest inspection recorded here yet")


def test_a_grade_page_links_each_latest_report_and_says_when_it_is_a_pdf(content: Path, tmp_path: Path) -> None:
    # Ofsted's file server serves PDFs: a phone's reader is told before opening one.
    beta = content / "authorities" / "beta.yaml"
    beta.write_text(beta.read_text().replace("https://example.org/beta/ilacs", "https://files.ofsted.gov.uk/v1/file/1"))
    good = page(site_of(content, tmp_path), "grades/good/index.html")
    row = next(r for r in good.select("#grade-caption ~ tbody tr") if text(r.th) == "Beta Borough Council")
    report = row.select_one("td a")
    assert report is not None and report["href"] == "https://files.ofsted.gov.uk/v1/file/1"
    assert text(report) == "Ofsted's report on Beta Borough Council, 14 July 2023 (PDF, portable document format)"
    assert text(report.select_one(".vh")) == "on Beta Borough Council, 14 July 2023"


def test_a_grade_page_gives_each_authoritys_plan_as_the_overview_does(site: Path) -> None:
    # A panel compares the councils judged alike on how far their plans have got: the grade
    # page has the overview's two columns, from the same cells.
    inadequate = page(site, "grades/inadequate/index.html")
    heads = [text(th) for th in inadequate.select("#grade-caption ~ thead th")]
    assert heads[-2:] == ["Improvement plan", "Overdue actions"]
    [alpha] = inadequate.select("#grade-caption ~ tbody tr")
    cells = {td["data-label"]: text(td) for td in alpha.select("td")}
    assert (cells["Improvement plan"], cells["Overdue actions"]) == ("2 of 6 actions complete", "1")
    overview = page(site, "index.html").select_one("#authority-table tbody tr")
    assert [text(td) for td in overview.select("td")[-2:]] == ["2 of 6 actions complete", "1"]


def test_the_inadequate_page_says_when_ofsted_last_came_and_where_no_visit_is_recorded(
    content: Path, tmp_path: Path
) -> None:
    # Ofsted monitors a council judged inadequate: a journalist asks when it last came, and a
    # visit not recorded must not read as none made.
    inadequate = page(build_site(content, tmp_path / "site"), "grades/inadequate/index.html")
    [alpha] = inadequate.select("#grade-caption ~ tbody tr")
    cell = alpha.select_one("td[data-label='Monitoring visits since']")
    assert (text(cell), cell.a["href"]) == (
        "1, the latest visited May 2017 (Alpha Council)",
        "../../authorities/alpha/#inspection-mv-2017-05",
    )
    said = inadequate.select_one("main p:-soup-contains('not in the national data')")
    assert text(said).endswith(
        "They are not in the national data this site is built from: the column “Monitoring visits since” counts "
        "those recorded here since each authority's latest full inspection, and “None recorded here” does not "
        "mean that Ofsted has not visited."
    )
    # None recorded in any row: said once, not by a column of "none" that read as "not visited for years".
    rewrite(content, "alpha", ("type: monitoring-visit", "type: focused-visit"))
    inadequate = page(build_site(content, tmp_path / "again"), "grades/inadequate/index.html")
    assert inadequate.select_one("td[data-label='Monitoring visits since']") is None
    assert text(inadequate.select_one("main p:-soup-contains('not in the national data')")).endswith(
        "none since these authorities' latest full inspections is recorded here, which does not mean that Ofsted "
        "has not visited."
    )
    # No other grade is followed by monitoring visits.
    good = page(build_site(content, tmp_path / "again"), "grades/good/index.html")
    assert good.select_one("td[data-label='Monitoring visits since']") is None


def test_a_grade_page_has_no_plan_columns_where_no_plan_is_recorded(content: Path, tmp_path: Path) -> None:
    for slug in ("alpha", "beta", "delta", "epsilon", "gamma"):
        path = content / "authorities" / f"{slug}.yaml"
        text_now = path.read_text(encoding="utf-8")
        if "\nplans:\n" in text_now:
            path.write_text(text_now[: text_now.index("\nplans:\n") + 1], encoding="utf-8")
    inadequate = page(site_of(content, tmp_path), "grades/inadequate/index.html")
    assert "Improvement plan" not in [text(th) for th in inadequate.select("#grade-caption ~ thead th")]


def test_each_grade_lists_its_authorities_longest_held_first(content: Path, tmp_path: Path) -> None:
    site = site_of(content, tmp_path)
    listed = {}
    for box in page(site, "index.html").select(".counts a"):
        soup = page(site, urljoin("index.html", box["href"]) + "index.html")
        rows = soup.select("#grade-caption ~ tbody tr")
        assert text(box).split()[0] == str(len(rows))  # the count and its list agree
        # A tab or a bookmark names the grade and its count, as the heading does.
        assert soup.title.get_text().startswith(f"{text(soup.h1)} – ") and str(len(rows)) in text(soup.h1)
        listed[box["href"]] = [
            (
                text(r.th),
                [
                    text(r.select_one(f"td[data-label='{k}']"))
                    for k in (f"{text(box.select_one('.tag'))} since", "Before this grade")
                ],
            )
            for r in rows
        ]
    # Since when, and what it was before: Alpha's record starts with the grade.
    # With none before it recorded, the run may have begun earlier: how long is a floor.
    assert listed["./grades/inadequate/"] == [
        ("Alpha Council", ["24 January 2017 or earlier (at least 9 years and 9 months)", "None recorded"])
    ]
    # With a grade before it, the run's start is known.
    assert listed["./grades/good/"][1] == (
        "Beta Borough Council",
        ["14 July 2023 (3 years and 4 months)", "Inadequate ( 1 February 2017 )"],
    )
    # Which came out of a grade at their latest inspection, and into what: a journalist's question.
    gone = page(site, "grades/inadequate/index.html").select("#left-caption ~ tbody tr")
    assert [[text(cell) for cell in r.select("th, td")] for r in gone] == [
        [
            "Beta Borough Council",
            "SIF inspection, published 1 February 2017",
            "ILACS (inspecting local authority children's services) inspection, published 14 July 2023 : Ofsted's "
            "report on Beta Borough Council, 14 July 2023",
            "Good",
        ]
    ]
    # The grade's own source, for a story citing it: the report linked where it is known (a PDF says so).
    assert [a["href"] for a in gone[0].select("a")] == ["../../authorities/beta/", "https://example.org/beta/ilacs"]
    assert text(page(site, "grades/outstanding/index.html").select_one("#left-caption ~ tbody th")) == (
        "Delta County Council"
    )
    assert page(site, "grades/good/index.html").select_one("#left") is None  # none was good before
    gone = page(site, "grades/inadequate/index.html").select_one("#left-caption").find_parent("div")
    said = text(gone.find_previous("p"))
    assert said == (
        "1 authority was judged “Inadequate” at the full inspection before its latest, and given another overall "
        "grade at its latest. The newest first; the dates are the reports' publication."
    )
    said = text(page(site, "grades/outstanding/index.html").select_one("a[href='#left']"))
    assert said == "1 authority that left “Outstanding” at its latest full inspection"
    assert [name for name, _ in listed["./grades/good/"]] == ["Delta County Council", "Beta Borough Council"]
    assert dict(listed["./grades/good/"])["Beta Borough Council"][1] == "Inadequate ( 1 February 2017 )"
    # One more out of "Inadequate" by an inspection that gives no overall grade: the count
    # the page starts with is both kinds, and the sentence above the table says so.
    with_ilacs_2026(content, "{leadership: good, care-leavers: good}")
    (content / "authorities" / "zeta.yaml").write_text(  # the page is made while one holds the grade
        "name: Zeta Council\nregion: South West\n"
        "sources: [{id: sif, title: Zeta SIF report, url: https://example.org/zeta/sif}]\n"
        "inspections:\n  - {id: sif-2016, type: sif, published: 2016-03-01, judgements: {overall: inadequate}, "
        "sources: [sif]}\n",
        encoding="utf-8",
    )
    inadequate = page(site_of(content, tmp_path / "ungraded"), "grades/inadequate/index.html")
    # Named as what it is: left at the latest inspection, not every authority ever out of it.
    said = "2 authorities that left “Inadequate” at their latest full inspection"
    assert text(inadequate.select_one("a[href='#left']")) == said
    gone = inadequate.select_one("#left-caption").find_parent("div")
    assert [text(p) for p in (gone.find_previous("p"), gone.find_next("p"))] == [
        "Of the 2 authorities that left “Inadequate” at their latest full inspection, 1 was judged “Inadequate” at "
        "the full inspection before its latest, and given another overall grade at its latest. The newest first; the "
        "dates are the reports' publication. The other, whose latest inspection gave no overall grade, follows the "
        "table.",
        "Alpha Council was also judged “Inadequate” at the full inspection before its latest. Its latest, of a kind "
        "that gives no overall grade, graded none of its headline judgements “Inadequate”: its page gives them.",
    ]
    # Those out of it earlier are listed after, with where to read how long each took.
    earlier = inadequate.select_one("#left-earlier-caption").find_parent("div").find_previous("p")
    assert earlier.select_one("a[href='../../analysis/#recovery']") is not None

    # Held over more than one full inspection: counted from the first, and said on the page too.
    patched = (content / "authorities/beta.yaml").read_text().replace("{overall: inadequate}", "{overall: good}")
    (content / "authorities/beta.yaml").write_text(patched, encoding="utf-8")
    site = site_of(content, tmp_path / "again")
    soup = page(site, "grades/good/index.html")
    beta = next(r for r in soup.select("tbody tr") if text(r.th) == "Beta Borough Council")
    assert [text(cell) for cell in beta.select("td")[2:4]] == [
        # With no grade recorded before the run, it may have begun earlier: a floor, said as one.
        "1 February 2017 or earlier (at least 9 years and 9 months, across 2 full inspections)",
        "None recorded",
    ]
    assert "Good at both full inspections recorded here, since February 2017 (at least 9 years and 9 months)." in card(
        page(site, "authorities/beta/index.html"), "Before that"
    )
    locs = [loc.text for loc in ET.parse(site / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")]
    assert "https://www.exampleshire.gov.uk/tracker/grades/good/" in locs
    # A reader who arrives at a grade's list from a search finds the way up: to every grade, and home.
    trail = soup.select_one("nav.breadcrumbs")
    assert [(text(a), a["href"]) for a in trail.select("a")] == [
        ("Overview", "../../"),
        ("Authorities by latest grade", "../../grades/"),
    ]
    assert text(trail.select_one("[aria-current=page]")) == "Good"
    up = page(site, "grades/index.html").select_one("nav.breadcrumbs")
    assert [text(a) for a in up.select("a")] == ["Overview"] and text(up.select_one("[aria-current]")) == (
        "Authorities by latest grade"
    )


def test_hex_map_has_a_linked_named_hex_for_every_authority(site: Path) -> None:
    soup = page(site, "index.html")
    hexes = soup.select("svg.hexmap a")
    assert len(hexes) == 5
    names = {a["href"]: a.title.get_text() for a in hexes}
    assert names["./authorities/alpha/"] == "Alpha Council: Inadequate"
    assert names["./authorities/epsilon/"] == "Epsilon Council: Outstanding"
    assert "Open Innovations" in text(soup.select_one("#map-caption"))
    assert soup.select_one("svg.hexmap")["aria-describedby"] == "map-caption"


def test_counts_by_region_are_links_only_where_the_script_can_filter_the_table(site: Path) -> None:
    # Without the script, a link to the table "filtered" would show every authority: the
    # page gives numbers, with what each would link to, and the script makes the links.
    table = page(site, "index.html").select_one("#by-region-caption").find_parent("table")
    cells = table.select("tbody td[data-link]")
    assert cells and not table.select("a")
    north_east = {
        td["data-label"]: (text(td), td["data-link"]) for td in table.select("tbody tr")[0].select("td[data-link]")
    }
    assert north_east["All"][1] == "?region=North%20East#authorities"
    assert all(
        link.startswith("?region=North%20East&grade=") for label, (_, link) in north_east.items() if label != "All"
    )
    said = page(site, "index.html").select_one("#by-region-links")
    assert said.has_attr("hidden") and "filtered to them." in text(said)


def test_the_national_picture_counts_each_quarter(site: Path) -> None:
    soup = page(site, "index.html")
    table = soup.select_one("#quarters-caption").find_parent("table")
    head = [text(th) for th in table.select("thead th")]
    assert head == [
        "Quarter ending",
        "Outstanding",
        "Good",
        "Requires improvement to be good",
        "Inadequate",
        "No single overall grade",
        "No inspection recorded yet",
    ]
    by_quarter = {text(tr.th): [int(text(td)) for td in tr.select("td")] for tr in table.select("tbody tr")}
    assert by_quarter["31 March 2017"] == [0, 0, 0, 3, 0, 2]  # alpha, beta, epsilon inadequate; gamma, delta not yet
    assert by_quarter["30 September 2026"] == [1, 2, 1, 1, 0, 0]
    assert list(by_quarter)[-1] == "31 March 2014" and len(by_quarter) == 51
    assert soup.select_one("svg.chart")["role"] == "img"
    # The chart's description tells the change it shows, as the table's columns give it:
    # each grade's first and last count, and its highest where that is neither.
    said = text(soup.select_one("#change-desc"))
    columns = list(zip(*reversed(by_quarter.values()), strict=True))
    for label, counts in zip(head[1:], columns, strict=True):
        highest = max(counts)
        peak = f" (highest {highest}, first in " if highest not in (counts[0], counts[-1]) else ""
        assert f"{label.lower()} {counts[0]} to {counts[-1]}{peak}" in said
    assert "inadequate 0 to 1 (highest 3, first in March 2017)" in said


def test_a_grade_named_two_ways_in_the_national_picture_is_explained(site: Path, content: Path, tmp_path: Path) -> None:
    def said(out: Path) -> list[str]:
        caption = page(out, "index.html").select_one("#change-title").find_parent("figcaption")
        return [text(p) for p in caption.select("p") if "two names" in text(p)]

    assert said(site) == []  # one scale: each grade has one name
    frameworks = content / "frameworks.yaml"
    frameworks.write_text(
        frameworks.read_text(encoding="utf-8").replace(
            "scales:\n",
            "scales:\n  four-point-2009:\n    outstanding: Outstanding\n    good: Good\n"
            "    adequate: Adequate\n    inadequate: Inadequate\n",
            1,
        ),
        encoding="utf-8",
    )
    assert said(site_of(content, tmp_path)) == [
        "A grade given two names (“Requires improvement to be good / Adequate”) is one place on the scale, under the "
        "names today's and earlier scales give it: see what the grades mean ."
    ]


def test_a_grade_page_lists_those_out_of_it_since_an_earlier_inspection(site: Path) -> None:
    # With those that left it at their latest, every authority out of the grade: a journalist
    # counting who has ever come out of "inadequate" needs both.
    soup = page(site, "grades/inadequate/index.html")
    assert text(soup.select_one("a[href='#left-earlier']")) == "1 authority that left it at an earlier one"
    table = soup.select_one("#left-earlier-caption").find_parent("table")
    cells = [
        [" ".join(cell.get_text().split()) for cell in tr.find_all(["th", "td"])] for tr in table.select("tbody tr")
    ]
    assert cells == [
        [
            "Epsilon Council",
            "SIF inspection, published 10 March 2015",
            "SIF inspection, published 10 January 2018: Requires improvement to be good",
            "Outstanding",
        ]
    ]
    left = soup.select_one("#left-caption").find_parent("table")
    assert "Epsilon Council" not in [text(th) for th in left.select("tbody th")]
    assert text(table.find_parent("div").find_previous("p")).startswith(
        "1 authority was judged “Inadequate” overall at a full inspection earlier than its two latest, and has not "
        "been since"
    )
    # No one else left a grade before their two latest inspections.
    for grade in ("outstanding", "good", "requires-improvement"):
        assert page(site, f"grades/{grade}/index.html").select_one("#left-earlier") is None, grade


def test_the_maps_key_names_each_grade_as_the_latest_inspections_do(site: Path) -> None:
    # A scale of more places than the site colours is refused by the check
    # (tests/bad/frameworks-scale-of-five-grades.yaml): its fifth would be drawn black.
    assert [text(li) for li in page(site, "index.html").select(".map-layout .legend li")] == [
        "O Outstanding",
        "G Good",
        "R Requires improvement to be good",
        "I Inadequate",
    ]


def test_neighbours_show_their_latest_grades(site: Path) -> None:
    soup = page(site, "authorities/alpha/index.html")
    table = soup.select_one("#neighbours-table-caption").find_parent("table")
    got = [[text(cell) for cell in tr.find_all(["th", "td"])] for tr in table.select("tbody tr")]
    assert got == [
        ["Beta Borough Council", "Good", "July 2023"],
        ["Gamma City Council", "Requires improvement to be good", "April 2022"],
        ["Delta County Council", "Good", "December 2021"],
        ["Epsilon Council", "Outstanding", "August 2025"],
    ]
    # The squares picture the table, at a glance: hidden from screen readers, which read the
    # table's names with their grades (ten grades without names read to them before it).
    squares = soup.select_one("svg.squares")
    assert squares.find_parent("figure")["aria-hidden"] == "true"
    assert not squares.get("role") and not squares.get("aria-label")
    # A pointer over a square names its authority, as over a hexagon of the map.
    assert [text(t) for t in squares.select("g > title")] == [
        "Beta Borough Council: good",
        "Gamma City Council: requires improvement to be good",
        "Delta County Council: good",
        "Epsilon Council: outstanding",
    ]
    # Counted in words, beside the authority's own, so that the two compare at a glance.
    assert text(soup.select_one("#neighbours").parent.find_next_sibling("p")).endswith(
        "Their latest headline grades: 1 outstanding, 2 good and 1 requires improvement to be good; "
        "Alpha Council's own, inadequate."
    )
    # Each row is headed by its neighbour's name, which a screen reader says beside its grade.
    assert [th["scope"] for th in table.select("tbody th")] == ["row"] * 4
    assert len(soup.select("svg.squares rect")) == 4
    assert page(site, "authorities/gamma/index.html").select_one("#neighbours") is None
    # Where the list comes from, and the whole of it as data, with the same order.
    source = table.find_parent("div").find_next_sibling("p")
    assert text(source).startswith("Source: the Department for Education's statistical neighbours")
    # On paper, with their addresses: the lookup's, and the data file's in full.
    assert [(a.get("class"), a.get("data-href")) for a in source.select("a")] == [
        (["print-href"], None),
        (["print-href"], "https://www.exampleshire.gov.uk/tracker/data/neighbours.csv"),
    ]
    # The lookup's own file, not the front page of the project that keeps it, at the commit the
    # list was taken from: a citation of a moving HEAD could later point to other neighbours.
    assert re.fullmatch(
        r"https://github\.com/data-to-insight/ofsted-ilacs-scrape-tool/blob/[0-9a-f]{12,40}"
        r"/import_data/la_lookup/Provider_data_lookup\.csv",
        source.a["href"],
    )
    listed = [
        (r["rank"], r["neighbour"], r["neighbour_dfe_code"])
        for r in rows(site, "neighbours")
        if r["authority"] == "alpha"
    ]
    assert listed == [("1", "beta", "902"), ("2", "gamma", "903"), ("3", "delta", "904"), ("4", "epsilon", "905")]


def test_a_neighbour_with_no_overall_grade_shows_its_judgements(content: Path, tmp_path: Path) -> None:
    # From April 2026 ILACS gives none: "no single overall grade" alone would hide how it did.
    with_ilacs_2026(content, "{leadership: inadequate, care-leavers: good}")
    soup = page(site_of(content, tmp_path), "authorities/beta/index.html")
    alpha = soup.select_one(".table--neighbours tbody tr")
    assert [text(cell) for cell in alpha.find_all(["th", "td"])] == [
        "Alpha Council",
        "No single overall grade Impact of leaders: Inadequate The experiences and progress of care leavers: Good",
        "June 2026",
    ]
    # Marked, so that paper starts its report's date on a line of its own, not after the last judgement.
    assert [cell.get("class") for cell in alpha.find_all("td")] == [["neighbours__judgements"], None]
    assert text(soup.select_one("#neighbours").parent.find_next_sibling("p")).endswith(
        "Their latest headline grades: 1 requires improvement to be good and 1 with no single overall grade; "
        "Beta Borough Council's own, good."
    )
    # And its own, where it has none, is its judgements, best first as the neighbours' tally is.
    soup = page(site_of(content, tmp_path / "alpha"), "authorities/alpha/index.html")
    assert text(soup.select_one("#neighbours").parent.find_next_sibling("p")).endswith(
        "Alpha Council's own, no single overall grade (its 2 judgements: 1 good and 1 inadequate)."
    )


def test_acronyms_are_spelled_out_at_their_first_use_on_each_page(site: Path) -> None:
    for path in ("index.html", "authorities/alpha/index.html", "frameworks/index.html", "about/index.html"):
        soup = page(site, path)
        for svg in soup.select("main svg"):  # pictures' own labels are short; their captions say it in words
            svg.decompose()
        main = text(soup.select_one("main"))
        for acronym, words in (("SIF", "single inspection framework"), ("ILACS", "inspecting local authority")):
            if acronym in main:
                first = main.index(acronym)
                near = main[max(0, first - 80) : first + 80].lower()
                assert words in near, (path, acronym, near)
    about = text(page(site, "about/index.html").select_one("main"))
    assert "(CSV, comma-separated values)" in about  # in brackets already: no brackets inside brackets


def test_grades_are_explained_and_linked_where_they_appear(site: Path) -> None:
    soup = page(site, "frameworks/index.html")
    meanings = {row["id"]: text(row) for row in soup.select("dl.grades > div")}
    assert meanings["grade-inadequate"].startswith("Inadequate Ofsted's lowest grade, given where")
    assert meanings["grade-inadequate"].endswith("until it inspects again.")  # on this page, not the report card
    assert set(meanings) == {"grade-outstanding", "grade-good", "grade-requires-improvement", "grade-inadequate"}
    for path in ("index.html", "authorities/alpha/index.html"):
        assert page(site, path).select_one("a[href$='frameworks/#grades']") is not None, path
    chronology = soup.select_one("#chronology-table").find_parent("table")
    # Each row is named by its kind, a row header for a screen reader reading across.
    kinds = [text(tr.find("th", scope="row")) for tr in chronology.select("tbody tr")]
    # The national data leaves monitoring visits out: their last date here is not their last use.
    recorded = {text(tr.th): text(tr.select("td")[1]) for tr in chronology.select("tbody tr")}
    assert recorded["Monitoring visit"].endswith(". Not in the national data: only those recorded from other sources")
    assert [kind for kind, said in recorded.items() if "national data" in said] == ["Monitoring visit"]
    assert (
        "from when it came into use, else from its first recorded on this site. A bar ends where the type's end is "
        "known, else at its last inspection recorded on this site (at its start, where none is), with a dotted line "
        "after it where that was over "
        "a year ago: the type may have been in use for longer (the national data leaves out monitoring visits, "
        "which Ofsted makes to authorities judged inadequate: those recorded here came from other sources)"
    ) in text(soup.select_one("#chronology-caption"))

    # Each kind's section gives the name the other pages call it by, where its own is longer.
    called = {
        text(section.h2): text(div.dd)
        for section in soup.select("section.framework")
        for div in section.select("dl.summary > div")
        if text(div.dt) == "Called on this site"
    }
    assert called["Single inspection framework"] == "SIF inspection"
    # Ordered by when each came into use, else by its first inspection recorded here.
    assert kinds == [
        "SIF (single inspection framework) inspection",
        "Monitoring visit",
        "ILACS inspection",
        "Focused visit",
    ]


def test_the_reports_heading_for_their_points_is_given_only_where_frameworks_yaml_names_it(site: Path) -> None:
    # Left out (the fixture's SIF and monitoring visit), the label is this site's default
    # word: the page told readers it was Ofsted's heading.
    soup = page(site, "frameworks/index.html")
    headings = {
        section["id"]: [text(div.dd) for div in section.select("dl.summary > div") if text(div.dt).endswith("points")]
        for section in soup.select("section.framework")
    }
    assert headings == {
        "type-sif": [],
        "type-monitoring-visit": [],
        "type-ilacs": ["What needs to improve"],
        "type-focused-visit": ["What needs to improve"],
    }


TERMS = """
terms:
  national-framework:
    term: National framework
    forms: [enabler 2]
    meaning: Guidance on what children's social care should achieve.
    source: {name: "The framework (GOV.UK)", url: "https://www.gov.uk/framework"}
"""


def test_each_kind_of_inspection_and_each_term_is_explained_where_it_is_read(content: Path, tmp_path: Path) -> None:
    with (content / "frameworks.yaml").open("a", encoding="utf-8") as handle:
        handle.write(TERMS)
    alpha, beta, delta = (content / "authorities" / f"{slug}.yaml" for slug in ("alpha", "beta", "delta"))
    # Whatever its capitals, and with the words apart, as a folded line of YAML can leave them.
    used = '{id: r2, text: "Review section 20 arrangements (outcome 3, National  Framework)."}'
    alpha.write_text(alpha.read_text().replace("{id: r2, text: Review section 20 arrangements.}", used))
    # In another of its forms; and not inside other words.
    delta.write_text(
        delta.read_text().replace("text: The timeliness of strategy meetings.", "text: Timeliness (Enabler 2).")
    )
    beta.write_text(
        beta.read_text().replace("text: Reduce caseloads.", "text: Use an international framework (enabler 20).")
    )
    site = build_site(content, tmp_path / "site")
    soup = page(site, "authorities/alpha/index.html")
    (explained,) = [p for p in soup.select("section[aria-labelledby=asked] p.hint") if "framework" in text(p)]
    assert text(explained) == (
        "National framework , named in these points: Guidance on what children's social care should achieve. "
        "Source: The framework (GOV.UK) ."
    )
    assert explained.a["href"] == "https://www.gov.uk/framework"
    # Under the list of the inspection whose point uses it.
    assert (
        explained.find_parent(id=True)["id"]
        == explained.find_previous("li", id=re.compile("-r2$")).find_parent(id=True)["id"]
    )
    assert not [p for p in page(site, "authorities/beta/index.html").select("p.hint") if "framework" in text(p)]
    # Named again in a later list on the page, it is explained once, and linked there.
    visit = "    focus: Progress against the plan\n"
    alpha.write_text(
        alpha.read_text().replace(visit, visit + "    recommendations: [{id: r1, text: Pace (enabler 2).}]\n")
    )
    again = page(build_site(content, tmp_path / "again"), "authorities/alpha/index.html")
    first, second = [p for p in again.select("section[aria-labelledby=asked] p.hint") if "framework" in text(p)]
    assert text(first).startswith("National framework , named in this point: Guidance")
    assert text(second) == "National framework , named in these points: explained above ."
    assert again.select_one(second.a["href"]) is first
    (other,) = [p for p in page(site, "authorities/delta/index.html").select("p.hint") if "framework" in text(p)]
    assert text(other).startswith("National framework , named in these points: Guidance")
    terms = page(site, "frameworks/index.html").select_one("#term-national-framework")
    assert (text(terms.dt), terms.dd.a["href"]) == ("National framework", "https://www.gov.uk/framework")
    # Each inspection names its kind in full and links what that kind is.
    kinds = {
        text(article.h3): kind.find_next_sibling("dd")
        for article in soup.select("article.inspection")
        for kind in article.select("dt")
        if text(kind) == "Kind"
    }
    assert len(kinds) == len(soup.select("article.inspection")) > 1
    for heading, kind in kinds.items():
        link = kind.a
        key = link["href"].removeprefix("../../frameworks/#")
        name = page(site, "frameworks/index.html").select_one(f"#{key} h2").get_text()
        # A list of the page's links tells each apart: "what it is (the focused visit)", its
        # visible words first, as a reader using speech says them.
        assert text(kind) == f"{name} ( {text(link)} )", heading
        hidden = link.select_one(".vh").get_text()
        assert link.get_text() == f"what it is{hidden}" and hidden.startswith(" (the "), heading
        assert heading.lower().startswith(hidden.removeprefix(" (the ").removesuffix(")").lower()), heading


def test_internal_links_are_relative_and_base_url_changes_only_absolute_urls(content: Path, tmp_path: Path) -> None:
    default, moved = tmp_path / "default", tmp_path / "moved"
    assert build(content, default)[0] == 0
    base = "https://pages.example.net/org/tracker/"
    assert build(content, moved, "--base-url", base)[0] == 0
    for path in ("index.html", "authorities/alpha/index.html", "about/index.html", "analysis/index.html"):
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
    assert base + "analysis/" in locs
    assert f"Sitemap: {base}sitemap.xml" in (moved / "robots.txt").read_text()


def test_404_page_links_from_the_site_root_path(content: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(content, out, "--base-url", "https://example.net/sub/")[0] == 0
    soup = page(out, "404.html")
    assert soup.select_one("link[rel=stylesheet]")["href"] == "/sub/assets/style.css"
    # A reader who mistyped an authority's address is led to the list of them all.
    assert soup.select_one("main a[href='/sub/authorities/']") is not None


def test_councils_created_by_a_reorganisation_are_named_where_readers_look_for_their_predecessors(
    content: Path, tmp_path: Path
) -> None:
    # A reader who types the address of a county council since split (Cumbria) arrives at
    # the 404 page: it names the councils created since, as the list of authorities does.
    path = content / "authorities" / "alpha.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("region: North East\n", "region: North East\ncreated: 2016-04-01\n")
    )
    out = site_of(content, tmp_path)
    missing = page(out, "404.html").select("main p")[-1]
    assert missing.get_text(" ", strip=True) == (
        "A council created by a reorganisation has a page under its own name, not that of the council it "
        "replaced: Alpha Council (created April 2016)."
    )
    assert missing.select_one("a")["href"].endswith("/authorities/alpha/")
    listed = {
        li.a.get_text(): li.get_text(" ", strip=True)
        for li in page(out, "authorities/index.html").select("ul.index li")
    }
    assert listed["Alpha Council"] == "Alpha Council (created April 2016)"
    assert listed["Beta Borough Council"] == "Beta Borough Council"


def test_a_renamed_authoritys_old_address_sends_readers_to_its_page(content: Path, tmp_path: Path) -> None:
    # alpha.yaml was once first-alpha.yaml: links to the old page, in committee papers and
    # news stories, must still arrive, and search engines must take the new one.
    (content / "authorities" / "alpha.yaml").write_text(
        (content / "authorities" / "alpha.yaml").read_text(encoding="utf-8") + "former_slugs: [first-alpha]\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert build(content, out, "--base-url", "https://example.net/sub/")[0] == 0
    old = page(out, "authorities/first-alpha/index.html")
    refresh = old.select_one("meta[http-equiv=refresh]")["content"]
    assert refresh == "0; url=../../authorities/alpha/"
    assert urljoin("https://example.net/sub/authorities/first-alpha/", refresh.split("url=")[1]) == (
        "https://example.net/sub/authorities/alpha/"
    )
    assert old.select_one("link[rel=canonical]")["href"] == "https://example.net/sub/authorities/alpha/"
    assert old.select_one("meta[name=robots]")["content"] == "noindex"
    link = old.select_one("main a[href='../../authorities/alpha/']")
    assert link is not None and text(link) == "https://example.net/sub/authorities/alpha/"
    assert (
        text(old.select_one("h1"))
        == f"{text(page(out, 'authorities/alpha/index.html').select_one('h1'))}: this page has moved"
    )
    # The page and its feed are kept there (for readers subscribed to it), and nothing lists them.
    assert sorted(p.name for p in (out / "authorities").glob("first-alpha*")) == ["first-alpha"]
    assert sorted(p.name for p in (out / "authorities" / "first-alpha").iterdir()) == ["feed.xml", "index.html"]
    feed = (out / "authorities" / "alpha" / "feed.xml").read_bytes()
    assert (out / "authorities" / "first-alpha" / "feed.xml").read_bytes() == feed
    # Its ids are those it had at its first address: a reader subscribed there is not told
    # of every event again. The site's feed gives its entries the same ids.
    before = tmp_path / "before"
    renamed = (content / "authorities" / "alpha.yaml").read_text(encoding="utf-8")
    (content / "authorities" / "first-alpha.yaml").write_text(
        renamed.replace("former_slugs: [first-alpha]\n", ""), encoding="utf-8"
    )
    (content / "authorities" / "alpha.yaml").unlink()
    assert build(content, before, "--base-url", "https://example.net/sub/")[0] == 0

    def ids(path: Path) -> list[str | None]:
        return [e.findtext(f"{ATOM}id") for e in ET.parse(path).getroot().iter(f"{ATOM}entry")] + [
            ET.parse(path).getroot().findtext(f"{ATOM}id")
        ]

    assert ids(out / "authorities/alpha/feed.xml") == ids(before / "authorities/first-alpha/feed.xml")
    alpha = [i for i in ids(out / "feed.xml") if i and "first-alpha/" in i]
    assert alpha and alpha == [i for i in ids(before / "feed.xml") if i and "first-alpha/" in i]
    locs = [loc.text for loc in ET.parse(out / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")]
    assert not [loc for loc in locs if "first-alpha" in loc]
    assert "first-alpha" not in (out / "data" / "authorities.json").read_text(encoding="utf-8")
    assert json.loads((out / "authorities" / "alpha.json").read_text(encoding="utf-8"))["former_slugs"] == [
        "first-alpha"
    ]


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
    assert f"Nothing was written; {site} is unchanged." in output
    assert digest(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["content", "site"]  # no staging left behind
    # A folder that was not there is not said to be unchanged.
    code, output = build(content, tmp_path / "new")
    assert code == 1 and f"Nothing was written; {tmp_path / 'new'} was not made." in output
    assert not (tmp_path / "new").exists()


def test_every_page_footer_names_licence_and_publisher(site: Path) -> None:
    for path in (
        "index.html",
        "authorities/alpha/index.html",
        "frameworks/index.html",
        "analysis/index.html",
        "about/index.html",
        "accessibility/index.html",
        "404.html",
    ):
        footer = page(site, path).select_one("footer")
        links = {a.get_text(strip=True): a["href"] for a in footer.select("a")}
        assert links["Open Government Licence v3.0"].startswith("https://www.nationalarchives.gov.uk/")
        assert links["Fixture Partnership"] == "https://www.exampleshire.gov.uk/"
        assert links["Download the data"].endswith("about/#data")
    about = page(site, "about/index.html")
    assert about.select_one("#data") is not None
    # The site's licence is not the quoted reports': the data section says whose terms those are.
    section = about.select_one("section[aria-labelledby=data]")
    terms = " ".join(text(p) for p in section.select("p")[:2])
    assert "except Ofsted's own words quoted in it" in terms
    assert "Crown copyright" in terms and "allow only non-commercial educational reuse" in terms
    # Not "the notice printed in the report" alone: a focused visit's letter prints none.
    assert "letters from focused visits print no notice" in terms
    # A journalist is told how to cite a page, with the day its figures are as of.
    cite = about.select_one("section[aria-labelledby=publisher] p:-soup-contains('To cite')")
    assert text(cite).endswith("so the date matters. For example:")
    assert text(cite.find_next_sibling("p")) == (
        "Fixture Partnership, Fixture tracker, “Analysis: how authorities recover, and how often they slip”, "
        "position as of 23 November 2026 , https://www.exampleshire.gov.uk/tracker/analysis/"
    )
    # The heading it quotes is the page's own.
    assert f"“{text(page(site, 'analysis/index.html').h1)}”" in text(cite.find_next_sibling("p"))
    # A month alone is kept as written: a spreadsheet would make it a day.
    assert "may turn it into the first day of that month" in text(section)
    # The route the content came by, as site.yaml names it, listed with its links.
    routes = section.select_one("p:-soup-contains('collected by way of') + ul")
    assert [(a.get_text(strip=True), a["href"]) for a in routes.select("a")] == [
        ("An inspections dataset (MIT licence)", "https://example.org/inspections-dataset"),
        ("A reports archive", "https://example.org/reports-archive"),
    ]
    # On paper a link is only words: every link of the page's main part prints its address,
    # in full for the site's own files (a printed "data/notes.csv" leads nowhere).
    external = [a for a in about.select("main a[href^=http]") if not a.find_parent(class_="screen-only")]
    assert external and all("print-href" in a["class"] for a in external)
    downloads = section.select("ul a[href$='.csv']")
    assert downloads and all(
        a["data-href"].startswith("https://www.exampleshire.gov.uk/tracker/data/") for a in downloads
    )


def test_every_link_out_of_the_site_prints_its_address(site: Path) -> None:
    # On paper a link is only words: a committee paper's reader finds the report only by its
    # address, printed after it: by the stylesheet (`print-href`), or in a narrow column as
    # the page's own words, breakable at each slash. A link whose words are its address needs none.
    def written_after(a: Tag) -> bool:
        after = "".join(s if isinstance(s, str) else s.get_text() for s in a.next_siblings)
        return after.startswith(f" at {a['href']}")

    unprinted = [
        (str(path.relative_to(site)), a.get_text(" ", strip=True))
        for path in sorted(site.rglob("*.html"))
        for a in page(site, str(path.relative_to(site))).select("main a[href^=http]")
        if not a.find_parent(class_="screen-only")
        and "print-href" not in a.get("class", [])
        and a.get_text(strip=True) != a["href"]
        and not written_after(a)
    ]
    assert unprinted == []


# Feeds -----------------------------------------------------------------------------------------


def feed_ids(path: Path) -> list[str]:
    return [e.findtext(f"{ATOM}id") for e in ET.parse(path).getroot().findall(f"{ATOM}entry")]


def test_an_example_base_url_is_warned_of_unless_the_build_is_given_the_address(content: Path, tmp_path: Path) -> None:
    # The feeds, the data's links and printed pages give the site's address: left at an
    # example, readers get one that leads nowhere. A build given the address uses that one.
    site = content / "site.yaml"
    site.write_text(re.sub(r"base_url: \S+", "base_url: https://example.org/tracker/", site.read_text()))
    said = "`https://example.org/tracker/` is an example address"
    code, output = build(content, tmp_path / "out")
    assert (code, said in output) == (0, True)
    code, output = build(content, tmp_path / "out", "--base-url", "https://www.exampleshire.gov.uk/t/")
    assert (code, said in output) == (0, False)
    # A check cannot know the address a build will be given: pre-commit and pull requests pass.
    checked = CliRunner().invoke(main, ["check", "--content", str(content), "--as-of", AS_OF])
    assert said not in checked.output


def test_every_feed_entry_id_is_unique_and_stable_across_base_urls(content: Path, site: Path, tmp_path: Path) -> None:
    # Two updates to one action on one day: they were one id before ids counted the update.
    alpha = content / "authorities" / "alpha.yaml"
    alpha.write_text(
        alpha.read_text().replace(
            "updates: [{date: 2026-10-01, note: Under way.}]}",
            "updates: [{date: 2026-10-01, note: Under way.}, {date: 2026-10-01, note: And again.}]}",
            1,
        )
    )
    out, moved = tmp_path / "same-day", tmp_path / "moved"
    assert build(content, out)[0] == 0
    assert build(content, moved, "--base-url", "https://preview.example.net/")[0] == 0
    feeds = [out / "feed.xml", *sorted((out / "authorities").glob("*/feed.xml"))]
    assert len(feeds) == 1 + len(SLUGS)
    everywhere: dict[str, str] = {}
    for path in feeds:
        ids = feed_ids(path)
        assert ids and len(ids) == len(set(ids)), path
        assert all(i.startswith("tag:www.exampleshire.gov.uk,2026:tracker/") for i in ids), path
        rel = path.relative_to(out)
        assert feed_ids(moved / rel) == ids, f"{rel}: ids change with --base-url"
        # The feed's own id too: a reader subscribed at one address must not see a new feed.
        own = [ET.parse(p).getroot().findtext(f"{ATOM}id") for p in (path, moved / rel)]
        assert (
            own[0] == own[1]
            and own[0].startswith("tag:www.exampleshire.gov.uk,2026:tracker/")
            and own[0] not in everywhere
        )
        for entry in ET.parse(path).getroot().findall(f"{ATOM}entry"):
            key = entry.findtext(f"{ATOM}id")
            title = entry.findtext(f"{ATOM}title")
            # The same event has the same id in the site's feed and its authority's feed, and no other event has it.
            assert everywhere.setdefault(key, title) == title, key
    alpha_ids = feed_ids(out / "authorities/alpha/feed.xml")
    same_day = [i for i in alpha_ids if "action-sip-A2/update/" in i]
    assert len(same_day) == 2


def entries(path: Path) -> dict[str, str]:
    """Each entry's id, with its updated date."""
    root = ET.parse(path).getroot()
    return {e.findtext(f"{ATOM}id"): e.findtext(f"{ATOM}updated") for e in root.findall(f"{ATOM}entry")}


def test_feed_entries_keep_their_ids_when_content_is_corrected(content: Path, tmp_path: Path) -> None:
    # An inspection is news when its report is published, not when inspectors visited.
    before = entries(build_site(content, tmp_path / "before") / "authorities/alpha/feed.xml")
    inspection = "tag:www.exampleshire.gov.uk,2026:tracker/alpha/inspection-sif-2016"
    assert before[inspection] == "2017-01-24T00:00:00Z"
    # Its summary names the two dates, the entry's and the visit's, for what they are.
    root = ET.parse(tmp_path / "before/authorities/alpha/feed.xml").getroot()
    [said] = [e.findtext(f"{ATOM}summary") for e in root.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}id") == inspection]
    assert said == "Visit began 24 October 2016; published 24 January 2017. Ofsted's report: https://example.org/report"
    # A corrected visit date, and an earlier delivery entry added: the same entries, the same ids.
    alpha = content / "authorities" / "alpha.yaml"
    text = alpha.read_text(encoding="utf-8").replace(
        "{from: 2016-10-24, to: 2016-11-17}", "{from: 2016-10-25, to: 2016-11-17}"
    )
    text = text.replace("inspections:\n", "delivery:\n  - {from: 2015-04-01, by: Alpha Council}\ninspections:\n", 1)
    alpha.write_text(text, encoding="utf-8")
    after = entries(build_site(content, tmp_path / "after") / "authorities/alpha/feed.xml")
    delivery = "tag:www.exampleshire.gov.uk,2026:tracker/alpha/delivery/alpha-council"
    assert set(before) <= set(after) and set(after) - set(before) == {delivery}
    # An update found late, added before the others as they are kept in date order: the
    # others keep their ids, so no old update shows as new, nor an id as another update.
    a2 = next(line for line in text.splitlines() if "{id: A2," in line)
    text = text.replace(a2, a2.replace("updates: [", "updates: [{date: 2026-09-01, note: Begun.}, "))
    alpha.write_text(text, encoding="utf-8")
    added = entries(build_site(content, tmp_path / "added") / "authorities/alpha/feed.xml")
    update = "tag:www.exampleshire.gov.uk,2026:tracker/alpha/action-sip-A2/update/"
    assert set(added) - set(after) == {update + "2026-09-01"} and update + "2026-10-01" in after
    after = added
    # A delivery entry has no id: it is known by its body, so correcting its date keeps it.
    alpha.write_text(text.replace("{from: 2015-04-01, by: Alpha", "{from: 2015-05-01, by: Alpha"), encoding="utf-8")
    corrected = entries(build_site(content, tmp_path / "corrected") / "authorities/alpha/feed.xml")
    assert set(corrected) == set(after)


def test_a_correction_is_shown_beside_what_it_corrects_and_is_news_on_its_day(content: Path, tmp_path: Path) -> None:
    # A councillor who quoted the old grade, or a feed reader who saw it, is told it changed.
    rewrite(
        content,
        "beta",
        (
            "    sources: [ilacs]\n    recommendation_count: 3\n",
            "    sources: [ilacs]\n    recommendation_count: 3\n    notes:\n"
            "      - {kind: correction, date: 2026-11-02, sources: [ilacs], text: 'Until 2 November 2026 this page "
            "gave the overall grade as *requires improvement*.'}\n",
        ),
        (
            "region: South West\n",
            "region: South West\nnotes:\n  - {kind: correction, date: 2026-11-03, "
            "sources: [sif], text: This page named the council Beta District Council until 3 November 2026.}\n",
        ),
    )
    out = site_of(content, tmp_path)
    soup = page(out, "authorities/beta/index.html")
    entry = soup.find(id="inspection-ilacs-2023").find_parent("section") or soup.find(id="inspection-ilacs-2023")
    [inset] = [i for i in entry.find_all(class_="inset") if "Corrected" in text(i)]
    assert text(inset.select_one(".inset__title")) == "Corrected 2 November 2026"
    assert inset.find("em") is not None  # its words are Markdown, as a note's are
    assert text(soup.select_one("#notes ~ .inset .inset__title")) == "Corrected 3 November 2026"
    # Not an event in the council's history: the timeline leaves it out.
    assert "Correction" not in text(soup.select_one("ol.timeline"))
    root = ET.parse(out / "authorities/beta/feed.xml").getroot()
    told = {
        e.findtext(f"{ATOM}id").rsplit("beta/", 1)[1]: (
            e.findtext(f"{ATOM}title"),
            e.findtext(f"{ATOM}updated"),
            e.findtext(f"{ATOM}summary"),
            e.find(f"{ATOM}link").get("href"),
        )
        for e in root.iter(f"{ATOM}entry")
    }
    assert told["inspection-ilacs-2023/correction/2026-11-02"] == (
        "Beta Borough Council: Correction: ILACS inspection, May 2023",
        "2026-11-02T00:00:00Z",
        "2 November 2026. Until 2 November 2026 this page gave the overall grade as requires improvement.",
        "https://www.exampleshire.gov.uk/tracker/authorities/beta/#inspection-ilacs-2023",
    )
    assert told["notes/correction/2026-11-03"][:2] == (
        "Beta Borough Council: Correction: about this authority",
        "2026-11-03T00:00:00Z",
    )
    # Named at the top of the page, newest first, each linked to what it corrects.
    corrected = soup.select_one("h1 + div.print-only + p.corrected")
    assert text(corrected) == (
        "Corrected 3 November 2026 : about this authority ; 2 November 2026 : ILACS (inspecting local authority "
        "children's services) inspection, May 2023 ."
    )
    assert [a["href"] for a in corrected.select("a")] == ["#notes", "#inspection-ilacs-2023"]
    # Paper leaves out the entries they sit in, and cannot follow a link: it gets each in full instead.
    assert "screen-only" in corrected["class"]
    printed = corrected.find_previous_sibling("div", class_="print-only")
    assert [text(p) for p in printed.find_all("p")] == [
        "Corrected 3 November 2026 , about this authority:",
        "This page named the council Beta District Council until 3 November 2026.",
        "Corrected 2 November 2026 , ILACS (inspecting local authority children's services) inspection, May 2023:",
        "Until 2 November 2026 this page gave the overall grade as requires improvement .",
    ]
    assert page(out, "authorities/alpha/index.html").select_one("p.corrected") is None
    site_feed = ET.parse(out / "feed.xml").getroot()
    ids = [e.findtext(f"{ATOM}id") for e in site_feed.iter(f"{ATOM}entry")]
    assert "tag:www.exampleshire.gov.uk,2026:tracker/beta/notes/correction/2026-11-03" in ids
    noted = [(r["inspection"], r["kind"], r["date"]) for r in rows(out, "notes") if r["authority"] == "beta"]
    assert noted == [("", "correction", "2026-11-03"), ("ilacs-2023", "correction", "2026-11-02")]


def test_each_authority_has_its_own_feed_linked_from_its_page(site: Path) -> None:
    soup = page(site, "authorities/alpha/index.html")
    assert soup.select_one('link[rel=alternate][type="application/atom+xml"][href="feed.xml"]') is not None
    assert soup.select_one('main a[href="feed.xml"]') is not None
    root = ET.parse(site / "authorities/alpha/feed.xml").getroot()
    assert (
        root.find(f"{ATOM}link[@rel='self']").get("href")
        == "https://www.exampleshire.gov.uk/tracker/authorities/alpha/feed.xml"
    )
    for entry in root.findall(f"{ATOM}entry"):
        href = entry.find(f"{ATOM}link").get("href")
        assert href.startswith("https://www.exampleshire.gov.uk/tracker/authorities/alpha/#")
        assert page(site, "authorities/alpha/index.html").find(id=href.split("#")[1]) is not None


def test_feed_entries_say_what_changed(content: Path, tmp_path: Path) -> None:
    alpha = content / "authorities" / "alpha.yaml"
    written = alpha.read_text(encoding="utf-8").replace("title: Done but late,", "title: Done but late.,")
    # A visit's focus is plain text, shown as written: a character reference stays as typed.
    alpha.write_text(written.replace("focus: Progress against the plan", 'focus: "Front door <MASH> &#1; *help*"'))
    beta = content / "authorities" / "beta.yaml"
    beta.write_text(
        beta.read_text(encoding="utf-8").replace(
            "note: Twelve posts filled.}", 'note: "Twelve posts filled.\\n\\n- Four more"}'
        )
    )
    out = site_of(content, tmp_path)

    def entries(slug: str) -> dict[str, tuple[str, str]]:
        root = ET.parse(out / "authorities" / slug / "feed.xml").getroot()
        return {
            e.findtext(f"{ATOM}id").rsplit(f"{slug}/", 1)[1]: (e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}summary"))
            for e in root.iter(f"{ATOM}entry")
        }

    def related(slug: str) -> dict[str, list[str]]:
        root = ET.parse(out / "authorities" / slug / "feed.xml").getroot()
        return {
            e.findtext(f"{ATOM}id").rsplit(f"{slug}/", 1)[1]: [
                f"{link.get('title')}: {link.get('href')}"
                for link in e.iter(f"{ATOM}link")
                if link.get("rel") == "related"
            ]
            for e in root.iter(f"{ATOM}entry")
        }

    told = entries("beta")
    # An inspection names the full inspection before it and its grade: a change of grade shows in the feed.
    # Which of that inspection's dates it is named by is said, as the entry's own dates are.
    ilacs = "https://example.org/beta/ilacs"
    assert told["inspection-ilacs-2023"][1] == (
        "Visit began 15 May 2023; published 14 July 2023. The full inspection before it (visit began November 2016): "
        f"Inadequate. Ofsted's report: {ilacs}"
    )
    # Ofsted's report is linked beside the page, and its address given in the words, which
    # most feed readers show where they show no second link.
    assert related("beta")["inspection-ilacs-2023"] == [f"Ofsted's report: {ilacs}"]
    assert related("beta")["inspection-sif-2016"] == ["Ofsted's report: https://example.org/beta/sif"]
    assert told["inspection-sif-2016"][1] == (
        "Visit began 7 November 2016; published 1 February 2017. Ofsted's report: https://example.org/beta/sif"
    )
    # A visit whose letter's publisher and date are not recorded may be from another source: none is linked.
    assert related("alpha")["inspection-mv-2017-05"] == []
    # An update's note is its summary.
    assert told["action-sip-1/update/2018-01-15"] == (
        "Beta Borough Council: Update to action 1: Recruit social workers",
        "15 January 2018. Twelve posts filled. Four more",  # its paragraphs and items apart, as words
    )
    assert entries("alpha")["inspection-mv-2017-05"][1] == (
        "Visit began May 2017; publication date not recorded. Front door <MASH> &#1; *help*"
    )
    # A title's own full stop does not run into the status after it.
    assert entries("alpha")["action-sip-A6/update/2026-10-01"] == (
        "Alpha Council: Update to action A6: Done but late; status done",
        "1 October 2026. Finished.",
    )
    # A due date moved is written as the pages write dates.
    assert entries("alpha")["action-sip-A5/update/2026-06-01"][0] == (
        "Alpha Council: Update to action A5: Moved deadline; status at risk; due date moved to 31 December 2026"
    )


def test_an_authoritys_feed_holds_its_newest_events_as_the_sites_does(content: Path, tmp_path: Path) -> None:
    # Bounded, so that a file of thousands of updates, whose feed is also copied to each
    # former address, cannot make the site many times the size of the file.
    alpha = content / "authorities" / "alpha.yaml"
    many = ", ".join(f"{{date: 2026-{1 + k // 28:02d}-{1 + k % 28:02d}, note: Step {k}.}}" for k in range(250))
    alpha.write_text(
        alpha.read_text().replace("updates: [{date: 2026-10-01, note: Under way.}]", f"updates: [{many}]", 1),
        encoding="utf-8",
    )
    root = ET.parse(site_of(content, tmp_path) / "authorities/alpha/feed.xml").getroot()
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 200
    ids = {entry.find(f"{ATOM}id").text.rpartition("A2/")[2] for entry in entries}
    assert "update/2026-09-26" in ids and "update/2026-01-01" not in ids  # the newest kept, the oldest left out


# Open data -----------------------------------------------------------------------------------


def test_open_data_matches_the_pages(site: Path) -> None:
    soup = page(site, "authorities/alpha/index.html")
    assert soup.select_one('link[rel=alternate][type="application/json"]')["href"] == "../alpha.json"
    data = json.loads((site / "authorities/alpha.json").read_text())
    assert data["slug"] == "alpha"
    # Keyed as `responds_to` names a recommendation, so that the key splits at its `/`.
    assert data["derived"]["recommendations"] == {
        "sif-2016/r1": "actions-complete",
        "sif-2016/r2": "in-progress",
        "sif-2016/r3": "no-action-recorded",
    }
    # A visit over several days is published as its two dates, as the editor wrote it.
    assert data["inspections"][0]["visited"] == {"from": "2016-10-24", "to": "2016-11-17"}
    # What editors wrote is published whole: read back, it is the same record.
    from tracker.model import Authority
    from tracker.pipeline import check

    checked = check(site.parent / "content", dt.date.fromisoformat(AS_OF))
    assert checked.content is not None
    notes, recommendations = [], []
    for slug, authority in checked.content.authorities.items():
        published = json.loads((site / f"authorities/{slug}.json").read_text())
        del published["slug"], published["derived"]
        assert Authority.model_validate(published) == authority, slug
        for i in published["inspections"]:
            notes += i["notes"]
            recommendations += i["recommendations"]
        notes += published["notes"]
    # Values left at their defaults are written out too, so that a script can filter on them.
    assert notes and all(n["kind"] in ("caveat", "disagreement") for n in notes)
    assert recommendations and all(r["wording"] in ("quoted", "described") for r in recommendations)
    index = json.loads((site / "data/authorities.json").read_text())
    assert [a["slug"] for a in index["authorities"]] == SLUGS
    # The index links each authority's own file, which alone holds its content: nothing is published twice.
    alpha = index["authorities"][0]
    assert alpha["data"] == "https://www.exampleshire.gov.uk/tracker/authorities/alpha.json"
    assert alpha["page"] == "https://www.exampleshire.gov.uk/tracker/authorities/alpha/"
    assert alpha["codes"] == {"gss": "E10000001", "dfe": 101, "ofsted": 80001}
    assert (alpha["latest"], alpha["plan_status"], alpha["current_plan"]) == ("sif-2016", "current", "sip")
    assert alpha["current_plan_actions"] == data["derived"]["current_plan_actions"] == 6
    # Its progress, as the authorities table gives it: the index says whose actions are overdue.
    table = {r["authority"]: r for r in rows(site, "authorities")}
    for entry in index["authorities"]:
        row = table[entry["slug"]]
        for field in ("done", "dropped", "overdue", "at_risk", "off_track"):
            given = entry[f"current_plan_actions_{field}"]
            assert ("" if given is None else str(given)) == row[f"plan_actions_{field}"], (entry["slug"], field)
    assert (alpha["current_plan_actions_done"], alpha["current_plan_actions_overdue"]) == (2, 1)
    # Enough to say who holds which grade since when, and what it was before, without each file:
    # the same as the authorities table says.
    table = {r["authority"]: r for r in rows(site, "authorities")}
    for entry in index["authorities"]:
        row = table[entry["slug"]]
        assert (entry["latest_published"] or "", entry["latest_grade_since"] or "") == (
            row["latest_published"],
            row["latest_grade_since"],
        ), entry["slug"]
        if row["previous_grade"]:
            assert [h["grade"] for h in entry["previous_headline"]] == [row["previous_grade"]], entry["slug"]
    epsilon = next(a for a in index["authorities"] if a["slug"] == "epsilon")
    assert (epsilon["latest_published"], epsilon["previous"]) == ("2025-08-12", "sif-2017")
    assert epsilon["previous_headline"] == [{"judgement": "overall", "grade": "requires-improvement"}]
    assert "inspections" not in alpha and "plans" not in alpha
    for path in (site / "data/authorities.json", site / "authorities/alpha.json", site / "data/datapackage.json"):
        assert b"\n " not in path.read_bytes() and b'": ' not in path.read_bytes(), f"{path} is indented"
    package = json.loads((site / "data/datapackage.json").read_text())
    assert package["licenses"][0]["path"].startswith("https://www.nationalarchives.gov.uk/")
    # Whose terms the quoted words are under, said where a script reads the package: a report's
    # notice, and none for a focused visit's letter, which prints none.
    assert "letters from focused visits print none" in package["sources"][0]["title"]
    quoted = next(r for r in package["resources"] if r["name"] == "recommendations")["description"]
    assert "reused under the notice printed in the report they come from, where it prints one" in quoted
    tables = [r for r in package["resources"] if r["format"] == "csv"]
    assert [r["path"] for r in package["resources"] if r not in tables] == ["authorities.json"]
    for resource in tables:
        with (site / "data" / resource["path"]).open(encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))
        assert header == [f["name"] for f in resource["schema"]["fields"]]
    recs = [(r["recommendation"], r["status"]) for r in rows(site, "recommendations") if r["authority"] == "alpha"]
    assert recs == [("r1", "actions-complete"), ("r2", "in-progress"), ("r3", "no-action-recorded")]


def test_authorities_csv_says_when_a_council_was_created(content: Path, tmp_path: Path) -> None:
    # What the quarterly chart counts from, in the table as well as the JSON.
    beta = content / "authorities" / "beta.yaml"
    beta.write_text(beta.read_text(encoding="utf-8").replace("region:", "created: 2009-04-01\nregion:", 1))
    data = {r["authority"]: r for r in rows(site_of(content, tmp_path), "authorities")}
    assert (data["beta"]["created"], data["alpha"]["created"]) == ("2009-04-01", "")


def test_authorities_csv_joins_on_codes_with_latest_and_previous_grades(site: Path) -> None:
    data = {r["authority"]: r for r in rows(site, "authorities")}
    assert list(data) == SLUGS
    beta = data["beta"]
    assert {k: beta[k] for k in ("ons_code", "dfe_code", "ofsted_urn", "region", "region_code")} == {
        "ons_code": "E06000902",
        "dfe_code": "902",
        "ofsted_urn": "80902",
        "region": "South West",
        "region_code": "E12000009",  # joins to the ONS's regional tables
    }
    assert [beta[k] for k in ("latest_inspection", "latest_published", "latest_grade", "previous_grade")] == [
        "ilacs-2023",
        "2023-07-14",
        "good",
        "inadequate",
    ]
    assert beta["direction"] == "improved" and data["delta"]["direction"] == "declined"
    # Since when each holds its grade, as the grade pages say: alpha inadequate since 2017.
    assert (beta["latest_grade_since"], data["alpha"]["latest_grade_since"]) == ("2023-07-14", "2017-01-24")
    # ... and by which inspection, with the latest report's own address, so a story can cite both.
    assert [data[s]["latest_grade_since_inspection"] for s in ("beta", "alpha")] == ["ilacs-2023", "sif-2016"]
    reports = {(r["authority"], r["inspection"]): r["report"] for r in rows(site, "inspections")}
    assert all(r["latest_report"] == reports.get((s, r["latest_inspection"]), "") for s, r in data.items())
    assert any(r["latest_report"] for r in data.values())
    assert data["gamma"]["direction"] == "same" and data["alpha"]["direction"] == ""
    # Every CSV carries the codes, so any of them joins to DfE and ONS tables, and the name,
    # so that a table opened on its own says whose rows they are.
    for name in (
        "inspections",
        "judgements",
        "recommendations",
        "plans",
        "actions",
        "notes",
        "recoveries",
        "neighbours",
    ):
        named = rows(site, name)
        assert named, name
        for row in named:
            assert row["ons_code"] == data[row["authority"]]["ons_code"] != "", name
            assert row["dfe_code"] == data[row["authority"]]["dfe_code"] != "", name
            assert row["authority_name"] == data[row["authority"]]["name"] != "", name


def test_recoveries_csv_gives_each_spell_the_analysis_counts(site: Path) -> None:
    # A journalist checks the analysis's medians, or counts them another way, from the rows
    # behind them, without working out the spells again.
    spells = rows(site, "recoveries")
    assert [
        (
            r["authority"],
            r["framework"],
            r["inspection"],
            r["judged"],
            r["requires_improvement_inspection"],
            r["months_to_requires_improvement"],
            r["good_inspection"],
            r["months_to_good"],
            r["not_reached"],
        )
        for r in spells
    ] == [
        ("alpha", "SIF inspection", "sif-2016", "2017-01-24", "", "", "", "", "waiting"),
        ("beta", "SIF inspection", "sif-2016", "2017-02-01", "ilacs-2023", "77", "ilacs-2023", "77", ""),
        ("epsilon", "SIF inspection", "sif-2015", "2015-03-10", "sif-2017", "34", "ilacs-2025", "125", ""),
    ]
    # The same months as the analysis page's cells.
    recovery = page(site, "analysis/index.html").select_one("#recovery-caption").find_parent("table")
    assert [td.get_text(" ", strip=True) for td in recovery.select("tbody td")][1:] == [
        "34 and 77 months, for the 2 that got there; 1 still waiting",
        "77 and 125 months, for the 2 that got there; 1 not yet judged good",
    ]
    # Dates joined to the inspections that made them.
    published = {(r["authority"], r["inspection"]): r["published"] for r in rows(site, "inspections")}
    assert all(r["judged"] == published[r["authority"], r["inspection"]] for r in spells)
    for step in ("requires_improvement", "good"):
        ended = [r for r in spells if r[f"{step}_inspection"]]
        assert ended and all(r[f"{step}_judged"] == published[r["authority"], r[f"{step}_inspection"]] for r in ended)
    # The analysis page links the file under its table.
    link = recovery.find_next("a")
    assert (link["href"], link.get_text()) == ("../data/recoveries.csv", "recoveries.csv")


def test_inspections_csv_counts_the_listed_points_as_rows_of_recommendations_csv(site: Path) -> None:
    # A count of what is listed, not of what the report set: recommendation_count is that,
    # when recorded, and is empty otherwise.
    listed = {(r["authority"], r["inspection"]): r for r in rows(site, "inspections")}
    recs = Counter((r["authority"], r["inspection"]) for r in rows(site, "recommendations"))
    assert {k: r["recommendations_listed"] for k, r in listed.items()} == {k: str(recs[k]) for k in listed}
    beta = listed[("beta", "ilacs-2023")]
    assert (beta["recommendation_count"], beta["recommendations_listed"]) == ("3", "0")
    assert listed[("epsilon", "ilacs-2025")]["recommendation_count"] == ""


def test_the_about_page_says_how_many_rows_each_table_has(site: Path, tmp_path: Path) -> None:
    # A reader deciding whether to download a table, or why it opens empty, is told first.
    # The second site has no reference data, so its table of neighbours has no rows.
    bare = tmp_path / "bare"
    assert build(Path(__file__).parent / "fixtures" / "valid", bare)[0] == 0
    for built in (site, bare):
        said = {}
        for link in page(built, "about/index.html").select("section[aria-labelledby=data] li > a[href$='.csv']"):
            hint = link.find_next_sibling(class_="hint")  # as read: the path is inside a span of its own
            said[link["href"].rpartition("/")[2].removesuffix(".csv")] = hint.get_text()
        assert len(said) == 9
        for name, hint in said.items():
            count = len(rows(built, name))
            rows_said = f"{count:,} row{'s' if count != 1 else ''}" if count else "no rows yet: its column names only"
            assert hint == f"(data/{name}.csv, {rows_said})", name
    assert said["neighbours"] == "(data/neighbours.csv, no rows yet: its column names only)"


SPELT_OUT = re.compile(r" \((?:" + "|".join(map(re.escape, {*ACRONYMS.values(), *PLURALS.values()})) + r")\)")


def test_the_about_page_says_what_each_column_holds_as_the_package_does(site: Path) -> None:
    # A journalist opening a table in a spreadsheet reads its columns on the page, not in JSON.
    package = json.loads((site / "data/datapackage.json").read_text())
    tables = {r["name"]: r["schema"]["fields"] for r in package["resources"] if r["format"] == "csv"}
    about = page(site, "about/index.html")
    listed = about.select("section[aria-labelledby=data] details.columns")
    assert [d.summary.get_text() for d in listed] == [f"{n}.csv: {len(f)} columns" for n, f in tables.items()]
    for details, (name, fields) in zip(listed, tables.items(), strict=True):
        columns = details.select("dl > div")
        assert [c.dt.get_text() for c in columns] == [f["name"] for f in fields], name
        for column, field in zip(columns, fields, strict=True):
            # The page spells out what an abbreviation stands for; the package does not.
            said = SPELT_OUT.sub("", column.dd.get_text(" "))
            assert said.split(" Values: ")[0] == field["description"], field["name"]
            values = [c.get_text() for c in column.dd.find_all("code")]
            assert values == field.get("constraints", {}).get("enum", []), field["name"]
    grades = about.select_one("details.columns dt:-soup-contains('latest_grade') + dd")
    assert grades is not None and "inadequate" in [c.get_text() for c in grades.find_all("code")]
    # Folded, they would print as a row of headings over nothing: paper says where to read them.
    printed = about.select_one("section[aria-labelledby=data] p.print-only:-soup-contains('about/#columns')")
    assert "https://www.exampleshire.gov.uk/tracker/about/#columns" in text(printed)
    css = (site / "assets/style.css").read_text()
    assert "details.columns { display: none !important; }" in css.split("@media print")[1].replace(
        "details.earlier, details.updates, ", ""
    )
    # Read as the page reads it: an abbreviation spelled out once, in one pair of brackets.
    assert not about.find(string=re.compile(r"\) \("))


def test_csv_tables_carry_what_a_visit_looked_at_and_its_areas_for_priority_action(site: Path) -> None:
    # Without them, "which councils were set areas for priority action" needs every JSON file.
    visits = {(r["authority"], r["inspection"]): r["focus"] for r in rows(site, "inspections")}
    assert visits[("delta", "fv-2023")] == "Children subject to a child protection plan"
    assert visits[("beta", "ilacs-2023")] == ""
    priority = {
        (r["authority"], r["inspection"], r["recommendation"]): r["priority"] for r in rows(site, "recommendations")
    }
    assert priority[("delta", "fv-2023", "p1")] == "true"
    assert priority[("delta", "fv-2023", "r1")] == "false"
    # Empty, not false, for a type that sets no points apart: the question does not arise.
    assert priority[("gamma", "ilacs-2022", "w1")] == ""
    assert set(priority.values()) == {"true", "false", ""}


HOSTILE_CELLS = [
    '=HYPERLINK("https://evil.example","click")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A2)",
    "\tTabbed",
    "\rCarriage return first",
    "split\rrow",
    "line\nbreak",
    'a "quoted", comma',
    "plain",
    "'=already escaped",
    "'apostrophe first",
]


def test_csv_cells_are_quoted_and_formulas_neutralised() -> None:
    from tracker.render import TABLES, csv_file, csv_rows

    width = len(TABLES["actions"])
    table = [[value, *["x"] * (width - 1)] for value in HOSTILE_CELLS]
    raw = csv_file("actions", [csv_rows("actions", table)]).decode("utf-8")
    parsed = list(csv.reader(io.StringIO(raw, newline="")))
    assert len(parsed) == 1 + len(HOSTILE_CELLS), "a carriage return or line break split a row"
    got = [row[0] for row in parsed[1:]]
    assert got == [
        '\'=HYPERLINK("https://evil.example","click")',
        "'+1+2",
        "'-2+3",
        "'@SUM(A1:A2)",
        "'\tTabbed",
        "'\rCarriage return first",
        "split\rrow",
        "line\nbreak",
        'a "quoted", comma',
        "plain",
        "''=already escaped",  # one apostrophe more: removing one, as the About page says, gives it back
        "'apostrophe first",
    ]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in parsed for cell in row)
    # What the About page tells programs to do gives every value back as written.
    unescaped = [c[1:] if c.lstrip("'").startswith(("=", "+", "-", "@", "\t", "\r")) else c for c in got]
    assert unescaped == HOSTILE_CELLS


def test_hostile_text_in_content_reaches_the_csv_harmless_and_valid(content: Path, tmp_path: Path) -> None:
    import frictionless

    alpha = content / "authorities" / "alpha.yaml"
    source = alpha.read_text()
    source = source.replace("title: Recruit social workers", 'title: "=HYPERLINK(\\"https://evil.example\\")"')
    source = source.replace("title: Audit section 20 cases", 'title: "split\\rrow, with \\"quotes\\""')
    source = source.replace("{id: r3, text: Improve supervision.}", '{id: r3, text: "@SUM(1+1)\\r-1"}')
    alpha.write_text(source)
    out = tmp_path / "out"
    code, output = build(content, out)
    assert code == 0, output
    actions = {r["action"]: r for r in rows(out, "actions")}
    assert actions["A1"]["title"] == '\'=HYPERLINK("https://evil.example")'
    assert actions["A2"]["title"] == 'split\rrow, with "quotes"'
    recs = {r["recommendation"]: r for r in rows(out, "recommendations") if r["authority"] == "alpha"}
    assert recs["r3"]["text"] == "'@SUM(1+1)\r-1"
    report = frictionless.validate(str(out / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldNumber", "type", "message"])


def test_plans_csv_lists_every_plan_even_one_recorded_without_its_actions(site: Path) -> None:
    # actions.csv has a row per action only: a plan written without its actions was in no table.
    plans = {(r["authority"], r["plan"]): r for r in rows(site, "plans")}
    data = json.loads((site / "authorities" / "delta.json").read_text(encoding="utf-8"))
    assert {("delta", p["id"]) for p in data["plans"]} <= set(plans)
    bare = plans[("delta", next(p["id"] for p in data["plans"] if not p["actions"]))]
    assert bare["in_response_to"] == "fv-2023"
    # Nothing recorded to count: empty, not "0 actions" or "0 overdue", which a sum would take for counts.
    assert (bare["actions"], bare["actions_done"], bare["actions_overdue"], bare["last_update"]) == ("", "", "", "")
    sip = plans[("alpha", "sip")]
    actions = [r for r in rows(site, "actions") if (r["authority"], r["plan"]) == ("alpha", "sip")]
    assert sip["actions"] == str(len(actions)) != "0"
    assert sip["actions_done"] == str(sum(r["status"] == "done" for r in actions))
    assert sip["actions_overdue"] == str(sum(r["overdue"] == "true" for r in actions))
    for status in ("at-risk", "off-track"):
        assert sip[f"actions_{status.replace('-', '_')}"] == str(sum(r["status"] == status for r in actions))
    assert sip["standing"] in {"current", "closed", "earlier"}


def test_plans_csv_reads_oldest_first_by_what_each_plan_answers(content: Path, tmp_path: Path) -> None:
    alpha = content / "authorities" / "alpha.yaml"
    alpha.write_text(
        alpha.read_text().replace(
            "plans:\n",
            "plans:\n  - id: a-visit-plan\n    title: After the visit\n"
            "    in_response_to: [mv-2017-05]\n    actions: []\n",
            1,
        )
    )
    out = site_of(content, tmp_path)
    assert [r["plan"] for r in rows(out, "plans") if r["authority"] == "alpha"] == ["sip", "a-visit-plan"]


def test_inspections_csv_reads_oldest_first_within_an_authority(site: Path) -> None:
    alpha = [r["inspection"] for r in rows(site, "inspections") if r["authority"] == "alpha"]
    assert alpha == ["sif-2016", "mv-2017-05"]


def test_every_name_the_about_page_gives_of_the_json_is_one_it_holds(site: Path) -> None:
    # The About page tells a programmer what derived holds by the names of authorities.csv's
    # columns: a name dropped from either would leave the page describing what is not there.
    about = page(site, "about/index.html")
    said = next(p for p in about.select("#data ~ p, section p") if "Under derived" in " ".join(p.get_text().split()))
    named = {code.get_text().rstrip("…") for code in said.select("code")}
    derived = json.loads((site / "authorities" / "alpha.json").read_text(encoding="utf-8"))["derived"]
    columns = set(rows(site, "authorities")[0])
    held = set(derived) | set(derived["actions"]["sip/A1"]) | {"derived", "updates", "status", "due"}
    # The paragraph's other words: files, the forms of keys and values, and the record's own keys.
    files = {"authorities.csv", "actions.csv", "recommendations.csv", "derived.actions", "null", "false"}
    words = {"inspection/recommendation", "plan/action", "responds_to", "visited", "from", "to", "kind", "wording"}
    words |= {"priority"}
    unknown = {n for n in named - files - words - held - columns if not n.startswith(("authorities/", "data/", "20"))}
    assert unknown == {"python -m json.tool"}, unknown
    assert {"current_plan_actions", "plan_actions", "latest_inspection", "previous_inspection", "plan"} <= named


def test_notes_are_data_too_with_what_each_is_about(content: Path, tmp_path: Path) -> None:
    # A journalist comparing the tables with Ofsted's finds each difference explained, as the pages explain it.
    epsilon = content / "authorities" / "epsilon.yaml"
    epsilon.write_text(
        epsilon.read_text(encoding="utf-8")
        + "notes:\n  - {text: The two reports disagree., sources: [r2015, r2018], kind: disagreement}\n",
        encoding="utf-8",
    )
    out = site_of(content, tmp_path)
    got = [(r["note"], r["inspection"], r["kind"], r["text"], r["sources"]) for r in rows(out, "notes")]
    assert got == [
        (
            "1",
            "",
            "disagreement",
            "The two reports disagree.",
            "https://example.org/epsilon/2015 https://example.org/epsilon/2018",
        ),
        ("2", "fv-2023", "caveat", "The letter names no lead inspector.", "https://example.org/epsilon/fv"),
    ]
    assert {r["authority"] for r in rows(out, "notes")} == {"epsilon"}


def test_the_datapackage_declares_the_joins_and_a_broken_one_fails_validation(site: Path, tmp_path: Path) -> None:
    import frictionless

    package = json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    keys = {r["name"]: r["schema"]["foreignKeys"] for r in package["resources"] if "schema" in r}
    assert keys["judgements"] == [
        {
            "fields": ["authority", "inspection"],
            "reference": {"resource": "inspections", "fields": ["authority", "inspection"]},
        }
    ]
    # Where the data come from, not the site that publishes them.
    # Ofsted's reports, the datasets site.yaml names (`data_sources`), and councils' papers.
    assert [(s["title"], s.get("path")) for s in package["sources"][1:]] == [
        ("An inspections dataset (MIT licence)", "https://example.org/inspections-dataset"),
        ("A reports archive", "https://example.org/reports-archive"),
        ("Councils' own papers (improvement plans, reports to committees), each cited where used", None),
    ]
    assert package["sources"][0]["path"] == "https://reports.ofsted.gov.uk/"
    # The reports' own terms travel with what is quoted from them.
    assert "non-commercial" in package["sources"][0]["title"]
    # As of when, and how recent the reports it holds are: two different dates.
    assert re.fullmatch(
        r"Ofsted's inspections of English councils' children's services, the points each report asked the council "
        r"to improve, and the improvement plans and actions answering them\. "
        r"Statuses and overdue counts are as of \d{4}-\d\d-\d\d; the newest report recorded was published on "
        r"\d{4}-\d\d(-\d\d)?, and later ones may not be recorded yet\.",
        package["description"],
    )
    # Each table says what one of its rows is.
    assert all(r["description"].startswith("One row per ") for r in package["resources"] if "schema" in r)
    assert keys["authorities"] == [] and keys["actions"][0]["reference"] == {
        "resource": "plans",
        "fields": ["authority", "plan"],
    }
    assert frictionless.validate(str(site / "data" / "datapackage.json")).valid
    # The keys are checked: an inspection's row gone leaves its judgements pointing nowhere.
    broken = tmp_path / "data"
    shutil.copytree(site / "data", broken)
    inspections = (broken / "inspections.csv").read_bytes().split(b"\r\n")
    (broken / "inspections.csv").write_bytes(b"\r\n".join(line for line in inspections if b",ilacs-2023," not in line))
    report = frictionless.validate(str(broken / "datapackage.json"))
    assert not report.valid
    assert {e[1] for e in report.flatten(["resourceName", "type"])} == {"foreign-key"}


def test_the_datapackage_says_what_each_coded_or_dated_column_may_hold(site: Path, tmp_path: Path) -> None:
    import frictionless

    # A bare string type let a misspelt grade or an impossible date validate: each coded column
    # lists its values, each date column gives its form (a day, or a month where no day is known).
    package = json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    fields = {(r["name"], f["name"]): f for r in package["resources"] if "schema" in r for f in r["schema"]["fields"]}
    frameworks = yaml.safe_load((FIXTURE / "frameworks.yaml").read_text(encoding="utf-8"))
    grades = sorted({grade for scale in frameworks["scales"].values() for grade in scale})
    assert "inadequate" in grades and fields["judgements", "grade"]["constraints"]["enum"] == grades
    assert fields["authorities", "latest_grade"]["constraints"]["enum"] == grades
    assert fields["actions", "status"]["constraints"]["enum"] == sorted(
        ["not-started", "on-track", "at-risk", "off-track", "done", "dropped"]
    )
    assert "sif" in fields["inspections", "type"]["constraints"]["enum"]
    judgements = sorted({key for kind in frameworks["types"].values() for key in kind.get("judgements", {})})
    assert "overall" in judgements and fields["judgements", "judgement"]["constraints"]["enum"] == judgements
    dated = sorted(
        name for name, f in fields.items() if f.get("constraints", {}).get("pattern", "").startswith("[0-9]{4}")
    )
    assert len(dated) == 27  # recoveries.csv's three among them, and actions.csv's reopened_on
    assert {
        ("inspections", "published"),
        ("actions", "due"),
        ("authorities", "delivered_from"),
        ("notes", "date"),
    } <= set(dated)
    assert all(fields[name]["type"] == "string" for name in dated)
    assert fields["authorities", "as_of"]["type"] == "date"
    # Dates are written as the pattern allows (the real content's too: tests/browser/test_links_and_data.py).
    assert frictionless.validate(str(site / "data" / "datapackage.json")).valid
    broken = tmp_path / "data"
    shutil.copytree(site / "data", broken)
    judgements = (broken / "judgements.csv").read_text(encoding="utf-8")
    (broken / "judgements.csv").write_text(judgements.replace(",inadequate,", ",inadequte,", 1), encoding="utf-8")
    inspections = (broken / "inspections.csv").read_text(encoding="utf-8")
    (broken / "inspections.csv").write_text(inspections.replace(",2017-01-24,", ",2017-13-24,", 1), encoding="utf-8")
    report = frictionless.validate(str(broken / "datapackage.json"))
    assert sorted(report.flatten(["fieldName", "type"])) == [
        ["grade", "constraint-error"],
        ["published", "constraint-error"],
    ]


# Hostile content -------------------------------------------------------------------------------

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
TEMPLATE_SVG = ("hexmap", "chart", "strip", "squares")


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_markdown_puts_no_script_on_a_page(content: Path, tmp_path: Path, payload: str) -> None:
    path = content / "authorities" / "alpha.yaml"
    # With words after it, so that the text shows something (a text that would show nothing
    # at all is refused by `check`: tests/bad/text-that-shows-nothing.yaml).
    quoted = json.dumps(payload + " and words")  # a JSON string is a valid YAML double-quoted scalar
    source = path.read_text()
    source = source.replace("summary: Widespread and serious failures.", f"summary: {quoted}")
    source = source.replace("{id: r3, text: Improve supervision.}", f"{{id: r3, text: {quoted}}}")
    source = source.replace("focus: Progress against the plan", f"focus: {quoted}")
    source = source.replace("note: Recruitment slipped.", f"note: {quoted}")
    source = source.replace("name: Alpha Council", f"name: {quoted}")
    path.write_text(source)
    out = tmp_path / "out"
    code, output = build(content, out)
    assert code == 0, output
    # admin/ is the CMS page: it loads Decap and shows no content.
    for html in (p for p in out.rglob("*.html") if "admin" not in p.relative_to(out).parts):
        soup = BeautifulSoup(html.read_text(), "html.parser")
        scripts = [s.get("src") for s in soup.find_all("script")]
        assert all(s is not None and s.endswith("assets/tables.js") for s in scripts), (html, scripts)
        assert not soup.find_all(["iframe", "img", "object", "embed", "form"]), html
        # The one style a page may carry is the template's, naming the page (an authority) in
        # the printed margin; the name in it is escaped (test_outputs_hostile reads it back).
        for style in soup.find_all("style"):
            assert style.parent.name == "head" and PAGE_STYLE.fullmatch(style.get_text()), (html, style)
        # Pictures are drawn by the build: the only SVG is the templates' own.
        for svg in soup.find_all("svg"):
            assert svg.get("class", [""])[0] in TEMPLATE_SVG, (html, str(svg)[:200])
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


def test_sources_cited_by_short_name_never_read_alike_for_different_documents() -> None:
    # One council publishes many documents: cited by its name alone, each link would read
    # the same and lead somewhere else (WCAG 2.4.4). Without a date, a source is its title.
    from tracker.model import PartialDate, Source
    from tracker.render import source_label

    plan = Source(id="plan", title="Improvement plan 2017", url="https://example.org/p", publisher="Council")
    update = Source(id="update", title="Progress report to cabinet", url="https://example.org/u", publisher="Council")
    dated = Source(
        id="dated", title="Letter", url="https://example.org/l", publisher="Ofsted", published=PartialDate(2019, 1, 8)
    )
    assert [source_label(s) for s in (plan, update, dated)] == [
        "Improvement plan 2017",
        "Progress report to cabinet",
        "Ofsted, 8 January 2019",
    ]


def test_the_latest_card_gives_the_reports_address_on_paper(site: Path) -> None:
    # The sources are left out of print; the address of the report graded stays with its grade.
    card = page(site, "authorities/alpha/index.html").select_one("#summary .card--lead")
    printed = card.select_one("p.print-only")
    # A narrow card breaks it before a slash, where a reader copying it expects, not inside a word.
    # Named, as a reader holding several addresses needs to tell the report from the press.
    assert printed.get_text() == "Source: Ofsted, 24 January 2017, https://example.org/report"
    assert [str(node.previous_sibling) for node in printed.find_all("wbr")] == [
        "Source: Ofsted, 24 January 2017, https://example.org"
    ]


def test_a_printed_address_may_break_only_before_the_slashes_of_its_path() -> None:
    from tracker.render import breakable_url

    assert str(breakable_url("https://a.uk/v1/file/5?x=<b>&y")) == (
        "https://a.uk<wbr>/v1<wbr>/file<wbr>/5?x=&lt;b&gt;&amp;y"
    )
    assert str(breakable_url("mailto:x@a.uk")) == "mailto:x@a.uk"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # Cut at the last space among the first 39 characters, its Markdown read as plain text.
        (
            "Ensure that *all* children in care have a [plan](https://e.org) reviewed on time.",
            "Ensure that all children in care have…",
        ),
        # Kept whole up to 5 characters over, as Jinja's truncate keeps it; a word longer than
        # the cut is cut inside.
        ("Improve the timeliness of strategy meeting.", "Improve the timeliness of strategy meeting."),
        ("x" * 46, "x" * 39 + "…"),
        ("Fish &amp; chips", "Fish & chips"),
        # The punctuation the cut leaves is not kept before the "…": Knowsley's points 3 and
        # 4 read "practice…" and "practice,…", as if told apart by a comma.
        (
            "The quality of social work practice, including assessments and plans.",
            "The quality of social work practice…",
        ),
    ],
)
def test_a_points_first_words_are_cut_at_a_word(text: str, first: str) -> None:
    from tracker.render import opening

    assert opening(text) == first


def test_links_within_a_page_are_joined_as_a_sentence_and_escaped() -> None:
    from markupsafe import Markup

    from tracker.render import in_page_links

    assert in_page_links([]) == Markup("")
    assert in_page_links([("A1", "action-a1")]) == Markup('<a href="#action-a1">A1</a>')
    # Each joined as the words it links, escaped once: what is Markup already is kept as it is.
    assert str(in_page_links([("A<1>", 'x"y'), ("B&2", "b"), (Markup("<i>C</i>"), "c")])) == (
        '<a href="#x&#34;y">A&lt;1&gt;</a>, <a href="#b">B&amp;2</a> and <a href="#c"><i>C</i></a>'
    )


@pytest.mark.parametrize(
    ("slug", "said"),
    [
        ("alpha", "3 listed here: 2 answered by plan actions (1 with all of them complete); 1 with no action."),
        ("gamma", "Listed here, with plan actions, all of them complete."),
        ("delta", "2 listed here; no plan action answering them is recorded yet."),
        ("beta", "None is listed here yet."),
    ],
)
def test_the_asked_card_never_counts_nought(site: Path, slug: str, said: str) -> None:
    # "0 with plan actions, 0 with all of them complete" said nothing a sentence could not.
    meta = page(site, f"authorities/{slug}/index.html").select_one("#summary a[href='#asked']").find_parent("p")
    assert text(meta) == f"{said} See what Ofsted asked for"


def test_the_asked_card_does_not_call_a_point_with_a_dropped_action_all_complete(content: Path, tmp_path: Path) -> None:
    # Gamma's one point is answered by a done action; beside it, another the plan dropped.
    rewrite(
        content,
        "gamma",
        (
            '      - {id: "1", title: Supervision audit, status: done, responds_to: [ilacs-2022/w1]}\n',
            '      - {id: "1", title: Supervision audit, status: done, responds_to: [ilacs-2022/w1]}\n'
            '      - id: "2"\n        title: Supervision training\n        status: on-track\n'
            "        responds_to: [ilacs-2022/w1]\n        updates:\n"
            "          - {date: 2023-05-01, status: dropped, note: Folded into the audit's follow-up.}\n",
        ),
    )
    soup = page(build_site(content, tmp_path / "site"), "authorities/gamma/index.html")
    meta = soup.select_one("#summary a[href='#asked']").find_parent("p")
    assert (
        text(meta) == "Listed here, with plan actions, all complete but 1 the plan dropped. See what Ofsted asked for"
    )
    # Of several points, the count of those complete says what it leaves aside: the dropped
    # action once, though it answered both.
    rewrite(
        content,
        "gamma",
        (
            "      - {id: w1, text: Improve supervision., wording: described}\n",
            "      - {id: w1, text: Improve supervision., wording: described}\n"
            "      - {id: w2, text: Improve planning., wording: described}\n"
            "      - {id: w3, text: Improve audits., wording: described}\n",
        ),
        ("status: done, responds_to: [ilacs-2022/w1]}", "status: done, responds_to: [ilacs-2022/w1, ilacs-2022/w2]}"),
        ("        responds_to: [ilacs-2022/w1]\n", "        responds_to: [ilacs-2022/w1, ilacs-2022/w2]\n"),
    )
    soup = page(build_site(content, tmp_path / "again"), "authorities/gamma/index.html")
    meta = soup.select_one("#summary a[href='#asked']").find_parent("p")
    assert text(meta) == (
        "All listed here: 2 answered by plan actions (2 with all of them complete, leaving aside 1 action the plan "
        "dropped); 1 with no action. See what Ofsted asked for"
    )


def test_the_overview_says_how_far_the_record_reaches(site: Path) -> None:
    # The as-of date is the day the site describes, not the day the record was last brought up to date.
    overview = page(site, "index.html")
    lead = overview.select_one(".lead")
    # Every authority here has a single grade: why one might not is not said.
    counted = next(p for p in overview.select("#main p") if text(p).startswith("Counts use"))
    assert text(counted) == "Counts use each authority's latest full inspection. What the grades mean ."
    assert " ".join(lead.get_text().split()).endswith(
        "Position as of 23 November 2026. The newest report recorded here was published on 12 August 2025, and "
        "the newest letter from a visit on 1 December 2023: reports published since may not be here yet (see how "
        "far each kind of inspection is recorded)."
    )
    # Kinds of visit from another source may stop earlier: the frameworks' table says where.
    assert lead.select_one("a")["href"] == "./frameworks/#chronology"


def test_the_overview_says_first_where_councils_stand_then_whether_plans_are_recorded(
    content: Path, tmp_path: Path
) -> None:
    start = "Where each English local authority's children's services stand after their latest Ofsted inspection, and "
    lead = " ".join(page(site_of(content, tmp_path / "plans"), "index.html").select_one(".lead").get_text().split())
    assert lead.startswith(f"{start}what Ofsted asked for. Where a council's plan to improve is recorded, how far it")
    # With no plan recorded, the lead says so, rather than promise their progress.
    for path in (content / "authorities").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if "\nplans:" in text:
            path.write_text(text.split("\nplans:")[0] + "\n", encoding="utf-8")
    lead = " ".join(page(site_of(content, tmp_path / "none"), "index.html").select_one(".lead").get_text().split())
    assert lead.startswith(f"{start}what Ofsted asked for. No council's current plan to improve is recorded here yet.")


def test_the_overview_leads_a_reader_looking_for_one_council_to_the_list_and_the_table(site: Path) -> None:
    # On a phone the table is many screens down, past the map and the charts; the list of
    # names is one short page, and works without JavaScript.
    soup = page(site, "index.html")
    links = soup.select_one("main h1").find_next_sibling().find_all("a")
    assert [a["href"] for a in links] == ["./authorities/", "#authorities"]
    assert page(site, "authorities/index.html").select_one("main h1") is not None
    assert soup.find(id="authorities").find_next("table")["id"] == "authority-table"


def test_an_authority_page_leads_back_to_the_list_of_all_authorities(site: Path) -> None:
    crumbs = page(site, "authorities/alpha/index.html").select(".breadcrumbs li")
    assert [(li.get_text(strip=True), li.a["href"] if li.a else None) for li in crumbs] == [
        ("Overview", "../../"),
        ("All authorities", "../../authorities/"),
        ("Alpha Council", None),
    ]


def test_a_disagreement_citing_the_entrys_own_sources_does_not_repeat_them(content: Path, tmp_path: Path) -> None:
    path = content / "authorities" / "alpha.yaml"
    note = (
        "    notes:\n      - text: The report calls it a revisit; the letter does not.\n"
        "        sources: [report, letter]\n        kind: disagreement\n"
    )
    path.write_text(
        path.read_text().replace("    sources: [letter]\nplans:", f"    sources: [letter, report]\n{note}plans:")
    )
    soup = page(site_of(content, tmp_path), "authorities/alpha/index.html")
    article = soup.select_one("#inspection-mv-2017-05")
    assert len(article.select(".sources")) == 1
    assert article.select_one(".inset--disagreement .sources") is not None
    # Print leaves out the entry it sits in, so it is printed with the record of inspections.
    assert article.find_parent(class_="screen-only") is not None
    printed = soup.select_one(".report__disputed")
    assert "print-only" in printed["class"] and printed.find_parent(class_="screen-only") is None
    assert [text(p) for p in printed.select("p")] == [
        "About the monitoring visit, May 2017:",
        "Sources disagree",
        "The report calls it a revisit; the letter does not.",
        "Sources: Ofsted, 24 January 2017 ; Monitoring letter",
    ]
    # Its days and its letter's, where recorded: the printed card and table give only months,
    # and the note is read against what the page says.
    path.write_text(
        path.read_text().replace("    visited: 2017-05\n", "    visited: 2017-05-09\n    published: 2017-06-02\n")
    )
    soup = page(site_of(content, tmp_path / "dated"), "authorities/alpha/index.html")
    assert text(soup.select_one(".report__disputed p")) == (
        "About the monitoring visit, May 2017 (visited 9 May 2017, letter published 2 June 2017, as recorded here):"
    )


def test_earlier_points_name_visits_as_visits(content: Path, tmp_path: Path) -> None:
    path = content / "authorities" / "beta.yaml"
    visit = (
        "  - id: fv-2019\n    type: focused-visit\n    visited: 2019-03-05\n    sources: [sif]\n"
        "    recommendations:\n      - {id: r1, text: Plan for permanence sooner.}\n"
    )
    path.write_text(path.read_text().replace("  - id: ilacs-2023\n", f"{visit}  - id: ilacs-2023\n"))
    soup = page(site_of(content, tmp_path), "authorities/beta/index.html")
    summary = soup.select_one("section[aria-labelledby=asked] details.earlier > summary")
    assert text(summary) == "Earlier inspections and visits: 2 points listed from 1 inspection and 1 visit"


def test_the_strip_caption_says_where_an_inspection_without_a_publication_date_starts(
    content: Path, tmp_path: Path
) -> None:
    path = content / "authorities" / "beta.yaml"
    path.write_text(path.read_text().replace("    published: 2017-02-01\n", "", 1), encoding="utf-8")
    soup = page(site_of(content, tmp_path), "authorities/beta/index.html")
    assert text(soup.select_one("#strip-caption")).startswith(
        "Headline grade of each full inspection from when its report was published until the next "
        "(one whose publication date is not recorded is placed at its visit: November 2016). "
    )
    assert soup.select_one("svg.strip")["aria-label"] == (
        "Headline grades, newest first. From July 2023: good. From November 2016: inadequate."
    )


def test_the_strip_tells_a_visit_that_set_areas_for_priority_action_from_the_others(site: Path) -> None:
    # A letter that found children at risk was one more tick among the visits: marked, and
    # named in the caption and the key, since the mark's colour alone would not say it.
    delta = page(site, "authorities/delta/index.html")
    assert [path["class"] for path in delta.select("svg.strip path.visit")] == [["visit", "visit--priority"]]
    assert (
        "; triangles mark visits, a larger red one where the letter set areas for priority action (October 2023)."
        in text(delta.select_one("#strip-caption"))
    )
    # Its one visit set some: the key names no mark the strip does not draw.
    key = [text(li) for li in delta.select("figure:has(svg.strip) .legend li")]
    assert [item for item in key if "visit" in item] == ["▲ A visit whose letter set areas for priority action"]
    # A visit that set none is a tick like any other, and the key does not tell them apart.
    epsilon = page(site, "authorities/epsilon/index.html")
    assert [path["class"] for path in epsilon.select("svg.strip path.visit")] == [["visit"]]
    assert "priority" not in text(epsilon.select_one("#strip-caption"))
    assert not [li for li in epsilon.select("figure:has(svg.strip) .legend li") if "visit" in text(li)]


def test_the_strip_shows_each_headline_grade_of_an_inspection_without_an_overall_one(
    content: Path, tmp_path: Path
) -> None:
    with_ilacs_2026(content, "{leadership: inadequate, care-leavers: good}")
    out = site_of(content, tmp_path)
    soup = page(out, "authorities/alpha/index.html")
    strip = soup.select_one("svg.strip")
    last = [r for r in strip.select("rect") if r["x"] == strip.select("rect")[-1]["x"]]
    # Two bands, one above the other, in the order of the type's headline judgements.
    assert [r["class"] for r in last] == [["p3"], ["p1"]]
    assert [float(r["height"]) for r in last] == [15.0, 15.0]
    assert float(last[1]["y"]) == float(last[0]["y"]) + 15
    assert strip.select_one("path.gap") is not None  # a line between the bands
    # Bands too thin for a letter: the caption gives each grade in words.
    assert (
        "shows each as a band, top to bottom (June 2026: Impact of leaders, inadequate; "
        "The experiences and progress of care leavers, good)" in text(soup.select_one("#strip-caption"))
    )
    # An inspection with one overall grade keeps one block, and its caption says nothing of bands.
    plain = page(out, "authorities/beta/index.html")
    assert "band" not in text(plain.select_one("#strip-caption"))
    # For a screen reader, the picture's name says what it shows, newest first; the caption
    # (the figure's name) how to read it.
    assert strip["aria-label"] == (
        "Headline grades, newest first. From June 2026: impact of leaders inadequate, the experiences and progress "
        "of care leavers good. From January 2017: inadequate. 1 visit marked."
    )
    assert plain.select_one("svg.strip")["aria-label"] == (
        "Headline grades, newest first. From July 2023: good. From February 2017: inadequate."
    )


@pytest.mark.parametrize("as_of", ["2026-11-23", "2026-12-31"])
def test_the_newest_grade_has_its_letter_beside_a_segment_too_short_to_hold_it(
    content: Path, tmp_path: Path, as_of: str
) -> None:
    # Published three weeks before the as-of date, the grade readers look for first was a
    # sliver with no letter; on 31 December, the year's end left no room beside it either.
    rewrite(
        content,
        "beta",
        (
            "    recommendation_count: 3\n",
            "    recommendation_count: 3\n  - id: ilacs-2026\n    type: ilacs\n    visited: 2026-09\n"
            "    published: 2026-11-02\n    judgements: {overall: requires-improvement}\n    sources: [ilacs]\n",
        ),
    )
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out), "--as-of", as_of])
    assert result.exit_code == 0, result.output
    strip = page(out, "authorities/beta/index.html").select_one("svg.strip")
    newest = strip.select("rect")[-1]
    assert newest["class"] == ["p2"] and float(newest["width"]) < 14
    assert not strip.select("text.p2")  # too short to hold its letter
    [beside] = [t for t in strip.select("text.axis") if t.get_text() == "R"]
    at = float(beside["x"])
    assert float(newest["x"]) + float(newest["width"]) < at <= 640 - 20  # just after it, inside the picture
    assert beside.get("text-anchor") is None
    # A segment long enough holds its letter, with none beside it.
    grades = [t.get_text() for t in strip.select("text")]
    assert grades.count("G") == 1 and grades.count("R") == 1


def test_the_newest_bands_too_thin_for_letters_take_no_room_beside_them(content: Path, tmp_path: Path) -> None:
    # Two bands of a recent inspection each get their letter beside them, with room made; three
    # are too thin for letters anywhere (the caption gives them), and the strip keeps its end.
    def strip(judgements: str, extra: str = "") -> BeautifulSoup:
        target = content.parent / f"content-{len(extra)}"
        shutil.copytree(content, target)
        with_ilacs_2026(target, judgements)
        path = target / "authorities" / "alpha.yaml"
        path.write_text(path.read_text().replace("visited: {from: 2026-06-08, to: 2026-06-19}", "visited: 2026-11-02"))
        frameworks = target / "frameworks.yaml"
        frameworks.write_text(
            frameworks.read_text()
            .replace("headline: [leadership, care-leavers]", f"headline: [leadership, care-leavers{extra}]")
            .replace(
                "      care-leavers: The experiences",
                "      in-care: Children in care\n      care-leavers: The experiences",
            )
        )
        soup = page(site_of(target, tmp_path / f"site-{len(extra)}"), "authorities/alpha/index.html")
        return soup.select_one("svg.strip")

    two = strip("{leadership: inadequate, care-leavers: good}")
    assert [t.get_text() for t in two.select("text.axis") if not t.get_text().isdigit()] == ["I", "G"]
    assert "M636 48v4" not in two.select_one("path.grid")["d"]  # room made: the year's end is no longer the edge
    three = strip("{leadership: inadequate, care-leavers: good, in-care: good}", ", in-care")
    assert [t.get_text() for t in three.select("text.axis") if not t.get_text().isdigit()] == []
    assert three.select_one("path.grid")["d"].endswith("M636 48v4")


def test_related_councils_are_named_and_a_rename_reaches_the_pages_naming_them(content: Path, tmp_path: Path) -> None:
    for slug, line in (("epsilon", "predecessors: [delta]"), ("delta", "successors: [epsilon]")):
        path = content / "authorities" / f"{slug}.yaml"
        path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")

    def related(site: Path, slug: str) -> list[str]:
        soup = page(site, f"authorities/{slug}/index.html")
        row = next(d for d in soup.select("dl div") if text(d.dt) == "Related councils")
        return [text(p) for p in row.dd.select("p")]

    out, cache = tmp_path / "out", tmp_path / "cache"
    code, output = build(content, out, "--cache", str(cache))
    assert code == 0, output
    assert related(out, "epsilon") == ["Took over from Delta County Council"]
    assert related(out, "delta") == ["Replaced by Epsilon Council"]
    # Only delta's file changes (the two are not statistical neighbours); epsilon's page, which names
    # it, is made again, not kept from the cache.
    path = content / "authorities" / "delta.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Delta County Council", "Delta Unitary Council"), "utf-8")
    code, output = build(content, out, "--cache", str(cache))
    assert code == 0, output
    assert related(out, "epsilon") == ["Took over from Delta Unitary Council"]


def test_not_recorded_names_monitoring_visits_alone(content: Path, tmp_path: Path) -> None:
    # Alpha with every point listed and no monitoring visit: the one thing not recorded.
    path = content / "authorities" / "alpha.yaml"
    written = path.read_text(encoding="utf-8").replace("recommendation_count: 5", "recommendation_count: 3")
    visit = written.index("  - id: mv-2017-05")
    path.write_text(written[:visit] + written[written.index("plans:") :], encoding="utf-8")
    soup = page(site_of(content, tmp_path), "authorities/alpha/index.html")
    record = text(soup.select_one(".report__record p"))
    assert record.endswith(
        "Not recorded: monitoring visits after the inadequate judgement of the October 2016 inspection (they are "
        "not in the national data)."
    )
    # And in the card a reader looks to for Ofsted's last visit, lest none read as none made.
    assert card(soup, "Latest visit") == (
        "Latest visit Monitoring visits after the October 2016 inspection are not recorded here. No visit is "
        "recorded here. Visits published after December 2023 are not recorded here yet."
    )
    # Each time they are named, what they are is a link away.
    for where in (soup.select_one(".report__record"), soup.select_one("#summary")):
        link = next(a for a in where.select("a") if text(a).lower() == "monitoring visits")
        assert link["href"] == "../../frameworks/#type-monitoring-visit"
    # A visit before that inspection is the latest recorded: said to be before it, after the
    # gap, lest it read as the last time Ofsted came.
    written = path.read_text(encoding="utf-8")
    path.write_text(
        written.replace(
            "plans:", "  - {id: fv-2015, type: focused-visit, visited: 2015-05, sources: [letter]}\nplans:", 1
        ),
        encoding="utf-8",
    )
    soup = page(site_of(content, tmp_path / "visited"), "authorities/alpha/index.html")
    assert card(soup, "Latest visit") == (
        "Latest visit Monitoring visits after the October 2016 inspection are not recorded here. Latest recorded: "
        "Focused visit , visited May 2015 (before the latest full inspection) Visits published after December 2023 "
        "are not recorded here yet."
    )
    # Not after a type whose inadequate judgements no monitoring visits follow (frameworks.yaml
    # says which do): the page would claim visits that may never have been made.
    frameworks = content / "frameworks.yaml"
    unmonitored = frameworks.read_text(encoding="utf-8").replace("    monitored: true\n", "", 1)
    frameworks.write_text(unmonitored, encoding="utf-8")
    record = text(
        page(site_of(content, tmp_path / "unmonitored"), "authorities/alpha/index.html").select_one(".report__record p")
    )
    assert "monitoring visits" not in record


def test_the_link_to_a_visits_points_names_it_in_the_sentence(site: Path) -> None:
    # Read aloud: "See all 2 points of the focused visit, ...", not "of the Focused visit";
    # and not "See all 2 , for": a screen reader sets a link's hidden words apart by a space.
    soup = page(site, "authorities/delta/index.html")
    links = soup.select("a[href$='-recs']")
    hidden = [link.select_one(".vh").get_text() for link in links]
    assert links[0].get_text() == "See all 2 points of the focused visit, October 2023"
    assert any(h.startswith(" points of the focused visit, ") for h in hidden), hidden
    one = page(site, "authorities/gamma/index.html").select_one("a[href$='-recs']")
    assert one.get_text() == "See it (the one point of the ILACS inspection, February 2022)"
    assert all((h.startswith(" ") and h[1].isalpha()) or h.startswith(" (the one point of the ") for h in hidden), (
        hidden
    )
    assert all("Focused" not in h for h in hidden), hidden


def test_inspections_csv_gives_each_inspections_own_report_and_its_region(site: Path, tmp_path: Path) -> None:
    listed = {(r["authority"], r["inspection"]): r for r in rows(site, "inspections")}
    # Alpha's SIF cites Ofsted's report published the day it was; its visit's letter has no
    # publisher or date, so it is not known to be Ofsted's own.
    assert listed[("alpha", "sif-2016")]["report"] == "https://example.org/report"
    assert listed[("alpha", "mv-2017-05")]["report"] == ""
    assert {r["region"] for r in listed.values()} >= {"North East"}
    # A later report cited for what it says of an earlier inspection, and Ofsted's list of an
    # authority's reports, cited for a letter whose address is not known, are not its report.
    content = tmp_path / "changed" / "content"
    shutil.copytree(Path(__file__).parent / "site_fixture", content)
    alpha = content / "authorities" / "alpha.yaml"
    alpha.write_text(
        alpha.read_text(encoding="utf-8")
        .replace(
            "  - {id: letter, title: Monitoring letter, url: https://example.org/letter}",
            "  - {id: letter, title: Monitoring letter, publisher: Ofsted, published: 2017-06-01,"
            " url: https://reports.ofsted.gov.uk/provider/44/80001}",
        )
        .replace(
            "    focus: Progress against the plan", "    published: 2017-06-01\n    focus: Progress against the plan"
        )
        .replace("    published: 2017-01-24\n    judgements", "    published: 2017-01-23\n    judgements"),
        encoding="utf-8",
    )
    out = tmp_path / "changed" / "site"
    result = CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out), "--as-of", "2026-11-23"])
    assert result.exit_code == 0, result.output
    listed = {(r["authority"], r["inspection"]): r for r in rows(out, "inspections")}
    assert listed[("alpha", "sif-2016")]["report"] == listed[("alpha", "mv-2017-05")]["report"] == ""


def test_the_contents_list_the_authoritys_notes_and_neighbours_where_it_has_some(content: Path, tmp_path: Path) -> None:
    # Notes on the authority as a whole (a predecessor council, a report not recorded) sit at
    # the end of "About this authority": the contents name them, so they are not missed.
    path = content / "authorities" / "alpha.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "sources:\n",
            "notes:\n  - text: A report of 2012 is not recorded here.\n    sources: [report]\n\nsources:\n",
            1,
        ),
        encoding="utf-8",
    )
    site = site_of(content, tmp_path)

    def contents(slug: str) -> list[tuple[str, str]]:
        links = page(site, f"authorities/{slug}/index.html").select("nav.contents a")
        return [(a["href"], text(a)) for a in links]

    assert ("#notes", "Notes on this authority (1)") in contents("alpha")
    heading = page(site, "authorities/alpha/index.html").select_one("h3#notes")
    assert heading is not None and heading.find_next(string=re.compile("A report of 2012")) is not None
    # The statistical neighbours, a section of their own after the judgements, are listed where there are some.
    assert [href for href, _ in contents("beta")] == [
        "#asked",
        "#plans",
        "#history",
        "#neighbours",
        "#inspections",
        "#timeline",
        "#about",
        "#sources",
    ]
    assert "#neighbours" not in [href for href, _ in contents("gamma")]  # none listed for it
    # Each listed as its heading is placed: within the section it belongs to.
    nested = page(site, "authorities/alpha/index.html").select_one('nav.contents a[href="#notes"]')
    assert nested is not None and nested.find_parent("ol").find_parent("li").a["href"] == "#about"
    assert page(site, "authorities/beta/index.html").select_one("h2#neighbours") is not None


def test_a_bar_that_ends_at_the_last_inspection_recorded_is_not_read_as_the_types_end(
    content: Path, tmp_path: Path
) -> None:
    # No type of the fixture gives its years in use, and each was last recorded here over a
    # year before the as-of day: each bar ends in a dotted line. One whose end is known
    # ends where it ended.
    def dotted(site: Path) -> list[str]:
        chart = page(site, "frameworks/index.html").select_one("#chronology-caption").find_parent("figure")
        return [text(line.find_next_sibling("text")) for line in chart.select("line.period-open")]

    assert dotted(site_of(content, tmp_path / "before")) == [
        "SIF inspection",
        "Monitoring visit",
        "ILACS inspection",
        "Focused visit",
    ]
    frameworks = content / "frameworks.yaml"
    frameworks.write_text(
        frameworks.read_text(encoding="utf-8").replace(
            "    short_name: SIF inspection\n",
            "    short_name: SIF inspection\n    in_use: {from: 2013-11, to: 2018-03}\n",
        ),
        encoding="utf-8",
    )
    assert dotted(site_of(content, tmp_path / "after")) == ["Monitoring visit", "ILACS inspection", "Focused visit"]
    # A type in use since a known day, with none recorded here (JTAI), is not read as used once.
    frameworks.write_text(
        frameworks.read_text(encoding="utf-8").replace(
            "  focused-visit:\n",
            "  jtai:\n    name: Joint targeted area inspection\n    short_name: JTAI\n    graded: false\n"
            "    in_use: {from: 2016-02}\n"
            "  focused-visit:\n",
        ),
        encoding="utf-8",
    )
    # (Its "none recorded" is said where it fits: not here, where the chart starts in 2013.)
    jtai = ["JTAI", "Monitoring visit", "ILACS inspection", "Focused visit"]
    assert dotted(site_of(content, tmp_path / "jtai")) == jtai


def test_a_shortened_address_finds_every_authority_and_every_grade_page(site: Path) -> None:
    # `authorities/` and `grades/`, where a reader who cuts a page's address short arrives:
    # pages of their own, not the 404 page, each linking every page below it.
    every = page(site, "authorities/index.html")
    assert text(every.h1) == "All authorities"  # as the menu and the breadcrumbs name it
    # Finding a council is a reader's first task: the list is in every page's menu, marked where it is.
    assert every.select_one(".header__nav a[aria-current=page]")["href"] == "../authorities/"
    assert page(site, "authorities/alpha/index.html").select_one(".header__nav a[href='../../authorities/']")
    # A page within a part of the site marks that part in the menu, as no page of it: an
    # authority's page the list, a grade's list the overview, whose counts lead to it.
    for path, part in [("authorities/alpha/index.html", "All authorities"), ("grades/good/index.html", "Overview")]:
        marked = page(site, path).select(".header__nav a[aria-current]")
        assert [(text(a), a["aria-current"]) for a in marked] == [(part, "true")], path
    links = [(text(a), a["href"]) for a in every.select("main ul.index a")]
    slugs = sorted(p.stem for p in (site / "authorities").glob("*.json"))
    assert sorted(href for _, href in links) == [f"../authorities/{slug}/" for slug in slugs]
    assert all((site / "authorities" / href.split("/")[2] / "index.html").is_file() for _, href in links)
    grades = page(site, "grades/index.html")
    listed = {a["href"]: text(a.parent) for a in grades.select("main ul a")}
    folders = sorted(p.parent.name for p in (site / "grades").glob("*/index.html"))
    assert sorted(listed) == [f"../grades/{key}/" for key in folders]
    for href, said in listed.items():
        rows = page(site, f"grades/{href.split('/')[2]}/index.html").select("#grade-caption ~ tbody tr")
        assert said.split(": ", 1)[1].startswith(f"{len(rows)} authorit"), said
    locs = [loc.text for loc in ET.parse(site / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")]
    assert {
        "https://www.exampleshire.gov.uk/tracker/authorities/",
        "https://www.exampleshire.gov.uk/tracker/grades/",
    } <= set(locs)


def test_the_accessibility_statement_gives_the_publishers_status_issues_and_dates(
    content: Path, tmp_path: Path
) -> None:
    def paragraphs(statement: BeautifulSoup) -> list[str]:
        return [" ".join(p.get_text().split()) for p in statement.select("main p")]

    statement = page(site_of(content, tmp_path), "accessibility/index.html")
    said = paragraphs(statement)
    assert (
        "This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA "
        "standard, due to the non-compliances listed below." in said
    )
    assert [text(li) for li in statement.select("main ul.list")[-1].select("li")] == [
        "The map's hexagons cannot be told apart by their outlines alone (1.4.11 Non-text contrast); the table "
        "below the map gives every grade."
    ]
    assert "This statement was prepared on 14 September 2026. It was last reviewed in November 2026." in said
    assert (
        "This website was last tested on 7 September 2026. The test was carried out by the partnership's digital "
        "team." in said
    )
    site_yaml = content / "site.yaml"
    settings = site_yaml.read_text(encoding="utf-8").split("accessibility:")[0]
    for n, (stated, expected, listed) in enumerate(
        [
            (
                # A fully compliant site has no issues to list: any given are a mistake, check warns, and none show.
                "{status: fully-compliant, prepared: 2026-09, issues: [The map has no text alternative (1.1.1).]}",
                [
                    "This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA "
                    "standard.",
                    "No content on this website is known not to meet the standard. The documents it links to are "
                    "outside the scope of the regulations, as below.",
                    "This statement was prepared in September 2026.",
                ],
                [],
            ),
            (
                "{status: not-compliant, prepared: 2026-09-14, issues: [The map has no text alternative (1.1.1).]}",
                [
                    "This website is not compliant with the Web Content Accessibility Guidelines version 2.2 AA "
                    "standard. The non-compliances are listed below.",
                    "This statement was prepared on 14 September 2026.",
                ],
                ["The map has no text alternative (1.1.1)."],
            ),
        ]
    ):
        site_yaml.write_text(f"{settings}accessibility: {stated}\n", encoding="utf-8")
        statement = page(site_of(content, tmp_path / f"stated-{n}"), "accessibility/index.html")
        said = paragraphs(statement)
        assert all(line in said for line in expected), said
        heading = statement.find("h3", id="non-compliance")
        shown = [text(li) for li in heading.find_next("ul").select("li")] if heading else []
        assert shown == listed
    # Without the publisher's word, the statement claims no status.
    site_yaml.write_text(settings, encoding="utf-8")
    bare = page(site_of(content, tmp_path / "bare"), "accessibility/index.html")
    said = paragraphs(bare)
    assert (
        "This statement does not yet give a compliance status: Fixture Partnership has not yet stated how far this "
        "website meets the Web Content Accessibility Guidelines version 2.2 AA standard." in said
    )
    assert not any("compliant" in line or "prepared" in line for line in said)
    assert "Non-compliance with the accessibility regulations" not in [text(h) for h in bare.select("main h3")]
    # The model statement's words that introduce a list are not left with none after them.
    assert "This statement does not yet list the content that does not meet the standard." in said
    assert not any("listed below is non-accessible" in line for line in said)


def test_a_visit_in_parts_is_shown_in_its_parts(content: Path, tmp_path: Path) -> None:
    # Devon's 2024 inspection: two weeks in the autumn, four days in January. From the first
    # day to the last alone would read as three and a half months on site.
    path = content / "authorities" / "delta.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "    visited: {from: 2021-10-04, to: 2021-10-15}\n",
            "    visited: {from: 2021-10-04, to: 2021-11-24}\n"
            "    visited_in_parts: [{from: 2021-10-04, to: 2021-10-15}, {from: 2021-11-22, to: 2021-11-24}]\n",
        ),
        encoding="utf-8",
    )
    site = site_of(content, tmp_path)
    soup = page(site, "authorities/delta/index.html")
    entry = soup.select_one("#inspection-ilacs-2021")
    visited = next(d for d in entry.select("dl div") if text(d.dt) == "Inspectors visited")
    assert text(visited.dd) == "4 to 15 October 2021 and 22 to 24 November 2021"
    # The summary's cards name the month of each part, as the overview's table and the grade's list do.
    assert "visited October 2021 and November 2021" in text(soup.select_one("#summary"))
    for listing in ("index.html", "grades/good/index.html"):
        row = next(r for r in page(site, listing).select("tbody tr") if "Delta County Council" in text(r))
        assert "inspection, visited October 2021 and November 2021" in text(row), listing
    # The data keep both: the first and last day, and each part.
    data = json.loads((site / "authorities/delta.json").read_text(encoding="utf-8"))
    inspection = next(i for i in data["inspections"] if i["id"] == "ilacs-2021")
    assert inspection["visited"] == {"from": "2021-10-04", "to": "2021-11-24"}
    assert inspection["visited_in_parts"] == [
        {"from": "2021-10-04", "to": "2021-10-15"},
        {"from": "2021-11-22", "to": "2021-11-24"},
    ]
    # So does the table: a visit's length worked out from its first and last day alone is wrong.
    by_id = {(r["authority"], r["inspection"]): r for r in rows(site, "inspections")}
    row = by_id["delta", "ilacs-2021"]
    assert (row["visited_from"], row["visited_to"]) == ("2021-10-04", "2021-11-24")
    assert row["visited_in_parts"] == "2021-10-04/2021-10-15 2021-11-22/2021-11-24"
    assert {r["visited_in_parts"] for key, r in by_id.items() if key != ("delta", "ilacs-2021")} == {""}


def test_a_letter_linked_through_ofsteds_list_of_reports_says_so(content: Path, tmp_path: Path) -> None:
    # A letter whose own address is not known links to the council's list of reports: a link
    # named only as the letter would promise the letter itself.
    path = content / "authorities" / "delta.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "url: https://example.org/delta/fv,", "url: https://reports.ofsted.gov.uk/provider/44/80000,"
        ),
        encoding="utf-8",
    )
    soup = page(site_of(content, tmp_path), "authorities/delta/index.html")
    said = "Ofsted, 1 December 2023, listed on Ofsted's page of the council's reports"
    # The points' lead-in and the entry's source; the list of sources gives its title, and its note.
    links = [text(a) for a in soup.select("a[href='https://reports.ofsted.gov.uk/provider/44/80000']")]
    assert links == [f"letter ({said})", said, "Delta focused visit letter"]
    others = [text(a) for a in soup.select("a[href='https://example.org/delta/ilacs']")]
    assert others and not any("listed on" in link for link in others)


def test_an_authoritys_own_word_in_ofsteds_points_is_explained_under_them(content: Path, tmp_path: Path) -> None:
    # `S20`-like local words (`TfC`, `MASSH`): the report that spells one out is cited for it.
    rewrite(content, "alpha", ("{id: r2, text: Review section 20 arrangements.}", "{id: r2, text: Review the ART.}"))
    path = content / "authorities" / "alpha.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "terms:\n  - {term: ART, meaning: Alpha's referral team., sources: [report]}\n",
        encoding="utf-8",
    )
    soup = page(site_of(content, tmp_path), "authorities/alpha/index.html")
    [hint] = [p for p in soup.select("p.hint[id]") if "-term-" in p["id"]]
    assert text(hint) == "ART , named in these points: Alpha's referral team. Source: Ofsted, 24 January 2017 ."
    assert hint.a["href"] == "https://example.org/report"
    assert hint.find_previous(class_="checklist").find(id="rec-sif-2016-r2") is not None


def test_a_council_abolished_before_the_as_of_date_is_named_apart_from_englands_picture(
    content: Path, tmp_path: Path
) -> None:
    # Its last grade is not where England stands: counted, mapped and listed with the councils
    # in being, it made the counts a journalist quotes wrong, and its grade "held" to this day.
    before = page(site_of(content, tmp_path / "before"), "index.html")
    rewrite(content, "gamma", ("region: North East", "region: North East\nabolished: 2024-03-31"))
    site = site_of(content, tmp_path / "after")
    soup = page(site, "index.html")

    def counts(soup: BeautifulSoup) -> dict[str, str]:
        items = soup.select(".counts__item")
        return {text(li.select_one(".tag")): text(li.select_one(".counts__number")) for li in items}

    assert counts(before)["Requires improvement to be good"] == "1"
    assert "Requires improvement to be good" not in counts(soup)
    names = [text(row.find("th")) for row in soup.select("#authority-table tbody tr")]
    assert "Gamma City Council" not in names and len(names) == 4
    assert text(soup.select_one("#authorities-caption")) == "4 authorities, by place name"
    north_east = soup.select_one("#by-region-caption").find_parent("table").select("tbody tr")[0]
    assert text(north_east.find("th")) == "North East" and text(north_east.select_one("td[data-label=All]")) == "2"
    former = next(p for p in soup.select("#authorities ~ p, section p") if "former council" in text(p))
    assert " ".join(former.get_text().split()) == (
        "Not in the counts, the map or the table: 1 former council, abolished before 23 November 2026, "
        "whose page keeps its record: Gamma City Council (abolished March 2024)."
    )
    assert former.find("a")["href"] == "./authorities/gamma/"
    # Its grade's page listed it alone, and is no longer made: no council in being holds the grade.
    assert (tmp_path / "before" / "site" / "grades" / "requires-improvement" / "index.html").exists()
    assert not (site / "grades" / "requires-improvement").exists()

    # Nor on the map, whose hexagons link the councils in being.
    hexes = [a["href"] for a in soup.select("svg.hexmap a")]
    assert "./authorities/gamma/" in [a["href"] for a in before.select("svg.hexmap a")]
    assert hexes and "./authorities/gamma/" not in hexes

    gamma = page(site, "authorities/gamma/index.html")
    assert " ".join(gamma.select_one("h1 + p.lead").get_text().split()) == (
        "Abolished 31 March 2024. This page keeps the former council's record; the site's picture of England as "
        "of 23 November 2026 does not count it."
    )
    held = next(p for p in gamma.select("#summary .card p") if "full inspections recorded here, since" in text(p))
    assert text(held).endswith("(at least 6 years, until the council was abolished in March 2024).")


def test_a_duration_under_a_month_is_said_as_such() -> None:
    from tracker.render import duration

    # "0 months", or "at least 0 months" of a grade given this month, said nothing a reader can use.
    assert [duration(n) for n in (0, 1, 12, 27)] == [
        "less than a month",
        "1 month",
        "1 year",
        "2 years and 3 months",
    ]


def test_a_visits_entry_says_its_letter_was_published_as_an_inspections_says_its_report(
    content: Path, tmp_path: Path
) -> None:
    # As the checklist and the timeline call them: a visit is reported in a letter.
    rewrite(content, "alpha", ("    visited: 2017-05\n", "    visited: 2017-05\n    published: 2017-06-20\n"))
    soup = page(site_of(content, tmp_path), "authorities/alpha/index.html")

    def said(entry: str) -> dict[str, str]:
        return {text(d.dt): text(d.dd) for d in soup.select(f"#{entry} dl div")}

    assert said("inspection-mv-2017-05")["Letter published"] == "20 June 2017"
    assert said("inspection-sif-2016")["Report published"] == "24 January 2017"
