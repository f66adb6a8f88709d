"""The content model: what each YAML file may hold, as frozen, strict pydantic models.

Strict means no coercion: `owner: yes` is a boolean to YAML and is refused where text
is expected, instead of quietly becoming "True" on a page. The checks that need more
than one field or file (references, dates against the as-of day, grades against
frameworks) live in validate.py, crossfile.py and settings.py.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import typing
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag
from pydantic_core import PydanticCustomError, core_schema

from .reference import GSS_PATTERN, Reference

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# The key the pages (grades/none/) and the data give authorities with no single headline
# grade: a grade of frameworks.yaml may not take it.
NO_GRADE = "none"
ID_PATTERN = r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$"
REF_PATTERN = r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*/[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$"
# A host name, an optional port, then only the characters RFC 3986 allows in a URL: no
# spaces, quotes, angle brackets or backslashes, so an address is safe in any attribute.
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_PORT = r"(?:[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])"  # 1 to 65535
URL_PATTERN = rf"^https?://(?:{_LABEL}\.)*{_LABEL}(?::{_PORT})?(?:[/?#][A-Za-z0-9._~!$&'()*+,;=:@/?#%-]*)?$"
# The HTML standard's "valid email address", without `#`, `%`, `&`, `/`, `=` and `?`, which a
# `mailto:` link would read as the start of its subject, copies and other fields: a hidden Bcc.
EMAIL_PATTERN = rf"^[A-Za-z0-9.!$'*+^_`{{|}}~-]+@{_LABEL}(?:\.{_LABEL})+$"
HTTPS_PATTERN = URL_PATTERN.replace("https?", "https", 1)
# An owner and a repository as GitHub names them, neither starting with `.`: `..` would make
# the content manager's calls to GitHub's API reach other paths.
REPO_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}$"
# A branch as git allows one, in part: no part starts or ends with `.`, none holds `..`.
_BRANCH_PART = r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*"
BRANCH_PATTERN = rf"^{_BRANCH_PART}(?:/{_BRANCH_PART})*$"
# Ofsted's list of an authority's reports, cited where a report's own address is not known.
OFSTED_LISTING = "https://reports.ofsted.gov.uk/provider/44/"

# What each pattern means to an editor, for error messages.
PATTERN_MEANING = {
    SLUG_PATTERN: "lowercase letters, digits and single hyphens, like `requires-improvement`",
    ID_PATTERN: "letters, digits and single hyphens, like `sif-2016` or `A1`",
    REF_PATTERN: "an inspection id and a recommendation id joined by `/`, like `sif-2016/r6`",
    URL_PATTERN: "a web address starting with `https://` or `http://`",
    HTTPS_PATTERN: "a web address starting with `https://`",
    BRANCH_PATTERN: "a git branch name, like `main`",
    REPO_PATTERN: "a GitHub repository as OWNER/NAME, like `example-org/improvement-tracker`",
    EMAIL_PATTERN: "an email address, like `team@example.org`",
    GSS_PATTERN: "E and 8 digits, an English authority's ONS code, like `E10000034`",
}


def site_folder(url: str) -> tuple[str, str] | None:
    """What is wrong with a base URL that names a page (`…/index.html`), carries a query or
    fragment, or has `//` in its path, and the folder it should name instead: every address
    on the site is made by adding to it. None if it names a folder."""
    head, _, _ = url.partition("#")
    head, _, _ = head.partition("?")
    scheme, _, rest = head.partition("://")
    host, _, path = rest.partition("/")
    folder, _, last = path.rpartition("/")
    if "//" in f"/{path}":
        # A page's links start with the path (404.html's are absolute), and a path that starts
        # with `//` names another host: `//evil.example/assets/tables.js`.
        return "has an empty part (`//`) in its path", f"{scheme}://{host}/" + re.sub("/{2,}", "/", path).lstrip("/")
    if re.search(r"\.(html?|php|aspx?|jsp)$", last, re.IGNORECASE):
        return "names a page, not the site's folder", f"{scheme}://{host}/{folder + '/' if folder else ''}"
    return None if head == url else ("has a query or a fragment (`?…`, `#…`) after the site's folder", head)


# Limits: what one value or one file may cost. Each bounds the pages a value appears on,
# so a build's output grows at most linearly with its content (docs/security.md).
MAX_ID = 64  # ids and keys
MAX_URL = 2000
MAX_LINE = 500  # names, titles and labels: a line of a page
MAX_REMARK = 2000  # a plain-text remark: a source's caveat, what a visit looked at
MAX_TEXT = 20_000  # Markdown: a summary, a recommendation, a note
MAX_REFS = 50  # source ids cited by one item
# Source ids cited by one file in all, and points answered by its actions in all: each
# citation shows its source's title and address where it is cited, each answer its action
# under the point, so a file of a few megabytes could otherwise make a page of a gigabyte.
MAX_CITATIONS = 2000
# The places on a scale the site's styles colour, best to worst (`.p0` to `.p3` in
# style.css, on the map, the charts and every grade's tag): a fifth grade would be drawn
# uncoloured, black on black on the map.
PLACES = 4
# A term, and each of its forms, is looked for at every word of every point: a form of many
# words that nearly matches everywhere cost a file of long points minutes (240 words, 13 of
# them); the longest Ofsted's terms need is four ("national social care framework").
MAX_TERM_WORDS = 6

# Characters no web page or feed may hold: C0 and C1 controls (but tab and line breaks),
# surrogates and noncharacters. XML 1.0 forbids most of them; HTML forbids the rest.
_NONCHARACTERS = "".join(f"\\U{plane:04X}FFFE\\U{plane:04X}FFFF" for plane in range(1, 17))
_CONTROL = re.compile(
    f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\ud800-\\udfff\\ufdd0-\\ufdef\\ufffe\\uffff{_NONCHARACTERS}]"
)
# Bidirectional embeddings, overrides and isolates reorder what a reader sees ("Trojan
# source"); refused in all text.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_LOST = re.compile("\ufffd")
# Zero-width and other invisible characters: in a name or title they make two different
# values look identical. Refused there, allowed in running text.
# Besides the zero-width ones: variation selectors, the blank of braille, the annotation and
# musical format marks, and the tag characters (a name of them alone showed as nothing).
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2060-\u206f\u2800\u3164"
    "\ufe00-\ufe0d\ufeff\uffa0\ufff9-\ufffb\U0001d173-\U0001d17a\U000e0000-\U000e007f\U000e0100-\U000e01ef]"
)
# An emoji made of several joined by zero-width joiners (`👩‍💻`), or a flag of England,
# Scotland or Wales, made of tag characters: the editor sees one picture, not its invisible parts.
_PICTURE = "[\u2600-\u27bf\U0001f000-\U0001faff][\ufe0f\U0001f3fb-\U0001f3ff]?"
_JOINED_EMOJI = re.compile(f"{_PICTURE}(?:\u200d{_PICTURE})+|\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f")
# The selectors of a symbol's text or emoji form (`⚠️`): as meant after a symbol, unseen
# after a letter, a digit or a space, or at the start.
_SELECTOR_UNSEEN = re.compile("(?:^|(?<=[\\w\\s]))[\ufe0e\ufe0f]")


def _character_error(value: str, pattern: re.Pattern[str], kind: str, hint: str) -> PydanticCustomError:
    """The error for the first character of value that pattern finds; any others are counted
    and placed, so that one round of fixes removes them all."""
    found = [m.start() + 1 for m in pattern.finditer(value)]
    code = ord(value[found[0] - 1])
    if len(found) == 1:
        return _named_character(code, found[0], kind, hint)
    shown, such = found[1:5], kind.removeprefix("the ")
    if len(shown) == 1:
        more = f", and another {such} character at character {shown[0]}"
    else:
        last = f", {shown[-1]} and {len(found) - 5} more" if len(found) > 5 else f" and {shown[-1]}"
        more = f", and {len(found) - 1} more {such} characters, at characters {', '.join(map(str, shown[:-1]))}{last}"
    return _named_character(code, found[0], kind, hint.replace("delete it", "delete each", 1), more=more)


def _named_character(
    code: int, offset: int, kind: str, hint: str, written: str = "", more: str = ""
) -> PydanticCustomError:
    """The error for a character refused at offset, typed, or written as a reference (`&#1;`);
    more, where others like it follow."""
    called = f"{kind} character"
    if kind == "the control" and (0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE or code > 0x10FFFF):
        called = "the noncharacter"  # a code Unicode keeps for programs' own use, never for text
    elif kind == "the control" and 0xD800 <= code <= 0xDFFF:
        called = "the surrogate"  # half of the pair of codes that stands for one character in UTF-16
    name = unicodedata.name(chr(code), "") if code <= 0x10FFFF else ""
    said = "`{written}` at character {offset} of the text, which stands for {called} U+{code}{name}"
    return PydanticCustomError(
        "text_character",
        said if written else "{called} U+{code}{name} at character {offset} of the text{more}",
        {
            "written": written,
            "called": called,
            "code": f"{code:04X}",
            "name": f" ({name})" if name else "",
            "offset": offset,
            "more": more,
            "hint": hint,
        },
    )


def _running_text(value: str) -> str:
    # The common case: ASCII, with no control character but a tab or a line break. For
    # ASCII text that is the same test as _CONTROL's, which takes twenty times as long on
    # a text of many lines (a summary, a recommendation), since such a text is not printable.
    if value.isascii() and (
        value.isprintable() or value.replace("\n", "").replace("\t", "").replace("\r", "").isprintable()
    ):
        return value
    if _CONTROL.search(value):
        raise _character_error(
            value,
            _CONTROL,
            "the control",
            "delete it; in a double-quoted text, remove the backslash escape that makes it (like `\\x01`)",
        )
    if _BIDI.search(value):
        raise _character_error(
            value,
            _BIDI,
            "the text-direction",
            "delete it: such a character changes the order in which readers see the text",
        )
    if "\ufffd" in value:
        # What an editor shows for a byte it could not read, saved as it was shown: the
        # character that was there is lost, and the page would show the mark.
        raise _character_error(
            value,
            _LOST,
            "the replacement",
            "it stands for a character lost when the file was read in the wrong encoding: retype the character "
            "that belongs here (often `’` or `–`)",
        )
    return value


# A numeric character reference (`&#x202E;`, `&#1`), which Markdown passes on and the page's
# sanitiser decodes: the character it names must pass the same tests as one typed.
# Every digit, as browsers read them: `&#x00000202E;` is U+202E, not U+0202 and a `E`.
_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")


def _markdown_text(value: str) -> str:
    _running_text(value)
    for ref in _CHAR_REF.finditer(value) if "&#" in value else ():
        digits = (ref[1] or ref[2]).lstrip("0") or "0"
        # Past Unicode whatever its value: never an int of thousands of digits, which Python refuses.
        code = int(digits, 16 if ref[1] else 10) if len(digits) <= 16 else 0x110000
        char = chr(code) if code <= 0x10FFFF else "\ufffe"  # past Unicode: refused as a noncharacter
        for pattern, kind in ((_CONTROL, "the control"), (_BIDI, "the text-direction")):
            if pattern.match(char):
                hint = "delete it: a page may not hold that character, however it is written"
                raise _named_character(code, ref.start() + 1, kind, hint, ref.group())
    return value


def _label_text(value: str) -> str:
    _running_text(value)
    if value.isascii():
        return value
    if (emoji := _JOINED_EMOJI.search(value)) is not None:
        joiner = next(c for c in emoji.group() if _INVISIBLE.match(c))
        raise PydanticCustomError(
            "text_character",
            "the emoji `{written}` at character {offset} of the text, whose parts are joined by {called} "
            "U+{code}{name}",
            {
                "written": emoji.group(),
                "called": "the invisible character",
                "code": f"{ord(joiner):04X}",
                "name": f" ({unicodedata.name(joiner, '')})",
                "offset": emoji.start() + 1,
                "more": "",
                "hint": "delete the emoji: names and titles may not hold invisible characters, which make different "
                "names look the same (an emoji of one character, such as ✅, may stay)",
            },
        )
    if _INVISIBLE.search(value):
        raise _character_error(
            value,
            _INVISIBLE,
            "the invisible",
            "delete it: invisible characters make different names look the "
            "same (retype the text if you cannot find it)",
        )
    if _SELECTOR_UNSEEN.search(value):
        raise _character_error(
            value,
            _SELECTOR_UNSEEN,
            "the invisible",
            "delete it: after a letter, a digit or a space it changes nothing that shows, and makes different "
            "names look the same (retype the text if you cannot find it)",
        )
    # `Exаmple`, its `а` Cyrillic, looks like another name and is not it. Only in a word of
    # Latin letters, and only letters that look like Latin ones: `Δd`, `TGFβ` are as meant.
    for word in re.finditer(r"\w+", value):
        if _LATIN.search(word[0]) and (odd := next((c for c in word[0] if c in LOOK_ALIKES), None)):
            at = word.start() + word[0].index(odd)
            raise _named_character(ord(odd), at + 1, "the look-alike", look_alike_hint(odd, word[0]))
    return value


_LATIN = re.compile("[A-Za-z]")
# Cyrillic and Greek letters that look like Latin ones, as a keyboard set to another
# language, or a document, can give them: `wcc-nеws` with a Cyrillic `е`.
LOOK_ALIKES = dict(
    zip(
        "аеорсухіјѕԁԛԝАВЕКМНОРСТХІЈЅοανιΟΑΒΕΖΗΙΚΜΝΡΤΥΧ",
        "aeopcyxijsdqwABEKMHOPCTXIJSoaviOABEZHIKMNPTYX",
        strict=True,
    )
)


def look_alike_hint(odd: str, text: str) -> str:
    """The hint for odd, a letter of LOOK_ALIKES in text: what it is, what it looks like, and text retyped."""
    script = unicodedata.name(odd).split()[0].title()
    typed = "".join(LOOK_ALIKES.get(c, c) for c in text)
    return f"`{odd}` is a {script} letter that looks like `{LOOK_ALIKES[odd]}`: type it again, `{typed}`"


Key = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=MAX_ID)]
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=MAX_ID)]
Ref = Annotated[str, StringConstraints(pattern=REF_PATTERN, max_length=2 * MAX_ID + 1)]
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN, max_length=MAX_URL)]
Email = Annotated[str, StringConstraints(pattern=EMAIL_PATTERN, max_length=254)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_LINE, pattern=r"\S"), AfterValidator(_label_text)]


def _few_words(value: str) -> str:
    if (count := len(value.split())) > MAX_TERM_WORDS:
        raise PydanticCustomError("term_words", "{count} words", {"count": count, "most": MAX_TERM_WORDS})
    return value


# A term or one of its forms: a few words, which the points are searched for.
TermWords = Annotated[Text, AfterValidator(_few_words)]
Markdown = Annotated[
    str,
    StringConstraints(min_length=1, max_length=MAX_TEXT, pattern=r"\S"),
    AfterValidator(_markdown_text),
    Field(description="Markdown"),
]
Remark = Annotated[
    str, StringConstraints(min_length=1, max_length=MAX_REMARK, pattern=r"\S"), AfterValidator(_running_text)
]
Refs = Annotated[list[Id], Field(default_factory=list, max_length=MAX_REFS)]
# In order of progress; `dropped` last: an action the plan gave up, or merged into another,
# keeps its row and history but is no longer counted, nor overdue.
Status = Literal["not-started", "on-track", "at-risk", "off-track", "done", "dropped"]
FINAL_STATUSES = frozenset({"done", "dropped"})  # an action at one of these is never overdue, nor stale
Timescale = Literal["immediately", "within-3-months", "within-6-months"]
# The English regions, spelt as the ONS (and data-to-insight's lookup) spell them, with their
# ONS (GSS) codes, as every authority of each region has them in that lookup (rgn22cd) but
# Buckinghamshire and Gloucestershire, given another region's code there. Another
# region is a warning, not an error: the benchmarks' synthetic content names its own.
REGION_CODES = {
    "North East": "E12000001",
    "North West": "E12000002",
    "Yorkshire and the Humber": "E12000003",
    "East Midlands": "E12000004",
    "West Midlands": "E12000005",
    "East of England": "E12000006",
    "London": "E12000007",
    "South East": "E12000008",
    "South West": "E12000009",
}
REGIONS = tuple(REGION_CODES)

# ASCII digits only: `\d` also matches other scripts' digits (fullwidth ２０１７), which int() reads.
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?\Z")


@dataclass(frozen=True)
class PartialDate:
    """A calendar date, or a whole month when the day is not known."""

    year: int
    month: int
    day: int | None = None

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if not isinstance(value, str):
            raise PydanticCustomError(
                "date_type", "expected a date written YYYY-MM-DD, or YYYY-MM when the day is not known"
            )
        return _read_date(value)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.month, self.day or 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, self.month, self.day or calendar.monthrange(self.year, self.month)[1])

    @property
    def precise(self) -> bool:
        return self.day is not None

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}(-\d{2})?$",
            "description": "YYYY-MM-DD, or YYYY-MM when the day is not known",
        }


# A content file repeats its dates (a plan's updates fall on a few days, an inspection's
# on its visit), and a date is immutable: one reading serves each repeat. Bad dates are
# not kept (an exception is not cached), so each is reported where it is written.
@functools.lru_cache(maxsize=4096)
def _read_date(value: str) -> PartialDate:
    match = _DATE.match(value)
    if not match:
        raise PydanticCustomError(
            "date_format", "`{value}` is not a date written YYYY-MM-DD or YYYY-MM", {"value": value}
        )
    year, month = int(match[1]), int(match[2])
    day = int(match[3]) if match[3] else None
    # Year 0 parses but has no Python date, and every rule compares dates.
    if year < 1 or not 1 <= month <= 12 or (day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]):
        raise PydanticCustomError("date_value", "`{value}` is not a real calendar date", {"value": value})
    if year < EARLIEST_YEAR:
        raise PydanticCustomError("date_year", "`{value}` is in the year {year}", {"value": value, "year": year})
    return PartialDate(year, month, day)


# Nothing the site records is older (a council created in 1889, a source of 1989): a year
# before it is a typo (`1017` for `2017`), which would stretch a page's chart over a millennium.
EARLIEST_YEAR = 1800


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=False)


# site.yaml -----------------------------------------------------------------------------


class Link(Strict):
    name: Text
    url: Url


PLACEHOLDER_REPO = "OWNER/REPO"


class Cms(Strict):
    """Where the Decap CMS admin page (site/admin/) sends editors' changes."""

    repo: Annotated[str, StringConstraints(pattern=REPO_PATTERN, max_length=200)]
    branch: Annotated[str, StringConstraints(pattern=BRANCH_PATTERN, max_length=100)] = "main"
    auth_url: Annotated[str, StringConstraints(pattern=HTTPS_PATTERN, max_length=MAX_URL)] | None = Field(
        default=None, description="An OAuth proxy for the GitHub backend, when the site is not hosted on Netlify"
    )


Compliance = Literal["fully-compliant", "partially-compliant", "not-compliant"]


class Accessibility(Strict):
    """What the accessibility statement says of the site, as its publisher last tested it.

    The public sector's accessibility regulations ask every statement for a compliance
    status against WCAG 2.2 AA, the content that is not accessible, and when the
    statement was prepared and reviewed; only the publisher can say them.
    """

    status: Compliance = Field(description="Against WCAG 2.2 AA, as the publisher's last test found")
    prepared: PartialDate
    reviewed: PartialDate | None = None
    tested: PartialDate | None = Field(default=None, description="When the site was last tested against WCAG 2.2 AA")
    tested_by: Text | None = Field(
        default=None, description="Who tested it, e.g. `the council's digital team` or an auditor's name"
    )
    issues: Annotated[list[Remark], Field(max_length=100)] = Field(
        default_factory=list,
        description="What is not accessible: each failure, the success criterion it fails, when it will be fixed, "
        "and what a reader can do instead",
    )


class Site(Strict):
    title: Text
    publisher: Link
    base_url: Url
    contact: Email
    licence: Link
    data_sources: Annotated[list[Link], Field(max_length=20)] = Field(
        default_factory=list,
        description="The public datasets the content was collected through (an importer's sources), named on the "
        "about page and in datapackage.json",
    )
    accessibility: Accessibility | None = None
    cms: Cms | None = None


# frameworks.yaml -----------------------------------------------------------------------


class Period(Strict):
    from_: PartialDate | None = Field(default=None, alias="from")
    to: PartialDate | None = None


class DatedJudgement(Strict):
    label: Text
    short: Text | None = Field(
        default=None, description="A shorter name where room is tight (the report card), e.g. `Care leavers`"
    )
    from_: PartialDate | None = Field(default=None, alias="from")
    to: PartialDate | None = None


def _judgement_kind(value: Any) -> str:
    return "~dated" if isinstance(value, dict) else "~text"


JudgementLabel = Annotated[
    Annotated[Text, Tag("~text")] | Annotated[DatedJudgement, Tag("~dated")],
    Discriminator(_judgement_kind),
]


class InspectionType(Strict):
    name: Text
    short_name: Text | None = Field(default=None, description="For tables and timelines, e.g. `SIF inspection`")
    description: Markdown | None = None
    in_use: Period | None = None
    graded: bool = True
    scale: Key | None = None
    monitored: bool = Field(
        default=False,
        description="true where an inadequate judgement of this type is followed by monitoring visits until the "
        "authority is inspected again: a page says where none is recorded",
    )
    whole_service: bool = Field(
        default=True,
        description="false where the inspection judged one part of a council's services alone (the 2012–13 "
        "inspections of child protection, or of looked after children): the analysis's recoveries and changes of "
        "grade, which follow whole services, leave it out",
    )
    headline: Annotated[list[Key], Field(max_length=20)] = Field(default_factory=list)
    recommendations_label: Text = "Recommendations"
    priority_label: Text | None = Field(
        default=None,
        description="What the type's reports call their most serious points (`Areas for priority action`), "
        "where they set some apart; a recommendation marked `priority: true` is one of them",
    )
    judgements: Annotated[dict[Key, JudgementLabel], Field(max_length=40)] = Field(default_factory=dict)

    @property
    def heading_known(self) -> bool:
        """Whether frameworks.yaml gives the reports' own heading for their points: the default is this site's word."""
        return "recommendations_label" in self.model_fields_set

    @property
    def label(self) -> str:
        return self.short_name or self.name

    def judgement_label(self, key: str) -> str:
        value = self.judgements[key]
        return value if isinstance(value, str) else value.label

    def judgement_short(self, key: str) -> str:
        value = self.judgements[key]
        return value if isinstance(value, str) else value.short or value.label

    def judgement_period(self, key: str) -> tuple[PartialDate | None, PartialDate | None]:
        value = self.judgements.get(key)
        return (value.from_, value.to) if isinstance(value, DatedJudgement) else (None, None)


class Term(Strict):
    """A word in Ofsted's points that readers may not know, explained under the points that use it."""

    term: TermWords = Field(description="The name readers see, at the start of its explanation: `National framework`")
    forms: Annotated[list[TermWords], Field(max_length=50)] = Field(
        default_factory=list,
        description="Other ways the points write it, such as `enabler 2`; each, and the term, is matched as whole "
        "words whatever their capitals",
    )
    meaning: Text = Field(description="What it means, in a sentence or two, for readers")
    source: Link = Field(description="Where the meaning is stated")

    @property
    def written(self) -> tuple[str, ...]:
        return (self.term, *self.forms)


def terms_in(texts: list[str], terms: Iterable[Term | LocalTerm]) -> tuple[Term | LocalTerm, ...]:
    """The terms that any of the texts use in any of their forms, in the order given (frameworks.yaml's,
    then the authority's own)."""
    folded = [text.casefold() for text in texts]  # as the patterns are: whatever their capitals
    return tuple(t for t in terms if any(_term_pattern(t.written).search(text) for text in folded))


@functools.cache
def _term_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the forms, casefolded, as whole words; a point may break a line between the words.

    The forms are a tree of their words (forms that start alike share a branch), so a text is
    tried once at each place, not once per form: frameworks.yaml may give a term fifty forms.
    """
    tree: dict[str, Any] = {}
    for form in forms:
        node = tree
        for word in form.casefold().split():
            node = node.setdefault(word, {})
        node[""] = {}  # a form ends here
    return re.compile(rf"(?<!\w){_branches(tree)}(?!\w)")


def _branches(node: dict[str, Any]) -> str:
    """The words that may come next in a form, each with what may follow it."""
    ways = []
    for word, rest in node.items():
        if word:
            after = rf"\s+{_branches(rest)}" if len(rest) > ("" in rest) else ""
            ways.append(re.escape(word) + (f"(?:{after})?" if after and "" in rest else after))
    return ways[0] if len(ways) == 1 else f"(?:{'|'.join(ways)})"


class Frameworks(Strict):
    # Exactly PLACES grades: the worst is the fourth place, which monitoring, recovery and the map's colours read.
    scales: Annotated[
        dict[Key, Annotated[dict[Key, Text], Field(min_length=PLACES, max_length=PLACES)]], Field(max_length=20)
    ]
    types: Annotated[dict[Key, InspectionType], Field(max_length=100)]
    terms: Annotated[dict[Key, Term], Field(max_length=30)] = Field(default_factory=dict)

    def judgement_keys(self) -> list[str]:
        """Every type's judgements, each once, in the order the types first give them."""
        return list(dict.fromkeys(j for kind in self.types.values() for j in kind.judgements))


# authorities/<slug>.yaml -----------------------------------------------------------


class Codes(Strict):
    gss: Annotated[str, StringConstraints(pattern=GSS_PATTERN)] | None = None
    dfe: Annotated[int, Field(ge=100, le=999, description="3 digits")] | None = None
    ofsted: Annotated[int, Field(ge=10000, le=99999999, description="5 to 8 digits")] | None = None


class Source(Strict):
    id: Id
    title: Text
    url: Url
    publisher: Text | None = None
    published: PartialDate | None = None
    via: Remark | None = Field(default=None, description="How the source was collected, e.g. a dataset")
    note: Remark | None = Field(
        default=None,
        description="A caveat about the source itself, e.g. why a link goes to a listing rather than the document",
    )


class Note(Strict):
    text: Markdown
    sources: Annotated[list[Id], Field(min_length=1, max_length=MAX_REFS)]
    kind: Literal["caveat", "disagreement", "correction"] = "caveat"
    date: PartialDate | None = Field(
        default=None,
        description="A correction's only: the day the site corrected what it said, which its feeds tell readers",
    )
    not_recorded: Text | None = Field(
        default=None,
        description="A caveat's only: a few words naming what is known to have happened but is not recorded "
        "here (`two monitoring visits between September 2017 and July 2018`), which the page lists under "
        "“Not recorded”",
    )


class LocalTerm(Strict):
    """A word one authority's points use that readers may not know (its own abbreviation, such
    as `TfC`), explained under the points that use it, as frameworks.yaml's terms are."""

    term: TermWords = Field(description="The word as the points write it: `TfC`")
    forms: Annotated[list[TermWords], Field(max_length=20)] = Field(
        default_factory=list, description="Other ways the points write it; each is matched as whole words"
    )
    meaning: Text = Field(description="What it stands for, or means, as its source gives it")
    sources: Annotated[list[Id], Field(min_length=1, max_length=MAX_REFS)] = Field(
        description="Where the meaning is stated: most often the report that spells it out"
    )

    @property
    def written(self) -> tuple[str, ...]:
        return (self.term, *self.forms)


class Delivery(Strict):
    # Some reports name the body without saying since when: the start is left out, not guessed.
    from_: PartialDate | None = Field(default=None, alias="from")
    to: PartialDate | None = None
    by: Text
    note: Remark | None = None
    sources: Refs


class VisitRange(Strict):
    from_: PartialDate = Field(alias="from")
    to: PartialDate


def _visit_kind(value: Any) -> str:
    # A dict when validating, a VisitRange when serialising: both are ranges.
    return "~range" if isinstance(value, dict | VisitRange) else "~date"


# Discriminator tags start with "~" so the validator can drop them from error locations.
Visited = Annotated[
    Annotated[PartialDate, Tag("~date")] | Annotated[VisitRange, Tag("~range")],
    Discriminator(_visit_kind),
]


class Recommendation(Strict):
    id: Id
    text: Markdown
    wording: Literal["quoted", "described"] = Field(
        default="quoted", description="quoted: the report's own words; described: a source's summary of it"
    )
    timescale: Timescale | None = None
    due: PartialDate | None = None
    priority: bool = Field(
        default=False, description="true for a point the report sets apart as an area for priority action"
    )
    sources: Refs


class AreaGrade(Strict):
    area: Text
    grade: Key
    under: Key | None = None


class Inspection(Strict):
    id: Id
    type: Key
    title: Text | None = None
    visited: Visited | None = None
    # A visit in parts (an inspection paused and resumed, as Devon's in 2024): each part, as
    # the report gives them. From the first day to the last alone would read as months on site.
    visited_in_parts: Annotated[list[VisitRange], Field(max_length=6)] = Field(
        default_factory=list, description="each part's first and last day, for a visit in parts"
    )
    published: PartialDate | None = None
    judgements: Annotated[dict[Key, Key], Field(max_length=40)] = Field(default_factory=dict)
    area_grades: Annotated[list[AreaGrade], Field(max_length=100)] = Field(default_factory=list)
    focus: Remark | None = None
    summary: Markdown | None = None
    sources: Annotated[list[Id], Field(min_length=1, max_length=MAX_REFS)]
    recommendation_count: Annotated[int, Field(ge=0, le=200)] | None = None  # as many as may be listed
    recommendations: Annotated[list[Recommendation], Field(max_length=200)] = Field(default_factory=list)
    notes: Annotated[list[Note], Field(max_length=50)] = Field(default_factory=list)

    @property
    def visit_parts(self) -> tuple[tuple[PartialDate, PartialDate], ...]:
        """Each part's first and last day, for a visit in parts; () for a visit in one."""
        return tuple((part.from_, part.to) for part in self.visited_in_parts)

    @property
    def visit_start(self) -> PartialDate | None:
        if isinstance(self.visited, VisitRange):
            return self.visited.from_
        return self.visited

    @property
    def visit_end(self) -> PartialDate | None:
        if isinstance(self.visited, VisitRange):
            return self.visited.to
        return self.visited

    @property
    def date(self) -> PartialDate:
        """The date an inspection is placed at: its visit, else its publication."""
        start = self.visit_start or self.published
        assert start is not None  # validate.py refuses an inspection with neither
        return start


class Update(Strict):
    date: PartialDate
    note: Markdown
    status: Status | None = None
    due: PartialDate | None = None
    sources: Refs


class Workstream(Strict):
    id: Id
    title: Text


class Action(Strict):
    id: Id
    title: Text
    status: Status
    workstream: Id | None = None
    owner: Text | None = None
    due: PartialDate | None = None
    responds_to: Annotated[list[Ref], Field(max_length=50)] = Field(default_factory=list)
    updates: Annotated[list[Update], Field(max_length=500)] = Field(default_factory=list)
    sources: Refs

    @property
    def current_status(self) -> str:
        """The latest update's status overrides the action's own."""
        return next((u.status for u in reversed(self.updates) if u.status), self.status)


class Plan(Strict):
    id: Id
    title: Text
    adopted: PartialDate | None = None
    closed: PartialDate | None = None
    in_response_to: Annotated[list[Id], Field(max_length=50)] = Field(default_factory=list)
    sources: Refs
    priorities: Annotated[list[Remark], Field(max_length=100)] = Field(default_factory=list)
    workstreams: Annotated[list[Workstream], Field(max_length=100)] = Field(default_factory=list)
    actions: Annotated[list[Action], Field(max_length=1000)]


class Authority(Strict):
    name: Text
    codes: Codes | None = None
    region: Text | None = None
    created: PartialDate | None = None
    abolished: PartialDate | None = None
    predecessors: Annotated[list[Key], Field(max_length=20)] = Field(default_factory=list)
    successors: Annotated[list[Key], Field(max_length=20)] = Field(default_factory=list)
    # Addresses the page had before its file was renamed: each keeps a page that sends readers on.
    # Each is a page and a copy of the feed: a handful covers any council's renamings.
    former_slugs: Annotated[list[Key], Field(max_length=5)] = Field(default_factory=list)
    delivery: Annotated[list[Delivery], Field(max_length=100)] = Field(default_factory=list)
    sources: Annotated[list[Source], Field(max_length=2000)] = Field(default_factory=list)
    inspections: Annotated[list[Inspection], Field(max_length=500)] = Field(default_factory=list)
    plans: Annotated[list[Plan], Field(max_length=50)] = Field(default_factory=list)
    notes: Annotated[list[Note], Field(max_length=50)] = Field(default_factory=list)
    # Its own words in Ofsted's points (`TfC`, `MASSH`), explained under the points that use them.
    terms: Annotated[list[LocalTerm], Field(max_length=20)] = Field(default_factory=list)


def anchor(kind: str, *ids: str) -> str:
    """The name of an item's place on its authority's page: `rec-sif-2016-r1`.

    Links made elsewhere point at these names, so they keep the form they have always had,
    though ids may hold hyphens too and two items can come out with one name: the check
    refuses that (page_names).
    """
    return "-".join((kind, *ids))


# The parts of an inspection's and a plan's entry that the page names after it, by suffix.
INSPECTION_PARTS = ("", "-recs", "-areas")
PLAN_PARTS = ("", "-title", "-filters", "-show", "-ws", "-caption")


def page_names(a: Authority) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """Every name the authority's page gives a place: (path of the id that makes it, name, what it is)."""
    # (field, kind, parts, its items, their inner list, its kind, what one is called)
    groups: tuple[tuple[str, str, tuple[str, ...], list[Any], str, str, str], ...] = (
        ("inspections", "inspection", INSPECTION_PARTS, a.inspections, "recommendations", "rec", "recommendation"),
        ("plans", "plan", PLAN_PARTS, a.plans, "actions", "action", "action"),
    )
    for key, kind, parts, items, inner, inner_kind, noun in groups:
        for i, item in enumerate(items):
            for part in parts:
                yield (key, i, "id"), anchor(kind, item.id) + part, f"{kind} `{item.id}`"
            for j, child in enumerate(getattr(item, inner)):
                name = f"{noun} `{item.id}/{child.id}`"
                yield (key, i, inner, j, "id"), anchor(inner_kind, item.id, child.id), name


@functools.cache
def _models() -> tuple[type[BaseModel], ...]:
    """Each kind of entry in a content file."""
    found: list[type[BaseModel]] = []
    models: list[type[BaseModel]] = [Strict]
    while models:
        model = models.pop()
        models.extend(model.__subclasses__())
        found.append(model)
    return tuple(found)


def _keys_of(model: type[BaseModel]) -> frozenset[str]:
    return frozenset(info.alias or name for name, info in model.model_fields.items())


@functools.cache
def _entries() -> tuple[frozenset[str], ...]:
    """The keys of each kind of entry in a content file."""
    return tuple(_keys_of(model) for model in _models())


def keys() -> frozenset[str]:
    """Every key an entry of a content file can hold, in any file (`status`, `from`, `dfe`)."""
    return frozenset().union(*_entries())


@functools.cache
def list_holding(items: frozenset[str], beside_key: str) -> str | None:
    """The one list an entry holding beside_key may have whose items hold every key of items
    (`date`, `status`, `note` beside an action's `status`: `updates`); None unless just one."""
    found = {
        info.alias or name
        for model in _models()
        if beside_key in _keys_of(model)
        for name, info in model.model_fields.items()
        if typing.get_origin(info.annotation) is list
        and isinstance(item := typing.get_args(info.annotation)[0], type)
        and issubclass(item, BaseModel)
        and items <= _keys_of(item)
    }
    return found.pop() if len(found) == 1 else None


def beside(key: str) -> frozenset[str]:
    """The keys that may stand beside key in one entry, of any kind (`plans`: `inspections`, `name`…)."""
    return frozenset().union(*(entry for entry in _entries() if key in entry)) - {key}


@dataclass(frozen=True)
class Content:
    """All of a content folder, validated."""

    site: Site
    frameworks: Frameworks
    authorities: dict[str, Authority]  # by slug, in slug order
    files: dict[str, Path]  # slug: the authority's file
    reference: Reference = field(default_factory=Reference)  # content/reference/: hex map, neighbours


def owes_news(plan: Plan, status: str, abolished: PartialDate | None) -> bool:
    """Whether the council still owes news of an action: neither done nor dropped (status, its
    latest), in a plan not closed, of a council not abolished (an open plan of one is told to
    close instead)."""
    return status not in FINAL_STATUSES and plan.closed is None and abolished is None


def last_heard(
    plan: Plan, action: Action, status: str, abolished: PartialDate | None
) -> tuple[int | None, PartialDate] | None:
    """When the council last said anything of an action it still owes news of (owes_news): its
    newest update by date (its place in the list, and its date; one listed out of order is an
    error of its own, and this should not count from an older one), else its plan's adoption
    (None, and that date). None where nothing more is owed, or there is no day to count from."""
    if not owes_news(plan, status, abolished):
        return None
    newest = max(range(len(action.updates)), key=lambda k: (action.updates[k].date.end, k), default=None)
    heard = action.updates[newest].date if newest is not None else plan.adopted
    return (newest, heard) if heard is not None else None
