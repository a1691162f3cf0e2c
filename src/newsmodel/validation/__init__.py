"""Check documents before any model exists, and report every problem with its location.

``validate(data, format)`` returns a :class:`Report`; it never raises for bad input (an
unreadable document is an issue in the report), only for an unknown format name.
"""

from __future__ import annotations

import importlib

from newsmodel.errors import FormatError, InputError
from newsmodel.sniff import detect
from newsmodel.textcodecs import utf8
from newsmodel.validation.report import Issue, Location, Report, Severity

VALIDATORS: dict[str, str] = {
    "json": "newsmodel.validation.jsonschema",
    "jsonld": "newsmodel.validation.schemaorg",
    "newsml": "newsmodel.validation.xsd",
    "ninjs": "newsmodel.validation.ninjs",
}
"""Format name -> module with ``validate(data: bytes, *, source: str | None) -> Report``."""


def validate(
    data: bytes | str,
    format: str | None = None,
    *,
    source: str | None = None,
    version: str | None = None,
) -> Report:
    """Validate one document; ``format=None`` detects it from the bytes.

    ``version`` is the ninjs version to validate a ninjs document against (default: the one
    it declares, else the one its shape tells); the other formats have one version each and
    ignore it, so a batch of mixed files can pass it for its ninjs ones.

    A string is validated as its UTF-8; one holding a lone surrogate cannot be, and gets one
    ``input.surrogate`` error (:mod:`newsmodel.textcodecs` says why)."""
    if format is not None and format not in VALIDATORS:
        known = ", ".join(sorted(VALIDATORS))
        raise FormatError(f"unknown format {format!r}", hint=f"known formats: {known}")
    try:
        raw = utf8(data)
    except InputError as error:
        report = Report(format=format or "unknown", source=source)
        report.error("input.surrogate", error.message)
        return report
    if format is None:
        try:
            format = detect(raw, name=source)
        except FormatError as error:
            report = Report(format="unknown", source=source)
            report.error("format.unknown", error.message)
            return report
    module = importlib.import_module(VALIDATORS[format])
    options = {"version": version} if format == "ninjs" and version is not None else {}
    result: Report = module.validate(raw, source=source, **options)
    return result


__all__ = ["VALIDATORS", "Issue", "Location", "Report", "Severity", "validate"]
