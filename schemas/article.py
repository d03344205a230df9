"""The articles topic: one news item as fetched or replayed."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from schemas._base import AwareDatetime, WireModel

MAX_BODY_CHARS = 200_000


class Article(WireModel):
    schema_version: Literal[1] = 1
    id: str = Field(min_length=1, max_length=200, description="Stable id; replays reuse it.")
    url: str | None = Field(default=None, max_length=2000)
    outlet: str = Field(min_length=1, max_length=200, description="Outlet as the text shows it.")
    via: str | None = Field(
        default=None, max_length=200, description="Outlet the text credits as its source."
    )
    language: str | None = Field(
        default=None, max_length=8, description="ISO 639-1 hint; the extractor re-detects."
    )
    title: str | None = Field(default=None, max_length=1000)
    body: str = Field(min_length=1, max_length=MAX_BODY_CHARS)
    published_at: AwareDatetime = Field(description="Event time of the article.")
    fetched_at: AwareDatetime | None = None
    feed: str | None = Field(default=None, max_length=2000)
    content_hash: str | None = Field(default=None, max_length=128)
    syndicated_from: str | None = Field(
        default=None,
        max_length=200,
        description="Id of an earlier article this one near-duplicates (syndicated copy).",
    )
