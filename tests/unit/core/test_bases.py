"""streams/core/bases.py: who holds a command post somewhere has forces there; a post noun with no
holder named, or a holder with another verb between, gives no presence."""

from __future__ import annotations

from tests.unit.core.helpers import claims_of


def test_a_holder_with_a_verb_of_holding_has_forces_where_the_post_is() -> None:
    assert claims_of("Kyiv said Russia operates a command post in a school in Kherson.", "en") == [
        ("ukraine", "affirm", "troops_deployed:russia:kherson")
    ]


def test_the_party_right_after_the_post_noun_holds_it() -> None:
    assert claims_of("Ukraina mengatakan menemukan pusat komando Rusia di Kherson.", "id") == [
        ("ukraine", "affirm", "troops_deployed:russia:kherson")
    ]


def test_another_verb_between_the_party_and_the_post_names_no_holder() -> None:
    # Russia struck the post; it does not hold it
    got = claims_of("Kyiv said Russia struck a command post in Kherson.", "en")
    assert all(not p.startswith("troops_deployed:russia") for _, _, p in got)


def test_a_post_noun_with_no_party_near_it_gives_no_presence() -> None:
    got = claims_of("Kyiv said a command post in Kherson was empty.", "en")
    assert all(not p.startswith("troops_deployed") for _, _, p in got)
