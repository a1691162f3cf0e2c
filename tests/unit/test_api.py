"""The public API surface and its promises: formats, errors, schema freshness, layering."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

import newsmodel
from newsmodel.errors import FormatError
from newsmodel.schema import GENERATED, render

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "newsmodel"


def test_all_lists_only_names_that_exist() -> None:
    for name in newsmodel.__all__:
        assert getattr(newsmodel, name) is not None


def test_an_unknown_format_is_a_clear_error_listing_the_known_ones() -> None:
    article = newsmodel.parse_text("date 2025-11-07 Текст новини.")
    with pytest.raises(FormatError, match="unknown format 'yaml'") as caught:
        newsmodel.dumps(article, "yaml")
    assert "json" in str(caught.value)
    with pytest.raises(FormatError, match="known formats"):
        newsmodel.validate(b"{}", "yaml")


@pytest.mark.parametrize("filename", sorted(GENERATED))
def test_the_committed_schema_is_what_the_models_generate(filename: str) -> None:
    """Regenerate with `python -m newsmodel.schema` when the models change."""
    committed = (ROOT / "schemas" / filename).read_bytes()
    assert orjson.loads(committed) == GENERATED[filename](), "run: python -m newsmodel.schema"
    assert committed == render(GENERATED[filename]())


def test_parse_text_fills_what_the_text_states(seed_path: Path) -> None:
    article = newsmodel.parse_text(seed_path.read_text("utf-8"), source_id="seed")
    assert article.id == "seed"
    assert str(article.date_published) == "2025-11-07"
    assert article.language == "uk"
    assert article.headline
    assert len(article.headline) <= 110
    assert article.word_count > 300
    assert article.body.startswith("Північнокорейська влада")


def test_ids_are_stable_for_the_same_input() -> None:
    text = "date 2025-11-07 Текст новини про щось."
    assert newsmodel.parse_text(text).id == newsmodel.parse_text(text).id
    assert newsmodel.parse_text(text).id != newsmodel.parse_text(text + " Ще.").id


def test_date_argument_overrides_the_header() -> None:
    from datetime import date

    article = newsmodel.parse_text("date 2025-11-07 Текст.", date=date(2020, 1, 2))
    assert str(article.date_published) == "2020-01-02"


def test_text_that_is_not_ukrainian_gets_its_language_and_a_warning() -> None:
    article = newsmodel.parse_text(
        "date 2025-11-07 The minister said on Monday that the talks were over."
    )
    assert article.language == "en"
    assert any("not Ukrainian" in warning for warning in article.provenance.warnings)
    assert article.persons == []


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newsmodel"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("newsmodel"))
    return found


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


FORBIDDEN = {
    # layer: layers it must not import
    "models": {"extract", "formats", "validation", "cli", "batch", "evaluate"},
    "errors": {"models", "extract", "formats", "validation", "cli"},
    "validation": {"models", "extract", "formats", "cli"},
    "extract": {"formats", "validation", "cli"},
    "formats": {"extract", "cli"},
}


def test_import_rules_hold() -> None:
    """cli -> extract, formats, validation -> models -> errors; validation never imports models."""
    broken = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        layer = relative.parts[1] if len(relative.parts) > 1 else ""
        layer = layer.removesuffix(".py")
        for module in _imports(path):
            target = _layer(module)
            outside_cli = layer not in ("__main__", "cli")  # the cli package imports itself
            if target in FORBIDDEN.get(layer, set()) or (target == "cli" and outside_cli):
                broken.append(f"{relative} imports {module}")
    assert broken == []


def test_importing_newsmodel_is_lazy() -> None:
    """`import newsmodel` must not pull in pydantic or lxml (fast --version)."""
    code = (
        "import sys, newsmodel; print(any(m.startswith(('pydantic', 'lxml')) for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
