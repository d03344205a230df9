"""streams/core/downings.py: a downing read both as an attack and as an aircraft loss keeps the
one the speaker tells: the shooter's count of the other side's loss, anyone else's account of the
shooter's attack; a denial keeps both, but for the shooter's own."""

from __future__ import annotations

from streams.core.downings import one_side_of_a_downing
from streams.core.frame import FrameHit
from streams.core.matching import Hit

_TRIGGER = Hit(10, 19, "attack", "shot down")


def _pair(shooter: str, owner: str, *, negated: bool = False) -> list[FrameHit]:
    attack = FrameHit("attack", shooter, None, _TRIGGER, negated=negated)
    loss = FrameHit("casualties", owner, None, _TRIGGER, negated=negated, measure="drones")
    return [attack, loss]


def test_the_shooter_speaking_tells_the_other_sides_loss() -> None:
    kept = one_side_of_a_downing(_pair("pakistan", "india"), "pakistan")
    assert [(f.event, f.agent) for f in kept] == [("casualties", "india")]


def test_the_owner_speaking_tells_the_shooters_attack() -> None:
    kept = one_side_of_a_downing(_pair("pakistan", "india"), "india")
    assert [(f.event, f.agent) for f in kept] == [("attack", "pakistan")]


def test_a_denial_keeps_both_readings() -> None:
    kept = one_side_of_a_downing(_pair("pakistan", "india", negated=True), "pakistan")
    assert [f.event for f in kept] == ["attack", "casualties"]


def test_a_loss_of_people_is_no_downing() -> None:
    attack = FrameHit("attack", "pakistan", None, _TRIGGER)
    deaths = FrameHit("casualties", "india", None, _TRIGGER, measure="killed")
    assert one_side_of_a_downing([attack, deaths], "pakistan") == [attack, deaths]


def test_a_third_party_keeps_both_readings() -> None:
    kept = one_side_of_a_downing(_pair("pakistan", "india"), "france")
    assert [f.event for f in kept] == ["attack", "casualties"]


def test_the_owner_denying_disputes_both_readings() -> None:
    # "India denied that Pakistan shot down its jets": neither the attack nor the loss
    kept = one_side_of_a_downing(_pair("pakistan", "india"), "india", denied=True)
    assert [f.event for f in kept] == ["attack", "casualties"]


def test_the_shooter_denying_disputes_its_act_not_the_other_sides_loss() -> None:
    # "Turkey denied that its F-16 shot down an Armenian jet": Armenia's loss is not what it denies
    kept = one_side_of_a_downing(_pair("turkey", "armenia"), "turkey", denied=True)
    assert [(f.event, f.agent) for f in kept] == [("attack", "turkey")]


def test_a_combat_aircraft_named_by_its_type_is_a_downed_jet() -> None:
    from tests.unit.core.helpers import assert_claims

    assert_claims(
        "Azerbaijan said it shot down an Armenian Su-25.", [("azerbaijan", "affirm", "casualties:armenia:*")]
    )
