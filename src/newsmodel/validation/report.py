"""What a validator returns: every issue it found, each with a stable code and a location.

These are plain frozen dataclasses, not pydantic models: validation works on bytes before any
model exists, and must stay importable without the model layer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Location:
    """Where an issue is: ``line``/``column`` (1-based) for text, ``pointer`` for JSON.

    ``block`` is the index of the JSON-LD block in an HTML page or of the item in a
    newsMessage, when a file holds several.
    """

    line: int | None = None
    column: int | None = None
    pointer: str | None = None
    block: int | None = None

    def __str__(self) -> str:
        parts = []
        if self.line is not None:
            parts.append(f"{self.line}:{self.column or 1}")
        if self.block is not None:
            parts.append(f"block {self.block}")
        if self.pointer is not None:
            parts.append(self.pointer or "/")
        return " ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            key: value
            for key, value in (
                ("line", self.line),
                ("column", self.column),
                ("pointer", self.pointer),
                ("block", self.block),
            )
            if value is not None
        }


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem: how bad, a stable code to search the docs for, what, and where."""

    severity: Severity
    code: str
    message: str
    location: Location = field(default_factory=Location)

    def to_dict(self) -> dict[str, Any]:
        return {
            "severity": str(self.severity),
            "code": self.code,
            "message": self.message,
            "location": self.location.to_dict(),
        }


@dataclass(slots=True)
class Report:
    """Every issue a validator found in one document; ``ok`` when none is an error."""

    format: str
    issues: list[Issue] = field(default_factory=list)
    source: str | None = None

    @property
    def ok(self) -> bool:
        return not any(issue.severity is Severity.ERROR for issue in self.issues)

    @property
    def errors(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.severity is Severity.WARNING]

    def add(
        self,
        severity: Severity,
        code: str,
        message: str,
        location: Location | None = None,
    ) -> None:
        self.issues.append(Issue(severity, code, message, location or Location()))

    def error(self, code: str, message: str, location: Location | None = None) -> None:
        self.add(Severity.ERROR, code, message, location)

    def warning(self, code: str, message: str, location: Location | None = None) -> None:
        self.add(Severity.WARNING, code, message, location)

    def info(self, code: str, message: str, location: Location | None = None) -> None:
        self.add(Severity.INFO, code, message, location)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "format": self.format,
            "ok": self.ok,
            "issues": [issue.to_dict() for issue in self.issues],
        }
