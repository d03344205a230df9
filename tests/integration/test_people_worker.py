"""People remembered across articles by the running worker (real broker and Redis): a person
introduced in one article speaks for the same party in a later one, and a user's correction with
`claimwatch people set` applies from then on (sentences written for this test)."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import datetime

import orjson
import pytest
import redis

from schemas import Article
from streams.replay import replay
from streams.runtime.people import RedisPeople
from streams.settings import Settings
from tests.integration.conftest import ROOT, drain, settings_env

pytestmark = pytest.mark.integration


def _article(n: int, body: str) -> Article:
    return Article(
        id=f"people-{n}",
        outlet="Test Wire",
        body=body,
        published_at=datetime.fromisoformat(f"2025-02-0{n}T09:00:00+00:00"),
    )


def _parties_of(settings: Settings, article_id: str, seen: int) -> list[str | None]:
    msgs = drain(settings, settings.topic_claims, expect_at_least=seen + 1, idle_s=2, max_s=90)
    values = [orjson.loads(m["value"]) for m in msgs]
    return [v["speaker"]["party"] for v in values if v["article_id"] == article_id]


def _cli(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "streams.cli", "people", *args]
    return subprocess.run(
        cmd, cwd=ROOT, env=settings_env(settings), capture_output=True, text=True, timeout=60
    )


def test_a_person_learned_in_one_article_speaks_for_the_party_in_the_next(running_worker: Settings) -> None:
    settings = running_worker
    people = RedisPeople(redis.Redis.from_url(settings.redis_url), settings.redis_prefix)
    replay(
        [_article(1, "Estonian Defence Minister Kaarel Tamm said Latvian troops had arrived in Narva.")],
        settings,
    )
    assert _parties_of(settings, "people-1", 0) == ["estonia"]
    deadline = time.monotonic() + 30
    while not people.all() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [(p.name, p.party) for p in people.all()] == [("Kaarel Tamm", "estonia")]

    replay([_article(2, "Tamm said Lithuanian troops were stationed in Tartu.")], settings)
    assert _parties_of(settings, "people-2", 1) == ["estonia"]

    fixed = _cli(settings, "set", "Kaarel Tamm", "latvia")
    assert fixed.returncode == 0, fixed.stderr
    listed = _cli(settings, "list", "--json")
    assert [orjson.loads(line)["party"] for line in listed.stdout.splitlines()] == ["latvia"]
    replay([_article(3, "Tamm said Lithuanian troops were stationed in Valga.")], settings)
    assert _parties_of(settings, "people-3", 2) == ["latvia"]
    assert _cli(settings, "forget", "Nobody Here").returncode == 1
