"""streams/core/pairs.py: "the two sides", "kedua pihak" stand for the two parties last named."""

from __future__ import annotations

from tests.unit.core.helpers import assert_claims


def test_the_two_sides_are_the_two_parties_named_before() -> None:
    assert_claims(
        "Serbian and Kosovar police clashed near the border crossing on Sunday night.\n"
        "Both sides accused each other of opening fire.",
        [("serbia", "affirm", "attack:kosovo:*"), ("kosovo", "affirm", "attack:serbia:*")],
    )


def test_the_pair_may_have_been_named_in_the_sentence_before() -> None:
    assert_claims(
        "Pasukan Eritrea dan Ethiopia bentrok di dekat perbatasan pada Selasa.\n"
        "Kedua pihak saling menuduh memulai penembakan.",
        [("eritrea", "affirm", "attack:ethiopia:*"), ("ethiopia", "affirm", "attack:eritrea:*")],
    )


def test_three_parties_named_leave_the_pair_unknown() -> None:
    """With three parties named, "the two sides" could be any two of them."""
    assert_claims(
        "Russia, Georgia and Turkey met in Ankara. The two sides accused each other of shelling.",
        [],
    )


def test_a_pair_noun_is_only_read_before_an_accusation() -> None:
    """ "Both sides said the talks went well": not an accusation, the pair is not split."""
    assert_claims("Serbia and Kosovo met in Brussels. Both sides said the talks had gone well.", [])


def test_a_headline_joins_the_two_sides_with_a_comma() -> None:
    assert_claims(
        "Vietnam, China saling tuduh menabrak kapal nelayan",
        [("vietnam", "affirm", "attack:china:*"), ("china", "affirm", "attack:vietnam:*")],
        "id",
    )
    assert_claims(
        "Serbia, Kosovo accuse each other of shelling",
        [("serbia", "affirm", "attack:kosovo:*"), ("kosovo", "affirm", "attack:serbia:*")],
    )
