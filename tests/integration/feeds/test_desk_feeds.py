"""Issue 11's feed fixes against a local HTTP server, the real Kafka broker and Redis:
aggregator items keep their real outlet and body, dates are read in the feed's language, a feed
served as text/html is not malformed, and `claimwatch ingest` serves its metrics."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from streams.settings import free_port
from streams.subprocs import stop_process

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[3]


def test_aggregator_items_keep_their_outlet_url_and_body(feeds_kit: Any, make_ingestor: Any) -> None:
    srv = feeds_kit.server
    url = srv.url("aggregator.xml")
    config = feeds_kit.config([{"url": url, "outlet": "News Aggregator", "language": "en"}])

    report = make_ingestor(config).run_once()

    assert report.produced == 2, report
    by_outlet = {a["outlet"]: a for a in feeds_kit.articles()}
    assert set(by_outlet) == {"The Harbour Times", "Warta Kota Contoh"}  # not "News Aggregator"
    bridge = by_outlet["The Harbour Times"]
    assert bridge["title"] == "Harbour bridge reopens after repairs"  # " - The Harbour Times" cut
    assert bridge["url"] == srv.url("articles/harbour-bridge.html")  # past the aggregator's redirect
    assert "four hundred corroded plates" in bridge["body"]  # the outlet's page, not the teaser
    assert "The Harbour Times" not in bridge["body"]
    assert bridge["feed"] == url
    flood = by_outlet["Warta Kota Contoh"]
    assert "Sungai Ciliwung" in flood["body"]
    # The item whose page is gone is not produced as a headline-only "article".
    status = feeds_kit.state().status_for_url(url)
    assert status.errors.get("aggregated_no_text") == 1
    assert status.consecutive_errors == 0


def test_dates_are_read_in_the_feeds_language(feeds_kit: Any, make_ingestor: Any) -> None:
    srv = feeds_kit.server
    config = feeds_kit.config(
        [
            {"url": srv.url("dates_pt.xml"), "outlet": "Jornal de Teste", "language": "pt"},
            {"url": srv.url("dates_uk.xml"), "outlet": "Тестові новини", "language": "uk"},
        ]
    )

    report = make_ingestor(config).run_once()

    assert report.produced == 2, report
    when = {a["outlet"]: datetime.fromisoformat(a["published_at"]) for a in feeds_kit.articles()}
    # Not the fetch time: the dates written in Portuguese and Ukrainian.
    assert when["Jornal de Teste"] == datetime.fromisoformat("2024-10-28T14:05:00+00:00")
    assert when["Тестові новини"] == datetime.fromisoformat("2024-10-29T09:30:00+00:00")


def test_a_feed_served_as_html_is_not_malformed(feeds_kit: Any, make_ingestor: Any) -> None:
    srv = feeds_kit.server
    url = srv.url("rss_served_as_html.html")  # RSS body, Content-Type: text/html
    config = feeds_kit.config([{"url": url, "outlet": "Mislabelled Wire"}])

    report = make_ingestor(config).run_once()

    assert report.produced == 3, report
    status = feeds_kit.state().status_for_url(url)
    assert "malformed" not in status.errors
    assert status.errors.get("content_type") == 1  # noted, not an error of the feed
    assert status.last_result == "ok" and status.consecutive_errors == 0


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def test_the_ingester_serves_its_metrics(feeds_kit: Any, tmp_path: Path) -> None:
    srv = feeds_kit.server
    feeds_file = tmp_path / "feeds.yaml"
    feeds_file.write_text(
        yaml.safe_dump(
            {
                "options": {"connect_timeout": 1, "read_timeout": 1, "total_timeout": 3},
                "feeds": [
                    {"url": srv.url("atom.xml"), "outlet": "Metric Atom", "allow_private": True},
                    {"url": srv.url("status/503"), "outlet": "Metric Down", "allow_private": True},
                ],
            }
        )
    )
    port = free_port()
    settings = feeds_kit.settings
    env = {
        **os.environ,
        "CW_KAFKA_BOOTSTRAP": settings.kafka_bootstrap,
        "CW_REDIS_URL": settings.redis_url,
        "CW_TOPIC_ARTICLES": settings.topic_articles,
        "CW_REDIS_PREFIX": settings.redis_prefix,
        "CW_INGEST_METRICS_PORT": str(port),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "streams.cli", "ingest", "-f", str(feeds_file)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        text = ""
        while time.monotonic() < deadline:
            try:
                text = _get(f"http://127.0.0.1:{port}/metrics")
            except OSError:
                text = ""
            if 'result="error"' in text and 'result="ok"' in text:
                break
            assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
            time.sleep(0.5)
        assert 'claimwatch_feed_fetches_total{outlet="Metric Atom",result="ok"} 1.0' in text, text[-2000:]
        assert 'claimwatch_feed_fetches_total{outlet="Metric Down",result="error"} 1.0' in text
        assert 'claimwatch_feed_items_total{outcome="new",outlet="Metric Atom"} 2.0' in text
        assert f'claimwatch_feed_consecutive_errors{{feed="{srv.url("status/503")}"}} 1.0' in text
        assert "claimwatch_feed_last_success_timestamp_seconds" in text
    finally:
        stop_process(proc)
