"""The scan over a text's tokens: at each token the rules of every kind propose their candidates
and the decoder (:mod:`.decoder`) takes the best; then the whole text is evidence
(:mod:`.consistency`).
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache

from newsmodel.extract import morph
from newsmodel.extract.entities.base import _is_head
from newsmodel.extract.entities.consistency import ConsistencyRules
from newsmodel.extract.entities.decoder import Candidate, best, entity
from newsmodel.extract.entities.edges import _organisation_head
from newsmodel.extract.entities.proposals import ProposalRules, bounds_after
from newsmodel.extract.entities.vocabulary import (
    _FUNCTION_POS,
    _PHRASE_POS,
    _PLACE_ABBREVIATIONS,
    _QUOTE_OPEN,
    _STREET_SHORT_DOTTED,
    _STREET_WORDS,
    PLACE_HEADS,
)
from newsmodel.extract.recognizer import EntitySpan

_MODIFIER_POS = frozenset({"ADJF", "PRTF"})
_STARTING_ABBREVIATIONS = _STREET_SHORT_DOTTED | _PLACE_ABBREVIATIONS
_PLACE_OR_STREET = PLACE_HEADS | _STREET_WORDS


@lru_cache(maxsize=morph.WORDS_CACHED)
def _function_word(word: str) -> bool:
    """Is every reading of the word a dictionary function word, verb or adverb?"""
    readings = morph.readings(word)
    return bool(readings) and all(
        r.known and r.pos in _FUNCTION_POS and not r.is_name for r in readings
    )


class _Start(Enum):
    """What may start at a lower-case word."""

    NEVER = 0
    LISTED = 1  # a name, if the gazetteer lists one starting there
    NAMED = 2  # a name's phrase, with a name after it
    ALWAYS = 3  # a quote or a street word


@lru_cache(maxsize=morph.WORDS_CACHED)
def _lowercase_start(word: str) -> _Start:
    """A quote or a street word can start a candidate; so can a word a name's phrase may
    start with (an adjective or participle, an organisation or place head: ``міської ради``,
    ``вулиці``), or any noun or adjective the gazetteer lists a name at, with a name near
    after it.  Punctuation, verbs, function words and other common nouns start nothing: the
    decoder is not asked there."""
    lower = word.lower()
    if word in _QUOTE_OPEN or lower in _STREET_WORDS:
        return _Start.ALWAYS
    parts = morph.pos_set(word)
    if not parts & _PHRASE_POS:
        return _Start.NEVER
    if (
        parts & _MODIFIER_POS
        or lower in _STARTING_ABBREVIATIONS
        or _organisation_head(word)
        or _is_head(word, _PLACE_OR_STREET, False)
    ):
        return _Start.NAMED
    return _Start.LISTED


_REACH = 12
"""How far after a lower-case word the name that would make it part of one may stand
(``управління економіки та інвестицій міської ради Київської області``)."""


class Scanner(ProposalRules, ConsistencyRules):
    """One pass over one text's tokens (see the module docs)."""

    def run(self) -> list[EntitySpan]:
        index = 0
        count = len(self.tokens)
        scores: dict[int, int] = {}
        startable = self.starts()
        while index < count:
            if not startable[index]:
                index += 1
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
                if self.lowered[found.first_token] in (_STREET_WORDS | _STREET_SHORT_DOTTED):
                    index = self.street_list(index, self.street_head(found.first_token))
                elif (word := self.plural_street_word_before(found.first_token)) is not None:
                    index = self.street_list(index, self.street_head(word))
        self.one_type_per_name(scores)
        self.list_items(scores)
        self.settle_latin()
        return self.persons_everywhere()

    def starts(self) -> list[bool]:
        """For each token, may a candidate start there?  At a capitalised word, see
        :meth:`capital_start`; at a lower-case one, :func:`_lowercase_start` says, and most
        kinds need a capitalised word, an opening quote, a number or a gazetteer name within
        :data:`_REACH` tokens after it in its sentence (one backward pass finds the nearest).
        Nothing starts inside the places :meth:`block_document_places` blocked."""
        startable = [False] * self.count
        tokens, hits = self.tokens, self.hits
        nearest = -1
        for index in range(self.count - 1, -1, -1):
            token = tokens[index]
            if token.is_capitalised:
                startable[index] = self.capital_start(index)
            elif (kind := _lowercase_start(token.text)) is _Start.ALWAYS:
                startable[index] = True
            elif (
                kind is not _Start.NEVER
                and token.is_word
                and nearest >= 0
                and nearest - index <= _REACH
                and tokens[nearest].sentence == token.sentence
            ):
                startable[index] = kind is _Start.NAMED or index in hits
            if (
                token.is_capitalised
                or token.text in _QUOTE_OPEN
                or token.text[:1].isdigit()
                or token.text == "№"
                or index in hits
            ):
                nearest = index
        for index in self.blocked:
            startable[index] = False
        return startable

    def capital_start(self, index: int) -> bool:
        """Can a candidate start at this capitalised token?  Not at a function word only
        capitalised because it opens a sentence (``У``, ``Але``, ``Він``, ``Нагадаємо``):
        every dictionary reading a preposition, conjunction, pronoun, adverb or verb, none a
        name, and no gazetteer name starting there (most capitalised words of news are these),
        unless two capitalised words follow: a name of one-syllable words (``Но Гван Чоль``)."""
        return (
            index in self.hits
            or not _function_word(self.words[index])
            or (
                self.capital_word(index + 1)
                and self.capital_word(index + 2)
                and self.adjacent(index + 1, index + 2)
            )
        )

    def decode(self, index: int) -> Candidate | None:
        """The best candidate starting at ``index``: the rules are asked from the most specific
        down (:mod:`.proposals`), until none of the rules left could beat the best so far."""
        token = self.tokens[index]
        capitalised = token.is_capitalised
        if capitalised not in self._rule_lists:
            self._rule_lists[capitalised] = self.rules(capitalised)
        chosen: Candidate | None = None
        # a person starts at no word in capitals: there, context evidence lifts nothing
        context = self.context_possible(index) if capitalised and not token.is_upper else ()
        for (name, rule), beatable_below in zip(
            self._rule_lists[capitalised],
            bounds_after(capitalised, context),
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
