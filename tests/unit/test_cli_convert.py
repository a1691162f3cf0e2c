"""``newsmodel convert`` on many inputs: outputs, bad files named, atomic writes, resuming."""

from __future__ import annotations

import io
import os
from pathlib import Path

import orjson
import pytest

import newsmodel.batch
from newsmodel.cli import main


@pytest.fixture
def batch_folder(tmp_path: Path, seed_path: Path) -> Path:
    """Three good texts (one in a subfolder), one binary file and one empty file."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    text = seed_path.read_bytes()
    for name in ("a.txt", "b.txt", "sub/c.txt"):
        (folder / name).write_bytes(text)
    (folder / "image.bin").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_folder_to_folder_names_bad_files_and_exits_1(
    batch_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Good files are converted, each bad one is named on one line, and the exit code is 1."""
    out = tmp_path / "out"
    code = main(["convert", str(batch_folder), "--to", "json", "-o", str(out), "--workers", "2"])
    captured = capsys.readouterr()
    assert code == 1
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "a.json",
        "b.json",
        "sub/c.json",
    ]
    for path in out.rglob("*.json"):
        assert orjson.loads(path.read_bytes())["body"]
    errors = [line for line in captured.err.splitlines() if line.startswith("newsmodel: error:")]
    assert len(errors) == 2
    assert any(str(batch_folder / "image.bin") in line for line in errors)
    assert any(str(batch_folder / "empty.txt") in line and "empty" in line for line in errors)
    assert "Traceback" not in captured.err
    assert "converted 3 file(s)" in captured.err
    assert "failed 2" in captured.err


def test_skip_existing_resumes(
    batch_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    main(["convert", str(batch_folder), "-o", str(out)])
    os.utime(out / "a.json", (1, 1))
    capsys.readouterr()
    code = main(["convert", str(batch_folder), "-o", str(out), "--skip-existing"])
    err = capsys.readouterr().err
    assert code == 1  # the two bad files are still bad
    assert "skipped 3" in err
    assert "converted 0" in err
    assert (out / "a.json").stat().st_mtime == 1


def test_several_formats_in_one_pass(batch_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code = main(["convert", str(batch_folder / "a.txt"), "--to", "json,json", "-o", f"{out}/"])
    assert code == 0
    assert [p.name for p in out.iterdir()] == ["a.json"]


def test_json_lines_output(batch_folder: Path, tmp_path: Path) -> None:
    """``-o x.jsonl`` streams one line per article into one file."""
    target = tmp_path / "all.jsonl"
    code = main(["convert", str(batch_folder), "-o", str(target), "-q"])
    assert code == 1
    lines = target.read_bytes().splitlines()
    assert len(lines) == 3
    assert [orjson.loads(line)["id"] for line in lines] == ["a", "b", "c"]
    assert sorted(os.listdir(tmp_path)) == ["all.jsonl", "in"]


def test_single_input_to_standard_output(
    seed_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """One input and no ``-o``: the indented document on standard output, nothing else."""
    assert main(["convert", str(seed_path)]) == 0
    captured = capsysbinary.readouterr()
    assert captured.out.startswith(b"{\n")
    assert orjson.loads(captured.out)["id"] == seed_path.stem
    assert captured.err == b""


def test_standard_input(
    seed_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(seed_path.read_bytes())))
    assert main(["convert", "-", "--from", "text"]) == 0
    assert orjson.loads(capsysbinary.readouterr().out)["id"] == "stdin"


def test_many_inputs_to_standard_output_are_json_lines(
    batch_folder: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["convert", str(batch_folder / "a.txt"), str(batch_folder / "b.txt")]) == 0
    lines = capsysbinary.readouterr().out.splitlines()
    assert [orjson.loads(line)["id"] for line in lines] == ["a", "b"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--to", "nope"], "unknown format 'nope'"),
        (["--workers", "0"], "at least 1"),
        (["--workers", "lots"], "'lots'"),
        (["--to", "json,json"], "output folder"),
        (["--skip-existing", "-o", "x.jsonl"], "--skip-existing"),
    ],
)
def test_usage_errors_exit_2(
    seed_path: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", str(seed_path), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_missing_input_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o")]) == 2
    assert "nope.txt: no such file or folder" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_interrupt_leaves_no_partial_file(
    batch_folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Ctrl-C in the middle: finished outputs stay, nothing half-written, exit 130."""
    real = newsmodel.batch.convert_one
    calls = 0

    def interrupted(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(newsmodel.batch, "convert_one", interrupted)
    out = tmp_path / "out"
    assert main(["convert", str(batch_folder), "-o", str(out)]) == 130
    assert sorted(p.name for p in out.rglob("*")) == ["a.json", "b.json"]
    target = tmp_path / "all.jsonl"
    calls = 0
    assert main(["convert", str(batch_folder), "-o", str(target)]) == 130
    assert not target.exists()
    assert sorted(os.listdir(tmp_path)) == ["in", "out"]
    assert "interrupted" in capsys.readouterr().err


def test_kill_leaves_only_whole_outputs(seed_path: Path, tmp_path: Path) -> None:
    """SIGTERM in the middle of a parallel batch: exit 130, every output whole, no temp files."""
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "in"
    folder.mkdir()
    text = seed_path.read_bytes()
    for index in range(3000):
        (folder / f"{index:05d}.txt").write_bytes(text)
    out = tmp_path / "out"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsmodel",
            "convert",
            str(folder),
            "-o",
            str(out),
            "--workers",
            "2",
            "-q",
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not (out.is_dir() and any(out.glob("*.json"))) and process.poll() is None:
        assert time.monotonic() < deadline, "no output appeared"
        time.sleep(0.05)
    if process.poll() is not None:
        pytest.skip("the batch finished before it could be interrupted")
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "Traceback" not in err
    names = os.listdir(out)
    assert names, "the outputs written before the signal are kept"
    assert [name for name in names if name.startswith(".")] == []
    for name in names:
        assert orjson.loads((out / name).read_bytes())["body"]
