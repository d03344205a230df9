"""Generalisation floor on the project's own annotated articles (tests/corpus, not the seeds).

The thresholds are floors that catch regressions; `claimwatch eval` prints the current scores."""

from __future__ import annotations

from pathlib import Path

import orjson

from schemas import Article
from streams.core.eval import evaluate
from streams.core.extract import extract

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def test_claims_and_alerts_reach_the_quality_floor() -> None:
    report = evaluate(CORPUS / "gold.jsonl", CORPUS / "articles.jsonl")
    assert report.articles >= 30
    assert report.claims.f1 >= 0.5, report.as_dict()["claims"]
    assert report.claims.precision >= 0.6
    total = report.alerts_total()
    assert total.f1 >= 0.55, report.as_dict()["alerts_total"]
    assert report.alerts["STANCE_REVERSAL"].recall >= 0.5


def test_unrelated_articles_yield_no_claims() -> None:
    gold = {g["article_id"]: g for g in map(orjson.loads, (CORPUS / "gold.jsonl").read_text().splitlines())}
    articles = [
        Article.model_validate(orjson.loads(line))
        for line in (CORPUS / "articles.jsonl").read_text().splitlines()
    ]
    unrelated = [a for a in articles if not gold[a.id]["claims"] and not gold[a.id]["alerts"]]
    assert len(unrelated) >= 4
    for article in unrelated:
        assert extract(article).claims == [], article.id
