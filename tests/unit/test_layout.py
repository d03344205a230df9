"""The tests mirror the packages: every module of streams/core and streams/stance has its test
module (unit tests, or integration tests for the Redis backend)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _missing(package: str) -> list[str]:
    src = ROOT / "streams" / package
    homes = [ROOT / "tests" / "unit" / package, ROOT / "tests" / "integration" / package]
    missing = []
    for module in sorted(src.rglob("*.py")):
        if module.name == "__init__.py":
            continue
        rel = module.relative_to(src)
        candidates = [home / rel.parent / f"test_{rel.name}" for home in homes]
        if not any(c.exists() for c in candidates):
            missing.append(str(candidates[0].relative_to(ROOT)))
    return missing


@pytest.mark.parametrize("package", ["core", "stance"])
def test_every_module_has_a_test_module(package: str) -> None:
    assert _missing(package) == []
