"""Every cache of the core in one place: compiled lexicons, gazetteer, event specs.

A cached function is declared with `@memo`; `clear_all()` forgets them all (after CW_LEXICON_DIR
changed: tests, long-lived tools). Registration replaces the old habit of importing every module
to clear its caches, which tied the whole package into one import circle.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_REGISTRY: list[Any] = []


def memo(fn: F) -> F:
    """functools.cache, registered so that `clear_all` reaches it."""
    cached = cache(fn)
    _REGISTRY.append(cached)
    return cached  # type: ignore[return-value]


def clear_all() -> None:
    for cached in _REGISTRY:
        cached.cache_clear()
