"""The stance state's data: a party's position on one proposition, figures, the view a decision
reads, the decision it returns. Pure data, shared by the rules and both backends."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from pydantic import BaseModel, ConfigDict

from schemas import Alert, Claim, Evidence, Stance

MAX_PENDING = 5  # noncommittal statements kept between two committed ones


class PartyState(BaseModel):
    """One party's position on one proposition."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    party: str
    stance: Stance  # latest statement, noncommittal included
    committed: Stance | None = None  # latest affirm/deny
    implied: bool = False  # only implied by a claim about a narrower proposition
    first_seen: datetime
    last_seen: datetime
    last_affirm: Evidence | None = None
    last_deny: Evidence | None = None
    pending: list[Evidence] = []  # noncommittal since the last committed stance
    opposed: list[str] = []  # parties already reported as directly contradicting this one here
    # Parties reported only through mutually exclusive claims. Kept apart so a later explicit
    # denial between the same parties is still reported (claims of different propositions may
    # arrive in either order).
    opposed_inferred: list[str] = []
    count: int = 0
    # The committed stance rests on a claim whose agent the sentence names. A claim whose agent is
    # the speaker's side by default ("Lebanon said 12 people were killed": whose dead, only
    # assumed) is kept in the table but is no earlier claim for another party's alert.
    certain: bool = True


@dataclass(frozen=True, slots=True)
class Figure:
    party: str | None
    evidence: Evidence


@dataclass
class View:
    """Stored state related to one claim, as a backend loads it (every list sorted)."""

    props: dict[str, dict[str, PartyState]] = field(default_factory=dict)
    narrower: list[str] = field(default_factory=list)  # proposition ids within the claim's one
    excluded: dict[str, list[str]] = field(default_factory=dict)  # prop -> seen exclusive props
    figures: dict[str, list[Figure]] = field(default_factory=dict)  # place -> figures, same measure

    def holders(self, pid: str) -> list[tuple[str, PartyState]]:
        """Parties with a state on `pid`, in party order (never the store's iteration order)."""
        return sorted(self.props.get(pid, {}).items())

    def state(self, pid: str, party: str | None) -> PartyState | None:
        return self.props.get(pid, {}).get(party or "")


@dataclass(frozen=True, slots=True)
class Rules:
    period_days: int = 21  # figures/exclusive claims further apart are about different periods


@dataclass
class Decision:
    alerts: list[Alert]
    updates: dict[str, PartyState]  # prop id -> the claim party's new state
    figure: Figure | None


def evidence_of(claim: Claim) -> Evidence:
    return Evidence(
        claim_id=claim.id,
        article_id=claim.article_id,
        outlet=claim.outlet,
        speaker=claim.speaker.actor_label or claim.speaker.text,
        actor_id=claim.speaker.actor_id,
        party=claim.speaker.party,
        stance=claim.stance,
        modality=claim.modality,
        proposition_id=claim.proposition.id,
        quote=claim.quote,
        span=claim.span,
        event_time=claim.event_time,
        quantity=claim.quantity,
        url=claim.url,
        title=claim.title,
        published_at=claim.published_at,
    )


def up_ids(claim: Claim) -> list[str]:
    """The claim's proposition and everything it implies, nearest first."""
    return [claim.proposition.id, *claim.proposition.broader]


def evidence_order(e: Evidence) -> tuple[datetime, str]:
    return (e.event_time, e.claim_id)
