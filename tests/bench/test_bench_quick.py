"""`claimwatch bench --quick` end to end against the real broker and Redis, and the corpus
generator. Checks that every measure is there with positive numbers; no timing thresholds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
import redis
from kafka import KafkaAdminClient

from streams.bench.corpus import generate, make_article
from streams.core.extract import extract

ROOT = Path(__file__).resolve().parents[2]


def _positive(d: dict, *keys: str) -> None:
    for k in keys:
        assert isinstance(d[k], int | float) and d[k] > 0, f"{k} = {d[k]!r}"


@pytest.mark.bench
@pytest.mark.integration
@pytest.mark.timeout(240)
def test_quick_bench_runs_end_to_end(services_env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, "-m", "streams.cli", "bench", "--quick", "--out", str(out)],
        cwd=ROOT,
        env={**os.environ, **services_env},
        capture_output=True,
        text=True,
        timeout=220,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "extraction" in proc.stdout and str(out) in proc.stdout.replace("\n", "")
    results = orjson.loads(out.read_bytes())
    m = results["measures"]
    assert set(m) == {
        "extraction",
        "scaling",
        "noop_faust",
        "pipeline",
        "latency",
        "stance_update",
        "worker_rss",
    }
    _positive(m["extraction"], "articles_per_s", "mb_per_s", "claims_per_article", "seconds")
    assert {r["shape"] for r in m["scaling"]["rows"]} == {"normal", "unpunctuated"}
    assert all(float(r["ms_per_kb"]) > 0 for r in m["scaling"]["rows"])
    _positive(m["scaling"], "ratio_largest_vs_smallest")
    _positive(m["noop_faust"], "events_per_s", "mb_per_s", "events")
    _positive(m["pipeline"], "articles_per_s", "claims_per_s", "ratio_to_ceiling", "alerts")
    assert m["pipeline"]["complete"] is True
    assert m["pipeline"]["articles_done"] == m["pipeline"]["articles"]
    _positive(m["latency"], "p50_ms", "p95_ms", "p99_ms", "alerts", "offered_articles_per_s")
    assert m["latency"]["p50_ms"] <= m["latency"]["p95_ms"] <= m["latency"]["p99_ms"]
    levels = m["stance_update"]["levels"]
    assert len(levels) == 3 and [r["stored"] for r in levels] == sorted(r["stored"] for r in levels)
    for row in levels:
        _positive(row, "median_ms", "p95_ms", "samples")
    _positive(m["stance_update"], "ratio_median_top_vs_bottom")
    _positive(m["worker_rss"], "peak_mb_after_pipeline", "peak_mb_at_end", "largest_process_mb")
    assert m["worker_rss"]["processes"] >= 2  # the worker and its extractor process
    assert len(results["verdicts"]) == 8

    # Everything the run created is gone: topics, consumer groups' topics, Redis keys.
    run_id = results["run_id"]
    admin = KafkaAdminClient(bootstrap_servers=services_env["CW_KAFKA_BOOTSTRAP"])
    try:
        assert not [t for t in admin.list_topics() if t.startswith(f"bench-{run_id}")]
    finally:
        admin.close()
    r = redis.Redis.from_url(services_env["CW_REDIS_URL"])
    assert not list(r.scan_iter(match=f"bench:{run_id}:*", count=1000))


def test_generator_is_deterministic_and_varied() -> None:
    a = list(generate(40, seed=11))
    b = list(generate(40, seed=11))
    assert [x.model_dump() for x in a] == [x.model_dump() for x in b]
    c = list(generate(40, seed=12))
    assert [x.body for x in a] != [x.body for x in c]
    # An article does not depend on the ones before it (the latency run generates from an offset).
    assert make_article(25, seed=11) == a[25]
    assert {x.language for x in a} == {"id", "en"}
    assert len({x.id for x in a}) == 40
    assert len({x.outlet for x in a}) >= 6
    sizes = [len(x.body.encode()) for x in a]
    assert 2_500 <= sum(sizes) / len(sizes) <= 4_000
    assert [x.published_at for x in a] == sorted(x.published_at for x in a)


def test_generated_articles_yield_claims_in_both_languages() -> None:
    articles = list(generate(30, seed=5))
    per_lang: dict[str, int] = {}
    speakers: set[str] = set()
    events: set[str] = set()
    with_figures = 0
    stances: set[str] = set()
    for art in articles:
        claims = extract(art).claims
        assert claims, f"{art.id} ({art.language}) yields no claim"
        per_lang[art.language or "?"] = per_lang.get(art.language or "?", 0) + len(claims)
        for c in claims:
            speakers.add(c.speaker.actor_id or c.speaker.text)
            events.add(c.proposition.event)
            stances.add(c.stance)
            with_figures += c.quantity is not None
            assert "Baca juga" not in c.quote and "Read more" not in c.quote
    assert per_lang.get("id", 0) > 30 and per_lang.get("en", 0) > 30
    assert len(speakers) >= 15
    assert len(events) >= 5
    assert stances == {"affirm", "deny", "noncommittal"}
    assert with_figures >= 20
