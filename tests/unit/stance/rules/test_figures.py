"""NUMERIC_DISCREPANCY: intervals that do not overlap, within one period."""

from __future__ import annotations

from streams.stance.memory import MemoryBook
from tests.unit.stance.helpers import claim, kinds


def test_overlapping_intervals_are_no_discrepancy_but_disjoint_ones_are() -> None:
    book = MemoryBook()
    book.apply(claim(1, "ukraine", "affirm", qty=(10450, 11550)))
    assert "NUMERIC_DISCREPANCY" not in kinds(
        book.apply(claim(2, "pentagon", "affirm", qty=(10000, None), days=1))
    )
    alerts = book.apply(claim(3, "rutte", "affirm", qty=(2700, 3300), days=2))
    assert "NUMERIC_DISCREPANCY" in kinds(alerts)
    # Months later is another period: no discrepancy.
    later = book.apply(claim(4, "north_korea", "affirm", qty=(500, 600), days=200))
    assert "NUMERIC_DISCREPANCY" not in kinds(later)


def test_no_discrepancy_for_overlapping_hedged_figures() -> None:
    book = MemoryBook()
    for i, (actor, q) in enumerate(
        [
            ("ukraine", (9000, 11000)),
            ("pentagon", (10000, None)),
            ("rutte", (10800, 13200)),
            ("north_korea", (10450, 11550)),
        ]
    ):
        alerts = book.apply(claim(i, actor, "affirm", qty=q, days=i))
        assert "NUMERIC_DISCREPANCY" not in kinds(alerts)


def test_a_party_revising_its_own_tally_is_no_discrepancy() -> None:
    from streams.stance.memory import MemoryBook
    from tests.unit.stance.helpers import claim

    book = MemoryBook()
    book.apply(claim(1, "ukraine", "affirm", qty=(2, 2)))
    assert book.apply(claim(2, "zelensky", "affirm", days=1, qty=(5, 5))) == []


def test_a_discrepancy_between_two_parties_is_reported_once_per_pair() -> None:
    """A later outlet carrying the same two tallies (either side's) raises nothing new."""
    book = MemoryBook()
    book.apply(claim(1, "ukraine", "affirm", qty=(40, 40)))
    assert "NUMERIC_DISCREPANCY" in kinds(book.apply(claim(2, "north_korea", "affirm", qty=(5, 5), days=1)))
    assert "NUMERIC_DISCREPANCY" not in kinds(book.apply(claim(3, "ukraine", "affirm", qty=(40, 40), days=2)))
    assert "NUMERIC_DISCREPANCY" not in kinds(
        book.apply(claim(4, "north_korea", "affirm", qty=(5, 5), days=2))
    )


def test_a_party_restating_its_tally_within_its_earlier_range_raises_nothing_new() -> None:
    book = MemoryBook()
    book.apply(claim(1, "ukraine", "affirm", qty=(40, None)))  # "at least 40"
    book.apply(claim(2, "north_korea", "affirm", qty=(50, 50), days=1))  # overlaps: nothing
    assert "NUMERIC_DISCREPANCY" not in kinds(book.apply(claim(3, "ukraine", "affirm", qty=(40, 40), days=2)))


def test_two_parties_tallies_side_by_side_in_one_article_are_a_discrepancy_once() -> None:
    """An article giving Ukraine's and the Pentagon's differing tallies: the later one in it clashes
    with the earlier, once; a second outlet carrying both raises nothing new."""
    book = MemoryBook()
    book.apply(claim(1, "ukraine", "affirm", qty=(3000, None), article="wire"))
    assert "NUMERIC_DISCREPANCY" in kinds(
        book.apply(claim(2, "pentagon", "affirm", qty=(1045, 1155), article="wire"))
    )
    book.apply(claim(3, "ukraine", "affirm", qty=(3000, None), article="portal", days=1))
    assert "NUMERIC_DISCREPANCY" not in kinds(
        book.apply(claim(4, "pentagon", "affirm", qty=(1045, 1155), article="portal", days=1))
    )


def test_a_count_for_one_place_cannot_exceed_a_place_less_count_of_the_whole() -> None:
    # the place-less count first, then a larger one for a place inside: a discrepancy
    book = MemoryBook()
    book.apply(claim(1, "ukraine", "affirm", place=None, qty=(3000, 3000)))
    assert "NUMERIC_DISCREPANCY" in kinds(
        book.apply(claim(2, "pentagon", "affirm", qty=(10000, 12000), days=1))
    )
    # the count for the place first, then a smaller place-less one: a discrepancy too
    book = MemoryBook()
    book.apply(claim(1, "pentagon", "affirm", qty=(10000, 12000)))
    assert "NUMERIC_DISCREPANCY" in kinds(
        book.apply(claim(2, "ukraine", "affirm", place=None, qty=(3000, 3000), days=1))
    )
    # a part within the whole is no discrepancy
    book = MemoryBook()
    book.apply(claim(1, "pentagon", "affirm", qty=(2000, 2000)))
    assert "NUMERIC_DISCREPANCY" not in kinds(
        book.apply(claim(2, "ukraine", "affirm", place=None, qty=(3000, 3000), days=1))
    )
