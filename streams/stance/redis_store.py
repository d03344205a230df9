"""The Redis stance backend: the same decisions as `MemoryBook`, atomic, idempotent, and with the
input offsets and the alerts it produced committed in the same transaction as the state.

Keys (prefix P, default "cw"):
  P:prop:{pid}                       hash party -> PartyState JSON (the decision state)
  P:fam:{event}:{agent}              set of places seen (to find narrower propositions)
  P:excl:{event}:{place}             set of proposition ids seen (mutually exclusive claims)
  P:fig:{family}:{measure}:{place}   hash party -> Figure evidence JSON
  P:stance:{actor}                   hash pid -> row JSON (stance table for an actor or party)
  P:first:{actor}                    hash pid -> first seen
  P:tl:{actor}:{pid}                 list of evidence JSON (timeline, capped)
  P:actors                           set of actors with a table
  P:claims:seen                      set of applied claim ids (idempotence across re-published claims)
  P:articles:seen                    hash article id -> content hash
  P:offset:{topic}:{partition}       next claims offset to apply (state and offsets move together)
  P:outbox:{topic}:{partition}       list of alert JSON written with the state, not yet acknowledged
A batch is one MULTI/EXEC that WATCHes its partitions' offsets: a second writer of the same
partitions (a zombie after a rebalance) makes it retry; a replayed claim is a no-op.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson
from redis.exceptions import WatchError

from schemas import Alert, Claim
from streams.stance.decide import decide
from streams.stance.memory import sort_table
from streams.stance.redis_reader import RedisReader, text
from streams.stance.state import Rules
from streams.stance.view import build_view
from streams.stance.writes import TIMELINE_CAP, StateWrites, plan_writes

TP = tuple[str, int]  # (topic, partition)

# Check-and-set of an article partition's next offset with the article's mark and the people its
# extraction learned (one atomic step: a re-extraction after a crash sees the memory it saw before).
_MARK_ARTICLE = """
local stored = redis.call('GET', KEYS[1])
local expected = tonumber(stored or ARGV[2])
local offset = tonumber(ARGV[1])
if offset > expected then return {0, expected} end
if ARGV[3] ~= '' then redis.call('HSET', KEYS[2], ARGV[3], ARGV[4]) end
for i = 5, #ARGV, 2 do redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 1]) end
if #ARGV >= 5 then redis.call('INCR', KEYS[4]) end
if offset + 1 > expected then redis.call('SET', KEYS[1], offset + 1) end
return {1, offset + 1}
"""


class StateBehindLog(Exception):
    """Redis holds state only up to `stored` but the log was consumed from `consumed`: Redis lost
    writes (restored from an older snapshot, or wiped). The claims from `stored` must be re-read."""

    def __init__(self, tp: TP, stored: int, consumed: int) -> None:
        super().__init__(
            f"stance state of {tp[0]}[{tp[1]}] ends at offset {stored} but offset {consumed} was "
            "consumed: Redis lost writes; the claims from the stored offset must be applied again"
        )
        self.tp, self.stored, self.consumed = tp, stored, consumed


@dataclass(frozen=True)
class Consumed:
    """The offsets a batch covers on one partition (bad messages included) and the log start."""

    first: int
    last: int
    log_start: int = 0


@dataclass(frozen=True)
class ArticleMark:
    tp: TP
    offset: int
    article_id: str | None
    content_hash: str | None
    people: tuple[tuple[str, str], ...] = ()  # (name key, Person JSON) learned while extracting it


@dataclass
class BatchOutcome:
    alerts: list[list[Alert]]  # per claim, empty when it was applied before
    skipped_by_offset: int = 0
    skipped_by_id: int = 0
    outboxed: dict[TP, int] = field(default_factory=dict)


class RedisStanceStore:
    def __init__(
        self, client: Any, prefix: str = "cw", rules: Rules | None = None, article_topic: str | None = None
    ) -> None:
        self.r = client
        self.p = prefix
        self._article_topic = article_topic
        self.rules = rules or Rules()
        self._mark = client.register_script(_MARK_ARTICLE)

    # --- keys ------------------------------------------------------------------------------------
    def offset_key(self, tp: TP) -> str:
        return f"{self.p}:offset:{tp[0]}:{tp[1]}"

    @property
    def people_keys(self) -> tuple[str, str]:
        """The remembered people (name key -> Person JSON) and their version counter."""
        return f"{self.p}:people", f"{self.p}:people:version"

    def outbox_key(self, tp: TP) -> str:
        return f"{self.p}:outbox:{tp[0]}:{tp[1]}"

    # --- articles --------------------------------------------------------------------------------
    def seen_article(self, article_id: str, content_hash: str) -> bool:
        """True when this exact article (id and content) was already processed."""
        return self.seen_articles([(article_id, content_hash)])[0]

    def seen_articles(self, articles: Sequence[tuple[str, str]]) -> list[bool]:
        if not articles:
            return []
        old = self.r.hmget(f"{self.p}:articles:seen", [a for a, _ in articles])
        return [o is not None and text(o) == h for o, (_, h) in zip(old, articles, strict=True)]

    def mark_article(
        self, article_id: str | None, content_hash: str | None, position: tuple[TP, int], log_start: int = 0
    ) -> None:
        self.mark_articles(
            [ArticleMark(position[0], position[1], article_id, content_hash)], {position[0]: log_start}
        )

    def mark_articles(self, marks: Sequence[ArticleMark], log_start: dict[TP, int]) -> None:
        """Record handled article messages, in offset order (`article_id` None for one that was
        dead-lettered) and, in the same atomic step per message, the next offset of its partition:
        the extract stage resumes there. A message past the stored offset means Redis lost the
        record of the ones in between: StateBehindLog, that message and the rest not written."""
        pipe = self.r.pipeline(transaction=False)
        for m in marks:
            self._mark(
                keys=[self.offset_key(m.tp), f"{self.p}:articles:seen", *self.people_keys],
                args=[
                    m.offset,
                    log_start.get(m.tp, 0),
                    m.article_id or "",
                    m.content_hash or "",
                    *[x for pair in m.people for x in pair],
                ],
                client=pipe,
            )
        for m, (ok, stored) in zip(marks, pipe.execute(), strict=True):
            if not ok:
                raise StateBehindLog(m.tp, int(stored), m.offset)

    # --- offsets and outbox ----------------------------------------------------------------------
    def stored_offsets(self, tps: Sequence[TP]) -> dict[TP, int | None]:
        if not tps:
            return {}
        values = self.r.mget([self.offset_key(tp) for tp in tps])
        return {tp: (int(v) if v is not None else None) for tp, v in zip(tps, values, strict=True)}

    def outbox(self, tp: TP, limit: int = 1000) -> list[bytes]:
        return [
            bytes(x) if not isinstance(x, str) else x.encode()
            for x in self.r.lrange(self.outbox_key(tp), 0, limit - 1)
        ]

    def trim_outbox(self, tp: TP, n: int) -> None:
        """Drop the first n entries (published and acknowledged); only the partition's owner pushes."""
        if n > 0:
            self.r.ltrim(self.outbox_key(tp), n, -1)

    # --- apply -----------------------------------------------------------------------------------
    def apply(self, claim: Claim) -> list[Alert]:
        return self.apply_batch([claim])[0]

    def apply_batch(self, claims: Sequence[Claim]) -> list[list[Alert]]:
        """Apply claims in order (no offsets, no outbox): tools, tests and the rebuild command."""
        return self.apply_logged(claims, [None] * len(claims), {}).alerts

    def apply_logged(
        self,
        claims: Sequence[Claim],
        positions: Sequence[TP | None],
        consumed: dict[TP, Consumed],
        *,
        offsets: Sequence[int | None] | None = None,
        outbox: bool = False,
    ) -> BatchOutcome:
        """Apply claims taken from the log at `positions`/`offsets` as one transaction with the
        partitions' next offsets (and the alerts, in the outbox). Claims below a stored offset were
        applied before; a batch that starts past the stored offset raises StateBehindLog."""
        offs: list[int | None] = list(offsets) if offsets is not None else [None] * len(claims)
        while True:
            try:
                return self._apply_once(claims, positions, offs, consumed, outbox)
            except WatchError:
                continue  # another writer moved these partitions: read again and redo

    def _apply_once(
        self,
        claims: Sequence[Claim],
        positions: Sequence[TP | None],
        offsets: list[int | None],
        consumed: dict[TP, Consumed],
        outbox: bool,
    ) -> BatchOutcome:
        tps = sorted(consumed)
        with self.r.pipeline(transaction=True) as tx:
            stored: dict[TP, int | None] = {}
            if tps:
                tx.watch(*[self.offset_key(tp) for tp in tps])
                values = tx.mget([self.offset_key(tp) for tp in tps])
                stored = {tp: int(v) if v is not None else None for tp, v in zip(tps, values, strict=True)}
                _check_continuity(consumed, stored)
            tx.multi()
            outcome = self._queue_claims(tx, claims, positions, offsets, stored, outbox)
            for tp in tps:
                nxt = consumed[tp].last + 1
                if stored.get(tp) is None or nxt > (stored[tp] or 0):
                    tx.set(self.offset_key(tp), nxt)
            if len(tx):
                tx.execute()
            return outcome

    def _queue_claims(
        self,
        tx: Any,
        claims: Sequence[Claim],
        positions: Sequence[TP | None],
        offsets: list[int | None],
        stored: dict[TP, int | None],
        outbox: bool,
    ) -> BatchOutcome:
        reader = RedisReader(self.r, self.p)
        outcome = BatchOutcome(alerts=[])
        redelivered = [_below(stored, tp, offset) for tp, offset in zip(positions, offsets, strict=True)]
        todo = [c for c, old in zip(claims, redelivered, strict=True) if not old]
        applied_before = iter(reader.prefetch_batch(todo, f"{self.p}:claims:seen") if todo else [])
        for claim, tp, old in zip(claims, positions, redelivered, strict=True):
            if old:
                outcome.alerts.append([])
                outcome.skipped_by_offset += 1
                continue
            if next(applied_before) or claim.id in reader.applied:
                outcome.alerts.append([])
                outcome.skipped_by_id += 1
                continue
            decision = decide(claim, build_view(claim, reader), self.rules)
            writes = plan_writes(claim, decision)
            RedisWriter(tx, self.p).write(writes)
            reader.absorb(writes)
            outcome.alerts.append(decision.alerts)
            if outbox and tp is not None and decision.alerts:
                tx.rpush(
                    self.outbox_key(tp), *[orjson.dumps(a.model_dump(mode="json")) for a in decision.alerts]
                )
                outcome.outboxed[tp] = outcome.outboxed.get(tp, 0) + len(decision.alerts)
        return outcome

    # --- queries ---------------------------------------------------------------------------------
    def stance_table(self, actor: str) -> list[dict[str, Any]]:
        rows = self.r.hgetall(f"{self.p}:stance:{actor}")
        firsts = {text(k): text(v) for k, v in self.r.hgetall(f"{self.p}:first:{actor}").items()}
        pipe = self.r.pipeline(transaction=False)
        pids = sorted(text(k) for k in rows)
        for pid in pids:
            pipe.lrange(f"{self.p}:tl:{actor}:{pid}", 0, -1)
        out = []
        by_pid = {text(k): v for k, v in rows.items()}
        for pid, tl in zip(pids, pipe.execute(), strict=True):
            row = orjson.loads(by_pid[pid])
            row["first_seen"] = firsts.get(pid)
            row["timeline"] = [orjson.loads(x) for x in tl]
            out.append(row)
        return sort_table(out)

    def actors(self) -> list[str]:
        return sorted(text(m) for m in self.r.smembers(f"{self.p}:actors"))

    def clear_stance(self) -> int:
        """Delete the stance state, the claims offsets and the outbox; keep what the extract stage
        recorded (article marks and offsets, people remembered) and the feed state."""
        keep = (":feeds:", ":articles:seen", ":people")
        n = 0
        for raw in self.r.scan_iter(match=f"{self.p}:*", count=1000):
            key = raw.decode() if isinstance(raw, bytes) else raw
            if any(k in key for k in keep) or self._is_article_offset(key):
                continue
            self.r.delete(raw)
            n += 1
        return n

    def _is_article_offset(self, key: str) -> bool:
        return (
            key.startswith(f"{self.p}:offset:")
            and self._article_topic is not None
            and (key.startswith(f"{self.p}:offset:{self._article_topic}:"))
        )

    def reset(self) -> int:
        """Delete the stance state, offsets and outbox (feed de-duplication survives)."""
        n = 0
        for key in self.r.scan_iter(match=f"{self.p}:*", count=1000):
            if b":feeds:" in (key if isinstance(key, bytes) else key.encode()):
                continue
            self.r.delete(key)
            n += 1
        return n


class RedisWriter:
    """Queues a decision's writes into a transaction (MULTI) pipeline under the store's prefix."""

    def __init__(self, tx: Any, prefix: str) -> None:
        self.tx, self.p = tx, prefix

    def write(self, w: StateWrites) -> None:
        tx, p = self.tx, self.p
        tx.sadd(f"{p}:claims:seen", w.claim_id)
        for pid, state in w.states:
            tx.hset(f"{p}:prop:{pid}", state.party, state.model_dump_json())
        for key, member in w.sets:
            tx.sadd(f"{p}:{key}", member)
        if w.figure is not None:
            key, owner, fig = w.figure
            tx.hset(f"{p}:fig:{key}", owner, fig.evidence.model_dump_json())
        for t in w.tables:
            tl_key = f"{p}:tl:{t.actor}:{t.pid}"
            tx.rpush(tl_key, t.evidence.model_dump_json())
            tx.ltrim(tl_key, -TIMELINE_CAP, -1)
            tx.hset(f"{p}:stance:{t.actor}", t.pid, orjson.dumps(t.row))
            tx.hsetnx(f"{p}:first:{t.actor}", t.pid, t.first_seen)
            tx.sadd(f"{p}:actors", t.actor)


def _below(stored: dict[TP, int | None], tp: TP | None, offset: int | None) -> bool:
    """A message below its partition's stored offset was applied before (a redelivery)."""
    done = stored.get(tp) if tp is not None else None
    return offset is not None and done is not None and offset < done


def _check_continuity(consumed: dict[TP, Consumed], stored: dict[TP, int | None]) -> None:
    for tp, c in consumed.items():
        done = stored.get(tp)
        expected = c.log_start if done is None else done
        if c.first > expected:
            raise StateBehindLog(tp, expected, c.first)
