"""The articles topic: one news item as fetched or replayed.

Strict on purpose: an article is untrusted input. A date must be ISO 8601 text with an offset
within a sane window (a far-future date would pin a party's position forever; an integer is not
a date), URLs are http(s) with a host, ids carry no control characters, id and body are not blank.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from schemas._base import WireModel, require_tz

MAX_BODY_CHARS = 200_000
EARLIEST_PUBLISHED = datetime(1990, 1, 1, tzinfo=UTC)
MAX_AHEAD = timedelta(days=2)  # clock skew and time zones; beyond that a date is wrong
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _date_text(value: Any) -> Any:
    # An integer (or float, or bool) would be read as seconds since 1970: not a date here.
    if not isinstance(value, (str, datetime)):
        raise ValueError("must be an ISO 8601 date-time string with a timezone offset")
    return value


def _in_window(value: datetime) -> datetime:
    if value < EARLIEST_PUBLISHED:
        raise ValueError(f"{value.isoformat()} is before {EARLIEST_PUBLISHED.date()}")
    if value > datetime.now(UTC) + MAX_AHEAD:
        raise ValueError(f"{value.isoformat()} is more than {MAX_AHEAD.days} days in the future")
    return value


def _web_url(value: str | None) -> str | None:
    if value is None:
        return value
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError("must be an http(s) URL with a host")
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value


def _no_controls(value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError("must not contain control characters")
    return value


ArticleTime = Annotated[
    datetime, BeforeValidator(_date_text), AfterValidator(require_tz), AfterValidator(_in_window)
]
WebUrl = Annotated[str | None, AfterValidator(_web_url)]
Identifier = Annotated[str, AfterValidator(_not_blank), AfterValidator(_no_controls)]
Text = Annotated[str, AfterValidator(_not_blank)]


class Article(WireModel):
    schema_version: Literal[1] = 1
    id: Identifier = Field(min_length=1, max_length=200, description="Stable id; replays reuse it.")
    url: WebUrl = Field(default=None, max_length=2000, description="http(s) URL of the article.")
    outlet: Text = Field(min_length=1, max_length=200, description="Outlet as the text shows it.")
    via: str | None = Field(
        default=None, max_length=200, description="Outlet the text credits as its source."
    )
    language: str | None = Field(
        default=None, max_length=8, description="ISO 639-1 hint; the extractor re-detects."
    )
    title: str | None = Field(default=None, max_length=1000)
    body: Text = Field(min_length=1, max_length=MAX_BODY_CHARS)
    published_at: ArticleTime = Field(description="Event time of the article (1990 .. now + 2 days).")
    fetched_at: ArticleTime | None = None
    feed: WebUrl = Field(default=None, max_length=2000)
    content_hash: str | None = Field(default=None, max_length=128)
    syndicated_from: str | None = Field(
        default=None,
        max_length=200,
        description="Id of an earlier article this one near-duplicates (syndicated copy).",
    )

    @model_validator(mode="after")
    def _published_before_fetched(self) -> Article:
        if self.fetched_at is not None and self.published_at > self.fetched_at + MAX_AHEAD:
            raise ValueError("published_at is more than two days after fetched_at")
        return self
