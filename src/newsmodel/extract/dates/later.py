"""``через тиждень``, ``через два дні``, ``через місяць``: a span after the date just mentioned.

``У березні 2015 року закон ухвалили, а через тиждень, 18 березня, …`` dates the second event a
week after the first, and the year-less ``18 березня`` belongs to that week, not to the year of
publication.  :func:`rule_later` marks the phrase as a pending reference (like
:mod:`.references`); :func:`resolve_later` shifts the earlier date by the span and, when a
year-less date follows at once, gives that date the year that puts it nearest the shifted day,
as one expression.  Without an earlier date the phrase names no date: ``через тиждень`` alone is
a week from an unknown moment (from publication only in a future clause, which the event stage
reads as "soon", not a day).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from newsmodel.extract.dates.expression import DateExpression
from newsmodel.extract.dates.lexicon import AGO_UNITS, NUMBER_WORDS, SINGULAR_UNITS, normalise
from newsmodel.extract.dates.periods import partial_date, shift_days
from newsmodel.models import PartialDate

if TYPE_CHECKING:
    from newsmodel.extract.dates.context import Context
    from newsmodel.extract.dates.patterns import Grammar

_PENDING = PartialDate(1)
_DAYS = {"day": 1, "week": 7}


def rule_later(grammar: Grammar, ctx: Context) -> DateExpression | None:
    if _span(ctx.group("n"), ctx.group("unit")) is None:
        return None
    start, end = ctx.match.span()
    return DateExpression(
        start, end, ctx.text[start:end], _PENDING, None, "on", False, False, back_reference=True
    )


def _span(number: str | None, unit_form: str | None) -> tuple[str, int] | None:
    """``(unit, count)`` of ``через [number] unit``, or ``None`` (``через кілька днів``)."""
    unit = AGO_UNITS.get(normalise(unit_form or ""))
    if unit is None:
        return None
    text = (number or "").strip()
    if text.isdigit():
        count = int(text)
    elif text:
        count = NUMBER_WORDS.get(normalise(text), 0)
    else:
        count = 1 if normalise(unit_form or "") in SINGULAR_UNITS else 0
    return (unit, count) if count > 0 else None


def resolve_later(
    expression: DateExpression,
    antecedent: DateExpression | None,
    following: DateExpression | None,
    text: str,
    published: date | None,
) -> tuple[DateExpression | None, bool]:
    """The resolved phrase, and whether it took in the year-less date ``following`` it."""
    words = normalise(expression.text).split()[1:]
    span = _span(" ".join(words[:-1]) or None, words[-1] if words else None)
    if antecedent is None or span is None:
        return None, False
    shifted = _shifted(antecedent.value, *span)
    if shifted is None:
        return None, False
    future = published is not None and shifted.first_day() > published
    resolved = replace(
        expression, value=shifted, future=future, explicit_year=antecedent.explicit_year
    )
    if following is None or following.explicit_year or following.back_reference:
        return resolved, False
    gap = text[expression.end : following.start]
    if gap.strip(" ,\u00a0") or following.precision == "year":
        return resolved, False
    dated = _nearest_year(following.value, shifted)
    if dated is None:
        return resolved, False
    return replace(
        following,
        start=expression.start,
        text=text[expression.start : following.end],
        value=dated,
        future=published is not None and dated.first_day() > published,
        explicit_year=antecedent.explicit_year,
        back_reference=True,
        first_token=expression.first_token,
        clause=expression.clause,
        sentence=expression.sentence,
    ), True


def _shifted(base: PartialDate, unit: str, count: int) -> PartialDate | None:
    """``base`` moved ``count`` units on, at no more precision than both allow."""
    if unit in _DAYS:
        if base.precision != "day":
            return None  # a week after "у березні" is no date the text gives
        day = shift_days(base.first_day(), _DAYS[unit] * count)
        return PartialDate.from_date(day) if day else None
    if unit == "month":
        if base.month is None:
            return None
        index = base.year * 12 + base.month - 1 + count
        return partial_date(index // 12, index % 12 + 1)
    return partial_date(base.year + count)


def _nearest_year(value: PartialDate, near: PartialDate) -> PartialDate | None:
    """``value``'s day and month in the year that puts it nearest to ``near``."""
    target = near.first_day()
    best: tuple[int, PartialDate] | None = None
    for year in (near.year - 1, near.year, near.year + 1):
        candidate = partial_date(year, value.month, value.day)
        if candidate is None:
            continue
        distance = abs((candidate.first_day() - target).days)
        if best is None or distance < best[0]:
            best = (distance, candidate)
    return best[1] if best else None


__all__ = ["resolve_later", "rule_later"]
