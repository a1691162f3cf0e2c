"""What a new user installs is what the README says, and nothing the code does not use (#12)."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
README = (ROOT / "README.md").read_text(encoding="utf-8")

NOT_IMPORTED = {
    "pymorphy3-dicts-uk": "the Ukrainian dictionary: data pymorphy3 loads by its name",
    "dawg2": "pymorphy3's fast dictionary backend, used by pymorphy3 when installed",
}
"""Runtime dependencies that src/ rightly never imports itself."""

IMPORT_NAMES = {"lingua-language-detector": "lingua", "jsonschema-rs": "jsonschema_rs"}
"""Distributions whose import name is not their name with ``_`` for ``-``."""

PULLED_IN = ("pymorphy3-dicts-ru", "dawg2-python")
"""What a runtime dependency requires that a user should know is installed (pymorphy3's)."""


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower()


def _runtime() -> list[str]:
    return [_name(requirement) for requirement in PYPROJECT["project"]["dependencies"]]


def _dependency_rows() -> dict[str, str]:
    """package -> licence, from the README's runtime dependency table."""
    section = README.split("## Dependencies", 1)[1].split("Optional extras", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] not in ("package", "---"):
            rows[cells[0].split()[0].lower()] = cells[2]
    return rows


def test_every_runtime_dependency_is_used_by_the_code() -> None:
    code = "\n".join(
        path.read_text(encoding="utf-8") for path in (ROOT / "src" / "newsmodel").rglob("*.py")
    )
    unused = [
        name
        for name in _runtime()
        if name not in NOT_IMPORTED
        and not re.search(
            rf"^\s*(?:import|from)\s+{IMPORT_NAMES.get(name, name.replace('-', '_'))}\b",
            code,
            re.MULTILINE,
        )
    ]
    assert unused == [], "runtime dependencies src/ never imports: move them to an extra"


def test_the_readme_lists_every_installed_package_with_its_licence() -> None:
    rows = _dependency_rows()
    missing = [name for name in [*_runtime(), *PULLED_IN] if name not in rows]
    assert missing == []
    for name, licence in rows.items():
        try:
            metadata = importlib.metadata.metadata(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        expression = metadata.get("License-Expression")
        if expression:
            assert licence.startswith(expression), f"{name}: its metadata says {expression}"


def test_the_project_has_the_licence_its_metadata_names() -> None:
    assert PYPROJECT["project"]["license"] == "MIT"
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "Permission is hereby granted, free of charge" in text


def test_the_quick_start_creates_a_virtual_environment_first() -> None:
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    venv = quick.find("python3 -m venv .venv && . .venv/bin/activate")
    install = quick.find("pip install -e '.[test]'")
    assert 0 <= venv < install, "say how to make a virtual environment before pip install"
    assert "externally" in quick


def test_tokenize_uk_is_in_the_extra_of_the_tests_and_benchmarks_that_use_it() -> None:
    extra = PYPROJECT["project"]["optional-dependencies"]["test"]
    assert "tokenize-uk" in {_name(requirement) for requirement in extra}
