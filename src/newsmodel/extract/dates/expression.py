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

    With a :class:`~newsmodel.extract.document.Document` (see :func:`find_dates`), the
    expression also says where it stands, for the stage that attaches dates to events:
    ``first_token`` and ``end_token`` (exclusive) are token indices, ``clause`` and ``sentence``
    the indices of its clause and sentence; without one they are ``None``.  ``back_reference``
    is true when the date was resolved against the date mentioned just before it (``того ж
    дня``, ``тоді``, ``наступного дня``, ``напередодні`` after a date): it carries that earlier
    date into its own clause.
    """

    start: int
    end: int
    text: str
    value: PartialDate
    end_value: PartialDate | None
    relation: Relation
    future: bool
    explicit_year: bool
    first_token: int | None = None
    end_token: int | None = None
    clause: int | None = None
    sentence: int | None = None
    back_reference: bool = False

    @property
    def precision(self) -> str:
        """``year``, ``month`` or ``day``: how much of :attr:`value` the text gives."""
        return self.value.precision
