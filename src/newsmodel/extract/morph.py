"""Morphology: readings of a word, and inflection of names and noun phrases to the nominative.

pymorphy3's Ukrainian dictionary is loaded once, lazily, and every word's readings are cached,
so a news article costs a few dictionary look-ups per new word.  The first reading is often
wrong for proper names (``Києві`` is read as the name ``Кий``), so callers pick the reading
that fits the entity type they suspect: :func:`readings` returns them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct")
NAME_TAGS = frozenset({"Name", "Surn", "Patr"})


_CASED = frozenset({"NOUN", "ADJF", "PRTF", "NPRO"})

WORDS_CACHED = 50_000
"""How many distinct words each stage's per-word cache keeps (its facts about a word: a
trigger key, a title head, a case set).  News repeats a small vocabulary; the bound keeps a
stream of garbage words from growing a dozen caches without limit."""


_CASE_SET = frozenset(CASES)
_GENDERS = ("masc", "femn", "neut")
_GENDER_SET = frozenset(_GENDERS)


def _first(order: tuple[str, ...], found: frozenset[str]) -> str | None:
    """The first of ``order`` among ``found`` (a tag has one case and one gender at most)."""
    if not found:
        return None
    if len(found) == 1:
        return next(iter(found))
    return next(item for item in order if item in found)


@dataclass(frozen=True, slots=True)
class Reading:
    """One reading of a word: lemma, part of speech, grammemes, and whether the dictionary knows
    the word (``known``) or pymorphy guessed it from its ending.  Its case, gender, number and
    name flag are derived once, when the word is first analysed: every stage asks them, many
    times a token."""

    lemma: str
    pos: str | None
    grammemes: frozenset[str]
    score: float
    known: bool
    parse: Any
    case: str | None = field(init=False, compare=False)
    gender: str | None = field(init=False, compare=False)
    plural: bool = field(init=False, compare=False)
    is_name: bool = field(init=False, compare=False)

    def __post_init__(self) -> None:
        grammemes = self.grammemes
        case = _first(CASES, grammemes & _CASE_SET)
        if case is None and self.pos in _CASED and getattr(self.parse, "word", None) == self.lemma:
            # Some dictionary paradigms tag their first form without a case ("директор":
            # "NOUN,anim masc"); the lemma's own form is its nominative.
            case = "nomn"
        gender = _first(_GENDERS, grammemes & _GENDER_SET)
        object.__setattr__(self, "case", case)
        object.__setattr__(self, "gender", gender)
        object.__setattr__(self, "plural", "plur" in grammemes)
        object.__setattr__(self, "is_name", bool(NAME_TAGS & grammemes))

    def inflect(self, grammemes: set[str]) -> str | None:
        """This reading's form with ``grammemes`` (``{"nomn"}``), or ``None`` if it has none."""
        result = self.parse.inflect(grammemes)
        return None if result is None else str(result.word)


@cache
def analyzer() -> Any:
    """The pymorphy3 Ukrainian analyser, created on first use (about 0.15 s)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


@lru_cache(maxsize=200_000)
def readings(word: str) -> tuple[Reading, ...]:
    """Every reading of ``word`` (case-insensitive), best first, as pymorphy3 orders them."""
    lower = word.lower()
    if lower != word:
        # "Заявив" and "заявив" share one analysis (and one cache entry's work): stages ask
        # both forms of a capitalised word
        return readings(lower)
    result = []
    try:
        parses = analyzer().parse(word)
    except ValueError:
        # pymorphy3 looks up character names to guess a word's shape; characters without a
        # Unicode name (Tangut, private use) make it fail: such a word has no Ukrainian reading
        return ()
    for parse in parses:
        tag = parse.tag
        # plain str copies: pymorphy3's own grammeme objects compare slowly
        grammemes = frozenset(str(g) for g in tag.grammemes)
        pos = str(tag.POS) if tag.POS else None
        known = bool(parse.is_known)
        result.append(Reading(str(parse.normal_form), pos, grammemes, parse.score, known, parse))
    return tuple(result)


@lru_cache(maxsize=200_000)
def lemmas_of(word: str, pos: str = "NOUN") -> frozenset[str]:
    """Lemmas of the word's readings with this part of speech."""
    return frozenset(r.lemma for r in readings(word) if r.pos == pos)


@lru_cache(maxsize=200_000)
def is_known(word: str) -> bool:
    """Does the dictionary list this word (not just guess from its ending)?"""
    return any(reading.known for reading in readings(word))


def has(word: str, *grammemes: str, known: bool = False) -> bool:
    """Has ``word`` a reading carrying all ``grammemes`` (from the dictionary when ``known``)?"""
    return _has(word, grammemes, known)


@lru_cache(maxsize=200_000)
def _has(word: str, grammemes: tuple[str, ...], known: bool) -> bool:
    wanted = set(grammemes)
    return any(wanted <= r.grammemes and (r.known or not known) for r in readings(word))


@lru_cache(maxsize=200_000)
def pos_set(word: str) -> frozenset[str]:
    """Parts of speech the dictionary gives the word (guesses included)."""
    return frozenset(r.pos for r in readings(word) if r.pos)


def lemma(word: str) -> str:
    """The first reading's lemma; for entity words prefer :func:`noun_phrase_nominative`."""
    found = readings(word)
    return found[0].lemma if found else word.lower()


def restore_case(form: str, model: str) -> str:
    """Give ``form`` the capitalisation of ``model`` (``курська`` + ``Курської`` -> ``Курська``)."""
    if model.isupper() and len(model) > 1:
        return form.upper()
    if model[:1].isupper():
        parts = form.split("-")
        model_parts = model.split("-")
        return "-".join(
            part[:1].upper() + part[1:]
            if index < len(model_parts) and model_parts[index][:1].isupper()
            else part
            for index, part in enumerate(parts)
        )
    return form


def _agreeing(
    word: str, case: str, *, pos: str, plural: bool | None = None, gender: str | None = None
) -> Reading | None:
    for reading in readings(word):
        if reading.pos != pos or reading.case != case:
            continue
        if plural is not None and reading.plural != plural:
            continue
        if gender is not None and not reading.plural and reading.gender not in (gender, None):
            continue
        return reading
    return None


def noun_phrase_nominative(words: Sequence[str], heads: frozenset[str] = frozenset()) -> str:
    """See :func:`_noun_phrase_nominative`; cached per phrase."""
    return _noun_phrase_nominative(tuple(words), heads)


@lru_cache(maxsize=50_000)
def _noun_phrase_nominative(words: tuple[str, ...], heads: frozenset[str]) -> str:
    """``Курської області`` -> ``Курська область``, ``Збройних сил`` -> ``Збройні сили``.

    The phrase is adjectives, a head noun, then complements.  The head noun's case is read off
    (the case shared by the adjectives before it), the head and its adjectives are put in the
    nominative keeping number and gender, and the complements after the head stay as written,
    because an editor writes ``Рада безпеки Росії``, never ``Рада безпека Росія``.
    """
    if not words:
        return ""
    named = _declined_nominative(words, heads)
    if named == " ".join(words) and (before_acronym := _before_acronym_nominative(words)):
        return before_acronym
    return named


def _declined_nominative(words: tuple[str, ...], heads: frozenset[str]) -> str:
    head_index = _head_index(words)
    if head_index is None:
        return " ".join(words)
    head_word = words[head_index]
    nouns = [r for r in readings(head_word) if r.pos == "NOUN"]
    preferred = [r for r in nouns if r.lemma in heads] or nouns
    # A proper name's head is singular unless it has no singular at all ("Збройних сил"):
    # "Ради безпеки" is the Council's genitive, not "councils".
    preferred = [r for r in preferred if not r.plural] or preferred
    case = _phrase_case(words[: head_index + 1], preferred)
    if case is None or case == "nomn":
        return " ".join(words)
    head = _head_reading(head_word, case, heads)
    if head is None:
        return " ".join(words)
    plural = head.plural
    if plural:
        head_form = head.inflect({"nomn", "plur"}) or head_word
    else:
        # the singular nominative; where the dictionary leaves that form untagged
        # ("директора" -> "директор", not the tagged plural "директори") it is the lemma
        head_form = _singular_nominative(head)
    result = []
    for word in words[:head_index]:
        adjective = _agreeing(word, case, pos="ADJF", plural=plural, gender=head.gender)
        if adjective is None:
            result.append(word)
            continue
        target = {"nomn", "plur"} if plural else {"nomn", head.gender or "masc"}
        form = adjective.inflect(target)
        result.append(restore_case(form, word) if form else word)
    result.append(restore_case(head_form, head_word))
    result.extend(words[head_index + 1 :])
    return " ".join(result)


def _before_acronym_nominative(words: tuple[str, ...]) -> str | None:
    """``Харківської ОВА`` -> ``Харківська ОВА``: adjectives before an acronym the dictionary
    does not know (it does not decline, and gives no gender) go into the nominative in their
    own gender and number, a masculine-or-neuter form as masculine (``Житомирського ТЦК`` ->
    ``Житомирський ТЦК``), or in the acronym's own gender where the dictionary knows it
    (``Національного НАБУ`` -> ``Національне НАБУ``).  Asked only where the usual way left the
    phrase as it was; ``None`` when the phrase is not adjectives and an acronym."""
    *adjectives, head = words
    if not adjectives or len(head) < 2 or not head.isalpha() or not head.isupper():
        return None
    known = {r.gender for r in readings(head) if r.known and r.pos == "NOUN" and r.gender}
    cases = [{r.case for r in readings(w) if r.pos == "ADJF" and r.case} for w in adjectives]
    shared = set.intersection(*cases) if all(cases) else set()
    if not shared or "nomn" in shared:
        return None
    # the singular first: "Одеським НПЗ" is one refinery (instrumental), not a dative plural
    singular = [
        {r.case for r in readings(w) if r.pos == "ADJF" and r.case and not r.plural}
        for w in adjectives
    ]
    shared_singular = set.intersection(*singular) & shared if all(singular) else set()
    case = next(c for c in CASES if c in (shared_singular or shared))
    first = [r for r in readings(adjectives[0]) if r.pos == "ADJF" and r.case == case]
    plural = not shared_singular and all(r.plural for r in first)
    first = [r for r in first if r.plural == plural] or first
    gender = "femn" if any(r.gender == "femn" and not r.plural for r in first) else "masc"
    if len(known) == 1 and any(r.gender in known for r in first):
        gender = next(iter(known))
    result = []
    for word in adjectives:
        reading = _agreeing(
            word, case, pos="ADJF", plural=plural, gender=None if plural else gender
        )
        form = reading.inflect({"nomn", "plur" if plural else gender}) if reading else None
        result.append(restore_case(form, word) if form else word)
    return " ".join([*result, head])


def singular_phrase(phrase: str) -> str:
    """A nominative plural phrase in the singular: ``діючі народні депутати`` -> ``діючий
    народний депутат`` (the head's lemma, its adjectives agreeing); the rest as written.
    Used for a title shared by a list of people, which each of them holds."""
    words = phrase.split(" ")
    head_index = _head_index(words)
    if head_index is None:
        return phrase
    plural = [r for r in readings(words[head_index]) if r.pos == "NOUN" and r.plural]
    if not plural:
        return phrase
    lemma = plural[0].lemma
    gender = next(
        (r.gender for r in readings(lemma) if r.pos == "NOUN" and r.lemma == lemma and r.gender),
        "masc",
    )
    result = []
    for word in words[:head_index]:
        adjectives = [r for r in readings(word) if r.pos in ("ADJF", "PRTF") and r.plural]
        # a standard reading before a dialectal one ("народні": народний, not народній)
        adjective = next((r for r in adjectives if "Dist" not in r.grammemes), None) or next(
            iter(adjectives), None
        )
        form = adjective.inflect({"nomn", gender}) if adjective else None
        result.append(restore_case(form, word) if form else word)
    result.append(restore_case(lemma, words[head_index]))
    result.extend(words[head_index + 1 :])
    return " ".join(result)


def _singular_nominative(reading: Reading) -> str:
    """The reading's singular nominative in its own gender (``уповноваженої`` ->
    ``уповноважена``, ``директора`` -> ``директор``).  Some paradigms leave that form untagged,
    where asking for a nominative gives the tagged plural (``директори``): never take a plural,
    and fall back to the lemma."""
    wanted: list[set[str]] = [{"nomn", reading.gender}] if reading.gender else []
    for grammemes in [*wanted, {"nomn", "sing"}, {"nomn"}]:
        result = reading.parse.inflect(grammemes)
        if result is not None and "plur" not in result.tag:
            return str(result.word)
    return reading.lemma


def _head_index(words: Sequence[str]) -> int | None:
    """The first word that can be a noun once the adjectives agreeing with what follows end."""
    for index, word in enumerate(words):
        kinds = pos_set(word)
        adjective = bool(kinds & {"ADJF", "PRTF"})
        if adjective and index + 1 < len(words) and shares_case(word, words[index + 1]):
            continue
        if "NOUN" in kinds or not kinds:
            return index
        return None
    return None


@lru_cache(maxsize=100_000)
def shares_case(adjective: str, following: str) -> bool:
    """The adjective has a reading in a case the following adjective or noun can be in."""
    cases_a = {r.case for r in readings(adjective) if r.pos in ("ADJF", "PRTF")}
    cases_n = {r.case for r in readings(following) if r.pos in ("NOUN", "ADJF", "PRTF")}
    return bool(cases_a & cases_n)


def _phrase_case(words: Sequence[str], preferred: Sequence[Reading] = ()) -> str | None:
    """The case the whole pre-head part agrees in; the nominative wins ties.  ``preferred``
    readings of the head (those whose lemma is a known head word) restrict its cases."""
    candidates: set[str] | None = {r.case for r in preferred if r.case} or None
    for index, word in enumerate(words):
        pos = "NOUN" if index == len(words) - 1 else "ADJF"
        cases = {r.case for r in readings(word) if r.case and r.pos in (pos, "PRTF")}
        if not cases:
            continue
        candidates = cases if candidates is None else (candidates & cases) or candidates
    if not candidates:
        return None
    return next(case for case in CASES if case in candidates)


def _head_reading(word: str, case: str, heads: frozenset[str] = frozenset()) -> Reading | None:
    options = [r for r in readings(word) if r.pos == "NOUN" and r.case == case]
    options = [r for r in options if r.lemma in heads] or options
    options = [r for r in options if not r.plural] or options
    if not options:
        return None
    options.sort(key=lambda r: (not r.known, r.is_name, -r.score))
    return options[0]


__all__ = [
    "CASES",
    "NAME_TAGS",
    "WORDS_CACHED",
    "Reading",
    "analyzer",
    "has",
    "is_known",
    "lemma",
    "lemmas_of",
    "noun_phrase_nominative",
    "pos_set",
    "readings",
    "restore_case",
]
