"""Articles -> claims. Decode (bad input to the dead-letter topic), skip an article already
processed, extract within the time budget, publish the claims and wait for Kafka's
acknowledgement, and only then mark the article processed: a crash at any point re-extracts it
(claim ids are stable, so the stance stage ignores the repeat)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from schemas import Article
from streams import metrics
from streams.core.language import detected_language, reading_language
from streams.logsafe import safe
from streams.pipeline import BadInput, content_hash, decode
from streams.runtime.deadletters import DeadLetterSink
from streams.runtime.extractor import BudgetedExtractor, Extracted, ExtractorCrashed, TooSlow
from streams.runtime.health import Health
from streams.runtime.messages import RawMessage, Sender
from streams.runtime.retry import await_acks, kafka_retrying, redis_retrying
from streams.stance.redis_store import RedisStanceStore, StateBehindLog

log = logging.getLogger("claimwatch.extract")
STAGE = "extract"


class ExtractStage:
    def __init__(
        self,
        *,
        store: RedisStanceStore,
        extractor: BudgetedExtractor,
        send: Sender,
        claims_topic: str,
        dlq: DeadLetterSink,
        health: Health,
        max_bytes: int,
        on_behind: Callable[[StateBehindLog], Awaitable[None]],
        log_start: dict[tuple[str, int], int],
    ) -> None:
        self.on_behind, self.log_start = on_behind, log_start
        self.store, self.extractor, self.send = store, extractor, send
        self.claims_topic, self.dlq, self.health, self.max_bytes = claims_topic, dlq, health, max_bytes
        self.applied_upto: dict[tuple[str, int], int] = {}  # next offset this process recorded

    async def handle(self, msg: RawMessage) -> None:
        """Every message ends recorded with its offset: extracted, a repeat, or dead-lettered."""
        try:
            marked = await self._process(msg)
            if marked is None:
                await self._mark(None, None, msg)
        except StateBehindLog as behind:
            metrics.REWINDS.inc()
            await self.on_behind(behind)
            return
        self.applied_upto[msg.tp] = msg.offset + 1

    async def _mark(self, article_id: str | None, digest: str | None, msg: RawMessage) -> None:
        start = self.log_start.get(msg.tp, 0)
        await redis_retrying(
            self.health, self.store.mark_article, article_id, digest, (msg.tp, msg.offset), start
        )

    async def _process(self, msg: RawMessage) -> str | None:
        """The article id when it was extracted and marked (with its offset); None otherwise."""
        try:
            article = decode(msg.value, Article, self.max_bytes)
        except BadInput as err:
            await self.dlq.put(STAGE, msg, err.reason, str(err))
            return None
        assert isinstance(article, Article)
        digest = content_hash(article)
        if await redis_retrying(self.health, self.store.seen_article, article.id, digest):
            metrics.ARTICLES.labels(outcome="repeat").inc()
            log.info("article %s already processed; skipped", safe(article.id))
            return None
        if reading_language(article.body, article.language) is None:
            found = detected_language(article.body)
            await self.dlq.put(STAGE, msg, "unsupported_language", f"no language pack for {found!r}")
            return None
        extracted = await self._extract(msg, article)
        if extracted is None:
            return None

        async def publish() -> None:
            pending = [await self.send(self.claims_topic, m.key, m.value) for m in extracted.messages]
            await await_acks(self.health, pending)

        await kafka_retrying(self.health, publish)
        await self._mark(article.id, digest, msg)
        metrics.ARTICLES.labels(outcome="extracted").inc()
        metrics.CLAIMS.inc(len(extracted.messages))
        log.info(
            "article %s (%s): %d claim(s) in %.0f ms",
            safe(article.id),
            safe(article.outlet, 80),
            len(extracted.messages),
            extracted.seconds * 1000,
        )
        return article.id

    async def _extract(self, msg: RawMessage, article: Article) -> Extracted | None:
        """The claims, or None when the article was dead-lettered instead."""
        try:
            with metrics.EXTRACT_SECONDS.time():
                return await self.extractor.extract(article)
        except TooSlow as err:
            await self.dlq.put(STAGE, msg, "too_slow", f"{err} ({len(article.body)} characters)")
        except ExtractorCrashed as err:
            await self.dlq.put(STAGE, msg, "processing_error", str(err))
        except Exception as err:  # a bug the article triggers: its own dead letter, not a stall
            log.exception("extraction of %s failed", safe(article.id))
            await self.dlq.put(STAGE, msg, "processing_error", f"{type(err).__name__}: {err}")
        return None
