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

from newsmodel.extract import morph
from newsmodel.extract.document import Document
from newsmodel.extract.recognizer import EntitySpan
from newsmodel.extract.titles.lexicon import base_lemma, title_heads, words

MAX_WORDS = 30
COORDINATORS = frozenset({"і", "й", "та"})
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


@dataclass(frozen=True, slots=True)
class Spans:
    """The recogniser's spans by first and last token, built once per document."""

    by_first: dict[int, EntitySpan]
    by_last: dict[int, EntitySpan]

    @classmethod
    def build(cls, spans: Sequence[EntitySpan]) -> Spans:
        usable = [s for s in spans if s.first_token >= 0]
        return cls({s.first_token: s for s in usable}, {s.last_token: s for s in usable})


def head_readings(doc: Document, index: int) -> list[morph.Reading]:
    """The token's readings as a title head noun (none when it is no title head)."""
    heads = title_heads()
    token = doc.tokens[index]
    if not token.is_word or (token.is_upper and len(token.text) > 1):
        return []
    return [r for r in doc.readings[index] if r.pos == "NOUN" and base_lemma(r.lemma) in heads]


def cases(doc: Document, index: int, pos: frozenset[str] | None = None) -> set[str]:
    return {r.case for r in doc.readings[index] if r.case and (pos is None or r.pos in pos)}


def acting_end(doc: Document, index: int) -> int | None:
    """``в. о.`` (виконувач обов'язків) starting at ``index``: the index of its last token."""
    text = ""
    for end in range(index, min(index + 5, len(doc.tokens))):
        text += doc.tokens[end].text.lower()
        if text in words("acting") and end + 1 < len(doc.tokens):
            return end
    return None


def is_post(doc: Document, index: int) -> bool:
    """``посаду``, ``посаді``: a post whose genitive complement is a title."""
    return bool(doc.lemmas(index, "NOUN") & words("post"))


def is_verb(doc: Document, index: int) -> bool:
    """A finite verb that cannot be a noun or adjective: where a title ends."""
    kinds = {r.pos for r in doc.readings[index]}
    return doc.is_finite_verb(index) and not kinds & {"NOUN", "ADJF"}


def _complement(doc: Document, index: int) -> bool:
    """Can the word continue a title as a complement (a genitive, an abbreviation)?"""
    token = doc.tokens[index]
    if token.is_upper or doc.lemmas(index, "NPRO") & words("demonstrative"):
        return True
    if is_verb(doc, index) or token.text.isdigit():
        return False
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
    while index < end and index - head < MAX_WORDS and doc.tokens[index].sentence == sentence:
        span = spans.by_first.get(index)
        token = doc.tokens[index]
        if span is not None:
            if span.label == "PERS":
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
                doc.tokens[following].is_capitalised or following in spans.by_first
            ):
                break
        elif word in COMPLEMENT_PREPOSITIONS:  # "заступник міністра з питань ..."
            following = index + 1
            if (
                following >= end
                or doc.tokens[following].is_capitalised
                or not (_complement(doc, following))
            ):
                break
        elif word in {"м.", "с.", "смт"} or _complement(doc, index):
            last = index
        else:
            break
        index += 1
    return last, inner


def agrees(doc: Document, adjective: int, noun: int) -> bool:
    adjective_cases = cases(doc, adjective, frozenset({"ADJF", "PRTF"}))
    return bool(adjective_cases & cases(doc, noun, frozenset({"NOUN", "ADJF"})))


def widen(doc: Document, head: int, floor: int) -> int:
    """Adjectives before the head belong to the title (``перший заступник``)."""
    first = head
    while (
        first - 1 > floor
        and doc.tokens[first - 1].sentence == doc.tokens[head].sentence
        and {r.pos for r in doc.readings[first - 1]} & {"ADJF", "PRTF"}
        and not head_readings(doc, first - 1)
        and agrees(doc, first - 1, first)
    ):
        first -= 1
    return first


def make(doc: Document, first: int, last: int, inner: Sequence[EntitySpan]) -> Title:
    """The title written from token ``first`` to ``last``, in the nominative singular."""
    kept = [
        i
        for i in range(first, last + 1)
        if i == first
        or doc.tokens[i].text.lower() in COORDINATORS
        or not doc.lemmas(i, "NPRO") & words("demonstrative")
    ]
    parts = [doc.tokens[i].text for i in kept]
    if doc.tokens[first].sentence_start and parts[0][1:].islower():
        # capitalised only as the sentence's first word: a title is written in lower case
        parts[0] = parts[0][:1].lower() + parts[0][1:]
    heads = [n for n, i in enumerate(kept) if n == 0 or _coordinated_head(doc, kept, n)]
    weak = False
    plural = False
    acting = acting_end(doc, first)
    words_out = list(parts)
    if acting is None:
        for number, start in enumerate(heads):
            stop = heads[number + 1] - 1 if number + 1 < len(heads) else len(parts)
            segment = parts[start:stop]
            converted = morph.noun_phrase_nominative(segment, title_heads()).split(" ")
            if len(converted) == len(segment):
                words_out[start:stop] = converted
        head_index = next((i for i in kept if head_readings(doc, i)), first)
        readings = head_readings(doc, head_index)
        weak = bool(readings) and all(base_lemma(r.lemma) in words("weak") for r in readings)
        plural = bool(readings) and all(r.plural for r in readings)
    text = _spaced(doc, kept, words_out)
    if plural:
        text = morph.singular_phrase(text)
    return Title(text, first, last, tuple(sorted(inner, key=lambda s: s.start)), weak)


def _coordinated_head(doc: Document, kept: list[int], n: int) -> bool:
    """``засновником і директором``: a second head after a coordinator starts a segment
    of its own, put in the nominative like the first."""
    return (
        n >= 1
        and doc.tokens[kept[n - 1]].text.lower() in COORDINATORS
        and bool(head_readings(doc, kept[n]))
    )


def _spaced(doc: Document, kept: list[int], parts: list[str]) -> str:
    """The words with the text's own spacing (``ТД «Укрпласт»``, not ``ТД « Укрпласт »``)."""
    out = parts[0]
    for (left, right), word in zip(itertools.pairwise(kept), parts[1:], strict=True):
        adjacent = right == left + 1 and doc.tokens[right].start == doc.tokens[left].end
        out += ("" if adjacent else " ") + word
    return out


__all__ = [
    "Spans",
    "Title",
    "acting_end",
    "agrees",
    "cases",
    "extent",
    "head_readings",
    "is_post",
    "is_verb",
    "make",
    "widen",
]
