"""The poll loop: due feeds -> fetch -> parse -> article text -> dedup -> Kafka articles topic.

Two phases per feed. *Collect* (network-bound: the feed, then article pages for summary-only
entries) runs in a small thread pool so one slow site does not hold up the rest. *Process*
(dedup, produce, state) runs on the calling thread in config order, so the order of articles on
the topic is deterministic and the near-duplicate index sees earlier feeds' articles first.

Delivery is at-least-once: an article is marked seen only after Kafka acknowledged it, and a
feed's ETag/Last-Modified only after every entry was handled. A crash in between re-produces the
same article id, never loses one. No error in a feed (or in one entry) ends the loop; it is
counted in the feed's status and the feed backs off.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import redis
from kafka import KafkaProducer
from prometheus_client import Counter, Gauge
from pydantic import ValidationError

from schemas import MAX_BODY_CHARS, Article
from streams.feeds.article_text import ExtractionError, fetch_article_text
from streams.feeds.config import FeedConfig, FeedsFile, IngestOptions, load_feeds_file
from streams.feeds.dates import EARLIEST, resolve_published
from streams.feeds.dedup import Deduplicator, Verdict, clean_url
from streams.feeds.fetch import Fetcher, FetchError, FetchLimits, FetchResult, system_resolver
from streams.feeds.parse import FeedItem, ParsedFeed, parse_feed
from streams.feeds.schedule import error_delay, success_delay
from streams.feeds.state import FeedState, RedisDedupStore, connect_redis, feed_key
from streams.feeds.text import truncate_body
from streams.kafka_io import ServiceUnavailable, encode, make_producer
from streams.settings import Settings

log = logging.getLogger(__name__)

FETCHES = Counter("claimwatch_feed_fetches", "Feed polls by outcome.", ["outlet", "result"])
ITEMS = Counter("claimwatch_feed_items", "Feed entries by dedup outcome.", ["outlet", "outcome"])
LAST_SUCCESS = Gauge(
    "claimwatch_feed_last_success_timestamp_seconds", "When a feed was last fetched without error.", ["feed"]
)
CONSECUTIVE_ERRORS = Gauge("claimwatch_feed_consecutive_errors", "Failed polls in a row, per feed.", ["feed"])
NEXT_POLL = Gauge("claimwatch_feed_next_poll_timestamp_seconds", "When a feed is polled next.", ["feed"])

# Error kinds that are ours, not the feed's: they must not push the feed into backoff.
KIND_KAFKA = "kafka"
KIND_INTERNAL = "internal"


@dataclass
class FeedRunResult:
    url: str
    outlet: str
    result: str  # ok | not_modified | error
    new: int = 0
    syndicated: int = 0
    duplicates: int = 0
    invalid: int = 0
    deferred: int = 0
    error_kind: str | None = None
    error: str | None = None
    warnings: list[tuple[str, str]] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)

    @property
    def produced(self) -> int:
        return self.new + self.syndicated


@dataclass
class RunReport:
    feeds: list[FeedRunResult]
    started: float
    elapsed: float

    @property
    def produced(self) -> int:
        return sum(f.produced for f in self.feeds)

    @property
    def article_ids(self) -> list[str]:
        return [a for f in self.feeds for a in f.article_ids]


@dataclass
class _Candidate:
    item: FeedItem
    title: str | None
    body: str
    published_at: datetime
    outlet: str  # the feed's outlet, or for an aggregator's item the outlet it names
    url: str | None  # where the text was read (an aggregator's redirect resolved)


@dataclass
class _Collected:
    feed: FeedConfig
    fk: str
    fetched_at: datetime
    result: FetchResult | None = None
    error: FetchError | None = None
    error_kind: str | None = None
    parsed: ParsedFeed | None = None
    candidates: list[_Candidate] = field(default_factory=list)
    already_seen: int = 0
    deferred: int = 0
    warnings: list[tuple[str, str]] = field(default_factory=list)


def is_aggregated(item: FeedItem, feed_outlet: str) -> bool:
    """An item an aggregator relays from another outlet (it names that outlet in <source>)."""
    return bool(item.source_name) and (item.source_name or "").casefold() != feed_outlet.casefold()


def limits_from(options: IngestOptions) -> FetchLimits:
    return FetchLimits(
        connect_timeout=options.connect_timeout,
        read_timeout=options.read_timeout,
        total_timeout=options.total_timeout,
        max_bytes=options.max_bytes,
        max_redirects=options.max_redirects,
        user_agent=options.user_agent,
    )


class FeedIngestor:
    def __init__(
        self,
        settings: Settings,
        feeds: FeedsFile | None = None,
        *,
        producer: KafkaProducer | None = None,
        redis_client: redis.Redis | None = None,
        rng: random.Random | None = None,
        clock: Callable[[], float] = time.time,
        resolver: Callable[[str, int], list[str]] = system_resolver,
    ) -> None:
        self.settings = settings
        self.config = feeds if feeds is not None else load_feeds_file(settings.feeds_file)
        self.options = self.config.options
        self.rng = rng or random.Random()
        self.clock = clock
        self.resolver = resolver
        self._own_redis = redis_client is None
        self.redis = redis_client if redis_client is not None else connect_redis(settings)
        self.state = FeedState(
            self.redis, settings.redis_prefix, ttl_seconds=self.options.dedup_ttl_days * 86400
        )
        self.dedup = Deduplicator(RedisDedupStore(self.state), threshold=self.options.near_dup_threshold)
        self._own_producer = producer is None
        self.producer = producer if producer is not None else make_producer(settings)

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        if self._own_producer:
            try:
                self.producer.flush(timeout=self.options.produce_timeout)
            finally:
                self.producer.close(timeout=5)
        if self._own_redis:
            self.redis.close()

    def __enter__(self) -> FeedIngestor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ public loop
    def due_feeds(self, now: float | None = None) -> list[FeedConfig]:
        now = self.clock() if now is None else now
        due = []
        for feed in self.config.enabled_feeds:
            next_poll = self.state.next_poll(feed_key(feed.url))
            if next_poll is None or next_poll <= now:
                due.append(feed)
        return due

    def run_once(self, *, only_due: bool = False) -> RunReport:
        """Poll every enabled feed (or only those due) once. Never raises for a feed's fault."""
        started = self.clock()
        feeds = self.due_feeds(started) if only_due else list(self.config.enabled_feeds)
        for feed in feeds:
            self.state.register(feed.url, feed.outlet)
        results: list[FeedRunResult] = []
        if feeds:
            workers = min(self.options.concurrency, len(feeds))
            with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="feed") as pool:
                futures = [pool.submit(self._collect_safely, feed) for feed in feeds]
                # Process in config order (not completion order): deterministic topic order.
                for future in futures:
                    results.append(self._process_safely(future.result()))
        report = RunReport(results, started, self.clock() - started)
        log.info(
            "feeds poll: %d feeds, %d articles produced in %.1fs",
            len(results),
            report.produced,
            report.elapsed,
        )
        return report

    def seconds_until_next_due(self, now: float | None = None) -> float | None:
        now = self.clock() if now is None else now
        waits = []
        for feed in self.config.enabled_feeds:
            next_poll = self.state.next_poll(feed_key(feed.url))
            waits.append(0.0 if next_poll is None else max(0.0, next_poll - now))
        return min(waits) if waits else None

    def run_forever(self, stop_event: threading.Event, *, max_idle: float = 30.0) -> None:
        """Poll due feeds until `stop_event` is set. Service outages are waited out."""
        while not stop_event.is_set():
            try:
                self.run_once(only_due=True)
                wait = self.seconds_until_next_due()
            except (ServiceUnavailable, redis.exceptions.RedisError) as err:
                log.error("feeds ingest: %s; retrying in 10s", err)
                wait = 10.0
            except Exception:  # keep polling; the traceback says what to fix
                log.exception("feeds ingest: poll failed; retrying in 10s")
                wait = 10.0
            if wait is None:
                wait = max_idle
            stop_event.wait(min(max(wait, 0.5), max_idle))

    # ------------------------------------------------------------------ collect (threads)
    def _collect_safely(self, feed: FeedConfig) -> _Collected:
        fetched_at = datetime.fromtimestamp(self.clock(), tz=UTC)
        collected = _Collected(feed, feed_key(feed.url), fetched_at)
        try:
            self._collect(collected)
        except Exception as err:  # a bug or a surprise in a library: contain it to this feed
            log.exception("feed %s: unexpected error while collecting", feed.url)
            collected.error = FetchError(KIND_INTERNAL, f"{err.__class__.__name__}: {err}")
        return collected

    def _collect(self, c: _Collected) -> None:
        feed, opts = c.feed, self.options
        etag, last_modified = self.state.validators(c.fk)
        allowed = {feed.host} if feed.allow_private else set()
        with Fetcher(limits_from(opts), allow_private_hosts=allowed, resolver=self.resolver) as fetcher:
            try:
                c.result = fetcher.get(feed.url, etag=etag, last_modified=last_modified)
            except FetchError as err:
                c.error = err
                return
            if c.result.not_modified:
                return
            c.parsed = parse_feed(c.result.body, url=c.result.final_url, content_type=c.result.content_type)
            fatal = self._fatal_problem(c.parsed)
            if fatal is not None:
                c.error = FetchError(*fatal)
                return
            c.warnings.extend(c.parsed.problems)
            self._collect_items(c, fetcher)

    @staticmethod
    def _fatal_problem(parsed: ParsedFeed) -> tuple[str, str] | None:
        for kind, message in parsed.problems:
            if kind == "not_a_feed":
                return kind, message
        if not parsed.items:
            for kind, message in parsed.problems:
                if kind == "malformed":
                    return kind, message
        return None

    def _collect_items(self, c: _Collected, fetcher: Fetcher) -> None:
        opts = self.options
        assert c.parsed is not None
        pages = 0
        page_deadline = time.monotonic() + 4 * opts.total_timeout
        language = c.feed.language or c.parsed.language
        for item in c.parsed.items:
            if self.dedup.seen_url(item.link):
                c.already_seen += 1  # cheap skip before any page fetch
                continue
            aggregated = is_aggregated(item, c.feed.outlet)
            # An aggregator's text is a link and the outlet's name: never the article.
            text = "" if aggregated and not item.has_full_content else item.text
            url = item.link
            page_date: datetime | None = None
            # A short text is a teaser even when it sits in content:encoded.
            if opts.fetch_article_pages and item.link is not None and len(text) < opts.min_body_chars:
                if pages >= opts.max_pages_per_poll or time.monotonic() > page_deadline:
                    # Leave it for the next poll rather than ship a teaser as the article.
                    c.deferred += 1
                    continue
                pages += 1
                try:
                    page = fetch_article_text(fetcher, item.link, max_bytes=opts.max_page_bytes)
                    if len(page.text) > len(text):
                        text = page.text
                        if aggregated and page.final_url:
                            url = page.final_url  # the outlet's own page, past the redirect
                    page_date = page.date
                except (FetchError, ExtractionError) as err:
                    # The summary is still a valid item: produce it, note the page failure.
                    c.warnings.append((f"page_{err.kind}", str(err)))
            if aggregated and not text:
                # Without the outlet's page there is no article, only a headline and a name.
                c.warnings.append(("aggregated_no_text", f"{item.link}: the outlet's page gave no text"))
                continue
            title = item.title
            body = truncate_body(text or title or "", MAX_BODY_CHARS)
            if not body:
                c.warnings.append(("empty_entry", f"{item.link or item.guid}: no text"))
                continue
            published, source = resolve_published(
                item.published_raw,
                item.published_struct,
                fetched_at=c.fetched_at,
                default_tz=c.feed.timezone,
                language=language,
            )
            if source == "fetched_at" and page_date is not None and page_date >= EARLIEST:
                published = min(page_date, c.fetched_at)
            outlet = item.source_name if aggregated and item.source_name else c.feed.outlet
            c.candidates.append(_Candidate(item, title, body, published, outlet, url))

    # ------------------------------------------------------------------ process (main thread)
    def _process_safely(self, c: _Collected) -> FeedRunResult:
        try:
            return self._process(c)
        except redis.exceptions.RedisError:
            raise  # the service is down: every feed would fail; let the loop wait it out
        except Exception as err:  # a bug must cost one feed's poll, not the ingester
            log.exception("feed %s: unexpected error while processing", c.feed.url)
            out = FeedRunResult(c.feed.url, c.feed.outlet, "error")
            return self._fail(c, out, KIND_INTERNAL, f"{err.__class__.__name__}: {err}", None)

    def _process(self, c: _Collected) -> FeedRunResult:
        feed = c.feed
        out = FeedRunResult(feed.url, feed.outlet, "ok")
        if c.error is not None:
            return self._fail(c, out, c.error.kind, c.error.message, c.error.retry_after)
        assert c.result is not None
        if c.result.not_modified:
            return self._not_modified(c, out)

        out.duplicates = c.already_seen
        out.deferred = c.deferred
        language = feed.language or (c.parsed.language if c.parsed else None)
        # Oldest first: downstream sees a story's claims in the order they were made.
        for cand in sorted(c.candidates, key=lambda x: x.published_at):
            failed = self._process_candidate(c, cand, out, language)
            if failed is not None:
                return failed
        return self._succeeded(c, out)

    def _not_modified(self, c: _Collected, out: FeedRunResult) -> FeedRunResult:
        """The feed answered 304: nothing to produce, only the poll to record."""
        feed = c.feed
        now = c.fetched_at.timestamp()
        out.result = "not_modified"
        self.state.record_success(
            c.fk,
            now=now,
            result="not_modified",
            next_poll=now + success_delay(feed.poll_seconds, self.rng),
            counts={},
        )
        FETCHES.labels(feed.outlet, "not_modified").inc()
        LAST_SUCCESS.labels(feed.url).set(now)
        CONSECUTIVE_ERRORS.labels(feed.url).set(0)
        return out

    def _process_candidate(
        self, c: _Collected, cand: _Candidate, out: FeedRunResult, language: str | None
    ) -> FeedRunResult | None:
        """Dedup, validate and produce one entry, counting it in `out`. Returns the feed's
        failed result when Kafka did not take the article (the rest of the poll is abandoned),
        else None."""
        feed = c.feed
        verdict = self.dedup.classify(
            link=cand.item.link,
            guid=cand.item.guid,
            feed_url=feed.url,
            outlet=cand.outlet,
            text=cand.body,
        )
        if not verdict.produce:
            out.duplicates += 1
            self.dedup.remember_skip(verdict)
            ITEMS.labels(feed.outlet, verdict.outcome).inc()
            return None
        article = self._article(c, cand, verdict, language)
        if article is None:
            out.invalid += 1
            ITEMS.labels(feed.outlet, "invalid").inc()
            return None
        try:
            self._produce(article)
        except Exception as err:
            # Kafka trouble is not the feed's fault: no backoff, no validators stored, the
            # unacknowledged entries are retried on the next poll.
            log.error("feed %s: produce failed: %s", feed.url, err)
            return self._fail(c, out, KIND_KAFKA, f"produce failed: {err!r}", None, feed_fault=False)
        self.dedup.record(verdict, outlet=cand.outlet)
        out.article_ids.append(article.id)
        if verdict.outcome == "syndicated":
            out.syndicated += 1
        else:
            out.new += 1
        ITEMS.labels(feed.outlet, verdict.outcome).inc()
        return None

    def _produce(self, article: Article) -> None:
        """Send the article and wait for Kafka's acknowledgement (raises if it does not come)."""
        self.producer.send(
            self.settings.topic_articles,
            key=article.id.encode("utf-8"),
            value=encode(article),
        ).get(timeout=self.options.produce_timeout)

    def _succeeded(self, c: _Collected, out: FeedRunResult) -> FeedRunResult:
        """Every entry was handled: store the validators (unless some were deferred), the counts
        and the next poll; update the metrics and the log."""
        feed = c.feed
        now = c.fetched_at.timestamp()
        assert c.result is not None
        if not c.deferred:
            self.state.set_validators(c.fk, c.result.etag, c.result.last_modified)
        out.warnings = list(c.warnings)
        self.state.record_success(
            c.fk,
            now=now,
            result="ok",
            next_poll=now + success_delay(feed.poll_seconds, self.rng),
            counts={
                "items_new": out.new,
                "items_syndicated": out.syndicated,
                "items_duplicate": out.duplicates,
                "items_invalid": out.invalid,
                "items_deferred": out.deferred,
            },
            warnings=c.warnings,
        )
        FETCHES.labels(feed.outlet, "ok").inc()
        LAST_SUCCESS.labels(feed.url).set(now)
        CONSECUTIVE_ERRORS.labels(feed.url).set(0)
        NEXT_POLL.labels(feed.url).set(self.state.next_poll(c.fk) or now)
        self._log_poll(feed, out, c.warnings)
        return out

    @staticmethod
    def _log_poll(feed: FeedConfig, out: FeedRunResult, warnings: list[tuple[str, str]]) -> None:
        for kind, message in warnings:
            log.warning("feed %s: %s: %s", feed.url, kind, message)
        log.info(
            "feed %s: %d new, %d syndicated, %d duplicate, %d deferred",
            feed.url,
            out.new,
            out.syndicated,
            out.duplicates,
            out.deferred,
        )

    def _fail(
        self,
        c: _Collected,
        out: FeedRunResult,
        kind: str,
        message: str,
        retry_after: float | None,
        *,
        feed_fault: bool = True,
    ) -> FeedRunResult:
        feed = c.feed
        now = c.fetched_at.timestamp()
        previous = self.state.consecutive_errors(c.fk)
        if feed_fault:
            consecutive = previous + 1
            delay = error_delay(
                feed.poll_seconds,
                consecutive,
                max_backoff=self.options.max_backoff_seconds,
                rng=self.rng,
                retry_after=retry_after,
            )
        else:
            consecutive = previous
            delay = min(float(feed.poll_seconds), 30.0)
        self.state.record_failure(
            c.fk,
            now=now,
            kind=kind,
            message=message,
            next_poll=now + delay,
            backoff_seconds=delay,
            consecutive_errors=consecutive,
            counts={"items_new": out.new, "items_syndicated": out.syndicated},
        )
        FETCHES.labels(feed.outlet, "error").inc()
        CONSECUTIVE_ERRORS.labels(feed.url).set(consecutive)
        NEXT_POLL.labels(feed.url).set(now + delay)
        log.warning("feed %s: %s: %s (next try in %.0fs)", feed.url, kind, message, delay)
        out.result = "error"
        out.error_kind = kind
        out.error = message
        return out

    def _article(
        self, c: _Collected, cand: _Candidate, verdict: Verdict, language: str | None
    ) -> Article | None:
        link = cand.url
        url = clean_url(link) if link else None
        fields: dict[str, Any] = {
            "id": verdict.article_id,
            "url": url if url is None or len(url) <= 2000 else None,
            "outlet": cand.outlet,
            "language": language,
            "title": cand.title[:1000] if cand.title else None,
            "body": cand.body,
            "published_at": cand.published_at,
            "fetched_at": c.fetched_at,
            "feed": c.feed.url,
            "content_hash": verdict.content_hash,
            "syndicated_from": verdict.syndicated_from,
        }
        try:
            return Article(**fields)
        except ValidationError as err:
            log.warning("feed %s: entry %s rejected: %s", c.feed.url, link, err)
            c.warnings.append(("invalid_entry", f"{link}: {err.error_count()} validation errors"))
            return None


def start_background(
    settings: Settings, stop_event: threading.Event, feeds: FeedsFile | None = None
) -> threading.Thread:
    """Run the ingester in a daemon thread (for a worker started with ingestion enabled)."""

    def _run() -> None:
        try:
            with FeedIngestor(settings, feeds) as ingestor:
                ingestor.run_forever(stop_event)
        except Exception:
            log.exception("feeds ingest thread stopped")

    thread = threading.Thread(target=_run, name="claimwatch-feeds", daemon=True)
    thread.start()
    return thread
