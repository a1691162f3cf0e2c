"""The data model: pydantic models only, no formats, no parsing, no I/O."""

from newsmodel.models.article import Article, Provenance
from newsmodel.models.events import Event, EventCategory, EventStatus, Participant
from newsmodel.models.metadata import (
    AgentKind,
    Author,
    AuthorRole,
    Concept,
    Dateline,
    Image,
    Link,
    PubStatus,
    Rendition,
    Rights,
    Signal,
    SignalKind,
)
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
    "AgentKind",
    "Article",
    "Author",
    "AuthorRole",
    "Concept",
    "CountryCode",
    "Dateline",
    "EntityId",
    "Event",
    "EventCategory",
    "EventStatus",
    "GeoPoint",
    "Image",
    "LanguageTag",
    "Link",
    "Mention",
    "Organisation",
    "PartialDate",
    "Participant",
    "Person",
    "Place",
    "PlaceKind",
    "Provenance",
    "PubStatus",
    "PublicationDate",
    "Rendition",
    "Rights",
    "Signal",
    "SignalKind",
]
