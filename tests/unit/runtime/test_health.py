"""Health: a component goes down on the first failure, up on the first success, counted."""

from __future__ import annotations

from streams import metrics
from streams.runtime.health import Health


def _up(component: str) -> float:
    return float(metrics.COMPONENT_UP.labels(component=component)._value.get())


def test_a_component_goes_down_and_comes_back() -> None:
    health = Health()
    assert health.healthy and _up("redis") == 1
    health.down("redis", ConnectionError("refused\nforged"))
    health.down("redis", ConnectionError("refused again"))
    snap = health.snapshot()
    assert not health.healthy and snap["status"] == "unavailable" and _up("redis") == 0
    assert (
        snap["components"]["redis"]["retries"] == 2 and "\n" not in snap["components"]["redis"]["last_error"]
    )
    health.up("redis")
    assert health.healthy and health.snapshot()["status"] == "ok" and _up("redis") == 1
