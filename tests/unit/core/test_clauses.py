"""streams/core/clauses.py: where a trigger's clause ends — not before its recipient."""

from __future__ import annotations

import pytest

from tests.unit.core.helpers import assert_claims, extract_body

SUPPLY = "weapons_supplied:north_korea:russia"


@pytest.mark.parametrize(
    "body",
    [
        "Menurut Departemen Luar Negeri AS, Korea Utara mengirim ribuan peluru artileri dan ratusan roket "
        "ke Rusia sejak musim panas.",
        "North Korea has shipped thousands of artillery shells and hundreds of rockets to Russia since "
        "the summer, the U.S. State Department said.",
    ],
)
def test_a_second_counted_object_does_not_end_the_clause_before_the_recipient(body: str) -> None:
    assert_claims(body, [("united_states", "affirm", SUPPLY)])


@pytest.mark.parametrize(
    "body",
    [
        "Kementerian Pertahanan Korea Utara menepis tudingan bahwa negaranya memasok senjata dan amunisi "
        "kepada Rusia.",
        "North Korea's defence ministry denied that the country had supplied weapons and ammunition "
        "to Russia.",
    ],
)
def test_a_second_object_noun_keeps_the_recipient_in_the_clause(body: str) -> None:
    assert_claims(body, [("north_korea", "deny", SUPPLY)])


def test_artillery_and_rocket_ammunition_keeps_its_recipient() -> None:
    assert_claims(
        "North Korea shipped at least 9 million rounds of artillery and rocket ammunition to Russia last "
        "year, the Japanese government said.",
        [("japan", "affirm", SUPPLY)],
    )


@pytest.mark.parametrize(
    "body",
    [
        "Ukraina mengatakan tentara Korea Utara bertempur di Kursk serta di wilayah Belgorod.",
        "Ukraine said North Korean troops were fighting in Kursk as well as in Belgorod.",
    ],
)
def test_places_each_with_a_preposition_are_one_claim_each(body: str) -> None:
    assert_claims(
        body,
        [
            ("ukraine", "affirm", "troops_in_combat:north_korea:kursk"),
            ("ukraine", "affirm", "troops_in_combat:north_korea:belgorod"),
        ],
    )


@pytest.mark.parametrize(
    "body",
    [
        "NATO said North Korean troops were fighting in Kursk and Belgorod.",
        "NATO said North Korean troops were fighting in Kursk and in Belgorod.",
    ],
)
def test_names_joined_by_and_stay_in_one_clause(body: str) -> None:
    assert_claims(
        body,
        [
            ("nato", "affirm", "troops_in_combat:north_korea:kursk"),
            ("nato", "affirm", "troops_in_combat:north_korea:belgorod"),
        ],
    )


@pytest.mark.parametrize(
    "body",
    [
        "Vietnam's navy said Chinese Maritime Militia (CMM) boats rammed a Vietnamese trawler.",
        "According to Vietnam's navy, Chinese Maritime Militia (CMM) boats rammed a Vietnamese trawler.",
    ],
)
def test_an_acronym_in_brackets_does_not_break_the_clause(body: str) -> None:
    assert_claims(body, [("vietnam", "affirm", "attack>vietnam:china:*")])


def test_an_agency_in_brackets_still_closes_a_dateline() -> None:
    assert_claims(
        "HANOI, May 3 (Reuters) - Chinese boats rammed a Vietnamese trawler, Vietnam's navy said.",
        [("vietnam", "affirm", "attack>vietnam:china:*")],
    )


@pytest.mark.parametrize(
    "body",
    [
        "Turkey said its jets had struck the militia's leader, Omar Sadiq, in a raid in Aleppo.",
        "Turki mengatakan jet-jetnya telah menyerang pemimpin milisi itu, Omar Sadiq, di Aleppo.",
    ],
)
def test_a_name_in_apposition_between_commas_does_not_end_the_clause(body: str) -> None:
    claims = extract_body(body, "id" if "mengatakan" in body else "en").claims
    read = {(c.speaker.party, c.proposition.event, c.proposition.place) for c in claims}
    assert ("turkey", "attack", "aleppo") in read
