"""streams/core/cues.py: reporting cues, their kind and side."""

from __future__ import annotations

import pytest

from tests.unit.core.helpers import assert_claims, extract_body, frame_claims

NK_IN_RUSSIA = "troops_deployed:north_korea:russia"


@pytest.mark.parametrize(
    "body",
    [
        'The Kremlin dismissed reports of a North Korean troop deployment to Russia as "fake news".',
        "Juru bicara Kremlin Dmitry Peskov menepis kabar pengerahan tentara Korea Utara "
        "ke Rusia sebagai hoaks.",
    ],
)
def test_dismissals_are_denials(body: str) -> None:
    assert_claims(body, [("russia", "deny", NK_IN_RUSSIA)])


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Putin did not deny that North Korean troops were in Russia.",
            [("russia", "noncommittal", NK_IN_RUSSIA)],
        ),
        (
            "Presiden Vladimir Putin tidak membantah bahwa tentara Korea Utara berada di Rusia.",
            [("russia", "noncommittal", NK_IN_RUSSIA)],
        ),
        (
            "A Pentagon spokesman said he could not confirm that North Korean soldiers were fighting "
            "in Kursk.",
            [("united_states", "noncommittal", "troops_in_combat:north_korea:kursk")],
        ),
    ],
)
def test_not_denying_or_not_confirming_is_noncommittal(
    body: str, expected: list[tuple[str, str, str]]
) -> None:
    assert_claims(body, expected)  # type: ignore[arg-type]


def test_neither_confirm_nor_deny_is_noncommittal() -> None:
    assert_claims(
        'The Kremlin will "neither confirm nor deny" reports that North Korean soldiers are fighting in '
        "Kursk, spokesman Dmitry Peskov told reporters.",
        [("russia", "noncommittal", "troops_in_combat:north_korea:kursk")],
    )


def test_estimates_of_is_a_noun_not_a_reporting_verb() -> None:
    ex = extract_body(
        "The Kremlin on Thursday dismissed Ukrainian and South Korean estimates of North Korean losses "
        'as "propaganda".'
    )
    assert [a.cue.text for a in ex.attributions] == ["dismissed"]
    assert frame_claims(ex) == []


def test_an_accusation_with_menuding_is_a_claim() -> None:
    assert_claims(
        "Jepang secara terbuka menuding Korea Utara memasok rudal balistik kepada Rusia.",
        [("japan", "affirm", "weapons_supplied:north_korea:russia")],
    )


def test_a_claim_whose_owner_says_something_is_attributed_to_the_owner() -> None:
    # "yang menyebut" after a claim noun: a cue blocker ("yang") does not block it.
    assert_claims(
        "Angka itu jauh di bawah klaim intelijen Ukraina pekan lalu yang menyebut sekitar 1.000 tentara "
        "Korea Utara tewas di wilayah Kursk.",
        [("ukraine", "affirm", "casualties:north_korea:kursk")],
    )


def test_cues_inside_quotations_are_not_cues() -> None:
    ex = extract_body('Zelensky said: "They said nothing and denied nothing." That was all.')
    assert [a.cue.text for a in ex.attributions] == ["said"]


def test_a_party_after_said_that_opens_a_clause_is_not_a_postposed_speaker() -> None:
    # ", said a Chinese vessel rammed ...": the vessel is the subject of what was said.
    assert_claims(
        "Tran Van Minh, a spokesperson for the Vietnamese Navy, said a Chinese vessel rammed a fishing boat.",
        [("vietnam", "affirm", "attack:china:*")],
    )


def test_a_reporting_word_after_a_possessive_is_an_adjective() -> None:
    # "Caracas's alleged role": no statement by Caracas.
    assert_claims(
        "The sanctions target Caracas's alleged role in the attacks on Guyanese border posts.",
        [],
    )


def test_a_confirmation_no_one_gave_is_silence_not_a_statement() -> None:
    """ "Neither Damascus nor Moscow has confirmed P": the outlet tells of their silence; only the
    accusation is a claim (a listed "has not confirmed" is a party's answer)."""
    assert_claims(
        "Ankara accused Syrian forces of shelling the border post. "
        "Neither Damascus nor Moscow has confirmed the shelling.",
        [("turkey", "affirm", "attack:syria:*")],
    )


def test_a_confirming_verb_after_a_purpose_marker_states_a_purpose() -> None:
    ex = extract_body(
        "Seorang pejabat Chile mengatakan pasukannya akan terus menargetkan Peru di Arica untuk "
        "memastikan kota itu tidak lagi menjadi tempat perlindungan."
    )
    assert "memastikan" not in [a.cue.text for a in ex.attributions]
    assert not ex.claims
