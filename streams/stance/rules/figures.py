"""NUMERIC_DISCREPANCY: figures for the same measure, place and period whose intervals do not
overlap (a figure for a place inside a broader one must not exceed the broader figure)."""

from __future__ import annotations

from schemas import Evidence, Quantity
from streams.core.propositions import ANY, OWNER_ASSUMED, SPEAKER_AGENT
from streams.stance.context import DecisionContext, alerting
from streams.stance.state import Figure, evidence_order


def overlap(lo1: float | None, hi1: float | None, lo2: float | None, hi2: float | None) -> bool:
    low = max(x for x in (lo1, lo2, float("-inf")) if x is not None)
    high = min(x for x in (hi1, hi2, float("inf")) if x is not None)
    return low <= high


def fmt_interval(lo: float | None, hi: float | None) -> str:
    def f(x: float | None, inf: str) -> str:
        return inf if x is None else f"{x:,.0f}"

    return f"[{f(lo, '0')}, {f(hi, '∞')}]"


def _clashes_with(ctx: DecisionContext, q: Quantity, fig: Figure, where: str) -> bool:
    fq = fig.evidence.quantity
    if fq is None:
        return False
    if fig.evidence.party is not None and fig.evidence.party == ctx.party:
        return False  # a party revising its own tally is not a discrepancy between sources
    if not ctx.close_in_time(fig.evidence.event_time, ctx.claim.event_time):
        return False
    if where == "same":
        return not overlap(q.low, q.high, fq.low, fq.high)
    # A part cannot exceed the whole: the stored figure is for a broader place, or a narrower one.
    if where == "broader":
        return q.low is not None and fq.high is not None and q.low > fq.high
    return fq.low is not None and q.high is not None and fq.low > q.high


def _pair_reported(ctx: DecisionContext, q: Quantity, fig: Figure) -> bool:
    """Once per pair: this party's stored tally already clashes with the other party's (the
    discrepancy was reported when the second of them came, in another article or side by side in
    the same one), or the new figure restates this party's stored tally (it lies within it: "23"
    after "at least 23") — a later outlet carrying the same tallies raises nothing. (The store keeps
    one figure per party and place, so a pair is judged by the latest tallies.)"""
    fq = fig.evidence.quantity
    if fq is None or ctx.party is None:
        return False
    for figs in ctx.view.figures.values():
        for mine in figs:
            g = mine.evidence.quantity
            if mine.party != ctx.party or g is None or mine.evidence.article_id == ctx.claim.article_id:
                continue
            if not overlap(g.low, g.high, fq.low, fq.high) or _within(q, g):
                return True
    return False


def _within(q: Quantity, g: Quantity) -> bool:
    low_ok = g.low is None or (q.low is not None and q.low >= g.low)
    high_ok = g.high is None or (q.high is not None and q.high <= g.high)
    return low_ok and high_ok


def _describe(ctx: DecisionContext, clashes: list[Evidence]) -> str:
    parts = []
    for e in clashes:
        qty = e.quantity
        text = f"{qty.text} {fmt_interval(qty.low, qty.high)}" if qty else "? "
        parts.append(f"{ctx.label(e.party)}: {text}")
    return "; ".join(parts)


def _relation(ctx: DecisionContext, stored: str, own: str) -> str:
    """Where the stored figure's place lies from the claim's: same, broader or narrower."""
    if stored == own:
        return "same"
    if own == ANY or (stored != ANY and ctx.gaz.within(stored, own)):
        return "narrower"
    return "broader"


def check_figures(ctx: DecisionContext) -> Figure | None:
    """Emit a discrepancy when one applies; returns the figure this claim stores (if any)."""
    claim, q = ctx.claim, ctx.claim.quantity
    if q is None or claim.stance != "affirm" or ctx.party is None or claim.syndicated_from is not None:
        return None
    # Whose dead an assumed figure counts ("the army said eleven soldiers were killed": its own) is
    # confirmed when another party counted that side's dead explicitly: the two figures compare.
    # The assumed figure is never stored, so it is no earlier figure for anyone.
    assumed = OWNER_ASSUMED in claim.cues
    clashes: list[Evidence] = []
    own_place = claim.place or ANY
    for place_key, figs in ctx.view.figures.items():
        for fig in sorted(figs, key=lambda f: evidence_order(f.evidence)):
            where = _relation(ctx, place_key, own_place)
            if assumed and not _same_kind(q, fig):
                continue  # an assumed owner holds for a count of the same kind only
            if _clashes_with(ctx, q, fig, where) and not _pair_reported(ctx, q, fig):
                clashes.append(fig.evidence)
    if clashes and (ctx.can_alert or (assumed and _alerting_but_assumed(ctx))):
        reason = (
            f"{ctx.me} gives {q.text} {fmt_interval(q.low, q.high)} for {q.measure}; "
            f"it does not overlap {_describe(ctx, clashes)}."
        )
        ctx.emit(
            "NUMERIC_DISCREPANCY", claim.proposition.id, clashes, f"figures.{q.measure}", reason, "medium"
        )
    return None if assumed else Figure(ctx.party, ctx.ev)


def _same_kind(q: Quantity, fig: Figure) -> bool:
    """Both count troops, or both people ("34 people killed" is no count of "60 servicemen")."""
    fq = fig.evidence.quantity
    return fq is not None and fq.unit == q.unit


def _alerting_but_assumed(ctx: DecisionContext) -> bool:
    """The claim would alert but for its owner being assumed to be the speaker's side."""
    cues = [c for c in ctx.claim.cues if c not in (OWNER_ASSUMED, SPEAKER_AGENT)]
    return alerting(ctx.claim.model_copy(update={"cues": cues}), ctx.gaz)
