"""The Docker image, checked without a Docker engine: ops/Dockerfile's install done the same way
(`pip install .` of the build context into a fresh environment, the chart library copied in as the
node stage does), the code read-only, and the image's entrypoint and commands run as its non-root
user (uid 10001, no entry in /etc/passwd, HOME its only writable place) with the Dockerfile's
environment, against the real Kafka and Redis: the worker gets ready, the web view answers and
serves its chart library, the ingester serves its metrics, and the seeds replay from the image.
Also run as `ops/image-check.sh`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from streams.kafka_io import ensure_topics
from streams.settings import Settings, free_port
from streams.subprocs import stop_process
from tests.integration.conftest import ROOT, make_settings, settings_env

pytestmark = pytest.mark.integration

DOCKERFILE = ROOT / "ops" / "Dockerfile"
VENDOR = ROOT / "ops" / "web" / "node_modules" / "chart.js"


@dataclass
class Image:
    root: Path  # stands for the container's /
    env: dict[str, str]  # the Dockerfile's ENV, paths mapped into root
    uid: int
    gid: int
    workdir: Path
    entrypoint: list[str]
    cmd: list[str]
    python: Path

    def path(self, inside: str) -> Path:
        return self.root / inside.lstrip("/")

    def run(self, args: list[str], extra_env: dict[str, str]) -> subprocess.Popen[str]:
        env = {**self.env, **extra_env, "PATH": f"{self.python.parent}:/usr/bin:/bin"}
        return subprocess.Popen(
            ["setpriv", f"--reuid={self.uid}", f"--regid={self.gid}", "--clear-groups", *args],
            cwd=self.workdir,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )


def _final_stage(text: str) -> list[str]:
    lines = re.sub(r"\\\n\s*", " ", text).splitlines()
    starts = [i for i, ln in enumerate(lines) if ln.strip().upper().startswith("FROM ")]
    return [ln.strip() for ln in lines[starts[-1] :] if ln.strip() and not ln.strip().startswith("#")]


def _json_list(value: str) -> list[str]:
    parsed = yaml.safe_load(value)
    assert isinstance(parsed, list), value
    return [str(x) for x in parsed]


def parse_dockerfile() -> dict[str, object]:
    stage = _final_stage(DOCKERFILE.read_text())
    env: dict[str, str] = {}
    info: dict[str, object] = {"env": env}
    for line in stage:
        word, _, rest = line.partition(" ")
        word = word.upper()
        if word == "ENV":
            for key, value in re.findall(r'(\w+)=("[^"]*"|\S*)', rest):
                env[key] = value.strip('"')
        elif word in ("WORKDIR", "USER"):
            info[word.lower()] = rest.strip()
        elif word in ("ENTRYPOINT", "CMD"):
            info[word.lower()] = _json_list(rest)
    return info


def _reachable_by_others(path: Path) -> bool:
    real = path.resolve()
    return all(os.stat(p).st_mode & 0o001 for p in [*reversed(real.parents), real.parent])


def _python_for_others() -> str:
    """A Python 3.11/3.12 the image's user can run (the project's own may live under /root)."""
    for candidate in (
        sys.executable,
        "/usr/local/bin/python3.11",
        "/usr/bin/python3.11",
        "/usr/bin/python3.12",
    ):
        path = Path(candidate)
        base = Path(sys.base_prefix) / "bin" / path.name if candidate == sys.executable else path
        if base.exists() and _reachable_by_others(base):
            return str(base)
    pytest.fail("no Python 3.11/3.12 that a non-root user can run (apt-get install python3 python3-venv)")


@pytest.fixture(scope="module")
def image() -> Iterator[Image]:
    if os.geteuid() != 0:
        pytest.skip("needs root to switch to the image's user (setpriv)")
    assert shutil.which("setpriv"), "setpriv (util-linux) is needed"
    assert (VENDOR / "dist" / "chart.umd.min.js").is_file(), "run ops/install.sh (npm ci in ops/web)"
    info = parse_dockerfile()
    uid, _, gid = str(info["user"]).partition(":")
    root = Path(tempfile.mkdtemp(prefix="claimwatch-image-"))
    os.chmod(root, 0o755)
    try:
        workdir = root / str(info["workdir"]).lstrip("/")
        # COPY . . — the build context of a fresh clone (tracked files)
        files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
        for name in filter(None, files.decode().split("\0")):
            src = ROOT / name
            if src.is_file():
                dst = workdir / name
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dst)
        # COPY --from=web-assets ... streams/web/static/vendor/
        vendor = workdir / "streams" / "web" / "static" / "vendor"
        vendor.mkdir(parents=True, exist_ok=True)
        shutil.copy2(VENDOR / "dist" / "chart.umd.min.js", vendor / "chart.umd.min.js")
        shutil.copy2(VENDOR / "LICENSE.md", vendor / "chart.js.LICENSE.md")
        # RUN pip install . — into a fresh environment; dependencies come from this machine's
        # pip cache or PyPI, as in the image.
        venv = root / "usr" / "local"
        subprocess.run([_python_for_others(), "-m", "venv", str(venv)], check=True)
        pip = subprocess.run(
            [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check", "."],
            cwd=workdir,
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert pip.returncode == 0, pip.stderr[-3000:]
        # useradd --create-home ... && install -d -o claimwatch ... ~/.cw ~/.cw/faust
        env = {
            k: re.sub(r"^/", str(root) + "/", v) if v.startswith("/") else v for k, v in info["env"].items()
        }  # type: ignore[union-attr]
        home = Path(env["HOME"])
        for d in (home, home / ".cw", home / ".cw" / "faust"):
            d.mkdir(parents=True, exist_ok=True)
            os.chown(d, int(uid), int(gid))
        for fixed in (workdir, venv):  # root-owned, not writable by the user
            assert os.stat(fixed).st_uid == 0 and not os.stat(fixed).st_mode & 0o002
        entrypoint = [str(root / p.lstrip("/")) if p.startswith("/") else p for p in info["entrypoint"]]  # type: ignore[union-attr]
        yield Image(
            root, env, int(uid), int(gid), workdir, entrypoint, list(info["cmd"]), venv / "bin" / "python"
        )  # type: ignore[arg-type]
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _wait_for(proc: subprocess.Popen[str], needle: str, timeout_s: float) -> str:
    out: list[str] = []
    found = threading.Event()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            out.append(line)
            if needle in line:
                found.set()

    threading.Thread(target=pump, daemon=True).start()
    deadline = time.monotonic() + timeout_s
    while not found.wait(0.5) and proc.poll() is None and time.monotonic() < deadline:
        pass
    assert found.is_set(), f"no {needle!r} in:\n" + "".join(out[-60:])
    return "".join(out)


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=5) as r:
        return int(r.status), bytes(r.read())


def _poll(url: str, timeout_s: float) -> bytes:
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            status, body = _get(url)
            if status == 200:
                return body
        except OSError:
            pass
        assert time.monotonic() < deadline, f"{url} did not answer"
        time.sleep(0.5)


@pytest.fixture(scope="module")
def stack_settings(services_env: dict[str, str]) -> Settings:
    settings = make_settings(services_env, "image")
    ensure_topics(settings)
    return settings


def _env(settings: Settings, image: Image) -> dict[str, str]:
    env = {k: v for k, v in settings_env(settings).items() if k.startswith("CW_")}
    for key in ("CW_WORKER_DATA_DIR", "CW_SEEDS_DIR", "CW_REDIS_PASSWORD_FILE", "CW_FEEDS_FILE"):
        env.pop(key, None)  # the image's own values
    return env


def test_the_dockerfile_runs_as_a_non_root_user() -> None:
    info = parse_dockerfile()
    assert str(info["user"]).split(":")[0] not in ("", "0", "root")
    env = info["env"]
    assert isinstance(env, dict) and env["CW_WORKER_DATA_DIR"].startswith(env["HOME"])
    assert "COPY --from=web-assets" in DOCKERFILE.read_text()


def test_the_image_runs_as_its_user_with_read_only_code(image: Image, stack_settings: Settings) -> None:
    env = _env(stack_settings, image)
    procs: list[subprocess.Popen[str]] = []
    try:
        # The default command through the entrypoint: the supervised worker.
        worker = image.run([*image.entrypoint, *image.cmd], env)
        procs.append(worker)
        _wait_for(worker, "claimwatch worker ready", 150)
        assert worker.poll() is None

        # The web view, with its chart library from the image.
        web_port = free_port()
        web = image.run([*image.entrypoint, "claimwatch", "web"], {**env, "CW_WEB_PORT": str(web_port)})
        procs.append(web)
        health = _poll(f"http://127.0.0.1:{web_port}/api/v1/health", 60)
        assert b'"ok":true' in health
        status, js = _get(f"http://127.0.0.1:{web_port}/static/vendor/chart.umd.min.js")
        assert status == 200 and b"Chart" in js[:5000]

        # The seeds, from the image, replayed by the same user.
        replay = image.run([*image.entrypoint, "claimwatch", "replay"], env)
        out, _ = replay.communicate(timeout=120)
        assert replay.returncode == 0, out
        assert "replayed 5 article(s)" in out
        deadline = time.monotonic() + 120
        while b'"total":0' in _poll(f"http://127.0.0.1:{web_port}/api/v1/alerts?limit=1", 10):
            assert time.monotonic() < deadline, "no alert reached the web view"
            time.sleep(1)

        # The ingester, with its metrics, on a local feed.
        feeds = _local_feed_server()
        feeds_file = image.path("/etc/claimwatch/feeds.yaml")  # like a mounted config file
        feeds_file.parent.mkdir(parents=True, exist_ok=True)
        feeds_file.write_text(
            yaml.safe_dump({"feeds": [{"url": feeds.url, "outlet": "Image Test", "allow_private": True}]})
        )
        metrics_port = free_port()
        ingest = image.run(
            [*image.entrypoint, "claimwatch", "ingest"],
            {**env, "CW_FEEDS_FILE": str(feeds_file), "CW_INGEST_METRICS_PORT": str(metrics_port)},
        )
        procs.append(ingest)
        time.sleep(1)
        assert ingest.poll() is None, ingest.stdout.read() if ingest.stdout else ""
        deadline = time.monotonic() + 60
        while b'claimwatch_feed_fetches_total{outlet="Image Test",result="ok"}' not in (
            metrics := _poll(f"http://127.0.0.1:{metrics_port}/metrics", 60)
        ):
            assert time.monotonic() < deadline, metrics[-1500:]
            time.sleep(0.5)
        feeds.close()

        # Nothing was written outside the user's home: the code and the environment are as built.
        for top in (image.workdir, image.python.parent.parent):
            for path in top.rglob("*"):
                assert path.stat().st_uid == 0, f"{path} was created by the image's user"
        written = {p for p in Path(image.env["HOME"]).rglob("*")}
        assert any(p.is_dir() for p in written)  # the worker's data dir is where it writes
    finally:
        for proc in procs:
            stop_process(proc)


def test_an_unwritable_home_is_reported_by_the_entrypoint(image: Image, stack_settings: Settings) -> None:
    env = {**_env(stack_settings, image), "CW_WORKER_DATA_DIR": "/proc/claimwatch"}
    proc = image.run([*image.entrypoint, "claimwatch", "worker"], env)
    out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 78
    assert "cannot write to /proc/claimwatch" in out


@dataclass
class _FeedServer:
    server: ThreadingHTTPServer
    url: str

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _local_feed_server() -> _FeedServer:
    folder = ROOT / "tests" / "fixtures" / "feeds"
    handler = partial(SimpleHTTPRequestHandler, directory=str(folder))
    SimpleHTTPRequestHandler.log_message = lambda *a, **k: None  # type: ignore[method-assign]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return _FeedServer(server, f"http://127.0.0.1:{server.server_address[1]}/atom.xml")
