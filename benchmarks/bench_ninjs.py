"""IPTC ninjs speed: export, reading back, and validation against the official schemas.

    python benchmarks/bench_ninjs.py          # prints rates and ratios
    python benchmarks/bench_ninjs.py --quick  # shorter rounds

Targets (issue 13), per core (one process, CPU time of this process):

- export >= 5,000 articles/s (rich articles shaped like the seed: 8 people, organisations,
  places with points, events, Cyrillic text, and an agency's metadata: subjects, rights, a
  picture with renditions...), written as ninjs 3.1;
- reading >= 5,000 documents/s (those exports back into articles);
- validation >= 2,000 documents/s (the same documents against ninjs-schema_3.1.json, and, for
  the record, IPTC's own 200 test-suite files, each against its version).

The reference measured in the same run is ``orjson.dumps`` of the article's prebuilt model
dict (the floor of any JSON export) and ``orjson.loads`` of the same ninjs documents (the
floor of any reading or validation, which must at least parse).  ``run(texts, quick)`` is
folded into ``benchmarks/run.py``; the schemas come from ``../shared/schemas`` unless
``NEWSMODEL_SCHEMA_DIR`` is set.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from fixtures import rich_articles, seed_body
from timing import rate

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("NEWSMODEL_SHARED") or HERE.parent.parent / "shared")
SUITE = SHARED / "corpus" / "ninjs-conformance"


def with_metadata(article: Any) -> Any:
    """The article with an agency's metadata: dates, status, codes, rights, a credited
    author, a picture with two renditions, a link."""
    from newsmodel.models import Article

    data = article.model_dump()
    data.update(
        version=3,
        pub_status="usable",
        urgency=4,
        slugline="КНДР-Росія",
        date_modified="2025-11-07T10:00:00+02:00",
        first_created="2025-11-07T08:00:00+02:00",
        dateline={"text": "КИЇВ, 7 листопада"},
        editorial_note="Оновлено о 10:00",
        byline="Олена Коваль",
        authors=[{"name": "Олена Коваль", "role": "author"}],
        genres=[{"code": "genre:Current", "name": "Поточні новини"}],
        subjects=[
            {
                "code": "medtop:11000000",
                "name": "політика",
                "scheme_uri": "http://cv.iptc.org/newscodes/mediatopic/",
            },
            {"code": "medtop:16000000", "name": "конфлікти"},
        ],
        rights={
            "copyright_holder": "Укрінформ",
            "copyright_notice": "© 2025 Укрінформ",
            "usage_terms": "Лише для редакційного використання",
        },
        images=[
            {
                "url": "https://example.org/a.jpg",
                "caption": "Делегація в Пхеньяні",
                "credit": "Фото: ЦТАК",
                "width": 1200,
                "height": 800,
                "mime_type": "image/jpeg",
                "renditions": [
                    {"url": "https://example.org/a-t.jpg", "width": 120, "name": "thumbnail"},
                    {"url": "https://example.org/a-p.jpg", "width": 600, "name": "preview"},
                ],
            }
        ],
        links=[
            {"url": "https://example.org/earlier", "relation": "irel:seeAlso", "title": "Раніше"}
        ],
    )
    return Article.model_validate(data)


def _rate(function: Any, items: int, quick: bool) -> float:
    return rate(function, items=items, min_time=0.2 if quick else 1.0, clock=time.process_time)


def run(texts: list[str], quick: bool) -> dict[str, Any]:
    """Export, read and validate rates, each with its orjson reference."""
    import orjson

    from newsmodel.formats.ninjs import dump, load
    from newsmodel.validation.ninjs import validate
    from newsmodel.validation.resources import find_schema_set

    os.environ.setdefault("NEWSMODEL_SCHEMA_DIR", str(SHARED / "schemas"))
    articles = [with_metadata(article) for article in rich_articles(texts, 50)]
    prebuilt = [article.model_dump(mode="json") for article in articles]
    documents = [dump(article, indent=False) for article in articles]
    dumps_reference = _rate(lambda: [orjson.dumps(d) for d in prebuilt], len(prebuilt), quick)
    loads_reference = _rate(lambda: [orjson.loads(d) for d in documents], len(documents), quick)
    export = _rate(
        lambda: [dump(article, indent=False) for article in articles], len(articles), quick
    )
    read = _rate(lambda: [load(data) for data in documents], len(documents), quick)
    results: dict[str, Any] = {
        "export": {
            "articles_per_s": export,
            "orjson_dicts_per_s": dumps_reference,
            "ratio_to_orjson": export / dumps_reference,
            "target": 5000,
        },
        "read": {
            "documents_per_s": read,
            "orjson_loads_per_s": loads_reference,
            "ratio_to_orjson_loads": read / loads_reference,
            "target": 5000,
        },
        "mean_bytes": sum(map(len, documents)) // len(documents),
    }
    if find_schema_set("ninjs") is None:
        results["validate"] = {"skipped": "the ninjs schemas are not installed"}
        return results
    checked = _rate(lambda: [validate(data) for data in documents], len(documents), quick)
    results["validate"] = {
        "documents_per_s": checked,
        "orjson_loads_per_s": loads_reference,
        "ratio_to_orjson_loads": checked / loads_reference,
        "target": 2000,
    }
    if SUITE.is_dir():
        suite = [
            (path.read_bytes(), path.parent.parent.name)
            for path in sorted(SUITE.glob("*/should_*/*.json"))
        ]
        results["validate"]["suite_files_per_s"] = _rate(
            lambda: [validate(data, version=version) for data, version in suite], len(suite), quick
        )
    return results


def main() -> None:
    results = run([seed_body()], "--quick" in sys.argv)
    export, read, check = results["export"], results["read"], results["validate"]
    print(
        f"export   {export['articles_per_s']:8.0f} articles/s  (target 5000; orjson.dumps of "
        f"the model dict {export['orjson_dicts_per_s']:.0f}/s, ratio "
        f"{export['ratio_to_orjson']:.2f}; mean {results['mean_bytes']} bytes)"
    )
    print(
        f"read     {read['documents_per_s']:8.0f} documents/s (target 5000; orjson.loads "
        f"{read['orjson_loads_per_s']:.0f}/s, ratio {read['ratio_to_orjson_loads']:.3f})"
    )
    if "skipped" in check:
        print(f"validate skipped: {check['skipped']}")
    else:
        suite = check.get("suite_files_per_s")
        print(
            f"validate {check['documents_per_s']:8.0f} documents/s (target 2000; ratio "
            f"{check['ratio_to_orjson_loads']:.3f} to orjson.loads"
            + (f"; IPTC's suite {suite:.0f} files/s" if suite else "")
            + ")"
        )


if __name__ == "__main__":
    main()
