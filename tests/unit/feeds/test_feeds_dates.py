import time
from datetime import UTC, datetime

import pytest

from streams.feeds.dates import parse_human_date, resolve_published

FETCHED = datetime(2024, 11, 6, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Senin, 28 Okt 2024 14:05 WIB", datetime(2024, 10, 28, 7, 5, tzinfo=UTC)),
        ("Kamis, 31 Oktober 2024 | 20:15 WIB", datetime(2024, 10, 31, 13, 15, tzinfo=UTC)),
        ("Selasa, 05/11/2024 09:00 WITA", datetime(2024, 11, 5, 1, 0, tzinfo=UTC)),
        ("Rabu, 06 Nov 2024 10:00 WIT", datetime(2024, 11, 6, 1, 0, tzinfo=UTC)),
        ("Mon, 28 Oct 2024 14:05:00 +0700", datetime(2024, 10, 28, 7, 5, tzinfo=UTC)),
        ("Sun, 27 Oct 2024 10:00:00 GMT", datetime(2024, 10, 27, 10, 0, tzinfo=UTC)),
        ("2024-10-28T07:05:00Z", datetime(2024, 10, 28, 7, 5, tzinfo=UTC)),
        ("2024-10-28T14:05:00+07:00", datetime(2024, 10, 28, 7, 5, tzinfo=UTC)),
    ],
)
def test_indonesian_rfc822_and_iso_dates(raw: str, expected: datetime) -> None:
    value = parse_human_date(raw, now=FETCHED)
    assert value == expected and value.tzinfo is not None


def test_naive_dates_use_the_feed_time_zone() -> None:
    raw = "28 Oktober 2024 14:05"
    assert parse_human_date(raw, now=FETCHED) == datetime(2024, 10, 28, 14, 5, tzinfo=UTC)
    assert parse_human_date(raw, default_tz="Asia/Jakarta", now=FETCHED) == datetime(
        2024, 10, 28, 7, 5, tzinfo=UTC
    )


def test_relative_dates_are_relative_to_the_fetch() -> None:
    assert parse_human_date("2 jam yang lalu", now=FETCHED) == datetime(2024, 11, 6, 10, 0, tzinfo=UTC)


def test_garbage_falls_back_to_feedparser_then_fetched_at() -> None:
    assert parse_human_date("kapan-kapan saja", now=FETCHED) is None
    parsed = time.strptime("2024-10-30 08:00:00", "%Y-%m-%d %H:%M:%S")
    value, source = resolve_published("kapan-kapan saja", parsed, fetched_at=FETCHED)
    assert (value, source) == (datetime(2024, 10, 30, 8, 0, tzinfo=UTC), "feed_parser")
    value, source = resolve_published(None, None, fetched_at=FETCHED)
    assert (value, source) == (FETCHED, "fetched_at")


def test_future_and_ancient_dates_are_not_trusted() -> None:
    value, source = resolve_published("Mon, 01 Jan 2035 00:00:00 GMT", None, fetched_at=FETCHED)
    assert source == "fetched_at" and value == FETCHED
    value, source = resolve_published("1 Jan 1970 00:00 GMT", None, fetched_at=FETCHED)
    assert source == "fetched_at"
