"""Extractor behaviour on short articles written for these tests (not the seeds, not the corpus)."""

from __future__ import annotations

from datetime import datetime

import pytest

from schemas import Article
from streams.core.extract import Extraction, extract

PUB = datetime.fromisoformat("2024-11-08T09:00:00+07:00")


def extract_body(body: str, lang: str | None = None) -> Extraction:
    return extract(Article(id="t", outlet="Test", body=body, published_at=PUB, language=lang))


def claims_of(body: str, lang: str | None = None) -> list[tuple[str | None, str, str]]:
    return [(c.speaker.party, c.stance, c.proposition.id) for c in extract_body(body, lang).claims]


def test_menurut_with_hedged_figure_in_indonesian() -> None:
    ex = extract_body(
        "Menurut Kementerian Pertahanan Korea Selatan, sekitar 3.000 tentara Korea Utara "
        "telah diberangkatkan ke Rusia pekan ini."
    )
    assert ex.language == "id"
    [c] = ex.claims
    assert (c.speaker.party, c.stance, c.proposition.id) == (
        "south_korea",
        "affirm",
        "troops_deployed:north_korea:russia",
    )
    assert c.quantity is not None and c.quantity.low is not None and c.quantity.high is not None
    assert c.quantity.low < 3000 < c.quantity.high  # "sekitar" widens the figure


def test_english_passive_confirmation_names_the_confirming_party() -> None:
    got = claims_of(
        "The arrival of North Korean soldiers in the Kursk region was confirmed on Monday by "
        "the Pentagon, which said it had tracked their movement for weeks."
    )
    assert ("united_states", "affirm", "troops_deployed:north_korea:kursk") in got


@pytest.mark.parametrize(
    "body",
    [
        'The Kremlin dismissed reports of a North Korean troop deployment to Russia as "fake news".',
        "Juru bicara Kremlin Dmitry Peskov menepis kabar pengerahan tentara Korea Utara "
        "ke Rusia sebagai hoaks.",
    ],
)
def test_dismissals_are_denials(body: str) -> None:
    got = claims_of(body)
    assert got and all(p == "russia" and s == "deny" for p, s, _ in got)
    assert any(pid.startswith("troops_deployed:north_korea:") for _, _, pid in got)


@pytest.mark.parametrize(
    "body",
    [
        "Putin did not deny that North Korean troops were in Russia.",
        "Presiden Vladimir Putin tidak membantah bahwa tentara Korea Utara berada di Rusia.",
        "A Pentagon spokesman said he could not confirm that North Korean soldiers were fighting in Kursk.",
    ],
)
def test_not_denying_or_not_confirming_is_noncommittal(body: str) -> None:
    got = claims_of(body)
    assert got and all(s == "noncommittal" for _, s, _ in got)


@pytest.mark.parametrize(
    "body",
    [
        "Ukraine's foreign minister warned that North Korean troops will be deployed "
        "to the front within weeks.",
        "Kyiv memperingatkan bahwa tentara Korea Utara akan segera dikerahkan ke garis depan.",
        "Analysts said Pyongyang could send more troops if Moscow asked.",
    ],
)
def test_predictions_and_conditionals_are_not_claims(body: str) -> None:
    assert claims_of(body) == []


def test_pronoun_speaker_resolves_to_the_last_person() -> None:
    got = claims_of(
        "Volodymyr Zelensky spoke to reporters in Kyiv on Thursday. He said about 8,000 North "
        "Korean soldiers were already in the Kursk region."
    )
    assert ("ukraine", "affirm", "troops_deployed:north_korea:kursk") in got


def test_unknown_speakers_are_kept_without_a_party() -> None:
    ex = extract_body(
        "A military analyst at a Seoul think tank said North Korean troops were "
        "stationed in the Kursk region."
    )
    assert ex.claims and all(c.speaker.party is None for c in ex.claims)


def test_south_korea_is_not_north_korea() -> None:
    got = claims_of(
        "Seoul said South Korean troops were not deployed to Ukraine, and that North Korean troops "
        "were in Russia."
    )
    agents = {pid.split(":")[1] for _, _, pid in got}
    assert "north_korea" in agents
    assert all(p == "south_korea" for p, _, _ in got)


def test_noise_lines_are_dropped_and_spans_point_into_the_cleaned_text() -> None:
    body = (
        "Baca juga: Korut Kirim 12.000 Tentara ke Rusia, Kata Kyiv\n"
        "Intelijen Pertahanan Ukraina mengatakan tentara Korea Utara sudah tiba di wilayah Kursk.\n"
        "MEMBACA Rusia bantah kirim tentara\n"
        "pic.twitter.com/abcdEFG123\n"
    )
    ex = extract(Article(id="t", outlet="T", body=body, published_at=PUB))
    assert "Baca juga" not in ex.text and "MEMBACA" not in ex.text and "pic.twitter" not in ex.text
    assert [c.speaker.party for c in ex.claims] == ["ukraine"]
    for c in ex.claims:
        assert ex.text[c.span.start : c.span.end] == c.quote


def test_unrelated_uses_of_the_vocabulary_make_no_claims() -> None:
    assert claims_of("Polisi mengatakan 2.000 personel dikerahkan untuk mengamankan konser di Jakarta.") == []
    assert claims_of("The minister denied reports that he had accepted bribes from a contractor.") == []
    assert claims_of("Officials said floods killed 12 people in Central Java on Tuesday.") == []


def test_event_time_follows_the_weekday_named_in_the_sentence() -> None:
    ex = extract_body(
        "NATO Secretary General Mark Rutte said on Monday that North Korean troops had been sent to Russia."
    )
    assert ex.claims and all(c.event_time.date().isoformat() == "2024-11-04" for c in ex.claims)


def test_a_bare_role_after_a_quote_is_not_an_actor_named_inside_the_quote() -> None:
    claims = claims_of(
        "Kepala Staf Gabungan Korea Selatan mengatakan tentara Korea Utara telah dikirim ke Rusia.\n"
        '"Bantahan militer Korea Utara soal pengiriman itu tidak benar," demikian pernyataan kepala '
        "staf itu, Senin."
    )
    assert {party for party, _, _ in claims} == {"south_korea"}


def test_a_bare_role_prefers_the_actor_that_spoke_over_one_merely_named() -> None:
    ex = extract_body(
        "Staf Umum Angkatan Bersenjata Ukraina mengatakan pertempuran di Kursk masih berlangsung.\n"
        "Sebelumnya, Presiden AS Donald Trump menyebut ribuan tentara Ukraina dikepung oleh militer Rusia.\n"
        "Staf Umum menepis klaim tersebut."
    )
    later = [a.speaker for a in ex.attributions if a.speaker is not None and a.speaker.text == "Staf Umum"]
    assert later and all(s.party == "ukraine" for s in later)


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
    claims = claims_of(body)
    assert ("russia", "affirm", "territory_recaptured:russia:sudzha") in claims
    assert ("ukraine", "affirm", "fighting_ongoing:*:sudzha") in claims
    ukraine_denies = {prop for party, stance, prop in claims if party == "ukraine" and stance == "deny"}
    assert ukraine_denies and all(prop.startswith("territory_recaptured:russia") for prop in ukraine_denies)


def test_the_claim_of_a_named_party_is_what_that_party_claimed() -> None:
    # The last frame described is fighting going on, but "klaim Moskow" is Moscow's recapture claim.
    claims = claims_of(
        "Kyiv - Militer Ukraina membantah klaim Moskow bahwa kota Sudzha telah direbut kembali oleh "
        "pasukan Rusia. Militer Ukraina mengatakan pertempuran di Sudzha masih berlangsung.\n"
        'Menteri Luar Negeri Ukraina Andrii Sybiha menyebut klaim Moskow soal Sudzha sebagai "propaganda".'
    )
    assert claims.count(("ukraine", "deny", "territory_recaptured:russia:sudzha")) == 2
    assert ("ukraine", "deny", "fighting_ongoing:*:sudzha") not in claims


@pytest.mark.parametrize(
    "body",
    [
        "Juru bicara Kremlin Dmitry Peskov menyatakan tidak ada satu pun tentara Korea Utara yang "
        "dikirim ke Rusia.",
        "Kremlin spokesman Dmitry Peskov said there were not any North Korean troops in Russia.",
    ],
)
def test_a_negator_that_swallows_the_trigger_still_negates_it(body: str) -> None:
    stances = {s for p, s, prop in claims_of(body) if prop.startswith("troops_deployed:north_korea")}
    assert stances == {"deny"}


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
    assert ex.claims and not any(cue.startswith("recap:") for c in ex.claims for cue in c.cues)


def test_a_role_after_a_scene_change_does_not_inherit_the_previous_subject() -> None:
    claims = claims_of(
        "Moscow has dismissed the reports as fabrications.\n"
        "At a briefing in Geneva, spokesman Piet Vandermeer said the agency had no way of "
        "independently verifying the presence of North Korean troops in Russia."
    )
    assert (None, "noncommittal", "troops_deployed:north_korea:russia") in claims
    assert not any(party == "russia" and stance != "deny" for party, stance, _ in claims)


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
    stances = {s for p, s, prop in claims_of(body) if p == "russia" and prop.startswith("weapons_supplied")}
    assert stances == {"deny"}


def test_the_subject_of_the_verb_owns_its_possessive_troops() -> None:
    claims = claims_of("Korea Utara telah memindahkan sekitar 3.000 tentaranya ke wilayah Kursk, kata NATO.")
    assert ("nato", "affirm", "troops_deployed:north_korea:kursk") in claims
    assert not any(prop.startswith("troops_deployed:nato") for _, _, prop in claims)


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
    assert ("united_states", "affirm", "weapons_supplied:north_korea:russia") in claims_of(body)


def test_a_place_after_determiners_and_place_nouns_is_found() -> None:
    claims = claims_of(
        "North Korea has moved about 2,000 soldiers to the Russian port city of Vladivostok, "
        "South Korea's spy agency said on Friday."
    )
    assert ("south_korea", "affirm", "troops_deployed:north_korea:vladivostok") in claims


@pytest.mark.parametrize(
    "body",
    [
        "Zelensky said North Korea was preparing to send 5,000 more troops to Russia.",
        "Zelensky mengatakan Korea Utara tengah bersiap mengirim 5.000 tentara lagi ke Rusia.",
    ],
)
def test_preparing_to_send_is_not_a_deployment(body: str) -> None:
    assert claims_of(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Menurut Kementerian Pertahanan Korea Selatan, Korea Utara mengirim sekitar 3.000 tentara ke Rusia.",
        "According to South Korea's defence ministry, North Korea has sent about 3,000 troops to Russia.",
    ],
)
def test_a_name_after_the_according_phrase_opens_the_statement(body: str) -> None:
    assert ("south_korea", "affirm", "troops_deployed:north_korea:russia") in claims_of(body)


def test_an_appositive_name_after_the_office_is_still_the_speaker() -> None:
    ex = extract_body(
        "Korea Utara telah mengirim tentara ke Rusia, kata Sekretaris Jenderal NATO, Mark Rutte, "
        "kepada wartawan."
    )
    assert [c.speaker.text for c in ex.claims] and all("Rutte" in c.speaker.text for c in ex.claims)


@pytest.mark.parametrize(
    "body",
    [
        "At least 300 North Korean soldiers have been killed and more than 2,000 wounded in Kursk, "
        "Ukraine's military intelligence said.",
        "Intelijen militer Ukraina mengatakan sedikitnya 300 tentara Korea Utara tewas dan lebih dari "
        "2.000 lainnya terluka di Kursk.",
    ],
)
def test_the_first_of_coordinated_figures_counts_what_is_named_with_it(body: str) -> None:
    [c] = [c for c in extract_body(body).claims if c.proposition.event == "casualties"]
    assert c.quantity is not None and c.quantity.low == 300 and c.quantity.measure == "killed"


@pytest.mark.parametrize(
    "body",
    [
        "Wakil Menteri Luar Negeri Korea Utara membantah bahwa negaranya telah mengirim tentara ke Rusia.",
        "North Korea's vice foreign minister denied that his country had sent troops to Russia.",
    ],
)
def test_the_speakers_own_country_is_the_sender(body: str) -> None:
    assert ("north_korea", "deny", "troops_deployed:north_korea:russia") in claims_of(body)


def test_the_same_region_points_to_the_last_place_not_to_a_government_named_since() -> None:
    claims = claims_of(
        "Badan intelijen Korea Selatan mengatakan sekitar 100 tentara Korea Utara tewas di wilayah Kursk.\n"
        "Angka itu jauh di bawah perkiraan Kyiv. Intelijen militer Ukraina mengatakan sedikitnya 400 "
        "tentara Korea Utara tewas di wilayah yang sama."
    )
    assert ("ukraine", "affirm", "casualties:north_korea:kursk") in claims


def test_freed_is_a_recapture() -> None:
    claims = claims_of('"The Kursk region has been completely freed by the Russian army," the Kremlin said.')
    assert ("russia", "affirm", "territory_recaptured:russia:kursk") in claims


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
    assert ("north_korea", "deny", "weapons_supplied:north_korea:russia") in claims_of(body)


@pytest.mark.parametrize(
    "body",
    [
        "Presiden Korea Selatan mengatakan Seoul tidak menutup kemungkinan memasok senjata ke Ukraina.",
        "Presiden Korea Selatan mengatakan Seoul akan memasok senjata ke Ukraina bila Pyongyang terus "
        "mengirim pasukan.",
        "South Korea's president said Seoul did not rule out supplying weapons to Ukraine.",
    ],
)
def test_not_ruling_out_and_conditionals_are_not_claims(body: str) -> None:
    assert claims_of(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Pengamat militer dari Universitas Kyungnam, Lim Eul-chul, menilai jumlah tentara Korea Utara di "
        "Rusia sudah mencapai 11.000.",
        "Military analyst Lim Eul-chul of Kyungnam University said the number of North Korean troops in "
        "Russia had reached 11,000.",
    ],
)
def test_a_military_analyst_is_not_a_military(body: str) -> None:
    # A military spoke first: a bare "militer" could otherwise point back to it.
    lead = "Komisi Militer Pusat Korea Utara menyatakan pasukannya telah dikirim ke Rusia.\n"
    analyst = [c for c in extract_body(lead + body).claims if "11" in c.quote]
    assert analyst and all(c.speaker.party is None for c in analyst)


@pytest.mark.parametrize(
    "body",
    [
        "Russia's foreign ministry warned that supplying weapons to Ukraine would destroy relations "
        "with Seoul.",
        "Kremlin memperingatkan bahwa pengiriman senjata ke Ukraina akan merusak hubungan kedua negara.",
    ],
)
def test_a_nominal_trigger_under_a_modal_is_hypothetical(body: str) -> None:
    assert claims_of(body) == []


def test_dead_and_wounded_is_one_casualty_claim() -> None:
    claims = claims_of(
        "Ukraine's military intelligence said thousands of North Koreans were dead and wounded in Kursk."
    )
    assert claims == [("ukraine", "affirm", "casualties:north_korea:kursk")]


@pytest.mark.parametrize(
    "body",
    [
        "Pyongyang has also sent Russia dozens of short-range ballistic missiles, Ukraine's military "
        "intelligence said.",
        "Ukraine's military intelligence said Pyongyang had supplied Russia with multiple rocket launchers.",
    ],
)
def test_a_recipient_right_after_the_supply_verb_is_the_place(body: str) -> None:
    assert ("ukraine", "affirm", "weapons_supplied:north_korea:russia") in claims_of(body)


def test_artillery_and_rocket_ammunition_keeps_its_recipient() -> None:
    claims = claims_of(
        "North Korea shipped at least 9 million rounds of artillery and rocket ammunition to Russia last "
        "year, the Japanese government said."
    )
    assert ("japan", "affirm", "weapons_supplied:north_korea:russia") in claims


def test_a_short_time_after_the_verb_leaves_the_statement_before_the_speaker() -> None:
    claims = claims_of(
        "North Korea has shipped artillery shells and short-range ballistic missiles to Russia, "
        "South Korea's national security adviser said Sunday, adding that talks with Washington continued."
    )
    assert ("south_korea", "affirm", "weapons_supplied:north_korea:russia") in claims


def test_the_owner_after_the_object_of_a_nominal_trigger_is_the_agent() -> None:
    claims = claims_of(
        "Duta Besar Korea Selatan menyebut pengiriman amunisi Korut ke Rusia telah mencapai 20.000 kontainer."
    )
    assert ("south_korea", "affirm", "weapons_supplied:north_korea:russia") in claims


def test_an_accusation_with_menuding_is_a_claim() -> None:
    claims = claims_of("Jepang secara terbuka menuding Korea Utara memasok rudal balistik kepada Rusia.")
    assert ("japan", "affirm", "weapons_supplied:north_korea:russia") in claims


def test_a_noncommittal_answer_with_only_an_adverb_is_about_the_topic() -> None:
    claims = claims_of(
        "Amerika Serikat mengatakan Korea Utara telah memasok jutaan peluru artileri kepada Rusia.\n"
        "Duta Besar Korea Utara untuk PBB tidak membantah secara langsung."
    )
    assert ("north_korea", "noncommittal", "weapons_supplied:north_korea:*") in claims


def test_a_name_after_an_office_is_the_antecedent_of_a_surname() -> None:
    claims = claims_of(
        "Menteri Pertahanan Korea Selatan Kim Yong-hyun mengatakan tentara Korea Utara telah tiba di Kursk.\n"
        '"Tentara Korea Utara sudah terlibat dalam pertempuran di Kursk," kata Kim kepada wartawan.'
    )
    assert ("south_korea", "affirm", "troops_in_combat:north_korea:kursk") in claims


@pytest.mark.parametrize(
    "body",
    [
        'Ukraina menyebut unit-unit pertama Korut di Kursk sudah "berada di bawah tembakan" pasukan Ukraina.',
        "Ukraine said the first North Korean units in Kursk had come under fire from Ukrainian forces.",
    ],
)
def test_troops_under_fire_are_the_ones_in_combat(body: str) -> None:
    claims = claims_of(body)
    assert ("ukraine", "affirm", "troops_in_combat:north_korea:kursk") in claims
    assert not any(prop.startswith("troops_in_combat:ukraine") for _, _, prop in claims)


def test_more_than_is_a_bound_not_additional_troops() -> None:
    [c] = [
        c
        for c in extract_body(
            "More than 10,000 North Korean soldiers have been sent to Russia, the Pentagon said."
        ).claims
        if c.quantity is not None
    ]
    assert c.quantity is not None and c.quantity.measure == "troops_deployed" and c.quantity.low == 10000


@pytest.mark.parametrize(
    "body",
    [
        "Korea Selatan mengirimkan sekitar 300 personel marinir yang tiba di Pangkalan Utama Surabaya "
        "untuk latihan gabungan, kata juru bicara TNI AL.",
        "South Korea has sent 250 soldiers to Lebanon to join the United Nations peacekeeping force, "
        "the defence ministry said.",
    ],
)
def test_troops_sent_somewhere_the_gazetteer_does_not_know_are_not_the_tracked_story(body: str) -> None:
    assert claims_of(body) == []


def test_neither_confirm_nor_deny_is_noncommittal() -> None:
    claims = claims_of(
        'The Kremlin will "neither confirm nor deny" reports that North Korean soldiers are fighting in '
        "Kursk, spokesman Dmitry Peskov told reporters."
    )
    assert claims == [("russia", "noncommittal", "troops_in_combat:north_korea:kursk")]


def test_declining_to_comment_on_an_estimate_is_noncommittal() -> None:
    claims = claims_of(
        "Kementerian Pertahanan Inggris memperkirakan sekitar 4.000 tentara Korea Utara tewas atau terluka "
        "di Kursk.\nStaf Umum Ukraina menolak mengomentari perkiraan Inggris tersebut."
    )
    # "perkiraan Inggris" is the UK's estimate: the Kursk figure.
    assert ("ukraine", "noncommittal", "casualties:north_korea:kursk") in claims
    assert not any(party == "ukraine" and stance == "deny" for party, stance, _ in claims)


def test_first_battles_with_troops_is_combat() -> None:
    claims = claims_of(
        'President Volodymyr Zelensky said "the first battles with North Korean soldiers open a new page '
        'of instability in the world."'
    )
    assert ("ukraine", "affirm", "troops_in_combat:north_korea:*") in claims


@pytest.mark.parametrize(
    "body",
    [
        "Ukraine's army said the first clashes with North Korean soldiers took place near Sudzha.",
        "Militer Ukraina mengatakan pertempuran pertama dengan tentara Korea Utara terjadi di dekat Sudzha.",
    ],
)
def test_the_other_side_of_a_clash_is_in_combat_too(body: str) -> None:
    agents = {prop.split(":")[1] for _, _, prop in claims_of(body) if prop.startswith("troops_in_combat")}
    assert agents == {"north_korea"}


def test_an_ally_fought_alongside_is_not_the_one_in_combat() -> None:
    agents = {
        prop.split(":")[1]
        for _, _, prop in claims_of(
            'Putin said "the Korean friends" had fought alongside Russian troops in Kursk, the Kremlin said.'
        )
        if prop.startswith("troops_in_combat")
    }
    assert "russia" not in agents


def test_a_thousands_comma_is_not_a_clause_break() -> None:
    claims = claims_of(
        "Earlier this month, NATO's secretary general, Mark Rutte, said more than 10,000 North Korean "
        "troops had been sent to Russia."
    )
    assert ("nato", "affirm", "troops_deployed:north_korea:russia") in claims


def test_an_office_after_the_name_gives_the_party() -> None:
    claims = claims_of(
        "The presence of North Korean soldiers in the Kursk region was also confirmed by Anna Lindqvist, "
        "the bloc's foreign policy chief, after a European Union summit."
    )
    assert ("european_union", "affirm", "troops_deployed:north_korea:kursk") in claims


def test_a_postposed_speaker_after_the_last_comma_is_not_a_place_in_the_statement() -> None:
    claims = claims_of(
        "The troops remain stationed in the Kursk region, the National Intelligence Service said on "
        "Thursday. About 11,000 North Korean soldiers were sent to Russia last autumn, the agency added."
    )
    assert claims and all(party == "south_korea" for party, _, _ in claims)


def test_the_ministry_points_back_to_the_ministry_named_last_even_if_it_did_not_speak() -> None:
    claims = claims_of(
        "Kementerian Pertahanan Rusia mengklaim pasukannya telah merebut kembali kota Sudzha.\n"
        "Kementerian Pertahanan Inggris juga merevisi perkiraannya. Dalam laporan terbarunya, kementerian "
        "itu memperkirakan sekitar 4.800 tentara Korea Utara tewas atau terluka di Kursk."
    )
    assert ("united_kingdom", "affirm", "casualties:north_korea:kursk") in claims


def test_there_points_to_a_place_named_earlier_in_the_same_sentence() -> None:
    claims = claims_of(
        "On a visit to Russia's Kursk Oblast, Ukraine's army chief said about 1,000 North Korean troops "
        "had been killed there."
    )
    assert ("ukraine", "affirm", "casualties:north_korea:kursk") in claims


@pytest.mark.parametrize(
    "body",
    [
        '"There have been no signs of North Korean units in front-line combat for several weeks," '
        "South Korea's spy agency said.",
        'Badan intelijen Korea Selatan mengatakan "tidak ada tanda-tanda unit Korea Utara bertempur di garis '
        'depan" dalam beberapa pekan terakhir.',
    ],
)
def test_no_signs_of_is_a_negation(body: str) -> None:
    stances = {st for party, st, prop in claims_of(body) if prop.startswith("troops_in_combat")}
    assert stances == {"deny"}


def test_troops_of_an_earlier_combat_claim_own_a_later_deployment() -> None:
    claims = claims_of(
        "Badan intelijen Korea Selatan menyatakan pasukan Korea Utara kembali bertempur di Kursk.\n"
        "Badan itu juga memperkirakan setidaknya 1.000 tentara tambahan telah dikirim ke Rusia."
    )
    assert ("south_korea", "affirm", "troops_deployed:north_korea:russia") in claims


def test_troops_sent_to_operate_missiles_are_a_deployment_not_a_supply() -> None:
    claims = claims_of(
        "Menurut Kementerian Pertahanan Korea Selatan, Korea Utara telah mengirim personel militer ke "
        "wilayah pendudukan Ukraina untuk mengoperasikan rudal balistik."
    )
    assert not any(prop.startswith("weapons_supplied") for _, _, prop in claims)
    assert ("south_korea", "affirm", "troops_deployed:north_korea:ukraine") in claims


def test_a_claim_whose_owner_says_something_is_attributed_to_the_owner() -> None:
    claims = claims_of(
        "Angka itu jauh di bawah klaim intelijen Ukraina pekan lalu yang menyebut sekitar 1.000 tentara "
        "Korea Utara tewas di wilayah Kursk."
    )
    assert claims == [("ukraine", "affirm", "casualties:north_korea:kursk")]


def test_a_denied_claim_with_a_relative_clause_stays_denied() -> None:
    claims = claims_of(
        "Militer Ukraina membantah klaim Kementerian Pertahanan Rusia yang menyebut kota Sudzha telah "
        "direbut kembali oleh pasukan Rusia."
    )
    assert claims == [("ukraine", "deny", "territory_recaptured:russia:sudzha")]


def test_our_intelligence_in_an_interview_answer_is_the_interviewees_side() -> None:
    claims = claims_of(
        "Kepada wartawan, Duta Besar Ukraina untuk Indonesia menjelaskan temuan pemerintahnya.\n"
        "Berapa banyak tentara Korea Utara yang kini berada di Rusia?\n"
        "Intelijen kami memperkirakan hingga 10.000 tentara Korea Utara sedang berlatih di wilayah "
        "Timur Jauh Rusia."
    )
    assert ("ukraine", "affirm", "troops_deployed:north_korea:russian_far_east") in claims


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
    assert ("south_korea", "affirm", "troops_in_combat:north_korea:kursk") in claims_of(body)


def test_a_jawabnya_answer_comes_from_the_office_asked_in_the_previous_sentence() -> None:
    claims = claims_of(
        "Rutte mengatakan tentara Korea Utara kini bertempur di Kursk.\n"
        "Di Beijing, juru bicara Kementerian Luar Negeri China ditanya wartawan soal tudingan itu. "
        '"Saya tidak mengetahui situasi yang Anda sebutkan," jawabnya.'
    )
    assert any(party == "china" and stance == "noncommittal" for party, stance, _ in claims)


def test_estimates_of_is_a_noun_not_a_reporting_verb() -> None:
    ex = extract_body(
        "The Kremlin on Thursday dismissed Ukrainian and South Korean estimates of North Korean losses "
        'as "propaganda".'
    )
    assert [a.cue.text for a in ex.attributions] == ["dismissed"]


def test_the_statement_said_speaks_for_the_institution_that_issued_it() -> None:
    ex = extract_body(
        "North Korea's Central Military Commission said its units had fought in Kursk. "
        '"The operations to liberate the Kursk region were victoriously concluded," the statement said.'
    )
    later = [
        a.speaker for a in ex.attributions if a.speaker is not None and a.speaker.text == "the statement"
    ]
    assert later and later[0].party == "north_korea"
