"""What the grammar around a name says about it (issue 11 item 2): sentences written for
this test, each guarding one rule.

- ``у``/``в`` take a person in the genitive, never in the locative: a capitalised adjective
  and noun in the locative after them name a place, even with a surname-like ending or a
  misspelt adjective;
- a lone surname after a maiden-name marker (``до заміжжя``) is the earlier surname of the
  woman just named, not another person;
- a given name is read in the nominative before the vocative of a rarer name
  (``Петро`` is not ``Петра``).
"""

from __future__ import annotations

import pytest

from newsmodel import parse_text


def _parse(text: str) -> tuple[list[str], list[str]]:
    article = parse_text("date 2024-05-01\n\n" + text)
    return [p.name for p in article.persons], [p.name for p in article.places]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "У Петропавлійській Борщагівці, що під Києвом, будують маєток.",
            "Петропавлійська Борщагівка",
        ),
        ("Він живе у Ковальській Слободі.", "Ковальська Слобода"),
        ("Вибори пройшли в Новій Каховці.", "Нова Каховка"),
    ],
)
def test_an_adjective_and_noun_in_the_locative_after_u_are_a_place(text: str, place: str) -> None:
    persons, places = _parse(text)
    assert place in places
    assert persons == []


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("У Ковальської Ірини є будинок.", "Ковальська Ірина"),  # genitive: at Iryna's
        ("У Володимирі Зеленському бачать лідера.", "Володимир Зеленський"),  # a given name
    ],
)
def test_a_person_after_u_stays_a_person(text: str, person: str) -> None:
    persons, _ = _parse(text)
    assert persons == [person]


@pytest.mark.parametrize(
    ("text", "name", "alternate"),
    [
        (
            "Наталія Бернацька (до заміжжя Севостьянова) працює юристкою.",
            "Наталія Бернацька",
            "Наталія Севостьянова",
        ),
        ("Ірина Коваль, уроджена Мельник, очолила раду.", "Ірина Коваль", "Ірина Мельник"),
    ],
)
def test_a_maiden_name_is_an_alternate_name_not_a_person(
    text: str, name: str, alternate: str
) -> None:
    article = parse_text("date 2024-05-01\n\n" + text)
    assert [p.name for p in article.persons] == [name]
    assert alternate in article.persons[0].alternate_names


def test_a_surname_without_a_marker_is_still_its_own_person() -> None:
    persons, _ = _parse("Наталія Бернацька зустрілася з Олегом Севостьяновим.")
    assert persons == ["Наталія Бернацька", "Олег Севостьянов"]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Петро Іваненко заявив про відставку.", "Петро Іваненко"),
        ("Петро Порошенко заявив про відставку.", "Петро Порошенко"),
        ("Олесю Гончаренко нагородили орденом.", "Олеся Гончаренко"),
    ],
)
def test_a_given_name_is_not_read_as_another_names_vocative(text: str, person: str) -> None:
    persons, _ = _parse(text)
    assert persons == [person]
