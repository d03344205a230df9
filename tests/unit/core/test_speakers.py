"""streams/core/speakers.py: who speaks in a phrase."""

from __future__ import annotations

from tests.unit.core.helpers import assert_claims, claims_of, extract_body, frame_claims


def test_an_analyst_at_a_place_is_kept_without_a_party() -> None:
    assert_claims(
        "A military analyst at a Seoul think tank said North Korean troops were "
        "stationed in the Kursk region.",
        [(None, "affirm", "troops_deployed:north_korea:kursk")],
    )


def test_the_office_qualified_by_an_organisation_speaks_for_its_country() -> None:
    ex = extract_body(
        "Duta Besar Korea Utara untuk PBB membantah bahwa tentara Korea Utara dikirim ke Rusia."
    )
    assert [(c.speaker.party, c.stance) for c in ex.claims] == [("north_korea", "deny")]


def test_a_role_with_a_party_is_that_partys_office() -> None:
    ex = extract_body("Juru bicara Pentagon mengatakan tentara Korea Utara sudah berada di Kursk.")
    assert [(c.speaker.actor_id, c.speaker.party, c.speaker.resolved_by) for c in ex.claims] == [
        ("pentagon", "united_states", "role")
    ]


def test_the_country_an_envoy_is_posted_to_is_not_whom_he_speaks_for() -> None:
    from tests.unit.core.helpers import claims_of as read

    got = read("Chile recalled its ambassador to Peru and said Peruvian troops had entered Arica.")
    assert all(party != "peru" for party, _, _ in got)


def test_a_party_inside_a_relative_clause_on_the_subject_is_not_the_speaker() -> None:
    assert_claims(
        "Kelompok Pasukan Gabungan yang bersekutu dengan militer Sudan menuduh RSF telah mengeksekusi "
        "2.000 warga sipil di El Fasher.",
        [(None, "affirm", "attack:rsf:el_fasher")],
    )
    assert_claims(
        "Pejabat yang enggan disebutkan namanya mengatakan tentara Korea Utara tiba di Kursk.",
        [(None, "affirm", "troops_deployed:north_korea:kursk")],
    )


def test_an_article_may_open_the_next_listed_party() -> None:
    assert_claims(
        "Vietnam and the Philippines accused each other of ramming.",
        [("vietnam", "affirm", "attack:philippines:*"), ("philippines", "affirm", "attack:vietnam:*")],
    )


def test_an_indonesian_regional_command_speaks_for_the_state() -> None:
    """Kodam/Polda officers ("Kapendam XVII/Cenderawasih", "Kapolda Papua") are the TNI's and Polri's."""
    for body in (
        "Kapendam XVII/Cenderawasih, Kolonel Kav Herman Taryaman mengatakan KKB menembak dua prajurit.",
        "Kapolda Papua Irjen Mathius Fakhiri mengatakan KKB menembak dua anggota Brimob.",
    ):
        claims = extract_body(body, "id").claims
        assert [c.speaker.party for c in claims] == ["indonesia"], body


def test_a_listed_person_titled_with_another_party_s_office_speaks_for_that_party() -> None:
    # People change offices: the title the text gives wins, for the whole article.
    body = (
        "Dutch Prime Minister Mark Rutte said Poland's inquiry must go on. "
        "Rutte added that Russian troops shelled Kharkiv."
    )
    assert ("netherlands", "affirm", "attack:russia:kharkiv") in claims_of(body)
    assert ("nato", "affirm", "attack:russia:kharkiv") in claims_of(
        "NATO chief Mark Rutte said Russian troops shelled Kharkiv."
    )


def test_an_office_named_for_a_place_speaks_for_the_state_it_belongs_to() -> None:
    # Beijing's Taiwan Affairs Office is China speaking, not Taiwan
    body = "The Taiwan Affairs Office said a Taiwanese patrol boat rammed a Chinese fishing boat near Kinmen."
    assert [c.speaker.party for c in frame_claims(extract_body(body, "en"))] == ["china"]


def test_brussels_speaks_for_the_eu_and_stays_a_city_in_belgium() -> None:
    # The EU's voice in the news; "talks in Brussels" are still held in the city.
    assert_claims(
        "Brussels said Serbia violated the truce in Kosovo.",
        [("european_union", "affirm", "agreement_violated:serbia:kosovo")],
    )
    assert_claims(
        "Ukraine said Russian and Ukrainian envoys held talks in Brussels.",
        [
            ("ukraine", "affirm", "negotiate:ukraine:brussels"),
            ("ukraine", "affirm", "negotiate:russia:brussels"),
        ],
    )
