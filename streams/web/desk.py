"""What the web view knows: alerts, claims and article sources read off the topics, in memory.

Pure data (no I/O): `streams.web.tail` feeds it from Kafka, the routes query it. Alerts are kept
once per id (the topic is at-least-once) in arrival order; claims are indexed by proposition
(their own and the broader ones they imply) and by article, and searchable by folded text
(case and accents ignored). Both are capped; the oldest go first.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from schemas import Alert, Claim
from streams.provenance import Source, SourceIndex, with_sources

Order = Literal["arrival", "event_time"]


def fold(text: str) -> tuple[str, list[int]]:
    """Case- and accent-folded text, and for each folded character its index in `text`."""
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for part in unicodedata.normalize("NFKD", ch):
            if unicodedata.combining(part):
                continue
            for c in part.casefold():
                chars.append(c)
                index.append(i)
    return "".join(chars), index


def query_terms(q: str) -> list[str]:
    """Folded search terms: words, or "quoted phrases"."""
    terms: list[str] = []
    parts = q.split('"')
    for n, part in enumerate(parts):
        if n % 2 == 1:  # inside quotes
            phrase = " ".join(fold(part)[0].split())
            if phrase:
                terms.append(phrase)
        else:
            terms.extend(w for w in fold(part)[0].split() if w)
    return list(dict.fromkeys(terms))


def highlights(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Character ranges of `text` where a term occurs (merged, in order)."""
    if not terms:
        return []
    folded, index = fold(text)
    found: list[tuple[int, int]] = []
    for term in terms:
        start = folded.find(term)
        while start != -1:
            end = start + len(term)
            found.append((index[start], index[end - 1] + 1))
            start = folded.find(term, end)
    found.sort()
    merged: list[tuple[int, int]] = []
    for a, b in found:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


@dataclass(frozen=True, slots=True)
class AlertEntry:
    seq: int  # arrival order (the live stream's event id)
    alert: Alert


@dataclass(frozen=True, slots=True)
class ClaimEntry:
    claim: Claim
    haystack: str  # folded quote, speaker, party, proposition, outlet, title


@dataclass(frozen=True, slots=True)
class ArticleRef:
    article_id: str
    partition: int
    offset: int
    outlet: str | None
    language: str | None


@dataclass
class ClaimFilter:
    q: str = ""
    party: str | None = None
    stance: str | None = None
    proposition: str | None = None
    article: str | None = None
    since: datetime | None = None
    until: datetime | None = None

    def terms(self) -> list[str]:
        return query_terms(self.q)


@dataclass
class AlertFilter:
    kinds: list[str] = field(default_factory=list)
    party: str | None = None
    proposition: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    q: str = ""


def involves(alert: Alert, party: str) -> bool:
    wanted = party.casefold()
    names = {p.casefold() for p in alert.parties}
    names |= {(e.actor_id or "").casefold() for e in [alert.trigger, *alert.related]}
    return wanted in names


def alert_matches(a: Alert, f: AlertFilter, terms: list[str] | None = None) -> bool:
    if f.kinds and a.kind not in f.kinds:
        return False
    if f.party and not involves(a, f.party):
        return False
    if f.proposition and a.proposition.id != f.proposition:
        return False
    if f.since and a.event_time < f.since:
        return False
    if f.until and a.event_time > f.until:
        return False
    terms = query_terms(f.q) if terms is None else terms
    if terms:
        text = fold("\n".join([a.reason, a.proposition.label, *(e.quote for e in [a.trigger, *a.related])]))[
            0
        ]
        if not all(t in text for t in terms):
            return False
    return True


def _claim_haystack(c: Claim) -> str:
    parts = [
        c.quote,
        c.speaker.text,
        c.speaker.actor_label or "",
        c.speaker.actor_id or "",
        c.speaker.party or "",
        c.proposition.label,
        c.proposition.id,
        c.outlet,
        c.title or "",
    ]
    return fold("\n".join(parts))[0]


class Desk:
    def __init__(self, *, max_alerts: int = 50_000, max_claims: int = 200_000) -> None:
        self.max_alerts = max_alerts
        self.max_claims = max_claims
        self.alerts: OrderedDict[str, AlertEntry] = OrderedDict()
        self.claims: OrderedDict[str, ClaimEntry] = OrderedDict()
        self.by_prop: dict[str, set[str]] = {}
        self.by_article: dict[str, set[str]] = {}
        self.articles: dict[str, ArticleRef] = {}
        self.sources = SourceIndex()
        self.labels: dict[str, str] = {}  # proposition id -> label
        self.seq = 0
        self.repeats = 0
        self.listeners: list[Callable[[AlertEntry], None]] = []

    # --- feeding ---------------------------------------------------------------------------------
    def add_alert(self, alert: Alert) -> AlertEntry | None:
        """Keep a new alert and tell the listeners; a repeat of a known id changes nothing."""
        if alert.id in self.alerts:
            self.repeats += 1
            return None
        self.seq += 1
        entry = AlertEntry(self.seq, alert)
        self.alerts[alert.id] = entry
        self.labels.setdefault(alert.proposition.id, alert.proposition.label)
        for e in [alert.trigger, *alert.related]:
            self.sources.add(Source(e.article_id, e.outlet, e.url, e.title, e.published_at))
        while len(self.alerts) > self.max_alerts:
            self.alerts.popitem(last=False)
        for listener in list(self.listeners):
            listener(entry)
        return entry

    def add_claim(self, claim: Claim) -> None:
        if claim.id in self.claims:
            return
        self.claims[claim.id] = ClaimEntry(claim, _claim_haystack(claim))
        for pid in [claim.proposition.id, *claim.proposition.broader]:
            self.by_prop.setdefault(pid, set()).add(claim.id)
        self.labels[claim.proposition.id] = claim.proposition.label
        self.by_article.setdefault(claim.article_id, set()).add(claim.id)
        self.sources.add(Source(claim.article_id, claim.outlet, claim.url, claim.title, claim.published_at))
        while len(self.claims) > self.max_claims:
            _, old = self.claims.popitem(last=False)
            self._unindex(old.claim)

    def _unindex(self, c: Claim) -> None:
        for pid in [c.proposition.id, *c.proposition.broader]:
            ids = self.by_prop.get(pid)
            if ids is not None:
                ids.discard(c.id)
                if not ids:
                    del self.by_prop[pid]
        ids = self.by_article.get(c.article_id)
        if ids is not None:
            ids.discard(c.id)
            if not ids:
                del self.by_article[c.article_id]

    def add_article(self, ref: ArticleRef, source: Source) -> None:
        self.articles[ref.article_id] = ref
        self.sources.add(source)

    # --- reading ---------------------------------------------------------------------------------
    def sourced(self, alert: Alert) -> Alert:
        """The alert with the provenance the desk knows filled in where the wire lacked it."""
        return with_sources(alert, self.sources.get)

    def alert(self, alert_id: str) -> Alert | None:
        entry = self.alerts.get(alert_id)
        return self.sourced(entry.alert) if entry else None

    def find_alerts(
        self, f: AlertFilter, *, order: Order = "arrival", newest_first: bool = True
    ) -> list[AlertEntry]:
        terms = query_terms(f.q)
        out = [e for e in self.alerts.values() if alert_matches(e.alert, f, terms)]
        if order == "event_time":
            out.sort(key=lambda e: (e.alert.event_time, e.seq))
        else:
            out.sort(key=lambda e: e.seq)
        if newest_first:
            out.reverse()
        return out

    def after(self, seq: int, f: AlertFilter) -> list[AlertEntry]:
        """Alerts that arrived after `seq` (a live stream resuming), oldest first."""
        terms = query_terms(f.q)
        return [e for e in self.alerts.values() if e.seq > seq and alert_matches(e.alert, f, terms)]

    def alert_counts(self) -> dict[str, int]:
        return dict(Counter(e.alert.kind for e in self.alerts.values()))

    def find_claims(self, f: ClaimFilter) -> list[Claim]:
        terms = f.terms()
        if f.proposition is not None:
            pool: Iterable[str] = sorted(self.by_prop.get(f.proposition, ()))
        elif f.article is not None:
            pool = sorted(self.by_article.get(f.article, ()))
        else:
            pool = self.claims.keys()
        party = f.party.casefold() if f.party else None
        out = []
        for cid in pool:
            entry = self.claims.get(cid)
            if entry is None:
                continue
            c = entry.claim
            if f.article is not None and c.article_id != f.article:
                continue
            if party and party not in {
                (c.speaker.party or "").casefold(),
                (c.speaker.actor_id or "").casefold(),
            }:
                continue
            if f.stance and c.stance != f.stance:
                continue
            if f.since and c.event_time < f.since:
                continue
            if f.until and c.event_time > f.until:
                continue
            if terms and not all(t in entry.haystack for t in terms):
                continue
            out.append(c)
        out.sort(key=lambda c: (c.event_time, c.id))
        return out

    def find_claims_of(self, article_id: str) -> list[Claim]:
        return self.find_claims(ClaimFilter(article=article_id))

    def parties(self) -> list[str]:
        seen = {c.claim.speaker.party for c in self.claims.values() if c.claim.speaker.party}
        seen |= {p for e in self.alerts.values() for p in e.alert.parties}
        return sorted(seen)

    def propositions(self) -> list[dict[str, object]]:
        """Every proposition with claims or alerts: id, label, claims, alerts, parties, last event."""
        alerts_by_prop = Counter(e.alert.proposition.id for e in self.alerts.values())
        out = []
        for pid in sorted(set(self.labels)):
            direct = [
                self.claims[c].claim
                for c in self.by_prop.get(pid, ())
                if c in self.claims and self.claims[c].claim.proposition.id == pid
            ]
            if not direct and not alerts_by_prop.get(pid):
                continue
            last = max((c.event_time for c in direct), default=None)
            out.append(
                {
                    "id": pid,
                    "label": self.labels[pid],
                    "claims": len(direct),
                    "alerts": alerts_by_prop.get(pid, 0),
                    "parties": sorted({c.speaker.party for c in direct if c.speaker.party}),
                    "last_event": last,
                }
            )
        out.sort(key=lambda p: (-int(p["alerts"]), str(p["id"])))  # type: ignore[call-overload]
        return out

    def story(self, pid: str) -> dict[str, object] | None:
        """A proposition's claims (its own and, marked implied, those about narrower ones), in
        event-time order, with the alerts raised on it."""
        if pid not in self.labels:
            return None
        claims = self.find_claims(ClaimFilter(proposition=pid))
        alerts = [
            self.sourced(e.alert)
            for e in self.find_alerts(AlertFilter(proposition=pid), order="event_time", newest_first=False)
        ]
        return {"id": pid, "label": self.labels[pid], "claims": claims, "alerts": alerts}
