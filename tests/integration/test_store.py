"""The Redis stance store decides exactly like the pure in-memory book, batched or not."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import redis

from schemas import Claim
from streams.core.extract import extract
from streams.replay import load_articles
from streams.stance.memory import MemoryBook
from streams.stance.redis_store import RedisStanceStore as StanceStore
from tests.integration.conftest import ROOT

pytestmark = pytest.mark.integration


@pytest.fixture
def store(services_env: dict[str, str]) -> Iterator[StanceStore]:
    client = redis.Redis.from_url(services_env["CW_REDIS_URL"])
    prefix = f"test:store:{uuid.uuid4().hex[:8]}"
    yield StanceStore(client, prefix)
    for key in client.scan_iter(match=f"{prefix}:*", count=1000):
        client.delete(key)


def seed_claims() -> list[Claim]:
    return [c for a in load_articles(ROOT / "seeds") for c in extract(a).claims]


@pytest.mark.parametrize("batch", [1, 7, 1000])
def test_redis_store_matches_the_pure_book(store: StanceStore, batch: int) -> None:
    claims = seed_claims()
    book = MemoryBook()
    expected = [[a.id for a in book.apply(c)] for c in claims]
    got: list[list[str]] = []
    for i in range(0, len(claims), batch):
        got.extend([a.id for a in alerts] for alerts in store.apply_batch(claims[i : i + batch]))
    assert got == expected
    assert any(got)
    # Applying everything again (one batch) changes nothing and alerts nothing.
    assert all(alerts == [] for alerts in store.apply_batch(claims))
    table = store.stance_table("russia")
    assert table and all(len(row["timeline"]) >= 1 for row in table)
