"""Which figure a claim carries: a troop figure near its frame's trigger ("sekitar 3.000 tentara",
"11,000 North Korean troops"), read as an interval, with "additional" troops told apart."""

from __future__ import annotations

import re

from schemas import Quantity, Span
from streams.core.context import Reader
from streams.core.frame import IMPLICIT, FrameHit
from streams.core.quantities import NumberMention
from streams.core.tokens import STOPS
from streams.core.troops import counted_actors

_WORDS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def bind_quantity(
    ctx: Reader, numbers: list[NumberMention], frame: FrameHit, frames: list[FrameHit]
) -> Quantity | None:
    """The troop figure nearest the trigger, when this frame's trigger is the nearest to it."""
    if frame.trigger.text.startswith(IMPLICIT):
        return None  # "dua tentara Korea Utara di Kursk" counts captives, not a deployment
    if "coordinated-victims" in frame.cues:
        return None  # the second side listed: the figure near the trigger counts the first
    if _another_occurrence(ctx, frame):
        return None  # "a second strike ..., killing three": that strike's toll, not the event's
    best: tuple[int, Quantity] | None = None
    for n in numbers:
        noun_end = _troop_noun_after(ctx, n)
        if noun_end is None and frame.event == "casualties":
            noun_end = _victims_counted(ctx, n, frame)
        if noun_end is None:
            continue
        # ("34 people", "tujuh warga sipil": people counted, not troops)
        unit = "people" if _counts_people(ctx, n, noun_end) else "troops"
        # The nearest frame's trigger owns the figure (frames split by place share a trigger).
        nearest = min(frames, key=lambda f: abs(f.trigger.start - n.start))
        if nearest.trigger.start != frame.trigger.start:
            continue
        q = Quantity(
            low=n.low,
            high=n.high,
            unit=unit,
            measure=_measure(ctx, frame, n, noun_end),
            text=n.text,
            span=Span(start=n.start, end=n.end),
        )
        dist = abs(frame.trigger.start - n.start)
        if best is None or dist < best[0]:
            best = (dist, q)
    return best[1] if best else None


def _counts_people(ctx: Reader, n: NumberMention, noun_end: int) -> bool:
    """The noun counted names people at large, not troops ("34 people", "tujuh warga sipil")."""
    return ctx.doc.last(ctx.pack.words("victim_nouns"), n.end, noun_end) is not None


def _another_occurrence(ctx: Reader, frame: FrameHit) -> bool:
    """An act the speaker counts as a new one ("a second strike", "another attack", "serangan
    kedua"): its figure is not comparable with the figures of the event so far."""
    trig = frame.trigger
    lo, hi = max(0, trig.start - 30), min(len(ctx.text), trig.end + 12)
    for h in ctx.doc.find(ctx.pack.words("occurrence_markers"), lo, hi):
        if ctx.words(h.end, trig.start) <= 2 if h.end <= trig.start else ctx.words(trig.end, h.start) == 0:
            return True
    return False


def _troop_noun_after(ctx: Reader, n: NumberMention) -> int | None:
    """The end of the troop noun a figure counts, or None when it counts something else."""
    pack = ctx.pack
    counted = ctx.mentions.people(n.end, n.end + 40) + counted_actors(ctx, n.end, n.end + 40)
    first = min(counted, key=lambda h: h.start, default=None)
    if first is not None and ctx.words(n.end, first.start) == 0:
        return first.end  # "40 Azerbaijanis", "over 200 Taliban"
    noun = ctx.doc.first(pack.troop_nouns, n.end, n.end + 60)
    own = ctx.doc.first(pack.troop_nouns_possessive, n.end, n.end + 60)
    if own is not None and (noun is None or own.start <= noun.start):
        noun = own  # "23 tentaranya": the noun with its owner suffix
    if noun is None or not _figure_gap_ok(ctx, n.end, noun.start, noun.key not in pack.weak_troop_nouns):
        return None
    if pack.glue.officer_noun.match(ctx.text, noun.start, noun.end + 2):
        return None  # "12 officers": officers are counted apart
    return noun.end


def _victims_counted(ctx: Reader, n: NumberMention, frame: FrameHit) -> int | None:
    """A casualty figure of people no troop noun names: "at least 12 people", "30 Ukrainian
    civilians", "40 warga sipil" — or the bare figure right before the trigger ("12 killed")."""
    if ctx.words(n.end, frame.trigger.start) == 0 and n.end <= frame.trigger.start:
        return n.end
    noun = ctx.doc.first(ctx.pack.words("victim_nouns"), n.end, n.end + 40)
    if noun is None or not _figure_gap_ok(ctx, n.end, noun.start, False):
        return None
    return noun.end


def _figure_gap_ok(ctx: Reader, lo: int, hi: int, strong: bool) -> bool:
    """Between a figure and its troop noun only names or owner words ("11,000 North Korean
    troops", "3.000 tentara tambahan", "23 of its soldiers", "200 Taliban and allied fighters"),
    never ordinary words ("lima tempat pelatihan militer")."""
    words = _WORDS.findall(ctx.text, lo, hi)
    if len(words) > 4 or STOPS.search(ctx.text, lo, hi):
        return False
    additional, gap = ctx.pack.additional_markers, ctx.pack.words("figure_gap_words")
    plain = [
        w
        for w in words
        if not (w[:1].isupper() or additional.search(w) is not None or gap.key_of(w) is not None)
    ]
    return len(plain) <= (1 if strong else 0)


def _measure(ctx: Reader, frame: FrameHit, n: NumberMention, noun_end: int) -> str:
    measure = frame.measure or "troops"
    # Around the figure, not inside it: "More than 10,000" is a bound, not "more troops".
    additional = ctx.pack.additional_markers
    if ctx.doc.first(additional, max(0, n.start - 30), n.start) or ctx.doc.first(
        additional, n.end, noun_end + 25
    ):
        measure = f"{measure}_additional"
    return measure
