"""Reading publishers' JSON-LD: shapes seen in the wild, mapped onto the model, nothing dropped."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import orjson
import pytest

from newsmodel import loads
from newsmodel.errors import DocumentError, NewsmodelError
from newsmodel.formats.jsonld import read_date
from newsmodel.models import Article, PlaceKind

PLUS1 = timezone(timedelta(hours=1))
PLUS2 = timezone(timedelta(hours=2))


def read(document: Any) -> Article:
    [article] = loads(orjson.dumps(document), "jsonld")
    return article


def article(**props: Any) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H", **props}


@pytest.mark.parametrize(
    "context",
    [
        "https://schema.org",
        "http://schema.org",
        "http://schema.org/",
        "https://www.schema.org",
        ["http://schema.org", "http://schema.org"],
        {"@vocab": "http://schema.org/"},
    ],
)
def test_every_schema_org_context_spelling_is_read(context: Any) -> None:
    """http or https, www or not, trailing slash, a list, a @vocab object: all schema.org."""
    assert read({"@context": context, "@type": "NewsArticle", "headline": "H"}).headline == "H"


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("Jane Doe", ["Jane Doe"]),
        ({"@type": "Person", "name": "Jane Doe"}, ["Jane Doe"]),
        ({"@type": "Organization", "name": "Reuters"}, ["Reuters"]),
        ({"name": "Jane Doe"}, ["Jane Doe"]),
        ([{"@type": "Person", "name": "A"}, "B"], ["A", "B"]),
    ],
)
def test_author_in_every_shape(author: Any, expected: list[str]) -> None:
    """A string, a Person, an Organization, an untyped object or a list: the names, in order."""
    assert [a.name for a in read(article(author=author)).authors] == expected


def test_references_resolve_inside_a_graph() -> None:
    """author and publisher given as @id references are looked up in the @graph."""
    document = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": "https://x.example/#page"},
            {
                "@type": "NewsArticle",
                "@id": "https://x.example/#article",
                "headline": "H",
                "author": {"@id": "https://x.example/#jane"},
                "publisher": {"@id": "https://x.example/#org"},
            },
            {"@type": "Person", "@id": "https://x.example/#jane", "name": "Jane Doe"},
            {"@type": "Organization", "@id": "https://x.example/#org", "name": "X News"},
        ],
    }
    result = read(document)
    assert ([a.name for a in result.authors], result.publisher) == (["Jane Doe"], "X News")
    assert result.id == "https://x.example/#article"


def test_a_reference_to_a_node_outside_the_document_is_listed_not_invented() -> None:
    """An author the document only names by @id has no name: it is recorded as unmapped."""
    result = read(article(author={"@id": "https://x.example/#someone"}))
    assert result.authors == []
    assert any("someone" in item for item in result.provenance.unmapped)


@pytest.mark.parametrize(
    ("keywords", "expected"),
    [("a, b ,c", ["a", "b", "c"]), (["a, b", "c"], ["a, b", "c"]), ("", [])],
)
def test_keywords_as_list_or_comma_string(keywords: Any, expected: list[str]) -> None:
    """A bare string is split at commas; list items are kept as given."""
    assert read(article(keywords=keywords)).keywords == expected


def test_array_of_documents_gives_every_article() -> None:
    """A top-level array holds several documents; each article-like node is an article."""
    data = orjson.dumps(
        [
            article(headline="One"),
            {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Two"},
        ]
    )
    assert [a.headline for a in loads(data, "jsonld")] == ["One", "Two"]


def test_nested_updates_of_a_live_blog_are_not_separate_articles() -> None:
    """A LiveBlogPosting's BlogPosting updates belong to it; only the live blog is an article."""
    document = article(
        **{
            "@type": "LiveBlogPosting",
            "liveBlogUpdate": [{"@type": "BlogPosting", "headline": "update"}],
        }
    )
    [result] = loads(orjson.dumps(document), "jsonld")
    assert result.headline == "H"
    assert "LiveBlogPosting.liveBlogUpdate" in result.provenance.unmapped


def test_unmappable_properties_are_listed() -> None:
    """What the model has no place for is named in provenance.unmapped, by type and term."""
    result = read(
        article(
            image="https://x.example/i.jpg",
            dateModified="2025-01-01",
            isAccessibleForFree=True,
            publisher={"@type": "Organization", "name": "X", "logo": {"@type": "ImageObject"}},
        )
    )
    assert {"NewsArticle.isAccessibleForFree", "NewsArticle.publisher.logo"} <= set(
        result.provenance.unmapped
    )
    assert ([i.url for i in result.images], str(result.date_modified)) == (
        ["https://x.example/i.jpg"],
        "2025-01-01",
    )
    assert result.provenance.format == "jsonld"


def test_entities_linked_from_the_article_become_ours() -> None:
    """mentions, about and contentLocation bring people, organisations, places and events."""
    result = read(
        article(
            mentions=[
                {
                    "@type": "Person",
                    "name": "Jane Doe",
                    "jobTitle": "minister",
                    "affiliation": {"@type": "GovernmentOrganization", "name": "Ministry"},
                }
            ],
            contentLocation={"@type": "City", "name": "Kyiv"},
            about={
                "@type": "Event",
                "name": "Summit",
                "startDate": "2024-06",
                "location": {"@type": "Country", "name": "Ukraine"},
                "organizer": {"@type": "Person", "name": "Jane Doe"},
            },
        )
    )
    [person] = result.persons
    assert (person.name, person.job_title) == ("Jane Doe", "minister")
    [org] = result.organisations
    assert person.affiliation == [org.id]
    kinds = {place.name: place.kind for place in result.places}
    assert kinds == {"Kyiv": PlaceKind.CITY, "Ukraine": PlaceKind.COUNTRY}
    [event] = result.events
    assert str(event.start_date) == "2024-06"
    assert [place.name for place in result.places if place.id in event.location] == ["Ukraine"]


def test_non_iso_date_is_read_with_a_warning() -> None:
    """An RFC 822 date is unambiguous: read, and the guess is recorded."""
    result = read(article(datePublished="Tue, 4 May 2021 19:18:00 +0200"))
    assert result.date_published == datetime(2021, 5, 4, 19, 18, tzinfo=PLUS2)
    assert any("not ISO 8601" in warning for warning in result.provenance.warnings)


def test_ambiguous_date_is_left_out_with_a_warning() -> None:
    """10/05/2022 could be May or October: no date rather than a wrong one."""
    result = read(article(datePublished="10/05/2022 05:22 pm"))
    assert result.date_published is None
    assert any("10/05/2022" in warning for warning in result.provenance.warnings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-11-07", date(2025, 11, 7)),
        ("2018-12-22T00:00:00+0100", datetime(2018, 12, 22, tzinfo=PLUS1)),
        ("2022-05-04T03:00:00 UTC", datetime(2022, 5, 4, 3, tzinfo=UTC)),
        ("2021-01-03T17:40:00EET", datetime(2021, 1, 3, 17, 40, tzinfo=PLUS2)),
        ("2022-5-3T23:57:00", datetime(2022, 5, 3, 23, 57)),
        ("Tue Jan 28 15:28:56 CET 2020", datetime(2020, 1, 28, 15, 28, 56, tzinfo=PLUS1)),
        ("Wed, 04 May 2022 02:41:00 GMT", datetime(2022, 5, 4, 2, 41, tzinfo=UTC)),
        ("11.11.2021", date(2021, 11, 11)),
        ("20180619T055000+0900", datetime(2018, 6, 19, 5, 50, tzinfo=timezone(timedelta(hours=9)))),
        ("May 12, 2021", date(2021, 5, 12)),
    ],
)
def test_read_date_accepts_unambiguous_forms(text: str, expected: date) -> None:
    """Each form publishers use that has one meaning is read to that meaning."""
    assert read_date(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "10/05/2022",
        "2018-11-28CET11:59:00+0100",
        "2020-01-10T00:59:47ZZ",
        "",
        "Tue Jan 28 15:28:56 CST 2020",
        "2025-02-30",
    ],
)
def test_read_date_refuses_ambiguous_or_broken_forms(text: str) -> None:
    """Ambiguous zones (CST), day/month order, impossible days: no date, and a reason."""
    value, reason = read_date(text)
    assert value is None
    assert reason


def test_html_page_blocks_are_read_and_broken_blocks_skipped_with_a_warning() -> None:
    """Every ld+json block of a page is read; a broken one is named in the warnings."""
    page = (
        b'<!doctype html><html><head><script type="application/ld+json">{oops}</script>'
        b"<script type='application/ld+json; charset=utf-8'>"
        + orjson.dumps(article(headline="From HTML"))
        + b"</script></head></html>"
    )
    [result] = loads(page, "jsonld", source="page.html")
    assert result.headline == "From HTML"
    assert any("block 0 skipped" in warning for warning in result.provenance.warnings)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"{not json", "not valid JSON"),
        (b'{"@context": "https://schema.org", "@type": "Recipe", "name": "Soup"}', "Recipe"),
        (b"<html><body>no blocks</body></html>", "no <script"),
    ],
)
def test_garbage_is_a_newsmodel_error_naming_the_problem(data: bytes, message: str) -> None:
    """Unreadable input raises a DocumentError (never a bare exception) that says why."""
    with pytest.raises(NewsmodelError, match=message):
        loads(data, "jsonld")


def test_syntax_error_gives_line_and_column() -> None:
    """A JSON error is located so the publisher can find it."""
    with pytest.raises(DocumentError) as caught:
        loads(b'{\n  "headline": "a",\n  "x": }', "jsonld", source="f.jsonld")
    assert "f.jsonld:3:" in str(caught.value)


def test_name_is_the_headline_when_headline_is_missing() -> None:
    """A BlogPosting with only a name still gets a headline, and the guess is recorded."""
    result = read({"@context": "https://schema.org", "@type": "BlogPosting", "name": "N"})
    assert result.headline == "N"
    assert result.provenance.warnings


@pytest.mark.parametrize(
    "wrapper", [("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("/*<![CDATA[*/", "/*]]>*/")]
)
def test_wrapped_blocks_are_detected_and_read_without_a_format(wrapper: tuple[str, str]) -> None:
    """A block pasted with its comment or CDATA wrapper is still recognised as JSON-LD."""
    data = (wrapper[0] + "\n" + orjson.dumps(article()).decode() + "\n" + wrapper[1]).encode()
    [result] = loads(data)
    assert result.headline == "H"
    assert any("wrapper" in warning for warning in result.provenance.warnings)


def test_list_objects_hold_the_property_values() -> None:
    """{"@list": [...]} is an ordered list of the property's own values."""
    result = read(
        article(
            author={"@list": [{"@type": "Person", "name": "A"}, "B"]},
            keywords={"@list": ["x", "y"]},
        )
    )
    assert [a.name for a in result.authors] == ["A", "B"]
    assert result.keywords == ["x", "y"]
