"""Where in a document the events stage has anything to look at, found in one pass.

Most tokens trigger nothing, plan nothing and report nothing, yet the stage's tests asked the
same per-word questions of every token of every clause.  One pass over the document's tokens
(one cached look-up per distinct word) lists the tokens each test cares about; a clause finds
its own among them by binary search, so a clause without a trigger costs two bisections.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from itertools import compress, count
from operator import itemgetter

from newsmodel.extract import morph
from newsmodel.extract.document import Document, noun_lemmas
from newsmodel.extract.events.lexicon import lexicon
from newsmodel.extract.morph import WORDS_CACHED, Reading
from newsmodel.extract.tokens import UPPER

_VERBAL = frozenset({"VERB", "INFN", "GRND"})
SUBJECT_PRONOUNS = {"він": "masc", "вона": "femn"}
"""A subject pronoun and the gender of the person it stands for."""
_FINITE = frozenset({"pres", "past", "futr", "impr"})


@dataclass(frozen=True, slots=True)
class Marks:
    """Token indices, in order, of the words (and commas) each event test looks for."""

    triggers: list[int]
    """Words with a reading that can trigger (:func:`trigger_keys` is not empty)."""
    plans: list[int]
    """Words that plan an event on their own (:func:`plan_marks`)."""
    modals: list[int]
    """``має`` right before an infinitive (a plan too)."""
    sources: list[int]
    """Words with a reporting lemma (``повідомляє``, ``даними``)."""
    prepositions: list[int]
    """Words with a preposition reading."""
    cancels: list[int]
    """Words with a lemma of cancelling (``скасували``)."""
    heads: list[int]
    """Lower-case words with an anaphoric head noun (``міністерство``, ``фірма``)."""
    pronouns: list[int]
    """Subject pronouns (:data:`SUBJECT_PRONOUNS`)."""
    postpones: list[int]
    """Words with a lemma of postponing (``перенесли``), and none of cancelling."""
    commas: list[int]
    """Commas (where :func:`~newsmodel.extract.events.find.units` may cut a clause again)."""
    conditionals: list[int]
    """Words a conditional phrase begins with (``якщо``, ``у`` of ``у разі``)."""

    @staticmethod
    def within(found: list[int], start: int, end: int) -> list[int]:
        """The indices of ``found`` from ``start`` to ``end`` (exclusive)."""
        return found[bisect_left(found, start) : bisect_left(found, end)]

    @staticmethod
    def any_within(found: list[int], start: int, end: int) -> bool:
        """Is any index of ``found`` from ``start`` to ``end`` (exclusive)?  One bisection and
        no slice: most tests only ask whether there is one."""
        first = bisect_left(found, start)
        return first < len(found) and found[first] < end


def marks(doc: Document) -> Marks:
    """The document's marks: one cached look-up per token and the choice of the marked ones
    (in C, through ``map`` and ``compress``: an unmarked word names no list, so is false),
    then a Python step only for the quarter of the tokens that are marked."""
    found = Marks([], [], [], [], [], [], [], [], [], [], [])
    modal: list[int] = []  # "має": a plan only before an infinitive, tested below
    appends = tuple(
        found_list.append
        for found_list in (
            found.triggers,
            found.plans,
            found.sources,
            found.prepositions,
            found.cancels,
            found.postpones,
            found.heads,
            found.pronouns,
            modal,
            found.commas,
            found.conditionals,
        )
    )
    tokens = doc.tokens
    per_token = list(map(_token_marks, map(_TEXT, tokens)))
    for index in compress(count(), per_token):
        for kind in per_token[index]:
            appends[kind](index)
    for index in modal:
        after = index + 1
        if after < len(tokens) and tokens[after].is_word and has_infinitive(tokens[after].text):
            found.modals.append(index)
    return found


_TEXT = itemgetter(0)
_COMMA = (9,)
"""The kind of a comma: the last of the lists of :func:`marks`."""


@lru_cache(maxsize=WORDS_CACHED)
def _token_marks(text: str) -> tuple[int, ...]:
    """Which of the lists of :func:`marks` a token's text goes in (by their order there; the
    last but one is ``має``, which plans when an infinitive follows); of the punctuation
    marks only a comma goes in one."""
    if not text[:1].isalnum():
        return _COMMA if text == "," else ()
    table = lexicon()
    planned, modal = plan_marks(text)
    readings = morph.readings(text)
    lemmas = {r.lemma for r in readings}
    cancel = not lemmas.isdisjoint(table.singles("cancel_lemma"))
    flags = (
        bool(trigger_keys(text)),
        planned,
        not lemmas.isdisjoint(table.sources),
        any(r.pos == "PREP" for r in readings),
        cancel,
        not cancel and not lemmas.isdisjoint(table.singles("postpone_lemma")),
        text[:1] not in UPPER and anaphoric_head(text) is not None,  # a capital: a name
        text.lower() in SUBJECT_PRONOUNS,
        modal and not planned,
        False,  # a comma: told above
        text.lower() in table.starts.get("conditional", {}),
    )
    return tuple(kind for kind, flag in enumerate(flags) if flag)


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


@cache
def anaphoric_heads() -> dict[str, str]:
    """``lemma -> "same" | "company" | "ministry"`` from the lexicon file."""
    text = files("newsmodel.extract.lexicon").joinpath("events/anaphoric_heads.tsv")
    table = {}
    for line in text.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            lemma, kind = line.split("\t")
            table[lemma] = kind
    return table


@lru_cache(maxsize=WORDS_CACHED)
def anaphoric_head(word: str) -> tuple[str, str] | None:
    """The first noun lemma of a word that is an anaphoric head, and its kind (per word)."""
    table = anaphoric_heads()
    for lemma in noun_lemmas(word):
        kind = table.get(lemma)
        if kind is not None:
            return lemma, kind
    return None


def is_infinitive(reading: Reading) -> bool:
    """pymorphy3's Ukrainian dictionary tags an infinitive ``VERB,infn``."""
    return reading.pos == "INFN" or "infn" in reading.grammemes


__all__ = [
    "SUBJECT_PRONOUNS",
    "Marks",
    "anaphoric_head",
    "anaphoric_heads",
    "has_infinitive",
    "is_infinitive",
    "marks",
    "plan_marks",
    "trigger_keys",
]
