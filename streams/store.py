"""Redis stance store: the same semantics as core.book.MemoryBook, atomic and idempotent.

Keys (prefix P, default "cw"):
  P:prop:{pid}            hash party -> PartyState JSON (the decision state)
  P:fam:{event}:{agent}   set of places seen (to find narrower propositions)
  P:excl:{event}:{place}  set of proposition ids seen (for mutually exclusive claims)
  P:fig:{family}:{measure}:{place}  hash party -> Figure evidence JSON
  P:stance:{actor}        hash pid -> row JSON (stance table for an actor or party)
  P:tl:{actor}:{pid}      list of evidence JSON (timeline, capped)
  P:claims:seen           set of processed claim ids (idempotence)
  P:articles:seen         hash article id -> content hash
A claim is applied in a WATCH/MULTI transaction over its proposition's keys: concurrent workers
cannot interleave on one proposition, and a replayed claim id is a no-op. Cost per claim is bounded
by the number of parties and places, never by the number of stored claims.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson
import redis
from redis.exceptions import ConnectionError as RedisConnectionError

from schemas import Alert, Claim, Evidence
from streams.core.book import StateReader, build_view, exclusion_key, figure_key, key_plan
from streams.core.propositions import ANY
from streams.core.stance import Decision, Figure, PartyState, Rules, decide, evidence_of
from streams.kafka_io import ServiceUnavailable
from streams.settings import Settings

TIMELINE_CAP = 200


_STATE_CACHE: dict[bytes | str, PartyState] = {}
_STATE_CACHE_MAX = 4_096  # ~1 KB states: bounded memory, still most hits on hot propositions


def _party_state(raw: bytes | str) -> PartyState:
    """Parse a stored state once: states are frozen and their bytes change whenever they change,
    so the raw bytes are a safe key (the profile showed parsing as the stance agent's top cost)."""
    state = _STATE_CACHE.get(raw)
    if state is None:
        if len(_STATE_CACHE) >= _STATE_CACHE_MAX:
            _STATE_CACHE.clear()
        state = _STATE_CACHE[raw] = PartyState.model_validate_json(raw)
    return state


def _s(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def connect_redis(settings: Settings) -> redis.Redis:
    client = redis.Redis.from_url(settings.redis_url, socket_connect_timeout=3, socket_timeout=10)
    try:
        client.ping()
    except RedisConnectionError as err:
        raise ServiceUnavailable(
            f"Redis is not reachable at {settings.redis_url} ({err}). Start it with "
            "`claimwatch services up` (or ops/services.sh up), or set CW_REDIS_URL."
        ) from err
    return client


class _Reader(StateReader):
    """Reads state for a batch of claims. `prefetch` asks, in one round trip, for every key a claim
    can know up front (and whether it was applied before); later questions are answered from what
    was read, fetching only what is missing. Writes the batch has queued but not yet executed are
    overlaid (`absorb`), so a later claim of the batch sees an earlier one's effect."""

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
        if claim.id in self._seen:
            return True
        plan = key_plan(claim)
        set_keys = [
            k
            for k in [f"{self.p}:fam:{f}" for f in plan.families]
            + [f"{self.p}:excl:{k}" for k in plan.exclusion_keys]
            if k not in self._sets
        ]
        pids = [pid for pid in plan.ups if pid not in self._states]
        fig_keys = [k for k in (figure_key(claim, pl) for pl in plan.figure_chain) if k not in self._figs]
        pipe = self.r.pipeline(transaction=False)
        pipe.sismember(seen_key, claim.id)
        for key in set_keys:
            pipe.smembers(key)
        for pid in pids:
            pipe.hgetall(f"{self.p}:prop:{pid}")
        for k in fig_keys:
            pipe.hgetall(f"{self.p}:fig:{k}")
        results = iter(pipe.execute())
        seen = bool(next(results))
        for key in set_keys:
            self._set_loaded(key, {_s(m) for m in next(results)})
        for pid in pids:
            self._state_loaded(pid, _states(next(results)))
        for k in fig_keys:
            self._fig_loaded(k, _figures(next(results)))
        return seen

    def _set_loaded(self, key: str, members: set[str]) -> None:
        self._sets[key] = members | self._pending_sets.get(key, set())

    def _state_loaded(self, pid: str, states: dict[str, PartyState]) -> None:
        self._states[pid] = {**states, **self._pending_states.get(pid, {})}

    def _fig_loaded(self, key: str, figs: dict[str, Figure]) -> None:
        self._figs[key] = {**figs, **self._pending_figs.get(key, {})}

    def absorb(self, claim: Claim, decision: Decision, fig_owner: str) -> None:
        """Reflect a queued write in what later claims of the batch read."""
        self._seen.add(claim.id)
        for pid, state in decision.updates.items():
            self._pending_states.setdefault(pid, {})[state.party] = state
            if pid in self._states:
                self._states[pid][state.party] = state
        for key, member in _index_entries(self.p, claim):
            self._pending_sets.setdefault(key, set()).add(member)
            if key in self._sets:
                self._sets[key].add(member)
        if decision.figure is not None and claim.quantity is not None:
            key = figure_key(claim, claim.place)
            self._pending_figs.setdefault(key, {})[fig_owner] = decision.figure
            if key in self._figs:
                self._figs[key][fig_owner] = decision.figure

    def _fetch(self, missing: list[str], command: str, redis_key: Any, loaded: Any) -> None:
        """One round trip for every key not read yet in this batch; `loaded` merges each reply."""
        if not missing:
            return
        pipe = self.r.pipeline(transaction=False)
        for k in missing:
            getattr(pipe, command)(redis_key(k))
        for k, res in zip(missing, pipe.execute(), strict=True):
            loaded(k, res)

    def _smembers(self, keys: list[str]) -> dict[str, set[str]]:
        self._fetch(
            [k for k in keys if k not in self._sets],
            "smembers",
            lambda k: k,
            lambda k, res: self._set_loaded(k, {_s(m) for m in res}),
        )
        return {k: self._sets[k] for k in keys}

    def family_places(self, families: list[str]) -> dict[str, set[str]]:
        got = self._smembers([f"{self.p}:fam:{f}" for f in families])
        return {f: got[f"{self.p}:fam:{f}"] for f in families}

    def exclusive_props(self, keys: list[str]) -> dict[str, set[str]]:
        got = self._smembers([f"{self.p}:excl:{k}" for k in keys])
        return {k: got[f"{self.p}:excl:{k}"] for k in keys}

    def prop_states(self, pids: list[str]) -> dict[str, dict[str, PartyState]]:
        self._fetch(
            [pid for pid in pids if pid not in self._states],
            "hgetall",
            lambda pid: f"{self.p}:prop:{pid}",
            lambda pid, res: self._state_loaded(pid, _states(res)),
        )
        return {pid: dict(self._states[pid]) for pid in pids}

    def figures(self, keys: list[str]) -> dict[str, list[Figure]]:
        self._fetch(
            [k for k in keys if k not in self._figs],
            "hgetall",
            lambda k: f"{self.p}:fig:{k}",
            lambda k, res: self._fig_loaded(k, _figures(res)),
        )
        return {k: list(self._figs[k].values()) for k in keys}


def _index_entries(prefix: str, claim: Claim) -> list[tuple[str, str]]:
    """Family-place and exclusion index members a claim adds (written and absorbed alike)."""
    out: list[tuple[str, str]] = []
    for pid in [claim.proposition.id, *claim.proposition.broader]:
        event, agent, place = pid.split(":", 2)
        out.append((f"{prefix}:fam:{event}:{agent}", place))
        if place != ANY:
            out.append((f"{prefix}:excl:{exclusion_key(event, place)}", pid))
    return out


def _states(raw: dict[Any, Any]) -> dict[str, PartyState]:
    return {_s(k): _party_state(v) for k, v in raw.items()}


def _figures(raw: dict[Any, Any]) -> dict[str, Figure]:
    out: dict[str, Figure] = {}
    for who, value in raw.items():
        ev = Evidence.model_validate_json(value)
        out[_s(who)] = Figure(ev.party, ev)
    return out


class StanceStore:
    def __init__(self, client: redis.Redis, prefix: str = "cw", rules: Rules | None = None) -> None:
        self.r = client
        self.p = prefix
        self.rules = rules or Rules()

    # --- idempotence ---------------------------------------------------------------------------
    def seen_article(self, article_id: str, content_hash: str) -> bool:
        """True when this exact article (id and content) was already processed."""
        old = self.r.hget(f"{self.p}:articles:seen", article_id)
        return old is not None and _s(old) == content_hash

    def mark_article(self, article_id: str, content_hash: str) -> None:
        self.r.hset(f"{self.p}:articles:seen", article_id, content_hash)

    # --- apply -----------------------------------------------------------------------------------
    def apply(self, claim: Claim) -> list[Alert]:
        return self.apply_batch([claim])[0]

    def apply_batch(self, claims: Sequence[Claim]) -> list[list[Alert]]:
        """Apply claims in order and return each one's alerts. Reads go through one prefetch round
        trip per claim (none when its keys were read already in this batch); all writes go out in
        one MULTI/EXEC at the end, so a batch is atomic and a replayed claim id is a no-op. Claims
        of one proposition family share a Kafka key, so one worker at a time owns a family's state."""
        seen_key = f"{self.p}:claims:seen"
        reader = _Reader(self.r, self.p)
        pipe = self.r.pipeline(transaction=True)
        out: list[list[Alert]] = []
        for claim in claims:
            if reader.prefetch(claim, seen_key):
                out.append([])
                continue
            decision = decide(claim, build_view(claim, reader), self.rules)
            fig_owner = self._write(pipe, claim, decision)
            reader.absorb(claim, decision, fig_owner)
            out.append(decision.alerts)
        if len(pipe):
            pipe.execute()
        return out

    def _write(self, pipe: Any, claim: Claim, decision: Decision) -> str:
        p = self.p
        pipe.sadd(f"{p}:claims:seen", claim.id)
        for pid, state in decision.updates.items():
            pipe.hset(f"{p}:prop:{pid}", state.party, state.model_dump_json())
        for key, member in _index_entries(p, claim):
            pipe.sadd(key, member)
        who = (decision.figure.party if decision.figure else None) or claim.speaker.text
        if decision.figure is not None and claim.quantity is not None:
            pipe.hset(
                f"{p}:fig:{figure_key(claim, claim.place)}",
                who,
                decision.figure.evidence.model_dump_json(),
            )
        ev = evidence_of(claim)
        ev_json = ev.model_dump_json()
        for actor in self._table_owners(claim):
            row_key = f"{p}:stance:{actor}"
            tl_key = f"{p}:tl:{actor}:{claim.proposition.id}"
            pipe.rpush(tl_key, ev_json)
            pipe.ltrim(tl_key, -TIMELINE_CAP, -1)
            row = {
                "proposition": claim.proposition.model_dump(mode="json"),
                "stance": claim.stance,
                "modality": claim.modality,
                "last_seen": claim.event_time.isoformat(),
                "last_claim": claim.id,
            }
            pipe.hset(row_key, claim.proposition.id, orjson.dumps(row))
            pipe.hsetnx(f"{p}:first:{actor}", claim.proposition.id, claim.event_time.isoformat())
            pipe.sadd(f"{p}:actors", actor)
        return who

    @staticmethod
    def _table_owners(claim: Claim) -> list[str]:
        from streams.core.gazetteer import default_gazetteer

        if claim.speaker.actor_id is None:
            return [f"unknown:{claim.speaker.text.casefold()}"]
        return list(default_gazetteer().chain(claim.speaker.actor_id))

    # --- queries ---------------------------------------------------------------------------------
    def stance_table(self, actor: str) -> list[dict[str, Any]]:
        rows = self.r.hgetall(f"{self.p}:stance:{actor}")
        firsts = self.r.hgetall(f"{self.p}:first:{actor}")
        out = []
        for pid_b, raw in rows.items():
            pid = _s(pid_b)
            row = orjson.loads(raw)
            row["first_seen"] = _s(firsts.get(pid_b) or b"") or None
            tl = self.r.lrange(f"{self.p}:tl:{actor}:{pid}", 0, -1)
            row["timeline"] = [orjson.loads(x) for x in tl]
            out.append(row)
        out.sort(key=lambda r: r["last_seen"], reverse=True)
        return out

    def actors(self) -> list[str]:
        return sorted(_s(m) for m in self.r.smembers(f"{self.p}:actors"))

    def reset(self) -> int:
        n = 0
        for key in self.r.scan_iter(match=f"{self.p}:*", count=1000):
            if b":feeds:" in key:
                continue  # feed de-duplication survives a stance reset
            self.r.delete(key)
            n += 1
        return n
