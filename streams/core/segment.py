"""Step 2: the cleaned text split once into sentences, words and quotation regions (a `Doc`)."""

from __future__ import annotations

import re
from datetime import datetime

from streams.core.caches import memo
from streams.core.doc import Doc, Quotes, Sentence
from streams.core.lang import all_packs
from streams.core.tokens import Tokens

# Sentence boundaries: terminal punctuation (and closing quotes) followed by space and a capital,
# a digit or an opening quote; or a line break. Abbreviations are protected below.
_BOUNDARY = re.compile(
    r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(A-Z0-9À-Ý])|\n+"
    # Scraped pages lose the space after a full stop ("di Ukraina.Menurut dia") or glue a
    # headline to the body ("spark global confusionDmitry Peskov"): a boundary all the same.
    r"|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z]{4})(?=[A-Z][a-z]{3})"
)
_QUOTE_CHARS = re.compile('[“”"\n]')
# Where an over-long sentence may be cut: after a clause mark, else after a space.
_CLAUSE_MARK = re.compile(r"[,;:]\s")
_SPACE = re.compile(r"\s")


@memo
def _abbreviation() -> re.Pattern[str]:
    """A full stop after initials ("U.S.") or a known abbreviation of any language ("Gen.")."""
    words = sorted({w for p in all_packs() for w in p.glue.abbreviations})
    return re.compile(r"(?:\b(?:[A-Z]\.){1,3}|\b(?:" + "|".join(map(re.escape, words)) + r")\.)$")


def split_sentences(text: str, max_chars: int) -> list[Sentence]:
    out: list[Sentence] = []
    paragraph = 0
    pos = 0
    abbrev = _abbreviation()
    for m in _BOUNDARY.finditer(text):
        cut = m.start()
        # "U.S. troops", "Gen. Syrskyi": not a boundary.
        if "\n" not in m.group(0) and abbrev.search(text[max(pos, cut - 12) : cut]):
            continue
        # The closing quotes after the full stop belong to this sentence.
        seg_end = cut + len(m.group(0)) - len(m.group(0).lstrip('"”’)'))
        _append(out, text, pos, max(seg_end, cut), paragraph, max_chars)
        if "\n" in m.group(0):
            paragraph += 1
        pos = m.end()
    _append(out, text, pos, len(text), paragraph, max_chars)
    return out


def _append(out: list[Sentence], text: str, start: int, end: int, paragraph: int, max_chars: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > max_chars:
        # An over-long "sentence" (a page without punctuation) is read in bounded pieces.
        cut = _cut(text, start, start + max_chars)
        _append(out, text, start, cut, paragraph, max_chars)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(len(out), start, end, paragraph))


def _cut(text: str, start: int, limit: int) -> int:
    """The last clause mark before `limit`, else the last space, else `limit` itself."""
    for pattern in (_CLAUSE_MARK, _SPACE):
        marks = [m.start() for m in pattern.finditer(text, start + 1, limit)]
        if marks:
            return marks[-1] + 1
    return limit


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (curly pairs, or alternating straight quotes)."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    straight_open: int | None = None
    for m in _QUOTE_CHARS.finditer(text):
        ch, i = m.group(0), m.start()
        if ch == "“":
            opened = i
        elif ch == "”" and opened is not None:
            spans.append((opened, i + 1))
            opened = None
        elif ch == '"':
            if straight_open is None:
                straight_open = i
            else:
                spans.append((straight_open, i + 1))
                straight_open = None
        elif ch == "\n" and straight_open is not None and opened is None:
            # Unbalanced straight quote at a paragraph end: stop it there.
            spans.append((straight_open, i))
            straight_open = None
    return spans


def read_document(
    text: str, language: str, dropped: tuple[str, ...], published_at: datetime, max_chars: int
) -> Doc:
    return Doc(
        text=text,
        language=language,
        dropped=dropped,
        sentences=split_sentences(text, max_chars),
        tokens=Tokens(text),
        quotes=Quotes(quote_spans(text)),
        published_at=published_at,
    )
