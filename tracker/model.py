"""The content model: what each YAML file may hold, as frozen, strict pydantic models.

Strict means no coercion: `owner: yes` is a boolean to YAML and is refused where text
is expected, instead of quietly becoming "True" on a page. The checks that need more
than one field or file (references, dates against the as-of day, grades against
frameworks) live in validate.py.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag
from pydantic_core import PydanticCustomError, core_schema

from .reference import Reference

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_PATTERN = r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$"
REF_PATTERN = r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*/[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$"
URL_PATTERN = r"^https?://[^\s/?#@]+(?:[/?#][^\s]*)?$"
EMAIL_PATTERN = r"^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$"
GSS_PATTERN = r"^[A-Z][0-9]{8}$"

# What each pattern means to an editor, for error messages.
PATTERN_MEANING = {
    SLUG_PATTERN: "lowercase letters, digits and single hyphens, like `requires-improvement`",
    ID_PATTERN: "letters, digits and single hyphens, like `sif-2016` or `A1`",
    REF_PATTERN: "an inspection id and a recommendation id joined by `/`, like `sif-2016/r6`",
    URL_PATTERN: "a web address starting with `https://` or `http://`",
    EMAIL_PATTERN: "an email address, like `team@example.org`",
    GSS_PATTERN: "a capital letter and 8 digits, like `E10000034`",
}

Key = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Ref = Annotated[str, StringConstraints(pattern=REF_PATTERN)]
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN)]
Email = Annotated[str, StringConstraints(pattern=EMAIL_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]
Markdown = Annotated[str, StringConstraints(min_length=1, pattern=r"\S"), Field(description="Markdown")]
Status = Literal["not-started", "on-track", "at-risk", "off-track", "done"]
Timescale = Literal["immediately", "within-3-months", "within-6-months"]

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
        match = _DATE.match(value)
        if not match:
            raise PydanticCustomError(
                "date_format", "`{value}` is not a date written YYYY-MM-DD or YYYY-MM", {"value": value}
            )
        year, month = int(match[1]), int(match[2])
        day = int(match[3]) if match[3] else None
        # Year 0 parses but has no Python date, and every rule compares dates.
        if (
            year < 1
            or not 1 <= month <= 12
            or (day is not None and not 1 <= day <= calendar.monthrange(year, month)[1])
        ):
            raise PydanticCustomError("date_value", "`{value}` is not a real calendar date", {"value": value})
        return cls(year, month, day)

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


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=False)


# site.yaml -----------------------------------------------------------------------------


class Link(Strict):
    name: Text
    url: Url


class Site(Strict):
    title: Text
    publisher: Link
    base_url: Url
    contact: Email
    licence: Link


# frameworks.yaml -----------------------------------------------------------------------


class Period(Strict):
    from_: PartialDate | None = Field(default=None, alias="from")
    to: PartialDate | None = None


class DatedJudgement(Strict):
    label: Text
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
    headline: list[Key] = []
    recommendations_label: Text = "Recommendations"
    judgements: dict[Key, JudgementLabel] = {}

    @property
    def label(self) -> str:
        return self.short_name or self.name

    def judgement_label(self, key: str) -> str:
        value = self.judgements[key]
        return value if isinstance(value, str) else value.label

    def judgement_period(self, key: str) -> tuple[PartialDate | None, PartialDate | None]:
        value = self.judgements.get(key)
        return (value.from_, value.to) if isinstance(value, DatedJudgement) else (None, None)


class Frameworks(Strict):
    scales: dict[Key, dict[Key, Text]]
    types: dict[Key, InspectionType]


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
    via: Text | None = Field(default=None, description="How the source was collected, e.g. a dataset")
    note: Text | None = Field(
        default=None,
        description="A caveat about the source itself, e.g. why a link goes to a listing rather than the document",
    )


class Note(Strict):
    text: Markdown
    sources: Annotated[list[Id], Field(min_length=1)]
    kind: Literal["caveat", "disagreement"] = "caveat"


class Delivery(Strict):
    from_: PartialDate = Field(alias="from")
    to: PartialDate | None = None
    by: Text
    note: Text | None = None
    sources: list[Id] = []


class VisitRange(Strict):
    from_: PartialDate = Field(alias="from")
    to: PartialDate


def _visit_kind(value: Any) -> str:
    return "~range" if isinstance(value, dict) else "~date"


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
    sources: list[Id] = []


class AreaGrade(Strict):
    area: Text
    grade: Key
    under: Key | None = None


class Inspection(Strict):
    id: Id
    type: Key
    title: Text | None = None
    visited: Visited | None = None
    published: PartialDate | None = None
    judgements: dict[Key, Key] = {}
    area_grades: list[AreaGrade] = []
    focus: Text | None = None
    summary: Markdown | None = None
    sources: Annotated[list[Id], Field(min_length=1)]
    recommendation_count: Annotated[int, Field(ge=0)] | None = None
    recommendations: list[Recommendation] = []
    notes: list[Note] = []

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
    sources: list[Id] = []


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
    responds_to: list[Ref] = []
    updates: list[Update] = []
    sources: list[Id] = []

    @property
    def current_status(self) -> str:
        """The latest update's status overrides the action's own."""
        return next((u.status for u in reversed(self.updates) if u.status), self.status)

    @property
    def current_due(self) -> PartialDate | None:
        return next((u.due for u in reversed(self.updates) if u.due), self.due)


class Plan(Strict):
    id: Id
    title: Text
    adopted: PartialDate | None = None
    closed: PartialDate | None = None
    in_response_to: list[Id] = []
    sources: list[Id] = []
    priorities: list[Text] = []
    workstreams: list[Workstream] = []
    actions: list[Action]


class Authority(Strict):
    name: Text
    codes: Codes | None = None
    region: Text | None = None
    created: PartialDate | None = None
    abolished: PartialDate | None = None
    predecessors: list[Key] = []
    successors: list[Key] = []
    delivery: list[Delivery] = []
    sources: list[Source] = []
    inspections: list[Inspection] = []
    plans: list[Plan] = []
    notes: list[Note] = []


@dataclass(frozen=True)
class Content:
    """All of a content folder, validated."""

    site: Site
    frameworks: Frameworks
    authorities: dict[str, Authority]  # by slug, in slug order
    files: dict[str, Path]  # slug: the authority's file
    reference: Reference = field(default_factory=Reference)  # content/reference/: hex map, neighbours
