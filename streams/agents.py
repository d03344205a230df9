"""Faust agents: thin wrappers over streams.pipeline (decode -> core -> persist -> emit)."""

from __future__ import annotations

import logging
from typing import Any

import orjson

from schemas import Article, Claim, DeadLetterReason
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
    await deadletter_topic.send(key=msg.key, value=orjson.dumps(dl.model_dump(mode="json")))


@app.agent(articles_topic)
async def extract_agent(stream: Any) -> None:
    async for event in stream.events():
        try:
            article = decode(event.value, Article, settings.max_message_bytes)
            assert isinstance(article, Article)
            messages = article_to_claims(article, store())
            if messages is None:
                log.info("article %s already processed; skipped", article.id)
                continue
            for m in messages:
                await claims_topic.send(key=m.key, value=m.value)
            store().mark_article(article.id, content_hash(article))
            log.info("article %s (%s): %d claim(s)", article.id, article.outlet, len(messages))
        except BadInput as err:
            await _dlq("extract", event, err.reason, str(err))
        except Exception as err:  # the worker keeps going; the message is kept in the DLQ
            log.exception("extract failed")
            await _dlq("extract", event, "processing_error", f"{type(err).__name__}: {err}")


@app.agent(claims_topic)
async def stance_agent(stream: Any) -> None:
    async for event in stream.events():
        try:
            claim = decode(event.value, Claim, settings.max_message_bytes)
            assert isinstance(claim, Claim)
            for alert in claim_to_alerts(claim, store()):
                key, value = encode_alert(alert)
                await alerts_topic.send(key=key, value=value)
                log.info("ALERT %s %s (%s)", alert.kind, alert.proposition.id, alert.reason)
        except BadInput as err:
            await _dlq("stance", event, err.reason, str(err))
        except Exception as err:
            log.exception("stance failed")
            await _dlq("stance", event, "processing_error", f"{type(err).__name__}: {err}")
