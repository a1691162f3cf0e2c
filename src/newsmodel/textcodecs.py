"""Text hygiene shared by every reader: which declared encodings are real, and lone surrogates.

**Declared encodings.**  Python knows codecs that are not text encodings a document can be
written in (``undefined``, ``punycode``, ``idna``, ``unicode_escape``, ``utf-7``, ``rot13``...):
decoding a page with them raises ``UnicodeError`` or turns markup into something else.  A
declared encoding (an XML declaration, a ``<meta charset>``) is honoured only when it is one of
the WHATWG Encoding Standard's labels (what browsers accept, via ``webencodings``), or UTF-32,
which XML allows; anything else is refused with a clear error.

**Lone surrogates.**  A code point between U+D800 and U+DFFF that is not half of a pair is not
Unicode text: no output format can encode it as UTF-8.  They reach the library as Python
strings (``loads(str)``, ``parse_text(str)``, a file name decoded with ``surrogateescape``) or
as JSON escapes (``"\\ud800"``).  The policy, the same everywhere: **text holding one is
refused** (an :class:`~newsmodel.errors.InputError` from readers and ``parse_text``, an error
issue from validators), never silently altered, so what was read is what is written.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

import webencodings

from newsmodel.errors import InputError

_UNICODE_EXTRAS = frozenset({"utf-32", "utf-32-le", "utf-32-be"})
"""Python codec names allowed beyond WHATWG's list: UTF-32, which XML documents may use."""

_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
"""In a Python string a valid pair is one astral character, so any surrogate left is alone."""


def text_codec(label: str, *, web: bool = False) -> str | None:
    """The Python codec to decode text declared as ``label``, or ``None`` if it is not a text
    encoding a document may use.

    ``web=True`` gives the browser's meaning of the label (HTML: ``iso-8859-1`` and ``ascii``
    are read as Windows-1252, as the Encoding Standard says); otherwise Python's own codec of
    that label where it has one (XML: ``ISO-8859-1`` means ISO-8859-1)."""
    found = webencodings.lookup(label)
    if found is None or found.name == "replacement":
        try:
            name = str(codecs.lookup(label).name)
        except LookupError:
            return None
        return name if name in _UNICODE_EXTRAS else None
    web_codec = str(found.codec_info.name)
    if web:
        return web_codec
    try:
        return str(codecs.lookup(label).name)
    except LookupError:
        return web_codec


BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)
"""Byte-order marks and their codecs, UTF-32's before UTF-16's (they share a prefix)."""


def bom_codec(data: bytes) -> tuple[str, int] | None:
    """The codec a byte-order mark names and the mark's length, or ``None``."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def unicode_by_nuls(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, told by where the NULs of the first ASCII
    character fall (XML 1.0, appendix F: ``3C 00 3F 00`` is UTF-16LE...); ``None`` otherwise."""
    if len(data) < 4:
        return None
    nuls = (data[0] == 0, data[1] == 0, data[2] == 0, data[3] == 0)
    return {
        (True, True, True, False): "utf-32-be",
        (False, True, True, True): "utf-32-le",
        (True, False, True, False): "utf-16-be",
        (False, True, False, True): "utf-16-le",
    }.get(nuls)


def lone_surrogate(text: str) -> int | None:
    """Index of the first lone surrogate in ``text``, or ``None`` when it is all Unicode."""
    found = _LONE_SURROGATE.search(text)
    return found.start() if found else None


def surrogate_message(text: str, index: int) -> str:
    """What a refusal says: the code point and where it is."""
    return (
        f"the text holds a lone surrogate U+{ord(text[index]):04X} at character {index}, which "
        "is not Unicode text and cannot be written as UTF-8"
    )


SURROGATE_HINT = "decode the input with errors='replace' (or fix its source) before passing it"


def require_unicode(text: str, *, where: str | None = None) -> str:
    """``text`` itself, or an :class:`InputError` when it holds a lone surrogate."""
    index = lone_surrogate(text)
    if index is not None:
        raise InputError(surrogate_message(text, index), where=where, hint=SURROGATE_HINT)
    return text


def utf8(data: bytes | str, *, where: str | None = None) -> bytes:
    """Bytes as given, or a string's UTF-8 (refused with a clear error if it cannot be)."""
    if isinstance(data, bytes):
        return data
    try:
        return data.encode("utf-8")
    except UnicodeEncodeError:
        require_unicode(data, where=where)
        raise  # pragma: no cover - only surrogates make UTF-8 encoding fail


def first_lone_surrogate(value: Any) -> tuple[str, str, int] | None:
    """The first string in a parsed JSON value (keys too) holding a lone surrogate: its JSON
    pointer, the string and the index; walked without recursion."""
    stack: list[tuple[Any, str]] = [(value, "")]
    while stack:
        current, pointer = stack.pop()
        if isinstance(current, str):
            index = lone_surrogate(current)
            if index is not None:
                return pointer, current, index
        elif isinstance(current, dict):
            for key, item in current.items():
                child = f"{pointer}/{key.replace('~', '~0').replace('/', '~1')}"
                index = lone_surrogate(key)
                if index is not None:
                    return child, key, index
                stack.append((item, child))
        elif isinstance(current, list):
            stack.extend((item, f"{pointer}/{position}") for position, item in enumerate(current))
    return None


__all__ = [
    "BOMS",
    "SURROGATE_HINT",
    "bom_codec",
    "first_lone_surrogate",
    "lone_surrogate",
    "require_unicode",
    "surrogate_message",
    "text_codec",
    "unicode_by_nuls",
    "utf8",
]
