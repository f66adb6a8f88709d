"""content/reference/: the hex layout and statistical neighbours, checked with positions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import CONTENT_AS_OF, REAL_AUTHORITIES

from tracker import load, pipeline

FIXTURE = Path(__file__).parent / "site_fixture"
REPO = Path(__file__).parent.parent
AS_OF = CONTENT_AS_OF


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    return Path("content")


def problems(content: Path) -> list[tuple[str, int, int, str, str]]:
    return [(p.file, p.line, p.col, p.severity, p.message) for p in pipeline.check(content, AS_OF).problems]


def reference_problems(content: Path) -> list[tuple[str, int, int, str, str]]:
    return [p for p in problems(content) if "/reference/" in p[0]]


def test_the_real_reference_data_is_clean_and_complete() -> None:
    checked = pipeline.check(REPO / "content", AS_OF)
    assert [p for p in checked.problems if "reference" in p.file] == []
    assert checked.content is not None
    reference = checked.content.reference
    # Every hex is an authority's; an authority an editor adds (a council reorganised)
    # waits off the map, with a warning, until the map is redrawn.
    codes = {a.codes.gss for a in checked.content.authorities.values() if a.codes}
    assert len(reference.hexes) == 153 and {h.gss for h in reference.hexes} <= codes
    assert len(checked.content.authorities) == REAL_AUTHORITIES
    assert len(reference.neighbours) == 153 and all(len(n) == 10 for n in reference.neighbours.values())


def test_fixture_reference_loads(content: Path) -> None:
    assert reference_problems(content) == []
    checked = pipeline.check(content, AS_OF)
    assert checked.content is not None
    assert [h.gss for h in checked.content.reference.hexes][:2] == ["E10000001", "E06000902"]
    assert checked.content.reference.neighbours[902] == (101, 903)


def test_without_reference_data_the_site_still_checks(content: Path) -> None:
    shutil.rmtree(content / "reference")
    checked = pipeline.check(content, AS_OF)
    assert checked.content is not None and checked.content.reference.hexes == ()


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("hexmap.csv", "E10000001,Alpha,1,2,", "E1000001,Alpha,1,2,", (2, 1, "`E1000001` is not an ONS code")),
        (
            "hexmap.csv",
            "E10000001,Alpha,1,2,",
            "E10000001,Alpha,x,2,",
            (2, 17, "`q` must be a whole number from 0 to 999, but is `x`"),
        ),
        ("hexmap.csv", "E10000001,Alpha,1,2,", "E10000001,Alpha,0,0,", (3, 16, "the cell q 0, r 0 is taken by line 2")),
        ("hexmap.csv", "E10000001,Alpha,1,2,", "E10000001,Alpha,1,2", (2, 1, "4 values where 5 are expected")),
        ("hexmap.csv", "E10000001,Alpha,1,2,", '"E10000001,Alpha,1,2,', (2, 1, "a quoted value is not closed")),
        (
            "hexmap.csv",
            "gss,name,q,r,note",
            "gss,name,x,y,note",
            (1, 1, "the first line does not name the expected columns"),
        ),
        (
            "hexmap.csv",
            "E06000902,Beta,0,0,",
            "E10000001,Beta,0,0,",
            (3, 1, "`E10000001` has a hex already, on line 2"),
        ),
        (
            "neighbours.csv",
            "101,Alpha,902 903 904 905",
            "101,Alpha,902 903 9o4 905",
            (2, 19, "`9o4` is not a DfE number"),
        ),
        ("neighbours.csv", "101,Alpha,902 903 904 905", "101,Alpha,902 101", (2, 15, "`101` is itself")),
        # In a quoted value, counted from its first character, not its quote.
        ("neighbours.csv", "101,Alpha,902 903 904 905", '101,Alpha,"902 9o4"', (2, 16, "`9o4` is not a DfE number")),
        # The quote left open, not the first on the line.
        (
            "neighbours.csv",
            "101,Alpha,902 903 904 905",
            '101,"Alpha, Ci","902 903',
            (2, 17, "a quoted value is not closed"),
        ),
        ("neighbours.csv", "902,Beta,101 903", "1o1,Beta,101 903", (3, 1, "`1o1` is not a DfE local authority number")),
    ],
)
def test_mistakes_are_errors_with_their_position(
    content: Path, file: str, old: str, new: str, expected: tuple[int, int, str]
) -> None:
    path = content / "reference" / file
    text = path.read_text()
    assert text.count(old) == 1
    path.write_text(text.replace(old, new))
    line, col, message = expected
    assert reference_problems(content) == [(f"content/reference/{file}", line, col, "error", message)]
    assert pipeline.check(content, AS_OF).content is None


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        # As a spreadsheet saves a list it holds in cells of their own, or a list typed with commas.
        (
            "neighbours.csv",
            "101,Alpha,902 903 904 905",
            "101,Alpha,902,903,904,905",
            (2, 1, "6 values where 3 are expected", "separate the neighbours' numbers with spaces, not commas"),
        ),
        (
            "neighbours.csv",
            "101,Alpha,902 903 904 905",
            '101,Alpha,"902,903,904,905"',
            (2, 12, "the neighbours' numbers are separated by commas", "separate the numbers with spaces, not commas"),
        ),
        (
            "neighbours.csv",
            "101,Alpha,902 903 904 905",
            '101,Alpha,"902, 903, 904, 905"',
            (2, 12, "the neighbours' numbers are separated by commas", "separate the numbers with spaces, not commas"),
        ),
        (
            "neighbours.csv",
            "101,Alpha,902 903 904 905",
            "101,Alpha,902, 903, 904, 905",
            (2, 1, "6 values where 3 are expected", "separate the neighbours' numbers with spaces, not commas"),
        ),
        # A spreadsheet set for a country that writes a decimal comma.
        (
            "hexmap.csv",
            "gss,name,q,r,note",
            "gss;name;q;r;note",
            (1, 1, "the first line does not name the expected columns", "separate the values with commas, not"),
        ),
    ],
)
def test_values_separated_otherwise_than_the_file_needs_are_told_the_separator(
    content: Path, file: str, old: str, new: str, expected: tuple[int, int, str, str]
) -> None:
    path = content / "reference" / file
    text = path.read_text()
    assert text.count(old) == 1
    path.write_text(text.replace(old, new))
    [problem] = [p for p in pipeline.check(content, AS_OF).problems if p.file.endswith(file)]
    line, col, message, hint = expected
    assert (problem.line, problem.col, problem.message) == (line, col, message)
    assert problem.hint.startswith(hint), problem.hint


def test_reference_data_that_does_not_meet_the_authorities_is_warned_about(content: Path) -> None:
    path = content / "reference" / "hexmap.csv"
    path.write_text(path.read_text().replace("E10000904,Delta", "E10000999,Nowhere"))
    (content / "reference" / "neighbours.csv").write_text("dfe,name,neighbours\n101,Alpha,902 999\n")
    # An authority the map leaves out is told in its own file, at its code: where a pull
    # request adding it shows the warning, and where a check of that file alone finds it.
    [(line, col, message)] = [(p[1], p[2], p[4]) for p in problems(content) if p[0].endswith("delta.yaml")]
    assert message == (
        "the map of England has no hex for `E10000904`, so the overview lists this authority below the map"
    )
    delta = (content / "authorities" / "delta.yaml").read_text().splitlines()
    assert delta[line - 1][col - 1 :].startswith("E10000904")
    # The hex whose code no authority has is the likelier meaning: offered before a new hex.
    [hint] = [p.hint for p in pipeline.check(content, AS_OF).problems if p.file.endswith("delta.yaml")]
    assert hint.startswith("the map has a hex for `E10000999`, which no authority has: if that is this authority's")
    assert reference_problems(content) == [
        (
            "content/reference/hexmap.csv",
            5,
            1,
            "warning",
            "no authority has the code `E10000999`, so this hex is drawn without a link",
        ),
        (
            "content/reference/neighbours.csv",
            2,
            1,
            "warning",
            "no authority has the DfE number 999, which a list of neighbours names: the neighbour is shown "
            "without a grade",
        ),
    ]


def test_a_dfe_number_typed_wrong_is_one_warning_naming_the_file_to_correct(content: Path) -> None:
    # 902 is beta's: typed 920 in its file, every list naming 902 no longer meets it.
    (content / "reference" / "neighbours.csv").write_text(
        "dfe,name,neighbours\n101,Alpha,902\n903,Gamma,902 101\n904,Delta,101\n905,Epsilon,101\n"
    )
    path = content / "authorities" / "beta.yaml"
    path.write_text(path.read_text().replace("dfe: 902", "dfe: 920"))
    every = pipeline.check(content, AS_OF).problems
    # Said in the file to correct too, where a pull request shows it beside the change.
    assert [(p.file, p.line, p.col, p.message, p.hint) for p in every if "dfe" in p.message] == [
        (
            "content/authorities/beta.yaml",
            4,
            30,
            "`dfe: 920` is in no list of neighbours; they name 902, which no authority has",
            "if this authority's DfE number is 902, write that",
        )
    ]
    found = [p for p in every if p.file.endswith("neighbours.csv")]
    assert [(p.line, p.message, p.hint) for p in found] == [
        (
            2,
            "no authority has the DfE number 902, which 2 lists of neighbours name (lines 2 and 3): the neighbour is "
            "shown without a grade",
            "authorities/beta.yaml has `dfe: 920`, which no line here lists: if it should be 902, correct it there",
        )
    ]


def test_an_authority_that_fails_its_own_rules_adds_no_reference_warnings(content: Path) -> None:
    # Its codes are unknown until it passes: its hex and its place among others'
    # neighbours would each be warned about, beside the one error the editor must fix.
    path = content / "authorities" / "alpha.yaml"
    path.write_text(path.read_text().replace("name: ", "name: [", 1))
    found = problems(content)
    assert [p[3] for p in found if p[0].endswith("alpha.yaml")] == ["error"]
    assert reference_problems(content) == []


def test_an_authority_file_refused_for_its_name_adds_no_reference_warnings(content: Path) -> None:
    # Renamed `Alpha.yaml`, the file is not read: its codes are unknown, as above.
    (content / "authorities" / "alpha.yaml").rename(content / "authorities" / "Alpha.yaml")
    found = problems(content)
    assert [p[3] for p in found if p[0].endswith("Alpha.yaml")] == ["error"]
    assert reference_problems(content) == []


def test_a_link_out_of_the_content_folder_is_refused(content: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.csv"
    outside.write_text("gss,name,q,r,note\n")
    (content / "reference" / "hexmap.csv").unlink()
    (content / "reference" / "hexmap.csv").symlink_to(outside)
    assert reference_problems(content) == [("content/reference/hexmap.csv", 1, 1, "error", "the file is a link")]


def test_a_link_inside_the_content_folder_is_refused_too(content: Path) -> None:
    (content / "reference" / "hexmap.csv").rename(content / "hexmap.csv")
    (content / "reference" / "hexmap.csv").symlink_to(Path("..") / "hexmap.csv")
    [problem] = [p for p in pipeline.check(content, AS_OF).problems if "/reference/" in p.file]
    assert (problem.file, problem.line, problem.col) == ("content/reference/hexmap.csv", 1, 1)
    assert problem.message == "cannot read the file: it is a symbolic link"
    assert problem.hint.startswith("replace the link with the file itself")


def test_a_reference_file_that_cannot_be_read_is_one_problem_not_a_traceback(
    content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As an authority's file that cannot be read is: read through the same guarded reader.
    real = load.os.open

    def refuse(path: object, *args: object) -> int:
        if str(path).endswith("neighbours.csv"):
            raise PermissionError(13, "Permission denied")
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(load.os, "open", refuse)
    assert reference_problems(content) == [
        ("content/reference/neighbours.csv", 1, 1, "error", "cannot read the file: Permission denied")
    ]


def test_a_reference_file_over_its_limit_is_not_read(content: Path) -> None:
    (content / "reference" / "neighbours.csv").write_text("dfe,name,neighbours\n" + "#\n" * 600_000)
    [problem] = [p for p in pipeline.check(content, AS_OF).problems if "/reference/" in p.file]
    assert problem.message == "cannot read the file: it is 1.1 MB; a content file may be at most 1 MB"
    assert problem.hint.startswith("it holds one short line for each authority: restore it from git")


def test_a_file_that_is_not_utf8_is_refused_with_its_line(content: Path) -> None:
    (content / "reference" / "neighbours.csv").write_bytes(b"dfe,name,neighbours\n101,Alph\xe9,902\n")
    assert reference_problems(content) == [
        ("content/reference/neighbours.csv", 2, 9, "error", "the file is not UTF-8 text")
    ]
