"""The analysis page's figures, recomputed by hand from tests/site_fixture.

The fixture's full inspections, with the dates their reports were published:

- alpha: SIF inadequate 2017-01-24; nothing since.
- beta: SIF inadequate 2017-02-01; ILACS good 2023-07-14.
- gamma: SIF requires improvement 2018-03 (month only); ILACS requires improvement 2022-04-01.
- delta: SIF outstanding 2017-06-01; ILACS good 2021-12-01.
- epsilon: SIF inadequate 2015-03-10; SIF requires improvement 2018-01-10; ILACS outstanding 2025-08-12.

By hand, in whole calendar months:
- beta, inadequate to good (and so to at least requires improvement): February 2017 to July 2023 is
  77 months, and the 14th is not before the 1st, so 77.
- epsilon, to requires improvement: March 2015 to January 2018 is 34 months (10th to 10th: 34);
  to good: March 2015 to August 2025 is 125 months (12th after the 10th: 125).
- alpha is still inadequate: January 2017 to November 2026 is 118 months, but the 23rd is
  before the 24th, so 117 (9 years and 9 months); it has not reached either grade.
So, for SIF: 3 inadequate judgements; to requires improvement 34 and 77 (median 55.5, 1 waiting);
to good 77 and 125 (median 101, 1 waiting).
Consecutive pairs: epsilon's SIF to SIF went up (the SIF row); beta up, epsilon up, delta down
(outstanding to good), gamma the same (the ILACS row): 4 pairs, 1 down, 1 same, 2 up; in all,
5 pairs, 1 down (20%).
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from conftest import derive

from tracker import pipeline
from tracker.analysis import Analysis, Spread, analyse, quarter_ends
from tracker.cli import main
from tracker.dates import months_between
from tracker.derive import SiteView
from tracker.model import PartialDate

FIXTURE = Path(__file__).parent / "site_fixture"
AS_OF = dt.date(2026, 11, 23)


def derived(content: Path) -> SiteView:
    """The site derived from content, which must pass its checks."""
    checked = pipeline.check(content, AS_OF)
    assert checked.content is not None, checked.problems
    return derive(checked.content, AS_OF)


def analysed(content: Path) -> Analysis:
    return analyse(derived(content))


def edited(tmp_path: Path, slug: str, *changes: tuple[str, str, int]) -> Path:
    """The fixture's content, one authority's file changed: each (old, new, times) replaces
    old, which must occur that many times, everywhere."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    path = content / "authorities" / f"{slug}.yaml"
    source = path.read_text(encoding="utf-8")
    for old, new, times in changes:
        assert source.count(old) == times, old
        source = source.replace(old, new)
    path.write_text(source, encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def found() -> Analysis:
    return analysed(FIXTURE)


def test_months_are_whole_calendar_months() -> None:
    d = PartialDate.parse
    assert months_between(d("2017-02-01"), d("2023-07-14")) == 77
    assert months_between(d("2017-01-24"), d("2026-11-23")) == 117
    assert months_between(d("2015-03-10"), d("2018-01-10")) == 34
    assert months_between(d("2018-03"), d("2022-04-01")) == 49  # a month-only date counts month to month


def test_recovery_from_inadequate(found) -> None:  # type: ignore[no-untyped-def]
    assert [r.era for r in found.recoveries] == ["SIF inspection"]
    sif = found.recoveries[0]
    assert (sif.first_year, sif.last_year, sif.episodes) == (2015, 2017, 3)
    # The SIF inspections with a grade recorded here, in whatever spell: what the row speaks for.
    assert sif.graded == 6  # alpha, beta and delta one each, epsilon two, gamma one
    assert sif.to_ri == Spread((34, 77))
    assert sif.to_good == Spread((77, 125))
    assert (sif.not_yet_ri, sif.not_yet_good) == (1, 1)
    # Counting those still running too: all three began over four years before the as-of
    # date; epsilon got to requires improvement within them (34 months), beta not (77).
    assert (sif.within_ri, sif.within_good) == ((3, 1), (3, 0))


def test_inadequate_now(found) -> None:  # type: ignore[no-untyped-def]
    assert [(x.authority.slug, str(x.since), x.months) for x in found.inadequate_now] == [("alpha", "2017-01-24", 117)]


def test_how_often_grades_went_down(found) -> None:  # type: ignore[no-untyped-def]
    got = [(c.era, c.pairs, c.down, c.same, c.up, c.could_go_down, c.could_go_up) for c in found.changes]
    assert got == [
        ("SIF inspection", 1, 0, 0, 1, 0, 1),  # from inadequate: it could not go down
        ("ILACS inspection", 4, 1, 1, 2, 3, 3),
        ("All", 5, 1, 1, 3, 3, 4),
    ]
    assert (found.authorities, found.with_history, found.full_inspections) == (5, 4, 10)


def test_within_4_years_is_fewer_than_48_whole_months(tmp_path: Path) -> None:
    # Epsilon judged better 48 whole months and 10 days after its inadequate judgement: past 4
    # years, so not within them (Blackpool's 48 months and 15 days were counted so).
    content = edited(tmp_path, "epsilon", ("published: 2018-01-10", "published: 2019-03-20", 2))
    sif = analysed(content).recoveries[0]
    assert 48 in sif.to_ri.values  # type: ignore[union-attr]
    assert sif.within_ri == (3, 0)


def test_a_quarter_counts_the_newer_of_two_inspections_known_the_same_day(tmp_path: Path) -> None:
    # Epsilon's 2017 re-inspection (requires improvement) published the day its 2015
    # inspection (inadequate) was: the quarter counts the later inspection's grade, as the
    # overview's latest grade does, not the earlier one's.
    content = edited(
        tmp_path,
        "epsilon",
        ("visited: {from: 2015-01-12, to: 2015-02-05}", "visited: {from: 2014-01-13, to: 2014-02-06}", 1),
        ("visited: {from: 2017-11-06, to: 2017-11-24}", "visited: {from: 2015-01-12, to: 2015-02-05}", 1),
        ("published: 2018-01-10", "published: 2015-03-10", 2),
    )
    view = derived(content)
    epsilon_view = next(a for a in view.authorities if a.slug == "epsilon")
    assert [str(v.judged) for v in epsilon_view.full][-2:] == ["2015-03-10", "2015-03-10"]
    found = analyse(view)
    march = next(q for q in found.quarters if q.end == dt.date(2015, 3, 31))
    keys = [key for key, _ in found.categories]
    counted = dict(zip(keys, march.counts, strict=True))
    # Alpha and beta have nothing recorded yet; epsilon counts as requires improvement.
    assert (counted["p2"], counted["p3"]) == (1, 0)


def test_quarters_run_from_2014_to_the_as_of_date() -> None:
    ends = quarter_ends(dt.date(2014, 3, 31), dt.date(2026, 11, 23))
    assert ends[0] == dt.date(2014, 3, 31) and ends[-1] == dt.date(2026, 9, 30) and len(ends) == 51
    assert ends[1:4] == [dt.date(2014, 6, 30), dt.date(2014, 9, 30), dt.date(2014, 12, 31)]


def test_the_analysis_page_shows_the_figures_and_its_method(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out), "--as-of", "2026-11-23"])
    assert result.exit_code == 0, result.output
    soup = BeautifulSoup((out / "analysis/index.html").read_text(encoding="utf-8"), "html.parser")
    recovery = soup.select_one("#recovery-caption").find_parent("table")
    cells = [td.get_text(" ", strip=True) for td in recovery.select("tbody td")]
    # How many of its framework's inspections the site records, lest a row of a few read as national.
    assert [th.get_text(" ", strip=True) for th in recovery.select("tbody th")] == [
        "SIF (single inspection framework) inspection judged inadequate from 2015 to 2017; of its inspections, 6 "
        "graded are recorded here"
    ]
    assert recovery.find_previous("p").find("a", href="../frameworks/#chronology") is not None
    assert cells == [
        "3",
        "34 and 77 months, for the 2 that got there; 1 still waiting",
        "77 and 125 months, for the 2 that got there; 1 not yet judged good",
    ]
    within = soup.select_one("#within-caption").find_parent("table")
    assert [th.get_text(" ", strip=True) for th in within.select("thead th")][1] == "Spells begun 4 or more years ago"
    assert [c.get_text(" ", strip=True).replace("\xa0", " ") for c in within.select("tbody tr > *")] == [
        "SIF inspection",  # spelt out once, in the table above
        "3",
        "1 of 3",
        "0 of 3",
    ]
    now = soup.select_one("#inadequate-caption").find_parent("table")
    assert [td.get_text(" ", strip=True) for td in now.select("tbody :is(th, td)")] == [
        "Alpha Council",
        "24 January 2017",
        "9 years and 9 months",
    ]
    changes = soup.select_one("#changes-caption").find_parent("table")
    # A figure is kept on one line: "2 of 5", its spaces no-break ones.
    last = [td.get_text(" ", strip=True).replace("\xa0", " ") for td in changes.select("tbody tr")[-1].select("td")]
    assert "2\xa0of\xa05" in changes.get_text()
    # Down out of the pairs that could go down, up out of those that could go up.
    # A share of a few pairs is a count alone: "0 of 2 (0%)" read as a finding.
    # How many pairs start from inadequate, which can only stay or go up, is given beside them.
    assert last == ["5", "2 of 5", "1 of 3", "1 of 5", "3 of 4"]
    first = [td.get_text(" ", strip=True).replace("\xa0", " ") for td in changes.select("tbody tr")[0].select("td")]
    assert first == ["1", "1 of 1", "None could", "0 of 1", "1 of 1"]
    assert soup.select_one("#method") is not None
    # Why a median to good can be shorter is linked to the point that says it.
    assert soup.select_one("#method-groups").get_text().startswith("Each median is over the authorities")
    assert soup.select_one("section[aria-labelledby=recovery] a[href='#method-groups']") is not None
    # Why the 2012-13 inspections of part of a service are left out, linked by what it says.
    assert [a.get_text() for a in soup.select("a[href='#method-part']")] == [
        "not the 2012–13 ones of part of it",
        "why they are left out",
    ]
    assert soup.select_one("#method-part").get_text().startswith("The 2012–13 inspections judged child protection")
    assert soup.select_one("header nav a[aria-current=page]").get_text(strip=True) == "Analysis"
    # The national picture over time is the overview's chart: a reader looking here for it is sent there.
    picture = soup.select_one(".lead a")
    assert (picture["href"], picture.get_text(strip=True)) == ("../#change", "how the national picture changed")
    overview = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert overview.select_one("#change") is not None


def test_five_spells_or_more_are_given_as_a_median_and_range(tmp_path: Path) -> None:
    # Three more councils judged inadequate by SIF and requires improvement at the next: with
    # epsilon's 34 and beta's 77, five months to requires improvement, 12, 24, 34, 48 and 77.
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    for n, (inadequate, better) in enumerate(
        (("2016-01-01", "2017-01-01"), ("2015-06-01", "2017-06-01"), ("2014-09-01", "2018-09-01"))
    ):
        (content / "authorities" / f"zeta{n}.yaml").write_text(
            f"name: Zeta {n} Council\ncodes: {{gss: E0600099{n}, dfe: 99{n}, ofsted: 8099{n}}}\nregion: North East\n"
            f"sources:\n  - {{id: sif, title: Zeta SIF reports, publisher: Ofsted, url: https://example.org/zeta{n}}}\n"
            "inspections:\n"
            f"  - {{id: sif-1, type: sif, visited: {inadequate[:7]}, published: {inadequate}, "
            "judgements: {overall: inadequate}, sources: [sif]}\n"
            f"  - {{id: sif-2, type: sif, visited: {better[:7]}, published: {better}, "
            "judgements: {overall: requires-improvement}, sources: [sif]}\n",
            encoding="utf-8",
        )
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out), "--as-of", "2026-11-23"])
    assert result.exit_code == 0, result.output
    soup = BeautifulSoup((out / "analysis/index.html").read_text(encoding="utf-8"), "html.parser")
    recovery = soup.select_one("#recovery-caption").find_parent("table")
    assert [td.get_text(" ", strip=True) for td in recovery.select("tbody td")] == [
        "6",
        "Median 34 months, range 12 to 77, for the 5 that got there; 1 still waiting",
        "77 and 125 months, for the 2 that got there; 4 not yet judged good",
    ]


def _with_a_type_without_an_overall_grade(tmp_path: Path) -> Path:
    """The fixture's content, with a type of inspection that grades two judgements and none overall."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    frameworks = content / "frameworks.yaml"
    frameworks.write_text(
        frameworks.read_text(encoding="utf-8")
        + "  ilacs-2026:\n"
        + "    name: ILACS without an overall grade\n"
        + "    short_name: ILACS inspection (from April 2026)\n"
        + "    scale: four-point-2013\n"
        + "    headline: [help-and-protection, in-care]\n"
        + "    judgements:\n"
        + "      help-and-protection: Children who need help and protection\n"
        + "      in-care: Children in care\n",
        encoding="utf-8",
    )
    return content


def test_an_inspection_without_an_overall_grade_since_counts_for_a_recovery_by_its_lowest_grade(
    tmp_path: Path,
) -> None:
    # Alpha, inadequate since 2017, is inspected again by a type with no single headline
    # grade (as ILACS from April 2026), judging nothing below requires improvement: it has
    # got there, as the map draws it, and is no longer waiting for it; it has not got to
    # good. Read as no grade, no recovery since April 2026 could ever be counted. It is not
    # "inadequate now", and the page says why it is not listed there.
    content = _with_a_type_without_an_overall_grade(tmp_path)
    alpha = content / "authorities" / "alpha.yaml"
    alpha.write_text(
        alpha.read_text(encoding="utf-8").replace(
            "inspections:\n",
            "inspections:\n"
            "  - id: ilacs-2026\n"
            "    type: ilacs-2026\n"
            "    visited: 2026-06\n"
            "    judgements: {help-and-protection: good, in-care: requires-improvement}\n"
            "    sources: [report]\n",
            1,
        ),
        encoding="utf-8",
    )
    found = analysed(content)
    sif = found.recoveries[0]
    assert (sif.not_yet_ri, sif.not_yet_good) == (0, 1)
    assert sif.to_ri == Spread((34, 77, 113))  # January 2017 to June 2026, month to month
    assert sif.to_good == Spread((77, 125))
    assert found.inadequate_now == ()
    assert [a.slug for a in found.regraded_without_grade] == ["alpha"]

    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out), "--as-of", "2026-11-23"])
    assert result.exit_code == 0, result.output
    soup = BeautifulSoup((out / "analysis/index.html").read_text(encoding="utf-8"), "html.parser")
    recovery = soup.select_one("#recovery-caption").find_parent("table")
    assert [td.get_text(" ", strip=True) for td in recovery.select("tbody td")][1:] == [
        "34, 77 and 113 months, for the 3 that got there",
        "77 and 125 months, for the 2 that got there; 1 not yet judged good",
    ]
    # The method says how such an inspection is read, and why; recoveries.csv says which were read so.
    assert soup.select_one("#method-lowest").get_text().startswith("With one exception: for the time from inadequate")
    with (out / "data/recoveries.csv").open(encoding="utf-8", newline="") as f:
        read = {r["authority"]: (r["requires_improvement_read"], r["good_read"], r["as_of"]) for r in csv.DictReader(f)}
    assert read == {
        "alpha": ("lowest", "", "2026-11-23"),
        "beta": ("overall", "overall", "2026-11-23"),
        "epsilon": ("overall", "overall", "2026-11-23"),
    }
    said = soup.select_one("#inadequate-now").find_parent("section").find_all("p")
    assert [" ".join(p.get_text().split()) for p in said] == [
        "No authority's latest full inspection on this site judged it inadequate.",
        "Not listed: Alpha Council (now children who need help and protection good, children in care requires "
        "improvement to be good), "
        "judged inadequate at its last inspection with an overall grade and inspected again since by a kind of "
        "inspection that gives none: ILACS (inspecting local authority children's services) inspection "
        "(from April 2026).",
    ]


def test_an_inadequate_judgement_without_an_overall_grade_ends_a_recovery_and_begins_a_spell(tmp_path: Path) -> None:
    # Epsilon: inadequate in 2015, requires improvement in 2018, then (in place of its 2025
    # inspection) one with no overall grade that judges children in care inadequate, as
    # Trafford's of 2026: the first spell was judged inadequate again before good, and the new
    # judgement, read as that one was, begins a spell of its own, still waiting. Begun only at
    # an overall grade, it was in no count (a domain expert's review), though "inadequate now"
    # lists only those.
    content = _with_a_type_without_an_overall_grade(tmp_path)
    epsilon = content / "authorities" / "epsilon.yaml"
    source = epsilon.read_text(encoding="utf-8")
    graded = "    type: ilacs\n    visited: {from: 2025-06-23, to: 2025-07-04}\n"
    assert source.count(graded) == 1 and source.count("judgements: {overall: outstanding}") == 1
    epsilon.write_text(
        source.replace(graded, graded.replace("type: ilacs", "type: ilacs-2026")).replace(
            "judgements: {overall: outstanding}", "judgements: {help-and-protection: good, in-care: inadequate}"
        ),
        encoding="utf-8",
    )
    found = analysed(content)
    assert [r.era for r in found.recoveries] == ["SIF inspection", "ILACS"]
    sif, ilacs = found.recoveries
    assert (sif.episodes, sif.to_ri, sif.to_good, sif.relapsed) == (3, Spread((34, 77)), Spread((77,)), 1)
    assert (ilacs.episodes, ilacs.not_yet_ri, ilacs.not_yet_good) == (1, 1, 1)
    assert [a.authority.slug for a in found.inadequate_now] == ["alpha"]

    # recoveries.csv says how the inspection that began each spell was read.
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out), "--as-of", "2026-11-23"])
    assert result.exit_code == 0, result.output
    with (out / "data/recoveries.csv").open(encoding="utf-8", newline="") as f:
        began = [(r["authority"], r["inspection"], r["read"], r["not_reached"]) for r in csv.DictReader(f)]
    assert [row for row in began if row[0] == "epsilon"] == [
        ("epsilon", "sif-2015", "overall", "relapsed"),
        ("epsilon", "ilacs-2025", "lowest", "waiting"),
    ]


def test_an_inspection_of_part_of_the_service_begins_no_spell_and_makes_no_pair(tmp_path: Path) -> None:
    # Epsilon, judged inadequate by a 2013 inspection of looked after children alone, then by
    # the SIF in 2015: read as the whole service's, the first began a spell that took in the
    # SIF's, counted under the earlier programme (Norfolk, Sandwell).
    content = edited(
        tmp_path,
        "epsilon",
        (
            "inspections:\n",
            "inspections:\n"
            "  - id: lac-2013\n"
            "    type: lac-2012\n"
            "    visited: 2013-05\n"
            "    judgements: {overall: inadequate}\n"
            "    sources: [r2015]\n",
            1,
        ),
    )
    frameworks = content / "frameworks.yaml"
    frameworks.write_text(
        frameworks.read_text(encoding="utf-8")
        + "  lac-2012:\n"
        + "    name: Inspection of looked after children services\n"
        + "    scale: four-point-2013\n"
        + "    headline: [overall]\n"
        + "    whole_service: false\n"
        + "    judgements:\n"
        + "      overall: Overall effectiveness\n",
        encoding="utf-8",
    )
    found, before = analysed(content), analysed(FIXTURE)
    # The spell begins at the SIF's judgement, as without it; nor is it one of a pair of grades.
    assert [r.era for r in found.recoveries] == ["SIF inspection"]
    assert (found.recoveries, found.changes) == (before.recoveries, before.changes)


def test_a_council_abolished_while_inadequate_is_not_still_waiting(tmp_path: Path) -> None:
    # Alpha, inadequate since 2017 with nothing since, abolished in 2020: no inspection can
    # follow, so its spell is neither "still waiting" nor in the medians, but counted apart.
    content = edited(tmp_path, "alpha", ("region: North East\n", "region: North East\nabolished: 2020-03-31\n", 1))
    sif = analysed(content).recoveries[0]
    assert (sif.not_yet_ri, sif.abolished_ri) == (0, 1)
    assert (sif.not_yet_good, sif.abolished_good) == (0, 1)
    # Abolished 38 months into its spell, it is left out of those counted over four years:
    # whether it would have got there within them is not known.
    assert (sif.within_ri, sif.within_good) == ((2, 1), (2, 0))
    assert sif.to_ri == Spread((34, 77))  # the medians are unchanged

    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out), "--as-of", "2026-11-23"])
    assert result.exit_code == 0, result.output
    soup = BeautifulSoup((out / "analysis/index.html").read_text(encoding="utf-8"), "html.parser")
    recovery = soup.select_one("#recovery-caption").find_parent("table")
    assert [td.get_text(" ", strip=True) for td in recovery.select("tbody td")][1:] == [
        "34 and 77 months, for the 2 that got there; 1 abolished before it got there",
        "77 and 125 months, for the 2 that got there; 1 abolished before it got there",
    ]


def test_a_spell_judged_inadequate_again_before_good_reaches_good_no_later(tmp_path: Path) -> None:
    # Epsilon: inadequate in 2015, requires improvement in 2018, inadequate again in 2021 (a
    # spell of its own), outstanding in 2025. The first spell did not get to good: counted
    # across the second, its months to good were the second's too (Medway's 2013 spell: 120).
    again = (
        "  - {id: r2021, title: Epsilon ILACS report 2021, publisher: Ofsted, url: https://example.org/epsilon/2021, "
        "published: 2021-09-01}\n"
    )
    inspection = (
        "  - id: ilacs-2021\n    type: ilacs\n    visited: {from: 2021-06-07, to: 2021-06-18}\n"
        "    published: 2021-09-01\n    judgements: {overall: inadequate}\n    sources: [r2021]\n"
    )
    content = edited(
        tmp_path,
        "epsilon",
        ("  - {id: letter,", again + "  - {id: letter,", 1),
        ("  - id: fv-2023\n", inspection + "  - id: fv-2023\n", 1),
    )
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out), "--as-of", "2026-11-23"])
    assert result.exit_code == 0, result.output
    sif, ilacs = analysed(content).recoveries
    assert (sif.to_good, sif.relapsed, sif.not_yet_good) == (Spread((77,)), 1, 1)
    assert (ilacs.episodes, ilacs.to_ri, ilacs.to_good, ilacs.relapsed) == (1, Spread((47,)), Spread((47,)), 0)
    soup = BeautifulSoup((out / "analysis/index.html").read_text(encoding="utf-8"), "html.parser")
    recovery = soup.select_one("#recovery-caption").find_parent("table")
    first = [td.get_text(" ", strip=True) for td in recovery.select("tbody tr")[0].select("td")]
    assert first[2] == (
        "77 months, for the one that got there; 1 not yet judged good; 1 judged inadequate again before good"
    )
    with (out / "data/recoveries.csv").open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["authority"] == "epsilon"]
    assert [
        (r["inspection"], r["requires_improvement_inspection"], r["good_inspection"], r["not_reached"]) for r in rows
    ] == [
        ("sif-2015", "sif-2017", "", "relapsed"),
        ("ilacs-2021", "ilacs-2025", "ilacs-2025", ""),
    ]


def test_a_framework_whose_spells_all_ended_in_abolition_says_none_got_there_without_yet(tmp_path: Path) -> None:
    # Gamma judged inadequate by its 2022 ILACS inspection, and abolished in 2024: no inspection
    # can follow, so none of that framework's spells "has got there yet".
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    gamma = content / "authorities" / "gamma.yaml"
    lines = gamma.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[19] == "    judgements: {overall: requires-improvement}\n" and lines[4] == "region: North East\n"
    lines[19] = "    judgements: {overall: inadequate}\n"
    lines[4] += "abolished: 2024-03-31\n"
    gamma.write_text("".join(lines), encoding="utf-8")
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out), "--as-of", "2026-11-23"])
    assert result.exit_code == 0, result.output
    soup = BeautifulSoup((out / "analysis/index.html").read_text(encoding="utf-8"), "html.parser")
    recovery = soup.select_one("#recovery-caption").find_parent("table")
    ilacs = next(tr for tr in recovery.select("tbody tr") if tr.th.get_text(" ", strip=True).startswith("ILACS"))
    assert [td.get_text(" ", strip=True) for td in ilacs.select("td")] == [
        "1",
        "None has got there; 1 abolished before it got there",
        "None has got there; 1 abolished before it got there",
    ]


def test_the_quarterly_picture_says_whom_it_counts(tmp_path: Path) -> None:
    # A council formed by a merger would otherwise count as uninspected before it existed,
    # and the councils it replaced not at all, without a word.
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)

    def said() -> tuple[str, str]:
        out = tmp_path / "site"
        result = CliRunner().invoke(
            main, ["build", "--content", str(content), "--out", str(out), "--as-of", "2026-11-23", "--no-cache"]
        )
        assert result.exit_code == 0, result.output
        overview = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
        analysis = BeautifulSoup((out / "analysis/index.html").read_text(encoding="utf-8"), "html.parser")
        intro = overview.select_one("#change").find_parent("section").p.get_text(" ", strip=True)
        method = next(li for li in analysis.select("section li") if "quarterly chart" in li.get_text())
        return intro, " ".join(method.get_text(" ", strip=True).split())

    intro, method = said()
    assert intro.endswith(
        "No page here records when its authority was created or abolished, so every quarter counts today's "
        "authorities: one formed by a merger or a split counts as “No inspection recorded yet” until its first "
        "inspection, even before it existed. Councils with no page here, such as those a merger or a split "
        "replaced, are not counted, so quarters before a reorganisation are short of their grades."
    )
    assert method.endswith(
        "counts today's authorities in every quarter, since no page records when an authority was created or "
        "abolished, and leaves out councils with no page here, such as those a merger or a split replaced."
    )
    delta = content / "authorities" / "delta.yaml"
    delta.write_text(
        delta.read_text(encoding="utf-8").replace("region: North East", "region: North East\ncreated: 2009-04-01")
    )
    intro, method = said()
    assert intro.endswith(
        "Each authority is counted from its creation to its abolition where its page records them (1 of them does); "
        "the others are counted in every quarter, and one formed by a merger or a split counts as “No inspection "
        "recorded yet” until its first inspection. Councils with no page here, such as those a merger or a split "
        "replaced, are not counted, so quarters before a reorganisation are short of their grades."
    )
    assert method.endswith(
        "counts each authority from its creation to its abolition, where the site records them, and leaves out "
        "councils with no page here, such as those a merger or a split replaced."
    )


@pytest.mark.parametrize(
    ("most", "marks"),
    [
        (5, ["0", "1", "2", "3", "4", "5"]),
        (153, ["0", "50", "100", "150"]),
        (40, ["0", "10", "20", "30", "40"]),
        (23, ["0", "10", "20", "30"]),
    ],
)
def test_the_quarterly_charts_scale_is_marked_at_round_numbers_whatever_the_sites_size(
    most: int, marks: list[str]
) -> None:
    # A site of a few authorities had a scale marked only at 0: its bars could not be read.
    from bs4 import BeautifulSoup

    from tracker.analysis import Quarter
    from tracker.charts import stacked_quarters

    quarters = [Quarter(dt.date(2025, 3, 31), (1, 2, 0, 0, 0, most - 3))]
    svg = BeautifulSoup(str(stacked_quarters(quarters, [("good", "Good")] * 6, "t", "d")), "html.parser")
    left = [t.get_text() for t in svg.select("text.axis[text-anchor=end]")]
    assert left == marks
    # The tallest column reaches the top of the scale where the scale is the count itself.
    if most <= 10:
        tops = [float(r["y"]) for r in svg.select("rect")]
        assert min(tops) == 8.0  # the plot's top


def test_an_inspections_own_grades_are_tallied_best_first_or_all_alike() -> None:
    from tracker.charts import judgement_tally
    from tracker.derive import Judgement

    def judged(*grades: tuple[str, int]) -> list[Judgement]:
        return [Judgement(f"j{k}", "J", "J", label, label, True, place) for k, (label, place) in enumerate(grades)]

    assert judgement_tally(judged(("Inadequate", 3), ("Good", 1), ("Inadequate", 3))) == (
        "its 3 judgements: 1 good and 2 inadequate"
    )
    assert judgement_tally(judged(("Good", 1), ("Good", 1), ("Good", 1), ("Good", 1))) == "all 4 good"
