"""The article: the centre of the model, and the one place references are checked."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from pydantic import Field, model_validator

from newsmodel.models.base import StrictModel
from newsmodel.models.events import Event
from newsmodel.models.metadata import (
    Author,
    Concept,
    Dateline,
    Image,
    Link,
    PubStatus,
    Rights,
    Signal,
)
from newsmodel.models.people import Organisation, Person
from newsmodel.models.places import Place
from newsmodel.models.types import (
    MAX_COUNT,
    LanguageTag,
    Mention,
    PublicationDate,
)


class Provenance(StrictModel):
    """Where the article came from and what happened on the way in.

    ``warnings`` records what a reader or the parser had to guess (a non-ISO date, text that is
    not Ukrainian); ``unmapped`` lists what a source carried that the model has no place for, so
    nothing is dropped silently.
    """

    source: str | None = Field(default=None, description="File name, URL or caller's id.")
    format: str | None = Field(default=None, description="The format read: text, json, ...")
    warnings: list[str] = Field(default_factory=list)
    unmapped: list[str] = Field(default_factory=list)


class Article(StrictModel):
    """A news article with the people, organisations, places and events it reports.

    ``body`` is the source text verbatim, so every ``Mention`` indexes into it.  ``headline``,
    ``date_published`` and ``language`` are required keys that may be ``null``: a feed may lack
    them, but a value that is given must be valid.  The newsroom's metadata (``version`` to
    ``links``; see ``models.metadata``) is optional throughout: a source without it leaves it
    empty.  The dateline's place and an author's entity are references, checked like the rest.
    """

    id: str = Field(min_length=1, max_length=1024, pattern=r"^\S(.*\S)?$")
    headline: str | None = Field(description="At most a line; derived from the lead if absent.")
    description: str | None = None
    date_published: PublicationDate | None
    language: LanguageTag | None
    body: str
    word_count: int = Field(default=0, ge=0, le=MAX_COUNT)
    keywords: list[str] = Field(default_factory=list)
    byline: str | None = Field(default=None, description="The byline, as written.")
    authors: list[Author] = Field(default_factory=list)
    publisher: str | None = None
    url: str | None = None
    date_modified: PublicationDate | None = None
    first_created: PublicationDate | None = None
    version: int | None = Field(default=None, ge=1, le=MAX_COUNT)
    pub_status: PubStatus | None = None
    embargoed_until: PublicationDate | None = None
    urgency: int | None = Field(default=None, ge=1, le=9, description="1 is the most urgent.")
    slugline: str | None = None
    dateline: Dateline | None = None
    editorial_note: str | None = Field(default=None, description="A note to editors.")
    creditline: str | None = None
    genres: list[Concept] = Field(default_factory=list)
    subjects: list[Concept] = Field(default_factory=list)
    rights: Rights | None = None
    images: list[Image] = Field(default_factory=list)
    signals: list[Signal] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    persons: list[Person] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    provenance: Provenance = Field(default_factory=Provenance)

    def entities(self) -> Iterator[Person | Organisation | Place | Event]:
        """Every person, organisation, place and event, in that order."""
        yield from self.persons
        yield from self.organisations
        yield from self.places
        yield from self.events

    def get(self, entity_id: str) -> Person | Organisation | Place | Event | None:
        """The entity or event with this id, or ``None``."""
        return next((entity for entity in self.entities() if entity.id == entity_id), None)

    def publication_day(self) -> date | None:
        """The calendar day of publication, whatever precision ``date_published`` has."""
        value = self.date_published
        return value.date() if isinstance(value, datetime) else value

    @model_validator(mode="after")
    def _check_graph(self) -> Article:
        """Ids are unique, every reference resolves to the right kind, every mention fits.

        Run on every article built, read or parsed, so it is kept cheap: one dict of ids, and
        the words of a message only put together when there is something to report."""
        kinds: dict[str, str] = {}
        mentioned: list[Person | Organisation | Place | Event] = []
        for group in (self.persons, self.organisations, self.places, self.events):
            for entity in group:
                kind = type(entity).__name__
                if entity.id in kinds:
                    raise ValueError(f"id {entity.id!r} is used twice ({kinds[entity.id]}, {kind})")
                kinds[entity.id] = kind
                if entity.mentions:
                    mentioned.append(entity)
        get = kinds.get
        for person in self.persons:
            for ref in person.affiliation:
                if get(ref) != "Organisation":
                    _refused(kinds, ref, _ORGANISATION, f"person {person.id!r} affiliation")
            if person.nationality is not None and get(person.nationality) != "Place":
                _refused(kinds, person.nationality, _PLACE, f"person {person.id!r} nationality")
        for org in self.organisations:
            if org.country is not None and get(org.country) != "Place":
                _refused(kinds, org.country, _PLACE, f"organisation {org.id!r} country")
            if org.parent is not None and get(org.parent) != "Organisation":
                _refused(kinds, org.parent, _ORGANISATION, f"organisation {org.id!r} parent")
            if org.parent == org.id:
                raise ValueError(f"organisation {org.id!r} is its own parent")
        for place in self.places:
            if place.contained_in is not None and get(place.contained_in) != "Place":
                _refused(kinds, place.contained_in, _PLACE, f"place {place.id!r} contained_in")
            if place.contained_in == place.id:
                raise ValueError(f"place {place.id!r} is contained in itself")
        for event in self.events:
            for ref in event.location:
                if get(ref) != "Place":
                    _refused(kinds, ref, _PLACE, f"event {event.id!r} location")
            for participant in event.participants:
                if get(participant.id) not in _PARTICIPANT:
                    _refused(kinds, participant.id, _PARTICIPANT, f"event {event.id!r} participant")
        dateline = self.dateline
        if dateline is not None and dateline.place is not None and get(dateline.place) != "Place":
            _refused(kinds, dateline.place, _PLACE, "dateline place")
        for index, author in enumerate(self.authors):
            if author.entity is not None and get(author.entity) not in _AGENT:
                _refused(kinds, author.entity, _AGENT, f"author {index} ({author.name!r})")
        body, length = self.body, len(self.body)
        for entity in mentioned:  # checked last: a broken reference is reported first
            for mention in entity.mentions:
                start, end = mention.start, mention.end
                if not start <= end <= length or body[start:end] != mention.text:
                    _check_mention(body, mention, entity.id)
        return self


_ORGANISATION = ("Organisation",)
_PLACE = ("Place",)
_PARTICIPANT = ("Person", "Organisation", "Place")
_AGENT = ("Person", "Organisation")


def _refused(kinds: dict[str, str], ref: str, wanted: tuple[str, ...], where: str) -> None:
    """Raise the error for a reference ``ref`` that is not to one of the ``wanted`` kinds."""
    found = kinds.get(ref)
    if found is None:
        raise ValueError(f"{where} refers to {ref!r}, which is not in the article")
    raise ValueError(f"{where} refers to {ref!r}, a {found}, not a {'/'.join(wanted)}")


def _check_mention(body: str, mention: Mention, owner: str) -> None:
    if mention.end < mention.start or mention.end > len(body):
        raise ValueError(
            f"mention {mention.start}:{mention.end} of {owner!r} is outside the body "
            f"({len(body)} characters)"
        )
    found = body[mention.start : mention.end]
    if found != mention.text:
        raise ValueError(
            f"mention {mention.start}:{mention.end} of {owner!r} says {mention.text!r} "
            f"but the body has {found!r} there"
        )
