"""Shared test setup: the real Kafka broker and Redis.

Where a Docker engine answers, testcontainers starts Kafka and Redis; otherwise the tests use the
services ops/services.sh started (CW_KAFKA_BOOTSTRAP / CW_REDIS_URL, as ops/test.sh exports).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from streams.redis_conn import redact


def _docker_engine() -> bool:
    try:
        import docker  # type: ignore[import-untyped]

        docker.from_env(timeout=2).ping()
        return True
    except Exception:
        return False


def _reachable(hostport: str) -> bool:
    host, _, port = hostport.rpartition(":")
    try:
        with socket.create_connection((host or "127.0.0.1", int(port)), timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def services_env() -> Iterator[dict[str, str]]:
    """Kafka bootstrap and Redis URL of real services; fails (never skips) when none are up."""
    bootstrap = os.environ.get("CW_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
    redis_url = os.environ.get("CW_REDIS_URL", "redis://127.0.0.1:6379/0")
    if not _reachable(bootstrap) and _docker_engine():
        from testcontainers.kafka import KafkaContainer
        from testcontainers.redis import RedisContainer

        with (
            KafkaContainer("apache/kafka:3.9.1").with_kraft() as kafka,
            RedisContainer("redis:7-alpine") as rds,
        ):
            env = {
                "CW_KAFKA_BOOTSTRAP": kafka.get_bootstrap_server(),
                "CW_REDIS_URL": f"redis://{rds.get_container_host_ip()}:{rds.get_exposed_port(6379)}/0",
            }
            os.environ.update(env)
            yield env
        return
    if not _reachable(bootstrap):
        pytest.fail(
            f"Kafka not reachable at {bootstrap}: start it with `ops/services.sh up` "
            "(or run the suite through ops/test.sh)"
        )
    parts = urlsplit(redis_url)
    if not _reachable(f"{parts.hostname or '127.0.0.1'}:{parts.port or 6379}"):
        pytest.fail(f"Redis not reachable at {redact(redis_url)}: start it with `ops/services.sh up`")
    yield {"CW_KAFKA_BOOTSTRAP": bootstrap, "CW_REDIS_URL": redis_url}
