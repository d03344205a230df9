"""How a claim's related state is located, and an in-memory stance book with the store's semantics.

The Redis store (streams/store.py) and `MemoryBook` share `related_keys`/`build_view`, so the
evaluation and unit tests exercise the same decision path as the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from schemas import Alert, Claim, Evidence
from streams.core.gazetteer import Gazetteer, default_gazetteer
from streams.core.propositions import ANY, excluded_ids, family_key, narrower_events, prop_id
from streams.core.stance import Decision, Figure, PartyState, Rules, View, decide, up_ids


class StateReader(Protocol):
    def family_places(self, families: list[str]) -> dict[str, set[str]]: ...
    def prop_states(self, pids: list[str]) -> dict[str, dict[str, PartyState]]: ...
    def exclusive_props(self, keys: list[str]) -> dict[str, set[str]]: ...
    def figures(self, keys: list[str]) -> dict[str, list[Figure]]: ...


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
        chain = [claim.place, *gaz.place_chain(claim.place)[1:]] if claim.place else [None]
    return KeyPlan(
        families=families_below(claim) if claim.stance == "deny" else [],
        ups=ups,
        exclusion_patterns=patterns,
        figure_chain=chain,
    )


def build_view(claim: Claim, reader: StateReader, gaz: Gazetteer | None = None) -> View:
    gaz = gaz or default_gazetteer()
    p = claim.proposition
    view = View()
    plan = key_plan(claim, gaz)
    # Narrower propositions: same agent, same or narrower event, place within the claim's.
    places_by_family = reader.family_places(plan.families) if plan.families else {}
    for fam, places in places_by_family.items():
        event = fam.split(":", 1)[0]
        for place in places:
            pl = None if place == ANY else place
            pid = prop_id(event, p.agent, pl)
            if pid != p.id and gaz.within(pl, p.place):
                view.narrower.append(pid)
    excl_keys = plan.exclusion_keys
    excl = reader.exclusive_props(excl_keys) if excl_keys else {}
    for pid, keys in plan.exclusion_patterns.items():
        view.excluded[pid] = sorted({x for k in keys for x in excl.get(k, set())})
    wanted = list(dict.fromkeys(plan.ups + view.narrower + [x for xs in view.excluded.values() for x in xs]))
    view.props = reader.prop_states(wanted)
    if plan.figure_chain:
        keys = [figure_key(claim, pl) for pl in plan.figure_chain]
        figs = reader.figures(keys)
        for pl, key in zip(plan.figure_chain, keys, strict=True):
            if figs.get(key):
                view.figures[pl or ANY] = figs[key]
    return view


@dataclass
class MemoryBook:
    """In-memory stance state: the reference implementation of the store's semantics."""

    rules: Rules = field(default_factory=Rules)
    props: dict[str, dict[str, PartyState]] = field(default_factory=dict)
    families: dict[str, set[str]] = field(default_factory=dict)
    exclusive: dict[str, set[str]] = field(default_factory=dict)
    figs: dict[str, dict[str, Figure]] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)
    timelines: dict[tuple[str, str], list[Evidence]] = field(default_factory=dict)

    # StateReader
    def family_places(self, families: list[str]) -> dict[str, set[str]]:
        return {f: set(self.families.get(f, set())) for f in families}

    def prop_states(self, pids: list[str]) -> dict[str, dict[str, PartyState]]:
        return {pid: dict(self.props.get(pid, {})) for pid in pids}

    def exclusive_props(self, keys: list[str]) -> dict[str, set[str]]:
        return {k: set(self.exclusive.get(k, set())) for k in keys}

    def figures(self, keys: list[str]) -> dict[str, list[Figure]]:
        return {k: list(self.figs.get(k, {}).values()) for k in keys}

    def apply(self, claim: Claim) -> list[Alert]:
        if claim.id in self.seen:
            return []
        decision = decide(claim, build_view(claim, self), self.rules)
        self.write(claim, decision)
        return decision.alerts

    def write(self, claim: Claim, decision: Decision) -> None:
        self.seen.add(claim.id)
        for pid, state in decision.updates.items():
            self.props.setdefault(pid, {})[state.party] = state
        for pid in [claim.proposition.id, *claim.proposition.broader]:
            event, agent, place = pid.split(":", 2)
            self.families.setdefault(f"{event}:{agent}", set()).add(place)
            if place != ANY:
                self.exclusive.setdefault(exclusion_key(event, place), set()).add(pid)
        if decision.figure is not None and claim.quantity is not None:
            key = figure_key(claim, claim.place)
            self.figs.setdefault(key, {})[decision.figure.party or claim.speaker.text] = decision.figure
        from streams.core.stance import evidence_of

        actor = claim.speaker.actor_id or claim.speaker.text
        self.timelines.setdefault((actor, claim.proposition.id), []).append(evidence_of(claim))
