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


_QCODE_VALUES = re.compile(
    rb"""(?<=\s)(?:%s)\s*=\s*(?:"([^"]*)"|'([^']*)')""" % "|".join(QCODE_ATTRIBUTES).encode()
)
"""qcode-bearing attributes, found in the UTF-8 source: a regular-expression scan is several
times faster than walking the tree in Python, and validation must handle thousands of items a
second.  Prefixed attributes (``xsi:type``) are not matched."""


def check(root: etree._Element, source: bytes, report: Report) -> None:
    """Warn once per undeclared alias, at its first use (``source`` is the parsed UTF-8)."""
    declared = {
        scheme.get("alias")
        for scheme in root.iter(f"{{{NAR}}}scheme")
        if scheme.get("alias")
    }
    remote: list[str] | None = None
    reported: set[str] = set()
    for match in _QCODE_VALUES.finditer(source):
        value = (match.group(1) or match.group(2) or b"").decode("utf-8", "replace")
        for qcode in value.split():
            alias, colon, _ = qcode.partition(":")
            if (not colon or not alias or alias in IPTC_ALIASES or alias in declared
                    or alias in reported):
                continue
            reported.add(alias)
            if remote is None:
                remote = [
                    ref.get("href", "")
                    for ref in root.iter(f"{{{NAR}}}catalogRef")
                    if "iptc.org" not in ref.get("href", "").lower()
                ]
            location = Location(line=source.count(b"\n", 0, match.start()) + 1)
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
