"""Properties of the JSON-LD format: what schema.org can carry survives a round trip.

``loads(dumps(a, "jsonld"))`` must give back the article minus what docs/jsonld.md lists as
not carried (mentions, provenance, the order of an event's participants across attendee,
organizer and about, the order of credits across author, editor, translator and
contributor).  Articles come from the shared strategy in ``tests/property/strategies``.
"""

from __future__ import annotations

import re
from typing import Any

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsmodel import dumps, loads
from newsmodel.formats.jsonld import HEADLINE_LIMIT
from newsmodel.models import Article
from newsmodel.models.metadata import QCODE_PATTERN
from tests.property.strategies import articles

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


CREDIT_ORDER = {None: 0, "author": 0, "editor": 1, "translator": 2}
"""The reader reads author, editor, translator, then contributor."""


def _credit_property(author: dict[str, Any]) -> int:
    """Where the reader returns a credit: an organisation credited as editor is written as a
    ``contributor`` (schema.org's ``editor`` is a Person), so it comes back with those."""
    if author["role"] == "editor" and author["kind"] == "organisation":
        return CREDIT_ORDER.get("contributor", 3)
    return CREDIT_ORDER.get(author["role"], 3)


def newsroom(data: dict[str, Any]) -> dict[str, Any]:
    """The newsroom's metadata as schema.org carries it (docs/mapping.md): no urgency,
    embargo, slugline, byline, editor's note, links, alt text or renditions; only
    corrections among signals; a genre is one text; an author credited as one of the
    article's entities is that entity; an occurred event is scheduled."""
    for key in ("byline", "embargoed_until", "urgency", "slugline", "editorial_note"):
        data[key] = None
    data["links"] = []
    if data["dateline"] is not None:
        data["dateline"]["place"] = None
    genres = []
    for genre in data["genres"]:
        text = genre["name"] or genre["code"]
        code = text if re.match(QCODE_PATTERN, text) else None
        genres.append(
            {"code": code, "name": None if code else text, "language": None, "scheme_uri": None}
        )
    data["genres"] = genres
    if data["rights"] is not None and not any(data["rights"].values()):
        data["rights"] = None
    for image in data["images"]:
        image["alt_text"], image["renditions"] = None, []
    data["signals"] = [
        {**signal, "code": None} for signal in data["signals"] if signal["kind"] == "correction"
    ]
    entities = {
        e["id"]: (e["name"], kind)
        for kind, key in (("person", "persons"), ("organisation", "organisations"))
        for e in data[key]
    }
    by_name = {}
    for entity_id, (name, _kind) in reversed(list(entities.items())):
        by_name[name] = entity_id  # the first of a name wins, persons before organisations
    for author in data["authors"]:
        author["role_code"] = None
        entity_id = author["entity"] or by_name.get(author["name"])
        if entity_id is not None:
            author["entity"] = entity_id
            author["name"], author["kind"] = entities[entity_id]
        elif author["kind"] is None:
            author["kind"] = "person"
    data["authors"].sort(key=_credit_property)
    for event in data["events"]:
        if event["status"] == "occurred":
            event["status"] = "scheduled"
    return data


def carried(article: Article) -> dict[str, Any]:
    """The article as JSON, without what the JSON-LD format does not carry."""
    data = article.model_dump(mode="json")
    data.pop("provenance")
    newsroom(data)
    for collection in ("persons", "organisations", "places", "events"):
        for entity in data[collection]:
            entity.pop("mentions")
    for event in data["events"]:
        event["participants"] = sorted(
            event["participants"], key=lambda p: (p["id"], p["role"] or "")
        )
    return data


@SETTINGS
@given(articles())
def test_round_trip_keeps_everything_schema_org_can_carry(article: Article) -> None:
    """Headline, date, body, entities, events with dates, places and roles all come back."""
    [back] = loads(dumps(article, "jsonld"), "jsonld")
    assert carried(back) == carried(article)
    assert back.provenance.format == "jsonld"


@SETTINGS
@given(articles(), st.sampled_from([None, "https://news.example.org/a/", "urn:x:"]))
def test_ids_are_built_from_the_base_and_unique(article: Article, base: str | None) -> None:
    """Every node has an @id under the article's @id, no two nodes share one."""
    options = {"base_uri": base} if base else {}
    graph = orjson.loads(dumps(article, "jsonld", **options))["@graph"]
    ids = [node["@id"] for node in graph]
    assert len(ids) == len(set(ids))
    assert all(node_id.startswith(ids[0] + "#") for node_id in ids[1:])
    if base:
        assert ids[0].startswith(base)


@SETTINGS
@given(articles())
def test_headline_node_obeys_google_limit(article: Article) -> None:
    """The exported headline is at most 110 characters; a longer one is kept whole in name."""
    node = orjson.loads(dumps(article, "jsonld"))["@graph"][0]
    if article.headline is None:
        assert "headline" not in node
        return
    assert len(node["headline"]) <= HEADLINE_LIMIT
    assert node.get("name", node["headline"]) == article.headline


KEYS = st.sampled_from(
    [
        "@context",
        "@type",
        "@id",
        "@graph",
        "@value",
        "@language",
        "@list",
        "headline",
        "name",
        "author",
        "publisher",
        "datePublished",
        "keywords",
        "mentions",
        "about",
        "contentLocation",
        "attendee",
        "organizer",
        "roleName",
        "startDate",
        "location",
        "affiliation",
        "nationality",
        "identifier",
        "inLanguage",
        "wordCount",
        "alternateName",
        "additionalType",
        "articleBody",
        "schema:headline",
        "http://schema.org/name",
        "dc:title",
        "type",
        "id",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**53), 2**53),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(
        [
            "NewsArticle",
            "Person",
            "Organization",
            "City",
            "Event",
            "Role",
            "https://schema.org",
            "#a",
            "#b",
            "2024-06",
            "Tue, 4 May 2021 19:18:00 +0200",
            "uk",
            "a, b",
            "http://www.wikidata.org/entity/Q515",
        ]
    ),
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=6),
    max_leaves=30,
)


@SETTINGS
@given(JSON_VALUES)
def test_reader_and_validator_never_crash(value: Any) -> None:
    """Any JSON shaped like JSON-LD is read or refused with a NewsmodelError; validate reports."""
    from newsmodel import validate
    from newsmodel.errors import NewsmodelError

    data = orjson.dumps(value)
    try:
        loaded = loads(data, "jsonld")
    except NewsmodelError:
        loaded = []
    assert all(article.provenance.format == "jsonld" for article in loaded)
    assert validate(data, "jsonld").format == "jsonld"


def test_an_organisation_editor_comes_back_with_the_contributors() -> None:
    """Found by the property test above: an organisation editor before a person editor came
    back after it (it is written as a contributor), and the comparison said it was lost."""
    article = Article.model_validate(
        {
            "id": "a",
            "headline": None,
            "date_published": None,
            "language": None,
            "body": "",
            "authors": [
                {"name": "Редакція", "role": "editor", "entity": "org-0"},
                {"name": "Олена Коваль", "role": "editor"},
            ],
            "organisations": [{"id": "org-0", "name": "Редакція"}],
        }
    )
    [back] = loads(dumps(article, "jsonld"), "jsonld")
    assert [(a.name, a.role) for a in back.authors] == [
        ("Олена Коваль", "editor"),
        ("Редакція", "editor"),
    ]
    assert carried(back) == carried(article)
