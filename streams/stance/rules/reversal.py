"""STANCE_REVERSAL: a party that denied something now affirms it — an admission (noncommittal
statements in between cited). A denial after an affirmation raises none: on real articles every
such "reversal" measured was a misreading (a denial of another party's claim, or of a different
thing under the same event class), while the admissions were real."""

from __future__ import annotations

from streams.core.propositions import event_specs, parse_prop_id, split_event
from streams.stance.context import DecisionContext
from streams.stance.positions import older


def _of_event(pids: list[str], event: str) -> list[str]:
    return [p for p in pids if split_event(parse_prop_id(p)[0])[0] == event]


def _points_back(claim_cues: list[str]) -> bool:
    """The content was found by pointing back ("denied the allegations", "membantah tudingan
    itu") to another party's claim: good enough to contradict it, not to say a party changed line."""
    return any(c.startswith("topic:") for c in claim_cues)


def _bare_act(pid: str) -> bool:
    """A denied act of a class done to someone (an attack, an arrest) with neither its target nor
    its place: a party denying one strike and later owning another has not changed its line."""
    slot, _, place = parse_prop_id(pid)
    event, patient = split_event(slot)
    spec = event_specs().get(event)
    return spec is not None and spec.patient != "none" and patient is None and place is None


def check_reversal(ctx: DecisionContext) -> None:
    claim = ctx.claim
    if not ctx.can_alert or claim.stance != "affirm" or _points_back(claim.cues):
        return
    # An affirmation turns from a denial here, at a broader place, or of the same event at a
    # narrower place (affirming presence does not turn from a denial of fighting).
    same_event = _of_event(ctx.view.narrower, claim.proposition.event)
    for pid in dict.fromkeys([*ctx.ups, *same_event]):
        st = ctx.mine(pid)
        if st is None or st.committed != "deny" or not st.certain or older(claim, st):
            continue
        before = st.last_deny
        if before is not None and _bare_act(before.proposition_id):
            continue  # "did not attack" with no target or place: which act it denied is not known
        if before is not None and ctx.party and ctx.stale(ctx.party, before, "deny"):
            continue  # already turned from it in a later statement: reported then
        if before is not None and before.article_id == claim.article_id:
            continue  # both stances in one article: a recap or a misreading, not a change of line
        related = [e for e in (before,) if e is not None] + list(st.pending)
        between = f", with {len(st.pending)} noncommittal statement(s) in between" if st.pending else ""
        when = f" on {before.event_time.date().isoformat()}" if before else ""
        ctx.emit(
            "STANCE_REVERSAL",
            pid,
            related,
            "reversal.deny_to_affirm",
            f"{ctx.me} now affirms what it denied{when}{between}.",
            "high",
        )
        return
