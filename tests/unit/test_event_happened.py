"""An election is an event when the text says it took place, not only when it is dated: a verb
of happening (``відбулися``), or the clause naming it both ways (``переміг на виборах``).  A
generic mention and a lone ``переміг`` make none.  The sentences are written for this test."""

from __future__ import annotations

import pytest

from newsmodel import parse_text


def _events(text: str) -> list[tuple[str, str, list[str]]]:
    article = parse_text(f"date 2024-11-06\n{text}")
    return [(e.category.value, e.status.value, e.location) for e in article.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("У США відбулися президентські вибори.", [("election", "occurred", ["place-ssha"])]),
        (
            "Дональд Трамп переміг на президентських виборах у США.",
            [("election", "occurred", ["place-ssha"])],
        ),
        ("Партія перемогла на виборах у Львові.", [("election", "occurred", ["place-lviv"])]),
        # no happening said: a kind of event, a match, a demand
        ("Вибори в Україні неможливі під час війни.", []),
        ("Команда перемогла у Львові.", []),
        ("Опозиція вимагає нових виборів.", []),
    ],
)
def test_an_election_said_to_have_taken_place_is_an_event(
    text: str, expected: list[tuple[str, str, list[str]]]
) -> None:
    assert _events(text) == expected
