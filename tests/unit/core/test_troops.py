"""streams/core/troops.py: troop noun phrases and their owners."""

from __future__ import annotations

import pytest

from streams.core.troops import find_troop_nps
from tests.unit.core.helpers import assert_claims, claims_of
from tests.unit.core.reader import reader_for


@pytest.mark.parametrize(
    ("text", "lang", "party"),
    [
        ("tentara Korea Utara tiba", "id", "north_korea"),
        ("tentara asal Korea Utara tiba", "id", "north_korea"),
        ("North Korean troops arrived", "en", "north_korea"),
        ("Pyongyang's soldiers arrived", "en", "north_korea"),
        ("fighting against Ukrainian troops", "en", None),  # the owner follows a target marker
    ],
)
def test_the_owner_of_a_troop_noun(text: str, lang: str, party: str | None) -> None:
    ctx = reader_for(text, lang)
    [np] = [np for np in find_troop_nps(ctx, 0, len(text)) if not np.possessive]
    assert np.party == party


def test_a_possessive_troop_noun_has_no_named_owner() -> None:
    ctx = reader_for("pasukannya tiba di Kursk", "id")
    [np] = find_troop_nps(ctx, 0, 10)
    assert np.possessive and np.party is None


def test_weak_troop_nouns_need_an_owner() -> None:
    text = "orang di pasar, orang Korea Utara"
    ctx = reader_for(text, "id")
    assert [(np.text, np.party) for np in find_troop_nps(ctx, 0, len(text))] == [
        ("orang Korea Utara", "north_korea")
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Zelensky said that up to 10,000 North Korean troops are in Russia.",
        "Zelensky said as many as 10,000 North Korean troops are in Russia.",
    ],
)
def test_the_to_of_a_figure_is_no_preposition(body: str) -> None:
    assert_claims(body, [("ukraine", "affirm", "troops_deployed:north_korea:russia")])


def test_a_model_name_may_stand_between_the_noun_and_its_owner() -> None:
    from tests.unit.core.helpers import assert_claims as check

    check(
        "Pejabat Spanyol mengatakan Maroko menembak jatuh sebuah jet tempur Mirage milik Aljazair.",
        [("spain", "affirm", "casualties:algeria:*"), ("spain", "affirm", "attack>algeria:morocco:*")],
    )


def test_a_designation_and_a_verb_do_not_hide_whose_aircraft() -> None:
    from tests.unit.core.helpers import assert_claims

    assert_claims(
        "Pejabat Armenia mengklaim bahwa sebuah jet tempur Su-25 Azerbaijan ditembak jatuh di dekat Yerevan.",
        [("armenia", "affirm", "casualties:azerbaijan:yerevan")],
    )
    assert_claims(
        "Armenia's defence ministry said its air defences succeeded in downing Azerbaijani drones.",
        [("armenia", "affirm", "casualties:azerbaijan:*")],
    )
    assert_claims(
        "Armenia's defence ministry said its units destroyed two Azerbaijani fighter jets.",
        [("armenia", "affirm", "casualties:azerbaijan:*")],
    )


def test_a_weak_troop_word_modifying_another_noun_is_no_troops() -> None:
    """ "its military cooperation with Laos": cooperation, not Vietnam's forces."""
    assert_claims(
        "Cambodia said Thai soldiers were in Preah Vihear. Vietnam has not confirmed the troop deployment, "
        "but defended its military cooperation with Laos.",
        [
            ("cambodia", "affirm", "troops_deployed:thailand:preah_vihear"),
            ("vietnam", "noncommittal", "troops_deployed:thailand:preah_vihear"),
        ],
    )


def test_aircraft_brought_down_are_losses_in_indonesian_too() -> None:
    assert_claims(
        "Kenya juga mengklaim menumbangkan dua jet tempur Somalia.",
        [("kenya", "affirm", "casualties:somalia:*")],
        "id",
    )


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Ukraine said Bakhmut was shelled by Russian mercenaries from the Wagner Group.", "en"),
        ("Ukraina mengatakan Bakhmut ditembaki oleh tentara bayaran Rusia dari Grup Wagner.", "id"),
        ("Ukraine said mercenaries from the Wagner Group shelled Bakhmut.", "en"),
        ("Ukraina mengatakan tentara bayaran dari Grup Wagner menembaki Bakhmut.", "id"),
    ],
)
def test_a_state_s_fighters_from_a_named_group_are_the_group_s(body: str, lang: str) -> None:
    assert ("ukraine", "affirm", "attack:wagner_group:bakhmut") in claims_of(body, lang)
