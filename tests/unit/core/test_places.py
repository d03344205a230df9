"""streams/core/places.py: the place slot of a frame."""

from __future__ import annotations

import pytest

from tests.unit.core.helpers import assert_claims


def test_a_place_after_determiners_and_place_nouns_is_found() -> None:
    assert_claims(
        "North Korea has moved about 2,000 soldiers to the Russian port city of Vladivostok, "
        "South Korea's spy agency said on Friday.",
        [("south_korea", "affirm", "troops_deployed:north_korea:vladivostok")],
    )


def test_the_same_region_points_to_the_last_place_not_to_a_government_named_since() -> None:
    assert_claims(
        "Badan intelijen Korea Selatan mengatakan sekitar 100 tentara Korea Utara tewas di wilayah Kursk.\n"
        "Angka itu jauh di bawah perkiraan Kyiv. Intelijen militer Ukraina mengatakan sedikitnya 400 "
        "tentara Korea Utara tewas di wilayah yang sama.",
        [
            ("south_korea", "affirm", "casualties:north_korea:kursk"),
            ("ukraine", "affirm", "casualties:north_korea:kursk"),
        ],
    )


@pytest.mark.parametrize(
    "body",
    [
        "Pyongyang has also sent Russia dozens of short-range ballistic missiles, Ukraine's military "
        "intelligence said.",
        "Ukraine's military intelligence said Pyongyang had supplied Russia with multiple rocket launchers.",
    ],
)
def test_a_recipient_right_after_the_supply_verb_is_the_place(body: str) -> None:
    assert_claims(body, [("ukraine", "affirm", "weapons_supplied:north_korea:russia")])


@pytest.mark.parametrize(
    "body",
    [
        "Korea Selatan mengirimkan sekitar 300 personel marinir yang tiba di Pangkalan Utama Surabaya "
        "untuk latihan gabungan, kata juru bicara TNI AL.",
    ],
)
def test_troops_sent_somewhere_the_gazetteer_does_not_know_are_not_the_tracked_story(body: str) -> None:
    assert_claims(body, [])


def test_every_country_is_a_place_a_deployment_can_name() -> None:
    # Any country is known now (pycountry): a deployment there is a claim of its own story.
    assert_claims(
        "South Korea's defence ministry said it had sent 250 soldiers to Lebanon to join the United "
        "Nations peacekeeping force.",
        [("south_korea", "affirm", "troops_deployed:south_korea:lebanon")],
    )


def test_there_points_to_a_place_named_earlier_in_the_same_sentence() -> None:
    assert_claims(
        "On a visit to Russia's Kursk Oblast, Ukraine's army chief said about 1,000 North Korean troops "
        "had been killed there.",
        [("ukraine", "affirm", "casualties:north_korea:kursk")],
    )


def test_a_place_inside_another_named_with_including_is_a_claim_of_its_own() -> None:
    assert_claims(
        "NATO said North Korean troops had been deployed to Russia, including Kursk.",
        [
            ("nato", "affirm", "troops_deployed:north_korea:russia"),
            ("nato", "affirm", "troops_deployed:north_korea:kursk"),
        ],
    )


def test_a_few_villages_retaken_in_a_region_are_not_the_region_retaken() -> None:
    assert_claims(
        "Azerbaijan said its army had retaken three villages in the Karabakh region.",
        [("azerbaijan", "affirm", "territory_recaptured:azerbaijan:*")],
    )
    assert_claims(
        "Kementerian Pertahanan Armenia mengumumkan telah merebut kembali beberapa desa di Syunik.",
        [("armenia", "affirm", "territory_recaptured:armenia:*")],
    )


def test_the_last_villages_of_a_region_are_the_region() -> None:
    assert_claims(
        "Azerbaijan said its army had retaken the last villages in Karabakh.",
        [("azerbaijan", "affirm", "territory_recaptured:azerbaijan:karabakh")],
    )


def test_an_embassys_city_is_not_what_the_area_points_back_to() -> None:
    assert_claims(
        "Norway expelled Sweden's envoy in Oslo on Monday.\n"
        "The Norwegian army said Swedish troops were sent to the area.",
        [("norway", "affirm", "troops_deployed:sweden:*")],
    )


def test_the_shoal_points_back_to_the_place_the_text_named() -> None:
    from tests.unit.core.helpers import assert_claims

    assert_claims(
        "Vietnam said Chinese ships had gathered near Whitsun Reef on Monday. "
        "It said a Chinese coast guard ship fired water cannon at its boat near the reef.",
        [("vietnam", "affirm", "attack:china:whitsun_reef")],
    )


def test_a_place_noun_names_the_place_after_it_whatever_governs_it() -> None:
    from tests.unit.core.helpers import assert_claims

    assert_claims(
        "Sudan's army confirmed its retreat from the town of el-Tawila. "
        "The RSF declared control of the town.",
        [("rsf", "affirm", "territory_captured:rsf:el_tawila")],
    )
    assert_claims(
        "Israel said it struck the town of Beit Hanoun.", [("israel", "affirm", "attack:israel:beit_hanoun")]
    )
    assert_claims(
        "RSF mengklaim menguasai kota Tawila.", [("rsf", "affirm", "territory_captured:rsf:tawila")], "id"
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Morocco's army said Algerian drones struck a convoy in southern Mauritania.",
            [("morocco", "affirm", "attack:algeria:southern_mauritania")],
        ),
        (
            "Militer Mali mengatakan pesawat nirawak Aljazair menyerang konvoi di Niger bagian utara.",
            [("mali", "affirm", "attack:algeria:northern_niger")],
        ),
        (
            "Militer Mali mengatakan pesawat nirawak Aljazair menyerang konvoi di Niger timur laut.",
            [("mali", "affirm", "attack:algeria:northeastern_niger")],
        ),
        # a capitalised direction is part of a name: South Sudan, not the south of Sudan
        (
            "Militer Uganda mengatakan pesawat nirawak Kenya menyerang konvoi di Sudan Selatan.",
            [("uganda", "affirm", "attack:kenya:south_sudan")],
        ),
    ],
)
def test_a_direction_beside_a_known_place_names_a_part_of_it(body: str, expected: list) -> None:  # type: ignore[type-arg]
    assert_claims(body, expected)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Latvia said it shot down Russian drones in its airspace.",
            # (the shooter speaking tells the other side's loss, not its own attack: downings.py)
            [("latvia", "affirm", "casualties:russia:latvia")],
        ),
        (
            "Militer Bangladesh menyatakan serangan rudal Myanmar jatuh di wilayahnya.",
            [("bangladesh", "affirm", "attack:myanmar:bangladesh")],
        ),
    ],
)
def test_its_own_territory_is_the_speakers_land(body: str, expected: list) -> None:  # type: ignore[type-arg]
    assert_claims(body, expected)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Latvia said Belarusian troops had entered Lithuania.",
            [("latvia", "affirm", "troops_deployed:belarus:lithuania")],
        ),
        (
            "Latvia mengatakan pasukan Belarus memasuki wilayah Lituania.",
            [("latvia", "affirm", "troops_deployed:belarus:lithuania")],
        ),
    ],
)
def test_the_place_entered_is_where_the_troops_are(body: str, expected: list) -> None:  # type: ignore[type-arg]
    assert_claims(body, expected)


def test_the_target_right_after_an_attack_may_be_a_place_the_gazetteer_does_not_know() -> None:
    assert_claims(
        "Georgia condemned Russia's shelling of Tskhinvali.",
        [("georgia", "affirm", "attack:russia:tskhinvali")],
    )
    assert_claims(
        "The Houthis said they carried out the drone attack on Ras Tanura.",
        [("houthis", "affirm", "attack:houthis:ras_tanura")],
    )
    assert_claims(
        "Yemen said Houthi drones carried out the attack on Ras Tanura.",
        [("yemen", "affirm", "attack:houthis:ras_tanura")],
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Hamas said Israeli strikes killed ten people in the Gaza Strip.",
            [("hamas", "affirm", "attack:israel:gaza"), ("hamas", "affirm", "casualties:palestine:gaza")],
        ),
        (
            "Hamas mengatakan serangan udara Israel menghantam Jalur Gaza.",
            [("hamas", "affirm", "attack:israel:gaza")],
        ),
    ],
)
def test_a_known_name_with_a_geographic_head_is_the_known_place(body: str, expected: list) -> None:  # type: ignore[type-arg]
    """ "Jalur Gaza" is known as a whole: no new place `gaza_strip` is made of its head noun."""
    assert_claims(body, expected)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a capital struck is the state attacked and the city where it was hit
        (
            "Ukraine said Russian drones struck Kyiv overnight.",
            [("ukraine", "affirm", "attack>ukraine:russia:kyiv")],
        ),
        # ... but a capital owning what was struck is whose, not where
        (
            "Iraq said Turkish drones struck Baghdad's embassy compound in Ankara.",
            [("iraq", "affirm", "attack>iraq:turkey:ankara")],
        ),
    ],
)
def test_a_capital_right_after_an_attack_verb_is_where_it_struck(body: str, expected: list) -> None:  # type: ignore[type-arg]
    assert_claims(body, expected)
