"""Reading the alerts topic with plain kafka-python, and rendering alerts for people."""

from __future__ import annotations

from collections.abc import Iterator

import orjson
from kafka import KafkaConsumer
from kafka.errors import KafkaError

from schemas import Alert, Evidence
from streams.kafka_io import kafka_unavailable
from streams.settings import Settings


def read_alerts(
    settings: Settings,
    *,
    follow: bool,
    wait_s: float = 10.0,
    from_beginning: bool = True,
    topic: str | None = None,
) -> Iterator[Alert]:
    """Alerts from the topic; without `follow`, stops once nothing new arrived for wait_s."""
    try:
        consumer = KafkaConsumer(
            topic or settings.topic_alerts,
            bootstrap_servers=settings.kafka_bootstrap,
            group_id=None,
            auto_offset_reset="earliest" if from_beginning else "latest",
            enable_auto_commit=False,
            consumer_timeout_ms=None if follow else int(wait_s * 1000),
        )
    except KafkaError as err:
        raise kafka_unavailable(settings, err) from err
    try:
        for message in consumer:
            try:
                yield Alert.model_validate(orjson.loads(message.value))
            except Exception:  # someone else's message on the topic: not ours to crash on
                continue
    finally:
        consumer.close()


def matches(alert: Alert, kinds: list[str], parties: list[str]) -> bool:
    if kinds and alert.kind not in {k.upper() for k in kinds}:
        return False
    if parties:
        wanted = {p.casefold() for p in parties}
        involved = {p.casefold() for p in alert.parties}
        involved |= {(e.actor_id or "").casefold() for e in [alert.trigger, *alert.related]}
        if not wanted & involved:
            return False
    return True


def _evidence_line(e: Evidence) -> str:
    quote = " ".join(e.quote.split())
    if len(quote) > 220:
        quote = quote[:217] + "..."
    qty = f" [{e.quantity.text}]" if e.quantity else ""
    modality = f", {e.modality}" if e.modality != "asserted" else ""
    return (
        f"{e.event_time.date()} {e.party or '?'} / {e.speaker} ({e.stance}{modality}){qty}\n"
        f"      “{quote}”\n      article {e.article_id} · {e.outlet} · chars {e.span.start}-{e.span.end}"
    )


def render(alert: Alert) -> str:
    lines = [
        f"[{alert.kind}] ({alert.severity}) {alert.proposition.label}",
        f"  proposition: {alert.proposition.id}",
        f"  parties: {', '.join(alert.parties)} · rule {alert.rule}",
        f"  why: {alert.reason}",
        f"  new:   {_evidence_line(alert.trigger)}",
    ]
    for e in alert.related:
        lines.append(f"  prior: {_evidence_line(e)}")
    return "\n".join(lines)
