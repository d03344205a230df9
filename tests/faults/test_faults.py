"""Faults mid-replay on the real broker and Redis (kill -9 of the worker, of Redis, of Kafka; Redis
back from an older snapshot), each compared with an uninterrupted run: no alert and no claim lost,
the same final state, duplicates only as same-id redeliveries (counted). Plus determinism across
hash seeds and partition counts."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from schemas import Article
from tests.faults.harness import Outcome, SupervisedWorker, applied, replay_with_fault, settings_for
from tests.faults.stack import Stack, restore_redis, snapshot_redis

pytestmark = [pytest.mark.integration, pytest.mark.faults]
Corpus = tuple[list[Article], set[str]]
Fault = Callable[[SupervisedWorker], dict[str, float]]


def _diff(ref: dict[str, Any], got: dict[str, Any], key: str) -> str:
    a, b = ref[key], got[key]
    if isinstance(a, dict) and isinstance(b, dict):
        missing = sorted(set(a) - set(b))[:3]
        extra = sorted(set(b) - set(a))[:3]
        changed = [(k, a[k], b[k]) for k in sorted(set(a) & set(b)) if a[k] != b[k]][:2]
        return f"missing {missing}, extra {extra}, changed {changed}"
    return f"{str(a)[:300]} != {str(b)[:300]}"


def assert_same(got: Outcome, ref: Outcome, label: str) -> None:
    lost = set(ref.alerts) - set(got.alerts)
    extra = set(got.alerts) - set(ref.alerts)
    assert not lost and not extra, f"{label}: {len(lost)} alert(s) lost, {len(extra)} unexpected"
    changed = [i for i in ref.alerts if ref.alerts[i] != got.alerts[i]]
    assert not changed, f"{label}: {len(changed)} alert(s) differ in content"
    assert got.state.keys() == ref.state.keys(), f"{label}: state keys differ"
    differing = [k for k in ref.state if ref.state[k] != got.state[k]]
    assert not differing, (
        f"{label}: state differs at {differing[:5]}: {_diff(ref.state, got.state, differing[0])}"
    )
    print(
        f"\n{label}: {len(got.alerts)} alerts, {sum(got.copies.values())} messages, "
        f"{got.duplicates} same-id redeliveries, notes {got.notes}"
    )


def run_fault(
    stack: Stack, corpus: Corpus, tmp: Path, tag: str, fault: Fault | None = None, **kw: Any
) -> Outcome:
    """Replay the corpus on fresh topics and a fresh prefix, with `fault` injected mid-stream."""
    articles, expected = corpus
    settings = settings_for(stack, tag, tmp, **kw.pop("settings", {}))
    return replay_with_fault(stack, settings, articles, expected, tmp / f"{tag}.log", fault=fault, **kw)


def test_two_clean_runs_agree_whatever_the_hash_seed_and_partition_count(
    stack: Stack, corpus: Corpus, reference: Outcome, fault_tmp: Path
) -> None:
    got = run_fault(
        stack,
        corpus,
        fault_tmp,
        "det",
        settings={"topic_partitions": 1},
        extra_env={"PYTHONHASHSEED": "12345"},
    )
    assert got.duplicates == 0
    assert_same(got, reference, "1 partition, PYTHONHASHSEED=12345 vs 3 partitions, random seed")


def test_kill_9_of_the_worker_loses_nothing_and_it_resumes_within_seconds(
    stack: Stack, corpus: Corpus, reference: Outcome, fault_tmp: Path
) -> None:
    expected = corpus[1]

    def kill_worker(worker: SupervisedWorker) -> dict[str, float]:
        worker.kill_child()
        killed = time.monotonic()
        worker.wait_ready(count=2)  # the supervisor started a new worker process
        ready = time.monotonic()
        settled = applied(worker.settings, expected)
        while applied(worker.settings, expected) <= settled:
            assert time.monotonic() - killed < 90, "no progress after the restart"
            time.sleep(0.1)
        return {
            "ready_after_s": round(ready - killed, 1),
            "consuming_after_s": round(time.monotonic() - killed, 1),
        }

    got = run_fault(stack, corpus, fault_tmp, "wkill", kill_worker)
    assert_same(got, reference, "worker kill -9")
    assert got.notes["consuming_after_s"] < 30


def test_kill_9_of_redis_loses_nothing_and_the_worker_waits_for_it(
    stack: Stack, corpus: Corpus, reference: Outcome, fault_tmp: Path
) -> None:
    def kill_redis(worker: SupervisedWorker) -> dict[str, float]:
        stack.kill("redis")
        time.sleep(3)
        status, body = worker.health()
        assert status == 503 and body["components"]["redis"]["up"] is False
        time.sleep(5)
        stack.up("redis")
        return {"redis_down_s": 8.0}

    assert_same(run_fault(stack, corpus, fault_tmp, "rkill", kill_redis), reference, "Redis kill -9")


def test_kill_9_of_kafka_loses_nothing(
    stack: Stack, corpus: Corpus, reference: Outcome, fault_tmp: Path
) -> None:
    def kill_kafka(worker: SupervisedWorker) -> dict[str, float]:
        stack.kill("kafka")
        time.sleep(5)
        stack.up("kafka")
        return {"kafka_down_s": 5.0}

    assert_same(run_fault(stack, corpus, fault_tmp, "kkill", kill_kafka), reference, "Kafka kill -9")


def test_redis_restored_from_an_older_snapshot_is_brought_forward_from_the_log(
    stack: Stack, corpus: Corpus, reference: Outcome, fault_tmp: Path
) -> None:
    """Redis loses everything written after a snapshot; the worker notices that its state is behind
    the claims it consumed, restarts at the offsets stored with that older state, and applies the
    lost claims again."""
    expected = corpus[1]
    snapshot = fault_tmp / "old.rdb"

    def roll_back(worker: SupervisedWorker) -> dict[str, float]:
        snapshot_redis(stack, snapshot)
        at_snapshot = applied(worker.settings, expected)
        while applied(worker.settings, expected) < at_snapshot + 0.25 * len(expected):
            time.sleep(0.2)
        lost = applied(worker.settings, expected) - at_snapshot
        restore_redis(stack, snapshot)
        return {"claims_lost_by_redis": lost}

    got = run_fault(stack, corpus, fault_tmp, "snap", roll_back, fault_at=0.3)
    assert_same(got, reference, "Redis back from an older snapshot")
    assert "restarting to resume at the offsets stored with the state" in (fault_tmp / "snap.log").read_text()
