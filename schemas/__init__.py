"""Wire contracts for every claimwatch topic (pydantic v2, frozen, extra fields forbidden)."""

from schemas._base import SCHEMA_VERSION, WireModel
from schemas.alert import ALERT_KINDS, Alert, AlertKind, Evidence, Severity, upgrade_alert
from schemas.article import MAX_BODY_CHARS, Article
from schemas.claim import Claim, Modality, PropositionRef, Quantity, Span, Speaker, Stance
from schemas.deadletter import DeadLetter, DeadLetterReason

# Topic role -> model. Topic *names* are settings; roles are fixed.
TOPIC_MODELS: dict[str, type[WireModel]] = {
    "articles": Article,
    "claims": Claim,
    "alerts": Alert,
    "deadletter": DeadLetter,
}

__all__ = [
    "ALERT_KINDS",
    "MAX_BODY_CHARS",
    "SCHEMA_VERSION",
    "TOPIC_MODELS",
    "Alert",
    "AlertKind",
    "Article",
    "Claim",
    "DeadLetter",
    "DeadLetterReason",
    "Evidence",
    "Modality",
    "PropositionRef",
    "Quantity",
    "Severity",
    "Span",
    "Speaker",
    "Stance",
    "WireModel",
    "upgrade_alert",
]
