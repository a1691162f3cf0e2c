"""HTML pages read as a publisher means them, issues placed in the page, and schema installs
readable by every user (issue #12)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import newsmodel
from newsmodel.validation import validate
from newsmodel.validation.resources import install

PAGE = """<!DOCTYPE html>
<html lang="uk">
<head>
<script type="application/ld+json">
{"@context": "https://schema.org",
 "@type": "NewsArticle",
 "headline": "Заголовок",
 "mainEntityOfPage": {"@type": "WebPage", "@id": "https://example.ua/news/1"},
 "datePublished": "2025-11-07T09:30:00+02:00",
 "articleBody": "Текст."}
</script>
</head><body><p>Текст.</p></body></html>
"""


def test_main_entity_of_page_is_the_url_and_html_lang_the_language() -> None:
    [article] = newsmodel.loads(PAGE.encode(), "jsonld")
    assert article.url == "https://example.ua/news/1"
    assert article.language == "uk"
    assert not any("mainEntityOfPage" in item for item in article.provenance.unmapped)


def test_main_entity_of_page_as_text_and_in_language_wins_over_html_lang() -> None:
    page = PAGE.replace(
        '{"@type": "WebPage", "@id": "https://example.ua/news/1"}', '"https://example.ua/news/2"'
    )
    page = page.replace('"articleBody"', '"inLanguage": "ru", "articleBody"')
    [article] = newsmodel.loads(page.encode(), "jsonld")
    assert article.url == "https://example.ua/news/2"
    assert article.language == "ru"


def test_semantic_issues_in_a_page_carry_the_propertys_line_and_column(
    with_shared_schemas: Path,
) -> None:
    page = PAGE.replace('"headline": "Заголовок",', '"headline": "Заголовок", "autor": "Я",')
    report = validate(page.encode(), "jsonld")
    [issue] = [issue for issue in report.issues if issue.code == "jsonld.unknown-property"]
    lines = page.split("\n")
    assert issue.location.line == 7
    assert issue.location.column == lines[6].index('"autor"') + 1
    assert issue.location.pointer == "/autor"


def test_locate_follows_objects_arrays_and_escapes() -> None:
    from newsmodel.validation.positions import line_column, locate

    text = '{"a": [1, {"b/c": {"~d": 2}}], "e": {}, "f": [[], [3]]}'
    offsets = locate(text, {"/a/1/b~1c/~0d", "/f/1/0", "/e", "/missing"})
    assert text[offsets["/a/1/b~1c/~0d"] :].startswith('"~d"')
    assert text[offsets["/f/1/0"] :].startswith("3")
    assert text[offsets["/e"] :].startswith('"e"')
    assert "/missing" not in offsets
    assert line_column("ab\ncd", 4) == (2, 2)


@pytest.mark.parametrize("umask", [0o022, 0o002])
def test_schemas_install_gives_files_the_umasks_mode(
    umask: int, shared_schemas: Path, tmp_path: Path
) -> None:
    previous = os.umask(umask)
    try:
        folders = install(["newsml-g2"], target=tmp_path / "schemas", source=shared_schemas)
    finally:
        os.umask(previous)
    files = list(folders["newsml-g2"].iterdir())
    assert files
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask, path.name
