"""`claimwatch bench`: mounted by streams/cli.py when this module imports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from streams.kafka_io import ServiceUnavailable


def bench_command(
    quick: Annotated[
        bool, typer.Option("--quick", help="Tiny sizes: checks the benchmark runs (CI), < 90 s")
    ] = False,
    articles: Annotated[
        int | None,
        typer.Option(
            "--articles",
            "-n",
            min=10,
            help="Corpus size for extraction and the full pipeline (default 2000; 120 with --quick)",
        ),
    ] = None,
    seed: Annotated[int, typer.Option(help="Corpus seed (same seed, same articles)")] = 7,
    out: Annotated[
        Path | None, typer.Option(help="JSON report path (default bench-results/bench-<timestamp>.json)")
    ] = None,
    latency_seconds: Annotated[
        float | None, typer.Option(help="Duration of the fixed-load latency run")
    ] = None,
    noop_events: Annotated[
        int | None, typer.Option(help="Events through the no-op Faust pass-through")
    ] = None,
    stance_levels: Annotated[
        str | None, typer.Option(help="Stored-claim levels for the stance cost, e.g. 1000,100000,1000000")
    ] = None,
    profile: Annotated[
        bool,
        typer.Option(
            "--profile",
            help="Profile: pyinstrument on the extraction core, py-spy on the pipeline worker",
        ),
    ] = False,
) -> None:
    """Benchmark on this machine: extraction, no-op Faust, full pipeline, latency, stance cost, RSS."""
    from streams.bench.run import Options, render_table, run

    console = Console()
    err = Console(stderr=True)
    overrides: dict[str, Any] = {
        "articles": articles,
        "out": out,
        "latency_seconds": latency_seconds,
        "noop_events": noop_events,
        "seed": seed,
        "profile": profile,
    }
    if stance_levels:
        try:
            overrides["stance_levels"] = tuple(int(x.replace("_", "")) for x in stance_levels.split(","))
        except ValueError:
            err.print("[bold red]error:[/] --stance-levels takes comma-separated integers")
            raise typer.Exit(2) from None
    if quick:
        opts = Options.quick_mode(**overrides)
    else:
        opts = Options(**{k: v for k, v in overrides.items() if v is not None})
    try:
        results = run(opts, log=lambda m: err.print(m, highlight=False, markup=False))
    except ServiceUnavailable as e:
        err.print(f"[bold red]error:[/] {e}")
        raise typer.Exit(3) from None
    console.print(render_table(results))
    for stage in ("extraction", "pipeline"):
        prof = results["measures"][stage].get("profile")
        if isinstance(prof, dict):
            console.print(f"[bold]profile ({stage}), top self time:[/]")
            for row in prof["self"][:8]:
                console.print(f"  {100 * row['share']:5.1f}%  {row['function']}", highlight=False)
    console.print(f"JSON: {results['out']}")
