"""The agent slot of a frame: whose troops ("tentara Korea Utara", "their units"), who sent them
("Kim telah mengirim pasukan"), who took a place; else the troops earlier sentences named."""

from __future__ import annotations

import re

from streams.core.bases import base_holder, is_post
from streams.core.clauses import has_clause_break
from streams.core.compose import names_people
from streams.core.context import Reader
from streams.core.frame import TroopNP
from streams.core.home import is_state
from streams.core.matching import Hit, PhraseMatcher
from streams.core.scope import TriggerReading, is_noun
from streams.core.tokens import STOPS
from streams.core.troops import is_target
from streams.core.victims import speakers_own_dead, victims_named

_SENTENCE_MARK = re.compile(r"[;:.!?](?:\s|$)")
# Whose troops a later frame means, from any troop frame: fighting implies being there, and
# casualties are of troops that were there.
_TROOP_EVENTS = ("troops_deployed", "troops_in_combat", "casualties")


def fill_agent(t: TriggerReading) -> bool:
    """Set the frame's agent; False when the frame has none it could hold."""
    spec, frame = t.spec, t.frame
    if spec.agent not in ("troops", "subject"):
        return True  # "fighting continues in Kursk": no one's
    if spec.id == "weapons_supplied" and _received(t):
        return frame.agent is not None
    _agent_from_troops(t)
    if frame.agent is None and spec.id == "troops_deployed" and base_holder(t):
        return True  # "Hamas memiliki pusat komando di bawah RS": its forces are there
    if frame.agent is None and t.nominal():
        _owner_of_nominal(t)  # "a North Korean deployment", "pengerahan Korea Utara"
    if frame.agent is None and (not (spec.victim_after_active and not t.passive()) or _loss_verb(t)):
        # (The subject of an active "killed" is the killer, never the one whose people died; the
        # subject of "lost" is the one who lost them.)
        objects = t.objects() if spec.agent == "subject" else None
        frame.agent, frame.agent_by = sender(t.ctx, t.scope.start, t.trig, t.scope.speaker_party, objects)
    accused = t.scope.claim_owner is not None and t.scope.claim_owner != t.scope.speaker_party
    if (
        frame.agent is None
        and spec.agent == "troops"
        and t.scope.claim_owner is not None
        and not _own_kill(t)
    ):
        if accused and spec.victim_after_active:
            return (
                False  # "accuses Hamas of violating the truce after soldiers were killed": not Hamas's dead
            )
        # "accused X of an incursion", "acknowledged the loss of fighter jets": whose, by the verb.
        frame.agent, frame.agent_by = t.scope.claim_owner, "context"
    if frame.agent is None and spec.id == "casualties" and victims_named(t):
        return True  # whose: their nationality word, or (read after the place) where they died
    if frame.agent is None and spec.agent == "troops":
        _agent_from_context(t)
    if frame.agent is None and spec.id == "casualties" and not (_victims_after(t) or _loss_verb(t)):
        if speakers_own_dead(t):
            return True
    if frame.agent is None and spec.agent == "subject" and t.scope.claim_owner is not None:
        frame.agent, frame.agent_by = t.scope.claim_owner, "context"  # "membantah klaim Rusia bahwa ..."
    if frame.agent is None and spec.speaker_default and t.scope.speaker_party is not None:
        frame.agent, frame.agent_by = t.scope.speaker_party, "speaker"  # "Kursk has been retaken"
    if frame.agent is None or _aircraft_sent(t):
        return False
    if (
        spec.agent == "troops"
        and not t.troops_in_window()
        and frame.agent_by in ("sender", "context")
        and not is_post(t)
    ):
        # "Korea Utara mengirim surat": a sender without troops is not a deployment; nor are the
        # "two people" its missiles killed after crossing the border.
        after = t.ctx.doc.find(t.ctx.pack.troop_nouns, t.trig.end, min(t.window_end, t.trig.end + 40))
        strong = [n for n in after if n.text.casefold() not in t.ctx.pack.weak_troop_nouns]
        return bool(strong if spec.id == "troops_deployed" else after)
    return True


def _received(t: TriggerReading) -> bool:
    """ "Rusia menerima pengiriman roket dari Korea Utara", "received a supply of rockets from": a
    verb of receiving before the supply makes its subject the recipient (the place slot) and the
    party after "dari"/"from" the supplier; with none named, no one is."""
    ctx, trig = t.ctx, t.trig
    lo = max(t.scope.start, trig.start - 30)
    verb = ctx.doc.last(ctx.pack.words("receive_verbs"), lo, trig.start + 1)
    if verb is None or ctx.words(verb.end, trig.start) > 2 or STOPS.search(ctx.text, verb.end, trig.start):
        return False
    hi = min(t.scope.end, trig.end + 60)
    origin = ctx.doc.first(ctx.pack.origin_markers, trig.end, hi)
    givers = (
        [h for h in ctx.mentions.owners(origin.end, hi) if ctx.words(origin.end, h.start) <= 1]
        if origin
        else []
    )
    takers = [h for h in ctx.mentions.owners(t.scope.start, verb.start) if ctx.words(h.end, verb.start) <= 1]
    t.frame.agent, t.frame.agent_by = None, "explicit"
    if givers:
        t.frame.agent = ctx.gaz.party_of(givers[0].key)
    if takers:
        taker = ctx.gaz.party_of(takers[-1].key)
        t.frame.place = ctx.gaz.party_place(taker) if taker else None
    return True


def _aircraft_sent(t: TriggerReading) -> bool:
    """ "deployed F-16 jets", "jet tempur F-16 Pakistan": aircraft sent or stationed are no troop
    deployment (their loss is a loss; their sending is not the presence of forces)."""
    if t.spec.id != "troops_deployed":
        return False
    troops = t.troops_in_window()
    ctx = t.ctx
    return bool(troops) and all(ctx.doc.first(ctx.pack.aircraft_troops, np.start, np.end) for np in troops)


def _loss_verb(t: TriggerReading) -> bool:
    """ "Armenia said it had lost 50 soldiers", "kehilangan 50 tentara": whose losses, by the subject."""
    return t.ctx.pack.words("loss_verbs").key_of(t.trig.text) is not None


def _agent_from_troops(t: TriggerReading) -> None:
    """The troop phrase the trigger is about, nearest and in its clause."""
    # "ditembak jatuh oleh (sistem pertahanan udara) militer Rusia": the by-phrase names who did
    # it, never whose losses they were.
    explicit = [
        np
        for np in _explicit_troops(t)
        if not _in_by_phrase(t, np) and not _acting_troops(t, np) and not _owning_the_fire(t, np)
    ]
    near = [np for np in explicit if _close(t, np)]
    chosen = near[0] if near else None
    if t.spec.agent_before:
        before_np = [np for np in near if np.end <= t.trig.start]
        if before_np:
            chosen = before_np[0]
        elif chosen is None and _no_subject_before(t):
            _opposed_side(t)  # "battles with North Korean soldiers": the other side is in combat too
    if t.spec.victim_after_active and not t.passive():
        # "Ukrainian forces captured two North Korean soldiers": the victims follow the verb.
        # "shot down or damaged Indian Air Force (IAF) aircraft": a verb and a name may intervene.
        after_np = [
            np
            for np in explicit
            if np.start >= t.trig.end
            and t.ctx.words(t.trig.end, np.start) <= 7
            and not STOPS.search(t.ctx.text, t.trig.end, np.start)
        ]
        if after_np:
            chosen = after_np[0]
        elif _victims_after(t) or _object_follows(t):
            # "pasukannya menewaskan 20 tentara", "Russian forces destroyed everything": the
            # troops before the verb did it; what they destroyed is no one's named losses.
            return
    if chosen is None:
        # A subject separated by a relative clause: "tentara Korea Utara, yang ..., telah tiba".
        chosen = next((np for np in explicit if np.end <= t.trig.start), None)
    if t.spec.agent == "subject" and _helped(t, chosen):
        return  # "tentara Korea Utara membantu Rusia merebut kembali Kursk": Russia retook it
    if chosen is not None:
        _take_troops(t, chosen)


def _acting_troops(t: TriggerReading, np: TroopNP) -> bool:
    """ "104 orang tewas setelah tentara Israel menembaki warga", "... after Israeli troops opened
    fire": troops an active act of force follows are the ones who struck, not the dead."""
    if t.spec.id != "casualties" or np.start <= t.trig.start < np.end:
        return False
    ctx = t.ctx
    nxt = next(iter(ctx.mentions.triggers(np.end, min(len(ctx.text), np.end + 30))), None)
    if nxt is None or "attack" not in nxt.key.split("|") or ctx.words(np.end, nxt.start) > 1:
        return False
    if nxt.start < t.trig.end and t.trig.start < nxt.end:
        return False  # ("49 Armenian soldiers killed": the loss's own verb)
    if ctx.doc.first(ctx.pack.words("passive_auxiliaries"), np.end, nxt.end) is not None:
        return False  # "Israeli troops were attacked": the ones struck
    return not ctx.text[nxt.start : nxt.end].casefold().startswith(ctx.pack.passive_prefixes or ("\0",))


def _owning_the_fire(t: TriggerReading, np: TroopNP) -> bool:
    """ "tewas akibat tembakan pasukan Yunani", "tewas ditembak tentara Yunani": troops right after
    an act of force that follows the deaths are the ones who struck, not the dead."""
    if t.spec.id != "casualties" or np.start < t.trig.end:
        return False
    ctx = t.ctx
    acts = [h for h in ctx.mentions.triggers(t.trig.end, np.start) if "attack" in h.key.split("|")]
    if not acts or ctx.words(acts[-1].end, np.start) > 1 or STOPS.search(ctx.text, t.trig.end, np.start):
        return False
    # (a noun or a passive verb the troops own; an active verb's troops are its victims:
    # "menangkap dan mengeksekusi tujuh tentara Sudan")
    act = acts[-1].text.split()[0]
    return is_noun(ctx.pack, act) or act.casefold().startswith(ctx.pack.passive_prefixes or ("\0",))


def _in_by_phrase(t: TriggerReading, np: TroopNP) -> bool:
    """Troops named as who did it: after "by"/"oleh", or right after a passive verb, where
    Indonesian may leave "oleh" out ("ditangkap personel militer Ukraina")."""
    if t.spec.id != "casualties" or np.start < t.trig.end:
        return False
    ctx = t.ctx
    if t.passive() and ctx.words(t.trig.end, np.start) == 0:
        return True
    marker = ctx.doc.first(ctx.pack.words("agent_markers"), t.trig.end, np.start)
    return (
        marker is not None
        and ctx.words(marker.end, np.start) <= 5
        and not STOPS.search(ctx.text, t.trig.end, np.start)
    )


def _victims_after(t: TriggerReading) -> bool:
    """People of no named side right after an active casualty verb ("killed 20 soldiers", "killed
    12 civilians", "menembak jatuh dua jet tempur"): the verb is transitive, its subject is not the
    victim."""
    ctx, trig = t.ctx, t.trig
    hi = min(t.window_end, trig.end + 50)
    matchers = (ctx.pack.troop_nouns, ctx.pack.words("aircraft_nouns"), ctx.pack.words("victim_nouns"))
    hits = [ctx.doc.first(m, trig.end, hi) for m in matchers]
    # "shot down the plane": an aircraft after the verb is what was lost, as troops would be
    hit = min((h for h in hits if h is not None), key=lambda h: h.start, default=None)
    if hit is None or STOPS.search(ctx.text, trig.end, hit.start):
        return False
    figures = ctx.doc.numbers_between(trig.end, hit.start)  # ("at least 12": no place's "at")
    for marks in (ctx.pack.opponent_markers, ctx.pack.locative_preps, ctx.pack.words("circumstance_preps")):
        mark = ctx.doc.first(marks, trig.end, hit.start)
        if mark is not None and not any(n.start <= mark.start < n.end for n in figures):
            return False  # "tewas dalam pertempuran melawan pasukan Ukraina": not its object
    bound = sum(ctx.words(n.start, n.end) - 1 for n in figures)  # "at least 12" counts as one word
    return ctx.words(trig.end, hit.start) - bound <= 3


def _object_follows(t: TriggerReading) -> bool:
    """The active verb has an object right after it ("destroyed everything", "menghancurkan
    semua"): its subject is the doer, not the one who lost something."""
    ctx = t.ctx
    nxt = ctx.pack.glue.next_word.match(ctx.text, t.trig.end, min(t.window_end, t.trig.end + 30))
    if nxt is None or ctx.text[t.trig.end : nxt.start(1)].strip():
        return False
    return ctx.pack.words("object_openers").key_of(nxt.group(1)) is not None


def _helped(t: TriggerReading, chosen: TroopNP | None) -> bool:
    """A party right before the verb, nearer than the troops: the one who does it."""
    ctx, trig = t.ctx, t.trig
    before = [h for h in ctx.mentions.owners(max(t.scope.start, trig.start - 30), trig.start)]
    if not before or (chosen is not None and chosen.end > before[-1].start):
        return False
    last = before[-1]
    if ctx.words(last.end, trig.start) > 0 or STOPS.search(ctx.text, last.end, trig.start):
        return False
    party = ctx.gaz.party_of(last.key)
    if party is None:
        return False
    t.frame.agent, t.frame.agent_by = party, "explicit"
    t.agent_span.append((last.start, last.end))
    return True


def _explicit_troops(t: TriggerReading) -> list[TroopNP]:
    """Troop phrases near the trigger with an owner (or a possessive), nearest first."""
    ctx, trig = t.ctx, t.trig
    candidates = [np for np in t.troops_in_window() if not is_target(ctx, np.start) and not _supported(t, np)]
    if t.spec.agent == "subject":
        # Who took the place is the subject before the verb, or the "oleh/by" phrase after a
        # passive; troops after it ("cleared of Ukrainian forces") are the ones expelled.
        by_agent = [
            np for np in t.scope.troops if np.start >= trig.end and _after_agent_marker(ctx, np.start)
        ]
        candidates = [np for np in candidates if np.end <= trig.start] + by_agent
    explicit = [np for np in candidates if np.party is not None or np.possessive]
    explicit.sort(key=lambda np: min(abs(np.start - trig.end), abs(trig.start - np.end)))
    return explicit


def _supported(t: TriggerReading, np: TroopNP) -> bool:
    """ "mengerahkan 10.000 tentara untuk mendukung pasukan Rusia", "sent troops to help Russian
    forces": troops after a verb of support are the side helped, not the ones sent."""
    if np.start < t.trig.end:
        return False
    verb = t.ctx.doc.last(t.ctx.pack.words("support_verbs"), t.trig.end, np.start)
    return verb is not None and t.ctx.words(verb.end, np.start) <= 1


def _close(t: TriggerReading, np: TroopNP) -> bool:
    lo, hi = min(np.end, t.trig.end), max(np.start, t.trig.start)
    if _SENTENCE_MARK.search(t.ctx.text, lo, hi):
        return False  # "... killed in action. No US forces were harmed": another sentence's troops
    return not has_clause_break(t.ctx, lo, hi) or t.ctx.words(lo, hi) <= 4


def _no_subject_before(t: TriggerReading) -> bool:
    """No owned troops before the trigger, and no "they" ("mereka terlibat dalam operasi tempur
    melawan X": they = the troops)."""
    start, trig = t.scope.start, t.trig
    if any(np.party and start <= np.start < trig.start for np in t.scope.troops):
        return False
    return _group_pronoun_before(t.ctx, max(start, trig.start - 40), trig.start) is None


def _group_pronoun_before(ctx: Reader, lo: int, hi: int) -> Hit | None:
    """The last "they" / "mereka" (or "them" as a verb's subject: "seen them engage") in [lo, hi)."""
    found = [h for h in ctx.doc.find(ctx.pack.pronouns, lo, hi) if h.key == "group"]
    found += ctx.doc.find(ctx.pack.words("subject_object_pronouns"), lo, hi)
    return max(found, key=lambda h: h.start, default=None)


def _opposed_side(t: TriggerReading) -> None:
    """ "battles with North Korean soldiers", "attacked North Korean troops": the side fought
    against is in combat too."""
    ctx, trig = t.ctx, t.trig
    for np in t.scope.troops:
        if (
            np.start < trig.end
            or ctx.words(trig.end, np.start) > 4
            or has_clause_break(ctx, trig.end, np.start)
            or not _opposed_gap(t, np.start)
        ):
            continue
        # A target's owner is not kept on the noun phrase; read it here.
        owner = np.party or next(
            (
                ctx.gaz.party_of(d.key)
                for d in ctx.mentions.demonyms(max(trig.end, np.start - 30), np.start)
                if ctx.words(d.end, np.start) <= 1
            ),
            None,
        )
        if owner is not None:
            t.frame.agent, t.frame.agent_by = owner, "explicit"
            t.agent_span.append((np.start, np.end))
            return


def _opposed_gap(t: TriggerReading, np_start: int) -> bool:
    """ "against X", "battles with X" name the other side; "alongside X", "fought with X" an ally."""
    ctx, trig = t.ctx, t.trig
    if ctx.doc.first(ctx.pack.ally_markers, trig.end, np_start) is not None:
        return False
    # From the trigger's start: the preposition may be part of it ("clashes with").
    marker = ctx.doc.first(ctx.pack.opponent_markers, trig.start, np_start)
    if marker is None:
        return False
    if marker.key in ctx.pack.opponent_if_noun:
        words = trig.text.casefold().split()
        return t.nominal() or any(n in words for n in ctx.pack.combat_nouns)
    return True


def _take_troops(t: TriggerReading, chosen: TroopNP) -> None:
    frame, trig = t.frame, t.trig
    if chosen.party and _irregulars_sent(t, chosen):
        return
    if chosen.party:
        frame.agent, frame.agent_by = chosen.party, "explicit"
        frame.extra_agents = [p for p in chosen.co_parties if p not in frame.extra_agents]
    else:
        # "unit militernya" / "their units": whose? The owner named just before, if any.
        start = t.scope.start
        earlier = [np for np in t.scope.troops if np.party and np.end <= chosen.start and start <= np.start]
        subject = None
        if chosen.start >= trig.end:
            subject = sender(t.ctx, start, trig, None, t.ctx.pack.troop_nouns_possessive)[0]
        victims_of_other = (
            subject is not None and t.spec.id == "casualties" and t.scope.speaker_party not in (None, subject)
        )
        if earlier:
            frame.agent, frame.agent_by = earlier[-1].party, "explicit"
        elif victims_of_other:
            # "Pakistan said India had killed two of its soldiers": the killer does not own the
            # dead; "its" points at the speaker.
            frame.agent, frame.agent_by = t.scope.speaker_party, "pronoun"
        elif subject is not None:
            # "Korea Utara telah memindahkan 10.000 tentaranya": the verb's subject owns them.
            frame.agent, frame.agent_by = subject, "sender"
        else:
            # "its troops": the pronoun points at the speaker; bare "troops": the speaker's by default.
            frame.agent, frame.agent_by = t.scope.speaker_party, "pronoun" if chosen.possessive else "speaker"
    t.agent_span.append((chosen.start, max(chosen.end, chosen.owner_end)))


def _irregulars_sent(t: TriggerReading, chosen: TroopNP) -> bool:
    """ "Turkey denies sending Syrian fighters", "Turki mengirim pejuang Suriah": irregulars a
    party sends are that party's force, in the deployment and in the fighting told of them; a
    state's troops stay their state's ("Russia deployed North Korean troops")."""
    ctx, scope = t.ctx, t.scope
    if ctx.doc.first(ctx.pack.words("irregular_troop_nouns"), chosen.start, chosen.end) is None:
        return False
    verb = _send_verb_before(t, chosen)
    if verb is None:
        return False
    who = sender(ctx, scope.start, verb, None)[0]
    if who is None and ctx.words(scope.start, verb.start) <= 1:
        who = scope.speaker_party  # "Turkey denied sending Syrian fighters": its own act
    if who is None or who == chosen.party:
        return False
    t.frame.agent, t.frame.agent_by = who, "sender"
    t.agent_span.append((chosen.start, max(chosen.end, chosen.owner_end)))
    return True


def _send_verb_before(t: TriggerReading, chosen: TroopNP) -> Hit | None:
    """The deployment verb whose object the troop phrase is ("sent around 4,000 fighters")."""
    ctx = t.ctx
    verbs = [
        h
        for h in ctx.mentions.triggers(max(t.scope.start, chosen.start - 40), chosen.start)
        if "troops_deployed" in h.key.split("|") and h.end <= chosen.start
    ]
    if not verbs or ctx.doc.words_but_figures(verbs[-1].end, chosen.start) > 1:
        return None
    return verbs[-1]


def _owner_of_nominal(t: TriggerReading) -> None:
    """ "a North Korean deployment", "pengerahan Korea Utara": the owner qualifies the noun;
    "pengiriman amunisi Korut": the object may stand between the noun and its owner."""
    ctx, trig, scope = t.ctx, t.trig, t.scope
    objects = t.objects()
    for d in ctx.mentions.demonyms(max(scope.start, trig.start - 30), min(scope.end, trig.end + 30)):
        lo, hi = (d.end, trig.start) if d.end <= trig.start else (trig.end, d.start)
        gap_words = ctx.words(lo, hi)
        obj_gap = (
            d.start >= trig.end
            and objects is not None
            and all(objects.search(w) is not None for w in ctx.doc.word_list(lo, hi))
            and gap_words <= 2
        )
        if (gap_words == 0 or obj_gap) and not STOPS.search(ctx.text, lo, hi):
            t.frame.agent, t.frame.agent_by = ctx.gaz.party_of(d.key), "explicit"
            t.agent_span.append((d.start, d.end))
            return


def _agent_from_context(t: TriggerReading) -> None:
    """Troops without an owner ("the soldiers", "sebagian dari mereka"): the ones earlier
    sentences (or frames of this span) named."""
    ctx, trig, agents = t.ctx, t.trig, t.scope.agents
    has_troops = (
        bool(t.troops_in_window())
        or ctx.doc.first(ctx.pack.troop_nouns, t.window_start, t.window_end) is not None
    )
    group = _group_pronoun_before(ctx, max(t.scope.start, trig.start - 40), trig.start)
    if group is not None and ctx.words(group.end, trig.start) <= 4:
        has_troops = True  # "sebagian dari mereka telah bergerak": they = the troops
    if not has_troops:
        return
    for event in (t.spec.id, *_TROOP_EVENTS):
        if event in agents:
            if _insurgents_only(t) and is_state(ctx.gaz, agents[event]):
                return  # "lima gerilyawan tewas": insurgents are no state's troops named before
            t.frame.agent, t.frame.agent_by = agents[event], "context"
            return
    # "pengerahan pasukan tersebut", "those troops": the troops the article is about, however far.
    noun = ctx.doc.first(ctx.pack.troop_nouns, t.window_start, t.window_end)
    if noun is None or ctx.pack.modifier_first:
        return
    dem = ctx.doc.first(ctx.pack.demonstratives, noun.end, noun.end + 12)
    pointing = dem is not None and ctx.words(noun.end, dem.start) == 0
    topic = next((f.agent for f in ctx.state.topic_frames if f.event in _TROOP_EVENTS and f.agent), None)
    if pointing and topic is not None:
        t.frame.agent, t.frame.agent_by = topic, "context"


def _insurgents_only(t: TriggerReading) -> bool:
    """The only people named near the trigger are insurgents ("militants", "gerilyawan")."""
    ctx = t.ctx
    nouns = ctx.doc.find(ctx.pack.troop_nouns, t.window_start, t.window_end)
    insurgents = ctx.pack.words("insurgent_nouns")
    return bool(nouns) and all(insurgents.key_of(n.text) is not None for n in nouns)


def _own_kill(t: TriggerReading) -> bool:
    """ "Iran said it had shot down two jets", "mengklaim telah menewaskan puluhan tentara": the
    speaker is the killer of an active killing verb, never the side whose people died."""
    ctx, trig = t.ctx, t.trig
    if t.scope.claim_owner != t.scope.speaker_party or t.passive():
        return False
    if ctx.doc.first(ctx.pack.words("killing_verbs"), trig.start, trig.end) is None:
        return False
    aux = ctx.doc.last(ctx.pack.words("passive_auxiliaries"), max(0, trig.start - 12), trig.start)
    return aux is None


def _after_agent_marker(ctx: Reader, pos: int) -> bool:
    return ctx.pack.glue.agent_marker.search(ctx.text, max(0, pos - 10), pos) is not None


def sender(
    ctx: Reader, start: int, trig: Hit, speaker_party: str | None, objects: PhraseMatcher | None = None
) -> tuple[str | None, str]:
    """The subject right before an active verb: "Kim telah mengirim pasukan", "they sent troops"."""
    lo = _subject_clause_start(ctx, start, trig.start)
    actors = ctx.mentions.actors(lo, trig.start) + ctx.mentions.demonyms(lo, trig.start)
    actors = [h for h in actors if not is_target(ctx, h.start) and not names_people(ctx, h)]
    # What is sent: troops, or the frame's own objects ("memasok jutaan peluru artileri").
    sent = ctx.doc.first(objects if objects else ctx.pack.troop_nouns, trig.end, trig.end + 60)
    has_object = sent is not None and ctx.words(trig.end, sent.start) <= 10
    if (
        not actors
        and has_object
        and (_subjectless(ctx, start, lo, trig.start) or _causal_pronoun(ctx, start, lo, trig))
    ):
        # "berterima kasih kepada Korea Utara karena telah mengirim pasukan", "thanked North Korea
        # because it had sent troops": the clause has no subject of its own (or only "it"); the
        # actor just before it is the one who sent them.
        wider = [h for h in ctx.mentions.actors(max(start, lo - 60), lo) if not is_target(ctx, h.start)]
        actors = wider[-1:]
    if actors and has_object:
        nearest = max(actors, key=lambda h: h.end)
        if ctx.words(nearest.end, trig.start) <= 8:
            return ctx.gaz.party_of(nearest.key), "sender"
    pron = ctx.doc.last(ctx.pack.pronouns, lo, trig.start)
    # "membantah negaranya telah mengirim tentara": the speaker's own country
    pron = ctx.doc.last(ctx.pack.own_country, lo, trig.start) or pron
    if pron is not None and has_object and speaker_party is not None and ctx.words(pron.end, trig.start) <= 5:
        return speaker_party, "pronoun"  # "we sent troops": the speaker's side, named by a pronoun
    return None, "none"


def _subject_clause_start(ctx: Reader, start: int, pos: int) -> int:
    """Commas may only set off an appositive here ("pemimpin negara itu, Kim Jong Un, telah ...")."""
    lo = start
    for matcher in (ctx.pack.complementizers, ctx.pack.clause_breaks):
        for h in ctx.doc.find(matcher, start, pos):
            lo = max(lo, h.end)
    for m in _SENTENCE_MARK.finditer(ctx.text, start, pos):
        lo = max(lo, m.end())
    return lo


def _causal_pronoun(ctx: Reader, start: int, lo: int, trig: Hit) -> bool:
    """A causal clause whose subject is a pronoun standing first: "because it had sent"."""
    pron = ctx.doc.first(ctx.pack.pronouns, lo, trig.start)
    return (
        pron is not None
        and pron.key == "group"
        and ctx.words(lo, pron.start) == 0
        and ctx.pack.glue.causal.search(ctx.text, max(start, lo - 12), lo) is not None
    )


def _subjectless(ctx: Reader, start: int, lo: int, pos: int) -> bool:
    glue = ctx.pack.glue
    return (
        glue.subjectless.match(ctx.text, lo, pos) is not None
        and glue.causal.search(ctx.text, max(start, lo - 12), lo) is not None
    )
