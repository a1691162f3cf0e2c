"""When: the time expression an event's clause gives, else its sentence's.  The sentence before
dates a clause only through a back-reference (``того ж дня``, ``тоді``), which the dates stage
resolves into a time expression of the clause itself (``DatedSpan.back_reference``).

A sentence that gives the evidence for the one before (``Про це свідчить ухвала суду від 26
травня``) dates it when it has no date of its own.

A date after ``від`` belongs to the paper it follows (``провадження № 4201 від 06.01.2017``,
``ухвала суду від 26 травня``): it dates the event only when that paper is the trigger itself.
Of several dates, the one nearest the trigger wins.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from newsmodel.extract import morph
from newsmodel.extract.document import Document, Span
from newsmodel.extract.events.clause import ClauseEvent
from newsmodel.extract.events.lexicon import lexicon
from newsmodel.extract.morph import WORDS_CACHED
from newsmodel.models import PartialDate

_DOCUMENT_REACH = 8


@dataclass(frozen=True, slots=True)
class DatedSpan:
    """A resolved time expression (character span) with its value and relation."""

    start: int
    end: int
    value: PartialDate
    end_value: PartialDate | None
    relation: str
    back_reference: bool = False
    """Resolved by the dates stage against the date told just before (``того ж дня``, ``тоді``):
    the way a clause takes the previous sentence's date."""


@dataclass(frozen=True, slots=True)
class PlacedDate:
    """A date with the token it starts at and the paper it belongs to (if after ``від``)."""

    date: DatedSpan
    token: int
    paper: int | None


def place_dates(doc: Document, dates: Sequence[DatedSpan]) -> list[PlacedDate]:
    """Each date at its first token, with the paper a ``від`` ties it to."""
    papers = lexicon().singles("document_lemma")
    placed = []
    for date in sorted(dates, key=attrgetter("start")):
        token = doc.token_at(date.start)
        if token is None:
            continue
        paper = None
        if token > 0 and doc.lower[token - 1] == "від":
            sentence_start = doc.sentence_of(token).start
            for index in range(token - 2, max(sentence_start, token - _DOCUMENT_REACH) - 1, -1):
                if doc.lemmas(index, "NOUN") & papers:
                    paper = index
                    break
        placed.append(PlacedDate(date, token, paper))
    return placed


def _usable(placed: PlacedDate, event: ClauseEvent) -> bool:
    return placed.paper is None or placed.paper in (event.trigger, event.obj)


def _nearest(candidates: list[PlacedDate], trigger: int) -> DatedSpan | None:
    if not candidates:
        return None
    return min(candidates, key=lambda p: abs(p.token - trigger)).date


class SentenceDates:
    """The placed dates of each sentence, in token order (so an event looks only at its own
    sentence's), and the ones near a clause found by binary search: linear however long a
    sentence the text has."""

    def __init__(self, doc: Document, placed: Sequence[PlacedDate]) -> None:
        self._dates: dict[int, list[PlacedDate]] = {}
        for date in sorted(placed, key=attrgetter("token")):
            self._dates.setdefault(doc.tokens[date.token].sentence, []).append(date)
        self._tokens = {n: [p.token for p in dates] for n, dates in self._dates.items()}

    def of(self, sentence: int) -> list[PlacedDate]:
        return self._dates.get(sentence, [])

    def near(self, sentence: int, low: int, high: int) -> list[PlacedDate]:
        """The sentence's dates starting at tokens ``low`` to ``high`` (exclusive)."""
        tokens = self._tokens.get(sentence)
        if not tokens:
            return []
        return self._dates[sentence][bisect_left(tokens, low) : bisect_left(tokens, high)]


def by_sentence(doc: Document, placed: Sequence[PlacedDate]) -> SentenceDates:
    """The placed dates grouped by sentence."""
    return SentenceDates(doc, placed)


class Owners:
    """Which reported event's clause a token lies in, by its first token: a date there is that
    event's, not the sentence's.  The events' clauses come in text order and never overlap,
    so one bisection finds it (no table of every token)."""

    def __init__(self, events: Sequence[ClauseEvent]) -> None:
        self._starts = [event.start for event in events]
        self._ends = [event.end for event in events]

    def get(self, token: int, default: int) -> int:
        """The first token of the clause holding ``token``, ``default`` outside every one."""
        index = bisect_right(self._starts, token) - 1
        return self._starts[index] if index >= 0 and token < self._ends[index] else default


def event_date(
    doc: Document,
    event: ClauseEvent,
    context: tuple[int, int],
    placed: SentenceDates,
    owner: Owners,
) -> DatedSpan | None:
    """The date of the clause's event.  ``context``: the tokens around the clause the stage
    reads (:meth:`Document.context`); ``placed`` holds each sentence's dates; ``owner`` tells
    which event's clause a date's token lies in."""
    sentence = doc.sentence_of(event.trigger)
    number = doc.tokens[event.trigger].sentence
    here = placed.near(number, *context)
    if here:
        own = [p for p in here if event.start <= p.token < event.end and _usable(p, event)]
        if own:
            return _nearest(own, event.trigger)
        shared = [
            p for p in here if owner.get(p.token, event.start) == event.start and p.paper is None
        ]
        if shared:
            return _nearest(shared, event.trigger)
    # not a relative clause ("..., який отримав хабар"), nor an ongoing state ("розслідує"):
    # the paper's date is when a completed act was recorded
    main = event.start == sentence.start and not _present(doc, event.trigger)
    if main and number + 1 < len(doc.sentences) and _names_evidence(doc, doc.sentences[number + 1]):
        evidence = placed.of(number + 1)
        return evidence[0].date if evidence else None
    return None


def _present(doc: Document, index: int) -> bool:
    token = doc.tokens[index]
    return token.is_word and _present_verb(token.text)


@lru_cache(maxsize=WORDS_CACHED)
def _present_verb(word: str) -> bool:
    """Has the word a present-tense verb reading?  Once per distinct word."""
    return any(r.pos == "VERB" and "pres" in r.grammemes for r in morph.readings(word))


def _names_evidence(doc: Document, sentence: Span) -> bool:
    """``Про це свідчить ухвала суду від 26 травня``: the sentence gives the evidence, and its
    date, for the one before."""
    start = sentence.start
    opening = doc.tokens[start : min(start + 3, sentence.end)]
    words = tuple(doc.lower[t.index] for t in opening if t.is_word)
    return _opens_with_evidence(words)


@lru_cache(maxsize=1024)
def _opens_with_evidence(words: tuple[str, ...]) -> bool:
    """Do a sentence's first words (up to three) begin an evidence phrase?  Once per opening:
    the same few openings recur."""
    return any(words[: len(p)] == p for p in lexicon().phrases("evidence"))


__all__ = [
    "DatedSpan",
    "Owners",
    "PlacedDate",
    "SentenceDates",
    "by_sentence",
    "event_date",
    "place_dates",
]
