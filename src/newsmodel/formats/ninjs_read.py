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

This module holds the document (:class:`Reader`: its version, typed access, what it noted on
the way) and the article's own text and dates; the entities are read by
:mod:`.ninjs_read_entities`, the newsroom metadata by :mod:`.ninjs_read_meta`.  Everything
read is checked once more by ``Article.model_validate``, the one place the model's rules live.

Reading is meant to keep up with export (issue 13: 5,000 documents a second per core), so the
per-version names are looked up once per process (:class:`Names`), and a JSON pointer is only
put together for what is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import unquote

from pydantic import ValidationError

from newsmodel.errors import DocumentError
from newsmodel.formats import ninjs_read_entities, ninjs_read_meta
from newsmodel.formats.ninjs_write import URI_PREFIX, WEB_RENDITION
from newsmodel.models import Article
from newsmodel.models.types import LANGUAGE_TAG_PATTERN, PUBLICATION_DATE_PATTERN
from newsmodel.textcodecs import utf8
from newsmodel.validation.jsondocs import JSONInputError, read_documents
from newsmodel.validation.ninjs_versions import NAMES, SPECS, Spec, detect_version, spec

_LANGUAGE_TAG = re.compile(LANGUAGE_TAG_PATTERN).match
_DATE = re.compile(PUBLICATION_DATE_PATTERN).match
_PATTERNED_1X = ("headline_", "description_", "body_")
"""1.x names read by pattern (``headline_*``, ``description_*``, ``body_*``)."""


@dataclass(frozen=True, slots=True)
class Names:
    """One version as the reader needs it: its spec, each property's name, and the top-level
    names the reader always looks at (the rest of a document is unmapped, except 1.x's
    patterned names and a superdesk ``guid`` read in place of ``uri``)."""

    spec: Spec
    name: dict[str, str]
    read: frozenset[str]

    @classmethod
    def of(cls, version: Spec) -> Names:
        name = {logical: version.name(logical) for logical in NAMES}
        logicals = [
            "type",
            "standard",
            "uri",
            "headline",
            "language",
            "by",
            "renditions",
            "subjects",
            *ninjs_read_entities.ARRAYS,
            *ninjs_read_meta.TOP_LEVEL,
            "content_created",
            "first_created",
            "version_created",
        ]
        if version.family > 1:
            logicals += ["description", "body"]
        elif version.has("word_count"):
            logicals.append("word_count")  # 1.x counts words at the top level (1.2+)
        if version.has("info_sources"):
            logicals.append("info_sources")
        return cls(version, name, frozenset(name[logical] for logical in logicals))


_NAMES = {version: Names.of(found) for version, found in SPECS.items()}


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
        reader = Reader(document.value, document.prefix, source, version)
        articles.append(reader.article())
    return articles


def _where(source: str | None, place: str) -> str:
    return f"{source}:{place}" if source else place


def pointer(*path: str | int) -> str:
    """The JSON pointer of ``path`` (property names as the document spells them)."""
    return "".join(f"/{part}" for part in path)


class Reader:
    """One document: its version's names, and the warnings and unmapped parts noted on the
    way (and the entity ids given so far, unique across kinds)."""

    __slots__ = (
        "family",
        "guid",
        "name",
        "names",
        "prefix",
        "source",
        "spec",
        "taken",
        "unmapped",
        "value",
        "warnings",
    )

    def __init__(
        self, value: dict[str, Any], prefix: str, source: str | None, version: str | None
    ) -> None:
        self.value, self.prefix, self.source = value, prefix, source
        self.warnings: list[str] = []
        self.unmapped: list[str] = []
        self.taken: set[str] = set()
        self.guid = False
        try:
            detected = detect_version(value)
        except DocumentError as error:
            if version is None:
                raise DocumentError(
                    error.message, where=self.where(error.where or ""), hint=error.hint
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
        self.names = _NAMES[version]
        self.spec: Spec = self.names.spec
        self.family = self.spec.family
        self.name = self.names.name

    def where(self, place: str) -> str:
        """Where ``place`` (a JSON pointer inside this document) is, for an error."""
        return _where(self.source, self.prefix + place or "/")

    def get(self, logical: str) -> Any:
        return self.value.get(self.name[logical])

    def string(self, value: Any, *path: str | int) -> str | None:
        """``value`` if it is a string or ``None``; anything else is an error at ``path``."""
        if value is None or isinstance(value, str):
            return value
        raise DocumentError(
            f"expected a string, got {type(value).__name__}", where=self.where(pointer(*path))
        )

    def array(self, name: str) -> list[dict[str, Any]]:
        """The objects of the array property ``name`` (none when it is absent)."""
        values = self.value.get(name)
        if values is None:
            return []
        if not isinstance(values, list):
            raise DocumentError(f"{name} is not an array", where=self.where(f"/{name}"))
        for item in values:
            if not isinstance(item, dict):
                index = next(i for i, item in enumerate(values) if not isinstance(item, dict))
                raise DocumentError(
                    f"{name}/{index} is not an object", where=self.where(f"/{name}/{index}")
                )
        return values

    def date(self, name: str) -> Any:
        """The date-time of property ``name``, or ``None`` (an unreadable one is unmapped,
        with a warning)."""
        value = self.value
        if name not in value:
            return None
        found = value[name]
        parsed = _publication_date(found)
        if parsed is None:
            self.warnings.append(f"ninjs.date: {name} {found!r} is not an ISO 8601 date")
            self.unmapped.append(f"{name} {found!r}")
        return parsed

    def article(self) -> Article:
        name = self.name
        data: dict[str, Any] = {
            "id": self._id(),
            "headline": self._text("headline"),
            "description": self._text("description"),
        }
        self._dates(data)
        data["language"] = self._language()
        data["body"], data["word_count"] = self._body()
        data["byline"] = self.string(self.value.get(name["by"]), name["by"])
        data["url"] = self._url()
        data["keywords"], data["subjects"] = ninjs_read_meta.subjects(self)
        ninjs_read_entities.read(self, data)
        ninjs_read_meta.read(self, data)
        kind_of = self.value.get("type")
        if kind_of not in (None, "text"):
            self.unmapped.append(f"type {kind_of!r}")
        self.unmapped.extend(self._unread())
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
            raise DocumentError(f"{place}: {detail['msg']}", where=self.where("")) from None

    def _unread(self) -> list[str]:
        """The top-level names nothing read, in the document's order."""
        read = self.names.read
        unread = [key for key in self.value if key not in read]
        if unread and self.family == 1:
            unread = [key for key in unread if not key.startswith(_PATTERNED_1X)]
        if unread and self.guid:
            unread.remove("guid")
        return unread

    def _id(self) -> str:
        uri = self.string(self.value.get("uri"), "uri")
        if uri is None:
            guid = self.value.get("guid")
            if isinstance(guid, str) and guid.strip():
                self.guid = True
                self.warnings.append(
                    "ninjs.guid: `guid` read as the uri (a superdesk dialect; "
                    "the official schema requires `uri`)"
                )
                uri = guid
        if uri is None or not uri.strip():
            raise DocumentError(
                "required property 'uri' is missing or empty", where=self.where("/uri")
            )
        return unquote(uri[len(URI_PREFIX) :]) if uri.startswith(URI_PREFIX) else uri.strip()

    def _text(self, logical: str) -> str | None:
        """The headline or description: 1.x ``<name>`` or ``<name>_*`` strings, else the
        first object of the plural array (the others are listed as unmapped)."""
        preferred = self.name[logical]
        if self.family == 1:
            prefix = ("headline" if logical == "headline" else "description") + "_"
            names = [key for key in self.value if key == preferred or key.startswith(prefix)]
            chosen = preferred if preferred in self.value else (names[0] if names else None)
            self.unmapped.extend(name for name in names if name != chosen)
            return None if chosen is None else self.string(self.value[chosen], chosen)
        found = self.array(preferred)
        if not found:
            return None
        if len(found) > 1:
            self.unmapped.extend(
                f"/{preferred}/{index} ({item.get('role') or 'no role'})"
                for index, item in enumerate(found[1:], start=1)
            )
        return self.string(found[0].get("value"), preferred, 0, "value")

    def _body(self) -> tuple[str, int]:
        count: Any = None
        if self.family == 1:
            names = [key for key in self.value if key.startswith("body_")]
            chosen = "body_text" if "body_text" in self.value else (names[0] if names else None)
            if chosen not in (None, "body_text"):
                self.warnings.append(f"ninjs.body: no body_text; {chosen} read verbatim")
            self.unmapped.extend(name for name in names if name != chosen)
            body = self.string(self.value[chosen], chosen) if chosen else None
            if self.spec.has("word_count"):
                count = self.get("word_count")
        else:
            array = self.name["body"]
            found = self.array(array)
            kind = self.name["content_type"]
            index = next(
                (i for i, entry in enumerate(found) if entry.get(kind) in (None, "text/plain")),
                None,
            )
            if index is None and found:
                index = 0
                self.warnings.append(
                    f"ninjs.body: no plain-text body; the {found[0].get(kind)} one read verbatim"
                )
            if index is None:
                body = None
            else:
                if len(found) > 1:
                    self.unmapped.extend(f"/{array}/{i}" for i in range(len(found)) if i != index)
                chosen_body = found[index]
                body = self.string(chosen_body.get("value"), array, index, "value")
                count = chosen_body.get(self.name["word_count"])
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
        name = self.name
        published = self.date(name["content_created"])
        first = self.date(name["first_created"])
        modified = self.date(name["version_created"])
        if published is None:
            if first is not None:
                published, first = first, None
            elif modified is not None:
                published, modified = modified, None
        data["date_published"] = published
        data["first_created"] = first
        data["date_modified"] = modified

    def _language(self) -> str | None:
        language = self.string(self.value.get("language"), "language")
        if language is not None and not _LANGUAGE_TAG(language):
            self.warnings.append(f"ninjs.language: {language!r} is not a language tag")
            self.unmapped.append(f"language {language!r}")
            return None
        return language

    def _url(self) -> str | None:
        renditions = self.value.get("renditions")
        if renditions is None:
            return None
        kind = self.name["content_type"]
        if isinstance(renditions, dict):  # 1.x: keyed by name
            entries = [(key, key, item) for key, item in renditions.items()]
        elif isinstance(renditions, list):
            entries = [
                (index, item.get("name") if isinstance(item, dict) else None, item)
                for index, item in enumerate(renditions)
            ]
        else:
            return None
        url = None
        for key, name, item in entries:
            if (
                url is None
                and name == WEB_RENDITION
                and isinstance(item, dict)
                and isinstance(item.get("href"), str)
                and item.get(kind, "text/html") == "text/html"
            ):
                url = item["href"]
            else:
                self.unmapped.append(f"rendition /renditions/{key}")
        return url


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
