"""Assessed alert precision: every alert the engine raises on a real-article set, judged true or
false by an assessor who never saw the code, blind to the gold (see tests/real/README.md,
"Assessed precision").

    python -m tests.real.adjudicate pool OUT SET ...    alerts not judged yet -> OUT (JSON lines)
    python -m tests.real.adjudicate add VERDICTS POOL   file the assessor's verdicts under each set
    python -m tests.real.adjudicate score SET ...       judged true / false / not judged, per set

Strict scoring (tests.real.build) counts an alert right only when the gold of *that article* lists
it; an annotator who missed the earlier claim, or placed the dispute in another article, makes a
right alert count as false. The verdicts answer the desk's question instead: is this alert true?
A verdict is keyed by the alert (article, kind, party, event, agent, place), so it stays valid for
any engine version that raises the same alert in the same article.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.real.build import articles_of, gold_of
from tests.real.cache import REAL_DIR, read_jsonl, write_jsonl

AlertKey = tuple[
    str, str, str | None, str, str | None, str | None
]  # article, kind, party, event, agent, place
FIELDS = ("article", "kind", "party", "event", "agent", "place")


def key_id(set_name: str, key: AlertKey) -> str:
    return hashlib.sha1("|".join([set_name, *(k or "" for k in key)]).encode()).hexdigest()[:12]


def verdicts_path(set_name: str) -> Path:
    return REAL_DIR / set_name / "adjudicated.jsonl"


def load_verdicts(set_name: str) -> dict[AlertKey, dict[str, Any]]:
    path = verdicts_path(set_name)
    rows = read_jsonl(path) if path.exists() else []
    return {tuple(r[f] for f in FIELDS): r for r in rows}  # type: ignore[misc]


@dataclass(frozen=True)
class Raised:
    """One alert as the assessor sees it: what it says and the claims it rests on."""

    set_name: str
    key: AlertKey
    record: dict[str, Any]


def _evidence(e: Any) -> dict[str, Any]:
    return {
        "article": e.article_id,
        "speaker": e.speaker,
        "party": e.party,
        "stance": e.stance,
        "modality": e.modality,
        "proposition": e.proposition_id,
        "quote": e.quote,
    }


def raised_alerts(set_name: str) -> list[Raised]:
    """Every alert the engine raises on the set, replayed per scenario as the evaluation does."""
    from schemas import Article
    from streams.core.extract import extract
    from streams.core.people import InMemoryPeople
    from streams.stance.memory import MemoryBook

    gold = {g["article_id"]: g for g in gold_of(set_name)}
    by_scenario: dict[str, list[Article]] = defaultdict(list)
    for a in articles_of(set_name):
        by_scenario[str(gold[a["id"]].get("scenario", "default"))].append(Article.model_validate(a))
    out: list[Raised] = []
    for scenario in sorted(by_scenario):
        book, people = MemoryBook(), InMemoryPeople()
        for art in sorted(by_scenario[scenario], key=lambda a: (a.published_at, a.id)):
            for claim in extract(art, people=people).claims:
                for al in book.apply(claim):
                    p = al.proposition
                    key: AlertKey = (art.id, al.kind, al.trigger.party, p.event, p.agent, p.place)
                    record = {
                        "id": key_id(set_name, key),
                        "set": set_name,
                        "scenario": scenario,
                        "kind": al.kind,
                        "proposition": {
                            "event": p.event,
                            "agent": p.agent,
                            "place": p.place,
                            "label": p.label,
                        },
                        "engine_reason": al.reason,
                        "raised_by": _evidence(al.trigger),
                        "against": [_evidence(e) for e in al.related],
                    }
                    out.append(Raised(set_name, key, record))
    return out


@dataclass
class Tally:
    true: int = 0
    false: int = 0
    unjudged: int = 0

    @property
    def precision(self) -> float | None:
        judged = self.true + self.false
        return self.true / judged if judged else None


def tally(raised: list[Raised], verdicts: dict[AlertKey, dict[str, Any]]) -> Tally:
    t = Tally()
    for r in dict.fromkeys(x.key for x in raised):
        v = verdicts.get(r)
        if v is None:
            t.unjudged += 1
        elif v["verdict"] == "true":
            t.true += 1
        else:
            t.false += 1
    return t


def merge_verdicts(
    pool: list[dict[str, Any]], verdicts: list[dict[str, Any]]
) -> dict[str, list[dict[str, Any]]]:
    """Per set, the rows to file: the pooled alert's key with the assessor's verdict."""
    by_id = {v["id"]: v for v in verdicts}
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in pool:
        v = by_id.get(p["id"])
        if v is None:
            continue
        if v["verdict"] not in ("true", "false"):
            raise ValueError(f"{p['id']}: verdict must be 'true' or 'false', not {v['verdict']!r}")
        row = {f: p[f] for f in FIELDS}
        row.update(verdict=v["verdict"], reason=v.get("reason"), note=v.get("note", ""))
        out[p["set"]].append(row)
    return out


def _cmd_pool(out: str, names: list[str]) -> int:
    rows = []
    for name in names:
        judged = load_verdicts(name)
        for r in raised_alerts(name):
            if r.key not in judged:
                rows.append({**dict(zip(FIELDS, r.key, strict=True)), **r.record})
    unique = {r["id"]: r for r in rows}
    Path(out).write_text(
        "".join(
            json.dumps(r, ensure_ascii=False) + "\n" for r in sorted(unique.values(), key=lambda r: r["id"])
        )
    )
    print(f"{len(unique)} alert(s) to judge -> {out}")
    return 0


def _cmd_add(verdicts_file: str, pool_file: str) -> int:
    merged = merge_verdicts(read_jsonl(Path(pool_file)), read_jsonl(Path(verdicts_file)))
    for name, rows in sorted(merged.items()):
        have = load_verdicts(name)
        for row in rows:
            have[tuple(row[f] for f in FIELDS)] = row  # type: ignore[index]
        write_jsonl(verdicts_path(name), sorted(have.values(), key=lambda r: [str(r[f]) for f in FIELDS]))
        print(f"{name}: {len(rows)} verdict(s) filed")
    return 0


def _line(name: str, t: Tally) -> str:
    p = "-" if t.precision is None else f"{t.precision:.2f}"
    return f"{name:12s} true {t.true:3d}  false {t.false:3d}  not judged {t.unjudged:3d}  precision {p}"


def _cmd_score(names: list[str]) -> int:
    total = Tally()
    for name in names:
        t = tally(raised_alerts(name), load_verdicts(name))
        total.true, total.false, total.unjudged = (
            total.true + t.true,
            total.false + t.false,
            total.unjudged + t.unjudged,
        )
        print(_line(name, t))
    print(_line("all", total))
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["pool"] and len(argv) >= 3:
        return _cmd_pool(argv[1], argv[2:])
    if argv[:1] == ["add"] and len(argv) == 3:
        return _cmd_add(argv[1], argv[2])
    if argv[:1] == ["score"] and len(argv) >= 2:
        return _cmd_score(argv[1:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
