"""Feed ingestion against a local HTTP server, the real Kafka broker and Redis."""

from __future__ import annotations

import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
import pytest
import typer
import yaml
from typer.testing import CliRunner

from schemas import Article
from streams.feeds import cli as feeds_cli
from streams.feeds.dedup import article_id_for_url
from streams.feeds.ingest import FeedRunResult, RunReport

pytestmark = pytest.mark.integration


def _when(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _by_url(report: RunReport) -> dict[str, FeedRunResult]:
    return {f.url: f for f in report.feeds}


def test_rss_and_atom_items_reach_the_topic_exactly_once(feeds_kit: Any, make_ingestor: Any) -> None:
    srv = feeds_kit.server
    srv.serve("news.xml", "rss2.xml")
    news_url, atom_url = srv.url("set/news.xml"), srv.url("atom.xml")
    config = feeds_kit.config(
        [
            {"url": news_url, "outlet": "Test Wire", "timezone": "Asia/Jakarta"},
            {"url": atom_url, "outlet": "Test Atom", "language": "en"},
        ]
    )

    report = make_ingestor(config).run_once()

    assert report.produced == 5, report
    articles = feeds_kit.articles()
    assert len(articles) == 5
    for raw in articles:
        Article.model_validate(raw)  # the wire contract holds
        assert raw["fetched_at"] and len(raw["content_hash"]) == 64
        assert raw["syndicated_from"] is None
    by_title = {a["title"]: a for a in articles}

    rice = by_title["Drought cuts rice harvest across Central Java"]
    assert rice["url"] == srv.url("news/2024/10/rice-harvest?id=7")  # utm_*, fbclid stripped
    assert rice["id"] == article_id_for_url(rice["url"])
    assert rice["outlet"] == "Test Wire" and rice["feed"] == news_url
    assert _when(rice["published_at"]) == datetime.fromisoformat("2024-10-27T10:00:00+00:00")
    assert "drought-tolerant seed" in rice["body"]  # content:encoded, not the teaser
    assert "trackPageView" not in rice["body"]
    assert rice["language"] == "en"  # from the channel's <language>en-us</language>

    aid = by_title["Pemerintah umumkan bantuan pangan untuk petani"]
    assert aid["url"] == srv.url("berita/bantuan-pangan")  # fragment dropped
    assert _when(aid["published_at"]) == datetime.fromisoformat("2024-10-28T07:05:00+00:00")
    assert "\n\n" in aid["body"]  # paragraphs kept

    port = by_title["Port strike enters second week at Tanjung Priok"]
    assert port["url"] is None and port["id"].startswith("guid-")
    assert _when(port["published_at"]) == datetime.fromisoformat("2024-10-29T01:30:00+00:00")

    seoul = by_title["Seoul summons envoy over missile test"]
    assert seoul["outlet"] == "Test Atom"
    assert _when(seoul["published_at"]) == datetime.fromisoformat("2024-11-04T23:00:00+00:00")
    assert "Security Council" in seoul["body"]

    # Within a feed the oldest entry goes first.
    wire = [a for a in articles if a["outlet"] == "Test Wire"]
    assert [a["published_at"] for a in wire] == sorted(a["published_at"] for a in wire)

    # Polling again: nothing new (Redis remembers what was produced).
    assert make_ingestor(config).run_once().produced == 0
    # A "restart": new ingestor, new producer, new Redis connection. Still nothing new.
    restarted = make_ingestor(config)
    assert restarted.run_once().produced == 0
    assert feeds_kit.size() == 5

    # A new item in the feed becomes exactly one new article.
    srv.serve("news.xml", "rss2_v2.xml")
    report = restarted.run_once()
    assert report.produced == 1
    articles = feeds_kit.articles()
    assert len(articles) == 6
    assert articles[-1]["title"] == "Flights resume at Bali airport after ash cloud clears"

    status = feeds_kit.state().status_for_url(news_url)
    assert status.counters["items_new"] == 4
    assert status.counters["fetches"] == 4
    assert status.last_new_item is not None and status.consecutive_errors == 0
    assert status.last_result == "ok"


def test_summary_only_entries_get_the_article_page_text(feeds_kit: Any, make_ingestor: Any) -> None:
    srv = feeds_kit.server
    url = srv.url("summary_feed.xml")
    config = feeds_kit.config([{"url": url, "outlet": "Summary Daily", "language": "id"}])

    report = make_ingestor(config).run_once()

    assert report.produced == 3
    by_title = {a["title"]: a for a in feeds_kit.articles()}
    flood = by_title["Banjir rendam ribuan rumah di Jakarta Timur"]["body"]
    assert "tiga ribu rumah" in flood and "Sungai Ciliwung" in flood
    for noise in ("Baca juga", "Hak cipta", "Beranda", "Harga cabai", "dataLayer"):
        assert noise not in flood
    bridge = by_title["Harbour bridge reopens after repairs"]["body"]
    assert "four hundred corroded plates" in bridge
    for noise in ("Subscribe", "Copyright", "Share on Facebook", "morning briefing"):
        assert noise not in bridge
    # The page is gone, the teaser is still a valid item.
    missing = by_title["Page that no longer exists"]["body"]
    assert missing.startswith("A teaser whose page returns 404")

    status = feeds_kit.state().status_for_url(url)
    assert status.errors.get("page_http_status") == 1
    assert status.consecutive_errors == 0

    # Already-produced entries are skipped before their pages are fetched again.
    page_hits = len(srv.hits("/articles/"))
    assert page_hits == 3
    assert make_ingestor(config).run_once().produced == 0
    assert len(srv.hits("/articles/")) == page_hits


def test_conditional_get_gets_a_304_and_produces_nothing(feeds_kit: Any, make_ingestor: Any) -> None:
    srv = feeds_kit.server
    url = srv.url("etag/rss2.xml")
    config = feeds_kit.config([{"url": url, "outlet": "Etag Wire"}])
    ingestor = make_ingestor(config)

    assert ingestor.run_once().produced == 3
    second = ingestor.run_once()

    assert second.produced == 0 and second.feeds[0].result == "not_modified"
    first_req, second_req = srv.hits("/etag/")
    assert "if-none-match" not in first_req[1]
    assert second_req[1]["if-none-match"].startswith('"')
    assert second_req[1]["if-modified-since"] == "Mon, 04 Nov 2024 10:00:00 GMT"
    status = feeds_kit.state().status_for_url(url)
    assert status.counters["not_modified"] == 1 and status.last_result == "not_modified"
    assert feeds_kit.size() == 3


def test_redirects_are_followed_and_bounded(feeds_kit: Any, make_ingestor: Any) -> None:
    srv = feeds_kit.server
    ok_url = srv.url("redirect/2/atom.xml")
    loop_url = srv.url("redirect/9/rss2.xml")
    config = feeds_kit.config([{"url": ok_url, "outlet": "Hop Two"}, {"url": loop_url, "outlet": "Hop Nine"}])
    before = time.time()

    results = _by_url(make_ingestor(config).run_once())

    assert results[ok_url].produced == 2
    assert results[loop_url].result == "error"
    assert results[loop_url].error_kind == "too_many_redirects"
    # max_redirects=3: the first request plus 3 hops, then it stops asking.
    assert len(srv.hits("/redirect/")) - 3 == 4
    status = feeds_kit.state().status_for_url(loop_url)
    assert status.consecutive_errors == 1 and status.errors == {"too_many_redirects": 1}
    assert status.backoff_seconds and status.next_poll and status.next_poll > before


def test_broken_slow_and_huge_feeds_are_counted_never_fatal(feeds_kit: Any, make_ingestor: Any) -> None:
    srv = feeds_kit.server
    urls = {
        "malformed": srv.url("malformed.xml"),
        "html": srv.url("html_instead.xml"),
        "latin1": srv.url("latin1.xml"),
        "empty": srv.url("empty_entries.xml"),
        "garbage": srv.url("garbage.xml"),
        "big": srv.url("big/1000000"),
        "big_cl": srv.url("big-cl/1000000"),
        "bomb": srv.url("gzip-bomb/5000000"),
        "slow": srv.url("slow/3/rss2.xml"),
        "drip": srv.url("drip/atom.xml"),
        "e500": srv.url("status/500"),
        "e429": srv.url("status/429"),
        "good": srv.url("rss2.xml"),
    }
    config = feeds_kit.config([{"url": u, "outlet": name} for name, u in urls.items()])
    ingestor = make_ingestor(config)

    started = time.monotonic()
    report = ingestor.run_once()
    elapsed = time.monotonic() - started

    assert elapsed < 15, f"slow feeds held the poll for {elapsed:.1f}s"
    r = {name: _by_url(report)[u] for name, u in urls.items()}
    state = feeds_kit.state()
    st = {name: state.status_for_url(u) for name, u in urls.items()}

    # Malformed XML: the good entries around the broken one survive.
    titles = {a["title"] for a in feeds_kit.articles()}
    assert r["malformed"].result == "ok" and r["malformed"].produced >= 2
    assert {
        "Fishermen report record tuna catch off Sulawesi",
        "City council approves new bus lanes",
    } <= titles
    assert st["malformed"].errors.get("malformed") == 1

    assert r["html"].error_kind == "not_a_feed"
    assert srv.url("rss2.xml") in (r["html"].error or "")  # tells the user where the feed is
    assert r["garbage"].error_kind == "not_a_feed"

    # Latin-1 bytes labelled utf-8: decoded correctly, and the mislabel is counted.
    assert r["latin1"].produced == 1
    assert "José Müller named envoy to São Paulo trade fair" in titles
    assert st["latin1"].errors.get("encoding") == 1

    assert r["empty"].produced == 1 and st["empty"].errors.get("empty_entry") == 1

    for name in ("big", "big_cl", "bomb"):
        assert r[name].error_kind == "too_large", name
    for name in ("slow", "drip"):
        assert r[name].error_kind == "timeout", name
    assert r["e500"].error_kind == "http_status"
    assert r["e429"].error_kind == "http_status"
    assert st["e429"].backoff_seconds is not None and st["e429"].backoff_seconds >= 120

    assert r["good"].produced == 3  # one feed's trouble costs the others nothing
    for name in ("html", "garbage", "big", "big_cl", "bomb", "slow", "drip", "e500", "e429"):
        assert st[name].consecutive_errors == 1, name
        assert st[name].next_poll and st[name].next_poll > time.time(), name

    # A second failure in a row backs off further (same feed, forced poll).
    first_backoff = st["e500"].backoff_seconds
    ingestor.run_once()
    again = state.status_for_url(urls["e500"])
    assert again.consecutive_errors == 2 and again.errors == {"http_status": 2}
    assert first_backoff is not None and again.backoff_seconds is not None
    assert again.backoff_seconds > first_backoff * 0.99  # poll*2 with jitter >= poll*1


def test_private_addresses_are_refused_unless_allow_listed(feeds_kit: Any, make_ingestor: Any) -> None:
    srv = feeds_kit.server
    port = srv.base.rsplit(":", 1)[1]
    blocked = [
        srv.url("rss2.xml?blocked=1"),
        f"http://localhost:{port}/rss2.xml?blocked=2",
    ]
    config = feeds_kit.config(
        [{"url": u, "outlet": f"blocked {i}", "allow_private": False} for i, u in enumerate(blocked)]
    )

    results = _by_url(make_ingestor(config).run_once())

    for url in blocked:
        assert results[url].error_kind == "blocked_address", results[url]
    assert srv.hits("/rss2.xml") == []  # refused before any connection
    assert feeds_kit.size() == 0


def test_redirect_hops_are_checked_like_the_first_request(feeds_kit: Any, make_ingestor: Any):
    """An allow-listed host cannot redirect us to another private host or another scheme."""
    srv = feeds_kit.server
    port = srv.base.rsplit(":", 1)[1]
    to_other_private = srv.url(f"goto/http://localhost:{port}/rss2.xml")
    to_file = srv.url("goto/file:///etc/passwd")
    config = feeds_kit.config(
        [
            {"url": to_other_private, "outlet": "Hop to localhost"},  # 127.0.0.1 allow-listed
            {"url": to_file, "outlet": "Hop to file"},
        ]
    )

    results = _by_url(make_ingestor(config).run_once())

    assert results[to_other_private].error_kind == "blocked_address"
    assert results[to_file].error_kind == "bad_url"
    assert srv.hits("/rss2.xml") == []


def test_syndicated_copies_point_at_the_first_article(feeds_kit: Any, make_ingestor: Any) -> None:
    srv = feeds_kit.server
    config = feeds_kit.config(
        [
            {"url": srv.url("wire_a.xml"), "outlet": "Wire Agency"},
            {"url": srv.url("wire_b.xml"), "outlet": "Daily Copy"},
            {"url": srv.url("wire_c.xml"), "outlet": "Exact Mirror"},
        ]
    )

    report = make_ingestor(config).run_once()

    assert report.produced == 4
    arts = {a["outlet"] + "|" + a["title"]: a for a in feeds_kit.articles()}
    original = arts["Wire Agency|Flores volcano erupts again, thousands evacuated"]
    near_copy = arts["Daily Copy|Thousands flee as Flores volcano erupts"]
    exact_copy = arts["Exact Mirror|Flores volcano erupts again, thousands evacuated"]
    unrelated = arts["Daily Copy|Bali hotel occupancy hits post-pandemic high"]
    assert original["syndicated_from"] is None
    assert near_copy["syndicated_from"] == original["id"]
    assert exact_copy["syndicated_from"] == original["id"]
    assert unrelated["syndicated_from"] is None
    assert len({original["id"], near_copy["id"], exact_copy["id"]}) == 3

    statuses = {s.outlet: s for s in feeds_kit.state().statuses()}
    assert statuses["Daily Copy"].counters["items_syndicated"] == 1
    assert statuses["Daily Copy"].counters["items_new"] == 1

    # Restart: the syndication index is in Redis too, nothing is produced twice.
    assert make_ingestor(config).run_once().produced == 0


def test_run_forever_polls_and_stops_on_request(feeds_kit: Any, make_ingestor: Any) -> None:
    config = feeds_kit.config([{"url": feeds_kit.server.url("atom.xml"), "outlet": "Loop"}])
    ingestor = make_ingestor(config)
    stop = threading.Event()
    thread = threading.Thread(target=ingestor.run_forever, args=(stop,), daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while feeds_kit.size() < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    stop.set()
    thread.join(timeout=5)
    assert not thread.is_alive()
    assert feeds_kit.size() == 2
    # The feed is scheduled for its next poll (poll_seconds=60, +-10%), not hammered.
    status = feeds_kit.state().status_for_url(feeds_kit.server.url("atom.xml"))
    assert status.counters["fetches"] == 1
    assert status.next_poll and status.next_poll - status.last_fetch >= 50


def test_cli_ingest_once_and_status(feeds_kit: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    srv = feeds_kit.server
    good, bad = srv.url("atom.xml"), srv.url("status/503")
    feeds_file = tmp_path / "feeds.yaml"
    feeds_file.write_text(
        yaml.safe_dump(
            {
                "options": {"connect_timeout": 1, "read_timeout": 1, "total_timeout": 3},
                "feeds": [
                    {"url": good, "outlet": "CLI Good", "allow_private": True},
                    {"url": bad, "outlet": "CLI Bad", "allow_private": True},
                ],
            }
        )
    )
    monkeypatch.setattr(feeds_cli, "get_settings", lambda: feeds_kit.settings)
    # Mounted the way the lead's streams/cli.py mounts it.
    app = typer.Typer()
    app.add_typer(feeds_cli.feeds_app, name="feeds")
    app.command("ingest")(feeds_cli.ingest_command)
    runner = CliRunner()

    result = runner.invoke(app, ["ingest", "--once", "--json", "-f", str(feeds_file)])
    assert result.exit_code == 0, result.output
    report = orjson.loads(result.stdout)
    assert report["produced"] == 2
    assert {f["outlet"]: f["result"] for f in report["feeds"]} == {
        "CLI Good": "ok",
        "CLI Bad": "error",
    }

    result = runner.invoke(app, ["feeds", "status", "--json", "-f", str(feeds_file)])
    assert result.exit_code == 0, result.output
    status = {s["outlet"]: s for s in orjson.loads(result.stdout)}
    assert status["CLI Good"]["counters"]["items_new"] == 2
    assert status["CLI Good"]["last_new_item"] is not None
    assert status["CLI Bad"]["consecutive_errors"] == 1
    assert status["CLI Bad"]["errors"] == {"http_status": 1}
    assert status["CLI Bad"]["backoff_seconds"] > 0

    result = runner.invoke(app, ["feeds", "status", "-f", str(feeds_file)])
    assert result.exit_code == 0, result.output
    assert "Feed health" in result.stdout and "503" in result.stdout  # narrow: wrapped

    result = runner.invoke(app, ["feeds", "list", "-f", str(feeds_file)])
    assert result.exit_code == 0 and "CLI Bad" in result.stdout


def test_dns_rebinding_is_caught_at_connect_time(feeds_kit: Any, make_ingestor: Any) -> None:
    """The resolver says "public", the socket lands on loopback: the peer check refuses."""
    srv = feeds_kit.server
    url = srv.url("rss2.xml?rebind=1").replace("127.0.0.1", "rebind.test")
    port = int(srv.base.rsplit(":", 1)[1])
    config = feeds_kit.config([{"url": url, "outlet": "Rebinder", "allow_private": False}])

    def lying_resolver(host: str, port_: int) -> list[str]:
        return ["93.184.216.34"]  # what the pre-connect check sees

    # urllib3 resolves again when it connects; make that land on our loopback server.
    import socket

    real = socket.getaddrinfo

    def fake_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        return real("127.0.0.1" if host == "rebind.test" else host, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket, "getaddrinfo", fake_getaddrinfo)
        results = _by_url(make_ingestor(config, resolver=lying_resolver).run_once())

    assert results[url].error_kind == "blocked_address", results[url]
    assert port and srv.hits("/rss2.xml") == []  # connected, but not a byte was sent
    assert feeds_kit.size() == 0
