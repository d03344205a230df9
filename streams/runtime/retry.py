"""Retry what fails because a service is unavailable: with backoff, for as long as it takes,
reporting the component unhealthy meanwhile. Bad input is handled elsewhere (dead letters)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, TypeVar

from aiokafka.errors import KafkaError

from streams.redis_conn import REDIS_DOWN
from streams.runtime.health import Health

T = TypeVar("T")
KAFKA_DOWN: tuple[type[BaseException], ...] = (KafkaError, asyncio.TimeoutError, ConnectionError)
MAX_DELAY_S = 5.0


class Backoff:
    def __init__(self, first: float = 0.2, cap: float = MAX_DELAY_S) -> None:
        self.delay, self.cap = first, cap

    async def sleep(self) -> None:
        await asyncio.sleep(self.delay)
        self.delay = min(self.delay * 2, self.cap)


async def redis_retrying(health: Health, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Call a (synchronous) Redis operation until Redis answers."""
    backoff = Backoff()
    while True:
        try:
            result = fn(*args, **kwargs)
        except REDIS_DOWN as err:
            health.down("redis", err)
            await backoff.sleep()
            continue
        health.up("redis")
        return result


async def await_acks(health: Health, futures: Iterable[Awaitable[Any]], slice_s: float = 10.0) -> list[Any]:
    """Wait until Kafka acknowledged every send. A send still pending after `slice_s` marks Kafka
    unhealthy and keeps waiting (the producer retries it); a send that failed raises, so the
    caller sends its unit of work again (the ids make a repeat harmless)."""
    pending = [asyncio.ensure_future(f) for f in futures]
    if not pending:
        return []
    gathered = asyncio.gather(*pending)
    while True:
        try:
            results = await asyncio.wait_for(asyncio.shield(gathered), timeout=slice_s)
        except TimeoutError:
            health.down(
                "kafka",
                f"{sum(not f.done() for f in pending)} send(s) not acknowledged after {slice_s:.0f} s",
            )
            continue
        health.up("kafka")
        return list(results)


async def kafka_retrying(health: Health, send_all: Callable[[], Awaitable[T]]) -> T:
    """Run a send-and-acknowledge unit until Kafka took all of it."""
    backoff = Backoff()
    while True:
        try:
            return await send_all()
        except KAFKA_DOWN as err:
            health.down("kafka", err)
            await backoff.sleep()
