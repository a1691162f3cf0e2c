"""``python benchmarks/run.py`` finds the command it times, shows what it measured as it goes,
and keeps its results when one step fails (issue #12)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _load(name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location(f"benchmarks_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, f"benchmarks_{name}", module)  # dataclasses look it up
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    return _load("run", monkeypatch)


def test_the_command_beside_the_interpreter_is_used_without_activation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With the environment's Python but not its PATH, the environment's newsmodel is timed."""
    measures = _load("measures", monkeypatch)
    monkeypatch.setenv("PATH", "/nonexistent")
    command = measures.newsmodel_command()
    beside = Path(sys.executable).parent / "newsmodel"
    assert command == ([str(beside)] if beside.is_file() else [sys.executable, "-m", "newsmodel"])


def test_results_are_printed_as_measured_and_kept_when_a_step_fails(
    runner: ModuleType,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def measured(state: dict[str, Any], results: dict[str, Any]) -> None:
        results["parse"] = {"articles_per_s": 12.5}

    def broken(state: dict[str, Any], results: dict[str, Any]) -> None:
        raise runner.StepError("newsmodel --version failed (2)")

    def later(state: dict[str, Any], results: dict[str, Any]) -> None:
        results["batch"] = {"files": 3}

    monkeypatch.setattr(
        runner,
        "STEPS",
        [
            runner.Step("parse", measured, lambda results: print("parse 12.5 articles/s")),
            runner.Step("cold_start", broken, lambda results: None),
            runner.Step("batch", later, lambda results: print("batch 3 files")),
        ],
    )
    output = tmp_path / "latest.json"
    assert runner.run_steps({}, {"version": "test"}, output) == 1
    printed = capsys.readouterr().out
    assert printed.index("parse 12.5") < printed.index("cold_start") < printed.index("batch 3")
    saved = json.loads(output.read_text(encoding="utf-8"))
    assert saved["parse"] == {"articles_per_s": 12.5}
    assert saved["batch"] == {"files": 3}
    assert "newsmodel --version failed" in saved["failed"]["cold_start"]
