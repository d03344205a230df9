"""The Redis backend decides exactly like the in-memory one, and keeps offsets, the outbox and the
state in one transaction: redeliveries are skipped, a gap (lost writes) is refused."""

from __future__ import annotations

import orjson
import pytest
import redis

from schemas import Claim
from streams.bench.corpus import generate
from streams.core.extract import extract
from streams.replay import load_articles
from streams.stance.memory import MemoryBook
from streams.stance.redis_store import Consumed, RedisStanceStore, StateBehindLog
from tests.integration.conftest import ROOT
from tests.unit.stance.helpers import claim

pytestmark = pytest.mark.integration
TP = ("t.claims", 0)


def seed_and_bench_claims() -> list[Claim]:
    articles = [*load_articles(ROOT / "seeds"), *generate(40, seed=3)]
    return [c for a in sorted(articles, key=lambda a: (a.published_at, a.id)) for c in extract(a).claims]


@pytest.mark.parametrize("batch", [1, 7, 1000])
def test_the_redis_store_decides_like_the_memory_book(client: redis.Redis, prefix: str, batch: int) -> None:
    claims = seed_and_bench_claims()
    book, store = MemoryBook(), RedisStanceStore(client, prefix)
    expected = [[a.model_dump_json() for a in book.apply(c)] for c in claims]
    got: list[list[str]] = []
    for i in range(0, len(claims), batch):
        got.extend(
            [a.model_dump_json() for a in alerts] for alerts in store.apply_batch(claims[i : i + batch])
        )
    assert got == expected and any(got)
    assert store.actors() == book.actors()
    for actor in book.actors():
        assert store.stance_table(actor) == book.stance_table(actor), actor
    # Everything again in one batch: no alert, no change.
    assert all(alerts == [] for alerts in store.apply_batch(claims))


def _log(claims: list[Claim], first: int) -> tuple[list[tuple[str, int] | None], list[int | None]]:
    return [TP] * len(claims), list(range(first, first + len(claims)))


def test_offsets_move_with_the_state_and_redeliveries_are_skipped(client: redis.Redis, prefix: str) -> None:
    store = RedisStanceStore(client, prefix)
    batch = [claim(1, "ukraine", "affirm"), claim(2, "rutte", "affirm", days=1)]
    positions, offsets = _log(batch, 0)
    out = store.apply_logged(batch, positions, {TP: Consumed(0, 1)}, offsets=offsets, outbox=True)
    assert [a.kind for a in out.alerts[1]] == ["CONFIRMED"]
    assert store.stored_offsets([TP]) == {TP: 2}
    # The same two messages again (a worker died before Kafka's commit): nothing happens.
    again = store.apply_logged(batch, positions, {TP: Consumed(0, 1)}, offsets=offsets, outbox=True)
    assert again.skipped_by_offset == 2 and again.alerts == [[], []]
    assert store.stored_offsets([TP]) == {TP: 2}


def test_a_batch_past_the_stored_offset_is_refused_and_writes_nothing(
    client: redis.Redis, prefix: str
) -> None:
    store = RedisStanceStore(client, prefix)
    first = [claim(1, "ukraine", "affirm")]
    store.apply_logged(first, [TP], {TP: Consumed(0, 0)}, offsets=[0])
    gap = [claim(5, "rutte", "affirm")]
    with pytest.raises(StateBehindLog) as err:
        store.apply_logged(gap, [TP], {TP: Consumed(4, 4)}, offsets=[4])
    assert (err.value.stored, err.value.consumed) == (1, 4)
    assert not client.sismember(f"{prefix}:claims:seen", "c5")
    # A partition with no stored offset must start at the first offset of the log.
    other = ("t.claims", 1)
    with pytest.raises(StateBehindLog):
        store.apply_logged(gap, [other], {other: Consumed(3, 3, log_start=0)}, offsets=[3])
    store.apply_logged(gap, [other], {other: Consumed(3, 3, log_start=3)}, offsets=[3])


def test_alerts_wait_in_the_outbox_in_order_until_trimmed(client: redis.Redis, prefix: str) -> None:
    store = RedisStanceStore(client, prefix)
    batch = [
        claim(1, "ukraine", "affirm"),
        claim(2, "rutte", "affirm", days=1),
        claim(3, "kremlin", "deny", days=2),
    ]
    positions, offsets = _log(batch, 0)
    out = store.apply_logged(batch, positions, {TP: Consumed(0, 2)}, offsets=offsets, outbox=True)
    fired = [a.id for alerts in out.alerts for a in alerts]
    assert [orjson.loads(x)["id"] for x in store.outbox(TP)] == fired and out.outboxed == {TP: len(fired)}
    store.trim_outbox(TP, 1)
    assert [orjson.loads(x)["id"] for x in store.outbox(TP)] == fired[1:]


def test_a_second_writer_on_the_same_partition_wins_and_the_batch_is_redone(
    client: redis.Redis, prefix: str
) -> None:
    """A zombie worker (its partition moved after a rebalance) must not write over the new owner."""

    class Raced(RedisStanceStore):
        raced = False

        def _queue_claims(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            if not self.raced:
                self.raced = True
                client.set(self.offset_key(TP), 1)  # the other writer applied offset 0 meanwhile
            return super()._queue_claims(*args, **kwargs)

    store = Raced(client, prefix)
    out = store.apply_logged([claim(1, "ukraine", "affirm")], [TP], {TP: Consumed(0, 0)}, offsets=[0])
    assert out.skipped_by_offset == 1 and not client.sismember(f"{prefix}:claims:seen", "c1")


def test_an_article_mark_moves_its_offset_only_without_a_gap(client: redis.Redis, prefix: str) -> None:
    store = RedisStanceStore(client, prefix)
    art = ("t.articles", 0)
    store.mark_article("a1", "h1", (art, 0))
    store.mark_article(None, None, (art, 1))  # a dead-lettered message moves the offset too
    assert store.stored_offsets([art]) == {art: 2}
    assert store.seen_article("a1", "h1") and not store.seen_article("a1", "other-content")
    store.mark_article("a1", "h1", (art, 0))  # a redelivery never moves it back
    assert store.stored_offsets([art]) == {art: 2}
    with pytest.raises(StateBehindLog):
        store.mark_article("a9", "h9", (art, 7))
    assert not store.seen_article("a9", "h9")


def test_the_one_alert_per_event_rules_hold_on_redis_as_in_memory(client: redis.Redis, prefix: str) -> None:
    """A reversal is not also a confirmation; a retracted denial is not contradicted; a party
    repeating itself at a narrower place confirms nothing; open claims never alert."""
    from tests.unit.stance.helpers import recapture

    claims = [
        claim(1, "ukraine", "affirm", place="russia"),
        claim(2, "kremlin", "deny", place="russia", days=1),
        claim(3, "rutte", "affirm", place="russia", days=2),
        claim(4, "rutte", "affirm", place="kursk", days=3),  # NATO again, narrower: nothing
        claim(5, "putin", "affirm", place=None, days=200, article="later"),  # reversal only
        claim(6, "north_korea", "affirm", place="russia", days=201),  # Russia's denial is retracted
        recapture(7, "russia", "affirm", days=202, place="sudzha"),
        recapture(8, "ukraine", "deny", days=203, place="kursk"),  # the region, not the town
    ]
    book, store = MemoryBook(), RedisStanceStore(client, prefix)
    expected = [[a.kind for a in book.apply(c)] for c in claims]
    got = [[a.kind for a in alerts] for alerts in store.apply_batch(claims)]
    assert got == expected
    assert expected == [
        [],
        ["CONTRADICTED"],
        ["CONFIRMED", "CONTRADICTED"],
        [],
        ["STANCE_REVERSAL"],
        ["CONFIRMED"],
        [],
        [],
    ]


def test_an_assumed_owner_is_no_earlier_claim_on_redis_as_in_memory(client: redis.Redis, prefix: str) -> None:
    from streams.core.propositions import OWNER_ASSUMED, SPEAKER_AGENT

    def dead(n: int, actor: str, qty: float, assumed: bool) -> Claim:
        c = claim(n, actor, "affirm", event="casualties", agent="ukraine", place=None, qty=(qty, qty), days=n)
        return c.model_copy(update={"cues": [SPEAKER_AGENT, OWNER_ASSUMED]}) if assumed else c

    claims = [dead(1, "zelensky", 12, True), dead(2, "pentagon", 40, False), dead(3, "rutte", 90, False)]
    book, store = MemoryBook(), RedisStanceStore(client, prefix)
    expected = [[a.kind for a in book.apply(c)] for c in claims]
    assert [[a.kind for a in alerts] for alerts in store.apply_batch(claims)] == expected
    # NATO confirms the Pentagon and gives another figure; Ukraine's assumed tally counts for neither.
    assert expected == [[], [], ["CONFIRMED", "NUMERIC_DISCREPANCY"]]
    assert store.stance_table("zelensky") == book.stance_table("zelensky")


def test_a_dispute_is_reported_once_across_targets_on_redis_as_in_memory(
    client: redis.Redis, prefix: str
) -> None:
    """A denial naming the target, then one without it: one CONTRADICTED, on both backends."""

    def attack(n: int, actor: str, stance: str, patient: str | None = None) -> Claim:
        return claim(n, actor, stance, event="attack", agent="russia", place="kursk", patient=patient, days=n)

    claims = [
        attack(1, "ukraine", "affirm"),
        attack(2, "kremlin", "deny", "ukraine"),
        attack(3, "russia", "deny"),
    ]
    book, store = MemoryBook(), RedisStanceStore(client, prefix)
    expected = [[a.kind for a in book.apply(c)] for c in claims]
    assert [[a.kind for a in alerts] for alerts in store.apply_batch(claims)] == expected
    assert expected == [[], ["CONTRADICTED"], []]
    assert store.stance_table("russia") == book.stance_table("russia")
