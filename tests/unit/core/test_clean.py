"""streams/core/clean.py: web noise out, the language in."""

from __future__ import annotations

from streams.core.clean import clean_body, detect_language
from streams.core.lang import get_pack
from tests.unit.core.helpers import extract_body


def test_noise_lines_are_dropped_and_spans_point_into_the_cleaned_text() -> None:
    ex = extract_body(
        "Baca juga: Korut Kirim 12.000 Tentara ke Rusia, Kata Kyiv\n"
        "Intelijen Pertahanan Ukraina mengatakan tentara Korea Utara sudah tiba di wilayah Kursk.\n"
        "MEMBACA Rusia bantah kirim tentara\n"
        "pic.twitter.com/abcdEFG123\n"
    )
    assert "Baca juga" not in ex.text and "MEMBACA" not in ex.text and "pic.twitter" not in ex.text
    assert [(c.speaker.party, c.proposition.id) for c in ex.claims] == [
        ("ukraine", "troops_deployed:north_korea:kursk")
    ]
    assert all(ex.text[c.span.start : c.span.end] == c.quote for c in ex.claims)


def test_a_tweet_embed_goes_with_its_text() -> None:
    body = "Zelensky spoke.\n\nNorth Korean troops are here\n— Someone (@someone) November 4, 2024\nEnd."
    cleaned = clean_body(body, get_pack("en"))
    assert "North Korean troops are here" not in cleaned.text and cleaned.text.startswith("Zelensky spoke.")


def test_captions_of_any_language_are_noise() -> None:
    assert clean_body("Foto: Reuters\nZelensky spoke.", get_pack("en")).text == "Zelensky spoke."


def test_a_dateline_is_cut() -> None:
    text = clean_body(
        "KYIV (Reuters) - Ukraine's president said on Monday that troops had arrived.", get_pack("en")
    )
    assert text.text.startswith("Ukraine's president")


def test_a_dateline_glued_to_the_body_is_cut_and_names_no_speaker() -> None:
    body = "LIMA (Reuters) -Chile said Peruvian troops had crossed the border near Tacna on Sunday."
    assert clean_body(body, get_pack("en")).text.startswith("Chile said")
    assert extract_body(body, "en").claims[0].speaker.party == "chile"
    kept = "Santiago-based analysts said the troops had crossed the border near Tacna on Sunday."
    assert clean_body(kept, get_pack("en")).text == kept


def test_a_city_in_capitals_before_a_colon_is_a_dateline_and_no_speaker() -> None:
    body = "LIMA: Chile's foreign minister said Peruvian troops had crossed the border near Tacna."
    assert clean_body(body, get_pack("en")).text.startswith("Chile's foreign minister")
    kept = "Peskov: the claims that Russian troops crossed the border near Tacna are false."
    assert clean_body(kept, get_pack("en")).text == kept  # a speaker's label, not in capitals


def test_a_dateline_after_a_subtitle_is_cut_when_in_capitals() -> None:
    body = (
        "Kedua negara menandatangani gencatan senjata pekan lalu di perbatasan.\n"
        "HANOI – Militer Laos menuduh Vietnam melanggar kesepakatan yang baru ditandatangani itu."
    )
    assert clean_body(body, get_pack("id")).text.splitlines()[1].startswith("Militer Laos")
    assert extract_body(body, "id").claims[0].speaker.party == "laos"
    kept = "Both sides met last week.\nLaos – a small country – said Vietnamese troops crossed the border."
    assert clean_body(kept, get_pack("en")).text == kept  # not in capitals: not a dateline


def test_the_language_is_read_from_stopwords() -> None:
    assert detect_language("Tentara Korea Utara telah dikirim ke Rusia, kata Zelensky.") == "id"
    assert detect_language("North Korean troops have been sent to Russia, Zelensky said.") == "en"


def test_a_portal_s_link_to_another_story_is_dropped_but_not_the_headline_or_a_sentence() -> None:
    body = (
        "Junta Bantah Serang Sekolah Di Desa Sagaing\n\n"
        "Juru bicara junta Myanmar mengatakan militer tidak menembaki sekolah itu.\n\n"
        "Basis Kelompok Bersenjata Lumpuh Digempur TNI, Dua Anggota Tertembak\n\n"
        "Warga Desa Mengatakan Helikopter Menembaki Sekolah Sejak Pagi.\n"
    )
    cleaned = clean_body(body, get_pack("id"))
    assert cleaned.dropped == ("Basis Kelompok Bersenjata Lumpuh Digempur TNI, Dua Anggota Tertembak",)
    assert cleaned.text.startswith("Junta Bantah Serang Sekolah Di Desa Sagaing")
    assert cleaned.text.endswith("Warga Desa Mengatakan Helikopter Menembaki Sekolah Sejak Pagi.")


def test_a_hard_wrapped_paragraph_is_one_text_but_a_headline_and_a_list_stay_lines() -> None:
    body = (
        "Chile recalls envoy\n"
        "SANTIAGO - Chile's foreign minister accused Peru of sending troops across\n"
        "the border near Tacna, which he said was a grave breach of the 1929 treaty,\n"
        "and demanded their withdrawal.\n\n"
        "• Chile recalls its ambassador from Lima on Monday morning, officials say\n"
        "• Peru denies any incursion and calls the charge baseless and political"
    )
    lines = clean_body(body, get_pack("en")).text.splitlines()
    assert lines[0] == "Chile recalls envoy"
    assert "sending troops across the border near Tacna" in lines[1]
    assert lines[-2].startswith("• Chile") and lines[-1].startswith("• Peru")
    assert extract_body(body, "en").claims[0].proposition.id == "troops_deployed:peru:tacna"
