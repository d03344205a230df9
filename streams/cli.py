"""`claimwatch`: replay, worker, alerts, stance, explain, eval, services, reset (and feeds, bench)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import orjson
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from streams.kafka_io import ServiceUnavailable
from streams.settings import PROJECT_ROOT, get_settings

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Follow a news story across outlets and languages: claims, stances, alerts.",
)
# Wide enough for stance tables when piped (rich assumes 80 columns without a terminal).
console = Console(emoji=False, soft_wrap=True, width=max(140, shutil.get_terminal_size().columns))
err = Console(stderr=True, emoji=False, soft_wrap=True)


def _fail(message: str, code: int = 2) -> None:
    err.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(code)


@app.command()
def replay(
    source: Annotated[
        Path,
        typer.Argument(help="seeds/ folder (manifest.yaml), a .jsonl of articles, or a folder of .jsonl"),
    ] = PROJECT_ROOT / "seeds",
    speed: Annotated[
        float, typer.Option(help="0 = as fast as possible; N = N× real time (gaps capped)")
    ] = 0.0,
    max_gap: Annotated[float, typer.Option(help="Longest pause between two articles, seconds")] = 5.0,
) -> None:
    """Push articles onto the articles topic in event-time order."""
    from streams.replay import SourceError, load_articles
    from streams.replay import replay as do_replay

    settings = get_settings()
    try:
        articles = load_articles(source)
    except (SourceError, OSError) as e:
        _fail(str(e))
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[current]}"),
        console=err,
    ) as progress:
        task = progress.add_task("replay", total=len(articles), current="")
        try:
            n = do_replay(
                articles,
                settings,
                speed=speed,
                max_gap_s=max_gap,
                on_sent=lambda a: progress.update(
                    task, advance=1, current=f"{a.published_at.date()} {a.outlet}"
                ),
            )
        except ServiceUnavailable as e:
            _fail(str(e), 3)
    err.print(f"replayed {n} article(s) onto {settings.topic_articles}")


@app.command()
def worker(
    loglevel: Annotated[str, typer.Option(help="Faust log level")] = "info",
    once: Annotated[
        bool, typer.Option("--once", help="Run the worker process without the supervisor")
    ] = False,
) -> None:
    """Run the Faust worker, restarted when it exits (same as `faust -A streams.app worker`, supervised)."""
    from streams.kafka_io import ensure_topics
    from streams.redis_conn import connect_redis

    settings = get_settings()
    try:
        connect_redis(settings)
        ensure_topics(settings)
    except ServiceUnavailable as e:
        _fail(str(e), 3)
    settings.worker_data_dir.mkdir(parents=True, exist_ok=True)
    from streams.runtime.membership import leave_group

    args = ["--loglevel", loglevel]
    if once:
        sys.argv = ["streams.worker_main", *args]
        from streams.worker_main import main as run_worker

        try:
            run_worker()
        finally:
            leave_group(settings)
        return
    from streams.runtime.supervisor import supervise

    raise typer.Exit(supervise(args, on_stopped=lambda: leave_group(settings)))


@app.command()
def alerts(
    follow: Annotated[bool, typer.Option("--follow", "-f", help="Keep waiting for new alerts")] = False,
    wait: Annotated[float, typer.Option(help="Without --follow: stop after this many idle seconds")] = 10.0,
    kind: Annotated[list[str] | None, typer.Option(help="Only these kinds (repeatable)")] = None,
    party: Annotated[list[str] | None, typer.Option(help="Only alerts involving this party/actor id")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One alert JSON per line")] = False,
) -> None:
    """Read the alerts topic from the beginning (or --follow it)."""
    from streams.alerts import matches, read_alerts, render

    settings = get_settings()
    count = 0
    try:
        for alert in read_alerts(settings, follow=follow, wait_s=wait):
            if not matches(alert, kind or [], party or []):
                continue
            count += 1
            if as_json:
                sys.stdout.write(orjson.dumps(alert.model_dump(mode="json")).decode() + "\n")
                sys.stdout.flush()
            else:
                console.print(render(alert), highlight=False, markup=False)
                console.print()
    except ServiceUnavailable as e:
        _fail(str(e), 3)
    except KeyboardInterrupt:
        pass
    if not as_json:
        err.print(f"{count} alert(s)")


@app.command()
def stance(
    who: Annotated[str, typer.Argument(help="Party or actor id (e.g. russia, kremlin, peskov) or a name")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """The stance table of a party or actor: proposition, stance, evidence timeline."""
    from streams.core.gazetteer import default_gazetteer
    from streams.redis_conn import connect_redis
    from streams.stance.redis_store import RedisStanceStore as StanceStore

    settings = get_settings()
    gaz = default_gazetteer()
    actor = who if who in gaz.actors else None
    if actor is None:
        hits = gaz.find_actors(who)
        actor = hits[0].key if hits else who
    try:
        store = StanceStore(connect_redis(settings), settings.redis_prefix)
    except ServiceUnavailable as e:
        _fail(str(e), 3)
    rows = store.stance_table(actor)
    if as_json:
        sys.stdout.write(orjson.dumps({"actor": actor, "rows": rows}).decode() + "\n")
        return
    label = gaz.actors[actor].label if actor in gaz.actors else actor
    if not rows:
        console.print(f"No claims stored for {label} ({actor}).")
        return
    table = Table(title=f"Stance table: {label}", show_lines=True)
    for col in ("proposition", "stance", "first seen", "last seen", "evidence timeline"):
        table.add_column(col)
    for row in rows:
        tl = "\n".join(
            f"{e['event_time'][:10]} {e['stance']} · {e['speaker']} · {e['outlet']}: "
            f"“{' '.join(e['quote'].split())[:90]}”"
            for e in row["timeline"]
        )
        table.add_row(
            f"{row['proposition']['label']}\n[dim]{row['proposition']['id']}[/]",
            row["stance"],
            (row["first_seen"] or "")[:10],
            row["last_seen"][:10],
            tl,
        )
    console.print(table)


@app.command()
def explain(
    article: Annotated[Path, typer.Argument(help="A .txt body, a .json Article, or a .jsonl (first N)")],
    published: Annotated[
        str, typer.Option(help="Publication time for a .txt (ISO 8601)")
    ] = "2024-11-01T12:00:00+00:00",
    outlet: Annotated[str, typer.Option(help="Outlet for a .txt")] = "unknown",
    language: Annotated[str | None, typer.Option(help="Language hint for a .txt")] = None,
) -> None:
    """Print the cleaned text with the claims found: speakers, stances, figures, spans, propositions."""
    from streams.explain import explain_path

    try:
        console.print(explain_path(article, published, outlet, language), highlight=False, markup=False)
    except (OSError, ValueError) as e:
        _fail(str(e))


@app.command("eval")
def eval_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (see README: evaluation format)")],
    articles: Annotated[Path, typer.Argument(help="Articles JSONL")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    show_errors: Annotated[bool, typer.Option("--errors", help="List misses and false alarms")] = False,
) -> None:
    """Score claims and alerts against a gold file: precision, recall, F1."""
    from streams.evaluation import evaluate, format_report

    try:
        report = evaluate(gold, articles)
    except (OSError, ValueError) as e:
        _fail(str(e))
    if as_json:
        sys.stdout.write(orjson.dumps(report.as_dict()).decode() + "\n")
    else:
        console.print(format_report(report, show_errors), highlight=False, markup=False)


@app.command()
def reset(
    topics: Annotated[bool, typer.Option("--topics", help="Also delete and recreate the topics")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y")] = True,
) -> None:
    """Clear the stance state in Redis (and with --topics, recreate the Kafka topics)."""
    import time

    from streams.kafka_io import delete_topics, ensure_topics
    from streams.redis_conn import connect_redis
    from streams.stance.redis_store import RedisStanceStore as StanceStore

    settings = get_settings()
    try:
        n = StanceStore(connect_redis(settings), settings.redis_prefix).reset()
        err.print(f"cleared {n} Redis key(s) under {settings.redis_prefix}:")
        if topics:
            gone = delete_topics(settings)
            for _ in range(50):
                try:
                    created = ensure_topics(settings)
                    break
                except Exception:
                    time.sleep(0.3)
            else:
                created = ensure_topics(settings)
            err.print(f"recreated topics: {', '.join(created) or '(none)'} (deleted {len(gone)})")
    except ServiceUnavailable as e:
        _fail(str(e), 3)


@app.command()
def services(
    action: Annotated[str, typer.Argument(help="up | down | status | logs")],
    service: Annotated[str | None, typer.Argument(help="kafka | redis (default both)")] = None,
) -> None:
    """Start/stop/inspect the local Kafka (KRaft) and Redis (wraps ops/services.sh)."""
    script = PROJECT_ROOT / "ops" / "services.sh"
    if not script.exists():
        _fail(f"{script} not found (services are managed by the project's ops/ scripts)")
    args = ["bash", str(script), action] + ([service] if service else [])
    raise typer.Exit(subprocess.call(args, env=os.environ.copy()))


def _mount_admin() -> None:
    from streams.cli_admin import deadletters_app, rebuild_command

    app.add_typer(deadletters_app, name="deadletters")
    app.command("rebuild")(rebuild_command)


_mount_admin()


def _mount_optional() -> None:
    try:
        from streams.feeds.cli import feeds_app, ingest_command

        app.add_typer(feeds_app, name="feeds", help="Feed list and per-feed health.")
        app.command("ingest", help="Poll the RSS/Atom feeds onto the articles topic.")(ingest_command)
    except ImportError:
        pass
    try:
        from streams.bench.cli import bench_command

        app.command("bench", help="Benchmark: throughput, latency, stance cost, memory.")(bench_command)
    except ImportError:
        pass


_mount_optional()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
