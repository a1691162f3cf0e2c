"""The base every model shares: strict about unknown fields, forgiving about nothing."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class StrictModel(BaseModel):
    """Unknown fields are errors (a typo must not vanish) and strings are kept as given."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        # Our JSON always writes every field, so the published schema requires every key.
        json_schema_serialization_defaults_required=True,
    )
