"""Parse rate on the seed article, against a same-run reference, written as JSON.

Usage: ``python benchmarks/bench_parse.py [--seconds 3] [--json OUT]``

The reference is ``tokenize_uk.tokenize_words`` on the same text, timed in the same run, so the
ratio says how many plain tokenisations one full parse costs, whatever the machine.  Rates are
measured after a warm-up parse (dictionaries loaded, caches filled); the cold figure is the
first parse in this process, which includes loading pymorphy3 and the gazetteer.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_b4df3ac546630d11.txt"


def rate(function: Callable[[], object], seconds: float) -> float:
    """Calls per second: the best of five rounds of about ``seconds / 5`` each."""
    best = 0.0
    for _ in range(5):
        count, start = 0, time.perf_counter()
        while (elapsed := time.perf_counter() - start) < seconds / 5:
            function()
            count += 1
        best = max(best, count / elapsed)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--json", type=Path, default=None, help="also write the numbers here")
    args = parser.parse_args()

    text = SEED.read_text(encoding="utf-8")
    start = time.perf_counter()
    from newsmodel import parse_text

    parse_text(text)
    cold = time.perf_counter() - start

    import tokenize_uk

    body = text.split("\n", 1)[1]
    parse_rate = rate(lambda: parse_text(text), args.seconds)
    reference_rate = rate(lambda: tokenize_uk.tokenize_words(body), args.seconds)
    result = {
        "benchmark": "parse_text on the seed article",
        "characters": len(text),
        "cold_first_parse_seconds": round(cold, 4),
        "articles_per_second": round(parse_rate, 1),
        "reference": "tokenize_uk.tokenize_words on the same text",
        "reference_per_second": round(reference_rate, 1),
        "ratio_to_reference": round(parse_rate / reference_rate, 3),
    }
    print(f"parse_text: {parse_rate:8.1f} articles/s   (cold first parse {cold * 1000:.0f} ms)")
    print(f"reference : {reference_rate:8.1f} tokenisations/s")
    print(f"ratio     : {result['ratio_to_reference']:.3f} (parse rate / reference rate)")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
