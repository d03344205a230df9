"""streams/core/mentions.py: gazetteer and event-vocabulary spans of a document."""

from __future__ import annotations

import pytest

from tests.unit.core.helpers import assert_claims, claims_of
from tests.unit.core.reader import reader_for


def test_owners_are_demonyms_and_actors_in_text_order() -> None:
    text = "Russian and North Korean troops, said Kyiv."
    ctx = reader_for(text, "en")
    assert [h.text for h in ctx.mentions.owners(0, len(text))] == ["Russian", "North Korean", "Kyiv"]


def test_a_capital_naming_its_government_is_no_place() -> None:
    text = "Perkiraan Kyiv menyebut tentara di Kursk."
    ctx = reader_for(text, "id")
    assert [h.key for h in ctx.mentions.places(0, len(text))] == ["kyiv", "kursk"]
    assert [h.key for h in ctx.mentions.places_outside_actors(0, len(text))] == ["kursk"]


def test_triggers_and_measures() -> None:
    text = "Troops were sent; 300 were killed."
    ctx = reader_for(text, "en")
    assert [h.text for h in ctx.mentions.triggers(0, len(text))] == ["sent", "killed"]
    assert [h.key for h in ctx.mentions.measures(0, len(text))] == ["killed"]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("The director of the Kenyan Hospital told reporters that Somali gunmen attacked the ward.", "en"),
        ("Direktur Rumah Sakit Kenya mengatakan pria bersenjata Somalia menyerang bangsal itu.", "id"),
    ],
)
def test_a_country_in_a_named_institution_is_no_actor(body: str, lang: str) -> None:
    ctx = reader_for(body, lang)
    n = len(ctx.text)
    named = {h.text for h in ctx.mentions.actors(0, n) + ctx.mentions.demonyms(0, n)}
    assert named == {"Somali" if lang == "en" else "Somalia"}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("The force said Sudanese drones hit the camp, the Malta Times reported.", "en"),
        ("Pasukan itu mengatakan drone Sudan menghantam kamp, dilansir dari Malta Times.", "id"),
        ("Malta Now said Sudanese drones hit the camp.", "en"),
        ("Menurut Malta News, drone Sudan menghantam kamp.", "id"),
    ],
)
def test_a_country_in_an_outlet_s_name_is_no_actor(body: str, lang: str) -> None:
    ctx = reader_for(body, lang)
    n = len(ctx.text)
    named = {h.key for h in ctx.mentions.actors(0, n) + ctx.mentions.demonyms(0, n)}
    assert "malta" not in named and "sudan" in named


@pytest.mark.parametrize("country", ["Sudan's", "Sudan’s"])
def test_a_state_possessive_before_an_armed_group_only_locates_the_group(country: str) -> None:
    """ "Sudan's Rapid Support Forces" are the RSF's, not Sudan's: the state owns nothing there,
    while "Sudan's army" is the state's own."""
    text = f"An assault by {country} Rapid Support Forces hit the camp, Sudan's army said."
    ctx = reader_for(text, "en")
    cut = text.index(" hit ")
    assert {h.key for h in ctx.mentions.owners(0, cut)} == {"rsf"}
    assert {h.key for h in ctx.mentions.owners(cut, len(text))} == {"sudan"}


def test_an_office_one_state_names_bare_followed_by_another_state_is_that_states() -> None:
    """ "Kejaksaan Agung" is Indonesia's in Indonesian copy; "Kejaksaan Agung Azerbaijan" is
    Azerbaijan's. A capital after a mission ("KBRI Seoul") is only where it sits."""
    text = "Kantor Kejaksaan Agung Azerbaijan menyebut lima orang tewas."
    ctx = reader_for(text, "id")
    assert {ctx.gaz.party_of(h.key) for h in ctx.mentions.owners(0, len(text))} == {"azerbaijan"}
    mission = "KBRI Seoul menyatakan dua warga tewas."
    ctx = reader_for(mission, "id")
    assert "indonesia" in {ctx.gaz.party_of(h.key) for h in ctx.mentions.owners(0, len(mission))}


def test_a_state_named_right_after_an_armed_group_only_locates_it_in_indonesian_order() -> None:
    """ "Kelompok Houthi Yaman" speaks for the Houthis, not for Yemen; "Pemerintah Yaman" is Yemen's."""
    text = "Kelompok Houthi Yaman menyebut kapal itu diserang, kata Pemerintah Yaman."
    ctx = reader_for(text, "id")
    cut = text.index(" menyebut")
    assert {h.key for h in ctx.mentions.owners(0, cut)} == {"houthis"}
    assert "yemen" in {ctx.gaz.party_of(h.key) for h in ctx.mentions.owners(cut, len(text))}


def test_a_country_name_as_a_persons_first_name_is_no_state() -> None:
    """ "former soldier Jordan Goudreau" is a man, not the state of Jordan; "Jordan Valley" and
    "Britain's Ministry" keep their states."""
    person = "Officials said former soldier Jordan Goudreau led the raid."
    ctx = reader_for(person, "en")
    assert "jordan" not in {ctx.gaz.party_of(h.key) for h in ctx.mentions.owners(0, len(person))}
    kept = ("Officials said Jordan Valley farms were shelled.", "Britain's Ministry of Defence said so.")
    for text in kept:
        ctx = reader_for(text, "en")
        parties = {ctx.gaz.party_of(h.key) for h in ctx.mentions.owners(0, len(text))}
        assert parties & {"jordan", "united_kingdom"}


@pytest.mark.parametrize(
    "person",
    [
        "Veteran militer AS Jordan Goudreau mengaku memimpin serangan itu.",
        "Menurut pejabat, Jordan Goudreau memimpin serangan itu.",
    ],
)
def test_a_first_name_that_no_word_governs_is_no_state_in_indonesian(person: str) -> None:
    ctx = reader_for(person, "id")
    assert "jordan" not in {ctx.gaz.party_of(h.key) for h in ctx.mentions.owners(0, len(person))}


def test_a_state_name_after_a_title_qualifies_it_in_indonesian() -> None:
    # "Presiden Israel Isaac Herzog": the president of Israel, named after the title
    text = "Presiden Israel Isaac Herzog mengatakan Hamas menyerang Tel Aviv."
    ctx = reader_for(text, "id")
    assert "israel" in {ctx.gaz.party_of(h.key) for h in ctx.mentions.owners(0, len(text))}


def test_a_casualty_word_modifying_a_figure_noun_is_no_trigger() -> None:
    """ "did not give casualty figures" tells of no losses; "casualties were heavy" does."""

    def casualty_words(text: str) -> list[str]:
        ctx = reader_for(text, "en")
        return [h.text for h in ctx.mentions.triggers(0, len(text)) if "casualties" in h.key.split("|")]

    assert casualty_words("The army did not give casualty figures.") == []
    assert casualty_words("The army said casualties were heavy.") == ["casualties"]


def test_a_country_after_a_place_in_it_only_locates_the_place() -> None:
    # "di wilayah Kharkiv Ukraina": Ukraine is where Kharkiv lies, not who killed the three.
    found = claims_of(
        "Pejabat Ukraina mengatakan serangan Rusia di wilayah Kharkiv Ukraina menewaskan tiga orang.", "id"
    )
    assert ("ukraine", "affirm", "attack:russia:kharkiv") in found
    assert ("ukraine", "affirm", "attack:ukraine:kharkiv") not in found


def test_a_country_with_a_possessive_after_a_place_still_speaks() -> None:
    assert_claims(
        "Colombian troops attacked a convoy in Zulia, Venezuela's defence minister said.",
        [("venezuela", "affirm", "attack:colombia:zulia")],
    )
