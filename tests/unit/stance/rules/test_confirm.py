"""CONFIRMED: independence by party; a claim about a place confirms the broader place."""

from __future__ import annotations

from streams.core.propositions import ANSWER
from streams.stance.memory import MemoryBook
from tests.unit.stance.helpers import claim, kinds


def test_a_second_party_confirms_but_the_same_party_repeating_does_not() -> None:
    book = MemoryBook()
    assert book.apply(claim(1, "ukraine", "affirm")) == []
    assert book.apply(claim(2, "zelensky", "affirm", days=1)) == []  # same party: no confirmation
    alerts = book.apply(claim(3, "rutte", "affirm", days=2))
    assert kinds(alerts) == ["CONFIRMED"]
    assert alerts[0].related[0].party == "ukraine"
    assert book.apply(claim(4, "rutte", "affirm", days=3)) == []  # NATO already affirmed


def test_a_claim_about_a_place_confirms_the_broader_place() -> None:
    book = MemoryBook()
    book.apply(claim(1, "ukraine", "affirm", place="russia"))
    alerts = book.apply(claim(2, "pentagon", "affirm", place="kursk"))
    assert kinds(alerts) == ["CONFIRMED"]
    assert alerts[0].proposition.place == "russia"  # Kursk lies within Russia


def test_a_presence_read_from_a_noun_phrase_alone_confirms_nothing() -> None:
    book = MemoryBook()
    book.apply(claim(1, "ukraine", "affirm"))
    weak = claim(2, "rutte", "affirm", days=1).model_copy(
        update={"cues": ["cue:said", "trigger:\u2205troops"]}
    )
    assert book.apply(weak) == []


def test_an_answer_confirms_no_other_partys_account_of_an_attack() -> None:
    # "our forces returned fire": the speaker owns an answer, not the attack another party blamed on it
    book = MemoryBook()
    book.apply(claim(1, "ukraine", "affirm"))
    answer = claim(2, "rutte", "affirm", days=1).model_copy(update={"cues": ["cue:said", ANSWER]})
    assert book.apply(answer) == []


def test_parties_of_one_joint_statement_do_not_confirm_each_other() -> None:
    # "Britain and Australia said ...": one statement; either confirms a third party's earlier one.
    book = MemoryBook()
    book.apply(claim(1, "pentagon", "affirm", article="joint"))
    assert book.apply(claim(2, "zelensky", "affirm", article="joint")) == []
    later = MemoryBook()
    later.apply(claim(1, "pentagon", "affirm", article="first"))
    assert kinds(later.apply(claim(2, "zelensky", "affirm", article="second"))) == ["CONFIRMED"]


def test_a_narrower_event_confirms_a_broader_one_only_at_a_place() -> None:
    """Troops in combat imply troops deployed; two parties implying that a side's troops are
    somewhere confirm nothing, while both placing them in Kursk do."""
    book = MemoryBook()
    book.apply(claim(1, "pentagon", "affirm", place="russia"))
    somewhere = book.apply(claim(2, "zelensky", "affirm", event="troops_in_combat", place=None, days=1))
    assert somewhere == []
    book2 = MemoryBook()
    book2.apply(claim(1, "pentagon", "affirm", place="kursk"))
    there = book2.apply(claim(2, "zelensky", "affirm", event="troops_in_combat", place="kursk", days=1))
    assert kinds(there) == ["CONFIRMED"]


def test_a_presence_at_another_place_confirms_nothing() -> None:
    """Troops at a base in Kursk and troops in Donetsk: both imply troops somewhere, yet they
    disagree on where; a presence at the same region's town still confirms the region."""
    book = MemoryBook()
    book.apply(claim(1, "pentagon", "affirm", place="kursk"))
    assert book.apply(claim(2, "zelensky", "affirm", place="donetsk", days=1)) == []
    within = MemoryBook()
    within.apply(claim(1, "pentagon", "affirm", place="russia"))
    assert kinds(within.apply(claim(2, "zelensky", "affirm", place="kursk", days=1))) == ["CONFIRMED"]


def test_an_attack_told_in_another_state_confirms_nothing() -> None:
    """ "Russia fired missiles at Ukraine" against "Russian missiles fell in Poland": both say that
    Russia attacked, yet in two states: two attacks, not one confirmed. The same attack told at a
    town and at its country still confirms."""
    book = MemoryBook()
    book.apply(claim(1, "pentagon", "affirm", event="attack", agent="russia", place="poland"))
    at_ukraine = claim(2, "zelensky", "affirm", event="attack", agent="russia", place=None, patient="ukraine")
    assert book.apply(at_ukraine) == []
    same = MemoryBook()
    same.apply(claim(1, "pentagon", "affirm", event="attack", agent="russia", place="kursk"))
    at_russia = claim(2, "zelensky", "affirm", event="attack", agent="russia", place=None, patient="russia")
    assert kinds(same.apply(at_russia)) == ["CONFIRMED"]


def test_strikes_on_two_known_places_apart_confirm_nothing_at_any_broader_place() -> None:
    """ "Russian missiles struck Kharkiv" against "Russian drones struck Odesa": two strikes, not
    one "Russia attacked Ukraine" confirmed; a strike on Kharkiv against one told in all Ukraine
    still confirms."""
    book = MemoryBook()
    book.apply(claim(1, "zelensky", "affirm", event="attack", agent="russia", place="kharkiv"))
    assert (
        book.apply(claim(2, "pentagon", "affirm", event="attack", agent="russia", place="odesa", days=1))
        == []
    )
    broad = MemoryBook()
    broad.apply(claim(1, "zelensky", "affirm", event="attack", agent="russia", place="kharkiv"))
    at_ukraine = claim(2, "pentagon", "affirm", event="attack", agent="russia", place="ukraine", days=1)
    assert kinds(broad.apply(at_ukraine)) == ["CONFIRMED"]
