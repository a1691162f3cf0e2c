"""Title phrases over the annotated document: heads, their cases, extents and nominative text.

A title is a head noun (``директор``, ``екс-мер``), the adjectives agreeing with it before
(``перший заступник``) and its complements after: genitives (``міністра закордонних справ``),
organisation and place names the recogniser found, abbreviations (``РДА``), a quoted name
(``ТОВ «Укрдорхім»``), a place phrase (``у Волинській області``), and coordinated heads or
genitives (``засновник і директор``, ``розвитку і торгівлі``).  The text is written in the
nominative as an editor writes it; a plural title shared by several people in the singular.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import attrgetter, itemgetter

from newsmodel.extract import morph
from newsmodel.extract.document import Document
from newsmodel.extract.morph import WORDS_CACHED
from newsmodel.extract.recognizer import EntitySpan
from newsmodel.extract.titles import written
from newsmodel.extract.titles.lexicon import words
from newsmodel.extract.titles.written import COORDINATORS

MAX_WORDS = 30
PLACE_PREPOSITIONS = frozenset({"у", "в", "по", "при"})
COMPLEMENT_PREPOSITIONS = frozenset({"з", "із"})
QUOTES = frozenset('«»"“”„')


@dataclass(frozen=True, slots=True)
class Title:
    """A job title in the nominative, where it was written, and the entities named in it."""

    text: str
    first_token: int
    last_token: int
    inner: tuple[EntitySpan, ...]
    weak: bool = False
    plural: bool = False


@dataclass(frozen=True, slots=True)
class Spans:
    """The recogniser's spans by first and last token, built once per document."""

    by_first: dict[int, EntitySpan]
    by_last: dict[int, EntitySpan]

    @classmethod
    def build(cls, spans: Sequence[EntitySpan]) -> Spans:
        usable = [s for s in spans if s.first_token >= 0]
        return cls({s.first_token: s for s in usable}, {s.last_token: s for s in usable})


def head_readings(doc: Document, index: int) -> tuple[morph.Reading, ...]:
    """The token's readings as a title head noun (none when it is no title head)."""
    return written.head_readings(doc.tokens[index].text)


def cases(doc: Document, index: int, pos: frozenset[str] | None = None) -> frozenset[str]:
    """The cases of the token's readings (of those parts of speech when ``pos`` is given)."""
    return _cases(doc.tokens[index].text, pos)


@lru_cache(maxsize=WORDS_CACHED)
def _cases(text: str, pos: frozenset[str] | None) -> frozenset[str]:
    """:func:`cases` once per distinct token text (a punctuation mark has no readings)."""
    readings = morph.readings(text) if text[:1].isalnum() else ()
    return frozenset(r.case for r in readings if r.case and (pos is None or r.pos in pos))


def adjectival(doc: Document, index: int) -> bool:
    """Has the token an adjective or participle reading (``перший``, ``виконуючий``)?"""
    return _adjectival(doc.tokens[index].text)


@lru_cache(maxsize=WORDS_CACHED)
def _adjectival(text: str) -> bool:
    return text[:1].isalnum() and any(r.pos in _ADJECTIVES for r in morph.readings(text))


_ADJECTIVES = frozenset({"ADJF", "PRTF"})
_NOUNS_AND_ADJECTIVES = frozenset({"NOUN", "ADJF"})


def acting_end(doc: Document, index: int) -> int | None:
    """``в. о.`` (виконувач обов'язків) starting at ``index``: the index of its last token."""
    text = ""
    beginnings = _acting_beginnings()
    for end in range(index, min(index + 5, len(doc.tokens))):
        text += doc.lower[end]
        if text not in beginnings:
            return None  # no longer text can be an acting marker either
        if text in words("acting") and end + 1 < len(doc.tokens):
            return end
    return None


def may_act(doc: Document, index: int) -> bool:
    """Can an acting marker start at the token (the cheap first test of :func:`acting_end`)?"""
    return doc.lower[index] in _acting_beginnings()


@cache
def _acting_beginnings() -> frozenset[str]:
    """Every beginning of an acting marker (``в``, ``в.``, ``в.о``...), to stop reading early."""
    return frozenset(marker[:n] for marker in words("acting") for n in range(1, len(marker) + 1))


def is_post(doc: Document, index: int) -> bool:
    """``посаду``, ``посаді``: a post whose genitive complement is a title."""
    return _is_post(doc.tokens[index].text)


@lru_cache(maxsize=WORDS_CACHED)
def _is_post(text: str) -> bool:
    """:func:`is_post` once per distinct token text."""
    return text[:1].isalnum() and not morph.lemmas_of(text, "NOUN").isdisjoint(words("post"))


def is_verb(doc: Document, index: int) -> bool:
    """A finite verb that cannot be a noun or adjective: where a title ends."""
    return doc.is_finite_verb(index) and _only_verb(doc.tokens[index].text)


@lru_cache(maxsize=WORDS_CACHED)
def _only_verb(word: str) -> bool:
    """The word has no noun or adjective reading (asked of finite verbs only)."""
    return not any(r.pos in ("NOUN", "ADJF") for r in morph.readings(word))


def _complement(doc: Document, index: int) -> bool:
    """Can the word continue a title as a complement (a genitive, an abbreviation)?"""
    token = doc.tokens[index]
    if token.is_upper or doc.lemmas(index, "NPRO") & words("demonstrative"):
        return True
    if is_verb(doc, index) or token.text.isdigit():
        return False
    if token.is_capitalised and not any(r.known for r in doc.readings[index]):
        return True  # a name the dictionary does not know, misspelt or foreign
    return "gent" in cases(doc, index) or not doc.readings[index]


def extent(
    doc: Document, spans: Spans, head: int, limit: int | None = None
) -> tuple[int, list[EntitySpan]]:
    """The last token of the title starting at ``head`` and the entity spans inside it.
    The title ends before a person, a verb, a clause break or ``limit``."""
    end = min(limit if limit is not None else len(doc.tokens), len(doc.tokens))
    sentence = doc.tokens[head].sentence
    last, inner = head, []
    index = head + 1
    quotes = 0
    place = False
    while index < end and index - head < MAX_WORDS and doc.tokens[index].sentence == sentence:
        span = spans.by_first.get(index)
        token = doc.tokens[index]
        if span is not None:
            if span.label == "PERS":
                if span.last_token + 1 != end or not genitive_name(doc, span):
                    break
                # "адвокат Олени Шевчук Іван Петренко": whose adviser, right before the name
                last = span.last_token
                break
            inner.append(span)
            last = index = span.last_token
            index += 1
            continue
        word = token.text.lower()
        if token.text in QUOTES:
            quotes += 1 if token.text in "«„“" else -1
            if quotes < 0:
                break
            last = index
        elif quotes > 0:
            if token.text == "," or is_verb(doc, index):
                break  # an unclosed quote: the title ends where the clause goes on
            last = index
        elif not token.is_word:
            break
        elif word in COORDINATORS:
            following = index + 1
            if following < end and head_readings(doc, following):
                last = index = following  # "засновником і директором"
            elif (
                following >= end
                or doc.tokens[following].is_capitalised
                or not (_complement(doc, following))
            ):
                break
        elif word in PLACE_PREPOSITIONS or word == "від":  # "депутат від Партії регіонів"
            following = index + 1
            if following >= end or not (
                doc.tokens[following].is_capitalised
                or following in spans.by_first
                or doc.lower[following] in {"м.", "с.", "смт"}
                or any(r.plural for r in head_readings(doc, following))  # "кандидат у депутати"
            ):
                break
            place = word != "від"
        elif word in COMPLEMENT_PREPOSITIONS:  # "заступник міністра з питань ..."
            following = index + 1
            if (
                following >= end
                or doc.tokens[following].is_capitalised
                or not (_complement(doc, following))
            ):
                break
        elif (
            word in {"м.", "с.", "смт"}
            or _complement(doc, index)
            or (place and "loct" in cases(doc, index))  # "у Деснянському районі"
            or (place and any(r.plural for r in head_readings(doc, index)))
        ):
            last = index
        else:
            break
        index += 1
    return last, inner


def genitive_name(doc: Document, person: EntitySpan) -> bool:
    """Can every word of the name be genitive (``Олени Шевчук``), the name of whose title?"""
    return all(
        any(r.case == "gent" for r in doc.readings[i]) or not doc.readings[i]
        for i in range(person.first_token, person.last_token + 1)
        if doc.tokens[i].is_word
    )


def agrees(doc: Document, adjective: int, noun: int) -> bool:
    return not cases(doc, adjective, _ADJECTIVES).isdisjoint(
        cases(doc, noun, _NOUNS_AND_ADJECTIVES)
    )


def widen(doc: Document, head: int, floor: int) -> int:
    """Adjectives before the head belong to the title (``перший заступник``)."""
    first = head
    while (
        first - 1 > floor
        and doc.tokens[first - 1].sentence == doc.tokens[head].sentence
        and adjectival(doc, first - 1)
        and not head_readings(doc, first - 1)
        and agrees(doc, first - 1, first)
    ):
        first -= 1
    return first


def make(doc: Document, first: int, last: int, inner: Sequence[EntitySpan]) -> Title:
    """The title written from token ``first`` to ``last``, in the nominative singular: each
    head (``засновником і директором``) and the adjectives before it are inflected, the
    complements after it stay as written (``заступник міністра оборони``); the words are
    written once per distinct phrase (:func:`written.written`)."""
    tokens = doc.tokens[first : last + 1]
    joined = tuple(right.start == left.end for left, right in itertools.pairwise(tokens))
    acting = acting_end(doc, first) is not None
    text, weak, plural = written.written(
        tuple(map(_TEXT, tokens)), joined, _opens_sentence(doc, first), acting
    )
    return Title(text, first, last, tuple(sorted(inner, key=_START)), weak, plural)


_TEXT = itemgetter(0)  # a Token's text
_START = attrgetter("start")  # where a span starts


def _opens_sentence(doc: Document, index: int) -> bool:
    """Is the token the first word of its sentence (``* Засновниками ...`` included)?"""
    tokens = doc.tokens
    first = doc.sentence_of(index).start
    while first < index and not tokens[first].is_word:  # past opening marks only
        first += 1
    return first == index


__all__ = [
    "COORDINATORS",
    "Spans",
    "Title",
    "acting_end",
    "adjectival",
    "agrees",
    "cases",
    "extent",
    "genitive_name",
    "head_readings",
    "is_post",
    "is_verb",
    "make",
    "may_act",
    "widen",
]
