"""Whether a literal JSON-LD value (a string, number or boolean) fits its property's range.

Split from :mod:`newsmodel.validation.schemaorg` because literal checks are their own grammar
(ISO 8601 dates and times, booleans written as text, URLs, enumeration members) and do not
walk the node structure: the node checker hands each literal here with the property it fills.
With the vocabulary a value is checked against the property's ranges; without it only the
properties whose range everybody knows (:data:`DATE_TERMS`, :data:`BOOLEAN_TERMS`) are.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from newsmodel.validation.quoting import quote
from newsmodel.validation.vocabulary import Vocabulary, term_name

_DATE = re.compile(r"^-?\d{4}(-\d{2}(-\d{2})?)?$")
DATE_TIME = re.compile(
    r"^-?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(?P<zone>Z|[+-]\d{2}:?\d{2})?$"
)
"""An ISO 8601 date-time; the ``zone`` group is empty when no time zone is given."""
_TIME = re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
DATE_TERMS = frozenset(
    {
        "datePublished",
        "dateModified",
        "dateCreated",
        "startDate",
        "endDate",
        "uploadDate",
        "expires",
        "foundingDate",
        "birthDate",
        "deathDate",
    }
)
"""Date properties checked even without the vocabulary (their range is Date or DateTime)."""
BOOLEAN_TERMS = frozenset({"isAccessibleForFree", "isFamilyFriendly"})
TEXT_TYPES = frozenset(
    {
        "Text",
        "URL",
        "CssSelectorType",
        "XPathType",
        "PronounceableText",
        "Quantity",
        "Distance",
        "Duration",
        "Energy",
        "Mass",
    }
)
"""Ranges a string can fill: text types, and schema.org's Quantity types (``"3 km"``)."""


class Sink(Protocol):
    """Where a check reports: an issue code, its message and the JSON pointer it is at."""

    def error(self, code: str, message: str, pointer: str) -> None: ...

    def warning(self, code: str, message: str, pointer: str) -> None: ...


def ranges_of(vocabulary: Vocabulary | None, name: str) -> frozenset[str] | None:
    """The ranges of property ``name``; None without the vocabulary or for an unknown term."""
    if vocabulary is None:
        return None
    prop = vocabulary.properties.get(name)
    return prop.ranges if prop else None


def check_literal(
    sink: Sink, vocabulary: Vocabulary | None, name: str, value: Any, pointer: str
) -> None:
    """Report a literal ``value`` of property ``name`` that its range does not take."""
    ranges = ranges_of(vocabulary, name)
    if ranges is None:
        # No vocabulary: check only the properties whose range everybody knows.
        if name in DATE_TERMS and isinstance(value, str):
            _check_date(sink, name, value, frozenset({"Date", "DateTime"}), pointer)
        elif name in BOOLEAN_TERMS and isinstance(value, str):
            _boolean_text(sink, name, value, pointer)
        return
    if not ranges:
        return
    textual = bool(ranges & TEXT_TYPES)
    dates = ranges & {"Date", "DateTime", "Time"}
    if isinstance(value, bool):
        if "Boolean" not in ranges and not textual:
            sink.error(
                "jsonld.range",
                f"{name!r} expects {_wanted(ranges)}, found the boolean {quote(value)}",
                pointer,
            )
        return
    if isinstance(value, int | float):
        numeric = ranges & {
            "Number",
            "Integer",
            "Float",
            "QuantitativeValue",
            "Distance",
            "Duration",
            "Energy",
            "Mass",
        }
        if not numeric and not textual:
            sink.error(
                "jsonld.range",
                f"{name!r} expects {_wanted(ranges)}, found the number {quote(value)}",
                pointer,
            )
        return
    if not isinstance(value, str):
        return
    if dates and not textual:
        _check_date(sink, name, value, dates, pointer)
        return
    if "Boolean" in ranges and not textual:
        _boolean_text(sink, name, value, pointer)
        return
    if textual or ranges & {"Number", "Integer", "Float"}:
        if "URL" in ranges and not (ranges - {"URL"}) and not looks_like_url(value):
            sink.error("jsonld.range", f"{name!r} expects a URL, found {quote(value)}", pointer)
        return
    if _is_enumeration_value(vocabulary, ranges, value) or looks_like_url(value):
        return  # an IRI naming the thing (or the enumeration member) is fine
    if name == "author":
        return  # Google's guidance reports it (jsonld.author-text), with the fix
    sink.warning(
        "jsonld.text-for-thing",
        f"{name!r} expects {_wanted(ranges)}, found the text {quote(value)}; "
        f'use an object with "@type" and "name"',
        pointer,
    )


def _wanted(ranges: frozenset[str]) -> str:
    return " or ".join(sorted(ranges)[:5])


def _is_enumeration_value(
    vocabulary: Vocabulary | None, ranges: frozenset[str], value: str
) -> bool:
    if vocabulary is None:
        return False
    member = term_name(value)
    if member is None:
        return False
    enumeration = vocabulary.members.get(member)
    return enumeration is not None and any(vocabulary.is_a(enumeration, r) for r in ranges)


def _check_date(sink: Sink, name: str, value: str, dates: frozenset[str], pointer: str) -> None:
    # A date-time where only Date is named is accepted, as schema.org's own tools do.
    if (
        (dates & {"Date", "DateTime"} and DATE_TIME.match(value))
        or ("Date" in dates and _DATE.match(value))
        or ("Time" in dates and _TIME.match(value))
    ):
        return
    wanted = " or ".join(sorted(dates))
    sink.error(
        "jsonld.date-format",
        f"{name!r} is {quote(value)}, not an ISO 8601 {wanted} "
        "(write 2025-11-07 or 2025-11-07T09:30:00+02:00)",
        pointer,
    )


def _boolean_text(sink: Sink, name: str, value: str, pointer: str) -> None:
    if value.strip().lower() in ("true", "false"):
        sink.error(
            "jsonld.boolean-text",
            f"{name!r} is the string {quote(value)}; write the JSON boolean "
            f"{value.strip().lower()} without quotes",
            pointer,
        )
    elif term_name(value) not in ("True", "False"):
        sink.error("jsonld.range", f"{name!r} expects a Boolean, found {quote(value)}", pointer)


def looks_like_url(value: str) -> bool:
    """Whether a string is written as an IRI (absolute, relative or a fragment)."""
    return value.startswith(
        ("http://", "https://", "//", "/", "urn:", "mailto:", "tel:", "#", "data:")
    )


__all__ = [
    "BOOLEAN_TERMS",
    "DATE_TERMS",
    "DATE_TIME",
    "TEXT_TYPES",
    "Sink",
    "check_literal",
    "looks_like_url",
    "ranges_of",
]
