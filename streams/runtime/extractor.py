"""Extraction with a time budget per article, off the event loop.

The extractor runs in a child process (pebble's ProcessPool, one worker, started with "spawn" so
no thread state of the Faust process is inherited). An article that takes longer than the budget
is stopped — the child is killed and replaced — and reported as TooSlow, so one pathological
article never holds up the ones behind it for longer than the budget. Articles stay in order: one
at a time per worker, as the single agent consumes them.
"""

from __future__ import annotations

import asyncio
import ctypes
import multiprocessing
import signal
import time
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass

import orjson
from pebble import ProcessExpired, ProcessPool

from schemas import Article
from streams.pipeline import ClaimMessage, claims_to_messages


class TooSlow(Exception):
    pass


class ExtractorCrashed(Exception):
    pass


@dataclass(frozen=True)
class Extracted:
    messages: list[ClaimMessage]
    seconds: float


def _die_with_parent() -> None:
    """Linux: the child gets SIGTERM when the worker dies (even by kill -9), never lingers."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def _warm_up() -> None:
    _die_with_parent()
    from streams.core.extract import extract  # noqa: F401  (compiles the lexicons once per child)


def extract_payload(article_json: bytes) -> tuple[list[tuple[bytes, bytes]], float]:
    """Runs in the child: JSON in, (key, value) pairs out (cheap to pass between processes)."""
    from streams.core.extract import extract

    started = time.perf_counter()
    article = Article.model_validate_json(article_json)
    messages = claims_to_messages(extract(article).claims)
    return [(m.key, m.value) for m in messages], time.perf_counter() - started


class BudgetedExtractor:
    def __init__(self, budget_s: float) -> None:
        self.budget_s = budget_s
        self._pool: ProcessPool | None = None

    def _ensure_pool(self) -> ProcessPool:
        if self._pool is None:
            ctx = multiprocessing.get_context("spawn")
            self._pool = ProcessPool(max_workers=1, initializer=_warm_up, context=ctx)
        return self._pool

    async def extract(self, article: Article) -> Extracted:
        payload = orjson.dumps(article.model_dump(mode="json"))
        if self.budget_s <= 0:  # no budget: in process (tools, tests)
            pairs, seconds = extract_payload(payload)
        else:
            future = self._ensure_pool().submit(extract_payload, self.budget_s, payload)
            try:
                pairs, seconds = await asyncio.wrap_future(future)
            except FutureTimeout as err:
                raise TooSlow(f"extraction stopped after the {self.budget_s:g} s budget") from err
            except ProcessExpired as err:
                raise ExtractorCrashed(f"the extractor process died ({err})") from err
        return Extracted([ClaimMessage(k, v) for k, v in pairs], seconds)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.stop()  # type: ignore[no-untyped-call]
            self._pool.join(timeout=5)
            self._pool = None
