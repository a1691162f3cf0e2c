"""Places: countries, regions, cities and other named locations."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from newsmodel.models.base import StrictModel
from newsmodel.models.types import EntityId, Mention


class PlaceKind(StrEnum):
    """What sort of place it is; exporters pick the schema.org or IPTC type from this."""

    COUNTRY = "country"
    REGION = "region"
    DISTRICT = "district"
    CITY = "city"
    SETTLEMENT = "settlement"
    OTHER = "other"


class Place(StrictModel):
    """A named place, one per real place, its other names merged into ``alternate_names``."""

    id: EntityId
    name: str = Field(min_length=1, description="Name in the nominative case.")
    kind: PlaceKind | None = None
    alternate_names: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    same_as: list[str] = Field(default_factory=list)
