"""Triggers written once per lemma: a maintained lemmatizer that ships its own dictionaries
(simplemma: Indonesian and English) maps "deployed/deploys" and "dikerahkan/mengerahkan/
pengerahan" to one entry. Each word of a document is lemmatised once (cached per word).

An entry is a lemma sequence ("take control"); a trailing "+" keeps only affixed forms of the
first word ("serang+": menyerang, diserang, serangan — not the town of Serang; "duduk+" would
still be wrong for "penduduk", so such words are listed by their forms instead).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from streams.core.matching import Hit
from streams.core.tokens import Tokens

_END = "\x00"


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> str:
    """The lemma of a folded word ("deployed" -> "deploy"); the word itself when unknown."""
    try:
        import simplemma
    except ImportError:  # pragma: no cover - a pinned dependency
        return word
    if not word.isalpha() and "-" not in word:
        return word
    try:
        return str(simplemma.lemmatize(word, lang=lang)).casefold()
    except ValueError:  # a language simplemma does not know
        return word


@lru_cache(maxsize=50_000)
def known_word(word: str, lang: str) -> bool:
    """The lemmatizer's dictionary for the language holds the folded word ("awalnya", "however")."""
    try:
        import simplemma
    except ImportError:  # pragma: no cover - a pinned dependency
        return False
    try:
        return bool(simplemma.is_known(word, lang=lang))
    except ValueError:  # a language simplemma does not know
        return False


@dataclass(frozen=True, slots=True)
class LemmaEntry:
    words: tuple[str, ...]
    key: str
    affixed_only: bool


class LemmaMatcher:
    """Lemma sequences -> keys, matched on a document's tokens, longest first."""

    def __init__(self, lang: str, entries: Iterable[tuple[str, str]]) -> None:
        self.lang = lang
        self._trie: dict[str, Any] = {}
        for phrase, key in entries:
            affixed = phrase.endswith("+")
            words = tuple(lemma(w, lang) for w in phrase.rstrip("+").casefold().split())
            if not words:
                continue
            node = self._trie
            for w in words:
                node = node.setdefault(w, {})
            ends: dict[bool, set[str]] = node.setdefault(_END, {})
            ends.setdefault(affixed, set()).add(key)

    def __bool__(self) -> bool:
        return bool(self._trie)

    def scan(self, tokens: Tokens) -> list[Hit]:
        lemmas = [lemma(w, self.lang) for w in tokens.folded]
        start_ok, end_ok, spaced = tokens.bounds
        out: list[Hit] = []
        i = 0
        while i < len(lemmas):
            found = self._longest(lemmas, tokens.folded, i, end_ok, spaced) if start_ok[i] else None
            if found is None:
                i += 1
                continue
            j, keys = found
            s, e = tokens.starts[i], tokens.ends[j]
            out.append(Hit(s, e, "|".join(sorted(keys)), tokens.text[s:e]))
            i = j + 1
        return out

    def _longest(
        self, lemmas: list[str], words: list[str], i: int, end_ok: list[bool], spaced: list[bool]
    ) -> tuple[int, set[str]] | None:
        node = self._trie.get(lemmas[i])
        best: tuple[int, set[str]] | None = None
        j = i
        while node is not None:
            ends = node.get(_END)
            if ends and end_ok[j]:
                keys = set(ends.get(False, set()))
                if words[i] != lemmas[i]:
                    keys |= ends.get(True, set())
                if keys:
                    best = (j, keys)
            if j + 1 >= len(lemmas) or not spaced[j + 1]:
                break
            node = node.get(lemmas[j + 1])
            j += 1
        return best
