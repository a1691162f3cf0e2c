"""Events: real-world happenings the article reports."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from newsmodel.models.base import StrictModel
from newsmodel.models.types import EntityId, Mention, PartialDate


class EventCategory(StrEnum):
    """A small, documented vocabulary of what happened (see docs/model.md)."""

    MEETING = "meeting"
    VISIT = "visit"
    AGREEMENT = "agreement"
    DEPLOYMENT = "deployment"
    MILITARY_ACTION = "military_action"
    ATTACK = "attack"
    CASUALTIES = "casualties"
    STATEMENT = "statement"
    DECISION = "decision"
    ELECTION = "election"
    APPOINTMENT = "appointment"
    DISMISSAL = "dismissal"
    ARREST = "arrest"
    TRIAL = "trial"
    SANCTIONS = "sanctions"
    AID = "aid"
    PROTEST = "protest"
    DISASTER = "disaster"
    OTHER = "other"
    # courts, police and prosecution
    LAWSUIT = "lawsuit"
    APPEAL = "appeal"
    RULING = "ruling"
    SENTENCE = "sentence"
    ACQUITTAL = "acquittal"
    CHARGE = "charge"
    INVESTIGATION = "investigation"
    SEARCH = "search"
    SEIZURE = "seizure"
    CRIME = "crime"
    SUSPENSION = "suspension"
    RELEASE = "release"
    # business and money
    CONTRACT = "contract"
    PURCHASE = "purchase"
    SALE = "sale"
    PAYMENT = "payment"
    LOAN = "loan"
    TENDER = "tender"
    INVESTMENT = "investment"
    FOUNDING = "founding"
    BANKRUPTCY = "bankruptcy"
    MERGER = "merger"
    TRANSFER = "transfer"
    INSPECTION = "inspection"
    # politics and administration
    VOTE = "vote"
    RESOLUTION = "resolution"
    LAW_ADOPTION = "law_adoption"
    IMPEACHMENT = "impeachment"
    RESIGNATION = "resignation"
    REFUSAL = "refusal"
    APPROVAL = "approval"
    CANCELLATION = "cancellation"
    REGISTRATION = "registration"
    COMPLAINT = "complaint"
    REQUEST = "request"
    # society, health, accidents
    STRIKE = "strike"
    VACCINATION = "vaccination"
    OUTBREAK = "outbreak"
    ACCIDENT = "accident"


class EventStatus(StrEnum):
    """Whether the event has happened, is planned, or was called off or put back."""

    OCCURRED = "occurred"
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"
    POSTPONED = "postponed"


class Participant(StrictModel):
    """An entity taking part in an event, with its role (host, guest, signatory, source...)."""

    id: EntityId
    role: str | None = None


class Event(StrictModel):
    """One real-world happening: what, when, where and who, with the sentence that says so."""

    id: EntityId
    name: str = Field(min_length=1, description="A short nominal phrase naming the event.")
    category: EventCategory = EventCategory.OTHER
    status: EventStatus | None = None
    start_date: PartialDate | None = None
    end_date: PartialDate | None = None
    location: list[EntityId] = Field(default_factory=list, description="Ids of places.")
    participants: list[Participant] = Field(default_factory=list)
    description: str | None = Field(default=None, description="The evidence sentence.")
    mentions: list[Mention] = Field(default_factory=list)

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Event:
        if (
            self.start_date
            and self.end_date
            and self.end_date.last_day() < self.start_date.first_day()
        ):
            raise ValueError(f"end_date {self.end_date} is before start_date {self.start_date}")
        return self
