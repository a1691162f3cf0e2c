"""``newsmodel validate`` on many files: compiler-style issues, verdicts, --json, exit codes."""

from __future__ import annotations

import re
from pathlib import Path

import orjson
import pytest

from newsmodel.batch import convert_one
from newsmodel.cli import main

LINE = re.compile(r"^(?P<file>[^:]+)(?::\d+:\d+)?: (error|warning|info): .+ \[[\w.-]+\]$")


@pytest.fixture
def documents(tmp_path: Path, seed_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    good = convert_one(str(seed_path)).outputs
    assert good is not None
    (folder / "good.json").write_bytes(good["json"])
    (folder / "bad.json").write_bytes(b'{"id": 5, "headline": 7}')
    return folder


def test_issues_are_compiler_style_with_verdicts(
    documents: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(documents)]) == 1
    captured = capsys.readouterr()
    issues = captured.out.splitlines()
    assert issues
    for line in issues:
        match = LINE.match(line)
        assert match, line
        assert match["file"] == str(documents / "bad.json")
    assert f"{documents / 'good.json'}: valid" in captured.err
    assert f"{documents / 'bad.json'}: INVALID" in captured.err
    assert "2 file(s): 1 valid, 1 invalid, 0 unreadable" in captured.err


def test_valid_files_exit_0(documents: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(documents / "good.json"), "--workers", "2"]) == 0
    assert capsys.readouterr().out == ""


def test_json_report(documents: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["validate", str(documents), "--json"]) == 1
    report = orjson.loads(capsysbinary.readouterr().out)
    assert report["summary"]["files"] == 2
    assert report["summary"]["invalid"] == 1
    assert {entry["source"]: entry["ok"] for entry in report["files"]} == {
        str(documents / "bad.json"): False, str(documents / "good.json"): True,
    }
    bad = next(entry for entry in report["files"] if not entry["ok"])
    assert all({"severity", "code", "message", "location"} <= set(i) for i in bad["issues"])


def test_unreadable_file_exits_2_after_checking_the_rest(
    documents: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file found in a folder that cannot be read (a dangling link) is named; exit 2."""
    (documents / "bad.json").unlink()
    (documents / "dangling.json").symlink_to(documents / "gone.json")
    code = main(["validate", str(documents)])
    captured = capsys.readouterr()
    assert code == 2
    assert f"{documents / 'dangling.json'}: cannot read" in captured.err
    assert f"{documents / 'good.json'}: valid" in captured.err
    assert "1 unreadable" in captured.err


def test_unknown_format_and_missing_file_are_usage_errors(
    documents: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(documents), "--format", "nope"]) == 2
    assert main(["validate", str(documents / "missing.xml")]) == 2
    err = capsys.readouterr().err
    assert "unknown format 'nope'" in err
    assert "missing.xml: no such file" in err


def test_quiet_prints_only_issues(documents: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(documents), "-q"]) == 1
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out
