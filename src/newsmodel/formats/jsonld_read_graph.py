"""The graph of a JSON-LD article: the nodes it links to, their ids, and which are built.

A publisher's article points at people, organisations, places and events through a dozen
properties (``mentions``, ``about``, ``author``'s ``affiliation``, an event's ``location``...),
by nesting or by ``@id``, sometimes through a ``Role``, sometimes the same blank node twice.
:class:`GraphReader` walks those links once (:meth:`~GraphReader.collect`), gives every node the
model's id (:meth:`~GraphReader.assign_ids`), maps each kind with :class:`.EntityReader`
(:meth:`~GraphReader.build`) and removes references to nodes that could not be mapped
(:meth:`~GraphReader.drop_dangling`).  Apart from :mod:`.jsonld_read`, which reads the article
node itself and finds the articles in a document, because resolving the graph is one problem
with its own state (``kinds``, ``ids``, ``aliases``), whatever the article's fields are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from newsmodel.formats.jsonld_nodes import _ENTITY_ID, _T, Node, _kind, _resolve, _text
from newsmodel.formats.jsonld_read_entities import EntityReader
from newsmodel.models import Event, Organisation, Person

# The properties each kind's mapping reads (jsonld_read_entities); a node's others are unmapped.
PERSON_PROPS = frozenset(
    {
        "name",
        "givenName",
        "familyName",
        "alternateName",
        "jobTitle",
        "affiliation",
        "nationality",
        "sameAs",
    }
)
ORGANISATION_PROPS = frozenset(
    {"name", "alternateName", "location", "parentOrganization", "sameAs"}
)
PLACE_PROPS = frozenset(
    {"name", "alternateName", "additionalType", "sameAs", "geo", "address", "containedInPlace"}
)
EVENT_PROPS = frozenset(
    {
        "name",
        "keywords",
        "startDate",
        "endDate",
        "location",
        "attendee",
        "organizer",
        "about",
        "description",
        "eventStatus",
    }
)
_ENTITY_LINKS = (
    "mentions",
    "about",
    "contentLocation",
    "affiliation",
    "nationality",
    "location",
    "parentOrganization",
    "attendee",
    "organizer",
    "containedInPlace",
)


class GraphReader(EntityReader):
    """Collects, names and builds the entities one article links to."""

    def collect(self, article: Node) -> None:
        """Every person, organisation, place and event the article links to, transitively."""
        queue = [article]
        seen = {id(article)}
        while queue:
            current = queue.pop(0)
            for name in _ENTITY_LINKS:
                for raw in current.props.get(name, []):
                    for value in self._targets(raw):
                        target = _resolve(value, self.index)
                        if not isinstance(target, Node) or id(target) in seen:
                            continue
                        seen.add(id(target))
                        kind = _kind(target)
                        if kind is None:
                            continue
                        queue.append(target)
                        label = _text(target.first("name"))
                        if target.id is None and label:
                            # The same blank node written twice (an author who is also the
                            # organizer) is one entity, not two.
                            first = self.blank.setdefault((kind, label), target)
                            if first is not target:
                                self.aliases[id(target)] = first
                                continue
                        self.kinds[id(target)] = kind
                        self.nodes.append(target)

    @staticmethod
    def _targets(value: Any) -> list[Any]:
        if isinstance(value, Node) and "Role" in value.types:
            return [
                inner
                for name, values in value.props.items()
                if name != "roleName"
                for inner in values
            ]
        return [value]

    def assign_ids(self) -> None:
        used: set[str] = set()
        counters: dict[str, int] = {}
        for node in self.nodes:
            kind = self.kinds[id(node)]
            candidate = None
            if node.id and "#" in node.id:
                candidate = unquote(node.id.rsplit("#", 1)[1])
            if not candidate or not _ENTITY_ID.match(candidate) or candidate in used:
                while True:
                    counters[kind] = counters.get(kind, 0) + 1
                    candidate = f"{kind}-{counters[kind]}"
                    if candidate not in used:
                        break
            used.add(candidate)
            self.ids[id(node)] = candidate

    def leftovers(self, node: Node, handled: frozenset[str]) -> None:
        for name in node.props:
            if name not in handled:
                self.note(f"{node.label}.{name}")
        for key in node.foreign:
            self.note(f"{node.label}.{key}")

    def build(
        self, kind: str, build: Callable[[Node], _T | None], handled: frozenset[str]
    ) -> list[_T]:
        """Map every collected node of one kind; a node that cannot be mapped leaves ``kinds``."""
        built: list[_T] = []
        for entity_node in self.nodes:
            if self.kinds.get(id(entity_node)) != kind:
                continue
            entity = build(entity_node)
            if entity is None:
                del self.kinds[id(entity_node)]
            else:
                built.append(entity)
                self.leftovers(entity_node, handled)
        return built

    def drop_dangling(
        self,
        persons: list[Person],
        organisations: list[Organisation],
        events: list[Event],
        places: set[str],
    ) -> None:
        """References to entities that were left out (no name) are removed, and noted."""
        orgs = {org.id for org in organisations}
        people = {person.id for person in persons}
        for person in persons:
            kept = [ref for ref in person.affiliation if ref in orgs]
            if kept != person.affiliation:
                person.affiliation = kept
            if person.nationality is not None and person.nationality not in places:
                person.nationality = None
        for org in organisations:
            if org.country is not None and org.country not in places:
                org.country = None
            if org.parent is not None and org.parent not in orgs:
                org.parent = None
        everyone = people | orgs | places
        for event in events:
            event.location = [ref for ref in event.location if ref in places]
            event.participants = [p for p in event.participants if p.id in everyone]
