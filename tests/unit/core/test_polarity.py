"""streams/core/polarity.py: negation, speculation and conditionals around a trigger."""

from __future__ import annotations

import pytest

from tests.unit.core.helpers import assert_claims


@pytest.mark.parametrize(
    "body",
    [
        "Ukraine's foreign minister warned that North Korean troops will be deployed to the front "
        "within weeks.",
        "Kyiv memperingatkan bahwa tentara Korea Utara akan segera dikerahkan ke garis depan.",
        "Analysts said Pyongyang could send more troops if Moscow asked.",
        "Zelensky said North Korea was preparing to send 5,000 more troops to Russia.",
        "Zelensky mengatakan Korea Utara tengah bersiap mengirim 5.000 tentara lagi ke Rusia.",
        "Presiden Korea Selatan mengatakan Seoul tidak menutup kemungkinan memasok senjata ke Ukraina.",
        "Presiden Korea Selatan mengatakan Seoul akan memasok senjata ke Ukraina bila Pyongyang terus "
        "mengirim pasukan.",
        "South Korea's president said Seoul did not rule out supplying weapons to Ukraine.",
        # A nominal or gerund trigger under a modal is hypothetical.
        "Russia's foreign ministry warned that supplying weapons to Ukraine would destroy relations "
        "with Seoul.",
        "Kremlin memperingatkan bahwa pengiriman senjata ke Ukraina akan merusak hubungan kedua negara.",
    ],
)
def test_predictions_conditionals_and_hypotheticals_are_not_claims(body: str) -> None:
    assert_claims(body, [])


@pytest.mark.parametrize(
    "body",
    [
        "Juru bicara Kremlin Dmitry Peskov menyatakan tidak ada satu pun tentara Korea Utara yang "
        "dikirim ke Rusia.",
        "Kremlin spokesman Dmitry Peskov said there were not any North Korean troops in Russia.",
    ],
)
def test_a_negator_that_swallows_the_trigger_still_negates_it(body: str) -> None:
    assert_claims(body, [("russia", "deny", "troops_deployed:north_korea:russia")])


def test_no_signs_of_is_a_negation() -> None:
    assert_claims(
        '"There have been no signs of North Korean units in front-line combat for several weeks," '
        "South Korea's spy agency said.",
        [("south_korea", "deny", "troops_in_combat:north_korea:*")],
    )


def test_tidak_ada_tanda_tanda_is_a_negation_of_fighting_only() -> None:
    assert_claims(
        'Badan intelijen Korea Selatan mengatakan "tidak ada tanda-tanda unit Korea Utara bertempur di '
        'garis depan".',
        [("south_korea", "deny", "troops_in_combat:north_korea:*")],
    )


def test_a_negation_bounded_to_recent_weeks_tells_of_a_change_not_a_denial() -> None:
    """ "no sign of them fighting in recent weeks" after months of fighting is a withdrawal, not a
    denial that they ever fought: no deny claim (it would reverse the speaker's own earlier stance)."""
    assert_claims(
        'Badan intelijen Korea Selatan mengatakan "tidak ada tanda-tanda unit Korea Utara bertempur di garis '
        'depan" dalam beberapa pekan terakhir.',
        [],
    )
    assert_claims("Kyiv said North Korean soldiers have not been seen at the front since mid-January.", [])


def test_whether_leaves_the_statement_noncommittal() -> None:
    assert_claims(
        "The Pentagon said it was unclear whether North Korean troops were fighting in Kursk.",
        [("united_states", "noncommittal", "troops_in_combat:north_korea:kursk")],
    )


@pytest.mark.parametrize(
    "body",
    [
        "Peskov said North Korean troops are not in Russia.",
        "Peskov mengatakan tentara Korea Utara tidak berada di Rusia.",
        "NEBENZIA (via interpreter): North Korean troops are not in Russia.",
    ],
)
def test_troops_not_in_a_place_are_denied(body: str) -> None:
    assert_claims(body, [("russia", "deny", "troops_deployed:north_korea:russia")])


def test_a_name_with_its_acronym_between_the_negation_and_the_noun_still_negates() -> None:
    from tests.unit.core.helpers import assert_claims as check

    check(
        "Islamabad said no Pakistan Air Force (PAF) jets were shot down over the weekend.",
        [("pakistan", "deny", "casualties:pakistan:*")],
    )


def test_no_before_the_troops_after_the_verb_negates_them() -> None:
    assert_claims(
        "Kenya said it had seen no Somali troops in Mandera.",
        [("kenya", "deny", "troops_deployed:somalia:mandera")],
    )
