"""The event stage costs the same per clause however long the text (issue 10 item 19).

Not timed: the work is counted.  Each clause asked which earlier event it retells; comparing
it with every earlier event (and filtering every mention and date of the text per clause)
made a 3 MB text take six minutes.
"""

from __future__ import annotations

import pytest

from newsmodel import parse_text
from newsmodel.extract.events import merge

_PARAGRAPH = (
    "{day} травня у Львові міська рада підписала угоду про будівництво школи. "
    "Мер Андрій Коваль заявив, що роботи завершать до кінця року. "
    "Суд оштрафував компанію «Будмонтаж» на {day} тисяч гривень.\n\n"
)


def _text(paragraphs: int) -> str:
    return "".join(_PARAGRAPH.format(day=1 + i % 28) for i in range(paragraphs))


def _family_calls(paragraphs: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    calls = 0
    original = merge.family

    def counted(category: merge.EventCategory) -> merge.EventCategory:
        nonlocal calls
        calls += 1
        return original(category)

    monkeypatch.setattr(merge, "family", counted)
    article = parse_text(_text(paragraphs))
    return calls, len(article.events)


@pytest.mark.replaces_parser_code
def test_event_merging_cost_per_paragraph_does_not_grow(monkeypatch: pytest.MonkeyPatch) -> None:
    small, small_events = _family_calls(10, monkeypatch)
    large, large_events = _family_calls(80, monkeypatch)
    assert small_events > 0
    assert large_events > 0
    # comparing with every earlier event made this grow with the square of the length
    assert large / 80 <= 2 * (small / 10) + 2, (small, large)


_RUN_ON_CLAUSE = "у Львові міська рада підписала угоду з компанією «Будмонтаж» {day} травня, "


def _largest_look(clauses: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """The most mentions and dates one clause's event looked at, in a text of one sentence."""
    from newsmodel.extract.events import dating, find

    mentions_seen = 0
    dates_seen = 0
    original_cast = find.cast
    original_near = dating.SentenceDates.near

    def counted_cast(*args: object, **kwargs: object) -> object:
        nonlocal mentions_seen
        mentions_seen = max(mentions_seen, len(args[2]))  # type: ignore[arg-type]
        return original_cast(*args, **kwargs)  # type: ignore[arg-type]

    def counted_near(self: dating.SentenceDates, sentence: int, low: int, high: int) -> object:
        nonlocal dates_seen
        found = original_near(self, sentence, low, high)
        dates_seen = max(dates_seen, len(found))
        return found

    monkeypatch.setattr(find, "cast", counted_cast)
    monkeypatch.setattr(dating.SentenceDates, "near", counted_near)
    text = "Сьогодні " + "".join(_RUN_ON_CLAUSE.format(day=1 + i % 28) for i in range(clauses))
    parse_text("date 2024-06-01\n\n" + text.rstrip(", ") + ".")
    return mentions_seen, dates_seen


@pytest.mark.replaces_parser_code
def test_a_run_on_sentence_costs_the_same_per_clause(monkeypatch: pytest.MonkeyPatch) -> None:
    """A text without full stops is one sentence: each clause must look at a bounded
    neighbourhood of it, not at every mention and date of the whole text (a 1 MB run-on
    sentence took 19 s per MB against 3 s for punctuated text)."""
    small = _largest_look(20, monkeypatch)
    large = _largest_look(200, monkeypatch)
    assert small[0] > 0
    assert large[0] <= small[0] + 2, (small, large)
    assert large[1] <= small[1] + 2, (small, large)
