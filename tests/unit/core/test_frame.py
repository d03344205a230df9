"""streams/core/frame.py: a frame at another place keeps everything else."""

from __future__ import annotations

from streams.core.frame import FrameHit
from streams.core.matching import Hit


def test_a_frame_at_another_place() -> None:
    f = FrameHit("troops_deployed", "north_korea", "russia", Hit(0, 4, "x", "sent"), negated=True, cues=["a"])
    g = f.at("kursk")
    assert (g.event, g.agent, g.place, g.negated, g.cues) == (
        "troops_deployed",
        "north_korea",
        "kursk",
        True,
        ["a"],
    )
    g.cues.append("b")
    assert f.cues == ["a"]
