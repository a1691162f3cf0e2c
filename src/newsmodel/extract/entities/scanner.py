"""The scan over a text's tokens: at each token the rules of every kind propose their candidates
and the decoder (:mod:`.decoder`) takes the best; a second pass makes a name known as a person
elsewhere in the text a person everywhere.
"""

from __future__ import annotations

from newsmodel.extract import morph
from newsmodel.extract.entities.consistency import ConsistencyRules
from newsmodel.extract.entities.decoder import Candidate, best, entity
from newsmodel.extract.entities.proposals import ProposalRules, bounds_after
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


class Scanner(ProposalRules, ConsistencyRules):
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
        """The best candidate starting at ``index``: the rules are asked from the most specific
        down (:mod:`.proposals`), until none of the rules left could beat the best so far."""
        capitalised = self.tokens[index].is_capitalised
        if capitalised not in self._rule_lists:
            self._rule_lists[capitalised] = self.rules(capitalised)
        chosen: Candidate | None = None
        for (name, rule), beatable_below in zip(
            self._rule_lists[capitalised],
            bounds_after(capitalised),
            strict=True,
        ):
            found = rule(index)
            if found is not None:
                candidate = found if isinstance(found, Candidate) else entity(found, name)
                candidate = self.with_context(candidate)
                chosen = best((candidate,) if chosen is None else (candidate, chosen))
            if chosen is not None and chosen.score > beatable_below:
                break
        return chosen

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
