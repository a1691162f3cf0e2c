"""Properties of ninjs export: every generated article, written as each version 1.0-3.1, is
valid against that version's official schema, and reads back with everything the version
can carry (what it cannot is what ``losses`` names)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings

from newsmodel import dumps, dumps_many, loads, validate
from newsmodel.formats.ninjs import VERSIONS, losses
from newsmodel.formats.ninjs_write import dates
from newsmodel.formats.ninjs_write_meta import rendition_keys
from newsmodel.models import Article
from newsmodel.validation.ninjs import is_valid
from newsmodel.validation.ninjs_versions import spec
from tests.property.strategies import articles

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(autouse=True)
def _schemas(with_shared_schemas: Path) -> None:
    """Every property here checks validity against the official schemas."""


def _dates(article: Article, version: str) -> dict[str, Any]:
    """The three dates as the reader finds them in what the writer wrote: each ninjs date is
    one field, and the first present stands for a missing publication date."""
    written = dict(dates(article, spec(version)))
    found = {
        "date_published": written.get("content_created"),
        "first_created": written.get("first_created"),
        "date_modified": written.get("version_created"),
    }
    if found["date_published"] is None:
        for field in ("first_created", "date_modified"):
            if found[field] is not None:
                found["date_published"], found[field] = found[field], None
                break
    return {key: value.isoformat() if value is not None else None for key, value in found.items()}


def _concept(concept: dict[str, Any]) -> dict[str, Any]:
    return {**concept, "language": None}


def _image(image: dict[str, Any], family: int) -> dict[str, Any]:
    keys = rendition_keys([item["name"] for item in image["renditions"]], family)
    renditions = [
        {**item, "name": None if key != item["name"] else key}
        for key, item in zip(keys, image["renditions"], strict=True)
    ]
    return {**image, "renditions": renditions}


def expected(article: Article, version: str) -> dict[str, Any]:
    """The article as ninjs ``version`` carries it (docs/ninjs.md lists the losses): entities
    reduced to name, id, one ``same_as`` (2.x, 3.x) and a place's point (1.1+); no signals,
    creditline, dateline place or concept language; each property only where the version has
    it."""
    version_spec = spec(version)
    family = version_spec.family
    data = article.model_dump(mode="json", exclude={"provenance"})
    data.update(_dates(article, version))
    data.update(signals=[], creditline=None)
    if data["dateline"] is not None:
        data["dateline"]["place"] = None
    data["subjects"] = [_concept(item) for item in data["subjects"]]
    data["genres"] = (
        [_concept(item) for item in data["genres"]] if version_spec.has("genres") else []
    )
    for field, logical in (
        ("urgency", "urgency"),
        ("slugline", "slugline"),
        ("editorial_note", "ed_note"),
    ):
        if not version_spec.has(logical):
            data[field] = None
    if data["rights"] is not None:
        if not version_spec.has("usage_terms"):
            data["rights"]["usage_terms"] = None
        if not version_spec.has("rights_info"):
            data["rights"]["license_url"] = None
        if not any(data["rights"].values()):
            data["rights"] = None
    if version_spec.has("info_sources"):
        data["authors"] = [
            {**author, "kind": None, "role_code": None} for author in data["authors"]
        ]
    else:
        data["publisher"], data["authors"] = None, []
    data["images"] = [_image(image, family) for image in data["images"]]
    data["links"] = [
        {
            **link,
            "relation": link["relation"] if family == 3 else None,
            "title": link["title"] if version_spec.has("title") else None,
            "mime_type": link["mime_type"] if family == 1 else None,
        }
        for link in data["links"]
    ]
    if family == 1 and not version_spec.has("word_count"):
        data["word_count"] = 0
    for collection, model in (
        ("persons", article.persons),
        ("organisations", article.organisations),
        ("places", article.places),
        ("events", article.events),
    ):
        kept = []
        for entity in model:
            item: dict[str, Any] = {"id": entity.id, "name": entity.name}
            if collection != "events":
                item["same_as"] = entity.same_as[:1] if family > 1 else []
            if collection == "places":
                item["geo"] = (
                    entity.geo.model_dump() if entity.geo and version_spec.geo_key else None
                )
            kept.append(type(entity).model_validate(item).model_dump(mode="json"))
        data[collection] = kept
    return data


@SETTINGS
@given(articles())
def test_every_version_written_is_valid_against_its_official_schema(article: Article) -> None:
    """No schema issue and no warning, whichever version is written; the version is detected
    back from the document itself."""
    for version in VERSIONS:
        data = dumps(article, "ninjs", version=version)
        assert is_valid(orjson.loads(data), version), version
        report = validate(data)
        assert report.format == "ninjs"
        assert report.ok, (version, [str(issue.message) for issue in report.errors])
        assert not report.warnings, version


@SETTINGS
@given(articles())
def test_each_version_reads_back_what_it_can_carry(article: Article) -> None:
    """loads(dumps(article, version=V)) is the article up to what V cannot carry, and the
    reader finds nothing unmapped in our own documents."""
    for version in VERSIONS:
        back = loads(dumps(article, "ninjs", version=version))
        assert len(back) == 1
        assert back[0].model_dump(mode="json", exclude={"provenance"}) == expected(
            article, version
        ), version
        assert back[0].provenance.unmapped == [], version
        assert back[0].provenance.warnings == [], version


@SETTINGS
@given(articles())
def test_losses_name_every_difference(article: Article) -> None:
    """When nothing is lost (``losses`` is empty) the article comes back whole."""
    for version in VERSIONS:
        back = loads(dumps(article, "ninjs", version=version))[0]
        same = back.model_dump(exclude={"provenance"}) == article.model_dump(exclude={"provenance"})
        if not losses(article, version):
            assert same, version


def test_many_articles_are_json_lines_read_back_in_order() -> None:
    """dumps_many writes one ninjs object per line; loads reads them all."""
    first = Article.model_validate(
        {"id": "a", "headline": "A", "date_published": None, "language": "uk", "body": "a"}
    )
    second = first.model_copy(update={"id": "b", "headline": "B"})
    data = dumps_many([first, second], "ninjs", version="2.0")
    assert data.count(b"\n") == 2
    assert [article.id for article in loads(data)] == ["a", "b"]
