"""The recogniser interface: text in, typed entity spans out.

:class:`Recognizer` is what a user implements to back the parser with their own statistical
model (spaCy, a transformer, a CRF): return :class:`EntitySpan` objects with character offsets
and a label (``PERS``, ``ORG``, ``LOC``) and the rest of the pipeline (nominative names,
coreference, roles, events) works unchanged.  The default, :class:`RuleRecognizer` in
``extract/entities/``, uses rules, morphology and the gazetteer, and is meant to be good alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
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

    def recognise(self, text: str, tokens: Sequence[Token]) -> list[EntitySpan]: ...


__all__ = ["LABELS", "EntitySpan", "Label", "Recognizer"]
