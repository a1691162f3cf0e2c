"""What the hardened XML parser says: a message with a stable code and where, and the error.

libxml2 names its errors by type (``ERR_INVALID_CHAR``); the codes here are the stable ones the
validators report and docs/validation.md lists.  Shared by the parser (:mod:`newsmodel.xmlsafe`)
and the encoding step before it (:mod:`newsmodel.xmlencoding`).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from newsmodel.errors import InputError

# libxml2 error type names -> our stable codes (docs/newsml.md lists them).
_CODES: dict[str, str] = {
    "ERR_DOCUMENT_EMPTY": "xml.empty",
    "ERR_INVALID_CHAR": "xml.invalid-character",
    "ERR_INVALID_ENCODING": "xml.encoding",
    "ERR_UNSUPPORTED_ENCODING": "xml.encoding",
    "ERR_INTERNAL_ERROR": "xml.limit",
    "ERR_RESOURCE_LIMIT": "xml.limit",
    "ERR_UNDECLARED_ENTITY": "xml.entity",
    "WAR_UNDECLARED_ENTITY": "xml.entity",
    "ERR_ENTITY_LOOP": "xml.entity",
    "ERR_ENTITY_AMPLIFICATION": "xml.entity",
}


@dataclass(frozen=True, slots=True)
class XMLMessage:
    """One parser message: a stable code, libxml2's text, and where (1-based line:column)."""

    code: str
    message: str
    line: int | None = None
    column: int | None = None
    warning: bool = False


class XMLInputError(InputError):
    """The bytes are not a safe, well-formed XML document; ``messages`` holds every reason."""

    def __init__(
        self,
        code: str,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
        messages: list[XMLMessage] | None = None,
    ) -> None:
        where = source
        if line is not None:
            where = f"{source or 'input'}:{line}:{column or 1}"
        super().__init__(message, where=where)
        self.code = code
        self.line = line
        self.column = column
        self.messages = messages or [XMLMessage(code, message, line, column)]


def message_of(entry: etree._LogEntry) -> XMLMessage:
    type_name = str(entry.type_name)
    if type_name.startswith("NS_"):
        code = "xml.namespace"
    else:
        code = _CODES.get(type_name, "xml.syntax")
        if code == "xml.syntax" and "depth" in entry.message.lower():
            code = "xml.too-deep"
        elif code == "xml.limit" and "text node" in entry.message.lower():
            code = "xml.text-too-large"
        elif code == "xml.limit" and "depth" in entry.message.lower():
            code = "xml.too-deep"
    return XMLMessage(
        code,
        str(entry.message).strip(),
        entry.line or None,
        entry.column or None,
        warning=entry.level_name == "WARNING",
    )


__all__ = ["XMLInputError", "XMLMessage", "message_of"]
