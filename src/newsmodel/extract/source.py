"""Read a news text file: decode it safely, take the ``date YYYY-MM-DD`` header, keep offsets.

The body is the text verbatim except for the header line's ``date`` field and the whitespace
around the whole text (and ``\\r\\n`` read as ``\\n``), so mention offsets computed on it stay
true for every exporter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from newsmodel.errors import InputError
from newsmodel.textcodecs import require_unicode

MAX_TEXT_CHARS = 20_000_000
"""Longer texts are refused: no news article is this long, and the parser is linear anyway."""

_HEADER = re.compile(r"\A\s*date\s+(\S+)[ \t]*")
_ALMOST_HEADER = re.compile(r"\A\s*(?:date|дата)\W*\d{4}-\d{1,2}-\d{1,2}\b", re.IGNORECASE)
"""A first line a person meant as the header (``Date 2020-01-01``, ``date: 2020-01-01``)."""
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Source:
    """A decoded article text: its publication date (if the header gave one) and its body."""

    body: str
    date: date | None = None
    paragraphs: tuple[Paragraph, ...] = field(default=())
    warnings: tuple[str, ...] = field(default=())


def decode(data: bytes, *, where: str | None = None) -> str:
    """UTF-8 (with or without a byte-order mark) or UTF-16 with a BOM; binary is refused."""
    if not data.strip():
        raise InputError("the file is empty", where=where)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(
                "not valid UTF-16 text despite its byte-order mark", where=where
            ) from None
    if b"\x00" in data[:8192]:
        raise InputError(
            "this is a binary file, not text", where=where, hint="give a UTF-8 text file"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"not UTF-8 text (bad byte 0x{data[error.start]:02x} at offset {error.start})",
            where=where,
            hint="convert it with iconv -t UTF-8",
        ) from None


def read_text(text: str, *, where: str | None = None) -> Source:
    """Split the optional ``date YYYY-MM-DD`` header from the body and find the paragraphs.

    Text holding a lone surrogate is refused (no output format could write it; see
    :mod:`newsmodel.textcodecs`)."""
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"text is longer than {MAX_TEXT_CHARS} characters", where=where)
    require_unicode(text, where=where)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(_CONTROL.findall(text[:4096])) > 8:
        raise InputError("this looks like binary data, not text", where=where)
    published: date | None = None
    header = _HEADER.match(text)
    if header:
        value = header.group(1)
        try:
            published = date.fromisoformat(value)
        except ValueError:
            problem = (
                "is no such day: the calendar lacks it"
                if _ISO_DAY.fullmatch(value)
                else "is not a date written YYYY-MM-DD"
            )
            raise InputError(f"the header date {value!r} {problem}", where=where) from None
        text = text[header.end() :]
    warning = None if header else header_warning(text)
    body = text.strip()
    if not body:
        raise InputError("there is no article text", where=where)
    return Source(
        body=body,
        date=published,
        paragraphs=tuple(split_paragraphs(body)),
        warnings=(warning,) if warning else (),
    )


def header_warning(text: str) -> str | None:
    """What to tell a user whose first line looks like a date header but is not one (it is then
    read as the headline); ``None`` for a real header or an ordinary first line."""
    if _HEADER.match(text) or not _ALMOST_HEADER.match(text):
        return None
    line = text.strip().split("\n", 1)[0].strip()
    return (
        f"the first line {line!r} looks like a date header but is not one (write it "
        "`date YYYY-MM-DD`); it was read as article text, with no publication date"
    )


def read_file(path: str | Path) -> Source:
    """Read and decode a text file; I/O problems become :class:`InputError`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read the file: {error.strerror}", where=str(path)) from None
    return read_text(decode(data, where=str(path)), where=str(path))


def split_paragraphs(body: str) -> list[Paragraph]:
    """Paragraphs are separated by blank lines; offsets index into ``body``."""
    paragraphs = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(body):
        if match.start() > start:
            paragraphs.append(Paragraph(start, match.start(), body[start : match.start()]))
        start = match.end()
    if start < len(body):
        paragraphs.append(Paragraph(start, len(body), body[start:]))
    return paragraphs
