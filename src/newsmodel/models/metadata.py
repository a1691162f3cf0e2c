"""The newsroom's metadata about an article: status, codes, rights, credits, media, signals.

Agencies carry far more than a headline and a body (NewsML-G2's itemMeta, contentMeta and
rightsInfo; schema.org's ``image``, ``copyrightHolder``, ``correction``).  These models give each
piece one place, in no format's vocabulary: every field is optional, because nothing is invented
when a source has none.  Codes stay as the source wrote them (``medtop:20000763``,
``apaind:video``) next to the small closed vocabulary the model understands, so an agency scheme
survives a round trip even where the model cannot interpret it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import ConfigDict, Field, model_validator

from newsmodel.models.base import StrictModel
from newsmodel.models.types import MAX_COUNT, EntityId, LanguageTag, PublicationDate

QCODE_PATTERN = r"^[A-Za-z0-9_.-]+:\S*$"
"""A scheme-qualified code: a scheme alias, a colon, the code (``medtop:20000763``)."""

QCode = Annotated[str, Field(max_length=1024, pattern=QCODE_PATTERN, examples=["medtop:20000763"])]
"""A scheme-qualified code as the source wrote it."""


def _one_of_given(*keys: str) -> ConfigDict:
    """A JSON Schema rule for "at least one of these keys is not null", so the published
    schema refuses what the model's validator refuses."""
    return ConfigDict(
        json_schema_extra={"anyOf": [{"properties": {key: {"type": "string"}}} for key in keys]}
    )


Url = Annotated[str, Field(min_length=1, max_length=8192, pattern=r"^\S+$")]
"""A URL (or a provider's resource id): one token, no whitespace."""


class PubStatus(StrEnum):
    """Whether the item may be published (IPTC's ``stat`` scheme, spelt as IPTC spells it)."""

    USABLE = "usable"
    WITHHELD = "withheld"
    CANCELED = "canceled"


class AgentKind(StrEnum):
    """Whether an author is a person or an organisation (an agency, a desk)."""

    PERSON = "person"
    ORGANISATION = "organisation"


class AuthorRole(StrEnum):
    """What an author did for the item; the source's own role code is kept beside it."""

    AUTHOR = "author"
    CONTRIBUTOR = "contributor"
    EDITOR = "editor"
    PHOTOGRAPHER = "photographer"
    VIDEOGRAPHER = "videographer"
    ILLUSTRATOR = "illustrator"
    TRANSLATOR = "translator"
    SOURCE = "source"


class SignalKind(StrEnum):
    """What a signal tells a receiver about this version: that it corrects, updates or kills
    an earlier one."""

    CORRECTION = "correction"
    UPDATE = "update"
    KILL = "kill"


class Concept(StrictModel):
    """A subject or genre: a code from a scheme, a name, or both.

    ``code`` is scheme-qualified as the source wrote it (``medtop:20000763``; agency schemes such
    as ``N2:LABOR`` kept as they are); ``scheme_uri`` is the scheme's URI where a catalog
    resolves the alias.  ``name`` is in ``language`` when the source says which.
    """

    model_config = _one_of_given("code", "name")

    code: QCode | None = None
    name: str | None = Field(default=None, min_length=1)
    language: LanguageTag | None = None
    scheme_uri: Url | None = None

    @model_validator(mode="after")
    def _code_or_name(self) -> Concept:
        if self.code is None and self.name is None:
            raise ValueError("a subject or genre needs a code or a name")
        return self


class Dateline(StrictModel):
    """The dateline as printed (``KYIV, June 12``) and, when known, the place it names."""

    text: str = Field(min_length=1)
    place: EntityId | None = Field(default=None, description="Id of a place in the article.")


class Rights(StrictModel):
    """Who owns the item and how it may be used."""

    copyright_holder: str | None = None
    copyright_notice: str | None = None
    usage_terms: str | None = None
    license_url: Url | None = None


class Author(StrictModel):
    """A person or organisation credited with the item, in a role.

    ``entity`` links the author to a person or organisation of the article when one is the same
    (checked like every other reference); ``role_code`` keeps the source's own code
    (``cRole:phot``) beside ``role``, the model's reading of it.
    """

    name: str = Field(min_length=1)
    kind: AgentKind | None = None
    role: AuthorRole | None = None
    role_code: QCode | None = None
    entity: EntityId | None = Field(default=None, description="Id of a person or organisation.")


class Rendition(StrictModel):
    """One file of an image: a size or format of the same picture."""

    url: Url
    width: int | None = Field(default=None, ge=1, le=MAX_COUNT)
    height: int | None = Field(default=None, ge=1, le=MAX_COUNT)
    mime_type: str | None = None
    name: str | None = Field(default=None, description="The rendition's name: thumbnail, ...")


class Image(StrictModel):
    """A picture (or other media) belonging to the article, with its credit and renditions.

    ``url`` is where to fetch it, or the provider's resource id when that is all a feed gives.
    """

    url: Url
    caption: str | None = None
    alt_text: str | None = None
    credit: str | None = None
    copyright_notice: str | None = None
    width: int | None = Field(default=None, ge=1, le=MAX_COUNT)
    height: int | None = Field(default=None, ge=1, le=MAX_COUNT)
    mime_type: str | None = None
    renditions: list[Rendition] = Field(default_factory=list)


class Signal(StrictModel):
    """A processing signal: a correction, an update, a kill, or an agency's own code.

    ``kind`` is the model's reading; ``code`` the source's qcode (``sig:correction``,
    ``apaind:video``) when it had one; at least one of them is given.
    """

    model_config = _one_of_given("kind", "code")

    kind: SignalKind | None = None
    code: QCode | None = None
    note: str | None = Field(default=None, description="What changed, in words.")
    date: PublicationDate | None = None

    @model_validator(mode="after")
    def _kind_or_code(self) -> Signal:
        if self.kind is None and self.code is None:
            raise ValueError("a signal needs a kind or a code")
        return self


class Link(StrictModel):
    """A related item: a see-also, a previous version, a package member."""

    url: Url
    relation: str | None = Field(
        default=None, description="The relation as the source names it: irel:seeAlso, ..."
    )
    title: str | None = None
    mime_type: str | None = None


__all__ = [
    "QCODE_PATTERN",
    "AgentKind",
    "Author",
    "AuthorRole",
    "Concept",
    "Dateline",
    "Image",
    "Link",
    "PubStatus",
    "QCode",
    "Rendition",
    "Rights",
    "Signal",
    "SignalKind",
    "Url",
]
