"""Reading the alerts topic with plain kafka-python, and rendering alerts for people."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from kafka import KafkaConsumer, TopicPartition
from kafka.errors import KafkaError

from schemas import ALERT_KINDS, Alert, Evidence
from streams.kafka_io import kafka_unavailable, require_kafka
from streams.pipeline import BadInput, decode
from streams.provenance import Source
from streams.settings import Settings

MAX_ALERT_BYTES = 10_000_000


class UnknownKind(ValueError):
    pass


def check_kinds(kinds: list[str]) -> list[str]:
    """Upper-cased kinds, or UnknownKind naming the valid ones."""
    out = []
    for k in kinds:
        if k.upper() not in ALERT_KINDS:
            raise UnknownKind(f"unknown alert kind {k!r}; choose from {', '.join(ALERT_KINDS)}")
        out.append(k.upper())
    return out


@dataclass
class ReadStats:
    read: int = 0
    repeats: int = 0  # same alert id again (at-least-once delivery)
    skipped: int = 0  # messages on the topic that are not alerts this version reads
    errors: list[str] = field(default_factory=list)


def read_alerts(
    settings: Settings,
    *,
    follow: bool,
    wait_s: float = 0.0,
    from_beginning: bool = True,
    topic: str | None = None,
    dedupe: bool = True,
    stats: ReadStats | None = None,
) -> Iterator[Alert]:
    """Alerts from the topic. Without `follow`: everything up to the topic's end as it is when the
    call starts, then `wait_s` more idle seconds for new ones. A repeat of an id already read
    (the topic is at-least-once) is dropped unless `dedupe` is False."""
    stats = stats if stats is not None else ReadStats()
    name = topic or settings.topic_alerts
    require_kafka(settings)
    try:
        consumer = KafkaConsumer(
            bootstrap_servers=settings.kafka_bootstrap,
            group_id=None,
            enable_auto_commit=False,
            allow_auto_create_topics=False,
            auto_offset_reset="earliest" if from_beginning else "latest",
        )
        partitions = consumer.partitions_for_topic(name)
    except KafkaError as err:
        raise kafka_unavailable(settings, err) from err
    seen: set[str] = set()
    try:
        if not partitions:
            if not follow:
                return
            while not partitions:  # the topic does not exist yet: wait for it
                time.sleep(1.0)
                consumer.topics()
                partitions = consumer.partitions_for_topic(name)
        tps = [TopicPartition(name, p) for p in sorted(partitions)]
        consumer.assign(tps)
        if from_beginning:
            consumer.seek_to_beginning(*tps)
        else:
            consumer.seek_to_end(*tps)
        end = consumer.end_offsets(tps)
        last_new = time.monotonic()
        while True:
            batch = consumer.poll(timeout_ms=200, max_records=500)
            for tp in sorted(batch, key=lambda t: t.partition):
                for message in batch[tp]:
                    try:
                        alert = decode(message.value, Alert, MAX_ALERT_BYTES)
                    except BadInput as err:  # someone else's message on the topic
                        stats.skipped += 1
                        stats.errors.append(f"{tp.partition}:{message.offset}: {err}")
                        continue
                    if dedupe and alert.id in seen:
                        stats.repeats += 1
                        continue
                    seen.add(alert.id)
                    stats.read += 1
                    yield alert
            if batch:
                last_new = time.monotonic()
            if follow:
                continue
            caught_up = all(consumer.position(tp) >= end[tp] for tp in tps)
            if caught_up and time.monotonic() - last_new >= wait_s:
                return
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


def source_line(e: Evidence | Source) -> str:
    """'Title — URL · published 2024-10-25' (whatever of it is known)."""
    parts = []
    if e.title:
        parts.append(" ".join(e.title.split())[:120])
    parts.append(e.url or f"(no URL; article {e.article_id})")
    line = " — ".join(parts)
    if e.published_at is not None:
        line += f" · published {e.published_at.date()}"
    return line


def _evidence_line(e: Evidence) -> str:
    quote = " ".join(e.quote.split())
    if len(quote) > 220:
        quote = quote[:217] + "..."
    qty = f" [{e.quantity.text}]" if e.quantity else ""
    modality = f", {e.modality}" if e.modality != "asserted" else ""
    return (
        f"{e.event_time.date()} {e.party or '?'} / {e.speaker} ({e.stance}{modality}){qty}\n"
        f"      “{quote}”\n      {e.outlet} · chars {e.span.start}-{e.span.end} · source: {source_line(e)}"
    )


def render(alert: Alert) -> str:
    lines = [
        f"[{alert.kind}] ({alert.severity}) {alert.proposition.label}",
        f"  proposition: {alert.proposition.id}",
        f"  parties: {', '.join(alert.parties)} · rule {alert.rule} · id {alert.id}",
        f"  why: {alert.reason}",
        f"  new:   {_evidence_line(alert.trigger)}",
    ]
    for e in alert.related:
        lines.append(f"  prior: {_evidence_line(e)}")
    return "\n".join(lines)


def summary_row(alert: Alert) -> tuple[str, str, str, str, str]:
    """(event date, kind, trigger party, proposition, source) for the compact table."""
    e = alert.trigger
    source = e.url or f"{e.outlet} · {e.article_id}"
    return (
        alert.event_time.date().isoformat(),
        alert.kind,
        e.party or "?",
        alert.proposition.label,
        source,
    )


SUMMARY_HEADER = ("#", "event date", "kind", "party", "proposition", "source")


def summary_lines(alerts: list[Alert], *, label_width: int = 48) -> list[str]:
    """A compact table, one line per alert (never wrapped: a URL stays whole)."""
    rows = [SUMMARY_HEADER]
    for n, alert in enumerate(alerts, 1):
        date, kind, party, label, source = summary_row(alert)
        if len(label) > label_width:
            label = label[: label_width - 1] + "…"
        rows.append((str(n), date, kind, party, label, source))
    widths = [max(len(r[i]) for r in rows) for i in range(len(SUMMARY_HEADER) - 1)]
    return ["  ".join([*(c.ljust(w) for c, w in zip(r, widths, strict=False)), r[-1]]).rstrip() for r in rows]


def by_event_time(alerts: list[Alert]) -> list[Alert]:
    return sorted(alerts, key=lambda a: (a.event_time, a.trigger.claim_id, a.id))
