"""Read NewsML-G2 (any 2.x version, as agencies write it) into articles.

Roots: ``newsItem``, ``newsMessage`` (each item read on its own, so one bad item does not lose
the others: the failure becomes a warning on the articles that were read), ``packageItem``
(headline and the package's item titles), ``conceptItem`` and ``knowledgeItem`` (their concepts
become people, organisations, places and events), ``planningItem``.  Bodies in XHTML, NITF or
plain text.  Subjects typed ``cpnat:person|organisation|geoArea|poi|event`` become entities;
``assert`` and concept details add affiliations, countries, event dates, locations and
participants.  Whatever has no place in the model is listed in ``provenance.unmapped``.

Files written by :mod:`newsmodel.formats.newsml_write` (generator ``newsmodel``) are read back
exactly: body text verbatim, ids, roles, mentions.  Foreign text is whitespace-normalised.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any
from urllib.parse import unquote

from lxml import etree
from pydantic import ValidationError

from newsmodel.errors import DocumentError
from newsmodel.formats.newsml_write import GENERATOR, LATIN
from newsmodel.models import (
    Article,
    Author,
    EventCategory,
    EventStatus,
    PartialDate,
    PlaceKind,
)
from newsmodel.models.types import COUNTRY_CODE_PATTERN, ENTITY_ID_PATTERN, LANGUAGE_TAG_PATTERN
from newsmodel.xmlsafe import parse

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ITEMS = ("newsItem", "packageItem", "conceptItem", "knowledgeItem", "planningItem")

KINDS: dict[str, str] = {
    "person": "persons",
    "organisation": "organisations",
    "organization": "organisations",
    "geoarea": "places",
    "poi": "places",
    "event": "events",
}
"""Concept natures (``cpnat:*``, older ``cptype:*``) that become entities, by model list."""

_ID_RE = re.compile(ENTITY_ID_PATTERN)
_LANG_RE = re.compile(LANGUAGE_TAG_PATTERN)
COUNTRY = re.compile(COUNTRY_CODE_PATTERN)
_OFFSET_NO_COLON = re.compile(r"([+-]\d{2})(\d{2})$")
_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd",
                     "dt", "td", "th", "caption", "hl1", "hl2", "block"})
_NOT_BODY = frozenset({"head", "title", "script", "style", "body.head", "body.end", "docdata",
                       "byline", "hedline", "dateline", "tagline", "media"})


def load(data: bytes, *, source: str | None = None) -> list[Article]:
    """Every article in a NewsML-G2 document; raise :class:`DocumentError` if none can be read."""
    document = parse(data, source=source)
    root = document.root
    qname = etree.QName(root)
    if qname.namespace not in (NAR, None):
        raise DocumentError(
            f"<{qname.localname}> is in namespace {qname.namespace!r}, not NewsML-G2's",
            where=source,
        )
    if qname.localname == "NewsML":
        raise DocumentError(
            "this is NewsML 1.x, not NewsML-G2; it cannot be read", where=source,
            hint="ask the provider for NewsML-G2",
        )
    ns = "{" + NAR + "}" if qname.namespace else ""
    notes = [f"{m.code}: {m.message}" for m in document.warnings]
    if not ns:
        notes.append("newsml.namespace: the document is in no namespace; read as NewsML-G2")
    if qname.localname == "newsMessage":
        items = [  # every itemSet: a non-conforming message may have several
            child for item_set in root.iterchildren(f"{ns or '{}'}itemSet")
            for child in item_set if isinstance(child.tag, str)
        ]
    elif qname.localname in ITEMS:
        items = [root]
    else:
        raise DocumentError(
            f"<{qname.localname}> carries no news item (expected newsItem, newsMessage, "
            "packageItem, conceptItem, knowledgeItem or planningItem)", where=source,
        )
    articles: list[Article] = []
    failures: list[str] = []
    for index, item in enumerate(items):
        local = _local(item)
        label = f"item {index}" if len(items) > 1 else local
        if local not in ITEMS:
            failures.append(f"{label} (line {item.sourceline}): <{local}> is not a NewsML-G2 item")
            continue
        try:
            articles.append(_read_item(item, ns, index, source, notes))
        except DocumentError as error:
            failures.append(f"{label} (line {item.sourceline}): {error.message}")
    if not articles:
        raise DocumentError(
            "no article could be read: " + ("; ".join(failures) or "the itemSet is empty"),
            where=source,
        )
    if failures:
        warning = [f"newsml.item-skipped: {failure}" for failure in failures]
        articles = [
            article.model_copy(update={"provenance": article.provenance.model_copy(
                update={"warnings": [*article.provenance.warnings, *warning]})})
            for article in articles
        ]
    return articles


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


def _read_item(
    element: etree._Element, ns: str, index: int, source: str | None, notes: list[str]
) -> Article:
    item = _Item(element, ns, notes)
    kind = _local(element)
    item_meta = item.first(element, "itemMeta")
    content_meta = item.first(element, "contentMeta")
    generator = item.first(item_meta, "generator") if item_meta is not None else None
    item.own = generator is not None and (generator.text or "").strip() == GENERATOR
    fields: dict[str, Any] = {"id": _article_id(element.get("guid"), index)}

    headline = _first_text(item, content_meta, "headline")
    if headline is None and item_meta is not None:
        headline = _first_text(item, item_meta, "title")
    description = None
    if content_meta is not None:
        descriptions = item.all(content_meta, "description")
        chosen = next((d for d in descriptions if d.get("role") == "drol:summary"),
                      descriptions[0] if descriptions else None)
        description = _text(item, chosen) if chosen is not None else None
    fields["description"] = description if item.own else description or None
    fields["date_published"] = _publication_date(item, item_meta, content_meta)
    fields["language"] = item.language = _language(item, element, content_meta)
    body, word_count, nitf_headline = _body(item, element, kind)
    fields["headline"] = headline if headline or item.own else nitf_headline or headline or None
    fields["body"] = body
    fields["word_count"] = word_count if word_count is not None else len(body.split())
    if content_meta is not None:
        fields["keywords"] = [t for k in item.all(content_meta, "keyword")
                              if (t := _text(item, k)) or item.own]
        fields["authors"] = _authors(item, content_meta)
    if item_meta is not None:
        for note in item.all(item_meta, "edNote"):
            if note.get("role") == "nmnote:replaced":
                item.warnings.append(f"newsml.replaced-characters: {_text(item, note)}")
        fields["publisher"] = _publisher(item, item_meta)
        fields["url"] = _url(item, item_meta)

    if content_meta is not None:
        for subject in item.all(content_meta, "subject"):
            _subject(item, subject)
        for located in item.all(content_meta, "located"):
            _subject(item, located, default_kind="places")
    for concept in _concepts(item, element):
        _concept(item, concept)
    for assertion in item.all(element, "assert"):
        target = item.aliases.get(assertion.get("qcode") or assertion.get("literal") or "")
        if target is None:
            item.unmapped.append(f"assert {assertion.get('qcode') or assertion.get('literal')}")
            continue
        _details(item, target, assertion)
    _entity_fields(item, fields)
    fields["provenance"] = {
        "source": source, "format": "newsml", "warnings": item.warnings,
        "unmapped": item.unmapped,
    }
    try:
        return Article.model_validate(fields)
    except ValidationError as error:
        first = error.errors()[0]
        where = "/".join(str(part) for part in first["loc"])
        raise DocumentError(f"cannot build an article: {where}: {first['msg']}") from None


# -- item-level fields ---------------------------------------------------------------------------

def _local(element: etree._Element) -> str:
    """The local name of an element's tag ("" for comments and processing instructions);
    cheaper than building an ``etree.QName``."""
    tag = element.tag
    return tag.rpartition("}")[2] if tag.__class__ is str else ""


def _article_id(guid: str | None, index: int) -> str:
    if guid and guid.startswith("urn:newsmodel:article:"):
        return unquote(guid.removeprefix("urn:newsmodel:article:"))
    text = _squeeze(guid or "")[:1024]
    return text or f"item-{index}"


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


def _publication_date(
    item: _Item, item_meta: etree._Element | None, content_meta: etree._Element | None
) -> date | datetime | None:
    candidates = [("contentCreated", content_meta)]
    if not item.own:
        candidates += [("firstCreated", item_meta), ("versionCreated", item_meta)]
    for name, parent in candidates:
        element = item.first(parent, name)
        text = element.text if element is not None else None
        if not text or text.isspace():
            continue
        value = _parse_datetime(item, text, name)
        if value is not None:
            if name == "versionCreated":
                item.warnings.append("newsml.date: no contentCreated or firstCreated; "
                                     "the publication date is versionCreated")
            return value
    return None


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


def _language(
    item: _Item, element: etree._Element, content_meta: etree._Element | None
) -> str | None:
    tags = []
    if content_meta is not None:
        tags += [lang.get("tag") for lang in item.all(content_meta, "language")]
    tags.append(element.get(XML_LANG))
    for tag in tags:
        if tag and _LANG_RE.match(tag):
            return tag
        if tag:
            item.warnings.append(f"newsml.language: {tag!r} is not a language tag")
    return None


def _authors(item: _Item, content_meta: etree._Element) -> list[Author]:
    authors = []
    for creator in item.all(content_meta, "creator"):
        name = _first_text(item, creator, "name") or creator.get("literal")
        if name:
            authors.append(name)
        elif creator.get("qcode"):
            item.unmapped.append(f"creator {creator.get('qcode')}")
    if not authors:
        authors = [text for by in item.all(content_meta, "by") if (text := _text(item, by))]
    return [Author(name=name) for name in authors]


def _publisher(item: _Item, item_meta: etree._Element) -> str | None:
    provider = item.first(item_meta, "provider")
    if provider is None:
        return None
    name = _first_text(item, provider, "name")
    if name:
        return name
    if provider.get("literal"):
        return provider.get("literal")
    code = provider.get("qcode")
    return code.split(":", 1)[-1] if code else None


def _url(item: _Item, item_meta: etree._Element) -> str | None:
    for link in item.all(item_meta, "link"):
        if link.get("rel") == "irel:seeAlso" and item.own:
            return link.get("href") or None
        target = link.get("href") or link.get("residref") or ""
        item.unmapped.append(f"link {link.get('rel') or ''} {target}".strip())
    return None


# -- body ----------------------------------------------------------------------------------------

def _body(item: _Item, element: etree._Element, kind: str) -> tuple[str, int | None, str | None]:
    """Body text, the declared word count, and a headline found in NITF (if any)."""
    content_set = item.first(element, "contentSet")
    if content_set is None:
        if kind == "packageItem":
            return _package_body(item, element), None, None
        return "", None, None
    for content in content_set:
        if not isinstance(content.tag, str):
            continue
        name = _local(content)
        count = _word_count(content.get("wordcount"))
        if name == "inlineXML":
            body, headline = _inline_xml(item, content)
            return body, count, headline
        if name == "inlineData":
            text = content.text or ""
            contenttype = content.get("contenttype") or "text/plain"
            if "html" in contenttype or "xml" in contenttype:
                item.unmapped.append(f"inlineData {contenttype} (read as text)")
            return (text if item.own else text.strip()), count, None
    remote = [c.get("href") or c.get("residref") or "" for c in content_set
              if _local(c) == "remoteContent"]
    for href in remote:
        item.unmapped.append(f"remoteContent {href}".strip())
    return "", None, None


def _word_count(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


def _inline_xml(item: _Item, inline: etree._Element) -> tuple[str, str | None]:
    children = [child for child in inline if isinstance(child.tag, str)]
    if not children:
        return _text(item, inline), None
    root = children[0]
    local = _local(root)
    if item.own and root.tag == f"{{{XHTML}}}html":
        paragraphs = root.iterfind(f"{{{XHTML}}}body/{{{XHTML}}}p")
        return "\n\n".join(p.text or "" for p in paragraphs), None
    headline = None
    if local == "nitf":
        hedline = next(root.iter("{*}hl1"), None)
        if hedline is not None:
            headline = _squeeze(_itertext(hedline)) or None
        content = next(root.iter("{*}body.content"), None)
        return _paragraphs(content if content is not None else root), headline
    return _paragraphs(root), headline


def _paragraphs(root: etree._Element) -> str:
    """Text of the block elements (p, h1.., li...), one paragraph each; loose text otherwise."""
    parts: list[str] = []
    _collect_blocks(root, parts)
    if not parts:
        return _squeeze(_itertext(root))
    return "\n\n".join(parts)


def _collect_blocks(element: etree._Element, parts: list[str]) -> None:
    """Walk down to block elements (not into them, nor into heads and metadata)."""
    for child in element.iterchildren("*"):
        local = child.tag.rpartition("}")[2]  # "*": elements only
        if local in _BLOCKS:
            # A paragraph without markup (the usual case) has its text in .text.
            text = _squeeze(child.text or "" if len(child) == 0 else _itertext(child))
            if text:
                parts.append(text)
        elif local not in _NOT_BODY:
            _collect_blocks(child, parts)


def _package_body(item: _Item, element: etree._Element) -> str:
    """A package has no body of its own: the titles of the items it groups stand in for it."""
    lines = []
    for ref in element.iter(item.tag("itemRef")):
        title = _first_text(item, ref, "title") or _first_text(item, ref, "description")
        if title:
            lines.append(title)
        item.unmapped.append(f"itemRef {ref.get('residref') or ref.get('href') or ''}".strip())
    return "\n\n".join(lines)


# -- entities ------------------------------------------------------------------------------------

def _kind_of(item: _Item, element: etree._Element, *, concept: bool = False) -> str | None:
    """The model list an element's concept nature maps to: from its ``type`` attribute, or
    (concepts, and subjects without the attribute) its ``type`` child."""
    attribute = element.get("type")
    codes = [attribute] if attribute else []
    if not attribute or concept:
        type_element = item.first(element, "type")
        if type_element is not None:
            codes.append(type_element.get("qcode") or "")
    for code in codes:
        alias, _, value = code.partition(":")
        if alias in ("cpnat", "cptype") and value.lower() in KINDS:
            return KINDS[value.lower()]
    return None


def _entity_id(item: _Item, reference: str) -> str:
    if reference.startswith("nmid:") and item.own:
        return unquote(reference.removeprefix("nmid:"))
    candidate = reference.replace(" ", "-")
    if not _ID_RE.match(candidate):
        candidate = "x-" + re.sub(r"[^A-Za-z0-9._~:/#-]", "-", candidate)[:200].strip("-")
        if not _ID_RE.match(candidate):
            candidate = f"x-{abs(hash(reference)) % 10**8}"
    return candidate


def _subject(item: _Item, subject: etree._Element, default_kind: str | None = None) -> None:
    kind = _kind_of(item, subject) or default_kind
    reference = subject.get("qcode") or subject.get("literal") or subject.get("uri") or ""
    if kind is None:
        item.unmapped.append(f"subject {reference}".strip())
        return
    _entity(item, subject, kind, reference)


def _concepts(item: _Item, element: etree._Element) -> Iterator[etree._Element]:
    yield from item.all(element, "concept")
    yield from item.all(item.first(element, "conceptSet"), "concept")


def _concept(item: _Item, concept: etree._Element) -> None:
    kind = _kind_of(item, concept, concept=True)
    concept_id = item.first(concept, "conceptId")
    reference = ""
    if concept_id is not None:
        reference = concept_id.get("qcode") or concept_id.get("uri") or ""
    if kind is None:
        item.unmapped.append(f"concept {reference}".strip())
        return
    entity_id = _entity(item, concept, kind, reference)
    if entity_id is not None:
        _details(item, entity_id, concept)


def _entity(item: _Item, element: etree._Element, kind: str, reference: str) -> str | None:
    names = item.all(element, "name")
    fields: dict[str, Any] = {"alternate_names": [], "mentions": [], "same_as": []}
    if kind == "events":
        fields = {"mentions": []}
    for name_element in names:
        text = _text(item, name_element)
        if not text and not item.own:
            continue
        role = name_element.get("role") or ""
        language = name_element.get(XML_LANG) or ""
        if kind == "persons" and language.endswith("-" + LATIN) and language != item.language:
            fields.setdefault("name_latin", text)
        elif role == "nrol:first" and kind == "persons":
            fields["given_name"] = text
        elif role == "nrol:last" and kind == "persons":
            fields["family_name"] = text
        elif "name" not in fields and role in ("", "nrol:full", "nrol:display"):
            fields["name"] = text
        elif kind != "events" and (item.own or text not in fields["alternate_names"]):
            fields["alternate_names"].append(text)
    if "name" not in fields:
        fallback = element.get("literal") or reference.partition(":")[2] or reference
        alternates = fields.get("alternate_names") or []
        fields["name"] = alternates.pop(0) if alternates else fallback
    if not fields["name"]:
        item.unmapped.append(f"{kind} entity without a name {reference}".strip())
        return None
    entity_id = item.aliases.get(reference) or _entity_id(item, reference or fields["name"])
    if entity_id in item.entities:
        return entity_id  # the same concept twice (subject and located, say)
    fields["id"] = entity_id
    item.aliases[reference or fields["name"]] = entity_id
    _relations(item, element, kind, fields)
    item.entities[entity_id] = fields
    item.kinds[entity_id] = kind
    return entity_id


def _relations(item: _Item, element: etree._Element, kind: str, fields: dict[str, Any]) -> None:
    for child in element:
        if not isinstance(child.tag, str):
            continue
        local = _local(child)
        rel = child.get("rel") or ""
        target = child.get("qcode") or child.get("uri") or child.get("literal") or ""
        if local == "note" and child.get("role") == "nmnote:mentions":
            fields["_mentions"] = (child.text or "").split()
        elif local == "sameAs" and kind != "events":
            fields["same_as"].append(child.get("uri") or child.get("qcode") or "")
        elif local == "definition" and kind == "events":
            fields["description"] = _text(item, child)
        elif rel == "nmrel:occupation" and kind == "persons":
            fields["job_title"] = _first_text(item, child, "name") or child.get("literal")
        elif rel == "nmrel:nationality" and kind == "persons":
            fields["_nationality"] = target
        elif local == "broader" and kind == "organisations":
            fields["_parent"] = target
        elif local == "broader" and kind == "places":
            fields["_container"] = target
        elif rel == "nmrel:country-code" and kind == "places":
            code = target.partition(":")[2].upper()
            if COUNTRY.match(code):
                fields["country_code"] = code
            else:
                item.unmapped.append(f"country code {target}")
        elif rel == "nmrel:kind" and kind == "places":
            fields["kind"] = _enum(PlaceKind, unquote(target.partition(":")[2]))
        elif rel == "nmrel:category" and kind == "events":
            fields["category"] = _enum(EventCategory, unquote(target.partition(":")[2]))
        elif rel == "nmrel:status" and kind == "events":
            fields["status"] = _enum(EventStatus, unquote(target.partition(":")[2]))
        elif rel == "nmrel:end-date" and kind == "events":
            fields["end_date"] = _partial(item, target)
        elif rel == "nmrel:location" and kind == "events":
            fields.setdefault("_location", []).append(target)
        elif kind == "events" and (rel == "nmrel:participant" or rel.startswith("nmrole:")):
            role = unquote(rel.removeprefix("nmrole:")) if rel.startswith("nmrole:") else None
            fields.setdefault("_participants", []).append((target, role))
        elif local in ("related", "broader", "narrower", "sameAs"):
            item.unmapped.append(f"{local} {rel} {target}".replace("  ", " ").strip())


def _enum(enum: Callable[[str], Any], value: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        return None


def _partial(item: _Item, text: str | None) -> PartialDate | None:
    value = (text or "").strip()[:10]
    try:
        return PartialDate.parse(value)
    except ValueError:
        if value:
            item.unmapped.append(f"date {text!r}")
        return None


def _details(item: _Item, entity_id: str, element: etree._Element) -> None:
    fields = item.entities[entity_id]
    kind = item.kinds[entity_id]
    for details in element:
        if not isinstance(details.tag, str):
            continue
        local = _local(details)
        if local == "personDetails" and kind == "persons":
            fields["_affiliation"] = [
                a.get("qcode") or a.get("literal") or ""
                for a in item.all(details, "affiliation")
            ]
            for affiliation in item.all(details, "affiliation"):
                _maybe_entity(item, affiliation, "organisations")
        elif local == "organisationDetails" and kind == "organisations":
            location = item.first(details, "location")
            if location is not None:
                _maybe_entity(item, location, "places")
                fields["_country"] = location.get("qcode") or location.get("literal") or ""
        elif local == "eventDetails" and kind == "events":
            _event_details(item, fields, details)
        elif local == "geoAreaDetails" and kind == "places":
            _position(item, fields, item.first(details, "position"))


def _position(item: _Item, fields: dict[str, Any], position: etree._Element | None) -> None:
    """``position``'s latitude and longitude (decimal degrees), when both are in range."""
    if position is None:
        return
    try:
        latitude = float(position.get("latitude") or "nan")
        longitude = float(position.get("longitude") or "nan")
    except ValueError:
        latitude = longitude = math.nan
    if abs(latitude) <= 90 and abs(longitude) <= 180:
        fields["geo"] = {"latitude": latitude, "longitude": longitude}
    else:
        item.unmapped.append(
            f"position {position.get('latitude')!r} {position.get('longitude')!r}"
        )


def _maybe_entity(item: _Item, element: etree._Element, kind: str) -> None:
    """A foreign detail naming an entity the subjects did not list becomes one, if named."""
    reference = element.get("qcode") or element.get("literal") or ""
    if reference in item.aliases or item.first(element, "name") is None:
        return
    _entity(item, element, kind, reference)


def _event_details(item: _Item, fields: dict[str, Any], details: etree._Element) -> None:
    start = item.first(item.first(details, "dates"), "start")
    end = item.first(item.first(details, "dates"), "end")
    if start is not None:
        fields["start_date"] = _partial(item, start.text)
    if end is not None:
        fields["end_date"] = _partial(item, end.text)
    fields.setdefault("_location", [])
    for location in item.all(details, "location"):
        _maybe_entity(item, location, "places")
        fields["_location"].append(location.get("qcode") or location.get("literal") or "")
    fields.setdefault("_participants", [])
    for participant in [*item.all(details, "participant"),
                        *item.all(details, "organiser")]:
        _maybe_entity(item, participant, "persons")
        role = participant.get("role") or ("organiser"
                                           if _local(participant) == "organiser"
                                           else None)
        if role and role.startswith("nmrole:") and item.own:
            role = unquote(role.removeprefix("nmrole:"))
        fields["_participants"].append(
            (participant.get("qcode") or participant.get("literal") or "", role)
        )


def _entity_fields(item: _Item, article: dict[str, Any]) -> None:
    """Resolve references (dropping, and noting, those that point nowhere) and fill the lists."""
    body = article["body"]

    def resolve(reference: str, wanted: tuple[str, ...], what: str) -> str | None:
        target = item.aliases.get(reference)
        if target is None and reference.startswith("nmid:"):
            target = unquote(reference.removeprefix("nmid:"))
        if target is not None and item.kinds.get(target) in wanted:
            return target
        if reference:
            item.unmapped.append(f"{what} {reference}")
        return None

    lists: dict[str, list[dict[str, Any]]] = {
        "persons": [], "organisations": [], "places": [], "events": []
    }
    for entity_id, fields in item.entities.items():
        kind = item.kinds[entity_id]
        mentions = []
        for span in fields.pop("_mentions", []):
            start, _, end = span.partition(":")
            if start.isdigit() and end.isdigit() and int(start) <= int(end) <= len(body):
                mentions.append({"start": int(start), "end": int(end),
                                 "text": body[int(start):int(end)]})
        fields["mentions"] = mentions
        if kind == "persons":
            fields["affiliation"] = [
                t for ref in fields.pop("_affiliation", [])
                if (t := resolve(ref, ("organisations",), "affiliation"))
            ]
            fields["nationality"] = resolve(
                fields.pop("_nationality", ""), ("places",), "nationality")
        elif kind == "organisations":
            fields["country"] = resolve(fields.pop("_country", ""), ("places",), "country")
            parent = resolve(fields.pop("_parent", ""), ("organisations",), "parent")
            fields["parent"] = parent if parent != entity_id else None
        elif kind == "places":
            container = resolve(fields.pop("_container", ""), ("places",), "broader")
            fields["contained_in"] = container if container != entity_id else None
        elif kind == "events":
            fields["location"] = [
                t for ref in fields.pop("_location", [])
                if (t := resolve(ref, ("places",), "event location"))
            ]
            fields["participants"] = [
                {"id": t, "role": role} for ref, role in fields.pop("_participants", [])
                if (t := resolve(ref, ("persons", "organisations", "places"), "participant"))
            ]
            start, end = fields.get("start_date"), fields.get("end_date")
            if start is not None and end is not None and end.last_day() < start.first_day():
                item.unmapped.append(f"event end {end} before start {start}")
                fields["end_date"] = None
        lists[kind].append({k: v for k, v in fields.items() if v is not None})
    article.update(lists)
