"""What ``run.py`` prints after each step: the measured rates beside their same-run
references, one line per measurement."""

from __future__ import annotations

import json
from typing import Any


def show_references(results: dict[str, Any]) -> None:
    refs = results["references"]
    print(
        f"newsmodel {results['version']} ({results['parser']} parser) on "
        f"{results['machine']['python']}, "
        f"{results['machine']['cpus']} CPU(s); {results['articles']} Cyrillic articles"
    )
    print(
        "references: "
        f"lemmatise {refs['lemmatise']['news_articles_per_s']:.0f} art/s, "
        f"orjson {refs['orjson']['articles_per_s']:.0f} art/s"
        + "".join(
            f", lxml {key.split('_')[0]} {value:.0f} doc/s"
            for key, value in refs.get("lxml", {}).items()
        )
    )


def show_parse(results: dict[str, Any]) -> None:
    for label, entry in results["parse"].items():
        print(
            f"parse {label:8s} {entry['articles_per_s']:9.1f} articles/s per core "
            f"({entry['mean_characters']} characters each; {entry['ratio']:.3f} x lemmatise, "
            f"{entry['reference_per_s']:.0f}/s)"
        )


def show_exports(results: dict[str, Any]) -> None:
    show_references(results)
    for name, entry in results["export"].items():
        print(
            f"export {name:8s}{entry['articles_per_s']:9.1f} articles/s "
            f"({entry['ratio']:.3f} x {entry['reference']})"
        )


def show_validators(results: dict[str, Any]) -> None:
    for name, entry in results["validate"].items():
        if "unavailable" in entry:
            print(f"validate {name:6s} unavailable: {entry['unavailable']}")
            continue
        print(
            f"validate {name:6s}{entry['documents_per_s']:9.1f} documents/s "
            f"({entry['ratio']:.3f} x {entry['reference']})"
        )


def show_batch(results: dict[str, Any]) -> None:
    batch = results["batch"]
    print(
        f"batch convert  {batch['workers_1_files_per_s']:9.1f} files/s with 1 worker, "
        f"{batch['workers_2_files_per_s']:.1f} with 2 "
        f"(x{batch['speedup_2_over_1']:.2f}, where two busy processes get "
        f"x{batch['ceiling_2_over_1']:.2f}; {batch['files']} files, whole command; CPU "
        f"{batch['workers_1_cpu_s']:.1f} s vs {batch['workers_2_cpu_s']:.1f} s, "
        f"load average {results['machine']['load_average'][0]:.1f})"
    )


def show_memory(results: dict[str, Any]) -> None:
    memory = results["memory"]
    print(
        f"memory         {memory['peak_rss_mb']:9.1f} MB peak RSS converting "
        f"{memory['articles']} articles ({memory['seconds']:.1f} s)"
    )


def show_cold_start(results: dict[str, Any]) -> None:
    cold = results["cold_start"]
    print(
        f"cold start     --version {cold['version_ms']:.0f} ms, --help {cold['help_ms']:.0f} ms, "
        f"convert seed {cold['convert_seed_ms']:.0f} ms wall, "
        f"{cold['convert_seed_cpu_ms']:.0f} ms CPU (target < 1 s; python itself "
        f"{cold['python_startup_ms']:.0f} ms)"
    )


def show_extra(results: dict[str, Any]) -> None:
    if "extra_skipped" in results:
        print(f"extra          skipped ({results['extra_skipped']})")
    newsml = results.get("extra", {}).get("bench_newsml", {})
    read, check = newsml.get("read", {}), newsml.get("validate", {})
    if "newsmodel_files_per_s" in read:
        print(
            f"read NewsML    {read['newsmodel_files_per_s']:9.1f} files/s ({read['files']} "
            f"agency files both read; python-newsmlg2 {read['newsmlg2_files_per_s']:.1f} "
            f"files/s, ratio {read['ratio_to_newsmlg2']:.1f}; "
            f"{read['ratio_to_lxml']:.3f} x lxml)"
        )
    if "items_per_s" in check:
        print(
            f"check NewsML   {check['items_per_s']:9.1f} items/s ({check['items']} agency "
            f"items; {check['ratio_to_lxml']:.3f} x lxml, "
            f"{check['ratio_to_libxml2_xsd']:.3f} x libxml2's own parse + XSD)"
        )
    ninjs = results.get("extra", {}).get("bench_ninjs", {})
    if "export" in ninjs:
        export, read, check = ninjs["export"], ninjs["read"], ninjs.get("validate", {})
        print(
            f"ninjs 3.1      export {export['articles_per_s']:.0f} art/s "
            f"({export['ratio_to_orjson']:.2f} x orjson), read {read['documents_per_s']:.0f} "
            f"doc/s ({read['ratio_to_orjson_loads']:.3f} x orjson.loads), validate "
            + (f"{check['documents_per_s']:.0f} doc/s" if "documents_per_s" in check else "skipped")
            + " (targets 5000, 5000, 2000)"
        )
    for name, extra in results.get("extra", {}).items():
        print(f"{name}: {json.dumps(extra, ensure_ascii=False)[:300]}")


def show_linearity(results: dict[str, Any]) -> None:
    table = results["linearity"]
    print(
        "linearity      "
        + (
            "linear: no size over 2x the smallest per MB"
            if table["linear"]
            else "NOT linear: "
            + ", ".join(label for label, row in table["rows"].items() if row["flagged"])
        )
    )


def show_memory_if_run(results: dict[str, Any]) -> None:
    if "memory" in results:
        show_memory(results)
