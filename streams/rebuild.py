"""Rebuild the whole stance state from the claims topic (`claimwatch rebuild`): the state is a
function of the claims log, so clearing it and applying every claim again, in each partition's
order, gives it back, with the offsets stored so the worker continues where the rebuild stopped.
Alerts are not published again (they are on the alerts topic already)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import orjson
from kafka import KafkaAdminClient
from kafka.consumer.fetcher import ConsumerRecord
from pydantic import ValidationError

from schemas import Claim
from streams.logs import read_to_end
from streams.settings import Settings
from streams.stance.redis_store import TP, Consumed, RedisStanceStore

BATCH = 500


class WorkerRunning(RuntimeError):
    pass


@dataclass
class RebuildReport:
    claims: int = 0
    skipped_invalid: int = 0
    alerts_recomputed: int = 0
    keys_cleared: int = 0


def group_members(settings: Settings) -> int:
    admin = KafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap, request_timeout_ms=10_000)
    try:
        info = admin.describe_groups([settings.app_id]).get(settings.app_id) or {}
        return len(info.get("members") or [])
    finally:
        admin.close()


def rebuild(
    settings: Settings, store: RedisStanceStore, progress: Callable[[int], None] | None = None
) -> RebuildReport:
    if group_members(settings) > 0:
        raise WorkerRunning(
            f"a worker of consumer group {settings.app_id!r} is running; stop it first (the rebuild "
            "and a live worker must not write the same state)"
        )
    report = RebuildReport(keys_cleared=store.clear_stance())
    batch: list[ConsumerRecord] = []
    for rec in read_to_end(settings, settings.topic_claims):
        batch.append(rec)
        if len(batch) >= BATCH:
            _apply(store, batch, report)
            batch = []
            if progress:
                progress(report.claims)
    _apply(store, batch, report)
    return report


def _apply(store: RedisStanceStore, records: list[ConsumerRecord], report: RebuildReport) -> None:
    if not records:
        return
    claims: list[Claim] = []
    positions: list[TP | None] = []
    offsets: list[int | None] = []
    consumed: dict[TP, Consumed] = {}
    for rec in records:
        tp = (rec.topic, rec.partition)
        first = consumed[tp].first if tp in consumed else rec.offset
        consumed[tp] = Consumed(first, rec.offset, log_start=first)
        try:
            claims.append(Claim.model_validate(orjson.loads(rec.value)))
        except (orjson.JSONDecodeError, ValidationError):
            report.skipped_invalid += 1  # dead-lettered by the worker when it first met it
            continue
        positions.append(tp)
        offsets.append(rec.offset)
    outcome = store.apply_logged(claims, positions, consumed, offsets=offsets)
    report.claims += len(claims)
    report.alerts_recomputed += sum(len(a) for a in outcome.alerts)
