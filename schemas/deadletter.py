"""The dead-letter topic: input that could not be processed, with the reason and the bytes."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from schemas._base import AwareDatetime, WireModel

DeadLetterReason = Literal[
    "not_json",
    "schema",
    "oversized",
    "processing_error",
    "empty_key",
    "unsupported_version",
    "too_slow",
    "unsupported_language",
]


class DeadLetter(WireModel):
    schema_version: Literal[1] = 1
    source_topic: str
    partition: int | None = None
    offset: int | None = None
    key: str | None = None
    stage: str = Field(description="Which agent rejected it.")
    reason: DeadLetterReason
    error: str = Field(description="The error message, truncated.", max_length=4000)
    original_b64: str = Field(description="Original message bytes, base64 (truncated if huge).")
    original_size: int
    truncated: bool = False
    failed_at: AwareDatetime
