"""Every code example in ``docs/*.md`` and ``README.md`` runs, so the docs cannot lie.

Per page, in a fresh temporary folder holding a copy of the project's ``seeds/``, blocks run in
order (a file written by one example is there for the next):

- ```` ```python ```` blocks run, each in a fresh interpreter as a reader would paste it, so each
  must stand alone (its own imports);
- ```` ```console ```` blocks run each ``$ `` line, ```` ```sh ````/```` ```bash ```` blocks run
  each line, with bash; lines that do not call the ``newsmodel`` command are left out; the
  setup parts of ``a && b`` chains are left out too (``pip install``, ``pytest``,
  ``newsmodel schemas install`` without ``--from``, which downloads);
- ```` ```text ````, ```` ```json ````, ```` ```xml ```` ... show output to the reader: not run;
- a python block that prints is followed by its output, a ```` ```text ```` block marked
  ``<!-- docs-test: output -->``, and what it prints must match it (a ``...`` line stands for
  any lines, so long or machine-dependent output can be shortened; ``output-with-schemas``
  marks output that needs the third-party schemas, compared only where they are installed).

A marker comment on the line right before a fence changes that (documented in
docs/contributing.md):

- ``<!-- docs-test: skip (why) -->``: the block is not run (it needs the network or a cluster);
- ``<!-- docs-test: exit=N -->``: every command of the block must exit with N (default 0).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
FENCE = re.compile(
    r"(?:<!-- docs-test: (?P<marker>[^>]*?) -->\n)?^```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^```$",
    re.MULTILINE | re.DOTALL,
)
RUNNABLE_SHELL = {"console", "sh", "bash", "shell"}
SETUP = ("pip ", "pip3 ", "pytest", "python -m pip", "git ")
CLI_CALL = re.compile(r"(?:^|[|&;]\s*)newsmodel\s")
"""A line runs when it calls the ``newsmodel`` command (``python -m newsmodel.schema`` does not)."""


@dataclass(frozen=True)
class Block:
    page: str
    line: int
    lang: str
    body: str
    marker: str

    @property
    def is_output(self) -> bool:
        """The output of the python block before it; ``output-with-schemas`` is output that
        needs the third-party schemas, compared only where they are installed."""
        return self.marker in ("output", "output-with-schemas")

    @property
    def skipped(self) -> bool:
        return self.marker.startswith("skip")

    @property
    def expected_exit(self) -> int:
        match = re.match(r"exit=(\d+)", self.marker)
        return int(match.group(1)) if match else 0


def blocks(page: Path) -> list[Block]:
    text = page.read_text(encoding="utf-8")
    return [
        Block(
            page.name,
            text.count("\n", 0, match.start("body")) + 1,
            match["lang"],
            match["body"],
            (match["marker"] or "").strip(),
        )
        for match in FENCE.finditer(text)
    ]


def shell_commands(block: Block) -> list[str]:
    """The commands a shell block runs: ``$`` lines of a console, every line of a script."""
    lines = block.body.replace("\\\n", " ").splitlines()
    if block.lang == "console":
        lines = [line[2:] for line in lines if line.startswith("$ ")]
    commands = []
    for raw in lines:
        line = raw.split("  #", 1)[0].strip()
        if not line or line.startswith("#") or not CLI_CALL.search(line):
            continue
        parts = [part.strip() for part in line.split("&&")]
        kept = [part for part in parts if not _is_setup(part)]
        if kept:
            commands.append(" && ".join(kept))
    return commands


def _is_setup(command: str) -> bool:
    """Installing software, running the suite, or downloading schemas: not an example to run.

    ``newsmodel schemas install`` without ``--from`` downloads from the network; the test runs
    with the team's schemas instead (see :func:`_environment`).
    """
    if command.startswith(SETUP):
        return True
    return command.startswith("newsmodel schemas install") and "--from" not in command


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _environment() -> dict[str, str]:
    """This interpreter's ``newsmodel`` first on PATH; the team's schemas when they are there.

    Examples that validate NewsML-G2 assume ``newsmodel schemas install`` was run; the test
    points ``NEWSMODEL_SCHEMA_DIR`` at ``../shared/schemas`` instead of downloading.
    """
    environment = dict(os.environ)
    scripts = str(Path(sys.executable).parent)
    environment["PATH"] = scripts + os.pathsep + environment.get("PATH", "")
    shared = Path(os.environ.get("NEWSMODEL_SHARED") or ROOT.parent / "shared")
    if (shared / "schemas" / "newsml-g2").is_dir() and "NEWSMODEL_SCHEMA_DIR" not in environment:
        environment["NEWSMODEL_SCHEMA_DIR"] = str(shared / "schemas")
    return environment


def _has_schemas() -> bool:
    from newsmodel.validation.resources import find_schema_set

    return "NEWSMODEL_SCHEMA_DIR" in _environment() or find_schema_set("schemaorg") is not None


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_examples_run(page: Path, workdir: Path) -> None:
    """Each page's examples run in order, exit as documented, and never show a traceback."""
    ran = 0
    page_blocks = blocks(page)
    for index, block in enumerate(page_blocks):
        where = f"{block.page}:{block.line}"
        if block.skipped:
            continue
        if block.lang == "python":
            result = subprocess.run(
                [sys.executable, "-c", block.body],
                cwd=workdir,
                capture_output=True,
                text=True,
                timeout=300,
                env=_environment(),
                check=False,
            )
            assert result.returncode == 0, f"{where}: the python example failed\n{result.stderr}"
            shown = page_blocks[index + 1] if index + 1 < len(page_blocks) else None
            if shown is not None and shown.is_output:
                assert matches(result.stdout, shown.body) or (
                    shown.marker == "output-with-schemas" and not _has_schemas()
                ), f"{where}: the example prints\n{result.stdout}\nbut the page shows\n{shown.body}"
            else:
                assert not result.stdout.strip(), (
                    f"{where}: the example prints something the page does not show: add its "
                    f"output after it, marked <!-- docs-test: output -->\n{result.stdout}"
                )
            ran += 1
        elif block.lang in RUNNABLE_SHELL:
            for command in shell_commands(block):
                result = subprocess.run(
                    ["bash", "-o", "pipefail", "-c", command],
                    cwd=workdir,
                    capture_output=True,
                    text=True,
                    timeout=300,
                    env=_environment(),
                    check=False,
                )
                assert result.returncode == block.expected_exit, (
                    f"{where}: `{command}` exited {result.returncode}, expected "
                    f"{block.expected_exit}\n{result.stderr}"
                )
                assert "Traceback" not in result.stderr, f"{where}: `{command}`\n{result.stderr}"
                ran += 1
    if not any(b.lang in RUNNABLE_SHELL | {"python"} for b in blocks(page)):
        pytest.skip(f"{page.name} has no runnable example")


def matches(printed: str, shown: str) -> bool:
    """``printed`` line for line as ``shown``, where a ``...`` line stands for any lines."""
    actual = [line.rstrip() for line in printed.rstrip("\n").split("\n")]
    expected = [line.rstrip() for line in shown.rstrip("\n").split("\n")]

    def match(a: int, e: int) -> bool:
        if e == len(expected):
            return a == len(actual)
        if expected[e] == "...":
            return any(match(start, e + 1) for start in range(a, len(actual) + 1))
        return a < len(actual) and actual[a] == expected[e] and match(a + 1, e + 1)

    return match(0, 0)


def test_output_matching_allows_elisions_only_where_marked() -> None:
    assert matches("a\nb\nc\n", "a\n...\nc")
    assert matches("a\nc\n", "a\n...\nc")
    assert not matches("a\nb\n", "a\nc")
    assert not matches("a\nb\nc\n", "a\nb")


def test_the_harness_reads_markers_and_commands() -> None:
    """The parser this test relies on: markers, console prompts, setup commands left out."""
    page = (
        "<!-- docs-test: exit=1 -->\n```console\n$ newsmodel convert x.txt\nout\n```\n"
        "<!-- docs-test: skip (network) -->\n```sh\nnewsmodel schemas install\n```\n"
        "```sh\npip install -e . && newsmodel --version\npytest\n```\n"
    )
    path = Path("harness.md")
    parsed = [
        Block(path.name, 0, m["lang"], m["body"], (m["marker"] or "").strip())
        for m in FENCE.finditer(page)
    ]
    assert [(b.lang, b.expected_exit, b.skipped) for b in parsed] == [
        ("console", 1, False),
        ("sh", 0, True),
        ("sh", 0, False),
    ]
    assert shell_commands(parsed[0]) == ["newsmodel convert x.txt"]
    assert shell_commands(parsed[2]) == ["newsmodel --version"]
    download = Block(
        "x.md", 0, "sh", "newsmodel schemas install\nnewsmodel schemas install --from dir\n", ""
    )
    assert shell_commands(download) == ["newsmodel schemas install --from dir"]
    developer = Block(
        "x.md", 0, "sh", "python -m newsmodel.schema\ncat a | newsmodel convert -\n", ""
    )
    assert shell_commands(developer) == ["cat a | newsmodel convert -"]


def test_shlex_can_split_every_command() -> None:
    """Quoting in the docs is balanced (a broken quote would silently change the command)."""
    for page in PAGES:
        for block in blocks(page):
            if block.lang in RUNNABLE_SHELL:
                for command in shell_commands(block):
                    shlex.split(command)


CODE = re.compile(
    r"""["'](?P<code>(?:format|json|jsonld|newsml|ninjs|xml)\.[a-z0-9][a-z0-9.-]*)["']"""
)


def test_every_issue_code_is_documented() -> None:
    """docs/validation.md lists every stable issue code the validators can emit."""
    sources = [
        *(ROOT / "src" / "newsmodel" / "validation").glob("*.py"),
        *(ROOT / "src" / "newsmodel").glob("xml*.py"),  # the hardened parser and its parts
    ]
    codes = {
        match["code"]
        for path in sources
        if path.is_file()
        for match in CODE.finditer(path.read_text(encoding="utf-8"))
        if not match["code"].endswith((".xsd", ".json", ".py"))
    }  # file names, not codes
    page = (ROOT / "docs" / "validation.md").read_text(encoding="utf-8")
    assert codes, "no issue codes found: has the validate package moved?"
    assert sorted(code for code in codes if f"`{code}`" not in page) == []
