"""STANCE_REVERSAL: the same party moves between deny and affirm (noncommittal ones in between cited)."""

from __future__ import annotations

from streams.stance.context import DecisionContext
from streams.stance.positions import older


def check_reversal(ctx: DecisionContext) -> None:
    claim = ctx.claim
    if not ctx.can_alert or claim.stance not in ("affirm", "deny"):
        return
    scope = ctx.ups if claim.stance == "affirm" else ctx.downs
    opposite = "deny" if claim.stance == "affirm" else "affirm"
    for pid in scope:
        st = ctx.mine(pid)
        if st is None or st.committed != opposite or older(claim, st):
            continue
        before = st.last_deny if opposite == "deny" else st.last_affirm
        related = [e for e in (before,) if e is not None] + list(st.pending)
        between = f", with {len(st.pending)} noncommittal statement(s) in between" if st.pending else ""
        was = "denied" if opposite == "deny" else "affirmed"
        when = f" on {before.event_time.date().isoformat()}" if before else ""
        ctx.emit(
            "STANCE_REVERSAL",
            pid,
            related,
            f"reversal.{opposite}_to_{claim.stance}",
            f"{ctx.me} now {claim.stance}s what it {was}{when}{between}.",
            "high",
        )
        return
