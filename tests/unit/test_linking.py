"""The GeoNames linker: which place a name is, decided by the article's own evidence."""

from __future__ import annotations

import pytest

from newsmodel import parse_text
from newsmodel.extract import linking
from newsmodel.extract.linking import LINK_THRESHOLD, PlaceQuery, link_places

# (query, GeoNames id expected, or None for "no confident link")
SINGLE = [
    (PlaceQuery("КНДР", "country", "kp"), 1873107),
    (PlaceQuery("Росія", "country", "ru"), 2017370),
    (PlaceQuery("Україна", "country", "ua"), 690791),
    (PlaceQuery("Пхеньян", "city", "pyongyang"), 1871859),
    (PlaceQuery("Сеул", "city", "seoul"), 1835848),
    (PlaceQuery("Львів", "city"), 702550),
    (PlaceQuery("UA", "country"), 690791),
    (PlaceQuery("Європа", "other", "europe"), 6255148),
    (PlaceQuery("Перевальський район", "district"), None),
    (PlaceQuery("Нетакогомісто", "city"), None),
]


@pytest.mark.parametrize(("query", "expected"), SINGLE)
def test_a_place_alone_links_to_its_record_or_to_nothing(
    query: PlaceQuery, expected: int | None
) -> None:
    [link] = link_places([query])
    kept = link if link is not None and link.confidence >= LINK_THRESHOLD else None
    assert (kept.record.geonameid if kept else None) == expected


def _shared_name() -> str:
    """A settlement name two Ukrainian regions the table codes both have (found, not typed)."""
    table = linking._table()
    regions = {r.admin1 for r in table.by_key.values() if r.kind == "region" and r.country == "UA"}
    for _name, records in sorted(table.by_name.items()):
        own = [r for r, is_own in records if is_own and r.country == "UA" and r.admin1 in regions]
        if len({r.admin1 for r in own}) >= 2 and len(own) == len({r.admin1 for r in own}):
            return own[0].names[0]
    raise AssertionError("no shared settlement name in the table")


def test_the_region_the_article_names_decides_a_shared_name() -> None:
    name = _shared_name()
    table = linking._table()
    places = [r for r, own in table.by_name[name.lower()] if own and r.country == "UA"]
    for place in places:
        region = next(
            (
                r
                for r in table.by_key.values()
                if r.kind == "region" and r.country == "UA" and r.admin1 == place.admin1
            ),
            None,
        )
        if region is None:
            continue
        links = link_places(
            [PlaceQuery(name, "settlement"), PlaceQuery(region.names[0], "region", region.key)]
        )
        assert links[0] is not None
        assert links[0].record is place
        assert links[0].confidence >= 0.9
        assert links[0].container == 1


def test_a_shared_name_without_evidence_is_no_confident_link() -> None:
    """Places of one name with similar populations: the linker says it does not know."""
    table = linking._table()
    for _name, records in sorted(table.by_name.items()):
        own = sorted(
            (r for r, is_own in records if is_own and r.kind == "settlement"),
            key=lambda r: -r.population,
        )
        if len(own) >= 3 and own[0].population < 2 * own[1].population:
            [link] = link_places([PlaceQuery(own[0].names[0], "settlement")])
            assert link is not None
            assert link.confidence < LINK_THRESHOLD
            return
    raise AssertionError("no evenly shared name in the table")


def test_a_former_name_yields_to_the_places_that_bear_it() -> None:
    """A name some places bear as their own and another only as a former name or nickname
    never links to the other; found in the table, not typed."""
    table = linking._table()
    checked = 0
    for name, records in sorted(table.by_name.items()):
        own = {id(r) for r, is_own in records if is_own and r.kind in ("city", "settlement")}
        other = [r for r, is_own in records if not is_own and id(r) not in own]
        if own and other and checked < 20:
            [link] = link_places([PlaceQuery(name, "settlement")])
            assert link is None or id(link.record) in own
            checked += 1
    assert checked == 20


def test_countries_link_by_iso_code_and_contain_their_cities() -> None:
    assert linking.country_by_code("kp") is not None
    assert linking.country_by_code("ZZ") is None
    links = link_places(
        [PlaceQuery("Пхеньян", "city", "pyongyang"), PlaceQuery("КНДР", "country", "kp")]
    )
    assert links[0] is not None
    assert links[0].container == 1
    assert links[1] is not None
    assert links[1].container is None


def test_a_region_the_data_has_no_id_for_still_gives_its_country() -> None:
    links = link_places(
        [
            PlaceQuery("Курська область", "region", "kursk-oblast"),
            PlaceQuery("Росія", "country", "ru"),
        ]
    )
    assert links[0] is not None
    assert links[0].record.geonameid is None
    assert links[0].record.country == "RU"
    assert links[0].container == 1


def test_every_record_is_on_the_globe_with_a_country_code() -> None:
    table = linking._table()
    for record in table.by_key.values():
        if record.latitude is not None:
            assert -90 <= record.latitude <= 90
            assert -180 <= (record.longitude or 0) <= 180
        assert record.kind == "other" or len(record.country) == 2


def test_the_seed_sentence_links_every_place_with_coordinates() -> None:
    article = parse_text(
        "Делегація КНДР прибула з Пхеньяна до Сеула, а потім до Росії, в Курську область."
    )
    by_name = {place.name: place for place in article.places}
    assert by_name["Пхеньян"].same_as == ["https://sws.geonames.org/1871859/"]
    assert by_name["Пхеньян"].contained_in == by_name["КНДР"].id
    assert by_name["Сеул"].geo is not None
    assert by_name["Сеул"].country_code == "KR"
    assert by_name["Курська область"].contained_in == by_name["Росія"].id
    assert by_name["Курська область"].same_as == []


def test_the_link_table_carries_every_name_of_the_hand_written_places() -> None:
    """``geonames.tsv`` is generated (``tools/build_geonames.py``) from the hand-written places
    files among others: a name added to a place there (a former name, ``Дніпропетровськ``) and
    not regenerated into the table is a name the linker cannot link by."""
    from newsmodel.extract.gazetteer import source_records
    from newsmodel.extract.lexicon_data import read

    table: dict[str, set[str]] = {}
    for line in read("geonames.tsv").splitlines():
        if line and not line.startswith("#"):
            columns = line.split("\t")
            if columns[1]:
                table[columns[1]] = set(columns[8].split("|"))
    stale = {
        record.entry.key: sorted(names - table[record.entry.key])
        for record in source_records()
        if record.entry.type == "place" and record.entry.key in table
        for names in [{record.entry.name, *record.entry.alternate_names}]
        if not names <= table[record.entry.key]
    }
    assert stale == {}, f"run python tools/build_geonames.py: the table lacks {stale}"
