"""The alerts topic: a confirmation, contradiction, numeric discrepancy or reversal."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from schemas._base import AwareDatetime, WireModel
from schemas.claim import Modality, PropositionRef, Quantity, Span, Stance

AlertKind = Literal["CONFIRMED", "CONTRADICTED", "NUMERIC_DISCREPANCY", "STANCE_REVERSAL"]
Severity = Literal["low", "medium", "high"]


class Evidence(WireModel):
    """A claim as an alert cites it."""

    claim_id: str
    article_id: str
    outlet: str
    speaker: str
    actor_id: str | None
    party: str | None
    stance: Stance
    modality: Modality
    proposition_id: str
    quote: str
    span: Span
    event_time: AwareDatetime
    quantity: Quantity | None = None


class Alert(WireModel):
    schema_version: Literal[1] = 1
    id: str = Field(description="Deterministic: a replay yields the same id.")
    kind: AlertKind
    severity: Severity
    proposition: PropositionRef
    trigger: Evidence = Field(description="The new claim that fired the alert.")
    related: list[Evidence] = Field(description="Earlier claim(s) confirmed or contradicted.")
    parties: list[str] = Field(description="Parties involved, trigger's first.")
    rule: str = Field(description="Which rule fired.")
    reason: str = Field(description="Human-readable why.")
    event_time: AwareDatetime
