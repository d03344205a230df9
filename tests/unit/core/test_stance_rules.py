"""The alert decision on hand-built claims: independence by party, places, periods, repeats."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from schemas import Claim, Quantity, Span, Speaker
from streams.core.propositions import make_proposition
from streams.stance.memory import MemoryBook

T0 = datetime(2024, 10, 25, tzinfo=UTC)
PARTY_OF = {
    "zelensky": "ukraine",
    "ukraine": "ukraine",
    "kremlin": "russia",
    "russia": "russia",
    "rutte": "nato",
    "pentagon": "united_states",
    "putin": "russia",
    "north_korea": "north_korea",
}


def claim(
    n: int,
    actor: str,
    stance: str,
    event: str = "troops_deployed",
    agent: str | None = "north_korea",
    place: str | None = "kursk",
    days: int = 0,
    qty: tuple[float | None, float | None] | None = None,
    article: str | None = None,
    syndicated: str | None = None,
) -> Claim:
    prop = make_proposition(event, agent, place)
    return Claim(
        id=f"c{n}",
        article_id=article or f"a{n}",
        outlet=f"outlet{n}",
        language="en",
        speaker=Speaker(text=actor, actor_id=actor, party=PARTY_OF[actor], resolved_by="name"),
        proposition=prop,
        stance=stance,
        modality="asserted",  # type: ignore[arg-type]
        quantity=Quantity(
            low=qty[0],
            high=qty[1],
            unit="troops",
            measure="troops_deployed",
            text="n",
            span=Span(start=0, end=1),
        )
        if qty
        else None,
        place=place,
        event_time=T0 + timedelta(days=days),
        published_at=T0 + timedelta(days=days),
        quote="q",
        span=Span(start=0, end=1),
        confidence=0.9,
        syndicated_from=syndicated,
    )


def kinds(alerts: list) -> list[str]:  # type: ignore[type-arg]
    return [a.kind for a in alerts]


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


def test_denial_without_place_contradicts_an_affirmation_anywhere() -> None:
    book = MemoryBook()
    book.apply(claim(1, "ukraine", "affirm", place="kursk"))
    alerts = book.apply(claim(2, "kremlin", "deny", place=None))
    assert kinds(alerts) == ["CONTRADICTED"]
    assert alerts[0].trigger.party == "russia" and alerts[0].related[0].party == "ukraine"
    # Repeating the denial does not raise the same contradiction again.
    assert book.apply(claim(3, "russia", "deny", place=None, days=1)) == []


def test_unrelated_propositions_do_not_interact() -> None:
    book = MemoryBook()
    book.apply(claim(1, "ukraine", "affirm", agent="north_korea"))
    assert book.apply(claim(2, "kremlin", "deny", agent="south_korea")) == []  # SK is not NK
    assert book.apply(claim(3, "rutte", "affirm", event="weapons_supplied", place="russia")) == []


def test_reversal_records_noncommittal_in_between() -> None:
    book = MemoryBook()
    book.apply(claim(1, "kremlin", "deny", place=None))
    book.apply(claim(2, "putin", "noncommittal", place=None, days=3))
    alerts = book.apply(claim(3, "putin", "affirm", place="russia", days=180))
    rev = [a for a in alerts if a.kind == "STANCE_REVERSAL"]
    assert len(rev) == 1
    assert [e.stance for e in rev[0].related] == ["deny", "noncommittal"]


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


def test_syndicated_copies_and_replays_raise_nothing() -> None:
    book = MemoryBook()
    book.apply(claim(1, "ukraine", "affirm"))
    assert book.apply(claim(2, "rutte", "affirm", syndicated="a-original")) == []
    first = claim(3, "pentagon", "affirm")
    assert kinds(book.apply(first)) == ["CONFIRMED"]
    assert book.apply(first) == []  # same claim id again


def _recapture(n: int, actor: str, stance: str, days: int = 0, place: str = "kursk") -> Claim:
    return claim(n, actor, stance, event="territory_recaptured", agent="russia", place=place, days=days)


def _fighting(n: int, actor: str, days: int = 0) -> Claim:
    return claim(n, actor, "affirm", event="fighting_ongoing", agent=None, place="kursk", days=days)


def test_an_explicit_denial_is_reported_even_after_an_inferred_contradiction() -> None:
    # Claims of different propositions live on different partitions, so they may arrive in
    # either order; the explicit denial must not be swallowed by the earlier inference.
    for order in ([1, 2, 3], [2, 1, 3], [1, 3, 2]):
        claims = {1: _recapture(1, "russia", "affirm"), 2: _fighting(2, "ukraine", 1)}
        claims[3] = _recapture(3, "ukraine", "deny", days=1)
        book = MemoryBook()
        alerts = [a for n in order for a in book.apply(claims[n])]
        direct = [a for a in alerts if a.rule == "contradict.deny_vs_affirm"]
        assert len(direct) == 1, order
        assert direct[0].trigger.party == "ukraine" and direct[0].related[0].party == "russia"
        # Repeating the denial adds nothing.
        assert book.apply(_recapture(4, "zelensky", "deny", days=2)) == []


def test_an_inferred_contradiction_is_not_repeated_after_a_direct_one() -> None:
    book = MemoryBook()
    book.apply(_recapture(1, "russia", "affirm"))
    assert kinds(book.apply(_recapture(2, "ukraine", "deny", days=1))) == ["CONTRADICTED"]
    book.apply(_fighting(3, "ukraine", days=1))
    # Russia repeating its claim is neither a new contradiction nor a reversal.
    assert book.apply(_recapture(4, "putin", "affirm", days=2)) == []


def test_an_older_statement_arriving_late_neither_reverses_nor_moves_the_position() -> None:
    book = MemoryBook()
    book.apply(claim(1, "russia", "deny", days=0))
    assert kinds(book.apply(claim(2, "putin", "affirm", days=100))) == ["STANCE_REVERSAL"]
    # A recap of the old denial (event time day 0) arrives after the affirmation.
    assert [a.kind for a in book.apply(claim(3, "kremlin", "deny", days=1))] == []
    state = book.props[make_proposition("troops_deployed", "north_korea", "kursk").id]["russia"]
    assert state.committed == "affirm"
    assert state.last_affirm is not None and state.last_affirm.claim_id == "c2"
    # A genuinely newer denial is a reversal again.
    assert kinds(book.apply(claim(4, "kremlin", "deny", days=101))) == ["STANCE_REVERSAL"]


def test_the_latest_statement_by_event_time_is_what_later_claims_are_compared_with() -> None:
    # A March claim about a town arriving after an April claim about the region must not make the
    # region's claim look old: the April one still bears on an April contradiction.
    book = MemoryBook()
    book.apply(_recapture(1, "russia", "affirm", days=60))
    book.apply(claim(2, "russia", "affirm", event="territory_recaptured", agent="russia", place="sudzha"))
    alerts = book.apply(_fighting(3, "ukraine", days=61))
    assert kinds(alerts) == ["CONTRADICTED"] and alerts[0].related[0].claim_id == "c1"


def test_a_recap_without_a_date_does_not_reverse_the_current_position() -> None:
    book = MemoryBook()
    book.apply(claim(1, "russia", "deny"))
    assert kinds(book.apply(claim(2, "putin", "affirm", days=100))) == ["STANCE_REVERSAL"]
    recap = claim(3, "kremlin", "deny", days=100).model_copy(
        update={"cues": ["cue:denied", "recap:had earlier"]}
    )
    assert book.apply(recap) == []
    state = book.props[make_proposition("troops_deployed", "north_korea", "kursk").id]["russia"]
    assert state.committed == "affirm"
