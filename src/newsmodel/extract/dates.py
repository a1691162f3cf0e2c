"""Ukrainian time expressions, resolved against the publication date into ``PartialDate``.

News rarely writes a full date: it says ``6 листопада``, ``у червні``, ``минулого тижня``.  An
editor reads those against the day the article came out, and so does :func:`find_dates`:

* a year-less date is the latest such date not after publication (``у грудні`` in a November
  article is last December), unless its clause says it is still to come (``у грудні
  відбудеться``), when it is the next one;
* a date keeps the precision the text gives and never more (``наприкінці 2023 року`` is ``2023``);
* a bare four-digit number is a year only next to a year word (``року``, ``р.``, ``-го``), a month,
  or a preposition followed by punctuation (``у 2024,``), so ``2000 військових`` stays a number.

Knowledge (month, weekday and season names, modifiers, prepositions) lives in
``lexicon/dates/*.tsv``; this module holds the grammar: compiled regexes built from those words,
each with a small resolver.  The regexes never scan the whole text (Python's engine is too slow
for that): ``str.find`` locates anchors (digits, month, weekday, season and unit words) and each
rule is tried with ``match`` only where it can start.  The longest candidate wins where they
overlap.  Nothing here raises on any text: an impossible date (``31 лютого``) is skipped.  See
``docs/dates.md`` for the full list of what is recognised and the resolution rules.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from importlib.resources import files
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


def find_dates(text: str, published: date | None) -> list[DateExpression]:
    """Every time expression in ``text``, sorted by start, non-overlapping (longest wins).

    ``published`` anchors year-less and relative expressions; with ``None`` only expressions
    whose year is written (including full numeric dates) are returned.  Never raises on any text.
    """
    if isinstance(published, datetime):
        published = published.date()
    grammar = _grammar()
    lowered = text.lower()
    if len(lowered) == len(text):
        haystack, rules = lowered, grammar.rules
    else:  # "İ" lower-cases to two characters: match the text itself, ignoring case
        haystack, rules = text, _rules_any_case()
    scan = _Scan(text)
    found: list[DateExpression] = []
    tried: set[tuple[int, int]] = set()
    forget_before = 0
    for position, kind in _anchor_hits(grammar, text, lowered if haystack is lowered else None):
        if position > forget_before + 1000:
            # A rule start lies at most three words before its anchor, so old entries can go
            # (a long text keeps a small set; a rare repeat only yields a duplicate candidate).
            tried.clear()
            forget_before = position
        starts = scan.word_starts(position)
        for rule_index, words_back, openers in grammar.attempts[kind]:
            if words_back >= len(starts):
                continue
            start = starts[words_back]
            if openers is not None:
                previous_word = _normalise(text[start : starts[words_back - 1]])
                if previous_word not in openers:
                    continue
            if (rule_index, start) in tried:
                continue
            tried.add((rule_index, start))
            pattern, rule = rules[rule_index]
            match = pattern.match(haystack, start)
            if match is None or _inside_recent(found, match.start(), match.end()):
                continue
            expression = rule(grammar, _Context(scan, text, match, published))
            if expression is not None:
                found.append(expression)
    return _longest_first(found)


def _inside_recent(found: list[DateExpression], start: int, end: int) -> bool:
    """Is this span inside one of the last expressions found?  Then it can never win.

    Anchors are visited in text order, so a longer expression holding this span (``6
    листопада`` around ``листопада``) is among the last few found.
    """
    return any(
        expression.start <= start and end <= expression.end for expression in found[-3:]
    )


_WORD = r"[^\W_]+(?:[’'ʼ`][^\W_]+)*"
_WORDS_BEFORE = re.compile(rf"\s+({_WORD})(?:\s+({_WORD})(?:\s+({_WORD}))?)?")
"""Up to three words before a position, matched on the reversed text (so it reads backwards)."""


class _Scan:
    """One text being scanned: its reversal and the word starts already computed."""

    __slots__ = ("_reversed", "_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._reversed = text[::-1]
        self._starts: dict[int, list[int]] = {}

    def word_starts(self, position: int) -> list[int]:
        """``position`` and the starts of up to three words before it, separated by spaces.

        A word ends the walk when punctuation, not space, separates it (``«у червні»`` still
        finds ``у``; ``2024, червні`` does not reach over the comma).
        """
        cached = self._starts.get(position)
        if cached is not None:
            return cached
        starts = [position]
        length = len(self.text)
        match = _WORDS_BEFORE.match(self._reversed, length - position)
        if match is not None:
            for group in (1, 2, 3):
                if match.group(group) is None:
                    break
                starts.append(length - match.end(group))
        self._starts[position] = starts
        return starts


# --------------------------------------------------------------------------------------------
# Anchors: Python's regex engine costs tens of nanoseconds per character and pattern, so
# scanning an article with a dozen patterns would take milliseconds.  ``str.find`` for a few dozen
# stems (digits, month, weekday, season and unit words) takes microseconds; each rule is then
# tried with ``match`` only where it can start: at an anchor or a word or two before it.

_WORD_CHARS = "’'ʼ`"
_RULE_ORDER = (
    "_numeric_date", "_numeric_day_month", "_day_month", "_ordinal_day_month", "_month", "_year",
    "_bare_year", "_decade", "_year_range", "_day_range", "_day_month_range", "_month_range",
    "_modified_unit", "_period_of_current", "_word", "_ago", "_weekday", "_season", "_quarter",
    "_day_list",
)


_OPENERS = frozenset({"з", "із", "зі", "від", "між"})
_IN = frozenset({"у", "в"})
Attempt = tuple[int, int, frozenset[str] | None]


def _attempts(*triples: tuple[str, int, frozenset[str] | None]) -> tuple[Attempt, ...]:
    return tuple((_RULE_ORDER.index(name), back, words) for name, back, words in triples)


def _attempt_table(lex: _Lexicon) -> dict[str, tuple[Attempt, ...]]:
    """Which rules may start at an anchor (0) or one, two, three words before it.

    A rule that starts before its anchor names the words it may start with (openers such as
    ``з`` and ``між``, modifiers such as ``минулого``, the first word of a period phrase such as
    ``до кінця``), so most attempts end with a set lookup instead of a regex match.
    """
    modifiers = frozenset(lex.modifiers)
    ordinal_tens = frozenset(form.split()[0] for form in lex.ordinals if " " in form)
    ordinals = frozenset(form.split()[-1] for form in lex.ordinals)
    periods = [phrase.split() for phrase, prefix in lex.prefixes.items() if prefix.period]
    period_starts = {
        count: frozenset(words[0] for words in periods if len(words) == count)
        for count in (1, 2, 3)
    }
    ago_units = frozenset(_AGO_UNITS)
    return {
        "day": _attempts(
            ("_numeric_date", 0, None), ("_numeric_day_month", 0, None), ("_day_month", 0, None),
            ("_day_range", 0, None), ("_day_range", 1, _OPENERS),
            ("_day_month_range", 0, None), ("_day_month_range", 1, _OPENERS),
            ("_day_list", 0, None),
        ),
        "year": _attempts(
            ("_numeric_date", 0, None), ("_year", 0, None), ("_decade", 0, None),
            ("_year_range", 0, None), ("_year_range", 1, _OPENERS), ("_bare_year", 1, _IN),
        ),
        "month": _attempts(
            ("_month", 0, None), ("_month_range", 0, None), ("_month_range", 1, _OPENERS),
            ("_ordinal_day_month", 1, ordinals), ("_ordinal_day_month", 2, ordinal_tens),
        ),
        "weekday": _attempts(
            ("_weekday", 0, None), ("_day_month", 0, None), ("_modified_unit", 1, modifiers)
        ),
        "season": _attempts(("_season", 0, None), ("_modified_unit", 1, modifiers)),
        "unit": _attempts(
            ("_modified_unit", 1, modifiers), ("_quarter", 1, frozenset(lex.part_ordinals)),
            ("_period_of_current", 1, period_starts[1]),
            ("_period_of_current", 2, period_starts[2]),
            ("_period_of_current", 3, period_starts[3]),
        ),
        "word": _attempts(("_word", 0, None)),
        "ago": _attempts(("_ago", 1, ago_units), ("_ago", 2, None)),
    }


_WORD_AT = re.compile(r"[^\W_]+(?:[’'ʼ`][^\W_]+)*")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in _WORD_CHARS


def _anchor_hits(
    grammar: _Grammar, text: str, lowered: str | None
) -> list[tuple[int, str]]:
    """Word starts where a date may begin, with the kind of word found there.

    ``lowered`` is ``text.lower()`` when that keeps every offset; otherwise (``None``) the
    stems are searched in lower, capitalised and upper case in the text itself.
    """
    haystack, stems = (lowered, grammar.anchors) if lowered is not None else (
        text, grammar.anchors_any_case
    )
    hits: list[tuple[int, str]] = []
    words = grammar.anchor_words
    for stem, kind in stems:
        index = haystack.find(stem)
        while index >= 0:
            start = index
            if index > 0 and _is_word_char(text[index - 1]) and not text[index - 1].isdigit():
                start = -1
                if text[index - 1] in _WORD_CHARS:
                    start = index - 1  # "п’ятниця": the stem is what follows the apostrophe
                    while start > 0 and _is_word_char(text[start - 1]):
                        start -= 1
            if start >= 0:
                word = _WORD_AT.match(text, start)
                if word is not None and _normalise(word.group()) in words[kind]:
                    hits.append((start, kind))
            index = haystack.find(stem, index + len(stem))
    months = sorted(start for start, kind in hits if kind == "month")
    for digit in "0123456789":
        index = text.find(digit)
        while index >= 0:
            if index == 0 or not text[index - 1].isdigit():
                end = index + 1
                while end < len(text) and text[end].isdigit():
                    end += 1
                number_kind = _number_kind(text, index, end, months)
                if number_kind is not None:
                    hits.append((index, number_kind))
            index = text.find(digit, index + 1)
    hits.sort()
    return hits


def _number_kind(text: str, start: int, end: int, months: list[int]) -> str | None:
    """``day`` or ``year`` when a number can begin a date, else ``None`` (``15 тисяч``).

    A day needs a month word within a few words after it, or punctuation that makes a numeric
    date or a range (``06.11``, ``1–5``); a year needs a year word, a suffix, a dash, a
    connector (``з 2020 по 2022``) or punctuation after it (``у 2024,``).
    """
    following = text[end : end + 1]
    if following and following in ".-–—‑/":
        return "day" if end - start <= 2 else "year" if end - start == 4 else None
    if end - start <= 2:
        index = bisect_left(months, end)
        return "day" if index < len(months) and months[index] - end <= 32 else None
    if end - start != 4:
        return None
    rest = text[end : end + 6].lstrip().lower()
    if not rest or rest[0] in ",.;:!?)»-–—‑" or rest.startswith(_YEAR_FOLLOWERS):
        return "year"
    return None


_YEAR_FOLLOWERS = ("р", "по ", "до ", "і ", "й ", "та ")


# --------------------------------------------------------------------------------------------
# The lexicon: words from data files, loaded once on first use.


def _normalise(word: str) -> str:
    """Lower case, one apostrophe, single spaces: the key every lexicon lookup uses."""
    word = word.lower()
    if word.isalnum():
        return word
    # chained replace: str.translate with a mapping is ten times slower on Cyrillic text
    word = word.replace("ʼ", "’").replace("'", "’").replace("`", "’")
    return " ".join(word.split())


def _rows(name: str) -> list[list[str]]:
    data = files("newsmodel.extract").joinpath(f"lexicon/dates/{name}").read_text("utf-8")
    return [
        line.split("\t")
        for line in data.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


@dataclass(frozen=True, slots=True)
class _Prefix:
    relation: Relation
    anchor_end: bool
    period: bool


@dataclass(frozen=True, slots=True)
class _Lexicon:
    months: dict[str, int]
    genitive_months: frozenset[str]
    month_abbreviations: dict[str, int]
    context_months: frozenset[str]
    weekdays: dict[str, int]
    seasons: dict[str, tuple[int, int]]
    season_adverbs: dict[str, str]
    season_nouns: dict[str, str]
    modifiers: dict[str, int]
    plural_modifiers: frozenset[str]
    units: dict[str, str]
    words: dict[str, tuple[str, int]]
    prefixes: dict[str, _Prefix]
    ordinals: dict[str, int]
    part_ordinals: dict[str, int]
    future_single: frozenset[str]
    future_phrases: tuple[str, ...]


def _load_lexicon() -> _Lexicon:
    months: dict[str, int] = {}
    genitive: set[str] = set()
    abbreviations: dict[str, int] = {}
    context: set[str] = set()
    for row in _rows("months.tsv"):
        number = int(row[0])
        gen_forms = row[1].split()
        other_forms = row[2].split()
        genitive.update(gen_forms)
        for form in (*gen_forms, *other_forms):
            months[_normalise(form)] = number
        abbreviations.update({_normalise(form): number for form in row[3].split()})
        if len(row) > 4 and row[4].strip() == "context":
            context.update(_normalise(form) for form in (*gen_forms, *other_forms))
    weekdays = {
        _normalise(form): int(row[0]) for row in _rows("weekdays.tsv") for form in row[1].split()
    }
    seasons: dict[str, tuple[int, int]] = {}
    adverbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    for row in _rows("seasons.tsv"):
        seasons[row[0]] = (int(row[1]), int(row[2]))
        adverbs.update({_normalise(form): row[0] for form in row[3].split()})
        nouns.update({_normalise(form): row[0] for form in row[4].split()})
    prefixes = {
        _normalise(row[0]): _Prefix(
            relation=_relation(row[1]),
            anchor_end=row[2].strip() == "end",
            period=len(row) > 3 and row[3].strip() == "period",
        )
        for row in _rows("prefixes.tsv")
    }
    future_words = tuple(
        _normalise(line)
        for line in files("newsmodel.extract").joinpath("lexicon/dates/future.txt")
        .read_text("utf-8")
        .splitlines()
        if line.strip() and not line.startswith("#")
    )
    return _Lexicon(
        months=months,
        genitive_months=frozenset(_normalise(form) for form in genitive),
        month_abbreviations=abbreviations,
        context_months=frozenset(context),
        weekdays=weekdays,
        seasons=seasons,
        season_adverbs=adverbs,
        season_nouns=nouns,
        modifiers={_normalise(row[0]): int(row[1]) for row in _rows("modifiers.tsv")},
        plural_modifiers=frozenset(
            _normalise(row[0]) for row in _rows("modifiers.tsv") if row[2:] == ["plural"]
        ),
        units={
            **{_normalise(row[0]): row[1].strip() for row in _rows("units.tsv")},
            **{
                _normalise(form): row[1]
                for row in _rows("quarters.tsv")
                if row[0] == "unit"
                for form in row[2].split()
            },
        },
        part_ordinals={
            _normalise(form): int(row[1])
            for row in _rows("quarters.tsv")
            if row[0] == "ordinal"
            for form in row[2].split()
        },
        words={_normalise(row[0]): (row[1].strip(), int(row[2])) for row in _rows("words.tsv")},
        prefixes=prefixes,
        ordinals={_normalise(row[1]): int(row[0]) for row in _rows("ordinals.tsv")},
        future_single=frozenset(word for word in future_words if " " not in word),
        future_phrases=tuple(f" {word} " for word in future_words if " " in word),
    )


def _relation(value: str) -> Relation:
    value = value.strip()
    if value == "since":
        return "since"
    if value == "until":
        return "until"
    if value == "between":
        return "between"
    return "on"


# --------------------------------------------------------------------------------------------
# The grammar: regexes built from the lexicon.

_APOSTROPHE = "[’'ʼ`]"
_WORD_START = r"(?<![\w’'ʼ`])"
_WORD_END = r"(?![\w’'ʼ`])"
_DASH = r"[-–—‑]"
_DAY_SUFFIX = r"(?:\s?[-–‑]?\s?(?:го|ого|е|ге|те|ше|ме|є|ий|й)(?!\w))?"
_YEAR_SUFFIX = r"\s?[-–‑]\s?(?:го|й|му|ого|ому|ий)(?!\w)"
_YEAR_WORD = r"(?:року|році|рік|рр\.|р\.|рр(?![\w’'ʼ`.])|р(?![\w’'ʼ`.]))"
_YEARS_WORD = r"(?:роки|років|роках|роками|рр\.|рр(?!\w)|року|рік|році|р\.)"


def _alternation(forms: Iterable[str]) -> str:
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


Rule = Callable[["_Grammar", "_Context"], DateExpression | None]


@dataclass(frozen=True, slots=True)
class _Grammar:
    lexicon: _Lexicon
    rules: tuple[tuple[_LazyPattern, Rule], ...]
    anchors: tuple[tuple[str, str], ...]
    anchors_any_case: tuple[tuple[str, str], ...]
    anchor_words: dict[str, frozenset[str]]
    attempts: dict[str, tuple[Attempt, ...]]


@cache
def _grammar() -> _Grammar:
    lex = _load_lexicon()
    month_any = _alternation(lex.months)
    month_gen = _alternation(lex.genitive_months)
    month_abbr = _alternation(lex.month_abbreviations) + r"\."
    month_after_day = f"(?:{month_gen}{_WORD_END}|{month_abbr})"
    modifier = _alternation(lex.modifiers)
    tail = (
        rf"(?:\s+(?:(?P<ty>\d{{4}})(?!\d)(?:{_YEAR_SUFFIX}(?:\s+{_YEAR_WORD})?|\s*{_YEAR_WORD})?"
        rf"|(?P<tr>{modifier})\s+(?:року|рік|році){_WORD_END}))?"
    )
    connector = rf"(?:\s*{_DASH}\s*|\s+(?P<mid>по|до|і|й|та)\s+)"
    opener = rf"(?:{_WORD_START}(?P<p>з|із|зі|від|між)\s+)?"
    units = {**lex.units, **{form: f"season:{name}" for form, name in lex.season_nouns.items()}}
    units.update({form: f"weekday:{day}" for form, day in lex.weekdays.items()})
    period_prefixes = [phrase for phrase, prefix in lex.prefixes.items() if prefix.period]
    weekday = _alternation(lex.weekdays)
    part_units = _alternation(form for form, unit in lex.units.items() if unit in _PART_MONTHS)

    def compile_(pattern: str) -> _LazyPattern:
        # Case-sensitive: rules match the lower-cased text (see _rules_any_case for the rare
        # exception).  Compiled on first use: a text without weekdays never pays for theirs.
        return _LazyPattern(pattern)

    rules: list[tuple[_LazyPattern, Rule]] = [
        (
            compile_(
                r"(?<![\w.,/-])(?:(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2})"
                r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))(?![\d]|[.,/-]\d)"
                rf"(?:\s?{_YEAR_WORD})?"
            ),
            _numeric_date,
        ),
        (
            compile_(
                r"(?<![\w.,/:-])(?P<d>0[1-9]|[12]\d|3[01])\.(?P<m>0[1-9]|1[0-2])"
                r"(?![\d]|[.,:/-]?\d|\s*(?:%|млн|млрд|тис|грн|год|хв|\$|€))"
            ),
            _numeric_day_month,
        ),
        (
            compile_(
                rf"(?<![\w.,:/-])(?:(?P<wd>{weekday})\s?,?\s+)?(?P<d>\d{{1,2}}){_DAY_SUFFIX}\s?"
                rf"(?P<mon>{month_after_day})" + tail
            ),
            _day_month,
        ),
        (
            compile_(
                rf"{_WORD_START}(?P<ord>{_alternation(lex.ordinals)})\s+(?P<mon>{month_gen})"
                rf"{_WORD_END}" + tail
            ),
            _ordinal_day_month,
        ),
        (compile_(rf"{_WORD_START}(?P<mon>{month_any}){_WORD_END}" + tail), _month),
        (
            compile_(
                rf"(?<![\w.,/:-])(?P<y>\d{{4}})(?:{_YEAR_SUFFIX}(?:\s+(?:року|рік|році){_WORD_END})?"
                rf"|\s*{_YEAR_WORD})"
            ),
            _year,
        ),
        (
            compile_(
                rf"{_WORD_START}[ув]\s+(?P<y>\d{{4}})(?=[,.;:!?)»](?!\d)|\s*$)"
            ),
            _bare_year,
        ),
        (
            compile_(
                rf"(?<![\w.,/:-])(?P<y>\d{{3}}0)\s?{_DASH}\s?(?:х|ті|тих|их){_WORD_END}"
                rf"(?:\s+(?:років|роках|роки|рр\.){_WORD_END})?"
            ),
            _decade,
        ),
        (
            compile_(
                rf"{opener}(?<![\w.,/:-])(?P<y1>\d{{4}})(?:{_YEAR_SUFFIX})?{connector}"
                rf"(?P<y2>\d{{4}}|\d{{2}})(?!\d)(?P<s2>{_YEAR_SUFFIX})?"
                rf"(?P<w>\s+{_YEARS_WORD}{_WORD_END})?"
            ),
            _year_range,
        ),
        (
            compile_(
                rf"{opener}(?<![\w.,/:-])(?P<d1>\d{{1,2}}){_DAY_SUFFIX}{connector}"
                rf"(?P<d2>\d{{1,2}}){_DAY_SUFFIX}\s?(?P<mon>{month_after_day})" + tail
            ),
            _day_range,
        ),
        (
            compile_(
                rf"{opener}(?<![\w.,/:-])(?P<d1>\d{{1,2}}){_DAY_SUFFIX}\s?(?P<m1>{month_after_day})"
                rf"(?:\s+(?P<y1>\d{{4}})(?:\s+{_YEAR_WORD})?)?{connector}"
                rf"(?P<d2>\d{{1,2}}){_DAY_SUFFIX}\s?(?P<mon>{month_after_day})" + tail
            ),
            _day_month_range,
        ),
        (
            compile_(
                rf"{opener}{_WORD_START}(?P<m1>{month_any})"
                rf"(?:\s+(?P<y1>\d{{4}})(?:{_YEAR_SUFFIX}|\s*{_YEAR_WORD})?)?{connector}"
                rf"(?P<mon>{month_any}){_WORD_END}" + tail
            ),
            _month_range,
        ),
        (
            compile_(rf"{_WORD_START}(?P<mod>{modifier})\s+(?P<unit>{_alternation(units)}){_WORD_END}"),
            _modified_unit,
        ),
        (
            compile_(
                rf"{_WORD_START}(?P<per>{_alternation(period_prefixes)})\s+"
                rf"(?P<unit>року|місяця|тижня){_WORD_END}"
            ),
            _period_of_current,
        ),
        (compile_(rf"{_WORD_START}(?P<word>{_alternation(lex.words)}){_WORD_END}"), _word),
        (
            compile_(
                rf"{_WORD_START}(?P<n>\d{{1,3}}|{_alternation(_NUMBER_WORDS)}\s+)?\s*"
                rf"(?P<unit>{_alternation(_AGO_UNITS)})\s+тому{_WORD_END}"
            ),
            _ago,
        ),
        (compile_(rf"{_WORD_START}(?P<wd>{weekday}){_WORD_END}"), _weekday),
        (
            compile_(
                rf"(?<![\w.,:/-])(?P<d1>\d{{1,2}})(?:\s?,\s?\d{{1,2}})*\s+(?:і|й|та)\s+"
                rf"(?P<d2>\d{{1,2}})\s?(?P<mon>{month_after_day})" + tail
            ),
            _day_list,
        ),
        (
            compile_(
                rf"{_WORD_START}(?P<qo>{_alternation(lex.part_ordinals)})\s+"
                rf"(?P<qu>{part_units})"
                rf"{_WORD_END}" + tail
            ),
            _quarter,
        ),
        (
            compile_(
                rf"{_WORD_START}(?:(?P<adv>{_alternation(lex.season_adverbs)})"
                rf"|(?P<noun>{_alternation(lex.season_nouns)})){_WORD_END}" + tail
            ),
            _season,
        ),
    ]
    anchors = _anchors(lex)
    return _Grammar(
        lexicon=lex,
        rules=tuple(sorted(rules, key=lambda pair: _RULE_ORDER.index(pair[1].__name__))),
        anchors=anchors,
        attempts=_attempt_table(lex),
        anchor_words={kind: frozenset(forms) for kind, forms in _anchor_families(lex).items()},
        anchors_any_case=tuple(
            (variant, kind)
            for stem, kind in anchors
            for variant in sorted({stem, stem.capitalize(), stem.upper()})
        ),
    )


@cache
def _rules_any_case() -> tuple[tuple[_LazyPattern, Rule], ...]:
    """The rules compiled to ignore case, for texts whose lower case changes length."""
    return tuple(
        (_LazyPattern(pattern.source, re.IGNORECASE), rule) for pattern, rule in _grammar().rules
    )


class _LazyPattern:
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


def _anchor_families(lex: _Lexicon) -> dict[str, list[str]]:
    """The whole words that make an anchor of each kind."""
    return {
        "month": [*lex.months, *lex.month_abbreviations],
        "weekday": list(lex.weekdays),
        "season": [*lex.season_adverbs, *lex.season_nouns],
        "unit": list(lex.units),
        "word": list(lex.words),
        "ago": ["тому"],
    }


def _anchors(lex: _Lexicon) -> tuple[tuple[str, str], ...]:
    """Lower-case stems to look for with ``str.find``: forms grouped by their first letters.

    A form with an apostrophe is searched by the part after it, so every apostrophe variant is
    found.  Digits are searched separately.
    """
    stems: dict[str, str] = {}
    for kind, forms in _anchor_families(lex).items():
        groups: dict[str, list[str]] = {}
        for form in forms:
            tail = form.rsplit("’", 1)[-1]
            groups.setdefault(tail[:3], []).append(tail)
        for group in groups.values():
            stem = group[0]
            for form in group[1:]:
                while not form.startswith(stem):
                    stem = stem[:-1]
            stems.setdefault(stem, kind)
    return tuple(sorted(stems.items()))



_NUMBER_WORDS = {
    "один": 1, "одну": 1, "два": 2, "дві": 2, "три": 3, "чотири": 4, "п’ять": 5, "шість": 6,
    "сім": 7, "вісім": 8, "дев’ять": 9, "десять": 10, "кілька": 0, "декілька": 0,
}
_SINGULAR_UNITS = frozenset({"день", "добу", "тиждень", "місяць", "рік"})
_AGO_UNITS = {
    "день": "day", "дні": "day", "днів": "day", "добу": "day",
    "тиждень": "week", "тижні": "week", "тижнів": "week",
    "місяць": "month", "місяці": "month", "місяців": "month",
    "рік": "year", "роки": "year", "років": "year",
}


# --------------------------------------------------------------------------------------------
# Calendar arithmetic: every constructor may meet year 0 or 10000, which is "no date".


def _partial(year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


def _shift_days(value: date, days: int) -> date | None:
    try:
        return value + timedelta(days=days)
    except OverflowError:
        return None


def _monday(value: date, weeks: int) -> date | None:
    """Monday of the week ``weeks`` away from the one holding ``value``."""
    return _shift_days(value, 7 * weeks - value.weekday())


def _latest_month(month: int, published: date, forward: bool) -> int:
    """The year of the latest such month not after publication (or the next one from it)."""
    if forward:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def _latest_day(month: int, day: int, published: date, forward: bool) -> PartialDate | None:
    """The latest such day not after publication, or with ``forward`` the first from it on.

    Tries up to eight years so ``29 лютого`` finds its leap year; ``31 лютого`` finds nothing.
    """
    step = 1 if forward else -1
    for offset in range(9):
        year = published.year + step * offset
        candidate = _partial(year, month, day)
        if candidate is None:
            continue
        first = candidate.first_day()
        if (first >= published) if forward else (first <= published):
            return candidate
    return None


# --------------------------------------------------------------------------------------------
# One match in its text: prefixes, future clauses and the final DateExpression.


_SYNTHETIC_FUTURE = tuple(
    vowel + "тим" + ending for vowel in "аяиі" for ending in ("уть", "емо", "ете", "еш", "у", "е")
)
"""The synthetic future tense: ``триватиме``, ``працюватимуть``."""
_SYNTHETIC_ENDINGS = tuple(f"{ending} " for ending in _SYNTHETIC_FUTURE)
_CLAUSE_SPLIT = re.compile(r"[.!?;,:\n«»()\[\]—–\"]")


@dataclass(slots=True)
class _Context:
    scan: _Scan
    text: str
    match: re.Match[str]
    published: date | None
    _prefix: tuple[int, _Prefix | None] | None = None

    def group(self, name: str) -> str | None:
        return self.match.group(name)

    def prefix(self, grammar: _Grammar) -> tuple[int, _Prefix | None]:
        """The preposition or period phrase just before the match, and where it starts.

        Up to three words back, longest first (``у першій половині``, ``до кінця``, ``з``).
        """
        if self._prefix is not None:
            return self._prefix
        start = self.match.start()
        starts = self.scan.word_starts(start)
        self._prefix = (start, None)
        if len(starts) == 1:
            return self._prefix
        words = _normalise(self.text[starts[-1] : start]).split()
        for count in range(len(starts) - 1, 0, -1):
            found = grammar.lexicon.prefixes.get(" ".join(words[-count:]))
            if found is not None:
                self._prefix = (starts[count], found)
                break
        return self._prefix

    def says_future(self, grammar: _Grammar) -> bool:
        """Does the clause around the match speak of what will happen?

        The clause runs to the nearest punctuation on each side (at most 100 characters), so
        ``заявив у червні, що … буде`` keeps its past date.
        """
        start, end = self.match.span()
        before = _CLAUSE_SPLIT.split(self.text[max(0, start - 100) : start])[-1]
        after = _CLAUSE_SPLIT.split(self.text[end : end + 100], maxsplit=1)[0]
        return _has_future_word(grammar, f"{before.lower()} | {after.lower()}")

    def build(
        self,
        start: int,
        value: PartialDate | None,
        *,
        end_value: PartialDate | None = None,
        relation: Relation = "on",
        explicit_year: bool,
        anchor_end: bool = False,
        end: int | None = None,
    ) -> DateExpression | None:
        if value is None:
            return None
        if end_value is not None and end_value.last_day() < value.first_day():
            return None
        if self.published is None and not explicit_year:
            return None
        stop = self.match.end() if end is None else end
        point = (end_value or value).last_day() if anchor_end else value.first_day()
        future = self.published is not None and point > self.published
        return DateExpression(
            start=start,
            end=stop,
            text=self.text[start:stop],
            value=value,
            end_value=end_value,
            relation=relation,
            future=future,
            explicit_year=explicit_year,
        )


def _has_future_word(grammar: _Grammar, clause: str) -> bool:
    """A future-tense word (``буде``, ``відбудеться``, ``-тиме``) in ``clause`` (lower case).

    The clause holds no punctuation, so splitting on spaces gives whole words.
    """
    lex = grammar.lexicon
    if not lex.future_single.isdisjoint(clause.split()):
        return True
    padded = f" {' '.join(clause.split())} "
    return any(ending in padded for ending in _SYNTHETIC_ENDINGS) or any(
        phrase in padded for phrase in lex.future_phrases
    )


def _with_prefix(
    grammar: _Grammar,
    ctx: _Context,
    value: PartialDate | None,
    *,
    explicit_year: bool,
    end_value: PartialDate | None = None,
) -> DateExpression | None:
    start, prefix = ctx.prefix(grammar)
    relation: Relation = prefix.relation if prefix else "on"
    return ctx.build(
        start,
        value,
        end_value=end_value,
        relation=relation,
        explicit_year=explicit_year,
        anchor_end=prefix.anchor_end if prefix else False,
    )


def _tail_year(grammar: _Grammar, ctx: _Context) -> tuple[int | None, bool]:
    """The year a month or day is given by: written (``2024 року``) or deictic (``цього року``)."""
    written = ctx.group("ty")
    if written is not None:
        return int(written), True
    modifier = ctx.group("tr")
    if modifier is not None and ctx.published is not None:
        return ctx.published.year + grammar.lexicon.modifiers.get(_normalise(modifier), 0), False
    return None, False


def _month_number(grammar: _Grammar, form: str) -> int:
    key = _normalise(form).rstrip(".")
    lex = grammar.lexicon
    return lex.months.get(key) or lex.month_abbreviations.get(key, 0)


def _resolve_day(
    grammar: _Grammar, ctx: _Context, month: int, day: int, year: int | None
) -> PartialDate | None:
    if year is not None:
        return _partial(year, month, day)
    if ctx.published is None:
        return None
    return _latest_day(month, day, ctx.published, ctx.says_future(grammar))


def _resolve_month(
    grammar: _Grammar, ctx: _Context, month: int, year: int | None
) -> PartialDate | None:
    if year is not None:
        return _partial(year, month)
    if ctx.published is None:
        return None
    forward = ctx.says_future(grammar)
    _, prefix = ctx.prefix(grammar)
    if not forward and prefix is not None and prefix.anchor_end:
        # "наприкінці листопада" in a November article: the end must be past, so last year's.
        published = ctx.published
        return _partial(published.year if month < published.month else published.year - 1, month)
    return _partial(_latest_month(month, ctx.published, forward), month)


# --------------------------------------------------------------------------------------------
# Rules: one resolver per regex.


def _numeric_date(grammar: _Grammar, ctx: _Context) -> DateExpression | None:
    if ctx.group("iy") is not None:
        year, month, day = (int(ctx.group(name) or 0) for name in ("iy", "im", "id"))
        value = _partial(year, month, day)
        return _with_prefix(grammar, ctx, value, explicit_year=True)
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
    value = _partial(year, int(ctx.group("m") or 0), int(ctx.group("d") or 0))
    return _with_prefix(grammar, ctx, value, explicit_year=True)


def _numeric_day_month(grammar: _Grammar, ctx: _Context) -> DateExpression | None:
    before = ctx.text[max(0, ctx.match.start() - 4) : ctx.match.start()].lower()
    if re.search(r"(?<!\w)(?:о|об)\s+\Z", before):
        return None  # "о 12.05" is a time of day
    value = _resolve_day(grammar, ctx, int(ctx.group("m") or 0), int(ctx.group("d") or 0), None)
    return _with_prefix(grammar, ctx, value, explicit_year=False)


def _day_month(grammar: _Grammar, ctx: _Context) -> DateExpression | None:
    month = _month_number(grammar, ctx.group("mon") or "")
    year, explicit = _tail_year(grammar, ctx)
    value = _resolve_day(grammar, ctx, month, int(ctx.group("d") or 0), year)
    return _with_prefix(grammar, ctx, value, explicit_year=explicit)


def _ordinal_day_month(grammar: _Grammar, ctx: _Context) -> DateExpression | None:
    day = grammar.lexicon.ordinals[_normalise(ctx.group("ord") or "")]
    month = _month_number(grammar, ctx.group("mon") or "")
    year, explicit = _tail_year(grammar, ctx)
    value = _resolve_day(grammar, ctx, month, day, year)
    return _with_prefix(grammar, ctx, value, explicit_year=explicit)


def _month(grammar: _Grammar, ctx: _Context) -> DateExpression | None:
    form = _normalise(ctx.group("mon") or "")
    year, explicit = _tail_year(grammar, ctx)
    if form in grammar.lexicon.context_months and year is None:
        _, prefix = ctx.prefix(grammar)
        if prefix is None:
            return None  # "лютий мороз": a fierce frost, not February
    value = _resolve_month(grammar, ctx, grammar.lexicon.months[form], year)
    return _with_prefix(grammar, ctx, value, explicit_year=explicit)


def _year(grammar: _Grammar, ctx: _Context) -> DateExpression | None:
    year = int(ctx.group("y") or 0)
    return _with_prefix(grammar, ctx, _partial(year), explicit_year=True)


def _bare_year(grammar: _Grammar, ctx: _Context) -> DateExpression | None:
    year = int(ctx.group("y") or 0)
    if not 1800 <= year <= 2199:
        return None
    return ctx.build(ctx.match.start(), _partial(year), explicit_year=True)


def _decade(grammar: _Grammar, ctx: _Context) -> DateExpression | None:
    year = int(ctx.group("y") or 0)
    return _with_prefix(
        grammar, ctx, _partial(year), end_value=_partial(year + 9), explicit_year=True
    )


def _range_opening(
    grammar: _Grammar, ctx: _Context
) -> tuple[int, bool] | None:
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
    grammar: _Grammar,
    ctx: _Context,
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


def _year_range(grammar: _Grammar, ctx: _Context) -> DateExpression | None:
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
    return _between(grammar, ctx, _partial(first), _partial(second), True)


def _day_range(grammar: _Grammar, ctx: _Context) -> DateExpression | None:
    month = _month_number(grammar, ctx.group("mon") or "")
    first, last = int(ctx.group("d1") or 0), int(ctx.group("d2") or 0)
    year, explicit = _tail_year(grammar, ctx)
    start = _resolve_day(grammar, ctx, month, first, year)
    if start is None:
        return None
    return _between(grammar, ctx, start, _partial(start.year, month, last), explicit)


def _day_list(grammar: _Grammar, ctx: _Context) -> DateExpression | None:
    """``5, 6 та 7 листопада``: the days of one month, from the first to the last."""
    month = _month_number(grammar, ctx.group("mon") or "")
    first, last = int(ctx.group("d1") or 0), int(ctx.group("d2") or 0)
    if not first < last:
        return None
    year, explicit = _tail_year(grammar, ctx)
    start = _resolve_day(grammar, ctx, month, first, year)
    end = _partial(start.year, month, last) if start else None
    return _with_prefix(grammar, ctx, start, end_value=end, explicit_year=explicit)


def _day_month_range(grammar: _Grammar, ctx: _Context) -> DateExpression | None:
    first_month = _month_number(grammar, ctx.group("m1") or "")
    last_month = _month_number(grammar, ctx.group("mon") or "")
    first_day, last_day = int(ctx.group("d1") or 0), int(ctx.group("d2") or 0)
    wraps = (last_month, last_day) < (first_month, first_day)
    year, explicit = _tail_year(grammar, ctx)
    first_year_text = ctx.group("y1")
    if first_year_text is not None:
        start = _partial(int(first_year_text), first_month, first_day)
        explicit = True
        end_year = year if year is not None else (start.year + wraps if start else None)
    elif year is not None:
        start = _partial(year - wraps, first_month, first_day)
        end_year = year
    else:
        start = _resolve_day(grammar, ctx, first_month, first_day, None)
        end_year = start.year + wraps if start else None
    end = _partial(end_year, last_month, last_day) if end_year is not None else None
    return _between(grammar, ctx, start, end, explicit)


def _month_range(grammar: _Grammar, ctx: _Context) -> DateExpression | None:
    first = _month_number(grammar, ctx.group("m1") or "")
    last = _month_number(grammar, ctx.group("mon") or "")
    wraps = last < first
    year, explicit = _tail_year(grammar, ctx)
    first_year = ctx.group("y1")
    if first_year is not None:
        start = _partial(int(first_year), first)
        explicit = True
    elif year is not None:
        start = _partial(year - wraps, first)
    else:
        start = _resolve_month(grammar, ctx, first, None)
    if year is None or first_year is None:
        year = start.year + wraps if start else None
    end = _partial(year, last) if year is not None else None
    return _between(grammar, ctx, start, end, explicit)


def _unit_period(
    unit: str, offset: int, published: date
) -> tuple[PartialDate | None, PartialDate | None]:
    """The week, month or year ``offset`` units from the one holding publication."""
    if unit == "week":
        monday = _monday(published, offset)
        sunday = _shift_days(monday, 6) if monday else None
        if monday is None or sunday is None:
            return None, None
        return PartialDate.from_date(monday), PartialDate.from_date(sunday)
    if unit == "month":
        index = published.year * 12 + published.month - 1 + offset
        return _partial(index // 12, index % 12 + 1), None
    if unit == "day":
        day = _shift_days(published, offset)
        return (PartialDate.from_date(day) if day else None), None
    if unit in _PART_MONTHS:
        months = _PART_MONTHS[unit]
        index = published.year * (12 // months) + (published.month - 1) // months + offset
        return _part_of_year(unit, index % (12 // months) + 1, index // (12 // months))
    return _partial(published.year + offset), None


_PART_MONTHS = {"quarter": 3, "half": 6}
"""Months in a quarter and in a half-year."""


def _part_of_year(
    unit: str, number: int, year: int
) -> tuple[PartialDate | None, PartialDate | None]:
    """Quarter or half-year ``number`` of ``year`` as its first and last month."""
    months = _PART_MONTHS[unit]
    return _partial(year, months * (number - 1) + 1), _partial(year, months * number)


def _quarter(grammar: _Grammar, ctx: _Context) -> DateExpression | None:
    lex = grammar.lexicon
    unit = lex.units[_normalise(ctx.group("qu") or "")]
    number = lex.part_ordinals[_normalise(ctx.group("qo") or "")]
    if number > 12 // _PART_MONTHS[unit]:
        return None  # "третє півріччя" does not exist
    year, explicit = _tail_year(grammar, ctx)
    if year is None:
        if ctx.published is None:
            return None
        months = _PART_MONTHS[unit]
        first, last = months * (number - 1) + 1, months * number
        published = ctx.published
        if ctx.says_future(grammar):
            year = published.year if last >= published.month else published.year + 1
        else:
            year = published.year if first <= published.month else published.year - 1
    value, end_value = _part_of_year(unit, number, year)
    return _with_prefix(grammar, ctx, value, end_value=end_value, explicit_year=explicit)


def _season_span(
    grammar: _Grammar, name: str, year: int
) -> tuple[PartialDate | None, PartialDate | None]:
    """A season of a year; winter is the one whose January falls in that year."""
    first, last = grammar.lexicon.seasons[name]
    start_year = year - 1 if first > last else year
    return _partial(start_year, first), _partial(year, last)


def _latest_season(
    grammar: _Grammar, name: str, published: date, forward: bool
) -> tuple[PartialDate | None, PartialDate | None]:
    """The latest such season that has begun by publication (or, forward, the next one)."""
    first, last = grammar.lexicon.seasons[name]
    year = published.year + (1 if first > last else 0)  # the winter starting this December
    for _ in range(3):
        start, end = _season_span(grammar, name, year)
        if start is None:
            return None, None
        if start.first_day() <= published:
            if forward and end is not None and end.last_day() < published:
                return _season_span(grammar, name, year + 1)
            return start, end
        year -= 1
    return None, None


def _modified_unit(grammar: _Grammar, ctx: _Context) -> DateExpression | None:
    if ctx.published is None:
        return None
    offset = grammar.lexicon.modifiers.get(_normalise(ctx.group("mod") or ""), 0)
    unit = grammar.lexicon.units.get(_normalise(ctx.group("unit") or ""))
    if unit is None:
        lex = grammar.lexicon
        form = _normalise(ctx.group("unit") or "")
        if form in lex.weekdays:
            unit = f"weekday:{lex.weekdays[form]}"
        elif form in lex.season_nouns:
            unit = f"season:{lex.season_nouns[form]}"
        else:
            return None
    weekend = unit == f"weekday:{_WEEKEND}"
    if (_normalise(ctx.group("mod") or "") in grammar.lexicon.plural_modifiers) != weekend:
        return None  # "наступні тижні" are the coming weeks; "цього вихідних" is no phrase
    if unit.startswith("weekday:"):
        monday = _monday(ctx.published, offset)
        weekday = _SATURDAY if weekend else int(unit.split(":")[1])
        day = _shift_days(monday, weekday) if monday else None
        value, end_value = _day_or_weekend(day, weekend)
        return _with_prefix(grammar, ctx, value, end_value=end_value, explicit_year=False)
    if unit.startswith("season:"):
        start, end = _deictic_season(grammar, unit.split(":")[1], offset, ctx.published)
        return _with_prefix(grammar, ctx, start, end_value=end, explicit_year=False)
    value, end_value = _unit_period(unit, offset, ctx.published)
    return _with_prefix(grammar, ctx, value, end_value=end_value, explicit_year=False)


def _deictic_season(
    grammar: _Grammar, name: str, offset: int, published: date
) -> tuple[PartialDate | None, PartialDate | None]:
    """``цього літа`` is this year's; ``минулого літа`` the latest one already over."""
    first, last = grammar.lexicon.seasons[name]
    if offset < 0:
        start, end = _latest_season(grammar, name, published, forward=False)
        if start is None or end is None:
            return None, None
        year = end.year if end.last_day() < published else end.year - 1
        return _season_span(grammar, name, year + offset + 1)
    this_year = published.year
    if first > last and published.month > last:
        this_year += 1  # "цієї зими" in November: the winter starting this December
    return _season_span(grammar, name, this_year + offset)


def _period_of_current(grammar: _Grammar, ctx: _Context) -> DateExpression | None:
    if ctx.published is None:
        return None
    prefix = grammar.lexicon.prefixes.get(_normalise(ctx.group("per") or ""))
    unit = {"року": "year", "місяця": "month", "тижня": "week"}[(ctx.group("unit") or "").lower()]
    value, end_value = _unit_period(unit, 0, ctx.published)
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


def _word(grammar: _Grammar, ctx: _Context) -> DateExpression | None:
    if ctx.published is None:
        return None
    unit, offset = grammar.lexicon.words[_normalise(ctx.group("word") or "")]
    value, _ = _unit_period(unit, offset, ctx.published)
    return _with_prefix(grammar, ctx, value, explicit_year=False)


def _ago(grammar: _Grammar, ctx: _Context) -> DateExpression | None:
    if ctx.published is None:
        return None
    number_text = (ctx.group("n") or "").strip()
    if number_text.isdigit():
        count = int(number_text)
    elif number_text:
        count = _NUMBER_WORDS.get(_normalise(number_text), 0)
    elif _normalise(ctx.group("unit") or "") in _SINGULAR_UNITS:
        count = 1  # "тиждень тому"
    else:
        return None  # "багато років тому" names no date
    if count <= 0:
        return None  # "кілька днів тому" names no date
    unit = _AGO_UNITS[_normalise(ctx.group("unit") or "")]
    if unit == "day":
        value, end_value = _unit_period("day", -count, ctx.published)
    else:
        value, end_value = _unit_period(unit, -count, ctx.published)
    return ctx.build(ctx.match.start(), value, end_value=end_value, explicit_year=False)


def _weekday(grammar: _Grammar, ctx: _Context) -> DateExpression | None:
    if ctx.published is None:
        return None
    start, prefix = ctx.prefix(grammar)
    if prefix is None or prefix.period:
        return None  # a weekday alone is a name, not a date
    weekday = grammar.lexicon.weekdays[_normalise(ctx.group("wd") or "")]
    weekend = weekday == _WEEKEND
    if weekend:
        weekday = _SATURDAY
    back = (ctx.published.weekday() - weekday) % 7
    if ctx.says_future(grammar):
        day = _shift_days(ctx.published, (weekday - ctx.published.weekday()) % 7)
    else:
        day = _shift_days(ctx.published, -back)
    value, end_value = _day_or_weekend(day, weekend)
    return ctx.build(
        start, value, end_value=end_value, relation=prefix.relation, explicit_year=False
    )


_SATURDAY = 5
_WEEKEND = 7
"""``weekdays.tsv`` numbers the weekend (``вихідні``) 7: Saturday and Sunday."""


def _day_or_weekend(
    day: date | None, weekend: bool
) -> tuple[PartialDate | None, PartialDate | None]:
    """A weekday as a date, or a weekend's Saturday and Sunday."""
    if day is None:
        return None, None
    if not weekend:
        return PartialDate.from_date(day), None
    sunday = _shift_days(day, 1)
    return PartialDate.from_date(day), PartialDate.from_date(sunday) if sunday else None


def _season(grammar: _Grammar, ctx: _Context) -> DateExpression | None:
    adverb = ctx.group("adv")
    name = (
        grammar.lexicon.season_adverbs[_normalise(adverb)]
        if adverb
        else grammar.lexicon.season_nouns[_normalise(ctx.group("noun") or "")]
    )
    year, explicit = _tail_year(grammar, ctx)
    if year is not None:
        start, end = _season_span(grammar, name, year)
    elif ctx.published is None:
        return None
    else:
        if adverb is None:
            _, prefix = ctx.prefix(grammar)
            if prefix is None:
                return None  # "Арабська весна" is no date
        start, end = _latest_season(grammar, name, ctx.published, ctx.says_future(grammar))
    return _with_prefix(grammar, ctx, start, end_value=end, explicit_year=explicit)


# --------------------------------------------------------------------------------------------


def _longest_first(found: list[DateExpression]) -> list[DateExpression]:
    """Keep the longest of overlapping expressions (earlier wins a tie), sorted by start.

    Candidates are split into clusters of chained overlaps first, so the greedy choice runs on
    a handful at a time and a text with half a million dates stays linear.
    """
    chosen: list[DateExpression] = []
    cluster: list[DateExpression] = []
    cluster_end = -1
    for expression in sorted(found, key=lambda e: (e.start, e.start - e.end)):
        if cluster and expression.start >= cluster_end:
            chosen.extend(_choose(cluster))
            cluster = []
        cluster.append(expression)
        cluster_end = max(cluster_end, expression.end) if len(cluster) > 1 else expression.end
    chosen.extend(_choose(cluster))
    return chosen


def _choose(cluster: list[DateExpression]) -> list[DateExpression]:
    """The greedy longest-first choice inside one cluster of overlapping candidates."""
    if len(cluster) <= 1:
        return cluster
    kept: list[DateExpression] = []
    for expression in sorted(cluster, key=lambda e: (e.start - e.end, e.start)):
        if all(other.end <= expression.start or expression.end <= other.start for other in kept):
            kept.append(expression)
    return sorted(kept, key=lambda e: e.start)


__all__ = ["DateExpression", "Relation", "find_dates"]
