"""The scan over a text's tokens: at each token the rules of every kind propose their candidates
and the decoder (:mod:`.decoder`) takes the best; then the whole text is evidence
(:mod:`.consistency`).

The rule families are layers of one class, each module's class extending the one below:
:class:`~.base.ScannerBase`, consistency, context, Latin names, persons, name edges,
complements, noun phrases, places, organisations, single words, the proposals' order, and
this scanner on top.  One line of single inheritance, in the order Python's method
resolution gave the mixins it replaced, because mypyc compiles single inheritance into
native classes (attribute reads off a C struct) and refuses multiple inheritance; a layer
may call any layer below it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from enum import Enum
from functools import lru_cache
from itertools import compress

from newsmodel.extract import morph
from newsmodel.extract.entities.decoder import CONTEXT_EVIDENCE, Candidate, best, entity
from newsmodel.extract.entities.heads import is_head, organisation_head
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
from newsmodel.extract.tokens import UPPER

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
    """What may start at a word."""

    NEVER = 0
    LISTED = 1  # a name, if the gazetteer lists one starting there (a name near after it)
    NAMED = 2  # a name's phrase, with a name near after it
    FUNCTION = 3  # a capitalised function word: only a listed name or a run of names
    ALWAYS = 4  # a capitalised word, a quote, a street word


@lru_cache(maxsize=morph.WORDS_CACHED)
def _word_start(word: str) -> tuple[_Start, bool, bool]:
    """What may start at the word, does it mark a name near the words before it (a
    capitalised word, an opening quote, a number), and is it an organisation, place or street
    head (which a lower-case phrase needs within :data:`_PHRASE_REACH` of its start)?

    A capitalised word may start a name, unless it is a function word only capitalised
    because it opens a sentence (:func:`_function_word`).  At a lower-case word, a quote or
    a street word may; so may a word a name's phrase can start with (an adjective or
    participle, an organisation or place head: ``міської ради``, ``вулиці``), or any noun or
    adjective the gazetteer lists a name at, with a name near after it.  Punctuation, verbs,
    function words and other common nouns start nothing: the decoder is not asked there."""
    capitalised = word[:1] in UPPER  # a token's capital flag (tokens.tokenize)
    marks = capitalised or word in _QUOTE_OPEN or word[:1].isdigit() or word == "№"
    lower = word.lower()
    head = (
        organisation_head(word)
        or is_head(word, _PLACE_OR_STREET, False)
        or lower in _STARTING_ABBREVIATIONS
    )
    if capitalised:
        return (_Start.FUNCTION if _function_word(word) else _Start.ALWAYS), marks, head
    if word in _QUOTE_OPEN or lower in _STREET_WORDS:
        return _Start.ALWAYS, marks, head
    parts = morph.pos_set(word)
    if not parts & _PHRASE_POS:
        return _Start.NEVER, marks, head
    if head or parts & _MODIFIER_POS:
        return _Start.NAMED, marks, head
    return _Start.LISTED, marks, head


_PHRASE_REACH = 8
"""How far after its first word a name's phrase may have its head (``phrases.noun_phrase``
takes up to eight modifiers before it)."""

_REACH = 12
"""How far after a lower-case word the name that would make it part of one may stand
(``управління економіки та інвестицій міської ради Київської області``)."""


class Scanner(ProposalRules):
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
        spans = self.persons_everywhere()
        # the rule lists hold methods bound to this scan, a reference cycle: dropped here,
        # the scan is freed as soon as it returns instead of by the cyclic collector
        self._rule_lists.clear()
        return spans

    def starts(self) -> list[bool]:
        """For each token, may a candidate start there (:func:`_word_start`)?  A lower-case
        word's phrase needs a name (a capitalised word, an opening quote, a number or a
        gazetteer name) within :data:`_REACH` tokens after it in its sentence; a capitalised
        function word starts only a gazetteer name or a run of two more capitalised words, a
        name of one-syllable words (``Но Гван Чоль``).  Nothing starts inside the places
        :meth:`block_document_places` blocked."""
        tokens, hits = self.tokens, self.hits
        if not tokens:
            return []
        kinds, marked, headed = zip(*map(_word_start, self.words), strict=True)
        named, function, listed = _Start.NAMED, _Start.FUNCTION, _Start.LISTED
        startable = [kind is _Start.ALWAYS for kind in kinds]
        marks = list(compress(range(self.count), marked))
        if hits:
            marks = sorted({*marks, *hits})
        heads = list(compress(range(self.count), headed))
        for index in [
            i
            for i, k in enumerate(kinds)
            if k is named or k is function or (k is listed and i in hits)
        ]:
            kind = kinds[index]
            if kind is _Start.FUNCTION:
                startable[index] = index in hits or (
                    self.capital_word(index + 1)
                    and self.capital_word(index + 2)
                    and self.adjacent(index + 1, index + 2)
                )
                continue
            if index not in hits:
                # only the phrase rule can start here: it needs a head word close after
                head = bisect_left(heads, index)
                if head == len(heads) or heads[head] - index > _PHRASE_REACH:
                    continue
            after = bisect_right(marks, index)
            nearest = marks[after] if after < len(marks) else None
            startable[index] = (
                tokens[index].is_word
                and nearest is not None
                and nearest - index <= _REACH
                and tokens[nearest].sentence == tokens[index].sentence
                and (kind is _Start.NAMED or index in hits)
            )
        for index in self.blocked:
            startable[index] = False
        return startable

    def decode(self, index: int) -> Candidate | None:
        """The best candidate starting at ``index``: the rules are asked from the most specific
        down (:mod:`.proposals`), until none of the rules left could beat the best so far."""
        token = self.tokens[index]
        shape = self.shape(index)
        chosen: Candidate | None = None
        # the bounds without context and with all of it; the context possible at the token is
        # looked for only when the best so far falls between them.  A person starts at no word
        # in capitals: there, context evidence lifts nothing.
        lowest = bounds_after(shape, ())
        highest = bounds_after(shape, CONTEXT_EVIDENCE) if not token.is_upper else lowest
        bounds: tuple[int, ...] | None = None if shape.capitalised else lowest
        for step, (name, rule) in enumerate(self.rules(shape)):
            found = rule(index)
            if found is not None:
                candidate = found if isinstance(found, Candidate) else entity(found, name)
                candidate = self.with_context(candidate)
                chosen = best((candidate,) if chosen is None else (chosen, candidate))
            if chosen is None or chosen.score <= lowest[step]:
                continue
            if chosen.score > highest[step]:
                break
            if bounds is None:
                bounds = bounds_after(shape, self.context_possible(index))
            if chosen.score > bounds[step]:
                break
        return chosen
