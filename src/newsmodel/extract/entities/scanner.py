"""The scan over a text's tokens: at each token the candidate rules of every kind are asked in
turn, and the first that fires takes the span; a second pass makes a name known as a person
elsewhere in the text a person everywhere.
"""

from __future__ import annotations

from newsmodel.extract import morph
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


class Scanner(SingleWordRules, PlaceRules, LatinRules):
    """One pass over one text's tokens (see the module docs)."""

    def run(self) -> list[EntitySpan]:
        index = 0
        count = len(self.tokens)
        while index < count:
            token = self.tokens[index]
            if index in self.blocked:
                index += 1
                continue
            if (
                not token.is_capitalised
                and token.text not in _QUOTE_OPEN
                and token.text.lower() not in _STREET_WORDS
                and (not token.is_word or not morph.pos_set(token.text) & _PHRASE_POS)
            ):
                index += 1  # punctuation, verbs, function words: nothing starts here
                continue
            latin_end = self.latin_run_end(index) if "A" <= token.text[:1] <= "Z" else None
            company = self.latin_company(index, latin_end)
            if company is None and latin_end is not None and self.is_product(index, latin_end):
                index = latin_end + 1  # "Toyota Land Cruiser": a product, no entity
                continue
            phrase = self.noun_phrase(index)
            listed = self.lexicon(index)
            if listed is not None and phrase is not None and listed.last_token < phrase.last_token:
                listed = None
            found = (
                company
                or self.coordinated_regions(index)
                or self.settlement(index)
                or self.street(index)
                or self.quoted_organisation(index)
                or listed
                or phrase
                or self.feature_name(index)
                or self.person_run(index)
                or self.adjective_name(index)
                or self.single(index)
            )
            if found:
                if found.label == "PERS":
                    found = self.with_initials(found)
                self.spans.append(found)
                index = found.last_token + 1
                index = self.parenthesised_acronym(found, index)
                if found.label == "LOC" and found.key is None:
                    if self.tokens[found.first_token].text.lower() in (
                        _STREET_WORDS | _STREET_SHORT_DOTTED
                    ):
                        index = self.street_list(index, self.street_head(found.first_token))
                    elif (word := self.plural_street_word_before(found.first_token)) is not None:
                        index = self.street_list(index, self.street_head(word))
            else:
                index += 1
        self.settle_latin()
        return self.second_pass()

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
