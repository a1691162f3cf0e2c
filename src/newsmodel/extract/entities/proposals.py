"""What each rule proposes at a token, in the order the decoder asks them.

The rules are asked from the most specific evidence down (``lexicon/entities/evidence.tsv``
orders them by weight), and the decoder stops once no rule left could beat the best candidate
so far.  Most tokens that pass the scanner's first test are lower-case words that may start a
phrase (``міської ради``); the rules that need a capital letter are not asked there at all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from newsmodel.extract.entities.decoder import Candidate, bound, nothing
from newsmodel.extract.entities.latin import LatinRules
from newsmodel.extract.entities.places import PlaceRules
from newsmodel.extract.entities.singles import SingleWordRules
from newsmodel.extract.recognizer import EntitySpan
from newsmodel.extract.tokens import Token

RULES: tuple[tuple[str, bool, bool], ...] = (
    # evidence, can it propose a person (whose context evidence may lift it above the rules
    # before it), does it need a capitalised first word
    ("latin_legal_form", False, True),
    ("product_name", False, True),
    ("coordinated_regions", False, True),
    ("settlement_kind", False, False),
    ("street_word", False, False),
    ("quoted_name", False, False),
    ("gazetteer", True, False),
    ("head_word", False, False),
    ("feature_word", False, True),
    ("name_readings", True, True),
    ("place_adjective", False, True),
    ("single_word", True, True),
)

Proposer = Callable[[int], "EntitySpan | Candidate | None"]


@cache
def bounds_after(capitalised: bool, context: tuple[str, ...]) -> tuple[int, ...]:
    """For each rule asked at a (capitalised or lower-case) token, the most any rule asked
    after it can score: only person candidates get context evidence, and only the evidence
    that may be found near the token (``context``: a verb of speech, a job title or none)."""
    asked = [(name, person) for name, person, capital in RULES if capitalised or not capital]
    bounds = [bound(name, context if person else ()) for name, person in asked]
    return tuple(max(bounds[i + 1 :], default=0) for i in range(len(bounds)))


class ProposalRules(SingleWordRules, PlaceRules, LatinRules):
    """Each rule's candidate at one token, memoised where two rules share work."""

    def __init__(self, text: str, tokens: Sequence[Token]) -> None:
        super().__init__(text, tokens)
        self._latin_at = self._phrase_at = -1
        self._latin_end: int | None = None
        self._phrase: EntitySpan | None = None
        self._rule_lists: dict[bool, list[tuple[str, Proposer]]] = {}

    def rules(self, capitalised: bool) -> list[tuple[str, Proposer]]:
        """The rules asked at a capitalised or a lower-case token, in :data:`RULES`' order."""
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
        return [(name, methods[name]) for name, _, capital in RULES if capitalised or not capital]

    def latin_end_at(self, index: int) -> int | None:
        if self._latin_at != index:
            word = self.words[index]
            self._latin_at = index
            self._latin_end = self.latin_run_end(index) if "A" <= word[:1] <= "Z" else None
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
