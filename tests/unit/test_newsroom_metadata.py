"""The newsroom's metadata in NewsML-G2 and JSON-LD: what agencies and publishers write is read
into the model's fields, and our own exports carry them where each format has a place."""

from __future__ import annotations

from datetime import UTC, datetime

import orjson
import pytest
from pydantic import ValidationError

from newsmodel import dumps, loads, validate
from newsmodel.models import (
    AgentKind,
    Article,
    Author,
    AuthorRole,
    Concept,
    Dateline,
    Event,
    EventStatus,
    Image,
    Place,
    PubStatus,
    Rights,
    Signal,
    SignalKind,
)

AGENCY = b"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="7"
  standard="NewsML-G2" standardversion="2.35" conformance="power">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"/>
  <rightsInfo>
    <copyrightHolder literal="dpa"><name>dpa GmbH</name></copyrightHolder>
    <copyrightNotice>(c) 2025 dpa</copyrightNotice>
    <usageTerms>Use only with written agreement</usageTerms>
  </rightsInfo>
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider literal="dpa"/>
    <versionCreated>2025-01-02T10:00:00Z</versionCreated>
    <firstCreated>2025-01-02T09:00:00+01:00</firstCreated>
    <embargoed>2025-01-02T19:00:00+01:00</embargoed>
    <pubStatus qcode="stat:withheld"/>
    <edNote>Embargo until 19:00</edNote>
    <signal qcode="sig:correction"/>
    <signal qcode="apaind:video"/>
    <link rel="irel:seeAlso" href="https://example.org/related" title="Related"/>
  </itemMeta>
  <contentMeta>
    <urgency>3</urgency>
    <contentCreated>2025-01-02T09:00:00+01:00</contentCreated>
    <contentModified>2025-01-02T09:30:00+01:00</contentModified>
    <located qcode="geo:2950159"><name>Berlin</name></located>
    <creator role="cRole:phot" type="cpnat:person"><name>Jane Doe</name></creator>
    <contributor><name>Desk</name></contributor>
    <genre qcode="genre:Current"><name xml:lang="en">Current</name></genre>
    <subject qcode="medtop:20000763" uri="http://cv.iptc.org/newscodes/mediatopic/20000763">
      <name xml:lang="en">strike</name></subject>
    <slugline>Strike-Berlin</slugline>
    <headline>Workers strike</headline>
    <dateline>BERLIN</dateline>
    <by>By Jane Doe</by>
    <creditline>dpa</creditline>
  </contentMeta>
</newsItem>
"""


def test_agency_metadata_is_read_into_the_model() -> None:
    """itemMeta, contentMeta and rightsInfo fields land in their model fields, codes as written."""
    [article] = loads(AGENCY, "newsml")
    assert (article.version, article.urgency, article.pub_status) == (7, 3, PubStatus.WITHHELD)
    assert article.first_created == datetime.fromisoformat("2025-01-02T09:00:00+01:00")
    assert article.embargoed_until == datetime.fromisoformat("2025-01-02T19:00:00+01:00")
    assert str(article.date_modified) == "2025-01-02 09:30:00+01:00"
    assert article.rights == Rights(
        copyright_holder="dpa GmbH",
        copyright_notice="(c) 2025 dpa",
        usage_terms="Use only with written agreement",
    )
    assert article.signals == [Signal(kind=SignalKind.CORRECTION), Signal(code="apaind:video")]
    assert article.editorial_note == "Embargo until 19:00"
    assert [(link.url, link.relation, link.title) for link in article.links] == [
        ("https://example.org/related", "irel:seeAlso", "Related")
    ]
    assert article.authors == [
        Author(name="Jane Doe", kind=AgentKind.PERSON, role_code="cRole:phot"),
        Author(name="Desk", role=AuthorRole.CONTRIBUTOR),
    ]
    assert article.genres == [Concept(code="genre:Current", name="Current", language="en")]
    assert article.subjects == [
        Concept(
            code="medtop:20000763",
            name="strike",
            language="en",
            scheme_uri="http://cv.iptc.org/newscodes/mediatopic/",
        )
    ]
    assert (article.slugline, article.byline, article.creditline) == (
        "Strike-Berlin",
        "By Jane Doe",
        "dpa",
    )
    assert article.dateline is not None
    assert article.dateline.text == "BERLIN"
    assert article.get(article.dateline.place or "").name == "Berlin"  # type: ignore[union-attr]
    assert not any(
        "link" in item or "subject medtop" in item for item in article.provenance.unmapped
    )


def full_article() -> Article:
    return Article(
        id="m1",
        headline="H",
        date_published=datetime(2025, 1, 2, 9, tzinfo=UTC),
        language="uk",
        body="КИЇВ — текст.",
        places=[Place(id="place-kyiv", name="Київ")],
        events=[Event(id="event-1", name="Страйк", status=EventStatus.POSTPONED)],
        dateline=Dateline(text="КИЇВ", place="place-kyiv"),
        urgency=2,
        version=3,
        pub_status=PubStatus.USABLE,
        slugline="strike",
        creditline="УНІАН",
        subjects=[Concept(code="medtop:20000763", name="страйк", language="uk")],
        rights=Rights(copyright_holder="УНІАН", license_url="https://example.org/licence"),
        images=[Image(url="https://example.org/a.jpg", caption="Підпис", width=800)],
        signals=[Signal(kind=SignalKind.CORRECTION, note="Виправлено дату")],
        authors=[Author(name="Фото Автор", role=AuthorRole.PHOTOGRAPHER)],
    )


def test_jsonld_export_carries_image_rights_subjects_and_corrections() -> None:
    """ImageObject, DefinedTerm in about, copyright, license, CorrectionComment, eventStatus."""
    graph = orjson.loads(dumps(full_article(), "jsonld"))["@graph"]
    node, event = graph[0], graph[-1]
    assert node["image"][0]["@type"] == "ImageObject"
    assert node["image"][0]["width"]["value"] == 800
    assert {
        "@type": "DefinedTerm",
        "termCode": "medtop:20000763",
        "name": {"@value": "страйк", "@language": "uk"},
    } in node["about"]
    assert node["copyrightHolder"]["name"] == "УНІАН"
    assert node["license"] == "https://example.org/licence"
    assert node["correction"] == [{"@type": "CorrectionComment", "text": "Виправлено дату"}]
    assert node["contributor"][0]["roleName"] == "photographer"
    assert event["eventStatus"] == "https://schema.org/EventPostponed"


def test_an_article_with_an_image_draws_no_image_warning() -> None:
    """Our own validator's image recommendation is met once the article has an image."""
    codes = {issue.code for issue in validate(dumps(full_article(), "jsonld")).issues}
    assert "jsonld.image-missing" not in codes
    assert "jsonld.image-missing" in {
        issue.code
        for issue in validate(
            dumps(full_article().model_copy(update={"images": []}), "jsonld")
        ).issues
    }


def test_an_author_in_a_role_node_is_checked_through_the_role() -> None:
    """schema.org's Role pattern: the validator looks at the person inside, not the Role."""
    document = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "H",
        "author": {
            "@type": "Role",
            "roleName": "author",
            "author": {"@type": "Person", "name": "Jane Doe"},
        },
    }
    codes = {issue.code for issue in validate(orjson.dumps(document), "jsonld").issues}
    assert "jsonld.author-no-name" not in codes


def test_newsml_round_trip_keeps_the_metadata(with_shared_schemas: object) -> None:
    """Our NewsML-G2 export is XSD-valid and reads back every field it carries."""
    from newsmodel.validation.xsd import validate as validate_xsd

    article = full_article()
    data = dumps(article, "newsml")
    assert validate_xsd(data).ok
    [back] = loads(data, "newsml")
    for field in (
        "dateline",
        "urgency",
        "version",
        "pub_status",
        "slugline",
        "creditline",
        "subjects",
        "rights",
        "signals",
        "authors",
    ):
        assert getattr(back, field) == getattr(article, field), field
    assert back.events[0].status is EventStatus.POSTPONED
    assert (back.images[0].url, back.images[0].caption) == ("https://example.org/a.jpg", "Підпис")


@pytest.mark.parametrize(
    ("model", "fields"),
    [(Concept, {}), (Signal, {}), (Concept, {"code": "no colon"}), (Image, {"url": "a b"})],
)
def test_empty_or_malformed_metadata_is_refused(model: type, fields: dict[str, str]) -> None:
    """A subject needs a code or a name, a signal a kind or a code; codes and URLs are tokens."""
    with pytest.raises(ValidationError):
        model(**fields)


def test_a_dangling_dateline_place_is_refused() -> None:
    """The dateline's place is a reference, checked like every other."""
    with pytest.raises(ValidationError, match="dateline place"):
        Article(
            id="a",
            headline=None,
            date_published=None,
            language=None,
            body="",
            dateline=Dateline(text="KYIV", place="place-nowhere"),
        )
