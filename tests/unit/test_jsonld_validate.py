"""The offline schema.org validator: every issue found, coded, located and quoting the value."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from newsmodel import validate
from newsmodel.validation import Report, Severity

GOOD: dict[str, Any] = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Talks in Pyongyang",
    "image": "https://x.example/i.jpg",
    "datePublished": "2025-11-07T09:30:00+02:00",
    "author": {"@type": "Person", "name": "Jane Doe"},
    "publisher": {"@type": "Organization", "name": "X News"},
}


def check(document: Any) -> Report:
    return validate(orjson.dumps(document), "jsonld")


def codes(report: Report) -> list[str]:
    return [issue.code for issue in report.issues]


def issue(report: Report, code: str) -> Any:
    found = [item for item in report.issues if item.code == code]
    assert found, f"no {code} in {codes(report)}"
    return found[0]


def test_good_article_has_no_issue(with_shared_schemas: Path) -> None:
    """A complete, correct NewsArticle passes every check."""
    report = check(GOOD)
    assert report.issues == []
    assert report.ok


def test_unknown_type_gets_a_did_you_mean(with_shared_schemas: Path) -> None:
    """NewsArticel is not a type; the message suggests NewsArticle and points at @type."""
    found = issue(check({**GOOD, "@type": "NewsArticel"}), "jsonld.unknown-type")
    assert "'NewsArticel'" in found.message
    assert "did you mean 'NewsArticle'" in found.message
    assert found.location.pointer == "/@type"
    assert found.severity is Severity.ERROR


def test_unknown_property_in_the_wrong_case_gets_the_right_one(with_shared_schemas: Path) -> None:
    """datepublished is datePublished written wrong."""
    found = issue(check({**GOOD, "datepublished": "2025-11-07"}), "jsonld.unknown-property")
    assert "did you mean 'datePublished'" in found.message
    assert found.location.pointer == "/datepublished"


def test_property_on_a_type_that_does_not_take_it(with_shared_schemas: Path) -> None:
    """articleBody belongs to Article, not to Person."""
    document = {**GOOD, "author": {"@type": "Person", "name": "J", "articleBody": "x"}}
    found = issue(check(document), "jsonld.property-domain")
    assert found.location.pointer == "/author/articleBody"


@pytest.mark.parametrize(
    "value", ["Tue Jan 28 15:28:56 CET 2020", "10/05/2022", "2022-5-5 22:17:36", ""]
)
def test_non_iso_date_is_a_range_error_quoting_it(with_shared_schemas: Path, value: str) -> None:
    """A Date/DateTime property with a non-ISO value is an error that quotes the value."""
    found = issue(check({**GOOD, "datePublished": value}), "jsonld.date-format")
    assert repr(value) in found.message
    assert found.location.pointer == "/datePublished"


def test_string_true_for_a_boolean(with_shared_schemas: Path) -> None:
    """isAccessibleForFree: "True" should be the JSON boolean true."""
    found = issue(check({**GOOD, "isAccessibleForFree": "True"}), "jsonld.boolean-text")
    assert "'True'" in found.message


def test_text_where_a_person_is_expected_is_a_warning(with_shared_schemas: Path) -> None:
    """author: "Jane" is text for a Person/Organization range (Google accepts it, warns)."""
    report = check({**GOOD, "author": "Jane Doe"})
    assert "jsonld.author-text" in codes(report)
    assert report.ok


def test_node_of_the_wrong_type_is_a_range_error(with_shared_schemas: Path) -> None:
    """author must be a Person or Organization, not an ImageObject."""
    report = check({**GOOD, "author": {"@type": "ImageObject", "url": "https://x.example/a"}})
    assert issue(report, "jsonld.range").location.pointer == "/author"


def test_referenced_node_type_is_range_checked(with_shared_schemas: Path) -> None:
    """A reference is looked up in the document before its range is checked."""
    document = {
        "@context": "https://schema.org",
        "@graph": [
            {**{k: v for k, v in GOOD.items() if k != "@context"}, "author": {"@id": "#img"}},
            {"@type": "ImageObject", "@id": "#img"},
        ],
    }
    assert issue(check(document), "jsonld.range").location.pointer == "/@graph/0/author"


def test_pending_terms_are_warnings(with_shared_schemas: Path) -> None:
    """A pending type is flagged but does not make the document invalid."""
    report = check({**GOOD, "publisher": {"@type": "NewsMediaOrganization", "name": "X"}})
    assert issue(report, "jsonld.pending-term").severity is Severity.WARNING
    assert report.ok


def test_role_pattern_is_accepted(with_shared_schemas: Path) -> None:
    """schema.org's Role repeats the property it qualifies; that is not a domain error."""
    event = {
        "@type": "Event",
        "name": "Talks",
        "attendee": {
            "@type": "Role",
            "roleName": "guest",
            "attendee": {"@type": "Person", "name": "J"},
        },
    }
    report = check({**GOOD, "about": event})
    assert [i for i in report.issues if i.severity is Severity.ERROR] == []


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"headline": None}, "jsonld.headline-missing"),
        ({"headline": "x" * 111}, "jsonld.headline-too-long"),
        ({"image": None}, "jsonld.image-missing"),
        ({"author": None}, "jsonld.author-missing"),
        ({"datePublished": None}, "jsonld.date-published-missing"),
        ({"datePublished": "2025-11-07T09:30:00"}, "jsonld.date-no-zone"),
        ({"author": {"@type": "Person", "name": "By Jane Doe"}}, "jsonld.author-byline"),
        ({"author": {"@type": "Person", "name": "Jane Doe and John Roe"}}, "jsonld.author-several"),
        ({"author": {"@type": "Person"}}, "jsonld.author-no-name"),
        ({"author": {"name": "Jane Doe"}}, "jsonld.type-missing"),
    ],
)
def test_google_article_guidance_warns(change: dict[str, Any], code: str) -> None:
    """Each piece of Google's article guidance is a warning, with or without the vocabulary."""
    document = {key: value for key, value in {**GOOD, **change}.items() if value is not None}
    report = check(document)
    assert issue(report, code).severity is Severity.WARNING
    assert report.ok


def test_without_vocabulary_one_warning_says_how_to_enable_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No vocabulary installed: structural and guidance checks run, vocabulary ones are skipped."""
    monkeypatch.setenv("NEWSMODEL_SCHEMA_DIR", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    report = check({**GOOD, "@type": "NewsArticel", "datePublished": "10/05/2022"})
    found = issue(report, "jsonld.vocabulary-missing")
    assert "newsmodel schemas install" in found.message
    assert "jsonld.unknown-type" not in codes(report)
    assert "jsonld.date-format" in codes(report)


def test_syntax_error_in_a_page_has_line_column_and_block() -> None:
    """A broken block in an HTML page is located in the page, with its block index."""
    page = (
        b'<html><head>\n<script type="application/ld+json">' + orjson.dumps(GOOD) + b"</script>\n"
        b'<script type="application/ld+json">\n{"@type": "NewsArticle",\n "x": }\n'
        b"</script></head></html>"
    )
    report = validate(page, "jsonld", source="page.html")
    found = issue(report, "jsonld.syntax")
    assert (found.location.line, found.location.block) == (5, 1)
    assert found.location.column == 7


def test_issues_in_a_page_carry_the_block_index(with_shared_schemas: Path) -> None:
    """Each issue of a page names its block, and its pointer is inside that block."""
    page = (
        b'<html><head><script type="application/ld+json">'
        + orjson.dumps(GOOD)
        + b'</script><script type="application/ld+json">'
        + orjson.dumps({**GOOD, "@type": "NewsArticel"})
        + b"</script></head></html>"
    )
    found = issue(validate(page, "jsonld"), "jsonld.unknown-type")
    assert (found.location.block, found.location.pointer) == (1, "/@type")


@pytest.mark.parametrize(
    ("text", "code", "severity"),
    [
        (
            '{"@context": "https://schema.org", "@type": "Thing", "name": "a",}',
            "jsonld.not-strict-json",
            Severity.ERROR,
        ),
        (
            '<!--\n{"@context": "https://schema.org", "@type": "Thing", "name": "a"}\n-->',
            "jsonld.wrapper",
            Severity.WARNING,
        ),
        ('{"@type": "Thing", "name": "a"}', "jsonld.context-missing", Severity.ERROR),
        ("", "jsonld.empty", Severity.ERROR),
    ],
)
def test_document_level_problems(text: str, code: str, severity: Severity) -> None:
    """Repairable JSON, wrappers, a missing context and emptiness are reported, not raised."""
    report = validate(text.encode(), "jsonld")
    assert issue(report, code).severity is severity


def test_validate_detects_jsonld_and_html() -> None:
    """validate() without a format routes JSON-LD documents and pages to this validator."""
    assert validate(orjson.dumps(GOOD)).format == "jsonld"
    assert validate(b"<!doctype html><html><head></head></html>").format == "jsonld"


def test_json_ld_keys_written_as_iris_are_the_same_terms(with_shared_schemas: Path) -> None:
    """schema:headline and http://schema.org/headline are headline."""
    document = {
        "@context": {"@vocab": "http://schema.org/", "schema": "http://schema.org/"},
        "@type": "schema:NewsArticle",
        "schema:headline": "H",
        "http://schema.org/image": "https://x.example/i.jpg",
        "datePublished": "2025-11-07",
        "author": {"@type": "Person", "name": "J"},
    }
    assert check(document).issues == []


def test_newsmodel_validate_is_the_function_whatever_was_imported_first() -> None:
    """A validation submodule imported first (as the JSON-LD reader does) shadows no function."""
    import subprocess
    import sys

    document = '{"@context": "https://schema.org", "@type": "Thing"}'
    code = (
        "import newsmodel.validation.vocabulary, newsmodel\n"
        "from newsmodel import validate\n"
        f"print(validate(b'{document}').format)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "jsonld"


def test_guidance_applies_to_the_page_article_not_to_side_notes(with_shared_schemas: Path) -> None:
    """An Article nested as an image's associatedArticle is not held to Google's guidance."""
    image = {
        "@type": "ImageObject",
        "url": "https://x.example/i.jpg",
        "associatedArticle": {"@type": "NewsArticle", "url": "https://x.example/other"},
    }
    assert check({**GOOD, "image": image}).issues == []


def test_html_entities_in_an_author_name_are_not_several_people(with_shared_schemas: Path) -> None:
    """O&#039;Donnell has an ampersand only because of an HTML entity."""
    report = check({**GOOD, "author": {"@type": "Person", "name": "Lindsey O&#039;Donnell"}})
    assert report.issues == []


def test_misspelt_article_type_still_gets_the_guidance(with_shared_schemas: Path) -> None:
    """NewsArticel is an error, and the article it was meant to be is still checked."""
    report = check({**GOOD, "@type": "NewsArticel", "author": "By Jane Doe"})
    assert {"jsonld.unknown-type", "jsonld.author-byline"} <= set(codes(report))
