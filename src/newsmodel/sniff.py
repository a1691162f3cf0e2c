"""Guess a document's format from its structure, without parsing it.

Shared by ``formats.loads`` and ``validation.validate``; imports nothing heavy, so the command
line can route thousands of files cheaply.

Markup is told by its **root element**: the prolog (declaration, comments, processing
instructions, DOCTYPE) is skipped as XML reads it, and the first element's name decides:
a NewsML-G2 item (any prefix) is NewsML, ``html`` or an HTML DOCTYPE is a page.  What the
document merely mentions (a ``<newsItem`` inside a script's string, the G2 namespace in a
link) never counts.  Byte-order marks are honoured, and UTF-16/UTF-32 without one are told by
where their NULs fall, so such files are detected like UTF-8 ones.
"""

from __future__ import annotations

import re

from newsmodel.errors import FormatError
from newsmodel.textcodecs import bom_codec, unicode_by_nuls

NEWSML_NAMESPACE = b"iptc.org/std/nar/2006-10-01"
NEWSML_ROOTS = frozenset(
    {
        b"newsItem",
        b"newsMessage",
        b"packageItem",
        b"conceptItem",
        b"knowledgeItem",
        b"planningItem",
        b"catalogItem",
    }
)
_HTML_ROOTS = frozenset({b"html", b"head", b"body", b"script", b"meta", b"title", b"link"})
_HTML = re.compile(rb"<(!doctype\s+html|html|head|body|script|meta)[\s>]", re.IGNORECASE)
_ELEMENT = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)")
_JSONLD_KEYS = re.compile(rb'"@(context|type|graph|id)"\s*:')
_NINJS_KEYS = re.compile(
    rb'(?<!\\)"(uri|guid|\$standard|headlines|bodies|versioncreated|versionCreated|'
    rb'body_[A-Za-z0-9_]+)"\s*:'
)
"""Property names of IPTC ninjs that newsmodel JSON never has (it has ``id``, ``body``): a
JSON document holding one is ninjs.  ``guid`` is superdesk's spelling of ``uri``."""
_WRAPPED_JSON = re.compile(rb"^(?:<!--|(?://|/\*)?\s*<!\[CDATA\[(?:\s*\*/)?)\s*[\[{]")
"""JSON-LD as publishers paste it from a script element: inside ``<!--`` or ``<![CDATA[``."""
_HEAD = 65536
_BY_SUFFIX = {
    "json": "json",
    "jsonl": "json",
    "jsonld": "jsonld",
    "html": "jsonld",
    "htm": "jsonld",
    "xml": "newsml",
}

_UNSUPPORTED = {
    # root element -> (what the file is, what newsmodel does not read, a word it must contain)
    b"rss": ("an RSS feed", "RSS", b""),
    b"RDF": ("an RSS 1.0 (RDF) feed", "RSS 1.0", b"purl.org/rss/1.0"),
    b"feed": ("an Atom feed", "Atom", b"www.w3.org/2005/Atom"),
    b"NewsML": ("a NewsML 1.x document", "NewsML 1.x", b""),
}
"""XML that people take for a news format newsmodel reads: named, rather than reported as
NewsML-G2 with the wrong namespace."""


def detect(data: bytes, *, name: str | None = None) -> str:
    """Return ``"json"``, ``"jsonld"`` (a JSON-LD document or an HTML page), ``"ninjs"`` or
    ``"newsml"``.

    Raises :class:`FormatError` when the bytes look like none of them.
    """
    stripped = _head(data).lstrip()
    if _WRAPPED_JSON.match(stripped) and _JSONLD_KEYS.search(stripped):
        return "jsonld"
    if stripped.startswith(b"<"):
        return _markup(stripped, name)
    if stripped.startswith((b"{", b"[")):
        if _JSONLD_KEYS.search(stripped):
            return "jsonld"
        return "ninjs" if _NINJS_KEYS.search(stripped) else "json"
    suffix = (name or "").lower().rsplit(".", 1)[-1]
    if suffix in _BY_SUFFIX and not stripped:
        return _BY_SUFFIX[suffix]
    where = name or "input"
    if not stripped:
        raise FormatError("the document is empty", where=where)
    raise FormatError(
        "cannot tell the format: not JSON, JSON-LD, ninjs, HTML or NewsML-G2",
        where=where,
        hint="pass --format json|jsonld|ninjs|newsml",
    )


def _head(data: bytes) -> bytes:
    """The first 64 kB as UTF-8: a byte-order mark dropped, UTF-16/32 transcoded."""
    head = data[:_HEAD]
    found = bom_codec(head)
    codec, skip = found if found else (unicode_by_nuls(head), 0)
    if codec is None or codec == "utf-8":
        return head[skip:]
    width = 4 if "32" in codec else 2
    usable = head[skip:][: (len(head) - skip) // width * width]
    return usable.decode(codec, errors="replace").encode("utf-8")


def _markup(head: bytes, name: str | None) -> str:
    """NewsML or a page, by the root element (or an HTML DOCTYPE) after the prolog."""
    root = _root_element(head)
    if root == b"!html" or root in _HTML_ROOTS or (root and root.lower() == b"html"):
        return "jsonld"
    if root in NEWSML_ROOTS:
        return "newsml"
    if name and name.lower().endswith((".html", ".htm")):
        return "jsonld"
    if root is None and NEWSML_NAMESPACE in head:
        return "newsml"
    if _HTML.search(head):
        return "jsonld"  # an HTML fragment (<div>... with a <script> or <meta> in it)
    what = unsupported(head)
    if what:
        raise FormatError(
            what, where=name or "input", hint="convert it to NewsML-G2 or JSON-LD first"
        )
    return "newsml"


def _root_element(head: bytes) -> bytes | None:
    """The local name of the first element, ``b"!html"`` for an HTML DOCTYPE, or ``None``
    when the head ends first."""
    position, length = 0, len(head)
    while position < length:
        if head[position] in b" \t\r\n":
            position += 1
        elif head.startswith(b"<?", position):
            position = _after(head, b"?>", position + 2)
        elif head.startswith(b"<!--", position):
            position = _after(head, b"-->", position + 4)
        elif head[position : position + 9].upper() == b"<!DOCTYPE":
            if head[position + 9 : position + 14].strip().lower().startswith(b"html"):
                return b"!html"
            subset = head.find(b"[", position, head.find(b">", position) + 1 or length)
            position = _after(head, b"]>" if subset >= 0 else b">", position)
        else:
            found = _ELEMENT.match(head, position)
            return found.group(2) if found else None
    return None


def _after(head: bytes, end: bytes, start: int) -> int:
    found = head.find(end, start)
    return len(head) if found < 0 else found + len(end)


def unsupported(data: bytes) -> str | None:
    """Say what an XML document is when it is a feed newsmodel recognises but does not read
    (RSS, Atom, NewsML 1.x), else ``None``."""
    head = _head(data)
    root = _root_element(head)
    if root is None or root not in _UNSUPPORTED:
        return None
    what, name, marker = _UNSUPPORTED[root]
    if marker not in head:
        return None
    return (
        f"this is {what} (root <{root.decode()}>), not NewsML-G2, JSON-LD or "
        f"newsmodel JSON: newsmodel does not read {name} (yet)"
    )
