"""The newsroom metadata in ninjs, both ways: status, credits, codes, rights, media, links.

Kept apart from the writer and reader of the text and entities
(:mod:`newsmodel.formats.ninjs_write`, :mod:`newsmodel.formats.ninjs_read`) because it is one
mapping with its own rules, each following the NewsML-G2 correspondence IPTC writes into the
ninjs schemas:

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
from typing import TYPE_CHECKING, Any, TypeGuard

from newsmodel.models import Article
from newsmodel.models.metadata import QCODE_PATTERN, AuthorRole, Concept, Image, Link
from newsmodel.validation.ninjs_versions import Spec

if TYPE_CHECKING:
    from newsmodel.formats.ninjs_read import _Reader

PUBLISHER_ROLE = "publisher"
"""``rel`` (1.x) or ``role`` (2.x, 3.x) of the info source that is the publisher."""
ORIGINAL = "original"
"""The rendition that is an image's own file (its ``url``, width, height and type)."""
PICTURE_TYPES = frozenset({"picture", "graphic", "video", "audio"})
_GENERATED = re.compile(r"^rendition[0-9]+$")
_KEY_1X = re.compile(r"^[a-zA-Z0-9]+$")
_QCODE = re.compile(QCODE_PATTERN).match
_ROLES = frozenset(role.value for role in AuthorRole)
_URL = re.compile(r"\S+").fullmatch
"""The model's ``Url``: one token, no whitespace."""


def _is_url(value: Any) -> TypeGuard[str]:
    return isinstance(value, str) and _URL(value) is not None


def rendition_keys(names: list[str | None], family: int) -> list[str]:
    """The name each rendition is written under: its own when it has one (alphanumeric and
    unused in 1.x, whose renditions are keyed by name), else ``rendition<n>``, which the reader
    reads back as no name."""
    keys: list[str] = []
    for index, name in enumerate(names, start=1):
        usable = name is not None and name != ORIGINAL and not _GENERATED.match(name)
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


# --------------------------------------------------------------------------- reading


def read(reader: _Reader, data: dict[str, Any]) -> None:
    """Fill ``data`` (the article's fields) with the metadata the document holds."""
    spec = reader.spec
    version = reader.value.get("version")
    reader.used.add("version")
    if _is_count(version):
        data["version"] = int(version)
    elif version is not None:
        reader.unmapped.append(f"version {version!r}")
    status = reader.get("pub_status")
    if status in ("usable", "withheld", "canceled"):
        data["pub_status"] = status
    elif status is not None:
        reader.unmapped.append(f"{spec.name('pub_status')} {status!r}")
    data["embargoed_until"] = reader.date(spec.name("embargoed"))
    urgency = reader.get("urgency")
    if (
        isinstance(urgency, int | float)
        and not isinstance(urgency, bool)
        and urgency == int(urgency)
        and 1 <= urgency <= 9
    ):
        data["urgency"] = int(urgency)
    elif urgency is not None:
        reader.unmapped.append(f"urgency {urgency!r}")
    for logical, field in (("slugline", "slugline"), ("ed_note", "editorial_note")):
        data[field] = reader.string(reader.get(logical), f"/{spec.name(logical)}")
    located = reader.string(reader.get("located"), "/located")
    data["dateline"] = {"text": located} if located else None
    data["rights"] = _rights(reader)
    data["genres"] = [
        found
        for pointer, item in reader.items("genres")
        if (found := read_concept(reader, pointer, item)) is not None
    ]
    data["publisher"], data["authors"] = _sources(reader, data)
    data["images"], data["links"] = _associations(reader)


def read_concept(reader: _Reader, pointer: str, item: dict[str, Any]) -> dict[str, Any] | None:
    """A subject or genre, or ``None`` (listed as unmapped) when it has no usable code or
    name."""
    name = item.get("name")
    code = item.get("code") if reader.spec.family == 1 else item.get("literal")
    found: dict[str, Any] = {}
    if isinstance(name, str) and name:
        found["name"] = name
    if isinstance(code, str) and _QCODE(code) and len(code) <= 1024:
        found["code"] = code
    uri = item.get("scheme") if reader.spec.family == 1 else item.get("uri")
    if _is_url(uri):
        # 1.x names the scheme; later versions the concept (scheme URI + the code's local part)
        local = found["code"].split(":", 1)[1] if "code" in found and reader.spec.family > 1 else ""
        if uri.endswith(local):
            found["scheme_uri"] = uri[: len(uri) - len(local)] if local else uri
    if not ({"name", "code"} & found.keys()):
        reader.unmapped.append(f"{pointer} (no name or code)")
        return None
    known = {"name", "code", "literal", "uri", "scheme"}
    reader.unmapped.extend(f"{pointer}/{key}" for key in item if key not in known)
    return found


def _rights(reader: _Reader) -> dict[str, Any] | None:
    spec = reader.spec
    rights = {
        field: reader.string(reader.get(logical), f"/{spec.name(logical)}")
        for logical, field in (
            ("copyright_holder", "copyright_holder"),
            ("copyright_notice", "copyright_notice"),
            ("usage_terms", "usage_terms"),
        )
    }
    info = reader.get("rights_info")
    if isinstance(info, dict):
        linked = info.get("linkedRights" if spec.family == 3 else "linkedrights")
        if _is_url(linked):
            rights["license_url"] = linked
        reader.unmapped.extend(
            f"/{spec.name('rights_info')}/{key}"
            for key in info
            if key not in ("linkedRights", "linkedrights")
        )
    return rights if any(value is not None for value in rights.values()) else None


def _sources(reader: _Reader, data: dict[str, Any]) -> tuple[str | None, list[dict[str, Any]]]:
    if not reader.spec.has("info_sources"):
        return None, []
    family_1 = reader.spec.family == 1
    agents = {item["id"] for key in ("persons", "organisations") for item in data[key]}
    publisher, authors = None, []
    for pointer, item in reader.items("info_sources"):
        name = item.get("name")
        role = item.get("rel" if family_1 else "role")
        if not isinstance(name, str) or not name:
            reader.unmapped.append(f"{pointer} (no name)")
        elif role == PUBLISHER_ROLE and publisher is None:
            publisher = name
        elif role is None or (isinstance(role, str) and role in _ROLES):
            author: dict[str, Any] = {"name": name, "role": role}
            entity = item.get("code" if family_1 else "literal")
            if isinstance(entity, str) and entity in agents:
                author["entity"] = entity
            elif entity is not None:
                reader.unmapped.append(f"{pointer} identifier {entity!r}")
            authors.append(author)
        else:
            reader.unmapped.append(f"{pointer} {name} ({role})")
    return publisher, authors


def _associations(reader: _Reader) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    reader.used.add("associations")
    found = reader.value.get("associations")
    if isinstance(found, dict):
        entries = [(f"/associations/{key}", item) for key, item in found.items()]
    elif isinstance(found, list):
        entries = [(f"/associations/{index}", item) for index, item in enumerate(found)]
    else:
        if found is not None:
            reader.unmapped.append("associations")
        return [], []
    images, links = [], []
    for pointer, item in entries:
        uri = item.get("uri") if isinstance(item, dict) else None
        if not _is_url(uri):
            reader.unmapped.append(f"{pointer} (no uri)")
            continue
        assert isinstance(item, dict)
        kind = item.get("type")
        if isinstance(kind, str) and kind in PICTURE_TYPES:
            images.append(_read_image(reader, pointer, item, uri))
        else:
            links.append(_read_link(reader, item, uri))
    return images, links


def _read_image(reader: _Reader, pointer: str, item: dict[str, Any], uri: str) -> dict[str, Any]:
    spec = reader.spec
    image: dict[str, Any] = {"url": uri}
    if spec.family == 1:
        image["caption"] = _text(item.get("description_caption"))
        image["alt_text"] = _text(item.get("description_alt"))
    else:
        descriptions = item.get("descriptions")
        for entry in descriptions if isinstance(descriptions, list) else ():
            if isinstance(entry, dict) and entry.get("role") in ("caption", "alt"):
                image["caption" if entry["role"] == "caption" else "alt_text"] = _text(
                    entry.get("value")
                )
    image["credit"] = _text(item.get(spec.name("by")))
    image["copyright_notice"] = _text(item.get(spec.name("copyright_notice")))
    renditions = item.get("renditions")
    if isinstance(renditions, dict):
        pairs = list(renditions.items())
    elif isinstance(renditions, list):
        pairs = [
            (entry.get("name") if isinstance(entry, dict) else None, entry) for entry in renditions
        ]
    else:
        pairs = []
    image["renditions"] = []
    kind = spec.name("content_type")
    for key, entry in pairs:
        href = entry.get("href") if isinstance(entry, dict) else None
        if not _is_url(href):
            reader.unmapped.append(f"{pointer} rendition {key} (no href)")
            continue
        assert isinstance(entry, dict)
        sizes = {
            field: value for field in ("width", "height") if _is_size(value := entry.get(field))
        }
        mime = _text(entry.get(kind))
        if key == ORIGINAL and href == uri:
            image.update(sizes, mime_type=mime)
        else:
            name = None if key is None or _GENERATED.match(str(key)) else str(key)
            image["renditions"].append({"url": href, "mime_type": mime, "name": name, **sizes})
    return image


def _read_link(reader: _Reader, item: dict[str, Any], uri: str) -> dict[str, Any]:
    title = _text(item.get("title"))
    if title is None and reader.spec.family > 1 and item.get("name") != "link":
        title = _text(item.get("name"))
    return {
        "url": uri,
        "relation": _text(item.get("rel")),
        "title": title,
        "mime_type": _text(item.get("mimetype")) if reader.spec.family == 1 else None,
    }


def _is_count(value: Any) -> bool:
    """A version number as ninjs writes it: ASCII digits, 1 to 2**63 - 1 (``int`` of
    ``"²"`` or of 5,000 digits would raise)."""
    return (
        isinstance(value, str)
        and value.isascii()
        and value.isdigit()
        and len(value) <= 19
        and 1 <= int(value) < 2**63
    )


def _is_size(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None
