"""`claimwatch push run|status|test|redeliver`: the push sinks."""

from __future__ import annotations

import logging
import signal
import threading
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from schemas import Alert
from streams.errors import ServiceUnavailable
from streams.redis_conn import connect_redis
from streams.settings import Settings, get_settings
from streams.sinks.config import SinksConfigError, SinksFile, load_sinks_file
from streams.sinks.message import compose
from streams.sinks.runner import AppriseNotifier, SinkRunner, run_sinks
from streams.sinks.state import SinkState

push_app = typer.Typer(help="Push alerts to webhooks, chat and e-mail (apprise URLs in a sinks file).")
console = Console()
err_console = Console(stderr=True)

SinksOption = Annotated[
    Path | None,
    typer.Option("--sinks-file", "-f", help="Sinks YAML (default: CW_SINKS_FILE)."),
]


def _load(settings: Settings, path: Path | None) -> SinksFile:
    chosen = path or settings.sinks_file
    if chosen is None:
        err_console.print(
            "No sinks file: pass -f FILE or set CW_SINKS_FILE "
            "(an example is streams/sinks/sinks.example.yaml).",
            markup=False,
        )
        raise typer.Exit(2)
    try:
        return load_sinks_file(chosen)
    except SinksConfigError as err:
        err_console.print(str(err), markup=False)
        raise typer.Exit(2) from err


def _logging(settings: Settings) -> None:
    if not logging.getLogger().handlers:
        logging.basicConfig(
            level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
    logging.getLogger("kafka").setLevel(logging.WARNING)


@push_app.command("run")
def run_command(
    sinks_file: SinksOption = None,
    once: Annotated[
        bool, typer.Option("--once", help="Deliver what is on the topic now, then exit (cron, tests).")
    ] = False,
    idle: Annotated[
        float, typer.Option(help="With --once: seconds without new alerts before exiting.")
    ] = 3.0,
) -> None:
    """Deliver alerts to every enabled sink, each as its own consumer group, until Ctrl-C."""
    settings = get_settings()
    _logging(settings)
    config = _load(settings, sinks_file)
    if not config.enabled:
        err_console.print("No enabled sink in the sinks file; nothing to do.")
        raise typer.Exit(0)
    stop = threading.Event()
    if not once:
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: stop.set())
        if settings.push_metrics_port:
            from prometheus_client import start_http_server

            start_http_server(settings.push_metrics_port, addr=settings.push_metrics_bind)
        names = ", ".join(s.name for s in config.enabled)
        err_console.print(
            f"Pushing alerts from {settings.topic_alerts} to: {names}. Ctrl-C to stop.", markup=False
        )
    try:
        results = run_sinks(
            settings, config.enabled, config.options, stop, until_idle_s=idle if once else None
        )
    except RuntimeError as err:
        err_console.print(f"error: {err}", markup=False)
        raise typer.Exit(3) from err
    if once:
        for name, stats in results.items():
            typer.echo(
                f"{name}: {stats.delivered} delivered, {stats.repeats} already delivered, "
                f"{stats.filtered} filtered out, {stats.parked} parked, "
                f"{stats.failed_attempts} failed attempts"
            )


@push_app.command("status")
def status_command(
    sinks_file: SinksOption = None, json_output: Annotated[bool, typer.Option("--json")] = False
) -> None:
    """Per sink: alerts delivered, failed attempts, the last error, parked alerts."""
    settings = get_settings()
    config = _load(settings, sinks_file)
    try:
        client = connect_redis(settings)
    except ServiceUnavailable as err:
        err_console.print(str(err), markup=False)
        raise typer.Exit(3) from err
    rows: list[dict[str, Any]] = []
    for sink in config.sinks:
        state = SinkState(client, settings.redis_prefix, sink.name)
        rows.append(
            {"sink": sink.name, "enabled": sink.enabled, **state.status(), "parked_ids": list(state.parked())}
        )
    if json_output:
        typer.echo(orjson.dumps(rows, option=orjson.OPT_INDENT_2).decode())
        return
    table = Table(title="Push sinks")
    for col in ("sink", "enabled", "delivered", "failed attempts", "parked", "last error"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(
            escape(r["sink"]),
            "yes" if r["enabled"] else "no",
            str(r["delivered_ids"]),
            str(r.get("failed_attempts", 0)),
            str(r["parked"]),
            escape(str(r.get("last_error", "-"))),
        )
    console.print(table)


@push_app.command("test")
def test_command(
    name: Annotated[str, typer.Argument(help="The sink to send a test message to")],
    sinks_file: SinksOption = None,
) -> None:
    """Send one sample alert to a sink's URLs (nothing is recorded)."""
    settings = get_settings()
    config = _load(settings, sinks_file)
    sink = next((s for s in config.sinks if s.name == name), None)
    if sink is None:
        err_console.print(f"no sink {name!r}; sinks: {', '.join(s.name for s in config.sinks)}", markup=False)
        raise typer.Exit(2)
    from streams.sinks.sample import sample_alert

    alert = sample_alert()
    error = AppriseNotifier(sink.urls, config.options.timeout_s).send(
        compose(alert, body=sink.body, web_url=settings.web_public_url), alert.kind
    )
    if error:
        err_console.print(f"{name}: not delivered: {error}", markup=False)
        raise typer.Exit(1)
    typer.echo(f"{name}: test alert delivered")


@push_app.command("redeliver")
def redeliver_command(
    name: Annotated[str, typer.Argument(help="The sink whose parked alerts to try again")],
    sinks_file: SinksOption = None,
) -> None:
    """Try the parked alerts of a sink again (they leave the parked list once delivered)."""
    settings = get_settings()
    _logging(settings)
    config = _load(settings, sinks_file)
    sink = next((s for s in config.sinks if s.name == name), None)
    if sink is None:
        err_console.print(f"no sink {name!r}", markup=False)
        raise typer.Exit(2)
    runner = SinkRunner(settings, sink, config.options)
    stop = threading.Event()
    parked = runner.state.parked()
    for entry in parked.values():
        runner._deliver(Alert.model_validate(entry["alert"]), stop)
    typer.echo(f"{name}: {runner.stats.delivered} of {len(parked)} parked alert(s) delivered")
