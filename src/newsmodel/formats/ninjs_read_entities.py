"""The people, organisations, places and events of a ninjs document, as the model's entities.

Apart from :mod:`.ninjs_read` because it is the reader's hot loop (dozens of entities an
article) with rules of its own: ninjs gives an entity a name, a code (``code`` in 1.x,
``literal`` after) and a ``uri``, where the model wants a unique id and ``same_as`` links.  A
code that is a usable id (:data:`~newsmodel.models.types.ENTITY_ID_PATTERN`, not taken yet)
becomes the id, else ``<kind>-<n>`` is made up; a place's GeoJSON point becomes its ``geo``;
anything else an entity carries is listed as unmapped, never dropped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from newsmodel.models.types import ENTITY_ID_PATTERN

if TYPE_CHECKING:
    from newsmodel.formats.ninjs_read import Reader

_KINDS = (
    ("people", "persons", "person"),
    ("organisations", "organisations", "org"),
    ("places", "places", "place"),
    ("events", "events", "event"),
)
ARRAYS = tuple(logical for logical, _, _ in _KINDS)
"""The logical names of the entity arrays (``people``... in ``ninjs_versions.NAMES``)."""
_ENTITY_KEYS = frozenset({"name", "code", "literal", "uri", "scheme"})
_ENTITY_ID = re.compile(ENTITY_ID_PATTERN).match


def read(reader: Reader, data: dict[str, Any]) -> None:
    """Fill the article's ``persons``, ``organisations``, ``places`` and ``events``."""
    for logical, collection, kind in _KINDS:
        data[collection] = _entities(reader, logical, kind)


def _entities(reader: Reader, logical: str, kind: str) -> list[dict[str, Any]]:
    """Name, id and ``same_as`` of each entity; the rest listed as unmapped."""
    array = reader.name[logical]
    items = reader.array(array)
    if not items:
        return []
    out: list[dict[str, Any]] = []
    family_1 = reader.family == 1
    code_key = "code" if family_1 else "literal"
    links = logical != "events"
    taken = reader.taken
    unmapped = reader.unmapped
    for index, item in enumerate(items):
        name = item.get("name")
        if not isinstance(name, str) or not name:
            unmapped.append(f"/{array}/{index} without a name")
            continue
        local = item.get(code_key)
        same_as = None
        if family_1 or "uri" in item:
            uri = item.get("uri")
            scheme = item.get("scheme") if family_1 else None
            if isinstance(scheme, str) and isinstance(local, str):
                same_as = [scheme + local]
            elif isinstance(uri, str):
                if links:
                    same_as = [uri]
                else:
                    unmapped.append(f"/{array}/{index}/uri")
        if not (isinstance(local, str) and _ENTITY_ID(local)) or local in taken:
            number = len(out) + 1
            while f"{kind}-{number}" in taken:
                number += 1
            local = f"{kind}-{number}"
        taken.add(local)
        entity: dict[str, Any] = {"name": name, "id": local}
        if same_as is not None:
            entity["same_as"] = same_as
        if not _ENTITY_KEYS.issuperset(item):
            pointer = f"/{array}/{index}"
            geo = [key for key in item if _is_geo(key)]
            if logical == "places" and geo:
                entity["geo"] = _geo(reader, item, pointer, geo)
            unmapped.extend(
                f"{pointer}/{key}" for key in item if key not in _ENTITY_KEYS and key not in geo
            )
        out.append(entity)
    return out


def _geo(
    reader: Reader, item: dict[str, Any], pointer: str, keys: list[str]
) -> dict[str, float] | None:
    for key in keys:
        value = item[key]
        coordinates = value.get("coordinates") if isinstance(value, dict) else None
        if (
            isinstance(value, dict)
            and value.get("type") == "Point"
            and isinstance(coordinates, list)
            and len(coordinates) >= 2
            and all(isinstance(c, int | float) and not isinstance(c, bool) for c in coordinates[:2])
            and -180 <= coordinates[0] <= 180
            and -90 <= coordinates[1] <= 90
        ):
            return {"latitude": float(coordinates[1]), "longitude": float(coordinates[0])}
        reader.unmapped.append(f"{pointer}/{key} (not a GeoJSON point)")
    return None


def _is_geo(key: str) -> bool:
    return key in ("geojson", "geoJSON") or key.startswith("geometry_")
