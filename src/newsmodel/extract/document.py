"""The annotated document every parser stage reads and adds a layer to.

Like spaCy's ``Doc``: the text is tokenised once, each token's morphological readings are
looked up once (one dictionary query per distinct word, shared by every stage), and the text is
cut into sentences and clauses.  Stages never re-tokenise or ask the morphology by string; they
read :attr:`Document.readings` and store what they find in :attr:`Document.layers` under their
own name (``"entities"``, ``"titles"``, ``"dates"``, ``"events"``), so a later stage sees what an
earlier one decided.

Clauses are what events and dates attach to: a sentence is split before a conjunction or a
relative pronoun that opens a new predicate (``, який``, ``, що``, ``, коли``, ``і`` between two
finite verbs), and a piece without a finite verb of its own stays with the clause before it.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files
from itertools import compress
from operator import itemgetter
from typing import Any

from newsmodel.extract import morph
from newsmodel.extract.tokens import Token, tokenize

_CLAUSE_PUNCTUATION = frozenset({",", ";", ":", "—", "–", "(", ")"})
_FINITE = frozenset({"pres", "past", "futr", "impr"})


CONTEXT_REACH = 80
"""Tokens either side of a clause that count as its sentence (a long news sentence has 40-60
tokens, so real sentences are never clipped)."""


@cache
def clause_openers() -> dict[str, frozenset[str]]:
    """``kind -> words`` from ``lexicon/clause_openers.tsv`` (subordinator, relative,
    coordinator), read once."""
    text = files("newsmodel.extract.lexicon").joinpath("clause_openers.tsv").read_text("utf-8")
    kinds: dict[str, set[str]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            kind, word = line.split("\t")
            kinds.setdefault(kind, set()).add(word)
    return {kind: frozenset(words) for kind, words in kinds.items()}


@dataclass(frozen=True, slots=True)
class Span:
    """Tokens ``start`` to ``end`` (exclusive) of a document, with their character extent."""

    doc: Document = field(repr=False, compare=False)
    start: int
    end: int

    @property
    def start_char(self) -> int:
        return self.doc.tokens[self.start].start

    @property
    def end_char(self) -> int:
        return self.doc.tokens[self.end - 1].end

    @property
    def text(self) -> str:
        return self.doc.text[self.start_char : self.end_char]

    @property
    def tokens(self) -> list[Token]:
        return self.doc.tokens[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def __iter__(self) -> Iterator[Token]:
        return iter(self.doc.tokens[self.start : self.end])


@dataclass(slots=True)
class Document:
    """One text, tokenised, analysed and cut into sentences and clauses, plus stage layers."""

    text: str
    tokens: list[Token]
    readings: list[tuple[morph.Reading, ...]]
    sentences: list[Span]
    clauses: list[Span]
    layers: dict[str, Any] = field(default_factory=dict)
    lower: list[str] = field(default_factory=list, repr=False)
    """Each token's text in lower case (what most word tests compare)."""
    _starts: list[int] = field(default_factory=list, repr=False)
    _clause_of: list[int] = field(default_factory=list, repr=False)
    _lemma_sets: list[frozenset[str]] = field(default_factory=list, repr=False)
    _finite: list[bool] = field(default_factory=list, repr=False)
    finite_at: list[int] = field(default_factory=list, repr=False)
    """Indices, in order, of the tokens that can be finite verbs (a tenth of them: stages
    looking for a predicate loop over these, not over every token)."""

    @classmethod
    def from_text(cls, text: str) -> Document:
        """Annotate ``text``: linear in its length (each distinct word is analysed once, and
        its lower case, lemmas and finite-verb flag are kept per token in arrays)."""
        tokens = tokenize(text)
        facts = list(map(_token_facts, map(_TEXT, tokens)))  # C loops: one cache hit a token
        lower, readings, lemma_sets, finite, opens = _columns(facts)
        doc = cls(text, tokens, readings, [], [])
        doc.lower, doc._lemma_sets, doc._finite = lower, lemma_sets, finite
        doc.finite_at = list(compress(range(len(finite)), finite))  # a C loop
        doc._starts = list(map(_START, tokens))
        doc.sentences = _sentences(doc)
        openers = list(compress(range(len(opens)), opens))
        doc.clauses = [
            clause
            for sentence in doc.sentences
            for clause in _clauses(doc, sentence, openers, opens)
        ]
        doc._clause_of = [0] * len(tokens)
        for number, clause in enumerate(doc.clauses):
            doc._clause_of[clause.start : clause.end] = [number] * (clause.end - clause.start)
        return doc

    def release(self) -> None:
        """Drop the sentences, clauses and layers once every stage has read them.

        Each span points back at its document, so a document is a reference cycle that only
        Python's cyclic collector frees, and the collector's passes over a parse's hundreds of
        tokens and spans cost about a tenth of the parse.  A document released when its
        article is built is freed at once instead."""
        self.sentences = []
        self.clauses = []
        self._clause_of = []
        self.layers = {}

    def span(self, start: int, end: int) -> Span:
        """Tokens ``start`` to ``end`` (exclusive)."""
        return Span(self, start, end)

    def token_at(self, char: int) -> int | None:
        """Index of the token covering character ``char``, or ``None`` between tokens."""
        index = bisect_right(self._starts, char) - 1
        if index >= 0 and self.tokens[index].start <= char < self.tokens[index].end:
            return index
        return None

    def sentence_of(self, token: int) -> Span:
        return self.sentences[self.tokens[token].sentence]

    def clause_of(self, token: int) -> Span:
        return self.clauses[self._clause_of[token]]

    def clause_index(self, token: int) -> int:
        return self._clause_of[token]

    def context(self, start: int, end: int, reach: int = CONTEXT_REACH) -> tuple[int, int]:
        """Tokens around ``start:end`` that a stage may read as "its sentence": the sentence,
        clipped to ``reach`` tokens either side.  A text without full stops is one sentence of
        any length; clipping keeps every per-clause look at the sentence bounded, so the
        stages stay linear however the text is punctuated."""
        sentence = self.sentence_of(start)
        return max(sentence.start, start - reach), min(sentence.end, end + reach)

    def line_starts(self) -> list[int]:
        """Indices, in order, of the tokens with a line break between them and the token
        before (no token holds one, so each break is found by one bisection)."""
        found: list[int] = []
        text, starts = self.text, self._starts
        position = text.find("\n")
        while position >= 0:
            index = bisect_right(starts, position)
            if 0 < index < len(starts) and (not found or found[-1] != index):
                found.append(index)
            position = text.find("\n", position + 1)
        return found

    @property
    def finite_verbs(self) -> list[bool]:
        """Per token: :meth:`is_finite_verb` (for loops over many tokens)."""
        return self._finite

    def is_finite_verb(self, token: int) -> bool:
        """Has the token a reading as a finite verb (present, past, future or imperative)?"""
        return self._finite[token]

    def lemmas(self, token: int, pos: str | None = None) -> frozenset[str]:
        """The token's lemmas, of one part of speech when ``pos`` is given (computed once
        per distinct word: every stage asks, many times a token)."""
        if pos is None:
            return self._lemma_sets[token]
        found = self.tokens[token]
        return _lemmas(found.text, pos) if found.is_word else _NONE


_NONE: frozenset[str] = frozenset()
_TEXT, _START, _SENTENCE = itemgetter(0), itemgetter(1), itemgetter(4)
"""``Token`` fields by position, for ``map`` (a named tuple's field is its index)."""
_OPENS_SUBORDINATE, _OPENS_COORDINATE = 1, 2
_WordFacts = tuple[str, tuple[morph.Reading, ...], frozenset[str], bool, int]


@lru_cache(maxsize=200_000)
def _token_facts(text: str) -> _WordFacts:
    """A token's lower case, readings, lemmas, finite-verb flag and the kind of clause it may
    open (:func:`_opens`), once per distinct token; a punctuation mark (no ``Token.is_word``)
    has none of them."""
    lower = text.lower()
    if not text[:1].isalnum():
        return lower, (), _NONE, False, 0
    lemmas = _lemmas(text, None)
    return lower, morph.readings(text), lemmas, _finite(text), _opens(lower, lemmas)


def _columns(
    facts: list[_WordFacts],
) -> tuple[list[str], list[tuple[morph.Reading, ...]], list[frozenset[str]], list[bool], list[int]]:
    """The tokens' facts as one list per fact (what the document keeps)."""
    if not facts:
        return [], [], [], [], []
    lower, readings, lemmas, finite, opens = zip(*facts, strict=True)
    return list(lower), list(readings), list(lemmas), list(finite), list(opens)


def _opens(lower: str, lemmas: frozenset[str]) -> int:
    """A subordinator or a relative word (opens a clause after a pause), a coordinator (opens
    one anywhere), or 0.  The first kind wins: ``що`` is no coordinator after a comma."""
    openers = clause_openers()
    if lower in openers["subordinator"] or not lemmas.isdisjoint(openers["relative"]):
        return _OPENS_SUBORDINATE
    return _OPENS_COORDINATE if lower in openers["coordinator"] else 0


def noun_lemmas(word: str) -> frozenset[str]:
    """The word's noun lemmas: the very set ``Document.lemmas(index, "NOUN")`` gives for it."""
    return _lemmas(word, "NOUN")


@lru_cache(maxsize=200_000)
def _lemmas(word: str, pos: str | None) -> frozenset[str]:
    return frozenset(r.lemma for r in morph.readings(word) if pos is None or r.pos == pos)


@lru_cache(maxsize=200_000)
def _finite(word: str) -> bool:
    return any(r.pos == "VERB" and r.grammemes & _FINITE for r in morph.readings(word))


def _sentences(doc: Document) -> list[Span]:
    """One span per run of tokens with the same sentence number (the numbers only grow)."""
    numbers = list(map(_SENTENCE, doc.tokens))
    if not numbers:
        return []
    bounds = [bisect_left(numbers, number) for number in range(numbers[0], numbers[-1] + 1)]
    bounds.append(len(numbers))
    return [Span(doc, a, b) for a, b in itertools.pairwise(bounds) if a < b]


def _clauses(doc: Document, sentence: Span, openers: list[int], opens: list[int]) -> list[Span]:
    """Cut a sentence before each clause opener (a conjunction, or a subordinator or relative
    word after a pause); a piece without a finite verb joins the one before it (``і Сеул`` is
    no clause, ``і Сеул відповів`` is).  ``openers``: the document's tokens that may open a
    clause, in order (only they are looked at); ``opens``: each token's kind of opener."""
    tokens = doc.tokens
    cuts = [sentence.start]
    first = bisect_right(openers, sentence.start)
    for index in openers[first : bisect_left(openers, sentence.end)]:
        after_pause = tokens[index - 1].text in _CLAUSE_PUNCTUATION
        if opens[index] == _OPENS_COORDINATE or after_pause:
            cuts.append(index)
    cuts.append(sentence.end)
    finite = doc._finite
    merged: list[list[int]] = []
    for a, b in itertools.pairwise(cuts):
        if a >= b:
            continue
        has_verb = any(finite[a:b])
        if merged and not has_verb:
            merged[-1][1] = b
        elif merged and not merged[-1][2]:
            merged[-1][1:] = [b, int(has_verb)]
        else:
            merged.append([a, b, int(has_verb)])
    return [Span(doc, a, b) for a, b, _ in merged]


__all__ = ["Document", "Span", "noun_lemmas"]
