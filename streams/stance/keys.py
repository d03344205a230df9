"""Where a claim's related state lives: the key plan (known before any read) and the routing key
that keeps every claim that can interact on one Kafka partition."""

from __future__ import annotations

from dataclasses import dataclass

from schemas import Claim
from streams.core.gazetteer import Gazetteer, default_gazetteer
from streams.core.propositions import ANY, event_specs, excluded_ids, family_key, narrower_events
from streams.stance.state import up_ids


def figure_key(claim: Claim, place: str | None) -> str:
    q = claim.quantity
    assert q is not None
    return f"{family_key(claim.proposition.event, claim.proposition.agent)}:{q.measure}:{place or ANY}"


def exclusion_key(event: str, place: str) -> str:
    return f"{event}:{place}"


def families_below(claim: Claim) -> list[str]:
    """Families whose members may lie within the claim's proposition (same or narrower events)."""
    p = claim.proposition
    return [family_key(e, p.agent) for e in [p.event, *narrower_events(p.event)]]


@dataclass(frozen=True)
class KeyPlan:
    """The state keys a claim certainly reads, known before any read (a store can fetch them in
    one round trip); keys that depend on those reads are asked for through the reader."""

    families: list[str]
    ups: list[str]
    exclusion_patterns: dict[str, list[str]]
    figure_chain: list[str | None]

    @property
    def exclusion_keys(self) -> list[str]:
        return sorted({k for ks in self.exclusion_patterns.values() for k in ks})


def key_plan(claim: Claim, gaz: Gazetteer | None = None) -> KeyPlan:
    gaz = gaz or default_gazetteer()
    ups = up_ids(claim)
    patterns: dict[str, list[str]] = {}
    for pid in ups:
        event, _, place = pid.split(":", 2)
        if place != ANY:
            patterns[pid] = [exclusion_key(x.split(":")[0], place) for x in excluded_ids(event, place)]
    chain: list[str | None] = []
    if claim.quantity is not None:
        # (a place-less figure counts the whole: it is the broadest of the chain)
        chain = [claim.place, *gaz.place_chain(claim.place)[1:], None] if claim.place else [None]
    return KeyPlan(
        families=families_below(claim),
        ups=ups,
        exclusion_patterns=patterns,
        figure_chain=chain,
    )


_GROUPS: dict[int, dict[str, tuple[str, bool]]] = {}


def _event_groups() -> dict[str, tuple[str, bool]]:
    """Event -> (its interaction group's first event, whether the group has exclusions). Events
    linked by `broader` or `excludes` interact; exclusions hold across agents. Recomputed when the
    event data is reloaded (a new `event_specs()` object)."""
    specs = event_specs()
    cached = _GROUPS.get(id(specs))
    if cached is not None:
        return cached
    parent = {e: e for e in specs}

    def root(e: str) -> str:
        while parent[e] != e:
            e = parent[e]
        return e

    for e, spec in specs.items():
        for other in (*spec.broader, *spec.excludes):
            if other in parent:
                a, b = sorted((root(e), root(other)))
                parent[b] = a
    crossing = {root(e) for e, s in specs.items() if s.excludes}
    _GROUPS.clear()
    groups = _GROUPS[id(specs)] = {e: (root(e), root(e) in crossing) for e in specs}
    return groups


def routing_key(claim: Claim) -> bytes:
    """The Kafka key of a claim: every claim its decision can read or change shares it, so they are
    ordered on one partition whatever the partition count (the decision is then deterministic)."""
    event, agent = claim.proposition.event, claim.proposition.agent
    group, crosses_agents = _event_groups().get(event, (event, False))
    return f"{group}:{ANY if crosses_agents else (agent or ANY)}".encode()
