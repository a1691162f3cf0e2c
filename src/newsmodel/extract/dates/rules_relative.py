"""Rules for dates relative to publication: ``минулого тижня``, ``вчора``, ``три дні тому``,
``у понеділок``, quarters and seasons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsmodel.extract.dates.context import Context, tail_year, with_prefix
from newsmodel.extract.dates.expression import DateExpression
from newsmodel.extract.dates.lexicon import (
    AGO_UNITS,
    NUMBER_WORDS,
    SATURDAY,
    SINGULAR_UNITS,
    WEEKEND,
    normalise,
)
from newsmodel.extract.dates.periods import (
    PART_MONTHS,
    day_or_weekend,
    deictic_season,
    latest_season,
    monday_of,
    part_of_year,
    season_span,
    shift_days,
    some_day_of_week,
    unit_period,
)

if TYPE_CHECKING:
    from newsmodel.extract.dates.patterns import Grammar


def rule_quarter(grammar: Grammar, ctx: Context) -> DateExpression | None:
    lex = grammar.lexicon
    unit = lex.units[normalise(ctx.group("qu") or "")]
    number = lex.part_ordinals[normalise(ctx.group("qo") or "")]
    if number > 12 // PART_MONTHS[unit]:
        return None  # "третє півріччя" does not exist
    year, explicit = tail_year(grammar, ctx)
    if year is None:
        if ctx.published is None:
            return None
        months = PART_MONTHS[unit]
        first, last = months * (number - 1) + 1, months * number
        published = ctx.published
        if ctx.says_future(grammar):
            year = published.year if last >= published.month else published.year + 1
        else:
            year = published.year if first <= published.month else published.year - 1
    value, end_value = part_of_year(unit, number, year)
    return with_prefix(grammar, ctx, value, end_value=end_value, explicit_year=explicit)


def rule_modified_unit(grammar: Grammar, ctx: Context) -> DateExpression | None:
    if ctx.published is None:
        return None
    offset = grammar.lexicon.modifiers.get(normalise(ctx.group("mod") or ""), 0)
    unit = grammar.lexicon.units.get(normalise(ctx.group("unit") or ""))
    if unit is None:
        lex = grammar.lexicon
        form = normalise(ctx.group("unit") or "")
        if form in lex.weekdays:
            unit = f"weekday:{lex.weekdays[form]}"
        elif form in lex.season_nouns:
            unit = f"season:{lex.season_nouns[form]}"
        else:
            return None
    weekend = unit == f"weekday:{WEEKEND}"
    if (normalise(ctx.group("mod") or "") in grammar.lexicon.plural_modifiers) != weekend:
        return None  # "наступні тижні" are the coming weeks; "цього вихідних" is no phrase
    if unit.startswith("weekday:"):
        monday = monday_of(ctx.published, offset)
        weekday = SATURDAY if weekend else int(unit.split(":")[1])
        day = shift_days(monday, weekday) if monday else None
        value, end_value = day_or_weekend(day, weekend)
        return with_prefix(grammar, ctx, value, end_value=end_value, explicit_year=False)
    if unit.startswith("season:"):
        start, end = deictic_season(grammar, unit.split(":")[1], offset, ctx.published)
        return with_prefix(grammar, ctx, start, end_value=end, explicit_year=False)
    value, end_value = unit_period(unit, offset, ctx.published)
    found = with_prefix(grammar, ctx, value, end_value=end_value, explicit_year=False)
    return some_day_of_week(found) if unit == "week" else found


def rule_period_of_current(grammar: Grammar, ctx: Context) -> DateExpression | None:
    if ctx.published is None:
        return None
    prefix = grammar.lexicon.prefixes.get(normalise(ctx.group("per") or ""))
    unit = {"року": "year", "місяця": "month", "тижня": "week"}[(ctx.group("unit") or "").lower()]
    value, end_value = unit_period(unit, 0, ctx.published)
    start, outer = ctx.prefix(grammar)
    if outer is not None and outer.relation != "on":
        prefix = outer  # "аж до кінця року"
    else:
        start = ctx.match.start()
    return ctx.build(
        start,
        value,
        end_value=end_value,
        relation=prefix.relation if prefix else "on",
        explicit_year=False,
        anchor_end=prefix.anchor_end if prefix else False,
    )


def rule_word(grammar: Grammar, ctx: Context) -> DateExpression | None:
    if ctx.published is None:
        return None
    unit, offset = grammar.lexicon.words[normalise(ctx.group("word") or "")]
    value, _ = unit_period(unit, offset, ctx.published)
    return with_prefix(grammar, ctx, value, explicit_year=False)


def rule_ago(grammar: Grammar, ctx: Context) -> DateExpression | None:
    if ctx.published is None:
        return None
    number_text = (ctx.group("n") or "").strip()
    if number_text.isdigit():
        count = int(number_text)
    elif number_text:
        count = NUMBER_WORDS.get(normalise(number_text), 0)
    elif normalise(ctx.group("unit") or "") in SINGULAR_UNITS:
        count = 1  # "тиждень тому"
    else:
        return None  # "багато років тому" names no date
    if count <= 0:
        return None  # "кілька днів тому" names no date
    unit = AGO_UNITS[normalise(ctx.group("unit") or "")]
    value, end_value = unit_period(unit, -count, ctx.published)
    found = ctx.build(ctx.match.start(), value, end_value=end_value, explicit_year=False)
    return some_day_of_week(found) if unit == "week" else found


def rule_weekday(grammar: Grammar, ctx: Context) -> DateExpression | None:
    if ctx.published is None:
        return None
    start, prefix = ctx.prefix(grammar)
    if prefix is None or prefix.period:
        return None  # a weekday alone is a name, not a date
    weekday = grammar.lexicon.weekdays[normalise(ctx.group("wd") or "")]
    weekend = weekday == WEEKEND
    if weekend:
        weekday = SATURDAY
    back = (ctx.published.weekday() - weekday) % 7
    if ctx.says_future(grammar):
        day = shift_days(ctx.published, (weekday - ctx.published.weekday()) % 7)
    else:
        day = shift_days(ctx.published, -back)
    value, end_value = day_or_weekend(day, weekend)
    return ctx.build(
        start, value, end_value=end_value, relation=prefix.relation, explicit_year=False
    )


def rule_season(grammar: Grammar, ctx: Context) -> DateExpression | None:
    adverb = ctx.group("adv")
    name = (
        grammar.lexicon.season_adverbs[normalise(adverb)]
        if adverb
        else grammar.lexicon.season_nouns[normalise(ctx.group("noun") or "")]
    )
    year, explicit = tail_year(grammar, ctx)
    if year is not None:
        start, end = season_span(grammar, name, year)
    elif ctx.published is None:
        return None
    else:
        if adverb is None:
            _, prefix = ctx.prefix(grammar)
            if prefix is None:
                return None  # "Арабська весна" is no date
        start, end = latest_season(grammar, name, ctx.published, ctx.says_future(grammar))
    return with_prefix(grammar, ctx, start, end_value=end, explicit_year=explicit)
