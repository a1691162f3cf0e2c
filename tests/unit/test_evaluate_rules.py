"""Each rule of the editor's bar (``../shared/eval/README.md``), on small made-up gold/article
pairs: if a rule is broken or loosened, the test of that rule fails."""

from __future__ import annotations

from typing import Any

import pytest

from newsmodel.evaluate import norm, score_article
from newsmodel.evaluate.report import missed_lines, summary_line


def person(name: str, title: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"id": f"person-{norm(name)}", "name": name, "job_title": title, **extra}


def gold(**parts: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "document": "x.txt",
        "persons": [],
        "organisations": [],
        "places": [],
        "events": [],
    }
    return base | parts


def test_names_compare_case_folded_with_quotes_and_apostrophes_unified() -> None:
    assert norm("  ТОВ «Ромашка»  ") == "тов ромашка"
    assert norm("Дар’я") == norm("Дарʼя") == norm("Дар`я") == "дар'я"
    assert norm(None) == ""


def test_a_person_is_found_under_the_name_or_an_alias_and_nothing_looser() -> None:
    g = gold(persons=[{"name": "Ірина Коваль", "aliases": ["Ірина Ковальова"], "role": []}])
    assert score_article({"persons": [person("ірина коваль")]}, g).persons_found == 1
    assert score_article({"persons": [person("Ірина Ковальова")]}, g).persons_found == 1
    # і is not и: a differently spelt name is another name
    assert score_article({"persons": [person("Ирина Коваль")]}, g).persons_found == 0
    # the extracted person's alternate names do not count: the canonical name does
    found = score_article({"persons": [person("Коваль", alternate_names=["Ірина Коваль"])]}, g)
    assert found.persons_found == 0


def test_a_title_is_right_when_every_role_word_is_in_the_first_matching_persons_title() -> None:
    g = gold(persons=[{"name": "Ірина Коваль", "role": ["голова", "правління"]}])
    right = score_article({"persons": [person("Ірина Коваль", "Голова правління банку")]}, g)
    assert right.titles_right == 1
    half = score_article({"persons": [person("Ірина Коваль", "голова ради")]}, g)
    assert half.titles_right == 0
    assert "title wrong: Ірина Коваль: got 'голова ради', wanted 'голова, правління'" in (
        missed_lines(half)
    )
    first = score_article(
        {"persons": [person("Ірина Коваль"), person("Ірина Коваль", "голова правління")]}, g
    )
    assert first.titles_right == 0  # the first person under the name is the one judged
    no_role = gold(persons=[{"name": "Ірина Коваль", "role": []}])
    assert score_article({"persons": [person("Ірина Коваль")]}, no_role).titles_right == 1
    assert score_article({"persons": []}, no_role).titles_right == 0  # not found: not right


def _people(count: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    names = [f"Особа{chr(0x430 + i)} Прізвище" for i in range(count)]
    return ([{"name": n, "role": []} for n in names], [person(n) for n in names])


def test_precision_allows_one_extra_person_per_eight() -> None:
    wanted, found = _people(8)
    one_extra = score_article({"persons": [*found, person("Зайвий Один")]}, gold(persons=wanted))
    assert one_extra.precision == pytest.approx(8 / 9)
    assert one_extra.passed
    wanted, found = _people(7)
    one_in_eight = score_article({"persons": [*found, person("Зайвий Один")]}, gold(persons=wanted))
    assert one_in_eight.precision == 0.875
    assert not one_in_eight.passed
    assert "person not in gold: зайвий один" in missed_lines(one_in_eight)


def test_precision_counts_every_extracted_person_duplicates_too() -> None:
    wanted, found = _people(3)
    score = score_article({"persons": [*found, found[0]]}, gold(persons=wanted))
    assert score.precision == 1.0  # a duplicate under a gold name is not an extra
    assert score_article({"persons": []}, gold()).precision == 1.0
    assert score_article({"persons": []}, gold(persons=wanted)).precision == 0.0
    assert score_article({"persons": [person("Хтось Інший")]}, gold()).precision == 0.0


def test_every_gold_person_must_be_found_and_every_title_but_one_right() -> None:
    wanted = [{"name": n, "role": ["директор"]} for n in ("Андрій Бойко", "Олена Бойко")]
    one_wrong = {"persons": [person("Андрій Бойко", "директор"), person("Олена Бойко")]}
    assert score_article(one_wrong, gold(persons=wanted)).passed
    wanted.append({"name": "Тарас Бойко", "role": ["директор"]})
    two_wrong = {"persons": [*one_wrong["persons"], person("Тарас Бойко")]}
    assert not score_article(two_wrong, gold(persons=wanted)).passed
    missing = {"persons": [person(n["name"], "директор") for n in wanted[:2]]}
    assert not score_article(missing, gold(persons=wanted)).passed


def test_required_organisations_and_places_by_any_name_the_rest_optional() -> None:
    g = gold(
        organisations=[
            {"name": "Національний банк України", "aliases": ["НБУ"], "required": True},
            {"name": "Міська рада", "required": False},
        ],
        places=[{"name": "Львів", "required": True}],
    )
    article = {
        "organisations": [{"id": "o", "name": "Нацбанк", "alternate_names": ["НБУ"]}],
        "places": [{"id": "p", "name": "Львів"}],
    }
    score = score_article(article, g)
    assert score.counts()["organisations"] == (1, 1)
    assert score.passed
    assert not score_article({**article, "places": []}, g).passed
    assert "place missed: Львів" in missed_lines(score_article({**article, "places": []}, g))
    assert not score_article({**article, "organisations": []}, g).passed


EVENT = {
    "id": "deal",
    "date": "2024-06",
    "participants": ["ТОВ «Ромашка»"],
    "place": ["Київ"],
    "evidence": ["уклал"],
    "required": True,
}
GOLD_EVENTS = gold(
    organisations=[{"name": "ТОВ «Ромашка»", "aliases": ["Ромашка"]}],
    places=[{"name": "Київ", "aliases": ["м. Київ"]}],
    events=[EVENT],
)


def article_with(event: dict[str, Any]) -> dict[str, Any]:
    return {
        "organisations": [{"id": "org-r", "name": "Ромашка"}],
        "places": [{"id": "place-k", "name": "м. Київ"}],
        "events": [
            {
                "name": "Угода",
                "start_date": "2024-06-03",
                "description": "Фірма уклала договір.",
                "participants": [{"id": "org-r"}],
                "location": [],
                "mentions": [],
            }
            | event
        ],
    }


def events_found(event: dict[str, Any], g: dict[str, Any] = GOLD_EVENTS) -> int:
    return score_article(article_with(event), g).counts()["events"][0]


def test_an_event_needs_the_date_prefix() -> None:
    assert events_found({}) == 1
    assert events_found({"start_date": "2024-07-03"}) == 0
    assert events_found({"start_date": None}) == 0
    undated = gold(**{**GOLD_EVENTS, "events": [EVENT | {"date": None}]})
    assert events_found({"start_date": None}, undated) == 1


def test_an_event_needs_an_evidence_stem_in_its_sentence_name_or_mentions() -> None:
    assert events_found({"description": "Фірма прийняла рішення."}) == 0
    assert events_found({"description": "", "mentions": [{"text": "уклали"}]}) == 1
    assert events_found({"description": "", "name": "Уклали угоду"}) == 1
    no_stems = gold(**{**GOLD_EVENTS, "events": [EVENT | {"evidence": []}]})
    assert events_found({"description": "Щось інше."}, no_stems) == 1


def test_an_event_needs_a_gold_participant_or_place_through_any_alias() -> None:
    assert events_found({"participants": []}) == 0
    assert events_found({"participants": ["org-r"]}) == 1  # a bare id counts as well
    assert events_found({"participants": [{"id": "unknown"}]}) == 0
    assert events_found({"participants": [], "location": ["place-k"]}) == 1
    # a location that is no entity id is compared as a name
    assert events_found({"participants": [], "location": ["Київ"]}) == 1
    assert events_found({"participants": [], "location": "place-k"}) == 1


def test_only_required_events_count_and_a_missed_one_fails_the_article() -> None:
    optional = gold(**{**GOLD_EVENTS, "events": [EVENT | {"required": False}]})
    assert score_article(article_with({"participants": []}), optional).counts()["events"] == (0, 0)
    missed = score_article(article_with({"participants": []}), GOLD_EVENTS)
    assert not missed.passed
    assert "event missed: deal (2024-06)" in missed_lines(missed)
    assert summary_line(missed) == ("persons 0/0 P=1.00 roles 0; orgs 0/0; places 0/0; events 0/1")
