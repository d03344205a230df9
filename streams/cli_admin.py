"""Operator commands: `claimwatch deadletters list|refeed` and `claimwatch rebuild`."""

from __future__ import annotations

import sys
from collections import Counter
from typing import TYPE_CHECKING, Annotated, NoReturn

import orjson
import typer
from rich.console import Console
from rich.table import Table

from streams.errors import ServiceUnavailable
from streams.logsafe import safe
from streams.settings import get_settings

if TYPE_CHECKING:
    from streams.runtime.people import RedisPeople

deadletters_app = typer.Typer(no_args_is_help=True, help="The dead-letter topic: list by reason, feed back.")
console = Console(emoji=False, soft_wrap=True)
err = Console(stderr=True, emoji=False, soft_wrap=True)

Reasons = Annotated[list[str] | None, typer.Option("--reason", help="Only this reason (repeatable)")]
Stages = Annotated[list[str] | None, typer.Option("--stage", help="Only this stage: extract | stance")]
Offsets = Annotated[
    list[int] | None, typer.Option("--offset", help="Only this dead-letter offset (repeatable)")
]


def _fail(message: str, code: int = 2) -> NoReturn:
    err.print(f"[bold red]error:[/] {safe(message, 2000)}", markup=True)
    raise typer.Exit(code)


def _letters(reasons: list[str] | None, stages: list[str] | None, offsets: list[int] | None):  # type: ignore[no-untyped-def]
    from streams.deadletters import read_letters, select

    try:
        letters = read_letters(get_settings())
    except ServiceUnavailable as e:
        _fail(str(e), 3)
    return select(letters, reasons=reasons or [], stages=stages or [], offsets=offsets or [])


@deadletters_app.command("list")
def list_command(
    reason: Reasons = None,
    stage: Stages = None,
    offset: Offsets = None,
    as_json: Annotated[bool, typer.Option("--json", help="One record per line")] = False,
) -> None:
    """Dead letters with their reason, where they came from and the error (escaped)."""
    letters = _letters(reason, stage, offset)
    if as_json:
        for letter in letters:
            row = {
                "dlq_offset": letter.offset,
                **letter.record.model_dump(mode="json", exclude={"original_b64"}),
            }
            sys.stdout.write(orjson.dumps(row).decode() + "\n")
        return
    table = Table(title="Dead letters")
    for col in ("offset", "reason", "stage", "from", "key", "failed at", "error"):
        table.add_column(col)
    for letter in letters:
        r = letter.record
        table.add_row(
            str(letter.offset),
            r.reason,
            r.stage,
            f"{safe(r.source_topic, 60)}[{r.partition}]@{r.offset}",
            safe(r.key or "", 40),
            r.failed_at.isoformat(timespec="seconds"),
            safe(r.error, 120),
        )
    console.print(table)
    counts = Counter(letter.record.reason for letter in letters)
    err.print(f"{len(letters)} dead letter(s): " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


@deadletters_app.command("refeed")
def refeed_command(
    reason: Reasons = None,
    stage: Stages = None,
    offset: Offsets = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only say what would be fed back")] = False,
) -> None:
    """Feed the chosen originals back to the topic they came from (after fixing the cause)."""
    from streams.deadletters import refeed

    if not (reason or stage or offset):
        _fail("choose what to feed back with --reason, --stage or --offset")
    letters = _letters(reason, stage, offset)
    if dry_run:
        err.print(f"would feed back {len(letters)} message(s)")
        return
    try:
        sent, skipped = refeed(get_settings(), letters)
    except ServiceUnavailable as e:
        _fail(str(e), 3)
    err.print(f"fed back {sent} message(s); {len(skipped)} skipped (original truncated in the dead letter)")


def rebuild_command() -> None:
    """Rebuild the stance state from the claims topic (stop the worker first)."""
    from streams.rebuild import WorkerRunning, rebuild
    from streams.redis_conn import connect_redis
    from streams.stance.redis_store import RedisStanceStore

    settings = get_settings()
    try:
        store = RedisStanceStore(
            connect_redis(settings), settings.redis_prefix, article_topic=settings.topic_articles
        )
        report = rebuild(settings, store, progress=lambda n: err.print(f"  {n:,} claims applied"))
    except WorkerRunning as e:
        _fail(str(e), 4)
    except ServiceUnavailable as e:
        _fail(str(e), 3)
    err.print(
        f"rebuilt the stance state from {settings.topic_claims}: {report.claims:,} claims applied, "
        f"{report.alerts_recomputed:,} alerts recomputed (not published again), "
        f"{report.skipped_invalid} invalid record(s) skipped, {report.keys_cleared:,} keys cleared first"
    )


people_app = typer.Typer(
    no_args_is_help=True, help="People remembered across articles: who speaks for which party."
)


def _people() -> RedisPeople:
    from streams.redis_conn import connect_redis
    from streams.runtime.people import RedisPeople

    settings = get_settings()
    try:
        return RedisPeople(connect_redis(settings), settings.redis_prefix)
    except ServiceUnavailable as e:
        _fail(str(e), 3)


@people_app.command("list")
def people_list_command(
    party: Annotated[str | None, typer.Option(help="Only people of this party")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One person per line")] = False,
) -> None:
    """Everyone the worker has learned (or a user has set), with the party they speak for."""
    people = [p for p in _people().all() if party is None or p.party == party]
    if as_json:
        for p in people:
            sys.stdout.write(orjson.dumps(p.__dict__).decode() + "\n")
        return
    table = Table(title="People remembered")
    for col in ("name", "party", "role", "speaks for"):
        table.add_column(col)
    for p in people:
        table.add_row(safe(p.name, 80), safe(p.party, 60), safe(p.role or "", 60), safe(p.actor_id or "", 60))
    console.print(table)
    err.print(f"{len(people)} person(s)")


@people_app.command("set")
def people_set_command(
    name: Annotated[str, typer.Argument(help='Full name as written, e.g. "Maly Socheata"')],
    party: Annotated[str, typer.Argument(help="Party id, e.g. cambodia")],
    role: Annotated[str | None, typer.Option(help="Role noun, e.g. spokesperson")] = None,
) -> None:
    """Add or correct a person; the worker reads with it from its next batch on (articles
    already read keep their claims: replay them to apply the correction)."""
    from streams.core.people import Person

    if not name.strip() or not party.strip():
        _fail("name and party must not be blank")
    _people().set(Person(" ".join(name.split()), party.strip(), role=role))
    err.print(f"{safe(name, 80)} now speaks for {safe(party, 60)}")


@people_app.command("forget")
def people_forget_command(name: Annotated[str, typer.Argument(help="Full name as listed")]) -> None:
    """Forget a person (a wrong discovery)."""
    if not _people().forget(name):
        _fail(f"nobody called {name!r} is remembered (see `claimwatch people list`)", 1)
    err.print(f"forgot {safe(name, 80)}")
