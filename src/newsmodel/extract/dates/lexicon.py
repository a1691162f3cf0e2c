"""The date lexicon: month, weekday, season and unit words from ``lexicon/dates/`` data files.

Loaded once on first use; every lookup goes through :func:`normalise` so case and apostrophe
variants (``п'ятниця``, ``п’ятниця``) meet the same key.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from newsmodel.extract.dates.expression import Relation


@lru_cache(maxsize=100_000)
def normalise(word: str) -> str:
    """Lower case, one apostrophe, single spaces: the key every lexicon lookup uses (cached:
    the scan asks it of the same few words before every anchor)."""
    word = word.lower()
    if word.isalnum():
        return word
    # chained replace: str.translate with a mapping is ten times slower on Cyrillic text
    word = word.replace("ʼ", "’").replace("'", "’").replace("`", "’")
    return " ".join(word.split())


def lexicon_rows(name: str) -> list[list[str]]:
    data = files("newsmodel.extract").joinpath(f"lexicon/dates/{name}").read_text("utf-8")
    return [
        line.split("\t")
        for line in data.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


@dataclass(frozen=True, slots=True)
class Prefix:
    relation: Relation
    anchor_end: bool
    period: bool


@dataclass(frozen=True, slots=True)
class Reference:
    """A phrase resolved against the date mentioned just before it (``references.tsv``)."""

    either: bool
    """Without an earlier date, the publication date is the base (else: no date)."""
    unit: str
    offset: int
    eve: bool
    """Also a preposition with a genitive (``напередодні виборів``): then no date."""


@dataclass(frozen=True, slots=True)
class Lexicon:
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
    prefixes: dict[str, Prefix]
    ordinals: dict[str, int]
    part_ordinals: dict[str, int]
    future_single: frozenset[str]
    future_phrases: tuple[str, ...]
    references: dict[str, Reference]


def load_lexicon() -> Lexicon:
    months: dict[str, int] = {}
    genitive: set[str] = set()
    abbreviations: dict[str, int] = {}
    context: set[str] = set()
    for row in lexicon_rows("months.tsv"):
        number = int(row[0])
        gen_forms = row[1].split()
        other_forms = row[2].split()
        genitive.update(gen_forms)
        for form in (*gen_forms, *other_forms):
            months[normalise(form)] = number
        abbreviations.update({normalise(form): number for form in row[3].split()})
        if len(row) > 4 and row[4].strip() == "context":
            context.update(normalise(form) for form in (*gen_forms, *other_forms))
    weekdays = {
        normalise(form): int(row[0])
        for row in lexicon_rows("weekdays.tsv")
        for form in row[1].split()
    }
    seasons: dict[str, tuple[int, int]] = {}
    adverbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    for row in lexicon_rows("seasons.tsv"):
        seasons[row[0]] = (int(row[1]), int(row[2]))
        adverbs.update({normalise(form): row[0] for form in row[3].split()})
        nouns.update({normalise(form): row[0] for form in row[4].split()})
    prefixes = {
        normalise(row[0]): Prefix(
            relation=_relation(row[1]),
            anchor_end=row[2].strip() == "end",
            period=len(row) > 3 and row[3].strip() == "period",
        )
        for row in lexicon_rows("prefixes.tsv")
    }
    future_words = tuple(
        normalise(line)
        for line in files("newsmodel.extract")
        .joinpath("lexicon/dates/future.txt")
        .read_text("utf-8")
        .splitlines()
        if line.strip() and not line.startswith("#")
    )
    return Lexicon(
        months=months,
        genitive_months=frozenset(normalise(form) for form in genitive),
        month_abbreviations=abbreviations,
        context_months=frozenset(context),
        weekdays=weekdays,
        seasons=seasons,
        season_adverbs=adverbs,
        season_nouns=nouns,
        modifiers={normalise(row[0]): int(row[1]) for row in lexicon_rows("modifiers.tsv")},
        plural_modifiers=frozenset(
            normalise(row[0]) for row in lexicon_rows("modifiers.tsv") if row[2:] == ["plural"]
        ),
        units={
            **{normalise(row[0]): row[1].strip() for row in lexicon_rows("units.tsv")},
            **{
                normalise(form): row[1]
                for row in lexicon_rows("quarters.tsv")
                if row[0] == "unit"
                for form in row[2].split()
            },
        },
        part_ordinals={
            normalise(form): int(row[1])
            for row in lexicon_rows("quarters.tsv")
            if row[0] == "ordinal"
            for form in row[2].split()
        },
        words={
            normalise(row[0]): (row[1].strip(), int(row[2])) for row in lexicon_rows("words.tsv")
        },
        prefixes=prefixes,
        ordinals={normalise(row[1]): int(row[0]) for row in lexicon_rows("ordinals.tsv")},
        future_single=frozenset(word for word in future_words if " " not in word),
        future_phrases=tuple(f" {word} " for word in future_words if " " in word),
        references={
            normalise(row[0]): Reference(
                either=row[1].strip() == "either",
                unit=row[2].strip(),
                offset=int(row[3]),
                eve=row[4:5] == ["eve"],
            )
            for row in lexicon_rows("references.tsv")
        },
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


NUMBER_WORDS = {
    normalise(row[1]): int(row[2]) for row in lexicon_rows("counts.tsv") if row[0] == "number"
}
"""Number words before a unit (``три дні тому``); 0 for an indefinite count (``кілька``)."""
AGO_UNITS = {
    normalise(row[1]): row[2].strip() for row in lexicon_rows("counts.tsv") if row[0] == "unit"
}
"""Unit forms after a count (``днів``, ``тижні``) and their unit."""
SINGULAR_UNITS = frozenset(
    normalise(row[1])
    for row in lexicon_rows("counts.tsv")
    if row[0] == "unit" and row[3:] == ["singular"]
)
"""Unit forms that count one without a number (``тиждень тому``)."""


SATURDAY = 5
WEEKEND = 7
"""``weekdays.tsv`` numbers the weekend (``вихідні``) 7: Saturday and Sunday."""
