"""Clause bounds inside a sentence: where a trigger's clause starts and ends."""

from __future__ import annotations

import re
from collections.abc import Iterator

from streams.core.context import Reader
from streams.core.matching import PhraseMatcher

CLAUSE_PUNCT = re.compile(r"[;:()\[\]]|,\s|[.!?](?:\s|$)")
_CLAUSE_END_PUNCT = re.compile(r"[;:()]|,\s|[.!?](?:\s|$)")


def _short_paren(text: str, i: int) -> bool:
    """The bracket at `i` opens or closes a short aside inside a phrase ("Chinese Coast Guard (CCG)
    vessels", "Mark Rutte (NATO)"): it does not break the clause."""
    if text[i] == "(":
        j = text.find(")", i, i + _ASIDE + 2)
        return j != -1 and not _ASIDE_BREAK.search(text, i + 1, j) and not _DATELINE.match(text, j + 1)
    if text[i] == ")":
        k = text.rfind("(", max(0, i - _ASIDE - 1), i)
        return k != -1 and not _ASIDE_BREAK.search(text, k + 1, i) and not _DATELINE.match(text, i + 1)
    return False


_ASIDE = 40
# ", Fuad Shukr, in": a comma, up to four capitalised words (particles inside), a comma, and the
# clause going on in lower case.
_NAME_ASIDE = re.compile(
    r",\s+(?:[A-Z][\w'’.-]*|bin|binti|al|el|de|van|von|der)(?:\s+(?:[A-Z][\w'’.-]*|bin|binti|al|el|de|van|von|der)){0,3}"
    r",(?=\s+[a-z])"
)
_ASIDE_BREAK = re.compile(r"[(),;]")
_DATELINE = re.compile(r"\s*[-–—]")  # "SEOUL, May 29 (Reuters) - ...": the agency closes a dateline


def _marks(pattern: re.Pattern[str], text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    for m in pattern.finditer(text, start, end):
        if not _short_paren(text, m.start()):
            yield m


def has_clause_break(ctx: Reader, start: int, end: int) -> bool:
    if end <= start:
        return False
    if next(_marks(CLAUSE_PUNCT, ctx.text, start, end), None) is not None:
        return True
    return ctx.doc.first(ctx.pack.clause_breaks, start, end) is not None


def clause_start(ctx: Reader, start: int, pos: int) -> int:
    """After the last clause mark or complementiser in [start, pos)."""
    best = start
    for m in _marks(CLAUSE_PUNCT, ctx.text, start, pos):
        best = m.end()
    for h in ctx.doc.find(ctx.pack.complementizers, start, pos):
        best = max(best, h.end)
    return best


def clause_end(ctx: Reader, pos: int, end: int, objects: PhraseMatcher | None = None) -> int:
    """Where the trigger's clause ends (next punctuation or clause word), capped at ~12 tokens."""
    text, pack = ctx.text, ctx.pack
    stop = min(end, pos + 90)
    m = next(_marks(_CLAUSE_END_PUNCT, text, pos, stop), None)
    hi = m.start() if m else stop
    if m is not None and m.group(0).startswith(","):
        # ", termasuk Kursk" / ", including Kursk" continues the place list.
        incl = ctx.doc.first(pack.inclusion_words, hi, min(stop, hi + 25))
        if incl is not None and ctx.words(hi, incl.start) == 0:
            m2 = next(_marks(_CLAUSE_END_PUNCT, text, incl.end, stop), None)
            hi = m2.start() if m2 else stop
        elif (aside := _NAME_ASIDE.match(text, hi)) is not None:
            # "killed its commander, Fuad Shukr, in a strike in Beirut": a name in apposition
            # between commas does not end the clause.
            m2 = next(_marks(_CLAUSE_END_PUNCT, text, aside.end(), stop), None)
            hi = m2.start() if m2 else stop
    for brk in ctx.doc.find(pack.clause_breaks, pos, hi):
        if brk.key in pack.glue.relatives:
            continue
        if brk.key in pack.glue.coordinators:
            resumed = _after_coordinator(ctx, brk.end, hi, end, objects)
            if resumed == -1:
                continue
            if resumed is not None:
                return resumed
        return brk.start
    return hi


def _after_coordinator(
    ctx: Reader, after: int, hi: int, end: int, objects: PhraseMatcher | None
) -> int | None:
    """-1: the coordinator joins names or places ("di Rusia dan Ukraina"); an offset: the clause goes on past
    a second object; None: a new clause starts ("dikirim ke Rusia dan ... ditempatkan")."""
    text = ctx.text
    if ctx.pack.glue.name_ahead.match(text, after, hi) is not None:
        return -1
    # "in Kursk and in Belgorod": a second place with its own preposition.
    prep = ctx.doc.first(ctx.pack.locative_preps, after, hi)
    if (
        prep is not None
        and ctx.words(after, prep.start) == 0
        and ctx.mentions.places(prep.end, min(hi, prep.end + 40))
    ):
        return -1
    # "jutaan peluru dan puluhan rudal ke Rusia": a second counted object, same clause.
    figure = next(iter(ctx.doc.numbers_between(after, min(hi, after + 30))), None)
    if figure is not None and not text[after : figure.start].strip():
        return clause_end(ctx, figure.end, end, objects)
    # "memasok senjata dan amunisi kepada Rusia": a second object of the same verb.
    obj = ctx.doc.first(objects, after, min(hi, after + 40)) if objects is not None else None
    if obj is not None and ctx.words(after, obj.start) <= 3:
        return clause_end(ctx, obj.end, end, objects)
    return None


def relative_right_before(ctx: Reader, lo: int, pos: int, reach: int = 24) -> int | None:
    """Where the relative pronoun standing right before `pos` begins ("troops who fought",
    "serangan yang menewaskan"), not before `lo`; None when the word before is no relative."""
    before = ctx.doc.word_list(max(lo, pos - reach), pos)
    if not before or before[-1].casefold() not in ctx.pack.glue.relatives:
        return None
    return ctx.text.rfind(before[-1], lo, pos)
