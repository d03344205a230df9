"""A desk stack for the web tests: the real worker (tests/integration/conftest.py), `claimwatch web`
as a subprocess on a free port, and the seeds replayed once — with made-up source URLs and
headlines, so that provenance can be followed from an alert to its source."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pytest

from schemas import Article
from streams.replay import load_articles, replay
from streams.settings import Settings, free_port
from streams.subprocs import stop_process
from tests.integration.conftest import ROOT, settings_env

CHROMIUM = Path("/usr/bin/chromium")
# As the machine's notes require: no background networking, a fresh profile every time.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def seed_articles() -> list[Article]:
    return [
        a.model_copy(update={"url": f"https://news.example/{a.id}", "title": f"Headline of {a.id}"})
        for a in load_articles(ROOT / "seeds")
    ]


@dataclass
class DeskStack:
    settings: Settings
    base: str
    proc: subprocess.Popen[str]
    replayed: list[Article] = field(default_factory=list)

    def get(self, path: str, *, timeout: float = 15.0) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=timeout) as r:
                return int(r.status), bytes(r.read())
        except urllib.error.HTTPError as err:
            return int(err.code), bytes(err.read())

    def json(self, path: str) -> Any:
        status, body = self.get(path)
        assert status == 200, (path, status, body[:500])
        return orjson.loads(body)

    def replay_seeds(self) -> None:
        if not self.replayed:
            self.replayed = seed_articles()
            replay(self.replayed, self.settings)

    def wait_for_alerts(self, at_least: int, *, idle_s: float = 6.0, timeout_s: float = 150.0) -> int:
        """Until the desk holds at least `at_least` alerts and no new one came for idle_s."""
        deadline = time.monotonic() + timeout_s
        last, since = -1, time.monotonic()
        while time.monotonic() < deadline:
            total = int(self.json("/api/v1/alerts?limit=1")["total"])
            if total != last:
                last, since = total, time.monotonic()
            elif total >= at_least and time.monotonic() - since >= idle_s:
                return total
            time.sleep(0.5)
        raise AssertionError(f"the desk holds {last} alerts, expected at least {at_least}")


@pytest.fixture(scope="module")
def desk_stack(running_worker: Settings) -> Iterator[DeskStack]:
    settings = running_worker
    port = free_port()
    env = {**settings_env(settings), "CW_WEB_PORT": str(port), "CW_LOG_LEVEL": "WARNING"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streams.cli", "web"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    stack = DeskStack(settings, f"http://127.0.0.1:{port}", proc)
    deadline = time.monotonic() + 60
    while True:
        try:
            if stack.get("/api/v1/health", timeout=2)[0] == 200:
                break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            out = proc.stdout.read() if proc.stdout and proc.poll() is not None else ""
            stop_process(proc)
            pytest.fail(f"claimwatch web did not become healthy: {out[-2000:]}")
        time.sleep(0.3)
    try:
        yield stack
    finally:
        stop_process(proc)


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (never a browser Playwright downloads)."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} not found: run ops/install.sh as root (apt-get install chromium chromium-driver)"
        )
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="claimwatch-chromium-")
    try:
        with sync_playwright() as p:
            context = p.chromium.launch_persistent_context(
                profile,
                executable_path=str(CHROMIUM),
                args=CHROMIUM_ARGS,
                headless=True,
                viewport={"width": 1280, "height": 900},
            )
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def screenshot(page: Any, name: str) -> None:
    """Saved when CW_SCREENSHOTS names a folder (ops/screenshots/ for the README)."""
    folder = os.environ.get("CW_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / name))
