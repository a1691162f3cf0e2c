"""Places: countries, regions, cities and other named locations, linked to the world."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from newsmodel.models.base import StrictModel
from newsmodel.models.types import CountryCode, EntityId, Mention


class PlaceKind(StrEnum):
    """What sort of place it is; exporters pick the schema.org or IPTC type from this."""

    COUNTRY = "country"
    REGION = "region"
    DISTRICT = "district"
    CITY = "city"
    SETTLEMENT = "settlement"
    OTHER = "other"


class GeoPoint(StrictModel):
    """A point on the WGS 84 globe, in decimal degrees: where a map puts the place's pin."""

    latitude: float = Field(ge=-90, le=90, allow_inf_nan=False)
    longitude: float = Field(ge=-180, le=180, allow_inf_nan=False)


class Place(StrictModel):
    """A named place, one per real place, its other names merged into ``alternate_names``.

    ``same_as`` holds the place's identifiers elsewhere (``https://sws.geonames.org/<id>/``);
    ``contained_in`` is the id of another place of the same article that contains it (the
    region or country), so the graph check keeps it resolvable.
    """

    id: EntityId
    name: str = Field(min_length=1, description="Name in the nominative case.")
    kind: PlaceKind | None = None
    alternate_names: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    same_as: list[str] = Field(
        default_factory=list, description="URIs of the same place elsewhere (GeoNames...)."
    )
    geo: GeoPoint | None = Field(default=None, description="Representative point (WGS 84).")
    country_code: CountryCode | None = Field(
        default=None, description="ISO 3166-1 alpha-2 code of the country it is (in)."
    )
    contained_in: EntityId | None = Field(
        default=None, description="Id of the region or country place that contains it."
    )
