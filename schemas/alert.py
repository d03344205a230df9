"""The alerts topic: a confirmation, contradiction, numeric discrepancy or reversal.

Versions (the `schema_version` field of every message):

* **1** — the first wire format. Evidence names the article only by `article_id` and `outlet`.
* **2** — Evidence also carries the source article's `url`, `title` and `published_at`
  (provenance: from an alert straight to its source). Nothing was renamed or removed, and the
  three fields are optional (null when the article had none, e.g. a replayed file without a URL).

Migration 1 -> 2 (`upgrade_alert`): a version-1 message *is* a valid version-2 message with the
three provenance fields null; `Alert.model_validate` reads both and keeps the version it read.
Consumers of version 1:

* plain-JSON consumers that ignore unknown keys (the README's kafka-python example) keep working
  unchanged;
* consumers that validate against the version-1 JSON Schema (`additionalProperties: false`,
  `schema_version` const 1) reject a version-2 message with an error naming `schema_version` —
  regenerate from `schemas/json/alerts.schema.json` (which accepts 1 and 2) to upgrade;
* `streams.pipeline.decode(raw, Alert, ...)` reads 1 and 2 and refuses any other version with the
  `unsupported_version` reason.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from schemas._base import AwareDatetime, WireModel
from schemas.claim import Modality, PropositionRef, Quantity, Span, Stance

AlertKind = Literal["CONFIRMED", "CONTRADICTED", "NUMERIC_DISCREPANCY", "STANCE_REVERSAL"]
Severity = Literal["low", "medium", "high"]
ALERT_KINDS: tuple[str, ...] = ("CONFIRMED", "CONTRADICTED", "NUMERIC_DISCREPANCY", "STANCE_REVERSAL")
ALERT_VERSIONS: tuple[int, ...] = (1, 2)
ALERT_VERSION: Literal[2] = 2


class Evidence(WireModel):
    """A claim as an alert cites it, with the article it came from (version 2: url, title,
    published_at)."""

    claim_id: str
    article_id: str
    outlet: str
    speaker: str
    actor_id: str | None
    party: str | None
    stance: Stance
    modality: Modality
    proposition_id: str
    quote: str
    span: Span
    event_time: AwareDatetime
    quantity: Quantity | None = None
    url: str | None = Field(default=None, description="The source article's URL (v2; null if unknown).")
    title: str | None = Field(default=None, description="The source article's headline (v2).")
    published_at: AwareDatetime | None = Field(
        default=None, description="When the source article was published (v2)."
    )


class Alert(WireModel):
    """Version 2 adds provenance (url, title, published_at) to every Evidence; a version-1
    message still reads (see the module's docstring for the migration)."""

    schema_version: Literal[1, 2] = ALERT_VERSION
    id: str = Field(description="Deterministic: a replay yields the same id.")
    kind: AlertKind
    severity: Severity
    proposition: PropositionRef
    trigger: Evidence = Field(description="The new claim that fired the alert.")
    related: list[Evidence] = Field(description="Earlier claim(s) confirmed or contradicted.")
    parties: list[str] = Field(description="Parties involved, trigger's first.")
    rule: str = Field(description="Which rule fired.")
    reason: str = Field(description="Human-readable why.")
    event_time: AwareDatetime


def upgrade_alert(data: dict[str, Any]) -> dict[str, Any]:
    """A version-1 alert (as parsed JSON) as version 2: the provenance fields are added as null.
    Version-2 data is returned unchanged; any other version raises ValueError."""
    version = data.get("schema_version", 1)
    if version == ALERT_VERSION:
        return data
    if version != 1:
        raise ValueError(f"alert schema_version {version!r} is not supported (known: 1, 2)")

    def _ev(e: Any) -> Any:
        if not isinstance(e, dict):
            return e
        return {"url": None, "title": None, "published_at": None, **e}

    out = dict(data)
    out["schema_version"] = ALERT_VERSION
    if "trigger" in out:
        out["trigger"] = _ev(out["trigger"])
    if isinstance(out.get("related"), list):
        out["related"] = [_ev(e) for e in out["related"]]
    return out
