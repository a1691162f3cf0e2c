"""IPTC ninjs export: an article as one ninjs object of the version asked for (docs/ninjs.md).

Plain dicts built by hand and written by orjson, like the JSON-LD writer.  Every property
name comes from :mod:`newsmodel.validation.ninjs_versions`, and a property is written only
where the version has it, so every document is valid against that version's official schema
(the property tests check each version).  What a version cannot carry is not dropped
silently: :func:`losses` names it, the command line warns with it, and docs/ninjs.md lists it.

The mapping follows the NewsML-G2 correspondences IPTC writes into the ninjs schemas
themselves (``nar:newsItem@guid`` for ``uri``, ``nar:subject`` for people, organisations and
places, ``nar:infoSource``, ``nar:remoteContent`` for renditions, ``nar:by``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any
from urllib.parse import quote

import orjson

from newsmodel.formats import ninjs_write_meta
from newsmodel.models import Article, Event, Organisation, Person, Place
from newsmodel.validation.ninjs_versions import DEFAULT_VERSION, Spec, spec

URI_PREFIX = "urn:newsmodel:article:"
"""``uri`` of an article whose id is not itself a URI: the id, percent-encoded, after this."""
KEYWORD_REL = "keyword"
"""``rel`` of the subjects that carry the article's keywords (ninjs has no keyword property;
NewsML-G2's ``keyword`` has no ninjs counterpart, so the subject relation says what it is)."""
WEB_RENDITION = "web"
"""Name of the rendition that is the article's web page (``url``)."""
_ABSOLUTE_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


def article_uri(article: Article) -> str:
    """The ``uri``: the id itself when it is an absolute URI, else :data:`URI_PREFIX` + id."""
    if _ABSOLUTE_URI.match(article.id) and not article.id.startswith(URI_PREFIX):
        return article.id
    return URI_PREFIX + quote(article.id, safe="-._~")


def article_to_ninjs(article: Article, version: str = DEFAULT_VERSION) -> dict[str, Any]:
    """The ninjs object of one article, for ``version`` (1.0 ... 3.1)."""
    version_spec = spec(version)
    family = version_spec.family
    name = version_spec.name
    out: dict[str, Any] = {"uri": article_uri(article), "type": "text"}
    if version_spec.has("standard"):
        out[name("standard")] = {
            "name": "ninjs",
            "version": version,
            "schema": version_spec.schema_url,
        }
    for field, value in dates(article, version_spec):
        out[name(field)] = value.isoformat()
    if article.language is not None:
        out["language"] = article.language
    if article.headline is not None:
        out[name("headline")] = article.headline if family == 1 else [{"value": article.headline}]
    if article.description is not None:
        out[name("description")] = (
            article.description if family == 1 else [{"value": article.description}]
        )
    if article.byline is not None:
        out[name("by")] = article.byline
    _body(article, version_spec, out)
    ninjs_write_meta.write(article, version_spec, out)
    if article.url is not None:
        out["renditions"] = _rendition(article.url, version_spec)
    entities = (
        ("people", article.persons),
        ("organisations", article.organisations),
        ("places", article.places),
        ("events", article.events),
    )
    for logical, items in entities:
        if items:
            out[name(logical)] = [_entity(item, version_spec) for item in items]
    subjects = [{"name": keyword, "rel": KEYWORD_REL} for keyword in article.keywords]
    subjects += [ninjs_write_meta.concept(item, family) for item in article.subjects]
    if subjects:
        out[name("subjects")] = subjects
    return out


def dates(article: Article, version_spec: Spec) -> list[tuple[str, date]]:
    """The dates written, as (logical property, value).  From 1.4 each has its own property:
    ``contentcreated`` (published), ``firstcreated``, ``versioncreated`` (modified).  1.2 and
    1.3 have no ``contentcreated``: the publication date takes ``firstcreated``; 1.0 and 1.1
    have only ``versioncreated``, which takes it then.  A date left without a property is in
    :func:`losses`."""
    slots = [
        ("content_created", article.date_published),
        ("first_created", article.first_created),
        ("version_created", article.date_modified),
    ]
    if not version_spec.has("content_created"):
        # the publication date moves to the first slot the version has, pushing out its owner
        slots = [
            ("first_created", article.date_published or article.first_created),
            ("version_created", article.date_modified),
        ]
        if not version_spec.has("first_created"):
            slots = [
                (
                    "version_created",
                    article.date_published or article.first_created or article.date_modified,
                )
            ]
    return [(field, value) for field, value in slots if value is not None]


def _body(article: Article, version_spec: Spec, out: dict[str, Any]) -> None:
    if version_spec.family == 1:
        out["body_text"] = article.body
        if version_spec.has("word_count"):
            out["wordcount"] = article.word_count
        return
    body: dict[str, Any] = {"value": article.body, version_spec.name("content_type"): "text/plain"}
    body[version_spec.name("word_count")] = article.word_count
    out["bodies"] = [body]


def _rendition(url: str, version_spec: Spec) -> Any:
    if version_spec.family == 1:
        return {WEB_RENDITION: {"href": url, "mimetype": "text/html"}}
    return [{"name": WEB_RENDITION, "href": url, version_spec.name("content_type"): "text/html"}]


def _entity(item: Person | Organisation | Place | Event, version_spec: Spec) -> dict[str, Any]:
    """``name`` and the article's id (``code`` in 1.x, ``literal`` after); the first
    ``same_as`` as ``uri`` (2.x, 3.x); a place's point as GeoJSON where the version has one."""
    out: dict[str, Any] = {"name": item.name}
    if version_spec.family == 1:
        out["code"] = item.id
    else:
        out["literal"] = item.id
        same_as = getattr(item, "same_as", None)
        if same_as:
            out["uri"] = same_as[0]
    if isinstance(item, Place) and item.geo is not None and version_spec.geo_key:
        out[version_spec.geo_key] = {
            "type": "Point",
            "coordinates": [item.geo.longitude, item.geo.latitude],
        }
    return out


def dump(article: Article, *, version: str = DEFAULT_VERSION, indent: bool = True) -> bytes:
    """One article as a ninjs document (UTF-8, deterministic key order)."""
    option = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE if indent else 0
    return orjson.dumps(article_to_ninjs(article, version), option=option)


def dump_many(articles: Iterable[Article], *, version: str = DEFAULT_VERSION) -> bytes:
    """Several articles as JSON Lines of ninjs objects (ninjs has no container of many)."""
    return b"".join(
        orjson.dumps(article_to_ninjs(article, version), option=orjson.OPT_APPEND_NEWLINE)
        for article in articles
    )


_FIELD_OF_SLOT = {
    "content_created": "date_published",
    "first_created": "first_created",
    "version_created": "date_modified",
}


def _dates_read_back(written: list[tuple[str, date]]) -> dict[str, date]:
    """The dates a reader gets back from the written slots: the reader's rule (the first date
    present stands for a missing publication date) applied to the writer's choice, so a date
    that comes back under another field counts as lost."""
    back = {_FIELD_OF_SLOT[slot]: value for slot, value in written}
    if "date_published" not in back:
        for field in ("first_created", "date_modified"):
            if field in back:
                back["date_published"] = back.pop(field)
                break
    return back


def losses(article: Article, version: str = DEFAULT_VERSION) -> list[str]:
    """What of ``article`` a ``version`` document cannot carry, one short line each (empty
    when nothing is lost): the writer's counterpart of ``provenance.unmapped``."""
    version_spec = spec(version)
    family = version_spec.family
    lost: list[str] = []
    if article.word_count and family == 1 and not version_spec.has("word_count"):
        lost.append(f"word_count (ninjs {version} has no wordcount)")
    lost.extend(_meta_losses(article, version_spec))
    back = _dates_read_back(dates(article, version_spec))
    for field, value in (
        ("date_published", article.date_published),
        ("first_created", article.first_created),
        ("date_modified", article.date_modified),
    ):
        if value is not None and back.get(field) != value:
            lost.append(f"{field} (ninjs {version} has no property left for it)")
    fields: list[tuple[str, list[Any], tuple[str, ...]]] = [
        (
            "persons",
            article.persons,
            (
                "given_name",
                "family_name",
                "alternate_names",
                "name_latin",
                "job_title",
                "affiliation",
                "nationality",
                "mentions",
            ),
        ),
        (
            "organisations",
            article.organisations,
            ("alternate_names", "country", "parent", "mentions"),
        ),
        (
            "places",
            article.places,
            ("kind", "alternate_names", "country_code", "contained_in", "mentions"),
        ),
        (
            "events",
            article.events,
            (
                "status",
                "start_date",
                "end_date",
                "location",
                "participants",
                "description",
                "mentions",
            ),
        ),
    ]
    for collection, items, names in fields:
        for field in names:
            count = sum(1 for item in items if _given(getattr(item, field)))
            if count:
                lost.append(f"{collection}[].{field} ({count})")
        if collection == "events":
            count = sum(1 for item in items if item.category.value != "other")
            if count:
                lost.append(f"events[].category ({count})")
            continue
        same_as = sum(len(item.same_as) - (family > 1) for item in items if item.same_as)
        if same_as:
            lost.append(f"{collection}[].same_as ({same_as} URI(s))")
        if collection == "places" and not version_spec.geo_key:
            count = sum(1 for item in items if item.geo is not None)
            if count:
                lost.append(f"places[].geo ({count}; ninjs {version} has no geometry)")
    return lost


def _meta_losses(article: Article, spec: Spec) -> list[str]:
    """What of the metadata version ``spec`` cannot carry (see :func:`ninjs_write_meta.write`)."""
    version, family = spec.version, spec.family
    lost = [
        f"{field} (ninjs has no {what})"
        for field, value, what in (
            ("creditline", article.creditline, "creditline"),
            ("signals", article.signals, "signals"),
            (
                "dateline.place",
                article.dateline and article.dateline.place,
                "dateline: located carries its text",
            ),
        )
        if value
    ]
    for field, logical in (
        ("urgency", "urgency"),
        ("slugline", "slugline"),
        ("editorial_note", "ed_note"),
        ("genres", "genres"),
    ):
        if getattr(article, field) and not spec.has(logical):
            lost.append(f"{field} (ninjs {version} has no {spec.name(logical)})")
    rights = article.rights
    if rights and rights.usage_terms is not None and not spec.has("usage_terms"):
        lost.append(f"rights.usage_terms (ninjs {version} has no usageterms)")
    if rights and rights.license_url is not None and not spec.has("rights_info"):
        lost.append(f"rights.license_url (ninjs {version} has no rightsinfo)")
    if not spec.has("info_sources"):
        if article.publisher is not None:
            lost.append(f"publisher (ninjs {version} has no infosource)")
        if article.authors:
            lost.append(f"authors (ninjs {version} has no infosource; byline kept)")
    elif any(author.kind or author.role_code for author in article.authors):
        lost.append("authors[].kind and role_code (an info source has a role only)")
    concepts = article.subjects + article.genres
    if any(item.language for item in concepts):
        lost.append("subjects[]/genres[].language (a ninjs concept has no language)")
    if family < 3 and any(link.relation for link in article.links):
        lost.append(f"links[].relation (associations have no rel in ninjs {version})")
    if not spec.has("title") and any(link.title for link in article.links):
        lost.append(f"links[].title (ninjs {version} has no title)")
    if family > 1 and any(link.mime_type for link in article.links):
        lost.append(f"links[].mime_type (no mimetype in ninjs {version})")
    for image in article.images:
        keys = ninjs_write_meta.rendition_keys([item.name for item in image.renditions], family)
        if any(
            item.name is not None and key != item.name
            for key, item in zip(keys, image.renditions, strict=True)
        ):
            lost.append("images[].renditions[].name (not a name ninjs can key by)")
            break
    return lost


def _given(value: Any) -> bool:
    return value is not None and value not in ([], "")
