"""Wire versions: claims and alerts of version 1 and 2 both read; provenance set at extraction;
the AsyncAPI document covers every topic and every $ref in it resolves."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import orjson
import pytest
import yaml

from schemas import TOPIC_MODELS, Alert, Article, Claim, upgrade_alert
from schemas.asyncapi import ASYNCAPI_PATH, document
from streams.core.extract import extract
from streams.pipeline import BadInput, decode

PUB = datetime.fromisoformat("2024-10-28T12:00:00+07:00")
BODY = (
    "Sekretaris Jenderal NATO Mark Rutte mengatakan pada hari Senin bahwa pasukan Korea Utara "
    "telah dikerahkan ke wilayah Kursk di Rusia."
)


def _claim() -> Claim:
    article = Article(
        id="a1",
        url="https://example.org/news/1",
        title="NATO confirms North Korean troops in Kursk",
        outlet="Example",
        body=BODY,
        published_at=PUB,
    )
    claims = extract(article).claims
    assert claims, "the sentence gives a claim"
    return claims[0]


def _v1_alert() -> dict[str, Any]:
    claim = _claim()
    evidence = {
        "claim_id": claim.id,
        "article_id": claim.article_id,
        "outlet": claim.outlet,
        "speaker": "Mark Rutte",
        "actor_id": "rutte",
        "party": "nato",
        "stance": "affirm",
        "modality": "asserted",
        "proposition_id": claim.proposition.id,
        "quote": claim.quote,
        "span": {"start": claim.span.start, "end": claim.span.end},
        "event_time": "2024-10-28T12:00:00+07:00",
        "quantity": None,
    }
    return {
        "schema_version": 1,
        "id": "abc",
        "kind": "CONFIRMED",
        "severity": "medium",
        "proposition": claim.proposition.model_dump(mode="json"),
        "trigger": evidence,
        "related": [dict(evidence, claim_id="earlier", party="ukraine")],
        "parties": ["nato", "ukraine"],
        "rule": "confirm",
        "reason": "NATO confirms what Ukraine said",
        "event_time": "2024-10-28T12:00:00+07:00",
    }


def test_claims_carry_the_articles_url_and_title() -> None:
    claim = _claim()
    assert claim.schema_version == 2
    assert claim.url == "https://example.org/news/1"
    assert claim.title == "NATO confirms North Korean troops in Kursk"
    assert claim.published_at == PUB


def test_a_version_1_claim_still_decodes() -> None:
    data = _claim().model_dump(mode="json")
    for key in ("url", "title"):
        data.pop(key)
    data["schema_version"] = 1
    claim = decode(orjson.dumps(data), Claim, 1_000_000)
    assert claim.schema_version == 1 and claim.url is None


def test_a_version_1_alert_decodes_with_empty_provenance() -> None:
    alert = decode(orjson.dumps(_v1_alert()), Alert, 1_000_000)
    assert alert.schema_version == 1
    assert alert.trigger.url is None and alert.trigger.published_at is None


def test_upgrade_turns_version_1_into_version_2() -> None:
    upgraded = upgrade_alert(_v1_alert())
    assert upgraded["schema_version"] == 2
    assert upgraded["trigger"]["url"] is None and upgraded["related"][0]["title"] is None
    assert Alert.model_validate(upgraded).schema_version == 2
    assert upgrade_alert(upgraded) == upgraded  # version 2 is left alone
    with pytest.raises(ValueError, match="schema_version 7"):
        upgrade_alert({**_v1_alert(), "schema_version": 7})


def test_a_version_2_alert_keeps_its_provenance() -> None:
    data = upgrade_alert(_v1_alert())
    data["trigger"] = {
        **data["trigger"],
        "url": "https://example.org/news/1",
        "title": "NATO confirms",
        "published_at": "2024-10-28T05:00:00+00:00",
    }
    alert = decode(orjson.dumps(data), Alert, 1_000_000)
    assert alert.trigger.url == "https://example.org/news/1"
    assert alert.trigger.published_at == datetime.fromisoformat("2024-10-28T05:00:00+00:00")


@pytest.mark.parametrize("model", [Alert, Claim, Article])
def test_an_unknown_version_is_refused_with_a_clear_reason(model: type[Any]) -> None:
    data = _v1_alert() if model is Alert else _claim().model_dump(mode="json")
    if model is Article:
        data = {"id": "a", "outlet": "o", "body": "b", "published_at": "2024-10-28T12:00:00+07:00"}
    data["schema_version"] = 3
    with pytest.raises(BadInput) as caught:
        decode(orjson.dumps(data), model, 1_000_000)
    assert caught.value.reason == "unsupported_version"
    assert "schema_version 3" in str(caught.value)


def test_articles_stay_at_version_1() -> None:
    data = {"id": "a", "outlet": "o", "body": "b", "published_at": "2024-10-28T12:00:00+07:00"}
    with pytest.raises(BadInput):
        decode(orjson.dumps({**data, "schema_version": 2}), Article, 1_000_000)


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == "$ref"] + [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


def _resolve(doc: dict[str, Any], ref: str) -> Any:
    assert ref.startswith("#/"), ref
    node: Any = doc
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def test_asyncapi_covers_every_topic_and_every_ref_resolves() -> None:
    doc = yaml.safe_load(ASYNCAPI_PATH.read_text(encoding="utf-8"))
    assert doc == document()  # committed file is the generated one
    assert doc["asyncapi"] == "3.0.0"
    assert set(doc["channels"]) == set(TOPIC_MODELS)
    for ref in _refs(doc):
        _resolve(doc, ref)
    alert = doc["components"]["schemas"]["Alert"]
    assert alert["properties"]["schema_version"]["enum"] == [1, 2]
    evidence = doc["components"]["schemas"]["Evidence"]["properties"]
    assert {"url", "title", "published_at"} <= set(evidence)
    assert {op["action"] for op in doc["operations"].values()} == {"send", "receive"}


def test_asyncapi_is_valid_against_the_official_asyncapi_3_schema() -> None:
    import json
    from pathlib import Path

    import jsonschema

    spec = (
        Path(__file__).resolve().parents[2]
        / "ops/web/node_modules/@asyncapi/specs/schemas/3.0.0-without-$id.json"
    )
    assert spec.is_file(), "run ops/install.sh (npm ci in ops/web brings @asyncapi/specs)"
    validator = jsonschema.Draft7Validator(json.loads(spec.read_text(encoding="utf-8")))
    assert [e.message for e in validator.iter_errors(document())] == []
    broken = document()
    del broken["operations"]["sendAlert"]["action"]
    assert list(validator.iter_errors(broken))  # the check does catch a broken document
