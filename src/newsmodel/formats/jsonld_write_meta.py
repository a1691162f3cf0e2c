"""The newsroom's metadata as schema.org terms on the ``NewsArticle`` node.

``dateModified``, ``dateCreated`` (first created), ``version``, ``creativeWorkStatus`` (the
publication status), ``dateline``, ``creditText``, ``genre``, ``about`` with ``DefinedTerm``
subjects, ``copyrightHolder``, ``copyrightNotice``, ``usageInfo``, ``license``, ``image`` as
``ImageObject``s, ``correction`` as ``CorrectionComment``s, and the credited people as
``author``/``editor``/``translator``/``contributor`` (a role schema.org has no property for
rides in a ``Role`` node).  What schema.org has no term for (urgency, embargo, slugline, the
editor's note, signals other than corrections, related links, an image's alt text and
renditions) is listed in docs/mapping.md; the reader is :mod:`.jsonld_read_meta`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsmodel.models import AgentKind, Article, Author, AuthorRole, Concept, EventStatus
from newsmodel.models import Image as ImageModel

AUTHOR_PROPERTIES: dict[AuthorRole | None, str] = {
    None: "author",
    AuthorRole.AUTHOR: "author",
    AuthorRole.EDITOR: "editor",
    AuthorRole.TRANSLATOR: "translator",
}
"""The schema.org property per role; every other role is a ``contributor`` in a ``Role``."""

EVENT_STATUSES: dict[EventStatus, str] = {
    EventStatus.OCCURRED: "https://schema.org/EventScheduled",
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
}
"""schema.org's ``EventScheduled`` is "taking place or has taken place ... as scheduled", so an
event that occurred is written with it too (and reads back as scheduled)."""

_DEFAULT_ROLES = frozenset({AuthorRole.EDITOR, AuthorRole.TRANSLATOR, AuthorRole.CONTRIBUTOR})
"""Roles their property already says (the reader's default for it); others need a Role."""

_DEFAULT_OF: dict[str, AuthorRole | None] = {
    "author": None,
    "editor": AuthorRole.EDITOR,
    "translator": AuthorRole.TRANSLATOR,
    "contributor": AuthorRole.CONTRIBUTOR,
}

Agent = Callable[[Author], tuple[dict[str, Any], bool]]
"""The author's node or reference, and whether it is a Person."""


def metadata(node: dict[str, Any], article: Article, agent: Agent) -> None:
    """Add the article's metadata to its ``NewsArticle`` node."""
    for key, moment in (
        ("dateModified", article.date_modified),
        ("dateCreated", article.first_created),
    ):
        if moment is not None:
            node[key] = moment.isoformat()
    if article.version is not None:
        node["version"] = article.version
    if article.pub_status is not None:
        node["creativeWorkStatus"] = article.pub_status.value
    if article.dateline is not None:
        node["dateline"] = article.dateline.text
    if article.creditline is not None:
        node["creditText"] = article.creditline
    if article.genres:
        node["genre"] = [genre.name or genre.code for genre in article.genres]
    for author in article.authors:
        role = author.role
        prop = AUTHOR_PROPERTIES.get(role, "contributor")
        value, is_person = agent(author)
        if prop == "editor" and not is_person:
            prop = "contributor"  # schema.org's editor is a Person; an organisation needs a Role
        if role is not None and (role not in _DEFAULT_ROLES or role != _DEFAULT_OF[prop]):
            value = {"@type": "Role", "roleName": role.value, prop: value}
        node.setdefault(prop, []).append(value)
    rights = article.rights
    if rights is not None:
        if rights.copyright_holder is not None:
            node["copyrightHolder"] = {"@type": "Organization", "name": rights.copyright_holder}
        if rights.copyright_notice is not None:
            node["copyrightNotice"] = rights.copyright_notice
        if rights.usage_terms is not None:
            node["usageInfo"] = {"@type": "CreativeWork", "text": rights.usage_terms}
        if rights.license_url is not None:
            node["license"] = rights.license_url
    if article.images:
        node["image"] = [image_object(image) for image in article.images]
    corrections = [
        _correction(signal.note, signal.date.isoformat() if signal.date else None)
        for signal in article.signals
        if signal.kind is not None and signal.kind.value == "correction"
    ]
    if corrections:
        node["correction"] = corrections


def subjects(article: Article) -> list[dict[str, Any]]:
    """The article's subjects as ``DefinedTerm`` nodes, for ``about``."""
    return [_term(subject) for subject in article.subjects]


def _term(concept: Concept) -> dict[str, Any]:
    term: dict[str, Any] = {"@type": "DefinedTerm"}
    if concept.code is not None:
        term["termCode"] = concept.code
    if concept.name is not None:
        term["name"] = (
            {"@value": concept.name, "@language": concept.language}
            if concept.language
            else concept.name
        )
    if concept.scheme_uri is not None:
        term["inDefinedTermSet"] = concept.scheme_uri
    return term


def image_object(image: ImageModel) -> dict[str, Any]:
    """An ``ImageObject``: ``contentUrl`` and ``url``, caption, credit, copyright, size, type."""
    node: dict[str, Any] = {"@type": "ImageObject", "contentUrl": image.url, "url": image.url}
    if image.caption is not None:
        node["caption"] = image.caption
    if image.credit is not None:
        node["creditText"] = image.credit
    if image.copyright_notice is not None:
        node["copyrightNotice"] = image.copyright_notice
    for key, value in (("width", image.width), ("height", image.height)):
        if value is not None:
            node[key] = {"@type": "QuantitativeValue", "value": value, "unitText": "px"}
    if image.mime_type is not None:
        node["encodingFormat"] = image.mime_type
    return node


def _correction(note: str | None, date: str | None) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "CorrectionComment"}
    if note is not None:
        node["text"] = note
    if date is not None:
        node["datePublished"] = date
    return node


def agent_node(author: Author) -> dict[str, Any]:
    """A credited party not among the article's entities."""
    kind = "Organization" if author.kind == AgentKind.ORGANISATION else "Person"
    return {"@type": kind, "name": author.name}


__all__ = [
    "AUTHOR_PROPERTIES",
    "EVENT_STATUSES",
    "agent_node",
    "image_object",
    "metadata",
    "subjects",
]
