"""Claims -> stance state -> alerts, losing nothing.

Per batch: decode (bad input to the dead-letter topic), then one Redis transaction writes the
state, the batch's next offsets and the alerts (into a per-partition outbox). After Redis
committed, the outbox is published and trimmed once Kafka acknowledged it. So:
- a crash after the Redis commit republishes the outbox (same alert ids: at-least-once);
- a redelivered claim below the stored offset is skipped (state is effectively-once);
- if Redis lost writes (an older snapshot, a wipe), the batch starts past the stored offset: the
  state is behind the log, and the worker restarts from the stored offsets (`on_behind`).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Iterable

import orjson

from schemas import Claim, DeadLetterReason
from streams import metrics
from streams.logsafe import safe
from streams.pipeline import BadInput, decode
from streams.runtime.deadletters import DeadLetterSink
from streams.runtime.health import Health
from streams.runtime.messages import RawMessage, Sender
from streams.runtime.retry import await_acks, kafka_retrying, redis_retrying
from streams.stance.redis_store import TP, BatchOutcome, Consumed, RedisStanceStore, StateBehindLog

log = logging.getLogger("claimwatch.stance")
STAGE = "stance"


class StanceStage:
    def __init__(
        self,
        *,
        store: RedisStanceStore,
        send: Sender,
        alerts_topic: str,
        dlq: DeadLetterSink,
        health: Health,
        max_bytes: int,
        on_behind: Callable[[StateBehindLog], Awaitable[None]],
        log_start: dict[TP, int],
    ) -> None:
        self.store, self.send, self.alerts_topic = store, send, alerts_topic
        self.dlq, self.health, self.max_bytes, self.on_behind = dlq, health, max_bytes, on_behind
        self.log_start = log_start
        self.applied_upto: dict[TP, int] = {}  # next offset this process stored, per partition
        self._locks: dict[TP, asyncio.Lock] = {}

    async def handle_batch(self, msgs: list[RawMessage]) -> None:
        if not msgs:
            return
        claims, positions, offsets = await self._decode_all(msgs)
        consumed = self._consumed(msgs)
        started = time.perf_counter()
        try:
            outcome: BatchOutcome = await redis_retrying(
                self.health,
                self.store.apply_logged,
                claims,
                positions,
                consumed,
                offsets=offsets,
                outbox=True,
            )
        except StateBehindLog as behind:
            metrics.REWINDS.inc()
            await self.on_behind(behind)
            return
        self._account(outcome, len(claims), time.perf_counter() - started)
        for tp, c in consumed.items():
            self.applied_upto[tp] = max(self.applied_upto.get(tp, 0), c.last + 1)
        await self.flush(consumed)

    async def _decode_all(
        self, msgs: list[RawMessage]
    ) -> tuple[list[Claim], list[TP | None], list[int | None]]:
        claims: list[Claim] = []
        positions: list[TP | None] = []
        offsets: list[int | None] = []
        rejects: list[tuple[RawMessage, DeadLetterReason, str]] = []
        for msg in msgs:
            try:
                claim = decode(msg.value, Claim, self.max_bytes)
            except BadInput as err:
                rejects.append((msg, err.reason, str(err)))
                continue
            assert isinstance(claim, Claim)
            claims.append(claim)
            positions.append(msg.tp)
            offsets.append(msg.offset)
        await self.dlq.put_many(STAGE, rejects)
        return claims, positions, offsets

    def _consumed(self, msgs: list[RawMessage]) -> dict[TP, Consumed]:
        spans: dict[TP, tuple[int, int]] = {}
        for m in msgs:
            lo, hi = spans.get(m.tp, (m.offset, m.offset))
            spans[m.tp] = (min(lo, m.offset), max(hi, m.offset))
        return {tp: Consumed(lo, hi, self.log_start.get(tp, 0)) for tp, (lo, hi) in spans.items()}

    def _account(self, outcome: BatchOutcome, n_claims: int, seconds: float) -> None:
        for _ in range(n_claims):
            metrics.STANCE_SECONDS.observe(seconds / max(n_claims, 1))
        if outcome.skipped_by_offset:
            metrics.REPEATS.labels(why="offset").inc(outcome.skipped_by_offset)
        if outcome.skipped_by_id:
            metrics.REPEATS.labels(why="claim_id").inc(outcome.skipped_by_id)
        for alerts in outcome.alerts:
            for alert in alerts:
                metrics.ALERTS.labels(kind=alert.kind).inc()

    # --- outbox --------------------------------------------------------------------------------
    async def flush(self, tps: Iterable[TP]) -> int:
        """Publish each partition's outbox in order and trim what Kafka acknowledged."""
        return sum([await self._flush_one(tp) for tp in sorted(tps)])

    async def _flush_one(self, tp: TP) -> int:
        lock = self._locks.setdefault(tp, asyncio.Lock())
        published = 0
        async with lock:
            while True:
                entries = await redis_retrying(self.health, self.store.outbox, tp)
                if not entries:
                    break
                metrics.OUTBOX_PENDING.set(len(entries))
                await kafka_retrying(self.health, lambda e=entries: self._publish(e))  # type: ignore[misc]
                await redis_retrying(self.health, self.store.trim_outbox, tp, len(entries))
                published += len(entries)
                metrics.OUTBOX_PUBLISHED.inc(len(entries))
            metrics.OUTBOX_PENDING.set(0)
        return published

    async def _publish(self, entries: list[bytes]) -> None:
        pending = []
        for raw in entries:
            alert = orjson.loads(raw)
            pending.append(await self.send(self.alerts_topic, alert["proposition"]["id"].encode(), raw))
            log.info(
                "ALERT %s %s (%s)", alert["kind"], safe(alert["proposition"]["id"]), safe(alert["reason"])
            )
        await await_acks(self.health, pending)
