"""Operator commands on the real broker and Redis: dead letters listed by reason and fed back after
the cause is fixed; the whole stance state rebuilt from the claims topic, equal to what the worker
built; a rebuild refused while a worker runs."""

from __future__ import annotations

import subprocess
import sys
import time

import orjson
import pytest
import redis

from schemas import Article
from streams.core.extract import extract
from streams.kafka_io import delete_topics, encode, ensure_topics, make_producer
from streams.replay import load_articles, replay
from streams.settings import Settings
from tests.faults.harness import dump_state
from tests.integration.conftest import ROOT, Worker, make_settings, settings_env

pytestmark = pytest.mark.integration


def cli(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "streams.cli", *args],
        cwd=ROOT,
        env=settings_env(settings),
        capture_output=True,
        text=True,
        timeout=180,
    )


def wait_claims(settings: Settings, ids: set[str], timeout: float = 120) -> None:
    r = redis.Redis.from_url(settings.redis_url)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(r.smismember(f"{settings.redis_prefix}:claims:seen", sorted(ids))):
            return
        time.sleep(0.3)
    raise AssertionError("claims not applied in time")


def cleanup(settings: Settings) -> None:
    delete_topics(settings)
    r = redis.Redis.from_url(settings.redis_url)
    for key in r.scan_iter(match=f"{settings.redis_prefix}:*", count=1000):
        r.delete(key)


def test_an_oversized_article_is_listed_and_processed_when_fed_back_after_the_limit_is_raised(
    services_env: dict[str, str],
) -> None:
    small = make_settings(services_env, "dlq").model_copy(update={"max_message_bytes": 2_000})
    article = load_articles(ROOT / "seeds")[0]
    assert len(encode(article)) > 2_000
    ensure_topics(small)
    try:
        worker = Worker(small)
        worker.wait_ready()
        producer = make_producer(small)
        producer.send(small.topic_articles, key=article.id.encode(), value=encode(article))
        producer.send(small.topic_articles, key=b"junk", value=b"{not json")
        producer.flush(30)
        producer.close()
        deadline = time.monotonic() + 60
        rows: list[dict[str, object]] = []
        while time.monotonic() < deadline and len(rows) < 2:
            out = cli(small, "deadletters", "list", "--json")
            rows = [orjson.loads(line) for line in out.stdout.splitlines() if line.strip()]
            time.sleep(1)
        worker.stop()
        assert sorted(str(r["reason"]) for r in rows) == ["not_json", "oversized"]
        only = cli(small, "deadletters", "list", "--json", "--reason", "oversized").stdout.splitlines()
        assert len(only) == 1 and orjson.loads(only[0])["key"] == article.id
        assert cli(small, "deadletters", "refeed").returncode == 2  # says what to choose
        # The cause is fixed (the limit raised); feed the oversized one back.
        fixed = small.model_copy(update={"max_message_bytes": 1_000_000})
        worker = Worker(fixed)
        worker.wait_ready()
        done = cli(fixed, "deadletters", "refeed", "--reason", "oversized")
        assert done.returncode == 0 and "fed back 1 message" in done.stderr
        wait_claims(fixed, {c.id for c in extract(article).claims})
        worker.stop()
    finally:
        cleanup(small)


def test_rebuild_gives_back_the_state_the_worker_built_and_refuses_while_a_worker_runs(
    services_env: dict[str, str],
) -> None:
    settings = make_settings(services_env, "rebuild")
    articles: list[Article] = load_articles(ROOT / "seeds")
    ensure_topics(settings)
    try:
        worker = Worker(settings)
        worker.wait_ready()
        replay(articles, settings)
        wait_claims(settings, {c.id for a in articles for c in extract(a).claims})
        time.sleep(2)  # let the outbox drain
        refused = cli(settings, "rebuild")
        assert refused.returncode == 4 and "stop it first" in refused.stderr
        worker.stop()  # a worker stopped on purpose leaves the group at once
        built = dump_state(settings)
        done = cli(settings, "rebuild")
        assert done.returncode == 0, done.stderr
        rebuilt = dump_state(settings)
        assert rebuilt == built
        assert "alerts recomputed" in done.stderr
    finally:
        cleanup(settings)


def test_a_wrong_or_missing_redis_password_is_named_and_never_printed(services_env: dict[str, str]) -> None:
    settings = make_settings(services_env, "auth")
    url = settings.redis_url
    host_part = url.split("@", 1)[1] if "@" in url else url.split("//", 1)[1]
    wrong = settings.model_copy(update={"redis_url": f"redis://:not-the-password@{host_part}"})
    done = cli(wrong, "stance", "russia")
    assert done.returncode == 3 and "refused the password" in done.stderr
    assert "not-the-password" not in done.stderr + done.stdout
    none = settings.model_copy(update={"redis_url": f"redis://{host_part}", "redis_password_file": None})
    env = {k: v for k, v in settings_env(none).items() if k != "CW_REDIS_PASSWORD_FILE"}
    env["CW_REDIS_PASSWORD_FILE"] = "/nonexistent/password"
    missing = subprocess.run(
        [sys.executable, "-m", "streams.cli", "stance", "russia"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 3 and "requires a password and none was found" in missing.stderr
