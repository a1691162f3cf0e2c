"""Hostile and broken ninjs through ``loads`` and ``validate``: not JSON, a wrong or unknown
version, deep nesting, huge strings, a remote ``$schema`` or schema URL.  Each gets a clear
:class:`NewsmodelError` from ``loads`` and the expected issue code from ``validate``, never a
traceback, and nothing is ever fetched (the network is cut for every test here)."""

from __future__ import annotations

import socket
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from newsmodel import dumps, loads, validate
from newsmodel.errors import FormatError, NewsmodelError
from newsmodel.models import Article


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes
    code: str | None
    """An issue code ``validate(data, "ninjs")`` must report (``None``: valid)."""
    loads_ok: bool


DEEP = (
    b'{"uri": "x", "associations": ['
    + b'{"uri": "y", "name": "n", "associations": [' * 80
    + b"]}" * 80
    + b"]}"
)
HUGE = b'{"uri": "x", "headlines": [{"value": "' + b"\xd0\x96" * 8_000_000 + b'"}]}'

CASES = [
    Case("not JSON at all", b"uri: x\nheadline: y\n", "json.syntax", False),
    Case("truncated JSON", b'{"uri": "x", "headlines": [{"value": "y"', "json.syntax", False),
    Case("an array of numbers", b"[1, 2, 3]", "ninjs.not-object", False),
    Case(
        "a version that does not exist",
        b'{"uri": "x", "standard": {"version": "9.9"}}',
        "ninjs.version",
        False,
    ),
    Case(
        "a version that is not one",
        b'{"uri": "x", "$standard": {"version": "latest"}}',
        "ninjs.version",
        False,
    ),
    Case(
        "the wrong version's names (3.x names declared as 1.6)",
        b'{"uri": "x", "$standard": {"version": "1.6"}, "versionCreated": "2025-01-01"}',
        "json.unknown-property",
        True,
    ),
    Case(
        "nesting 80 associations deep (refused by validate, whose schema walk recurses; read "
        "by loads, which does not, with associations unmapped)",
        DEEP,
        "json.too-deep",
        True,
    ),
    Case(
        "nesting 10,000 arrays deep",
        b'{"uri": "x", "a": ' + b"[" * 10_000 + b"]" * 10_000 + b"}",
        "json.too-deep",
        False,
    ),
    Case("a 16 MB headline", HUGE, None, True),
    Case(
        "a remote $schema",
        b'{"$schema": "http://evil.example/schema.json", "uri": "x", '
        b'"headlines": [{"value": "h"}]}',
        "json.unknown-property",
        True,
    ),
    Case(
        "a remote schema URL in standard",
        b'{"uri": "x", "standard": {"name": "ninjs", '
        b'"version": "3.1", "schema": "http://evil.example/ninjs.json"}}',
        None,
        True,
    ),
    Case("a uri that is only spaces", b'{"uri": "   "}', None, False),
]


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch, with_shared_schemas: Path) -> None:
    """Any attempt to open a connection fails the test."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"a network access was attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_ninjs_gets_its_verdict(case: Case) -> None:
    """validate reports the code (or nothing), loads reads or raises a NewsmodelError."""
    report = validate(case.data, "ninjs")
    codes = {issue.code for issue in report.issues}
    if case.code is None:
        assert report.ok, report.issues
    else:
        assert case.code in codes, report.issues
    if case.loads_ok:
        assert loads(case.data, "ninjs")
    else:
        with pytest.raises(NewsmodelError) as error:
            loads(case.data, "ninjs")
        assert "\n" not in str(error.value)


def test_an_unknown_version_asked_for_is_a_format_error() -> None:
    """dump, load and validate name the known versions."""
    article = Article.model_validate(
        {"id": "a", "headline": None, "date_published": None, "language": None, "body": ""}
    )
    for call in (
        lambda: dumps(article, "ninjs", version="3.2"),
        lambda: loads(b'{"uri": "x"}', "ninjs", version="0.9"),
        lambda: validate(b'{"uri": "x"}', "ninjs", version="v3"),
    ):
        with pytest.raises(FormatError, match=r"known versions: 1\.0"):
            call()


HOSTILE_VALUES = [
    ("a version in superscript digits", {"version": "\u00b2"}, "version '\u00b2'"),
    ("a version of 5,000 digits", {"version": "1" * 5000}, "version '" + "1" * 5000 + "'"),
    (
        "an object as an association's type",
        {"associations": [{"uri": "https://example.org/x", "type": {}}]},
        None,
    ),
    ("an object as an info source's role", {"infoSources": [{"name": "n", "role": {}}]}, None),
    (
        "an object as an info source's identifier",
        {"infoSources": [{"name": "n", "literal": {}}]},
        "/infoSources/0 identifier {}",
    ),
    (
        "a number as a picture's descriptions",
        {"associations": [{"uri": "https://example.org/x", "type": "picture", "descriptions": 5}]},
        None,
    ),
]


@pytest.mark.parametrize(
    ("extra", "unmapped"),
    [(extra, unmapped) for _, extra, unmapped in HOSTILE_VALUES],
    ids=[name for name, _, _ in HOSTILE_VALUES],
)
def test_a_value_of_the_wrong_kind_is_unmapped_never_a_traceback(
    extra: dict[str, Any], unmapped: str | None
) -> None:
    """Values of the wrong type where the reader only compares (a role, a picture type, an
    identifier, the version) are listed as unmapped, never a TypeError or ValueError."""
    import orjson

    data = orjson.dumps({"uri": "x", "standard": {"version": "3.1"}, **extra})
    (article,) = loads(data, "ninjs")
    if unmapped is not None:
        assert unmapped in article.provenance.unmapped
    assert article.version is None


def test_a_boolean_is_no_rendition_size() -> None:
    """``true`` as a width is not a width of 1."""
    data = (
        b'{"uri": "x", "associations": [{"uri": "https://example.org/a.jpg", "type": "picture",'
        b' "renditions": [{"href": "https://example.org/b.jpg", "width": true, "height": 5}]}]}'
    )
    (article,) = loads(data, "ninjs")
    (rendition,) = article.images[0].renditions
    assert (rendition.width, rendition.height) == (None, 5)
