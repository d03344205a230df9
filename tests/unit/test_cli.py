"""The CLI as a user runs it: commands listed, clear errors when services are missing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "streams.cli", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_help_lists_the_commands_users_need() -> None:
    out = run("--help").stdout
    for command in (
        "replay",
        "worker",
        "alerts",
        "stance",
        "services",
        "reset",
        "explain",
        "eval",
        "ingest",
        "feeds",
    ):
        assert command in out


def test_missing_kafka_is_named_with_the_way_to_start_it() -> None:
    # Port 9 (discard) on loopback: nothing listens there.
    proc = run("replay", "seeds", CW_KAFKA_BOOTSTRAP="127.0.0.1:9")
    assert proc.returncode == 3
    assert "Kafka is not reachable at 127.0.0.1:9" in proc.stderr and "services up" in proc.stderr


def test_missing_redis_is_named_with_the_way_to_start_it() -> None:
    proc = run("stance", "russia", CW_REDIS_URL="redis://127.0.0.1:9/0")
    assert proc.returncode == 3
    assert "Redis is not reachable" in proc.stderr and "services up" in proc.stderr


def test_explain_shows_speakers_stances_and_propositions() -> None:
    proc = run("explain", "seeds/003_ebe6ff13f3f3df64.txt", "--published", "2024-10-28T12:00:00+07:00")
    assert proc.returncode == 0, proc.stderr
    assert "CLAIM affirm" in proc.stdout and "troops_deployed:north_korea:" in proc.stdout
    assert "dropped 1 noise line" in proc.stdout  # "Baca juga: ..."


def test_eval_scores_the_corpus(tmp_path: Path) -> None:
    proc = run("eval", "tests/corpus/gold.jsonl", "tests/corpus/articles.jsonl", "--json")
    assert proc.returncode == 0, proc.stderr
    assert '"claims"' in proc.stdout and '"alerts_total"' in proc.stdout
