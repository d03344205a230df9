"""The Faust app: `faust -A streams.app worker` or `claimwatch worker`.

Topics (names from settings): articles -> [extract agent] -> claims -> [stance agent] -> alerts;
anything that cannot be processed goes to the dead-letter topic with the reason and its bytes.
"""

from __future__ import annotations

import asyncio
import logging

import faust

from streams.settings import get_settings

settings = get_settings()
log = logging.getLogger("claimwatch")
settings.worker_data_dir.mkdir(parents=True, exist_ok=True)  # `faust -A streams.app` needs it too

app = faust.App(
    settings.app_id,
    broker=f"kafka://{settings.kafka_bootstrap}",
    store="memory://",
    datadir=str(settings.worker_data_dir),
    web_port=settings.worker_web_port,
    web_enabled=True,
    topic_partitions=settings.topic_partitions,
    topic_allow_declare=True,
    topic_disable_leader=True,
    consumer_auto_offset_reset="earliest",
    producer_max_request_size=max(settings.max_message_bytes * 2, 1_048_576),
    consumer_max_fetch_size=max(settings.max_message_bytes * 2, 1_048_576),
    autodiscover=False,
    broker_commit_every=100,
    broker_commit_interval=1.0,
)


def _raw_topic(name: str, partitions: int | None = None) -> faust.TopicT:
    """Bytes in, bytes out: the agents decode and validate themselves, so bad input reaches the DLQ."""
    return app.topic(
        name,
        key_type=bytes,
        value_type=bytes,
        key_serializer="raw",
        value_serializer="raw",
        partitions=partitions,
    )


articles_topic = _raw_topic(settings.topic_articles, settings.article_partitions)
claims_topic = _raw_topic(settings.topic_claims)
alerts_topic = _raw_topic(settings.topic_alerts)
deadletter_topic = _raw_topic(settings.topic_deadletter)


@app.task  # type: ignore[untyped-decorator]  # faust ships no type hints
async def announce_ready() -> None:
    """Log the readiness line ops/demo.sh and the tests wait for, once partitions are assigned."""
    from streams.store import connect_redis

    connect_redis(settings)  # fail fast with a clear message when Redis is down
    for _ in range(600):
        assignment = app.consumer.assignment() if app.consumer else set()
        topics = {tp.topic for tp in assignment}
        if settings.topic_articles in topics and settings.topic_claims in topics:
            log.warning("claimwatch worker ready (topics: %s)", ", ".join(sorted(topics)))
            print("claimwatch worker ready", flush=True)
            return
        await asyncio.sleep(0.2)
    log.error("claimwatch worker: partitions not assigned after 120 s")


# Agents are registered on import.
from streams import agents  # noqa: E402,F401
