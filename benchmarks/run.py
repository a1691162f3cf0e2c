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
import importlib.util
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from timing import rate

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = Path(os.environ.get("NEWSMODEL_SHARED") or ROOT.parent / "shared")
SEED = ROOT / "seeds" / "000_b4df3ac546630d11.txt"


# --------------------------------------------------------------------------- timing


class StepError(Exception):
    """A benchmark step could not be measured; the others still are."""


def newsmodel_command() -> list[str]:
    """The ``newsmodel`` command installed beside this interpreter (a virtual environment's
    ``bin/``), else the one on PATH, else ``python -m newsmodel``."""
    beside = Path(sys.executable).parent / ("newsmodel.exe" if os.name == "nt" else "newsmodel")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("newsmodel")
    return [found] if found else [sys.executable, "-m", "newsmodel"]


def wall(command: list[str], *, repeat: int, cwd: Path | None = None) -> float:
    """Median wall time of a command, in seconds; a crash (exit 2 or worse) fails the step.

    Exit 1 is accepted: ``convert`` says so when some inputs were bad, and the rest still
    counts as work done.
    """
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        done = subprocess.run(
            command,
            cwd=cwd,
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        times.append(time.perf_counter() - started)
        if done.returncode not in (0, 1):
            raise StepError(
                f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()[-500:]}"
            )
    return statistics.median(times)


# --------------------------------------------------------------------------- data


def load_texts(count: int) -> list[str]:
    """Real Ukrainian news texts with a ``date`` header, or the seed when ../shared is absent."""
    source = SHARED / "eval" / "ner-uk" / "train.jsonl"
    texts: list[str] = []
    if source.is_file():
        with source.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                if record["id"].startswith("ng/"):
                    texts.append(f"date 2024-03-{1 + len(texts) % 28:02d} {record['text']}")
    if not texts:
        texts = [SEED.read_text(encoding="utf-8")]
    return [texts[i % len(texts)] for i in range(count)]


# --------------------------------------------------------------------------- suites


def bench_parse(texts: list[str], results: dict[str, Any], *, quick: bool) -> list[Any]:
    """``parse_text`` against the lemmatising reference, on the seed and on the news texts."""
    import bench_parse

    import newsmodel

    min_time, rounds = (0.3, 3) if quick else (1.0, 5)
    seed = bench_parse.measure([SEED.read_text(encoding="utf-8")], min_time=min_time, rounds=rounds)
    news = bench_parse.measure(texts, min_time=min_time, rounds=rounds)
    results["references"]["lemmatise"] = {
        "seed_articles_per_s": seed["reference_per_s"],
        "news_articles_per_s": news["reference_per_s"],
    }
    results["parse"] = {"seed": seed, "news": news}
    return [newsmodel.parse_text(text, source_id=f"a{i}") for i, text in enumerate(texts)]


def bench_exports(articles: list[Any], results: dict[str, Any]) -> dict[str, list[bytes]]:
    import orjson
    from lxml import etree

    from newsmodel.formats import FORMATS, dumps

    prebuilt = [article.model_dump(mode="json") for article in articles]
    reference = rate(lambda: [orjson.dumps(d) for d in prebuilt], items=len(prebuilt))
    results["references"]["orjson"] = {"articles_per_s": reference}
    documents: dict[str, list[bytes]] = {}
    results["export"] = {}
    for name in sorted(FORMATS):
        documents[name] = [dumps(article, name) for article in articles]
        export = rate(lambda name=name: [dumps(a, name) for a in articles], items=len(articles))
        entry: dict[str, Any] = {
            "articles_per_s": export,
            "reference": "orjson",
            "ratio": export / reference,
        }
        if documents[name][0].lstrip().startswith(b"<"):
            xml = documents[name]
            lxml_rate = rate(
                lambda xml=xml: [etree.tostring(etree.fromstring(d)) for d in xml], items=len(xml)
            )
            results["references"].setdefault("lxml", {})[f"{name}_articles_per_s"] = lxml_rate
            entry.update(reference="lxml", ratio=export / lxml_rate)
        results["export"][name] = entry
    return documents


def bench_validators(documents: dict[str, list[bytes]], results: dict[str, Any]) -> None:
    from newsmodel.validation import VALIDATORS, validate

    results["validate"] = {}
    for name in sorted(VALIDATORS):
        docs = documents.get(name)
        if not docs:
            continue
        try:
            report = validate(docs[0], name)
        except ImportError as error:  # a validator registered but not importable: say so
            results["validate"][name] = {"unavailable": str(error)}
            continue
        entry: dict[str, Any] = {
            "documents_per_s": rate(
                lambda docs=docs, name=name: [validate(d, name) for d in docs], items=len(docs)
            ),
            "first_document_ok": report.ok,
            "issue_codes": sorted({issue.code for issue in report.issues}),
        }
        reference = results["references"].get("lxml", {}).get(f"{name}_articles_per_s")
        if reference:
            entry.update(reference="lxml", ratio=entry["documents_per_s"] / reference)
        else:
            entry.update(
                reference="orjson",
                ratio=entry["documents_per_s"] / results["references"]["orjson"]["articles_per_s"],
            )
        results["validate"][name] = entry


def bench_batch(texts: list[str], results: dict[str, Any], *, files: int) -> None:
    """The real command: ``newsmodel convert DIR -o OUT --workers N``, wall time per file."""
    command = [*newsmodel_command(), "convert"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for index in range(files):
            (folder / f"{index:06d}.txt").write_text(texts[index % len(texts)], encoding="utf-8")
        entry: dict[str, Any] = {"files": files}
        for workers in (1, 2):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            seconds = wall(
                [
                    *command,
                    str(folder),
                    "-o",
                    str(Path(tmp) / f"out{workers}"),
                    "--workers",
                    str(workers),
                    "-q",
                ],
                repeat=1,
            )
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            entry[f"workers_{workers}_files_per_s"] = files / seconds
            entry[f"workers_{workers}_cpu_s"] = (
                after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
            )
        entry["speedup_2_over_1"] = entry["workers_2_files_per_s"] / entry["workers_1_files_per_s"]
        entry["ceiling_2_over_1"] = parallel_ceiling()
        # CPU seconds spent per file with 2 workers relative to 1: the cost of going parallel
        # (pickling, a second parser warm-up).  On an idle machine the speed-up approaches
        # 2 / overhead; on a busy one the wall-clock ratio says more about the neighbours.
        entry["cpu_overhead_2_over_1"] = entry["workers_2_cpu_s"] / entry["workers_1_cpu_s"]
        results["batch"] = entry


def _spin(count: int) -> int:
    total = 0
    for number in range(count):
        total += number
    return total


def parallel_ceiling(count: int = 20_000_000) -> float:
    """What two processes can get from this machine right now: the same-run reference for
    the batch speed-up (2.0 on two idle cores; less when other jobs hold a core)."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_spin, [1000, 1000]))  # start both workers first
        started = time.perf_counter()
        _spin(count)
        one = time.perf_counter() - started
        started = time.perf_counter()
        list(pool.map(_spin, [count, count]))
        two = time.perf_counter() - started
    return 2 * one / two


def bench_memory(texts: list[str], results: dict[str, Any], *, files: int) -> None:
    """Peak resident memory of ``convert`` over ``files`` articles (one process, JSON Lines)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for index in range(files):
            (folder / f"{index:06d}.txt").write_text(texts[index % len(texts)], encoding="utf-8")
        # A fresh launcher process runs the command, so its RUSAGE_CHILDREN peak is this run's.
        launcher = (
            "import resource, subprocess, sys\n"
            "subprocess.run(sys.argv[1:], check=False)\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        )
        started = time.perf_counter()
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                launcher,
                *newsmodel_command(),
                "convert",
                str(folder),
                "-o",
                str(Path(tmp) / "all.jsonl"),
                "-q",
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - started
    results["memory"] = {
        "articles": files,
        "seconds": seconds,
        "peak_rss_mb": int(done.stdout.split()[-1]) / 1024,
        "how": "peak resident set of `newsmodel convert FOLDER -o all.jsonl` (one process)",
    }


def bench_cold_start(results: dict[str, Any], *, repeat: int) -> None:
    """Wall time of a fresh process: ``--version``, ``--help``, and ``convert`` of the seed
    (median of 5 whatever ``repeat`` says: issue 11's target is under 1 s).  The convert's CPU
    seconds (user + system, median) are kept too: on a busy machine the wall time says more
    about the neighbours than about newsmodel."""
    entry = {}
    for label, argv in (("version", ["--version"]), ("help", ["--help"])):
        entry[f"{label}_ms"] = 1000 * wall([*newsmodel_command(), *argv], repeat=repeat)
    cpu = []
    walls = []
    for _ in range(5):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        walls.append(wall([*newsmodel_command(), "convert", str(SEED)], repeat=1))
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    entry["convert_seed_ms"] = 1000 * statistics.median(walls)
    entry["convert_seed_cpu_ms"] = 1000 * statistics.median(cpu)
    entry["python_startup_ms"] = 1000 * wall([sys.executable, "-c", "pass"], repeat=repeat)
    results["cold_start"] = entry


def fold_in(texts: list[str], results: dict[str, Any], quick: bool) -> None:
    """Run ``benchmarks/bench_*.py`` modules that expose ``run(texts, quick) -> dict``."""
    for path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        runner = getattr(module, "run", None)
        if callable(runner):
            started = time.perf_counter()
            results.setdefault("extra", {})[path.stem] = runner(texts, quick)
            results.setdefault("extra_seconds", {})[path.stem] = round(
                time.perf_counter() - started, 1
            )


# --------------------------------------------------------------------------- report


def show_references(results: dict[str, Any]) -> None:
    refs = results["references"]
    print(
        f"newsmodel {results['version']} ({results['parser']} parser) on "
        f"{results['machine']['python']}, "
        f"{results['machine']['cpus']} CPU(s); {results['articles']} Cyrillic articles"
    )
    print(
        "references: "
        f"lemmatise {refs['lemmatise']['news_articles_per_s']:.0f} art/s, "
        f"orjson {refs['orjson']['articles_per_s']:.0f} art/s"
        + "".join(
            f", lxml {key.split('_')[0]} {value:.0f} doc/s"
            for key, value in refs.get("lxml", {}).items()
        )
    )


def show_parse(results: dict[str, Any]) -> None:
    for label, entry in results["parse"].items():
        print(
            f"parse {label:8s} {entry['articles_per_s']:9.1f} articles/s per core "
            f"({entry['mean_characters']} characters each; {entry['ratio']:.3f} x lemmatise, "
            f"{entry['reference_per_s']:.0f}/s)"
        )


def show_exports(results: dict[str, Any]) -> None:
    show_references(results)
    for name, entry in results["export"].items():
        print(
            f"export {name:8s}{entry['articles_per_s']:9.1f} articles/s "
            f"({entry['ratio']:.3f} x {entry['reference']})"
        )


def show_validators(results: dict[str, Any]) -> None:
    for name, entry in results["validate"].items():
        if "unavailable" in entry:
            print(f"validate {name:6s} unavailable: {entry['unavailable']}")
            continue
        print(
            f"validate {name:6s}{entry['documents_per_s']:9.1f} documents/s "
            f"({entry['ratio']:.3f} x {entry['reference']})"
        )


def show_batch(results: dict[str, Any]) -> None:
    batch = results["batch"]
    print(
        f"batch convert  {batch['workers_1_files_per_s']:9.1f} files/s with 1 worker, "
        f"{batch['workers_2_files_per_s']:.1f} with 2 "
        f"(x{batch['speedup_2_over_1']:.2f}, where two busy processes get "
        f"x{batch['ceiling_2_over_1']:.2f}; {batch['files']} files, whole command; CPU "
        f"{batch['workers_1_cpu_s']:.1f} s vs {batch['workers_2_cpu_s']:.1f} s, "
        f"load average {results['machine']['load_average'][0]:.1f})"
    )


def show_memory(results: dict[str, Any]) -> None:
    memory = results["memory"]
    print(
        f"memory         {memory['peak_rss_mb']:9.1f} MB peak RSS converting "
        f"{memory['articles']} articles ({memory['seconds']:.1f} s)"
    )


def show_cold_start(results: dict[str, Any]) -> None:
    cold = results["cold_start"]
    print(
        f"cold start     --version {cold['version_ms']:.0f} ms, --help {cold['help_ms']:.0f} ms, "
        f"convert seed {cold['convert_seed_ms']:.0f} ms wall, "
        f"{cold['convert_seed_cpu_ms']:.0f} ms CPU (target < 1 s; python itself "
        f"{cold['python_startup_ms']:.0f} ms)"
    )


def show_extra(results: dict[str, Any]) -> None:
    if "extra_skipped" in results:
        print(f"extra          skipped ({results['extra_skipped']})")
    newsml = results.get("extra", {}).get("bench_newsml", {})
    read, check = newsml.get("read", {}), newsml.get("validate", {})
    if "newsmodel_files_per_s" in read:
        print(
            f"read NewsML    {read['newsmodel_files_per_s']:9.1f} files/s ({read['files']} "
            f"agency files both read; python-newsmlg2 {read['newsmlg2_files_per_s']:.1f} "
            f"files/s, ratio {read['ratio_to_newsmlg2']:.1f}; "
            f"{read['ratio_to_lxml']:.3f} x lxml)"
        )
    if "items_per_s" in check:
        print(
            f"check NewsML   {check['items_per_s']:9.1f} items/s ({check['items']} agency "
            f"items; {check['ratio_to_lxml']:.3f} x lxml, "
            f"{check['ratio_to_libxml2_xsd']:.3f} x libxml2's own parse + XSD)"
        )
    ninjs = results.get("extra", {}).get("bench_ninjs", {})
    if "export" in ninjs:
        export, read, check = ninjs["export"], ninjs["read"], ninjs.get("validate", {})
        print(
            f"ninjs 3.1      export {export['articles_per_s']:.0f} art/s "
            f"({export['ratio_to_orjson']:.2f} x orjson), read {read['documents_per_s']:.0f} "
            f"doc/s ({read['ratio_to_orjson_loads']:.3f} x orjson.loads), validate "
            + (f"{check['documents_per_s']:.0f} doc/s" if "documents_per_s" in check else "skipped")
            + " (targets 5000, 5000, 2000)"
        )
    for name, extra in results.get("extra", {}).items():
        print(f"{name}: {json.dumps(extra, ensure_ascii=False)[:300]}")


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


def show_linearity(results: dict[str, Any]) -> None:
    table = results["linearity"]
    print(
        "linearity      "
        + (
            "linear: no size over 2x the smallest per MB"
            if table["linear"]
            else "NOT linear: "
            + ", ".join(label for label, row in table["rows"].items() if row["flagged"])
        )
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


def _show_memory(results: dict[str, Any]) -> None:
    if "memory" in results:
        show_memory(results)


STEPS = [
    Step("parse", _parse, show_parse),
    Step("export", _exports, show_exports),
    Step("validate", _validators, show_validators),
    Step("batch", _batch, show_batch),
    Step("memory", _memory, _show_memory),
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
