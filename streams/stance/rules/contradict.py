"""CONTRADICTED: affirming what another party denied, denying what another affirmed (here or at a
narrower place), or affirming what cannot hold together with another party's claim."""

from __future__ import annotations

from schemas import Evidence
from streams.stance.context import DecisionContext


def _holders_with(ctx: DecisionContext, pids: list[str], stance: str) -> dict[str, Evidence]:
    """Other parties whose committed stance on these propositions is `stance`, not yet reported."""
    found: dict[str, Evidence] = {}
    for pid in pids:
        for p, s in ctx.view.holders(pid):
            ev = s.last_deny if stance == "deny" else s.last_affirm
            if (
                p != ctx.party
                and s.committed == stance
                and s.certain
                and ev is not None
                and ctx.fresh(p, pid)
                and not ctx.stale(p, ev, stance)
            ):
                found.setdefault(p, ev)
    return found


def _report(
    ctx: DecisionContext, against: dict[str, Evidence], rule: str, template: str, *, inferred: bool
) -> None:
    if not against:
        return
    (ctx.inferred_now if inferred else ctx.opposed_now).extend(against)
    names = ", ".join(ctx.label(p) for p in against)
    reason = f"{ctx.me} {template.format(names)}"
    ctx.emit("CONTRADICTED", ctx.claim.proposition.id, list(against.values()), rule, reason, "high")


def _exclusive_holders(ctx: DecisionContext) -> dict[str, Evidence]:
    """Parties whose recent affirmation cannot hold together with this claim's proposition."""
    found: dict[str, Evidence] = {}
    for pid in ctx.ups:
        for other in ctx.view.excluded.get(pid, []):
            for p, s in ctx.view.holders(other):
                if (
                    p != ctx.party
                    and s.committed == "affirm"
                    and s.certain
                    and s.last_affirm is not None
                    and ctx.close_in_time(s.last_affirm.event_time, ctx.claim.event_time)
                    and ctx.fresh(p, other, inferred=True)
                ):
                    found.setdefault(p, s.last_affirm)
    return found


def check_contradicted(ctx: DecisionContext) -> None:
    if not ctx.can_alert:
        return
    if ctx.claim.stance == "affirm":
        against = _holders_with(ctx, ctx.ups, "deny")
        _report(ctx, against, "contradict.affirm_vs_deny", "affirms what {} denied.", inferred=False)
        exclusive = _exclusive_holders(ctx)
        template = "claims what cannot hold together with {}'s."
        _report(ctx, exclusive, "contradict.mutually_exclusive", template, inferred=True)
    elif ctx.claim.stance == "deny":
        against = _holders_with(ctx, ctx.downs, "affirm")
        _report(ctx, against, "contradict.deny_vs_affirm", "denies what {} affirmed.", inferred=False)
