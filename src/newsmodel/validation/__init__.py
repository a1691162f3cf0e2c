"""Check documents before any model exists, and report every problem with its location.

``validate(data, format)`` returns a :class:`Report`; it never raises for bad input (an
unreadable document is an issue in the report), only for an unknown format name.
"""

from __future__ import annotations

import importlib

from newsmodel.errors import FormatError
from newsmodel.sniff import detect
from newsmodel.validation.report import Issue, Location, Report, Severity

VALIDATORS: dict[str, str] = {
    "json": "newsmodel.validation.jsonschema",
    "jsonld": "newsmodel.validation.schemaorg",
    "newsml": "newsmodel.validation.xsd",
}
"""Format name -> module with ``validate(data: bytes, *, source: str | None) -> Report``."""


def validate(
    data: bytes | str, format: str | None = None, *, source: str | None = None
) -> Report:
    """Validate one document; ``format=None`` detects it from the bytes."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if format is None:
        try:
            format = detect(raw, name=source)
        except FormatError as error:
            report = Report(format="unknown", source=source)
            report.error("format.unknown", error.message)
            return report
    try:
        module = importlib.import_module(VALIDATORS[format])
    except KeyError:
        known = ", ".join(sorted(VALIDATORS))
        raise FormatError(f"unknown format {format!r}", hint=f"known formats: {known}") from None
    result: Report = module.validate(raw, source=source)
    return result


__all__ = ["VALIDATORS", "Issue", "Location", "Report", "Severity", "validate"]
