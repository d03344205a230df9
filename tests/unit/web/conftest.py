"""The seeds read by the pure core (extract + in-memory stance book), with made-up source URLs
and headlines, fed to a desk: the web view's data without Kafka or Redis."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson
import pytest
from fastapi.testclient import TestClient
from redis.backoff import NoBackoff
from redis.retry import Retry

from schemas import Alert, Article, Claim
from streams.core.extract import extract
from streams.replay import load_articles
from streams.settings import Settings
from streams.stance.memory import MemoryBook
from streams.web.app import create_app
from streams.web.desk import ArticleRef
from streams.web.readonly import ReadOnlyRedis
from streams.web.service import DeskService
from streams.web.tail import ArticleItem

NO_RETRY = Retry(NoBackoff(), 0)
SEEDS = Path(__file__).resolve().parents[3] / "seeds"


@dataclass
class SeedData:
    articles: list[Article]
    claims: list[Claim]
    alerts: list[Alert]


def url_of(article_id: str) -> str:
    return f"https://news.example/{article_id}"


@pytest.fixture(scope="session")
def seed_data() -> SeedData:
    articles = [
        a.model_copy(update={"url": url_of(a.id), "title": f"Headline of {a.id}"})
        for a in load_articles(SEEDS)
    ]
    book = MemoryBook()
    claims: list[Claim] = []
    alerts: list[Alert] = []
    for article in articles:
        for claim in extract(article).claims:
            claims.append(claim)
            alerts.extend(book.apply(claim))
    return SeedData(articles, claims, alerts)


def fill(svc: DeskService, data: SeedData) -> None:
    for n, a in enumerate(data.articles):
        from streams.provenance import source_of_message

        source = source_of_message(a.model_dump(mode="json"))
        assert source is not None
        svc.apply([ArticleItem(ArticleRef(a.id, 0, n, a.outlet, a.language), source)])
        if n < len(data.articles) - 1:  # the last one's text is only on Kafka (unreachable here)
            svc.bodies.put(a.id, orjson.dumps(a.model_dump(mode="json")))
    svc.apply(list(data.claims))
    svc.apply(list(data.alerts))


@pytest.fixture
def service(seed_data: SeedData) -> DeskService:
    settings = Settings(
        redis_url="redis://127.0.0.1:9/0", kafka_bootstrap="127.0.0.1:9", redis_password_file=None
    )
    svc = DeskService(
        settings,
        start_tail=False,
        # Port 9: nothing listens; stance routes must say Redis is unavailable (503).
        redis_factory=lambda: ReadOnlyRedis(
            host="127.0.0.1", port=9, socket_connect_timeout=0.5, retry=NO_RETRY
        ),
    )
    fill(svc, seed_data)
    return svc


@pytest.fixture
def client(service: DeskService) -> Iterator[TestClient]:
    with TestClient(create_app(service.settings, service=service)) as c:
        yield c
