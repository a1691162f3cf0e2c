"""What a validator returns: every issue it found, each with a stable code and a location.

These are plain frozen dataclasses, not pydantic models: validation works on bytes before any
model exists, and must stay importable without the model layer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

MAX_ISSUES = 1000
"""Issues listed per document; past it one closing ``report.truncated`` issue counts the rest.
A hostile document (a million ``null``s, 40,000 unknown properties) must not make a report
that costs more than the document to read, and nobody reads the thousand-and-first issue."""


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
    """Every issue a validator found in one document; ``ok`` when none is an error.

    At most ``limit`` issues are listed; the rest are counted in ``omitted`` (and
    ``omitted_errors``) and summed up by one last ``report.truncated`` issue, an error when
    any left-out issue was one, so ``ok`` stays true to every issue found."""

    format: str
    issues: list[Issue] = field(default_factory=list)
    source: str | None = None
    limit: int = MAX_ISSUES
    omitted: int = 0
    omitted_errors: int = 0

    @property
    def full(self) -> bool:
        """Whether further issues are only counted: validators may skip costly details
        (suggestions, quoting) for them."""
        return len(self.issues) >= self.limit

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
        if self.omitted == 0 and len(self.issues) < self.limit:
            self.issues.append(Issue(severity, code, message, location or Location()))
            return
        if self.omitted:
            self.issues.pop()  # the closing note, rewritten with the new count
        self.omitted += 1
        self.omitted_errors += severity is Severity.ERROR
        self.issues.append(self._closing_note())

    def _closing_note(self) -> Issue:
        others = self.omitted - self.omitted_errors
        return Issue(
            Severity.ERROR if self.omitted_errors else Severity.WARNING,
            "report.truncated",
            f"{self.omitted} more issue(s) left out ({self.omitted_errors} error(s), {others} "
            f"other(s)): a report lists at most {self.limit}",
        )

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
            "omitted": self.omitted,
        }
