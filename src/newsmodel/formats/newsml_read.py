"""Read NewsML-G2 (any 2.x version, as agencies write it) into articles.

Roots: ``newsItem``, ``newsMessage`` (each item read on its own, so one bad item does not lose
the others: the failure becomes a warning on the articles that were read), ``packageItem``
(headline and the package's item titles), ``conceptItem`` and ``knowledgeItem`` (their concepts
become people, organisations, places and events), ``planningItem``.  Bodies in XHTML, NITF or
plain text.  Entities are read by :mod:`.newsml_read_entities`, the newsroom's metadata (rights,
status, codes, credits, signals, links, pictures) by :mod:`.newsml_read_meta`.  Whatever has no
place in the model is listed in ``provenance.unmapped``.

Files written by :mod:`newsmodel.formats.newsml_write` (generator ``newsmodel``) are read back
exactly: body text verbatim, ids, roles, mentions.  Foreign text is whitespace-normalised.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any
from urllib.parse import unquote

from lxml import etree
from pydantic import ValidationError

from newsmodel.errors import DocumentError
from newsmodel.formats import newsml_read_meta as meta
from newsmodel.formats.newsml_read_entities import (
    _concept,
    _concepts,
    _details,
    _entity,
    _entity_fields,
    _kind_of,
    _subject,
)
from newsmodel.formats.newsml_read_item import (
    NAR,
    XHTML,
    XML_LANG,
    _first_text,
    _Item,
    _itertext,
    _local,
    _parse_datetime,
    _squeeze,
    _text,
)
from newsmodel.formats.newsml_write import GENERATOR
from newsmodel.models import Article
from newsmodel.models.types import LANGUAGE_TAG_PATTERN
from newsmodel.xmlsafe import parse

ITEMS = ("newsItem", "packageItem", "conceptItem", "knowledgeItem", "planningItem")
_LANG_RE = re.compile(LANGUAGE_TAG_PATTERN)
_BLOCKS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "td",
        "th",
        "caption",
        "hl1",
        "hl2",
        "block",
    }
)
_NOT_BODY = frozenset(
    {
        "head",
        "title",
        "script",
        "style",
        "body.head",
        "body.end",
        "docdata",
        "byline",
        "hedline",
        "dateline",
        "tagline",
        "media",
    }
)


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
            "this is NewsML 1.x, not NewsML-G2; it cannot be read",
            where=source,
            hint="ask the provider for NewsML-G2",
        )
    ns = "{" + NAR + "}" if qname.namespace else ""
    notes = [f"{m.code}: {m.message}" for m in document.warnings]
    if not ns:
        notes.append("newsml.namespace: the document is in no namespace; read as NewsML-G2")
    if qname.localname == "newsMessage":
        items = [  # every itemSet: a non-conforming message may have several
            child
            for item_set in root.iterchildren(f"{ns or '{}'}itemSet")
            for child in item_set
            if isinstance(child.tag, str)
        ]
    elif qname.localname in ITEMS:
        items = [root]
    else:
        raise DocumentError(
            f"<{qname.localname}> carries no news item (expected newsItem, newsMessage, "
            "packageItem, conceptItem, knowledgeItem or planningItem)",
            where=source,
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
            article.model_copy(
                update={
                    "provenance": article.provenance.model_copy(
                        update={"warnings": [*article.provenance.warnings, *warning]}
                    )
                }
            )
            for article in articles
        ]
    return articles


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
        chosen = next(
            (d for d in descriptions if d.get("role") == "drol:summary"),
            descriptions[0] if descriptions else None,
        )
        description = _text(item, chosen) if chosen is not None else None
    fields["description"] = description if item.own else description or None
    fields["date_published"] = _publication_date(item, item_meta, content_meta)
    fields["language"] = item.language = _language(item, element, content_meta)
    body, word_count, nitf_headline = _body(item, element, kind)
    fields["headline"] = headline if headline or item.own else nitf_headline or headline or None
    fields["body"] = body
    fields["word_count"] = word_count if word_count is not None else len(body.split())
    if content_meta is not None:
        fields["keywords"] = [
            t for k in item.all(content_meta, "keyword") if (t := _text(item, k)) or item.own
        ]
        meta.content_meta(item, content_meta, fields)
    if item_meta is not None:
        for note in item.all(item_meta, "edNote"):
            if note.get("role") == "nmnote:replaced":
                item.warnings.append(f"newsml.replaced-characters: {_text(item, note)}")
        fields["publisher"] = _publisher(item, item_meta)
        meta.item_meta(item, element, item_meta, fields)
    fields["rights"] = meta.rights(item, element)
    fields["images"] = [*fields.get("images", []), *meta.pictures(item, element)]
    fields["links"] = [*fields.get("links", []), *meta.package_links(item, element)]

    if content_meta is not None:
        subjects = [s for s in item.all(content_meta, "subject") if not _subject(item, s)]
        fields["subjects"] = [c for s in subjects if (c := meta.concept(item, s))]
        places = [_located(item, located) for located in item.all(content_meta, "located")]
        dateline = _first_text(item, content_meta, "dateline")
        if dateline:
            fields["dateline"] = {"text": dateline, "place": next(iter(places), None)}
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
        "source": source,
        "format": "newsml",
        "warnings": item.warnings,
        "unmapped": item.unmapped,
    }
    try:
        return Article.model_validate(fields)
    except ValidationError as error:
        first = error.errors()[0]
        where = "/".join(str(part) for part in first["loc"])
        raise DocumentError(f"cannot build an article: {where}: {first['msg']}") from None


def _located(item: _Item, located: etree._Element) -> str | None:
    """A ``located`` place (the dateline's) as an entity; its id."""
    reference = located.get("qcode") or located.get("literal") or located.get("uri") or ""
    return _entity(item, located, _kind_of(item, located) or "places", reference)


# -- item-level fields ---------------------------------------------------------------------------


def _article_id(guid: str | None, index: int) -> str:
    if guid and guid.startswith("urn:newsmodel:article:"):
        return unquote(guid.removeprefix("urn:newsmodel:article:"))
    text = _squeeze(guid or "")[:1024]
    return text or f"item-{index}"


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
                item.warnings.append(
                    "newsml.date: no contentCreated or firstCreated; "
                    "the publication date is versionCreated"
                )
            return value
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
    remote = [
        c.get("href") or c.get("residref") or ""
        for c in content_set
        if _local(c) == "remoteContent"
    ]
    for href in remote:
        if not href:
            item.unmapped.append("remoteContent without a reference")
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
    return "\n\n".join(lines)
