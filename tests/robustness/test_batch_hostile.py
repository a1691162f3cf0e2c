"""Batches against hostile inputs and failing machines (issue #10): files that are not regular
files or are too large, outputs that would overwrite each other, workers that die, a parent
killed with SIGKILL, a full disk."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import ClassVar

import orjson
import pytest

from newsmodel import batch
from newsmodel.batch import Input, convert_one, iter_inputs, run
from newsmodel.cli import main
from newsmodel.errors import InputError

# -- what is not a regular file, or is too large, is never read -----------------------------------


def test_a_fifo_in_a_folder_is_skipped_and_said(
    tmp_path: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(seed_path.read_bytes())
    os.mkfifo(folder / "pipe.txt")
    out = tmp_path / "out"
    assert main(["convert", str(folder), "-o", f"{out}/"]) == 0
    err = capsys.readouterr().err
    assert f"{folder / 'pipe.txt'}: skipped: not a regular file" in err
    assert "skipped 1" in err
    assert [p.name for p in out.iterdir()] == ["a.json"]
    assert main(["validate", str(folder), "--glob", "*.txt"]) == 1  # the text is no document
    assert f"{folder / 'pipe.txt'}: skipped: not a regular file" in capsys.readouterr().err


def test_a_fifo_named_on_the_command_line_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.xml"
    os.mkfifo(fifo)
    result = convert_one(str(fifo))
    assert result.error is not None
    assert "not a regular file" in result.error


def test_a_link_to_dev_zero_is_not_read(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    assert [item.name for item in iter_inputs([str(tmp_path)])] == []
    result = convert_one(str(link))
    assert result.error is not None
    assert "not a regular file" in result.error


def test_a_huge_sparse_file_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`truncate -s 1G f.xml`: refused from its size, without reading a byte."""
    huge = tmp_path / "f.xml"
    with huge.open("wb") as handle:
        handle.truncate(batch.MAX_INPUT_BYTES + 1)
    opened: list[str] = []
    real_open = os.open

    def watching(path: str, *args: object, **kwargs: object) -> int:
        opened.append(str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", watching)
    with pytest.raises(InputError, match="larger than"):
        batch.read_bytes(Input(name=str(huge), relative=Path("f"), path=str(huge)))
    result = convert_one(str(huge))
    assert result.error is not None
    assert "larger than" in result.error
    assert str(huge) not in opened, "the file was opened although its size already refused it"


def test_standard_input_is_read_up_to_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    class Endless:
        read_sizes: ClassVar[list[int]] = []

        def read(self, size: int = -1) -> bytes:
            assert size > 0, "standard input must never be read whole"
            self.read_sizes.append(size)
            return b"x" * min(size, 1 << 20)

    class Stdin:
        buffer = Endless()

    monkeypatch.setattr(sys, "stdin", Stdin())
    with pytest.raises(InputError, match="larger than"):
        batch.read_stdin()


# -- outputs never overwrite each other -----------------------------------------------------------


def _outputs(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_same_name_in_two_folders_mirrors_the_tree(seed_path: Path, tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.txt").write_bytes(seed_path.read_bytes())
    out = tmp_path / "out"
    assert (
        main(
            ["convert", str(tmp_path / "a/x.txt"), str(tmp_path / "b/x.txt"), "-o", f"{out}/", "-q"]
        )
        == 0
    )
    assert _outputs(out) == ["a/x.json", "b/x.json"]
    out2 = tmp_path / "out2"
    assert main(["convert", str(tmp_path / "a"), str(tmp_path / "b"), "-o", f"{out2}/", "-q"]) == 0
    assert _outputs(out2) == ["a/x.json", "b/x.json"]


def test_stems_that_collide_keep_their_extension(seed_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = seed_path.read_bytes()
    document = convert_one(str(seed_path)).outputs
    assert document is not None
    (folder / "x.txt").write_bytes(text)
    (folder / "x.json").write_bytes(document["json"])
    (folder / "y.txt").write_bytes(text)
    out = tmp_path / "out"
    assert main(["convert", str(folder), "-o", f"{out}/", "-q"]) == 0
    assert _outputs(out) == ["x.json.json", "x.txt.json", "y.json"]
    assert (
        main(
            [
                "convert",
                str(folder / "x.txt"),
                str(folder / "x.json"),
                "-o",
                f"{tmp_path / 'out2'}/",
                "-q",
            ]
        )
        == 0
    )
    assert _outputs(tmp_path / "out2") == ["x.json.json", "x.txt.json"]


@pytest.mark.parametrize("twice", ["same", "nested"])
def test_an_input_given_twice_is_refused_before_anything_is_written(
    twice: str, seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "x.txt").write_bytes(seed_path.read_bytes())
    second = folder if twice == "same" else folder / "sub"
    out = tmp_path / "out"
    assert main(["convert", str(folder), str(second), "-o", f"{out}/"]) == 2
    assert "given twice" in capsys.readouterr().err
    assert not out.exists()


# -- a worker that dies ends the batch with one clear line ----------------------------------------


def _die_on_three(value: int) -> int:
    if value == 3:
        os._exit(7)
    return value


def test_a_dead_worker_is_one_error_not_a_hang() -> None:
    with pytest.raises(batch.WorkerError, match="worker process"):
        list(run(_die_on_three, range(200), workers=2))


_CONVERT = batch.convert_one


def _dying_on_05(item: Input, *args: object, **kwargs: object) -> batch.Result:
    """convert_one, except that the worker converting ``05.txt`` dies."""
    if item.name.endswith("05.txt"):
        os._exit(9)
    return _CONVERT(item, *args, **kwargs)  # type: ignore[arg-type]


def test_a_dead_worker_in_the_cli_is_one_line(
    tmp_path: Path,
    seed_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(8):
        (folder / f"{index:02d}.txt").write_bytes(seed_path.read_bytes())
    monkeypatch.setattr(batch, "convert_one", _dying_on_05)
    code = main(["convert", str(folder), "-o", f"{tmp_path / 'out'}/", "--workers", "2"])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("newsmodel: error:")]
    assert len(lines) == 1
    assert "worker process" in lines[0]


def test_workers_restore_the_default_sigterm(tmp_path: Path) -> None:
    """The parent turns SIGTERM into a clean stop; a worker must not inherit that handler, or
    the pool cannot terminate it and the batch hangs."""
    previous = signal.signal(signal.SIGTERM, _parent_handler)
    try:
        names = list(run(_sigterm_handler_name, [0, 1], workers=2))
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert names == ["SIG_DFL", "SIG_DFL"]


def _parent_handler(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _sigterm_handler_name(_: int) -> str:
    handler = signal.getsignal(signal.SIGTERM)
    return handler.name if isinstance(handler, signal.Handlers) else repr(handler)


# -- kill -9: workers follow their parent; --skip-existing cleans up -------------------------------


def _children(pid: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                children.append(int(entry.name))
    return children


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_workers_exit_when_the_parent_is_killed(seed_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(400):
        (folder / f"{index:04d}.txt").write_bytes(seed_path.read_bytes())
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsmodel",
            "convert",
            str(folder),
            "-o",
            f"{tmp_path / 'o'}/",
            "--workers",
            "2",
            "-q",
        ],
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while len(workers) < 2 and process.poll() is None:
        assert time.monotonic() < deadline, "no workers started"
        time.sleep(0.05)
        workers = _children(process.pid)
    if process.poll() is not None:
        pytest.skip("the batch finished before it could be killed")
    process.kill()
    process.wait()
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in workers):
        if time.monotonic() > deadline:
            for pid in workers:
                if _alive(pid):
                    os.kill(pid, signal.SIGKILL)
            pytest.fail("workers outlived their killed parent")
        time.sleep(0.1)


def test_skip_existing_removes_the_temporary_files_of_a_dead_run(
    seed_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(seed_path.read_bytes())
    out = tmp_path / "out"
    (out / "sub").mkdir(parents=True)
    dead = 2**22 + 12345  # above the kernel's pid_max default: no such process
    stale = [out / f".a.json.{dead}.0badcafe.tmp", out / "sub" / f".b.json.{dead}.deadbeef.tmp"]
    for path in stale:
        path.write_bytes(b"{")
    alive = out / f".c.json.{os.getpid()}.12345678.tmp"  # a run still going: kept
    alive.write_bytes(b"{")
    assert main(["convert", str(folder), "-o", f"{out}/", "--skip-existing", "-q"]) == 0
    assert not any(path.exists() for path in stale)
    assert alive.exists()
    assert (out / "a.json").is_file()


# -- a full disk outside folder mode ---------------------------------------------------------------


def _limit_file_size() -> None:
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


@pytest.mark.parametrize(
    ("name", "to"),
    [("all.jsonl", "json"), ("all.json", "json"), ("all.xml", "newsml"), ("all.jsonld", "jsonld")],
)
def test_a_full_disk_is_one_line_and_leaves_no_partial_file(
    name: str, to: str, seed_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(2):
        (folder / f"{index}.txt").write_bytes(seed_path.read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsmodel",
            "convert",
            str(folder),
            "--to",
            to,
            "-o",
            str(out / name),
            "-q",
        ],
        capture_output=True,
        text=True,
        preexec_fn=_limit_file_size,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(out / name) in lines[0]
    assert "cannot write" in lines[0]
    assert os.listdir(out) == []


def test_a_full_standard_output_is_one_line(seed_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "newsmodel", "convert", str(seed_path)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "standard output: cannot write" in result.stderr


def test_results_keep_their_outputs_under_many_workers(seed_path: Path, tmp_path: Path) -> None:
    """The same inputs give the same outputs with one worker or two (order and bytes)."""
    items = [str(seed_path)] * 6
    one = [r.outputs for r in run(convert_one, items, workers=1)]
    two = [r.outputs for r in run(convert_one, items, workers=2)]
    assert one == two
    assert orjson.loads(one[0]["json"])["body"]  # type: ignore[index]
