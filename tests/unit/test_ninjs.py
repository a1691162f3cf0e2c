"""ninjs, the fourth format: the version tables, detection, the mapping both ways, dialects,
what is unmapped or lost, and the command line."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import orjson
import pytest

from newsmodel import dumps, loads, validate
from newsmodel.cli import main
from newsmodel.errors import DocumentError, FormatError, ResourceError
from newsmodel.formats import FORMATS
from newsmodel.formats.ninjs import DEFAULT_VERSION, VERSIONS, article_to_ninjs, losses
from newsmodel.models import Article
from newsmodel.sniff import detect
from newsmodel.validation.ninjs_versions import PROPERTIES, detect_version
from newsmodel.validation.resources import SCHEMA_SETS, install

ARTICLE = Article.model_validate(
    {
        "id": "a-1",
        "headline": "Заголовок",
        "description": "Опис",
        "date_published": "2025-11-07T09:30:00+02:00",
        "language": "uk",
        "body": "Текст у Києві.",
        "word_count": 3,
        "keywords": ["війна"],
        "byline": "Іван Петренко",
        "authors": [{"name": "Іван Петренко", "role": "author", "entity": "person-1"}],
        "publisher": "Укрінформ",
        "url": "https://example.org/1",
        "persons": [
            {
                "id": "person-1",
                "name": "Іван Петренко",
                "job_title": "міністр",
                "same_as": ["https://www.wikidata.org/wiki/Q1"],
            }
        ],
        "places": [
            {
                "id": "place-kyiv",
                "name": "Київ",
                "country_code": "UA",
                "geo": {"latitude": 50.45, "longitude": 30.52},
                "mentions": [{"start": 8, "end": 13, "text": "Києві"}],
            }
        ],
    }
)


def test_the_property_tables_are_the_official_schemas(with_shared_schemas: Path) -> None:
    """Every version's top-level properties are exactly those of IPTC's schema."""
    for version in VERSIONS:
        schema = orjson.loads(
            (with_shared_schemas / "ninjs" / f"ninjs-schema_{version}.json").read_bytes()
        )
        properties = schema.get("properties") or schema["$defs"]["ninjsType"]["properties"]
        assert set(properties) == PROPERTIES[version], version


def test_ninjs_is_registered_with_a_documented_default() -> None:
    """format="ninjs" is a format like the others; the default version is the latest."""
    assert FORMATS["ninjs"].extension == "ninjs.json"
    assert DEFAULT_VERSION == VERSIONS[-1] == "3.1"
    assert orjson.loads(dumps(ARTICLE, "ninjs"))["standard"]["version"] == "3.1"


@pytest.mark.parametrize(
    ("document", "version", "declared"),
    [
        ({"uri": "x", "standard": {"version": "2.1"}}, "2.1", True),
        ({"uri": "x", "$standard": {"version": "1.4"}}, "1.4", True),
        (
            {
                "uri": "x",
                "$standard": {"schema": "http://www.iptc.org/std/ninjs/ninjs-schema_1.5.json"},
            },
            "1.5",
            True,
        ),
        ({"uri": "x", "versionCreated": "2025-01-01T00:00:00Z"}, "3.1", False),
        ({"uri": "x", "headlines": [{"value": "h"}], "versioncreated": "2025"}, "2.2", False),
        ({"uri": "x", "headline": "h"}, "1.6", False),
        ({"uri": "x", "body_html": "<p>x</p>"}, "1.6", False),
        ({"uri": "x", "associations": [{"uri": "y", "name": "y"}]}, "3.1", False),
        ({"uri": "x"}, "3.1", False),
    ],
)
def test_the_version_is_declared_or_told_by_the_shape(
    document: dict[str, object], version: str, declared: bool
) -> None:
    """standard/$standard first, then camelCase, plural arrays, singular 1.x names."""
    found = detect_version(document)
    assert (found.version, found.declared) == (version, declared)


def test_a_development_version_is_read_with_a_warning() -> None:
    """``2.0-dev`` (in IPTC's own should_pass files) is 2.0, said so."""
    found = detect_version({"uri": "x", "standard": {"version": "2.0-dev"}})
    assert found.version == "2.0"
    assert found.warning
    assert "2.0-dev" in found.warning


def test_sniffing_tells_ninjs_from_newsmodel_json() -> None:
    """Our JSON has no ninjs-only names; a ninjs document of any family has one."""
    assert detect(dumps(ARTICLE, "json")) == "json"
    for version in ("1.0", "2.0", "3.1"):
        assert detect(dumps(ARTICLE, "ninjs", version=version)) == "ninjs"
    assert detect(b'{"guid": "urn:x", "headline": "h"}') == "ninjs"


def test_each_family_spells_the_same_article_its_own_way() -> None:
    """1.x singular lowercase, 2.x plural lowercase, 3.x camelCase; geometry where it fits."""
    one, two, three = (article_to_ninjs(ARTICLE, version) for version in ("1.6", "2.2", "3.1"))
    assert one["headline"] == "Заголовок"
    assert one["body_text"] == ARTICLE.body
    assert one["person"] == [{"name": "Іван Петренко", "code": "person-1"}]
    assert one["place"][0]["geometry_geojson"] == {"type": "Point", "coordinates": [30.52, 50.45]}
    assert two["headlines"] == [{"value": "Заголовок"}]
    assert two["bodies"][0]["contenttype"] == "text/plain"
    assert two["places"][0]["geojson"]["coordinates"] == [30.52, 50.45]
    assert three["contentCreated"] == "2025-11-07T09:30:00+02:00"
    assert three["people"][0] == {
        "name": "Іван Петренко",
        "literal": "person-1",
        "uri": "https://www.wikidata.org/wiki/Q1",
    }
    assert three["infoSources"] == [
        {"name": "Укрінформ", "role": "publisher"},
        {"name": "Іван Петренко", "role": "author", "literal": "person-1"},
    ]
    assert three["by"] == "Іван Петренко"
    assert "geometry_geojson" not in article_to_ninjs(ARTICLE, "1.0")["place"][0]


def test_losses_name_what_a_version_cannot_carry() -> None:
    """Mention offsets, job titles, country codes always; geometry and publisher in 1.0."""
    lost = losses(ARTICLE, "1.0")
    for what in (
        "persons[].job_title",
        "places[].mentions",
        "places[].country_code",
        "places[].geo",
        "publisher",
        "persons[].same_as",
    ):
        assert any(line.startswith(what) for line in lost), what
    assert not any(line.startswith(("places[].geo", "publisher")) for line in losses(ARTICLE))


def test_what_the_model_has_no_place_for_is_listed_as_unmapped() -> None:
    """profile, expires, a second headline, a person's rel, a picture rendition: none dropped;
    located and urgency are read (the dateline's text, the urgency)."""
    document = {
        "uri": "http://example.org/1",
        "located": "Kyiv",
        "urgency": 3,
        "profile": "x",
        "expires": "2030-01-01T00:00:00Z",
        "headlines": [{"value": "Main"}, {"value": "Short", "role": "short"}],
        "bodies": [{"value": "Body", "contentType": "text/plain"}],
        "people": [{"name": "Ivan", "rel": "subject", "uri": "http://example.org/p"}],
        "renditions": [{"name": "thumbnail", "href": "http://example.org/t.jpg"}],
    }
    article = loads(orjson.dumps(document), "ninjs")[0]
    assert (article.id, article.headline, article.body) == ("http://example.org/1", "Main", "Body")
    assert article.persons[0].same_as == ["http://example.org/p"]
    assert (article.dateline.text if article.dateline else None, article.urgency) == ("Kyiv", 3)
    for what in (
        "profile",
        "expires",
        "/headlines/1 (short)",
        "/people/0/rel",
        "rendition /renditions/0",
    ):
        assert what in article.provenance.unmapped, what


def test_superdesk_guid_is_read_with_a_warning_and_refused_by_the_schema(
    with_shared_schemas: Path,
) -> None:
    """superdesk writes guid for uri: loads reads it and says so; validate calls it invalid
    (the official schema requires uri) and explains the dialect."""
    data = b'{"guid": "urn:newsml:x:1", "headline": "H", "body_html": "<p>B</p>"}'
    article = loads(data)[0]
    assert article.id == "urn:newsml:x:1"
    assert any(w.startswith("ninjs.guid") for w in article.provenance.warnings)
    assert any(w.startswith("ninjs.body") for w in article.provenance.warnings)
    report = validate(data)
    assert not report.ok
    assert "json.required" in {issue.code for issue in report.errors}
    assert "ninjs.guid" in {issue.code for issue in report.issues}


def test_the_version_given_wins_over_the_declared_one() -> None:
    """loads(..., version=V) reads V's names, and warns that the document said otherwise."""
    data = dumps(ARTICLE, "ninjs", version="3.0")
    article = loads(data, "ninjs", version="3.1")[0]
    assert article.headline == ARTICLE.headline
    assert any("declares ninjs 3.0" in w for w in article.provenance.warnings)
    with pytest.raises(FormatError, match="unknown ninjs version"):
        loads(data, "ninjs", version="4.0")
    with pytest.raises(FormatError, match="unknown ninjs version"):
        dumps(ARTICLE, "ninjs", version="1.7")


def test_a_wrong_type_where_the_model_needs_a_value_names_the_pointer() -> None:
    """headline as a number is an error at /headline, not a silent None."""
    with pytest.raises(DocumentError, match="/headline"):
        loads(b'{"uri": "x", "headline": 5}', "ninjs")


def test_schemas_install_copies_and_checks_the_ninjs_set(
    shared_schemas: Path, tmp_path: Path
) -> None:
    """--from DIR installs all 13 files; a file whose SHA-256 differs is refused."""
    installed = install(["ninjs"], target=tmp_path / "out", source=shared_schemas)
    assert sorted(p.name for p in installed["ninjs"].iterdir()) == sorted(
        SCHEMA_SETS["ninjs"].files
    )
    for name, digest in SCHEMA_SETS["ninjs"].files.items():
        data = (shared_schemas / "ninjs" / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest
    tampered = tmp_path / "tampered" / "ninjs"
    shutil.copytree(shared_schemas / "ninjs", tampered)
    (tampered / "GeoJSON.json").write_bytes(b"{}")
    with pytest.raises(ResourceError, match="SHA-256"):
        install(["ninjs"], target=tmp_path / "again", source=tampered.parent)


def test_the_command_line_writes_and_validates_each_version(
    seed_path: Path,
    tmp_path: Path,
    with_shared_schemas: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """convert --to ninjs --ninjs-version V writes V; validate checks it (exit 0), and
    --ninjs-version makes validate judge a document as another version (exit 1)."""
    out = tmp_path / "seed.ninjs.json"
    assert (
        main(["convert", str(seed_path), "--to", "ninjs", "--ninjs-version", "1.6", "-o", str(out)])
        == 0
    )
    assert orjson.loads(out.read_bytes())["$standard"]["version"] == "1.6"
    assert main(["validate", str(out)]) == 0
    assert main(["validate", "--ninjs-version", "3.1", str(out)]) == 1
    assert "unknown property" in capsys.readouterr().out
    with pytest.raises(SystemExit) as usage:
        main(["convert", str(seed_path), "--to", "ninjs", "--ninjs-version", "9"])
    assert usage.value.code == 2
