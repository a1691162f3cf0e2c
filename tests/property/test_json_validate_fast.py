"""The compiled check's verdict equals jsonschema's on generated, broken and real documents."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from newsmodel import dumps, validate
from newsmodel.models import Article
from newsmodel.validation import jsonschema as json_validation
from newsmodel.validation.fastschema import FastValidator
from newsmodel.validation.resources import bundled_schema
from tests.property.strategies import articles

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SCHEMA = orjson.loads(bundled_schema("article.schema.json"))
PYTHON = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
TESTS = Path(__file__).resolve().parents[1]

# Strings that sit on the dialect edges: Python-only whitespace, ECMA-only whitespace,
# line terminators, trailing newlines, astral and combining characters, near-miss ids and dates.
odd_text = st.one_of(
    st.text(max_size=12),
    st.text(
        alphabet="\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f \x85\xa0\u2028\u2029\ufeff\u3000ab-1:",
        max_size=6,
    ),
    st.sampled_from(
        [
            "",
            "\n",
            "a\n",
            "uk\n",
            "2025\n",
            "2025-02-30",
            "2025-13",
            "0000",
            "x" * 257,
            "-a",
            "a b",
            "é",
            "e\u0301",
            "😀",
            "p1\x85",
            "\x1cp1",
            "2025-11-07T09:30+0100",
            "2025-11-07T09:30:00.5Z",
            "2025-11-07 09:30",
            "uk-UA-x-private1",
            "ukrainian!",
        ]
    ),
)
odd_values = st.one_of(
    odd_text,
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**64 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.just([]),
    st.just({}),
    st.lists(odd_text, max_size=2),
)


def fast() -> FastValidator:
    validator = json_validation._fast_validator()
    assert validator is not None
    return validator


def assert_same_verdict(document: Any) -> None:
    python_ok = not any(True for _ in PYTHON.iter_errors(document))
    assert fast().is_valid(document) == python_ok, orjson.dumps(document)[:300]


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside ``node`` (the root excluded)."""
    found = []
    items: Any = []
    if isinstance(node, dict):
        items = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    for key, child in items:
        found.append((*prefix, key))
        found.extend(paths(child, (*prefix, key)))
    return found


def mutate(draw: st.DrawFn, document: Any) -> Any:
    """``document`` with one to three edits: replaced values, removed or extra keys."""
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths(document)))
        parent = document
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["replace", "remove", "extra"]))
        if action == "replace":
            parent[path[-1]] = draw(odd_values)
        elif action == "remove" and isinstance(parent, dict):
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["colour", "ID", "id ", "format", "@type"]))] = 1
    return document


@st.composite
def mutated(draw: st.DrawFn) -> list[Any]:
    """Five broken copies of one generated article (articles are costly to generate)."""
    document = orjson.loads(dumps(draw(articles()), "json"))
    return [mutate(draw, copy.deepcopy(document)) for _ in range(5)]


@SETTINGS
@given(articles())
def test_generated_articles_get_the_same_verdict(article: Article) -> None:
    """What dumps writes is valid for both validators (and the verdicts agree)."""
    document = orjson.loads(dumps(article, "json"))
    assert_same_verdict(document)
    assert fast().is_valid(document)


@SETTINGS
@given(mutated())
def test_mutated_documents_get_the_same_verdict(documents: list[Any]) -> None:
    """Wrong types, bad dates and ids, extra and missing keys, odd unicode: verdicts agree."""
    for document in documents:
        assert_same_verdict(document)


@SETTINGS
@given(mutated())
def test_reports_are_identical_with_and_without_the_fast_path(documents: list[Any]) -> None:
    """The report the user sees does not depend on the fast path, issue for issue."""
    data = b"\n".join(orjson.dumps(document) for document in documents)
    with_fast = validate(data, "json")
    real = json_validation._fast_validator
    try:
        json_validation._fast_validator = lambda: None  # type: ignore[assignment]
        without = validate(data, "json")
    finally:
        json_validation._fast_validator = real
    assert with_fast.issues == without.issues


def json_documents(folder: Path) -> list[Any]:
    """Every JSON value in ``folder``'s .json/.jsonld files and every line of its .jsonl files."""
    documents: list[Any] = []
    for path in sorted(folder.rglob("*.json*")):
        data = path.read_bytes()
        if path.suffix == ".jsonl":
            documents.extend(orjson.loads(line) for line in data.splitlines() if line.strip())
        elif path.suffix in (".json", ".jsonld"):
            try:
                documents.append(orjson.loads(data))
            except orjson.JSONDecodeError:
                continue  # a deliberately broken fixture: no document to judge
    return documents


def test_every_json_fixture_in_tests_gets_the_same_verdict() -> None:
    """The golden files (articles and JSON-LD), judged whole and, for arrays, item by item."""
    documents = json_documents(TESTS)
    assert documents
    for document in documents:
        assert_same_verdict(document)


def test_every_json_file_in_the_shared_folder_gets_the_same_verdict(shared: Path) -> None:
    """Corpora, eval gold, schemas: hundreds of real documents, valid articles or not."""
    documents = json_documents(shared)
    assert len(documents) > 100
    for document in documents:
        assert_same_verdict(document)


@pytest.mark.parametrize("count", [1, 3])
def test_json_lines_of_golden_articles_are_valid_on_both_paths(count: int) -> None:
    """A batch of valid articles is judged valid, document by document."""
    golden = orjson.loads((TESTS / "golden" / "seed_000.json").read_bytes())
    data = b"\n".join(orjson.dumps(golden) for _ in range(count))
    assert validate(data, "json").ok
    assert_same_verdict(golden)
