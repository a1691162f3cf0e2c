"""Conformance on real NewsML-G2: the shared agency corpus and IPTC's examples and unit tests.

Verdicts must agree with the official 2.35 XSD (with ODRL 2.2 loaded, as IPTC validates) on
every file, as recorded in the corpora's manifests; items of a newsMessage must agree one by one;
reading never crashes, and every text item with a headline and a body yields both.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from newsmodel.errors import NewsmodelError
from newsmodel.formats.newsml import load
from newsmodel.validation.xsd import validate

NAR = "{http://iptc.org/std/nar/2006-10-01/}"


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@pytest.fixture(scope="module")
def corpus(shared: Path) -> Path:
    folder = shared / "corpus" / "newsml-g2"
    if not (folder / "MANIFEST.tsv").is_file():
        pytest.skip(f"{folder} is absent")
    return folder


@pytest.fixture(scope="module")
def conformance(shared: Path) -> Path:
    folder = shared / "corpus" / "newsml-g2-conformance"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    return folder


def expected_verdicts(corpus: Path, conformance: Path) -> Iterator[tuple[Path, bool]]:
    for row in rows(corpus / "MANIFEST.tsv"):
        yield corpus / row["file"], row["validates_against_2.35"] == "yes"
    examples = conformance / "iptc-examples"
    for row in rows(examples / "RESULTS_vs_2.35.tsv"):
        yield examples / row["file"], row["g2+odrl"] == "pass"
    units = conformance / "iptc-unit-tests"
    for row in rows(units / "RESULTS_vs_2.35.tsv"):
        path = units / row["version_folder"] / row["expectation"] / row["file"]
        yield path, row["g2+odrl_2.35"] == "pass"


def test_verdicts_agree_with_the_official_xsd_on_every_file(
    corpus: Path, conformance: Path, with_shared_schemas: Path
) -> None:
    """80 agency files + 70 IPTC examples + 161 IPTC unit tests: no disagreement."""
    checked, disagreements = 0, []
    for path, valid in expected_verdicts(corpus, conformance):
        report = validate(path.read_bytes(), source=path.name)
        checked += 1
        if report.ok != valid:
            first = report.errors[0].message if report.errors else "no error"
            disagreements.append(f"{path.name}: expected {valid}, got {report.ok} ({first})")
    assert checked == 311
    assert disagreements == []


def test_invalid_files_have_their_errors_located(corpus: Path, with_shared_schemas: Path) -> None:
    """Every error in an invalid agency file has a line, and schema errors a column too."""
    for row in rows(corpus / "MANIFEST.tsv"):
        if row["validates_against_2.35"] == "yes":
            continue
        report = validate((corpus / row["file"]).read_bytes())
        assert report.errors, row["file"]
        for issue in report.errors:
            if issue.code.startswith("newsml.schema."):
                assert issue.location.line, (row["file"], issue)
                assert issue.location.column, (row["file"], issue)


def test_news_message_items_agree_one_by_one(corpus: Path, with_shared_schemas: Path) -> None:
    """Each item of an invalid newsMessage is flagged exactly when it is invalid on its own."""
    checked = 0
    for row in rows(corpus / "ITEM_LEVEL_2.35.tsv"):
        if row["message_valid"] == "yes":
            continue
        report = validate((corpus / row["file"]).read_bytes())
        flagged = any(issue.location.block == int(row["item_index"]) for issue in report.errors)
        assert flagged == (row["item_valid"] == "no"), (row["file"], row["item_index"])
        checked += 1
    assert checked == 26


def all_files(corpus: Path, conformance: Path) -> list[Path]:
    return sorted(corpus.rglob("*.xml")) + sorted(conformance.rglob("*.xml"))


def text_items(path: Path) -> list[tuple[bool, bool]]:
    """For each newsItem of class text: does the source have a headline, and body text?"""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.parse(str(path), parser).getroot()
    found = []
    for item in root.iter(f"{NAR}newsItem"):
        item_class = item.find(f"{NAR}itemMeta/{NAR}itemClass")
        if item_class is None or not (item_class.get("qcode") or "").endswith(":text"):
            continue
        headline = item.find(f"{NAR}contentMeta/{NAR}headline")
        has_headline = headline is not None and bool("".join(headline.itertext()).strip())
        body = [
            "".join(content.itertext()).strip()
            for content in item.iterfind(f"{NAR}contentSet/*")
            if content.tag in (f"{NAR}inlineXML", f"{NAR}inlineData")
        ]
        found.append((has_headline, any(body)))
    return found


def test_reading_never_crashes_and_keeps_headline_and_body(corpus: Path, conformance: Path) -> None:
    """Every file is read or refused with a NewsmodelError; text items keep headline and body."""
    read = refused = text_checked = 0
    problems = []
    for path in all_files(corpus, conformance):
        try:
            articles = load(path.read_bytes(), source=path.name)
        except NewsmodelError:
            refused += 1
            continue
        read += 1
        try:
            expected = text_items(path)
        except etree.XMLSyntaxError:
            continue
        if len(expected) != len(articles) or not expected:
            continue
        for article, (has_headline, has_body) in zip(articles, expected, strict=True):
            text_checked += 1
            if has_headline and not article.headline:
                problems.append(f"{path.name}: headline lost")
            if has_body and not article.body.strip():
                problems.append(f"{path.name}: body lost")
    assert problems == []
    assert read + refused == len(all_files(corpus, conformance))
    assert read >= 250
    assert text_checked >= 100


def test_agency_files_read_into_articles(corpus: Path) -> None:
    """Every well-formed agency G2 file yields at least one article (NewsML 1.x is refused)."""
    for row in rows(corpus / "MANIFEST.tsv"):
        root = row["root_element"]
        if "NOT WELL-FORMED" in root or root.startswith("NewsML "):
            with pytest.raises(NewsmodelError):
                load((corpus / row["file"]).read_bytes())
            continue
        assert load((corpus / row["file"]).read_bytes()), row["file"]
