"""Bytes -> the JSON documents in them: the one reading that ``validate(..., "json")`` and
``loads(..., "json")`` share, so they can never disagree about what a file holds.

A file holds one JSON value (an article, or an array of articles) or JSON Lines (one value per
line).  JSON Lines is tried only when the first non-blank line is a complete value by itself:
a pretty-printed object whose syntax is broken further down is reported where it is broken,
not at ``1:2`` of a JSON Lines guess.

Limits, each a :class:`JSONInputError` with a stable code: documents over :data:`MAX_BYTES`
(``json.too-large``), nesting deeper than :data:`MAX_DEPTH` (``json.too-deep``: the
schema validator walks values recursively, and no article nests past a few levels).  Lone
surrogates cannot come out of ``orjson``, which refuses them as escapes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

from newsmodel.errors import DocumentError
from newsmodel.validation.report import Location, Report

MAX_BYTES = 256 * 1024 * 1024
"""Refuse documents larger than this rather than exhaust memory."""
MAX_DEPTH = 64
"""Refuse values nested deeper than this (an article nests five levels)."""


class JSONInputError(DocumentError):
    """The bytes are not JSON documents we read; ``code``, ``line``/``column`` or ``pointer``
    say what and where."""

    def __init__(
        self,
        code: str,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        pointer: str | None = None,
    ) -> None:
        place = f"{line}:{column}" if line is not None else pointer
        super().__init__(message, where=place)
        self.code = code
        self.line = line
        self.column = column
        self.pointer = pointer


@dataclass(frozen=True, slots=True)
class Document:
    """One value to check as an article, and the JSON pointer prefix its issues carry."""

    value: Any
    prefix: str


def read_documents(data: bytes) -> list[Document]:
    """Every document in ``data``: an object, each item of an array, or each line of JSON
    Lines; raise :class:`JSONInputError` for anything unreadable."""
    if len(data) > MAX_BYTES:
        raise JSONInputError(
            "json.too-large",
            f"the document has {len(data)} bytes, more than the limit of {MAX_BYTES}",
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.strip():
        raise JSONInputError("json.empty", "the document is empty")
    values = _values(data)
    if len(values) == 1 and isinstance(values[0], list):
        values = values[0]
        documents = [Document(value, f"/{index}") for index, value in enumerate(values)]
    else:
        several = len(values) > 1
        documents = [
            Document(value, f"/{index}" if several else "") for index, value in enumerate(values)
        ]
    return documents


def documents_or_report(data: bytes, report: Report) -> list[Document] | None:
    """The documents of ``data`` (see :func:`read_documents`), or ``None`` once the reason
    they cannot be read is in ``report`` at its line, column and pointer: every JSON-family
    validator starts this way."""
    try:
        return read_documents(data)
    except JSONInputError as error:
        report.error(
            error.code,
            error.message,
            Location(line=error.line, column=error.column, pointer=error.pointer),
        )
        return None


def check_depth(document: Document) -> None:
    """Refuse a document nested deeper than :data:`MAX_DEPTH`, walked without recursion."""
    stack: list[tuple[Any, int]] = [(document.value, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise JSONInputError(
                "json.too-deep",
                f"the JSON nests deeper than {MAX_DEPTH} levels; no article does",
                pointer=document.prefix or "",
            )
        if not isinstance(value, dict | list):
            continue
        items = value.values() if isinstance(value, dict) else value
        stack.extend((item, depth + 1) for item in items if isinstance(item, dict | list))


def _values(data: bytes) -> list[Any]:
    try:
        return [orjson.loads(data)]
    except orjson.JSONDecodeError as error:
        whole = error
    lines = data.splitlines()
    numbered = [(number, line) for number, line in enumerate(lines, start=1) if line.strip()]
    if len(numbered) < 2 or not _complete(numbered[0][1]):
        raise _syntax(whole, whole.lineno, whole.colno) from None
    values = []
    for number, line in numbered:
        try:
            values.append(orjson.loads(line))
        except orjson.JSONDecodeError as error:
            raise _syntax(error, number, error.colno) from None
    return values


def _complete(line: bytes) -> bool:
    """Whether one line is a whole JSON value: only then can the file be JSON Lines."""
    try:
        orjson.loads(line)
    except orjson.JSONDecodeError:
        return False
    return True


def _syntax(error: orjson.JSONDecodeError, line: int, column: int) -> JSONInputError:
    code = "json.too-deep" if "depth" in error.msg or "recursion" in error.msg else "json.syntax"
    return JSONInputError(code, f"not valid JSON: {error.msg}", line=line, column=column)


__all__ = ["MAX_BYTES", "MAX_DEPTH", "Document", "JSONInputError", "check_depth", "read_documents"]
