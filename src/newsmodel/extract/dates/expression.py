"""What the date finder returns: one time expression with its resolved dates and where it is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from newsmodel.models import PartialDate

Relation = Literal["on", "since", "until", "between"]


@dataclass(frozen=True, slots=True)
class DateExpression:
    """One time expression found in a text, with its resolved dates.

    ``value`` is the start (or the only) date, at the precision the text gives; ``end_value`` is
    set when the expression names a span (``з 1 по 5 березня``, ``минулого тижня``, ``влітку``).
    ``relation`` says how the text ties an event to the date: ``on`` it, ``since`` it, ``until``
    it, or ``between`` two written endpoints.  ``future`` is true when the date lies after
    publication; ``explicit_year`` when the year was written in digits.
    """

    start: int
    end: int
    text: str
    value: PartialDate
    end_value: PartialDate | None
    relation: Relation
    future: bool
    explicit_year: bool
