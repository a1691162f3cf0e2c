"""Hostile and broken documents, as a table of expected verdicts, through ``loads`` and
``validate``: each is read or refused with a :class:`NewsmodelError`, and the report names the
expected code.  Each row says which finding of issue #10 it pins (all crashed, hung, or passed
with no error before their fixes).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from newsmodel import loads, validate
from newsmodel.errors import NewsmodelError
from newsmodel.formats import detect

G2 = 'xmlns="http://iptc.org/std/nar/2006-10-01/"'
ITEM = f'<newsItem {G2} guid="urn:x:1" version="1" standard="NewsML-G2" standardversion="2.35"/>'
ARTICLE = '"@context": "https://schema.org", "@type": "NewsArticle", "headline": "x"'


@dataclass(frozen=True)
class Case:
    """A document, its format (``None``: detected), and what must happen to it."""

    name: str
    data: bytes | str
    format: str | None
    code: str | None
    """An issue code ``validate`` must report; ``None`` when the document is fine."""
    loads_ok: bool
    """Whether ``loads`` reads it (otherwise it must raise a NewsmodelError)."""
    valid: bool = False


def _xml_encoding(label: str) -> Case:
    data = f'<?xml version="1.0" encoding="{label}"?>{ITEM}'.encode()
    return Case(f"item 8: XML declared {label}", data, "newsml", "xml.encoding", False)


def _html_charset(label: str) -> Case:
    page = (
        f'<html><head><meta charset="{label}"><script type="application/ld+json">'
        f"{{{ARTICLE}}}</script></head><body>caf\xe9</body></html>"
    ).encode("latin-1")
    return Case(
        f"item 8: HTML meta charset {label}", page, "jsonld", "jsonld.encoding", True, valid=True
    )


NOT_TEXT_ENCODINGS = [
    "undefined",
    "punycode",
    "idna",
    "utf-7",
    "unicode_escape",
    "rot13",
    "base64",
    "zlib",
    "raw_unicode_escape",
]

CASES: list[Case] = [
    *(_xml_encoding(label) for label in NOT_TEXT_ENCODINGS),
    *(_html_charset(label) for label in NOT_TEXT_ENCODINGS),
    Case(
        "item 8: UTF-7 with a surrogate",
        b'<?xml version="1.0" encoding="UTF-7"?><newsItem '
        + G2.encode()
        + b"><x>+2AA-</x></newsItem>",
        "newsml",
        "xml.encoding",
        False,
    ),
    Case(
        "item 9: a 5,000-digit integer in JSON-LD",
        f'{{{ARTICLE}, "wordCount": {"1" * 5000}}}'.encode(),
        "jsonld",
        "jsonld.syntax",
        False,
    ),
    Case(
        "item 9: a 30-digit integer in JSON-LD",
        f'{{{ARTICLE}, "wordCount": {"1" * 30}}}'.encode(),
        "jsonld",
        None,
        True,
        valid=True,
    ),
    Case(
        "item 9: a 25-digit integer quoted in an issue (the forgiving parser read it)",
        f'{{{ARTICLE}, "description": "a\tb", "isAccessibleForFree": {"7" * 25}}}'.encode(),
        "jsonld",
        "jsonld.range",
        True,
    ),
    Case(
        "item 9: NaN in JSON-LD",
        f'{{{ARTICLE}, "wordCount": NaN}}'.encode(),
        "jsonld",
        "jsonld.syntax",
        False,
    ),
    Case(
        "item 9: a 5,000-digit integer in JSON",
        b'{"word_count": ' + b"9" * 5000 + b"}",
        "json",
        "json.syntax",
        False,
    ),
    Case(
        "item 10: 1,000 nested arrays in JSON",
        b'{"body":' + b"[" * 1000 + b"]" * 1000 + b"}",
        "json",
        "json.too-deep",
        False,
    ),
    Case(
        "item 10: 100,000 nested arrays in JSON",
        b'{"body":' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        "json",
        "json.too-deep",
        False,
    ),
    *(
        Case(f"a bare {value.decode()} as a JSON document", value, "json", "json.type", False)
        for value in (b"true", b"5", b'"x"', b"null", b"[true, 1]")
    ),
    Case(
        "item 11: a lone surrogate in a JSON string",
        '{"headline":"\ud800"}',
        "json",
        "input.surrogate",
        False,
    ),
    Case(
        "item 11: a lone surrogate, format detected",
        '{"headline":"\udfff"}',
        None,
        "input.surrogate",
        False,
    ),
    Case(
        "item 11: an escaped lone surrogate in JSON",
        b'{"headline":"\\ud800"}',
        "json",
        "json.syntax",
        False,
    ),
    Case(
        "item 11: an escaped lone surrogate in JSON-LD",
        f'{{{ARTICLE}, "description": "a\\ud800"}}'.encode(),
        "jsonld",
        "jsonld.surrogate",
        False,
    ),
    Case(
        "item 11: an escaped lone surrogate beside a control character in JSON-LD",
        f'{{{ARTICLE}, "description": "a\\udc00\tb"}}'.encode(),
        "jsonld",
        "jsonld.surrogate",
        False,
    ),
    Case(
        "item 13: XHTML with an XML declaration",
        (
            '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
            f'<head><script type="application/ld+json">{{{ARTICLE}}}</script></head></html>'
        ).encode(),
        None,
        None,
        True,
        valid=True,
    ),
    Case(
        "item 13: XHTML declared windows-1251",
        (
            '<?xml version="1.0" encoding="windows-1251"?>\n<html><head><script type='
            '"application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
            '"headline": "Київ"}</script></head></html>'
        ).encode("cp1251"),
        "jsonld",
        None,
        True,
        valid=True,
    ),
    Case(
        "item 16: a number as @context",
        b'{"@context": 5, "@type": "NewsArticle", "headline": "x"}',
        "jsonld",
        "jsonld.context-invalid",
        True,
    ),
    Case(
        "item 16: non-strings in @type",
        b'{"@context": "https://schema.org", "@type": [1, null, true, "NewsArticle"], '
        b'"headline": "x"}',
        "jsonld",
        "jsonld.type-invalid",
        True,
    ),
    Case(
        "item 16: a remote context beside schema.org (valid, but said to be unfetched)",
        b'{"@context": ["https://schema.org", "https://example.org/ctx"], '
        b'"@type": "NewsArticle", "headline": "x"}',
        "jsonld",
        "jsonld.context-remote",
        True,
        valid=True,
    ),
    Case(
        "item 16: invalid UTF-8 in a JSON-LD document",
        f'{{{ARTICLE}, "description": "caf\xe9"}}'.encode("latin-1"),
        "jsonld",
        "jsonld.encoding",
        True,
    ),
    Case(
        "item 20: an HTML script with 100,000 attributes",
        (
            '<html><head><script type="application/ld+json" '
            + " ".join(f'a{i}="{i}"' for i in range(100_000))
            + f">{{{ARTICLE}}}</script></head></html>"
        ).encode(),
        "jsonld",
        "jsonld.unreadable",
        False,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_document_gets_its_verdict(case: Case, with_shared_schemas: Path) -> None:
    """``validate`` reports the expected code (and the expected verdict); ``loads`` reads the
    document or refuses it with a NewsmodelError, never another exception."""
    report = validate(case.data, case.format)
    codes = {issue.code for issue in report.issues}
    if case.code is not None:
        assert case.code in codes, report.issues
    assert report.ok is case.valid, report.issues
    if case.loads_ok:
        assert loads(case.data, case.format)
    else:
        with pytest.raises(NewsmodelError):
            loads(case.data, case.format)


def test_a_pretty_printed_syntax_error_is_reported_where_it_is() -> None:
    """Item 17: the JSON Lines guess no longer wins over the real error (it said ``1:2``)."""
    data = b'{\n  "id": "a",\n  "headline": ,\n  "body": "x"\n}\n'
    report = validate(data, "json")
    [issue] = report.issues
    assert (issue.code, issue.location.line, issue.location.column) == ("json.syntax", 3, 15)
    with pytest.raises(NewsmodelError, match=r"^3:15: "):
        loads(data, "json")


def test_json_lines_still_report_the_broken_line() -> None:
    """JSON Lines whose first line is whole: an error is located on its own line."""
    data = b'{"a": 1}\n{"b": 2}\n{"c": }\n'
    [issue] = validate(data, "json").issues
    assert (issue.location.line, issue.location.column) == (3, 7)


NEWSML_ITEM = f'<?xml version="1.0" encoding="UTF-8"?>\n{ITEM}'

DETECTION = [
    (
        "an HTML page mentioning <newsItem in a script",
        b'<!DOCTYPE html><html><head><script>var s = "<newsItem>";</script>'
        b'<script type="application/ld+json">{}</script></head></html>',
        "jsonld",
    ),
    (
        "an HTML page linking the G2 namespace",
        b'<html><body><a href="http://iptc.org/std/nar/2006-10-01/">G2</a></body></html>',
        "jsonld",
    ),
    (
        "XHTML with a declaration and a comment holding <newsItem>",
        b'<?xml version="1.0"?><!-- <newsItem> --><html xmlns="http://www.w3.org/1999/xhtml"/>',
        "jsonld",
    ),
    (
        "a newsItem whose content quotes HTML",
        f"<newsItem {G2}><![CDATA[<html><script>]]></newsItem>".encode(),
        "newsml",
    ),
    (
        "a prefixed newsMessage after a DOCTYPE with a subset",
        b'<!DOCTYPE m [<!ENTITY a "<html>">]><g2:newsMessage xmlns:g2="x"/>',
        "newsml",
    ),
    *(
        (
            f"NewsML-G2 in {codec}",
            NEWSML_ITEM.replace("UTF-8", codec.upper()[:6]).encode(codec),
            "newsml",
        )
        for codec in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be")
    ),
    ("an HTML page in UTF-16", "<html><body>x</body></html>".encode("utf-16"), "jsonld"),
]


@pytest.mark.parametrize(
    ("data", "expected"), [(d, e) for _, d, e in DETECTION], ids=[name for name, _, _ in DETECTION]
)
def test_the_format_is_detected_by_structure(data: bytes, expected: str) -> None:
    """Item 18: the root element decides, whatever the document mentions; BOMs and
    BOM-less UTF-16/32 are honoured."""
    assert detect(data) == expected


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_bomless_utf16_and_utf32_newsml_is_read(codec: str) -> None:
    """Detected, and read: the hardened parser transcodes it before checking the prolog."""
    data = NEWSML_ITEM.replace("UTF-8", codec[:6].upper()).encode(codec)
    [article] = loads(data)
    assert article.provenance.format == "newsml"


def test_a_bomless_utf16_doctype_is_still_refused() -> None:
    """The prolog check sees a DOCTYPE in UTF-16 without a BOM (it saw only bytes before)."""
    data = f'<!-- <a --><!DOCTYPE x SYSTEM "/etc/passwd">{ITEM}'.encode("utf-16-le")
    assert "xml.doctype" in {issue.code for issue in validate(data, "newsml").issues}
