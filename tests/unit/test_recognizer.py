"""A user's recogniser (``Recognizer``): any iterable of spans is its answer, spans without
token indices get them from their offsets, and a wrong answer is refused naming what is wrong."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest

from newsmodel import parse_text
from newsmodel.extract.recognizer import EntitySpan, checked_spans
from newsmodel.extract.tokens import Token, tokenize

TEXT = "date 2024-03-01\nПрезидент України Володимир Зеленський заявив у Києві про нові кроки."
NAME = "Володимир Зеленський"


def _name_span(text: str) -> EntitySpan:
    start = text.index(NAME)
    return EntitySpan(start, start + len(NAME), "PERS")


class _AsList:
    def recognise(self, text: str, tokens: Sequence[Token]) -> list[EntitySpan]:
        return [_name_span(text)]


class _AsTuple:
    def recognise(self, text: str, tokens: Sequence[Token]) -> tuple[EntitySpan, ...]:
        return (_name_span(text),)


class _AsGenerator:
    def recognise(self, text: str, tokens: Sequence[Token]) -> Iterator[EntitySpan]:
        yield _name_span(text)


@pytest.mark.parametrize("recogniser", [_AsList(), _AsTuple(), _AsGenerator()])
def test_any_iterable_of_spans_is_an_answer(recogniser: _AsList) -> None:
    article = parse_text(TEXT, recognizer=recogniser)
    assert [person.name for person in article.persons] == [NAME]


def test_spans_without_token_indices_read_as_spans_with_them() -> None:
    """The title before the name is found through the tokens: a span that leaves its token
    indices at -1 gets the same person, title and all, as one that gives them."""

    class WithIndices:
        def recognise(self, text: str, tokens: Sequence[Token]) -> list[EntitySpan]:
            span = _name_span(text)
            words = [t.index for t in tokens if span.start <= t.start < span.end]
            return [
                EntitySpan(span.start, span.end, "PERS", first_token=words[0], last_token=words[-1])
            ]

    given = parse_text(TEXT, recognizer=WithIndices()).persons
    derived = parse_text(TEXT, recognizer=_AsList()).persons
    assert given[0].job_title is not None
    assert derived == given


def test_token_indices_come_from_the_offsets() -> None:
    text = "Президент України Володимир Зеленський заявив."
    [span] = checked_spans([_name_span(text)], text, tokenize(text))
    words = [t.text for t in tokenize(text)[span.first_token : span.last_token + 1]]
    assert words == ["Володимир", "Зеленський"]


@pytest.mark.parametrize(
    ("answer", "error", "says"),
    [
        ([("PERS", 0, 9)], TypeError, "expected EntitySpan objects"),
        ([EntitySpan(0, 9, "PER")], ValueError, "the label 'PER'"),  # type: ignore[arg-type]
        ([EntitySpan(5, 500, "PERS")], ValueError, "not inside the text of 46 characters"),
        ([EntitySpan(9, 9, "PERS")], ValueError, "not inside the text"),
        ([EntitySpan(9, 10, "PERS")], ValueError, "holds no token"),
        (
            [EntitySpan(0, 9, "ORG", parts=(EntitySpan(0, 99, "LOC"),))],
            ValueError,
            "the span 0-99",
        ),
    ],
)
def test_a_wrong_answer_is_refused_saying_what_is_wrong(
    answer: list[object], error: type[Exception], says: str
) -> None:
    text = "Президент України Володимир Зеленський заявив."
    with pytest.raises(error, match=says):
        checked_spans(answer, text, tokenize(text))
