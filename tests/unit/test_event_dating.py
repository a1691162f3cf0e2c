"""Which reported event's clause a date lies in (the events stage's ``Owners``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsmodel.extract.events.clause import ClauseEvent
from newsmodel.extract.events.dating import Owners
from newsmodel.extract.events.lexicon import lexicon


@given(st.lists(st.integers(0, 60), unique=True), st.integers(-1, 70))
def test_owners_find_the_clause_a_token_lies_in(cuts: list[int], token: int) -> None:
    # every other range between consecutive cuts reports an event: in text order, disjoint
    cuts.sort()
    frame = next(iter(lexicon().frames.values()))
    clauses = list(zip(cuts[::2], cuts[1::2], strict=False))
    events = [ClauseEvent(frame, start, None, "occurred", start, end) for start, end in clauses]
    table = {index: start for start, end in clauses for index in range(start, end)}
    assert Owners(events).get(token, -5) == table.get(token, -5)
