"""Casualties among people no troop noun names ("12 civilians were killed", "menewaskan 30 warga
sipil", "12 killed"): who they are, whose they are — by their nationality word, else by the country of
the place they died in — and whether the text tells of violence at all (deaths in a crash are no
side's casualties)."""

from __future__ import annotations

from streams.core.context import Reader
from streams.core.figurative import figurative
from streams.core.matching import Hit
from streams.core.scope import TriggerReading
from streams.core.tokens import STOPS
from streams.core.troops import heads_its_phrase, owner_of
from streams.core.vocabulary import NEGATING


def victims_named(t: TriggerReading) -> bool:
    """ "12 civilians were killed", "menewaskan 30 warga sipil", "12 killed": casualties among
    people no troop noun names. Whose: the nationality word with them ("Ukrainian civilians",
    "tawanan perang Ukraina"); else it is left to the place they died in (`people_of_place`)."""
    victims = _victim_phrase(t)
    if victims is None or not _violence_told(t):
        return False
    ctx = t.ctx
    party = None
    if victims.key != _COUNT:
        # Only an owner right by the noun: "Ukrainian civilians", "warga sipil Palestina" (not "the UN
        # said 40 villagers").
        owners = [
            h
            for h in ctx.mentions.owners(max(0, victims.start - 40), min(len(ctx.text), victims.end + 60))
            if ctx.words(h.end, victims.start) == 0 or h.start >= victims.end
        ]
        party, _ = owner_of(ctx, victims, owners)
        if party is None and _speakers_own(ctx, victims):
            party = t.scope.speaker_party  # "nine of its citizens were killed", said by the state
    t.frame.agent, t.frame.agent_by = party, "explicit" if party is not None else "place"
    return True


def _speakers_own(ctx: Reader, victims: Hit) -> bool:
    """A possessive right before the people noun ("its citizens", "their nationals"): the
    speaker's own people, as "its soldiers" are its troops."""
    mine = ctx.doc.last(ctx.pack.possessive_words, max(0, victims.start - 8), victims.start)
    return mine is not None and ctx.words(mine.end, victims.start) == 0


_COUNT = "#count"
_VIOLENCE = frozenset(("attack", "troops_in_combat"))


def _violence_told(t: TriggerReading) -> bool:
    """Deaths count as casualties of a side where the text tells of violence — an attack or
    fighting in this sentence or before it — not in a crash, a flood or a fire."""
    ctx = t.ctx
    trig = t.trig
    # (not the casualty word itself: "killed" is read as an attack too, when someone did it)
    # ("serangan jantung", "heart attack": a phrase where the word names no act of force)
    lo, hi = ctx.sentence.start, ctx.sentence.end
    here = [
        (h, events)
        for h, events in _acts_told(ctx, lo, hi)
        if (h.end <= trig.start or h.start >= trig.end)
        and not figurative(ctx, h, lo, hi)  # "the storm struck ... and killed 30"
    ]
    if any(events & _VIOLENCE for _, events in here):
        return True
    if ctx.doc.first(ctx.pack.words("unrest_nouns"), lo, hi) is not None:
        return True  # "tewas dalam kerusuhan di Wamena", "killed in the riots"
    return any(f.event in _VIOLENCE for f in ctx.state.topic_frames) or _killer_named(t) or _violence_later(t)


def _violence_later(t: TriggerReading) -> bool:
    """ "Dushanbe said two soldiers died" in the lead, the clash told after it: the article tells of
    violence, wherever it does (by a word of force, not a killing verb: "the crash killed three")."""
    ctx = t.ctx
    return any(
        "casualties" not in events and events & _VIOLENCE
        for _, events in _acts_told(ctx, ctx.sentence.end, len(ctx.text))
    )


def _acts_told(ctx: Reader, lo: int, hi: int) -> list[tuple[Hit, set[str]]]:
    """The triggers in [lo, hi) with their event classes, but for those inside a phrase that names
    no act ("serangan jantung", "heart attack", "live-fire drills")."""
    idle = ctx.doc.find(ctx.pack.words("non_event_phrases"), lo, hi)
    return [
        (h, {e.rstrip(NEGATING) for e in h.key.split("|")})
        for h in ctx.mentions.triggers(lo, hi)
        if not any(i.start <= h.start < i.end for i in idle)
    ]


def _killer_named(t: TriggerReading) -> bool:
    """ "Russian missiles killed 30 civilians", "pasukan Israel menewaskan 12 orang": an active
    killing verb with a side named right before it (its subject) tells of violence itself."""
    ctx, trig = t.ctx, t.trig
    if ctx.doc.first(ctx.pack.words("killing_verbs"), trig.start, trig.end) is None or t.passive():
        return False
    if ctx.doc.last(ctx.pack.words("passive_auxiliaries"), max(0, trig.start - 12), trig.start):
        return False  # "were killed": no killer named this way
    if ctx.doc.first(ctx.pack.words("natural_forces"), t.scope.start, trig.start) is not None:
        return False  # "the cyclone struck Lima and killed 20": Lima is what it struck
    owners = ctx.mentions.owners(max(t.scope.start, trig.start - 40), trig.start)
    return bool(owners) and ctx.words(owners[-1].end, trig.start) <= 2


def _victim_phrase(t: TriggerReading) -> Hit | None:
    """The people the casualty trigger counts: a people noun just before it ("30 people had been
    killed", "40 tahanan tewas") or just after it ("killing 12 civilians", "menewaskan sedikitnya
    12 orang"), or a bare figure right before it ("12 killed", "16 dead")."""
    ctx, trig = t.ctx, t.trig
    nouns = ctx.pack.words("victim_nouns")
    before = ctx.doc.last(nouns, max(t.window_start, trig.start - 40), trig.start)
    if before is not None and _adjacent(ctx, before.end, trig.start, 2):
        return before
    after = ctx.doc.first(nouns, trig.end, min(t.window_end, trig.end + 40))
    by = after and ctx.doc.first(ctx.pack.words("agent_markers"), trig.end, after.start)
    if after is not None and by is None and _adjacent(ctx, trig.end, after.start, 4):
        return after  # (not "korban ditembak oleh warga Palestina": those who shot)
    figures = ctx.doc.numbers_between(max(t.window_start, trig.start - 20), trig.start)
    if figures and ctx.words(figures[-1].end, trig.start) == 0:
        return Hit(figures[-1].start, figures[-1].end, _COUNT, ctx.text[figures[-1].start : figures[-1].end])
    return None


def _adjacent(ctx: Reader, lo: int, hi: int, most: int) -> bool:
    return ctx.words(lo, hi) <= most and not STOPS.search(ctx.text, lo, hi)


def people_of_place(t: TriggerReading, *, after: bool = False) -> bool:
    """Victims no side is named for are people of the country they died in ("12 people were
    killed in Gaza": Palestinians); False when the place is unknown or in no known country. With
    `after`, only a place after the verb counts ("ditahan di Venezuela": held there; not "fled
    to Ukraine and were arrested")."""
    ctx = t.ctx
    preps = ctx.pack.locative_preps
    named = {
        h.key
        for h in ctx.mentions.places(t.trig.end if after else t.clause_lo, t.clause_hi)
        if (prep := ctx.doc.last(preps, max(0, h.start - 12), h.start)) is not None
        and all(w.casefold() in ctx.pack.place_determiners for w in ctx.doc.word_list(prep.end, h.start))
        and heads_its_phrase(ctx, h)
    }
    party = ctx.gaz.party_at(t.frame.place) if t.frame.place in named else None
    if party is None:
        return False  # (not "killed in a US strike": a state's name is no place they died in)
    t.frame.agent = party
    return True


def speakers_own_dead(t: TriggerReading) -> bool:
    """ "Dushanbe said two soldiers were killed", "Kyiv mengatakan dua tentara tewas": troops of no
    named side dying in a side's own statement of violence are its own. Read as the speaker's side
    by assumption (agent_by "assumed"), so such a claim is counted but never alerts, nor is it an
    earlier claim for another's alert."""
    ctx, trig, speaker = t.ctx, t.trig, t.scope.speaker_party
    if speaker is None or t.scope.claim_owner not in (None, speaker):
        return False
    noun = ctx.doc.last(ctx.pack.troop_nouns, max(t.window_start, trig.start - 40), trig.start)
    if noun is None or not _adjacent(ctx, noun.end, trig.start, 3):
        return False
    if ctx.pack.words("insurgent_nouns").key_of(noun.text) is not None:
        return False  # "Militer Kenya mengatakan lima gerilyawan tewas": the enemy's dead
    if ctx.doc.first(ctx.pack.pronouns, noun.end, trig.start) is not None:
        return False  # "how many troops they lost": the pronoun is the verb's subject
    owners = ctx.mentions.owners(max(0, noun.start - 40), min(len(ctx.text), noun.end + 60))
    if owner_of(ctx, noun, owners)[0] is not None or not _violence_told(t):
        return False
    t.frame.agent, t.frame.agent_by = speaker, "assumed"
    return True


def speakers_own_people(t: TriggerReading) -> bool:
    """ "Thailand said a Cambodian shell killed one civilian", "Menurut militer Sudan, 2.000 orang
    tewas dalam serangan RSF": people of no named side or place, killed in violence a state tells
    of, are that state's own. Read as the speaker's side by assumption (agent_by "assumed"), so
    the claim is counted but never alerts, nor is it an earlier claim for another's alert. Not
    when the speaker's own side is named with the deaths ("Pakistan said its strikes killed 30
    people": its side did the killing), nor for a speaker
    with no country of its own (the UN's figures are no UN dead), nor for people who died in another
    country ("in a China Coast Guard attack" names no place of Vietnam's), nor when the deaths only
    describe the people ("none of the six people killed in the raid were smugglers")."""
    ctx, speaker = t.ctx, t.scope.speaker_party
    if speaker is None or t.scope.claim_owner not in (None, speaker) or ctx.gaz.party_place(speaker) is None:
        return False
    if t.frame.place is not None and ctx.gaz.party_at(t.frame.place) not in (None, speaker):
        return False
    if _describes_victims(t):
        return False
    lo, hi = max(t.scope.start, t.clause_lo), t.clause_hi
    if any(ctx.gaz.party_of(h.key) == speaker for h in ctx.mentions.owners(lo, hi)):
        return False
    if ctx.doc.first(ctx.pack.possessive_words, lo, t.trig.start) is not None:
        return False
    t.frame.agent, t.frame.agent_by = speaker, "assumed"
    return True


def _describes_victims(t: TriggerReading) -> bool:
    """ "eleven people killed in a drone strike were herders": a participle right after the people,
    with a verb of their own after it — the deaths describe who is spoken of, they are not told."""
    ctx, trig = t.ctx, t.trig
    auxiliaries = ctx.pack.words("passive_auxiliaries")
    victims = _victim_phrase(t)
    if victims is None or victims.end > trig.start or ctx.doc.first(auxiliaries, victims.end, trig.start):
        return False
    return ctx.doc.first(auxiliaries, trig.end, t.clause_hi) is not None
