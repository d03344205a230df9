"""End to end: two feed items -> `claimwatch ingest` once -> the Faust worker -> CONFIRMED.

Needs the `running_worker` fixture from tests/integration/conftest.py: a worker subprocess that
consumes settings.topic_articles and produces alerts to settings.topic_alerts.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import orjson
import pytest
from kafka import KafkaConsumer, TopicPartition

from streams.feeds.config import FeedsFile
from streams.feeds.ingest import FeedIngestor
from streams.feeds.state import FeedState, connect_redis
from streams.kafka_io import ensure_topics
from streams.settings import Settings

pytestmark = pytest.mark.integration

ALERT_TIMEOUT = 60.0


def _alerts_consumer(settings: Settings) -> KafkaConsumer:
    """Assigned to every partition of the alerts topic from the beginning (no group)."""
    consumer = KafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap, enable_auto_commit=False, group_id=None
    )
    deadline = time.monotonic() + 15
    partitions = consumer.partitions_for_topic(settings.topic_alerts)
    while not partitions and time.monotonic() < deadline:
        time.sleep(0.2)
        partitions = consumer.partitions_for_topic(settings.topic_alerts)
    assert partitions, f"alerts topic {settings.topic_alerts} does not exist"
    tps = [TopicPartition(settings.topic_alerts, p) for p in sorted(partitions)]
    consumer.assign(tps)
    consumer.seek_to_beginning(*tps)
    return consumer


def test_two_outlets_in_feeds_become_a_confirmed_alert(
    running_worker: Settings,
    feed_server: Any,
    feeds_config_factory: Callable[..., FeedsFile],
) -> None:
    settings = running_worker
    ensure_topics(settings, [settings.topic_articles, settings.topic_alerts])
    # Ukraine's claim first, NATO's confirmation second (config order = produce order); the
    # item pages do not exist, so page fetching is off: the descriptions are the articles.
    config = feeds_config_factory(
        [
            {
                "url": feed_server.url("alert_ua.xml"),
                "outlet": "Kabar Kyiv",
                "language": "id",
                "timezone": "Asia/Jakarta",
            },
            {
                "url": feed_server.url("alert_nato.xml"),
                "outlet": "Warta Brussel",
                "language": "id",
                "timezone": "Asia/Jakarta",
            },
        ],
        fetch_article_pages=False,
    )
    consumer = _alerts_consumer(settings)
    ingestor = FeedIngestor(settings, config)
    try:
        started = time.monotonic()
        report = ingestor.run_once()
        assert report.produced == 2, report

        confirmed: dict[str, Any] | None = None
        seen: list[dict[str, Any]] = []
        while confirmed is None and time.monotonic() - started < ALERT_TIMEOUT:
            for records in consumer.poll(timeout_ms=500).values():
                for record in records:
                    alert = orjson.loads(record.value)
                    seen.append(alert)
                    if alert.get("kind") == "CONFIRMED" and confirmed is None:
                        confirmed = alert
        latency = time.monotonic() - started
        assert confirmed is not None, (
            f"no CONFIRMED alert within {ALERT_TIMEOUT:.0f}s; saw {[a.get('kind') for a in seen]}"
        )
        print(f"\nfeed poll -> CONFIRMED alert latency: {latency:.2f}s")
        article_ids = set(report.article_ids)
        evidence = [confirmed["trigger"], *confirmed.get("related", [])]
        assert {e["article_id"] for e in evidence} & article_ids
    finally:
        consumer.close()
        ingestor.close()
        FeedState(connect_redis(settings), settings.redis_prefix).purge()
