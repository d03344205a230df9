"""Fixtures of the fault suite: the private stack, the corpus, and the uninterrupted reference run."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from schemas import Article
from streams.bench.corpus import generate
from streams.core.extract import extract
from tests.faults.harness import Outcome, replay_with_fault, settings_for
from tests.faults.stack import Stack

ARTICLES = 240  # ~3k claims and ~2k alerts: enough to fault mid-stream, small enough for CI


LOGS = Path(__file__).resolve().parents[2] / ".cw" / "logs" / "faults"


@pytest.fixture(scope="session")
def fault_tmp() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="cw-faults-"))
    yield path
    # Worker logs outlive the run (git-ignored) for reading after a failure.
    LOGS.mkdir(parents=True, exist_ok=True)
    for log in path.glob("*.log"):
        shutil.copy(log, LOGS / log.name)
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def stack(fault_tmp: Path) -> Iterator[Stack]:
    s = Stack(fault_tmp / "stack")
    s.up()
    try:
        yield s
    finally:
        s.down()


@pytest.fixture(scope="session")
def corpus() -> tuple[list[Article], set[str]]:
    articles = sorted(generate(ARTICLES, seed=7, prefix="fault"), key=lambda a: (a.published_at, a.id))
    expected = {c.id for a in articles for c in extract(a).claims}
    return articles, expected


@pytest.fixture(scope="session")
def reference(stack: Stack, corpus: tuple[list[Article], set[str]], fault_tmp: Path) -> Outcome:
    """The uninterrupted run every fault run must equal."""
    articles, expected = corpus
    settings = settings_for(stack, "ref", fault_tmp)
    outcome = replay_with_fault(stack, settings, articles, expected, fault_tmp / "ref.log")
    assert outcome.alerts and outcome.duplicates == 0
    return outcome
