"""Polarity and modality of a frame, within the trigger's clause: negation ("tidak ada satu pun",
"no signs of"), speculation ("akan", "if", "whether"), and what a figure with it counts."""

from __future__ import annotations

from dataclasses import replace

from streams.core.clauses import has_clause_break
from streams.core.frame import IMPLICIT
from streams.core.matching import Hit
from streams.core.roles import killing_verb
from streams.core.scope import TriggerReading
from streams.core.tokens import STOPS


def read_polarity(t: TriggerReading) -> None:
    _negation(t)
    _negated_presence(t)
    _negated_troops(t)
    if t.frame.negated and _attack_kills(t):
        # "serangan rudal Iran tidak menewaskan siapa pun": the deaths are denied, not the
        # attack, which its own noun tells
        t.frame.cues.append(DESCRIBED)
    _speculation(t)


def _negation(t: TriggerReading) -> None:
    ctx, trig, frame = t.ctx, t.trig, t.frame
    lack = _evidence_lacking(t)
    if lack is not None:
        # "said it had seen no evidence that troops were in Tigray": read like "no signs of" (a
        # denial), however far "that" moved the start of what was said
        frame.negated = True
        frame.cues.append(f"negation:{lack.text}")
        return
    # Past the trigger: the longest negator may swallow it ("tidak ada satu pun" holds "ada").
    for neg in ctx.doc.find(ctx.pack.negators, t.clause_lo, min(t.scope.end, trig.end + 40)):
        # (a negated subject may carry its noun phrase: "none of the nationals of Pakistan were")
        reach = 7 if ctx.pack.words("subject_negators").key_of(neg.text) is not None else 4
        if neg.end < trig.start and _unseen_between(t, neg.end, trig.start):
            # "we have not yet seen them engage in combat": an observation missing, neither
            # affirmed nor denied
            frame.uncertain = True
            frame.cues.append(UNSEEN)
            return
        if trig.text.startswith(IMPLICIT) and neg.end < trig.start and _another_word_governs(t, neg):
            # "Israel did not warn the command of Russian forces in Syria": a presence told by a
            # phrase is negated only right before it ("no troops in"); a negator further back
            # bears on another verb
            continue
        near = neg.end >= trig.start or ctx.words(neg.end, trig.start) <= reach or _negated_link(t, neg)
        if neg.start < trig.start and near:
            if t.spec.id == "attack" and _deaths_between(t, neg.end, trig.start):
                continue
            if neg.end < trig.start and _relative_between(t, neg.end, trig.start):
                # "not involved in the blast which killed hundreds": the relative clause describes
                # what the denial is about; it is neither denied nor asserted by the speaker
                frame.cues.append(DESCRIBED)
                return
            frame.negated = True
            frame.cues.append(f"negation:{neg.text}")


def _another_word_governs(t: TriggerReading, neg: Hit) -> bool:
    """Between a negator and a phrase-told presence stands a word of its own (a verb, a noun)
    other than determiners and names: "did not warn the command of Russian forces in Syria"."""
    ctx = t.ctx
    dets = ctx.pack.words("noun_determiners")
    gap = ctx.doc.word_list(neg.end, t.trig.start)
    return any(w[:1].islower() and dets.key_of(w) is None for w in gap)


def _evidence_lacking(t: TriggerReading) -> Hit | None:
    """ "no evidence that", "tidak ada bukti bahwa" shortly before the trigger, in its sentence."""
    ctx, trig = t.ctx, t.trig
    lack = ctx.doc.last(ctx.pack.evidence_negators, max(ctx.sentence.start, trig.start - 80), trig.start)
    if lack is None or ctx.words(lack.end, trig.start) > 6 or STOPS.search(ctx.text, lack.end, trig.start):
        return None
    return lack


def _negated_link(t: TriggerReading, neg: Hit) -> bool:
    """ "had nothing to do with the drone attack": the negation bears on the speaker's part in the
    act (a blame link right after it), however many modifiers the act's noun carries."""
    ctx = t.ctx
    link = ctx.doc.first(ctx.pack.words("blame_links"), neg.end, t.trig.start)
    return (
        link is not None
        and ctx.words(neg.end, link.start) <= 1
        and ctx.words(link.end, t.trig.start) <= 4
        and not has_clause_break(ctx, link.end, t.trig.start)
    )


DESCRIBED = "described-under-negation"
UNSEEN = "unseen"


def _unseen_between(t: TriggerReading, lo: int, hi: int) -> bool:
    """A perception verb right after the negator governs the trigger a few words on."""
    ctx = t.ctx
    seen = ctx.doc.first(ctx.pack.words("perception_triggers"), lo, hi)
    return (
        seen is not None
        and ctx.words(lo, seen.start) <= 2
        and ctx.words(seen.end, hi) <= 7
        and not has_clause_break(ctx, seen.end, hi)  # "not seen near X because many were wounded"
    )


def _attack_kills(t: TriggerReading) -> bool:
    """A killing verb whose subject is an attack noun ("serangan rudal Iran tidak menewaskan")."""
    if t.spec.id != "attack" or not killing_verb(t):
        return False
    ctx, trig = t.ctx, t.trig
    before = [h for h in ctx.mentions.triggers(t.clause_lo, trig.start) if h.end <= trig.start]
    attacks = [h for h in before if "attack" in h.key.split("|") and not killing_verb(replace(t, trig=h))]
    return bool(attacks) and ctx.words(attacks[-1].end, trig.start) <= 4


def _deaths_between(t: TriggerReading, lo: int, hi: int) -> bool:
    """ "no Americans were killed in the Iranian strike": the negator denies the deaths, not
    the attack they would have died in."""
    return any("casualties" in h.key.split("|") for h in t.ctx.mentions.triggers(lo, hi) if h.end <= hi)


def _relative_between(t: TriggerReading, lo: int, hi: int) -> bool:
    """A relative clause on another event the negator holds ("not involved in the blast which");
    not one on a noun it counts ("no soldiers who were wounded")."""
    relatives = t.ctx.pack.glue.relatives
    if not any(w.casefold() in relatives for w in t.ctx.doc.word_list(lo, hi)):
        return False
    ctx = t.ctx
    if any(h.end <= hi for h in ctx.mentions.triggers(lo, hi)):
        return True
    nouns = ("involvement_nouns", "incident_nouns")
    return any(ctx.doc.first(ctx.pack.words(name), lo, hi) for name in nouns)


def _negated_presence(t: TriggerReading) -> None:
    """ "North Korean troops are not in Kursk": a presence read without a verb is negated by a
    negator between the troops and the place."""
    ctx, trig, frame = t.ctx, t.trig, t.frame
    if frame.negated or not trig.text.startswith(IMPLICIT):
        return
    prep = ctx.doc.first(ctx.pack.locative_preps, trig.end, min(t.scope.end, trig.end + 50))
    neg = ctx.doc.first(ctx.pack.negators, trig.end, prep.start) if prep is not None else None
    if neg is not None:
        frame.negated = True
        frame.cues.append(f"negation:{neg.text}")


def _negated_troops(t: TriggerReading) -> None:
    """ "tidak ada tentara Korea Utara yang dikirim", "sent no troops": the troops are negated."""
    ctx, frame = t.ctx, t.frame
    for np in t.scope.troops:
        if t.trig.end <= np.start and ctx.words(t.trig.end, np.start) <= 3 and not frame.negated:
            # "had seen no Somali troops", "sent no soldiers": the object is negated
            neg = ctx.doc.first(ctx.pack.negators, t.trig.end, np.start)
            if neg is not None and not (t.spec.id == "attack" and _deaths_between(t, t.trig.end, np.start)):
                frame.negated = True
                frame.cues.append(f"negation:{neg.text}")
            continue
        if not t.clause_lo <= np.start < t.trig.end:
            continue
        if t.spec.id == "attack" and _deaths_between(t, np.end, t.trig.start):
            continue  # the negated troops are the dead
        # Parentheses end a clause elsewhere, not an owner's name ("no Air Force (IAF) jets").
        lo = (
            max(t.scope.start, np.start - 45)
            if ctx.text[max(0, np.start - 2) : np.start].strip() == ")"
            else t.clause_lo
        )
        neg = ctx.doc.last(ctx.pack.negators, max(lo, np.start - 45), np.start)
        if neg is None or frame.negated:
            continue
        gap_words = ctx.doc.word_list(neg.end, np.start)
        # "no Indian Air Force (IAF) aircraft": a name (and its acronym) owns the noun.
        owner_only = all(w[:1].isupper() for w in gap_words) and len(gap_words) <= 5
        if len(gap_words) <= 1 or owner_only:
            frame.negated = True
            frame.cues.append(f"negation:{neg.text}")


def _speculation(t: TriggerReading) -> None:
    ctx, trig, frame = t.ctx, t.trig, t.frame
    glue = ctx.pack.glue
    # "may have been involved": a hedge on a past act, not a hypothetical ("may" alone is)
    hedged = ctx.doc.find(ctx.pack.hedges, t.clause_lo, trig.start)
    for spc in ctx.doc.find(ctx.pack.speculative, t.clause_lo, trig.start):
        if any(h.start <= spc.start and spc.end <= h.end and h.end > spc.end for h in hedged):
            continue
        if spc.key in glue.uncertain:
            frame.uncertain = True
        frame.speculative = True
        frame.cues.append(f"speculative:{spc.text}")
    # A nominal or gerund trigger as the subject of a modal: "supplying weapons to Ukraine would
    # destroy relations", "pengiriman senjata akan ..." is a hypothetical, not a report.
    gerund = trig.text.casefold().endswith(glue.gerund_suffixes)
    if not frame.speculative and (t.nominal() or gerund):
        for spc in ctx.doc.find(ctx.pack.speculative, trig.end, t.clause_hi):
            if spc.key in glue.modals and ctx.words(trig.end, spc.start) <= 8:
                frame.speculative = True
                frame.cues.append(f"speculative:{spc.text}")
                break
    # A conditional anywhere before the trigger in the content ("if they enter ...").
    if not frame.speculative:
        for spc in ctx.doc.find(ctx.pack.speculative, t.scope.start, t.clause_lo):
            if spc.key in glue.conditionals:
                frame.speculative = True
                frame.cues.append(f"speculative:{spc.text}")


def read_measure(t: TriggerReading) -> None:
    """The measure named at the trigger ("killed and wounded" as one phrase), else the nearest:
    in "400 killed and more than 1,000 wounded" the first figure counts the killed."""
    if not t.spec.measures:
        t.frame.measure = t.spec.measure
        return
    trig = t.trig
    hits = t.ctx.mentions.measures(t.window_start, t.window_end)
    at_trigger = [h for h in hits if h.start < trig.end and trig.start < h.end]
    best: Hit | None
    if at_trigger:
        best = max(at_trigger, key=lambda h: len(h.text))
    else:
        best = min(hits, key=lambda h: abs(h.start - trig.start), default=None)
    t.frame.measure = best.key if best else t.spec.measure
