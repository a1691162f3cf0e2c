"""Reports are capped, and the costly paths issue #10 found are linear.

A report lists at most ``Report.limit`` issues and one closing ``report.truncated`` issue that
counts the rest exactly.  Costs are pinned by counting the expensive step (no timing in unit
tests; ``benchmarks/bench_hostile.py`` measures the time per item at two sizes)."""

from __future__ import annotations

import re
from pathlib import Path

import orjson
import pytest

from newsmodel import loads, validate
from newsmodel.errors import NewsmodelError
from newsmodel.validation.report import MAX_ISSUES, Report, Severity
from newsmodel.validation.vocabulary import Vocabulary


def test_a_report_keeps_its_limit_and_counts_the_rest() -> None:
    """Past the limit issues are counted; the closing note is an error when any left-out
    issue was one, so ``ok`` stays true to every issue."""
    report = Report(format="json", limit=3)
    for index in range(3):
        report.warning("w", f"warning {index}")
    report.warning("w", "a fourth")
    assert report.ok
    assert report.issues[-1].code == "report.truncated"
    assert report.issues[-1].severity is Severity.WARNING
    report.error("e", "an error past the limit")
    assert not report.ok
    assert len(report.issues) == 4
    assert (report.omitted, report.omitted_errors) == (2, 1)
    assert "2 more issue(s)" in report.issues[-1].message
    assert report.to_dict()["omitted"] == 2


def test_a_million_nulls_give_a_capped_json_report() -> None:
    """The JSON validator listed one issue per null (a million issues)."""
    data = orjson.dumps({"keywords": [None] * 20_000})
    report = validate(data, "json")
    assert len(report.issues) == MAX_ISSUES + 1
    closing = report.issues[-1]
    assert closing.code == "report.truncated"
    assert report.omitted > 19_000


def test_loads_says_how_many_problems_a_capped_document_has() -> None:
    """The reader's error counts every problem, listed or not."""
    with pytest.raises(NewsmodelError) as caught:
        loads(orjson.dumps({"keywords": [None] * 20_000}), "json")
    found = re.search(r"\((\d+) problem\(s\)", str(caught.value))
    assert found is not None
    assert int(found.group(1)) > 20_000


def test_unknown_properties_past_the_limit_cost_no_suggestion(
    with_shared_schemas: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The JSON-LD validator looked for a "did you mean" for each of 40,000 unknown keys
    (0.5 ms each); past the report's limit none is looked for."""
    calls = []
    original = Vocabulary.suggest

    def counting(self: Vocabulary, term: str) -> str | None:
        calls.append(term)
        return original(self, term)

    monkeypatch.setattr(Vocabulary, "suggest", counting)
    node = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "x"}
    node.update({f"zzUnknown{index}": 1 for index in range(5_000)})
    report = validate(orjson.dumps(node), "jsonld")
    assert report.omitted > 3_900
    assert len(calls) <= MAX_ISSUES + 10


def test_the_jsonld_reader_notes_each_unmapped_key_once_in_order() -> None:
    """Membership is a set now (it was a list scan per note: 60,000 keys took 16 s)."""
    node = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "x"}
    node.update({f"ex:key{index}": 1 for index in range(20_000)})
    [article] = loads(orjson.dumps(node), "jsonld")
    unmapped = article.provenance.unmapped
    assert unmapped[:3] == ["NewsArticle.ex:key0", "NewsArticle.ex:key1", "NewsArticle.ex:key2"]
    assert len(unmapped) == len(set(unmapped)) == 20_000


def test_a_script_with_too_many_attributes_is_refused_before_parsing() -> None:
    """libxml2's HTML parser is quadratic in an element's attributes: the page is refused."""
    attributes = " ".join(f'a{index}="{index}"' for index in range(5_000))
    page = (
        f'<html><head><script type="application/ld+json" {attributes}>'
        '{"@type": "NewsArticle"}</script></head></html>'
    ).encode()
    report = validate(page, "jsonld")
    assert "jsonld.unreadable" in {issue.code for issue in report.errors}


def test_a_page_with_long_but_ordinary_tags_is_read() -> None:
    """Long attribute values (a data: URI, a long srcset) are not many attributes."""
    image = "data:image/png;base64," + "A" * 50_000
    page = (
        f'<html><head><meta content="{image}" name="x">'
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "x"}</script></head></html>'
    ).encode()
    [article] = loads(page, "jsonld")
    assert article.headline == "x"
