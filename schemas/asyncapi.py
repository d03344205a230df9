"""The AsyncAPI 3.0 document of every claimwatch topic, generated from the pydantic models.

`python -m schemas.export` writes it to schemas/asyncapi.yaml next to the JSON Schemas (and
`--check` fails when it drifts from the models). Topic names are the defaults (settings rename
them: CW_TOPIC_ARTICLES, ...); keys, partitions and retention are described per channel.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic.json_schema import models_json_schema

from schemas import TOPIC_MODELS

VERSION = "0.1.0"
ASYNCAPI_PATH = Path(__file__).parent / "asyncapi.yaml"

# role -> (default topic name, message key, who sends, who receives, description)
TOPICS: dict[str, dict[str, str]] = {
    "articles": {
        "address": "claimwatch.articles",
        "key": "The article id (a replay reuses it).",
        "producers": "claimwatch replay, claimwatch ingest (feeds), your own producers",
        "consumers": "the worker's extract stage",
        "description": "News articles, one per message. One partition by default so that a replay "
        "is processed in event-time order.",
    },
    "claims": {
        "address": "claimwatch.claims",
        "key": "The claim's interaction group: first event of the group and agent "
        "(`*` for groups whose events exclude each other across agents).",
        "producers": "the worker's extract stage",
        "consumers": "the worker's stance stage, claimwatch web, claimwatch rebuild",
        "description": "Attributed claims found in articles. Unlimited retention: the stance "
        "state is rebuilt from this log.",
    },
    "alerts": {
        "address": "claimwatch.alerts",
        "key": "The proposition id.",
        "producers": "the worker's stance stage",
        "consumers": "claimwatch alerts, claimwatch web, claimwatch push, your own consumers",
        "description": "Confirmations, contradictions, numeric discrepancies and reversals. "
        "At-least-once: a repeat carries the same `id`.",
    },
    "deadletter": {
        "address": "claimwatch.deadletter",
        "key": "The original message's key.",
        "producers": "the worker (both stages)",
        "consumers": "claimwatch deadletters list|refeed",
        "description": "Input that could not be processed, with the reason and the original bytes.",
    },
}


def _title(role: str) -> str:
    return TOPIC_MODELS[role].__name__


def document() -> dict[str, Any]:
    models = [(model, "serialization") for model in TOPIC_MODELS.values()]
    _, top = models_json_schema(models, ref_template="#/components/schemas/{model}")  # type: ignore[arg-type]
    schemas = dict(sorted(top.get("$defs", {}).items()))
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for role, meta in TOPICS.items():
        name = _title(role)
        model = TOPIC_MODELS[role]
        version = model.model_fields["schema_version"].default
        messages[name] = {
            "name": name,
            "title": f"{name} (schema_version {version})",
            "contentType": "application/json",
            "payload": {"$ref": f"#/components/schemas/{name}"},
            "bindings": {"kafka": {"key": {"type": "string", "description": meta["key"]}}},
        }
        channels[role] = {
            "address": meta["address"],
            "description": meta["description"],
            "messages": {name: {"$ref": f"#/components/messages/{name}"}},
        }
        for action, who in (("send", meta["producers"]), ("receive", meta["consumers"])):
            operations[f"{action}{name}"] = {
                "action": action,
                "channel": {"$ref": f"#/channels/{role}"},
                "summary": f"{'Sent' if action == 'send' else 'Read'} by {who}.",
                "messages": [{"$ref": f"#/channels/{role}/messages/{name}"}],
            }
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "claimwatch",
            "version": VERSION,
            "description": "Attributed claims from news, per-party stance tables and alerts, on "
            "Kafka. Every message is JSON; `schema_version` names its version. Generated from the "
            "pydantic models by `python -m schemas.export`; do not edit by hand.",
        },
        "defaultContentType": "application/json",
        "servers": {
            "local": {
                "host": "127.0.0.1:9092",
                "protocol": "kafka",
                "description": "The Kafka that ops/services.sh or docker compose start.",
            }
        },
        "channels": channels,
        "operations": operations,
        "components": {"messages": messages, "schemas": schemas},
    }


def render() -> str:
    return yaml.safe_dump(document(), sort_keys=False, allow_unicode=True, width=100)
