"""Both backends answer the same protocol (the pipeline, the CLI and the tests rely on it)."""

from __future__ import annotations

import inspect

from streams.stance.memory import MemoryBook
from streams.stance.protocols import StanceBackend, StateReader, StateWriter
from streams.stance.redis_store import RedisStanceStore, RedisWriter


def _methods(proto: type) -> set[str]:
    return {n for n, v in vars(proto).items() if inspect.isfunction(v) and not n.startswith("_")}


def test_both_backends_offer_every_backend_method_with_the_same_parameters() -> None:
    for name in _methods(StanceBackend):
        want = list(inspect.signature(getattr(StanceBackend, name)).parameters)
        for backend in (MemoryBook, RedisStanceStore):
            assert list(inspect.signature(getattr(backend, name)).parameters) == want, (backend, name)


def test_the_memory_backend_reads_and_writes_and_redis_has_a_writer_of_the_same_shape() -> None:
    for name in _methods(StateReader):
        assert callable(getattr(MemoryBook(), name))
    want = list(inspect.signature(StateWriter.write).parameters)
    assert list(inspect.signature(MemoryBook.write).parameters) == want
    assert list(inspect.signature(RedisWriter.write).parameters) == want
