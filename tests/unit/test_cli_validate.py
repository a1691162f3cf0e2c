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
    assert main(["validate", str(documents), "--verbose"]) == 1
    captured = capsys.readouterr()
    issues = captured.out.splitlines()
    assert issues
    for line in issues:
        match = LINE.match(line)
        assert match, line
        assert match["file"] == str(documents / "bad.json")
    assert f"{documents / 'good.json'}: valid" in captured.err
    assert f"{documents / 'bad.json'}: INVALID" in captured.err
    assert "2 file(s): 1 valid, 1 invalid, 0 not checked, 0 unreadable" in captured.err


def test_valid_files_exit_0(documents: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(documents / "good.json"), "--workers", "2"]) == 0
    assert capsys.readouterr().out == ""


def test_json_report(documents: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["validate", str(documents), "--json"]) == 1
    report = orjson.loads(capsysbinary.readouterr().out)
    assert report["summary"]["files"] == 2
    assert report["summary"]["invalid"] == 1
    assert {entry["source"]: entry["ok"] for entry in report["files"]} == {
        str(documents / "bad.json"): False,
        str(documents / "good.json"): True,
    }
    bad = next(entry for entry in report["files"] if not entry["ok"])
    assert all({"severity", "code", "message", "location"} <= set(i) for i in bad["issues"])


def test_unreadable_file_exits_2_after_checking_the_rest(
    documents: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file found in a folder that cannot be read (a dangling link) is named; exit 2."""
    (documents / "bad.json").unlink()
    (documents / "dangling.json").symlink_to(documents / "gone.json")
    code = main(["validate", str(documents), "--verbose"])
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


def test_fail_on_warning(
    tmp_path: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A document with warnings only passes by default and fails with --fail-on warning."""
    page = tmp_path / "page.jsonld"
    page.write_text(
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Заголовок",'
        ' "datePublished": "2025-11-07T09:30:00"}',
        encoding="utf-8",
    )
    assert main(["validate", str(page), "--verbose"]) == 0
    first = capsys.readouterr()
    assert ": warning: " in first.out
    assert "valid (jsonld" in first.err
    assert main(["validate", str(page), "--fail-on", "warning"]) == 1
    assert "INVALID (jsonld" in capsys.readouterr().err


def test_convert_restores_the_sigterm_handler(seed_path: Path, tmp_path: Path) -> None:
    """``main`` may run inside a longer process: the SIGTERM handler it installs is undone."""
    import signal

    before = signal.getsignal(signal.SIGTERM)
    assert main(["convert", str(seed_path), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert signal.getsignal(signal.SIGTERM) is before


def test_newsml_without_the_xsd_is_not_checked_and_exits_2(
    tmp_path: Path,
    seed_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A missing schema is a setup problem, not an invalid file: verdict NOT CHECKED, exit 2."""
    monkeypatch.setenv("NEWSMODEL_SCHEMA_DIR", str(tmp_path / "no-schemas"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "no-data-home"))
    outputs = convert_one(str(seed_path), formats=("newsml",)).outputs
    assert outputs is not None
    feed = tmp_path / "seed.xml"
    feed.write_bytes(outputs["newsml"])
    assert main(["validate", str(feed)]) == 2
    captured = capsys.readouterr()
    assert "[newsml.schema-not-installed]" in captured.out
    assert "newsmodel schemas install" in captured.out
    assert "NOT CHECKED (schema not installed)" in captured.err
    # The missing schema is a setup problem: not counted among the file's errors.
    assert "(newsml; 0 error(s)" in captured.err
    assert "1 not checked, 0 unreadable; 0 error(s)" in captured.err
