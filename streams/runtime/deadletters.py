"""Bad input goes to the dead-letter topic with its reason and bytes, acknowledged before the
message counts as handled (so a crash in between dead-letters it again, never loses it)."""

from __future__ import annotations

import logging

import orjson

from schemas import DeadLetterReason
from streams import metrics
from streams.logsafe import safe
from streams.pipeline import dead_letter
from streams.runtime.health import Health
from streams.runtime.messages import RawMessage, Sender
from streams.runtime.retry import await_acks, kafka_retrying

log = logging.getLogger("claimwatch.deadletters")


class DeadLetterSink:
    def __init__(self, topic: str, send: Sender, health: Health) -> None:
        self.topic, self.send, self.health = topic, send, health

    async def put(self, stage: str, msg: RawMessage, reason: DeadLetterReason, error: str) -> None:
        record = dead_letter(
            stage=stage,
            topic=msg.topic,
            partition=msg.partition,
            offset=msg.offset,
            key=msg.key,
            raw=msg.value,
            reason=reason,
            error=error,
        )
        value = orjson.dumps(record.model_dump(mode="json"))

        async def send_all() -> None:
            await await_acks(self.health, [await self.send(self.topic, msg.key, value)])

        await kafka_retrying(self.health, send_all)
        metrics.DEAD_LETTERS.labels(stage=stage, reason=reason).inc()
        log.warning(
            "dead letter %s[%d]@%d key=%s (%s): %s",
            msg.topic,
            msg.partition,
            msg.offset,
            safe(msg.key.decode("utf-8", "replace") if msg.key else None, 120),
            reason,
            safe(error, 300),
        )
