"""streams/core/caches.py: every cache registered, all cleared at once."""

from __future__ import annotations

from streams.core.caches import clear_all, memo
from streams.core.lang import get_pack


def test_clear_all_forgets_registered_functions() -> None:
    calls: list[int] = []

    @memo
    def square(x: int) -> int:
        calls.append(x)
        return x * x

    assert square(3) == 9 and square(3) == 9 and calls == [3]
    clear_all()
    assert square(3) == 9 and calls == [3, 3]


def test_a_compiled_language_is_rebuilt_after_clearing() -> None:
    before = get_pack("en")
    assert get_pack("en") is before
    clear_all()
    assert get_pack("en") is not before
