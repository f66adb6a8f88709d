"""Pydantic's refusals in an editor's words.

Each error pydantic raises for a file becomes one message at the place it is about,
saying what was written, what it may have meant and how to fix it; `Report` collects a
document's problems for this and for the rules of the validate stage.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import functools
import re
import types
import typing
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .dates import MONTHS
from .load import DASHES, REPEATED, UNSEEN_IN_VALUE, ZERO_WIDTH, Document, Path_, in_brackets
from .model import (
    EARLIEST_YEAR,
    EMAIL_PATTERN,
    HTTPS_PATTERN,
    ID_PATTERN,
    LOOK_ALIKES,
    PATTERN_MEANING,
    PLACES,
    REF_PATTERN,
    REGIONS,
    SLUG_PATTERN,
    URL_PATTERN,
    Action,
    Authority,
    Delivery,
    Frameworks,
    Inspection,
    Note,
    Plan,
    Recommendation,
    Source,
    Update,
    look_alike_hint,
)
from .problems import Problem, closest, did_you_mean, either, listing, together
from .syntax import BULLETS, CURLY, in_double_quotes, item_mark_hint, odd_name, shifted


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
    **dict.fromkeys(
        ("withdrawn", "cancelled", "canceled", "superseded", "abandoned", "merged", "removed", "discontinued"),
        "dropped",
    ),
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


def value_at(data: Any, path: Path_) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


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


def url_hint(value: str, https_only: bool, noted: bool = False, bare: bool = False) -> str:
    """What is wrong with a web address, as precisely as can be said.

    Marks pasted around an address are looked for one layer deep: `bare` judges the
    address inside them as it is, so `<<<...>>>` nested a thousand deep costs one call,
    not a thousand.
    """
    scheme, _, rest = value.partition("://")
    allowed = ("https",) if https_only else ("https", "http")
    address = None if bare else _linked(value)
    if address is not None and not url_hint(address, https_only, bare=True):
        return f"write the address alone, without the Markdown around it: `{address}`"
    inner = value.strip()[1:]
    if inner[-1:] == {"(": ")", "[": "]", '"': '"', "'": "'", "“": "”", "‘": "’"}.get(value.strip()[:1]):
        inner = inner[:-1]  # the mark that closes the first: a `)` inside the address stays
    marked = not bare and value.strip()[:1] in "([\"'“‘" and "://" in inner
    if marked and not url_hint(inner, https_only, bare=True):
        # `(https://...)`, `"https://..."` pasted from a sentence.
        return f"delete the marks around the address: `{inner}`"
    if scheme.lower() in allowed and scheme not in allowed:
        return f"write `{scheme.lower()}://` in lowercase: `{scheme.lower()}://{rest}`"
    # The second address starts after one separator and holds none before its `://`: a run of
    # thousands of commas is tried once, not from each comma to each later one.
    if rest and (second := re.search(r"[\s,;]([^\s,;]+://\S*)", rest)):
        # Two addresses pasted into one `url:`: each is a source of its own.
        return f"one address a source: keep the first here, and give `{second[1]}` a source of its own"
    if not rest or scheme not in allowed:
        if not rest and re.match(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$", value.strip()):
            # `www.ofsted.gov.uk/...`, as a browser's address bar shows it.
            return f"write the whole address, starting `https://`: `https://{value.strip()}`"
        for typo in ("htps:", "htttps:", "https:/", "http:/", "https//", "http//"):
            if value.startswith(typo) and not value.startswith(("https://", "http://")):
                fixed = "https://" + value[len(typo) :].lstrip("/\\")  # `https:/\evil.example`: both slashes
                return f"write the start of the address as `https://`: `{fixed}`"
        return "write a web address starting with " + either([f"{s}://" for s in allowed])
    host = url_site(value)
    name, _, port = host.partition(":")
    if (foreign := next((c for c in name if not c.isascii() and c.isalpha()), None)) is not None:
        # `www.gоv.uk` with a Cyrillic `о`: it looks like GOV.UK and leads elsewhere.
        return (
            f"`{host}` has a letter outside a to z (`{foreign}`, U+{ord(foreign):04X}), as a look-alike of a Latin "
            "letter would, which leads elsewhere: type the address again, or copy it from the browser's address bar"
        )
    if not re.fullmatch(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*", name) or (port and not re.fullmatch("[0-9]+", port)):
        return f"`{host}` is not a host name: write the address as the browser shows it, like `https://www.gov.uk/`"
    if port and (port.startswith("0") or int(port) > 65535):
        return f"`:{port}` is not a port, which is a number from 1 to 65535: an address rarely has one; delete it"
    if value != value.strip() and not url_hint(value.strip(), https_only, bare=True):
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
        encoded = percent_encoded(bad)
        return f"the character `{bad}` cannot appear in a web address as it is: write it as `{encoded}`"
    if re.fullmatch(HTTPS_PATTERN if https_only else URL_PATTERN, value):
        return ""
    return "write " + PATTERN_MEANING[HTTPS_PATTERN if https_only else URL_PATTERN]


def url_site(address: str) -> str:
    """The part of an address that names its site: what follows `://`, up to its path, query or
    fragment (`www.gov.uk:8080`, or `www.ofsted.gov.uk@evil.example`, as written)."""
    return re.split(r"[/?#]", address.partition("://")[2], maxsplit=1)[0]


def percent_encoded(char: str) -> str:
    """A character as a web address writes it when it cannot appear as it is: `%20` for a space."""
    return "".join(f"%{b:02X}" for b in char.encode("utf-8"))


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


def leading_zero(raw: str | None) -> str:
    """A hint for a number written with a leading zero: text to YAML, or an octal number."""
    if raw and len(raw) > 1 and raw.startswith("0") and raw.isdigit():
        return "write the number in plain digits, without a leading zero"
    return ""


def _grouped(raw: str | None) -> str:
    """A hint for a number written in groups of digits, `80,576`, as a spreadsheet shows it."""
    if raw and re.fullmatch(r"\d{1,3}(?:(?:, ?| )\d{3})+", raw):
        return f"write the number without commas or spaces: `{re.sub('[, ]', '', raw)}`"
    return ""


def as_read(raw: str, value: int) -> str:
    """How YAML read a number not written in plain digits (`075` is 61, `0x375` is 885)."""
    why = " (YAML reads a number that starts with 0 as octal)" if leading_zero(raw) else ""
    return f"`{raw}` is read as {value}{why}"


def _odd(value: str, text: str = "", options: Collection[str] = ()) -> str:
    """A hint for a value spoilt by a character that looks like a space or like nothing; text:
    the file's, where the value may be named with a hyphen for a soft one (`ilacs-2023`);
    options: the words the value may be, one of which it may be with hyphens between its words."""
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
    if (meant := "-".join(value.split()).lower()) in options:  # `requires improvement`, with a no-break space
        return f"{said}: write `{meant}`, with hyphens between its words"
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
    {name.lower(): number for number, name in enumerate(MONTHS, start=1)}
    | {name[:3].lower(): number for number, name in enumerate(MONTHS, start=1)}
    | {"sept": 9}
)
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})")  # 30/06/2022 or 30/06/22, as UK councils write it
_IN_WORDS = re.compile(r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([A-Za-z]+)\.?,?\s+(\d{4})")  # 30 June 2022, June 2022
# `31 Mar 27`, a day, a month and the year in two digits; `Nov-26`, a month and such a year, as
# a spreadsheet shows a month. (`June 26` alone may be a day: it is not read.)
_IN_WORDS_SHORT = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?\s+(\d{2})|([A-Za-z]{3,9})-(\d{2})")
_MONTH_SECOND = re.compile(r"(\d{4})-(\d{2})-(\d{2})")  # 2022-30-06: day and month swapped
_YEAR_FIRST = re.compile(r"(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2}))?")
_DATE_AND_WORDS = re.compile(r"(\d{4}-\d\d(?:-\d\d)?)[\s,;(]+([A-Za-z][^\d]*)")  # `2026-06-30 (revised)`, not a range
_HYPHEN_LIKE = re.compile(f"[\u2010\u2011\u2012{DASHES}]")  # hyphen, no-break hyphen, figure dash; the dashes
# `TBC`, `(TBC)`, `Not known.`: also with the brackets or full stop of the sentence it was in.
UNKNOWN_WORDS = re.compile(
    r"(?i)[(\[]?(?:tb[acd]|to be (?:confirmed|agreed|decided)|unknown|not known|n/?a|\?+)[.)\]]?"
)


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
    elif (found := _IN_WORDS_SHORT.fullmatch(text)) and (found[2] or found[4]).lower() in _MONTHS:
        day = int(found[1]) if found[1] else None
        month, year = _MONTHS[(found[2] or found[4]).lower()], 2000 + int(found[3] or found[5])
        lead = "write the year first, in full"
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


def _unhyphened(value: Any) -> str:
    """A hint for a date written without its hyphens, `20230714` (which YAML reads as a number) or `202307`."""
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else ""
    found = re.fullmatch(r"((?:19|20)\d\d)(0[1-9]|1[0-2])(\d\d)?", text)
    meant = _iso(int(found[1]), int(found[2]), int(found[3]) if found[3] else None) if found else None
    return f"write it with hyphens: `{meant}`" if meant else ""


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
            return date_written(part)
    return f"write the first and last days as `{{from: {days[0]}, to: {days[1]}}}`"


def _last_day_alone(data: Any, loc: Path_, value: Any) -> str:
    """A hint for a visit's last day written as its day of the month alone (`to: 17`): the
    first on or after the visit's first day."""
    first = value_at(data, (*loc[:-1], "from")) if loc[-1] == "to" else None
    start = _year_first(first) if isinstance(value, int) and isinstance(first, str) else None
    if start is None or len(start) != len("2017-01-24"):
        return ""
    year, month, day = map(int, start.split("-"))
    if value < day:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    last = _iso(year, month, value)
    return f"write the whole date: `to: {last}`" if last else ""


def date_written(value: Any) -> str:
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
        return "" if meant == text else f"{lead}: `{meant}` for {MONTHS[month - 1]} {year}"
    if meant is None:
        if day < 1:
            return ""
        # `31/02/2017`: the day to correct first, then the order (the right day is the editor's to find).
        again = f", and {lead}: `{year:04d}-{month:02d}-DD`" if "two digits" not in lead else ""
        return f"{MONTHS[month - 1]} {year} has {calendar.monthrange(year, month)[1]} days: check the day{again}"
    # Written so already, and still refused: what is wrong is not how it is written.
    return "" if meant == text else f"{lead}: `{meant}` for {day} {MONTHS[month - 1]} {year}"


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
            f"{MONTHS[month - 3]} to {MONTHS[month - 1]} {year}"
        )
    if (found := _FINANCIAL_QUARTER.fullmatch(text)) and int(found[3][-2:]) == (int(found[2]) + 1) % 100:
        # Councils' quarters are the financial year's: the first is April to June.
        quarter, year = int(found[1]), int(found[2]) + (found[1] == "4")
        month = (quarter * 3 + 3 - 1) % 12 + 1
        return (
            f"a quarter is not a date: write the month it ends, like `{year}-{month:02d}` for "
            f"{MONTHS[month - 3]} to {MONTHS[month - 1]} {year}"
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
    if not isinstance(value, str) or not UNKNOWN_WORDS.fullmatch(value.strip()):
        return ""
    if "visited" in loc or is_required(model, loc) or loc[-1] in ("closed", "to", "abolished"):
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
    listed = value_at(data, loc[:-2])
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


def _look_alike(value: str) -> str:
    """A hint for a word with a Cyrillic or Greek letter that looks like a Latin one; "" if none."""
    if value.isascii() or (odd := next((c for c in value if c in LOOK_ALIKES), None)) is None:
        return ""
    return look_alike_hint(odd, value)


def _lowercase_hint(value: str, key: str) -> str:
    """How to write value as the key it means, saying only what differs: `Good` needs only
    lowercase, `requires improvement` only hyphens."""
    changes = []
    if value != value.lower():
        changes.append("in lowercase")
    if re.search(r"[\s_]", value.strip()):
        changes.append("with hyphens between words")
    if value.rstrip()[-1:] in ".,;:!":  # `Done.`, as a sentence ends: no mark of its own
        changes.append(f"without the `{value.rstrip()[-1]}`")
    return f"write it {', '.join(changes) or 'as'}: `{key}`"


def _slug(value: str, pattern: str, name: str) -> str:
    """`Requires Improvement` as the key it means, `requires-improvement`; `fv 2024 12` as the id
    `fv-2024-12`: from the editor's own words, where an example from elsewhere would be copied
    as it is."""
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
    return ""


def _ref_meant(data: Any, value: str) -> str:
    """What a `responds_to` item that is not `inspection/point` meant, where the file tells: an
    inspection's id alone (its points are what an action answers), or `ilacs-2025-r2`, an
    inspection's id and a point's joined by a hyphen. Split at its last hyphen without the
    file, `ilacs-2025` was offered as `ilacs/2025`, a second error."""
    inspections = {i["id"]: i for i in with_ids(data, "inspections")}
    fixed = _slug_of(value)
    inspection, _, rec = fixed.rpartition("-")
    named = value if value in inspections else inspection if "/" not in value and inspection in inspections else ""
    if not named:
        return ""
    points = [r["id"] for r in with_ids(inspections[named], "recommendations")]
    if named != value and rec in points:
        return f"join the inspection's id and the recommendation's with `/`: `{named}/{rec}`"
    if not points:
        return (
            f"`{named}` is an inspection, and an action answers its points: it lists none yet; add its "
            f"`recommendations:`, then name each this action answers as `{named}/` and the point's id"
        )
    listed = [f"`{point}`" for point in points[:8]] + ([f"{len(points) - 8} more"] if len(points) > 8 else [])
    return (
        f"`{named}` is an inspection, and an action answers its points: name each it answers as "
        f"`{named}/` and the point's id ({together(listed)}), such as `{named}/{points[0]}`"
    )


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
        written = date_written(inner)
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
    inspection = value_at(report.doc.data, loc[:2])
    kind = report.frameworks.types.get(str(inspection.get("type"))) if isinstance(inspection, dict) else None
    return report.frameworks.scales.get(kind.scale or "") if kind else None


def translate(doc: Document, model: type[BaseModel], error: Any, loc: Path_, report: Report) -> None:
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
    elif kind == "missing" and isinstance(entry := value_at(doc.data, loc[:-1]), dict) and "<<" in entry:
        pass  # what `<<:` was to copy in: its refusal says so
    elif kind == "missing" and tuple(loc) in report.settled:
        pass  # written one step too far in or out: told where it is (_stray_keys)
    elif kind == "missing":
        choices = _offered(loc, _choices(model, loc))
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
            and isinstance(entry := value_at(doc.data, loc[:-1]), dict)
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
        allowed = fields_at(model, loc[:-1])
        hint = key_hint(str(loc[-1]), allowed)
        # The entries are an authority file's: another file's keys are not found there.
        elsewhere = [what for _, what, _, _ in entries_with([str(loc[-1])])] if model is Authority else []
        if hint.startswith("expected one of") and elsewhere:
            # `status:` under a plan: a key of the format, in the wrong entry.
            entries = ", ".join(elsewhere[:-1]) + " or " + elsewhere[-1] if len(elsewhere) > 1 else elsewhere[0]
            hint = f"`{loc[-1]}` belongs in {entries}, not here; this entry's keys: " + listing(allowed)
            hint = _out_of_last_item(doc, model, loc) or hint
        if _DONE_ON.fullmatch(str(loc[-1]).lower()) and "updates" in allowed and _is_date(value):
            # `completed: 2024-05-01`, as a spreadsheet has a column for it; a `completion_date`
            # may be the day it is due by.
            update = _done_update(value)
            hint = f"an action is marked done by an update: {update}"
            if "completion" in str(loc[-1]).lower():
                hint = f"if it was done that day, {update}; if it is due by then, write `due: {value}`"
        if hint.startswith("expected one of") and (above := _text_above(doc, loc, value)):
            hint = f"{above}; if not, {hint}"
        if loc[-1] == "status" and "closed" in allowed and "actions" in allowed:
            # `status: closed` on a plan, as a tracker's sheet has a column for it.
            there = doc.node((*loc[:-1], "closed"))
            hint = (
                f"a plan has no status of its own: this one has `closed:` already, on line {there.key_line}; "
                "delete `status`"
                if there is not None
                else "a plan has no status of its own: if it has ended, write `closed:` and the day the sources say it "
                "ended in its place; if not, delete it, as its actions' statuses give its progress"
            )
        elif isinstance(value, str) and (key := _key_for(doc, model, loc, value)) is not None:
            # `type: correction` on a note: the value is one the entry's `kind` takes.
            hint = f"did you mean `{key}: {value}`? `{loc[-1]}` is not a key here, and `{key}` takes `{value}`"
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
            hint = grades_hint(doc.data, loc, str(loc[-1]), report.frameworks, deletion(doc, loc))
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
        if kind in ("model_type", "model_attributes_type") and loc and (keys := fields_at(model, loc)):
            # `publisher: Example Partnership`: the keys it needs, not a page to look them up in.
            hint = f"write its keys on lines of their own below `{name}:`, indented further: {listing(keys)}"
        if kind in _MAPPING and isinstance(value, list) and value and all(_pair(item) for item in value):
            # `- overall: good` under `judgements:`: a list of pairs, where the pairs themselves belong.
            pairs = ", ".join(f"{k}: {v}" for item in value for k, v in item.items())
            one_line = f" (or write `{name}: {{{pairs}}}`)" if loc and len(pairs) < 100 else ""
            hint = f"remove the `- ` before each line, and keep the lines in line with each other{one_line}"
        if kind.startswith("int") and not quoted:
            hint = leading_zero(raw) or _grouped(raw) or "write a whole number, in digits"
        if kind == "list_type" and isinstance(value, str) and raw and "\n" not in raw and len(raw) <= 70:
            # `responds_to: ilacs-2023/r4`, `sources: s1, s2`: the items, without the brackets.
            # `(ilacs-2025)`, `{s1}`: another kind of bracket, which a list's replace.
            if raw[:1] + raw[-1:] in ("()", "<>") and not any(c in raw[1:-1] for c in "()<>"):
                hint = f"a list is written in square brackets: `{name}: [{raw[1:-1]}]`"
            elif raw.endswith("]") and "[" not in raw:
                # `ilacs-2025/r1]`: only its opening bracket is missing.
                hint = f"put a `[` at the start of the list: `{name}: [{raw}`"
            elif name == "updates":
                # Each update is a date and what happened: in brackets alone, the text is neither.
                hint = (
                    f"an update gives its day and what happened: on the next line, indented further than "
                    f'`updates:`, write `- {{date: YYYY-MM-DD, note: "{in_double_quotes(raw)}"}}`, with its day'
                )
            elif loc and fields_at(model, (*loc, 0)):
                hint = (
                    f"each item of `{name}` is a set of `key: value` lines: write them on the lines below "
                    f"`{name}:`, indented further, each item's first starting `- `"
                )
            else:
                hint = f"put the brackets of a list around it: `{name}: [{raw}]`"
        if (
            kind == "list_type"
            and isinstance(value, str)
            and loc
            and (keys := fields_at(model, (*loc, 0)))
            and keys[0] == "text"
        ):
            # `notes: Ofsted's page gives…`: the words are one entry's text, beside which it needs its other keys.
            hint = (
                f"each item of `{name}` is a set of `key: value` lines: on the line below `{name}:`, indented "
                "further, write `- text: ` and the words, then its other keys in line with `text:` "
                f"({listing(keys[1:])})"
            )
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
            hint = fill_in(doc, model, loc, "its items, one `- item` per line or `[a, b]`")
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
        if kind == "list_type" and isinstance(value, str) and raw and raw[0] in BULLETS and not quoted:
            # A word processor's list pasted as it is: its bullets, where each item's `- ` belongs.
            gap = raw[1 : len(raw) - len(raw[1:].lstrip(" \t")) + 1]
            hint = item_mark_hint(gap)
            # YAML joined the lines: each of their bullets is told, or the next is the next error.
            if (marks := sum(word[0] in BULLETS for word in raw.split())) > 1:
                hint = f"each of the {marks} lines starts with one: {hint.replace('retype it', 'retype each', 1)}"
            report.error(loc, f"{odd_name(raw[0])} where YAML needs a hyphen", hint)
        else:
            report.error(loc, f"{what} must be {expected}, but found {_describe(value, raw, quoted)}", hint)
    elif kind == "literal_error":
        options = re.findall(r"'([^']*)'", ctx.get("expected", ""))
        offered = _offered(loc, options)
        # As written: `status: yes` is shown as `yes`, not as Python's True.
        shown = raw if raw is not None else str(value)
        key = _as_key(shown).rstrip(".!")  # `Completed.`, as a sentence in a spreadsheet's cell ends
        if not shown:
            # The choices in the model's order, which is the order of progress (`not-started`
            # to `done`, then `dropped`), here and below.
            report.error(loc, f"`{name}` is empty", f"write one of {either(offered)}")
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
            hint = _STATUS_SAID[key].format(options=either(offered))
            report.error(loc, f"`{_one_line(shown)}` is not a valid `{name}`", hint)
        elif _MEANS.get(key) in options:  # `Completed`, as trackers in spreadsheets say it
            said = _MEANS[key]
            hint = _DROPPED_ON_ITS_DAY if said not in offered else f"did you mean `{said}`?"
            report.error(loc, f"`{_one_line(shown)}` is not a valid `{name}`", hint)
        else:
            # A word a tracker uses, mistyped (`compelte`), is offered the status it means.
            close = closest(shown, options) or sorted(
                {_MEANS[w] for w in closest(shown, [w for w, v in _MEANS.items() if v in options])}
            )
            listed = f"did you mean {either(close)}?" if close else f"write one of {either(offered)}"
            if close and not set(close) & set(offered):  # `droped`, on an action itself
                listed = _DROPPED_ON_ITS_DAY
            report.error(loc, f"`{_one_line(shown)}` is not a valid `{name}`", _odd(shown) or listed)
    elif kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        pattern_meaning = PATTERN_MEANING.get(pattern)
        odd = UNSEEN_IN_VALUE.search(value) if isinstance(value, str) else None
        wrong = _not_valid(value, loc, name)
        if odd is not None:
            # At the invisible character itself, where it is written as it is.
            scale = _scale_at(report, loc) if "judgements" in loc or loc[-1:] == ("grade",) else None
            report.error_at(doc.find(loc, odd.group()), wrong, _odd(value, doc.text, scale or ()))
        elif value == "" and report.frameworks and _is_grade(loc):
            hint = grades_hint(doc.data, loc, name, report.frameworks, deletion(doc, loc))
            report.error(loc, f"`{name}` is empty", hint)
        elif value == "":
            # `id: ""`, as `new` writes a value to fill in.
            needed = "the web address, starting https://" if pattern in (URL_PATTERN, HTTPS_PATTERN) else None
            report.error(loc, f"`{name}` is empty", fill_in(doc, model, loc, needed or pattern_meaning or "some text"))
        elif pattern in (URL_PATTERN, HTTPS_PATTERN):
            noted = isinstance(entry := value_at(doc.data, loc[:-1]), dict) and "note" in entry
            hint = url_hint(value, pattern == HTTPS_PATTERN, noted)
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
        elif pattern == REF_PATTERN and (ref_hint := _ref_meant(doc.data, value)):
            report.error(loc, wrong, ref_hint)
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
            report.error(loc, f"`{name}` must not be blank", fill_in(doc, model, loc, "some text"))
    elif kind == "string_too_short":
        what = "one of the nine English regions: " + ", ".join(REGIONS) if name == "region" else "some text"
        report.error(
            loc, f"`{name}` is empty" if value == "" else f"`{name}` must not be blank", fill_in(doc, model, loc, what)
        )
    elif kind == "too_short" and len(loc) == 2 and loc[0] == "scales":
        if doc.node(loc + (REPEATED,)) is not None and len(value) + 1 >= PLACES:
            return  # a grade written twice, and counted once, where the repeat made up the count: said as such
        report.error(
            loc,
            f"scale `{loc[1]}` has {len(value)} grade{'s' if len(value) != 1 else ''}; the site places each grade "
            f"on one of {PLACES}, best to worst",
            f"give the scale {PLACES} grades, best first: the last is read as inadequate, which monitoring visits "
            "follow and recovery is counted from",
            key=True,
        )
    elif kind == "too_short":
        report.error(loc, f"`{name}` must not be empty", "list the ids of the sources this rests on")
    elif kind == "string_too_long":
        report.error(
            loc,
            f"{what} is {len(value):,} characters long; the limit is {ctx['max_length']:,}",
            "shorten it: quote the essential words and link the source for the rest",
        )
    elif kind == "too_long" and len(loc) == 2 and loc[0] == "scales":
        report.error(
            loc,
            f"scale `{loc[1]}` has {len(value)} grades; the site colours {PLACES}, best to worst",
            f"give the scale {PLACES} grades: a fifth would be drawn without a colour on the map, the "
            "charts and its tags",
            key=True,
        )
    elif kind == "too_long":
        # A mapping's length is not given (pydantic's `actual_length` is None): its keys are counted.
        count = ctx["actual_length"] if ctx.get("actual_length") is not None else len(value)
        items = "keys" if isinstance(value, dict) else "items"
        report.error(
            loc,
            f"{what} has {count:,} {items}; the limit is {ctx['max_length']:,}",
            f"check that the {items} were not pasted twice, and that each belongs here",
            key=True,
        )
    elif kind == "term_words":
        report.error(
            loc,
            f"{what} is {ctx['count']} words long; a term, and each of its forms, is at most {ctx['most']}",
            "write the words as the points do, as few as name it (an abbreviation and what it stands for are "
            "each a form); what it means goes in `meaning`",
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
                f"`{name}` must be {word} {limit}, but {as_read(raw, value)}",
                "; ".join(filter(None, [leading_zero(raw) or "write the number in plain digits", hint])),
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
            f"write {what}" if "visited" in loc else fill_in(doc, model, loc, what),
        )
    elif kind == "date_year":
        report.error(
            loc,
            f"`{name}`: {error['msg']}",
            f"check the year: nothing this site records is dated before {EARLIEST_YEAR}",
        )
    elif kind in ("date_type", "date_format", "date_value"):
        example = "for example 2017-01-24, or 2017-01 when the day is not known"

        def date_hint(value: Any) -> str:
            span = _span(value) if "visited" in loc else ""
            return (
                span
                or _last_day_alone(doc.data, loc, value)
                or _dashed(value)
                or _unhyphened(value)
                or date_written(value)
                or _not_known(value, model, loc)
                or _year_alone(value)
                or _informal_date(value)
            )

        hint = date_hint(value) or _stray_marks(value, date_hint) or example
        # Reports often say "since 2017" of a trust: the month is not guessed, where the body
        # is listed alone (its list is the file's, at the place the error names), which is
        # when the check lets its start be left out.
        if tuple(loc) == ("delivery", 0, "from") and hint == _year_alone(value) and len(doc.data["delivery"]) == 1:
            hint += "; if no source gives the month, leave `from` out and give the year in `note`"
        report.error(loc, f"`{name}`: {error['msg']}", hint)
    else:
        report.error(loc, f"`{name}`: {error['msg']}", "")


def _not_valid(value: Any, loc: Path_, name: str) -> str:
    """That a value is refused: of a judgement, as not a grade, whatever the judgement is called."""
    graded = len(loc) > 1 and loc[-2] == "judgements" and isinstance(loc[-1], str)
    return f"`{_one_line(value)}` is not " + ("how a grade is written" if graded else f"a valid `{name}`")


def unwrap(annotation: Any) -> list[Any]:
    """The concrete types an annotation may hold, through Annotated, unions and Optional."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in unwrap(arg)]
    return [annotation]


def models_at(model: type[BaseModel], path: Path_) -> list[type[BaseModel]]:
    """The models the mapping at path may be."""
    current: list[Any] = [model]
    for part in path:
        following: list[Any] = []
        for kind in current:
            origin = typing.get_origin(kind)
            if isinstance(kind, type) and issubclass(kind, BaseModel) and isinstance(part, str):
                if (info := _field_named(kind, part)) is not None:
                    following.extend(unwrap(info.annotation))
            elif origin is list and isinstance(part, int):
                following.extend(unwrap(typing.get_args(kind)[0]))
            elif origin is dict and isinstance(part, str):
                following.extend(unwrap(typing.get_args(kind)[1]))
        current = following
    return [kind for kind in current if isinstance(kind, type) and issubclass(kind, BaseModel)]


def _field_named(kind: type[BaseModel], key: str | int) -> FieldInfo | None:
    """The field a mapping's key names, by its alias where it has one (`from`)."""
    return next((info for name, info in kind.model_fields.items() if (info.alias or name) == key), None)


def fields_at(model: type[BaseModel], path: Path_) -> list[str]:
    """The keys allowed in the mapping at path, for did-you-mean hints."""
    return [info.alias or name for kind in models_at(model, path) for name, info in kind.model_fields.items()]


# A key for the day an action was done, as a tracker's column names it.
_DONE_ON = re.compile(r"(?:date[ _-]?)?(?:completed|completion|done|finished)(?:[ _-]?(?:on|date))?")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")  # a date's sign in words beside a status: `done 2024-05-01`, `since June 2024`


def _is_date(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", value) is not None


def _done_update(day: Any, status: str = "done") -> str:
    """The update that records an action done (or dropped) on day, as the hint gives it."""
    written = day if _is_date(day) else "YYYY-MM-DD"
    return f"add `- {{date: {written}, status: {status}, note: …}}` at the end of its `updates:`"


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
    if status == "dropped":
        # Never the action's own: it started with another, and the update says why it went.
        return (
            "give the action the status it started with, and record the day it was dropped in an update: "
            + _done_update(rest.strip(), "dropped")
        )
    return f"a status is one word: write `{status}`; an update's `date` says when it changed"


# Keys named for what they mean, spelt nothing like the format's: the words the page and the
# guide use (an action "answers" a recommendation), or a spreadsheet's column.
_ANSWERS = frozenset({"answers", "answer", "addresses", "recommendation", "recommendations", "responds", "response"})
_DESCRIBED = frozenset({"description", "details", "detail", "desc", "action"})


def _key_for(doc: Document, model: type[BaseModel], loc: Path_, value: str) -> str | None:
    """The key of the entry at loc[:-1], not written yet, of which value is one of the choices."""
    entry = value_at(doc.data, loc[:-1])
    written = entry.keys() if isinstance(entry, dict) else set()
    at = loc[:-1]
    return next(
        (key for key in fields_at(model, at) if key not in written and value in _choices(model, (*at, key))), None
    )


def _text_above(doc: Document, loc: Path_, value: Any) -> str:
    """`started: the new director…` in line with `summary: Inspectors found that…` just above
    it: the summary's words, wrapped at its key's indentation. "" unless both read as prose."""
    here = doc.node(loc)
    if here is None or not isinstance(value, str) or len(value.split()) < 3 or here.key_line < 2:
        return ""
    line = doc.lines[here.key_line - 1]
    above = re.match(r"(\s*)([a-z_]+): (\S.*)$", doc.lines[here.key_line - 2])
    lead = line[: len(line) - len(line.lstrip())]
    if above is None or above[1] != lead or above[3][0] in "\"'|>" or len(above[3].split()) < 3:
        return ""
    key = above[2]
    return (
        f"if this line goes on with the text of `{key}:` on line {here.key_line - 1}, write `{key}: |` and the "
        f"text on the lines below it, indented further than `{key}:`"
    )


def key_hint(written: str, allowed: list[str]) -> str:
    """What an unknown key may have meant: written as a heading (`Due date`), misspelt, or a
    word for what it means."""
    if look_alike := _look_alike(written):
        return look_alike
    if ":" in written.strip(":") and (key := written.partition(":")[0].strip()) in allowed:
        return f"write a space after the colon: `{key}: {written.partition(':')[2].strip()}`"
    words = re.split(r"[\s_-]+", written.strip().lower())
    if "_".join(words) in allowed:
        return f"write it as `{'_'.join(words)}`"
    if words[0] in allowed:
        return f"did you mean `{words[0]}`?"
    if words[0] in _ANSWERS and "responds_to" in allowed:
        return "the recommendations an action answers go under `responds_to`, like `[ilacs-2023/r1]`"
    if words[0] in _ANSWERS and "in_response_to" in allowed:
        return "the inspections a plan answers go under `in_response_to`, like `[ilacs-2023]`"
    if words[0] in _DESCRIBED and "updates" in allowed:
        return (
            "an action has no description: its words go in `title`, and what has happened since in an update's `note`"
        )
    return did_you_mean(written.lower(), allowed)


def _records(data: Any, key: str) -> list[dict[str, Any]]:
    """The entries of a list in the file as written (or in one of its entries), whatever else the list holds."""
    items = data.get(key) if isinstance(data, dict) else None
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def with_ids(data: Any, key: str) -> list[dict[str, Any]]:
    """Those of them whose id is text: others are told of elsewhere, and name nothing to offer."""
    return [item for item in _records(data, key) if isinstance(item.get("id"), str)]


def _id_in_words(data: Any, value: str) -> str:
    """`[ilacs 2023]` where the file has inspection `ilacs-2023` (or a source so named): that id,
    not two ids without a comma."""
    fixed = _slug_of(value)
    defined = {item["id"] for key in ("inspections", "sources") for item in with_ids(data, key)}
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
    inspections, sources = with_ids(data, "inspections"), with_ids(data, "sources")
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
    return {f"{i['id']}/{r.get('id')}" for i in with_ids(data, "inspections") for r in _records(i, "recommendations")}


def _parted_ref(data: Any, loc: Path_, value: str) -> tuple[str, bool] | None:
    """`responds_to: [ilacs-2025, r1]`: the reference a comma parted, and whether value is its first part."""
    listed, k = value_at(data, loc[:-1]), loc[-1]
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
        for i in with_ids(data, "inspections")
        for r in _records(i, "recommendations")
        if str(r.get("id")).casefold() == rec.casefold()
    ][::-1]  # inspections are listed oldest first
    plan = _plan_at(data, loc)
    answers = plan.get("in_response_to") if plan else None
    named = [ref for ref in found if isinstance(answers, list) and ref.partition("/")[0] in answers]
    return (named + [ref for ref in found if ref not in named])[:3]


def _plan_at(data: Any, loc: Path_) -> dict[str, Any] | None:
    """The plan, as written, that a value of one of its actions (loc) is in."""
    plan = value_at(data, loc[:2]) if loc[:1] == ("plans",) else None
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
    return f"write the id of one of the plan's workstreams: {workstream_names(workstreams)}"


def workstream_names(workstreams: Sequence[tuple[str, str]]) -> str:
    """Workstreams as a hint names them, each id with its title: `A` (Workforce), `B` (Voice)."""
    return ", ".join(f"`{id_}` ({title})" if title else f"`{id_}`" for id_, title in workstreams)


def _fields_for(model: type[BaseModel], loc: Path_) -> list[FieldInfo]:
    """The fields the key at loc may be, one per model its mapping may be."""
    return [info for kind in models_at(model, loc[:-1]) if (info := _field_named(kind, loc[-1])) is not None]


def _is_id(model: type[BaseModel], loc: Path_) -> bool:
    """Whether the value at loc is an id (`id`, `workstream`): letters, digits and hyphens."""
    return any(getattr(m, "pattern", None) == ID_PATTERN for info in _fields_for(model, loc) for m in info.metadata)


def _choices(model: type[BaseModel], loc: Path_) -> list[str]:
    """The values the key at loc may take, where the model lists them (`status`)."""
    for info in _fields_for(model, loc):
        if typing.get_origin(info.annotation) is typing.Literal:
            return [str(choice) for choice in typing.get_args(info.annotation)]
    return []


# An action's own status that means dropped: it started with another, and an update says when and why it went.
_DROPPED_ON_ITS_DAY = (
    "if the plan dropped it, give the action the status it started with, and record the day it was dropped in "
    f"an update: {_done_update(None, 'dropped')}"
)


def _offered(loc: Path_, choices: list[str]) -> list[str]:
    """The values a hint offers for the key at loc: not `dropped` for an action's own status,
    which is the one it started with (an update drops it, on its day, saying why)."""
    if tuple(loc[-3::2]) == ("actions", "status"):
        return [choice for choice in choices if choice != "dropped"]
    return choices


def is_required(model: type[BaseModel], loc: Path_) -> bool:
    """Whether the key at loc must be there."""
    return any(info.is_required() for info in _fields_for(model, loc))


def fill_in(doc: Document, model: type[BaseModel], loc: Path_, what: str, shown: str | None = None) -> str:
    """A hint for a value left empty: write it, or, where the key is optional, remove it."""
    if is_required(model, loc):
        return f"write {what} (`{loc[-1]}` is required)"
    return f"write {what}, or {deletion(doc, loc, shown)}"


def deletion(doc: Document, loc: Path_, shown: str | None = None) -> str:
    """How to remove the value at loc (written as `shown`, else as the file has it): its line,
    or, inside `{...}` or a `[...]` of several items, only it, since the line holds more (an
    action, or the other ids of the list)."""
    if not in_brackets(doc.lines, doc.node(loc[:-1])):
        return "delete the line"
    if shown is None:
        node = doc.node(loc)
        shown = node.raw if node is not None and node.raw is not None else ""
    if isinstance(loc[-1], int):
        listed = value_at(doc.data, loc[:-1])
        if isinstance(listed, list) and len(listed) == 1 and not in_brackets(doc.lines, doc.node(loc[:-2])):
            return "delete the line"  # `key: [todo]` alone on its line: the line holds only it
        return f"delete `{shown}` from the list"
    return f"delete `{f'{loc[-1]}: {shown}'.strip()}` from the braces"


# Where each kind of entry belongs: (its model, what it is, the key of its list, where that is).
ENTRIES: list[tuple[type[BaseModel], str, str, str]] = [
    (Source, "a source", "sources", "under `sources:`"),
    (Inspection, "an inspection", "inspections", "under `inspections:`"),
    (Plan, "a plan", "plans", "under `plans:`"),
    (Note, "a note", "notes", "under `notes:`"),
    (Delivery, "a period of delivery", "delivery", "under `delivery:`"),
    (Recommendation, "a recommendation", "recommendations", "under an inspection's `recommendations:`"),
    (Action, "an action", "actions", "under a plan's `actions:`"),
    (Update, "an update", "updates", "under an action's `updates:`"),
]


def entries_with(
    keys: Iterable[str], but: type[BaseModel] | None = None
) -> list[tuple[type[BaseModel], str, str, str]]:
    """The kinds of entry (rows of ENTRIES) besides `but` that have every one of keys."""
    return [entry for entry in ENTRIES if entry[0] is not but and set(keys) <= keys_of(entry[0])]


@functools.cache
def keys_of(model: type[BaseModel]) -> frozenset[str]:
    return frozenset(fields_at(model, ()))


def _out_of_last_item(doc: Document, model: type[BaseModel], loc: Path_) -> str:
    """For a key of an entry written under the last item of one of its lists (an inspection's
    `notes:` under its last recommendation): how far out to move it, in line with the list's key.

    Only the last key of the last item: a key moved out from above another would end the
    list, or the item, there. Only in block style: in brackets it is not a matter of spaces.
    """
    if len(loc) < 4 or not isinstance(loc[-2], int) or not isinstance(loc[-3], str):
        return ""
    outer, items = value_at(doc.data, loc[:-3]), value_at(doc.data, loc[:-2])
    if not isinstance(outer, dict) or loc[-1] in outer or not isinstance(items, list) or loc[-2] != len(items) - 1:
        return ""
    if (
        str(loc[-1]) not in fields_at(model, loc[:-3])
        or not isinstance(items[-1], dict)
        or list(items[-1])[-1] != loc[-1]
    ):
        return ""
    line, col = doc.locate(loc[:-2], key=True)
    stray_line, stray_col = doc.locate(loc, key=True)
    item_line, item_col = doc.locate(loc[:-1])
    before_key = doc.lines[stray_line - 1][: stray_col - 1]
    before_item = doc.lines[item_line - 1][: item_col - 1]
    if before_key.strip() or not before_item.rstrip().endswith("-") or stray_col <= col:
        return ""
    node = doc.node(loc)
    lines = node is not None and doc.last_line(node.line, node.col) > node.key_line
    what = next((name for kind, name, *_ in ENTRIES if kind in models_at(model, loc[:-3])), "the entry")
    return (
        f"`{loc[-1]}` is a key of {what}: move it {shifted(col - stray_col)}, in line with `{loc[-3]}:` "
        f"(line {line})" + (", and the lines of its value with it" if lines else "")
    )


def _is_grade(loc: Path_) -> bool:
    """Whether loc is a judgement's grade in an authority file."""
    return len(loc) == 4 and loc[0] == "inspections" and loc[2] == "judgements"


def grades_hint(data: Any, path: Path_, key: str, frameworks: Frameworks, delete: str) -> str:
    """What to write for a judgement's grade: the grades of its inspection's scale."""
    inspection = value_at(data, path[:2])
    kind = frameworks.types.get(str(inspection.get("type"))) if isinstance(inspection, dict) else None
    scale = list(frameworks.scales.get(kind.scale or "", {})) if kind else []
    grades = either(scale) if len(scale) > 1 else "as frameworks.yaml names it"
    optional = "" if kind is None or key in kind.headline else f"; or {delete} if the report does not grade it"
    return f"write the grade the report gives: {grades}{optional}"
