"""The compiled fast path of JSON validation: skips the slow validator only when it may."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import orjson
import pytest
from jsonschema import Draft202012Validator

from newsmodel import validate
from newsmodel.validation import jsonschema as json_validation
from newsmodel.validation.fastschema import (
    fast_validator,
    python_dialect,
    python_whitespace,
    translate_pattern,
)
from newsmodel.validation.resources import bundled_schema

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "seed_000.json"
SCHEMA = orjson.loads(bundled_schema("article.schema.json"))
PYTHON = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def golden() -> dict[str, Any]:
    document: dict[str, Any] = orjson.loads(GOLDEN.read_bytes())
    return document


def python_valid(document: Any) -> bool:
    return not any(True for _ in PYTHON.iter_errors(document))


def fast_valid(document: Any) -> bool:
    fast = json_validation._fast_validator()
    assert fast is not None
    return fast.is_valid(document)


@pytest.fixture
def slow_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts how often the Python (describing) validator is asked for errors."""
    calls: list[int] = []
    real = json_validation._validator()

    class Counting:
        def iter_errors(self, instance: Any) -> Any:
            calls.append(1)
            return real.iter_errors(instance)

    monkeypatch.setattr(json_validation, "_validator", Counting)
    return calls


def issues(data: bytes) -> list[tuple[str, str, str]]:
    report = validate(data, "json")
    return [(issue.code, issue.message, str(issue.location)) for issue in report.issues]


def slow_issues(data: bytes, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    with monkeypatch.context() as patch:
        patch.setattr(json_validation, "_fast_validator", lambda: None)
        return issues(data)


def test_our_schema_is_translatable_so_the_fast_path_is_on() -> None:
    """Every pattern in article.schema.json is in the rewritable grammar: no silent slow path."""
    assert json_validation._fast_validator() is not None


def test_a_valid_document_never_reaches_the_slow_validator(slow_calls: list[int]) -> None:
    """The golden article (and a JSON Lines pair of it) is accepted by the compiled check alone."""
    data = GOLDEN.read_bytes()
    assert validate(data, "json").ok
    lines = orjson.dumps(golden()) + b"\n" + orjson.dumps(golden()) + b"\n"
    assert validate(lines, "json").ok
    assert slow_calls == []


def test_only_the_invalid_document_of_a_batch_reaches_the_slow_validator(
    slow_calls: list[int],
) -> None:
    """In an array of three with one broken, the slow validator runs once, for that one."""
    broken = golden() | {"word_count": -1}
    report = validate(orjson.dumps([golden(), broken, golden()]), "json")
    assert slow_calls == [1]
    assert [(issue.code, str(issue.location)) for issue in report.issues] == [
        ("json.minimum", "/1/word_count")
    ]


@pytest.mark.parametrize(
    "change",
    [
        {"word_count": -1},
        {"headline": 5},
        {"language": "ukrainian!"},
        {"date_published": "7 Nov 2025"},
        {"events": [{"id": "e1", "name": "x", "start_date": "2025-13"}]},
        {"colour": "red"},
        {"id": " padded "},
        {"id": "\x1fhidden"},
        {"places": [{"id": "p1", "name": "", "kind": "planet"}]},
        {"persons": [{"id": "bad id!", "name": "X"}]},
    ],
)
def test_invalid_documents_get_exactly_the_issues_the_slow_path_gives(
    change: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Codes, messages and pointers are those of the Python validator, unchanged."""
    data = orjson.dumps(golden() | change)
    fast_result = issues(data)
    assert fast_result
    assert fast_result == slow_issues(data, monkeypatch)


def test_a_missing_required_field_is_reported_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """Removing 'body' gives the same json.required issue on both paths."""
    document = golden()
    del document["body"]
    data = orjson.dumps(document)
    assert issues(data) == slow_issues(data, monkeypatch)
    assert ("json.required", "required property 'body' is missing", "/body") in issues(data)


@pytest.mark.parametrize("code", [*range(0x20), 0x20, 0x85, 0xA0, 0x2028, 0x2029, 0x3000, 0xFEFF])
@pytest.mark.parametrize("where", ["start", "middle", "end", "alone"])
def test_whitespace_in_the_article_id_gets_pythons_verdict(code: int, where: str) -> None:
    """Python's \\s (str.isspace: U+001C-U+001F, U+0085) and '.' (all but \\n) are what count."""
    char = chr(code)
    value = {"start": char + "x", "middle": "x" + char + "x", "end": "x" + char, "alone": char}
    document = golden() | {"id": value[where]}
    assert fast_valid(document) == python_valid(document)


@pytest.mark.parametrize("field", ["language", "date_published", "id"])
def test_a_trailing_newline_gets_pythons_verdict(field: str) -> None:
    """Python's '$' also matches before a final newline; the rewritten pattern does too."""
    document = golden()
    document[field] = document[field] + "\n"
    assert fast_valid(document) == python_valid(document)
    document[field] = document[field] + "\n"
    assert fast_valid(document) == python_valid(document)


@pytest.mark.parametrize(
    "number", [0, 1, 1.0, -0.0, 0.5, -1, -1.0, 1e20, 2**63, 2**64 - 1, -(2**63), 1e300, True, None]
)
def test_numbers_get_pythons_verdict(number: Any) -> None:
    """integer and minimum: 1.0 is an integer, booleans are not, 64-bit edges compare alike."""
    document = golden() | {"word_count": number}
    assert fast_valid(document) == python_valid(document)


def test_orjson_turns_integers_beyond_64_bits_into_floats() -> None:
    """So no document reaches either validator with an integer jsonschema-rs cannot hold."""
    assert isinstance(orjson.loads(b"18446744073709551616"), float)


def test_python_whitespace_lies_in_the_basic_multilingual_plane() -> None:
    """python_whitespace() scans only U+0000-U+FFFF; nothing above is whitespace."""
    assert not any(chr(code).isspace() for code in range(0x10000, sys.maxunicode + 1))
    assert len(python_whitespace().split("\\u")) - 1 == sum(
        1 for code in range(0x10000) if chr(code).isspace()
    )


@pytest.mark.parametrize(
    "pattern",
    [
        r"^\d+$",
        r"\w",
        r"\bx",
        r"(?=a)",
        r"(?i)a",
        r"a$b",
        r"[\d]",
        r"[é]",
        r"a{",
        r"]",
        r"\1",
        # "\<" is "<" to Python, a word boundary to jsonschema-rs; "--" a set difference in ECMA
        r"^\<a$",
        r"^a\>$",
        r"[a--b]",
        r"[a&&b]",
        r"\:",
        r"[\:]",
    ],
)
def test_constructs_outside_the_known_grammar_turn_the_fast_path_off(pattern: str) -> None:
    """A pattern whose ECMA meaning is not certain gives no fast validator at all."""
    schema = {"type": "object", "properties": {"x": {"type": "string", "pattern": pattern}}}
    assert fast_validator(schema) is None


@pytest.mark.parametrize("keyword", ["format", "patternProperties"])
def test_format_and_pattern_properties_turn_the_fast_path_off(keyword: str) -> None:
    """Python's format checks depend on installed extras: no compiled check can promise them."""
    value = "date" if keyword == "format" else {"^a": {}}
    schema = {"$defs": {"X": {"type": "object", keyword: value}}}
    assert fast_validator(schema) is None


def test_a_list_where_a_subschema_belongs_turns_the_fast_path_off() -> None:
    """Old-draft 'items': [...] would hide its patterns from the rewriting."""
    schema = {"items": [{"type": "string", "pattern": r"^\S$"}]}
    assert fast_validator(schema) is None


def test_a_property_named_format_is_not_the_format_keyword() -> None:
    """Provenance has a 'format' field: only keywords in schema position count."""
    schema = {"properties": {"format": {"type": "string"}}}
    assert python_dialect(schema) == schema


def test_translation_keeps_plain_patterns_and_rewrites_python_specifics() -> None:
    """Literals, classes, groups and quantifiers pass through; '.' and '$' become explicit."""
    assert translate_pattern(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$") == (
        r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*\n?$"
    )
    assert translate_pattern(r"a.b\.c") == r"a[^\n]b\.c"
