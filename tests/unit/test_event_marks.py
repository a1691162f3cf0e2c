"""The events stage's one pass over the tokens lists what each of its tests looks for."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from newsmodel.extract.document import Document
from newsmodel.extract.events.marks import Marks, marks

_TEXT = (
    "Учора міністерство скасувало зустріч, але він має провести переговори у Києві, "
    "повідомляє агентство. Засідання перенесли. Уряд підпише угоду."
)


def _words(doc: Document, indices: list[int]) -> list[str]:
    return [doc.tokens[i].text for i in indices]


def test_each_mark_lists_the_words_its_test_looks_for() -> None:
    doc = Document.from_text(_TEXT)
    found = marks(doc)
    assert _words(doc, found.triggers) == [
        "скасувало",
        "зустріч",
        "провести",
        "переговори",
        "Засідання",
        "підпише",
        "угоду",
    ]
    assert _words(doc, found.plans) == ["підпише"]  # a future verb plans on its own
    assert _words(doc, found.modals) == ["має"]  # "має" plans only before an infinitive
    assert _words(doc, found.sources) == ["повідомляє"]
    assert _words(doc, found.prepositions) == ["у"]
    assert _words(doc, found.cancels) == ["скасувало"]
    assert _words(doc, found.postpones) == ["перенесли"]
    assert _words(doc, found.heads) == ["міністерство", "агентство"]
    assert _words(doc, found.pronouns) == ["він"]
    assert _words(doc, found.commas) == [",", ","]
    assert _words(doc, found.conditionals) == ["у"]  # "у разі", "у випадку" begin with it


def test_negations_and_the_first_words_of_unreal_phrases_are_marked() -> None:
    doc = Document.from_text("Угоду не підписали б, як правило.")
    found = marks(doc)
    assert _words(doc, found.negations) == ["не"]
    assert _words(doc, found.unreal) == ["б", "як"]  # "б" alone, "як" of "як правило"


def test_a_capitalised_head_noun_is_a_name_not_a_reference_back() -> None:
    doc = Document.from_text("Міністерство повідомило.")
    assert marks(doc).heads == []


def test_within_is_the_slice_between_two_tokens() -> None:
    assert Marks.within([2, 5, 9, 14], 5, 14) == [5, 9]
    assert Marks.within([2, 5, 9, 14], 15, 20) == []


@given(st.lists(st.integers(0, 30), unique=True), st.integers(0, 30), st.integers(0, 30))
def test_any_within_says_whether_within_finds_any(found: list[int], start: int, end: int) -> None:
    found.sort()
    assert Marks.any_within(found, start, end) == bool(Marks.within(found, start, end))


@given(st.text(alphabet="ау має він Засідання перенесли , .\n", max_size=80))
@settings(max_examples=100, deadline=None)
def test_marks_are_sorted_word_tokens_and_commas(text: str) -> None:
    doc = Document.from_text(text)
    found = marks(doc)
    for field in (field.name for field in dataclasses.fields(Marks)):
        indices = getattr(found, field)
        assert indices == sorted(set(indices))
        if field == "commas":
            assert indices == [t.index for t in doc.tokens if t.text == ","]
        else:
            assert all(doc.tokens[i].is_word for i in indices)
