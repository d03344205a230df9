"""The batch reader: one prefetch round trip per claim, and a batch sees its own queued writes."""

from __future__ import annotations

import pytest
import redis

from streams.stance.decide import decide
from streams.stance.memory import MemoryBook
from streams.stance.redis_reader import RedisReader, party_state
from streams.stance.redis_store import RedisStanceStore
from streams.stance.view import build_view
from streams.stance.writes import plan_writes
from tests.unit.stance.helpers import claim

pytestmark = pytest.mark.integration


def test_prefetch_tells_whether_a_claim_was_applied(client: redis.Redis, prefix: str) -> None:
    RedisStanceStore(client, prefix).apply(claim(1, "ukraine", "affirm"))
    reader = RedisReader(client, prefix)
    assert reader.prefetch(claim(1, "ukraine", "affirm"), f"{prefix}:claims:seen")
    assert not reader.prefetch(claim(2, "rutte", "affirm"), f"{prefix}:claims:seen")


def test_a_write_absorbed_but_not_executed_is_seen_by_later_claims(client: redis.Redis, prefix: str) -> None:
    reader = RedisReader(client, prefix)
    first = claim(1, "ukraine", "affirm")
    reader.prefetch(first, f"{prefix}:claims:seen")
    reader.absorb(plan_writes(first, decide(first, build_view(first, reader))))
    second = claim(2, "rutte", "affirm", days=1)
    assert not reader.prefetch(second, f"{prefix}:claims:seen")
    view = build_view(second, reader)
    assert "ukraine" in view.props[first.proposition.id]
    assert [a.kind for a in decide(second, view).alerts] == ["CONFIRMED"]
    assert client.exists(f"{prefix}:prop:{first.proposition.id}") == 0  # nothing was written


def test_parsed_states_are_shared_by_their_bytes() -> None:
    c = claim(1, "ukraine", "affirm")
    states = decide(c, build_view(c, MemoryBook())).updates
    blob = next(iter(states.values())).model_dump_json()
    assert party_state(blob) is party_state(blob)
    assert party_state(blob) == next(iter(states.values()))
