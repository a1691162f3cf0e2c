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


def test_event_merging_cost_per_paragraph_does_not_grow(monkeypatch: pytest.MonkeyPatch) -> None:
    small, small_events = _family_calls(10, monkeypatch)
    large, large_events = _family_calls(80, monkeypatch)
    assert small_events > 0
    assert large_events > 0
    # comparing with every earlier event made this grow with the square of the length
    assert large / 80 <= 2 * (small / 10) + 2, (small, large)
