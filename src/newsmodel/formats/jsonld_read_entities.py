"""The people, organisations, places and events a JSON-LD article links to, as the model's.

:class:`EntityReader` maps one collected node of each kind; the graph reader
(:mod:`.jsonld_read_graph`) collects them, assigns ids and resolves the references between them.
"""

from __future__ import annotations

from newsmodel.formats.jsonld_dates import read_partial_date
from newsmodel.formats.jsonld_nodes import (
    _COUNTRY,
    _KIND_BY_CLASS,
    _KIND_BY_TYPE,
    _NO_KIND,
    Node,
    _degrees,
    _link,
    _text,
)
from newsmodel.formats.jsonld_read_meta import ReaderBase
from newsmodel.models import (
    Event,
    EventCategory,
    EventStatus,
    GeoPoint,
    Organisation,
    PartialDate,
    Participant,
    Person,
    Place,
    PlaceKind,
)

_CATEGORIES = frozenset(category.value for category in EventCategory)
_EVENT_STATUSES = {
    "EventScheduled": EventStatus.SCHEDULED,
    "EventRescheduled": EventStatus.SCHEDULED,
    "EventCancelled": EventStatus.CANCELLED,
    "EventPostponed": EventStatus.POSTPONED,
}
"""schema.org's statuses; ``EventMovedOnline`` says where, not whether, and is listed."""


class EntityReader(ReaderBase):
    """Builds entities and events from nodes; ``ids`` and ``kinds`` are already assigned."""

    def names(self, node: Node) -> tuple[list[str], str | None]:
        alternates: list[str] = []
        latin: str | None = None
        for value in node.props.get("alternateName", []):
            if (
                isinstance(value, dict)
                and str(value.get("@language", "")).endswith("-Latn")
                and latin is None
                and isinstance(value.get("@value"), str)
            ):
                latin = value["@value"]
                continue
            text = _text(value)
            if text is not None:
                alternates.append(text)
        return alternates, latin

    def person(self, node: Node) -> Person | None:
        name = self.scalar(node, "name")
        if not name:
            self.warn(f"a Person without a name at {node.pointer} was left out")
            return None
        alternates, latin = self.names(node)
        nationality = self.refs(node, "nationality", ("place",))
        return Person(
            id=self.ids[id(node)],
            name=name,
            given_name=self.scalar(node, "givenName"),
            family_name=self.scalar(node, "familyName"),
            alternate_names=alternates,
            name_latin=latin,
            job_title=self.scalar(node, "jobTitle"),
            affiliation=self.refs(node, "affiliation", ("organisation",)),
            nationality=nationality[0] if nationality else None,
            same_as=self.texts(node, "sameAs"),
        )

    def organisation(self, node: Node) -> Organisation | None:
        name = self.scalar(node, "name")
        if not name:
            self.warn(f"an Organization without a name at {node.pointer} was left out")
            return None
        alternates, _ = self.names(node)
        country = self.refs(node, "location", ("place",))
        parent = [
            ref
            for ref in self.refs(node, "parentOrganization", ("organisation",))
            if ref != self.ids[id(node)]
        ]
        return Organisation(
            id=self.ids[id(node)],
            name=name,
            alternate_names=alternates,
            country=country[0] if country else None,
            parent=parent[0] if parent else None,
            same_as=self.texts(node, "sameAs"),
        )

    def place(self, node: Node) -> Place | None:
        name = self.scalar(node, "name")
        if not name:
            self.warn(f"a Place without a name at {node.pointer} was left out")
            return None
        alternates, _ = self.names(node)
        kind: PlaceKind | None = None
        for value in node.props.get("additionalType", []):
            uri = value.id if isinstance(value, Node) else _text(value)
            if uri in _KIND_BY_CLASS:
                kind = _KIND_BY_CLASS[uri]
                break
            if uri in _NO_KIND:  # our export: a kindless place typed Country as a nationality
                break
        else:
            kind = next((_KIND_BY_TYPE[t] for t in node.types if t in _KIND_BY_TYPE), None)
            if node.props.get("additionalType"):
                self.note(f"{node.label}.additionalType")
        geo, country = self.point(node)
        container = [
            ref
            for ref in self.refs(node, "containedInPlace", ("place",))
            if ref != self.ids[id(node)]
        ]
        return Place(
            id=self.ids[id(node)],
            name=name,
            kind=kind,
            alternate_names=alternates,
            same_as=self.texts(node, "sameAs"),
            geo=geo,
            country_code=country,
            contained_in=container[0] if container else None,
        )

    def point(self, node: Node) -> tuple[GeoPoint | None, str | None]:
        """``geo`` (GeoCoordinates) and the ISO country code of ``geo`` or ``address``; what
        is no number in range or no two-letter code is noted as unmapped, never guessed."""
        geo: GeoPoint | None = None
        country: str | None = None
        for value in node.props.get("geo", []):
            if not isinstance(value, Node) or geo is not None:
                self.note(f"{node.label}.geo")
                continue
            latitude, longitude = (
                _degrees(value.first("latitude")),
                _degrees(value.first("longitude")),
            )
            if latitude is None or longitude is None or abs(latitude) > 90 or abs(longitude) > 180:
                self.note(f"{node.label}.geo")
                continue
            geo = GeoPoint(latitude=latitude, longitude=longitude)
        holders = [
            v
            for name in ("geo", "address")
            for v in node.props.get(name, [])
            if isinstance(v, Node)
        ]
        for holder in holders:
            for value in holder.props.get("addressCountry", []):
                code = _text(value.first("name") if isinstance(value, Node) else value)
                if country is None and code and _COUNTRY.match(code.strip().upper()):
                    country = code.strip().upper()
                elif country is None:
                    self.note(f"{node.label}.addressCountry")
        return geo, country

    def event(self, node: Node) -> Event | None:
        name = self.scalar(node, "name")
        if not name:
            self.warn(f"an Event without a name at {node.pointer} was left out")
            return None
        category = EventCategory.OTHER
        for keyword in self.texts(node, "keywords"):
            if keyword in _CATEGORIES:
                category = EventCategory(keyword)
            else:
                self.note(f"{node.label}.keywords")
        dates: list[PartialDate | None] = []
        for prop in ("startDate", "endDate"):
            text = self.scalar(node, prop)
            value, warning = read_partial_date(text) if text is not None else (None, None)
            if warning:
                self.warn(f"{node.label}.{prop}: {warning}")
            dates.append(value)
        start, end = dates
        if start and end and end.last_day() < start.first_day():
            self.warn(f"{node.label} {name!r} ends before it starts; endDate left out")
            end = None
        participants: list[Participant] = []
        for prop, default in (("attendee", None), ("organizer", "organizer"), ("about", None)):
            for value in node.props.get(prop, []):
                target, role = value, default
                if isinstance(value, Node) and "Role" in value.types:
                    role = self.scalar(value, "roleName") or default
                    inner = value.props.get(prop) or [None]
                    target = inner[0]
                ref = self.ref(target, ("person", "organisation", "place"))
                if ref is None:
                    self.note(f"{node.label}.{prop}")
                elif all(p.id != ref for p in participants):
                    participants.append(Participant(id=ref, role=role))
        status = _link(node.first("eventStatus"))
        event_status = _EVENT_STATUSES.get((status or "").rpartition("/")[2].rpartition(":")[2])
        if status is not None and event_status is None:
            self.note(f"{node.label}.eventStatus {status!r}")
        return Event(
            id=self.ids[id(node)],
            name=name,
            category=category,
            start_date=start,
            end_date=end,
            status=event_status,
            location=self.refs(node, "location", ("place",)),
            participants=participants,
            description=self.scalar(node, "description"),
        )
