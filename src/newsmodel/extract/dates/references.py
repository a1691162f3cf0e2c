"""Dates named by reference to the date just mentioned: ``того ж дня``, ``тоді``, ``наступного
дня``, ``напередодні``.

Such a phrase has no date of its own: ``Суд засідав 3 березня.  Наступного дня …`` means 4 March.
:func:`rule_reference` marks the phrase as pending (``back_reference=True`` with a placeholder
value); once every expression of the text is found and the overlaps are settled,
:func:`resolve_references` replaces the placeholder with the earlier date shifted by the phrase's
offset, or drops the phrase when nothing earlier is near enough.  The earlier date must lie in
the same or the previous sentence (with a document; else within 400 characters), so a date
from far back is never borrowed; a year or month ``того ж`` (``у тому ж році``, ``грудня того
ж року``), which names its antecedent's unit outright, may reach over one sentence more (600
characters).  A
day offset from a month (``у березні … наступного дня``) keeps the month: the text gives no
more.  Phrases marked ``either`` (``напередодні``, ``цього дня``) fall back to the publication
date, and then carry no back-reference.  A month or day ``того ж року`` (``у грудні того ж
року``) is found by the calendar rules with a stand-in year and takes the earlier date's year
here.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from newsmodel.extract.dates.context import PENDING_YEAR
from newsmodel.extract.dates.expression import DateExpression
from newsmodel.extract.dates.later import resolve_later
from newsmodel.extract.dates.lexicon import Reference, normalise
from newsmodel.extract.dates.periods import partial_date, shift_days
from newsmodel.models import PartialDate

if TYPE_CHECKING:
    from newsmodel.extract.dates.context import Context
    from newsmodel.extract.dates.patterns import Grammar

_PENDING = PartialDate(1)
"""The placeholder value of a phrase until :func:`resolve_references` sees what came before."""
_REACH = 400
"""Without a document: how many characters back the earlier date may end."""
_WHEREAS = re.compile(r"\s*,?\s*(?:як|коли)(?![\w’'ʼ`])")
"""``тоді як`` is "whereas" and ``тоді, коли`` points at the clause after it: no back-reference."""
_NOMINAL = frozenset({"NOUN", "ADJF", "NPRO", "NUMR", "PRTF"})
_NOT_GOVERNED = frozenset({"VERB", "ADVB", "CONJ", "PRCL", "PREP"})


def rule_reference(grammar: Grammar, ctx: Context) -> DateExpression | None:
    entry = grammar.lexicon.references.get(normalise(ctx.group("ref") or ""))
    if entry is None:
        return None
    start, end = ctx.match.span()
    if entry.unit == "same" and _WHEREAS.match(ctx.text, end):
        return None
    if entry.eve and _governs_a_noun(ctx, end):
        return None
    return DateExpression(
        start, end, ctx.text[start:end], _PENDING, None, "on", False, False, back_reference=True
    )


def _governs_a_noun(ctx: Context, end: int) -> bool:
    """Is the eve word a preposition here (``напередодні виборів``, ``напередодні його візиту``)?

    It is when the next word is a genitive by its likeliest reading (or has no nominative at
    all), looking past a pronoun in the genitive (``його``, ``цих``).  A digit after it is left
    to the resolver (``напередодні 8 березня``).  Without a document any following word may be
    the genitive it governs, so only punctuation lets it stand.
    """
    rest = ctx.text[end : end + 40]
    stripped = rest.lstrip()
    if not stripped or not stripped[0].isalpha():
        return False
    doc = ctx.tense.doc if ctx.tense is not None else None
    if doc is None:
        return True
    token = doc.token_at(end + len(rest) - len(stripped))
    for _ in range(2):
        if token is None or token >= len(doc.tokens) or not doc.tokens[token].is_word:
            return False
        readings = doc.readings[token]
        if not readings or any(r.pos in _NOT_GOVERNED for r in readings):
            return False
        nominal = [r for r in readings if r.pos in _NOMINAL]
        if any(r.pos == "NPRO" and r.case == "gent" for r in nominal):
            token += 1  # "напередодні його візиту": the pronoun's noun decides
            continue
        if not any(r.case == "gent" for r in nominal):
            return False
        return readings[0].case == "gent" or all(r.case != "nomn" for r in nominal)
    return False


def resolve_references(
    found: list[DateExpression], text: str, published: date | None, grammar: Grammar
) -> list[DateExpression]:
    """``found`` with every pending reference resolved or dropped (see the module docstring)."""
    if not any(expression.back_reference for expression in found):
        return found
    resolved: list[DateExpression] = []
    skip_next = False
    for index, expression in enumerate(found):
        if skip_next:
            skip_next = False
            continue
        if not expression.back_reference:
            resolved.append(expression)
            continue
        following = found[index + 1] if index + 1 < len(found) else None
        key = _key(expression.text)
        entry = grammar.lexicon.references.get(key)
        if entry is None and not key.startswith("через"):  # "у грудні того ж року"
            antecedent = _antecedent(resolved, expression, either_day=False, far=True)
            same_year = _in_year_of(expression, antecedent, published)
            if same_year is not None:
                resolved.append(same_year)
            continue
        if entry is None:  # "через тиждень"
            antecedent = _antecedent(resolved, expression, either_day=False)
            later, skip_next = resolve_later(expression, antecedent, following, text, published)
            if later is not None:
                resolved.append(later)
            continue
        if entry.eve and text[expression.end : expression.end + 1].isspace():
            gap = text[expression.end : following.start] if following else ""
            if following is not None and not following.back_reference and gap.isspace():
                merged = _eve_of(expression, following, text, published)
                if merged is not None:
                    resolved.append(merged)
                    skip_next = True
                continue
            if text[expression.end :].lstrip()[:1].isdigit():
                continue  # "напередодні 50-річчя": the eve of no date the text gives
        result = _resolved(
            expression,
            entry,
            _antecedent(
                resolved,
                expression,
                either_day=entry.either and entry.unit == "day",
                far=entry.unit in ("year", "month"),
            ),
            published,
        )
        if result is not None:
            resolved.append(result)
    return resolved


def _key(phrase: str) -> str:
    key = normalise(phrase)
    if key[:2] in ("у ", "в "):
        return key[2:]
    return key


def _antecedent(
    resolved: list[DateExpression],
    expression: DateExpression,
    *,
    either_day: bool,
    far: bool = False,
) -> DateExpression | None:
    """The date mentioned just before ``expression``, if it is near enough to be meant.

    ``either_day``: the phrase may fall back to publication, so only a day counts as its base.
    ``far``: a year or month "того ж" (``того ж року``, ``у тому ж році``, ``грудня того ж
    року``) names its antecedent's unit outright and may reach over one sentence in between;
    every other phrase (``тоді``, ``того ж дня``, ``напередодні``) reaches the previous
    sentence only.
    """
    if not resolved:
        return None
    earlier = resolved[-1]
    sentences, characters = (2, _REACH * 3 // 2) if far else (1, _REACH)
    if expression.sentence is not None and earlier.sentence is not None:
        if expression.sentence - earlier.sentence > sentences:
            return None
    elif expression.start - earlier.end > characters:
        return None
    if either_day and earlier.precision != "day":
        return None  # "напередодні" after "у 2019 році" is the eve of publication, not of 2019
    return earlier


def _resolved(
    expression: DateExpression,
    entry: Reference,
    antecedent: DateExpression | None,
    published: date | None,
) -> DateExpression | None:
    if antecedent is None:
        if not entry.either or published is None:
            return None
        day = shift_days(published, entry.offset)
        if day is None:
            return None
        return replace(
            expression,
            value=PartialDate.from_date(day),
            future=day > published,
            back_reference=False,
        )
    end_value: PartialDate | None = None
    if entry.unit == "same":
        value: PartialDate | None = antecedent.value
        end_value = antecedent.end_value
    elif entry.unit == "year":
        value = partial_date(antecedent.value.year)
    elif entry.unit == "month":
        value = partial_date(antecedent.value.year, antecedent.value.month)
    else:
        base = antecedent.value
        if entry.offset > 0 and antecedent.end_value is not None:
            base = antecedent.end_value
        value = base
        if base.precision == "day":
            day = shift_days(base.first_day(), entry.offset)
            value = PartialDate.from_date(day) if day else None
    return _with_antecedents_date(expression, value, end_value, antecedent, published)


def _in_year_of(
    expression: DateExpression, antecedent: DateExpression | None, published: date | None
) -> DateExpression | None:
    """``грудня того ж року``: the stand-in year replaced by the earlier date's."""
    if antecedent is None:
        return None
    shift = antecedent.value.year - PENDING_YEAR
    value = partial_date(
        expression.value.year + shift, expression.value.month, expression.value.day
    )
    end_value = expression.end_value
    if end_value is not None:
        end_value = partial_date(end_value.year + shift, end_value.month, end_value.day)
        if end_value is None:
            return None
    return _with_antecedents_date(expression, value, end_value, antecedent, published)


def _eve_of(
    eve: DateExpression, day: DateExpression, text: str, published: date | None
) -> DateExpression | None:
    """``напередодні 8 березня``: one expression, the day before the date after the word."""
    if day.value.precision != "day":
        return None
    shifted = shift_days(day.value.first_day(), -1)
    if shifted is None:
        return None
    value = PartialDate.from_date(shifted)
    return replace(
        day,
        start=eve.start,
        text=text[eve.start : day.end],
        value=value,
        end_value=None,
        relation="on",
        future=published is not None and shifted > published,
        first_token=eve.first_token,
        clause=eve.clause,
        sentence=eve.sentence,
    )


def _with_antecedents_date(
    expression: DateExpression,
    value: PartialDate | None,
    end_value: PartialDate | None,
    antecedent: DateExpression,
    published: date | None,
) -> DateExpression | None:
    """The expression with the date its antecedent gave it (``None`` when there is none)."""
    if value is None:
        return None
    return replace(
        expression,
        value=value,
        end_value=end_value,
        future=published is not None and value.first_day() > published,
        explicit_year=antecedent.explicit_year,
    )


__all__ = ["resolve_references", "rule_reference"]
