"""HTML fragments (feed summaries, content:encoded) to plain text.

Feed bodies are HTML fragments, often sloppy. The claim extractor needs plain text with paragraph
breaks kept (quote spans are offsets into it), without scripts, styles or figure captions glued
onto sentences. The stdlib HTMLParser is lenient enough for fragments and has no dependencies.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

from schemas import MAX_BODY_CHARS

_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tr", "ul",
    }
)  # fmt: skip
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object"})
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def clean_text(text: str) -> str:
    """NFC, no control characters, single spaces, at most one blank line between paragraphs."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n")]
    joined = "\n".join(lines)
    return _BLANK_LINES.sub("\n\n", joined).strip()


def html_to_text(fragment: str) -> str:
    if "<" not in fragment and "&" not in fragment:
        return clean_text(fragment)
    if "<" not in fragment:
        return clean_text(html.unescape(fragment))
    collector = _TextCollector()
    try:
        collector.feed(fragment)
        collector.close()
    except Exception:  # HTMLParser is lenient, but never let a fragment crash a poll
        return clean_text(html.unescape(re.sub(r"<[^>]*>", " ", fragment)))
    # Block tags become single newlines; paragraphs should read as paragraphs.
    text = "".join(collector.parts)
    return clean_text(re.sub(r"\n+", "\n\n", text))


def truncate_body(text: str, limit: int = MAX_BODY_CHARS) -> str:
    """Cut at a paragraph or word boundary below `limit` characters (Article.body's cap)."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    for sep in ("\n\n", "\n", " "):
        pos = cut.rfind(sep)
        if pos > limit * 0.8:
            return cut[:pos].rstrip()
    return cut
