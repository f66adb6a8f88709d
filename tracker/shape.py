"""A document into its typed model, with each of the model's errors told once, where it was written.

Pydantic checks the shape of each file and explain.py puts each error in an editor's
words; this module chooses what to tell: a misspelt key at the key, not also as a key
missing; a text cut by a comma inside `{...}`, or a number by its thousands comma, once,
at its first piece; a line of a `key: |` text that YAML read as a key, at that line, and
a key that YAML read as a line of the text, at that line, not as missing; a value deleted
by mistake (`due:` with nothing after it) as empty, not as left out.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel, ValidationError

from .explain import Report, fields_at, fill_in, key_hint, translate, value_at
from .load import REPEATED, Document, Path_
from .problems import MOST_PER_FILE, UNLISTED_HINT, unlisted
from .syntax import in_double_quotes, outside_block

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
        absorbed = _keys_in_text(doc, model)
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
            if error["type"] == "missing" and loc in absorbed:
                _in_text(report, absorbed.pop(loc), required=True)
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
                hint = key_hint(str(loc[-1]), [key])
                if not hint.startswith("write a space"):
                    hint = f"did you mean `{key}`? `{key}` is required here"
                report.error(loc, f"unknown key `{loc[-1]}`", hint, key=True)
            else:
                translate(doc, model, error, loc, report)
        if not any(problem.is_error for problem in report.problems):
            # Each error was set aside as told by another that was not: a file refused in
            # silence would drop its authority from the site, so the first is told after all.
            translate(doc, model, *errors[0], report)
        for left in absorbed.values():
            _in_text(report, left, required=False)
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
    for left in _keys_in_text(doc, model).values():
        _in_text(report, left, required=False)
    return parsed


class _InText(NamedTuple):
    at: tuple[int, int]  # the key, as written in the text
    key: str
    block: str  # the key of the text
    column: int  # the text's key's column, where the entry's keys are


def _keys_in_text(doc: Document, model: type[BaseModel]) -> dict[Path_, _InText]:
    """Keys of an entry written on a line of one of its `key: |` texts, by where each would be.

    A line that starts `sources:` inside a `summary: |` text, indented as far as the text,
    is words of the text to YAML: the entry is read without it, and the page prints it.
    Only a key the entry may hold and does not.
    """
    found: dict[Path_, _InText] = {}
    for path in doc.blocks:
        entry = value_at(doc.data, path[:-1])
        text = value_at(doc.data, path)
        if not (path and isinstance(path[-1], str) and isinstance(entry, dict) and isinstance(text, str)):
            continue
        if ":" not in text:  # most texts: no line of them can be a key
            continue
        allowed: set[str] | None = None
        for number, line, depth, _ in doc.block_lines(path):
            written = _KEY_LINE.match(line, depth)
            if written is None or written["key"] in entry:
                continue
            allowed = set(fields_at(model, path[:-1])) if allowed is None else allowed
            # The text of a key the entry does not take (`1: |`) is the words of a mistake already told.
            if written["key"] in allowed and path[-1] in allowed:
                at = (number, written.start("key") + 1)
                key_col = doc.index[path].key_col
                found.setdefault((*path[:-1], written["key"]), _InText(at, written["key"], path[-1], key_col))
    return found


_KEY_LINE = re.compile(r"(?P<key>[a-z_]+):(?: |$)")


def _in_text(report: Report, found: _InText, *, required: bool) -> None:
    message = f"`{found.key}:` is read as words of the `{found.block}:` text above it, not as a key of this entry"
    move = f"move it left to line up with `{found.block}:` ({found.column - 1} spaces from the start of the line)"
    if required:
        hint = f"it is indented as far as that text: {move}; the entry needs its `{found.key}`"
        report.error_at(found.at, message, hint)
    else:
        hint = f"it is indented as far as that text: if it is this entry's `{found.key}`, {move}; if it is words of "
        report.warn_at(found.at, message, hint + "the text, start the line with another word")


def _left_empty(doc: Document, model: type[BaseModel], report: Report, said: set[Path_]) -> None:
    """`due:` with nothing after it: a value deleted by mistake, or never filled in.

    The model takes it for a key left out, so nothing else would be said; `due: ""` is
    an error, and so is this. Where the model refused the value, that is said instead.
    """
    # From the loader's index of every value, which is quicker to scan than the data. A
    # repeated key's value is indexed under REPEATED, and reported as a repeat already.
    empty = (p for p, node in doc.index.items() if node.plain and node.raw in _NULLS and p and p not in said)
    for here in empty:
        if said and any(here[:n] in said for n in range(1, len(here))):
            continue  # inside a value refused as a whole (`title: {Draft}`): said there
        if isinstance(key := here[-1], str) and key != REPEATED:
            report.error(here, f"`{key}` is empty", fill_in(doc, model, here, "its value"))


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
    key, mapping = loc[-1], value_at(doc.data, loc[:-1])
    if not (isinstance(key, str) and isinstance(mapping, dict) and (" " in key.strip() or mapping[key] is None)):
        return None
    if re.match(r"[A-Za-z_][\w-]*:\S", key):
        return None  # `title:Supporting families`: a key whose colon lacks its space (key_hint)
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
    key, mapping = loc[-1], value_at(doc.data, loc[:-1])
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


def _written_inside(data: Any, loc: Path_, failed: set[Path_]) -> bool:
    """Whether a missing key was written inside another value of its mapping (a comma left
    out), a value refused in its own right (failed: where the model refused a value), whose
    error says so: a text that only uses the key's word (`summary: ... the sources say`) is not."""
    mapping = value_at(data, loc[:-1])
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
        allowed = fields_at(model, loc[:-1])
        close = [_SYNONYMS[written.lower()]] if _SYNONYMS.get(written.lower()) in allowed else []
        close = close or difflib.get_close_matches(written.lower(), allowed, n=1, cutoff=0.6)
        if close and close[0] in missing[loc[:-1]] and (loc[:-1], close[0]) not in meant.values():
            meant[loc] = (loc[:-1], close[0])
    return meant


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
