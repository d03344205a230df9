"""The feeds file: which feeds to poll and the limits every fetch obeys.

YAML shape::

    options:            # optional; every field has a safe default
      read_timeout: 15
    feeds:
      - url: https://www.theguardian.com/world/rss
        outlet: The Guardian
        language: en
        poll_seconds: 300

Unknown keys are rejected so that a typo ("pol_seconds") fails loudly instead of silently
polling with the default.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

DEFAULT_USER_AGENT = "claimwatch-feeds/0.1 (+https://github.com/claimwatch; news claim monitor)"


class FeedsConfigError(ValueError):
    """The feeds file is missing, not YAML, or does not validate; the message says where."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class IngestOptions(_Strict):
    """Limits shared by all feeds. Defaults suit public news sites polled every few minutes."""

    connect_timeout: float = Field(default=5.0, gt=0, description="Seconds to open a TCP/TLS connection.")
    read_timeout: float = Field(default=15.0, gt=0, description="Seconds of silence before giving up.")
    total_timeout: float = Field(
        default=30.0,
        gt=0,
        description="Wall-clock cap per request; defeats servers that drip bytes.",
    )
    max_bytes: int = Field(default=5_000_000, ge=1024, description="Largest feed body accepted.")
    max_page_bytes: int = Field(default=3_000_000, ge=1024, description="Largest article page accepted.")
    max_redirects: int = Field(default=5, ge=0, le=20)
    user_agent: str = DEFAULT_USER_AGENT
    min_body_chars: int = Field(
        default=600, ge=0, description="Entry text shorter than this is a summary: fetch the page."
    )
    fetch_article_pages: bool = True
    max_pages_per_poll: int = Field(
        default=20,
        ge=0,
        description="Page fetches per feed per poll; the rest wait for the next poll.",
    )
    max_backoff_seconds: float = Field(default=6 * 3600, gt=0)
    concurrency: int = Field(default=4, ge=1, le=32, description="Feeds fetched in parallel.")
    dedup_ttl_days: int = Field(default=30, ge=1, description="How long seen URLs/hashes are remembered.")
    near_dup_threshold: float = Field(
        default=0.6,
        gt=0,
        le=1,
        description="Estimated Jaccard above which a text is a syndicated copy.",
    )
    produce_timeout: float = Field(default=15.0, gt=0, description="Seconds to wait for a Kafka ack.")


class FeedConfig(_Strict):
    url: str = Field(max_length=2000)
    outlet: str = Field(min_length=1, max_length=200)
    language: str | None = Field(default=None, max_length=8, description="ISO 639-1 hint.")
    poll_seconds: int = Field(default=300, ge=1)
    allow_private: bool = Field(
        default=False,
        description="Allow this feed's host to resolve to private/loopback addresses "
        "(an intranet feed, or the tests' local server).",
    )
    enabled: bool = True
    timezone: str = Field(
        default="UTC",
        description="Zone assumed for entry dates that carry no offset (e.g. Asia/Jakarta).",
    )

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        parts = urlsplit(value.strip())
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise ValueError("feed url must be an absolute http(s) URL")
        return value.strip()

    @field_validator("language")
    @classmethod
    def _lower(cls, value: str | None) -> str | None:
        if value is None:
            return None
        return value.strip().lower() or None

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as err:
            raise ValueError(f"unknown time zone {value!r}") from err
        return value

    @property
    def host(self) -> str:
        return (urlsplit(self.url).hostname or "").lower()


class FeedsFile(_Strict):
    options: IngestOptions = Field(default_factory=IngestOptions)
    feeds: list[FeedConfig] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_urls(self) -> FeedsFile:
        seen: set[str] = set()
        for feed in self.feeds:
            if feed.url in seen:
                raise ValueError(f"feed listed twice: {feed.url}")
            seen.add(feed.url)
        return self

    @property
    def enabled_feeds(self) -> list[FeedConfig]:
        return [f for f in self.feeds if f.enabled]


def parse_feeds_yaml(text: str, *, source: str = "<string>") -> FeedsFile:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise FeedsConfigError(f"{source}: not valid YAML: {err}") from err
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise FeedsConfigError(f"{source}: expected a mapping with a 'feeds' list")
    try:
        return FeedsFile.model_validate(raw)
    except ValidationError as err:
        raise FeedsConfigError(f"{source}: {err}") from err


def load_feeds_file(path: Path) -> FeedsFile:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise FeedsConfigError(f"cannot read feeds file {path}: {err}") from err
    return parse_feeds_yaml(text, source=str(path))
