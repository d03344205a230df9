"""Content that points back instead of saying something new: "menepis klaim tersebut", "the
reports", "klaim Rusia" — a stance on what the article (or a named party) said before."""

from __future__ import annotations

import re

from schemas import Claim
from streams.core.context import Reader
from streams.core.cues import Cue
from streams.core.discourse import SpeakerRef
from streams.core.frame import FrameHit
from streams.core.matching import Hit
from streams.core.propositions import event_specs
from streams.core.scope import is_noun
from streams.core.vocabulary import NEGATING

_OWNER_REACH = 80  # verb to content: "rejected the latest claims by Russia's defence ministry that"


def claim_owner(ctx: Reader, start: int, end: int) -> str | None:
    """ "membantah klaim Rusia bahwa ...", "rejected Moscow's claim that ...": whose claim."""
    noun = ctx.doc.first(ctx.pack.claim_nouns, start, end)
    if noun is None:
        return None
    owners = ctx.mentions.actors(max(start, noun.start - 20), min(end, noun.end + 40))
    return ctx.gaz.party_of(owners[0].key) if owners else None


_ACCUSATION_REACH = 4  # words from the verb to the accusation it answers ("denied Baku's allegations")


def answers_accusation(ctx: Reader, cue: Cue, end: int) -> bool:
    """ "denied/rejected Baku's allegations regarding ...", "membantah tuduhan Rusia bahwa ...": the
    speaker answers an accusation against itself, so it is the accused party of what follows."""
    if cue.kind not in ("deny", "confirm", "noncommittal"):
        return False
    # (the noun may close the cue itself: "mengecam tuduhan", "condemning the accusation")
    noun = ctx.doc.first(ctx.pack.claim_nouns, cue.start, min(end, cue.end + 60))
    return (
        noun is not None
        and (noun.end <= cue.end or ctx.words(cue.end, noun.start) <= _ACCUSATION_REACH)
        and ctx.pack.words("accusation_nouns").key_of(noun.text) is not None
    )


def claim_owner_ref(ctx: Reader, cue: Cue, content: tuple[int, int]) -> SpeakerRef | None:
    """Whose claim the statement answers: the verb's object before the content ("rejected
    Russia's claim that ...", "dismissed claims by Hamas that ...", "menolak klaim kelompok Houthi
    bahwa ..."), or the subject the content opens with ("Klaim Moskow bahwa P dibantah oleh Kyiv",
    "Moscow's claim that P was rejected by Kyiv"). A named party or its demonym ("Russian
    claims"); never an outlet."""
    lo, hi = cue.end, content[0]
    if lo < hi <= lo + _OWNER_REACH:
        return _owner_near(ctx, ctx.doc.first(ctx.pack.claim_nouns, lo, hi), lo, hi)
    if cue.start < content[1]:
        return None  # the content is not before the verb
    noun = ctx.doc.first(ctx.pack.claim_nouns, hi, min(content[1], hi + 40))
    if noun is None or ctx.words(hi, noun.start) > 1:
        return None
    comp = ctx.doc.first(ctx.pack.complementizers, noun.end, min(content[1], noun.end + 50))
    return _owner_near(ctx, noun, hi, comp.start) if comp is not None else None


_CLAIM_OF_REACH = 3  # words from the verb to the claim noun ("rejected the Indian claim of")


def claim_of_act_owner(ctx: Reader, cue: Cue, end: int) -> str | None:
    """ "rejected India's claim of air strikes", "membantah klaim India soal serangan udara": the
    party whose claim names an act after "of"/"soal" (usually its own: "al-Shabaab's claim of
    killing 51 soldiers"). Only in a denial; a news outlet owns no claim."""
    if cue.kind != "deny":
        return None
    noun = ctx.doc.first(ctx.pack.claim_nouns, cue.end, min(end, cue.end + 60))
    if noun is None or ctx.words(cue.end, noun.start) > _CLAIM_OF_REACH:
        return None
    prep = ctx.doc.first(ctx.pack.words("content_preps"), noun.end, min(end, noun.end + 40))
    if prep is None or ctx.doc.first(ctx.pack.complementizers, noun.end, prep.start) is not None:
        return None
    owner = _owner_near(ctx, noun, cue.end, prep.start)
    return owner.party if owner is not None else None


def _owner_near(ctx: Reader, noun: Hit | None, lo: int, hi: int) -> SpeakerRef | None:
    if noun is None:
        return None
    near = ctx.mentions.owners(max(lo, noun.start - 25), min(hi, noun.end + 40))
    if not near:
        return None
    hit = min(near, key=lambda h: min(abs(h.end - noun.start), abs(h.start - noun.end)))
    party = ctx.gaz.party_of(hit.key)
    if party is None or ctx.gaz.is_media(hit.key):
        return None
    return SpeakerRef(hit.start, hit.end, hit.text, hit.key, party, None, "alias")


def claim_reference(ctx: Reader, start: int, end: int) -> list[FrameHit]:
    """ "membantah klaim Rusia": the latest claim that party made in this article."""
    noun = ctx.doc.first(ctx.pack.claim_nouns, start, end)
    if noun is None:
        return []
    owners = ctx.mentions.actors(noun.end, min(end, noun.end + 40))
    if not owners:
        return []
    if _content_follows(ctx, noun, end):
        return []  # "menepis klaim TPNPB yang menyebut para korban adalah anggota TNI": its own content
    earlier = ctx.state.claims_by_party.get(ctx.gaz.party_of(owners[0].key) or "", [])
    if not earlier:
        return []
    p = earlier[-1].proposition
    if _own_strike_claimed(ctx, p.event, p.agent):
        return []
    trigger = Hit(noun.start, noun.end, p.event, noun.text)
    return [FrameHit(p.event, p.agent, p.place, trigger, cues=[f"claim-ref:{noun.text}"])]


def _content_follows(ctx: Reader, noun: Hit, end: int) -> bool:
    """The claim noun's own content follows it, after its owner if one is named ("klaim TPNPB yang
    menyebut P", "Hamas's claim that P", "the claim that P")."""
    pos = noun.end
    owners = ctx.mentions.actors(noun.end, min(end, noun.end + 40))
    if owners and ctx.words(noun.end, owners[0].start) <= 1:
        pos = owners[0].end
    opener = ctx.doc.first(ctx.pack.words("claim_content_openers"), pos, min(end, pos + 30))
    return opener is not None and ctx.words(pos, opener.start) <= 1


def topic_frames(ctx: Reader, start: int, end: int, cue: Cue, speaker: SpeakerRef | None) -> list[FrameHit]:
    """A stance on "the reports" / "kabar itu" / "this" is a stance on what the article is about:
    the last frame it described. Only for committed or noncommittal cues, or a dismissal."""
    if not ctx.state.topic_frames:
        return []
    refers = _topic_word(ctx, start, end, cue)
    if refers is None or not _points_back(ctx, start, end, cue, refers):
        return []
    if ctx.pack.claim_nouns.key_of(refers.text) is not None and _content_follows(ctx, refers, end):
        return []  # the claim's own content is said: it does not point back
    pool = _topic_pool(ctx, start, end, cue, speaker)
    headed = _head_events(ctx, refers)
    if headed:
        pool = [f for f in pool if f.event in headed]  # "serangan itu": that attack, no other event
    if not pool:
        return []
    owner = claim_owner(ctx, start, end)
    if owner is not None and owner in ctx.state.owned:
        # "klaim Rusia soal Kursk": what Russia claimed, not merely the last thing described.
        pool = [f for f in pool if f.event == ctx.state.owned[owner]] or pool
    if _loss_disputed_by_the_accused(pool, owner, speaker):
        # "Turkey condemned Armenia's claim as propaganda", Armenia claiming its loss to a Turkish
        # jet: the one accused disputes its part, not that the owner lost anything.
        pool = [p for p in pool if p.event == "attack" and speaker is not None and p.agent == speaker.party]
        if not pool:
            return []
    f = pool[0]
    # "klaim Moskow soal Kursk": Moscow's own act, when Moscow was heard claiming one; the
    # reports "of South Korea" confirmed by the North are not South Korea's act.
    owned = owner is not None and ctx.state.owned.get(owner) == f.event
    # (the act told keeps its own agent: "Russia said Ukrainian drones attacked ...; Ukraine denied
    # Russia's claim" is about Ukraine's attack, not Russia's)
    agent = owner if owned and f.agent is None and event_specs()[f.event].agent == "subject" else f.agent
    if (
        speaker is not None
        and _own_part_first(ctx, start, refers)
        and event_specs()[f.event].agent == "subject"
    ):
        agent = speaker.party  # "denies any role in the incident": its own part, not the act told
    elif speaker is not None and agent != speaker.party and _own_strike_claimed(ctx, f.event, agent):
        return []
    # "klaim Moskow soal Kursk": Kursk is what the claim is about; Moskow is its owner. The place
    # comes only from what this speaker's clause names: a back-reference has none.
    places = ctx.mentions.places_outside_actors(start, end)
    trigger = Hit(refers.start, refers.end, f.event, refers.text)
    return [
        FrameHit(
            f.event,
            agent,
            places[0].key if places else None,
            trigger,
            agent_by="context",
            place_by="none",
            measure=f.measure,
            cues=[f"topic:{refers.text}"],
        )
    ]


def _loss_disputed_by_the_accused(
    pool: list[FrameHit], owner: str | None, speaker: SpeakerRef | None
) -> bool:
    """The claim pointed back to is its owner's loss, and the speaker's side is an actor of the
    story told (the one the owner blames)."""
    if speaker is None or owner is None or pool[0].event != "casualties" or pool[0].agent != owner:
        return False
    return any(f.agent == speaker.party and f.event != "casualties" for f in pool)


# Acts whose claim, when another party merely rejects "the claim", is disputed in its details.
_DISPUTED_IN_DETAIL = frozenset({"attack"})


def _own_strike_claimed(ctx: Reader, event: str, agent: str | None) -> bool:
    """ "The junta said it struck a rebel base. The rebels rejected the claim": a party rejecting
    another's claim of its own strike disputes what was hit or won, not that it struck; so the
    rejection is read as denying no event."""
    if event not in _DISPUTED_IN_DETAIL or agent is None:
        return False
    return any(
        c.proposition.event == event and c.proposition.agent == agent and c.stance == "affirm"
        for c in ctx.state.claims_by_party.get(agent, [])
    )


def involvement_denied(ctx: Reader, start: int, end: int, speaker: SpeakerRef) -> list[FrameHit]:
    """ "continued to deny involvement", "membantah keterlibatan AS", "membantah keterlibatannya":
    a denied part with no act named denies the act the article told, as done by the party whose
    part it is — named right after the noun, else the speaker's own."""
    part = ctx.doc.first(ctx.pack.words("involvement_nouns"), start, end)
    if part is None or ctx.words(start, part.start) > 1 or ctx.mentions.triggers(part.end, end):
        return []
    told = next(
        (f for f in ctx.state.topic_frames if f.agent and event_specs()[f.event].agent == "subject"), None
    )
    whose = [
        h for h in ctx.mentions.owners(part.end, min(end, part.end + 40)) if ctx.words(part.end, h.start) <= 1
    ]
    party = ctx.gaz.party_of(whose[0].key) if whose else speaker.party
    if told is None or party is None:
        return []
    # The incident's own place when the denial names one ("responsibility for the incident in
    # Poland"); else the act told keeps its place: a place-less denial would bear on every act of
    # that party.
    named = _located(ctx, part.end, end)
    return [_part_in(told, party, part, named[0].key if named else None)]


_CLAUSE_END = re.compile(r"\s*[,.;:!?”\"’)]")


def involvement_told(ctx: Reader, start: int, end: int, speaker: SpeakerRef) -> list[FrameHit]:
    """ "Ukraine said it was not involved", "Rusia menyebut Prancis juga terlibat": a party said
    (not) to have had a part, with no act named, is (not) the doer of the attack the article told.
    The party is the clause's subject: named before the word, or a pronoun for the speaker's side."""
    part = ctx.doc.last(ctx.pack.words("involved_words"), start, end)
    if part is None or ctx.mentions.triggers(start, end):
        return []
    if ctx.words(part.end, end) > 0 and not _CLAUSE_END.match(ctx.text, part.end):
        return []  # "involved in talks": a part in something else
    told = next((f for f in ctx.state.topic_frames if f.event == "attack"), None)
    if told is None:
        return []
    lo = max(start, part.start - 60)
    named = ctx.mentions.last_party(lo, part.start)
    pronoun = ctx.doc.last(ctx.pack.pronouns, lo, part.start)
    party = named[1] if named is not None else (speaker.party if pronoun is not None else None)
    if party is None:
        return []
    negated = ctx.doc.first(ctx.pack.negators, named[0].end if named else lo, part.start) is not None
    return [_part_in(told, party, part, None, negated=negated)]


def _part_in(told: FrameHit, party: str, part: Hit, place: str | None, *, negated: bool = False) -> FrameHit:
    """The act told, as done by `party` — read from the word naming its part in it; at the place
    the clause names, else at the act's own."""
    return FrameHit(
        told.event,
        party,
        place or told.place,
        Hit(part.start, part.end, told.event, part.text),
        agent_by="context",
        place_by="explicit" if place else "context",
        negated=negated,
        cues=[f"part-in:{part.text}"],
    )


def _located(ctx: Reader, start: int, end: int) -> list[Hit]:
    """Places a locative preposition governs ("in Poland", "di Polandia"): there a country's
    name is a place, not its government."""
    doc = ctx.doc
    return [
        h
        for prep in doc.find(ctx.pack.locative_preps, start, end)
        for h in ctx.mentions.places(prep.end, end)
        if ctx.words(prep.end, h.start) <= 1
    ]


def _own_part_first(ctx: Reader, start: int, refers: Hit) -> bool:
    """ "any role in the incident", "keterlibatan dalam insiden itu": the speaker's part in what
    the word points to opens the content."""
    part = ctx.doc.first(ctx.pack.words("involvement_nouns"), start, refers.start)
    return part is not None and ctx.words(start, part.start) <= 1


def _head_events(ctx: Reader, refers: Hit) -> set[str]:
    """The event classes of the noun a demonstrative points with ("that attack", "serangan itu":
    before the noun in English order, after it in Indonesian)."""
    if ctx.pack.content_anaphors.key_of(refers.text) is None:
        return set()
    if ctx.pack.modifier_first:
        near = [
            h
            for h in ctx.mentions.triggers(refers.end, refers.end + 30)
            if ctx.words(refers.end, h.start) == 0
        ]
    else:
        near = [
            h
            for h in ctx.mentions.triggers(max(0, refers.start - 30), refers.start)
            if ctx.words(h.end, refers.start) == 0
        ]
    return {e.rstrip(NEGATING) for h in near for e in h.key.split("|")}


def _topic_word(ctx: Reader, start: int, end: int, cue: Cue) -> Hit | None:
    """The word pointing back: a claim noun or "this"; else a dismissal alone ("menyebutnya
    rekayasa"), a short answer ("tidak membantah secara langsung"), or "nothing to add"."""
    doc, pack = ctx.doc, ctx.pack
    refers = doc.first(pack.claim_nouns, start, end) or doc.first(pack.content_anaphors, start, end)
    if refers is not None and _qualifies_a_thing(ctx, refers):
        return None  # "Daftar itu tidak benar": that list, not what the story told
    if refers is not None and not _subject_pronoun(ctx, refers):
        return refers
    incident = _incident_word(ctx, start, end)
    if cue.kind in ("noncommittal", "deny") and incident is not None:
        # "declined to comment on the explosion", "denied that any such incident had taken
        # place": on what the story is about
        return incident
    # "has not confirmed the deployment, but called it dangerous": the answer is its first clause.
    link = pack.glue.clause_link.search(ctx.text, start, end)
    n_words = ctx.words(start, link.start() if link is not None else end)
    bare = doc.first(pack.deny_markers, start, end)
    # "Moskow membantahnya": the verb's own object pronoun points back, with nothing after it
    least = 0 if cue.text.casefold().endswith(pack.glue.object_suffixes or ("\0",)) else 1
    if bare is None and cue.kind in ("noncommittal", "deny") and least <= n_words <= 3:
        if _names_a_thing(ctx, start, link.start() if link is not None else end):
            return None  # "Yordania Bantah Kepemilikan Drone": it denies that, not the story so far
        bare = Hit(cue.start, cue.end, "", cue.text)  # the answer is about the topic at hand
    answer = [c for c in doc.find(pack.cues_before, start, end) if c.key == "noncommittal"]
    if bare is None and answer and n_words <= 7:
        return answer[0]  # "mengatakan tidak ada yang perlu ia tambahkan": no answer on the topic
    if bare is None or n_words > 3:
        return None
    return bare


_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def _qualifies_a_thing(ctx: Reader, refers: Hit) -> bool:
    """ "Daftar itu tidak benar": a demonstrative after a noun that names neither a statement, an
    event nor an incident points to that thing (a list), not to what was said or told. (Languages
    whose demonstratives follow the noun; a verb before it is no head: "membantah itu".)"""
    pack = ctx.pack
    if pack.modifier_first or pack.content_anaphors.key_of(refers.text) is None or " " in refers.text.strip():
        return False
    m = _WORD_BEFORE.search(ctx.text, max(0, refers.start - 30), refers.start)
    if m is None:
        return False
    word = m.group(1).casefold()
    known = (
        pack.claim_nouns,
        pack.cues_before,
        pack.words("incident_nouns"),
        pack.words("generic_reference_nouns"),
    )
    if word in pack.stopwords or any(k.key_of(word) is not None for k in known):
        return False
    verbal = pack.glue.verbal_prefixes
    if ctx.mentions.triggers(m.start(1), m.end(1)) or (verbal and word.startswith(verbal)):
        return False
    return word.isalpha()


def _names_a_thing(ctx: Reader, start: int, end: int) -> bool:
    """A short answer that names something (a noun by its affixes, troops or a weapon) says
    what is denied; an adverb alone ("tidak membantah secara langsung") does not."""
    pack = ctx.pack
    if ctx.mentions.triggers(start, end):
        return False  # "has not confirmed the deployment": the event the story is about
    words = ctx.doc.word_list(start, end)
    if any(is_noun(pack, w) for w in words):
        return True
    if len(words) >= 2 and words[0].casefold() in pack.glue.articles:
        return True  # "rejected the proposed visit": an article opens a noun phrase
    things = (pack.troop_nouns, pack.words("weapon_nouns"))
    return any(ctx.doc.first(m, start, end) is not None for m in things)


def _incident_word(ctx: Reader, start: int, end: int) -> Hit | None:
    words, doc = ctx.pack.words, ctx.doc
    hit = doc.first(words("incident_nouns"), start, end) or doc.first(words("incident_refs"), start, end)
    return hit if hit is not None and ctx.words(start, hit.start) <= 6 else None


def _subject_pronoun(ctx: Reader, word: Hit) -> bool:
    """ "said that it had been cut off": "it" opening a clause of its own points to no statement."""
    if ctx.pack.words("subject_pronouns").key_of(word.text) is None:
        return False
    if word.text.casefold().endswith(("'s", "’s")):
        return True  # "It's hard to tell", "that's why": "is"/"has" opens the pronoun's own clause
    nxt = ctx.doc.word_list(word.end, min(len(ctx.text), word.end + 14))[:1]
    return bool(nxt) and ctx.pack.words("clause_auxiliaries").key_of(nxt[0]) is not None


def _open_antecedent(ctx: Reader, start: int, end: int, party: str, after: int) -> bool:
    """ "X also said the mines were laid recently. Y rejected the allegations": what Y denies is
    X's last statement, of no event class (the denial is an open claim too) — when it stands in
    the same or the previous sentence, after X's last claim of an event class, and Y's words name
    an allegation (not "the reports", which may mean the whole story) or X's was a denial too."""
    state = ctx.state
    opens = [at for p, at in [*state.open_at.items(), *state.open_pending.items()] if p != party]
    opened, denied = max(opens, default=(-1, False))
    prev = ctx.doc.sentences[max(0, ctx.sentence.index - 1)].start
    if opened <= after or opened < prev:
        return False
    # "X dismissed the rumour as a hoax. Y also dismissed the report": Y joins X's denial.
    return denied or ctx.doc.first(ctx.pack.words("allegation_nouns"), start, end) is not None


def _points_back(ctx: Reader, start: int, end: int, cue: Cue, refers: Hit) -> bool:
    doc, pack = ctx.doc, ctx.pack
    dismissal_first = doc.first(pack.deny_markers, start, refers.start) is not None
    # "declined to answer questions from Reuters about the explosion": an incident may stand further on
    reach = 6 if _incident_word(ctx, refers.start, refers.end) is not None else 3
    if ctx.words(start, refers.start) > reach and not dismissal_first:
        return False
    comp = doc.first(pack.complementizers, refers.end, min(end, refers.end + 20))
    if comp is not None and ctx.words(refers.end, comp.start) <= 1:
        return False  # "kabar bahwa Putin akan hadir": a new proposition, not a back-reference
    if _content_of_its_own(ctx, refers.end, end):
        return False  # "dismissed accusations of provocation": about what its complement says
    dismissive = (
        cue.kind in ("deny", "confirm", "noncommittal")
        or doc.first(pack.deny_markers, start, end) is not None
    )
    inner = [
        c for c in doc.find(pack.cues_before, start, end) if c.key in ("deny", "noncommittal", "confirm")
    ]
    return dismissive or bool(inner)


_NP_END = re.compile(r"[,.;:!?()\"“”]|\s(?:as|sebagai|and|dan)\s")


def _content_of_its_own(ctx: Reader, after: int, end: int) -> bool:
    """ "accusations of Russian provocations": the claim noun's complement names what it is about
    — not an event class (that would narrow the back-reference) and not only its owner ("the
    claims of Kyiv", "the claims of the Ukrainian side")."""
    prep = ctx.doc.first(ctx.pack.words("content_preps"), after, min(end, after + 8))
    if prep is None or ctx.words(after, prep.start) > 0:
        return False
    stop = _NP_END.search(ctx.text, prep.end, end)
    np_end = stop.start() if stop else end
    if ctx.mentions.triggers(prep.end, np_end):
        return False
    words = ctx.doc.word_list(prep.end, np_end)
    owners = {(h.start, h.end) for h in ctx.mentions.owners(prep.end, np_end)}  # a name may be both
    covered = sum(len(ctx.doc.word_list(a, b)) for a, b in owners)
    skip = ctx.pack.words("owner_heads")
    plain = [w for w in words if skip.key_of(w) is None and w.casefold() not in ctx.pack.glue.articles]
    return len(plain) > covered


def _topic_pool(ctx: Reader, start: int, end: int, cue: Cue, speaker: SpeakerRef | None) -> list[FrameHit]:
    """The frames the reference may mean, the likeliest first."""
    state = ctx.state
    named = {e for h in ctx.mentions.triggers(start, end) for e in h.key.split("|")}
    pool = [f for f in state.topic_frames if f.event in named] or state.topic_frames
    if _incident_word(ctx, start, end) is not None:
        pool = [f for f in pool if f.event == "attack"] or pool  # an incident one was blamed for
    denial = cue.kind == "deny" or ctx.doc.first(ctx.pack.deny_markers, start, end) is not None
    if not (denial and speaker is not None and speaker.party):
        return pool
    # "menepis klaim tersebut": a party rejects someone else's claim, not what it said itself.
    own = {c.proposition.event for c in state.claims_by_party.get(speaker.party, []) if c.stance == "affirm"}
    pool = [f for f in pool if f.event not in own]
    if not pool:
        return []
    # "X blamed Y as the mastermind, Y denied it": what another speaker said earlier in this very
    # sentence is nearer than any claim before it.
    here = [f for f in pool if ctx.sentence.start <= f.trigger.start < start]
    if here:
        return here + [f for f in pool if f not in here]
    # The nearest claim another party made is a better antecedent than mere narration.
    # (A denial just before is one the speaker joins: "X called the report a hoax. Y also
    # dismissed it.")
    theirs: list[Claim] = [
        c
        for p, cs in state.claims_by_party.items()
        if p != speaker.party
        for c in cs
        if c.stance != "noncommittal"
    ]
    if ctx.doc.first(ctx.pack.words("accusation_nouns"), start, end) is not None:
        # "Iran refutes the accusations": an accusation names another party; an admission
        # ("the Houthis said they were responsible") accuses no one
        theirs = [c for c in theirs if c.proposition.agent != c.speaker.party]
        if not theirs:
            return []
    if theirs:
        nearest = max(theirs, key=lambda c: c.span.start)
        if not named and _open_antecedent(ctx, start, end, speaker.party, nearest.span.start):
            return []
        pool = [f for f in pool if f.event == nearest.proposition.event] or pool
        # The frame of that very claim, not a later narration of the same event about others
        # ("Iran said it shot down Israeli jets. ... The strike killed Iranian commanders. Israel
        # denied the claims": Israel denies losing jets).
        p = nearest.proposition
        same = [f for f in pool if f.event == p.event and f.agent == p.agent]
        if not same and (p.event in {f.event for f in pool} or nearest.stance == "deny"):
            same = [
                FrameHit(p.event, p.agent, p.place, Hit(nearest.span.start, nearest.span.end, p.event, ""))
            ]
        pool = same + [f for f in pool if f not in same]
    return pool
