"""The state-writing rules, once for every backend: what a decided claim changes.

A backend turns `StateWrites` into its own operations (dict updates, Redis commands) and reflects
them in what later claims of the same batch read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from schemas import Claim, Evidence
from streams.core.gazetteer import default_gazetteer
from streams.core.propositions import ANY
from streams.stance.keys import exclusion_key, figure_key
from streams.stance.state import Decision, Figure, PartyState, evidence_of

TIMELINE_CAP = 200  # evidence kept per actor and proposition


@dataclass(frozen=True)
class TableWrite:
    """One actor's stance-table row for the claim's proposition, and the evidence it appends."""

    actor: str
    pid: str
    row: dict[str, Any]
    evidence: Evidence
    first_seen: str


@dataclass(frozen=True)
class StateWrites:
    claim_id: str
    states: list[tuple[str, PartyState]]  # (proposition id, the party's new state)
    sets: list[tuple[str, str]]  # (index key, member): family places and exclusion members
    figure: tuple[str, str, Figure] | None  # (figure key, owner, figure)
    tables: list[TableWrite]


def index_entries(claim: Claim) -> list[tuple[str, str]]:
    """Family-place and exclusion index members a claim adds."""
    out: list[tuple[str, str]] = []
    for pid in [claim.proposition.id, *claim.proposition.broader]:
        event, agent, place = pid.split(":", 2)
        out.append((f"fam:{event}:{agent}", place))
        if place != ANY:
            out.append((f"excl:{exclusion_key(event, place)}", pid))
    return out


def table_owners(claim: Claim) -> list[str]:
    """Whose stance tables show the claim: the speaker and every actor above it (Peskov, Kremlin,
    Russia); an unknown speaker gets a table under its text."""
    if claim.speaker.actor_id is None:
        return [f"unknown:{claim.speaker.text.casefold()}"]
    return list(default_gazetteer().chain(claim.speaker.actor_id))


def _tables(claim: Claim) -> list[TableWrite]:
    ev = evidence_of(claim)
    row = {
        "proposition": claim.proposition.model_dump(mode="json"),
        "stance": claim.stance,
        "modality": claim.modality,
        "last_seen": claim.event_time.isoformat(),
        "last_claim": claim.id,
    }
    first = claim.event_time.isoformat()
    return [TableWrite(a, claim.proposition.id, row, ev, first) for a in table_owners(claim)]


def plan_writes(claim: Claim, decision: Decision) -> StateWrites:
    figure = None
    if decision.figure is not None and claim.quantity is not None:
        owner = decision.figure.party or claim.speaker.text
        figure = (figure_key(claim, claim.place), owner, decision.figure)
    return StateWrites(
        claim_id=claim.id,
        states=sorted(decision.updates.items()),
        sets=index_entries(claim),
        figure=figure,
        tables=_tables(claim),
    )
