"""Scanning a text: the anchors where a date may begin, the words before a position, and the
choice among overlapping candidates."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from newsmodel.extract.dates.anchors import WORD_CHARS
from newsmodel.extract.dates.expression import DateExpression
from newsmodel.extract.dates.lexicon import normalise

if TYPE_CHECKING:
    from newsmodel.extract.dates.patterns import Grammar
    from newsmodel.extract.document import Document


def inside_recent(found: list[DateExpression], start: int, end: int) -> bool:
    """Is this span inside one of the last expressions found?  Then it can never win.

    Anchors are visited in text order, so a longer expression holding this span (``6
    листопада`` around ``листопада``) is among the last few found.
    """
    return any(expression.start <= start and end <= expression.end for expression in found[-3:])


_WORD = r"[^\W_]+(?:[’'ʼ`][^\W_]+)*"
_WORDS_BEFORE = re.compile(rf"\s+({_WORD})(?:\s+({_WORD})(?:\s+({_WORD}))?)?")
"""Up to three words before a position, matched on the reversed text (so it reads backwards)."""


class Scan:
    """One text being scanned: its reversal and the word starts already computed."""

    __slots__ = ("_reversed", "_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._reversed = text[::-1]
        self._starts: dict[int, list[int]] = {}

    def word_starts(self, position: int) -> list[int]:
        """``position`` and the starts of up to three words before it, separated by spaces.

        A word ends the walk when punctuation, not space, separates it (``«у червні»`` still
        finds ``у``; ``2024, червні`` does not reach over the comma).
        """
        cached = self._starts.get(position)
        if cached is not None:
            return cached
        starts = [position]
        length = len(self.text)
        match = _WORDS_BEFORE.match(self._reversed, length - position)
        if match is not None:
            for group in (1, 2, 3):
                if match.group(group) is None:
                    break
                starts.append(length - match.end(group))
        self._starts[position] = starts
        return starts


_WORD_AT = re.compile(r"[^\W_]+(?:[’'ʼ`][^\W_]+)*")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in WORD_CHARS


def anchor_hits(
    grammar: Grammar, text: str, lowered: str | None, doc: Document | None = None
) -> list[tuple[int, str]]:
    """Word starts where a date may begin, with the kind of word found there.

    With the annotated document the words come from its tokens (one dictionary lookup per
    distinct token, cheaper than a ``str.find`` per stem); otherwise ``lowered`` is
    ``text.lower()`` when that keeps every offset, or ``None`` to search the stems in lower,
    capitalised and upper case in the text itself.  Both give the same hits.
    """
    if doc is not None:
        hits, numbers = _token_hits(grammar, doc)
    else:
        hits, numbers = _stem_hits(grammar, text, lowered), _number_starts(text)
    months = sorted(start for start, kind in hits if kind == "month")
    for index in numbers:
        if index > 0 and text[index - 1].isdigit():
            continue  # inside a number
        end = index + 1
        while end < len(text) and text[end].isdigit():
            end += 1
        number_kind = _number_kind(text, index, end, months)
        if number_kind is not None:
            hits.append((index, number_kind))
    hits.sort()
    return hits


def _number_starts(text: str) -> list[int]:
    """Where each ASCII digit stands that does not continue a number."""
    starts: list[int] = []
    for digit in "0123456789":
        index = text.find(digit)
        while index >= 0:
            if index == 0 or not text[index - 1].isdigit():
                starts.append(index)
            index = text.find(digit, index + 1)
    return starts


def _stem_hits(grammar: Grammar, text: str, lowered: str | None) -> list[tuple[int, str]]:
    haystack, stems = (
        (lowered, grammar.anchors) if lowered is not None else (text, grammar.anchors_any_case)
    )
    hits: list[tuple[int, str]] = []
    words = grammar.anchor_words
    for stem, kind in stems:
        index = haystack.find(stem)
        while index >= 0:
            start = index
            if index > 0 and _is_word_char(text[index - 1]) and not text[index - 1].isdigit():
                start = -1
                if text[index - 1] in WORD_CHARS:
                    start = index - 1  # "п’ятниця": the stem is what follows the apostrophe
                    while (
                        start > 0
                        and _is_word_char(text[start - 1])
                        and not text[start - 1].isdigit()  # "6п’ятницю", like "3січня"
                    ):
                        start -= 1
            if start >= 0:
                word = _WORD_AT.match(text, start)
                if word is not None and normalise(word.group()) in words[kind]:
                    hits.append((start, kind))
            index = haystack.find(stem, index + len(stem))
    return hits


def _token_hits(grammar: Grammar, doc: Document) -> tuple[list[tuple[int, str]], list[int]]:
    """Anchor words and number starts from the document's tokens."""
    hits: list[tuple[int, str]] = []
    numbers: list[int] = []
    pieces = _PIECES
    if len(pieces) > _PIECES_LIMIT:
        pieces.clear()
    kinds = grammar.anchor_kinds
    for token in doc.tokens:
        found = pieces.get(token.text)
        if found is None:
            found = pieces[token.text] = _pieces(token.text, kinds)
        if found:
            start = token.start
            for offset, kind in found:
                if kind == _NUMBER:
                    numbers.append(start + offset)
                else:
                    hits.append((start + offset, kind))
    return hits, numbers


_NUMBER = "number"
_PIECES: dict[str, tuple[tuple[int, str], ...]] = {}
"""Token text -> its anchor words and number starts, shared by every document (news repeats
its words)."""
_PIECES_LIMIT = 200_000


def _pieces(word: str, kinds: dict[str, tuple[str, ...]]) -> tuple[tuple[int, str], ...]:
    """The anchor words inside one token, and where its numbers start (kind ``_NUMBER``): the
    whole token, or each word that begins after a digit or a hyphen (``3січня``,
    ``травні-жовтні``), as the stem search finds them."""
    if word.isalpha():
        return tuple((0, kind) for kind in kinds.get(normalise(word), ()))
    found: list[tuple[int, str]] = []
    for index, char in enumerate(word):
        if char in _ASCII_DIGITS:
            if index == 0 or not word[index - 1].isdigit():
                found.append((index, _NUMBER))
            continue
        after_letter = index > 0 and _is_word_char(word[index - 1])
        if not char.isalpha() or (after_letter and not word[index - 1].isdigit()):
            continue
        match = _WORD_AT.match(word, index)
        if match is not None:
            found.extend((index, kind) for kind in kinds.get(normalise(match.group()), ()))
    return tuple(found)


_ASCII_DIGITS = frozenset("0123456789")


def _number_kind(text: str, start: int, end: int, months: list[int]) -> str | None:
    """``day`` or ``year`` when a number can begin a date, else ``None`` (``15 тисяч``).

    A day needs a month word within a few words after it, or punctuation that makes a numeric
    date or a range (``06.11``, ``1–5``); a year needs a year word, a suffix, a dash, a
    connector (``з 2020 по 2022``) or punctuation after it (``у 2024,``).
    """
    following = text[end : end + 1]
    if following and following in ".-–—‑/":
        return "day" if end - start <= 2 else "year" if end - start == 4 else None
    if end - start <= 2:
        index = bisect_left(months, end)
        return "day" if index < len(months) and months[index] - end <= 32 else None
    if end - start != 4:
        return None
    rest = text[end : end + 6].lstrip().lower()
    if not rest or rest[0] in ",.;:!?)»-–—‑" or rest.startswith(_YEAR_FOLLOWERS):
        return "year"
    return None


_YEAR_FOLLOWERS = ("р", "по ", "до ", "і ", "й ", "та ")


def longest_first(found: list[DateExpression]) -> list[DateExpression]:
    """Keep the longest of overlapping expressions (earlier wins a tie), sorted by start.

    Candidates are split into clusters of chained overlaps first, so the greedy choice runs on
    a handful at a time and a text with half a million dates stays linear.
    """
    chosen: list[DateExpression] = []
    cluster: list[DateExpression] = []
    cluster_end = -1
    for expression in sorted(found, key=lambda e: (e.start, e.start - e.end)):
        if cluster and expression.start >= cluster_end:
            chosen.extend(_choose(cluster))
            cluster = []
        cluster.append(expression)
        cluster_end = max(cluster_end, expression.end) if len(cluster) > 1 else expression.end
    chosen.extend(_choose(cluster))
    return chosen


def _choose(cluster: list[DateExpression]) -> list[DateExpression]:
    """The greedy longest-first choice inside one cluster of overlapping candidates."""
    if len(cluster) <= 1:
        return cluster
    kept: list[DateExpression] = []
    for expression in sorted(cluster, key=lambda e: (e.start - e.end, e.start)):
        if all(other.end <= expression.start or expression.end <= other.start for other in kept):
            kept.append(expression)
    return sorted(kept, key=lambda e: e.start)
