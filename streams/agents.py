"""Faust agents: thin wrappers over streams.pipeline (decode -> core -> persist -> emit)."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import orjson

from schemas import Alert, Article, Claim, DeadLetterReason
from streams import metrics
from streams.app import alerts_topic, app, articles_topic, claims_topic, deadletter_topic, settings
from streams.pipeline import (
    BadInput,
    article_to_claims,
    claim_to_alerts,
    content_hash,
    dead_letter,
    decode,
    encode_alert,
)
from streams.store import StanceStore, connect_redis

log = logging.getLogger("claimwatch.agents")
_store: StanceStore | None = None


def store() -> StanceStore:
    global _store
    if _store is None:
        _store = StanceStore(connect_redis(settings), settings.redis_prefix)
    return _store


async def _dlq(stage: str, event: Any, reason: DeadLetterReason, error: str) -> None:
    msg = event.message
    dl = dead_letter(
        stage=stage,
        topic=msg.topic,
        partition=msg.partition,
        offset=msg.offset,
        key=msg.key,
        raw=msg.value,
        reason=reason,
        error=error,
    )
    log.warning("dead letter from %s (%s): %s", msg.topic, reason, error[:200])
    metrics.DEAD_LETTERS.labels(stage=stage, reason=reason).inc()
    await deadletter_topic.send(key=msg.key, value=orjson.dumps(dl.model_dump(mode="json")))


async def _handle(stage: str, event: Any, work: Callable[[Any], Awaitable[None]]) -> None:
    """Run one message's work; bad input and failures go to the DLQ and the agent keeps going."""
    try:
        await work(event)
    except BadInput as err:
        await _dlq(stage, event, err.reason, str(err))
    except Exception as err:
        log.exception("%s failed", stage)
        await _dlq(stage, event, "processing_error", f"{type(err).__name__}: {err}")


async def _extract(event: Any) -> None:
    article = decode(event.value, Article, settings.max_message_bytes)
    assert isinstance(article, Article)
    with metrics.EXTRACT_SECONDS.time():
        messages = article_to_claims(article, store())
    if messages is None:
        metrics.ARTICLES.labels(outcome="repeat").inc()
        log.info("article %s already processed; skipped", article.id)
        return
    metrics.ARTICLES.labels(outcome="extracted").inc()
    metrics.CLAIMS.inc(len(messages))
    for m in messages:
        await claims_topic.send(key=m.key, value=m.value)
    # Marked after the claims are sent: a crash in between re-extracts (claim ids dedupe).
    store().mark_article(article.id, content_hash(article))
    log.info("article %s (%s): %d claim(s)", article.id, article.outlet, len(messages))


async def _publish(alerts: list[Alert]) -> None:
    for alert in alerts:
        metrics.ALERTS.labels(kind=alert.kind).inc()
        key, value = encode_alert(alert)
        await alerts_topic.send(key=key, value=value)
        log.info("ALERT %s %s (%s)", alert.kind, alert.proposition.id, alert.reason)


async def _stance_batch(events: Sequence[Any]) -> None:
    """Decode a batch (bad ones to the DLQ), apply the claims in order in one store batch (one
    write round trip), publish the alerts. If the batch fails, claims are retried one by one so
    only the failing message lands in the DLQ."""
    valid: list[tuple[Any, Claim]] = []
    for event in events:
        try:
            claim = decode(event.value, Claim, settings.max_message_bytes)
            assert isinstance(claim, Claim)
            valid.append((event, claim))
        except BadInput as err:
            await _dlq("stance", event, err.reason, str(err))
    if not valid:
        return
    try:
        started = time.perf_counter()
        results = store().apply_batch([c for _, c in valid])
        per_claim = (time.perf_counter() - started) / len(valid)
        for _ in valid:
            metrics.STANCE_SECONDS.observe(per_claim)
    except Exception:
        log.exception("stance batch failed; retrying its claims one by one")
        for event, _ in valid:
            await _handle("stance", event, _stance_one)
        return
    for alerts in results:
        await _publish(alerts)


async def _stance_one(event: Any) -> None:
    claim = decode(event.value, Claim, settings.max_message_bytes)
    assert isinstance(claim, Claim)
    await _publish(claim_to_alerts(claim, store()))


@app.agent(articles_topic)
async def extract_agent(stream: Any) -> None:
    async for event in stream.events():
        await _handle("extract", event, _extract)


@app.agent(claims_topic)
async def stance_agent(stream: Any) -> None:
    # Batches cut Redis writes to one round trip per batch; `within` bounds the added latency.
    async for events in stream.take_events(settings.stance_batch, within=settings.stance_batch_wait_s):
        await _stance_batch(events)


@app.page("/metrics")
async def metrics_page(web: Any, request: Any) -> Any:
    """Prometheus scrape endpoint (http://127.0.0.1:CW_WORKER_WEB_PORT/metrics)."""
    body, _ = metrics.exposition()
    # aiohttp refuses a charset inside content_type; the text format's type without it is fine.
    return web.text(body.decode(), content_type="text/plain")
