"""Parse rate against the least a morphology-driven parser does, measured in the same run.

Usage: ``python benchmarks/bench_parse.py [--seconds 0.5] [--rounds 5] [--unseen] [--json OUT]``

The reference (issue 11's speed target) tokenises the text with one regular expression and
lemmatises each distinct word once with pymorphy3: no parser that reads Ukrainian morphology can
do less per article.  The reference and ``parse_text`` are timed in alternating rounds
(reference, parser, reference, parser ...) in CPU seconds of this process, and the best round
of each is kept: on a shared machine both see the same slow and fast spells, so their ratio is
stable where two back-to-back measurements are not.  The ratio is the number to watch (issue
11 asks for at least 0.5, aiming for 0.8); the rate is per core.

The input is the seed article (4.7 kB, the size the issue's "seed-sized articles" means) by
default, or the texts ``run.py`` passes in.  The cold figure is the first parse in this process:
pymorphy3's dictionaries and the lexicons loading.  The rounds repeat the same text, so every
word the parser caches facts about is warm after the first; ``--unseen`` adds the rate on the
ner-uk news texts parsed once each (:func:`measure_unseen`), what a stream of new articles
costs before its vocabulary is known.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from timing import interleaved_rates

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_b4df3ac546630d11.txt"
WORD = re.compile(r"\w+(?:['’ʼ-]\w+)*")
"""A word: letters and digits, with inner apostrophes and hyphens (``п'ять``, ``будь-який``)."""


def reference(morph: Any) -> Callable[[str], list[str]]:
    """Tokenise with :data:`WORD` and lemmatise each distinct word of the text once."""

    def lemmatise(text: str) -> list[str]:
        words = WORD.findall(text)
        lemmas = {word: morph.parse(word)[0].normal_form for word in set(words)}
        return [lemmas[word] for word in words]

    return lemmatise


def measure(texts: Sequence[str], *, min_time: float = 0.5, rounds: int = 5) -> dict[str, Any]:
    """Articles per CPU second of ``parse_text`` and of the reference, and their ratio."""
    started = time.perf_counter()
    from newsmodel import parse_text

    parse_text(texts[0])
    cold = time.perf_counter() - started
    import pymorphy3

    lemmatise = reference(pymorphy3.MorphAnalyzer(lang="uk"))
    rates = interleaved_rates(
        {
            "reference": lambda: [lemmatise(t) for t in texts],
            "parse": lambda: [parse_text(t) for t in texts],
        },
        items=len(texts),
        min_time=min_time,
        repeat=rounds,
    )
    chars = sum(len(t) for t in texts) / len(texts)
    from newsmodel.cli.common import parser_build

    return {
        "parser": parser_build(),
        "articles": len(texts),
        "mean_characters": round(chars),
        "articles_per_s": rates["parse"],
        "reference": "regex tokenisation + pymorphy3 lemma of each distinct word once",
        "reference_per_s": rates["reference"],
        "ratio": rates["parse"] / rates["reference"],
        "clock": "CPU seconds of this process (per core), best of alternating rounds",
        "cold_first_parse_s": cold,
    }


def measure_unseen(texts: Sequence[str]) -> dict[str, Any]:
    """Articles per CPU second on texts the parser has not seen: after a warm-up on the seed,
    each text is parsed once, so every cache the parser keeps per word starts cold for the
    words new to it (the repeated rounds of :func:`measure` see every word warm).  The
    reference lemmatises the same texts once each, alternating with the parser by halves."""
    from newsmodel import parse_text

    for _ in range(3):
        parse_text(SEED.read_text(encoding="utf-8"))
    import pymorphy3

    lemmatise = reference(pymorphy3.MorphAnalyzer(lang="uk"))
    parser_seconds = reference_seconds = 0.0
    half = len(texts) // 2
    for part in (texts[:half], texts[half:]):
        started = time.process_time()
        for text in part:
            lemmatise(text)
        reference_seconds += time.process_time() - started
        started = time.process_time()
        for text in part:
            parse_text(text)
        parser_seconds += time.process_time() - started
    return {
        "articles": len(texts),
        "mean_characters": round(sum(len(t) for t in texts) / len(texts)),
        "articles_per_s": len(texts) / parser_seconds,
        "reference_per_s": len(texts) / reference_seconds,
        "ratio": reference_seconds / parser_seconds,
        "clock": "CPU seconds of this process (per core), each text parsed once",
    }


def news_texts() -> list[str]:
    """The ner-uk news texts (ids ``ng/``) of ``../shared``, each with a date header; none
    when that folder is absent."""
    source = ROOT.parent / "shared" / "eval" / "ner-uk" / "train.jsonl"
    if not source.is_file():
        return []
    with source.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    return [f"date 2024-03-01\n{r['text']}" for r in records if r["id"].startswith("ng/")]


def show(label: str, result: dict[str, Any]) -> str:
    return (
        f"parse {label:10s}{result['articles_per_s']:8.1f} articles/s per core "
        f"({result['mean_characters']} characters each); reference "
        f"{result['reference_per_s']:.1f}/s; ratio {result['ratio']:.3f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=0.5, help="minimum time per round")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds of each")
    parser.add_argument("--json", type=Path, default=None, help="also write the numbers here")
    parser.add_argument(
        "--unseen",
        action="store_true",
        help="also parse each ner-uk news text of ../shared once (texts the parser has not seen)",
    )
    args = parser.parse_args()
    result = measure([SEED.read_text(encoding="utf-8")], min_time=args.seconds, rounds=args.rounds)
    print(f"the {result['parser']} parser (newsmodel --version says which is installed)")
    print(show("seed", result))
    print(f"cold first parse in this process: {result['cold_first_parse_s'] * 1000:.0f} ms")
    if args.unseen:
        texts = news_texts()
        if not texts:
            print("--unseen: ../shared/eval/ner-uk/train.jsonl is absent; skipped")
        else:
            result["unseen"] = measure_unseen(texts)
            print(show("unseen", result["unseen"]))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
