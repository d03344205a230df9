"""Deterministic malformed messages for the articles and claims topics: broken bytes, broken JSON,
wrong shapes and types, dates out of range, unsafe URLs, blank or control-character ids, unknown
versions, oversized values. Every one must be dead-lettered with a reason, none may crash."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from typing import Any

import orjson

from schemas import Article

Mutation = Callable[[random.Random, dict[str, Any]], Any]


def _set(field: str, *values: Any) -> Mutation:
    return lambda rng, a: {**a, field: rng.choice(values)}


def _drop(field: str) -> Mutation:
    return lambda rng, a: {k: v for k, v in a.items() if k != field}


MUTATIONS: list[Mutation] = [
    _set(
        "published_at", "0001-01-01T00:00:00+00:00", "9999-12-31T00:00:00+00:00", "1989-12-31T23:00:00+00:00"
    ),
    _set("published_at", 17, 1_700_000_000, 3.5, True, None, [], {}),
    _set("published_at", "2024-10-25T10:00:00", "yesterday", "2024-13-45T99:00:00+00:00", ""),
    _set("url", "javascript:alert(1)", "file:///etc/passwd", "gopher://x", "http://", "//no-scheme", 5),
    _set("id", "", "   ", "\n", "a\nforged log line", "x\x1b[31m", 42, None),
    _set("body", "", "   \n\t ", None, ["a", "b"], 12),
    _set("outlet", "", "  ", None),
    _set("schema_version", 2, 0, "1", None),
    _set("unexpected_field", "x"),
    _set("fetched_at", "0001-01-01T00:00:00+00:00", 17),
    _set("title", {"nested": True}, 5),
    _drop("id"),
    _drop("body"),
    _drop("published_at"),
    _drop("outlet"),
]


def _raw_garbage(rng: random.Random, valid: bytes) -> bytes:
    kind = rng.randrange(9)
    if kind == 0:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300)))
    if kind == 1:
        return valid[: rng.randrange(1, max(2, len(valid) - 1))]  # truncated JSON
    if kind == 2:
        return rng.choice([b"[]", b"42", b'"a string"', b"null", b"true", b"{}"])
    if kind == 3:
        return b"[" * 5000 + b"]" * 5000  # deeply nested
    if kind == 4:
        return valid.replace(b'"body":"', b'"body":"\xff\xfe', 1)  # invalid UTF-8 inside a string
    if kind == 5:
        return b"\x00" * rng.randrange(1, 64)
    if kind == 6:
        return valid + b"trailing"
    if kind == 7:
        return b'{"id": "a", "body": ' + b"9" * 500 + b"}"
    return b""


def malformed(valid: list[Article], n: int, seed: int = 0) -> Iterator[bytes]:
    """n malformed values, built from the valid articles (deterministic for a seed)."""
    rng = random.Random(seed)
    for i in range(n):
        base = rng.choice(valid).model_dump(mode="json")
        if i % 3 == 0:
            yield _raw_garbage(rng, orjson.dumps(base))
        else:
            yield orjson.dumps(rng.choice(MUTATIONS)(rng, base))


def oversized(valid: Article, size: int) -> bytes:
    """A well-formed article whose message exceeds the size limit."""
    return orjson.dumps({**valid.model_dump(mode="json"), "body": "kata " * (size // 5)})
