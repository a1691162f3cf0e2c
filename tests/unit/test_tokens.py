"""Tokens and sentences keep offsets into the text and respect Ukrainian abbreviations."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmodel.extract.tokens import (
    _SENTENCE_BREAK,
    _TOKEN,
    latin_script,
    sentence_spans,
    tokenize,
)


def test_every_token_slices_its_own_text() -> None:
    text = "Міністр оборони КНДР Но Гван Чоль 6 листопада прийняв делегацію. «Переговори» пройшли."
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text


def test_hyphens_and_apostrophes_stay_inside_words() -> None:
    words = [t.text for t in tokenize("військово-політичного управління, до п’яти тисяч")]
    assert "військово-політичного" in words
    assert "п’яти" in words


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Перше речення. Друге речення.", 2),
        ("Він живе у м. Щастя. Далі буде.", 2),
        ("Указ підписав В. Зеленський. Потім пішов.", 2),
        ("Заголовок без крапки\nПерший абзац.", 2),
        ("Питання? Відповідь! Кінець…", 3),
    ],
)
def test_sentences_split_at_ends_not_at_abbreviations(text: str, count: int) -> None:
    assert len(sentence_spans(text)) == count


def test_first_word_of_each_sentence_is_marked() -> None:
    tokens = tokenize("Перше речення. Друге речення.")
    starts = [t.text for t in tokens if t.sentence_start]
    assert starts == ["Перше", "Друге"]


def test_acronyms_are_recognised() -> None:
    tokens = {t.text: t for t in tokenize("КНДР і NIS, але не Київ")}
    assert tokens["КНДР"].is_upper
    assert tokens["NIS"].is_upper
    assert not tokens["Київ"].is_upper


_RULE = re.compile(r"(?<=[.!?…])[»\"”)]*\s+(?=[«\"„(—–-]?\s*[A-ZА-ЯІЇЄҐ0-9])|\n+")
"""The sentence-break rule as first written (a look-behind: clear, but slow to scan)."""


def _breaks_by_rule(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _RULE.finditer(text)]


def _breaks(text: str) -> list[tuple[int, int]]:
    return [
        (match.start(1) if match.lastindex else match.start(), match.end())
        for match in _SENTENCE_BREAK.finditer(text)
    ]


@given(st.text(alphabet='аА1 .!?…»"”)«„(—\n', max_size=60))
@settings(max_examples=500)
def test_the_fast_sentence_break_finds_what_the_rule_says(text: str) -> None:
    assert _breaks(text) == _breaks_by_rule(text)


_PLAIN_TOKEN = re.compile(r"\w+(?:[-'’ʼ`]\w+)*\.?|[^\w\s]")
"""The token pattern as first written (backtracking quantifiers)."""


@given(st.text(alphabet="аБ1 .,!»«\n\t’'`ʼ-м_", max_size=60))
@settings(max_examples=500)
def test_the_possessive_token_pattern_finds_what_the_plain_one_does(text: str) -> None:
    assert _TOKEN.findall(text) == _PLAIN_TOKEN.findall(text)


@given(st.text(alphabet="аБ1 .,!»«\n\t’-м", max_size=80))
@settings(max_examples=300)
def test_tokens_slice_the_text_in_order_and_cover_every_mark(text: str) -> None:
    tokens = tokenize(text)
    for token in tokens:
        assert text[token.start : token.end] == token.text
    assert [t.start for t in tokens] == sorted(t.start for t in tokens)
    assert all(a.end <= b.start for a, b in itertools.pairwise(tokens))
    assert [t.index for t in tokens] == list(range(len(tokens)))


@pytest.mark.parametrize(
    ("word", "latin", "capitalised"),
    [
        ("Nestlé", True, True),
        ("Škoda", True, True),
        ("Über", True, True),
        ("Q7", True, True),
        ("Київ", False, True),
        ("Ґудзь", False, True),
        ("київ", False, False),
        ("2024", True, False),
    ],
)
def test_latin_script_and_capitals_include_letters_with_diacritics(
    word: str, latin: bool, capitalised: bool
) -> None:
    assert latin_script(word) is latin
    [token] = tokenize(word)
    assert token.is_capitalised is capitalised
