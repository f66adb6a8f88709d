"""The loader reads unquoted values as PyYAML's safe loader does (but for dates), and positions."""

from __future__ import annotations

import pytest
import yaml

from tracker.load import Node, compose, load_bytes, resolve_plain

# Written unquoted in a file, each value means what yaml.safe_load says it means.
TABLE = [
    "1e5",  # text: YAML 1.1 floats need a dot
    "1.0e+5",
    "017",  # octal
    "0o17",  # text in YAML 1.1
    "0x1F",
    "0b11",
    "1:30",  # sexagesimal
    "190:20:30",
    "+1",
    "-0",
    "1_000",
    "08",  # not octal: text
    "09.5",
    "1.",
    ".5",
    ".inf",
    "-.inf",
    "yes",
    "No",
    "ON",
    "off",
    "y",  # text in PyYAML
    "~",
    "null",
    "Null",
    "2017-05",
    "Worcestershire",
    "true story",
]


@pytest.mark.parametrize("raw", TABLE)
def test_plain_scalars_mean_what_pyyaml_says(raw: str) -> None:
    assert resolve_plain(raw) == yaml.safe_load(f"key: {raw}")["key"]
    assert type(resolve_plain(raw)) is type(yaml.safe_load(f"key: {raw}")["key"])


def test_nan_and_the_exceptions() -> None:
    nan = resolve_plain(".nan")
    assert isinstance(nan, float) and nan != nan
    # Dates stay text (the validator reads them, month-only ones too); = and << have no meaning here.
    assert resolve_plain("2017-05-01") == "2017-05-01"
    assert resolve_plain("=") == "=" and resolve_plain("<<") == "<<"
    assert resolve_plain("") is None


def test_every_key_and_value_has_its_position() -> None:
    data, index, problems = compose("name: Example\nlist:\n  - a\n  - {b: 1}\n", "x.yaml")
    assert problems == [] and data == {"name": "Example", "list": ["a", {"b": 1}]}
    assert (index[("name",)].line, index[("name",)].col) == (1, 7)
    assert (index[("list", 1, "b")].line, index[("list", 1, "b")].col, index[("list", 1, "b")].key_col) == (4, 9, 6)
    # Made as plain tuples for speed, they are whole Nodes: every field, by name.
    assert all(isinstance(node, Node) and len(node) == len(Node._fields) for node in index.values())
    assert index[("list", 0)] == Node(3, 5, 3, 5, "a", True)


# A `#` that cuts a value short is warned about where it is; a comment as editors write
# one, or a `#` YAML keeps in the value, is not.
@pytest.mark.parametrize(
    ("line", "warned"),
    [
        ("t: Caseloads, priority #1 for children", (1, 24, "`#1 for children`")),
        ("owner: #tbd", (1, 8, "`#tbd`")),
        ("published: 2017-10-12 #approx", (1, 23, "`#approx`")),
        ("t: priority #", (1, 13, "`#`")),
        ("t: café #1", (1, 9, "`#1`")),
        ("l:\n  - #x", (2, 5, "`#x`")),
        ("t: a note # written as a comment", None),
        ("region: West Midlands # see issue #12", None),  # the comment starts at the first `#`
        ("sources: [report] #checked", None),  # the list was closed before it
        ("codes: {dfe: 885} #checked", None),
        ('t: "issue #12, C# team"', None),
        ("t: 'priority #1'", None),
        ('t: "a" #b', None),
        ("url: https://example.org/report#page=7", None),
        ("t: |\n  priority #1", None),
        ("t: >\n  priority #1", None),
        ('- {a: x, b: "y #z"}', None),
        ("  #a comment line\nt: x", None),
        ("t: Caseloads, which the council calls\n  its priority #1", (2, 16, "`#1`")),  # the end of a long text
        ("t: one\n  two #x\nu: three", (2, 7, "`#x`")),
        ('t: "Caseloads, priority\n  #1 for children"', None),
        ('t: "Caseloads, priority\n  and #1 for children"', None),
        ("t: |\n  a\n  b #3", None),
        ("l:\n  - a\n  #a note\n  - b", None),
        ("t: a\n#note\nu: b", None),
    ],
)
def test_a_comment_that_cuts_a_value_short_is_warned_about(line: str, warned: tuple[int, int, str] | None) -> None:
    doc, problems = load_bytes((line + "\n").encode(), "f.yaml")
    assert doc is not None
    found = [(p.line, p.col, p.message.split(" is read")[0]) for p in problems if p.severity == "warning"]
    assert found == ([warned] if warned else [])


@pytest.mark.parametrize(
    ("text", "at", "shown"),
    [
        ("l:\n  - {id: r1, text: Priority #1 for children}\n  - {id: r2}", (2, 29), "`#1 for children}`"),
        ("l: [a, b #1, c]\nm: x", (1, 10), "`#1, c]`"),
        ("l: {a: x,\n    b: y #2}\nm: x", (2, 10), "`#2}`"),
    ],
)
def test_a_comment_that_takes_a_closing_bracket_is_named(text: str, at: tuple[int, int], shown: str) -> None:
    doc, problems = load_bytes((text + "\n").encode(), "f.yaml")
    assert doc is None and len(problems) == 1
    assert (problems[0].line, problems[0].col) == at
    assert problems[0].hint.startswith(f"{shown} is read as a comment")


def test_a_syntax_error_in_brackets_without_a_comment_keeps_its_own_hint() -> None:
    doc, problems = load_bytes(b"l:\n  - {id: r1, # a note\n    text: a: b}\n", "f.yaml")
    assert doc is None and "comment" not in problems[0].hint


def test_naming_a_lists_missing_key_looks_back_a_bounded_number_of_times(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each look for a list's name may read back to the top of the file: once for every
    # item alike, it cost minutes on a file of 60,000 items.
    from tracker import syntax

    looks: list[int] = []
    name = syntax._list_name
    monkeypatch.setattr(syntax, "_list_name", lambda lines, n: looks.append(n) or name(lines, n))
    items = "".join(f"- date: d{i}\n  note: n\n" for i in range(2000))
    doc, problems = load_bytes(f"{items}- x: 1\n  status: done\n    - date: 1\n      note: y\n".encode(), "x.yaml")
    assert doc is None and len(problems) == 1
    # Named, in the end, by the list an entry holding `status` keeps such items in.
    assert "write `updates:` on the line before it" in problems[0].hint
    assert 1 <= len(looks) <= 8


def test_a_file_of_repeated_keys_has_its_lines_split_once_not_once_for_each(monkeypatch: pytest.MonkeyPatch) -> None:
    # The hints for a repeated key read the lines around it: split for each of 200,000
    # `region: x` lines in a file under the size limit, they held a check for minutes.
    from tracker import load

    given: list[list[str]] = []
    above = load._item_above
    monkeypatch.setattr(load, "_item_above", lambda lines, pos, key: given.append(lines) or above(lines, pos, key))
    _, _, problems = compose("name: Zed\n" + "region: x\n" * 500, "zz.yaml")
    assert [p.message for p in problems][:2] == ["duplicate key `region` (also on line 2)"] * 2
    assert len(problems) == len(given) == 499
    assert len({id(lines) for lines in given}) == 1 and len(given[0]) == 501
