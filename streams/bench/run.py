"""The benchmark's six measures, run side by side on the real broker and Redis.

1. extraction core alone (one core, in this process): articles/s and MB/s;
2. a no-op Faust pass-through (streams/bench/noop_app.py, own app id and topics): events/s;
3. the full pipeline (replay -> extract agent -> claims -> stance agent + Redis -> alerts), a real
   worker subprocess on unique topics, app id and Redis prefix: sustained articles/s, and the ratio
   to min(1, 2);
4. produce->alert latency p50/p95/p99 at a fixed offered load of half the sustained rate;
5. the cost of one StanceStore.apply with 1k / 100k / 1M claims already stored;
6. the worker's peak RSS (VmHWM).
Everything the run creates (topics, consumer groups, Redis keys, temp dirs) is removed at the end.
"""

from __future__ import annotations

import contextlib
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import redis

from schemas import Article, Claim
from streams.bench.corpus import generate
from streams.core.extract import extract
from streams.kafka_io import delete_topics, encode, ensure_topics, make_producer
from streams.redis_conn import connect_redis
from streams.settings import PROJECT_ROOT, Settings, isolated_settings
from streams.stance.redis_store import RedisStanceStore as StanceStore
from streams.stance.state import evidence_of
from streams.stance.writes import TIMELINE_CAP, table_owners
from streams.subprocs import stop_process

Log = Callable[[str], None]

TARGETS = {
    "extraction_articles_per_s": 1_000.0,
    "pipeline_articles_per_s": 500.0,
    "pipeline_ratio": 0.7,
    "latency_p99_ms": 250.0,
    "stance_ratio": 1.2,
    "worker_rss_mb": 300.0,
    "scaling_ratio": 2.0,  # ms/KB at the largest size at most twice the smallest's: linear cost
}


@dataclass
class Options:
    articles: int = 2_000  # corpus for measures 1 and 3
    seed: int = 7
    quick: bool = False
    out: Path | None = None
    noop_events: int = 20_000
    latency_seconds: float = 60.0
    stance_levels: tuple[int, ...] = (1_000, 100_000, 1_000_000)
    stance_samples: int = 300
    stance_rounds: int = 3  # each probe applied this many times (new ids) per level
    stance_real_claims: int = 10_000  # claims applied for real before bulk history is added
    profile: bool = False
    kafka_bootstrap: str | None = None
    redis_url: str | None = None

    @classmethod
    def quick_mode(cls, **overrides: Any) -> Options:
        base = cls(
            articles=120,
            noop_events=2_000,
            latency_seconds=6.0,
            stance_levels=(1_000, 10_000, 50_000),
            stance_samples=60,
            stance_rounds=1,
            stance_real_claims=1_500,
            quick=True,
        )
        for k, v in overrides.items():
            if v is not None:
                setattr(base, k, v)
        return base


# ------------------------------------------------------------------------------------ helpers
def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[k]


def _vm_hwm_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    except OSError:
        return None
    return None


def _descendants(pid: int) -> list[int]:
    out: list[int] = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                out += [int(child), *_descendants(int(child))]
    return out


def _tree_hwm_mb(pid: int) -> dict[str, float]:
    """Peak RSS of the worker's processes: the supervisor, the Faust worker, the extractor(s).
    `total` sums the peaks (an upper bound of the tree's peak)."""
    peaks = {p: _vm_hwm_mb(p) or 0.0 for p in [pid, *_descendants(pid)]}
    ordered = sorted(peaks.values(), reverse=True)
    return {"total": round(sum(ordered), 1), "largest": round(ordered[0], 1), "processes": len(ordered)}


def _settings_env(settings: Settings, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {f"CW_{k.upper()}": str(v) for k, v in settings.model_dump().items() if v is not None}
    return {**os.environ, **env, **(extra or {})}


def _epoch_after(line: str, marker: str) -> float:
    """The epoch printed after marker (Faust prefixes printed lines with its log header)."""
    m = re.search(re.escape(marker) + r"\s+([0-9.]+)", line)
    if m is None:
        raise RuntimeError(f"unexpected worker line: {line!r}")
    return float(m.group(1))


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "?"


class Subprocess:
    """A worker subprocess whose output goes to a log file we can wait on."""

    def __init__(self, args: list[str], env: dict[str, str], log_path: Path) -> None:
        self.log_path = log_path
        self._log = log_path.open("w")
        self.proc = subprocess.Popen(
            args, cwd=PROJECT_ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT, text=True
        )

    @property
    def pid(self) -> int:
        return self.proc.pid

    def text(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def tail(self, n: int = 30) -> str:
        return "\n".join(self.text().splitlines()[-n:])

    def wait_for(self, needle: str, timeout: float) -> str | None:
        """The first log line containing needle, or None on timeout / exit."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.text().splitlines():
                if needle in line:
                    return line
            if self.proc.poll() is not None:
                return None
            time.sleep(0.05)
        return None

    def stop(self) -> None:
        stop_process(self.proc)
        self._log.close()


class PySpy:
    """py-spy attached to a pid, collapsed stacks to a file (only with --profile)."""

    def __init__(self, pid: int, out: Path, rate: int = 100) -> None:
        exe = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
        self.out = out
        self.proc: subprocess.Popen[bytes] | None = None
        if not Path(exe).exists():
            return
        self.proc = subprocess.Popen(
            [
                exe,
                "record",
                "--pid",
                str(pid),
                "--format",
                "raw",
                "--rate",
                str(rate),
                "--nonblocking",
                "--output",
                str(out),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def stop(self) -> Path | None:
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        return self.out if self.out.exists() else None


def top_from_collapsed(path: Path, n: int = 12) -> dict[str, Any]:
    """Self and inclusive share per function from py-spy's collapsed stacks."""
    self_t: dict[str, int] = {}
    incl: dict[str, int] = {}
    total = 0
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count_s = line.rpartition(" ")
        if not stack or not count_s.isdigit():
            continue
        count = int(count_s)
        total += count
        frames = [_fn_name(f) for f in stack.split(";")]
        if frames:
            self_t[frames[-1]] = self_t.get(frames[-1], 0) + count
        for f in set(frames):
            if _is_project(f):
                incl[f] = incl.get(f, 0) + count

    def top(d: dict[str, int]) -> list[dict[str, Any]]:
        rows = sorted(d.items(), key=lambda kv: -kv[1])[:n]
        return [{"function": k, "share": round(v / max(1, total), 4)} for k, v in rows]

    return {"samples": total, "self": top(self_t), "inclusive": top(incl)}


def _is_project(name: str) -> bool:
    """Inclusive time is shown for the project's own functions (not the framework's frames)."""
    return ("(streams/" in name or "(schemas/" in name) and not (
        name.startswith("<module>") or "(streams/cli.py)" in name or "(streams/bench/" in name
    )


def _fn_name(frame: str) -> str:
    """'find (streams/core/matching.py:88)' -> 'find (streams/core/matching.py)'."""
    name, _, where = frame.partition(" (")
    where = where.rstrip(")")
    path = where.rsplit(":", 1)[0]
    if path == "<built-in>":
        return f"{name} (built-in)"
    for marker in ("site-packages/", "/work/main/", "lib/python3.11/", "../"):
        if marker in path:
            path = path.split(marker, 1)[1]
    return f"{name} ({path})" if path else name


def top_from_pyinstrument(profiler: Any, n: int = 12) -> dict[str, Any]:
    root = profiler.last_session.root_frame()
    self_t: dict[str, float] = {}
    incl: dict[str, float] = {}
    total = root.time if root is not None else 0.0

    def walk(frame: Any, stack: frozenset[str]) -> None:
        name = _fn_name(f"{frame.function} ({frame.file_path_short or ''}:0)")
        # pyinstrument puts a function's own time in a synthetic "[self]" child.
        real = [c for c in frame.children if not c.is_synthetic]
        own = frame.time - sum(c.time for c in real)
        self_t[name] = self_t.get(name, 0.0) + max(0.0, own)
        if name not in stack and _is_project(name):
            incl[name] = incl.get(name, 0.0) + frame.time
        for c in real:
            walk(c, stack | {name})

    if root is not None:
        walk(root, frozenset())

    def top(d: dict[str, float]) -> list[dict[str, Any]]:
        rows = sorted(d.items(), key=lambda kv: -kv[1])[:n]
        return [{"function": k, "share": round(v / max(1e-9, total), 4)} for k, v in rows]

    return {"seconds": round(total, 3), "self": top(self_t), "inclusive": top(incl)}


# ------------------------------------------------------------------------------------ the run
@dataclass
class Context:
    opts: Options
    log: Log
    base: Settings
    run_id: str
    tmp: Path
    results: dict[str, Any] = field(default_factory=dict)
    cleanups: list[Callable[[], object]] = field(default_factory=list)

    def settings(self, tag: str, **kw: Any) -> Settings:
        return isolated_settings(
            self.base,
            name=f"bench-{self.run_id}-{tag}",
            redis_prefix=f"bench:{self.run_id}:{tag}",
            data_dir=self.tmp / tag,
            **kw,
        )


def _delete_groups(settings: Settings, groups: list[str]) -> None:
    from kafka import KafkaAdminClient

    with contextlib.suppress(Exception):
        admin = KafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap, request_timeout_ms=10_000)
        try:
            admin.delete_groups(groups)
        finally:
            admin.close()


def _delete_prefix(client: redis.Redis, prefix: str) -> int:
    n = 0
    pipe = client.pipeline(transaction=False)
    for key in client.scan_iter(match=f"{prefix}:*", count=5_000):
        pipe.unlink(key)
        n += 1
        if n % 5_000 == 0:
            pipe.execute()
    pipe.execute()
    return n


# 1 -------------------------------------------------------------------------------------------
def measure_extraction(ctx: Context, articles: list[Article]) -> tuple[dict[str, Any], set[str]]:
    for a in generate(20, ctx.opts.seed + 1, prefix="warmup"):
        extract(a)  # lexicons and regexes compiled outside the timing
    claim_ids: set[str] = set()
    n_claims = 0
    nbytes = sum(len(a.body.encode("utf-8")) for a in articles)
    cpu0, t0 = time.process_time(), time.perf_counter()
    for a in articles:
        claims = extract(a).claims
        n_claims += len(claims)
        claim_ids.update(c.id for c in claims)
    wall = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    out: dict[str, Any] = {
        "articles": len(articles),
        "bytes": nbytes,
        "seconds": round(wall, 3),
        "cpu_seconds": round(cpu, 3),
        "articles_per_s": round(len(articles) / wall, 1),
        "mb_per_s": round(nbytes / wall / 1e6, 3),
        "claims": n_claims,
        "claims_per_article": round(n_claims / max(1, len(articles)), 2),
        "ms_per_article": round(1000 * wall / max(1, len(articles)), 3),
    }
    if ctx.opts.profile:
        try:
            from pyinstrument import Profiler
        except ImportError:
            out["profile"] = "pyinstrument not installed (pip install -e '.[dev]')"
        else:
            profiler = Profiler(interval=0.0005)
            profiler.start()
            for a in articles[: min(len(articles), 400)]:
                extract(a)
            profiler.stop()
            out["profile"] = top_from_pyinstrument(profiler)
    return out, claim_ids


# 2 -------------------------------------------------------------------------------------------
def measure_noop(ctx: Context, payloads: list[tuple[bytes, bytes]]) -> dict[str, Any]:
    settings = ctx.settings("noop")
    source, sink = f"{settings.app_id}.source", f"{settings.app_id}.sink"
    one = settings.model_copy(
        update={"article_partitions": 1, "topic_partitions": 1, "topic_articles": source}
    )
    ensure_topics(one, [source, sink])
    ctx.cleanups.append(lambda: delete_topics(settings, [source, sink]))
    ctx.cleanups.append(lambda: _delete_groups(settings, [settings.app_id]))
    count = ctx.opts.noop_events
    producer = make_producer(settings, linger_ms=20, batch_size=256 * 1024)
    try:
        for i in range(count):
            key, value = payloads[i % len(payloads)]
            producer.send(source, key=key + f"#{i}".encode(), value=value)
        producer.flush(timeout=60)
    finally:
        producer.close(timeout=10)
    event_bytes = sum(len(v) for _, v in payloads) / len(payloads)
    env = _settings_env(
        settings, {"CW_BENCH_SOURCE": source, "CW_BENCH_SINK": sink, "CW_BENCH_COUNT": str(count)}
    )
    worker = Subprocess([sys.executable, "-m", "streams.bench.noop_app"], env, ctx.tmp / "noop-worker.log")
    try:
        first = worker.wait_for("noop first", timeout=120)
        done = worker.wait_for("noop done", timeout=max(60.0, count / 200))
        if first is None or done is None:
            raise RuntimeError("no-op Faust worker did not finish; log tail:\n" + worker.tail())
        t_first = _epoch_after(first, "noop first")
        t_done = _epoch_after(done, "noop done")
    finally:
        worker.stop()
    seconds = max(1e-6, t_done - t_first)
    return {
        "events": count,
        "event_bytes": round(event_bytes),
        "seconds": round(seconds, 3),
        "events_per_s": round((count - 1) / seconds, 1),
        "mb_per_s": round(count * event_bytes / seconds / 1e6, 3),
    }


# 3, 4, 6 -----------------------------------------------------------------------------------------
class AlertTap:
    """Reads the alerts topic in a thread; keeps (arrival time, trigger article id, kind)."""

    def __init__(self, settings: Settings) -> None:
        from kafka import KafkaConsumer

        self.consumer = KafkaConsumer(
            settings.topic_alerts,
            bootstrap_servers=settings.kafka_bootstrap,
            group_id=None,
            auto_offset_reset="earliest",
            enable_auto_commit=False,
            fetch_max_wait_ms=10,
            consumer_timeout_ms=200,
        )
        self.seen: list[tuple[float, str, str]] = []
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            batch = self.consumer.poll(timeout_ms=50)
            now = time.time()
            for records in batch.values():
                for rec in records:
                    alert = orjson.loads(rec.value)
                    self.seen.append((now, alert["trigger"]["article_id"], alert["kind"]))

    def stop(self) -> None:
        self._stop.set()
        self.thread.join(10)
        self.consumer.close()


def _wait_progress(
    read: Callable[[], tuple[int, int]],
    target: tuple[int, int],
    *,
    stall_s: float,
    log: Log,
    label: str,
) -> tuple[float, bool]:
    """Poll until read() >= target; returns (time reached, complete). Gives up after stall_s
    without progress."""
    last_val: tuple[int, int] = (-1, -1)
    last_change = time.monotonic()
    last_log = 0.0
    while True:
        val = read()
        now = time.monotonic()
        if val[0] >= target[0] and val[1] >= target[1]:
            return time.time(), True
        if val != last_val:
            last_val, last_change = val, now
        elif now - last_change > stall_s:
            log(f"  {label}: stalled at {val} of {target}")
            return time.time(), False
        if now - last_log > 10:
            log(f"  {label}: {val[0]}/{target[0]} articles, {val[1]}/{target[1]} claims")
            last_log = now
        time.sleep(0.02)


@dataclass
class _PipelineStack:
    """What measures 3, 4 and 6 share: the run's isolated settings, the worker subprocess, the tap
    on its alerts topic and a reading of its progress, (articles, claims) marked seen in Redis."""

    settings: Settings
    worker: Subprocess
    tap: AlertTap
    progress: Callable[[], tuple[int, int]]


def _progress_reader(client: redis.Redis, settings: Settings) -> Callable[[], tuple[int, int]]:
    seen_claims = f"{settings.redis_prefix}:claims:seen"
    seen_articles = f"{settings.redis_prefix}:articles:seen"

    def progress() -> tuple[int, int]:
        pipe = client.pipeline(transaction=False)
        pipe.hlen(seen_articles)
        pipe.scard(seen_claims)
        a, c = pipe.execute()
        return int(a), int(c)

    return progress


def _measure_throughput(
    ctx: Context, stack: _PipelineStack, articles: list[Article], claim_ids: set[str], ceiling: float
) -> tuple[dict[str, Any], float, dict[str, float]]:
    """3. sustained throughput: replay the corpus as fast as possible. Returns the measure, the
    unrounded articles/s (measure 4 offers half of it) and the worker's peak RSS right after."""
    from streams.replay import replay

    log, progress = ctx.log, stack.progress
    log(f"  replaying {len(articles)} articles")
    t0 = time.time()
    replay(articles, stack.settings, speed=0)
    t_sent = time.time()
    t_end, complete = _wait_progress(
        progress, (len(articles), len(claim_ids)), stall_s=30, log=log, label="pipeline"
    )
    seconds = max(1e-6, t_end - t0)
    done_articles, done_claims = progress()
    rate = done_articles / seconds
    rss_pipeline = _tree_hwm_mb(stack.worker.pid)
    time.sleep(1.0)
    pipeline: dict[str, Any] = {
        "articles": len(articles),
        "articles_done": done_articles,
        "claims": len(claim_ids),
        "claims_done": done_claims,
        "alerts": len(stack.tap.seen),
        "complete": complete,
        "produce_seconds": round(t_sent - t0, 3),
        "seconds": round(seconds, 3),
        "articles_per_s": round(rate, 1),
        "claims_per_s": round(done_claims / seconds, 1),
        "ceiling_articles_per_s": round(ceiling, 1),
        "ratio_to_ceiling": round(rate / ceiling, 3) if ceiling else None,
    }
    return pipeline, rate, rss_pipeline


def _send_at_rate(
    settings: Settings, encoded: list[tuple[str, bytes]], offered: float
) -> tuple[dict[str, float], float]:
    """Produce the articles evenly spaced at `offered` per second. Returns when each was sent
    (epoch seconds, by article id) and the rate actually achieved."""
    producer = make_producer(settings, linger_ms=0)
    sent_at: dict[str, float] = {}
    start = time.perf_counter() + 0.2
    try:
        for i, (aid, value) in enumerate(encoded):
            delay = start + i / offered - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            sent_at[aid] = time.time()
            producer.send(settings.topic_articles, key=aid.encode(), value=value)
        producer.flush(timeout=30)
    finally:
        producer.close(timeout=10)
    return sent_at, len(encoded) / max(1e-6, time.perf_counter() - start)


def _wait_alerts_quiet(tap: AlertTap, quiet_s: float = 2.0) -> None:
    """Until no new alert has arrived for quiet_s."""
    count, quiet_since = len(tap.seen), time.monotonic()
    while time.monotonic() - quiet_since < quiet_s:
        time.sleep(0.1)
        if len(tap.seen) != count:
            count, quiet_since = len(tap.seen), time.monotonic()


def _alert_latencies_ms(tap: AlertTap, sent_at: dict[str, float]) -> tuple[list[float], dict[str, float]]:
    """Produce->alert latency of every alert triggered by a timed article, and of each such
    article's first alert (by article id)."""
    lat_ms = [1000 * (t - sent_at[aid]) for t, aid, _ in list(tap.seen) if aid in sent_at]
    first_ms: dict[str, float] = {}
    for t, aid, _ in list(tap.seen):
        if aid in sent_at and aid not in first_ms:
            first_ms[aid] = 1000 * (t - sent_at[aid])
    return lat_ms, first_ms


def _measure_latency(ctx: Context, stack: _PipelineStack, replayed: int, rate: float) -> dict[str, Any]:
    """4. latency at half the sustained rate, on fresh articles (after the `replayed` ones)."""
    opts, log = ctx.opts, ctx.log
    offered = max(1.0, rate / 2)
    n_lat = max(10, int(offered * opts.latency_seconds))
    fresh = list(generate(n_lat, opts.seed, start=replayed))
    encoded = [(a.id, encode(a)) for a in fresh]
    log(f"  latency: {n_lat} articles at {offered:.1f}/s")
    sent_at, offered_real = _send_at_rate(stack.settings, encoded, offered)
    target_articles = replayed + n_lat
    _wait_progress(
        lambda: (stack.progress()[0], 0), (target_articles, 0), stall_s=30, log=log, label="latency"
    )
    # Alerts follow the article mark by the stance stage: wait until they stop arriving.
    _wait_alerts_quiet(stack.tap)
    lat_ms, first_ms = _alert_latencies_ms(stack.tap, sent_at)
    return {
        "offered_articles_per_s": round(offered, 1),
        "achieved_articles_per_s": round(offered_real, 1),
        "articles": n_lat,
        "alerts": len(lat_ms),
        "articles_with_alerts": len(first_ms),
        "p50_ms": round(_pct(lat_ms, 0.50), 1),
        "p95_ms": round(_pct(lat_ms, 0.95), 1),
        "p99_ms": round(_pct(lat_ms, 0.99), 1),
        "max_ms": round(max(lat_ms, default=0.0), 1),
        "first_alert_p50_ms": round(_pct(list(first_ms.values()), 0.50), 1),
        "first_alert_p99_ms": round(_pct(list(first_ms.values()), 0.99), 1),
    }


def _worker_rss(pid: int, rss_pipeline: dict[str, float]) -> dict[str, Any]:
    """6. the worker's peak RSS, after measure 3 and at the end."""
    rss_end = _tree_hwm_mb(pid)
    return {
        "pid": pid,
        "peak_mb_after_pipeline": rss_pipeline["total"],
        "peak_mb_at_end": rss_end["total"],
        "largest_process_mb": rss_end["largest"],
        "processes": rss_end["processes"],
    }


def measure_pipeline(
    ctx: Context, articles: list[Article], claim_ids: set[str], ceiling: float
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    settings = ctx.settings("pipe")
    ensure_topics(settings)
    ctx.cleanups.append(lambda: delete_topics(settings))
    ctx.cleanups.append(lambda: _delete_groups(settings, [settings.app_id]))
    client = connect_redis(settings)
    ctx.cleanups.append(lambda: _delete_prefix(client, settings.redis_prefix))
    worker = Subprocess(
        [sys.executable, "-m", "streams.cli", "worker", "--loglevel", "info"],
        _settings_env(settings),
        ctx.tmp / "pipeline-worker.log",
    )
    spy: PySpy | None = None
    tap: AlertTap | None = None
    try:
        if worker.wait_for("claimwatch worker ready", timeout=120) is None:
            raise RuntimeError("pipeline worker not ready; log tail:\n" + worker.tail())
        tap = AlertTap(settings)
        if ctx.opts.profile:
            spy = PySpy(worker.pid, ctx.tmp / "worker.pyspy.txt")
        stack = _PipelineStack(settings, worker, tap, _progress_reader(client, settings))
        pipeline, rate, rss_pipeline = _measure_throughput(ctx, stack, articles, claim_ids, ceiling)
        if spy is not None:  # the profile covers measure 3 only
            path = spy.stop()
            spy = None
            if path is not None:
                pipeline["profile"] = top_from_collapsed(path)
        ctx.log(f"  pipeline: {rate:.1f} articles/s; {pipeline['alerts']} alerts")
        latency = _measure_latency(ctx, stack, len(articles), rate)
        return pipeline, latency, _worker_rss(worker.pid, rss_pipeline)
    finally:
        if spy is not None:
            spy.stop()
        if tap is not None:
            tap.stop()
        worker.stop()


# 5 -------------------------------------------------------------------------------------------
def _time_applies(store: StanceStore, probes: list[Claim], tag: str, rounds: int = 1) -> dict[str, float]:
    """Time StanceStore.apply on each probe claim, under a new id per level and round (a known
    id would take the idempotence short cut)."""
    times: list[float] = []
    for r in range(rounds):
        for c in probes:
            probe = c.model_copy(update={"id": f"{c.id}-{tag}-{r}"})
            t = time.perf_counter()
            store.apply(probe)
            times.append(1000 * (time.perf_counter() - t))
    return {
        "median_ms": round(statistics.median(times), 4),
        "p95_ms": round(_pct(times, 0.95), 4),
        "mean_ms": round(statistics.fmean(times), 4),
        "samples": len(times),
    }


def _wait_bgsave(client: redis.Redis, limit_s: float = 90) -> None:
    """Redis' own `save 60 1` snapshot forks after a bulk write: let it finish before timing."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        info = client.info("persistence")
        if not info.get("rdb_bgsave_in_progress") and not info.get("aof_rewrite_in_progress"):
            return
        time.sleep(0.2)


def _bulk_history(
    client: redis.Redis,
    prefix: str,
    claims: list[Claim],
    start: int,
    stop: int,
    batch: int = 10_000,
) -> None:
    """Synthetic history for claims number start..stop-1, in the Redis stance store's key layout:
    what grows with the number N of applied claims: the claim-id set (P:claims:seen), the
    article-id hash (P:articles:seen, ~10 claims per article) and the timelines (P:tl:*, filled
    to TIMELINE_CAP for every actor x proposition the real claims touched). The rest (party
    states, families, exclusive sets, figures, stance rows) is bounded by parties x places and
    comes from the claims applied for real. Pipelines carry ~`batch` elements per round trip."""
    pipe = client.pipeline(transaction=False)
    pending = 0  # elements queued

    def flush_if(force: bool = False) -> None:
        nonlocal pending
        if pending >= batch or (force and pending):
            pipe.execute()
            pending = 0

    chunk = 1_000
    for lo in range(start, stop, chunk):
        hi = min(stop, lo + chunk)
        pipe.sadd(f"{prefix}:claims:seen", *[f"hist{i:08d}" for i in range(lo, hi)])
        pending += hi - lo
        art: dict[Any, Any] = {f"hist-art-{i // 10:07d}": f"{i:040x}" for i in range(lo, hi, 10)}
        if art:
            pipe.hset(f"{prefix}:articles:seen", mapping=art)
            pending += len(art)
        flush_if()
    flush_if(force=True)
    # Timelines at their cap, stance rows and first-seen fields for every (actor, proposition).
    done: set[tuple[str, str]] = set()
    for c in claims:
        ev_json = evidence_of(c).model_dump_json()
        for actor in table_owners(c):
            key = (actor, c.proposition.id)
            if key in done:
                continue
            done.add(key)
            tl = f"{prefix}:tl:{actor}:{c.proposition.id}"
            pipe.rpush(tl, *([ev_json] * TIMELINE_CAP))
            pipe.ltrim(tl, -TIMELINE_CAP, -1)
            pending += TIMELINE_CAP
            flush_if()
    flush_if(force=True)


def measure_stance(ctx: Context, pool: list[Claim], probes: list[Claim]) -> dict[str, Any]:
    opts, log = ctx.opts, ctx.log
    prefix = f"bench:{ctx.run_id}:stance"
    client = connect_redis(ctx.base)
    ctx.cleanups.append(lambda: _delete_prefix(client, prefix))
    store = StanceStore(client, prefix)
    levels = sorted(opts.stance_levels)
    real_total = min(len(pool), max(opts.stance_real_claims, levels[0]))
    applied = 0
    stored = 0
    rows: list[dict[str, Any]] = []
    for level in levels:
        t0 = time.perf_counter()
        # Real applies first (up to stance_real_claims), then synthetic bulk history.
        real_upto = min(real_total, level)
        for c in pool[applied:real_upto]:
            store.apply(c)
        stored += max(0, real_upto - applied)
        applied = max(applied, real_upto)
        how = "applied"
        if stored < level:
            _bulk_history(client, prefix, pool[:applied], stored, level)
            stored = level
            how = f"{applied} applied + bulk history"
        fill_s = time.perf_counter() - t0
        _wait_bgsave(client)
        info = client.info("memory")
        timing = _time_applies(store, probes, f"L{level}", opts.stance_rounds)
        stored += len(probes) * opts.stance_rounds
        rows.append(
            {
                "stored": level,
                "history": how,
                "fill_seconds": round(fill_s, 2),
                "redis_used_mb": round(info["used_memory"] / 2**20, 1),
                **timing,
            }
        )
        log(
            f"  stance: {level:>9,} stored -> median {timing['median_ms']:.3f} ms, "
            f"p95 {timing['p95_ms']:.3f} ms (fill {fill_s:.1f} s)"
        )
    base, top = rows[0], rows[-1]
    return {
        "levels": rows,
        "ratio_median_top_vs_bottom": round(top["median_ms"] / base["median_ms"], 3),
        "ratio_p95_top_vs_bottom": round(top["p95_ms"] / base["p95_ms"], 3),
        "ratio_median_top_vs_second": round(top["median_ms"] / rows[-2]["median_ms"], 3)
        if len(rows) > 1
        else None,
        "method": (
            f"Level 1: StanceStore.apply on real extracted claims. Higher levels: up to "
            f"{real_total} real applies (saturating per-proposition party states), then bulk "
            "history in the store's key layout via Redis pipelines of ~10k elements "
            "(claim-id set, article-id hash, timelines at their cap for every actor x "
            "proposition). Timed: StanceStore.apply on the same fresh claims (new ids) per level."
        ),
    }


# ------------------------------------------------------------------------------------ driver
def measure_scaling(sizes: tuple[int, ...]) -> dict[str, Any]:
    """ms per KB of one article per size, normal and unpunctuated; linear means a flat ms/KB."""
    from streams.bench.scaling import extraction_scaling

    rows = extraction_scaling(sizes)
    worst = max(
        float(str(r["ms_per_kb"])) for r in rows if r["chars"] == max(int(str(x["chars"])) for x in rows)
    )
    base = max(
        float(str(r["ms_per_kb"])) for r in rows if r["chars"] == min(int(str(x["chars"])) for x in rows)
    )
    return {"rows": rows, "ratio_largest_vs_smallest": round(worst / base, 2) if base else None}


def verdicts(results: dict[str, Any]) -> list[dict[str, Any]]:
    m = results["measures"]
    rows = [
        (
            "1 extraction (1 core)",
            "articles/s",
            m["extraction"]["articles_per_s"],
            f">= {TARGETS['extraction_articles_per_s']:,.0f}",
            m["extraction"]["articles_per_s"] >= TARGETS["extraction_articles_per_s"],
        ),
        (
            "1b extraction ms/KB, largest ÷ smallest",
            "ratio",
            m["scaling"]["ratio_largest_vs_smallest"],
            f"<= {TARGETS['scaling_ratio']}",
            (m["scaling"]["ratio_largest_vs_smallest"] or 0) <= TARGETS["scaling_ratio"],
        ),
        ("2 no-op Faust", "events/s", m["noop_faust"]["events_per_s"], "(ceiling)", None),
        (
            "3 full pipeline",
            "articles/s",
            m["pipeline"]["articles_per_s"],
            f">= {TARGETS['pipeline_articles_per_s']:,.0f}",
            m["pipeline"]["articles_per_s"] >= TARGETS["pipeline_articles_per_s"],
        ),
        (
            "3 pipeline / min(1,2)",
            "ratio",
            m["pipeline"]["ratio_to_ceiling"],
            f">= {TARGETS['pipeline_ratio']}",
            (m["pipeline"]["ratio_to_ceiling"] or 0) >= TARGETS["pipeline_ratio"],
        ),
        (
            "4 latency p99 @ half load",
            "ms",
            m["latency"]["p99_ms"],
            f"< {TARGETS['latency_p99_ms']:.0f}",
            m["latency"]["p99_ms"] < TARGETS["latency_p99_ms"],
        ),
        (
            "5 stance update top/bottom",
            "ratio",
            m["stance_update"]["ratio_median_top_vs_bottom"],
            f"<= {TARGETS['stance_ratio']}",
            m["stance_update"]["ratio_median_top_vs_bottom"] <= TARGETS["stance_ratio"],
        ),
        (
            "6 worker peak RSS",
            "MB",
            m["worker_rss"]["peak_mb_at_end"],
            f"< {TARGETS['worker_rss_mb']:.0f}",
            m["worker_rss"]["peak_mb_at_end"] < TARGETS["worker_rss_mb"],
        ),
    ]
    return [{"measure": a, "unit": b, "value": c, "target": d, "met": e} for a, b, c, d, e in rows]


def default_out() -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return PROJECT_ROOT / "bench-results" / f"bench-{stamp}.json"


@contextlib.contextmanager
def _context(opts: Options, log: Log) -> Iterator[Context]:
    base = Settings.model_validate({})  # CW_* environment variables
    upd: dict[str, Any] = {}
    if opts.kafka_bootstrap:
        upd["kafka_bootstrap"] = opts.kafka_bootstrap
    if opts.redis_url:
        upd["redis_url"] = opts.redis_url
    base = base.model_copy(update=upd)
    run_id = uuid.uuid4().hex[:8]
    tmp = Path(tempfile.mkdtemp(prefix=f"claimwatch-bench-{run_id}-"))
    ctx = Context(opts=opts, log=log, base=base, run_id=run_id, tmp=tmp)
    try:
        yield ctx
    finally:
        for fn in reversed(ctx.cleanups):
            with contextlib.suppress(Exception):
                fn()
        shutil.rmtree(tmp, ignore_errors=True)


def _generate_corpus(opts: Options) -> tuple[list[Article], dict[str, Any]]:
    """The synthetic corpus of measures 1 and 3, and its description for the results."""
    t = time.perf_counter()
    articles = list(generate(opts.articles, opts.seed))
    gen_s = time.perf_counter() - t
    langs: dict[str, int] = {}
    for a in articles:
        langs[a.language or "?"] = langs.get(a.language or "?", 0) + 1
    corpus = {
        "articles": len(articles),
        "seed": opts.seed,
        "languages": langs,
        "mean_bytes": round(sum(len(a.body.encode()) for a in articles) / len(articles)),
        "generate_seconds": round(gen_s, 3),
    }
    return articles, corpus


def _stance_claims(opts: Options, articles: list[Article]) -> tuple[list[Claim], list[Claim]]:
    """Measure 5's claims: the history pool (the corpus' claims, topped up from more generated
    articles when the corpus is small) and the probes timed at every level."""
    pool: list[Claim] = []
    probe_articles = list(generate(max(40, opts.stance_samples // 5), opts.seed + 2, prefix="probe"))
    probes = [c for a in probe_articles for c in extract(a).claims][: opts.stance_samples]
    need = min(opts.stance_real_claims, max(opts.stance_levels))
    for a in articles:
        pool.extend(extract(a).claims)
        if len(pool) >= need:
            break
    if len(pool) < need:  # small corpora: more articles for the history pool
        for a in generate(need, opts.seed + 3, prefix="hist"):
            pool.extend(extract(a).claims)
            if len(pool) >= need:
                break
    return pool[:need], probes


def _run_measures(ctx: Context, articles: list[Article], corpus: dict[str, Any]) -> dict[str, Any]:
    """Every measure in turn, logging progress; adds the claims per article to `corpus`."""
    opts, log = ctx.opts, ctx.log
    measures: dict[str, Any] = {}

    log(f"[1/5] extraction core on {len(articles)} articles (one core)")
    measures["extraction"], claim_ids = measure_extraction(ctx, articles)
    corpus["claims_per_article"] = measures["extraction"]["claims_per_article"]
    log(
        f"  {measures['extraction']['articles_per_s']} articles/s, "
        f"{measures['extraction']['claims_per_article']} claims/article"
    )

    sizes = (1_000, 10_000, 50_000) if opts.quick else (1_000, 10_000, 50_000, 200_000)
    log(f"[1b] extraction cost against length: {', '.join(f'{x:,}' for x in sizes)} characters")
    measures["scaling"] = measure_scaling(sizes)
    log(f"  ms/KB largest ÷ smallest: {measures['scaling']['ratio_largest_vs_smallest']}")

    log(f"[2/5] no-op Faust pass-through, {opts.noop_events} events")
    payloads = [(a.id.encode(), encode(a)) for a in articles[:500]]
    measures["noop_faust"] = measure_noop(ctx, payloads)
    log(f"  {measures['noop_faust']['events_per_s']} events/s")

    ceiling = min(measures["extraction"]["articles_per_s"], measures["noop_faust"]["events_per_s"])
    log("[3/5] full pipeline (replay -> extract -> stance/Redis -> alerts) and [4/5] latency")
    measures["pipeline"], measures["latency"], measures["worker_rss"] = measure_pipeline(
        ctx, articles, claim_ids, ceiling
    )

    log(f"[5/5] stance update cost at {', '.join(f'{x:,}' for x in opts.stance_levels)} stored claims")
    pool, probes = _stance_claims(opts, articles)
    measures["stance_update"] = measure_stance(ctx, pool, probes)
    return measures


def _results(
    opts: Options, run_id: str, started: float, corpus: dict[str, Any], measures: dict[str, Any]
) -> dict[str, Any]:
    return {
        "version": 1,
        "run_id": run_id,
        "started_at": datetime.fromtimestamp(started, UTC).isoformat(),
        "duration_s": round(time.time() - started, 1),
        "machine": {
            "cpus": os.cpu_count(),
            "cpu": _cpu_model(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "options": {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(opts).items()},
        "corpus": corpus,
        "measures": measures,
        "targets": TARGETS,
    }


def run(opts: Options, log: Log = print) -> dict[str, Any]:
    """Run every measure; returns the results dict (also written as JSON to opts.out)."""
    started = time.time()
    out_path = opts.out or default_out()
    with _context(opts, log) as ctx:
        run_id = ctx.run_id
        connect_redis(ctx.base)  # fail fast, with the message naming the service
        ensure_topics(ctx.base, [])  # Kafka reachable (raises ServiceUnavailable otherwise)
        articles, corpus = _generate_corpus(opts)
        measures = _run_measures(ctx, articles, corpus)

    results = _results(opts, run_id, started, corpus, measures)
    results["verdicts"] = verdicts(results)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_bytes(orjson.dumps(results, option=orjson.OPT_INDENT_2))
    results["out"] = str(out_path)
    return results


def render_table(results: dict[str, Any]) -> Any:
    from rich.table import Table

    m = results["measures"]
    table = Table(
        title=f"claimwatch bench — {results['corpus']['articles']} articles, "
        f"{results['machine']['cpus']} cores, {results['duration_s']} s"
    )
    table.add_column("measure")
    table.add_column("result", justify="right")
    table.add_column("detail")
    table.add_column("target")
    table.add_column("met")
    ex, nf, pl, la, st, rs = (
        m["extraction"],
        m["noop_faust"],
        m["pipeline"],
        m["latency"],
        m["stance_update"],
        m["worker_rss"],
    )
    detail = {
        "1 extraction (1 core)": f"{ex['mb_per_s']} MB/s, {ex['ms_per_article']} ms/article, "
        f"{ex['claims_per_article']} claims/article",
        "1b extraction ms/KB, largest ÷ smallest": "; ".join(
            f"{r['chars'] // 1000}k {r['shape'][:5]} {r['ms_per_kb']}" for r in m["scaling"]["rows"]
        ),
        "2 no-op Faust": f"{nf['mb_per_s']} MB/s, {nf['event_bytes']} B/event",
        "3 full pipeline": f"{pl['claims_per_s']} claims/s, {pl['alerts']} alerts"
        + ("" if pl["complete"] else " (INCOMPLETE)"),
        "3 pipeline / min(1,2)": f"min = {pl['ceiling_articles_per_s']}/s",
        "4 latency p99 @ half load": f"p50 {la['p50_ms']} / p95 {la['p95_ms']} ms, "
        f"{la['alerts']} alerts at {la['offered_articles_per_s']}/s",
        "5 stance update top/bottom": "; ".join(
            f"{r['stored']:,}: {r['median_ms']:.3f} ms (p95 {r['p95_ms']:.3f})" for r in st["levels"]
        ),
        "6 worker peak RSS": f"sum of {rs['processes']} processes' peaks (supervisor, worker, "
        f"extractor); largest {rs['largest_process_mb']} MB",
    }
    for v in results["verdicts"]:
        met = "—" if v["met"] is None else ("[green]yes[/]" if v["met"] else "[red]no[/]")
        value = v["value"]
        shown = f"{value:,.3f}" if v["unit"] == "ratio" else f"{value:,.1f}"
        table.add_row(v["measure"], f"{shown} {v['unit']}", detail[v["measure"]], v["target"], met)
    return table
