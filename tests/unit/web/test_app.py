"""The web app through its HTTP interface (no Kafka, no Redis): pages, API, errors, read-only."""

from __future__ import annotations

import csv
import io
from urllib.parse import quote

import orjson
import pytest
from fastapi.testclient import TestClient

from schemas import Alert
from streams.web.service import DeskService
from tests.unit.web.conftest import SeedData, url_of


def test_alert_list_is_paged_filtered_and_version_2(client: TestClient, seed_data: SeedData) -> None:
    r = client.get("/api/v1/alerts", params={"limit": 3})
    assert r.status_code == 200
    page = r.json()
    assert page["total"] == len(seed_data.alerts) and len(page["items"]) == 3
    first = Alert.model_validate(page["items"][0])
    assert first.schema_version == 2
    assert first.trigger.url == url_of(first.trigger.article_id)  # provenance filled from the claims
    r = client.get("/api/v1/alerts", params=[("kind", "CONTRADICTED"), ("kind", "STANCE_REVERSAL")])
    kinds = {a["kind"] for a in r.json()["items"]}
    assert kinds == {"CONTRADICTED", "STANCE_REVERSAL"}
    r = client.get("/api/v1/alerts", params={"party": "russia", "order": "event_time", "limit": 1000})
    items = r.json()["items"]
    assert items and all("russia" in a["parties"] for a in items)
    assert [a["event_time"] for a in items] == sorted((a["event_time"] for a in items), reverse=True)


@pytest.mark.parametrize(
    ("params", "param", "needle"),
    [
        ({"kind": "FOO"}, "kind", "CONFIRMED"),
        ({"party": "narnia"}, "party", "narnia"),
        ({"limit": "0"}, "limit", "greater than or equal to 1"),
        ({"limit": "5000"}, "limit", "less than or equal to 1000"),
        ({"since": "yesterday"}, "since", "datetime"),
        ({"since": "2025-01-01", "until": "2024-01-01"}, "since", "after until"),
        ({"order": "random"}, "order", "arrival"),
    ],
)
def test_bad_parameters_get_a_422_that_names_them(
    client: TestClient, params: dict[str, str], param: str, needle: str
) -> None:
    r = client.get("/api/v1/alerts", params=params)
    assert r.status_code == 422
    body = r.json()
    assert body["error"].startswith("bad query parameter")
    assert any(d["param"] == param and needle in d["message"] for d in body["detail"]), body


def test_a_bad_parameter_on_a_page_is_an_html_422(client: TestClient) -> None:
    r = client.get("/", params={"kind": "FOO"})
    assert r.status_code == 422 and "text/html" in r.headers["content-type"]
    assert "bad query parameter" in r.text and "kind" in r.text


def test_unknown_things_are_404_with_a_message(client: TestClient) -> None:
    r = client.get("/api/v1/alerts/nope")
    assert r.status_code == 404 and r.json()["error"] == "no alert 'nope'"
    assert client.get("/api/v1/propositions/nothing:here:*").status_code == 404
    assert client.get("/api/v1/articles/nope").status_code == 404
    assert client.get("/story/nothing:here:*").status_code == 404


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_the_app_never_writes(client: TestClient, service: DeskService, method: str) -> None:
    before = len(service.desk.alerts)
    r = client.request(method, "/api/v1/alerts")
    assert r.status_code == 405 and "read-only" in r.json()["error"]
    assert len(service.desk.alerts) == before


def test_redis_down_is_a_503_not_an_error_page_or_a_hang(client: TestClient) -> None:
    r = client.get("/api/v1/parties/russia/stance")
    assert r.status_code == 503 and "Redis" in r.json()["error"]
    health = client.get("/api/v1/health")
    assert health.status_code == 503 and health.json()["redis"]["connected"] is False


def test_a_story_has_a_timeline_and_its_alerts(client: TestClient) -> None:
    pid = "troops_deployed:north_korea:russia"
    r = client.get(f"/api/v1/propositions/{quote(pid)}")
    assert r.status_code == 200
    story = r.json()
    parties = {p["party"] for p in story["timeline"]}
    assert {"russia", "ukraine", "nato", "north_korea"} <= parties
    assert any(p["implied"] for p in story["timeline"])
    assert any(a["kind"] == "STANCE_REVERSAL" for a in story["alerts"])
    page = client.get(f"/story/{quote(pid)}")
    assert page.status_code == 200 and 'id="story-data"' in page.text
    data = page.text.split('id="story-data">', 1)[1].split("</script>", 1)[0]
    assert len(orjson.loads(data)["points"]) == len(story["timeline"])


def test_search_highlights_the_query_in_quotes(client: TestClient) -> None:
    r = client.get("/api/v1/claims", params={"q": "rutte"})
    hits = r.json()["items"]
    assert r.json()["total"] >= 1
    with_quote = [h for h in hits if h["highlights"]]
    assert with_quote
    for h in with_quote:
        for span in h["highlights"]:
            assert h["claim"]["quote"][span["start"] : span["end"]].casefold() == "rutte"
    page = client.get("/search", params={"q": "rutte"})
    assert '<mark class="hit">Rutte</mark>' in page.text


def test_exports_are_csv_and_json_with_sources(client: TestClient, seed_data: SeedData) -> None:
    r = client.get("/api/v1/export/alerts.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == len(seed_data.alerts)
    assert all(row["source_url"].startswith("https://news.example/") for row in rows)
    assert [row["event_time"] for row in rows] == sorted(row["event_time"] for row in rows)
    r = client.get("/api/v1/export/claims.json", params={"party": "nato"})
    claims = r.json()
    assert claims and all(c["speaker"]["party"] == "nato" for c in claims)


def test_an_article_page_marks_its_quotes_and_links_the_source(
    client: TestClient, seed_data: SeedData
) -> None:
    article = seed_data.articles[0]
    r = client.get(f"/api/v1/articles/{article.id}")
    assert r.status_code == 200
    view = r.json()
    assert view["url"] == url_of(article.id) and view["title"] == f"Headline of {article.id}"
    assert view["claims"] and all(c["quote"] in view["text"] for c in view["claims"])
    page = client.get(f"/article/{article.id}")
    assert page.status_code == 200
    assert page.text.count('<mark class="quote"') >= 1
    assert f'href="{url_of(article.id)}"' in page.text
    for c in view["claims"]:
        assert f'id="claim-{c["id"]}"' in page.text  # "in context" links land on the quote


def test_an_article_whose_text_is_only_on_kafka_says_kafka_is_down(
    client: TestClient, seed_data: SeedData
) -> None:
    r = client.get(f"/api/v1/articles/{seed_data.articles[-1].id}")
    assert r.status_code == 503 and "Kafka is not reachable" in r.json()["error"]


def test_pages_render_with_a_strict_content_security_policy(client: TestClient) -> None:
    for path in ("/", "/stories", "/search?q=kremlin", "/api"):
        r = client.get(path)
        assert r.status_code == 200, path
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert "http" not in csp  # no CDN anywhere
        assert "cdn" not in r.text.casefold()
    assert 'href="https://news.example/' in client.get("/").text  # every alert links to its source


def test_openapi_documents_every_route(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    paths = set(spec["paths"])
    assert {
        "/api/v1/alerts",
        "/api/v1/alerts/stream",
        "/api/v1/alerts/{alert_id}",
        "/api/v1/claims",
        "/api/v1/propositions/{pid}",
        "/api/v1/parties/{who}/stance",
        "/api/v1/export/alerts.csv",
        "/api/v1/export/claims.csv",
        "/api/v1/health",
    } <= paths
    assert all(set(ops) == {"get"} for ops in spec["paths"].values())  # read-only
    assert "422" in spec["paths"]["/api/v1/alerts"]["get"]["responses"]
    schemas = spec["components"]["schemas"]
    assert "url" in schemas["Evidence"]["properties"]


def test_the_live_stream_replays_what_a_client_missed(client: TestClient, seed_data: SeedData) -> None:
    """Reconnecting with after=N (or Last-Event-ID) sends the alerts that arrived after N."""
    skip = 3
    events: list[dict[str, object]] = []
    with client.stream("GET", "/api/v1/alerts/stream", params={"after": skip}) as r:
        assert r.headers["content-type"].startswith("text/event-stream")
        event = ""
        for line in r.iter_lines():
            if line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and event == "alert":
                events.append(orjson.loads(line.split(":", 1)[1]))
                if len(events) == len(seed_data.alerts) - skip:
                    break
    assert [e["seq"] for e in events] == list(range(skip + 1, len(seed_data.alerts) + 1))
    first = events[0]
    assert isinstance(first["html"], str) and 'class="alert' in first["html"]
    alert = first["alert"]
    assert isinstance(alert, dict) and alert["schema_version"] == 2
