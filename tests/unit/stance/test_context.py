"""What a decision works with: which claims may alert, stable alert ids, 'already reported'."""

from __future__ import annotations

from streams.core.gazetteer import default_gazetteer
from streams.core.propositions import SPEAKER_AGENT, make_proposition
from streams.stance.context import DecisionContext, alert_id, alerting
from streams.stance.state import PartyState, Rules, View, evidence_of
from tests.unit.stance.helpers import T0, claim


def test_only_attributed_original_non_speculative_claims_alert() -> None:
    gaz = default_gazetteer()
    assert alerting(claim(1, "ukraine", "affirm"), gaz)
    assert not alerting(claim(2, "ukraine", "affirm", syndicated="a1"), gaz)
    speculative = claim(3, "ukraine", "affirm").model_copy(update={"modality": "speculative"})
    assert not alerting(speculative, gaz)


def test_a_recap_of_an_earlier_statement_raises_no_alert() -> None:
    """ "Minsk had previously said ...": the statement's alert was due when it was first made."""
    gaz = default_gazetteer()
    recap = claim(1, "kremlin", "deny").model_copy(update={"cues": ["cue:said", "recap:had previously"]})
    assert not alerting(recap, gaz)
    assert alerting(claim(2, "kremlin", "deny"), gaz)


def test_only_claims_whose_agent_the_sentence_names_alert() -> None:
    gaz = default_gazetteer()
    assert not alerting(claim(1, "ukraine", "affirm", event="attack", agent=None), gaz)  # agentless
    defaulted = claim(2, "ukraine", "affirm", event="attack", agent="ukraine")
    assert alerting(defaulted, gaz)
    assert not alerting(defaulted.model_copy(update={"cues": [SPEAKER_AGENT]}), gaz)
    assert not alerting(claim(3, "ukraine", "affirm", event="attack", agent="media_outlets"), gaz)
    assert alerting(claim(4, "ukraine", "affirm", event="fighting_ongoing", agent=None), gaz)  # no agent slot


def test_an_arrest_alerts_only_when_whose_people_were_arrested_is_named() -> None:
    gaz = default_gazetteer()
    someone = claim(1, "ukraine", "affirm", event="arrest", agent="russia")
    assert not alerting(someone, gaz)
    named = someone.model_copy(
        update={"proposition": make_proposition("arrest", "russia", None, gaz, "ukraine")}
    )
    assert alerting(named, gaz)


def test_alert_ids_depend_on_what_is_related_not_on_its_order() -> None:
    a, b = evidence_of(claim(1, "ukraine", "affirm")), evidence_of(claim(2, "rutte", "affirm"))
    assert alert_id("CONFIRMED", "p", "c9", [a, b]) == alert_id("CONFIRMED", "p", "c9", [b, a])
    assert alert_id("CONFIRMED", "p", "c9", [a]) != alert_id("CONFIRMED", "p", "c9", [a, b])
    assert alert_id("CONFIRMED", "p", "c9", [a]) != alert_id("CONTRADICTED", "p", "c9", [a])


def test_a_pair_already_reported_as_opposed_is_not_fresh() -> None:
    c = claim(5, "kremlin", "deny")
    pid = c.proposition.id
    mine = PartyState(party="russia", stance="deny", first_seen=T0, last_seen=T0, opposed=["ukraine"])
    view = View(props={pid: {"russia": mine}})
    ctx = DecisionContext(c, view, Rules(), default_gazetteer())
    assert not ctx.fresh("ukraine", pid)
    assert ctx.fresh("nato", pid)
    assert ctx.me == default_gazetteer().actors["russia"].label
