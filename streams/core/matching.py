"""Phrase-list matching on word boundaries, compiled once per list."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

# Word characters for boundaries: letters/digits plus the hyphen inside Indonesian reduplication
# ("unit-unit") and apostrophes ("Kyiv's"), so "Kursk" does not match inside "Kursk-bound".
_LEFT = r"(?<![\w\-'’])"
# An alias may carry a possessive ("UN's", "Moskow's"): matched, then stripped for the lookup.
_RIGHT = r"(?:['’]s)?(?![\w\-’]|'\w)"
_POSSESSIVE = re.compile(r"['’]s$")


def _is_exact_case(phrase: str) -> bool:
    # Short all-caps names (AS, US, UN, EU) collide with common words in lower case.
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and len(letters) <= 4 and all(c.isupper() for c in letters)


def _atoms(phrase: str) -> list[str]:
    out: list[str] = []
    for ch in " ".join(phrase.split()):
        if ch == " ":
            out.append(r"\s+")
        elif ch in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(ch))
    return out


def _trie_pattern(phrases: Iterable[str]) -> str:
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for phrase in phrases:
        node = trie
        for atom in _atoms(phrase):
            node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        alts = [atom + emit(child) for atom, child in node.items() if atom]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


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
        # Character tries, not flat alternations: one pass of the regex engine per position
        # instead of one per phrase; the optional end marker makes every match the longest.
        parts: list[str] = []
        if folded:
            parts.append(_trie_pattern(p.casefold() for p in folded))
        if exact:
            parts.append("(?-i:" + _trie_pattern(exact) + ")")
        if not parts:
            return None
        return re.compile(_LEFT + "(?:" + "|".join(parts) + ")" + _RIGHT, re.IGNORECASE)

    def scan(self, text: str) -> list[Hit]:
        """Every hit in the text, in order (a document keeps them: see `streams.core.doc`)."""
        return list(self._scan(text)) if self._regex is not None else []

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Hit]:
        """Hits lying wholly inside [start, end) (for short strings; documents use `Doc.find`)."""
        stop = len(text) if end is None else end
        for h in self.scan(text):
            if h.start >= start and h.end <= stop:
                yield h

    def _scan(self, text: str) -> Iterator[Hit]:
        assert self._regex is not None
        for m in self._regex.finditer(text):
            raw = m.group(0)
            norm = " ".join(raw.replace("’", "'").split())
            key = self._exact.get(norm)
            if key is None:
                key = self._folded.get(norm.casefold())
            if key is None and _POSSESSIVE.search(norm):
                bare = _POSSESSIVE.sub("", norm)
                key = self._exact.get(bare) or self._folded.get(bare.casefold())
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
