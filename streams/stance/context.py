"""What one decision works with: the claim, the stored view, and the alerts it emits so far."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from schemas import Alert, Claim, Evidence, PropositionRef
from streams.core.gazetteer import Gazetteer
from streams.core.propositions import make_proposition, parse_prop_id
from streams.stance.state import PartyState, Rules, View, evidence_of, up_ids


def alerting(claim: Claim) -> bool:
    """Only attributed, non-speculative, original (not syndicated) claims can raise alerts."""
    return (
        claim.speaker.party is not None and claim.modality != "speculative" and claim.syndicated_from is None
    )


def alert_id(kind: str, prop: str, trigger: str, related: list[Evidence]) -> str:
    raw = "|".join([kind, prop, trigger, *sorted(e.claim_id for e in related)])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


def party_label(party: str | None, gaz: Gazetteer) -> str:
    if party and party in gaz.actors:
        return gaz.actors[party].label
    return party or "an unknown speaker"


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
        self.downs = [self.claim.proposition.id, *self.view.narrower]
        self.can_alert = alerting(self.claim)
        # A contradiction between two parties is reported once per proposition, not on every
        # repeat; an inferred one (mutually exclusive claims) does not hide a later direct one.
        self.already: set[str] = set()
        self.already_any: set[str] = set()
        for pid in dict.fromkeys([*self.ups, *self.downs]):
            st = self.view.state(pid, self.party)
            if st is not None:
                self.already.update(st.opposed)
                self.already_any.update(st.opposed, st.opposed_inferred)

    def label(self, party: str | None) -> str:
        return party_label(party, self.gaz)

    def mine(self, pid: str) -> PartyState | None:
        return self.view.state(pid, self.party)

    def fresh(self, other: str, pid: str, *, inferred: bool = False) -> bool:
        """True when `other` and this party were not yet reported as opposed on `pid`."""
        theirs = self.view.state(pid, other)
        me = self.party or ""
        if inferred:
            return other not in self.already_any and (
                theirs is None or (me not in theirs.opposed and me not in theirs.opposed_inferred)
            )
        return other not in self.already and (theirs is None or me not in theirs.opposed)

    def close_in_time(self, a: datetime, b: datetime) -> bool:
        return abs(a - b) <= timedelta(days=self.rules.period_days)

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
