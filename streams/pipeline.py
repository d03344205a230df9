"""The agents' work as plain functions: decode -> core -> persist -> emit, with bad input turned
into dead letters. Faust-free, so tests and the benchmark call the same code the worker runs."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

import orjson
from pydantic import ValidationError

from schemas import Alert, Article, Claim, DeadLetter, DeadLetterReason
from streams.core.extract import extract
from streams.core.propositions import event_specs
from streams.store import StanceStore

DLQ_MAX_ORIGINAL = 256_000  # bytes of the original kept in a dead letter


class BadInput(Exception):
    def __init__(self, reason: DeadLetterReason, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def decode(raw: bytes | None, model: type[Article] | type[Claim], max_bytes: int) -> Article | Claim:
    if raw is None or not raw:
        raise BadInput("schema", "empty message")
    if len(raw) > max_bytes:
        raise BadInput("oversized", f"message of {len(raw)} bytes exceeds the {max_bytes}-byte limit")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as err:
        raise BadInput("not_json", f"not JSON: {err}") from err
    if isinstance(data, dict) and data.get("schema_version", 1) != 1:
        raise BadInput("unsupported_version", f"schema_version {data.get('schema_version')!r} unsupported")
    try:
        return model.model_validate(data)
    except ValidationError as err:
        raise BadInput("schema", f"{model.__name__} invalid: {err}") from err


def dead_letter(
    *,
    stage: str,
    topic: str,
    partition: int | None,
    offset: int | None,
    key: bytes | None,
    raw: bytes | None,
    reason: DeadLetterReason,
    error: str,
) -> DeadLetter:
    original = raw or b""
    return DeadLetter(
        source_topic=topic,
        partition=partition,
        offset=offset,
        key=key.decode("utf-8", "replace") if key else None,
        stage=stage,
        reason=reason,
        error=error[:4000],
        original_b64=base64.b64encode(original[:DLQ_MAX_ORIGINAL]).decode(),
        original_size=len(original),
        truncated=len(original) > DLQ_MAX_ORIGINAL,
        failed_at=datetime.now(UTC),
    )


def content_hash(article: Article) -> str:
    return article.content_hash or hashlib.sha1(article.body.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class ClaimMessage:
    key: bytes
    value: bytes


def claim_key(claim: Claim) -> bytes:
    """Claims of one proposition family (event incl. its broader events, agent) share a key, so a
    proposition and those it implies are ordered on one partition."""
    event = claim.proposition.event
    spec = event_specs().get(event)
    while spec is not None and spec.broader:
        event = spec.broader[0]
        spec = event_specs().get(event)
    return f"{event}:{claim.proposition.agent or '*'}".encode()


def article_to_claims(article: Article, store: StanceStore | None) -> list[ClaimMessage] | None:
    """Claims to publish, or None when this exact article was already processed."""
    digest = content_hash(article)
    if store is not None and store.seen_article(article.id, digest):
        return None
    claims = extract(article).claims
    return [ClaimMessage(claim_key(c), orjson.dumps(c.model_dump(mode="json"))) for c in claims]


def claim_to_alerts(claim: Claim, store: StanceStore) -> list[Alert]:
    return store.apply(claim)


def encode_alert(alert: Alert) -> tuple[bytes, bytes]:
    return alert.proposition.id.encode(), orjson.dumps(alert.model_dump(mode="json"))
