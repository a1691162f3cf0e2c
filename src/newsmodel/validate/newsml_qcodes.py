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


_COLON_VALUES = re.compile(rb"""=["'](([^"':\s]+):[^"'\s]*)""")
_ATTRIBUTE_NAMES = frozenset(name.encode() for name in QCODE_ATTRIBUTES)
"""qcode-bearing attributes are found in the UTF-8 source: a regular-expression scan for values
with a colon, then a look at the attribute's name, is several times faster than walking the
tree in Python (validation must handle thousands of items a second).  Prefixed attributes
(``xsi:type``) and later entries of a list value are not looked at."""


_IPTC_BYTES = frozenset(alias.encode() for alias in IPTC_ALIASES)


def _aliases(source: bytes, known: set[bytes]) -> dict[bytes, tuple[int, bytes]]:
    """Each scheme alias outside ``known`` used in a qcode attribute, with the offset and qcode
    of its first use."""
    found: dict[bytes, tuple[int, bytes]] = {}
    for match in _COLON_VALUES.finditer(source):
        alias = match.group(2)
        if alias in found or alias in known or alias in _IPTC_BYTES:
            continue
        start = match.start()
        low = max(0, start - 48)
        space = max(source.rfind(b" ", low, start), source.rfind(b"\n", low, start),
                    source.rfind(b"\t", low, start))
        if source[space + 1 : start] in _ATTRIBUTE_NAMES:
            found[alias] = (start + 2, match.group(1))
    return found


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
