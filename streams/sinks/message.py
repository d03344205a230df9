"""What a pushed alert says: a title people can scan and a body with the evidence and sources."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

import orjson

from schemas import Alert, Evidence

SEVERITY_RANK = {"low": 0, "medium": 1, "high": 2}


@dataclass(frozen=True, slots=True)
class Message:
    title: str
    body: str
    body_format: str  # apprise NotifyFormat value: text | markdown


def _who(e: Evidence) -> str:
    return (
        f"{e.speaker} ({e.party or '?'}, {e.stance}{', ' + e.modality if e.modality != 'asserted' else ''})"
    )


def _source(e: Evidence) -> str:
    where = e.url or f"article {e.article_id}"
    title = f"{e.title} — " if e.title else ""
    when = f" (published {e.published_at.date()})" if e.published_at else ""
    return f"{e.outlet}: {title}{where}{when}"


def _quote(e: Evidence, limit: int = 400) -> str:
    text = " ".join(e.quote.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def title_of(alert: Alert) -> str:
    return f"[{alert.kind}] {alert.proposition.label} — {', '.join(alert.parties)}"


def story_url(web_url: str, alert: Alert) -> str:
    return f"{web_url.rstrip('/')}/story/{quote(alert.proposition.id, safe='')}"


def compose(alert: Alert, *, body: str, web_url: str | None) -> Message:
    title = title_of(alert)
    if body == "json":
        return Message(title, orjson.dumps(alert.model_dump(mode="json")).decode(), "text")
    md = body == "markdown"
    e = alert.trigger
    lines = [
        alert.reason,
        "",
        (
            f"**New:** {_who(e)} on {e.event_time.date()}"
            if md
            else f"New: {_who(e)} on {e.event_time.date()}"
        ),
        f"> {_quote(e)}" if md else f"  “{_quote(e)}”",
        f"Source: {_source(e)}",
    ]
    for r in alert.related:
        lines.append(
            f"{'**Earlier:**' if md else 'Earlier:'} {_who(r)} on {r.event_time.date()} — {_source(r)}"
        )
    if web_url:
        lines.append(f"Story: {story_url(web_url, alert)}")
    lines.append(f"Alert {alert.id} · {alert.severity} · rule {alert.rule}")
    return Message(title, "\n".join(lines), "markdown" if md else "text")
