"""Starter content for editors: `python build.py new authority|inspection|plan|action`.

Every fact on the site must come from a source, so a scaffold never writes one. What
it writes is either a given (the name the editor typed, an inspection's type) or a
*commented-out* block: the shape of the new item, with every value the editor must
supply marked TODO. Comments change nothing, so `check` gives the same result right
after a scaffold as before it, and nothing invented can reach the site.

The placeholders are chosen so that the checker refuses each one once the block is
uncommented (`""` for text and ids, `YYYY-MM-DD` for dates, `todo` for a grade,
status or number, `[todo]` for references): a half-filled block fails `check` on the
line to fix instead of being published.

A block goes at the end of its list (after any earlier unfinished block), at the
list's own indentation, so removing the "# " from its lines gives correct YAML. Lines
starting "##" are notes that stay comments when the block is uncommented (in VS Code,
select the block and press Ctrl+/). An existing file only ever gains lines: the new
text is inserted at a line boundary, every other byte stays as it was, and the file
is parsed again to prove its data is unchanged before anything is written.
"""

from __future__ import annotations

import codecs
import dataclasses
import json
import re
import shlex
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from .clock import default_as_of
from .dates import month_year
from .files import (
    SCHEMA_LINE,
    WINDOWS_RESERVED,
    UnsafeWrite,
    create_exclusive,
    missing_content_hint,
    shown_path,
    slugify,
    write_atomic,
)
from .load import BLOCK_END, BLOCK_START, Document, compose, load_bytes, read_content_file, read_file
from .model import REGIONS, Frameworks, InspectionType
from .problems import did_you_mean, format_text
from .settings import FrameworksError
from .settings import load_frameworks as _load_frameworks
from .yamledit import report_place

COMMENT_AT = 40  # trailing comments line up here where the code is shorter


class ScaffoldError(Exception):
    """A scaffold that cannot be written; the message says why, in editors' words."""

    @property
    def message(self) -> str:
        return str(self.args[0])


class ScaffoldInputError(ScaffoldError):
    """What the editor typed is at fault (a name, slug, type or plan); `param` names which."""

    def __init__(self, message: str, param: str) -> None:
        super().__init__(message)
        self.param = param


# Slugs ---------------------------------------------------------------------------------

_LEADING = re.compile(
    r"^(?:the\s+)?(?:(?:london|royal|metropolitan)\s+borough\s+of|city\s+and\s+county\s+of"
    r"|city\s+of(?!\s+london\b)|county\s+of|borough\s+of|council\s+of(?:\s+the)?)\s+",
    re.I,
)
_TRAILING = re.compile(
    r"[\s,]+(?:(?:metropolitan\s+)?(?:borough|district)\s+|(?:city|county)(?:\s+borough)?\s+"
    r"|metropolitan\s+)?(?:council|corporation)$",
    re.I,
)


def slug_for(name: str) -> str:
    """The file name (and web address) for an authority: its place, without the council words.

    "Worcestershire County Council" is `worcestershire`, "City of York Council" `york`,
    "London Borough of Camden" `camden`, "Council of the Isles of Scilly"
    `isles-of-scilly`, "Brighton & Hove City Council" `brighton-and-hove`. These agree
    with the existing files and with the importer, which uses the ONS place name.
    """
    return slugify(place_name(name)) or slugify(name)


def place_name(name: str) -> str:
    """A council's name without its council words, as pages name it: "Rutland County Council" is "Rutland"."""
    return _TRAILING.sub("", _LEADING.sub("", name.strip()))


# Text helpers --------------------------------------------------------------------------


def scalar(value: str) -> str:
    """value as a YAML scalar that reads back as exactly this text: plain when safe, else quoted."""
    data, _, problems = compose(f"k: {value}\n", "")
    if not problems and data == {"k": value} and value == value.strip():
        return value
    return json.dumps(value, ensure_ascii=False)


def _rows(rows: Sequence[tuple[str, str]]) -> list[str]:
    """(code, note) pairs as lines, with the notes lined up as trailing comments."""
    width = max([len(code) for code, note in rows if note and len(code) < COMMENT_AT] or [0])
    return [f"{code.ljust(width)}  # {note}" if note else code for code, note in rows]


def _indent(lines: list[str], by: int) -> list[str]:
    return [" " * by + line if line else line for line in lines]


def _choices(words: Sequence[str], last: str = "or") -> str:
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {last} " + words[-1]


# Blocks --------------------------------------------------------------------------------


@dataclasses.dataclass
class Block:
    """One commented-out item: notes, and the item's YAML relative to its list's dash."""

    kind: str  # "inspection", "source", "plan", "action": names the block in its markers
    title: str  # e.g. "new ilacs inspection"
    item: list[str]  # YAML lines; the first starts with "- "
    notes: list[str] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Target:
    """Where a block goes: before line `line` (0-based), its text at column `col`."""

    line: int
    col: int
    key: str | None = None  # write the list's key line too (the list does not exist yet)
    nested: int = 0  # extra indentation of the item under a key written by an earlier block
    blank_before: bool = False
    notes: list[str] = dataclasses.field(default_factory=list)  # extra steps, e.g. delete `actions: []`


START, END = BLOCK_START, BLOCK_END


def render(block: Block, target: Target, command: str) -> list[str]:
    pad = " " * target.col
    lines = [pad + f"{START}{block.title} (added by `{command}`) ----"]
    steps = [
        'To finish it: replace every TODO value, then remove the "# " from each line below that',
        'begins with a single "#", keeping the spaces before it (in VS Code: select them, Ctrl+/).',
        *target.notes,
        *block.notes,
        'Then run `python build.py check`. Delete these "##" notes when you are done.',
    ]
    lines += [pad + "## " + step for step in steps]
    body = block.item
    if target.key:
        body = [f"{target.key}:", *_indent(body, 2)]
    elif target.nested:
        body = _indent(body, target.nested)
    lines += [pad + "# " + line if line else pad + "#" for line in body]
    lines.append(pad + f"{END}{block.title} ----")
    return ([""] if target.blank_before else []) + lines


# Finding the place for a block -------------------------------------------------------------

_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


def _line_starts(text: str) -> list[int]:
    """Offsets where each line starts, counting line breaks as YAML (and libyaml) does."""
    return [0] + [m.end() for m in _BREAK.finditer(text)]


def _get(mapping: yaml.Node, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    if isinstance(mapping, yaml.MappingNode):
        for k, v in mapping.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return k, v
    return None


def _scalar(mapping: yaml.Node, key: str) -> str | None:
    found = _get(mapping, key)
    return found[1].value if found and isinstance(found[1], yaml.ScalarNode) else None


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def _marker_kind(line: str) -> str:
    """The kind of block a start marker line opens: source, inspection, plan or action."""
    title = line.lstrip()[len(START) :]
    for kind in ("source", "plan", "action"):
        if title.startswith(f"new {kind}"):
            return kind
    return "inspection"


def _skip_pending(lines: list[str], at: int, col: int, kind: str) -> int:
    """Past any unfinished blocks of this kind at column col right here; returns the line after them."""
    pad = " " * col
    while True:
        probe = at
        while probe < len(lines) and not lines[probe].strip():
            probe += 1
        if (
            probe >= len(lines)
            or not lines[probe].startswith(pad + START)
            or lines[probe].startswith(pad + END)
            or _marker_kind(lines[probe]) != kind
        ):
            return at
        end = next((i for i in range(probe + 1, len(lines)) if lines[i].startswith(pad + END)), None)
        if end is None:  # a start marker without its end: someone edited it; stop here
            return at
        at = end + 1


def _pending_key(lines: list[str], first: int, last: int, col: int, key: str) -> int | None:
    """The end marker line of an unfinished block (between lines first and last) that writes `key:`."""
    pad = " " * col
    for i in range(first, min(last, len(lines))):
        if lines[i].rstrip() == f"{pad}# {key}:":
            return next((j for j in range(i + 1, len(lines)) if lines[j].startswith(pad + END)), None)
    return None


def _unfinished(lines: list[str], opening: str) -> int:
    """How many blocks opened by that marker are still commented out (their first line after
    the `##` notes): a block filled in and uncommented, whose notes the editor kept, is an
    item of the list already."""
    count, inside = 0, False
    for line in lines:
        text = line.lstrip()
        if text.startswith(START) and not text.startswith(END):
            inside = text.startswith(opening)
        elif text.startswith(END):
            inside = False
        elif inside and text and not text.startswith("##"):
            count, inside = count + text.startswith("#"), False
    return count


def _content_end(node: yaml.Node, lines: list[str]) -> int:
    """The last line (0-based) holding part of node's own text.

    A block collection's end mark is where the next token starts, past any comments
    after it, and a block scalar's (`|`, `>`) reaches to the next line's indentation,
    so the end is found from the last scalar inside, and for a block scalar from the
    indentation of its lines.
    """
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
        first = node.start_mark.line + 1  # the header `|` is on the start line
        indent = None
        end = node.start_mark.line
        for i in range(first, len(lines)):
            text = lines[i]
            if not text.strip():
                continue
            width = len(text) - len(text.lstrip(" "))
            if indent is None:
                indent = width
            if width < indent:
                break
            end = i
        return end
    end = node.end_mark
    return end.line if end.column > 0 else end.line - 1


def find_target(
    lines: list[str], mapping: yaml.Node, key: str, kind: str, where: str, *, top: bool, report: bool = False
) -> Target:
    """The place to add an item to the list `key` of mapping (the file's top level when top):
    after its last item, or, for a report's source, where the importer puts one (report_place)."""
    found = _get(mapping, key)
    if found is None:
        if not top:
            raise ScaffoldError(f"{where} has no `{key}:` list; add `{key}: []` to it first, then run this again")
        end = _pending_key(lines, 0, len(lines), 0, key)
        if end is not None:  # an earlier scaffold wrote the list's key: add to its list
            return Target(_skip_pending(lines, end + 1, 0, kind), 0, nested=2, blank_before=True)
        return Target(len(lines), 0, key=key, blank_before=bool(lines and lines[-1].strip()))
    k, v = found
    if isinstance(v, yaml.SequenceNode) and not v.value:  # `key: []`, as a block list cannot be empty
        col = k.start_mark.column
        after = v.end_mark.line + 1
        # Comments right after `key: []` may hold an earlier unfinished block for this list.
        stop = after
        while stop < len(lines) and (not lines[stop].strip() or _is_comment(lines[stop])):
            stop += 1
        end = _pending_key(lines, after, stop, col, key)
        if end is not None:
            return Target(_skip_pending(lines, end + 1, col, kind), col, nested=2, blank_before=True)
        step = f"Also delete the line `{key}: []` just above this block (line {k.start_mark.line + 1})."
        return Target(after, col, key=key, notes=[step])
    if not isinstance(v, yaml.SequenceNode):
        raise ScaffoldError(
            f"`{key}` at line {k.start_mark.line + 1} of {where} is not a list; run "
            "`python build.py check`, fix what it reports, then run this again"
        )
    if v.flow_style:
        raise ScaffoldError(
            f"`{key}` at line {k.start_mark.line + 1} of {where} is written on one line, in [ ]; "
            "write it as a list with one `- ` item per line, then run this again"
        )
    dash = v.start_mark.column
    place = report_place([_scalar(item, "publisher") for item in v.value]) if report else None
    last = v.value[place - 1] if place else v.value[-1]
    end_line = _content_end(last, lines)
    start_line = last.start_mark.line
    while end_line > start_line and not lines[end_line].strip():
        end_line -= 1
    # Comments indented under the last item belong to it (its notes, or an unfinished block inside it).
    probe = end_line + 1
    while True:
        while probe < len(lines) and not lines[probe].strip():
            probe += 1
        if probe < len(lines) and _is_comment(lines[probe]) and len(lines[probe]) - len(lines[probe].lstrip()) > dash:
            end_line = probe
            probe += 1
        else:
            break
    at = _skip_pending(lines, end_line + 1, dash, kind)
    blank = start_line > 0 and not lines[start_line - 1].strip()
    return Target(at, dash, blank_before=blank)


# Reading and writing ---------------------------------------------------------------------


@dataclasses.dataclass
class AuthorityFile:
    path: Path
    doc: Document  # as loaded, its text without a BOM
    bom: bool
    root: yaml.Node

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def data(self) -> dict[str, Any]:
        data: dict[str, Any] = self.doc.data  # read_authority refuses a file that is not a mapping
        return data

    @property
    def lines(self) -> list[str]:
        """The file's lines, without their line breaks (and no empty "line" after the last break)."""
        lines = _BREAK.split(self.text)
        if lines and lines[-1] == "":
            lines.pop()
        return lines

    @property
    def newline(self) -> str:
        match = _BREAK.search(self.text)
        return match.group() if match and match.group() in ("\n", "\r\n") else "\n"


def _authority_path(content: Path, slug: str) -> Path:
    folder = content / "authorities"
    # The file's name or path, as an editor may paste it, names it too.
    name = slug.replace("\\", "/").rpartition("/")[2]
    path = folder / f"{name.removesuffix('.yaml')}.yaml"
    if not path.is_file():
        if not content.is_dir():
            raise ScaffoldInputError(
                f"there is no content folder {shown_path(content)}; {missing_content_hint(content)}", "SLUG"
            )
        known = sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []
        hint = did_you_mean(slug, known) or 'create it with `python build.py new authority "Name of Council"`'
        raise ScaffoldInputError(f"there is no {shown_path(path)}; {hint}", "SLUG")
    return path


def read_authority(path: Path) -> AuthorityFile:
    # Read once, through the content reader: the bytes checked here are the bytes edited.
    raw, problems = read_file(path, shown_path(path))
    doc, more = load_bytes(raw, shown_path(path)) if raw is not None else (None, [])
    errors = [p for p in problems + more if p.is_error]
    if raw is None or doc is None or errors:
        raise ScaffoldError(
            f"{shown_path(path)} cannot be read as YAML, so nothing was added:\n"
            f"{format_text(errors)}\nFix it first (see docs/editing.md), then run this again."
        )
    if not isinstance(doc.data, dict):
        raise ScaffoldError(f"{shown_path(path)} does not hold `key: value` lines at the top; fix it first")
    root = yaml.compose(doc.text, Loader=yaml.CSafeLoader)
    if root is None:
        raise ScaffoldError(f"{shown_path(path)} is empty; fix it first")
    return AuthorityFile(path, doc, raw.startswith(codecs.BOM_UTF8), root)


def insert(file: AuthorityFile, blocks: list[tuple[Target, list[str]]]) -> tuple[str, list[int]]:
    """The file's text with each block's lines inserted; and the 1-based line where each block's marker is.

    Blocks for the same place go there in the order given.
    """
    nl = file.newline
    text = file.text
    at_end = any(target.line >= len(file.lines) for target, _ in blocks)
    if at_end and text and not _BREAK.fullmatch(text[-1]):
        text += nl  # appending after a last line that has no line break
    starts = _line_starts(text)
    groups: dict[int, list[int]] = {}
    for number, (target, _) in enumerate(blocks):
        groups.setdefault(target.line, []).append(number)
    out: list[str] = []
    marker_at = [0] * len(blocks)
    cursor = added = 0
    for line_no in sorted(groups):
        offset = starts[line_no] if line_no < len(starts) else len(text)
        out.append(text[cursor:offset])
        cursor = offset
        for number in groups[line_no]:
            lines = blocks[number][1]
            marker = next(i for i, line in enumerate(lines) if line.lstrip().startswith(START))
            marker_at[number] = line_no + added + marker + 1
            out.append("".join(line + nl for line in lines))
            added += len(lines)
    out.append(text[cursor:])
    return "".join(out), marker_at


def write_checked(file: AuthorityFile, new_text: str) -> None:
    """Write new_text over the file, after proving its data is unchanged and old bytes are all kept."""
    old_data, _, _ = compose(file.text, "")
    new_data, _, problems = compose(new_text, "")
    if problems or new_data != old_data:
        raise ScaffoldError(
            f"could not find a safe place in {shown_path(file.path)} for the new lines; nothing "
            "was changed. Add the item by hand (see docs/editing.md)."
        )
    data = (("\ufeff" if file.bom else "") + new_text).encode("utf-8")
    write_atomic(file.path, data, file.path.parent.parent)


# The starter authority file --------------------------------------------------------------


def load_frameworks(content: Path) -> Frameworks:
    try:
        return _load_frameworks(content)
    except FrameworksError as exc:
        raise ScaffoldError(str(exc)) from None


def _keeping(folder: Path, slug: str) -> Path | None:
    """The authority file that keeps slug as a former address, if one does."""
    for path in sorted(folder.glob("*.yaml")):
        try:
            raw = read_content_file(path)
        except OSError:
            continue  # `check` says what is wrong with it
        if b"former_slugs" not in raw:
            continue  # nearly every file: not composed
        doc, _ = load_bytes(raw, shown_path(path))
        data = doc.data if doc is not None else None
        if isinstance(data, dict) and isinstance(data.get("former_slugs"), list) and slug in data["former_slugs"]:
            return path
    return None


_NAME_LINE = re.compile(rb"^name: *(.+?) *$", re.M)


# Words that make a council of their own: North Somerset is not Somerset's short name.
_COMPASS = frozenset({"north", "south", "east", "west", "central", "mid"})


def _same_council(folder: Path, name: str) -> tuple[Path, str] | None:
    """The authority file, and its name, for the council `name` names in other words:
    "Bedford Borough Council" for `Bedford Borough`, "Bristol City Council" for `City of Bristol`,
    "County Durham" for `Durham`, and a short name, "Hull City Council" for `City of Kingston
    upon Hull` or "Brighton" for `Brighton and Hove` (but not "Somerset" for `North Somerset`)."""

    def place(words: str) -> list[str]:  # the council words are taken off as for a file's name
        found = slug_for(words if _TRAILING.search(words) else f"{words} Council").split("-")
        return found[1:] if found[0] == "county" and len(found) > 1 else found  # County Durham

    def shortened(short: list[str], long: list[str]) -> bool:
        n = len(short)
        if n >= len(long):
            return False
        return (long[:n] == short and long[n] not in _COMPASS) or (long[-n:] == short and long[-n - 1] not in _COMPASS)

    wanted = place(name)
    short_for = None
    for path in sorted(folder.glob("*.yaml")):
        try:
            found = _NAME_LINE.search(read_content_file(path))
        except OSError:
            continue  # `check` says what is wrong with it
        written = found[1].decode("utf-8", "replace").strip("\"'") if found else ""
        if not written:
            continue
        if place(written) == wanted:
            return path, written
        if short_for is None and shortened(wanted, place(written)):
            short_for = path, written
    return short_for


def authority_text(name: str, slug: str) -> str:
    regions = ", ".join(REGIONS)
    lines = [
        SCHEMA_LINE,
        f"# {name}: inspection history and improvement plans.",
        "# Every fact below comes from a source listed under `sources`. Leave a field out",
        "# rather than guess. How to: docs/editing.md. Every field: docs/content-format.md.",
        "#",
        "# Add to this file with these commands (each adds a commented-out block to fill in):",
        f"#   python build.py new inspection {slug} TYPE    an inspection or visit, and its report",
        f"#   python build.py new plan {slug}               an improvement plan",
        f"#   python build.py new action {slug}             an action in the current plan",
        "# then check your changes with",
        "#   python build.py check",
        "",
        f"name: {scalar(name)}",
        "",
        '## Optional. Fill in what you know, delete the rest, then remove the "# " at the',
        "## start of each line. Codes are checked: gss is E and 8 digits (E06000051),",
        "## dfe is the 3-digit DfE LA number (893), ofsted is the 5- to 8-digit Ofsted URN (80552).",
        "# codes: {gss: todo, dfe: todo, ofsted: todo}  # TODO",
        f'# region: ""  # TODO: one of {regions}',
    ]
    return "\n".join(lines) + "\n"


MAX_NAME = 150  # longer than any English council's name


def new_authority(content: Path, name: str, slug: str | None) -> tuple[Path, str]:
    bad = next((c for c in name if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co")), None)
    if bad is not None:
        what = (
            "is not UTF-8 text (check the terminal's encoding)"
            if "\udc80" <= bad <= "\udcff"
            else f"holds a control character (U+{ord(bad):04X})"
        )
        raise ScaffoldInputError(f"the name {what}; type it again as plain text", "NAME")
    name = " ".join(name.split())
    if not name:
        raise ScaffoldInputError('give the authority\'s name, e.g. "Rutland County Council"', "NAME")
    if len(name) > MAX_NAME:
        raise ScaffoldInputError(
            f"the name is {len(name)} characters long; a council's name is at most {MAX_NAME}", "NAME"
        )
    chosen, slug = slug is not None, slug or slug_for(name)
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
        raise ScaffoldInputError(
            f"`{slug}` is not a valid address: use lowercase letters, digits and single "
            f"hyphens, e.g. `{slugify(slug) or 'rutland'}`",
            "--slug",
        )
    if slug in WINDOWS_RESERVED:
        raise ScaffoldInputError(
            f"`{slug}` cannot be a file name on Windows, which keeps it for a device: choose another address "
            f"with --slug, e.g. `{slug}-council`",
            "--slug" if chosen else "NAME",
        )
    folder = content / "authorities"
    if not folder.is_dir():
        raise ScaffoldError(
            f"there is no {shown_path(folder)} folder; run this from the project's top folder, or pass --content"
        )
    path = folder / f"{slug}.yaml"
    if path.exists():
        raise ScaffoldError(
            f"{shown_path(path)} already exists, so nothing was written. To add to it, use "
            f"`python build.py new inspection {slug} TYPE` (or `new plan`, `new action`); "
            "for a different authority with a similar name, choose another address with --slug."
        )
    if keeper := _keeping(folder, slug):
        raise ScaffoldError(
            f"authorities/{slug}/ was the address of the authority in {shown_path(keeper)}, whose "
            "`former_slugs` keeps it, so nothing was written. To add to that authority, use "
            f"`python build.py new inspection {keeper.stem} TYPE`; for a different authority, "
            "choose another address with --slug."
        )
    if not chosen and (same := _same_council(folder, name)):
        raise ScaffoldError(
            f"{shown_path(same[0])} is already {same[1]}, which looks like the same council, so nothing was "
            f"written. To add to it, use `python build.py new inspection {same[0].stem} TYPE` (or `new plan`, "
            "`new action`); for a different authority (one it replaced, say), choose its address with --slug."
        )
    try:
        create_exclusive(path, authority_text(name, slug).encode("utf-8"), content)
    except FileExistsError:
        raise ScaffoldError(f"{shown_path(path)} already exists, so nothing was written") from None
    except UnsafeWrite as exc:
        raise ScaffoldError(str(exc)) from None
    return path, slug


# Inspections -----------------------------------------------------------------------------


def _period(kind: InspectionType, key: str) -> str:
    start, end = kind.judgement_period(key)
    if start and end:
        return f" ({start} to {end})"
    if start:
        return f" (from {start})"
    if end:
        return f" (until {end})"
    return ""


SHORT_IDS = {"monitoring-visit": "mv", "focused-visit": "fv"}
_YEAR = re.compile(r"-\d{4}(?=-|$)")


def inspection_blocks(frameworks: Frameworks, type_key: str) -> tuple[Block, Block]:
    kind = frameworks.types[type_key]
    today = default_as_of()
    ended = kind.in_use.to if kind.in_use and kind.in_use.to and kind.in_use.to.end < today else None
    # The type's name without a year of its own (`ilacs-2026`, `ilacs-2026-short`), then the visit's year, and
    # its month for a visit, or where type and year alone would spell a type's name: this month's, or for a
    # type no longer in use, the last month it was.
    year, month = (ended.year, ended.month) if ended else (today.year, today.month)
    example = f"{SHORT_IDS.get(type_key, _YEAR.sub('', type_key))}-{year}"
    if not kind.graded or example in frameworks.types:
        example += f"-{month:02d}"
    document = "report" if kind.graded else "letter"
    used = ""
    if kind.in_use and (kind.in_use.from_ or kind.in_use.to):
        used = f"; `{type_key}` inspections ran {kind.in_use.from_ or '…'} to {kind.in_use.to or 'now'}"
    rows: list[tuple[str, str]] = [
        ('- id: ""', f"TODO: a short id, e.g. {example} (the type and when the visit began)"),
        (f"  type: {type_key}", ""),
        (
            "  visited: {from: YYYY-MM-DD, to: YYYY-MM-DD}",
            f"TODO: first and last day on site; one date for a one-day visit, YYYY-MM if the day is not known{used}",
        ),
        ("  published: YYYY-MM-DD", "TODO: when the report or letter was published, or delete the line"),
    ]
    if kind.graded:
        scale = frameworks.scales.get(kind.scale or "", {})
        rows.append(("  judgements:", f"grades: {_choices(list(scale), 'or')}"))
        for key in kind.headline:
            rows.append((f"    {key}: todo", f"TODO: {kind.judgement_label(key)}"))
        others = [f"{key}{_period(kind, key)}" for key in kind.judgements if key not in kind.headline]
        if others:
            rows.append((f"    # also, where the report grades them: {', '.join(others)}", ""))
    else:
        rows.append(('  focus: ""', "TODO: what the visit looked at, in the letter's words, or delete the line"))
    rows += [
        ('  summary: ""', "TODO: a sentence or two, quoting the report, or delete the line"),
        ("  sources: [todo]", f"TODO: the id of its {document}, from the new source block under `sources:`"),
    ]
    label = kind.recommendations_label
    if kind.graded or kind.heading_known:
        entry = [("    - id: r1", ""), ('      text: ""', "TODO: in the report's own words")]
        counted = f'"{label}"'
        if kind.priority_label:
            entry.append(("      priority: false", f'`true` for a point under "{kind.priority_label}" (ids p1, p2...)'))
            counted = f'"{kind.priority_label}" and "{label}" together'
        rows += [
            ("  recommendation_count: todo", f"TODO: how many the report lists under {counted}, or delete the line"),
            (
                "  recommendations:",
                f"one `- id:` entry each, in the report's order; delete these {len(entry) + 1} lines if none",
            ),
            *entry,
        ]
    inspection = Block("inspection", f"new {type_key} inspection", _rows(rows))
    source_rows = [
        (
            '- id: ""',
            f"TODO: a short id for the {document}, e.g. {example}-{document}; it goes in the inspection's `sources`",
        ),
        ('  title: ""', f"TODO: the {document}'s title, as published"),
        ('  publisher: ""', "TODO: who published it, e.g. Ofsted"),
        ('  url: ""', f"TODO: the {document}'s web address, starting https://"),
        ("  published: YYYY-MM-DD", "TODO: its publication date, or delete the line"),
    ]
    source = Block("source", f"new source: the {type_key} {document}", _rows(source_rows))
    return source, inspection


# Plans and actions -----------------------------------------------------------------------


def _ids(items: Any) -> list[str]:
    return (
        [str(item["id"]) for item in items if isinstance(item, dict) and "id" in item]
        if isinstance(items, list)
        else []
    )


def plan_block(data: dict[str, Any], slug: str, graded: set[str]) -> Block:
    """The block of a new plan; graded: the inspection types that grade (a plan answers one of those)."""
    listed = data.get("inspections")
    inspections: list[Any] = listed if isinstance(listed, list) else []
    full = [i for i in inspections if isinstance(i, dict) and i.get("type") in graded]
    ids = _ids(full) or _ids(inspections)
    example = f"e.g. [{ids[-1]}]" if ids else "e.g. [ilacs-2025]"
    rows = [
        ('- id: ""', "TODO: a short id, e.g. improvement-plan-2025"),
        ('  title: ""', "TODO: the plan's title, as published"),
        ("  adopted: YYYY-MM-DD", "TODO: when it was adopted (YYYY-MM if the day is not known), or delete the line"),
        (
            "  in_response_to: [todo]",
            f"TODO: the inspections it answers, {example}; a plan that names none is not shown as current",
        ),
        ("  sources: [todo]", "TODO: the plan document's id under `sources:`, or delete the line"),
        ("  actions: []", f"none yet: add each with `python build.py new action {slug} --plan <this plan's id>`"),
    ]
    return Block("plan", "new plan", _rows(rows))


def action_block(data: dict[str, Any], plan: dict[str, Any], pending: int = 0) -> Block:
    """The block of a new action in plan; pending: the unfinished action blocks it already has."""
    existing = _ids(plan.get("actions"))
    workstreams = _ids(plan.get("workstreams"))
    refs = [
        f"{inspection['id']}/{rec}"
        for inspection in (data.get("inspections") or [])
        if isinstance(inspection, dict) and "id" in inspection
        for rec in _ids(inspection.get("recommendations"))
    ]
    answered = set(plan.get("in_response_to") or [])
    preferred = [r for r in refs if r.split("/")[0] in answered] or refs
    # A point no action of the plan answers yet is the likelier one.
    actions = plan.get("actions")
    taken = {
        ref
        for action in (actions if isinstance(actions, list) else [])
        if isinstance(action, dict) and isinstance(action.get("responds_to"), list)
        for ref in action["responds_to"]
    }
    preferred = [r for r in preferred if r not in taken] or preferred
    example = f"e.g. [{preferred[0]}]" if preferred else "e.g. [ilacs-2025/r1]"
    numbered = re.fullmatch(r"([A-Za-z]*)(\d+)", existing[-1]) if existing else None
    # Each unfinished block above this one will take a number first.
    following = f"{numbered[1]}{int(numbered[2]) + 1 + pending}" if numbered else f"A{1 + pending}"
    had = [("…, " if len(existing) > 4 else "") + ", ".join(existing[-4:])] if existing else []
    had += [f"{pending} unfinished above"] if pending else []
    id_note = f"TODO: a short id, e.g. {following}" + (f" (this plan has {'; '.join(had)})" if had else "")
    rows = [('- id: ""', id_note)]
    if workstreams:
        rows.append(("  workstream: todo", f"TODO: one of {_choices(workstreams)}"))
    rows += [
        ('  title: ""', "TODO: the action, in the plan's words"),
        ("  status: todo", "TODO: not-started, on-track, at-risk, off-track or done"),
        ('  owner: ""', "TODO: who is responsible, or delete the line"),
        ("  due: YYYY-MM-DD", "TODO: the due date the plan gives, or delete the line"),
        ("  responds_to: [todo]", f"TODO: the recommendations it answers, {example}, or delete the line"),
        ("  sources: [todo]", "TODO: what says so: ids under `sources:`, or delete the line"),
        ("  # progress goes under `updates:`, oldest first, newest last, e.g.", ""),
        ("  # updates:", ""),
        ('  #   - {date: YYYY-MM-DD, status: on-track, note: "TODO: what happened, and why."}', ""),
    ]
    title = f"new action in plan {plan.get('id')}"
    return Block("action", title, _rows(rows))


def choose_plan(content: Path, file: AuthorityFile, slug: str, plan_id: str | None, current: str | None = None) -> int:
    """The index of the plan to add to: plan_id; else the current plan (its id, when the file's
    content could be checked); else, for a file that cannot be, the last open plan."""
    plans = file.data.get("plans")
    if not isinstance(plans, list) or not plans:
        raise ScaffoldError(
            f"{shown_path(file.path)} has no plans yet. Add one first with "
            f"`{next_command(content, f'new plan {slug}')}`, fill it in, and run this again."
        )
    ids = _ids(plans)
    # Each id's place in the whole list, where a plan without an id (in a file that does not
    # pass its checks) still takes one: the first plan of an id, as the checker names it.
    place: dict[str, int] = {}
    for i, plan in enumerate(plans):
        if isinstance(plan, dict) and "id" in plan:
            place.setdefault(str(plan["id"]), i)
    if plan_id is not None:
        if plan_id not in place:
            raise ScaffoldInputError(
                f"{shown_path(file.path)} has no plan `{plan_id}`; {did_you_mean(plan_id, ids)}", "--plan"
            )
        return place[plan_id]
    if current is not None:
        return place[current]
    open_plans = [i for i, plan in enumerate(plans) if isinstance(plan, dict) and not plan.get("closed")]
    if not open_plans:
        raise ScaffoldError(
            f"every plan in {shown_path(file.path)} is closed. Start the next with "
            f"`{next_command(content, f'new plan {slug}')}`, or add to a closed one with --plan ({_choices(ids)})."
        )
    return open_plans[-1]


def current_plan(content: Path, file: AuthorityFile, slug: str) -> str | None:
    """The id of the plan the page shows as current, as derive works it out; None for a file
    that does not pass its checks, where that cannot be known. A file that passes but has no
    current plan is refused: an action added to an earlier plan is named with --plan."""
    from .derive import derive_authority
    from .validate import Context, validate_authority

    frameworks = load_frameworks(content)
    as_of = default_as_of()
    authority, problems = validate_authority(file.doc, Context(frameworks, as_of, slug))
    if authority is None or any(p.is_error for p in problems):
        return None
    view = derive_authority(slug, authority, frameworks, as_of)
    if view.current_plan is None:
        ids = _ids(file.data.get("plans"))
        latest = f"the {month_year(view.latest.date)} inspection" if view.latest else "an inspection"
        # Not a mistake in what was typed (no --plan was): the file needs its next plan, most
        # often, and an action added to an earlier one would answer the wrong inspection.
        raise ScaffoldError(
            f"no open plan in {shown_path(file.path)} answers {latest} or a visit since, so none is current. "
            f"Start one with `{next_command(content, f'new plan {slug}')}`, or add to an earlier plan with "
            f"`{next_command(content, f'new action {slug} --plan <its id>')}` ({_choices(ids)})."
        )
    return view.current_plan.plan.id


# What the commands do -----------------------------------------------------------------------
# The click commands are in tracker/cli.py; each calls one of these and prints what it returns.


def next_command(content: Path, words: str) -> str:
    """A command to run next, for the same content folder as the one just run."""
    folder = "" if content == Path("content") else f" --content {shlex.quote(str(content))}"
    return f"python build.py {words}{folder}"


UNCOMMENT = (
    'Remove the "# " from each line of the block that begins with a single "#", keeping the spaces '
    'before it (lines starting "##" are notes: delete them).'
)


@dataclasses.dataclass
class Added:
    """Blocks added to a file: the line of each block's marker with its title, and what to do next."""

    path: Path
    blocks: list[tuple[int, str]]
    steps: list[str]


def type_list(content: Path) -> str:
    """The inspection types an editor may name, for the message after `new authority`."""
    try:
        return ", ".join(load_frameworks(content).types)
    except ScaffoldError:
        return "the keys under `types:` in frameworks.yaml"


def add_inspection(content: Path, slug: str, type_key: str) -> Added:
    """A commented-out inspection of type_key, and its report's source, in slug's file."""
    frameworks = load_frameworks(content)
    if type_key not in frameworks.types:
        raise ScaffoldInputError(
            f"`{type_key}` is not an inspection type in frameworks.yaml; {did_you_mean(type_key, frameworks.types)}",
            "TYPE",
        )
    path = _authority_path(content, slug)
    file = read_authority(path)
    source, inspection = inspection_blocks(frameworks, type_key)
    lines = file.lines
    where = shown_path(path)
    command = f"new inspection {slug} {type_key}"
    targets = [
        find_target(lines, file.root, "sources", "source", where, top=True, report=True),
        find_target(lines, file.root, "inspections", "inspection", where, top=True),
    ]
    rendered = [(t, render(b, t, command)) for t, b in zip(targets, (source, inspection), strict=True)]
    new_text, at = insert(file, rendered)
    write_checked(file, new_text)
    graded = frameworks.types[type_key].graded
    document = "report" if graded else "letter"
    return Added(
        path,
        [(at[0], source.title), (at[1], inspection.title)],
        [
            f"Fill in the source: the {document}'s title, web address and date, and give it an id.",
            "Fill in the inspection: its id, dates"
            + (", headline grades" if graded else "")
            + ", and put the source's id in its `sources`.",
            'Delete any line marked "or delete the line" that you cannot fill from the report.',
            UNCOMMENT + " Do this for both blocks.",
            "Run: " + next_command(content, "check"),
        ],
    )


def add_plan(content: Path, slug: str) -> Added:
    """A commented-out improvement plan in slug's file."""
    path = _authority_path(content, slug)
    file = read_authority(path)
    target = find_target(file.lines, file.root, "plans", "plan", shown_path(path), top=True)
    frameworks = load_frameworks(content)
    block = plan_block(file.data, slug, {key for key, kind in frameworks.types.items() if kind.graded})
    new_text, at = insert(file, [(target, render(block, target, f"new plan {slug}"))])
    write_checked(file, new_text)
    return Added(
        path,
        [(at[0], block.title)],
        [
            "Fill in the plan's id and title, and what you know of its date, inspections and source.",
            UNCOMMENT,
            "Run: " + next_command(content, "check"),
            "Then add its actions: " + next_command(content, f"new action {slug} --plan <the plan's id>"),
        ],
    )


def add_action(content: Path, slug: str, plan_id: str | None) -> Added:
    """A commented-out action in plan_id (default: the current plan) of slug's file."""
    path = _authority_path(content, slug)
    file = read_authority(path)
    current = current_plan(content, file, slug) if plan_id is None and file.data.get("plans") else None
    index = choose_plan(content, file, slug, plan_id, current)
    plans_node = _get(file.root, "plans")
    assert plans_node is not None
    plan_node = plans_node[1].value[index]
    plan = file.data["plans"][index]
    where = f"plan `{plan.get('id')}` in {shown_path(path)}"
    target = find_target(file.lines, plan_node, "actions", "action", where, top=False)
    pending = _unfinished(file.lines, f"{START}new action in plan {plan.get('id')} ")
    block = action_block(file.data, plan, pending)
    new_text, at = insert(file, [(target, render(block, target, f"new action {slug} --plan {plan.get('id')}"))])
    write_checked(file, new_text)
    steps = [
        "Fill in the action's id, title and status; its owner, due date and the recommendations it "
        "answers (`responds_to`) if the plan gives them; delete the lines you cannot fill."
    ]
    if plan.get("closed"):
        # Named with --plan, as the help allows: one the plan had, recorded late. A new action
        # of the council's belongs to the plan in force.
        steps.insert(
            0,
            f"Plan `{plan.get('id')}` is closed ({plan.get('closed')}): add to it only an action it had before "
            f"then; a new one goes in the plan in force ({next_command(content, f'new action {slug}')}).",
        )
    if target.key:
        steps.append("Delete the line `actions: []` above the block: the block starts the list itself.")
    steps += [UNCOMMENT, "Run: " + next_command(content, "check")]
    return Added(path, [(at[0], block.title)], steps)
