"""The state's data: evidence as alerts cite it, and a view that never exposes storage order."""

from __future__ import annotations

from streams.core.propositions import make_proposition
from streams.stance.state import PartyState, View, evidence_of, up_ids
from tests.unit.stance.helpers import T0, claim


def test_evidence_carries_the_claim_s_speaker_party_quote_and_time() -> None:
    c = claim(7, "kremlin", "deny", days=3)
    ev = evidence_of(c)
    assert (ev.claim_id, ev.party, ev.stance, ev.proposition_id) == ("c7", "russia", "deny", c.proposition.id)
    assert ev.event_time == c.event_time and ev.span == c.span


def test_up_ids_are_the_proposition_then_what_it_implies() -> None:
    c = claim(1, "ukraine", "affirm", event="troops_in_combat", place="kursk")
    ups = up_ids(c)
    assert ups[0] == c.proposition.id
    assert make_proposition("troops_deployed", "north_korea", "kursk").id in ups
    assert make_proposition("troops_in_combat", "north_korea", "russia").id in ups


def test_holders_come_in_party_order_whatever_the_store_returned() -> None:
    st = {
        p: PartyState(party=p, stance="affirm", first_seen=T0, last_seen=T0)
        for p in ("ukraine", "nato", "russia")
    }
    view = View(props={"x": {"ukraine": st["ukraine"], "russia": st["russia"], "nato": st["nato"]}})
    assert [p for p, _ in view.holders("x")] == ["nato", "russia", "ukraine"]
    assert view.state("x", "nato") is st["nato"] and view.state("x", None) is None
