"""The article's people, organisations, places and events as NewsML-G2 subjects and asserts.

One ``subject`` per entity (typed ``cpnat:*``, named, with alternate and Latin names, ``sameAs``,
occupation, nationality, parent, place kind, an event's category and status) and one ``assert``
per entity with details NewsML-G2 has a place for (affiliations, an organisation's country, an
event's dates, location and participants, a place's position).  Entity qcodes use the inline
scheme ``nmid``, so the reader can rebuild every reference.
"""

from __future__ import annotations

from decimal import Decimal

from newsmodel.formats.newsml_write_text import (
    _LINE_BREAKS,
    _escape_attr,
    _iri,
    _latin,
    _name,
    _Text,
    qcode,
)
from newsmodel.models import Event, Organisation, Person, Place

ENTITY_TYPES = {
    Person: "cpnat:person",
    Organisation: "cpnat:organisation",
    Place: "cpnat:geoArea",
    Event: "cpnat:event",
}


def _subject(
    out: list[str],
    entity: Person | Organisation | Place | Event,
    language: str | None,
    text: _Text,
) -> None:
    out.append(
        f'    <subject type="{ENTITY_TYPES[type(entity)]}" qcode="{qcode("nmid", entity.id)}">'
    )
    out.append(_name(entity.name, language, text, role="nrol:full"))
    if isinstance(entity, Person):
        if entity.given_name:
            out.append(_name(entity.given_name, language, text, role="nrol:first"))
        if entity.family_name:
            out.append(_name(entity.family_name, language, text, role="nrol:last"))
        if entity.name_latin:
            out.append(_name(entity.name_latin, _latin(language), text, role="nrol:full"))
    if entity.mentions:
        # Offsets into the body; the reader slices the body again to rebuild each mention.
        spans = " ".join(f"{mention.start}:{mention.end}" for mention in entity.mentions)
        out.append(f'<note role="nmnote:mentions">{spans}</note>')
    if isinstance(entity, Event):
        _event_subject(out, entity, text)
        out.append("</subject>\n")
        return
    for alternate in entity.alternate_names:
        out.append(_name(alternate, language, text, role="nrol:alternate"))
    for uri in entity.same_as:
        out.append(f'<sameAs uri="{_escape_attr(_iri(uri))}"/>')
    if isinstance(entity, Person):
        if entity.job_title:
            out.append(
                f'<related rel="nmrel:occupation" literal="{text.attr(entity.job_title)}">'
                f"{_name(entity.job_title, language, text)}</related>"
            )
        if entity.nationality:
            out.append(
                f'<related rel="nmrel:nationality" qcode="{qcode("nmid", entity.nationality)}"/>'
            )
    elif isinstance(entity, Organisation) and entity.parent:
        out.append(f'<broader qcode="{qcode("nmid", entity.parent)}" type="cpnat:organisation"/>')
    elif isinstance(entity, Place):
        _place_relations(out, entity)
    out.append("</subject>\n")


def _decimal(value: float) -> str:
    """A float as ``xs:decimal`` writes it: the shortest digits that read back the same,
    never in exponent form (``1e-05`` -> ``0.00001``)."""
    return format(Decimal(repr(value)), "f")


def _place_relations(out: list[str], place: Place) -> None:
    """The containing place as ``broader``, then the kind and the ISO country code."""
    if place.contained_in:
        out.append(f'<broader qcode="{qcode("nmid", place.contained_in)}" type="cpnat:geoArea"/>')
    if place.kind is not None:
        out.append(f'<related rel="nmrel:kind" qcode="{qcode("nmplk", place.kind.value)}"/>')
    if place.country_code:
        out.append(f'<related rel="nmrel:country-code" qcode="nmcc:{place.country_code}"/>')


def _event_subject(out: list[str], event: Event, text: _Text) -> None:
    """Category and evidence sentence; without a start date (eventDetails needs one), also the
    end date, locations (``nmrel:location``) and participants (``rel`` is the role)."""
    if event.description:
        # names and definitions come before the relationship elements
        out.append(f"<definition>{text.block(event.description)}</definition>")
    out.append(f'<related rel="nmrel:category" qcode="{qcode("nmevcat", event.category.value)}"/>')
    if event.status is not None:
        out.append(f'<related rel="nmrel:status" qcode="nmevst:{event.status.value}"/>')
    if event.start_date is not None:
        return
    if event.end_date is not None:
        out.append(f'<related rel="nmrel:end-date" literal="{event.end_date.isoformat()}"/>')
    for place in event.location:
        out.append(f'<related rel="nmrel:location" qcode="{qcode("nmid", place)}"/>')
    for participant in event.participants:
        rel = (
            qcode("nmrole", _plain_line(participant.role))
            if participant.role
            else ("nmrel:participant")
        )
        out.append(f'<related rel="{rel}" qcode="{qcode("nmid", participant.id)}"/>')


def _assert(out: list[str], entity: Person | Organisation | Place | Event, text: _Text) -> None:
    """Concept details where NewsML-G2 has a place for them; entities without any get none."""
    details = ""
    if isinstance(entity, Person) and entity.affiliation:
        affiliations = "".join(
            f'<affiliation qcode="{qcode("nmid", org)}"/>' for org in entity.affiliation
        )
        details = f"<personDetails>{affiliations}</personDetails>"
    elif isinstance(entity, Organisation) and entity.country:
        details = (
            f'<organisationDetails><location qcode="{qcode("nmid", entity.country)}" '
            'type="cpnat:geoArea"/></organisationDetails>'
        )
    elif isinstance(entity, Event):
        details = _event_details(entity)
    elif isinstance(entity, Place) and entity.geo is not None:
        details = (
            f'<geoAreaDetails><position latitude="{_decimal(entity.geo.latitude)}" '
            f'longitude="{_decimal(entity.geo.longitude)}"/></geoAreaDetails>'
        )
    if details:
        out.append(f'  <assert qcode="{qcode("nmid", entity.id)}">{details}</assert>\n')


def _event_details(event: Event) -> str:
    """eventDetails needs ``dates/start``: without a start date, the subject carries the rest."""
    if event.start_date is None:
        return ""
    parts = [f"<eventDetails><dates><start>{event.start_date.isoformat()}</start>"]
    if event.end_date is not None:
        parts.append(f"<end>{event.end_date.isoformat()}</end>")
    parts.append("</dates>")
    for place in event.location:
        parts.append(f'<location qcode="{qcode("nmid", place)}" type="cpnat:geoArea"/>')
    for participant in event.participants:
        role = (
            f' role="{qcode("nmrole", _plain_line(participant.role))}"' if participant.role else ""
        )
        parts.append(f'<participant qcode="{qcode("nmid", participant.id)}"{role}/>')
    parts.append("</eventDetails>")
    return "".join(parts)


def _plain_line(value: str) -> str:
    """A role before percent-encoding: on one line (the qcode itself is always ASCII)."""
    return _LINE_BREAKS.sub(" ", value)
