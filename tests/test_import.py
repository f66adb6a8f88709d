"""`build.py import ilacs-overview`: data-to-insight's ILACS overview into content/.

The real snapshot (tests/import_data, 29 June 2026) is imported into a copy of the
content with the three hand-written authorities; quirks that the real data lacks are
tested with small workbooks written here with openpyxl.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import io
import re
from collections import Counter
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from click.testing import CliRunner, Result
from conftest import CONTENT_AS_OF, SEED_CONTENT, SEEDS, copy_seed_content

from tracker import pipeline
from tracker.cli import main
from tracker.importer.rules import parse_date
from tracker.importer.sources import RowError

DATA = Path(__file__).parent / "import_data"
XLSX = DATA / "ofsted_csc_ilacs_overview.xlsx"
LOOKUP = DATA / "Provider_data_lookup.csv"
AS_OF = CONTENT_AS_OF
ENV = {"SOURCE_DATE_EPOCH": str(calendar.timegm(AS_OF.timetuple()))}
HEADER = [
    "urn",
    "la_code",
    "region_code",
    "ltla23cd",
    "stat_neighbours",
    "stat_neighbour_judgement",
    "local_authority",
    "inspection_link",
    "overall_effectiveness_grade",
    "inspection_framework",
    "inspector_name",
    "inspection_start_date",
    "inspection_end_date",
    "publication_date",
    "local_link_to_all_inspections",
    "impact_of_leaders_grade",
    "help_and_protection_grade",
    "in_care_grade",
    "care_leavers_grade",
    "inspectors_inspections_count",
]
FAMILY = ("ilacs", "ilacs-short", "ilacs-2026", "ilacs-2026-short", "ilacs-unspecified")


# Helpers ---------------------------------------------------------------------------------

seeded = copy_seed_content


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return seeded(tmp_path / "content")


def run(content: Path, xlsx: Path = XLSX, *extra: str, lookup: Path | None = LOOKUP) -> Result:
    args = ["import", "ilacs-overview", str(xlsx), "--content", str(content), *extra]
    if lookup is not None:
        args += ["--lookup", str(lookup)]
    return CliRunner().invoke(main, args, env=ENV, catch_exceptions=False)


def tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def load(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def authority(content: Path, slug: str) -> dict[str, Any]:
    return load(content / "authorities" / f"{slug}.yaml")


def latest_ilacs(data: dict[str, Any]) -> dict[str, Any]:
    found = [i for i in data.get("inspections", []) if i["type"] in FAMILY]

    def when(i: dict[str, Any]) -> str:
        visited = i.get("visited")
        return str(visited["from"] if isinstance(visited, dict) else visited or i.get("published"))

    return max(found, key=when)


def workbook(path: Path, *rows: dict[str, Any]) -> Path:
    """An overview workbook in the real layout; each row gives only what differs."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        base = {
            "urn": "80584",
            "la_code": "885",
            "region_code": "WM",
            "ltla23cd": "E10000034",
            "local_authority": "worcestershire",
            "inspection_link": "https://files.ofsted.gov.uk/v1/file/1",
            "overall_effectiveness_grade": "good",
            "inspection_framework": "standard",
            "inspection_start_date": "12/01/2026",
            "inspection_end_date": "23/01/2026",
            "publication_date": "10/03/26",
            "local_link_to_all_inspections": '=HYPERLINK(".\\x", ".\\x")',
            "impact_of_leaders_grade": "good",
            "help_and_protection_grade": "good",
            "in_care_grade": "good",
            "care_leavers_grade": "good",
            "inspectors_inspections_count": "1",
        }
        base.update(row)
        sheet.append([base.get(column) for column in HEADER])
    book.save(path)
    return path


def is_subsequence(small: list[str], big: list[str]) -> bool:
    remaining = iter(big)
    return all(line in remaining for line in small)


# The real snapshot -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    """The real snapshot imported once; the tests using it only read (or re-run to no effect)."""
    content = seeded(tmp_path_factory.mktemp("imported") / "content")
    result = run(content)
    assert result.exit_code == 0, result.output
    return content, result


def test_every_english_authority_is_imported_and_the_result_passes_check(imported: tuple[Path, Result]) -> None:
    content, result = imported
    assert "153 rows: 150 created, 0 added, 3 skipped, 0 disagreements, 0 errors." in result.output
    files = sorted((content / "authorities").glob("*.yaml"))
    assert len(files) == 153
    checked = pipeline.check(content, AS_OF)
    assert checked.errors == [] and checked.content is not None
    assert len(checked.content.authorities) == 153
    cli = CliRunner().invoke(main, ["check", "--content", str(content), "--as-of", str(AS_OF)])
    assert cli.exit_code == 0, cli.output
    for path in files:
        assert (
            path.read_text(encoding="utf-8").splitlines()[0]
            == "# yaml-language-server: $schema=../../schema/authority.schema.json"
        )


def test_grade_counts_equal_the_spreadsheets_own(imported: tuple[Path, Result]) -> None:
    """Counted from the workbook here, independently of the importer's mapping."""
    content, _ = imported
    book = openpyxl.load_workbook(XLSX, read_only=True)
    lines = book.worksheets[0].iter_rows(values_only=True)
    header = next(lines)
    rows = [dict(zip(header, line, strict=False)) for line in lines]
    book.close()
    assert len(rows) == 153

    def key(word: Any) -> str | None:
        word = str(word).strip().lower()
        return None if word in ("nan", "none", "", "inspection_pre_dates_judgement") else word.replace(" ", "-")

    def predates_2023(row: dict[str, Any]) -> bool:
        # data-to-insight blanks care leavers before 1 January 2023 by the visit's start; a
        # row without one (Nottingham) is dated by its publication, dd/mm/yy.
        start = row["inspection_start_date"] or row["publication_date"]
        return int(start.split("/")[2][-2:]) < 23

    expected = {
        "overall": Counter(key(r["overall_effectiveness_grade"]) for r in rows),
        "leadership": Counter(key(r["impact_of_leaders_grade"]) for r in rows),
        "help-and-protection": Counter(key(r["help_and_protection_grade"]) for r in rows),
        "in-care (either)": Counter(key(r["in_care_grade"]) for r in rows),
        "care-leavers": Counter(key(r["care_leavers_grade"]) for r in rows if not predates_2023(r)),
    }
    latest = [latest_ilacs(load(path)) for path in sorted((content / "authorities").glob("*.yaml"))]

    def found(*keys: str) -> Counter[str | None]:
        return Counter(next((i["judgements"][k] for k in keys if k in i.get("judgements", {})), None) for i in latest)

    got = {
        "overall": found("overall"),
        "leadership": found("leadership"),
        "help-and-protection": found("help-and-protection"),
        "in-care (either)": found("in-care", "in-care-and-leavers"),
        "care-leavers": found("care-leavers") - Counter({None: 10**6}),
    }
    expected["care-leavers"].pop(None, None)
    assert got == expected
    assert expected["overall"] == {"good": 63, "outstanding": 46, "requires-improvement": 29, "inadequate": 13, None: 2}
    # The framework column, likewise: short and standard, two missing; the two rows
    # without an overall grade are the post-reform types, short or standard as the column says.
    types = Counter(i["type"] for i in latest)
    frameworks = Counter(
        ("reform " if key(r["overall_effectiveness_grade"]) is None else "") + str(r["inspection_framework"])
        for r in rows
    )
    assert frameworks["reform short"] == 2
    assert types == {
        "ilacs-short": frameworks["short"],
        "ilacs": frameworks["standard"],
        "ilacs-unspecified": frameworks["None"],
        "ilacs-2026-short": frameworks["reform short"],
    }


def test_hand_written_authorities_keep_every_fact(imported: tuple[Path, Result]) -> None:
    content, result = imported
    for slug in SEEDS:
        assert (content / "authorities" / f"{slug}.yaml").read_bytes() == (
            SEED_CONTENT / "authorities" / f"{slug}.yaml"
        ).read_bytes()
    assert re.search(r"^skipped +authorities/worcestershire\.yaml: .*`ilacs-2023`", result.output, re.M)
    assert re.search(r"^skipped +authorities/warwickshire\.yaml: .*`ilacs-short-2025`", result.output, re.M)
    assert re.search(r"^skipped +authorities/shropshire\.yaml: .*`ilacs-2025`", result.output, re.M)


def test_a_second_run_changes_no_byte(imported: tuple[Path, Result]) -> None:
    content, _ = imported
    before = tree(content)
    again = run(content)
    assert again.exit_code == 0, again.output
    assert "153 rows: 0 created, 0 added, 153 skipped, 0 disagreements, 0 errors." in again.output
    assert "Nothing to change." in again.output
    assert tree(content) == before


def test_dry_run_reports_the_same_and_writes_nothing(content: Path, tmp_path: Path) -> None:
    before = tree(content)
    dry = run(content, XLSX, "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert tree(content) == before
    real = run(content)
    assert dry.output.splitlines()[:-1] == real.output.splitlines()[:-1]
    assert dry.output.splitlines()[-1] == "Dry run: nothing was written."


def test_created_files_round_trip_through_ruamel_unchanged(imported: tuple[Path, Result]) -> None:
    from ruamel.yaml import YAML

    content, _ = imported
    y = YAML()
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096
    y.preserve_quotes = True
    for path in sorted((content / "authorities").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        out = io.StringIO()
        y.dump(y.load(text), out)
        assert out.getvalue() == text, path.name


def test_a_created_file(imported: tuple[Path, Result]) -> None:
    content, _ = imported
    assert (
        (content / "authorities" / "barnsley.yaml").read_text(encoding="utf-8").split("\n\n", 1)[1]
        == """\
name: Barnsley
codes: {gss: E08000016, dfe: 370, ofsted: 80426}
region: Yorkshire and the Humber

sources:
  - id: ilacs-2023-report
    title: >-
      Barnsley: inspection of local authority children's services (ILACS short
      inspection), inspection 11 to 15 September 2023, report
      published 27 October 2023
    publisher: Ofsted
    url: https://files.ofsted.gov.uk/v1/file/50231520
    published: 2023-10-27
    via: >-
      data-to-insight ofsted-ilacs-scrape-tool ILACS overview
      (snapshot 29 June 2026)

inspections:

  - id: ilacs-2023
    type: ilacs-short
    visited: {from: 2023-09-11, to: 2023-09-15}
    published: 2023-10-27
    judgements:
      overall: good
      leadership: good
      help-and-protection: requires-improvement
      in-care: good
      care-leavers: good
    sources: [ilacs-2023-report]
"""
    )


# Quirks of the data as published ---------------------------------------------------------


def test_both_date_formats() -> None:
    assert parse_date("11/09/2023", "inspection_start_date") == dt.date(2023, 9, 11)
    assert parse_date("27/10/23", "publication_date") == dt.date(2023, 10, 27)
    assert parse_date("nan", "publication_date") is None
    with pytest.raises(RowError, match="dd/mm/yyyy or dd/mm/yy"):
        parse_date("31/02/2023", "inspection_start_date")


def test_post_reform_rows_have_no_overall_grade(imported: tuple[Path, Result]) -> None:
    content, _ = imported
    for slug in ("brent", "somerset"):
        inspection = latest_ilacs(authority(content, slug))
        # Short, as the data's framework says (a one-week visit): the reform keeps the two kinds.
        assert inspection["type"] == "ilacs-2026-short"
        assert "overall" not in inspection["judgements"]
        assert set(inspection["judgements"]) == {"leadership", "help-and-protection", "in-care", "care-leavers"}
    assert authority(content, "somerset")["codes"]["gss"] == "E06000066"


def test_inspection_pre_dates_judgement_and_the_2023_split(imported: tuple[Path, Result]) -> None:
    content, result = imported
    blackpool = latest_ilacs(authority(content, "blackpool"))  # visited 5 to 16 December 2022
    assert blackpool["judgements"] == {
        "overall": "requires-improvement",
        "leadership": "requires-improvement",
        "help-and-protection": "requires-improvement",
        "in-care-and-leavers": "good",
    }
    birmingham = latest_ilacs(authority(content, "birmingham"))  # visited February 2023
    assert {"in-care", "care-leavers"} <= set(birmingham["judgements"])
    # Nottingham has no visit dates; its report (September 2022) predates the split, and
    # the care leavers column repeats the overall grade, so it is left out and said so.
    nottingham = latest_ilacs(authority(content, "nottingham"))
    assert nottingham["judgements"] == {
        "overall": "inadequate",
        "leadership": "requires-improvement",
        "help-and-protection": "inadequate",
        "in-care-and-leavers": "requires-improvement",
    }
    assert "care leavers" in nottingham["notes"][0]["text"]
    assert "`care_leavers_grade` gives `inadequate`" in result.output


def test_missing_framework_without_dates_is_recorded_as_unspecified(imported: tuple[Path, Result]) -> None:
    content, result = imported
    brighton = latest_ilacs(authority(content, "brighton-and-hove"))
    assert brighton["type"] == "ilacs-unspecified"
    assert "visited" not in brighton and str(brighton["published"]) == "2024-05-16"
    assert brighton["judgements"]["overall"] == "outstanding"
    assert result.output.count("no framework and no visit dates in the data") == 2


def test_missing_framework_is_decided_from_the_visit_length(content: Path, tmp_path: Path) -> None:
    xlsx = workbook(
        tmp_path / "x.xlsx",
        {
            "urn": "80426",
            "la_code": "370",
            "local_authority": "barnsley",
            "inspection_framework": "None",
            "inspection_start_date": "12/01/2026",
            "inspection_end_date": "16/01/2026",
        },
        {
            "urn": "80427",
            "la_code": "800",
            "local_authority": "bath and north east somerset",
            "inspection_framework": None,
            "inspection_start_date": "12/01/2026",
            "inspection_end_date": "23/01/2026",
        },
        {
            "urn": "80428",
            "la_code": "822",
            "local_authority": "bedford",
            "inspection_framework": "nan",
            "inspection_start_date": "05/01/2026",
            "inspection_end_date": "30/01/2026",
        },
    )
    result = run(content, xlsx)
    assert result.exit_code == 0, result.output
    short = latest_ilacs(authority(content, "barnsley"))
    assert short["type"] == "ilacs-short"
    assert "recorded as short because the visit lasted 5 days" in short["notes"][0]["text"]
    assert latest_ilacs(authority(content, "bath-and-north-east-somerset"))["type"] == "ilacs"
    assert latest_ilacs(authority(content, "bedford-borough"))["type"] == "ilacs-unspecified"
    assert pipeline.check(content, AS_OF).errors == []


def test_names_that_differ_between_files(imported: tuple[Path, Result]) -> None:
    content, _ = imported
    assert authority(content, "bournemouth-christchurch-and-poole")["name"] == "Bournemouth, Christchurch and Poole"
    assert authority(content, "st-helens")["name"] == "St. Helens"
    assert authority(content, "kingston-upon-hull")["name"] == "City of Kingston upon Hull"
    assert authority(content, "bristol")["name"] == "City of Bristol"
    assert authority(content, "city-of-london")["codes"] == {"gss": "E09000001", "dfe": 201, "ofsted": 80450}
    assert authority(content, "medway")["region"] == "South East"  # region_code is nan in the overview


def test_rows_match_the_lookup_by_name_only_when_codes_fail(content: Path, tmp_path: Path) -> None:
    xlsx = workbook(
        tmp_path / "x.xlsx",
        {"urn": "", "la_code": None, "local_authority": "bournemouth, christchurch & poole"},
        {"urn": "nan", "la_code": "", "local_authority": "St. Helens"},
        {"urn": None, "la_code": None, "local_authority": "Kingston Upon Hull, City of"},
    )
    result = run(content, xlsx)
    assert result.exit_code == 0, result.output
    assert result.output.count("matched the lookup by name") == 3
    assert authority(content, "bournemouth-christchurch-and-poole")["codes"] == {
        "gss": "E06000058",
        "dfe": 839,
        "ofsted": 2532287,
    }
    assert authority(content, "st-helens")["codes"]["ofsted"] == 80560
    assert authority(content, "kingston-upon-hull")["codes"]["dfe"] == 810


def test_codes_known_to_be_wrong_are_not_written(imported: tuple[Path, Result]) -> None:
    content, result = imported
    # The overview gives Cumbria's E10000006 to both successors, and the 2019 Dorset the
    # old county's E10000009; the lookup's current codes are used instead.
    assert authority(content, "cumberland")["codes"] == {"gss": "E06000063", "dfe": 942, "ofsted": 2733690}
    assert authority(content, "westmorland-and-furness")["codes"] == {"gss": "E06000064", "dfe": 943, "ofsted": 2733698}
    assert authority(content, "dorset")["codes"] == {"gss": "E06000059", "dfe": 838, "ofsted": 2532283}
    assert "the overview's ltla23cd E10000006 is a county code" in result.output
    written = [
        c.get("gss")
        for c in (authority(content, p.stem).get("codes", {}) for p in (content / "authorities").glob("*.yaml"))
    ]
    assert "E10000006" not in written and "E10000009" not in written
    assert len(written) == len(set(written))


def test_a_code_the_sources_disagree_on_is_left_out(content: Path, tmp_path: Path) -> None:
    lookup = tmp_path / "lookup.csv"
    text = LOOKUP.read_text(encoding="utf-8-sig").replace(",E08000016,", ",E08000099,", 1)  # Barnsley
    lookup.write_text("\ufeff" + text, encoding="utf-8")
    xlsx = workbook(
        tmp_path / "x.xlsx", {"urn": "80426", "la_code": "370", "ltla23cd": "E08000016", "local_authority": "barnsley"}
    )
    result = run(content, xlsx, lookup=lookup)
    assert result.exit_code == 0, result.output
    assert authority(content, "barnsley")["codes"] == {"dfe": 370, "ofsted": 80426}
    assert "`gss` left out rather than guess" in result.output


def test_a_row_with_no_lookup_match_is_an_error_and_the_rest_is_imported(content: Path, tmp_path: Path) -> None:
    xlsx = workbook(
        tmp_path / "x.xlsx",
        {"urn": "99999", "la_code": "999", "local_authority": "atlantis"},
        {"urn": "80426", "la_code": "370", "local_authority": "barnsley"},
    )
    result = run(content, xlsx)
    assert result.exit_code == 1
    assert re.search(
        r'^error +row 2 \(urn 99999, LA code 999, "atlantis"\): no lookup row matches its URN 99999 '
        r'or LA code 999 or name "atlantis"; not imported',
        result.output,
        re.M,
    )
    assert "2 rows: 1 created, 0 added, 0 skipped, 0 disagreements, 1 error." in result.output
    assert (content / "authorities" / "barnsley.yaml").exists()
    assert not list((content / "authorities").glob("atlantis*"))


def test_a_grade_that_disagrees_changes_nothing_and_is_reported(content: Path, tmp_path: Path) -> None:
    before = tree(content)
    xlsx = workbook(
        tmp_path / "x.xlsx",
        {
            "inspection_start_date": "15/05/2023",
            "inspection_end_date": "26/05/2023",
            "publication_date": "14/07/23",
            "in_care_grade": "good",
        },
    )
    result = run(content, xlsx)
    assert result.exit_code == 0, result.output
    assert re.search(
        r"^disagreement +authorities/worcestershire\.yaml: the data disagrees with `ilacs-2023` .*"
        r"in-care: requires-improvement in the file, good in the data\. Nothing was changed",
        result.output,
        re.M,
    )
    assert tree(content) == before


def test_an_overlapping_inspection_of_another_type_is_a_disagreement(content: Path, tmp_path: Path) -> None:
    before = tree(content)
    xlsx = workbook(
        tmp_path / "x.xlsx",
        {
            "inspection_start_date": "15/05/2023",
            "inspection_end_date": "19/05/2023",
            "publication_date": "14/07/23",
            "inspection_framework": "short",
            "in_care_grade": "requires improvement",
        },
    )
    result = run(content, xlsx)
    assert result.exit_code == 0, result.output
    assert "looks like the same inspection" in result.output
    assert tree(content) == before


def test_an_added_inspection_keeps_the_editors_file(content: Path, tmp_path: Path) -> None:
    path = content / "authorities" / "worcestershire.yaml"
    old_text = path.read_text(encoding="utf-8")
    xlsx = workbook(
        tmp_path / "x.xlsx",
        {"inspection_link": "https://files.ofsted.gov.uk/v1/file/99", "overall_effectiveness_grade": "outstanding"},
    )
    result = run(content, xlsx)
    assert result.exit_code == 0, result.output
    assert re.search(r"^added +authorities/worcestershire\.yaml: added `ilacs-2026`", result.output, re.M)
    new_text = path.read_text(encoding="utf-8")
    # Every line the editor wrote is still there, in order, comments included.
    assert is_subsequence(old_text.splitlines(), new_text.splitlines())
    # The data is the old data plus one source and one inspection.
    old, new = yaml.safe_load(old_text), yaml.safe_load(new_text)
    added_inspections = [i for i in new["inspections"] if i not in old["inspections"]]
    added_sources = [s for s in new["sources"] if s not in old["sources"]]
    assert [i["id"] for i in added_inspections] == ["ilacs-2026"]
    assert [s["id"] for s in added_sources] == ["ilacs-2026-report"]
    assert {
        **new,
        "inspections": [i for i in new["inspections"] if i not in added_inspections],
        "sources": [s for s in new["sources"] if s not in added_sources],
    } == old
    assert added_inspections[0]["judgements"]["overall"] == "outstanding"
    # In date order, after the 2023 inspection and the December 2024 focused visit.
    assert [i["id"] for i in new["inspections"]][-3:] == ["ilacs-2023", "fv-2024-12", "ilacs-2026"]
    assert new_text.index("  - id: ilacs-2026-report") < new_text.index("# --- Council documents")
    assert new_text.index("  - id: ilacs-2026\n") < new_text.index("\nplans:")
    assert "\n\n  - id: ilacs-2026\n" in new_text
    assert pipeline.check(content, AS_OF).errors == []
    # And again: nothing more.
    before = tree(content)
    assert "0 added, 1 skipped" in run(content, xlsx).output
    assert tree(content) == before


def test_no_overall_grade_before_the_reform_is_an_error(content: Path, tmp_path: Path) -> None:
    xlsx = workbook(
        tmp_path / "x.xlsx",
        {"urn": "80426", "la_code": "370", "local_authority": "barnsley", "overall_effectiveness_grade": "nan"},
    )
    result = run(content, xlsx)
    assert result.exit_code == 1
    assert re.search(
        r"^error +row 2 .*no overall effectiveness grade, but it is dated 2026-01-12, before the "
        r"reform",
        result.output,
        re.M,
    )
    assert not (content / "authorities" / "barnsley.yaml").exists()


@pytest.mark.parametrize(
    ("framework", "start", "end", "expected"),
    [
        ("standard", "11/05/2026", "22/05/2026", "ilacs-2026"),
        ("short", "27/04/2026", "01/05/2026", "ilacs-2026-short"),
        # No framework: the visit's length decides, as before the reform, and a caveat says so.
        ("nan", "27/04/2026", "01/05/2026", "ilacs-2026-short"),
        ("nan", "11/05/2026", "22/05/2026", "ilacs-2026"),
        # Neither: not a guess, an error.
        ("nan", "nan", "nan", None),
    ],
)
def test_after_the_reform_a_short_inspection_is_told_from_a_standard_one(
    content: Path, tmp_path: Path, framework: str, start: str, end: str, expected: str | None
) -> None:
    row = {"urn": "80426", "la_code": "370", "local_authority": "barnsley", "overall_effectiveness_grade": "nan"}
    row |= {"inspection_framework": framework, "inspection_start_date": start, "inspection_end_date": end}
    result = run(content, workbook(tmp_path / "x.xlsx", row | {"publication_date": "17/06/26"}))
    path = content / "authorities" / "barnsley.yaml"
    if expected is None:
        assert result.exit_code == 1
        assert re.search(
            r"^error +row 2 .*no overall effectiveness grade, and neither the data nor the visit's dates say whether "
            r"it was a standard or a short inspection \(`ilacs-2026` or `ilacs-2026-short`\)",
            result.output,
            re.M,
        )
        assert not path.exists()
        return
    assert result.exit_code == 0, result.output
    (inspection,) = yaml.safe_load(path.read_text(encoding="utf-8"))["inspections"]
    assert inspection["type"] == expected
    assert set(inspection["judgements"]) == {"leadership", "help-and-protection", "in-care", "care-leavers"}
    caveats = [n["text"] for n in inspection.get("notes", [])]
    if framework == "nan":
        assert any("recorded as" in c and "because the visit lasted" in c for c in caveats), caveats
    else:
        assert not any("because the visit lasted" in c for c in caveats), caveats


def test_a_file_for_another_authority_under_the_same_name_is_refused(content: Path, tmp_path: Path) -> None:
    (content / "authorities" / "barnsley.yaml").write_text(
        "name: Barnsley\ncodes: {ofsted: 12345}\ninspections: []\n", encoding="utf-8"
    )
    xlsx = workbook(tmp_path / "x.xlsx", {"urn": "80426", "la_code": "370", "local_authority": "barnsley"})
    result = run(content, xlsx)
    assert result.exit_code == 1
    assert "its `ofsted` code is 12345, not 80426" in result.output


def test_an_authority_file_that_is_not_utf8_stops_the_import_in_one_line(content: Path) -> None:
    (content / "authorities" / "cafe.yaml").write_bytes(b"name: Caf\xe9 Council\n")
    before = tree(content)
    result = run(content, XLSX, "--dry-run")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].endswith(
        "/authorities/cafe.yaml cannot be read (it is not UTF-8 text): fix it first; `python build.py check` says where"
    )
    assert tree(content) == before


def test_an_empty_inspections_list_gets_the_inspection(content: Path, tmp_path: Path) -> None:
    path = content / "authorities" / "barnsley.yaml"
    path.write_text(
        "# Barnsley, by hand.\nname: Barnsley Metropolitan Borough Council\ncodes: {ofsted: 80426}\ninspections: []\n",
        encoding="utf-8",
    )
    xlsx = workbook(tmp_path / "x.xlsx", {"urn": "80426", "la_code": "370", "local_authority": "barnsley"})
    result = run(content, xlsx)
    assert result.exit_code == 0, result.output
    data = load(path)
    assert data["name"] == "Barnsley Metropolitan Borough Council"
    assert [i["id"] for i in data["inspections"]] == ["ilacs-2026"]
    assert data["sources"][0]["title"].startswith("Barnsley Metropolitan Borough Council: inspection of")
    assert path.read_text(encoding="utf-8").startswith("# Barnsley, by hand.\n")
    assert pipeline.check(content, AS_OF).errors == []


def test_a_month_only_date_in_the_file_agrees_with_the_datas_day(content: Path, tmp_path: Path) -> None:
    # An editor may give only the month a report was published; the data gives the day.
    path = content / "authorities" / "shropshire.yaml"
    dated = "    visited: {from: 2022-02-07, to: 2022-02-11}\n    published: 2022-03-25\n"
    text = path.read_text(encoding="utf-8")
    assert dated in text
    path.write_text(text.replace(dated, dated.replace("2022-03-25", "2022-03")), encoding="utf-8")
    before = tree(content)
    xlsx = workbook(
        tmp_path / "x.xlsx",
        {
            "urn": "80552",
            "la_code": "893",
            "local_authority": "shropshire",
            "inspection_framework": "short",
            "inspection_start_date": "07/02/2022",
            "inspection_end_date": "11/02/2022",
            "publication_date": "10/03/22",
            "help_and_protection_grade": "requires improvement",
            "care_leavers_grade": "inspection_pre_dates_judgement",
        },
    )
    result = run(content, xlsx)
    assert result.exit_code == 0, result.output
    assert re.search(r"^skipped +authorities/shropshire\.yaml: .*`ilacs-2022`", result.output, re.M)
    assert tree(content) == before


def test_an_existing_file_with_an_alias_bomb_is_an_error_not_a_hang(content: Path, tmp_path: Path) -> None:
    bomb = "".join(f"x{k}: &x{k + 1} [" + ", ".join([f"*x{k}"] * 9) + "]\n" for k in range(1, 12))
    path = content / "authorities" / "worcestershire.yaml"
    path.write_text(path.read_text() + 'x0: &x1 ["lol"]\n' + bomb)
    before = tree(content)
    result = run(content, workbook(tmp_path / "x.xlsx", {}))
    assert result.exit_code == 1, result.output
    assert re.search(
        r"^error +.*authorities/worcestershire\.yaml:\d+:\d+: anchors \(`&x1`\) are not allowed; "
        r"run `python build\.py check`",
        result.output,
        re.M,
    ), result.output
    assert tree(content) == before
