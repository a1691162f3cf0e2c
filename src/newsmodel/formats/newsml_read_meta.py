"""Read the newsroom's metadata from NewsML-G2: itemMeta, contentMeta, rightsInfo and media.

itemMeta gives ``firstCreated``, ``embargoed``, ``pubStatus``, ``edNote``, ``signal`` and
``link``; contentMeta ``urgency``, ``contentModified``, ``creator``/``contributor`` (with roles),
``genre``, topic ``subject``s (those that name no entity), ``slugline``, ``dateline``, ``by`` and
``creditline``; ``rightsInfo`` the copyright holder, notice, usage terms and licence link.
Pictures come from ``remoteContent`` (the renditions of a picture item) and from a package's
``itemRef``s.  Codes are kept as written; a value the model cannot hold (an urgency of 12, a
code with spaces) goes to ``provenance.unmapped`` with the element's name.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any
from urllib.parse import unquote

from lxml import etree

from newsmodel.formats.newsml_read_item import (
    XML_LANG,
    _first_text,
    _Item,
    _local,
    _parse_datetime,
    _text,
)
from newsmodel.formats.newsml_write_meta import IMAGE_REL, LINK_RELATION, SIGNAL_CODES, URL_WHY
from newsmodel.models import AgentKind, AuthorRole, PubStatus, SignalKind
from newsmodel.models.metadata import QCODE_PATTERN

_QCODE = re.compile(QCODE_PATTERN)
_TOKEN = re.compile(r"^\S+$")
_KIND_BY_CODE = {code: kind for kind, code in SIGNAL_CODES.items()}


def item_meta(
    item: _Item, element: etree._Element, meta: etree._Element, fields: dict[str, Any]
) -> None:
    """``@version`` and the itemMeta fields, into ``fields``."""
    version = (element.get("version") or "").strip()
    if version.isdigit() and int(version) >= 1:
        fields["version"] = int(version)
    elif version:
        item.unmapped.append(f"version {version!r}")
    fields["first_created"] = _moment(item, item.first(meta, "firstCreated"), "firstCreated")
    fields["embargoed_until"] = _moment(item, item.first(meta, "embargoed"), "embargoed")
    status = item.first(meta, "pubStatus")
    if status is not None:
        code = (status.get("qcode") or "").partition(":")[2]
        if code in PubStatus.__members__.values():
            fields["pub_status"] = PubStatus(code)
        else:
            item.unmapped.append(f"pubStatus {status.get('qcode')}")
    notes = [
        _text(item, note)
        for note in item.all(meta, "edNote")
        if note.get("role") != "nmnote:replaced"
    ]
    if notes := [note for note in notes if note]:
        fields["editorial_note"] = "\n".join(notes)
    fields["signals"] = [s for signal in item.all(meta, "signal") if (s := _signal(item, signal))]
    links, images = [], []
    for link in item.all(meta, "link"):
        target = link.get("href") or link.get("residref") or ""
        if link.get("why") == URL_WHY and item.own:
            fields["url"] = target or None
        elif not _TOKEN.match(target):
            item.unmapped.append(f"link {link.get('rel') or ''} {target!r}")
        elif link.get("rel") == IMAGE_REL:
            images.append(
                _drop_none(url=target, caption=link.get("title"), mime_type=link.get("contenttype"))
            )
        else:
            relation = link.get("rel")
            if relation and item.own and relation.startswith(LINK_RELATION + ":"):
                relation = unquote(relation.partition(":")[2])
            links.append(
                _drop_none(
                    url=target,
                    relation=relation,
                    title=link.get("title"),
                    mime_type=link.get("contenttype"),
                )
            )
    fields["links"] = links
    fields["images"] = images


def _moment(item: _Item, element: etree._Element | None, name: str) -> date | datetime | None:
    """A date-time element (a bare date, which the XSD refuses, is kept as the date)."""
    if element is None or not (element.text or "").strip():
        return None
    return _parse_datetime(item, element.text or "", name)


def _signal(item: _Item, signal: etree._Element) -> dict[str, Any] | None:
    code = signal.get("qcode") or ""
    fields: dict[str, Any] = {}
    note = _first_text(item, signal, "name")
    if note:
        fields["note"] = note
    for related in item.all(signal, "related"):
        rel, target = related.get("rel"), related.get("qcode") or related.get("literal") or ""
        if rel == "nmrel:kind" and target.partition(":")[2] in SignalKind.__members__.values():
            fields["kind"] = SignalKind(target.partition(":")[2])
        elif rel == "nmrel:date":
            fields["date"] = _parse_datetime(item, target, "signal date")
    if "kind" not in fields and code in _KIND_BY_CODE:
        fields["kind"] = _KIND_BY_CODE[code]
    elif _QCODE.match(code):
        fields["code"] = code
    elif "kind" not in fields:
        item.unmapped.append(f"signal {code!r}")
        return None
    return fields


def content_meta(item: _Item, meta: etree._Element, fields: dict[str, Any]) -> None:
    """The contentMeta fields that are not entities, into ``fields``."""
    urgency = _first_text(item, meta, "urgency")
    if urgency is not None:
        if urgency.strip().isdigit() and 1 <= int(urgency) <= 9:
            fields["urgency"] = int(urgency)
        else:
            item.unmapped.append(f"urgency {urgency!r}")
    modified = item.first(meta, "contentModified")
    if modified is not None and (modified.text or "").strip():
        fields["date_modified"] = _parse_datetime(item, modified.text or "", "contentModified")
    credited = sorted(
        (*item.all(meta, "creator"), *item.all(meta, "contributor")), key=meta.index
    )  # in document order: the XSD lets them mix
    fields["authors"] = [author for element in credited if (author := _author(item, element))]
    fields["genres"] = [c for genre in item.all(meta, "genre") if (c := concept(item, genre))]
    for name in ("slugline", "by", "creditline"):
        text = _first_text(item, meta, name)
        if text:
            fields["byline" if name == "by" else name] = text


def _author(item: _Item, element: etree._Element) -> dict[str, Any] | None:
    name = _first_text(item, element, "name") or element.get("literal")
    if not name:
        if element.get("qcode"):
            item.unmapped.append(f"{_local(element)} {element.get('qcode')}")
        return None
    fields: dict[str, Any] = {"name": name}
    for code in (element.get("role") or "").split():
        alias, _, value = code.partition(":")
        if alias == "nmrole" and value in AuthorRole.__members__.values():
            fields["role"] = AuthorRole(value)
        elif _QCODE.match(code) and "role_code" not in fields:
            fields["role_code"] = code
        else:
            item.unmapped.append(f"{_local(element)} role {code}")
    if _local(element) == "contributor" and "role" not in fields:
        fields["role"] = AuthorRole.CONTRIBUTOR  # NewsML-G2: one who modified or enhanced it
    nature = (element.get("type") or "").partition(":")[2].lower()
    if nature == "person":
        fields["kind"] = AgentKind.PERSON
    elif nature in ("organisation", "organization"):
        fields["kind"] = AgentKind.ORGANISATION
    reference = element.get("qcode") or ""
    if item.own and reference.startswith("nmid:"):
        fields["entity"] = unquote(reference.removeprefix("nmid:"))
    return fields


def concept(item: _Item, element: etree._Element) -> dict[str, Any] | None:
    """A genre or a topic subject: its code as written, a name (in the item's language when it
    has several), and the scheme's URI when the concept's ``uri`` spells it out."""
    code = element.get("qcode")
    fields: dict[str, Any] = {}
    if code and _QCODE.match(code):
        fields["code"] = code
        uri, local_code = element.get("uri") or "", code.partition(":")[2]
        if local_code and uri.endswith(local_code) and len(uri) > len(local_code):
            fields["scheme_uri"] = uri[: -len(local_code)]
    elif code:
        item.unmapped.append(f"{_local(element)} {code!r}")
    names = [n for n in item.all(element, "name") if _text(item, n)]
    chosen = next((n for n in names if n.get(XML_LANG) == item.language), None)
    chosen = chosen if chosen is not None else (names[0] if names else None)
    if chosen is not None:
        fields["name"] = _text(item, chosen)
        if chosen.get(XML_LANG):
            fields["language"] = chosen.get(XML_LANG)
    elif element.get("literal"):
        fields["name"] = element.get("literal")
    if not fields:
        if element.get("uri"):
            item.unmapped.append(f"{_local(element)} {element.get('uri')}")
        return None
    return fields


def rights(item: _Item, element: etree._Element) -> dict[str, Any] | None:
    """The item's ``rightsInfo`` (the first one: further ones scope parts, listed)."""
    infos = item.all(element, "rightsInfo")
    if not infos:
        return None
    for extra in infos[1:]:
        item.unmapped.append(f"rightsInfo {extra.get('scope') or ''}".strip())
    info = infos[0]
    holder = item.first(info, "copyrightHolder")
    fields: dict[str, Any] = {}
    if holder is not None:
        name = _first_text(item, holder, "name") or holder.get("literal")
        if name:
            fields["copyright_holder"] = name
    for name, key in (("copyrightNotice", "copyright_notice"), ("usageTerms", "usage_terms")):
        # Our own files write one element per line of the text: empty lines are lines too.
        texts = [t for element in item.all(info, name) if (t := _text(item, element)) or item.own]
        if texts:
            fields[key] = "\n".join(texts)
    for link in item.all(info, "link"):
        href = link.get("href") or ""
        if "licen" in (link.get("rel") or "").lower() and _TOKEN.match(href):
            fields["license_url"] = href
        else:
            item.unmapped.append(f"rightsInfo link {link.get('rel') or ''} {href}".strip())
    return fields or None


def pictures(item: _Item, element: etree._Element) -> list[dict[str, Any]]:
    """Pictures: a picture item's ``remoteContent`` renditions (one image), and the picture
    members of a package (one image each, from its ``itemRef``)."""
    images = []
    content_set = item.first(element, "contentSet")
    renditions = [
        rendition
        for remote in item.all(content_set, "remoteContent")
        if (rendition := _rendition(remote))
    ]
    if renditions:
        images.append(
            {**{k: v for k, v in renditions[0].items() if k != "name"}, "renditions": renditions}
        )
    for ref in element.iter(item.tag("itemRef")):
        item_class = _item_class(item, ref)
        target = ref.get("href") or ref.get("residref") or ""
        if not item_class.endswith(":picture") or not _TOKEN.match(target):
            continue
        images.append(
            _drop_none(
                url=target,
                caption=_first_text(item, ref, "description") or None,
                mime_type=ref.get("contenttype"),
            )
        )
    return images


def package_links(item: _Item, element: etree._Element) -> list[dict[str, Any]]:
    """A package's members other than pictures, as links with the relation ``nmrel:member``."""
    links = []
    for ref in element.iter(item.tag("itemRef")):
        item_class = _item_class(item, ref)
        target = ref.get("href") or ref.get("residref") or ""
        if item_class.endswith(":picture"):
            continue
        if not _TOKEN.match(target):
            item.unmapped.append(f"itemRef {target!r}")
            continue
        links.append(
            _drop_none(
                url=target,
                relation="nmrel:member",
                title=_first_text(item, ref, "title") or None,
                mime_type=ref.get("contenttype"),
            )
        )
    return links


def _item_class(item: _Item, ref: etree._Element) -> str:
    """An itemRef's item class (``ninat:picture``), from its ``itemClass`` child."""
    element = item.first(ref, "itemClass")
    return (element.get("qcode") or "") if element is not None else ""


def _rendition(remote: etree._Element) -> dict[str, Any] | None:
    target = remote.get("href") or remote.get("residref") or ""
    if not _TOKEN.match(target):
        return None
    rendition = (remote.get("rendition") or "").partition(":")[2] or None
    return _drop_none(
        url=target,
        width=_size(remote.get("width")),
        height=_size(remote.get("height")),
        mime_type=remote.get("contenttype"),
        name=rendition,
    )


def _size(value: str | None) -> int | None:
    text = (value or "").strip()
    return int(text) if text.isdigit() and int(text) >= 1 else None


def _drop_none(**values: Any) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


__all__ = ["concept", "content_meta", "item_meta", "package_links", "pictures", "rights"]
