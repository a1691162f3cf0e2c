"""The newsroom metadata of a ninjs document, read into the article's fields: status, codes
(subjects, genres, keywords), rights, credits, media, links.

The mapping written by :mod:`.ninjs_write_meta` (whose docstring lays it out), read back: apart
from :mod:`.ninjs_read` because it is one mapping with its own rules, and apart from the writer
because reading a newsroom's document is the other problem, lenient where writing is exact.
What has no usable value (a subject with neither name nor code, a picture without a ``uri``, an
info source in a role the model does not know) is listed as unmapped; a value of the wrong type
where the reader only compares (an object as a role) is never a traceback.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TypeGuard

from newsmodel.formats.ninjs_write import KEYWORD_REL
from newsmodel.formats.ninjs_write_meta import GENERATED, ORIGINAL, PICTURE_TYPES, PUBLISHER_ROLE
from newsmodel.models.metadata import QCODE_PATTERN, AuthorRole

if TYPE_CHECKING:
    from newsmodel.formats.ninjs_read import Reader

TOP_LEVEL = (
    "version",
    "pub_status",
    "embargoed",
    "urgency",
    "slugline",
    "ed_note",
    "located",
    "copyright_holder",
    "copyright_notice",
    "usage_terms",
    "rights_info",
    "genres",
    "associations",
)
"""The top-level properties read here (logical names; ``info_sources`` where the version has
it), besides ``subjects``."""
_QCODE = re.compile(QCODE_PATTERN).match
_ROLES = frozenset(role.value for role in AuthorRole)
_URL = re.compile(r"\S+").fullmatch
"""The model's ``Url``: one token, no whitespace."""
_CONCEPT_KEYS = frozenset({"name", "code", "literal", "uri", "scheme"})
_KEYWORD_KEYS = frozenset({"name", "rel"})
_LINKED_RIGHTS = ("linkedRights", "linkedrights")


def _is_url(value: Any) -> TypeGuard[str]:
    return isinstance(value, str) and _URL(value) is not None


def read(reader: Reader, data: dict[str, Any]) -> None:
    """Fill ``data`` (the article's fields) with the metadata the document holds."""
    name, value, unmapped = reader.name, reader.value, reader.unmapped
    version = value.get("version")
    if _is_count(version):
        data["version"] = int(version)
    elif version is not None:
        unmapped.append(f"version {version!r}")
    status = value.get(name["pub_status"])
    if status in ("usable", "withheld", "canceled"):
        data["pub_status"] = status
    elif status is not None:
        unmapped.append(f"{name['pub_status']} {status!r}")
    data["embargoed_until"] = reader.date(name["embargoed"])
    urgency = value.get("urgency")
    if (
        isinstance(urgency, int | float)
        and not isinstance(urgency, bool)
        and urgency == int(urgency)
        and 1 <= urgency <= 9
    ):
        data["urgency"] = int(urgency)
    elif urgency is not None:
        unmapped.append(f"urgency {urgency!r}")
    data["slugline"] = reader.string(value.get("slugline"), "slugline")
    data["editorial_note"] = reader.string(value.get(name["ed_note"]), name["ed_note"])
    located = reader.string(value.get("located"), "located")
    data["dateline"] = {"text": located} if located else None
    data["rights"] = _rights(reader)
    genres = name["genres"]
    data["genres"] = [
        found
        for index, item in enumerate(reader.array(genres))
        if (found := concept(reader, genres, index, item)) is not None
    ]
    data["publisher"], data["authors"] = _sources(reader, data)
    data["images"], data["links"] = _associations(reader)


def subjects(reader: Reader) -> tuple[list[str], list[dict[str, Any]]]:
    """Keywords (the subjects whose ``rel`` is ``keyword``, with only a name) and the
    subjects proper."""
    array = reader.name["subjects"]
    keywords, found = [], []
    for index, item in enumerate(reader.array(array)):
        name = item.get("name")
        if (
            item.get("rel") == KEYWORD_REL
            and isinstance(name, str)
            and item.keys() <= _KEYWORD_KEYS
        ):
            keywords.append(name)
            continue
        subject = concept(reader, array, index, item)
        if subject is not None:
            found.append(subject)
    return keywords, found


def concept(reader: Reader, array: str, index: int, item: dict[str, Any]) -> dict[str, Any] | None:
    """Item ``index`` of ``array``, a subject or genre, or ``None`` (listed as unmapped) when
    it has no usable code or name."""
    family_1 = reader.family == 1
    name = item.get("name")
    code = item.get("code") if family_1 else item.get("literal")
    found: dict[str, Any] = {}
    if isinstance(name, str) and name:
        found["name"] = name
    if isinstance(code, str) and _QCODE(code) and len(code) <= 1024:
        found["code"] = code
    uri = item.get("scheme") if family_1 else item.get("uri")
    if _is_url(uri):
        # 1.x names the scheme; later versions the concept (scheme URI + the code's local part)
        local = found["code"].split(":", 1)[1] if "code" in found and not family_1 else ""
        if uri.endswith(local):
            found["scheme_uri"] = uri[: len(uri) - len(local)] if local else uri
    if not found.keys() & {"name", "code"}:
        reader.unmapped.append(f"/{array}/{index} (no name or code)")
        return None
    if not _CONCEPT_KEYS.issuperset(item):
        reader.unmapped.extend(
            f"/{array}/{index}/{key}" for key in item if key not in _CONCEPT_KEYS
        )
    return found


def _rights(reader: Reader) -> dict[str, Any] | None:
    name, value = reader.name, reader.value
    string = reader.string
    holder, notice, terms = name["copyright_holder"], name["copyright_notice"], name["usage_terms"]
    rights = {
        "copyright_holder": string(value.get(holder), holder),
        "copyright_notice": string(value.get(notice), notice),
        "usage_terms": string(value.get(terms), terms),
    }
    info = value.get(name["rights_info"])
    if isinstance(info, dict):
        linked = info.get("linkedRights" if reader.family == 3 else "linkedrights")
        if _is_url(linked):
            rights["license_url"] = linked
        reader.unmapped.extend(
            f"/{name['rights_info']}/{key}" for key in info if key not in _LINKED_RIGHTS
        )
    return rights if any(value is not None for value in rights.values()) else None


def _sources(reader: Reader, data: dict[str, Any]) -> tuple[str | None, list[dict[str, Any]]]:
    if not reader.spec.has("info_sources"):
        return None, []
    family_1 = reader.family == 1
    array = reader.name["info_sources"]
    found = reader.array(array)
    if not found:
        return None, []
    agents = {item["id"] for key in ("persons", "organisations") for item in data[key]}
    publisher, authors = None, []
    for index, item in enumerate(found):
        name = item.get("name")
        role = item.get("rel" if family_1 else "role")
        if not isinstance(name, str) or not name:
            reader.unmapped.append(f"/{array}/{index} (no name)")
        elif role == PUBLISHER_ROLE and publisher is None:
            publisher = name
        elif role is None or (isinstance(role, str) and role in _ROLES):
            author: dict[str, Any] = {"name": name, "role": role}
            entity = item.get("code" if family_1 else "literal")
            if isinstance(entity, str) and entity in agents:
                author["entity"] = entity
            elif entity is not None:
                reader.unmapped.append(f"/{array}/{index} identifier {entity!r}")
            authors.append(author)
        else:
            reader.unmapped.append(f"/{array}/{index} {name} ({role})")
    return publisher, authors


def _associations(reader: Reader) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    found = reader.value.get("associations")
    if isinstance(found, dict):
        entries: Any = found.items()
    elif isinstance(found, list):
        entries = enumerate(found)
    else:
        if found is not None:
            reader.unmapped.append("associations")
        return [], []
    images, links = [], []
    for key, item in entries:
        uri = item.get("uri") if isinstance(item, dict) else None
        if not _is_url(uri):
            reader.unmapped.append(f"/associations/{key} (no uri)")
            continue
        kind = item.get("type")
        if isinstance(kind, str) and kind in PICTURE_TYPES:
            images.append(_image(reader, key, item, uri))
        else:
            links.append(_link(reader, item, uri))
    return images, links


def _image(reader: Reader, key: str | int, item: dict[str, Any], uri: str) -> dict[str, Any]:
    name = reader.name
    image: dict[str, Any] = {"url": uri}
    if reader.family == 1:
        image["caption"] = _text(item.get("description_caption"))
        image["alt_text"] = _text(item.get("description_alt"))
    else:
        descriptions = item.get("descriptions")
        for entry in descriptions if isinstance(descriptions, list) else ():
            if isinstance(entry, dict) and entry.get("role") in ("caption", "alt"):
                image["caption" if entry["role"] == "caption" else "alt_text"] = _text(
                    entry.get("value")
                )
    image["credit"] = _text(item.get(name["by"]))
    image["copyright_notice"] = _text(item.get(name["copyright_notice"]))
    renditions = item.get("renditions")
    if isinstance(renditions, dict):
        pairs: Any = renditions.items()
    elif isinstance(renditions, list):
        pairs = [
            (entry.get("name") if isinstance(entry, dict) else None, entry) for entry in renditions
        ]
    else:
        pairs = ()
    image["renditions"] = found = []
    kind = name["content_type"]
    for rendition, entry in pairs:
        href = entry.get("href") if isinstance(entry, dict) else None
        if not _is_url(href):
            reader.unmapped.append(f"/associations/{key} rendition {rendition} (no href)")
            continue
        sizes = {}
        if _is_size(width := entry.get("width")):
            sizes["width"] = width
        if _is_size(height := entry.get("height")):
            sizes["height"] = height
        mime = _text(entry.get(kind))
        if rendition == ORIGINAL and href == uri:
            image.update(sizes, mime_type=mime)
        else:
            label = None if rendition is None or GENERATED.match(str(rendition)) else str(rendition)
            found.append({"url": href, "mime_type": mime, "name": label, **sizes})
    return image


def _link(reader: Reader, item: dict[str, Any], uri: str) -> dict[str, Any]:
    title = _text(item.get("title"))
    if title is None and reader.family > 1 and item.get("name") != "link":
        title = _text(item.get("name"))
    return {
        "url": uri,
        "relation": _text(item.get("rel")),
        "title": title,
        "mime_type": _text(item.get("mimetype")) if reader.family == 1 else None,
    }


def _is_count(value: Any) -> TypeGuard[str]:
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
