"""streams/core/world.py: every country as an actor and a place (pycountry + data/countries.yaml)."""

from __future__ import annotations

from streams.core.gazetteer import default_gazetteer
from streams.core.world import country_entries, slug
from tests.unit.core.helpers import assert_claims


def test_slug() -> None:
    assert slug("Phnom Penh") == "phnom_penh" and slug("Côte d'Ivoire") == "cote_d_ivoire"


def test_countries_have_names_in_both_languages_a_demonym_and_a_capital() -> None:
    actors, places = country_entries()
    assert len(actors) > 190
    kh = actors["cambodia"]
    assert "Kamboja" in kh["aliases"] and "Phnom Penh" in kh["aliases"] and "Cambodian" in kh["demonyms"]
    assert places["phnom_penh"]["parent"] == "cambodia" and places["cambodia"]["kind"] == "country"
    assert actors["dr_congo"]["label"] and "Kongo" in actors["dr_congo"]["aliases"]


def test_hand_written_entries_win_over_generated_ones() -> None:
    gaz = default_gazetteer()
    assert gaz.actors["russia"].label == "Russia"
    assert gaz.find_places("Kyiv")[0].key == "kyiv"  # places.yaml names the city so
    assert gaz.party_of(gaz.find_actors("Phnom Penh")[0].key) == "cambodia"


def test_a_name_news_uses_for_another_country_is_dropped() -> None:
    gaz = default_gazetteer()
    assert gaz.party_of(gaz.find_actors("Congo says")[0].key) == "dr_congo"


def test_a_group_governing_a_country_speaks_for_it() -> None:
    """The Taliban govern Afghanistan (since 2021): their spokesmen are Afghanistan's voice."""
    gaz = default_gazetteer()
    for name in ("Taliban", "Taliban government", "pemerintah Taliban"):
        assert gaz.party_of(gaz.find_actors(name)[0].key) == "afghanistan", name


def test_indonesian_press_spellings_beside_the_iso_translation() -> None:
    """pycountry's Indonesian names are the standard ones ("Kirgizstan", "Ethiopia"); the press
    also writes "Kirgistan", "Etiopia", "Libanon"."""
    gaz = default_gazetteer()
    for name, party in (("Kirgistan", "kyrgyzstan"), ("Etiopia", "ethiopia"), ("Libanon", "lebanon")):
        hits = gaz.find_actors(f"Pemerintah {name} menuduh")
        assert hits and gaz.party_of(hits[0].key) == party, name


def test_provinces_and_regions_lie_within_their_country() -> None:
    gaz = default_gazetteer()
    assert gaz.place_chain("sagaing") == ("sagaing", "myanmar")
    assert gaz.place_chain("papua") == ("papua", "indonesia")
    assert gaz.party_at("sagaing") == "myanmar"


def test_a_region_name_two_countries_share_or_a_common_phrase_is_not_generated() -> None:
    places = default_gazetteer().places
    assert "punjab" not in places  # India's and Pakistan's
    assert "red_sea" not in places  # a Sudanese state, and a sea
    assert "centre" not in places  # a French region, and a word


def test_casualties_among_people_with_no_side_named_are_of_the_region_s_country() -> None:
    # (and the UN that speaks is not whose villagers they were)
    assert_claims(
        "The UN said 40 villagers were killed in Sagaing in air strikes.",
        [("united_nations", "affirm", "casualties:myanmar:sagaing")],
    )
