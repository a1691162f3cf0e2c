"""People, organisations and places: the default rule-and-morphology recogniser.

Ukrainian capitalises proper names and little else, so the recogniser looks at capitalised
words and decides what each run is.  The candidate rules live by kind: organisations
(:mod:`.organisations`: legal forms with a quoted name, Latin company names, acronyms), noun
phrases with an organisation or place head (:mod:`.phrases`), places (:mod:`.places`:
streets, settlements, the gazetteer), people (:mod:`.persons`) and single words
(:mod:`.singles`); :mod:`.scanner` walks the tokens and asks them, and :mod:`.vocabulary`
holds the grammar words they read.  World knowledge comes from the gazetteer.

A user's own statistical model plugs in through :class:`~newsmodel.extract.recognizer.Recognizer`
instead of :class:`RuleRecognizer`.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsmodel.extract.entities.base import LexiconHit, lexicon_hits
from newsmodel.extract.entities.heads import organisation_heads
from newsmodel.extract.entities.scanner import Scanner
from newsmodel.extract.entities.vocabulary import LEGAL_FORMS, PLACE_HEADS, SETTLEMENT_KINDS
from newsmodel.extract.recognizer import EntitySpan
from newsmodel.extract.tokens import Token

__all__ = [
    "LEGAL_FORMS",
    "PLACE_HEADS",
    "SETTLEMENT_KINDS",
    "LexiconHit",
    "RuleRecognizer",
    "lexicon_hits",
    "organisation_heads",
]


class RuleRecognizer:
    """The default recogniser: rules, morphology and the gazetteer (see the module docs)."""

    def recognise(self, text: str, tokens: Sequence[Token]) -> list[EntitySpan]:
        return Scanner(text, tokens).run()
