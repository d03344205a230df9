"""`claimwatch`: replay, worker, alerts, stance, explain, eval, services, reset (and feeds, bench)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import orjson
import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from streams.kafka_io import ServiceUnavailable
from streams.settings import PROJECT_ROOT, Settings, get_settings

if TYPE_CHECKING:
    from schemas import Alert
    from streams.alerts import ReadStats

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Follow a news story across outlets and languages: claims, stances, alerts.",
)
# Wide enough for stance tables when piped (rich assumes 80 columns without a terminal).
console = Console(emoji=False, soft_wrap=True, width=max(140, shutil.get_terminal_size().columns))
err = Console(stderr=True, emoji=False, soft_wrap=True)


def _fail(message: str, code: int = 2) -> NoReturn:
    err.print(f"[bold red]error:[/] {escape(message)}")
    raise typer.Exit(code)


@app.command()
def replay(
    source: Annotated[
        Path | None,
        typer.Argument(
            help="seeds/ folder (manifest.yaml), a .jsonl of articles, or a folder of .jsonl "
            "(default: CW_SEEDS_DIR, the project's seeds/)"
        ),
    ] = None,
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
        articles = load_articles(source or settings.seeds_dir)
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


def _sources(settings: Any, article_ids: set[str]) -> Callable[[str], Any]:
    """A lookup of article id -> Source from the claims/articles topics (best effort)."""
    from streams.provenance import TopicSources

    topic_sources = TopicSources(settings)
    try:
        topic_sources.resolve(sorted(article_ids))
    except ServiceUnavailable:
        pass
    finally:
        topic_sources.close()
    return topic_sources.get


class _AlertPrinter:
    """Writes each alert the way `claimwatch alerts` was asked to: a JSON line, a summary row or
    a rendered block. Summary rows of a finite read are held back and printed together at the end
    (summary_lines aligns their columns across all of them)."""

    def __init__(self, *, as_json: bool, summary: bool, follow: bool) -> None:
        self.as_json = as_json
        self.summary = summary
        self.follow = follow
        self.count = 0
        self.held_for_summary: list[Alert] = []

    def emit(self, alert: Alert) -> None:
        from streams.alerts import render, summary_row

        self.count += 1
        if self.as_json:
            sys.stdout.write(orjson.dumps(alert.model_dump(mode="json")).decode() + "\n")
            sys.stdout.flush()
        elif self.summary and not self.follow:
            self.held_for_summary.append(alert)
        elif self.summary:
            sys.stdout.write("  ".join([str(self.count), *summary_row(alert)]) + "\n")
            sys.stdout.flush()
        else:
            console.print(render(alert), highlight=False, markup=False)
            console.print()

    def print_held_summary(self) -> None:
        from streams.alerts import summary_lines

        if self.held_for_summary:
            sys.stdout.write("\n".join(summary_lines(self.held_for_summary)) + "\n")
            sys.stdout.flush()


def _matching_alerts(
    stream: Iterable[Alert], kinds: list[str], parties: list[str], parties_seen: set[str]
) -> Iterator[Alert]:
    """The alerts of `stream` that pass the --kind/--party filters, lazily (so --follow prints each
    one as it arrives); every party read is noted in `parties_seen`, matching or not."""
    from streams.alerts import matches

    for alert in stream:
        parties_seen.update(alert.parties)
        if matches(alert, kinds, parties):
            yield alert


def _emit_as_they_arrive(
    settings: Settings, alerts: Iterable[Alert], printer: _AlertPrinter, *, look_up_sources: bool
) -> None:
    """--follow: each alert is printed on arrival, its missing sources looked up on its own."""
    from streams.provenance import missing_sources, with_sources

    for alert in alerts:
        if look_up_sources and missing_sources([alert]):
            alert = with_sources(alert, _sources(settings, missing_sources([alert])))
        printer.emit(alert)


def _emit_in_event_time(
    settings: Settings, chosen: list[Alert], printer: _AlertPrinter, *, look_up_sources: bool
) -> None:
    """A finite read: one source lookup for all alerts, then the alerts in event-time order."""
    from streams.alerts import by_event_time
    from streams.provenance import missing_sources, with_sources

    lookup = _sources(settings, missing_sources(chosen)) if look_up_sources and chosen else None
    for alert in by_event_time(chosen):
        printer.emit(with_sources(alert, lookup) if lookup else alert)


def _print_alert_count(count: int, stats: ReadStats) -> None:
    extra = f" ({stats.repeats} redelivered repeat(s) dropped)" if stats.repeats else ""
    if stats.skipped:
        extra += f" ({stats.skipped} message(s) on the topic were not readable alerts)"
    err.print(f"{count} alert(s){extra}", markup=False, highlight=False)


def _print_parties_seen(parties: list[str], parties_seen: set[str]) -> None:
    """No alert matched --party: name the parties that do occur, as the likely fix is a typo."""
    known = ", ".join(sorted(parties_seen)) or "none yet"
    err.print(f"no alert involves {', '.join(parties)}; parties in the alerts: {known}", markup=False)


@app.command()
def alerts(
    follow: Annotated[bool, typer.Option("--follow", "-f", help="Keep waiting for new alerts")] = False,
    wait: Annotated[
        float, typer.Option(help="Without --follow: after the end of the topic, wait this long for more")
    ] = 0.0,
    kind: Annotated[list[str] | None, typer.Option(help="Only these kinds (repeatable)")] = None,
    party: Annotated[list[str] | None, typer.Option(help="Only alerts involving this party/actor id")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One alert JSON per line")] = False,
    summary: Annotated[
        bool, typer.Option("--summary", help="One line per alert: date, kind, party, proposition, source")
    ] = False,
    keep_repeats: Annotated[
        bool, typer.Option("--repeats", help="Keep redelivered copies (same id) instead of dropping them")
    ] = False,
    sources: Annotated[
        bool, typer.Option(help="Look up missing source URLs/titles in the claims and articles topics")
    ] = True,
) -> None:
    """Read the alerts topic from the beginning, in event-time order (or --follow it as alerts arrive).
    Every alert shows where its evidence comes from: the article's title, URL and publication date."""
    from streams.alerts import ReadStats, UnknownKind, check_kinds, read_alerts

    settings = get_settings()
    try:
        kinds = check_kinds(kind or [])
    except UnknownKind as e:
        _fail(str(e))
    stats = ReadStats()
    parties_seen: set[str] = set()
    printer = _AlertPrinter(as_json=as_json, summary=summary, follow=follow)
    try:
        stream = read_alerts(settings, follow=follow, wait_s=wait, dedupe=not keep_repeats, stats=stats)
        wanted = _matching_alerts(stream, kinds, party or [], parties_seen)
        if follow:
            _emit_as_they_arrive(settings, wanted, printer, look_up_sources=sources)
        else:
            _emit_in_event_time(settings, list(wanted), printer, look_up_sources=sources)
    except ServiceUnavailable as e:
        _fail(str(e), 3)
    except KeyboardInterrupt:
        pass
    printer.print_held_summary()
    if not as_json:
        _print_alert_count(printer.count, stats)
    if printer.count == 0 and party:
        _print_parties_seen(party, parties_seen)


@app.command()
def stance(
    who: Annotated[str, typer.Argument(help="Party or actor id (e.g. russia, kremlin, peskov) or a name")],
    as_json: Annotated[bool, typer.Option("--json", help="The table as indented JSON")] = False,
    sources: Annotated[
        bool, typer.Option(help="Look up missing source URLs/titles in the claims and articles topics")
    ] = True,
) -> None:
    """The stance table of a party or actor: proposition, stance, evidence timeline (oldest first)."""
    from streams.core.gazetteer import default_gazetteer
    from streams.redis_conn import connect_redis
    from streams.stance.redis_store import RedisStanceStore as StanceStore
    from streams.tables import fill_table_sources, resolve_actor, sorted_table, suggest_actors

    settings = get_settings()
    gaz = default_gazetteer()
    try:
        store = StanceStore(connect_redis(settings), settings.redis_prefix)
        stored = store.actors()
    except ServiceUnavailable as e:
        _fail(str(e), 3)
    actor = resolve_actor(who, gaz, stored)
    if actor is None:
        hint = suggest_actors(who, gaz, stored)
        _fail(
            f"no party or actor called {who!r}."
            + (f" Did you mean: {', '.join(hint)}?" if hint else "")
            + " `claimwatch stance --help` shows how to name one; parties with a table: "
            + (", ".join(a for a in stored if not a.startswith("unknown:")) or "none yet"),
            1,
        )
    rows = sorted_table(store.stance_table(actor))
    if sources and rows:
        ids = {e["article_id"] for r in rows for e in r["timeline"]}
        rows = fill_table_sources(rows, _sources(settings, ids))
    if as_json:
        sys.stdout.write(
            orjson.dumps({"actor": actor, "rows": rows}, option=orjson.OPT_INDENT_2).decode() + "\n"
        )
        return
    label = gaz.actors[actor].label if actor in gaz.actors else actor
    if not rows:
        console.print(
            f"No claims stored for {escape(label)} ({escape(actor)}) yet: replay articles "
            "(`claimwatch replay`) or ingest feeds with the worker running."
        )
        return
    console.print(stance_table(label, rows))


def stance_table(label: str, rows: list[dict[str, Any]]) -> Table:
    """A stance table for the terminal; every text from an article is escaped, so a quote's
    "[CNN]" or "[bold]" is printed as written, never read as markup."""
    table = Table(title=f"Stance table: {escape(label)}", show_lines=True)
    for col in ("proposition", "stance", "first seen", "last seen", "evidence timeline (oldest first)"):
        table.add_column(col)
    for row in rows:
        tl = "\n".join(
            escape(
                f"{e['event_time'][:10]} {e['stance']} · {e['speaker']} · {e['outlet']}: "
                f"“{' '.join(e['quote'].split())[:90]}”" + (f"\n    {e['url']}" if e.get("url") else "")
            )
            for e in row["timeline"]
        )
        table.add_row(
            f"{escape(row['proposition']['label'])}\n[dim]{escape(row['proposition']['id'])}[/]",
            escape(row["stance"]),
            (row["first_seen"] or "")[:10],
            row["last_seen"][:10],
            tl,
        )
    return table


@app.command()
def explain(
    article: Annotated[
        str,
        typer.Argument(
            help="An article id as alerts print it (seeds' manifest, then the articles topic), "
            "a .txt body, a .json Article, or a .jsonl"
        ),
    ],
    published: Annotated[
        str | None, typer.Option(help="Publication time for a .txt (ISO 8601; default from manifest.yaml)")
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet for a .txt (default from manifest.yaml)")] = None,
    language: Annotated[str | None, typer.Option(help="Language hint for a .txt")] = None,
) -> None:
    """Print the cleaned text with the claims found: speakers, stances, figures, spans, propositions."""
    from streams.explain import ArticleNotFound, explain_articles, explain_path, find_article

    path = Path(article)
    try:
        if path.exists():
            text = explain_path(path, published, outlet, language)
        else:
            text = explain_articles([find_article(get_settings(), article)])
        console.print(text, highlight=False, markup=False)
    except ServiceUnavailable as e:
        _fail(f"{article} is not a file, and looking it up on the articles topic failed: {e}", 3)
    except ArticleNotFound as e:
        _fail(str(e), 1)
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


@app.command()
def web(
    bind: Annotated[
        str | None, typer.Option(help="Interface to listen on (default CW_WEB_BIND, 127.0.0.1)")
    ] = None,
    port: Annotated[int | None, typer.Option(help="Port (default CW_WEB_PORT, 8765)")] = None,
) -> None:
    """The live web view and JSON API: alerts as they arrive, stories with timelines, stance
    tables, search, CSV/JSON export (read-only; OpenAPI at /api/openapi.json)."""
    from streams.web.app import serve

    settings = get_settings()
    host = bind or settings.web_bind
    chosen = settings.web_port if port is None else port
    err.print(f"claimwatch web on http://{host}:{chosen}/ (Ctrl-C to stop)", markup=False, highlight=False)
    serve(settings, host=host, port=chosen)


def _mount_admin() -> None:
    from streams.cli_admin import deadletters_app, people_app, rebuild_command

    app.add_typer(deadletters_app, name="deadletters")
    app.add_typer(people_app, name="people")
    app.command("rebuild")(rebuild_command)


_mount_admin()


def _mount_optional() -> None:
    from streams.sinks.cli import push_app

    app.add_typer(push_app, name="push", help="Push alerts to webhooks, chat and e-mail (apprise).")
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
