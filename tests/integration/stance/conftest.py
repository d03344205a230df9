"""A Redis client and a unique key prefix per test, on the real Redis the suite runs against."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import redis


@pytest.fixture
def client(services_env: dict[str, str]) -> Iterator[redis.Redis]:
    c = redis.Redis.from_url(services_env["CW_REDIS_URL"])
    yield c
    c.close()


@pytest.fixture
def prefix(client: redis.Redis) -> Iterator[str]:
    p = f"test:stance:{uuid.uuid4().hex[:8]}"
    yield p
    for key in client.scan_iter(match=f"{p}:*", count=1000):
        client.delete(key)
