"""``newsmodel.evaluate`` and ``newsmodel eval``: correct arithmetic, clear errors on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsmodel.cli import main
from newsmodel.errors import InputError
from newsmodel.evaluate import Counts, SpanScores, evaluate, format_table, score_spans


def test_counts_give_precision_recall_f1() -> None:
    counts = Counts(tp=3, fp=1, fn=2)
    assert counts.precision == 0.75
    assert counts.recall == 0.6
    assert counts.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Counts().f1 == 0.0


def test_exact_and_overlap_scoring_counts_nested_gold() -> None:
    scores = SpanScores()
    gold = {(0, 10, "ORG"), (5, 10, "LOC"), (20, 25, "PERS")}
    predicted = {(0, 10, "ORG"), (20, 24, "PERS"), (30, 35, "LOC")}
    score_spans(gold, predicted, scores)
    assert (scores.exact["ORG"].tp, scores.exact["PERS"].tp) == (1, 0)
    assert scores.exact["LOC"].fn == 1  # the nested place counts as a gold span
    assert scores.overlap["PERS"].tp == 1
    assert scores.overlap["LOC"].fp == 1


def _span_file(tmp_path: Path, rows: list[dict[str, object]]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8"
    )
    return path


def test_span_file_end_to_end(tmp_path: Path) -> None:
    text = "Вчора президент Росії Володимир Путін прибув до Пхеньяна."
    start = text.index("Володимир Путін")
    place = text.index("Пхеньяна")
    path = _span_file(
        tmp_path,
        [
            {
                "id": "a",
                "text": text,
                "entities": [
                    {"start": start, "end": start + len("Володимир Путін"), "type": "PERS"},
                    {"start": place, "end": place + len("Пхеньяна"), "type": "LOC"},
                    {"start": 0, "end": 5, "type": "DATE"},
                ],
            }
        ],
    )
    result = evaluate([path])
    assert result.spans is not None
    assert result.spans.exact["PERS"].tp == 1
    assert result.spans.exact["LOC"].tp == 1
    assert "micro" in format_table(result)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "not a span record"),
        ('{"id": 1, "entities": []}', "not a span record"),
        (
            '{"text": "abc", "entities": [{"start": 0, "end": 9, "type": "PERS"}]}',
            "outside the text",
        ),
    ],
)
def test_bad_span_lines_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as raised:
        evaluate([path])
    assert raised.value.where == f"{path}:1"


def test_missing_input_and_bad_gold_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        evaluate([tmp_path / "nothing.json"])
    gold = tmp_path / "gold.json"
    gold.write_text('{"persons": []}', encoding="utf-8")
    with pytest.raises(InputError, match="not a gold article file"):
        evaluate([gold])
    gold.write_text('{"document": "missing.txt"}', encoding="utf-8")
    with pytest.raises(InputError, match="was not found"):
        evaluate([gold])


def _gold_pair(tmp_path: Path) -> Path:
    """A two-sentence article and a gold file asking for two people it names and one it does
    not, the place, and the talks."""
    (tmp_path / "a.txt").write_text(
        "date 2025-11-07\nМіністр оборони КНДР Но Гван Чоль 6 листопада прийняв у Пхеньяні "
        "заступника міністра оборони Віктора Горемикіна. Переговори пройшли добре.\n",
        encoding="utf-8",
    )
    (tmp_path / "a.json").write_text(
        json.dumps(
            {
                "document": "a.txt",
                "persons": [
                    {"name": "Но Гван Чоль", "role": ["міністр оборони"]},
                    {"name": "Віктор Горемикін", "role": ["заступник"]},
                    {"name": "Нема Такого", "role": []},
                ],
                "organisations": [],
                "places": [{"name": "Пхеньян", "required": True}],
                "events": [
                    {
                        "id": "talks",
                        "date": "2025-11-06",
                        "participants": ["Но Гван Чоль"],
                        "place": ["Пхеньян"],
                        "required": True,
                    }
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return tmp_path / "a.json"


def test_gold_file_scores_people_titles_and_events(tmp_path: Path) -> None:
    (score,) = evaluate([_gold_pair(tmp_path)]).gold
    counts = score.counts()
    assert counts["persons"] == (2, 3)
    assert counts["titles"] == (2, 3)
    assert counts["places"] == (1, 1)
    assert counts["events"] == (1, 1)
    assert not score.passed  # a gold person is missing
    assert "person missed: Нема Такого" in format_table(evaluate([tmp_path / "a.json"]))


def test_cli_prints_table_or_json_and_reports_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _span_file(
        tmp_path,
        [
            {
                "id": "a",
                "text": "Київ — столиця.",
                "entities": [{"start": 0, "end": 4, "type": "LOC"}],
            }
        ],
    )
    assert main(["eval", str(path)]) == 0
    assert "LOC" in capsys.readouterr().out
    assert main(["eval", "--json", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["spans"]["documents"] == 1
    assert main(["eval", str(tmp_path / "missing.jsonl")]) == 2
    error = capsys.readouterr().err
    assert "no such file" in error
    assert len(error.strip().splitlines()) == 1


def test_cli_prints_each_verdict_with_what_was_missed_then_the_totals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = _gold_pair(tmp_path)
    assert main(["eval", str(gold)]) == 0  # scored: a failing article is a result, not an error
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("a: fail persons 2/3 P=")
    assert "  person missed: Нема Такого" in lines
    assert lines[-1].startswith("articles 0/1 pass; persons 2/3, mean precision ")
    assert lines[-1].endswith("required orgs 0/0, places 1/1, events 1/1")
    assert main(["eval", "--json", str(gold)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["gold"][0]["passed"] is False
    assert report["totals"]["persons_found"] == [2, 3]
    gold.write_text("[]", encoding="utf-8")
    assert main(["eval", str(gold)]) == 1
    assert "not a gold article file" in capsys.readouterr().err
