"""streams/core/figures.py: the figure a claim carries."""

from __future__ import annotations

import pytest

from tests.unit.core.helpers import extract_body


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
    claims = extract_body(body).claims
    assert [(c.speaker.party, c.stance, c.proposition.id) for c in claims] == [
        ("ukraine", "affirm", "casualties:north_korea:kursk")
    ]
    q = claims[0].quantity
    assert q is not None and q.low == 300 and q.high is None and q.measure == "killed"


def test_more_than_is_a_bound_not_additional_troops() -> None:
    [c] = extract_body(
        "More than 10,000 North Korean soldiers have been sent to Russia, the Pentagon said."
    ).claims
    assert c.quantity is not None
    assert (c.quantity.measure, c.quantity.low, c.quantity.high) == ("troops_deployed", 10000, None)


def test_additional_troops_are_their_own_measure() -> None:
    [c] = extract_body("NATO said North Korea had sent 1,000 more troops to Russia.").claims
    assert c.quantity is not None and c.quantity.measure == "troops_deployed_additional"


def test_a_figure_of_officers_is_not_a_troop_figure() -> None:
    [c] = extract_body("Ukraine said 3 North Korean officers were killed in Kursk.").claims
    assert c.proposition.id == "casualties:north_korea:kursk" and c.quantity is None


def test_a_figure_of_something_else_is_not_bound() -> None:
    [c] = extract_body(
        "Zelensky said North Korean troops were stationed at five training sites in Kursk."
    ).claims
    assert c.quantity is None


def test_a_second_strike_carries_no_figure_of_the_event_so_far() -> None:
    from tests.unit.core.helpers import extract_body

    first = extract_body("Washington said its military strike on a smuggling boat killed 11 men.")
    again = extract_body("Washington said a second US military strike on a smuggling boat killed three men.")
    assert [c.quantity is not None for c in first.claims if c.proposition.event == "attack"] == [True]
    assert [c.quantity for c in again.claims if c.proposition.event == "attack"] == [None]


def test_rubio_style_possessive_troops_and_another_sentences_troops() -> None:
    from tests.unit.core.helpers import assert_claims

    assert_claims(
        "Menteri Luar Negeri Kanada mengatakan, militernya melancarkan serangan terhadap kapal "
        "di Laut Karibia.",
        [("canada", "affirm", "attack:canada:caribbean_sea")],
    )
    # The dead gunmen are not Canada's: only the denial about its own soldiers.
    assert_claims(
        '"The raid left 11 gunmen dead. No Canadian soldiers were hurt," Canada\'s army said.',
        [("canada", "deny", "casualties:canada:*")],
    )


@pytest.mark.parametrize(
    ("body", "low", "high"),
    [
        ("Armenia's defence ministry said 14 of its soldiers were killed in the shelling.", 14, 14),
        ("Militer Armenia menyatakan sedikitnya 14 tentaranya tewas dalam penembakan itu.", 14, None),
        ("Armenia said more than 40 Azerbaijani and allied fighters were killed.", 40, None),
    ],
)
def test_a_figure_counts_its_noun_across_owner_and_coordinated_words(
    body: str, low: int, high: int | None
) -> None:
    claims = extract_body(body).claims
    assert [(c.speaker.party, c.stance, c.proposition.event) for c in claims] == [
        ("armenia", "affirm", "casualties")
    ]
    q = claims[0].quantity
    assert q is not None and (q.low, q.high, q.measure) == (low, high, "killed")


@pytest.mark.parametrize(
    ("body", "low"),
    [
        ("Armenia said 40 Azerbaijanis were killed.", 40),
        ("Chad said more than 70 Boko Haram were killed in the raid.", 70),
    ],
)
def test_a_figure_counts_people_and_a_named_group_with_no_troop_noun(body: str, low: int) -> None:
    [c] = extract_body(body).claims
    assert c.proposition.event == "casualties" and c.quantity is not None
    assert (c.quantity.low, c.quantity.measure) == (low, "killed")


def test_a_name_before_a_noun_is_its_modifier_not_what_a_figure_counts() -> None:
    claims = extract_body("Armenia said 23 Azerbaijani attacks were repelled.").claims
    assert all(c.quantity is None for c in claims)


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Chad's army said Sudanese drones killed at least 12 Chadian civilians.", "en"),
        ("Militer Chad mengatakan drone Sudan menewaskan sedikitnya 12 warga sipil Chad.", "id"),
    ],
)
def test_a_toll_of_people_no_troop_noun_names_is_the_casualty_figure(body: str, lang: str) -> None:
    claims = [c for c in extract_body(body, lang).claims if c.proposition.event == "casualties"]
    assert [(c.proposition.agent, c.quantity.low if c.quantity else None) for c in claims] == [("chad", 12)]
    assert claims[0].quantity is not None and claims[0].quantity.measure == "killed"


def test_a_figure_says_whether_it_counts_troops_or_people() -> None:
    from tests.unit.core.helpers import extract_body

    units = {
        c.quantity.unit
        for c in extract_body(
            "Kyiv said the strike killed 34 people. Russia said 60 Ukrainian soldiers were killed.", "en"
        ).claims
        if c.quantity is not None
    }
    assert units == {"people", "troops"}
