"""JSON-LD blocks: find them in an HTML page, each with the line and column where it starts.

Parsing a block, as forgivingly as is safe, is :mod:`newsmodel.jsonblock`'s.

HTML is parsed with lxml's HTML parser hardened: no network access, no huge-tree mode (lxml's
own limits on depth and text size stay on), a size limit checked before parsing, and a cap on
attributes per element (libxml2 is quadratic in them).  HTML has no external entities to
expand, and the parser never fetches anything.  Decoding is :mod:`newsmodel.pagetext`'s.  This
module imports no model, so both the readers and the validators can use it.
"""

from __future__ import annotations

import re

from newsmodel.errors import InputError
from newsmodel.jsonblock import Block
from newsmodel.pagetext import MAX_PAGE_BYTES, PageText, decode, decode_page, looks_like_html

MAX_ATTRIBUTES = 1000
"""Refuse an HTML element with more attributes than this (real ones have a few dozen)."""

_XML_DECLARATION = re.compile(r"\A\s*<\?xml\b[^>]*\?>")
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]*")
_ATTRIBUTE = re.compile(r"""[\s/]+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")
_SCRIPT_OPEN = re.compile(r"<script\b[^>]*>", re.I)


def split_blocks(data: bytes) -> list[Block]:
    """Every JSON-LD block of ``data``: the script blocks of a page, or the whole document."""
    return split_page(data)[0]


def split_page(data: bytes) -> tuple[list[Block], PageText]:
    """The JSON-LD blocks of ``data`` and the decoded text they came from."""
    page = decode_page(data)
    if looks_like_html(data):
        return extract_blocks(page.text), page
    return [Block(0, page.text, 1, 1)], page


def extract_blocks(page: str) -> list[Block]:
    """The ``application/ld+json`` script blocks of an HTML page, in document order."""
    import lxml.html
    from lxml import etree

    page = _blank_xml_declaration(page)
    _check_attributes(page)
    parser = lxml.html.HTMLParser(
        no_network=True, huge_tree=False, remove_comments=False, remove_pis=True, collect_ids=False
    )
    try:
        root = lxml.html.document_fromstring(page, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise InputError(f"cannot parse the HTML page: {error}") from None
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        # libxml2 stops building the tree there: blocks further in would be lost unseen.
        raise InputError(
            "the HTML page nests elements too deeply to be read safely",
            hint="no real page nests elements thousands of levels deep",
        )
    starts = _line_starts(page)
    language = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    blocks: list[Block] = []
    for script in root.iter("script"):
        kind = (script.get("type") or "").split(";", 1)[0].strip().lower()
        if kind != "application/ld+json":
            continue
        content = script.text or ""
        sourceline = script.sourceline if isinstance(script.sourceline, int) else None
        line, column = _locate(page, starts, sourceline, content)
        blocks.append(Block(len(blocks), content, line, column, language or None))
    return blocks


def _blank_xml_declaration(page: str) -> str:
    """An XHTML page's ``<?xml ... encoding=...?>`` blanked out, keeping every position: the
    bytes were decoded already (honouring it), and lxml refuses a string that declares an
    encoding."""
    found = _XML_DECLARATION.match(page)
    if found is None:
        return page
    blank = "".join(char if char == "\n" else " " for char in found.group())
    return blank + page[found.end() :]


def _check_attributes(page: str) -> None:
    """Refuse a tag with more than :data:`MAX_ATTRIBUTES` attributes: libxml2's HTML parser
    checks each new attribute against all before it (100,000 take tens of seconds).  Only a
    tag long enough to hold that many is counted, so ordinary pages cost one scan."""
    floor = 2 * MAX_ATTRIBUTES  # the shortest attribute is a space and a letter
    if len(page) < floor:
        return
    for tag in _LONG_TAG.finditer(page):
        if tag.end() - tag.start() > floor:
            count = sum(1 for _ in _ATTRIBUTE.finditer(page, tag.start() + 1, tag.end()))
            if count > MAX_ATTRIBUTES:
                raise InputError(
                    f"an element has {count} attributes, more than the limit of "
                    f"{MAX_ATTRIBUTES}; refusing to parse the page",
                    hint="no real page gives an element thousands of attributes",
                )


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(match.end() for match in re.finditer(r"\n", text))
    return starts


def _locate(
    page: str, starts: list[int], sourceline: int | None, content: str
) -> tuple[int, int | None]:
    """Line and column where a script's content starts; the line alone if it cannot be found."""
    if sourceline is None or not 1 <= sourceline <= len(starts):
        return 1, None
    opening = _SCRIPT_OPEN.search(page, starts[sourceline - 1])
    if opening is None or not page.startswith(content, opening.end()):
        return sourceline, None
    offset = opening.end()
    line = sourceline + page.count("\n", starts[sourceline - 1], offset)
    return line, offset - starts[line - 1] + 1


__all__ = [
    "MAX_ATTRIBUTES",
    "MAX_PAGE_BYTES",
    "PageText",
    "decode",
    "decode_page",
    "extract_blocks",
    "looks_like_html",
    "split_blocks",
    "split_page",
]
