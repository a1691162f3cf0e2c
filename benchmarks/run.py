"""newsmodel's benchmark suite: one command, rates and ratios against same-run references.

    python benchmarks/run.py            # the full suite (a few minutes on 2 cores)
    python benchmarks/run.py --quick    # smaller sizes, no folded-in suites: about a minute

Every rate is printed next to a reference measured in the same run on the same machine, so the
numbers mean something on any hardware:

- ``orjson``: ``orjson.dumps`` of a prebuilt dict (the floor for any JSON export);
- ``lxml``: plain ``etree.fromstring`` + ``etree.tostring`` of the same XML (the floor for
  NewsML-G2 reading, writing and XSD validation);
- ``lemmatise``: regex tokenisation and one pymorphy3 lemma per distinct word of the same text
  (the least a morphology-driven parser does; ``bench_parse.py``), timed in alternating rounds
  with the parser.

``bench_linearity.py`` parses generated text from 10 kB to 20 MB (1 MB with ``--quick``) and
flags any size slower per MB than twice the smallest.

The data is Cyrillic: news texts from ``../shared/eval/ner-uk`` (ids ``ng/``) when that folder
is there (read in place, never copied), else the project's seeds; agency NewsML-G2 files from
``../shared/corpus/newsml-g2`` are read side by side with IPTC's python-newsmlg2 (in
``bench_newsml.py``, folded in below; ninjs export, reading and validation in
``bench_ninjs.py``).  Batch
conversion (1 and 2 workers) and cold start run the real ``newsmodel`` command in subprocesses:
the one installed beside the running Python (so ``.venv/bin/python benchmarks/run.py`` works
without activating the environment).  Each result is printed as soon as it is measured, and
``benchmarks/results/latest.json`` is written at the end even when a step failed (the failure
is recorded in it, and the exit code is then 1).  Benchmarks written next to this file as
``bench_*.py`` with a ``run(texts, quick) -> dict`` function are folded in.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from measures import (
    HERE,
    SHARED,
    StepError,
    bench_batch,
    bench_cold_start,
    bench_exports,
    bench_memory,
    bench_parse,
    bench_validators,
    fold_in,
    load_texts,
)
from report import (
    show_batch,
    show_cold_start,
    show_exports,
    show_extra,
    show_linearity,
    show_memory_if_run,
    show_parse,
    show_validators,
)


@dataclass(frozen=True)
class Step:
    """One measurement: ``measure(state, results)`` fills ``results``; ``show`` prints it."""

    name: str
    measure: Callable[[dict[str, Any], dict[str, Any]], None]
    show: Callable[[dict[str, Any]], None]


def _parse(state: dict[str, Any], results: dict[str, Any]) -> None:
    state["articles"] = bench_parse(state["texts"], results, quick=state["quick"])


def _linearity(state: dict[str, Any], results: dict[str, Any]) -> None:
    import bench_linearity

    print(bench_linearity.HEADER, flush=True)
    results["linearity"] = bench_linearity.run_table(
        state["quick"], timeout=300 if state["quick"] else 1800
    )


def _exports(state: dict[str, Any], results: dict[str, Any]) -> None:
    state["documents"] = bench_exports(state["articles"], results)


def _validators(state: dict[str, Any], results: dict[str, Any]) -> None:
    bench_validators(state["documents"], results)


def _batch(state: dict[str, Any], results: dict[str, Any]) -> None:
    bench_batch(state["texts"], results, files=state["batch_files"])


def _memory(state: dict[str, Any], results: dict[str, Any]) -> None:
    if state["memory_articles"]:
        bench_memory(state["texts"], results, files=state["memory_articles"])


def _cold_start(state: dict[str, Any], results: dict[str, Any]) -> None:
    bench_cold_start(results, repeat=state["repeat"])


def _extra(state: dict[str, Any], results: dict[str, Any]) -> None:
    if state["extras"]:
        fold_in(state["texts"], results, state["quick"])
    else:
        results["extra_skipped"] = "--quick without --extras: run bench_*.py --quick alone"


STEPS = [
    Step("parse", _parse, show_parse),
    Step("export", _exports, show_exports),
    Step("validate", _validators, show_validators),
    Step("batch", _batch, show_batch),
    Step("memory", _memory, show_memory_if_run),
    Step("cold_start", _cold_start, show_cold_start),
    Step("linearity", _linearity, show_linearity),
    Step("extra", _extra, show_extra),
]
"""The suite, in order; a step that needs an earlier one's data fails if that one did."""

_MEASUREMENT_FAILURES = (StepError, OSError, subprocess.SubprocessError, ImportError, KeyError)
"""What a step may fail with (a missing reference package, a crashed command, data an earlier
step did not produce): recorded, and the suite goes on."""


def run_steps(state: dict[str, Any], results: dict[str, Any], output: Path) -> int:
    """Measure and print each step as it finishes; write ``output`` whatever happened."""
    failed: dict[str, str] = {}
    try:
        for step in STEPS:
            started = time.perf_counter()
            try:
                step.measure(state, results)
            except _MEASUREMENT_FAILURES as error:
                failed[step.name] = f"{type(error).__name__}: {error}"
                print(f"{step.name:14s} FAILED: {failed[step.name]}", flush=True)
                continue
            finally:
                results.setdefault("step_seconds", {})[step.name] = round(
                    time.perf_counter() - started, 1
                )
            step.show(results)
            sys.stdout.flush()
    finally:
        if failed:
            results["failed"] = failed
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(
            json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"wrote {output}")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smaller sizes, no folded-in bench_*.py suites (about a minute)",
    )
    parser.add_argument(
        "--extras",
        action="store_true",
        help="with --quick, still run the folded-in bench_*.py suites",
    )
    parser.add_argument("--articles", type=int, default=None, help="articles for in-process runs")
    parser.add_argument("--batch-files", type=int, default=None)
    parser.add_argument(
        "--memory-articles",
        type=int,
        default=None,
        help="articles for the memory run (default 10000; 0 skips it)",
    )
    parser.add_argument("--output", type=Path, default=HERE / "results" / "latest.json")
    args = parser.parse_args(argv)
    quick = args.quick
    count = args.articles or (20 if quick else 100)
    batch_files = args.batch_files or (40 if quick else 600)
    memory_articles = (
        args.memory_articles if args.memory_articles is not None else (300 if quick else 10_000)
    )
    schemas = SHARED / "schemas"
    if (schemas / "newsml-g2").is_dir():  # validate against the real XSD, read in place
        os.environ.setdefault("NEWSMODEL_SCHEMA_DIR", str(schemas))
    import newsmodel
    from newsmodel.cli.common import parser_build

    texts = load_texts(max(count, 1))
    results: dict[str, Any] = {
        "version": newsmodel.__version__,
        "parser": parser_build(),
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": len(os.sched_getaffinity(0))
            if hasattr(os, "sched_getaffinity")
            else os.cpu_count(),
            "load_average": os.getloadavg(),
        },
        "articles": len(texts),
        "data": "ner-uk ng/ news texts" if len(set(texts)) > 1 else "seed article",
        "references": {},
    }
    state = {
        "texts": texts,
        "quick": quick,
        "batch_files": batch_files,
        "extras": args.extras or not quick,
        "memory_articles": memory_articles,
        "repeat": 5 if quick else 15,
    }
    return run_steps(state, results, args.output)


if __name__ == "__main__":
    sys.exit(main())
