"""How a claim moves its party's position: the statement with the latest event time is the
position; an older one (a recap, or a claim that arrived late from another partition) is evidence."""

from __future__ import annotations

from schemas import Claim, Evidence
from streams.core.propositions import OWNER_ASSUMED, parse_prop_id, prop_id, split_event
from streams.stance.state import MAX_PENDING, PartyState, View


def older(claim: Claim, state: PartyState) -> bool:
    """True when the claim predates the statement behind the party's committed stance, or is a
    recap of an earlier statement with no date of its own ("had earlier denied")."""
    behind = state.last_deny if state.committed == "deny" else state.last_affirm
    if behind is None:
        return False
    return claim.event_time < behind.event_time or any(c.startswith("recap:") for c in claim.cues)


def later(old: Evidence | None, new: Evidence) -> Evidence:
    return new if old is None or new.event_time >= old.event_time else old


def _fresh_state(claim: Claim, direct: bool) -> PartyState:
    return PartyState(
        party=claim.speaker.party or "",
        stance=claim.stance,
        first_seen=claim.event_time,
        last_seen=claim.event_time,
        implied=not direct,
    )


def _moved(
    old: PartyState, claim: Claim, ev: Evidence, direct: bool, opposed: tuple[list[str], list[str]]
) -> PartyState:
    committed, pending = old.committed, list(old.pending)
    last_affirm, last_deny, certain = old.last_affirm, old.last_deny, old.certain
    if claim.stance == "noncommittal":
        pending = [*pending, ev][-MAX_PENDING:]
    else:
        if not older(claim, old):
            committed, pending = claim.stance, []
            certain = OWNER_ASSUMED not in claim.cues
        if claim.stance == "affirm":
            last_affirm = later(last_affirm, ev)
        else:
            last_deny = later(last_deny, ev)
    direct_opp, inferred_opp = _merged_opposition(old, opposed)
    return PartyState(
        party=old.party,
        stance=claim.stance if (direct or old.implied or old.count == 0) else old.stance,
        committed=committed,
        implied=old.implied and not direct,
        first_seen=min(old.first_seen, claim.event_time),
        last_seen=max(old.last_seen, claim.event_time),
        last_affirm=last_affirm,
        last_deny=last_deny,
        pending=pending,
        opposed=direct_opp,
        opposed_inferred=inferred_opp,
        count=old.count + 1,
        certain=certain,
    )


def new_states(
    claim: Claim, ev: Evidence, view: View, ups: list[str], opposed: tuple[list[str], list[str]]
) -> dict[str, PartyState]:
    """The claim party's new state on each proposition it bears on. A denial is about its own
    proposition; an affirmation implies the broader ones too."""
    if claim.speaker.party is None:
        return {}
    scope = ups if claim.stance == "affirm" else [claim.proposition.id]
    out: dict[str, PartyState] = {}
    for pid in scope:
        direct = pid == claim.proposition.id
        old = view.state(pid, claim.speaker.party) or _fresh_state(claim, direct)
        out[pid] = _moved(old, claim, ev, direct, opposed)
    act = _without_patient(claim)
    if act is not None and act not in out and (opposed[0] or opposed[1]):
        # "denies killing Ukrainian civilians in Bucha", later "denies the killings in Bucha": one
        # dispute, reported once. The act without its target keeps no stance from the denial,
        # only whom it was reported against.
        old = view.state(act, claim.speaker.party) or _fresh_state(claim, direct=False)
        out[act] = _with_opposition(old, opposed)
    return out


def _without_patient(claim: Claim) -> str | None:
    """The claim's act without its target ("attack>ukraine:russia:bucha" -> "attack:russia:bucha")."""
    p = claim.proposition
    slot, agent, place = parse_prop_id(p.id)
    if split_event(slot)[1] is None:
        return None
    return prop_id(p.event, agent, place)


def _merged_opposition(old: PartyState, opposed: tuple[list[str], list[str]]) -> tuple[list[str], list[str]]:
    """Parties reported against, directly and only by inference (a direct report wins)."""
    direct = {*old.opposed, *opposed[0]}
    return sorted(direct), sorted({*old.opposed_inferred, *opposed[1]} - direct)


def _with_opposition(old: PartyState, opposed: tuple[list[str], list[str]]) -> PartyState:
    direct, inferred = _merged_opposition(old, opposed)
    return old.model_copy(update={"opposed": direct, "opposed_inferred": inferred})
