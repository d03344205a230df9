"""The web view's Redis client refuses every write before anything reaches a server."""

from __future__ import annotations

import pytest
from redis.backoff import NoBackoff
from redis.retry import Retry

from streams.web.readonly import READ_COMMANDS, ReadOnlyRedis, WriteRefused

# Port 9 (discard): nothing listens, so a command that got past the check would fail to connect.
client = ReadOnlyRedis(host="127.0.0.1", port=9, socket_connect_timeout=0.2, retry=Retry(NoBackoff(), 0))


@pytest.mark.parametrize(
    "write",
    [
        lambda: client.set("k", "v"),
        lambda: client.delete("k"),
        lambda: client.hset("h", "f", "v"),
        lambda: client.rpush("l", "x"),
        lambda: client.expire("k", 5),
        lambda: client.flushall(),
        lambda: client.eval("return 1", 0),
        lambda: client.pipeline().set("k", "v").execute(),
        lambda: client.pipeline(transaction=True).multi(),
    ],
)
def test_writes_are_refused(write: object) -> None:
    with pytest.raises(WriteRefused):
        write()  # type: ignore[operator]


def test_reads_pass_the_check() -> None:
    with pytest.raises(Exception) as caught:  # gets as far as connecting
        client.hgetall("h")
    assert not isinstance(caught.value, WriteRefused)
    assert {"HGETALL", "LRANGE", "SMEMBERS"} <= READ_COMMANDS
    assert not {"SET", "DEL", "HSET", "EVAL", "EVALSHA", "MULTI", "EXEC", "FLUSHALL"} & READ_COMMANDS
