"""What every candidate rule reads: the tokens, which of them are capitalised words, the
gazetteer's hits, and small tests of neighbourhood (adjacent tokens, a closing quote, a head
word, an initial, agreement).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from typing import NamedTuple

from newsmodel.extract import gazetteer, morph
from newsmodel.extract.entities.heads import is_head, organisation_heads
from newsmodel.extract.entities.vocabulary import (
    _OPENERS,
    _QUOTE_CLOSE,
    _QUOTE_OPEN,
    _QUOTE_PAIRS,
)
from newsmodel.extract.entities.words import (
    _is_initial,
    _latin_prefixed_noun,
    measures,
)
from newsmodel.extract.recognizer import EntitySpan, Label
from newsmodel.extract.tokens import UPPER, Token


class LexiconHit(NamedTuple):
    """A gazetteer match in token indices ``[start, end)`` (a named tuple: a text makes
    dozens, and a frozen dataclass costs several times as much to build)."""

    start: int
    end: int
    key: str
    type: str
    name: str
    via: str
    country: str | None


def lexicon_hits(words: Sequence[str], via: str | None = None) -> list[LexiconHit]:
    """Gazetteer matches (longest, non-overlapping) for a sequence of words; only those
    ``via`` a name, an adjective or a demonym when it is given."""
    return [
        LexiconHit(
            match.start,
            match.end,
            match.entry.key,
            match.entry.type,
            match.entry.name,
            match.via,
            match.entry.country,
        )
        for match in gazetteer.find_matches(list(words))
        if via is None or match.via == via
    ]


_TEXT = itemgetter(0)
"""A ``Token``'s text (its first field), for ``map``: the per-token columns below are built by
C loops, not a Python loop apiece."""


@lru_cache(maxsize=morph.WORDS_CACHED)
def _word_case(word: str) -> tuple[str, bool]:
    """The word in lower case, and is it a capitalised word that may be a name (not a number,
    not a Latin abbreviation prefixed to a noun, ``IP-адреси``)?  A token's word and capital
    flags are its first character's (tokens.tokenize)."""
    head = word[:1]
    capital = head in UPPER and not word.isdigit() and not _latin_prefixed_noun(word)
    return word.lower(), capital


class ScannerBase:
    """The state of one scan and the tests every rule shares."""

    def __init__(self, text: str, tokens: Sequence[Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.words: list[str] = list(map(_TEXT, tokens))
        self.count = len(tokens)
        # asked for every token several times: computed once, from one cached fact per word
        lowered, capitals = zip(*map(_word_case, self.words), strict=True) if tokens else ((), ())
        self.lowered: list[str] = list(lowered)
        self.capitals: list[bool] = list(capitals)
        self.capital_indices = list(compress(range(self.count), self.capitals))
        self.hits = {hit.start: hit for hit in lexicon_hits(self.words, via="name")}
        self.org_heads = organisation_heads()
        self.spans: list[EntitySpan] = []
        self.blocked: set[int] = set()
        self._lowercase_lemmas: set[str] | None = None
        self._given_names: set[str] | None = None
        self._names_streets: bool | None = None
        self._before: dict[int, tuple[bool, bool]] = {}
        self._initial: dict[int, bool] = {}
        self.block_document_places()

    def block_document_places(self) -> None:
        """``Податкового кодексу України``, ``законам України``, ``Закону «Про місцеве
        самоврядування в Україні»``: a place right after a document word, or inside the quoted
        title of an act (``«Про ...»``), belongs to that name and is no mention of the place."""
        documents = gazetteer.document_heads()
        for start, hit in self.hits.items():
            if hit.type != "place" or not self.adjacent(start - 1, start):
                continue
            if not morph.lemmas_of(self.words[start - 1]).isdisjoint(documents):
                self.blocked.update(range(hit.start, hit.end))
        for index in compress(range(self.count), map(_QUOTE_OPEN.__contains__, self.words)):
            if index + 1 < self.count:
                if self.lowered[index + 1] not in ("про", "щодо"):
                    continue
                close = next(
                    (
                        i
                        for i in range(index + 2, min(index + 30, self.count))
                        if self.words[i] in _QUOTE_CLOSE
                    ),
                    index + 1,
                )
                for start in range(index + 2, close):
                    if (quoted := self.hits.get(start)) is not None and quoted.type == "place":
                        self.blocked.update(range(quoted.start, quoted.end))

    def tok(self, index: int) -> Token | None:
        return self.tokens[index] if 0 <= index < self.count else None

    def adjacent(self, left: int, right: int) -> bool:
        """No punctuation or line break between two neighbouring tokens."""
        if not (0 <= left < self.count and 0 <= right < self.count):
            return False
        a, b = self.tokens[left], self.tokens[right]
        return a.sentence == b.sentence and b.start - a.end <= 1

    def capital_word(self, index: int) -> bool:
        return 0 <= index < self.count and self.capitals[index]

    def span(  # noqa: PLR0917 - mirrors EntitySpan's fields, in its order
        self,
        first: int,
        last: int,
        label: Label,
        name: str | None = None,
        key: str | None = None,
        parts: tuple[EntitySpan, ...] = (),
    ) -> EntitySpan:
        start, end = self.tokens[first].start, self.tokens[last].end
        return EntitySpan(start, end, label, name, key, first, last, parts)

    def closing_quote(self, opening: int) -> int | None:
        """The token closing the quote opened at ``opening``.  Inside ``«...»`` other quote
        marks are nested names (``«Будівельна компанія “Кортес”»``); a nested ``«`` closes
        together with the outer one when only one ``»`` follows (``«ЛБК «Наш Дом»``)."""
        wanted = _QUOTE_PAIRS.get(self.tokens[opening].text)
        for index in range(opening + 1, min(opening + 16, len(self.tokens))):
            token = self.tokens[index]
            if token.sentence != self.tokens[opening].sentence:
                return None
            if index == opening + 1 or token.text not in _QUOTE_CLOSE:
                continue
            if wanted is not None and token.text not in wanted:
                continue
            following = self.tok(index + 1)
            if (
                following is not None
                and following.text in _QUOTE_CLOSE
                and self.adjacent(index, index + 1)
            ):
                return index + 1
            return index
        return None

    def is_head(self, word: str, heads: frozenset[str]) -> bool:
        return is_head(word, heads, heads is self.org_heads)

    def genitive_span(self, first: int, last: int) -> bool:
        """Can the name ``first..last`` be a genitive complement?  Any of its words in the
        genitive will do: ``Автономної Республіки Крим`` ends in a nominative name."""
        for token in self.tokens[first : last + 1]:
            word = token.text
            if morph.has(word, "gent") or token.is_upper or not morph.is_known(word):
                return True
        return False

    def initial(self, index: int) -> bool:
        """First word of a sentence, a line, a quotation or a dialogue turn: capitalised anyway.
        Memoised per token: most rules ask it of the word they start at."""
        found = self._initial.get(index)
        if found is None:
            found = self._initial[index] = self._starts_sentence(index)
        return found

    def _starts_sentence(self, index: int) -> bool:
        token = self.tokens[index]
        prev = self.tok(index - 1)
        if (
            prev is not None
            and prev.text == "."
            and (letter := self.tok(index - 2)) is not None
            and _is_initial(letter.text)
        ):
            return False  # "Т . К . Пуздирєвої": after an initial, not a new sentence
        return (
            token.sentence_start
            or self.after_year_abbreviation(index)
            or prev is None
            or prev.text in _OPENERS
            or self.text.count("\n", prev.end, token.start) > 0
        )

    def after_year_abbreviation(self, index: int) -> bool:
        """``від 29.01.2008 р. Правильність ...``: the tokenizer keeps ``р.`` (року) inside the
        sentence, but after a year it usually ends one, and ``р.`` is no river there."""
        abbreviation, year = self.tok(index - 1), self.tok(index - 2)
        if abbreviation is None or year is None:
            return False
        if abbreviation.text == ".":  # "2008 р . Правильність": a spaced dot
            abbreviation, year = self.tok(index - 2), self.tok(index - 3)
            if abbreviation is None or year is None or abbreviation.text not in ("р", "рр"):
                return False
        elif abbreviation.text not in ("р.", "рр."):
            return False
        return year.text[-1:].isdigit()

    def metres(self, abbreviation: int) -> bool:
        """Is ``м.`` at ``abbreviation`` metres, not a city: after a measure (``кв. м.``,
        ``тис. м.``) or a slash (``грн. / м.``)?"""
        unit = self.tok(abbreviation - 1)
        return (
            self.words[abbreviation] == "м."
            and unit is not None
            and (measures(unit.text) or unit.text == "/")
        )

    def agrees(self, adjective: int, following: int) -> bool:
        """The adjective can agree with the next word, or the next word's case is unknown (an
        acronym: ``Херсонське ОТВ``, an unknown name)."""
        word = self.tokens[following]
        if word.is_upper or not morph.is_known(word.text):
            return True
        return morph.shares_case(self.words[adjective], word.text)
