"""Headlines attribute in their own grammar: a label before a colon ("PM Sharif: Pakistan Tembak
Jatuh 6 Jet"), a source after a dash ("About 2,000 more troops in Kursk – Pentagon"), and verbs
without their prefix ("Rusia Klaim ..."; the verbs are in lang data, `headline_cues`)."""

from __future__ import annotations

import re

from streams.core.attribution import Attribution, frames_in
from streams.core.context import Reader
from streams.core.cues import Cue
from streams.core.discourse import SpeakerRef
from streams.core.speakers import resolve_segment

_LABEL = re.compile(r"(?:^|,\s*)([^,:]{2,50}?):\s+\S")
# "... – Pentagon", "Iran behind attacks on Saudi plants: US"
_SOURCE = re.compile(r"(?:\s[–—-]|:)\s*([^–—\-:]{2,40}?)\s*$")
_MAX_WORDS = 5


def headline_attribution(ctx: Reader) -> Attribution | None:
    """ "X: P" or "P – X" when X names a party (short, nothing else in it)."""
    sent, text = ctx.sentence, ctx.text
    label = _LABEL.search(text, sent.start, sent.end)
    if label is not None:
        who = _party_named(ctx, label.start(1), label.end(1))
        if who is not None:
            colon = label.end(1) + 1
            cue = Cue(label.end(1), colon, "say", "label", ":")
            return _attribution(ctx, cue, who, (colon, sent.end))
    source = _SOURCE.search(text, sent.start, sent.end)
    if source is not None:
        who = _party_named(ctx, source.start(1), source.end(1))
        if who is not None:
            cue = Cue(source.start(), source.start(1), "say", "label", text[source.start() : source.start(1)])
            return _attribution(ctx, cue, who, (sent.start, source.start()))
    return None


def _party_named(ctx: Reader, start: int, end: int) -> SpeakerRef | None:
    """The segment is a speaker's name and nothing else ("PM Sharif", "US", "Ukrainian army")."""
    if ctx.words(start, end) > _MAX_WORDS:
        return None
    who = resolve_segment(ctx, start, end, nearest_end=True)
    if who is None or who.party is None:
        return None
    rest = ctx.words(start, who.start) + ctx.words(who.end, end)
    return who if rest <= 1 else None


def _attribution(ctx: Reader, cue: Cue, who: SpeakerRef, span: tuple[int, int]) -> Attribution:
    frames = frames_in(ctx, span[0], span[1], who)
    return Attribution(ctx.sentence.index, cue, who, span, frames, note="headline")
