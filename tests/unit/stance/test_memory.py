"""The in-memory backend: idempotent, stance tables in a fixed order, capped timelines."""

from __future__ import annotations

from streams.stance.memory import MemoryBook
from streams.stance.writes import TIMELINE_CAP
from tests.unit.stance.helpers import claim


def test_applying_a_claim_twice_changes_nothing() -> None:
    book = MemoryBook()
    book.apply(claim(1, "ukraine", "affirm"))
    before = (dict(book.props), {k: list(v) for k, v in book.timelines.items()})
    assert book.apply(claim(1, "ukraine", "affirm")) == []
    assert (dict(book.props), {k: list(v) for k, v in book.timelines.items()}) == before


def test_the_stance_table_is_latest_first_with_ties_by_proposition() -> None:
    book = MemoryBook()
    book.apply(claim(1, "kremlin", "deny", place="kursk", days=5))
    book.apply(claim(2, "kremlin", "deny", place="belgorod", days=5))
    book.apply(claim(3, "kremlin", "deny", place="bryansk", days=1))
    rows = book.stance_table("russia")
    assert [r["last_seen"][:10] for r in rows] == ["2024-10-30", "2024-10-30", "2024-10-26"]
    assert rows[0]["proposition"]["id"] < rows[1]["proposition"]["id"]
    assert rows[0]["timeline"][0]["party"] == "russia"
    assert book.actors() == ["kremlin", "russia"]


def test_timelines_keep_the_latest_evidence_only() -> None:
    book = MemoryBook()
    for n in range(TIMELINE_CAP + 5):
        book.apply(claim(n, "ukraine", "affirm", days=n % 20))
    timeline = book.stance_table("ukraine")[0]["timeline"]
    assert len(timeline) == TIMELINE_CAP and timeline[-1]["claim_id"] == f"c{TIMELINE_CAP + 4}"
