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


def test_an_unknown_alert_kind_is_refused_before_anything_is_read() -> None:
    proc = run("alerts", "--kind", "FOO", CW_KAFKA_BOOTSTRAP="127.0.0.1:9")
    assert proc.returncode == 2
    assert "unknown alert kind 'FOO'" in proc.stderr and "STANCE_REVERSAL" in proc.stderr


def test_alerts_with_kafka_down_say_so_within_seconds() -> None:
    import time

    start = time.monotonic()
    proc = run("alerts", CW_KAFKA_BOOTSTRAP="127.0.0.1:9")
    assert proc.returncode == 3 and "Kafka is not reachable at 127.0.0.1:9" in proc.stderr
    assert time.monotonic() - start < 10  # kafka-python alone waited ~31 s


def test_explain_reads_the_manifest_for_a_seed_file() -> None:
    proc = run("explain", "seeds/003_ebe6ff13f3f3df64.txt", CW_KAFKA_BOOTSTRAP="127.0.0.1:9")
    assert proc.returncode == 0, proc.stderr
    assert "article seed-003-ebe6ff13f3f3df64" in proc.stdout  # the manifest's id, not the file's stem
    assert "outlet Tribunnews · published 2024-10-28T12:00:00+07:00" in proc.stdout


def test_explain_takes_the_article_id_that_alerts_print() -> None:
    # Kafka is down here: the id is found in the seeds' manifest.
    proc = run("explain", "seed-004-6b6a7f8230b54375", CW_KAFKA_BOOTSTRAP="127.0.0.1:9")
    assert proc.returncode == 0, proc.stderr
    assert "outlet SeaPRwire" in proc.stdout and "CLAIM affirm" in proc.stdout
    missing = run("explain", "no-such-article", CW_KAFKA_BOOTSTRAP="127.0.0.1:9")
    assert missing.returncode == 1 and "no article 'no-such-article'" in missing.stderr


def test_the_stance_table_prints_brackets_in_quotes_as_written() -> None:
    from rich.console import Console

    from streams.cli import stance_table

    row = {
        "proposition": {"id": "troops_deployed:north_korea:kursk", "label": "Troops [in] Kursk"},
        "stance": "deny",
        "first_seen": "2024-10-25T00:00:00+00:00",
        "last_seen": "2024-10-28T00:00:00+00:00",
        "timeline": [
            {
                "event_time": "2024-10-25T00:00:00+00:00",
                "stance": "deny",
                "speaker": "Peskov",
                "outlet": "[CNN]",
                "quote": "Peskov said [bold]nothing[/bold] about [North Korean] troops",
                "url": "https://example.org/a",
            }
        ],
    }
    console = Console(width=200, record=True)
    console.print(stance_table("Kremlin [RU]", [row]))
    text = console.export_text()
    for written in ("[CNN]", "[bold]nothing[/bold]", "[North Korean]", "Troops [in] Kursk", "Kremlin [RU]"):
        assert written in text
    assert "https://example.org/a" in text


def test_help_lists_the_desk_commands() -> None:
    out = run("--help").stdout
    for command in ("web", "push"):
        assert command in out
    push = run("push", "--help").stdout
    for sub in ("run", "status", "test", "redeliver"):
        assert sub in push


def test_deadletters_with_kafka_down_say_so_within_seconds() -> None:
    import time

    start = time.monotonic()
    proc = run("deadletters", "list", CW_KAFKA_BOOTSTRAP="127.0.0.1:9")
    assert proc.returncode == 3 and "Kafka is not reachable" in proc.stderr
    assert time.monotonic() - start < 10
