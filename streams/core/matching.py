"""Phrase-list matching on word boundaries, compiled once per list."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from streams.core.tokens import TOKEN, Tokens, fold

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


_END = "\x00"  # marks a phrase ending at a word-trie node


def _is_simple(phrase: str) -> bool:
    """Words that tokenise as written: matched on the document's tokens."""
    return all(TOKEN.fullmatch(w) for w in phrase.split())


def _word_trie(phrases: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Phrases as word sequences (already normalised); the phrase as written at each end."""
    root: dict[str, Any] = {}
    for words, phrase in phrases:
        node = root
        for w in words.split():
            node = node.setdefault(w, {})
        node.setdefault(_END, phrase)
    return root


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    key: str  # the canonical value the phrase maps to
    text: str


class PhraseMatcher:
    """Finds non-overlapping, longest-first occurrences of phrases mapped to keys."""

    def __init__(self, phrases: Iterable[tuple[str, str]], *, proper: bool = False) -> None:
        """`proper`: the phrases are names; one written with a capital matches only a capitalised
        text ("Lima" the capital, not "lima kali", five times)."""
        exact: dict[str, str] = {}
        folded: dict[str, str] = {}
        self._capitalised: frozenset[str] = frozenset()
        capitalised: set[str] = set()
        lower: set[str] = set()
        for phrase, key in phrases:
            phrase = phrase.strip()
            if not phrase:
                continue
            if _is_exact_case(phrase):
                exact.setdefault(phrase, key)
            else:
                folded.setdefault(phrase.casefold(), key)
                (capitalised if proper and phrase[:1].isupper() else lower).add(phrase.casefold())
        self._capitalised = frozenset(capitalised - lower)  # "timur jauh Rusia" is also written so
        self._exact = exact
        self._folded = folded
        self._regex = self._compile(list(exact), list(folded))
        self._keys: dict[str, str | None] = {}
        # Documents match on their tokens; the few phrases that do not tokenise as written
        # ("U.S.") keep a regex, tried where a token equal to their first word stands.
        self._folded_words = _word_trie((p.replace("’", "'"), p) for p in folded if _is_simple(p))
        self._exact_words = _word_trie((p.replace("’", "'"), p) for p in exact if _is_simple(p))
        odd_folded = [p for p in folded if not _is_simple(p)]
        odd_exact = [p for p in exact if not _is_simple(p)]
        # (regex, exact part, the first words; None: a phrase starts with no word, try everywhere)
        self._odd: list[tuple[re.Pattern[str], bool, frozenset[str] | None]] = []
        for odd, is_exact in ((odd_folded, False), (odd_exact, True)):
            rx = self._compile(odd if is_exact else [], [] if is_exact else odd)
            if rx is not None:
                starts = [TOKEN.match(p) for p in odd]
                firsts = frozenset(fold(m.group()) for m in starts if m) if all(starts) else None
                self._odd.append((rx, is_exact, firsts))

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
            key = self.key_of(raw)
            if key is not None and not self._miscased(raw):
                yield Hit(m.start(), m.end(), key, raw)

    def _miscased(self, raw: str) -> bool:
        """A name written in lower case in the text: a common word ("lima", "male")."""
        if not self._capitalised or any(c.isupper() for c in raw):
            return False  # "the Pentagon" is written as a name
        norm = _POSSESSIVE.sub("", " ".join(raw.replace("’", "'").split())).casefold()
        return norm in self._capitalised or norm.replace("'", "’") in self._capitalised

    def key_of(self, raw: str) -> str | None:
        """The key of a matched text (whitespace, apostrophe and possessive variants allowed)."""
        if raw in self._keys:
            return self._keys[raw]
        if len(self._keys) > 4096:
            self._keys.clear()  # matched texts are few per list; a bound all the same
        key = self._keys[raw] = self._lookup(raw)
        return key

    def _lookup(self, raw: str) -> str | None:
        norm = " ".join(raw.replace("’", "'").split())
        key = self._exact.get(norm)
        if key is None:
            key = self._folded.get(norm.casefold())
        if key is None and _POSSESSIVE.search(norm):
            bare = _POSSESSIVE.sub("", norm)
            key = self._exact.get(bare) or self._folded.get(bare.casefold())
        if key is None:  # whitespace/apostrophe variants: fall back to a scan
            key = self._lookup_loose(norm)
        return key

    # --- on a document's tokens ------------------------------------------------------------------
    def scan_tokens(self, tokens: Tokens) -> list[Hit]:
        """The same hits as `scan(tokens.text)`: leftmost, longest, non-overlapping; found from the
        words each phrase starts with instead of a pass of the regex over the whole text."""
        if self._regex is None:
            return []
        folded = self._longest(tokens, self._folded_words, tokens.folded, tokens.vocab)
        exact = self._longest(tokens, self._exact_words, tokens.exact, tokens.exact_vocab)
        for rx, is_exact, firsts in self._odd:
            into = exact if is_exact else folded
            for m in _odd_matches(rx, firsts, tokens):
                if m.end() > into.get(m.start(), -1):
                    into[m.start()] = m.end()
        return self._select(tokens.text, folded, exact)

    @staticmethod
    def _longest(
        tokens: Tokens, trie: dict[str, Any], words: list[str], vocab: dict[str, list[int]]
    ) -> dict[int, int]:
        """Start offset -> end offset of the longest phrase (with a valid end) starting there."""
        start_ok, end_ok, spaced = tokens.bounds
        starts, ends = tokens.starts, tokens.ends
        found: dict[int, int] = {}
        for first in trie.keys() & vocab.keys():
            node = trie[first]
            for idx in vocab[first]:
                i = idx if idx >= 0 else -1 - idx
                if not start_ok[i]:
                    continue
                if idx < 0 or (len(node) == 1 and _END in node):  # "Kyiv's" under "kyiv", or one word
                    end = ends[i] if _END in node and end_ok[i] else -1
                else:
                    end = _walk(node, words, i, ends, end_ok, spaced)
                if end >= 0 and end > found.get(starts[i], -1):
                    found[starts[i]] = end
        return found

    def _select(self, text: str, folded: dict[int, int], exact: dict[int, int]) -> list[Hit]:
        """Left to right, a match consumes its span (a folded phrase is preferred where one starts)."""
        out: list[Hit] = []
        pos = 0
        for start in sorted(folded.keys() | exact.keys()):
            if start < pos:
                continue
            end = folded.get(start, exact.get(start, -1))
            raw = text[start:end]
            key = self.key_of(raw)
            if key is not None and not self._miscased(raw):
                out.append(Hit(start, end, key, raw))
            pos = end
        return out

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


class ShieldedMatcher(PhraseMatcher):
    """A phrase list with shields: longer phrases matched only to hide a listed phrase inside them
    ("tak berawak", unmanned, holds "tak" and negates nothing; "not only" adds)."""

    _SHIELD = "\0shield"

    def __init__(self, phrases: Iterable[str], shields: Iterable[str]) -> None:
        pairs = [(p, p.casefold()) for p in phrases]
        super().__init__([*pairs, *((w, self._SHIELD) for w in shields)])

    def scan(self, text: str) -> list[Hit]:
        return [h for h in super().scan(text) if h.key != self._SHIELD]

    def scan_tokens(self, tokens: Tokens) -> list[Hit]:
        return [h for h in super().scan_tokens(tokens) if h.key != self._SHIELD]


def phrase_set(phrases: Iterable[str]) -> PhraseMatcher:
    """A matcher whose key is the phrase itself (lower-cased)."""
    return PhraseMatcher((p, p.casefold()) for p in phrases)


def _walk(
    node: dict[str, Any], words: list[str], i: int, ends: list[int], end_ok: list[bool], spaced: list[bool]
) -> int:
    """End offset of the longest phrase from `node` (the trie under token i's word) whose end is a
    word boundary; -1 when none."""
    best = -1
    j = i
    while True:
        if _END in node and end_ok[j]:
            best = ends[j]
        if j + 1 >= len(words) or not spaced[j + 1]:
            break
        word = words[j + 1]
        possessive = word[-2:] in ("'s", "'S") and _END in node.get(word[:-2], {})
        if possessive and end_ok[j + 1]:
            best = ends[j + 1]  # a possessive on the last word: "Korea Utara's"
        nxt = node.get(word)
        if nxt is None:
            break
        node = nxt
        j += 1
    return best


def _odd_matches(
    rx: re.Pattern[str], firsts: frozenset[str] | None, tokens: Tokens
) -> Iterator[re.Match[str]]:
    """The longest match of `rx` at each place one may start."""
    if firsts is None:
        starts: Iterable[int] = range(len(tokens.text))
    else:
        starts = sorted(i for first in firsts & tokens.vocab.keys() for i in tokens.vocab[first] if i >= 0)
        starts = [tokens.starts[i] for i in starts]
    for pos in starts:
        m = rx.match(tokens.text, pos)
        if m is not None:
            yield m
