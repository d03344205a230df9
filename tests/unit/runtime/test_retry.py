"""Retries on unavailable services: as long as it takes, reported, never giving up."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import redis
from aiokafka.errors import KafkaConnectionError

from streams.runtime import retry
from streams.runtime.health import Health


@pytest.fixture(autouse=True)
def fast(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(retry.Backoff, "__init__", lambda self, first=0.001, cap=0.002: None)
    monkeypatch.setattr(retry.Backoff, "sleep", lambda self: asyncio.sleep(0))


def test_a_redis_call_is_retried_until_redis_answers() -> None:
    health, calls = Health(), []

    def flaky(x: int) -> int:
        calls.append(x)
        if len(calls) < 3:
            raise redis.exceptions.ConnectionError("down")
        return x * 2

    assert asyncio.run(retry.redis_retrying(health, flaky, 21)) == 42
    assert len(calls) == 3 and health.healthy and health.components["redis"].retries == 2


def test_bad_input_errors_are_not_retried() -> None:
    def broken() -> None:
        raise ValueError("not a service problem")

    with pytest.raises(ValueError):
        asyncio.run(retry.redis_retrying(Health(), broken))


def test_a_slow_acknowledgement_marks_kafka_down_then_up() -> None:
    health = Health()

    async def scenario() -> list[Any]:
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[str] = loop.create_future()
        loop.call_later(0.05, fut.set_result, "acked")
        return await retry.await_acks(health, [fut], slice_s=0.01)

    assert asyncio.run(scenario()) == ["acked"]
    assert health.healthy and health.components["kafka"].retries >= 1


def test_a_failed_send_is_sent_again() -> None:
    health, attempts = Health(), []

    async def send_all() -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise KafkaConnectionError("broker gone")
        return "sent"

    assert asyncio.run(retry.kafka_retrying(health, send_all)) == "sent"
    assert len(attempts) == 2
