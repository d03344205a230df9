"""streams/core/world.py: every country as an actor and a place (pycountry + data/countries.yaml)."""

from __future__ import annotations

from streams.core.gazetteer import default_gazetteer
from streams.core.world import country_entries, slug


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
