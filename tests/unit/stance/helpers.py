"""Hand-built claims for the stance tests: one actor, one stance, one proposition each."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from schemas import Claim, Quantity, Span, Speaker
from streams.core.propositions import make_proposition

T0 = datetime(2024, 10, 25, tzinfo=UTC)
PARTY_OF = {
    "zelensky": "ukraine",
    "ukraine": "ukraine",
    "kremlin": "russia",
    "russia": "russia",
    "rutte": "nato",
    "pentagon": "united_states",
    "putin": "russia",
    "north_korea": "north_korea",
}


def claim(
    n: int,
    actor: str,
    stance: str,
    event: str = "troops_deployed",
    agent: str | None = "north_korea",
    place: str | None = "kursk",
    days: int = 0,
    qty: tuple[float | None, float | None] | None = None,
    article: str | None = None,
    syndicated: str | None = None,
    patient: str | None = None,
) -> Claim:
    prop = make_proposition(event, agent, place, patient=patient)
    return Claim(
        id=f"c{n}",
        article_id=article or f"a{n}",
        outlet=f"outlet{n}",
        language="en",
        speaker=Speaker(text=actor, actor_id=actor, party=PARTY_OF[actor], resolved_by="name"),
        proposition=prop,
        stance=stance,
        modality="asserted",  # type: ignore[arg-type]
        quantity=Quantity(
            low=qty[0],
            high=qty[1],
            unit="troops",
            measure="troops_deployed",
            text="n",
            span=Span(start=0, end=1),
        )
        if qty
        else None,
        place=place,
        event_time=T0 + timedelta(days=days),
        published_at=T0 + timedelta(days=days),
        quote="q",
        span=Span(start=0, end=1),
        confidence=0.9,
        syndicated_from=syndicated,
    )


def kinds(alerts: list) -> list[str]:  # type: ignore[type-arg]
    return [a.kind for a in alerts]


def recapture(n: int, actor: str, stance: str, days: int = 0, place: str = "kursk") -> Claim:
    return claim(n, actor, stance, event="territory_recaptured", agent="russia", place=place, days=days)


def fighting(n: int, actor: str, days: int = 0) -> Claim:
    return claim(n, actor, "affirm", event="fighting_ongoing", agent=None, place="kursk", days=days)
