"""End to end on the real broker and Redis: seeds in, alerts out; bad input to the DLQ; replays."""

from __future__ import annotations

import base64
import time
import urllib.request

import orjson
import pytest
import redis

from schemas import Alert, DeadLetter
from streams.kafka_io import make_producer
from streams.replay import load_articles, replay
from streams.settings import Settings
from tests.integration.conftest import ROOT, drain
from tests.storyline import storyline_failures

pytestmark = pytest.mark.integration


def _alerts(settings: Settings, **kw: float) -> list[Alert]:
    msgs = drain(settings, settings.topic_alerts, **kw)
    return [Alert.model_validate(orjson.loads(m["value"])) for m in msgs]


def _wait_until_applied(settings: Settings, r: redis.Redis, timeout_s: float = 150) -> int:
    """Wait until every claim the worker published has been applied to Redis (a load-independent
    end condition, instead of guessing from idle time); returns the number of applied claims."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        published = {orjson.loads(m["value"])["id"] for m in drain(settings, settings.topic_claims, idle_s=2)}
        if published and r.hlen(f"{settings.redis_prefix}:articles:seen") == 5:
            applied = r.scard(f"{settings.redis_prefix}:claims:seen")
            if applied >= len(published):
                return int(applied)
        time.sleep(1)
    raise AssertionError("the worker did not apply all published claims in time")


def test_seed_replay_produces_the_storyline_and_a_second_replay_adds_nothing(
    running_worker: Settings,
) -> None:
    settings = running_worker
    articles = load_articles(ROOT / "seeds")
    assert replay(articles, settings) == 5
    r = redis.Redis.from_url(settings.redis_url)
    claims_seen = _wait_until_applied(settings, r)
    alerts = _alerts(settings, expect_at_least=7, idle_s=5, max_s=60)
    assert storyline_failures(alerts) == []
    assert claims_seen > 0

    replay(articles, settings)
    again = _alerts(settings, idle_s=10, max_s=60)
    assert sorted(a.id for a in again) == sorted(a.id for a in alerts)  # nothing new on the topic
    assert r.scard(f"{settings.redis_prefix}:claims:seen") == claims_seen
    assert settings.__dict__["_worker"].alive()
    # The worker's Prometheus endpoint counts what it did.
    with urllib.request.urlopen(f"http://127.0.0.1:{settings.worker_web_port}/metrics", timeout=10) as resp:
        scraped = resp.read().decode()
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
