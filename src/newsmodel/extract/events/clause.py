"""One clause, at most one event: its trigger, and what the clause says about it (modality).

A clause's triggers are its tokens whose readings have a lemma in the frame lexicon (a dict
look-up per reading, from ``Document.readings``) or a support verb with its object
(``наклав арешт``); the highest priority wins.  The clause then decides the event's status:

* negated (``не підписали``, ``так і не``, ``переговорів не було``), conditional (``якщо``, ``у
  разі``), hypothetical (``би``) or generic (``зазвичай``): no event;
* planned (a future verb, ``планують``, ``має відбутися``): ``scheduled``;
* a happening said to be cancelled or postponed (``скасували зустріч``, ``візит перенесли``):
  ``cancelled`` / ``postponed`` (the verb names no event of its own then).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import replace
from functools import cache, lru_cache
from typing import NamedTuple

from newsmodel.extract import morph
from newsmodel.extract.document import Document
from newsmodel.extract.events.lexicon import Frame, Lexicon, lexicon
from newsmodel.extract.events.marks import Marks, is_infinitive, trigger_keys
from newsmodel.extract.events.marks import marks as find_marks
from newsmodel.extract.morph import WORDS_CACHED
from newsmodel.models import EventCategory

_VERBAL = frozenset({"VERB", "INFN", "GRND"})
_COLLOCATION_AFTER = 6
_COLLOCATION_BEFORE = 3
_IDIOM_WINDOW = 5
_PHASE = frozenset({"почати", "розпочати", "продовжити", "продовжувати", "починати", "стати"})
"""Verbs whose infinitive happens with them (``почали будувати``): no plan."""
_CIRCUMSTANCE = 30
"""A noun trigger right after a preposition names a circumstance (``під час обшуку``, ``у
заволодінні коштами``), not the clause's event: it loses this much priority."""


class ClauseEvent(NamedTuple):
    """The event a clause reports: its frame, trigger token (and the support verb's object).
    A named tuple: as immutable as a frozen dataclass, and built without a Python
    ``__setattr__`` per field (one a reporting clause)."""

    frame: Frame
    trigger: int
    obj: int | None
    status: str
    start: int
    end: int
    """The clause's tokens, ``start`` to ``end`` (exclusive)."""


class _Candidate(NamedTuple):
    """A trigger of the clause (a named tuple: made for every trigger token)."""

    frame: Frame
    token: int
    obj: int | None


_new = tuple.__new__
"""Builds a named tuple (a ``_Candidate``, a ``ClauseEvent``) from a ready tuple, skipping the
named tuple's Python ``__new__``."""


def _object(
    doc: Document, index: int, objects: Mapping[str, Frame] | frozenset[str], span: tuple[int, int]
) -> tuple[int, str] | None:
    """The first token near a verb (after it, or just before it) with a lemma in ``objects``."""
    start, end = span
    after = range(index + 1, min(end, index + 1 + _COLLOCATION_AFTER))
    before = range(index - 1, max(start, index - _COLLOCATION_BEFORE) - 1, -1)
    for other in (*after, *before):
        for lemma in doc.lemmas(other):
            if lemma in objects:
                return other, lemma
    return None


_Entry = tuple[str, Frame | None, Mapping[str, Frame] | None, frozenset[str] | None]


@lru_cache(maxsize=WORDS_CACHED)
def _trigger_entries(word: str) -> tuple[_Entry, ...]:
    """Per trigger key of the word (:func:`trigger_keys`): its part of speech, frame, support
    verb collocations and idioms, looked up in the lexicon once per distinct word."""
    table = lexicon()
    return tuple(
        (
            pos,
            table.frames.get((lemma, pos)),
            table.collocations.get(lemma) if pos == "VERB" else None,
            table.idioms.get(lemma) if pos == "VERB" else None,
        )
        for lemma, pos in dict.fromkeys(trigger_keys(word))  # readings share keys: each once
    )


def _candidates(doc: Document, start: int, end: int, marks: Marks) -> list[_Candidate]:
    found = []
    for index in marks.within(marks.triggers, start, end):
        for pos, frame, collocations, idioms in _trigger_entries(doc.tokens[index].text):
            if collocations:
                hit = _object(doc, index, collocations, (start, end))
                if hit is not None:
                    found.append(_new(_Candidate, (collocations[hit[1]], index, hit[0])))
                    continue
            if frame is None:
                continue
            if idioms and _object(doc, index, idioms, (index, min(end, index + _IDIOM_WINDOW))):
                continue  # "прийняв участь", "прийняла закон": an idiom, not a reception
            circumstance = pos == "NOUN" and _after_preposition(index, start, marks)
            chosen = _circumstance(frame) if circumstance else frame
            found.append(_new(_Candidate, (chosen, index, None)))
    return found


_CIRCUMSTANCES: dict[tuple[str, str], Frame] = {}


def _circumstance(frame: Frame) -> Frame:
    """The noun frame with the circumstance's lower priority, made once per frame (a noun
    frame is the lexicon's one frame of its lemma)."""
    key = (frame.lemma, frame.pos)
    found = _CIRCUMSTANCES.get(key)
    if found is None:
        found = _CIRCUMSTANCES[key] = replace(frame, priority=frame.priority - _CIRCUMSTANCE)
    return found


def _after_word(doc: Document, index: int, word: str) -> bool:
    return index > 0 and doc.lower[index - 1] == word


def _after_preposition(index: int, start: int, marks: Marks) -> bool:
    """A preposition one or two words before (``під час обшуку``, ``у кримінальному ...``),
    in the clause: the nearest preposition before ``index`` (one bisection) is that close."""
    prepositions = marks.prepositions
    before = bisect_left(prepositions, index)
    return before > 0 and prepositions[before - 1] >= max(start, index - 2)


def _words(doc: Document, start: int, end: int) -> list[str]:
    return doc.lower[start:end]


def _has_phrase(words: list[str], kinds: tuple[str, ...], table: Lexicon) -> bool:
    if _first_words(kinds).isdisjoint(words):
        return False  # the usual case, tested at C speed
    return any(
        table.phrase_at(kind, words, i)
        for i, word in enumerate(words)
        for kind in kinds
        if word in table.starts.get(kind, {})
    )


@cache
def _first_words(kinds: tuple[str, ...]) -> frozenset[str]:
    """The words a phrase of any of ``kinds`` begins with (one set for one test)."""
    starts = lexicon().starts
    return frozenset(word for kind in kinds for word in starts.get(kind, {}))


def _negated(doc: Document, start: int, candidate: _Candidate, end: int, table: Lexicon) -> bool:
    """``не`` right before the trigger, or (for a noun trigger) before a verb of its clause."""
    negations = table.singles("negation")
    lower = doc.lower
    before = candidate.token - 1
    if before >= start and lower[before] in negations:
        return True
    if before > start and doc.is_finite_verb(before) and lower[before - 1] in negations:
        return True  # "не змогли підписати"
    if candidate.frame.pos == "NOUN" or candidate.obj is not None:
        tokens = doc.tokens
        if negations.isdisjoint(lower[start:end]):
            return False
        return any(
            lower[i - 1] in negations and tokens[i].is_word and _is_verbal(tokens[i].text)
            for i in range(start + 1, end)
        )
    return False


@lru_cache(maxsize=WORDS_CACHED)
def _is_verbal(word: str) -> bool:
    """Has the word a verb, infinitive or gerund reading?"""
    return any(r.pos in _VERBAL for r in morph.readings(word))


def _future(start: int, end: int, marks: Marks) -> bool:
    """A planned event: a future verb, a planning word, or ``має`` before an infinitive."""
    within = marks.any_within
    return within(marks.plans, start, end) or within(marks.modals, start, end - 1)


def _governed_infinitive(doc: Document, candidate: _Candidate, start: int) -> bool:
    """``домовилися провести зустріч``, ``вирішили підписати``: a trigger infinitive after a
    finite verb is what someone means to do, not what was done."""
    index = candidate.token
    if index <= start or not _only_infinitive(doc.tokens[index].text):
        return False
    return doc.is_finite_verb(index - 1) and not doc.lemmas(index - 1) & _PHASE


@lru_cache(maxsize=WORDS_CACHED)
def _only_infinitive(word: str) -> bool:
    """Is every dictionary reading of the word an infinitive (and one reading at least)?"""
    readings = morph.readings(word)
    if not all(is_infinitive(r) for r in readings if r.known):
        return False
    return any(is_infinitive(r) for r in readings)


def _status_word(start: int, end: int, marks: Marks) -> tuple[int, str] | None:
    """The clause's first word of cancelling or postponing, and the status it says."""
    if not (marks.cancels or marks.postpones):
        return None  # the usual document: none at all
    cancel = marks.within(marks.cancels, start, end)
    postpone = marks.within(marks.postpones, start, end)
    if cancel and (not postpone or cancel[0] < postpone[0]):
        return cancel[0], "cancelled"
    return (postpone[0], "postponed") if postpone else None


def conditional_starts(doc: Document, marks: Marks | None = None) -> dict[int, int]:
    """Sentence number -> the token where its first conditional phrase (``якщо``, ``у разі``)
    begins: every clause from there to the sentence's end is supposed, not reported.  Only
    the tokens that can begin one are looked at (``marks``, the document's, list them; found
    here when not given), in text order, so the first found in a sentence is its first."""
    first_words = lexicon().starts.get("conditional", {})
    lower, tokens = doc.lower, doc.tokens
    found: dict[int, int] = {}
    for index in (find_marks(doc) if marks is None else marks).conditionals:
        number = tokens[index].sentence
        if number in found:
            continue
        end = doc.sentences[number].end  # a phrase never runs past its sentence
        for phrase in first_words[lower[index]]:
            stop = index + len(phrase)
            if stop > end or (stop > index + 1 and lower[index + 1] != phrase[1]):
                continue  # the usual miss ("у" before anything but "разі"), told cheaply
            if tuple(lower[index:stop]) == phrase:
                found[number] = index
                break
    return found


def _rank(candidate: _Candidate) -> tuple[int, int]:
    """The highest priority wins, then the earliest trigger."""
    return candidate.frame.priority, -candidate.token


def clause_event(
    doc: Document,
    start: int,
    end: int,
    conditional_from: int | None = None,
    *,
    marks: Marks | None = None,
) -> ClauseEvent | None:
    """The event the clause ``start..end`` reports, or ``None`` (no trigger, or the clause
    denies, supposes or generalises it).  ``conditional_from``: where its sentence's first
    conditional phrase begins (:func:`conditional_starts`); ``marks``: the document's
    (:func:`~newsmodel.extract.events.marks.marks`, found here when not given)."""
    if conditional_from is not None and conditional_from < end:
        return None  # supposed, not reported (the cheapest test first: all tests are pure)
    table = lexicon()
    marks = find_marks(doc) if marks is None else marks
    found = _candidates(doc, start, end, marks)
    if not found:
        return None
    status = "occurred"
    said = _status_word(start, end, marks)  # rare: only then are the happenings looked for
    if said is not None:
        happenings = [c for c in found if c.frame.pos == "NOUN" and is_happening(c.frame.category)]
        if happenings:
            # "скасували зустріч", "переговори перенесли": the happening keeps its own category
            found = [c for c in found if c.token != said[0]] or found
            found = [c for c in found if c in happenings] or found
            status = said[1]
    best = found[0] if len(found) == 1 else max(found, key=_rank)
    if best.frame.category is EventCategory.STATEMENT:
        # "оголосила про купівлю стартапу": what was announced is the event
        told = [c for c in found if c.frame.pos == "NOUN" and _after_word(doc, c.token, "про")]
        best = told[0] if told else best
    meant = [c for c in found if c.frame.pos == "VERB" and _governed_infinitive(doc, c, start)]
    if meant:
        refused = [
            c
            for c in found
            if c.frame.category is EventCategory.REFUSAL
            and any(m.token == c.token + 1 for m in meant)
        ]
        if refused:
            best, meant = refused[0], []  # "відмовилися підписати угоду": the refusal happened
    if _negated(doc, start, best, end, table):
        return None
    if _has_phrase(_words(doc, start, end), ("hypothetical", "generic"), table):
        return None
    if status == "occurred" and (_future(start, end, marks) or meant):
        status = "scheduled"
    return _new(ClauseEvent, (best.frame, best.token, best.obj, status, start, end))


def is_happening(category: EventCategory) -> bool:
    return lexicon().categories[category].happening


__all__ = ["ClauseEvent", "clause_event", "conditional_starts", "is_happening"]
