"""Dates in publishers' JSON-LD: ISO 8601 as is, other forms only when they have one meaning.

A wrong date is worse than none, so a form that needs a guess (``10/05/2022``: May or October?
``CST``: China or Central US?) is refused with the reason, and every form that is read but is
not ISO 8601 comes with a warning the reader records in ``provenance.warnings``.
"""

from __future__ import annotations

import email.utils
import re
from datetime import UTC, date, datetime, timedelta, timezone

from newsmodel.models import PartialDate
from newsmodel.models.types import PUBLICATION_DATE_PATTERN

_ISO = re.compile(PUBLICATION_DATE_PATTERN)

_ZONES = {
    "UTC": 0,
    "GMT": 0,
    "UT": 0,
    "Z": 0,
    "WET": 0,
    "WEST": 1,
    "CET": 1,
    "CEST": 2,
    "EET": 2,
    "EEST": 3,
    "MSK": 3,
    "EST": -5,
    "EDT": -4,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
    "JST": 9,
    "KST": 9,
    "AEST": 10,
    "AEDT": 11,
}
"""Zone abbreviations with one meaning; ``CST``, ``IST``, ``BST`` are ambiguous and refused."""
_TRAILING_ZONE = re.compile(r"^(.*\d)\s*([A-Z]{1,4})$")
_LOOSE_ISO = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?"
    r"(Z|[+-]\d{2}:?\d{2})?$"
)
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_CTIME = re.compile(
    r"^[A-Z][a-z]{2} ([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}:\d{2}:\d{2}) ([A-Z]{2,4}) (\d{4})$"
)
_MONTH_NAME_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b. %d, %Y")


def read_date(text: str) -> tuple[date | datetime | None, str | None]:
    """A publication date from third-party markup, and a warning when it was not plain ISO 8601.

    ISO 8601 is taken as is.  Unambiguous other forms are read with a warning: basic-format
    offsets (``+0100``), a space instead of ``T``, unpadded fields, a trailing zone abbreviation
    with one meaning (``UTC``, ``CET``), RFC 822 (``Tue, 4 May 2021 19:18:00 +0200``), C's
    ``ctime`` with a zone, ``DD.MM.YYYY``, and English month names.  Anything else (``10/05/2022``
    could be May or October) is refused: ``(None, reason)``.
    """
    value = text.strip()
    if _ISO.match(value.replace(" ", "T", 1)) and value == text:
        try:
            if len(value) > 10:
                return datetime.fromisoformat(value.replace("Z", "+00:00")), None
            return date.fromisoformat(value), None
        except ValueError:
            return None, f"{text!r} is not a real date"
    loose = _read_loose(value)
    if loose is None:
        return None, f"{text!r} is not a date in a form that can be read without guessing"
    return loose, f"{text!r} is not ISO 8601; read as {loose.isoformat()}"


def _read_loose(value: str) -> date | datetime | None:
    try:
        # Other ISO 8601 forms: basic format (20180619T055000+0900), +0100 offsets, weeks.
        return datetime.fromisoformat(value) if len(value) > 10 else date.fromisoformat(value)
    except ValueError:
        pass
    original = value
    zone: timezone | None = None
    trailing = _TRAILING_ZONE.match(value)
    if trailing and trailing.group(2) in _ZONES:
        zone = timezone(timedelta(hours=_ZONES[trailing.group(2)]))
        value = trailing.group(1)
    loose = _LOOSE_ISO.match(value)
    try:
        if loose:
            year, month, day, hour, minute, second, fraction, offset = loose.groups()
            if hour is None:
                return None if offset or zone else date(int(year), int(month), int(day))
            micro = int((fraction or ".0")[1:7].ljust(6, "0"))
            parsed = datetime(
                int(year), int(month), int(day), int(hour), int(minute), int(second or 0), micro
            )
            if offset:
                parsed = parsed.replace(tzinfo=_offset(offset))
            elif zone:
                parsed = parsed.replace(tzinfo=zone)
            return parsed
        dotted = _DOTTED.match(value)
        if dotted and zone is None:
            return date(int(dotted.group(3)), int(dotted.group(2)), int(dotted.group(1)))
        ctime = _CTIME.match(value)
        if ctime and ctime.group(4) in _ZONES:
            stamp = datetime.strptime(
                f"{ctime.group(1)} {ctime.group(2)} {ctime.group(5)} {ctime.group(3)}",
                "%b %d %Y %H:%M:%S",
            )
            return stamp.replace(tzinfo=timezone(timedelta(hours=_ZONES[ctime.group(4)])))
        if re.match(r"^[A-Z][a-z]{2}, ", original) or re.search(r" [+-]\d{4}$", original):
            stamp = email.utils.parsedate_to_datetime(original)
            if stamp.tzinfo is None and not original.endswith(("-0000", "GMT", "UT")):
                return None
            return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)
        for pattern in _MONTH_NAME_FORMATS:
            try:
                return datetime.strptime(value, pattern).date()
            except ValueError:
                continue
    except (ValueError, TypeError, OverflowError):
        return None
    return None


def _offset(text: str) -> timezone:
    if text == "Z":
        return UTC
    digits = text[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return timezone(-delta if text[0] == "-" else delta)


def read_partial_date(text: str) -> tuple[PartialDate | None, str | None]:
    """An event date: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a date-time keeps only its day."""
    try:
        return PartialDate.parse(text), None
    except ValueError:
        pass
    parsed, warning = read_date(text)
    if parsed is None:
        return None, warning
    day = parsed.date() if isinstance(parsed, datetime) else parsed
    note = f"{text!r} has a time of day; the event keeps its day {day.isoformat()}"
    return PartialDate.from_date(day), note


__all__ = ["read_date", "read_partial_date"]
