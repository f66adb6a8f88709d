"""`build.py check`: every mistake an editor can make is reported with file, line, column and a hint.

The corpus in tests/bad/ holds one file per rule. Each starts with what the checker
must say about it, exactly:

    # expect: LINE:COL: SEVERITY: MESSAGE
    #   hint: HINT

An authority case is added to a copy of tests/fixtures/valid as
authorities/<case>.yaml; a case with a `# file: NAME` line replaces that file instead.
Hazards that a text file cannot hold (bytes, folders, file names) are tests below.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import AS_OF, CONTENT_AS_OF, REPO, ContentCopy, copy_seed_content
from pydantic_core import PydanticCustomError

from tracker import pipeline
from tracker.changes import deleted_actions, deleted_problem, renamed_ids, rewritten_actions
from tracker.cli import main, text_report
from tracker.load import load_bytes
from tracker.model import _CONTROL, _label_text, _running_text
from tracker.pipeline import Checked
from tracker.problems import Problem, format_text, lines_named

BAD = Path(__file__).parent / "bad"
EXPECT = re.compile(r"^# expect: (\d+):(\d+): (error|warning): (.*)\n#   hint: (.*)$", re.M)
CASES = sorted(BAD.glob("*.yaml"))


def problems_in(data: dict, file: str) -> list[tuple[int, int, str, str, str]]:
    return [
        (p["line"], p["col"], p["severity"], p["message"], p["hint"]) for p in data["problems"] if p["file"] == file
    ]


def test_the_valid_fixture_passes_strict(content_copy: ContentCopy) -> None:
    result = content_copy.cli("--strict")
    assert result.exit_code == 0, result.output
    assert (result.stdout, result.stderr) == ("0 errors, 0 warnings\n", "")


def test_the_corpus_covers_each_rule() -> None:
    assert len(CASES) >= 60
    for case in CASES:
        assert EXPECT.search(case.read_text(encoding="utf-8")), f"{case.name} states no expectation"


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.stem)
def test_bad_case(case: Path, content_copy: ContentCopy) -> None:
    text = case.read_text(encoding="utf-8")
    target = re.search(r"^# file: (\S+)$", text, re.M)
    name = target[1] if target else f"authorities/{case.stem}.yaml"
    content_copy.write(name, text)
    expected = [
        (int(line), int(col), severity, message, hint) for line, col, severity, message, hint in EXPECT.findall(text)
    ]

    code, data = content_copy.cli_json()

    assert problems_in(data, content_copy.shown(name)) == expected
    assert all(hint.strip() for *_, hint in expected), "every problem needs a hint"
    # Nothing else is wrong: a case never spills into the files it sits beside...
    others = [p for p in data["problems"] if p["file"] != content_copy.shown(name)]
    assert others == [], others
    # ...and the exit code follows the errors.
    assert code == (1 if any(severity == "error" for _, _, severity, _, _ in expected) else 0)


def only(checked: Checked, file: str) -> list[tuple[int, int, str, str]]:
    return [(p.line, p.col, p.severity, p.message) for p in checked.problems if p.file == file]


# Hazards a text file cannot hold -------------------------------------------------------


def test_billion_laughs_is_refused_at_once_not_expanded(content_copy: ContentCopy) -> None:
    levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 9):
        ref = chr(ord("a") + i - 1)
        levels.append(f"{chr(ord('a') + i)}: &{chr(ord('a') + i)} [{', '.join(['*' + ref] * 9)}]")
    content_copy.write("authorities/bomb.yaml", "name: Bomb\n" + "\n".join(levels) + "\n")

    started = time.perf_counter()
    checked = content_copy.check()
    assert time.perf_counter() - started < 2

    found = only(checked, "content/authorities/bomb.yaml")
    assert (2, 4, "error", "anchors (`&a`) are not allowed") in found
    assert (3, 8, "error", "aliases (`*a`) are not allowed (9 on this line)") in found
    assert (2, 1, "error", "unknown key `a`") in found
    # One problem per anchor, line of aliases and key written: nothing was expanded.
    assert len(found) == 9 + 8 + 9
    assert checked.content is None


def test_deep_nesting_is_refused_without_recursing(content_copy: ContentCopy) -> None:
    content_copy.write("authorities/deep.yaml", "name: " + "[" * 10_000 + "]" * 10_000 + "\n")
    result = content_copy.cli()
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    # Whichever refuses first (this loader at level 41, or libyaml 0.2.6 and newer at level
    # 1000, when it reads ahead), the editor gets the same message, on the bracket's line.
    [problem] = [p for p in content_copy.check().problems if p.file == "content/authorities/deep.yaml"]
    assert (problem.line, problem.message, problem.hint) == (
        1,
        "the content nests deeper than 40 levels",
        "flatten the structure; no part of the format nests this deep",
    )
    assert 46 <= problem.col <= 1006


def test_deep_block_nesting_points_at_the_41st_level(content_copy: ContentCopy) -> None:
    text = "name: Deep\nnotes:\n" + "".join("  " * i + "-\n" for i in range(1, 60))
    content_copy.write("authorities/deep.yaml", text)
    found = only(content_copy.check(), "content/authorities/deep.yaml")
    # Line k opens level k - 1 (the file's mapping is level 1); the model still checks the rest.
    assert found == [
        (4, 5, "error", "an item of `notes` must be a set of `key: value` lines, but found a list"),
        (42, 81, "error", "the content nests deeper than 40 levels"),
    ]


def test_a_value_across_lines_is_shown_on_one_line(content_copy: ContentCopy) -> None:
    # A text of two lines, where a mapping belongs.
    content_copy.write("site.yaml", b"|\n  .\n  !\n")
    found = only(content_copy.check(), "content/site.yaml")
    assert found == [(1, 1, "error", 'the file must be a set of `key: value` lines, but found `".\\n!"`')]


def test_a_next_line_character_is_named_where_editors_see_it(content_copy: ContentCopy) -> None:
    # U+0085 (NEL), which YAML takes for the end of a line and most editors show as nothing.
    content_copy.write("site.yaml", b"title: One\xc2\x85 two\n")
    found = only(content_copy.check(), "content/site.yaml")
    assert found == [
        (
            1,
            11,
            "error",
            "the invisible character U+0085 breaks the line here, unseen: YAML reads what follows as a new line",
        )
    ]


def test_non_utf8_bytes_point_at_the_character(content_copy: ContentCopy) -> None:
    content_copy.write("authorities/latin1.yaml", "name: Café Council\nregion: Bürgerland\n".encode("latin-1"))
    [problem] = content_copy.check().problems
    assert (problem.file, problem.line, problem.col) == ("content/authorities/latin1.yaml", 1, 10)
    # Saved by Windows in its own encoding: said so, with the line as the editor sees it,
    # and reopened in that encoding first, since saving it as shown would lose the `é`.
    assert problem.message == "the file is saved as Windows-1252, not UTF-8 (its `é` is byte 0xe9)"
    assert problem.source_line == "name: Café Council"
    assert problem.hint.startswith("reopen the file with the encoding Windows 1252, then save it")


def test_non_utf8_column_counts_characters_not_bytes(content_copy: ContentCopy) -> None:
    content_copy.write("authorities/mixed.yaml", "name: Ünïcode \xff\n".encode().replace(b"\xc3\xbf", b"\xff"))
    [problem] = content_copy.check().problems
    assert (problem.line, problem.col) == (1, 15)
    assert problem.source_line == "name: Ünïcode \ufffd"
    # UTF-8 around it: one stray byte, not a file saved in another encoding.
    assert problem.message == "the file is not UTF-8 text (byte 0xff)"
    assert problem.hint == (
        "retype the character under the `^` (probably `ÿ`, which that byte is in Windows-1252), "
        "and save the file with UTF-8 encoding"
    )


@pytest.mark.parametrize(
    ("raw", "place", "shown"),
    [
        # Lines ended as old Macs end them, which YAML reads as line breaks too.
        (
            b"name: A Council\rregion: London\rcodes: {dfe: 1}\rsummary: Caf\xff again\r",
            (4, 13),
            "summary: Cafÿ again",
        ),
        (b"\xef\xbb\xbfname: Caf\xff\n", (1, 10), "name: Caf\ufffd"),  # a byte-order mark is no character
    ],
    ids=["cr-lines", "byte-order-mark"],
)
def test_a_byte_that_is_not_utf8_is_placed_as_editors_count(
    content_copy: ContentCopy, raw: bytes, place: tuple[int, int], shown: str
) -> None:
    content_copy.write("authorities/odd.yaml", raw)
    [problem] = content_copy.check().problems
    assert ((problem.line, problem.col), problem.source_line) == (place, shown)


def test_a_character_lost_to_an_encoding_is_refused(content_copy: ContentCopy) -> None:
    # What an editor showed as `�` for a byte it could not read, then saved: the page would show it.
    content_copy.write("authorities/lost.yaml", "name: The Council\ufffds Own\nregion: South West\n")
    [problem] = [p for p in content_copy.check().problems if p.file.endswith("lost.yaml")]
    assert (problem.line, problem.col) == (1, 18)
    assert problem.message == (
        "`name` contains the replacement character U+FFFD (REPLACEMENT CHARACTER) at character 12 of the text"
    )
    assert problem.hint.startswith("it stands for a character lost when the file was read in the wrong encoding")


@pytest.mark.parametrize(
    ("codec", "named"),
    [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32")],
)
def test_a_file_saved_as_utf16_or_utf32_is_named_so(content_copy: ContentCopy, codec: str, named: str) -> None:
    # Windows editors call these "Unicode": with or without a byte-order mark, every
    # character is two or four bytes, which read as letters between zero bytes.
    content_copy.write("authorities/wide.yaml", "name: Wide Council\nregion: London\n".encode(codec))
    [problem] = content_copy.check().problems
    assert (problem.file, problem.line, problem.col) == ("content/authorities/wide.yaml", 1, 1)
    assert problem.message == f"the file is saved as {named} text, not UTF-8"
    assert problem.hint.startswith("save the file with UTF-8 encoding")
    assert problem.source_line == "name: Wide Council"


@pytest.mark.parametrize(
    ("start", "named"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00", "a Word document, spreadsheet or other zip file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word document or spreadsheet in the old format"),
        (b"%PDF-1.7\n", "a PDF"),
        (b"{\\rtf1\\ansi name: Rtf Council", "a rich text (RTF) document"),
    ],
)
def test_a_document_saved_with_a_yaml_name_is_named_so(content_copy: ContentCopy, start: bytes, named: str) -> None:
    # Saved from Word as "exampleshire.yaml", a .docx is a zip: its bytes are not a stray
    # character to retype, but a file to save again as text.
    content_copy.write("authorities/saved.yaml", start + bytes(range(256)) * 4)
    [problem] = content_copy.check().problems
    assert (problem.file, problem.line, problem.col) == ("content/authorities/saved.yaml", 1, 1)
    assert problem.message == f"the file is {named}, not text"
    assert problem.hint.startswith("copy its text into a plain text editor and save it with UTF-8 encoding")


def test_an_unknown_type_is_held_against_the_types_in_use_at_its_date(content_copy: ContentCopy) -> None:
    # `ilacs` gave way to `ilacs-2026`: a 2026 inspection's type spelt without its hyphen is
    # the new one, though the old one's name is part of what was written.
    content_copy.patch("frameworks.yaml", "    in_use: {from: 2018-01}", "    in_use: {from: 2018-01, to: 2026-03}")
    content_copy.patch(
        "frameworks.yaml",
        "  monitoring-visit:",
        "  ilacs-2026:\n    name: Inspection under the 2026 framework\n    in_use: {from: 2026-04}\n"
        "    graded: false\n  monitoring-visit:",
    )
    content_copy.write(
        "authorities/case.yaml",
        "name: Case Council\nsources: [{id: s, title: Report, url: https://example.org/r}]\ninspections:\n"
        "  - {id: new, type: ilacs2026, visited: 2026-09, sources: [s]}\n"
        "  - {id: old, type: ilacs2018, visited: 2020-09, sources: [s]}\n",
    )
    checked = content_copy.check(as_of="2026-12-01")
    found = [(p.line, p.message, p.hint) for p in checked.problems if p.file.endswith("case.yaml")]
    assert found == [
        (4, "unknown inspection type `ilacs2026`", "did you mean `ilacs-2026`?"),
        (5, "unknown inspection type `ilacs2018`", "did you mean `ilacs`?"),
    ]


def test_the_aliases_of_a_line_are_one_error_whatever_is_between_them() -> None:
    text = "name: A\nk: [*a, !t x, *a, *a]\nj: {a: *x, b: &y c, d: *x}\n"
    _, problems = load_bytes(text.encode(), "f.yaml")
    aliases = [(p.line, p.col, p.message) for p in problems if p.message.startswith("aliases")]
    assert aliases == [
        (2, 5, "aliases (`*a`) are not allowed (3 on this line)"),
        (3, 8, "aliases (`*x`) are not allowed (2 on this line)"),
    ]


@pytest.mark.parametrize("text", ["", "# all of it commented out\n# name: A\n"], ids=["empty", "comments"])
def test_an_empty_file_is_not_named_as_read_only_in_part(content_copy: ContentCopy, text: str) -> None:
    content_copy.write("authorities/blank.yaml", text)
    result = content_copy.cli()
    assert result.exit_code == 1 and "could not be read past" not in result.stdout
    assert content_copy.cli_json()[1]["unread"] == []


def test_tab_is_refused(content_copy: ContentCopy) -> None:
    content_copy.write("authorities/tabbed.yaml", "name: Tabbed\nsources:\n\t- id: s\n")
    [problem] = content_copy.check().problems
    assert (problem.file, problem.line, problem.col, problem.message) == (
        "content/authorities/tabbed.yaml",
        3,
        1,
        "tab character",
    )
    assert problem.hint == "YAML must be indented with spaces; replace the tab with spaces (2, to sit under `sources:`)"


@pytest.mark.parametrize(
    ("line", "col", "shown"),
    [
        # A tab under a tab: both lines start at the same column, so it reaches the same stop.
        ('- {note: "Backlog\tdown", date: 2026-13-25}', 32, '    - {note: "Backlog\tdown", date: 2026-13-25}'),
        ('- {note: "积压下降", date: 2026-13-25}', 24, '    - {note: "积压下降", date: 2026-13-25}'),
        ('- {note: "Cafe\u0301 😀", date: 2026-13-25}', 27, '    - {note: "Cafe\u0301 😀", date: 2026-13-25}'),
        ('- {note: "A\u200bB\u200bC", date: 2026-13-25}', 25, '    - {note: "A\u200bB\u200bC", date: 2026-13-25}'),
    ],
    ids=["tab", "wide", "mark-and-emoji", "zero-width-spaces"],
)
def test_the_caret_is_under_its_column_as_a_terminal_shows_the_line(line: str, col: int, shown: str) -> None:
    problem = Problem("f.yaml", 3, col, "`2026-13-25` is not a date", "write it as YYYY-MM-DD", "error", line)
    _, echoed, caret, _ = text_report([problem], False).splitlines()[:4]
    assert echoed == shown and line[col - 1] == "2"

    def width(text: str) -> int:  # as a terminal draws it: tabs to every eighth column
        at = 0
        for c in text:
            at = (at // 8 + 1) * 8 if c == "\t" else at + (0 if c in "\u0301\u200b" else 2 if ord(c) > 0x2E80 else 1)
        return at

    assert width(caret[:-1]) == width(echoed[: 4 + col - 1]) and caret.endswith("^")


def test_a_file_not_read_to_its_end_is_named_as_checked_no_further(content_copy: ContentCopy) -> None:
    # Its other mistakes (an unknown key, below) are found only once YAML can read it: the
    # report says so, rather than leave the next check's new errors a surprise.
    content_copy.write("authorities/tabbed.yaml", "name: Tabbed\nsources:\n\t- id: s\ncolour: red\n")
    content_copy.patch("authorities/example.yaml", "name: Example Council", "name: Example Council\ncolour: red")
    result = content_copy.cli()
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-2:] == [
        "2 errors, 0 warnings",
        "content/authorities/tabbed.yaml could not be read past line 3: the rest of it is checked once that is fixed.",
    ]
    code, data = content_copy.cli_json()
    assert (code, data["unread"]) == (1, [{"file": "content/authorities/tabbed.yaml", "line": 3}])
    assert [p["message"] for p in data["problems"]] == ["unknown key `colour`", "tab character"]


def test_a_tab_after_a_colon_is_refused_and_one_inside_a_text_is_text(content_copy: ContentCopy) -> None:
    content_copy.patch("authorities/example.yaml", "name: Example Council", "name:\tExample Council")
    [problem] = only(content_copy.check(), "content/authorities/example.yaml")
    assert problem == (2, 6, "error", "tab character")
    # docs/content-format.md: a text may hold a tab, quoted or not; only YAML's layout may not.
    content_copy.patch("authorities/example.yaml", "name:\tExample Council", 'name: "Example\tCouncil"')
    content_copy.patch(
        "authorities/example.yaml", "Widespread and serious failures.", "Widespread\tand serious failures."
    )
    checked = content_copy.check()
    assert only(checked, "content/authorities/example.yaml") == []
    # A line of a block text that starts with a tab after the block's indent: the tab is text.
    content_copy.patch(
        "authorities/example.yaml",
        "      Widespread\tand serious failures.",
        "      Inspectors said:\n      \tWidespread and serious failures.\n\n      \t- Quoted.",
    )
    # (Markdown shows the line after an empty one as code, which is told, as a warning.)
    assert only(content_copy.check(), "content/authorities/example.yaml") == [
        (
            44,
            8,
            "warning",
            "this line starts a paragraph indented four spaces or more, so Markdown shows it as code: in a box, "
            "in typewriter letters",
        )
    ]
    # On the block's first line, which sets its indent, the tab is YAML's layout.
    content_copy.patch("authorities/example.yaml", "      Inspectors said:\n", "      \tInspectors said:\n")
    first = next(p for p in content_copy.check().problems if p.file == "content/authorities/example.yaml")
    assert (first.line, first.col, first.message) == (41, 7, "tab character")
    assert first.hint.startswith("the first line of a block text sets its indent, so it cannot start with a tab")
    content_copy.patch("authorities/example.yaml", "      \tInspectors said:\n", "      Inspectors said:\n")
    # Before it, the tab is in YAML's layout, where it ends the block (and the lines after).
    content_copy.patch("authorities/example.yaml", "      \tWidespread", "    \tWidespread")
    problems = only(content_copy.check(), "content/authorities/example.yaml")
    assert problems == [(42, 5, "error", "tab character"), (44, 7, "error", "tab character")]


def tabbed(content_copy: ContentCopy, text: str) -> Problem:
    """The one problem of an authority file holding text."""
    content_copy.write("authorities/tabbed.yaml", text)
    [problem] = content_copy.check().problems
    return problem


def test_a_tab_that_indents_a_block_text_is_told_the_texts_indent(content_copy: ContentCopy) -> None:
    # The GitHub editor's Tab key, at the start of a summary's lines: the count is the
    # text's indent, not the key's.
    problem = tabbed(content_copy, "name: Tabbed\nsummary: |\n\tFirst line of the text.\n")
    assert (problem.line, problem.col, problem.message) == (3, 1, "tab character")
    assert problem.hint.endswith("replace the tab with spaces (2, as the first line of the text of `summary:`)")
    problem = tabbed(content_copy, "name: Tabbed\nsummary: |\n  First line of the text.\n\tSecond line.\n")
    assert (problem.line, problem.col) == (4, 1)
    assert problem.hint.endswith("replace the tab with spaces (2, if it lines up with the line above)")


def test_a_tab_before_a_key_is_told_the_column_of_the_same_key_above(content_copy: ContentCopy) -> None:
    # An inspection's `summary:` after its judgements: the line above is a judgement, two
    # spaces further in, and lining up with it sent the editor to the wrong column first.
    problem = tabbed(
        content_copy,
        "name: Tabbed\n"
        "inspections:\n"
        "  - id: a\n"
        "    type: sif\n"
        "    summary: First.\n"
        "  - id: b\n"
        "    type: sif\n"
        "    judgements:\n"
        "      overall: good\n"
        "\tsummary: Second.\n",
    )
    assert (problem.line, problem.col, problem.message) == (10, 1, "tab character")
    assert problem.hint.endswith("replace the tab with spaces (4, as `summary:` is on line 5)")
    # Not a file's own key: an entry's `sources:` is not beside the file's.
    problem = tabbed(
        content_copy,
        "sources:\n  - {id: s, title: T, url: https://example.org/}\ninspections:\n  - id: a\n    type: sif\n"
        "\tsources: [s]\n",
    )
    assert problem.hint.endswith("replace the tab with spaces (4, if it lines up with the line above)")


def test_control_character_is_refused_where_it_is(content_copy: ContentCopy) -> None:
    content_copy.write("authorities/pasted.yaml", "name: Café\x0cCouncil\n")
    [problem] = content_copy.check().problems
    assert (problem.line, problem.col, problem.message) == (
        1,
        11,
        "the invisible control character U+000C is not allowed",
    )
    assert problem.hint.startswith("delete it")


@pytest.mark.parametrize(
    ("count", "named"),
    [
        (1, "line 1"),
        (2, "lines 1 and 2"),
        (6, "lines 1, 2, 3, 4, 5 and 6"),
        (7, "lines 1, 2, 3, 4, 5 and 2 more"),
    ],
)
def test_line_numbers_are_named_in_full_up_to_one_past_five(count: int, named: str) -> None:
    assert lines_named(list(range(1, count + 1))) == named


@pytest.mark.parametrize(
    ("value", "longest"),
    [
        ("2" * 3000, 160),  # a quote: cut, with its length after it
        ("a`" + "b" * 3000, 600),  # a backtick in the value throws the pairs out: cut all the same
        ("`" + "c" * 3000 + "`", 600),
    ],
)
def test_a_message_quoting_a_long_value_is_a_line_of_reasonable_length(value: str, longest: int) -> None:
    message = Problem("f.yaml", 1, 1, f"`visited`: `{value}` is not a date").message
    assert len(message) < longest and "(3,0" in message and message.endswith("is not a date")


@pytest.mark.parametrize("code", range(128))
def test_every_ascii_character_is_judged_in_running_text_as_the_pattern_judges_it(code: int) -> None:
    # Text of several lines takes a quicker test than the pattern's search; for ASCII it
    # must refuse exactly what the pattern finds, wherever the character stands.
    for text in (chr(code), f"Line one\n{chr(code)} line two\n", f"a\t{chr(code)}\r\nb"):
        try:
            _running_text(text)
            refused = False
        except PydanticCustomError:
            refused = True
        assert refused == bool(_CONTROL.search(text)), repr(text)


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        # As meant: Greek in a formula or a word of its own, an emoji's selector after its symbol.
        ("Effect size Δd of family time", None),
        ("TGFβ and 10μg", None),
        ("α-synuclein", None),
        ("Ofsted report ⚠️ published", None),
        ("Ynys Môn Council", None),
        # Unseen, or a look-alike in a Latin word: a name that looks like another.
        ("Alpha\ufe0f Council", "U+FE0F"),
        ("\ufe0eAlpha", "U+FE0E"),
        ("Exa\ufe01mple", "U+FE01"),
        ("Example Council\U000e0020", "U+E0020"),
        ("Ex\u0430mple Council", "U+0430"),
        ("\u039fld Example", "U+039F"),
    ],
)
def test_a_name_or_title_refuses_what_would_look_like_another_and_no_more(text: str, refused: str | None) -> None:
    try:
        _label_text(text)
        said = None
    except PydanticCustomError as error:
        said = str(error)
    assert (said is None) == (refused is None) and (refused is None or refused in str(said)), said


@pytest.mark.parametrize("text", ["é\nline \x85 two", "é\n\u202e", "Line one\n\x0b two"])
def test_text_of_several_lines_still_has_every_character_checked(text: str) -> None:
    with pytest.raises(PydanticCustomError):
        _running_text(text)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", 1, "the file is empty"),
        ("\n\n", 1, "the file is empty"),
        ("---\n", 1, "the file is empty"),
        ("# yaml-language-server: $schema=../../schema/authority.schema.json\n", 1, "the file is empty"),
        (
            "# yaml-language-server: $schema=../../schema/authority.schema.json\n\n# name: Case Council\n",
            3,
            "the file holds only comments, so nothing in it is read",
        ),
    ],
    ids=["empty", "blank", "document-start", "modeline", "comments"],
)
def test_empty_file_is_refused(content_copy: ContentCopy, text: str, line: int, message: str) -> None:
    content_copy.write("authorities/empty.yaml", text)
    [problem] = content_copy.check().problems
    assert (problem.file, problem.line, problem.col, problem.message) == (
        "content/authorities/empty.yaml",
        line,
        1,
        message,
    )
    assert problem.hint


def test_unclosed_quote_points_where_it_opens(content_copy: ContentCopy) -> None:
    content_copy.write("authorities/quote.yaml", "name: Quote\nregion: 'South West\n")
    [problem] = content_copy.check().problems
    assert (problem.line, problem.col, problem.message) == (
        2,
        9,
        "YAML syntax error: the file ends before a text or list it opens is closed",
    )
    assert problem.hint == "the file ends inside a quoted text that starts here: close it"


def test_a_folder_where_site_yaml_should_be(content_copy: ContentCopy) -> None:
    content_copy.remove("site.yaml")
    content_copy.path("site.yaml").mkdir()
    [problem] = content_copy.check().problems
    assert (problem.file, problem.line, problem.col, problem.message) == (
        "content/site.yaml",
        1,
        1,
        "a folder is where a YAML file should be",
    )
    assert problem.hint == "remove or rename the folder; content files are plain .yaml files"


@pytest.mark.parametrize(
    ("name", "message", "hint"),
    [
        (
            "notes",
            "this folder in authorities/ would be ignored",
            "only <slug>.yaml files belong here; move or remove it",
        ),
        (
            "extra.yaml",
            "this folder in authorities/ would be ignored",
            "a folder cannot be an authority; remove it or move its files",
        ),
    ],
)
def test_a_folder_in_authorities(content_copy: ContentCopy, name: str, message: str, hint: str) -> None:
    content_copy.path(f"authorities/{name}").mkdir()
    [problem] = content_copy.check().problems
    assert (problem.file, problem.line, problem.col, problem.message, problem.hint) == (
        f"content/authorities/{name}",
        1,
        1,
        message,
        hint,
    )


@pytest.mark.parametrize(
    ("name", "message", "hint"),
    [
        (
            "Example Two.yaml",
            "`Example Two.yaml` is not a valid file name",
            "the name is the page's address: use lowercase letters, digits and hyphens, e.g. `example-two.yaml`",
        ),
        (
            "st_helens.yaml",
            "`st_helens.yaml` is not a valid file name",
            "the name is the page's address: use lowercase letters, digits and hyphens, e.g. `st-helens.yaml`",
        ),
        ("two.yml", "this file in authorities/ would be ignored", "rename it `two.yaml`"),
        ("Two.YML", "this file in authorities/ would be ignored", "rename it `two.yaml`"),
        (
            "example.yml",
            "this file in authorities/ would be ignored",
            "it looks like a copy of example.yaml, made by a download, a file manager or a shared folder: delete "
            "it, or move what you changed into that file",
        ),
        (
            "example 2.yaml",
            "`example 2.yaml` is not a valid file name",
            "it looks like a copy of example.yaml, made by a download, a file manager or a shared folder: delete "
            "it, or move what you changed into that file",
        ),
        (
            "example (1).yaml",
            "`example (1).yaml` is not a valid file name",
            "it looks like a copy of example.yaml, made by a download, a file manager or a shared folder: delete "
            "it, or move what you changed into that file",
        ),
        (
            "Example.yaml",
            "`Example.yaml` is not a valid file name",
            "it looks like a copy of example.yaml, made by a download, a file manager or a shared folder: delete "
            "it, or move what you changed into that file",
        ),
        (
            "Copy of example.yaml",
            "`Copy of example.yaml` is not a valid file name",
            "it looks like a copy of example.yaml, made by a download, a file manager or a shared folder: delete "
            "it, or move what you changed into that file",
        ),
        (
            "con.yaml",
            "`con.yaml` cannot be a file name on Windows, which keeps `con` for a device: editors there could not "
            "check out the content",
            "name it after the authority in more words, e.g. `con-council.yaml`",
        ),
        (
            "lpt1.yaml",
            "`lpt1.yaml` cannot be a file name on Windows, which keeps `lpt1` for a device: editors there could not "
            "check out the content",
            "name it after the authority in more words, e.g. `lpt1-council.yaml`",
        ),
        (
            "St. Helens.yaml",
            "`St. Helens.yaml` is not a valid file name",
            "the name is the page's address: use lowercase letters, digits and hyphens, e.g. `st-helens.yaml`",
        ),
        (
            "example - Copy.yaml",
            "`example - Copy.yaml` is not a valid file name",
            "it looks like a copy of example.yaml, made by a download, a file manager or a shared folder: delete "
            "it, or move what you changed into that file",
        ),
        (
            "README.md",
            "this file in authorities/ would be ignored",
            "only <slug>.yaml files belong here; move or remove it",
        ),
    ],
)
def test_file_names_in_authorities(content_copy: ContentCopy, name: str, message: str, hint: str) -> None:
    content_copy.write(f"authorities/{name}", "name: Two\n")
    [problem] = content_copy.check().problems
    assert (problem.file, problem.line, problem.col, problem.message, problem.hint) == (
        f"content/authorities/{name}",
        1,
        1,
        message,
        hint,
    )


def test_what_a_file_browser_leaves_in_authorities_is_ignored(content_copy: ContentCopy) -> None:
    for name in (".DS_Store", "Thumbs.db", "desktop.ini", "._example.yaml"):
        content_copy.path(f"authorities/{name}").write_bytes(b"\0\1")
    result = content_copy.cli("--strict")
    assert result.exit_code == 0, result.output


def test_an_editors_source_may_name_another_documents_day(content_copy: ContentCopy) -> None:
    # Only an import's title ends in its own document's day: an editor's may name the report
    # a plan answers, and is not held against its `published`.
    content_copy.write(
        "authorities/case.yaml",
        "name: Case Council\nsources:\n  - id: plan\n"
        "    title: Case Council's plan in response to the Ofsted report published 27 October 2023\n"
        "    url: https://example.org/plan\n    published: 2024-01-15\n",
    )
    assert not [p for p in content_copy.check().problems if "its title says" in p.message]


def test_what_a_text_editor_keeps_beside_a_file_is_ignored(content_copy: ContentCopy) -> None:
    # Each as its editor names it, and Emacs's lock as the link it is (to no file).
    names = [".case.yaml.swp", ".case.yaml.swo", "case.yaml~", "#case.yaml#", ".case.yaml.kate-swp"]
    names += [".~lock.case.yaml#", "case.yaml.___jb_tmp___", "flycheck_case.yaml"]
    for name in names:
        content_copy.path(f"authorities/{name}").write_bytes(b"\0\1")
    content_copy.path("authorities/.#case.yaml").symlink_to("editor@machine.1234")
    result = content_copy.cli("--strict")
    assert result.exit_code == 0, result.output
    # A hidden file that is no editor's is still one the site would leave out, and a folder
    # is a folder, whatever its name.
    content_copy.path("authorities/.case.yaml").write_bytes(b"name: Case\n")
    content_copy.path("authorities/drafts~").mkdir()
    assert [p.message for p in content_copy.check().problems] == [
        "a hidden file in authorities/",
        "this folder in authorities/ would be ignored",
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("newtown.yaml", "this file is not read: the content folder holds only site.yaml and frameworks.yaml"),
        ("Newtown.YML", "this file is not read: the content folder holds only site.yaml and frameworks.yaml"),
        ("authority/newtown.yaml", "the YAML files in this folder are not read"),
    ],
)
def test_yaml_outside_authorities_is_not_left_out_silently(content_copy: ContentCopy, name: str, message: str) -> None:
    content_copy.write(name, "name: Newtown\n")
    content_copy.write("notes/README.md", "Not content.\n")  # other files are the publisher's own
    [problem] = content_copy.check().problems
    assert (problem.file, problem.line, problem.col, problem.message, problem.hint) == (
        "content/" + name.partition("/")[0],
        1,
        1,
        message,
        "an authority's file goes in the `authorities` folder, as authorities/<slug>.yaml",
    )


def test_a_link_named_like_content_beside_site_yaml_is_told_not_followed(content_copy: ContentCopy) -> None:
    # A link is never read; one named like an authority's file is left out as loudly as a file.
    target = content_copy.root.parent / "elsewhere.yaml"
    target.write_text("name: Newtown\n", encoding="utf-8")
    content_copy.path("newtown.yaml").symlink_to(target)
    content_copy.path("notes.txt").symlink_to(target)  # not named like content: the publisher's own
    [problem] = content_copy.check().problems
    assert (problem.file, problem.message, problem.hint) == (
        "content/newtown.yaml",
        "this link is not read: the content folder holds only site.yaml and frameworks.yaml",
        "an authority's file goes in the `authorities` folder, as the file itself: authorities/<slug>.yaml",
    )


def test_a_file_the_model_refuses_is_never_refused_in_silence(
    content_copy: ContentCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Were every error of a refused file set aside as told by another, its authority would
    # leave the site with the check passing: the first error is told after all.
    monkeypatch.setattr("tracker.shape._written_inside", lambda *args: True)
    content_copy.patch("authorities/example.yaml", "    sources: [mv-letter]\n    notes:", "    notes:")
    [problem] = content_copy.check().problems
    assert (problem.line, problem.col, problem.message) == (53, 5, "missing required key `sources`")


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("\tk{}: v", "tab character"),  # told as the file is read
        ("k{}: v", "unknown key"),  # told by the model: past the limit, not worked out at all
    ],
)
def test_past_a_few_hundred_problems_a_file_says_how_many_more_it_has(
    content_copy: ContentCopy, line: str, said: str
) -> None:
    lines = "\n".join(line.format(n) for n in range(1000))
    content_copy.write("authorities/many.yaml", f"name: Many\n{lines}\n")
    found = [p for p in content_copy.check().problems if p.file.endswith("many.yaml")]
    assert len(found) == 301
    assert all(said in p.message for p in found[:300])
    assert (found[-1].line, found[-1].message, found[-1].severity) == (
        302,
        "700 more problems in this file are not listed",
        "error",
    )


def test_frameworks_with_more_than_a_hundred_different_judgements_are_refused(content_copy: ContentCopy) -> None:
    # Each is a field of every inspection's form in the content manager: 100 types of 40
    # judgements each made its configuration 53 MB.
    types = "".join(
        f"  t{t}:\n    name: Type {t}\n    scale: four-point-2013\n    headline: [j{t}-0]\n    judgements:\n"
        + "".join(f"      j{t}-{j}: Judgement {j}\n" for j in range(40))
        for t in range(3)
    )
    content_copy.patch("frameworks.yaml", "\ntypes:\n", "\ntypes:\n" + types)
    [problem] = content_copy.check().problems
    assert (problem.file, problem.message, problem.hint) == (
        "content/frameworks.yaml",
        "frameworks.yaml has more than 100 different judgements across its types",
        "give judgements that mean the same the same key in every type (`overall`, `help-and-protection`), or "
        "remove types no inspection uses",
    )
    assert problem.source_line.strip() == "j2-20: Judgement 20"


def test_a_long_line_is_shown_around_the_mistake_with_its_key() -> None:
    # Cut to a window around the column, a line far longer than a screen would lose its
    # key, which says what the value shown is.
    line = "    summary: " + "Inspectors found that services have improved. " * 6 + "Key findings:"
    problem = Problem("a.yaml", 1, len(line), "a colon", "quote it", "error", line)
    _, shown, caret, _ = format_text([problem]).splitlines()
    assert shown.startswith("        summary: …") and shown.endswith("Key findings:")
    assert len(shown) <= 4 + 160 + 1 and caret == " " * (len(shown) - 1) + "^"
    near = Problem("a.yaml", 1, 20, "a mistake", "fix it", "error", line)
    _, shown, caret, _ = format_text([near]).splitlines()
    assert shown.startswith("        summary: Inspectors found") and shown.endswith("…") and caret.index("^") == 23


def test_the_count_of_problems_not_listed_takes_in_those_the_model_counted(content_copy: ContentCopy) -> None:
    # Warnings as the file is read, then the model's errors past its own limit: one count of both.
    lines = ["name: Many", "sources: [{id: s, title: R, url: https://example.org/r}]", "inspections:"]
    for n in range(100):
        lines += [f"  - id: i{n}", "    type: monitoring-visit", "    visited: 2021-10 #x", "    sources: [s]"]
        lines += [f"    bogus{k}: x" for k in range(100)]
    content_copy.write("authorities/many.yaml", "\n".join(lines) + "\n")
    found = [p for p in content_copy.check().problems if p.file.endswith("many.yaml")]
    assert len(found) == 301 and found[-1].message == "9,800 more problems in this file are not listed"


def test_missing_site_yaml(content_copy: ContentCopy) -> None:
    content_copy.remove("site.yaml")
    [problem] = content_copy.check().problems
    assert (problem.file, problem.message) == ("content/site.yaml", "`site.yaml` is missing")


def test_utf8_bom_is_accepted(content_copy: ContentCopy) -> None:
    text = content_copy.read("authorities/example.yaml")
    content_copy.write("authorities/example.yaml", "\ufeff" + text)
    content_copy.write("site.yaml", "\ufeff" + content_copy.read("site.yaml"))
    result = content_copy.cli("--strict")
    assert result.exit_code == 0, result.output


def test_bom_file_positions_are_unchanged(content_copy: ContentCopy) -> None:
    content_copy.patch("authorities/example.yaml", "name: Example Council", "name: yes")
    content_copy.write("authorities/example.yaml", "\ufeff" + content_copy.read("authorities/example.yaml"))
    found = only(content_copy.check(), "content/authorities/example.yaml")
    assert found == [(2, 7, "error", "`name` must be text, but found `yes`, which YAML reads as true")]


def test_a_refused_tag_is_one_problem_not_two(content_copy: ContentCopy) -> None:
    content_copy.patch("authorities/example.yaml", "region: South West", "region: !!str South West")
    found = only(content_copy.check(), "content/authorities/example.yaml")
    assert found == [(4, 9, "error", "tags (`!!str`) are not allowed")]


def test_an_alias_is_one_problem_not_two(content_copy: ContentCopy) -> None:
    content_copy.patch("authorities/example.yaml", "region: South West", "region: *somewhere")
    found = only(content_copy.check(), "content/authorities/example.yaml")
    assert found == [(4, 9, "error", "aliases (`*somewhere`) are not allowed")]


def test_year_zero_is_not_a_date(content_copy: ContentCopy) -> None:
    content_copy.patch("authorities/example.yaml", "created: 2015-04-01", "created: 0000-04-01")
    found = only(content_copy.check(), "content/authorities/example.yaml")
    assert found == [(5, 10, "error", "`created`: `0000-04-01` is not a real calendar date")]


def test_status_yes_is_shown_as_written(content_copy: ContentCopy) -> None:
    content_copy.patch("authorities/example.yaml", "status: done", "status: yes")
    [problem] = content_copy.check().problems
    assert (problem.line, problem.col, problem.message, problem.hint) == (
        101,
        17,
        "`yes` is not a valid `status`",
        # Not `dropped`: an action's own status is the one it started with.
        "write one of `not-started`, `on-track`, `at-risk`, `off-track` or `done`",
    )


def test_every_mistake_in_a_file_is_reported_at_once(content_copy: ContentCopy) -> None:
    content_copy.patch("authorities/example.yaml", "status: done", "status: ontrack")
    content_copy.patch("authorities/example.yaml", "owner: Assistant Director, Safeguarding", "owner: yes")
    content_copy.patch("authorities/example.yaml", "gss: E10000034", "gss: E1000003")
    found = only(content_copy.check(), "content/authorities/example.yaml")
    assert [(line, col) for line, col, *_ in found] == [(3, 14), (89, 16), (101, 17)]


def test_errors_in_one_file_do_not_hide_another_files(content_copy: ContentCopy) -> None:
    content_copy.patch("authorities/example.yaml", "status: done", "status: ontrack")
    content_copy.patch("authorities/old-example.yaml", "region: South West", "region: 12")
    files = {p.file for p in content_copy.check().problems}
    assert files == {"content/authorities/example.yaml", "content/authorities/old-example.yaml"}


def test_a_file_that_cannot_be_read_is_not_blamed_on_the_files_it_links(content_copy: ContentCopy) -> None:
    # example.yaml lists old-example among its predecessors; unread, it says nothing either way.
    content_copy.patch("authorities/example.yaml", "region: South West", "region: 'South West")
    found = [(p.file, p.line, p.col) for p in content_copy.check().problems]
    assert found == [("content/authorities/example.yaml", 4, 9)]
    content_copy.patch("authorities/example.yaml", "region: 'South West", "region: South West")
    content_copy.patch("authorities/example.yaml", "predecessors: [old-example]", "predecessors: []")
    found = [(p.file, p.line, p.col) for p in content_copy.check().problems]
    assert found == [("content/authorities/old-example.yaml", 4, 14)]


def test_as_of_decides_what_is_in_the_future(content_copy: ContentCopy) -> None:
    code, data = content_copy.cli_json(as_of="2024-04-30")
    assert code == 1
    assert problems_in(data, "content/authorities/example.yaml") == [
        (
            113,
            20,
            "error",
            "`date: 2024-05-01` is in the future (this check is as of 2024-04-30)",
            "an update records what has happened by its date: check the year; a date still to come is the "
            "action's `due`",
        )
    ]


# Warnings ------------------------------------------------------------------------------

OLD_INSPECTIONS = """inspections:
  - id: mv-2014
    type: monitoring-visit
    published: 2014-06
    sources: [mv-2014]
    recommendations:
      - {id: p1, priority: true, text: The timeliness of visits to children.}
    # A visit in parts: each part, and the first and last day.
    visited: {from: 2014-05-12, to: 2014-05-21}
    visited_in_parts: [{from: 2014-05-12, to: 2014-05-13}, {from: 2014-05-20, to: 2014-05-21}]
    notes:
      - text: Until 1 March 2024 this entry gave the letter's month as July 2014; the letter is dated June 2014.
        sources: [mv-2014]
        kind: correction
        date: 2024-03-01
      - {text: The letter calls this the second visit., sources: [mv-2014], not_recorded: the first monitoring visit}
"""

WARNINGS = [
    pytest.param(
        "authorities/example.yaml",
        "responds_to: [sif-2016/r6]\n",
        "responds_to: [sif-2016/r1]\n",
        (
            48,
            9,
            "warning",
            "no plan action responds to recommendation `sif-2016/r6`",
            "add `sif-2016/r6` to the `responds_to` of the action that answers it",
        ),
        id="unanswered-recommendation",
    ),
    pytest.param(
        "authorities/example.yaml",
        "{date: 2024-05-01,",
        "{date: 2023-06-01,",
        (
            113,
            20,
            "warning",
            "action `C1` has had no update for over a year (last 2023-06-01)",
            "add an update with today's date and what has happened",
        ),
        id="stale-action",
    ),
    pytest.param(
        "authorities/old-example.yaml",
        OLD_INSPECTIONS,
        "",
        (1, 1, "warning", "this authority has no inspections", "add its inspections under `inspections:`"),
        id="no-inspections",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "expected"), WARNINGS)
def test_warnings_pass_unless_strict(
    content_copy: ContentCopy, name: str, old: str, new: str, expected: tuple[int, int, str, str, str]
) -> None:
    content_copy.patch(name, old, new)

    result = content_copy.cli()
    assert result.exit_code == 0, result.output
    line, col, _severity, message, hint = expected
    assert f"content/{name}:{line}:{col}: warning: {message}\n" in result.stdout
    assert f"    hint: {hint}\n" in result.stdout
    assert result.stdout.endswith("0 errors, 1 warning\n")

    strict = content_copy.cli("--strict")
    assert strict.exit_code == 1
    assert strict.stdout.endswith("0 errors, 1 warning (warnings fail with --strict)\n")

    code, data = content_copy.cli_json()
    assert code == 0
    assert problems_in(data, f"content/{name}") == [expected]


def test_an_action_dropped_over_a_year_ago_is_not_asked_for_an_update(content_copy: ContentCopy) -> None:
    # As stale-action above, but its last update drops it: nothing more will be said of it.
    content_copy.patch(
        "authorities/example.yaml",
        "{date: 2024-05-01, note: Half of plans rewritten.}",
        "{date: 2023-06-01, status: dropped, note: Merged into C2.}",
    )
    code, data = content_copy.cli_json()
    assert code == 0
    assert problems_in(data, "content/authorities/example.yaml") == []


def test_action_that_responds_to_nothing_is_warned(content_copy: ContentCopy) -> None:
    content_copy.patch("authorities/example.yaml", "        responds_to: [sif-2016/r6]\n", "")
    code, data = content_copy.cli_json()
    assert code == 0
    assert ("content/authorities/example.yaml", 97, 9, "warning", "action `B1` responds to no recommendation") in [
        (p["file"], p["line"], p["col"], p["severity"], p["message"]) for p in data["problems"]
    ]


def unlinked_copy(content_copy: ContentCopy, slug: str, name: str) -> None:
    """old-example.yaml copied to authorities/SLUG.yaml under another name, its successor link dropped."""
    content_copy.write(
        f"authorities/{slug}.yaml",
        content_copy.read("authorities/old-example.yaml")
        .replace("successors: [example]\n", "")
        .replace("name: Old Example County Council", f"name: {name}"),
    )


def git_in(content_copy: ContentCopy, *args: str) -> None:
    identity = ["-c", "user.name=Editor", "-c", "user.email=editor@exampleshire.gov.uk"]
    subprocess.run(["git", *identity, *args], cwd=content_copy.root, check=True, capture_output=True)


def on_a_branch(content_copy: ContentCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    """The content committed as main, and the check run as a pull request into it: what changes
    next is the pull request's."""
    git_in(content_copy, "init", "-q", "-b", "main")
    git_in(content_copy, "add", ".")
    git_in(content_copy, "commit", "-q", "-m", "content")
    git_in(content_copy, "update-ref", "refs/remotes/origin/main", "HEAD")
    monkeypatch.setenv("GITHUB_BASE_REF", "main")


def line_of(text: str, words: str) -> int:
    """The number of the line where words first stand in text."""
    return text[: text.index(words)].count("\n") + 1


def warnings_saying(content_copy: ContentCopy, words: str) -> list[tuple[int, int, str, str]]:
    """The check's problems whose message has words in it, of content that passes."""
    code, data = content_copy.cli_json()
    assert code == 0, data["problems"]
    return [(p["line"], p["col"], p["message"], p["hint"]) for p in data["problems"] if words in p["message"]]


def test_shared_code_warns_unless_the_files_are_linked(content_copy: ContentCopy) -> None:
    content_copy.patch("authorities/old-example.yaml", "region: South West", "codes: {dfe: 885}")
    code, data = content_copy.cli_json()
    assert (code, data["problems"]) == (0, [])  # a successor may keep its predecessor's code
    unlinked_copy(content_copy, "other", "Other Council")
    code, data = content_copy.cli_json()
    assert code == 0
    # Each file is told, since either may be the one typed wrong (and a pull request shows
    # only its own files' annotations).
    assert [(p["file"], p["line"], p["col"], p["message"]) for p in data["problems"]] == [
        ("content/authorities/example.yaml", 3, 30, "`dfe: 885` is also the code of authorities/other.yaml"),
        ("content/authorities/old-example.yaml", 2, 14, "`dfe: 885` is also the code of authorities/other.yaml"),
        (
            "content/authorities/other.yaml",
            2,
            14,
            "`dfe: 885` is also the code of authorities/example.yaml and authorities/old-example.yaml",
        ),
    ]


def test_an_ofsted_report_is_one_authoritys_unless_the_files_are_linked(content_copy: ContentCopy) -> None:
    report = "https://files.ofsted.gov.uk/v1/file/50284334"
    content_copy.patch("authorities/old-example.yaml", "https://example.org/old/mv-2014", report)
    content_copy.patch("authorities/example.yaml", "https://reports.ofsted.gov.uk/example/mv", report)
    assert content_copy.cli_json() == (0, {"errors": 0, "warnings": 0, "problems": [], "unread": []})  # a successor's
    # An inspection pasted with its source into another authority's file.
    unlinked_copy(content_copy, "other", "Other Council")
    code, data = content_copy.cli_json()
    assert code == 0
    hint = "check that this source, and the inspection that cites it, belong in this file"
    assert [(p["file"], p["line"], p["col"], p["severity"], p["message"], p["hint"]) for p in data["problems"]] == [
        (
            f"content/authorities/{slug}.yaml",
            line,
            col,
            "warning",
            f"this report of Ofsted's is also a source of {others}, and a report is about one authority",
            hint,
        )
        for slug, line, col, others in [
            ("example", 24, 77, "authorities/other.yaml"),
            ("old-example", 6, 56, "authorities/other.yaml"),
            ("other", 5, 56, "authorities/example.yaml and authorities/old-example.yaml"),
        ]
    ]


def test_visits_may_cite_the_report_of_the_inspection_they_follow(content_copy: ContentCopy) -> None:
    report = "https://files.ofsted.gov.uk/v1/file/50284334"
    visit = "{{id: {}, type: monitoring-visit, visited: {}, sources: [sif, mv]}}"
    content_copy.write(
        "authorities/case.yaml",
        "name: Case Council\n"
        f"sources: [{{id: sif, title: Report, url: {report}}}, {{id: mv, title: Letter, url: https://example.org/mv}}]\n"
        "inspections:\n"
        "  - {id: sif, type: sif, visited: {from: 2016-01-11, to: 2016-02-04}, judgements: {overall: inadequate},"
        " sources: [sif]}\n"
        f"  - {visit.format('mv-1', '2016-09')}\n"
        f"  - {visit.format('mv-2', '2017-01')}\n",
    )
    told = [p["message"] for p in content_copy.cli_json()[1]["problems"] if "cites the report" in p["message"]]
    assert told == []
    # Without the inspection whose report it is, the two visits cite one report as their own.
    content_copy.patch("authorities/case.yaml", " sources: [sif]}", " sources: [mv]}")
    told = [p["message"] for p in content_copy.cli_json()[1]["problems"] if "cites the report" in p["message"]]
    assert told == [
        "inspection `mv-2` cites the report that inspection `mv-1` on line 5 cites, and both are `monitoring-visit`: "
        "each inspection has a report of its own"
    ]


def test_a_name_is_one_authoritys_unless_the_files_are_linked(content_copy: ContentCopy) -> None:
    # A file copied to start another, its name not yet changed: two pages under one name.
    unlinked_copy(content_copy, "copy", "old example  county council")
    code, data = content_copy.cli_json()
    assert code == 1
    hint = (
        "each authority has a page of its own under its own name: if this file was copied to start another, "
        "give it that authority's name and codes"
    )
    assert [(p["file"], p["line"], p["col"], p["severity"], p["message"], p["hint"]) for p in data["problems"]] == [
        (
            "content/authorities/copy.yaml",
            1,
            7,
            "error",
            "`old example  county council` is also the name of authorities/old-example.yaml",
            hint,
        ),
        (
            "content/authorities/old-example.yaml",
            1,
            7,
            "error",
            "`Old Example County Council` is also the name of authorities/copy.yaml",
            hint,
        ),
    ]
    # A successor may keep its predecessor's name (a council remade within its borders).
    content_copy.remove("authorities/copy.yaml")
    content_copy.patch("authorities/example.yaml", "name: Example Council", "name: Old Example County Council")
    assert content_copy.cli_json() == (0, {"errors": 0, "warnings": 0, "problems": [], "unread": []})


def test_a_letter_published_after_its_authority_was_abolished_is_not_told(content_copy: ContentCopy) -> None:
    # The letter about a visit to a council about to go may come out once it has gone: only
    # a visit after is told, and here the visit's days are not given.
    path = "authorities/old-example.yaml"
    content_copy.patch(path, "published: 2014-06", "published: 2015-05")
    content_copy.patch(path, "    visited: {from: 2014-05-12, to: 2014-05-21}\n", "")
    parts = "    visited_in_parts: [{from: 2014-05-12, to: 2014-05-13}, {from: 2014-05-20, to: 2014-05-21}]\n"
    content_copy.patch(path, parts, "")
    assert content_copy.check().problems == []
    # Placed at its letter, it is told when that is before the authority was created.
    content_copy.patch(path, "abolished: 2015-03-31", "created: 2015-06-01\nabolished: 2019-03-31")
    assert [p.message for p in content_copy.check().problems] == [
        "inspection `mv-2014` is dated 2015-05, before this authority was created (2015-06-01)"
    ]


def test_an_abolished_authoritys_open_plan_is_told_only_with_work_left(content_copy: ContentCopy) -> None:
    # Nothing would be counted due or overdue when every action is done or dropped.
    plan = (
        "plans:\n  - id: p\n    title: Plan\n    adopted: 2014-07\n    in_response_to: [mv-2014]\n"
        "    actions:\n      - {id: A1, title: Do, status: STATUS, responds_to: [mv-2014/p1]}\n"
    )
    path = "authorities/old-example.yaml"
    original = content_copy.read(path)
    content_copy.write(path, original + plan.replace("STATUS", "done"))
    assert content_copy.check().problems == []
    content_copy.write(path, original + plan.replace("STATUS", "on-track"))
    assert [p.message for p in content_copy.check().problems] == [
        "plan `p` is not closed, but this authority was abolished (2015-03-31): pages would count its unfinished "
        "actions as still due, and those past their date as overdue"
    ]


def test_a_name_written_with_its_accent_apart_is_the_same_name(content_copy: ContentCopy) -> None:
    # `ô` as one character, and as `o` then the accent (as some systems save it): one name to a reader.
    unlinked_copy(content_copy, "copy", "Old Exo\u0302mple County Council")
    content_copy.patch("authorities/old-example.yaml", "Old Example County", "Old Ex\u00f4mple County")
    assert "Exo\u0302mple" in content_copy.read("authorities/copy.yaml")
    told = [
        (p.file, p.message.endswith("is also the name of authorities/old-example.yaml"))
        for p in content_copy.check().problems
    ]
    assert ("content/authorities/copy.yaml", True) in told


def test_a_copy_this_change_adds_is_told_and_the_file_it_copies_is_not(content_copy: ContentCopy) -> None:
    git_in(content_copy, "init", "-q", "-b", "main")
    git_in(content_copy, "add", ".")
    git_in(content_copy, "commit", "-q", "-m", "content")
    unlinked_copy(content_copy, "copy", "Old Example County Council")
    content_copy.patch("authorities/copy.yaml", "region: South West", "region: South West\ncodes: {dfe: 885}")
    told = [(p.file, p.message) for p in content_copy.check().problems]
    assert told == [
        (
            "content/authorities/copy.yaml",
            "`Old Example County Council` is also the name of authorities/old-example.yaml",
        ),
        ("content/authorities/copy.yaml", "`dfe: 885` is also the code of authorities/example.yaml"),
    ]
    # Once it is committed on the editor's branch, it is still this change's.
    git_in(content_copy, "switch", "-q", "-c", "new-authority")
    git_in(content_copy, "add", ".")
    git_in(content_copy, "commit", "-q", "-m", "copy")
    assert [(p.file, p.message) for p in content_copy.check().problems] == told


def test_a_whole_file_copied_leaves_the_file_it_copies_untold(content_copy: ContentCopy) -> None:
    # Ofsted's page for the authority among its sources, found by the URN two files now give:
    # the copy is told it shares the URN, and the file it copies is told nothing.
    content_copy.patch(
        "authorities/example.yaml",
        "sources:\n",
        "sources:\n  - {id: page, title: Ofsted's page, url: https://reports.ofsted.gov.uk/provider/44/80584}\n",
    )
    git_in(content_copy, "init", "-q", "-b", "main")
    git_in(content_copy, "add", ".")
    git_in(content_copy, "commit", "-q", "-m", "content")
    assert content_copy.check().problems == []
    # Named to come after it, and before it: either way, the copy is the one told.
    for name in ("zz-copy", "copy"):
        content_copy.write(f"authorities/{name}.yaml", content_copy.read("authorities/example.yaml"))
        told = [(p.file, p.message) for p in content_copy.check().problems]
        assert [m for f, m in told if f != f"content/authorities/{name}.yaml"] == []
        assert {
            "`ofsted: 80584` is also the code of authorities/example.yaml",
            "`example-council` is also a former address of authorities/example.yaml",
        } <= {m for _, m in told}
        content_copy.remove(f"authorities/{name}.yaml")
    # A third file citing the page is told whose it is, whichever files give the URN.
    content_copy.write("authorities/zz-copy.yaml", content_copy.read("authorities/example.yaml"))
    content_copy.write(
        "authorities/third.yaml",
        "name: Third Council\nsources:\n"
        "  - {id: page, title: Ofsted's page, url: https://reports.ofsted.gov.uk/provider/44/80584}\n",
    )
    assert (
        "this is Ofsted's page for the authority in authorities/example.yaml and authorities/zz-copy.yaml "
        "(URN 80584), not this one's"
    ) in [p.message for p in content_copy.check().problems if p.file.endswith("/third.yaml")]


def test_an_old_address_is_kept_only_where_no_file_has_it_and_for_one_authority(content_copy: ContentCopy) -> None:
    # The valid fixture's example.yaml keeps `example-council`, the address it had before.
    content_copy.patch("authorities/example.yaml", "former_slugs: [example-council]", "former_slugs: [old-example]")
    code, data = content_copy.cli_json()
    assert code == 1
    assert [(p["file"], p["line"], p["col"], p["message"], p["hint"]) for p in data["problems"]] == [
        (
            "content/authorities/example.yaml",
            115,
            16,
            "`old-example` is the address of authorities/old-example.yaml, which exists",
            "an old address can be kept only when no file has it: remove it here, or check which file was renamed",
        )
    ]
    content_copy.patch("authorities/example.yaml", "former_slugs: [old-example]", "former_slugs: [example-council]")
    content_copy.patch("authorities/old-example.yaml", "region: South West", "former_slugs: [example-council]")
    code, data = content_copy.cli_json()
    assert code == 1
    # Both are told: either may be the file whose page was at the address.
    hint = (
        "an old address sends readers to one page only: keep it in the file whose page was at that address, "
        "and remove it from the other"
    )
    assert [(p["file"], p["line"], p["col"], p["message"], p["hint"]) for p in data["problems"]] == [
        (
            "content/authorities/example.yaml",
            115,
            16,
            "`example-council` is also a former address of authorities/old-example.yaml",
            hint,
        ),
        (
            "content/authorities/old-example.yaml",
            2,
            16,
            "`example-council` is also a former address of authorities/example.yaml",
            hint,
        ),
    ]


def test_an_id_renamed_in_a_pull_request_is_told_to_keep_the_one_it_was_published_with(
    content_copy: ContentCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    def problems() -> list[tuple[int, int, str, str]]:
        return warnings_saying(content_copy, "renamed")

    on_a_branch(content_copy, monkeypatch)
    assert problems() == []
    # An action given a new id, as a plan renumbers: its row's link and its updates' feed
    # entries change with it. Its reference elsewhere in the file is changed too, so the
    # file passes its own rules.
    text = content_copy.read("authorities/example.yaml")
    content_copy.write("authorities/example.yaml", text.replace("A1", "P1-1"))
    line = line_of(content_copy.read("authorities/example.yaml"), "id: P1-1")
    assert problems() == [
        (
            line,
            13,
            "action `A1` is renamed `P1-1`: links to it on its page (and its entries in the feeds) are made from its "
            "id, so a link a reader kept will find nothing",
            "keep the id it had before this change, `A1`: an id is an address, not a number to keep in order (if the "
            "old id was itself wrong, let this warning stand)",
        )
    ]
    # An entry added, or one removed, renames none of the others.
    added = (
        "      - {id: A0, workstream: A, title: New, responds_to: [sif-2016/r1], status: on-track, "
        "sources: [dcs-statement]}\n"
    )
    content_copy.write("authorities/example.yaml", text.replace("      - id: A1\n", added + "      - id: A1\n"))
    assert problems() == []


def test_a_recommendation_renamed_with_actions_still_answering_it_is_told_beside_their_errors(
    content_copy: ContentCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Read alone, the errors' hints say to remove the references: the rename is their cause.
    on_a_branch(content_copy, monkeypatch)
    content_copy.patch("authorities/example.yaml", "      - id: r6\n", "      - id: section-20\n")
    code, data = content_copy.cli_json()
    assert code == 1
    said = {p["message"]: p["hint"] for p in data["problems"]}
    # The reference's error says what happened, and to give the id back.
    assert said["`sif-2016/r6` is not a recommendation in this file"] == (
        "this change renamed `r6` `section-20`: give it back its id, `r6`, which readers' links and this reference "
        "use (or, if the new id must stay, write `sif-2016/section-20` here)"
    )
    assert (
        "recommendation `r6` is renamed `section-20`: links to it on its page are made from its id, so a link a "
        "reader kept will find nothing"
    ) in said
    # That no action answers the point under its new id is the rename's doing, not another mistake.
    assert not [m for m in said if m.startswith("no plan action responds to recommendation `sif-2016/section-20`")]
    # An inspection renamed breaks the references to it and to its points alike.
    content_copy.patch("authorities/example.yaml", "      - id: section-20\n", "      - id: r6\n")
    content_copy.patch("authorities/example.yaml", "  - id: sif-2016\n", "  - id: sif-2016-10\n")
    code, data = content_copy.cli_json()
    hints = {p["hint"] for p in data["problems"] if p["severity"] == "error"}
    assert hints == {
        "this change renamed `sif-2016` `sif-2016-10`: give it back its id, `sif-2016`, which readers' links and this "
        f"reference use (or, if the new id must stay, write `{meant}` here)"
        for meant in ("sif-2016-10", "sif-2016-10/r1", "sif-2016-10/r6")
    }


def test_a_plan_added_under_an_id_the_file_has_renames_none_of_the_first_plans_actions(
    content_copy: ContentCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The repeated id is an error of its own; the two plans cannot be told apart, so neither's
    # actions are told renamed (which would ask for the first plan's ids on the second's).
    on_a_branch(content_copy, monkeypatch)
    content_copy.write(
        "authorities/example.yaml",
        content_copy.read("authorities/example.yaml").replace(
            "# The page was at",
            "  - id: sip\n    title: Again\n    actions:\n"
            "      - {id: Z1, title: New, status: on-track}\n      - {id: Z2, title: Newer, status: on-track}\n"
            "# The page was at",
            1,
        ),
    )
    code, data = content_copy.cli_json()
    messages = [p["message"] for p in data["problems"]]
    assert code == 1 and "plan id `sip` is used twice" in messages, messages
    assert not [m for m in messages if "renamed" in m or "deleted" in m or "taken out" in m], messages


def test_an_action_numbered_as_the_plan_numbers_it_is_told_when_renumbered(
    content_copy: ContentCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A plan's own numbering, `id: "1"` (quoted, as the checker asks of an id that reads as a number).
    content_copy.patch("authorities/example.yaml", "      - id: A1\n", '      - id: "1"\n')
    on_a_branch(content_copy, monkeypatch)
    content_copy.patch("authorities/example.yaml", '      - id: "1"\n', '      - id: "2"\n')
    code, data = content_copy.cli_json()
    assert code == 0, data["problems"]
    assert [p["message"] for p in data["problems"] if "renamed" in p["message"]] == [
        "action `1` is renamed `2`: links to it on its page (and its entries in the feeds) are made from its id, "
        "so a link a reader kept will find nothing"
    ]


def test_an_actions_own_date_or_status_rewritten_in_a_pull_request_is_told_to_go_in_an_update(
    content_copy: ContentCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    def told() -> list[tuple[int, int, str, str]]:
        return warnings_saying(content_copy, "own `")

    on_a_branch(content_copy, monkeypatch)
    # The plan's date, moved on the action as in a spreadsheet: A1 would stop being overdue
    # with nothing on the page to say it was.
    # And its own status set to what its first update says: still told, the update says when.
    original = content_copy.read("authorities/example.yaml")
    content_copy.patch(
        "authorities/example.yaml",
        "        due: 2018-03-31\n        status: on-track\n",
        "        due: 2019-12-31\n        status: at-risk\n",
    )
    due = line_of(content_copy.read("authorities/example.yaml"), "due: 2019-12-31")
    assert told() == [
        (
            due,
            14,
            "action `A1`'s own `due` was `2018-03-31` before this change: the page shows the date the plan set, and "
            "a date moved since (from an update) beside it",
            "put back `due: 2018-03-31` and add an update dated the day the plan moved it, with `due: 2019-12-31` "
            "and a note saying why (if `2018-03-31` was a typing mistake, let this warning stand)",
        ),
        (
            due + 1,
            17,
            "action `A1`'s own `status` was `on-track` before this change: an action's progress is told by its "
            "updates, each dated, which the page shows",
            "put back `status: on-track`: the update of 2018-10-01 already says `at-risk`",
        ),
    ]
    # An action added with its date and status, or an update added, is no rewrite.
    content_copy.write("authorities/example.yaml", original)
    content_copy.patch(
        "authorities/example.yaml",
        "      - id: B1\n",
        "      - {id: A0, workstream: A, title: New, responds_to: [sif-2016/r1], due: 2019-01-31, status: done}\n"
        "      - id: B1\n",
    )
    assert told() == []
    # A published update given another status: the page would say the action reached it that day.
    content_copy.write(
        "authorities/example.yaml", original.replace("status: at-risk, note: Agency", "status: done, note: Agency")
    )
    line = line_of(original, "date: 2018-10-01")
    assert warnings_saying(content_copy, "update of") == [
        (
            line,
            40,
            "action `A1`'s update of 2018-10-01 said `status: at-risk` before this change: an update records what "
            "was so on its day, and the page says when each status was reached and each date moved",
            "leave the update as it was, and add one dated the day it changed, with `status: done` and a note (if "
            "it was a typing mistake, let this warning stand)",
        )
    ]


def test_a_published_update_deleted_or_stripped_of_its_status_is_warned(
    content_copy: ContentCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_a_branch(content_copy, monkeypatch)
    original = content_copy.read("authorities/example.yaml")
    # Its status taken away: the page would no longer say when the action was at risk.
    content_copy.write("authorities/example.yaml", original.replace("status: at-risk, note: Agency", "note: Agency"))
    line = line_of(original, "date: 2018-10-01")
    assert warnings_saying(content_copy, "update of") == [
        (
            line,
            13,
            "action `A1`'s update of 2018-10-01 said `status: at-risk` before this change, which takes it away: the "
            "page says when each status was reached and each date moved",
            "put back `status: at-risk` (if it was a typing mistake, let this warning stand)",
        )
    ]
    # Its date changed: the update of that day is gone, as if deleted.
    content_copy.write("authorities/example.yaml", original.replace("{date: 2018-10-01,", "{date: 2018-10-02,"))
    assert warnings_saying(content_copy, "update of") == [
        (
            line_of(original, "        updates:\n          - {date: 2018-10-01"),
            9,
            "action `A1`'s update of 2018-10-01 is deleted, or its date changed, by this change: an update records "
            "what was so on its day, and feed readers were told of it",
            "put it back as it was; if its date was typed wrong and this corrects it, let this warning stand",
        )
    ]
    # Its date written more or less precisely: the same update, told as re-dated, where it is.
    content_copy.write("authorities/example.yaml", original.replace("{date: 2018-10-01,", "{date: 2018-10,"))
    assert warnings_saying(content_copy, "update of") == [
        (
            line,
            20,
            "action `A1`'s update of 2018-10-01 is dated 2018-10 by this change: feed readers will be told of it "
            "again, as a new update",
            "if 2018-10 is the date its source gives, let this warning stand; if not, put back `date: 2018-10-01`",
        )
    ]
    # Re-dated and given another status: both told, the status as of any published update.
    redone = original.replace("{date: 2018-10-01, status: at-risk,", "{date: 2018-10, status: done,")
    content_copy.write("authorities/example.yaml", redone)
    assert [message for _, _, message, _ in warnings_saying(content_copy, "update of")] == [
        "action `A1`'s update of 2018-10-01 is dated 2018-10 by this change: feed readers will be told of it "
        "again, as a new update",
        "action `A1`'s update of 2018-10-01 said `status: at-risk` before this change: an update records what "
        "was so on its day, and the page says when each status was reached and each date moved",
    ]


def test_two_published_updates_made_one_of_their_month_are_told_gone(
    content_copy: ContentCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Either could be the one re-dated `2018-12`: neither is guessed at; both are told gone.
    content_copy.patch("authorities/example.yaml", "{date: 2018-10-01,", "{date: 2018-12-01,")
    content_copy.patch("authorities/example.yaml", "{date: 2018-12-01, due:", "{date: 2018-12-20, due:")
    on_a_branch(content_copy, monkeypatch)
    text = content_copy.read("authorities/example.yaml")
    merged = text.replace("{date: 2018-12-01,", "{date: 2018-12,").replace(
        "          - {date: 2018-12-20, due: 2019-06-30, note: Moved after the recruitment campaign slipped.}\n", ""
    )
    content_copy.write("authorities/example.yaml", merged)
    assert [message for _, _, message, _ in warnings_saying(content_copy, "update of")] == [
        f"action `A1`'s update of {day} is deleted, or its date changed, by this change: an update records what "
        "was so on its day, and feed readers were told of it"
        for day in ("2018-12-01", "2018-12-20")
    ]


def test_an_action_deleted_in_a_pull_request_is_told_to_be_kept_with_an_update(
    content_copy: ContentCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_a_branch(content_copy, monkeypatch)
    text = content_copy.read("authorities/example.yaml")
    start = text.index("      - id: B1\n")
    content_copy.write("authorities/example.yaml", text[:start] + text[text.index("  - id: care-leavers\n") :])
    # Told where it was: at the action now in its place, or, as it was last, at the one before.
    a1 = line_of(text, "      - id: A1\n")
    assert warnings_saying(content_copy, "deleted") == [
        (
            a1,
            9,
            "action `B1` of plan `sip`, which came after `A1`, is deleted by this change: its row goes from the "
            "page, and links to it and its entries in the feeds find nothing",
            "if the plan dropped it or merged it into another, keep it, and add an update with `status: dropped` "
            "whose note says why (its row then says so, and it is no longer counted, nor overdue); if it was added "
            "by mistake, let this warning stand",
        )
    ]
    # Moved to the other plan (without its workstream, which that plan has not): told as moved.
    b1 = text[start : text.index("  - id: care-leavers\n")].replace("        workstream: B\n", "")
    moved = text[:start] + text[text.index("  - id: care-leavers\n") :].replace(
        "      - id: C1\n", b1 + "      - id: C1\n"
    )
    content_copy.write("authorities/example.yaml", moved)
    line = line_of(moved, "      - id: B1\n")
    assert warnings_saying(content_copy, "moved") == [
        (
            line,
            13,
            "action `B1` is moved from plan `sip` to plan `care-leavers`: its address on its page (and its entries "
            "in the feeds) includes its plan's id, so a link a reader kept will find nothing",
            "if a new plan took it over, keep it in plan `sip` with an update saying so, and add it to plan "
            "`care-leavers` as an action of its own; if it was in the wrong plan, let this warning stand",
        )
    ]
    # Its date deleted from C1, which it leaves no longer overdue.
    content_copy.write("authorities/example.yaml", text.replace("        due: 2024-12\n", ""))
    line = line_of(text, "      - id: C1\n")
    assert warnings_saying(content_copy, "own `due`") == [
        (
            line,
            9,
            "action `C1`'s own `due` of `2024-12` is deleted by this change: the page shows the date the plan set, "
            "and whether the action is overdue by it",
            "put back `due: 2024-12`: an update cannot take a date away, but its note can say the plan has set none "
            "since (if `2024-12` was a typing mistake, let this warning stand)",
        )
    ]
    # Renamed, it is told as renamed, not also as deleted; a plan deleted whole is a plan's change.
    content_copy.write("authorities/example.yaml", text.replace("- id: B1", "- id: B2"))
    assert warnings_saying(content_copy, "deleted") == []
    assert [message for _, _, message, _ in warnings_saying(content_copy, "renamed")] == [
        "action `B1` is renamed `B2`: links to it on its page (and its entries in the feeds) are made from its id, "
        "so a link a reader kept will find nothing"
    ]


def test_a_key_written_twice_holds_back_what_the_change_did(
    content_copy: ContentCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The second `status:` is an error; compared, its value would read as the first rewritten.
    on_a_branch(content_copy, monkeypatch)
    content_copy.patch(
        "authorities/example.yaml",
        "        status: on-track\n        updates:\n          - {date: 2024-05-01,",
        "        status: on-track\n        status: at-risk\n        updates:\n          - {date: 2024-05-01,",
    )
    code, data = content_copy.cli_json()
    assert code == 1
    told = [(p["severity"], p["message"]) for p in data["problems"]]
    assert told == [("error", "duplicate key `status` (also on line 111)")], told


def test_what_a_change_did_to_a_files_actions_is_read_from_both_versions_as_written() -> None:
    """The version before a change is any YAML, read by the base loader: every value text."""

    def plans(*given: tuple[str, list[dict[str, str]]]) -> dict[str, object]:
        return {"plans": [{"id": plan_id, "actions": actions} for plan_id, actions in given]}

    def told(before: object, now: object) -> tuple[list[object], list[object]]:
        renamed = renamed_ids(before, now)
        return rewritten_actions(before, now, renamed), deleted_actions(before, now, renamed)

    a = {"id": "a", "due": "2024-06-30", "status": "on-track"}
    # A due date deleted: the action would stop being overdue.
    assert told(plans(("p", [a])), plans(("p", [{"id": "a", "status": "on-track"}])))[0] == [
        (("plans", 0, "actions", 0, "due"), "a", "2024-06-30", None, None, None)
    ]
    # A value that was not valid before is corrected, not rewritten; a date written to the
    # month it ends is the same date.
    for then, given in (("~", "2024-06"), ("2024-13-01", "2024-12-01"), ("2024-06-30", "2024-06")):
        assert told(plans(("p", [{**a, "due": then}])), plans(("p", [{**a, "due": given}]))) == ([], [])
    # A date now written so that it is not one is an error of its own, not a date deleted.
    for given in ("31/04/2027", "2024-06-30 17:00", "2024"):
        assert told(plans(("p", [a])), plans(("p", [{**a, "due": given}]))) == ([], [])
    assert told(plans(("p", [{**a, "status": "On-Track"}])), plans(("p", [a]))) == ([], [])
    # An id the file repeated before cannot be matched: nothing is said of it.
    twice = plans(("p", [a, {**a, "due": "2025-01-31", "status": "at-risk"}]))
    assert told(twice, plans(("p", [a, {**a, "id": "b"}]))) == ([], [])
    # Moved to another plan: told as moved, at its new place.
    assert told(plans(("p", [a]), ("q", [])), plans(("p", []), ("q", [a])))[1] == [
        (("plans", 1, "actions", 0, "id"), "p", "a", "q", "", False)
    ]
    # A plan renamed: its actions are still followed.
    b = {"id": "b", "status": "done"}
    assert told(plans(("p", [a, b])), plans(("q", [{**a, "due": "2025-01-31"}]))) == (
        [(("plans", 0, "actions", 0, "due"), "a", "2024-06-30", "2025-01-31", None, None)],
        [(("plans", 0, "actions", 0), "q", "b", None, "after `a`", False)],
    )
    # Two deleted side by side: each told at the first action after it that is still there.
    c, d = {"id": "c", "status": "done"}, {"id": "d", "status": "done"}
    assert [(x.path, x.beside) for x in told(plans(("p", [a, b, c, d])), plans(("p", [a, d])))[1]] == [
        (("plans", 0, "actions", 1), "before `d`"),
        (("plans", 0, "actions", 1), "before `d`"),
    ]
    # One the plan had already dropped: the hint says to keep it as it was.
    gone = {"id": "x", "status": "on-track", "updates": [{"date": "2024-01-01", "status": "dropped"}]}
    [deleted] = told(plans(("p", [gone, a])), plans(("p", [a])))[1]
    assert deleted.dropped and deleted.beside == "before `a`"
    doc, _ = load_bytes(b"plans:\n  - id: p\n    actions:\n      - id: a\n", "f.yaml")
    assert doc is not None
    assert (deleted_problem(doc, deleted).line, deleted_problem(doc, deleted).hint) == (
        4,
        "it was already dropped: keep it as it was, so that its row says so; if it was added by mistake, let this "
        "warning stand",
    )
    # Deleted from before another: told at that one, which came after it.
    assert told(plans(("p", [a, b])), plans(("p", [b])))[1] == [
        (("plans", 0, "actions", 0), "p", "a", None, "before `b`", False)
    ]
    # Reordered and renumbered, every id on another action: told as renamed, by their titles,
    # and their dates and statuses, each its own action's still, not as rewritten.
    first, second = {**a, "title": "First"}, {**b, "title": "Second"}
    before, after = plans(("p", [first, second])), plans(("p", [{**second, "id": "a"}, {**first, "id": "b"}]))
    assert told(before, after) == ([], [])
    assert renamed_ids(before, after) == [
        (("plans", 0, "actions", 0, "id"), "action", "b", "a"),
        (("plans", 0, "actions", 1, "id"), "action", "a", "b"),
    ]
    # An update that already says what the action's own status now says: the hint says so.
    done = {**a, "status": "done", "updates": [{"date": "2024-05-01", "status": "done"}]}
    assert told(plans(("p", [a])), plans(("p", [done])))[0][0].recorded == "2024-05-01"
    # An update already published, given a status it did not have or another due date: told
    # at the value, as the update of its day; a status added to a new update, or a correction
    # of one that was not valid, is not.
    updated = {**a, "updates": [{"date": "2024-05-01", "note": "Begun."}, {"date": "2024-07-01", "due": "2024-09"}]}
    changed = {
        **a,
        "updates": [
            {"date": "2024-05-01", "note": "Begun.", "status": "done"},
            {"date": "2024-07-01", "due": "2024-10"},
            {"date": "2024-08-01", "status": "at-risk"},
        ],
    }
    assert told(plans(("p", [updated])), plans(("p", [changed])))[0] == [
        (("plans", 0, "actions", 0, "updates", 0, "status"), "a", None, "done", None, "2024-05-01"),
        (("plans", 0, "actions", 0, "updates", 1, "due"), "a", "2024-09", "2024-10", None, "2024-07-01"),
    ]
    wrong = {**updated, "updates": [{"date": "2024-05-01", "status": "Done"}]}
    assert told(
        plans(("p", [wrong])), plans(("p", [{**a, "updates": [{"date": "2024-05-01", "status": "done"}]}]))
    ) == (
        [],
        [],
    )
    # Whatever the shapes, nothing raises.
    odd: list[object] = [None, "x", [], {"plans": "x"}, {"plans": [None, {"id": ["p"]}, {"id": "p", "actions": "x"}]}]
    odd += [plans(("p", [{"id": None}, {"id": "a", "due": ["x"], "status": {}, "updates": [{"date": {}}, "x"]}]))]
    for before in odd:
        for now in odd:
            told(before, now)


def test_an_id_given_where_there_was_none_is_no_rename() -> None:
    # The file before the change may have failed its check: an entry without an id had none to keep.
    assert renamed_ids({"inspections": [{"type": "sif"}]}, {"inspections": [{"id": "mv", "type": "sif"}]}) == []

    def plan(action_id: object) -> dict[str, object]:
        return {"plans": [{"id": "p", "actions": [{"id": action_id}]}]}

    assert renamed_ids(plan(7), plan("a7")) == []
    assert renamed_ids(plan("A1"), plan("B1")) == [(("plans", 0, "actions", 0, "id"), "action", "A1", "B1")]


def test_a_rename_in_a_pull_request_is_told_to_keep_the_old_address(
    content_copy: ContentCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    def git(*args: str) -> None:
        git_in(content_copy, *args)

    def problems() -> list[tuple[str, int, int, str, str, str]]:
        code, data = content_copy.cli_json()
        assert code == 0
        return [(p["file"], p["line"], p["col"], p["severity"], p["message"], p["hint"]) for p in data["problems"]]

    solo = "name: Solo Council\nsources: [{id: s, title: Report, url: https://example.org/r}]\n"
    content_copy.write(
        "authorities/solo.yaml", solo + "inspections: [{id: mv, type: monitoring-visit, visited: 2020-01}]\n"
    )
    content_copy.patch("authorities/solo.yaml", "visited: 2020-01}", "visited: 2020-01, sources: [s]}")
    git("init", "-q", "-b", "main")
    git("add", ".")
    git("commit", "-q", "-m", "content")
    git("update-ref", "refs/remotes/origin/main", "HEAD")
    monkeypatch.setenv("GITHUB_BASE_REF", "main")  # as GitHub Actions sets it for a pull request into main
    assert problems() == []
    git("mv", "authorities/solo.yaml", "authorities/solo-council.yaml")
    git("commit", "-q", "-m", "rename")
    moved = "this file was authorities/solo.yaml, so its page has moved: links to authorities/solo/ will find nothing"
    assert problems() == [
        (
            "content/authorities/solo-council.yaml",
            1,
            1,
            "warning",
            moved,
            "add `former_slugs: [solo]` on a line of its own below `name:`, not indented, to keep a page there that "
            "sends readers to this one",
        )
    ]
    # A file that keeps other old addresses, or none yet in a list it has, is told to add this
    # one to the list, at the list: writing the key again would be a duplicate key. Two files
    # with empty lists have nothing in common.
    content_copy.patch("authorities/old-example.yaml", "region: South West", "region: South West\nformer_slugs: []")
    before = "name: Solo Council\n"
    for listed, col in [("[]", 15), ("[the-solo]", 16)]:
        content_copy.patch("authorities/solo-council.yaml", before, f"name: Solo Council\nformer_slugs: {listed}\n")
        before = f"name: Solo Council\nformer_slugs: {listed}\n"
        assert problems() == [
            (
                "content/authorities/solo-council.yaml",
                2,
                col,
                "warning",
                moved,
                "add `solo` to this `former_slugs`, to keep a page there that sends readers to this one",
            )
        ]
    content_copy.patch("authorities/old-example.yaml", "region: South West\nformer_slugs: []", "region: South West")
    content_copy.patch("authorities/solo-council.yaml", "former_slugs: [the-solo]", "former_slugs: [the-solo, solo]")
    assert problems() == []
    content_copy.patch("authorities/example.yaml", "predecessors: [old-example]\n", "")
    # Renamed to a name the folder refuses, a file is told so by that error alone, not also as deleted.
    for refused in ("old-example.yml", "Old-Example.yaml", "old-example (1).yaml"):
        content_copy.path("authorities/old-example.yaml").rename(content_copy.path(f"authorities/{refused}"))
        data = content_copy.cli_json()[1]
        assert [(p["file"], p["severity"]) for p in data["problems"]] == [(f"content/authorities/{refused}", "error")]
        content_copy.path(f"authorities/{refused}").rename(content_copy.path("authorities/old-example.yaml"))
    content_copy.remove("authorities/old-example.yaml")
    assert [problem[:5] for problem in problems()] == [
        (
            "content/authorities/old-example.yaml",
            1,
            1,
            "warning",
            "authorities/old-example.yaml is deleted: links to its page, authorities/old-example/, will find nothing",
        )
    ]
    # Once the change has joined main, its renames are history: nothing more is said.
    git("add", "-A")
    git("commit", "-q", "-m", "delete old-example")
    git("update-ref", "refs/remotes/origin/main", "HEAD")
    assert problems() == []


# Output formats ------------------------------------------------------------------------


def test_text_format_names_file_line_and_column_then_the_line_and_a_hint(content_copy: ContentCopy) -> None:
    content_copy.patch("authorities/example.yaml", "status: done", "status: ontrack")
    result = content_copy.cli()
    assert result.exit_code == 1
    # On standard output, as linters print theirs: `check > log` keeps it.
    assert result.stderr == ""
    assert result.stdout == (
        "content/authorities/example.yaml:101:17: error: `ontrack` is not a valid `status`\n"
        "            status: ontrack\n"
        "                    ^\n"
        "    hint: did you mean `on-track`?\n"
        "1 error, 0 warnings\n"
    )


def test_github_format_escapes_workflow_commands(content_copy: ContentCopy) -> None:
    content_copy.write("authorities/comma,colon.yaml", "name: x\n")  # a name GitHub needs escaped
    content_copy.patch("authorities/example.yaml", "in_response_to: [ilacs-2023]", "in_response_to: [ilacs-2024]")
    content_copy.patch("authorities/example.yaml", "{date: 2024-05-01,", "{date: 2023-06-01,")
    result = content_copy.cli("--format", "github")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "::error file=content/authorities/comma%2Ccolon.yaml,line=1,col=1::`comma,colon.yaml` is not a valid file "
        "name (hint: the name is the page's address: use lowercase letters, digits and hyphens, e.g. "
        "`comma-colon.yaml`)",
        "::error file=content/authorities/example.yaml,line=105,col=22::unknown inspection `ilacs-2024` "
        "(hint: expected one of: `ilacs-2023`, `mv-2017-05`, `sif-2016`)",
        "::warning file=content/authorities/example.yaml,line=113,col=20::action `C1` has had no update for over a "
        "year (last 2023-06-01) (hint: add an update with today's date and what has happened)",
    ]
    # GitHub shows ten annotations of each kind: the log has the whole report for people too.
    assert result.stderr == text_report(content_copy.check().problems, False) + "\n"
    assert result.stderr.endswith("\n2 errors, 1 warning\n")


def test_github_format_writes_every_problem_to_the_runs_summary(
    content_copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "summary.md"
    page.write_text("An earlier step's summary.\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(page))
    for n in range(12):  # more than the ten annotations GitHub shows
        content_copy.write(f"authorities/typo-{n}.yaml", "name: Typo Council\nregoin: South West\n")
    result = content_copy.cli("--format", "github")
    assert result.exit_code == 1
    written = page.read_text(encoding="utf-8")
    assert written.startswith("An earlier step's summary.\n### Content check: 12 errors, ")
    report = written.split("```text\n", 1)[1].rsplit("\n```\n", 1)[0]
    assert report == format_text(content_copy.check().problems)
    assert [f"content/authorities/typo-{n}.yaml:2:1: error: unknown key `regoin`" in report for n in range(12)] == [
        True
    ] * 12


def test_the_runs_summary_fences_a_report_with_or_without_backquotes() -> None:
    from tracker.problems import Problem, format_summary

    plain = format_summary(text_report([Problem("a.yaml", 1, 1, "tab character", "indent with spaces")], False))
    assert plain.startswith("### Content check: 1 error, 0 warnings\n\n```text\n") and plain.endswith("\n```\n")
    quoted = format_summary(text_report([Problem("a.yaml", 1, 1, "a ```fence``` inside", "")], False))
    assert "\n````text\n" in quoted and quoted.endswith("\n````\n")


def test_github_escaping_of_percent_and_newlines() -> None:
    from tracker.problems import Problem, format_github

    line = format_github([Problem("a:b,c%.yaml", 3, 4, "100% sure\r\nnot", "a: b, c")])
    # A line break in a value is shown, not obeyed: it could otherwise start a forged command.
    assert line == "::error file=a%3Ab%2Cc%25.yaml,line=3,col=4::100%25 sure\\x0d\\x0anot (hint: a: b, c)"


def test_json_format_is_one_parseable_document(content_copy: ContentCopy) -> None:
    content_copy.patch("authorities/example.yaml", "in_response_to: [ilacs-2023]", "in_response_to: [ilacs-2024]")
    content_copy.patch("authorities/example.yaml", "{date: 2024-05-01,", "{date: 2023-06-01,")
    result = content_copy.cli("--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert (data["errors"], data["warnings"]) == (1, 1)
    assert data["problems"] == [
        {
            "file": "content/authorities/example.yaml",
            "line": 105,
            "col": 22,
            "message": "unknown inspection `ilacs-2024`",
            "hint": "expected one of: `ilacs-2023`, `mv-2017-05`, `sif-2016`",
            "severity": "error",
            "source_line": "    in_response_to: [ilacs-2024]",
        },
        {
            "file": "content/authorities/example.yaml",
            "line": 113,
            "col": 20,
            "message": "action `C1` has had no update for over a year (last 2023-06-01)",
            "hint": "add an update with today's date and what has happened",
            "severity": "warning",
            "source_line": "          - {date: 2023-06-01, note: Half of plans rewritten.}",
        },
    ]
    assert result.stderr == ""


def test_json_output_for_clean_content(content_copy: ContentCopy) -> None:
    code, data = content_copy.cli_json("--strict")
    assert (code, data) == (0, {"errors": 0, "warnings": 0, "problems": [], "unread": []})


def test_missing_content_folder_is_a_problem_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from tracker.cli import main

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--content", "nowhere", "--as-of", AS_OF])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stdout.startswith("nowhere:1:1: error: the content folder does not exist\n")


def test_a_check_run_from_inside_the_content_says_where_to_run_it(
    content_copy: ContentCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(content_copy.path("authorities"))
    hint = "this folder is inside the content folder `..`: run the command from the folder that holds it (`cd ../..`), "
    hint += "or pass `--content ..`"
    result = CliRunner().invoke(main, ["check", "--as-of", AS_OF])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == [
        "content:1:1: error: the content folder does not exist",
        f"    hint: {hint}",
    ]
    result = CliRunner().invoke(main, ["check", "--as-of", AS_OF, "example.yaml"])
    assert result.exit_code == 2
    refused = f"Error: Invalid value for FILES: example.yaml is not a file of the content: {hint}"
    assert result.stderr.splitlines()[-1] == refused


def test_a_named_file_whose_name_is_not_utf8_is_reported_as_named(content_copy: ContentCopy) -> None:
    # Problems name such a file escaped, as it can be printed: the name given is matched so.
    name = os.fsdecode(b"authorities/caf\xe9.yaml")
    content_copy.write(name, "name: Cafe\n")
    result = content_copy.cli(f"content/{name}")
    assert result.exit_code == 1
    assert (
        result.stdout.splitlines()[0]
        == "content/authorities/caf\\udce9.yaml:1:1: error: `caf\\udce9.yaml` is not a valid file name"
    )
    assert "other file" not in result.output


def test_a_folder_inside_the_content_given_as_the_content_is_one_problem(content_copy: ContentCopy) -> None:
    # Not one "this file is not read" for each authority's file found there.
    for build in ([], ["build", "--out", "site"]):
        words = build or ["check"]
        result = CliRunner().invoke(main, [*words, "--content", "content/authorities", "--as-of", AS_OF])
        assert result.exit_code == 1
        # check's report is its output; build's output is the site, and its report a log.
        assert (result.stderr if build else result.stdout).splitlines()[:3] == [
            "content/authorities:1:1: error: this folder is inside the content folder: site.yaml and "
            "frameworks.yaml are in the one above it",
            "    hint: pass the folder that holds them: `--content content`",
            "1 error, 0 warnings",
        ]


@pytest.mark.parametrize(
    ("named", "hint"),
    [
        ("example.yaml", "write it as from this folder: content/authorities/example.yaml"),
        ("content/authorities/exampel.yaml", "did you mean content/authorities/example.yaml?"),
        ("README.md", "name a file in content"),
    ],
)
def test_a_named_file_outside_the_content_is_a_usage_error(content_copy: ContentCopy, named: str, hint: str) -> None:
    # Its problems could never be shown: "0 errors" would pass a broken file.
    content_copy.patch("authorities/example.yaml", "name: ", "nme: ")
    (content_copy.root.parent / "README.md").write_text("A file beside the content.\n")
    result = content_copy.cli(named)
    assert result.exit_code == 2
    refused = f"Error: Invalid value for FILES: {named} is not a file of the content: {hint}"
    assert result.stderr.splitlines()[-1] == refused


def test_a_named_file_is_found_whatever_way_the_content_folder_is_written(content_copy: ContentCopy) -> None:
    content_copy.patch("authorities/example.yaml", "name: ", "nme: ")
    result = CliRunner().invoke(
        main, ["check", "--content", "content/authorities/..", "--as-of", AS_OF, "content/authorities/example.yaml"]
    )
    assert result.exit_code == 1 and "unknown key `nme`" in result.stdout


def test_named_files_fail_and_name_the_other_files_with_errors(content_copy: ContentCopy) -> None:
    # As pre-commit runs it: the commit's content fails as a whole, as CI would find.
    content_copy.patch("authorities/example.yaml", "name: ", "nme: ")
    result = content_copy.cli("content/site.yaml")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-2:] == [
        "0 errors, 0 warnings in the named file",
        "This check fails: only the named files are reported, but 1 other file has errors: "
        "content/authorities/example.yaml. "
        "`python build.py check` with no file names shows them.",
    ]
    assert content_copy.cli("content/authorities/example.yaml").exit_code == 1
    for name in ("a", "b", "c", "d", "e"):
        content_copy.write(f"authorities/{name}.yaml", "nme: Broken\n")
    listed = content_copy.cli("content/site.yaml").stdout.splitlines()[-1]
    assert listed.startswith(
        "This check fails: only the named files are reported, but 6 other files have errors: "
        "content/authorities/a.yaml, "
        "content/authorities/b.yaml, content/authorities/c.yaml and 3 more. "
    )
    content_copy.patch("authorities/example.yaml", "nme: ", "name: ")
    for name in ("a", "b", "c", "d", "e"):
        (content_copy.root / "authorities" / f"{name}.yaml").unlink()
    passed = content_copy.cli("content/site.yaml", "content/authorities/example.yaml", "content/./site.yaml")
    assert passed.exit_code == 0 and passed.stdout.splitlines()[-1] == "0 errors, 0 warnings in the 2 named files"


def test_named_files_pass_beside_a_draft_git_does_not_track(content_copy: ContentCopy) -> None:
    # pre-commit leaves untracked files in place: a draft not yet added is not in the commit.
    git_in(content_copy, "init", "-q")
    git_in(content_copy, "add", ".")
    git_in(content_copy, "commit", "-q", "-m", "content")
    content_copy.write("authorities/draft.yaml", "nme: Draft\n")
    result = content_copy.cli("content/site.yaml")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == (
        "Only the named files are reported, but 1 other file has errors: content/authorities/draft.yaml. "
        "`python build.py check` with no file names shows them. Not in git, so not failing this check: "
        "content/authorities/draft.yaml."
    )
    git_in(content_copy, "add", ".")
    assert content_copy.cli("content/site.yaml").exit_code == 1


def test_bad_as_of_is_a_usage_error(content_copy: ContentCopy) -> None:
    result = content_copy.cli(as_of="2024-02-30")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].endswith(
        "'2024-02-30' is not a date written YYYY-MM-DD: February 2024 has 29 days: check the day"
    )
    # Written as people write a day: the same day, year first, as a date in the content is told.
    said = content_copy.cli(as_of="6/12/2026").stderr.splitlines()[-1]
    assert said.endswith(
        "'6/12/2026' is not a date written YYYY-MM-DD: write the year first: `2026-12-06` for 6 December 2026"
    )
    # A month is no day: no suggestion of one.
    assert content_copy.cli(as_of="June 2026").stderr.splitlines()[-1].endswith("is not a date written YYYY-MM-DD")


# What the rules allow ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # A month-only date is the whole month: published in the visit's month is not "before" it.
        ("    visited: 2017-05\n", "    visited: 2017-05\n    published: 2017-05-02\n"),
        ("visited: {from: 2016-10-24, to: 2016-11-17}", "visited: {from: 2016-10, to: 2016-10-24}"),
        # A dated judgement on the last day of its month, and the first of the next.
        ("visited: 2023-03-06", "visited: 2022-12-31"),
        # responds_to may name a recommendation of any of the authority's inspections.
        ("responds_to: [sif-2016/r6]", "responds_to: [sif-2016/r6, ilacs-2023/w1]"),
        # A plan may answer an inspection whose points are not listed, its actions named for
        # another's (carried over): they could not name points not listed.
        ("    in_response_to: [ilacs-2023]\n", "    in_response_to: [mv-2017-05]\n"),
        # Dates on the as-of day itself are not in the future.
        ("{date: 2024-05-01,", "{date: 2024-06-30,"),
        # Quoted, `yes` and numbers are text.
        ("owner: Assistant Director, Safeguarding", 'owner: "yes"'),
        ("title: Care leavers plan", 'title: "2023"'),
    ],
)
def test_allowed(content_copy: ContentCopy, old: str, new: str) -> None:
    content_copy.patch("authorities/example.yaml", old, new)
    if "2022-12-31" in new:  # in force then: the combined judgement, not the split ones
        content_copy.patch(
            "authorities/example.yaml",
            "{overall: good, in-care: good, care-leavers: requires-improvement}",
            "{overall: good, in-care-and-leavers: good}",
        )
        content_copy.patch("authorities/example.yaml", "published: 2023-04-20", "published: 2023-02-01")
    result = content_copy.cli("--strict")
    assert result.exit_code == 0, result.output


def test_dated_judgement_the_day_after_it_ended(content_copy: ContentCopy) -> None:
    content_copy.patch(
        "authorities/example.yaml",
        "{overall: good, in-care: good, care-leavers: requires-improvement}",
        "{overall: good, in-care-and-leavers: good}",
    )
    code, data = content_copy.cli_json()
    assert code == 1
    assert problems_in(data, "content/authorities/example.yaml") == [
        (
            69,
            33,
            "error",
            "`in-care-and-leavers` was judged until 2022-12 only, but this inspection is dated 2023-03-06",
            "on that date `ilacs` inspections judged `in-care` and `care-leavers` in its place: write those, with "
            "the grades the report gives",
        )
    ]


def test_the_syntax_hints_plain_keys_are_the_plain_fields() -> None:
    """A syntax hint tells an editor to drop Markdown from a key in PLAIN_KEYS: everywhere
    such a key holds a text, the pages must show it as typed (pasted.plain_fields)."""
    from conftest import REPO

    from tracker import pipeline
    from tracker.pasted import plain_fields
    from tracker.syntax import PLAIN_KEYS

    def keyed(value: object, path: tuple[str | int, ...]) -> Iterator[tuple[str | int, ...]]:
        if isinstance(value, dict):
            for key, item in value.items():
                if key in PLAIN_KEYS and isinstance(item, str) and item:
                    yield (*path, key)
                yield from keyed(item, (*path, key))
        elif isinstance(value, list):
            for k, item in enumerate(value):
                yield from keyed(item, (*path, k))

    seen = 0
    # The real content describes up to its own day; the fixture, the tests' AS_OF.
    for content, as_of in (
        (REPO / "content", CONTENT_AS_OF),
        (REPO / "tests" / "fixtures" / "valid", dt.date.fromisoformat(AS_OF)),
    ):
        checked = pipeline.check(content, as_of)
        assert checked.content is not None
        for authority in checked.content.authorities.values():
            plain = {path for path, _ in plain_fields(authority)}
            found = set(keyed(authority.model_dump(), ()))
            assert found <= plain, sorted(found - plain, key=str)
            seen += len(found)
    assert seen > 1000


def test_the_syntax_hints_list_keys_are_the_models_lists() -> None:
    """A syntax hint tells an editor to write a key's value as a list where LIST_KEYS says it is one."""
    import types
    import typing

    from pydantic import BaseModel

    from tracker import model
    from tracker.syntax import ID_LIST_KEYS, LIST_KEYS

    def is_list(annotation: object) -> bool:
        origin = typing.get_origin(annotation)
        if origin in (typing.Union, types.UnionType, typing.Annotated):
            return any(is_list(a) for a in typing.get_args(annotation)[: 1 if origin is typing.Annotated else None])
        return origin is list

    models = [c for c in vars(model).values() if isinstance(c, type) and issubclass(c, BaseModel)]
    listed = {info.alias or name for c in models for name, info in c.model_fields.items() if is_list(info.annotation)}
    assert listed == LIST_KEYS and ID_LIST_KEYS < LIST_KEYS


def inspected_autumn_2026(tmp_path: Path, type_key: str, judgements: str) -> list[tuple[int, int, str, str]]:
    """The errors of one inspection of September 2026 in the seed content: (line, column, message, hint)."""
    content = copy_seed_content(tmp_path / "content")
    (content / "authorities" / "case-council.yaml").write_text(
        "name: Case Council\n"
        "sources: [{id: s, title: Report, url: https://example.org/r}]\n"
        "inspections:\n"
        "  - id: ilacs-2026\n"
        f"    type: {type_key}\n"
        "    visited: {from: 2026-09-14, to: 2026-09-25}\n"
        f"    judgements: {judgements}\n"
        "    sources: [s]\n"
    )
    checked = pipeline.check(content, dt.date(2026, 12, 3), jobs=1, models=False)
    return [(p.line, p.col, p.message, p.hint) for p in checked.errors if p.file.endswith("case-council.yaml")]


def test_an_inspection_recorded_under_the_type_it_followed_is_told_the_type_then(tmp_path: Path) -> None:
    # From April 2026 no ILACS inspection gives an overall grade (content/frameworks.yaml):
    # an inspection that autumn written as `ilacs`, with an overall grade the report does
    # not give, must not pass, and the hint names the type in use then.
    assert inspected_autumn_2026(tmp_path, "ilacs", "{overall: good}") == [
        (
            6,
            14,
            "`ilacs` inspections ran 2018-01 to 2026-03, but this one is dated 2026-09-14",
            "check the date; an inspection then is `ilacs-2026` or `ilacs-2026-short`",
        )
    ]


def test_headline_judgements_missing_are_told_once(tmp_path: Path) -> None:
    # An ILACS inspection of 2026 gives four headline judgements: written with one of them,
    # it gets one message for the other three, not three at one place.
    assert inspected_autumn_2026(tmp_path, "ilacs-2026", "{help-and-protection: good}") == [
        (
            7,
            5,  # at `judgements:`, where they go
            "missing the headline judgements `leadership`, `in-care` and `care-leavers` of `ilacs-2026` inspections",
            "add `leadership: <grade>`, `in-care: <grade>` and `care-leavers: <grade>` under `judgements`, as the "
            "report states them",
        )
    ]


@pytest.mark.parametrize(
    ("others", "fix"),
    [
        # Copied from the inspection before it, an inspection of 2026 keeps its `overall:` line.
        ("leadership: good, ", "delete this line"),
        # Beside every headline grade but one, it may be that one (a SLAC's halves are each graded
        # "overall effectiveness"): told once, at the key, not also as that grade missing.
        ("", "if this is the grade for `leadership`, write `leadership:` for `overall:`"),
    ],
)
def test_an_overall_grade_on_an_inspection_that_gives_none_is_told_what_to_do(
    tmp_path: Path, others: str, fix: str
) -> None:
    judgements = f"{{overall: good, {others}help-and-protection: good, in-care: good, care-leavers: good}}"
    assert inspected_autumn_2026(tmp_path, "ilacs-2026", judgements) == [
        (
            7,
            18,
            "`overall` is not a judgement of `ilacs-2026` inspections",
            "`ilacs-2026` inspections give no single overall grade; they grade `leadership`, `help-and-protection`, "
            f"`in-care` and `care-leavers`: {fix}",
        )
    ]


def test_the_program_ends_with_all_it_printed_and_the_commands_exit_code(content_copy: ContentCopy) -> None:
    """build.py ends without Python's teardown of every object (entry.program), after flushing what it printed."""
    command = [sys.executable, str(REPO / "build.py"), "check", "--content", "content", "--as-of", AS_OF]
    passed = subprocess.run(command, capture_output=True, text=True, check=False)
    assert (passed.returncode, passed.stdout, passed.stderr) == (0, "0 errors, 0 warnings\n", "")
    # Enough problems that the report is more than a pipe or an output buffer holds.
    bad = (BAD / "action-without-title.yaml").read_text(encoding="utf-8")
    for n in range(300):
        content_copy.write(f"authorities/copy-{n}.yaml", bad)
    code, expected = content_copy.cli_json()
    failed = subprocess.run([*command, "--format", "json"], capture_output=True, text=True, check=False)
    assert len(failed.stdout) > 65_536
    assert (failed.returncode, json.loads(failed.stdout)) == (code, expected) == (1, expected)
    misused = subprocess.run([*command, "--no-such-option"], capture_output=True, text=True, check=False)
    assert misused.returncode == 2 and misused.stderr.endswith("Error: No such option '--no-such-option'.\n")


def test_a_broken_frameworks_file_is_not_buried_under_reference_warnings(tmp_path: Path) -> None:
    # With frameworks.yaml failing, no authority is checked, so none gives its codes: the
    # map and neighbour lists are not held against an empty list of codes.
    content = copy_seed_content(tmp_path / "content")
    shutil.copytree(REPO / "content" / "reference", content / "reference")
    frameworks = content / "frameworks.yaml"
    frameworks.write_text(frameworks.read_text().replace("scale: four-point-2013", "scale: four-point-2031", 1))
    checked = pipeline.check(content, dt.date(2026, 12, 3), jobs=1, models=False)
    assert [(p.file, p.message) for p in checked.errors] == [(str(frameworks), "unknown scale `four-point-2031`")]
    assert [p.file for p in checked.problems if p.file.endswith(".csv")] == []


def test_a_grade_of_another_scale_names_that_scale(content_copy: ContentCopy) -> None:
    content_copy.patch(
        "frameworks.yaml",
        "types:\n",
        "  four-point-2009: {outstanding: Outstanding, good: Good, adequate: Adequate, inadequate: Inadequate}\n"
        "types:\n  slac:\n    name: SLAC\n    in_use: {from: 2009-06, to: 2012-06}\n    scale: four-point-2009\n"
        "    headline: [overall]\n    judgements: {overall: Overall effectiveness}\n",
    )
    content_copy.write(
        "authorities/case.yaml",
        "name: Case Council\nsources: [{id: s, title: Report, url: https://example.org/r}]\ninspections:\n"
        "  - {id: slac, type: slac, visited: 2011-03, judgements: {overall: requires-improvement}, sources: [s]}\n",
    )
    found = [(p.line, p.col, p.message, p.hint) for p in content_copy.check().errors]
    assert found == [
        (
            4,
            68,
            "`requires-improvement` is not a grade that `slac` inspections give",
            "`requires-improvement` is a grade of another scale (`four-point-2013`); write the grade the report "
            "gives: `outstanding`, `good`, `adequate` or `inadequate`",
        )
    ]


@pytest.mark.parametrize(
    "written",
    ["mailto:tracker@example.org", "<mailto:tracker@example.org>", '"[email us](mailto:tracker@example.org)"'],
)
def test_a_contact_written_as_a_link_is_told_to_give_the_address_alone(content_copy: ContentCopy, written: str) -> None:
    content_copy.patch(
        "site.yaml",
        "contact: tracker@exampleshire.gov.uk",
        f"contact: {written.replace('example.org', 'exampleshire.gov.uk')}",
    )
    [problem] = [p for p in content_copy.check().problems if p.is_error]
    assert problem.hint == "write the email address alone: `tracker@exampleshire.gov.uk`"


ACCESSIBILITY = """accessibility:
  status: partially-compliant
  prepared: 2024-05-20
  reviewed: 2024-06
  tested: 2024-05-13
  tested_by: the partnership's digital team
  issues: [The timeline's dates are not marked up as dates in every list (1.3.1 Info and relationships).]
"""


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (
            "",
            [
                (
                    1,
                    1,
                    "warning",
                    "site.yaml does not say how accessible the site is: its accessibility statement has no "
                    "compliance status",
                )
            ],
        ),
        (
            ACCESSIBILITY.replace("  issues: [", "  notes: ["),
            [(7, 3, "error", "unknown key `notes`")],
        ),
        (
            ACCESSIBILITY.split("  issues:")[0],
            [(2, 11, "warning", "a site that is `partially-compliant` lists what is not accessible")],
        ),
        (
            ACCESSIBILITY.replace("partially-compliant", "fully-compliant"),
            [(7, 11, "warning", "a `fully-compliant` site has no issues to list")],
        ),
        (
            ACCESSIBILITY.replace("reviewed: 2024-06", "reviewed: 2024-04-30"),
            [(4, 13, "error", "the statement was reviewed (2024-04-30) before it was prepared (2024-05-20)")],
        ),
        (ACCESSIBILITY.replace("reviewed: 2024-06", "reviewed: 2024-05"), []),
        ("# The statement, once the site is tested:\naccessibility:\n", [(2, 15, "error", "`accessibility` is empty")]),
        (
            ACCESSIBILITY.replace("  tested: 2024-05-13\n", ""),
            [(5, 14, "warning", "the statement does not say when the site was last tested, only by whom")],
        ),
        (
            "".join(line for line in ACCESSIBILITY.splitlines(keepends=True) if "  tested" not in line),
            [(2, 11, "warning", "the statement does not say when the site was last tested")],
        ),
        (
            ACCESSIBILITY.replace("reviewed: 2024-06", "reviewed: 2024-07"),
            [(4, 13, "error", "`reviewed: 2024-07` is in the future (this check is as of 2024-06-30)")],
        ),
        (
            ACCESSIBILITY.replace("2024-05-20", "2023-05-20").replace("2024-06", "2023-06"),
            [
                (
                    4,
                    13,
                    "warning",
                    "the accessibility statement was last reviewed 2023-06, over a year before the as-of date "
                    "2024-06-30",
                )
            ],
        ),
        (
            ACCESSIBILITY.replace("  reviewed: 2024-06\n", "").replace("2024-05-20", "2023-06-29"),
            [
                (
                    3,
                    13,
                    "warning",
                    "the accessibility statement was last prepared 2023-06-29, over a year before the as-of date "
                    "2024-06-30",
                )
            ],
        ),
    ],
)
def test_the_accessibility_statement_has_what_the_regulations_ask_of_it(
    content_copy: ContentCopy, written: str, expected: list[tuple[int, int, str, str]]
) -> None:
    site = content_copy.read("site.yaml")
    kept = site[: site.index("accessibility:")] + site[site.index("cms:") :]
    # The block first, so that its positions do not move with the fixture's other keys.
    content_copy.write("site.yaml", written + kept)
    found = only(content_copy.check(), "content/site.yaml")
    assert found == expected


@pytest.mark.parametrize(
    "written",
    [
        "    priorities:\n      - Leadership: stabilise the workforce  # from the board\n",
        "    priorities: [Leadership: stabilise the workforce, Voice of the child]\n",
        "    priorities:\n      - >-\n        Leadership: stabilise the workforce\n",
    ],
)
def test_a_text_a_colon_made_a_pair_is_offered_in_quotes_as_written(content_copy: ContentCopy, written: str) -> None:
    # Only the text: not a comment after it, nor the rest of the list it is in.
    content_copy.write(
        "authorities/colon.yaml",
        "name: Case Council\nsources: [{id: s, title: Report, url: https://example.org/r}]\n"
        "inspections:\n  - {id: mv, type: monitoring-visit, visited: 2020-01, sources: [s]}\n"
        f"plans:\n  - id: p\n    title: Plan\n    sources: [s]\n{written}    actions: []\n",
    )
    problems = [p for p in content_copy.check().errors if p.file == "content/authorities/colon.yaml"]
    if ">-" in written:  # a folded text is text, colon and all
        assert problems == []
        return
    [problem] = problems
    assert problem.hint == (
        "the `: ` in it makes YAML read a `key: value`: put the whole text in double quotes: "
        '`"Leadership: stabilise the workforce"`'
    )


def test_an_unclosed_quote_is_named_however_far_its_text_runs(content_copy: ContentCopy) -> None:
    # Many files have no `"` for hundreds of lines: the text runs on to the first one.
    sources = "".join(f"  - {{id: s{n}, title: Report {n}, url: https://example.org/{n}}}\n" for n in range(300))
    text = f'name: "Case Council\nsources:\n{sources}summary: |\n  "Quoted" words open this text.\n'
    content_copy.write("authorities/far.yaml", text)
    [problem] = only(content_copy.check(), "content/authorities/far.yaml")
    assert problem[:2] == (1, 7) and 'opens with `"` and is not closed on its line' in problem[3]


def test_a_change_to_where_the_content_manager_sends_editors_is_told(
    content_copy: ContentCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    # site.yaml is content a pull request may change: an `auth_url` of its author's would
    # receive every editor's GitHub login once merged.
    on_a_branch(content_copy, monkeypatch)
    assert warnings_saying(content_copy, "cms.") == []
    text = content_copy.patch("site.yaml", "https://auth.example.org/", "https://oauth.attacker.example/").read_text()
    assert warnings_saying(content_copy, "cms.") == [
        (
            line_of(text, "cms:"),
            text.splitlines()[line_of(text, "cms:") - 1].index("https://oauth") + 1,
            "this change sets `cms.auth_url`, and the content manager sends each editor's GitHub login through it",
            "a maintainer should confirm it is the publisher's own before this is merged; if this change did not "
            "mean to, put back `https://auth.example.org/`",
        )
    ]


def test_a_grade_changed_in_a_pull_request_asks_for_a_correction_note(
    content_copy: ContentCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A councillor may have quoted the grade as it was: a change that rewrites it says how to tell readers.
    on_a_branch(content_copy, monkeypatch)
    text = content_copy.read("authorities/example.yaml")
    regraded = text.replace("care-leavers: requires-improvement}", "care-leavers: good}")
    content_copy.write("authorities/example.yaml", regraded)
    line = line_of(regraded, "care-leavers: good}")
    assert warnings_saying(content_copy, "before this change") == [
        (
            line,
            regraded.splitlines()[line - 1].index("care-leavers") + 1,
            "inspection `ilacs-2023`'s `care-leavers` was `requires-improvement` before this change, and is `good` "
            "now: a reader who saw `requires-improvement` on the site is not told it changed",
            "if the site has published it, add a note to the inspection with `kind: correction`, today's date as "
            "its `date`, and what the page said before (docs/editing.md, section 4.8); if it was never published, "
            "let this warning stand",
        )
    ]
    # A correction added, but to another inspection: it does not count, and the hint says where it goes.
    elsewhere = (
        "    notes:\n      - kind: correction\n        date: 2024-06-01\n        sources: [sif-report]\n"
        "        text: Until 1 June 2024 this page gave the overall grade as requires improvement.\n"
    )
    misplaced = regraded.replace("    area_grades:\n", elsewhere + "    area_grades:\n", 1)
    content_copy.write("authorities/example.yaml", misplaced)
    assert content_copy.cli_json()[0] == 0
    assert [w[3] for w in warnings_saying(content_copy, "before this change")] == [
        "a correction this change adds or rewrites is on another entry: if it tells of this grade, move it into this "
        "inspection's notes, as a correction goes with the entry it corrects"
    ]
    # A judgement taken out, and a graded area's grade rewritten: told too.
    taken = text.replace(", help-and-protection: inadequate}", "}").replace(
        "front door, grade: inadequate", "front door, grade: good"
    )
    content_copy.write("authorities/example.yaml", taken)
    assert [(w[0], w[2].split(": a reader")[0]) for w in warnings_saying(content_copy, "before this change")] == [
        (
            line_of(taken, "    judgements: {overall: inadequate}"),
            "inspection `sif-2016`'s `help-and-protection` was `inadequate` before this change, and is not given now",
        ),
        (
            line_of(taken, "front door, grade: good"),
            "inspection `sif-2016`'s area “Leadership of the front door” was `inadequate` before this change, and "
            "is `good` now",
        ),
    ]
    # A grade that is no grade now is an error of its own, and an inspection pasted twice
    # cannot be told from its copy: neither is told as a grade rewritten.
    visit = text[text.index("  - id: ilacs-2023\n") : text.index("\nplans:\n") + 1]
    pasted = text.replace(visit, visit + visit.replace("care-leavers: requires-improvement", "care-leavers: good"))
    for broken in (text.replace("care-leavers: requires-improvement}", "care-leavers: }"), pasted):
        content_copy.write("authorities/example.yaml", broken)
        code, data = content_copy.cli_json()
        assert code == 1 and not [p for p in data["problems"] if "before this change" in p["message"]]
    # With the correction added, and with the inspection renamed too, nothing is left to tell.
    correction = (
        "    notes:\n      - kind: correction\n        date: 2024-06-01\n        sources: [ilacs-report]\n"
        "        text: Until 1 June 2024 this page gave the care leavers judgement as requires improvement.\n"
    )
    assert regraded.count("\nplans:\n") == 1  # the inspection is the last before the plans
    corrected = regraded.replace("\nplans:\n", "\n" + correction + "plans:\n")
    content_copy.write("authorities/example.yaml", corrected.replace("ilacs-2023", "ilacs-2024"))
    assert warnings_saying(content_copy, "before this change") == []
    assert content_copy.cli_json()[0] == 0
    # Renamed without the note: told under the name it has now.
    content_copy.write("authorities/example.yaml", regraded.replace("ilacs-2023", "ilacs-2024"))
    assert [w[2].split("'s")[0] for w in warnings_saying(content_copy, "before this change")] == [
        "inspection `ilacs-2024`"
    ]


def test_a_date_or_a_points_words_restated_in_a_pull_request_ask_for_a_correction_note(
    content_copy: ContentCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    # docs/editing.md 4.8 asks for a correction of a date or a point's words as of a grade:
    # a reader, or a committee paper, may have them as they were.
    on_a_branch(content_copy, monkeypatch)
    text = content_copy.read("authorities/example.yaml")
    point = "{id: w1, text: The quality of pathway plans for care leavers.}"
    changed = text.replace(
        "    visited: 2023-03-06\n    published: 2023-04-20\n", "    visited: 2023-03-07\n    published: 2023-04-21\n"
    ).replace(point, "{id: w1, text: The quality of care plans for care leavers.}")
    content_copy.write("authorities/example.yaml", changed)
    told = warnings_saying(content_copy, "before this change")
    assert [(line, col, message) for line, col, message, _ in told] == [
        (
            line_of(changed, "visited: 2023-03-07"),
            5,
            "inspection `ilacs-2023`'s `visited` was `2023-03-06` before this change, and is `2023-03-07` now: a "
            "reader who saw `2023-03-06` on the site is not told it changed",
        ),
        (
            line_of(changed, "published: 2023-04-21"),
            5,
            "inspection `ilacs-2023`'s `published` was `2023-04-20` before this change, and is `2023-04-21` now: a "
            "reader who saw `2023-04-20` on the site is not told it changed",
        ),
        (
            line_of(changed, "The quality of care plans"),
            changed.splitlines()[line_of(changed, "The quality of care plans") - 1].index("The quality") + 1,
            "inspection `ilacs-2023`'s point `w1` is worded otherwise than before this change: a reader who read it "
            "on the site is not told it changed",
        ),
    ]
    assert told[2][3] == (
        "if the site published words that were wrong, not only mistyped, add a note to the inspection with "
        "`kind: correction`, today's date as its `date`, and what the page said before (docs/editing.md, section "
        "4.8); if not, let this warning stand"
    )
    # A point put in above another, the ids after it counted on: told as ids moved, not as words
    # restated, since what cites `r1` now cites other words.
    inserted = text.replace(
        "      - id: r1\n        text: Reduce social worker caseloads.\n",
        "      - id: r1\n        text: Improve supervision.\n"
        "      - id: r2\n        text: Reduce social worker caseloads.\n",
    )
    assert inserted != text
    content_copy.write("authorities/example.yaml", inserted)
    _, data = content_copy.cli_json()
    moved = [(p["line"], p["message"], p["hint"]) for p in data["problems"] if "before this change" in p["message"]]
    assert moved == [
        (
            line_of(inserted, "- id: r1"),
            "inspection `sif-2016`'s point `r1` has other words than before this change, and its words are under `r2` "
            "now: the link to each point on the page, and each action answering it, now lead to other words",
            "keep each point's id with its words, and give a point added an id the inspection has not used (an id is "
            "an address, not a number to keep in order: docs/editing.md, section 4.6)",
        )
    ]
    # Renamed as well as reworded: the rename is told, and so are the words, under the new id.
    renamed = text.replace(point, "{id: w9, text: The quality of care plans for care leavers.}")
    content_copy.write("authorities/example.yaml", renamed)
    _, data = content_copy.cli_json()  # the actions answering `w1` name a point gone: an error of its own
    told = [
        p["message"].split(":")[0]
        for p in data["problems"]
        if " renamed " in p["message"] or "this change" in p["message"]
    ]
    assert told == [
        "recommendation `w1` is renamed `w9`",
        "inspection `ilacs-2023`'s point `w9` is worded otherwise than before this change",
    ]
    # The same words wrapped otherwise, a date given where there was none, and a date that is
    # no date now (an error of its own): none is a fact restated.
    wrapped = text.replace(point, "{id: w1, text: The quality of pathway\n          plans for care leavers.}")
    content_copy.write("authorities/example.yaml", wrapped)
    assert warnings_saying(content_copy, "before this change") == []
    undated = "  - id: mv-2017-05\n    type: monitoring-visit\n"
    assert undated in text and "published" not in text[text.index(undated) : text.index(undated) + 120]
    content_copy.write("authorities/example.yaml", text.replace(undated, undated + "    published: 2017-06\n"))
    assert warnings_saying(content_copy, "before this change") == []
    for wrong in ("20 April 2023", "2023-04-31", "２０２３-04-20"):
        content_copy.write("authorities/example.yaml", text.replace("published: 2023-04-20", f"published: {wrong}"))
        code, data = content_copy.cli_json()
        assert code == 1 and not [p for p in data["problems"] if "before this change" in p["message"]], wrong
    # A month's day found, or a visit's month given as its days: told more exactly, nothing
    # said was wrong.
    exact = text.replace("    visited: 2017-05\n", "    visited: {from: 2017-05-09, to: 2017-05-10}\n")
    assert exact != text
    content_copy.write("authorities/example.yaml", exact)
    assert warnings_saying(content_copy, "before this change") == []
    # Days narrowed are not days found: the visit is said to be shorter than the page said.
    shorter = text.replace("{from: 2016-10-24, to: 2016-11-17}", "{from: 2016-10-24, to: 2016-11-16}")
    assert shorter != text
    content_copy.write("authorities/example.yaml", shorter)
    assert [w[2].split(":")[0] for w in warnings_saying(content_copy, "before this change")] == [
        "inspection `sif-2016`'s `visited` was `2016-10-24 to 2016-11-17` before this change, and is `2016-10-24 to "
        "2016-11-16` now"
    ]
    # With a correction on the inspection, nothing is left to tell.
    correction = (
        "    notes:\n      - kind: correction\n        date: 2024-06-01\n        sources: [ilacs-report]\n"
        "        text: Until 1 June 2024 this page gave the visit as 6 March 2023.\n"
    )
    content_copy.write("authorities/example.yaml", changed.replace("\nplans:\n", "\n" + correction + "plans:\n"))
    assert warnings_saying(content_copy, "before this change") == []


def test_a_second_fix_told_in_the_days_correction_note_is_a_correction_too(
    content_copy: ContentCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    # docs/editing.md 4.8: a correction note says what the page said before. A second fix on a
    # day that already has one is told by rewriting that note, not by a second note that day.
    text = content_copy.read("authorities/example.yaml")
    correction = (
        "    notes:\n      - kind: correction\n        date: 2024-06-30\n        sources: [ilacs-report]\n"
        "        text: Until 30 June 2024 this page gave the visit as 6 March 2023.\n"
    )
    visit = "    visited: 2023-03-06\n    published: 2023-04-20\n"
    assert text.count("\nplans:\n") == 1 and text.count(visit) == 1  # the inspection is the last before the plans
    noted = text.replace(visit, "    visited: 2023-03-07\n    published: 2023-04-20\n").replace(
        "\nplans:\n", "\n" + correction + "plans:\n"
    )
    content_copy.write("authorities/example.yaml", noted)
    on_a_branch(content_copy, monkeypatch)
    republished = noted.replace("published: 2023-04-20", "published: 2023-04-21")
    content_copy.write("authorities/example.yaml", republished)
    warned = ["inspection `ilacs-2023`'s `published` was `2023-04-20` before this change, and is `2023-04-21` now"]
    assert [w[2].split(":")[0] for w in warnings_saying(content_copy, "before this change")] == warned
    # The check's as-of date (today, where it runs) is the note's: rewritten, it tells the fix.
    rewritten = republished.replace(
        "as 6 March 2023.", "as 6 March 2023, and the report as published on 20 April 2023."
    )
    content_copy.write("authorities/example.yaml", rewritten)
    assert warnings_saying(content_copy, "before this change") == []
    # A later day, the same note reworded is an old one mended: it tells readers nothing new.
    _, data = content_copy.cli_json(as_of="2024-07-15")
    assert [p["message"].split(":")[0] for p in data["problems"] if "before this change" in p["message"]] == warned
    # Nor does the note given today's date with its words unchanged: it tells of the visit alone.
    content_copy.write("authorities/example.yaml", republished.replace("date: 2024-06-30", "date: 2024-07-15"))
    _, data = content_copy.cli_json(as_of="2024-07-15")
    assert [p["message"].split(":")[0] for p in data["problems"] if "before this change" in p["message"]] == warned

    # A correction readers were told of, given another day or taken out: told, as part of the record.
    def told(changed: str) -> list[tuple[int, str]]:
        content_copy.write("authorities/example.yaml", changed)
        _, data = content_copy.cli_json()
        return [(p["line"], p["message"]) for p in data["problems"] if "correction of" in p["message"]]

    redated = noted.replace("date: 2024-06-30", "date: 2024-06-29")
    assert told(redated) == [
        (
            line_of(redated, "date: 2024-06-29"),
            "inspection `ilacs-2023`'s correction of 2024-06-30 is dated 2024-06-29 now: the feeds told readers of it "
            "on 2024-06-30",
        )
    ]
    assert told(noted.replace(correction, "")) == [
        (
            line_of(noted, "  - id: ilacs-2023"),
            "inspection `ilacs-2023`'s correction of 2024-06-30 is taken out by this change: readers told of it, on "
            "the page and in the feeds, find no record of it",
        )
    ]
    # The note's words wrapped otherwise tell nothing new either.
    wrapped = republished.replace("this page gave the visit", "this page gave\n          the visit")
    content_copy.write("authorities/example.yaml", wrapped)
    assert len(warnings_saying(content_copy, "before this change")) == 1


def test_an_inspection_or_a_point_deleted_in_a_pull_request_is_told(
    content_copy: ContentCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What Ofsted found and asked is the record: a pull request that takes it out says so.
    on_a_branch(content_copy, monkeypatch)
    text = content_copy.read("authorities/example.yaml")
    visit = text[text.index("  - id: mv-2017-05\n") : text.index("  - id: ilacs-2023\n")]
    content_copy.write("authorities/example.yaml", text.replace(visit, ""))
    assert warnings_saying(content_copy, "deleted") == [
        (
            line_of(text.replace(visit, ""), "  - id: ilacs-2023\n"),
            5,
            "inspection `mv-2017-05`, which came before `ilacs-2023`, is deleted by this change: its place on the "
            "timeline, its grades and its points go from the page, and links to them find nothing",
            "an inspection that took place stays in the record; if it was recorded by mistake, or in the wrong "
            "authority's file, let this warning stand",
        )
    ]
    # Its one point deleted, and the action that answered it turned to another: told at its inspection.
    point = "    recommendations:\n      - {id: w1, text: The quality of pathway plans for care leavers.}\n"
    edited = text.replace(point, "").replace("[ilacs-2023/w1]", "[sif-2016/r1]")
    content_copy.write("authorities/example.yaml", edited)
    assert warnings_saying(content_copy, "deleted") == [
        (
            line_of(edited, "  - id: ilacs-2023\n"),
            5,
            "point `w1` of inspection `ilacs-2023` is deleted by this change: it goes from the checklist, and links "
            "to it find nothing",
            "a point the report sets stays listed, in the report's words, even once it is answered; if it is not in "
            "the report, let this warning stand",
        )
    ]
    # Renamed, each is told as renamed, not also as deleted; a point renamed with its inspection too.
    renamed = text.replace("id: w1,", "id: w2,").replace("[ilacs-2023/w1]", "[ilacs-2023/w2]")
    content_copy.write("authorities/example.yaml", renamed.replace("- id: mv-2017-05", "- id: mv-2017"))
    assert warnings_saying(content_copy, "deleted") == []
    both = renamed.replace("ilacs-2023", "ilacs-2024")
    content_copy.write("authorities/example.yaml", both)
    assert warnings_saying(content_copy, "deleted") == []
    assert [w[2].split(":")[0] for w in warnings_saying(content_copy, "renamed")] == [
        "inspection `ilacs-2023` is renamed `ilacs-2024`",
        "recommendation `w1` is renamed `w2`",
    ]


LINKED = """name: Case Council
sources: [{id: s, title: Report, url: https://example.org/r}]
inspections:
  - id: mv
    type: monitoring-visit
    visited: 2023-05
    sources: [s]
    summary: >-
      {summary}
"""


@pytest.mark.parametrize(
    "summary",
    [
        # Words naming a site, leading to a part of it: as councils link GOV.UK's files.
        "See [GOV.UK](https://assets.publishing.service.gov.uk/media/plan.pdf).",
        "See [ofsted.gov.uk](https://reports.ofsted.gov.uk/provider/44/80584).",
        # Words that only begin as an address: nothing to compare, and nothing to fail on.
        "See [https://[x](https://www.case.gov.uk/).",
        # A file's name is not a site's.
        "See [the plan.pdf](https://www.case.gov.uk/plan.pdf).",
    ],
)
def test_a_link_whose_words_name_its_own_site_is_not_told(summary: str, content_copy: ContentCopy) -> None:
    content_copy.write("authorities/linked.yaml", LINKED.replace("{summary}", summary))
    _, data = content_copy.cli_json()
    assert problems_in(data, content_copy.shown("authorities/linked.yaml")) == []


def test_a_link_a_browser_mends_is_a_warning_and_a_misleading_one_an_error(content_copy: ContentCopy) -> None:
    # `é` in a path, or `[` in a query, opens as the browser encodes it: worth mending, not
    # worth holding a build; a host that is not the one it seems is.
    summary = (
        "Read [the café's page](https://www.case.gov.uk/café) and "
        "[the search](https://www.gov.uk/search/all?organisations[]=ofsted), not "
        "[the report](https://reports.ofsted.gov.uk@case.example/x)."
    )
    content_copy.write("authorities/linked.yaml", LINKED.replace("{summary}", summary))
    _, data = content_copy.cli_json()
    told = [
        (severity, message)
        for _, _, severity, message, _ in problems_in(data, content_copy.shown("authorities/linked.yaml"))
    ]
    assert told == [
        ("warning", "the link's address `https://www.case.gov.uk/café` is not a web address as written"),
        (
            "warning",
            "the link's address `https://www.gov.uk/search/all?organisations[]=ofsted` is not a web address as written",
        ),
        ("error", "the link's address `https://reports.ofsted.gov.uk@case.example/x` is not a web address as written"),
    ]
