"""CONFIRMED: a party's first affirmation of something a different party affirmed before.

Once per statement: a party that already took a side on the proposition (here, at a place
within it, or place-less) confirms nothing — repeating is not confirming, and turning from a
denial is a reversal, not a confirmation."""

from __future__ import annotations

from schemas import Evidence
from streams.core.propositions import ANSWER, parse_prop_id, split_event
from streams.stance.context import DecisionContext


def check_confirmed(ctx: DecisionContext) -> None:
    claim = ctx.claim
    if not ctx.can_alert or claim.stance != "affirm":
        return
    if ctx.emitted("STANCE_REVERSAL", claim.proposition.event) or ctx.said_before():
        return
    if any(c.startswith("trigger:\u2205") for c in claim.cues):
        return  # "Ukrainian troops in Kursk" as a phrase, no verb: too weak to confirm anything
    if ANSWER in claim.cues:
        return  # "we returned fire": an answer, not the attack another party blames on the speaker
    for pid in ctx.ups:
        if _weak_broader(ctx, pid):
            continue
        others = [
            s
            for p, s in ctx.view.holders(pid)
            if p != ctx.party
            and s.committed == "affirm"
            and s.certain
            and s.last_affirm is not None
            and not ctx.stale(p, s.last_affirm, "affirm")
            and not _joint(ctx, s.last_affirm)
            and not _elsewhere(ctx, pid, s.last_affirm)
        ]
        mine = ctx.mine(pid)
        if not others or (mine is not None and mine.committed == "affirm"):
            continue
        others.sort(key=lambda s: (s.first_seen, s.party))
        related = [s.last_affirm for s in others if s.last_affirm is not None]
        also = ", ".join(ctx.label(s.party) for s in others[1:])
        reason = f"{ctx.me} affirms it independently; first claimed by {ctx.label(others[0].party)}"
        reason += f", also affirmed by {also}." if also else "."
        strong = claim.modality == "asserted" and claim.confidence >= 0.7
        ctx.emit(
            "CONFIRMED", pid, related, "confirm.independent_party", reason, "high" if strong else "medium"
        )
        return


def _weak_broader(ctx: DecisionContext, pid: str) -> bool:
    """ "drone attacks on US forces" (US troops in combat) against "a base of US troops in Syria":
    both imply that US troops are somewhere, which confirms nothing. A broader event confirms
    only at a place."""
    event, _, place = parse_prop_id(pid)
    return place is None and split_event(event)[0] != ctx.claim.proposition.event


def _elsewhere(ctx: DecisionContext, pid: str, ev: Evidence) -> bool:
    """ "US troops at a base in Syria" against "US troops at a base in Jordan": at the place-less
    proposition both hold, yet they disagree on where; neither confirms the other. So for attacks
    told in two different states ("fired at Ukraine" against "missiles fell in Poland"), and, at
    any broader place, for strikes on two known places apart ("struck Kharkiv" against "struck
    Odesa" are two strikes, not one confirmed in Ukraine). (Not for fighting or losses: told at
    two places they are still the same war's.)"""
    event, _, place = parse_prop_id(pid)
    kind = split_event(event)[0]
    if kind not in ("troops_deployed", "attack"):
        return False
    here, there = ctx.claim.proposition.place, parse_prop_id(ev.proposition_id)[2]
    if kind == "attack" and _apart(ctx, here, there, known=True):
        return True
    if place is not None:
        return False
    if kind == "attack":
        mine, theirs = _state_of(ctx, ctx.claim.proposition.id), _state_of(ctx, ev.proposition_id)
        return mine is not None and theirs is not None and mine != theirs
    return _apart(ctx, here, there)


def _apart(ctx: DecisionContext, here: str | None, there: str | None, *, known: bool = False) -> bool:
    """Two named places, neither within the other; with `known`, both with a known parent (a
    place read from the text alone may lie in the other: "a Susi Air plane" in "Nduga")."""
    if here is None or there is None or ctx.gaz.within(here, there) or ctx.gaz.within(there, here):
        return False
    return not known or min(len(ctx.gaz.place_chain(here)), len(ctx.gaz.place_chain(there))) > 1


def _state_of(ctx: DecisionContext, pid: str) -> str | None:
    """The state where an attack is told: its place's, else its target's ("fired at Ukraine")."""
    slot, _, place = parse_prop_id(pid)
    where = place or ctx.gaz.party_place(split_event(slot)[1])
    return ctx.gaz.party_at(where) if where else None


def _joint(ctx: DecisionContext, ev: Evidence) -> bool:
    """The other party spoke in the same statement ("Britain and Australia said ..."): one joint
    statement, not one party confirming another."""
    claim = ctx.claim
    overlap = max(ev.span.start, claim.span.start) < min(ev.span.end, claim.span.end)
    # The same words end both quotes (a headline's offsets are the body's too: compare the text).
    same_words = ev.quote[-40:] == claim.quote[-40:]
    return ev.article_id == claim.article_id and overlap and same_words
