"""The desk end to end: a real worker, `claimwatch web`, the seeds replayed, a real browser
(Debian's Chromium driven by Playwright), the JSON API, the CLI, and Redis watched for writes."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from typing import Any
from urllib.parse import quote

import orjson
import pytest
import redis

from schemas import Alert
from streams.core.people import Person
from streams.runtime.people import RedisPeople
from streams.web.readonly import READ_COMMANDS
from tests.integration.conftest import ROOT, settings_env
from tests.integration.web.conftest import DeskStack, chromium, screenshot
from tests.storyline import storyline_failures

pytestmark = pytest.mark.integration

STORY = "troops_deployed:north_korea:russia"
MIN_ALERTS = 7  # the brief's storyline


def wait_true(page: Any, js: str, timeout_s: float) -> None:
    """Poll a JS expression from here (the page's CSP forbids the eval Playwright's own
    wait_for_function relies on, which is the point of the CSP)."""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(js):
        if time.monotonic() > deadline:
            raise AssertionError(f"not true within {timeout_s}s: {js}")
        time.sleep(0.25)


def test_alerts_appear_live_and_the_views_render_in_a_browser(desk_stack: DeskStack) -> None:
    with chromium() as browser:
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

        page.goto(desk_stack.base + "/")
        page.wait_for_selector("#no-alerts")  # nothing yet
        page.evaluate("window.__sameDocument = true")

        desk_stack.replay_seeds()
        # Alerts arrive over the live stream, without a reload.
        wait_true(page, f"document.querySelectorAll('article.alert').length >= {MIN_ALERTS}", 150)
        page.wait_for_selector("article.alert.k-stance_reversal", timeout=60_000)
        total = desk_stack.wait_for_alerts(MIN_ALERTS)
        wait_true(page, f"document.querySelectorAll('article.alert').length === {total}", 30)
        assert page.evaluate("window.__sameDocument") is True
        assert page.locator("#no-alerts").count() == 0
        counted = sum(int(x) for x in page.locator("[data-count]").all_inner_texts())
        assert counted == total  # the per-kind counters followed the stream
        source = page.locator("article.alert a.source").first
        assert (source.get_attribute("href") or "").startswith("https://news.example/seed-")
        screenshot(page, "web-live.png")

        # A stance table with its evidence, oldest first, and sources.
        page.goto(desk_stack.base + "/party/russia")
        table = page.locator("#stance-table")
        table.wait_for()
        assert table.locator("tbody tr").count() >= 2
        rows = table.locator("tbody tr")
        longest = max(range(rows.count()), key=lambda i: rows.nth(i).locator("ol.timeline > li").count())
        timeline = rows.nth(longest).locator("ol.timeline > li")
        assert timeline.count() >= 2  # Russia said several things about one proposition
        dates = [t for t in timeline.locator("time").all_inner_texts()]
        assert dates == sorted(dates)
        assert table.locator(".stance.s-deny").count() >= 1 and table.locator(".stance.s-affirm").count() >= 1
        assert table.locator("a.source").count() >= 1
        screenshot(page, "web-stance.png")

        # A story's timeline chart: drawn, one point per claim.
        page.goto(desk_stack.base + "/story/" + quote(STORY))
        wait_true(page, "window.claimwatchChart !== undefined", 15)
        points = page.evaluate("window.claimwatchChart.data.datasets.reduce((n, d) => n + d.data.length, 0)")
        rows = page.locator("table.claims tbody tr").count()
        assert points == rows and points >= 5
        parties = page.evaluate("window.claimwatchChart.scales.y.getLabels()")
        assert {"Russia", "Ukraine", "NATO"} <= set(parties)
        painted = page.evaluate(
            """() => { const c = document.getElementById('timeline');
                       const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                       let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }"""
        )
        assert painted > 1000  # something was drawn on the canvas
        screenshot(page, "web-story.png")

        # Search from the header finds a quote and marks the words.
        page.goto(desk_stack.base + "/")
        page.fill("header .quick input[name=q]", "Rutte")
        page.press("header .quick input[name=q]", "Enter")
        page.wait_for_selector("#results li.hit")
        hits = page.locator("#results mark.hit").all_inner_texts()
        assert hits and all(h.casefold() == "rutte" for h in hits)
        assert "claim" in page.locator("#result-count").inner_text()

        # "in context": the article's text with that quote marked.
        page.locator("#results li.hit a.context").first.click()
        page.wait_for_selector("mark.quote.target")
        assert page.locator(".article-text mark.quote").count() >= 1
        assert errors == [], errors


def _storyline_on_the_desk(stack: DeskStack) -> list[Alert]:
    stack.replay_seeds()
    stack.wait_for_alerts(MIN_ALERTS)
    items = stack.json("/api/v1/alerts?limit=1000&order=event_time")["items"]
    return [Alert.model_validate(a) for a in items]


def test_the_api_serves_the_storyline_with_sources(desk_stack: DeskStack) -> None:
    alerts = _storyline_on_the_desk(desk_stack)
    assert storyline_failures(alerts) == []
    assert len({a.id for a in alerts}) == len(alerts)  # repeats dropped
    for a in alerts:
        for e in [a.trigger, *a.related]:
            assert e.url == f"https://news.example/{e.article_id}", e
            assert e.title == f"Headline of {e.article_id}" and e.published_at is not None

    status, body = desk_stack.get("/api/v1/export/alerts.csv")
    assert status == 200 and body.decode().count("\r\n") == len(alerts) + 1

    table = desk_stack.json("/api/v1/parties/Kremlin/stance")  # a label works as well as an id
    assert table["actor"]["id"] == "kremlin"
    for row in table["rows"]:
        times = [e["event_time"] for e in row["timeline"]]
        assert times == sorted(times)
    story = desk_stack.json("/api/v1/propositions/" + quote(STORY))
    assert {p["party"] for p in story["positions"]} >= {"russia", "ukraine", "nato"}
    health = desk_stack.json("/api/v1/health")
    assert health["ok"] and health["kafka"]["caught_up"] and health["alerts"] == len(alerts)

    status, body = desk_stack.get("/api/v1/alerts?kind=NOPE")
    assert status == 422 and b"kind" in body

    # The people the worker remembers, as Redis holds them (one set here as a user would); a party
    # filter narrows them.
    r = redis.Redis.from_url(desk_stack.settings.redis_url)
    memory = RedisPeople(r, desk_stack.settings.redis_prefix)
    memory.set(Person("Kaarel Tamm", "estonia", role="minister"))
    people = desk_stack.json("/api/v1/people")
    assert [(p["name"], p["party"]) for p in people] == [(p.name, p.party) for p in memory.all()]
    assert desk_stack.json("/api/v1/people?party=estonia") == [
        {"name": "Kaarel Tamm", "party": "estonia", "role": "minister", "actor_id": None}
    ]
    assert desk_stack.json("/api/v1/people?party=nobody") == []


def _clients(r: redis.Redis, name: str) -> set[str]:
    return {c["addr"] for c in r.client_list() if c.get("name") == name}


def test_the_web_view_never_writes_to_redis(desk_stack: DeskStack) -> None:
    """MONITOR every command while every page and API route is read: none from the web's
    connections may be a write."""
    desk_stack.replay_seeds()
    desk_stack.wait_for_alerts(MIN_ALERTS)
    r = redis.Redis.from_url(desk_stack.settings.redis_url)
    seen: list[tuple[str, str]] = []
    stop = threading.Event()
    ready = threading.Event()

    def monitor() -> None:
        with r.monitor() as m:
            ready.set()
            while not stop.is_set():
                cmd = m.next_command()
                seen.append((f"{cmd['client_address']}:{cmd['client_port']}", cmd["command"]))

    thread = threading.Thread(target=monitor, daemon=True)
    thread.start()
    ready.wait(10)
    paths = [
        "/",
        "/stories",
        "/parties",
        "/party/russia",
        "/party/nato",
        "/story/" + quote(STORY),
        "/search?q=kremlin",
        "/api/v1/parties",
        "/api/v1/parties/russia/stance",
        "/api/v1/propositions/" + quote(STORY),
        "/api/v1/health",
        "/api/v1/people",
        f"/article/{desk_stack.replayed[0].id}",
    ]
    for path in paths:
        status, _ = desk_stack.get(path)
        assert status == 200, path
    web = _clients(r, "claimwatch-web")
    r.ping()  # one more command so the monitor wakes up, then stop
    stop.set()
    thread.join(10)
    assert web, "the web view's Redis connections carry the name claimwatch-web"
    from_web = [cmd for addr, cmd in seen if addr in web]
    assert from_web, "the pages read Redis"
    written = [c for c in from_web if c.split()[0].upper() not in READ_COMMANDS | {"CLIENT", "HELLO", "AUTH"}]
    assert written == []


def _cli(stack: DeskStack, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "streams.cli", *args],
        cwd=ROOT,
        env=settings_env(stack.settings),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_cli_links_every_alert_to_its_source(desk_stack: DeskStack) -> None:
    alerts = _storyline_on_the_desk(desk_stack)
    summary = _cli(desk_stack, "alerts", "--summary")
    assert summary.returncode == 0, summary.stderr
    assert f"{len(alerts)} alert(s)" in summary.stderr
    lines = [ln for ln in summary.stdout.splitlines() if ln.strip()[:1].isdigit()]
    assert len(lines) == len(alerts)  # one line per alert
    assert all("https://news.example/seed-" in ln for ln in lines)
    dates = [ln.split()[1] for ln in lines]
    assert dates == sorted(dates)  # event-time order

    full = _cli(desk_stack, "alerts", "--kind", "stance_reversal")
    assert full.returncode == 0 and "source: Headline of seed-004" in full.stdout

    as_json = _cli(desk_stack, "alerts", "--json")
    for line in as_json.stdout.splitlines():
        alert = Alert.model_validate(orjson.loads(line))
        assert alert.schema_version == 2 and alert.trigger.url

    table = _cli(desk_stack, "stance", "russia", "--json")
    data: dict[str, Any] = orjson.loads(table.stdout)
    assert table.stdout.count("\n") > 20  # indented, not one long line
    assert any(e.get("url") for row in data["rows"] for e in row["timeline"])

    explained = _cli(desk_stack, "explain", desk_stack.replayed[0].id)
    assert explained.returncode == 0, explained.stderr
    assert "source: https://news.example/" in explained.stdout and "CLAIM" in explained.stdout
