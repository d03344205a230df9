"""Step 5: who speaks in a phrase — a named actor, a role composed with a party ("juru bicara
Pentagon"), or something pointing back (backrefs.py) — and what each sentence mentions."""

from __future__ import annotations

import re

from streams.core.backrefs import (
    country_speaker,
    group_of_a_country,
    group_speaker,
    institution_speaker,
    named_by_noun_speaker,
    named_speaker,
    organisation_speaker,
    pronoun_speaker,
    role_speaker,
    statement_issuer,
)
from streams.core.compose import best_of, compose, group
from streams.core.context import Reader
from streams.core.discourse import SpeakerRef


def resolve_segment(ctx: Reader, start: int, end: int, *, nearest_end: bool) -> SpeakerRef | None:
    """The speaker named in [start, end); nearest to the end (speaker before the verb) or start."""
    if end <= start:
        return None
    if nearest_end:
        end = _before_relative(ctx, start, end)
    refs = [r for r in compose(ctx, start, end) if not _related_only(ctx, r, start)]
    if nearest_end and not any(r.actor_id for r in refs):
        issuer = statement_issuer(ctx, start, end)
        if issuer is not None:
            return issuer
    run = _heads_only(ctx, group(ctx, refs, pick_last=nearest_end), start)
    best = _as_titled(ctx, run, best_of(run, ctx.gaz))
    workplace = _at_workplace(ctx, refs, run)
    if workplace is not None:
        return workplace
    if best is not None and best.actor_id is None and best.role is not None:
        return organisation_speaker(ctx, start, end) or role_speaker(ctx, best, refs, start, end, nearest_end)
    if best is not None:
        return group_of_a_country(ctx, best) or best
    return (
        pronoun_speaker(ctx, start, end, nearest_end)
        or organisation_speaker(ctx, start, end)
        or institution_speaker(ctx, start, end)
        or country_speaker(ctx, start, end)
        or group_speaker(ctx, start, end)
        or named_by_noun_speaker(ctx, start, end)
        or _group_speaker(ctx, start, end, nearest_end)
        or named_speaker(ctx, refs, start, end, nearest_end)
    )


def _as_titled(ctx: Reader, run: list[SpeakerRef], best: SpeakerRef | None) -> SpeakerRef | None:
    """A listed person titled with another party's office keeps that party in the whole article
    ("Dutch Prime Minister Mark Rutte ... Rutte added")."""
    if best is None:
        return None
    gaz, retitled = ctx.gaz, ctx.state.retitled
    people = [r for r in run if r.actor_id is not None and gaz.actors[r.actor_id].kind == "person"]
    for p in people:
        if best.party != p.party and best.role is not None and best.start <= p.start:
            retitled[p.actor_id or ""] = best
        elif best.actor_id == p.actor_id and p.actor_id in retitled:
            return best.as_resolved(retitled[p.actor_id], "role")
    return best


def _related_only(ctx: Reader, r: SpeakerRef, start: int) -> bool:
    """ "Pejabat Taliban, sekutu lama Al Qaeda, ...", "Hamas, an ally of Iran, ...": the party a
    relation noun governs describes the phrase's head; it is not who speaks."""
    rel = ctx.doc.last(ctx.pack.words("relation_nouns"), max(start, r.start - 30), r.start)
    if rel is None:
        return False
    between = ctx.doc.word_list(rel.end, r.start)
    if ctx.pack.modifier_first:  # "an ally of Iran" (not "Iran's ally Hamas")
        return [w.casefold() for w in between] == ["of"]
    return not between  # "sekutu Al Qaeda"


def _group_speaker(ctx: Reader, start: int, end: int, nearest_end: bool) -> SpeakerRef | None:
    """A group the text names and the gazetteer does not know ("the Arakan Army said")."""
    groups = ctx.mentions.groups(start, end)
    if not groups:
        return None
    g = groups[-1] if nearest_end else groups[0]
    return SpeakerRef(g.start, g.end, g.text, None, g.key, None, "name")


_SUBJECT_WORDS = 12
_QUOTES = re.compile('["“”«»]')


def _before_relative(ctx: Reader, start: int, end: int) -> int:
    """ "kelompok Joint Forces yang bersekutu dengan militer Sudan menuduh ...": a relative clause
    describes the subject before it; a party named inside it is not the speaker."""
    if ctx.words(start, end) > _SUBJECT_WORDS or _QUOTES.search(ctx.text, start, end):
        return end  # not a subject phrase: quoted words, or a whole sentence before the verb
    for h in ctx.doc.find(ctx.pack.clause_breaks, start, end):
        run_by = ctx.doc.first(ctx.pack.words("run_by_markers"), h.start, min(end, h.end + 24))
        if run_by is not None and run_by.start == h.start:
            continue  # "Kementerian Kesehatan yang dikelola Hamas": the clause says whose it is
        if h.key in ctx.pack.glue.relatives and ctx.words(start, h.start) >= 1:
            if "," in ctx.text[h.end : end]:
                return end  # "Dalam pernyataan yang disiarkan KCNA, ia menyebut": the subject follows
            return h.start
    return end


def _heads_only(ctx: Reader, run: list[SpeakerRef], start: int) -> list[SpeakerRef]:
    """ "Duta Besar Korea Utara untuk PBB": the organisation after "untuk/to/at" qualifies the
    office; it is not who speaks, when someone else in the phrase is."""
    qualifier = ctx.pack.glue.office_qualifier
    heads = [
        r
        for r in run
        if r.actor_id is not None and not qualifier.search(ctx.text, max(start, r.start - 8), r.start)
    ]
    actors = [r for r in run if r.actor_id is not None]
    if heads and len(heads) < len(actors):
        return [r for r in run if r.actor_id is None or r in heads]
    roles_only = [r for r in run if r.actor_id is None and r.role is not None]
    if not heads and actors and roles_only:
        # "its ambassador to Cambodia": the country after "to" is where the office is, not whose.
        return roles_only
    return run


def _at_workplace(ctx: Reader, refs: list[SpeakerRef], run: list[SpeakerRef]) -> SpeakerRef | None:
    """ "an analyst at a Seoul think tank", "a doctor at the city hospital in Kyiv": the place of
    work does not make Seoul or Kyiv the speaker."""
    actor = next((r for r in run if r.actor_id is not None), None)
    if actor is None:
        return None
    head = next(
        (
            r
            for r in reversed(refs)
            if r.resolved_by == "unknown" and r.actor_id is None and r.role is None and r.end <= actor.start
        ),
        None,
    )
    if head is None:
        return None
    prep = ctx.pack.glue.workplace.search(ctx.text, head.end, actor.start)
    if prep is not None and ctx.words(head.end, prep.start()) == 0 and ctx.words(head.end, actor.start) <= 6:
        return SpeakerRef(head.start, head.end, head.text, None, None, None, "unknown")
    return None


def remember_mentions(ctx: Reader, start: int, end: int) -> None:
    """The actors a sentence names, for later back-references; the one opening it is its subject."""
    refs = [r for r in compose(ctx, start, end) if r.actor_id]
    disc = ctx.state.discourse
    disc.add_mentions(refs)
    disc.sentence_subject = refs[0] if refs and ctx.words(start, refs[0].start) <= 1 else None
