"""streams/core/references.py: a stance on "the claim", "kabar itu", "klaim Rusia"."""

from __future__ import annotations

import pytest

from tests.unit.core.helpers import assert_claims, claims_of


@pytest.mark.parametrize(
    "body",
    [
        "Russia's defence ministry said on Thursday its forces had retaken the town of Sudzha. "
        "Ukraine's General Staff said fighting was still going on in Sudzha. "
        "Ukraine's military dismissed the claim as propaganda.",
        "Kementerian Pertahanan Rusia mengatakan pasukannya telah merebut kembali kota Sudzha. "
        "Militer Ukraina mengatakan pertempuran di Sudzha masih berlangsung. "
        "Militer Ukraina menyebut klaim itu propaganda.",
    ],
)
def test_a_party_dismissing_the_claim_dismisses_the_other_sides_claim_not_its_own(body: str) -> None:
    # A back-reference names no place of its own: the denial is of the recapture, anywhere.
    assert_claims(
        body,
        [
            ("russia", "affirm", "territory_recaptured:russia:sudzha"),
            ("ukraine", "affirm", "fighting_ongoing:*:sudzha"),
            ("ukraine", "deny", "territory_recaptured:russia:*"),
        ],
    )


def test_the_claim_of_a_named_party_is_what_that_party_claimed() -> None:
    # The last frame described is fighting going on, but "klaim Moskow" is Moscow's recapture claim.
    assert_claims(
        "Kyiv - Militer Ukraina membantah klaim Moskow bahwa kota Sudzha telah direbut kembali oleh "
        "pasukan Rusia. Militer Ukraina mengatakan pertempuran di Sudzha masih berlangsung.\n"
        'Menteri Luar Negeri Ukraina Andrii Sybiha menyebut klaim Moskow soal Sudzha sebagai "propaganda".',
        [
            ("russia", "affirm", "territory_recaptured:russia:sudzha"),  # Moscow's claim, recapped
            ("ukraine", "deny", "territory_recaptured:russia:sudzha"),
            ("ukraine", "affirm", "fighting_ongoing:*:sudzha"),
            ("ukraine", "deny", "territory_recaptured:russia:sudzha"),
        ],
    )


def test_a_noncommittal_answer_with_only_an_adverb_is_about_the_topic() -> None:
    assert_claims(
        "Amerika Serikat mengatakan Korea Utara telah memasok jutaan peluru artileri kepada Rusia.\n"
        "Duta Besar Korea Utara untuk PBB tidak membantah secara langsung.",
        [
            ("united_states", "affirm", "weapons_supplied:north_korea:russia"),
            ("north_korea", "noncommittal", "weapons_supplied:north_korea:*"),
        ],
    )


def test_declining_to_comment_on_an_estimate_is_noncommittal() -> None:
    # "perkiraan Inggris" is the UK's estimate: the Kursk figure.
    assert_claims(
        "Kementerian Pertahanan Inggris memperkirakan sekitar 4.000 tentara Korea Utara tewas atau terluka "
        "di Kursk.\nStaf Umum Ukraina menolak mengomentari perkiraan Inggris tersebut.",
        [
            ("united_kingdom", "affirm", "casualties:north_korea:kursk"),
            ("ukraine", "noncommittal", "casualties:north_korea:kursk"),
        ],
    )


def test_a_report_with_its_own_content_is_not_a_back_reference() -> None:
    assert_claims(
        "Zelensky said North Korean troops were in Kursk.\n"
        "The Kremlin denied reports that Putin would attend the summit.",
        [("ukraine", "affirm", "troops_deployed:north_korea:kursk")],
    )


def test_it_opening_a_clause_of_its_own_points_back_to_no_statement() -> None:
    from tests.unit.core.helpers import extract_body as read
    from tests.unit.core.helpers import frame_claims

    ex = read(
        "Chad's army said it struck the camp.\nThe rebels said that it had been a quiet night in the north."
    )
    assert [(c.speaker.party, c.proposition.event) for c in frame_claims(ex)] == [("chad", "attack")]


def test_allegations_right_after_a_claim_of_no_event_class_are_denied_as_an_open_claim() -> None:
    from tests.unit.core.helpers import extract_body as read

    ex = read(
        "Laos said Thai troops shelled a border post. Laos also said the mines near the post were new. "
        "Thailand rejected the allegations as baseless."
    )
    got = [(c.speaker.party, c.stance, c.proposition.event) for c in ex.claims]
    assert got == [("laos", "affirm", "attack"), ("laos", "affirm", "other"), ("thailand", "deny", "other")]


def test_a_claim_of_no_event_class_in_the_same_sentence_is_the_antecedent_too() -> None:
    from tests.unit.core.helpers import extract_body as read

    ex = read(
        "Laos said Thai troops shelled a border post. "
        "Laos also said the mines near the post were new, which Thailand described as baseless allegations."
    )
    got = [(c.speaker.party, c.stance, c.proposition.event) for c in ex.claims]
    assert got == [("laos", "affirm", "attack"), ("laos", "affirm", "other"), ("thailand", "deny", "other")]


def test_the_claim_denied_keeps_its_own_agent_not_a_later_narration_of_the_same_event() -> None:
    assert_claims(
        "Iran said it had shot down two Israeli jets. The Israeli strike earlier killed several Iranian "
        "commanders, the outlet reported. Israel denied the claims.",
        [
            ("iran", "affirm", "casualties:israel:*"),  # (the shooter tells the loss: downings.py)
            ("israel", "deny", "casualties:israel:*"),
        ],
    )


def test_a_bare_report_joins_the_denial_the_other_side_made_just_before() -> None:
    from tests.unit.core.helpers import extract_body as read

    ex = read(
        "Militer Thailand mengerahkan 1.200 prajurit ke perbatasan, kata Kementerian Pertahanan Thailand. "
        'Kementerian itu menyebut kabar dua prajurit tewas sebagai "hoaks". '
        "Atase pertahanan Korea Selatan juga menepis kabar itu."
    )
    got = [
        (c.speaker.party, c.stance, c.proposition.id) for c in ex.claims if c.speaker.party == "south_korea"
    ]
    assert got == [("south_korea", "deny", "casualties:thailand:*")]


def test_confirming_the_reports_of_a_party_does_not_make_it_the_actor() -> None:
    # "confirms the reports of Japan's intelligence": Japan reported; it did not retake Kursk.
    claims = claims_of(
        "Pyongyang mengatakan pasukannya membantu Moskow merebut kembali Kursk. Pernyataan itu "
        "mengonfirmasi laporan intelijen dari Jepang."
    )
    assert claims and not any(":japan:" in pid for _, _, pid in claims)


def test_an_accusation_points_to_a_claim_against_another_party_not_to_an_admission() -> None:
    admission = "The Houthis said they were responsible for the drone strike."
    assert_claims(f"{admission} Iran rejected the accusations.", [("houthis", "affirm", "attack:houthis:*")])
    assert_claims(
        "The United States said Iran was behind the drone strike. Iran rejected the accusations.",
        [("united_states", "affirm", "attack:iran:*"), ("iran", "deny", "attack:iran:*")],
    )


def test_it_is_with_its_verb_points_to_no_earlier_report() -> None:
    """ "It's hard to say what he means": "it's" opens a clause of its own; "nonsense" after it
    dismisses no report the article told."""
    assert_claims(
        "Serbia said Kosovo police had raided the village. "
        '"It\'s hard for me to say what this man is talking about. I am used to him telling nonsense," '
        "added the Kosovo interior minister.",
        [("serbia", "affirm", "attack:kosovo:*")],
    )


@pytest.mark.parametrize(
    "body",
    [
        "Kenya denied Somalia's accusations that it shelled the border town.",
        "Kenya rejected Somalia's allegations of shelling the border town.",
        "Kenya denied Somalia's allegations regarding the shelling of the border town.",
    ],
)
def test_who_answers_an_accusation_is_the_accused(body: str) -> None:
    """The speaker denies its own act; the accuser owns the accusation, not the shelling."""
    assert ("kenya", "deny", "attack:kenya:*") in claims_of(body)
    assert ("kenya", "deny", "attack:somalia:*") not in claims_of(body)


def test_a_short_answer_is_its_first_clause_whatever_follows() -> None:
    """ "has not confirmed the deployment, but called it ...": the answer bears on the topic."""
    claims = claims_of(
        "Seoul said Pyongyang had sent troops to Russia. "
        "NATO has not confirmed the deployment, but it called it a dangerous escalation."
    )
    assert ("nato", "noncommittal", "troops_deployed:north_korea:*") in claims


def test_a_denied_claim_keeps_the_agent_of_the_act_it_told() -> None:
    # "Chile said Peruvian drones attacked ...; Peru denied Chile's claim": Peru denies that Peru
    # attacked, not that Chile did
    assert_claims(
        "Chile said Peruvian drones attacked a power plant in Arica. "
        "Peru's army immediately denied Chile's claim.",
        [("chile", "affirm", "attack:peru:arica"), ("peru", "deny", "attack:peru:*")],
    )


def test_a_short_denial_of_a_named_thing_is_no_stance_on_the_story() -> None:
    # "rejected the proposed visit": the visit is rejected, not the deployment told before it
    found = claims_of("Kenya said Somali troops crossed into Mandera. Somalia rejected the proposed visit.")
    assert ("somalia", "deny", "troops_deployed:somalia:*") not in found
    assert ("kenya", "affirm", "troops_deployed:somalia:mandera") in found


@pytest.mark.parametrize(
    "body",
    [
        "Thailand's army said its jets struck Cambodian artillery positions. "
        "Cambodia dismissed Thailand's claim as propaganda.",
        "Militer Thailand mengatakan jet tempurnya menyerang posisi artileri Kamboja. "
        "Kamboja membantah klaim Thailand.",
        "Militer Thailand mengatakan jet tempurnya menyerang posisi artileri Kamboja. "
        "Kamboja membantah klaim tersebut.",
    ],
)
def test_rejecting_the_claim_of_the_other_sides_own_strike_denies_no_strike(body: str) -> None:
    # Cambodia disputes what the strike hit or won, not that Thailand struck: no contradiction.
    claims = claims_of(body)
    assert ("thailand", "affirm", "attack>cambodia:thailand:*") in claims
    assert not [c for c in claims if c[0] == "cambodia" and c[1] == "deny" and c[2].startswith("attack")]


@pytest.mark.parametrize(
    "body",
    [
        "Russia's defence ministry said its drones struck military facilities in western Ukraine. "
        "Moscow denied responsibility for the incident in Poland.",
        "Kementerian Pertahanan Rusia mengatakan drone-drone mereka menyerang fasilitas militer di "
        "Ukraina barat. Moskow membantah bertanggung jawab atas insiden di Polandia.",
    ],
)
def test_a_denied_part_in_an_incident_named_elsewhere_is_there_not_where_the_act_told_was(body: str) -> None:
    assert_claims(
        body,
        [("russia", "affirm", "attack:russia:western_ukraine"), ("russia", "deny", "attack:russia:poland")],
    )


def test_the_accused_rejecting_the_owners_claim_disputes_its_part_not_the_loss() -> None:
    from streams.core.discourse import SpeakerRef
    from streams.core.frame import FrameHit
    from streams.core.matching import Hit
    from streams.core.references import _loss_disputed_by_the_accused

    hit = Hit(0, 4, "x", "x")
    turkey = SpeakerRef(0, 6, "Turkey", "turkey", "turkey", None, "name")
    loss = FrameHit("casualties", "armenia", None, hit, measure="fighter_jets")
    # Armenia told its loss and a Turkish deployment: Turkey rejecting "Armenia's claim" is the accused
    assert _loss_disputed_by_the_accused(
        [loss, FrameHit("troops_deployed", "turkey", None, hit)], "armenia", turkey
    )
    # with no act of Turkey's told, the loss may be what Turkey disputes
    assert not _loss_disputed_by_the_accused(
        [loss, FrameHit("attack", "azerbaijan", None, hit)], "armenia", turkey
    )


def test_a_downing_called_false_by_the_shooters_side_denies_the_act_only() -> None:
    assert_claims(
        "Claims that a Turkish F-16 attacked and destroyed an Armenian Su-25 are false, "
        "a Turkish spokesman said.",
        [("turkey", "deny", "attack:turkey:*")],
    )
