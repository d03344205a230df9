"""Feed bytes -> candidate items, via feedparser.

feedparser copes with RSS 0.9x/1.0/2.0 and Atom, guesses encodings (it tries the HTTP charset,
the XML declaration, then utf-8 and windows-1252), and falls back to a lenient parser when the
XML is not well-formed. We keep whatever good entries it recovers from a "bozo" feed and report
the problem, instead of dropping the whole feed for one broken item.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from streams.feeds.text import html_to_text

log = logging.getLogger(__name__)

_HTML_SNIFF = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class FeedItem:
    """One entry as the feed carries it (text already converted from HTML)."""

    link: str | None
    guid: str | None
    title: str | None
    text: str
    has_full_content: bool  # from content:encoded / atom:content rather than a summary
    published_raw: str | None
    published_struct: time.struct_time | None
    author: str | None = None
    # An aggregator's item (Google News and the like) names the outlet that published it in
    # <source url="...">Outlet</source>; its own text is then only a teaser (a link, the outlet).
    source_name: str | None = None
    source_url: str | None = None


@dataclass
class ParsedFeed:
    items: list[FeedItem] = field(default_factory=list)
    version: str = ""
    title: str | None = None
    language: str | None = None
    # Problems found, as (kind, message). Kinds: malformed, encoding, not_a_feed, empty_entry.
    problems: list[tuple[str, str]] = field(default_factory=list)
    empty_entries: int = 0

    @property
    def not_a_feed(self) -> bool:
        return any(kind == "not_a_feed" for kind, _ in self.problems)


def looks_like_html(body: bytes) -> bool:
    return bool(_HTML_SNIFF.match(body[:4096]))


def _http_url(value: object, base: str) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    url = urljoin(base, value.strip())
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def _entry_link(entry: Any, base: str) -> str | None:
    # When an item has no <link>, feedparser copies a permalink-looking <guid> into `link`
    # (guidislink). That is right for real URLs and wrong for opaque ids like "post-123",
    # which _http_url rejects unless urljoin makes them look absolute, so check the guid case.
    link = entry.get("link")
    if entry.get("guidislink") and isinstance(link, str) and "://" not in link:
        return None
    url = _http_url(link, base)
    if url is None:
        for alt in entry.get("links", []) or []:
            if alt.get("rel", "alternate") == "alternate":
                url = _http_url(alt.get("href"), base)
                if url:
                    break
    return url


def _entry_text(entry: Any) -> tuple[str, bool]:
    contents = [c.get("value", "") for c in entry.get("content", []) or [] if isinstance(c, dict)]
    full = max((html_to_text(v) for v in contents if v), key=len, default="")
    summary = html_to_text(entry.get("summary", "") or "")
    if len(full) >= len(summary) and full:
        return full, True
    return summary, False


def _entry_date(entry: Any) -> tuple[str | None, time.struct_time | None]:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if isinstance(raw, str) and raw.strip():
            return raw.strip(), entry.get(f"{key}_parsed")
    return None, None


def parse_feed(body: bytes, *, url: str, content_type: str | None = None) -> ParsedFeed:
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    try:
        parsed = feedparser.parse(body, response_headers=headers, sanitize_html=True)
    except Exception as err:  # feedparser is defensive, but a poll must never crash on input
        log.warning("feedparser failed on %s: %s", url, err)
        return ParsedFeed(problems=[("malformed", f"parser crashed: {err!r}")])

    out = ParsedFeed(version=str(parsed.get("version", "") or ""))
    feed_meta = parsed.get("feed", {}) or {}
    out.title = html_to_text(feed_meta.get("title", "") or "") or None
    lang = feed_meta.get("language")
    if isinstance(lang, str) and lang.strip():
        out.language = lang.strip().lower().split("-")[0][:8] or None

    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        name = exc.__class__.__name__ if exc is not None else "unknown"
        if name in ("CharacterEncodingOverride", "CharacterEncodingUnknown"):
            out.problems.append(("encoding", f"{name}: {exc}"))
        elif name == "NonXMLContentType":
            # A feed served as text/html or text/plain: a server's label, not a broken feed. If
            # the body is not a feed either, the checks below say so.
            out.problems.append(("content_type", f"served as {content_type or 'an unknown type'}"))
        else:
            out.problems.append(("malformed", f"{name}: {exc}"))

    entries = parsed.get("entries", []) or []
    if not entries and (not out.version or looks_like_html(body)):
        if looks_like_html(body):
            alternates = [
                link.get("href")
                for link in feed_meta.get("links", []) or []
                if link.get("rel") == "alternate" and "xml" in (link.get("type") or "")
            ]
            hint = f"; the page advertises a feed at {alternates[0]}" if alternates else ""
            out.problems.append(("not_a_feed", f"got an HTML page, not RSS/Atom{hint}"))
        elif body.strip():
            out.problems.append(("not_a_feed", "no RSS/Atom structure recognised"))
        return out

    for entry in entries:
        try:
            item = _to_item(entry, url)
        except Exception as err:  # one odd entry must not cost the others
            out.problems.append(("malformed", f"entry skipped: {err!r}"))
            continue
        if item is None:
            out.empty_entries += 1
            continue
        out.items.append(item)
    if out.empty_entries:
        out.problems.append(("empty_entry", f"{out.empty_entries} entries without text or link"))
    return out


def _to_item(entry: Any, base: str) -> FeedItem | None:
    link = _entry_link(entry, base)
    title = html_to_text(entry.get("title", "") or "") or None
    text, full = _entry_text(entry)
    if not (title or text) or not (link or text):
        return None  # nothing to read and nowhere to read it from
    guid = entry.get("id")
    published_raw, published_struct = _entry_date(entry)
    author = entry.get("author")
    source = entry.get("source") or {}
    source_name = html_to_text(str(source.get("title") or "")) if isinstance(source, dict) else ""
    source_url = _http_url(source.get("href"), base) if isinstance(source, dict) else None
    if source_name and title and title.endswith(f" - {source_name}"):
        title = title[: -len(source_name) - 3].rstrip() or title  # "Headline - Reuters"
    return FeedItem(
        link=link,
        guid=guid.strip() if isinstance(guid, str) and guid.strip() else None,
        title=title,
        text=text,
        has_full_content=full,
        published_raw=published_raw,
        published_struct=published_struct,
        author=author if isinstance(author, str) and author.strip() else None,
        source_name=source_name[:200] or None,
        source_url=source_url,
    )
