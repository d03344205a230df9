"""Score the engine against an annotated set (`claimwatch eval GOLD ARTICLES`).

Gold format (JSONL, one object per article; see README "Evaluation"):
  {"scenario": "s03", "article_id": "...",
   "claims": [{"party": "ukraine"|null, "stance": "affirm"|"deny"|"noncommittal",
               "event": "...", "agent": "..."|null, "place": "..."|null, ...}],
   "alerts": [{"kind": "CONFIRMED", "party": "nato", "event": "...", "agent": "...", "place": "..."}]}
Each scenario is replayed in published_at order from an empty state. Claims match on
(party, stance, event, agent, place), counted once per article; alerts match on (kind, trigger
party, event, agent) with places equal or one within the other.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from schemas import Article
from streams.core.extract import extract
from streams.core.gazetteer import default_gazetteer
from streams.core.people import InMemoryPeople
from streams.core.propositions import OPEN
from streams.stance.memory import MemoryBook

ClaimKey = tuple[str | None, str, str, str | None, str | None]

# The vocabulary the project's first annotated sets (tests/corpus*) were written with: six frames,
# no open claims. A set whose gold uses nothing beyond them is scored on them only — a claim of a
# class its annotators were never asked to mark (an attack, an open claim) is neither right nor
# wrong there. Sets annotated with the whole vocabulary (tests/real) are scored on every claim.
FRAME_EVENTS = frozenset(
    {
        "troops_deployed",
        "troops_in_combat",
        "casualties",
        "territory_recaptured",
        "fighting_ongoing",
        "weapons_supplied",
    }
)


def scored_events(gold: list[dict[str, Any]]) -> frozenset[str] | None:
    """The event classes a gold set was annotated for (None: every class)."""
    used = {c.get("event") for g in gold for c in g.get("claims", [])}
    used |= {a.get("event") for g in gold for a in g.get("alerts", [])}
    return FRAME_EVENTS if used <= FRAME_EVENTS else None


AlertKey = tuple[str, str | None, str, str | None, str | None]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


@dataclass
class Report:
    claims: Score = field(default_factory=Score)
    # The same, with open claims (`other`) matched on party and stance only: their agent and
    # place are "as fits" in the annotation guide, so the strict key rarely meets them.
    claims_open_loose: Score = field(default_factory=Score)
    alerts: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    errors: list[str] = field(default_factory=list)
    articles: int = 0

    def alerts_total(self) -> Score:
        total = Score()
        for s in self.alerts.values():
            total.tp += s.tp
            total.fp += s.fp
            total.fn += s.fn
        return total

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "claims": self.claims.as_dict(),
            "claims_open_loose": self.claims_open_loose.as_dict(),
            "alerts": {k: v.as_dict() for k, v in sorted(self.alerts.items())},
            "alerts_total": self.alerts_total().as_dict(),
            "errors": self.errors,
        }


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(orjson.loads(line))
            except orjson.JSONDecodeError as err:
                raise ValueError(f"{path}:{n}: not JSON ({err})") from err
    return rows


def _place_related(a: str | None, b: str | None) -> bool:
    gaz = default_gazetteer()
    return a == b or gaz.within(a, b) or gaz.within(b, a)


def evaluate(gold_path: Path, articles_path: Path) -> Report:
    rows = _read_jsonl(gold_path)
    gold = {g["article_id"]: g for g in rows}
    scope = scored_events(rows)
    # A guide that does not annotate headlines (tests/corpus: "titles are not annotated") is
    # scored without the claims read there: they are neither counted nor replayed.
    titles = any("in_title" in c for g in rows for c in g.get("claims", []))
    articles = [Article.model_validate(a) for a in _read_jsonl(articles_path)]
    missing = [a.id for a in articles if a.id not in gold]
    if missing:
        raise ValueError(f"articles without gold: {', '.join(missing[:5])}")
    by_scenario: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        by_scenario[str(gold[a.id].get("scenario", "default"))].append(a)
    report = Report()
    for scenario in sorted(by_scenario):
        book = MemoryBook()
        people = InMemoryPeople()  # who speaks for whom, remembered across the scenario's articles
        for article in sorted(by_scenario[scenario], key=lambda a: (a.published_at, a.id)):
            report.articles += 1
            g = gold[article.id]
            claims = [c for c in extract(article, people=people).claims if titles or not c.in_title]
            predicted: set[ClaimKey] = {
                (
                    c.speaker.party,
                    c.stance,
                    c.proposition.event,
                    c.proposition.agent,
                    c.proposition.place,
                )
                for c in claims
                if scope is None or c.proposition.event in scope
            }
            expected: set[ClaimKey] = {
                (c.get("party"), c["stance"], c["event"], c.get("agent"), c.get("place"))
                for c in g.get("claims", [])
            }
            report.claims.tp += len(predicted & expected)
            loose_p, loose_e = {_loose(k) for k in predicted}, {_loose(k) for k in expected}
            report.claims_open_loose.tp += len(loose_p & loose_e)
            report.claims_open_loose.fp += len(loose_p - loose_e)
            report.claims_open_loose.fn += len(loose_e - loose_p)
            for k in sorted(predicted - expected, key=str):
                report.claims.fp += 1
                report.errors.append(f"{article.id}: extra claim {k}")
            for k in sorted(expected - predicted, key=str):
                report.claims.fn += 1
                report.errors.append(f"{article.id}: missed claim {k}")
            fired: list[AlertKey] = []
            for c in claims:
                for al in book.apply(c):
                    if scope is not None and al.proposition.event not in scope:
                        continue
                    p = al.proposition
                    fired.append((al.kind, al.trigger.party, p.event, p.agent, p.place))
            _score_alerts(report, article.id, fired, g.get("alerts", []))
    return report


def _loose(key: ClaimKey) -> ClaimKey:
    party, stance, event = key[0], key[1], key[2]
    return (party, stance, event, None, None) if event == OPEN else key


def _score_alerts(report: Report, article_id: str, fired: list[AlertKey], gold: list[dict[str, Any]]) -> None:
    unmatched = list(dict.fromkeys(fired))
    for g in gold:
        hit = next(
            (
                f
                for f in unmatched
                if f[0] == g["kind"]
                and f[1] == g.get("party")
                and f[2] == g["event"]
                and f[3] == g.get("agent")
                and _place_related(f[4], g.get("place"))
            ),
            None,
        )
        if hit is not None:
            report.alerts[g["kind"]].tp += 1
            unmatched.remove(hit)
        else:
            report.alerts[g["kind"]].fn += 1
            report.errors.append(
                f"{article_id}: missed alert {g['kind']} {g.get('party')} "
                f"{g['event']}:{g.get('agent')}:{g.get('place')}"
            )
    for f in unmatched:
        report.alerts[f[0]].fp += 1
        report.errors.append(f"{article_id}: extra alert {f}")


def format_report(report: Report, show_errors: bool = False) -> str:
    lines = [f"{report.articles} article(s)", f"{'':22s} {'P':>6s} {'R':>6s} {'F1':>6s}   tp/fp/fn"]

    def row(name: str, s: Score) -> str:
        return f"{name:22s} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f}   {s.tp}/{s.fp}/{s.fn}"

    lines.append(row("claims", report.claims))
    if report.claims_open_loose.tp + report.claims_open_loose.fn != report.claims.tp + report.claims.fn or (
        report.claims_open_loose.tp != report.claims.tp
    ):
        lines.append(row("claims (open: party+stance)", report.claims_open_loose))
    for kind in sorted(report.alerts):
        lines.append(row(f"alerts {kind}", report.alerts[kind]))
    lines.append(row("alerts (all kinds)", report.alerts_total()))
    if show_errors and report.errors:
        lines.append("")
        lines.extend(report.errors)
    return "\n".join(lines)
