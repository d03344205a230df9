"""streams/core/groups_found.py: armed groups the gazetteer does not know, found by their names."""

from __future__ import annotations

import pytest

from tests.unit.core.helpers import assert_claims, claims_of
from tests.unit.core.reader import reader_for


def _groups(text: str, lang: str = "en") -> list[tuple[str, str]]:
    ctx = reader_for(text, lang)
    return [(h.key, h.text) for h in ctx.mentions.groups(0, len(ctx.text))]


def test_a_name_with_a_group_head_and_its_acronym_is_a_group_named_by_the_acronym() -> None:
    text = "The Laotian Patriotic Front Army (LPFA) said it held the pass. LPFA fighters stayed."
    assert _groups(text) == [("lpfa", "Laotian Patriotic Front Army (LPFA)"), ("lpfa", "LPFA")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Israel Defense Forces said its jets struck the port.", "en"),
        ("Tentara Nasional Indonesia mengatakan pasukannya berjaga.", "id"),
        ("Chinese Maritime Militia boats rammed a trawler.", "en"),
        # a country in the name and no acronym of its own: the country's men, counted
        ("Twenty Kenyan Army men were wounded in the clash.", "en"),
    ],
)
def test_a_state_s_own_forces_are_no_group(text: str, lang: str) -> None:
    assert _groups(text, lang) == []


def test_the_country_inside_a_group_s_name_does_not_speak() -> None:
    # Not Laos: the group named after it speaks, for itself.
    assert_claims(
        "The Laos Democratic Liberation Army (LDLA) said its fighters had captured Pakse.",
        [("ldla", "affirm", "territory_captured:ldla:pakse")],
    )


def test_a_spokesman_of_a_found_group_speaks_for_it() -> None:
    assert_claims(
        "A spokesman for the Mekong Valley Army said its fighters had captured Pakse.",
        # (a long name ending in "Army" is known by its initials, as where "(MVA)" follows it)
        [("mva", "affirm", "territory_captured:mva:pakse")],
    )


def test_a_found_group_owns_its_fighters() -> None:
    """ "killed 33 MVA militants": the dead are the group's, as a known side's would be."""
    assert_claims(
        "The Mekong Valley Army (MVA) attacked a convoy on Tuesday. "
        "Laos's army said it killed 33 MVA militants.",
        [
            ("laos", "affirm", "casualties:mva:*"),
            ("laos", "affirm", "attack>mva:laos:*"),
        ],
    )


def test_a_group_named_for_the_country_it_fights_in_is_a_group_not_that_country() -> None:
    assert _groups("The Islamic Resistance in Iraq said it had attacked the base.") == [
        ("islamic_resistance_in_iraq", "Islamic Resistance in Iraq")
    ]
    assert _groups("The Indian Army in Pakistan said the attack failed.") == []  # a state's own army


def test_an_acronym_told_as_a_group_or_its_fighters_names_that_group() -> None:
    # "MRTA rebels" somewhere in the text: every "MRTA" standing alone is that group
    assert_claims(
        "MRTA rebels attacked a police post near Tacna. The MRTA said Peruvian troops had shelled its camp.",
        [("mrta", "affirm", "attack:peru:*")],
    )
    assert_claims(
        "Kelompok MRTA mengatakan tentara Peru menembaki kamp mereka.",
        [("mrta", "affirm", "attack:peru:*")],
    )


def test_an_acronym_that_only_speaks_is_no_party() -> None:
    # a think tank or a monitor ("ISW said") is no side of the conflict
    assert claims_of("The CSIW said Peruvian troops had shelled the camp.") == [
        (None, "affirm", "attack:peru:*")
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "The Uganda People's Defence Force (UPDF) said it held the ridge. Later a UPDF spokesman"
            " said Rwandan troops had attacked the ridge.",
            "en",
            ("uganda", "attack:rwanda:*"),
        ),
        (
            "Angkatan Bersenjata Kenya (ABK) bertahan di bukit itu. ABK mengatakan al-Shabaab"
            " menyerang pangkalan itu.",
            "id",
            ("kenya", "attack:al_shabaab:*"),
        ),
    ],
)
def test_a_state_s_forces_named_with_their_own_acronym_speak_for_the_state_by_it(
    text: str, lang: str, expected: tuple[str, str]
) -> None:
    party, prop = expected
    assert (party, "affirm", prop) in claims_of(text, lang)
