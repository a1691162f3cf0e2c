"""Cold start: a fresh ``newsmodel convert`` of the seed, against a same-run reference.

    python benchmarks/bench_cold.py                # 5 rounds, both bytecode conditions
    python benchmarks/bench_cold.py --runs 9 --bytecode cached
    python benchmarks/bench_cold.py --phases       # where one fresh process spends its time
    python benchmarks/bench_cold.py --baseline ../main/src   # before and after, same rounds

Issue 11's target is a cold ``python -m newsmodel convert seed -o out.json`` under 1 s of wall
time.  Every round runs, in fresh processes and alternating (so both see the same busy and
quiet spells of a shared machine):

- the reference, ``python -c "import pymorphy3; pymorphy3.MorphAnalyzer(lang='uk')"``: the
  least a morphology-driven parser does before its first word;
- the convert, exactly as a user types it (``-m newsmodel convert SEED -o FILE``).

Wall and CPU (user + system) seconds are reported as medians; on a busy machine CPU says more
about newsmodel and wall more about the neighbours.  Two bytecode conditions:

- ``cached``: compiled modules come from a warmed ``PYTHONPYCACHEPREFIX`` (a temporary
  folder), as for an installed wheel, whose ``.pyc`` files the installer writes;
- ``as-is``: the environment unchanged; with ``PYTHONDONTWRITEBYTECODE`` set and a source
  checkout on ``PYTHONPATH`` (no ``__pycache__``), every module of ours compiles each run.

``--phases`` runs one fresh process that times each stage of a first conversion in CPU
seconds (steady on a busy machine): imports, the gazetteer's index, the link table, the rest
of the first parse, the JSON dump.
``run(texts, quick)`` lets ``benchmarks/run.py`` fold the summary in.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED = ROOT / "seeds" / "000_b4df3ac546630d11.txt"
REFERENCE = "import pymorphy3; pymorphy3.MorphAnalyzer(lang='uk')"
TARGET_S = 1.0

_PHASES = """
import time
started = time.process_time()
marks = []
def mark(name):
    marks.append((name, time.process_time()))
import newsmodel.cli, newsmodel.cli.convert, newsmodel.batch
mark("import cli + batch")
import newsmodel.extract
mark("import extract")
from newsmodel.extract import gazetteer, linking
gazetteer.find_matches(["Київ"])
mark("gazetteer index")
linking.candidates(linking.PlaceQuery("Київ", "city"))
mark("link table")
text = open(SEED, encoding="utf-8").read()
article = newsmodel.extract.parse_text(text)
mark("rest of first parse")
import newsmodel.formats
newsmodel.formats.dumps(article, "json")
mark("json dump")
previous = started
for name, at in marks:
    print(f"{name:22} {1000 * (at - previous):7.1f} ms")
    previous = at
print(f"{'total in process':22} {1000 * (previous - started):7.1f} ms CPU")
"""


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh process; a failure stops the benchmark."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=ROOT, check=False, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr[-500:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def _environment(bytecode: str, cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    if bytecode == "cached":
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def measure(runs: int, bytecode: str, baseline: Path | None = None) -> dict[str, float]:
    """Median wall and CPU milliseconds of the reference and of the convert (and of the
    convert from another checkout's ``src``, ``baseline``), in alternating rounds."""
    with tempfile.TemporaryDirectory(prefix="newsmodel-cold-") as folder:
        output = Path(folder) / "cold.json"
        env = _environment(bytecode, Path(folder) / "pycache")
        convert = [sys.executable, "-m", "newsmodel", "convert", str(SEED), "-o", str(output)]
        commands = {
            "reference": ([sys.executable, "-c", REFERENCE], env),
            "convert": (convert, env),
        }
        if baseline is not None:
            commands["baseline"] = (convert, {**env, "PYTHONPATH": str(baseline.resolve())})
        if bytecode == "cached":  # the installer's compile step: warm the cache once
            for command, command_env in commands.values():
                _timed(command, command_env)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, (command, command_env) in commands.items():
                times[name].append(_timed(command, command_env))
    result = {}
    for name, pairs in times.items():
        result[f"{name}_wall_ms"] = round(1000 * statistics.median(w for w, _ in pairs), 1)
        result[f"{name}_cpu_ms"] = round(1000 * statistics.median(c for _, c in pairs), 1)
    result["ratio_wall"] = round(result["convert_wall_ms"] / result["reference_wall_ms"], 2)
    return result


def phases(bytecode: str) -> str:
    """One fresh process's time per stage of a first conversion (printed lines)."""
    with tempfile.TemporaryDirectory(prefix="newsmodel-cold-") as folder:
        env = _environment(bytecode, Path(folder) / "pycache")
        command = [sys.executable, "-c", f"SEED = {str(SEED)!r}\n{_PHASES}"]
        if bytecode == "cached":
            subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True)
        done = subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True)
        return done.stdout.decode()


def run(texts: list[str], quick: bool) -> dict[str, Any]:
    """For ``benchmarks/run.py``: the ``cached`` condition, 3 rounds when quick, else 5."""
    del texts
    return {"cached": measure(3 if quick else 5, "cached")}


def _show(bytecode: str, result: dict[str, float], runs: int) -> None:
    verdict = "meets" if result["convert_wall_ms"] < 1000 * TARGET_S else "misses"
    print(
        f"{bytecode:7} convert {result['convert_wall_ms']:6.0f} ms wall "
        f"({result['convert_cpu_ms']:.0f} ms CPU), reference {result['reference_wall_ms']:.0f} "
        f"ms wall ({result['reference_cpu_ms']:.0f} ms CPU), ratio {result['ratio_wall']:.2f}; "
        f"median of {runs}, {verdict} the {TARGET_S:.0f} s target"
    )
    if "baseline_wall_ms" in result:
        print(
            f"{'':7} baseline {result['baseline_wall_ms']:5.0f} ms wall "
            f"({result['baseline_cpu_ms']:.0f} ms CPU), the same rounds"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes of each (5)")
    parser.add_argument("--bytecode", choices=("cached", "as-is", "both"), default="both")
    parser.add_argument("--phases", action="store_true", help="time the stages of one process")
    parser.add_argument(
        "--baseline",
        type=Path,
        default=None,
        metavar="SRC",
        help="also time another checkout's src (e.g. ../main/src) in the same rounds",
    )
    args = parser.parse_args(argv)
    conditions = ("cached", "as-is") if args.bytecode == "both" else (args.bytecode,)
    for bytecode in conditions:
        if args.phases:
            print(f"{bytecode}:\n{phases(bytecode)}", end="")
        else:
            _show(bytecode, measure(args.runs, bytecode, args.baseline), args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
