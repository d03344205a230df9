"""Plain kafka-python producer/admin helpers shared by replay, ingest and the CLI."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterable

import orjson
from kafka import KafkaAdminClient, KafkaProducer
from kafka.admin import NewTopic
from kafka.errors import KafkaError, TopicAlreadyExistsError, UnknownTopicOrPartitionError

from schemas import WireModel
from streams.errors import ServiceUnavailable
from streams.settings import Settings

__all__ = [
    "ServiceUnavailable",
    "delete_topics",
    "encode",
    "ensure_topics",
    "make_producer",
    "require_kafka",
    "topic_names",
]


def kafka_unavailable(settings: Settings, err: Exception) -> ServiceUnavailable:
    return ServiceUnavailable(
        f"Kafka is not reachable at {settings.kafka_bootstrap} ({err.__class__.__name__}). "
        "Start it with `claimwatch services up` (or ops/services.sh up), "
        "or point CW_KAFKA_BOOTSTRAP at a running broker."
    )


def require_kafka(settings: Settings, timeout_s: float = 3.0) -> None:
    """Fail within seconds when no bootstrap server accepts a connection (kafka-python alone
    would retry for ~30 s before saying so)."""
    last: Exception | None = None
    for server in settings.kafka_bootstrap.split(","):
        host, _, port = server.strip().rpartition(":")
        try:
            with socket.create_connection((host.strip("[]") or "127.0.0.1", int(port)), timeout=timeout_s):
                return
        except (OSError, ValueError) as err:
            last = err
    raise kafka_unavailable(settings, last or ConnectionError("no bootstrap server"))


def make_producer(settings: Settings, **overrides: object) -> KafkaProducer:
    config: dict[str, object] = {
        "bootstrap_servers": settings.kafka_bootstrap,
        "acks": "all",
        "linger_ms": 5,
        "max_request_size": max(settings.max_message_bytes * 2, 1_048_576),
        "request_timeout_ms": 15_000,
    }
    config.update(overrides)
    require_kafka(settings)
    try:
        return KafkaProducer(**config)
    except KafkaError as err:
        raise kafka_unavailable(settings, err) from err


def encode(model: WireModel) -> bytes:
    return orjson.dumps(model.model_dump(mode="json"))


def topic_names(settings: Settings) -> list[str]:
    return [
        settings.topic_articles,
        settings.topic_claims,
        settings.topic_alerts,
        settings.topic_deadletter,
    ]


def _admin(settings: Settings) -> KafkaAdminClient:
    require_kafka(settings)
    try:
        return KafkaAdminClient(
            bootstrap_servers=settings.kafka_bootstrap,
            request_timeout_ms=15_000,
        )
    except KafkaError as err:
        raise kafka_unavailable(settings, err) from err


def ensure_topics(settings: Settings, names: Iterable[str] | None = None) -> list[str]:
    """Create missing topics; returns the names it created."""
    wanted = list(names) if names is not None else topic_names(settings)
    admin = _admin(settings)
    try:
        existing = set(admin.list_topics())
        missing = [n for n in wanted if n not in existing]
        created: list[str] = []
        for name in missing:
            # The articles topic keeps one partition by default: replay order is event-time order.
            parts = (
                settings.article_partitions if name == settings.topic_articles else settings.topic_partitions
            )
            # The claims log is the source of the stance state (rebuild, recovery): keep it all.
            configs = {"retention.ms": "-1"} if name == settings.topic_claims else {}
            try:
                admin.create_topics([NewTopic(name, parts, 1, topic_configs=configs)], validate_only=False)
                created.append(name)
            except TopicAlreadyExistsError:
                pass
        return created
    finally:
        admin.close()


def delete_topics(settings: Settings, names: Iterable[str] | None = None) -> list[str]:
    wanted = list(names) if names is not None else topic_names(settings)
    admin = _admin(settings)
    try:
        existing = set(admin.list_topics())
        doomed = [n for n in wanted if n in existing]
        if doomed:
            with contextlib.suppress(UnknownTopicOrPartitionError):
                admin.delete_topics(doomed, timeout_ms=30_000)
        return doomed
    finally:
        admin.close()
