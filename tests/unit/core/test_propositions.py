"""streams/core/propositions.py: proposition ids and what they imply (the stance code reads these)."""

from __future__ import annotations

from streams.core.propositions import (
    ANY,
    broader_ids,
    excluded_ids,
    family_key,
    make_proposition,
    narrower_events,
    parse_prop_id,
    prop_id,
)


def test_ids_round_trip() -> None:
    assert prop_id("troops_deployed", "north_korea", None) == f"troops_deployed:north_korea:{ANY}"
    assert parse_prop_id("troops_deployed:north_korea:*") == ("troops_deployed", "north_korea", None)
    assert family_key("casualties", None) == "casualties:*"


def test_fighting_in_kursk_implies_presence_there_and_in_russia() -> None:
    from streams.core.gazetteer import default_gazetteer

    ids = broader_ids("troops_in_combat", "north_korea", "kursk", default_gazetteer())
    assert ids[:3] == [
        "troops_in_combat:north_korea:russia",
        "troops_in_combat:north_korea:*",
        "troops_deployed:north_korea:kursk",
    ]


def test_recapture_excludes_ongoing_fighting_at_the_place() -> None:
    assert excluded_ids("territory_recaptured", "kursk") == ["fighting_ongoing:*:kursk"]
    assert "troops_in_combat" in narrower_events("troops_deployed")


def test_a_proposition_has_a_label() -> None:
    p = make_proposition("troops_deployed", "north_korea", "kursk")
    assert p.id == "troops_deployed:north_korea:kursk" and "Kursk" in p.label
