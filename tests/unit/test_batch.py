"""The batch API: pure, picklable functions with errors as values, and a streaming runner."""

from __future__ import annotations

import functools
import os
import pickle
from pathlib import Path, PurePath

import orjson
import pytest

from newsmodel.batch import (
    AtomicWriter,
    Input,
    Result,
    convert_one,
    count_inputs,
    describe,
    iter_inputs,
    output_path,
    read_articles,
    resolve_workers,
    run,
    validate_one,
    write_atomic,
)
from newsmodel.errors import InputError


def _square(value: int) -> int:
    return value * value


def test_convert_one_serialises_a_seed_in_each_format(seed_path: Path) -> None:
    """A text file becomes one article, dumped once per requested format."""
    result = convert_one(str(seed_path), ("json",))
    assert result.ok
    assert result.error is None
    assert result.count == 1
    assert result.outputs is not None
    document = orjson.loads(result.outputs["json"])
    assert document["id"] == seed_path.stem
    assert document["provenance"]["source"] == seed_path.name
    assert result.relative == PurePath(seed_path.stem)


def test_convert_one_takes_bytes(seed_path: Path) -> None:
    """Bytes in, bytes out: no file system needed (what a Dask or queue worker passes)."""
    result = convert_one(seed_path.read_bytes(), ("json",), from_format="text")
    assert result.outputs is not None
    assert orjson.loads(result.outputs["json"])["body"]


def test_convert_one_many_writes_json_lines(seed_path: Path) -> None:
    """``many=True`` asks for dump_many even for one article (JSON Lines for json)."""
    result = convert_one(str(seed_path), ("json",), many=True)
    assert result.outputs is not None
    assert result.outputs["json"].count(b"\n") == 1
    assert orjson.loads(result.outputs["json"])["id"] == seed_path.stem


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"", "empty"), (b"\x00\x01\x02binary" * 10, "binary"), (b"   \n", "empty")],
)
def test_bad_input_is_a_value_not_an_exception(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    """Empty and binary files come back as one-line errors that name the path."""
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = convert_one(str(path))
    assert not result.ok
    assert result.outputs is None
    assert result.error is not None
    assert result.error.startswith(str(path) + ": ")
    assert expected in result.error
    assert "\n" not in result.error


def test_unknown_format_is_an_error_value(seed_path: Path) -> None:
    result = convert_one(str(seed_path), ("no-such-format",))
    assert result.error is not None
    assert "no-such-format" in result.error


def test_keep_articles_returns_the_models(seed_path: Path) -> None:
    result = convert_one(str(seed_path), (), keep_articles=True)
    assert result.outputs == {}
    assert result.articles is not None
    assert result.articles[0].id == seed_path.stem


def test_results_and_jobs_pickle(seed_path: Path) -> None:
    """Everything crossing a process boundary pickles: the job, its input and its result."""
    job = functools.partial(convert_one, formats=("json",), many=True)
    item = Input(name=str(seed_path), relative=PurePath("x"), path=str(seed_path))
    result = pickle.loads(pickle.dumps(pickle.loads(pickle.dumps(job))(item)))
    assert isinstance(result, Result)
    assert result.relative == PurePath("x")
    assert result.outputs is not None


def test_describe_puts_the_path_back() -> None:
    """Parsers name a file by its stem; the batch reports the path, keeping line:col."""
    item = Input(name="in/sub/a.json", relative=PurePath("sub/a"), path="in/sub/a.json")
    assert describe(InputError("empty", where="a"), item) == "in/sub/a.json: empty"
    assert describe(InputError("bad", where="a.json:3:4"), item) == "in/sub/a.json:3:4: bad"
    assert describe(InputError("x", hint="do y"), item) == "in/sub/a.json: x (do y)"
    assert describe(InputError("x", where="elsewhere"), item) == "in/sub/a.json: elsewhere: x"


def test_read_articles_sniffs_json_and_parses_text(seed_path: Path, tmp_path: Path) -> None:
    """``.txt`` is text; other files are detected, and undetectable bytes are read as text."""
    text = seed_path.read_bytes()
    [article] = read_articles(str(seed_path), text)
    path = tmp_path / "a.json"
    path.write_bytes(orjson.dumps(article.model_dump(mode="json")))
    [again] = read_articles(str(path), path.read_bytes())
    assert again == article
    [plain] = read_articles(str(tmp_path / "noext"), text)
    assert plain.body == article.body


def test_iter_inputs_walks_folders_sorted_and_mirrors_them(tmp_path: Path) -> None:
    (tmp_path / "in" / "b").mkdir(parents=True)
    (tmp_path / "in" / ".hidden").mkdir()
    for name in (
        "in/z.txt",
        "in/a.txt",
        "in/b/c.txt",
        "in/b/d.xml",
        "in/.x.txt",
        "in/.hidden/e.txt",
        "top.txt",
    ):
        (tmp_path / name).write_text("date 2024-01-01 Текст.", encoding="utf-8")
    folder, top = str(tmp_path / "in"), str(tmp_path / "top.txt")
    items = list(iter_inputs([folder, top]))
    # Several sources: mirrored below their common folder, so no two outputs can collide.
    assert [item.relative for item in items] == [
        PurePath("in/a"),
        PurePath("in/z"),
        PurePath("in/b/c"),
        PurePath("in/b/d"),
        PurePath("top"),
    ]
    assert [item.relative for item in iter_inputs([folder])] == [
        PurePath("a"),
        PurePath("z"),
        PurePath("b/c"),
        PurePath("b/d"),
    ]
    assert count_inputs([folder, top]) == 5
    assert [i.relative for i in iter_inputs([folder], glob="*.txt")] == [
        PurePath("a"),
        PurePath("z"),
        PurePath("b/c"),
    ]
    assert output_path(Path("out"), PurePath("b/c"), "xml") == Path("out/b/c.xml")


def test_iter_inputs_refuses_a_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(iter_inputs([str(tmp_path / "missing.txt")]))


def test_run_in_parallel_keeps_input_order() -> None:
    assert list(run(_square, range(40), workers=2)) == [n * n for n in range(40)]
    assert list(run(_square, range(7), workers=2, chunk=3)) == [n * n for n in range(7)]
    assert list(run(_square, range(5), workers=1)) == [0, 1, 4, 9, 16]


def test_run_keeps_a_bounded_number_of_tasks_in_flight() -> None:
    """The input iterator is consumed only a few items ahead of the results (bounded memory)."""
    consumed = 0

    def numbers():  # type: ignore[no-untyped-def]
        nonlocal consumed
        for n in range(100):
            consumed += 1
            yield n

    ahead = []
    for index, _ in enumerate(run(_square, numbers(), workers=2, in_flight=3, chunk=2)):
        ahead.append(consumed - index)
    assert max(ahead) <= 3 * 2  # three chunks of two


def test_run_in_parallel_converts_files(seed_path: Path) -> None:
    job = functools.partial(convert_one, formats=("json",))
    results = list(run(job, [str(seed_path)] * 4, workers=2))
    assert [r.count for r in results] == [1, 1, 1, 1]
    assert len({r.outputs["json"] for r in results if r.outputs}) == 1


def test_write_atomic_leaves_nothing_when_interrupted(tmp_path: Path) -> None:
    """A failure mid-write removes the temporary file and never creates the target."""
    target = tmp_path / "out" / "a.json"

    def chunks():  # type: ignore[no-untyped-def]
        yield b"{"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, chunks())
    assert os.listdir(tmp_path / "out") == []
    write_atomic(target, b"{}")
    assert target.read_bytes() == b"{}"
    assert os.listdir(tmp_path / "out") == ["a.json"]


def test_atomic_writer_commits_or_aborts(tmp_path: Path) -> None:
    writer = AtomicWriter(tmp_path / "all.jsonl")
    writer.write(b"1\n")
    assert not (tmp_path / "all.jsonl").exists()
    writer.abort()
    assert os.listdir(tmp_path) == []
    writer = AtomicWriter(tmp_path / "all.jsonl")
    writer.write(b"1\n")
    writer.commit()
    assert (tmp_path / "all.jsonl").read_bytes() == b"1\n"
    assert os.listdir(tmp_path) == ["all.jsonl"]


def test_resolve_workers() -> None:
    assert resolve_workers("auto") >= 1
    assert resolve_workers("3") == 3
    with pytest.raises(InputError):
        resolve_workers("0")
    with pytest.raises(InputError, match="'many'"):
        resolve_workers("many")


def test_validate_one_reports_or_names_the_unreadable(seed_path: Path, tmp_path: Path) -> None:
    good = tmp_path / "a.json"
    good.write_bytes(convert_one(str(seed_path)).outputs["json"])  # type: ignore[index]
    checked = validate_one(str(good))
    assert checked.report is not None
    assert checked.report.ok
    bad = tmp_path / "b.json"
    bad.write_bytes(b'{"id": 5}')
    checked = validate_one(str(bad), "json")
    assert checked.report is not None
    assert not checked.report.ok
    missing = validate_one(str(tmp_path / "gone.json"))
    assert missing.report is None
    assert missing.error is not None
    assert "gone.json" in missing.error
