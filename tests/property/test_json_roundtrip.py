"""Properties of the JSON format: exact round trips, schema validity, pointed rejections."""

from __future__ import annotations

import copy
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from newsmodel import NewsmodelError, dumps, loads, validate
from newsmodel.models import Article
from newsmodel.validation.resources import bundled_schema
from tests.property.strategies import articles

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SCHEMA = orjson.loads(bundled_schema("article.schema.json"))
INDEPENDENT = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


@SETTINGS
@given(articles())
def test_json_round_trip_is_identity(article: Article) -> None:
    """Reading back what dumps wrote gives an equal article, and dumping again the same bytes."""
    data = dumps(article, "json")
    [back] = loads(data, "json")
    assert back == article
    assert dumps(back, "json") == data


@SETTINGS
@given(articles())
def test_every_generated_article_validates_against_the_committed_schema(article: Article) -> None:
    """The committed JSON Schema accepts everything the model can produce."""
    document = orjson.loads(dumps(article, "json"))
    assert list(INDEPENDENT.iter_errors(document)) == []
    assert validate(dumps(article, "json"), "json").ok


MUTATIONS: list[tuple[str, Any]] = [
    ("/date_published", "not a date"),
    ("/language", "not a language tag!"),
    ("/word_count", -1),
    ("/body", 12),
    ("/headline", ["a", "list"]),
    ("/id", ""),
]


def _set(document: dict[str, Any], pointer: str, value: Any) -> None:
    parts = pointer.strip("/").split("/")
    target: Any = document
    for part in parts[:-1]:
        target = target[int(part)] if isinstance(target, list) else target[part]
    last = parts[-1]
    if isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value


@SETTINGS
@given(articles(), st.sampled_from(MUTATIONS))
def test_a_mutated_document_is_rejected_with_a_pointer_to_the_broken_field(
    article: Article, mutation: tuple[str, Any]
) -> None:
    """Breaking one field gives an error whose JSON pointer names that field."""
    pointer, value = mutation
    document = copy.deepcopy(orjson.loads(dumps(article, "json")))
    _set(document, pointer, value)
    report = validate(orjson.dumps(document), "json")
    assert not report.ok
    assert pointer in [issue.location.pointer for issue in report.errors]


@SETTINGS
@given(articles(max_entities=3))
def test_removing_a_required_key_is_reported_at_that_key(article: Article) -> None:
    """A missing required property is reported at the pointer where it should be."""
    document = orjson.loads(dumps(article, "json"))
    del document["headline"]
    report = validate(orjson.dumps(document), "json")
    assert [issue.location.pointer for issue in report.errors] == ["/headline"]
    assert report.errors[0].code == "json.required"


@SETTINGS
@given(articles(max_entities=3), st.data())
def test_each_missing_key_is_reported_at_its_own_pointer(article: Article, data: Any) -> None:
    """Several missing properties give one issue each, each naming its own property (not the
    first missing one over and over)."""
    document = orjson.loads(dumps(article, "json"))
    removed = data.draw(st.sets(st.sampled_from(sorted(SCHEMA["required"])), min_size=2))
    for key in removed:
        del document[key]
    report = validate(orjson.dumps(document), "json")
    required = [issue.location.pointer for issue in report.errors if issue.code == "json.required"]
    assert sorted(required) == sorted(f"/{key}" for key in removed)


@pytest.mark.parametrize(
    "value",
    [
        "2025-13-01",
        "2025-02-45",
        "2025-11-07T24:00",
        "2025-11-07T12:61",
        "2025-11-07T12:00+25:00",
        "2016-12-31T23:59:60Z",
    ],
)
def test_publication_dates_out_of_range_are_refused_by_the_schema(value: str) -> None:
    document = orjson.loads(dumps(Article.model_validate(_MINIMAL), "json"))
    document["date_published"] = value
    report = validate(orjson.dumps(document), "json")
    assert [issue.code for issue in report.errors] == ["json.pattern"]
    assert not INDEPENDENT.is_valid(document)


_MINIMAL = {"id": "a", "headline": "h", "body": "", "date_published": None, "language": None}


@SETTINGS
@given(articles(max_entities=3).filter(lambda a: bool(a.persons and a.organisations)))
def test_a_dangling_reference_is_reported_by_the_validator_and_refused_by_the_reader(
    article: Article,
) -> None:
    """The schema cannot see references; the validator and the model both do."""
    document = orjson.loads(dumps(article, "json"))
    document["persons"][0]["affiliation"] = ["org-does-not-exist"]
    data = orjson.dumps(document)
    report = validate(data, "json")
    assert [issue.code for issue in report.errors] == ["json.dangling-reference"]
    assert report.errors[0].location.pointer == "/persons/0/affiliation/0"
    from newsmodel.errors import DocumentError

    with pytest.raises(DocumentError, match="org-does-not-exist"):
        loads(data, "json")


@pytest.mark.parametrize(
    ("value", "ok"), [("2025-02-30", False), ("2024-02-29", True), ("2025-04-31T10:00", False)]
)
def test_a_day_the_calendar_lacks_is_an_error_as_the_reader_says(value: str, ok: bool) -> None:
    """The pattern cannot know the calendar; the validator must not call valid what the reader
    refuses."""
    document = orjson.loads(dumps(Article.model_validate(_MINIMAL), "json"))
    document["date_published"] = value
    report = validate(orjson.dumps(document), "json")
    assert report.ok is ok
    if not ok:
        assert [(i.code, i.location.pointer) for i in report.errors] == [
            ("json.date", "/date_published")
        ]
        with pytest.raises(NewsmodelError):
            loads(orjson.dumps(document), "json")
