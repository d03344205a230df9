"""The stance/alert decision: given a new claim and the stored state it touches, which alerts fire
and what the state becomes. Pure: the Redis store loads a `View`, calls `decide`, writes `updates`.

Independence is judged by party (the root of the speaker's actor chain), never by outlet.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from pydantic import BaseModel, ConfigDict

from schemas import Alert, Claim, Evidence, PropositionRef, Stance
from streams.core.gazetteer import Gazetteer, default_gazetteer
from streams.core.propositions import make_proposition, parse_prop_id

MAX_PENDING = 5  # noncommittal statements kept between two committed ones


class PartyState(BaseModel):
    """One party's position on one proposition."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    party: str
    stance: Stance  # latest statement, noncommittal included
    committed: Stance | None = None  # latest affirm/deny
    implied: bool = False  # only implied by a claim about a narrower proposition
    first_seen: datetime
    last_seen: datetime
    last_affirm: Evidence | None = None
    last_deny: Evidence | None = None
    pending: list[Evidence] = []  # noncommittal since the last committed stance
    opposed: list[str] = []  # parties already reported as directly contradicting this one here
    # Parties reported only through mutually exclusive claims. Kept apart so a later explicit
    # denial between the same parties is still reported (claims of different propositions may
    # arrive in either order: they live on different partitions).
    opposed_inferred: list[str] = []
    count: int = 0


@dataclass(frozen=True, slots=True)
class Figure:
    party: str | None
    evidence: Evidence


@dataclass
class View:
    """Stored state related to one claim, as loaded by the store."""

    props: dict[str, dict[str, PartyState]] = field(default_factory=dict)
    narrower: list[str] = field(default_factory=list)  # proposition ids within the claim's one
    excluded: dict[str, list[str]] = field(default_factory=dict)  # prop -> seen exclusive props
    figures: dict[str, list[Figure]] = field(default_factory=dict)  # place -> figures, same measure


@dataclass(frozen=True, slots=True)
class Rules:
    period_days: int = 21  # figures/exclusive claims further apart are about different periods


@dataclass
class Decision:
    alerts: list[Alert]
    updates: dict[str, PartyState]  # prop id -> the claim party's new state
    figure: Figure | None


def evidence_of(claim: Claim) -> Evidence:
    return Evidence(
        claim_id=claim.id,
        article_id=claim.article_id,
        outlet=claim.outlet,
        speaker=claim.speaker.actor_label or claim.speaker.text,
        actor_id=claim.speaker.actor_id,
        party=claim.speaker.party,
        stance=claim.stance,
        modality=claim.modality,
        proposition_id=claim.proposition.id,
        quote=claim.quote,
        span=claim.span,
        event_time=claim.event_time,
        quantity=claim.quantity,
    )


def up_ids(claim: Claim) -> list[str]:
    """The claim's proposition and everything it implies, nearest first."""
    return [claim.proposition.id, *claim.proposition.broader]


def alerting(claim: Claim) -> bool:
    """Only attributed, non-speculative, original (not syndicated) claims can raise alerts."""
    return (
        claim.speaker.party is not None and claim.modality != "speculative" and claim.syndicated_from is None
    )


def _alert_id(kind: str, prop: str, trigger: str, related: list[Evidence]) -> str:
    raw = "|".join([kind, prop, trigger, *sorted(e.claim_id for e in related)])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


def _ref(pid: str, claim: Claim, gaz: Gazetteer) -> PropositionRef:
    if pid == claim.proposition.id:
        return claim.proposition
    event, agent, place = parse_prop_id(pid)
    return make_proposition(event, agent, place, gaz)


def _label(party: str | None, gaz: Gazetteer) -> str:
    if party and party in gaz.actors:
        return gaz.actors[party].label
    return party or "an unknown speaker"


def _close(a: datetime, b: datetime, rules: Rules) -> bool:
    return abs(a - b) <= timedelta(days=rules.period_days)


def _overlap(lo1: float | None, hi1: float | None, lo2: float | None, hi2: float | None) -> bool:
    low = max(x for x in (lo1, lo2, float("-inf")) if x is not None)
    high = min(x for x in (hi1, hi2, float("inf")) if x is not None)
    return low <= high


def _fmt_interval(lo: float | None, hi: float | None) -> str:
    def f(x: float | None, inf: str) -> str:
        return inf if x is None else f"{x:,.0f}"

    return f"[{f(lo, '0')}, {f(hi, '∞')}]"


def decide(claim: Claim, view: View, rules: Rules | None = None, gaz: Gazetteer | None = None) -> Decision:
    rules = rules or Rules()
    gaz = gaz or default_gazetteer()
    ev = evidence_of(claim)
    party = claim.speaker.party
    alerts: list[Alert] = []

    def emit(kind: str, pid: str, related: list[Evidence], rule: str, reason: str, severity: str) -> None:
        involved = [party or "?"] + [e.party or "?" for e in related if e.party != party]
        alerts.append(
            Alert(
                id=_alert_id(kind, pid, claim.id, related),
                kind=kind,
                severity=severity,
                proposition=_ref(pid, claim, gaz),
                trigger=ev,
                related=related,
                parties=list(dict.fromkeys(involved)),
                rule=rule,
                reason=reason,
                event_time=claim.event_time,
            )
        )

    ups = up_ids(claim)
    downs = [claim.proposition.id, *view.narrower]
    can_alert = alerting(claim) and party is not None
    me = _label(party, gaz)
    # A contradiction between two parties is reported once per proposition, not on every repeat;
    # an inferred one (mutually exclusive claims) does not hide a later direct one.
    already: set[str] = set()
    already_any: set[str] = set()
    for pid in {*ups, *downs}:
        st = view.props.get(pid, {}).get(party or "")
        if st is not None:
            already.update(st.opposed)
            already_any.update(st.opposed, st.opposed_inferred)

    def fresh(other: str, pid: str, *, inferred: bool = False) -> bool:
        theirs = view.props.get(pid, {}).get(other)
        me_ = party or ""
        if inferred:
            return other not in already_any and (
                theirs is None or (me_ not in theirs.opposed and me_ not in theirs.opposed_inferred)
            )
        return other not in already and (theirs is None or me_ not in theirs.opposed)

    opposed_now: list[str] = []
    inferred_now: list[str] = []

    def holders_with(pids: list[str], stance: str) -> dict[str, Evidence]:
        """Other parties whose committed stance on these propositions is `stance`."""
        found: dict[str, Evidence] = {}
        for pid in pids:
            for p, s in view.props.get(pid, {}).items():
                ev_of = s.last_deny if stance == "deny" else s.last_affirm
                if p != party and s.committed == stance and ev_of is not None and fresh(p, pid):
                    found.setdefault(p, ev_of)
        return found

    def contradict(against: dict[str, Evidence], rule: str, template: str, *, inferred: bool = False) -> None:
        if not against:
            return
        (inferred_now if inferred else opposed_now).extend(against)
        names = ", ".join(_label(p, gaz) for p in against)
        emit(
            "CONTRADICTED",
            claim.proposition.id,
            list(against.values()),
            rule,
            f"{me} {template.format(names)}",
            "high",
        )

    if can_alert and claim.stance in ("affirm", "deny"):
        # STANCE_REVERSAL: the same party moves between deny and affirm.
        scope = ups if claim.stance == "affirm" else downs
        opposite = "deny" if claim.stance == "affirm" else "affirm"
        for pid in scope:
            st = view.props.get(pid, {}).get(party or "")
            if st is not None and st.committed == opposite and not _older(claim, st):
                before = st.last_deny if opposite == "deny" else st.last_affirm
                related = [e for e in (before,) if e is not None] + list(st.pending)
                between = (
                    f", with {len(st.pending)} noncommittal statement(s) in between" if st.pending else ""
                )
                emit(
                    "STANCE_REVERSAL",
                    pid,
                    related,
                    f"reversal.{opposite}_to_{claim.stance}",
                    f"{me} now {claim.stance}s what it {'denied' if opposite == 'deny' else 'affirmed'}"
                    f"{' on ' + before.event_time.date().isoformat() if before else ''}{between}.",
                    "high",
                )
                break

    if can_alert and claim.stance == "affirm":
        # CONFIRMED: first affirmation by this party of something another party affirmed.
        for pid in ups:
            holders = view.props.get(pid, {})
            others = [s for p, s in holders.items() if p != party and s.committed == "affirm"]
            mine = holders.get(party or "")
            if others and (mine is None or mine.committed != "affirm"):
                others.sort(key=lambda s: s.first_seen)
                related = [s.last_affirm for s in others if s.last_affirm is not None]
                first = _label(others[0].party, gaz)
                sev = "high" if claim.modality == "asserted" and claim.confidence >= 0.7 else "medium"
                emit(
                    "CONFIRMED",
                    pid,
                    related,
                    "confirm.independent_party",
                    f"{me} affirms it independently; first claimed by {first}"
                    + (
                        f", also affirmed by {', '.join(_label(s.party, gaz) for s in others[1:])}"
                        if len(others) > 1
                        else ""
                    )
                    + ".",
                    sev,
                )
                break
        # CONTRADICTED: affirming what another party denied.
        contradict(holders_with(ups, "deny"), "contradict.affirm_vs_deny", "affirms what {} denied.")
        # CONTRADICTED: affirming something that cannot hold with another party's claim.
        exclusive: dict[str, Evidence] = {}
        for pid in ups:
            for other in view.excluded.get(pid, []):
                for p, s in view.props.get(other, {}).items():
                    if (
                        p != party
                        and s.committed == "affirm"
                        and s.last_affirm is not None
                        and _close(s.last_affirm.event_time, claim.event_time, rules)
                        and fresh(p, other, inferred=True)
                    ):
                        exclusive.setdefault(p, s.last_affirm)
        contradict(
            exclusive,
            "contradict.mutually_exclusive",
            "claims what cannot hold together with {}'s.",
            inferred=True,
        )

    if can_alert and claim.stance == "deny":
        # CONTRADICTED: denying what another party affirmed (here or anywhere within it).
        contradict(holders_with(downs, "affirm"), "contradict.deny_vs_affirm", "denies what {} affirmed.")

    figure: Figure | None = None
    q = claim.quantity
    if (
        q is not None
        and claim.stance == "affirm"
        and claim.speaker.party is not None
        and claim.syndicated_from is None
    ):
        figure = Figure(party, ev)
        clashes: list[Evidence] = []
        for place_key, figs in view.figures.items():
            same_place = place_key == (claim.place or "*")
            for fig in figs:
                fq = fig.evidence.quantity
                if fq is None or fig.evidence.article_id == claim.article_id:
                    continue
                if not _close(fig.evidence.event_time, claim.event_time, rules):
                    continue
                if same_place:
                    clash = not _overlap(q.low, q.high, fq.low, fq.high)
                else:
                    # The stored figure is for a broader place: a part cannot exceed the whole.
                    clash = q.low is not None and fq.high is not None and q.low > fq.high
                if clash:
                    clashes.append(fig.evidence)
        if clashes and can_alert:
            desc = "; ".join(
                f"{_label(e.party, gaz)}: {e.quantity.text if e.quantity else '?'} "
                f"{_fmt_interval(e.quantity.low, e.quantity.high) if e.quantity else ''}"
                for e in clashes
            )
            emit(
                "NUMERIC_DISCREPANCY",
                claim.proposition.id,
                clashes,
                f"figures.{q.measure}",
                f"{me} gives {q.text} {_fmt_interval(q.low, q.high)} for {q.measure}; "
                f"it does not overlap {desc}.",
                "medium",
            )

    updates: dict[str, PartyState] = {}
    if party is not None:
        updates = _new_states(claim, ev, view, ups, opposed_now, inferred_now)
    return Decision(alerts=alerts, updates=updates, figure=figure)


def _older(claim: Claim, state: PartyState) -> bool:
    """True when the claim predates the statement behind the party's committed stance, or is a
    recap of an earlier statement with no date of its own ("had earlier denied")."""
    behind = state.last_deny if state.committed == "deny" else state.last_affirm
    if behind is None:
        return False
    return claim.event_time < behind.event_time or any(c.startswith("recap:") for c in claim.cues)


def _later(old: Evidence | None, new: Evidence) -> Evidence:
    return new if old is None or new.event_time >= old.event_time else old


def _new_states(
    claim: Claim,
    ev: Evidence,
    view: View,
    ups: list[str],
    opposed_now: list[str],
    inferred_now: list[str],
) -> dict[str, PartyState]:
    party = claim.speaker.party or ""
    out: dict[str, PartyState] = {}
    # A denial is about its own proposition; an affirmation implies the broader ones too.
    scope = ups if claim.stance == "affirm" else [claim.proposition.id]
    for pid in scope:
        direct = pid == claim.proposition.id
        old = view.props.get(pid, {}).get(party)
        if old is None:
            old = PartyState(
                party=party,
                stance=claim.stance,
                first_seen=claim.event_time,
                last_seen=claim.event_time,
                implied=not direct,
            )
        committed = old.committed
        pending = list(old.pending)
        last_affirm, last_deny = old.last_affirm, old.last_deny
        if claim.stance == "noncommittal":
            pending = [*pending, ev][-MAX_PENDING:]
        else:
            # A statement older than the current position (a recap, or a claim that arrived late
            # from another partition) is evidence, not the party's position now.
            if not _older(claim, old):
                committed = claim.stance
                pending = []
            if claim.stance == "affirm":
                last_affirm = _later(last_affirm, ev)
            else:
                last_deny = _later(last_deny, ev)
        out[pid] = PartyState(
            party=party,
            stance=claim.stance if (direct or old.implied or old.count == 0) else old.stance,
            committed=committed,
            implied=old.implied and not direct,
            first_seen=min(old.first_seen, claim.event_time),
            last_seen=max(old.last_seen, claim.event_time),
            last_affirm=last_affirm,
            last_deny=last_deny,
            pending=pending,
            opposed=sorted({*old.opposed, *opposed_now}),
            opposed_inferred=sorted({*old.opposed_inferred, *inferred_now} - {*old.opposed, *opposed_now}),
            count=old.count + 1,
        )
    return out
