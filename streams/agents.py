"""Faust agents: thin adapters from Faust events to the stages (decode -> core -> persist -> emit).

`register(app, topics, settings)` wires everything; it imports nothing from streams.app, so the
app module can register the agents without an import cycle.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import faust
import orjson

from streams import metrics
from streams.redis_conn import redis_client
from streams.runtime.deadletters import DeadLetterSink
from streams.runtime.extract_stage import ExtractStage
from streams.runtime.extractor import BudgetedExtractor
from streams.runtime.health import Health
from streams.runtime.messages import RawMessage, Sender
from streams.runtime.offsets import resume_positions, state_behind
from streams.runtime.people import PeopleCache, RedisPeople
from streams.runtime.process import EXIT_REWIND
from streams.runtime.stance_stage import StanceStage
from streams.settings import Settings
from streams.stance.redis_store import RedisStanceStore, StateBehindLog

log = logging.getLogger("claimwatch.agents")
VERIFY_EVERY_S = 5.0


@dataclass
class Topics:
    articles: faust.TopicT
    claims: faust.TopicT
    alerts: faust.TopicT
    deadletter: faust.TopicT


def _raw(event: Any) -> RawMessage:
    m = event.message
    return RawMessage(m.topic, m.partition, m.offset, m.key, m.value)


def register(app: faust.App, topics: Topics, settings: Settings) -> Health:
    health = Health()
    store = RedisStanceStore(redis_client(settings), settings.redis_prefix)
    extractor = BudgetedExtractor(settings.extract_budget_s, settings.extract_workers)
    by_name = {
        t.get_topic_name(): t for t in (topics.articles, topics.claims, topics.alerts, topics.deadletter)
    }

    async def send(topic: str, key: bytes | None, value: bytes) -> Awaitable[Any]:
        fut: Awaitable[Any] = await by_name[topic].send(key=key, value=value)
        return fut

    async def restart_from_stored(behind: StateBehindLog) -> None:
        log.error("%s; restarting the worker to apply them again", behind)
        extractor.close()
        for handler in logging.getLogger().handlers:
            handler.flush()
        sys.stdout.flush()
        os._exit(EXIT_REWIND)

    dlq = DeadLetterSink(settings.topic_deadletter, send, health)
    log_start: dict[tuple[str, int], int] = {}  # first offset of each partition, read at assignment
    extract, stance = _stages(settings, store, extractor, send, dlq, health, restart_from_stored, log_start)

    @app.agent(topics.articles)
    async def extract_agent(stream: Any) -> None:
        async for events in stream.take_events(settings.extract_batch, within=settings.stance_batch_wait_s):
            await extract.handle_batch([_raw(e) for e in events])

    @app.agent(topics.claims)
    async def stance_agent(stream: Any) -> None:
        # Batches cut Redis writes to one transaction per batch; `within` bounds the added latency.
        async for events in stream.take_events(settings.stance_batch, within=settings.stance_batch_wait_s):
            await stance.handle_batch([_raw(e) for e in events])

    stateful = {settings.topic_articles, settings.topic_claims}

    def assigned() -> list[Any]:
        assignment = app.consumer.assignment() if app.consumer else set()
        return [tp for tp in assignment if tp.topic in stateful]

    # Sent after every assignment, right before Faust seeks the partitions to the committed offsets.
    @app.on_rebalance_complete.connect  # type: ignore[arg-type]  # mode's signal typing is too narrow
    async def on_rebalanced(sender: Any, *_: Any, **__: Any) -> None:
        await resume_positions(app, store, health, assigned(), log_start)

    @app.timer(VERIFY_EVERY_S)  # type: ignore[untyped-decorator]  # faust ships no type hints
    async def verify_state() -> None:
        """Redis came back from an older snapshot while nothing new arrived? Restart at the stored
        offsets. Then publish whatever an earlier run left in the outbox."""
        mine = {(tp.topic, tp.partition) for tp in assigned()}
        recorded = {tp: n for tp, n in {**extract.applied_upto, **stance.applied_upto}.items() if tp in mine}
        behind = await state_behind(store, health, recorded, log_start)
        if behind is not None:
            metrics.REWINDS.inc()
            await restart_from_stored(behind)
        await stance.flush(tp for tp in mine if tp[0] == settings.topic_claims)

    @app.page("/metrics")
    async def metrics_page(web: Any, request: Any) -> Any:
        """Prometheus scrape endpoint (http://127.0.0.1:CW_WORKER_WEB_PORT/metrics)."""
        body, _ = metrics.exposition()
        # aiohttp refuses a charset inside content_type; the text format's type without it is fine.
        return web.text(body.decode(), content_type="text/plain")

    @app.page("/health")
    async def health_page(web: Any, request: Any) -> Any:
        """200 when Redis and Kafka answer, 503 while the worker waits for them."""
        body = orjson.dumps(health.snapshot()).decode()
        return web.text(body, content_type="application/json", status=200 if health.healthy else 503)

    return health


def _stages(
    settings: Settings,
    store: RedisStanceStore,
    extractor: BudgetedExtractor,
    send: Sender,
    dlq: DeadLetterSink,
    health: Health,
    on_behind: Callable[[StateBehindLog], Awaitable[None]],
    log_start: dict[tuple[str, int], int],
) -> tuple[ExtractStage, StanceStage]:
    """The two stages the agents feed: articles -> claims, claims -> stance state and alerts."""
    extract = ExtractStage(
        store=store,
        extractor=extractor,
        send=send,
        claims_topic=settings.topic_claims,
        dlq=dlq,
        health=health,
        max_bytes=settings.max_message_bytes,
        on_behind=on_behind,
        log_start=log_start,
        people=PeopleCache(RedisPeople(store.r, settings.redis_prefix)),
        workers=settings.extract_workers,
    )
    stance = StanceStage(
        store=store,
        send=send,
        alerts_topic=settings.topic_alerts,
        dlq=dlq,
        health=health,
        max_bytes=settings.max_message_bytes,
        on_behind=on_behind,
        log_start=log_start,
    )
    return extract, stance
