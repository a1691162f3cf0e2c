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

from collections.abc import Sequence
from dataclasses import dataclass

from newsmodel.extract.document import Document, Span
from newsmodel.extract.events.clause import ClauseEvent
from newsmodel.extract.events.lexicon import lexicon
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
    for date in sorted(dates, key=lambda d: d.start):
        token = doc.token_at(date.start)
        if token is None:
            continue
        paper = None
        if token > 0 and doc.tokens[token - 1].text.lower() == "від":
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


def event_date(
    doc: Document,
    event: ClauseEvent,
    placed: Sequence[PlacedDate],
    taken: set[int],
) -> DatedSpan | None:
    """The date of the clause's event.  ``taken`` holds the tokens of clauses that report an
    event of their own: a date there is theirs, not the sentence's."""
    sentence = doc.sentence_of(event.trigger)
    own = [p for p in placed if event.start <= p.token < event.end and _usable(p, event)]
    if own:
        return _nearest(own, event.trigger)
    shared = [
        p
        for p in placed
        if sentence.start <= p.token < sentence.end and p.token not in taken and p.paper is None
    ]
    if shared:
        return _nearest(shared, event.trigger)
    number = doc.tokens[event.trigger].sentence
    main = event.start == sentence.start  # not a relative clause: "..., який отримав хабар"
    if main and number + 1 < len(doc.sentences) and _names_evidence(doc, doc.sentences[number + 1]):
        following = doc.sentences[number + 1]
        evidence = [p for p in placed if following.start <= p.token < following.end]
        return evidence[0].date if evidence else None
    return None


def _names_evidence(doc: Document, sentence: Span) -> bool:
    """``Про це свідчить ухвала суду від 26 травня``: the sentence gives the evidence, and its
    date, for the one before."""
    words = [t.text.lower() for t in sentence.tokens[:3] if t.is_word]
    return any(tuple(words[: len(p)]) == p for p in lexicon().phrases("evidence"))


__all__ = ["DatedSpan", "PlacedDate", "event_date", "place_dates"]
