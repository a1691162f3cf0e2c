"""A title given by an appointing verb in the active voice: the person is its object, right
after it, and the title follows (``Кабмін призначив Івана Петренка директором заводу``); the
verb's subject is who appointed them.  Also the 2019 spelling ``віцепрем'єр-міністр``.  The
sentences are written for this test."""

from __future__ import annotations

import pytest

from newsmodel import parse_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Кабмін призначив Івана Петренка директором заводу.",
            ("Іван Петренко", "директор заводу"),
        ),
        (
            "Президент призначив Олександра Сирського головнокомандувачем ЗСУ.",
            ("Олександр Сирський", "головнокомандувач ЗСУ"),
        ),
        (
            "Рада обрала Руслана Стефанчука головою парламенту.",
            ("Руслан Стефанчук", "голова парламенту"),
        ),
        (
            "Олександр Кубраков став віцепрем'єр-міністром.",
            ("Олександр Кубраков", "віцепрем'єр-міністр"),
        ),
        # no title after the object: nothing to give
        ("Суд призначив Івану Петренку штраф.", ("Іван Петренко", None)),
    ],
)
def test_an_appointed_person_gets_the_title(text: str, expected: tuple[str, str | None]) -> None:
    article = parse_text(f"date 2024-03-12\n{text}")
    assert [(p.name, p.job_title) for p in article.persons] == [expected]
