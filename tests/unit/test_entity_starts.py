"""Where the scan asks the decoder at all (``Scanner.starts``): the tokens no rule can start a
candidate at are skipped, and skipping them must never lose a name.

The sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from newsmodel.extract.entities import RuleRecognizer
from newsmodel.extract.entities.scanner import Scanner
from newsmodel.extract.tokens import tokenize


def _starts(text: str) -> dict[str, bool]:
    """Each word of the text (first occurrence) and whether the decoder is asked there."""
    tokens = tokenize(text)
    flags = Scanner(text, tokens).starts()
    found: dict[str, bool] = {}
    for token, flag in zip(tokens, flags, strict=True):
        found.setdefault(token.text, flag)
    return found


def _names(text: str) -> set[str]:
    return {text[s.start : s.end] for s in RuleRecognizer().recognise(text, tokenize(text))}


def test_a_function_word_opening_a_sentence_starts_nothing() -> None:
    starts = _starts("Але вчора Петро Коваль приїхав до Києва. Він там працює.")
    assert not starts["Але"]
    assert not starts["Він"]
    assert starts["Петро"]
    assert starts["Києва"]


def test_a_function_word_before_two_capitalised_words_may_start_a_name() -> None:
    text = "Міністр оборони КНДР Но Гван Чоль прийняв делегацію."
    assert _starts(text)["Но"]
    assert "Но Гван Чоль" in _names(text)


def test_a_lower_case_word_with_no_name_after_it_starts_nothing() -> None:
    starts = _starts("Нова велика будівля стоїть на розі двох тихих вулиць уже давно.")
    assert not starts["велика"]
    assert not starts["тихих"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a modifier needs a head word close after it for the phrase rule
        ("Це рішення голови обласної ради Петра Коваля.", "обласної"),
        # a head word itself
        ("Там працювала міська рада Києва, як і раніше.", "рада"),
        # a street word needs no head after it
        ("Офіс стоїть на вул. Хрещатик, 22 у центрі.", "вул."),
    ],
)
def test_a_lower_case_word_that_may_start_a_phrase_is_asked(text: str, word: str) -> None:
    assert _starts(text)[word]


def test_a_lower_case_adjective_far_from_any_head_word_is_not_asked() -> None:
    text = "Дуже гарна, тепла і сонячна погода тішила Марію Петренко."
    assert not _starts(text)["сонячна"]
    assert "Марію Петренко" in _names(text)


def test_a_parse_leaves_no_reference_cycle_for_the_collector() -> None:
    """Everything a parse builds is freed by reference counting when the article is dropped:
    a cycle (the scan's rule lists held methods bound to the scan, and through it every token
    and span) would leave hundreds of objects a parse to the cyclic collector."""
    import gc

    from newsmodel import parse_text

    text = (
        "date 2025-11-07\nУ Пхеньяні міністр оборони КНДР Но Гван Чоль прийняв делегацію "
        "Збройних сил Росії. Переговори пройшли в Києві, заявив Петро Коваль."
    )
    parse_text(text)
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        article = parse_text(text)
        assert article.persons
        del article
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()
