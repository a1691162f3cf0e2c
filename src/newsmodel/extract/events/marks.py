"""Where in a document the events stage has anything to look at, found in one pass.

Most tokens trigger nothing, plan nothing and report nothing, yet the stage's tests asked the
same per-word questions of every token of every clause.  One pass over the document's tokens
(one cached look-up per distinct word) lists the tokens each test cares about; a clause finds
its own among them by binary search, so a clause without a trigger costs two bisections.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from newsmodel.extract import morph
from newsmodel.extract.document import Document
from newsmodel.extract.events.lexicon import lexicon
from newsmodel.extract.morph import WORDS_CACHED, Reading

_VERBAL = frozenset({"VERB", "INFN", "GRND"})
_FINITE = frozenset({"pres", "past", "futr", "impr"})


@dataclass(frozen=True, slots=True)
class Marks:
    """Token indices, in order, of the words each event test looks for."""

    triggers: list[int]
    """Words with a reading that can trigger (:func:`trigger_keys` is not empty)."""
    plans: list[int]
    """Words that plan an event on their own (:func:`plan_marks`)."""
    modals: list[int]
    """``має`` right before an infinitive (a plan too)."""
    sources: list[int]
    """Words with a reporting lemma (``повідомляє``, ``даними``)."""

    @staticmethod
    def within(found: list[int], start: int, end: int) -> list[int]:
        """The indices of ``found`` from ``start`` to ``end`` (exclusive)."""
        return found[bisect_left(found, start) : bisect_left(found, end)]


def marks(doc: Document) -> Marks:
    """The document's marks, in one pass over its tokens."""
    triggers: list[int] = []
    plans: list[int] = []
    modals: list[int] = []
    sources: list[int] = []
    tokens = doc.tokens
    last = len(tokens) - 1
    for index, token in enumerate(tokens):
        if not token.is_word:
            continue
        trigger, planned, modal, source = _word_marks(token.text)
        if trigger:
            triggers.append(index)
        if planned:
            plans.append(index)
        elif modal and index < last:
            after = tokens[index + 1]
            if after.is_word and has_infinitive(after.text):
                modals.append(index)
        if source:
            sources.append(index)
    return Marks(triggers, plans, modals, sources)


@lru_cache(maxsize=WORDS_CACHED)
def _word_marks(word: str) -> tuple[bool, bool, bool, bool]:
    """Can the word trigger, does it plan, is it ``має``, has it a reporting lemma?"""
    planned, modal = plan_marks(word)
    source = any(r.lemma in lexicon().sources for r in morph.readings(word))
    return bool(trigger_keys(word)), planned, modal, source


@lru_cache(maxsize=WORDS_CACHED)
def trigger_keys(word: str) -> tuple[tuple[str, str], ...]:
    """``(lemma, VERB|NOUN)`` keys of a word's dictionary readings (a participle counts as
    its verb: ``підписаний`` -> ``підписати``) that can trigger: those with a frame or a
    support verb's collocations.  Once per distinct word (the lexicon is read once)."""
    table = lexicon()
    keys = []
    for reading in morph.readings(word):
        if not reading.known:
            continue
        if reading.pos in _VERBAL:
            keys.append((reading.lemma, "VERB"))
        elif reading.pos == "NOUN":
            keys.append((reading.lemma, "NOUN"))
        elif reading.pos == "ADJF" and "pssv" in reading.grammemes:
            verb = table.participles.get(reading.lemma)
            if verb is not None:
                keys.append((verb, "VERB"))
    return tuple(
        (lemma, pos)
        for lemma, pos in keys
        if (lemma, pos) in table.frames or (pos == "VERB" and table.collocations.get(lemma))
    )


@lru_cache(maxsize=WORDS_CACHED)
def plan_marks(word: str) -> tuple[bool, bool]:
    """Does the word plan (a planning lemma, or a known verb reading only in the future), and
    is it ``має`` (``мати`` in the present, which plans with an infinitive after it)?"""
    readings = morph.readings(word)
    planned_lemmas = lexicon().singles("planned_lemma")
    tenses = {g for r in readings if r.pos == "VERB" and r.known for g in r.grammemes & _FINITE}
    planned = any(r.lemma in planned_lemmas for r in readings) or tenses == {"futr"}
    modal = any(r.lemma == "мати" and "pres" in r.grammemes for r in readings)
    return planned, modal


@lru_cache(maxsize=WORDS_CACHED)
def has_infinitive(word: str) -> bool:
    return any(is_infinitive(r) for r in morph.readings(word))


def is_infinitive(reading: Reading) -> bool:
    """pymorphy3's Ukrainian dictionary tags an infinitive ``VERB,infn``."""
    return reading.pos == "INFN" or "infn" in reading.grammemes


__all__ = ["Marks", "has_infinitive", "is_infinitive", "marks", "plan_marks", "trigger_keys"]
