"""The command line as a new user expects it (issue #12): outputs, empty batches, folders of
mixed files, quiet reports, issue filters, date headers, unsupported feeds, option errors."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from newsmodel.batch import convert_one
from newsmodel.cli import main


def _error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.strip()]


# -- -o names a file unless it says it is a folder ----------------------------------------------


def test_single_input_with_a_file_name_writes_that_file(seed_path: Path, tmp_path: Path) -> None:
    """`-o seed.xml` with `--to json` writes the file seed.xml, not a folder of that name."""
    target = tmp_path / "seed.xml"
    assert main(["convert", str(seed_path), "-o", str(target), "-q"]) == 0
    assert target.is_file()
    assert orjson.loads(target.read_bytes())["body"]


def test_single_input_with_a_plain_name_writes_that_file(seed_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "article"
    assert main(["convert", str(seed_path), "--to", "newsml", "-o", str(target), "-q"]) == 0
    assert target.is_file()
    assert target.read_bytes().lstrip().startswith(b"<?xml")


def test_two_formats_into_one_file_name_is_a_usage_error(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`-o x.json --to json,jsonld`: nothing is created, and the error says to end -o with /."""
    target = tmp_path / "x.json"
    assert main(["convert", str(seed_path), "--to", "json,jsonld", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert not target.exists()
    assert len(_error_lines(err)) == 1
    assert "folder" in err
    assert "/" in err


def test_a_trailing_slash_or_many_inputs_make_a_folder(seed_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(seed_path), "-o", f"{out}/", "-q"]) == 0
    assert (out / f"{seed_path.stem}.json").is_file()
    copy = tmp_path / "copy.txt"
    copy.write_bytes(seed_path.read_bytes())
    many = tmp_path / "many"
    assert main(["convert", str(seed_path), str(copy), "-o", str(many), "-q"]) == 0
    assert sorted(p.name for p in many.iterdir()) == [f"{seed_path.stem}.json", "copy.json"]


# -- no input at all ------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["convert", "validate"])
def test_an_empty_folder_is_a_usage_error(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert (
        main(
            [command, str(empty), "-o", str(tmp_path / "out.jsonl")]
            if command == "convert"
            else [command, str(empty)]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "no input files matched" in err
    assert not (tmp_path / "out.jsonl").exists()


def test_a_glob_that_matches_nothing_is_a_usage_error(
    seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", str(seed_path.parent), "--glob", "*.nothing"]) == 2
    assert "no input files matched" in capsys.readouterr().err


def test_eval_on_a_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(tmp_path / "gold.json")]) == 2
    assert "gold.json: no such file or folder" in capsys.readouterr().err


# -- validate FOLDER takes the formats' files and prints problems only ----------------------------


@pytest.fixture
def mixed_folder(tmp_path: Path, seed_path: Path) -> Path:
    """Two valid JSON documents, one invalid, and files that are no document (README, TSV)."""
    folder = tmp_path / "feed"
    folder.mkdir()
    outputs = convert_one(str(seed_path)).outputs
    assert outputs is not None
    (folder / "a.json").write_bytes(outputs["json"])
    (folder / "b.json").write_bytes(outputs["json"])
    (folder / "bad.json").write_bytes(b'{"id": 5, "headline": 7}')
    (folder / "README.md").write_text("# the feed\n", encoding="utf-8")
    (folder / "table.tsv").write_text("a\tb\n", encoding="utf-8")
    return folder


def test_validate_folder_takes_document_extensions_and_counts_the_rest(
    mixed_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(mixed_folder)]) == 1
    captured = capsys.readouterr()
    assert "README.md" not in captured.out + captured.err.replace("2 skipped", "")
    assert "format.unknown" not in captured.out
    assert "3 file(s)" in captured.err
    assert "2 skipped" in captured.err


def test_validate_prints_problems_only_unless_verbose(
    mixed_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(mixed_folder)]) == 1
    quiet = capsys.readouterr()
    assert ": valid" not in quiet.err
    assert f"{mixed_folder / 'bad.json'}: INVALID" in quiet.err
    assert "1 invalid" in quiet.err
    assert main(["validate", str(mixed_folder), "--verbose"]) == 1
    verbose = capsys.readouterr()
    assert f"{mixed_folder / 'a.json'}: valid" in verbose.err
    assert f"{mixed_folder / 'b.json'}: valid" in verbose.err


def test_ignore_and_select_filter_issue_codes(
    mixed_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = str(mixed_folder / "bad.json")
    assert main(["validate", bad]) == 1
    codes = {line.rsplit("[", 1)[1].rstrip("]") for line in capsys.readouterr().out.splitlines()}
    assert {"json.type", "json.required"} <= codes
    assert main(["validate", bad, "--select", "json.type"]) == 1
    selected = capsys.readouterr().out.splitlines()
    assert selected
    assert all(line.endswith("[json.type]") for line in selected)
    assert main(["validate", bad, "--ignore", ",".join(sorted(codes))]) == 0
    assert capsys.readouterr().out == ""
    assert main(["validate", bad, "--ignore", "json"]) == 0  # a prefix names a family


def test_json_report_carries_the_version_and_documentation_anchors(
    mixed_folder: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    from newsmodel import __version__

    assert main(["validate", str(mixed_folder / "bad.json"), "--json"]) == 1
    report = orjson.loads(capsysbinary.readouterr().out)
    assert report["version"] == __version__
    issue = report["files"][0]["issues"][0]
    assert issue["doc"] == f"validation/#{issue['code']}"


# -- a malformed date header is said, not silently read as text ----------------------------------


@pytest.mark.parametrize("header", ["Date 2020-01-01", "date: 2020-01-01", "DATE 2020-01-01"])
def test_a_header_that_is_almost_a_date_header_warns(
    header: str, seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = seed_path.read_text(encoding="utf-8").split("\n", 1)[1]
    text = tmp_path / "article.txt"
    text.write_text(f"{header}\n{body}", encoding="utf-8")
    assert main(["convert", str(text)]) == 0
    captured = capsys.readouterr()
    warnings = [line for line in captured.err.splitlines() if "warning" in line]
    assert len(warnings) == 1
    assert str(text) in warnings[0]
    assert header in warnings[0]
    assert "date YYYY-MM-DD" in warnings[0]
    article = orjson.loads(captured.out)
    assert any(header in warning for warning in article["provenance"]["warnings"])


def test_a_header_date_the_calendar_lacks_says_no_such_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "article.txt"
    text.write_text("date 2020-02-30\nУ Києві відбулася зустріч.\n", encoding="utf-8")
    assert main(["convert", str(text)]) == 1
    err = capsys.readouterr().err
    assert "no such day" in err
    assert "not a date written" not in err


# -- other feeds are named, not taken for broken NewsML-G2 ---------------------------------------


@pytest.mark.parametrize(
    ("document", "name"),
    [
        (
            b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title></channel></rss>',
            "RSS",
        ),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', "Atom"),
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE NewsML>\n<NewsML Version="1.2"><NewsEnvelope/>'
            b"</NewsML>",
            "NewsML 1",
        ),
        (
            b'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
            b' xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>',
            "RSS 1.0",
        ),
    ],
)
def test_validate_names_a_feed_it_does_not_read(
    document: bytes, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(document)
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert name in out
    assert "does not read" in out
    assert "xmlns" not in out
    assert "NewsML-G2 namespace" not in out


def test_convert_names_a_feed_it_does_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(b'<rss version="2.0"><channel><title>x</title></channel></rss>')
    assert main(["convert", str(path)]) == 1
    err = capsys.readouterr().err
    assert "RSS" in err
    assert "does not read" in err


# -- options: in either place, the subcommand's usage, the closest option --------------------------


def test_debug_is_accepted_after_the_subcommand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["convert", str(empty), "--debug"]) == 1
    assert main(["--debug", "convert", str(empty)]) == 1


def test_an_unknown_option_shows_the_subcommands_usage_and_the_closest_option(
    seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", str(seed_path), "--fail-onn", "warning"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: newsmodel validate")
    assert "did you mean --fail-on?" in err
    with pytest.raises(SystemExit):
        main(["convert", str(seed_path), "--skip-exisitng"])
    err = capsys.readouterr().err
    assert err.startswith("usage: newsmodel convert")
    assert "--skip-existing" in err
