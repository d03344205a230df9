"""streams/core/claims.py: stance, modality, event time, evidence span and confidence of a claim."""

from __future__ import annotations

import pytest

from tests.unit.core.helpers import assert_claims, claims_of, extract_body


def test_event_time_follows_the_weekday_named_in_the_sentence() -> None:
    ex = extract_body(
        "NATO Secretary General Mark Rutte said on Monday that North Korean troops had been sent to Russia."
    )
    assert [c.event_time.date().isoformat() for c in ex.claims] == ["2024-11-04"]


@pytest.mark.parametrize(
    ("body", "marker"),
    [
        ("Moskow sebelumnya menepis laporan bahwa tentara Korea Utara berada di Rusia.", "sebelumnya"),
        ("Kremlin sempat membantah bahwa tentara Korea Utara dikirim ke Rusia.", "sempat"),
        ("Moscow had earlier denied that North Korean troops were in Russia.", "had earlier"),
    ],
)
def test_a_recap_of_an_earlier_statement_is_marked(body: str, marker: str) -> None:
    [c] = extract_body(body).claims
    assert c.stance == "deny" and f"recap:{marker}" in c.cues


def test_a_dated_statement_is_not_a_recap() -> None:
    ex = extract_body("Kremlin pada Senin (4/11/2024) membantah bahwa tentara Korea Utara dikirim ke Rusia.")
    assert len(ex.claims) == 1 and not any(cue.startswith("recap:") for cue in ex.claims[0].cues)


@pytest.mark.parametrize(
    "body",
    [
        "Juru bicara Kementerian Luar Negeri Rusia Maria Zakharova menyebut tuduhan bahwa Korea Utara "
        'memasok rudal ke Rusia sebagai "absurd".',
        "Russian Foreign Ministry spokeswoman Maria Zakharova called allegations that North Korea had "
        'supplied missiles to Russia "absurd".',
    ],
)
def test_calling_an_accusation_absurd_denies_it(body: str) -> None:
    assert_claims(body, [("russia", "deny", "weapons_supplied:north_korea:russia")])


def test_the_evidence_span_holds_the_speaker_and_the_verb() -> None:
    body = '"North Korean troops are in Kursk," Zelensky said on Friday.'
    [c] = extract_body(body).claims
    assert c.quote == body[: body.index(" on Friday")] and c.span.start == 0


def test_confidence_falls_with_a_hedge_and_a_pronoun() -> None:
    [plain] = extract_body("Zelensky said North Korean troops were in Kursk.").claims
    [hedged] = extract_body(
        "Zelensky spoke on Friday. He said North Korean troops were reportedly in Kursk."
    ).claims
    assert plain.confidence == 0.9
    assert hedged.modality == "hedged" and hedged.confidence == pytest.approx(0.7)


def test_claim_ids_are_stable() -> None:
    body = "Zelensky said North Korean troops were in Kursk."
    assert [c.id for c in extract_body(body).claims] == [c.id for c in extract_body(body).claims]


def test_reports_a_speaker_merely_mentions_are_noncommittal() -> None:
    from tests.unit.core.helpers import assert_claims as check

    check(
        "A Pentagon spokesman said it had read reports of Belarusian troops arriving in Georgia.",
        [("united_states", "noncommittal", "troops_deployed:belarus:georgia")],
    )
    check(
        "Juru bicara Pentagon mengatakan pihaknya melihat laporan tentang pasukan Belarus yang "
        "dikerahkan ke Georgia.",
        [("united_states", "noncommittal", "troops_deployed:belarus:georgia")],
    )


def test_a_party_does_not_accuse_itself() -> None:
    from tests.unit.core.helpers import claims_of as read

    got = read("The government accused Hamas of attacking its soldiers in Rafah.")
    assert all(party != "hamas" for party, _, _ in got)


@pytest.mark.parametrize(
    "body",
    [
        "Minsk said it does not allow its territory to be used for attacks on Lithuania.",
        "Minsk said it does not permit attacks against Lithuania from its soil.",
        "Minsk mengatakan tidak mengizinkan wilayahnya digunakan untuk menyerang Lituania.",
    ],
)
def test_a_policy_of_not_permitting_an_act_is_no_denial_of_it(body: str) -> None:
    """What a government allows is a policy, not a statement that the act did or did not happen."""
    assert [c for c in extract_body(body).claims if c.modality != "speculative"] == []


@pytest.mark.parametrize(
    ("body", "marker"),
    [
        ("Intelijen Jepang telah lama melaporkan bahwa Korea Utara memasok rudal ke Rusia.", "telah lama"),
        ("Japanese intelligence has long said that North Korea supplied missiles to Russia.", "has long"),
    ],
)
def test_a_position_held_for_long_is_a_recap(body: str, marker: str) -> None:
    # Its alert was due when it was first taken, not at this mention.
    [c] = extract_body(body).claims
    assert c.stance == "affirm" and f"recap:{marker}" in c.cues


def test_a_participle_after_a_determiner_denies_nothing() -> None:
    # "the disputed waters" describes the waters: the statement is affirmed, not denied
    got = claims_of("Venezuela sent warships to the disputed waters, Guyana said.", open_claims=True)
    assert [(party, stance) for party, stance, _ in got] == [("guyana", "affirm")]
