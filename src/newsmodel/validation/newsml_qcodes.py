"""Qcode scheme aliases: every ``alias:code`` should name a scheme some catalog declares.

A qcode's alias is declared by an inline ``catalog`` (``<scheme alias="..."/>``) or by a catalog
the item references with ``catalogRef``.  IPTC's standard catalog is known here by its aliases;
other remote catalogs cannot be read offline, so when an item references one, aliases we cannot
place are reported as ``info`` rather than ``warning``.  None of this changes the XSD verdict.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from newsmodel.validation.report import Issue, Location, Report, Severity

NAR = "http://iptc.org/std/nar/2006-10-01/"

QCODE_ATTRIBUTES = (
    "qcode",
    "type",
    "role",
    "rel",
    "rendition",
    "format",
    "how",
    "why",
    "confirmationstatus",
    "pubconstraint",
)
"""Attributes of NewsML-G2's QCodeType / QCodeListType that carry ``alias:code`` values."""

IPTC_ALIASES = frozenset(
    {
        "aspfam",
        "cinat",
        "ciprol",
        "colsp",
        "cpnat",
        "crel",
        "crol",
        "ctrol",
        "drol",
        "emvstat",
        "eol",
        "evrol",
        "fmt",
        "genre",
        "hopaction",
        "howextr",
        "irel",
        "iso3166-1a2",
        "iso3166-1a3",
        "iso4217",
        "isrol",
        "loctyp",
        "medtop",
        "mediatopic",
        "ninat",
        "nprov",
        "nrol",
        "plinat",
        "prov",
        "rnd",
        "scene",
        "sig",
        "srv",
        "stat",
        "subj",
        "why",
        "wldreg",
        "xs",
    }
)
"""Scheme aliases declared by IPTC's standard G2 catalog (the ones seen in real feeds)."""


_IPTC_BYTES = frozenset(alias.encode() for alias in IPTC_ALIASES)


def _alternation(words: Iterable[bytes]) -> bytes:
    """A regex alternation of ``words`` factored by first byte (``a(?:b|c)`` for ``ab|ac``):
    Python's regex engine skips an alternative whose first literal does not match almost for
    free, so a factored alternation costs a few comparisons where a flat one costs one per
    word."""
    tails: dict[bytes, list[bytes]] = {}
    for word in sorted(set(words)):
        tails.setdefault(word[:1], []).append(word[1:])
    parts = []
    for head, rest in tails.items():
        longer = [tail for tail in rest if tail]
        if len(rest) == 1:
            parts.append(re.escape(head + rest[0]))
            continue
        optional = b"?" if len(longer) < len(rest) else b""
        parts.append(re.escape(head) + b"(?:" + _alternation(longer) + b")" + optional)
    return b"|".join(parts)


def _name_before(names: Iterable[str]) -> bytes:
    """Look-behinds (at the quote after ``=``) for ``<whitespace><name>=``: one per name length
    (a look-behind has a fixed width), the most frequent lengths (``qcode``, ``type``/``role``)
    first, behind a cheaper look at the name's last two letters, which rules out most other
    attributes before any full name is compared."""
    by_length: dict[int, list[bytes]] = {}
    for name in names:
        by_length.setdefault(len(name), []).append(name.encode())
    last_two = _alternation(name[-2:] for lengths in by_length.values() for name in lengths)
    full = b"|".join(rb"(?<=\s(?:%s)=.)" % _alternation(by_length[length]) for length in by_length)
    return rb"(?<=(?:%s)=.)(?:%s)" % (last_two, full)


_UNPLACED_QCODE = re.compile(
    rb"=[\"']%s(?!(?:%s):)([A-Za-z][^\"':\s]*:[^\"'\s]*)"
    % (_name_before(QCODE_ATTRIBUTES), _alternation(_IPTC_BYTES))
)
"""A qcode attribute whose value starts ``alias:`` (aliases start with a letter), where the
alias is not one of IPTC's; the match is the qcode (its first entry, for a list value).

How it stays fast (validation must handle thousands of items a second; Python's regex engine
pays per attempt, so the point is to fail early): the pattern starts with a literal ``=`` the
engine jumps between, then a quote, then the attribute's name checked by look-behinds
(:func:`_name_before`), then IPTC's aliases ruled out by a factored look-ahead, so one C-level
scan over the metadata (not the body payload) yields only the few qcodes that need a look at
the catalogs.  Prefixed attributes (``xsi:type``) and later entries of a list value are not
looked at."""


_PAYLOAD_NAMES = (b"XML", b"Data")
_NAME_END = frozenset(b" \t\n\r\f\v>/")
_PREFIX_BEFORE = re.compile(rb"<[\w.-]+:\Z")


def _payload_opening(source: bytes, position: int) -> tuple[int, bytes] | None:
    """Where the next ``<inlineXML`` / ``<inlineData`` start tag (any prefix) from ``position``
    ends its name, and the name (``inlineXML`` or ``inlineData``).

    ``bytes.find`` of the literal ``inline`` skips ahead far faster than a regex that would
    have to try every ``<``; the candidates are then checked for ``<`` or ``<prefix:`` before
    and whitespace, ``>`` or ``/`` after."""
    while (start := source.find(b"inline", position)) >= 0:
        position = start + 6
        for suffix in _PAYLOAD_NAMES:
            end = position + len(suffix)
            if (
                source.startswith(suffix, position)
                and end < len(source)
                and (source[end] in _NAME_END)
            ):
                before = source[start - 1 : start]
                if before == b"<" or (
                    before == b":" and _PREFIX_BEFORE.search(source, max(0, start - 256), start)
                ):
                    return end, b"inline" + suffix
    return None


def _metadata_spans(source: bytes) -> list[tuple[int, int]]:
    """The parts of the source outside the payload of ``inlineXML``/``inlineData``: bodies
    (XHTML, NITF, text) carry no G2 qcodes and are most of an item's bytes, so they are not
    scanned (the elements' own attributes are)."""
    spans = []
    position = 0
    while True:
        opening = _payload_opening(source, position)
        if opening is None:
            break
        name_end, name = opening
        start_tag_end = source.find(b">", name_end)
        if start_tag_end < 0 or source[start_tag_end - 1 : start_tag_end] == b"/":
            break  # an empty element (or a broken tail): scan on from here
        name += b">"
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
    """Warn once per undeclared alias, at its first use: the line and column of the attribute
    value (``source`` is the parsed UTF-8).

    Kept cheap because it runs on every valid item: one C-level scan per metadata span that
    finds only the qcodes IPTC's catalog does not declare, the inline catalog's ``scheme``
    elements looked at only when the bytes have one, the line numbers of all warnings counted
    in one pass over the bytes, and each issue built once per process (see :func:`_issue`)."""
    first: dict[bytes, tuple[int, bytes]] = {}  # alias -> (offset, qcode) of its first use
    for begin, end in _metadata_spans(source):
        for match in _UNPLACED_QCODE.finditer(source, begin, end):
            raw_qcode = match.group(1)
            alias = raw_qcode[: raw_qcode.index(b":")]
            if alias not in first:
                first[alias] = (match.start(1), raw_qcode)
    if not first:
        return
    if b"scheme" in source:  # an inline catalog (a tag name is always in the bytes as is)
        for scheme in root.iter(f"{{{NAR}}}scheme"):
            declared = scheme.get("alias")
            if declared:
                first.pop(declared.encode(), None)
        if not first:
            return
    remote = next(
        (
            href
            for ref in root.iter(f"{{{NAR}}}catalogRef")
            if "iptc.org" not in (href := ref.get("href", "")).lower()
        ),
        None,
    )
    # Each warning points at the attribute value where the alias is first used.
    line, counted, line_start = 1, 0, 0
    for position, raw_qcode in sorted(first.values()):
        newlines = source.count(b"\n", counted, position)
        if newlines:
            line += newlines
            line_start = source.rfind(b"\n", counted, position) + 1
        counted = position
        column = len(source[line_start:position].decode("utf-8", "replace")) + 1
        report.issues.append(_issue(raw_qcode, line, column, remote))


_ISSUES: dict[tuple[bytes, int, int, str | None], Issue] = {}
_ISSUE_CACHE_SIZE = 4096


def _issue(raw_qcode: bytes, line: int, column: int, remote: str | None) -> Issue:
    """The warning (or info, when ``remote`` names a catalog we cannot read) for a qcode's
    alias at a line.  Issues are immutable and a feed's items repeat the same qcodes at the
    same lines, so each is built once and shared (building one costs more than finding it)."""
    key = (raw_qcode, line, column, remote)
    issue = _ISSUES.get(key)
    if issue is not None:
        return issue
    qcode = raw_qcode.decode("utf-8", "replace")
    alias = qcode[: qcode.index(":")]
    if remote is not None:
        issue = Issue(
            Severity.INFO,
            "newsml.qcode-scheme-remote",
            f"scheme alias {alias!r} (in {qcode!r}) is not IPTC's or inline; it may "
            f"be declared by {remote}, which is not read offline",
            Location(line=line, column=column),
        )
    else:
        issue = Issue(
            Severity.WARNING,
            "newsml.qcode-scheme",
            f"scheme alias {alias!r} (in {qcode!r}) is declared by no catalog: add a "
            "catalogRef or an inline <catalog><scheme alias=...>",
            Location(line=line, column=column),
        )
    if len(_ISSUES) >= _ISSUE_CACHE_SIZE:
        _ISSUES.clear()
    _ISSUES[key] = issue
    return issue
