"""streams/core/agents.py: whose troops, who sent them, who took a place."""

from __future__ import annotations

import pytest

from tests.unit.core.helpers import assert_claims, claims_of, extract_body

NK_IN_RUSSIA = "troops_deployed:north_korea:russia"


def test_south_korea_is_not_north_korea() -> None:
    assert_claims(
        "Seoul said South Korean troops were not deployed to Ukraine, and that North Korean troops "
        "were in Russia.",
        [
            ("south_korea", "deny", "troops_deployed:south_korea:ukraine"),
            ("south_korea", "affirm", NK_IN_RUSSIA),
        ],
    )


def test_the_subject_of_the_verb_owns_its_possessive_troops() -> None:
    assert_claims(
        "Korea Utara telah memindahkan sekitar 3.000 tentaranya ke wilayah Kursk, kata NATO.",
        [("nato", "affirm", "troops_deployed:north_korea:kursk")],
    )


@pytest.mark.parametrize(
    "body",
    [
        "Wakil Menteri Luar Negeri Korea Utara membantah bahwa negaranya telah mengirim tentara ke Rusia.",
        "North Korea's vice foreign minister denied that his country had sent troops to Russia.",
    ],
)
def test_the_speakers_own_country_is_the_sender(body: str) -> None:
    assert_claims(body, [("north_korea", "deny", NK_IN_RUSSIA)])


@pytest.mark.parametrize(
    ("body", "attack"),
    [
        (
            'Ukraina menyebut unit-unit pertama Korut di Kursk sudah "berada di bawah tembakan" '
            "pasukan Ukraina.",
            [],
        ),
        # English "fire from" also names who fired: the troops fight, and Ukraine attacked them.
        (
            "Ukraine said the first North Korean units in Kursk had come under fire from Ukrainian forces.",
            [("ukraine", "affirm", "attack>north_korea:ukraine:kursk")],
        ),
    ],
)
def test_troops_under_fire_are_the_ones_in_combat(body: str, attack: list[tuple[str, str, str]]) -> None:
    assert_claims(
        body,
        [
            ("ukraine", "affirm", "troops_deployed:north_korea:kursk"),
            ("ukraine", "affirm", "troops_in_combat:north_korea:kursk"),
            *attack,
        ],
    )


def test_first_battles_with_troops_is_combat() -> None:
    assert_claims(
        'President Volodymyr Zelensky said "the first battles with North Korean soldiers open a new page '
        'of instability in the world."',
        [("ukraine", "affirm", "troops_in_combat:north_korea:*")],
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Ukraine's army said the first clashes with North Korean soldiers took place near Sudzha.",
            [("ukraine", "affirm", "troops_in_combat:north_korea:sudzha")],
        ),
        (
            # "tentara Korea Utara ... di dekat Sudzha" also says they are there.
            "Militer Ukraina mengatakan pertempuran pertama dengan tentara Korea Utara terjadi "
            "di dekat Sudzha.",
            [
                ("ukraine", "affirm", "troops_in_combat:north_korea:sudzha"),
                ("ukraine", "affirm", "troops_deployed:north_korea:sudzha"),
            ],
        ),
    ],
)
def test_the_other_side_of_a_clash_is_in_combat_too(body: str, expected: list[tuple[str, str, str]]) -> None:
    assert_claims(body, expected)  # type: ignore[arg-type]


def test_an_ally_fought_alongside_is_not_the_one_in_combat() -> None:
    assert_claims(
        'Putin said "the Korean friends" had fought alongside Russian troops in Kursk, the Kremlin said.', []
    )


def test_troops_of_an_earlier_combat_claim_own_a_later_deployment() -> None:
    assert_claims(
        "Badan intelijen Korea Selatan menyatakan pasukan Korea Utara kembali bertempur di Kursk.\n"
        "Badan itu juga memperkirakan setidaknya 1.000 tentara tambahan telah dikirim ke Rusia.",
        [
            ("south_korea", "affirm", "troops_in_combat:north_korea:kursk"),
            ("south_korea", "affirm", NK_IN_RUSSIA),
        ],
    )


def test_the_owner_after_the_object_of_a_nominal_trigger_is_the_agent() -> None:
    assert_claims(
        "Duta Besar Korea Selatan menyebut pengiriman amunisi Korut ke Rusia telah mencapai "
        "20.000 kontainer.",
        [("south_korea", "affirm", "weapons_supplied:north_korea:russia")],
    )


def test_the_subject_of_a_causal_clause_is_the_actor_before_it() -> None:
    assert_claims(
        "Putin berterima kasih kepada Korea Utara karena telah mengirim pasukan ke Kursk.",
        [("russia", "affirm", "troops_deployed:north_korea:kursk")],
    )


def test_the_subject_of_an_active_kill_verb_is_not_the_side_that_lost_people() -> None:
    from tests.unit.core.helpers import claims_of as read

    got = read("Sudanese strikes killed 30 people in Darfur, the Chadian foreign ministry said.")
    assert ("chad", "affirm", "casualties:sudan:darfur") not in got


def test_troops_that_are_the_object_of_an_attack_are_not_a_presence_claim() -> None:
    from tests.unit.core.helpers import claims_of as read

    got = read("Kenya's army said Somali militants attacked Kenyan troops in Lamu.")
    assert ("kenya", "affirm", "troops_deployed:kenya:lamu") not in got


def test_an_admitted_loss_is_the_speakers_and_a_victim_may_stand_a_few_words_on() -> None:
    from tests.unit.core.helpers import claims_of as read

    assert read("Greece's navy acknowledged the loss of two patrol drones.") == [
        ("greece", "affirm", "casualties:greece:*")
    ]
    # (the shoot-down is Turkey's own attack, which it denies; Greece's loss is not what it disputes)
    assert read("Turkey denied claims that it shot down or badly damaged two Greek jets.") == [
        ("turkey", "deny", "attack:turkey:*")
    ]


def test_the_accused_is_not_whose_soldiers_died() -> None:
    from tests.unit.core.helpers import claims_of as read

    assert read("Turkey accuses Syria of violating the truce after soldiers killed.") == [
        ("turkey", "affirm", "agreement_violated:syria:*")
    ]


def test_those_troops_are_the_ones_the_article_is_about_however_far_back() -> None:
    from tests.unit.core.helpers import claims_of as read

    body = (
        "Intelijen Jepang mengatakan tentara Mongolia telah tiba di Rusia.\n"
        "Cuaca di wilayah itu sangat dingin.\nHarga minyak naik.\nPasar saham turun.\n"
        "Mongolia pada awalnya menolak laporan mengenai pengerahan pasukan tersebut."
    )
    assert ("mongolia", "deny", "troops_deployed:mongolia:russia") in read(body)


def test_troops_that_helped_a_party_retake_a_place_are_not_who_retook_it() -> None:
    from tests.unit.core.helpers import claims_of as read

    assert read(
        "Media resmi Belarus melaporkan, tentara Belarus telah membantu Rusia merebut kembali Kursk."
    ) == [("belarus", "affirm", "territory_recaptured:russia:kursk")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Georgia said it had lost 12 soldiers.", [("georgia", "affirm", "casualties:georgia:*")]),
        ("Turkey claimed Syria had lost 12 soldiers.", [("turkey", "affirm", "casualties:syria:*")]),
        (
            "Georgia mengatakan pihaknya kehilangan 12 tentara.",
            [("georgia", "affirm", "casualties:georgia:*")],
        ),
    ],
)
def test_whoever_lost_them_owns_the_losses(body: str, expected: list) -> None:  # type: ignore[type-arg]
    assert_claims(body, expected)


def test_aircraft_sent_are_no_troop_deployment_but_their_loss_is_a_loss() -> None:
    assert_claims("Kenya denied that it had deployed Su-25 jets to the border.", [])
    assert_claims(
        "Kenya said Somalia deployed soldiers and jets to the border.",
        [("kenya", "affirm", "troops_deployed:somalia:*")],
    )
    assert_claims("Kenya said Somalia lost two jets.", [("kenya", "affirm", "casualties:somalia:*")])


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Armenia said Azerbaijan had killed three of its soldiers near Sotk.", "en"),
        ("Armenia mengatakan Azerbaijan telah menewaskan tiga tentaranya di dekat Sotk.", "id"),
    ],
)
def test_troops_a_killer_killed_with_a_possessive_are_the_speaker_s(body: str, lang: str) -> None:
    # "its soldiers" after "Azerbaijan had killed": the killer does not own the dead.
    found = claims_of(body, lang)
    assert ("armenia", "affirm", "casualties:armenia:sotk") in found
    assert not any(p.startswith("casualties:azerbaijan") for _, _, p in found)


def test_troops_who_strike_after_a_toll_are_not_its_dead() -> None:
    shot = "Kemenkes Gaza mengatakan 40 orang tewas setelah tentara Israel menembaki kerumunan di Rafah."
    assert "casualties:israel:*" not in [c.proposition.id for c in extract_body(shot, "id").claims]
    fired = (
        "The Gaza health ministry said 40 people died after Israeli troops opened fire on a crowd in Rafah."
    )
    assert not [
        c for c in extract_body(fired, "en").claims if c.proposition.id.startswith("casualties:israel")
    ]
    struck = "The Israeli army said three Israeli soldiers were killed in an ambush in Rafah."
    assert "casualties:israel:rafah" in [c.proposition.id for c in extract_body(struck, "en").claims]


@pytest.mark.parametrize(
    "body",
    [
        "Turki mengatakan satu warga sipil tewas dan lima terluka akibat tembakan pasukan Yunani.",
        "Yunani membantah laporan bahwa seorang warga sipil tewas ditembak tentara Yunani.",
    ],
)
def test_troops_owning_the_fire_that_killed_are_not_the_dead(body: str) -> None:
    # The troops own the shots (a noun or a passive verb): the dead are not Greece's losses.
    claims = claims_of(body, "id")
    assert not [c for c in claims if c[2].startswith("casualties:greece")]
    assert [c for c in claims if c[2].startswith("attack:greece")]


def test_troops_after_an_active_verb_of_force_are_its_victims() -> None:
    claims = claims_of(
        "Sudan mengatakan tentara Ethiopia menyerang dan menewaskan tujuh tentara Sudan.", "id"
    )
    assert ("sudan", "affirm", "casualties:sudan:*") in claims
