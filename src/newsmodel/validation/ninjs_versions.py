"""What each IPTC ninjs version calls each property, and which properties it has at all.

ninjs changed shape twice: 1.x (1.0-1.6) names everything in lowercase with singular arrays
(``person``, ``headline``, ``body_text``), 2.x (2.0-2.2) keeps lowercase but uses plural
arrays of objects (``people``, ``headlines``, ``bodies``), 3.x (3.0-3.1) is camelCase
(``versionCreated``, ``pubStatus``).  The writer and the reader look every name up here, so
one table decides both directions.  The property sets are transcribed from IPTC's official
schemas (``ninjs-schema_<version>.json``); ``tests/unit/test_ninjs_versions.py`` checks them
against the installed schemas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newsmodel.errors import DocumentError, FormatError

VERSIONS = ("1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.0", "2.1", "2.2", "3.0", "3.1")
DEFAULT_VERSION = "3.1"
"""The version ``dump`` writes unless told otherwise: the latest, which carries the most."""


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


_V1_0 = _names(
    "associations byline copyrightholder copyrightnotice embargoed event headline language "
    "located mimetype object organisation person place profile pubstatus renditions "
    "representationtype subject type uri version versioncreated"
)
_V1_1 = _V1_0 | {"urgency", "usageterms"}
_V1_2 = _V1_1 | {
    "charcount",
    "ednote",
    "firstcreated",
    "infosource",
    "slugline",
    "title",
    "wordcount",
}
_V1_3 = _V1_2 | {"$standard", "altids", "genre", "trustindicator"}
_V1_4 = _V1_3 | {"contentcreated", "expires", "rightsinfo"}
_V1_6 = _V1_4 | {"digitalsourcetype"}
_V2_0 = _names(
    "altids associations bodies by contentcreated copyrightholder copyrightnotice descriptions "
    "ednote embargoed events firstcreated genres headlines infosources language located objects "
    "organisations people places profile pubstatus renditions representationtype rightsinfo "
    "slugline standard subjects title trustindicators type urgency uri usageterms version "
    "versioncreated"
)
_V2_1 = _V2_0 | {"expires"}
_V2_2 = _V2_1 | {"digitalsourcetype"}
_V3_0 = _names(
    "altIds associations bodies by contentCreated copyrightHolder copyrightNotice descriptions "
    "edNote embargoedUntil eventDetails events expires firstCreated genres headlines infoSources "
    "language located objects organisations people places plannedCoverage profile pubStatus "
    "renditions representationType rightsInfo slugline standard subjects title trustIndicators "
    "type urgency uri usageTerms version versionCreated"
)
_V3_1 = _V3_0 | {"digitalSourceType"}

PROPERTIES: dict[str, frozenset[str]] = {
    "1.0": _V1_0,
    "1.1": _V1_1,
    "1.2": _V1_2,
    "1.3": _V1_3,
    "1.4": _V1_4,
    "1.5": _V1_4,
    "1.6": _V1_6,
    "2.0": _V2_0,
    "2.1": _V2_1,
    "2.2": _V2_2,
    "3.0": _V3_0,
    "3.1": _V3_1,
}
"""Top-level properties of each version (1.x also takes ``description_*``, ``body_*`` and,
from 1.3, ``headline_*`` by pattern)."""

NAMES: dict[str, tuple[str, str, str]] = {
    # logical name: (1.x, 2.x, 3.x)
    "uri": ("uri", "uri", "uri"),
    "type": ("type", "type", "type"),
    "version": ("version", "version", "version"),
    "first_created": ("firstcreated", "firstcreated", "firstCreated"),
    "version_created": ("versioncreated", "versioncreated", "versionCreated"),
    "content_created": ("contentcreated", "contentcreated", "contentCreated"),
    "embargoed": ("embargoed", "embargoed", "embargoedUntil"),
    "pub_status": ("pubstatus", "pubstatus", "pubStatus"),
    "urgency": ("urgency", "urgency", "urgency"),
    "copyright_holder": ("copyrightholder", "copyrightholder", "copyrightHolder"),
    "copyright_notice": ("copyrightnotice", "copyrightnotice", "copyrightNotice"),
    "usage_terms": ("usageterms", "usageterms", "usageTerms"),
    "ed_note": ("ednote", "ednote", "edNote"),
    "language": ("language", "language", "language"),
    "headline": ("headline", "headlines", "headlines"),
    "description": ("description_text", "descriptions", "descriptions"),
    "body": ("body_text", "bodies", "bodies"),
    "word_count": ("wordcount", "wordcount", "wordCount"),
    "by": ("byline", "by", "by"),
    "slugline": ("slugline", "slugline", "slugline"),
    "located": ("located", "located", "located"),
    "people": ("person", "people", "people"),
    "organisations": ("organisation", "organisations", "organisations"),
    "places": ("place", "places", "places"),
    "subjects": ("subject", "subjects", "subjects"),
    "events": ("event", "events", "events"),
    "genres": ("genre", "genres", "genres"),
    "info_sources": ("infosource", "infosources", "infoSources"),
    "alt_ids": ("altids", "altids", "altIds"),
    "renditions": ("renditions", "renditions", "renditions"),
    "associations": ("associations", "associations", "associations"),
    "standard": ("$standard", "standard", "standard"),
    "rights_info": ("rightsinfo", "rightsinfo", "rightsInfo"),
    "content_type": ("mimetype", "contenttype", "contentType"),
    "title": ("title", "title", "title"),
}
"""Property names by what they mean, per family; a body's ``contenttype`` in 2.x is
``contentType`` in 3.x (1.x writes the format into the ``body_<format>`` name instead)."""


@dataclass(frozen=True, slots=True)
class Spec:
    """One ninjs version: its family and the properties it has."""

    version: str
    family: int
    properties: frozenset[str]

    def name(self, logical: str) -> str:
        """The property name this version uses for ``logical``."""
        return NAMES[logical][self.family - 1]

    def has(self, logical: str) -> bool:
        """Whether this version has a top-level property for ``logical``."""
        name = self.name(logical)
        if self.family == 1 and logical in ("description", "body"):
            return True  # description_*/body_* by pattern, in every 1.x
        return name in self.properties

    @property
    def geo_key(self) -> str | None:
        """Where a place's geometry goes: a ``geometry_*`` object from 1.1, a GeoJSON
        ``geojson`` in 2.x, ``geoJSON`` in 3.x; 1.0 has none."""
        if self.family == 1:
            return None if self.version == "1.0" else "geometry_geojson"
        return "geojson" if self.family == 2 else "geoJSON"

    @property
    def schema_url(self) -> str:
        return f"http://www.iptc.org/std/ninjs/ninjs-schema_{self.version}.json#"


SPECS = {version: Spec(version, int(version[0]), PROPERTIES[version]) for version in VERSIONS}


def spec(version: str) -> Spec:
    """The :class:`Spec` of a version, or a :class:`FormatError` naming the known ones."""
    try:
        return SPECS[version]
    except KeyError:
        raise FormatError(
            f"unknown ninjs version {version!r}", hint=f"known versions: {', '.join(VERSIONS)}"
        ) from None


_SCHEMA_URL = re.compile(r"ninjs-schema_(\d+\.\d+)\.json")
_VERSION_PREFIX = re.compile(r"^\s*v?(\d+\.\d+)")
_FAMILY_1 = _V1_6 - _V2_2
_LOWERCASE = _V2_2 - _V3_1
"""Lowercase names 3.x spells in camelCase (``versioncreated``): 1.x or 2.x."""
_FAMILY_3 = _V3_1 - _V2_2
_PLURAL = (_V2_2 & _V3_1) - _V1_6


@dataclass(frozen=True, slots=True)
class Detected:
    """The version a document is read as, how that was decided, and any doubt about it."""

    version: str
    declared: bool
    warning: str | None = None


def detect_version(document: dict[str, Any]) -> Detected:
    """The ninjs version of a parsed document.

    A declared version wins: ``standard.version`` (2.x, 3.x) or ``$standard.version`` (1.3+),
    else the version in the ``schema`` URL next to it; ``2.0-dev`` is read as 2.0, with a
    warning.  A declared version that is no ninjs version raises :class:`DocumentError`.  An
    undeclared document is told by its property names (camelCase is 3.x, plural arrays 2.x,
    singular ones, ``body_*`` or lowercase names without plural arrays
    1.x) and read as the newest version of that family, which
    accepts what the earlier ones did; a document with only shared names (``uri``,
    ``type``...) is read as the newest version."""
    for key in ("standard", "$standard"):
        declared = document.get(key)
        if isinstance(declared, dict):
            found = _declared(declared, key)
            if found is not None:
                return found
    keys = set(document)
    if any(isinstance(document.get(key), list) for key in ("associations", "renditions")):
        keys.add("headlines")  # arrays from 2.0 on; objects keyed by name in 1.x
    if keys & _FAMILY_3:
        return Detected(VERSIONS[-1], False)
    if keys & _PLURAL:
        return Detected("2.2" if keys & _LOWERCASE else VERSIONS[-1], False)
    if keys & (_FAMILY_1 | _LOWERCASE) or any(
        key.startswith(("body_", "description_", "headline_")) for key in keys
    ):
        return Detected("1.6", False)
    return Detected(VERSIONS[-1], False)


def _declared(declared: dict[str, Any], key: str) -> Detected | None:
    value = declared.get("version")
    if isinstance(value, str):
        if value in SPECS:
            return Detected(value, True)
        prefix = _VERSION_PREFIX.match(value)
        if prefix and prefix.group(1) in SPECS:
            return Detected(
                prefix.group(1), True, f"{key}.version {value!r} read as ninjs {prefix.group(1)}"
            )
        raise DocumentError(
            f"{key}.version {value!r} is not a ninjs version",
            where=f"/{key}/version",
            hint=f"known versions: {', '.join(VERSIONS)}",
        )
    schema = declared.get("schema")
    if isinstance(schema, str):
        found = _SCHEMA_URL.search(schema)
        # A schema URL counts only for its own family: ``standard`` naming a 1.x schema
        # (which has no ``standard``) says nothing about the version, and the shape decides.
        if found and found.group(1) in SPECS and (found.group(1) < "2") == (key == "$standard"):
            return Detected(found.group(1), True)
    return None
