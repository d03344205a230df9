"""Articles -> claims, a batch of messages at a time. Decode (bad input to the dead-letter
topic), skip articles already processed, extract each within the time budget, publish the claims
and wait for Kafka's acknowledgement, and only then mark the messages handled (with their
offsets, in order): a crash at any point re-extracts them (claim ids are stable, so the stance
stage ignores the repeat). Batches amortise the acknowledgement wait and the Redis round trips."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from schemas import Article, DeadLetterReason
from streams import metrics
from streams.core.language import detected_language, reading_language
from streams.core.people import Person
from streams.logsafe import safe
from streams.pipeline import BadInput, content_hash, decode
from streams.runtime.deadletters import DeadLetterSink
from streams.runtime.extractor import BudgetedExtractor, Extracted, ExtractorCrashed, TooSlow
from streams.runtime.health import Health
from streams.runtime.messages import RawMessage, Sender
from streams.runtime.people import PeopleCache, PeopleIndex, person_of
from streams.runtime.retry import await_acks, kafka_retrying, redis_retrying
from streams.stance.redis_store import ArticleMark, RedisStanceStore, StateBehindLog

log = logging.getLogger("claimwatch.extract")
STAGE = "extract"


@dataclass
class Item:
    msg: RawMessage
    article: Article | None = None
    digest: str | None = None
    extracted: Extracted | None = None
    reject: tuple[DeadLetterReason, str] | None = None
    language: str | None = None  # the pack the gate chose: the extractor does not identify it again


def _articles(items: list[Item]) -> list[Article]:
    found = [i.article for i in items if i.article is not None]
    assert len(found) == len(items), "only decoded articles are extracted"
    return found


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
        people: PeopleCache,
        workers: int = 1,
    ) -> None:
        self.on_behind, self.log_start, self.people, self.workers = on_behind, log_start, people, workers
        self.store, self.extractor, self.send = store, extractor, send
        self.claims_topic, self.dlq, self.health, self.max_bytes = claims_topic, dlq, health, max_bytes
        self.applied_upto: dict[tuple[str, int], int] = {}  # next offset this process recorded

    async def handle(self, msg: RawMessage) -> None:
        await self.handle_batch([msg])

    async def handle_batch(self, msgs: list[RawMessage]) -> None:
        """Every message ends recorded with its offset: extracted, a repeat, or dead-lettered."""
        items = [self._decode(m) for m in msgs]
        await self.dlq.put_many(STAGE, [(i.msg, i.reject[0], i.reject[1]) for i in items if i.reject])
        fresh = await self._unseen([i for i in items if i.article is not None])
        await self._extract_all(fresh)
        await self._publish([i for i in fresh if i.extracted is not None])
        marks = [ArticleMark(i.msg.tp, i.msg.offset, *self._mark_of(i), self._learned(i)) for i in items]
        try:
            await redis_retrying(self.health, self.store.mark_articles, marks, self.log_start)
        except StateBehindLog as behind:
            metrics.REWINDS.inc()
            await self.on_behind(behind)
            return
        for i in items:
            self.applied_upto[i.msg.tp] = i.msg.offset + 1
        self._report(fresh)

    @staticmethod
    def _mark_of(item: Item) -> tuple[str | None, str | None]:
        if item.extracted is None or item.article is None:
            return None, None
        return item.article.id, item.digest

    @staticmethod
    def _learned(item: Item) -> tuple[tuple[str, str], ...]:
        return item.extracted.learned if item.extracted is not None else ()

    def _decode(self, msg: RawMessage) -> Item:
        try:
            article = decode(msg.value, Article, self.max_bytes)
        except BadInput as err:
            return Item(msg, reject=(err.reason, str(err)))
        assert isinstance(article, Article)
        code = reading_language(article.body, article.language)
        if code is None:
            found = detected_language(article.body)
            return Item(msg, reject=("unsupported_language", f"no language pack for {found!r}"))
        return Item(msg, article, content_hash(article), language=code)

    async def _unseen(self, items: list[Item]) -> list[Item]:
        keys = [(i.article.id, i.digest or "") for i in items if i.article is not None]
        seen = await redis_retrying(self.health, self.store.seen_articles, keys)
        for item, repeat in zip(items, seen, strict=True):
            if repeat and item.article is not None:
                metrics.ARTICLES.labels(outcome="repeat").inc()
                log.info("article %s already processed; skipped", safe(item.article.id))
        return [i for i, repeat in zip(items, seen, strict=True) if not repeat]

    async def _extract_all(self, items: list[Item]) -> None:
        """Extract every article, `workers` at a time, in order; each wave is read with the people
        the waves before it taught (one worker: every article sees all before it). Failures become
        dead letters."""
        index = (await redis_retrying(self.health, self.people.current)).copy()
        for start in range(0, len(items), self.workers):
            wave = items[start : start + self.workers]
            jobs = [
                self.extractor.extract(a, self._relevant(index, a), language=i.language)
                for i, a in zip(wave, _articles(wave), strict=True)
            ]
            outcomes = await asyncio.gather(*jobs, return_exceptions=True)
            for item, outcome in zip(wave, outcomes, strict=True):
                if isinstance(outcome, Extracted):
                    item.extracted = outcome
                    metrics.EXTRACT_SECONDS.observe(outcome.seconds)
                    index.add(person_of(raw) for _, raw in outcome.learned)
                else:
                    await self._dead_letter(item, outcome)

    @staticmethod
    def _relevant(index: PeopleIndex, article: Article) -> list[Person]:
        return index.relevant(f"{article.title or ''}\n{article.body}")

    async def _dead_letter(self, item: Item, err: BaseException) -> None:
        size = len(item.article.body) if item.article else 0
        reason: DeadLetterReason = "too_slow" if isinstance(err, TooSlow) else "processing_error"
        if isinstance(err, TooSlow):
            message = f"{err} ({size} characters)"
        elif isinstance(err, ExtractorCrashed):
            message = str(err)
        else:  # a bug the article triggers: its own dead letter, not a stall
            article_id = item.article.id if item.article else "?"
            log.error("extraction of %s failed: %s", safe(article_id), safe(repr(err)))
            message = f"{type(err).__name__}: {err}"
        await self.dlq.put(STAGE, item.msg, reason, message)

    async def _publish(self, items: list[Item]) -> None:
        async def send_all() -> None:
            pending = []
            for item in items:
                assert item.extracted is not None
                for m in item.extracted.messages:
                    pending.append(await self.send(self.claims_topic, m.key, m.value))
            await await_acks(self.health, pending)

        if items:
            await kafka_retrying(self.health, send_all)

    def _report(self, items: list[Item]) -> None:
        for item in items:
            if item.extracted is None or item.article is None:
                continue
            metrics.ARTICLES.labels(outcome="extracted").inc()
            metrics.CLAIMS.inc(len(item.extracted.messages))
            log.info(
                "article %s (%s): %d claim(s) in %.0f ms",
                safe(item.article.id),
                safe(item.article.outlet, 80),
                len(item.extracted.messages),
                item.extracted.seconds * 1000,
            )
