"""The document model: an article's cleaned text read once into tokens, sentences, quotation
regions and mention spans. Every later step asks the `Doc`; none rescans the raw text.

Offsets are character offsets into `Doc.text` (the cleaned body claims' spans point into).
Phrase mentions (actors, places, cue words, any lexicon list) are found by one pass of each
list's matcher over the whole text, on first use, and then answered by bisection.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import datetime
from itertools import accumulate

from streams.core.matching import Hit, PhraseMatcher
from streams.core.quantities import NumberMention, find_numbers
from streams.core.timeexpr import TimeMention, find_times
from streams.core.tokens import TOKEN, Tokens


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int


class HitIndex:
    """One matcher's hits over the whole text, queried by window."""

    __slots__ = ("hits", "starts")

    def __init__(self, hits: list[Hit]) -> None:
        self.hits = hits
        self.starts = [h.start for h in hits]

    def within(self, start: int, end: int) -> list[Hit]:
        if not self.hits:
            return []
        i = bisect_left(self.starts, start)
        j = bisect_left(self.starts, end, i)
        return [h for h in self.hits[i:j] if h.end <= end]

    def first(self, start: int, end: int) -> Hit | None:
        hits = self.hits
        i = bisect_left(self.starts, start)
        while i < len(hits) and hits[i].start < end:
            if hits[i].end <= end:
                return hits[i]
            i += 1
        return None

    def last(self, start: int, end: int) -> Hit | None:
        hits = self.hits
        j = bisect_left(self.starts, end) - 1
        while j >= 0 and hits[j].start >= start:
            if hits[j].end <= end:
                return hits[j]
            j -= 1
        return None


class Quotes:
    """Quotation regions (curly pairs, or alternating straight quotes), sorted by start."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self._reach = list(accumulate((e for _, e in self.spans), max))  # furthest end so far

    def inside(self, pos: int) -> bool:
        """Strictly inside a quotation."""
        i = bisect_left(self.starts, pos)  # spans starting before pos
        return i > 0 and self._reach[i - 1] > pos

    def covers(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start)
        return i > 0 and self._reach[i - 1] >= end

    def starting_at(self, pos: int) -> tuple[int, int] | None:
        i = bisect_left(self.starts, pos)
        return self.spans[i] if i < len(self.spans) and self.starts[i] == pos else None

    def last_closed_before(self, pos: int, floor: int) -> tuple[int, int] | None:
        """The last quotation (in start order) closed by `pos` that opened at or after `floor`."""
        i = bisect_left(self.starts, pos)
        while i > 0:
            i -= 1
            s, e = self.spans[i]
            if s < floor:
                return None
            if e <= pos:
                return self.spans[i]
        return None


@dataclass
class Doc:
    """What every step reads. Filled by `segment.read_document`, mentions on first use."""

    text: str
    language: str
    dropped: tuple[str, ...]
    sentences: list[Sentence]
    tokens: Tokens
    quotes: Quotes
    published_at: datetime
    _hits: dict[PhraseMatcher, HitIndex] = field(default_factory=dict)
    _regex_hits: dict[tuple[int, int], list[re.Match[str]]] = field(default_factory=dict)
    _numbers: dict[int, list[NumberMention]] = field(default_factory=dict)
    _times: dict[int, list[TimeMention]] = field(default_factory=dict)
    _sentence_starts: list[int] = field(default_factory=list)

    # --- words ---------------------------------------------------------------------------------
    def words(self, start: int, end: int) -> int:
        """How many words stand between two offsets."""
        return self.tokens.count(start, end)

    def has_words(self, start: int, end: int) -> bool:
        return self.tokens.count(start, end) > 0

    def word_list(self, start: int, end: int) -> list[str]:
        return TOKEN.findall(self.text, start, end) if end > start else []

    # --- phrase mentions -----------------------------------------------------------------------
    def index(self, matcher: PhraseMatcher) -> HitIndex:
        """A phrase list's hits over the whole text, found on first use."""
        found = self._hits.get(matcher)
        if found is None:
            found = self._hits[matcher] = HitIndex(matcher.scan_tokens(self.tokens))
        return found

    def find(self, matcher: PhraseMatcher, start: int = 0, end: int | None = None) -> list[Hit]:
        """Hits of a phrase list lying wholly inside [start, end)."""
        index = self._hits.get(matcher) or self.index(matcher)
        return index.within(start, len(self.text) if end is None else end)

    def first(self, matcher: PhraseMatcher, start: int, end: int) -> Hit | None:
        return (self._hits.get(matcher) or self.index(matcher)).first(start, end)

    def last(self, matcher: PhraseMatcher, start: int, end: int) -> Hit | None:
        return (self._hits.get(matcher) or self.index(matcher)).last(start, end)

    def sentence_matches(self, pattern: re.Pattern[str], sent: Sentence) -> list[re.Match[str]]:
        """A regex's matches inside one sentence, scanned once."""
        key = (id(pattern), sent.index)
        found = self._regex_hits.get(key)
        if found is None:
            found = list(pattern.finditer(self.text, sent.start, sent.end))
            self._regex_hits[key] = found
        return found

    # --- figures and times, per sentence -------------------------------------------------------
    def numbers(self, sent: Sentence) -> list[NumberMention]:
        """Figures of a sentence, offsets into the whole text."""
        found = self._numbers.get(sent.index)
        if found is None:
            raw = find_numbers(self.text[sent.start : sent.end], self.language)
            found = [_shift_number(n, sent.start) for n in raw]
            self._numbers[sent.index] = found
        return found

    def words_but_figures(self, start: int, end: int) -> int:
        """Words between two offsets, a figure ("4,000") counting as none."""
        figures = sum(self.words(n.start, n.end) for n in self.numbers_between(start, end))
        return self.words(start, end) - figures

    def numbers_between(self, start: int, end: int) -> list[NumberMention]:
        """Figures lying wholly inside [start, end), from the sentences it overlaps."""
        return [
            n
            for sent in self.overlapping(start, end)
            for n in self.numbers(sent)
            if start <= n.start and n.end <= end
        ]

    def overlapping(self, start: int, end: int) -> list[Sentence]:
        if not self._sentence_starts:
            self._sentence_starts = [s.start for s in self.sentences]
        i = max(0, bisect_right(self._sentence_starts, start) - 1)
        out = []
        while i < len(self.sentences) and self.sentences[i].start < end:
            if self.sentences[i].end > start:
                out.append(self.sentences[i])
            i += 1
        return out

    def times(self, sent: Sentence) -> list[TimeMention]:
        """Time expressions of a sentence resolved against the publication time (whole-text offsets)."""
        found = self._times.get(sent.index)
        if found is None:
            raw = find_times(self.text[sent.start : sent.end], self.language, self.published_at)
            found = [
                TimeMention(t.when, t.precision, t.text, t.start + sent.start, t.end + sent.start)
                for t in raw
            ]
            self._times[sent.index] = found
        return found


def _shift_number(n: NumberMention, offset: int) -> NumberMention:
    return NumberMention(
        n.low, n.high, n.value, n.text, n.start + offset, n.end + offset, n.approximate, n.unit_hint
    )
