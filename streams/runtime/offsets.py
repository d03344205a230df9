"""Where the stages resume: at the offsets stored with the state in Redis, not at Kafka's committed
offsets. On every assignment the stored offsets (or the start of the log, for a partition with no
state) are committed to the group right before Faust seeks to the committed positions, so a Redis
restored from an older snapshot, or emptied, is brought forward from the log. While running, a
stored offset below what this process recorded means Redis lost writes: the worker restarts."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from streams.runtime.health import Health
from streams.runtime.retry import redis_retrying
from streams.stance.redis_store import TP, RedisStanceStore, StateBehindLog

log = logging.getLogger("claimwatch.offsets")


async def resume_positions(
    app: Any, store: RedisStanceStore, health: Health, tps: Iterable[Any], log_start: dict[TP, int]
) -> None:
    """Commit each partition's stored offset (or its first offset) as the group's position."""
    ordered = sorted(tps, key=lambda tp: (tp.topic, tp.partition))
    if not ordered:
        return
    keys: list[TP] = [(tp.topic, tp.partition) for tp in ordered]
    earliest = await app.consumer.earliest_offsets(*ordered)
    stored = await redis_retrying(health, store.stored_offsets, keys)
    targets = {}
    for tp, key in zip(ordered, keys, strict=True):
        start = int(earliest.get(tp) or 0)
        log_start[key] = start
        target = stored.get(key)
        targets[tp] = max(target if target is not None else start, start)
    # Faust's own commit path only moves forward; the consumer's commit sets the position as is.
    # The explicit seek matters for offset 0, where the seek to the committed offset is a no-op.
    await app.consumer._commit(targets)
    for tp, offset in targets.items():
        await app.consumer.seek(tp, offset)
    log.info(
        "resuming at the offsets stored with the state: %s",
        ", ".join(f"{tp.topic}[{tp.partition}]@{off}" for tp, off in targets.items()),
    )


async def state_behind(
    store: RedisStanceStore, health: Health, recorded: dict[TP, int], log_start: dict[TP, int]
) -> StateBehindLog | None:
    """The first partition whose stored offset is below what this process recorded, if any."""
    tps = sorted(recorded)
    stored = await redis_retrying(health, store.stored_offsets, tps)
    for tp in tps:
        have = stored.get(tp)
        if have is None or have < recorded[tp]:
            floor = have if have is not None else log_start.get(tp, 0)
            return StateBehindLog(tp, floor, recorded[tp])
    return None
