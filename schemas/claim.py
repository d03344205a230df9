"""The claims topic: one attributed statement found in an article."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from schemas._base import AwareDatetime, WireModel

Stance = Literal["affirm", "deny", "noncommittal"]
Modality = Literal["asserted", "hedged", "speculative"]


class Span(WireModel):
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError("span end precedes start")
        return self


class Quantity(WireModel):
    """A figure read as an interval: 'sekitar 10.000' -> [9000, 11000]."""

    low: float | None = Field(description="Inclusive lower bound; None = unbounded.")
    high: float | None = Field(description="Inclusive upper bound; None = unbounded.")
    unit: str = Field(description="What is counted, e.g. 'troops', 'people'.")
    measure: str = Field(description="Which figure, e.g. 'troops_deployed', 'killed'.")
    text: str = Field(description="The figure as written.")
    span: Span


class Speaker(WireModel):
    text: str = Field(description="The speaker as written (or the antecedent of a pronoun).")
    actor_id: str | None = Field(description="Canonical actor; None when unknown.")
    actor_label: str | None = None
    party: str | None = Field(description="Top-level party (country/organisation); None if unknown.")
    role: str | None = None
    resolved_by: Literal["name", "alias", "role", "pronoun", "neighbour", "narrator", "home", "unknown"] = (
        Field(
            description=(
                "How the speaker was found; 'home': a state office named without its country, read as"
                " the office of the one state the article is plainly about."
            )
        )
    )


class PropositionRef(WireModel):
    id: str = Field(description="Stable id across outlets and languages.")
    label: str
    event: str
    agent: str | None
    place: str | None
    broader: list[str] = Field(default_factory=list, description="Ids this one implies.")
    excludes: list[str] = Field(
        default_factory=list, description="Ids that cannot hold together with this one."
    )


class Claim(WireModel):
    """Version 2 adds `patient` and `in_title`; a version-1 message (without them) still reads."""

    schema_version: Literal[1, 2] = 2
    id: str
    article_id: str
    outlet: str
    via: str | None = None
    language: str
    speaker: Speaker
    proposition: PropositionRef
    stance: Stance
    modality: Modality
    quantity: Quantity | None = None
    place: str | None = None
    patient: str | None = Field(default=None, description="Whom the event is done to (its party), if named.")
    in_title: bool = Field(default=False, description="Read in the headline; the span points into the title.")
    event_time: AwareDatetime
    published_at: AwareDatetime
    quote: str = Field(description="Evidence text, equal to cleaned_body[span.start:span.end].")
    span: Span
    confidence: float = Field(ge=0.0, le=1.0)
    syndicated_from: str | None = None
    cues: list[str] = Field(default_factory=list, description="Lexicon cues that fired (why).")
    # Version 2: where the claim was read, so that an alert can link to its source.
    url: str | None = Field(default=None, description="The article's URL (v2; null if it had none).")
    title: str | None = Field(default=None, description="The article's headline (v2).")
