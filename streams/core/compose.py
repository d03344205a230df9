"""Actor mentions in a phrase composed with role words: "juru bicara Pentagon" is the Pentagon's
spokesperson, "Presiden Ukraina Volodymyr Zelensky" one group, "pengamat militer" an analyst."""

from __future__ import annotations

import re

from streams.core.context import Reader
from streams.core.discourse import SpeakerRef
from streams.core.gazetteer import Gazetteer
from streams.core.home import is_state
from streams.core.matching import Hit, PhraseMatcher
from streams.core.tokens import STOPS

_GROUP_STOP_BEFORE = re.compile(r"[.;:,]")  # between the verb-nearest mention and earlier ones
_GROUP_STOP_AFTER = re.compile(r"[.;:]")


def compose(ctx: Reader, start: int, end: int) -> list[SpeakerRef]:
    """Actor mentions in [start, end), with role words folded in, in text order."""
    # "diplomat asal Spanyol": a nationality, not whom the person speaks for.
    actors = [a for a in ctx.mentions.actors(start, end) if not _nationality(ctx, a)]
    demonyms = [
        d
        for d in ctx.mentions.demonyms(start, end)
        if not _inside_any(d.start, actors) and not _nationality(ctx, d)
    ]
    # "Palestinian sources", "Venezuela's opposition", "pemimpin oposisi Venezuela": people of a
    # nation, not its state ("Pakistani security sources" speak for an institution).
    people = people_nouns(ctx, start, end)
    # (an outlet's journalist is the outlet's own reporting: kept for the reporter rules)
    actors = [
        a for a in actors if ctx.gaz.is_media(a.key) or not any(nation_of_people(ctx, a, u) for u in people)
    ]
    demonyms = [d for d in demonyms if not any(nation_of_people(ctx, d, u) for u in people)]
    # A role word inside a name ("Komisi Militer Pusat") is part of that name.
    roles = [r for r in ctx.doc.find(ctx.pack.roles, start, end) if not _inside_any(r.start, actors)]
    refs: list[SpeakerRef] = []
    used: set[int] = set()
    for hit in sorted(actors + demonyms, key=lambda h: h.start):
        refs.append(_with_role(ctx, hit, roles, used))
    refs.extend(
        _regional(ctx, r) or SpeakerRef(r.start, r.end, r.text, None, None, r.key, "role")
        for i, r in enumerate(roles)
        if i not in used
    )
    for u in people:
        if _describes_named(ctx, refs, u):
            continue  # "TNLA, kelompok pemberontak bersenjata, menuduh": what the named group is
        if not any(ref.start <= u.start < ref.end for ref in refs):
            # "pengamat militer" / "military analyst": the role word is the analyst's field.
            refs = [r for r in refs if r.actor_id is not None or not _touches(ctx, r, u)]
            # "rebels in northern Mali", "pemberontak di Mali utara": the country is where they are
            refs = [r for r in refs if not _located(ctx, u, r)]
            fighters = _found_group_fighters(ctx, u)
            if fighters is not None:  # "Colombia's leftist ELN rebels": where the group fights
                refs = [r for r in refs if not _names_home(ctx, r, fighters)]
            refs.append(fighters or SpeakerRef(u.start, u.end, u.text, None, None, None, "unknown"))
    refs.sort(key=lambda r: r.start)
    return refs


_POSSESSIVE = re.compile(r"\s*(?:['’]s)?\s*")


def nation_of_people(ctx: Reader, owner: Hit, u: Hit) -> bool:
    """ "Palestinian sources", "Venezuela's opposition", "Brazilian fans", "suporter Indonesia": a
    nation (or country) naming the people of the unaffiliated noun `u`, not its state. A demonym
    stands before the noun in either language; a country's name before it in English (with "'s"),
    after it in a language that puts modifiers after."""
    party = ctx.gaz.party_of(owner.key)
    if party is None or not is_state(ctx.gaz, party):
        return False  # "Houthi rebels", "M23 fighters": a group's own people act for it
    return beside(ctx, owner, u, after=not ctx.pack.modifier_first)


def beside(ctx: Reader, name: Hit, u: Hit, after: bool) -> bool:
    """The name stands right before the noun `u` ("Brazilian fans", "Venezuela's opposition") or,
    when `after`, right after it ("suporter Indonesia")."""
    if name.end <= u.start:
        return _POSSESSIVE.fullmatch(ctx.text, name.end, u.start) is not None
    return after and name.start >= u.end and ctx.words(u.end, name.start) == 0


def people_nouns(ctx: Reader, start: int, end: int) -> list[Hit]:
    """Unaffiliated nouns in [start, end) — not inside a name ("the Workers' Party", "kantor berita
    Buruh Iran": capitalised past the sentence's first word)."""
    platforms = ctx.pack.words("platform_nouns")
    return [
        u
        for u in ctx.doc.find(ctx.pack.unaffiliated, start, end)
        if not ctx.text.startswith(("'", "’"), u.end)
        and not (u.text[:1].isupper() and ctx.words(ctx.sentence.start, u.start) > 0)
        and not _modifies(ctx, platforms, u)
    ]


def _modifies(ctx: Reader, heads: PhraseMatcher, u: Hit) -> bool:
    """ "kapal nelayan Vietnam": the noun describes a vessel, and the country is the vessel's."""
    if ctx.pack.modifier_first:
        return False
    head = ctx.doc.last(heads, max(0, u.start - 25), u.start)
    return head is not None and ctx.words(head.end, u.start) == 0


def names_people(ctx: Reader, owner: Hit) -> bool:
    """The owner names the people of an unaffiliated noun beside it ("Brazilian fans")."""
    near = people_nouns(ctx, max(0, owner.start - 30), owner.end + 30)
    return any(nation_of_people(ctx, owner, u) for u in near)


def _found_group_fighters(ctx: Reader, u: Hit) -> SpeakerRef | None:
    """ "ELN rebels", "kelompok pemberontak ELN": the fighters of a group the text names (one the
    gazetteer does not know) speak for that group — the name right before the noun, or right
    after it in a language that puts modifiers after."""
    if ctx.pack.modifier_first:
        g = next(reversed(ctx.mentions.groups(max(0, u.start - 60), u.start)), None)
        beside = g is not None and ctx.words(g.end, u.start) == 0
    else:
        g = next(iter(ctx.mentions.groups(u.end, u.end + 60)), None)
        beside = g is not None and ctx.words(u.end, g.start) == 0
    if g is None or not beside:
        return None
    lo, hi = min(u.start, g.start), max(u.end, g.end)
    return SpeakerRef(lo, hi, ctx.text[lo:hi], None, g.key, None, "name")


def _names_home(ctx: Reader, r: SpeakerRef, fighters: SpeakerRef) -> bool:
    """A party named within two words before a group's fighters, in one phrase (no list)."""
    if r.end > fighters.start or ctx.words(r.end, fighters.start) > 2:
        return False
    return ctx.pack.glue.coordinator_word.search(ctx.text, r.end, fighters.start) is None


_APPOSITION = re.compile(r"\s*\)?\s*,\s*(?:(?:a|an|the|sebuah|seorang)\s+)?$", re.IGNORECASE)


def _describes_named(ctx: Reader, refs: list[SpeakerRef], u: Hit) -> bool:
    """An apposition right after a named party ("the TNLA, an armed rebel group,")."""
    ends = [r.end for r in refs if r.actor_id is not None] + [g.end for g in ctx.mentions.groups(0, u.start)]
    return any(e <= u.start and _APPOSITION.match(ctx.text[e : u.start]) is not None for e in ends)


def _located(ctx: Reader, u: Hit, r: SpeakerRef) -> bool:
    """A party named after a locative preposition that follows the phrase `u` ("witnesses in Gaza",
    "pemberontak Tuareg di Mali utara"): the place they are in, not whom they speak for."""
    if r.start < u.end or r.actor_id is None or ctx.words(u.end, r.start) > 5:
        return False
    prep = ctx.doc.last(ctx.pack.locative_preps, u.end, r.start)
    if prep is None or STOPS.search(ctx.text, u.end, r.start):
        return False
    between = ctx.doc.word_list(prep.end, r.start)
    return all(w.casefold() in ctx.pack.place_determiners for w in between)


def _regional(ctx: Reader, role: Hit) -> SpeakerRef | None:
    """ "Kursk governor", "the governor of Zaporizhzhia", "Gubernur Zaporizhzhia": an official of a
    known place speaks for the state it lies in — not one installed by another state ("the
    Russian-installed governor", "separatist leader"), whom the place does not tell."""
    if role.key != "regional_official":
        return None
    gaz = ctx.gaz
    lo, hi = max(0, role.start - 30), min(len(ctx.text), role.end + 30)
    if ctx.doc.first(ctx.pack.words("installed_markers"), lo, role.start) is not None:
        return None
    before = [
        p
        for p in ctx.mentions.places(lo, role.start)
        if ctx.words(p.end, role.start) == 0 and not STOPS.search(ctx.text, p.end, role.start)
    ]  # ("... di Wamena. Gubernur Papua": the last sentence's place is not the office's)
    after = [p for p in ctx.mentions.places(role.end, hi) if _office_gap(ctx, role.end, p.start)]
    places = before[-1:] + after[:1]
    if not places:
        return None
    place, chain = places[0], gaz.place_chain(places[0].key)
    if not chain or chain[-1] not in gaz.actors or _rival_administrations(gaz, chain):
        return None
    state = chain[-1]  # the country the place lies in
    start, end = min(role.start, place.start), max(role.end, place.end)
    return SpeakerRef(start, end, ctx.text[start:end], state, gaz.party_of(state), role.key, "role")


def _rival_administrations(gaz: Gazetteer, chain: tuple[str, ...]) -> bool:
    """The Kherson governor may be Kyiv's or the one Moscow installed: the place does not tell."""
    return any(p in gaz.places and gaz.places[p].rival_administrations for p in chain)


def _office_gap(ctx: Reader, lo: int, hi: int) -> bool:
    """Nothing, or only "of (the)", between an office and its place ("governor of Zaporizhzhia")."""
    words = ctx.doc.word_list(lo, hi)
    link = ctx.pack.words("office_of_preps")
    plain = all(link.key_of(w) is not None or w.casefold() in ctx.pack.glue.articles for w in words)
    return len(words) <= 2 and plain and not STOPS.search(ctx.text, lo, hi)


def _nationality(ctx: Reader, hit: Hit) -> bool:
    marker = ctx.doc.last(ctx.pack.words("nationality_markers"), max(0, hit.start - 30), hit.start)
    return marker is not None and ctx.words(marker.end, hit.start) == 0


def _inside_any(pos: int, hits: list[Hit]) -> bool:
    return any(h.start <= pos < h.end for h in hits)


def _touches(ctx: Reader, r: SpeakerRef, u: Hit) -> bool:
    return (r.start >= u.end and ctx.words(u.end, r.start) == 0) or (
        r.end <= u.start and ctx.words(r.end, u.start) == 0
    )


def _outlet_name_between(ctx: Reader, start: int, end: int) -> bool:
    """ "Sweden's Channel One TV station": an outlet's own name between its country and its
    kind (a few capitalised words) still makes the phrase an outlet."""
    words = ctx.doc.word_list(start, end)
    return 0 < len(words) <= 3 and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _with_role(ctx: Reader, hit: Hit, roles: list[Hit], used: set[int]) -> SpeakerRef:
    """An actor mention with the role word right before or after it."""
    text, gaz = ctx.text, ctx.gaz
    actor_id, role = hit.key, None
    span_start, span_end = hit.start, hit.end
    for i, r in enumerate(roles):
        gap_after = ctx.words(r.end, hit.start) if r.end <= hit.start else 99
        if gap_after == 1 and ctx.pack.glue.office_qualifier.search(text, r.end, hit.start):
            continue  # "ambassador to Peru": Peru is where the office is, not whose it is
        gap_before = ctx.words(hit.end, r.start) if hit.end <= r.start else 99
        if (gap_after <= 1 and not STOPS.search(text, r.end, hit.start)) or (
            (gap_before <= 0 or (r.key == "media" and _outlet_name_between(ctx, hit.end, r.start)))
            and not STOPS.search(text, hit.end, r.start)
        ):
            role = r.key
            used.add(i)
            span_start, span_end = min(span_start, r.start), max(span_end, r.end)
            break
    span_text = text[span_start:span_end]
    if role == "media":
        # "Media Korea Selatan": a country's press is not its government; kept, not guessed.
        return SpeakerRef(span_start, span_end, span_text, None, None, role, "unknown")
    if role is not None and gaz.actors[actor_id].kind == "party":
        actor_id = gaz.actor_with_role(actor_id, role) or actor_id
    return SpeakerRef(
        span_start,
        span_end,
        span_text,
        actor_id,
        gaz.party_of(actor_id),
        role or gaz.actors[actor_id].role,
        "alias" if role is None else "role",
    )


def group(ctx: Reader, refs: list[SpeakerRef], pick_last: bool) -> list[SpeakerRef]:
    """The run of adjacent mentions nearest the verb (e.g. 'Presiden Ukraina Volodymyr Zelensky')."""
    if not refs:
        return []
    ordered = refs if not pick_last else list(reversed(refs))
    run = [ordered[0]]
    stop = _GROUP_STOP_BEFORE if pick_last else _GROUP_STOP_AFTER
    for ref in ordered[1:]:
        prev = run[-1]
        lo, hi = (ref.end, prev.start) if pick_last else (prev.end, ref.start)
        if (
            (ctx.words(lo, hi) <= 3 or _noun_chain(ctx, lo, hi))
            and not (hi >= lo and stop.search(ctx.text, lo, hi))
            and not _listed(ctx, ref, prev, lo, hi)
        ):
            run.append(ref)
        else:
            break
    return run


def _noun_chain(ctx: Reader, lo: int, hi: int) -> bool:
    """ "kantor pers penjaga perbatasan Komite Nasional Kirgistan": in Indonesian order an office's
    owner may close a longer chain of nouns (no verb, no relative word between)."""
    if ctx.pack.modifier_first or hi <= lo:
        return False
    words = ctx.doc.word_list(lo, hi)
    verbal = ctx.pack.glue.verbal_prefixes or ("\0",)
    return len(words) <= 5 and not any(
        w.casefold().startswith(verbal)
        or w.casefold() in ctx.pack.glue.relatives
        or w.casefold() in ctx.pack.stopwords
        for w in words
    )


def _listed(ctx: Reader, a: SpeakerRef, b: SpeakerRef, lo: int, hi: int) -> bool:
    """ "South Korea and Ukraine": two parties joined by a coordinator are a list, not one name."""
    if a.party is None or b.party is None or a.party == b.party or hi < lo:
        return False
    return ctx.pack.glue.coordinator_word.search(ctx.text, lo, hi) is not None


def best_of(run: list[SpeakerRef], gaz: Gazetteer) -> SpeakerRef | None:
    """The most specific known actor of a run, spanning the whole run."""
    known = [g for g in run if g.actor_id is not None]
    if not known:
        return run[0] if run else None
    best = max(known, key=lambda g: gaz.specificity(g.actor_id or ""))
    best = _current_title(best, known, gaz)
    role = best.role or next((g.role for g in run if g.role), None)
    start = min(g.start for g in run)
    end = max(g.end for g in run)
    return SpeakerRef(start, end, best.text, best.actor_id, best.party, role, best.resolved_by)


def _current_title(best: SpeakerRef, known: list[SpeakerRef], gaz: Gazetteer) -> SpeakerRef:
    """ "Dutch Prime Minister Mark Rutte": people change offices; the title the text gives, with its
    party, wins over the one a person is listed with (Rutte, later NATO's secretary general)."""
    person = gaz.actors[best.actor_id or ""]
    if person.kind != "person":
        return best
    titled = [
        g
        for g in known
        if g.role is not None
        and g.party != best.party
        and g.role != person.role
        and g.start <= best.start
        and best.start - 2 <= g.end < best.end  # the title right before the name, or opening it
    ]
    return titled[-1] if titled else best
