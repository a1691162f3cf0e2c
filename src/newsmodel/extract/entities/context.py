"""Context evidence: a word for a thing before any name (``вакцину Comirnaty``: no entity); for
a person, a job title before the name, a verb of speech beside it, a
place in an oblique case at its start, an organisation head word inside, an adjective that
agrees with the lower-case word after it.

Capitalised words prove little in Ukrainian news (brands, places and people all take them);
what the sentence does with the words says more.  ``директор Джон Сміт``, ``заявив Сміт`` and
``Сміт сказав`` make a person whatever else the words could be, and the same test decides
whether a Latin-script run is a person at all (:mod:`.latin`).  A place the gazetteer knows,
not in the nominative, at the start of a run of names is the complement of the title before
(``Президент Франції Макрон``), not a first name.
"""

from __future__ import annotations

from functools import lru_cache

from newsmodel.extract import lexicon_data, morph
from newsmodel.extract.entities.consistency import ConsistencyRules
from newsmodel.extract.entities.decoder import Candidate
from newsmodel.extract.entities.vocabulary import _QUOTE_OPEN
from newsmodel.extract.entities.words import _has_name_reading, speaks, title_word

_POSSESSIVE_ENDINGS = ("ів", "їв", "ин", "їн", "ов")
"""Lemma endings of possessive adjectives made from names (``Петрів``, ``Савин``)."""


@lru_cache(maxsize=morph.WORDS_CACHED)
def possessive(word: str) -> bool:
    """Is the word a possessive adjective made from a name (``Петрове``, ``Оксанина``)?"""
    return any(
        r.pos == "ADJF" and r.lemma.endswith(_POSSESSIVE_ENDINGS) for r in morph.readings(word)
    )


@lru_cache(maxsize=morph.WORDS_CACHED)
def _thing_word(word: str) -> bool:
    """Is the word a form of a word for a thing or a happening (``вакцину``, ``кампанія``)?"""
    return not morph.lemmas_of(word.lower()).isdisjoint(lexicon_data.thing_heads())


WINDOW = 3
"""How many words before a name a title or a verb of speech may stand."""
_NAME_REACH = 4
"""How many tokens after its first a person candidate may end (a name run is at most four)."""


_POSSIBLE = {
    (False, False): (),
    (True, False): ("job_title",),
    (False, True): ("speech_verb",),
    (True, True): ("speech_verb", "job_title"),
}
"""The context evidence possible with or without a title and a verb of speech near."""


class ContextRules(ConsistencyRules):
    """The tests of a name's neighbourhood (see the module docs)."""

    def context_possible(self, first: int) -> tuple[str, ...]:
        """The context evidence a person candidate starting at ``first`` could get: a job
        title before it, a verb of speech before it or among the words a name and its window
        after it can reach.  The decoder asks fewer rules where less is possible."""
        title, speech = self.before(first)
        return _POSSIBLE[title, speech or self.speech_ahead(first)]

    def before(self, first: int) -> tuple[bool, bool]:
        """Is there a job title, and a verb of speech, among the words right before ``first``
        (:meth:`words_before`)?  Memoised: the decoder and the context tests ask it of the
        same token several times."""
        found = self._before.get(first)
        if found is None:
            words = [self.words[i] for i in self.words_before(first)]
            found = (any(map(title_word, words)), any(map(speaks, words)))
            self._before[first] = found
        return found

    def speech_ahead(self, first: int) -> bool:
        sentence = self.tokens[first].sentence
        for i in range(first + 1, min(first + _NAME_REACH + WINDOW + 1, self.count)):
            token = self.tokens[i]
            if token.sentence != sentence:
                break
            if token.is_word and speaks(token.text):
                return True
        return False

    def words_before(self, first: int) -> list[int]:
        """Up to :data:`WINDOW` words right before ``first`` in its sentence, nearest first."""
        found = []
        sentence = self.tokens[first].sentence
        for i in range(first - 1, max(first - 1 - WINDOW, -1), -1):
            token = self.tokens[i]
            if not token.is_word or token.sentence != sentence:
                break
            found.append(i)
        return found

    def word_after(self, last: int) -> int | None:
        """The first word after ``last`` in its sentence, past commas."""
        for i in range(last + 1, min(last + 1 + WINDOW, self.count)):
            token = self.tokens[i]
            if token.text == ",":
                continue
            if not token.is_word or token.sentence != self.tokens[last].sentence:
                return None
            return i
        return None

    def title_before(self, first: int) -> bool:
        return self.before(first)[0]

    def speech_beside(self, first: int, last: int) -> bool:
        if self.before(first)[1]:
            return True
        after = self.word_after(last)
        return after is not None and speaks(self.words[after])

    def words_of(self, candidate: Candidate) -> list[str]:
        return self.words[candidate.first : candidate.last + 1]

    def adjective_of_next_word(self, last: int) -> bool:
        """A dictionary adjective agreeing with the lower-case word after it belongs to that
        word's phrase (``Хмельницької обласної федерації``), whatever surname it could also be;
        a possessive made from a name (``Петрове вміння``, ``Оксанина мама``) is a person's."""
        following = self.tok(last + 1)
        return (
            following is not None
            and following.is_word
            and not following.is_capitalised
            and self.adjacent(last, last + 1)
            and any(
                r.known
                and r.pos == "ADJF"
                and not r.is_name
                and not r.lemma.endswith(_POSSESSIVE_ENDINGS)
                for r in morph.readings(self.words[last])
            )
            and bool(morph.pos_set(following.text) & {"ADJF", "NOUN"})
            and "VERB" not in morph.pos_set(following.text)
            and morph.shares_case(self.words[last], following.text)
        )

    def thing_before(self, first: int) -> bool:
        """Does a word for a thing or a happening stand right before the name, or before the
        quote it opens (``вакцину Comirnaty``, ``кампанія «Чорна п'ятниця»``)?"""
        before = first - 1
        if before >= 0 and self.words[before] in _QUOTE_OPEN:
            before -= 1  # the word before the opening quote
        if before < 0 or not self.adjacent(before, before + 1):
            return False
        token = self.tokens[before]
        return (
            token.is_word
            and (not token.is_capitalised or self.initial(before))
            and _thing_word(token.text)
        )

    def with_context(self, candidate: Candidate) -> Candidate:
        """The candidate with the context's evidence added: for any name, a thing's word
        before it; for a person, the tests below."""
        if (
            candidate.span is not None
            and self.thing_before(candidate.first)
            and not _has_name_reading(self.words[candidate.first], "Name")
        ):
            # "хворобу Альцгеймера", "препарату «Біопагдез КС»": the span names the thing, and
            # nothing inside it is an entity ("господар фестивалю Ілля Бунька" is a person)
            return Candidate(
                candidate.first,
                candidate.last,
                None,
                (*candidate.evidence, "thing_name"),
                candidate.score,
            )
        if candidate.label != "PERS":
            return candidate
        found = []
        hit = self.hits.get(candidate.first)
        if (
            hit is not None
            and hit.type == "place"
            and hit.end - 1 < candidate.last
            and not morph.has(self.words[candidate.first], "nomn")
        ):
            found.append("place_complement")  # "Президент Франції Макрон": the title's place
        if any(self.is_head(word, self.org_heads) for word in self.words_of(candidate)):
            found.append("organisation_head")  # "Української Гельсінкської Групи"
        if self.adjective_of_next_word(candidate.last):
            if candidate.last - candidate.first < 2 or candidate.span is None:
                found.append("adjective_of_next_word")  # "голова Хмельницької обласної федерації"
            else:  # "Олесі Баранцевич Миколаївського центру": the name ends before it
                span = candidate.span
                shorter = self.span(candidate.first, candidate.last - 1, "PERS", None, span.key)
                return self.with_context(
                    Candidate(
                        shorter.first_token,
                        shorter.last_token,
                        shorter,
                        candidate.evidence,
                        candidate.score,
                    )
                )
        if self.speech_beside(candidate.first, candidate.last):
            found.append("speech_verb")
        if self.title_before(candidate.first):
            found.append("job_title")
        return candidate.with_evidence(*found) if found else candidate
