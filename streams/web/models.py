"""Response models of the JSON API (they make the OpenAPI document say what each route returns)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from schemas import Alert, Claim, PropositionRef


class Problem(BaseModel):
    """Every 4xx/5xx answer: what was wrong, and how to fix it when that is known."""

    error: str
    detail: list[dict[str, Any]] = Field(default_factory=list)


class AlertPage(BaseModel):
    total: int
    offset: int
    limit: int
    order: str
    items: list[Alert]


class Highlight(BaseModel):
    start: int
    end: int


class ClaimHit(BaseModel):
    claim: Claim
    highlights: list[Highlight] = Field(description="Where the query matched inside claim.quote.")


class ClaimPage(BaseModel):
    total: int
    offset: int
    limit: int
    items: list[ClaimHit]


class PropositionSummary(BaseModel):
    id: str
    label: str
    claims: int
    alerts: int
    parties: list[str]
    last_event: datetime | None


class Position(BaseModel):
    """A party's position on a proposition, as the stance engine holds it."""

    party: str
    label: str
    stance: str
    committed: str | None
    implied: bool
    first_seen: datetime
    last_seen: datetime
    statements: int


class TimelinePoint(BaseModel):
    claim_id: str
    party: str
    speaker: str
    stance: str
    modality: str
    event_time: datetime
    outlet: str
    article_id: str
    url: str | None
    implied: bool = Field(description="About a narrower proposition that implies this one.")


class Story(BaseModel):
    proposition: PropositionRef | None
    id: str
    label: str
    positions: list[Position]
    timeline: list[TimelinePoint]
    claims: list[Claim]
    alerts: list[Alert]


class Actor(BaseModel):
    id: str
    label: str
    party: str | None
    kind: str | None


class PersonOut(BaseModel):
    name: str
    party: str
    role: str | None
    actor_id: str | None


class StanceEvidence(BaseModel):
    claim_id: str
    article_id: str
    outlet: str
    speaker: str
    stance: str
    modality: str
    event_time: datetime
    quote: str
    url: str | None = None
    title: str | None = None
    published_at: datetime | None = None
    figure: str | None = None


class StanceRow(BaseModel):
    proposition: PropositionRef
    stance: str
    modality: str | None = None
    first_seen: datetime | None
    last_seen: datetime
    timeline: list[StanceEvidence]


class StanceTable(BaseModel):
    actor: Actor
    rows: list[StanceRow]


class ArticleView(BaseModel):
    id: str
    outlet: str | None
    url: str | None
    title: str | None
    published_at: datetime | None
    language: str | None
    text: str | None = Field(description="The cleaned text the claims' spans point into.")
    claims: list[Claim]


class Health(BaseModel):
    ok: bool
    kafka: dict[str, Any]
    redis: dict[str, Any]
    alerts: int
    claims: int
    articles: int
