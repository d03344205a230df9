"""Feed parsing and dates, issue 11: aggregator items, content types, dates in more languages."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from streams.feeds.dates import date_languages, parse_human_date, resolve_published
from streams.feeds.ingest import is_aggregated
from streams.feeds.parse import parse_feed

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "feeds"
FETCHED = datetime(2024, 11, 6, 12, 0, tzinfo=UTC)


def _fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes().replace(b"{{BASE}}", b"http://feeds.example")


def test_an_aggregators_item_names_its_outlet_and_loses_the_suffix() -> None:
    parsed = parse_feed(_fixture("aggregator.xml"), url="http://feeds.example/aggregator.xml")
    first = parsed.items[0]
    assert first.source_name == "The Harbour Times"
    assert first.source_url == "https://harbourtimes.example"
    assert first.title == "Harbour bridge reopens after repairs"
    assert is_aggregated(first, "News Aggregator")
    assert not is_aggregated(first, "the harbour times")  # an outlet's own feed citing itself


def test_an_ordinary_item_is_not_aggregated() -> None:
    parsed = parse_feed(_fixture("rss2.xml"), url="http://feeds.example/rss2.xml")
    assert parsed.items and all(i.source_name is None for i in parsed.items)
    assert not any(is_aggregated(i, "Test Wire") for i in parsed.items)


@pytest.mark.parametrize("content_type", ["text/html; charset=utf-8", "text/plain"])
def test_a_feed_with_a_wrong_content_type_is_read_and_not_malformed(content_type: str) -> None:
    parsed = parse_feed(_fixture("rss2.xml"), url="http://feeds.example/x", content_type=content_type)
    assert len(parsed.items) == 3
    kinds = [k for k, _ in parsed.problems]
    assert "malformed" not in kinds and kinds == ["content_type"]


def test_an_html_page_is_still_not_a_feed() -> None:
    page = b"<!doctype html><html><head><title>Home</title></head><body>news</body></html>"
    parsed = parse_feed(page, url="http://feeds.example/", content_type="text/html")
    assert parsed.not_a_feed


def test_date_languages_put_the_feeds_first() -> None:
    assert date_languages("pt-BR") == ["pt", "id", "en"]
    assert date_languages("id") == ["id", "en"]
    assert date_languages(None) == ["id", "en"]


@pytest.mark.parametrize(
    ("raw", "language", "expected"),
    [
        ("28 de outubro de 2024 14:05", "pt", "2024-10-28T14:05:00+00:00"),
        ("29 жовтня 2024 09:30", "uk", "2024-10-29T09:30:00+00:00"),
        ("28 октября 2024 г., 14:05", "ru", "2024-10-28T14:05:00+00:00"),
        ("Senin, 28 Okt 2024 14:05 WIB", "id", "2024-10-28T07:05:00+00:00"),
    ],
)
def test_human_dates_in_the_feeds_language(raw: str, language: str, expected: str) -> None:
    assert parse_human_date(raw, language=language, now=FETCHED) == datetime.fromisoformat(expected)


def test_without_the_language_a_portuguese_date_falls_back_to_the_fetch_time() -> None:
    when, source = resolve_published("28 de outubro de 2024 14:05", None, fetched_at=FETCHED)
    assert source == "fetched_at" and when == FETCHED
    when, source = resolve_published("28 de outubro de 2024 14:05", None, fetched_at=FETCHED, language="pt")
    assert source == "entry" and when == datetime(2024, 10, 28, 14, 5, tzinfo=UTC)


def test_an_unknown_language_code_is_ignored_not_fatal() -> None:
    assert parse_human_date("Senin, 28 Okt 2024 14:05 WIB", language="xx", now=FETCHED) == datetime(
        2024, 10, 28, 7, 5, tzinfo=UTC
    )
