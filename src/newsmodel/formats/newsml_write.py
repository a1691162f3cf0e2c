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
types that forbid tab, CR and LF (names, keywords, literals) get spaces instead.  A carriage
return in the body is written ``&#13;`` so parsers do not fold it into a line feed.

The document is written as text by a small builder rather than through an element tree: the
output is simple and regular, and this is about five times faster (the export target is 2,000
articles a second per core).  The tests validate what it writes against the official XSD.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from typing import Literal
from urllib.parse import quote

from newsmodel.formats import newsml_write_meta as meta
from newsmodel.formats.newsml_write_entities import _assert, _subject
from newsmodel.formats.newsml_write_text import (
    _escape_attr,
    _iri,
    _name,
    _Text,
    qcode,
)
from newsmodel.models import Article, Place

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
IPTC_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"
GENERATOR = "newsmodel"

SCHEMES: dict[str, str] = {
    "nmid": "urn:newsmodel:id:",
    "nmrel": "urn:newsmodel:relation:",
    "nmrole": "urn:newsmodel:role:",
    "nmevcat": "urn:newsmodel:event-category:",
    "nmplk": "urn:newsmodel:place-kind:",
    "nmcc": "urn:newsmodel:iso3166-1-alpha-2:",
    "nmnote": "urn:newsmodel:note:",
    "nmsig": "urn:newsmodel:signal:",
    "nmevst": "urn:newsmodel:event-status:",
    "nmlrel": "urn:newsmodel:link-relation:",
}
"""Inline catalog: alias -> scheme URI.  The reader relies on these aliases."""

BodyStyle = Literal["xhtml", "text"]

_DATELINE_END = re.compile(r"\s*[,—–-]")
"""Anything that needs replacing or escaping; most names and titles contain none of it."""
_OURS = frozenset(SCHEMES)
_CATALOG = "".join(f'\n    <scheme alias="{alias}" uri="{uri}"/>' for alias, uri in SCHEMES.items())


@cache
def _version() -> str:
    try:
        return version("newsmodel")
    except PackageNotFoundError:  # pragma: no cover - source tree without install
        return "0"


def dump(
    article: Article,
    *,
    body: BodyStyle = "xhtml",
    version_created: datetime | None = None,
) -> bytes:
    """One article as a NewsML-G2 ``newsItem`` (UTF-8, with an XML declaration)."""
    stamp = _datetime(version_created or _now())
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    parts += build_item(article, body=body, version_created=stamp, namespace=True)
    parts.append("\n")
    return "".join(parts).encode("utf-8")


def dump_many(
    articles: Iterable[Article],
    *,
    body: BodyStyle = "xhtml",
    version_created: datetime | None = None,
) -> bytes:
    """Several articles as one ``newsMessage`` with a header and an ``itemSet``."""
    stamp = _datetime(version_created or _now())
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<newsMessage xmlns="{NAR}">\n  <header>\n    <sent>{stamp}</sent>\n  </header>\n',
        "  <itemSet>\n",
    ]
    for article in articles:
        parts += build_item(article, body=body, version_created=stamp, namespace=False)
        parts.append("\n")
    parts.append("  </itemSet>\n</newsMessage>\n")
    return "".join(parts).encode("utf-8")


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def build_item(
    article: Article, *, body: BodyStyle, version_created: str, namespace: bool
) -> list[str]:
    """The ``newsItem`` for one article, as a list of text parts."""
    if body not in ("xhtml", "text"):
        raise ValueError(f"body must be 'xhtml' or 'text', not {body!r}")
    text = _Text()
    language = article.language
    out: list[str] = []
    xmlns = f' xmlns="{NAR}"' if namespace else ""
    lang = f' xml:lang="{language}"' if language else ""
    guid = "urn:newsmodel:article:" + quote(article.id, safe=":/._~-")
    version = f' version="{article.version}"' if article.version is not None else ""
    out.append(
        f'<newsItem{xmlns} guid="{guid}"{version} standard="NewsML-G2" '
        f'standardversion="2.35" conformance="power"{lang}>\n'
        f'  <catalogRef href="{IPTC_CATALOG}"/>\n  <catalog>{_CATALOG}'
    )
    for alias, uri in meta.source_schemes(article, _OURS).items():
        out.append(f'\n    <scheme alias="{alias}" uri="{text.attr(uri)}"/>')
    out.append("\n  </catalog>\n")
    out.append(meta.rights_info(article, text.line, text.block, text.attr))
    note_at = _item_meta(out, article, version_created, text)
    _content_meta(out, article, text)
    for entity in article.entities():
        _assert(out, entity, text)
    _content_set(out, article, body, text)
    out.append("</newsItem>")
    if text.replaced:
        # edNote comes right after generator in itemMeta's sequence; only now is the count known.
        out.insert(
            note_at,
            (
                f'    <edNote role="nmnote:replaced">newsmodel replaced {text.replaced} '
                "character(s) that XML 1.0 cannot carry with U+FFFD</edNote>\n"
            ),
        )
    return out


def _item_meta(out: list[str], article: Article, version_created: str, text: _Text) -> int:
    """Write itemMeta; return where an edNote would go."""
    out.append('  <itemMeta>\n    <itemClass qcode="ninat:text"/>\n')
    if article.publisher:
        out.append(
            f'    <provider literal="{text.attr(article.publisher)}">'
            f"<name>{text.line(article.publisher)}</name></provider>\n"
        )
    else:
        out.append('    <provider uri="urn:newsmodel:provider:unknown"/>\n')
    out.append(f"    <versionCreated>{version_created}</versionCreated>\n")
    if isinstance(article.first_created, datetime):  # xs:dateTime: a bare date has no place
        out.append(f"    <firstCreated>{_datetime(article.first_created)}</firstCreated>\n")
    out.append(meta.status(article, _datetime))
    out.append(f'    <generator versioninfo="{_version()}">{GENERATOR}</generator>\n')
    note_at = len(out)
    out.append(meta.notes_and_signals(article, text.line, text.block, text.attr))
    if article.url:
        href = _escape_attr(_iri(article.url))
        out.append(f'    <link rel="irel:seeAlso" href="{href}" why="{meta.URL_WHY}"/>\n')
    out.append(meta.links(article, text.attr, _iri))
    out.append("  </itemMeta>\n")
    return note_at


def _content_meta(out: list[str], article: Article, text: _Text) -> None:
    language = article.language
    urgency, authors = meta.administrative(
        article, text.line, text.attr, lambda name: _name(name, None, text)
    )
    out.append("  <contentMeta>\n")
    out.append(urgency)
    if article.date_published is not None:
        out.append(f"    <contentCreated>{_datetime(article.date_published)}</contentCreated>\n")
    if article.date_modified is not None:
        out.append(f"    <contentModified>{_datetime(article.date_modified)}</contentModified>\n")
    dateline = _dateline_place(article)
    if dateline is not None:
        out.append(
            f'    <located qcode="{qcode("nmid", dateline.id)}" type="cpnat:geoArea">'
            f"{_name(dateline.name, language, text)}</located>\n"
        )
    out.append(authors)
    if language:
        out.append(f'    <language tag="{language}"/>\n')
    for keyword in article.keywords:
        out.append(f"    <keyword>{text.line(keyword)}</keyword>\n")
    concepts, credits = meta.descriptive(
        article, text.line, text.attr, lambda tag: f' xml:lang="{tag}"' if tag else ""
    )
    out.append(concepts)
    for entity in article.entities():
        _subject(out, entity, language, text)
    if article.headline is not None:
        out.append(f"    <headline>{text.block(article.headline)}</headline>\n")
    out.append(credits)
    if article.description is not None:
        out.append(
            f'    <description role="drol:summary">{text.block(article.description)}'
            "</description>\n"
        )
    out.append("  </contentMeta>\n")


def _content_set(out: list[str], article: Article, body: BodyStyle, text: _Text) -> None:
    count = article.word_count
    if body == "text":
        out.append(
            f'  <contentSet>\n    <inlineData contenttype="text/plain" wordcount="{count}">'
            f"{text.block(article.body)}</inlineData>\n  </contentSet>\n"
        )
        return
    title = text.line(article.headline or "")
    # Paragraphs are the body split at blank lines; joining them with "\n\n" restores it exactly.
    paragraphs = "".join(
        f"\n          <p>{text.block(paragraph)}</p>" for paragraph in article.body.split("\n\n")
    )
    out.append(
        '  <contentSet>\n    <inlineXML contenttype="application/xhtml+xml" '
        f'wordcount="{count}">\n      <html xmlns="{XHTML}">\n'
        f"        <head>\n          <title>{title}</title>\n        </head>\n"
        f"        <body>{paragraphs}\n        </body>\n      </html>\n"
        "    </inlineXML>\n  </contentSet>\n"
    )


def _datetime(value: date | datetime) -> str:
    """xs:date / xs:dateTime text: no surrounding space, ``+01:00`` offsets, whole-minute zones."""
    if not isinstance(value, datetime):
        return value.isoformat()
    offset = value.utcoffset()
    if offset is not None and offset % timedelta(minutes=1):
        value = value.astimezone(UTC)  # XSD offsets have no seconds
    text = value.isoformat()
    return text.replace("+00:00", "Z") if text.endswith("+00:00") else text


def _dateline_place(article: Article) -> Place | None:
    """The place the dateline names: the model's, or (without a dateline) the place the body
    opens with ("КИЇВ, 7 листопада —")."""
    if article.dateline is not None:
        place = article.get(article.dateline.place) if article.dateline.place else None
        return place if isinstance(place, Place) else None
    if not article.places:
        return None
    opening = article.body[:80].casefold()
    for place in article.places:
        for name in (place.name, *place.alternate_names):
            folded = name.casefold()
            if (
                folded
                and opening.startswith(folded)
                and _DATELINE_END.match(article.body, len(folded))
            ):
                return place
    return None


__all__ = ["SCHEMES", "build_item", "dump", "dump_many", "qcode"]
