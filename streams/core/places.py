"""The place slot of a frame: places governed by a preposition near the trigger, the object of a
control verb, a recipient; "there"/"di sana" and "that country" pointing back."""

from __future__ import annotations

import re

from streams.core.context import Reader
from streams.core.matching import Hit, PhraseMatcher
from streams.core.places_found import time_words
from streams.core.scope import TriggerReading
from streams.core.tokens import STOPS

_HARD_STOPS = re.compile(r"[.;]")


def places_near(t: TriggerReading, start: int, end: int) -> list[Hit]:
    """Place mentions in [start, end) governed by a preposition (or 'including') near the trigger,
    closest first, those after it preferred."""
    ctx = t.ctx
    # "merebut kembali Kursk", "Kursk was retaken": the object of a control verb is its place.
    direct_object = t.spec.agent == "subject" and not t.spec.recipient_preps and t.spec.needs_place
    found: list[Hit] = []
    for place in ctx.mentions.places(start, end):
        if any(s <= place.start < e and place.end <= e for s, e in t.agent_span) and not _capital_struck(
            t, place
        ):
            continue  # (a place reaching past the agent's words is its own: "Polish territory")
        lo = max(start, place.start - 40)
        anchor, origin = _anchor(ctx, lo, place.start, t.recipients())
        if anchor is None:
            if _unmarked_place(t, place, direct_object):
                found.append(place)
            continue
        if (origin is None or origin.end <= anchor.end) and _governed(ctx, anchor.end, place.start):
            found.append(place)
    found.sort(key=lambda h: (h.start < t.trig.start, abs(h.start - t.trig.end)))
    return found


def _capital_struck(t: TriggerReading, place: Hit) -> bool:
    """ "missiles struck Kyiv": a capital right after an attack verb names the state attacked and
    the city where it was hit ("targeted Tehran's consulate": whose, not where)."""
    ctx, spec = t.ctx, t.ctx.gaz.places.get(place.key)
    if t.spec.id != "attack" or spec is None or not spec.capital or place.start < t.trig.end:
        return False
    owner = ctx.text[place.start : place.end + 2].replace("’", "'")
    return ctx.words(t.trig.end, place.start) <= 2 and "'s" not in owner


def _anchor(ctx: Reader, lo: int, hi: int, recipients: PhraseMatcher | None) -> tuple[Hit | None, Hit | None]:
    """The last preposition (or inclusion word) before a place, and the last origin marker."""
    pack, doc = ctx.pack, ctx.doc
    prep = doc.last(pack.locative_preps, lo, hi)
    if recipients is not None:
        for h in doc.find(recipients, lo, hi):
            if prep is None or h.end > prep.end:
                prep = h
    incl = doc.last(pack.inclusion_words, lo, hi)
    anchor = max((h for h in (prep, incl) if h is not None), key=lambda h: h.end, default=None)
    return anchor, doc.last(pack.origin_markers, lo, hi)


def _unmarked_place(t: TriggerReading, place: Hit, direct_object: bool) -> bool:
    """A place with no preposition: a recipient right after a supply verb ("supplied Russia with
    rockets"), or the object (or passive subject) of a control verb ("merebut kembali Kursk")."""
    ctx, trig = t.ctx, t.trig
    if t.recipients() is not None and place.start >= trig.end:
        # "supplied Russia", "menyerang Pangkalan Udara Al Udeid": determiners do not count.
        facility = ctx.doc.find(ctx.pack.words("facility_nouns"), trig.end, place.start)
        between = _words_outside(ctx, trig.end, place.start, facility)
        if not [w for w in between if not _is_place_word(ctx, w)]:
            return True
    if (
        t.suffered_at >= 0
        and place.end <= t.suffered_at
        and _suffering_subject(ctx, place.end, t.suffered_at)
    ):
        return True
    if t.spec.patient == "object" and place.start >= trig.end and _struck_place(t, place):
        return True
    entry = ctx.pack.words("entry_verbs")
    if entry.key_of(trig.text) is not None and place.start >= trig.end:
        # "had entered Lithuania", "memasuki wilayah Lituania": what was entered is where they are
        return not [w for w in ctx.doc.word_list(trig.end, place.start) if not _is_place_word(ctx, w)]
    if not direct_object:
        return False
    if place.start < trig.start and ctx.mentions.actors(place.start, place.end):
        return False  # "Kementerian Pertahanan Rusia mengumumkan telah merebut ...": the speaker
    lo, hi, limit = (trig.end, place.start, 2) if place.start >= trig.end else (place.end, trig.start, 5)
    # "retaken the town of Sudzha": determiners and place nouns do not count.
    content = [w for w in ctx.doc.word_list(lo, hi) if not _is_place_word(ctx, w)]
    return (
        len(content) <= limit
        and ctx.words(lo, hi) <= limit + 3
        and not STOPS.search(ctx.text, lo, hi)
        and not ctx.doc.find(ctx.pack.origin_markers, lo, hi)  # "dibebaskan dari pasukan Ukraina"
        and not ctx.doc.find(ctx.pack.target_markers, lo, hi)
    )


def _struck_place(t: TriggerReading, place: Hit) -> bool:
    """ "jets struck Kandahar", "a strike that hit Kandahar", "serangan yang menghantam Kabul": the
    place an act of force hits (its verb's object, or the object of a verb of impact after its noun)."""
    ctx, trig = t.ctx, t.trig
    lo = trig.end
    impact = ctx.doc.first(ctx.pack.words("impact_verbs"), trig.end, place.start)
    # (its agent and time may stand between: "serangan udara Pakistan pada Kamis yang menghantam")
    if (
        impact is not None
        and ctx.words(trig.end, impact.start) <= 8
        and not STOPS.search(ctx.text, trig.end, impact.start)
    ):
        lo = impact.end
    elif t.nominal():
        return False
    facility = ctx.doc.find(ctx.pack.words("facility_nouns"), lo, place.start)
    between = _words_outside(ctx, lo, place.start, facility)
    return not STOPS.search(ctx.text, lo, place.start) and all(_is_place_word(ctx, w) for w in between)


def _suffering_subject(ctx: Reader, lo: int, hi: int) -> bool:
    """ "Kharkiv was shelled", "Ganja has come under fire", "Kharkiv kembali diserang": only
    auxiliaries and "under" words between the place and the act it suffered."""
    if STOPS.search(ctx.text, lo, hi):
        return False
    links = ctx.doc.find(ctx.pack.words("under_markers"), lo, hi) + ctx.doc.find(
        ctx.pack.words("passive_links"), lo, hi
    )
    return not _words_outside(ctx, lo, hi, sorted(links, key=lambda h: h.start))


def _is_place_word(ctx: Reader, word: str) -> bool:
    return word.casefold() in ctx.pack.place_determiners or ctx.pack.place_nouns.search(word) is not None


def _governed(ctx: Reader, lo: int, hi: int) -> bool:
    """Only determiners, place nouns and names between a preposition and its place ("to the Kursk
    region", "in Russia's Kursk", "to the Russian port city of Vladivostok"), not a verb ("to help")."""
    n_between = ctx.words(lo, hi)
    if n_between > 6 or _HARD_STOPS.search(ctx.text, lo, hi):
        return False
    words = ctx.doc.word_list(lo, hi)
    if n_between > 3 and any(not _is_place_word(ctx, w) for w in words if not w[:1].isupper()):
        return False
    nouns = ctx.doc.find(ctx.pack.place_nouns, lo, hi)  # multi-word ones ("garis depan") count as one
    free = [w for w in _words_outside(ctx, lo, hi, nouns)]
    # "in Kursk and Belgorod": a coordinator between names keeps the preposition's reach.
    joins = ctx.pack.glue.coordinators
    return all(
        w[:1].isupper() or w.casefold() in ctx.pack.place_determiners or w.casefold() in joins for w in free
    )


def _words_outside(ctx: Reader, lo: int, hi: int, spans: list[Hit]) -> list[str]:
    out: list[str] = []
    pos = lo
    for h in spans:
        out.extend(ctx.doc.word_list(pos, h.start))
        pos = h.end
    out.extend(ctx.doc.word_list(pos, hi))
    return out


def fill_place(t: TriggerReading) -> bool:
    """Set the frame's place (and extra places); False when the frame does not hold at all."""
    ctx = t.ctx
    lo, hi = t.clause_lo, t.clause_hi
    near = places_near(t, lo, hi)
    if not t.spec.upward and _unnamed_parts(t):
        # "retook two more villages in the Kursk region": places with no name, not the region.
        t.frame.place_by = "none"
        return True
    if t.spec.place_adjacent:
        # "took control of Goma", "Goma fell to": the place is the verb's own argument.
        near = [p for p in near if ctx.words(t.trig.end, p.start) <= 4 or ctx.words(p.end, t.trig.start) <= 4]
    chosen = _chosen_places(t, near, lo)
    if chosen:
        t.frame.place, t.frame.extra_places = chosen[0], chosen[1:]
    elif not _place_from_context(t):
        t.frame.place_by = "none"
        if untracked_place(ctx, t.trig.end, hi):
            # "tiba di Pangkalan Utama TNI AL V Surabaya": somewhere the place hierarchy does
            # not know is not "an unspecified place" of the tracked story.
            return False
    return not (t.spec.needs_place and t.frame.place is None)


def _unnamed_parts(t: TriggerReading) -> bool:
    """The object of a capture is a counted or plural small place ("two villages", "12 desa",
    "several settlements") with no name of its own: the region named after it is where they lie."""
    ctx, trig = t.ctx, t.trig
    small = ctx.pack.words("place_kind_village")
    noun = ctx.doc.first(small, trig.end, min(t.scope.end, trig.end + 40))
    if noun is None or ctx.words(trig.end, noun.start) > 3:
        return False
    named = ctx.mentions.places(noun.end, min(t.scope.end, noun.end + 25))
    # "two more villages", "beberapa desa" — not "the last villages" (that is all of them).
    counted = ctx.doc.numbers_between(trig.end, noun.start) or ctx.doc.first(
        ctx.pack.words("part_quantifiers"), trig.end, noun.start
    )
    incl = ctx.doc.first(ctx.pack.inclusion_words, noun.end, min(t.scope.end, noun.end + 12))
    if incl is not None:
        return False  # "three settlements, including the town of Sudzha": that one is named
    right_after = (
        named
        and ctx.words(noun.end, named[0].start) <= 1
        and not ctx.doc.first(ctx.pack.locative_preps, noun.end, named[0].start)
    )
    return bool(counted) and not right_after


def _chosen_places(t: TriggerReading, places: list[Hit], clause_lo: int) -> list[str]:
    """The nearest place; places named inside it in the same clause ("di perbatasan Rusia di
    Kursk", "di Rusia, termasuk Kursk") or coordinated with it become frames of their own."""
    ctx, gaz = t.ctx, t.ctx.gaz
    chosen = [places[0].key] if places else []
    for extra in places[1:]:
        if extra.key in chosen:
            continue
        if not gaz.within(extra.key, chosen[0]):
            # "di Kursk serta di wilayah Belgorod": coordinated places, one frame each.
            lo = min(p.end for p in places if p.key in chosen)
            if ctx.pack.glue.place_coordinator.search(ctx.text, lo, extra.start) and not any(
                gaz.within(c, extra.key) or gaz.within(extra.key, c) for c in chosen
            ):
                chosen.append(extra.key)
            continue
        if ctx.doc.find(ctx.pack.inclusion_words, max(clause_lo, extra.start - 30), extra.start):
            chosen.append(extra.key)  # "in Russia, including Kursk": both are said
        elif len(chosen) == 1:
            chosen[0] = extra.key  # "in Russia's Kursk region": the most specific
    return chosen


def _place_from_context(t: TriggerReading) -> bool:
    """ "fought there", "ke negara itu", a nominal trigger repeating an earlier frame's place."""
    ctx, trig, scope, frame = t.ctx, t.trig, t.scope, t.frame
    state = ctx.state
    anaphor = ctx.doc.first(ctx.pack.place_anaphors, trig.end, min(scope.end, trig.end + 60))
    if anaphor is None:
        anaphor = _place_noun_pointing_back(ctx, trig.end, min(scope.end, trig.end + 60))
    country = ctx.doc.first(ctx.pack.country_anaphors, trig.end, min(scope.end, trig.end + 40))
    own = ctx.doc.first(ctx.pack.words("own_territory"), trig.end, min(scope.end, trig.end + 60))
    home = ctx.gaz.party_place(scope.speaker_party)
    if anaphor is not None and scope.last_place is not None:
        frame.place, frame.place_by = scope.last_place, "context"
    elif own is not None and home is not None:
        frame.place, frame.place_by = home, "context"  # "in its airspace": the speaker's land
    elif country is not None and state.last_country is not None:
        frame.place, frame.place_by = state.last_country, "context"
    elif t.nominal() and t.spec.id in state.context_place and not answering_fire(t):
        frame.place, frame.place_by = state.context_place[t.spec.id], "context"
    else:
        return False
    return True


def answering_fire(t: TriggerReading) -> bool:
    """ "membalas dengan tembakan artileri", "responded with artillery fire", "returned fire": an
    answer is fired from and at other ground than the act it answers; it takes no place from that
    act, and it confirms no other party's account of who attacked (events.py marks it)."""
    ctx, trig = t.ctx, t.trig
    verb = ctx.doc.last(ctx.pack.words("response_verbs"), max(t.scope.start, trig.start - 30), trig.end)
    return verb is not None and (verb.start >= trig.start or ctx.words(verb.end, trig.start) <= 3)


def _place_noun_pointing_back(ctx: Reader, lo: int, hi: int) -> Hit | None:
    """ "di wilayah perbatasan tersebut": a place noun with a demonstrative after it (languages
    whose demonstratives follow the noun; English ones stand before it: `place_anaphors`)."""
    if ctx.pack.modifier_first:
        return None
    for noun in ctx.doc.find(ctx.pack.place_nouns, lo, hi):
        dem = ctx.doc.first(ctx.pack.demonstratives, noun.end, min(hi, noun.end + 25))
        if dem is not None and ctx.words(noun.end, dem.start) <= 1:
            return Hit(noun.start, dem.end, "place", ctx.text[noun.start : dem.end])
    return None


def untracked_place(ctx: Reader, start: int, end: int) -> bool:
    """A locative phrase naming a place outside the gazetteer ("ke Surabaya", "to Lebanon")."""
    for prep in ctx.doc.find(ctx.pack.locative_preps, start, min(end, start + 80)):
        m = ctx.pack.glue.name_run.match(ctx.text, prep.end, prep.end + 60)
        if m is None:
            continue
        lo, hi = m.start(1), m.end(1)
        if m.group(1).split()[0].casefold() in time_words(ctx.pack.code):
            continue  # "in March": a time, not a place
        if ctx.pack.words("vessel_prefixes").key_of(m.group(1).split()[0]) is not None:
            continue  # "at the USS Eisenhower": a ship, the target, not a place
        # (a demonym opens no place name: "wounded in the Iranian missile strike")
        if not (ctx.mentions.places(lo, hi) or ctx.mentions.actors(lo, hi) or ctx.mentions.demonyms(lo, hi)):
            return True
    return False


def place_before(ctx: Reader, pos: int) -> str | None:
    """What "there"/"di sana" points to: the latest specific place named before `pos` in this
    sentence ("the bodies of soldiers in Kursk Oblast, and estimated 1,000 had been killed there"),
    else the one the article named last. Governments named by their capital do not count."""
    lo = max(ctx.sentence.start, pos - 250)
    # A place found in the text (no gazetteer entry) counts too: "... el-Fasher after the RSF
    # declared control of the city".
    hits = [
        h
        for h in ctx.mentions.places_outside_actors(lo, pos)
        if len(ctx.gaz.place_chain(h.key)) > 1 or h.key not in ctx.gaz.places
    ]
    if hits:
        return hits[-1].key
    # A place named long before is not what "the area" means now: only a recent one.
    recent = ctx.sentence.index - ctx.state.last_place_sentence <= 5
    return ctx.state.last_place if recent else None
