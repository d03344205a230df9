"""streams/core/attribution.py: a cue's speaker and the span of what was said."""

from __future__ import annotations

import pytest

from tests.unit.core.helpers import assert_claims, extract_body

NK_IN_RUSSIA = "troops_deployed:north_korea:russia"


def test_menurut_opens_the_statement_with_a_hedged_figure() -> None:
    ex = extract_body(
        "Menurut Kementerian Pertahanan Korea Selatan, sekitar 3.000 tentara Korea Utara "
        "telah diberangkatkan ke Rusia pekan ini."
    )
    assert ex.language == "id"
    [c] = ex.claims
    assert (c.speaker.party, c.stance, c.proposition.id) == ("south_korea", "affirm", NK_IN_RUSSIA)
    assert c.quantity is not None and c.quantity.low is not None and c.quantity.high is not None
    assert c.quantity.low < 3000 < c.quantity.high  # "sekitar" widens the figure


@pytest.mark.parametrize(
    "body",
    [
        "Menurut Kementerian Pertahanan Korea Selatan, Korea Utara mengirim sekitar 3.000 tentara ke Rusia.",
        "According to South Korea's defence ministry, North Korea has sent about 3,000 troops to Russia.",
    ],
)
def test_a_name_after_the_according_phrase_opens_the_statement(body: str) -> None:
    assert_claims(body, [("south_korea", "affirm", NK_IN_RUSSIA)])


def test_a_passive_confirmation_names_the_confirming_party() -> None:
    assert_claims(
        "The arrival of North Korean soldiers in the Kursk region was confirmed on Monday by "
        "the Pentagon, which said it had tracked their movement for weeks.",
        [("united_states", "affirm", "troops_deployed:north_korea:kursk")],
    )


def test_an_appositive_name_after_the_office_is_still_the_speaker() -> None:
    ex = extract_body(
        "Korea Utara telah mengirim tentara ke Rusia, kata Sekretaris Jenderal NATO, Mark Rutte, "
        "kepada wartawan."
    )
    assert [(c.speaker.party, c.proposition.id) for c in ex.claims] == [("nato", NK_IN_RUSSIA)]
    assert all("Rutte" in c.speaker.text for c in ex.claims)


def test_a_jawabnya_answer_comes_from_the_office_asked_in_the_previous_sentence() -> None:
    assert_claims(
        "Rutte mengatakan tentara Korea Utara kini bertempur di Kursk.\n"
        "Di Beijing, juru bicara Kementerian Luar Negeri China ditanya wartawan soal tudingan itu. "
        '"Saya tidak mengetahui situasi yang Anda sebutkan," jawabnya.',
        [
            ("nato", "affirm", "troops_in_combat:north_korea:kursk"),
            ("china", "noncommittal", "troops_in_combat:north_korea:*"),
        ],
    )


def test_a_quote_before_said_x_is_the_content() -> None:
    assert_claims(
        '"North Korean soldiers are already in Kursk," Zelensky said.',
        [("ukraine", "affirm", "troops_deployed:north_korea:kursk")],
    )


def test_whom_it_was_told_to_is_not_who_spoke() -> None:
    # "told Moldovan reporters": Moldova is the audience; the Transnistrian spokesman has no party here.
    assert_claims(
        "“Moldovan troops shelled the village of Varnita,” Ion Popescu, a spokesman for Transnistria's "
        "army, told Moldovan reporters.",
        [(None, "affirm", "attack:moldova:varnita")],
    )


def test_the_source_an_outlet_cites_after_its_verb_makes_the_claim() -> None:
    """ "P, Yonhap reported, citing X": the outlet reports; X said P. After a party's own verb the
    participle only adds where its information came from."""
    assert_claims(
        "Belarusian troops have crossed into Lithuania, Reuters reported, citing Polish officials.",
        [("poland", "affirm", "troops_deployed:belarus:lithuania")],
    )
    assert_claims(
        "Belarusian troops entered Lithuania, Lithuania's president said, citing intelligence data.",
        [("lithuania", "affirm", "troops_deployed:belarus:lithuania")],
    )


def test_in_indonesian_the_speaker_follows_kata_not_the_name_before_it() -> None:
    """ "…, termasuk Abu Shouk, kata juru bicara …": the name before the verb belongs to what was
    said; the speaker is named after "kata"."""
    claims = extract_body(
        "Pasukan Sudan menembaki kamp itu, termasuk Abu Shouk, kata juru bicara militer Chad.", "id"
    ).claims
    assert [(c.speaker.text, c.speaker.party) for c in claims] == [("juru bicara militer Chad", "chad")]


def test_a_person_named_inside_the_quote_is_not_who_added_it() -> None:
    # '“We did not attack President Deby ...,” tambahnya': the minister added it, not Deby
    assert_claims(
        "Menteri Luar Negeri Sudan Ali Karti membantah tuduhan itu. “Kami tidak menyerang Presiden "
        "Idriss Deby. Kami tidak punya senjata untuk itu,” tambahnya.",
        [("sudan", "deny", "attack:sudan:*")],
        "id",
    )


def test_a_pronoun_after_according_to_is_the_subject_opening_its_sentence() -> None:
    # "Seoul membantah ... karena menurut mereka ...": "mereka" is Seoul, not Tokyo who spoke last
    text = (
        "Menteri Pertahanan Jepang memprotes aksi kapal perang Korea Selatan. Meskipun begitu, Pemerintah "
        "Korea Selatan membantah dengan tegas tuduhan itu karena menurut mereka kapal perangnya hanya "
        "melakukan kegiatan rutin."
    )
    parties = [c.speaker.party for c in extract_body(text, "id").claims]
    assert parties == ["japan", "south_korea"]
