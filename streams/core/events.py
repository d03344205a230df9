"""Step 6: frames in a content span — each event trigger read for its agent, place, polarity and
measure (agents.py, places.py, polarity.py), then one frame per proposition."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from streams.core.agents import fill_agent
from streams.core.clauses import clause_end, clause_start, relative_right_before
from streams.core.context import Reader
from streams.core.figurative import figurative
from streams.core.frame import IMPLICIT, FrameHit, TroopNP
from streams.core.matching import Hit, PhraseMatcher
from streams.core.places import answering_fire, fill_place, place_before
from streams.core.polarity import DESCRIBED, read_measure, read_polarity
from streams.core.propositions import ANSWER, EventSpec, event_specs
from streams.core.roles import fill_roles
from streams.core.scope import Scope, TriggerReading, is_noun
from streams.core.tokens import STOPS
from streams.core.troops import find_troop_nps
from streams.core.victims import people_of_place, speakers_own_people
from streams.core.vocabulary import NEGATING


def find_frames(
    ctx: Reader, start: int, end: int, speaker_party: str | None, claim_owner: str | None = None
) -> list[FrameHit]:
    if end <= start:
        return []
    troops = find_troop_nps(ctx, start, end)
    scope = Scope(
        ctx,
        start,
        end,
        speaker_party,
        claim_owner,
        place_before(ctx, start),
        troops,
        dict(ctx.state.context_agent),
    )
    specs = event_specs()
    hits: list[FrameHit] = []
    blamed = _blamed_incidents(ctx, start, end, claim_owner, speaker_party)
    launched = _weapon_launches(ctx, start, end) + _weapon_impacts(ctx, start, end)
    for opened in _triggers(ctx, start, end, troops) + blamed + launched:
        for key in opened.key.split("|"):
            event_id = key.rstrip(NEGATING)
            if event_id == "casualties" and (
                _airliner_downed(ctx, opened, start) or _downed_unowned(ctx, opened)
            ):
                event_id = "attack"
            spec = specs.get(event_id)
            if spec is None:
                continue
            frame = _read_trigger(scope, Hit(opened.start, opened.end, event_id, opened.text), spec)
            if frame is None:
                continue
            if opened in blamed:
                frame.cues.append(BLAMED)  # the blame names who did it: no earlier telling needed
            if key.endswith(NEGATING):  # "abiding by the ceasefire": not violating it
                frame.negated = not frame.negated
                frame.cues.append(f"negating:{opened.text}")
            hits.append(frame)
            if (
                frame.agent is not None
                and frame.agent_by in ("explicit", "sender")
                and spec.agent == "troops"
            ):
                # "... and that some of them had been killed": them = the troops just named.
                scope.agents = {**scope.agents, frame.event: frame.agent, "troops_deployed": frame.agent}
    frames = _circumstance_fights(
        ctx, _one_reading(ctx, _existentials(ctx, _participles(scope, hits)), troops)
    )
    frames = _told_before(ctx, _violated_agreements(ctx, _involved_in_incident(ctx, frames)))
    frames = [f for f in frames if not (f.negated and _changed_or_unseen(ctx, f, start, end))]
    frames = [
        f
        for f in frames
        if not _pattern(ctx, f, start, end) and not _fired_into_sea(ctx, f, end) and not _into_the_air(ctx, f)
    ]
    frames += _coordinated_victims(ctx, frames, troops)
    return _one_per_proposition(_place_follows_deployment(_split_places(_incidental_presence(frames))))


_INCIDENTAL_TO = frozenset({"attack", "casualties", "territory_captured", "territory_recaptured", "arrest"})


def _incidental_presence(frames: list[FrameHit]) -> list[FrameHit]:
    """ "US forces in Iraq were struck", "300 North Korean soldiers in Kursk were killed": troops
    named in passing where another act or a loss is told — their presence, read from the phrase
    alone, is no claim of its own. (Not beside a fight or an act of their own side: "troops in
    Kursk fought", "using North Korean soldiers in assaults in Kursk" tell both, and the presence
    gives the fight its place.)"""
    told = [g for g in frames if not g.trigger.text.startswith(IMPLICIT)]
    return [f for f in frames if not (f.trigger.text.startswith(IMPLICIT) and _in_passing(f, told))]


def _in_passing(presence: FrameHit, told: list[FrameHit]) -> bool:
    own = [g for g in told if g.agent == presence.agent and g.event != "casualties"]
    return not own and any(g.event in _INCIDENTAL_TO for g in told)


COORDINATED = "coordinated-victims"


def _coordinated_victims(ctx: Reader, frames: list[FrameHit], troops: list[TroopNP]) -> list[FrameHit]:
    """ "killed 84 Wagner mercenaries and 47 Malian soldiers", "menewaskan 84 tentara bayaran Wagner
    dan 47 tentara Mali": the losses of each side listed. (The copy carries no figure: the one near
    the trigger counts the first side.)"""
    out: list[FrameHit] = []
    for f in frames:
        if f.event != "casualties" or f.agent is None or f.agent_by != "explicit" or COORDINATED in f.cues:
            continue
        lo, hi = f.trigger.start - 120, f.trigger.end + 120
        near = [np for np in troops if lo <= np.start < hi and np.party is not None]
        for a, b in pairwise(near):
            if f.agent not in (a.party, b.party) or a.party == b.party or not _listed_after(ctx, a, b):
                continue
            other = b.party if a.party == f.agent else a.party
            if any(g.event == f.event and g.agent == other for g in frames + out):
                continue
            out.append(replace(f, agent=other, cues=[*f.cues, COORDINATED], extra_places=[]))
    return out


def _listed_after(ctx: Reader, a: TroopNP, b: TroopNP) -> bool:
    """ "a and [47] b", "a dan b", "a, b": two troop phrases joined by a coordinator."""
    lo = max(a.end, a.owner_end)
    gap = ctx.text[lo : b.start]
    if ctx.pack.glue.coordinator_word.search(gap) is None or STOPS.search(ctx.text, lo, b.start):
        return False
    # only the coordinator, the second side's figure and its owner between ("and at least 47 Malian")
    cut = list(gap)
    spans = [(n.start, n.end) for n in ctx.doc.numbers_between(lo, b.start)]
    spans += [(h.start, h.end) for h in ctx.mentions.owners(lo, b.start)]
    for s, e in spans:
        cut[max(0, s - lo) : e - lo] = " " * (e - max(s, lo))
    rest = ctx.pack.glue.coordinator_word.sub(" ", "".join(cut)).split()
    return not rest


def _airliner_downed(ctx: Reader, trigger: Hit, start: int) -> bool:
    """ "Iran shot down the Ukrainian airliner", "pesawat penumpang ditembak jatuh oleh rudal
    Rusia": an airliner shot down is read as an attack by whoever shot it, not as a military loss
    of the airline's country (a fighter jet shot down stays its owner's loss)."""
    words = ctx.pack.words
    if words("downing_verbs").key_of(trigger.text) is None:
        return False
    lo, hi = max(start, trigger.start - 80), min(ctx.sentence.end, trigger.end + 80)
    military = ctx.doc.find(words("military_aircraft_nouns"), lo, hi)
    return any(
        not any(m.start <= c.start < m.end for m in military)
        for c in ctx.doc.find(words("civilian_aircraft_nouns"), lo, hi)
    )


def _downed_unowned(ctx: Reader, trigger: Hit) -> bool:
    """ "its army shot down a drone near the border": no side is named for the drone that fell
    right after the verb; what is told is the shooter's act, not a side's loss ("shot down a
    Ukrainian drone" is Ukraine's; a manned jet with no owner named is its side's, known from the
    story)."""
    words = ctx.pack.words
    if words("downing_verbs").key_of(trigger.text) is None:
        return False
    craft = ctx.doc.first(words("drone_nouns"), trigger.end, min(ctx.sentence.end, trigger.end + 50))
    if (
        craft is None
        or STOPS.search(ctx.text, trigger.end, craft.start)
        or ctx.words(trigger.end, craft.start) > 3
    ):
        return False
    if ctx.mentions.owners(trigger.end, craft.end):
        return False
    # "drone Ukraina", "a Rafale jet operated by the Indian Air Force": its owner after it
    after = ctx.mentions.owners(craft.end, min(ctx.sentence.end, craft.end + 60))
    if not after:
        return True
    # "near the border with Mali": a place, not the drone's owner
    where = ctx.doc.first(ctx.pack.locative_preps, craft.end, after[0].start)
    return STOPS.search(ctx.text, craft.end, after[0].start) is not None or where is not None


def _involved_in_incident(ctx: Reader, frames: list[FrameHit]) -> list[FrameHit]:
    """ "denied any involvement of the Ukrainian Armed Forces in the incident": the forces' part in
    an incident is that incident (an attack), not their presence somewhere."""
    words = ctx.pack.words
    out = []
    for f in frames:
        if f.event != "troops_deployed" or not words("involvement_nouns").search(f.trigger.text):
            out.append(f)
            continue
        hi = min(ctx.sentence.end, f.trigger.end + 80)
        attacks = [g.trigger for g in frames if g.event == "attack" and f.trigger.end <= g.trigger.start < hi]
        incident = (
            ctx.doc.first(words("incident_refs"), f.trigger.end, hi)
            or ctx.doc.first(words("incident_nouns"), f.trigger.end, hi)
            or (attacks[0] if attacks else None)
        )
        if incident is None or STOPS.search(ctx.text, f.trigger.end, incident.start):
            out.append(f)
            continue
        if any(g.event == "attack" and g.agent == f.agent for g in frames):
            continue  # "involvement of its forces in the attack": the attack is read already
        f.event = "attack"
        f.cues.append(BLAMED)  # the forces named are the ones whose part is denied or told
        out.append(f)
    return out


def _changed_or_unseen(ctx: Reader, f: FrameHit, start: int, end: int) -> bool:
    """ "not seen at the front in the past three weeks", "belum terlibat sejak pertengahan
    Januari", "no longer": a state that changed lately, not a denial that it ever held; and "not
    seen on the battlefield" is an observation missing, not a denial of a presence."""
    if ctx.pack.words("perception_triggers").key_of(f.trigger.text) is not None:
        return True
    lo, hi = max(start, f.trigger.start - 120), min(end, f.trigger.end + 80)
    return ctx.doc.first(ctx.pack.words("recency_markers"), lo, hi) is not None


def _triggers(ctx: Reader, start: int, end: int, troops: list[TroopNP]) -> list[Hit]:
    """Trigger words, plus an implicit presence: "<troops of X> di/in <place>" with no verb."""
    # "no evidence of", and phrases where a trigger word names no event of its class: "lost
    # contact" (no loss of troops), "mutual attacks" (no one side's attack)
    evidence = ctx.doc.find(ctx.pack.evidence_negators, start, end)
    evidence += ctx.doc.find(ctx.pack.words("non_event_phrases"), start, end)
    triggers = [
        t
        for t in ctx.mentions.triggers(start, end)
        if not any(e.start <= t.start < e.end for e in evidence)
        and not _background(ctx, start, t.start)
        and not figurative(ctx, t, start, end)
        and not _judged_lawful(ctx, t, end)
    ]
    for np in troops:
        if np.party is None:
            continue
        hi = min(end, np.end + 50)
        prep = ctx.doc.first(ctx.pack.locative_preps, np.end, hi)
        places = ctx.mentions.places(prep.end, min(hi, prep.end + 30)) if prep is not None else []
        if prep is None or not places or (places[-1].text.endswith(("'s", "’s"))):
            continue  # "forces responding to India's aggression": an owner, not a place
        if ctx.words(prep.end, places[0].start) > 3:
            continue  # "troops had taken part in the fighting in Kursk": the place is another verb's
        if any(h.end > np.end for h in ctx.doc.find(ctx.pack.speculative, np.end, prep.end + 1)):
            continue  # "forces poised to complete ...": a plan, not a presence
        # (further with a count before the troops: "killed at least 40 Ugandan soldiers")
        reach = 40 if ctx.counts(max(start, np.start - 40), np.start) else 25
        before = ctx.mentions.triggers(max(start, np.start - reach), np.start)
        if before and _object_gap(ctx, before[-1].end, np.start) <= 1:
            # "attacked Israeli forces in Rafah", "sent 4,000 Syrian fighters to Azerbaijan": the
            # troops are the verb's object
            continue
        # "launched 12 drones at the port": weapons fired, not forces present; "sent troops to
        # help Armenian forces in Syunik": the side helped, told in passing
        if _right_after(ctx, "launch_verbs", max(start, np.start - 25), np.start, 2) or _right_after(
            ctx, "support_verbs", max(start, np.start - 25), np.start, 1
        ):
            continue
        if ctx.words(np.end, prep.start) <= 3 and not STOPS.search(ctx.text, np.end, prep.start):
            if not any(np.end <= t.start <= prep.start for t in triggers):
                triggers.append(Hit(np.start, np.end, "troops_deployed", IMPLICIT + np.text))
    triggers += _places_taken(ctx, start, end, triggers)
    triggers += _expulsions(ctx, start, end)
    triggers.sort(key=lambda h: h.start)
    return triggers


def _object_gap(ctx: Reader, lo: int, hi: int) -> int:
    """Words between a verb and the troops after it, but counts and articles ("captured a
    Russian soldier", "killed at least 40 Ugandan soldiers")."""
    articles = sum(1 for w in ctx.doc.word_list(lo, hi) if w.casefold() in ctx.pack.glue.articles)
    return ctx.words_but_counts(lo, hi) - articles


def _expulsions(ctx: Reader, start: int, end: int) -> list[Hit]:
    """ "drove the army out of Myawaddy", "mengusir pasukan Ukraina dari Sudzha": troops driven
    out of a known place is the place taken; the trigger reaches the origin word, so the place
    stands right after it as a capture's object."""
    out: list[Hit] = []
    for verb, origin in ctx.mentions.expulsions:
        if not (start <= verb.start and origin.end <= end) or STOPS.search(ctx.text, verb.end, origin.start):
            continue
        places = ctx.mentions.places(origin.end, min(end, origin.end + 40))
        if not places or ctx.words(origin.end, places[0].start) > 2:
            continue
        if _right_after(ctx, "support_verbs", max(start, verb.start - 25), verb.start, 0):
            continue  # "membantu mengusir pasukan Ukraina dari Kursk": the side helped took it
        out.append(Hit(verb.start, origin.end, "territory_captured", ctx.text[verb.start : origin.end]))
    return out


def _places_taken(ctx: Reader, start: int, end: int, triggers: list[Hit]) -> list[Hit]:
    """ "had taken Bakhmut": a bare "take" verb is a capture only with a known place as its very
    object — not "took place in", "taken to Kharkiv", "took part in"."""
    out: list[Hit] = []
    for verb in ctx.doc.find(ctx.pack.words("bare_capture_verbs"), start, end):
        places = ctx.mentions.places(verb.end, min(end, verb.end + 40))
        adjacent = bool(places) and not ctx.text[verb.end : places[0].start].strip()
        if adjacent and not _inside_trigger(verb.start, triggers):
            out.append(Hit(verb.start, verb.end, "territory_captured", verb.text))
    return out


def _right_after(ctx: Reader, words: str, lo: int, pos: int, gap: int) -> bool:
    """A word of the named list stands at most `gap` words before `pos`."""
    hit = ctx.doc.last(ctx.pack.words(words), lo, pos)
    return hit is not None and ctx.words(hit.end, pos) <= gap


def _inside_trigger(pos: int, triggers: list[Hit]) -> bool:
    return any(t.start <= pos < t.end for t in triggers)


def _weapon_after(ctx: Reader, verb: Hit, hi: int, gap: int) -> Hit | None:
    """The weapon a verb acts with, at most `gap` words after it in the same clause."""
    weapon = ctx.doc.first(ctx.pack.words("weapon_nouns"), verb.end, hi)
    if (
        weapon is None
        or ctx.words(verb.end, weapon.start) > gap
        or STOPS.search(ctx.text, verb.end, weapon.start)
    ):
        return None
    return weapon


def _weapon_launches(ctx: Reader, start: int, end: int) -> list[Hit]:
    """ "launched 91 long-range drones at the residence", "fired missiles at the base",
    "meluncurkan puluhan rudal ke": firing weapons at something is an attack (launching alone,
    with no target, is not: tests, satellites)."""
    words = ctx.pack.words
    triggers = ctx.mentions.triggers(start, end)
    out = []
    for verb in ctx.doc.find(words("launch_verbs"), start, end):
        weapon = _weapon_after(ctx, verb, min(end, verb.end + 40), 3)
        if weapon is None:
            continue
        if not _aimed(ctx, _last_listed_weapon(ctx, weapon, end).end, end):
            continue
        if _into_the_sea(ctx, weapon.end, end):
            continue  # "fired a ballistic missile into the Sea of Japan": a launch, not an attack
        if _inside_trigger(verb.start, triggers):
            continue
        if ctx.doc.first(words("non_event_phrases"), verb.start, weapon.end) is not None:
            continue  # "fired warning shots at the trawlers": no attack
        out.append(Hit(verb.start, weapon.end, "attack", ctx.text[verb.start : weapon.end]))
    return out


def _weapon_impacts(ctx: Reader, start: int, end: int) -> list[Hit]:
    """ "the hospital was hit by a Russian cruise missile", "dihantam rudal jelajah Rusia": a
    weapon striking something is its owner's attack (the verb is the trigger; roles read the owner
    after it as the passive's agent, and the weapon with no owner names no one)."""
    words = ctx.pack.words
    triggers = ctx.mentions.triggers(start, end)
    out = []
    for verb in ctx.doc.find(words("impact_passives"), start, end):
        weapon = _weapon_after(ctx, verb, min(end, verb.end + 50), 4)
        if weapon is None:
            continue
        if _inside_trigger(verb.start, triggers) or not _passive_form(ctx, verb):
            continue
        if ctx.doc.first(words("non_event_phrases"), verb.start, weapon.end) is not None:
            continue  # "hit by warning shots"
        out.append(Hit(verb.start, verb.end, "attack", ctx.text[verb.start : verb.end]))
    return out


def _passive_form(ctx: Reader, verb: Hit) -> bool:
    """ "was hit", "had been struck" (an auxiliary right before); Indonesian "dihantam" is passive
    by its prefix."""
    if not ctx.pack.modifier_first:
        return True
    aux = ctx.doc.last(ctx.pack.words("passive_auxiliaries"), max(0, verb.start - 12), verb.start)
    return aux is not None and ctx.words(aux.end, verb.start) <= 1


def _last_listed_weapon(ctx: Reader, weapon: Hit, end: int) -> Hit:
    """ "rudal balistik dan rudal jelajah", "missiles and drones": the list ends at its last weapon."""
    weapons = ctx.pack.words("weapon_nouns")
    while (nxt := ctx.doc.first(weapons, weapon.end, min(end, weapon.end + 30))) is not None:
        gap = {w.casefold() for w in ctx.doc.word_list(weapon.end, nxt.start)}
        if (
            not gap & ctx.pack.glue.coordinators
            or len(gap) > 3
            or STOPS.search(ctx.text, weapon.end, nxt.start)
        ):
            break
        weapon = nxt
    return weapon


def _aimed(ctx: Reader, pos: int, end: int) -> bool:
    """An aim preposition right after the weapons, or after where they came from ("3 rudal dari
    wilayah Yaman ke Teluk Aden", "drones from Yemen at ships")."""
    aim = ctx.doc.first(ctx.pack.words("aim_preps"), pos, min(end, pos + 60))
    if aim is None:
        return False
    if ctx.words(pos, aim.start) <= 2:
        return True
    origin = ctx.doc.first(ctx.pack.origin_markers, pos, aim.start)
    return origin is not None and ctx.words(pos, origin.start) <= 2 and ctx.words(origin.end, aim.start) <= 3


def _fired_into_sea(ctx: Reader, f: FrameHit, end: int) -> bool:
    """ "menembakkan dua rudal balistik ke Laut Jepang": a firing verb whose weapons go into open
    water attacks no one."""
    if f.event != "attack":
        return False
    weapon = ctx.doc.first(ctx.pack.words("weapon_nouns"), f.trigger.end, min(end, f.trigger.end + 40))
    if weapon is None or ctx.words(f.trigger.end, weapon.start) > 3:
        return False
    return _into_the_sea(ctx, _last_listed_weapon(ctx, weapon, end).end, end)


def _into_the_air(ctx: Reader, f: FrameHit) -> bool:
    """ "fired into the air", "melepaskan tembakan ke udara": shots aimed at no one — a warning,
    not an attack."""
    if f.event != "attack":
        return False
    air = ctx.doc.first(ctx.pack.words("air_aims"), f.trigger.end, min(len(ctx.text), f.trigger.end + 40))
    return air is not None and ctx.words(f.trigger.end, air.start) <= 3


def _into_the_sea(ctx: Reader, pos: int, end: int) -> bool:
    """The weapons' aim is open water ("into the sea", "towards the East Sea", "ke Laut Jepang"),
    with no ship or place on it named first: a test or a show of force, at no one."""
    aim = ctx.doc.first(ctx.pack.words("aim_preps"), pos, min(end, pos + 60))
    if aim is None:
        return False
    sea = ctx.doc.first(ctx.pack.words("sea_words"), aim.end, min(end, aim.end + 30))
    if sea is None or ctx.words(aim.end, sea.start) > 2:
        return False
    return ctx.doc.first(ctx.pack.words("platform_nouns"), aim.end, sea.start) is None


BLAMED = "blamed-incident"
_BLAME_REACH = 8  # words from the accusation's start to the incident it names


def _blamed_incidents(
    ctx: Reader, start: int, end: int, claim_owner: str | None, speaker_party: str | None
) -> list[Hit]:
    """ "blamed Israel for the pager explosions", "denied responsibility for the crash", "a
    Russian missile caused the crash", "Ukraine committed sabotage": an incident of no class of
    its own (an explosion, a crash) that a party is held to have caused is that party's attack.
    Told without blame, an explosion is only an explosion. Fighting ("blamed each other for the
    clashes") is an attack only when another party is blamed for it."""
    words = ctx.pack.words
    triggers = ctx.mentions.triggers(start, end)
    accused = claim_owner is not None
    out = []
    for noun in ctx.doc.find(words("incident_nouns"), start, end):
        link = _link_before(ctx, words("blame_links"), start, noun) or _deed_before(ctx, start, noun)
        if not _inside_trigger(noun.start, triggers) and (link or accused):
            out.extend(_incident_hit(ctx, start, noun, link))
    if accused and claim_owner != speaker_party and not triggers and not out:
        out.extend(_doer_named(ctx, start, end))
    for noun in ctx.doc.find(words("blamed_combat_nouns"), start, end):
        link = _link_before(ctx, words("combat_blame_links"), start, noun)
        # "blamed X for the clashes", not "accused X of violating the truce after clashes"
        blamed_for = _link_before(ctx, words("blame_preps"), start, noun) is not None
        if link is not None or (accused and claim_owner != speaker_party and blamed_for):
            out.extend(_incident_hit(ctx, start, noun, link))
    return out


def _doer_named(ctx: Reader, start: int, end: int) -> list[Hit]:
    """ "blamed a Pakistan-based militant group as the mastermind", "menuding X sebagai dalang": an
    accusation naming the doer of no act it tells blames the act the story is about — an attack
    by the accused."""
    doer = ctx.doc.first(ctx.pack.words("doer_nouns"), start, end)
    if doer is None or ctx.words(start, doer.start) > _BLAME_REACH or _background(ctx, start, doer.start):
        return []
    return [Hit(doer.start, doer.end, "attack", doer.text)]


def _link_before(ctx: Reader, links: PhraseMatcher, start: int, noun: Hit) -> Hit | None:
    link = ctx.doc.last(links, max(start, noun.start - 40), noun.start)
    return link if link is not None and ctx.words(link.end, noun.start) <= 3 else None


def _deed_before(ctx: Reader, start: int, noun: Hit) -> Hit | None:
    """ "committed (yet another) act of terror", "melakukan sabotase": the incident is the deed
    verb's own object — no other noun between ("melakukan pencarian lokasi jatuhnya": a search)."""
    link = _link_before(ctx, ctx.pack.words("deed_links"), start, noun)
    if link is None or any(is_noun(ctx.pack, w) for w in ctx.doc.word_list(link.end, noun.start)):
        return None
    return link


def _incident_hit(ctx: Reader, start: int, noun: Hit, link: Hit | None) -> list[Hit]:
    if link is None and ctx.words(start, noun.start) > _BLAME_REACH:
        return []  # an accusation names its incident near its start
    if _background(ctx, start, noun.start):
        return []
    # With its link the incident reads as a verb phrase, whose subject is the one blamed:
    # "Russia was behind the blast".
    lo = link.start if link is not None else noun.start
    return [Hit(lo, noun.end, "attack", ctx.text[lo : noun.end])]


def _judged_lawful(ctx: Reader, trig: Hit, end: int) -> bool:
    """ "Turkey's military operations comply with international law", "Operasi militer Turki
    sejalan dengan hukum internasional": an act named to be judged lawful is a stance on its
    kind, not a statement that one took place."""
    judged = ctx.doc.first(ctx.pack.words("lawful_predicates"), trig.end, min(end, trig.end + 40))
    return (
        judged is not None
        and ctx.words(trig.end, judged.start) <= 2
        and not STOPS.search(ctx.text, trig.end, judged.start)
    )


def _background(ctx: Reader, start: int, pos: int) -> bool:
    """ "... amid reports that troops had arrived", "di tengah laporan bahwa ...": what others
    say, told as background to this statement, is no claim of its speaker. Nor is what an excuse
    is for ("fabricating excuses to justify its attacks"): the speaker asserts the excuse."""
    marker = ctx.doc.last(ctx.pack.words("background_markers"), max(start, ctx.sentence.start), pos)
    if marker is not None and not ctx.doc.find(ctx.pack.cues_before, marker.end, pos):
        return True
    for key in ("pretext_markers", "antecedent_markers"):
        # ("the assault, which followed the US killing of X": what came before is background too)
        marker = ctx.doc.last(ctx.pack.words(key), max(start, pos - 40), pos)
        if marker is not None and ctx.words(marker.end, pos) <= 2:
            return True
    return _means_of_antecedent(ctx, start, pos)


def _means_of_antecedent(ctx: Reader, start: int, pos: int) -> bool:
    """ "in retaliation for the killing of its commander, X, in an Israeli strike": the act in which
    the recalled act happened is part of that recollection too."""
    marker = ctx.doc.last(ctx.pack.words("antecedent_markers"), max(start, ctx.sentence.start), pos)
    if marker is None or ctx.words(marker.end, pos) > 10:
        return False
    prep = ctx.doc.last(ctx.pack.words("circumstance_preps"), marker.end, pos)
    if prep is None or ctx.words(prep.end, pos) > 2:
        return False
    # (nothing said in between: "..., the minister said the strike ..." starts anew)
    return not ctx.doc.find(ctx.pack.cues_before, marker.end, pos) and not ctx.doc.find(
        ctx.pack.cues_after, marker.end, pos
    )


def _read_trigger(scope: Scope, trig: Hit, spec: EventSpec) -> FrameHit | None:
    frame = FrameHit(event=spec.id, agent=None, place=None, trigger=trig, cues=[f"trigger:{trig.text}"])
    t = TriggerReading(
        scope, trig, spec, frame, max(scope.start, trig.start - 120), min(scope.end, trig.end + 120)
    )
    if not _objects_present(t):
        return None
    if spec.reading == "roles":
        t.clause_lo = clause_start(scope.ctx, scope.start, trig.start)
        t.clause_hi = clause_end(scope.ctx, trig.end, scope.end, t.objects())
        if not fill_roles(t):
            return None
    elif not fill_agent(t):
        return None
    t.clause_lo = clause_start(scope.ctx, scope.start, trig.start)
    t.clause_hi = clause_end(scope.ctx, trig.end, scope.end, t.objects())
    if not fill_place(t):
        return None
    if frame.agent is None and frame.agent_by == "place":
        # (those arrested somewhere are no one's own people: only the place tells who holds them)
        own = spec.id != "arrest" and speakers_own_people(t)
        if not (people_of_place(t, after=spec.id == "arrest") or own):
            return None
    read_polarity(t)
    if spec.id == "attack" and answering_fire(t):
        frame.cues.append(ANSWER)
    if DESCRIBED in frame.cues:
        return None
    read_measure(t)
    return frame


def _existentials(ctx: Reader, hits: list[FrameHit]) -> list[FrameHit]:
    """ "Tidak ada prajurit ... yang terluka", "there were no soldiers who were hurt": the
    existential introduces whom the later event is about; it says nothing of a presence."""
    words = ctx.pack.words("existentials")
    drop = [
        f
        for f in hits
        if f.event == "troops_deployed"
        and words.key_of(f.trigger.text) is not None
        and (
            any(g.event != f.event and g.trigger.start > f.trigger.end for g in hits)
            # "ada banyak orang di luar sana yang tidak yakin": people who exist, whose side only
            # an earlier sentence could suggest, are no forces present
            or (f.agent_by == "context" and _only_people_after(ctx, f.trigger))
            # "tak ada satu pun penduduk lokal yang ...": no troops after it at all
            or not _troops_right_after(ctx, f.trigger)
        )
    ]
    return [f for f in hits if f not in drop]


def _troops_right_after(ctx: Reader, trig: Hit) -> bool:
    """A troop noun within a few words after the existential ("there were no North Korean soldiers",
    "tidak ada satu pun tentara")."""
    noun = ctx.doc.first(ctx.pack.troop_nouns, trig.end, trig.end + 40)
    return (
        noun is not None
        and ctx.words(trig.end, noun.start) <= 3
        and not STOPS.search(ctx.text, trig.end, noun.start)
    )


def _only_people_after(ctx: Reader, trig: Hit) -> bool:
    """The noun after an existential is a plain word for people ("orang", "people"), not troops."""
    noun = ctx.doc.first(ctx.pack.troop_nouns, trig.end, trig.end + 30)
    return noun is not None and noun.text.casefold() in ctx.pack.weak_troop_nouns


def _participles(scope: Scope, hits: list[FrameHit]) -> list[FrameHit]:
    """Frames read from a participle describing troops, where the content says something else
    about them (see `_participle_on_troops`); "reports of troops arriving" keeps its one frame."""
    described = [
        f for f in hits if _participle_on_troops(scope, f.trigger) or _relative_on_troops(scope, f.trigger)
    ]
    if not described or all(f.trigger.start == described[0].trigger.start for f in hits):
        return hits
    return [f for f in hits if f not in described]


def _relative_on_troops(scope: Scope, trig: Hit) -> bool:
    """ "untuk mendukung pasukan Rusia yang bertempur di Kursk", "troops who fought in Kursk": a
    relative clause describing troops the statement is about; its verb is no second statement."""
    ctx = scope.ctx
    rel_at = relative_right_before(ctx, scope.start, trig.start)
    if rel_at is None:
        return False
    return any(
        n.end <= rel_at and ctx.words(n.end, rel_at) == 0 and not _introduced(ctx, scope.start, n.start)
        for n in scope.troops
    )


def _introduced(ctx: Reader, lo: int, noun_start: int) -> bool:
    """ "tak ada warga AS yang terbunuh", "there were no soldiers who were hurt": troops an
    existential introduces are what the relative clause's statement is about."""
    there = ctx.doc.last(ctx.pack.words("existentials"), max(lo, noun_start - 30), noun_start)
    return there is not None and ctx.words(there.end, noun_start) <= 1


def _participle_on_troops(scope: Scope, trig: Hit) -> bool:
    """ "casualties among the North Korean military fighting for Russia": a participle right after
    troops that a preposition governs describes them (a reduced relative clause); it is not a
    second statement of the speaker's."""
    ctx = scope.ctx
    suffixes = ctx.pack.glue.gerund_suffixes
    if not ctx.pack.modifier_first or not suffixes or not trig.text.split()[0].endswith(suffixes):
        return False
    np = next((n for n in scope.troops if n.end <= trig.start and ctx.words(n.end, trig.start) == 0), None)
    if np is None:
        return False
    # "among the North Korean troops": an article and the owner may stand between.
    prep = ctx.doc.last(ctx.pack.words("noun_prepositions"), max(scope.start, np.start - 40), np.start)
    if prep is None or STOPS.search(ctx.text, prep.end, np.start):
        return False
    between = ctx.doc.word_list(prep.end, np.start)
    return len(between) <= 4 and all(
        w[:1].isupper() or w.casefold() in ctx.pack.place_determiners for w in between
    )


def _objects_present(t: TriggerReading) -> bool:
    """An event that requires object words ("senjata", "troops") has one near the trigger; sending
    troops right after the verb makes a deployment, not a supply."""
    spec, ctx = t.spec, t.ctx
    words = t.objects()
    if words is None:
        return True
    # "pasukannya masih bertahan": a possessive troop noun counts where troops are required.
    troops_count = any(ctx.pack.troop_nouns.search(w) is not None for w in spec.requires_any)
    possessive = troops_count and ctx.doc.first(ctx.pack.troop_nouns_possessive, t.window_start, t.window_end)
    if ctx.doc.first(words, t.window_start, t.window_end) is None and not possessive:
        return False
    if spec.recipient_preps and not troops_count:
        # "mengirim personel militer ... untuk mengoperasikan rudal": the first object decides.
        obj = ctx.doc.first(words, t.trig.end, t.window_end)
        troop = ctx.doc.first(ctx.pack.troop_nouns, t.trig.end, obj.start if obj else t.window_end)
        if troop is not None and ctx.words(t.trig.end, troop.start) <= 3:
            return False
    return True


def _soldiers_near(ctx: Reader, trig: Hit) -> bool:
    """Soldiers (not citizens or "personnel" alone) named next to a capture verb."""
    lo, hi = max(0, trig.start - 60), min(len(ctx.text), trig.end + 60)
    weak = ctx.pack.weak_troop_nouns
    return any(h.text.casefold() not in weak for h in ctx.doc.find(ctx.pack.troop_nouns, lo, hi))


def _circumstance_fights(ctx: Reader, frames: list[FrameHit]) -> list[FrameHit]:
    """ "killed or wounded in the fighting", "terluka dalam pertempuran": the fight is where the
    casualties happened, not a second statement that those troops fought."""
    lost = [f for f in frames if f.event == "casualties" and f.agent is not None]
    drop: set[int] = set()
    for f in frames:
        if f.event != "troops_in_combat":
            continue
        start, preps = f.trigger.start, ctx.pack.words("circumstance_preps")
        prep = ctx.doc.first(preps, start, f.trigger.end) or ctx.doc.last(preps, max(0, start - 16), start)
        if prep is None or (prep.end <= start and ctx.words(prep.end, start) > 1):
            continue  # "in the fighting", "dalam pertempuran"
        for c in lost:
            end = c.trigger.end
            if c.agent == f.agent and end <= start and ctx.words(end, start) <= 4:
                if not STOPS.search(ctx.text, end, start):
                    drop.add(id(f))
    return [f for f in frames if id(f) not in drop]


def _told_before(ctx: Reader, frames: list[FrameHit]) -> list[FrameHit]:
    """ "serangan ini membuat Moskow meninjau ...", "this attack shows ...": an event the text
    already told; its agent, patient and place are that telling's, never the clause's other
    parties. With nothing told before, no event is asserted."""
    marks = ctx.pack.words("event_anaphor_marks")
    out: list[FrameHit] = []
    for f in frames:
        t = f.trigger
        if BLAMED in f.cues or _own_part(ctx, t) or not _marked(ctx, marks, t) or _doer_told(ctx, f):
            out.append(f)
            continue
        if _blamed_for(ctx, f):
            out.append(f)
            continue
        told = next((p for p in ctx.state.topic_frames if p.event == f.event), None)
        if told is not None:
            f.agent, f.patient, f.place = told.agent, told.patient, told.place
            f.agent_by, f.place_by = "context", "context"
            out.append(f)
    return out


def _doer_told(ctx: Reader, f: FrameHit) -> bool:
    """ "pembunuhan itu dilakukan atas perintah Pyongyang", "the killing was carried out on the
    orders of Pyongyang": the sentence tells who did the act it points back to."""
    if f.agent is None or f.agent_by != "explicit":
        return False
    words = ctx.pack.words
    hi = min(ctx.sentence.end, f.trigger.end + 60)
    markers = [ctx.doc.first(words(k), f.trigger.end, hi) for k in ("order_markers", "agent_markers")]
    return any(m is not None and ctx.words(f.trigger.end, m.start) <= 4 for m in markers)


def _blamed_for(ctx: Reader, f: FrameHit) -> bool:
    """ "menyalahkan Israel atas serangan itu", "blamed Israel for this attack": the party the
    clause blames for the act it points back to did it (the clause names the doer, or the
    accusation does)."""
    if f.agent is None or f.agent_by not in ("explicit", "context"):
        return False
    return _link_before(ctx, ctx.pack.words("blame_preps"), ctx.sentence.start, f.trigger) is not None


def _marked(ctx: Reader, marks: PhraseMatcher, trig: Hit) -> bool:
    """A demonstrative on the event noun: before it ("this attack") or after it ("serangan ini"),
    as the language orders modifiers."""
    if ctx.pack.modifier_first:
        mark = ctx.doc.last(marks, max(0, trig.start - 8), trig.start)
        return mark is not None and ctx.words(mark.end, trig.start) == 0
    mark = ctx.doc.first(marks, trig.end, trig.end + 10)
    return mark is not None and ctx.words(trig.end, mark.start) == 0


def _own_part(ctx: Reader, trig: Hit) -> bool:
    """ "membantah terlibat dalam serangan itu", "membantah melakukan serangan itu": the speaker's
    own part in it; "Rusia berada di balik serangan itu": the party behind it (roles.py) — the
    sentence names who did it."""
    lo = max(0, trig.start - 40)
    for name in ("involvement_nouns", "blame_links", "own_deed_verbs"):
        words = ctx.pack.words(name)
        part = ctx.doc.last(words, lo, trig.start)
        if part is not None and ctx.words(part.end, trig.start) <= 3:
            return True
    return False


def _violated_agreements(ctx: Reader, frames: list[FrameHit]) -> list[FrameHit]:
    """ "violated the newly signed ceasefire", "melanggar kesepakatan gencatan senjata": the truce
    is what was violated, not a second statement that a truce was agreed."""
    broken = [f.trigger.end for f in frames if f.event == "agreement_violated"]
    return [
        f
        for f in frames
        if f.event != "ceasefire"
        or not any(
            end <= f.trigger.start
            and ctx.words(end, f.trigger.start) <= 4
            and not STOPS.search(ctx.text, end, f.trigger.start)
            for end in broken
        )
    ]


def _one_reading(ctx: Reader, hits: list[FrameHit], troops: list[TroopNP]) -> list[FrameHit]:
    """One word, one event: where a trigger opens two classes, the reading the sentence supports.
    Troops of a side in a fight are `troops_in_combat`, a side striking another is an `attack`;
    "captured Goma" is a place taken, "captured two soldiers" a casualty."""
    by_trigger: dict[int, list[FrameHit]] = {}
    for f in hits:
        by_trigger.setdefault(f.trigger.start, []).append(f)
    drop: set[int] = set()
    for group in by_trigger.values():
        events = {f.event: f for f in group}
        combat, attack = events.get("troops_in_combat"), events.get("attack")
        if combat is not None and attack is not None:
            # "pasukan X menyerang wilayah Y": a side striking another is an attack.
            aimed = attack.patient is not None or attack.place_by == "explicit"
            by_troops = combat.agent_by in ("explicit", "sender") and not aimed
            suffered = (
                _under_fire(ctx, attack.trigger)
                and attack.patient in (None, combat.agent)
                and attack.agent != combat.agent
            )
            if not suffered:  # "its troops came under fire from Ukrainian drones": both hold
                drop.add(id(attack) if by_troops else id(combat))
        taken, lost = events.get("territory_captured"), events.get("casualties")
        if taken is not None and lost is not None:
            # People right after the verb were captured; else a place was taken.
            end = taken.trigger.end
            people = ctx.doc.first(ctx.pack.troop_nouns, end, end + 30) is not None or any(
                0 <= np.start - end <= 30 for np in troops
            )
            # ("captured two villages": a place with no name of its own was taken)
            spots = (
                ctx.doc.first(m, end, end + 30)
                for m in (ctx.pack.place_nouns, ctx.pack.words("place_kind_village"))
            )
            unnamed = any(h is not None and ctx.words(end, h.start) <= 3 for h in spots)
            drop.add(id(taken) if people or (taken.place is None and not unnamed) else id(lost))
        if attack is not None and lost is not None and attack.agent == lost.agent:
            drop.add(id(lost))  # "membantah telah membunuh warga sipil": the killer is not the dead
        held = events.get("arrest")
        if held is not None and lost is not None:
            # Soldiers of a side taken by its enemy are a casualty; a state holding its own
            # people, or a captor with no troops named, is an arrest.
            own = held.patient is not None and held.patient == held.agent
            prisoners = lost.agent_by == "explicit" and not own and _soldiers_near(ctx, held.trigger)
            drop.add(id(held) if prisoners else id(lost))
    # "keterlibatan tentara Korut dalam pertempuran": involvement in fighting is the fighting.
    involvement = ctx.pack.words("involvement_nouns")
    fights = {(f.agent, f.place) for f in hits if f.event == "troops_in_combat"}
    for f in hits:
        if (
            f.event == "troops_deployed"
            and involvement.search(f.trigger.text)
            and (f.agent, f.place) in fights
        ):
            drop.add(id(f))
    kept = [f for f in hits if id(f) not in drop]
    for f in kept:
        if f.event == "territory_captured" and _own_ground(ctx, f):
            f.event = "territory_recaptured"  # Russia taking a town in Russia takes it back
        elif f.event == "territory_recaptured" and _foreign_ground(ctx, f):
            f.event = "territory_captured"  # Russia "liberating" a town in Ukraine takes it
    return kept


def _pattern(ctx: Reader, f: FrameHit, start: int, end: int) -> bool:
    """ "admitted carrying out hundreds of strikes in recent years": acts told as a pattern over
    years are no incident a party can confirm or contradict; what was said stays an open claim."""
    trig = f.trigger
    lo, hi = max(start, trig.start - 50), min(end, trig.end + 60)
    marks = ctx.doc.find(ctx.pack.words("habitual_markers"), lo, hi)
    if not event_specs()[f.event].lasting:
        # "launched at least 430 missiles at Saudi Arabia since 2015": a tally, not one act
        marks += [
            m for m in ctx.doc.find(ctx.pack.words("since_markers"), lo, hi) if _YEAR.match(ctx.text, m.end)
        ]
    return any(_same_clause(ctx, trig, m) for m in marks)


_YEAR = re.compile(r"\s+(?:1[89]|20)\d\d\b")


def _same_clause(ctx: Reader, trig: Hit, m: Hit) -> bool:
    """No comma or full stop between a marker and the trigger."""
    lo, hi = (trig.end, m.start) if m.start >= trig.end else (m.end, trig.start)
    return lo <= hi and not STOPS.search(ctx.text, lo, hi)


def _under_fire(ctx: Reader, trig: Hit) -> bool:
    """ "came under fire", "di bawah tembakan": the trigger opens with a word of suffering."""
    under = ctx.doc.first(ctx.pack.words("under_markers"), trig.start, trig.end)
    return under is not None and ctx.words(trig.start, under.start) <= 1


def _own_ground(ctx: Reader, f: FrameHit) -> bool:
    """Every place the clause names that the gazetteer can locate lies inside the agent's own
    country ("villages of Zaoleshenka and Rubanshchina in the Kursk region": Kursk is)."""
    home = ctx.gaz.party_place(f.agent)
    located = [p for p in (f.place, *f.extra_places) if p is not None and ctx.gaz.place_chain(p)]
    if home is None or not located:
        return False
    return all(p != home and ctx.gaz.within(p, home) for p in located)


def _foreign_ground(ctx: Reader, f: FrameHit) -> bool:
    """Every place the clause names that the gazetteer can locate lies outside the agent's country."""
    home = ctx.gaz.party_place(f.agent)
    located = [p for p in (f.place, *f.extra_places) if p is not None and ctx.gaz.place_chain(p)]
    if home is None or not located:
        return False
    return all(not ctx.gaz.within(p, home) for p in located)


def _split_places(hits: list[FrameHit]) -> list[FrameHit]:
    """A frame whose clause names a place and places within it (or several agents: "US and
    British strikes"): one frame per place and agent."""
    agents = [g for f in hits for g in (f, *(f.by(extra) for extra in f.extra_agents))]
    return [g for f in agents for g in (f, *(f.at(extra) for extra in f.extra_places))]


def _place_follows_deployment(hits: list[FrameHit]) -> list[FrameHit]:
    """ "dikerahkan ke garis depan Kursk dan ikut dalam operasi tempur": fighting (or losses) of the
    same troops, told without a place, happen where they were just said to be."""
    placed = [
        f for f in hits if f.event == "troops_deployed" and f.place is not None and f.place_by == "explicit"
    ]
    for f in hits:
        if f.place is None and f.event in ("troops_in_combat", "casualties") and placed:
            same = [g for g in placed if g.agent == f.agent and g.trigger.start < f.trigger.start]
            if same:
                f.place, f.place_by = same[-1].place, "context"
    return hits


def _one_per_proposition(hits: list[FrameHit]) -> list[FrameHit]:
    """A nominal restatement of the same proposition adds nothing."""
    unique: dict[tuple[str, str | None, str | None, str | None], FrameHit] = {}
    placed = {(f.event, f.agent, f.patient) for f in hits if f.place is not None}
    for f in hits:
        if f.place is None and (f.event, f.agent, f.patient) in placed:
            continue  # "the deployment to Russia ..., which were sent in October": said already
        unique.setdefault((f.event, f.agent, f.place, f.patient), f)
    return list(unique.values())
