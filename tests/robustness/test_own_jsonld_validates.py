"""Our own JSON-LD passes our own validator: zero errors, and only the warnings docs/jsonld.md
lists for our export.  11 of 200 converted real articles once failed with ``'nationality'
expects Country, found a Place`` (a country the parser left without a kind)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from newsmodel import dumps, loads, parse_file, validate
from newsmodel.models import Article, Person, Place, PlaceKind
from tests.conftest import ROOT
from tests.property.strategies import articles

SETTINGS = settings(
    max_examples=120,
    deadline=None,
    # the fixture only sets NEWSMODEL_SCHEMA_DIR, the same for every example
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def documented_warnings() -> set[str]:
    """The warning codes docs/jsonld.md allows our export, read from its marked list."""
    text = (ROOT / "docs" / "jsonld.md").read_text(encoding="utf-8")
    section = text.split("<!-- own-export-warnings -->")[1].split("<!-- /own-export-warnings")[0]
    return set(re.findall(r"`(jsonld\.[a-z-]+)`", section))


def _check(article: Article) -> None:
    report = validate(dumps(article, "jsonld"), "jsonld")
    assert report.errors == []
    assert {issue.code for issue in report.issues} <= documented_warnings(), report.issues


@SETTINGS
@given(article=articles())
def test_every_generated_article_exports_valid_jsonld(
    with_shared_schemas: Path, article: Article
) -> None:
    """Any article the model allows, any place kind as a nationality, validates."""
    _check(article)


@pytest.mark.parametrize("kind", [None, *PlaceKind])
def test_a_nationality_of_any_kind_validates_and_keeps_its_kind(
    kind: PlaceKind | None, with_shared_schemas: Path
) -> None:
    """The place is typed Country too; the reader gives back the kind the model had."""
    article = Article(
        id="a",
        headline="h",
        date_published=None,
        language="uk",
        body="b",
        places=[Place(id="p", name="Країна", kind=kind)],
        persons=[Person(id="x", name="Особа", nationality="p")],
    )
    _check(article)
    [back] = loads(dumps(article, "jsonld"), "jsonld")
    assert back.places[0].kind == kind
    assert back.persons[0].nationality == back.places[0].id


def test_the_parsed_development_articles_export_valid_jsonld(
    shared: Path, with_shared_schemas: Path
) -> None:
    """The 12 development articles of ../shared/eval/gold, parsed and exported."""
    texts = sorted((shared / "eval" / "gold").glob("ng_*.txt"))
    if not texts:
        pytest.skip("../shared/eval/gold has no ng_*.txt")
    assert len(texts) == 12
    for path in texts:
        _check(parse_file(path))
