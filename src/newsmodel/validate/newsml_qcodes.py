"""Qcode scheme aliases: every ``alias:code`` should name a scheme some catalog declares.

A qcode's alias is declared by an inline ``catalog`` (``<scheme alias="..."/>``) or by a catalog
the item references with ``catalogRef``.  IPTC's standard catalog is known here by its aliases;
other remote catalogs cannot be read offline, so when an item references one, aliases we cannot
place are reported as ``info`` rather than ``warning``.  None of this changes the XSD verdict.
"""

from __future__ import annotations

import re

from lxml import etree

from newsmodel.validate.report import Location, Report

NAR = "http://iptc.org/std/nar/2006-10-01/"

QCODE_ATTRIBUTES = (
    "qcode", "type", "role", "rel", "rendition", "format", "how", "why",
    "confirmationstatus", "pubconstraint",
)
"""Attributes of NewsML-G2's QCodeType / QCodeListType that carry ``alias:code`` values."""

IPTC_ALIASES = frozenset({
    "aspfam", "cinat", "ciprol", "colsp", "cpnat", "crel", "crol", "ctrol", "drol", "emvstat",
    "eol", "evrol", "fmt", "genre", "hopaction", "howextr", "irel", "iso3166-1a2",
    "iso3166-1a3", "iso4217", "isrol", "loctyp", "medtop", "mediatopic", "ninat", "nprov",
    "nrol", "plinat", "prov", "rnd", "scene", "sig", "srv", "stat", "subj", "why", "wldreg",
    "xs",
})
"""Scheme aliases declared by IPTC's standard G2 catalog (the ones seen in real feeds)."""


_IPTC_BYTES = frozenset(alias.encode() for alias in IPTC_ALIASES)
_QCODE_ATTRIBUTE = re.compile(
    rb"=(?:%s)[\"'](([A-Za-z][^\"':\s]*):[^\"'\s]*)"
    % b"|".join(rb"(?<=\s%s=)" % name.encode() for name in QCODE_ATTRIBUTES)
)
"""A qcode attribute whose value starts ``alias:`` (aliases start with a letter).

How it stays fast (validation must handle thousands of items a second): the pattern starts
with a literal ``=`` the regex engine jumps between, and checks the attribute's name with
fixed-width look-behinds, so one C-level ``findall`` over the metadata (not the body payload)
returns every (qcode, alias) pair.  Prefixed attributes (``xsi:type``) and later entries of a
list value are not looked at."""


_PAYLOAD = re.compile(rb"<(?:[\w.-]+:)?(inlineXML|inlineData)[\s>/]")


def _metadata_spans(source: bytes) -> list[tuple[int, int]]:
    """The parts of the source outside the payload of ``inlineXML``/``inlineData``: bodies
    (XHTML, NITF, text) carry no G2 qcodes and are most of an item's bytes, so they are not
    scanned (the elements' own attributes are)."""
    spans = []
    position = 0
    while True:
        opening = _PAYLOAD.search(source, position)
        if opening is None:
            break
        start_tag_end = source.find(b">", opening.end() - 1)
        if start_tag_end < 0 or source[start_tag_end - 1 : start_tag_end] == b"/":
            break  # an empty element (or a broken tail): scan on from here
        name = opening.group(1) + b">"
        closing = source.find(name, start_tag_end)
        while closing > 0 and source[closing - 1 : closing] not in (b"/", b":"):
            closing = source.find(name, closing + len(name))
        if closing < 0:
            break
        spans.append((position, start_tag_end))
        position = closing
    spans.append((position, len(source)))
    return spans


def check(root: etree._Element, source: bytes, report: Report) -> None:
    """Warn once per undeclared alias, at its first use (``source`` is the parsed UTF-8).

    Kept cheap because it runs on every valid item: one C-level ``findall`` per metadata span,
    the catalog's ``scheme`` elements looked at only when some alias is not IPTC's, and the
    line numbers of all warnings counted in one pass over the bytes."""
    pairs: list[tuple[bytes, bytes]] = []
    for begin, end in _metadata_spans(source):
        pairs += _QCODE_ATTRIBUTE.findall(source, begin, end)
    # Later pairs overwrite earlier ones, so iterating in reverse keeps each alias's first use.
    first = {alias: qcode for qcode, alias in reversed(pairs)}
    unknown = first.keys() - _IPTC_BYTES
    if not unknown:
        return
    unknown -= {
        declared.encode()
        for scheme in root.iter(f"{{{NAR}}}scheme")
        if (declared := scheme.get("alias"))
    }
    if not unknown:
        return
    positions = []
    for raw in unknown:
        raw_qcode = first[raw]
        position = source.find(b'"' + raw_qcode)
        if position < 0:
            position = source.find(b"'" + raw_qcode)
        positions.append((position + 1, raw, raw_qcode))
    positions.sort()
    remote = [
        href for ref in root.iter(f"{{{NAR}}}catalogRef")
        if "iptc.org" not in (href := ref.get("href", "")).lower()
    ]
    line, counted = 1, 0
    for position, raw, raw_qcode in positions:
        line += source.count(b"\n", counted, position)
        counted = max(counted, position)
        alias = raw.decode("utf-8", "replace")
        qcode = raw_qcode.decode("utf-8", "replace")
        location = Location(line=line)
        if remote:
            report.info(
                "newsml.qcode-scheme-remote",
                f"scheme alias {alias!r} (in {qcode!r}) is not IPTC's or inline; it may "
                f"be declared by {remote[0]}, which is not read offline",
                location,
            )
        else:
            report.warning(
                "newsml.qcode-scheme",
                f"scheme alias {alias!r} (in {qcode!r}) is declared by no catalog: add a "
                "catalogRef or an inline <catalog><scheme alias=...>",
                location,
            )

