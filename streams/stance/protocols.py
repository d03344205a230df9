"""Readers and writers of stance state. The rules read through `StateReader`; the backends (in
memory, Redis) apply the same `StateWrites`, so they decide identically."""

from __future__ import annotations

from typing import Any, Protocol

from schemas import Alert, Claim
from streams.stance.state import Figure, PartyState
from streams.stance.writes import StateWrites


class StateReader(Protocol):
    def family_places(self, families: list[str]) -> dict[str, set[str]]: ...
    def prop_states(self, pids: list[str]) -> dict[str, dict[str, PartyState]]: ...
    def exclusive_props(self, keys: list[str]) -> dict[str, set[str]]: ...
    def figures(self, keys: list[str]) -> dict[str, list[Figure]]: ...


class StateWriter(Protocol):
    """Applies the writes a decision produced (in memory at once; in Redis into a transaction)."""

    def write(self, w: StateWrites) -> None: ...


class StanceBackend(Protocol):
    """What the pipeline, the CLI and the tests need from a stance store."""

    def apply_batch(self, claims: list[Claim]) -> list[list[Alert]]: ...
    def stance_table(self, actor: str) -> list[dict[str, Any]]: ...
    def actors(self) -> list[str]: ...
