"""From an alert to its source: the article's URL, headline and publication time.

Alerts of schema version 2 carry them in every Evidence. Where they are missing — an alert of
version 1, or one whose stance engine did not copy them — they are looked up by article id in the
claims topic (claims of version 2 carry url and title) and then in the articles topic. The lookup
reads those topics incrementally with plain kafka-python (no consumer group: it writes nothing).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson
from kafka import KafkaConsumer, TopicPartition
from kafka.errors import KafkaError

from schemas import Alert, Evidence
from streams.kafka_io import kafka_unavailable
from streams.settings import Settings


@dataclass(frozen=True, slots=True)
class Source:
    """Where a claim was read."""

    article_id: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published_at: datetime | None = None

    def merged(self, other: Source) -> Source:
        """This source with the gaps filled from `other` (same article)."""
        return Source(
            self.article_id,
            self.outlet or other.outlet,
            self.url or other.url,
            self.title or other.title,
            self.published_at or other.published_at,
        )

    @property
    def complete(self) -> bool:
        return self.url is not None and self.title is not None and self.published_at is not None


def _when(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def source_of_message(data: Any) -> Source | None:
    """The source an article or claim message names (parsed JSON), or None."""
    if not isinstance(data, dict):
        return None
    article_id = data.get("article_id") if "article_id" in data else data.get("id")
    if not isinstance(article_id, str) or not article_id:
        return None
    return Source(
        article_id,
        _text(data.get("outlet")),
        _text(data.get("url")),
        _text(data.get("title")),
        _when(data.get("published_at")),
    )


def source_of_evidence(e: Evidence) -> Source:
    return Source(e.article_id, e.outlet, e.url, e.title, e.published_at)


def fill_evidence(e: Evidence, source: Source | None) -> Evidence:
    if source is None or (e.url and e.title and e.published_at):
        return e
    update = {
        "url": e.url or source.url,
        "title": e.title or source.title,
        "published_at": e.published_at or source.published_at,
    }
    return e.model_copy(update=update)


def with_sources(alert: Alert, lookup: Callable[[str], Source | None]) -> Alert:
    """The alert with every Evidence's provenance filled from `lookup` where it is missing."""
    trigger = fill_evidence(alert.trigger, lookup(alert.trigger.article_id))
    related = [fill_evidence(e, lookup(e.article_id)) for e in alert.related]
    if trigger is alert.trigger and all(a is b for a, b in zip(related, alert.related, strict=True)):
        return alert
    return alert.model_copy(update={"trigger": trigger, "related": related})


def missing_sources(alerts: Iterable[Alert]) -> set[str]:
    return {e.article_id for a in alerts for e in [a.trigger, *a.related] if not (e.url and e.published_at)}


class SourceIndex:
    """article id -> Source, filled from messages; later messages only fill gaps."""

    def __init__(self) -> None:
        self._by_article: dict[str, Source] = {}

    def add(self, source: Source | None) -> None:
        if source is None:
            return
        known = self._by_article.get(source.article_id)
        self._by_article[source.article_id] = source if known is None else known.merged(source)

    def get(self, article_id: str) -> Source | None:
        return self._by_article.get(article_id)

    def __len__(self) -> int:
        return len(self._by_article)


class TopicSources:
    """Resolves article ids by reading the claims and articles topics up to their current end,
    once, then only what arrived since (so a long follow stays cheap)."""

    def __init__(self, settings: Settings, *, timeout_s: float = 20.0) -> None:
        self.settings = settings
        self.index = SourceIndex()
        self.timeout_s = timeout_s
        self._consumer: KafkaConsumer | None = None

    def _open(self) -> KafkaConsumer:
        if self._consumer is None:
            try:
                consumer = KafkaConsumer(
                    bootstrap_servers=self.settings.kafka_bootstrap,
                    group_id=None,
                    enable_auto_commit=False,
                    auto_offset_reset="earliest",
                    allow_auto_create_topics=False,
                )
                existing = consumer.topics()
            except KafkaError as err:
                raise kafka_unavailable(self.settings, err) from err
            tps = [
                TopicPartition(topic, p)
                for topic in (self.settings.topic_claims, self.settings.topic_articles)
                if topic in existing
                for p in sorted(consumer.partitions_for_topic(topic) or ())
            ]
            consumer.assign(tps)
            consumer.seek_to_beginning(*tps)
            self._consumer = consumer
        return self._consumer

    def refresh(self) -> None:
        """Read everything up to the topics' current end."""
        consumer = self._open()
        tps = list(consumer.assignment())
        if not tps:
            return
        end = consumer.end_offsets(tps)
        deadline = time.monotonic() + self.timeout_s
        while time.monotonic() < deadline and any(consumer.position(tp) < end[tp] for tp in tps):
            for records in consumer.poll(timeout_ms=500, max_records=2000).values():
                for record in records:
                    try:
                        data = orjson.loads(record.value) if record.value else None
                    except orjson.JSONDecodeError:
                        continue
                    self.index.add(source_of_message(data))

    def resolve(self, article_ids: Iterable[str]) -> None:
        """Make sure the index knows what the topics say about these articles."""
        if any(not self._known(a) for a in article_ids):
            self.refresh()

    def _known(self, article_id: str) -> bool:
        source = self.index.get(article_id)
        return source is not None and source.complete

    def get(self, article_id: str) -> Source | None:
        return self.index.get(article_id)

    def close(self) -> None:
        if self._consumer is not None:
            self._consumer.close()
            self._consumer = None
