"""A bounded, seeded mutation campaign over the real corpora, through every ``loads`` and
``validate``.

Each real file (``../shared/corpus/newsml-g2`` and ``newsml-g2-conformance``, the JSON-LD
blocks of ``../shared/corpus/jsonld``, read in place; and newsmodel JSON made from them) is
mutated a fixed number of times by a ``random.Random`` seeded with the file's name, so a
failure reproduces.  For every mutant:

- nothing escapes but a :class:`NewsmodelError` (``validate`` raises nothing at all), and no
  call takes longer than :data:`HANG_SECONDS` (a hang);
- NewsML-G2: ``validate``'s verdict is the official XSD's on the document as parsed;
- newsmodel JSON: ``validate`` calls it valid exactly when ``loads`` reads it;
- ninjs (IPTC's test suite, ``../shared/corpus/ninjs-conformance``): ``validate``'s verdict is
  the Python ``jsonschema`` one against the official schema of the version detected, so the
  compiled fast path never disagrees with it.

The summary (mutants tried, crashes, hangs, disagreements) is printed; run with ``-s``.
"""

from __future__ import annotations

import contextlib
import random
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from newsmodel import dumps, loads, validate
from newsmodel.errors import NewsmodelError
from newsmodel.validation.resources import find_schema_set
from newsmodel.validation.xsd import compiled_schema
from newsmodel.xmlsafe import XMLInputError, parse

HANG_SECONDS = 20
"""One call slower than this is a hang (the slowest real file validates in well under 1 s)."""
PER_XML_FILE = 100
PER_JSONLD_FILE = 20
PER_JSON_DOCUMENT = 40
PER_NINJS_FILE = 8

TOKENS = [
    b"<",
    b">",
    b"&",
    b"&#0;",
    b"&#xD800;",
    b"&lol;",
    b"]]>",
    b"<!--",
    b"-->",
    b"<?x?>",
    b'<!DOCTYPE x SYSTEM "/nonexistent/newsmodel">',
    b"<![CDATA[",
    b"\xff",
    b"\xc3",
    b"\x00",
    b"\xef\xbb\xbf",
    b'encoding="utf-7"',
    b'encoding="undefined"',
    b'xmlns="urn:x"',
    b"\r",
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b'"',
    b"\\",
    b"\\ud800",
    b"null",
    b"true",
    b"-0",
    b"1e400",
    b"NaN",
    b"9" * 30,
    b"18446744073709551616",
    b"[" * 300,
    b'"@context"',
    b'"@type": 5',
    b'"@id": "#x"',
    b"\n" * 3,
    b" " * 64,
    b'"uri"',
    b'"standard": {"version": "9"}',
    b'"$standard"',
    b'"guid": "x"',
    b'"3.1"',
]


class Hang(Exception):  # noqa: N818 (a verdict of the campaign)
    """A call took longer than HANG_SECONDS."""


@dataclass
class Tally:
    mutants: int = 0
    valid: int = 0
    """Mutants a validator still called valid (the verdict comparison has both sides)."""
    crashes: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)

    def line(self, what: str) -> str:
        return (
            f"{what}: {self.mutants} mutants ({self.valid} still valid), "
            f"{len(self.crashes)} crashes, "
            f"{len(self.hangs)} hangs, {len(self.disagreements)} disagreements"
        )


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to three byte-level edits: a byte changed, a span deleted, duplicated or moved,
    a hostile token inserted, the end cut off."""
    for _ in range(rng.randint(1, 3)):
        if not data:
            return rng.choice(TOKENS)
        position = rng.randrange(len(data))
        span = rng.randint(1, min(64, len(data) - position))
        action = rng.randrange(6)
        if action == 0:
            data = data[:position] + bytes([rng.randrange(256)]) + data[position + 1 :]
        elif action == 1:
            data = data[:position] + data[position + span :]
        elif action == 2:
            data = data[:position] + data[position : position + span] * 2 + data[position + span :]
        elif action == 3:
            data = data[:position] + rng.choice(TOKENS) + data[position:]
        elif action == 4:
            data = data[:position]
        else:
            piece = data[position : position + span]
            rest = data[:position] + data[position + span :]
            where = rng.randrange(len(rest) + 1)
            data = rest[:where] + piece + rest[where:]
    return data


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Hang


def _timed(call: Callable[[], Any]) -> Any:
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    try:
        return call()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _exercise(tally: Tally, label: str, data: bytes, format: str) -> tuple[Any, bool | None]:
    """Validate and load one mutant; returns the report and whether loads read it (``None``
    after a crash or a hang, which are tallied)."""
    tally.mutants += 1
    try:
        report = _timed(lambda: validate(data, format))
        report_any = _timed(lambda: validate(data))
        assert report_any.format in ("json", "jsonld", "newsml", "ninjs", "unknown")
        try:
            _timed(lambda: loads(data, format))
            read = True
        except NewsmodelError:
            read = False
        with contextlib.suppress(NewsmodelError):
            _timed(lambda: loads(data))
    except Hang:
        tally.hangs.append(label)
        return None, None
    except Exception as error:
        tally.crashes.append(f"{label}: {type(error).__name__}: {error}"[:300])
        return None, None
    tally.valid += report.ok
    return report, read


def _files(folder: Path, pattern: str) -> list[Path]:
    return sorted(path for path in folder.rglob(pattern) if path.is_file())


@pytest.fixture(scope="module")
def corpus(shared: Path) -> Path:
    folder = shared / "corpus"
    if not (folder / "newsml-g2").is_dir() or not (folder / "jsonld").is_dir():
        pytest.skip(f"{folder}/newsml-g2 or {folder}/jsonld is absent")
    return folder


def test_newsml_mutants_crash_nothing_and_agree_with_the_xsd(
    corpus: Path, with_shared_schemas: Path
) -> None:
    """NewsML-G2 corpus files and IPTC's examples, mutated."""
    folder = find_schema_set("newsml-g2")
    assert folder is not None
    schema = compiled_schema(folder.resolve())
    tally = Tally()
    files = _files(corpus / "newsml-g2", "*.xml")
    files += _files(corpus / "newsml-g2-conformance", "*.xml")
    for path in files:
        original = path.read_bytes()
        rng = random.Random(f"newsml:{path.name}")
        for number in range(PER_XML_FILE):
            data = mutate(original, rng)
            label = f"{path.name}#{number}"
            report, _ = _exercise(tally, label, data, "newsml")
            if report is None:
                continue
            try:
                root = parse(data).root
            except XMLInputError:
                if report.ok:
                    tally.disagreements.append(f"{label}: valid, but the parser refuses it")
                continue
            if report.ok is not bool(schema.validate(root)):
                tally.disagreements.append(f"{label}: ours {report.ok}, the XSD's not")
    print(tally.line("newsml"))
    assert tally.mutants >= 1000
    assert tally.crashes == []
    assert tally.hangs == []
    assert tally.disagreements == []


def _jsonld_documents(corpus: Path) -> Iterator[tuple[str, bytes]]:
    for path in _files(corpus / "jsonld", "*.jsonld"):
        yield path.name, path.read_bytes()


def test_jsonld_mutants_crash_nothing(corpus: Path, with_shared_schemas: Path) -> None:
    """The real JSON-LD blocks, mutated, as documents and wrapped in a page."""
    tally = Tally()
    for name, original in _jsonld_documents(corpus):
        rng = random.Random(f"jsonld:{name}")
        for number in range(PER_JSONLD_FILE):
            data = mutate(original, rng)
            if number % 2:
                data = (
                    b'<html><head><script type="application/ld+json">'
                    + data
                    + b"</script></head></html>"
                )
            _exercise(tally, f"{name}#{number}", data, "jsonld")
    print(tally.line("jsonld"))
    assert tally.mutants >= 1000
    assert tally.crashes == []
    assert tally.hangs == []


def test_json_mutants_crash_nothing_and_validate_agrees_with_loads(
    corpus: Path, with_shared_schemas: Path
) -> None:
    """newsmodel JSON made from the real JSON-LD articles, mutated."""
    tally = Tally()
    documents = 0
    for name, original in _jsonld_documents(corpus):
        try:
            articles = loads(original, "jsonld")
        except NewsmodelError:
            continue
        documents += 1
        if documents > 120:
            break
        source = dumps(articles[0], "json")
        rng = random.Random(f"json:{name}")
        for number in range(PER_JSON_DOCUMENT):
            data = mutate(source, rng)
            label = f"{name}#{number}"
            report, read = _exercise(tally, label, data, "json")
            if report is not None and read is not report.ok:
                tally.disagreements.append(f"{label}: validate {report.ok}, loads {read}")
    print(tally.line("json"))
    assert tally.mutants >= 1000
    assert tally.crashes == []
    assert tally.hangs == []
    assert tally.disagreements == []


def test_ninjs_mutants_crash_nothing_and_agree_with_jsonschema(
    shared: Path, with_shared_schemas: Path
) -> None:
    """IPTC's ninjs test suite, mutated: validate's verdict (fast path first) is jsonschema's
    against the version the mutant is detected as."""
    import orjson

    from newsmodel.validation import ninjs
    from newsmodel.validation.ninjs_versions import detect_version

    suite = shared / "corpus" / "ninjs-conformance"
    if not suite.is_dir():
        pytest.skip(f"{suite} is absent")
    folder = str(find_schema_set("ninjs"))
    tally = Tally()
    for path in _files(suite, "*.json"):
        original = path.read_bytes()
        rng = random.Random(f"ninjs:{path.relative_to(suite)}")
        for number in range(PER_NINJS_FILE):
            data = mutate(original, rng)
            label = f"{path.relative_to(suite)}#{number}"
            report, _ = _exercise(tally, label, data, "ninjs")
            if report is None:
                continue
            try:
                value = orjson.loads(data)
                version = detect_version(value).version if isinstance(value, dict) else None
            except (orjson.JSONDecodeError, NewsmodelError):
                continue
            if version is None or any(i.code == "json.too-deep" for i in report.issues):
                continue
            if report.ok is not ninjs._python(folder, version).is_valid(value):
                tally.disagreements.append(f"{label}: ours {report.ok}, jsonschema's not")
    print(tally.line("ninjs"))
    assert tally.mutants >= 1500
    assert tally.crashes == []
    assert tally.hangs == []
    assert tally.disagreements == []
