"""One happening told several times is one event.

* A trigger after a demonstrative (``цих переговорів``, ``цього рішення``) refers back to the
  latest event its trigger named (else the latest of its family) and adds only its mention: the
  clause goes on about something else.
* A trigger of the same family within two sentences without a conflicting date or place
  (``уклало договір`` ... ``вартість договору``) joins the earlier event: mentions, date,
  places and participants merge.
* Visits and meetings are one family: a delegation's arrival and the talks it came for, in one
  place (or a place inside it: Пхеньян in КНДР), are one event named by the stronger trigger.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from newsmodel.models import EventCategory, EventStatus, PartialDate

MERGE_WINDOW = 2
"""Same-family triggers at most this many sentences apart, dates agreeing, are one event."""
RETELL_WINDOW = 8
"""A same-category mention missing its people or its date (``Про це свідчить вирок суду від 3
серпня`` ... ``Суд виніс вирок Іванову``) completes an earlier one this many sentences back."""

_LEAD = frozenset({0})
"""The lead: the first sentence."""
_MOVEMENTS = frozenset({EventCategory.VISIT, EventCategory.DEPLOYMENT})
_ID_PARTS = {category: category.value.replace("_", "-") for category in EventCategory}
"""A category as an event id spells it (``event-3-military-action``)."""
_STATUSES = {status.value: status for status in EventStatus}
_FAMILIES = {
    EventCategory.VISIT: EventCategory.MEETING,
    EventCategory.AGREEMENT: EventCategory.CONTRACT,
}


@dataclass(slots=True)
class EventCandidate:
    """An event being built: what the clause found, then what later mentions add."""

    category: EventCategory
    name: str
    sentence: int
    description: str
    mentions: list[tuple[int, int]]
    status: str = "occurred"
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
            "id": f"event-{number}-{_ID_PARTS[self.category]}",
            "name": self.name,
            "category": self.category,
            "status": _STATUSES[self.status],
            "start_date": self.start_date,
            "end_date": self.end_date,
            "location": self.location,
            "participants": [{"id": ident, "role": role} for ident, role in self.participants],
            "description": self.description,
            "mentions": [{"start": s, "end": e, "text": body[s:e]} for s, e in self.mentions],
        }


def family(category: EventCategory) -> EventCategory:
    return _FAMILIES.get(category, category)


def _same_places(a: EventCandidate, b: EventCandidate, within: Mapping[str, str]) -> bool:
    """The events' places agree: one is the other or lies in it, or one event names none."""
    if not (a.location and b.location):
        return True
    first = {place for ident in a.location for place in (ident, within.get(ident))}
    second = {place for ident in b.location for place in (ident, within.get(ident))}
    return bool(first & second - {None})


def referred_to(same: list[EventCandidate], candidate: EventCandidate) -> EventCandidate | None:
    """The event a demonstrative points back to: the latest one its trigger named, else the
    latest of its family (``same``: the earlier events of the candidate's family, in order)."""
    name = candidate.base_name
    named = [e for e in same if name == e.base_name or name in e.trigger_names]
    candidates = named or same
    return candidates[-1] if candidates else None


def mergeable(
    same: list[EventCandidate], candidate: EventCandidate, within: Mapping[str, str]
) -> EventCandidate | None:
    """The earlier event of its family (``same``, in order) the candidate retells, if any."""
    if not same:
        return None
    latest = same[-1]
    if not _same_places(latest, candidate, within):
        return None
    if _strangers(latest, candidate):
        return None  # two happenings with different people: the ministry's, then the commission's
    window = MERGE_WINDOW
    if candidate.category == latest.category and (_incomplete(candidate) or _incomplete(latest)):
        # the lead sums up what the article then tells in detail: its event may come back anywhere
        window = len(_LEAD) + candidate.sentence if latest.sentence in _LEAD else RETELL_WINDOW
    if candidate.sentence - latest.sentence > window or candidate.status != latest.status:
        return None
    if candidate.start_date and latest.start_date and candidate.start_date != latest.start_date:
        return None
    if (
        candidate.category == latest.category
        and candidate.start_date
        and not latest.start_date
        and not _incomplete(candidate)
        and latest.participants
    ):
        return None  # a dated happening after an undated one with its own people: another one
    return latest


def _actors(event: EventCandidate) -> set[str]:
    return {ident for ident, role in event.participants if role != "source"}


def _strangers(a: EventCandidate, b: EventCandidate) -> bool:
    """Both name who took part, and nobody is in both."""
    first, second = _actors(a), _actors(b)
    return bool(first and second) and not first & second


def _incomplete(event: EventCandidate) -> bool:
    """Told without its people or without its date: a retelling or a first glimpse."""
    actors = any(role != "source" for _, role in event.participants)
    return not actors or event.start_date is None


def _add(event: EventCandidate, ident: str, role: str) -> None:
    if ident not in map(_IDENT, event.participants):
        event.participants.append((ident, role))


_IDENT = itemgetter(0)
"""A participant's id (its role is the second item)."""


def merge(event: EventCandidate, other: EventCandidate, within: Mapping[str, str]) -> None:
    """Fold a retelling into the event it retells."""
    event.trigger_names.append(other.base_name)
    event.mentions.extend(other.mentions)
    event.start_date = event.start_date or other.start_date
    event.end_date = event.end_date or other.end_date
    if event.end_date and event.start_date and event.end_date < event.start_date:
        event.end_date = None
    event.suffixes.extend(other.suffixes)
    if len(other.participants) > len(event.participants) and other.category != event.category:
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
    elif not event.place_suffix:
        event.place_suffix = other.place_suffix
    event.name = event.base_name + event.place_suffix


__all__ = ["MERGE_WINDOW", "EventCandidate", "family", "merge", "mergeable", "referred_to"]
