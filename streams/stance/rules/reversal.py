"""STANCE_REVERSAL: the same party moves between deny and affirm (noncommittal ones in between cited)."""

from __future__ import annotations

from streams.core.propositions import parse_prop_id, split_event
from streams.stance.context import DecisionContext
from streams.stance.positions import older


def _of_event(pids: list[str], event: str) -> list[str]:
    return [p for p in pids if split_event(parse_prop_id(p)[0])[0] == event]


def _points_back(claim_cues: list[str]) -> bool:
    """The content was found by pointing back ("denied the allegations", "membantah tudingan
    itu") to another party's claim: good enough to contradict it, not to say a party changed line."""
    return any(c.startswith("topic:") for c in claim_cues)


def check_reversal(ctx: DecisionContext) -> None:
    claim = ctx.claim
    if not ctx.can_alert or claim.stance not in ("affirm", "deny") or _points_back(claim.cues):
        return
    # An affirmation turns from a denial here, at a broader place, or of the same event at a
    # narrower place (affirming presence does not turn from a denial of fighting); a denial turns
    # only from an affirmation of the same event (denying a presence somewhere does not take back
    # a claim of having fought).
    event = claim.proposition.event
    same_event = _of_event(ctx.view.narrower, event)
    scope = [*ctx.ups, *same_event] if claim.stance == "affirm" else ctx.downs
    opposite = "deny" if claim.stance == "affirm" else "affirm"
    for pid in dict.fromkeys(scope):
        st = ctx.mine(pid)
        if st is None or st.committed != opposite or older(claim, st):
            continue
        before = st.last_deny if opposite == "deny" else st.last_affirm
        if before is not None and claim.stance == "deny" and not _of_event([before.proposition_id], event):
            continue  # what it affirmed was another event that implies this one
        if before is not None and ctx.party and ctx.stale(ctx.party, before, opposite):
            continue  # already turned from it in a later statement: reported then
        if before is not None and before.article_id == claim.article_id:
            continue  # both stances in one article: a recap or a misreading, not a change of line
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
