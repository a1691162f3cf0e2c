"""Score the parser against hand annotations: gold article files and span-annotated JSONL.

Two kinds of gold data are understood, told apart by content:

* **gold files** (``*.json``) in the format of the project's ``eval/gold/`` folder: one article's
  people (name, aliases, role words), organisations, places and events (date, participants);
  the article text is found next to it (``document``: same folder, ``../seeds``, or the folder
  given as ``documents``);
* **span JSONL** (``*.jsonl``), one ``{"id", "text", "entities": [{"start", "end", "type"}]}``
  per line as in lang-uk's ner-uk: the parser's person, organisation and place mentions are
  scored as ``PERS``, ``ORG`` and ``LOC`` spans, exactly and by overlap, nested gold spans
  included; other types are ignored.

Bad input raises :class:`newsmodel.errors.InputError` naming the file and line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
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


@dataclass(slots=True)
class GoldScores:
    """What a gold article file asks for, and what the parser found."""

    document: str
    persons: list[dict[str, Any]] = field(default_factory=list)
    extra_persons: list[str] = field(default_factory=list)
    organisations: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        def share(items: list[dict[str, Any]], key: str, required: bool = False) -> list[int]:
            chosen = [i for i in items if i.get("required", True)] if required else items
            return [sum(1 for i in chosen if i[key]), len(chosen)]

        return {
            "persons_found": share(self.persons, "found"),
            "titles_right": share(self.persons, "title_ok"),
            "extra_persons": len(self.extra_persons),
            "required_organisations_found": share(self.organisations, "found", True),
            "required_places_found": share(self.places, "found", True),
            "required_events_found": share(self.events, "found", True),
            "required_event_dates_right": share(self.events, "date_ok", True),
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "summary": self.summary(),
            "persons": self.persons,
            "extra_persons": self.extra_persons,
            "organisations": self.organisations,
            "places": self.places,
            "events": self.events,
        }


@dataclass(slots=True)
class Evaluation:
    spans: SpanScores | None = None
    gold: list[GoldScores] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "spans": self.spans.as_dict() if self.spans else None,
            "gold": [g.as_dict() for g in self.gold],
        }


# -- span JSONL ---------------------------------------------------------------------------------


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


# -- gold article files -------------------------------------------------------------------------


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("і", "и").replace("’", "'").split())


def _names(entity: Any) -> set[str]:
    return {_fold(entity.name), *(_fold(a) for a in entity.alternate_names)}


def _find_document(gold_path: Path, document: str, documents: Path | None) -> Path:
    folders = [documents] if documents else []
    folders += [
        gold_path.parent,
        gold_path.parent.parent / "seeds",
        gold_path.parent.parent.parent / "seeds",
    ]
    for folder in folders:
        if folder is not None and (folder / document).is_file():
            return folder / document
    raise InputError(
        f"the article {document!r} named in the gold file was not found",
        where=str(gold_path),
        hint="give its folder with --documents",
    )


def evaluate_gold_file(path: Path, documents: Path | None = None) -> GoldScores:
    """Parse the article a gold file describes and check each annotation."""
    from newsmodel.extract import parse_file

    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
        document = gold["document"]
        persons, orgs, places = (
            gold.get("persons", []),
            gold.get("organisations", []),
            gold.get("places", []),
        )
        events = gold.get("events", [])
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as error:
        raise InputError(
            f"not a gold article file ({type(error).__name__}: {error})",
            where=str(path),
            hint='expected {"document", "persons", "organisations", "places", "events"}',
        ) from None
    article = parse_file(_find_document(path, document, documents))
    result = GoldScores(document)
    matched: dict[str, str] = {}
    used: set[str] = set()
    for item in persons:
        wanted = {_fold(item["name"]), *(_fold(a) for a in item.get("aliases", []))}
        person = next((p for p in article.persons if _names(p) & wanted), None)
        title = (person.job_title or "") if person else ""
        roles = item.get("role", [])
        title_ok = bool(person) and all(_fold(r) in _fold(title) for r in roles)
        if person:
            matched[item["name"]] = person.id
            used.add(person.id)
        result.persons.append(
            {
                "name": item["name"],
                "found": person is not None,
                "as": person.name if person else None,
                "job_title": title or None,
                "title_ok": title_ok,
            }
        )
    result.extra_persons = [p.name for p in article.persons if p.id not in used]
    for items, entities, out in (
        (orgs, article.organisations, result.organisations),
        (places, article.places, result.places),
    ):
        for item in items:
            wanted = {_fold(item["name"]), *(_fold(a) for a in item.get("aliases", []))}
            entity = next((e for e in entities if _names(e) & wanted), None)
            if entity:
                matched[item["name"]] = entity.id
            out.append(
                {
                    "name": item["name"],
                    "required": bool(item.get("required", False)),
                    "found": entity is not None,
                    "as": entity.name if entity else None,
                }
            )
    for item in events:
        ids = {matched[n] for n in item.get("participants", []) if n in matched}
        candidates = [e for e in article.events if ids & {p.id for p in e.participants}]
        candidates.sort(key=lambda e: -len(ids & {p.id for p in e.participants}))
        date = item.get("date")
        dated = [
            e for e in candidates if date and e.start_date and e.start_date.isoformat() == date
        ]
        chosen = dated or candidates
        event = chosen[0] if chosen else None
        result.events.append(
            {
                "id": item.get("id"),
                "required": bool(item.get("required", False)),
                "found": event is not None,
                "as": event.name if event else None,
                "date": date,
                "found_date": event.start_date.isoformat() if event and event.start_date else None,
                "date_ok": bool(event) and (date is None or bool(dated)),
            }
        )
    return result


# -- entry point --------------------------------------------------------------------------------


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
    """A plain-text report: span scores per type and micro, then each gold file's summary."""
    lines: list[str] = []
    if result.spans is not None:
        s = result.spans
        lines.append(f"span evaluation: {s.documents} documents")
        lines.append(
            f"{'type':<6} {'exact P':>8} {'R':>6} {'F1':>6}   {'overlap P':>9} {'R':>6} {'F1':>6}"
        )
        rows = [(t, s.exact[t], s.overlap[t]) for t in SPAN_TYPES]
        rows.append(("micro", s.micro("exact"), s.micro("overlap")))
        for name, e, o in rows:
            lines.append(
                f"{name:<6} {e.precision:8.3f} {e.recall:6.3f} {e.f1:6.3f}   "
                f"{o.precision:9.3f} {o.recall:6.3f} {o.f1:6.3f}"
            )
    for gold in result.gold:
        if lines:
            lines.append("")
        lines.append(f"gold: {gold.document}")
        for key, value in gold.summary().items():
            shown = f"{value[0]}/{value[1]}" if isinstance(value, list) else str(value)
            lines.append(f"  {key.replace('_', ' '):<30} {shown}")
        missing = [p["name"] for p in gold.persons if not p["found"]]
        if missing:
            lines.append(f"  missing persons: {', '.join(missing)}")
        if gold.extra_persons:
            lines.append(f"  extra persons: {', '.join(gold.extra_persons)}")
    return "\n".join(lines)


__all__ = [
    "Counts",
    "Evaluation",
    "GoldScores",
    "SpanScores",
    "evaluate",
    "evaluate_gold_file",
    "evaluate_spans",
    "format_table",
    "read_span_file",
]
