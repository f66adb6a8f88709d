"""Validate stage: plain data into typed models, then every rule of the contract.

Pydantic checks the shape of each file; the functions here turn its errors into
messages an editor can act on and add the rules that need several fields, other
files or the as-of date. Every problem is collected; nothing stops at the first.
"""

from __future__ import annotations

import calendar
import collections
import datetime as dt
import difflib
import functools
import html
import itertools
import re
import types
import typing
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from .load import (
    BLOCK_END,
    BLOCK_START,
    DASHES,
    UNSEEN_IN_VALUE,
    ZERO_WIDTH,
    Document,
    Path_,
    in_brackets,
    resolve_plain,
    written_after,
)
from .model import (
    EMAIL_PATTERN,
    HTTPS_PATTERN,
    ID_PATTERN,
    PATTERN_MEANING,
    PLACEHOLDER_REPO,
    REF_PATTERN,
    REGIONS,
    SLUG_PATTERN,
    URL_PATTERN,
    Accessibility,
    Action,
    Authority,
    Delivery,
    Frameworks,
    Inspection,
    InspectionType,
    Note,
    PartialDate,
    Plan,
    Recommendation,
    Site,
    Source,
    Status,
    Update,
    VisitRange,
    page_names,
    site_folder,
)
from .problems import (
    MOST_PER_FILE,
    UNLISTED_HINT,
    Problem,
    Severity,
    closest,
    did_you_mean,
    either,
    in_order,
    lines_named,
    listing,
    together,
    unlisted,
)
from .syntax import CURLY, in_double_quotes, odd_name, outside_block
from .text import hidden_html, lost_links, markdown_problem, may_link, refused_links, render_markdown

STALE_AFTER = dt.timedelta(days=365)


@dataclass
class Report:
    """Problems found in one document."""

    doc: Document
    problems: list[Problem] = field(default_factory=list)
    # Values already reported (a placeholder, a key that must change first): nothing more
    # is said of them; nor of anything inside an entry reported as misplaced.
    settled: set[Path_] = field(default_factory=set)
    settled_under: set[Path_] = field(default_factory=set)
    # For the hints of an authority file's grades: the scale of the inspection they are in.
    frameworks: Frameworks | None = None
    # Hints for references that name nothing, by what they name and as written, and how
    # many more ids their searches may look through (see searched).
    hints: dict[tuple[str, str], str] = field(default_factory=dict)
    search_budget: int = 20_000

    def error(self, path: Path_, message: str, hint: str = "", *, key: bool = False) -> None:
        if not self._said(path):
            self._add(self.doc.problem(path, message, hint, key=key))

    def warn(self, path: Path_, message: str, hint: str = "", *, key: bool = False) -> None:
        if not self._said(path):
            self._add(self.doc.problem(path, message, hint, key=key, severity="warning"))

    def searched(
        self,
        kind: str,
        ref: str,
        ids: Collection[str],
        search: Callable[[str, Collection[str]], str] = did_you_mean,
    ) -> str:
        """search(ref, ids)'s hint for a reference that names none of ids: once per reference
        as written, and "" once the file's searches have looked through search_budget ids in all.

        Thousands of references to no id (a file of typos, or one that tries the checker),
        each searching thousands of ids, would cost the square of the file's size; a few
        hundred hints are more than an editor reads before fixing the cause. The same
        reference, cited again, keeps its hint.
        """
        key = (kind, ref)
        if key not in self.hints:
            if self.search_budget < len(ids):
                return ""
            self.search_budget -= len(ids)
            self.hints[key] = search(ref, ids)
        return self.hints[key]

    def _said(self, path: Path_) -> bool:
        # Each of the path's own beginnings looked up, rather than every settled entry compared.
        return path in self.settled or any(path[:n] in self.settled_under for n in range(1, len(path) + 1))

    def error_at(self, at: tuple[int, int], message: str, hint: str = "") -> None:
        self._add(self.doc.problem_at(*at, message, hint, "error"))

    def warn_at(self, at: tuple[int, int], message: str, hint: str = "") -> None:
        self._add(self.doc.problem_at(*at, message, hint, "warning"))

    def _add(self, problem: Problem) -> None:
        # The loader already reported a refused tag or alias here and dropped its value;
        # "must be text, but found nothing" at the same spot would be a second, false lead.
        if (problem.line, problem.col) not in self.doc.refused:
            self.problems.append(problem)


# Other words for an action's status, spelt nothing like the one they mean; only those
# that can mean one status (`in progress` may be on track or at risk: it gets the list).
_MEANS = {
    **dict.fromkeys(("complete", "completed", "finished", "achieved", "delivered", "closed"), "done"),
    **dict.fromkeys(("not-yet-started", "not-begun", "pending"), "not-started"),
    # A tracker's RAG rating, as councils colour their plans.
    "green": "on-track",
    "amber": "at-risk",
    "red": "off-track",
}
# Statuses a spreadsheet gives that are not how far an action has got, or say it loosely.
_STATUS_SAID = {
    **dict.fromkeys(
        ("overdue", "late", "past-due"),
        "overdue is worked out from the action's due date, and shown beside its status: write how the action "
        "stands, one of {options}",
    ),
    **dict.fromkeys(
        ("delayed", "behind", "slipped", "slipping"),
        "write `at-risk` or `off-track`, as the council's own report rates it",
    ),
    **dict.fromkeys(
        ("in-progress", "ongoing", "on-going", "started", "underway", "under-way", "in-hand", "open", "wip"),
        "say how it is going: `on-track`, or `at-risk` or `off-track` as the council's own report rates it",
    ),
}


# `[^1]`, as Markdown's footnotes extension writes one; no `[` inside, so a run of `[^` is linear.
_FOOTNOTE = re.compile(r"\[\^[^\[\]\s]+\]")
# `over- sight`: a word broken with a hyphen where a PDF's line ended. Not `short- and
# long-term`, whose hyphen waits for the word after `and`.
_BROKEN_WORD = re.compile(r"\b([A-Za-z]{2,})- (?!(?:and|or|to|nor|as well as)\b)([a-z]{2,})\b")
# The soft hyphen's own version of it: the word's parts before it (with any soft hyphens of
# its own: `co­op­` / `eration`), then one line break.
# Only from the start of a word, so that a run of thousands of soft hyphens is tried once.
_SOFT_BREAK = re.compile(r"(?<![\w\u00ad])([\w\u00ad]*\w)\u00ad[ \t]*\n[ \t]*(\w+)")
# In a block of text, a `#` after two spaces, as a comment at a line's end is written, or
# after one that ends a sentence and before words (in a sentence, or before a number,
# `Priority # 1` and `ranked (first) # 1` are text); a line that starts with `#` is looked
# at apart.
_BLOCK_COMMENT = re.compile(r"(?:  +|(?<=[.!?\"”’]) (?=#(?:[ \t]+[^\d\s]|$)))(#)(?:\s|$)")
# Two `#` or more at a line's start make a heading to Markdown; one is as likely a note
# to self (`# TODO`), which is how YAML's comments look.
# Its words are what is left without the `#` that may close it (`## Findings ##`).
_HEADING = re.compile(r"(#{2,6})[ \t]+(.*?\S)(?:[ \t]+#+)?[ \t]*$")
# Markdown's blocks that an update's note, shown inside a table's cell, runs into one
# paragraph: a heading loses its size, a table shows its pipes, a list its numbers or dashes.
_NOTE_BLOCK = re.compile(r"^[ \t]*(?:(#{1,6}[ \t]+\S)|(\|.*\|)|(\d{1,9}\.[ \t]+\S)|([-*+•][ \t]+\S))", re.M)
_NOTE_BLOCKS = {1: "heading", 2: "table", 3: "numbered list", 4: "list"}
# Lists and tables as a document or a spreadsheet pastes them, which Markdown runs into the
# paragraph around them: a list straight under the line that brings it in (Markdown starts
# a list only after an empty line), a list numbered `1)` (which it never numbers), a line
# that starts with a word processor's bullet (no list mark at all), and rows of cells
# parted by tabs.
_ITEM = re.compile(r"[ \t]*([-*+]|\d{1,9}[.)])[ \t]+\S")
_LIST_FIRST = ("-", "*", "+", "1.")  # how a list's first item starts
_PAREN_LIST = re.compile(r"^[ \t]*(1\)[ \t]+\S.*)\n[ \t]*2\)[ \t]+\S", re.M)
_BULLET_LINE = re.compile(r"^[ \t]*([•▪◦‣●][ \t]*\S.*)$", re.M)
# Dashes and dots a word processor turns `- ` into, and the `o` and tab of a list inside a
# list as Word pastes it: only two lines running, as a wrapped sentence may start a line
# with a dash.
_MARK_LINES = re.compile(r"^[ \t]*(([–·]|o(?=\t))[ \t]+\S.*)\n[ \t]*\2[ \t]+\S", re.M)
# A symbol font's character (Word's bullet in Symbol is U+F0B7): Unicode's private use
# area, which the reader's fonts do not have.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
# Two rows: one tab may be meant. A line with one tab, after a list's mark (`1.`, `-`, `•`,
# Word's symbol-font bullet), is a list's item as a word processor parts mark and item,
# told as one if need be; with more tabs, a table's row whose first column is numbered.
_NOT_MARK = r"(?!(?:[-*+•·–▪◦o\uf0b7]|\d+[.)]|[a-z][.)]|[ivx]+[.)])[ \t]*\t[^\t\n]*$)"
_TAB_ROW = re.compile(rf"^[ \t]*{_NOT_MARK}(\S[^\t\n]*\t+\S.*)\n[ \t]*{_NOT_MARK}\S[^\t\n]*\t+\S", re.M)
# The Latin ligatures (U+FB00 to U+FB06) and the letters each stands for.
_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_LIGATURE = re.compile("[\ufb00-\ufb06]")
# A list's entry as the model starts each, `- id: r5`, or in braces, `- {id: r5, ...}`.
_ENTRY_START = re.compile(r"- (?:\{ ?)?(id|date): ([^\s,}]{1,40})")
_FOLDED_SIGN = re.compile(r":\s+(?:[-*+]|1\.)\s")  # `including: - its frequency`, as `>` folds a list
_LIST_SIGN = re.compile(r"\n[-*+0-9]")  # a pattern that starts with one character is searched for it, fast


def _run_in_item(text: str) -> tuple[int, str] | None:
    """The first item of a list that Markdown runs into the line of text above it, as (where
    it starts in the text, its line); None if there is none.

    A list is told by the line that brings it in, which ends with a colon ("including:"),
    and by its first item: a `-`, `*` or `+`, or `1.`. Lines that start with a dash or a
    number without such a line above are as likely a sentence wrapped before a dash (`and
    -` / `- in the longer term`) or a number (`from 22 to` / `18. More`), and a heading
    (`## Findings`) brings in a list of its own, so neither is told.
    """
    start = 0
    above = ""
    for line in text.split("\n"):
        item = _ITEM.match(line)
        if item and above.rstrip().endswith(":") and not _ITEM.match(above) and item[1] in _LIST_FIRST:
            return start, line.strip()
        above = line
        start += len(line) + 1
    return None


def _run_in_sign(text: str) -> bool:
    """Whether a text may hold what _run_in_item, _BULLET_LINE or _TAB_ROW look for, found by
    searches for single characters: those patterns' own searches cost the check of every text."""
    if "\t" in text or _LIST_SIGN.search(text):
        return True
    return not text.isascii() and any(mark in text for mark in "•●▪◦‣–·")


def _bullet_lines(text: str) -> re.Match[str] | None:
    """A word processor's list in a text: a line that starts with a bullet beside a line of
    text, or two running that start with the dash or dot it makes of `- `, or its `o` and a tab."""
    if (bullet := _BULLET_LINE.search(text)) and _beside_text(text, bullet):
        return bullet
    return _MARK_LINES.search(text) if "–" in text or "·" in text or "o\t" in text else None


def _line_above(text: str, start: int) -> str:
    """The line of text above the one that starts at start ("" for the first)."""
    return text[: start - 1].rpartition("\n")[2] if start else ""


def _beside_text(text: str, line: re.Match[str]) -> bool:
    """Whether the line found has a line of text above or below it, to run into."""
    below = text[line.end() + 1 :].partition("\n")[0]
    return bool(_line_above(text, line.start()).strip() or below.strip())


def _starts_block(found: re.Match[str]) -> bool:
    """A numbered line starts a list first, after a blank line, under a line that brings it
    in (`Progress this quarter:`), or as `1.` with `2.` under it: `fell from 22 to` then
    `18. Two more teams` is one paragraph, wrapped."""
    if found.lastindex != 3 or found.start() == 0:
        return True
    above = _line_above(found.string, found.start()).rstrip()
    return not above or above.endswith(":") or bool(_NUMBERED_ON.match(found.string, found.start()))


_NUMBERED_ON = re.compile(r"[ \t]*1\.[ \t]+\S.*\n[ \t]*2\.[ \t]+\S")


# Shape ---------------------------------------------------------------------------------

M = TypeVar("M", bound=BaseModel)


def parse_model(
    doc: Document, model: type[M], report: Report, first: Callable[[bool], object] | None = None
) -> M | None:
    """The model of the document, or None with every reason reported.

    `first` runs once the model has been tried and before anything is said of it, told
    whether the model took the document: rules that settle what the model's errors
    would otherwise say, some of which matter only for a document the model refused.
    """
    try:
        parsed = model.model_validate(doc.data)
    except ValidationError as exc:
        if first is not None:
            first(False)
        raised = exc.errors()
        # Each error is told with the work of its hint: past a few hundred in one file (a
        # block pasted out of place, or a file that tries the checker), the rest are counted.
        errors = [(error, _data_loc(doc.data, tuple(error["loc"]))) for error in raised[:MOST_PER_FILE]]
        _left_empty(doc, model, report, {loc for _, loc in errors})
        meant = _misspelt(model, errors)
        # A line of a `summary: |` text, not indented as far as the text, with a colon and a
        # space in it: YAML reads it as a key. Said once, at that line; the text left empty is
        # its consequence.
        outside = {loc: found for _, loc in errors if (found := _outside_text(doc, loc))}
        for error, loc in reversed(errors):  # `1,080,576`: from its last part, which sees them all
            if error["type"] == "extra_forbidden" and (split := _split_number(doc, loc)):
                # Said once, at the number; its other parts are keys only by accident.
                report.error(*split)
                report.settled |= {split[0], loc}
        emptied = {loc[:-1] + (key,) for loc, (key, *_) in outside.items()}
        orders: dict[Path_, _Order] = {}
        cuts: dict[tuple[Path_, int, int, bool], CutByComma | None] = {}
        failed = {loc for error, loc in errors if error["type"] != "missing"}
        for error, loc in errors:
            if loc in emptied:
                continue
            if loc in outside:
                report.error(loc, *outside[loc][1:], key=True)
                continue
            if error["type"] == "missing" and (loc[:-1], loc[-1]) in meant.values():
                continue  # said at the misspelt key
            if error["type"] == "missing" and _written_inside(doc.data, loc, failed):
                continue  # `{id: r1 text: ...}`: said at the value it was written into
            if error["type"] == "extra_forbidden" and loc in report.settled:
                continue  # a piece of a text cut by commas, or of a number: said with the first
            if error["type"] == "extra_forbidden" and (cut := _cut_by_comma(doc, loc, orders, cuts)):
                at, message, hint, pieces = cut
                report.error(at, message, hint, key=True)
                report.settled |= pieces  # its other pieces are said with it
            elif error["type"] == "extra_forbidden" and loc in meant:
                key = meant[loc][1]
                hint = _key_hint(str(loc[-1]), [key])
                if not hint.startswith("write a space"):
                    hint = f"did you mean `{key}`? `{key}` is required here"
                report.error(loc, f"unknown key `{loc[-1]}`", hint, key=True)
            else:
                _translate(doc, model, error, loc, report)
        if not any(problem.is_error for problem in report.problems):
            # Each error was set aside as told by another that was not: a file refused in
            # silence would drop its authority from the site, so the first is told after all.
            _translate(doc, model, *errors[0], report)
        if len(raised) > MOST_PER_FILE:
            report.error(
                _data_loc(doc.data, tuple(raised[MOST_PER_FILE]["loc"])),
                unlisted(len(raised) - MOST_PER_FILE),
                UNLISTED_HINT,
                key=True,
            )
        return None
    if first is not None:
        first(True)
    _left_empty(doc, model, report, set())
    return parsed


def _left_empty(doc: Document, model: type[BaseModel], report: Report, said: set[Path_]) -> None:
    """`due:` with nothing after it: a value deleted by mistake, or never filled in.

    The model takes it for a key left out, so nothing else would be said; `due: ""` is
    an error, and so is this. Where the model refused the value, that is said instead.
    """
    # From the loader's index of every value, which is quicker to scan than the data. A
    # repeated key's value is indexed under "\0", and reported as a repeat already.
    empty = (p for p, node in doc.index.items() if node.plain and node.raw in _NULLS and p and p not in said)
    for here in empty:
        if said and any(here[:n] in said for n in range(1, len(here))):
            continue  # inside a value refused as a whole (`title: {Draft}`): said there
        if isinstance(key := here[-1], str) and key != "\0":
            report.error(here, f"`{key}` is empty", _fill_in(doc, model, here, "its value"))


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})  # what YAML reads as no value, written plain


@dataclass
class _Order:
    """A mapping's keys in order, where each is, and the run of empty keys each belongs to:
    worked out once per mapping, since each unknown key of a large `{...}` asks again."""

    keys: list[Any]
    place: dict[Any, int]
    run_start: list[int]  # for each key, where the run of empty keys it belongs to starts
    run_end: list[int]

    @classmethod
    def of(cls, mapping: dict[Any, Any]) -> _Order:
        keys = list(mapping)
        empty = [mapping[k] is None for k in keys]
        start, end = list(range(len(keys))), list(range(len(keys)))
        for i in range(1, len(keys)):
            if empty[i] and empty[i - 1]:
                start[i] = start[i - 1]
        for i in range(len(keys) - 2, -1, -1):
            if empty[i] and empty[i + 1]:
                end[i] = end[i + 1]
        return cls(keys, {k: i for i, k in enumerate(keys)}, start, end)


CutByComma = tuple[Path_, str, str, set[Path_]]


def _cut_by_comma(
    doc: Document, loc: Path_, seen: dict[Path_, _Order], said: dict[tuple[Path_, int, int, bool], CutByComma | None]
) -> CutByComma | None:
    """`{note: Recruited two advocates, and the service started.}`: the comma ended the note.

    What follows it reads as a key of the mapping: one with a space (no key of the format
    has one), or a bare word with no value (`{note: Rising, again, sadly.}`). Said once, at
    the first piece, with the whole text; the path returned is that piece's, with those
    of all the pieces. seen and said keep, for one file, each mapping's order and what was
    found for each run of pieces, so that a `{...}` of many keys costs its length, not its square.
    """
    key, mapping = loc[-1], _value_at(doc.data, loc[:-1])
    if not (isinstance(key, str) and isinstance(mapping, dict) and (" " in key.strip() or mapping[key] is None)):
        return None
    if re.match(r"[A-Za-z_][\w-]*:\S", key):
        return None  # `title:Supporting families`: a key whose colon lacks its space (_key_hint)
    where = loc[:-1]
    order = seen.get(where)
    if order is None:
        order = seen[where] = _Order.of(mapping)
    at = first = last = order.place[key]
    # `sadly.` after `again`: both are pieces of the text before them, as far back as the
    # second key (the first holds the text).
    if at > 1 and mapping[order.keys[at - 1]] is None:
        first = max(order.run_start[at - 1], 1)
    if at + 1 < len(order.keys) and mapping[order.keys[at + 1]] is None:
        last = order.run_end[at + 1]
    spaced = " " in key.strip()
    memo = (where, first, last, spaced)
    if memo not in said:
        said[memo] = _cut(doc, where, mapping, order.keys, first, last, spaced)
    return said[memo]


def _cut(
    doc: Document, where: Path_, mapping: dict[Any, Any], keys: list[Any], first: int, last: int, spaced: bool
) -> CutByComma | None:
    previous = keys[first - 1] if first else None
    if previous is None or not isinstance(mapping[previous], str):
        return None
    if not spaced and not _prose(previous, mapping[previous]):
        # A word after a date or an id (`{from: 2023-01-09, 2023-01-20}`, `{id: A1, again}`) is no
        # piece of a sentence: an unknown key is the better account.
        return None
    for piece in keys[first : last + 1]:
        line, col = doc.locate((*where, piece), key=True)
        # Looked at around the piece only: the line may be a long one of many such pieces.
        written = doc.lines[line - 1]
        comma = col - 2
        while comma >= 0 and written[comma] in " \t":
            comma -= 1
        if comma < 0 or written[comma] != "," or written.find("{", 0, comma) < 0:
            return None
        if mapping[piece] is None and _COLON_NEXT.match(written, col - 1 + len(str(piece))):
            return None  # `status:` left empty: a key, not a piece of the text
    pieces = ", ".join(str(piece) for piece in keys[first : last + 1])
    text = in_double_quotes(f"{mapping[previous]}, {pieces}")
    return (
        (*where, keys[first]),
        f"`{keys[first]}` is read as a key: the comma before it ended the text of `{previous}`",
        f'inside `{{...}}` a comma ends a value; put the whole text in double quotes, like `{previous}: "{text}"`',
        {(*where, piece) for piece in keys[first : last + 1]},
    )


_COLON_NEXT = re.compile(r"\s*:")


def _prose(key: str, value: str) -> bool:
    """Whether a value reads as words (`Rising`, `Agency use rising`), not a date, an id or a key word."""
    letters = any(c.isalpha() for c in value)
    words = " " in value.strip() or not any(c.isdigit() or c == "-" for c in value)
    return letters and words and key != "id"


def _split_number(doc: Document, loc: Path_) -> tuple[Path_, str, str] | None:
    """`{ofsted: 80,576}`: inside `{...}` a thousands comma ends the number, and `576` is a key."""
    key, mapping = loc[-1], _value_at(doc.data, loc[:-1])
    if not (isinstance(mapping, dict) and re.fullmatch(r"\d{3}", str(key)) and key in mapping and mapping[key] is None):
        return None
    keys = list(mapping)
    groups = [key]
    written = ""  # the groups, each with the comma before it, and the space after it if there is one
    for previous in reversed(keys[: keys.index(key)]):
        line, col = doc.locate((*loc[:-1], groups[0]), key=True)
        before = doc.source_line(line)[: col - 1]
        if not re.search(r"\d, ?$", before):
            return None
        written = (", " if before.endswith(", ") else ",") + str(groups[0]) + written
        if not (re.fullmatch(r"\d{3}", str(previous)) and mapping[previous] is None):
            break
        groups.insert(0, previous)
    else:
        return None
    number, node = mapping[previous], doc.node((*loc[:-1], previous))
    # Only a number in plain digits: `0x50` or `010` joined to 576 would be another
    # number again, and what is said of such a number on its own applies.
    if not (isinstance(number, int) and node and node.plain and re.fullmatch(r"[1-9][0-9]{0,2}", node.raw or "")):
        return None
    written = f"{number}{written}"
    return (
        (*loc[:-1], previous),
        f"`{previous}: {written}` is read as the number {number}, then a key `{groups[0]}`",
        "inside `{...}` a comma ends a value: write the number without commas, "
        f"`{previous}: {re.sub('[, ]', '', written)}`",
    )


def _outside_text(doc: Document, loc: Path_) -> tuple[str, str, str] | None:
    """An unknown key with a space or a capital in it, on a line that belongs to the `key: |` text above it."""
    key = loc[-1] if loc else None
    if not (isinstance(key, str) and (" " in key.strip() or key[:1].isupper())):
        return None  # keys of the format are single lowercase words: `Overall:` starts a sentence
    line, _ = doc.locate(loc, key=True)
    found = outside_block(doc.lines, line - 1)
    if found is None:
        return None
    block, message, hint = found
    return block, message, f"{hint}; YAML read `{key}:` as a key, because of the colon and space after it"


def _value_at(data: Any, path: Path_) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _written_inside(data: Any, loc: Path_, failed: set[Path_]) -> bool:
    """Whether a missing key was written inside another value of its mapping (a comma left
    out), a value refused in its own right (failed: where the model refused a value), whose
    error says so: a text that only uses the key's word (`summary: ... the sources say`) is not."""
    mapping = _value_at(data, loc[:-1])
    word = re.compile(rf"\s{re.escape(str(loc[-1]))}:?\s")
    return isinstance(mapping, dict) and any(
        isinstance(value, str) and word.search(value) and any(at[: len(loc)] == (*loc[:-1], key) for at in failed)
        for key, value in mapping.items()
    )


# Other words for a key, as editors write them: `link:` is `url:`, wherever `url` is a key.
# Only where the key it stands for is missing: `title:` is `name:` at the top of a file.
_SYNONYMS = {
    "link": "url",
    "href": "url",
    "address": "url",
    "web": "url",
    "email": "contact",
    "e-mail": "contact",
    "comment": "note",
    "comments": "note",
    "title": "name",
}


def _misspelt(model: type[BaseModel], errors: list[tuple[Any, Path_]]) -> dict[Path_, tuple[Path_, str]]:
    """Unknown keys that misspell a required key missing beside them (`tpye:` for `type:`).

    Such a key is both unknown and missing; one error at the key the editor wrote says so.
    """
    missing: dict[Path_, list[str]] = {}
    unknown: list[Path_] = []
    for error, loc in errors:
        if error["type"] == "missing":
            missing.setdefault(loc[:-1], []).append(str(loc[-1]))
        elif error["type"] == "extra_forbidden":
            unknown.append(loc)
    meant: dict[Path_, tuple[Path_, str]] = {}
    for loc in unknown:
        if loc[:-1] not in missing:
            continue
        # The closest of all the keys allowed there (`dute` is `due`, not a missing `date`),
        # whatever its case (`URL`).
        # `from:2021-07-13`, with no space after the colon, is the key `from` and its value.
        written = str(loc[-1]).partition(":")[0] if ":" in str(loc[-1]).strip(":") else str(loc[-1])
        allowed = _fields_at(model, loc[:-1])
        close = [_SYNONYMS[written.lower()]] if _SYNONYMS.get(written.lower()) in allowed else []
        close = close or difflib.get_close_matches(written.lower(), allowed, n=1, cutoff=0.6)
        if close and close[0] in missing[loc[:-1]] and (loc[:-1], close[0]) not in meant.values():
            meant[loc] = (loc[:-1], close[0])
    return meant


def _text_read_as_a_pair(doc: Document, loc: Path_, value: Any) -> str | None:
    """A text written on one line that YAML read as one `key: value` pair, as written; else None."""
    if not (isinstance(value, dict) and len(value) == 1 and (node := doc.node(loc)) is not None):
        return None
    ((key, inner),) = value.items()
    pair = doc.node((*loc, key))
    line = doc.lines[node.line - 1]
    braced = line[node.col - 1 : node.col] == "{"
    if braced and inner is None and isinstance(key, str) and (close := line.find("}", node.col)) >= 0:
        return line[node.col - 1 : close + 1]  # `title: {Draft}`: the braces' text, with them
    if not isinstance(key, str) or not isinstance(inner, str) or pair is None or pair.line != node.line:
        return None
    # To the end of the value as written: not a comment after it, nor the `]` of a list;
    # a value in quotes, to its closing quote; in braces, to the closing brace.
    end = pair.col - 1 + len(pair.raw) if pair.raw is not None and pair.plain else _closing(line, pair.col - 1)
    if braced and (close := line.find("}", end)) >= 0:
        end = close + 1
    return line[node.col - 1 : end].rstrip()


# A text in quotes as YAML reads it: `\"` does not end one in double quotes, nor `''` one in single.
_IN_QUOTES = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'')


def _closing(line: str, start: int) -> int:
    """Where the quoted text that starts at line[start] ends (past its closing quote), or the line's end."""
    found = _IN_QUOTES.match(line, start)
    return found.end() if found else len(line)


def _one_line(text: str) -> str:
    """Text as a problem shows it, on one line: each line break (YAML also breaks lines at
    U+0085 and U+2028) written as \\n."""
    return "\\n".join(text.splitlines())


def _describe(value: Any, raw: str | None, quoted: bool = False) -> str:
    shown = _one_line(raw if raw is not None else repr(value))
    if len(shown) > 80:  # the line under the message shows where it is: a start says what it is
        shown = shown[:79] + "…"
    if quoted:
        # `dfe: "885"` or `graded: "false"`: the quotes are the mistake, so show them.
        return f'`"{shown}"`'
    if isinstance(value, bool):
        return f"`{shown}`, which YAML reads as {'true' if value else 'false'}"
    if isinstance(value, (int, float)):
        return f"`{shown}`, which YAML reads as a number"
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a set of `key: value` lines"
    if isinstance(value, list):
        return "a list"
    return f"`{shown}`"


def _data_loc(data: Any, loc: tuple[str | int, ...]) -> Path_:
    """Pydantic's error location as a path into the data: without the tags of tagged unions.

    Those tags start with "~" (model.py) and appear in the location after the value they
    choose between; a key the editor wrote that happens to start with "~" is kept.
    """
    path: list[str | int] = []
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        elif isinstance(part, str) and part.startswith("~"):
            continue
        else:
            data = None
        path.append(part)
    return tuple(path)


def _within(date: PartialDate, first: PartialDate | None, last: PartialDate | None) -> bool:
    """Whether a date falls between first and last, either of which may be open."""
    return not ((first and date.end < first.start) or (last and date.start > last.end))


def _url_hint(value: str, https_only: bool, noted: bool = False, bare: bool = False) -> str:
    """What is wrong with a web address, as precisely as can be said.

    Marks pasted around an address are looked for one layer deep: `bare` judges the
    address inside them as it is, so `<<<...>>>` nested a thousand deep costs one call,
    not a thousand.
    """
    scheme, _, rest = value.partition("://")
    allowed = ("https",) if https_only else ("https", "http")
    address = None if bare else _linked(value)
    if address is not None and not _url_hint(address, https_only, bare=True):
        return f"write the address alone, without the Markdown around it: `{address}`"
    inner = value.strip()[1:]
    if inner[-1:] == {"(": ")", "[": "]", '"': '"', "'": "'", "“": "”", "‘": "’"}.get(value.strip()[:1]):
        inner = inner[:-1]  # the mark that closes the first: a `)` inside the address stays
    marked = not bare and value.strip()[:1] in "([\"'“‘" and "://" in inner
    if marked and not _url_hint(inner, https_only, bare=True):
        # `(https://...)`, `"https://..."` pasted from a sentence.
        return f"delete the marks around the address: `{inner}`"
    if scheme.lower() in allowed and scheme not in allowed:
        return f"write `{scheme.lower()}://` in lowercase: `{scheme.lower()}://{rest}`"
    if rest and (second := re.search(r"[\s,;]+(\S+://\S*)", rest)):
        # Two addresses pasted into one `url:`: each is a source of its own.
        return f"one address a source: keep the first here, and give `{second[1]}` a source of its own"
    if not rest or scheme not in allowed:
        if not rest and re.match(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$", value.strip()):
            # `www.ofsted.gov.uk/...`, as a browser's address bar shows it.
            return f"write the whole address, starting `https://`: `https://{value.strip()}`"
        for typo in ("htps:", "htttps:", "https:/", "http:/", "https//", "http//"):
            if value.startswith(typo) and not value.startswith(("https://", "http://")):
                fixed = "https://" + value[len(typo) :].lstrip("/")
                return f"write the start of the address as `https://`: `{fixed}`"
        return "write a web address starting with " + either([f"{s}://" for s in allowed])
    host = re.split(r"[/?#]", rest, maxsplit=1)[0]
    name, _, port = host.partition(":")
    if not re.fullmatch(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*", name) or (port and not port.isdigit()):
        return f"`{host}` is not a host name: write the address as the browser shows it, like `https://www.gov.uk/`"
    if value != value.strip() and not _url_hint(value.strip(), https_only, bare=True):
        ends = (
            "start and end" if value[0].isspace() and value[-1].isspace() else "end" if value[-1].isspace() else "start"
        )
        return f"delete the space at the {ends} of the address, inside its quote marks: `{value.strip()}`"
    bad = next((c for c in rest if not _URL_CHARACTER.match(c)), None)
    # A file's name with spaces (`.../Improvement Plan 2026.pdf`) is part of the address,
    # and so is a word after a space that an address has (`services practice-in-focus`).
    named = re.search(r"\.[A-Za-z][A-Za-z0-9]{1,4}$", value.strip())
    pathlike = re.search(r"\s\S*[-_/=?&%]", value.strip())
    if bad == " " and re.search(r"\s\S", value.strip()) and not pathlike and not named:
        # `https://.../80584 (page 7)`: words after the address, which have no place in it.
        address, _, words = value.strip().partition(" ")
        words = words.strip()
        where = "add it to the source's `note:`" if noted else "put it in a `note:` of the source"
        if words[:1] in "([-–—:":  # `(page 7)`, `- the letter`: a note's words
            return f"end the address at `{address}`; if `{words}` is a note, {where}"
        # `.../media/Improvement Plan`: as likely a folder's or a page's name with a space.
        return (
            f"if `{words}` is part of the address, write each space as `%20`: `{value.strip().replace(' ', '%20')}`; "
            f"if it is a note, end the address at `{address}` and {where}"
        )
    if bad == " ":
        return "a web address cannot contain spaces: write each space as `%20`"
    if bad is not None and not bad.isprintable():
        return "delete the invisible character from the address"
    if bad is not None:
        encoded = _percent_encoded(bad)
        return f"the character `{bad}` cannot appear in a web address as it is: write it as `{encoded}`"
    if re.fullmatch(HTTPS_PATTERN if https_only else URL_PATTERN, value):
        return ""
    return "write " + PATTERN_MEANING[HTTPS_PATTERN if https_only else URL_PATTERN]


def _percent_encoded(char: str) -> str:
    """A character as a web address writes it when it cannot appear as it is: `%20` for a space."""
    return "".join(f"%{b:02X}" for b in char.encode("utf-8"))


def _sentence_end_trimmed(address: str) -> str:
    """An address without the marks a sentence put after it: `.`, `,`, `;`, `:`, and a `)`
    that closes no `(` of the address's own."""
    while address and (address[-1] in ".,;:" or (address[-1] == ")" and address.count(")") > address.count("("))):
        address = address[:-1]
    return address


def _linked(value: str) -> str | None:
    """What `<...>` or `[words](...)` wraps, as written: Markdown's ways of writing a link."""
    found = re.fullmatch(r"<(.*)>|\[[^]]*\]\((.*)\)", value.strip())
    return None if found is None else found[1] if found[1] is not None else found[2]


def _mailto(value: str, pattern: str) -> str:
    """`mailto:team@example.org`, as a link to it is written: the address is wanted alone."""
    address = (_linked(value) or value).strip().strip("<>").removeprefix("mailto:").strip()
    if pattern == EMAIL_PATTERN and address != value and re.fullmatch(EMAIL_PATTERN, address):
        return f"write the email address alone: `{address}`"
    return ""


_URL_CHARACTER = re.compile(r"[A-Za-z0-9._~!$&'()*+,;=:@/?#%-]")


_MAPPING = ("dict_type", "model_type", "model_attributes_type")


def _pair(item: Any) -> bool:
    """Whether a list's item is one `key: value` (`- overall: good`)."""
    return isinstance(item, dict) and len(item) == 1 and all(isinstance(v, str | int) for v in item.values())


# Pydantic's error kinds for a value of the wrong type: what was expected, and how to write it.
_WRONG_TYPE = {
    "int_type": ("a whole number", "write the number without quotes"),
    "int_parsing": ("a whole number", "write the number without quotes"),
    "int_from_float": ("a whole number", "write the number without quotes"),
    "bool_type": ("true or false", "write `true` or `false`, without quotes"),
    "list_type": ("a list", "write one `- item` per line, or `[a, b]`"),
    "dict_type": ("a set of `key: value` lines", "see docs/content-format.md for the keys it holds"),
    "model_type": ("a set of `key: value` lines", "see docs/content-format.md for the keys it holds"),
    "model_attributes_type": ("a set of `key: value` lines", "see docs/content-format.md for the keys it holds"),
}


def _leading_zero(raw: str | None) -> str:
    """A hint for a number written with a leading zero: text to YAML, or an octal number."""
    if raw and len(raw) > 1 and raw.startswith("0") and raw.isdigit():
        return "write the number in plain digits, without a leading zero"
    return ""


def _grouped(raw: str | None) -> str:
    """A hint for a number written in groups of digits, `80,576`, as a spreadsheet shows it."""
    if raw and re.fullmatch(r"\d{1,3}(?:(?:, ?| )\d{3})+", raw):
        return f"write the number without commas or spaces: `{re.sub('[, ]', '', raw)}`"
    return ""


def _as_read(raw: str, value: int) -> str:
    """How YAML read a number not written in plain digits (`075` is 61, `0x375` is 885)."""
    why = " (YAML reads a number that starts with 0 as octal)" if _leading_zero(raw) else ""
    return f"`{raw}` is read as {value}{why}"


def _odd(value: str, text: str = "") -> str:
    """A hint for a value spoilt by a character that looks like a space or like nothing; text:
    the file's, where the value may be named with a hyphen for a soft one (`ilacs-2023`)."""
    found = UNSEEN_IN_VALUE.search(value)
    if found is None:
        return ""
    if not UNSEEN_IN_VALUE.sub("", value).strip():  # nothing else: no text to offer
        return f"it holds only {odd_name(found.group())}, which does not show: write the value itself"
    said = f"it holds {odd_name(found.group())} at character {found.start() + 1}"
    hyphened = value.replace("\u00ad", "-")
    # An id, or a reference's inspection (`ilacs­2023/r2`), that other lines write with a hyphen.
    if found.group() == "\u00ad" and text and (hyphened in text or hyphened.partition("/")[0] in text):
        return f"{said}, which does not show: retype it as a hyphen, `{_one_line(hyphened)}`, as other lines name it"
    if found.group() in ZERO_WIDTH:  # unseen, so not meant: what is left is what was typed
        return f"{said}, which does not show: delete it, to write `{_one_line(value.replace(found.group(), ''))}`"
    return f"{said}: delete it, or retype it as an ordinary space if one belongs there"


def _dashed(value: Any) -> str:
    """A hint for a date or an id typed with a word processor's dashes (`2019–06–17`)."""
    if not isinstance(value, str) or not any(dash in value for dash in "–—−"):
        return ""
    return f"its dashes (–) are a word processor's: type hyphens (-) instead, `{re.sub('[–—−]', '-', value)}`"


def _hyphen_like(value: Any, pattern: str, what: str = "it") -> str:
    """A hint for a value typed with a character that looks like a hyphen (`sif‑2016`, U+2011),
    which with hyphens would match pattern; what names the value in the hint."""
    odd = _HYPHEN_LIKE.search(value) if isinstance(value, str) else None
    typed = _HYPHEN_LIKE.sub("-", value) if odd else ""
    if odd is None or not re.fullmatch(pattern, typed):
        return ""
    return f"it holds {odd_name(odd.group())}, which looks like a hyphen: retype {what} as `{typed}`"


_MONTHS = (
    {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
    | {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
    | {"sept": 9}
)
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})")  # 30/06/2022 or 30/06/22, as UK councils write it
_IN_WORDS = re.compile(r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([A-Za-z]+)\.?,?\s+(\d{4})")  # 30 June 2022, June 2022
_MONTH_SECOND = re.compile(r"(\d{4})-(\d{2})-(\d{2})")  # 2022-30-06: day and month swapped
_YEAR_FIRST = re.compile(r"(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2}))?")
_DATE_AND_WORDS = re.compile(r"(\d{4}-\d\d(?:-\d\d)?)[\s,;(]+([A-Za-z][^\d]*)")  # `2026-06-30 (revised)`, not a range
_HYPHEN_LIKE = re.compile(f"[\u2010\u2011\u2012{DASHES}]")  # hyphen, no-break hyphen, figure dash; the dashes
# `TBC`, `(TBC)`, `Not known.`: also with the brackets or full stop of the sentence it was in.
_UNKNOWN = re.compile(r"(?i)[(\[]?(?:tb[acd]|to be (?:confirmed|agreed|decided)|unknown|not known|n/?a|\?+)[.)\]]?")


def _read_date(text: str) -> tuple[int, int, int | None, str] | None:
    """A date as people write it (`30/06/2022`, `June 2022`, `2022-6-3`): its year, month and day
    (None for a month), and what to write differently; None when it is not one."""
    day: int | None
    lead = "write the year first"
    if found := _DAY_FIRST.fullmatch(text):
        day, month, year = int(found[1]), int(found[2]), int(found[3])
        if month > 12 >= day > 0:  # `03/25/2024`, the month first, as in the United States
            day, month = month, day
        if len(found[3]) == 2:  # `31/03/26`: this century's
            year, lead = 2000 + year, "write the year first, in full"
    elif (found := _IN_WORDS.fullmatch(text)) and found[2].lower() in _MONTHS:
        day, month, year = (int(found[1]) if found[1] else None), _MONTHS[found[2].lower()], int(found[3])
    elif (found := _MONTH_SECOND.fullmatch(text)) and int(found[2]) > 12 >= int(found[3]) > 0:
        day, month, year = int(found[2]), int(found[3]), int(found[1])
        lead = "write the month before the day"
    elif found := _YEAR_FIRST.fullmatch(text):  # 2018-3-31, 2018-6, 2018/03/31 or 2018-02-30
        year, month, day = int(found[1]), int(found[3]), int(found[4]) if found[4] else None
        lead = "write the month with two digits" if day is None else "write the month and the day with two digits each"
        if found[2] != "-":
            lead = "write it with hyphens"
    else:
        return None
    if not (1 <= month <= 12 and dt.MINYEAR <= year <= dt.MAXYEAR):
        return None
    return year, month, day, lead


def _iso(year: int, month: int, day: int | None) -> str | None:
    """The date written YYYY-MM-DD (YYYY-MM for a month); None for a day its month does not have."""
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= day <= calendar.monthrange(year, month)[1] else None


def _year_first(text: str) -> str | None:
    """The date text means, written YYYY-MM-DD (or YYYY-MM); None when it is not a date."""
    read = _read_date(text.strip())
    return _iso(*read[:3]) if read else None


# A visit written as its two days in one value: `2021-07-13 to 2021-07-14`, `13/07/2021 - 14/07/2021`,
# `13/07/2021-14/07/2021`. Looked for only in a short value: a range of days, with a remark, is
# under 80 characters, and the pattern's lazy parts would cost the square of a long run of spaces.
_SPAN = re.compile(
    r"\s*(\S.*?)\s*(?:\bto\b|\buntil\b|–|—|\s+-\s*|\s*-\s+|(?<=\d)-(?=\d{4}-|\d{1,2}/|\d{1,2}\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))\s*(\S.*?)\s*"
)
# The first day of a span written with what it shares with the last left out: `14` or
# `30 June` in `14 to 25 September 2026`, `30 June - 2 July 2021`.
_SHORT_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?(?:\s+([A-Za-z]+)\.?)?")
_REMARK = re.compile(r"\s*\([^()]*\)\s*$")  # `2021-07-13 to 2021-07-14 (onsite)`


def _span(value: Any) -> str:
    """A hint for a visit's first and last days written as one value, or as a list of two."""
    if isinstance(value, list) and len(value) == 2 and all(isinstance(day, str) for day in value):
        first, last = (_year_first(day) for day in value)
        if first is not None and last is not None and first <= last:
            return f"write the first and last days as `{{from: {first}, to: {last}}}`, not as a list"
    if not isinstance(value, str) or len(value) > 80:
        return ""
    found = _SPAN.fullmatch(_REMARK.sub("", value))
    if not found:
        return ""
    days = [_year_first(part) for part in found.groups()]
    if days[0] is None and days[1] is not None and (short := _SHORT_DAY.fullmatch(found[1])):
        read = _read_date(found[2].strip())
        month = _MONTHS.get(short[2].lower()) if short[2] else read[1] if read else None
        if read is not None and read[2] is not None and month is not None:
            first = _iso(read[0], month, int(short[1]))
            days[0] = first if first is not None and first <= days[1] else None
    for part, day in zip(found.groups(), days, strict=True):
        if day is None:  # `30/02/2021 to 02/03/2021`: what is wrong with the day that is no date
            return _date_written(part)
    return f"write the first and last days as `{{from: {days[0]}, to: {days[1]}}}`"


def _last_day_alone(data: Any, loc: Path_, value: Any) -> str:
    """A hint for a visit's last day written as its day of the month alone (`to: 17`): the
    first on or after the visit's first day."""
    first = _value_at(data, (*loc[:-1], "from")) if loc[-1] == "to" else None
    start = _year_first(first) if isinstance(value, int) and isinstance(first, str) else None
    if start is None or len(start) != len("2017-01-24"):
        return ""
    year, month, day = map(int, start.split("-"))
    if value < day:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    last = _iso(year, month, value)
    return f"write the whole date: `to: {last}`" if last else ""


def _date_written(value: Any) -> str:
    """A hint for a date written as people write it (`30/06/2022`, `June 2022`, `2022-6-3`): the same
    date, year first; or, for a day past the end of its month, how long the month is."""
    if not isinstance(value, str):
        return ""
    text = value.strip()
    # `2026‑01‑20` with a word processor's no-break hyphens: it looks right, and is not.
    if hyphens := _hyphen_like(text, r"\d{4}-\d\d(?:-\d\d)?", "the date"):
        return hyphens
    if (words := _DATE_AND_WORDS.fullmatch(text)) and _year_first(words[1]) == words[1]:
        return f"write the date alone, `{words[1]}`, and the rest in a note"
    read = _read_date(text)
    if read is None:
        return ""
    year, month, day, lead = read
    meant = _iso(year, month, day)
    if day is None:
        return "" if meant == text else f"{lead}: `{meant}` for {calendar.month_name[month]} {year}"
    if meant is None:
        if day < 1:
            return ""
        # `31/02/2017`: the day to correct first, then the order (the right day is the editor's to find).
        again = f", and {lead}: `{year:04d}-{month:02d}-DD`" if "two digits" not in lead else ""
        return (
            f"{calendar.month_name[month]} {year} has {calendar.monthrange(year, month)[1]} days: check the day{again}"
        )
    # Written so already, and still refused: what is wrong is not how it is written.
    return "" if meant == text else f"{lead}: `{meant}` for {day} {calendar.month_name[month]} {year}"


# `2026-11-20.`, `(2026-11-20)`: a date with the end of a sentence, a list's comma or
# brackets typed around it.
_STRAY = re.compile(r"(?P<before>[(\[.,]*)\s*(?P<date>[0-9A-Za-z](?:.*?[0-9A-Za-z])?)\s*(?P<after>[.,;:!?)\]]*)")


def _stray_marks(value: Any, date_hint: Callable[[str], str]) -> str:
    """A hint for a date with punctuation around it: the date without it, and, where that is
    not yet a date written YYYY-MM-DD, what `date_hint` says of it (`20/11/2026.`, `2026-02-30.`)."""
    found = _STRAY.fullmatch(value.strip()) if isinstance(value, str) else None
    if found is None or not (found["before"] or found["after"]):
        return ""
    date = found["date"]
    marks = " and ".join(f"`{mark}`" for mark in (found["before"], found["after"]) if mark)
    where = "around" if found["before"] and found["after"] else "after" if found["after"] else "before"
    if _year_first(date) == date:
        return f"delete the {marks} {where} the date: `{date}`"
    also = date_hint(date)
    return f"delete the {marks} {where} the date, and {also}" if also else ""


_WITH_TIME = re.compile(r"(\d{4}-\d\d-\d\d)[ T]\d{1,2}:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?")
_QUARTER = re.compile(r"(?i)q([1-4])\s*(\d{4})|(\d{4})\s*q([1-4])")
_FINANCIAL_QUARTER = re.compile(r"(?i)q([1-4])\s*(?:FY\s*)?(\d{4})\s*[/-]\s*(\d{2}|\d{4})")  # `Q4 2025/26`
_FINANCIAL_YEAR = re.compile(r"(?:FY\s*)?(\d{4})\s*[/-]\s*(\d{2}|\d{4})", re.I)
_END_OF = re.compile(r"(?i)(?:by\s+)?(?:the\s+)?(end\s+(?:of\s+)?)?(\w+\s+\d{4})")


def _informal_date(value: Any) -> str:
    """A hint for a date written with a time, as a quarter, a financial year or `end of March 2027`."""
    if not isinstance(value, str):
        return ""
    text = value.strip()
    if found := _WITH_TIME.fullmatch(text):
        return f"delete the time: a date is its day alone, `{found[1]}`"
    if found := _QUARTER.fullmatch(text):
        quarter, year = int(found[1] or found[4]), int(found[2] or found[3])
        month = quarter * 3
        return (
            f"a quarter is not a date: write the month it ends, like `{year}-{month:02d}` for "
            f"{calendar.month_name[month - 2]} to {calendar.month_name[month]} {year}"
        )
    if (found := _FINANCIAL_QUARTER.fullmatch(text)) and int(found[3][-2:]) == (int(found[2]) + 1) % 100:
        # Councils' quarters are the financial year's: the first is April to June.
        quarter, year = int(found[1]), int(found[2]) + (found[1] == "4")
        month = (quarter * 3 + 3 - 1) % 12 + 1
        return (
            f"a quarter is not a date: write the month it ends, like `{year}-{month:02d}` for "
            f"{calendar.month_name[month - 2]} to {calendar.month_name[month]} {year}"
        )
    if (found := _FINANCIAL_YEAR.fullmatch(text)) and int(found[2][-2:]) == (int(found[1]) + 1) % 100:
        ends = int(found[1]) + 1
        return f"a financial year is not a date: write the month it ends, `{ends}-03` for March {ends}"
    if (found := _END_OF.fullmatch(text)) and (read := _read_date(found[2])) and read[2] is None:
        year, month = read[0], read[1]
        if found[1]:
            return f"write the day it means: `{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}`"
        return f"write the month alone: `{year}-{month:02d}`"
    return ""


def _year_alone(value: Any) -> str:
    """A hint for a year written where a date belongs (`due: 2026`): a month is the least a date says."""
    year = value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(value, str) and re.fullmatch(r"\d{4}", value.strip()):
        year = int(value)
    if year is None or not 1900 <= year <= 2100:
        return ""
    return f"a year alone is not a date: write its month too, like `{year}-03` for March {year}"


def _not_known(value: Any, model: type[BaseModel], loc: Path_) -> str:
    """A hint for a date written as not known yet (`TBC`): an optional date is left out until it is."""
    if not isinstance(value, str) or not _UNKNOWN.fullmatch(value.strip()):
        return ""
    if "visited" in loc or _required(model, loc) or loc[-1] in ("closed", "to", "abolished"):
        # A visit's dates are in its report; an update's date, a service's start, are known;
        # and without an end, a plan, a service or a council is still going.
        return ""
    return f"if the date is not known yet, leave `{loc[-1]}` out until it is"


# Keys whose values are authority files' names, which are their pages' addresses.
_ADDRESSES = ("former_slugs", "predecessors", "successors")


def _address(value: str) -> str:
    """The file name meant by `durham.yaml`, `authorities/durham/`, or the page's web address."""
    if not re.search(r"[/\\.]", value):
        return ""  # capitals, spaces: the hint for any id says how to write them
    parts = [p for p in re.split(r"[/\\]+", value.strip()) if p and p != "index.html"]
    name = re.sub(r"\.(ya?ml|json|html)$", "", parts[-1].lower()) if parts else ""
    return name if name != value and re.match(SLUG_PATTERN, name) else ""


def _as_key(written: str) -> str:
    """Words as the key they mean: `At Risk` and `on_track` as `at-risk` and `on-track`."""
    return re.sub(r"[\s_]+", "-", written.strip()).lower()


def _shape(text: str) -> str:
    """An id's shape, its letters and numbers aside: `A4` and `B12` alike, `A-4` not."""
    return re.sub(r"[A-Za-z]+", "a", re.sub(r"[0-9]+", "9", text))


def _spaced_id(data: Any, loc: Path_, value: Any) -> str:
    """`id: A 4` among actions `A1` to `A3`: the id without its space, as the list's others are written."""
    joined = _unspaced(data, loc, value)
    return f"write it without spaces, as the other ids of its list are: `{joined}`" if joined else ""


def _unspaced(data: Any, loc: Path_, value: Any) -> str:
    """The id at loc without its spaces, in the case of its list's others, where they are written so."""
    if loc[-1] != "id" or len(loc) < 2 or not isinstance(value, str):
        return ""
    joined = "".join(value.split())
    listed = _value_at(data, loc[:-2])
    if joined == value or not re.match(ID_PATTERN, joined) or not isinstance(listed, list):
        return ""
    alike = [i for item in listed if isinstance(item, dict) and isinstance(i := item.get("id"), str) and i != value]
    alike = [i for i in alike if _shape(i) == _shape(joined)]
    # Written in their case (`a 2` among `A1` and `A3`); never as an id the list already has.
    if alike and all(i.isupper() for i in alike if i.upper() != i.lower()):
        joined = joined.upper()
    elif alike and all(i.islower() for i in alike if i.upper() != i.lower()):
        joined = joined.lower()
    return joined if alike and joined not in alike else ""


def _spaced_ref(value: Any) -> str:
    """`mv/r 1`, `ilacs 2023 / r1`: the reference without its spaces (hyphens between the
    inspection id's words, as its id is written)."""
    inspection, slash, rec = str(value).partition("/")
    fixed = f"{'-'.join(inspection.split())}/{''.join(rec.split())}"
    # `r 1`, not `r1 and r2`: more words are more than one id.
    return fixed if slash and " " in str(value) and len(rec.split()) <= 2 and re.match(REF_PATTERN, fixed) else ""


def _slug_of(value: str) -> str:
    """`fv 2024 12` as an id, `fv-2024-12`: its letters and digits with single hyphens between them."""
    fixed = re.sub(r"[^A-Za-z0-9]+", "-", value).strip("-")
    return fixed if re.match(ID_PATTERN, fixed) else ""


# Cyrillic and Greek letters that look like Latin ones, as a keyboard set to another
# language, or a document, can give them: `wcc-nеws` with a Cyrillic `е`.
_LOOK_ALIKES = dict(
    zip(
        "аеорсухіјѕԁԛԝАВЕКМНОРСТХІЈЅοανιΟΑΒΕΖΗΙΚΜΝΡΤΥΧ",
        "aeopcyxijsdqwABEKMHOPCTXIJSoaviOABEZHIKMNPTYX",
        strict=True,
    )
)


def _look_alike(value: str) -> str:
    """A hint for a word with a Cyrillic or Greek letter that looks like a Latin one; "" if none."""
    if value.isascii() or (odd := next((c for c in value if c in _LOOK_ALIKES), None)) is None:
        return ""
    script = unicodedata.name(odd).split()[0].title()
    typed = "".join(_LOOK_ALIKES.get(c, c) for c in value)
    return f"`{odd}` is a {script} letter that looks like `{_LOOK_ALIKES[odd]}`: type it again, `{typed}`"


def _lowercase_hint(value: str, key: str) -> str:
    """How to write value as the key it means, saying only what differs: `Good` needs only
    lowercase, `requires improvement` only hyphens."""
    changes = []
    if value != value.lower():
        changes.append("in lowercase")
    if re.search(r"[\s_]", value.strip()):
        changes.append("with hyphens between words")
    return f"write it {', '.join(changes) or 'as'}: `{key}`"


def _slug(value: str, pattern: str, name: str) -> str:
    """`Requires Improvement` as the key it means, `requires-improvement`; `fv 2024 12` as the id
    `fv-2024-12`; `ilacs-2025-r2` as the recommendation `ilacs-2025/r2`: from the editor's own
    words, where an example from elsewhere would be copied as it is."""
    if look_alike := _look_alike(value):
        return look_alike
    key = _as_key(value)
    if pattern == SLUG_PATTERN and key != value and re.match(SLUG_PATTERN, key):
        return _lowercase_hint(value, key)
    fixed = _slug_of(value)
    whole, slash, _ = value.partition("/")
    if name == "in_response_to" and slash and re.fullmatch(ID_PATTERN, whole):
        # `ilacs-2025/r1` where a plan names the inspection it answers: the `/` part names
        # a point of it, which only an action's `responds_to` does.
        return f"write the id alone, `{whole}`: only an action's `responds_to` names a point, as `{value}`"
    if pattern == ID_PATTERN and fixed and fixed != value:
        return f"write it with single hyphens between its parts: `{fixed}`"
    if pattern == REF_PATTERN and "/" not in value and "-" in fixed:
        inspection, _, rec = fixed.rpartition("-")
        return f"join the inspection's id and the recommendation's with `/`: `{inspection}/{rec}`"
    return ""


def grade_hint(written: str, scale: dict[str, str], frameworks: Frameworks) -> str:
    """What to write for a grade that is not a key of the inspection's scale.

    As reports print it (`Requires improvement to be good`, `RI`), it names its key. A
    suggestion is never a grade that merely looks like it: `adequate` is not a misspelt
    `inadequate`, but a grade of the 2009 scale.
    """
    said = " ".join(written.split()).lower()
    key = said.replace(" ", "-")
    grades = either(list(scale))
    if key in scale:
        return _lowercase_hint(written, key)
    for grade, label in scale.items():
        # `RI`, `G`: the initials boards use, of the label's first words.
        initials = "".join(word[0] for word in label.lower().split())
        if said == label.lower() or (said.isalpha() and len(said) <= 2 and initials.startswith(said)):
            return f"write the grade's key, `{grade}`; pages show it in the report's words"
    others = [name for name, other in frameworks.scales.items() if other is not scale and key in other]
    if others:
        return f"`{key}` is a grade of another scale ({either(others)}); write the grade the report gives: {grades}"
    close = difflib.get_close_matches(key, scale, n=1, cutoff=0.6)
    # `inadequat` is `inadequate` cut short; `adequate` is another grade, not `inadequate`.
    if close and close[0].find(key) <= 0:
        return f"did you mean `{close[0]}`?"
    return f"write the grade the report gives: {grades}" if grades else ""


def _written_grade(value: str, loc: Path_, report: Report) -> str:
    """A hint for a grade that is not a key, from the scale of its inspection."""
    scale = _scale_at(report, loc) if "judgements" in loc or loc[-1:] == ("grade",) else None
    return grade_hint(value, scale, report.frameworks) if scale and report.frameworks else ""


def _unquoted(inner: str, name: str | None, kind: str, ctx: dict[str, Any]) -> str:
    """After "delete them": the value to write, where the quotes were all that was wrong.

    name is the key it is written after; None for an item of a list, written on its own
    (`[sif-2016/r6]`, `- sif-2016/r6`), where the key would be a second, wrong change.
    """
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'", ctx.get("expected", ""))
        key = _as_key(inner)
        return f", and write `{_written(name, key)}`" if key in options else f"; it must be one of: {listing(options)}"
    if kind.startswith("date"):
        if re.fullmatch(r"\d{4}-\d\d(-\d\d)?", inner):
            return f", `{_written(name, inner)}`"
        written = _date_written(inner)
        return f"; then {written}" if written else ""
    return f", `{_written(name, inner)}`" if re.fullmatch(ctx.get("pattern", ""), inner) else ""


def _written(name: str | None, value: str) -> str:
    return value if name is None else f"{name}: {value}"


def _commented_out(doc: Document, loc: Path_) -> str | None:
    """The text after a key's colon when all of it is a comment (`text: #2 Ensuring...`)."""
    line, col = doc.locate(loc, key=True)
    after = doc.source_line(line)[col - 1 :].partition(":")[2]
    return after.strip() if after.lstrip().startswith("#") and after[:1] in (" ", "\t") else None


def _scale_at(report: Report, loc: Path_) -> dict[str, str] | None:
    """The grade scale of the inspection that loc is in, when its type is known."""
    if report.frameworks is None or len(loc) < 3 or loc[0] != "inspections":
        return None
    inspection = _value_at(report.doc.data, loc[:2])
    kind = report.frameworks.types.get(str(inspection.get("type"))) if isinstance(inspection, dict) else None
    return report.frameworks.scales.get(kind.scale or "") if kind else None


def _translate(doc: Document, model: type[BaseModel], error: Any, loc: Path_, report: Report) -> None:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    # Pydantic ends the location of a bad mapping key (`Good:` in a scale) with "[key]".
    if loc and loc[-1] == "[key]":
        loc = loc[:-1]
        meaning = PATTERN_MEANING.get(ctx.get("pattern", ""), "")
        where = next((f" in `{part}`" for part in reversed(loc[:-1]) if isinstance(part, str)), "")
        hint = _look_alike(str(loc[-1])) or (f"write {meaning}" if meaning else "")
        if " " in str(loc[-1]).strip():
            # Keys are single words: a sentence as a key is a note that lost its `# `.
            hint = f"if this line is a comment, put `# ` back at its start; otherwise {hint}"
        report.error(loc, f"`{loc[-1]}` is not a valid key{where}", hint, key=True)
        report.settled.add(loc)  # its value is not looked at: the key must change first
        return
    name = next((part for part in reversed(loc) if isinstance(part, str)), "value")
    node = doc.node(loc)
    raw = node.raw if node else None
    quoted = node is not None and raw is not None and not node.plain and isinstance(value, str)
    # What the message is about: a key's value, an item of a list, or the whole file.
    what = "the file" if not loc else f"an item of `{name}`" if isinstance(loc[-1], int) else f"`{name}`"
    curly = isinstance(value, str) and len(value) > 1 and value[0] in CURLY and value[-1] in CURLY
    if curly and kind in ("string_pattern_mismatch", "literal_error", "date_type", "date_format", "date_value"):
        # `“2022-06-30”`, pasted from a document: YAML keeps a word processor's quotes as text.
        report.error(
            loc,
            _not_valid(value, loc, name),
            f"the quote marks around it ({value[0]} {value[-1]}) are a word processor's, read as part of it: "
            f"delete them{_unquoted(str(value)[1:-1], None if isinstance(loc[-1], int) else name, kind, ctx)}",
        )
    elif kind == "missing" and isinstance(entry := _value_at(doc.data, loc[:-1]), dict) and "<<" in entry:
        pass  # what `<<:` was to copy in: its refusal says so
    elif kind == "missing" and tuple(loc) in report.settled:
        pass  # written one step too far in or out: told where it is (_stray_keys)
    elif kind == "missing":
        choices = _choices(model, loc)
        value_hint = f"with one of {either(choices)}" if choices else "and its value"
        hint = f"add `{loc[-1]}:` {value_hint} to this entry"
        if len(loc) == 1:
            hint = f"add `{loc[-1]}:` {value_hint} on a line of its own, with no space before it"
        elif loc[-1] == "note" and len(loc) > 2 and loc[-3] == "updates":
            # An update moving a due date is most often written without one: say what it must hold.
            hint = "add `note:` to this update, saying what happened (or, where it moves the due date, why)"
        elif (
            loc[-1] == "to"
            and loc[-2:-1] == ("visited",)
            and isinstance(entry := _value_at(doc.data, loc[:-1]), dict)
            and set(entry) == {"from"}
            and re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(entry["from"]))
        ):
            # `visited: {from: 2024-07-30}`: a visit of one day is that day alone.
            hint = f"add `to:` and the visit's last day; for a visit of one day, write `visited: {entry['from']}`"
        report.error(loc[:-1], f"missing required key `{loc[-1]}`", hint)
    elif kind == "extra_forbidden" and loc[-1] == "<<":
        # YAML's merge key, `<<: *a1`, whose `*a1` the loader refuses as well.
        report.error(
            loc,
            "`<<:` (YAML's way to copy another entry's keys) is not allowed",
            "write this entry's keys out in full, so that each entry says all it means where it is",
            key=True,
        )
    elif kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        hint = _key_hint(str(loc[-1]), allowed)
        # The entries are an authority file's: another file's keys are not found there.
        elsewhere = [what for _, what, _, _ in _entries_with([str(loc[-1])])] if model is Authority else []
        if hint.startswith("expected one of") and elsewhere:
            # `status:` under a plan: a key of the format, in the wrong entry.
            entries = ", ".join(elsewhere[:-1]) + " or " + elsewhere[-1] if len(elsewhere) > 1 else elsewhere[0]
            hint = f"`{loc[-1]}` belongs in {entries}, not here; this entry's keys: " + listing(allowed)
        if _DONE_ON.fullmatch(str(loc[-1]).lower()) and "updates" in allowed and _is_date(value):
            # `completed: 2024-05-01`, as a spreadsheet has a column for it; a `completion_date`
            # may be the day it is due by.
            update = _done_update(value)
            hint = f"an action is marked done by an update: {update}"
            if "completion" in str(loc[-1]).lower():
                hint = f"if it was done that day, {update}; if it is due by then, write `due: {value}`"
        meant = re.search(r"`([^`]+)`", hint) if hint.startswith(("write it as", "did you mean")) else None
        if meant and (there := doc.node((*loc[:-1], meant[1]))) is not None:
            # `Status: done` below `status: on-track`: written as asked, it would be a duplicate key.
            hint = f"this entry has `{meant[1]}` already, on line {there.key_line}: keep one of the two"
        report.error(loc, f"unknown key `{loc[-1]}`", hint, key=True)
    elif kind == "string_type":
        commented = _commented_out(doc, loc) if value is None else None
        if commented:
            # `text: #2 Ensuring...`: the loader warns of the comment too; this is the fix.
            text = in_double_quotes(commented)
            hint = f'a `#` after a space starts a comment, so nothing is left: write `{name}: "{text}"`'
        elif (written := _text_read_as_a_pair(doc, loc, value)) is not None:
            # `- Leadership: stabilise the workforce`: the colon made the text a key.
            text = in_double_quotes(written)
            why = "its braces, `{` and `}`, make" if written.startswith("{") else "the `: ` in it makes"
            hint = f'{why} YAML read a `key: value`: put the whole text in double quotes: `"{text}"`'
        elif value is None and report.frameworks and _is_grade(loc):
            hint = _grades_hint(doc.data, loc, str(loc[-1]), report.frameworks, _deletion(doc, loc))
        elif raw is None or value is None:  # a list, a mapping, or nothing after the colon
            hint = "write text here"
        elif isinstance(loc[-1], int):
            hint = f'put it in quotes: `"{raw}"`'
        elif not re.match(ID_PATTERN, raw) and _is_id(model, loc):
            # `id: 1.1`, as plans number their actions: quoted, it is still no id.
            fixed = re.sub(r"[^A-Za-z0-9]+", "-", raw).strip("-") or "A1"
            hint = f"an id is letters, digits and single hyphens: write `{name}: {fixed}`"
        else:
            hint = f'put it in quotes: `{name}: "{raw}"`'
        report.error(loc, f"{what} must be text, but found {_describe(value, raw)}", hint)
    elif kind in _WRONG_TYPE:
        expected, hint = _WRONG_TYPE[kind]
        if kind in ("model_type", "model_attributes_type") and loc and (keys := _fields_at(model, loc)):
            # `publisher: Example Partnership`: the keys it needs, not a page to look them up in.
            hint = f"write its keys on lines of their own below `{name}:`, indented further: {listing(keys)}"
        if kind in _MAPPING and isinstance(value, list) and value and all(_pair(item) for item in value):
            # `- overall: good` under `judgements:`: a list of pairs, where the pairs themselves belong.
            pairs = ", ".join(f"{k}: {v}" for item in value for k, v in item.items())
            one_line = f" (or write `{name}: {{{pairs}}}`)" if loc and len(pairs) < 100 else ""
            hint = f"remove the `- ` before each line, and keep the lines in line with each other{one_line}"
        if kind.startswith("int") and not quoted:
            hint = _leading_zero(raw) or _grouped(raw) or "write a whole number, in digits"
        if kind == "list_type" and isinstance(value, str) and raw and "\n" not in raw and len(raw) <= 70:
            # `responds_to: ilacs-2023/r4`, `sources: s1, s2`: the items, without the brackets.
            # `(ilacs-2025)`, `{s1}`: another kind of bracket, which a list's replace.
            if raw[:1] + raw[-1:] in ("()", "<>") and not any(c in raw[1:-1] for c in "()<>"):
                hint = f"a list is written in square brackets: `{name}: [{raw[1:-1]}]`"
            else:
                hint = f"put the brackets of a list around it: `{name}: [{raw}]`"
        if (
            kind == "list_type"
            and loc
            and loc[-1] == "recommendations"
            and isinstance(value, str)
            and _NUMBERED_PASTE.match(value)
        ):
            # A report's numbered list pasted under `recommendations:`: each point is an entry.
            first = _NUMBERED_PASTE.sub("", value, count=1).split(". ")[0].split("\n")[0][:40].strip()
            hint = (
                "each point is an entry of its own: `- id: r1` on a line, then "
                f"`text: {first or '…'}…` below it, in line with `id:`; `- id: r2` for the next, and so on"
            )
        if kind == "list_type" and value is None:
            # `responds_to:` with nothing after it: like `due:`, written or left out.
            hint = _fill_in(doc, model, loc, "its items, one `- item` per line or `[a, b]`")
        if kind == "list_type" and isinstance(value, dict) and value and (node := doc.node(loc)) and node.raw is None:
            # `updates:` then `date: ...` with no `- `: one item written without its dash.
            first = next(iter(value))
            line, _ = doc.locate((*loc, first), key=True)
            hint = (
                f"a list's items each start with `- `: put `- ` before `{first}:` on line {line}, "
                f"and indent the lines below it 2 spaces further, in line with `{first}:`"
            )
            if doc.lines[node.line - 1][node.col - 1 : node.col] == "{":
                # `updates: {date: …}`: one item in braces, which a `- ` inside them would not make a list.
                hint = f"put it in brackets, to make a list of one: `{name}: [{{…}}]`"
        report.error(loc, f"{what} must be {expected}, but found {_describe(value, raw, quoted)}", hint)
    elif kind == "literal_error":
        options = re.findall(r"'([^']*)'", ctx.get("expected", ""))
        # As written: `status: yes` is shown as `yes`, not as Python's True.
        shown = raw if raw is not None else str(value)
        key = _as_key(shown).rstrip(".!")  # `Completed.`, as a sentence in a spreadsheet's cell ends
        if not shown:
            report.error(loc, f"`{name}` is empty", did_you_mean(shown, options))
        elif (dated := _status_dated(shown, options, loc)) is not None:  # `done 2024-05-01`
            report.error(loc, f"`{_one_line(shown)}` is not a valid `{name}`", dated)
        elif shown.strip() in options:  # `"at-risk "`: quoted, so YAML keeps the space
            trimmed = shown.strip()
            where = "before" if shown.endswith(trimmed) else "after" if shown.startswith(trimmed) else "around"
            report.error(
                loc,
                f"`{_one_line(shown)}` is not a valid `{name}`",
                f"delete the space {where} it, inside the quotes: `{trimmed}`",
            )
        elif key in options:  # `At Risk`, `Not_started`
            report.error(loc, f"`{_one_line(shown)}` is not a valid `{name}`", _lowercase_hint(shown, key))
        elif key in _STATUS_SAID and "on-track" in options:
            hint = _STATUS_SAID[key].format(options=either(options))
            report.error(loc, f"`{_one_line(shown)}` is not a valid `{name}`", hint)
        elif _MEANS.get(key) in options:  # `Completed`, as trackers in spreadsheets say it
            report.error(loc, f"`{_one_line(shown)}` is not a valid `{name}`", f"did you mean `{_MEANS[key]}`?")
        else:
            report.error(
                loc, f"`{_one_line(shown)}` is not a valid `{name}`", _odd(shown) or did_you_mean(shown, options)
            )
    elif kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        pattern_meaning = PATTERN_MEANING.get(pattern)
        odd = UNSEEN_IN_VALUE.search(value) if isinstance(value, str) else None
        wrong = _not_valid(value, loc, name)
        if odd is not None:
            # At the invisible character itself, where it is written as it is.
            report.error_at(doc.find(loc, odd.group()), wrong, _odd(value, doc.text))
        elif value == "" and report.frameworks and _is_grade(loc):
            hint = _grades_hint(doc.data, loc, name, report.frameworks, _deletion(doc, loc))
            report.error(loc, f"`{name}` is empty", hint)
        elif value == "":
            # `id: ""`, as `new` writes a value to fill in.
            needed = "the web address, starting https://" if pattern in (URL_PATTERN, HTTPS_PATTERN) else None
            report.error(loc, f"`{name}` is empty", _fill_in(doc, model, loc, needed or pattern_meaning or "some text"))
        elif pattern in (URL_PATTERN, HTTPS_PATTERN):
            noted = isinstance(entry := _value_at(doc.data, loc[:-1]), dict) and "note" in entry
            hint = _url_hint(value, pattern == HTTPS_PATTERN, noted)
            report.error(loc, wrong, hint)
        elif pattern == ID_PATTERN and isinstance(loc[-1], int) and (named := _id_in_words(doc.data, value)):
            report.error(loc, wrong, f"write it with hyphens, as its id is written: `{named}`")
        elif isinstance(loc[-1], int) and (described := _described(doc.data, loc, value)):
            report.error(loc, wrong, described)
        elif pattern_meaning and isinstance(loc[-1], int) and (listed := _run_together(value, pattern)):
            report.error(loc, wrong, listed)
        elif pattern == REF_PATTERN and (spaced := _spaced_ref(value)):
            report.error(loc, wrong, f"write it without spaces, as ids are written: `{spaced}`")
        elif pattern == REF_PATTERN and (parted := _parted_ref(doc.data, loc, value)) is not None:
            # `[ilacs-2025, r1]`: one reference, told once, at its first part.
            ref, leading = parted
            if leading:
                whole, _, rec = ref.partition("/")
                hint = f"`{whole}` and `{rec}` are one reference, parted: write `{ref}`, one item of the list"
                report.error(loc, wrong, hint)
        elif pattern == REF_PATTERN and (refs := _refs_ending(doc.data, loc, value)):
            # `responds_to: [r2]`: the recommendation's own id, without its inspection's.
            hint = f"write the inspection's id, a `/`, then the recommendation's: {either(refs)}"
            report.error(loc, wrong, hint)
        elif name == "workstream" and (workstreams := _workstreams_at(doc.data, loc, str(value))):
            report.error(loc, wrong, workstreams)
        elif name in _ADDRESSES and (address := _address(value)):
            hint = f"write the file's name alone, without its folder or `.yaml`: `{address}`"
            report.error(loc, wrong, hint)
        elif pattern_meaning:
            report.error(
                loc,
                wrong,
                _odd(value)
                or _dashed(value)
                or _hyphen_like(value, pattern)
                or _mailto(value, pattern)
                or _written_grade(value, loc, report)
                or _spaced_id(doc.data, loc, value)
                or _slug(value, pattern, name)
                or f"write {pattern_meaning}",
            )
        else:
            report.error(loc, f"`{name}` must not be blank", _fill_in(doc, model, loc, "some text"))
    elif kind == "string_too_short":
        what = "one of the nine English regions: " + ", ".join(REGIONS) if name == "region" else "some text"
        report.error(
            loc, f"`{name}` is empty" if value == "" else f"`{name}` must not be blank", _fill_in(doc, model, loc, what)
        )
    elif kind == "too_short":
        report.error(loc, f"`{name}` must not be empty", "list the ids of the sources this rests on")
    elif kind == "string_too_long":
        report.error(
            loc,
            f"{what} is {len(value):,} characters long; the limit is {ctx['max_length']:,}",
            "shorten it: quote the essential words and link the source for the rest",
        )
    elif kind == "too_long":
        # A mapping's length is not given (pydantic's `actual_length` is None): its keys are counted.
        count = ctx["actual_length"] if ctx.get("actual_length") is not None else len(value)
        items = "keys" if isinstance(value, dict) else "items"
        report.error(
            loc,
            f"{what} has {count:,} {items}; the limit is {ctx['max_length']:,}",
            "check that the keys were not pasted twice, and that each belongs here"
            if isinstance(value, dict)
            else "split the content, or check that the items were not pasted twice",
            key=True,
        )
    elif kind == "text_character":
        # At the character itself where it is written as it is, not as an escape (`\u200b`), or
        # at its reference (`&#x202E;`), whose number may be past Unicode's last character.
        at = report.doc.find(loc, ctx["written"] or chr(int(ctx["code"], 16)))
        report.error_at(at, f"{what} contains {error['msg']}", ctx["hint"])
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        limit = ctx.get("ge", ctx.get("le", ctx.get("gt", ctx.get("lt"))))
        word = {
            "greater_than_equal": "at least",
            "less_than_equal": "at most",
            "greater_than": "more than",
            "less_than": "less than",
        }[kind]
        hint = {
            "dfe": "a DfE local authority number has 3 digits, e.g. 885",
            "ofsted": "an Ofsted URN has 5 to 8 digits, e.g. 80584",
            "recommendation_count": "write the number of points the report sets, as it states it",
        }.get(name, "")
        if raw is not None and raw != str(value):  # `dfe: 075`, which YAML reads as octal, 61
            report.error(
                loc,
                f"`{name}` must be {word} {limit}, but {_as_read(raw, value)}",
                "; ".join(filter(None, [_leading_zero(raw) or "write the number in plain digits", hint])),
            )
        else:
            report.error(loc, f"`{name}` must be {word} {limit}, but is {value}", hint)
    elif kind == "date_format" and isinstance(value, str) and (value == "" or "YYYY" in value.upper()):
        # A date left to fill in, empty or as `new` wrote it. A visit's dates are what the
        # page is dated by: they are found in the report, not left out.
        what = "the date, like 2017-01-24 (or 2017-01 when the day is not known)"
        report.error(
            loc,
            f"`{name}` is empty" if value == "" else f"`{name}: {value}` is a placeholder that was not filled in",
            f"write {what}" if "visited" in loc else _fill_in(doc, model, loc, what),
        )
    elif kind in ("date_type", "date_format", "date_value"):
        example = "for example 2017-01-24, or 2017-01 when the day is not known"

        def date_hint(value: Any) -> str:
            span = _span(value) if "visited" in loc else ""
            return (
                span
                or _last_day_alone(doc.data, loc, value)
                or _dashed(value)
                or _date_written(value)
                or _not_known(value, model, loc)
                or _year_alone(value)
                or _informal_date(value)
            )

        hint = date_hint(value) or _stray_marks(value, date_hint) or example
        report.error(loc, f"`{name}`: {error['msg']}", hint)
    else:
        report.error(loc, f"`{name}`: {error['msg']}", "")


def _not_valid(value: Any, loc: Path_, name: str) -> str:
    """That a value is refused: of a judgement, as not a grade, whatever the judgement is called."""
    graded = len(loc) > 1 and loc[-2] == "judgements" and isinstance(loc[-1], str)
    return f"`{_one_line(value)}` is not " + ("how a grade is written" if graded else f"a valid `{name}`")


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types an annotation may hold, through Annotated, unions and Optional."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def _models_at(model: type[BaseModel], path: Path_) -> list[type[BaseModel]]:
    """The models the mapping at path may be."""
    current: list[Any] = [model]
    for part in path:
        following: list[Any] = []
        for kind in current:
            origin = typing.get_origin(kind)
            if isinstance(kind, type) and issubclass(kind, BaseModel) and isinstance(part, str):
                if (info := _field_named(kind, part)) is not None:
                    following.extend(_unwrap(info.annotation))
            elif origin is list and isinstance(part, int):
                following.extend(_unwrap(typing.get_args(kind)[0]))
            elif origin is dict and isinstance(part, str):
                following.extend(_unwrap(typing.get_args(kind)[1]))
        current = following
    return [kind for kind in current if isinstance(kind, type) and issubclass(kind, BaseModel)]


def _field_named(kind: type[BaseModel], key: str | int) -> FieldInfo | None:
    """The field a mapping's key names, by its alias where it has one (`from`)."""
    return next((info for name, info in kind.model_fields.items() if (info.alias or name) == key), None)


def _fields_at(model: type[BaseModel], path: Path_) -> list[str]:
    """The keys allowed in the mapping at path, for did-you-mean hints."""
    return [info.alias or name for kind in _models_at(model, path) for name, info in kind.model_fields.items()]


# A key for the day an action was done, as a tracker's column names it.
_DONE_ON = re.compile(r"(?:date[ _-]?)?(?:completed|completion|done|finished)(?:[ _-]?(?:on|date))?")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")  # a date's sign in words beside a status: `done 2024-05-01`, `since June 2024`


def _is_date(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", value) is not None


def _done_update(day: Any) -> str:
    """The update that records an action done on day, as the hint gives it."""
    written = day if _is_date(day) else "YYYY-MM-DD"
    return f"add `- {{date: {written}, status: done, note: …}}` at the end of its `updates:`"


def _status_dated(shown: str, options: list[str], loc: Path_) -> str | None:
    """A hint for a status written with its day (`done 2024-05-01`, `at-risk since June 2024`), or None."""
    first, _, rest = shown.strip().partition(" ")
    if not rest or _as_key(first) not in options or not _YEAR.search(rest):
        return None
    status = _as_key(first)
    if "updates" in loc:
        return f"a status is one word: write `{status}`; the update's `date` says when"
    if status == "done":
        return f"a status is one word: write `done`, and record the day in an update: {_done_update(rest.strip())}"
    return f"a status is one word: write `{status}`; an update's `date` says when it changed"


def _key_hint(written: str, allowed: list[str]) -> str:
    """What an unknown key may have meant: written as a heading (`Due date`), or misspelt."""
    if look_alike := _look_alike(written):
        return look_alike
    if ":" in written.strip(":") and (key := written.partition(":")[0].strip()) in allowed:
        return f"write a space after the colon: `{key}: {written.partition(':')[2].strip()}`"
    words = re.split(r"[\s_-]+", written.strip().lower())
    if "_".join(words) in allowed:
        return f"write it as `{'_'.join(words)}`"
    if words[0] in allowed:
        return f"did you mean `{words[0]}`?"
    return did_you_mean(written.lower(), allowed)


def _records(data: Any, key: str) -> list[dict[str, Any]]:
    """The entries of a list in the file as written (or in one of its entries), whatever else the list holds."""
    items = data.get(key) if isinstance(data, dict) else None
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _with_ids(data: Any, key: str) -> list[dict[str, Any]]:
    """Those of them whose id is text: others are told of elsewhere, and name nothing to offer."""
    return [item for item in _records(data, key) if isinstance(item.get("id"), str)]


def _id_in_words(data: Any, value: str) -> str:
    """`[ilacs 2023]` where the file has inspection `ilacs-2023` (or a source so named): that id,
    not two ids without a comma."""
    fixed = _slug_of(value)
    defined = {item["id"] for key in ("inspections", "sources") for item in _with_ids(data, key)}
    return fixed if fixed != value and fixed in defined else ""


_NUMBERED_PASTE = re.compile(r"\s*\(?\d{1,3}[.)]\s+(?=\S)")  # `1. Reduce...`, `(1) Reduce...`


_POINT = re.compile(r"(?:recommendations?|recs?|points?|r)\s*#?\s*(\d{1,3})", re.I)


def _described(data: Any, loc: Path_, value: str) -> str:
    """`sources: [https://...]`, `[Ofsted monitoring visit letter]`, `responds_to: [recommendation
    2]` or a recommendation's own words: what an id names, written in its place. Cut into
    ids, as a list without commas would be, it would only be wrong another way."""
    key = loc[-2] if len(loc) > 1 else None
    if not isinstance(value, str) or key not in ("sources", "in_response_to", "responds_to"):
        return ""
    if not ("://" in value or " " in value.strip()):
        return ""
    inspections, sources = _with_ids(data, "inspections"), _with_ids(data, "sources")
    defined = _references(data)
    named = defined | {i["id"] for i in inspections} | {s["id"] for s in sources}
    parts = re.split(r"[\s;,]+", value.strip())
    # `[mv-letter s3]`: ids with no comma between them, each an id of this file or written
    # as one (with a digit, a hyphen or a slash), which the hint for a missing comma tells.
    if "://" not in value and all(p in named or re.search(r"[0-9/-]", p) for p in parts):
        return ""
    if _spaced_ref(value) in defined:
        return ""  # one with a space inside
    words = " ".join(value.split()).casefold().rstrip(".")
    if key == "sources":
        for source in sources:
            if str(source.get("url", "")).strip() == value.strip() or (
                len(words) > 8 and words in " ".join(str(source.get("title", "")).split()).casefold()
            ):
                return f"write the source's id, not its {'address' if '://' in value else 'title'}: `{source['id']}`"
        ids = [s["id"] for s in sources]
        return f"write the id of one of this file's sources: {listing(ids)}" if ids else ""
    if key == "in_response_to":
        ids = [i["id"] for i in inspections]
        return f"write the id of the inspection or visit it answers: {listing(ids, last=True)}" if ids else ""
    # responds_to: a point by its number, or by its words.
    whole, slash, part = value.rpartition("/")
    if (number := _POINT.fullmatch(part.strip())) is not None:
        if slash and f"{whole.strip()}/r{number[1]}" in defined:
            return f"write the recommendation's id after the `/`: `{whole.strip()}/r{number[1]}`"
        refs = _refs_ending(data, loc, f"r{number[1]}")
        return f"write the inspection's id, a `/`, then the recommendation's: {either(refs)}" if refs else ""
    for inspection in inspections:
        for rec in _records(inspection, "recommendations"):
            text = " ".join(str(rec.get("text", "")).split()).casefold()
            if len(words) > 12 and isinstance(rec.get("id"), str) and text.startswith(words):
                return f"write the recommendation's id, not its words: `{inspection['id']}/{rec['id']}`"
    return ""


def _run_together(value: str, pattern: str) -> str:
    """`[sif-2016/r2 sif-2016/r4]`: several ids with no comma between them."""
    parts = re.split(r"[\s;]+", value.strip())
    if len(parts) > 1 and all(re.match(pattern, part) for part in parts):
        return f"separate the ids with commas: `[{', '.join(parts)}]`"
    return ""


def _references(data: Any) -> set[str]:
    """Every `inspection/recommendation` reference the file as written defines."""
    return {f"{i['id']}/{r.get('id')}" for i in _with_ids(data, "inspections") for r in _records(i, "recommendations")}


def _parted_ref(data: Any, loc: Path_, value: str) -> tuple[str, bool] | None:
    """`responds_to: [ilacs-2025, r1]`: the reference a comma parted, and whether value is its first part."""
    listed, k = _value_at(data, loc[:-1]), loc[-1]
    if not isinstance(listed, list) or not isinstance(k, int):
        return None
    defined = _references(data)
    if k + 1 < len(listed) and (ref := f"{value}/{listed[k + 1]}") in defined:
        return ref, True
    if k > 0 and (ref := f"{listed[k - 1]}/{value}") in defined:
        return ref, False
    return None


def _refs_ending(data: Any, loc: Path_, rec: str) -> list[str]:
    """The references of this file whose recommendation is `rec`: the inspections the action's plan
    answers first, then the newest others; three at most."""
    found = [
        f"{i['id']}/{r['id']}"
        for i in _with_ids(data, "inspections")
        for r in _records(i, "recommendations")
        if str(r.get("id")).casefold() == rec.casefold()
    ][::-1]  # inspections are listed oldest first
    plan = _plan_at(data, loc)
    answers = plan.get("in_response_to") if plan else None
    named = [ref for ref in found if isinstance(answers, list) and ref.partition("/")[0] in answers]
    return (named + [ref for ref in found if ref not in named])[:3]


def _plan_at(data: Any, loc: Path_) -> dict[str, Any] | None:
    """The plan, as written, that a value of one of its actions (loc) is in."""
    plan = _value_at(data, loc[:2]) if loc[:1] == ("plans",) else None
    return plan if isinstance(plan, dict) else None


def _workstreams_at(data: Any, loc: Path_, written: str) -> str:
    """For an action's `workstream` that is no id: which of its plan's workstreams it meant."""
    plan = _plan_at(data, loc)
    listed = plan.get("workstreams") if plan else None
    base = loc[: loc.index("actions")] if "actions" in loc else loc
    titled = []
    for k, w in enumerate(listed or []):
        if not (isinstance(w, dict) and isinstance(w.get("id"), str)):
            continue
        # A workstream's own id refused too (`W 2`) is named as its hint there fixes it.
        fixed = w["id"] if re.match(ID_PATTERN, w["id"]) else _unspaced(data, (*base, "workstreams", k, "id"), w["id"])
        fixed = fixed or _slug_of(w["id"])
        if w["id"] == written:
            return f"write it as its workstream's id is to be written: `{fixed}`" if fixed else ""
        if fixed:
            titled.append((fixed, w["title"] if isinstance(w.get("title"), str) else ""))
    return workstream_hint(written, titled) if titled else ""


def workstream_hint(written: str, workstreams: Sequence[tuple[str, str]]) -> str:
    """For an action's `workstream` that names none of its plan's (id, title): the one meant, or all.

    Editors write the workstream as the plan names it, by its title or a word of it
    (`Workforce` for `A`, "Supporting and developing our workforce").
    """
    if not workstreams:
        return f"this plan has no `workstreams:`: list them in the plan first, or delete `workstream: {written}`"
    ids = [id_ for id_, _ in workstreams]
    if close := closest(written, ids):  # `a` for `A`: an id, before a word of some title
        return f"did you mean {either(close)}?"
    words = " ".join(written.split()).lower()
    by_title = [
        (id_, title)
        for id_, title in workstreams
        if len(words) >= 3 and re.search(rf"(?<!\w){re.escape(words)}(?!\w)", " ".join(title.split()).lower())
    ]
    if len(by_title) == 1:
        id_, title = by_title[0]
        return f"write the workstream's id, not its title: `{id_}` ({title})"
    return f"write the id of one of the plan's workstreams: {_titled(workstreams)}"


def _titled(workstreams: Sequence[tuple[str, str]]) -> str:
    """Workstreams as a hint names them, each id with its title: `A` (Workforce), `B` (Voice)."""
    return ", ".join(f"`{id_}` ({title})" if title else f"`{id_}`" for id_, title in workstreams)


_BULLET = re.compile(r" *[-*\u2022] +\S")  # a line that starts as a list item does in a document


def _run_on_bullet(doc: Document, path: Path_) -> tuple[int, int] | None:
    """Where a text written without `|` goes on with a line that starts as a list item.

    `note: The review found` with `- 12 plans reviewed` under it, further in: YAML joins
    the lines, and the page shows `The review found - 12 plans reviewed`.
    """
    node = doc.node(path)
    if node is None or not node.plain:
        return None  # in quotes the lines are joined as well, but the quotes say it was meant so
    for number in range(node.line + 1, doc.last_line(node.line, node.col) + 1):
        line = doc.source_line(number)
        if _BULLET.match(line):
            return number, len(line) - len(line.lstrip(" ")) + 1
    return None


def _fields_for(model: type[BaseModel], loc: Path_) -> list[FieldInfo]:
    """The fields the key at loc may be, one per model its mapping may be."""
    return [info for kind in _models_at(model, loc[:-1]) if (info := _field_named(kind, loc[-1])) is not None]


def _is_id(model: type[BaseModel], loc: Path_) -> bool:
    """Whether the value at loc is an id (`id`, `workstream`): letters, digits and hyphens."""
    return any(getattr(m, "pattern", None) == ID_PATTERN for info in _fields_for(model, loc) for m in info.metadata)


def _choices(model: type[BaseModel], loc: Path_) -> list[str]:
    """The values the key at loc may take, where the model lists them (`status`)."""
    for info in _fields_for(model, loc):
        if typing.get_origin(info.annotation) is typing.Literal:
            return [str(choice) for choice in typing.get_args(info.annotation)]
    return []


def _required(model: type[BaseModel], loc: Path_) -> bool:
    """Whether the key at loc must be there."""
    return any(info.is_required() for info in _fields_for(model, loc))


def _fill_in(doc: Document, model: type[BaseModel], loc: Path_, what: str, shown: str | None = None) -> str:
    """A hint for a value left empty: write it, or, where the key is optional, remove it."""
    if _required(model, loc):
        return f"write {what} (`{loc[-1]}` is required)"
    return f"write {what}, or {_deletion(doc, loc, shown)}"


def _deletion(doc: Document, loc: Path_, shown: str | None = None) -> str:
    """How to remove the value at loc (written as `shown`, else as the file has it): its line,
    or, inside `{...}` or a `[...]` of several items, only it, since the line holds more (an
    action, or the other ids of the list)."""
    if not in_brackets(doc.lines, doc.node(loc[:-1])):
        return "delete the line"
    if shown is None:
        node = doc.node(loc)
        shown = node.raw if node is not None and node.raw is not None else ""
    if isinstance(loc[-1], int):
        listed = _value_at(doc.data, loc[:-1])
        if isinstance(listed, list) and len(listed) == 1 and not in_brackets(doc.lines, doc.node(loc[:-2])):
            return "delete the line"  # `key: [todo]` alone on its line: the line holds only it
        return f"delete `{shown}` from the list"
    return f"delete `{f'{loc[-1]}: {shown}'.strip()}` from the braces"


# Site and frameworks -------------------------------------------------------------------


# Domains reserved for examples (RFC 2606, RFC 6761): no reader can reach them.
_EXAMPLE_HOST = re.compile(r"(^|\.)(example\.(com|net|org)|example|test|invalid|localhost)$", re.IGNORECASE)


def validate_site(
    doc: Document, as_of: dt.date | None = None, addressed: bool = True
) -> tuple[Site | None, list[Problem]]:
    """site.yaml's model and rules; those about the as-of day only when it is given, and
    about `base_url` only for a build not given the site's address (addressed False): a check
    cannot know it, and the build that publishes may be given it."""
    report = Report(doc)
    site = parse_model(doc, Site, report)
    if site is None:
        return None, report.problems
    if (wrong := site_folder(site.base_url)) is not None:
        report.error(
            ("base_url",),
            f"`base_url` {wrong[0]}: every address on the site is made by adding to it",
            f"write `{wrong[1]}`",
        )
    elif not addressed and _EXAMPLE_HOST.search(urlsplit(site.base_url).hostname or ""):
        report.warn(
            ("base_url",),
            f"`{site.base_url}` is an example address: the feeds, the data's links and printed pages would "
            "give readers an address that leads nowhere",
            "set `base_url` to the address the site is published at, or give it when building, with "
            "`--base-url` (as the workflow that publishes to GitHub Pages does)",
        )
    if _EXAMPLE_HOST.search(urlsplit(site.publisher.url).hostname or ""):
        report.warn(
            ("publisher", "url"),
            f"`{site.publisher.url}` is an example address, not the publisher's",
            "set `publisher` to the organisation that publishes the site and its web address: every page names it",
        )
    if _EXAMPLE_HOST.search(site.contact.rpartition("@")[2]):
        report.warn(
            ("contact",),
            f"`{site.contact}` is an example address that nobody reads",
            "set it to a mailbox a person reads: the accessibility statement tells readers to write to it",
        )
    _accessibility(site.accessibility, "accessibility" in (doc.data or {}), as_of, report)
    if site.cms is not None and site.cms.repo == PLACEHOLDER_REPO:
        report.warn(
            ("cms", "repo"),
            f"`{PLACEHOLDER_REPO}` is a placeholder",
            "write the GitHub repository the content manager saves to, as OWNER/NAME",
        )
    return site, report.problems


def _accessibility(stated: Accessibility | None, written: bool, as_of: dt.date | None, report: Report) -> None:
    """What the regulations ask an accessibility statement to say, and only the publisher can."""
    if stated is None:
        if written:  # empty: an error already says so
            return
        report.warn(
            (),
            "site.yaml does not say how accessible the site is: its accessibility statement has no compliance status",
            "once the site has been tested against the accessibility standard (WCAG 2.2 AA), add at the end of "
            "site.yaml, with your own values: `accessibility: {status: partially-compliant, prepared: YYYY-MM-DD, "
            'tested: YYYY-MM-DD, issues: ["what fails, and what a reader can do instead"]}` '
            "(docs/content-format.md explains each)",
        )
        return
    if stated.status != "fully-compliant" and not stated.issues:
        report.warn(
            ("accessibility", "status"),
            f"a site that is `{stated.status}` lists what is not accessible",
            "add `issues`: each thing that fails, the success criterion it fails, when it will be fixed, and what a "
            "reader can do instead",
        )
    if stated.status == "fully-compliant" and stated.issues:
        report.warn(
            ("accessibility", "issues"),
            "a `fully-compliant` site has no issues to list",
            "if these fail WCAG 2.2 AA, write `status: partially-compliant`; otherwise remove them",
        )
    if stated.tested is None:
        report.warn(
            ("accessibility", "tested_by" if stated.tested_by is not None else "status"),
            "the statement does not say when the site was last tested"
            + (", only by whom" if stated.tested_by is not None else ""),
            "add `tested`: the day (YYYY-MM-DD) of the last test against WCAG 2.2 AA, on which the status rests",
        )
    if stated.reviewed is not None and stated.reviewed.end < stated.prepared.start:
        report.error(
            ("accessibility", "reviewed"),
            f"the statement was reviewed ({stated.reviewed}) before it was prepared ({stated.prepared})",
            "check both dates: `reviewed` is the last time the statement was looked at again",
        )
    if as_of is None:
        return
    dated = {"prepared": stated.prepared, "reviewed": stated.reviewed, "tested": stated.tested}
    _not_after(report, ((("accessibility", key), key, date) for key, date in dated.items()), as_of)
    last, done = stated.prepared, "prepared"
    if stated.reviewed is not None and stated.reviewed.end >= last.end:
        last, done = stated.reviewed, "reviewed"
    if as_of - last.end > STALE_AFTER:
        report.warn(
            ("accessibility", done),
            f"the accessibility statement was last {done} {last}, over a year before the as-of date {as_of}",
            "review it against the site as it is now (the regulations ask for a regular review, at least once a "
            "year), and write the day in `reviewed`",
        )


_MOST_JUDGEMENTS = 100


def validate_frameworks(doc: Document) -> tuple[Frameworks | None, list[Problem]]:
    report = Report(doc)
    frameworks = parse_model(doc, Frameworks, report)
    if frameworks is None:
        return None, report.problems
    for name, scale in frameworks.scales.items():
        for grade, label in scale.items():
            if meant := _misspelt_grade(grade, label):
                # An error, so that no authority file is checked against it: each would
                # otherwise be told to write the misspelling.
                report.error(
                    ("scales", name, grade),
                    f"grade `{grade}` misspells the words of its label, `{label}`",
                    f"authority files write a grade as its label's words: write `{meant}`",
                    key=True,
                )
    # Each type's judgements are limited; across the types, so is the number of different
    # ones: every one is a field of each inspection's form in the content manager.
    if len(judgements := frameworks.judgement_keys()) > _MOST_JUDGEMENTS:
        first = judgements[_MOST_JUDGEMENTS]
        key = next(key for key, kind in frameworks.types.items() if first in kind.judgements)
        report.error(
            ("types", key, "judgements", first),
            f"frameworks.yaml has more than {_MOST_JUDGEMENTS} different judgements across its types",
            "give judgements that mean the same the same key in every type (`overall`, "
            "`help-and-protection`), or remove types no inspection uses",
            key=True,
        )
    for key, kind in frameworks.types.items():
        at = ("types", key)
        if kind.graded:
            if kind.scale is None:
                report.error(
                    at + ("scale",),
                    f"graded type `{key}` has no `scale`",
                    "name one of the scales, or set `graded: false`",
                )
            elif kind.scale not in frameworks.scales:
                report.error(
                    at + ("scale",), f"unknown scale `{kind.scale}`", did_you_mean(kind.scale, frameworks.scales)
                )
            if not kind.headline:
                report.error(
                    at + ("headline",),
                    f"graded type `{key}` has no `headline` judgements",
                    "list the judgement keys overviews show, e.g. `headline: [overall]`",
                )
            for i, judgement in enumerate(kind.headline):
                if judgement not in kind.judgements:
                    report.error(
                        at + ("headline", i),
                        f"headline judgement `{judgement}` is not among this type's judgements",
                        did_you_mean(judgement, kind.judgements),
                    )
        else:
            for name in ("scale", "headline", "judgements"):
                if getattr(kind, name):
                    report.error(
                        at + (name,),
                        f"ungraded type `{key}` has `{name}`",
                        f"remove `{name}`, or set `graded: true`",
                        key=True,
                    )
        if kind.description and (problem := markdown_problem(kind.description)):
            report.warn(at + ("description",), *problem)
        if kind.in_use and kind.in_use.from_ and kind.in_use.to and kind.in_use.to.end < kind.in_use.from_.start:
            report.error(at + ("in_use", "to"), "`in_use.to` is before `in_use.from`", "swap the two dates")
        for judgement in kind.judgements:
            start, end = kind.judgement_period(judgement)
            if start and end and end.end < start.start:
                report.error(at + ("judgements", judgement, "to"), "`to` is before `from`", "swap the two dates")
    return (None if any(p.is_error for p in report.problems) else frameworks), report.problems


def _misspelt_grade(grade: str, label: str) -> str | None:
    """The key a grade's label spells, when the key is that with a word misspelt: `requires-improvment`.

    A slip is one letter left out, added, changed or swapped with the next, in a word of
    five letters or more. A key that is not its label's words at all (`ri`), or words of
    them in another form (`area` for "Areas", `childrens` for "Children's"), is a choice.
    """
    said = [word.replace("'", "") for word in re.findall(r"[a-z]+(?:'[a-z]+)*", label.lower().replace("’", "'"))]
    written = grade.split("-")
    meant = [w if w in said else next((m for m in said if _slip(w, m)), w) for w in written]
    return "-".join(meant) if meant != written and all(w in said for w in meant) else None


def _slip(written: str, meant: str) -> bool:
    """Whether written is meant with one letter left out, added, changed or swapped, before the
    word's last two: a change there makes another form of it (`required`, `declined`, `areas`)."""
    if min(len(written), len(meant)) < 5:
        return False
    end = max(len(written), len(meant)) - 2
    if len(written) == len(meant):
        differ = [k for k in range(len(meant)) if written[k] != meant[k]]
        swapped = (
            len(differ) == 2
            and differ[1] == differ[0] + 1
            and written[differ[0]] == meant[differ[1]]
            and written[differ[1]] == meant[differ[0]]
        )
        return (len(differ) == 1 or swapped) and differ[-1] < end
    short, long = sorted((written, meant), key=len)
    return len(long) - len(short) == 1 and any(long[:k] + long[k + 1 :] == short for k in range(end))


# Authorities ---------------------------------------------------------------------------


_GAPS_ONE_BY_ONE = 3  # recommendations no action answers, warned about each at its own line; more, at once
_FAR_AHEAD = 10  # years: a due date as far ahead is a mistyped year (`2204`), not a plan


@dataclass(frozen=True)
class Context:
    """What an authority's own rules need from outside its file."""

    frameworks: Frameworks
    as_of: dt.date
    slug: str


# An empty `former_slugs: []`, where a rename's warning tells the editor to add the old
# address, since writing the key again would be a duplicate key.
_NO_FORMER = "former_slugs: []"
# A source that is Ofsted's page of an authority's reports, named by its URN: an inspection
# copied into the wrong file comes with the other authority's page.
_PROVIDER = "provider"
_PROVIDER_PAGE = re.compile(r"//reports\.ofsted\.gov\.uk/provider/\d+/(\d{5,8})(?:[/?#]|$)")
_REPORT = "report"  # an Ofsted report's file, which is about one authority
_REPORT_FILE = re.compile(r"//files\.ofsted\.gov\.uk/v1/file/(\d{1,12})(?:[/?#]|$)")


@dataclass(frozen=True)
class Mention:
    """A value in one file that a rule checks against other files, with where it is written."""

    key: str  # `predecessors`, `successors`, `former_slugs`, `name`, or a code: `gss`, `dfe`, `ofsted`; or _NO_FORMER
    value: str | int
    line: int
    col: int
    source_line: str


@dataclass(frozen=True)
class Links:
    """What the rules that span files need from one authority file: small, so it can travel."""

    file: str
    # Predecessors and successors, as written; None when the file could not be read, so
    # that another file's link to it is not called one-sided for want of them.
    listed: tuple[frozenset[str], frozenset[str]] | None
    mentions: tuple[Mention, ...] = ()  # of a file that passed its own rules: links and codes

    def problem(self, mention: Mention, message: str, hint: str, severity: Severity = "error") -> Problem:
        return Problem(self.file, mention.line, mention.col, message, hint, severity, mention.source_line)


def links_of(doc: Document, authority: Authority | None) -> Links:
    data = doc.data if isinstance(doc.data, dict) else {}

    def listed(key: str) -> frozenset[str]:
        value = data.get(key)
        return frozenset(v for v in value if isinstance(v, str)) if isinstance(value, list) else frozenset()

    mentions: list[Mention] = []

    def mention(key: str, value: str | int, path: Path_) -> None:
        line, col = doc.locate(path)
        mentions.append(Mention(key, value, line, col, doc.source_line(line)))

    if authority is not None:
        for key in ("predecessors", "successors", "former_slugs"):
            for k, other in enumerate(getattr(authority, key)):
                mention(key, other, (key, k))
        if "former_slugs" in data and not authority.former_slugs:
            mention(_NO_FORMER, "", ("former_slugs",))
        mention("name", authority.name, ("name",))
        if authority.codes is not None:
            for kind in ("gss", "dfe", "ofsted"):
                value = getattr(authority.codes, kind)
                if value is not None:
                    mention(kind, value, ("codes", kind))
        # A report an inspection rests on; one cited by a note alone (a predecessor's, for its
        # history) may be every successor's.
        rests_on = {cited for inspection in authority.inspections for cited in inspection.sources}
        for k, source in enumerate(authority.sources):
            if "/provider/" in source.url and (page := _PROVIDER_PAGE.search(source.url)):
                mention(_PROVIDER, int(page[1]), ("sources", k, "url"))
            elif source.id in rests_on and "/v1/file/" in source.url and (report := _REPORT_FILE.search(source.url)):
                mention(_REPORT, int(report[1]), ("sources", k, "url"))
    return Links(doc.file, (listed("predecessors"), listed("successors")), tuple(mentions))


Renamed = tuple[Path_, str, str, str]  # where the id is now, what has it, the id before, the id now


def renamed_ids(before: Any, now: Any) -> list[Renamed]:
    """Ids this change renamed in a file it edits (before and now: the file's data): each is
    part of an address readers have.

    An id is renamed where, in the same list, the entry that had it has another that the
    list did not have (an entry removed, or another added, moves none of the others').
    """
    old, new = dict(_id_lists(before)), dict(_id_lists(now))
    found: list[Renamed] = []
    for (kind, parent), (_, was) in old.items():
        path, ids = new.get((kind, parent), ((), []))
        gone, added = set(was) - set(ids), set(ids) - set(was)
        for index, (then, given) in enumerate(zip(was, ids, strict=False)):
            if then and given and then != given and then in gone and given in added:
                found.append(((*path, index, "id"), kind, then, given))
    return found


def renamed_problem(doc: Document, renamed: Renamed) -> Problem:
    path, kind, then, given = renamed
    feeds = "" if kind == "recommendation" else ", and its entries in the feeds,"
    return doc.problem(
        path,
        f"{kind} `{then}` is renamed `{given}`: links to it on its page{feeds} are made from its id, "
        "and those readers have will find nothing",
        f"keep the id it had before this change, `{then}`: an id is an address, not a number to keep in "
        "order (if it was a mistake, let this warning stand)",
        severity="warning",
    )


def _id_lists(data: Any) -> Iterator[tuple[tuple[str, str], tuple[Path_, list[str]]]]:
    """Each list of entries with ids in an authority file's data, by what it holds and whose it is:
    (kind, the id of the entry it is in), (its path, its ids in order)."""
    if not isinstance(data, dict):
        return

    def ids(path: Path_, entries: Any) -> tuple[Path_, list[str]]:
        listed = entries if isinstance(entries, list) else []
        return path, [e["id"] if isinstance(e, dict) and isinstance(e.get("id"), str) else "" for e in listed]

    for section, kind, inner, inner_kind in (
        ("inspections", "inspection", "recommendations", "recommendation"),
        ("plans", "plan", "actions", "action"),
    ):
        path, outer = ids((section,), data.get(section))
        yield (kind, ""), (path, outer)
        for index, entry in enumerate(data[section] if outer else []):
            if isinstance(entry, dict) and outer[index]:
                yield (inner_kind, outer[index]), ids((section, index, inner), entry.get(inner))


def cross_file_problems(links: dict[str, Links], added: Callable[[], frozenset[str]]) -> list[Problem]:
    """The rules between files: links that resolve and link back, codes used once, old addresses kept once.

    added: the files this change adds (asked only where two files share a name or code).
    """
    problems: list[Problem] = []
    holders: dict[tuple[str, object], list[tuple[str, Links, Mention]]] = {}  # a code: the files that give it
    claims: dict[str, list[tuple[str, Links, Mention]]] = {}  # old address: the files that keep it
    related: dict[str, set[object]] = {}
    # Each Ofsted URN's file, for the sources that are a provider's page.
    urns = {m.value: slug for slug, mine in links.items() for m in mine.mentions if m.key == "ofsted"}
    for slug, mine in links.items():
        related[slug] = {m.value for m in mine.mentions if m.key in ("predecessors", "successors")}
    for slug, mine in links.items():
        for m in mine.mentions:
            if m.key == _NO_FORMER:
                continue
            if m.key == _PROVIDER:
                owner = urns.get(m.value)
                if owner is not None and owner != slug and owner not in related[slug] and slug not in related[owner]:
                    problems.append(
                        mine.problem(
                            m,
                            f"this is Ofsted's page for the authority in authorities/{owner}.yaml "
                            f"(URN {m.value}), not this one's",
                            "check that this source, and what cites it, belong in this file and not in "
                            f"authorities/{owner}.yaml",
                            "warning",
                        )
                    )
                continue
            if m.key == "former_slugs":
                if str(m.value) in links:
                    problems.append(
                        mine.problem(
                            m,
                            f"`{m.value}` is the address of authorities/{m.value}.yaml, which exists",
                            "an old address can be kept only when no file has it: remove it here, or check which "
                            "file was renamed",
                        )
                    )
                claims.setdefault(str(m.value), []).append((slug, mine, m))
                continue
            if m.key in ("predecessors", "successors"):
                other, back = str(m.value), 1 if m.key == "predecessors" else 0
                if other == slug:
                    problems.append(
                        mine.problem(
                            m,
                            f"`{other}` is this file: an authority is not its own {m.key[:-1]}",
                            f"list under `{m.key}` the file of the council this one "
                            + ("took over from" if back else "was replaced by")
                            + f", or remove `{m.key}`",
                        )
                    )
                elif other not in links:
                    choices = (known for known in links if known != slug)
                    problems.append(
                        mine.problem(m, f"no authority file `authorities/{other}.yaml`", did_you_mean(other, choices))
                    )
                elif (listed := links[other].listed) is not None and slug not in listed[back]:
                    opposite = ("predecessors", "successors")[back]
                    problems.append(
                        mine.problem(
                            m,
                            f"`{other}` does not list `{slug}` among its {opposite}",
                            f"add `{slug}` to `{opposite}` in authorities/{other}.yaml",
                        )
                    )
                continue
            # Names as readers tell them apart: `Worcestershire` and `worcestershire ` are one.
            told: str | int = " ".join(str(m.value).split()).casefold() if m.key == "name" else m.value
            holders.setdefault((m.key, told), []).append((slug, mine, m))
    new: frozenset[str] | None = None
    for (key, value), holding in holders.items():
        # Each is told, since either may be the one typed wrong; a successor may keep a
        # predecessor's code (the 2019 Dorset kept DfE 838).
        telling = [
            (slug, mine, m, sharing)
            for slug, mine, m in holding
            if (sharing := [o for o, *_ in holding if o != slug and o not in related[slug] and slug not in related[o]])
        ]
        if telling:
            # But where this change adds some of them, most often copies made to start
            # another authority, only those are told: the files copied from are as they were.
            new = added() if new is None else new
            telling = [one for one in telling if one[0] in new] or telling
        for _, mine, m, sharing in telling:
            if key == _REPORT:
                # Most often an inspection copied from another file, with its source.
                problems.append(
                    mine.problem(
                        m,
                        "this report of Ofsted's is also a source of "
                        + " and ".join(f"authorities/{o}.yaml" for o in sharing)
                        + ", and a report is about one authority",
                        "check that this source, and the inspection that cites it, belong in this file",
                        "warning",
                    )
                )
            elif key == "name":
                # Two pages, two rows of every table, under one name: most often a file
                # copied to start another, its name not yet changed.
                problems.append(
                    mine.problem(
                        m,
                        f"`{m.value}` is also the name of " + " and ".join(f"authorities/{o}.yaml" for o in sharing),
                        "each authority has a page of its own under its own name: if this file was copied to start "
                        "another, give it that authority's name and codes",
                    )
                )
            else:
                problems.append(
                    mine.problem(
                        m,
                        f"`{key}: {value}` is also the code of "
                        + " and ".join(f"authorities/{o}.yaml" for o in sharing),
                        "each authority normally has its own codes; check which file is right",
                        "warning",
                    )
                )
    for old, keeping in claims.items():
        if len(keeping) < 2 or old in links:
            continue
        # Each is told, since any of them may be the one whose page was there.
        for slug, mine, m in keeping:
            others = " and ".join(f"authorities/{other}.yaml" for other, *_ in keeping if other != slug)
            problems.append(
                mine.problem(
                    m,
                    f"`{old}` is also a former address of {others}",
                    "an old address sends readers to one page only: keep it in the file whose page was at that "
                    "address, and remove it from the other",
                )
            )
    return problems


def moved_problems(
    moved: dict[str, str | None], checked: dict[str, Links | None], shown: dict[str, str], first_lines: dict[str, str]
) -> list[Problem]:
    """Pages that this change's renames and deletions take away, with no former address kept for them.

    moved: history.moved_away; checked: each present file's links, None when it failed its
    own rules (its former addresses are then unknown); shown: each present file's path as
    editors see it, and the folder's (under ""); first_lines: the first line of each file
    moved to.
    """
    kept = {str(m.value) for links in checked.values() if links for m in links.mentions if m.key == "former_slugs"}
    lost: dict[str, list[str]] = {}
    problems: list[Problem] = []
    for old, new in sorted(moved.items()):
        if old in kept:
            continue
        if new is None and all(links is not None for links in checked.values()):
            problems.append(
                Problem(
                    f"{shown['']}/{old}.yaml",
                    1,
                    1,
                    f"authorities/{old}.yaml is deleted: links to its page, authorities/{old}/, will find nothing",
                    f"if the authority's file now has another name, add `{old}` to that file's `former_slugs`; "
                    "an authority that no longer exists keeps its file, with `abolished:` and its `successors`",
                    "warning",
                )
            )
        elif new is not None and checked.get(new) is not None:
            lost.setdefault(new, []).append(old)
    for new, olds in sorted(lost.items()):
        links = checked[new]
        assert links is not None  # only files that passed their own rules are in lost
        listed = [m for m in links.mentions if m.key in ("former_slugs", _NO_FORMER)]
        names = " and ".join(f"authorities/{old}.yaml" for old in olds)
        pages = " and ".join(f"authorities/{old}/" for old in olds)
        message = f"this file was {names}, so its page has moved: links to {pages} will find nothing"
        if listed:  # said at the list, which the hint adds to
            where = listed[0]
            more = ", ".join(f"`{old}`" for old in olds)
            hint = f"add {more} to this `former_slugs`, to keep a page there that sends readers to this one"
            problems.append(links.problem(where, message, hint, "warning"))
        else:
            hint = f"add `former_slugs: [{', '.join(olds)}]`, to keep a page there that sends readers to this one"
            problems.append(Problem(shown[new], 1, 1, message, hint, "warning", first_lines.get(new, "")))
    return problems


def validate_authority(doc: Document, ctx: Context) -> tuple[Authority | None, list[Problem]]:
    """The authority's model and every problem of its own file (the rules between files: cross_file_problems)."""
    report = Report(doc, frameworks=ctx.frameworks)

    def first(taken: bool) -> None:
        _misplaced(report)
        _stray_keys(report)
        _period_ends(report)
        if not taken:
            _entries_among_ids(report)  # a list of ids with an entry among it: never taken
        _placeholders(report, ctx.frameworks)
        _left_commented(report)

    authority = parse_model(doc, Authority, report, first)
    if authority is None:
        return None, report.problems
    if doc.dropped:
        # The rules between entries, and every warning, wait until the file reads whole: one
        # may be only the dropped value's absence (`no action responds to r2` of the action
        # a duplicate `id:` dropped, `mv/r2 is not a recommendation` of a second
        # `recommendations:`).
        return None, [p for p in report.problems if p.is_error]
    _AuthorityRules(report, authority, ctx).run()
    has_errors = any(p.is_error for p in report.problems)
    return (None if has_errors else authority), report.problems


# Where each kind of entry belongs: (its model, what it is, the key of its list, where that is).
_ENTRIES: list[tuple[type[BaseModel], str, str, str]] = [
    (Source, "a source", "sources", "under `sources:`"),
    (Inspection, "an inspection", "inspections", "under `inspections:`"),
    (Plan, "a plan", "plans", "under `plans:`"),
    (Note, "a note", "notes", "under `notes:`"),
    (Delivery, "a period of delivery", "delivery", "under `delivery:`"),
    (Recommendation, "a recommendation", "recommendations", "under an inspection's `recommendations:`"),
    (Action, "an action", "actions", "under a plan's `actions:`"),
    (Update, "an update", "updates", "under an action's `updates:`"),
]


def _misplaced(report: Report) -> None:
    """An entry written under the wrong heading (an inspection added after `plans:`), said once.

    Its keys are unknown where it is and its required ones missing; one error naming
    where it belongs replaces them all.
    """
    data = report.doc.data
    if not isinstance(data, dict):
        return
    lists: list[tuple[Path_, type[BaseModel], Any]] = [
        ((section,), model, data.get(section))
        for section, model in (("sources", Source), ("inspections", Inspection), ("plans", Plan), ("notes", Note))
    ]
    inspections, plans = data.get("inspections"), data.get("plans")  # the model says what else they are
    for i, inspection in enumerate(inspections if isinstance(inspections, list) else []):
        if isinstance(inspection, dict):
            lists.append((("inspections", i, "recommendations"), Recommendation, inspection.get("recommendations")))
            lists.append((("inspections", i, "notes"), Note, inspection.get("notes")))
    for i, plan in enumerate(plans if isinstance(plans, list) else []):
        if isinstance(plan, dict):
            actions = plan.get("actions")
            lists.append((("plans", i, "actions"), Action, actions))
            for j, action in enumerate(actions if isinstance(actions, list) else []):
                if isinstance(action, dict):  # an action written one step too far in
                    lists.append((("plans", i, "actions", j, "updates"), Update, action.get("updates")))
    for path, model, items in lists:
        here = _keys_of(model)
        spans: dict[int, tuple[int, int]] | None = None  # each entry's first and last line, when needed
        started: set[str] = set()  # sections the file lacks, told once where to start
        for k, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict) or item.keys() <= here:
                continue  # nearly every entry: in its place
            fits = _entries_with(item.keys(), but=model)
            if len(fits) != 1:
                continue
            kind, what, section, where = fits[0]
            unknown = ", ".join(f"`{key}`" for key in item if key not in here)
            if what == "an update":
                spans = spans or _spans(report.doc, path)
                hint = _update_of(report.doc, path, items, k, spans)
            elif len(path) >= 3 and any(one is kind and key == path[-3] for one, _, key, _ in _ENTRIES):
                # One of the entries around it (an action under an action's updates): one step too far in.
                col = report.doc.locate((*path, k))[1]
                above, left = report.doc.locate(path[:-1])
                hint = (
                    f"move it and its lines {col - left} spaces left, so that its `-` is under the `-` of line {above}"
                )
            elif kind in (Source, Inspection, Plan, Delivery) and section not in data and (kin := _kin(items, kind)):
                # The first of its kind: its section's line is what is missing.
                line = report.doc.locate((*path, k))[0]
                own = [j for j in range(k + 1, len(items)) if isinstance(items[j], dict) and items[j].keys() <= here]
                # The first of its kind after the list's own entries, above which the section will start.
                after = next((j for j in range(own[-1] + 1, len(items)) if j in kin), None) if own else None
                if own and after is not None:
                    hint = (
                        f"the file has no `{section}:` yet: move it down to just above the entry on line "
                        f"{report.doc.locate((*path, after))[0]}, and write `{section}:` above them both"
                    )
                elif own:  # among the list's own entries: a section started here would take them
                    last = report.doc.locate((*path, own[-1]))[0]
                    hint = (
                        f"the file has no `{section}:` yet: move it below the last entry of `{path[-1]}:` (from "
                        f"line {last}), and write `{section}:` above it, on a line of its own, not indented"
                    )
                elif section in started:
                    report.settled_under.add((*path, k))
                    continue  # in the section the first one's hint starts
                else:
                    started.add(section)
                    hint = (
                        f"the file has no `{section}:` yet: write `{section}:` on a line of its own, not indented, "
                        f"just above line {line}"
                    )
            else:
                hint = f"move it {where}"
            report.error(
                (*path, k), f"this entry has the keys of {what} ({unknown}), but it is under `{path[-1]}:`", hint
            )
            report.settled_under.add((*path, k))


def _stray_keys(report: Report) -> None:
    """A key written one step too far in or out, told where it belongs, said once.

    An inspection's `summary:` indented under its `judgements:` would be told it is no
    grade (or too long for one); an action's `responds_to:` written as far in as its
    plan's keys, that it is unknown there. Either hint would lose what the editor wrote.
    """
    doc, data = report.doc, report.doc.data
    if not isinstance(data, dict):
        return
    inspections, plans = data.get("inspections"), data.get("plans")
    graded = (
        {key for kind in report.frameworks.types.values() for key in kind.judgements} if report.frameworks else set()
    )
    own = _keys_of(Inspection) - graded
    for i, inspection in enumerate(inspections if isinstance(inspections, list) else []):
        if not isinstance(inspection, dict):
            continue
        judgements = inspection.get("judgements")
        for key in judgements if isinstance(judgements, dict) else ():
            if key in own:
                line, col = doc.locate(("inspections", i, "judgements"), key=True)
                report.error(
                    ("inspections", i, "judgements", key),
                    f"`{key}` is a key of the inspection, not a judgement, but it is written under `judgements:`",
                    f"write it as far in as `judgements:`: {col - 1} spaces, like line {line}",
                    key=True,
                )
                report.settled_under.add(("inspections", i, "judgements", key))
                report.settled.add(("inspections", i, key))  # missing there for this one reason
        _too_shallow(report, ("inspections", i), inspection, Inspection, "recommendations", Recommendation)
    for i, plan in enumerate(plans if isinstance(plans, list) else []):
        if not isinstance(plan, dict):
            continue
        _too_shallow(report, ("plans", i), plan, Plan, "actions", Action)
        actions = plan.get("actions")
        for j, action in enumerate(actions if isinstance(actions, list) else []):
            if isinstance(action, dict):
                _too_shallow(report, ("plans", i, "actions", j), action, Action, "updates", Update)


# What a period's ends are called elsewhere (a spreadsheet's columns, a form's fields).
_ENDS = {"start": "from", "starts": "from", "begin": "from", "end": "to", "ends": "to", "until": "to", "finish": "to"}


def _period_ends(report: Report) -> None:
    """A visit's or a period of delivery's ends written `start:` and `end:`: one error at each
    word, with the word to write, where the model would say each is unknown and that `from`
    and `to` are missing."""
    data = report.doc.data
    if not isinstance(data, dict):
        return
    inspections, delivery = data.get("inspections"), data.get("delivery")
    periods: list[tuple[Path_, Any]] = [
        (("inspections", i, "visited"), inspection.get("visited"))
        for i, inspection in enumerate(inspections if isinstance(inspections, list) else [])
        if isinstance(inspection, dict)
    ]
    periods += [(("delivery", i), period) for i, period in enumerate(delivery if isinstance(delivery, list) else [])]
    for path, period in periods:
        if not isinstance(period, dict):
            continue
        for key in period:
            meant = _ENDS.get(str(key).lower())
            if meant is None or meant in period:
                continue
            what = "a visit's dates are" if path[-1] == "visited" else "a period's dates are"
            report.error(
                (*path, key),
                f"`{key}` is written `{meant}` here",
                f"write `{meant}:` in place of `{key}:`: {what} `from:` and `to:`",
                key=True,
            )
            report.settled.update({(*path, key), (*path, meant)})


def _too_shallow(
    report: Report, path: Path_, entry: dict[Any, Any], model: type[BaseModel], key: str, child: type[BaseModel]
) -> None:
    """Keys of entry's last item under key (an action of a plan) written after it as far in as entry's own."""
    items = entry.get(key)
    if not isinstance(items, list) or not items or not isinstance(items[-1], dict) or not items[-1]:
        return
    if entry.keys() <= _keys_of(model):
        return  # nearly always: every key is the entry's own
    last = items[-1]
    doc = report.doc
    what = next(name for kind, name, *_ in _ENTRIES if kind is child)
    first = next(iter(last))
    line, col = doc.locate((*path, key, len(items) - 1, first), key=True)
    braces = doc.source_line(line)[: col - 1].rstrip().endswith("{")  # `- {date: ..., status: ...}`
    for stray in entry:
        if stray in _keys_of(model) or stray not in _keys_of(child):
            continue
        at, stray_col = doc.locate((*path, stray), key=True)
        if at <= line:
            continue  # written before the items, or on one line with them: another mistake
        if braces:
            hint = f"if it belongs to {what} above it, write it inside its braces on line {line}, after a comma"
        else:
            node = doc.node((*path, stray))
            lines = node is not None and doc.last_line(node.line, node.col) > at
            hint = (
                f"if it belongs to {what} above it, move it {col - stray_col} spaces right, in line with that one's "
                f"keys (line {line})" + (", and the lines of its value with it" if lines else "")
            )
        report.error((*path, stray), f"`{stray}` is a key of {what}, not of the entry it is written in", hint, key=True)
        report.settled.add((*path, stray))
        report.settled.add((*path, key, len(items) - 1, stray))  # missing there for this one reason


def _kin(items: list[Any], kind: type[BaseModel]) -> set[int]:
    """The indexes of the entries of items that have the keys of kind and of no other entry."""
    return {
        j
        for j, item in enumerate(items)
        if isinstance(item, dict) and [fit[0] for fit in _entries_with(item.keys())] == [kind]
    }


def _entries_with(
    keys: Iterable[str], but: type[BaseModel] | None = None
) -> list[tuple[type[BaseModel], str, str, str]]:
    """The kinds of entry (rows of _ENTRIES) besides `but` that have every one of keys."""
    return [entry for entry in _ENTRIES if entry[0] is not but and set(keys) <= _keys_of(entry[0])]


def _entries_among_ids(report: Report) -> None:
    """Entries that follow a list of ids written one per line, and so became items of it, said once per run.

    `sources:` then `- ilacs-report`, then `- id: r1` with the `recommendations:` line
    left out: each entry would be told it "must be text", and the hint to write text
    there would lose the editor's recommendations.
    """
    lists: list[tuple[Path_, Any]] = []

    def walk(path: Path_, value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, (dict, list)):
                    walk((*path, key), item)
        elif isinstance(value, list):
            entries = [item for item in value if isinstance(item, (dict, list))]
            # A list of ids or names with an entry among them.
            if entries and len(entries) < len(value) and path and isinstance(path[-1], str):
                lists.append((path, value))
            for k, item in enumerate(value):
                if isinstance(item, (dict, list)):
                    walk((*path, k), item)

    walk((), report.doc.data)
    for path, items in lists:
        if _models_at(Authority, (*path, 0)):
            continue  # a list of entries with text among them: the text is what is wrong
        said = False  # of the run of entries this item is in
        for k, item in enumerate(items):
            if not isinstance(item, dict):
                said = False
                continue
            fits = [] if said or not item else _entries_with(item.keys())
            if len(fits) == 1:
                _, what, key, where = fits[0]
                report.error(
                    (*path, k),
                    f"this entry has the keys of {what}, but it is an item of `{path[-1]}`",
                    _own_list(report, path, key, where),
                )
                said = True
            if said:
                report.settled_under.add((*path, k))


def _own_list(report: Report, path: Path_, key: str, where: str) -> str:
    """Where an entry found in the list at path goes: likely a list of its own beside that one, its key left out."""
    beside = _value_at(report.doc.data, path[:-1])
    if isinstance(beside, dict) and key in beside:
        return f"move it under `{key}:` on line {report.doc.locate((*path[:-1], key), key=True)[0]}"
    if key in _fields_at(Authority, path[:-1]):
        return (
            f"if it starts the `{key}` of this entry, write `{key}:` on the line before it, in line with "
            f"`{path[-1]}:` on line {report.doc.locate(path, key=True)[0]}"
        )
    return f"move it {where}"


def _spans(doc: Document, path: Path_) -> dict[int, tuple[int, int]]:
    """The first and last line of each entry of the list at path."""
    starts: dict[int, tuple[tuple[int, int], tuple[int, int]]] = {}  # the first and last value's position
    depth = len(path)
    for at, node in doc.index.items():
        if len(at) > depth and at[:depth] == path and isinstance(k := at[depth], int):
            here = (node.line, node.col)
            first, last = starts.get(k, (here, here))
            starts[k] = (min(first, here), max(last, here))
    return {k: (first[0], doc.last_line(*last)) for k, (first, last) in starts.items()}


def _update_of(doc: Document, path: Path_, actions: list[Any], k: int, spans: dict[int, tuple[int, int]]) -> str:
    """Where an update written among the actions goes: most likely, the action above it (past other updates).

    Said in lines and spaces: an editor who only indents its first line, or by too little,
    makes of the rest another mistake.
    """
    j = next((j for j in range(k - 1, -1, -1) if not isinstance(actions[j], dict) or "id" in actions[j]), None)
    above = actions[j] if j is not None else None
    if j is None or not isinstance(above, dict) or not isinstance(above.get("id"), str):
        return "move it under an action's `updates:`"
    named = f"if it is an update to action `{above['id']}` above"
    first, last = spans.get(k, (0, 0))
    lines = f"line {first}" if first == last else f"lines {first} to {last}"
    dash = _dash_column(doc, (*path, k))
    if "updates" in above:
        under = _dash_column(doc, (*path, j, "updates", 0))
        if dash is None or under is None or under <= dash:
            return f"{named}, indent it as far as that action's other updates"
        return f"{named}, indent {lines} by {under - dash} more spaces, as far as that action's other updates"
    keys = doc.locate((*path, j, "id"), key=True)[1] - 1  # the action's keys' indent
    if dash is None or keys + 2 <= dash or in_brackets(doc.lines, doc.node((*path, j))):
        # A `{...}` action has no keys on lines of their own to line `updates:` up with.
        return f"{named}, write `updates:` under that action, lined up with its keys, and indent this entry further"
    # The lines to move first: written the other way round, the new line would shift them.
    return (
        f"{named}, indent {lines} by {keys + 2 - dash} more spaces, then write `updates:` on a new line "
        f"after line {spans[j][1]}, indented {keys} spaces like that action's keys"
    )


def _dash_column(doc: Document, path: Path_) -> int | None:
    """The indent of the `- ` that starts the list item at path, if it is written so."""
    node = doc.node(path)
    if node is None or node.col < 3:
        return None
    dash = node.col - 3
    return dash if doc.source_line(node.line)[dash : dash + 2] == "- " else None


@functools.cache
def _keys_of(model: type[BaseModel]) -> frozenset[str]:
    return frozenset(_fields_at(model, ()))


# What `new` writes for a value to fill in, and what editors write for one: `todo`,
# `TODO: the date`, `TODO.`, `TODO fill in`, `[TODO]` in quotes; not a sentence that
# starts with the word (`Todo list agreed`).
_TODO = re.compile(r"\[?(?:TODO(?![A-Za-z0-9])|(?i:todo)(?::|\.?\]?$))")


# What a block `new` adds holds until it is filled in: `""`, `todo`, `[todo]`, a date to write.
_UNFILLED = re.compile(r'""|: todo\b|\[todo\]|YYYY-MM-DD')


def _left_commented(report: Report) -> None:
    """Each block `new` added whose values are filled in but whose lines are still commented
    out: YAML skips them, so nothing else would tell of them, and the page shows nothing."""
    doc = report.doc
    if BLOCK_START not in doc.text:
        return
    start = None
    for number, line in enumerate(doc.lines, 1):
        written = line.lstrip(" ")
        if written.startswith(BLOCK_END):
            inside = [doc.lines[n - 1].lstrip(" ") for n in range(start or number, number)]
            body = [
                (n, text[2:].split(" # ")[0])
                for n, text in enumerate(inside, start or number)
                if text.startswith("# ") and not text[2:].lstrip().startswith("#")
            ]
            # A line of YAML among them: the block is uncommented, and what is left are its notes.
            uncommented = any(text and not text.startswith("#") for text in inside)
            if start is not None and body and not uncommented and not any(_UNFILLED.search(v) for _, v in body):
                first, last = body[0][0], body[-1][0]
                report.warn_at(
                    (first, len(doc.lines[first - 1]) - len(doc.lines[first - 1].lstrip(" ")) + 1),
                    "this block that `new` added is filled in but still commented out: YAML skips its lines, so "
                    "the page will not show it",
                    f"remove the `# ` at the start of lines {first} to {last}, and delete the lines starting `##`",
                )
            start = None
        elif written.startswith(BLOCK_START):
            start = number + 1


def _placeholders(report: Report, frameworks: Frameworks) -> None:
    """Each `todo` that `new` wrote for a value to fill in, reported before anything else.

    It stands for a grade, a status, a number, a code or a reference. Left to the model
    and the rules, each would be found in a different round: a number's at once, a
    grade's or a source's only once the file has no other error. Found here, every one
    is said at once, and nothing else is said of it.
    """
    data = report.doc.data
    text = report.doc.text
    if "todo" not in text and "TODO" not in text and "Todo" not in text:
        return  # nearly every file: a search of its text (a plain one: fast) instead of a walk
    stack: list[tuple[Path_, Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for part, item in items:
            if isinstance(item, (dict, list)):
                stack.append(((*path, part), item))
            elif isinstance(item, str) and _TODO.match(item.strip()):
                key = next((str(p) for p in reversed(path + (part,)) if isinstance(p, str)), "value")
                shown = item.strip() if len(item.strip()) <= 40 else item.strip()[:39] + "…"
                if not isinstance(part, int):
                    written = f"`{key}: {shown}`"
                else:
                    written = f"`{key}: [{shown}]`" if len(value) == 1 else f"`{shown}` in `{key}`"
                hint = _todo_hint(report.doc, (*path, part), key, frameworks, shown)
                report.error((*path, part), f"{written} is a placeholder that was not filled in", hint)
                report.settled.add((*path, part))


def _todo_hint(doc: Document, path: Path_, key: str, frameworks: Frameworks, shown: str) -> str:
    data, delete = doc.data, _deletion(doc, path, shown)
    if "judgements" in path and path[0] == "inspections" and isinstance(path[1], int):
        return _grades_hint(data, path, key, frameworks, delete)
    if key == "sources":
        sources = data.get("sources") if isinstance(data, dict) else None
        ids = [s["id"] for s in sources or [] if isinstance(s, dict) and isinstance(s.get("id"), str) and s["id"]]
        listed = listing(ids, last=True) if ids else "none has an id yet"
        optional = "" if _required(Authority, path[:-1]) else f", or {delete}"
        return f"write the id of each source that says so, from the file's `sources:` ({listed}){optional}"
    if key == "responds_to" and path[0] == "plans" and (answered := _answered_points(data, path)):
        return (
            f"write the ids of the recommendations it answers, from those of the inspections its plan answers: "
            f"{listing(answered)}; or {delete}"
        )
    if key in _TODO_HINTS:
        return _TODO_HINTS[key].format(delete=delete)
    if isinstance(path[-1], str):
        return _fill_in(doc, Authority, path, "the value", shown)
    return "write the value, or delete the item"


def _is_grade(loc: Path_) -> bool:
    """Whether loc is a judgement's grade in an authority file."""
    return len(loc) == 4 and loc[0] == "inspections" and loc[2] == "judgements"


def _grades_hint(data: Any, path: Path_, key: str, frameworks: Frameworks, delete: str) -> str:
    """What to write for a judgement's grade: the grades of its inspection's scale."""
    inspection = _value_at(data, path[:2])
    kind = frameworks.types.get(str(inspection.get("type"))) if isinstance(inspection, dict) else None
    scale = list(frameworks.scales.get(kind.scale or "", {})) if kind else []
    grades = either(scale) if len(scale) > 1 else "as frameworks.yaml names it"
    optional = "" if kind is None or key in kind.headline else f"; or {delete} if the report does not grade it"
    return f"write the grade the report gives: {grades}{optional}"


def _answered_points(data: Any, path: Path_) -> list[str]:
    """The recommendation ids of the inspections an action's plan answers, from the file as written."""
    plan = _value_at(data, path[:2])
    answered = plan.get("in_response_to") if isinstance(plan, dict) else None
    inspections = data.get("inspections") if isinstance(data, dict) else None
    if not isinstance(answered, list) or not isinstance(inspections, list):
        return []
    return [
        f"{i['id']}/{r['id']}"
        for i in inspections
        if isinstance(i, dict) and i.get("id") in answered and isinstance(i.get("recommendations"), list)
        for r in i["recommendations"]
        if isinstance(r, dict) and isinstance(r.get("id"), str)
    ]


# `{delete}`: how to remove the value where it is written (_deletion).
_TODO_HINTS = {
    "status": "write one of: " + ", ".join(f"`{s}`" for s in typing.get_args(Status)),
    "workstream": "write the id of one of the plan's `workstreams`",
    "responds_to": "write the ids of the recommendations it answers, like `ilacs-2023/r1`, or {delete}",
    "in_response_to": "write the ids of the inspections it answers, like `ilacs-2023`, or {delete}",
    "recommendation_count": "write how many points the report lists, in digits, or {delete}",
    "gss": "write the ONS code, a letter and 8 digits, like `E06000051`, or delete it",
    "dfe": "write the 3-digit DfE local authority number, like `885`, or delete it",
    "ofsted": "write the 5- to 8-digit Ofsted URN, like `80584`, or delete it",
}


def markdown_fields(a: Authority) -> Iterator[tuple[Path_, str]]:
    """Every Markdown text of an authority, with its path."""
    for k, note in enumerate(a.notes):
        yield ("notes", k, "text"), note.text
    for i, inspection in enumerate(a.inspections):
        at = ("inspections", i)
        if inspection.summary:
            yield at + ("summary",), inspection.summary
        for j, rec in enumerate(inspection.recommendations):
            yield at + ("recommendations", j, "text"), rec.text
        for k, note in enumerate(inspection.notes):
            yield at + ("notes", k, "text"), note.text
    for i, plan in enumerate(a.plans):
        for j, action in enumerate(plan.actions):
            for k, update in enumerate(action.updates):
                yield ("plans", i, "actions", j, "updates", k, "note"), update.note


def _recommendation_hint(
    ref: str, inspections: set[str], recommendations: Collection[str], answered: Collection[str] = ()
) -> str:
    """A hint for a `responds_to` entry that names no recommendation: it suggests a whole `inspection/id`.

    answered: the points some action answers; one that none does, and whose id is near the
    one written, is likely the point renamed."""
    inspection, _, rec = ref.partition("/")
    listed = [r.partition("/")[2] for r in sorted(recommendations, key=in_order) if r.startswith(inspection + "/")]
    if inspection in inspections and not listed:
        return f"inspection `{inspection}` lists no recommendations: add them under its `recommendations:` first"
    if inspection in inspections and rec.lower() in listed:
        return f"did you mean `{inspection}/{rec.lower()}`? ids are written in lowercase"
    numbered = [r for r in listed if rec.isdigit() and re.fullmatch(rf"[^0-9]*0*{int(rec)}", r)]
    # Only where every point's id starts alike: among `p1`, `r1` and `r2`, the report's
    # second point may be `r1`.
    if inspection in inspections and len(numbered) == 1 and len({re.sub("[0-9]", "", r) for r in listed}) == 1:
        # `ilacs-2023/3`: the point's number in the report, where its id is `r3`.
        return f"did you mean `{inspection}/{numbered[0]}`? a point is named by its id, `{numbered[0]}`, not its number"
    if inspection in inspections:
        # Near in its letters, with the same number: `r2a` for `r2`, not `r10` for `r1`.
        renamed = [
            r
            for r in listed
            if f"{inspection}/{r}" not in answered
            and re.sub(r"\D", "", r) == re.sub(r"\D", "", rec)
            and (r.startswith(rec) or closest(rec, [r]))
        ]
        if len(renamed) == 1:
            return (
                f"did you mean `{inspection}/{renamed[0]}`? no action answers that point: `{rec}` may have been renamed"
            )
        # `r9` near `r8` is another recommendation, not a misspelling of it: list them.
        shown = listing(listed)
        return (
            f"inspection `{inspection}` lists {shown}; if `{rec}` is another of its points, "
            "add it under its `recommendations:`; if it was deleted, remove it from this list"
        )
    if not (inspection and rec):
        return did_you_mean(ref, recommendations) or "add the inspection's recommendations under its `recommendations:`"
    close = did_you_mean(ref, recommendations)
    # `ilacs-2025/r4` where the inspection is `ilacs-short-2025`: the inspection is what is
    # wrong, and a list of every point in the file would bury it. Those with points are offered.
    pointed = {r.partition("/")[0] for r in recommendations}
    if close.startswith("did you mean") or not pointed:
        return close or f"no inspection in this file has the id `{inspection}`: add that inspection, or correct the id"
    return f"no inspection in this file has the id `{inspection}`; {did_you_mean(inspection, pointed)}"


def plain_fields(a: Authority) -> Iterator[tuple[Path_, str]]:
    """Every text of an authority that pages show as written, not as Markdown, with its path."""
    yield ("name",), a.name
    for k, delivery in enumerate(a.delivery):
        yield ("delivery", k, "by"), delivery.by
    for k, source in enumerate(a.sources):
        for key in ("title", "publisher", "via", "note"):
            if value := getattr(source, key):
                yield ("sources", k, key), value
    for i, inspection in enumerate(a.inspections):
        for key in ("title", "focus"):
            if value := getattr(inspection, key):
                yield ("inspections", i, key), value
    for i, plan in enumerate(a.plans):
        yield ("plans", i, "title"), plan.title
        for k, priority in enumerate(plan.priorities):
            yield ("plans", i, "priorities", k), priority
        for k, workstream in enumerate(plan.workstreams):
            yield ("plans", i, "workstreams", k, "title"), workstream.title
        for j, action in enumerate(plan.actions):
            yield ("plans", i, "actions", j, "title"), action.title
            if action.owner:
                yield ("plans", i, "actions", j, "owner"), action.owner


# `> 5 children`, `>=3 months` at the start of a line of Markdown: a comparison that Markdown
# takes for a quotation, showing the words without the sign.
_COMPARISON_LINE = re.compile(r"(?m)^ {0,3}>[ \t]*(?:=[ \t]*)?[0-9]+")
# Markdown an editor might write where it shows as typed: a link, or emphasis.
_MARKDOWN = re.compile(r"\[[^\[\]\n]+\]\([^)\s]+\)|(?<![\w*])\*{1,2}[^*\s][^*\n]*\*{1,2}(?![\w*])")
# An HTML tag or character reference: `<b>`, `</span>`, `<br/>`, `&amp;`, `&#8217;`; not `a < b`,
# `R&D`, `Q&A;` or an address in angle brackets, `<jane.smith@case.gov.uk>`.
_MARKUP = re.compile(
    r"</?(?:a|abbr|b|blockquote|br|cite|code|del|div|em|font|h[1-6]|hr|i|img|ins|li|mark|ol|p|pre|q|s|small|span"
    r"|strike|strong|sub|sup|table|td|th|tr|u|ul)(?:\s[^<>\n]*)?/?>|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);",
    re.IGNORECASE,
)


def _as_written(text: str, address: str) -> str:
    """A link's address as the text writes it: Markdown reads `java&#x09;script:` as `java\tscript:`."""
    if address in text:
        return address
    found = (m[1] for m in _LINK_TARGET.finditer(text) if html.unescape(m[1]) == address)
    return next(found, address)


# An address as a link writes it: `](...)` (a bracket inside, as Markdown allows), `]: ...` (a
# reference's definition) or `href="..."`.
_LINK_TARGET = re.compile(r"""(?:\]\(\s*<?|\]:\s*<?|href\s*=\s*["']?)((?:[^()\s>"']|\([^()\s]*\))+)""", re.IGNORECASE)


def _lost_link(written: str, why: str) -> tuple[str, str]:
    if why == "image":
        words, address = written[2:].split("](", 1)
        return (
            f"`{written}` is an image, and pages show no images: it will not show, words and all",
            f"link to it instead: `[{words or 'the image'}]({address}`",
        )
    fixed = re.sub(r"\] +\(", "](", written)
    return (
        f"`{written}` will show as written, not as a link: a space between `]` and `(` stops it",
        f"remove the space: `{fixed}`",
    )


_PUBLISHED = "link the document where it is published on the web, or leave the link out"
# An address on the editor's own computer or network, on a council's own SharePoint, or
# in Microsoft Teams (a chat's or a channel's file, which opens only for its members).
_PRIVATE_HOST = re.compile(
    r"(?i)https?://(?:[^/@\s]*@)?(localhost|127(?:\.\d+){3}|10(?:\.\d+){3}|192\.168(?:\.\d+){2}"
    r"|172\.(?:1[6-9]|2\d|3[01])(?:\.\d+){2}|[\w-]+|[\w.-]+\.(?:local|internal|lan|corp)"
    r"|[\w.-]+\.sharepoint\.com|teams\.microsoft\.com|teams\.live\.com)"
    r"(?![\w-]|\.[\w-])"  # the host ends there, at a sentence's full stop too
)


def _private_addresses(text: str) -> list[tuple[str, str]]:
    """The web addresses in text that readers of a public site cannot open, and what each is."""
    found = []
    for match in _PRIVATE_HOST.finditer(text):
        end = re.search(r"[\s)>\]\"']|$", text[match.start() :])
        address = _sentence_end_trimmed(text[match.start() : match.start() + (end.start() if end else 0)])
        host = match[1].lower()
        what = (
            "the council's SharePoint, which most readers cannot open"
            if host.endswith("sharepoint.com")
            else "a Microsoft Teams link, which opens only for the team's members"
            if host.startswith("teams.")
            else "an address on your own computer or network, which readers cannot open"
        )
        found.append((address, what))
    return found


# An address an email or a search wrapped around the one it stands for: Outlook's SafeLinks
# (which also carries the mailbox it was sent to) and Google's redirect.
_WRAPPED = re.compile(
    r"(?i)https?://(?:[\w-]+\.safelinks\.protection\.outlook\.com|www\.google\.[a-z.]{2,6})/(?:url)?\?[^\s)>\]\"']*"
)


def _wrapped_addresses(text: str) -> list[tuple[str, str]]:
    """Each address in text that wraps another (a SafeLinks address), with the one it wraps."""
    found = []
    for match in _WRAPPED.finditer(text):
        query = parse_qs(urlsplit(match.group()).query)
        inner = next((query[key][0] for key in ("url", "q") if query.get(key)), "")
        if inner.startswith(("http://", "https://")):
            found.append((_sentence_end_trimmed(match.group()), inner))
    return found


def _wrapped_problem(address: str, inner: str) -> tuple[bool, str, str]:
    """(whether it is an error, the message, the hint) for an address wrapping another.

    SafeLinks is an error: the mailbox it carries would be published on every page and
    data file that gives the address. Google's redirect only sends readers through Google.
    """
    shown = address if len(address) <= 60 else address[:59] + "…"
    hint = f"give the address it wraps: `{inner}`"
    if "safelinks" in address.lower():
        return (
            True,
            f"`{shown}` is an Outlook SafeLinks address: it holds the mailbox it was sent to, which the site "
            "would publish, and sends readers through Microsoft's servers",
            hint,
        )
    return False, f"`{shown}` is a Google search's redirect: it sends readers through Google", hint


def _spaced_link(address: str) -> tuple[str, str]:
    """What to say of a link whose address has a space, which pages link as written."""
    fixed = re.sub(r"\s", lambda space: _percent_encoded(space.group()), address)
    return (
        f"the link's address `{address}` has a space in it, which no web address has",
        f"write each space in the address as `%20`: `{fixed}`",
    )


def _refused_link(address: str) -> tuple[str, str]:
    """What to say of a link whose address pages do not link."""
    shown = f"`{address}`" if address else "an empty address"
    message = f"the link to {shown} will show as plain words: pages link only web and email addresses"
    if re.fullmatch(EMAIL_PATTERN, address):
        return message, f"an email address is linked with `mailto:` before it: `mailto:{address}`"
    if re.match(r"(?i)[a-z]:[\\/]|\\\\|file:", address):
        return (
            message,
            f"`{address}` is a file on a computer or a shared drive, which readers cannot open: {_PUBLISHED}",
        )
    if re.match(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/|$)", address):
        return message, f"write the whole address, starting `https://`, like `https://{address}`"
    return message, "write the whole address, starting `https://` (or `mailto:` for an email address)"


def _repeats(values: Iterable[str]) -> Iterator[tuple[int, int]]:
    """(index, index of its first use) for each value used before in the list."""
    first: dict[str, int] = {}
    for i, value in enumerate(values):
        if first.setdefault(value, i) != i:
            yield i, first[value]


def _named(a: Authority) -> Iterator[tuple[str, Path_, str]]:
    """Every id a reference can name, with what it names (a source, an inspection, a recommendation) and its path."""
    for i, source in enumerate(a.sources):
        yield "source", ("sources", i, "id"), source.id
    for i, inspection in enumerate(a.inspections):
        yield "inspection", ("inspections", i, "id"), inspection.id
        for j, rec in enumerate(inspection.recommendations):
            yield "recommendation", ("inspections", i, "recommendations", j, "id"), f"{inspection.id}/{rec.id}"


def _unique(report: Report, items: list[Any], path: Path_, what: str) -> set[str]:
    for i, first in _repeats(item.id for item in items):
        line, _ = report.doc.locate(path + (first, "id"))
        report.error(
            path + (i, "id"),
            f"{what} id `{items[i].id}` is used twice",
            f"it is also the id on line {line}: give each {what} its own id",
        )
    return {item.id for item in items}


def _not_after(report: Report, dated: Iterable[tuple[Path_, str, PartialDate | None]], as_of: dt.date) -> None:
    """Each date of something that has happened (with its path and key) that is after the as-of day: an error."""
    for path, key, date in dated:
        if date is not None and date.start > as_of:
            report.error(
                path,
                f"`{key}: {date}` is in the future (this check is as of {as_of})",
                # An update dated ahead is most often one planned: its date is the action's `due`.
                "an update records what has happened by its date: check the year; a date still to come is the "
                "action's `due`"
                if path[-1] == "date"
                else "dates of things that happened cannot be in the future; check the year",
            )


def _put_first(updates: list[Update], k: int) -> bool:
    """Whether update k, not the one after it, is out of place: the list is in order without
    it, and not without the other (most often the newest, added at the top)."""

    def in_order(kept: list[Update]) -> bool:
        return all(b.date.end >= a.date.start for a, b in itertools.pairwise(kept))

    return in_order(updates[:k] + updates[k + 1 :]) and not in_order(updates[: k + 1] + updates[k + 2 :])


def _past_dates(a: Authority) -> Iterator[tuple[Path_, str, PartialDate | None]]:
    """Every date of something that has happened (not deadlines), with its path and key."""
    yield ("created",), "created", a.created
    yield ("abolished",), "abolished", a.abolished
    for i, source in enumerate(a.sources):
        yield ("sources", i, "published"), "published", source.published
    for i, delivery in enumerate(a.delivery):
        yield ("delivery", i, "from"), "from", delivery.from_
        yield ("delivery", i, "to"), "to", delivery.to
    for i, inspection in enumerate(a.inspections):
        at = ("inspections", i)
        if isinstance(inspection.visited, PartialDate):
            yield at + ("visited",), "visited", inspection.visited
        else:
            yield at + ("visited", "from"), "visited.from", inspection.visit_start
            yield at + ("visited", "to"), "visited.to", inspection.visit_end
        yield at + ("published",), "published", inspection.published
    for i, plan in enumerate(a.plans):
        yield ("plans", i, "adopted"), "adopted", plan.adopted
        yield ("plans", i, "closed"), "closed", plan.closed
        for j, action in enumerate(plan.actions):
            for k, update in enumerate(action.updates):
                yield ("plans", i, "actions", j, "updates", k, "date"), "date", update.date


class _AuthorityRules:
    def __init__(self, report: Report, authority: Authority, ctx: Context) -> None:
        self.report, self.a, self.ctx = report, authority, ctx
        self.sources: set[str] = set()
        # (what it names, folded id): the references that miss it, as written, and where.
        self.miscased: dict[tuple[str, str], list[tuple[str, Path_]]] = {}
        self.gone: collections.Counter[str] | None = None  # see _gone
        # Inspection id: (a recommendation id it repeats, the lines it is on), the first such.
        self.repeated: dict[str, tuple[str, list[int]]] = {}

    def run(self) -> None:
        a, report = self.a, self.report
        self.sources = _unique(report, a.sources, ("sources",), "source")
        for k, source in enumerate(a.sources):
            for address, what in _private_addresses(source.url)[:1]:
                report.warn(
                    ("sources", k, "url"),
                    f"`{address}` is {what}",
                    "give the address where the document is published on the web",
                )
            for address, inner in _wrapped_addresses(source.url)[:1]:
                serious, message, hint = _wrapped_problem(address, inner)
                (report.error if serious else report.warn)(("sources", k, "url"), message, hint)
            if (trimmed := _sentence_end_trimmed(source.url)) != source.url:
                # A sentence's full stop or comma, copied with the address: most sites
                # answer "not found" to it.
                ending = source.url[len(trimmed) :]
                report.warn(
                    ("sources", k, "url"),
                    f"the address ends with `{ending}`, as one copied from the end of a sentence does",
                    f"delete the `{ending}` unless the page opens only with it: `{trimmed}`",
                )
        if not a.inspections:
            report.warn((), "this authority has no inspections", "add its inspections under `inspections:`")
        if a.region is not None and a.region not in REGIONS:
            # The overview groups and filters by region: another spelling is another region.
            report.warn(
                ("region",), f"`{a.region}` is not one of the nine English regions", did_you_mean(a.region, REGIONS)
            )
        _not_after(report, _past_dates(a), self.ctx.as_of)
        if a.created and a.abolished and a.abolished.end < a.created.start:
            report.error(("abolished",), "`abolished` is before `created`", "check both dates")
        for i, delivery in enumerate(a.delivery):
            if delivery.to and delivery.to.end < delivery.from_.start:
                report.error(("delivery", i, "to"), "`to` is before `from`", "check both dates")
            self._refs(delivery.sources, ("delivery", i, "sources"))
        self._notes(a.notes, ("notes",))
        self._numbers()
        _unique(report, a.inspections, ("inspections",), "inspection")
        self._one_report_twice()
        # By id (the first, where one is repeated); None where the file gives no date.
        dates = {i.id: i.visit_start or i.published for i in reversed(a.inspections)}
        recommendations: set[str] = set()
        for i, inspection in enumerate(a.inspections):
            recommendations |= self._inspection(inspection, ("inspections", i))
        responded: set[str] = set()
        _unique(report, a.plans, ("plans",), "plan")
        for i, plan in enumerate(a.plans):
            responded |= self._plan(plan, ("plans", i), dates, recommendations)
        self._case_slips()
        self._open_plans()
        self._page_names()
        self._former_slugs()
        self._plain_texts()
        # A plan whose actions are recorded should answer each recommendation of the
        # inspections it responds to. Where no plan, or no action, is recorded, the page
        # says so; that is missing information, not an editor's slip.
        answered = {i for plan in a.plans if plan.actions for i in plan.in_response_to}
        # A reference in other capitals is already an error: it meant this recommendation.
        responded = {ref.casefold() for ref in responded}
        for i, inspection in enumerate(a.inspections):
            if inspection.id not in answered:
                continue
            # Each id once: a second recommendation given the same id is an error of its own.
            first = {rec.id: j for j, rec in reversed(list(enumerate(inspection.recommendations)))}
            gaps = [
                (j, rec.id)
                for j, rec in enumerate(inspection.recommendations)
                if f"{inspection.id}/{rec.id}".casefold() not in responded and first[rec.id] == j
            ]
            if len(gaps) > _GAPS_ONE_BY_ONE:
                # A plan being entered action by action: one warning, not one on every line
                # of the inspection that the editor did not touch.
                ids = [rec for _, rec in gaps]
                report.warn(
                    ("inspections", i, "recommendations"),
                    f"{len(gaps)} of the {len(inspection.recommendations)} recommendations of `{inspection.id}` "
                    f"have no plan action responding: {listing(ids, limit=30)}",
                    f"add each to the `responds_to` of the action that answers it, as `{inspection.id}/{ids[0]}`",
                    key=True,
                )
                continue
            for j, rec_id in gaps:
                report.warn(
                    ("inspections", i, "recommendations", j),
                    f"no plan action responds to recommendation `{inspection.id}/{rec_id}`",
                    f"add `{inspection.id}/{rec_id}` to the `responds_to` of the action that answers it",
                )
        for path, text in markdown_fields(a):
            # A sign of several characters is looked for only in a text that holds its first:
            # Python finds one character far faster than a string, and most texts lack it.
            if ("-" in text and "- " in text) or "#" in text or "\u00ad" in text:
                self._pasted(path, text, True)
            if not text.isascii():
                self._ligature(path, text, listed=True)
            swallowed = "- " in text and ("id:" in text or "date:" in text) and self._swallowed(path)
            # Where a list's or a table's sign is (an update's note is one paragraph, and told so):
            # in quotes or a `>` text, what YAML made of its lines; else the lines Markdown runs
            # together.
            listed = ("-" in text and "- " in text) or ("*" in text and "* " in text)
            if path[-1] != "note" and not swallowed and not (listed and self._quoted_list(path, text)):
                if ":" in text and _FOLDED_SIGN.search(text) and self._folded(path):
                    self._folded_list(path)
                elif "\n" in text and _run_in_sign(text):
                    self._run_in(path, text)
            if "^" in text and "[^" in text and (mark := _FOOTNOTE.search(text)):
                report.warn_at(
                    report.doc.find(path, mark.group()),
                    f"`{mark.group()}` is a footnote's mark, which pages show as typed: they have no footnotes",
                    "write what the footnote says in the text itself, or cite the document in `sources`",
                )
            if "<" in text and "<!--" in text:
                report.error_at(
                    report.doc.find(path, "<!--"),
                    "`<!--` starts an HTML comment: pages leave it out, but the site's data files (each "
                    "authority's JSON, the CSV tables) publish every text as written, comment and all",
                    "delete it; a note for other editors belongs in a YAML comment, a line of its own "
                    "starting with `#`, outside the text",
                )
            if "<" in text and not render_markdown(text).striptags().strip():
                report.error(
                    path,
                    "this text would show nothing: pages leave out HTML tags and what is inside them",
                    "write the text itself, as plain text or Markdown",
                )
            elif hidden := hidden_html(text):
                # A tag may span lines (`<local` / `authority>`, folded by `>` into one): it is
                # shown on one line, and found by its first word.
                shown = [" ".join(tag.split()) for tag in hidden]
                quoted = [f"`{tag}`" for tag in shown[:3]] + (["others"] if len(shown) > 3 else [])
                named = together(quoted)
                one = len(shown) == 1
                # What is inside these is dropped with them, not only the tags.
                emptied = [f"`{tag}`" for tag in shown if re.match(r"<(script|style)\b", tag, re.I)]
                inside = f", nor the text inside {' and '.join(emptied)}" if emptied else ""
                report.warn_at(
                    report.doc.find(path, hidden[0].split()[0]),
                    f"{named} {'is' if one else 'are'} read as {'an HTML tag' if one else 'HTML tags'}, "
                    f"and pages leave out HTML tags, so {'it' if one else 'they'} will not show{inside}",
                    "if the angle brackets belong to the text, write `&lt;` in place of `<`; for emphasis, "
                    "a link or bold, use Markdown: `*words*`, `[words](https://...)`, `**words**`",
                )
            elif problem := markdown_problem(text):
                report.warn(path, *problem)
            if ">" in text and (more := _COMPARISON_LINE.search(text)):
                written = more.group().strip()
                report.warn_at(
                    report.doc.find(path, written),
                    f"`{written}` at the start of a line is a quotation to Markdown: the `>` will not show",
                    "write it in words, like `more than` or `at least`",
                )
            if (("-" in text and " - " in text) or ("*" in text and " * " in text) or "\u2022" in text) and (
                bullet := _run_on_bullet(report.doc, path)
            ):
                report.warn_at(
                    bullet,
                    "this line is read as more of the text above it, its bullet a dash in one long line",
                    f"to keep the lines of a list, write `{path[-1]}: |` and the whole text under it, each line "
                    f"indented further than `{path[-1]}:`",
                )
            # Before the test for links: `[the letter] (https://...)` is none, for want of its `](`.
            for written, why in lost_links(text):
                report.warn_at(report.doc.find(path, written), *_lost_link(written, why))
            for address, what in _private_addresses(text) if ":" in text and "://" in text else ():
                report.warn_at(report.doc.find(path, address), f"`{address}` is {what}", _PUBLISHED)
            for address, inner in _wrapped_addresses(text) if "?" in text and "://" in text else ():
                serious, message, hint = _wrapped_problem(address, inner)
                (report.error_at if serious else report.warn_at)(report.doc.find(path, address), message, hint)
            if not may_link(text):
                continue  # no link or image: most texts
            for address, linked in refused_links(text):
                written = _as_written(text, address)
                line, col = report.doc.find(path, f"]({written}")
                # At the address, just after `](`, where it is found written so; else (a
                # link written as HTML, or a reference's definition) where the address is.
                if report.doc.source_line(line)[col - 1 : col + 1] == "](":
                    col += 2
                elif written:
                    line, col = report.doc.find(path, written)
                report.warn_at((line, col), *(_spaced_link(written) if linked else _refused_link(written)))

    def _open_plans(self) -> None:
        for i, plan in enumerate(self.a.plans):
            if plan.closed is None and not plan.in_response_to:
                # The current plan is the open one answering the latest inspection: one that
                # names none is never current, whatever its actions answer.
                named = list(dict.fromkeys(ref.partition("/")[0] for x in plan.actions for ref in x.responds_to))
                self.report.warn(
                    ("plans", i),
                    f"plan `{plan.id}` names no inspection it answers, so the page can neither show it as the "
                    "current plan nor say what it answers",
                    f"add `in_response_to: [{', '.join(named)}]`, the inspections its actions answer"
                    if named
                    else "add `in_response_to: [<inspection-id>]`, the inspection whose points it answers",
                )
        # A refreshed plan added beside the one it replaced, the old one left open: the
        # page shows one plan in force, the later, and the other as an earlier plan with
        # no closing date, its overdue actions named, which the editor did not mean to say.
        plans = self.a.plans
        for i, earlier in enumerate(plans):
            if earlier.closed is not None:
                continue
            for later in plans[i + 1 :]:
                shared = next((x for x in earlier.in_response_to if x in later.in_response_to), None)
                if later.closed is not None or shared is None:
                    continue
                ended = (
                    f"`closed: {later.adopted}` (when `{later.id}` was adopted, if the old one ended then)"
                    if later.adopted
                    else "`closed:` and the date it ended"
                )
                self.report.warn(
                    ("plans", i, "id"),
                    f"plans `{earlier.id}` and `{later.id}` both answer `{shared}`, and neither is closed",
                    f"pages show one plan in force, the later one in the file: if `{later.id}` replaced "
                    f"`{earlier.id}`, give `{earlier.id}` {ended}; if they are one plan, move the actions "
                    "of one into the other",
                )
                break

    def _wrapped(self, path: Path_, text: str, why: str = "") -> None:
        """A whole text in a word processor's quote marks (`“Reduce caseloads”`), which YAML
        keeps as part of it: meant to hold the text, they are shown around it."""
        text = text.strip()
        ends = text[:1], text[-1:]
        one = ends == ("“", "”") and "“" not in text[1:] and "”" not in text[:-1]
        if len(text) > 2 and (one or (ends == ("‘", "’") and "‘" not in text[1:])):
            key = path[-1] if isinstance(path[-1], str) else path[-2]
            self.report.warn(
                path,
                f"`{key}` is in a word processor's quote marks ({ends[0]} {ends[1]}), which the page will show",
                f"delete them{why}: a text needs no quote marks (straight ones, `\"`, are YAML's own and not shown)",
            )

    def _ligature(self, path: Path_, text: str, listed: bool) -> None:
        """A word holding a ligature as a PDF pastes it (`ﬁ`, one character for `fi`): it looks
        right, but a reader's search for the word, or a script's, does not find it. And a
        symbol font's character, which shows right only where that font is: in a text that
        may hold a list (`listed`), most often a document's bullet."""
        if symbol := _PRIVATE_USE.search(text):
            self.report.warn_at(
                self.report.doc.find(path, symbol.group()),
                f"a character from a symbol font (U+{ord(symbol.group()):04X}), which readers' browsers "
                "show as an empty box",
                "if it is a document's bullet, start the list item with `- ` in its place (with an empty line "
                "before the list); otherwise delete it"
                if listed
                else "delete it",
            )
        if (found := _LIGATURE.search(text)) is None:
            return
        # The word around it, at most 40 letters each way (a pattern of `\w*` around it
        # would cost the square of a long word's length).
        start, end = found.start(), found.end()
        while start > 0 and text[start - 1].isalnum() and found.start() - start < 40:
            start -= 1
        while end < len(text) and text[end].isalnum() and end - found.end() < 40:
            end += 1
        word, ligature = text[start:end], found.group()
        fixed = "".join(_LIGATURES.get(c, c) for c in word)
        self.report.warn_at(
            self.report.doc.find(path, word),
            f"`{word}` is written with `{ligature}`, one character for the letters "
            f"`{_LIGATURES[ligature]}` as a PDF pastes them: a search for `{fixed}` will not find it",
            f"type the letters: `{fixed}`",
        )

    def _pasted(self, path: Path_, text: str, markdown: bool) -> None:
        """What a text pasted or typed into a file keeps that its page would show: a word a
        PDF broke at a line's end (with a hyphen, or an invisible soft one), and a `# note`
        or, where the text is read as Markdown, a `## heading` inside a block of text."""
        for broken in _BROKEN_WORD.finditer(text) if "-" in text and "- " in text else ():
            # `over-` then `sight` on the next line, which a text over lines joins as `over- sight`.
            first, second = broken[1], broken[2]
            self.report.warn_at(
                self.report.doc.find(path, f"{first}-"),
                f"`{first}- {second}` reads as a word broken at the end of a line, as a PDF prints it",
                f"join it: `{first}{second}`, or `{first}-{second}` if the word has a hyphen",
            )
        if "#" in text and self._in_block(path):  # YAML keeps a block's `#` lines as its text
            self._commented(path, markdown)
        if "\u00ad" in text and (soft := _SOFT_BREAK.search(text)):
            # `safe` + U+00AD + line break + `guarding`, as a PDF's hyphenation pastes it.
            written = f"{soft[1]}\u00ad"
            first, second = soft[1].replace("\u00ad", ""), soft[2]
            self.report.warn_at(
                # At the one that ends the line, not one that reads the same earlier.
                self.report.doc.find(path, written, text.count(written, 0, soft.start())),
                f"`{first} {second}` reads as two words: an invisible soft hyphen (U+00AD) broke the word at "
                "the end of a line, as a PDF prints it",
                f"delete the soft hyphen and join the word: `{first}{second}`",
            )

    def _one_report_twice(self) -> None:
        """Two inspections of one kind, and of no other, citing one report of Ofsted's: one
        entered twice.

        Of different kinds, they may: a report recounts the inspections before it (an old
        inspection may be known from it alone), and visits cite the inspection they follow.
        """
        reports = {s.id: m[1] for s in self.a.sources if "/v1/file/" in s.url and (m := _REPORT_FILE.search(s.url))}
        if reports:
            self._report_dates(reports)
        if not reports or len(self.a.inspections) < 2:
            return
        # A report cited by inspections of two kinds is one's own and context for the others
        # (two monitoring visits citing the inspection they follow up): none is told.
        kinds: dict[str, set[str]] = {}
        for inspection in self.a.inspections:
            for source in inspection.sources:
                if source in reports:
                    kinds.setdefault(reports[source], set()).add(inspection.type)
        first: dict[str, int] = {}  # each report: the first inspection citing it
        for i, inspection in enumerate(self.a.inspections):
            for k, source in enumerate(inspection.sources):
                if source not in reports or len(kinds[reports[source]]) > 1:
                    continue
                if (j := first.setdefault(reports[source], i)) != i:
                    other = self.a.inspections[j]
                    line, _ = self.report.doc.locate(("inspections", j), key=True)
                    self.report.warn(
                        ("inspections", i, "sources", k),
                        f"inspection `{inspection.id}` cites the report that inspection `{other.id}` on line {line} "
                        f"cites, and both are `{inspection.type}`: each inspection has a report of its own",
                        "if they are one inspection, delete one of them; if not, give each its own report",
                    )
                    break

    def _report_dates(self, reports: dict[str, str]) -> None:
        """An inspection published on another day than the report of Ofsted's that is its own:
        the one inspection that cites it. (A report several inspections cite recounts the
        earlier ones, published after them.)"""
        citing: dict[str, list[int]] = {}
        for i, inspection in enumerate(self.a.inspections):
            for cited in dict.fromkeys(inspection.sources):
                if cited in reports:
                    citing.setdefault(cited, []).append(i)
        by_id = {source.id: (k, source) for k, source in enumerate(self.a.sources)}
        for source_id, (i,) in ((cited, c) for cited, c in citing.items() if len(c) == 1):
            inspection, (k, report) = self.a.inspections[i], by_id[source_id]
            if inspection.published and report.published and inspection.published != report.published:
                line, _ = self.report.doc.locate(("sources", k, "published"))
                self.report.warn(
                    ("inspections", i, "published"),
                    f"inspection `{inspection.id}` is published {inspection.published}, but its report, "
                    f"`{source_id}`, is published {report.published} (line {line})",
                    "check both against the report: they are one date",
                )

    def _not_known(self, path: Path_, text: str) -> None:
        """A text that says only that it is not known or does not apply (`owner: TBC`, `N/A`),
        which its page would show."""
        key = path[-1] if isinstance(path[-1], str) else path[-2]
        hint = (
            f"write the {key} itself"
            if _required(Authority, path)
            else f"leave `{key}` out while it is not known, or none applies: the page then shows none"
        )
        self.report.warn(path, f"`{key}: {text.strip()}` is a placeholder, which the page would show as written", hint)

    def _swallowed(self, path: Path_) -> bool:
        """Whether a new entry (`- id: r5`, `- date: 2025-03-01`) is written inside the block of
        text (`|`, `>`) at path, indented as far as its lines, and if so, say so: YAML reads the
        entry's lines as the text's, so the entry is lost and the page shows them as its words."""
        if not self._in_block(path):
            return False
        doc = self.report.doc
        for number, line, depth, _ in self._block_lines(path):
            entry = _ENTRY_START.match(line, depth)
            if entry is None:
                continue
            key, shown = entry[1], entry.group()
            # The entry it was meant to follow: the nearest one around the text with that key.
            hint = f"if `{shown}` starts a new entry, move it and the lines after it to the left"
            for end in range(len(path) - 1, 0, -1):
                if (
                    isinstance(path[end - 1], int)
                    and isinstance(around := _value_at(doc.data, path[:end]), dict)
                    and key in around
                ):
                    line_of, col = doc.locate((*path[:end], key), key=True)
                    dash = col - 2
                    if dash >= 1 and doc.lines[line_of - 1][dash - 1] == "-" and depth + 1 > dash:
                        hint += (
                            f", by {depth + 1 - dash} spaces, so that its `-` is under the `-` of the entry "
                            f"on line {line_of}"
                        )
                    break
            self.report.error_at(
                (number, depth + 1),
                f"`{shown}` is indented as far as the lines of the text above it, so it is read as "
                "part of that text, not as a new entry: the page would show it as the text's words",
                hint,
            )
            return True
        return False

    def _run_in(self, path: Path_, text: str) -> None:
        """Lists and tables pasted into a text of several lines that its page would show run
        together as one paragraph: a table and a word processor's list are told apart (a
        document pasted whole may hold both); a Markdown list told only without them."""
        found: list[tuple[int, str, str, str]] = []  # where in the text, its line, message, hint
        if "\t" in text and (row := _TAB_ROW.search(text)):
            message = "a table pasted with tabs: the page shows its cells and rows run together as one paragraph"
            hint = "write it as sentences, or as a list, one `- ` line a row (`- Overall: good`), after an empty line"
            found.append((row.start(1), row[1], message, hint))
        if bullet := _bullet_lines(text):
            mark = bullet[1][0]
            message = f"`{mark}` does not start a list: the page runs these lines together as one paragraph"
            hint = f"start each item with `- ` in place of `{mark}`, with an empty line before the first"
            found.append((bullet.start(1), bullet[1], message, hint))
        if not found and (run := _run_in_item(text)):
            message = "a list straight under a line of text: the page runs it into that paragraph, its marks as typed"
            found.append((*run, message, "put an empty line before the list"))
        elif not found and "1)" in text and (paren := _PAREN_LIST.search(text)):
            message = "a list numbered `1)`, `2)` shows as typed, in one paragraph: Markdown numbers a list with `1.`"
            hint = "write `1.`, `2.` and so on, with an empty line before the list"
            found.append((paren.start(1), paren[1], message, hint))
        for at, line, message, hint in found:
            written = line.split("\t")[0].strip()
            # The line itself, not an earlier line that reads the same (a list's item repeated).
            where = self.report.doc.find(path, written, text.count(written, 0, at))
            self.report.warn_at(where, message, hint)

    def _quoted_list(self, path: Path_, text: str) -> bool:
        """Whether the text at path is in quotes over several lines, two of them a list's items
        that YAML joined, and if so, warn: YAML joins a quoted text's lines with spaces, so the
        page runs the items together, whether an empty line comes before them or not.

        A program that writes YAML (a form's editor) keeps a list's lines apart in quotes, with
        an empty line after each: the text then holds them as lines of its own."""
        doc = self.report.doc
        node = doc.node(path)
        if node is None or node.plain or written_after(doc.lines, node, "|>"):
            return False
        last = doc.last_line(node.line, node.col)
        items = [n for n in range(node.line + 1, last + 1) if _ITEM.match(doc.lines[n - 1])]
        if len(items) < 2 or len(items) <= sum(1 for line in text.split("\n") if _ITEM.match(line)):
            return False
        first = doc.lines[items[0] - 1]
        key = path[-1] if isinstance(path[-1], str) else path[-2]
        self.report.warn_at(
            (items[0], len(first) - len(first.lstrip()) + 1),
            "a list in a text in quotes: YAML joins a quoted text's lines with spaces, so the page runs its "
            "items together",
            f"write `{key}: |` and the text on the lines below it, indented, without the quotes; with an empty "
            "line before the list",
        )
        return True

    def _folded(self, path: Path_) -> bool:
        """Whether the text at path is written after `>`, which folds its lines into one."""
        return written_after(self.report.doc.lines, self.report.doc.node(path), ">")

    def _in_block(self, path: Path_) -> bool:
        """Whether the text at path is written as a block (after `|` or `>`)."""
        return written_after(self.report.doc.lines, self.report.doc.node(path), "|>")

    def _block_lines(self, path: Path_) -> Iterator[tuple[int, str, int, bool]]:
        """Each line of text of the block (`|`, `>`) at path: its number, itself, how far it is
        indented, and whether that is the block's own indentation (a line indented further
        is kept as it is by `>`)."""
        doc = self.report.doc
        node = doc.index[tuple(path)]
        indent = None  # the block's own, set by its first line of text, as YAML sets it
        for number in range(node.line + 1, len(doc.lines) + 1):
            line = doc.lines[number - 1]
            if not line.strip():
                continue
            depth = len(line) - len(line.lstrip(" "))
            indent = depth if indent is None else indent
            if depth < indent:
                return
            yield number, line, depth, depth == indent

    def _folded_list(self, path: Path_) -> None:
        """A list written in a `>` text, under the line that brings it in: YAML folds its items
        into one line with that line's text, with or without an empty line between."""
        above = ""
        for number, line, depth, own in self._block_lines(path):
            item = _ITEM.match(line)
            if own and item and item[1] in _LIST_FIRST and above.rstrip().endswith(":"):
                self.report.warn_at(
                    (number, depth + 1),
                    "a list in a `>` text: YAML joins its items into one line with the text above them",
                    "write the text after `|` instead of `>`, with an empty line before the list",
                )
                return
            above = line

    def _commented(self, path: Path_, markdown: bool) -> None:
        """The lines of the block of text (`|`, `>`) at path written as comments (`# TODO: check
        this quote`), which YAML keeps as text and the page would publish; or, in a text read
        as Markdown, as a heading (`## Findings`), which the page shows as a plain line."""
        for number, line, depth, _ in self._block_lines(path):
            if markdown and (heading := _HEADING.match(line, depth)):
                words = heading[2]
                # An update's note is one paragraph: a line of its own would run into it.
                bold = "" if path[-1] == "note" else f", or in bold on a line of its own (`**{words}**`);"
                self.report.warn_at(
                    (number, depth + 1),
                    f"`{heading[1]}` makes a heading, which a text cannot have: the page shows `{words}` as a "
                    "line of plain text",
                    f"write it as part of a sentence{bold or ','} or delete it",
                )
                continue
            mark = _BLOCK_COMMENT.search(line, depth)
            at = depth if line[depth] == "#" else mark.start(1) if mark is not None else None
            if at is not None:
                key = path[-1] if isinstance(path[-1], str) else path[-2]
                self.report.warn_at(
                    (number, at + 1),
                    "this `#` is part of the text, not a comment: inside a block of text (`|` or `>`), the "
                    "page shows it",
                    f"a note to yourself goes on a line of its own above `{key}:`; or delete it",
                )

    def _plain_texts(self) -> None:
        for path, text in plain_fields(self.a):
            if text.startswith(("“", "‘")):
                self._wrapped(path, text)
            if len(text) < 24 and _UNKNOWN.fullmatch(text.strip()):
                self._not_known(path, text)
            # Each sign by its first character first, as in run().
            if ("-" in text and "- " in text) or "#" in text or "\u00ad" in text:
                self._pasted(path, text, False)
            if not text.isascii():
                self._ligature(path, text, listed=False)
            if "- " in text and ("id:" in text or "date:" in text):
                self._swallowed(path)
            for address, inner in _wrapped_addresses(text) if "?" in text and "://" in text else ():
                serious, message, hint = _wrapped_problem(address, inner)
                at = self.report.doc.find(path, address)
                (self.report.error_at if serious else self.report.warn_at)(at, message, hint)
            if ("*" in text or ("]" in text and "](" in text)) and (found := _MARKDOWN.search(text)):
                self.report.warn_at(
                    self.report.doc.find(path, found.group()),
                    f"`{path[-1] if isinstance(path[-1], str) else path[-2]}` is shown as plain text, "
                    f"so `{found.group()}` will show as typed",
                    "write it without Markdown: Markdown is read only in summaries, recommendations, notes and "
                    "updates (a link belongs in the entry's `sources`)",
                )
            # A tag, or a reference to a character (`&A;` in `Q&A; session` names none).
            marks = _MARKUP.finditer(text) if "<" in text or "&" in text else iter(())
            if found := next((m for m in marks if m[0][0] == "<" or len(html.unescape(m[0])) == 1), None):
                # Pasted from a web page or a CMS: pages escape it, so readers see the code.
                written = found.group()
                self.report.warn_at(
                    self.report.doc.find(path, written),
                    f"`{path[-1] if isinstance(path[-1], str) else path[-2]}` is shown as plain text, "
                    f"so `{written}` will show as typed",
                    (
                        f"type the character itself, `{html.unescape(written)}`"
                        if html.unescape(written).isprintable() and html.unescape(written) != "\ufffd"
                        else "delete it: it stands for no character a page can show"
                    )
                    if written.startswith("&")
                    else "write it without HTML tags: the text is shown as written",
                )

    def _former_slugs(self) -> None:
        former = self.a.former_slugs
        for i, old in enumerate(former):
            if old == self.ctx.slug:
                self.report.error(
                    ("former_slugs", i),
                    f"`{old}` is this file's own address",
                    "list only the addresses the page had before its file was renamed",
                )
        self._twice(former, ("former_slugs",), said=self.ctx.slug)

    def _twice(self, values: list[str], path: Path_, said: str | None = None) -> None:
        """Each id a list names again, as a merge or a paste leaves it: the page would show
        it twice. said: a value already told of."""
        if len(values) < 2 or len(set(values)) == len(values):
            return
        for i, first in _repeats(values):
            if values[i] == said:
                continue
            line, _ = self.report.doc.locate(path + (first,))
            here = "earlier on this line" if line == self.report.doc.locate(path + (i,))[0] else f"on line {line}"
            self.report.error(path + (i,), f"`{values[i]}` is listed twice", f"it is also {here}: remove one")

    def _page_names(self) -> None:
        # Ids used twice are reported as such; this is about different ids that join up
        # into one name (`ilacs` + `2023-r1` and `ilacs-2023` + `r1`).
        named: dict[str, str] = {}
        told: set[tuple[str, str]] = set()
        for path, name, what in page_names(self.a):
            other = named.setdefault(name, what)
            if other != what and (what, other) not in told:
                told.add((what, other))
                self.report.error(
                    path,
                    f"{what} would have the same address on the page as {other}: `#{name}`",
                    "change one of the two ids, so that a link to one does not lead to the other",
                )

    def _refs(self, ids: list[str], path: Path_) -> None:
        self._twice(ids, path)
        for k, source in enumerate(ids):
            if source not in self.sources:
                hint = self._case_hint("source", source, path + (k,)) or self.report.searched(
                    "source", source, self.sources
                )
                if hint.startswith("expected one of: "):  # none close: most often a source deleted
                    hint = f"if the source was deleted, remove `{source}` from this list; else use one of: " + (
                        hint.removeprefix("expected one of: ")
                    )
                self.report.error(
                    path + (k,),
                    f"unknown source `{source}`",
                    hint or "use one of the ids under `sources:` at the top of the file, or add it there",
                )

    @functools.cached_property
    def answered(self) -> frozenset[str]:
        """Every point an action answers, as `inspection/id`: worked out only when a
        reference misses."""
        return frozenset(ref for plan in self.a.plans for action in plan.actions for ref in action.responds_to)

    @functools.cached_property
    def folded(self) -> dict[tuple[str, str], tuple[str, Path_]]:
        """Every id a reference can name, by its letters in one case: a reference that matches
        one only so was written before the id's capitals changed, or after. Worked out only
        when a reference misses, off the path of a file with none."""
        return {(kind, ident.casefold()): (ident, path) for kind, path, ident in _named(self.a)}

    def _gone(self) -> collections.Counter[str]:
        """How many times the plans name each inspection the file does not have: counted when
        first asked, as only a file with such a reference asks."""
        if self.gone is not None:
            return self.gone
        known = {inspection.id for inspection in self.a.inspections}
        self.gone = collections.Counter(
            named
            for plan in self.a.plans
            for named in itertools.chain(
                plan.in_response_to, (ref.partition("/")[0] for x in plan.actions for ref in x.responds_to)
            )
            if named not in known
        )
        return self.gone

    def _gone_hint(self, inspection: str, hint: str) -> str:
        """For a reference to an inspection the file does not have, where others name it too:
        most often one deleted, or moved to another file, which they all still answer."""
        if "did you mean" in hint:
            return hint
        named = self._gone()[inspection]
        if named < 2:
            return hint
        return (
            f"no inspection in this file has the id `{inspection}`, and {named} references here name it: if it "
            "was deleted or moved by mistake, put it back; if not, change or remove each of them"
        )

    def _repeated_hint(self, ref: str) -> str:
        """For a reference to a point of an inspection that repeats an id: most often the
        point this names, its id changed to another's (an id copied with its entry)."""
        inspection, _, rec = ref.partition("/")
        if inspection not in self.repeated or not rec:
            return ""
        repeated, lines = self.repeated[inspection]
        on = ", ".join(map(str, lines[:-1])) + f" and {lines[-1]}"
        return (
            f"inspection `{inspection}` gives the id `{repeated}` to its points on lines {on}: "
            f"if one of them is `{rec}`, write `{rec}` there"
        )

    def _case_hint(self, kind: str, ref: str, path: Path_) -> str:
        """For a reference that matches an id but for the id's capitals, a hint naming the id's line.

        Ids are lowercase by custom: where the reference has the capitals, it is the slip,
        and the usual "did you mean" names the id.
        """
        ident, at = self.folded.get((kind, ref.casefold()), (ref, ()))
        if ident == ref or ident.rpartition("/")[2].islower():
            return ""
        self.miscased.setdefault((kind, ref.casefold()), []).append((ref, path))
        line = self.report.doc.locate(at)[0]
        return f"the id is written `{ident}` on line {line}: ids must match letter for letter, capitals too"

    def _case_slips(self) -> None:
        """An id whose capitals changed is an error at the id, the line an editor changed."""
        for named, refs in self.miscased.items():
            ident, at = self.folded[named]
            # A recommendation's own id is the part after the `/`.
            own, written = ident.rpartition("/")[2], refs[0][0].rpartition("/")[2]
            lines = sorted({self.report.doc.locate(path)[0] for _, path in refs})
            self.report.error(
                at,
                f"`{own}` is written `{written}` where it is referred to, on {lines_named(lines)}",
                f"ids must match letter for letter: write `{written}` here, or change the "
                + ("reference" if len(lines) == 1 else "references"),
            )

    def _notes(self, notes: list[Note], path: Path_) -> None:
        for k, note in enumerate(notes):
            self._refs(note.sources, path + (k, "sources"))
            if note.kind == "disagreement" and len(set(note.sources)) < 2:
                self.report.error(
                    path + (k, "sources"),
                    "a disagreement note must cite each of the sources that disagree",
                    "list at least two source ids",
                )

    def _numbers(self) -> None:
        # A number in range but not as written (`ofsted: 00123456` is 42798) passed the model.
        counts = [("inspections", i, "recommendation_count") for i in range(len(self.a.inspections))]
        for path in [("codes", "dfe"), ("codes", "ofsted"), *counts]:
            node = self.report.doc.node(path)
            if node is None or not node.plain or node.raw is None or (node.raw.isdigit() and node.raw[0] != "0"):
                continue
            value = resolve_plain(node.raw)
            if isinstance(value, int) and node.raw != str(value):
                self.report.error(
                    path,
                    f"`{path[-1]}`: {_as_read(node.raw, value)}",
                    _leading_zero(node.raw) or "write the number in plain digits",
                )

    def _visit_parts(self, inspection: Inspection, at: Path_) -> None:
        """A visit in parts: each part in order, the first starting on `from` and the last ending on `to`."""
        parts, report = inspection.visit_parts, self.report
        if len(parts) == 1:
            report.error(
                at,
                "a visit in parts has two parts or more",
                "delete `visited_in_parts`, and give the visit's first and last day in `visited`",
            )
            return
        if parts and not isinstance(inspection.visited, VisitRange):
            report.error(
                at,
                "a visit in parts needs its first and last day in `visited`",
                f"write `visited: {{from: {parts[0][0]}, to: {parts[-1][1]}}}`",
            )
            return
        for n, (part_start, part_end) in enumerate(parts):
            if part_end.end < part_start.start:
                report.error(at + (n, "to"), "`to` is before `from`", "check both dates")
            elif n and part_start.start <= parts[n - 1][1].end:
                report.error(
                    at + (n,),
                    f"this part of the visit begins on or before the day the one above it ended ({parts[n - 1][1]})",
                    "list the parts in the order they happened, each after the one before; parts that run on "
                    "are one part",
                )
        if parts and parts[0][0] != inspection.visit_start:
            report.error(
                at + (0, "from"),
                f"the first part begins on {parts[0][0]}, but `visited` on {inspection.visit_start}",
                "`from` is the first day of the first part: make the two the same",
            )
        if parts and parts[-1][1] != inspection.visit_end:
            report.error(
                at + (len(parts) - 1, "to"),
                f"the last part ends on {parts[-1][1]}, but `visited` on {inspection.visit_end}",
                "`to` is the last day of the last part: make the two the same",
            )

    def _inspection(self, inspection: Inspection, at: Path_) -> set[str]:
        report, frameworks = self.report, self.ctx.frameworks
        self._refs(inspection.sources, at + ("sources",))
        self._notes(inspection.notes, at + ("notes",))
        # Parts without `visited` are told once, with the range to write (_visit_parts).
        if inspection.visited is None and inspection.published is None and not inspection.visit_parts:
            report.error(
                at,
                f"inspection `{inspection.id}` has neither `visited` nor `published`",
                "add the visit dates (`visited:`) or the publication date (`published:`)",
            )
        start, end = inspection.visit_start, inspection.visit_end
        if start and end and end.end < start.start:
            report.error(at + ("visited", "to"), "`visited.to` is before `visited.from`", "check both dates")
        self._visit_parts(inspection, at + ("visited_in_parts",))
        if end and inspection.published and inspection.published.end < end.start:
            report.error(
                at + ("published",),
                f"`published: {inspection.published}` is before the visit ended ({end})",
                "a report is published after the visit; check both dates",
            )
        kind = frameworks.types.get(inspection.type)
        if kind is None:
            report.error(
                at + ("type",),
                f"unknown inspection type `{inspection.type}`",
                did_you_mean(inspection.type, frameworks.types),
            )
        elif inspection.visited is not None or inspection.published is not None:
            self._judgements(inspection, kind, at)
        if (
            inspection.recommendation_count is not None
            and len(inspection.recommendations) > inspection.recommendation_count
        ):
            report.error(
                at + ("recommendation_count",),
                f"{len(inspection.recommendations)} recommendations are listed but `recommendation_count` "
                f"is {inspection.recommendation_count}",
                "the count is the total the source states; check it, or remove the extra recommendation",
            )
        ids = _unique(report, inspection.recommendations, at + ("recommendations",), "recommendation")
        for i, first in (
            _repeats(rec.id for rec in inspection.recommendations) if len(ids) < len(inspection.recommendations) else ()
        ):
            rec_id = inspection.recommendations[i].id
            lines = [report.doc.locate(at + ("recommendations", k, "id"))[0] for k in (first, i)]
            found = self.repeated.setdefault(inspection.id, (rec_id, []))
            if found[0] == rec_id:
                found[1].extend(n for n in lines if n not in found[1])
        for j, rec in enumerate(inspection.recommendations):
            self._refs(rec.sources, at + ("recommendations", j, "sources"))
            if rec.text.startswith(("“", "‘")):
                self._wrapped(
                    at + ("recommendations", j, "text"), rec.text, ", as the page sets out each point as a quotation"
                )
            if rec.priority and kind is not None and kind.priority_label is None:
                report.error(
                    at + ("recommendations", j, "priority"),
                    f"`{inspection.type}` reports set no areas for priority action",
                    "remove `priority: true`; it marks a focused-visit letter's areas for priority action",
                )
        return {f"{inspection.id}/{rec}" for rec in ids}

    def _judgements(self, inspection: Inspection, kind: InspectionType, at: Path_) -> None:
        report, frameworks = self.report, self.ctx.frameworks
        date = inspection.date
        scale = frameworks.scales.get(kind.scale or "", {})
        if kind.in_use and not _within(date, kind.in_use.from_, kind.in_use.to):
            span = f"{kind.in_use.from_ or '…'} to {kind.in_use.to or 'now'}"
            # The type of the same family in use then: `ilacs` gave way to `ilacs-2026`.
            family = inspection.type.split("-")[0]
            running = [
                key
                for key, other in frameworks.types.items()
                if other.in_use and other.graded == kind.graded and _within(date, other.in_use.from_, other.in_use.to)
            ]
            # Else any graded inspection then, for a graded one (`ilacs` in 2015: `sif`).
            then = [key for key in running if key.split("-")[0] == family] or running
            report.error(
                at + (("visited",) if inspection.visited else ("published",)),
                f"`{inspection.type}` inspections ran {span}, but this one is dated {date}",
                f"check the date; an inspection then is {either(then)}"
                if then
                else "check the date, or the inspection type",
            )
            # Held against a type not in use then, the judgements would be wrong in ways
            # that fixing the type or the date settles (no `overall` since April 2026); a
            # grade of no scale at all is wrong whatever the type.
            every = {grade for grades in frameworks.scales.values() for grade in grades}
            graded: list[tuple[Path_, str]] = [(("judgements", key), g) for key, g in inspection.judgements.items()]
            graded += [(("area_grades", j, "grade"), area.grade) for j, area in enumerate(inspection.area_grades)]
            for path, grade in graded:
                if grade not in every:
                    report.error(at + path, f"`{grade}` is not a grade", grade_hint(grade, scale, frameworks))
            return
        if not kind.graded:
            if inspection.judgements:
                report.error(
                    at + ("judgements",),
                    f"`{inspection.type}` is not graded, so it has no judgements",
                    "remove `judgements`; describe findings in `summary`",
                    key=True,
                )
            return
        meant: set[str] = set()  # judgements written misspelt: said there, not missing as well
        for key, grade in inspection.judgements.items():
            if key not in kind.judgements:
                if len(close := closest(key, kind.judgements)) == 1:
                    meant.add(close[0])
                # The judgements in force on the inspection's date; a key of another type's
                # (`lscb` on an ILACS inspection) is named as that type's.
                then = [k for k in kind.judgements if _within(date, *kind.judgement_period(k))]
                hint = did_you_mean(key, then)
                if owners := [name for name, other in frameworks.types.items() if key in other.judgements]:
                    hint = f"`{key}` is a judgement of {either(owners)} inspections; " + (
                        hint if not hint.startswith("expected") else f"`{inspection.type}` then judged {either(then)}"
                    )
                report.error(
                    at + ("judgements", key),
                    f"`{key}` is not a judgement of `{inspection.type}` inspections",
                    hint,
                    key=True,
                )
                continue
            first, last = kind.judgement_period(key)
            if not _within(date, first, last):
                span = f"from {first} to {last}" if first and last else f"until {last}" if last else f"from {first}"
                # What judged the same ground on the inspection's date: in force then, not in the key's time.
                within = last or first
                instead = [
                    k
                    for k in kind.judgements
                    if _within(date, *kind.judgement_period(k))
                    and within is not None
                    and not _within(within, *kind.judgement_period(k))
                ]
                names = " and ".join(f"`{k}`" for k in instead)
                report.error(
                    at + ("judgements", key),
                    f"`{key}` was judged {span} only, but this inspection is dated {date}",
                    f"on that date `{inspection.type}` inspections judged {names} in its place: write "
                    f"{'those, with the grades' if len(instead) > 1 else 'that, with the grade'} the report gives"
                    if instead
                    else "use the judgements in force at the time; see frameworks.yaml",
                    key=True,
                )
            if grade not in scale:
                report.error(
                    at + ("judgements", key),
                    f"`{grade}` is not a grade that `{inspection.type}` inspections give",
                    grade_hint(grade, scale, frameworks),
                )
        # Told once for all that are missing: a type changed to one with four headline
        # judgements would otherwise be four messages at one place.
        missing = [key for key in kind.headline if key not in inspection.judgements and key not in meant]
        if missing:
            several = len(missing) > 1
            report.error(
                at + ("judgements",) if inspection.judgements else at,
                f"missing the headline judgement{'s' if several else ''} {together([f'`{k}`' for k in missing])} of "
                f"`{inspection.type}` inspections",
                f"add {together([f'`{k}: <grade>`' for k in missing])} under `judgements`, as the report states "
                + ("them" if several else "it"),
                key=bool(inspection.judgements),  # at `judgements:`, not at the first grade under it
            )
        for j, area in enumerate(inspection.area_grades):
            if area.grade not in scale:
                report.error(
                    at + ("area_grades", j, "grade"),
                    f"`{area.grade}` is not a grade that `{inspection.type}` inspections give",
                    grade_hint(area.grade, scale, frameworks),
                )
            if area.under and area.under not in kind.judgements:
                report.error(
                    at + ("area_grades", j, "under"),
                    f"`{area.under}` is not a judgement of `{inspection.type}`",
                    did_you_mean(area.under, kind.judgements),
                )

    def _adopted(self, plan: Plan) -> PartialDate | None:
        """The plan's adoption, to hold its actions' dates against; not one in the future, an
        error of its own, which would put every date of the plan before it."""
        return plan.adopted if plan.adopted and plan.adopted.start <= self.ctx.as_of else None

    def _due(
        self,
        plan: Plan,
        adopted: PartialDate | None,
        action: str,
        due: PartialDate | None,
        at: Path_,
        set_on: PartialDate | None = None,
    ) -> None:
        """An action's due date, or the one an update (of the day `set_on`) moves it to; adopted
        is the plan's adoption as `_adopted` gives it."""
        if due is None:
            return
        if (ahead := int((due.start - self.ctx.as_of).days / 365.25)) >= _FAR_AHEAD:
            said, hint = f"{ahead} years from now", "check the year: a plan's actions fall due within a few years"
        elif adopted and due.end < adopted.start:
            said, hint = f"before its plan `{plan.id}` was adopted ({adopted})", "check the year of both dates"
        elif set_on is not None and due.end < set_on.start:
            said = "before the update itself"
            hint = (
                "an update's `due` is the new date the action is due by, after the update; check the year of both dates"
            )
        else:
            return
        is_due = (
            f"action `{action}` is due {due}"
            if set_on is None
            else f"the update of {set_on} makes `{action}` due {due}"
        )
        self.report.warn(at, f"{is_due}, {said}", hint)

    def _plan(self, plan: Plan, at: Path_, dates: dict[str, PartialDate | None], recommendations: set[str]) -> set[str]:
        """The plan's own rules; dates are the file's inspections', by id."""
        report = self.report
        inspections = set(dates)
        self._refs(plan.sources, at + ("sources",))
        self._twice(plan.in_response_to, at + ("in_response_to",))
        if plan.adopted and plan.closed and plan.closed.end < plan.adopted.start:
            report.error(at + ("closed",), "`closed` is before `adopted`", "check both dates")
        for k, inspection in enumerate(plan.in_response_to):
            if inspection not in inspections:
                report.error(
                    at + ("in_response_to", k),
                    f"unknown inspection `{inspection}`",
                    self._case_hint("inspection", inspection, at + ("in_response_to", k))
                    or self._gone_hint(inspection, report.searched("inspection", inspection, inspections))
                    or "add that inspection under `inspections:`, or correct the id",
                )
            elif plan.adopted and (begun := dates[inspection]) and plan.adopted.end < begun.start:
                report.warn(
                    at + ("adopted",),
                    f"plan `{plan.id}` was adopted {plan.adopted}, before inspection `{inspection}` "
                    f"({begun}), which it answers",
                    "check the year; a plan revised after the inspection is dated by that revision",
                )
        workstreams = _unique(report, plan.workstreams, at + ("workstreams",), "workstream")
        titled = [(w.id, w.title) for w in plan.workstreams]
        _unique(report, plan.actions, at + ("actions",), "action")
        adopted = self._adopted(plan)
        responded: set[str] = set()
        for j, action in enumerate(plan.actions):
            here = at + ("actions", j)
            self._refs(action.sources, here + ("sources",))
            if action.workstream is None and workstreams:
                report.error(
                    here,
                    f"action `{action.id}` has no `workstream`",
                    f"add `workstream:` with the id of one of the plan's workstreams: {_titled(titled)}",
                )
            elif action.workstream is not None and action.workstream not in workstreams:
                report.error(
                    here + ("workstream",),
                    f"unknown workstream `{action.workstream}`",
                    report.searched(
                        f"workstream of {plan.id}",
                        action.workstream,
                        workstreams,
                        lambda written, _: workstream_hint(written, titled),
                    )
                    or "use one of the plan's `workstreams:`, or add it there",
                )
            if not action.responds_to:
                report.warn(
                    here + ("responds_to",),
                    f"action `{action.id}` responds to no recommendation",
                    "add `responds_to: [<inspection-id>/<recommendation-id>]`",
                )
            self._twice(action.responds_to, here + ("responds_to",))
            for k, ref in enumerate(action.responds_to):
                if ref not in recommendations:
                    report.error(
                        here + ("responds_to", k),
                        f"`{ref}` is not a recommendation in this file",
                        self._repeated_hint(ref)
                        or self._case_hint("inspection", ref.partition("/")[0], here + ("responds_to", k))
                        or self._case_hint("recommendation", ref, here + ("responds_to", k))
                        or self._gone_hint(
                            ref.partition("/")[0],
                            report.searched(
                                "recommendation",
                                ref,
                                recommendations,
                                lambda ref, ids: _recommendation_hint(ref, inspections, ids, self.answered),
                            ),
                        )
                        or "check it against the ids of the inspection's recommendations",
                    )
                responded.add(ref)
            self._due(plan, adopted, action.id, action.due, here + ("due",))
            last = None
            written: dict[str, int] = {}  # each update's note: where it is first
            for k, update in enumerate(action.updates):
                self._refs(update.sources, here + ("updates", k, "sources"))
                if (same := written.setdefault(update.note, k)) != k and action.updates[same] == update:
                    # Pasted twice: the page would count it, and show it, twice.
                    line, _ = report.doc.locate(here + ("updates", same))
                    report.warn(
                        here + ("updates", k), f"this update repeats the one on line {line}", "delete one of them"
                    )
                if update.due is not None:
                    self._due(plan, adopted, action.id, update.due, here + ("updates", k, "due"), update.date)
                block = next(filter(_starts_block, _NOTE_BLOCK.finditer(update.note)), None)
                path = here + ("updates", k, "note")
                where = report.doc.find(path, block.group().strip()) if block else None
                # A `#` line in a block of text is told of by _pasted: as a heading, or with
                # one `#`, as a note to self.
                # Nor a new entry written inside the note: _swallowed tells of that.
                if (
                    block
                    and where
                    and not (block.lastindex == 1 and self._in_block(path))
                    and not (
                        block.lastindex == 4
                        and _ENTRY_START.match(update.note, block.start(4))
                        and self._in_block(path)
                    )
                ):
                    report.warn_at(
                        where,
                        f"an update's note shows as one paragraph: this {_NOTE_BLOCKS[block.lastindex or 1]} "
                        "will not show as one",
                        "write it as sentences; a report of its own goes in a source the update cites",
                    )
                if adopted and update.date.end < adopted.start:
                    report.warn(
                        here + ("updates", k, "date"),
                        f"update dated {update.date} is before plan `{plan.id}` was adopted ({adopted})",
                        "check the year of both dates",
                    )
                if plan.closed and update.date.start > plan.closed.end:
                    report.warn(
                        here + ("updates", k, "date"),
                        f"update dated {update.date} is after plan `{plan.id}` was closed ({plan.closed})",
                        "check both dates: if the plan goes on, change or remove its `closed`; if a new plan "
                        "replaced it, the update belongs to that plan's action",
                    )
                if last and update.date.end < last.start:
                    if _put_first(action.updates, k - 1):
                        report.error(
                            here + ("updates", k - 1, "date"),
                            f"update dated {last} comes before older ones, from {update.date}",
                            "list updates oldest first, newest last: move this one below them",
                        )
                    else:
                        report.error(
                            here + ("updates", k, "date"),
                            f"update dated {update.date} comes after one dated {last}",
                            "list updates oldest first, newest last",
                        )
                last = update.date
            if action.status == "done" and action.current_status != "done":
                # An editor who marks the action itself done, as in a spreadsheet, is overruled
                # by an older update's status: the page would go on showing it as not done.
                said = next(k for k in reversed(range(len(action.updates))) if action.updates[k].status)
                report.warn(
                    here + ("status",),
                    f"action `{action.id}` is given as `done`, but its update of "
                    f"{action.updates[said].date} says `{action.current_status}`, which pages show",
                    "an action's own `status` is the one it started with, and its updates' statuses follow: if it "
                    "is done now, give its newest update `status: done` (or add one, newest last), and the action "
                    "the status it started with",
                )
            # The newest update, wherever it stands: one listed out of order is an error above,
            # and this warning should not count from an older one.
            newest = max(range(len(action.updates)), key=lambda k: (action.updates[k].date.end, k), default=None)
            touched = action.updates[newest].date if newest is not None else plan.adopted
            if (
                action.current_status != "done"
                and plan.closed is None
                and touched
                and self.ctx.as_of - touched.end > STALE_AFTER
            ):
                since = (
                    f"for over a year (last {touched})"
                    if newest is not None
                    else f"since its plan was adopted, over a year ago ({touched})"
                )
                report.warn(
                    here + ("updates", newest, "date") if newest is not None else here,
                    f"action `{action.id}` has had no update {since}",
                    "add an update with today's date and what has happened",
                )
        return responded
