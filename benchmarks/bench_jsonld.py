"""schema.org JSON-LD speed: export, validation of third-party blocks, and reading them back.

    python benchmarks/bench_jsonld.py          # prints rates and ratios
    python benchmarks/bench_jsonld.py --quick  # shorter rounds

Targets (issue 4), per core (everything here runs in one process, on one core):

- export >= 2,500 articles/s from a model (rich articles shaped like the seed: 8 people,
  3 organisations, 4 places, 3 events, Cyrillic text);
- validation of third-party blocks >= 1,000 blocks/s (the 432 real blocks of
  ``../shared/corpus/jsonld``, read in place, with the schema.org vocabulary installed).

References measured in the same run: ``orjson.dumps`` of the article's prebuilt model dict (the
floor of any JSON export) and the standard library's ``json.loads`` of the same blocks (the floor
of any JSON-LD check, which must at least parse).  ``run(texts, quick)`` is folded into
``benchmarks/run.py``; the vocabulary comes from ``../shared/schemas`` unless
``NEWSMODEL_SCHEMA_DIR`` is set.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from fixtures import rich_articles, seed_body
from timing import rate

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("NEWSMODEL_SHARED") or HERE.parent.parent / "shared")
CORPUS = SHARED / "corpus" / "jsonld"


def bench_export(texts: list[str], quick: bool) -> dict[str, Any]:
    import orjson

    from newsmodel.formats.jsonld import dump

    articles = rich_articles(texts, 50)
    min_time = 0.2 if quick else 1.0
    prebuilt = [article.model_dump(mode="json") for article in articles]
    reference = rate(
        lambda: [orjson.dumps(d) for d in prebuilt], items=len(prebuilt), min_time=min_time
    )
    export = rate(
        lambda: [dump(article) for article in articles], items=len(articles), min_time=min_time
    )
    return {
        "articles_per_s": export,
        "orjson_dicts_per_s": reference,
        "ratio_to_orjson": export / reference,
        "target": 2500,
    }


def corpus_blocks() -> list[bytes]:
    return (
        [path.read_bytes() for path in sorted(CORPUS.glob("*/*.jsonld"))] if CORPUS.is_dir() else []
    )


def _json_loads_all(blocks: list[bytes]) -> None:
    for data in blocks:
        with contextlib.suppress(ValueError):
            json.loads(data)


def bench_validate(quick: bool) -> dict[str, Any]:
    from newsmodel.validation.schemaorg import validate
    from newsmodel.validation.vocabulary import load_vocabulary

    blocks = corpus_blocks()
    if not blocks:
        return {"skipped": f"{CORPUS} is absent"}
    if load_vocabulary() is None:
        return {"skipped": "the schema.org vocabulary is not installed"}
    min_time = 0.5 if quick else 2.0
    reference = rate(lambda: _json_loads_all(blocks), items=len(blocks), min_time=min_time)
    checked = rate(
        lambda: [validate(data) for data in blocks], items=len(blocks), min_time=min_time
    )
    return {
        "blocks_per_s": checked,
        "blocks": len(blocks),
        "mean_bytes": sum(map(len, blocks)) // len(blocks),
        "json_loads_blocks_per_s": reference,
        "ratio_to_json_loads": checked / reference,
        "target": 1000,
    }


def bench_read(quick: bool) -> dict[str, Any]:
    from newsmodel.errors import NewsmodelError
    from newsmodel.formats.jsonld import load

    blocks = corpus_blocks()
    if not blocks:
        return {"skipped": f"{CORPUS} is absent"}

    def read_all() -> None:
        for data in blocks:
            with contextlib.suppress(NewsmodelError):
                load(data)

    return {"blocks_per_s": rate(read_all, items=len(blocks), min_time=0.5 if quick else 2.0)}


def run(texts: list[str], quick: bool) -> dict[str, Any]:
    """The three measurements, for ``benchmarks/run.py``."""
    os.environ.setdefault("NEWSMODEL_SCHEMA_DIR", str(SHARED / "schemas"))
    return {
        "export": bench_export(texts, quick),
        "validate": bench_validate(quick),
        "read": bench_read(quick),
    }


def main() -> None:
    quick = "--quick" in sys.argv
    results = run([seed_body()], quick)
    export, check, read = results["export"], results["validate"], results["read"]
    print(
        f"export   {export['articles_per_s']:8.0f} articles/s  (target 2500; orjson.dumps of "
        f"the model dict {export['orjson_dicts_per_s']:.0f}/s, ratio "
        f"{export['ratio_to_orjson']:.2f})"
    )
    if "skipped" in check:
        print(f"validate skipped: {check['skipped']}")
    else:
        print(
            f"validate {check['blocks_per_s']:8.0f} blocks/s    (target 1000; "
            f"{check['blocks']} third-party blocks, mean {check['mean_bytes']} bytes; "
            f"json.loads {check['json_loads_blocks_per_s']:.0f}/s, "
            f"ratio {check['ratio_to_json_loads']:.3f})"
        )
    if "skipped" in read:
        print(f"read     skipped: {read['skipped']}")
    else:
        print(f"read     {read['blocks_per_s']:8.0f} blocks/s    (the same blocks into articles)")


if __name__ == "__main__":
    main()
