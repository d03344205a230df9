"""Literal phrase lists from the language data compiled into regular expressions (numbers, time)."""

from __future__ import annotations

import re
from typing import Any


def norm(s: str) -> str:
    # casefold, not lower: re.IGNORECASE also matches e.g. "ſ" for "s", and the lookup must too
    return " ".join(s.casefold().split())


def _atoms(p: str, fold: bool, glued_after: bool) -> list[str]:
    """A phrase as regex atoms: one per character, any whitespace run as ``\\s+``."""
    out: list[str] = []
    for ch in p.lower() if fold else p:
        if ch.isspace():
            if out[-1] != r"\s+":
                out.append(r"\s+")
        else:
            out.append(re.escape(ch))
    if p[-1].isalnum() and not glued_after:
        out.append(r"(?!\w)")
    return out


def _trie(seqs: list[list[str]]) -> str:
    """Alternation of atom sequences as a trie; a longer branch is tried before a shorter one.

    Python's re tries alternatives one by one: with a trie a miss costs one test per level
    instead of one per phrase, which keeps a scan over a sentence to a few microseconds.
    """
    groups: dict[str, list[list[str]]] = {}
    for seq in seqs:
        if seq:
            groups.setdefault(seq[0], []).append(seq[1:])
    # the end-of-word guard goes last, so "kemarin lusa" is tried before "kemarin"
    heads = sorted(groups, key=lambda h: (h == r"(?!\w)", h))
    branches = [head + _trie(groups[head]) for head in heads]
    if any(not seq for seq in seqs):
        branches.append("")
    if len(branches) <= 1:
        return branches[0] if branches else ""
    return "(?:" + "|".join(branches) + ")"


def phrase_alternation(
    phrases: Any, *, glued_before: bool = False, glued_after: bool = False, fold: bool = True
) -> str:
    """Regex for a set of literal phrases (compile with re.IGNORECASE unless ``fold=False``).

    Word-like edges get word boundaries, so "Senin" does not match inside "Seninnya";
    ``glued_before``/``glued_after`` drop the boundary on that side (scale suffixes touch the
    digits before them: "10k"; currency signs the digits after them: "Rp10.000").
    Whitespace inside a phrase matches any whitespace run. An empty set never matches.
    """
    items = sorted({str(p).strip() for p in phrases if str(p).strip()})
    if not items:
        return r"(?!)"
    wordy = [_atoms(p, fold, glued_after) for p in items if p[0].isalnum()]
    other = [_atoms(p, fold, glued_after) for p in items if not p[0].isalnum()]
    parts = []
    if wordy:
        parts.append(("" if glued_before else r"(?<!\w)") + _trie(wordy))
    if other:
        parts.append(_trie(other))
    return "(?:" + "|".join(parts) + ")"


def alt(phrases: Any, glued_after: bool = False, glued_before: bool = False) -> str:
    return phrase_alternation(phrases, glued_before=glued_before, glued_after=glued_after)


def case_alternation(names: Any, case: str) -> str:
    """Names (months) that only count in Title or UPPER case when the language says so."""
    if case != "title":
        return alt(names)
    forms = {f for n in names for f in (str(n)[:1].upper() + str(n)[1:], str(n).upper())}
    return "(?-i:" + phrase_alternation(forms, fold=False) + ")"
