"""Where the stance stage resumes: at the offsets stored with the state in Redis, not at Kafka's
committed offsets. On every assignment the stored offsets (or the start of the log, for a
partition with no state) are committed to the group right before Faust seeks to the committed
positions, so a Redis restored from an older snapshot, or emptied, is brought forward from the log."""

from __future__ import annotations

import logging
from typing import Any

from streams.runtime.health import Health
from streams.runtime.retry import redis_retrying
from streams.runtime.stance_stage import StanceStage
from streams.stance.redis_store import TP, RedisStanceStore

log = logging.getLogger("claimwatch.offsets")


async def resume_positions(
    app: Any, store: RedisStanceStore, stance: StanceStage, health: Health, tps: set[Any]
) -> None:
    if not tps:
        return
    ordered = sorted(tps, key=lambda tp: (tp.topic, tp.partition))
    keys: list[TP] = [(tp.topic, tp.partition) for tp in ordered]
    earliest = await app.consumer.earliest_offsets(*ordered)
    stored = await redis_retrying(health, store.stored_offsets, keys)
    targets = {}
    for tp, key in zip(ordered, keys, strict=True):
        start = int(earliest.get(tp) or 0)
        stance.log_start[key] = start
        target = stored.get(key)
        targets[tp] = max(target if target is not None else start, start)
    # Faust's own commit path only moves forward; the consumer's commit sets the position as is.
    await app.consumer._commit(targets)
    log.info(
        "claims resume at the stored offsets: %s",
        ", ".join(f"{tp.topic}[{tp.partition}]@{off}" for tp, off in targets.items()),
    )
