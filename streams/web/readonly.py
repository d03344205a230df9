"""A Redis client that can only read: the web view's guarantee that it never writes.

Every command goes through `execute_command`; anything not on the read list raises before it
reaches the server. `RedisStanceStore` is used only for its query methods (stance_table, actors),
which read keys, hashes and lists.
"""

from __future__ import annotations

from typing import Any

import redis

READ_COMMANDS = frozenset(
    {
        "PING",
        "GET",
        "MGET",
        "EXISTS",
        "TYPE",
        "TTL",
        "HGET",
        "HMGET",
        "HGETALL",
        "HKEYS",
        "HLEN",
        "HEXISTS",
        "LRANGE",
        "LLEN",
        "LINDEX",
        "SMEMBERS",
        "SISMEMBER",
        "SCARD",
        "ZRANGE",
        "ZSCORE",
        "ZCARD",
        "SCAN",
    }
)


class WriteRefused(PermissionError):
    pass


def _check(args: tuple[Any, ...]) -> None:
    name = str(args[0]).upper() if args else ""
    if name not in READ_COMMANDS:
        raise WriteRefused(f"the web view only reads Redis; {name or 'empty command'} refused")


class ReadOnlyPipeline(redis.client.Pipeline):
    def pipeline_execute_command(self, *args: Any, **options: Any) -> Any:
        _check(args)
        return super().pipeline_execute_command(*args, **options)

    def immediate_execute_command(self, *args: Any, **options: Any) -> Any:
        _check(args)
        return super().immediate_execute_command(*args, **options)  # type: ignore[no-untyped-call]

    def multi(self) -> None:
        raise WriteRefused("the web view only reads Redis; MULTI refused")


class ReadOnlyRedis(redis.Redis):
    def execute_command(self, *args: Any, **options: Any) -> Any:
        _check(args)
        return super().execute_command(*args, **options)  # type: ignore[no-untyped-call]

    def pipeline(self, transaction: bool = True, shard_hint: Any = None) -> ReadOnlyPipeline:
        return ReadOnlyPipeline(self.connection_pool, self.response_callbacks, False, shard_hint)

    def register_script(self, script: Any) -> Any:
        # Loading a script is harmless, running one is not: the stance store registers one it
        # never runs on the read path; running it would go through EVALSHA, which is refused.
        return super().register_script(script)


def readonly_client(client: redis.Redis, name: str = "claimwatch-web") -> ReadOnlyRedis:
    """A read-only client on the same connection settings as `client`; its connections carry
    `name` (CLIENT LIST shows who they are)."""
    kwargs = {**client.connection_pool.connection_kwargs, "client_name": name}
    pool = redis.ConnectionPool(connection_class=client.connection_pool.connection_class, **kwargs)
    return ReadOnlyRedis(connection_pool=pool)
