"""A cold ``newsmodel convert`` to JSON loads only what converting to JSON needs.

Issue 11 wants a fresh ``convert`` of the seed under a second; the time is measured in
``benchmarks/bench_cold.py``.  These tests pin what keeps it there without timing anything:
modules a JSON export never uses stay unimported.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

NOT_FOR_JSON_EXPORT = (
    "jsonschema",  # validating, and reading JSON back
    "lxml",  # NewsML-G2
    "multiprocessing",  # a pool, only for --workers 2 and more
    "concurrent.futures.process",
    "dask",
)


def _modules_after(argv: list[str]) -> set[str]:
    code = (
        "import json, sys\n"
        "from newsmodel.cli import main\n"
        f"code = main({argv!r})\n"
        "print(json.dumps([code, sorted(sys.modules)]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    code_and_modules = json.loads(done.stdout.splitlines()[-1])
    assert code_and_modules[0] == 0, done.stderr
    return set(code_and_modules[1])


def _loaded(modules: set[str], name: str) -> bool:
    return any(module == name or module.startswith(f"{name}.") for module in modules)


def test_converting_to_json_imports_no_validator_pool_or_xml(
    seed_path: Path, tmp_path: Path
) -> None:
    """A one-file JSON conversion writes its output without jsonschema, lxml, a process pool
    ever being imported."""
    output = tmp_path / "seed.json"
    modules = _modules_after(["convert", str(seed_path), "-o", str(output)])
    assert json.loads(output.read_bytes())["persons"]
    assert [name for name in NOT_FOR_JSON_EXPORT if _loaded(modules, name)] == []
