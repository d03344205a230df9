"""Phrase-list matching on word boundaries, compiled once per list."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

# Word characters for boundaries: letters/digits plus the hyphen inside Indonesian reduplication
# ("unit-unit") and apostrophes ("Kyiv's"), so "Kursk" does not match inside "Kursk-bound".
_LEFT = r"(?<![\w\-'’])"
_RIGHT = r"(?![\w\-’]|'\w)"


def _is_exact_case(phrase: str) -> bool:
    # Short all-caps names (AS, US, UN, EU) collide with common words in lower case.
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and len(letters) <= 4 and all(c.isupper() for c in letters)


def _pattern(phrase: str) -> str:
    # Let one space in a phrase match any run of whitespace; tolerate curly apostrophes.
    parts = [re.escape(p) for p in phrase.split()]
    body = r"\s+".join(parts)
    return body.replace("'", "['’]")


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    key: str  # the canonical value the phrase maps to
    text: str


class PhraseMatcher:
    """Finds non-overlapping, longest-first occurrences of phrases mapped to keys."""

    def __init__(self, phrases: Iterable[tuple[str, str]]) -> None:
        exact: dict[str, str] = {}
        folded: dict[str, str] = {}
        for phrase, key in phrases:
            phrase = phrase.strip()
            if not phrase:
                continue
            if _is_exact_case(phrase):
                exact.setdefault(phrase, key)
            else:
                folded.setdefault(phrase.casefold(), key)
        self._exact = exact
        self._folded = folded
        self._regex = self._compile(list(exact), list(folded))

    @staticmethod
    def _compile(exact: list[str], folded: list[str]) -> re.Pattern[str] | None:
        alts: list[str] = []
        for phrase in sorted(exact, key=len, reverse=True):
            alts.append(f"(?-i:{_pattern(phrase)})")
        for phrase in sorted(folded, key=len, reverse=True):
            alts.append(_pattern(phrase))
        if not alts:
            return None
        # Longest alternatives first so "Korea Utara" wins over "Korea".
        alts.sort(key=lambda a: len(a), reverse=True)
        return re.compile(_LEFT + "(?:" + "|".join(alts) + ")" + _RIGHT, re.IGNORECASE)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Hit]:
        if self._regex is None:
            return
        stop = len(text) if end is None else end
        for m in self._regex.finditer(text, start, stop):
            raw = m.group(0)
            norm = " ".join(raw.replace("’", "'").split())
            key = self._exact.get(norm)
            if key is None:
                key = self._folded.get(norm.casefold())
            if key is None:  # whitespace/apostrophe variants: fall back to a scan
                key = self._lookup_loose(norm)
            if key is not None:
                yield Hit(m.start(), m.end(), key, raw)

    def _lookup_loose(self, norm: str) -> str | None:
        folded = norm.casefold()
        for phrase, key in self._folded.items():
            if phrase.replace("’", "'") == folded:
                return key
        for phrase, key in self._exact.items():
            if phrase == norm:
                return key
        return None

    def find_all(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        return list(self.finditer(text, start, end))

    def search(self, text: str, start: int = 0, end: int | None = None) -> Hit | None:
        return next(self.finditer(text, start, end), None)

    def __bool__(self) -> bool:
        return self._regex is not None


def phrase_set(phrases: Iterable[str]) -> PhraseMatcher:
    """A matcher whose key is the phrase itself (lower-cased)."""
    return PhraseMatcher((p, p.casefold()) for p in phrases)
