"""Push sinks without a network: the sinks file, filters, what a message says, URL timeouts."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from schemas import Alert
from streams.sinks.config import SinksConfigError, load_sinks_file, parse_sinks_yaml
from streams.sinks.message import compose, story_url, title_of
from streams.sinks.runner import _with_timeouts, wanted
from streams.sinks.sample import sample_alert
from tests.unit.test_storyline import replay_pure

EXAMPLE = Path(__file__).resolve().parents[3] / "streams" / "sinks" / "sinks.example.yaml"


@pytest.fixture(scope="module")
def alerts() -> list[Alert]:
    return replay_pure()[0]


def _sink(**fields: object) -> object:
    base = {"name": "s", "urls": ["json://127.0.0.1:9/hook"]}
    return parse_sinks_yaml(orjson.dumps({"sinks": [{**base, **fields}]}).decode()).sinks[0]


def test_the_example_file_loads() -> None:
    config = load_sinks_file(EXAMPLE)
    assert [s.name for s in config.sinks] == ["desk-webhook"]
    assert config.enabled == []  # off until a user puts a real URL in


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("sinks: [{name: a, urls: ['json://h/x'], kinds: [CONFIRMD]}]", "unknown alert kind 'CONFIRMD'"),
        ("sinks: [{name: a, urls: ['nonsense://x']}]", "not a URL apprise can notify"),
        ("sinks: [{name: a, urls: []}]", "at least 1 item"),
        ("sinks: [{name: a, urls: ['json://h/x'], partys: [russia]}]", "Extra inputs are not permitted"),
        ("sinks: [{name: a, urls: ['json://h/x']}, {name: a, urls: ['json://h/y']}]", "used twice: a"),
        ("sinks: [{name: 'a b', urls: ['json://h/x']}]", "letters, digits"),
        ("- just a list", "expected a mapping"),
    ],
)
def test_a_bad_sinks_file_is_refused_with_the_reason(yaml_text: str, message: str) -> None:
    with pytest.raises(SinksConfigError) as caught:
        parse_sinks_yaml(yaml_text)
    assert message in str(caught.value)


def test_filters_by_kind_party_and_severity(alerts: list[Alert]) -> None:
    sink = _sink(kinds=["contradicted"], parties=["Russia"])
    chosen = [a for a in alerts if wanted(a, sink)]  # type: ignore[arg-type]
    assert chosen and all(a.kind == "CONTRADICTED" and "russia" in a.parties for a in chosen)
    everything = _sink()
    assert all(wanted(a, everything) for a in alerts)  # type: ignore[arg-type]
    high = _sink(min_severity="high")
    assert all(a.severity == "high" for a in alerts if wanted(a, high))  # type: ignore[arg-type]
    assert any(not wanted(a, high) for a in alerts)  # type: ignore[arg-type]


def test_a_text_message_names_the_parties_the_evidence_and_the_sources() -> None:
    alert = sample_alert()
    msg = compose(alert, body="text", web_url="http://127.0.0.1:8765/")
    assert msg.title == title_of(alert) and msg.title.startswith("[CONFIRMED] ")
    assert "https://example.org/claimwatch-test" in msg.body  # the source's URL
    assert alert.trigger.quote in msg.body
    assert f"Story: {story_url('http://127.0.0.1:8765', alert)}" in msg.body
    assert story_url("http://x/", alert) == "http://x/story/test%3A%2A%3A%2A"
    assert msg.body_format == "text"
    assert f"Alert {alert.id}" in msg.body


def test_markdown_and_json_bodies() -> None:
    alert = sample_alert()
    assert compose(alert, body="markdown", web_url=None).body_format == "markdown"
    assert "**New:**" in compose(alert, body="markdown", web_url=None).body
    raw = compose(alert, body="json", web_url=None).body
    assert Alert.model_validate(orjson.loads(raw)) == alert  # the alert itself, version 2


def test_every_url_gets_timeouts_unless_it_has_its_own() -> None:
    assert _with_timeouts("json://h/x", 5) == "json://h/x?rto=5&cto=5"
    assert _with_timeouts("json://h/x?rto=2", 5) == "json://h/x?rto=2&cto=5"
    assert _with_timeouts("json://h/x?rto=2&cto=3", 5) == "json://h/x?rto=2&cto=3"
