"""The stance/alert decision: given a new claim and the stored state it touches, which alerts fire
and what the state becomes. Pure: a backend loads a `View`, calls `decide`, writes the result.

Independence is judged by party (the root of the speaker's actor chain), never by outlet.
"""

from __future__ import annotations

from schemas import Claim
from streams.core.gazetteer import Gazetteer, default_gazetteer
from streams.stance.context import DecisionContext
from streams.stance.positions import new_states
from streams.stance.rules.confirm import check_confirmed
from streams.stance.rules.contradict import check_contradicted
from streams.stance.rules.figures import check_figures
from streams.stance.rules.reversal import check_reversal
from streams.stance.state import Decision, Rules, View


def decide(claim: Claim, view: View, rules: Rules | None = None, gaz: Gazetteer | None = None) -> Decision:
    ctx = DecisionContext(claim, view, rules or Rules(), gaz or default_gazetteer())
    check_reversal(ctx)
    check_confirmed(ctx)
    check_contradicted(ctx)
    figure = check_figures(ctx)
    updates = new_states(claim, ctx.ev, view, ctx.ups, (ctx.opposed_now, ctx.inferred_now))
    return Decision(alerts=ctx.alerts, updates=updates, figure=figure)
