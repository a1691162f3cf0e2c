"""The benchmark suite's measurements (``run.py`` runs them as steps): parsing against the
lemmatising reference, the exports against orjson and lxml, the validators, batch conversion
and memory through the real ``newsmodel`` command, cold start, and the folded-in
``bench_*.py`` suites.  Each fills its part of the results dictionary."""

from __future__ import annotations

import importlib.util
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
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
