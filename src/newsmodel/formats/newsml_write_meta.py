"""Write the newsroom's metadata (rights, status, codes, credits, signals, links) as NewsML-G2.

Each function returns the XML text of one place in the item, in the order the 2.35 XSD wants:
``rightsInfo`` before ``itemMeta``; in itemMeta ``embargoed`` and ``pubStatus`` after the dates,
the editor's note and ``signal`` after ``generator``, ``link`` last; in contentMeta
``urgency`` first, ``contentModified`` after ``contentCreated``, ``creator``/``contributor``
among the administrative elements, and genres, subjects, slugline, dateline, byline and
creditline among the descriptive ones.  docs/mapping.md has the table.

Codes the model keeps as the source wrote them (``medtop:20000763``, ``cRole:phot``) are written
as they are; the model's own readings (an author's role, a signal's kind, an event's status) use
the inline schemes ``nmrole``, ``nmsig`` and ``nmevst``, so the reader gets both back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from urllib.parse import quote

from newsmodel.models import Article, AuthorRole, Concept, Signal, SignalKind
from newsmodel.validation.newsml_qcodes import IPTC_ALIASES

_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
_QCODE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*:\S*$")

CREATOR_ROLES = frozenset(
    {AuthorRole.AUTHOR, AuthorRole.PHOTOGRAPHER, AuthorRole.VIDEOGRAPHER, AuthorRole.ILLUSTRATOR}
)
"""Roles written as ``creator``; editors, translators, contributors and sources are
``contributor`` (NewsML-G2: a party that modified or enhanced the content)."""

SIGNAL_CODES: dict[SignalKind, str] = {
    SignalKind.CORRECTION: "sig:correction",
    SignalKind.UPDATE: "sig:update",
    SignalKind.KILL: "nmsig:kill",
}
"""IPTC's signal codes where IPTC has one; a kill has none (IPTC expresses it as
``pubStatus`` ``stat:canceled``), so it uses our inline scheme."""

IMAGE_REL = "nmrel:image"
URL_WHY = "nmnote:url"
"""``link/@why`` marking the link that is the article's own URL (``url``), not a related item."""

LINK_RELATION = "nmlrel"
"""Alias for a link relation given as plain words (``member``): ``rel`` must be a qcode."""

Escape = Callable[[str], str]


def source_schemes(article: Article, ours: frozenset[str]) -> dict[str, str]:
    """Aliases the article's codes use that neither IPTC's catalog nor ours declares, with the
    scheme URI when a subject or genre gives it, else a URN that says only "the source's
    scheme ``alias``": an item must declare every alias it uses."""
    schemes: dict[str, str] = {}
    codes: list[tuple[str | None, str | None]] = [
        (concept.code, concept.scheme_uri) for concept in (*article.genres, *article.subjects)
    ]
    codes += [(author.role_code, None) for author in article.authors]
    codes += [(signal.code, None) for signal in article.signals]
    codes += [(link.relation, None) for link in article.links]
    for code, uri in codes:
        if not code or not _QCODE.match(code):
            continue
        alias = code.partition(":")[0]
        if alias in IPTC_ALIASES or alias in ours or not _NCNAME.match(alias):
            continue
        if uri or alias not in schemes:
            schemes[alias] = uri or f"urn:newsmodel:source-scheme:{quote(alias, safe='')}:"
    return schemes


def rights_info(article: Article, line: Escape, block: Escape, attr: Escape) -> str:
    """``rightsInfo`` (copyright holder, notice, usage terms, licence link), or nothing."""
    rights = article.rights
    if rights is None or not any(
        (rights.copyright_holder, rights.copyright_notice, rights.usage_terms, rights.license_url)
    ):
        return ""
    parts = ["  <rightsInfo>\n"]
    if rights.copyright_holder is not None:
        parts.append(
            f'    <copyrightHolder literal="{attr(rights.copyright_holder)}">'
            f"<name>{line(rights.copyright_holder)}</name></copyrightHolder>\n"
        )
    # Several notices (or terms, one per language) were read joined by line breaks.
    for notice in _lines(rights.copyright_notice):
        parts.append(f"    <copyrightNotice>{block(notice)}</copyrightNotice>\n")
    for terms in _lines(rights.usage_terms):
        parts.append(f"    <usageTerms>{block(terms)}</usageTerms>\n")
    if rights.license_url is not None:
        parts.append(f'    <link rel="nmrel:license" href="{attr(rights.license_url)}"/>\n')
    parts.append("  </rightsInfo>\n")
    return "".join(parts)


def _lines(text: str | None) -> list[str]:
    return [] if text is None else text.split("\n")


def status(article: Article, stamp: Callable[[date | datetime], str]) -> str:
    """``embargoed`` and ``pubStatus`` (absent when unknown: NewsML-G2 then means usable)."""
    parts = []
    if isinstance(article.embargoed_until, datetime):  # xs:dateTime: a bare date has no place
        parts.append(f"    <embargoed>{stamp(article.embargoed_until)}</embargoed>\n")
    if article.pub_status is not None:
        parts.append(f'    <pubStatus qcode="stat:{article.pub_status.value}"/>\n')
    return "".join(parts)


def notes_and_signals(article: Article, line: Escape, block: Escape, attr: Escape) -> str:
    """The editor's note, then one ``signal`` per signal: its note as the signal's ``name``,
    its kind (beside a code of the source's) and date as ``related`` with our relations."""
    parts = []
    if article.editorial_note is not None:
        parts.append(f"    <edNote>{block(article.editorial_note)}</edNote>\n")
    for signal in article.signals:
        parts.append(_signal(signal, line, attr))
    return "".join(parts)


def _signal(signal: Signal, line: Escape, attr: Escape) -> str:
    code = signal.code or SIGNAL_CODES[signal.kind]  # type: ignore[index]  # one is given
    children = []
    if signal.note is not None:
        children.append(f"<name>{line(signal.note)}</name>")
    if signal.code is not None and signal.kind is not None:
        children.append(f'<related rel="nmrel:kind" qcode="nmsig:{signal.kind.value}"/>')
    if signal.date is not None:
        children.append(f'<related rel="nmrel:date" literal="{signal.date.isoformat()}"/>')
    if not children:
        return f'    <signal qcode="{attr(code)}"/>\n'
    return f'    <signal qcode="{attr(code)}">{"".join(children)}</signal>\n'


def links(article: Article, attr: Escape, iri: Escape) -> str:
    """Related items, then the article's images, as ``itemMeta/link``."""
    parts = []
    for link in article.links:
        relation = link.relation
        if relation and not _QCODE.match(relation):
            relation = f"{LINK_RELATION}:{quote(relation, safe='')}"
        rel = f' rel="{attr(relation)}"' if relation else ""
        extra = _attrs(title=link.title, contenttype=link.mime_type, attr=attr)
        parts.append(f'    <link{rel} href="{attr(iri(link.url))}"{extra}/>\n')
    for image in article.images:
        extra = _attrs(title=image.caption, contenttype=image.mime_type, attr=attr)
        parts.append(f'    <link rel="{IMAGE_REL}" href="{attr(iri(image.url))}"{extra}/>\n')
    return "".join(parts)


def _attrs(*, attr: Escape, **values: str | None) -> str:
    return "".join(f' {name}="{attr(value)}"' for name, value in values.items() if value)


def administrative(
    article: Article, line: Escape, attr: Escape, name: Callable[[str], str]
) -> tuple[str, str]:
    """(``urgency``, the creators and contributors): the first goes before contentCreated."""
    urgency = f"    <urgency>{article.urgency}</urgency>\n" if article.urgency else ""
    parts = []
    for author in article.authors:
        element = "contributor" if author.role and author.role not in CREATOR_ROLES else "creator"
        roles = " ".join(
            code
            for code in (author.role_code, f"nmrole:{author.role.value}" if author.role else None)
            if code
        )
        attributes = f' role="{attr(roles)}"' if roles else ""
        if author.kind is not None:
            nature = "person" if author.kind.value == "person" else "organisation"
            attributes += f' type="cpnat:{nature}"'
        if author.entity is not None:
            attributes += f' qcode="{attr("nmid:" + author.entity)}"'
        parts.append(f"    <{element}{attributes}>{name(author.name)}</{element}>\n")
    return urgency, "".join(parts)


def descriptive(
    article: Article, line: Escape, attr: Escape, lang: Callable[[str | None], str]
) -> tuple[str, str]:
    """(genres and subjects, which go with the other subjects; slugline, dateline, byline and
    creditline, which go after the headline)."""
    concepts = [_concept("genre", genre, line, attr, lang) for genre in article.genres]
    concepts += [_concept("subject", subject, line, attr, lang) for subject in article.subjects]
    after = []
    if article.slugline is not None:
        after.append(f"    <slugline>{line(article.slugline)}</slugline>\n")
    if article.dateline is not None:
        after.append(f"    <dateline>{line(article.dateline.text)}</dateline>\n")
    if article.byline is not None:
        after.append(f"    <by>{line(article.byline)}</by>\n")
    if article.creditline is not None:
        after.append(f"    <creditline>{line(article.creditline)}</creditline>\n")
    return "".join(concepts), "".join(after)


def _concept(
    element: str, concept: Concept, line: Escape, attr: Escape, lang: Callable[[str | None], str]
) -> str:
    code = f' qcode="{attr(concept.code)}"' if concept.code else ""
    uri = ""
    if concept.scheme_uri and concept.code:
        uri = f' uri="{attr(concept.scheme_uri + concept.code.partition(":")[2])}"'
    name = f"<name{lang(concept.language)}>{line(concept.name)}</name>" if concept.name else ""
    return f"    <{element}{code}{uri}>{name}</{element}>\n"


__all__ = [
    "CREATOR_ROLES",
    "IMAGE_REL",
    "LINK_RELATION",
    "SIGNAL_CODES",
    "URL_WHY",
    "administrative",
    "descriptive",
    "links",
    "notes_and_signals",
    "rights_info",
    "source_schemes",
    "status",
]
