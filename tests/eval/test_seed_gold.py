"""The seed meets issue 3's targets against its hand annotation in ``../shared/eval/gold``."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsmodel.evaluate import GoldScores, evaluate_gold_file


@pytest.fixture(scope="module")
def scores(shared: Path) -> GoldScores:
    gold = shared / "eval" / "gold" / "000_b4df3ac546630d11.json"
    if not gold.is_file():
        pytest.skip(f"{gold} is absent")
    return evaluate_gold_file(gold, Path(__file__).resolve().parents[2] / "seeds")


def test_all_people_found_with_at_most_one_extra(scores: GoldScores) -> None:
    summary = scores.summary()
    assert summary["persons_found"] == [8, 8]
    assert summary["extra_persons"] <= 1


def test_job_titles_right_for_at_least_seven(scores: GoldScores) -> None:
    assert scores.summary()["titles_right"][0] >= 7


def test_required_organisations_and_places_found(scores: GoldScores) -> None:
    summary = scores.summary()
    assert summary["required_organisations_found"][0] == summary["required_organisations_found"][1]
    assert summary["required_places_found"][0] == summary["required_places_found"][1]


def test_talks_treaty_and_visit_with_right_dates(scores: GoldScores) -> None:
    events = {e["id"]: e for e in scores.events}
    for key in ("talks", "treaty", "shoigu-visit"):
        assert events[key]["found"], key
        assert events[key]["date_ok"], (key, events[key]["found_date"])
