"""The compiled schema.org vocabulary: types, properties, suggestions, and term resolution."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsmodel.validation.vocabulary import (
    compile_vocabulary,
    is_schemaorg_iri,
    load_vocabulary,
    term_name,
)


def test_vocabulary_is_found_compiled_and_cached(with_shared_schemas: Path) -> None:
    """The installed 30.0 release compiles once; a second call returns the same object."""
    vocabulary = load_vocabulary()
    assert vocabulary is not None
    assert vocabulary.version == "30.0"
    assert load_vocabulary() is vocabulary


def test_types_know_their_supertypes_and_subtypes(with_shared_schemas: Path) -> None:
    """NewsArticle is an Article and a CreativeWork; Article's subtypes include the news ones."""
    vocabulary = load_vocabulary()
    assert vocabulary is not None
    assert vocabulary.is_a("ReportageNewsArticle", "CreativeWork")
    articles = vocabulary.subtypes("Article")
    assert {"NewsArticle", "BlogPosting", "LiveBlogPosting", "Report"} <= articles
    assert vocabulary.is_a("Country", "Place")


def test_properties_have_domains_ranges_and_status(with_shared_schemas: Path) -> None:
    """author takes Person/Organization on CreativeWork; superseded and pending are known."""
    vocabulary = load_vocabulary()
    assert vocabulary is not None
    author = vocabulary.properties["author"]
    assert {"Person", "Organization"} <= author.ranges
    assert vocabulary.takes(["NewsArticle"], author)
    assert not vocabulary.takes(["Person"], vocabulary.properties["articleBody"])
    assert vocabulary.properties["events"].superseded_by == "event"
    assert "NewsMediaOrganization" in vocabulary.pending_types
    assert vocabulary.members["True"] == "Boolean"


@pytest.mark.parametrize(
    ("term", "suggestion"),
    [
        ("NewsArticel", "NewsArticle"),
        ("datepublished", "datePublished"),
        ("Webpage", "WebPage"),
        ("wordcount", "wordCount"),
        ("zzzzqqq", None),
    ],
)
def test_suggestions(with_shared_schemas: Path, term: str, suggestion: str | None) -> None:
    """A wrong case or a near spelling gets the real term; nonsense gets nothing."""
    vocabulary = load_vocabulary()
    assert vocabulary is not None
    assert vocabulary.suggest(term) == suggestion


def test_missing_vocabulary_is_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not installed anywhere: None, never a download."""
    monkeypatch.setenv("NEWSMODEL_SCHEMA_DIR", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert load_vocabulary() is None


def test_compile_minimal_release() -> None:
    """The compiler reads the release's own shape (schema: prefixes, @graph)."""
    document = {
        "@graph": [
            {"@id": "schema:Thing", "@type": "rdfs:Class"},
            {
                "@id": "schema:Place",
                "@type": "rdfs:Class",
                "rdfs:subClassOf": {"@id": "schema:Thing"},
            },
            {
                "@id": "schema:name",
                "@type": "rdf:Property",
                "schema:domainIncludes": {"@id": "schema:Thing"},
                "schema:rangeIncludes": {"@id": "schema:Text"},
            },
        ]
    }
    vocabulary = compile_vocabulary(document, "test")
    assert vocabulary.types["Place"] == frozenset({"Place", "Thing"})
    assert vocabulary.properties["name"].ranges == frozenset({"Text"})


@pytest.mark.parametrize(
    ("key", "term"),
    [
        ("headline", "headline"),
        ("schema:headline", "headline"),
        ("http://schema.org/headline", "headline"),
        ("https://www.schema.org/headline", "headline"),
        ("dc:title", None),
        ("@id", None),
        ("http://purl.org/dc/terms/title", None),
    ],
)
def test_term_name(key: str, term: str | None) -> None:
    """Keys resolve to schema.org terms the way schema.org's context makes them."""
    assert term_name(key) == term


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://schema.org", True),
        ("http://schema.org/", True),
        ("http://www.schema.org", True),
        ("https://schema.org/docs", False),
        ("https://example.org", False),
        (None, False),
    ],
)
def test_is_schemaorg_iri(value: object, expected: bool) -> None:
    """Only schema.org's own base IRI, in its spellings, is schema.org."""
    assert is_schemaorg_iri(value) is expected
