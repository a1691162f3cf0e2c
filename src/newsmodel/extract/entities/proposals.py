"""What each rule proposes at a token, in the order the decoder asks them.

The rules are asked from the most specific evidence down (``lexicon/entities/evidence.tsv``
orders them by weight), and the decoder stops once no rule left could beat the best candidate
so far.  Each rule is asked only at the shapes of word it can start at (:class:`Shape`): the
rules that need a capital letter not at lower-case words (``міської ради``), the Latin rules
only at Latin words, the street rule only at lower-case ones.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from newsmodel.extract import morph
from newsmodel.extract.entities.decoder import Candidate, bound, nothing
from newsmodel.extract.entities.singles import SingleWordRules
from newsmodel.extract.entities.vocabulary import LEGAL_FORMS
from newsmodel.extract.recognizer import EntitySpan
from newsmodel.extract.tokens import Token, latin_capital


class Shape(NamedTuple):
    """What a token's word is, as far as the rules' first tests go: each rule is asked only
    at the shapes it can start at (:data:`RULES`)."""

    capitalised: bool
    latin: bool = False  # a Latin capital first (Toyota, Acme)
    adjective: bool = False  # an adjective reading (Донецькій, Південний)
    legal_or_acronym: bool = False  # a legal form or a short word in capitals (ТОВ, ДП)


@lru_cache(maxsize=morph.WORDS_CACHED)
def _shape(word: str, capitalised: bool, upper: bool) -> Shape:
    if not capitalised:
        return Shape(False)
    return Shape(
        True,
        latin_capital(word),
        "ADJF" in morph.pos_set(word),
        word in LEGAL_FORMS or (upper and len(word) <= 6),
    )


def _anywhere(shape: Shape) -> bool:
    return True


RULES: tuple[tuple[str, bool, Callable[[Shape], bool]], ...] = (
    # evidence, can it propose a person (whose context evidence may lift it above the rules
    # before it), at which shapes of word it can start
    ("latin_legal_form", False, lambda shape: shape.capitalised and shape.latin),
    ("product_name", False, lambda shape: shape.capitalised and shape.latin),
    ("coordinated_regions", False, lambda shape: shape.capitalised and shape.adjective),
    ("settlement_kind", False, lambda shape: shape.capitalised),
    ("street_word", False, lambda shape: not shape.capitalised),
    ("quoted_name", False, lambda shape: not shape.capitalised or shape.legal_or_acronym),
    ("gazetteer", True, _anywhere),
    ("head_word", False, _anywhere),
    ("feature_word", False, lambda shape: shape.capitalised),
    ("name_readings", True, lambda shape: shape.capitalised),
    ("place_adjective", False, lambda shape: shape.capitalised and shape.adjective),
    ("single_word", True, lambda shape: shape.capitalised),
)

Proposer = Callable[[int], "EntitySpan | Candidate | None"]


@cache
def bounds_after(shape: Shape, context: tuple[str, ...]) -> tuple[int, ...]:
    """For each rule asked at a token of this shape, the most any rule asked after it can
    score: only person candidates get context evidence, and only the evidence that may be
    found near the token (``context``: a verb of speech, a job title or none)."""
    asked = [(name, person) for name, person, starts in RULES if starts(shape)]
    bounds = [bound(name, context if person else ()) for name, person in asked]
    return tuple(max(bounds[i + 1 :], default=0) for i in range(len(bounds)))


class ProposalRules(SingleWordRules):
    """Each rule's candidate at one token, memoised where two rules share work."""

    def __init__(self, text: str, tokens: Sequence[Token]) -> None:
        super().__init__(text, tokens)
        self._latin_at = self._phrase_at = -1
        self._latin_end: int | None = None
        self._phrase: EntitySpan | None = None
        self._rule_lists: dict[Shape, list[tuple[str, Proposer]]] = {}

    def shape(self, index: int) -> Shape:
        token = self.tokens[index]
        return _shape(token.text, token.is_capitalised, token.is_upper)

    def rules(self, shape: Shape) -> list[tuple[str, Proposer]]:
        """The rules asked at a token of this shape, in :data:`RULES`' order (memoised)."""
        if (known := self._rule_lists.get(shape)) is not None:
            return known
        methods: dict[str, Proposer] = {
            "latin_legal_form": self.latin_company_at,
            "product_name": self.product_at,
            "coordinated_regions": self.coordinated_regions,
            "settlement_kind": self.settlement,
            "street_word": self.street,
            "quoted_name": self.quoted_organisation,
            "gazetteer": self.gazetteer_at,
            "head_word": self.phrase_at,
            "feature_word": self.feature_name,
            "name_readings": self.person_run,
            "place_adjective": self.adjective_name,
            "single_word": self.single,
        }
        asked = [(name, methods[name]) for name, _, starts in RULES if starts(shape)]
        self._rule_lists[shape] = asked
        return asked

    def latin_end_at(self, index: int) -> int | None:
        if self._latin_at != index:
            word = self.words[index]
            self._latin_at = index
            self._latin_end = self.latin_run_end(index) if latin_capital(word) else None
        return self._latin_end

    def latin_company_at(self, index: int) -> EntitySpan | None:
        return self.latin_company(index, self.latin_end_at(index))

    def product_at(self, index: int) -> Candidate | None:
        """``Toyota Land Cruiser``: a brand and a model name, no entity (a company's name with
        a legal form is asked first and wins)."""
        end = self.latin_end_at(index)
        if end is None or not self.is_product(index, end):
            return None
        return nothing(index, end, "product_name")

    def phrase_at(self, index: int) -> EntitySpan | None:
        if self._phrase_at != index:
            self._phrase_at = index
            self._phrase = self.noun_phrase(index)
        return self._phrase

    def gazetteer_at(self, index: int) -> EntitySpan | None:
        """The gazetteer's name here, unless a longer noun phrase holds it (``Київська
        міська рада`` over ``Київська``)."""
        listed = self.lexicon(index)
        phrase = self.phrase_at(index)
        if listed is not None and phrase is not None and listed.last_token < phrase.last_token:
            return None
        return listed
