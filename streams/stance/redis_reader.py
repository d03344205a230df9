"""Reads stance state from Redis for a batch of claims, seeing the batch's own queued writes.

`prefetch` asks, in one round trip, for every key a claim can know up front (and whether the claim
was applied before); later questions are answered from what was read, fetching only what is
missing. Writes the batch has queued but not yet executed are overlaid (`absorb`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from schemas import Claim, Evidence
from streams.stance.keys import figure_key, key_plan
from streams.stance.state import Figure, PartyState
from streams.stance.writes import StateWrites

_STATE_CACHE: dict[bytes | str, PartyState] = {}
_STATE_CACHE_MAX = 4_096  # ~1 KB states: bounded memory, still most hits on hot propositions


def party_state(raw: bytes | str) -> PartyState:
    """Parse a stored state once: states are frozen and their bytes change whenever they change,
    so the raw bytes are a safe key (parsing was the stance agent's top cost in the profile)."""
    state = _STATE_CACHE.get(raw)
    if state is None:
        if len(_STATE_CACHE) >= _STATE_CACHE_MAX:
            _STATE_CACHE.clear()
        state = _STATE_CACHE[raw] = PartyState.model_validate_json(raw)
    return state


def text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _states(raw: dict[Any, Any]) -> dict[str, PartyState]:
    return {text(k): party_state(v) for k, v in raw.items()}


def _figures(raw: dict[Any, Any]) -> dict[str, Figure]:
    out: dict[str, Figure] = {}
    for who, value in raw.items():
        ev = Evidence.model_validate_json(value)
        out[text(who)] = Figure(ev.party, ev)
    return out


class RedisReader:
    def __init__(self, client: Any, prefix: str) -> None:
        self.r = client
        self.p = prefix
        self._sets: dict[str, set[str]] = {}
        self._states: dict[str, dict[str, PartyState]] = {}
        self._figs: dict[str, dict[str, Figure]] = {}
        self._seen: set[str] = set()
        # Queued, not yet in Redis: merged over whatever is fetched later.
        self._pending_sets: dict[str, set[str]] = {}
        self._pending_states: dict[str, dict[str, PartyState]] = {}
        self._pending_figs: dict[str, dict[str, Figure]] = {}

    def prefetch(self, claim: Claim, seen_key: str) -> bool:
        """Load the planned keys; True when the claim was already applied."""
        return self.prefetch_batch([claim], seen_key)[0]

    def prefetch_batch(self, claims: list[Claim], seen_key: str) -> list[bool]:
        """One round trip for every key the batch's claims can know up front, and whether each
        claim was applied before (a claim repeated inside the batch is caught by `absorb`)."""
        set_keys: dict[str, None] = {}
        pids: dict[str, None] = {}
        fig_keys: dict[str, None] = {}
        for claim in claims:
            plan = key_plan(claim)
            for k in [f"fam:{f}" for f in plan.families] + [f"excl:{k}" for k in plan.exclusion_keys]:
                if k not in self._sets:
                    set_keys[k] = None
            pids.update((pid, None) for pid in plan.ups if pid not in self._states)
            for k in (figure_key(claim, pl) for pl in plan.figure_chain):
                if k not in self._figs:
                    fig_keys[k] = None
        pipe = self.r.pipeline(transaction=False)
        pipe.smismember(seen_key, [c.id for c in claims])
        for key in set_keys:
            pipe.smembers(f"{self.p}:{key}")
        for pid in pids:
            pipe.hgetall(f"{self.p}:prop:{pid}")
        for k in fig_keys:
            pipe.hgetall(f"{self.p}:fig:{k}")
        results = iter(pipe.execute())
        seen = [bool(x) or c.id in self._seen for x, c in zip(next(results), claims, strict=True)]
        for key in set_keys:
            self._set_loaded(key, {text(m) for m in next(results)})
        for pid in pids:
            self._state_loaded(pid, _states(next(results)))
        for k in fig_keys:
            self._fig_loaded(k, _figures(next(results)))
        return seen

    @property
    def applied(self) -> set[str]:
        """Claim ids this batch has applied so far (queued, not yet executed)."""
        return self._seen

    def _set_loaded(self, key: str, members: set[str]) -> None:
        self._sets[key] = members | self._pending_sets.get(key, set())

    def _state_loaded(self, pid: str, states: dict[str, PartyState]) -> None:
        self._states[pid] = {**states, **self._pending_states.get(pid, {})}

    def _fig_loaded(self, key: str, figs: dict[str, Figure]) -> None:
        self._figs[key] = {**figs, **self._pending_figs.get(key, {})}

    def absorb(self, w: StateWrites) -> None:
        """Reflect a queued write in what later claims of the batch read."""
        self._seen.add(w.claim_id)
        for pid, state in w.states:
            self._pending_states.setdefault(pid, {})[state.party] = state
            if pid in self._states:
                self._states[pid][state.party] = state
        for key, member in w.sets:
            self._pending_sets.setdefault(key, set()).add(member)
            if key in self._sets:
                self._sets[key].add(member)
        if w.figure is not None:
            key, owner, fig = w.figure
            self._pending_figs.setdefault(key, {})[owner] = fig
            if key in self._figs:
                self._figs[key][owner] = fig

    def _fetch(
        self,
        missing: list[str],
        command: str,
        loaded: Callable[[str, Any], None],
        key_of: Callable[[str], str],
    ) -> None:
        """One round trip for every key not read yet in this batch; `loaded` merges each reply."""
        if not missing:
            return
        pipe = self.r.pipeline(transaction=False)
        for k in missing:
            getattr(pipe, command)(key_of(k))
        for k, res in zip(missing, pipe.execute(), strict=True):
            loaded(k, res)

    def _smembers(self, keys: list[str]) -> dict[str, set[str]]:
        self._fetch(
            [k for k in keys if k not in self._sets],
            "smembers",
            lambda k, res: self._set_loaded(k, {text(m) for m in res}),
            lambda k: f"{self.p}:{k}",
        )
        return {k: self._sets[k] for k in keys}

    # --- StateReader -------------------------------------------------------------------------
    def family_places(self, families: list[str]) -> dict[str, set[str]]:
        got = self._smembers([f"fam:{f}" for f in families])
        return {f: got[f"fam:{f}"] for f in families}

    def exclusive_props(self, keys: list[str]) -> dict[str, set[str]]:
        got = self._smembers([f"excl:{k}" for k in keys])
        return {k: got[f"excl:{k}"] for k in keys}

    def prop_states(self, pids: list[str]) -> dict[str, dict[str, PartyState]]:
        self._fetch(
            [pid for pid in pids if pid not in self._states],
            "hgetall",
            lambda pid, res: self._state_loaded(pid, _states(res)),
            lambda pid: f"{self.p}:prop:{pid}",
        )
        return {pid: dict(self._states[pid]) for pid in pids}

    def figures(self, keys: list[str]) -> dict[str, list[Figure]]:
        self._fetch(
            [k for k in keys if k not in self._figs],
            "hgetall",
            lambda k, res: self._fig_loaded(k, _figures(res)),
            lambda k: f"{self.p}:fig:{k}",
        )
        return {k: list(self._figs[k].values()) for k in keys}
