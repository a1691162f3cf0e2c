"""What every part of the NewsML-G2 reader shares: the item being read and its text helpers.

``_Item`` holds one item's state (namespace, notes, the entities found so far) and indexes
children by local name once per parent; the helpers read text verbatim from our own files and
whitespace-normalised from others, and repair the date spellings agencies get wrong.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from lxml import etree

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_OFFSET_NO_COLON = re.compile(r"([+-]\d{2})(\d{2})$")


class _Item:
    """State while one item is read: its namespace prefix, notes, and the entities found."""

    def __init__(self, element: etree._Element, ns: str, notes: list[str]) -> None:
        self.element = element
        self.ns = ns
        self.warnings = list(notes)
        self.unmapped: list[str] = []
        self.entities: dict[str, dict[str, Any]] = {}  # id -> fields
        self.kinds: dict[str, str] = {}  # id -> list name
        self.aliases: dict[str, str] = {}  # qcode/literal -> id
        self.own = False
        self.language: str | None = None
        self._children: dict[etree._Element, dict[str, list[etree._Element]]] = {}

    def children(self, parent: etree._Element) -> dict[str, list[etree._Element]]:
        """``parent``'s child elements grouped by local name, built once per parent.

        One pass over the children in Python beats repeated ElementPath or ``iterchildren``
        look-ups (this is the reader's innermost loop).  Elements of other namespaces are left
        out, as ElementPath would.
        """
        index = self._children.get(parent)
        if index is not None:
            return index
        index = {}
        ns = self.ns
        size = len(ns)
        # Plain iteration: iterchildren(tag) costs more to set up than small parents cost to
        # walk.  Elements only (comments have a function as tag), in the item's namespace.
        for child in parent:
            tag = child.tag
            if tag.__class__ is not str or not (tag.startswith(ns) if size else tag[0] != "{"):
                continue
            local: str = tag[size:]  # checked above: a str tag
            found = index.get(local)
            if found is None:
                index[local] = [child]
            else:
                found.append(child)
        self._children[parent] = index  # the key keeps the element (and its proxy) alive
        return index

    def first(self, parent: etree._Element | None, name: str) -> etree._Element | None:
        """The first child element ``name`` (a local name in the item's namespace), or None."""
        if parent is None:
            return None
        matches = self.children(parent).get(name)
        return matches[0] if matches else None

    def all(self, parent: etree._Element | None, name: str) -> list[etree._Element]:
        """Every child element ``name`` of ``parent`` (none when ``parent`` is None)."""
        return [] if parent is None else self.children(parent).get(name, [])

    def tag(self, name: str) -> str:
        return self.ns + name


def _local(element: etree._Element) -> str:
    """The local name of an element's tag ("" for comments and processing instructions);
    cheaper than building an ``etree.QName``."""
    tag = element.tag
    return tag.rpartition("}")[2] if tag.__class__ is str else ""


def _text(item: _Item, element: etree._Element | None) -> str:
    """The element's text: verbatim in our own files, whitespace-normalised in others."""
    if element is None:
        return ""
    raw = element.text or "" if len(element) == 0 else _itertext(element)
    return raw if item.own else _squeeze(raw)


def _squeeze(text: str) -> str:
    """Whitespace runs to one space, ends trimmed (split/join runs in C, unlike a regex)."""
    return " ".join(text.split())


def _itertext(element: etree._Element) -> str:
    """All text inside ``element`` (not its tail), gathered by libxml2."""
    text: str = etree.tostring(element, method="text", encoding="unicode", with_tail=False)
    return text


def _first_text(item: _Item, parent: etree._Element | None, name: str) -> str | None:
    element = item.first(parent, name)
    return _text(item, element) if element is not None else None


def _parse_datetime(item: _Item, text: str, name: str) -> date | datetime | None:
    value = text.strip()
    if value != text:
        item.warnings.append(f"newsml.date: whitespace around {name} {text!r} ignored")
    fixed = value
    if "T" in value and value[-5:-4] in ("+", "-") and value[-4:].isdigit():
        fixed = _OFFSET_NO_COLON.sub(r"\1:\2", value)
    if fixed != value:
        item.warnings.append(f"newsml.date: {name} offset written without a colon: {value!r}")
    try:
        if "T" in fixed:
            return datetime.fromisoformat(fixed.replace("Z", "+00:00"))
        return date.fromisoformat(fixed)
    except ValueError:
        item.unmapped.append(f"{name} {value!r} (not a full date)")
        return None
