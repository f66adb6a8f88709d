"""Whatever an editor does to a file, the checker answers with problems, never a traceback.

Hypothesis mutates one file of the valid fixture at a time, the way hurried edits
break YAML: lines deleted, duplicated, swapped or re-indented; stray characters typed
(tabs, colons, quotes, `&`, `*`, `!`, `#`, `-`); values replaced by `yes`, `no`,
numbers or nothing; bytes that are not UTF-8.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import AS_OF, VALID
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker import pipeline
from tracker.cli import main
from tracker.problems import format_github, format_json, format_text

FILES = ["site.yaml", "frameworks.yaml", "authorities/example.yaml", "authorities/old-example.yaml"]
TEXTS = {name: (VALID / name).read_bytes() for name in FILES}
STRAY = [
    "~",
    "\t",
    ":",
    ": ",
    "'",
    '"',
    "&a ",
    "*a",
    "!",
    "!!python/name:os.system ",
    "#",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "?",
    "|",
    ">",
    "%",
    "@",
    "`",
    "---\n",
    "\ufeff",
    "\x00",
    "\x0c",
    "\u2028",
    "é",
    "\U0001f600",
    "\r",
]
VALUES = [
    "yes",
    "no",
    "on",
    "off",
    "~",
    "null",
    "12",
    "-1",
    "3.5",
    ".inf",
    "0x1F",
    "1e5",
    "",
    "[]",
    "{}",
    "2019-02-30",
    "2019-13",
    "0000-01-01",
    "9999-12-31",
    "'",
    "javascript:alert(1)",
    "a" * 300,
]
BYTES = [b"\xff", b"\xc3", b"\xe9", b"\x80\x80", b"\xef\xbb\xbf"]


@st.composite
def mutation(draw: st.DrawFn, lines: list[bytes]) -> list[bytes]:
    if not lines:
        return [draw(st.sampled_from(VALUES)).encode()]
    i = draw(st.integers(0, len(lines) - 1))
    kind = draw(
        st.sampled_from(
            ["delete", "duplicate", "swap", "insert", "indent", "dedent", "value", "bytes", "truncate", "join"]
        )
    )
    line = lines[i]
    if kind == "delete":
        return lines[:i] + lines[i + 1 :]
    if kind == "duplicate":
        return lines[: i + 1] + [line] + lines[i + 1 :]
    if kind == "swap":
        j = draw(st.integers(0, len(lines) - 1))
        lines = list(lines)
        lines[i], lines[j] = lines[j], lines[i]
        return lines
    if kind == "insert":
        at = draw(st.integers(0, len(line)))
        stray = draw(st.sampled_from(STRAY) | st.text(max_size=3)).encode("utf-8", "surrogatepass")
        return lines[:i] + [line[:at] + stray + line[at:]] + lines[i + 1 :]
    if kind == "indent":
        return lines[:i] + [b" " * draw(st.integers(1, 4)) + line] + lines[i + 1 :]
    if kind == "dedent":
        return lines[:i] + [line[draw(st.integers(1, 4)) :] if line.startswith(b" ") else line] + lines[i + 1 :]
    if kind == "value":
        # Replace what follows a key's colon, or an item's dash.
        for sep in (b": ", b"- "):
            if sep in line:
                head = line[: line.index(sep) + len(sep)]
                return lines[:i] + [head + draw(st.sampled_from(VALUES)).encode()] + lines[i + 1 :]
        return lines
    if kind == "bytes":
        at = draw(st.integers(0, len(line)))
        return lines[:i] + [line[:at] + draw(st.sampled_from(BYTES)) + line[at:]] + lines[i + 1 :]
    if kind == "truncate":
        return lines[:i] + [line[: draw(st.integers(0, len(line)))]]
    return lines[:i] + [line + (lines[i + 1] if i + 1 < len(lines) else b"")] + lines[i + 2 :]  # join


@st.composite
def broken_file(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(FILES))
    lines = TEXTS[name].split(b"\n")
    for _ in range(draw(st.integers(1, 4))):
        lines = draw(mutation(lines))
    return name, b"\n".join(lines)


def _check_never_crashes(name: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        shutil.copytree(VALID, content)
        (content / name).write_bytes(data)

        checked = pipeline.check(content, dt.date.fromisoformat(AS_OF))
        # Lines as the checker counts them (libyaml also breaks lines at \r and U+2028), in a
        # file that is not UTF-8 too.
        last = max(1, len(data.decode("utf-8", errors="replace").removeprefix("\ufeff").splitlines()))
        for problem in checked.problems:
            assert problem.line >= 1 and problem.col >= 1, problem
            assert problem.line <= last or not problem.file.endswith(name), f"past the end of the file: {problem}"
            assert problem.message and problem.severity in ("error", "warning"), problem
            assert "\n" not in problem.message, problem
        if checked.content is None:
            assert checked.errors, "a failed check names at least one error"
        format_text(checked.problems), format_github(checked.problems), format_json(checked.problems)

        result = CliRunner().invoke(main, ["check", "--content", str(content), "--as-of", AS_OF, "--format", "json"])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert result.exit_code == (1 if checked.errors else 0), result.output


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(broken_file())
def test_mutated_content_never_crashes_the_checker(case: tuple[str, bytes]) -> None:
    _check_never_crashes(*case)


@given(
    st.sampled_from(FILES),
    st.binary(max_size=200) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
)
def test_arbitrary_bytes_never_crash_the_checker(name: str, data: bytes) -> None:
    _check_never_crashes(name, data)


@pytest.mark.parametrize(
    "value",
    [
        '"' + "<" * 990 + "https://example.org" + ">" * 990 + '"',
        '"' + "(" * 990 + "https://example.org" + ")" * 990 + '"',
        '"' + "[a](" * 490 + "https://example.org" + ")" * 490 + '"',
        "[" * 5000 + "]" * 5000,
        "{a: " * 5000 + "}" * 5000,
    ],
    ids=["angle-brackets", "brackets", "markdown-links", "flow-lists", "flow-maps"],
)
def test_marks_nested_a_thousand_deep_are_problems_not_a_crash(value: str) -> None:
    """Nesting within the length limit for an address, or beyond any the format has."""
    text = TEXTS["authorities/example.yaml"].decode()
    address = "url: https://reports.ofsted.gov.uk/example/sif"
    assert address in text
    _check_never_crashes("authorities/example.yaml", text.replace(address, f"url: {value}", 1).encode())
