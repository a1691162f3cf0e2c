"""Decoding a page or a JSON-LD document: byte-order marks, UTF-8, declared charsets.

Shared by the JSON-LD reader and validator (through :mod:`newsmodel.htmlblocks`).  Which
declared charsets count as text encodings is :func:`newsmodel.textcodecs.text_codec`'s call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsmodel.errors import InputError
from newsmodel.textcodecs import BOMS, text_codec

MAX_PAGE_BYTES = 32 * 1024 * 1024
"""Refuse HTML pages (and JSON-LD documents) larger than this rather than exhaust memory."""
_HTML_START = re.compile(rb"^\s*<", re.ASCII)
_WRAPPED_JSON = re.compile(rb"^\s*(?:<!--|<!\[CDATA\[)\s*[\[{]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""\A\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)""")


def looks_like_html(data: bytes) -> bool:
    """Whether the bytes are markup (a page) rather than a JSON document."""
    head = data[:65536]
    for bom, codec in BOMS:
        if head.startswith(bom):
            head = head[len(bom) : 4096].decode(codec, errors="ignore").encode("utf-8")
            break
    if not _HTML_START.match(head):
        return False
    return not _WRAPPED_JSON.match(head)


@dataclass(frozen=True, slots=True)
class PageText:
    """Decoded text, the encoding used, and what had to be guessed (``None``: nothing).

    ``guess`` is set when the bytes were not valid in the encoding they had to be in (JSON must
    be UTF-8) or declared, or declared one that is not a text encoding: the text was read in
    Windows-1252 (what browsers fall back to) or with U+FFFD for the undecodable bytes."""

    text: str
    encoding: str
    guess: str | None = None


def decode(data: bytes) -> str:
    """Text of a page or document (see :func:`decode_page`)."""
    return decode_page(data).text


def decode_page(data: bytes) -> PageText:
    """Text of a page or document: a byte-order mark (UTF-8, UTF-16, UTF-32) wins; else
    UTF-8; else, for a page, the charset its XML declaration or ``<meta>`` declares, when that
    is a real text encoding; else Windows-1252.  Bytes the charset does not define become
    U+FFFD, visibly, rather than failing the whole page; every such guess is named."""
    if len(data) > MAX_PAGE_BYTES:
        raise InputError(f"the input is larger than {MAX_PAGE_BYTES} bytes; refusing to read it")
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return PageText(data[len(bom) :].decode(codec), codec)
            except UnicodeDecodeError:
                raise InputError(
                    f"the input has a {codec.upper()} byte order mark but is not {codec}"
                ) from None
    try:
        return PageText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        bad = f"byte 0x{data[error.start]:02x} at offset {error.start} is not UTF-8"
    if not looks_like_html(data):
        return PageText(
            data.decode("cp1252", errors="replace"),
            "cp1252",
            f"JSON must be UTF-8, but {bad}; read as Windows-1252",
        )
    head = data[:8192]
    declared = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    label = declared.group(1).decode("ascii") if declared else None
    declared_codec = text_codec(label, web=True) if label else None
    if declared_codec is None:
        why = (
            f"declares the charset {label!r}, which is not a text encoding"
            if label
            else "declares no charset"
        )
        return PageText(
            data.decode("cp1252", errors="replace"),
            "cp1252",
            f"the page {why} and {bad}; read as Windows-1252",
        )
    text = data.decode(declared_codec, errors="replace")
    if declared_codec == "utf-8":
        return PageText(
            text, declared_codec, f"the page declares UTF-8 but {bad}; such bytes read as U+FFFD"
        )
    return PageText(text, declared_codec)


__all__ = ["MAX_PAGE_BYTES", "PageText", "decode", "decode_page", "looks_like_html"]
