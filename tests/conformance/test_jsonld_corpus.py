"""The real-world JSON-LD corpus (``../shared/corpus/jsonld``): reader and validator conformance.

The reader must read every block that is strict JSON with a headline into an article with that
headline, and must never crash (a ``NewsmodelError`` is fine for garbage).  The validator's
verdicts are compared with the manifest's findings (a careful checker's second opinion), per
kind of finding; the agreement floors are pinned to the manifest's digest and never lowered.
"""

from __future__ import annotations

import collections
import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from newsmodel import loads, validate
from newsmodel.errors import NewsmodelError

MANIFEST_SHA256 = "6cfe1fa4d55a02c7580807c01526c0bf44c659be3904dc1a7f05001779edcd80"

Row = dict[str, str]


@pytest.fixture(scope="module")
def corpus(shared: Path) -> tuple[Path, list[Row]]:
    folder = shared / "corpus" / "jsonld"
    manifest = folder / "MANIFEST.tsv"
    if not manifest.is_file():
        pytest.skip(f"{manifest} is absent")
    lines = manifest.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return folder, [dict(zip(header, line.split("\t"), strict=False)) for line in lines[1:]]


def _headlines(value: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(value, dict):
        if isinstance(value.get("headline"), str):
            found.add(value["headline"])
        for item in value.values():
            found |= _headlines(item)
    elif isinstance(value, list):
        for item in value:
            found |= _headlines(item)
    return found


def test_corpus_is_what_the_floors_were_set_on(corpus: tuple[Path, list[Row]]) -> None:
    """432 blocks; the manifest digest pins the agreement floors below."""
    folder, rows = corpus
    assert len(rows) == 432
    digest = hashlib.sha256((folder / "MANIFEST.tsv").read_bytes()).hexdigest()
    assert digest == MANIFEST_SHA256, "the corpus changed: re-measure and re-pin the floors"


def test_every_strict_block_with_a_headline_reads_into_that_headline(
    corpus: tuple[Path, list[Row]], with_shared_schemas: Path
) -> None:
    """Strict JSON + a headline -> at least one article carrying one of the block's headlines."""
    folder, rows = corpus
    failures = []
    for row in rows:
        if row["json"] != "ok" or row["has_headline"] != "Y":
            continue
        data = (folder / row["file"]).read_bytes()
        read = {article.headline for article in loads(data, "jsonld", source=row["file"])}
        if not read & _headlines(orjson.loads(data)):
            failures.append(row["file"])
    assert failures == []


def test_no_block_crashes_the_reader(
    corpus: tuple[Path, list[Row]], with_shared_schemas: Path
) -> None:
    """Every block is read or refused with a NewsmodelError; counts are printed by reason."""
    folder, rows = corpus
    outcome: collections.Counter[str] = collections.Counter()
    reasons: collections.Counter[str] = collections.Counter()
    for row in rows:
        try:
            articles = loads((folder / row["file"]).read_bytes(), "jsonld", source=row["file"])
        except NewsmodelError as error:
            outcome["rejected"] += 1
            reasons[error.message.split(";")[0][:60]] += 1
            continue
        warned = any(article.provenance.warnings for article in articles)
        outcome["read with warnings" if warned else "read"] += 1
    print(dict(outcome), dict(reasons))
    assert outcome["rejected"] <= 5
    assert sum(outcome.values()) == len(rows)


def _problem(text: str) -> Callable[[Row], bool]:
    return lambda row: text in row["problems"]


KINDS: dict[str, tuple[Callable[[Row], bool], set[str], float]] = {
    "syntax": (lambda row: row["json"] == "INVALID", {"jsonld.syntax"}, 1.0),
    "not strict JSON": (
        lambda row: row["json"] in ("nonstrict", "lenient"),
        {"jsonld.not-strict-json"},
        0.995,
    ),
    "wrapper": (lambda row: row["json"] == "repaired", {"jsonld.wrapper"}, 0.995),
    "non-ISO date": (
        lambda row: (
            "not ISO 8601" in row["problems"]
            or bool(re.search(r"[dD]ate\w*: literal", row["problems"]))
        ),
        {"jsonld.date-format"},
        1.0,
    ),
    "unknown type": (_problem("unknown type"), {"jsonld.unknown-type"}, 1.0),
    "unknown property": (_problem("unknown property"), {"jsonld.unknown-property"}, 0.995),
    "headline missing": (_problem("headline missing"), {"jsonld.headline-missing"}, 1.0),
    "image missing": (_problem("image missing"), {"jsonld.image-missing"}, 1.0),
    "author missing": (_problem("author missing"), {"jsonld.author-missing"}, 1.0),
    "datePublished missing": (
        _problem("datePublished missing"),
        {"jsonld.date-published-missing"},
        1.0,
    ),
    "no time zone": (_problem("has no time zone"), {"jsonld.date-no-zone"}, 1.0),
    "author as text": (_problem("bare string"), {"jsonld.author-text"}, 1.0),
    "byline in author name": (_problem("byline word"), {"jsonld.author-byline"}, 1.0),
    "several authors in one": (
        lambda row: (
            "several authors" in row["problems"] or "author.name is a list" in row["problems"]
        ),
        {"jsonld.author-several"},
        0.995,
    ),
}
"""Manifest finding -> our issue codes, and the agreement floor (share of blocks agreeing)."""


def test_validator_agrees_with_the_manifest(
    corpus: tuple[Path, list[Row]], with_shared_schemas: Path
) -> None:
    """Per kind of finding, the validator and the manifest agree on at least the floor."""
    folder, rows = corpus
    agreement: dict[str, int] = dict.fromkeys(KINDS, 0)
    for row in rows:
        report = validate((folder / row["file"]).read_bytes(), "jsonld", source=row["file"])
        codes = {issue.code for issue in report.issues}
        for kind, (manifest_says, ours, _) in KINDS.items():
            agreement[kind] += manifest_says(row) == bool(codes & ours)
    shares = {kind: count / len(rows) for kind, count in agreement.items()}
    print({kind: f"{share:.3f}" for kind, share in shares.items()})
    below = {kind: share for kind, share in shares.items() if share < KINDS[kind][2]}
    assert below == {}


def _terms_ours(value: Any, found: set[str]) -> None:
    """Terms and types as the validator resolves them (null values carry no statement)."""
    from newsmodel.validation.vocabulary import term_name

    if isinstance(value, list):
        for item in value:
            _terms_ours(item, found)
    elif isinstance(value, dict) and "@value" not in value:
        for key, item in value.items():
            if key in ("@type", "type"):
                for kind in item if isinstance(item, list) else [item]:
                    name = term_name(kind) if isinstance(kind, str) else None
                    if name:
                        found.add("type:" + name)
            elif key != "@context" and item is not None:
                name = term_name(key) if key not in ("id",) else None
                if name:
                    found.add(name)
            if key != "@context":
                _terms_ours(item, found)


def _terms_expanded(value: Any, found: set[str]) -> None:
    schema = ("http://schema.org/", "https://schema.org/")
    if isinstance(value, list):
        for item in value:
            _terms_expanded(item, found)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key.startswith(schema):
                found.add(key.split("schema.org/", 1)[1])
            if key == "@type":
                found.update(
                    "type:" + kind.split("schema.org/", 1)[1]
                    for kind in item
                    if kind.startswith(schema)
                )
            _terms_expanded(item, found)


def test_key_resolution_agrees_with_a_json_ld_processor(
    corpus: tuple[Path, list[Row]], shared_schemas: Path
) -> None:
    """On every strict block, the schema.org terms and types the validator checks are exactly
    those pyld's expansion (against schema.org's own context, loaded locally) produces."""
    from pyld import jsonld

    from newsmodel.validation.vocabulary import is_schemaorg_iri

    context = orjson.loads((shared_schemas / "schemaorg" / "schemaorgcontext.jsonld").read_bytes())

    def loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
        if is_schemaorg_iri(url):
            return {"contextUrl": None, "documentUrl": url, "document": context}
        raise AssertionError(f"the test must not fetch {url}")

    folder, rows = corpus
    differences = []
    for row in rows:
        if row["json"] != "ok":
            continue
        document = orjson.loads((folder / row["file"]).read_bytes())
        ours: set[str] = set()
        expanded: set[str] = set()
        _terms_ours(document, ours)
        _terms_expanded(jsonld.expand(document, {"documentLoader": loader}), expanded)
        if ours != expanded:
            differences.append((row["file"], sorted(ours ^ expanded)))
    assert differences == []
