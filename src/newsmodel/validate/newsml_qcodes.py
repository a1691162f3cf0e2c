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


def _aliases(source: bytes, known: set[bytes]) -> dict[bytes, tuple[int, bytes]]:
    """Each scheme alias outside ``known`` used in a qcode attribute, with the offset and qcode
    of its first use."""
    first: dict[bytes, bytes] = {}
    for begin, end in _metadata_spans(source):
        for qcode, alias in _QCODE_ATTRIBUTE.findall(source, begin, end):
            if alias not in first:
                first[alias] = qcode
    found: dict[bytes, tuple[int, bytes]] = {}
    for alias, qcode in first.items():
        if alias in known or alias in _IPTC_BYTES:
            continue
        position = source.find(b'"' + qcode)
        if position < 0:
            position = source.find(b"'" + qcode)
        found[alias] = (position + 1, qcode)
    return found


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
    """Warn once per undeclared alias, at its first use (``source`` is the parsed UTF-8)."""
    declared = {
        scheme.get("alias")
        for scheme in root.iter(f"{{{NAR}}}scheme")
        if scheme.get("alias")
    }
    remote: list[str] | None = None
    known = {alias.encode() for alias in declared if alias}
    for raw, (position, raw_qcode) in _aliases(source, known).items():
        alias = raw.decode("utf-8", "replace")
        qcode = raw_qcode.decode("utf-8", "replace")
        if remote is None:
            remote = [
                ref.get("href", "")
                for ref in root.iter(f"{{{NAR}}}catalogRef")
                if "iptc.org" not in ref.get("href", "").lower()
            ]
        location = Location(line=source.count(b"\n", 0, position) + 1)
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
