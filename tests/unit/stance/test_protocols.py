"""Both backends answer the same protocol (the pipeline, the CLI and the tests rely on it)."""

from __future__ import annotations

import inspect

from streams.stance.memory import MemoryBook
from streams.stance.protocols import StanceBackend, StateReader
from streams.stance.redis_store import RedisStanceStore


def _methods(proto: type) -> set[str]:
    return {n for n, v in vars(proto).items() if inspect.isfunction(v) and not n.startswith("_")}


def test_both_backends_offer_every_backend_method_with_the_same_parameters() -> None:
    for name in _methods(StanceBackend):
        want = list(inspect.signature(getattr(StanceBackend, name)).parameters)
        for backend in (MemoryBook, RedisStanceStore):
            assert list(inspect.signature(getattr(backend, name)).parameters) == want, (backend, name)


def test_the_memory_backend_is_a_state_reader() -> None:
    for name in _methods(StateReader):
        assert callable(getattr(MemoryBook(), name))
