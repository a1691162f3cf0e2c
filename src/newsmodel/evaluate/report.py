"""Evaluation results as text and as JSON-ready dicts.

Per gold article: PASS or fail, the reference scorer's summary line (``persons 5/6 P=0.83
roles 3; orgs 3/4; places 1/1; events 0/3``), then what was missed.  The totals line is
``score_set.py``'s last line, word for word, so the two can be compared by eye or by ``diff``;
its mean precision is the mean of the per-article precisions as printed (two decimals), as
``score_set.py`` computes it from those lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsmodel.evaluate.scoring import ArticleScore
from newsmodel.evaluate.spans import SPAN_TYPES, SpanScores


def summary_line(score: ArticleScore) -> str:
    """The last line ``score_article.py`` prints for the same article."""
    c = score.counts()
    return (
        f"persons {c['persons'][0]}/{c['persons'][1]} P={score.precision:.2f} "
        f"roles {c['titles'][0]}; orgs {c['organisations'][0]}/{c['organisations'][1]}; "
        f"places {c['places'][0]}/{c['places'][1]}; events {c['events'][0]}/{c['events'][1]}"
    )


def missed_lines(score: ArticleScore) -> list[str]:
    """What kept the article from passing (and extras that cost precision)."""
    lines = [f"person missed: {p.name}" for p in score.persons if not p.found]
    lines += [f"person not in gold: {name}" for name in score.extra_persons]
    lines += [
        f"title wrong: {p.name}: got {p.job_title!r}, wanted {', '.join(p.role)!r}"
        for p in score.persons
        if p.found and not p.title_ok
    ]
    lines += [f"organisation missed: {o.name}" for o in score.organisations if not o.found]
    lines += [f"place missed: {p.name}" for p in score.places if not p.found]
    lines += [f"event missed: {e.name} ({e.date})" for e in score.events if not e.found]
    return lines


@dataclass(slots=True)
class Totals:
    """Sums over a set of articles, in ``score_set.py``'s terms."""

    articles: int = 0
    passed: int = 0
    persons: tuple[int, int] = (0, 0)
    titles: int = 0
    precision_sum: float = 0.0
    organisations: tuple[int, int] = (0, 0)
    places: tuple[int, int] = (0, 0)
    events: tuple[int, int] = (0, 0)

    @classmethod
    def of(cls, scores: Sequence[ArticleScore]) -> Totals:
        def add(key: str) -> tuple[int, int]:
            pairs = [s.counts()[key] for s in scores]
            return sum(p[0] for p in pairs), sum(p[1] for p in pairs)

        return cls(
            articles=len(scores),
            passed=sum(s.passed for s in scores),
            persons=add("persons"),
            titles=add("titles")[0],
            precision_sum=sum(float(f"{s.precision:.2f}") for s in scores),
            organisations=add("organisations"),
            places=add("places"),
            events=add("events"),
        )

    @property
    def mean_precision(self) -> float:
        return self.precision_sum / max(self.articles, 1)

    def line(self) -> str:
        p, o, pl, e = self.persons, self.organisations, self.places, self.events
        return (
            f"articles {self.passed}/{self.articles} pass; persons {p[0]}/{p[1]}, "
            f"mean precision {self.mean_precision:.2f}, titles {self.titles}/{p[1]}; "
            f"required orgs {o[0]}/{o[1]}, places {pl[0]}/{pl[1]}, events {e[0]}/{e[1]}"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "passed": self.passed,
            "persons_found": list(self.persons),
            "mean_precision": round(self.mean_precision, 4),
            "titles_right": [self.titles, self.persons[1]],
            "required_organisations_found": list(self.organisations),
            "required_places_found": list(self.places),
            "required_events_found": list(self.events),
        }


def article_dict(score: ArticleScore) -> dict[str, Any]:
    """One article's result for ``--json``: the verdict, the counts, every check."""
    return {
        "name": score.name,
        "passed": score.passed,
        "summary": summary_line(score),
        "precision": round(score.precision, 4),
        "counts": {key: list(value) for key, value in score.counts().items()},
        "persons": [
            {
                "name": p.name,
                "found": p.found,
                "job_title": p.job_title,
                "role": p.role,
                "title_ok": p.title_ok,
            }
            for p in score.persons
        ],
        "extra_persons": score.extra_persons,
        "organisations": [{"name": o.name, "found": o.found} for o in score.organisations],
        "places": [{"name": p.name, "found": p.found} for p in score.places],
        "events": [{"id": e.name, "date": e.date, "found": e.found} for e in score.events],
    }


def format_spans(spans: SpanScores) -> list[str]:
    lines = [
        f"span evaluation: {spans.documents} documents",
        f"{'type':<6} {'exact P':>8} {'R':>6} {'F1':>6}   {'overlap P':>9} {'R':>6} {'F1':>6}",
    ]
    rows = [(t, spans.exact[t], spans.overlap[t]) for t in SPAN_TYPES]
    rows.append(("micro", spans.micro("exact"), spans.micro("overlap")))
    for name, e, o in rows:
        lines.append(
            f"{name:<6} {e.precision:8.3f} {e.recall:6.3f} {e.f1:6.3f}   "
            f"{o.precision:9.3f} {o.recall:6.3f} {o.f1:6.3f}"
        )
    return lines


def format_gold(scores: Sequence[ArticleScore]) -> list[str]:
    lines = []
    for score in scores:
        lines.append(f"{score.name}: {'PASS' if score.passed else 'fail'} {summary_line(score)}")
        lines += [f"  {line}" for line in missed_lines(score)]
    lines.append(Totals.of(scores).line())
    return lines


__all__ = ["Totals", "article_dict", "format_gold", "format_spans", "missed_lines", "summary_line"]
