"""streams/core/victims.py: casualties among people no troop noun names, and whose they are."""

from __future__ import annotations

import pytest

from tests.unit.core.helpers import assert_claims, extract_body


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        # whose: the nationality word with them
        ("Chad's army said Sudanese shelling killed nine Chadian villagers.", "en", "casualties:chad:*"),
        (
            "Militer Chad mengatakan penembakan Sudan menewaskan sembilan warga desa Chad.",
            "id",
            "casualties:chad:*",
        ),
        # else the country of the place they died in
        (
            "Kenyan police said 14 people had been killed in a bomb attack in Nairobi.",
            "en",
            "casualties:kenya:nairobi",
        ),
        # a city only GeoNames lists: its country
        (
            "Ethiopia's health ministry said 27 people were killed in an air strike in Mekelle.",
            "en",
            "casualties:ethiopia:mekelle",
        ),
    ],
)
def test_people_killed_in_violence_are_a_side_s_casualties(body: str, lang: str, expected: str) -> None:
    got = {c.proposition.id for c in extract_body(body, lang).claims if c.proposition.event == "casualties"}
    assert got == {expected}


def test_deaths_in_a_crash_are_no_side_s_casualties() -> None:
    assert_claims("Kenyan police said 14 people had been killed in a bus crash in Nairobi.", [])


def test_a_speaker_before_the_figure_is_not_whose_the_dead_are() -> None:
    assert_claims(
        "The UN said 40 villagers were killed in Sagaing in air strikes.",
        [("united_nations", "affirm", "casualties:myanmar:sagaing")],
    )


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        # people of no named side or place, killed by another side: the speaking state's, assumed
        ("Thailand said a Cambodian rocket attack killed two villagers.", "en", {"casualties:thailand:*"}),
        ("Menurut militer Chad, 40 orang tewas dalam serangan milisi.", "id", {"casualties:chad:*"}),
        # its own side named with the deaths: it did the killing
        ("Pakistan said its strikes killed 30 people.", "en", set()),
        # a speaker with no country of its own
        ("The UN said Russian strikes killed 10 people.", "en", set()),
        # the deaths only describe whom the statement is about
        ("Chile said the two people killed in the raid were soldiers.", "en", set()),
    ],
)
def test_people_of_no_named_side_killed_in_a_states_account_are_its_own_by_assumption(
    body: str, lang: str, expected: set[str]
) -> None:
    claims = [c for c in extract_body(body, lang).claims if c.proposition.event == "casualties"]
    assert {c.proposition.id for c in claims} == expected
    assert all("agent:assumed" in c.cues for c in claims)
