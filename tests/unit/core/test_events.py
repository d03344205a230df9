"""streams/core/events.py: frames in a content span, one per proposition."""

from __future__ import annotations

import pytest

from streams.core.propositions import ANSWER
from tests.unit.core.helpers import assert_claims, claims_of, extract_body


def test_freed_is_a_recapture() -> None:
    assert_claims(
        '"The Kursk region has been completely freed by the Russian army," the Kremlin said.',
        [("russia", "affirm", "territory_recaptured:russia:kursk")],
    )


def test_dead_and_wounded_is_one_casualty_claim() -> None:
    assert_claims(
        "Ukraine's military intelligence said thousands of North Koreans were dead and wounded in Kursk.",
        [("ukraine", "affirm", "casualties:north_korea:kursk")],
    )


def test_troops_sent_to_operate_missiles_are_a_deployment_not_a_supply() -> None:
    assert_claims(
        "Menurut Kementerian Pertahanan Korea Selatan, Korea Utara telah mengirim personel militer ke "
        "wilayah pendudukan Ukraina untuk mengoperasikan rudal balistik.",
        [("south_korea", "affirm", "troops_deployed:north_korea:ukraine")],
    )


@pytest.mark.parametrize(
    "body",
    [
        "Menurut badan intelijen Korea Selatan, pasukan Korea Utara telah dikerahkan ke garis depan "
        "Kursk dan ikut dalam operasi tempur sejak awal Desember.",
        "South Korea's spy agency said North Korean troops had been deployed to the Kursk front and had "
        "taken part in combat operations since early December.",
    ],
)
def test_fighting_told_after_a_deployment_happens_where_the_troops_were_sent(body: str) -> None:
    assert_claims(
        body,
        [
            ("south_korea", "affirm", "troops_deployed:north_korea:kursk"),
            ("south_korea", "affirm", "troops_in_combat:north_korea:kursk"),
        ],
    )


@pytest.mark.parametrize(
    "body",
    [
        "Polisi mengatakan 2.000 personel dikerahkan untuk mengamankan konser di Jakarta.",
        "The minister denied reports that he had accepted bribes from a contractor.",
        "Officials said floods killed 12 people in Central Java on Tuesday.",
    ],
)
def test_unrelated_uses_of_the_vocabulary_make_no_claims(body: str) -> None:
    assert_claims(body, [])


def test_a_nominal_restatement_adds_no_second_claim() -> None:
    assert_claims(
        "NATO said the deployment of North Korean troops to Russia, which were sent in October, "
        "was a danger.",
        [("nato", "affirm", "troops_deployed:north_korea:russia")],
    )


def test_troops_attacking_places_of_another_side_is_an_attack() -> None:
    from tests.unit.core.helpers import assert_claims as check

    check(
        "Militer Ethiopia mengatakan pasukan Eritrea menyerang beberapa wilayah di Ethiopia.",
        [("ethiopia", "affirm", "attack:eritrea:ethiopia")],
    )


def test_fighting_that_continued_around_a_town_is_ongoing_there() -> None:
    from tests.unit.core.helpers import assert_claims as check

    check(
        "Armenia's army chief said that fighting continued in and around Kapan.",
        [("armenia", "affirm", "fighting_ongoing:*:kapan")],
    )


def test_troops_poised_to_do_something_are_not_a_presence_claim() -> None:
    from tests.unit.core.helpers import claims_of as read

    assert read("Serbia says forces poised to enter Kosovo as envoys head to Belgrade.") == []


def test_a_state_holding_its_own_people_is_an_arrest_and_enemy_soldiers_taken_a_casualty() -> None:
    assert_claims(
        "Juru bicara Mabes Polri mengatakan seorang anggota TNI ditangkap Brimob di Jakarta.",
        [("indonesia", "affirm", "arrest>indonesia:indonesia:jakarta")],
    )
    assert_claims(
        "Kapuspen TNI membantah bahwa prajurit itu ditangkap Polri.",
        [("indonesia", "deny", "arrest:indonesia:*")],
    )
    assert_claims(
        "Militer Ukraina mengatakan pasukannya menangkap tiga tentara Rusia di Kursk.",
        [("ukraine", "affirm", "casualties:russia:kursk")],
    )


def test_the_killers_troops_before_an_active_casualty_verb_are_not_the_dead() -> None:
    assert_claims("Ukraine said its troops killed 20 soldiers.", [("ukraine", "affirm", "attack:ukraine:*")])
    assert_claims(
        "Ukraina mengatakan pasukannya menewaskan 20 tentara Korea Utara.",
        # "menewaskan" (to kill) is the killer's act too, like "killed"
        [
            ("ukraine", "affirm", "casualties:north_korea:*"),
            ("ukraine", "affirm", "attack>north_korea:ukraine:*"),
        ],
    )
    assert_claims(
        "Ukraine said North Korean soldiers died in Kursk.",
        [("ukraine", "affirm", "casualties:north_korea:kursk")],
    )


def test_a_killing_by_a_named_perpetrator_is_its_attack_not_its_own_dead() -> None:
    assert_claims(
        "The army said the RSF killed 300 civilians in el-Fasher.",
        # the dead are people of the city's country (cities.py), never the RSF's
        [(None, "affirm", "attack:rsf:el_fasher"), (None, "affirm", "casualties:sudan:el_fasher")],
    )
    assert_claims(
        "Militer Sudan menuduh RSF membantai ratusan warga sipil di El Fasher.",
        [("sudan", "affirm", "attack:rsf:el_fasher")],
    )
    assert_claims("RSF membantah telah membunuh warga sipil.", [("rsf", "deny", "attack:rsf:*")])


def test_a_participle_on_troops_a_preposition_governs_describes_them() -> None:
    assert_claims(
        "Zelensky said there had been casualties among the North Korean troops fighting for Russia in Kursk.",
        [("ukraine", "affirm", "casualties:north_korea:kursk")],
    )
    assert_claims(
        "Zelensky said North Korean troops were fighting in Kursk.",
        [("ukraine", "affirm", "troops_in_combat:north_korea:kursk")],
    )


def test_the_fight_casualties_happened_in_is_no_second_claim() -> None:
    assert_claims(
        "Zelensky said 3,000 North Korean soldiers were killed or wounded in the fighting in Kursk.",
        [("ukraine", "affirm", "casualties:north_korea:kursk")],
    )
    assert_claims(
        "The US said North Korean troops had taken part in the fighting in Kursk.",
        [
            ("united_states", "affirm", "troops_deployed:north_korea:kursk"),
            ("united_states", "affirm", "troops_in_combat:north_korea:kursk"),
        ],
    )


def test_a_munition_landing_and_firing_first_are_attacks_by_the_owner() -> None:
    assert_claims(
        "Laos's army said a Thai artillery shell hit a school near the Phou Kao temple.",
        [("laos", "affirm", "attack:thailand:phou_kao")],
    )
    assert_claims(
        "Laos's army blamed Thai soldiers for firing first.", [("laos", "affirm", "attack:thailand:*")]
    )


def test_an_existential_introducing_the_wounded_is_no_presence_claim() -> None:
    assert_claims(
        "Atase pertahanan Korea Selatan mengatakan, "
        '"Tidak ada prajurit kami maupun prajurit Thailand yang terluka."',
        [("south_korea", "deny", "casualties:thailand:*")],
    )
    assert_claims(
        "Rusia mengatakan tidak ada tentara Korea Utara di Kursk.",
        [("russia", "deny", "troops_deployed:north_korea:kursk")],
    )


def test_none_harmed_denies_casualties_of_their_side() -> None:
    assert_claims(
        '"No Canadian soldiers were harmed," Canada\'s defence minister said.',
        [("canada", "deny", "casualties:canada:*")],
    )
    assert_claims("The sanctions harmed Russia's economy, the minister said.", [])


@pytest.mark.parametrize(
    "body",
    [
        "Armenia claimed to have killed 40 Azerbaijani soldiers.",
        "Armenia mengklaim telah menewaskan 40 tentara Azerbaijan.",
    ],
)
def test_a_speaker_claiming_a_killing_is_the_killer_not_the_dead(body: str) -> None:
    assert_claims(
        body,
        [
            ("armenia", "affirm", "casualties:azerbaijan:*"),
            ("armenia", "affirm", "attack>azerbaijan:armenia:*"),
        ],
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Azerbaijan mengecam operasi udara Armenia di Tegh.",
            [("azerbaijan", "affirm", "attack:armenia:tegh")],
        ),
        (
            "Azerbaijan said Armenian air operations had hit Tegh.",
            [("azerbaijan", "affirm", "attack:armenia:*")],
        ),
    ],
)
def test_an_air_operation_is_an_attack(body: str, expected: list) -> None:  # type: ignore[type-arg]
    assert_claims(body, expected)


def test_the_truce_a_party_is_accused_of_violating_is_no_claim_of_its_own() -> None:
    assert_claims(
        "Laos's army accused Vietnam of violating the newly signed ceasefire agreement.",
        [("laos", "affirm", "agreement_violated:vietnam:*")],
    )
    assert_claims(
        "Militer Laos menuduh Vietnam melanggar kesepakatan gencatan senjata yang baru ditandatangani.",
        [("laos", "affirm", "agreement_violated:vietnam:*")],
    )


def test_an_event_the_text_already_told_keeps_that_telling_s_parties() -> None:
    """ "this attack made Vientiane review its position": a presupposed event, not a new one with
    the clause's other party as its agent."""
    assert_claims(
        "Laos mengatakan drone Vietnam menyerang Vientiane. Menteri Luar Negeri Laos mengatakan "
        "bahwa serangan ini membuat Vientiane meninjau kembali posisinya.",
        [
            ("laos", "affirm", "attack>laos:vietnam:vientiane"),
            ("laos", "affirm", "attack>laos:vietnam:vientiane"),
        ],
    )
    assert_claims("Menteri Luar Negeri Laos mengatakan bahwa serangan ini membuat Vientiane marah.", [])
    assert_claims("Laos's foreign minister said this attack made Vientiane angry.", [])
    assert_claims(
        "Laos mengatakan drone Vietnam menyerang Vientiane. Vietnam membantah serangan tersebut.",
        [
            ("laos", "affirm", "attack>laos:vietnam:vientiane"),
            ("vietnam", "deny", "attack>laos:vietnam:vientiane"),
        ],
    )


@pytest.mark.parametrize(
    "body",
    [
        "Russia's defence ministry said its forces had liberated Avdiivka.",
        "Kementerian Pertahanan Rusia mengatakan pasukannya telah membebaskan Avdiivka.",
    ],
)
def test_liberating_a_town_of_another_country_is_taking_it(body: str) -> None:
    assert_claims(body, [("russia", "affirm", "territory_captured:russia:avdiivka")])


def test_sabotage_told_as_a_verb_is_an_attack_and_fallen_soldiers_are_casualties() -> None:
    assert_claims("Serbia said Kosovo had sabotaged the line.", [("serbia", "affirm", "attack:kosovo:*")])
    assert_claims(
        "Georgia menyebut Rusia menyabotase jalur.", [("georgia", "affirm", "attack:russia:*")], "id"
    )
    assert_claims(
        "Kementerian Pertahanan Kenya mengatakan tiga prajurit Kenya gugur dalam serangan itu.",
        [("kenya", "affirm", "casualties:kenya:*")],
    )


def test_autumn_is_no_fallen_soldier() -> None:
    """ "musim gugur" (autumn) holds "gugur" (fallen in battle) and tells of no casualties."""
    assert_claims(
        "Kenya mengatakan tentara Somalia tiba di perbatasan pada musim gugur lalu.",
        [("kenya", "affirm", "troops_deployed:somalia:*")],
    )


def test_blowing_something_up_is_an_attack_by_whoever_did_it() -> None:
    assert_claims("Serbia accused Kosovo of blowing up the canal.", [("serbia", "affirm", "attack:kosovo:*")])
    assert_claims(
        "Serbia menuduh Kosovo meledakkan kanal itu.", [("serbia", "affirm", "attack:kosovo:*")], "id"
    )
    assert_claims("The depot blew up overnight, Serbia said.", [])


def test_a_fire_control_radar_locked_on_a_target_threatens_its_owner() -> None:
    assert_claims(
        "Japan's defence minister said a Chinese destroyer aimed fire-control radar at a Japanese "
        "patrol aircraft.",
        [("japan", "affirm", "threaten>japan:china:*")],
    )


def test_arson_by_a_named_perpetrator_is_an_attack_and_a_fire_alone_is_not() -> None:
    assert_claims(
        "Polda Papua menyatakan KKB membakar puskesmas itu.",
        [("indonesia", "affirm", "attack:tpnpb:*")],
        "id",
    )
    assert_claims("Polisi menyatakan kebakaran di pasar itu menewaskan dua orang.", [], "id")


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Nigeria's army said Boko Haram fighters beheaded two farmers.", "en"),
        ("Nigeria's army said Boko Haram fighters tortured two farmers.", "en"),
        ("Tentara Nigeria mengatakan Boko Haram memenggal dua petani.", "id"),
        ("Tentara Nigeria mengatakan Boko Haram menyiksa dua petani.", "id"),
        ("Tentara Nigeria mengatakan dua petani ditikam Boko Haram.", "id"),
    ],
)
def test_torture_stabbing_and_beheading_by_a_named_group_are_its_attack(body: str, lang: str) -> None:
    assert ("nigeria", "affirm", "attack:boko_haram:*") in claims_of(body, lang)


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        # shooting an aircraft down is the shooter's attack (the owner's loss is read besides)
        (
            "Aljazair mengatakan tentaranya menembak jatuh drone Mali di dekat perbatasan.",
            "id",
            "attack>mali:algeria:*",
        ),
        ("Bamako accused Algiers of shooting down one of its drones.", "en", "attack:algeria:*"),
        (
            "Tehran said it had shot down an American drone over the strait.",
            "en",
            "attack>united_states:iran:*",
        ),
    ],
)
def test_a_shoot_down_is_the_shooters_attack(body: str, lang: str, expected: str) -> None:
    assert expected in [c[2] for c in claims_of(body, lang)]


def test_a_drone_shot_down_by_no_one_named_is_no_attack() -> None:
    assert not [
        c
        for c in claims_of("The drone was shot down near the border, Mali said.")
        if c[2].startswith("attack")
    ]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Kenya said Somali soldiers crossed the border on Sunday.", "en"),
        ("Kenya mengatakan tentara Somalia melintasi perbatasan pada Minggu.", "id"),
    ],
)
def test_troops_crossing_the_border_are_deployed_there(body: str, lang: str) -> None:
    assert "troops_deployed:somalia:*" in [c[2] for c in claims_of(body, lang)]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Nigeria accused Boko Haram of blowing it up.", "en"),
        ("Nigeria menyalahkan Boko Haram karena meledakkannya.", "id"),
    ],
)
def test_blowing_up_a_thing_named_before_is_an_attack(body: str, lang: str) -> None:
    assert ("nigeria", "affirm", "attack:boko_haram:*") in claims_of(body, lang)


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Manila said two Filipino soldiers suffered injuries in the clash.", "en"),
        ("Manila mengatakan dua tentara Filipina mengalami luka dalam bentrokan itu.", "id"),
    ],
)
def test_injuries_suffered_are_casualties(body: str, lang: str) -> None:
    assert ("philippines", "affirm", "casualties:philippines:*") in claims_of(body, lang)


@pytest.mark.parametrize(
    "body",
    [
        "Al-Shabaab said its fighters killed at least 40 Ugandan soldiers at the base in Bulo Marer.",
        "Al-Shabaab said its fighters killed scores of Ugandan soldiers at the base in Bulo Marer.",
    ],
)
def test_troops_a_verb_counts_as_its_object_are_not_a_presence(body: str) -> None:
    # The soldiers are the killing's object, a count in between: no deployment told
    claims = claims_of(body, "en")
    assert not [c for c in claims if c[2].startswith("troops_deployed")]
    assert ("al_shabaab", "affirm", "attack>uganda:al_shabaab:bulo_marer") in claims


@pytest.mark.parametrize(
    "body",
    [
        "Thailand said its forces captured two villages in Oddar Meanchey.",
        "Thailand said its forces captured several settlements near the border.",
    ],
)
def test_capturing_unnamed_small_places_is_ground_taken_not_prisoners(body: str) -> None:
    claims = claims_of(body, "en")
    assert ("thailand", "affirm", "territory_captured:thailand:*") in claims
    assert not [c for c in claims if c[2].startswith("casualties")]


def test_troops_after_a_verb_and_an_article_are_its_object_not_a_presence() -> None:
    claims = claims_of("Cambodia said its forces captured a Thai soldier in Oddar Meanchey.", "en")
    assert not [c for c in claims if c[2].startswith("troops_deployed")]
    assert [c for c in claims if c[2].startswith("casualties:thailand")]


@pytest.mark.parametrize(
    "body",
    [
        "TPNPB mengklaim tembak mati dua prajurit TNI di Intan Jaya.",
        "TPNPB mengklaim menembak mati dua prajurit TNI di Intan Jaya.",
    ],
)
def test_shot_dead_is_an_attack_and_a_toll(body: str) -> None:
    claims = claims_of(body, "id")
    assert [c for c in claims if c[2].startswith("casualties:indonesia")]


def test_returned_fire_is_marked_as_an_answer() -> None:
    answered = extract_body("Pakistan's army said its troops returned fire on the border.").claims
    assert answered and all(ANSWER in c.cues for c in answered)
    struck = extract_body("Pakistan's army said its troops struck the border post.").claims
    assert struck and not any(ANSWER in c.cues for c in struck)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # troops named in passing where their losses are told: no presence claim of its own
        (
            "Ukraine said 300 North Korean soldiers in Kursk were killed.",
            [("ukraine", "affirm", "casualties:north_korea:kursk")],
        ),
        # ... but their own side's act keeps it ("using them in assaults there")
        (
            "Ukraine said Russia used North Korean soldiers in assaults in the Kursk region.",
            [
                ("ukraine", "affirm", "troops_deployed:north_korea:kursk"),
                ("ukraine", "affirm", "attack:north_korea:kursk"),
            ],
        ),
    ],
)
def test_a_presence_told_in_passing_is_no_claim_of_its_own(body: str, expected: list) -> None:  # type: ignore[type-arg]
    assert_claims(body, expected)


def test_the_partner_of_a_phone_call_stands_after_the_trigger() -> None:
    # "dengan" is the partner's preposition, outside the trigger: the caller is the agent
    assert_claims(
        "Kremlin mengatakan Rusia berbicara melalui telepon dengan Turki.",
        [("russia", "affirm", "negotiate>turkey:russia:*")],
    )
