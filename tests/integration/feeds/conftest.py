"""Fixtures for feed ingestion tests: a local HTTP server with misbehaving routes, a unique Kafka
topic and Redis prefix per test, and helpers to read the topic back.

Kafka and Redis are the real services named by CW_KAFKA_BOOTSTRAP / CW_REDIS_URL (read through
get_settings()). Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import orjson
import pytest
import yaml
from kafka import KafkaConsumer, TopicPartition

from streams.feeds.config import FeedsFile, parse_feeds_yaml
from streams.feeds.ingest import FeedIngestor
from streams.feeds.state import FeedState, connect_redis
from streams.kafka_io import ServiceUnavailable, delete_topics, ensure_topics
from streams.settings import Settings, get_settings

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "feeds"

CONTENT_TYPES = {
    ".xml": "application/rss+xml; charset=utf-8",  # latin1.xml is deliberately mislabeled too
    ".html": "text/html; charset=utf-8",
}
ATOM_TYPE = "application/atom+xml; charset=utf-8"


class FeedServer:
    """Serves tests/fixtures/feeds with {{BASE}} replaced by the server's own base URL.

    Routes (besides plain files):
      /etag/<file>             ETag + Last-Modified; 304 when the client sends them back
      /redirect/<n>/<path>     a chain of n 302 redirects ending at /<path>
      /goto/<absolute url>     one 302 to any URL (another host, another scheme)
      /slow/<seconds>/<path>   waits before sending anything
      /drip/<path>             sends headers, then one byte every 0.2 s
      /big/<bytes>             an endless-looking RSS body of <bytes> bytes, no Content-Length
      /big-cl/<bytes>          the same with an honest (too large) Content-Length
      /gzip-bomb/<bytes>       a small gzip body that inflates to <bytes>
      /status/<code>           that status (429 carries Retry-After: 120)
      /set/<path>              contents registered with `serve()` (lets a test change a feed)
    """

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.overrides: dict[str, bytes] = {}
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                with server._lock:
                    server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                # The client giving up (timeouts, size caps) is the point of some routes.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    server.route(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return f"{self.base}/{path.lstrip('/')}"

    def serve(self, path: str, fixture: str) -> None:
        """Make /set/<path> serve the given fixture file (templated) from now on."""
        self.overrides[path.lstrip("/")] = self.template(fixture)

    def hits(self, prefix: str) -> list[tuple[str, dict[str, str]]]:
        with self._lock:
            return [r for r in self.requests if r[0].startswith(prefix)]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    # ------------------------------------------------------------------ routing
    def template(self, name: str) -> bytes:
        return (FIXTURES / name).read_bytes().replace(b"{{BASE}}", self.base.encode())

    def route(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path.split("?", 1)[0].lstrip("/")
        head, _, rest = path.partition("/")
        if head == "etag":
            body = self.template(rest)
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            last_modified = "Mon, 04 Nov 2024 10:00:00 GMT"
            if h.headers.get("If-None-Match") == etag:
                self.send(h, 304, b"", extra={"ETag": etag, "Last-Modified": last_modified})
            else:
                self.send(h, 200, body, self._type(rest), {"ETag": etag, "Last-Modified": last_modified})
        elif head == "redirect":
            hops, _, target = rest.partition("/")
            n = int(hops)
            location = f"/redirect/{n - 1}/{target}" if n > 0 else f"/{target}"
            self.send(h, 302, b"", extra={"Location": location})
        elif head == "goto":  # /goto/<absolute URL>: one redirect anywhere
            self.send(h, 302, b"", extra={"Location": h.path.split("/goto/", 1)[1]})
        elif head == "slow":
            seconds, _, target = rest.partition("/")
            time.sleep(float(seconds))
            self.serve_file(h, target)
        elif head == "drip":
            body = self.template(rest)
            h.send_response(200)
            h.send_header("Content-Type", self._type(rest))
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            for i in range(min(len(body), 60)):  # ~12 s at most, far beyond any test timeout
                h.wfile.write(body[i : i + 1])
                h.wfile.flush()
                time.sleep(0.2)
        elif head in ("big", "big-cl"):
            size = int(rest)
            h.send_response(200)
            h.send_header("Content-Type", "application/rss+xml")
            if head == "big-cl":
                h.send_header("Content-Length", str(size))
            h.send_header("Connection", "close")
            h.end_headers()
            chunk = b"<item><title>filler</title><description>" + b"x" * 4000
            chunk += b"</description></item>"
            h.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel>')
            sent = 0
            while sent < size:
                h.wfile.write(chunk)
                sent += len(chunk)
        elif head == "gzip-bomb":
            raw = b'<?xml version="1.0"?><rss version="2.0"><channel>' + b" " * int(rest)
            self.send(h, 200, gzip.compress(raw), "application/rss+xml", {"Content-Encoding": "gzip"})
        elif head == "status":
            code = int(rest)
            extra = {"Retry-After": "120"} if code == 429 else {}
            self.send(h, code, b"nope", "text/plain", extra)
        elif head == "set":
            override = self.overrides.get(rest)
            if override is None:
                self.send(h, 404, b"not found", "text/plain")
            else:
                self.send(h, 200, override, self._type(rest))
        else:
            self.serve_file(h, path)

    def serve_file(self, h: BaseHTTPRequestHandler, path: str) -> None:
        file = (FIXTURES / path).resolve()
        if FIXTURES not in file.parents or not file.is_file():
            self.send(h, 404, b"<html><body>Not found</body></html>", "text/html")
            return
        self.send(h, 200, self.template(path), self._type(path))

    @staticmethod
    def _type(path: str) -> str:
        if path.endswith("atom.xml"):
            return ATOM_TYPE
        return CONTENT_TYPES.get(Path(path).suffix, "application/octet-stream")

    @staticmethod
    def send(
        h: BaseHTTPRequestHandler,
        code: int,
        body: bytes,
        content_type: str | None = None,
        extra: dict[str, str] | None = None,
    ) -> None:
        h.send_response(code)
        if content_type:
            h.send_header("Content-Type", content_type)
        for key, value in (extra or {}).items():
            h.send_header(key, value)
        if code != 304:
            h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if body and code != 304:
            h.wfile.write(body)


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer()
    yield server
    server.close()


# Short limits so that slow/oversized cases fail fast; the whole folder should run in < 60 s.
TEST_OPTIONS: dict[str, Any] = {
    "connect_timeout": 1.0,
    "read_timeout": 1.0,
    "total_timeout": 2.5,
    "max_bytes": 200_000,
    "max_page_bytes": 200_000,
    "max_redirects": 3,
    "min_body_chars": 200,
    "max_backoff_seconds": 3600,
    "concurrency": 6,
    "produce_timeout": 10.0,
}


def feeds_config(feeds: list[dict[str, Any]], **options: Any) -> FeedsFile:
    """A FeedsFile for the local server: every feed allow-listed unless it says otherwise."""
    entries = [{"allow_private": True, "poll_seconds": 60, **f} for f in feeds]
    # Round-trip through YAML so tests exercise the same loader users do.
    text = yaml.safe_dump({"options": {**TEST_OPTIONS, **options}, "feeds": entries})
    return parse_feeds_yaml(text)


@pytest.fixture
def feed_settings() -> Iterator[Settings]:
    """Settings with a unique articles topic and Redis prefix; both removed afterwards."""
    uid = uuid.uuid4().hex[:12]
    settings = get_settings().model_copy(
        update={
            "topic_articles": f"test.feeds.articles.{uid}",
            "redis_prefix": f"test-feeds-{uid}",
            "topic_partitions": 1,  # one partition: topic order == produce order
        }
    )
    try:
        ensure_topics(settings, [settings.topic_articles])
        client = connect_redis(settings)
    except ServiceUnavailable as err:
        pytest.fail(f"integration services missing: {err}")
    yield settings
    FeedState(client, settings.redis_prefix).purge()
    client.close()
    # Best effort: a leftover, uniquely named test topic harms nothing.
    with contextlib.suppress(Exception):
        delete_topics(settings, [settings.topic_articles])


@pytest.fixture
def make_ingestor(feed_settings: Settings) -> Iterator[Callable[..., FeedIngestor]]:
    made: list[FeedIngestor] = []

    def _make(config: FeedsFile, settings: Settings | None = None, **kwargs: Any) -> FeedIngestor:
        ingestor = FeedIngestor(settings or feed_settings, config, **kwargs)
        made.append(ingestor)
        return ingestor

    yield _make
    for ingestor in made:
        ingestor.close()


def read_topic(settings: Settings, topic: str, *, timeout: float = 20.0) -> list[dict[str, Any]]:
    """Every message currently on `topic`, from the beginning, decoded as JSON."""
    consumer = KafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap,
        enable_auto_commit=False,
        group_id=None,
        consumer_timeout_ms=1000,
    )
    try:
        deadline = time.monotonic() + timeout
        partitions: set[int] | None = None
        while not partitions and time.monotonic() < deadline:
            partitions = consumer.partitions_for_topic(topic)
            if not partitions:
                time.sleep(0.2)
        if not partitions:
            return []
        tps = [TopicPartition(topic, p) for p in sorted(partitions)]
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        end = consumer.end_offsets(tps)
        out: list[dict[str, Any]] = []
        while any(consumer.position(tp) < end[tp] for tp in tps):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out reading {topic}")
            for records in consumer.poll(timeout_ms=500).values():
                out.extend(orjson.loads(r.value) for r in records)
        return out
    finally:
        consumer.close()


def topic_size(settings: Settings, topic: str) -> int:
    consumer = KafkaConsumer(bootstrap_servers=settings.kafka_bootstrap, group_id=None)
    try:
        partitions = consumer.partitions_for_topic(topic) or set()
        tps = [TopicPartition(topic, p) for p in partitions]
        return sum(consumer.end_offsets(tps).values()) if tps else 0
    finally:
        consumer.close()


@dataclass
class FeedsKit:
    """Helpers bound to this test's settings (conftest helpers are not importable by name)."""

    settings: Settings
    server: FeedServer

    def config(self, feeds: list[dict[str, Any]], **options: Any) -> FeedsFile:
        return feeds_config(feeds, **options)

    def articles(self) -> list[dict[str, Any]]:
        return read_topic(self.settings, self.settings.topic_articles)

    def size(self) -> int:
        return topic_size(self.settings, self.settings.topic_articles)

    def state(self) -> FeedState:
        return FeedState(connect_redis(self.settings), self.settings.redis_prefix)


@pytest.fixture
def feeds_kit(feed_settings: Settings, feed_server: FeedServer) -> FeedsKit:
    return FeedsKit(feed_settings, feed_server)


@pytest.fixture
def feeds_config_factory() -> Callable[..., FeedsFile]:
    """feeds_config() for tests that bring their own Settings (e.g. the worker end-to-end)."""
    return feeds_config
