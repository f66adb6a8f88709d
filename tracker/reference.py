"""Reference data: public tables the pages need beyond the authorities' own files.

`content/reference/hexmap.csv` places each authority on the overview's hex map;
`content/reference/neighbours.csv` lists each authority's DfE statistical neighbours.
Both are optional (without them the map, or the neighbours, are left out), read only
from inside the content folder, and checked like every other content file: each
mistake is a problem with its file, line and column.
"""

from __future__ import annotations

import difflib
import errno
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .load import read_content_file, read_hint
from .problems import Problem, byte_place, lines_named

if TYPE_CHECKING:  # model.py holds a Reference in Content, so this import runs one way only
    from .model import Codes

MAX_BYTES = 1 << 20  # both files are a few kilobytes; anything near this is not reference data
# England's: every authority the site covers is English, and the published data promise it.
GSS_PATTERN = r"^E[0-9]{8}$"
GSS = re.compile(GSS_PATTERN.strip("^$"))
DFE = re.compile(r"[1-9][0-9]{2}\Z")
COORDINATE = re.compile(r"[0-9]{1,3}\Z")
HEXMAP_COLUMNS = ("gss", "name", "q", "r", "note")
NEIGHBOURS_COLUMNS = ("dfe", "name", "neighbours")


@dataclass(frozen=True)
class Hex:
    gss: str
    name: str
    q: int  # column
    r: int  # row, growing northwards; odd rows sit half a hex to the right
    line: int  # where it is written, for later warnings


@dataclass(frozen=True)
class Reference:
    hexes: tuple[Hex, ...] = ()
    neighbours: dict[int, tuple[int, ...]] = field(default_factory=dict)  # DfE number: its neighbours
    neighbour_lines: dict[int, int] = field(default_factory=dict)  # DfE number: its line


@dataclass
class _Table:
    """One CSV file as (line number, [(column, value), ...]) rows, with problems positioned in it."""

    file: str
    lines: list[str]
    problems: list[Problem] = field(default_factory=list)

    def problem(self, line: int, col: int, message: str, hint: str = "", severity: str = "error") -> None:
        shown = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        self.problems.append(
            Problem(self.file, line, col, message, hint, "warning" if severity == "warning" else "error", shown)
        )

    def rows(self, columns: tuple[str, ...]) -> Iterable[tuple[int, list[tuple[int, str]]]]:
        """Data rows with exactly the expected columns; the header must name them in order."""
        if not self.lines:
            self.problem(1, 1, "the file is empty", f"the first line names the columns: {','.join(columns)}")
            return
        try:
            header: list[tuple[int, str]] | None = _split(self.lines[0])
        except _OpenQuote:
            header = None
        if header is None or tuple(v for _, v in header) != columns:
            hint = f"write: {','.join(columns)}"
            if tuple(self.lines[0].split(";")) == columns:
                # A spreadsheet set for a country that writes a decimal comma saves a CSV so.
                hint = "separate the values with commas, not semicolons: save the file as CSV with commas"
            self.problem(1, 1, "the first line does not name the expected columns", hint)
            return
        for number, text in enumerate(self.lines[1:], start=2):
            if not text.strip():
                continue
            try:
                cells = _split(text)
            except _OpenQuote as open_quote:
                self.problem(number, open_quote.col, "a quoted value is not closed", 'end it with `"`')
                continue
            if len(cells) != len(columns):
                hint = f"each line holds {', '.join(columns)}, separated by commas; quote a value that has a comma"
                if (
                    columns[-1] == "neighbours"
                    and len(cells) > len(columns)
                    and all(DFE.match(v.strip()) for _, v in cells[len(columns) :])
                ):
                    hint = "separate the neighbours' numbers with spaces, not commas: `202 206 213`"
                self.problem(number, 1, f"{len(cells)} values where {len(columns)} are expected", hint)
            else:
                yield number, cells


class _OpenQuote(ValueError):
    def __init__(self, col: int) -> None:
        self.col = col  # 1-based, of the quote left open


def _split(line: str) -> list[tuple[int, str]]:
    """One CSV record (RFC 4180, on one line) as (1-based column of its first character, value)
    pairs; _OpenQuote if a quote is left open."""
    cells: list[tuple[int, str]] = []
    i = 0
    while True:
        start = i
        if line.startswith('"', i):
            value, i = [], i + 1
            start = i  # the value starts after its quote
            while True:
                end = line.find('"', i)
                if end < 0:
                    raise _OpenQuote(start)
                value.append(line[i:end])
                if line.startswith('""', end):
                    value.append('"')
                    i = end + 2
                    continue
                i = end + 1
                break
            text = "".join(value)
            end = line.find(",", i)
            i = len(line) if end < 0 else end
        else:
            end = line.find(",", i)
            text, i = (line[i:], len(line)) if end < 0 else (line[i:end], end)
        cells.append((start + 1, text))
        if i >= len(line):
            return cells
        i += 1  # past the comma


def _read(path: Path, root: Path, file: str) -> tuple[list[str] | None, list[Problem]]:
    if not path.resolve().is_relative_to(root.resolve()):  # a link, or a folder above it that is one
        return None, [Problem(file, 1, 1, "the file is a link", "put the file itself in content/reference/")]
    try:
        raw = read_content_file(path, MAX_BYTES)
    except OSError as exc:
        hint = {
            errno.EFBIG: f"it holds one short line for each authority: restore it from git (`git checkout -- {file}`) "
            "and make the change again",
            errno.EINVAL: "content/reference/ holds plain CSV files",
        }.get(exc.errno or 0) or read_hint(exc)
        return None, [Problem(file, 1, 1, f"cannot read the file: {exc.strerror}", hint)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col, _ = byte_place(raw, exc.start)
        return None, [Problem(file, line, col, "the file is not UTF-8 text", "save it with UTF-8 encoding")]
    return text.removeprefix("\ufeff").splitlines(), []


def _hexmap(table: _Table) -> tuple[Hex, ...]:
    hexes: list[Hex] = []
    codes: dict[str, int] = {}
    cells: dict[tuple[int, int], int] = {}
    for number, cells_ in table.rows(HEXMAP_COLUMNS):
        (gss_col, gss), (name_col, name), (q_col, q), (r_col, r), _note = cells_
        ok = True
        if not GSS.fullmatch(gss):
            table.problem(
                number, gss_col, f"`{gss}` is not an ONS code", "write E and 8 digits, an English authority's code"
            )
            ok = False
        elif gss in codes:
            table.problem(number, gss_col, f"`{gss}` has a hex already, on line {codes[gss]}", "keep one")
            ok = False
        if not name.strip():
            table.problem(number, name_col, "the name is blank", "write the authority's name")
            ok = False
        for col, value, what in ((q_col, q, "q"), (r_col, r, "r")):
            if not COORDINATE.match(value):
                table.problem(
                    number,
                    col,
                    f"`{what}` must be a whole number from 0 to 999, but is `{value}`",
                    "write the hexagon's column (`q`) or row (`r`) on the map, in digits: content/reference/README.md "
                    "says how the map's cells are numbered",
                )
                ok = False
        if not ok:
            continue
        cell = (int(q), int(r))
        if cell in cells:
            table.problem(number, q_col, f"the cell q {q}, r {r} is taken by line {cells[cell]}", "move one hex")
            continue
        codes[gss], cells[cell] = number, number
        hexes.append(Hex(gss, name.strip(), int(q), int(r), number))
    return tuple(hexes)


def _neighbours(table: _Table) -> tuple[dict[int, tuple[int, ...]], dict[int, int]]:
    found: dict[int, tuple[int, ...]] = {}
    lines: dict[int, int] = {}
    for number, cells in table.rows(NEIGHBOURS_COLUMNS):
        (dfe_col, dfe), _name, (list_col, listed) = cells
        if not DFE.match(dfe):
            table.problem(number, dfe_col, f"`{dfe}` is not a DfE local authority number", "write 3 digits")
            continue
        if int(dfe) in lines:
            table.problem(number, dfe_col, f"`{dfe}` is listed already, on line {lines[int(dfe)]}", "keep one")
            continue
        if "," in listed:  # quoted, as a list is typed: told once, not at each number
            spaced = " ".join(re.split(r"[,\s]+", listed.strip(", ")))
            hint = f"separate the numbers with spaces, not commas: `{spaced}`"
            table.problem(number, list_col, "the neighbours' numbers are separated by commas", hint)
            continue
        codes: list[int] = []
        bad = False
        offset = 0
        for word in listed.split(" "):
            col = list_col + offset
            offset += len(word) + 1
            if not word:
                continue
            if not DFE.match(word) or word == dfe or int(word) in codes:
                why = "itself" if word == dfe else "a repeat" if DFE.match(word) else "not a DfE number"
                table.problem(number, col, f"`{word}` is {why}", "list other authorities' 3-digit numbers")
                bad = True
            else:
                codes.append(int(word))
        if not bad:
            found[int(dfe)] = tuple(codes)
            lines[int(dfe)] = number
    return found, lines


def load_reference(folder: Path, content_root: Path, shown: str) -> tuple[Reference, list[Problem]]:
    """Read and check content/reference/; shown is how the folder is named in messages."""
    problems: list[Problem] = []
    hexes: tuple[Hex, ...] = ()
    neighbours: dict[int, tuple[int, ...]] = {}
    lines: dict[int, int] = {}
    if not folder.is_dir():
        return Reference(), problems
    for name in ("hexmap.csv", "neighbours.csv"):
        path = folder / name
        if not path.exists() and not path.is_symlink():
            continue
        file = f"{shown}/{name}"
        text, found = _read(path, content_root, file)
        problems.extend(found)
        if text is None:
            continue
        table = _Table(file, text)
        if name == "hexmap.csv":
            hexes = _hexmap(table)
        else:
            neighbours, lines = _neighbours(table)
        problems.extend(table.problems)
    if any(p.is_error for p in problems):
        return Reference(), problems
    return Reference(hexes, neighbours, lines), problems


def check_reference(
    reference: Reference, codes: dict[str, Codes | None], shown: str, typos: list[tuple[str, int, int]]
) -> list[Problem]:
    """Warnings where the reference data and the authorities' codes (by slug) do not meet;
    typos are mistyped_dfe's, which name the file to correct."""
    problems: list[Problem] = []
    gss = {c.gss: slug for slug, c in codes.items() if c and c.gss}
    dfe = {c.dfe for c in codes.values() if c and c.dfe}
    if reference.hexes:
        file = f"{shown}/hexmap.csv"
        for h in reference.hexes:
            if h.gss not in gss:
                problems.append(
                    Problem(
                        file,
                        h.line,
                        1,
                        f"no authority has the code `{h.gss}`, so this hex is drawn without a link",
                        "check the authority's `codes.gss`, or remove the hex",
                        "warning",
                    )
                )
    if reference.neighbours:
        file = f"{shown}/neighbours.csv"
        # Said once for each number, at the first line naming it: a council's number typed
        # wrong in its file would otherwise be warned about on every line that lists it.
        naming: dict[int, list[int]] = {}
        for number, listed in reference.neighbours.items():
            if number not in dfe:
                continue  # neighbours of an authority with no file are never shown
            for n in listed:
                if n not in dfe:
                    naming.setdefault(n, []).append(reference.neighbour_lines[number])
        meant_by = {meant: (slug, written) for slug, written, meant in typos}
        for n, lines in sorted(naming.items(), key=lambda item: min(item[1])):
            lines.sort()
            where = f" ({lines_named(lines)})" if len(lines) > 1 else ""
            rows = "a list of neighbours names" if len(lines) == 1 else f"{len(lines)} lists of neighbours name"
            hint = "check the authorities' `codes.dfe`"
            if n in meant_by:
                slug, written = meant_by[n]
                hint = (
                    f"authorities/{slug}.yaml has `dfe: {written}`, which no line here lists: "
                    f"if it should be {n}, correct it there"
                )
            problems.append(
                Problem(
                    file,
                    lines[0],
                    1,
                    f"no authority has the DfE number {n}, which {rows}{where}: the neighbour is shown without a grade",
                    hint,
                    "warning",
                )
            )
    return problems


def unplaced(reference: Reference, codes: dict[str, Codes | None]) -> list[tuple[str, str, str | None]]:
    """(slug, ONS code, the code it was likely meant to be) of each authority the map has no
    hex for, where the map has hexes: a code typed wrong leaves its own hex without an
    authority, the likelier mistake, so the closest such hex's code is offered."""
    placed = {h.gss for h in reference.hexes}
    used = {c.gss for c in codes.values() if c and c.gss}
    unused = sorted(placed - used)
    return [
        (slug, c.gss, next(iter(difflib.get_close_matches(c.gss, unused, n=1, cutoff=0.75)), None))
        for slug, c in sorted(codes.items())
        if placed and c and c.gss and c.gss not in placed
    ]


def mistyped_dfe(reference: Reference, codes: dict[str, Codes | None]) -> list[tuple[str, int, int]]:
    """(slug, its DfE number, the number meant) for each authority whose number no neighbour
    list has while it looks mistyped for a number the lists name and no authority has."""
    dfe = {c.dfe for c in codes.values() if c and c.dfe}
    named = {n for listed in reference.neighbours.values() for n in listed if n not in dfe}
    unlisted = {c.dfe: slug for slug, c in codes.items() if c and c.dfe and c.dfe not in reference.neighbours}
    found = []
    for meant in sorted(named):
        candidates = [number for number in sorted(unlisted) if _mistyped(number, meant)]
        if len(candidates) == 1:  # of several, which one was meant is not known here
            found.append((unlisted[candidates[0]], candidates[0], meant))
    return found


def _mistyped(written: int, meant: int) -> bool:
    """Whether one number may be the other typed wrong: two digits swapped, or one changed."""
    a, b = str(written), str(meant)
    if len(a) != len(b) or a == b:
        return False
    differ = [i for i in range(len(a)) if a[i] != b[i]]
    return len(differ) == 1 or (len(differ) == 2 and a[differ[0]] == b[differ[1]] and a[differ[1]] == b[differ[0]])
