"""Load stage: YAML files into plain data, with positions for every key and value.

libyaml's parser (CSafeLoader) yields events; we compose them ourselves, iteratively,
so that anchors, aliases, tags, duplicate keys and deep nesting are refused with a
position instead of being expanded, constructed or recursed into. Positions are
kept for every key and value so that any later stage can point at the exact spot.
"""

from __future__ import annotations

import bisect
import codecs
import errno
import functools
import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from .cache import MAX_FILE_BYTES
from .problems import Problem, Severity, byte_place, lines_named
from .syntax import COMMENT, explain, item_mark_hint, odd_name, quote_hint, quoted_example
from .terminal import printable

MAX_DEPTH = 40
_TOO_DEEP = "flatten the structure; no part of the format nests this deep"
Path_ = tuple[str | int, ...]

# PyYAML's own resolver and constructor decide what an unquoted scalar means, so a value
# reads here exactly as `yaml.safe_load` reads it (`017` is 15, `1e5` is text, `1:30` is 90).
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_CONSTRUCT: dict[str, Callable[[yaml.ScalarNode], Any]] = {
    "tag:yaml.org,2002:null": _CONSTRUCTOR.construct_yaml_null,
    "tag:yaml.org,2002:bool": _CONSTRUCTOR.construct_yaml_bool,
    "tag:yaml.org,2002:int": _CONSTRUCTOR.construct_yaml_int,
    "tag:yaml.org,2002:float": _CONSTRUCTOR.construct_yaml_float,
}
_LONGEST_NUMBER = 100  # characters: codes and counts have a few digits
# First characters for which some implicit type exists; anything else is text at once.
_TYPED_FIRST = frozenset(key for key in yaml.resolver.Resolver.yaml_implicit_resolvers if key is not None)


@functools.lru_cache(maxsize=4096)  # dates, statuses and grades repeat through a file
def resolve_plain(value: str) -> Any:
    """The meaning of an unquoted scalar, by PyYAML's safe loader's rules, with two exceptions.

    Dates stay text: the validator parses them, so `2017-05` and `2017-05-01` are handled
    alike and a date never turns into something else unnoticed. `=` and `<<`, which the
    safe loader cannot construct, stay text too.
    """
    if value[:1] not in _TYPED_FIRST:
        return value
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    construct = _CONSTRUCT.get(tag)
    # A number longer than any field takes stays text, for the model to refuse: PyYAML
    # builds `1:2:3...` (base 60) in time that grows with the square of its length, and
    # Python will not print an integer of over 4,300 digits.
    if construct is None or len(value) > _LONGEST_NUMBER:
        return value
    return construct(yaml.ScalarNode(tag, value))


# The last part of the path a duplicate key's dropped value is indexed under: the mapping
# holding it then reads short of what its file says, which the duplicate's error already tells.
REPEATED = "\0"


class Node(NamedTuple):
    # _compose makes these as plain tuples, for speed (tuple.__new__, which checks no
    # count): a field added here must be added there.
    line: int  # 1-based
    col: int  # 1-based
    key_line: int  # where the key naming this value is; the value's own position in lists
    key_col: int
    raw: str | None  # the scalar as written, None for collections
    plain: bool  # unquoted scalar


@dataclass
class Document:
    """One content file: its data and where each key and value was written."""

    file: str  # as shown to editors: relative to the working folder
    text: str
    data: Any
    index: dict[Path_, Node] = field(repr=False)
    # Where the loader refused something (a tag, an alias): the value there was dropped,
    # so what the model says about that spot is a consequence, not a second mistake.
    refused: frozenset[tuple[int, int]] = frozenset()
    # Whether the loader dropped any value (a duplicate key's, a refused tag's): what the
    # rules see is then not all the file says.
    dropped: bool = False
    # Where a `key: |` or `key: >` text is: a key indented as far as its text is read as words.
    blocks: tuple[Path_, ...] = ()

    def node(self, path: Path_) -> Node | None:
        return self.index.get(tuple(path))

    def locate(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at path (or its key), else of its nearest parent."""
        path = tuple(path)
        while True:
            node = self.index.get(path)
            if node is not None:
                return (node.key_line, node.key_col) if key else (node.line, node.col)
            if not path:
                return (1, 1)
            path = path[:-1]

    def find(self, path: Path_, written: str, skip: int = 0) -> tuple[int, int]:
        """Line and column where `written` first appears in the value at path (after its first
        `skip` appearances), else the value's own."""
        line, col = self.locate(path)
        # The value ends where the next value starts (a text in `|` may run to the end of the file),
        # on the same line too: a long line of many values is searched only within this one.
        after = bisect.bisect_right(self._starts, (line, col))
        end = self._starts[after] if after < len(self._starts) else (len(self.lines), -1)
        for number in range(line, min(end[0], len(self.lines)) + 1):
            text = self.lines[number - 1]
            stop = end[1] - 1 if number == end[0] and end[1] > 0 else len(text)
            at = text.find(written, col - 1 if number == line else 0, stop)
            while at >= 0 and skip:
                skip -= 1
                at = text.find(written, at + max(len(written), 1), stop)
            if at >= 0:
                return number, at + 1
        return line, col

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    @cached_property
    def _starts(self) -> list[tuple[int, int]]:
        # Sorted once, so that finding the values around a line is a search, not a scan
        # of the whole file for each line or problem.
        return sorted((node.line, node.col) for node in self.index.values())

    def last_line(self, line: int, col: int) -> int:
        """The last line of what is written from the value at (line, col) to the next value after it.

        A text of several lines (`note: >`) runs to there; blank lines and comments before
        the next value are left out.
        """
        at = bisect.bisect_right(self._starts, (line, col))
        end = self._starts[at][0] - 1 if at < len(self._starts) else len(self.lines)
        while end > line and (not self.lines[end - 1].strip() or self.lines[end - 1].lstrip().startswith("#")):
            end -= 1
        return max(end, line)

    def block_lines(self, path: Path_) -> Iterator[tuple[int, str, int, bool]]:
        """Each line of text of the block (`|`, `>`) at path: its number, itself, how far it is
        indented, and whether that is the block's own indentation (a line indented further
        is kept as it is by `>`)."""
        node = self.index[tuple(path)]
        indent = None  # the block's own, set by its first line of text, as YAML sets it
        for number in range(node.line + 1, len(self.lines) + 1):
            line = self.lines[number - 1]
            if not line.strip():
                continue
            depth = len(line) - len(line.lstrip(" "))
            indent = depth if indent is None else indent
            if depth < indent:
                return
            yield number, line, depth, depth == indent

    def last_before(self, line: int) -> Node | None:
        """The value written last before the given line, if any."""
        at = bisect.bisect_left(self._starts, (line, 0))
        return self._at[self._starts[at - 1]] if at else None

    @cached_property
    def _at(self) -> dict[tuple[int, int], Node]:
        at: dict[tuple[int, int], Node] = {}
        for node in self.index.values():
            at.setdefault((node.line, node.col), node)
        return at

    def source_line(self, line: int) -> str:
        return self.lines[line - 1].rstrip() if 0 < line <= len(self.lines) else ""

    def problem(
        self, path: Path_, message: str, hint: str = "", *, key: bool = False, severity: Severity = "error"
    ) -> Problem:
        return self.problem_at(*self.locate(path, key=key), message, hint, severity)

    def problem_at(self, line: int, col: int, message: str, hint: str, severity: Severity) -> Problem:
        return Problem(self.file, line, col, message, hint, severity, self.source_line(line))


_DUPLICATE = (
    "each key may appear once in an entry: if this line starts a new item of a list, "
    "put `- ` before its first key; otherwise remove or merge the repeated key"
)


def written_after(lines: Sequence[str], node: Node | None, marks: str) -> bool:
    """Whether the value at node starts with one of marks, as its file writes it (a `{` or `[`
    before a mapping or list, a `|` or `>` before a block of text)."""
    if node is None or not 0 < node.line <= len(lines):
        return False
    first = lines[node.line - 1][node.col - 1 : node.col]
    return first != "" and first in marks


def in_brackets(lines: Sequence[str], node: Node | None) -> bool:
    """Whether the mapping or list a node starts is written in `{...}` or `[...]`, on one line or several."""
    return written_after(lines, node, "{[")


class _Refused(Exception):
    """A hazard that makes the rest of the file meaningless (syntax, several documents)."""

    def __init__(self, pos: tuple[int, int], message: str, hint: str) -> None:
        self.pos, self.message, self.hint = pos, message, hint


_COLLECTION_START = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_COLLECTION_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def compose(text: str, file: str) -> tuple[Any, dict[Path_, Node], list[Problem]]:
    """Build plain Python data and a position index from libyaml's events."""
    root, index, problems, _, _ = _compose(text, file)
    return root, index, problems


def _compose(
    text: str, file: str
) -> tuple[Any, dict[Path_, Node], list[Problem], frozenset[tuple[int, int]], tuple[Path_, ...]]:
    """compose(), where a tag or alias was refused and its value dropped, and the paths of
    the texts written after `|` or `>`.

    This loop runs once per scalar in every file, so it is written for speed: the
    frame is held in locals and the rare hazards leave the fast path.
    """
    hazards: list[tuple[tuple[int, int], str, str]] = []
    dropped_at: set[tuple[int, int]] = set()  # refused tags and aliases
    # Aliases by line, each line's told once: a file of nested aliases (`[*a, *a, *a]`) would
    # otherwise be scores of errors for one mistake.
    aliases: dict[int, list[tuple[tuple[int, int], str]]] = {}
    blocks: list[Path_] = []
    index: dict[Path_, Node] = {}
    stack: list[tuple[Any, Path_, Any, dict[str, tuple[int, int]]]] = []
    top: Any = None  # the open list or dict, or None at the top level
    path: Path_ = ()
    pending: Any = None  # in a dict: the key waiting for its value; None when a key comes next
    keys: dict[str, tuple[int, int]] = {}  # positions of top's keys
    root: Any = None
    documents = 0
    skip = 0  # depth of a subtree being skipped because it nests too deep
    dropped = object()  # pending value of a duplicate key
    # Mappings (by id) with a repeated key, and where the last repeated key first stood.
    repeated: dict[int, tuple[int, int]] = {}
    # The text's lines, split once, when a hint first needs them: split for each of a
    # file's thousands of repeated keys, they made its check take minutes.
    split: list[str] = []

    def text_lines() -> list[str]:
        if not split:
            split.extend(text.splitlines())
        return split

    ScalarEvent, AliasEvent = yaml.ScalarEvent, yaml.AliasEvent
    # A Node made as a tuple is the same Node, made without NamedTuple's Python __new__:
    # a file has a thousand of them.
    new_node = tuple.__new__
    parser = yaml.CSafeLoader(text)
    # libyaml's events are untyped C objects; the loop reads them as such.
    get_event: Callable[[], Any] = parser.get_event
    try:
        while True:
            event = get_event()
            if event is None:
                break
            kind = event.__class__
            if skip:
                if kind in _COLLECTION_START:
                    skip += 1
                elif kind in _COLLECTION_END:
                    skip -= 1
                continue
            if kind in _COLLECTION_END:
                value = top
                if stack:
                    top, path, pending, keys = stack.pop()
                else:
                    top = None
                # fall through to store the finished collection
            elif kind is ScalarEvent or kind is AliasEvent or kind in _COLLECTION_START:
                mark = event.start_mark
                pos = (mark.line + 1, mark.column + 1)
                raw = None
                if kind is AliasEvent:
                    dropped_at.add(pos)
                    aliases.setdefault(pos[0], []).append((pos, event.anchor))
                    value, plain = None, False
                else:
                    if event.anchor is not None:
                        hazards.append(
                            (
                                pos,
                                f"anchors (`&{event.anchor}`) are not allowed",
                                f"{quote_hint('&')}; otherwise write the value out in full where it is needed",
                            )
                        )
                    if event.tag is not None:
                        # Shown as the editor wrote it: libyaml expands `!!x` to the full tag.
                        tag = "!!" + event.tag[18:] if event.tag.startswith("tag:yaml.org,2002:") else event.tag
                        dropped_at.add(pos)
                        hazards.append(
                            (
                                pos,
                                f"tags (`{tag}`) are not allowed",
                                f"{quote_hint('!')}; otherwise remove the tag: values are plain text, numbers, "
                                "lists and mappings",
                            )
                        )
                    if kind is ScalarEvent:
                        raw = event.value
                        plain = not event.style  # libyaml reports the plain style as ""
                        # A key is its text as written: only values are resolved.
                        is_key = top.__class__ is dict and pending is None
                        value = None if event.tag is not None else resolve_plain(raw) if plain and not is_key else raw
                    else:
                        plain = False
                if top.__class__ is dict and pending is None:
                    if kind is not ScalarEvent:
                        raise _Refused(
                            pos, "a key must be plain text, not a list or mapping", "write keys as `name: value`"
                        )
                    assert raw is not None  # a scalar key, checked above
                    if raw in top or raw in keys:
                        # Keys repeat in runs when an item of a list lost its `- `, in the
                        # order they first had: one error per run says so, where six would
                        # each invite a deletion. A key that first stood above the last one
                        # repeated starts a run of its own.
                        origin = keys.get(raw, pos)
                        run = repeated.get(id(top))
                        repeated[id(top)] = origin
                        if run is None or origin <= run:
                            earlier = top.get(raw, ...)
                            first = keys[raw][0] if raw in keys else None
                            above = _item_above(text_lines(), pos, raw)
                            if above is not None and above[2] == next(iter(top), None):
                                # That line starts an entry like this one (its first key is this
                                # one's first), read into the list above it: what the model says
                                # of it there (keys missing, its own unknown) is the same mistake,
                                # told here. Another key may be an item of that list after all.
                                dropped_at.add(above[1])
                            hint = (
                                (above[0] if above else None)
                                or _new_item(text_lines(), pos, raw, first)
                                or _status_again(path, pos, raw, first)
                                # Both in one `{...}`: no `- ` can be missing there.
                                or (
                                    f"keep one `{raw}:` in the braces"
                                    if in_brackets(text_lines(), index.get(path))
                                    else _DUPLICATE
                                )
                            )
                            if earlier in ([], {}, None) and first:
                                # `actions: []` left above the entries a `new` block adds under its own `actions:`.
                                hint = f"the `{raw}:` on line {first} holds nothing: "
                                hint += "delete that line, and keep this one"
                                if (empty := index.get(path + (raw,))) is not None:
                                    # What the model would say of it ("found nothing") is the same mistake.
                                    dropped_at.add((empty.line, empty.col))
                            elif first and (not path or (hint is _DUPLICATE and isinstance(earlier, list | dict))):
                                # A second `inspections:` at the end of a file, or `updates:` in an
                                # action: no `- ` is missing there, and what both hold is wanted.
                                holder = "an entry" if path else "a file"
                                hint = (
                                    f"{holder} holds each key once: put what this `{raw}:` holds into the one on "
                                    f"line {first}, and delete this one"
                                    if isinstance(earlier, list | dict)
                                    else f"{holder} holds each key once: keep one of them"
                                )
                            where = f" (also on line {first})" if first else ""
                            where = " (also earlier on this line)" if first == pos[0] else where
                            hazards.append((pos, f"duplicate key `{raw}`{where}", hint))
                        pending = dropped
                    else:
                        pending = raw
                        keys[raw] = pos
                    continue
                if top.__class__ is dict:
                    here = path + (pending if pending is not dropped else REPEATED,)
                    key_pos = keys.get(pending, pos) if pending is not dropped else pos
                elif top is None:
                    here, key_pos = (), pos
                else:
                    here, key_pos = path + (len(top),), pos
                index[here] = new_node(Node, (pos[0], pos[1], key_pos[0], key_pos[1], raw, plain))
                # Not plain, the style is one mark (a plain one's is "", which `in` would find).
                if not plain and raw is not None and event.style in "|>":
                    blocks.append(here)
                if kind in _COLLECTION_START:
                    if len(stack) + (top is not None) >= MAX_DEPTH:
                        hazards.append(
                            (
                                pos,
                                f"the content nests deeper than {MAX_DEPTH} levels",
                                _TOO_DEEP,
                            )
                        )
                        skip, value = 1, None
                    else:
                        if top is not None:
                            stack.append((top, path, pending, keys))
                        top, path, pending, keys = ({} if kind is yaml.MappingStartEvent else []), here, None, {}
                        continue
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    raise _Refused(
                        (mark.line + 1, mark.column + 1),
                        "this file holds several YAML documents",
                        "a file holds one document: remove this `---` line",
                    )
                continue
            else:
                continue
            # Store a finished value in its parent.
            if top is None:
                root = value
            elif top.__class__ is dict:
                if pending is not dropped:
                    top[pending] = value
                pending = None
            else:
                top.append(value)
    except _Refused as refused:
        hazards.append((refused.pos, refused.message, refused.hint))
        root = None
    except yaml.MarkedYAMLError as exc:
        if exc.problem == "exceeded maximum nesting depth":
            # libyaml's own limit (1000 levels, from libyaml 0.2.6), met before ours when it reads ahead.
            mark = exc.problem_mark or exc.context_mark
            hazards.append(
                (
                    (mark.line + 1, mark.column + 1) if mark else (1, 1),
                    f"the content nests deeper than {MAX_DEPTH} levels",
                    _TOO_DEEP,
                )
            )
        else:
            explained = explain(exc, text.splitlines())
            # `*Two words*`: the alias refused is where the syntax error begins, and told by it.
            if explained[0][0] in aliases:
                aliases[explained[0][0]] = [a for a in aliases[explained[0][0]] if a[0] != explained[0]]
            hazards.append(explained)
        root = None
    except yaml.reader.ReaderError as exc:
        # A control character (a form feed, a stray escape code) pasted into the text. The
        # C reader's position counts UTF-8 bytes; editors count characters.
        before = text.encode("utf-8")[: exc.position].decode("utf-8", errors="replace")
        # Lines broken as libyaml breaks them (\r, U+2028 too), as everywhere else in this file.
        lines = (before + "^").splitlines()
        line, col = len(lines), len(lines[-1])
        character = exc.character if isinstance(exc.character, int) else ord(exc.character or "\0")
        # Text copied from a PDF keeps U+FFFE where the PDF broke a word at a line's end: a
        # paragraph may hold several, each of which would stop the next run, so all are counted.
        count = text.count("\ufffe") if character == 0xFFFE else 0
        broken = [n for n, row in enumerate(text.splitlines(), start=1) if "\ufffe" in row] if count > 1 else []
        more = f" ({count} in the file, on {lines_named(broken)})" if count > 1 else ""
        message, hint = (
            (
                f"U+FFFE is not allowed: text copied from a PDF has it where a word broke at the end of a line{more}",
                "type a hyphen in its place if the word has one (`decision-making`), or delete it",
            )
            if character == 0xFFFE
            else (
                f"the invisible control character U+{character:04X} is not allowed",
                "delete it (it often comes with text pasted from another program)",
            )
        )
        hazards.append(((line, col), message, hint))
        root = None
    except yaml.YAMLError as exc:
        hazards.append(((1, 1), "YAML error: " + (str(exc).splitlines() or ["not valid YAML"])[0], ""))
        root = None
    finally:
        parser.dispose()
    for told in aliases.values():
        if told:
            (pos, anchor), more = told[0], f" ({len(told)} on this line)" if len(told) > 1 else ""
            hint = f"{quote_hint('*')}; otherwise write the value out in full instead of referring to an anchor"
            hazards.append((pos, f"aliases (`*{anchor}`) are not allowed{more}", hint))
    # Where reading stopped short (not an empty file's or a file of comments' one error).
    halts = root is None and bool(hazards)
    if root is None and not hazards:
        # The first comment of the content's own: not a schema's modeline, which `new` writes.
        written = next(
            (
                n
                for n, line in enumerate(text.splitlines(), start=1)
                if line.lstrip().startswith("#") and not line.lstrip().startswith("# yaml-language-server:")
            ),
            None,
        )
        if written is None:
            hazards.append(
                (
                    (1, 1),
                    "the file is empty",
                    "if it was emptied by mistake, put back its content as the branch this change joins has it "
                    "(on GitHub, copy it from that branch's file; in a terminal, `git restore --source=main` and the "
                    "file's path); docs/content-format.md says what the file holds",
                )
            )
        else:  # nothing but comments: content commented out, perhaps all of it at once
            hazards.append(
                (
                    (written, 1),
                    "the file holds only comments, so nothing in it is read",
                    "remove the `# ` from the start of the lines that hold the content "
                    "(see docs/content-format.md for what the file holds)",
                )
            )
    lines = text.splitlines()
    problems = [
        Problem(
            file,
            pos[0],
            pos[1],
            message,
            hint,
            "error",
            lines[pos[0] - 1].rstrip() if 0 < pos[0] <= len(lines) else "",
            halts,
        )
        for pos, message, hint in hazards
    ]
    return root, index, problems, frozenset(dropped_at), tuple(blocks)


# A character of two to four bytes as UTF-8 writes it, which Windows-1252 text does not hold.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _not_utf8(raw: bytes, at: int, file: str) -> Problem:
    """Where a file stops being UTF-8, and, for a file Windows saved in its own encoding, how to keep its text."""
    line, col, shown = byte_place(raw, at)
    try:
        raw.decode("cp1252")
        # UTF-8 elsewhere in the file: one stray byte, not a file saved another way.
        windows = not _UTF8_SEQUENCE.search(raw)
    except UnicodeDecodeError:
        windows = False
    if not windows:
        try:
            # One character pasted from a Windows program into a UTF-8 file: an editor shows
            # it as `�`, and saving it so loses it. It is retyped.
            probably = f" (probably `{raw[at : at + 1].decode('cp1252')}`, which that byte is in Windows-1252)"
        except UnicodeDecodeError:
            probably = ""
        return Problem(
            file,
            line,
            col,
            f"the file is not UTF-8 text (byte 0x{raw[at]:02x})",
            f"retype the character under the `^`{probably}, and save the file with UTF-8 encoding",
            "error",
            shown.decode("utf-8", errors="replace").rstrip(),
        )
    # Word and Notepad on Windows save `’` and `–` as one byte each. Saved again as UTF-8
    # while shown as `�`, they would be lost: the file is reopened in its encoding first.
    character = raw[at : at + 1].decode("cp1252")
    return Problem(
        file,
        line,
        col,
        f"the file is saved as Windows-1252, not UTF-8 (its `{character}` is byte 0x{raw[at]:02x})",
        "reopen the file with the encoding Windows 1252, then save it with the encoding UTF-8, so that "
        "each such character is kept (in VS Code, click the encoding in the status bar)",
        "error",
        shown.decode("cp1252").rstrip(),
    )


# A document saved with a .yaml name, by its first bytes: what it is, in an editor's words.
_DOCUMENTS = (
    (b"PK\x03\x04", "a Word document, spreadsheet or other zip file"),
    (b"\xd0\xcf\x11\xe0", "a Word document or spreadsheet in the old format"),
    (b"%PDF-", "a PDF"),
    (b"{\\rtf", "a rich text (RTF) document"),
)


def _decode(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    if named := next((what for magic, what in _DOCUMENTS if raw.startswith(magic)), None):
        hint = "copy its text into a plain text editor and save it with UTF-8 encoding, or save it as plain text"
        return None, [Problem(file, 1, 1, f"the file is {named}, not text", hint)]
    if wide := _wide(raw):
        # Notepad's "Unicode" and some exports: every character is two or four bytes, so
        # the file would read as letters between zero bytes.
        codec, named = wide
        shown = raw.decode(codec, errors="replace").lstrip("\ufeff").split("\n", 1)[0].rstrip()
        return None, [
            Problem(
                file,
                1,
                1,
                f"the file is saved as {named} text, not UTF-8",
                "save the file with UTF-8 encoding (most editors offer it under 'Save with encoding')",
                "error",
                printable(shown),
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [_not_utf8(raw, exc.start, file)]
    if text.startswith("\ufeff"):
        text = text[1:]
    layout = []
    if "\t" in text or (not text.isascii() and (ODD_CHARACTER.search(text) or _DASH_ITEM.search(text))):
        above = ""  # the last line above that holds more than space or a comment
        fixed: tuple[str, int] | None = None  # above's tabs and spaces, and the spaces it is told to have instead
        keyed: dict[str, tuple[int, int]] = {}  # each key indented with spaces: its spaces and line, the last seen
        trailing: set[int] = set()  # the lines whose only such problem is at their end
        block = _Block()
        for number, line_text in enumerate(text.splitlines(), start=1):
            if block.holds(line_text):
                above, fixed = (line_text, None) if line_text.strip() else (above, fixed)
                continue
            found = _layout_problem(line_text, above, fixed, keyed)
            if block.tab_first:
                found = (
                    block.tab_first,
                    "tab character",
                    "the first line of a block text sets its indent, so it cannot start with a tab: start it with "
                    "spaces only (a later line may start with a tab after them)",
                    None,
                )
                block.tab_first = 0
            if found is not None:
                col, message, hint, spaces = found
                layout.append(Problem(file, number, col, message, hint, "error", line_text.rstrip()))
                if col > len(line_text.rstrip(" " + _ODD_CHARACTERS)):
                    trailing.add(number)
            if found is None and (key := _KEY_LINE.match(line_text)):
                keyed[key[2]] = (len(key[1]), number)
            if line_text.strip() and not line_text.lstrip().startswith("#"):
                above = line_text
                indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
                fixed = (indent, spaces) if found is not None and spaces is not None else None
    if layout and len(trailing) == len(layout):
        # At a line's end, after its last word, it changes no line's layout: the rest of
        # the file is read without it, so that its other problems are told of too.
        lines = text.splitlines(keepends=True)
        for number in trailing:
            line = lines[number - 1]
            body = line.rstrip("\r\n")
            lines[number - 1] = body.rstrip(" " + _ODD_CHARACTERS) + line[len(body) :]
        return "".join(lines), layout
    if layout:
        # YAML reads these as part of a key or value, so what it would say next misleads.
        return None, layout
    return text, []


def _wide(raw: bytes) -> tuple[str, str] | None:
    """The codec and the name of a UTF-16 or UTF-32 file, known by its byte-order mark or its zero bytes."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            return codec, codec.upper()
    head = raw[:512]
    # Text in English has no zero bytes in UTF-8; in UTF-16 every other byte is one.
    if len(head) >= 4 and head.count(0) * 3 >= len(head):
        if head.count(0) * 4 >= len(head) * 3:
            return ("utf-32-le" if head[0] else "utf-32-be"), "UTF-32"
        return ("utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"), "UTF-16"
    return None


# Spaces that are not the space YAML lays a file out with, and invisible characters: they
# come with text pasted from a web page or a document, and look like a space or nothing.
_ODD_CHARACTERS = "".join(
    map(chr, [0x00A0, 0x1680, *range(0x2000, 0x2010), 0x202F, *range(0x205F, 0x2065), 0x3000, 0xFEFF])
)
# Those that take no room on the line: zero-width spaces, joiners and marks, the BOM; and,
# in a value, the soft hyphen, shown only where a line breaks (at a line's end in a text,
# it is the text's own, as a PDF's hyphenation pastes it, not YAML's layout).
ZERO_WIDTH = "".join(map(chr, [0x00AD, *range(0x200B, 0x2010), *range(0x2060, 0x2065), 0xFEFF]))
_ODD = re.escape(_ODD_CHARACTERS)
ODD_CHARACTER = re.compile(f"[{_ODD}]")
UNSEEN_IN_VALUE = re.compile(f"[{_ODD}\u00ad]")  # what an id or a key word cannot be seen to hold
# Where on a line only YAML's own spaces belong: the indentation with any `- `, around
# the colon after a key, and (found by rstrip: a pattern anchored at the end would try
# every start in a long run of spaces) at the end of the line.
_LAYOUT = re.compile(f"^[ \t\\-{_ODD}]*(?:[A-Za-z_][\\w-]*[ \t{_ODD}]*:[ \t{_ODD}]*)?")


DASHES = "\u2013\u2014\u2212"  # en dash, em dash, minus sign
# The lines `new` writes around a block it adds, commented out, to be filled in (scaffold.py);
# the check tells of a block filled in but left commented out.
BLOCK_START = "## ---- "
BLOCK_END = "## ---- end of "
# `– id: A2`: a dash, then a key. A dash before words alone may be text (a list in a `|` block).
_DASH_ITEM = re.compile(f"^ *[{DASHES}](?P<gap>[ \t]+)[A-Za-z_][\\w-]* *:(?: |$)", re.M)


_ITEM = re.compile(r"^(?P<lead> *)- +(?P<key>[A-Za-z_][\w-]*) *:(?: |$)")


def _item_above(lines: list[str], pos: tuple[int, int], key: str) -> tuple[str, tuple[int, int], str] | None:
    """For a repeated key below a `- key:` line indented further: that line starts the new entry.
    The hint, where that line's key is, and the key.

    `      - id: ilacs-2024` pasted one level too deep, with `    type: ilacs` below it:
    YAML reads the `id` as a new item of the list above, and `type` as a second `type` of
    the entry that list is in.
    """
    number = pos[0] - 1
    while number > 0 and (not lines[number - 1].strip() or lines[number - 1].lstrip().startswith("#")):
        number -= 1
    found = _ITEM.match(lines[number - 1]) if number > 0 else None
    column = pos[1] - 1
    # The same key on both lines: the entry lost its `- `, which the usual hint says.
    if found is None or len(found["lead"]) < column or column < 2 or found["key"] == key:
        return None
    return (
        f"if line {number} starts a new entry with this `{key}:` in it, put {column - 2} spaces before its `-`, "
        f"so that its `{found['key']}` lines up with `{key}`",
        (number, found.start("key") + 1),
        found["key"],
    )


def _new_item(lines: list[str], pos: tuple[int, int], key: str, first: int | None) -> str | None:
    """For an entry's first key written again, lined up with it: a new entry that lacks its `- `.

    `date:` and `note:` of a second update under the first one's: where the dash goes, as
    a column, since putting `- ` before the key where it stands nests it one level deeper.
    """
    found = _ITEM.match(lines[first - 1]) if first and 0 < first <= len(lines) else None
    dash = len(found["lead"]) if found else 0
    if found is None or found["key"] != key or found.start("key") != dash + 2 or dash + 2 != pos[1] - 1:
        return None  # `-   date:` lines its key up elsewhere: the usual hint says what to do
    return (
        f"if this line starts a new entry, write it as `- {lines[pos[0] - 1].strip()}` with the `-` at {dash} "
        f"spaces, under the `-` of line {first}: `{key}:` then stays lined up with the keys below it"
    )


def _status_again(path: Path_, pos: tuple[int, int], key: str, first: int | None) -> str | None:
    """For a second `status:` added to an action to mark it done, or a second `due:` to move
    its date: where its progress goes.

    An action's own status and due date are those it started with; its updates' follow
    them (docs/content-format.md), and pages show the newest, and the date it moved from.
    """
    if key not in ("status", "due") or len(path) < 2 or path[-2] != "actions" or not first or first == pos[0]:
        return None  # in `{...}` on one line, "this line" would be the whole action
    if key == "due":
        return (
            f"an action has one `due`, the date first set (line {first}): delete this line, and give the new date "
            "in an update under the action's `updates:`, as its `due`, with the update's `date` and a `note` of why "
            "it moved"
        )
    return (
        f"an action has one `status`, the one it started with (line {first}): delete this line, and give its "
        "new status in an update under the action's `updates:`, with its `date` and a `note` of why"
    )


# A key or list item whose text follows in a block, `note: |` or `- >-`.
_BLOCK_START = re.compile(r"( *)(?:- +)*(?:[^#\s][^#]*?:[ \t]+|- *)?[|>][-+1-9]{0,2}[ \t]*(?:#.*)?")


class _Block:
    """Which lines are the text of a block (`note: |` and the lines indented under it),
    where a tab or an odd space after the block's indent is the text's, as YAML reads it."""

    def __init__(self) -> None:
        self.parent: int | None = None  # the indent of the line that opened the block
        self.indent: int | None = None  # its text's, known from the first line of text
        self.tab_first = 0  # the column of a tab that starts the block's first line, just read

    def holds(self, line: str) -> bool:
        spaces = len(line) - len(line.lstrip(" "))
        if self.parent is not None:
            if not line.strip():
                return True
            if self.indent is None and spaces > self.parent and line[spaces:].startswith("\t"):
                # Its first line sets the block's indent, so a tab there is YAML's layout.
                self.parent, self.tab_first = None, spaces + 1
                return False
            if self.indent is None and spaces > self.parent:
                self.indent = spaces
            if self.indent is not None and spaces >= self.indent:
                return True
        opened = _BLOCK_START.fullmatch(line)
        self.parent, self.indent = (len(opened[1]), None) if opened else (None, None)
        return False


def _layout_problem(
    line: str, above: str, fixed: tuple[str, int] | None, keyed: dict[str, tuple[int, int]]
) -> tuple[int, str, str, int | None] | None:
    """A tab or an odd space where YAML needs its own space: (column, message, hint, spaces).

    Inside a text a tab is text, as YAML reads it. `above` is the nearest line above
    with more than space or a comment: a tab's spaces are counted from it, or, where it
    was indented with a tab too, from `fixed`: its tabs and spaces and the spaces it was
    told to have; or from the same key higher up, in `keyed` (its spaces and line). `spaces`
    is how many the line is told to have, where the hint says.
    """
    start = len(line) - len(line.lstrip(" "))
    if line[start : start + 1] in DASHES and (dash := _DASH_ITEM.match(line)):
        # `– id: A2`: a word processor's dash where a list item's hyphen belongs.
        return start + 1, f"{odd_name(line[start])} where YAML needs a hyphen", item_mark_hint(dash["gap"]), None
    head = _LAYOUT.match(line)
    layout = head.group() if head else ""
    col = layout.find("\t")
    if col >= 0:
        if ":" in layout[:col]:
            return col + 1, "tab character", "write a space after the colon, not a tab", None
        if ":" in layout[col:] and layout[:col].strip(" -"):
            return col + 1, "tab character", "delete the tab: the colon follows the key directly", None
        if layout[:col].rstrip(" ").endswith("-") and line[col:].strip():
            # `-<tab>date:`, `- <tab>Reduce caseloads`, as a word processor parts a list's mark from its item.
            after_space = layout[:col].endswith(" ")
            fix = "delete the tab after `- `" if after_space else "write a space after the `-`, not a tab"
            return col + 1, "tab character", f"{fix}: a list item starts with `- `", None
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if not line.strip(" \t"):  # the editor shows an empty line; YAML, a tab where a line is indented
            return col + 1, "tab character", "the line looks empty, but holds a tab: delete it", None
        # Spaces and a tab, or tabs: replacing the first alone by the count would leave too many.
        total = " in all" if (" " in indent and "\t" in indent) or indent.count("\t") > 1 else ""
        key = _KEY_LINE.match(line.replace("\t", " "))
        # Not a file's own key (its `sources:` list), which an entry's `sources:` is not beside.
        same = (key[2], *keyed[key[2]]) if key and keyed.get(key[2], (0, 0))[0] else None
        spaces = _spaces_after(indent, fixed) if fixed else _spaces_like(above, same)
        fix = "indent the line with spaces only" if total else "replace the tab with spaces"
        if spaces is None:
            return col + 1, "tab character", f"YAML must be indented with spaces; {fix}", None
        count, why = spaces
        return col + 1, "tab character", f"YAML must be indented with spaces; {fix} ({count}{total}{why})", count
    body = len(line.rstrip(" " + _ODD_CHARACTERS))
    for start, part in ((0, layout), (body, line[body:])):
        odd = ODD_CHARACTER.search(part)
        if odd is not None:
            # One that takes no room (U+FEFF, U+200B) stands for no space: the line is
            # indented as it looks without it. After the line's last word, none belongs.
            at_end = start + odd.start() >= body
            spaced = "retype it as an ordinary space, or delete it if no space belongs there"
            fix = "delete it" if odd.group() in ZERO_WIDTH or at_end else spaced
            where = "at the end of the line" if at_end else "where YAML needs an ordinary space"
            return (
                start + odd.start() + 1,
                f"{odd_name(odd.group())} {where}",
                f"{fix} (it often comes with text pasted from a web page or a document)",
                None,
            )
    return None


def _spaces_after(indent: str, fixed: tuple[str, int]) -> tuple[int, str] | None:
    """The spaces a line needs under one indented with a tab, from the spaces that line was told to have.

    `\t- id: r1` then `\t  text: ...`: the second starts with the first's tab and two spaces
    more, so it needs two more spaces than the first.
    """
    above, spaces = fixed
    more = indent[len(above) :] if indent.startswith(above) else "\t"
    if "\t" in more:
        return None
    if not more:
        return spaces, ", as many as the line above once its tab is replaced"
    return spaces + len(more), f", {len(more)} more than the line above once its tab is replaced"


# A line that starts with a key, indented with spaces: `    summary: |`, not `  - id: r1`.
_KEY_LINE = re.compile(r"( *)([A-Za-z_][\w-]*):(?:[ \t]|$)")


def _spaces_like(above: str, same: tuple[str, int, int] | None) -> tuple[int, str] | None:
    """How many spaces a line likely needs: as many as the text of the line above starts at, or
    as the same key higher up (same: the key, its spaces and its line), and why."""
    if not above or "\t" in above:
        return None
    if _BLOCK_START.fullmatch(above):
        # `summary: |`: its text is indented further than the key, by two as the files are written.
        under = len(above) - len(above.lstrip(" -")) + 2
        key = above.split(":")[0].strip(" -") if ":" in above else ""
        return under, f", as the first line of the text of `{key}:`" if key else ""
    opened = re.fullmatch(r"((?: *- )*)( *)([^\s#:][^:#]*):(?: +#.*)?", above.rstrip())
    if opened:
        # `judgements:` with nothing after it: the line is one of its entries, indented further.
        return len(opened[1]) + len(opened[2]) + 2, f", to sit under `{opened[3]}:`"
    if same is not None:
        # `summary:` under an inspection's judgements lines up with the one before it, not with
        # the judgement above it, which sent the editor to the wrong column first.
        key, spaces, number = same
        return spaces, f", as `{key}:` is on line {number}"
    # Under a list item, its keys' column: `  - id: r1` is followed by `    text:`.
    lead = " -" if above.lstrip().startswith("- ") else " "
    start = len(above) - len(above.lstrip(lead))
    return (start, ", if it lines up with the line above") if start else None


_NO_FOLLOW: int | None = getattr(os, "O_NOFOLLOW", None)
_READ_FLAGS = (
    os.O_RDONLY
    | (_NO_FOLLOW or 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)  # Windows: bytes as they are, a CR LF kept as two
)


def read_content_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """A content file's bytes, never through a symbolic link and never more than limit.

    O_NOFOLLOW refuses a link even if one replaced the file after it was listed; O_NONBLOCK
    keeps a named pipe from hanging the read. Windows has neither: a link is refused as it is
    found, and a link made there needs an administrator's rights. Raises OSError with an
    editor's reason.
    """
    if _NO_FOLLOW is None and path.is_symlink():
        raise OSError(errno.ELOOP, "it is a symbolic link")
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OSError(exc.errno, "it is a symbolic link") from None
        raise
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "it is not a regular file")
        if info.st_size > limit:
            raise OSError(
                errno.EFBIG,
                f"it is {info.st_size / 1048576:.1f} MB; a content file may be at most {limit / 1048576:g} MB",
            )
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"it is over {limit / 1048576:g} MB")
    return data


def read_hint(exc: OSError) -> str:
    """What to do about a content file that could not be read."""
    if exc.errno == errno.ELOOP:
        return "replace the link with the file itself: content is read only from files inside content/"
    if exc.errno == errno.EINVAL:
        return "content/ holds the site's YAML files only: move this out of it"
    if exc.errno != errno.EFBIG:
        return ""
    # One file is one page (or the site's settings): it cannot be split. Such a size is
    # something pasted in whole, or a file saved over by another.
    return (
        "a file this large holds something pasted in whole: look for a report, a spreadsheet or a "
        "picture's text in it, and remove it (a document is linked in `sources`, not copied in)"
    )


def load_file(path: Path, file: str) -> tuple[Document | None, list[Problem]]:
    """Read and compose one YAML file; file is the name to show in messages."""
    raw, problems = read_file(path, file)
    return (None, problems) if raw is None else load_bytes(raw, file)


def read_file(path: Path, file: str) -> tuple[bytes | None, list[Problem]]:
    """A content file's bytes, or the problem that kept them from being read."""
    if path.is_dir() and not path.is_symlink():
        return None, [
            Problem(
                file,
                1,
                1,
                "a folder is where a YAML file should be",
                "remove or rename the folder; content files are plain .yaml files",
            )
        ]
    try:
        return read_content_file(path), []
    except OSError as exc:
        return None, [Problem(file, 1, 1, f"cannot read the file: {exc.strerror}", read_hint(exc))]


def load_bytes(raw: bytes, file: str) -> tuple[Document | None, list[Problem]]:
    """Decode and compose one YAML file's bytes; file is the name to show in messages."""
    text, problems = _decode(raw, file)
    if text is None:
        return None, _halting(problems)
    if "\u2028" in text or "\u2029" in text or "\x85" in text:
        return None, _halting(problems + _separators(text, file))
    if ("<<<<<<<" in text or ">>>>>>>" in text or "=======" in text) and (conflicts := _conflicts(text, file)):
        return None, _halting(problems + conflicts)
    data, index, composed, refused, blocks = _compose(text, file)
    if data is None:
        return None, problems + composed
    doc = Document(file, text, data, index, refused, dropped=bool(composed), blocks=blocks)
    return doc, problems + composed + _cut_by_comments(doc)


def _halting(problems: list[Problem]) -> list[Problem]:
    """problems of a file that could not be read, its errors marked as what stopped it."""
    return [replace(p, halts=True) if p.is_error else p for p in problems]


def _separators(text: str, file: str) -> list[Problem]:
    """The first Unicode line or paragraph separator, or next-line character, on each line:
    YAML breaks the line there, where editors show none.

    Placed as editors number lines, which break only at line feeds and carriage returns:
    nothing else in the file is reported until they are gone, so no other position is
    counted as YAML counts them.
    """
    problems = []
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        # The first on each line: a pasted paragraph may hold hundreds, and deleting one
        # shows where the next is.
        if found := _SEPARATOR.search(line):
            problems.append(
                Problem(
                    file,
                    number,
                    found.start() + 1,
                    f"{odd_name(found.group())} breaks the line here, unseen: YAML reads what follows as a new line",
                    "delete it, so that the text goes on (it often comes with text pasted from a document)",
                    "error",
                    line.rstrip(" \t"),  # not rstrip(): the separators count as space to it
                )
            )
    return problems


_SEPARATOR = re.compile("[\u2028\u2029\x85]")
# Git's markers of a merge conflict: seven of one character at the start of a line, then a
# space and the branch's name, or nothing. `|||||||` opens the common ancestor's lines in
# git's diff3 style.
_MARKER = re.compile(r"(<{7}|\|{7}|={7}|>{7})(?=[ \t]|$)")


def _conflicts(text: str, file: str) -> list[Problem]:
    """Each merge conflict git left in the file, told as one: YAML's reading of its
    markers (a key without a colon, text after a block) would send an editor to indent
    them, and then they would be published as the text's own words."""
    problems = []
    lines = re.split(r"\r\n|\r|\n", text)
    marks: dict[str, int] = {}

    def stray(number: int) -> None:
        problems.append(
            Problem(
                file,
                number,
                1,
                "a line left by a git merge conflict",
                "delete it, and check that the lines around it hold the one version you want",
                "error",
                lines[number - 1],
            )
        )

    for number, line in enumerate(lines, start=1):
        if not (found := _MARKER.match(line)):
            continue
        mark = found.group()[0]
        if mark == "<":
            for left in marks.values():
                stray(left)
            marks = {"<": number}
        elif mark == ">" and "<" in marks and "=" in marks:
            start, middle = marks["<"], marks["="]
            base = marks.get("|")
            ours, theirs = _span(start + 1, (base or middle) - 1), _span(middle + 1, number - 1)
            markers = (
                f"line {start}, lines {base} to {middle} (the older version, which git shows for comparison) "
                f"and line {number}"
                if base
                else f"lines {start}, {middle} and {number}"
            )
            problems.append(
                Problem(
                    file,
                    start,
                    1,
                    f"a git merge conflict, from here to line {number}: two versions of the same lines",
                    f"keep the version you want (one is {ours}, the other {theirs}), or combine them; "
                    f"then delete {markers}",
                    "error",
                    lines[start - 1],
                )
            )
            marks = {}
        elif mark in marks or (mark != "<" and "<" not in marks):
            stray(number)
        else:
            marks[mark] = number
    for left in marks.values():
        stray(left)
    return sorted(problems, key=lambda p: p.line)


def _span(first: int, last: int) -> str:
    return "empty" if last < first else f"line {first}" if last == first else f"lines {first} to {last}"


# ` #` starts a comment, even in the middle of an unquoted text. A comment with no space
# after its `#` (`title: Priority #1 for children`) is more likely the rest of a text that
# YAML cut off than a note for other editors.
_TIGHT_COMMENT = re.compile(r"(?<= )#(?=[^ ]| *$)")  # no space after it, or nothing
_TIGHT_HINT = "YAML starts a comment at a space and `#`: a comment of your own needs a space after the `#`; {}"
_BRACKET_HINT = (
    "YAML starts a comment at a space and `#`, and this one closes a bracket the text opened: {}; a comment of "
    "your own goes on a line of its own"
)
# `Item # 3 of the list is done`: a number after `# `, one space after the words of a
# text, is the text's own (a number sign), not a note for other editors.
_NUMBERED = re.compile(r"(?<=[^ ] )# \d")
_NUMBERED_HINT = (
    "YAML starts a comment at a space and `#`, and a number after it reads as the text's own: {}; a comment of "
    "your own goes on a line of its own"
)
# A line that is one key and its text, `title: Priority #1 for the board`.
_KEYED_TEXT = re.compile(r"(?P<before> *(?:- +)?[A-Za-z_][\w-]*: +)(?P<text>[^\s\"'{\[].*?)\s*")


def _quote_it(line: str) -> str:
    """How to keep the `#` in the text, from the line's own words where it is one key and its text."""
    keyed = _KEYED_TEXT.fullmatch(line)
    how = quoted_example(keyed["before"].lstrip(), keyed["text"]) if keyed else ""
    return f"if the `#` belongs to the text, put the whole text in double quotes{how}"


def _cut_by_comments(doc: Document) -> list[Problem]:
    if " #" not in doc.text:
        return []
    found = {
        n: line
        for n, line in enumerate(doc.lines, start=1)
        if " #" in line and ("(" in line or "[" in line or _TIGHT_COMMENT.search(line) or _NUMBERED.search(line))
    }
    if not found:
        return []
    # Each line's values by column, the first written at a column standing for it; a
    # line's comments are then met in order with one pass over its values.
    on_line: dict[int, dict[int, Node]] = {}
    for node in doc.index.values():
        if node.line in found:
            on_line.setdefault(node.line, {}).setdefault(node.col, node)
    problems = []
    for number, line in sorted(found.items()):
        nodes = sorted(on_line.get(number, {}).items())
        before = 0  # how many of the line's values start before the comment
        for start in (m.start() for m in COMMENT.finditer(line)):
            while before < len(nodes) and nodes[before][0] - 1 < start:
                before += 1
            numbered = bool(_NUMBERED.match(line, start))
            if not before:
                head = line[:start].strip()
                spaced = line[start + 1 : start + 2] == " " and line[start + 1 :].strip()
                if spaced and not _opened(head) and not (numbered and _words(head)):
                    break  # `more words # a note` on a text's later line: a comment as editors write one
                # Only the last line of an unquoted text written over several lines is of
                # interest; not a comment line of its own, nor a line of a quoted or `|` text.
                if not (head and _continued(doc, number, head)):
                    break
            else:
                last = nodes[before - 1][1]
                if last.raw is None or not last.plain:
                    continue  # after a list or mapping, or perhaps inside a quoted text: not known here
                if line[last.col - 1 + len(last.raw) : start].strip():
                    break  # `[a, b] #x`: the value was closed before the comment
            # The first comment on the line, right after a plain value (or an empty one).
            hint = _TIGHT_HINT
            if line[start + 1 : start + 2] not in ("", " "):
                comment = line[start:].rstrip()
            elif _opened(last.raw if before else head):
                # `(see item # 3 of the plan)`: a bracket the value opens, the comment closes.
                comment, hint = line[start:].rstrip(), _BRACKET_HINT
            elif numbered and _words(last.raw if before else head):
                comment, hint = line[start:].rstrip(), _NUMBERED_HINT
            elif line[start + 1 :].strip():
                break  # `value # a note`: a comment as editors write one
            else:
                comment = "#"
            problems.append(
                doc.problem_at(
                    number,
                    start + 1,
                    f"`{comment}` is read as a comment, so the value stops before it",
                    hint.format(_quote_it(line)),
                    "warning",
                )
            )
            break
    return problems


def _words(value: str | None) -> bool:
    """Whether a value reads as words of a text (`Item`, `Council met`), not a status or a date."""
    return value is not None and (" " in value.strip() or value[:1].isupper())


def _opened(value: str | None) -> bool:
    """Whether a value opens a bracket it does not close: text cut short by a comment."""
    return value is not None and any(value.count(a) > value.count(b) for a, b in ("()", "[]"))


def _continued(doc: Document, number: int, text: str) -> bool:
    """Whether text, on line number, ends an unquoted value begun on an earlier line."""
    last = doc.last_before(number)
    return last is not None and last.raw is not None and last.plain and last.raw.endswith(" " + " ".join(text.split()))
