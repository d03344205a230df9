"""Figures of speech in the vocabulary of force: an act of force on a thing no weapon reaches
("killing jobs", "captured the market"), attacks made of words, prices or law ("a tariff
offensive", "perang harga"), goods that sweep a market ("gempuran produk China"), nature striking
("the storm struck"), cyber operations. Such a trigger opens no frame and tells of no violence."""

from __future__ import annotations

from streams.core.context import Reader
from streams.core.matching import Hit
from streams.core.tokens import STOPS
from streams.core.vocabulary import NEGATING

_FORCE_EVENTS = ("attack", "casualties", "troops_in_combat", "territory_captured", "territory_recaptured")
_HOLDING_EVENTS = ("territory_captured", "territory_recaptured")


def figurative(ctx: Reader, trig: Hit, start: int, end: int) -> bool:
    """ "killing American jobs", "attacking democracy", "fighting corruption", "captured the
    market": an act of force on a thing no weapon reaches is a figure of speech; "hackers attacked
    its systems", "serangan siber": a cyber operation, which the vocabulary does not count as an
    attack."""
    events = {k.rstrip(NEGATING) for k in trig.key.split("|")}
    if not events & set(_FORCE_EVENTS):
        return False
    words = ctx.pack.words
    lists = [words("figurative_objects")]
    if events & set(_HOLDING_EVENTS):
        lists.append(words("figurative_holdings"))  # "captured the market": a share, not ground
    for objects in lists:
        obj = ctx.doc.first(objects, trig.end, min(end, trig.end + 40))
        if (
            obj is not None
            and ctx.words(trig.end, obj.start) <= 2
            and not STOPS.search(ctx.text, trig.end, obj.start)
        ):
            return True
    cyber = ctx.doc.first(words("cyber_words"), max(start, trig.start - 40), min(end, trig.end + 40))
    return (
        cyber is not None
        or _in_words(ctx, trig, end)
        or _goods_beside(ctx, trig, start, end)
        or _figurative_kind(ctx, trig)
    )


def _figurative_kind(ctx: Reader, trig: Hit) -> bool:
    """ "a tariff offensive", "a charm offensive", "perang harga", "serangan balik politik": a noun
    that says what kind of fight it is — one of words, prices or law — right beside the trigger
    (before it where modifiers come first, after it elsewhere)."""
    kinds = ctx.pack.words("figurative_modifiers")
    if ctx.pack.modifier_first:
        hit = ctx.doc.last(kinds, max(0, trig.start - 25), trig.start)
        return hit is not None and ctx.words(hit.end, trig.start) == 0
    hit = ctx.doc.first(kinds, trig.end, trig.end + 25)
    return hit is not None and ctx.words(trig.end, hit.start) == 0


def _goods_beside(ctx: Reader, trig: Hit, start: int, end: int) -> bool:
    """ "gempuran produk China", "an invasion of cheap imports", "Chinese goods flooded and attacked
    the market": goods that sweep a market are trade, not force (their maker is no attacker);
    "the storm struck", "banjir bandang menerjang", "the virus killed": nature is no attacker
    either (but "a strike caused a fire that killed three" is the strike's)."""
    link = ctx.pack.words("goods_links")
    for name in ("trade_goods", "natural_forces"):
        things = ctx.pack.words(name)
        before = ctx.doc.last(things, max(start, trig.start - 40), trig.start)
        between = ctx.doc.word_list(before.end, trig.start) if before is not None else []
        if (
            before is not None
            and len(between) <= 2
            and not STOPS.search(ctx.text, before.end, trig.start)
            and not any(w.casefold() in ctx.pack.glue.relatives for w in between)
        ):
            return True
        # after it only what the noun is of: "gempuran produk", "an invasion of cheap imports" (not
        # an attack on "a grain export terminal" or "truk barang bantuan")
        after = ctx.doc.first(things, trig.end, min(end, trig.end + 30))
        between = ctx.doc.word_list(trig.end, after.start) if after is not None else []
        if after is not None and all(link.key_of(w) is not None for w in between):
            return True
    return False


def _in_words(ctx: Reader, trig: Hit, end: int) -> bool:
    """ "attacked China with baseless accusations", "attacked the ministry in a speech",
    "menyerang Malaysia lewat pernyataan di media": an attack made of words."""
    words = ctx.pack.words
    hi = min(end, trig.end + 60)
    for prep in ctx.doc.find(words("verbal_preps"), trig.end, hi):
        if ctx.words(trig.end, prep.start) > 4 or STOPS.search(ctx.text, trig.end, prep.start):
            return False
        noun = ctx.doc.first(words("verbal_nouns"), prep.end, min(hi, prep.end + 30))
        if noun is not None and ctx.words(prep.end, noun.start) <= 2:
            return True
    return False
