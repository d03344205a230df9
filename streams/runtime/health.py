"""Health of the services the worker depends on: a gauge per component, retries counted, and the
JSON the /health endpoint serves. Unavailable Redis or Kafka makes the worker unhealthy (and it
pauses), never drops a message."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from streams import metrics
from streams.logsafe import safe

log = logging.getLogger("claimwatch.health")
COMPONENTS = ("redis", "kafka")


@dataclass
class ComponentState:
    up: bool = True
    since: float = field(default_factory=time.time)
    last_error: str | None = None
    retries: int = 0


class Health:
    def __init__(self) -> None:
        self.components = {name: ComponentState() for name in COMPONENTS}
        self.notes: dict[str, str] = {}
        for name in COMPONENTS:
            metrics.COMPONENT_UP.labels(component=name).set(1)

    def down(self, name: str, error: BaseException | str) -> None:
        state = self.components[name]
        state.retries += 1
        state.last_error = safe(error if isinstance(error, str) else f"{type(error).__name__}: {error}")
        metrics.INFRA_RETRIES.labels(component=name).inc()
        if state.up:
            state.up, state.since = False, time.time()
            metrics.COMPONENT_UP.labels(component=name).set(0)
            log.error("%s unavailable (%s): pausing and retrying; nothing is dropped", name, state.last_error)

    def up(self, name: str) -> None:
        state = self.components[name]
        if not state.up:
            log.warning("%s available again after %.1f s; resuming", name, time.time() - state.since)
            state.up, state.since = True, time.time()
            metrics.COMPONENT_UP.labels(component=name).set(1)

    @property
    def healthy(self) -> bool:
        return all(s.up for s in self.components.values())

    def snapshot(self) -> dict[str, Any]:
        return {
            "status": "ok" if self.healthy else "unavailable",
            "components": {
                name: {
                    "up": s.up,
                    "since": round(s.since, 3),
                    "last_error": s.last_error,
                    "retries": s.retries,
                }
                for name, s in self.components.items()
            },
            **({"notes": dict(self.notes)} if self.notes else {}),
        }
