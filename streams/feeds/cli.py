"""`claimwatch feeds status|list` and `claimwatch ingest`.

The lead's streams/cli.py mounts these: app.add_typer(feeds_app, name="feeds") and
app.command("ingest")(ingest_command).
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from rich.console import Console
from rich.table import Table

from streams.feeds.config import FeedsConfigError, FeedsFile, load_feeds_file
from streams.feeds.ingest import FeedIngestor, RunReport
from streams.feeds.state import FeedState, FeedStatus, connect_redis, feed_key
from streams.kafka_io import ServiceUnavailable, ensure_topics
from streams.settings import Settings, get_settings

feeds_app = typer.Typer(help="Live RSS/Atom feeds: list them and show their health.")
console = Console()
err_console = Console(stderr=True)

FeedsFileOption = Annotated[
    Path | None,
    typer.Option("--feeds-file", "-f", help="Feeds YAML (default: CW_FEEDS_FILE / the example list)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]


def _load(settings: Settings, feeds_file: Path | None) -> FeedsFile:
    path = feeds_file or settings.feeds_file
    try:
        return load_feeds_file(path)
    except FeedsConfigError as err:
        err_console.print(f"[red]{err}[/red]")
        raise typer.Exit(code=2) from err


def _ago(ts: float | None, now: float) -> str:
    if ts is None:
        return "never"
    delta = now - ts
    future = delta < 0
    delta = abs(delta)
    if delta < 90:
        text = f"{delta:.0f}s"
    elif delta < 5400:
        text = f"{delta / 60:.0f}m"
    elif delta < 129600:
        text = f"{delta / 3600:.1f}h"
    else:
        text = f"{delta / 86400:.1f}d"
    return f"in {text}" if future else f"{text} ago"


def _dump(data: Any) -> None:
    typer.echo(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode())


@feeds_app.command("list")
def list_command(feeds_file: FeedsFileOption = None, json_output: JsonOption = False) -> None:
    """Show the configured feeds."""
    settings = get_settings()
    config = _load(settings, feeds_file)
    if json_output:
        _dump([f.model_dump(mode="json") for f in config.feeds])
        return
    table = Table(title=f"Feeds ({feeds_file or settings.feeds_file})")
    for col in ("outlet", "lang", "poll", "enabled", "private ok", "url"):
        table.add_column(col)
    for feed in config.feeds:
        table.add_row(
            feed.outlet,
            feed.language or "-",
            f"{feed.poll_seconds}s",
            "yes" if feed.enabled else "no",
            "yes" if feed.allow_private else "no",
            feed.url,
        )
    console.print(table)


def _statuses(settings: Settings, config: FeedsFile | None) -> list[FeedStatus]:
    state = FeedState(connect_redis(settings), settings.redis_prefix)
    known = {s.key: s for s in state.statuses()}
    ordered: list[FeedStatus] = []
    for feed in config.feeds if config else []:
        fk = feed_key(feed.url)
        ordered.append(known.pop(fk) if fk in known else FeedStatus(fk, feed.url, feed.outlet))
    ordered.extend(known.values())  # feeds polled earlier but no longer in the file
    return ordered


@feeds_app.command("status")
def status_command(feeds_file: FeedsFileOption = None, json_output: JsonOption = False) -> None:
    """Per-feed health: last fetch, last new item, errors, backoff."""
    settings = get_settings()
    config = _load(settings, feeds_file)
    try:
        statuses = _statuses(settings, config)
    except ServiceUnavailable as err:
        err_console.print(f"[red]{err}[/red]")
        raise typer.Exit(code=1) from err
    if json_output:
        _dump([s.as_dict() for s in statuses])
        return
    now = time.time()
    table = Table(title="Feed health")
    for col in (
        "outlet",
        "last fetch",
        "last new item",
        "result",
        "new",
        "errors",
        "last error",
        "next poll",
    ):
        table.add_column(col, overflow="fold")
    for s in statuses:
        errors = ", ".join(f"{k}={v}" for k, v in sorted(s.errors.items())) or "-"
        if s.consecutive_errors:
            errors = f"[red]{s.consecutive_errors} in a row[/red]; {errors}"
        next_poll = _ago(s.next_poll, now) if s.next_poll else "due"
        if s.backoff_seconds:
            next_poll += f" (backoff {s.backoff_seconds:.0f}s)"
        table.add_row(
            f"{s.outlet}\n[dim]{s.url}[/dim]",
            _ago(s.last_fetch, now),
            _ago(s.last_new_item, now),
            s.last_result or "-",
            str(s.counters.get("items_new", 0) + s.counters.get("items_syndicated", 0)),
            errors,
            f"{s.last_error_kind}: {s.last_error}" if s.last_error else "-",
            next_poll,
        )
    console.print(table)


def _print_report(report: RunReport) -> None:
    table = Table(title=f"Ingest: {report.produced} articles in {report.elapsed:.1f}s")
    for col in ("outlet", "result", "new", "syndicated", "dup", "deferred", "problem"):
        table.add_column(col, overflow="fold")
    for f in report.feeds:
        problem = (
            f"{f.error_kind}: {f.error}" if f.error else ("; ".join(kind for kind, _ in f.warnings) or "-")
        )
        table.add_row(
            f.outlet,
            f.result,
            str(f.new),
            str(f.syndicated),
            str(f.duplicates),
            str(f.deferred),
            problem,
        )
    console.print(table)


def _serve_metrics(settings: Settings) -> str | None:
    """The ingester's Prometheus metrics (feed fetches and items by outcome, last success, errors
    in a row, next poll, per feed) on CW_INGEST_METRICS_BIND:PORT; None when switched off."""
    if not settings.ingest_metrics_port:
        return None
    from prometheus_client import start_http_server

    try:
        start_http_server(settings.ingest_metrics_port, addr=settings.ingest_metrics_bind)
    except OSError as err:
        err_console.print(
            f"cannot serve the ingester's metrics on {settings.ingest_metrics_bind}:"
            f"{settings.ingest_metrics_port} ({err}); set CW_INGEST_METRICS_PORT (0 = off)",
            markup=False,
        )
        raise typer.Exit(code=2) from err
    return f"http://{settings.ingest_metrics_bind}:{settings.ingest_metrics_port}/metrics"


def ingest_command(
    feeds_file: FeedsFileOption = None,
    once: Annotated[bool, typer.Option("--once", help="Poll every enabled feed once, then exit.")] = False,
    json_output: JsonOption = False,
) -> None:
    """Poll RSS/Atom feeds and produce new articles onto the articles topic."""
    settings = get_settings()
    if not logging.getLogger().handlers:
        logging.basicConfig(
            level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
    if logging.getLogger().getEffectiveLevel() > logging.DEBUG:
        # kafka-python logs every connect/close at INFO; that drowns the per-feed lines.
        logging.getLogger("kafka").setLevel(logging.WARNING)
    config = _load(settings, feeds_file)
    if not config.enabled_feeds:
        err_console.print("[yellow]No enabled feeds in the feeds file; nothing to do.[/yellow]")
        raise typer.Exit(code=0)
    try:
        ensure_topics(settings, [settings.topic_articles])
        ingestor = FeedIngestor(settings, config)
    except ServiceUnavailable as err:
        err_console.print(f"[red]{err}[/red]")
        raise typer.Exit(code=1) from err
    with ingestor:
        if once:
            report = ingestor.run_once()
            if json_output:
                _dump(
                    {
                        "produced": report.produced,
                        "elapsed": report.elapsed,
                        "feeds": [
                            {
                                "url": f.url,
                                "outlet": f.outlet,
                                "result": f.result,
                                "new": f.new,
                                "syndicated": f.syndicated,
                                "duplicates": f.duplicates,
                                "deferred": f.deferred,
                                "error_kind": f.error_kind,
                                "error": f.error,
                                "article_ids": f.article_ids,
                            }
                            for f in report.feeds
                        ],
                    }
                )
            else:
                _print_report(report)
            return
        stop = threading.Event()
        metrics = _serve_metrics(settings)

        def _stop(signum: int, frame: object) -> None:
            stop.set()

        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, _stop)
        err_console.print(
            f"Polling {len(config.enabled_feeds)} feeds into {settings.topic_articles}; "
            "Ctrl-C to stop. `claimwatch feeds status` shows their health"
            + (f"; metrics at {metrics}." if metrics else "."),
            markup=False,
        )
        ingestor.run_forever(stop)
