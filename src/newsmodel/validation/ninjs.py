"""Validate IPTC ninjs documents against IPTC's official JSON Schema of their version.

The version is the one the caller names, else the one the document declares (``standard``,
``$standard``), else the one its shape tells (:func:`detect_version`).  The schemas are
IPTC's own (``newsmodel schemas install ninjs``), with GeoJSON's for 2.x and 3.x places, all
loaded into one offline registry: a ``$ref`` or ``$schema`` that points anywhere else is never
fetched, and a document's own ``$schema`` is only a property like any other.

Formats are not checked (``uri``, ``date-time``): IPTC's test suite treats them as
annotations, and its should_pass files hold dates such as ``2023-04-03`` that a format check
would refuse.  Speed: as for newsmodel JSON (:mod:`newsmodel.validation.jsonschema`), a
compiled ``jsonschema-rs`` validator answers valid or invalid first, and only documents it
calls invalid are described by the Python ``jsonschema`` validator, whose errors make the
report.  ninjs 1.0 is Draft 3, which jsonschema-rs does not read: it always takes the Python
path.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import orjson
from jsonschema import validators
from jsonschema.exceptions import ValidationError
from jsonschema.protocols import Validator
from referencing import Registry, Resource
from referencing.jsonschema import specification_with

from newsmodel.errors import DocumentError
from newsmodel.validation.fastschema import FastValidator
from newsmodel.validation.jsondocs import (
    Document,
    JSONInputError,
    check_depth,
    documents_or_report,
)
from newsmodel.validation.jsonschema import describe, pointer_of
from newsmodel.validation.ninjs_versions import VERSIONS, detect_version, spec
from newsmodel.validation.report import Location, Report
from newsmodel.validation.resources import require_schema_set

GEOJSON_ID = "https://geojson.org/schema/GeoJSON.json"
_UNEXPECTED = re.compile(r"'((?:[^'\\]|\\.)*)' (?:was|were) unexpected|\('((?:[^'\\]|\\.)*)'")


def validate(data: bytes, *, source: str | None = None, version: str | None = None) -> Report:
    """Every schema issue of each ninjs document in ``data`` (an object, an array of them, or
    JSON Lines), against ``version`` or each document's own version."""
    if version is not None:
        spec(version)  # an unknown version is the caller's error, raised
    report = Report(format="ninjs", source=source)
    documents = documents_or_report(data, report)
    if documents is None:
        return report
    for document in documents:
        check_document(document, report, version)
    return report


def check_document(document: Document, report: Report, version: str | None) -> None:
    """Add the issues of one document, validated as ``version`` (``None``: its own)."""
    value, prefix = document.value, document.prefix
    if not isinstance(value, dict):
        report.error(
            "ninjs.not-object",
            f"a ninjs document is a JSON object, not {type(value).__name__}",
            Location(pointer=prefix),
        )
        return
    if version is None:
        try:
            detected = detect_version(value)
        except DocumentError as error:
            report.error(
                "ninjs.version", error.message, Location(pointer=prefix + (error.where or ""))
            )
            return
        version = detected.version
        if detected.warning:
            report.warning("ninjs.version", detected.warning, Location(pointer=prefix))
    if "uri" not in value and isinstance(value.get("guid"), str):
        report.info(
            "ninjs.guid",
            "the document has `guid` where ninjs has `uri` (a superdesk "
            "dialect): newsmodel reads it, the official schema refuses it",
            Location(pointer=prefix + "/guid"),
        )
    try:
        # Refused whatever the schema says, as ``loads`` refuses it: the Python validator
        # recurses, and no news item nests past a few levels.
        check_depth(document)
    except JSONInputError as deep:
        report.error(deep.code, deep.message, Location(pointer=deep.pointer))
        return
    folder = require_schema_set("ninjs")
    fast = _fast(str(folder), version)
    if fast is not None and fast.is_valid(value):
        return
    errors = sorted(
        _python(str(folder), version).iter_errors(value),
        key=lambda error: tuple(str(part) for part in error.absolute_path),
    )
    for found in errors:
        if report.full:
            report.error("json.schema", "")  # counted only (Report.limit)
            continue
        pointer, code, message = _describe(found)
        report.error(code, f"{message} (ninjs {version})", Location(pointer=prefix + pointer))


def is_valid(value: Any, version: str) -> bool:
    """Whether one parsed document is valid ninjs ``version`` (the fast path when there is
    one): for the property tests and the benchmark."""
    folder = str(require_schema_set("ninjs"))
    fast = _fast(folder, version)
    if fast is not None:
        return fast.is_valid(value)
    return bool(_python(folder, version).is_valid(value))


def _describe(error: ValidationError) -> tuple[str, str, str]:
    """:func:`describe`, plus ``unevaluatedProperties`` (2.1+ close objects with it) read as
    the unknown property it is."""
    if error.validator == "unevaluatedProperties":
        found = _UNEXPECTED.search(error.message)
        name = next((group for group in found.groups() if group), "?") if found else "?"
        pointer = pointer_of(error.absolute_path)
        return f"{pointer}/{name}", "json.unknown-property", f"unknown property {name!r}"
    if error.validator == "required" and error.validator_value is True:  # Draft 3 (ninjs 1.0)
        name = str(error.absolute_path[-1]) if error.absolute_path else "?"
        return (
            pointer_of(error.absolute_path),
            "json.required",
            f"required property {name!r} is missing",
        )
    return describe(error)


def _load(folder: str, file: str) -> Any:
    return orjson.loads((Path(folder) / file).read_bytes())


@cache
def _registry(folder: str) -> Registry[Any]:
    """Every ninjs schema and GeoJSON's, under the ids they are referenced by; nothing else
    resolves (a registry without a retriever never fetches)."""
    resources = [(GEOJSON_ID, Resource.from_contents(_load(folder, "GeoJSON.json")))]
    for version in VERSIONS:
        schema = _schema(folder, version)
        resource = specification_with(schema["$schema"]).create_resource(schema)
        resources.append((spec(version).schema_url.rstrip("#"), resource))
    registry: Registry[Any] = Registry().with_resources(resources)
    return registry


@cache
def _schema(folder: str, version: str) -> Any:
    return _load(folder, f"ninjs-schema_{version}.json")


@cache
def _python(folder: str, version: str) -> Validator:
    schema = _schema(folder, version)
    cls = validators.validator_for(schema)
    validator: Validator = cls(schema, registry=_registry(folder))
    return validator


@cache
def _fast(folder: str, version: str) -> FastValidator | None:
    """A compiled validator, or ``None`` for Draft 3 (1.0) or a schema jsonschema-rs refuses.
    Patterns in these schemas are plain ASCII classes and anchors, which ECMA-262 and Python
    read alike; formats are off in both."""
    import jsonschema_rs

    schema = _schema(folder, version)
    if "draft-03" in str(schema.get("$schema")):
        return None
    resources = [(GEOJSON_ID, _load(folder, "GeoJSON.json"))]
    resources.extend(
        (spec(other).schema_url.rstrip("#"), _schema(folder, other))
        for other in VERSIONS
        if other != "1.0"
    )
    try:
        validator: FastValidator = jsonschema_rs.validator_for(
            schema,
            validate_formats=False,
            registry=jsonschema_rs.Registry(resources),
            retriever=_refuse,
        )
    except (jsonschema_rs.ValidationError, ValueError):
        return None
    return validator


def _refuse(uri: str) -> Any:
    """The retriever of the compiled validators: nothing is fetched, ever."""
    raise ValueError(f"{uri} is not fetched: newsmodel validates offline")
