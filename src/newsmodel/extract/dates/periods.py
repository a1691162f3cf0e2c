"""Calendar arithmetic and the periods relative words name (a week, a quarter, a season).

Every constructor may meet year 0 or 10000, which is "no date": the helpers return ``None``
instead of raising.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from newsmodel.models import PartialDate

if TYPE_CHECKING:
    from newsmodel.extract.dates.expression import DateExpression
    from newsmodel.extract.dates.patterns import Grammar


def partial_date(year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


def shift_days(value: date, days: int) -> date | None:
    try:
        return value + timedelta(days=days)
    except OverflowError:
        return None


def monday_of(value: date, weeks: int) -> date | None:
    """Monday of the week ``weeks`` away from the one holding ``value``."""
    return shift_days(value, 7 * weeks - value.weekday())


def latest_month(month: int, published: date, forward: bool) -> int:
    """The year of the latest such month not after publication (or the next one from it)."""
    if forward:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def latest_day(month: int, day: int, published: date, forward: bool) -> PartialDate | None:
    """The latest such day not after publication, or with ``forward`` the first from it on.

    Tries up to eight years so ``29 лютого`` finds its leap year; ``31 лютого`` finds nothing.
    """
    step = 1 if forward else -1
    for offset in range(9):
        year = published.year + step * offset
        candidate = partial_date(year, month, day)
        if candidate is None:
            continue
        first = candidate.first_day()
        if (first >= published) if forward else (first <= published):
            return candidate
    return None


def nearest_day(month: int, day: int, published: date) -> PartialDate | None:
    """Of the latest such day up to publication and the first from it on, the nearer."""
    behind = latest_day(month, day, published, forward=False)
    ahead = latest_day(month, day, published, forward=True)
    if behind is None or ahead is None:
        return behind or ahead
    closer_ahead = ahead.first_day() - published < published - behind.first_day()
    return ahead if closer_ahead else behind


def unit_period(
    unit: str, offset: int, published: date
) -> tuple[PartialDate | None, PartialDate | None]:
    """The week, month or year ``offset`` units from the one holding publication."""
    if unit == "week":
        monday = monday_of(published, offset)
        sunday = shift_days(monday, 6) if monday else None
        if monday is None or sunday is None:
            return None, None
        return PartialDate.from_date(monday), PartialDate.from_date(sunday)
    if unit == "month":
        index = published.year * 12 + published.month - 1 + offset
        return partial_date(index // 12, index % 12 + 1), None
    if unit == "day":
        day = shift_days(published, offset)
        return (PartialDate.from_date(day) if day else None), None
    if unit in PART_MONTHS:
        months = PART_MONTHS[unit]
        index = published.year * (12 // months) + (published.month - 1) // months + offset
        return part_of_year(unit, index % (12 // months) + 1, index // (12 // months))
    return partial_date(published.year + offset), None


def some_day_of_week(found: DateExpression | None) -> DateExpression | None:
    """A happening "last week" is on one unknown day of it, and ``PartialDate`` holds no week.

    The honest reduced precision is the month when the whole week lies in one (``2025-11``);
    a week across two months stays the range from its Monday to its Sunday, since the month
    of either end alone could be wrong.  ``future`` keeps the week's own answer.  (``до кінця
    тижня`` keeps the range: its end is what matters.)
    """
    if found is None or found.end_value is None:
        return found
    monday, sunday = found.value, found.end_value
    if (monday.year, monday.month) != (sunday.year, sunday.month):
        return found
    month = partial_date(monday.year, monday.month)
    return replace(found, value=month, end_value=None) if month is not None else found


PART_MONTHS = {"quarter": 3, "half": 6}
"""Months in a quarter and in a half-year."""


def part_of_year(
    unit: str, number: int, year: int
) -> tuple[PartialDate | None, PartialDate | None]:
    """Quarter or half-year ``number`` of ``year`` as its first and last month."""
    months = PART_MONTHS[unit]
    return partial_date(year, months * (number - 1) + 1), partial_date(year, months * number)


def season_span(
    grammar: Grammar, name: str, year: int
) -> tuple[PartialDate | None, PartialDate | None]:
    """A season of a year; winter is the one whose January falls in that year."""
    first, last = grammar.lexicon.seasons[name]
    start_year = year - 1 if first > last else year
    return partial_date(start_year, first), partial_date(year, last)


def latest_season(
    grammar: Grammar, name: str, published: date, forward: bool
) -> tuple[PartialDate | None, PartialDate | None]:
    """The latest such season that has begun by publication (or, forward, the next one)."""
    first, last = grammar.lexicon.seasons[name]
    year = published.year + (1 if first > last else 0)  # the winter starting this December
    for _ in range(3):
        start, end = season_span(grammar, name, year)
        if start is None:
            return None, None
        if start.first_day() <= published:
            if forward and end is not None and end.last_day() < published:
                return season_span(grammar, name, year + 1)
            return start, end
        year -= 1
    return None, None


def deictic_season(
    grammar: Grammar, name: str, offset: int, published: date
) -> tuple[PartialDate | None, PartialDate | None]:
    """``цього літа`` is this year's; ``минулого літа`` the latest one already over."""
    first, last = grammar.lexicon.seasons[name]
    if offset < 0:
        start, end = latest_season(grammar, name, published, forward=False)
        if start is None or end is None:
            return None, None
        year = end.year if end.last_day() < published else end.year - 1
        return season_span(grammar, name, year + offset + 1)
    this_year = published.year
    if first > last and published.month > last:
        this_year += 1  # "цієї зими" in November: the winter starting this December
    return season_span(grammar, name, this_year + offset)


def day_or_weekend(
    day: date | None, weekend: bool
) -> tuple[PartialDate | None, PartialDate | None]:
    """A weekday as a date, or a weekend's Saturday and Sunday."""
    if day is None:
        return None, None
    if not weekend:
        return PartialDate.from_date(day), None
    sunday = shift_days(day, 1)
    return PartialDate.from_date(day), PartialDate.from_date(sunday) if sunday else None
