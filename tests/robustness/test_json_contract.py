"""One contract for newsmodel JSON: what ``validate(..., "json")`` calls valid, ``loads`` reads,
and what it calls invalid, ``loads`` refuses (with a NewsmodelError).  The fuzzing of issue #10
found 153 disagreements (integers of 2^63 and more, ``word_count: true``, a space in a
date-time, a missing ``mentions``, an organisation that is its own parent...)."""

from __future__ import annotations

import copy
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsmodel import dumps, loads, validate
from newsmodel.errors import NewsmodelError
from newsmodel.models import Article
from tests.property.strategies import articles

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ODD_VALUES = [
    None,
    True,
    False,
    0,
    -1,
    1.0,
    1.5,
    2**53 + 1,
    2**63 - 1,
    2**63,
    2**64 - 1,
    1e19,
    -(2**63),
    "",
    " ",
    "x",
    "2024-01-01 12:00",
    "2024-01-01T12:00",
    "2025-02-30",
    "2024-13",
    "2024",
    "person-0",
    "place-0",
    "org-0",
    "event-0",
    "a\nb",
    "uk",
    "en-GB",
    "not a tag!",
    [],
    [None],
    {},
    {"start": 0, "end": 0, "text": ""},
    "\u0085",
    "x" * 1100,
]


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value (the root excluded)."""
    found: list[tuple[Any, ...]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((*path, key))
            found.extend(_paths(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.append((*path, index))
            found.extend(_paths(item, (*path, index)))
    return found


def _parent(document: Any, path: tuple[Any, ...]) -> Any:
    target = document
    for part in path[:-1]:
        target = target[part]
    return target


@st.composite
def mutated_documents(draw: st.DrawFn) -> bytes:
    """A generated article's JSON with one to three mutations: a value replaced, a key
    removed, an unknown key added, or an entity's id copied onto another reference."""
    document = orjson.loads(dumps(draw(articles(max_entities=3)), "json"))
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(document)
        path = draw(st.sampled_from(paths))
        parent = _parent(document, path)
        action = draw(st.sampled_from(["replace", "replace", "delete", "add"]))
        if action == "replace":
            parent[path[-1]] = copy.deepcopy(draw(st.sampled_from(ODD_VALUES)))
        elif action == "delete" and isinstance(parent, dict):
            del parent[path[-1]]
        elif action == "delete":
            parent.pop(path[-1])
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["colour", "mentions", "id", "role"]))] = 1
    return orjson.dumps(document)


def _loads(data: bytes) -> list[Article] | None:
    try:
        return loads(data, "json")
    except NewsmodelError:
        return None


@SETTINGS
@given(mutated_documents())
def test_validate_and_loads_agree_on_every_mutated_document(data: bytes) -> None:
    """Valid by ``validate`` exactly when ``loads`` reads it; refusals are NewsmodelErrors."""
    report = validate(data, "json")
    assert (_loads(data) is not None) is report.ok, report.issues


@pytest.mark.parametrize(
    ("field", "raw"),
    [
        ("word_count", b"9223372036854775808"),
        ("word_count", b"18446744073709551615"),
        ("word_count", b"18446744073709551616"),
        ("word_count", b"1e19"),
        ("word_count", b"true"),
        ("date_published", b'"2024-01-01 12:00"'),
    ],
)
def test_the_disagreements_found_are_refused_by_both(field: str, raw: bytes) -> None:
    """Each of these was valid by one and refused by the other."""
    document = orjson.loads(dumps(loads(_minimal(), "json")[0], "json"))
    document[field] = None
    data = orjson.dumps(document).replace(f'"{field}":null'.encode(), f'"{field}":'.encode() + raw)
    assert not validate(data, "json").ok
    assert _loads(data) is None


def test_a_missing_mentions_list_is_refused_by_both() -> None:
    """Every field is present in newsmodel JSON: a reader that filled in defaults disagreed."""
    document = orjson.loads(_minimal())
    document["persons"] = [
        {
            "id": "p",
            "name": "P",
            "given_name": None,
            "family_name": None,
            "alternate_names": [],
            "name_latin": None,
            "job_title": None,
            "affiliation": [],
            "nationality": None,
            "same_as": [],
        }
    ]
    data = orjson.dumps(document)
    assert "json.required" in {issue.code for issue in validate(data, "json").issues}
    assert _loads(data) is None


def test_model_rules_are_validation_errors_too() -> None:
    """An organisation that is its own parent, an event that ends before it starts."""
    document = orjson.loads(_minimal())
    document["organisations"] = [
        {
            "id": "o",
            "name": "O",
            "alternate_names": [],
            "country": None,
            "parent": "o",
            "mentions": [],
            "same_as": [],
        }
    ]
    document["events"] = [
        {
            "id": "e",
            "name": "E",
            "category": "other",
            "start_date": "2024-06",
            "end_date": "2024-05-31",
            "location": [],
            "participants": [],
            "description": None,
            "mentions": [],
        }
    ]
    report = validate(orjson.dumps(document), "json")
    codes = {issue.code for issue in report.issues}
    assert {"json.self-reference", "json.date-order"} <= codes
    assert _loads(orjson.dumps(document)) is None


def _minimal() -> bytes:
    article = Article(id="a", headline=None, date_published=None, language=None, body="b")
    return dumps(article, "json")


@pytest.mark.parametrize(
    ("contained_in", "code"), [("x", "json.dangling-reference"), ("p", "json.self-reference")]
)
def test_a_place_inside_a_missing_place_or_itself_is_refused_by_both(
    contained_in: str, code: str
) -> None:
    """`contained_in` is a reference like the others (the mutation campaign found the
    validator calling a dangling one valid while `loads` refused it)."""
    document = orjson.loads(_minimal())
    document["places"] = [
        {
            "id": "p",
            "name": "P",
            "kind": None,
            "alternate_names": [],
            "mentions": [],
            "same_as": [],
            "geo": None,
            "country_code": None,
            "contained_in": contained_in,
        }
    ]
    report = validate(orjson.dumps(document), "json")
    assert code in {issue.code for issue in report.issues}
    assert _loads(orjson.dumps(document)) is None
