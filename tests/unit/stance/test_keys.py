"""Where a claim's state lives, and the routing key that keeps interacting claims together."""

from __future__ import annotations

from streams.stance.keys import key_plan, routing_key
from tests.unit.stance.helpers import claim


def test_claims_that_can_affect_each_other_share_a_routing_key() -> None:
    deployed = claim(1, "ukraine", "affirm", event="troops_deployed")
    combat = claim(2, "rutte", "deny", event="troops_in_combat")  # implies deployment: same key
    assert routing_key(deployed) == routing_key(combat)
    recaptured = claim(3, "russia", "affirm", event="territory_recaptured", agent="russia")
    ongoing = claim(4, "ukraine", "affirm", event="fighting_ongoing", agent=None)
    assert routing_key(recaptured) == routing_key(ongoing)  # exclusion holds across agents


def test_independent_claims_get_different_keys() -> None:
    north_korea = claim(1, "ukraine", "affirm", agent="north_korea")
    south_korea = claim(2, "ukraine", "affirm", agent="south_korea")
    supplies = claim(3, "ukraine", "affirm", event="weapons_supplied", place="russia")
    keys = {routing_key(north_korea), routing_key(south_korea), routing_key(supplies)}
    assert len(keys) == 3


def test_every_claim_reads_narrower_families_and_only_a_figure_reads_figures() -> None:
    # An affirmation reads them too: it may turn from a denial made about a narrower place.
    assert key_plan(claim(1, "ukraine", "affirm")).families
    assert key_plan(claim(2, "kremlin", "deny")).families
    assert key_plan(claim(3, "ukraine", "affirm")).figure_chain == []
    assert key_plan(claim(4, "ukraine", "affirm", qty=(1, 2))).figure_chain[0] == "kursk"
