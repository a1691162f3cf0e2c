"""Person names: back to the nominative, split into given and family name, transliterated.

A name's words share one grammatical case (``Віктором Горемікіним``: instrumental), so the case
is chosen for the whole name first and each word is then put in the nominative with the gender
of the given name (``Мариною Чепуренко`` -> ``Марина Чепуренко``, the surname indeclinable).
East Asian names (``Кім Чен Ином``, ``Но Гван Чоль``) are runs of one-syllable words of which
only the last takes Ukrainian endings.  The Latin spelling follows the Ukrainian Cabinet of
Ministers' 2010 table (resolution no. 55), as implemented by ``translitua``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsmodel.extract.morph import CASES, WORDS_CACHED, Reading, readings, restore_case

_VOWELS = frozenset("аеєиіїоуюяё")
_EAST_ASIAN_ENDINGS = ("ові", "еві", "ом", "ем", "у", "ю", "а", "я")
_NAME_CHARACTER = re.compile(r"[^\w'’ʼ-]")


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name in the nominative, with its parts when they are known."""

    name: str
    given_name: str | None
    family_name: str | None
    patronymic: str | None = None


def syllables(word: str) -> int:
    return sum(1 for char in word.lower() if char in _VOWELS)


def is_east_asian(words: Sequence[str]) -> bool:
    """Two to four capitalised words of one syllable each (the last may carry an ending)."""
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    if any(syllables(w) != 1 or len(w) > 5 for w in words[:-1]):
        return False
    return syllables(_strip_east_asian(words[-1])) == 1


def _strip_east_asian(word: str) -> str:
    if syllables(word) <= 1:
        return word
    for ending in _EAST_ASIAN_ENDINGS:
        stem = word[: -len(ending)]
        if word.lower().endswith(ending) and syllables(stem) == 1 and len(stem) >= 2:
            return stem
    return word


@lru_cache(maxsize=WORDS_CACHED)
def _name_readings(word: str) -> tuple[Reading, ...]:
    """Readings as a first name, surname or patronymic; singular ones only when there are any
    (``Юлії`` is one Юлія's genitive, not a plural).  Once per distinct word."""
    found = [r for r in readings(word) if r.pos == "NOUN" and r.is_name]
    return tuple([r for r in found if not r.plural] or found)


@lru_cache(maxsize=WORDS_CACHED)
def _guess_readings(word: str) -> tuple[Reading, ...]:
    """Readings usable for an unknown name word: nouns and adjective-like surnames."""
    return tuple(r for r in readings(word) if r.pos in ("NOUN", "ADJF"))


@lru_cache(maxsize=WORDS_CACHED)
def _name_pairs(word: str) -> frozenset[tuple[str | None, str | None]]:
    """The (case, gender) pairs a word of a name can be read in (its name readings, else its
    guessed ones): what :func:`_fitting_pairs` checks every other word against."""
    return frozenset((r.case, r.gender) for r in (_name_readings(word) or _guess_readings(word)))


def _common_case(words: Sequence[str]) -> str:
    """The case most words of the name allow; nominative first on ties.  A known given name
    fixes the gender, so a feminine name's indeclinable surname (``Юлії Тимошенко``) casts no
    vote for the masculine surname's cases."""
    votes: dict[str, float] = dict.fromkeys(CASES, 0.0)
    genders = (
        {r.gender for r in _name_readings(words[0]) if "Name" in r.grammemes}
        if len(words) > 1
        else set()
    )
    for index, word in enumerate(words):
        options: Sequence[Reading] = _name_readings(word) or _guess_readings(word)
        if index and genders:
            options = [r for r in options if r.gender in genders or r.gender is None or r.plural]
        cases = {r.case for r in options if r.case and "Fixd" not in r.grammemes}
        for case in cases:
            votes[case] += 1.0 / len(cases)
    votes["voct"] *= 0.5
    best = max(CASES, key=lambda case: (votes[case], -CASES.index(case)))
    return best if votes[best] > 0 else "nomn"


def _nominative(
    word: str, case: str, gender: str | None, role: str | None
) -> tuple[str, str | None]:
    """The word in the nominative and the name role it was read as (Name/Surn/Patr)."""
    if "-" in word:
        parts = [_nominative(part, case, gender, role)[0] for part in word.split("-")]
        return "-".join(parts), role
    options = [r for r in _name_readings(word) if r.case == case]
    if role:
        options = [r for r in options if role in r.grammemes] or options
    if gender:
        options = [r for r in options if r.gender in (gender, None)] or options
    if not options:
        options = [r for r in _guess_readings(word) if r.case == case]
        if gender:
            options = [r for r in options if r.gender in (gender, None)] or options
        # a person's surname is no neuter noun: "Яковинцю" is Яковинець's, not "Яковинце"
        options = [r for r in options if r.gender != "neut"] or options
    if not options or case == "nomn":
        tag = next(
            (t for t in ("Name", "Surn", "Patr") if options and t in options[0].grammemes), None
        )
        return word, tag
    reading = options[0]
    if "Fixd" in reading.grammemes:
        return word, next((t for t in ("Name", "Surn", "Patr") if t in reading.grammemes), None)
    wanted = {"nomn", "sing"} if not reading.plural else {"nomn"}
    if reading.gender and not reading.plural:
        wanted.add(reading.gender)
    form = reading.inflect(wanted) or reading.inflect({"nomn"}) or reading.lemma
    tag = next((t for t in ("Name", "Surn", "Patr") if t in reading.grammemes), None)
    return restore_case(form, word), tag


@lru_cache(maxsize=50_000)
def normalise(words: tuple[str, ...], gender: str | None = None) -> PersonName:
    """The nominative name of a person mentioned as ``words`` (one mention, as written).
    ``gender`` (``masc``/``femn``), when the text elsewhere shows it, picks between readings
    that fit either: ``Лесю Мусаєву`` is Лесь's dative or Леся's accusative."""
    if not words:
        raise ValueError("a name needs at least one word")
    if is_east_asian(words):
        parts = [*words[:-1], _strip_east_asian(words[-1])]
        return PersonName(" ".join(parts), " ".join(parts[1:]), parts[0])
    agreed = _agreeing_case_and_gender(words, gender)
    case = agreed[0] if agreed else _common_case(words)
    gender = agreed[1] if agreed else _given_gender(words, case)
    forms: list[str] = []
    roles: list[str | None] = []
    for index, word in enumerate(words):
        role = None
        if len(words) >= 2:
            role = "Name" if index == 0 else ("Patr" if len(words) == 3 and index == 1 else "Surn")
        form, found = _nominative(word, case, gender, role)
        forms.append(form)
        roles.append(found)
    given, patronymic, family = _split(forms, roles)
    return PersonName(" ".join(forms), given, family, patronymic)


def name_genders(words: tuple[str, ...]) -> frozenset[str]:
    """The genders a whole name (given name first) can be read in with every word agreeing:
    one for ``Лесі Мусаєвої``, two for ``Лесю Мусаєву``, none for a single word."""
    return frozenset(gender for _, gender in _fitting_pairs(words)[0])


def _agreeing_case_and_gender(
    words: Sequence[str], gender: str | None = None
) -> tuple[str, str] | None:
    """The one case and gender every word of a name can be read in, when its first word is a
    known given name: ``Юлії Тимошенко`` is Юлія's genitive (the surname, indeclinable for a
    woman, agrees), ``Валентину Козименко`` is Валентина's accusative (for a man the surname
    would read ``Козименку``).  A known ``gender`` keeps only its readings when any fit.
    ``None`` when no pair fits every word (then the words vote)."""
    fitting, rank = _fitting_pairs(words)
    if gender is not None:
        fitting = [pair for pair in fitting if pair[1] == gender] or fitting
    if not fitting:
        return None
    # the vocative last: news names people, it rarely addresses them ("Петро" is Петро's
    # nominative, not the vocative of the rarer Петра, though the dictionary lists that first)
    return min(fitting, key=lambda pair: (pair[0] == "voct", rank[pair], CASES.index(pair[0])))


def _fitting_pairs(
    words: Sequence[str],
) -> tuple[list[tuple[str, str]], dict[tuple[str, str], int]]:
    """The (case, gender) pairs of the given name that every other word agrees with, and
    each pair's rank: the dictionary lists its likelier readings first (``Марині``: Марина
    before the rare Мариня), so a pair ranks as its first reading."""
    given = [r for r in _name_readings(words[0]) if "Name" in r.grammemes and r.gender]
    if len(words) < 2 or not given:
        return [], {}
    rank: dict[tuple[str, str], int] = {}
    for position, reading in enumerate(given):
        if reading.case and reading.gender:
            rank.setdefault((reading.case, reading.gender), position)
    others = [_name_pairs(word) for word in words[1:]]
    fitting = [
        (case, gender)
        for case, gender in rank
        if all((case, gender) in pairs or (case, None) in pairs for pairs in others)
    ]
    return fitting, rank


def _given_gender(words: Sequence[str], case: str) -> str | None:
    for word in words:
        for reading in _name_readings(word):
            if "Name" in reading.grammemes and reading.case == case and reading.gender:
                return reading.gender
    return None


def _split(forms: list[str], roles: list[str | None]) -> tuple[str | None, str | None, str | None]:
    """Given name, patronymic, family name: Ukrainian order is given (patronymic) family."""
    if len(forms) == 1:
        if roles[0] == "Name":
            return forms[0], None, None
        return None, None, forms[0]
    if len(forms) == 2:
        if roles[0] == "Surn" and roles[1] == "Name":
            return forms[1], None, forms[0]
        return forms[0], None, forms[1]
    if len(forms) == 3 and roles[1] == "Patr":
        return forms[0], forms[1], forms[2]
    return forms[0], None, " ".join(forms[1:])


@lru_cache(maxsize=50_000)
def latin(name: str) -> str:
    """Official Ukrainian transliteration (Cabinet of Ministers resolution 55, 2010)."""
    from translitua import translit

    return str(translit(name))


@lru_cache(maxsize=50_000)
def slug(text: str) -> str:
    """A readable id part: transliterated, lower case, hyphens (``Віктор Горемикін`` ->
    ``viktor-horemykin``); cached, as every entity of every article asks for one."""
    ascii_text = unicodedata.normalize("NFKD", latin(text)).encode("ascii", "ignore").decode()
    value = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return value[:60].strip("-") or "x"


__all__ = ["PersonName", "is_east_asian", "latin", "normalise", "slug", "syllables"]
