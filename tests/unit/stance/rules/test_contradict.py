"""CONTRADICTED: a denial against an affirmation at any narrower place, exclusive claims within
a period, once per pair of parties."""

from __future__ import annotations

from streams.stance.memory import MemoryBook
from tests.unit.stance.helpers import claim, fighting, kinds, recapture


def test_denial_without_place_contradicts_an_affirmation_anywhere() -> None:
    book = MemoryBook()
    book.apply(claim(1, "ukraine", "affirm", place="kursk"))
    alerts = book.apply(claim(2, "kremlin", "deny", place=None))
    assert kinds(alerts) == ["CONTRADICTED"]
    assert alerts[0].trigger.party == "russia" and alerts[0].related[0].party == "ukraine"
    # Repeating the denial does not raise the same contradiction again.
    assert book.apply(claim(3, "russia", "deny", place=None, days=1)) == []


def test_mutually_exclusive_claims_contradict_within_a_period_only() -> None:
    book = MemoryBook()
    book.apply(claim(1, "russia", "affirm", event="territory_recaptured", agent="russia", place="kursk"))
    alerts = book.apply(
        claim(2, "ukraine", "affirm", event="fighting_ongoing", agent=None, place="kursk", days=1)
    )
    assert kinds(alerts) == ["CONTRADICTED"] and alerts[0].rule == "contradict.mutually_exclusive"
    book2 = MemoryBook()
    book2.apply(claim(1, "ukraine", "affirm", event="fighting_ongoing", agent=None, place="kursk"))
    late = book2.apply(
        claim(
            2,
            "russia",
            "affirm",
            event="territory_recaptured",
            agent="russia",
            place="kursk",
            days=200,
        )
    )
    assert late == []


def test_an_explicit_denial_is_reported_even_after_an_inferred_contradiction() -> None:
    # Claims of different propositions live on different partitions, so they may arrive in
    # either order; the explicit denial must not be swallowed by the earlier inference.
    for order in ([1, 2, 3], [2, 1, 3], [1, 3, 2]):
        claims = {1: recapture(1, "russia", "affirm"), 2: fighting(2, "ukraine", 1)}
        claims[3] = recapture(3, "ukraine", "deny", days=1)
        book = MemoryBook()
        alerts = [a for n in order for a in book.apply(claims[n])]
        direct = [a for a in alerts if a.rule == "contradict.deny_vs_affirm"]
        assert len(direct) == 1, order
        assert direct[0].trigger.party == "ukraine" and direct[0].related[0].party == "russia"
        # Repeating the denial adds nothing.
        assert book.apply(recapture(4, "zelensky", "deny", days=2)) == []


def test_an_inferred_contradiction_is_not_repeated_after_a_direct_one() -> None:
    book = MemoryBook()
    book.apply(recapture(1, "russia", "affirm"))
    assert kinds(book.apply(recapture(2, "ukraine", "deny", days=1))) == ["CONTRADICTED"]
    book.apply(fighting(3, "ukraine", days=1))
    # Russia repeating its claim is neither a new contradiction nor a reversal.
    assert book.apply(recapture(4, "putin", "affirm", days=2)) == []


def test_one_dispute_between_two_parties_is_one_alert_across_related_places() -> None:
    # The US and Russia were reported as opposed on troops in Russia; a later denial and
    # affirmation about Kursk, inside Russia, are the same dispute, whoever speaks last.
    book = MemoryBook()
    book.apply(claim(1, "pentagon", "affirm", place="russia"))
    assert kinds(book.apply(claim(2, "kremlin", "deny", place="russia", days=1))) == ["CONTRADICTED"]
    assert book.apply(claim(3, "kremlin", "deny", place="kursk", days=2)) == []
    assert book.apply(claim(4, "pentagon", "affirm", place="kursk", days=3)) == []
    # A third party is a new dispute (and confirms the US).
    assert "CONTRADICTED" in kinds(book.apply(claim(5, "zelensky", "affirm", place="kursk", days=4)))


def test_a_dispute_is_reported_once_whether_or_not_the_denial_names_the_target() -> None:
    """ "Russia denies killing Ukrainian civilians in Kursk", then "Russia denies the killings in
    Kursk": one dispute with Ukraine, one alert; the first denial says nothing of the act without
    its target, so the second is still a denial of its own."""
    book = MemoryBook()
    book.apply(claim(1, "ukraine", "affirm", event="attack", agent="russia", place="kursk"))
    first = book.apply(
        claim(2, "kremlin", "deny", event="attack", agent="russia", place="kursk", patient="ukraine", days=1)
    )
    assert kinds(first) == ["CONTRADICTED"]
    assert book.apply(claim(3, "russia", "deny", event="attack", agent="russia", place="kursk", days=2)) == []
    table = {r["proposition"]["id"]: r["stance"] for r in book.stance_table("russia")}
    assert table == {"attack>ukraine:russia:kursk": "deny", "attack:russia:kursk": "deny"}
