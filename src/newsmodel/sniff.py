"""Guess a document's format from its first bytes, without parsing it.

Shared by ``formats.loads`` and ``validate.validate``; imports nothing heavy, so the command
line can route thousands of files cheaply.
"""

from __future__ import annotations

import re

from newsmodel.errors import FormatError

NEWSML_NAMESPACE = b"iptc.org/std/nar/2006-10-01"
_NEWSML_ROOTS = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?(newsItem|newsMessage|packageItem|conceptItem|knowledgeItem|planningItem|catalogItem)[\s>/]"
)
_HTML = re.compile(rb"<(!doctype\s+html|html|head|body|script|meta)[\s>]", re.IGNORECASE)
_JSONLD_KEYS = re.compile(rb'"@(context|type|graph|id)"\s*:')
_WRAPPED_JSON = re.compile(rb"^(?:<!--|(?://|/\*)?\s*<!\[CDATA\[(?:\s*\*/)?)\s*[\[{]")
"""JSON-LD as publishers paste it from a script element: inside ``<!--`` or ``<![CDATA[``."""

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")

_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)", re.DOTALL)
_ROOT = re.compile(rb"\s*<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]")
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
    """Return ``"json"``, ``"jsonld"`` (a JSON-LD document or an HTML page) or ``"newsml"``.

    Raises :class:`FormatError` when the bytes look like none of them.
    """
    head = data[:65536]
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    if head[:1] in (b"\xff", b"\xfe") or b"\x00" in head[:64]:
        # UTF-16 or UTF-32: decode a little to sniff.
        for encoding in ("utf-16", "utf-32"):
            try:
                head = head.decode(encoding).encode("utf-8")
                break
            except UnicodeDecodeError:
                continue
    stripped = head.lstrip()
    if _WRAPPED_JSON.match(stripped) and _JSONLD_KEYS.search(stripped):
        return "jsonld"
    if stripped.startswith(b"<"):
        if _NEWSML_ROOTS.search(stripped) or NEWSML_NAMESPACE in stripped:
            return "newsml"
        if _HTML.search(stripped):
            return "jsonld"
        if name and name.lower().endswith((".html", ".htm")):
            return "jsonld"
        what = unsupported(stripped)
        if what:
            raise FormatError(what, where=name or "input",
                              hint="convert it to NewsML-G2 or JSON-LD first")
        return "newsml"
    if stripped.startswith((b"{", b"[")):
        return "jsonld" if _JSONLD_KEYS.search(stripped) else "json"
    suffix = (name or "").lower().rsplit(".", 1)[-1]
    by_suffix = {
        "json": "json",
        "jsonl": "json",
        "jsonld": "jsonld",
        "html": "jsonld",
        "htm": "jsonld",
        "xml": "newsml",
    }
    if suffix in by_suffix and not stripped:
        return by_suffix[suffix]
    where = name or "input"
    if not stripped:
        raise FormatError("the document is empty", where=where)
    raise FormatError(
        "cannot tell the format: not JSON, JSON-LD, HTML or NewsML-G2",
        where=where,
        hint="pass --format json|jsonld|newsml",
    )


def unsupported(data: bytes) -> str | None:
    """Say what an XML document is when it is a feed newsmodel recognises but does not read
    (RSS, Atom, NewsML 1.x), else ``None``."""
    head = data[:65536].removeprefix(b"\xef\xbb\xbf")
    position = 0
    while match := _PROLOG.match(head, position):
        position = match.end()
    root = _ROOT.match(head, position)
    if root is None or root.group(1) not in _UNSUPPORTED:
        return None
    what, name, marker = _UNSUPPORTED[root.group(1)]
    if marker not in head:
        return None
    return (f"this is {what} (root <{root.group(1).decode()}>), not NewsML-G2, JSON-LD or "
            f"newsmodel JSON: newsmodel does not read {name} (yet)")
