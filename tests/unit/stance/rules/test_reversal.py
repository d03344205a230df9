"""STANCE_REVERSAL: the same party between deny and affirm, noncommittal statements cited."""

from __future__ import annotations

from streams.core.propositions import make_proposition
from streams.stance.memory import MemoryBook
from tests.unit.stance.helpers import claim, kinds


def test_reversal_records_noncommittal_in_between() -> None:
    book = MemoryBook()
    book.apply(claim(1, "kremlin", "deny", place=None))
    book.apply(claim(2, "putin", "noncommittal", place=None, days=3))
    alerts = book.apply(claim(3, "putin", "affirm", place="russia", days=180))
    rev = [a for a in alerts if a.kind == "STANCE_REVERSAL"]
    assert len(rev) == 1
    assert [e.stance for e in rev[0].related] == ["deny", "noncommittal"]


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


def test_both_stances_in_one_article_are_no_reversal() -> None:
    book = MemoryBook()
    book.apply(claim(1, "kremlin", "deny", article="same"))
    assert "STANCE_REVERSAL" not in kinds(book.apply(claim(2, "putin", "affirm", article="same")))


def test_a_denial_found_by_pointing_back_is_no_reversal() -> None:
    """'The Kremlin denied the allegations' may contradict them; it does not show a change of line."""
    book = MemoryBook()
    book.apply(claim(1, "kremlin", "affirm"))
    back = claim(2, "putin", "deny", days=30).model_copy(update={"cues": ["cue:denied", "topic:allegations"]})
    assert "STANCE_REVERSAL" not in kinds(book.apply(back))
    state = book.props[make_proposition("troops_deployed", "north_korea", "kursk").id]["russia"]
    assert state.committed == "deny"  # the position still moves; only the alert is not raised
    direct = MemoryBook()
    direct.apply(claim(1, "kremlin", "affirm"))
    assert kinds(direct.apply(claim(2, "putin", "deny", days=30))) == ["STANCE_REVERSAL"]


def test_denying_a_presence_does_not_reverse_a_claim_of_fighting() -> None:
    book = MemoryBook()
    book.apply(claim(1, "kremlin", "affirm", event="troops_in_combat", place="kursk"))
    assert "STANCE_REVERSAL" not in kinds(book.apply(claim(2, "putin", "deny", place="kursk", days=30)))
    fought = MemoryBook()
    fought.apply(claim(1, "kremlin", "affirm", event="troops_in_combat", place="kursk"))
    later = claim(3, "putin", "deny", event="troops_in_combat", days=60)
    assert kinds(fought.apply(later)) == ["STANCE_REVERSAL"]
