"""NewsML-G2 export and import: valid newsItems from the seed and from rich hand-built articles,
lossless reading of our own exports, and the idioms of agency feeds (NITF, plain text, XHTML)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from newsmodel import dumps, dumps_many, loads
from newsmodel.errors import DocumentError, InputError
from newsmodel.models import (
    Article,
    Author,
    Event,
    EventCategory,
    Mention,
    Organisation,
    PartialDate,
    Participant,
    Person,
    Place,
    PlaceKind,
    PubStatus,
)
from newsmodel.validation.xsd import validate

G2 = "{http://iptc.org/std/nar/2006-10-01/}"
STAMP = datetime(2025, 11, 7, 12, 0, tzinfo=UTC)


def subjects(data: bytes, kind: str) -> list[str]:
    """The full names of the subjects typed ``kind`` in a written newsItem."""
    root = etree.fromstring(data)
    return [
        subject.findtext(f"{G2}name") or ""
        for subject in root.iter(f"{G2}subject")
        if subject.get("type") == kind
    ]


def seed_with_gold(seed: Article, gold: dict[str, Any]) -> Article:
    """The seed article with the hand-annotated people, places, organisations and events."""
    places = [
        Place(
            id=f"place-{i}",
            name=p["name"],
            alternate_names=p["aliases"],
            kind=PlaceKind.COUNTRY if i < 3 else None,
        )
        for i, p in enumerate(gold["places"])
    ]
    place_ids = {p.name: p.id for p in places}
    orgs = [
        Organisation(id=f"org-{i}", name=o["name"], alternate_names=o["aliases"])
        for i, o in enumerate(gold["organisations"])
    ]
    persons = []
    for i, p in enumerate(gold["persons"]):
        start = seed.body.find(p["name"].split()[-1])
        mentions = (
            []
            if start < 0
            else [
                Mention(
                    start=start, end=start + len(p["name"].split()[-1]), text=p["name"].split()[-1]
                )
            ]
        )
        persons.append(
            Person(
                id=f"person-{i}",
                name=p["name"],
                alternate_names=p["aliases"],
                job_title=p["role"][0],
                nationality=place_ids.get(p["country"]),
                mentions=mentions,
            )
        )
    ids = {p.name: p.id for p in persons} | place_ids | {o.name: o.id for o in orgs}
    events = [
        Event(
            id=f"event-{e['id']}",
            name=e["what"],
            category=EventCategory.MEETING,
            start_date=e["date"],
            location=[place_ids[p] for p in e["place"] if p in place_ids],
            participants=[
                Participant(id=ids[p], role="participant") for p in e["participants"] if p in ids
            ],
        )
        for e in gold["events"]
    ]
    return seed.model_copy(
        update={
            "persons": persons,
            "organisations": orgs,
            "places": places,
            "events": events,
        }
    )


@pytest.fixture
def rich() -> Article:
    """A hand-built article exercising every mapped field, with hostile characters."""
    body = (
        "КИЇВ, 7 листопада — Міністр оборони КНДР Но Гван Чоль прийняв делегацію.\n\n"
        'Другий абзац\r\nз рядком \x01 <&> "лапки" і ]]> кінець.'
    )
    return Article(
        id="rich-1",
        headline='Заголовок <&> "x"\nз переносом',
        description="Опис\nу два рядки",
        date_published=datetime(2025, 11, 7, 9, 30, tzinfo=timezone(timedelta(hours=2))),
        language="uk",
        body=body,
        word_count=17,
        keywords=["війна", "КНДР"],
        authors=[Author(name="Автор Один")],
        publisher="Укрінформ",
        url="https://example.com/news/1",
        pub_status=PubStatus.USABLE,
        first_created=datetime(2025, 11, 7, 9, 30, tzinfo=timezone(timedelta(hours=2))),
        persons=[
            Person(
                id="person-no",
                name="Но Гван Чоль",
                given_name="Гван Чоль",
                family_name="Но",
                name_latin="No Gwan Chol",
                job_title="міністр оборони",
                affiliation=["org-mod"],
                nationality="place-kp",
                alternate_names=["Но"],
                mentions=[Mention(start=42, end=54, text=body[42:54])],
                same_as=["https://www.wikidata.org/wiki/Q123"],
            )
        ],
        organisations=[
            Organisation(
                id="org-mod",
                name="Міністерство оборони КНДР",
                country="place-kp",
                parent="org-gov",
                alternate_names=["МО КНДР"],
            ),
            Organisation(id="org-gov", name="Уряд КНДР"),
        ],
        places=[
            Place(id="place-kyiv", name="Київ", kind=PlaceKind.CITY),
            Place(id="place-kp", name="КНДР", kind=PlaceKind.COUNTRY),
        ],
        events=[
            Event(
                id="event-1",
                name="зустріч",
                category=EventCategory.MEETING,
                start_date=PartialDate(2025, 11, 6),
                end_date=PartialDate(2025, 11),
                location=["place-kp"],
                description="Міністр прийняв делегацію.",
                participants=[Participant(id="person-no", role="host"), Participant(id="org-mod")],
            ),
            Event(
                id="event-2",
                name="угода",
                category=EventCategory.AGREEMENT,
                end_date=PartialDate(2024),
                location=["place-kp"],
                participants=[Participant(id="person-no", role="signatory")],
            ),
        ],
    )


def test_seed_exports_a_valid_news_item(seed_article: Article, with_shared_schemas: Path) -> None:
    """The seed as parsed: valid, every person it finds a cpnat:person under its name, every
    event a cpnat:event, and the item reads back to the same article."""
    data = dumps(seed_article, "newsml", version_created=STAMP)
    report = validate(data)
    assert report.ok, [issue.message for issue in report.errors]
    assert subjects(data, "cpnat:person") == [p.name for p in seed_article.persons]
    assert subjects(data, "cpnat:event") == [e.name for e in seed_article.events]
    [back] = loads(data, "newsml")
    assert back.model_dump(exclude={"provenance"}) == seed_article.model_dump(
        exclude={"provenance"}
    )


def test_seed_with_its_eight_people_validates(
    seed_article: Article, shared: Path, with_shared_schemas: Path
) -> None:
    """With the hand-annotated entities: eight cpnat:person subjects under their nominative
    names, every event a cpnat:event, and the item valid against the 2.35 power XSD."""
    gold = json.loads((shared / "eval" / "gold" / "000_b4df3ac546630d11.json").read_text())
    article = seed_with_gold(seed_article, gold)
    data = dumps(article, "newsml", version_created=STAMP)
    report = validate(data)
    assert report.ok, [issue.message for issue in report.errors]
    assert subjects(data, "cpnat:person") == [p["name"] for p in gold["persons"]]
    assert len(subjects(data, "cpnat:person")) == 8
    assert subjects(data, "cpnat:event") == [e["what"] for e in gold["events"]]
    [back] = loads(data, "newsml")
    assert back.model_dump(exclude={"provenance"}) == article.model_dump(exclude={"provenance"})


def test_rich_article_is_valid_in_both_body_styles(
    rich: Article, with_shared_schemas: Path
) -> None:
    for body in ("xhtml", "text"):
        report = validate(dumps(rich, "newsml", body=body, version_created=STAMP))
        assert report.ok, [issue.message for issue in report.errors]
        assert report.issues == []


def test_item_header_follows_the_spec(rich: Article) -> None:
    """newsItem attributes, itemMeta, contentMeta and contentSet carry the required idioms."""
    root = etree.fromstring(dumps(rich, "newsml", version_created=STAMP))
    assert root.tag == f"{G2}newsItem"
    assert (root.get("standard"), root.get("standardversion"), root.get("conformance")) == (
        "NewsML-G2",
        "2.35",
        "power",
    )
    meta = root.find(f"{G2}itemMeta")
    assert meta is not None
    assert meta.find(f"{G2}itemClass").get("qcode") == "ninat:text"  # type: ignore[union-attr]
    assert meta.find(f"{G2}pubStatus").get("qcode") == "stat:usable"  # type: ignore[union-attr]
    assert meta.findtext(f"{G2}firstCreated") == "2025-11-07T09:30:00+02:00"
    assert meta.findtext(f"{G2}versionCreated") == "2025-11-07T12:00:00Z"
    assert meta.findtext(f"{G2}generator") == "newsmodel"
    content = root.find(f"{G2}contentMeta")
    assert content is not None
    assert content.findtext(f"{G2}contentCreated") == "2025-11-07T09:30:00+02:00"
    assert content.find(f"{G2}located").get("qcode") == "nmid:place-kyiv"  # type: ignore[union-attr]
    assert content.find(f"{G2}description").get("role") == "drol:summary"  # type: ignore[union-attr]
    latin = [
        n
        for n in root.iter(f"{G2}name")
        if n.get("{http://www.w3.org/XML/1998/namespace}lang") == "uk-Latn"
    ]
    assert [n.text for n in latin] == ["No Gwan Chol"]
    aliases = {s.get("alias") for s in root.iter(f"{G2}scheme")}
    assert {"nmid", "nmrole", "nmrel"} <= aliases
    assert [p.get("role") for p in root.iter(f"{G2}participant")] == ["nmrole:host", None]
    paragraphs = list(root.iter("{http://www.w3.org/1999/xhtml}p"))
    assert len(paragraphs) == 2


def test_forbidden_characters_are_replaced_and_noted(rich: Article) -> None:
    """U+0001 cannot be written in XML 1.0: it becomes U+FFFD and the item says so."""
    data = dumps(rich, "newsml", version_created=STAMP)
    assert b"\x01" not in data
    root = etree.fromstring(data)
    notes = [n.text for n in root.iter(f"{G2}edNote") if n.get("role") == "nmnote:replaced"]
    assert notes == ["newsmodel replaced 1 character(s) that XML 1.0 cannot carry with U+FFFD"]


def test_own_export_reads_back_losslessly(rich: Article) -> None:
    """Headline, dates, body (CR included), entities, roles, events and mentions survive."""
    for body in ("xhtml", "text"):
        [back] = loads(dumps(rich, "newsml", body=body, version_created=STAMP), "newsml")
        expected = rich.model_dump(exclude={"provenance"})
        expected["body"] = rich.body.replace("\x01", "\ufffd")
        assert back.model_dump(exclude={"provenance"}) == expected
        assert back.provenance.format == "newsml"
        assert any("replaced-characters" in w for w in back.provenance.warnings)


def test_news_message_has_a_header_and_every_item(rich: Article, with_shared_schemas: Path) -> None:
    second = rich.model_copy(update={"id": "rich-2", "headline": "Друга"})
    data = dumps_many([rich, second], "newsml", version_created=STAMP)
    root = etree.fromstring(data)
    assert root.tag == f"{G2}newsMessage"
    assert root.findtext(f"{G2}header/{G2}sent") == "2025-11-07T12:00:00Z"
    assert validate(data).ok
    assert [a.id for a in loads(data, "newsml")] == ["rich-1", "rich-2"]


def test_offsets_with_seconds_are_written_in_utc() -> None:
    """XSD offsets have no seconds: such a time is converted to UTC rather than made invalid."""
    odd = timezone(timedelta(hours=1, seconds=30))
    article = Article(
        id="a",
        headline="h",
        date_published=datetime(2025, 1, 1, 12, tzinfo=odd),
        language=None,
        body="b",
    )
    root = etree.fromstring(dumps(article, "newsml", version_created=STAMP))
    assert root.findtext(f"{G2}contentMeta/{G2}contentCreated") == "2025-01-01T10:59:30Z"


def test_unknown_body_style_is_refused(rich: Article) -> None:
    with pytest.raises(ValueError, match="body must be"):
        dumps(rich, "newsml", body="html")


AGENCY_ITEM = """<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
 <header><sent>2018-02-26T18:34:39Z</sent></header>
 <itemSet>
  <newsItem guid="urn:agency:1" version="1" standard="NewsML-G2" standardversion="2.15">
   <itemMeta>
    <itemClass qcode="ninat:text"/><provider qcode="nprov:AP"/>
    <versionCreated>2018-02-26T18:34:39Z</versionCreated>
    <firstCreated>
      2018-02-26T18:00:00+0100
    </firstCreated>
   </itemMeta>
   <contentMeta>
    <language tag="en"/>
    <subject type="cpnat:person" qcode="ap:123"><name>Jane Doe</name><name>J. Doe</name>
    </subject>
    <subject type="cpnat:geoArea" literal="Kyiv"><name>Kyiv</name></subject>
    <subject qcode="medtop:20000001"><name>politics</name></subject>
    <headline>  Agency
      headline </headline>
    <by>By John Smith</by>
   </contentMeta>
   <assert qcode="ap:123"><personDetails>
    <affiliation qcode="ap:org9"><name>UN</name></affiliation></personDetails></assert>
   <contentSet>
    <inlineXML contenttype="application/nitf+xml">
     <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body>
     <body.head><hedline><hl1>NITF headline</hl1></hedline></body.head>
     <body.content><p>First   paragraph.</p><p>Second
     paragraph.</p></body.content></body></nitf>
    </inlineXML>
   </contentSet>
  </newsItem>
  <newsItem guid="urn:agency:2" standard="NewsML-G2" standardversion="2.15">
   <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:AP"/>
    <versionCreated>2018-02-26T18:34:39Z</versionCreated></itemMeta>
   <contentMeta><headline>Plain</headline><language tag="not a tag!"/></contentMeta>
   <contentSet><inlineData contenttype="text/plain">  Plain body.  </inlineData></contentSet>
  </newsItem>
 </itemSet>
</newsMessage>
"""


def test_agency_feed_is_read_item_by_item() -> None:
    """NITF body, normalised headline, repaired offset, subjects, asserts, bylines, unmapped."""
    first, second = loads(AGENCY_ITEM.encode(), "newsml", source="ap.xml")
    assert first.headline == "Agency headline"
    assert first.body == "First paragraph.\n\nSecond paragraph."
    assert first.date_published == datetime(2018, 2, 26, 18, tzinfo=timezone(timedelta(hours=1)))
    assert any("colon" in w for w in first.provenance.warnings)
    assert first.publisher == "AP"
    assert (first.byline, first.authors) == ("By John Smith", [])
    [person] = first.persons
    assert (person.name, person.alternate_names) == ("Jane Doe", ["J. Doe"])
    assert [o.name for o in first.organisations] == ["UN"]
    assert person.affiliation == [first.organisations[0].id]
    assert [p.name for p in first.places] == ["Kyiv"]
    assert [s.code for s in first.subjects] == ["medtop:20000001"]
    assert second.body == "Plain body."
    assert second.language is None
    assert second.provenance.source == "ap.xml"


def test_one_bad_item_does_not_lose_the_others(rich: Article) -> None:
    """An item that cannot become an article (its id would start with a space) is skipped, and
    the articles that were read carry a warning naming it."""
    second = rich.model_copy(update={"id": "rich-2"})
    data = dumps_many([rich, second], "newsml", version_created=STAMP)
    broken = data.replace(b"urn:newsmodel:article:rich-1", b"urn:newsmodel:article:%20bad", 1)
    assert broken != data
    [article] = loads(broken, "newsml")
    assert article.id == "rich-2"
    assert any(w.startswith("newsml.item-skipped: item 0") for w in article.provenance.warnings)


def test_blank_guid_falls_back_to_the_item_position() -> None:
    articles = loads(AGENCY_ITEM.replace('guid="urn:agency:1"', 'guid="   "').encode(), "newsml")
    assert [a.id for a in articles] == ["item-0", "urn:agency:2"]


def test_an_item_failing_the_model_is_skipped_with_a_warning() -> None:
    bad_date = AGENCY_ITEM.replace(
        "<contentMeta><headline>Plain</headline>",
        "<contentMeta><contentCreated>2018-02-30</contentCreated><headline>Plain</headline>",
    ).replace("<inlineData", "<inlineData wordcount='7'")
    articles = loads(bad_date.encode(), "newsml")
    assert len(articles) == 2
    assert any("2018-02-30" in u for u in articles[1].provenance.unmapped)


def test_hostile_and_foreign_documents_are_clear_errors() -> None:
    with pytest.raises(InputError, match="empty"):
        loads(b"   ", "newsml")
    with pytest.raises(InputError, match="DOCTYPE"):
        loads(b'<!DOCTYPE x [<!ENTITY a "b">]><newsItem/>', "newsml")
    with pytest.raises(DocumentError, match="NewsML 1"):
        loads(b"<NewsML><NewsItem/></NewsML>", "newsml")
    with pytest.raises(DocumentError, match="no news item"):
        loads(b'<catalogItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>', "newsml")
    with pytest.raises(DocumentError, match="itemSet is empty"):
        loads(b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"/>', "newsml")


def test_concept_item_becomes_entities() -> None:
    """A conceptItem carrying a person yields an article whose only content is that person."""
    data = b"""<conceptItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:c:1"
      standard="NewsML-G2" standardversion="2.24">
      <itemMeta><itemClass qcode="cinat:concept"/><provider qcode="nprov:IPTC"/>
      <versionCreated>2020-01-01T00:00:00Z</versionCreated></itemMeta>
      <concept><conceptId qcode="people:1"/><type qcode="cpnat:person"/>
       <name xml:lang="en">Mario Draghi</name>
       <personDetails><affiliation qcode="org:ECB"><name>European Central Bank</name></affiliation>
       </personDetails></concept></conceptItem>"""
    [article] = loads(data, "newsml")
    [person] = article.persons
    assert person.name == "Mario Draghi"
    assert [o.name for o in article.organisations] == ["European Central Bank"]
    assert person.affiliation == [article.organisations[0].id]


def test_every_item_set_of_a_message_is_read(seed_article: Article) -> None:
    """A non-conforming message with two itemSets loses neither's items."""
    second = seed_article.model_copy(update={"id": "second"})
    message = dumps_many([seed_article, second], "newsml")
    boundary = b"</newsItem>\n<newsItem"
    split = message.replace(boundary, b"</newsItem></itemSet><itemSet><newsItem", 1)
    assert split.count(b"<itemSet") == 2
    assert [a.id for a in loads(split, "newsml")] == [seed_article.id, "second"]
