"""Constrained types shared by the models: one type per concept, each with stable error codes.

``PartialDate`` is the reduced-precision date news needs (``2024``, ``2024-06``, ``2024-06-12``);
``PublicationDate`` is a calendar date or a date-time; ``EntityId`` and ``LanguageTag`` are
strings with a pattern, so the published JSON Schema can check them too.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from functools import total_ordering
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

PARTIAL_DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
_PARTIAL_DATE_RE = re.compile(PARTIAL_DATE_PATTERN)

ENTITY_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._~:/#-]{0,255}$"
LANGUAGE_TAG_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"
COUNTRY_CODE_PATTERN = r"^[A-Z]{2}$"
PUBLICATION_DATE_PATTERN = (
    r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    r"(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?"
    r"(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])?)?$"
)
"""A date or date-time as ISO 8601 writes it, each field in its range.  A pattern cannot know
the calendar (30 February): the model's parser and the JSON validator's date check do."""

MAX_COUNT = 2**63 - 1
"""The largest offset or count a model holds: every format writes it exactly (orjson and the
JSON Schema validators read integers up to 64 bits; beyond that they turn into floats), so
``validate`` and ``loads`` agree on it."""

EntityId = Annotated[str, Field(pattern=ENTITY_ID_PATTERN, examples=["person-viktor-horemykin"])]
"""Id of a person, organisation, place or event, unique inside one article."""

LanguageTag = Annotated[str, Field(pattern=LANGUAGE_TAG_PATTERN, examples=["uk", "en-GB"])]
"""A BCP 47 language tag such as ``uk`` or ``en-GB``."""

CountryCode = Annotated[str, Field(pattern=COUNTRY_CODE_PATTERN, examples=["UA", "KP"])]
"""An ISO 3166-1 alpha-2 country code in capitals (``UA``); ``XK`` (Kosovo, as GeoNames and
most feeds write it) passes too: the shape is checked, not the list of assigned codes."""


@total_ordering
class PartialDate:
    """A calendar date known to the year, the month or the day.

    Written as ISO 8601 reduced precision (``2024``, ``2024-06``, ``2024-06-12``).  Dates sort by
    their first day, and a coarser date sorts before a finer one starting the same day, so a
    sorted list reads naturally: ``2024 < 2024-06 < 2024-06-01 < 2024-06-02``.
    """

    __slots__ = ("day", "month", "year")

    year: int
    month: int | None
    day: int | None

    def __init__(self, year: int, month: int | None = None, day: int | None = None) -> None:
        if not 1 <= year <= 9999:
            raise ValueError(f"year {year} is outside 1..9999")
        if month is None and day is not None:
            raise ValueError("a day needs a month")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month} is outside 1..12")
        if day is not None and month is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise ValueError(f"day {day} is outside 1..{last} for {year:04d}-{month:02d}")
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "month", month)
        object.__setattr__(self, "day", day)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("PartialDate is immutable")

    def __reduce__(self) -> tuple[type[PartialDate], tuple[int, int | None, int | None]]:
        """Pickle through the constructor: the default protocol restores slots with
        ``setattr``, which an immutable date refuses (articles cross processes in batches)."""
        return (PartialDate, (self.year, self.month, self.day))

    def __copy__(self) -> PartialDate:
        return self  # immutable: a copy could never differ

    def __deepcopy__(self, memo: dict[int, object]) -> PartialDate:
        return self

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; anything else is a ``ValueError``."""
        if not isinstance(text, str) or not _PARTIAL_DATE_RE.match(text):
            raise ValueError(f"{text!r} is not a date written YYYY, YYYY-MM or YYYY-MM-DD")
        parts = [int(part) for part in text.split("-")]
        return cls(*parts)

    @classmethod
    def from_date(cls, value: date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def first_day(self) -> date:
        """The earliest calendar day this date can mean."""
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """The latest calendar day this date can mean."""
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def isoformat(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() == other._key()

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat()!r})"

    @classmethod
    def _validate(cls, value: Any) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, datetime):
            raise PydanticCustomError(
                "partial_date_type",
                "a partial date has no time of day: {value}",
                {"value": str(value)},
            )
        if isinstance(value, date):
            return cls.from_date(value)
        if isinstance(value, str):
            try:
                return cls.parse(value)
            except ValueError as error:
                raise PydanticCustomError(
                    "partial_date",
                    "{value} is not a valid date: {reason}",
                    {"value": repr(value), "reason": str(error)},
                ) from None
        raise PydanticCustomError(
            "partial_date_type",
            "expected a string such as 2024-06, got {kind}",
            {"kind": type(value).__name__},
        )

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls._validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda value: value.isoformat(), when_used="always"
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "pattern": PARTIAL_DATE_PATTERN,
            "description": "ISO 8601 date, reduced precision allowed: YYYY, YYYY-MM or YYYY-MM-DD.",
            "examples": ["2024", "2024-06", "2024-06-12"],
        }


def _parse_publication_date(value: Any) -> date | datetime:
    """A date stays a date and a date-time stays a date-time: never guess a midnight."""
    if isinstance(value, datetime | date):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError(
            "publication_date_type",
            "expected an ISO 8601 date or date-time string, got {kind}",
            {"kind": type(value).__name__},
        )
    text = value
    try:
        if "T" in text or " " in text:
            if not re.match(PUBLICATION_DATE_PATTERN, text.replace(" ", "T", 1)):
                raise ValueError(text)
            return datetime.fromisoformat(text.replace("Z", "+00:00"))
        if not re.match(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise PydanticCustomError(
            "publication_date",
            "{value} is not an ISO 8601 date or date-time",
            {"value": repr(value)},
        ) from None


def _serialise_publication_date(value: date | datetime) -> str:
    return value.isoformat()


class _PublicationDateMarker:
    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            _parse_publication_date,
            serialization=core_schema.plain_serializer_function_ser_schema(
                _serialise_publication_date, when_used="always"
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "pattern": PUBLICATION_DATE_PATTERN,
            "description": "ISO 8601 calendar date, or date-time with an optional zone offset.",
            "examples": ["2025-11-07", "2025-11-07T09:30:00+02:00"],
        }


PublicationDate = Annotated[date | datetime, _PublicationDateMarker]
"""When an article was published: a calendar date, or a date-time (with a zone when known)."""


class Mention(BaseModel):
    """Where an entity or event is named: ``Article.body[start:end] == text``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int = Field(
        ge=0, le=MAX_COUNT, description="Offset of the first character in Article.body."
    )
    end: int = Field(
        ge=0, le=MAX_COUNT, description="Offset just past the last character in Article.body."
    )
    text: str = Field(description="The mentioned text, exactly as in the body.")


__all__ = [
    "MAX_COUNT",
    "CountryCode",
    "EntityId",
    "LanguageTag",
    "Mention",
    "PartialDate",
    "PublicationDate",
]
