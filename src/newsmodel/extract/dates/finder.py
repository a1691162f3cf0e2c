"""The public entry: :func:`find_dates` walks the anchors, keeps the longest candidates and
resolves the phrases that refer to an earlier date."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from newsmodel.extract.dates.context import Context
from newsmodel.extract.dates.expression import DateExpression
from newsmodel.extract.dates.lexicon import normalise
from newsmodel.extract.dates.patterns import load_grammar, rules_any_case
from newsmodel.extract.dates.references import resolve_references
from newsmodel.extract.dates.scan import Scan, anchor_hits, inside_recent, longest_first
from newsmodel.extract.dates.tense import ClauseTense

if TYPE_CHECKING:
    from newsmodel.extract.document import Document


def find_dates(
    text: str, published: date | None, doc: Document | None = None
) -> list[DateExpression]:
    """Every time expression in ``text``, sorted by start, non-overlapping (longest wins).

    ``published`` anchors year-less and relative expressions; with ``None`` only expressions
    whose year is written (including full numeric dates), or that refer to one, are returned.
    ``doc``, the annotated document of ``text``, lets the verbs decide whether a year-less date
    lies ahead (the clause's nearest finite verb: ``розгляне 3 березня`` is the next 3 March,
    ``розглянув 3 березня`` the last; ``оголосили страйк з 1 липня``, announced, the nearer
    1 July), and fills each expression's token span, clause and sentence.  Without it the
    clause's words decide (``lexicon/dates/future.txt``).  Never raises on any text; a ``doc``
    of another text is a programming error (``ValueError``).
    """
    if doc is not None and doc.text != text:
        raise ValueError("find_dates: doc is the annotated document of another text")
    if isinstance(published, datetime):
        published = published.date()
    grammar = load_grammar()
    lowered = text.lower()
    if len(lowered) == len(text):
        haystack, rules = lowered, grammar.rules
    else:  # "İ" lower-cases to two characters: match the text itself, ignoring case
        haystack, rules = text, rules_any_case()
    scan = Scan(text)
    tense = ClauseTense(doc) if doc is not None else None
    found: list[DateExpression] = []
    tried: set[tuple[int, int]] = set()
    forget_before = 0
    for position, kind in anchor_hits(grammar, text, lowered if haystack is lowered else None, doc):
        if position > forget_before + 1000:
            # A rule start lies at most three words before its anchor, so old entries can go
            # (a long text keeps a small set; a rare repeat only yields a duplicate candidate).
            tried.clear()
            forget_before = position
        starts = scan.word_starts(position)
        for rule_index, words_back, openers in grammar.attempts[kind]:
            if words_back >= len(starts):
                continue
            start = starts[words_back]
            if openers is not None:
                previous_word = normalise(text[start : starts[words_back - 1]])
                if previous_word not in openers:
                    continue
            if (rule_index, start) in tried:
                continue
            tried.add((rule_index, start))
            pattern, rule = rules[rule_index]
            match = pattern.match(haystack, start)
            if match is None or inside_recent(found, match.start(), match.end()):
                continue
            expression = rule(grammar, Context(scan, text, match, published, tense))
            if expression is not None:
                found.append(expression)
    chosen = longest_first(found)
    if tense is not None:
        chosen = [_positioned(tense, expression) for expression in chosen]
    return resolve_references(chosen, text, published, grammar)


def annotate_dates(doc: Document, published: date | None) -> list[DateExpression]:
    """:func:`find_dates` over an annotated document, stored as its ``dates`` layer."""
    found = find_dates(doc.text, published, doc)
    doc.layers["dates"] = found
    return found


def _positioned(tense: ClauseTense, expression: DateExpression) -> DateExpression:
    """``expression`` with its token span, clause and sentence in the document."""
    tokens = tense.token_span(expression.start, expression.end)
    if tokens is None:
        return expression
    first, stop = tokens
    doc = tense.doc
    e = expression
    # the constructor, not dataclasses.replace: this runs for every date of every article
    return DateExpression(
        e.start,
        e.end,
        e.text,
        e.value,
        e.end_value,
        e.relation,
        e.future,
        e.explicit_year,
        first,
        stop,
        doc.clause_index(first),
        doc.tokens[first].sentence,
        e.back_reference,
    )


__all__ = ["annotate_dates", "find_dates"]
