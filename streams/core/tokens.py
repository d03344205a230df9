"""Word tokens of a text with their offsets: what phrase lists are matched against, and how many
words stand between two offsets (O(log n) per question)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

# A word: letters/digits, with inner hyphens and apostrophes ("unit-unit", "Kyiv's").
TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_WORD_CHAR = re.compile(r"[^\W_]")
# A comma, full stop or semicolon between two words: they are not one phrase.
STOPS = re.compile(r"[,.;]")


def fold(word: str) -> str:
    """How a word is compared with phrase lists: case-folded, one apostrophe."""
    return word.casefold().replace("’", "'")


class Tokens:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in TOKEN.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())
        self._folded: list[str] | None = None
        self._vocab: dict[str, list[int]] | None = None
        self._exact: list[str] | None = None
        self._exact_vocab: dict[str, list[int]] | None = None
        self._bounds: tuple[list[bool], list[bool], list[bool]] | None = None

    def count(self, start: int, end: int) -> int:
        """Words in text[start:end]; a word cut at an edge counts while a letter of it is left."""
        if end <= start:
            return 0
        first = bisect_right(self.ends, start)  # the first token ending after `start`
        stop = bisect_left(self.starts, end)  # tokens starting before `end`
        n = stop - first
        for k in {first, stop - 1} if n > 0 else ():
            lo, hi = max(self.starts[k], start), min(self.ends[k], end)
            if (lo, hi) != (self.starts[k], self.ends[k]) and not _WORD_CHAR.search(self.text, lo, hi):
                n -= 1
        return max(n, 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The tokens a character span covers, as [first, stop) token indexes (a mention's words)."""
        return bisect_right(self.ends, start), bisect_left(self.starts, end)

    # --- for phrase matching ---------------------------------------------------------------------
    @property
    def folded(self) -> list[str]:
        if self._folded is None:
            self._folded = [fold(self.text[s:e]) for s, e in zip(self.starts, self.ends, strict=True)]
        return self._folded

    @property
    def exact(self) -> list[str]:
        """Words as written (one apostrophe), for case-sensitive names ("US", "AS")."""
        if self._exact is None:
            self._exact = [
                self.text[s:e].replace("’", "'") for s, e in zip(self.starts, self.ends, strict=True)
            ]
        return self._exact

    @property
    def vocab(self) -> dict[str, list[int]]:
        """Folded word -> the token indices where it stands; a possessive ("kyiv's") is also filed
        under its bare word, marked by a negative index (-1 - i)."""
        if self._vocab is None:
            self._vocab = _index(self.folded, "'s")
        return self._vocab

    @property
    def exact_vocab(self) -> dict[str, list[int]]:
        if self._exact_vocab is None:
            self._exact_vocab = _index(self.exact, "'s", "'S")
        return self._exact_vocab

    @property
    def bounds(self) -> tuple[list[bool], list[bool], list[bool]]:
        r"""Per token: a phrase may start at it; end at it; it follows the previous one after
        whitespace only (what the phrase regexes' boundaries and \s+ say, computed once)."""
        if self._bounds is None:
            text, starts, ends = self.text, self.starts, self.ends
            start_ok = [s == 0 or not _joins(text[s - 1]) for s in starts]
            end_ok = [_can_end(text, e) for e in ends]
            spaced = [False] + [text[e:s].isspace() for e, s in zip(ends[:-1], starts[1:], strict=True)]
            self._bounds = (start_ok, end_ok, spaced)
        return self._bounds


def _can_end(text: str, pos: int) -> bool:
    """No word goes on at `pos`: not a letter, hyphen or ’, nor ' with a letter after it."""
    if pos >= len(text):
        return True
    ch = text[pos]
    if ch == "'":
        return pos + 1 >= len(text) or not _is_word(text[pos + 1])
    return not (_is_word(ch) or ch in "-’")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what \w matches


def _joins(ch: str) -> bool:
    """A phrase never starts right after a word character, a hyphen or an apostrophe."""
    return _is_word(ch) or ch in "-'’"


def _index(words: list[str], *possessives: str) -> dict[str, list[int]]:
    vocab: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        vocab.setdefault(word, []).append(i)
        if word.endswith(possessives) and len(word) > 2:
            vocab.setdefault(word[:-2], []).append(-1 - i)
    return vocab
