"""A date announced in a past-tense clause (``оголосили страйк з 1 липня``): after ``з``,
``на`` or ``до`` and with a verb that announces, schedules or decides, a year-less date is the
nearest such day, ahead of publication or behind it; without such a verb it stays in the past.
The verbs are read from the annotated document (as ``parse_text`` gives it to the dates stage).
The sentences are written for this test."""

from __future__ import annotations

from datetime import date

import pytest

from newsmodel import parse_text
from newsmodel.extract.dates import find_dates
from newsmodel.extract.dates.periods import nearest_day
from newsmodel.extract.document import Document

PUBLISHED = date(2024, 6, 10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Профспілка оголосила страйк з 1 липня.", "2024-07-01"),
        ("Уряд ухвалив підвищити пенсії з 1 серпня.", "2024-08-01"),
        ("Організатори перенесли форум на 15 вересня.", "2024-09-15"),
        # the nearer day is behind publication: it stays there
        ("Профспілка оголосила страйк з 1 березня.", "2024-03-01"),
        # no verb that announces: a past clause keeps its past date
        ("Виставка працювала з 15 червня.", "2023-06-15"),
        ("Засідання відбулося 20 червня.", "2023-06-20"),
    ],
)
def test_an_announced_date_is_the_nearest_such_day(text: str, expected: str) -> None:
    [found] = find_dates(text, PUBLISHED, Document.from_text(text))
    assert str(found.value) == expected


def test_an_announced_strike_is_scheduled() -> None:
    article = parse_text("date 2024-06-10\nПрофспілка залізничників оголосила страйк з 1 липня.")
    assert [(e.category.value, e.status.value, str(e.start_date)) for e in article.events] == [
        ("strike", "scheduled", "2024-07-01")
    ]


@pytest.mark.parametrize(
    ("month", "day", "expected"),
    [(7, 1, "2024-07-01"), (3, 1, "2024-03-01"), (6, 10, "2024-06-10"), (12, 20, "2023-12-20")],
)
def test_nearest_day(month: int, day: int, expected: str) -> None:
    assert str(nearest_day(month, day, PUBLISHED)) == expected
