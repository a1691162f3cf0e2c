"""The model's own rules: partial dates, references, mentions, strictness."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from newsmodel.models import (
    Article,
    Event,
    GeoPoint,
    Mention,
    Organisation,
    PartialDate,
    Person,
    Place,
)


def _article(**fields: object) -> Article:
    base: dict[str, object] = {
        "id": "a1",
        "headline": None,
        "date_published": None,
        "language": "uk",
        "body": "Кім Чен Ин прибув у Пхеньян.",
    }
    base.update(fields)
    return Article.model_validate(base)


@pytest.mark.parametrize("text", ["2024", "2024-06", "2024-06-12", "0001", "9999-12-31"])
def test_partial_dates_round_trip_through_their_iso_form(text: str) -> None:
    assert PartialDate.parse(text).isoformat() == text


@pytest.mark.parametrize(
    "text", ["24", "2024-6", "2024-13", "2024-02-30", "2024-06-12T10:00", " 2024", "2024-00"]
)
def test_malformed_partial_dates_are_rejected(text: str) -> None:
    with pytest.raises(ValueError, match=r"not a date|outside"):
        PartialDate.parse(text)


def test_partial_dates_sort_by_first_day_coarser_first() -> None:
    dates = [
        PartialDate.parse(t) for t in ["2024-06-02", "2024", "2023-12", "2024-06", "2024-06-01"]
    ]
    assert [d.isoformat() for d in sorted(dates)] == [
        "2023-12",
        "2024",
        "2024-06",
        "2024-06-01",
        "2024-06-02",
    ]


def test_partial_date_bounds() -> None:
    june = PartialDate.parse("2024-06")
    assert june.first_day() == date(2024, 6, 1)
    assert june.last_day() == date(2024, 6, 30)
    assert PartialDate.parse("2024").last_day() == date(2024, 12, 31)
    assert june.precision == "month"


def test_publication_date_keeps_date_and_datetime_apart() -> None:
    """A date stays a date (no invented midnight); a date-time keeps its zone."""
    assert _article(date_published="2025-11-07").date_published == date(2025, 11, 7)
    stamped = _article(date_published="2025-11-07T09:30:00+02:00").date_published
    assert isinstance(stamped, datetime)
    assert stamped.utcoffset() is not None
    assert _article(date_published="2025-11-07T07:30:00Z").date_published == datetime(
        2025, 11, 7, 7, 30, tzinfo=UTC
    )


def test_a_malformed_date_is_an_error_that_quotes_it() -> None:
    with pytest.raises(ValidationError, match="'not a date' is not an ISO 8601"):
        _article(date_published="not a date")


def test_a_dangling_reference_is_an_error_that_names_the_id() -> None:
    person = Person(id="p1", name="Кім Чен Ин", affiliation=["org-missing"])
    with pytest.raises(ValidationError, match="org-missing"):
        _article(persons=[person])


def test_a_reference_to_the_wrong_kind_is_an_error() -> None:
    place = Place(id="place-1", name="Пхеньян")
    person = Person(id="p1", name="Кім Чен Ин", affiliation=["place-1"])
    with pytest.raises(ValidationError, match="a Place, not a Organisation"):
        _article(persons=[person], places=[place])


def test_duplicate_ids_are_an_error() -> None:
    with pytest.raises(ValidationError, match="used twice"):
        _article(persons=[Person(id="x", name="А")], places=[Place(id="x", name="Б")])


def test_an_organisation_cannot_be_its_own_parent() -> None:
    with pytest.raises(ValidationError, match="its own parent"):
        _article(organisations=[Organisation(id="o", name="Рада", parent="o")])


def test_a_linked_place_keeps_its_point_country_and_container() -> None:
    country = Place(id="kp", name="КНДР", kind="country", country_code="KP")
    city = Place(
        id="pyongyang",
        name="Пхеньян",
        geo=GeoPoint(latitude=39.03385, longitude=125.75432),
        country_code="KP",
        contained_in="kp",
        same_as=["https://sws.geonames.org/1871859/"],
    )
    article = _article(places=[country, city])
    assert article.places[1].geo == GeoPoint(latitude=39.03385, longitude=125.75432)


def test_contained_in_is_checked_like_every_reference() -> None:
    with pytest.raises(ValidationError, match="contained_in refers to 'nowhere'"):
        _article(places=[Place(id="l", name="Пхеньян", contained_in="nowhere")])
    with pytest.raises(ValidationError, match="a Person, not a Place"):
        _article(
            persons=[Person(id="p", name="Кім")],
            places=[Place(id="l", name="Пхеньян", contained_in="p")],
        )
    with pytest.raises(ValidationError, match="contained in itself"):
        _article(places=[Place(id="l", name="Пхеньян", contained_in="l")])


@pytest.mark.parametrize("code", ["ua", "UKR", "U1", "", "Україна"])
def test_a_country_code_is_two_capital_letters(code: str) -> None:
    with pytest.raises(ValidationError, match="country_code"):
        Place(id="l", name="Україна", country_code=code)


@pytest.mark.parametrize(
    ("latitude", "longitude"), [(91, 0), (-90.5, 0), (0, 180.1), (float("nan"), 0)]
)
def test_a_point_off_the_globe_is_an_error(latitude: float, longitude: float) -> None:
    with pytest.raises(ValidationError):
        GeoPoint(latitude=latitude, longitude=longitude)


def test_mentions_must_slice_the_body() -> None:
    good = Mention(start=0, end=10, text="Кім Чен Ин")
    assert _article(persons=[Person(id="p", name="Кім Чен Ин", mentions=[good])])
    bad = Mention(start=0, end=3, text="Кім Чен Ин")
    with pytest.raises(ValidationError, match="the body has 'Кім' there"):
        _article(persons=[Person(id="p", name="Кім Чен Ин", mentions=[bad])])
    outside = Mention(start=20, end=99, text="x")
    with pytest.raises(ValidationError, match="outside the body"):
        _article(persons=[Person(id="p", name="Кім", mentions=[outside])])


def test_an_event_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValidationError, match="before start_date"):
        Event(id="e", name="Переговори", start_date="2024-06", end_date="2024-05")
    # Overlapping precisions are fine: 2024 may end in June 2024.
    assert Event(id="e", name="Переговори", start_date="2024-06", end_date="2024")


def test_unknown_fields_are_errors_not_silently_dropped() -> None:
    with pytest.raises(ValidationError, match="headlin"):
        _article(headlin="typo")


def test_the_entities_helper_finds_by_id() -> None:
    article = _article(persons=[Person(id="p", name="А")], places=[Place(id="l", name="Б")])
    assert article.get("l").name == "Б"  # type: ignore[union-attr]
    assert article.get("zzz") is None
