"""Open claims: an attributed statement that matches no event class is still a claim — speaker,
stance, quote span, the party it is about and the place it names — with a proposition of its own
(`other#<digest>`) that shows in the stance table and never alerts. Nothing a party says is lost.

Not open claims: a plan, promise or conditional ("will", "akan"), a question, a thank-you or
praise (`acknowledge`), a condemnation that names no act of a known class, a statement too short
to say anything, or one whose speaker is unknown and unnamed."""

from __future__ import annotations

from streams.core.attribution import Attribution
from streams.core.context import Reader
from streams.core.discourse import SpeakerRef
from streams.core.frame import FrameHit
from streams.core.matching import Hit
from streams.core.propositions import OPEN

_MIN_WORDS = 3
_KINDS = ("say", "report", "confirm", "deny", "noncommittal", "accuse")


def open_frame(ctx: Reader, attr: Attribution) -> list[FrameHit]:
    """The one open frame of a statement with no event of a known class, or none."""
    speaker, (start, end) = attr.speaker, attr.content
    if speaker is None or attr.cue.kind not in _KINDS or end - start <= 0:
        return []
    if _unnamed(ctx, speaker):
        return []
    if ctx.pack.words("condemnation_verbs").key_of(attr.cue.text) is not None:
        return []  # "strongly condemned the attack": an opinion; only a named act would be a claim
    if ctx.words(start, end) < _MIN_WORDS or "?" in ctx.text[start:end]:
        return []
    lead = ctx.doc.find(ctx.pack.speculative, start, min(end, start + 60))
    if any(ctx.words(start, h.start) <= 6 for h in lead):
        return []  # "said it would ...", "mengatakan akan ...": a plan, not a fact
    agent = _about(ctx, start, end) or _own_side(ctx, speaker, start, end)
    places = ctx.mentions.places_outside_actors(start, end)
    trigger = Hit(attr.cue.start, attr.cue.end, OPEN, attr.cue.text)
    return [
        FrameHit(
            OPEN,
            agent,
            places[0].key if places else None,
            trigger,
            agent_by="explicit" if agent else "none",
            place_by="explicit" if places else "none",
            cues=["open-claim"],
        )
    ]


def _unnamed(ctx: Reader, speaker: SpeakerRef) -> bool:
    """No name and no described person: "witnesses", "a doctor", "analysts" are speakers (with no
    party); a lowercase phrase the reader could not tie to anyone is not."""
    if speaker.resolved_by != "unknown" or speaker.actor_id is not None or speaker.text[:1].isupper():
        return False
    return ctx.pack.unaffiliated.key_of(speaker.text) is None


def _about(ctx: Reader, start: int, end: int) -> str | None:
    """The party the statement is about: the one opening it ("Cambodia planted the mines")."""
    for h in ctx.mentions.owners(start, min(end, start + 80)):
        party = ctx.gaz.party_of(h.key)
        if party is not None and ctx.words(start, h.start) <= 3:
            return party
        break
    return None


def _own_side(ctx: Reader, speaker: SpeakerRef, start: int, end: int) -> str | None:
    """ "Pakistan said it had used the JF-17", "mengatakan pihaknya telah ...", "said its members",
    "menyatakan negaranya ...": a pronoun of the speaker's side opening the statement makes it
    about that side."""
    if speaker.party is None:
        return None
    pack, lo = ctx.pack, start
    found = [
        h
        for m in (pack.pronouns, pack.possessive_words, pack.own_country, pack.first_person)
        for h in m.finditer(ctx.text, lo, min(end, lo + 30))
        if ctx.words(lo, h.start) == 0 and (m is not pack.pronouns or h.key == "group")
    ]
    return speaker.party if found else None
