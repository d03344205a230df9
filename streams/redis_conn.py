"""The one way the project connects to Redis: password from the URL or from the password file
that ops/install.sh generates, bounded timeouts, a few quick retries inside the client (longer
outages are the caller's: the agents pause and retry, they never drop a message)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import redis
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

from streams.errors import ServiceUnavailable
from streams.settings import Settings

# What "Redis is unavailable" looks like to a client (not bad input): retry, never dead-letter.
REDIS_DOWN: tuple[type[Exception], ...] = (
    RedisConnectionError,
    RedisTimeoutError,
    redis.exceptions.BusyLoadingError,
    redis.exceptions.TryAgainError,
)


def redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _password(settings: Settings) -> str | None:
    if urlsplit(settings.redis_url).password is not None:
        return None  # the URL's own password wins
    path: Path | None = settings.redis_password_file
    if path is not None and path.is_file():
        return path.read_text(encoding="utf-8").strip() or None
    return None


def redis_client(settings: Settings, *, decode: bool = False) -> redis.Redis:
    """A client (no round trip yet)."""
    return redis.Redis.from_url(
        settings.redis_url,
        password=_password(settings),
        decode_responses=decode,
        socket_connect_timeout=3,
        socket_timeout=10,
        health_check_interval=15,
        retry=Retry(ExponentialBackoff(cap=0.5, base=0.05), 1),
        retry_on_error=[RedisConnectionError, RedisTimeoutError],
    )


def connect_redis(settings: Settings, *, decode: bool = False) -> redis.Redis:
    """A client that answered PING, or ServiceUnavailable with how to fix it."""
    client = redis_client(settings, decode=decode)
    try:
        client.ping()
    except redis.exceptions.AuthenticationError as err:
        given = urlsplit(settings.redis_url).password is not None or _password(settings) is not None
        problem = "refused the password" if given else "requires a password and none was found"
        raise ServiceUnavailable(
            f"Redis at {redact(settings.redis_url)} {problem}. The password is in "
            f"{settings.redis_password_file} (written by ops/install.sh; set CW_REDIS_PASSWORD_FILE), "
            "or put it in CW_REDIS_URL as redis://:PASSWORD@host:port/0."
        ) from err
    except (
        redis.exceptions.ConnectionError,
        redis.exceptions.TimeoutError,
        redis.exceptions.ResponseError,
    ) as err:
        raise ServiceUnavailable(
            f"Redis is not reachable at {redact(settings.redis_url)} ({type(err).__name__}: {err}). "
            "Start it with `claimwatch services up` (or ops/services.sh up), or set CW_REDIS_URL."
        ) from err
    return client
