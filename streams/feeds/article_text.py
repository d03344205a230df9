"""Main text of an article page, for feeds that only carry a teaser.

Claims live in the body ("..., kata juru bicara Kremlin Dmitry Peskov"); a two-line feed summary
rarely carries the attribution. trafilatura strips navigation, related-link boxes, share bars and
comments, which are exactly the web noise that must not become claims.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from streams.feeds.fetch import PAGE_ACCEPT, Fetcher, FetchError
from streams.feeds.text import clean_text

log = logging.getLogger(__name__)

MIN_PAGE_TEXT_CHARS = 80


@dataclass(frozen=True)
class PageText:
    text: str
    title: str | None
    date: datetime | None  # the page's own date, at day precision; a fallback only
    final_url: str


class ExtractionError(Exception):
    """The page loaded but carried no extractable article text."""

    kind = "extract_failed"


def extract_main_text(html: bytes | str, *, url: str | None = None) -> PageText | None:
    """trafilatura on one page; None when it finds no article text."""
    # Imported lazily: trafilatura pulls in lxml and justext (~0.3 s), which CLI commands such
    # as `feeds status` never need.
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            favor_precision=True,
            deduplicate=True,
        )
    except Exception as err:  # trafilatura on hostile HTML: log, fall back to the summary
        log.info("trafilatura failed on %s: %s", url, err)
        return None
    if doc is None:
        return None
    text = clean_text(str(getattr(doc, "text", "") or ""))
    if len(text) < MIN_PAGE_TEXT_CHARS:
        return None  # a menu, a cookie wall or "subscribe to read": not an article
    title = getattr(doc, "title", None)
    date: datetime | None = None
    raw_date = getattr(doc, "date", None)
    if isinstance(raw_date, str) and raw_date:
        try:
            date = datetime.fromisoformat(raw_date[:10]).replace(tzinfo=UTC)
        except ValueError:
            date = None
    return PageText(text, str(title) if title else None, date, url or "")


def fetch_article_text(fetcher: Fetcher, url: str, *, max_bytes: int) -> PageText:
    """Fetch and extract; raises FetchError or ExtractionError (both have a `kind`)."""
    result = fetcher.get(url, accept=PAGE_ACCEPT, max_bytes=max_bytes)
    page = extract_main_text(result.body, url=result.final_url)
    if page is None:
        raise ExtractionError(f"{url}: no article text found")
    return page


__all__ = ["ExtractionError", "FetchError", "PageText", "extract_main_text", "fetch_article_text"]
