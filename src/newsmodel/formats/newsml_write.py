"""Write articles as NewsML-G2 2.35 (power conformance) that IPTC's XSD accepts.

One article is a ``newsItem``; several are a ``newsMessage`` with a ``header``.  The mapping
(docs/newsml.md has the full table):

- itemMeta: itemClass ``ninat:text``, provider (the publisher), versionCreated, firstCreated
  (when the publication time is known), pubStatus ``stat:usable``, generator, link (the URL);
- contentMeta: contentCreated (the publication date, truncated dates allowed), located (a
  dateline place), creator (bylines), language, keyword, one ``subject`` per person,
  organisation, place and event (typed ``cpnat:*``, named, with alternate and Latin names,
  ``sameAs``, occupation, nationality, parent, place kind), headline, description
  (``drol:summary``);
- one ``assert`` per entity with details NewsML-G2 has a place for: a person's affiliations, an
  organisation's country, an event's dates, location, participants (with roles), category and
  evidence sentence;
- contentSet: the body as XHTML paragraphs in ``inlineXML`` (``body="xhtml"``, the default) or as
  plain text in ``inlineData`` (``body="text"``).

Entity qcodes use the scheme alias ``nmid`` declared in an inline catalog; roles, relations,
categories and place kinds use other inline schemes, so the reader can rebuild every reference.

XML 1.0 cannot carry C0 controls (other than tab, LF, CR), U+FFFE/U+FFFF or lone surrogates.
Each one is replaced by U+FFFD, which keeps every mention offset valid, and the item carries an
``edNote`` (role ``nmnote:replaced``) counting them.  Attribute values and the NewsML-G2 string
types that forbid tab, CR and LF (names, keywords, literals) get spaces instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from importlib.metadata import PackageNotFoundError, version
from typing import Any, Literal
from urllib.parse import quote

from lxml import etree

from newsmodel.models import Article, Event, Organisation, Person, Place

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
IPTC_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"
GENERATOR = "newsmodel"

SCHEMES: dict[str, str] = {
    "nmid": "urn:newsmodel:id:",
    "nmrel": "urn:newsmodel:relation:",
    "nmrole": "urn:newsmodel:role:",
    "nmevcat": "urn:newsmodel:event-category:",
    "nmplk": "urn:newsmodel:place-kind:",
    "nmnote": "urn:newsmodel:note:",
}
"""Inline catalog: alias -> scheme URI.  The reader relies on these aliases."""

ENTITY_TYPES = {
    Person: "cpnat:person",
    Organisation: "cpnat:organisation",
    Place: "cpnat:geoArea",
    Event: "cpnat:event",
}
LATIN = "Latn"
BodyStyle = Literal["xhtml", "text"]
_G2_NSMAP: dict[Any, str] = {None: NAR}  # Any: lxml-stubs do not allow the None (default) key
_XHTML_NSMAP: dict[Any, str] = {None: XHTML}

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_LINE_BREAKS = re.compile("[\t\n\r]")
_IRI_UNSAFE = re.compile(r"[\x00-\x20\"<>\\^`{|}\x7f]")
_DATELINE_END = re.compile(r"\s*[,—–-]")


def _version() -> str:
    try:
        return version("newsmodel")
    except PackageNotFoundError:  # pragma: no cover - source tree without install
        return "0"


class _Text:
    """Makes strings XML-safe and counts what it had to replace."""

    def __init__(self) -> None:
        self.replaced = 0

    def block(self, text: str) -> str:
        """Text content: forbidden characters become U+FFFD (one for one, offsets survive)."""
        cleaned, count = _FORBIDDEN.subn("\ufffd", text)
        self.replaced += count
        return cleaned

    def line(self, text: str) -> str:
        """A g2normalizedString (no tab, CR or LF): those become spaces as well."""
        return _LINE_BREAKS.sub(" ", self.block(text))


def qcode(alias: str, code: str) -> str:
    """``alias:code`` with the code percent-encoded so it never holds whitespace."""
    return f"{alias}:{quote(code, safe='')}"


def dump(
    article: Article,
    *,
    body: BodyStyle = "xhtml",
    version_created: datetime | None = None,
    indent: bool = True,
) -> bytes:
    """One article as a NewsML-G2 ``newsItem`` (UTF-8, with an XML declaration)."""
    stamp = version_created or _now()
    root = build_item(article, body=body, version_created=stamp)
    return _serialise(root, indent)


def dump_many(
    articles: Iterable[Article],
    *,
    body: BodyStyle = "xhtml",
    version_created: datetime | None = None,
    indent: bool = True,
) -> bytes:
    """Several articles as one ``newsMessage`` with a header and an ``itemSet``."""
    stamp = version_created or _now()
    message = etree.Element(f"{{{NAR}}}newsMessage", nsmap=_G2_NSMAP)
    header = etree.SubElement(message, f"{{{NAR}}}header")
    etree.SubElement(header, f"{{{NAR}}}sent").text = _datetime(stamp)
    item_set = etree.SubElement(message, f"{{{NAR}}}itemSet")
    for article in articles:
        item_set.append(build_item(article, body=body, version_created=stamp))
    return _serialise(message, indent)


def _serialise(root: etree._Element, indent: bool) -> bytes:
    if indent:
        etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def build_item(article: Article, *, body: BodyStyle, version_created: datetime) -> etree._Element:
    """The ``newsItem`` element for one article."""
    if body not in ("xhtml", "text"):
        raise ValueError(f"body must be 'xhtml' or 'text', not {body!r}")
    text = _Text()
    item = etree.Element(f"{{{NAR}}}newsItem", nsmap=_G2_NSMAP)
    item.set("guid", "urn:newsmodel:article:" + quote(article.id, safe=":/._~-"))
    item.set("version", "1")
    item.set("standard", "NewsML-G2")
    item.set("standardversion", "2.35")
    item.set("conformance", "power")
    if article.language:
        item.set(XML_LANG, article.language)
    etree.SubElement(item, f"{{{NAR}}}catalogRef", href=IPTC_CATALOG)
    catalog = etree.SubElement(item, f"{{{NAR}}}catalog")
    for alias, uri in SCHEMES.items():
        etree.SubElement(catalog, f"{{{NAR}}}scheme", alias=alias, uri=uri)
    item_meta = _item_meta(item, article, version_created, text)
    _content_meta(item, article, text)
    for entity in article.entities():
        _assert(item, entity, text)
    _content_set(item, article, body, text)
    if text.replaced:
        note = etree.Element(f"{{{NAR}}}edNote", role="nmnote:replaced")
        note.text = (
            f"newsmodel replaced {text.replaced} character(s) that XML 1.0 cannot carry "
            "with U+FFFD"
        )
        # edNote comes right after generator (and title) in itemMeta's sequence.
        generator = item_meta.find(f"{{{NAR}}}generator")
        assert generator is not None
        generator.addnext(note)
    return item


def _item_meta(
    item: etree._Element, article: Article, version_created: datetime, text: _Text
) -> etree._Element:
    meta = etree.SubElement(item, f"{{{NAR}}}itemMeta")
    etree.SubElement(meta, f"{{{NAR}}}itemClass", qcode="ninat:text")
    provider = etree.SubElement(meta, f"{{{NAR}}}provider")
    if article.publisher:
        provider.set("literal", text.line(article.publisher))
        etree.SubElement(provider, f"{{{NAR}}}name").text = text.line(article.publisher)
    else:
        provider.set("uri", "urn:newsmodel:provider:unknown")
    etree.SubElement(meta, f"{{{NAR}}}versionCreated").text = _datetime(version_created)
    published = article.date_published
    if isinstance(published, datetime):
        etree.SubElement(meta, f"{{{NAR}}}firstCreated").text = _datetime(published)
    etree.SubElement(meta, f"{{{NAR}}}pubStatus", qcode="stat:usable")
    generator = etree.SubElement(meta, f"{{{NAR}}}generator", versioninfo=_version())
    generator.text = GENERATOR
    if article.url:
        etree.SubElement(meta, f"{{{NAR}}}link", rel="irel:seeAlso", href=_iri(article.url))
    return meta


def _content_meta(item: etree._Element, article: Article, text: _Text) -> None:
    meta = etree.SubElement(item, f"{{{NAR}}}contentMeta")
    if article.date_published is not None:
        created = etree.SubElement(meta, f"{{{NAR}}}contentCreated")
        created.text = _datetime(article.date_published)
    dateline = _dateline_place(article)
    if dateline is not None:
        located = etree.SubElement(meta, f"{{{NAR}}}located", qcode=qcode("nmid", dateline.id))
        located.set("type", "cpnat:geoArea")
        _name(located, dateline.name, article.language, text)
    for author in article.authors:
        creator = etree.SubElement(meta, f"{{{NAR}}}creator")
        _name(creator, author, None, text)
    if article.language:
        etree.SubElement(meta, f"{{{NAR}}}language", tag=article.language)
    for keyword in article.keywords:
        etree.SubElement(meta, f"{{{NAR}}}keyword").text = text.line(keyword)
    for entity in article.entities():
        _subject(meta, entity, article.language, text)
    if article.headline is not None:
        etree.SubElement(meta, f"{{{NAR}}}headline").text = text.block(article.headline)
    if article.description is not None:
        description = etree.SubElement(meta, f"{{{NAR}}}description", role="drol:summary")
        description.text = text.block(article.description)


def _subject(
    meta: etree._Element,
    entity: Person | Organisation | Place | Event,
    language: str | None,
    text: _Text,
) -> None:
    subject = etree.SubElement(
        meta, f"{{{NAR}}}subject", type=ENTITY_TYPES[type(entity)], qcode=qcode("nmid", entity.id)
    )
    _name(subject, entity.name, language, text, role="nrol:full")
    if isinstance(entity, Person):
        if entity.given_name:
            _name(subject, entity.given_name, language, text, role="nrol:first")
        if entity.family_name:
            _name(subject, entity.family_name, language, text, role="nrol:last")
        if entity.name_latin:
            _name(subject, entity.name_latin, _latin(language), text, role="nrol:full")
    if entity.mentions:
        # Offsets into the body; the reader slices the body again to rebuild each mention.
        note = etree.SubElement(subject, f"{{{NAR}}}note", role="nmnote:mentions")
        note.text = " ".join(f"{mention.start}:{mention.end}" for mention in entity.mentions)
    if not isinstance(entity, Event):
        for alternate in entity.alternate_names:
            _name(subject, alternate, language, text, role="nrol:alternate")
        for uri in entity.same_as:
            etree.SubElement(subject, f"{{{NAR}}}sameAs", uri=_iri(uri))
    if isinstance(entity, Person):
        if entity.job_title:
            related = etree.SubElement(
                subject, f"{{{NAR}}}related", rel="nmrel:occupation",
                literal=text.line(entity.job_title),
            )
            _name(related, entity.job_title, language, text)
        if entity.nationality:
            etree.SubElement(
                subject, f"{{{NAR}}}related", rel="nmrel:nationality",
                qcode=qcode("nmid", entity.nationality),
            )
    elif isinstance(entity, Organisation) and entity.parent:
        etree.SubElement(
            subject, f"{{{NAR}}}broader", qcode=qcode("nmid", entity.parent),
            type="cpnat:organisation",
        )
    elif isinstance(entity, Place) and entity.kind is not None:
        etree.SubElement(
            subject, f"{{{NAR}}}related", rel="nmrel:kind", qcode=qcode("nmplk", entity.kind.value)
        )
    elif isinstance(entity, Event):
        _event_subject(subject, entity, text)


def _event_subject(subject: etree._Element, event: Event, text: _Text) -> None:
    """Category and evidence sentence; without a start date (eventDetails needs one), also the
    end date, locations (``nmrel:location``) and participants (``rel`` is the role)."""
    if event.description:
        # names and definitions come before the relationship elements
        etree.SubElement(subject, f"{{{NAR}}}definition").text = text.block(event.description)
    etree.SubElement(
        subject, f"{{{NAR}}}related", rel="nmrel:category",
        qcode=qcode("nmevcat", event.category.value),
    )
    if event.start_date is not None:
        return
    if event.end_date is not None:
        etree.SubElement(
            subject, f"{{{NAR}}}related", rel="nmrel:end-date", literal=event.end_date.isoformat()
        )
    for place in event.location:
        etree.SubElement(
            subject, f"{{{NAR}}}related", rel="nmrel:location", qcode=qcode("nmid", place)
        )
    for participant in event.participants:
        rel = qcode("nmrole", text.line(participant.role)) if participant.role else (
            "nmrel:participant"
        )
        etree.SubElement(subject, f"{{{NAR}}}related", rel=rel, qcode=qcode("nmid", participant.id))


def _assert(
    item: etree._Element, entity: Person | Organisation | Place | Event, text: _Text
) -> None:
    """Concept details where NewsML-G2 has a place for them; entities without any get none."""
    details: etree._Element | None = None
    if isinstance(entity, Person) and entity.affiliation:
        details = etree.Element(f"{{{NAR}}}personDetails")
        for org in entity.affiliation:
            etree.SubElement(details, f"{{{NAR}}}affiliation", qcode=qcode("nmid", org))
    elif isinstance(entity, Organisation) and entity.country:
        details = etree.Element(f"{{{NAR}}}organisationDetails")
        etree.SubElement(
            details, f"{{{NAR}}}location", qcode=qcode("nmid", entity.country),
            type="cpnat:geoArea",
        )
    elif isinstance(entity, Event):
        details = _event_details(entity, text)
    if details is None:
        return
    assertion = etree.SubElement(item, f"{{{NAR}}}assert", qcode=qcode("nmid", entity.id))
    assertion.append(details)


def _event_details(event: Event, text: _Text) -> etree._Element | None:
    """eventDetails needs ``dates/start``: without a start date, the subject carries the rest."""
    if event.start_date is None:
        return None
    details = etree.Element(f"{{{NAR}}}eventDetails")
    dates = etree.SubElement(details, f"{{{NAR}}}dates")
    etree.SubElement(dates, f"{{{NAR}}}start").text = event.start_date.isoformat()
    if event.end_date is not None:
        etree.SubElement(dates, f"{{{NAR}}}end").text = event.end_date.isoformat()
    for place in event.location:
        etree.SubElement(
            details, f"{{{NAR}}}location", qcode=qcode("nmid", place), type="cpnat:geoArea"
        )
    for participant in event.participants:
        element = etree.SubElement(
            details, f"{{{NAR}}}participant", qcode=qcode("nmid", participant.id)
        )
        if participant.role:
            element.set("role", qcode("nmrole", text.line(participant.role)))
    return details


def _content_set(item: etree._Element, article: Article, body: BodyStyle, text: _Text) -> None:
    content_set = etree.SubElement(item, f"{{{NAR}}}contentSet")
    cleaned = text.block(article.body)
    if body == "text":
        data = etree.SubElement(
            content_set, f"{{{NAR}}}inlineData", contenttype="text/plain",
            wordcount=str(article.word_count),
        )
        data.text = cleaned
        return
    inline = etree.SubElement(
        content_set, f"{{{NAR}}}inlineXML", contenttype="application/xhtml+xml",
        wordcount=str(article.word_count),
    )
    html = etree.SubElement(inline, f"{{{XHTML}}}html", nsmap=_XHTML_NSMAP)
    head = etree.SubElement(html, f"{{{XHTML}}}head")
    etree.SubElement(head, f"{{{XHTML}}}title").text = text.line(article.headline or "")
    page = etree.SubElement(html, f"{{{XHTML}}}body")
    # Paragraphs are the body split at blank lines; joining them with "\n\n" restores it exactly.
    for paragraph in cleaned.split("\n\n"):
        etree.SubElement(page, f"{{{XHTML}}}p").text = paragraph


def _name(
    parent: etree._Element, value: str, language: str | None, text: _Text,
    role: str | None = None,
) -> None:
    name = etree.SubElement(parent, f"{{{NAR}}}name")
    name.text = text.line(value)
    if language:
        name.set(XML_LANG, language)
    if role:
        name.set("role", role)


def _latin(language: str | None) -> str:
    primary = (language or "und").split("-", 1)[0]
    return f"{primary}-{LATIN}"


def _datetime(value: date | datetime) -> str:
    """xs:date / xs:dateTime text: no surrounding space, ``+01:00`` offsets, whole-minute zones."""
    if not isinstance(value, datetime):
        return value.isoformat()
    offset = value.utcoffset()
    if offset is not None and offset % timedelta(minutes=1):
        value = value.astimezone(UTC)  # XSD offsets have no seconds
    text = value.isoformat()
    return text.replace("+00:00", "Z") if text.endswith("+00:00") else text


def _iri(value: str) -> str:
    """An IRI the XSD accepts: characters IRIs cannot hold are percent-encoded."""
    return _IRI_UNSAFE.sub(lambda match: quote(match.group(0), safe=""), _FORBIDDEN.sub("", value))


def _dateline_place(article: Article) -> Place | None:
    """The place a dateline names ("КИЇВ, 7 листопада —"), when the body opens with one."""
    opening = article.body[:80].casefold()
    for place in article.places:
        for name in (place.name, *place.alternate_names):
            folded = name.casefold()
            if folded and opening.startswith(folded) and _DATELINE_END.match(
                article.body, len(folded)
            ):
                return place
    return None


__all__ = ["SCHEMES", "build_item", "dump", "dump_many", "qcode"]
