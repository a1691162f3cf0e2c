"""The scan over a text's tokens: at each token the rules of every kind propose their candidates
and the decoder (:mod:`.decoder`) takes the best; a second pass makes a name known as a person
elsewhere in the text a person everywhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from newsmodel.extract import morph
from newsmodel.extract.entities.consistency import ConsistencyRules
from newsmodel.extract.entities.decoder import Candidate, best, bound, entity, nothing, weights
from newsmodel.extract.entities.latin import LatinRules
from newsmodel.extract.entities.places import PlaceRules
from newsmodel.extract.entities.singles import SingleWordRules
from newsmodel.extract.entities.vocabulary import (
    _FUNCTION_POS,
    _PHRASE_POS,
    _QUOTE_OPEN,
    _STREET_SHORT_DOTTED,
    _STREET_WORDS,
)
from newsmodel.extract.entities.words import (
    _stem,
)
from newsmodel.extract.recognizer import EntitySpan

_RULES = (
    # the rules from the most specific evidence down, and whether they can propose a person
    # (whose context evidence may lift it above the rules before it)
    ("latin_legal_form", False),
    ("product_name", False),
    ("coordinated_regions", False),
    ("settlement_kind", False),
    ("street_word", False),
    ("quoted_name", False),
    ("gazetteer", True),
    ("head_word", False),
    ("feature_word", False),
    ("name_readings", True),
    ("place_adjective", False),
    ("single_word", True),
)


@cache
def _bounds_after() -> tuple[int, ...]:
    """For each rule of :data:`_RULES`, the most any rule after it can score."""
    table = weights()
    bounds = [
        bound(name) if person else table[name] for name, person in _RULES
    ]  # only person candidates get context evidence
    return tuple(max(bounds[i + 1 :], default=0) for i in range(len(bounds)))


def _entity(span: EntitySpan | None, evidence: str) -> Candidate | None:
    return None if span is None else entity(span, evidence)


class Scanner(SingleWordRules, PlaceRules, LatinRules, ConsistencyRules):
    """One pass over one text's tokens (see the module docs)."""

    def run(self) -> list[EntitySpan]:
        index = 0
        count = len(self.tokens)
        scores: dict[int, int] = {}
        while index < count:
            token = self.tokens[index]
            if index in self.blocked or (
                not token.is_capitalised
                and token.text not in _QUOTE_OPEN
                and token.text.lower() not in _STREET_WORDS
                and (not token.is_word or not morph.pos_set(token.text) & _PHRASE_POS)
            ):
                index += 1  # punctuation, verbs, function words: nothing starts here
                continue
            chosen = self.decode(index)
            if chosen is None:
                index += 1
                continue
            index = chosen.last + 1
            found = chosen.span
            if found is None:
                continue  # a product, an act's title: no entity, and none inside it
            if found.label == "PERS":
                found = self.with_initials(found)
            if chosen.evidence[0] == "coordinated_regions":
                *regions, found = self.each_region(found)
                self.spans.extend(regions)
            self.spans.append(found)
            scores[found.first_token] = chosen.score
            index = self.parenthesised_acronym(found, found.last_token + 1)
            if found.label == "LOC" and found.key is None:
                if self.tokens[found.first_token].text.lower() in (
                    _STREET_WORDS | _STREET_SHORT_DOTTED
                ):
                    index = self.street_list(index, self.street_head(found.first_token))
                elif (word := self.plural_street_word_before(found.first_token)) is not None:
                    index = self.street_list(index, self.street_head(word))
        self.one_type_per_name(scores)
        self.list_items(scores)
        self.settle_latin()
        return self.second_pass()

    def decode(self, index: int) -> Candidate | None:
        """The best candidate starting at ``index``: every rule is asked, from the most specific
        down, until none of the rules left could beat the best so far."""
        chosen: Candidate | None = None
        for candidate, beatable_below in zip(self.proposals(index), _bounds_after(), strict=False):
            if candidate is not None:
                chosen = best(
                    (self.with_context(candidate), *(() if chosen is None else (chosen,)))
                )
            if chosen is not None and chosen.score > beatable_below:
                break
        return chosen

    def proposals(self, index: int) -> Iterator[Candidate | None]:
        """Each rule's candidate at ``index`` (``None`` where it has none), in :data:`_RULES`'
        order, asked lazily so the decoder can stop early."""
        latin_end = self.latin_run_end(index) if "A" <= self.words[index][:1] <= "Z" else None
        company = self.latin_company(index, latin_end)
        yield _entity(company, "latin_legal_form")
        if company is None and latin_end is not None and self.is_product(index, latin_end):
            yield nothing(index, latin_end, "product_name")  # "Toyota Land Cruiser"
        else:
            yield None
        yield _entity(self.coordinated_regions(index), "coordinated_regions")
        yield _entity(self.settlement(index), "settlement_kind")
        yield _entity(self.street(index), "street_word")
        yield _entity(self.quoted_organisation(index), "quoted_name")
        phrase = self.noun_phrase(index)
        listed = self.lexicon(index)
        if listed is not None and phrase is not None and listed.last_token < phrase.last_token:
            listed = None  # a gazetteer name inside a longer phrase is part of it
        yield _entity(listed, "gazetteer")
        yield _entity(phrase, "head_word")
        yield _entity(self.feature_name(index), "feature_word")
        yield _entity(self.person_run(index), "name_readings")
        yield _entity(self.adjective_name(index), "place_adjective")
        yield self.single(index)

    def second_pass(self) -> list[EntitySpan]:
        """A word that is a person's name elsewhere in the text is one here too, even at the
        start of a sentence (``Пелипас звернулася``) where capitals prove nothing."""
        covered: set[int] = set()
        for span in self.spans:
            covered.update(range(span.first_token, span.last_token + 1))
        names: set[str] = set()
        for span in self.spans:
            if span.label == "PERS":
                for token in self.tokens[span.first_token : span.last_token + 1]:
                    if token.is_word and len(token.text) > 2:
                        names.add(_stem(token.text))
        relabelled = []
        for span in self.spans:
            if (
                span.label != "PERS"
                and span.key is None
                and span.first_token == span.last_token
                and not span.parts
                and _stem(self.words[span.first_token]) in names
                and not self.tokens[span.first_token].is_upper
            ):
                relabelled.append(
                    EntitySpan(
                        span.start, span.end, "PERS", None, None, span.first_token, span.last_token
                    )
                )
                continue
            relabelled.append(span)
        self.spans = relabelled
        added = []
        for token in self.tokens:
            if token.index in covered or not self.capital_word(token.index) or token.is_upper:
                continue
            if _stem(token.text) in names and not any(
                r.known and r.pos in _FUNCTION_POS for r in morph.readings(token.text)
            ):
                added.append(self.span(token.index, token.index, "PERS"))
        return sorted([*self.spans, *added], key=lambda span: span.start)
