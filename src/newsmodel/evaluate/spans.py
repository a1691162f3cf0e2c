"""Span-annotated JSONL (lang-uk's ner-uk shape) scored exactly and by overlap.

One ``{"id", "text", "entities": [{"start", "end", "type"}]}`` per line: the parser's person,
organisation and place mentions are scored as ``PERS``, ``ORG`` and ``LOC`` spans, exactly and by
overlap, nested gold spans included; other types are ignored.  Bad input raises
:class:`newsmodel.errors.InputError` naming the file and line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsmodel.errors import InputError
from newsmodel.models import Article

SPAN_TYPES = ("PERS", "ORG", "LOC")


@dataclass(slots=True)
class Counts:
    """True positives, false positives, false negatives; precision, recall and F1 from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(slots=True)
class SpanScores:
    """Exact and overlap scores per type and micro-averaged over PERS, ORG and LOC."""

    documents: int = 0
    exact: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in SPAN_TYPES})
    overlap: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in SPAN_TYPES})

    def micro(self, mode: str) -> Counts:
        total = Counts()
        for counts in (self.exact if mode == "exact" else self.overlap).values():
            total.add(counts)
        return total

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "exact": {t: c.as_dict() for t, c in self.exact.items()}
            | {"micro": self.micro("exact").as_dict()},
            "overlap": {t: c.as_dict() for t, c in self.overlap.items()}
            | {"micro": self.micro("overlap").as_dict()},
        }


def read_span_file(path: Path) -> Iterator[tuple[str, str, list[tuple[int, int, str]]]]:
    """``(id, text, [(start, end, type)])`` per line; a bad line is an :class:`InputError`."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read the span file: {error}", where=str(path)) from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
            text = row["text"]
            entities = [(int(e["start"]), int(e["end"]), str(e["type"])) for e in row["entities"]]
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
            raise InputError(
                f"not a span record ({type(error).__name__}: {error})",
                where=where,
                hint='each line must be {"id", "text", "entities": [{"start", "end", "type"}]}',
            ) from None
        if not isinstance(text, str):
            raise InputError("'text' must be a string", where=where)
        for start, end, _ in entities:
            if not 0 <= start <= end <= len(text):
                raise InputError(
                    f"span {start}:{end} is outside the text ({len(text)} characters)", where=where
                )
        yield str(row.get("id", number)), text, entities


def predicted_spans(article: Article, offset: int) -> set[tuple[int, int, str]]:
    """The article's person, organisation and place mentions as typed spans of the input."""
    spans = set()
    for label, entities in (
        ("PERS", article.persons),
        ("ORG", article.organisations),
        ("LOC", article.places),
    ):
        for entity in entities:
            for mention in entity.mentions:
                spans.add((mention.start + offset, mention.end + offset, label))
    return spans


def score_spans(
    gold: set[tuple[int, int, str]], predicted: set[tuple[int, int, str]], scores: SpanScores
) -> None:
    for label in SPAN_TYPES:
        g = {s for s in gold if s[2] == label}
        p = {s for s in predicted if s[2] == label}
        exact = scores.exact[label]
        exact.tp += len(g & p)
        exact.fp += len(p - g)
        exact.fn += len(g - p)
        loose = scores.overlap[label]
        loose.tp += sum(1 for a in p if any(b[0] < a[1] and a[0] < b[1] for b in g))
        loose.fp += sum(1 for a in p if not any(b[0] < a[1] and a[0] < b[1] for b in g))
        loose.fn += sum(1 for b in g if not any(b[0] < a[1] and a[0] < b[1] for a in p))


def evaluate_spans(paths: Iterable[Path]) -> SpanScores:
    """Parse every text of the JSONL files and score the mentions against the gold spans."""
    from newsmodel.extract import parse_text

    scores = SpanScores()
    for path in paths:
        for _, text, entities in read_span_file(path):
            gold = {(s, e, t) for s, e, t in entities if t in SPAN_TYPES}
            scores.documents += 1
            if not text.strip():
                score_spans(gold, set(), scores)
                continue
            clean = text.replace("\r", "\n")
            offset = len(clean) - len(clean.lstrip())
            article = parse_text(clean if not clean.lstrip().startswith("date ") else " " + clean)
            score_spans(gold, predicted_spans(article, offset), scores)
    return scores


__all__ = [
    "SPAN_TYPES",
    "Counts",
    "SpanScores",
    "evaluate_spans",
    "predicted_spans",
    "read_span_file",
    "score_spans",
]
