"""Budgeted extraction: the child process gives what the core gives; an article over the budget
is stopped and reported, and the next one is extracted normally."""

from __future__ import annotations

import asyncio

import pytest

from streams.bench.corpus import generate
from streams.pipeline import article_to_claims
from streams.runtime.extractor import BudgetedExtractor, TooSlow


def test_the_child_process_extracts_exactly_what_the_core_extracts() -> None:
    article = next(iter(generate(1, seed=2)))
    pooled = BudgetedExtractor(budget_s=30)
    try:
        got = asyncio.run(pooled.extract(article)).messages
    finally:
        pooled.close()
    assert got == article_to_claims(article) and got


def test_an_article_over_the_budget_is_stopped_and_the_next_one_goes_through() -> None:
    article = next(iter(generate(1, seed=4)))
    wall = article.model_copy(update={"body": "pasukan korea utara dikirim ke kursk kata pejabat " * 4000})
    tight = BudgetedExtractor(budget_s=0.05)

    async def both() -> int:
        with pytest.raises(TooSlow):
            await tight.extract(wall)
        return len((await tight.extract(article)).messages)

    try:
        assert asyncio.run(both()) == len(article_to_claims(article))
    finally:
        tight.close()
