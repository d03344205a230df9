"""The state-writing rules every backend applies."""

from __future__ import annotations

from schemas import Speaker
from streams.stance.decide import decide
from streams.stance.memory import MemoryBook
from streams.stance.view import build_view
from streams.stance.writes import index_entries, plan_writes, table_owners
from tests.unit.stance.helpers import claim


def test_a_claim_indexes_its_family_places_and_exclusion_members() -> None:
    c = claim(1, "russia", "affirm", event="territory_recaptured", agent="russia", place="kursk")
    entries = index_entries(c)
    assert ("fam:territory_recaptured:russia", "kursk") in entries
    assert ("excl:territory_recaptured:kursk", c.proposition.id) in entries
    assert all(not key.startswith("excl:") or not key.endswith(":*") for key, _ in entries)


def test_stance_tables_go_to_the_speaker_and_every_actor_above_it() -> None:
    c = claim(1, "kremlin", "deny")
    owners = table_owners(c)
    assert owners[0] == "kremlin" and owners[-1] == "russia"
    unknown = c.model_copy(
        update={"speaker": Speaker(text="A Blogger", actor_id=None, party=None, resolved_by="unknown")}
    )
    assert table_owners(unknown) == ["unknown:a blogger"]


def test_writes_hold_the_decision_s_states_and_the_figure_under_its_party() -> None:
    book = MemoryBook()
    c = claim(1, "ukraine", "affirm", qty=(10000, 12000))
    w = plan_writes(c, decide(c, build_view(c, book)))
    assert w.claim_id == "c1"
    assert [pid for pid, _ in w.states] == sorted(pid for pid, _ in w.states)
    assert w.figure is not None and w.figure[1] == "ukraine"
    assert {t.actor for t in w.tables} == {"ukraine"}
