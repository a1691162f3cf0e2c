"""Shared fixtures: the project's seeds, and the team's ``../shared`` folder when it is there.

Tests that need ``../shared`` (corpora, IPTC/schema.org schemas, evaluation data) ask for the
``shared`` fixture (or one built on it) and are skipped, with the reason, when it is absent.
``NEWSMODEL_SHARED`` points elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_b4df3ac546630d11.txt"
PLAIN_SOURCE_RUN = "NEWSMODEL_TEST_PLAIN_SOURCE"
"""Set by ``test_compiled_parser`` for its run of the ``replaces_parser_code`` tests on a copy
of the plain source."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test that puts its own function in the parser's place measures nothing in a compiled
    parser, whose modules call their functions directly: there it is skipped, and
    ``test_compiled_parser`` runs it on the plain source instead."""
    from newsmodel.cli.common import parser_is_compiled

    if not parser_is_compiled() or os.environ.get(PLAIN_SOURCE_RUN) == "1":
        return
    skip = pytest.mark.skip(
        reason="replaces parser code, which the compiled parser calls past: "
        "tests/unit/test_compiled_parser.py runs it on the plain source"
    )
    for item in items:
        if item.get_closest_marker("replaces_parser_code") is not None:
            item.add_marker(skip)


def _shared_dir() -> Path:
    configured = os.environ.get("NEWSMODEL_SHARED")
    return Path(configured) if configured else ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The team's shared folder; tests using it skip when it is missing."""
    folder = _shared_dir()
    if not folder.is_dir():
        pytest.skip(f"../shared is absent ({folder}); set NEWSMODEL_SHARED to run this test")
    return folder


@pytest.fixture(scope="session")
def shared_schemas(shared: Path) -> Path:
    """A schema folder laid out as ``newsmodel schemas install`` writes it."""
    folder = shared / "schemas"
    if not (folder / "newsml-g2").is_dir():
        pytest.skip(f"{folder}/newsml-g2 is absent")
    return folder


@pytest.fixture
def with_shared_schemas(shared_schemas: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point NEWSMODEL_SCHEMA_DIR at ``../shared/schemas`` for one test."""
    monkeypatch.setenv("NEWSMODEL_SCHEMA_DIR", str(shared_schemas))
    return shared_schemas


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_article():  # type: ignore[no-untyped-def]
    """The seed parsed once per session (parsing is deterministic)."""
    from newsmodel import parse_file

    return parse_file(SEED)
