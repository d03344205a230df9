"""Troop noun phrases and whose they are: "tentara Korea Utara", "North Korean troops", "pasukannya"."""

from __future__ import annotations

import re
from itertools import pairwise

from streams.core.context import Reader
from streams.core.frame import TroopNP
from streams.core.matching import Hit
from streams.core.tokens import STOPS

_MARKS = re.compile(r"[,.;:]")
_LIST_LINK = re.compile(r"\s*,\s*(?:\w+\s+)?|\s+\w+\s+")  # ", ", " and ", ", and "
_DESIGNATION = re.compile(r"[A-Z][A-Za-z]{0,3}-?\d")  # F-35, Su-25, MiG-29, BM-21


def find_troop_nps(ctx: Reader, start: int, end: int) -> list[TroopNP]:
    doc, pack, gaz = ctx.doc, ctx.pack, ctx.gaz
    out: list[TroopNP] = []
    lo, hi = max(0, start - 40), min(len(doc.text), end + 60)
    # (a group the text names owns its fighters too: "33 BLA militants", "milisi ARSA")
    owners = sorted(ctx.mentions.owners(lo, hi) + ctx.mentions.groups(lo, hi), key=lambda h: h.start)
    for noun in doc.find(pack.troop_nouns_possessive, start, end):
        out.append(TroopNP(noun.start, noun.end, None, True, noun.text, noun.end))
    for ppl in ctx.mentions.people(start, end) + counted_actors(ctx, start, end):  # "wounded North Koreans"
        out.append(TroopNP(ppl.start, ppl.end, gaz.party_of(ppl.key), False, ppl.text, ppl.end))
    for noun in doc.find(pack.troop_nouns, start, end):
        party, owner_end = owner_of(ctx, noun, owners)
        pw = doc.first(pack.possessive_words, max(0, noun.start - 8), noun.start)
        possessive = pw is not None and ctx.words(pw.end, noun.start) == 0
        possessive = possessive or _own_country_before(ctx, noun)
        possessive = possessive or _possessive_after(ctx, noun, owners)
        if noun.key in pack.weak_troop_nouns and party is None and not possessive:
            continue
        if noun.key in pack.weak_troop_nouns and _attributive(ctx, noun):
            continue  # "its military cooperation", "army base": a modifier of another noun
        if any(o.start <= noun.start < o.end for o in out):
            continue
        co = _listed_owners(ctx, noun, owners, party) if party is not None else ()
        out.append(TroopNP(noun.start, noun.end, party, possessive, noun.text, owner_end, co))
    out.sort(key=lambda np: np.start)
    return out


def _listed_owners(ctx: Reader, noun: Hit, owners: list[Hit], party: str) -> tuple[str, ...]:
    """ "Russian and North Korean soldiers", "tentara Rusia dan Korea Utara": the owners listed
    with the one next to the noun, each joined to the next by a comma or a coordinator alone."""
    if ctx.pack.modifier_first:
        chain = [o for o in reversed(owners) if o.end <= noun.start and noun.start - o.end <= 30]
    else:
        chain = [o for o in owners if o.start >= noun.end and o.start - noun.end <= 60]
    chain = list({(o.start, o.end): o for o in chain}.values())  # (a name may be actor and demonym)
    opening = min([noun.start, *(o.start for o in chain if o.end <= noun.start)])
    mutual = ctx.doc.last(ctx.pack.words("mutual_markers"), max(0, opening - 16), opening)
    if mutual is not None and ctx.words(mutual.end, opening) <= 1:
        return ()  # "clashes between Azeri and Armenian forces": one event of both sides
    found: list[str] = []
    for a, b in pairwise(chain):
        lo, hi = (b.end, a.start) if ctx.pack.modifier_first else (a.end, b.start)
        words = {w.casefold() for w in ctx.doc.word_list(lo, hi)}
        if not _LIST_LINK.fullmatch(ctx.text, lo, hi) or not words <= ctx.pack.glue.coordinators:
            break
        other = _party(ctx, b)
        if other is not None and other != party and other not in found:
            found.append(other)
    return tuple(found)


def _own_country_before(ctx: Reader, noun: Hit) -> bool:
    """ "his country's soldiers": the speaker's own, like "its soldiers"."""
    own = ctx.doc.last(ctx.pack.own_country, max(0, noun.start - 25), noun.start)
    return own is not None and own.text.endswith(("'s", "’s")) and not ctx.text[own.end : noun.start].strip()


def _attributive(ctx: Reader, noun: Hit) -> bool:
    nxt = ctx.doc.word_list(noun.end, min(len(ctx.text), noun.end + 30))[:1]
    return bool(nxt) and ctx.pack.words("attributive_heads").key_of(nxt[0]) is not None


def counted_actors(ctx: Reader, start: int, end: int) -> list[Hit]:
    """An actor a figure counts, as people: "over 200 Taliban were killed", "15 OPM tewas"."""
    out = []
    for hit in ctx.mentions.actors(start, end):
        nums = ctx.doc.numbers_between(max(0, hit.start - 30), hit.start)
        if (
            nums
            and ctx.words(nums[-1].end, hit.start) == 0
            and not STOPS.search(ctx.text, nums[-1].end, hit.start)
        ):
            if heads_its_phrase(ctx, hit):
                out.append(hit)
    return out


def heads_its_phrase(ctx: Reader, hit: Hit) -> bool:
    """The name is the phrase's head, not a modifier of a noun after it ("23 Taliban attacks",
    "200 Taliban positions"): what follows is a mark, a function word or an event trigger."""
    nxt = ctx.doc.word_list(hit.end, min(len(ctx.text), hit.end + 30))[:1]
    if not nxt or STOPS.match(ctx.text, hit.end) is not None:
        return True
    word = nxt[0].casefold()
    if word in ctx.pack.stopwords:
        return True
    trig = ctx.mentions.triggers(hit.end, hit.end + 30)
    return bool(trig) and "casualties" in trig[0].key and ctx.words(hit.end, trig[0].start) == 0


def _possessive_after(ctx: Reader, noun: Hit, owners: list[Hit]) -> bool:
    """ "pejuang mereka", "tentara kami": an owner pronoun after the noun, the speaker's troops —
    unless a party named just before is the pronoun's antecedent ("melihat Korea Utara memindahkan
    pasukan mereka")."""
    after = ctx.doc.first(ctx.pack.words("possessive_after"), noun.end, noun.end + 8)
    if after is None or ctx.words(noun.end, after.start) != 0:
        return False
    return not any(o.end <= noun.start and ctx.words(o.end, noun.start) <= 2 for o in owners)


def owner_of(ctx: Reader, noun: Hit, owners: list[Hit]) -> tuple[str | None, int]:
    """Whose the people a noun names are, by the owner after it ("tentara Korea Utara") or, in
    English word order, before it ("North Korean troops"); and where the owner's words end."""
    party, owner_end = _owner_after(ctx, noun, owners)
    if party is None and ctx.pack.modifier_first:
        party = _owner_before(ctx, noun, owners)
    if party is not None:
        unit = group_of(ctx, max(owner_end, noun.end), owners)
        if unit is not None:
            return unit
    return party, owner_end


_FROM_GROUP = re.compile(r"\s+(?:from|of|dari)\s+(?:the\s+)?", re.IGNORECASE)


def group_of(ctx: Reader, pos: int, owners: list[Hit]) -> tuple[str, int] | None:
    """ "Russian mercenaries from the Wagner Group", "tentara bayaran Rusia dari Grup Wagner": the
    armed group named after the state's people is whose they are."""
    m = _FROM_GROUP.match(ctx.text, pos)
    if m is None:
        return None
    hit = next((h for h in owners if h.start == m.end()), None)
    party = _party(ctx, hit) if hit is not None else None
    gaz = ctx.gaz
    if hit is None or party is None or gaz.party_place(party) is not None:
        return None  # (a state after "from" is where they come from, already read)
    return party, hit.end


def _owner_after(ctx: Reader, noun: Hit, owners: list[Hit]) -> tuple[str | None, int]:
    """Noun then owner: "tentara Korea Utara", "tentara asal Korea Utara", "troops from X"."""
    for hit in owners:
        if hit.start >= noun.end and hit.start - noun.end <= 14:
            words = ctx.doc.word_list(noun.end, hit.start)
            # "jet tempur Rafale milik India": a model's name may stand before the owner marker;
            # a designation with a number ("jet tempur F-35 Israel") needs no marker.
            designated = bool(words) and all(_DESIGNATION.match(w) for w in words)
            marked = [w for w in words if not w[:1].isupper()]
            if (
                not STOPS.search(ctx.text, noun.end, hit.start)
                and len(words) <= 3
                and all(w.casefold() in ctx.pack.owner_markers for w in marked)
                and (len(marked) == len(words) or marked or designated)
            ):
                return _party(ctx, hit), hit.end
    return None, noun.end


def _owner_before(ctx: Reader, noun: Hit, owners: list[Hit]) -> str | None:
    """Owner then noun: "North Korean troops", "Pyongyang's soldiers" (English word order)."""
    for hit in reversed(owners):
        if hit.end <= noun.start and noun.start - hit.end <= 30:
            if ctx.words(hit.end, noun.start) <= 2 and not STOPS.search(ctx.text, hit.end, noun.start):
                if _verb_between(ctx, hit.end, noun.start):
                    return None  # "the TNLA said troops fired": the speaker, not the troops' owner
                if not _governed_by_marker(ctx, hit):
                    return _party(ctx, hit)
    return None


def _party(ctx: Reader, owner: Hit) -> str | None:
    """A known actor's party, or a group the text named (its own key; not an outlet)."""
    return ctx.gaz.party_of(owner.key) or (owner.key if owner.key not in ctx.gaz.actors else None)


def _verb_between(ctx: Reader, lo: int, hi: int) -> bool:
    """A reporting verb or an event word between an owner and a noun: they belong to two clauses."""
    if lo >= hi:
        return False
    return bool(ctx.doc.find(ctx.pack.cues_before, lo, hi) or ctx.mentions.triggers(lo, hi))


def _governed_by_marker(ctx: Reader, owner: Hit) -> bool:
    """ "against Ukrainian troops", "to Russian forces": the owner follows a target marker or a
    preposition — not when a figure holds or follows it ("up to 10,000 North Korean troops"), nor
    across a clause mark ("AMBASSADOR TO THE UN: North Korean troops")."""
    lo = max(0, owner.start - 12)
    figures = ctx.doc.numbers_between(max(0, owner.start - 40), owner.start)
    for matcher in (ctx.pack.target_markers, ctx.pack.locative_preps):
        for marker in ctx.doc.find(matcher, lo, owner.start):
            between = ctx.doc.word_list(marker.end, owner.start)
            if any(w.casefold() not in ctx.pack.place_determiners for w in between):
                continue  # "in downing Israeli drones": a verb stands between
            if not any(n.end > marker.start for n in figures) and not _MARKS.search(
                ctx.text, marker.end, owner.start
            ):
                return True
    return False


def is_target(ctx: Reader, np_start: int) -> bool:
    """A troop phrase right after "against"/"by"/"with"/"from" is not the one the claim is about."""
    lo = max(0, np_start - 20)
    hit = None
    # "lebih dari 200 tentara": a figure's own words are no marker
    bounds = ctx.doc.find(ctx.pack.words("figure_bounds"), max(0, lo - 12), np_start)
    for matcher in (ctx.pack.target_markers, ctx.pack.origin_markers):
        for h in ctx.doc.find(matcher, lo, np_start):
            if any(b.start <= h.start < b.end for b in bounds):
                continue
            if hit is None or h.end > hit.end:
                hit = h
    return hit is not None and ctx.words(hit.end, np_start) <= 1
