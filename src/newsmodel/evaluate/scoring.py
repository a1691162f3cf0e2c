"""The editor's bar for one article: an exported article (JSON) against its gold file.

These are the rules of ``../shared/eval/README.md`` as the reference scorer
(``../shared/eval/score_article.py``) applies them, rule for rule, so that ``newsmodel eval``
and the scripts the held-out articles are judged by give the same verdict.  The input is the
article as newsmodel's JSON export (a plain mapping), not the model: the reference sees only the
export, so scoring what it sees is the only way to agree with it.

- Names compare after :func:`norm` (case folded, apostrophes unified, quotes dropped, blanks
  collapsed).  Nothing else is folded: ``і`` is not ``и``.
- A gold person is found when an extracted person's *canonical* ``name`` is the gold name or one
  of its aliases (an extracted person's alternate names do not count: an editor indexes by the
  canonical name).  Their title is right when every role word occurs in the first such
  person's ``job_title``.  Precision counts every extracted person (duplicates too) whose name is
  no gold person's name or alias.
- A required organisation or place is found when any extracted one shares a name (its name or
  any alternate name) with the gold name or its aliases.
- A required event is found when one extracted event has a start date that begins with the gold
  date (when the gold gives one), one of the evidence stems in its description, name or mention
  texts (when the gold gives stems), and a participant or location that is one of the gold
  participants or places, each standing for its gold entity with all its aliases.
- The article passes when every gold person is found, precision is at least 0.88, every title but
  one is right, and every required organisation, place and event is found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

PRECISION_BAR = 0.88
"""Person precision an article needs: at most one extra person per eight."""

_QUOTES = re.compile(r"[«»\"„“”]")
_BLANKS = re.compile(r"\s+")


def norm(text: str | None) -> str:
    """A name as the scorer compares it: case folded, ’ ʼ ` read as ', quotes dropped."""
    text = (text or "").casefold().replace("’", "'").replace("ʼ", "'").replace("`", "'")
    return _BLANKS.sub(" ", _QUOTES.sub("", text)).strip()


def entity_names(entity: Mapping[str, Any]) -> set[str]:
    """An extracted entity's name and alternate names (any export's key for them), normed."""
    out = {norm(entity.get("name"))}
    for key in ("alternate_names", "alternateName", "aliases"):
        out |= {norm(name) for name in entity.get(key) or []}
    return out - {""}


def gold_names(item: Mapping[str, Any]) -> set[str]:
    """A gold entity's name and aliases, normed."""
    return {norm(item["name"])} | {norm(alias) for alias in item.get("aliases") or []}


@dataclass(slots=True)
class PersonResult:
    name: str
    found: bool
    role: list[str]
    job_title: str | None = None

    @property
    def title_ok(self) -> bool:
        title = norm(self.job_title)
        return self.found and all(norm(word) in title for word in self.role)


@dataclass(slots=True)
class Required:
    """A required organisation, place or event, and whether it was found."""

    name: str
    found: bool
    date: str | None = None


@dataclass(slots=True)
class ArticleScore:
    """One article against its gold file: every check, and the verdict."""

    name: str
    persons: list[PersonResult] = field(default_factory=list)
    extra_persons: list[str] = field(default_factory=list)
    extracted_persons: int = 0
    organisations: list[Required] = field(default_factory=list)
    places: list[Required] = field(default_factory=list)
    events: list[Required] = field(default_factory=list)

    @property
    def persons_found(self) -> int:
        return sum(p.found for p in self.persons)

    @property
    def titles_right(self) -> int:
        return sum(p.title_ok for p in self.persons)

    @property
    def precision(self) -> float:
        if not self.extracted_persons:
            return float(not self.persons)
        return (self.extracted_persons - len(self.extra_persons)) / self.extracted_persons

    def counts(self) -> dict[str, tuple[int, int]]:
        """``found, asked`` per check, as the reference's summary line gives them."""

        def share(items: Sequence[Required]) -> tuple[int, int]:
            return sum(i.found for i in items), len(items)

        return {
            "persons": (self.persons_found, len(self.persons)),
            "titles": (self.titles_right, len(self.persons)),
            "organisations": share(self.organisations),
            "places": share(self.places),
            "events": share(self.events),
        }

    @property
    def passed(self) -> bool:
        people = len(self.persons)
        return (
            self.persons_found == people
            and self.precision >= PRECISION_BAR
            and self.titles_right >= people - 1
            and all(i.found for i in (*self.organisations, *self.places, *self.events))
        )


def _find_required(
    entities: Sequence[Mapping[str, Any]], items: Iterable[Mapping[str, Any]]
) -> list[Required]:
    names = [entity_names(e) for e in entities]
    return [
        Required(item["name"], any(n & gold_names(item) for n in names))
        for item in items
        if item.get("required")
    ]


def _participant_ids(event: Mapping[str, Any]) -> list[Any]:
    ids: list[Any] = []
    for participant in event.get("participants") or []:
        if isinstance(participant, str):
            ids.append(participant)
        elif isinstance(participant, Mapping):
            ids.append(participant.get("id") or participant.get("ref") or participant.get("entity"))
    return ids


def _evidence(event: Mapping[str, Any]) -> str:
    texts = [event.get("description") or "", event.get("name") or ""]
    texts += [m.get("text", "") for m in event.get("mentions") or [] if isinstance(m, Mapping)]
    return norm(" ".join(texts))


class _EventMatcher:
    """Required gold events against the extracted ones."""

    def __init__(self, article: Mapping[str, Any], gold: Mapping[str, Any]) -> None:
        self.by_id: dict[Any, set[str]] = {}
        for key in ("persons", "organisations", "places"):
            for entity in article.get(key) or []:
                self.by_id[entity.get("id")] = entity_names(entity)
        # a name in a gold event stands for its gold entity with all its aliases; a name shared
        # by two gold entities stands for both
        self.aliases: dict[str, set[str]] = {}
        for key in ("persons", "organisations", "places"):
            for item in gold.get(key) or []:
                for name in gold_names(item):
                    self.aliases.setdefault(name, set()).update(gold_names(item))
        self.events = article.get("events") or []

    def wanted(self, names: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for name in names:
            out |= self.aliases.get(norm(name), {norm(name)})
        return out

    def found(self, item: Mapping[str, Any]) -> bool:
        want_people = self.wanted(item.get("participants") or [])
        want_places = self.wanted(item.get("place") or [])
        stems = [norm(stem) for stem in item.get("evidence") or []]
        date = item.get("date")
        for event in self.events:
            start = str(event.get("start_date") or event.get("date") or "")
            if date and not start.startswith(date):
                continue
            if stems and not any(stem in _evidence(event) for stem in stems):
                continue  # an event that shares a date and a name is not this event
            people: set[str] = set()
            for ident in _participant_ids(event):
                people |= self.by_id.get(ident, set())
            locations = event.get("location") or []
            locations = locations if isinstance(locations, list) else [locations]
            places: set[str] = set()
            for ident in locations:
                if isinstance(ident, str):
                    places |= self.by_id.get(ident, {norm(ident)})
            if people & want_people or places & want_places:
                return True
        return False


def score_article(
    article: Mapping[str, Any], gold: Mapping[str, Any], name: str = ""
) -> ArticleScore:
    """Score one exported article (newsmodel's JSON, as a mapping) against its gold file."""
    score = ArticleScore(name)
    persons = article.get("persons") or []
    for item in gold.get("persons") or []:
        wanted = gold_names(item)
        hit = next((p for p in persons if norm(p.get("name")) in wanted), None)
        score.persons.append(
            PersonResult(
                item["name"],
                hit is not None,
                list(item.get("role") or []),
                hit.get("job_title") if hit else None,
            )
        )
    every_gold = set().union(*(gold_names(item) for item in gold.get("persons") or []))
    canonical = [norm(p.get("name")) for p in persons]
    score.extracted_persons = len(canonical)
    score.extra_persons = [c for c in canonical if c not in every_gold]
    score.organisations = _find_required(
        article.get("organisations") or [], gold.get("organisations") or []
    )
    score.places = _find_required(article.get("places") or [], gold.get("places") or [])
    matcher = _EventMatcher(article, gold)
    score.events = [
        Required(str(item.get("id")), matcher.found(item), item.get("date"))
        for item in gold.get("events") or []
        if item.get("required")
    ]
    return score


__all__ = [
    "PRECISION_BAR",
    "ArticleScore",
    "PersonResult",
    "Required",
    "entity_names",
    "gold_names",
    "norm",
    "score_article",
]
