"""The newsroom metadata written as ninjs: status, credits, codes, rights, media, links.

Kept apart from the writer of the text and entities (:mod:`newsmodel.formats.ninjs_write`)
because it is one mapping with its own rules, each following the NewsML-G2 correspondence IPTC
writes into the ninjs schemas; :mod:`newsmodel.formats.ninjs_read_meta` reads the same mapping
back, with the names defined here:

- ``version``, ``pubstatus``, ``embargoed``, ``urgency`` (1.1+), ``slugline`` and ``ednote``
  (1.2+) are one property each; ``located`` carries the dateline's text (ninjs has no
  dateline).
- subjects and genres (1.3+) are ``{name, scheme, code}`` in 1.x and ``{name, uri, literal}``
  after: the qcode is the ``code``/``literal``, the scheme URI the ``scheme`` (1.x) or the
  start of the concept's ``uri`` (scheme URI + the code's local part).
- authors are info sources (1.2+; ``nar:infoSource``) with their role; the publisher is the one
  whose role is ``publisher``.
- rights: ``copyrightholder``, ``copyrightnotice``, ``usageterms`` (1.1+) and the licence as
  ``rightsinfo.linkedrights`` (1.4+).
- images are associations of ``type`` ``picture`` (caption and alt text as descriptions, credit
  as ``by``, sizes and files as renditions, the image's own as the rendition ``original``);
  links are the other associations, their relation as ``rel`` (3.x only).
"""

from __future__ import annotations

import re
from typing import Any

from newsmodel.models import Article
from newsmodel.models.metadata import Concept, Image, Link
from newsmodel.validation.ninjs_versions import Spec

PUBLISHER_ROLE = "publisher"
"""``rel`` (1.x) or ``role`` (2.x, 3.x) of the info source that is the publisher."""
ORIGINAL = "original"
"""The rendition that is an image's own file (its ``url``, width, height and type)."""
PICTURE_TYPES = frozenset({"picture", "graphic", "video", "audio"})
GENERATED = re.compile(r"^rendition[0-9]+$")
"""The name of a rendition that had none (``rendition<n>``), read back as no name."""
_KEY_1X = re.compile(r"^[a-zA-Z0-9]+$")


def rendition_keys(names: list[str | None], family: int) -> list[str]:
    """The name each rendition is written under: its own when it has one (alphanumeric and
    unused in 1.x, whose renditions are keyed by name), else ``rendition<n>``, which the reader
    reads back as no name."""
    keys: list[str] = []
    for index, name in enumerate(names, start=1):
        usable = name is not None and name != ORIGINAL and not GENERATED.match(name)
        if family == 1:
            usable = usable and bool(_KEY_1X.match(name or "")) and name not in keys
        keys.append(name if usable and name is not None else f"rendition{index}")
    return keys


def write(article: Article, spec: Spec, out: dict[str, Any]) -> None:
    """Add the metadata of ``article`` that ``spec``'s version can carry to ``out``."""
    name, family = spec.name, spec.family
    if article.version is not None:
        out["version"] = str(article.version)
    if article.pub_status is not None:
        out[name("pub_status")] = article.pub_status.value
    if article.embargoed_until is not None:
        out[name("embargoed")] = article.embargoed_until.isoformat()
    for logical, value in (
        ("urgency", article.urgency),
        ("slugline", article.slugline),
        ("ed_note", article.editorial_note),
    ):
        if value is not None and spec.has(logical):
            out[name(logical)] = value
    if article.dateline is not None:
        out["located"] = article.dateline.text
    rights = article.rights
    if rights is not None:
        for logical, value in (
            ("copyright_holder", rights.copyright_holder),
            ("copyright_notice", rights.copyright_notice),
            ("usage_terms", rights.usage_terms),
        ):
            if value is not None and spec.has(logical):
                out[name(logical)] = value
        if rights.license_url is not None and spec.has("rights_info"):
            key = "linkedRights" if family == 3 else "linkedrights"
            out[name("rights_info")] = {key: rights.license_url}
    if article.genres and spec.has("genres"):
        out[name("genres")] = [concept(item, family) for item in article.genres]
    sources = _info_sources(article, spec)
    if sources:
        out[name("info_sources")] = sources
    associations = [_image(image, spec) for image in article.images]
    associations += [_link(link, spec) for link in article.links]
    if associations:
        if family == 1:
            prefixes = ["image"] * len(article.images) + ["link"] * len(article.links)
            counts: dict[str, int] = {}
            keyed = {}
            for prefix, item in zip(prefixes, associations, strict=True):
                counts[prefix] = counts.get(prefix, 0) + 1
                keyed[f"{prefix}{counts[prefix]}"] = item
            out["associations"] = keyed
        else:
            out["associations"] = associations


def concept(item: Concept, family: int) -> dict[str, Any]:
    """A subject or genre: ``{name, scheme, code}`` (1.x) or ``{name, uri, literal}``."""
    out: dict[str, Any] = {}
    if item.name is not None:
        out["name"] = item.name
    if family == 1:
        if item.scheme_uri is not None:
            out["scheme"] = item.scheme_uri
        if item.code is not None:
            out["code"] = item.code
        return out
    if item.scheme_uri is not None:
        out["uri"] = item.scheme_uri + (item.code.split(":", 1)[1] if item.code else "")
    if item.code is not None:
        out["literal"] = item.code
    return out


def _info_sources(article: Article, spec: Spec) -> list[dict[str, Any]]:
    if not spec.has("info_sources"):
        return []
    role = "rel" if spec.family == 1 else "role"
    ident = "code" if spec.family == 1 else "literal"
    sources: list[dict[str, Any]] = []
    if article.publisher is not None:
        sources.append({"name": article.publisher, role: PUBLISHER_ROLE})
    for author in article.authors:
        source: dict[str, Any] = {"name": author.name}
        if author.role is not None:
            source[role] = author.role.value
        if author.entity is not None:
            source[ident] = author.entity
        sources.append(source)
    return sources


def _rendition(
    spec: Spec, key: str, url: str, *, width: int | None, height: int | None, mime_type: str | None
) -> dict[str, Any]:
    out: dict[str, Any] = {} if spec.family == 1 else {"name": key}
    out["href"] = url
    if mime_type is not None:
        out[spec.name("content_type")] = mime_type
    if width is not None:
        out["width"] = width
    if height is not None:
        out["height"] = height
    return out


def _image(image: Image, spec: Spec) -> dict[str, Any]:
    out: dict[str, Any] = {"uri": image.url, "type": "picture"}
    if spec.family > 1:
        out = {"name": "image", **out}
    texts = (("caption", image.caption), ("alt", image.alt_text))
    if spec.family == 1:
        out.update({f"description_{role}": value for role, value in texts if value is not None})
    elif any(value is not None for _, value in texts):
        out["descriptions"] = [
            {"role": role, "value": value} for role, value in texts if value is not None
        ]
    if image.credit is not None:
        out[spec.name("by")] = image.credit
    if image.copyright_notice is not None:
        out[spec.name("copyright_notice")] = image.copyright_notice
    renditions = []
    if image.width is not None or image.height is not None or image.mime_type is not None:
        renditions.append(
            _rendition(
                spec,
                ORIGINAL,
                image.url,
                width=image.width,
                height=image.height,
                mime_type=image.mime_type,
            )
        )
    keys = rendition_keys([item.name for item in image.renditions], spec.family)
    renditions += [
        _rendition(
            spec, key, item.url, width=item.width, height=item.height, mime_type=item.mime_type
        )
        for key, item in zip(keys, image.renditions, strict=True)
    ]
    if renditions:
        if spec.family == 1:
            names = [ORIGINAL] * (len(renditions) - len(keys)) + keys
            out["renditions"] = dict(zip(names, renditions, strict=True))
        else:
            out["renditions"] = renditions
    return out


def _link(link: Link, spec: Spec) -> dict[str, Any]:
    out: dict[str, Any] = {"uri": link.url}
    if spec.family > 1:
        out = {"name": link.title or "link", **out}
    if link.relation is not None and spec.family == 3:  # an association's rel is 3.x's
        out["rel"] = link.relation
    if link.title is not None and spec.has("title"):
        out["title"] = link.title
    if link.mime_type is not None and spec.family == 1:
        out["mimetype"] = link.mime_type
    return out
