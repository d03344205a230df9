"""streams/core/backrefs.py: speakers named by what points back (a role, a pronoun, "the agency",
a surname, "the statement said")."""

from __future__ import annotations

import pytest

from tests.unit.core.helpers import assert_claims, claims_of, extract_body, frame_claims

NK_IN_RUSSIA = "troops_deployed:north_korea:russia"


def test_a_pronoun_speaker_resolves_to_the_last_person() -> None:
    assert_claims(
        "Volodymyr Zelensky spoke to reporters in Kyiv on Thursday. He said about 8,000 North "
        "Korean soldiers were already in the Kursk region.",
        [("ukraine", "affirm", "troops_deployed:north_korea:kursk")],
    )


def test_he_is_never_a_state_named_as_a_whole() -> None:
    # "Beijing said ... He said": "he" is someone the excerpt did not name, not China.
    assert_claims(
        "Beijing mengatakan kapal Filipina menabrak kapal China di Beting Sabina. Ia mengatakan bahwa "
        "kapal Filipina sengaja menabrak kapal China.",
        [
            ("china", "affirm", "attack>china:philippines:sabina_shoal"),
            (None, "affirm", "attack>china:philippines:*"),
        ],
    )


def test_a_bare_role_after_a_quote_is_not_an_actor_named_inside_the_quote() -> None:
    assert_claims(
        "Kepala Staf Gabungan Korea Selatan mengatakan tentara Korea Utara telah dikirim ke Rusia.\n"
        '"Bantahan militer Korea Utara soal pengiriman itu tidak benar," demikian pernyataan kepala '
        "staf itu, Senin.",
        [("south_korea", "affirm", NK_IN_RUSSIA), ("south_korea", "affirm", NK_IN_RUSSIA)],
    )


def test_a_bare_role_after_a_quote_speaks_for_the_earlier_actor() -> None:
    ex = extract_body(
        "Kepala Staf Gabungan Korea Selatan mengatakan tentara Korea Utara telah dikirim ke Rusia.\n"
        '"Bantahan militer Korea Utara soal pengiriman itu tidak benar," demikian pernyataan kepala '
        "staf itu, Senin."
    )
    assert {c.speaker.party for c in ex.claims} == {"south_korea"}


def test_a_bare_role_prefers_the_actor_that_spoke_over_one_merely_named() -> None:
    ex = extract_body(
        "Staf Umum Angkatan Bersenjata Ukraina mengatakan pertempuran di Kursk masih berlangsung.\n"
        "Sebelumnya, Presiden AS Donald Trump menyebut ribuan tentara Ukraina dikepung oleh militer Rusia.\n"
        "Staf Umum menepis klaim tersebut."
    )
    later = [a.speaker for a in ex.attributions if a.speaker is not None and a.speaker.text == "Staf Umum"]
    assert later and all(s.party == "ukraine" for s in later)
    assert [(c.speaker.party, c.stance, c.proposition.id) for c in frame_claims(ex)] == [
        ("ukraine", "affirm", "fighting_ongoing:*:kursk")
    ]


def test_a_role_after_a_scene_change_does_not_inherit_the_previous_subject() -> None:
    assert_claims(
        "Moscow has dismissed the reports as fabrications.\n"
        "At a briefing in Geneva, spokesman Piet Vandermeer said the agency had no way of "
        "independently verifying the presence of North Korean troops in Russia.",
        [(None, "noncommittal", NK_IN_RUSSIA)],
    )


def test_a_name_after_an_office_is_the_antecedent_of_a_surname() -> None:
    assert_claims(
        "Menteri Pertahanan Korea Selatan Kim Yong-hyun mengatakan tentara Korea Utara telah tiba di Kursk.\n"
        '"Tentara Korea Utara sudah terlibat dalam pertempuran di Kursk," kata Kim kepada wartawan.',
        [
            ("south_korea", "affirm", "troops_deployed:north_korea:kursk"),
            ("south_korea", "affirm", "troops_in_combat:north_korea:kursk"),
        ],
    )


def test_our_intelligence_in_an_interview_answer_is_the_interviewees_side() -> None:
    assert_claims(
        "Kepada wartawan, Duta Besar Ukraina untuk Indonesia menjelaskan temuan pemerintahnya.\n"
        "Berapa banyak tentara Korea Utara yang kini berada di Rusia?\n"
        "Intelijen kami memperkirakan hingga 10.000 tentara Korea Utara sedang berlatih di wilayah "
        "Timur Jauh Rusia.",
        [("ukraine", "affirm", "troops_deployed:north_korea:russian_far_east")],
    )


def test_the_ministry_points_back_to_the_ministry_named_last_even_if_it_did_not_speak() -> None:
    assert_claims(
        "Kementerian Pertahanan Rusia mengklaim pasukannya telah merebut kembali kota Sudzha.\n"
        "Kementerian Pertahanan Inggris juga merevisi perkiraannya. Dalam laporan terbarunya, kementerian "
        "itu memperkirakan sekitar 4.800 tentara Korea Utara tewas atau terluka di Kursk.",
        [
            ("russia", "affirm", "territory_recaptured:russia:sudzha"),
            ("united_kingdom", "affirm", "casualties:north_korea:kursk"),
        ],
    )


def test_the_statement_said_speaks_for_the_institution_that_issued_it() -> None:
    ex = extract_body(
        "North Korea's Central Military Commission said its units had fought in Kursk. "
        '"The operations to liberate the Kursk region were victoriously concluded," the statement said.'
    )
    later = [
        a.speaker for a in ex.attributions if a.speaker is not None and a.speaker.text == "the statement"
    ]
    assert later and later[0].party == "north_korea"
    assert [(c.speaker.party, c.stance, c.proposition.event) for c in ex.claims] == [
        ("north_korea", "affirm", "troops_in_combat"),
        ("north_korea", "affirm", "other"),  # the quoted words: no known class, kept as an open claim
    ]


def test_an_office_after_the_name_gives_the_party() -> None:
    assert_claims(
        "The presence of North Korean soldiers in the Kursk region was also confirmed by Anna Lindqvist, "
        "the bloc's foreign policy chief, after a European Union summit.",
        [("european_union", "affirm", "troops_deployed:north_korea:kursk")],
    )


def test_a_role_for_a_named_body_speaks_for_its_side() -> None:
    assert_claims(
        "A spokesperson for the Vietnamese Navy said a Chinese vessel rammed a fishing boat.",
        [("vietnam", "affirm", "attack:china:*")],
    )


def test_a_role_word_ending_a_partys_body_speaks_for_that_party() -> None:
    assert_claims(
        "A spokesperson for Georgia’s Main Directorate of Intelligence said Russian drones hit the "
        "Enguri dam.",
        [("georgia", "affirm", "attack:russia:*")],
    )


def test_he_after_a_quote_naming_a_party_is_the_last_speaker() -> None:
    # '"Russian strikes ...," he said': the party inside the quote is not the one speaking.
    assert_claims(
        "“Georgia did not shell Tskhinvali,” Giorgi Beridze, a spokesman for Georgia’s interior ministry, "
        "told reporters.\n“Russian strikes on the town are a well-known practice of the occupiers,” he said.",
        [("georgia", "affirm", "attack:russia:*")],
    )


def test_the_country_is_the_state_the_sentence_opened_with() -> None:
    assert_claims(
        "Serbia's army shelled a Kosovar border post, the country has finally admitted.",
        [("serbia", "affirm", "attack>kosovo:serbia:*")],
    )
    assert_claims(
        "Kenya's army said the border was calm. The country said Somali militants shelled Mandera.",
        [("kenya", "affirm", "attack:somalia:mandera")],
    )


def test_the_groups_spokesperson_speaks_for_the_armed_group_last_named() -> None:
    assert_claims(
        "Hezbollah fired rockets at Haifa, the group's military spokesperson, Ali Hassan, said on Monday.",
        [("hezbollah", "affirm", "attack:hezbollah:haifa")],
    )
    assert_claims(
        "Hizbullah menembakkan roket ke Haifa, kata juru bicara militer kelompok tersebut.",
        [("hezbollah", "affirm", "attack:hezbollah:haifa")],
        "id",
    )


def test_a_name_after_a_persons_own_name_is_someone_else() -> None:
    # "... with Ukrainian President Volodymyr Zelenskyy, Noboa said": a later "Daniel Noboa" is
    # not Zelenskyy (a name after a person's own name is no part of it)
    ex = extract_body(
        "At a joint press conference with Ukrainian President Volodymyr Zelenskyy, Noboa said talks went "
        "well. On Monday, Daniel Noboa accused Colombia of shelling the border."
    )
    parties = [(a.speaker.text, a.speaker.party) for a in ex.attributions if a.speaker is not None]
    assert ("Daniel Noboa", "ukraine") not in parties


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Ukraine's army held Kupiansk. Ukraine's president visited Kharkiv. Ukraine's government sent"
            " aid to Sumy. Russia's foreign minister Sergei Lavrov said Ukrainian troops shelled Belgorod."
            " The minister added that Ukrainian drones struck Kursk.",
            "en",
        ),
        (
            "Tentara Ukraina menahan Kupiansk. Presiden Ukraina mengunjungi Kharkiv. Pemerintah Ukraina"
            " mengirim bantuan ke Sumy. Menteri Luar Negeri Rusia Sergei Lavrov mengatakan pasukan Ukraina"
            " menembaki Belgorod. Menteri itu menambahkan bahwa drone Ukraina menyerang Kursk.",
            "id",
        ),
    ],
)
def test_a_bare_minister_is_the_minister_named_before_not_the_home_state_s(body: str, lang: str) -> None:
    assert ("russia", "affirm", "attack:ukraine:kursk") in claims_of(body, lang)


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Clashes spread overnight, the mayor's office said. Clashes in the south were reported, with"
            " heavy clashes near the port.",
            "en",
        ),
        ("Monday said the militia had left the town.", "en"),
        (
            "Sebaliknya mereka menyebut laporan itu keliru. Pemerintah, sebaliknya, mengatakan laporan itu"
            " benar.",
            "id",
        ),
    ],
)
def test_a_capitalised_common_word_opening_a_sentence_is_nobody(body: str, lang: str) -> None:
    # the same word in lower case elsewhere, or a day's name: a sentence opener, not a speaker
    speakers = [c.speaker.text for c in extract_body(body, lang).claims]
    assert not {"Clashes", "Monday", "Sebaliknya"} & set(speakers), speakers


def test_an_office_named_with_the_city_it_sits_in_is_that_states() -> None:
    kyiv = "Kementerian Pertahanan di Kyiv mengatakan pasukan Rusia menyerang Kharkiv."
    assert [c.speaker.party for c in extract_body(kyiv, "id").claims] == ["ukraine"]
    seat = "The foreign ministry in Phnom Penh said Thai troops shelled the village."
    assert [c.speaker.party for c in extract_body(seat, "en").claims] == ["cambodia"]
    region = "Authorities in Azerbaijan's breakaway region said they shelled the airport."
    assert "azerbaijan" not in [c.speaker.party for c in extract_body(region, "en").claims]


@pytest.mark.parametrize(
    ("body", "lang", "adverb"),
    [
        ("Initially, investigators said the bombs were set off remotely.", "en", "Initially"),
        ("Awalnya, tim penyelidik menyatakan bom itu diledakkan dari jauh.", "id", "Awalnya"),
        ("Kendati menyebut pelakunya orang asing, Eduardo tidak memberi bukti.", "id", "Kendati"),
    ],
)
def test_a_word_opening_the_sentence_is_no_speakers_name(body: str, lang: str, adverb: str) -> None:
    speakers = [a.speaker.text for a in extract_body(body, lang).attributions if a.speaker is not None]
    assert adverb not in speakers
