"""Issue 14: the article's regions against a village's only namesake, and every oblast's code.

Names are found in the link table, not typed from any text."""

from __future__ import annotations

import pytest

from newsmodel.extract import linking
from newsmodel.extract.linking import LINK_THRESHOLD, GeoRecord, PlaceQuery, link_places


def _regions() -> dict[str, GeoRecord]:
    """Ukraine's first-level regions with a code, by code."""
    table = linking._table()
    return {
        r.admin1: r
        for r in table.by_key.values()
        if r.kind == "region" and r.country == "UA" and r.admin1
    }


def _single_village() -> GeoRecord:
    """A Ukrainian village (``settlement``) that is the only record of its name."""
    for _name, records in sorted(linking._table().by_name.items()):
        if len(records) != 1:
            continue
        record, own = records[0]
        if own and record.kind == "settlement" and record.country == "UA" and record.admin1:
            return record
    raise AssertionError("no single village in the table")


def _region_query(record: GeoRecord) -> PlaceQuery:
    return PlaceQuery(record.names[0], "region", record.key)


def _kept(link: linking.PlaceLink | None) -> int | None:
    return link.record.geonameid if link and link.confidence >= LINK_THRESHOLD else None


def test_a_village_outside_the_only_region_the_article_names_is_not_linked() -> None:
    regions = _regions()
    village = _single_village()
    other = next(r for code, r in sorted(regions.items()) if code not in (village.admin1, "12"))
    links = link_places([_region_query(other), PlaceQuery(village.names[0], "settlement")])
    assert _kept(links[1]) is None
    assert links[1] is not None
    assert links[1].confidence < LINK_THRESHOLD


def test_a_village_in_the_region_the_article_names_is_linked() -> None:
    village = _single_village()
    own = _regions()[village.admin1]
    links = link_places([_region_query(own), PlaceQuery(village.names[0], "settlement")])
    assert _kept(links[1]) == village.geonameid


def test_a_village_is_linked_when_the_article_also_places_a_town_in_its_region() -> None:
    """An article ranging over several regions does not keep to the one it names."""
    regions = _regions()
    village = _single_village()
    other = next(r for code, r in sorted(regions.items()) if code not in (village.admin1, "12"))
    table = linking._table()
    town = next(
        r
        for records in table.by_name.values()
        for r, own in records
        if own and len(records) == 1 and r.kind == "city" and r.country == "UA"
        if r.admin1 == village.admin1
    )
    queries = [
        _region_query(other),
        PlaceQuery(town.names[0], "city"),
        PlaceQuery(village.names[0], "settlement"),
    ]
    assert _kept(link_places(queries)[2]) == village.geonameid


@pytest.mark.parametrize(
    ("key", "code"),
    [("kyiv-oblast", "13"), ("volyn-oblast", "24"), ("zakarpattia-oblast", "25"), ("crimea", "11")],
)
def test_regions_named_after_no_city_of_their_own_have_their_code(key: str, code: str) -> None:
    assert linking._table().by_key[key].admin1 == code


def test_every_oblast_of_ukraine_has_a_region_code() -> None:
    oblasts = [
        r
        for r in linking._table().by_key.values()
        if r.kind == "region" and r.country == "UA" and r.key.endswith("-oblast")
    ]
    assert len(oblasts) == 24
    assert all(r.admin1 for r in oblasts)


def test_kyiv_oblast_decides_a_name_it_shares_with_another_region() -> None:
    """Its Kyiv-oblast bearer, though a bigger namesake lies elsewhere."""
    table = linking._table()
    kyiv_oblast = table.by_key["kyiv-oblast"]
    for _name, records in sorted(table.by_name.items()):
        own = [r for r, is_own in records if is_own and r.country == "UA"]
        in_kyiv = [r for r in own if r.admin1 == "13"]
        biggest = max(own, key=lambda r: r.population) if own else None
        if (
            len(in_kyiv) == 1
            and len(own) >= 2
            and _settlements_only(own)
            and biggest not in in_kyiv
        ):
            break
    else:
        raise AssertionError("no name shared by Kyiv oblast and another region")
    links = link_places([_region_query(kyiv_oblast), PlaceQuery(in_kyiv[0].names[0], "settlement")])
    assert _kept(links[1]) == in_kyiv[0].geonameid


def _settlements_only(records: list[GeoRecord]) -> bool:
    return all(r.kind in ("city", "settlement") for r in records)
