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


def test_an_admission_found_by_pointing_back_is_no_reversal() -> None:
    """'The Kremlin confirmed the reports' may confirm them; it does not show a change of line."""
    book = MemoryBook()
    book.apply(claim(1, "kremlin", "deny"))
    back = claim(2, "putin", "affirm", days=30).model_copy(
        update={"cues": ["cue:confirmed", "topic:reports"]}
    )
    assert "STANCE_REVERSAL" not in kinds(book.apply(back))
    state = book.props[make_proposition("troops_deployed", "north_korea", "kursk").id]["russia"]
    assert state.committed == "affirm"  # the position still moves; only the alert is not raised
    direct = MemoryBook()
    direct.apply(claim(1, "kremlin", "deny"))
    assert kinds(direct.apply(claim(2, "putin", "affirm", days=30))) == ["STANCE_REVERSAL"]


def test_a_denial_after_an_affirmation_moves_the_position_but_raises_no_reversal() -> None:
    """Only an admission is a reversal: on real articles, a party 'now denying' what it had said
    was each time a misreading (it denied another party's claim, or another thing of the class)."""
    book = MemoryBook()
    book.apply(claim(1, "kremlin", "affirm"))
    assert "STANCE_REVERSAL" not in kinds(book.apply(claim(2, "putin", "deny", days=30)))
    state = book.props[make_proposition("troops_deployed", "north_korea", "kursk").id]["russia"]
    assert state.committed == "deny"


def test_affirming_a_presence_does_not_reverse_a_denial_of_fighting() -> None:
    book = MemoryBook()
    book.apply(claim(1, "kremlin", "deny", event="troops_in_combat", place="kursk"))
    assert "STANCE_REVERSAL" not in kinds(book.apply(claim(2, "putin", "affirm", place="kursk", days=30)))
    fought = MemoryBook()
    fought.apply(claim(1, "kremlin", "deny", event="troops_in_combat", place="kursk"))
    later = claim(3, "putin", "affirm", event="troops_in_combat", days=60)
    assert kinds(fought.apply(later)) == ["STANCE_REVERSAL"]


def test_owning_an_act_after_denying_one_with_no_target_or_place_is_no_reversal() -> None:
    """Russia denied "the strike" (no target, no place), then owned strikes: maybe another act."""
    book = MemoryBook()
    book.apply(claim(1, "russia", "deny", event="attack", agent="russia", place=None))
    later = claim(2, "putin", "affirm", event="attack", agent="russia", place="kursk", days=30)
    assert "STANCE_REVERSAL" not in kinds(book.apply(later))
    # A denial that named where: owning it there later is a reversal.
    book = MemoryBook()
    book.apply(claim(1, "russia", "deny", event="attack", agent="russia", place="kursk"))
    assert "STANCE_REVERSAL" in kinds(book.apply(later))
