"""The recogniser interface: text in, typed entity spans out.

:class:`Recognizer` is what a user implements to back the parser with their own statistical
model (spaCy, a transformer, a CRF): return :class:`EntitySpan` objects with character offsets
and a label (``PERS``, ``ORG``, ``LOC``) and the rest of the pipeline (nominative names,
coreference, roles, events) works unchanged.  The default, :class:`RuleRecognizer` in
``extract/entities/``, uses rules, morphology and the gazetteer, and is meant to be good alone.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, Protocol

from newsmodel.extract.tokens import Token

Label = Literal["PERS", "ORG", "LOC"]
LABELS: tuple[Label, ...] = ("PERS", "ORG", "LOC")


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """One mention of a person, organisation or place.

    ``start``/``end`` are character offsets into the text; ``name`` is the nominative form
    when the recogniser knows it (else the pipeline derives it); ``key`` is a gazetteer key
    when the mention matched the lexicon; ``parts`` are nested spans (a country inside an
    organisation's name) that the pipeline uses for ``country`` and ``parent`` links.
    """

    start: int
    end: int
    label: Label
    name: str | None = None
    key: str | None = None
    first_token: int = -1
    last_token: int = -1
    parts: tuple[EntitySpan, ...] = field(default=())


class Recognizer(Protocol):
    """Anything that finds entity spans in a text; ``tokens`` are :func:`tokens.tokenize`'s."""

    def recognise(self, text: str, tokens: Sequence[Token]) -> Iterable[EntitySpan]: ...


def checked_spans(found: Iterable[object], text: str, tokens: Sequence[Token]) -> list[EntitySpan]:
    """A recogniser's answer as the pipeline reads it: a list of spans inside ``text``, each
    with its token indices.  A recogniser is its user's code, so its answer may be any iterable
    (a list, a tuple, a generator), and spans that leave ``first_token``/``last_token`` at -1
    get them from their offsets (the title and event finders look around them).  Anything else
    is refused at once, naming what is wrong, rather than failing somewhere later."""
    starts = [token.start for token in tokens]
    ends = [token.end for token in tokens]
    return [_checked(item, text, starts, ends) for item in found]


def _checked(item: object, text: str, starts: list[int], ends: list[int]) -> EntitySpan:
    if not isinstance(item, EntitySpan):
        raise TypeError(f"a recogniser returned {item!r:.80}: expected EntitySpan objects")
    if item.label not in LABELS:
        raise ValueError(f"a recogniser returned the label {item.label!r}: expected {LABELS}")
    if not 0 <= item.start < item.end <= len(text):
        raise ValueError(
            f"a recogniser returned the span {item.start}-{item.end}, which is not inside the "
            f"text of {len(text)} characters (offsets are character indices, end exclusive)"
        )
    parts = tuple(_checked(part, text, starts, ends) for part in item.parts)
    first, last = item.first_token, item.last_token
    if not 0 <= first <= last < len(starts):
        first = bisect_right(ends, item.start)  # the first token ending after the span starts
        last = bisect_left(starts, item.end) - 1  # the last token starting before it ends
        if first > last:
            raise ValueError(
                f"a recogniser returned the span {item.start}-{item.end} "
                f"({text[item.start : item.end]!r:.40}), which holds no token"
            )
    if (first, last, parts) == (item.first_token, item.last_token, item.parts):
        return item
    return replace(item, first_token=first, last_token=last, parts=parts)


__all__ = ["LABELS", "EntitySpan", "Label", "Recognizer", "checked_spans"]
