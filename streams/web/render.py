"""Turning desk data into what people read: highlighted quotes, annotated article text, CSV.

Every piece of text is escaped here (markupsafe) before <mark> tags are added around ranges, so
nothing from an article or a feed can inject markup into the page.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from schemas import Alert, Claim


def marked(text: str, ranges: Sequence[tuple[int, int]], css: str = "hit") -> Markup:
    """`text` escaped, with each (start, end) range wrapped in <mark class=css>."""
    out: list[str] = []
    pos = 0
    for start, end in sorted(ranges):
        start, end = max(start, pos), min(end, len(text))
        if start >= end:
            continue
        out.append(str(escape(text[pos:start])))
        out.append(f'<mark class="{css}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def figure_ranges(quote: str, figure: str | None) -> list[tuple[int, int]]:
    if not figure:
        return []
    at = quote.find(figure)
    return [(at, at + len(figure))] if at >= 0 else []


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    claims: tuple[str, ...]  # ids of the claims whose quote covers this piece
    starts: tuple[str, ...]  # ids of the claims that start here (anchors)


def claim_span(text: str, c: Claim) -> tuple[int, int] | None:
    """Where the claim's quote sits in the cleaned text (its span, or found by its words)."""
    s, e = c.span.start, c.span.end
    if 0 <= s < e <= len(text) and text[s:e] == c.quote:
        return s, e
    at = text.find(c.quote) if c.quote else -1
    return (at, at + len(c.quote)) if at >= 0 else None


def segments(text: str, claims: Iterable[Claim]) -> list[Segment]:
    """The text cut where a claim's quote starts or ends; each piece knows which claims cover it."""
    spans: list[tuple[int, int, str]] = []
    for c in claims:
        where = claim_span(text, c)
        if where is not None:
            spans.append((where[0], where[1], c.id))
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for a, b in itertools.pairwise(cuts):
        if a >= b:
            continue
        covering = tuple(cid for s, e, cid in spans if s <= a and b <= e)
        starting = tuple(cid for s, _, cid in spans if s == a)
        out.append(Segment(text[a:b], covering, starting))
    return out


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return buf.getvalue()


ALERT_COLUMNS = (
    "id",
    "kind",
    "severity",
    "event_time",
    "proposition_id",
    "proposition",
    "parties",
    "trigger_party",
    "trigger_speaker",
    "trigger_stance",
    "trigger_outlet",
    "trigger_quote",
    "source_url",
    "source_title",
    "source_published_at",
    "article_id",
    "related_claims",
    "reason",
)


def alert_row(a: Alert) -> list[Any]:
    e = a.trigger
    return [
        a.id,
        a.kind,
        a.severity,
        a.event_time.isoformat(),
        a.proposition.id,
        a.proposition.label,
        " ".join(a.parties),
        e.party,
        e.speaker,
        e.stance,
        e.outlet,
        " ".join(e.quote.split()),
        e.url,
        e.title,
        e.published_at.isoformat() if e.published_at else None,
        e.article_id,
        " ".join(r.claim_id for r in a.related),
        a.reason,
    ]


CLAIM_COLUMNS = (
    "id",
    "event_time",
    "party",
    "actor",
    "speaker",
    "stance",
    "modality",
    "proposition_id",
    "proposition",
    "place",
    "figure",
    "low",
    "high",
    "measure",
    "quote",
    "outlet",
    "article_id",
    "url",
    "title",
    "published_at",
    "confidence",
)


def claim_row(c: Claim) -> list[Any]:
    q = c.quantity
    return [
        c.id,
        c.event_time.isoformat(),
        c.speaker.party,
        c.speaker.actor_id,
        c.speaker.actor_label or c.speaker.text,
        c.stance,
        c.modality,
        c.proposition.id,
        c.proposition.label,
        c.place,
        q.text if q else None,
        q.low if q else None,
        q.high if q else None,
        q.measure if q else None,
        " ".join(c.quote.split()),
        c.outlet,
        c.article_id,
        c.url,
        c.title,
        c.published_at.isoformat(),
        c.confidence,
    ]
