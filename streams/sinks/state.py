"""Per-sink state in Redis, under the same prefix as everything else (CW_REDIS_PREFIX):

P:sink:{name}:delivered   sorted set alert id -> delivery time (once per sink, across restarts)
P:sink:{name}:parked      hash alert id -> {"alert": ..., "error": ..., "attempts": n} (gave up)
P:sink:{name}:status      hash: last delivery, last error, counters
"""

from __future__ import annotations

import time
from typing import Any

import orjson
import redis

from streams.stance.redis_reader import text


class SinkState:
    def __init__(self, client: redis.Redis, prefix: str, name: str, *, ttl_days: int = 60) -> None:
        self.r = client
        self.base = f"{prefix}:sink:{name}"
        self.ttl_s = ttl_days * 86400

    @property
    def delivered_key(self) -> str:
        return f"{self.base}:delivered"

    def delivered(self, alert_id: str) -> bool:
        return self.r.zscore(self.delivered_key, alert_id) is not None

    def mark_delivered(self, alert_id: str, now: float | None = None) -> None:
        now = time.time() if now is None else now
        pipe = self.r.pipeline(transaction=True)
        pipe.zadd(self.delivered_key, {alert_id: now})
        pipe.zremrangebyscore(self.delivered_key, "-inf", now - self.ttl_s)
        pipe.hdel(f"{self.base}:parked", alert_id)
        pipe.hset(f"{self.base}:status", mapping={"last_delivery": now, "last_alert": alert_id})
        pipe.hincrby(f"{self.base}:status", "delivered", 1)
        pipe.execute()

    def record_failure(self, error: str, now: float | None = None) -> None:
        now = time.time() if now is None else now
        pipe = self.r.pipeline(transaction=True)
        pipe.hset(f"{self.base}:status", mapping={"last_error": error[:500], "last_error_at": now})
        pipe.hincrby(f"{self.base}:status", "failed_attempts", 1)
        pipe.execute()

    def record_skip(self, reason: str) -> None:
        self.r.hincrby(f"{self.base}:status", f"skipped_{reason}", 1)

    def park(self, alert_id: str, alert: dict[str, Any], error: str, attempts: int) -> None:
        value = orjson.dumps({"alert": alert, "error": error[:500], "attempts": attempts, "at": time.time()})
        self.r.hset(f"{self.base}:parked", alert_id, value)

    def parked(self) -> dict[str, dict[str, Any]]:
        return {text(k): orjson.loads(v) for k, v in self.r.hgetall(f"{self.base}:parked").items()}

    def status(self) -> dict[str, Any]:
        raw: dict[str, Any] = {text(k): text(v) for k, v in self.r.hgetall(f"{self.base}:status").items()}
        raw["delivered_ids"] = int(self.r.zcard(self.delivered_key))
        raw["parked"] = int(self.r.hlen(f"{self.base}:parked"))
        return raw
