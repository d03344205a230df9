#!/usr/bin/env python3
"""Check an annotated set ({articles,gold}.jsonl) against the ontology in streams/core/data.

Usage: python3 tests/corpus/validate.py [FOLDER]   (default: this folder; exit 0 = clean, 1 = problems)
Standard library + PyYAML only.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / "streams" / "core" / "data"

STANCES = {"affirm", "deny", "noncommittal"}
KINDS = {"CONFIRMED", "CONTRADICTED", "NUMERIC_DISCREPANCY", "STANCE_REVERSAL"}
MEASURES = {"troops_deployed", "killed", "wounded", "killed_or_wounded", "captured"}
ARTICLE_KEYS = {"id", "outlet", "language", "published_at", "title", "body", "url"}


def load_jsonl(path: Path, problems: list[str]) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            problems.append(f"{path.name}:{n}: blank line")
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            problems.append(f"{path.name}:{n}: not JSON ({exc})")
    return rows


def main() -> int:
    problems: list[str] = []
    actors = yaml.safe_load((DATA / "actors.yaml").read_text(encoding="utf-8"))["actors"]
    places = yaml.safe_load((DATA / "places.yaml").read_text(encoding="utf-8"))["places"]
    events = yaml.safe_load((DATA / "frames.yaml").read_text(encoding="utf-8"))["events"]
    roots = {k for k, v in actors.items() if not (v or {}).get("parent")}

    folder = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE
    articles = load_jsonl(folder / "articles.jsonl", problems)
    gold = load_jsonl(folder / "gold.jsonl", problems)

    art_ids: dict[str, dict] = {}
    for a in articles:
        aid = a.get("id", "?")
        missing = ARTICLE_KEYS - a.keys()
        if missing:
            problems.append(f"article {aid}: missing {sorted(missing)}")
        if aid in art_ids:
            problems.append(f"article {aid}: duplicate id")
        art_ids[aid] = a
        if a.get("language") not in {"id", "en"}:
            problems.append(f"article {aid}: language {a.get('language')!r}")
        try:
            ts = datetime.fromisoformat(a.get("published_at", ""))
            if ts.tzinfo is None:
                problems.append(f"article {aid}: published_at has no UTC offset")
        except ValueError:
            problems.append(f"article {aid}: published_at not ISO 8601: {a.get('published_at')!r}")
        if not 600 <= len(a.get("body", "")) <= 2500:
            problems.append(f"article {aid}: body length {len(a.get('body', ''))} outside 600-2500")

    def party_ok(where: str, value) -> None:
        if value is not None and value not in roots:
            problems.append(f"{where}: {value!r} is not a root actor id")

    def place_ok(where: str, value) -> None:
        if value is not None and value not in places:
            problems.append(f"{where}: place {value!r} not in places.yaml")

    def proposition_ok(where: str, item: dict) -> None:
        """Checks claims and alerts share: who, whose troops, where, what."""
        party_ok(f"{where} party", item.get("party"))
        party_ok(f"{where} agent", item.get("agent"))
        place_ok(where, item.get("place"))
        if item.get("event") not in events:
            problems.append(f"{where}: event {item.get('event')!r} not in frames.yaml")

    gold_ids = set()
    for g in gold:
        aid = g.get("article_id", "?")
        if aid in gold_ids:
            problems.append(f"gold {aid}: duplicate article_id")
        gold_ids.add(aid)
        if aid not in art_ids:
            problems.append(f"gold {aid}: no such article")
        if g.get("scenario") != aid.rsplit("-", 1)[0]:  # s03-a2 -> s03, d2-s01-a1 -> d2-s01
            problems.append(f"gold {aid}: scenario {g.get('scenario')!r} does not match id")
        for i, c in enumerate(g.get("claims", [])):
            w = f"gold {aid} claim {i}"
            if not c.get("speaker"):
                problems.append(f"{w}: empty speaker")
            proposition_ok(w, c)
            if c.get("stance") not in STANCES:
                problems.append(f"{w}: stance {c.get('stance')!r}")
            if not isinstance(c.get("hedged"), bool):
                problems.append(f"{w}: hedged must be true/false")
            q = c.get("quantity")
            if q is not None:
                if q.get("measure") not in MEASURES:
                    problems.append(f"{w}: measure {q.get('measure')!r}")
                lo, hi = q.get("low"), q.get("high")
                if lo is None and hi is None:
                    problems.append(f"{w}: quantity with neither low nor high")
                if lo is not None and hi is not None and lo > hi:
                    problems.append(f"{w}: quantity low > high")
        for i, al in enumerate(g.get("alerts", [])):
            w = f"gold {aid} alert {i}"
            if al.get("kind") not in KINDS:
                problems.append(f"{w}: kind {al.get('kind')!r}")
            proposition_ok(w, al)
            if not al.get("against"):
                problems.append(f"{w}: empty 'against'")
            for p in al.get("against", []):
                party_ok(f"{w} against", p)
        if not g.get("notes"):
            problems.append(f"gold {aid}: empty notes")

    for aid in art_ids.keys() - gold_ids:
        problems.append(f"article {aid}: no gold record")

    for p in problems:
        print("PROBLEM:", p)
    print(f"{len(articles)} articles, {len(gold)} gold records, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
