"""One replay through a real supervised worker on the private stack, with an optional fault, and
what it left behind: the stance state (every key under the run's prefix) and the alerts topic."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import redis

from schemas import Article
from streams.kafka_io import encode, ensure_topics, make_producer
from streams.logs import read_to_end
from streams.settings import Settings, isolated_settings
from tests.faults.stack import ROOT, Stack

VOLATILE = (":offset:", ":outbox:")  # positions and the outbox differ by topic name and timing


@dataclass
class Outcome:
    state: dict[str, Any]
    alerts: dict[str, bytes]  # alert id -> JSON (the last copy read)
    copies: Counter[str]  # alert id -> how many times it is on the topic
    notes: dict[str, float] = field(default_factory=dict)

    @property
    def duplicates(self) -> int:
        return sum(n - 1 for n in self.copies.values())


def settings_for(stack: Stack, tag: str, tmp: Path, **overrides: Any) -> Settings:
    run = f"f{tag}{uuid.uuid4().hex[:6]}"
    base = Settings(kafka_bootstrap=stack.bootstrap, redis_url=stack.redis_url, redis_password_file=None)
    return isolated_settings(
        base, name=run, redis_prefix=f"fault:{run}", data_dir=tmp / run, app_id=f"cw-{run}", **overrides
    )


def env_of(settings: Settings, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {f"CW_{k.upper()}": str(v) for k, v in settings.model_dump().items() if v is not None}
    return {**os.environ, **env, **(extra or {})}


class SupervisedWorker:
    def __init__(self, settings: Settings, log_path: Path, extra_env: dict[str, str] | None = None) -> None:
        self.settings, self.log_path = settings, log_path
        self._log = log_path.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streams.cli", "worker", "--loglevel", "info"],
            cwd=ROOT,
            env=env_of(settings, extra_env),
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace")

    def starts(self) -> int:
        """Worker processes that reached readiness (the line each prints once)."""
        return len(re.findall(r"claimwatch worker ready[ \t]*$", self.log_text(), flags=re.MULTILINE))

    def wait_ready(self, timeout: float = 120, count: int = 1) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.starts() >= count:
                return
            assert self.proc.poll() is None, "worker exited:\n" + self.log_text()[-3000:]
            time.sleep(0.2)
        raise AssertionError("worker not ready:\n" + self.log_text()[-3000:])

    def child_pid(self) -> int:
        out = subprocess.run(["pgrep", "-P", str(self.proc.pid)], capture_output=True, text=True).stdout
        return int(out.split()[0])

    def kill_child(self) -> None:
        os.kill(self.child_pid(), signal.SIGKILL)

    def health(self) -> tuple[int, dict[str, Any]]:
        url = f"http://127.0.0.1:{self.settings.worker_web_port}/health"
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                return resp.status, orjson.loads(resp.read())
        except urllib.error.HTTPError as err:
            return err.code, orjson.loads(err.read())

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self._log.close()


def produce(settings: Settings, articles: list[Article]) -> None:
    producer = make_producer(settings)
    try:
        for a in articles:
            producer.send(settings.topic_articles, key=a.id.encode(), value=encode(a))
        producer.flush(timeout=60)
    finally:
        producer.close(timeout=10)


def client_of(settings: Settings) -> redis.Redis:
    return redis.Redis.from_url(settings.redis_url, socket_timeout=5, socket_connect_timeout=2)


def applied(settings: Settings, expected: set[str]) -> int:
    try:
        r = client_of(settings)
        flags = r.smismember(f"{settings.redis_prefix}:claims:seen", sorted(expected))
        return sum(bool(f) for f in flags)
    except redis.exceptions.RedisError:
        return -1


def wait_for(condition: Callable[[], bool], timeout: float, what: str, log: Callable[[], str]) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if condition():
            return time.monotonic() - start
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}; worker log tail:\n{log()[-4000:]}")


def articles_marked(settings: Settings, n: int) -> bool:
    try:
        return int(client_of(settings).hlen(f"{settings.redis_prefix}:articles:seen")) == n
    except redis.exceptions.RedisError:
        return False


def outbox_empty(settings: Settings) -> bool:
    try:
        r = client_of(settings)
        return all(r.llen(k) == 0 for k in r.scan_iter(match=f"{settings.redis_prefix}:outbox:*"))
    except redis.exceptions.RedisError:
        return False


def dump_state(settings: Settings) -> dict[str, Any]:
    r = client_of(settings)
    prefix = f"{settings.redis_prefix}:"
    out: dict[str, Any] = {}
    for raw in r.scan_iter(match=f"{prefix}*", count=2000):
        key = raw.decode()
        if any(v in key for v in VOLATILE):
            continue
        kind = r.type(raw).decode()
        name = key[len(prefix) :]
        if kind == "hash":
            out[name] = {k.decode(): v.decode() for k, v in r.hgetall(raw).items()}
        elif kind == "set":
            out[name] = sorted(m.decode() for m in r.smembers(raw))
        elif kind == "list":
            out[name] = [x.decode() for x in r.lrange(raw, 0, -1)]
        else:
            out[name] = (r.get(raw) or b"").decode()
    return out


def read_alerts(settings: Settings) -> tuple[dict[str, bytes], Counter[str]]:
    """Every alert on the topic (the outbox is empty by then): the last copy of each id, and how
    many copies each id has."""
    alerts: dict[str, bytes] = {}
    copies: Counter[str] = Counter()
    for msg in read_to_end(settings, settings.topic_alerts):
        alert_id = orjson.loads(msg.value)["id"]
        alerts[alert_id] = msg.value
        copies[alert_id] += 1
    return alerts, copies


def replay_with_fault(
    stack: Stack,
    settings: Settings,
    articles: list[Article],
    expected: set[str],
    log_path: Path,
    fault: Callable[[SupervisedWorker], dict[str, float]] | None = None,
    extra_env: dict[str, str] | None = None,
    fault_at: float = 0.35,
) -> Outcome:
    """Produce every article, let the worker process them, inject `fault` once `fault_at` of the
    claims are applied, wait until every claim is applied and the outbox is empty."""
    ensure_topics(settings)
    worker = SupervisedWorker(settings, log_path, extra_env)
    notes: dict[str, float] = {}
    try:
        worker.wait_ready()
        started = time.monotonic()
        produce(settings, articles)
        if fault is not None:
            wait_for(
                lambda: applied(settings, expected) >= fault_at * len(expected),
                240,
                "the fault point",
                worker.log_text,
            )
            notes.update(fault(worker))
        wait_for(
            lambda: applied(settings, expected) == len(expected), 420, "every claim applied", worker.log_text
        )
        wait_for(lambda: outbox_empty(settings), 120, "the outbox to drain", worker.log_text)
        wait_for(
            lambda: articles_marked(settings, len(articles)), 120, "every article marked", worker.log_text
        )
        notes["seconds"] = time.monotonic() - started
        alerts, copies = read_alerts(settings)
        return Outcome(dump_state(settings), alerts, copies, notes)
    finally:
        worker.stop()
