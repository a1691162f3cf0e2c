"""Properties of ``find_dates`` over arbitrary text and publication dates.

Random Unicode rarely forms a date, so a second strategy glues together the pieces dates are
made of (numbers, month and weekday forms, prepositions, modifiers, dashes) to reach every rule,
including the calendar's edges (publication in year 1 or 9999, 29 February).
"""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from newsmodel.extract.dates import DateExpression, find_dates

PIECES = [
    "6",
    "06",
    "29",
    "31",
    "1",
    "15",
    "2024",
    "2023",
    "1990",
    "0001",
    "9999",
    "24",
    "12.03.2024",
    "30.02.2024",
    "06.11",
    "2024-03-12",
    "12.03.24",
    "-го",
    "–",
    "-",
    "—",
    "-х",
    "р.",
    "рр.",
    "року",
    "році",
    "рік",
    "роками",
    "років",
    "листопада",
    "лютого",
    "лютий",
    "червні",
    "Червень",
    "грудня",
    "січня",
    "лист.",
    "у",
    "в",
    "з",
    "із",
    "до",
    "по",
    "між",
    "і",
    "та",
    "від",
    "на",
    "о",
    "наприкінці",
    "на початку",
    "до кінця",
    "з початку",
    "у середині",
    "минулого",
    "цього",
    "наступного",
    "позаминулого",
    "минулої",
    "цієї",
    "тижня",
    "місяця",
    "понеділок",
    "п’ятницю",
    "п'ятниці",
    "неділі",
    "навесні",
    "взимку",
    "зими",
    "літа",
    "весни",
    "учора",
    "сьогодні",
    "завтра",
    "торік",
    "тому",
    "три",
    "дні",
    "тиждень",
    "буде",
    "відбудеться",
    ",",
    ".",
    "«",
    "»",
    "\n",
    "ЛИСТОПАДА",
    "тисяч",
    "гривні",
    "№",
    "вихідних",
    "вихідні",
    "наступні",
    "минулих",
    "першого",
    "двадцять",
    "четвертого",
    "İ",
    "3січня",
]

date_like_text = st.lists(st.sampled_from(PIECES), max_size=14).flatmap(
    lambda pieces: st.lists(
        st.sampled_from([" ", "", "  ", "\u00a0"]), min_size=len(pieces), max_size=len(pieces)
    ).map(lambda gaps: "".join(piece + gap for piece, gap in zip(pieces, gaps, strict=True)))
)
any_text = st.one_of(st.text(max_size=200), date_like_text)
publication = st.one_of(
    st.none(),
    st.dates(),
    st.datetimes(),
    st.sampled_from([date(1, 1, 1), date(9999, 12, 31), date(2024, 2, 29), date(2025, 11, 7)]),
)


def _check(text: str, published: date | None, found: list[DateExpression]) -> None:
    day = published.date() if isinstance(published, datetime) else published
    previous_end = 0
    for expression in found:
        assert 0 <= expression.start < expression.end <= len(text)
        assert expression.text == text[expression.start : expression.end]
        assert expression.start >= previous_end, "expressions overlap or are out of order"
        previous_end = expression.end
        if expression.end_value is not None:
            assert expression.value.first_day() <= expression.end_value.last_day()
        if day is None:
            assert expression.explicit_year, "without a publication date only written years"
            assert not expression.future
        elif not expression.explicit_year and not expression.future:
            assert expression.value.first_day() <= day, "a past year-less date after publication"


@settings(max_examples=400, deadline=None)
@given(text=any_text, published=publication)
def test_never_raises_and_spans_slice_the_text(text: str, published: date | None) -> None:
    """Any text with any publication date gives sorted, non-overlapping, honest expressions."""
    _check(text, published, find_dates(text, published))


@settings(max_examples=200, deadline=None)
@given(text=date_like_text, published=st.dates())
def test_result_does_not_depend_on_surrounding_text_far_away(text: str, published: date) -> None:
    """Padding far from every expression moves offsets but changes nothing else."""
    padding = "Слово. " * 40
    plain = find_dates(text, published)
    padded = find_dates(padding + text, published)
    shift = len(padding)
    assert [(e.start + shift, e.end + shift, e.value, e.end_value, e.relation) for e in plain] == [
        (e.start, e.end, e.value, e.end_value, e.relation) for e in padded
    ]


EDGE_DATES = [
    date(1, 1, 1),
    date(1, 1, 7),
    date(2024, 2, 29),
    date(2025, 11, 7),
    date(9999, 12, 31),
]


def _lexicon_phrases() -> list[str]:
    """Every lexicon form in the frames the grammar knows, for an exhaustive sweep."""
    from newsmodel.extract.dates.patterns import load_grammar

    lex = load_grammar().lexicon
    units = [*lex.units, *lex.weekdays, *lex.season_nouns]
    phrases = [f"{modifier} {unit}" for modifier in lex.modifiers for unit in units]
    phrases += [f"{prefix} {month}" for prefix in lex.prefixes for month in lex.months]
    phrases += [f"6 {month} 2024 року" for month in lex.months]
    phrases += [f"{ordinal} {month}" for ordinal in lex.ordinals for month in ("лютого", "грудня")]
    phrases += [
        f"у {form} {year}"
        for form in (*lex.season_adverbs, *lex.season_nouns)
        for year in ("2024 року", "минулого року")
    ]
    phrases += [
        f"{prefix} {word}" for prefix in ("у", "з", "до") for word in (*lex.weekdays, *lex.words)
    ]
    phrases += [f"{prefix} року" for prefix in lex.prefixes]
    phrases += [f"у {ordinal} {unit}" for ordinal in lex.part_ordinals for unit in lex.units]
    return phrases


def test_every_lexicon_phrase_at_the_calendar_edges() -> None:
    """Every form in every frame, published at the calendar's edges, resolves or is skipped."""
    for phrase in _lexicon_phrases():
        for published in EDGE_DATES:
            text = f"Сказано: {phrase}, і все."
            _check(text, published, find_dates(text, published))


@settings(max_examples=150, deadline=None)
@given(text=date_like_text, published=publication)
def test_with_the_document_spans_match_its_tokens(text: str, published: date | None) -> None:
    """With the annotated document, the same honesty holds and every token span covers the text."""
    from newsmodel.extract.document import Document

    doc = Document.from_text(text)
    found = find_dates(text, published, doc)
    _check(text, published, found)
    for expression in found:
        if expression.first_token is None or expression.end_token is None:
            continue
        tokens = doc.tokens[expression.first_token : expression.end_token]
        assert tokens, "an empty token span"
        assert tokens[0].start <= expression.start + len(expression.text) - 1
        assert tokens[-1].end >= expression.start
        assert expression.clause == doc.clause_index(expression.first_token)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(date_like_text, any_text))
def test_token_anchors_equal_stem_anchors(text: str) -> None:
    """The document's tokens find the same anchor words as the stem search over the text."""
    from newsmodel.extract.dates.patterns import load_grammar
    from newsmodel.extract.dates.scan import anchor_hits
    from newsmodel.extract.document import Document

    grammar = load_grammar()
    lowered = text.lower()
    keep = lowered if len(lowered) == len(text) else None
    by_stems = set(anchor_hits(grammar, text, keep))
    by_tokens = set(anchor_hits(grammar, text, keep, Document.from_text(text)))
    assert by_tokens == by_stems
