"""Sentences and tokens with character spans, by regular expression.

Offsets index into the text given, so every later stage can point back into ``Article.body``.
A regex is used instead of tokenize_uk's sentence splitter because that one costs ~24 ms per
article; news sentences end in ``.!?…`` followed by a capital, a quote or a digit, which a
regex states exactly.  Words keep inner hyphens and apostrophes (``військово-політичного``,
``п’яти``); every other non-space character is a token of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_TOKEN = re.compile(r"\w+(?:[-'’ʼ`]\w+)*\.?|[^\w\s]", re.UNICODE)
_ABBREVIATION = frozenset(
    [
        "м",
        "с",
        "смт",
        "вул",
        "обл",
        "р",
        "рр",
        "ст",
        "п",
        "пп",
        "т",
        "тис",
        "млн",
        "млрд",
        "грн",
        "ім",
        "див",
        "напр",
        "ін",
        "і.о",
        "о",
        "ген",
        "д",
        "проф",
        "акад",
        "пров",
        "просп",
        "бул",
        "пл",
        "кв",
        "буд",
        "тел",
        "р-н",
        "б-р",
    ]
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[»\"”)]*\s+(?=[«\"„(—–-]?\s*[A-ZА-ЯІЇЄҐ0-9])|\n+")
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯЁЪЫЭ")


@dataclass(frozen=True, slots=True)
class Token:
    """One word or punctuation mark; ``sentence_start`` is true for the first word of a sentence."""

    text: str
    start: int
    end: int
    index: int
    sentence: int
    sentence_start: bool
    is_word: bool = False
    is_capitalised: bool = False

    @classmethod
    def make(  # noqa: PLR0917 - the dataclass's own positional order
        cls, text: str, start: int, end: int, index: int, sentence: int, first: bool
    ) -> Token:
        """A token with its word and capital flags computed once (the recogniser asks often)."""
        return cls(text, start, end, index, sentence, first, text[:1].isalnum(), text[:1] in _UPPER)

    @property
    def is_upper(self) -> bool:
        """An acronym: at least two letters, all capitals (``КНДР``, ``NIS``, ``ЗСУ``)."""
        return _is_acronym(self.text)


@lru_cache(maxsize=100_000)
def _is_acronym(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 2 and all(char in _UPPER for char in letters)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence; a line break always ends one (headlines, list items)."""
    spans = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        if _ends_in_abbreviation(text, match.start()):
            continue
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _ends_in_abbreviation(text: str, position: int) -> bool:
    """``м. Щастя`` or ``ім. Шевченка`` do not end a sentence."""
    if position == 0 or text[position - 1] != ".":
        return False
    head = text[max(0, position - 8) : position - 1].rstrip()
    word = re.split(r"[\s(«\"]", head)[-1].lower()
    return word in _ABBREVIATION or (len(word) == 1 and word.isalpha())


def tokenize(text: str) -> list[Token]:
    """Every token of ``text`` with its sentence number; a trailing abbreviation dot stays on
    the word (``м.``, ``ім.``) and any other trailing dot becomes its own token."""
    tokens: list[Token] = []
    for number, (start, end) in enumerate(sentence_spans(text)):
        first = True
        for match in _TOKEN.finditer(text, start, end):
            word = match.group()
            word_start = match.start()
            initial = len(word) == 2 and word[0].isupper()
            if (
                len(word) > 1
                and word.endswith(".")
                and word[:-1].lower() not in _ABBREVIATION
                and not initial
            ):
                tokens.append(
                    Token.make(word[:-1], word_start, match.end() - 1, len(tokens), number, first)
                )
                tokens.append(
                    Token.make(".", match.end() - 1, match.end(), len(tokens), number, False)
                )
            else:
                tokens.append(Token.make(word, word_start, match.end(), len(tokens), number, first))
            first = first and not tokens[-1].text[:1].isalnum()
    return tokens


__all__ = ["Token", "sentence_spans", "tokenize"]
