"""Sentences and tokens with character spans, by regular expression.

Offsets index into the text given, so every later stage can point back into ``Article.body``.
A regex is used instead of tokenize_uk's sentence splitter because that one costs ~24 ms per
article; news sentences end in ``.!?…`` followed by a capital, a quote or a digit, which a
regex states exactly.  Words keep inner hyphens and apostrophes (``військово-політичного``,
``п’яти``); every other non-space character is a token of its own.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_TOKEN = re.compile(r"\w++(?:[-'’ʼ`]\w++)*+\.?|[^\w\s]", re.UNICODE)
"""A word (inner hyphens and apostrophes kept, a trailing dot taken) or any other non-space
character.  The quantifiers are possessive: what follows each can always match empty, so the
greedy match is the one found and giving characters back never helps; without that
bookkeeping ``findall`` is a sixth faster (a property test holds it to the plain pattern)."""
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
_SENTENCE_BREAK = re.compile(
    r"[.!?…\n](?:(?<=\n)\n*|([»\"”)]*\s+(?=[«\"„(—–-]?\s*[A-ZА-ЯІЇЄҐ0-9])))"
)
"""A sentence ends after ``.!?…`` (closing quotes and brackets dropped with the space) before a
capital, a quote or a digit, and at every line break; the break starts after the mark
(group 1) or at the line break.  The pattern opens with one character class, so ``re`` skips
to candidate characters at C speed (an alternation of two classes, or a look-behind, makes
it try every position: four times slower)."""
_LATIN_RANGES = (range(0x41, 0x5B), range(0x61, 0x7B), range(0xC0, 0x250), range(0x1E00, 0x1F00))
_LATIN_LETTERS = frozenset(c for block in _LATIN_RANGES for c in map(chr, block) if c.isalpha())
"""The letters of the Latin script: ASCII, and those with diacritics (``é``, ``ü``, ``š``, ``ł``,
``ø``) that foreign names keep in Ukrainian text (``Nestlé``, ``Škoda``, ``Müller``)."""
UPPER = frozenset("АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯЁЪЫЭ") | frozenset(
    c for c in _LATIN_LETTERS if c.isupper()
)
"""Capital letters: Cyrillic, and Latin with or without diacritics (``Škoda`` is capitalised)."""


class Token(NamedTuple):
    """One word or punctuation mark; ``sentence_start`` is true for the first word of a sentence.

    A named tuple rather than a frozen dataclass: as immutable, and built in half the time
    (a frozen dataclass sets each field through ``object.__setattr__``), which was
    most of the cost of tokenising an article."""

    text: str
    start: int
    end: int
    index: int  # type: ignore[assignment]  # the field shadows tuple.index, never called
    sentence: int
    sentence_start: bool
    is_word: bool = False
    is_capitalised: bool = False
    is_upper: bool = False
    """An acronym: at least two letters, all capitals (``КНДР``, ``NIS``, ``ЗСУ``)."""


@lru_cache(maxsize=100_000)
def is_acronym(text: str) -> bool:
    """At least two letters, all capitals."""
    head = text[:1]
    if head.isalpha() and head not in UPPER:
        return False  # most words: a lower-case first letter
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 2 and all(char in UPPER for char in letters)


def latin_script(text: str) -> bool:
    """Are all the letters of ``text`` Latin (``Nestlé``, ``Q7``; a text without letters too)?
    What tells a foreign name from a Ukrainian word: ``str.isascii`` would call ``Nestlé``
    Cyrillic."""
    return text.isascii() or all(char in _LATIN_LETTERS for char in text if char.isalpha())


def latin_capital(word: str) -> bool:
    """Does ``word`` begin with a Latin capital (``Siemens``, ``Škoda``)?"""
    head = word[:1]
    return head in UPPER and head in _LATIN_LETTERS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence; a line break always ends one (headlines, list items)."""
    spans = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        cut = match.start(1) if match.lastindex else match.start()
        if _ends_in_abbreviation(text, cut):
            continue
        if text[start:cut].strip():
            spans.append((start, cut))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


_WORD_BREAK = re.compile(r"[\s(«\"]")
"""What precedes the last word before a full stop."""


def _ends_in_abbreviation(text: str, position: int) -> bool:
    """``м. Щастя`` or ``ім. Шевченка`` do not end a sentence."""
    if position == 0 or text[position - 1] != ".":
        return False
    head = text[max(0, position - 8) : position - 1].rstrip()
    word = _WORD_BREAK.split(head)[-1].lower()
    return word in _ABBREVIATION or (len(word) == 1 and word.isalpha())


@lru_cache(maxsize=100_000)
def _match_facts(match: str) -> tuple[str, bool, bool, bool, bool, int, int]:
    """What a regex match becomes, once per distinct match: the word (without a trailing dot
    that is no abbreviation's), whether that dot was split off, the word's flags (word,
    capitalised, acronym), and the lengths of the match and the word."""
    split = (
        len(match) > 1
        and match[-1] == "."
        and not (len(match) == 2 and match[0].isupper())  # an initial: "В."
        and match[:-1].lower() not in _ABBREVIATION
    )
    word = match[:-1] if split else match
    head = word[:1]
    return word, split, head.isalnum(), head in UPPER, is_acronym(word), len(match), len(word)


_new_token = tuple.__new__
"""Builds a ``Token`` from a ready tuple, skipping the named tuple's Python ``__new__`` (the
tokeniser's hottest line: one call per token)."""


def tokenize(text: str) -> list[Token]:
    """Every token of ``text`` with its sentence number; a trailing abbreviation dot stays on
    the word (``м.``, ``ім.``) and any other trailing dot becomes its own token.

    ``findall`` gives each sentence's tokens without a match object apiece; a token's start
    is ``str.find`` from the end of the one before, which is exact because only whitespace
    lies between two tokens (every other character is a token or part of one)."""
    tokens: list[Token] = []
    append = tokens.append
    find, findall = text.find, _TOKEN.findall
    index = 0
    for number, (start, end) in enumerate(sentence_spans(text)):
        first = True
        position = start
        for match in findall(text, start, end):
            word_start = find(match, position)
            word, split, is_word, capitalised, upper, length, word_length = _match_facts(match)
            position = word_start + length
            word_end = word_start + word_length
            fields = (word, word_start, word_end, index, number, first, is_word, capitalised, upper)
            append(_new_token(Token, fields))
            index += 1
            if split:
                # the dot is the latest token, and no word: the next token may still open
                dot = (".", word_end, word_end + 1, index, number, False, False, False, False)
                append(_new_token(Token, dot))
                index += 1
            else:
                first = first and not is_word
    return tokens


__all__ = [
    "UPPER",
    "Token",
    "is_acronym",
    "latin_capital",
    "latin_script",
    "sentence_spans",
    "tokenize",
]
