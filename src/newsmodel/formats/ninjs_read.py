"""IPTC ninjs reading: any version 1.0-3.1, ours or a newsroom's, into articles.

Read loosely, never drop silently: the version is the caller's, else the declared one, else
the one the shape tells (:func:`detect_version`); every property is looked up under that
version's name, and whatever the model has no place for is listed in
``provenance.unmapped`` (``located``, ``urgency``, a picture's rendition, a person's ``rel``).
Reading does not require schema validity (``newsmodel validate`` judges that): a common
dialect that fails the official schema, superdesk's ``guid`` in place of ``uri``, is read
with a warning.  A value of the wrong type where the model needs it is an error naming its
JSON pointer.  The reader never recurses into what it does not map (``associations`` of
``associations``...), so deep nesting costs it nothing: orjson refuses JSON past 1,024
levels, and ``validate``, whose schema walk recurses, refuses past 64.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any
from urllib.parse import unquote

from pydantic import ValidationError

from newsmodel.errors import DocumentError
from newsmodel.formats import ninjs_meta
from newsmodel.formats.ninjs_write import KEYWORD_REL, URI_PREFIX, WEB_RENDITION
from newsmodel.models import Article
from newsmodel.models.types import (
    ENTITY_ID_PATTERN,
    LANGUAGE_TAG_PATTERN,
    PUBLICATION_DATE_PATTERN,
)
from newsmodel.textcodecs import utf8
from newsmodel.validation.jsondocs import JSONInputError, read_documents
from newsmodel.validation.ninjs_versions import Spec, detect_version, spec

_KINDS = (
    ("people", "persons", "person"),
    ("organisations", "organisations", "org"),
    ("places", "places", "place"),
    ("events", "events", "event"),
)
_ENTITY_KEYS = frozenset({"name", "code", "literal", "uri", "scheme"})
_ENTITY_ID = re.compile(ENTITY_ID_PATTERN).match
_LANGUAGE_TAG = re.compile(LANGUAGE_TAG_PATTERN).match
_KEYWORD_KEYS = frozenset({"name", "rel"})
_DATE = re.compile(PUBLICATION_DATE_PATTERN).match


def load(
    data: bytes | str, *, source: str | None = None, version: str | None = None
) -> list[Article]:
    """Every article in ``data``: a ninjs object, an array of them, or JSON Lines."""
    if version is not None:
        spec(version)
    raw = utf8(data, where=source)
    try:
        documents = read_documents(raw)
    except JSONInputError as error:
        raise DocumentError(error.message, where=_where(source, error.where or "/")) from None
    articles = []
    for document in documents:
        if not isinstance(document.value, dict):
            raise DocumentError(
                f"a ninjs document is a JSON object, not {type(document.value).__name__}",
                where=_where(source, document.prefix or "/"),
            )
        reader = _Reader(document.value, document.prefix, source, version)
        articles.append(reader.article())
    return articles


def _where(source: str | None, place: str) -> str:
    return f"{source}:{place}" if source else place


class _Reader:
    """One document: the properties it holds, which ones were used, and notes on the way."""

    def __init__(
        self, value: dict[str, Any], prefix: str, source: str | None, version: str | None
    ) -> None:
        self.value, self.prefix, self.source = value, prefix, source
        self.warnings: list[str] = []
        self.unmapped: list[str] = []
        self.used: set[str] = set()
        self.taken: set[str] = set()  # entity ids given so far (unique across kinds)
        try:
            detected = detect_version(value)
        except DocumentError as error:
            if version is None:
                raise DocumentError(
                    error.message, where=self._where(error.where or ""), hint=error.hint
                ) from None
        else:
            if version is not None and detected.declared and detected.version != version:
                self.warnings.append(
                    f"ninjs.version: the document declares ninjs "
                    f"{detected.version}, read as {version} as asked"
                )
            if detected.warning and version is None:
                self.warnings.append(f"ninjs.version: {detected.warning}")
            version = version or detected.version
        assert version is not None
        self.spec: Spec = spec(version)

    def _where(self, pointer: str) -> str:
        return _where(self.source, self.prefix + pointer or "/")

    def get(self, logical: str) -> Any:
        name = self.spec.name(logical)
        self.used.add(name)
        return self.value.get(name)

    def string(self, value: Any, pointer: str) -> str | None:
        if value is None or isinstance(value, str):
            return value
        raise DocumentError(
            f"expected a string, got {type(value).__name__}", where=self._where(pointer)
        )

    def array(self, logical: str) -> list[dict[str, Any]]:
        """The objects of an array property (none when it is absent)."""
        name = self.spec.name(logical)
        self.used.add(name)
        values = self.value.get(name)
        if values is None:
            return []
        if not isinstance(values, list):
            raise DocumentError(f"{name} is not an array", where=self._where(f"/{name}"))
        if not all(isinstance(item, dict) for item in values):
            index = next(i for i, item in enumerate(values) if not isinstance(item, dict))
            raise DocumentError(
                f"{name}/{index} is not an object", where=self._where(f"/{name}/{index}")
            )
        return values

    def items(self, logical: str) -> Iterator[tuple[str, dict[str, Any]]]:
        """The objects of an array property, each with its pointer."""
        name = self.spec.name(logical)
        for index, item in enumerate(self.array(logical)):
            yield f"/{name}/{index}", item

    def article(self) -> Article:
        self.used.update(("type", self.spec.name("standard")))
        data: dict[str, Any] = {
            "id": self._id(),
            "headline": self._text("headline"),
            "description": self._text("description"),
        }
        self._dates(data)
        data["language"] = self._language()
        data["body"], data["word_count"] = self._body()
        data["byline"] = self.string(self.get("by"), f"/{self.spec.name('by')}")
        data["url"] = self._url()
        data["keywords"], data["subjects"] = self._subjects()
        for logical, collection, kind in _KINDS:
            data[collection] = self._entities(logical, kind)
        ninjs_meta.read(self, data)
        kind_of = self.value.get("type")
        if kind_of not in (None, "text"):
            self.unmapped.append(f"type {kind_of!r}")
        self.unmapped.extend(key for key in self.value if key not in self.used)
        data["provenance"] = {
            "source": self.source,
            "format": "ninjs",
            "warnings": self.warnings,
            "unmapped": self.unmapped,
        }
        try:
            return Article.model_validate(data)
        except ValidationError as error:
            detail = error.errors()[0]
            place = "/".join(str(part) for part in detail["loc"])
            raise DocumentError(f"{place}: {detail['msg']}", where=self._where("")) from None

    def _id(self) -> str:
        self.used.add("uri")
        uri = self.string(self.value.get("uri"), "/uri")
        if uri is None:
            guid = self.value.get("guid")
            if isinstance(guid, str) and guid.strip():
                self.used.add("guid")
                self.warnings.append(
                    "ninjs.guid: `guid` read as the uri (a superdesk dialect; "
                    "the official schema requires `uri`)"
                )
                uri = guid
        if uri is None or not uri.strip():
            raise DocumentError(
                "required property 'uri' is missing or empty", where=self._where("/uri")
            )
        return unquote(uri[len(URI_PREFIX) :]) if uri.startswith(URI_PREFIX) else uri.strip()

    def _text(self, logical: str) -> str | None:
        """The headline or description: 1.x ``<name>`` or ``<name>_*`` strings, else the
        first object of the plural array (the others are listed as unmapped)."""
        if self.spec.family == 1:
            base = "headline" if logical == "headline" else "description"
            names = [
                key
                for key in self.value
                if key == self.spec.name(logical) or key.startswith(base + "_")
            ]
            self.used.update(names)
            preferred = self.spec.name(logical)
            chosen = preferred if preferred in self.value else (names[0] if names else None)
            self.unmapped.extend(name for name in names if name != chosen)
            return None if chosen is None else self.string(self.value[chosen], f"/{chosen}")
        found = list(self.items(logical))
        if not found:
            return None
        pointer, first = found[0]
        self.unmapped.extend(
            f"{where} ({item.get('role') or 'no role'})" for where, item in found[1:]
        )
        return self.string(first.get("value"), pointer + "/value")

    def _body(self) -> tuple[str, int]:
        count: Any = None
        if self.spec.family == 1:
            names = [key for key in self.value if key.startswith("body_")]
            self.used.update(names)
            chosen = "body_text" if "body_text" in self.value else (names[0] if names else None)
            if chosen not in (None, "body_text"):
                self.warnings.append(f"ninjs.body: no body_text; {chosen} read verbatim")
            self.unmapped.extend(name for name in names if name != chosen)
            body = self.string(self.value[chosen], f"/{chosen}") if chosen else None
            if self.spec.has("word_count"):
                count = self.get("word_count")
        else:
            found = list(self.items("body"))
            kind = self.spec.name("content_type")
            plain = [entry for entry in found if entry[1].get(kind) in (None, "text/plain")]
            pointer, chosen_body = (plain or found or [("", {})])[0]
            if found and not plain:
                self.warnings.append(
                    f"ninjs.body: no plain-text body; the {chosen_body.get(kind)} one read verbatim"
                )
            self.unmapped.extend(where for where, item in found if item is not chosen_body)
            body = self.string(chosen_body.get("value"), pointer + "/value")
            count = chosen_body.get(self.spec.name("word_count"))
        if isinstance(count, float) and count.is_integer():
            count = int(count)
        if count is not None and not (isinstance(count, int) and 0 <= count < 2**63):
            self.unmapped.append(f"word count {count!r}")
            count = None
        return body or "", count or 0

    def _dates(self, data: dict[str, Any]) -> None:
        """``contentcreated`` is the publication date, ``firstcreated`` the first version's,
        ``versioncreated`` this version's; when the publication date is missing the first of
        the others present stands for it (superdesk writes no ``contentcreated``; ninjs 1.0-1.3
        have none) and fills only that field."""
        found = {
            field: self.date(self.spec.name(logical))
            for logical, field in (
                ("content_created", "date_published"),
                ("first_created", "first_created"),
                ("version_created", "date_modified"),
            )
        }
        if found["date_published"] is None:
            for field in ("first_created", "date_modified"):
                if found[field] is not None:
                    found["date_published"], found[field] = found[field], None
                    break
        data.update(found)

    def date(self, name: str) -> Any:
        """The date-time of property ``name``, or ``None`` (an unreadable one is unmapped,
        with a warning)."""
        if name not in self.value:
            return None
        self.used.add(name)
        value = self.value[name]
        parsed = _publication_date(value)
        if parsed is None:
            self.warnings.append(f"ninjs.date: {name} {value!r} is not an ISO 8601 date")
            self.unmapped.append(f"{name} {value!r}")
        return parsed

    def _language(self) -> str | None:
        language = self.string(self.get("language"), "/language")
        if language is not None and not _LANGUAGE_TAG(language):
            self.warnings.append(f"ninjs.language: {language!r} is not a language tag")
            self.unmapped.append(f"language {language!r}")
            return None
        return language

    def _url(self) -> str | None:
        self.used.add("renditions")
        renditions = self.value.get("renditions")
        kind = self.spec.name("content_type")
        if isinstance(renditions, dict):  # 1.x: keyed by name
            entries = [(f"/renditions/{key}", key, item) for key, item in renditions.items()]
        elif isinstance(renditions, list):
            entries = [
                (f"/renditions/{index}", item.get("name") if isinstance(item, dict) else None, item)
                for index, item in enumerate(renditions)
            ]
        else:
            return None
        url = None
        for pointer, name, item in entries:
            if (
                url is None
                and name == WEB_RENDITION
                and isinstance(item, dict)
                and isinstance(item.get("href"), str)
                and item.get(kind, "text/html") == "text/html"
            ):
                url = item["href"]
            else:
                self.unmapped.append(f"rendition {pointer}")
        return url

    def _subjects(self) -> tuple[list[str], list[dict[str, Any]]]:
        """Keywords (the subjects whose ``rel`` is ``keyword``, with only a name) and the
        subjects proper."""
        keywords, subjects = [], []
        for pointer, item in self.items("subjects"):
            name = item.get("name")
            if (
                item.get("rel") == KEYWORD_REL
                and isinstance(name, str)
                and item.keys() <= _KEYWORD_KEYS
            ):
                keywords.append(name)
                continue
            found = ninjs_meta.read_concept(self, pointer, item)
            if found is not None:
                subjects.append(found)
        return keywords, subjects

    def _entities(self, logical: str, kind: str) -> list[dict[str, Any]]:
        """Name, id and ``same_as`` of each entity; the rest listed as unmapped.  The hot loop
        of reading (dozens per article): pointers are only built for what is reported."""
        out: list[dict[str, Any]] = []
        family_1 = self.spec.family == 1
        taken = self.taken
        array = self.spec.name(logical)
        for index, item in enumerate(self.array(logical)):
            name = item.get("name")
            if not isinstance(name, str) or not name:
                self.unmapped.append(f"/{array}/{index} without a name")
                continue
            entity: dict[str, Any] = {"name": name}
            local = item.get("code") if family_1 else item.get("literal")
            uri = item.get("uri")
            scheme = item.get("scheme")
            if family_1 and isinstance(scheme, str) and isinstance(local, str):
                entity["same_as"] = [scheme + local]
            elif isinstance(uri, str) and logical != "events":
                entity["same_as"] = [uri]
            elif isinstance(uri, str):
                self.unmapped.append(f"/{array}/{index}/uri")
            if not (isinstance(local, str) and _ENTITY_ID(local)) or local in taken:
                number = len(out) + 1
                while f"{kind}-{number}" in taken:
                    number += 1
                local = f"{kind}-{number}"
            taken.add(local)
            entity["id"] = local
            if not _ENTITY_KEYS.issuperset(item):
                pointer = f"/{array}/{index}"
                geo = [key for key in item if _is_geo(key)]
                if logical == "places" and geo:
                    entity["geo"] = self._geo(item, pointer, geo)
                self.unmapped.extend(
                    f"{pointer}/{key}" for key in item if key not in _ENTITY_KEYS and key not in geo
                )
            out.append(entity)
        return out

    def _geo(self, item: dict[str, Any], pointer: str, keys: list[str]) -> dict[str, float] | None:
        for key in keys:
            value = item[key]
            coordinates = value.get("coordinates") if isinstance(value, dict) else None
            if (
                isinstance(value, dict)
                and value.get("type") == "Point"
                and isinstance(coordinates, list)
                and len(coordinates) >= 2
                and all(
                    isinstance(c, int | float) and not isinstance(c, bool) for c in coordinates[:2]
                )
                and -180 <= coordinates[0] <= 180
                and -90 <= coordinates[1] <= 90
            ):
                return {"latitude": float(coordinates[1]), "longitude": float(coordinates[0])}
            self.unmapped.append(f"{pointer}/{key} (not a GeoJSON point)")
        return None


def _is_geo(key: str) -> bool:
    return key in ("geojson", "geoJSON") or key.startswith("geometry_")


def _publication_date(value: Any) -> date | None:
    """An ISO 8601 date or date-time as the model takes it (a date stays a date, never a
    guessed midnight), or ``None``; the model checks it again."""
    if not isinstance(value, str) or not _DATE(value):
        return None
    try:
        if "T" in value:
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        return date.fromisoformat(value)
    except ValueError:
        return None
