"""Extraction with a time budget per article, off the event loop.

The extractor runs in child processes (pebble's ProcessPool, started with "spawn" so no thread
state of the Faust process is inherited). An article that takes longer than the budget is stopped
— its child is killed and replaced — and reported as TooSlow, so one pathological article never
holds up the ones behind it for longer than the budget. Results come back per article and the
stage publishes them in the articles' order, whatever the number of workers.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import time
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass

import orjson
from pebble import ProcessExpired, ProcessPool

from schemas import Article
from streams.core.people import InMemoryPeople, Person, name_key
from streams.pipeline import ClaimMessage, claims_to_messages
from streams.runtime.people import person_json, person_of
from streams.runtime.process import die_with_parent


class TooSlow(Exception):
    pass


class ExtractorCrashed(Exception):
    pass


@dataclass(frozen=True)
class Extracted:
    messages: list[ClaimMessage]
    seconds: float
    learned: tuple[tuple[str, str], ...] = ()  # (name key, Person JSON) this article taught


class RecordingPeople(InMemoryPeople):
    """The remembered people an article is read with, noting what it teaches."""

    def __init__(self, known: list[Person]) -> None:
        super().__init__()
        for person in known:
            super().remember(person)
        self.learned: dict[str, Person] = {}

    def remember(self, person: Person) -> None:
        if self.recall(person.name) != person:
            self.learned[name_key(person.name)] = person
        super().remember(person)


WARM_UP = Article(
    id="warm-up",
    outlet="claimwatch",
    body="Officials said on Monday that 1,000 troops had been sent. Pejabat mengatakan pasukan dikirim.",
    published_at="2024-01-01T00:00:00+00:00",
)


def _warm_up() -> None:
    """Compile every lexicon before the first real article, so its budget measures extraction."""
    die_with_parent()
    from streams.core.cities import city_table
    from streams.core.extract import extract
    from streams.core.lexicon import languages

    extract(WARM_UP)
    for code in languages():  # every pack's rules (its number grammar too), not only the first one's
        extract(WARM_UP, language=code)
    city_table()  # read on the first place the data does not list


Payload = tuple[list[tuple[bytes, bytes]], float, list[tuple[str, str]]]


def extract_payload(
    article_json: bytes, people_json: tuple[str, ...] = (), language: str | None = None
) -> Payload:
    """Runs in the child: JSON in, (key, value) pairs and the people learned out (cheap to pass
    between processes). `language`: the pack the parent's gate already chose."""
    from streams.core.extract import extract

    started = time.perf_counter()
    article = Article.model_validate_json(article_json)
    people = RecordingPeople([person_of(p) for p in people_json])
    messages = claims_to_messages(extract(article, people=people, language=language).claims)
    learned = [(key, person_json(p)) for key, p in sorted(people.learned.items())]
    return [(m.key, m.value) for m in messages], time.perf_counter() - started, learned


class BudgetedExtractor:
    def __init__(self, budget_s: float, workers: int = 1) -> None:
        self.budget_s, self.workers = budget_s, workers
        self._pool: ProcessPool | None = None

    def _ensure_pool(self) -> ProcessPool:
        if self._pool is None:
            ctx = multiprocessing.get_context("spawn")
            self._pool = ProcessPool(max_workers=self.workers, initializer=_warm_up, context=ctx)
        return self._pool

    async def extract(
        self, article: Article, people: list[Person] | None = None, language: str | None = None
    ) -> Extracted:
        """`people`: the remembered people this article may name (PeopleIndex.relevant);
        `language`: the pack the language gate chose (None: the extractor identifies it)."""
        payload = orjson.dumps(article.model_dump(mode="json"))
        known = tuple(person_json(p) for p in people or ())
        if self.budget_s <= 0:  # no budget: in process (tools, tests)
            pairs, seconds, learned = extract_payload(payload, known, language)
        else:
            future = self._ensure_pool().submit(extract_payload, self.budget_s, payload, known, language)
            try:
                pairs, seconds, learned = await asyncio.wrap_future(future)
            except FutureTimeout as err:
                raise TooSlow(f"extraction stopped after the {self.budget_s:g} s budget") from err
            except ProcessExpired as err:
                raise ExtractorCrashed(f"the extractor process died ({err})") from err
        return Extracted([ClaimMessage(k, v) for k, v in pairs], seconds, tuple(learned))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.stop()  # type: ignore[no-untyped-call]
            self._pool.join(timeout=5)
            self._pool = None
