"""Reading publishers' schema.org JSON-LD (documents, arrays, ``@graph``s, HTML pages).

Every article-like node becomes an :class:`~newsmodel.models.Article`, with the people,
organisations, places and events it links to.  What the model has no place for is listed in
``provenance.unmapped`` and every repair or guess in ``provenance.warnings``: nothing is dropped
silently.  Keys are resolved as schema.org's context resolves them (``schema:headline`` and
``http://schema.org/headline`` are ``headline``); see docs/jsonld.md for the rules.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import unquote

from pydantic import ValidationError

from newsmodel.errors import DocumentError, InputError
from newsmodel.formats.jsonld_dates import read_date, read_partial_date
from newsmodel.formats.jsonld_write import ELLIPSIS, HEADLINE_LIMIT, PLACE_CLASSES, UNKNOWN_KIND
from newsmodel.htmlblocks import BlockSyntaxError, parse_block, split_page
from newsmodel.models import (
    Article,
    Author,
    Event,
    EventCategory,
    GeoPoint,
    Organisation,
    PartialDate,
    Participant,
    Person,
    Place,
    PlaceKind,
    Provenance,
)
from newsmodel.models.types import (
    COUNTRY_CODE_PATTERN,
    ENTITY_ID_PATTERN,
    LANGUAGE_TAG_PATTERN,
    MAX_COUNT,
)
from newsmodel.validation.quoting import quote
from newsmodel.validation.vocabulary import ARTICLE_TYPES, load_vocabulary, term_name

_KIND_BY_CLASS = {uri: kind for kind, uri in PLACE_CLASSES.items()}
_NO_KIND = frozenset({UNKNOWN_KIND, UNKNOWN_KIND.replace("https:", "http:")})
_KIND_BY_TYPE = {"Country": PlaceKind.COUNTRY, "City": PlaceKind.CITY, "State": PlaceKind.REGION,
                 "AdministrativeArea": PlaceKind.REGION}

ORGANIZATION_TYPES = frozenset({"Organization", "NewsMediaOrganization", "Corporation",
                                "GovernmentOrganization", "NGO", "EducationalOrganization",
                                "PoliticalParty", "MedicalOrganization", "SportsOrganization"})
PLACE_BASE_TYPES = frozenset({"Place", "Country", "City", "State", "AdministrativeArea"})
EVENT_BASE_TYPES = frozenset({"Event"})

_T = TypeVar("_T")
_COUNT_DIGITS = len(str(MAX_COUNT))
_ENTITY_ID = re.compile(ENTITY_ID_PATTERN)
_LANGUAGE = re.compile(LANGUAGE_TAG_PATTERN)
_COUNTRY = re.compile(COUNTRY_CODE_PATTERN)


def _degrees(value: Any) -> float | None:
    """A latitude or longitude written as a number or a numeric string (``"50.45"``)."""
    if isinstance(value, dict):
        value = value.get("@value")
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


@dataclass(slots=True)
class Node:
    """A JSON-LD node with its keys resolved to schema.org term names.

    ``props`` maps a schema.org term to its values (always a list); keys outside schema.org are
    kept in ``foreign`` so a reader can list them as unmapped.
    """

    id: str | None
    types: list[str]
    props: dict[str, list[Any]]
    pointer: str
    foreign: list[str] = field(default_factory=list)
    lists: set[str] = field(default_factory=set)
    """Terms whose value was written as a JSON array (``keywords`` splits only a bare string)."""

    def first(self, name: str) -> Any:
        values = self.props.get(name)
        return values[0] if values else None

    @property
    def label(self) -> str:
        return self.types[0] if self.types else "node"


def _node(raw: dict[str, Any], pointer: str, index: dict[str, Node], order: list[Node]) -> Node:
    raw_types = raw.get("@type", raw.get("type"))
    listed = raw_types if isinstance(raw_types, list) else [raw_types]
    types = [name for name in (term_name(t) for t in listed if isinstance(t, str)) if name]
    raw_id = raw.get("@id", raw.get("id"))
    node = Node(raw_id if isinstance(raw_id, str) and raw_id else None, types, {}, pointer)
    for key, value in raw.items():
        if key.startswith("@") or key in ("type", "id"):
            continue
        name = term_name(key)
        if name is None:
            node.foreign.append(key)
            continue
        values = value if isinstance(value, list) else [value]
        if isinstance(value, list):
            node.lists.add(name)
        found: list[Any] = []
        for position, item in enumerate(values):
            if item is None:
                continue
            where = f"{pointer}/{_escape(key)}"
            where += f"/{position}" if isinstance(value, list) else ""
            mapped = _value(item, where, index, order)
            # An @list or @set object holds values of the property itself: flatten it.
            if isinstance(mapped, list):
                found.extend(mapped)
            else:
                found.append(mapped)
        node.props[name] = found
    if node.id is not None:
        known = index.get(node.id)
        if known is None or (not known.props and node.props):
            index[node.id] = node
        elif node.props or node.types:
            # The same node described twice (a page repeating itself): merge into the first.
            for name, values in node.props.items():
                known.props.setdefault(name, values)
            known.types = known.types or node.types
            return known
    if node.types or node.props:
        order.append(node)
    return node


def _value(value: Any, pointer: str, index: dict[str, Node], order: list[Node]) -> Any:
    if isinstance(value, dict):
        if "@value" in value:
            return value
        if "@list" in value or "@set" in value:
            items = value.get("@list", value.get("@set"))
            items = items if isinstance(items, list) else [items]
            return [_value(item, pointer, index, order) for item in items]
        return _node(value, pointer, index, order)
    return value


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _resolve(value: Any, index: dict[str, Node]) -> Any:
    """A bare ``{"@id": ...}`` reference becomes the node it names, when the document has it."""
    if isinstance(value, Node) and not value.props and not value.types and value.id:
        return index.get(value.id, value)
    return value


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("@value"), str):
        return str(value["@value"])
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return str(value)
    return None


def _top_level(value: Any) -> Iterator[tuple[Any, str]]:
    """The top-level node objects of a document: the document, array items, ``@graph`` items."""
    if isinstance(value, list):
        for position, item in enumerate(value):
            for node, pointer in _top_level(item):
                yield node, f"/{position}{pointer}"
    elif isinstance(value, dict):
        graph = value.get("@graph")
        if isinstance(graph, list | dict):
            items = graph if isinstance(graph, list) else [graph]
            for position, item in enumerate(items):
                if isinstance(item, dict):
                    yield item, f"/@graph/{position}" if isinstance(graph, list) else "/@graph"
            rest = {key: item for key, item in value.items() if key not in ("@graph", "@context")}
            if rest:
                yield rest, ""
        else:
            yield value, ""


_SUBTYPES: dict[tuple[int, str], frozenset[str]] = {}


def _subtypes(base: str, fallback: frozenset[str]) -> frozenset[str]:
    """``base`` and its subtypes in the installed vocabulary, else the built-in ``fallback``.

    Looked up per call (one ``stat``), so installing the vocabulary mid-process takes effect;
    the sets are computed once per vocabulary.
    """
    vocabulary = load_vocabulary()
    if vocabulary is None:
        return fallback
    key = (id(vocabulary), base)
    found = _SUBTYPES.get(key)
    if found is None:
        found = _SUBTYPES[key] = frozenset(vocabulary.subtypes(base)) | fallback
    return found


def article_types() -> frozenset[str]:
    """Article-like types: Article and its subtypes (from the vocabulary when installed), Report."""
    return _subtypes("Article", ARTICLE_TYPES)


def _kind(node: Node) -> str | None:
    types = set(node.types)
    if not types:
        return None
    if types & _subtypes("Person", frozenset({"Person"})):
        return "person"
    if types & _subtypes("Organization", ORGANIZATION_TYPES):
        return "organisation"
    if types & _subtypes("Place", PLACE_BASE_TYPES):
        return "place"
    if types & _subtypes("Event", EVENT_BASE_TYPES):
        return "event"
    return None


def _is_article(node: Node, names: frozenset[str]) -> bool:
    """Whether a node has an article-like type; ``newsarticle`` in the wrong case counts too."""
    return any(name in names or name.lower() in names for name in node.types)


def _article_names() -> frozenset[str]:
    types = article_types()
    return types | frozenset(name.lower() for name in types)


ARTICLE_PROPS = frozenset({"headline", "name", "description", "articleBody", "datePublished",
                           "inLanguage", "wordCount", "keywords", "author", "publisher", "url",
                           "identifier", "mentions", "about", "contentLocation",
                           "mainEntityOfPage"})
PERSON_PROPS = frozenset({"name", "givenName", "familyName", "alternateName", "jobTitle",
                          "affiliation", "nationality", "sameAs"})
ORGANISATION_PROPS = frozenset({"name", "alternateName", "location", "parentOrganization",
                                "sameAs"})
PLACE_PROPS = frozenset({"name", "alternateName", "additionalType", "sameAs", "geo", "address",
                         "containedInPlace"})
EVENT_PROPS = frozenset({"name", "keywords", "startDate", "endDate", "location", "attendee",
                         "organizer", "about", "description"})
_CATEGORIES = frozenset(category.value for category in EventCategory)
_ENTITY_LINKS = ("mentions", "about", "contentLocation", "affiliation", "nationality", "location",
                 "parentOrganization", "attendee", "organizer", "containedInPlace")


class _Reader:
    """Maps one article node and what it links to onto the model, collecting notes."""

    def __init__(self, index: dict[str, Node], warnings: list[str]) -> None:
        self.index = index
        self.warnings = list(warnings)
        self.unmapped: list[str] = []
        # Membership sets beside the ordered lists: a node with 60,000 unknown keys must not
        # cost 60,000 list scans per note.
        self._warned = set(self.warnings)
        self._noted: set[str] = set()
        self.ids: dict[int, str] = {}
        self.kinds: dict[int, str] = {}
        self.nodes: list[Node] = []
        self.blank: dict[tuple[str, str], Node] = {}
        self.aliases: dict[int, Node] = {}

    def note(self, what: str) -> None:
        if what not in self._noted:
            self._noted.add(what)
            self.unmapped.append(what)

    def warn(self, what: str) -> None:
        if what not in self._warned:
            self._warned.add(what)
            self.warnings.append(what)

    def scalar(self, node: Node, name: str) -> str | None:
        values = node.props.get(name) or []
        texts = [text for text in (_text(value) for value in values) if text is not None]
        if len(texts) > 1:
            self.warn(f"{node.label}.{name} has {len(texts)} values; the first is kept")
            self.note(f"{node.label}.{name} (values after the first)")
        if not texts and values:
            self.note(f"{node.label}.{name}")
        return texts[0] if texts else None

    def texts(self, node: Node, name: str) -> list[str]:
        return [text for text in (_text(value) for value in node.props.get(name, [])) if text]

    # -- entities ---------------------------------------------------------------------------

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
            return [inner for name, values in value.props.items() if name != "roleName"
                    for inner in values]
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

    def ref(self, value: Any, kinds: tuple[str, ...]) -> str | None:
        target = _resolve(value, self.index)
        target = self.aliases.get(id(target), target)
        if isinstance(target, Node) and self.kinds.get(id(target)) in kinds:
            return self.ids[id(target)]
        return None

    def refs(self, node: Node, name: str, kinds: tuple[str, ...]) -> list[str]:
        found: list[str] = []
        for value in node.props.get(name, []):
            ref = self.ref(value, kinds)
            if ref is None:
                self.note(f"{node.label}.{name}")
            elif ref not in found:
                found.append(ref)
        return found

    def leftovers(self, node: Node, handled: frozenset[str]) -> None:
        for name in node.props:
            if name not in handled:
                self.note(f"{node.label}.{name}")
        for key in node.foreign:
            self.note(f"{node.label}.{key}")

    def names(self, node: Node) -> tuple[list[str], str | None]:
        alternates: list[str] = []
        latin: str | None = None
        for value in node.props.get("alternateName", []):
            if isinstance(value, dict) and str(value.get("@language", "")).endswith("-Latn") \
                    and latin is None and isinstance(value.get("@value"), str):
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
            id=self.ids[id(node)], name=name, given_name=self.scalar(node, "givenName"),
            family_name=self.scalar(node, "familyName"), alternate_names=alternates,
            name_latin=latin, job_title=self.scalar(node, "jobTitle"),
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
        parent = [ref for ref in self.refs(node, "parentOrganization", ("organisation",))
                  if ref != self.ids[id(node)]]
        return Organisation(
            id=self.ids[id(node)], name=name, alternate_names=alternates,
            country=country[0] if country else None, parent=parent[0] if parent else None,
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
        container = [ref for ref in self.refs(node, "containedInPlace", ("place",))
                     if ref != self.ids[id(node)]]
        return Place(id=self.ids[id(node)], name=name, kind=kind, alternate_names=alternates,
                     same_as=self.texts(node, "sameAs"), geo=geo, country_code=country,
                     contained_in=container[0] if container else None)

    def point(self, node: Node) -> tuple[GeoPoint | None, str | None]:
        """``geo`` (GeoCoordinates) and the ISO country code of ``geo`` or ``address``; what
        is no number in range or no two-letter code is noted as unmapped, never guessed."""
        geo: GeoPoint | None = None
        country: str | None = None
        for value in node.props.get("geo", []):
            if not isinstance(value, Node) or geo is not None:
                self.note(f"{node.label}.geo")
                continue
            latitude, longitude = _degrees(value.first("latitude")), _degrees(
                value.first("longitude"))
            if latitude is None or longitude is None or abs(latitude) > 90 \
                    or abs(longitude) > 180:
                self.note(f"{node.label}.geo")
                continue
            geo = GeoPoint(latitude=latitude, longitude=longitude)
        holders = [v for name in ("geo", "address") for v in node.props.get(name, [])
                   if isinstance(v, Node)]
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
        return Event(
            id=self.ids[id(node)], name=name, category=category, start_date=start, end_date=end,
            location=self.refs(node, "location", ("place",)), participants=participants,
            description=self.scalar(node, "description"),
        )

    # -- the article ------------------------------------------------------------------------

    def article(self, node: Node, fallback_id: str, source: str | None,
                page_language: str | None = None) -> Article:
        self.collect(node)
        self.assign_ids()
        # Places and organisations first: people and events refer to them.
        places = self.build("place", self.place, PLACE_PROPS)
        built = {place.id for place in places}
        for place in places:  # a container left out (no name) is no container
            if place.contained_in is not None and place.contained_in not in built:
                place.contained_in = None
        organisations = self.build("organisation", self.organisation, ORGANISATION_PROPS)
        persons = self.build("person", self.person, PERSON_PROPS)
        events = self.build("event", self.event, EVENT_PROPS)
        for entity_node in self.nodes:
            if id(entity_node) not in self.kinds:
                self.note(f"{entity_node.label} (no name)")
        self._drop_dangling(persons, organisations, events, {p.id for p in places})

        headline = self.scalar(node, "headline")
        name = self.scalar(node, "name")
        if headline is None and name is not None:
            headline = name
            self.warn("no headline; the name is used as the headline")
        elif headline is not None and name is not None and headline.endswith(ELLIPSIS) \
                and name.startswith(headline[: -len(ELLIPSIS)]) and len(name) > HEADLINE_LIMIT:
            headline = name  # our own export: the headline shortened, the whole one in name
        published = None
        text = self.scalar(node, "datePublished")
        if text is not None:
            published, warning = read_date(text)
            if warning:
                self.warn(f"datePublished: {warning}")
        return Article(
            id=self._article_id(node, fallback_id),
            headline=headline,
            description=self.scalar(node, "description"),
            date_published=published,
            language=self._language(node) or self._page_language(page_language),
            body=self.scalar(node, "articleBody") or "",
            word_count=self._word_count(node),
            keywords=self._keywords(node),
            authors=[Author(name=name) for name in self._agents(node, "author")],
            publisher=next(iter(self._agents(node, "publisher")), None),
            url=self._url(node),
            persons=persons, organisations=organisations, places=places, events=events,
            provenance=Provenance(source=source, format="jsonld", warnings=self.warnings,
                                  unmapped=self._article_leftovers(node)),
        )

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

    def _drop_dangling(self, persons: list[Person], organisations: list[Organisation],
                       events: list[Event], places: set[str]) -> None:
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

    def _article_leftovers(self, node: Node) -> list[str]:
        self.leftovers(node, ARTICLE_PROPS)
        for prop in ("mentions", "about", "contentLocation"):
            for value in node.props.get(prop, []):
                target = _resolve(value, self.index)
                target = self.aliases.get(id(target), target)
                if not (isinstance(target, Node) and id(target) in self.kinds):
                    self.note(f"{node.label}.{prop}")
        for prop in ("author", "publisher"):
            for value in node.props.get(prop, []):
                target = _resolve(value, self.index)
                if isinstance(target, Node) and id(target) not in self.kinds:
                    for sub in (*target.props, *target.foreign):
                        if sub != "name":
                            self.note(f"{node.label}.{prop}.{sub}")
        return self.unmapped

    def _article_id(self, node: Node, fallback: str) -> str:
        candidates: list[Any] = []
        for value in node.props.get("identifier", []):
            candidates.append(value.first("value") if isinstance(value, Node) else _text(value))
        candidates.extend([node.id, self.scalar(node, "url")])
        for candidate in candidates:
            text = _text(candidate)
            if text and text == text.strip() and len(text) <= 1024 and "\n" not in text:
                return text
        return fallback

    def _language(self, node: Node) -> str | None:
        value = node.first("inLanguage")
        text = _text(value) if not isinstance(value, Node) else \
            _text(value.first("alternateName")) or _text(value.first("name"))
        if text is None:
            if value is not None:
                self.note(f"{node.label}.inLanguage")
            return None
        tag = text.strip().replace("_", "-")
        if _LANGUAGE.match(tag):
            if tag != text:
                self.warn(f"inLanguage {text!r} read as {tag!r}")
            return tag
        self.warn(f"inLanguage {text!r} is not a BCP 47 language tag; left out")
        return None

    def _page_language(self, declared: str | None) -> str | None:
        """The page's ``<html lang>``, when the markup gives no ``inLanguage``."""
        if declared is None:
            return None
        tag = declared.strip().replace("_", "-")
        if _LANGUAGE.match(tag):
            return tag
        self.warn(f"<html lang={declared!r}> is not a BCP 47 language tag; left out")
        return None

    def _word_count(self, node: Node) -> int:
        value = node.first("wordCount")
        if isinstance(value, bool) or value is None:
            return 0
        text = _text(value)
        if text is not None and text.strip().isascii() and text.strip().isdigit():
            digits = text.strip()
            if len(digits) > _COUNT_DIGITS or int(digits) > MAX_COUNT:
                self.warn(f"wordCount {quote(value)} is beyond any count; left out")
                return 0
            if not isinstance(value, int):
                self.warn(f"wordCount {value!r} is text; read as a number")
            return int(digits)
        self.warn(f"wordCount {value!r} is not a whole number; left out")
        return 0

    def _keywords(self, node: Node) -> list[str]:
        keywords: list[str] = []
        for value in node.props.get("keywords", []):
            text = _text(value) if not isinstance(value, Node) else _text(value.first("name"))
            if text is None:
                self.note(f"{node.label}.keywords")
                continue
            if "keywords" not in node.lists:
                keywords.extend(part.strip() for part in text.split(",") if part.strip())
            else:
                keywords.append(text)
        return keywords

    def _agents(self, node: Node, prop: str) -> list[str]:
        names: list[str] = []
        for value in node.props.get(prop, []):
            target = _resolve(value, self.index)
            if isinstance(target, Node) and not target.props and target.id:
                self.note(f"{node.label}.{prop} (reference {target.id!r}, not described)")
                continue
            name = _text(target.first("name")) if isinstance(target, Node) else _text(target)
            if not name:
                self.warn(f"{node.label}.{prop} at {getattr(target, 'pointer', node.pointer)} "
                          "has no name; left out")
                continue
            names.append(name)
        return names

    def _url(self, node: Node) -> str | None:
        """``url``, else ``mainEntityOfPage`` (the page the article is the main entity of: a
        URL, or a WebPage node with an ``@id`` or a ``url``), as Google's guidance uses it."""
        url = _link(node.first("url"))
        page = _link(node.first("mainEntityOfPage"))
        if url is not None and page is not None and page != url:
            self.note(f"{node.label}.mainEntityOfPage")
        return url if url is not None else page


def _link(value: Any) -> str | None:
    if isinstance(value, Node):
        return value.id or _text(value.first("url"))
    return _text(value)


def load(data: bytes | str, *, source: str | None = None) -> list[Article]:
    """Every article-like node of a JSON-LD document or of an HTML page's JSON-LD blocks."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if not raw.strip():
        raise DocumentError("the document is empty", where=source)
    blocks, page = split_page(raw)
    if not blocks:
        raise DocumentError("the page has no <script type=\"application/ld+json\"> block",
                            where=source, hint="nothing to read")
    index: dict[str, Node] = {}
    order: list[Node] = []
    warnings: list[str] = [f"decoding: {page.guess}"] if page.guess else []
    failures: list[BlockSyntaxError] = []
    roots: list[Node] = []
    for block in blocks:
        try:
            parsed = parse_block(block, source=source)
        except BlockSyntaxError as error:
            failures.append(error)
            continue
        prefix = f"block {block.index}: " if len(blocks) > 1 else ""
        warnings.extend(f"{prefix}repaired: {repair}" for repair in parsed.repairs)
        for raw_node, pointer in _top_level(parsed.value):
            base = f"/{block.index}" if len(blocks) > 1 else ""
            roots.append(_node(raw_node, base + pointer, index, order))
    if failures and not roots:
        raise failures[0]
    warnings.extend(
        f"block {failure.block.index} skipped: {failure.message} at {failure.where}"
        for failure in failures
    )
    articles_nodes = _article_nodes(roots, order)
    if not articles_nodes:
        found = sorted({name for node in order for name in node.types}) or ["none"]
        raise DocumentError(
            f"no article-like node (NewsArticle, Article, BlogPosting, ...) found; "
            f"types found: {', '.join(found[:12])}",
            where=source,
        )
    digest = hashlib.sha256(raw).hexdigest()[:16]
    page_language = next((block.language for block in blocks if block.language), None)
    articles = []
    for position, node in enumerate(articles_nodes):
        reader = _Reader(index, warnings)
        fallback = f"jsonld-{digest}-{position}"
        try:
            articles.append(reader.article(node, fallback, source, page_language))
        except ValidationError as error:
            first = error.errors()[0]
            raise DocumentError(
                f"the {node.label} at {node.pointer or '/'} cannot be mapped: {first['msg']}",
                where=source,
            ) from None
        except (ValueError, InputError) as error:
            raise DocumentError(f"the {node.label} at {node.pointer or '/'} cannot be mapped: "
                                f"{error}", where=source) from None
    return articles


def _article_nodes(roots: list[Node], order: list[Node]) -> list[Node]:
    """Article-like nodes that are not nested inside another article-like node."""
    inside: set[int] = set()

    names = _article_names()

    def mark(value: Any, under_article: bool, seen: set[int]) -> None:
        if isinstance(value, list):
            for item in value:
                mark(item, under_article, seen)
            return
        if not isinstance(value, Node) or id(value) in seen:
            return
        seen.add(id(value))
        if under_article:
            inside.add(id(value))
        nested = under_article or _is_article(value, names)
        for values in value.props.values():
            mark(values, nested, seen)

    seen: set[int] = set()
    for root in roots:
        mark(root, False, seen)
    found: list[Node] = []
    for node in order:
        if _is_article(node, names) and id(node) not in inside \
                and all(node is not known for known in found):
            found.append(node)
    # An article given in full and also by reference: keep the node that has its content.
    return [node for node in found if node.props]


__all__ = ["ARTICLE_TYPES", "Node", "article_types", "load"]
