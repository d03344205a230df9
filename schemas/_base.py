"""Shared base for wire contracts: frozen, extra fields forbidden, versioned."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict

SCHEMA_VERSION = 1


def require_tz(value: datetime) -> datetime:
    # Event-time ordering across outlets is meaningless without an offset.
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("datetime must carry a timezone offset")
    return value


AwareDatetime = Annotated[datetime, AfterValidator(require_tz)]


class WireModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)
