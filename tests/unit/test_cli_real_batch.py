"""Issue 6's done-when check: 150 real Ukrainian articles, one binary and one empty file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsmodel.formats import loads


@pytest.fixture
def real_folder(shared: Path, tmp_path: Path) -> Path:
    """150 news texts from ner-uk (ids ``ng/``) as ``date YYYY-MM-DD`` text files, in tmp_path."""
    source = shared / "eval" / "ner-uk" / "train.jsonl"
    if not source.is_file():
        pytest.skip(f"{source} is absent")
    folder = tmp_path / "articles"
    folder.mkdir()
    count = 0
    with source.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if not record["id"].startswith("ng/") or count == 150:
                continue
            name = record["id"].removeprefix("ng/").replace("/", "_")
            day = 1 + count % 28
            (folder / f"{name}.txt").write_text(
                f"date 2024-03-{day:02d} {record['text']}", encoding="utf-8"
            )
            count += 1
    assert count == 150
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_150_real_articles_with_two_workers(real_folder: Path, tmp_path: Path) -> None:
    """One call, --workers 2: 150 readable outputs, the two bad files named, exit 1."""
    out = tmp_path / "out"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsmodel",
            "convert",
            str(real_folder),
            "--to",
            "json",
            "-o",
            str(out),
            "--workers",
            "2",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    outputs = sorted(out.glob("*.json"))
    assert len(outputs) == 150
    for path in outputs:
        [article] = loads(path.read_bytes(), "json", source=path.name)
        assert article.id == path.stem
        assert article.body
    errors = [line for line in result.stderr.splitlines() if line.startswith("newsmodel: error:")]
    assert len(errors) == 2
    assert any("photo.jpg" in line for line in errors)
    assert any("empty.txt" in line for line in errors)
    assert "converted 150 file(s)" in result.stderr
