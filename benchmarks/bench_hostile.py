"""Hostile inputs stay linear: time per item at n and at 8n, and their ratio.

    python benchmarks/bench_hostile.py          # prints seconds per 1,000 items and ratios
    python benchmarks/bench_hostile.py --quick  # smaller sizes

The paths issue #10 found quadratic or unbounded (distinct unknown JSON-LD properties, the
JSON-LD reader's unmapped-key notes, one JSON issue per ``null``, an HTML ``<script>`` with many
attributes).  A ratio near 1 is linear; a quadratic path gives about 8.  The reference, measured
in the same run, is ``orjson.loads`` of the same document (the floor of any reader).
``run(texts, quick)`` is folded into ``benchmarks/run.py``.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("NEWSMODEL_SHARED") or HERE.parent.parent / "shared")


def _unknown_properties(n: int) -> bytes:
    node: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle"}
    node.update({f"zzUnknown{index}": 1 for index in range(n)})
    return orjson.dumps(node)


def _foreign_keys(n: int) -> bytes:
    node: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "x",
    }
    node.update({f"ex:key{index}": 1 for index in range(n)})
    return orjson.dumps(node)


def _nulls(n: int) -> bytes:
    return orjson.dumps({"keywords": [None] * n})


def _attributes(n: int) -> bytes:
    attributes = " ".join(f'a{index}="{index}"' for index in range(n))
    return (
        f'<html><head><script type="application/ld+json" {attributes}>{{}}</script></head></html>'
    ).encode()


def _cases() -> list[tuple[str, Callable[[int], bytes], Callable[[bytes], Any]]]:
    from newsmodel import loads, validate
    from newsmodel.errors import NewsmodelError

    def read(data: bytes) -> Any:
        try:
            return loads(data, "jsonld")
        except NewsmodelError:
            return None

    return [
        (
            "jsonld validate, unknown properties",
            _unknown_properties,
            lambda data: validate(data, "jsonld"),
        ),
        ("jsonld read, unmapped keys", _foreign_keys, read),
        ("json validate, nulls", _nulls, lambda data: validate(data, "json")),
        ("html validate, script attributes", _attributes, lambda data: validate(data, "jsonld")),
    ]


def _seconds(function: Callable[[bytes], Any], data: bytes) -> float:
    started = time.process_time()
    function(data)
    return time.process_time() - started


def run(texts: list[str] | None = None, quick: bool = False) -> dict[str, Any]:
    """Seconds per 1,000 items at n and 8n for each hostile path, and the ratio."""
    if not os.environ.get("NEWSMODEL_SCHEMA_DIR") and (SHARED / "schemas").is_dir():
        os.environ["NEWSMODEL_SCHEMA_DIR"] = str(SHARED / "schemas")
    small = 2_000 if quick else 5_000
    results: dict[str, Any] = {}
    for name, build, function in _cases():
        function(build(100))  # warm up: vocabulary, imports
        per = []
        for n in (small, 8 * small):
            data = build(n)
            reference = _seconds(orjson.loads, data) if data.startswith(b"{") else 0.0
            per.append((_seconds(function, data) * 1000 / n, reference * 1000 / n))
        results[name] = {
            "n": small,
            "s_per_1000_at_n": round(per[0][0], 4),
            "s_per_1000_at_8n": round(per[1][0], 4),
            "ratio_8n_to_n": round(per[1][0] / per[0][0], 2) if per[0][0] else None,
            "orjson_s_per_1000_at_8n": round(per[1][1], 5),
        }
    return {"hostile": results}


if __name__ == "__main__":
    for name, row in run(quick="--quick" in sys.argv)["hostile"].items():
        sys.stdout.write(f"{name}: {row}\n")
