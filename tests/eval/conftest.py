"""The development articles (``../shared/eval/gold``: the ``ng_*`` articles and the seed),
each parsed and exported once per session, for the evaluation tests that score them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsmodel.evaluate import exported_article, read_gold
from newsmodel.evaluate.gold import find_document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="session")
def gold_dir(shared: Path) -> Path:
    folder = shared / "eval" / "gold"
    if not any(folder.glob("ng_*.json")):
        pytest.skip(f"{folder} holds no development gold files (ng_*.json)")
    return folder


@pytest.fixture(scope="session")
def dev_articles(gold_dir: Path) -> dict[str, tuple[Path, dict[str, Any], dict[str, Any]]]:
    """``stem -> (gold path, gold, exported article)`` for every gold file, parsed once."""
    out = {}
    for path in sorted(gold_dir.glob("*.json")):
        gold = read_gold(path)
        text = find_document(path, gold["document"], SEEDS)
        out[path.stem] = (
            path,
            json.loads(path.read_text(encoding="utf-8")),
            exported_article(text),
        )
    return out
