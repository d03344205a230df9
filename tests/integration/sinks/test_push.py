"""Push sinks against a local HTTP receiver, the real Kafka broker and Redis (and, for the
"never in the worker's way" test, the real worker)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import orjson
import pytest
import redis
import yaml

from schemas import Alert
from streams.kafka_io import make_producer
from streams.pipeline import encode_alert
from streams.replay import load_articles, replay
from streams.settings import Settings
from streams.sinks.config import PushOptions, SinkConfig
from streams.sinks.runner import RunStats, SinkRunner
from streams.sinks.state import SinkState
from tests.integration.conftest import ROOT, drain, settings_env
from tests.integration.sinks.conftest import Receiver
from tests.unit.test_storyline import replay_pure

pytestmark = pytest.mark.integration

FAST = PushOptions(first_backoff_s=0.2, max_backoff_s=1.0, timeout_s=2)


def _produce(settings: Settings, alerts: list[Alert]) -> None:
    producer = make_producer(settings)
    try:
        for a in alerts:
            key, value = encode_alert(a)
            producer.send(settings.topic_alerts, key=key, value=value)
        producer.flush(30)
    finally:
        producer.close()


def _sink(receiver: Receiver, **fields: object) -> SinkConfig:
    return SinkConfig.model_validate(
        {"name": "desk", "urls": [receiver.url], "body": "json", "from_beginning": True, **fields}
    )


def _run(settings: Settings, sink: SinkConfig, options: PushOptions = FAST) -> RunStats:
    return SinkRunner(settings, sink, options).run(threading.Event(), until_idle_s=1.0)


def test_each_alert_reaches_a_sink_once_across_restarts_and_redeliveries(
    push_settings: Settings, receiver: Receiver
) -> None:
    alerts = replay_pure()[0]
    _produce(push_settings, alerts)
    receiver.start()
    sink = _sink(receiver)

    first = _run(push_settings, sink)
    assert first.delivered == len(alerts)
    assert sorted(receiver.alert_ids()) == sorted(a.id for a in alerts)
    titles = [r.payload["title"] for r in receiver.got]
    assert all(t.startswith("[") for t in titles)

    # A restart of the same sink: its group's offsets say everything was handled.
    assert _run(push_settings, sink).delivered == 0
    # Offsets lost (another consumer group, same sink name): Redis remembers the ids.
    lost = push_settings.model_copy(update={"app_id": push_settings.app_id + "-other"})
    again = _run(lost, sink)
    assert again.delivered == 0 and again.repeats == len(alerts)
    # The worker republishing the same alerts (at-least-once, same ids): nothing sent twice.
    _produce(push_settings, alerts)
    replayed = _run(push_settings, sink)
    assert replayed.delivered == 0 and replayed.repeats == len(alerts)

    assert len(receiver.got) == len(alerts)
    state = SinkState(redis.Redis.from_url(push_settings.redis_url), push_settings.redis_prefix, "desk")
    assert state.status()["delivered_ids"] == len(alerts)


def test_a_sink_gets_only_the_kinds_and_parties_it_asked_for(
    push_settings: Settings, receiver: Receiver
) -> None:
    alerts = replay_pure()[0]
    _produce(push_settings, alerts)
    receiver.start()
    sink = _sink(receiver, name="russia-turns", kinds=["STANCE_REVERSAL", "CONTRADICTED"], parties=["russia"])

    stats = _run(push_settings, sink)

    expected = {
        a.id for a in alerts if a.kind in ("STANCE_REVERSAL", "CONTRADICTED") and "russia" in a.parties
    }
    assert expected and set(receiver.alert_ids()) == expected
    assert stats.filtered == len(alerts) - len(expected)


def test_receiver_errors_are_retried_with_growing_waits_then_parked(
    push_settings: Settings, receiver: Receiver
) -> None:
    alerts = replay_pure()[0][:3]
    _produce(push_settings, alerts)
    receiver.fail_first = 4
    receiver.start()

    stats = _run(push_settings, _sink(receiver))

    assert stats.delivered == 3 and stats.failed_attempts == 4
    gaps = [b - a for a, b in zip(receiver.refused, receiver.refused[1:], strict=False)]
    assert gaps == sorted(gaps) and gaps[0] >= 0.15 and gaps[-1] >= 0.7  # 0.2, 0.4, 0.8 s
    assert sorted(receiver.alert_ids()) == sorted(a.id for a in alerts)  # each once

    # A receiver that always fails: with max_attempts the alert is parked and the sink moves on.
    receiver.always_fail = True
    more = replay_pure()[0][3:5]
    _produce(push_settings, more)
    parked = _run(
        push_settings, _sink(receiver), PushOptions(first_backoff_s=0.1, max_backoff_s=0.2, max_attempts=2)
    )
    assert parked.parked == 2 and parked.delivered == 0
    state = SinkState(redis.Redis.from_url(push_settings.redis_url), push_settings.redis_prefix, "desk")
    assert set(state.parked()) == {a.id for a in more}
    assert int(state.status()["failed_attempts"]) == 4 + 2 * 2  # every failed attempt is counted


def test_the_cli_runs_sinks_and_reports_their_status(
    push_settings: Settings, receiver: Receiver, tmp_path: Path
) -> None:
    alerts = replay_pure()[0]
    _produce(push_settings, alerts)
    receiver.start()
    sinks = tmp_path / "sinks.yaml"
    sinks.write_text(
        yaml.safe_dump(
            {
                "options": {"first_backoff_s": 0.2, "max_backoff_s": 1},
                "sinks": [
                    {"name": "all", "urls": [receiver.url], "from_beginning": True},
                    {"name": "off", "urls": [receiver.url], "enabled": False},
                ],
            }
        )
    )
    env = settings_env(push_settings)

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "streams.cli", "push", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    run = cli("run", "--once", "--idle", "1", "-f", str(sinks))
    assert run.returncode == 0, run.stderr
    assert f"all: {len(alerts)} delivered" in run.stdout
    assert len(receiver.got) == len(alerts)
    body = receiver.got[0].payload["message"]
    assert "Source:" in body and "Story: http://127.0.0.1:8765/story/" in body

    status = cli("status", "--json", "-f", str(sinks))
    rows = {r["sink"]: r for r in orjson.loads(status.stdout)}
    assert rows["all"]["delivered_ids"] == len(alerts) and rows["off"]["delivered_ids"] == 0

    assert cli("test", "all", "-f", str(sinks)).returncode == 0
    assert receiver.got[-1].payload["title"].endswith("test")
    bad = cli("run", "--once", "-f", str(tmp_path / "missing.yaml"))
    assert bad.returncode == 2 and "cannot read sinks file" in bad.stderr


def test_a_receiver_that_is_down_never_holds_up_the_worker(
    running_worker: Settings, receiver: Receiver
) -> None:
    settings = running_worker
    stop = threading.Event()
    sink = _sink(receiver, name="late")
    runner = SinkRunner(settings, sink, FAST)
    thread = threading.Thread(target=runner.run, args=(stop,), daemon=True)
    thread.start()
    try:
        replay(load_articles(ROOT / "seeds"), settings)
        # The receiver is down: the worker publishes every alert all the same.
        published = drain(settings, settings.topic_alerts, idle_s=6, expect_at_least=7)
        ids = {orjson.loads(m["value"])["id"] for m in published}
        assert len(ids) >= 7
        assert runner.stats.delivered == 0 and runner.stats.failed_attempts >= 2
        # The receiver comes back: everything arrives, once.
        receiver.start()
        deadline = time.monotonic() + 60
        while len(receiver.got) < len(ids) and time.monotonic() < deadline:
            time.sleep(0.3)
        time.sleep(1.5)
        assert sorted(receiver.alert_ids()) == sorted(ids)
    finally:
        stop.set()
        thread.join(30)
