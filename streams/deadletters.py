"""The dead-letter topic for people: list records by reason, and feed chosen originals back to the
topic they came from once the cause is fixed (`claimwatch deadletters list|refeed`)."""

from __future__ import annotations

import base64
from collections.abc import Iterable
from dataclasses import dataclass

import orjson
from pydantic import ValidationError

from schemas import DeadLetter
from streams.kafka_io import make_producer
from streams.logs import read_to_end
from streams.settings import Settings


@dataclass(frozen=True)
class Letter:
    offset: int  # position on the dead-letter topic (what `refeed --offset` takes)
    record: DeadLetter


def read_letters(settings: Settings) -> list[Letter]:
    out = []
    for rec in read_to_end(settings, settings.topic_deadletter):
        try:
            out.append(Letter(rec.offset, DeadLetter.model_validate(orjson.loads(rec.value))))
        except (orjson.JSONDecodeError, ValidationError):
            continue  # not ours
    return out


def select(
    letters: Iterable[Letter], *, reasons: list[str], stages: list[str], offsets: list[int]
) -> list[Letter]:
    return [
        letter
        for letter in letters
        if (not reasons or letter.record.reason in reasons)
        and (not stages or letter.record.stage in stages)
        and (not offsets or letter.offset in offsets)
    ]


def refeed(settings: Settings, letters: list[Letter]) -> tuple[int, list[Letter]]:
    """Produce each original again to its source topic with its key; truncated originals cannot
    be fed back and are returned as skipped."""
    skipped = [letter for letter in letters if letter.record.truncated]
    todo = [letter for letter in letters if not letter.record.truncated]
    if not todo:
        return 0, skipped
    producer = make_producer(settings)
    try:
        for letter in todo:
            r = letter.record
            key = r.key.encode() if r.key is not None else None
            producer.send(r.source_topic, key=key, value=base64.b64decode(r.original_b64))
        producer.flush(timeout=60)
    finally:
        producer.close(timeout=10)
    return len(todo), skipped
