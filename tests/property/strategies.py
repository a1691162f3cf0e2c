"""Hypothesis strategies that build valid articles: the raw material of every property test.

Text covers any Unicode the model accepts (Cyrillic, emoji, right-to-left scripts, control
characters, very long and empty strings); dates cover every precision; entity graphs come with
references that resolve and mentions that slice the body.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from newsmodel.models import (
    AgentKind,
    Article,
    Author,
    AuthorRole,
    Concept,
    Dateline,
    Event,
    EventCategory,
    EventStatus,
    GeoPoint,
    Image,
    Link,
    Mention,
    Organisation,
    PartialDate,
    Participant,
    Person,
    Place,
    PlaceKind,
    Provenance,
    PubStatus,
    Rendition,
    Rights,
    Signal,
    SignalKind,
)

CYRILLIC = st.characters(min_codepoint=0x0400, max_codepoint=0x04FF)
RTL = st.characters(min_codepoint=0x0590, max_codepoint=0x06FF)
EMOJI = st.characters(min_codepoint=0x1F300, max_codepoint=0x1F64F)
ANY_CHAR = st.characters(exclude_categories=("Cs",))  # lone surrogates cannot be UTF-8 encoded

text = st.one_of(
    st.text(ANY_CHAR, max_size=40),
    st.text(st.one_of(CYRILLIC, st.sampled_from(" ,.«»’-\n")), max_size=80),
    st.text(st.one_of(RTL, EMOJI, st.just(" ")), max_size=20),
)
name = st.one_of(
    st.text(st.one_of(CYRILLIC, st.just(" "), st.just("-"), st.just("’")), min_size=1, max_size=30),
    st.text(ANY_CHAR, min_size=1, max_size=300),
)
optional_text = st.none() | text

partial_dates = st.one_of(
    st.builds(PartialDate, st.integers(1, 9999)),
    st.builds(PartialDate, st.integers(1, 9999), st.integers(1, 12)),
    st.dates(min_value=date(1, 1, 1)).map(PartialDate.from_date),
)
zones = st.one_of(
    st.none(),
    st.just(UTC),
    st.integers(-14 * 60, 14 * 60).map(lambda minutes: timezone(timedelta(minutes=minutes))),
)
publication_dates = st.one_of(
    st.none(),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.builds(
        lambda day, zone: day.replace(tzinfo=zone, microsecond=0),
        st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2100, 12, 30)),
        zones,
    ),
)
# first_created and embargoed_until may be bare dates, but NewsML-G2 holds only date-times there
# (docs/mapping.md), so the shared strategy draws moments.
timestamps = st.none() | st.builds(
    lambda day, zone: day.replace(tzinfo=zone, microsecond=0),
    st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2100, 12, 30)),
    zones,
)
language_tags = st.none() | st.sampled_from(["uk", "en", "en-GB", "ru", "de", "ar", "zh-Hant"])
same_as = st.lists(
    st.sampled_from(["https://www.wikidata.org/wiki/Q212", "https://example.org/x"]),
    max_size=2,
    unique=True,
)


def _mentions(draw: st.DrawFn, body: str) -> list[Mention]:
    mentions = []
    for _ in range(draw(st.integers(0, 2))):
        start = draw(st.integers(0, len(body)))
        end = draw(st.integers(start, min(len(body), start + 40)))
        mentions.append(Mention(start=start, end=end, text=body[start:end]))
    return mentions


points = st.builds(
    GeoPoint,
    latitude=st.floats(-90, 90, allow_nan=False),
    longitude=st.floats(-180, 180, allow_nan=False),
)
"""Points anywhere on the globe, poles and antimeridian included."""


urls = st.sampled_from(
    ["https://example.org/a.jpg", "https://example.org/p/1?x=1&y=2", "urn:newsml:x:1"]
)
qcodes = st.one_of(
    st.sampled_from(["medtop:20000763", "N2:LABOR", "subj:04000000", "apaind:video"]),
    st.from_regex(r"\A[a-z]{1,8}:[A-Za-z0-9_.-]{1,12}\Z").filter(
        lambda code: not code.startswith(("sig:", "nmsig:"))
    ),
)
"""Scheme-qualified codes as agencies write them (IPTC's ``sig:`` codes are a signal's kind)."""
concepts = (
    st.builds(
        Concept,
        code=st.none() | qcodes,
        name=name,
        language=language_tags,
    )
    | st.builds(Concept, code=qcodes)
    | st.builds(
        Concept,
        code=st.from_regex(r"\Amedtop:[0-9]{8}\Z"),
        name=st.none() | name,
        scheme_uri=st.just("http://cv.iptc.org/newscodes/mediatopic/"),
    )
)
"""Subjects and genres: a code, a name, or both, with a language and a scheme URI."""
rights = st.builds(
    Rights,
    copyright_holder=st.none() | name,
    copyright_notice=st.none() | name,
    usage_terms=st.none() | name,
    license_url=st.none() | st.just("https://creativecommons.org/licenses/by/4.0/"),
)
sizes = st.none() | st.integers(1, 10**5)
renditions = st.builds(
    Rendition,
    url=urls,
    width=sizes,
    height=sizes,
    mime_type=st.none() | st.sampled_from(["image/jpeg", "image/png"]),
    name=st.none() | st.sampled_from(["thumbnail", "preview", "highRes"]),
)
images = st.builds(
    Image,
    url=urls,
    caption=st.none() | name,
    alt_text=st.none() | name,
    credit=st.none() | name,
    copyright_notice=st.none() | name,
    width=sizes,
    height=sizes,
    mime_type=st.none() | st.sampled_from(["image/jpeg", "image/png"]),
    renditions=st.lists(renditions, max_size=2),
)
signals = st.builds(
    Signal,
    kind=st.sampled_from(list(SignalKind)),
    code=st.none() | qcodes,
    note=st.none() | name,
    date=publication_dates,
) | st.builds(Signal, code=qcodes)
links = st.builds(
    Link,
    url=urls,
    relation=st.none() | st.sampled_from(["irel:seeAlso", "irel:previousVersion", "member"]),
    title=st.none() | name,
    mime_type=st.none() | st.just("text/html"),
)


def authors(entity_ids: list[str]) -> st.SearchStrategy[Author]:
    """Credited people and organisations, some linked to the article's entities."""
    return st.builds(
        Author,
        name=name,
        kind=st.none() | st.sampled_from(list(AgentKind)),
        role=st.none() | st.sampled_from(list(AuthorRole)),
        role_code=st.none() | qcodes,
        entity=st.none() | st.sampled_from(entity_ids) if entity_ids else st.none(),
    )


def datelines(place_ids: list[str]) -> st.SearchStrategy[Dateline]:
    """A dateline's text, naming one of the article's places or none."""
    place = st.none() | st.sampled_from(place_ids) if place_ids else st.none()
    return st.builds(Dateline, text=name, place=place)


@st.composite
def articles(draw: st.DrawFn, *, max_entities: int = 4) -> Article:
    """A valid article whose references all resolve and whose mentions slice the body."""
    body = draw(st.one_of(text, st.text(CYRILLIC | st.just(" "), max_size=2000)))
    places = [
        Place(
            id=f"place-{index}",
            name=draw(name),
            kind=draw(st.none() | st.sampled_from(list(PlaceKind))),
            alternate_names=draw(st.lists(name, max_size=2)),
            mentions=_mentions(draw, body),
            same_as=draw(same_as),
            geo=draw(st.none() | points),
            country_code=draw(st.none() | st.from_regex(r"\A[A-Z]{2}\Z")),
        )
        for index in range(draw(st.integers(0, max_entities)))
    ]
    place_ids = [place.id for place in places]
    for index, place in enumerate(places[1:], start=1):
        # a place inside an earlier one: containment has no cycles
        place.contained_in = draw(st.none() | st.sampled_from(place_ids[:index]))
    organisations: list[Organisation] = []
    for index in range(draw(st.integers(0, max_entities))):
        org_ids = [org.id for org in organisations]
        organisations.append(
            Organisation(
                id=f"org-{index}",
                name=draw(name),
                alternate_names=draw(st.lists(name, max_size=2)),
                country=draw(st.none() | st.sampled_from(place_ids)) if place_ids else None,
                parent=draw(st.none() | st.sampled_from(org_ids)) if org_ids else None,
                mentions=_mentions(draw, body),
                same_as=draw(same_as),
            )
        )
    org_ids = [org.id for org in organisations]
    persons = [
        Person(
            id=f"person-{index}",
            name=draw(name),
            given_name=draw(st.none() | name),
            family_name=draw(st.none() | name),
            alternate_names=draw(st.lists(name, max_size=2)),
            name_latin=draw(st.none() | name),
            job_title=draw(st.none() | name),
            affiliation=draw(st.lists(st.sampled_from(org_ids), max_size=2, unique=True))
            if org_ids
            else [],
            nationality=draw(st.none() | st.sampled_from(place_ids)) if place_ids else None,
            mentions=_mentions(draw, body),
            same_as=draw(same_as),
        )
        for index in range(draw(st.integers(0, max_entities)))
    ]
    entity_ids = [entity.id for entity in (*persons, *organisations, *places)]
    events = []
    for index in range(draw(st.integers(0, max_entities))):
        start = draw(st.none() | partial_dates)
        end = draw(st.none() | partial_dates) if start is not None else None
        if start is not None and end is not None and end.last_day() < start.first_day():
            start, end = end, start
        events.append(
            Event(
                id=f"event-{index}",
                name=draw(name),
                category=draw(st.sampled_from(list(EventCategory))),
                status=draw(st.none() | st.sampled_from(list(EventStatus))),
                start_date=start,
                end_date=end,
                location=draw(st.lists(st.sampled_from(place_ids), max_size=2, unique=True))
                if place_ids
                else [],
                participants=[
                    Participant(
                        id=entity_id,
                        role=draw(
                            st.none() | st.sampled_from(["host", "guest", "source", "signatory"])
                        ),
                    )
                    for entity_id in (
                        draw(st.lists(st.sampled_from(entity_ids), max_size=3, unique=True))
                        if entity_ids
                        else []
                    )
                ],
                description=draw(optional_text),
                mentions=_mentions(draw, body),
            )
        )
    agent_ids = [entity.id for entity in (*persons, *organisations)]
    return Article(
        id=draw(st.from_regex(r"\A[a-z0-9][a-z0-9_-]{0,30}\Z")),
        headline=draw(optional_text),
        description=draw(optional_text),
        date_published=draw(publication_dates),
        language=draw(language_tags),
        body=body,
        word_count=draw(st.integers(0, 10**6)),
        keywords=draw(st.lists(name, max_size=3)),
        byline=draw(st.none() | name),
        authors=draw(st.lists(authors(agent_ids), max_size=2)),
        publisher=draw(st.none() | name),
        url=draw(st.none() | st.just("https://example.org/news/1")),
        persons=persons,
        organisations=organisations,
        places=places,
        events=events,
        date_modified=draw(publication_dates),
        first_created=draw(timestamps),
        version=draw(st.none() | st.integers(1, 10**6)),
        pub_status=draw(st.none() | st.sampled_from(list(PubStatus))),
        embargoed_until=draw(timestamps),
        urgency=draw(st.none() | st.integers(1, 9)),
        slugline=draw(st.none() | name),
        dateline=draw(st.none() | datelines(place_ids)),
        editorial_note=draw(st.none() | name),
        creditline=draw(st.none() | name),
        genres=draw(st.lists(concepts, max_size=2)),
        subjects=draw(st.lists(concepts, max_size=3)),
        rights=draw(st.none() | rights),
        images=draw(st.lists(images, max_size=2)),
        signals=draw(st.lists(signals, max_size=2)),
        links=draw(st.lists(links, max_size=2)),
        provenance=Provenance(
            source=draw(st.none() | name),
            format=draw(st.none() | st.sampled_from(["text", "json"])),
            warnings=draw(st.lists(text, max_size=2)),
        ),
    )


def article_dicts() -> st.SearchStrategy[dict[str, Any]]:
    """Articles as the JSON-ready dicts our JSON format writes."""
    return articles().map(lambda article: article.model_dump(mode="json"))
