"""The whole decision: unrelated propositions, syndicated copies and replays."""

from __future__ import annotations

from streams.stance.memory import MemoryBook
from tests.unit.stance.helpers import claim, kinds


def test_unrelated_propositions_do_not_interact() -> None:
    book = MemoryBook()
    book.apply(claim(1, "ukraine", "affirm", agent="north_korea"))
    assert book.apply(claim(2, "kremlin", "deny", agent="south_korea")) == []  # SK is not NK
    assert book.apply(claim(3, "rutte", "affirm", event="weapons_supplied", place="russia")) == []


def test_syndicated_copies_and_replays_raise_nothing() -> None:
    book = MemoryBook()
    book.apply(claim(1, "ukraine", "affirm"))
    assert book.apply(claim(2, "rutte", "affirm", syndicated="a-original")) == []
    first = claim(3, "pentagon", "affirm")
    assert kinds(book.apply(first)) == ["CONFIRMED"]
    assert book.apply(first) == []  # same claim id again
