"""NewsML-G2 speed: export, reading and validation, each next to plain lxml in the same run.

    python benchmarks/bench_newsml.py          # prints rates and ratios
    python benchmarks/bench_newsml.py --quick  # shorter rounds

Targets (issue 5), per core:

- export >= 2,000 articles/s from a model (rich articles: 8 people, organisations, places and
  events, Cyrillic text);
- reading >= 20x IPTC's python-newsmlg2 on the same agency files (those both libraries read);
- validation >= 5,000 items/s for typical agency items (valid agency newsItems and the items of
  newsMessages from ``../shared/corpus/newsml-g2``).

The reference for each is plain ``etree.fromstring`` + ``etree.tostring`` of the same bytes;
validation is also measured against libxml2's own work (``etree.fromstring`` + the compiled
``XMLSchema.validate``, no reporting): the ceiling for any validator built on libxml2.
Rates are per CPU second of the benchmark process (``time.process_time``): per core, and
robust to other work on the machine.
``run(texts, quick)`` is folded into ``benchmarks/run.py``; the schema comes from
``../shared/schemas`` unless ``NEWSMODEL_SCHEMA_DIR`` is set.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import timing
from fixtures import rich_articles, seed_body
from lxml import etree

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("NEWSMODEL_SHARED") or HERE.parent.parent / "shared")
CORPUS = SHARED / "corpus" / "newsml-g2"
NAR = "{http://iptc.org/std/nar/2006-10-01/}"
ITEM_TAGS = {
    f"{NAR}{name}"
    for name in ("newsItem", "packageItem", "conceptItem", "knowledgeItem", "planningItem")
}


def rates(
    functions: dict[str, Callable[[], Any]], *, items: int, min_time: float, repeat: int = 3
) -> dict[str, float]:
    """Items per CPU second of this process (the rate per core), each function measured in
    rounds alternating with the others' (``timing.interleaved_rates``), so a ratio compares
    like with like."""
    return timing.interleaved_rates(
        functions, items=items, min_time=min_time, repeat=repeat, clock=time.process_time
    )


def lxml_round_trip(documents: list[bytes]) -> None:
    for data in documents:
        etree.tostring(etree.fromstring(data))


def agency_files() -> list[tuple[str, bytes]]:
    return (
        [
            (str(path.relative_to(CORPUS)), path.read_bytes())
            for path in sorted(CORPUS.rglob("*.xml"))
        ]
        if CORPUS.is_dir()
        else []
    )


def items_in(data: bytes) -> list[bytes]:
    """Each item of a valid agency file, as its own document (a message's items one by one)."""
    root = etree.fromstring(data)
    if root.tag in ITEM_TAGS:
        return [data]
    return [etree.tostring(item) for item in root.iter() if item.tag in ITEM_TAGS]


def bench_export(texts: list[str], quick: bool) -> dict[str, Any]:
    from newsmodel.formats.newsml_write import dump

    articles = rich_articles(texts, 50)
    stamp = datetime(2025, 11, 7, 12, tzinfo=UTC)
    outputs = [dump(article, version_created=stamp) for article in articles]
    min_time = 0.3 if quick else 1.0
    measured = rates(
        {
            "ours": lambda: [dump(a, version_created=stamp) for a in articles],
            "lxml": lambda: lxml_round_trip(outputs),
        },
        items=len(articles),
        min_time=min_time,
    )
    ours, plain = measured["ours"], measured["lxml"]
    return {
        "articles_per_s": ours,
        "lxml_docs_per_s": plain,
        "ratio_to_lxml": ours / plain,
        "bytes_per_article": sum(map(len, outputs)) // len(outputs),
        "target": 2000,
    }


def bench_read(quick: bool) -> dict[str, Any]:
    from newsmodel.errors import NewsmodelError
    from newsmodel.formats.newsml_read import load

    try:
        import NewsMLG2
    except ImportError:
        return {"skipped": "python-newsmlg2 is not installed (pip install newsmlg2)"}
    both, theirs_failed, ours_refused = [], 0, 0
    for _name, data in agency_files():
        try:
            load(data)
        except NewsmodelError:
            ours_refused += 1
            continue
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                NewsMLG2.NewsMLG2Document(data)
        except Exception:
            theirs_failed += 1
            continue
        both.append(data)

    def theirs() -> None:
        with contextlib.redirect_stdout(io.StringIO()):
            for data in both:
                NewsMLG2.NewsMLG2Document(data)

    min_time = 0.5 if quick else 2.0
    measured = rates(
        {
            "ours": lambda: [load(d) for d in both],
            "newsmlg2": theirs,
            "lxml": lambda: lxml_round_trip(both),
        },
        items=len(both),
        min_time=min_time,
    )
    ours, reference, plain = measured["ours"], measured["newsmlg2"], measured["lxml"]
    return {
        "files": len(both),
        "newsmlg2_crashed_on": theirs_failed,
        "newsmodel_refused": ours_refused,
        "newsmodel_files_per_s": ours,
        "newsmlg2_files_per_s": reference,
        "ratio_to_newsmlg2": ours / reference,
        "lxml_files_per_s": plain,
        "ratio_to_lxml": ours / plain,
        "target_ratio": 20,
    }


def bench_validate(quick: bool) -> dict[str, Any]:
    from newsmodel.validation.resources import ENV_VAR, find_schema_set
    from newsmodel.validation.xsd import compiled_schema, validate

    if not os.environ.get(ENV_VAR) and (SHARED / "schemas" / "newsml-g2").is_dir():
        os.environ[ENV_VAR] = str(SHARED / "schemas")
    items: list[bytes] = []
    for _name, data in agency_files():
        if validate(data).ok:
            items.extend(items_in(data))
    if not items:
        return {"skipped": "no valid agency items or no schema"}
    if not all(validate(item).ok for item in items):
        return {"error": "an extracted item does not validate on its own"}
    min_time = 0.5 if quick else 2.0
    folder = find_schema_set("newsml-g2")
    assert folder is not None  # the items above validated against it
    schema = compiled_schema(folder.resolve())
    measured = rates(
        {
            "ours": lambda: [validate(item) for item in items],
            "lxml": lambda: lxml_round_trip(items),
            "xsd": lambda: [schema.validate(etree.fromstring(i)) for i in items],
        },
        items=len(items),
        min_time=min_time,
    )
    ours, plain, xsd = measured["ours"], measured["lxml"], measured["xsd"]
    return {
        "items": len(items),
        "mean_bytes": sum(map(len, items)) // len(items),
        "items_per_s": ours,
        "lxml_docs_per_s": plain,
        "ratio_to_lxml": ours / plain,
        "libxml2_xsd_items_per_s": xsd,
        "ratio_to_libxml2_xsd": ours / xsd,
        "target": 5000,
    }


def bench_hostile() -> dict[str, float]:
    """Milliseconds to refuse each kind of hostile input (the validator reports, never raises)."""
    from newsmodel.validation.xsd import validate

    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    cases = {
        "entity_bomb": f'<!DOCTYPE x [<!ENTITY l0 "lol">{levels}]><x>&l9;</x>'.encode(),
        "external_entity": b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
        "deep_nesting": b"<a>" * 100_000 + b"</a>" * 100_000,
        "huge_text_node": b"<a>" + b"x" * 20_000_000 + b"</a>",
        "empty": b"",
    }
    timings = {}
    for name, data in cases.items():
        started = time.process_time()
        report = validate(data)
        timings[name] = (time.process_time() - started) * 1000
        assert not report.ok, name
    return timings


def run(texts: list[str], quick: bool) -> dict[str, Any]:
    """The measurements, for ``benchmarks/run.py``."""
    return {
        "export": bench_export(texts, quick),
        "read": bench_read(quick),
        "validate": bench_validate(quick),
        "hostile_ms": bench_hostile(),
    }


def main() -> None:
    quick = "--quick" in sys.argv
    results = run([seed_body()], quick)
    export, read, check = results["export"], results["read"], results["validate"]
    print(
        f"export   {export['articles_per_s']:8.0f} articles/s  (target 2000; plain lxml "
        f"parse+serialise {export['lxml_docs_per_s']:.0f}/s, "
        f"ratio {export['ratio_to_lxml']:.2f})"
    )
    if "skipped" in read:
        print(f"read     skipped: {read['skipped']}")
    else:
        print(
            f"read     {read['newsmodel_files_per_s']:8.0f} files/s     "
            f"python-newsmlg2 {read['newsmlg2_files_per_s']:.0f}/s -> "
            f"{read['ratio_to_newsmlg2']:.1f}x (target 20x) on {read['files']} files; "
            f"newsmlg2 crashed on {read['newsmlg2_crashed_on']}; plain lxml "
            f"{read['lxml_files_per_s']:.0f}/s"
        )
    if "items_per_s" in check:
        print(
            f"validate {check['items_per_s']:8.0f} items/s     (target 5000; {check['items']} "
            f"agency items, mean {check['mean_bytes']} bytes; plain lxml "
            f"{check['lxml_docs_per_s']:.0f}/s, ratio {check['ratio_to_lxml']:.2f}; libxml2's "
            f"own parse + XSD {check['libxml2_xsd_items_per_s']:.0f}/s, ratio "
            f"{check['ratio_to_libxml2_xsd']:.2f})"
        )
    else:
        print(f"validate {check}")
    refused = ", ".join(f"{name} {ms:.1f} ms" for name, ms in results["hostile_ms"].items())
    print(f"refusing hostile input: {refused}")


if __name__ == "__main__":
    main()
