"""Feed state in Redis, under f"{redis_prefix}:feeds:...".

Kept in Redis (not in process memory) so that a restarted ingester neither re-ingests what it
already produced nor forgets a feed's backoff, and so `claimwatch feeds status` can read the
health of a running ingester from another process.

Keys (fk = short hash of the feed URL):
  feeds:index                 set of fk
  feeds:status:{fk}           hash: url, outlet, last_fetch, last_ok, last_new_item, last_result,
                              last_error, last_error_kind, last_error_at, consecutive_errors,
                              next_poll, backoff_seconds and counters (fetches, not_modified,
                              items_new, items_syndicated, items_duplicate, items_invalid)
  feeds:errors:{fk}           hash: error kind -> count
  feeds:validators:{fk}       hash: etag, last_modified (conditional GET)
  feeds:url:{sha}             article id seen for a canonical URL            (TTL)
  feeds:hash:{sha256}         json {id, outlet, root} for a content hash     (TTL)
  feeds:doc:{article id}      hash: outlet, root, sig (MinHash, base64)      (TTL)
  feeds:lsh:{band}:{bucket}   set of article ids sharing an LSH band         (TTL)
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import orjson
import redis

from streams.feeds.dedup import StoredDoc, pack_signature, unpack_signature
from streams.redis_conn import connect_redis as _connect
from streams.settings import Settings

COUNTERS = (
    "fetches",
    "not_modified",
    "items_new",
    "items_syndicated",
    "items_duplicate",
    "items_invalid",
    "items_deferred",
)


def feed_key(url: str) -> str:
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def connect_redis(settings: Settings) -> redis.Redis:
    return _connect(settings, decode=True)


@dataclass
class FeedStatus:
    key: str
    url: str = ""
    outlet: str = ""
    last_fetch: float | None = None
    last_ok: float | None = None
    last_new_item: float | None = None
    last_result: str | None = None
    last_error: str | None = None
    last_error_kind: str | None = None
    last_error_at: float | None = None
    consecutive_errors: int = 0
    next_poll: float | None = None
    backoff_seconds: float | None = None
    counters: dict[str, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "url": self.url,
            "outlet": self.outlet,
            "last_fetch": self.last_fetch,
            "last_ok": self.last_ok,
            "last_new_item": self.last_new_item,
            "last_result": self.last_result,
            "last_error": self.last_error,
            "last_error_kind": self.last_error_kind,
            "last_error_at": self.last_error_at,
            "consecutive_errors": self.consecutive_errors,
            "next_poll": self.next_poll,
            "backoff_seconds": self.backoff_seconds,
            "counters": dict(self.counters),
            "errors": dict(self.errors),
        }


def _hset(pipe: Any, key: str, mapping: Mapping[str, str]) -> None:
    # redis-py's stubs type the mapping with an invariant key union; ours is plain str -> str.
    pipe.hset(key, mapping=dict(mapping))


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


class FeedState:
    def __init__(self, client: redis.Redis, prefix: str, *, ttl_seconds: int = 30 * 86400):
        self.r = client
        self.base = f"{prefix}:feeds"
        self.ttl = ttl_seconds

    # ---------------------------------------------------------------- keys
    def _k(self, *parts: str) -> str:
        return ":".join((self.base, *parts))

    # ---------------------------------------------------------------- schedule / validators
    def register(self, url: str, outlet: str) -> str:
        fk = feed_key(url)
        pipe = self.r.pipeline()
        pipe.sadd(self._k("index"), fk)
        _hset(pipe, self._k("status", fk), {"url": url, "outlet": outlet})
        pipe.execute()
        return fk

    def next_poll(self, fk: str) -> float | None:
        return _float(cast(str | None, self.r.hget(self._k("status", fk), "next_poll")))

    def consecutive_errors(self, fk: str) -> int:
        value = cast(str | None, self.r.hget(self._k("status", fk), "consecutive_errors"))
        return int(value) if value and value.isdigit() else 0

    def validators(self, fk: str) -> tuple[str | None, str | None]:
        data = cast(dict[str, str], self.r.hgetall(self._k("validators", fk)))
        return data.get("etag") or None, data.get("last_modified") or None

    def set_validators(self, fk: str, etag: str | None, last_modified: str | None) -> None:
        key = self._k("validators", fk)
        pipe = self.r.pipeline()
        pipe.delete(key)
        mapping = {k: v for k, v in (("etag", etag), ("last_modified", last_modified)) if v}
        if mapping:
            _hset(pipe, key, mapping)
        pipe.execute()

    # ---------------------------------------------------------------- outcomes
    def record_success(
        self,
        fk: str,
        *,
        now: float,
        result: str,
        next_poll: float,
        counts: dict[str, int],
        warnings: Sequence[tuple[str, str]] = (),
    ) -> None:
        key = self._k("status", fk)
        pipe = self.r.pipeline()
        mapping: dict[str, str] = {
            "last_fetch": repr(now),
            "last_ok": repr(now),
            "last_result": result,
            "consecutive_errors": "0",
            "next_poll": repr(next_poll),
            "backoff_seconds": "",
        }
        if counts.get("items_new", 0) or counts.get("items_syndicated", 0):
            mapping["last_new_item"] = repr(now)
        _hset(pipe, key, mapping)
        pipe.hincrby(key, "fetches", 1)
        if result == "not_modified":
            pipe.hincrby(key, "not_modified", 1)
        for name, value in counts.items():
            if value:
                pipe.hincrby(key, name, value)
        for kind, message in warnings:
            # A bozo feed that still yielded items: counted and shown, but not a failure.
            pipe.hincrby(self._k("errors", fk), kind, 1)
            _hset(
                pipe,
                key,
                {"last_error": message[:500], "last_error_kind": kind, "last_error_at": repr(now)},
            )
        pipe.execute()

    def record_failure(
        self,
        fk: str,
        *,
        now: float,
        kind: str,
        message: str,
        next_poll: float,
        backoff_seconds: float,
        consecutive_errors: int,
        counts: dict[str, int] | None = None,
    ) -> None:
        key = self._k("status", fk)
        pipe = self.r.pipeline()
        _hset(
            pipe,
            key,
            {
                "last_fetch": repr(now),
                "last_result": "error",
                "last_error": message[:500],
                "last_error_kind": kind,
                "last_error_at": repr(now),
                "consecutive_errors": str(consecutive_errors),
                "next_poll": repr(next_poll),
                "backoff_seconds": repr(backoff_seconds),
            },
        )
        pipe.hincrby(key, "fetches", 1)
        for name, value in (counts or {}).items():
            if value:
                pipe.hincrby(key, name, value)
        pipe.hincrby(self._k("errors", fk), kind, 1)
        pipe.execute()

    # ---------------------------------------------------------------- reading status
    def status(self, fk: str) -> FeedStatus | None:
        pipe = self.r.pipeline()
        pipe.hgetall(self._k("status", fk))
        pipe.hgetall(self._k("errors", fk))
        raw, errors = cast(list[dict[str, str]], pipe.execute())
        if not raw:
            return None
        return FeedStatus(
            key=fk,
            url=raw.get("url", ""),
            outlet=raw.get("outlet", ""),
            last_fetch=_float(raw.get("last_fetch")),
            last_ok=_float(raw.get("last_ok")),
            last_new_item=_float(raw.get("last_new_item")),
            last_result=raw.get("last_result") or None,
            last_error=raw.get("last_error") or None,
            last_error_kind=raw.get("last_error_kind") or None,
            last_error_at=_float(raw.get("last_error_at")),
            consecutive_errors=int(raw.get("consecutive_errors") or 0),
            next_poll=_float(raw.get("next_poll")),
            backoff_seconds=_float(raw.get("backoff_seconds")),
            counters={name: int(raw.get(name) or 0) for name in COUNTERS},
            errors={k: int(v) for k, v in errors.items()},
        )

    def status_for_url(self, url: str) -> FeedStatus | None:
        return self.status(feed_key(url))

    def statuses(self) -> list[FeedStatus]:
        keys = sorted(cast(set[str], self.r.smembers(self._k("index"))))
        found = (self.status(fk) for fk in keys)
        return [s for s in found if s is not None]

    def purge(self) -> int:
        """Delete every feeds key under this prefix (tests, and a clean re-ingest)."""
        deleted = 0
        batch: list[str] = []
        for key in self.r.scan_iter(match=f"{self.base}:*", count=500):
            batch.append(cast(str, key))
            if len(batch) >= 500:
                deleted += int(self.r.delete(*batch))
                batch.clear()
        if batch:
            deleted += int(self.r.delete(*batch))
        return deleted


class RedisDedupStore:
    """streams.feeds.dedup.DedupStore on Redis, with a TTL so memory stays bounded."""

    def __init__(self, state: FeedState) -> None:
        self.r = state.r
        self._k = state._k
        self.ttl = state.ttl

    @staticmethod
    def _url_hash(url_key: str) -> str:
        return hashlib.sha256(url_key.encode("utf-8")).hexdigest()[:32]

    def id_for_url(self, url_key: str) -> str | None:
        return cast(str | None, self.r.get(self._k("url", self._url_hash(url_key))))

    def doc_for_hash(self, digest: str) -> StoredDoc | None:
        raw = cast(str | None, self.r.get(self._k("hash", digest)))
        if not raw:
            return None
        data = orjson.loads(raw)
        return StoredDoc(data["id"], data["outlet"], data["root"])

    def lsh_candidates(self, band_keys: Iterable[str]) -> set[str]:
        pipe = self.r.pipeline()
        for band in band_keys:
            pipe.smembers(self._k("lsh", band))
        out: set[str] = set()
        for members in cast(list[set[str]], pipe.execute()):
            out |= members
        return out

    def docs(self, article_ids: Iterable[str]) -> dict[str, StoredDoc]:
        ids = list(article_ids)
        if not ids:
            return {}
        pipe = self.r.pipeline()
        for art_id in ids:
            pipe.hgetall(self._k("doc", art_id))
        out: dict[str, StoredDoc] = {}
        for art_id, raw in zip(ids, cast(list[dict[str, str]], pipe.execute()), strict=True):
            if not raw:
                continue
            sig = unpack_signature(base64.b64decode(raw["sig"])) if raw.get("sig") else None
            out[art_id] = StoredDoc(art_id, raw.get("outlet", ""), raw.get("root", art_id), sig)
        return out

    def record(self, *, url_key: str | None, digest: str, doc: StoredDoc, band_keys: Sequence[str]) -> None:
        pipe = self.r.pipeline()
        if url_key is not None:
            pipe.set(self._k("url", self._url_hash(url_key)), doc.article_id, ex=self.ttl, nx=True)
        pipe.set(
            self._k("hash", digest),
            orjson.dumps({"id": doc.article_id, "outlet": doc.outlet, "root": doc.root}),
            ex=self.ttl,
            nx=True,
        )
        mapping = {"outlet": doc.outlet, "root": doc.root}
        if doc.signature is not None:
            mapping["sig"] = base64.b64encode(pack_signature(doc.signature)).decode("ascii")
        doc_key = self._k("doc", doc.article_id)
        _hset(pipe, doc_key, mapping)
        pipe.expire(doc_key, self.ttl)
        for band in band_keys:
            band_key = self._k("lsh", band)
            pipe.sadd(band_key, doc.article_id)
            pipe.expire(band_key, self.ttl)
        pipe.execute()

    def alias_url(self, url_key: str, article_id: str) -> None:
        self.r.set(self._k("url", self._url_hash(url_key)), article_id, ex=self.ttl, nx=True)
