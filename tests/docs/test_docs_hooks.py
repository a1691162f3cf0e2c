"""The documentation site's build hooks: diagrams drawn from text offline, code in tables
that never breaks mid-word, and an anchor for every issue code (issue #12)."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import ModuleType

import pytest

from tests.modules import load_module

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def hook() -> ModuleType:
    return load_module("diagrams_hook", ROOT / "docs" / "_hooks" / "diagrams.py")


def test_the_site_uses_the_hook_and_its_stylesheet() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n  - docs/_hooks/diagrams.py" in config.split("hooks:", 1)[1]
    assert "\n  - stylesheets/extra.css" in config.split("extra_css:", 1)[1]
    css = (ROOT / "docs" / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    assert "word-break: normal" in css
    assert "overflow-wrap: normal" in css


def test_the_pages_people_look_for_have_diagrams() -> None:
    for page in ("index.md", "model.md", "formats.md"):
        assert "```dot" in (ROOT / "docs" / page).read_text(encoding="utf-8"), page


@pytest.mark.skipif(
    shutil.which("dot") is None, reason="Graphviz's dot is not installed (apt-get install graphviz)"
)
def test_a_dot_block_becomes_an_inline_svg(hook: ModuleType) -> None:
    class Page:
        class file:  # noqa: N801 - stands in for mkdocs' File
            src_uri = "index.md"

    markdown = "Before\n\n```dot\ndigraph { a -> b }\n```\n\nAfter\n"
    html = hook.on_page_markdown(markdown, page=Page())
    assert "<svg" in html
    assert "```" not in html
    assert "<script" not in html
    assert "http" not in html.split("<svg", 1)[1].split(">", 1)[0].replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    ).replace('xmlns:xlink="http://www.w3.org/1999/xlink"', "")


def test_code_in_a_table_breaks_after_slashes_only(hook: ModuleType) -> None:
    html = '<table><tr><td><code>contentMeta/description[@role="drol:summary"]</code></td></tr>'
    out = hook.on_page_content(html)
    assert "contentMeta/<wbr>description[<wbr>@role" in out
    assert "<p><code>a/b</code></p>" in hook.on_page_content("<p><code>a/b</code></p>")


def test_every_issue_code_row_gets_its_anchor(hook: ModuleType) -> None:
    html = "<tr>\n<td><code>jsonld.unknown-type</code></td><td>error</td></tr>"
    assert '<tr id="jsonld.unknown-type">' in hook.anchor_codes(html)
