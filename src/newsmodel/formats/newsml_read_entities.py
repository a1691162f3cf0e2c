"""NewsML-G2 concepts that become the model's people, organisations, places and events.

Subjects typed ``cpnat:person|organisation|geoArea|poi|event`` (older ``cptype:*``), concepts of
concept and knowledge items, and ``assert`` details (affiliations, countries, event dates,
locations, participants, positions); references are resolved at the end, and those pointing
nowhere are listed in ``provenance.unmapped``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import unquote

from lxml import etree

from newsmodel.formats.newsml_read_item import XML_LANG, _first_text, _Item, _local, _text
from newsmodel.formats.newsml_write_text import LATIN
from newsmodel.models import EventCategory, EventStatus, PartialDate, PlaceKind
from newsmodel.models.types import COUNTRY_CODE_PATTERN, ENTITY_ID_PATTERN

KINDS: dict[str, str] = {
    "person": "persons",
    "organisation": "organisations",
    "organization": "organisations",
    "geoarea": "places",
    "poi": "places",
    "event": "events",
}
"""Concept natures (``cpnat:*``, older ``cptype:*``) that become entities, by model list."""

_ID_RE = re.compile(ENTITY_ID_PATTERN)
COUNTRY = re.compile(COUNTRY_CODE_PATTERN)


def _kind_of(item: _Item, element: etree._Element, *, concept: bool = False) -> str | None:
    """The model list an element's concept nature maps to: from its ``type`` attribute, or
    (concepts, and subjects without the attribute) its ``type`` child."""
    attribute = element.get("type")
    codes = [attribute] if attribute else []
    if not attribute or concept:
        type_element = item.first(element, "type")
        if type_element is not None:
            codes.append(type_element.get("qcode") or "")
    for code in codes:
        alias, _, value = code.partition(":")
        if alias in ("cpnat", "cptype") and value.lower() in KINDS:
            return KINDS[value.lower()]
    return None


def _entity_id(item: _Item, reference: str) -> str:
    if reference.startswith("nmid:") and item.own:
        return unquote(reference.removeprefix("nmid:"))
    candidate = reference.replace(" ", "-")
    if not _ID_RE.match(candidate):
        candidate = "x-" + re.sub(r"[^A-Za-z0-9._~:/#-]", "-", candidate)[:200].strip("-")
        if not _ID_RE.match(candidate):
            candidate = f"x-{abs(hash(reference)) % 10**8}"
    return candidate


def _subject(item: _Item, subject: etree._Element, default_kind: str | None = None) -> bool:
    """Read a subject that names an entity; False when it is a topic (for the metadata)."""
    kind = _kind_of(item, subject) or default_kind
    if kind is None:
        return False
    reference = subject.get("qcode") or subject.get("literal") or subject.get("uri") or ""
    _entity(item, subject, kind, reference)
    return True


def _concepts(item: _Item, element: etree._Element) -> Iterator[etree._Element]:
    yield from item.all(element, "concept")
    yield from item.all(item.first(element, "conceptSet"), "concept")


def _concept(item: _Item, concept: etree._Element) -> None:
    kind = _kind_of(item, concept, concept=True)
    concept_id = item.first(concept, "conceptId")
    reference = ""
    if concept_id is not None:
        reference = concept_id.get("qcode") or concept_id.get("uri") or ""
    if kind is None:
        item.unmapped.append(f"concept {reference}".strip())
        return
    entity_id = _entity(item, concept, kind, reference)
    if entity_id is not None:
        _details(item, entity_id, concept)


def _entity(item: _Item, element: etree._Element, kind: str, reference: str) -> str | None:
    names = item.all(element, "name")
    fields: dict[str, Any] = {"alternate_names": [], "mentions": [], "same_as": []}
    if kind == "events":
        fields = {"mentions": []}
    for name_element in names:
        text = _text(item, name_element)
        if not text and not item.own:
            continue
        role = name_element.get("role") or ""
        language = name_element.get(XML_LANG) or ""
        if kind == "persons" and language.endswith("-" + LATIN) and language != item.language:
            fields.setdefault("name_latin", text)
        elif role == "nrol:first" and kind == "persons":
            fields["given_name"] = text
        elif role == "nrol:last" and kind == "persons":
            fields["family_name"] = text
        elif "name" not in fields and role in ("", "nrol:full", "nrol:display"):
            fields["name"] = text
        elif kind != "events" and (item.own or text not in fields["alternate_names"]):
            fields["alternate_names"].append(text)
    if "name" not in fields:
        fallback = element.get("literal") or reference.partition(":")[2] or reference
        alternates = fields.get("alternate_names") or []
        fields["name"] = alternates.pop(0) if alternates else fallback
    if not fields["name"]:
        item.unmapped.append(f"{kind} entity without a name {reference}".strip())
        return None
    entity_id = item.aliases.get(reference) or _entity_id(item, reference or fields["name"])
    if entity_id in item.entities:
        return entity_id  # the same concept twice (subject and located, say)
    fields["id"] = entity_id
    item.aliases[reference or fields["name"]] = entity_id
    _relations(item, element, kind, fields)
    item.entities[entity_id] = fields
    item.kinds[entity_id] = kind
    return entity_id


def _relations(item: _Item, element: etree._Element, kind: str, fields: dict[str, Any]) -> None:
    for child in element:
        if not isinstance(child.tag, str):
            continue
        local = _local(child)
        rel = child.get("rel") or ""
        target = child.get("qcode") or child.get("uri") or child.get("literal") or ""
        if local == "note" and child.get("role") == "nmnote:mentions":
            fields["_mentions"] = (child.text or "").split()
        elif local == "sameAs" and kind != "events":
            fields["same_as"].append(child.get("uri") or child.get("qcode") or "")
        elif local == "definition" and kind == "events":
            fields["description"] = _text(item, child)
        elif rel == "nmrel:occupation" and kind == "persons":
            fields["job_title"] = _first_text(item, child, "name") or child.get("literal")
        elif rel == "nmrel:nationality" and kind == "persons":
            fields["_nationality"] = target
        elif local == "broader" and kind == "organisations":
            fields["_parent"] = target
        elif local == "broader" and kind == "places":
            fields["_container"] = target
        elif rel == "nmrel:country-code" and kind == "places":
            code = target.partition(":")[2].upper()
            if COUNTRY.match(code):
                fields["country_code"] = code
            else:
                item.unmapped.append(f"country code {target}")
        elif rel == "nmrel:kind" and kind == "places":
            fields["kind"] = _enum(PlaceKind, unquote(target.partition(":")[2]))
        elif rel == "nmrel:category" and kind == "events":
            fields["category"] = _enum(EventCategory, unquote(target.partition(":")[2]))
        elif rel == "nmrel:status" and kind == "events":
            fields["status"] = _enum(EventStatus, unquote(target.partition(":")[2]))
        elif rel == "nmrel:end-date" and kind == "events":
            fields["end_date"] = _partial(item, target)
        elif rel == "nmrel:location" and kind == "events":
            fields.setdefault("_location", []).append(target)
        elif kind == "events" and (rel == "nmrel:participant" or rel.startswith("nmrole:")):
            role = unquote(rel.removeprefix("nmrole:")) if rel.startswith("nmrole:") else None
            fields.setdefault("_participants", []).append((target, role))
        elif local in ("related", "broader", "narrower", "sameAs"):
            item.unmapped.append(f"{local} {rel} {target}".replace("  ", " ").strip())


def _enum(enum: Callable[[str], Any], value: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        return None


def _partial(item: _Item, text: str | None) -> PartialDate | None:
    value = (text or "").strip()[:10]
    try:
        return PartialDate.parse(value)
    except ValueError:
        if value:
            item.unmapped.append(f"date {text!r}")
        return None


def _details(item: _Item, entity_id: str, element: etree._Element) -> None:
    fields = item.entities[entity_id]
    kind = item.kinds[entity_id]
    for details in element:
        if not isinstance(details.tag, str):
            continue
        local = _local(details)
        if local == "personDetails" and kind == "persons":
            fields["_affiliation"] = [
                a.get("qcode") or a.get("literal") or "" for a in item.all(details, "affiliation")
            ]
            for affiliation in item.all(details, "affiliation"):
                _maybe_entity(item, affiliation, "organisations")
        elif local == "organisationDetails" and kind == "organisations":
            location = item.first(details, "location")
            if location is not None:
                _maybe_entity(item, location, "places")
                fields["_country"] = location.get("qcode") or location.get("literal") or ""
        elif local == "eventDetails" and kind == "events":
            _event_details(item, fields, details)
        elif local == "geoAreaDetails" and kind == "places":
            _position(item, fields, item.first(details, "position"))


def _position(item: _Item, fields: dict[str, Any], position: etree._Element | None) -> None:
    """``position``'s latitude and longitude (decimal degrees), when both are in range."""
    if position is None:
        return
    try:
        latitude = float(position.get("latitude") or "nan")
        longitude = float(position.get("longitude") or "nan")
    except ValueError:
        latitude = longitude = math.nan
    if abs(latitude) <= 90 and abs(longitude) <= 180:
        fields["geo"] = {"latitude": latitude, "longitude": longitude}
    else:
        item.unmapped.append(f"position {position.get('latitude')!r} {position.get('longitude')!r}")


def _maybe_entity(item: _Item, element: etree._Element, kind: str) -> None:
    """A foreign detail naming an entity the subjects did not list becomes one, if named."""
    reference = element.get("qcode") or element.get("literal") or ""
    if reference in item.aliases or item.first(element, "name") is None:
        return
    _entity(item, element, kind, reference)


def _event_details(item: _Item, fields: dict[str, Any], details: etree._Element) -> None:
    start = item.first(item.first(details, "dates"), "start")
    end = item.first(item.first(details, "dates"), "end")
    if start is not None:
        fields["start_date"] = _partial(item, start.text)
    if end is not None:
        fields["end_date"] = _partial(item, end.text)
    fields.setdefault("_location", [])
    for location in item.all(details, "location"):
        _maybe_entity(item, location, "places")
        fields["_location"].append(location.get("qcode") or location.get("literal") or "")
    fields.setdefault("_participants", [])
    for participant in [*item.all(details, "participant"), *item.all(details, "organiser")]:
        _maybe_entity(item, participant, "persons")
        role = participant.get("role") or (
            "organiser" if _local(participant) == "organiser" else None
        )
        if role and role.startswith("nmrole:") and item.own:
            role = unquote(role.removeprefix("nmrole:"))
        fields["_participants"].append(
            (participant.get("qcode") or participant.get("literal") or "", role)
        )


def _entity_fields(item: _Item, article: dict[str, Any]) -> None:
    """Resolve references (dropping, and noting, those that point nowhere) and fill the lists."""
    body = article["body"]

    def resolve(reference: str, wanted: tuple[str, ...], what: str) -> str | None:
        target = item.aliases.get(reference)
        if target is None and reference.startswith("nmid:"):
            target = unquote(reference.removeprefix("nmid:"))
        if target is not None and item.kinds.get(target) in wanted:
            return target
        if reference:
            item.unmapped.append(f"{what} {reference}")
        return None

    lists: dict[str, list[dict[str, Any]]] = {
        "persons": [],
        "organisations": [],
        "places": [],
        "events": [],
    }
    for entity_id, fields in item.entities.items():
        kind = item.kinds[entity_id]
        mentions = []
        for span in fields.pop("_mentions", []):
            start, _, end = span.partition(":")
            if start.isdigit() and end.isdigit() and int(start) <= int(end) <= len(body):
                mentions.append(
                    {"start": int(start), "end": int(end), "text": body[int(start) : int(end)]}
                )
        fields["mentions"] = mentions
        if kind == "persons":
            fields["affiliation"] = [
                t
                for ref in fields.pop("_affiliation", [])
                if (t := resolve(ref, ("organisations",), "affiliation"))
            ]
            fields["nationality"] = resolve(
                fields.pop("_nationality", ""), ("places",), "nationality"
            )
        elif kind == "organisations":
            fields["country"] = resolve(fields.pop("_country", ""), ("places",), "country")
            parent = resolve(fields.pop("_parent", ""), ("organisations",), "parent")
            fields["parent"] = parent if parent != entity_id else None
        elif kind == "places":
            container = resolve(fields.pop("_container", ""), ("places",), "broader")
            fields["contained_in"] = container if container != entity_id else None
        elif kind == "events":
            fields["location"] = [
                t
                for ref in fields.pop("_location", [])
                if (t := resolve(ref, ("places",), "event location"))
            ]
            fields["participants"] = [
                {"id": t, "role": role}
                for ref, role in fields.pop("_participants", [])
                if (t := resolve(ref, ("persons", "organisations", "places"), "participant"))
            ]
            start, end = fields.get("start_date"), fields.get("end_date")
            if start is not None and end is not None and end.last_day() < start.first_day():
                item.unmapped.append(f"event end {end} before start {start}")
                fields["end_date"] = None
        lists[kind].append({k: v for k, v in fields.items() if v is not None})
    article.update(lists)
