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
