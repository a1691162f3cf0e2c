"""The data model: pydantic models only, no formats, no parsing, no I/O."""

from newsmodel.models.article import Article, Provenance
from newsmodel.models.events import Event, EventCategory, Participant
from newsmodel.models.people import Organisation, Person
from newsmodel.models.places import GeoPoint, Place, PlaceKind
from newsmodel.models.types import (
    CountryCode,
    EntityId,
    LanguageTag,
    Mention,
    PartialDate,
    PublicationDate,
)

__all__ = [
    "Article",
    "CountryCode",
    "EntityId",
    "Event",
    "EventCategory",
    "GeoPoint",
    "LanguageTag",
    "Mention",
    "Organisation",
    "PartialDate",
    "Participant",
    "Person",
    "Place",
    "PlaceKind",
    "Provenance",
    "PublicationDate",
]
