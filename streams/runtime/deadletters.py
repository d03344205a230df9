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
        await self.put_many(stage, [(msg, reason, error)])

    async def put_many(self, stage: str, rejects: list[tuple[RawMessage, DeadLetterReason, str]]) -> None:
        """Send every record and wait for Kafka to acknowledge all of them."""
        if not rejects:
            return
        values = [_record(stage, msg, reason, error) for msg, reason, error in rejects]

        async def send_all() -> None:
            pending = [
                await self.send(self.topic, m.key, v) for (m, _, _), v in zip(rejects, values, strict=True)
            ]
            await await_acks(self.health, pending)

        await kafka_retrying(self.health, send_all)
        for msg, reason, error in rejects:
            metrics.DEAD_LETTERS.labels(stage=stage, reason=reason).inc()
            log.warning(
                "dead letter %s[%d]@%d key=%s (%s): %s",
                safe(msg.topic, 120),
                msg.partition,
                msg.offset,
                safe(msg.key.decode("utf-8", "replace") if msg.key else None, 120),
                reason,
                safe(error, 300),
            )


def _record(stage: str, msg: RawMessage, reason: DeadLetterReason, error: str) -> bytes:
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
    return orjson.dumps(record.model_dump(mode="json"))
