"""IPTC's ninjs test suite (``../shared/corpus/ninjs-conformance/<version>/should_pass|
should_fail``): our verdict is the suite's on every file, with the version given and with the
version detected from the document.

Detection can only be as precise as the document: a file that declares no version is read as
the newest version of its family (1.6, 2.2 or 3.1), which accepts everything the earlier ones
did.  Four should_fail files of 1.0 and 1.1 are invalid only *as* 1.0/1.1 (a ``type`` of
``component`` and an ``infosource``, both added in 1.2) and declare nothing, so as detected
they are valid ninjs 1.6: named below, each with its reason, and checked to be exactly that.
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from newsmodel import loads, validate
from newsmodel.errors import NewsmodelError
from newsmodel.validation import ninjs
from newsmodel.validation.ninjs_versions import VERSIONS

VALID_WHEN_UNDECLARED = {
    "1.0/should_fail/014_type_component.json": "type 'component' is ninjs 1.2+",
    "1.0/should_fail/016_infosource.json": "infosource is ninjs 1.2+",
    "1.1/should_fail/001_type_component.json": "type 'component' is ninjs 1.2+",
    "1.1/should_fail/002_infosource.json": "infosource is ninjs 1.2+",
}
NOT_NINJS_BY_ITS_BYTES = {
    "1.0/should_fail/001_no_uri_declared.json": "`{}`: an empty object is no format in "
    "particular (detected as newsmodel JSON, which refuses it too)",
}


@pytest.fixture(scope="module")
def suite(shared: Path) -> list[tuple[str, str, bool, bytes]]:
    """(name, version, should pass, bytes) of every file of the suite."""
    folder = shared / "corpus" / "ninjs-conformance"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    files = []
    for version in VERSIONS:
        for verdict in ("should_pass", "should_fail"):
            for path in sorted((folder / version / verdict).glob("*.json")):
                name = str(path.relative_to(folder))
                files.append((name, version, verdict == "should_pass", path.read_bytes()))
    return files


@pytest.fixture(autouse=True)
def _schemas(with_shared_schemas: Path) -> None:
    """Every test here validates against the official schemas."""


def test_the_suite_covers_every_version(suite: list[tuple[str, str, bool, bytes]]) -> None:
    """Each version 1.0-3.1 has files that must pass and files that must fail."""
    assert len(suite) == 200
    for version in VERSIONS:
        verdicts = {passes for _, of, passes, _ in suite if of == version}
        assert verdicts == {True, False}, version


def test_verdicts_agree_with_the_version_given(
    suite: list[tuple[str, str, bool, bytes]],
) -> None:
    """validate(..., version=V) accepts every should_pass file of V and rejects every
    should_fail one: 200 of 200."""
    wrong = [
        name
        for name, version, passes, data in suite
        if ninjs.validate(data, version=version).ok is not passes
    ]
    assert wrong == []


def test_verdicts_agree_with_the_version_detected(
    suite: list[tuple[str, str, bool, bytes]],
) -> None:
    """newsmodel.validate with nothing but the bytes: 196 of 200 agree, and the four others are
    exactly the undeclared documents that are valid in a later version of their family."""
    wrong = {}
    for name, _, passes, data in suite:
        report = validate(data)
        assert (report.format == "ninjs") is (name not in NOT_NINJS_BY_ITS_BYTES), name
        if report.ok is not passes:
            wrong[name] = report
    assert set(wrong) == set(VALID_WHEN_UNDECLARED)
    for name in wrong:
        data = next(data for of, _, _, data in suite if of == name)
        assert ninjs.validate(data, version="1.6").ok, name
        assert not ninjs.validate(data, version=name[:3]).ok, name


def test_the_compiled_validator_agrees_with_the_python_one(
    suite: list[tuple[str, str, bool, bytes]],
) -> None:
    """The jsonschema-rs fast path never says valid where jsonschema says invalid, on any
    file of the suite against any version (2,400 pairs)."""
    for name, _, _, data in suite:
        try:
            value = orjson.loads(data)
        except orjson.JSONDecodeError:
            continue
        for version in VERSIONS:
            folder = str(ninjs.require_schema_set("ninjs"))
            expected = ninjs._python(folder, version).is_valid(value)
            assert ninjs.is_valid(value, version) is expected, (name, version)


def test_every_file_reads_or_gets_a_clear_error(
    suite: list[tuple[str, str, bool, bytes]],
) -> None:
    """loads reads every should_pass file (each an article, nothing dropped silently: what has
    no place in the model is in provenance.unmapped, every top-level property is either read
    or listed); nothing raises but NewsmodelError."""
    for name, _, passes, data in suite:
        try:
            articles = loads(data, "ninjs", source=name)
        except NewsmodelError:
            assert not passes, name
            continue
        assert articles, name
        document = orjson.loads(data)
        for article in articles:
            assert article.provenance.format == "ninjs"
            assert article.id
            if isinstance(document, dict) and isinstance(document.get("located"), str):
                assert article.dateline is not None, name
                assert article.dateline.text == document["located"], name
            if isinstance(document, dict) and "profile" in document:
                assert "profile" in article.provenance.unmapped, name
