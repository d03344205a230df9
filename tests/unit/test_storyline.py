"""The acceptance storyline on the pure core: seeds -> extract -> in-memory stance book."""

from __future__ import annotations

from pathlib import Path

from schemas import Alert
from streams.core.extract import extract
from streams.replay import load_articles
from streams.stance.memory import MemoryBook
from tests.storyline import storyline_failures

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def replay_pure() -> tuple[list[Alert], MemoryBook]:
    book = MemoryBook()
    alerts: list[Alert] = []
    for article in load_articles(SEEDS):
        for claim in extract(article).claims:
            alerts.extend(book.apply(claim))
    return alerts, book


def test_seed_storyline_holds_on_the_pure_core() -> None:
    alerts, _ = replay_pure()
    assert storyline_failures(alerts) == []


def test_replaying_the_seeds_twice_adds_nothing() -> None:
    _, book = replay_pure()
    before = {k: dict(v) for k, v in book.props.items()}
    again = [a for art in load_articles(SEEDS) for c in extract(art).claims for a in book.apply(c)]
    assert again == []
    assert {k: dict(v) for k, v in book.props.items()} == before


def test_replay_order_is_event_time_not_file_order() -> None:
    articles = load_articles(SEEDS)
    assert [a.published_at for a in articles] == sorted(a.published_at for a in articles)
    assert articles[0].id.startswith("seed-002") and articles[-1].id.startswith("seed-004")


def test_noise_lines_never_become_claims() -> None:
    for article in load_articles(SEEDS):
        ex = extract(article)
        for claim in ex.claims:
            for marker in (
                "MEMBACA",
                "Baca juga",
                "Saksikan video",
                "pic.twitter.com",
                "SeaPRwire",
                "Next Article",
            ):
                assert marker not in claim.quote
        assert "pic.twitter.com" not in ex.text and "Baca juga" not in ex.text


def test_the_storyline_holds_for_any_arrival_order_kafka_allows() -> None:
    """Kafka orders claims per key only; claims of different keys can reach the stance agent in
    any interleaving. Every interleaving gives the storyline and exactly the same alerts: claims
    that can affect each other share a key (streams.stance.keys.routing_key)."""
    import random
    from collections import defaultdict

    from streams.stance.keys import routing_key as claim_key

    per_key: dict[bytes, list] = defaultdict(list)  # type: ignore[type-arg]
    for article in load_articles(SEEDS):
        for c in extract(article).claims:
            per_key[claim_key(c)].append(c)
    assert len(per_key) > 1  # otherwise there is nothing to interleave
    reference = {a.model_dump_json() for a in replay_pure()[0]}
    for seed in range(60):
        rng = random.Random(seed)
        queues = {k: list(v) for k, v in per_key.items()}
        order = []
        while any(queues.values()):
            key = rng.choice([k for k, q in queues.items() if q])
            take = rng.randint(1, 3)
            order.extend(queues[key][:take])
            queues[key] = queues[key][take:]
        book = MemoryBook()
        alerts = [a for c in order for a in book.apply(c)]
        assert storyline_failures(alerts) == [], f"interleaving {seed}"
        assert {a.model_dump_json() for a in alerts} == reference, f"interleaving {seed}"
