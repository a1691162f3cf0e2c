"""Is ``parse_text`` linear in its input?  Time and peak memory per MB from 10 kB to 20 MB.

Usage: ``python benchmarks/bench_linearity.py [--quick] [--json OUT]``

``parse_text``'s docstring promises linear time; issue 10 (item 19) found it quadratic on long
inputs (a 975 kB run-on sentence took 121 s).  This benchmark parses ordinary text of 10 kB,
100 kB, 1 MB, 5 MB and 20 MB (UTF-8 bytes) and one run-on sentence of 1 MB with no full stop,
each in a fresh process so one size's caches and memory do not colour the next, and prints
CPU seconds per MB and peak memory per MB (sizes under 1 MB: the fastest of five parses).
CPU time of the child (``time.process_time``), not wall time: on a shared machine the
neighbours would otherwise decide the verdict; the wall time is recorded beside it.  A size
slower per MB than twice the smallest ordinary size is flagged: a linear parser stays near 1x,
a quadratic one doubles with every doubling.

``python benchmarks/run.py`` runs it as its ``linearity`` step (``--quick``: 10 kB to 1 MB and
a run-on sentence of 100 kB).

The text is generated here from sentence templates of ordinary Ukrainian news prose (people,
offices, cities, verbs of speech and of action, dates), never from the evaluation texts, with a
fixed seed so every run parses the same input.  Peak memory is the growth of the child's peak
resident set (``ru_maxrss``) over its size just before the parse, with the text already built:
what the parse itself holds at its worst, per MB of input.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

MB = 1_000_000
SIZES = {"10 kB": 10_000, "100 kB": 100_000, "1 MB": MB, "5 MB": 5 * MB, "20 MB": 20 * MB}
QUICK_SIZES = {"10 kB": 10_000, "100 kB": 100_000, "1 MB": MB}
RUN_ON = MB
QUICK_RUN_ON = 100_000
_REPEATS = 5
"""Sizes under 1 MB are parsed this many times and the fastest kept."""
SLOWDOWN_LIMIT = 2.0
"""A size is flagged when its seconds per MB exceed this many times the smallest size's."""

_MEN = ["Андрій", "Тарас", "Богдан", "Сергій", "Василь", "Юрій", "Петро", "Микола"]
_WOMEN = ["Олена", "Марія", "Ірина", "Наталія", "Оксана", "Галина", "Людмила", "Світлана"]
_FAMILY = [
    "Ковальчук",
    "Бондаренко",
    "Мельник",
    "Шевчук",
    "Ткаченко",
    "Кравець",
    "Олійник",
    "Савчук",
    "Поліщук",
    "Лисенко",
    "Гончаренко",
    "Руденко",
    "Марченко",
    "Тимошенко",
]
_TITLE = [
    "міністр освіти",
    "голова обласної ради",
    "мер міста",
    "директор заводу",
    "прокурор області",
    "депутат міської ради",
    "голова правління банку",
    "речник поліції",
    "заступник міністра фінансів",
    "керівник департаменту",
]
_OF_TITLE = [
    "мера міста",
    "речника поліції",
    "директора школи",
    "голови громади",
    "керівника лікарні",
    "представника профспілки",
]
_CITY = [
    "Львові",
    "Харкові",
    "Одесі",
    "Дніпрі",
    "Полтаві",
    "Черкасах",
    "Житомирі",
    "Ужгороді",
    "Тернополі",
    "Вінниці",
    "Рівному",
    "Сумах",
]
_ORG = [
    "міська рада",
    "обласна адміністрація",
    "Верховна Рада",
    "податкова служба",
    "апеляційна палата",
    "профспілка вчителів",
    "державна компанія",
    "районна громада",
]
_MONTH = [
    "січня",
    "лютого",
    "березня",
    "квітня",
    "травня",
    "червня",
    "липня",
    "серпня",
    "вересня",
    "жовтня",
    "листопада",
    "грудня",
]
_SAY = ["заявив", "повідомив", "зазначив", "наголосив", "розповів"]
_ACT = [
    "підписала угоду про будівництво нової школи",
    "ухвалила рішення про ремонт доріг",
    "оголосила тендер на закупівлю автобусів",
    "затвердила бюджет на наступний рік",
    "провела нараду щодо опалювального сезону",
    "відкрила новий центр надання послуг",
    "розглянула скаргу мешканців району",
    "виділила кошти на підтримку лікарень",
]
_TOPIC = [
    "ситуація з водопостачанням поступово покращується",
    "ціни на продукти зросли на кілька відсотків",
    "роботи планують завершити до кінця року",
    "у місті бракує вчителів і лікарів",
    "перевірка виявила порушення під час закупівель",
    "мешканці вимагають відновити рух громадського транспорту",
]


def _speaker(rng: random.Random) -> str:
    """A person and a verb of speech that agrees with them (``заявив`` / ``заявила``)."""
    if rng.random() < 0.5:
        return f"{rng.choice(_MEN)} {rng.choice(_FAMILY)} {rng.choice(_SAY)}"
    return f"{rng.choice(_WOMEN)} {rng.choice(_FAMILY)} {rng.choice(_SAY)[:-1]}ла"


def _clauses(rng: random.Random) -> list[str]:
    """Clauses of news prose; joined by full stops they are sentences, by commas a run-on."""
    day = f"{rng.randint(1, 28)} {rng.choice(_MONTH)}"
    return [
        f"{rng.choice(_TITLE).capitalize()} {_speaker(rng)}, що {rng.choice(_TOPIC)}",
        f"{day} у {rng.choice(_CITY)} {rng.choice(_ORG)} {rng.choice(_ACT)}",
        f"За словами {rng.choice(_OF_TITLE)}, {rng.choice(_TOPIC)}",
        f"У {rng.choice(_CITY)} {rng.choice(_ORG)} {rng.choice(_ACT)}, а {_speaker(rng)} "
        f"журналістам про наслідки",
    ]


def ordinary_text(size: int, seed: int = 19) -> str:
    """About ``size`` UTF-8 bytes of sentences in paragraphs of four, after a date header."""
    rng = random.Random(seed)
    parts, total = ["date 2024-05-14\n"], 0
    while total < size:
        paragraph = " ".join(f"{clause}." for clause in _clauses(rng)) + "\n\n"
        parts.append(paragraph)
        total += len(paragraph.encode())
    return "".join(parts)


def run_on_text(size: int, seed: int = 19) -> str:
    """About ``size`` UTF-8 bytes as one sentence: clauses joined by commas, no full stop."""
    rng = random.Random(seed)
    parts, total = ["date 2024-05-14\n"], 0
    while total < size:
        chunk = ", і ".join(c[0].lower() + c[1:] for c in _clauses(rng)) + ", а також "
        parts.append(chunk)
        total += len(chunk.encode())
    return "".join(parts) + "на цьому все"


def measure_one(kind: str, size: int) -> dict[str, Any]:
    """In this process: build the text, warm the parser up, parse once; time and memory."""
    from newsmodel import parse_text

    parse_text(ordinary_text(2_000, seed=1))  # dictionaries and lexicons loaded
    text = ordinary_text(size) if kind == "ordinary" else run_on_text(size)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    seconds = wall = float("inf")
    for _ in range(_REPEATS if size < MB else 1):  # a 10 kB parse alone is too short to time
        started, cpu = time.perf_counter(), time.process_time()
        article = parse_text(text)
        seconds = min(seconds, time.process_time() - cpu)
        wall = min(wall, time.perf_counter() - started)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    megabytes = len(text.encode()) / MB
    return {
        "kind": kind,
        "bytes": len(text.encode()),
        "seconds": seconds,
        "wall_seconds": wall,
        "seconds_per_mb": seconds / megabytes,
        "peak_growth_mb": max(peak - before, 0) / 1024,
        "peak_growth_mb_per_mb": max(peak - before, 0) / 1024 / megabytes,
        "persons": len(article.persons),
        "events": len(article.events),
    }


def measure(kind: str, size: int, timeout: float) -> dict[str, Any]:
    """``measure_one`` in a fresh process; a parse past ``timeout`` seconds is recorded."""
    command = [sys.executable, __file__, "--one", kind, str(size)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {
            "kind": kind,
            "bytes": size,
            "timed_out_after_s": timeout,
            "seconds_per_mb": timeout / (size / MB),
        }
    if done.returncode != 0:
        return {"kind": kind, "bytes": size, "error": done.stderr.strip()[-300:]}
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def run_table(quick: bool, timeout: float, *, echo: bool = True) -> dict[str, Any]:
    """Every size, then the run-on sentence; each row flagged against the smallest."""
    rows: dict[str, dict[str, Any]] = {}
    plan = [(label, "ordinary", size) for label, size in (QUICK_SIZES if quick else SIZES).items()]
    run_on = QUICK_RUN_ON if quick else RUN_ON
    plan.append((f"run-on {run_on // 1000} kB" if run_on < MB else "run-on 1 MB", "run_on", run_on))
    base: float | None = None
    for label, kind, size in plan:
        row = measure(kind, size, timeout)
        if base is None and "seconds" in row:
            base = row["seconds_per_mb"]
        row["slowdown"] = row["seconds_per_mb"] / base if base and "error" not in row else None
        row["flagged"] = row["slowdown"] is None or row["slowdown"] > SLOWDOWN_LIMIT
        rows[label] = row
        if echo:
            print(format_row(label, row), flush=True)
    return {
        "rows": rows,
        "slowdown_limit": SLOWDOWN_LIMIT,
        "linear": not any(row["flagged"] for row in rows.values()),
    }


def format_row(label: str, row: dict[str, Any]) -> str:
    if "error" in row:
        return f"{label:>14}  FAILED: {row['error']}"
    if "timed_out_after_s" in row:
        return f"{label:>14}  TIMED OUT after {row['timed_out_after_s']:.0f} s   FLAGGED"
    flag = "   FLAGGED (> 2x the smallest per MB)" if row["flagged"] else ""
    return (
        f"{label:>14}  {row['seconds']:8.2f} s  {row['seconds_per_mb']:7.2f} s/MB  "
        f"x{row['slowdown']:5.2f}  peak +{row['peak_growth_mb']:7.1f} MB "
        f"({row['peak_growth_mb_per_mb']:6.1f} MB/MB)  {row.get('wall_seconds', 0.0):8.2f} s{flag}"
    )


HEADER = (
    f"{'input':>14}  {'CPU time':>10}  {'per MB':>12}  {'vs 10k':>6}  peak memory growth"
    f"{'':>19}wall time"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10 kB to 1 MB, run-on of 100 kB")
    parser.add_argument(
        "--timeout", type=float, default=1800.0, help="wall seconds per size (default 1800)"
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the numbers here")
    parser.add_argument("--one", nargs=2, metavar=("KIND", "BYTES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.one[0], int(args.one[1]))))
        return 0
    print(HEADER, flush=True)
    table = run_table(args.quick, args.timeout)
    print("linear" if table["linear"] else "NOT linear: a size is flagged")
    if args.json:
        args.json.write_text(json.dumps(table, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
