"""People and organisations, as an editor indexes them."""

from __future__ import annotations

from pydantic import Field

from newsmodel.models.base import StrictModel
from newsmodel.models.types import EntityId, Mention


class Person(StrictModel):
    """A person named in the article, under the nominative name an editor would index."""

    id: EntityId
    name: str = Field(min_length=1, description="Full name in the nominative case.")
    given_name: str | None = None
    family_name: str | None = None
    alternate_names: list[str] = Field(
        default_factory=list, description="Other forms used for the same person in the text."
    )
    name_latin: str | None = Field(
        default=None, description="Latin spelling (official Ukrainian transliteration)."
    )
    job_title: str | None = Field(default=None, description="Job title in the nominative case.")
    affiliation: list[EntityId] = Field(
        default_factory=list, description="Ids of organisations the person works for."
    )
    nationality: EntityId | None = Field(default=None, description="Id of a country place.")
    mentions: list[Mention] = Field(default_factory=list)
    same_as: list[str] = Field(
        default_factory=list, description="URIs of the same person elsewhere (Wikidata...)."
    )


class Organisation(StrictModel):
    """An organisation: a state body, company, army, agency, party..."""

    id: EntityId
    name: str = Field(min_length=1, description="Full name in the nominative case.")
    alternate_names: list[str] = Field(
        default_factory=list, description="Other names, acronyms included (NIS, ЦТАК)."
    )
    country: EntityId | None = Field(default=None, description="Id of the country place.")
    parent: EntityId | None = Field(default=None, description="Id of the parent organisation.")
    mentions: list[Mention] = Field(default_factory=list)
    same_as: list[str] = Field(default_factory=list)
