"""Problems found in content: values, never exceptions, so every one can be reported at once."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

from .terminal import printable

Severity = Literal["error", "warning"]

# Line breaks as libyaml counts them (CR, LF, CRLF, NEL, LS and PS), in UTF-8 bytes.
_BYTE_BREAK = re.compile(rb"\r\n|\r|\n|\xc2\x85|\xe2\x80[\xa8\xa9]")


def byte_place(raw: bytes, at: int) -> tuple[int, int, bytes]:
    """The line and column (1-based, in characters, as editors count them) of byte `at` of a
    file that may not be UTF-8 from there on, and that line's bytes."""
    starts = [0, *(m.end() for m in _BYTE_BREAK.finditer(raw, 0, at))]
    start = starts[-1]
    if start == 0 and raw.startswith(b"\xef\xbb\xbf"):
        start = 3  # a byte-order mark is not a character editors see
    end = _BYTE_BREAK.search(raw, at)
    return (
        len(starts),
        len(raw[start:at].decode("utf-8", errors="replace")) + 1,
        raw[start : end.start() if end else len(raw)],
    )


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    col: int
    message: str
    hint: str = ""
    severity: Severity = "error"
    source_line: str = ""
    # The file could not be read past this error (its YAML, its encoding): none of the
    # checks of what it holds could run, and fixing this will show what they find.
    halts: bool = False

    def __post_init__(self) -> None:
        # A message quotes the value it is about: a value of thousands of characters (a date
        # typed as 12,000 digits) made one line of as many, in the terminal and in each
        # annotation on a pull request. The source line shown under it is cut already; a
        # hint is not, as its quotes are the fix, to be copied whole.
        if len(self.message) > _LONGEST_QUOTE:
            object.__setattr__(self, "message", _cut_quotes(self.message))

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


_LONGEST_QUOTE = 120  # characters between backticks a message gives in full
_LONGEST_WORDS = 500  # characters a message gives in full outside backticks: its own words are fewer


def _cut_quotes(said: str) -> str:
    """said with each quote (between a pair of backticks) of over _LONGEST_QUOTE characters cut
    short; and any other stretch of over _LONGEST_WORDS, as a value holding a backtick itself
    throws the pairs out."""
    parts = said.split("`")
    for k in range(1, len(parts)):
        longest = _LONGEST_QUOTE if k % 2 and k < len(parts) - 1 else _LONGEST_WORDS
        if len(parts[k]) > longest:
            cut = f"{parts[k][: longest - 20]}…"
            told = f" ({len(parts[k]):,} characters)"
            if k < len(parts) - 1 and k % 2:  # a quote: its length after its closing backtick
                parts[k], parts[k + 1] = cut, told + parts[k + 1]
            else:
                parts[k] = cut + told
    return "`".join(parts)


# Problems listed for one file: an editor fixes the first few and checks again, and past
# a few hundred (a block pasted out of place, a file that tries the checker) the rest
# cost time and memory to tell and a reader nothing.
MOST_PER_FILE = 300
_UNLISTED = " more problems in this file are not listed"
UNLISTED_HINT = (
    "fix those above and check again: many problems in one file most often have one cause, such as lines "
    "pasted at the wrong indentation"
)


_COUNTED = re.compile(rf"([\d,]+){_UNLISTED}$")


def unlisted(count: int) -> str:
    """The message that stands for count problems of a file not listed."""
    return f"{count:,}{_UNLISTED}"


def bounded(problems: list[Problem]) -> list[Problem]:
    """A file's problems: the first MOST_PER_FILE by place, then one saying how many more there are."""
    if len(problems) <= MOST_PER_FILE + 1:  # one line to say so is no shorter than the one it would replace
        return problems
    ordered = sorted(problems, key=lambda p: (p.line, p.col))
    kept, rest = ordered[:MOST_PER_FILE], ordered[MOST_PER_FILE:]
    first = rest[0]
    # A line among them that stands for others already (the model's, past its own limit) counts them.
    count = sum(int(said[1].replace(",", "")) if (said := _COUNTED.match(p.message)) else 1 for p in rest)
    severity: Severity = "error" if any(p.is_error for p in rest) else "warning"
    return [
        *kept,
        Problem(first.file, first.line, first.col, unlisted(count), UNLISTED_HINT, severity, first.source_line),
    ]


def either(names: Sequence[str]) -> str:
    """Names as a hint offers them: `a`, `b` or `c`."""
    quoted = [f"`{name}`" for name in names]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1] if len(quoted) > 1 else "".join(quoted)


def together(parts: Sequence[str]) -> str:
    """Words as a sentence joins them: a, b and c."""
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts)


def lines_named(lines: Sequence[int]) -> str:
    """Line numbers as a message names them: `line 3`, `lines 3 and 7`, `lines 3, 7, 9, 12, 15 and 2 more`.

    One line past the fifth is named: "and 1 more" would be no shorter.
    """
    limit = 5
    if len(lines) == 1:
        return f"line {lines[0]}"
    cut = len(lines) > limit + 1
    shown = [str(n) for n in (lines[:limit] if cut else lines)] + ([f"{len(lines) - limit} more"] if cut else [])
    return f"lines {', '.join(shown[:-1])} and {shown[-1]}"


def listing(names: Sequence[str], limit: int = 12, *, last: bool = False) -> str:
    """Names as a hint lists them: `a`, `b`, … (the first `limit`, and an ellipsis if there are more).

    last: the last `limit` instead, after the ellipsis (the newest, in a list editors add to at its end).
    """
    shown = ", ".join(f"`{name}`" for name in (names[-limit:] if last else names[:limit]))
    if len(names) <= limit:
        return shown
    return f"…, {shown}" if last else f"{shown}, …"


def _renumbered(word: str, choice: str) -> bool:
    """Whether two names differ in their numbers: `r8` and `r9`, `ilacs-2023` and `ilacs-2026`,
    `cypnow-2023` and `cypnow-2019-wcf`.

    Such a choice names another thing (recommendation, inspection, action, source), not
    the one meant with a slip of the keyboard: offered, it would be copied and pass.
    """
    if word == choice:
        return False
    if _NUMBER.sub("0", word) == _NUMBER.sub("0", choice):
        return True
    numbers = _NUMBER.findall(word)
    theirs = _NUMBER.findall(choice)
    return bool(numbers and theirs) and numbers != theirs


_NUMBER = re.compile(r"(\d+)")  # a group, so that split() keeps the numbers


def in_order(name: str) -> tuple[str | int, ...]:
    """A sort key that puts names as people number them: `r2` before `r10`."""
    return tuple(int(part) if k % 2 else part for k, part in enumerate(_NUMBER.split(name)))


def closest(word: str, choices: Iterable[str]) -> list[str]:
    """The choices the word most likely meant, closest first: none, or up to three.

    A choice the word is part of, or that is part of the word (`Yorkshire`, `North East
    England`, `scrutiny-2018` for `scrutiny-2018-01` and `scrutiny-2018-06`), is closer
    than one spelt alike; a part so short that it could be part of anything (`C` in
    `Workforce`) is not. A choice spelt alike is named only if it has the word's numbers:
    one whose numbers differ (`ilacs-2021` for `ilacs-2022`) names another record, and
    offered it would be copied and pass; the right number is the editor's to choose.
    """
    options = sorted(set(choices), key=in_order)
    folded = word.strip().lower()
    close = [o for o in options if o.lower() == folded]  # `ILACS` for `ilacs`
    close = close or [
        o for o in options if min(len(folded), len(o)) >= 3 and (folded in o.lower() or o.lower() in folded)
    ]
    if not close or len(close) > 3:
        import difflib  # a near miss is rare: the common run does not pay its import

        numbers = _NUMBER.findall(word)
        alike = difflib.get_close_matches(word, options, n=3, cutoff=0.6)
        close = [c for c in alike if _NUMBER.findall(c) == numbers][:1]
    return close


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest choices, or listing the choices when none is close."""
    options = sorted(set(choices), key=in_order)
    close = closest(word, options)
    if close:
        return f"did you mean {either(close)}?"
    if not options:
        return ""
    # Those whose numbers differ first, the one meant among them: those of the word's shape
    # before others (`ilacs-2022` and `ilacs-2025` for `ilacs-2052`, before `cp-2012`), each in order.
    shape = _NUMBER.sub("0", word)
    renumbered = sorted(
        (o for o in options if _renumbered(word, o)), key=lambda o: (_NUMBER.sub("0", o) != shape, in_order(o))
    )
    return "expected one of: " + listing(renumbered + [o for o in options if o not in renumbered])


class ContentError(Exception):
    """Content a command needs is broken; the problems say where and how to fix it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(summary(problems))
        self.problems = problems


# A workflow command hidden in printable text: see terminal.printable.
_COMMAND_LINE = re.compile(r"^ *::", re.M)  # in printable text, where lstrip() leaves `::` first
_SOURCE_WIDTH = 160  # of a source line shown under a message


def _excerpt(line: str, col: int) -> tuple[str, int]:
    """A long source line cut to a window around the column, and the column within it.

    The line's key (`summary: `) is kept before a window that starts past it: the part
    shown is read as the value of that key.
    """
    if len(line) <= _SOURCE_WIDTH:
        return line, col
    head = _KEY_HEAD.match(line)
    keep = head.group() if head else ""
    width = _SOURCE_WIDTH - len(keep)
    start = max(0, min(col - 1 - width // 2, len(line) - width))
    if start <= len(keep):  # the window takes in the key: nothing to keep apart
        keep, width = "", _SOURCE_WIDTH
        start = max(0, min(col - 1 - width // 2, len(line) - width))
    cut = line[start : start + width]
    shown = keep + ("…" if start else "") + cut + ("…" if start + width < len(line) else "")
    return shown, col - start + len(keep) + (1 if start else 0)


_KEY_HEAD = re.compile(r" *(?:- +)*[A-Za-z_][\w-]{0,40}: ")


def _text_lines(problems: list[Problem], clean: Callable[[str], str] | None) -> list[str]:
    """The report's lines, each made safe to print by clean, if given."""
    # Written for speed: a report of 5000 authorities has 700,000 lines, nearly always
    # printed as they are (clean None).
    lines: list[str] = []
    add = lines.append
    for p in problems:
        head = f"{p.file}:{p.line}:{p.col}: {p.severity}: {p.message}"
        add(clean(head) if clean else head)
        if p.source_line:
            line, col = _excerpt(p.source_line, p.col)
            before = line[: col - 1]
            add("    " + (clean(line) if clean else line))
            add("    " + _under(clean(before) if clean else before) + "^")
        if p.hint:
            hint = "    hint: " + p.hint
            add(clean(hint) if clean else hint)
    return lines


def _under(before: str) -> str:
    """What puts the caret under the character after before, as a terminal shows the line: a
    tab where it has a tab (both lines start at the same column, so it reaches the same stop),
    two spaces for a wide character (Chinese, an emoji), none for one drawn with no width of
    its own (an accent on the letter before, a zero-width space, a joiner)."""
    if before.isascii() and "\t" not in before:
        return " " * len(before)
    import unicodedata

    return "".join(
        "\t"
        if c == "\t"
        else ""
        if unicodedata.category(c) in ("Mn", "Me", "Cf")
        else "  "
        if unicodedata.east_asian_width(c) in "WF"
        else " "
        for c in before
    )


def format_text(problems: list[Problem]) -> str:
    # Nearly always every line is printable ASCII, and one test of all of them together
    # costs less than printable() on each of a report's hundreds of thousands of lines.
    lines = _text_lines(problems, None)
    body = "".join(lines)
    if body.isascii() and body.isprintable() and "##[" not in body:
        text = "\n".join(lines)
        # `::` is found at once where it is absent, as it nearly always is; the pattern
        # that says whether it starts a line stops at every line.
        if "::" not in body or not _COMMAND_LINE.search(text):
            return text
    return "\n".join(_text_lines(problems, printable))


def _escape_github(value: str, *, prop: bool = False) -> str:
    # GitHub's workflow-command escaping: % CR LF always, and , : in properties.
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(problems: list[Problem]) -> str:
    lines = []
    for p in problems:
        message = printable(p.message + (f" (hint: {p.hint})" if p.hint else ""))
        props = f"file={_escape_github(printable(p.file), prop=True)},line={p.line},col={p.col}"
        lines.append(f"::{p.severity} {props}::{_escape_github(message)}")
    return "\n".join(lines)


def format_summary(report: str) -> str:
    """The text report (every problem, then their count) for a GitHub run's summary page
    (Markdown): the page shows ten annotations of each kind for a step, and drops the rest
    without a word."""
    text, _, counted = report.rpartition("\n")
    # A fence longer than any run of backquotes in the report, which could otherwise close it.
    fence = "`" * max([3, *(len(run) + 1 for run in re.findall("`+", text))])
    return f"### Content check: {counted}\n\n{fence}text\n{text}\n{fence}\n"


def format_json(problems: list[Problem]) -> str:
    import json  # here, so that a build that changes nothing does not load it

    records = [{k: v for k, v in asdict(p).items() if k != "halts"} for p in problems]
    return json.dumps(
        {
            "errors": sum(p.is_error for p in problems),
            "warnings": sum(not p.is_error for p in problems),
            "problems": records,
            "unread": [{"file": p.file, "line": p.line} for p in halted(problems)],
        },
        indent=2,
        ensure_ascii=False,
    )


def halted(problems: list[Problem]) -> list[Problem]:
    """For each file that could not be read to its end, the first error that stopped it."""
    first: dict[str, Problem] = {}
    for p in problems:
        if p.halts:
            first.setdefault(p.file, p)
    return list(first.values())


def unread_note(problems: list[Problem]) -> str:
    """A line for each file not read to its end: its other checks wait for the fix."""
    return "".join(
        f"\n{p.file} could not be read past line {p.line}: the rest of it is checked once that is fixed."
        for p in halted(problems)
    )


def summary(problems: list[Problem]) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
