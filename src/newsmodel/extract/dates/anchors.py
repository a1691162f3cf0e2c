"""Anchors: where a rule may start.

Python's regex engine costs tens of nanoseconds per character and pattern, so scanning an
article with a dozen patterns would take milliseconds.  ``str.find`` for a few dozen stems
(digits, month, weekday, season and unit words) takes microseconds; each rule is then tried with
``match`` only where it can start: at an anchor or a word or two before it.  This module says
which stems to look for and which rules to try at each kind of anchor.
"""

from __future__ import annotations

from newsmodel.extract.dates.lexicon import AGO_UNITS, Lexicon

WORD_CHARS = "’'ʼ`"
RULE_ORDER = (
    "numeric_date",
    "numeric_day_month",
    "day_month",
    "ordinal_day_month",
    "month",
    "year",
    "bare_year",
    "decade",
    "year_range",
    "day_range",
    "day_month_range",
    "month_range",
    "modified_unit",
    "period_of_current",
    "word",
    "ago",
    "weekday",
    "season",
    "quarter",
    "day_list",
    "reference",
    "later",
)


_OPENERS = frozenset({"з", "із", "зі", "від", "між"})
_IN = frozenset({"у", "в"})
Attempt = tuple[int, int, frozenset[str] | None]


def _attempts(*triples: tuple[str, int, frozenset[str] | None]) -> tuple[Attempt, ...]:
    return tuple((RULE_ORDER.index(name), back, words) for name, back, words in triples)


def attempt_table(lex: Lexicon) -> dict[str, tuple[Attempt, ...]]:
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
    ago_units = frozenset(AGO_UNITS)
    return {
        "day": _attempts(
            ("numeric_date", 0, None),
            ("numeric_day_month", 0, None),
            ("day_month", 0, None),
            ("day_range", 0, None),
            ("day_range", 1, _OPENERS),
            ("day_month_range", 0, None),
            ("day_month_range", 1, _OPENERS),
            ("day_list", 0, None),
        ),
        "year": _attempts(
            ("numeric_date", 0, None),
            ("year", 0, None),
            ("decade", 0, None),
            ("year_range", 0, None),
            ("year_range", 1, _OPENERS),
            ("bare_year", 1, _IN),
        ),
        "month": _attempts(
            ("month", 0, None),
            ("month_range", 0, None),
            ("month_range", 1, _OPENERS),
            ("ordinal_day_month", 1, ordinals),
            ("ordinal_day_month", 2, ordinal_tens),
        ),
        "weekday": _attempts(
            ("weekday", 0, None),
            ("day_month", 0, None),
            ("modified_unit", 1, modifiers),
        ),
        "season": _attempts(("season", 0, None), ("modified_unit", 1, modifiers)),
        "unit": _attempts(
            ("modified_unit", 1, modifiers),
            ("quarter", 1, frozenset(lex.part_ordinals)),
            ("period_of_current", 1, period_starts[1]),
            ("period_of_current", 2, period_starts[2]),
            ("period_of_current", 3, period_starts[3]),
        ),
        "word": _attempts(("word", 0, None)),
        "ago": _attempts(("ago", 1, ago_units), ("ago", 2, None)),
        "reference": _attempts(("reference", 0, None), ("reference", 1, _IN)),
        "later": _attempts(("later", 0, None)),
    }


def anchor_families(lex: Lexicon) -> dict[str, list[str]]:
    """The whole words that make an anchor of each kind."""
    return {
        "month": [*lex.months, *lex.month_abbreviations],
        "weekday": list(lex.weekdays),
        "season": [*lex.season_adverbs, *lex.season_nouns],
        "unit": list(lex.units),
        "word": list(lex.words),
        "ago": ["тому"],
        "reference": sorted({phrase.split()[0] for phrase in lex.references}),
        "later": ["через"],
    }


def anchor_stems(lex: Lexicon) -> tuple[tuple[str, str], ...]:
    """Lower-case stems to look for with ``str.find``: forms grouped by their first letters.

    A form with an apostrophe is searched by the part after it, so every apostrophe variant is
    found.  Digits are searched separately.
    """
    stems: set[tuple[str, str]] = set()  # a stem may anchor two kinds ("тому")
    for kind, forms in anchor_families(lex).items():
        groups: dict[str, list[str]] = {}
        for form in forms:
            tail = form.rsplit("’", 1)[-1]
            groups.setdefault(tail[:3], []).append(tail)
        for group in groups.values():
            stem = group[0]
            for form in group[1:]:
                while not form.startswith(stem):
                    stem = stem[:-1]
            stems.add((stem, kind))
    return tuple(sorted(stems))
