"""A document's bytes as the UTF-8 the hardened XML parser reads.

UTF-16/UTF-32 (with a byte-order mark or by their NUL bytes) and legacy encodings are transcoded
in Python first (only real text encodings: :func:`newsmodel.textcodecs.text_codec`), so libxml2
only ever sees UTF-8 and the prolog can be checked as bytes; the XML declaration is rewritten to
say UTF-8, keeping every line where it was.  Documents over :data:`MAX_BYTES` are refused here,
before anything is decoded.
"""

from __future__ import annotations

import re

from newsmodel.textcodecs import BOMS, text_codec, unicode_by_nuls
from newsmodel.xmlmessages import XMLInputError, XMLMessage

MAX_BYTES = 64 * 1024 * 1024
"""Documents larger than this are refused before parsing (agency items are a few kB)."""

_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']""")
_BLANK_BYTES = b" \t\r\n\x00\xef\xbb\xbf\xfe\xff"
_UTF8_NAMES = frozenset({"utf-8", "utf8", "us-ascii", "ascii"})


def normalise(data: bytes, *, source: str | None = None) -> tuple[bytes, str, list[XMLMessage]]:
    """UTF-8 bytes of the document, the encoding it was in, and notes about what was guessed.

    A byte-order mark wins over the declaration; a declaration of UTF-16/32 on bytes that have
    no NUL (a re-saved file) is read as UTF-8 with a warning; other declared encodings are
    decoded by Python's codecs.  The XML declaration is rewritten to say UTF-8.
    """
    if len(data) > MAX_BYTES:
        raise XMLInputError(
            "xml.too-large",
            f"the document has {len(data)} bytes, more than the limit of {MAX_BYTES}",
            source=source,
        )
    if not data.lstrip(_BLANK_BYTES):
        raise XMLInputError("xml.empty", "the document is empty", source=source, line=1, column=1)
    notes: list[XMLMessage] = []
    for bom, name in BOMS:
        if data.startswith(bom):
            if name == "utf-8":
                return _check_utf8_declaration(data[len(bom) :], notes), "utf-8", notes
            text = _decode(data[len(bom) :], name, source)
            return _redeclare(text.encode("utf-8")), name, notes
    by_nuls = unicode_by_nuls(data)
    if by_nuls is not None:  # UTF-16/32 without a byte-order mark: transcode, then check
        return _redeclare(_decode(data, by_nuls, source).encode("utf-8")), by_nuls, notes
    declared = _declared_encoding(data)
    if declared is None or declared in _UTF8_NAMES:
        return data, declared or "utf-8", notes
    if declared.startswith(("utf-16", "utf16", "utf-32", "utf32", "ucs")):
        if b"\x00" in data[:256]:
            codec = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
            if declared.startswith(("utf-32", "utf32", "ucs-4", "ucs4")):
                codec = "utf-32-le" if data[1:2] == b"\x00" else "utf-32-be"
            return _redeclare(_decode(data, codec, source).encode("utf-8")), codec, notes
        notes.append(
            XMLMessage(
                "xml.encoding-mismatch",
                f"the declaration says {declared} but the bytes are 8-bit with no byte-order mark; "
                "read as UTF-8",
                1,
                1,
                warning=True,
            )
        )
        return _redeclare(data), "utf-8", notes
    known = text_codec(declared)
    if known is None:
        raise XMLInputError(
            "xml.encoding",
            f"unknown encoding {declared!r} in the XML declaration: not a text "
            "encoding documents are written in (see the WHATWG Encoding Standard's list)",
            source=source,
            line=1,
            column=1,
        )
    text = _decode(data, known, source)
    return _redeclare(text.encode("utf-8")), declared, notes


def _check_utf8_declaration(data: bytes, notes: list[XMLMessage]) -> bytes:
    declared = _declared_encoding(data)
    if declared is not None and declared not in _UTF8_NAMES:
        notes.append(
            XMLMessage(
                "xml.encoding-mismatch",
                f"a UTF-8 byte-order mark but the declaration says {declared}; read as UTF-8",
                1,
                1,
                warning=True,
            )
        )
        return _redeclare(data)
    return data


def _declared_encoding(data: bytes) -> str | None:
    declaration = _declaration(data)
    if declaration is None:
        return None
    found = _ENCODING.search(declaration)
    return found.group(1).decode("ascii").lower() if found else None


def _declaration(data: bytes) -> bytes | None:
    """The XML declaration, found with plain byte operations (a regex on the whole head
    costs more than parsing a small item)."""
    start = data.find(b"<?xml", 0, 64)
    if start < 0 or data[:start].strip():
        return None
    end = data.find(b"?>", start, start + 512)
    return data[start : end + 2] if end > 0 else None


def _redeclare(data: bytes) -> bytes:
    """Rewrite the XML declaration's encoding to UTF-8, keeping the line count."""
    declaration = _declaration(data)
    if declaration is None:
        return data
    start = data.find(declaration)
    rewritten = _ENCODING.sub(b'encoding="UTF-8"', declaration)
    return data[:start] + rewritten + data[start + len(declaration) :]


def _decode(data: bytes, encoding: str, source: str | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1 if "8" in encoding else None
        raise XMLInputError(
            "xml.encoding",
            f"the bytes are not valid {encoding} (byte {error.start}: {error.reason})",
            source=source,
            line=line,
            column=None,
        ) from None
    except LookupError:  # pragma: no cover - codec checked by the caller
        raise XMLInputError(
            "xml.encoding", f"unknown encoding {encoding!r}", source=source
        ) from None


__all__ = ["MAX_BYTES", "normalise"]
