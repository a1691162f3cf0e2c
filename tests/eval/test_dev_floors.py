"""Evaluation floors on the development articles that only go up (``floors.json``).

Every ``ng_*`` article of ``../shared/eval/gold`` is parsed once per session (the ``dev_articles``
fixture), scored by the editor's bar, and the totals must reach the floors: articles passing,
people found, titles right, required organisations, places and events found.  A parser change
that loses any of them fails here, naming what was lost; one that gains should raise the floor
in ``floors.json`` in the same commit.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsmodel.evaluate import Totals, score_article

FLOORS = Path(__file__).with_name("floors.json")


@pytest.fixture(scope="module")
def measured(
    dev_articles: dict[str, tuple[Path, dict[str, Any], dict[str, Any]]],
) -> dict[str, tuple[int, int]]:
    scores = [
        score_article(article, gold, stem)
        for stem, (_, gold, article) in dev_articles.items()
        if stem.startswith("ng_")
    ]
    totals = Totals.of(scores)
    return {
        "articles_passed": (totals.passed, totals.articles),
        "persons_found": totals.persons,
        "titles_right": (totals.titles, totals.persons[1]),
        "required_organisations_found": totals.organisations,
        "required_places_found": totals.places,
        "required_events_found": totals.events,
    }


def test_the_gold_asks_what_the_floors_were_measured_on(
    measured: dict[str, tuple[int, int]],
) -> None:
    asked = json.loads(FLOORS.read_text(encoding="utf-8"))["of"]
    assert {key: value[1] for key, value in measured.items()} == asked, (
        "the development gold changed: re-measure and re-pin tests/eval/floors.json"
    )


def test_totals_reach_the_floors(measured: dict[str, tuple[int, int]]) -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["floors"]
    assert floors.keys() == measured.keys()
    lost = {
        key: f"{measured[key][0]} < floor {floor}"
        for key, floor in floors.items()
        if measured[key][0] < floor
    }
    assert not lost, lost
