"""File names as the library shows and stores them: any name a file system allows is safe here.

A POSIX file name is bytes: it may hold a newline, control characters, spaces at either end,
or bytes that are not UTF-8 (Python decodes those with ``surrogateescape`` into lone surrogates,
which no output format can write).  Two helpers turn any name into text the library can use:

- :func:`article_id_from_name` derives a valid ``Article.id`` (no whitespace at either end, no
  line break, at most 1,024 characters, Unicode only): a name that is already valid is kept
  as it is; otherwise each offending character becomes ``%XX`` (its bytes) or ``%uXXXX``;
- :func:`printable_name` writes a name losslessly on one line for reports and provenance:
  ``\\n``, ``\\t``, ``\\xNN`` for undecodable bytes and ASCII controls, ``\\uNNNN`` for other
  controls and line separators, ``\\\\`` for a backslash, so two different names never print
  alike and each can be typed back.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata

MAX_ID = 1024
"""``Article.id``'s length limit."""
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def _is_escaped_byte(char: str) -> bool:
    """A byte that was not UTF-8, as ``surrogateescape`` decoded it (U+DC80-U+DCFF)."""
    return "\udc80" <= char <= "\udcff"


def _unsafe(char: str) -> bool:
    """Characters an id may not hold anywhere: controls, line breaks, surrogates."""
    return unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp")


def _blank(char: str) -> bool:
    """Characters an id may not start or end with (Python's and Unicode's whitespace)."""
    return char.isspace() or unicodedata.category(char) == "Zs"


def _percent(char: str) -> str:
    if _is_escaped_byte(char):
        return f"%{ord(char) - 0xDC00:02X}"
    if ord(char) < 0x80 or unicodedata.category(char) == "Cs":
        return f"%{ord(char):02X}" if ord(char) < 0x100 else f"%u{ord(char):04X}"
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8"))


def article_id_from_name(name: str) -> str:
    """A valid article id for a file name (its stem, as ``Path.stem`` gives it)."""
    first = next((i for i, char in enumerate(name) if not _blank(char)), len(name))
    last = next((i for i in range(len(name) - 1, -1, -1) if not _blank(name[i])), -1)
    text = (
        "".join(
            _percent(char) if _unsafe(char) or not first <= index <= last else char
            for index, char in enumerate(name)
        )
        or "article"
    )
    if len(text) > MAX_ID:
        digest = hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]
        text = f"{text[: MAX_ID - 18]}~{digest}"
    return text


def printable_name(name: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """A file name on one line, losslessly: undecodable bytes as ``\\xNN``, control and
    line-break characters escaped, a backslash doubled."""
    text = os.fsdecode(name)
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif _is_escaped_byte(char):
            out.append(f"\\x{ord(char) - 0xDC00:02x}")
        elif _unsafe(char):
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


__all__ = ["MAX_ID", "article_id_from_name", "printable_name"]
