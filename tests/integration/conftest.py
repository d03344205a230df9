"""A real Faust worker on unique topics and a unique Redis prefix, per test module."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from kafka import KafkaConsumer

from streams.kafka_io import delete_topics, ensure_topics
from streams.settings import Settings, isolated_settings
from streams.subprocs import stop_process

ROOT = Path(__file__).resolve().parents[2]


def make_settings(services_env: dict[str, str], tag: str) -> Settings:
    run = f"t{uuid.uuid4().hex[:8]}"
    base = Settings(
        kafka_bootstrap=services_env["CW_KAFKA_BOOTSTRAP"], redis_url=services_env["CW_REDIS_URL"]
    )
    return isolated_settings(
        base,
        name=run,
        redis_prefix=f"test:{run}",
        data_dir=Path(f"/tmp/claimwatch-tests/{run}"),
        app_id=f"claimwatch-{tag}-{run}",
    )


def settings_env(settings: Settings) -> dict[str, str]:
    env = {f"CW_{k.upper()}": str(v) for k, v in settings.model_dump().items() if v is not None}
    return {**os.environ, **env}


class Worker:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.lines: list[str] = []
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streams.cli", "worker", "--loglevel", "info"],
            cwd=ROOT,
            env=settings_env(settings),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            bufsize=1,
        )
        self._ready = threading.Event()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)
            if "claimwatch worker ready" in line:
                self._ready.set()

    def wait_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while not self._ready.wait(0.5) and time.monotonic() < deadline and self.alive():
            pass
        if not self._ready.is_set():
            self.stop()
            pytest.fail("worker not ready in time; log tail:\n" + "".join(self.lines[-40:]))

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> None:
        stop_process(self.proc)


@pytest.fixture(scope="module")
def running_worker(services_env: dict[str, str]) -> Iterator[Settings]:
    settings = make_settings(services_env, "it")
    ensure_topics(settings)
    worker = Worker(settings)
    worker.wait_ready()
    settings.__dict__["_worker"] = worker  # tests may check it is still alive
    try:
        yield settings
    finally:
        worker.stop()
        # Shown by pytest only when a test of this module failed.
        print("---- worker log tail ----\n" + "".join(worker.lines[-80:]))
        delete_topics(settings)
        import redis

        r = redis.Redis.from_url(settings.redis_url)
        for key in r.scan_iter(match=f"{settings.redis_prefix}:*", count=1000):
            r.delete(key)


def drain(
    settings: Settings,
    topic: str,
    *,
    idle_s: float = 8.0,
    max_s: float = 120.0,
    expect_at_least: int = 0,
) -> list[dict]:
    """Read a topic from the beginning until no message arrived for idle_s (after the minimum)."""
    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=settings.kafka_bootstrap,
        group_id=None,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=500,
    )
    out: list[dict] = []
    start = last = time.monotonic()
    try:
        while time.monotonic() - start < max_s:
            got = False
            for msg in consumer:
                out.append({"key": msg.key, "value": msg.value, "topic": msg.topic})
                got = True
            now = time.monotonic()
            if got:
                last = now
            elif len(out) >= expect_at_least and now - last >= idle_s:
                break
    finally:
        consumer.close()
    return out


def alerts_of(messages: list[dict]) -> list[dict]:
    return [orjson.loads(m["value"]) for m in messages]
