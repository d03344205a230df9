"""One sink's loop: its own consumer group on the alerts topic -> filter -> deliver (apprise) ->
remember the id in Redis -> commit.

- **Once per sink.** Before sending, the alert id is looked up in the sink's delivered set in
  Redis; after the receiver accepted it, the id is added, then the offset committed. A restart, a
  lost offset, or the worker republishing an alert (same id) never sends it again. The one window
  left is a crash between the receiver's answer and the Redis write (milliseconds): then the
  alert is sent a second time, with the same id in its body.
- **Retries with backoff.** A receiver that is down or answers with an error is tried again after
  1 s, 2 s, 4 s ... up to `max_backoff_s`, for as long as it takes (or `max_attempts`, after which
  the alert is parked in Redis and the sink moves on). Meanwhile the consumer's partitions are
  paused and polled so the group keeps the sink's membership.
- **Never in the worker's way.** A sink is a separate process with its own consumer group; the
  worker publishes alerts whether or not anyone receives them.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlsplit

import apprise
import redis
from kafka import KafkaConsumer, OffsetAndMetadata, TopicPartition
from kafka.errors import KafkaError
from prometheus_client import Counter

from schemas import Alert
from streams.alerts import matches
from streams.errors import ServiceUnavailable
from streams.kafka_io import require_kafka
from streams.pipeline import BadInput, decode
from streams.provenance import TopicSources, missing_sources, with_sources
from streams.redis_conn import REDIS_DOWN, connect_redis
from streams.settings import Settings
from streams.sinks.config import PushOptions, SinkConfig
from streams.sinks.message import SEVERITY_RANK, Message, compose
from streams.sinks.state import SinkState

log = logging.getLogger(__name__)

PUSHES = Counter("claimwatch_push", "Alerts handled by a push sink, by outcome.", ["sink", "outcome"])
ATTEMPTS = Counter("claimwatch_push_attempts", "Delivery attempts by result.", ["sink", "result"])
MAX_ALERT_BYTES = 10_000_000


class Notifier(Protocol):
    def send(self, message: Message, kind: str) -> str | None:
        """None when every URL accepted the message, else what went wrong."""


def _with_timeouts(url: str, timeout_s: float) -> str:
    query = urlsplit(url).query
    extra = [f"{k}={timeout_s:g}" for k in ("rto", "cto") if f"{k}=" not in query]
    if not extra:
        return url
    return url + ("&" if "?" in url else "?") + "&".join(extra)


_NOTIFY_TYPE = {
    "CONFIRMED": apprise.NotifyType.INFO,
    "CONTRADICTED": apprise.NotifyType.WARNING,
    "NUMERIC_DISCREPANCY": apprise.NotifyType.WARNING,
    "STANCE_REVERSAL": apprise.NotifyType.WARNING,
}


class AppriseNotifier:
    def __init__(self, urls: list[str], timeout_s: float = 10.0) -> None:
        self.apprise = apprise.Apprise()
        for url in urls:
            if not self.apprise.add(_with_timeouts(url, timeout_s)):
                raise ValueError("an apprise URL was refused")

    def send(self, message: Message, kind: str) -> str | None:
        result = self.apprise.notify(
            body=message.body,
            title=message.title,
            body_format=message.body_format,
            notify_type=_NOTIFY_TYPE.get(kind, apprise.NotifyType.INFO),
        )
        if result:
            return None
        errors = [str(entry.message) for entry in result.logs() if getattr(entry, "message", None)]
        return "; ".join(dict.fromkeys(errors)) or "the receiver did not accept the notification"


def wanted(alert: Alert, sink: SinkConfig) -> bool:
    if SEVERITY_RANK[alert.severity] < SEVERITY_RANK[sink.min_severity]:
        return False
    return matches(alert, sink.kinds, sink.parties)


@dataclass
class RunStats:
    delivered: int = 0
    failed_attempts: int = 0
    parked: int = 0
    filtered: int = 0
    repeats: int = 0
    unreadable: int = 0
    delivered_ids: list[str] = field(default_factory=list)


def group_id(settings: Settings, sink: SinkConfig) -> str:
    return f"{settings.app_id}.push.{sink.name}"


class SinkRunner:
    def __init__(
        self,
        settings: Settings,
        sink: SinkConfig,
        options: PushOptions,
        *,
        notifier: Notifier | None = None,
        redis_client: redis.Redis | None = None,
        sleep: Callable[[threading.Event, float], bool] | None = None,
    ) -> None:
        self.settings = settings
        self.sink = sink
        self.options = options
        self.notifier = notifier or AppriseNotifier(sink.urls, options.timeout_s)
        self.redis = redis_client if redis_client is not None else connect_redis(settings)
        self.state = SinkState(
            self.redis, settings.redis_prefix, sink.name, ttl_days=options.delivered_ttl_days
        )
        self.stats = RunStats()
        self._sleep = sleep or (lambda stop, s: stop.wait(s))
        self._sources: TopicSources | None = None
        self._consumer: KafkaConsumer | None = None

    # --- the loop ------------------------------------------------------------------------------------
    def run(self, stop: threading.Event, *, until_idle_s: float | None = None) -> RunStats:
        """Deliver until `stop` is set; with `until_idle_s`, return once the topic's end (as it
        was when the sink joined) is reached and nothing new came for that long."""
        require_kafka(self.settings)
        consumer = KafkaConsumer(
            self.settings.topic_alerts,
            bootstrap_servers=self.settings.kafka_bootstrap,
            group_id=group_id(self.settings, self.sink),
            enable_auto_commit=False,
            auto_offset_reset="earliest" if self.sink.from_beginning else "latest",
            allow_auto_create_topics=False,
            max_poll_records=50,
            client_id=f"claimwatch-push-{self.sink.name}",
        )
        self._consumer = consumer
        end: dict[TopicPartition, int] | None = None
        last_new = time.monotonic()
        try:
            while not stop.is_set():
                batch = consumer.poll(timeout_ms=500)
                for tp in sorted(batch, key=lambda t: t.partition):
                    for record in batch[tp]:
                        if stop.is_set():
                            return self.stats
                        self._handle(record.value, stop)
                        if stop.is_set():
                            return self.stats  # not delivered: not committed
                        self._commit(tp, record.offset + 1)
                if batch:
                    last_new = time.monotonic()
                if until_idle_s is None:
                    continue
                assigned = consumer.assignment()
                if assigned and end is None:
                    end = consumer.end_offsets(list(assigned))
                caught_up = end is not None and all(consumer.position(tp) >= off for tp, off in end.items())
                if caught_up and time.monotonic() - last_new >= until_idle_s:
                    return self.stats
            return self.stats
        finally:
            self._consumer = None
            consumer.close(autocommit=False)
            if self._sources is not None:
                self._sources.close()

    def _commit(self, tp: TopicPartition, offset: int) -> None:
        assert self._consumer is not None
        try:
            self._consumer.commit({tp: OffsetAndMetadata(offset, "", -1)})
        except KafkaError as err:  # the delivered set still prevents a second send
            log.warning(
                "push %s: offset commit failed (%s); the alert will not be sent twice", self.sink.name, err
            )

    def _handle(self, raw: bytes | None, stop: threading.Event) -> None:
        try:
            alert = decode(raw, Alert, MAX_ALERT_BYTES)
        except BadInput:
            self.stats.unreadable += 1
            PUSHES.labels(self.sink.name, "unreadable").inc()
            return
        if not wanted(alert, self.sink):
            self.stats.filtered += 1
            PUSHES.labels(self.sink.name, "filtered").inc()
            return
        if self._redis_retry(lambda: self.state.delivered(alert.id), stop):
            self.stats.repeats += 1
            PUSHES.labels(self.sink.name, "repeat").inc()
            return
        self._deliver(self._sourced(alert), stop)

    def _sourced(self, alert: Alert) -> Alert:
        missing = missing_sources([alert])
        if not missing:
            return alert
        try:
            if self._sources is None:
                self._sources = TopicSources(self.settings)
            self._sources.resolve(sorted(missing))
            return with_sources(alert, self._sources.get)
        except (ServiceUnavailable, KafkaError) as err:
            log.warning("push %s: could not look up sources (%s); sending without", self.sink.name, err)
            return alert

    def _deliver(self, alert: Alert, stop: threading.Event) -> None:
        message = compose(alert, body=self.sink.body, web_url=self.settings.web_public_url)
        attempts = 0
        delay = self.options.first_backoff_s
        while not stop.is_set():
            attempts += 1
            try:
                error = self.notifier.send(message, alert.kind)
            except Exception as err:  # a plugin's surprise must not end the sink
                error = f"{type(err).__name__}: {err}"
            if error is None:
                ATTEMPTS.labels(self.sink.name, "ok").inc()
                self._redis_retry(lambda: self.state.mark_delivered(alert.id), stop)
                self.stats.delivered += 1
                self.stats.delivered_ids.append(alert.id)
                PUSHES.labels(self.sink.name, "delivered").inc()
                if attempts > 1:
                    log.info(
                        "push %s: alert %s delivered after %d attempts", self.sink.name, alert.id, attempts
                    )
                return
            ATTEMPTS.labels(self.sink.name, "failed").inc()
            self.stats.failed_attempts += 1
            self._failed(error, stop)
            if self.options.max_attempts and attempts >= self.options.max_attempts:
                log.warning(
                    "push %s: parking alert %s after %d attempts: %s",
                    self.sink.name,
                    alert.id,
                    attempts,
                    error,
                )
                self._park(alert, error, attempts, stop)
                self.stats.parked += 1
                PUSHES.labels(self.sink.name, "parked").inc()
                return
            log.warning(
                "push %s: alert %s not delivered (attempt %d): %s; retrying in %.1fs",
                self.sink.name,
                alert.id,
                attempts,
                error,
                delay,
            )
            self._wait(stop, delay)
            delay = min(delay * 2, self.options.max_backoff_s)

    def _failed(self, error: str, stop: threading.Event) -> None:
        self._redis_retry(lambda: self.state.record_failure(error), stop)

    def _park(self, alert: Alert, error: str, attempts: int, stop: threading.Event) -> None:
        dump = alert.model_dump(mode="json")
        self._redis_retry(lambda: self.state.park(alert.id, dump, error, attempts), stop)

    def _wait(self, stop: threading.Event, seconds: float) -> None:
        """Back off without losing the group: partitions paused, polled every second."""
        consumer = self._consumer
        if consumer is not None:
            consumer.pause(*consumer.assignment())
        try:
            deadline = time.monotonic() + seconds
            while not stop.is_set() and (left := deadline - time.monotonic()) > 0:
                if self._sleep(stop, min(1.0, left)):
                    return
                if consumer is not None:
                    consumer.poll(timeout_ms=0)
        finally:
            if consumer is not None:
                consumer.resume(*consumer.paused())

    def _redis_retry(self, fn: Callable[[], Any], stop: threading.Event) -> Any:
        delay = 0.2
        while True:
            try:
                return fn()
            except REDIS_DOWN as err:
                if stop.is_set():
                    raise
                log.warning("push %s: Redis unavailable (%s); retrying in %.1fs", self.sink.name, err, delay)
                self._wait(stop, delay)
                delay = min(delay * 2, 5.0)


def run_sinks(
    settings: Settings,
    sinks: list[SinkConfig],
    options: PushOptions,
    stop: threading.Event,
    *,
    until_idle_s: float | None = None,
) -> dict[str, RunStats]:
    """Every sink in its own thread (one slow receiver holds up only its own sink)."""
    results: dict[str, RunStats] = {}
    errors: dict[str, BaseException] = {}

    def one(sink: SinkConfig) -> None:
        delay = 1.0
        while not stop.is_set():
            try:
                results[sink.name] = SinkRunner(settings, sink, options).run(stop, until_idle_s=until_idle_s)
                return
            except (ServiceUnavailable, KafkaError, *REDIS_DOWN) as err:
                if until_idle_s is not None:
                    errors[sink.name] = err
                    return
                # Kafka or Redis away: the sink waits for them; the others go on.
                log.warning("push %s: %s; starting again in %.0fs", sink.name, err, delay)
                stop.wait(delay)
                delay = min(delay * 2, 30.0)
            except BaseException as err:
                errors[sink.name] = err
                log.exception("push %s stopped", sink.name)
                return

    threads = [threading.Thread(target=one, args=(s,), name=f"push-{s.name}", daemon=True) for s in sinks]
    for t in threads:
        t.start()
    for t in threads:
        while t.is_alive():
            t.join(0.5)
    if errors:
        name, err = next(iter(errors.items()))
        raise RuntimeError(f"sink {name} failed: {err}") from err
    return results
