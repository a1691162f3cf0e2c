"""The public entry: :func:`find_dates` walks the anchors and keeps the longest candidates."""

from __future__ import annotations

from datetime import date, datetime

from newsmodel.extract.dates.context import Context
from newsmodel.extract.dates.expression import DateExpression
from newsmodel.extract.dates.lexicon import normalise
from newsmodel.extract.dates.patterns import load_grammar, rules_any_case
from newsmodel.extract.dates.scan import Scan, anchor_hits, inside_recent, longest_first


def find_dates(text: str, published: date | None) -> list[DateExpression]:
    """Every time expression in ``text``, sorted by start, non-overlapping (longest wins).

    ``published`` anchors year-less and relative expressions; with ``None`` only expressions
    whose year is written (including full numeric dates) are returned.  Never raises on any text.
    """
    if isinstance(published, datetime):
        published = published.date()
    grammar = load_grammar()
    lowered = text.lower()
    if len(lowered) == len(text):
        haystack, rules = lowered, grammar.rules
    else:  # "İ" lower-cases to two characters: match the text itself, ignoring case
        haystack, rules = text, rules_any_case()
    scan = Scan(text)
    found: list[DateExpression] = []
    tried: set[tuple[int, int]] = set()
    forget_before = 0
    for position, kind in anchor_hits(grammar, text, lowered if haystack is lowered else None):
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
            expression = rule(grammar, Context(scan, text, match, published))
            if expression is not None:
                found.append(expression)
    return longest_first(found)
