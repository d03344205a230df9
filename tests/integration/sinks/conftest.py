"""A local HTTP receiver for apprise's json:// notifications, and isolated settings."""

from __future__ import annotations

import contextlib
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import orjson
import pytest
import redis

from streams.kafka_io import delete_topics, ensure_topics
from streams.settings import Settings, free_port, isolated_settings


@dataclass
class Received:
    at: float
    path: str
    payload: dict[str, Any]


@dataclass
class Receiver:
    """Records every POST; answers `fail_first` requests with 503, then 200."""

    port: int
    fail_first: int = 0
    always_fail: bool = False
    got: list[Received] = field(default_factory=list)
    refused: list[float] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"json://127.0.0.1:{self.port}/hook"

    def start(self) -> Receiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0") or 0))
                now = time.monotonic()
                if receiver.always_fail or len(receiver.refused) < receiver.fail_first:
                    receiver.refused.append(now)
                    self.send_response(503)
                    self.end_headers()
                    return
                receiver.got.append(Received(now, self.path, orjson.loads(body)))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def alert_ids(self) -> list[str]:
        """Ids of the alerts delivered (sinks with `body: json` send the alert as the message)."""
        return [str(orjson.loads(r.payload["message"])["id"]) for r in self.got]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver(free_port())
    yield r
    r.stop()


@pytest.fixture
def push_settings(services_env: dict[str, str]) -> Iterator[Settings]:
    run = f"push{uuid.uuid4().hex[:8]}"
    base = Settings(
        kafka_bootstrap=services_env["CW_KAFKA_BOOTSTRAP"], redis_url=services_env["CW_REDIS_URL"]
    )
    settings = isolated_settings(
        base, name=run, redis_prefix=f"test:{run}", data_dir=Path(f"/tmp/claimwatch-tests/{run}")
    )
    ensure_topics(settings)
    yield settings
    with contextlib.suppress(Exception):
        delete_topics(settings)
    r = redis.Redis.from_url(settings.redis_url)
    for key in r.scan_iter(match=f"{settings.redis_prefix}:*", count=1000):
        r.delete(key)
