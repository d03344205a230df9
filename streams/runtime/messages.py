"""The transport-neutral view of a consumed message and of a producer, so the stages do not depend
on Faust (the agents adapt Faust events and topics to these)."""

from __future__ import annotations

from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True, slots=True)
class RawMessage:
    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None

    @property
    def tp(self) -> tuple[str, int]:
        return (self.topic, self.partition)


class Sender(Protocol):
    """Queue one message; the returned awaitable resolves when Kafka acknowledged it."""

    async def __call__(self, topic: str, key: bytes | None, value: bytes) -> Awaitable[Any]: ...
