"""streams/core/gazetteer.py: actors with parties, places with a hierarchy (the stance code reads these)."""

from __future__ import annotations

import pytest

from streams.core.gazetteer import arabic_variants, default_gazetteer
from tests.unit.core.helpers import assert_claims, claims_of


def test_chains_and_parties() -> None:
    gaz = default_gazetteer()
    assert gaz.chain("peskov") == ("peskov", "kremlin", "russia")
    assert gaz.party_of("peskov") == "russia" and gaz.party_of("nobody") is None


def test_places_lie_within_their_parents() -> None:
    gaz = default_gazetteer()
    assert gaz.place_chain("kursk") == ("kursk", "russia")
    assert gaz.within("kursk", "russia") and gaz.within("kursk", None) and not gaz.within(None, "russia")


def test_an_office_of_a_party() -> None:
    assert default_gazetteer().actor_with_role("russia", "foreign_ministry") == "russia_foreign_ministry"


def test_a_states_own_security_council_is_not_the_un_security_council() -> None:
    from tests.unit.core.helpers import assert_claims

    assert_claims(
        "Iran's National Security Council said Israeli jets struck Tehran.",
        [("iran", "affirm", "attack>iran:israel:tehran")],
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the Papuan armed group under the state's name for it; the TNI's operation command
        (
            "Koops Habema mengatakan pasukannya menyerang markas KKB di Intan Jaya.",
            [("indonesia", "affirm", "attack>tpnpb:indonesia:intan_jaya")],
        ),
        ("Pakistan said TTP fighters attacked a border post.", [("pakistan", "affirm", "attack:ttp:*")]),
        # the state's term for it written as a common noun, in lower case
        (
            "TNI menyebut seorang guru ditembak oleh kelompok separatis teroris.",
            [("indonesia", "affirm", "attack:tpnpb:*")],
        ),
    ],
)
def test_armed_groups_are_parties_of_their_own(body: str, expected: list) -> None:  # type: ignore[type-arg]
    assert_claims(body, expected)


def test_a_state_statistics_office_speaks_for_its_state() -> None:
    gaz = default_gazetteer()
    for name in ("Badan Pusat Statistik", "Statistics Indonesia"):
        [hit] = gaz.find_actors(f"{name} said growth was 5 percent.")
        assert gaz.party_of(hit.key) == "indonesia"


def test_a_front_line_town_under_its_soviet_name_is_the_same_place() -> None:
    # Russian statements say "Artemovsk" where Ukrainian ones say "Bakhmut".
    gaz = default_gazetteer()
    assert [h.key for h in gaz.place_matcher.find_all("the liberation of Artemovsk")] == ["bakhmut"]
    assert gaz.places["bakhmut"].parent == "donetsk"


def test_an_indonesian_ministry_by_its_acronym_speaks_for_indonesia() -> None:
    # "Menlu AS" is the US secretary of state: a bare title names no country.
    assert claims_of("Menkominfo membantah bahwa pasukan Indonesia dikirim ke Gaza.", "id") == [
        ("indonesia", "deny", "troops_deployed:indonesia:gaza")
    ]
    assert [c[0] for c in claims_of("Menlu AS mengatakan pasukan Korea Utara dikirim ke Rusia.", "id")] == [
        "united_states"
    ]


def test_a_directions_part_of_a_known_place_lies_within_it() -> None:
    gaz = default_gazetteer()
    assert gaz.place_chain("eastern_afghanistan") == ("eastern_afghanistan", "afghanistan")
    assert gaz.within("southwestern_kursk", "russia")
    assert not gaz.within("eastern_afghanistan", "pakistan")
    assert gaz.place_chain("eastern_nowhere_known") == ()


def test_gaza_towns_lie_within_the_strip() -> None:
    gaz = default_gazetteer()
    assert gaz.within("rafah", "gaza") and gaz.within("gaza_city", "palestine")
    assert not gaz.within("west_bank", "gaza")


def test_security_services_known_by_acronym_speak_for_their_state() -> None:
    gaz = default_gazetteer()
    for name, party in (("SBU", "ukraine"), ("FSB", "russia"), ("CIA", "united_states"), ("ISI", "pakistan")):
        assert [gaz.party_of(h.key) for h in gaz.find_actors(f"the {name} said")] == [party]
    # a group's acronym names that group ("TNLA" is the Ta'ang National Liberation Army)
    assert [h.key for h in gaz.find_actors("TNLA fighters")] == ["tnla"]


def test_ri_names_the_republic_of_indonesia_in_indonesian_copy() -> None:
    """ "Kedubes RI untuk Filipina", "Kemlu RI": the embassy and ministry are Indonesia's, not the
    host country's named after them."""
    assert_claims(
        "Kedubes RI untuk Filipina menyatakan pasukan Filipina dikerahkan ke Jolo.",
        [("indonesia", "affirm", "troops_deployed:philippines:jolo")],
        "id",
    )


def test_a_regional_organisation_is_not_the_state_its_name_contains() -> None:
    # "American States" inside the name is not the United States
    assert_claims(
        "The Organization of American States said Venezuelan troops had crossed into Guyana.",
        [("organization_of_american_states", "affirm", "troops_deployed:venezuela:guyana")],
    )


@pytest.mark.parametrize(
    ("name", "variant"),
    [
        ("Al-Shabaab", "Asy-Syabaab"),
        ("Hayat Tahrir al-Sham", "Hayat Tahrir asy-Syam"),
        ("Jabhat al-Nusra", "Jabhat an-Nusra"),
    ],
)
def test_an_arabic_article_is_also_written_as_the_indonesian_press_writes_it(name: str, variant: str) -> None:
    assert variant in arabic_variants(name)


def test_a_name_without_an_arabic_article_has_no_variants() -> None:
    assert arabic_variants("Alabama") == {"Alabama"}
    assert arabic_variants("Al-Qaeda") == {"Al-Qaeda"}  # "q" takes no assimilated article


def test_a_group_spelt_the_indonesian_way_speaks() -> None:
    assert_claims(
        "Asy-Syabaab mengatakan mereka menyerang pangkalan tentara Kenya.",
        [("al_shabaab", "affirm", "attack>kenya:al_shabaab:*")],
        lang="id",
    )


def test_a_state_s_capital_is_known_from_the_country_data() -> None:
    gaz = default_gazetteer()
    assert gaz.capital_of("qatar") == "doha"
    assert gaz.within("doha", "qatar")
    assert gaz.capital_of("hamas") is None  # a group has no capital
