"""The JSON-LD document as nodes: keys resolved against schema.org, values indexed by ``@id``.

Shared by the reader's parts (:mod:`.jsonld_read`, :mod:`.jsonld_read_graph`,
:mod:`.jsonld_read_entities`, :mod:`.jsonld_read_meta`): a :class:`Node` holds one object's
schema.org properties as lists, what it is typed, and where it sits (a JSON pointer, for notes
that point at the input).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from newsmodel.formats.jsonld_write import PLACE_CLASSES, UNKNOWN_KIND
from newsmodel.models import (
    PlaceKind,
)
from newsmodel.models.types import (
    COUNTRY_CODE_PATTERN,
    ENTITY_ID_PATTERN,
    LANGUAGE_TAG_PATTERN,
    MAX_COUNT,
)
from newsmodel.validation.vocabulary import ARTICLE_TYPES, load_vocabulary, term_name

_KIND_BY_CLASS = {uri: kind for kind, uri in PLACE_CLASSES.items()}
_NO_KIND = frozenset({UNKNOWN_KIND, UNKNOWN_KIND.replace("https:", "http:")})
_KIND_BY_TYPE = {
    "Country": PlaceKind.COUNTRY,
    "City": PlaceKind.CITY,
    "State": PlaceKind.REGION,
    "AdministrativeArea": PlaceKind.REGION,
}

ORGANIZATION_TYPES = frozenset(
    {
        "Organization",
        "NewsMediaOrganization",
        "Corporation",
        "GovernmentOrganization",
        "NGO",
        "EducationalOrganization",
        "PoliticalParty",
        "MedicalOrganization",
        "SportsOrganization",
    }
)
PLACE_BASE_TYPES = frozenset({"Place", "Country", "City", "State", "AdministrativeArea"})
EVENT_BASE_TYPES = frozenset({"Event"})

_T = TypeVar("_T")
_COUNT_DIGITS = len(str(MAX_COUNT))
_ENTITY_ID = re.compile(ENTITY_ID_PATTERN)
_LANGUAGE = re.compile(LANGUAGE_TAG_PATTERN)
_COUNTRY = re.compile(COUNTRY_CODE_PATTERN)


def _degrees(value: Any) -> float | None:
    """A latitude or longitude written as a number or a numeric string (``"50.45"``)."""
    if isinstance(value, dict):
        value = value.get("@value")
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


@dataclass(slots=True)
class Node:
    """A JSON-LD node with its keys resolved to schema.org term names.

    ``props`` maps a schema.org term to its values (always a list); keys outside schema.org are
    kept in ``foreign`` so a reader can list them as unmapped.
    """

    id: str | None
    types: list[str]
    props: dict[str, list[Any]]
    pointer: str
    foreign: list[str] = field(default_factory=list)
    lists: set[str] = field(default_factory=set)
    """Terms whose value was written as a JSON array (``keywords`` splits only a bare string)."""

    def first(self, name: str) -> Any:
        values = self.props.get(name)
        return values[0] if values else None

    @property
    def label(self) -> str:
        return self.types[0] if self.types else "node"


def _node(raw: dict[str, Any], pointer: str, index: dict[str, Node], order: list[Node]) -> Node:
    raw_types = raw.get("@type", raw.get("type"))
    listed = raw_types if isinstance(raw_types, list) else [raw_types]
    types = [name for name in (term_name(t) for t in listed if isinstance(t, str)) if name]
    raw_id = raw.get("@id", raw.get("id"))
    node = Node(raw_id if isinstance(raw_id, str) and raw_id else None, types, {}, pointer)
    for key, value in raw.items():
        if key.startswith("@") or key in ("type", "id"):
            continue
        name = term_name(key)
        if name is None:
            node.foreign.append(key)
            continue
        values = value if isinstance(value, list) else [value]
        if isinstance(value, list):
            node.lists.add(name)
        found: list[Any] = []
        for position, item in enumerate(values):
            if item is None:
                continue
            where = f"{pointer}/{_escape(key)}"
            where += f"/{position}" if isinstance(value, list) else ""
            mapped = _value(item, where, index, order)
            # An @list or @set object holds values of the property itself: flatten it.
            if isinstance(mapped, list):
                found.extend(mapped)
            else:
                found.append(mapped)
        node.props[name] = found
    if node.id is not None:
        known = index.get(node.id)
        if known is None or (not known.props and node.props):
            index[node.id] = node
        elif node.props or node.types:
            # The same node described twice (a page repeating itself): merge into the first.
            for name, values in node.props.items():
                known.props.setdefault(name, values)
            known.types = known.types or node.types
            return known
    if node.types or node.props:
        order.append(node)
    return node


def _value(value: Any, pointer: str, index: dict[str, Node], order: list[Node]) -> Any:
    if isinstance(value, dict):
        if "@value" in value:
            return value
        if "@list" in value or "@set" in value:
            items = value.get("@list", value.get("@set"))
            items = items if isinstance(items, list) else [items]
            return [_value(item, pointer, index, order) for item in items]
        return _node(value, pointer, index, order)
    return value


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _resolve(value: Any, index: dict[str, Node]) -> Any:
    """A bare ``{"@id": ...}`` reference becomes the node it names, when the document has it."""
    if isinstance(value, Node) and not value.props and not value.types and value.id:
        return index.get(value.id, value)
    return value


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("@value"), str):
        return str(value["@value"])
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return str(value)
    return None


def _top_level(value: Any) -> Iterator[tuple[Any, str]]:
    """The top-level node objects of a document: the document, array items, ``@graph`` items."""
    if isinstance(value, list):
        for position, item in enumerate(value):
            for node, pointer in _top_level(item):
                yield node, f"/{position}{pointer}"
    elif isinstance(value, dict):
        graph = value.get("@graph")
        if isinstance(graph, list | dict):
            items = graph if isinstance(graph, list) else [graph]
            for position, item in enumerate(items):
                if isinstance(item, dict):
                    yield item, f"/@graph/{position}" if isinstance(graph, list) else "/@graph"
            rest = {key: item for key, item in value.items() if key not in ("@graph", "@context")}
            if rest:
                yield rest, ""
        else:
            yield value, ""


_SUBTYPES: dict[tuple[int, str], frozenset[str]] = {}


def _subtypes(base: str, fallback: frozenset[str]) -> frozenset[str]:
    """``base`` and its subtypes in the installed vocabulary, else the built-in ``fallback``.

    Looked up per call (one ``stat``), so installing the vocabulary mid-process takes effect;
    the sets are computed once per vocabulary.
    """
    vocabulary = load_vocabulary()
    if vocabulary is None:
        return fallback
    key = (id(vocabulary), base)
    found = _SUBTYPES.get(key)
    if found is None:
        found = _SUBTYPES[key] = frozenset(vocabulary.subtypes(base)) | fallback
    return found


def article_types() -> frozenset[str]:
    """Article-like types: Article and its subtypes (from the vocabulary when installed), Report."""
    return _subtypes("Article", ARTICLE_TYPES)


def _kind(node: Node) -> str | None:
    types = set(node.types)
    if not types:
        return None
    if types & _subtypes("Person", frozenset({"Person"})):
        return "person"
    if types & _subtypes("Organization", ORGANIZATION_TYPES):
        return "organisation"
    if types & _subtypes("Place", PLACE_BASE_TYPES):
        return "place"
    if types & _subtypes("Event", EVENT_BASE_TYPES):
        return "event"
    return None


def _is_article(node: Node, names: frozenset[str]) -> bool:
    """Whether a node has an article-like type; ``newsarticle`` in the wrong case counts too."""
    return any(name in names or name.lower() in names for name in node.types)


def _article_names() -> frozenset[str]:
    types = article_types()
    return types | frozenset(name.lower() for name in types)


def _link(value: Any) -> str | None:
    if isinstance(value, Node):
        return value.id or _text(value.first("url"))
    return _text(value)
