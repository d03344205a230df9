"""One side of a downing: "Pakistan said it shot down five Indian jets" tells India's loss, and
"India said Pakistan shot down its jet" tells Pakistan's attack. The downing verb reads both ways
(an attack by the shooter, a loss of the owner); the speaker's side decides which one it tells: the
shooter speaking counts the other side's loss, the owner speaking tells of the shooter's use of
force, and a third party may tell either (both kept). A denial keeps both, as what is denied may be
either — except the shooter's own: "Turkey denied that its F-16 shot down an Armenian jet" denies
the act, not that Armenia lost a jet."""

from __future__ import annotations

from streams.core.frame import FrameHit

_AIRCRAFT = ("fighter_jets", "drones")  # casualty measures of aircraft (frames.yaml)


def one_side_of_a_downing(
    frames: list[FrameHit], speaker_party: str | None, *, denied: bool = False
) -> list[FrameHit]:
    """Of an attack and an aircraft loss read from one trigger, the one the speaker tells (of a
    denial, the one it disputes)."""
    if speaker_party is None:
        return frames
    drop: set[int] = set()
    for loss in frames:
        if loss.event != "casualties" or loss.measure not in _AIRCRAFT or loss.negated:
            continue
        for attack in frames:
            # (a denial's frames are one statement: "attacked and destroyed a jet are false")
            same = attack.event == "attack" and (denied or attack.trigger.start == loss.trigger.start)
            if not same or attack.negated or attack.agent is None:
                continue
            if attack.agent == speaker_party:
                drop.add(id(loss) if denied else id(attack))
            elif loss.agent == speaker_party and not denied:
                drop.add(id(loss))
    return [f for f in frames if id(f) not in drop]
