"""The compiled parser (``setup.py``: mypyc over ``src/newsmodel/extract``) is its Python source.

An editable install builds the compiled modules beside their source, and Python imports a
compiled module before the ``.py`` of the same name: a module edited after the install would
be silently ignored.  These tests catch that, and that compiling changed no result.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

import newsmodel
from newsmodel import parse_text
from newsmodel.cli.common import parser_is_compiled, version_line
from tests.conftest import PLAIN_SOURCE_RUN

PACKAGE = Path(newsmodel.__file__).resolve().parent
ROOT = Path(__file__).resolve().parents[2]
SHARED_GOLD = ROOT.parent / "shared" / "eval" / "gold"


def _compiled_modules() -> list[Path]:
    return sorted(
        {
            path
            for suffix in EXTENSION_SUFFIXES
            for path in (PACKAGE / "extract").rglob(f"*{suffix}")
        }
    )


def _source_of(compiled: Path) -> Path:
    return compiled.with_name(compiled.name.split(".", 1)[0] + ".py")


needs_compiled = pytest.mark.skipif(
    not _compiled_modules(),
    reason="the parser is plain Python here (NEWSMODEL_PURE_PYTHON=1 or no C compiler)",
)


def test_version_says_whether_the_parser_is_compiled() -> None:
    expected = "compiled parser" if _compiled_modules() else "plain Python parser"
    assert parser_is_compiled() == bool(_compiled_modules())
    assert version_line().endswith(f"({expected})")


@needs_compiled
def test_no_compiled_module_is_older_than_its_source() -> None:
    stale = [
        str(_source_of(compiled).relative_to(PACKAGE))
        for compiled in _compiled_modules()
        if _source_of(compiled).stat().st_mtime > compiled.stat().st_mtime
    ]
    assert stale == [], (
        f"edited since they were compiled, so Python runs the old code: {stale}; "
        "run `pip install -e .` again to rebuild them"
    )


def _uncompiled_names() -> set[str]:
    """``setup.py``'s ``UNCOMPILED``: the file names the build leaves as Python."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "UNCOMPILED":
            assert isinstance(node.value, ast.Call)  # frozenset({...})
            names: set[str] = ast.literal_eval(node.value.args[0])
            return names
    raise AssertionError("setup.py defines no UNCOMPILED")


@needs_compiled
def test_every_parser_module_is_compiled_when_one_is() -> None:
    uncompiled = _uncompiled_names()
    assert "__init__.py" in uncompiled
    sources = {path for path in (PACKAGE / "extract").rglob("*.py") if path.name not in uncompiled}
    compiled = {_source_of(path) for path in _compiled_modules()}
    assert sources - compiled == set()
    assert {path.name for path in compiled} & uncompiled == set()  # none left by an old build


def _plain_source(tmp_path: Path) -> dict[str, str]:
    """The environment of a process that imports the package from a copy of its source
    without the compiled modules (first on the path, before the installed package)."""
    plain = tmp_path / "plain"
    shutil.copytree(
        PACKAGE, plain / "newsmodel", ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__")
    )
    return {**os.environ, "PYTHONPATH": str(plain)}


_DUMP = """
import json, sys
from newsmodel import parse_text
import importlib
assemble = importlib.import_module("newsmodel.extract.assemble")
assert assemble.__file__.endswith(".py"), assemble.__file__  # the plain source runs here
texts = json.loads(sys.stdin.read())
print(json.dumps([parse_text(text).model_dump_json() for text in texts]))
"""


@needs_compiled
def test_the_compiled_parser_gives_what_its_python_source_gives(tmp_path: Path) -> None:
    """The seed, the development texts of ``../shared`` when present, and text made to hit the
    parser's odd corners: parsed by the plain Python source (a copy without the compiled
    modules, first on the path) and by the compiled build, article for article."""
    texts = [(ROOT / "seeds" / "000_b4df3ac546630d11.txt").read_text(encoding="utf-8")]
    texts += [path.read_text(encoding="utf-8") for path in sorted(SHARED_GOLD.glob("ng_*.txt"))]
    texts += [
        "date 2024-02-29\nУ Києві .",
        "Вчора о 10:00 у м. Києві, на вул. Хрещатик, 1-2 пройшов мітинг...",
        "Президент США Джо Байден — у Варшаві 3 березня; ТОВ «Рога і копита» (РІК) заявило.",
    ]
    result = subprocess.run(
        [sys.executable, "-c", _DUMP],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        env=_plain_source(tmp_path),
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    expected = json.loads(result.stdout)
    assert [parse_text(text).model_dump_json() for text in texts] == expected


_PYTEST = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]


@needs_compiled
def test_the_tests_that_replace_parser_code_pass_on_the_plain_source(tmp_path: Path) -> None:
    """The tests marked ``replaces_parser_code`` count or alter calls inside the parser, which
    the compiled modules make directly: skipped in this run, they run here on the plain
    source, so they hold for the code they measure."""
    marked = sorted(
        str(path)
        for path in (ROOT / "tests").rglob("test_*.py")
        if "@pytest.mark.replaces_parser_code" in path.read_text(encoding="utf-8")
    )
    assert marked
    environment = {**_plain_source(tmp_path), PLAIN_SOURCE_RUN: "1"}
    result = subprocess.run(
        [*_PYTEST, "-m", "replaces_parser_code", *marked],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        check=False,
        timeout=1200,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout, result.stdout[-2000:]
    assert "skipped" not in result.stdout, result.stdout[-2000:]
