"""Agent and patient of an event from the grammar of its clause (classes read `reading: roles`):

- active verb: the subject before it is the agent, the object after it (or "on/against X",
  "terhadap X") the patient — "Israel struck Hamas positions", "Thailand menyerang Kamboja";
- passive: the "by X"/"oleh X" phrase is the agent, the subject the patient — "Rafah was shelled
  by Israeli tanks", "pos Thailand diserang oleh pasukan Kamboja";
- noun: the owner qualifying it — "Israeli strikes", "Israel's attack", "serangan Israel" — or
  "by X"; its target after "on/against/terhadap";
- no subject of its own: the claim's owner — the party accused ("A accused B of attacking"), or
  the speaker who denies or admits its own involvement ("B denied any role in the attack",
  "Hamas said it fired") — see `Scope.claim_owner`.
The speaker's party is never a default, except for the classes marked `speaker_default`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from streams.core.compose import beside, names_people, people_nouns
from streams.core.frame import FrameHit
from streams.core.home import is_state
from streams.core.lemmas import lemma
from streams.core.matching import Hit
from streams.core.mentions import named_for_pact
from streams.core.scope import TriggerReading
from streams.core.tokens import STOPS
from streams.core.troops import group_of

_SPACES = re.compile(r"\s*")
_ENGLISH_PARTICIPLE = re.compile(r"(?:ed|en|wn|ck|ot|uck|ght)$|^hit$")  # ("brought", "caught", "hit")
_PASSIVE_PREFIX = re.compile(r"^di[a-z]{3,}")  # "diselidiki", "dikecam"


Found = tuple[str, int, int] | None  # (party, start, end)


def fill_roles(t: TriggerReading) -> bool:
    """Set the frame's agent and patient; False when no agent can be read (then no claim: an
    attack by no one in particular cannot confirm or contradict anything)."""
    frame, voice = t.frame, _voice(t)
    if _describes(t) or _killed_in_defence(t):
        return False
    under = _under(t)
    if under is not None:
        # "Ganja came under fire from Armenian forces", "di bawah gempuran Rusia"
        owner = _modifier(t)
        if owner is not None and owner[1] < under.end:
            owner = None  # "soldiers had come under fire": the sufferers, before the marker
        who, whom = owner or _by_phrase(t) or _from_phrase(t), _subject(replace(t, trig=under))
        t.suffered_at = under.start
    elif voice == "passive":
        who, whom = _by_phrase(t), _subject(t)
        t.suffered_at = t.trig.start
    elif (defence := _defended(t)) is not None:
        # "air defences were responding to drone attacks on Grozny": the subject is the target.
        owner = _modifier(t)
        if owner is not None and owner[1] < defence.end:
            owner = None  # "its troops repelled an attack": the owner before the verb is the defender
        who, whom = owner or _by_phrase(t), _subject(replace(t, trig=defence))
    elif voice == "nominal":
        who = (
            _modifier(t)
            or _by_phrase(t)
            or _light_verb_subject(t)
            or _blamed_on(t)
            or _blamed_subject(t)
            or _own_forces(t)
        )
        whom = _target(t)
    else:
        who, whom = _subject(t), _object(t) or _target(t)
    if who is not None and t.scope.claim_owner is not None and _pronoun_before(t):
        who = (t.scope.claim_owner, who[1], who[2])  # "menuduh dia menembaki": dia = the accused
    if who is not None and _self_target(t, who, whom):
        # "denied Pakistan's claims that its air defences shot down Indian aircraft": "its" is not
        # the speaker's when the speaker's own side is the target; it is the claim's owner's.
        who = (t.scope.claim_owner or who[0], who[1], who[2])
    if _lemma_in(t, t.spec.reversed_lemmas):
        who, whom = whom, who  # "air defences intercepted Iranian missiles": Iran attacked
    for found in (who, whom):
        if found is not None and found[2] > found[1]:
            t.agent_span.append((found[1], found[2]))
    agent, patient = (who[0] if who else None), (whom[0] if whom else None)
    agent_by = "explicit"
    if agent is None and (_needs_named_agent(t) or _people_acted(t, voice)):
        return False
    told = _condemned_told(t) if agent is None else None
    if told is not None:
        # "Iran condemned the strike": the strike the article told, with its agent and target
        frame.agent, frame.agent_by, frame.patient = told.agent, "context", told.patient
        frame.place, frame.place_by = told.place, "context"
        return True
    if agent is None and t.scope.claim_owner is not None:
        # "accused Rwanda of backing M23, which seized towns in an offensive": the relative's own
        other = _relative_antecedent(t)
        agent, agent_by = (t.scope.claim_owner if other is None else other or None), "context"
    if (
        agent is None
        and t.scope.speaker_party is not None
        and (t.spec.speaker_default or (voice == "active" and _own_institution(t)))
        and not _unknown_actor_named(t, voice)
    ):
        agent, agent_by = t.scope.speaker_party, "speaker"
    if agent is None and t.spec.id == "arrest" and voice == "passive":
        frame.agent_by = "place"  # "ditahan di Venezuela": held by the state where it happened
        return True
    if agent is None:
        return False
    frame.agent, frame.agent_by = agent, agent_by
    if who is not None and agent_by == "explicit":
        frame.extra_agents = [p for p in _listed_with(t, who) if p != agent]
    own = patient != agent or t.spec.own_patient
    frame.patient = patient if t.spec.patient != "none" and own else None
    return frame.patient is not None or not t.spec.needs_patient


def _relative_antecedent(t: TriggerReading) -> str | None:
    """The party a relative clause holding the trigger is about ("M23, which seized towns in an
    offensive", "ADF, yang melancarkan serangan"), when it is not the one the claim is about; ""
    for a name the gazetteer does not know (then nobody known did it); None for no such clause."""
    ctx, trig = t.ctx, t.trig
    rel = None
    for m in _REL_COMMA.finditer(ctx.text, t.scope.start, trig.start):
        if ctx.pack.glue.relatives and m.group(1).casefold() in ctx.pack.glue.relatives:
            rel = m
    if rel is None or STOPS.search(ctx.text, rel.end(), trig.start):
        return None
    lo = max(t.scope.start, rel.start() - 80)
    head_end = _before_place_phrase(t, lo, rel.start())
    named = ctx.mentions.last_party(lo, head_end, demonyms=False)
    if named is None or ctx.words(named[0].end, head_end) > 0:
        place = next(reversed(ctx.mentions.places(lo, head_end)), None)
        unknown = place is None or ctx.words(place.end, head_end) > 0  # "di Sumy, Ukraina, yang": a place
        return (
            ""
            if head_end == rel.start() and unknown and _NAME_BEFORE.search(ctx.text, lo, head_end)
            else None
        )
    party = named[1]
    return party if party != t.scope.claim_owner else None


def _before_place_phrase(t: TriggerReading, lo: int, end: int) -> int:
    """Where the antecedent ends: before a place phrase closing it ("M23 di wilayah Kongo timur,
    yang ..." is about M23; "the attacks in Abu Dhabi, which ..." about the attacks)."""
    ctx = t.ctx
    prep = ctx.doc.last(ctx.pack.locative_preps, lo, end)
    if prep is None or ctx.words(prep.end, end) > 3 or STOPS.search(ctx.text, prep.end, end):
        return end
    return prep.start


_REL_COMMA = re.compile(r",\s*(\w+)\b")
# A group's name the gazetteer may not know: an acronym ("ADF") or several capitalised words
_NAME_BEFORE = re.compile(r"(?:\b[A-Z][A-Z0-9\-]+|\b[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)+)\s*$")
_STANCE_KINDS = frozenset({"accuse", "noncommittal", "confirm", "deny"})
_THE_BEFORE = re.compile(r"\b(?:the|any)\s+$", re.IGNORECASE)


def _condemned_told(t: TriggerReading) -> FrameHit | None:
    """ "condemned the strikes", "has not acknowledged the air strikes", "denied the attack": a
    definite event noun right after a verb of stance is the event the article told (the same
    class, with an agent)."""
    ctx, trig = t.ctx, t.trig
    if not ctx.pack.modifier_first or not _THE_BEFORE.search(ctx.text, max(0, trig.start - 6), trig.start):
        return None
    cue = ctx.doc.last(ctx.pack.cues_before, max(t.scope.start - 40, trig.start - 40), trig.start)
    if cue is None or cue.key not in _STANCE_KINDS or ctx.words(cue.end, trig.start) > 2:
        return None
    if ctx.pack.words("credit_cues").key_of(cue.text) is not None:
        return None  # "took credit for the attacks": the speaker's own, whoever the story said
    return next((f for f in ctx.state.topic_frames if f.event == t.spec.id and f.agent), None)


def _own_forces(t: TriggerReading) -> Found:
    """ "said its military strike ...", "serangan militernya": the speaker's own forces, named by a
    possessive that opens what was said, right before the event noun."""
    ctx, trig, party = t.ctx, t.trig, t.scope.speaker_party
    if party is None:
        return None
    for np in t.scope.troops:
        if np.possessive and np.party is None and np.end <= trig.start and ctx.words(np.end, trig.start) == 0:
            if ctx.words(t.scope.start, np.start) <= 2:
                return party, np.start, np.end
    return None


def _own_institution(t: TriggerReading) -> bool:
    """ "the junta said the military did not fire on the school", "mengklaim bahwa militer tidak
    menembaki sekolah": a state body named without its country, opening what the speaker said,
    is the speaker's own (by default: such a claim never alerts)."""
    ctx, trig = t.ctx, t.trig
    body = ctx.doc.first(ctx.pack.words("own_institution_nouns"), t.scope.start, trig.start)
    if body is None or ctx.words(t.scope.start, body.start) > 2 or ctx.words(body.end, trig.start) > 2:
        return False
    if ctx.mentions.owners(t.scope.start, trig.start):
        return False  # "the Russian army": its country is named
    if t.scope.speaker_party is not None and not is_state(ctx.gaz, t.scope.speaker_party):
        return False  # "the RSF said the army shelled ...": a group has no army of the state's
    return not STOPS.search(ctx.text, body.end, trig.start)


def _listed_with(t: TriggerReading, who: tuple[str, int, int]) -> list[str]:
    """ "US and British strikes", "serangan AS dan Inggris": parties listed with the agent (before
    it in English order, after it in Indonesian), joined by "and" or a comma."""
    ctx, glue = t.ctx, t.ctx.pack.glue
    lo, hi = max(t.scope.start, who[1] - 60), min(t.scope.end, who[2] + 60)
    found = _parties(t, lo, hi)
    out: list[str] = []
    edge = who[1] if ctx.pack.modifier_first else who[2]
    # (start, end, party) of each party named beyond the agent, nearest first
    ordered = (
        [p for p in reversed(found) if p[1] <= who[1]]
        if ctx.pack.modifier_first
        else [p for p in found if p[0] >= who[2]]
    )
    for s, e, party in ordered:
        a, b = (e, edge) if ctx.pack.modifier_first else (edge, s)
        gap = ctx.text[a:b]
        if glue.list_gap.fullmatch(gap) is None or not (glue.coordinator_word.search(gap) or "," in gap):
            break
        out.append(party)
        edge = s if ctx.pack.modifier_first else e
    return out


def _pronoun_before(t: TriggerReading) -> bool:
    """A pronoun right before the verb ("menuduh dia menembaki")."""
    words = t.ctx.doc.word_list(max(t.scope.start, t.trig.start - 12), t.trig.start)[-1:]
    return bool(words) and t.ctx.pack.words("object_pronouns").key_of(words[0]) is not None


def _defended(t: TriggerReading) -> Hit | None:
    """A verb of defence right before the event noun ("repelling drone attacks", "menangkis
    serangan"): the noun is what its subject suffered."""
    ctx, trig = t.ctx, t.trig
    verb = ctx.doc.last(ctx.pack.words("defence_verbs"), max(t.scope.start, trig.start - 30), trig.start)
    if verb is None or ctx.words(verb.end, trig.start) > 2 or STOPS.search(ctx.text, verb.end, trig.start):
        return None
    light = ctx.doc.first(ctx.pack.words("light_verbs"), verb.start, trig.start)
    if light is not None and light.start == verb.start:
        return None  # "merespons dengan tembakan": the responder's own fire, not what it suffered
    return verb


def _light_verb_subject(t: TriggerReading) -> Found:
    """ "The Thai military ... launching an armed assault on X", "melancarkan serangan": the noun
    is the act of the light verb's subject (room for a noun phrase's modifiers: "carried out a
    large-scale drone attack")."""
    return _subject_of_word_before(t, "light_verbs", reach=50, gap=6)


def _blamed_subject(t: TriggerReading) -> Found:
    """ "Russia was behind the attack", "Rusia berada di balik serangan itu": whoever stands
    behind (is responsible for) the act did it."""
    return _subject_of_word_before(t, "blame_links", reach=50, gap=3)


def _blamed_on(t: TriggerReading) -> Found:
    """ "blamed the attack on al-Shabaab", "blamed Tuesday's strike on forces loyal to Hafter": the
    party the act is blamed on did it."""
    ctx, trig = t.ctx, t.trig
    # (the verb is the statement's own cue, before the content's start)
    verb = ctx.doc.last(
        ctx.pack.words("blame_on_verbs"), max(ctx.sentence.start, trig.start - 40), trig.start
    )
    if verb is None or STOPS.search(ctx.text, verb.end, trig.start):
        return None
    dets = ctx.pack.words("noun_determiners")
    if len([w for w in ctx.doc.word_list(verb.end, trig.start) if dets.key_of(w) is None]) > 2:
        return None
    hi = min(t.scope.end, trig.end + 90)
    on = ctx.doc.first(ctx.pack.words("blame_on_preps"), trig.end, hi)
    if on is None or ctx.words(trig.end, on.start) > 4 or STOPS.search(ctx.text, trig.end, on.start):
        return None
    for s, e, party in _parties(t, on.end, hi):
        if ctx.words(on.end, s) <= 4 and not STOPS.search(ctx.text, on.end, s):
            return party, s, e  # ("on forces loyal to Hafter's LNA": whose forces)
        break
    return None


def _subject_of_word_before(t: TriggerReading, words: str, reach: int, gap: int) -> Found:
    """The subject of a word of the named list standing at most `gap` words (determiners aside:
    "responsible for the car bomb attack") before the noun."""
    ctx, trig = t.ctx, t.trig
    word = ctx.doc.last(ctx.pack.words(words), max(t.scope.start, trig.start - reach), trig.start)
    if word is None or STOPS.search(ctx.text, word.end, trig.start):
        return None
    dets = ctx.pack.words("noun_determiners")
    if len([w for w in ctx.doc.word_list(word.end, trig.start) if dets.key_of(w) is None]) > gap:
        return None
    return _subject(replace(t, trig=word))


def _lemma_in(t: TriggerReading, lemmas: dict[str, tuple[str, ...]]) -> bool:
    words = lemmas.get(t.ctx.pack.code, ())
    return bool(words) and lemma(t.trig.text.split()[0].casefold(), t.ctx.pack.code) in words


def killing_verb(t: TriggerReading) -> bool:
    return _lemma_in(t, t.spec.named_agent_lemmas)


def _killed_in_defence(t: TriggerReading) -> bool:
    """ "repelled an Ethiopian attack and killed 200 soldiers", "memukul mundur serangan ... dan
    menewaskan": killing joined to a defence by the same subject is the defence's toll (a
    casualty), not an attack of the defender's own."""
    if t.spec.id != "attack" or not killing_verb(t):
        return False
    ctx, trig = t.ctx, t.trig
    defence = ctx.doc.last(ctx.pack.words("defence_verbs"), max(t.scope.start, trig.start - 120), trig.start)
    if defence is None or STOPS.search(ctx.text, defence.end, trig.start):
        return False
    between = ctx.doc.word_list(defence.end, trig.start)
    return bool(between) and between[-1].casefold() in ctx.pack.glue.coordinators


_ACRONYM_WORD = re.compile(r"[A-Z][A-Z0-9\-]{1,7}")


def _unknown_actor_named(t: TriggerReading, voice: str) -> bool:
    """ "the MNDAA had not captured Lashio", "Lashio direbut MNDAA": the verb's subject (or its
    by-phrase) is an actor the gazetteer does not know; the speaker's side is not the default."""
    ctx, trig = t.ctx, t.trig
    if voice == "passive":
        lo, hi = trig.end, min(t.clause_hi, trig.end + 40)
        words = ctx.doc.word_list(lo, hi)[:3]
    else:
        lo, hi = max(t.clause_lo, trig.start - 40), trig.start
        words = ctx.doc.word_list(lo, hi)[-4:]
    known = {w for h in ctx.mentions.owners(lo, hi) for w in ctx.doc.word_list(h.start, h.end)}
    if any(_ACRONYM_WORD.fullmatch(w) and w not in known for w in words):
        return True
    # "direbut oleh Pasukan Pendukung Cepat": a name after the passive's agent marker
    return voice == "passive" and _unknown_name_after_marker(t, lo, hi, known)


def _unknown_name_after_marker(t: TriggerReading, lo: int, hi: int, known: set[str]) -> bool:
    """The passive's agent marker opens [lo, hi) and two capitalised words the text does not
    know as a party follow it: an actor is named, just not one the gazetteer has."""
    ctx = t.ctx
    marker = ctx.doc.first(ctx.pack.words("agent_markers"), lo, hi)
    if marker is None or ctx.words(lo, marker.start) > 1:
        return False
    after = ctx.doc.word_list(marker.end, hi)[:2]
    return len(after) == 2 and all(w[:1].isupper() and w not in known for w in after)


def _people_acted(t: TriggerReading, voice: str) -> bool:
    """ "protesters attacked police", "diserang oleh demonstran": people of no party (unaffiliated
    roles) did it; the accuser or the speaker is not the default. (A group's spokesman saying "the
    rebels conducted ..." speaks of the group's own.)"""
    ctx, trig = t.ctx, t.trig
    speaker = t.scope.speaker_party
    if speaker is not None and not is_state(ctx.gaz, speaker):
        return False
    if voice == "passive":
        marker = ctx.doc.first(ctx.pack.words("agent_markers"), trig.end, min(t.clause_hi, trig.end + 20))
        lo = marker.end if marker is not None else trig.end
        people = next(iter(people_nouns(ctx, lo, min(t.clause_hi, lo + 40))), None)
        return people is not None and ctx.words(lo, people.start) <= 2
    if voice != "active":
        return False
    people = next(reversed(people_nouns(ctx, max(t.clause_lo, trig.start - 40), trig.start)), None)
    if (
        people is None
        or ctx.words(people.end, trig.start) > 2
        or STOPS.search(ctx.text, people.end, trig.start)
    ):
        return False
    # "Houthi rebels attacked": a group's fighters are the group (not "Brazilian fans")
    beside = ctx.mentions.owners(max(0, people.start - 30), people.end + 30) + ctx.mentions.groups(
        max(0, people.start - 30), people.end + 30
    )
    return not any(_names_group(t, h, people) for h in beside)


def _names_group(t: TriggerReading, h: Hit, people: Hit) -> bool:
    """A group (no state) named right before or after a people noun: "Houthi rebels", "pemberontak M23"."""
    ctx = t.ctx
    party = ctx.gaz.party_of(h.key) or h.key
    return not is_state(ctx.gaz, party) and beside(ctx, h, people, after=True)


def _needs_named_agent(t: TriggerReading) -> bool:
    """A killing verb takes its agent from the clause, from the speaker denying its own act
    ("membantah telah membunuh"), or from the accused right before it ("accused the RSF of
    killing") — not from an accusation of something else ("of violating the truce after
    soldiers were killed")."""
    ctx, trig, owner = t.ctx, t.trig, t.scope.claim_owner
    if not killing_verb(t):
        return False
    if owner is None or owner == t.scope.speaker_party:
        return False
    near = [
        s for s, e, party in _parties(t, max(t.scope.start, trig.start - 40), trig.start) if party == owner
    ]
    return not (near and ctx.words(near[-1], trig.start) <= 4)


def _describes(t: TriggerReading) -> bool:
    """A relative clause describing a noun ("Kursk, a region partly held by Ukrainian forces",
    "wilayah yang sebagian dikuasai pasukan Ukraina") is background, not what the speaker says
    happened — for the classes read by roles."""
    ctx, trig = t.ctx, t.trig
    if _in_place_description(t):
        return True
    if t.scope.claim_owner is not None:
        return False  # "membantah sebagai pihak pertama yang menyerang": the speaker's own act
    rel = ctx.doc.last(ctx.pack.clause_breaks, max(t.scope.start, trig.start - 40), trig.start)
    if rel is None or rel.key not in ctx.pack.glue.relatives:
        return False
    if _parties(t, rel.end, trig.start):
        return False  # "..., which Israel struck": the clause has its own subject
    if _party_right_before(t, rel.start):
        return False  # "menyebut Thailand yang lebih dulu menembak": the party named did it
    return ctx.words(rel.end, trig.start) <= 3 and not STOPS.search(ctx.text, rel.end, trig.start)


def _party_right_before(t: TriggerReading, pos: int) -> bool:
    """A party's own name (a state or group, not its troops or a place) is the word right before
    `pos`, the relative pronoun: the clause tells what that party did."""
    ctx = t.ctx
    found = [p for p in _parties(t, max(t.scope.start, pos - 40), pos) if ctx.words(p[1], pos) == 0]
    if not found or ctx.text[found[-1][1] : pos].strip(" ,") != "":
        return False
    # Only where what was said opens ("menyebut Thailand yang", "bahwa justru Thailand yang"): not
    # a place closing a place phrase ("di Jalur Gaza, Palestina yang ...") nor the agent of an
    # earlier passive ("Golan yang dianeksasi Israel yang menewaskan ...").
    return ctx.words(t.scope.start, found[-1][0]) <= 2


def _in_place_description(t: TriggerReading) -> bool:
    """ "troops were in Tigray, where Abiy launched an offensive", "di Tigray, tempat ...": a clause
    describing a place tells what is known there; it is not what the speaker asserts or denies."""
    ctx, trig = t.ctx, t.trig
    rel = ctx.doc.last(ctx.pack.words("place_relatives"), max(t.scope.start, trig.start - 100), trig.start)
    if rel is None or STOPS.search(ctx.text, rel.end, trig.start):
        return False
    return any(
        ctx.words(p.end, rel.start) == 0 for p in ctx.mentions.places(max(0, rel.start - 40), rel.start)
    )


def _voice(t: TriggerReading) -> str:
    """passive | nominal | active, from the trigger's form and the words before it."""
    ctx, trig = t.ctx, t.trig
    word = trig.text.split()[0].casefold()
    link = ctx.doc.first(ctx.pack.words("blame_links"), trig.start, trig.end)
    if link is not None and link.start == trig.start:
        return "active"  # "terlibat dalam ledakan", "bertanggung jawab atas": the subject is the one blamed
    if not ctx.pack.modifier_first:  # Indonesian: the affixes say it
        if word.startswith(ctx.pack.passive_prefixes) and len(word) > 4:
            return "passive"
        return "nominal" if t.nominal() else "active"
    lo = max(t.scope.start, trig.start - 30)
    words = trig.text.split()
    if len(words) > 1 and ctx.pack.words("passive_auxiliaries").key_of(words[0]) is not None:
        if _ENGLISH_PARTICIPLE.search(words[-1].casefold()):
            return "passive"  # the auxiliary is the trigger's own: "were targeted"
    aux = ctx.doc.last(ctx.pack.words("passive_auxiliaries"), lo, trig.start)
    if aux is not None and ctx.words(aux.end, trig.start) <= 1 and _ENGLISH_PARTICIPLE.search(word):
        return "passive"
    if _ENGLISH_PARTICIPLE.search(word) and (_reduced_passive(t) or _participle_before_copula(t)):
        return "passive"
    # A past form ("struck", "attacked") is a verb whatever stands before it; a bare, plural or
    # -ing form after a determiner or an owner is a noun ("the attack", "Israeli strikes").
    verb_form = lemma(word, ctx.pack.code) != word and not word.endswith(("s", "ing"))
    if verb_form or ctx.pack.words("verb_triggers").key_of(trig.text) is not None:
        return "active"
    if word.endswith(("ion", "ment")):
        return "nominal"
    det = ctx.doc.last(ctx.pack.words("noun_determiners"), lo, trig.start)
    if word.endswith(ctx.pack.glue.gerund_suffixes or ("\0",)):
        if aux is not None and ctx.words(aux.end, trig.start) == 0:
            return "active"  # "were shelling": a progressive
        prep = det is not None and ctx.pack.words("noun_prepositions").key_of(det.text) is not None
        if det is not None and prep and ctx.words(det.end, trig.start) == 0:
            return "active"  # "after capturing": a gerund after a preposition is a verb
    if (det is not None and _adjacent(t, det.end, 2)) or _light_verb_object(t) or _by_right_after(t):
        return "nominal"
    owner = _owner_before(t)
    if owner is not None and not any(np.end == owner[2] for np in t.scope.troops):
        return "nominal"
    return "active"


def _by_right_after(t: TriggerReading) -> bool:
    """ "said airstrikes by the Myanmar military hit ...": a bare or plural form with "by" right
    after it (or after a participle: "strikes carried out by") is a noun and its agent, not an
    active verb and its object."""
    ctx, trig = t.ctx, t.trig
    by = ctx.doc.first(ctx.pack.words("agent_markers"), trig.end, min(len(ctx.text), trig.end + 40))
    if by is None or STOPS.search(ctx.text, trig.end, by.start):
        return False
    if ctx.words(trig.end, by.start) == 0:
        return True
    # "air strikes (were) (purportedly) carried out by Pakistan": the noun is the passive's subject
    between = ctx.doc.word_list(trig.end, by.start)
    return len(between) <= 4 and any(_ENGLISH_PARTICIPLE.search(w.casefold()) for w in between[-2:])


def _light_verb_object(t: TriggerReading) -> bool:
    """ "launched a strong and destructive missile attack": after a light verb and its determiner
    the trigger heads the object noun phrase, however many modifiers stand between."""
    ctx, trig = t.ctx, t.trig
    det = ctx.doc.last(ctx.pack.words("noun_determiners"), max(t.scope.start, trig.start - 60), trig.start)
    if det is None or ctx.words(det.end, trig.start) > 5 or STOPS.search(ctx.text, det.end, trig.start):
        return False
    verb = ctx.doc.last(ctx.pack.words("light_verbs"), max(t.scope.start, det.start - 20), det.start)
    return verb is not None and ctx.words(verb.end, det.start) == 0


def _owns_claim_noun(t: TriggerReading, owner_end: int) -> bool:
    """ "Baku's allegations of shelling": a claim noun between a party and the act makes the party
    the owner of the allegations, not of the shelling."""
    return t.ctx.doc.first(t.ctx.pack.claim_nouns, owner_end, t.trig.start) is not None


def _participle_before_copula(t: TriggerReading) -> bool:
    """ "the two Hamas commanders targeted were ...": a participle right before the copula of its
    noun's clause modifies that noun, which was acted on."""
    ctx, trig = t.ctx, t.trig
    nxt = ctx.doc.word_list(trig.end, min(len(ctx.text), trig.end + 20))[:1]
    if not nxt or STOPS.search(ctx.text, trig.end, min(len(ctx.text), trig.end + 2)):
        return False
    before = ctx.doc.word_list(max(t.scope.start, trig.start - 20), trig.start)[-1:]
    noun_before = bool(before) and before[0].casefold() not in ctx.pack.stopwords
    return noun_before and ctx.pack.words("copulas").key_of(nxt[0]) is not None


def _reduced_passive(t: TriggerReading) -> bool:
    """ "49 Armenian soldiers killed on the border" (a headline, a participle phrase): troops right
    before a participle with no object after it were acted on; they did not act."""
    ctx, trig = t.ctx, t.trig
    if not any(np.end <= trig.start and ctx.words(np.end, trig.start) == 0 for np in t.scope.troops):
        return False
    if STOPS.search(ctx.text, max(t.scope.start, trig.start - 2), trig.start):
        return False
    weapon = ctx.doc.first(ctx.pack.words("weapon_nouns"), trig.start, trig.end)
    if weapon is not None and weapon.start > trig.start:
        return False  # "troops fired missiles at": the verb's object is part of the trigger
    nxt = ctx.doc.word_list(trig.end, min(len(ctx.text), trig.end + 20))[:1]
    if not nxt or STOPS.search(ctx.text, trig.end, min(len(ctx.text), trig.end + 2)):
        return True
    first = _SPACES.match(ctx.text, trig.end)
    if first is not None and any(a == first.end() for a, _ in ctx.counts(trig.end, trig.end + 20)):
        return False  # "its fighters killed at least 40 soldiers": a count opens the verb's object
    pack = ctx.pack
    if pack.words("victim_participles").key_of(trig.text) is not None:
        # "soldiers killed on the border": what befalls people, whatever preposition follows
        return pack.words("noun_determiners").key_of(nxt[0]) is not None or nxt[0].casefold() in (
            "on",
            "at",
            "near",
        )
    return (
        pack.locative_preps.key_of(nxt[0]) is not None
        or pack.words("noun_prepositions").key_of(nxt[0]) is not None
    )


def _parties(t: TriggerReading, lo: int, hi: int, acting: bool = True) -> list[tuple[int, int, str]]:
    """(start, end, party) of every actor, demonym, group the text names ("the Arakan Rohingya
    Salvation Army": a party of its own) and owned troop phrase in [lo, hi)."""
    ctx = t.ctx
    out: list[tuple[int, int, str]] = []
    for h in ctx.mentions.owners(lo, hi):
        party = ctx.gaz.party_of(h.key)
        # Who acts is not "Brazilian fans", "suporter Indonesia"; whom an act hits may be
        # ("killed a Palestinian journalist").
        if (
            party is not None
            and not (acting and names_people(ctx, h))
            and not named_for_pact(ctx.doc, ctx.pack, h)
        ):
            out.append((h.start, h.end, party))
    out += [(h.start, h.end, h.key) for h in ctx.mentions.groups(lo, hi)]
    for np in t.scope.troops:
        if lo <= np.start < hi and np.party is not None:
            out.append((np.start, max(np.end, np.owner_end), np.party))
    return sorted(out)


def _subject(t: TriggerReading) -> Found:
    """The nearest party before the trigger in its clause; a pronoun or possessive subject
    opening what the speaker said ("it struck", "its aircraft struck", "pihaknya menyerang")
    is the speaker's side."""
    ctx, trig = t.ctx, t.trig
    if _people_acted(t, "active"):
        return None  # "demonstran menyerang": the protesters, not a party named before them
    lo = max(t.clause_lo, trig.start - 120)
    brk = ctx.doc.last(ctx.pack.clause_breaks, lo, trig.start)
    if brk is not None and ctx.words(brk.end, trig.start) == 0 and brk.key not in ctx.pack.glue.relatives:
        # "its forces were pounding Ukrainian positions after capturing ...": a subjectless clause
        # takes the main clause's subject, not the object just before it.
        return _opening_subject(t, t.scope.start, brk.start)
    if brk is not None and brk.key not in ctx.pack.glue.relatives and _group_pronoun_opens(t, brk.end):
        # "its fighters killed dozens of Kenyan troops when they attacked": "they" of the clause
        # after a subordinator is the main clause's subject, not its object.
        return _opening_subject(t, t.scope.start, brk.start)
    # A killer is the verb's own subject ("the RSF killed"), not a party further back ("accused
    # Syria of violating the truce after soldiers killed").
    limit = 2 if killing_verb(t) else 6
    for s, e, party in reversed(_parties(t, lo, trig.start)):
        if _owns_claim_noun(t, e):
            break
        gap = ctx.words(e, trig.start)
        if gap <= limit and not STOPS.search(ctx.text, e, trig.start):
            if not _governed(t, s) or _fighters_from(t, s) or _event_noun_by(t, s, e):
                return party, s, e
        break
    described = _described_subject(t, lo)
    if described is not None:
        return described
    group = _speakers_group(t, lo) or _first_person(t, lo)
    if group is not None:
        return group
    # "militernya melancarkan serangan", "rudal-rudalnya menghantam": the speaker's side's own
    for nouns in (ctx.pack.troop_nouns_possessive, ctx.pack.weapons_possessive):
        own = ctx.doc.last(nouns, lo, trig.start)
        if own is not None and ctx.words(own.end, trig.start) <= 2 and t.scope.speaker_party:
            if not STOPS.search(ctx.text, own.end, trig.start):
                return t.scope.speaker_party, own.start, own.end
    pron = None
    for matcher in (ctx.pack.pronouns, ctx.pack.own_country, ctx.pack.possessive_words):
        h = ctx.doc.last(matcher, lo, trig.start)
        if h is not None and (pron is None or h.end > pron.end):
            pron = h
    opens = pron is not None and ctx.words(t.scope.start, pron.start) <= 2
    if pron is not None and opens and ctx.words(pron.end, trig.start) <= 3 and t.scope.speaker_party:
        if _others_in_quote(t, pron):
            # “They confessed to killing 11 people,” the minister said: not his side, but the
            # one other side named just before, if there is exactly one.
            other = _the_other_side(t, pron.start)
            return (other, pron.start, pron.start) if other else None
        return t.scope.speaker_party, pron.start, pron.start
    return None


def _speakers_group(t: TriggerReading, lo: int) -> Found:
    """ "a Houthi spokesman said the group carried out", "kelompoknya menggelar": the group a
    group's own spokesman names as the subject is his (a state's speaker means another group)."""
    ctx, trig, party = t.ctx, t.trig, t.scope.speaker_party
    if party is None or is_state(ctx.gaz, party):
        return None
    own = ctx.doc.last(ctx.pack.words("own_group_words"), lo, trig.start)
    if own is None or ctx.words(own.end, trig.start) > 3 or STOPS.search(ctx.text, own.end, trig.start):
        return None
    return party, own.start, own.end


def _first_person(t: TriggerReading, lo: int) -> Found:
    """ "“We did not attack Chad,” the minister said", "“Kami tidak menyerang Chad”": a speaker's
    "we" is his side (lang data `first_person_subjects`)."""
    ctx, trig, party = t.ctx, t.trig, t.scope.speaker_party
    we = ctx.doc.last(ctx.pack.words("first_person_subjects"), lo, trig.start)
    if party is None or we is None or ctx.words(we.end, trig.start) > 3:
        return None
    if STOPS.search(ctx.text, we.end, trig.start) or ctx.mentions.owners(we.end, trig.start):
        return None
    glue = ctx.pack.glue
    if any(w.casefold() in glue.coordinators for w in ctx.doc.word_list(we.end, trig.start)):
        return None  # "... kami dan dengan sengaja menabrak": another clause, another subject
    before = ctx.doc.word_list(max(lo, we.start - 30), we.start)[-1:]
    if (
        before
        and ctx.pack.complementizers.key_of(before[0]) is None
        and before[0].casefold() not in glue.coordinators
    ):
        return None  # "peringatan keras kami": an owner after its noun, no subject
    return party, we.start, we.end


def _self_target(t: TriggerReading, who: Found, whom: Found) -> bool:
    """The agent taken for the speaker's side (from "its"/"it") is also the target, while the
    statement recounts another party's claim."""
    mine, owner = t.scope.speaker_party, t.scope.claim_owner
    if who is None or whom is None or mine is None or owner is None or owner == mine:
        return False
    if who[0] != mine or whom[0] != mine:
        return False
    pronoun = who[1] == who[2]  # (a pronoun subject is found as an empty span)
    return pronoun or t.ctx.pack.troop_nouns_possessive.key_of(t.ctx.text[who[1] : who[2]]) is not None


def _group_pronoun_opens(t: TriggerReading, pos: int) -> bool:
    """ "they" (a group pronoun) right at `pos`, then at most two words before the trigger."""
    ctx = t.ctx
    pron = ctx.doc.first(ctx.pack.pronouns, pos, t.trig.start)
    return (
        pron is not None
        and pron.key == "group"
        and ctx.words(pos, pron.start) == 0
        and ctx.words(pron.end, t.trig.start) <= 2
    )


_FROM_BEFORE = re.compile(r"\s+(?:from|dari)\s+(?:the\s+)?$", re.IGNORECASE)


def _fighters_from(t: TriggerReading, s: int) -> bool:
    """ "mercenaries from the Wagner Group shelled", "troops from Russia shelled": whose fighters
    they are is the subject, though a preposition governs it."""
    ctx = t.ctx
    m = _FROM_BEFORE.search(ctx.text, max(0, s - 12), s)
    if m is None:
        return False
    noun = ctx.doc.last(ctx.pack.troop_nouns, max(0, m.start() - 30), m.start() + 1)
    return noun is not None and noun.end == m.start()


def _others_in_quote(t: TriggerReading, pron: Hit) -> bool:
    """A speaker quoted in his own words says "we" of his side; "they" there are others."""
    ctx = t.ctx
    others = ctx.pack.words("others_pronouns").key_of(pron.text) is not None
    return others and ctx.doc.quotes.inside(pron.start)


def _the_other_side(t: TriggerReading, before: int) -> str | None:
    """The only party other than the speaker's named in the text just before `before`."""
    ctx, mine = t.ctx, t.scope.speaker_party
    refs = [*ctx.state.discourse.mentions, *ctx.state.discourse.speakers]
    near = {r.party for r in refs if r.party and r.party != mine and before - _REACH <= r.start < before}
    return near.pop() if len(near) == 1 else None


_REACH = 400  # characters back "they" may point


def _opening_subject(t: TriggerReading, lo: int, hi: int) -> Found:
    """The subject opening [lo, hi): a party, or a pronoun/possessive standing for the speaker."""
    ctx = t.ctx
    parties = _parties(t, lo, hi)
    # (not "topan menghantam Lima": a party after the clause's own verb is its object)
    if parties and ctx.words(lo, parties[0][0]) <= 2 and not ctx.mentions.triggers(lo, parties[0][0]):
        return parties[0][2], parties[0][0], parties[0][1]
    for matcher in (ctx.pack.pronouns, ctx.pack.own_country, ctx.pack.possessive_words):
        h = ctx.doc.first(matcher, lo, hi)
        if h is not None and ctx.words(lo, h.start) <= 1 and t.scope.speaker_party:
            return t.scope.speaker_party, h.start, h.start
    return None


def _described_subject(t: TriggerReading, lo: int) -> Found:
    """ "kapal Filipina yang masuk secara ilegal ke beting itu menabrak ...": a party described by a
    relative clause that runs up to the verb is the verb's subject (a language that puts the
    relative after its noun and marks no clause end before the verb)."""
    ctx, trig = t.ctx, t.trig
    if ctx.pack.modifier_first:
        return None  # English closes the clause with a comma ("the vessel, which ..., rammed")
    parties = [p for p in _parties(t, lo, trig.start) if not _governed(t, p[0])]
    for s, e, party in parties:
        rel = ctx.doc.first(ctx.pack.clause_breaks, e, trig.start)
        if rel is None or rel.key not in ctx.pack.glue.relatives or ctx.words(e, rel.start) > 1:
            continue
        if STOPS.search(ctx.text, e, trig.start) or ctx.words(rel.end, trig.start) > 12:
            continue
        if any(ps > e for ps, _, _ in parties) or ctx.mentions.triggers(rel.end, trig.start):
            continue  # another party or another event inside: the clause says more than a description
        return party, s, e
    return None


def _event_noun_by(t: TriggerReading, s: int, e: int) -> bool:
    """ "airstrikes by Myanmar's military killed 100 people": the verb's subject is an event noun
    whose by-phrase, right before the verb, names who did it."""
    ctx = t.ctx
    by = ctx.doc.last(ctx.pack.words("agent_markers"), max(0, s - 14), s)
    if by is None or ctx.words(by.end, s) > 1 or ctx.words(e, t.trig.start) > 2:
        return False
    nouns = ctx.mentions.triggers(max(0, by.start - 40), by.start)
    return any(ctx.words(h.end, by.start) == 0 for h in nouns)


def _governed(t: TriggerReading, start: int) -> bool:
    """A party after a preposition ("in Israel", "against Hamas") is no subject."""
    ctx = t.ctx
    lo = max(0, start - 14)
    for matcher in (ctx.pack.locative_preps, ctx.pack.target_markers, ctx.pack.origin_markers):
        h = ctx.doc.last(matcher, lo, start)
        # (not across a comma: "According to Warsaw, Russia attacked")
        if h is not None and ctx.words(h.end, start) <= 1 and "," not in ctx.text[h.end : start]:
            return True
    # "airstrikes on eastern Afghanistan killed": "on" before a party, an adjective at most
    # between, governs it too (not a name between: "on Tuesday Russia attacked").
    on = ctx.doc.last(ctx.pack.words("object_preps"), lo, start)
    if on is None or STOPS.search(ctx.text, on.end, start):
        return False
    between = ctx.doc.word_list(on.end, start)
    return len(between) <= 1 and all(w.islower() for w in between)


def _object(t: TriggerReading) -> Found:
    """The party right after an active verb ("attacked Thai positions", "menyerang Kamboja")."""
    ctx, trig = t.ctx, t.trig
    for s, e, party in _parties(t, trig.end, min(t.clause_hi, trig.end + 60), acting=False):
        # "menyerang konvoi di Niger": the convoy was attacked, in Niger
        # ("killed at least 40 Ugandan soldiers": a count in between is no word, its "at" no mark)
        if ctx.words_but_counts(trig.end, s) <= 2 and _unmarked_gap(t, trig.end, s):
            return party, s, e
        break
    return None


def _target(t: TriggerReading) -> Found:
    """ "on X", "against X", "terhadap X": whom the act is aimed at; "talks with X": whom the
    class's own preposition names."""
    ctx, trig = t.ctx, t.trig
    hi = min(t.clause_hi, trig.end + 60)
    recipients = t.recipients()
    markers = [ctx.doc.first(ctx.pack.words("patient_markers"), trig.end, hi)]
    if recipients is not None:
        markers.append(ctx.doc.first(recipients, trig.end, hi))
    marker = min((m for m in markers if m is not None), key=lambda m: m.start, default=None)
    if marker is None or ctx.words(trig.end, marker.start) > 3:
        return None
    for s, e, party in _parties(t, marker.end, hi, acting=False):
        if ctx.words(marker.end, s) <= 2:
            return party, s, e
        break
    return None


def _by_phrase(t: TriggerReading) -> Found:
    """ "by X", "oleh X"; an Indonesian passive may name its agent right after the verb
    ("dikuasai pasukan Ukraina")."""
    ctx, trig = t.ctx, t.trig
    hi = min(t.clause_hi, trig.end + 80)
    if not ctx.pack.modifier_first:
        for s, e, party in _parties(t, trig.end, hi):
            # "serangan udara di Kabul": a place after a preposition is where, not who
            gap = ctx.words(trig.end, s) - _platform_words(t, trig.end, s)
            # ("dihantam rudal jelajah Rusia": the weapon, with its kind, before its owner)
            weapon = ctx.doc.first(ctx.pack.words("weapon_nouns"), trig.end, s)
            most = 3 if weapon is not None and ctx.words(trig.end, weapon.start) == 0 else 1
            if gap <= most and _unmarked_gap(t, trig.end, s):
                if killing_verb(t) and _victims_between(t, trig.end, s):
                    break  # "pembunuhan warga Palestina": the victims' side
                return party, s, e
            break
    anchor = _past_copula(t, hi)
    for h in ctx.doc.find(ctx.pack.words("agent_markers"), trig.end, hi):
        if ctx.words(anchor, h.start) > 5:
            break
        if anchor > trig.end and _other_participle(t, anchor, h.start):
            break  # "the attack on the convoy was investigated by the UN": who acted on it, not who did it
        for s, e, party in _parties(t, h.end, hi):
            # "oleh rudal darat-ke-udara milik Iran": the weapon may stand before its owner
            weapon = ctx.doc.first(ctx.pack.words("weapon_nouns"), h.end, s)
            if ctx.words(h.end, s) <= (5 if weapon is not None else 2 + _platform_words(t, h.end, s)):
                return _unit_named(t, party, s, e, hi)
            break
    return _ordered_by(t, hi)


def _past_copula(t: TriggerReading, hi: int) -> int:
    """ "the attack on the refinery was an act of war by Iran", "the attack in the Shirpur area was
    carried out by American drones", "serangan terhadap kilang itu merupakan aksi perang oleh Iran":
    an event noun with its own complement, subject of a copula; what follows the copula is measured
    from there. The trigger's end when there is no such copula."""
    ctx, trig = t.ctx, t.trig
    cop = ctx.doc.first(ctx.pack.words("copulas"), trig.end, hi)
    if cop is None or cop.start == trig.end or ctx.words(trig.end, cop.start) > 8:
        return trig.end
    words = ctx.pack.words
    preps = [words("noun_prepositions"), words("patient_markers"), ctx.pack.locative_preps]
    opens = any(
        (p := ctx.doc.first(m, trig.end, cop.start)) and ctx.words(trig.end, p.start) == 0 for m in preps
    )
    if not opens or STOPS.search(ctx.text, trig.end, cop.start) or ctx.mentions.triggers(trig.end, cop.start):
        return trig.end  # only "<event> <preposition> <its object> <copula>"
    return cop.end


def _other_participle(t: TriggerReading, lo: int, hi: int) -> bool:
    """A passive participle after the copula that is not one of doing the act ("carried out",
    "dilakukan"): "investigated", "diselidiki" — its by-phrase names someone else."""
    ctx = t.ctx
    doers = ctx.pack.words("doer_participles")
    rest = ctx.text[lo:hi]
    for h in ctx.doc.find(doers, lo, hi):
        rest = rest.replace(h.text, " ")
    passive = _ENGLISH_PARTICIPLE if ctx.pack.modifier_first else _PASSIVE_PREFIX
    return any(passive.search(w.casefold()) for w in rest.split())


def _unit_named(t: TriggerReading, party: str, s: int, e: int, hi: int) -> tuple[str, int, int]:
    """ "by Russian mercenaries from the Wagner Group": the group after the state's people did it."""
    ctx = t.ctx
    if ctx.pack.modifier_first:  # "Russian mercenaries from ...": the noun after its owner
        noun = ctx.doc.first(ctx.pack.troop_nouns, e, min(hi, e + 30))
        near = noun is not None and ctx.words(e, noun.start) <= 1
    else:  # "tentara bayaran Rusia dari ...": before it
        noun = ctx.doc.last(ctx.pack.troop_nouns, max(0, s - 30), s)
        near = noun is not None and ctx.words(noun.end, s) <= 1
    if noun is None or not near:
        return party, s, e
    owners = ctx.mentions.owners(noun.end, hi) + ctx.mentions.groups(noun.end, hi)
    unit = group_of(ctx, max(noun.end, e), owners)
    return (unit[0], s, unit[1]) if unit is not None else (party, s, e)


def _ordered_by(t: TriggerReading, hi: int) -> Found:
    """ "carried out by female agents on the orders of Pyongyang", "atas perintah Pyongyang": who
    ordered the act did it."""
    ctx, trig = t.ctx, t.trig
    mark = ctx.doc.first(ctx.pack.words("order_markers"), trig.end, hi)
    if mark is None or ctx.words(trig.end, mark.start) > 8 or STOPS.search(ctx.text, trig.end, mark.start):
        return None
    first = next(iter(_parties(t, mark.end, hi)), None)
    if first is None or ctx.words(mark.end, first[0]) > 1:
        return None
    return first[2], first[0], first[1]


def _under(t: TriggerReading) -> Hit | None:
    """ "came under attack", "was under heavy Russian shelling", "mendapat serangan": the marker
    opening the trigger or standing at most two words before it, where the subject suffered the act."""
    ctx, trig = t.ctx, t.trig
    marks = ctx.pack.words("under_markers")
    own = ctx.doc.first(marks, trig.start, trig.end)
    if own is not None and own.start == trig.start:
        return own
    h = ctx.doc.last(marks, max(t.scope.start, trig.start - 40), trig.start)
    if h is None or ctx.words(h.end, trig.start) > 2 or STOPS.search(ctx.text, h.end, trig.start):
        return None
    return h


def _from_phrase(t: TriggerReading) -> Found:
    """ "under fire from Armenian forces", "serangan dari pasukan Armenia": the party a suffered act
    came from."""
    ctx, trig = t.ctx, t.trig
    hi = min(t.clause_hi, trig.end + 80)
    h = ctx.doc.first(ctx.pack.origin_markers, trig.end, hi)
    if h is None or ctx.words(trig.end, h.start) > 3 or STOPS.search(ctx.text, trig.end, h.start):
        return None
    for s, e, party in _parties(t, h.end, hi):
        if ctx.words(h.end, s) <= 2 + _platform_words(t, h.end, s):
            return party, s, e
        break
    return None


def _platform_words(t: TriggerReading, lo: int, hi: int) -> int:
    """ "ditembak kapal perang Indonesia", "oleh kapal Angkatan Laut Indonesia": the ship, aircraft
    or vehicle its owner acted with may stand before the owner (words it takes, else 0)."""
    ctx = t.ctx
    taken, pos = 0, lo
    platform = ctx.doc.first(ctx.pack.words("platform_nouns"), lo, hi)
    if platform is not None and ctx.words(lo, platform.start) == 0:
        taken, pos = len(ctx.doc.word_list(platform.start, platform.end)), platform.end
    # ("kapal Angkatan Laut Indonesia": the owner's service may stand between too)
    service = ctx.doc.first(ctx.pack.roles, pos, hi)
    if taken and service is not None and service.key == "military" and ctx.words(pos, service.start) == 0:
        taken += len(ctx.doc.word_list(service.start, service.end))
    return taken


def _owner_before(t: TriggerReading) -> Found:
    """ "Israeli strikes", "Israel's attack", "Russian missile attacks" (English order)."""
    ctx, trig = t.ctx, t.trig
    for s, e, party in reversed(_parties(t, max(t.scope.start, trig.start - 40), trig.start)):
        if _owns_claim_noun(t, e) or ctx.doc.first(ctx.pack.cues_before, e, trig.start) is not None:
            break  # "Thai officials said airstrikes by ...": the speaker owns no act after its verb
        if (
            ctx.words(e, trig.start) <= 2
            and not STOPS.search(ctx.text, e, trig.start)
            and (not _governed(t, s) or _compound_owner(t, s, e) or _adjective_owner(t, s, e))
        ):
            return party, s, e
        break
    return None


def _adjective_owner(t: TriggerReading, s: int, e: int) -> bool:
    """ "killed in an Israeli air strike": a demonym right before the event noun is its owner,
    whatever preposition governs the phrase (a country's name there may be a place instead)."""
    ctx = t.ctx
    return ctx.words(e, t.trig.start) == 0 and any(h.start == s for h in ctx.mentions.demonyms(s, e))


def _compound_owner(t: TriggerReading, s: int, e: int) -> bool:
    """ "in a China Coast Guard water cannon attack": an institution's name modifying the noun is
    its owner, whatever preposition governs the phrase."""
    ctx = t.ctx
    between = ctx.doc.word_list(e, t.trig.start)
    return bool(between) and all(w[:1].isupper() for w in between)


def _modifier(t: TriggerReading) -> Found:
    """The owner of a noun: before it in English, after it in Indonesian ("serangan udara
    Israel"), a possessive troop noun ("serangan pasukannya") being the speaker's side."""
    ctx, trig = t.ctx, t.trig
    if ctx.pack.modifier_first:
        return _owner_before(t)
    hi = min(t.clause_hi, trig.end + 40)
    for s, e, party in _parties(t, trig.end, hi):
        between = ctx.doc.word_list(trig.end, s)
        if len(between) <= 2 and not STOPS.search(ctx.text, trig.end, s) and not _marked(t, trig.end, s):
            if _victims_between(t, trig.end, s, counted=not killing_verb(t)):
                # "pembunuhan empat prajurit TNI", "penembakan delapan anggota TNI": the killing or
                # shooting of TNI soldiers, not by them ("serangan 100 drone Rusia" is Russia's).
                return None
            return party, s, e
        break
    return None


def _victims_between(t: TriggerReading, lo: int, hi: int, *, counted: bool = False) -> bool:
    """People counted or named as troops or victims between a noun and a party after it; with
    `counted`, both a number and a people noun ("delapan anggota", not "100 drone")."""
    ctx = t.ctx
    numbers = bool(ctx.doc.numbers_between(lo, hi))
    people = (ctx.pack.troop_nouns, ctx.pack.words("victim_nouns"))
    named = any(ctx.doc.first(m, lo, hi) is not None for m in people)
    return numbers and named if counted else numbers or named


def _unmarked_gap(t: TriggerReading, lo: int, hi: int) -> bool:
    """No comma, full stop or preposition between a word and a party."""
    return not STOPS.search(t.ctx.text, lo, hi) and not _marked(t, lo, hi)


def _marked(t: TriggerReading, lo: int, hi: int) -> bool:
    """A preposition between a noun and a party: "serangan terhadap Israel" names the target,
    "pembicaraan telepon dengan Ethiopia" whom the talks were with."""
    ctx = t.ctx
    marks = [ctx.pack.words("patient_markers"), ctx.pack.locative_preps, ctx.pack.origin_markers]
    recipients = t.recipients()
    if recipients is not None:
        marks.append(recipients)
    counts = ctx.counts(lo, hi)
    return any(not any(a <= h.start < b for a, b in counts) for m in marks for h in ctx.doc.find(m, lo, hi))


def _adjacent(t: TriggerReading, pos: int, words: int) -> bool:
    """At most `words` words and no comma or full stop between `pos` and the trigger."""
    ctx, trig = t.ctx, t.trig
    return ctx.words(pos, trig.start) <= words and not STOPS.search(ctx.text, pos, trig.start)
