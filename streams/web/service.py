"""The web view's data access: the desk (fed by the tail), stance tables and positions from Redis
(read-only client), article texts (cache, else one message fetched from Kafka by position).

Everything here reads. Redis or Kafka being down is reported (`Unavailable`, 503), never hidden.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import orjson
import redis
from pydantic import ValidationError

from schemas import Article, Claim
from streams.core.gazetteer import Gazetteer, default_gazetteer
from streams.core.people import Person
from streams.errors import ServiceUnavailable
from streams.redis_conn import REDIS_DOWN, redis_client
from streams.runtime.people import RedisPeople
from streams.settings import Settings
from streams.stance.redis_reader import party_state, text
from streams.stance.redis_store import RedisStanceStore
from streams.tables import fill_table_sources, resolve_actor, sorted_table, suggest_actors
from streams.web.desk import AlertEntry, ArticleRef, Desk
from streams.web.readonly import ReadOnlyRedis, readonly_client
from streams.web.tail import ArticleItem, BodyCache, Item, Tail, TailStatus, fetch_article

log = logging.getLogger(__name__)


_DOWN: tuple[type[Exception], ...] = (ServiceUnavailable, *REDIS_DOWN)


class Unavailable(Exception):
    """A service the answer needs is down (503)."""


class NotFound(LookupError):
    """Nothing by that name (404)."""


class Subscribers:
    """Live alert listeners (one queue per open stream); slow ones are dropped, not waited for."""

    def __init__(self, maxsize: int = 1000) -> None:
        self.maxsize = maxsize
        self.queues: set[asyncio.Queue[AlertEntry | None]] = set()

    def open(self) -> asyncio.Queue[AlertEntry | None]:
        q: asyncio.Queue[AlertEntry | None] = asyncio.Queue(self.maxsize)
        self.queues.add(q)
        return q

    def close(self, q: asyncio.Queue[AlertEntry | None]) -> None:
        self.queues.discard(q)

    def publish(self, entry: AlertEntry) -> None:
        for q in list(self.queues):
            try:
                q.put_nowait(entry)
            except asyncio.QueueFull:
                # The client fell behind: end its stream; it reconnects with Last-Event-ID and
                # gets what it missed from the desk.
                self.queues.discard(q)
                while not q.empty():
                    q.get_nowait()
                q.put_nowait(None)


class DeskService:
    def __init__(
        self,
        settings: Settings,
        *,
        desk: Desk | None = None,
        redis_factory: Callable[[], ReadOnlyRedis] | None = None,
        gazetteer: Gazetteer | None = None,
        start_tail: bool = True,
    ) -> None:
        self.settings = settings
        self.desk = desk or Desk(max_alerts=settings.web_max_alerts, max_claims=settings.web_max_claims)
        self.gaz = gazetteer or default_gazetteer()
        self.bodies = BodyCache()
        self.subscribers = Subscribers()
        self.desk.listeners.append(self.subscribers.publish)
        self._redis_factory = redis_factory or (lambda: readonly_client(redis_client(settings)))
        self._redis: ReadOnlyRedis | None = None
        self._start_tail = start_tail
        self.tail: Tail | None = None
        self.loop: asyncio.AbstractEventLoop | None = None

    # --- lifecycle ---------------------------------------------------------------------------------
    async def start(self) -> None:
        self.loop = asyncio.get_running_loop()
        if self._start_tail:
            self.tail = Tail(self.settings, self._deliver_threadsafe, bodies=self.bodies)
            self.tail.start()

    async def stop(self) -> None:
        if self.tail is not None:
            self.tail.stop()
            await asyncio.to_thread(self.tail.join, 5.0)
        for q in list(self.subscribers.queues):
            q.put_nowait(None)
        if self._redis is not None:
            self._redis.close()

    def _deliver_threadsafe(self, items: list[Item]) -> None:
        if self.loop is not None and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self.apply, items)

    def apply(self, items: list[Item]) -> None:
        """Feed the desk (on the event loop)."""
        for item in items:
            if isinstance(item, ArticleItem):
                self.desk.add_article(item.ref, item.source)
            elif isinstance(item, Claim):
                self.desk.add_claim(item)
            else:
                self.desk.add_alert(item)

    @property
    def tail_status(self) -> TailStatus:
        return self.tail.status if self.tail is not None else TailStatus(connected=True, caught_up=True)

    # --- Redis (read-only) ---------------------------------------------------------------------------
    def _client(self) -> ReadOnlyRedis:
        if self._redis is None:
            self._redis = self._redis_factory()
        return self._redis

    def _store(self) -> RedisStanceStore:
        return RedisStanceStore(self._client(), self.settings.redis_prefix)

    def _redis_call(self, fn: Callable[[], Any]) -> Any:
        try:
            return fn()
        except redis.exceptions.AuthenticationError as err:
            raise Unavailable(f"Redis refused the password ({err})") from err
        except _DOWN as err:
            raise Unavailable(f"Redis is not reachable ({type(err).__name__}: {err})") from err

    async def redis_ok(self) -> tuple[bool, str | None]:
        try:
            await asyncio.to_thread(self._redis_call, lambda: self._client().ping())
            return True, None
        except Unavailable as err:
            return False, str(err)

    async def stored_actors(self) -> list[str]:
        return list(await asyncio.to_thread(self._redis_call, lambda: self._store().actors()))

    async def people(self) -> list[Person]:
        """The people the worker remembers across articles (read-only; `claimwatch people` edits)."""
        reader = RedisPeople(self._client(), self.settings.redis_prefix)
        return list(await asyncio.to_thread(self._redis_call, reader.all))

    async def resolve_actor(self, who: str) -> str:
        stored = await self.stored_actors()
        actor = resolve_actor(who, self.gaz, stored)
        if actor is None:
            hint = suggest_actors(who, self.gaz, stored)
            raise NotFound(
                f"no party or actor called {who!r}" + (f"; did you mean {', '.join(hint)}?" if hint else "")
            )
        return actor

    async def stance_rows(self, actor: str) -> list[dict[str, Any]]:
        rows = await asyncio.to_thread(self._redis_call, lambda: self._store().stance_table(actor))
        return fill_table_sources(sorted_table(rows), self.desk.sources.get)

    async def positions(self, pid: str) -> list[dict[str, Any]]:
        """The stance engine's state on `pid`: one entry per party (latest first)."""
        key = f"{self.settings.redis_prefix}:prop:{pid}"
        raw = await asyncio.to_thread(self._redis_call, lambda: self._client().hgetall(key))
        out = []
        for party, value in raw.items():
            try:
                st = party_state(value)
            except ValidationError:
                continue
            out.append(
                {
                    "party": text(party),
                    "label": self.label(text(party)),
                    "stance": st.stance,
                    "committed": st.committed,
                    "implied": st.implied,
                    "first_seen": st.first_seen,
                    "last_seen": st.last_seen,
                    "statements": st.count,
                }
            )
        out.sort(key=lambda p: (p["last_seen"], p["party"]), reverse=True)
        return out

    def label(self, actor: str | None) -> str:
        if actor and actor in self.gaz.actors:
            return self.gaz.actors[actor].label
        return actor or "unknown"

    def actor_info(self, actor: str) -> dict[str, Any]:
        a = self.gaz.actors.get(actor)
        return {
            "id": actor,
            "label": a.label if a else actor.removeprefix("unknown:"),
            "party": self.gaz.party_of(actor) if a else None,
            "kind": a.kind if a else None,
        }

    def known_party(self, name: str) -> bool:
        lowered = name.casefold()
        if lowered in {p.casefold() for p in self.desk.parties()}:
            return True
        return any(lowered in (a.id.casefold(), a.label.casefold()) for a in self.gaz.actors.values())

    def party_hint(self, name: str) -> list[str]:
        return suggest_actors(name, self.gaz, self.desk.parties(), n=3)

    # --- articles ------------------------------------------------------------------------------------
    async def article(self, article_id: str) -> tuple[Article | None, ArticleRef | None]:
        ref = self.desk.articles.get(article_id)
        raw = self.bodies.get(article_id)
        if raw is None and ref is not None:
            try:
                raw = await asyncio.to_thread(fetch_article, self.settings, ref.partition, ref.offset)
            except ServiceUnavailable as err:
                raise Unavailable(str(err)) from err
        if raw is None:
            return None, ref
        try:
            return Article.model_validate(orjson.loads(raw)), ref
        except (orjson.JSONDecodeError, ValidationError):
            return None, ref
