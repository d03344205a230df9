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


def test_a_claim_whose_dead_are_only_assumed_to_be_the_speakers_is_no_earlier_claim() -> None:
    """ "Ukraine said 12 people were killed" (whose: Ukraine's, by assumption) is in the table but
    neither confirms, is confirmed by, nor gives a figure against another party's claim."""
    from streams.core.propositions import OWNER_ASSUMED, SPEAKER_AGENT

    def assumed(n: int, actor: str, qty: tuple[float, float], days: int) -> object:
        c = claim(n, actor, "affirm", event="casualties", agent="ukraine", place=None, qty=qty, days=days)
        return c.model_copy(update={"cues": [SPEAKER_AGENT, OWNER_ASSUMED]})

    def named(n: int, actor: str, qty: tuple[float, float], days: int) -> object:
        return claim(n, actor, "affirm", event="casualties", agent="ukraine", place=None, qty=qty, days=days)

    book = MemoryBook()
    assert kinds(book.apply(assumed(1, "zelensky", (12, 12), 0))) == []  # type: ignore[arg-type]
    assert kinds(book.apply(named(2, "pentagon", (40, 40), 1))) == []  # type: ignore[arg-type]
    assert [row["timeline"][0]["claim_id"] for row in book.stance_table("zelensky")] == ["c1"]
    # The same figures with the owner named in both sentences: a confirmation and a discrepancy.
    book = MemoryBook()
    book.apply(named(1, "zelensky", (12, 12), 0))  # type: ignore[arg-type]
    both = kinds(book.apply(named(2, "pentagon", (40, 40), 1)))  # type: ignore[arg-type]
    assert set(both) == {"CONFIRMED", "NUMERIC_DISCREPANCY"}
    # Another party counted Ukraine's dead first, by name: the assumed tally is Ukraine's own after
    # all, and its figure disagrees — a discrepancy, still no confirmation, and it stores nothing.
    book = MemoryBook()
    book.apply(named(1, "pentagon", (40, 40), 0))  # type: ignore[arg-type]
    assert kinds(book.apply(assumed(2, "zelensky", (12, 12), 1))) == ["NUMERIC_DISCREPANCY"]  # type: ignore[arg-type]
    assert kinds(book.apply(named(3, "rutte", (90, 90), 2))) == ["CONFIRMED", "NUMERIC_DISCREPANCY"]  # type: ignore[arg-type]
    # ... but only a count of the same kind: "34 people killed" is no count of "60 servicemen"
    book = MemoryBook()
    book.apply(named(1, "pentagon", (60, None), 0))  # type: ignore[arg-type]
    people = assumed(2, "zelensky", (34, 34), 1)
    q = people.quantity.model_copy(update={"unit": "people"})  # type: ignore[attr-defined]
    assert kinds(book.apply(people.model_copy(update={"quantity": q}))) == []  # type: ignore[attr-defined]
