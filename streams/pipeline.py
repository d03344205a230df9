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
from streams.stance.keys import routing_key

DLQ_MAX_ORIGINAL = 256_000  # bytes of the original kept in a dead letter
# Wire versions each model reads: claims of version 1 (no patient, no title flag) still decode.
_VERSIONS: dict[str, tuple[int, ...]] = {"Article": (1,), "Claim": (1, 2)}


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
    if isinstance(data, dict) and data.get("schema_version", 1) not in _VERSIONS.get(model.__name__, (1,)):
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


def claims_to_messages(claims: list[Claim]) -> list[ClaimMessage]:
    """Claims keyed so that every claim a decision reads or changes shares a partition."""
    return [ClaimMessage(routing_key(c), orjson.dumps(c.model_dump(mode="json"))) for c in claims]


def article_to_claims(article: Article) -> list[ClaimMessage]:
    return claims_to_messages(extract(article).claims)


def encode_alert(alert: Alert) -> tuple[bytes, bytes]:
    return alert.proposition.id.encode(), orjson.dumps(alert.model_dump(mode="json"))
