"""Stance tables as people read them: who is meant by a name, rows in time order, sources.

Shared by `claimwatch stance` and the web view. Reads only; the rows are what
`RedisStanceStore.stance_table` returns (proposition, stance, first/last seen, timeline).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from streams.core.gazetteer import Gazetteer
from streams.provenance import Source

Row = dict[str, Any]


def resolve_actor(who: str, gaz: Gazetteer, stored: list[str]) -> str | None:
    """The actor id `who` names: an id, a stored table's key, or a name the gazetteer knows."""
    text = who.strip()
    if not text:
        return None
    if text in gaz.actors or text in stored:
        return text
    lowered = text.casefold()
    for actor in gaz.actors.values():
        if lowered in (actor.id.casefold(), actor.label.casefold()):
            return actor.id
    hits = gaz.find_actors(text)
    if hits:
        return str(hits[0].key)
    unknown = f"unknown:{lowered}"
    return unknown if unknown in stored else None


def suggest_actors(who: str, gaz: Gazetteer, stored: list[str], n: int = 5) -> list[str]:
    names = {a.id: a.id for a in gaz.actors.values()}
    names.update({a.label.casefold(): a.id for a in gaz.actors.values()})
    names.update({s: s for s in stored})
    close = difflib.get_close_matches(who.casefold(), list(names), n=n, cutoff=0.6)
    return list(dict.fromkeys(names[c] for c in close))


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _instant(value: Any) -> datetime:
    try:
        when = datetime.fromisoformat(str(value))
    except ValueError:
        return _EPOCH
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def evidence_order(e: dict[str, Any]) -> tuple[datetime, str]:
    return (_instant(e.get("event_time")), str(e.get("claim_id", "")))


def sorted_table(rows: list[Row]) -> list[Row]:
    """Each row's timeline oldest first (the store keeps arrival order, which Kafka does not
    make event-time order) and its first seen the earliest event time it knows; rows stay
    latest first."""
    out = []
    for row in rows:
        timeline = sorted(row.get("timeline", []), key=evidence_order)
        firsts = [str(x) for x in [row.get("first_seen"), *(e.get("event_time") for e in timeline[:1])] if x]
        first = min(firsts, key=_instant) if firsts else None
        out.append({**row, "timeline": timeline, "first_seen": first})
    return out


def fill_table_sources(rows: list[Row], lookup: Callable[[str], Source | None]) -> list[Row]:
    out = []
    for row in rows:
        timeline = []
        for e in row["timeline"]:
            source = lookup(str(e.get("article_id", "")))
            if source is not None:
                e = {
                    **e,
                    "url": e.get("url") or source.url,
                    "title": e.get("title") or source.title,
                    "published_at": e.get("published_at")
                    or (source.published_at.isoformat() if source.published_at else None),
                }
            timeline.append(e)
        out.append({**row, "timeline": timeline})
    return out
