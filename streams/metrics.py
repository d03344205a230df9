"""Prometheus metrics of the worker, served on the Faust web port at /metrics."""

from __future__ import annotations

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest

ARTICLES = Counter("claimwatch_articles_total", "Articles taken from the articles topic", ["outcome"])
CLAIMS = Counter("claimwatch_claims_total", "Claims extracted and published")
ALERTS = Counter("claimwatch_alerts_total", "Alerts published", ["kind"])
DEAD_LETTERS = Counter(
    "claimwatch_dead_letters_total", "Messages sent to the dead-letter topic", ["stage", "reason"]
)
EXTRACT_SECONDS = Histogram(
    "claimwatch_extract_seconds",
    "Extraction time per article",
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2.5, 10.0),
)
COMPONENT_UP = Gauge("claimwatch_component_up", "1 when the service answers, 0 while retrying", ["component"])
INFRA_RETRIES = Counter(
    "claimwatch_infra_retries_total", "Operations retried because a service was unavailable", ["component"]
)
REPEATS = Counter(
    "claimwatch_claims_repeated_total",
    "Claims not applied again: below the stored offset (redelivery) or an id already applied",
    ["why"],
)
OUTBOX_PUBLISHED = Counter("claimwatch_outbox_published_total", "Alerts published from the outbox")
OUTBOX_PENDING = Gauge("claimwatch_outbox_pending", "Alerts in the outbox not yet acknowledged by Kafka")
REWINDS = Counter(
    "claimwatch_state_rewinds_total",
    "Times the stance state was found behind the claims log (Redis lost writes)",
)
STANCE_SECONDS = Histogram(
    "claimwatch_stance_seconds",
    "Stance update (Redis) time per claim",
    buckets=(0.0005, 0.001, 0.002, 0.005, 0.01, 0.05),
)


def exposition() -> tuple[bytes, str]:
    return generate_latest(), CONTENT_TYPE_LATEST
