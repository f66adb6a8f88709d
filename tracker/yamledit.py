"""Editing YAML files as text, so that every byte an editor wrote stays as it was.

An item is rendered with ruamel.yaml (indented as content/ files are written) and
inserted into, or put in place of an item of, a top-level block list, at the line
positions libyaml reports. The new text is parsed again and must hold exactly the old
data with that one change, or EditError is raised and nothing is changed. (A round
trip of a whole file through ruamel.yaml would attach blank lines and comments to
neighbouring nodes and move an editor's separators; editing lines does not.)

ruamel.yaml (the `import` extra) is imported only when an item is rendered.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Sequence
from typing import Any

import yaml

from .load import compose

FOLD_WIDTH = 84


class EditError(Exception):
    """The edit cannot be made without changing what the file already says."""


def load_plain(text: str, name: str = "the file") -> Any:
    """A file's data through the checker's own loader, which refuses aliases, tags and
    deep nesting instead of expanding them: an editor's broken file must not hang an import."""
    data, _, problems = compose(text[1:] if text.startswith("\ufeff") else text, name)
    if problems:
        first = problems[0]
        raise EditError(f"{name}:{first.line}:{first.col}: {first.message}; run `python build.py check`")
    return data


def _get(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                found: yaml.Node = v
                return found
    return None


def _yaml() -> Any:
    from ruamel.yaml import YAML

    y = YAML()  # round-trip mode, set up as content/authorities/*.yaml are written
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096  # lines are folded by hand (see folded); ruamel must not re-wrap them
    # A value written twice (a visit's first day, again as its first part's) is written
    # twice: the checker refuses YAML's anchors and aliases, which editors do not know.
    y.representer.ignore_aliases = lambda data: True
    return y


def folded(text: str, indent: int) -> Any:
    """Long text as a `>-` block folded near FOLD_WIDTH columns, as editors write titles.

    A date ("10 March 2023", "16 to 27 January") is never split across lines. Text of
    several lines (a point with a Markdown list) is a `|-` block, its lines as they are.
    """
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    if "\n" in text and text == text.strip() and not any(line != line.rstrip() for line in text.split("\n")):
        return LiteralScalarString(text)
    if indent + len(text) <= FOLD_WIDTH or "  " in text or "\n" in text or text != text.strip():
        return text
    words = text.split(" ")
    chunks: list[str] = [words[0]]  # words joined where a line must not break
    for before, word in itertools.pairwise(words):
        if before.isdigit() or word[:1].isdigit():
            chunks[-1] += " " + word
        else:
            chunks.append(word)
    positions, offset, length = [], 0, 0
    for i, chunk in enumerate(chunks):
        if i and indent + length + 1 + len(chunk) > FOLD_WIDTH:
            positions.append(offset - 1)  # the space before this chunk
            length = len(chunk)
        else:
            length += (1 if i else 0) + len(chunk)
        offset += len(chunk) + 1
    scalar = FoldedScalarString(text)
    scalar.fold_pos = positions
    return scalar


def flow(items: dict[str, Any] | list[Any]) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    node = CommentedMap(items) if isinstance(items, dict) else CommentedSeq(items)
    node.fa.set_flow_style()
    return node


def dump(data: Any) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def _item_lines(key: str, item: dict[str, Any], dash_col: int) -> list[str]:
    """The item as block-sequence lines, its dash at dash_col."""
    from ruamel.yaml.comments import CommentedMap

    lines = dump(CommentedMap([(key, [CommentedMap(item)])])).splitlines(keepends=True)[1:]
    shift = dash_col - 2
    if shift >= 0:
        return [" " * shift + line if line.strip() else line for line in lines]
    return [line[-shift:] if line[:-shift].strip() == "" else line for line in lines]


def _last_content_line(lines: list[str], node: yaml.Node, dash_col: int) -> int:
    """0-based index of the last line holding the list item's own text.

    libyaml ends a block scalar (`>-`, `|`) only at the next line with text, after any
    blank lines and comments between; those belong to what follows (a blank separator,
    a `# --- Council documents` heading), so they are stepped back over. A comment line
    indented no deeper than the item's dash cannot be part of the item.
    """
    mark = node.end_mark
    last = mark.line if mark.line < len(lines) and lines[mark.line][: mark.column].strip() else mark.line - 1
    first = node.start_mark.line

    def outside(line: str) -> bool:
        text = line.strip()
        return not text or (text.startswith("#") and len(line) - len(line.lstrip(" ")) <= dash_col)

    while last > first and outside(lines[last]):
        last -= 1
    return last


class _Lines:
    """A file's text as lines ending "\n", with its byte-order mark and line breaks kept aside."""

    def __init__(self, text: str, key: str) -> None:
        self.bom = "\ufeff" if text.startswith("\ufeff") else ""
        body = text[len(self.bom) :]
        self.newline = "\r\n" if "\r\n" in body else "\n"
        self.lines = body.replace("\r\n", "\n").splitlines(keepends=True)
        if self.lines and not self.lines[-1].endswith("\n"):
            self.lines[-1] += "\n"
        self.root = yaml.compose("".join(self.lines), Loader=yaml.CSafeLoader)
        self.value = _get(self.root, key)  # the top-level node under key

    def text(self, lines: list[str]) -> str:
        """lines as the file's text again, with its mark and line breaks."""
        out = "".join(lines)
        return self.bom + (out.replace("\n", "\r\n") if self.newline == "\r\n" else out)


def insert_item(
    text: str, key: str, item: dict[str, Any], position: int | None, blank_default: bool
) -> tuple[str, int]:
    """Insert item into the top-level list `key`: at index position, or at its end.

    Returns the new text and the index the item took. Only lines are added (a `[]`
    placeholder for an empty list is the one thing replaced).
    """
    parsed = _Lines(text, key)
    lines, root, value = parsed.lines, parsed.root, parsed.value

    if value is None or (isinstance(value, yaml.SequenceNode) and not value.value and value.flow_style):
        if value is None:
            new = [
                *lines,
                *(["\n"] if lines and lines[-1].strip() else []),
                f"{key}:\n",
                *(["\n"] if blank_default else []),
                *_item_lines(key, item, 2),
            ]
        else:  # `key: []`
            line = value.start_mark.line
            rest = lines[line][value.end_mark.column :] if value.end_mark.line == line else "?"
            if rest.strip():
                raise EditError(
                    f"`{key}: []` is followed by more text on its line; write the list in block style to import into it"
                )
            head = lines[line][: value.start_mark.column].rstrip() + "\n"
            new = [
                *lines[:line],
                head,
                *(["\n"] if blank_default else []),
                *_item_lines(key, item, 2),
                *lines[line + 1 :],
            ]
        index = 0
    elif not isinstance(value, yaml.SequenceNode) or value.flow_style:
        raise EditError(f"`{key}` is not a block list (`- item` lines), so nothing was inserted into it")
    else:
        items = value.value
        dash_line = lines[items[0].start_mark.line]
        dash_col = len(dash_line) - len(dash_line.lstrip(" "))
        if dash_line.lstrip(" ")[:1] != "-":
            raise EditError(f"`{key}` items do not start on their own `- ` lines; nothing was inserted")
        if len(items) > 1:
            blank = not lines[items[1].start_mark.line - 1].strip()
        else:
            key_line = _key_line(root, key)
            blank = any(not ln.strip() for ln in lines[key_line + 1 : items[0].start_mark.line])
        rendered = _item_lines(key, item, dash_col)
        index = len(items) if position is None else max(0, min(position, len(items)))
        if index == 0:
            at = items[0].start_mark.line
            chunk = [*rendered, *(["\n"] if blank else [])]
        else:
            at = _last_content_line(lines, items[index - 1], dash_col) + 1
            chunk = [*(["\n"] if blank else []), *rendered]
        new = [*lines[:at], *chunk, *lines[at:]]
    return parsed.text(new), index


def _key_line(root: yaml.Node | None, key: str) -> int:
    for k, _ in root.value if isinstance(root, yaml.MappingNode) else []:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return k.start_mark.line
    raise KeyError(key)


def checked_insert(text: str, key: str, item: dict[str, Any], position: int | None, blank_default: bool) -> str:
    """insert_item, then prove the new text holds exactly the old data plus the item."""
    new, index = insert_item(text, key, item, position, blank_default)
    before, after = load_plain(text), load_plain(new)
    expected_item = load_plain(dump({key: [item]}))[key][0]
    expected = dict(before)
    listed = list(before.get(key) or [])
    listed.insert(index, expected_item)
    expected[key] = listed
    keys = [*before, *([] if key in before else [key])]
    if after != expected or list(after) != keys:
        raise EditError(f"inserting into `{key}` would not keep the file's data as it was; nothing was changed")
    return new


def report_place(publishers: Sequence[object]) -> int | None:
    """Where a new report's source goes in a file's sources, given each one's publisher: after
    the last Ofsted published, among the other reports, not under a heading the file's sources
    end with (`# --- Press`); None, at the end, where Ofsted published none."""
    ofsted = [n for n, publisher in enumerate(publishers) if publisher == "Ofsted"]
    return ofsted[-1] + 1 if ofsted else None


def insert_report_source(text: str, sources: list[Any], item: dict[str, Any]) -> str:
    """A source of Ofsted's inserted where report_place says."""
    place = report_place([s.get("publisher") if isinstance(s, dict) else None for s in sources])
    return checked_insert(text, "sources", item, place, blank_default=False)


def checked_replace(text: str, key: str, index: int, item: dict[str, Any]) -> str:
    """The item at `index` of the top-level block list `key` replaced by item, every
    other byte kept; proved by parsing: the data is the old data with that one item changed."""
    parsed = _Lines(text, key)
    lines, value = parsed.lines, parsed.value
    if not isinstance(value, yaml.SequenceNode) or value.flow_style or index >= len(value.value):
        raise EditError(f"`{key}` has no item {index + 1} in block style to replace")
    node = value.value[index]
    first = node.start_mark.line
    dash_line = lines[first]
    dash_col = len(dash_line) - len(dash_line.lstrip(" "))
    if dash_line.lstrip(" ")[:1] != "-":
        raise EditError(f"`{key}` items do not start on their own `- ` lines; nothing was replaced")
    last = _last_content_line(lines, node, dash_col)
    result = parsed.text([*lines[:first], *_item_lines(key, item, dash_col), *lines[last + 1 :]])
    before, after = load_plain(text), load_plain(result)
    expected = dict(before)
    listed = list(before[key])
    listed[index] = load_plain(dump({key: [item]}))[key][0]
    expected[key] = listed
    if after != expected or list(after) != list(before):
        raise EditError(f"replacing an item of `{key}` would change more than that item; nothing was changed")
    return result
