"""Kafka -> the desk: a thread that reads the alerts, claims and articles topics from the start
and keeps following them.

Read-only: no consumer group (nothing is committed), topics are never auto-created, and a topic
that does not exist yet is picked up when it appears. Kafka down -> retried with backoff; the
status says so and the pages show it. Messages are decoded here (version 1 and 2 alike) and
handed to the event loop in batches: the desk is only touched from the loop.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import orjson
from kafka import KafkaConsumer, TopicPartition
from kafka.errors import KafkaError

from schemas import Alert, Claim
from streams.errors import ServiceUnavailable
from streams.kafka_io import require_kafka
from streams.pipeline import BadInput, decode
from streams.provenance import Source, source_of_message
from streams.settings import Settings
from streams.web.desk import ArticleRef

log = logging.getLogger(__name__)

MAX_MESSAGE = 20_000_000


@dataclass
class TailStatus:
    connected: bool = False
    caught_up: bool = False  # read up to the end the topics had when the tail connected
    error: str | None = None
    read: int = 0
    skipped: int = 0
    lag: int | None = None
    since: float = field(default_factory=time.time)

    def as_dict(self) -> dict[str, Any]:
        return {
            "connected": self.connected,
            "caught_up": self.caught_up,
            "error": self.error,
            "messages_read": self.read,
            "messages_skipped": self.skipped,
            "lag": self.lag,
        }


@dataclass(frozen=True, slots=True)
class ArticleItem:
    ref: ArticleRef
    source: Source


Item = Alert | Claim | ArticleItem
Deliver = Callable[[list[Item]], None]


class BodyCache:
    """Recent article messages by id, bounded by total bytes."""

    def __init__(self, max_bytes: int = 32_000_000) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._data: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, article_id: str, raw: bytes) -> None:
        with self._lock:
            old = self._data.pop(article_id, None)
            if old is not None:
                self.size -= len(old)
            self._data[article_id] = raw
            self.size += len(raw)
            while self.size > self.max_bytes and self._data:
                _, dropped = self._data.popitem(last=False)
                self.size -= len(dropped)

    def get(self, article_id: str) -> bytes | None:
        with self._lock:
            raw = self._data.get(article_id)
            if raw is not None:
                self._data.move_to_end(article_id)
            return raw


class Tail(threading.Thread):
    def __init__(
        self, settings: Settings, deliver: Deliver, *, bodies: BodyCache | None = None, poll_ms: int = 200
    ) -> None:
        super().__init__(name="claimwatch-web-tail", daemon=True)
        self.settings = settings
        self.deliver = deliver
        self.bodies = bodies or BodyCache()
        self.poll_ms = poll_ms
        self.status = TailStatus()
        self._stop = threading.Event()
        self.topics = {
            settings.topic_alerts: "alert",
            settings.topic_claims: "claim",
            settings.topic_articles: "article",
        }

    def stop(self) -> None:
        self._stop.set()

    def run(self) -> None:
        delay = 0.5
        while not self._stop.is_set():
            try:
                self._follow()
                return
            except (KafkaError, ServiceUnavailable, OSError) as err:
                self.status.connected = False
                self.status.error = f"Kafka unavailable at {self.settings.kafka_bootstrap}: {err}"
                log.warning("web tail: %s (retrying in %.1fs)", self.status.error, delay)
            except Exception as err:  # never let the thread die silently
                self.status.connected = False
                self.status.error = f"{type(err).__name__}: {err}"
                log.exception("web tail failed (retrying in %.1fs)", delay)
            self._stop.wait(delay)
            delay = min(delay * 2, 10.0)

    def _follow(self) -> None:
        require_kafka(self.settings)
        consumer = KafkaConsumer(
            bootstrap_servers=self.settings.kafka_bootstrap,
            group_id=None,
            enable_auto_commit=False,
            allow_auto_create_topics=False,
            auto_offset_reset="earliest",
            metadata_max_age_ms=5000,
            fetch_max_bytes=MAX_MESSAGE,
            max_partition_fetch_bytes=MAX_MESSAGE,
        )
        try:
            assigned: set[TopicPartition] = set()
            target: dict[TopicPartition, int] = {}
            last_check = 0.0
            while not self._stop.is_set():
                now = time.monotonic()
                if now - last_check > 2.0:
                    last_check = now
                    new = self._partitions(consumer) - assigned
                    if new:
                        assigned |= new
                        consumer.assign(sorted(assigned, key=lambda t: (t.topic, t.partition)))
                        consumer.seek_to_beginning(*new)
                        target.update(consumer.end_offsets(list(new)))
                    self.status.connected, self.status.error = True, None
                    if assigned:
                        ends = consumer.end_offsets(list(assigned))
                        self.status.lag = sum(max(0, ends[tp] - consumer.position(tp)) for tp in assigned)
                    if not self.status.caught_up and all(
                        consumer.position(tp) >= off for tp, off in target.items()
                    ):
                        self.status.caught_up = True
                batch = consumer.poll(timeout_ms=self.poll_ms, max_records=1000) if assigned else {}
                if not assigned:
                    self._stop.wait(self.poll_ms / 1000)
                items: list[Item] = []
                for tp, records in batch.items():
                    role = self.topics[tp.topic]
                    for r in records:
                        item = self._item(role, tp.partition, r.offset, r.value)
                        if item is None:
                            self.status.skipped += 1
                        else:
                            items.append(item)
                if items:
                    self.status.read += len(items)
                    self.deliver(items)
        finally:
            consumer.close()

    def _partitions(self, consumer: KafkaConsumer) -> set[TopicPartition]:
        existing = consumer.topics()
        out = set()
        for topic in self.topics:
            if topic in existing:
                for p in consumer.partitions_for_topic(topic) or ():
                    out.add(TopicPartition(topic, p))
        return out

    def _item(self, role: str, partition: int, offset: int, raw: bytes | None) -> Item | None:
        try:
            if role == "alert":
                return decode(raw, Alert, MAX_MESSAGE)
            if role == "claim":
                return decode(raw, Claim, MAX_MESSAGE)
        except BadInput:
            return None
        if not raw:
            return None
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError:
            return None
        source = source_of_message(data)
        if source is None:
            return None
        self.bodies.put(source.article_id, raw)
        language = data.get("language") if isinstance(data.get("language"), str) else None
        ref = ArticleRef(source.article_id, partition, offset, source.outlet, language)
        return ArticleItem(ref, source)


def fetch_article(settings: Settings, partition: int, offset: int, timeout_s: float = 10.0) -> bytes | None:
    """One message of the articles topic, by position (for articles no longer in the cache)."""
    require_kafka(settings)
    consumer = KafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap,
        group_id=None,
        enable_auto_commit=False,
        allow_auto_create_topics=False,
        fetch_max_bytes=MAX_MESSAGE,
        max_partition_fetch_bytes=MAX_MESSAGE,
    )
    try:
        tp = TopicPartition(settings.topic_articles, partition)
        consumer.assign([tp])
        consumer.seek(tp, offset)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            for record in consumer.poll(timeout_ms=500, max_records=1).get(tp, []):
                return record.value if record.offset == offset else None
        return None
    finally:
        consumer.close()
