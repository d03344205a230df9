"""What one decision works with: the claim, the stored view, and the alerts it emits so far."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from schemas import Alert, Claim, Evidence, PropositionRef
from streams.core.gazetteer import Gazetteer
from streams.core.propositions import (
    DETAIL_DENIED,
    SPEAKER_RECALLED,
    event_specs,
    identity_certain,
    make_proposition,
    parse_prop_id,
    split_event,
)
from streams.stance.state import PartyState, Rules, View, evidence_of, up_ids


def alerting(claim: Claim, gaz: Gazetteer) -> bool:
    """Only attributed, non-speculative, original claims about a proposition of certain identity
    can raise alerts: not syndicated, not a recap of an earlier statement ("had previously
    reported": its alert was due when it was first made), an event class (not an open claim),
    its agent named in the sentence (not defaulted to the speaker's side, not an outlet), its
    speaker named in the article itself (not only by a surname another article introduced)."""
    return (
        claim.speaker.party is not None
        and SPEAKER_RECALLED not in claim.cues
        and DETAIL_DENIED not in claim.cues
        and claim.modality != "speculative"
        and claim.syndicated_from is None
        and not any(c.startswith("recap:") for c in claim.cues)
        and identity_certain(claim.proposition, claim.cues, gaz)
    )


def alert_id(kind: str, prop: str, trigger: str, related: list[Evidence]) -> str:
    raw = "|".join([kind, prop, trigger, *sorted(e.claim_id for e in related)])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


def party_label(party: str | None, gaz: Gazetteer) -> str:
    if party and party in gaz.actors:
        return gaz.actors[party].label
    return party or "an unknown speaker"


def _downs(claim: Claim, narrower: list[str]) -> list[str]:
    """What a denial bears on: its proposition and, for events that hold at every place inside
    their own (presence, fighting), the narrower ones. Denying that a region is retaken does not
    deny that a village in it was."""
    spec = event_specs().get(claim.proposition.event)
    if spec is not None and not spec.upward:
        return [claim.proposition.id]
    return [claim.proposition.id, *narrower]


@dataclass
class DecisionContext:
    claim: Claim
    view: View
    rules: Rules
    gaz: Gazetteer
    alerts: list[Alert] = field(default_factory=list)
    opposed_now: list[str] = field(default_factory=list)
    inferred_now: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.ev = evidence_of(self.claim)
        self.party = self.claim.speaker.party
        self.me = party_label(self.party, self.gaz)
        self.ups = up_ids(self.claim)
        self.downs = _downs(self.claim, self.view.narrower)
        # Everything the claim bears on or that bears on it, for what was said before.
        self.related = list(dict.fromkeys([*self.ups, *self.view.narrower]))
        self.can_alert = alerting(self.claim, self.gaz)
        # A contradiction between two parties is reported once per proposition, not on every
        # repeat; an inferred one (mutually exclusive claims) does not hide a later direct one.
        self.already: set[str] = set()
        self.already_any: set[str] = set()
        for pid in self.related:
            st = self.view.state(pid, self.party)
            if st is not None:
                self.already.update(st.opposed)
                self.already_any.update(st.opposed, st.opposed_inferred)

    def label(self, party: str | None) -> str:
        return party_label(party, self.gaz)

    def mine(self, pid: str) -> PartyState | None:
        return self.view.state(pid, self.party)

    def said_before(self) -> bool:
        """This party already took a side (affirm or deny) on the claim's proposition: its own
        statement there or at a narrower place, or a statement of its own at a broader place
        (a place-less one bears on every place). Implied states of a sibling place do not count."""
        own = self.claim.proposition.id
        event = self.claim.proposition.event
        for pid in self.related:
            if split_event(parse_prop_id(pid)[0])[0] != event:
                continue  # a broader event is another proposition ("present" for "fighting")
            st = self.mine(pid)
            if st is None or st.committed is None:
                continue
            if pid == own or not st.implied or pid in self.view.narrower:
                return True
        return False

    def stale(self, party: str, ev: Evidence, stance: str) -> bool:
        """True when `party` took the opposite side later on a related proposition: a denial
        it has since retracted ("we did send them") is no longer its position to contradict."""
        for pid in self.related:
            st = self.view.state(pid, party)
            if st is None or st.committed is None or st.committed == stance:
                continue
            later = st.last_affirm if stance == "deny" else st.last_deny
            if later is not None and later.event_time > ev.event_time:
                return True
        return False

    def fresh(self, other: str, pid: str, *, inferred: bool = False) -> bool:
        """True when `other` and this party were not yet reported as opposed on `pid` or on a
        proposition related to this claim's (a broader place, the act without its target): one
        dispute between two parties is one alert, whichever of them spoke last."""
        if other in (self.already_any if inferred else self.already):
            return False
        me = self.party or ""
        for q in dict.fromkeys([pid, *self.related]):
            theirs = self.view.state(q, other)
            if theirs is not None and (me in theirs.opposed or (inferred and me in theirs.opposed_inferred)):
                return False
        return True

    def close_in_time(self, a: datetime, b: datetime) -> bool:
        return abs(a - b) <= timedelta(days=self.rules.period_days)

    def emitted(self, kind: str, event: str | None = None) -> bool:
        return any(a.kind == kind and (event is None or a.proposition.event == event) for a in self.alerts)

    def emit(
        self, kind: str, pid: str, related: list[Evidence], rule: str, reason: str, severity: str
    ) -> None:
        involved = [self.party or "?"] + [e.party or "?" for e in related if e.party != self.party]
        self.alerts.append(
            Alert(
                id=alert_id(kind, pid, self.claim.id, related),
                kind=kind,
                severity=severity,
                proposition=self._ref(pid),
                trigger=self.ev,
                related=related,
                parties=list(dict.fromkeys(involved)),
                rule=rule,
                reason=reason,
                event_time=self.claim.event_time,
            )
        )

    def _ref(self, pid: str) -> PropositionRef:
        if pid == self.claim.proposition.id:
            return self.claim.proposition
        event, agent, place = parse_prop_id(pid)
        return make_proposition(event, agent, place, self.gaz)
