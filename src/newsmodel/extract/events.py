"""Events: a trigger word in a sentence, with its date, place and participants.

A sentence reports an event when it contains a trigger from ``lexicon/events/triggers.tsv``
(``переговори``, ``підписати``, ``візит``...); when it has several, the highest priority wins,
so one sentence gives at most one event.  The event's date is the first time expression in the
sentence, its places are the places named after a locative preposition (``у Пхеньяні``), its
participants the people named in the sentence (with the trigger's role) and, when the sentence
reports something (``повідомляє ЦТАК``), the organisations named with role ``source``.

One happening mentioned twice is one event: a same-category trigger in the next sentences
without a conflicting date is merged into the earlier event.  A trigger after a demonstrative
(``цих переговорів``) refers back to the latest event its trigger named and adds only a mention:
the sentence goes on about something else.
"""

from __future__ import annotations

import bisect
import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from newsmodel.extract import morph
from newsmodel.extract.tokens import Token
from newsmodel.models import EventCategory, PartialDate

MERGE_WINDOW = 2
"""Same-category triggers at most this many sentences apart, dates agreeing, are one event."""

_LOCATIVE = frozenset(["у", "в", "до", "на", "біля", "поблизу", "під"])
_IN = frozenset(["у", "в", "на"])
_MOVEMENTS = frozenset({EventCategory.VISIT, EventCategory.DEPLOYMENT})
_PREPOSITIONS = _LOCATIVE | frozenset(
    ["з", "із", "зі", "від", "для", "про", "проти", "між", "за", "через", "по", "при"]
)
_STATE_ACTS = frozenset(
    {EventCategory.DEPLOYMENT, EventCategory.ATTACK, EventCategory.AID, EventCategory.SANCTIONS}
)
_ORGANISATIONS_ACT = frozenset({EventCategory.AGREEMENT})
"""Categories whose organisations named in the sentence take the trigger's role (signatory)."""
_HAPPEN_TO_PEOPLE = frozenset({EventCategory.APPOINTMENT, EventCategory.DISMISSAL})
"""Categories that are no event without a person taking part."""
_DEMONSTRATIVES = frozenset(
    [
        "цей",
        "ця",
        "це",
        "ці",
        "цього",
        "цієї",
        "цих",
        "цим",
        "цими",
        "цьому",
        "тих",
        "того",
        "тієї",
        "той",
        "та",
        "ті",
    ]
)


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    category: EventCategory
    name: str
    role: str
    priority: int


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A mention the events stage can use: who (id, label) and where (span, first token)."""

    entity_id: str
    label: str
    start: int
    end: int
    first_token: int


@dataclass(frozen=True, slots=True)
class DatedSpan:
    """A resolved time expression (character span) with its value and relation."""

    start: int
    end: int
    value: PartialDate
    end_value: PartialDate | None
    relation: str


@dataclass(slots=True)
class EventCandidate:
    category: EventCategory
    name: str
    sentence: int
    description: str
    mentions: list[tuple[int, int]]
    start_date: PartialDate | None = None
    end_date: PartialDate | None = None
    location: list[str] = field(default_factory=list)
    participants: list[tuple[str, str]] = field(default_factory=list)
    priority: int = 0
    base_name: str = ""
    place_suffix: str = ""
    suffixes: list[str] = field(default_factory=list)
    trigger_names: list[str] = field(default_factory=list)
    """The names of every trigger merged in (a back-reference may use any of them)."""

    def as_dict(self, number: int, body: str) -> dict[str, Any]:
        return {
            "id": f"event-{number}-{self.category.value.replace('_', '-')}",
            "name": self.name,
            "category": self.category,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "location": self.location,
            "participants": [{"id": ident, "role": role} for ident, role in self.participants],
            "description": self.description,
            "mentions": [{"start": s, "end": e, "text": body[s:e]} for s, e in self.mentions],
        }


def _data(name: str) -> str:
    return resources.files("newsmodel.extract.lexicon").joinpath("events", name).read_text("utf-8")


@cache
def triggers() -> dict[str, Trigger]:
    """The trigger table, by lemma."""
    lines = [
        line for line in _data("triggers.tsv").splitlines() if line and not line.startswith("#")
    ]
    table = {}
    for row in csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"):
        table[row["lemma"]] = Trigger(
            row["lemma"],
            EventCategory(row["category"]),
            row["name"],
            row["role"],
            int(row["priority"]),
        )
    return table


@cache
def source_lemmas() -> frozenset[str]:
    lines = (line.split("#", 1)[0].strip() for line in _data("sources.txt").splitlines())
    return frozenset(line for line in lines if line)


@lru_cache(maxsize=100_000)
def _is_reporting(word: str) -> bool:
    return not {r.lemma for r in morph.readings(word)}.isdisjoint(source_lemmas())


@lru_cache(maxsize=100_000)
def _trigger(word: str) -> Trigger | None:
    table = triggers()
    found = [table[r.lemma] for r in morph.readings(word) if r.lemma in table and r.known]
    return max(found, key=lambda t: t.priority) if found else None


@cache
def light_verb_objects() -> dict[str, frozenset[str]]:
    """Objects that make a trigger verb an idiom (``lexicon/events/light_verbs.tsv``): a verb
    there triggers an event only with people as its object."""
    table: dict[str, set[str]] = {}
    for line in _data("light_verbs.tsv").splitlines():
        if line and not line.startswith(("#", "verb\t")):
            verb, thing = line.split("\t")
            table.setdefault(verb, set()).add(thing)
    return {verb: frozenset(things) for verb, things in table.items()}


def _light_verb(trigger: Trigger, tokens: Sequence[Token], token: Token) -> bool:
    """Is the trigger a verb used in an idiom with its object (``прийняв активну участь``,
    ``прийняла в цілому закон``)?  The object is the first noun after it, past adjectives,
    adverbs and prepositional phrases, in the same clause."""
    objects = light_verb_objects().get(trigger.lemma)
    if objects is None:
        return False
    after_preposition = False
    for following in tokens[token.index + 1 : token.index + 6]:
        if not following.is_word or following.sentence != token.sentence:
            return False
        if not morph.lemmas_of(following.text).isdisjoint(objects):
            return True
        kinds = morph.pos_set(following.text)
        if "PREP" in kinds:
            after_preposition = True
        elif after_preposition:
            after_preposition = False  # the preposition's own noun: "у Пхеньяні"
        elif kinds & {"NOUN", "NPRO"} and not kinds & {"ADJF", "PRTF", "ADVB"}:
            return False  # the object is someone or something else: "прийняв делегацію"
    return False


def find_events(
    body: str,
    tokens: Sequence[Token],
    sentences: Sequence[tuple[int, int]],
    mentions: Sequence[EntityMention],
    dates: Sequence[DatedSpan],
    *,
    within: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Events as dictionaries ready for ``Event.model_validate`` (ids ``event-<n>-<category>``).

    ``within`` maps a place id to the id of the country it lies in (``Пхеньян`` -> ``КНДР``),
    so a visit to a country and talks in its capital can be recognised as one happening."""
    inside = within or {}
    by_sentence: dict[int, list[Token]] = {}
    for token in tokens:
        by_sentence.setdefault(token.sentence, []).append(token)
    mentions_by_sentence: dict[int, list[EntityMention]] = {}
    for mention in mentions:
        if mention.first_token < len(tokens):
            mentions_by_sentence.setdefault(tokens[mention.first_token].sentence, []).append(
                mention
            )
    dates_sorted = sorted(dates, key=lambda d: d.start)
    date_starts = [d.start for d in dates_sorted]
    events: list[EventCandidate] = []
    for number, sentence_tokens in sorted(by_sentence.items()):
        best: tuple[Trigger, Token] | None = None
        reporting: list[int] = []
        for token in sentence_tokens:
            if not token.is_word:
                continue
            if _is_reporting(token.text):
                reporting.append(token.index)
            trigger = _trigger(token.text)
            if trigger is not None and _light_verb(trigger, tokens, token):
                continue
            if trigger and (best is None or trigger.priority > best[0].priority):
                best = (trigger, token)
        if best is None:
            continue
        trigger, token = best
        start, end = sentence_tokens[0].start, sentence_tokens[-1].end
        first_date = bisect.bisect_left(date_starts, start)
        candidate = _candidate(
            body,
            tokens,
            trigger,
            token,
            number,
            (start, end),
            mentions_by_sentence.get(number, []),
            dates_sorted[first_date : first_date + 8],
            reporting,
        )
        antecedent = _referred_to(events, candidate, tokens, token)
        if antecedent is not None:
            # "за результатами цих переговорів ...": the sentence goes on about something else,
            # so only the mention joins the event (not its people, places or dates)
            antecedent.mentions.extend(candidate.mentions)
            continue
        previous = _mergeable(events, candidate, inside)
        if previous is None:
            events.append(candidate)
        else:
            _merge(previous, candidate, inside)
    # a trigger with nobody, nowhere and no time ("пункт про військову допомогу") mentions a
    # kind of happening, not one that happened
    events = [e for e in events if e.participants or e.location or e.start_date or e.end_date]
    # an appointment or a dismissal happens to someone: without a person it was another
    # sense of the word ("земель лісогосподарського призначення": land of forestry purpose)
    people = {mention.entity_id for mention in mentions if mention.label == "PERS"}
    events = [
        e for e in events
        if e.category not in _HAPPEN_TO_PEOPLE
        or any(ident in people for ident, _ in e.participants)
    ]
    return [event.as_dict(index + 1, body) for index, event in enumerate(events)]


def _candidate(  # noqa: PLR0917 - one private call site, every argument needed
    body: str,
    tokens: Sequence[Token],
    trigger: Trigger,
    token: Token,
    number: int,
    span: tuple[int, int],
    mentions: Sequence[EntityMention],
    dates: Sequence[DatedSpan],
    reporting: Sequence[int],
) -> EventCandidate:
    start, end = span
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    candidate = EventCandidate(
        trigger.category,
        trigger.name,
        number,
        body[start:end].strip(),
        [(token.start, token.end)],
        priority=trigger.priority,
        base_name=trigger.name,
    )
    date = next((d for d in dates if start <= d.start and d.end <= end), None)
    if date is not None:
        if date.relation == "until":
            candidate.end_date = date.value
        else:
            candidate.start_date = date.value
            if date.relation == "between" and date.end_value is not None:
                candidate.end_date = date.end_value
    name_place: EntityMention | None = None
    for mention in inside:
        before = tokens[mention.first_token - 1].text.lower() if mention.first_token > 0 else ""
        if mention.label == "LOC" and before in _LOCATIVE:
            if mention.entity_id not in candidate.location:
                candidate.location.append(mention.entity_id)
            # the event is named after the place closest to its trigger ("візиту до КНДР");
            # "до" names a destination, so only movements are named with it
            if before in _IN or trigger.category in _MOVEMENTS:
                distance = abs(mention.first_token - token.index)
                if name_place is None or distance < abs(name_place.first_token - token.index):
                    name_place = mention
        elif mention.label == "PERS":
            role = trigger.role
            if role == "host" and mention.first_token > token.index:
                role = "guest"  # "X прийняв Y": who receives comes first, the guest after
            _add(candidate, mention.entity_id, role)
        elif mention.label == "ORG" and any(abs(mention.first_token - r) <= 3 for r in reporting):
            _add(candidate, mention.entity_id, "source")
        elif mention.label == "ORG" and trigger.category in _ORGANISATIONS_ACT:
            # "суд уклав угоду з ТОВ «Деміург»": both sides of an agreement sign it
            _add(candidate, mention.entity_id, trigger.role)
        elif (
            mention.label == "LOC"
            and trigger.category in _STATE_ACTS
            and before not in _PREPOSITIONS
            and mention.first_token < token.index
        ):
            # "Північна Корея надіслала війська": a country named as the subject acts
            _add(candidate, mention.entity_id, trigger.role)
    if name_place is not None:
        preposition = tokens[name_place.first_token - 1].text.lower()
        candidate.place_suffix = f" {preposition} {body[name_place.start : name_place.end]}"
        candidate.name = trigger.name + candidate.place_suffix
        candidate.suffixes.append(candidate.place_suffix)
    return candidate


def _add(candidate: EventCandidate, entity_id: str, role: str) -> None:
    if all(entity_id != ident for ident, _ in candidate.participants):
        candidate.participants.append((entity_id, role))


def _family(category: EventCategory) -> EventCategory:
    """A delegation's arrival and its talks are one happening told twice: visits and
    meetings are one trigger family."""
    return EventCategory.MEETING if category == EventCategory.VISIT else category


def _same_places(a: EventCandidate, b: EventCandidate, within: Mapping[str, str]) -> bool:
    """The events' places agree: one is the other or lies in it, or one event names none."""
    if not (a.location and b.location):
        return True  # "Переговори пройшли у дружній обстановці": no place, no conflict
    first = {place for ident in a.location for place in (ident, within.get(ident))}
    second = {place for ident in b.location for place in (ident, within.get(ident))}
    return bool(first & second - {None})


def _same_family(events: list[EventCandidate], candidate: EventCandidate) -> list[EventCandidate]:
    """The earlier events of the candidate's trigger family, in order."""
    return [e for e in events if _family(e.category) == _family(candidate.category)]


def _referred_to(
    events: list[EventCandidate],
    candidate: EventCandidate,
    tokens: Sequence[Token],
    trigger: Token,
) -> EventCandidate | None:
    """The event a demonstrative points back to (``цих переговорів``): the latest one its
    trigger named (the talks, not a meeting told since), else the latest of its family."""
    previous_word = tokens[trigger.index - 1].text.lower() if trigger.index > 0 else ""
    if previous_word not in _DEMONSTRATIVES:
        return None
    same = _same_family(events, candidate)
    named = [e for e in same if candidate.base_name in (e.base_name, *e.trigger_names)]
    candidates = named or same
    return candidates[-1] if candidates else None


def _mergeable(
    events: list[EventCandidate],
    candidate: EventCandidate,
    within: Mapping[str, str],
) -> EventCandidate | None:
    same = _same_family(events, candidate)
    if not same:
        return None
    latest = same[-1]
    if latest.category != candidate.category and not _same_places(latest, candidate, within):
        return None  # a visit and talks are one event only where they share a place
    if candidate.sentence - latest.sentence > MERGE_WINDOW:
        return None
    if candidate.start_date and latest.start_date and candidate.start_date != latest.start_date:
        return None
    return latest


def _merge(event: EventCandidate, other: EventCandidate, within: Mapping[str, str]) -> None:
    event.trigger_names.append(other.base_name)
    if other.category != event.category:
        _merge_retold(event, other, within)
        return
    event.mentions.extend(other.mentions)
    event.start_date = event.start_date or other.start_date
    event.end_date = event.end_date or other.end_date
    if event.end_date and event.start_date and event.end_date < event.start_date:
        event.end_date = None
    event.suffixes.extend(other.suffixes)
    if other.priority > event.priority:
        event.priority, event.base_name = other.priority, other.base_name
        event.name = event.base_name + (event.place_suffix or other.place_suffix)
    if not event.location:
        event.location = list(other.location)
        event.place_suffix = other.place_suffix
        event.name = event.base_name + event.place_suffix
    for ident, role in other.participants:
        _add(event, ident, role)


def _merge_retold(event: EventCandidate, other: EventCandidate, within: Mapping[str, str]) -> None:
    """A visit and the talks it came for: one happening told twice.  The higher-priority
    trigger names it, the sentence with more participants is its evidence, both places hold
    (the more precise first: Пхеньян before КНДР)."""
    event.mentions.extend(other.mentions)
    event.start_date = event.start_date or other.start_date
    event.end_date = event.end_date or other.end_date
    event.suffixes.extend(other.suffixes)
    if len(other.participants) > len(event.participants):
        event.description = other.description
    event.location.extend(p for p in other.location if p not in event.location)
    places = set(event.location)  # list.sort empties the list while it sorts
    event.location.sort(key=lambda p: within.get(p) not in places)
    for ident, role in other.participants:
        _add(event, ident, role)
    if other.priority > event.priority:
        # "приїзд делегації до КНДР" then "Переговори пройшли": the talks name the happening,
        # after the place they were held in ("до" names only a movement's destination)
        event.category, event.priority, event.base_name = (
            other.category,
            other.priority,
            other.base_name,
        )
        event.place_suffix = next(
            (
                suffix
                for suffix in event.suffixes
                if event.category in _MOVEMENTS or not suffix.startswith(" до ")
            ),
            "",
        )
        event.name = event.base_name + event.place_suffix


__all__ = [
    "DatedSpan",
    "EntityMention",
    "EventCandidate",
    "Trigger",
    "find_events",
    "source_lemmas",
    "triggers",
]
