"""Rules for calendar dates: numeric dates, days, months, years, decades and their ranges.

One resolver per regex of :mod:`patterns`; each returns ``None`` for what is no date.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsmodel.extract.dates.context import (
    Context,
    month_number,
    resolve_day,
    resolve_month,
    tail_year,
    with_prefix,
)
from newsmodel.extract.dates.expression import DateExpression
from newsmodel.extract.dates.lexicon import normalise
from newsmodel.extract.dates.periods import partial_date
from newsmodel.models import PartialDate

if TYPE_CHECKING:
    from newsmodel.extract.dates.patterns import Grammar


def rule_numeric_date(grammar: Grammar, ctx: Context) -> DateExpression | None:
    if ctx.group("iy") is not None:
        year, month, day = (int(ctx.group(name) or 0) for name in ("iy", "im", "id"))
        value = partial_date(year, month, day)
        return with_prefix(grammar, ctx, value, explicit_year=True)
    year_text = ctx.group("y") or ""
    year = int(year_text)
    if len(year_text) == 2:
        # Two-digit years need the publication date to choose the century (documented).
        following = ctx.text[ctx.match.end() : ctx.match.end() + 1]
        if ctx.published is None or following == "-" or following.isalnum():
            return None  # "03.02.00-UA-0704" is a code
        year += 2000
        if year > ctx.published.year + 1:
            year -= 100
    value = partial_date(year, int(ctx.group("m") or 0), int(ctx.group("d") or 0))
    return with_prefix(grammar, ctx, value, explicit_year=True)


def rule_numeric_day_month(grammar: Grammar, ctx: Context) -> DateExpression | None:
    before = ctx.text[max(0, ctx.match.start() - 4) : ctx.match.start()].lower()
    if re.search(r"(?<!\w)(?:о|об)\s+\Z", before):
        return None  # "о 12.05" is a time of day
    value = resolve_day(grammar, ctx, int(ctx.group("m") or 0), int(ctx.group("d") or 0), None)
    return with_prefix(grammar, ctx, value, explicit_year=False)


def rule_day_month(grammar: Grammar, ctx: Context) -> DateExpression | None:
    month = month_number(grammar, ctx.group("mon") or "")
    year, explicit = tail_year(grammar, ctx)
    value = resolve_day(grammar, ctx, month, int(ctx.group("d") or 0), year)
    return with_prefix(grammar, ctx, value, explicit_year=explicit)


def rule_ordinal_day_month(grammar: Grammar, ctx: Context) -> DateExpression | None:
    day = grammar.lexicon.ordinals[normalise(ctx.group("ord") or "")]
    month = month_number(grammar, ctx.group("mon") or "")
    year, explicit = tail_year(grammar, ctx)
    value = resolve_day(grammar, ctx, month, day, year)
    return with_prefix(grammar, ctx, value, explicit_year=explicit)


def rule_month(grammar: Grammar, ctx: Context) -> DateExpression | None:
    form = normalise(ctx.group("mon") or "")
    year, explicit = tail_year(grammar, ctx)
    if form in grammar.lexicon.context_months and year is None:
        _, prefix = ctx.prefix(grammar)
        if prefix is None:
            return None  # "лютий мороз": a fierce frost, not February
    value = resolve_month(grammar, ctx, grammar.lexicon.months[form], year)
    return with_prefix(grammar, ctx, value, explicit_year=explicit)


def rule_year(grammar: Grammar, ctx: Context) -> DateExpression | None:
    year = int(ctx.group("y") or 0)
    return with_prefix(grammar, ctx, partial_date(year), explicit_year=True)


def rule_bare_year(grammar: Grammar, ctx: Context) -> DateExpression | None:
    year = int(ctx.group("y") or 0)
    if not 1800 <= year <= 2199:
        return None
    return ctx.build(ctx.match.start(), partial_date(year), explicit_year=True)


def rule_decade(grammar: Grammar, ctx: Context) -> DateExpression | None:
    year = int(ctx.group("y") or 0)
    return with_prefix(
        grammar, ctx, partial_date(year), end_value=partial_date(year + 9), explicit_year=True
    )


def _range_opening(grammar: Grammar, ctx: Context) -> tuple[int, bool] | None:
    """Where a range starts and whether its connectors agree (``з … по``, ``між … і``, ``1–5``)."""
    opener = ctx.group("p")
    middle = ctx.group("mid")
    opener = opener.lower() if opener else None
    middle = middle.lower() if middle else None
    if middle in ("по", "до") and opener not in ("з", "із", "зі", "від"):
        return None
    if middle in ("і", "й", "та") and opener != "між":
        return None
    if middle is None and opener == "між":
        return None
    if opener is not None:
        return ctx.match.start(), True
    start, _ = ctx.prefix(grammar)
    return start, False


def _between(
    grammar: Grammar,
    ctx: Context,
    value: PartialDate | None,
    end_value: PartialDate | None,
    explicit_year: bool,
) -> DateExpression | None:
    opening = _range_opening(grammar, ctx)
    if opening is None or value is None or end_value is None or not value < end_value:
        return None
    return ctx.build(
        opening[0], value, end_value=end_value, relation="between", explicit_year=explicit_year
    )


def rule_year_range(grammar: Grammar, ctx: Context) -> DateExpression | None:
    first = int(ctx.group("y1") or 0)
    second_text = ctx.group("y2") or ""
    second = int(second_text)
    if len(second_text) == 2:
        second += first - first % 100
    if ctx.group("w") is None and ctx.group("s2") is None:
        # Without a year word, "з 2000 по 2500 гривень" is an amount: accept only before
        # punctuation or the end, with a real opener.
        rest = ctx.text[ctx.match.end() : ctx.match.end() + 2]
        if ctx.group("p") is None or not re.match(r"\s*(?:[,.;:!?)»]|\Z)", rest):
            return None
    if not (1000 <= first < second <= 2199):
        return None
    return _between(grammar, ctx, partial_date(first), partial_date(second), True)


def rule_day_range(grammar: Grammar, ctx: Context) -> DateExpression | None:
    month = month_number(grammar, ctx.group("mon") or "")
    first, last = int(ctx.group("d1") or 0), int(ctx.group("d2") or 0)
    year, explicit = tail_year(grammar, ctx)
    start = resolve_day(grammar, ctx, month, first, year)
    if start is None:
        return None
    return _between(grammar, ctx, start, partial_date(start.year, month, last), explicit)


def rule_day_list(grammar: Grammar, ctx: Context) -> DateExpression | None:
    """``5, 6 та 7 листопада``: the days of one month, from the first to the last."""
    month = month_number(grammar, ctx.group("mon") or "")
    first, last = int(ctx.group("d1") or 0), int(ctx.group("d2") or 0)
    if not first < last:
        return None
    year, explicit = tail_year(grammar, ctx)
    start = resolve_day(grammar, ctx, month, first, year)
    end = partial_date(start.year, month, last) if start else None
    return with_prefix(grammar, ctx, start, end_value=end, explicit_year=explicit)


def rule_day_month_range(grammar: Grammar, ctx: Context) -> DateExpression | None:
    first_month = month_number(grammar, ctx.group("m1") or "")
    last_month = month_number(grammar, ctx.group("mon") or "")
    first_day, last_day = int(ctx.group("d1") or 0), int(ctx.group("d2") or 0)
    wraps = (last_month, last_day) < (first_month, first_day)
    year, explicit = tail_year(grammar, ctx)
    first_year_text = ctx.group("y1")
    if first_year_text is not None:
        start = partial_date(int(first_year_text), first_month, first_day)
        explicit = True
        end_year = year if year is not None else (start.year + wraps if start else None)
    elif year is not None:
        start = partial_date(year - wraps, first_month, first_day)
        end_year = year
    else:
        start = resolve_day(grammar, ctx, first_month, first_day, None)
        end_year = start.year + wraps if start else None
    end = partial_date(end_year, last_month, last_day) if end_year is not None else None
    return _between(grammar, ctx, start, end, explicit)


def rule_month_range(grammar: Grammar, ctx: Context) -> DateExpression | None:
    first = month_number(grammar, ctx.group("m1") or "")
    last = month_number(grammar, ctx.group("mon") or "")
    wraps = last < first
    year, explicit = tail_year(grammar, ctx)
    first_year = ctx.group("y1")
    if first_year is not None:
        start = partial_date(int(first_year), first)
        explicit = True
    elif year is not None:
        start = partial_date(year - wraps, first)
    else:
        start = resolve_month(grammar, ctx, first, None)
    if year is None or first_year is None:
        year = start.year + wraps if start else None
    end = partial_date(year, last) if year is not None else None
    return _between(grammar, ctx, start, end, explicit)
