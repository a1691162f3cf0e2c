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
- documents larger than :data:`MAX_BYTES` are refused before parsing, and every encoding is
  transcoded to UTF-8 in Python first (:mod:`newsmodel.xmlencoding`), so the parser only ever
  sees UTF-8 and the prolog can be checked as bytes; line numbers are unchanged by it.

Errors are :class:`XMLInputError` (an :class:`~newsmodel.errors.InputError`, defined with the
message codes in :mod:`newsmodel.xmlmessages`) carrying a stable ``code`` and every libxml2
message with its line and column, so the validator can list them all.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from lxml import etree

from newsmodel.xmlencoding import MAX_BYTES, normalise
from newsmodel.xmlmessages import XMLInputError, XMLMessage, message_of

MAX_DEPTH = 256
"""libxml2's element nesting limit without ``XML_PARSE_HUGE``; deeper documents are refused."""

_PROLOG_BLANKS = frozenset(b" \t\r\n")


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
        messages = [message_of(entry) for entry in parser.error_log] or [
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
    warnings = notes + [message_of(entry) for entry in log] if log else notes
    return SafeDocument(root, encoding, warnings, utf8, dropped)


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
