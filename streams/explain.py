"""`claimwatch explain`: the cleaned text with the claims found, for people checking the extractor."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import orjson

from schemas import Article
from streams.core.extract import Extraction, extract


def load_one(path: Path, published: str, outlet: str, language: str | None) -> list[Article]:
    if path.suffix == ".json":
        return [Article.model_validate(orjson.loads(path.read_bytes()))]
    if path.suffix == ".jsonl":
        return [
            Article.model_validate(orjson.loads(line))
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    body = path.read_text(encoding="utf-8")
    return [
        Article(
            id=path.stem,
            outlet=outlet,
            language=language,
            body=body,
            published_at=datetime.fromisoformat(published),
        )
    ]


def render(ex: Extraction) -> str:
    out = [f"article {ex.article_id} · language {ex.language} · {len(ex.claims)} claim(s)"]
    if ex.dropped:
        out.append(f"dropped {len(ex.dropped)} noise line(s):")
        out.extend(f"  - {d.strip()[:100]}" for d in ex.dropped)
    out.append("")
    out.append("cleaned text:")
    out.extend(f"  {line}" for line in ex.text.splitlines())
    out.append("")
    out.append("attributions:")
    for attr in ex.attributions:
        spk = attr.speaker
        who = (
            f"{spk.text!r} -> {spk.actor_id or 'unknown'} (party {spk.party or '?'}, via {spk.resolved_by})"
            if spk
            else "?"
        )
        co = f" + {', '.join(c.party or '?' for c in attr.co_speakers)}" if attr.co_speakers else ""
        out.append(
            f"  sentence {attr.sentence}: cue {attr.cue.text or attr.cue.side!r} [{attr.cue.kind}] "
            f"speaker {who}{co}"
        )
        content = " ".join(ex.text[attr.content[0] : attr.content[1]].split())
        out.append(f"    content [{attr.content[0]}:{attr.content[1]}]: {content[:160]}")
        if not attr.frames:
            out.append("    (no frame: not a claim the stance engine tracks)")
        for c in attr.claims:
            q = c.quantity
            qty = f" figure {q.text!r} -> [{q.low}, {q.high}] {q.measure}" if q else ""
            out.append(f"    CLAIM {c.stance}/{c.modality} {c.proposition.id} — {c.proposition.label}{qty}")
            out.append(
                f"      span [{c.span.start}:{c.span.end}] time {c.event_time.date()} "
                f"conf {c.confidence} cues {', '.join(c.cues)}"
            )
    return "\n".join(out)


def explain_path(path: Path, published: str, outlet: str, language: str | None) -> str:
    return "\n\n".join(render(extract(a)) for a in load_one(path, published, outlet, language))
