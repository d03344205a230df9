"""Entry dates -> tz-aware UTC.

Indonesian outlets often put human dates in their feeds ("Senin, 28 Okt 2024 14:05 WIB") that
feedparser's RFC 822 / ISO parsers do not understand, so dateparser (which knows Indonesian
month and day names and the WIB/WITA/WIT zones) goes first. feedparser's own parse is the
fallback, and fetched_at the last resort: Article.published_at is required, and an item is
never dropped for a bad date.
"""

from __future__ import annotations

import calendar
import logging
import time
import warnings
from datetime import UTC, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

import dateparser

log = logging.getLogger(__name__)

LANGUAGES = ["id", "en"]
# Clocks and time zones in feeds are often wrong by hours; more than this in the future is junk.
MAX_FUTURE = timedelta(days=1)
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)

DateSource = Literal["entry", "feed_parser", "fetched_at"]


def date_languages(language: str | None) -> list[str]:
    """The feed's language first (pt, uk, ru, ...), then Indonesian and English."""
    lang = (language or "").strip().lower().split("-")[0].split("_")[0]
    return list(dict.fromkeys([lang, *LANGUAGES] if lang else LANGUAGES))


def parse_human_date(
    raw: str, *, default_tz: str = "UTC", now: datetime | None = None, language: str | None = None
) -> datetime | None:
    """dateparser with the feed's language, Indonesian and English; naive results are read in
    `default_tz`. A language dateparser does not know is left out, not an error."""
    now = now or datetime.now(UTC)
    local_now = now.astimezone(ZoneInfo(default_tz)).replace(tzinfo=None)
    settings = {
        "TIMEZONE": default_tz,
        "TO_TIMEZONE": "UTC",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": local_now,  # "2 jam yang lalu" is relative to the fetch
        "DATE_ORDER": "DMY",  # Indonesian and most non-US sites write day first
    }
    languages = date_languages(language)
    value: datetime | None = None
    for attempt in (languages, LANGUAGES):
        try:
            with warnings.catch_warnings():
                # dateparser warns about pytz/zoneinfo internals on some inputs; not actionable.
                warnings.simplefilter("ignore")
                value = dateparser.parse(raw[:200], languages=attempt, settings=settings)
            break
        except ValueError as err:  # a language code dateparser does not know: without it
            log.debug("dateparser refused languages %s: %s", attempt, err)
        except Exception as err:  # dateparser raises odd errors on odd input; never fatal
            log.debug("dateparser failed on %r: %s", raw, err)
            return None
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(default_tz))
    return value.astimezone(UTC)


def _plausible(value: datetime, fetched_at: datetime) -> bool:
    return EARLIEST <= value <= fetched_at + MAX_FUTURE


def resolve_published(
    raw: str | None,
    parsed: time.struct_time | None,
    *,
    fetched_at: datetime,
    default_tz: str = "UTC",
    language: str | None = None,
) -> tuple[datetime, DateSource]:
    """Best event time for an entry, and where it came from."""
    if raw:
        value = parse_human_date(raw, default_tz=default_tz, now=fetched_at, language=language)
        if value is not None and _plausible(value, fetched_at):
            return value, "entry"
    if parsed is not None:
        try:
            # feedparser's struct_time is already normalised to UTC.
            value = datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
        except (OverflowError, ValueError, TypeError):
            value = None
        if value is not None and _plausible(value, fetched_at):
            return value, "feed_parser"
    return fetched_at.astimezone(UTC), "fetched_at"
