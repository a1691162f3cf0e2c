"""schema.org JSON-LD export: an article as one linked ``@graph`` (see docs/jsonld.md).

Plain dicts built by hand and written with orjson, never routed through pydantic
serialisation: one ``NewsArticle`` node and one node per person, organisation, place and event,
linked by ``@id``.  Every term is a schema.org term, so a JSON-LD processor expands it against
schema.org's own context with nothing dropped.  The mapping constants here are shared with the
reader (:mod:`newsmodel.formats.jsonld_read`), so both directions stay in step.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

import orjson

from newsmodel.formats import jsonld_write_meta as meta
from newsmodel.models import (
    Article,
    Author,
    Event,
    EventCategory,
    Organisation,
    Person,
    Place,
    PlaceKind,
)

CONTEXT = "https://schema.org"
DEFAULT_BASE = "urn:newsmodel:article:"
"""Prefix of an article's ``@id`` when neither ``base_uri`` nor the article's ``url`` is set.

A URN does not pretend to be resolvable; pass ``base_uri`` (or give the article a ``url``) for
``@id``s a crawler can follow.
"""
HEADLINE_LIMIT = 110
"""Google's limit on ``headline``; a longer one is shortened there and kept whole in ``name``."""
ELLIPSIS = "…"
LATIN = "uk-Latn"
"""Language tag of ``name_latin`` inside ``alternateName``: Ukrainian, in Latin script."""
ORGANIZER_ROLES = frozenset({"host", "organizer", "organiser"})

PLACE_TYPES: dict[PlaceKind | None, str] = {
    PlaceKind.COUNTRY: "Country",
    PlaceKind.REGION: "AdministrativeArea",
    PlaceKind.DISTRICT: "AdministrativeArea",
    PlaceKind.CITY: "City",
    PlaceKind.SETTLEMENT: "Place",
    PlaceKind.OTHER: "Place",
    None: "Place",
}
PLACE_CLASSES: dict[PlaceKind, str] = {
    PlaceKind.COUNTRY: "http://www.wikidata.org/entity/Q6256",
    PlaceKind.REGION: "http://www.wikidata.org/entity/Q10864048",
    PlaceKind.DISTRICT: "http://www.wikidata.org/entity/Q13220204",
    PlaceKind.CITY: "http://www.wikidata.org/entity/Q515",
    PlaceKind.SETTLEMENT: "http://www.wikidata.org/entity/Q486972",
    PlaceKind.OTHER: "http://www.wikidata.org/entity/Q2221906",
}
"""``additionalType`` per place kind (Wikidata classes), so kinds schema.org lacks survive."""
UNKNOWN_KIND = "https://schema.org/Place"
"""``additionalType`` of a place of no known kind that is typed ``Country`` as a nationality:
"also just a Place", true for any processor, and read back as no kind."""


def article_iri(article: Article, base_uri: str | None = None) -> str:
    """The ``@id`` of an article: ``base_uri`` + id, else its ``url``, else a URN."""
    if base_uri:
        joiner = "" if base_uri.endswith(("/", "#", ":", "=")) else "/"
        return f"{base_uri}{joiner}{quote(article.id, safe='-._~')}"
    if article.url:
        return article.url.split("#", 1)[0]
    return DEFAULT_BASE + quote(article.id, safe="-._~")


def _ref(iri: str) -> dict[str, str]:
    return {"@id": iri}


def article_graph(article: Article, base_uri: str | None = None) -> list[dict[str, Any]]:
    """The nodes of one article: the article first, then people, organisations, places, events."""
    root = article_iri(article, base_uri)
    iris = {entity.id: f"{root}#{_fragment(entity.id)}" for entity in article.entities()}

    node: dict[str, Any] = {"@type": "NewsArticle", "@id": root, "identifier": article.id}
    if article.headline is not None:
        node["headline"] = _short_headline(article.headline)
        if node["headline"] != article.headline:
            node["name"] = article.headline
    if article.description is not None:
        node["description"] = article.description
    node["articleBody"] = article.body
    if article.date_published is not None:
        node["datePublished"] = article.date_published.isoformat()
    if article.language is not None:
        node["inLanguage"] = article.language
    node["wordCount"] = article.word_count
    if article.keywords:
        node["keywords"] = list(article.keywords)
    meta.metadata(node, article, lambda author: _author(author, article, iris))
    if article.publisher is not None:
        node["publisher"] = _agent(article.publisher, article, iris, "Organization")
    if article.url is not None:
        node["url"] = article.url
    mentioned = [_ref(iris[person.id]) for person in article.persons]
    mentioned.extend(_ref(iris[org.id]) for org in article.organisations)
    if mentioned:
        node["mentions"] = mentioned
    if article.places:
        node["contentLocation"] = [_ref(iris[place.id]) for place in article.places]
    about = [_ref(iris[event.id]) for event in article.events] + meta.subjects(article)
    if about:
        node["about"] = about

    graph = [node]
    graph.extend(_person(person, iris) for person in article.persons)
    graph.extend(_organisation(org, iris) for org in article.organisations)
    nationalities = {person.nationality for person in article.persons if person.nationality}
    graph.extend(_place(place, iris, place.id in nationalities) for place in article.places)
    places = {place.id for place in article.places}
    graph.extend(_event(event, iris, places) for event in article.events)
    return graph


def _fragment(entity_id: str) -> str:
    """An entity id as an IRI fragment: ids are IRI-safe except ``#``, which is escaped."""
    return entity_id.replace("#", "%23") if "#" in entity_id else entity_id


def _short_headline(headline: str) -> str:
    """At most 110 characters, cut at a word where possible; the text before the cut is kept."""
    if len(headline) <= HEADLINE_LIMIT:
        return headline
    limit = HEADLINE_LIMIT - len(ELLIPSIS)
    cut = headline.rfind(" ", 0, limit + 1)
    cut = cut if cut > limit // 2 else limit
    return headline[:cut].rstrip() + ELLIPSIS


def _author(author: Author, article: Article, iris: dict[str, str]) -> tuple[dict[str, Any], bool]:
    """A reference to the author's entity (given, or the one of the same name), else a node;
    and whether it is a Person."""
    if author.entity is not None:
        return _ref(iris[author.entity]), isinstance(article.get(author.entity), Person)
    value = _agent(author.name, article, iris, meta.agent_node(author)["@type"])
    if "@id" in value:
        return value, any(iris[person.id] == value["@id"] for person in article.persons)
    return value, value["@type"] == "Person"


def _agent(name: str, article: Article, iris: dict[str, str], default: str) -> dict[str, Any]:
    """A byline or publisher: a reference when it names one of our entities, else a new node."""
    for person in article.persons:
        if person.name == name:
            return _ref(iris[person.id])
    for org in article.organisations:
        if org.name == name:
            return _ref(iris[org.id])
    return {"@type": default, "name": name}


def _names(alternates: list[str], latin: str | None = None) -> dict[str, Any]:
    values: list[Any] = list(alternates)
    if latin is not None:
        values.append({"@value": latin, "@language": LATIN})
    return {"alternateName": values} if values else {}


def _person(person: Person, iris: dict[str, str]) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Person", "@id": iris[person.id], "name": person.name}
    if person.given_name is not None:
        node["givenName"] = person.given_name
    if person.family_name is not None:
        node["familyName"] = person.family_name
    node.update(_names(person.alternate_names, person.name_latin))
    if person.job_title is not None:
        node["jobTitle"] = person.job_title
    if person.affiliation:
        node["affiliation"] = [_ref(iris[ref]) for ref in person.affiliation]
    if person.nationality is not None:
        node["nationality"] = _ref(iris[person.nationality])
    if person.same_as:
        node["sameAs"] = list(person.same_as)
    return node


def _organisation(org: Organisation, iris: dict[str, str]) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Organization", "@id": iris[org.id], "name": org.name}
    node.update(_names(org.alternate_names))
    if org.country is not None:
        node["location"] = _ref(iris[org.country])
    if org.parent is not None:
        node["parentOrganization"] = _ref(iris[org.parent])
    if org.same_as:
        node["sameAs"] = list(org.same_as)
    return node


def _place(place: Place, iris: dict[str, str], nationality: bool) -> dict[str, Any]:
    """A place node.  One that is someone's nationality is typed a ``Country`` too (the range
    of schema.org's ``nationality``), so the graph passes its own validator; its kind still
    comes back from ``additionalType``, which says :data:`UNKNOWN_KIND` when there is none."""
    base = PLACE_TYPES[place.kind]
    types: str | list[str] = base if not nationality or base == "Country" else [base, "Country"]
    node: dict[str, Any] = {"@type": types, "@id": iris[place.id], "name": place.name}
    if place.kind is not None:
        node["additionalType"] = PLACE_CLASSES[place.kind]
    elif nationality:
        node["additionalType"] = UNKNOWN_KIND
    node.update(_names(place.alternate_names))
    if place.same_as:
        node["sameAs"] = list(place.same_as)
    if place.geo is not None:
        node["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": place.geo.latitude,
            "longitude": place.geo.longitude,
        }
        if place.country_code is not None:
            node["geo"]["addressCountry"] = place.country_code
    elif place.country_code is not None:
        node["address"] = {"@type": "PostalAddress", "addressCountry": place.country_code}
    if place.contained_in is not None:
        node["containedInPlace"] = _ref(iris[place.contained_in])
    return node


def _event(event: Event, iris: dict[str, str], places: set[str]) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Event", "@id": iris[event.id], "name": event.name}
    if event.category is not EventCategory.OTHER:
        node["keywords"] = event.category.value
    if event.start_date is not None:
        node["startDate"] = event.start_date.isoformat()
    if event.end_date is not None:
        node["endDate"] = event.end_date.isoformat()
    if event.location:
        node["location"] = [_ref(iris[ref]) for ref in event.location]
    for participant in event.participants:
        if participant.id in places:
            prop = "about"
        elif participant.role is not None and participant.role.lower() in ORGANIZER_ROLES:
            prop = "organizer"
        else:
            prop = "attendee"
        value: dict[str, Any] = _ref(iris[participant.id])
        if participant.role is not None:
            # schema.org's Role pattern: the Role node repeats the property it qualifies.
            value = {"@type": "Role", "roleName": participant.role, prop: value}
        node.setdefault(prop, []).append(value)
    if event.description is not None:
        node["description"] = event.description
    if event.status is not None:
        node["eventStatus"] = meta.EVENT_STATUSES[event.status]
    return node


def dump(article: Article, *, base_uri: str | None = None, indent: bool = True) -> bytes:
    """One article as a JSON-LD document with ``@context`` and an ``@graph``."""
    return dump_many([article], base_uri=base_uri, indent=indent)


def dump_many(
    articles: Iterable[Article], *, base_uri: str | None = None, indent: bool = True
) -> bytes:
    """Several articles as one document: one ``@graph`` holding every article's nodes."""
    graph: list[dict[str, Any]] = []
    for article in articles:
        graph.extend(article_graph(article, base_uri))
    option = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE if indent else 0
    return orjson.dumps({"@context": CONTEXT, "@graph": graph}, option=option)


__all__ = [
    "CONTEXT",
    "DEFAULT_BASE",
    "ELLIPSIS",
    "HEADLINE_LIMIT",
    "PLACE_CLASSES",
    "PLACE_TYPES",
    "UNKNOWN_KIND",
    "article_graph",
    "article_iri",
    "dump",
    "dump_many",
]
