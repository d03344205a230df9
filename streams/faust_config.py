"""How claimwatch configures Faust: shared by the worker app and the benchmark's no-op app, so the
benchmark measures the framework exactly as the worker runs it."""

from __future__ import annotations

import faust

from streams.runtime.membership import instance_id
from streams.settings import Settings


def make_app(settings: Settings, *, topic_partitions: int | None = None) -> faust.App:
    settings.worker_data_dir.mkdir(parents=True, exist_ok=True)  # `faust -A ...` needs it too
    return faust.App(
        settings.app_id,
        broker=f"kafka://{settings.kafka_bootstrap}",
        store="memory://",
        datadir=str(settings.worker_data_dir),
        web_port=settings.worker_web_port,
        web_bind=settings.worker_web_bind,
        web_host=settings.worker_web_bind,
        web_enabled=True,
        topic_partitions=topic_partitions or settings.topic_partitions,
        topic_allow_declare=True,
        topic_disable_leader=True,
        consumer_auto_offset_reset="earliest",
        # Static membership: a restarted worker takes its partitions back at once instead of
        # waiting for the dead member's session to expire.
        consumer_group_instance_id=instance_id(settings),
        broker_session_timeout=settings.session_timeout_s,
        broker_heartbeat_interval=max(1.0, settings.session_timeout_s / 6),
        producer_acks=-1,
        producer_max_request_size=max(settings.max_message_bytes * 2, 1_048_576),
        consumer_max_fetch_size=max(settings.max_message_bytes * 2, 1_048_576),
        autodiscover=False,
        broker_commit_every=100,
        broker_commit_interval=1.0,
    )


def raw_topic(app: faust.App, name: str, partitions: int | None = None) -> faust.TopicT:
    """Bytes in, bytes out: agents decode and validate themselves, so bad input reaches the DLQ."""
    return app.topic(
        name,
        key_type=bytes,
        value_type=bytes,
        key_serializer="raw",
        value_serializer="raw",
        partitions=partitions,
    )
