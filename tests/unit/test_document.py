"""The annotated document: tokens analysed once, sentences, clauses split at predicates."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsmodel.extract.document import Document


def _clauses(text: str) -> list[str]:
    return [clause.text for clause in Document.from_text(text).clauses]


def test_relative_pronoun_and_conjunction_open_clauses() -> None:
    text = "Президент зустрівся з прем'єром, який прилетів до Києва, і вони підписали угоду."
    assert _clauses(text) == [
        "Президент зустрівся з прем'єром,",
        "який прилетів до Києва,",
        "і вони підписали угоду.",
    ]


def test_a_piece_without_a_finite_verb_stays_in_its_clause() -> None:
    assert _clauses("Делегації Києва і Варшави зустрілися у Львові.") == [
        "Делегації Києва і Варшави зустрілися у Львові."
    ]


def test_every_token_belongs_to_one_clause_inside_its_sentence() -> None:
    doc = Document.from_text("Суд розгляне справу 3 березня, але адвокат подав апеляцію. Все.")
    assert len(doc.sentences) == 2
    for index, token in enumerate(doc.tokens):
        clause = doc.clause_of(index)
        sentence = doc.sentence_of(index)
        assert clause.start <= index < clause.end
        assert sentence.start <= clause.start
        assert clause.end <= sentence.end
        assert doc.token_at(token.start) == index


def test_readings_are_computed_per_token() -> None:
    doc = Document.from_text("Суд розгляне справу.")
    assert doc.lemmas(0) >= {"суд"}
    assert doc.is_finite_verb(1)
    assert doc.readings[3] == ()  # the full stop has no reading


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_makes_a_document_whose_spans_slice_the_text(text: str) -> None:
    doc = Document.from_text(text)
    assert sum(len(clause) for clause in doc.clauses) == len(doc.tokens)
    for clause in doc.clauses:
        assert clause.text == text[clause.start_char : clause.end_char]


def test_a_released_document_is_freed_without_the_cyclic_collector() -> None:
    """Spans point back at their document, so an unreleased document is a reference cycle
    the cyclic collector has to find (its passes over each parse's garbage cost about a tenth
    of the parse); released, it is freed as soon as the last reference goes."""
    import gc

    text = "Уряд схвалив бюджет, який підтримали депутати. Прем'єр сказав, що він важливий."
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        kept = Document.from_text(text)
        del kept
        assert gc.collect() > 0  # the unreleased document was cyclic garbage
        doc = Document.from_text(text)
        assert doc.clauses
        doc.release()
        del doc
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()


def test_line_starts_are_the_tokens_after_each_line_break() -> None:
    doc = Document.from_text("Заголовок\n\nПерший абзац.\nДругий , рядок\n")
    assert [doc.tokens[i].text for i in doc.line_starts()] == ["Перший", "Другий"]


@given(st.text(alphabet="аб .,\n", max_size=40))
@settings(max_examples=200)
def test_line_starts_agree_with_the_text_between_tokens(text: str) -> None:
    doc = Document.from_text(text)
    tokens = doc.tokens
    expected = [
        i for i in range(1, len(tokens)) if "\n" in text[tokens[i - 1].end : tokens[i].start]
    ]
    assert doc.line_starts() == expected
