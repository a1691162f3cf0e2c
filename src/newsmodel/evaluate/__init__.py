"""Score the parser against hand annotations: gold article files and span-annotated JSONL.

Two kinds of gold data are understood, told apart by their extension:

* **gold files** (``*.json``) in the format of ``../shared/eval/gold/``: one article's people,
  organisations, places and events, scored by the editor's bar exactly as the reference scorer
  ``score_article.py`` scores it (:mod:`~newsmodel.evaluate.scoring`; the article is found and
  parsed by :mod:`~newsmodel.evaluate.gold`);
* **span JSONL** (``*.jsonl``, ner-uk's shape): person, organisation and place mentions scored
  as PERS/ORG/LOC spans, exactly and by overlap (:mod:`~newsmodel.evaluate.spans`).

:mod:`~newsmodel.evaluate.report` writes the results.  Bad input raises
:class:`newsmodel.errors.InputError` naming the file (and line).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsmodel.errors import InputError
from newsmodel.evaluate.gold import evaluate_gold_file, exported_article, read_gold
from newsmodel.evaluate.report import Totals, article_dict, format_gold, format_spans
from newsmodel.evaluate.scoring import ArticleScore, norm, score_article
from newsmodel.evaluate.spans import Counts, SpanScores, evaluate_spans, read_span_file, score_spans


@dataclass(slots=True)
class Evaluation:
    """Span scores (when span files were given) and one score per gold article."""

    spans: SpanScores | None = None
    gold: list[ArticleScore] = field(default_factory=list)

    @property
    def totals(self) -> Totals:
        return Totals.of(self.gold)

    def as_dict(self) -> dict[str, Any]:
        return {
            "spans": self.spans.as_dict() if self.spans else None,
            "gold": [article_dict(score) for score in self.gold],
            "totals": self.totals.as_dict() if self.gold else None,
        }


def _files(paths: Sequence[str | Path]) -> tuple[list[Path], list[Path]]:
    spans, golds = [], []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.suffix in (".json", ".jsonl") and p.is_file()
            )
            if not found:
                raise InputError("no .json or .jsonl files in this folder", where=str(path))
        elif path.is_file():
            found = [path]
        else:
            raise InputError("no such file or folder", where=str(path))
        for item in found:
            if item.suffix == ".jsonl":
                spans.append(item)
            elif item.suffix == ".json":
                golds.append(item)
            else:
                raise InputError(
                    "expected a .json gold file or a .jsonl span file", where=str(item)
                )
    return spans, golds


def evaluate(paths: Sequence[str | Path], *, documents: str | Path | None = None) -> Evaluation:
    """Evaluate the parser on gold files and span files (files or folders, mixed)."""
    spans, golds = _files(paths)
    folder = Path(documents) if documents else None
    return Evaluation(
        spans=evaluate_spans(spans) if spans else None,
        gold=[evaluate_gold_file(path, folder) for path in golds],
    )


def format_table(result: Evaluation) -> str:
    """The plain-text report: span scores, then each gold article's verdict and the totals."""
    lines = format_spans(result.spans) if result.spans is not None else []
    if result.gold:
        if lines:
            lines.append("")
        lines += format_gold(result.gold)
    return "\n".join(lines)


__all__ = [
    "ArticleScore",
    "Counts",
    "Evaluation",
    "SpanScores",
    "Totals",
    "evaluate",
    "evaluate_gold_file",
    "evaluate_spans",
    "exported_article",
    "format_table",
    "norm",
    "read_gold",
    "read_span_file",
    "score_article",
    "score_spans",
]
