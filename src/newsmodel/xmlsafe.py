"""The one hardened XML parser: every NewsML-G2 byte the reader or the validator sees goes here.

Third-party feeds are untrusted input, so the parser is built to refuse rather than to cope:

- no network (``no_network=True``), no DTD loading, no DTD validation, no entity substitution;
- any ``DOCTYPE`` is refused before libxml2 sees the document: an internal subset may declare
  entities (the billion-laughs bomb), an external identifier (``SYSTEM``/``PUBLIC``) names a file
  or URL we would be asked to read, and NewsML-G2 (an XSD-defined language) needs neither.  The
  prolog is read as XML reads it (comments and processing instructions skipped whole), so a
  ``<!-- <a -->`` cannot hide a DOCTYPE behind it;
- the parser itself opens nothing even when a DOCTYPE gets past that check: lxml's
  ``collect_ids=False`` makes libxml2 load the external subset and parameter entities (a file,
  ``/dev/stdin``, a FIFO that blocks for ever) despite ``load_dtd=False``, so it is left on;
- ``huge_tree=False`` keeps libxml2's own limits: nesting deeper than :data:`MAX_DEPTH` elements
  and text nodes longer than 10,000,000 bytes are refused;
- documents larger than :data:`MAX_BYTES` are refused before parsing;
- UTF-16/UTF-32 (with a byte-order mark) and legacy encodings are transcoded to UTF-8 in Python
  first (only real text encodings: :func:`newsmodel.textcodecs.text_codec`), so the parser
  only ever sees UTF-8 and the prolog can be checked as bytes; line numbers are unchanged by
  the transcoding.

Errors are :class:`XMLInputError` (an :class:`~newsmodel.errors.InputError`) carrying a stable
``code`` and every libxml2 message with its line and column, so the validator can list them all.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

from lxml import etree

from newsmodel.errors import InputError
from newsmodel.textcodecs import BOMS, text_codec, unicode_by_nuls

MAX_BYTES = 64 * 1024 * 1024
"""Documents larger than this are refused before parsing (agency items are a few kB)."""

MAX_DEPTH = 256
"""libxml2's element nesting limit without ``XML_PARSE_HUGE``; deeper documents are refused."""

_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']""")
_BLANK_BYTES = b" \t\r\n\x00\xef\xbb\xbf\xfe\xff"
_PROLOG_BLANKS = frozenset(b" \t\r\n")
_UTF8_NAMES = frozenset({"utf-8", "utf8", "us-ascii", "ascii"})

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


@dataclass(slots=True)
class SafeDocument:
    """A parsed document, the encoding it was read in, and the parser's non-fatal warnings."""

    root: etree._Element
    encoding: str
    warnings: list[XMLMessage] = field(default_factory=list)
    utf8: bytes = b""
    """The bytes libxml2 parsed (UTF-8), for callers that quote source lines."""
    blank_text_dropped: bool = False
    """Whether whitespace-only text between elements was left out (``parse(drop_blank_text=)``)."""


def make_parser(*, remove_blank_text: bool = False) -> etree.XMLParser:
    """A fresh hardened parser (parsers are not thread-safe, and cost microseconds to build).

    ``remove_blank_text`` (libxml2's ``NOBLANKS``) drops whitespace-only text next to child
    elements, which makes parsing and XSD validation faster; only :func:`parse` with
    ``drop_blank_text=True`` asks for it, and only where it cannot change a verdict."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        remove_comments=False,
        # collect_ids stays True: False makes libxml2 open a DOCTYPE's external subset and
        # parameter entities (tests/security/test_xml_opens_nothing.py watches for it).
        remove_blank_text=remove_blank_text,
    )


_PARSERS = threading.local()


def _thread_parser(remove_blank_text: bool = False) -> etree.XMLParser:
    """This thread's hardened parser (of each kind), reused across documents: building one
    costs more than parsing a small item, a parser is not thread-safe, and its ``error_log``
    holds the last run's messages only."""
    name = "compact" if remove_blank_text else "parser"
    parser: etree.XMLParser | None = getattr(_PARSERS, name, None)
    if parser is None:
        parser = make_parser(remove_blank_text=remove_blank_text)
        setattr(_PARSERS, name, parser)
    return parser


def _blanks_are_safe_to_drop(utf8: bytes) -> bool:
    """Can libxml2's blank-text heuristic drop nothing a schema could see?

    It drops whitespace-only text that is followed by ``<``, unless the element is still empty
    and the ``<`` closes it, or the text follows other text.  So in an element whose content
    is text, whitespace next to a comment, a processing instruction or a CDATA section would go
    (``<x> <!--c--> </x>`` becomes ``<x><!--c--></x>``, which a ``minLength`` sees); next to an
    element child it does not matter (a simple type with an element child is invalid either
    way; in element-only and mixed content whitespace is always allowed).  ``xml:space=
    "preserve"`` needs no check: libxml2 keeps all blank text under it.

    libxml2 also drops blanks right before a carriage return while the element is still empty
    (``<x> \r\nabc</x>`` would read ``\nabc``), so a document with a CR never qualifies.

    So a document qualifies when it has no CR, no ``<!`` (comments and CDATA; a DOCTYPE is refused
    before parsing) and no ``<?`` after offset 0 (processing instructions; one at offset 0,
    the XML declaration or not, is outside the root element, where nothing is dropped).  Most
    items have no ``!`` and no ``?`` after the declaration at all, which ``memchr`` finds in a
    fraction of the time a two-byte search takes (that search would cost most of the gain)."""
    if (b"!" in utf8 and b"<!" in utf8) or b"\r" in utf8:
        # comments and CDATA; and a CR, before which libxml2 also drops blanks at the start of
        # an element's text ("<x> \r\nabc</x>" would lose its leading space)
        return False
    question = utf8.find(b"?", 2)
    if question >= 0 and utf8.startswith(b"<?"):
        question = utf8.find(b"?", question + 1)  # past the declaration's closing "?>"
    return question < 0 or utf8.find(b"<?", 1) < 0


def parse(data: bytes, *, source: str | None = None, drop_blank_text: bool = False) -> SafeDocument:
    """Parse untrusted bytes with the hardened parser, or raise :class:`XMLInputError`.

    ``drop_blank_text=True`` (for validation: the reader needs mixed-content whitespace)
    parses without whitespace-only text between elements when that is provably harmless
    (see :func:`_blanks_are_safe_to_drop`; ``SafeDocument.blank_text_dropped`` says whether it
    was done).  libxml2's messages (errors and warnings) come from its tokenizer, which
    ``NOBLANKS`` does not touch: they are the same either way (compared on 3,240 malformed
    variants of the corpus files and on the hostile inputs of the tests)."""
    utf8, encoding, notes = normalise(data, source=source)
    check_prolog(utf8, source=source)
    dropped = drop_blank_text and _blanks_are_safe_to_drop(utf8)
    parser = _thread_parser(remove_blank_text=dropped)
    try:
        root = etree.fromstring(utf8, parser)
    except etree.XMLSyntaxError as error:
        messages = [_message(entry) for entry in parser.error_log] or [
            XMLMessage("xml.syntax", str(error.msg), *(error.position or (None, None)))
        ]
        first = next((m for m in messages if not m.warning), messages[0])
        raise XMLInputError(
            first.code,
            f"not well-formed XML: {first.message}",
            source=source,
            line=first.line,
            column=first.column,
            messages=messages,
        ) from None
    if root is None:  # pragma: no cover - libxml2 reports an empty document as an error
        raise XMLInputError("xml.empty", "the document is empty", source=source)
    if root.getroottree().docinfo.internalDTD is not None:
        # The prolog check should have caught it; refuse rather than trust a DTD we did not read.
        raise XMLInputError("xml.doctype", "DOCTYPE declarations are not allowed", source=source)
    log = parser.error_log
    warnings = notes + [_message(entry) for entry in log] if log else notes
    return SafeDocument(root, encoding, warnings, utf8, dropped)


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


def check_prolog(data: bytes, *, source: str | None = None) -> None:
    """Refuse any DOCTYPE before parsing, saying whether it declared entities or a DTD.

    The prolog is walked as XML defines it: blanks, the declaration, processing instructions
    and comments (each skipped whole: a ``<`` inside one is not markup) up to the first other
    markup.  Any ``<!`` there that is not a comment is refused: a DOCTYPE in any letter case,
    or a construct libxml2 would refuse anyway."""
    position = _prolog_markup(data)
    if position is None or not data.startswith(b"<!", position):
        return
    rest = data[position : position + 65536]
    if b"<!ENTITY" in rest:
        why = "declares entities (entities are never expanded)"
    elif b"SYSTEM" in rest[:512] or b"PUBLIC" in rest[:512]:
        why = "names an external DTD (no file or URL is ever read)"
    elif rest[2:9].upper() == b"DOCTYPE":
        why = "is not used by NewsML-G2"
    else:
        why = "is not a comment, and no markup but comments may come before the root element"
    line = data.count(b"\n", 0, position) + 1
    column = position - (data.rfind(b"\n", 0, position) + 1) + 1
    raise XMLInputError(
        "xml.doctype",
        f"DOCTYPE refused: it {why}; remove the DOCTYPE declaration",
        source=source,
        line=line,
        column=column,
    )


def _prolog_markup(data: bytes) -> int | None:
    """Offset of the first markup after the prolog's blanks, declaration, processing
    instructions and comments (the root element, a DOCTYPE...), or ``None`` if there is none
    or a comment or instruction is left open (libxml2 reports that)."""
    position, length = 0, len(data)
    while position < length:
        byte = data[position]
        if byte in _PROLOG_BLANKS:
            position += 1
        elif data.startswith(b"<?", position):
            end = data.find(b"?>", position + 2)
            if end < 0:
                return None
            position = end + 2
        elif data.startswith(b"<!--", position):
            end = data.find(b"-->", position + 4)
            if end < 0:
                return None
            position = end + 3
        else:
            return position
    return None


def source_line(element: etree._Element) -> int | None:
    """The element's 1-based line in the source, when libxml2 recorded one."""
    line: object = element.sourceline
    return line if isinstance(line, int) and line > 0 else None


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


def _message(entry: etree._LogEntry) -> XMLMessage:
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


__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "SafeDocument",
    "XMLInputError",
    "XMLMessage",
    "make_parser",
    "parse",
    "source_line",
]
