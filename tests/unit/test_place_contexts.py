"""Issue 14: GeoNames names match only where the text names the settlement itself.

Generated (GeoNames) entries need a capitalised, non-acronym word; no settlement's name matches
inside a river, station or airport phrase.  Sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from tokenize_uk import tokenize_words

from newsmodel.extract.gazetteer import GENERATED_PREFIX, find_matches


def _keys(text: str) -> list[str]:
    return [m.entry.key for m in find_matches(tokenize_words(text))]


def _names(text: str) -> list[str]:
    return [m.entry.name for m in find_matches(tokenize_words(text))]


@pytest.mark.parametrize(
    "text",
    [
        "Човни стояли на правому березі, де колись був причал.",
        "Документи подали до ДАБІ ще взимку, відповіді досі немає.",
    ],
)
def test_a_generated_name_needs_a_capitalised_word_that_is_no_acronym(text: str) -> None:
    assert not [k for k in _keys(text) if k.startswith(GENERATED_PREFIX)]


def test_a_generated_name_written_as_a_name_still_matches() -> None:
    assert "Правий Берег" in _names("Нову школу відкрили в районі Правий Берег.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Таксисти чекають пасажирів біля Південного вокзалу з самого ранку.", "Південне"),
        ("Навесні річка Почайна знову вийшла з берегів.", "Почайна"),
        ("Туристи гуляли берегом р. Почайна до вечора.", "Почайна"),
        ("Рейс прибув до аеропорту « Бориспіль » із запізненням.", "Бориспіль"),
    ],
)
def test_a_settlement_name_inside_a_station_river_or_airport_phrase_does_not_match(
    text: str, name: str
) -> None:
    assert name not in _names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("У Борисполі відкрили новий парк.", "Бориспіль"),
        ("Біля аеропорту Києва збудують готель.", "Київ"),
        ("Мешканці Південного скаржаться на дороги.", "Південне"),
    ],
)
def test_the_settlement_itself_still_matches(text: str, name: str) -> None:
    assert name in _names(text)
