"""Step 7: claims built from an attribution — one per frame and speaker, with its stance,
modality, figure, event time, quote span and confidence."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from schemas import Claim, Span, Speaker
from streams.core.attribution import Attribution
from streams.core.context import Reader
from streams.core.discourse import SpeakerRef
from streams.core.downings import one_side_of_a_downing
from streams.core.figures import bind_quantity
from streams.core.frame import EACH_OTHER, FrameHit
from streams.core.matching import Hit
from streams.core.names import in_name
from streams.core.open_claims import open_frame
from streams.core.propositions import (
    OPEN,
    OWNER_ASSUMED,
    SPEAKER_AGENT,
    SPEAKER_RECALLED,
    make_proposition,
    open_proposition,
)
from streams.core.quantities import NumberMention
from streams.core.references import claim_owner_ref
from streams.core.timeexpr import TimeMention


@dataclass(slots=True)
class Statement:
    """What holds for every claim of one speaker's attribution."""

    attr: Attribution
    spk: SpeakerRef
    base: str  # the cue's stance
    deny_marker: Hit | None
    denial_noun: Hit | None  # "bantahan", "the denial": what a deny marker may dismiss
    hedge: Hit | None
    inner: list[Hit]  # "said it did not deny": a denial or non-answer inside the content
    numbers: list[NumberMention]
    event_time: datetime
    recap: Hit | None
    span: Span
    claim_noun_first: bool = False  # the content opens on a claim noun: "the reports ... are lies"
    claim_noun_near: bool = False  # a claim noun right before the denial word: "the claim is false"
    reports_of: int | None = None  # where "reports of/about ..." opens in the content


def claims_of(ctx: Reader, attr: Attribution) -> list[Claim]:
    if attr.speaker is None:
        return []
    frames = attr.frames or open_frame(ctx, attr)
    out: list[Claim] = _owner_claims(ctx, attr)
    for spk in (attr.speaker, *attr.co_speakers):
        if ctx.gaz.is_media(spk.actor_id) or (spk.actor_id is None and spk.role == "media"):
            continue  # an outlet reports claims, it does not make them ("TASS reported", "kantor berita X")
        st = _statement(ctx, attr, spk)
        tolls, kept = 0, 0
        # (a denial keeps both readings of a downing, but for the shooter's own: downings.py)
        denied = attr.cue.kind == "deny" or st.deny_marker is not None  # ("... are false")
        told = one_side_of_a_downing(frames, spk.party, denied=denied)
        for frame in told:
            if frame.speculative and not frame.uncertain:
                continue
            if frame.agent == EACH_OTHER:
                other = _the_other(attr, spk, frame)
                if other is None:
                    continue
                frame = other
            elif spk is not attr.speaker and _speakers_themselves(ctx, attr, frame):
                frame = replace(frame, agent=spk.party)  # "US and British militaries said they struck"
            if attr.cue.kind == "accuse" and spk.party is not None and frame.agent == spk.party:
                continue  # a party does not accuse itself: the speaker was misread
            claim = _claim(ctx, st, frame)
            if claim.stance == "deny" and _toll_told(ctx, frame):
                tolls += 1
                continue  # "denied that al-Shabaab killed dozens of soldiers": the toll, not the attack
            kept += 1
            out.append(claim)
            if spk.party and frame.event != OPEN:
                ctx.remember_claim(spk.party, claim)
            elif spk.party and claim.stance != "noncommittal" and not claim.in_title:
                ctx.state.open_at[spk.party] = (claim.span.start, claim.stance == "deny")
        if tolls and not kept:
            # the toll denied is still what the speaker said: an open claim, never an alert
            out += [_claim(ctx, st, frame) for frame in open_frame(ctx, attr)]
    return out


def _toll_told(ctx: Reader, frame: FrameHit) -> bool:
    """An attack read from a killing verb with a count after it ("killed dozens of soldiers",
    "menewaskan 50 tentara"): denying it disputes the dead, not that the attack took place."""
    trig = frame.trigger
    if (
        frame.event != "attack"
        or ctx.doc.first(ctx.pack.words("killing_verbs"), trig.start, trig.end) is None
    ):
        return False
    hi = min(len(ctx.text), trig.end + 30)
    counts = ctx.doc.numbers_between(trig.end, hi)
    vague = ctx.doc.first(ctx.pack.words("vague_counts"), trig.end, hi)  # "killed 'many militants'"
    return any(c is not None and ctx.words(trig.end, c.start) <= 1 for c in [*counts[:1], vague])


def _owner_claims(ctx: Reader, attr: Attribution) -> list[Claim]:
    """ "Kyiv rejected Moscow's claim that Ukrainian drones hit the plant": Moscow's claim, recapped
    (its own alert was due when it was made), stands before the denial that answers it."""
    owner = claim_owner_ref(ctx, attr.cue, attr.content)
    if owner is None or owner.party == (attr.speaker.party if attr.speaker else None):
        return []
    out: list[Claim] = []
    st = replace(
        _statement(ctx, attr, owner), base="affirm", deny_marker=None, denial_noun=None, inner=[], hedge=None
    )
    st.recap = st.recap or Hit(owner.end, owner.end, "claim-of", "claim-of")
    limit = _owners_clause_end(ctx, owner, attr.content[1])
    for frame in attr.frames:
        if frame.event == OPEN or frame.agent == EACH_OTHER or not _owners_agent(ctx, attr, frame, owner):
            continue
        if frame.speculative or _referred(frame) or not owner.end <= frame.trigger.start < limit:
            continue
        claim = _claim(ctx, st, frame)
        out.append(claim)
        ctx.remember_claim(owner.party or "", claim)
    return out


# Agents read from the owner's clause itself; one defaulted to the owner would make it claim its own act.
_OWN_AGENT = frozenset({"explicit", "sender", "pronoun"})


def _owners_clause_end(ctx: Reader, owner: SpeakerRef, end: int) -> int:
    """The owner's claim ends with its sentence, or where the speaker's verdict on it starts:
    "Pernyataan militer Rusia bahwa P tidak sesuai dengan kenyataan. Q", only P is Russia's."""
    sent_end = next((s.end for s in ctx.doc.overlapping(owner.start, owner.end)), end)
    verdict = _deny_marker(ctx, owner.end, min(end, sent_end))
    return min(sent_end, verdict.start if verdict is not None else end)


def _owners_agent(ctx: Reader, attr: Attribution, frame: FrameHit, owner: SpeakerRef) -> bool:
    """The agent is read from the owner's clause, or is the owner itself for the clause's own
    subject-less verb ("klaim Houthi bahwa kapal induk AS diserang": the Houthis claim the attack);
    not for a noun further on ("..., during an operation of precision strikes")."""
    if frame.agent_by in _OWN_AGENT:
        return True
    return (
        frame.agent_by == "context"
        and frame.agent == owner.party
        and "," not in ctx.text[attr.content[0] : frame.trigger.start]
    )


def _referred(frame: FrameHit) -> bool:
    """A frame taken from what was said before ("rejected Russia's claims"), not from this content."""
    return any(c.startswith(("claim-ref:", "topic:")) for c in frame.cues)


def _speakers_themselves(ctx: Reader, attr: Attribution, frame: FrameHit) -> bool:
    """The agent is the listed speakers themselves: a plural pronoun ("they", "mereka", "we") as
    the verb's subject, read as the first speaker's side; each speaker then speaks of its own act."""
    if attr.speaker is None or frame.agent is None or frame.agent != attr.speaker.party:
        return False
    if _pair_noun(attr) and frame.agent_by != "explicit":
        return True  # "both sides claimed to have destroyed the other's posts": each its own
    lo = max(attr.content[0], frame.trigger.start - 40)
    pron = ctx.doc.last(ctx.pack.pronouns, lo, frame.trigger.start)
    return pron is not None and pron.key == "group" and ctx.words(pron.end, frame.trigger.start) <= 2


def _pair_noun(attr: Attribution) -> bool:
    """The speakers are the two parties one pair noun stands for ("both sides", "kedua negara")."""
    spk = attr.speaker
    return spk is not None and any(
        c.start == spk.start and c.end == spk.end and c.resolved_by == spk.resolved_by == "neighbour"
        for c in attr.co_speakers
    )


def _statement(ctx: Reader, attr: Attribution, spk: SpeakerRef) -> Statement:
    doc, pack, sent = ctx.doc, ctx.pack, ctx.sentence
    cstart, cend = attr.content
    # When the statement was made: a time phrase around the speaker and verb ("Rusia mengatakan dua
    # hari sebelumnya", "said on Monday"), not one inside what was said ("the treaty signed in June").
    times = [t for t in doc.times(sent) if not (cstart <= t.start < cend)]
    return Statement(
        attr=attr,
        spk=spk,
        base=ctx.tuning.cue_stance[attr.cue.kind],
        deny_marker=_deny_marker(ctx, cstart, cend) or _verdict_before(ctx, attr),
        denial_noun=doc.first(pack.denial_nouns, cstart, cend),
        hedge=doc.first(pack.hedges, min(cstart, spk.start), max(cend, attr.cue.end)),
        inner=[
            c
            for c in doc.find(pack.cues_before, cstart, cend)
            if c.key in ("deny", "noncommittal") and not _adjectival(ctx, c, cstart)
        ],
        numbers=[n for n in doc.numbers_between(cstart, cend) if n.unit_hint is None],
        event_time=_nearest_time(times, attr.cue.start, ctx.article.published_at),
        recap=None if times else _recap_marker(ctx, attr, spk),
        span=_evidence_span(ctx, attr, spk),
        **_about_claims(ctx, min(cstart, max(attr.cue.end, cstart - 60)), cstart, cend),
    )


def _adjectival(ctx: Reader, cue: Hit, lo: int) -> bool:
    """ "the disputed waters", "the rejected plan": a participle after a determiner or a
    preposition describes a noun; it denies nothing (lang data `cue_blockers`)."""
    before = ctx.doc.word_list(max(lo, cue.start - 16), cue.start)[-1:]
    word = before[0].casefold() if before else ""
    # ("yang membantah": a relative clause's verb still denies)
    return word in ctx.pack.cue_blockers and word not in ctx.pack.glue.relatives


def _about_claims(ctx: Reader, lead: int, start: int, end: int) -> dict[str, Any]:
    """Whether the content is about a claim ("menyebut tuduhan bahwa ... absurd"): a claim noun
    between the verb and the content, or opening it; or one right before the denial word."""
    marker = _deny_marker(ctx, start, end)
    nouns = [
        *ctx.doc.find(ctx.pack.claim_nouns, lead, end),
        *ctx.doc.find(ctx.pack.content_anaphors, lead, end),
    ]
    first = any(n.start < start or ctx.words(start, n.start) <= 2 for n in nouns)
    about = ctx.pack.words("about_words")
    reports = [
        n.end
        for n in ctx.doc.find(ctx.pack.claim_nouns, start, end)
        if (a := ctx.doc.first(about, n.end, n.end + 12)) is not None and ctx.words(n.end, a.start) == 0
    ]
    near = marker is not None and any(
        n.end <= marker.start and ctx.words(n.end, marker.start) <= 4 for n in nouns
    )
    return {"claim_noun_first": first, "claim_noun_near": near, "reports_of": reports[0] if reports else None}


def _evidence_span(ctx: Reader, attr: Attribution, spk: SpeakerRef) -> Span:
    """What was said, the verb and the speaker when they stand in this sentence ("“…,” kata
    Rutte"; "… dikonfirmasi oleh Mark Rutte")."""
    sent = ctx.sentence
    cstart, cend = attr.content
    in_sentence = (
        spk.resolved_by not in ("neighbour", "label") and sent.start <= spk.start and spk.end <= sent.end
    )
    lo = min(cstart, spk.start if in_sentence else cstart, attr.cue.start if attr.cue.text else cstart)
    hi = max(cend, attr.cue.end, spk.end if in_sentence else cend)
    return Span(start=lo, end=hi)


def _verdict_on(ctx: Reader, st: Statement, frame: FrameHit) -> Hit | None:
    """The denial word that bears on this event: one in the event's own sentence. A quotation may
    run over sentences ("P is not true. Our troops still hold X"): a verdict in one sentence does
    not deny the next."""
    marker = st.deny_marker
    if marker is None or _referred(frame):
        return marker  # a back-reference ("ini", "the reports") stands for the whole statement
    sents = ctx.doc.overlapping(frame.trigger.start, frame.trigger.end)
    if not sents or sents[0].start <= marker.start < sents[0].end:
        return marker
    lo, hi = max(sents[0].start, st.attr.content[0]), min(sents[0].end, st.attr.content[1])
    return _deny_marker(ctx, lo, hi) if lo < hi else None


def _stance(ctx: Reader, st: Statement, frame: FrameHit, cues: list[str]) -> str:
    if frame.uncertain:
        return "noncommittal"
    if st.base != "affirm":
        return st.base
    pre_inner = [
        c for c in st.inner if c.start <= frame.trigger.start or _opens_open_claim(ctx, st, frame, c)
    ]
    if pre_inner:
        cues.append(f"inner:{pre_inner[-1].text}")
        return "deny" if pre_inner[-1].key == "deny" else "noncommittal"
    if (
        st.deny_marker is not None
        and st.denial_noun is not None
        and st.denial_noun.end <= st.deny_marker.start
    ):
        # "Bantahan Korea Utara soal pengiriman itu tidak benar": calling a denial false affirms.
        cues.append(f"denial-dismissed:{st.denial_noun.text}")
        return "affirm"
    verdict = _verdict_on(ctx, st, frame)
    if verdict is not None and _modifies_accused_act(ctx, st, frame, verdict):
        verdict = None  # "accused each other of groundless shelling": the shelling was unprovoked
    if verdict is not None and _dismisses(st, frame, verdict):
        cues.append(f"deny-marker:{verdict.text}")
        return "deny"
    if st.attr.cue.kind in ("say", "report") and _hearsay(st, frame):
        cues.append("reports-of")  # "said it had seen reports of troops": neither affirmed nor denied
        return "noncommittal"
    return "deny" if frame.negated else "affirm"


def _opens_open_claim(ctx: Reader, st: Statement, frame: FrameHit, cue: Hit) -> bool:
    """ "said it was unaware of any violence", "said he did not know who owned the account": a
    stance verb opening what was said sets the stance of an open claim (its trigger is the verb)."""
    return frame.event == OPEN and ctx.words(st.attr.content[0], cue.start) <= 3


def _the_other(attr: Attribution, spk: SpeakerRef, frame: FrameHit) -> FrameHit | None:
    """In "A and B accuse each other of X", A says B did X and B says A did."""
    parties = [s.party for s in (attr.speaker, *attr.co_speakers) if s is not None and s.party]
    others = [p for p in parties if p != spk.party]
    if len(parties) != 2 or len(others) != 1:
        return None
    return replace(frame, agent=others[0], agent_by="explicit")


def _verdict_before(ctx: Reader, attr: Attribution) -> Hit | None:
    """ "called 'fake news' reports that P", "menyebut hoaks kabar bahwa P": the verdict stands
    between the verb and the claim noun that opens what it is about."""
    lo, hi = attr.cue.end, attr.content[0]
    if not lo < hi <= lo + 60:
        return None
    marker = _deny_marker(ctx, lo, hi)
    if marker is None:
        return None
    noun = ctx.doc.first(ctx.pack.claim_nouns, marker.end, hi)
    return marker if noun is not None and ctx.words(marker.end, noun.start) <= 2 else None


def _deny_marker(ctx: Reader, start: int, end: int) -> Hit | None:
    """The first denial word of the content that is not part of a name ("Centre for Countering
    Disinformation", "Pusat Penanggulangan Disinformasi")."""
    for h in ctx.doc.find(ctx.pack.deny_markers, start, end):
        if not in_name(ctx, h):
            return h
    return None


def _modifies_accused_act(ctx: Reader, st: Statement, frame: FrameHit, marker: Hit) -> bool:
    """In an accusation a denial word right before the act ("accused X of groundless shelling")
    qualifies the act blamed; it dismisses nothing."""
    return (
        st.attr.cue.kind == "accuse"
        and marker.end <= frame.trigger.start
        and ctx.words(marker.end, frame.trigger.start) == 0
    )


def _hearsay(st: Statement, frame: FrameHit) -> bool:
    """The event stands inside "reports of/about ..." the speaker mentions, not asserts."""
    return st.reports_of is not None and st.reports_of < frame.trigger.start


def _dismisses(st: Statement, frame: FrameHit, marker: Hit) -> bool:
    """A denial word before the event ("fake news that troops were sent") dismisses it; one after
    it only when what was said is about a claim ("the reports of troops in Kursk are lies"), not
    when it describes a thing in the event ("given uniforms and fake identity papers")."""
    if marker.start <= frame.trigger.start or st.claim_noun_first:
        return True
    return st.claim_noun_near


def _claim(ctx: Reader, st: Statement, frame: FrameHit) -> Claim:
    attr, spk, article, gaz = st.attr, st.spk, ctx.article, ctx.gaz
    cues = [f"cue:{attr.cue.text or attr.cue.side}", *frame.cues]
    if st.recap is not None:
        cues.append(f"recap:{st.recap.text}")
    if frame.agent_by in ("speaker", "assumed"):
        cues.append(SPEAKER_AGENT)  # the agent is the speaker's side by default: never alerts
    if frame.agent_by == "assumed":
        cues.append(OWNER_ASSUMED)
    if (spk.start, spk.end) in ctx.state.recalled:
        cues.append(SPEAKER_RECALLED)
    stance = _stance(ctx, st, frame, cues)
    hedged = st.hedge is not None or attr.cue.kind in ctx.tuning.hedged_cues
    if st.hedge is not None:
        cues.append(f"hedge:{st.hedge.text}")
    if frame.event == OPEN:
        cstart, cend = attr.content
        prop = open_proposition(ctx.text[cstart:cend], frame.agent, frame.place)
    else:
        prop = make_proposition(frame.event, frame.agent, frame.place, gaz, frame.patient)
    return Claim(
        id=claim_id(article.id, st.span, prop.id, spk.actor_id or spk.text),
        article_id=article.id,
        outlet=article.outlet,
        via=article.via,
        language=ctx.doc.language,
        speaker=Speaker(
            text=spk.text,
            actor_id=spk.actor_id,
            actor_label=gaz.actors[spk.actor_id].label if spk.actor_id else None,
            party=spk.party,
            role=spk.role,
            resolved_by=spk.resolved_by,
        ),
        proposition=prop,
        stance=stance,
        modality="hedged" if hedged else "asserted",
        quantity=bind_quantity(ctx, st.numbers, frame, attr.frames) if frame.event != OPEN else None,
        place=frame.place,
        patient=frame.patient,
        event_time=st.event_time,
        published_at=article.published_at,
        quote=ctx.text[st.span.start : st.span.end],
        span=st.span,
        confidence=_confidence(ctx, spk, frame, hedged),
        syndicated_from=article.syndicated_from,
        cues=cues,
        url=article.url,
        title=article.title,
    )


def _confidence(ctx: Reader, spk: SpeakerRef, frame: FrameHit, hedged: bool) -> float:
    conf = ctx.tuning.confidence
    value = conf.base
    if spk.resolved_by in ("pronoun", "role"):
        value -= conf.penalty(f"speaker_by_{spk.resolved_by}")
    if spk.resolved_by == "neighbour":
        value -= conf.penalty("speaker_by_neighbour")
    if spk.actor_id is None:
        value -= conf.penalty("speaker_unknown")
    if frame.agent_by == "context":
        value -= conf.penalty("agent_from_context")
    if frame.place_by == "context":
        value -= conf.penalty("place_from_context")
    if hedged:
        value -= conf.penalty("hedged")
    return round(max(conf.floor, min(1.0, value)), 2)


def claim_id(article_id: str, span: Span, pid: str, speaker: str) -> str:
    raw = f"{article_id}|{span.start}|{span.end}|{pid}|{speaker}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


def _recap_marker(ctx: Reader, attr: Attribution, spk: SpeakerRef) -> Hit | None:
    """A recap marker by the speaker and verb ("Moskow sebelumnya menepis", "had earlier denied"),
    or opening the sentence ("Sebelumnya, ..."), outside what was said."""
    sent, cue = ctx.sentence, attr.cue
    cstart, cend = attr.content
    hi = max(cue.end, spk.end if sent.start <= spk.start < sent.end else cue.end)
    for h in ctx.doc.find(ctx.pack.recap_markers, sent.start, min(hi + 1, sent.end)):
        if cstart <= h.start < cend or (attr.cue.start <= h.start < attr.cue.end):
            continue  # inside what was said, or part of the verb ("is once again denying": a new denial)
        near_verb = ctx.words(h.end, cue.start) <= 2 or ctx.words(cue.end, h.start) <= 1
        if near_verb or ctx.words(sent.start, h.start) == 0:
            return h
    return None


def _nearest_time(times: list[TimeMention], pos: int, default: datetime) -> datetime:
    if not times:
        return default
    return min(times, key=lambda t: abs(t.start - pos)).when
