"""The command line with JSON-LD: convert --base-uri, and validate pages compiler-style."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from newsmodel.cli import main

GOOD = (
    b'{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H", '
    b'"image": "https://x.example/i.jpg", "datePublished": "2025-11-07", '
    b'"author": {"@type": "Person", "name": "Jane Doe"}}'
)


def test_convert_to_jsonld_uses_the_base_uri(
    seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--base-uri sets the @id of the article and, under it, of every entity."""
    assert (
        main(
            [
                "convert",
                str(seed_path),
                "--to",
                "jsonld",
                "--base-uri",
                "https://news.example.org/a/",
            ]
        )
        == 0
    )
    graph = orjson.loads(capsys.readouterr().out)["@graph"]
    assert graph[0]["@id"] == "https://news.example.org/a/000_b4df3ac546630d11"
    assert all(node["@id"].startswith(graph[0]["@id"]) for node in graph)


def test_convert_reads_an_html_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An HTML page's JSON-LD block converts to our JSON, with its provenance."""
    page = tmp_path / "page.html"
    page.write_bytes(
        b'<html><head><script type="application/ld+json">' + GOOD + b"</script></head></html>"
    )
    assert main(["convert", str(page), "--to", "json"]) == 0
    article = orjson.loads(capsys.readouterr().out)
    assert (article["headline"], [a["name"] for a in article["authors"]]) == ("H", ["Jane Doe"])
    assert article["provenance"]["format"] == "jsonld"


def test_validate_prints_issues_with_block_and_pointer(
    tmp_path: Path, with_shared_schemas: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 1 on an invalid page; each issue names the block, the pointer and the code."""
    page = tmp_path / "page.html"
    page.write_bytes(
        b'<html><head><script type="application/ld+json">'
        + GOOD.replace(b"NewsArticle", b"NewsArticel")
        + b"</script></head></html>"
    )
    assert main(["validate", str(page)]) == 1
    out = capsys.readouterr().out
    assert "(block 0) at /@type [jsonld.unknown-type]" in out
    assert "did you mean 'NewsArticle'" in out


def test_validate_good_block_exits_zero(
    tmp_path: Path, with_shared_schemas: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A correct document is valid: exit 0 and no issue lines."""
    document = tmp_path / "good.jsonld"
    document.write_bytes(GOOD)
    assert main(["validate", str(document)]) == 0
    assert capsys.readouterr().out == ""
