"""streams/core/statement.py: a speaker before the verb, and where the statement stands."""

from __future__ import annotations

import pytest

from tests.unit.core.helpers import assert_claims, claims_of, extract_body


def test_a_short_time_after_the_verb_leaves_the_statement_before_the_speaker() -> None:
    assert_claims(
        "North Korea has shipped artillery shells and short-range ballistic missiles to Russia, "
        "South Korea's national security adviser said Sunday, adding that talks with Washington continued.",
        [("south_korea", "affirm", "weapons_supplied:north_korea:russia")],
    )


def test_a_postposed_speaker_after_the_last_comma_is_not_a_place_in_the_statement() -> None:
    assert_claims(
        "The troops remain stationed in the Kursk region, the National Intelligence Service said on "
        "Thursday. About 11,000 North Korean soldiers were sent to Russia last autumn, the agency added.",
        [("south_korea", "affirm", "troops_deployed:north_korea:russia")],
    )


def test_a_thousands_comma_is_not_a_clause_break() -> None:
    assert_claims(
        "Earlier this month, NATO's secretary general, Mark Rutte, said more than 10,000 North Korean "
        "troops had been sent to Russia.",
        [("nato", "affirm", "troops_deployed:north_korea:russia")],
    )


def test_a_denied_claim_with_a_relative_clause_stays_denied() -> None:
    assert_claims(
        "Militer Ukraina membantah klaim Kementerian Pertahanan Rusia yang menyebut kota Sudzha telah "
        "direbut kembali oleh pasukan Rusia.",
        [("ukraine", "deny", "territory_recaptured:russia:sudzha")],
    )


def test_the_same_subject_goes_on_after_and() -> None:
    assert_claims(
        "Kremlin membantah laporan itu dan mengatakan tidak ada tentara Korea Utara di Rusia.",
        [("russia", "deny", "troops_deployed:north_korea:russia")],
    )


def test_a_relative_clause_between_speaker_and_verb_names_no_speaker() -> None:
    from tests.unit.core.helpers import assert_claims as check

    check(
        "Japan's defence minister, who arrived in Seoul on Monday, said Chinese troops were "
        "stationed in Myanmar.",
        [("japan", "affirm", "troops_deployed:china:myanmar")],
    )


def test_a_background_clause_is_not_the_speakers_claim() -> None:
    from tests.unit.core.helpers import extract_body as read

    ex = read("Peru's president spoke on Tuesday amid reports that Bolivian troops had crossed into Peru.")
    assert [c for c in ex.claims if c.proposition.event != "other"] == []
    ex = read(
        "Presiden Peru berbicara pada Selasa di tengah laporan bahwa pasukan Bolivia telah memasuki Peru."
    )
    assert [c for c in ex.claims if c.proposition.event != "other"] == []


def test_a_long_title_told_a_briefing_after_the_statement() -> None:
    from tests.unit.core.helpers import claims_of as read

    got = read(
        "About 2,000 Belarusian soldiers have been deployed to Serbia, French Deputy Ambassador to the "
        "United Nations Claire Martin told a Security Council meeting on Friday."
    )
    assert ("france", "affirm", "troops_deployed:belarus:serbia") in got


def test_a_risk_is_not_a_fact() -> None:
    from tests.unit.core.helpers import claims_of as read

    assert read("“Ada risiko Belarus mengirimkan pasukan tambahan ke Serbia,” kata menteri Prancis.") == []


@pytest.mark.parametrize(
    "body",
    [
        "The Chinese embassy in Hanoi, asked about the navy's account, said reports that Chinese vessels "
        "rammed Vietnamese boats were fabrications.",
        "Kedutaan Besar China di Hanoi, saat ditanya soal laporan angkatan laut, mengatakan laporan bahwa "
        "kapal China menabrak kapal nelayan Vietnam adalah rekayasa.",
    ],
)
def test_an_aside_after_the_subject_names_no_speaker(body: str) -> None:
    # The navy named inside the aside is not who denies.
    assert_claims(body, [("china", "deny", "attack>vietnam:china:*")])


def test_a_quotation_before_the_agency_that_said_it_names_no_subject() -> None:
    """'"... by Georgian troops," the ministry said': Georgia is inside the quote; the speaker is
    the ministry named before."""
    assert_claims(
        "Armenia's defence ministry said the border was calm in the morning. "
        '"In the evening the village of Ayrum was shelled by Georgian troops," the ministry said.',
        [("armenia", "affirm", "attack:georgia:*")],
    )


def test_it_after_a_quoted_agency_is_that_agency() -> None:
    assert_claims(
        "Kenya's defence ministry said the border was calm in the morning. "
        '"In the evening Somali militants fired on our posts," the ministry said.\n'
        "It added that two other posts were also shelled by the militants of Somalia.",
        [("kenya", "affirm", "attack:somalia:*"), ("kenya", "affirm", "attack:somalia:*")],
    )


def test_a_name_in_apposition_after_the_office_is_no_gap_before_the_verb() -> None:
    assert_claims(
        "A spokeswoman for the Kenyan Defence Ministry, Jane Wanjiru, said Somali militants shelled Mandera.",
        [("kenya", "affirm", "attack:somalia:mandera")],
    )


def test_the_outlet_carrying_the_statement_closes_the_sentence() -> None:
    """ "..., X said on Friday, Reuters reports.": P stands before the speaker, not after the verb."""
    assert_claims(
        "Somali militants shelled Mandera, a Kenyan army spokesman said on Friday, Reuters reports.",
        [("kenya", "affirm", "attack:somalia:mandera")],
    )


def test_the_interior_ministry_after_the_last_comma_is_the_speaker() -> None:
    from tests.unit.core.helpers import extract_body

    # "P, the interior ministry said.": the office is a role, the speaker (of no known party
    # here), never the subject of P.
    ex = extract_body("Protesters were detained in Cusco, the interior ministry said.")
    assert [a.speaker.text for a in ex.attributions if a.speaker is not None] == ["interior ministry"]


def test_a_clause_word_opening_the_next_sentence_leaves_the_statement_before_the_speaker() -> None:
    # "P, X said. But ...": the next sentence's "But" is no subordinate clause of this verb.
    assert_claims(
        "Chilean troops have crossed into Tacna, Peru's defence ministry said. "
        "But in Arica the border stayed calm.",
        [("peru", "affirm", "troops_deployed:chile:tacna")],
    )


def test_an_office_named_with_its_country_after_an_outlet_is_no_back_reference() -> None:
    # "Dilansir kantor berita X, Kementerian Pertahanan Peru mengatakan": the ministry names its
    # country; it does not point back to the outlet; the outlet itself makes no claim.
    assert_claims(
        "Dilansir kantor berita AFP, Rabu (14/9/2022), Kementerian Pertahanan Peru mengatakan "
        "50 prajurit Peru tewas.",
        [("peru", "affirm", "casualties:peru:*")],
    )


def test_a_relative_clause_closing_with_the_verb_names_its_own_speaker() -> None:
    # "..., which Lima denied": Lima is the speaker, and what it denies is the statement before
    assert_claims(
        "Chile reported Peruvian strikes on Arica, which Lima denied.",
        [("chile", "affirm", "attack:peru:arica"), ("peru", "deny", "attack:peru:arica")],
    )


def test_an_indonesian_list_of_titled_members_speaks_for_each_member() -> None:
    # "PM Kanada, PM Inggris dan PM Australia": each title stands before its country
    found = claims_of("PM Kanada, PM Inggris dan PM Australia menyebut Iran menyerang Erbil.", "id")
    assert {p for p, _, _ in found} == {"canada", "united_kingdom", "australia"}


def test_an_english_plural_noun_after_said_is_no_verb_of_the_speaker() -> None:
    text = "The Afghan Taliban said airstrikes by Pakistani jets in eastern Khost province killed 20 people."
    ids = [c.proposition.id for c in extract_body(text, "en").claims]
    assert not [i for i in ids if i.startswith("attack:afghanistan")]  # the speaker killed no one
    assert [i for i in ids if i.startswith("attack:pakistan")]


def test_the_verb_after_a_relative_clause_has_the_clause_antecedent_as_subject() -> None:
    # "Sudan, which has denied ..., said": Sudan said it, not Chad named inside the clause
    text = "Sudan, which has denied sending troops to Chad, said the report was false."
    claims = extract_body(text, "en").claims
    assert len(claims) == 2
    assert {c.speaker.party for c in claims} == {"sudan"}


def test_an_indonesian_relative_clause_without_a_comma_before_yang_names_no_speaker() -> None:
    # "Seorang pejabat Sudan di Darfur yang berbatasan dengan Chad, mengatakan": the official speaks
    text = (
        "Seorang pejabat Sudan di Darfur yang berbatasan dengan Chad, mengatakan pasukan Chad telah "
        "menembakkan roket."
    )
    assert {c.speaker.party for c in extract_body(text, "id").claims} == {"sudan"}
