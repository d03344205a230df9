"""The in-memory stance backend: the reference implementation (evaluation, unit tests)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from schemas import Alert, Claim, Evidence
from streams.stance.decide import decide
from streams.stance.state import Figure, PartyState, Rules
from streams.stance.view import build_view
from streams.stance.writes import TIMELINE_CAP, StateWrites, plan_writes


@dataclass
class MemoryBook:
    rules: Rules = field(default_factory=Rules)
    props: dict[str, dict[str, PartyState]] = field(default_factory=dict)
    sets: dict[str, set[str]] = field(default_factory=dict)
    figs: dict[str, dict[str, Figure]] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)
    rows: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    first: dict[str, dict[str, str]] = field(default_factory=dict)
    timelines: dict[tuple[str, str], list[Evidence]] = field(default_factory=dict)

    # --- StateReader -------------------------------------------------------------------------
    def family_places(self, families: list[str]) -> dict[str, set[str]]:
        return {f: set(self.sets.get(f"fam:{f}", set())) for f in families}

    def prop_states(self, pids: list[str]) -> dict[str, dict[str, PartyState]]:
        return {pid: dict(self.props.get(pid, {})) for pid in pids}

    def exclusive_props(self, keys: list[str]) -> dict[str, set[str]]:
        return {k: set(self.sets.get(f"excl:{k}", set())) for k in keys}

    def figures(self, keys: list[str]) -> dict[str, list[Figure]]:
        return {k: list(self.figs.get(k, {}).values()) for k in keys}

    # --- apply ---------------------------------------------------------------------------------
    def apply(self, claim: Claim) -> list[Alert]:
        if claim.id in self.seen:
            return []
        decision = decide(claim, build_view(claim, self), self.rules)
        self.write(plan_writes(claim, decision))
        return decision.alerts

    def apply_batch(self, claims: list[Claim]) -> list[list[Alert]]:
        return [self.apply(c) for c in claims]

    def write(self, w: StateWrites) -> None:
        self.seen.add(w.claim_id)
        for pid, state in w.states:
            self.props.setdefault(pid, {})[state.party] = state
        for key, member in w.sets:
            self.sets.setdefault(key, set()).add(member)
        if w.figure is not None:
            key, owner, fig = w.figure
            self.figs.setdefault(key, {})[owner] = fig
        for t in w.tables:
            self.rows.setdefault(t.actor, {})[t.pid] = t.row
            self.first.setdefault(t.actor, {}).setdefault(t.pid, t.first_seen)
            tl = self.timelines.setdefault((t.actor, t.pid), [])
            tl.append(t.evidence)
            del tl[:-TIMELINE_CAP]

    # --- queries -------------------------------------------------------------------------------
    def stance_table(self, actor: str) -> list[dict[str, Any]]:
        out = []
        for pid, row in self.rows.get(actor, {}).items():
            timeline = [e.model_dump(mode="json") for e in self.timelines.get((actor, pid), [])]
            out.append({**row, "first_seen": self.first[actor].get(pid), "timeline": timeline})
        return sort_table(out)

    def actors(self) -> list[str]:
        return sorted(self.rows)


def sort_table(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Latest first; ties by proposition id so the order never depends on storage order."""
    rows.sort(key=lambda r: r["proposition"]["id"])
    rows.sort(key=lambda r: r["last_seen"], reverse=True)
    return rows
