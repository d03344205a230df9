"""A subject that stands for two parties: "the two sides accused each other", "kedua negara saling
menuduh" — the two parties last named, in this sentence or the one before it."""

from __future__ import annotations

from streams.core.context import Reader
from streams.core.cues import Cue
from streams.core.discourse import SpeakerRef

_GAP = 2  # words between the pair noun and its verb ("the two sides have accused", "kedua pihak saling")


def pair_subject(ctx: Reader, cue: Cue) -> tuple[SpeakerRef, SpeakerRef] | None:
    """The two parties a pair noun right before an accusation stands for, first one first; None
    when it is not there or fewer or more than two parties were named."""
    sent = ctx.sentence
    noun = ctx.doc.last(ctx.pack.words("pair_subjects"), max(sent.start, cue.start - 60), cue.start)
    if noun is None or ctx.words(noun.end, cue.start) > _GAP:
        return _comma_pair(ctx, cue) if cue.kind == "accuse" else None
    here = _named(ctx, sent.start, noun.start)
    if len(here) < 2 and sent.index > 0:
        prev = ctx.doc.sentences[sent.index - 1]
        here = _named(ctx, prev.start, prev.end) + here
    parties = {r.party for r in here}
    if len(parties) != 2:
        return None  # "Russia and Ukraine ... the two sides" needs exactly two sides named
    first = here[0]
    second = next(r for r in here if r.party != first.party)
    return _standing(noun.start, noun.end, noun.text, first), _standing(
        noun.start, noun.end, noun.text, second
    )


def _comma_pair(ctx: Reader, cue: Cue) -> tuple[SpeakerRef, SpeakerRef] | None:
    """ "Filipina, China saling tuduh", "Kyiv, Moscow accuse each other": a headline joins the two
    sides with a comma, and the mutual word stands right by the verb."""
    each = ctx.pack.words("each_other")
    before = ctx.doc.last(each, max(ctx.sentence.start, cue.start - 12), cue.start)
    after = ctx.doc.first(each, cue.end, cue.end + 16)
    mutual = (before is not None and ctx.words(before.end, cue.start) == 0) or (
        after is not None and ctx.words(cue.end, after.start) == 0
    )
    lo = before.start if before is not None and ctx.words(before.end, cue.start) == 0 else cue.start
    named = _named(ctx, ctx.sentence.start, lo)
    if not mutual or len(named) != 2 or named[0].party == named[1].party:
        return None
    a, b = named
    if ctx.text[a.end : b.start].strip() != "," or ctx.words(b.end, lo) > 0:
        return None
    return a, b


def _named(ctx: Reader, start: int, end: int) -> list[SpeakerRef]:
    out: list[SpeakerRef] = []
    for h in ctx.mentions.owners(start, end):
        party = ctx.gaz.party_of(h.key)
        if party is not None and not any(r.start == h.start for r in out):  # a name is actor and demonym
            out.append(SpeakerRef(h.start, h.end, h.text, h.key, party, None, "neighbour"))
    return out


def _standing(start: int, end: int, text: str, ref: SpeakerRef) -> SpeakerRef:
    return SpeakerRef(start, end, text, ref.actor_id, ref.party, None, "neighbour")
