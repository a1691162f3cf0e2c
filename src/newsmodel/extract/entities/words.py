"""Word tests the candidate rules share: compound organisation words, street-name
agreement, name readings, the stem a name keeps across cases.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from newsmodel.extract import gazetteer, lexicon_data, morph
from newsmodel.extract.entities.vocabulary import _FUNCTION_POS, _STREET_WORDS
from newsmodel.extract.tokens import UPPER

_ORG_PREFIXES = ("мін", "держ", "голов", "нац", "укр", "обл", "міськ", "рай")
_ORG_SUFFIXES = (
    "рада",
    "ради",
    "раді",
    "радою",
    "раду",
    "держадміністрац",
    "енерго",
    "газ",
    "буд",
    "банк",
    "трест",
    "пром",
    "торг",
    "буду",
    "банку",
)


@lru_cache(maxsize=morph.WORDS_CACHED)
def _compound_organisation(word: str) -> bool:
    """Ukrainian compound abbreviations name institutions: ``Київрада``, ``Мінюст``,
    ``Держрезерв``, ``ГоловКРУ``, ``СхідГЗК``: a capital inside the word, or a state prefix or
    institution suffix on a word the dictionary does not know."""
    if any(char.isupper() for char in word[1:]) and not word.isupper() and "-" not in word:
        return True
    lemmas = {r.lemma for r in morph.readings(word) if r.known and r.pos == "NOUN"}
    if any(lemma.endswith("рада") and len(lemma) > 6 for lemma in lemmas):
        return True  # Київрада, міськрада
    lower = word.lower()
    if (
        lower.startswith(("мін", "держ", "укр", "нац"))
        and (
            len(lower) > 6
            or (
                len(lower) == 6
                and lower.startswith("мін")
                and not any(r.is_name for r in morph.readings(word))
            )
        )
        and not lower.startswith("мінськ")
        and not lower.startswith(
            (
                "міні",
                "мінус",
                "мінер",
                "держав",
                "україн",
                "укрит",
                "укріп",
                "націо",
                "нацист",
                "нація",
            )
        )
    ):
        return True  # Мінюст, Держрезерв, Укравтодор, Нацгвардія
    if morph.is_known(word):
        return False
    lower = word.lower()
    return (lower.startswith(_ORG_PREFIXES) and len(lower) > 6) or any(
        lower.endswith(suffix) for suffix in _ORG_SUFFIXES[:5]
    )


_STREET_GENDERS = {
    "вул": "femn",
    "пл": "femn",
    "просп": "masc",
    "пров": "masc",
    "бул": "masc",
    "б-р": "masc",
}
"""The gender of the street word an abbreviation stands for (``вул.``: вулиця)."""


def _street_name(head: str, written: str) -> str:
    """A street's own name as it follows the street word: an adjective in the nominative,
    agreeing with it (``вулиця Полтавська``, ``проспект Перемоги`` stays), anything else as
    written (``вулиця Шевченка``)."""
    if " " in written or not written[:1].isupper():
        return written
    kinds = morph.pos_set(written)
    if kinds != frozenset({"ADJF"}):
        return written
    gender = _STREET_GENDERS.get(head.rstrip(".")) or next(
        (r.gender for r in morph.readings(head) if r.pos == "NOUN" and r.gender), None
    )
    for reading in morph.readings(written):
        if reading.pos == "ADJF" and gender and (form := reading.inflect({"nomn", gender})):
            return morph.restore_case(form, written)
    return written


def _latin_prefixed_noun(word: str) -> bool:
    """``IP-адреси``, ``GPS-навігатором``, ``PR-діяльності``: a Latin abbreviation prefixed to a
    lower-case Ukrainian noun is a common noun, whatever its capitals."""
    prefix, hyphen, rest = word.partition("-")
    return bool(hyphen) and prefix.isascii() and prefix.isupper() and rest[:1].islower()


@cache
def _title_heads() -> frozenset[str]:
    from newsmodel.extract.titles import title_heads

    return title_heads()


@lru_cache(maxsize=morph.WORDS_CACHED)
def title_word(word: str) -> bool:
    """Is the word a form of a job title's head (``президент``, ``міністра``)?  Cached per
    word: the decoder asks it of the words before every capitalised name."""
    return not morph.lemmas_of(word.lower()).isdisjoint(_title_heads())


def _shouted(word: str) -> bool:
    """An all-capitals word the dictionary knows as an ordinary word and never as an
    abbreviation (headings, emphasis: ``БУДЬ``, ``ЕСПРЕСО``; not ``ДАБІ``)."""
    found = morph.readings(word)
    return any(r.known for r in found) and not any("Abbr" in r.grammemes for r in found)


def _is_initial(text: str) -> bool:
    return len(text) == 1 and text.isupper() and text.isalpha()


_STEM_VOWELS = str.maketrans("іїє", "иие")


@lru_cache(maxsize=morph.WORDS_CACHED)
def _stem(word: str) -> str:
    """A crude stem for matching inflected name forms inside one text."""
    word = word.lower().translate(_STEM_VOWELS)
    return word[:-2] if len(word) > 6 else word[:-1] if len(word) > 4 else word


@lru_cache(maxsize=100_000)
def _has_name_reading(word: str, tag: str | None = None) -> bool:
    """Can the word be a first name (``Name``), surname (``Surn``) or patronymic?  The
    dictionary leaves the tag off a few nominatives that are also common words (``Володимир``,
    ``Богдан``); the other forms of that animate noun carry it."""
    found = morph.readings(word)
    if any(r.known and r.is_name and (tag is None or tag in r.grammemes) for r in found):
        return True
    if tag not in (None, "Name"):
        return False
    return any(
        r.known
        and r.pos == "NOUN"
        and "anim" in r.grammemes
        and r.case == "nomn"
        and any("Name" in str(form.tag) for form in r.parse.lexeme[1:3])
        for r in found
    )


@lru_cache(maxsize=morph.WORDS_CACHED)
def _is_verb(word: str) -> bool:
    return any(r.known and r.pos in ("VERB", "INFN") for r in morph.readings(word))


def _name_cases(word: str) -> set[str]:
    return {
        r.case for r in morph.readings(word) if r.is_name and r.case and "Fixd" not in r.grammemes
    }


def _person_boundary(words: Sequence[str]) -> int | None:
    """Where a run of capitalised words holds two people (``Віктора Януковича Євген Анісімов``):
    a first name whose case cannot be the case of the word before it starts the second."""
    for index in range(1, len(words)):
        if not _has_name_reading(words[index], "Name") or any(
            "Fixd" in r.grammemes for r in morph.readings(words[index]) if r.is_name
        ):
            continue  # "Тіною Кароль": an indeclinable surname fits any case
        before, here = _name_cases(words[index - 1]), _name_cases(words[index])
        if before and here and not before & here:
            return index
        if index >= 2 and _two_given_names(words[0], words[index - 1]):
            return index  # "представники Ігоря Петренка Василя Коваля": two people, one case
        if index == 1 and _surname_then_full_name(words):
            return index  # "матері Кравця Людмили Біцюк": his mother, Людмила Біцюк
    return None


def _surname_then_full_name(words: Sequence[str]) -> bool:
    """``Кравця Людмили Біцюк``: a word that is no given name, then a given name and a surname
    (not a patronymic, which would make ``Петренка Івана Івановича`` one name written surname
    first) holds the given name's person after someone else's surname or a place."""
    if len(words) < 3 or _has_name_reading(words[0], "Name"):
        return False
    after = [r for r in morph.readings(words[2]) if r.is_name]
    return bool(after) and not any("Patr" in r.grammemes or "Name" in r.grammemes for r in after)


def _two_given_names(first: str, before: str) -> bool:
    """A run ``first .. before`` + a given name holds two people when it already began with a
    given name and the word before the second given name is a surname, not a patronymic: a
    Ukrainian name has one given name (``Ігор Петренко``, ``Ігор Петрович Петренко``)."""
    if not _has_name_reading(first, "Name"):
        return False
    readings = [r for r in morph.readings(before) if r.known]
    return any("Surn" in r.grammemes for r in readings) and not any(
        "Patr" in r.grammemes or "Name" in r.grammemes for r in readings
    )


def _looks_like_person(words: Sequence[str]) -> bool:
    """Does a run of capitalised words read as a person's name?"""
    if len(words) > 4:
        return False
    if 2 <= len(words) <= 3 and not any(morph.is_known(word) for word in words):
        return True  # "Ваагн Авагян", "Лорін Додд": foreign names the dictionary lacks
    if len(words) == 2 and _guessed_name_and_adjective_surname(words[0], words[1]):
        return True
    if not any(_has_name_reading(word) for word in words):
        return False
    first = [r for r in morph.readings(words[0]) if r.known]
    return not (first and all(r.pos in ("ADJF", "PRTF") for r in first))


def measures(word: str) -> bool:
    """The word before ``м.`` makes it metres: a number, ``кв.``, ``куб.``, ``тис.``."""
    return word[-1:].isdigit() or word.lower() in ("кв.", "куб.", "тис.", "км", "кв", "куб")


_ADJECTIVE_SURNAME_ENDINGS = ("ський", "цький", "зький")


def _guessed_name_and_adjective_surname(first: str, second: str) -> bool:
    """``Агія Загребельська``: a given name the dictionary lacks (guessed as a name) and an
    adjective-form surname (``-ський``, ``-цький``) in the same case read as a person."""
    guessed = {
        r.case for r in morph.readings(first) if not r.known and "Name" in r.grammemes and r.case
    }
    if not guessed or any(r.known for r in morph.readings(first)):
        return False
    surname = [
        r
        for r in morph.readings(second)
        if r.pos == "ADJF" and r.lemma.endswith(_ADJECTIVE_SURNAME_ENDINGS) and r.case
    ]
    return any(r.case in guessed for r in surname)


@lru_cache(maxsize=morph.WORDS_CACHED)
def speaks(word: str) -> bool:
    """Is the word a form of a verb of speech (``заявив``, ``сказала``)?"""
    return not morph.lemmas_of(word.lower(), "VERB").isdisjoint(lexicon_data.speech_verbs())


class _Readings(NamedTuple):
    """What a single word's readings say, asked by the rule below of every capitalised word:
    computed once per word."""

    known_name: bool  # the dictionary knows it as a name
    only_names: bool  # every dictionary reading is a name
    function_word: bool  # a dictionary reading as a preposition, conjunction, pronoun ...
    common_noun: bool  # a dictionary reading as a common noun
    inanimate: bool
    animate: bool
    all_known: bool


@lru_cache(maxsize=morph.WORDS_CACHED)
def _readings(word: str) -> _Readings:
    readings = morph.readings(word)
    return _Readings(
        any(r.is_name and r.known for r in readings),
        all(r.is_name for r in readings if r.known),
        any(r.known and r.pos in _FUNCTION_POS for r in readings),
        any(r.known and not r.is_name and r.pos == "NOUN" for r in readings),
        any(r.known and not r.is_name and "inan" in r.grammemes for r in readings),
        any("anim" in r.grammemes for r in readings),
        all(r.known for r in readings),
    )


@lru_cache(maxsize=morph.WORDS_CACHED)
def _street_word(lower: str) -> bool:
    """Is the lower-case word a street word or its abbreviation (``вулиці``, ``просп.``)?"""
    return lower.rstrip(".") in _STREET_WORDS or not morph.lemmas_of(lower).isdisjoint(
        _STREET_WORDS
    )


def _written_lower(word: str) -> bool:
    """Is the token a word written in lower case?  A token's word and capital flags are its
    first character's (tokens.tokenize)."""
    head = word[:1]
    return head.isalnum() and head not in UPPER


@lru_cache(maxsize=morph.WORDS_CACHED)
def _lowercase_noun_lemmas(word: str) -> frozenset[str]:
    """The noun lemmas of a word written in lower case, none for any other token."""
    return morph.lemmas_of(word) if _written_lower(word) else frozenset()


@lru_cache(maxsize=morph.WORDS_CACHED)
def _lowercase_street_word(word: str) -> bool:
    """A street word written in lower case (``вулиці``, ``просп.``)."""
    return _written_lower(word) and _street_word(word.lower())


@lru_cache(maxsize=morph.WORDS_CACHED)
def _oblast_of(word: str) -> tuple[str, str] | None:
    """The oblast (name, gazetteer key) a feminine adjective names with ``область`` left out
    (``Сумську`` -> Сумська область), if the gazetteer knows it; cached per word."""
    for reading in morph.readings(word):
        if reading.pos != "ADJF" or "femn" not in reading.grammemes or reading.plural:
            continue
        nominative = reading.inflect({"nomn", "femn"})
        if nominative is None:
            continue
        words = [morph.restore_case(nominative, word), "область"]
        for match in gazetteer.find_matches(words):
            if match.start == 0 and match.end == 2 and match.entry.type == "place":
                return match.entry.name, match.entry.key
    return None


@lru_cache(maxsize=morph.WORDS_CACHED)
def _has_digit(word: str) -> bool:
    return any(char.isdigit() for char in word)
