"""streams/bench/scaling.py: the scaling measure runs and reports every size and shape (no timing
is asserted: the machine decides those)."""

from __future__ import annotations

from streams.bench.scaling import extraction_scaling, shapes


def test_shapes_have_the_size_asked_and_the_flat_one_no_punctuation() -> None:
    both = shapes(3_000)
    assert len(both["normal"]) == len(both["unpunctuated"]) == 3_000
    assert not any(ch in both["unpunctuated"] for ch in '.,;:!?"\n')


def test_every_size_and_shape_is_reported() -> None:
    rows = extraction_scaling(sizes=(500, 2_000))
    assert [(r["shape"], r["chars"]) for r in rows] == [
        ("normal", 500),
        ("unpunctuated", 500),
        ("normal", 2_000),
        ("unpunctuated", 2_000),
    ]
    assert all(float(r["ms"]) > 0 and float(r["ms_per_kb"]) > 0 for r in rows)  # type: ignore[arg-type]
