"""streams/core/places_found.py: places the gazetteer does not know, found after a preposition."""

from __future__ import annotations

import pytest

from streams.core.places_found import place_id
from tests.unit.core.helpers import assert_claims, extract_body, frame_claims


def test_a_name_after_a_locative_preposition_is_a_place() -> None:
    assert_claims(
        "Jordan's army said Syrian militias attacked a patrol near the village of Tell Shihab.",
        [("jordan", "affirm", "attack:syria:tell_shihab")],
    )


def test_months_weekdays_and_facility_names_are_not_places() -> None:
    ex = extract_body("Kenya's army said Somali fighters attacked a convoy in March.")
    assert [c.proposition.place for c in ex.claims] == [None]
    # A facility's own name is no place this reader can name: the act is kept as an open claim.
    ex = extract_body("Militer Kenya mengatakan pasukan Somalia menyerang konvoi di Pangkalan Utama Lamu.")
    assert frame_claims(ex) == [] and [c.proposition.event for c in ex.claims] == ["other"]


def test_a_name_right_after_a_capture_verb_is_the_place_taken() -> None:
    assert_claims(
        "Kyiv said Russian forces seized the eastern town Kupiansk.",
        [("ukraine", "affirm", "territory_captured:russia:kupiansk")],
    )


def test_an_adjective_compound_is_not_a_place() -> None:
    ex = extract_body("Russia said it had retaken the last Ukrainian-held villages in Kursk.")
    assert [c.proposition.place for c in frame_claims(ex)] == ["kursk"]


def test_a_name_opened_by_an_arabic_article_in_lower_case_is_a_place() -> None:
    assert_claims(
        "Chad's army said the rebels attacked government positions in el-Geneina.",
        [],
    )
    assert_claims(
        "Chad's army said Sudanese troops attacked its positions near al-Tina.",
        [("chad", "affirm", "attack:sudan:al_tina")],
    )


def test_a_title_abbreviation_is_not_a_place() -> None:
    assert_claims(
        "The figure comes from satellite imagery, according to Rep. Kim Min-ho. "
        "Britain's defence ministry said 4,000 North Korean troops had been killed or wounded "
        "in the same region.",
        [("united_kingdom", "affirm", "casualties:north_korea:*")],
    )


@pytest.mark.parametrize(
    ("lang", "name", "place"),
    [
        ("id", "Lembah Galwan", "galwan_valley"),
        ("id", "Laut China Selatan", "south_china_sea"),
        ("id", "Dataran Tinggi Golan", "golan_heights"),
        ("id", "Tepi Barat", "west_bank"),
        ("id", "Rafah", "rafah"),
        ("en", "Galwan Valley", "galwan_valley"),
        # the Indonesian name takes the English adjective: one place in both languages
        ("id", "Teluk Persia", "persian_gulf"),
        ("en", "Persian Gulf", "persian_gulf"),
        ("id", "Laut Filipina Barat", "west_philippine_sea"),
        ("en", "West Philippine Sea", "west_philippine_sea"),
    ],
)
def test_a_discovered_place_has_one_id_in_both_languages(lang: str, name: str, place: str) -> None:
    assert place_id(lang, name) == place


def test_a_possessor_before_an_unknown_place_is_not_part_of_its_name() -> None:
    # "Ladakh's Galwan Valley" names the valley; the region is its owner.
    assert_claims(
        "Nepal's army said Indian troops attacked a patrol in Sudurpashchim's Kalapani Valley.",
        [("nepal", "affirm", "attack:india:kalapani_valley")],
    )


def test_a_sea_named_after_a_country_is_the_sea() -> None:
    # "Laut China Selatan" holds the known place "China", but names the South China Sea.
    assert_claims(
        "Vietnam mengatakan kapal China menabrak kapal nelayan di Laut China Selatan.",
        [("vietnam", "affirm", "attack:china:south_china_sea")],
    )


def test_a_language_names_no_place() -> None:
    from tests.unit.core.reader import reader_for

    ctx = reader_for("Reports in Arabic media said the building was hit.", "en")
    assert [h.key for h in ctx.mentions.places(0, len(ctx.text))] == []


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Iran said US forces attacked two tankers in the Gulf of Oman.", "en"),
        ("Iran mengatakan pasukan AS menyerang dua kapal tanker di Teluk Oman.", "id"),
    ],
)
def test_a_head_before_of_names_one_place_in_both_languages(body: str, lang: str) -> None:
    # not a bare "gulf" (every gulf would be one place), nor the country in the name
    assert [c.proposition.place for c in frame_claims(extract_body(body, lang))] == ["oman_gulf"]


def test_a_sea_named_with_of_keeps_its_whole_name() -> None:
    assert place_id("en", "Sea of Azov") == "azov_sea"


def test_a_name_after_the_agent_marker_of_a_capture_is_who_took_it_not_the_place() -> None:
    ex = extract_body("Pemerintah Sudan mengatakan kota itu direbut oleh Pasukan Gabungan Darfur.", "id")
    assert [c.proposition.place for c in ex.claims] == [None]
    # and with no known party after the marker, the speaker's side is not the one that took it
    ex = extract_body("Pemerintah Sudan mengatakan kota Tawila direbut oleh Pasukan Gabungan Darfur.", "id")
    assert frame_claims(ex) == []


def test_a_camp_named_with_its_noun_is_a_place() -> None:
    assert_claims(
        "The UN said the RSF attacked Zamzam camp.", [("united_nations", "affirm", "attack:rsf:zamzam")], "en"
    )
    assert_claims(
        "PBB mengatakan RSF menyerang kamp Zamzam pada Jumat.",
        [("united_nations", "affirm", "attack:rsf:zamzam")],
        "id",
    )


def test_a_geographic_noun_alone_is_no_place() -> None:
    ex = extract_body("Iran membantah menyerang kapal tanker di Teluk.", "id")
    assert all(c.proposition.place != "teluk" for c in ex.claims)


def test_a_city_the_table_knows_as_the_object_of_an_attack_is_its_place() -> None:
    assert_claims("Kyiv said Russia shelled Poltava.", [("ukraine", "affirm", "attack:russia:poltava")])
    assert_claims(
        "Israel mengatakan rudal Iran menghantam Haifa.", [("israel", "affirm", "attack:iran:haifa")], "id"
    )
    # a person (or any name the city table lacks) after the verb is no place
    assert_claims("Canada said Indian agents killed Nijjar.", [("canada", "affirm", "attack:india:*")])
