"""What a route shows, assembled once for both the JSON API and the HTML pages."""

from __future__ import annotations

import asyncio
from typing import Any

from schemas import Alert, Claim
from streams.core.extract import extract
from streams.web.service import DeskService, NotFound, Unavailable

AlertOut = Alert
ClaimOut = Claim


async def health(svc: DeskService) -> dict[str, Any]:
    redis_ok, redis_error = await svc.redis_ok()
    tail = svc.tail_status.as_dict()
    return {
        "ok": bool(redis_ok and tail["connected"]),
        "kafka": tail,
        "redis": {"connected": redis_ok, "error": redis_error},
        "alerts": len(svc.desk.alerts),
        "claims": len(svc.desk.claims),
        "articles": len(svc.desk.articles),
    }


async def story(svc: DeskService, pid: str) -> dict[str, Any]:
    data = svc.desk.story(pid)
    if data is None:
        raise NotFound(f"no claims or alerts about proposition {pid!r}")
    claims: list[Claim] = data["claims"]  # type: ignore[assignment]
    try:
        positions = await svc.positions(pid)
    except Unavailable:
        positions = []
    proposition = next((c.proposition for c in claims if c.proposition.id == pid), None)
    if proposition is None:
        alerts: list[Alert] = data["alerts"]  # type: ignore[assignment]
        proposition = next((a.proposition for a in alerts), None)
    timeline = [
        {
            "claim_id": c.id,
            "party": c.speaker.party or f"unknown: {c.speaker.text}",
            "speaker": c.speaker.actor_label or c.speaker.text,
            "stance": c.stance,
            "modality": c.modality,
            "event_time": c.event_time,
            "outlet": c.outlet,
            "article_id": c.article_id,
            "url": c.url or _source_url(svc, c.article_id),
            "implied": c.proposition.id != pid,
        }
        for c in claims
    ]
    return {**data, "proposition": proposition, "positions": positions, "timeline": timeline}


def _source_url(svc: DeskService, article_id: str) -> str | None:
    source = svc.desk.sources.get(article_id)
    return source.url if source else None


def _evidence(e: dict[str, Any]) -> dict[str, Any]:
    quantity = e.get("quantity") or {}
    return {**e, "figure": quantity.get("text") if isinstance(quantity, dict) else None}


async def stance(svc: DeskService, who: str) -> dict[str, Any]:
    actor = await svc.resolve_actor(who)
    rows = await svc.stance_rows(actor)
    for row in rows:
        row["timeline"] = [_evidence(e) for e in row["timeline"]]
    return {"actor": svc.actor_info(actor), "rows": rows}


async def article(svc: DeskService, article_id: str) -> dict[str, Any]:
    art, ref = await svc.article(article_id)
    source = svc.desk.sources.get(article_id)
    claims = svc.desk.find_claims_of(article_id)
    if art is None and ref is None and source is None and not claims:
        raise NotFound(f"no article {article_id!r} on the desk")
    text = None
    if art is not None:
        extraction = await asyncio.to_thread(extract, art)
        text = extraction.text
        if not claims:
            claims = extraction.claims
    return {
        "id": article_id,
        "outlet": (art.outlet if art else None) or (source.outlet if source else None),
        "url": (art.url if art else None) or (source.url if source else None),
        "title": (art.title if art else None) or (source.title if source else None),
        "published_at": (art.published_at if art else None) or (source.published_at if source else None),
        "language": (art.language if art else None) or (ref.language if ref else None),
        "text": text,
        "claims": claims,
    }
