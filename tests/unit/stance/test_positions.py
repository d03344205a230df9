"""A party's position is its statement with the latest event time; older ones are evidence."""

from __future__ import annotations

from streams.core.propositions import make_proposition
from streams.stance.memory import MemoryBook
from tests.unit.stance.helpers import claim, fighting, kinds, recapture


def test_an_older_statement_arriving_late_neither_reverses_nor_moves_the_position() -> None:
    book = MemoryBook()
    book.apply(claim(1, "russia", "deny", days=0))
    assert kinds(book.apply(claim(2, "putin", "affirm", days=100))) == ["STANCE_REVERSAL"]
    # A recap of the old denial (event time day 0) arrives after the affirmation.
    assert [a.kind for a in book.apply(claim(3, "kremlin", "deny", days=1))] == []
    state = book.props[make_proposition("troops_deployed", "north_korea", "kursk").id]["russia"]
    assert state.committed == "affirm"
    assert state.last_affirm is not None and state.last_affirm.claim_id == "c2"
    # A genuinely newer denial moves the position again (no alert: only admissions reverse).
    assert kinds(book.apply(claim(4, "kremlin", "deny", days=101))) == []
    assert (
        book.props[make_proposition("troops_deployed", "north_korea", "kursk").id]["russia"].committed
        == "deny"
    )


def test_the_latest_statement_by_event_time_is_what_later_claims_are_compared_with() -> None:
    # A March claim about a town arriving after an April claim about the region must not make the
    # region's claim look old: the April one still bears on an April contradiction.
    book = MemoryBook()
    book.apply(recapture(1, "russia", "affirm", days=60))
    book.apply(claim(2, "russia", "affirm", event="territory_recaptured", agent="russia", place="sudzha"))
    alerts = book.apply(fighting(3, "ukraine", days=61))
    assert kinds(alerts) == ["CONTRADICTED"] and alerts[0].related[0].claim_id == "c1"
