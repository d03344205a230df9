"""Names are not cue words: a word inside an actor's name or a run of capitalised words ("Centre
for Countering Disinformation", "Pusat Penanggulangan Disinformasi", "Ministry of Truth") says
nothing about a stance."""

from __future__ import annotations

import re

from streams.core.context import Reader
from streams.core.matching import Hit

_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’\-]*\s+(?:(?:for|of|on|untuk|dan|and)\s+)?$")


def in_name(ctx: Reader, hit: Hit) -> bool:
    """True when the words of `hit` belong to a name."""
    if any(a.start <= hit.start < a.end for a in ctx.mentions.actors(max(0, hit.start - 80), hit.end + 80)):
        return True
    if not hit.text[:1].isupper():
        return False
    sent_start = ctx.sentence.start if ctx.sentence.start <= hit.start else 0
    before = ctx.text[max(sent_start, hit.start - 40) : hit.start]
    return _CAPITALISED_BEFORE.search(before) is not None and bool(before.strip())
