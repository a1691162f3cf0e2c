"""The schema.org vocabulary, compiled into the few lookups a validator needs.

The installed release file (``schemaorg-current-https.jsonld``, found through
:mod:`newsmodel.validation.resources`) is read once per process and reduced to plain sets and
dicts: every type with all of its supertypes, every property with its domains, ranges and
``supersededBy``, the enumeration members, and which terms are still *pending*.  Reading and
compiling the 1.5 MB release takes a few tens of milliseconds, so the result is cached in memory
(keyed by the file's path, size and modification time) rather than pickled next to the file:
a second cache on disk would be one more thing to go stale.

Nothing here touches the network, and nothing imports the model layer.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import orjson

from newsmodel.errors import ResourceError
from newsmodel.validation.resources import ENV_VAR, SCHEMA_SETS, find_schema_set

SCHEMA_PREFIX = "schema:"
PENDING = "https://pending.schema.org"
DATA_TYPES = frozenset(
    {
        "Text",
        "URL",
        "Date",
        "DateTime",
        "Time",
        "Boolean",
        "Number",
        "Integer",
        "Float",
        "CssSelectorType",
        "XPathType",
        "PronounceableText",
        "DataType",
    }
)
"""schema.org's literal types (``Text`` and its subtypes, numbers, dates, ``Boolean``)."""


SCHEMA_IRIS = (
    "https://schema.org/",
    "http://schema.org/",
    "https://www.schema.org/",
    "http://www.schema.org/",
)
_SCHEMA_CONTEXT = re.compile(r"^https?://(www\.)?schema\.org/?$")


ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "AnalysisNewsArticle",
        "AskPublicNewsArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "SatiricalArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "DiscussionForumPosting",
        "Report",
        "TechArticle",
        "ScholarlyArticle",
        "AdvertiserContentArticle",
        "MedicalScholarlyArticle",
        "APIReference",
    }
)
"""Article-like schema.org 30.0 types, for when the vocabulary is not installed: the reader
takes them as articles and the validator applies Google's article guidance to them."""


def is_schemaorg_iri(value: object) -> bool:
    """Whether a context or ``@vocab`` value names schema.org (http or https, www or not)."""
    return isinstance(value, str) and bool(_SCHEMA_CONTEXT.match(value.strip()))


@lru_cache(maxsize=8192)
def term_name(key: str) -> str | None:
    """The schema.org term a JSON-LD key or type stands for, ``None`` for other vocabularies.

    Publishers write ``headline``, ``schema:headline`` or ``http://schema.org/headline``; all
    three are the term ``headline`` under a schema.org context.  A key with another prefix
    (``dc:title``, ``og:image``) belongs to another vocabulary.
    """
    if ":" not in key:
        return None if key.startswith("@") else key
    if key.startswith("schema:"):
        return key[7:]
    for iri in SCHEMA_IRIS:
        if key.startswith(iri):
            return key[len(iri) :]
    return None


@dataclass(frozen=True, slots=True)
class Property:
    """One schema.org property: which types take it, which values it takes."""

    name: str
    domains: frozenset[str]
    ranges: frozenset[str]
    superseded_by: str | None = None
    pending: bool = False


@dataclass(slots=True)
class Vocabulary:
    """Lookups over one schema.org release; build it with :func:`load_vocabulary`."""

    version: str
    types: dict[str, frozenset[str]] = field(default_factory=dict)
    """Type name -> the type and all its supertypes (``NewsArticle`` -> Article, Thing...)."""
    properties: dict[str, Property] = field(default_factory=dict)
    members: dict[str, str] = field(default_factory=dict)
    """Enumeration member name -> its enumeration type (``True`` -> ``Boolean``)."""
    pending_types: frozenset[str] = frozenset()
    superseded_types: dict[str, str] = field(default_factory=dict)
    _lower: dict[str, str] = field(default_factory=dict)
    _suggestions: dict[str, str | None] = field(default_factory=dict)
    _takes: dict[tuple[tuple[str, ...], str], bool] = field(default_factory=dict)

    def is_type(self, name: str) -> bool:
        return name in self.types

    def is_a(self, name: str, ancestor: str) -> bool:
        """Whether type ``name`` is ``ancestor`` or one of its subtypes."""
        return ancestor in self.types.get(name, ())

    def subtypes(self, ancestor: str) -> set[str]:
        """``ancestor`` and every type below it."""
        return {name for name, supers in self.types.items() if ancestor in supers}

    def takes(self, type_names: Iterable[str], prop: Property) -> bool:
        """Whether a node of these types may carry ``prop`` (its domain holds one of them)."""
        key = (tuple(type_names), prop.name)
        found = self._takes.get(key)
        if found is None:
            found = any(prop.domains & self.types.get(name, frozenset((name,))) for name in key[0])
            self._takes[key] = found
        return found

    def suggest(self, term: str) -> str | None:
        """The closest real term: same name in another case first, then a near spelling."""
        if term in self._suggestions:
            return self._suggestions[term]
        found = self._lower.get(term.lower())
        if found is None or found == term:
            # Only terms of about the same length can be 80% similar: compare with those.
            pool = [
                name
                for name in (self.properties if term[:1].islower() else self.types)
                if abs(len(name) - len(term)) <= max(2, len(term) // 4)
            ]
            close = difflib.get_close_matches(term, pool, n=1, cutoff=0.8)
            found = close[0] if close else None
        self._suggestions[term] = found
        return found


def _ids(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value] if value is not None else []
    return [
        item["@id"].removeprefix(SCHEMA_PREFIX)
        for item in items
        if isinstance(item, dict)
        and isinstance(item.get("@id"), str)
        and item["@id"].startswith(SCHEMA_PREFIX)
    ]


def compile_vocabulary(document: dict[str, Any], version: str) -> Vocabulary:
    """Reduce schema.org's release JSON-LD (its ``@graph``) to a :class:`Vocabulary`."""
    graph = document.get("@graph")
    if not isinstance(graph, list):
        raise ResourceError("the schema.org vocabulary file has no @graph; reinstall it")
    parents: dict[str, list[str]] = {}
    properties: dict[str, Property] = {}
    members: dict[str, str] = {}
    pending: set[str] = set()
    superseded: dict[str, str] = {}
    for node in graph:
        node_id = node.get("@id")
        if not isinstance(node_id, str) or not node_id.startswith(SCHEMA_PREFIX):
            continue
        name = node_id.removeprefix(SCHEMA_PREFIX)
        kinds = node.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        part_of = node.get("schema:isPartOf")
        is_pending = any(
            isinstance(part, dict) and part.get("@id") == PENDING
            for part in (part_of if isinstance(part_of, list) else [part_of])
        )
        replaced = _ids(node.get("schema:supersededBy"))
        if "rdf:Property" in kinds:
            properties[name] = Property(
                name=name,
                domains=frozenset(_ids(node.get("schema:domainIncludes"))),
                ranges=frozenset(_ids(node.get("schema:rangeIncludes"))),
                superseded_by=replaced[0] if replaced else None,
                pending=is_pending,
            )
            continue
        if "rdfs:Class" in kinds or "schema:DataType" in kinds:
            parents[name] = _ids(node.get("rdfs:subClassOf"))
            if "schema:DataType" in kinds:
                parents[name].append("DataType")
            if is_pending:
                pending.add(name)
            if replaced:
                superseded[name] = replaced[0]
            continue
        enumerations = [
            kind.removeprefix(SCHEMA_PREFIX)
            for kind in kinds
            if isinstance(kind, str) and kind.startswith(SCHEMA_PREFIX)
        ]
        if enumerations:
            members[name] = enumerations[0]
    parents.setdefault("DataType", [])
    types = {name: frozenset(_ancestors(name, parents)) for name in parents}
    vocabulary = Vocabulary(
        version=version,
        types=types,
        properties=properties,
        members=members,
        pending_types=frozenset(pending),
        superseded_types=superseded,
    )
    vocabulary._lower = {term.lower(): term for term in (*types, *properties)}
    return vocabulary


def _ancestors(name: str, parents: dict[str, list[str]]) -> set[str]:
    seen = {name}
    stack = [name]
    while stack:
        for parent in parents.get(stack.pop(), ()):
            if parent not in seen:
                seen.add(parent)
                stack.append(parent)
    return seen


@cache
def _load(path: str, size: int, mtime_ns: int) -> Vocabulary:
    try:
        document = orjson.loads(Path(path).read_bytes())
    except (OSError, orjson.JSONDecodeError) as error:
        raise ResourceError(
            f"cannot read the schema.org vocabulary: {error}",
            where=path,
            hint="reinstall it with `newsmodel schemas install schemaorg`",
        ) from None
    if not isinstance(document, dict):
        raise ResourceError("the schema.org vocabulary is not a JSON-LD object", where=path)
    return compile_vocabulary(document, SCHEMA_SETS["schemaorg"].version)


_SEARCH_ENVIRONMENT = (ENV_VAR, "XDG_DATA_HOME", "HOME")
"""The variables :func:`newsmodel.validation.resources.search_dirs` depends on."""


@cache
def _folder(environment: tuple[str | None, ...]) -> Path | None:
    return find_schema_set("schemaorg")


def load_vocabulary() -> Vocabulary | None:
    """The installed schema.org vocabulary, compiled once per process; ``None`` if not installed.

    Where it is installed is looked up once per search path (``NEWSMODEL_SCHEMA_DIR`` and the
    user folder); after that a call costs one ``stat`` of the vocabulary file, so validating
    thousands of small blocks does not rescan folders.
    """
    search = tuple(os.environ.get(name) for name in _SEARCH_ENVIRONMENT)
    folder = _folder(search)
    if folder is None:
        return None
    path = folder / SCHEMA_SETS["schemaorg"].entry
    try:
        stat = path.stat()
    except OSError:
        _folder.cache_clear()  # removed since it was found: look again
        folder = _folder(search)
        if folder is None:
            return None
        path = folder / SCHEMA_SETS["schemaorg"].entry
        stat = path.stat()
    return _load(str(path), stat.st_size, stat.st_mtime_ns)


__all__ = [
    "DATA_TYPES",
    "SCHEMA_IRIS",
    "Property",
    "Vocabulary",
    "compile_vocabulary",
    "is_schemaorg_iri",
    "load_vocabulary",
    "term_name",
]
