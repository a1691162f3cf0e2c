"""The progress bar draws only on a terminal, and the command line starts without heavy imports."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from newsmodel.progress import Progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_silent_when_not_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress(10, stream)
    for _ in range(10):
        progress.advance()
    progress.clear()
    assert stream.getvalue() == ""
    assert progress.done == 10


def test_draws_count_rate_and_time_left_on_a_terminal() -> None:
    stream = _Terminal()
    progress = Progress(4, stream, interval=0)
    progress.advance()
    text = stream.getvalue()
    assert text.startswith("\r[")
    assert "1/4" in text
    assert "/s" in text
    assert "left" in text
    progress.message("newsmodel: error: x.txt: the file is empty")
    assert "\nnewsmodel: error" not in stream.getvalue().split("\r")[0]
    assert "newsmodel: error: x.txt: the file is empty\n" in stream.getvalue()


def test_render_without_a_total_counts_up() -> None:
    progress = Progress(None, io.StringIO(), enabled=False)
    progress.advance(3)
    assert progress.render().startswith("3 ")


def test_disabled_explicitly_even_on_a_terminal() -> None:
    stream = _Terminal()
    progress = Progress(2, stream, enabled=False)
    progress.advance()
    progress.message("line")
    assert stream.getvalue() == "line\n"


def test_version_and_help_import_nothing_heavy() -> None:
    """``--version`` and ``--help`` must not load pydantic, lxml, the parser or the formats."""
    code = (
        "import sys\n"
        "from newsmodel.cli import main\n"
        "for argv in (['--version'], ['--help'], ['convert', '--help']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = ('pydantic', 'lxml', 'orjson', 'newsmodel.extract', 'newsmodel.formats',\n"
        "         'newsmodel.models', 'dask', 'jsonschema')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_convert_draws_the_bar_on_a_terminal_only(seed_path: Path, tmp_path: Path) -> None:
    """Through a pseudo-terminal the bar is drawn; through a pipe standard error has no ``\\r``."""
    import os
    import pty

    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(3):
        (folder / f"{index}.txt").write_bytes(seed_path.read_bytes())
    command = [
        sys.executable,
        "-m",
        "newsmodel",
        "convert",
        str(folder),
        "-o",
        str(tmp_path / "out"),
    ]
    controller, terminal = pty.openpty()
    process = subprocess.Popen(command, stderr=terminal, stdout=subprocess.DEVNULL)
    os.close(terminal)
    drawn = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closes when the command exits
            break
        if not chunk:
            break
        drawn += chunk
    os.close(controller)
    assert process.wait(timeout=120) == 0
    assert b"\r[" in drawn
    assert b"3/3" in drawn
    assert b"converted 3 file(s)" in drawn
    piped = subprocess.run([*command, "--skip-existing"], capture_output=True, check=True)
    assert b"\r" not in piped.stderr
    assert b"skipped 3" in piped.stderr
