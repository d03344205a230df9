"""Bad input on the real broker: 10,000 malformed messages among valid articles all reach the
dead-letter topic with a reason while the worker keeps going; a long unpunctuated article never
holds up the valid ones behind it for longer than the per-article budget."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import get_args

import orjson
import pytest

from schemas import DeadLetter, DeadLetterReason
from streams.bench.corpus import generate
from streams.core.extract import extract
from streams.deadletters import read_letters
from streams.kafka_io import encode, ensure_topics, make_producer
from streams.settings import Settings
from tests.faults.fuzz import malformed, oversized
from tests.faults.harness import SupervisedWorker, applied, settings_for, wait_for
from tests.faults.stack import Stack

pytestmark = [pytest.mark.integration, pytest.mark.faults]
MALFORMED = 10_000


def dead_letters(settings: Settings, expect: int, timeout: float) -> list[DeadLetter]:
    """The dead-letter topic once it holds `expect` records (or the timeout passed)."""
    deadline = time.monotonic() + timeout
    letters = read_letters(settings)
    while len(letters) < expect and time.monotonic() < deadline:
        time.sleep(2)
        letters = read_letters(settings)
    return [letter.record for letter in letters]


def test_ten_thousand_malformed_messages_are_dead_lettered_and_valid_ones_processed(
    stack: Stack, fault_tmp: Path
) -> None:
    settings = settings_for(stack, "fuzz", fault_tmp)
    valid = sorted(generate(40, seed=11, prefix="fuzzok"), key=lambda a: (a.published_at, a.id))
    expected = {c.id for a in valid for c in extract(a).claims}
    ensure_topics(settings)
    worker = SupervisedWorker(settings, fault_tmp / "fuzz.log")
    try:
        worker.wait_ready()
        producer = make_producer(settings, linger_ms=20)
        bad = list(malformed(valid, MALFORMED - 10, seed=5))
        bad += [oversized(valid[0], settings.max_message_bytes + 10)] * 5
        bad_claims = [b"{not json", b"[]", orjson.dumps({"id": "c"}), b"", b"\xff"]
        step = len(bad) // len(valid)
        for i, value in enumerate(bad):
            producer.send(settings.topic_articles, key=f"bad{i}".encode(), value=value)
            if i % step == 0 and i // step < len(valid):
                a = valid[i // step]
                producer.send(settings.topic_articles, key=a.id.encode(), value=encode(a))
        for value in bad_claims:
            producer.send(settings.topic_claims, key=b"bad-claim", value=value)
        producer.flush(60)
        producer.close()
        total_bad = len(bad) + len(bad_claims)
        letters = dead_letters(settings, total_bad, timeout=400)
        wait_for(lambda: applied(settings, expected) == len(expected), 300, "valid claims", worker.log_text)
    finally:
        worker.stop()
    assert len(letters) == total_bad == MALFORMED
    reasons = Counter(d.reason for d in letters)
    assert set(reasons) <= set(get_args(DeadLetterReason)) and "processing_error" not in reasons
    assert reasons["oversized"] >= 5 and reasons["schema"] > 1000 and reasons["not_json"] > 1000
    assert {(d.partition, d.offset) for d in letters if d.source_topic == settings.topic_articles} and all(
        d.offset is not None for d in letters
    )
    log = worker.log_text()
    assert worker.starts() == 1, "the worker restarted"
    assert "a\nforged log line" not in log and "a\\nforged log line" in log
    print(f"\nfuzz: {len(letters)} dead letters by reason {dict(reasons)}")


def test_a_long_unpunctuated_article_never_holds_up_the_next_for_longer_than_the_budget(
    stack: Stack, fault_tmp: Path
) -> None:
    budget = 0.25  # far above a normal article (~10 ms), far below the long one
    settings = settings_for(stack, "slow", fault_tmp, extract_budget_s=budget)
    before, after = sorted(generate(2, seed=13, prefix="slowok"), key=lambda a: a.id)
    # names as a text writes them: each one is a mention the reader has to weigh
    words = "pasukan Korea Utara dikirim ke wilayah Kursk kata pejabat intelijen Ukraina "
    wall = before.model_copy(update={"id": "wall-of-text", "body": (words * 2600)[:190_000]})
    ensure_topics(settings)
    worker = SupervisedWorker(settings, fault_tmp / "slow.log")
    try:
        worker.wait_ready()
        producer = make_producer(settings)
        for a in (before, wall, after):
            producer.send(settings.topic_articles, key=a.id.encode(), value=encode(a))
        producer.flush(30)
        sent = time.monotonic()
        want = {c.id for c in extract(after).claims}
        waited = wait_for(
            lambda: applied(settings, want) == len(want), 120, "the article after", worker.log_text
        )
    finally:
        worker.stop()
    print(f"\nlong article: the next one applied {waited:.1f} s after sending (budget {budget} s)")
    assert "(too_slow)" in worker.log_text() and worker.starts() == 1
    assert time.monotonic() - sent >= waited
    # The budget, the extractor's restart after it stopped the long one (its imports and lexicon
    # warm-up, ~2.5 s on a shared 2-core machine) and the pipeline's own latency: the article after
    # is not stuck behind the text. (The figure is printed; its target lives in the benchmark.)
    assert waited < budget + 15.0
