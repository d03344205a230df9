"""Runtime settings, read from CW_* environment variables (see the README's table)."""

from __future__ import annotations

import socket
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CW_", extra="ignore")

    kafka_bootstrap: str = Field("127.0.0.1:9092", description="Kafka bootstrap servers.")
    redis_url: str = Field("redis://127.0.0.1:6379/0", description="Redis for stance state.")
    redis_password_file: Path | None = Field(
        PROJECT_ROOT / ".cw" / "redis" / "password",
        description="Redis password (written by ops/install.sh); used when the URL has none.",
    )
    app_id: str = Field("claimwatch", description="Faust app id / consumer group.")
    topic_articles: str = "claimwatch.articles"
    topic_claims: str = "claimwatch.claims"
    topic_alerts: str = "claimwatch.alerts"
    topic_deadletter: str = "claimwatch.deadletter"
    topic_partitions: int = Field(3, ge=1, description="Partitions of claims/alerts/DLQ topics.")
    article_partitions: int = Field(
        1, ge=1, description="Partitions of the articles topic (1 keeps event-time order)."
    )
    redis_prefix: str = Field("cw", description="Namespace of every Redis key.")
    max_message_bytes: int = Field(1_000_000, description="Larger article messages go to the DLQ.")
    worker_web_port: int = Field(6066, description="Faust web/metrics port of the worker.")
    worker_web_bind: str = Field("127.0.0.1", description="Interface the worker's web port listens on.")
    worker_instance: str = Field(
        default_factory=socket.gethostname,
        description="Static group membership id (unique per worker process): a restart rejoins at once.",
    )
    session_timeout_s: float = Field(20.0, gt=0, description="Kafka consumer session timeout.")
    extract_budget_s: float = Field(
        10.0, description="Longest extraction of one article; slower ones are dead-lettered (0 = no limit)."
    )
    worker_data_dir: Path = Field(PROJECT_ROOT / ".cw" / "faust", description="Faust local state.")
    seeds_dir: Path = PROJECT_ROOT / "seeds"
    feeds_file: Path = Field(
        PROJECT_ROOT / "streams" / "feeds" / "feeds.example.yaml", description="Feed list."
    )
    lexicon_dir: Path | None = Field(None, description="Extra lexicon/gazetteer YAML overlay dir.")
    period_days: int = Field(21, description="Figures this many days apart are different periods.")
    stance_batch: int = Field(200, ge=1, description="Claims applied per Redis batch by the stance agent.")
    extract_batch: int = Field(16, ge=1, description="Articles extracted per batch by the extract agent.")
    extract_workers: int = Field(1, ge=1, description="Extraction processes (articles keep their order).")
    stance_batch_wait_s: float = Field(0.02, gt=0, description="Longest wait to fill a stance batch.")
    log_level: str = "INFO"
    # The desk: web view, push sinks, the ingester's metrics.
    web_bind: str = Field("127.0.0.1", description="Interface `claimwatch web` listens on.")
    web_port: int = Field(8765, ge=0, le=65535, description="Port of `claimwatch web`.")
    web_public_url: str = Field(
        "http://127.0.0.1:8765", description="Base URL of the web view, for links in pushed alerts."
    )
    web_max_alerts: int = Field(50_000, ge=100, description="Alerts the web view keeps in memory.")
    web_max_claims: int = Field(200_000, ge=100, description="Claims the web view keeps for search.")
    sinks_file: Path | None = Field(None, description="Push sinks YAML for `claimwatch push`.")
    ingest_metrics_port: int = Field(
        6068, ge=0, le=65535, description="Prometheus metrics port of `claimwatch ingest` (0 = off)."
    )
    ingest_metrics_bind: str = Field("127.0.0.1", description="Interface of the ingester's metrics.")
    push_metrics_port: int = Field(
        6069, ge=0, le=65535, description="Prometheus metrics port of `claimwatch push run` (0 = off)."
    )
    push_metrics_bind: str = Field("127.0.0.1", description="Interface of the push sinks' metrics.")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def isolated_settings(
    base: Settings, *, name: str, redis_prefix: str, data_dir: Path, **overrides: Any
) -> Settings:
    """A copy of `base` with its own app id, topics, Redis namespace, web port and data dir, so a
    test or benchmark run shares the services but none of the state."""
    data = base.model_dump()
    data.update(
        app_id=name,
        topic_articles=f"{name}.articles",
        topic_claims=f"{name}.claims",
        topic_alerts=f"{name}.alerts",
        topic_deadletter=f"{name}.deadletter",
        redis_prefix=redis_prefix,
        worker_web_port=free_port(),
        worker_data_dir=data_dir,
    )
    data.update(overrides)
    return Settings(**data)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
