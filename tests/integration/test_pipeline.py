"""End to end on the real broker and Redis: seeds in, alerts out; bad input to the DLQ; replays."""

from __future__ import annotations

import base64
import time
import urllib.request

import orjson
import pytest
import redis

from schemas import Alert, DeadLetter
from streams.core.extract import extract
from streams.kafka_io import make_producer
from streams.replay import load_articles, replay
from streams.settings import Settings
from tests.integration.conftest import ROOT, drain
from tests.storyline import storyline_failures

pytestmark = pytest.mark.integration


def _alerts(settings: Settings, **kw: float) -> list[Alert]:
    msgs = drain(settings, settings.topic_alerts, **kw)
    return [Alert.model_validate(orjson.loads(m["value"])) for m in msgs]


def _scrape(settings: Settings) -> str:
    url = f"http://127.0.0.1:{settings.worker_web_port}/metrics"
    with urllib.request.urlopen(url, timeout=10) as resp:
        return str(resp.read().decode())


def _alerts_counted(settings: Settings) -> int:
    """Alerts the worker says it published (its Prometheus counter), summed over kinds."""
    total = 0.0
    for line in _scrape(settings).splitlines():
        if line.startswith("claimwatch_alerts_total{"):
            total += float(line.rsplit(" ", 1)[1])
    return int(total)


def _wait_until_applied(
    settings: Settings, r: redis.Redis, expected: set[str], timeout_s: float = 150
) -> None:
    """Wait until Redis holds every claim id the extractor yields for the replayed articles: a
    load-independent end condition (no guessing from idle time or from what is in flight)."""
    deadline = time.monotonic() + timeout_s
    key = f"{settings.redis_prefix}:claims:seen"
    missing = expected
    while time.monotonic() < deadline:
        flags = r.smismember(key, sorted(expected))
        missing = {cid for cid, ok in zip(sorted(expected), flags, strict=True) if not ok}
        if not missing:
            return
        time.sleep(0.5)
    raise AssertionError(f"the worker did not apply {len(missing)} claim(s) in time")


def test_seed_replay_produces_the_storyline_and_a_second_replay_adds_nothing(
    running_worker: Settings,
) -> None:
    settings = running_worker
    articles = load_articles(ROOT / "seeds")
    assert replay(articles, settings) == 5
    r = redis.Redis.from_url(settings.redis_url)
    expected = {c.id for a in articles for c in extract(a).claims}
    assert expected
    _wait_until_applied(settings, r, expected)
    # Every alert the worker counted must reach the topic. It counts and sends just after its
    # Redis write, so read until the topic and the counter agree.
    alerts: list[Alert] = []
    for _ in range(5):
        published = _alerts_counted(settings)
        alerts = _alerts(settings, expect_at_least=max(published, 7), idle_s=2, max_s=90)
        if len(alerts) == _alerts_counted(settings):
            break
    assert len(alerts) == _alerts_counted(settings)
    assert storyline_failures(alerts) == []
    claims_seen = r.scard(f"{settings.redis_prefix}:claims:seen")
    assert claims_seen == len(expected)

    replay(articles, settings)
    again = _alerts(settings, idle_s=10, max_s=60)
    assert sorted(a.id for a in again) == sorted(a.id for a in alerts)  # nothing new on the topic
    assert r.scard(f"{settings.redis_prefix}:claims:seen") == claims_seen
    assert settings.__dict__["_worker"].alive()
    # The worker's Prometheus endpoint counts what it did.
    scraped = _scrape(settings)
    assert 'claimwatch_alerts_total{kind="CONFIRMED"}' in scraped
    assert 'claimwatch_articles_total{outcome="repeat"} 5.0' in scraped  # the second replay


def test_bad_messages_go_to_the_dead_letter_topic_and_the_worker_keeps_going(
    running_worker: Settings,
) -> None:
    settings = running_worker
    producer = make_producer(settings)
    bad = {
        b"not-json": b"{this is not json",
        b"bad-schema": orjson.dumps({"id": "x", "body": "no outlet, no date"}),
        b"oversized": orjson.dumps(
            {
                "id": "big",
                "outlet": "o",
                "published_at": "2024-10-25T00:00:00+00:00",
                "body": "x" * (settings.max_message_bytes + 10),
            }
        ),
    }
    for key, value in bad.items():
        producer.send(settings.topic_articles, key=key, value=value)
    good = {
        "id": "valid-after-bad",
        "outlet": "Test Wire",
        "language": "en",
        "published_at": "2024-10-26T10:00:00+00:00",
        "body": "Ukraine's military intelligence said on Friday that North Korean troops had been deployed "
        "to Russia's Kursk region. NATO Secretary General Mark Rutte confirmed that North Korean "
        "troops were in the Kursk region.",
    }
    producer.send(settings.topic_articles, key=b"valid-after-bad", value=orjson.dumps(good))
    producer.flush()
    producer.close()

    letters = [
        DeadLetter.model_validate(orjson.loads(m["value"]))
        for m in drain(settings, settings.topic_deadletter, expect_at_least=3, idle_s=5, max_s=90)
    ]
    by_key = {d.key: d for d in letters}
    assert by_key["not-json"].reason == "not_json"
    assert by_key["bad-schema"].reason == "schema" and "outlet" in by_key["bad-schema"].error
    assert by_key["oversized"].reason == "oversized"
    assert base64.b64decode(by_key["not-json"].original_b64) == bad[b"not-json"]
    # The valid article after the bad ones was processed: its claims are on the claims topic.
    claims = [orjson.loads(m["value"]) for m in drain(settings, settings.topic_claims, idle_s=5, max_s=60)]
    assert any(c["article_id"] == "valid-after-bad" for c in claims)
    assert settings.__dict__["_worker"].alive()
