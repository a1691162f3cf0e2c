"""The grammar: regexes built from the lexicon, the anchors that locate them, and which rule
may start where.

Python's regex engine costs tens of nanoseconds per character and pattern, so scanning an
article with a dozen patterns would take milliseconds.  ``str.find`` for a few dozen stems
(digits, month, weekday, season and unit words) takes microseconds; each rule is then tried with
``match`` only where it can start: at an anchor or a word or two before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from newsmodel.extract.dates.anchors import (
    RULE_ORDER,
    Attempt,
    anchor_families,
    anchor_stems,
    attempt_table,
)
from newsmodel.extract.dates.expression import DateExpression
from newsmodel.extract.dates.later import rule_later
from newsmodel.extract.dates.lexicon import AGO_UNITS, NUMBER_WORDS, Lexicon, load_lexicon
from newsmodel.extract.dates.periods import PART_MONTHS
from newsmodel.extract.dates.references import rule_reference
from newsmodel.extract.dates.rules_calendar import (
    rule_bare_year,
    rule_day_list,
    rule_day_month,
    rule_day_month_range,
    rule_day_range,
    rule_decade,
    rule_month,
    rule_month_range,
    rule_numeric_date,
    rule_numeric_day_month,
    rule_ordinal_day_month,
    rule_year,
    rule_year_range,
)
from newsmodel.extract.dates.rules_relative import (
    rule_ago,
    rule_modified_unit,
    rule_period_of_current,
    rule_quarter,
    rule_season,
    rule_weekday,
    rule_word,
)

if TYPE_CHECKING:
    from newsmodel.extract.dates.context import Context

_APOSTROPHE = "[’'ʼ`]"
WORD_START = r"(?<![\w’'ʼ`])"
WORD_END = r"(?![\w’'ʼ`])"
_DASH = r"[-–—‑]"
_DAY_SUFFIX = r"(?:\s?[-–‑]?\s?(?:го|ого|е|ге|те|ше|ме|є|ий|й)(?!\w))?"
_YEAR_SUFFIX = r"\s?[-–‑]\s?(?:го|й|му|ого|ому|ий)(?!\w)"
_YEAR_WORD = r"(?:року|році|рік|рр\.|р\.|рр(?![\w’'ʼ`.])|р(?![\w’'ʼ`.]))"
_YEARS_WORD = r"(?:роки|років|роках|роками|рр\.|рр(?!\w)|року|рік|році|р\.)"


def alternation(forms: Iterable[str]) -> str:
    """One regex for a set of words, factored as a trie: ``січ(?:ень|н(?:я|і|ем|ю))``.

    A trie is a fraction of the flat alternation's length, so it compiles and matches faster,
    and a greedy optional tail still prefers the longest form.  Apostrophes match any variant
    and a space any run of white space.
    """
    trie: _Trie = {}
    for form in set(forms):
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _trie_regex(trie) + ")"


_Trie = dict[str, "_Trie"]
"""A character trie: each key a next character, ``""`` marking the end of a form."""


def _trie_regex(node: _Trie) -> str:
    branches = [
        {"’": _APOSTROPHE, " ": r"\s+"}.get(char, re.escape(char)) + _trie_regex(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


Rule = Callable[["Grammar", "Context"], DateExpression | None]


@dataclass(frozen=True, slots=True)
class Grammar:
    lexicon: Lexicon
    rules: tuple[tuple[LazyPattern, Rule], ...]
    anchors: tuple[tuple[str, str], ...]
    anchors_any_case: tuple[tuple[str, str], ...]
    anchor_words: dict[str, frozenset[str]]
    anchor_kinds: dict[str, tuple[str, ...]]
    """Each anchor word and the kinds it anchors (the inverse of ``anchor_words``)."""
    attempts: dict[str, tuple[Attempt, ...]]


@cache
def load_grammar() -> Grammar:
    lex = load_lexicon()
    month_any = alternation(lex.months)
    month_gen = alternation(lex.genitive_months)
    month_abbr = alternation(lex.month_abbreviations) + r"\."
    month_after_day = f"(?:{month_gen}{WORD_END}|{month_abbr})"
    modifier = alternation(lex.modifiers)
    tail = (
        rf"(?:\s+(?:(?P<ty>\d{{4}})(?!\d)(?:{_YEAR_SUFFIX}(?:\s+{_YEAR_WORD})?|\s*{_YEAR_WORD})?"
        rf"|(?P<tr>{modifier})\s+(?:року|рік|році){WORD_END}"
        rf"|(?P<tp>того\s+(?:ж\s+|самого\s+)?року){WORD_END}))?"
    )
    connector = rf"(?:\s*{_DASH}\s*|\s+(?P<mid>по|до|і|й|та)\s+)"
    opener = rf"(?:{WORD_START}(?P<p>з|із|зі|від|між)\s+)?"
    units = {**lex.units, **{form: f"season:{name}" for form, name in lex.season_nouns.items()}}
    units.update({form: f"weekday:{day}" for form, day in lex.weekdays.items()})
    period_prefixes = [phrase for phrase, prefix in lex.prefixes.items() if prefix.period]
    weekday = alternation(lex.weekdays)
    part_units = alternation(form for form, unit in lex.units.items() if unit in PART_MONTHS)

    def compile_(pattern: str) -> LazyPattern:
        # Case-sensitive: rules match the lower-cased text (see rules_any_case for the rare
        # exception).  Compiled on first use: a text without weekdays never pays for theirs.
        return LazyPattern(pattern)

    rules: list[tuple[LazyPattern, Rule]] = [
        (
            compile_(
                r"(?<![\w.,/-])(?:(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2})"
                r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))(?![\d]|[.,/-]\d)"
                rf"(?:\s?{_YEAR_WORD})?"
            ),
            rule_numeric_date,
        ),
        (
            compile_(
                r"(?<![\w.,/:-])(?P<d>0[1-9]|[12]\d|3[01])\.(?P<m>0[1-9]|1[0-2])"
                r"(?![\d]|[.,:/-]?\d|\s*(?:%|млн|млрд|тис|грн|год|хв|\$|€))"
            ),
            rule_numeric_day_month,
        ),
        (
            compile_(
                rf"(?<![\w.,:/-])(?:(?P<wd>{weekday})\s?,?\s+)?(?P<d>\d{{1,2}}){_DAY_SUFFIX}\s?"
                rf"(?P<mon>{month_after_day})" + tail
            ),
            rule_day_month,
        ),
        (
            compile_(
                rf"{WORD_START}(?P<ord>{alternation(lex.ordinals)})\s+(?P<mon>{month_gen})"
                rf"{WORD_END}" + tail
            ),
            rule_ordinal_day_month,
        ),
        (compile_(rf"{WORD_START}(?P<mon>{month_any}){WORD_END}" + tail), rule_month),
        (
            compile_(
                rf"(?<![\w.,/:-])(?P<y>\d{{4}})(?:{_YEAR_SUFFIX}(?:\s+(?:року|рік|році){WORD_END})?"
                rf"|\s*{_YEAR_WORD})"
            ),
            rule_year,
        ),
        (
            compile_(rf"{WORD_START}[ув]\s+(?P<y>\d{{4}})(?=[,.;:!?)»](?!\d)|\s*$)"),
            rule_bare_year,
        ),
        (
            compile_(
                rf"(?<![\w.,/:-])(?P<y>\d{{3}}0)\s?{_DASH}\s?(?:х|ті|тих|их){WORD_END}"
                rf"(?:\s+(?:років|роках|роки|рр\.){WORD_END})?"
            ),
            rule_decade,
        ),
        (
            compile_(
                rf"{opener}(?<![\w.,/:-])(?P<y1>\d{{4}})(?:{_YEAR_SUFFIX})?{connector}"
                rf"(?P<y2>\d{{4}}|\d{{2}})(?!\d)(?P<s2>{_YEAR_SUFFIX})?"
                rf"(?P<w>\s+{_YEARS_WORD}{WORD_END})?"
            ),
            rule_year_range,
        ),
        (
            compile_(
                rf"{opener}(?<![\w.,/:-])(?P<d1>\d{{1,2}}){_DAY_SUFFIX}{connector}"
                rf"(?P<d2>\d{{1,2}}){_DAY_SUFFIX}\s?(?P<mon>{month_after_day})" + tail
            ),
            rule_day_range,
        ),
        (
            compile_(
                rf"{opener}(?<![\w.,/:-])(?P<d1>\d{{1,2}}){_DAY_SUFFIX}\s?(?P<m1>{month_after_day})"
                rf"(?:\s+(?P<y1>\d{{4}})(?:\s+{_YEAR_WORD})?)?{connector}"
                rf"(?P<d2>\d{{1,2}}){_DAY_SUFFIX}\s?(?P<mon>{month_after_day})" + tail
            ),
            rule_day_month_range,
        ),
        (
            compile_(
                rf"{opener}{WORD_START}(?P<m1>{month_any})"
                rf"(?:\s+(?P<y1>\d{{4}})(?:{_YEAR_SUFFIX}|\s*{_YEAR_WORD})?)?{connector}"
                rf"(?P<mon>{month_any}){WORD_END}" + tail
            ),
            rule_month_range,
        ),
        (
            compile_(
                rf"{WORD_START}(?P<mod>{modifier})\s+(?P<unit>{alternation(units)}){WORD_END}"
            ),
            rule_modified_unit,
        ),
        (
            compile_(
                rf"{WORD_START}(?P<per>{alternation(period_prefixes)})\s+"
                rf"(?P<unit>року|місяця|тижня){WORD_END}"
            ),
            rule_period_of_current,
        ),
        (compile_(rf"{WORD_START}(?P<word>{alternation(lex.words)}){WORD_END}"), rule_word),
        (
            compile_(
                rf"{WORD_START}(?P<n>\d{{1,3}}|{alternation(NUMBER_WORDS)}\s+)?\s*"
                rf"(?P<unit>{alternation(AGO_UNITS)})\s+тому{WORD_END}"
            ),
            rule_ago,
        ),
        (compile_(rf"{WORD_START}(?P<wd>{weekday}){WORD_END}"), rule_weekday),
        (
            compile_(
                rf"(?<![\w.,:/-])(?P<d1>\d{{1,2}})(?:\s?,\s?\d{{1,2}})*\s+(?:і|й|та)\s+"
                rf"(?P<d2>\d{{1,2}})\s?(?P<mon>{month_after_day})" + tail
            ),
            rule_day_list,
        ),
        (
            compile_(
                rf"{WORD_START}(?P<qo>{alternation(lex.part_ordinals)})\s+"
                rf"(?P<qu>{part_units})"
                rf"{WORD_END}" + tail
            ),
            rule_quarter,
        ),
        (
            compile_(
                rf"{WORD_START}(?:(?P<adv>{alternation(lex.season_adverbs)})"
                rf"|(?P<noun>{alternation(lex.season_nouns)})){WORD_END}" + tail
            ),
            rule_season,
        ),
        (
            compile_(rf"{WORD_START}(?:[ув]\s+)?(?P<ref>{alternation(lex.references)}){WORD_END}"),
            rule_reference,
        ),
        (
            compile_(
                rf"{WORD_START}через\s+(?:(?P<n>\d{{1,2}}|{alternation(NUMBER_WORDS)})\s+)?"
                rf"(?P<unit>{alternation(AGO_UNITS)}){WORD_END}"
            ),
            rule_later,
        ),
    ]
    anchors = anchor_stems(lex)
    return Grammar(
        lexicon=lex,
        rules=tuple(
            sorted(rules, key=lambda pair: RULE_ORDER.index(pair[1].__name__.removeprefix("rule_")))
        ),
        anchors=anchors,
        attempts=attempt_table(lex),
        anchor_words={kind: frozenset(forms) for kind, forms in anchor_families(lex).items()},
        anchor_kinds=_kinds_of_words(lex),
        anchors_any_case=tuple(
            (variant, kind)
            for stem, kind in anchors
            for variant in sorted({stem, stem.capitalize(), stem.upper()})
        ),
    )


def _kinds_of_words(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    kinds: dict[str, list[str]] = {}
    for kind, forms in anchor_families(lex).items():
        for form in forms:
            if kind not in kinds.setdefault(form, []):
                kinds[form].append(kind)
    return {form: tuple(found) for form, found in kinds.items()}


@cache
def rules_any_case() -> tuple[tuple[LazyPattern, Rule], ...]:
    """The rules compiled to ignore case, for texts whose lower case changes length."""
    return tuple(
        (LazyPattern(pattern.source, re.IGNORECASE), rule) for pattern, rule in load_grammar().rules
    )


class LazyPattern:
    """A regex compiled on its first ``match``: Python's ``re`` compiles large alternations
    slowly, and a command-line run should not pay for rules its text never reaches."""

    __slots__ = ("_compiled", "flags", "source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def match(self, text: str, position: int) -> re.Match[str] | None:
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return self._compiled.match(text, position)
