"""Propositions: (event, agent, patient, place) with stable ids and their relations.

The id is "event:agent:place" with "*" for an unspecified slot, so the same thing said in any
outlet or language maps to the same id; an event class with a patient writes it into the event
slot ("attack>hamas:israel:rafah": Israel attacked Hamas in Rafah). Relations are derived, not
stored: a proposition implies its broader events, the same event without its patient, and — for
events that hold wherever something inside holds (presence, fighting) — the same event at every
ancestor place ("fighting in Kursk" implies "present in Kursk" implies "present in Russia"). A
capture of a village does not imply the capture of its region. `excludes` lists what cannot hold
together with it. Open claims (`other`) get an id of their own per statement and never alert.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from schemas import PropositionRef
from streams.core.caches import memo
from streams.core.gazetteer import Gazetteer, default_gazetteer
from streams.core.lexicon import load_data

ANY = "*"
OPEN = "other"  # the event of an open claim: extracted, shown, never alerting
SPEAKER_AGENT = "agent:speaker"  # claim cue: the agent defaulted to the speaker's side (never alerts)
# claim cue (with SPEAKER_AGENT): whose dead they are is only assumed to be the speaker's side — no
# earlier claim for another party's alert either
OWNER_ASSUMED = "agent:assumed"
# claim cue: the speaker is known only by a name another article introduced (never alerts: the
# match is a guess, and it would depend on which articles a worker happened to read first)
SPEAKER_RECALLED = "speaker:recalled"
# claim cue: the act answers another's ("returned fire", "membalas dengan tembakan"): it confirms no
# other party's account of an attack by the one answering
ANSWER = "act:answer"
# claim cue: the same party affirms the same act elsewhere in the article ("we fired, but not at
# civilians"); its denial disputes a detail (the victims, the target, the toll), not the act
DETAIL_DENIED = "stance:detail"
_PATIENT = ">"


@dataclass(frozen=True, slots=True)
class EventSpec:
    id: str
    label: str
    agent: str  # troops | subject | none
    measure: str | None
    broader: tuple[str, ...]
    excludes: tuple[str, ...]
    triggers: dict[str, tuple[str, ...]]
    measures: dict[str, tuple[str, ...]]
    requires_any: tuple[str, ...]
    victim_after_active: bool = False
    # The troops before the trigger are the ones concerned, whatever follows ("unit Korut berada di
    # bawah tembakan pasukan Ukraina", "North Korean troops fought Ukrainian forces").
    agent_before: bool = False
    recipient_preps: tuple[str, ...] = ()
    cameo: str = ""
    lemmas: dict[str, tuple[str, ...]] = field(default_factory=dict)
    patient: str = "none"  # none | object (who it is done to) | recipient (to whom it goes)
    upward: bool = True  # holds at every place containing its own (presence), or not (capture)
    # A state that lasts (presence, control, supply): "since 2014" dates its start. For an act,
    # "since 2015" sums many acts into a tally (events._pattern).
    lasting: bool = False
    speaker_default: bool = False  # no agent in the sentence: the speaker's side ("Kursk is freed")
    needs_place: bool = False
    alerts: bool = True
    reading: str = "troops"  # troops | roles (see data/frames.yaml)
    needs_patient: bool = False  # "X threatened Y": no claim without a Y
    # An alert needs the patient named ("Iran detained someone" is no certain proposition), and
    # the patient may be the agent's own side ("Polri menangkap anggota TNI").
    alert_needs_patient: bool = False
    own_patient: bool = False
    # Lemmas read for this class only with an agent the clause names ("the RSF killed civilians"),
    # never one from an accusation or the speaker ("accused X of violating the truce after soldiers
    # were killed": the dead are not X's attack).
    named_agent_lemmas: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Lemmas whose subject is the one acted on and object the actor ("Qatar intercepted Iranian
    # missiles": Iran attacked Qatar).
    reversed_lemmas: dict[str, tuple[str, ...]] = field(default_factory=dict)
    place_adjacent: bool = False  # the place is the verb's own object or subject ("took Goma")
    # Lemmas that assert the opposite ("abiding by the truce" denies violating it).
    negating: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _tuple_map(value: Any) -> dict[str, tuple[str, ...]]:
    return {k: tuple(v or ()) for k, v in (value or {}).items()}


def _spec(event_id: str, spec: dict[str, Any]) -> EventSpec:
    return EventSpec(
        id=event_id,
        label=str(spec.get("label", event_id)),
        agent=str(spec.get("agent", "troops")),
        measure=spec.get("measure"),
        broader=tuple(spec.get("broader") or ()),
        excludes=tuple(spec.get("excludes") or ()),
        triggers=_tuple_map(spec.get("triggers")),
        measures=_tuple_map(spec.get("measures")),
        requires_any=tuple(spec.get("requires_any") or ()),
        victim_after_active=bool(spec.get("victim_after_active", False)),
        agent_before=bool(spec.get("agent_before", False)),
        recipient_preps=tuple(spec.get("recipient_preps") or ()),
        cameo=str(spec.get("cameo", "")),
        lemmas=_tuple_map(spec.get("lemmas")),
        patient=str(spec.get("patient", "none")),
        upward=bool(spec.get("upward", True)),
        lasting=bool(spec.get("lasting", False)),
        speaker_default=bool(spec.get("speaker_default", False)),
        needs_place=bool(spec.get("needs_place", False)),
        alerts=bool(spec.get("alerts", True)),
        reading=str(spec.get("reading", "troops")),
        needs_patient=bool(spec.get("needs_patient", False)),
        alert_needs_patient=bool(spec.get("alert_needs_patient", False)),
        own_patient=bool(spec.get("own_patient", False)),
        named_agent_lemmas=_tuple_map(spec.get("named_agent_lemmas")),
        reversed_lemmas=_tuple_map(spec.get("reversed_lemmas")),
        place_adjacent=bool(spec.get("place_adjacent", False)),
        negating=_tuple_map(spec.get("negating")),
    )


@memo
def event_specs() -> dict[str, EventSpec]:
    data: dict[str, Any] = load_data("frames").get("events") or {}
    return {event_id: _spec(event_id, spec) for event_id, spec in data.items()}


def alerts_on(event: str) -> bool:
    """Only propositions of a known event class can confirm or contradict one another."""
    spec = event_specs().get(event)
    return spec is not None and spec.alerts


def identity_certain(prop: PropositionRef, cues: list[str], gaz: Gazetteer) -> bool:
    """A proposition whose identity is certain enough to alert on: a known event class whose
    agent the sentence names (a class that has an agent at all) — not missing, not the speaker's
    side by default, not a news outlet (which reports, never acts) — and whose patient is named
    where the class needs one to say what happened."""
    spec = event_specs().get(prop.event)
    if spec is None or not spec.alerts:
        return False
    if spec.alert_needs_patient and split_event(parse_prop_id(prop.id)[0])[1] is None:
        return False
    if spec.agent == "none":
        return True
    agent = prop.agent
    return agent is not None and SPEAKER_AGENT not in cues and not gaz.is_media(agent)


def prop_id(event: str, agent: str | None, place: str | None, patient: str | None = None) -> str:
    head = f"{event}{_PATIENT}{patient}" if patient else event
    return f"{head}:{agent or ANY}:{place or ANY}"


def parse_prop_id(pid: str) -> tuple[str, str | None, str | None]:
    """(event slot, agent, place); the event slot keeps a patient ("attack>hamas")."""
    event, agent, place = pid.split(":", 2)
    return event, (None if agent == ANY else agent), (None if place == ANY else place)


def split_event(slot: str) -> tuple[str, str | None]:
    """ "attack>hamas" -> ("attack", "hamas"); "other#1a2b" -> ("other", None)."""
    event, _, patient = slot.partition(_PATIENT)
    return event.split("#", 1)[0], (patient or None)


def family_key(event: str, agent: str | None) -> str:
    """Propositions that differ only by place: one family, one place index."""
    return f"{event}:{agent or ANY}"


def _name(gaz: Gazetteer, actor: str | None) -> str:
    return gaz.actors[actor].label if actor and actor in gaz.actors else (actor or "unspecified")


def _label(event: str, agent: str | None, place: str | None, patient: str | None, gaz: Gazetteer) -> str:
    spec = event_specs().get(event)
    template = spec.label if spec else event + " {agent} {place}"
    if place and place in gaz.places:
        chain = gaz.place_chain(place)
        place_label = gaz.places[place].label + (
            f" ({gaz.places[chain[-1]].label})" if len(chain) > 1 else ""
        )
    else:
        place_label = place.replace("_", " ").title() if place else "an unspecified place"
    text = template.replace("{agent}", _name(gaz, agent)).replace("{place}", place_label)
    text = text.replace("{patient}", _name(gaz, patient) if patient else "another party")
    return text[0].upper() + text[1:]


def _broader_events(event: str) -> list[str]:
    specs = event_specs()
    events = [event]
    i = 0
    while i < len(events):  # transitive closure over broader events
        spec = specs.get(events[i])
        for b in spec.broader if spec else ():
            if b not in events:
                events.append(b)
        i += 1
    return events


def broader_ids(
    event: str, agent: str | None, place: str | None, gaz: Gazetteer, patient: str | None = None
) -> list[str]:
    """What this proposition implies, nearest first (excluding itself)."""
    specs = event_specs()
    own = prop_id(event, agent, place, patient)
    out: list[str] = []
    for ev in _broader_events(event):
        spec = specs.get(ev)
        upward = spec is None or spec.upward
        places: list[str | None] = [*gaz.place_chain(place), None] if place and upward else [place]
        if place and not upward:
            places.append(None)  # "Sudzha is retaken" bears on the place-less claim, not on Kursk
        for who in dict.fromkeys([patient if ev == event else None, None]):
            for pl in places:
                pid = prop_id(ev, agent, pl, who)
                if pid != own and pid not in out:
                    out.append(pid)
    return out


def excluded_ids(event: str, place: str | None) -> list[str]:
    spec = event_specs().get(event)
    if spec is None or place is None:
        return []
    out = []
    for other in spec.excludes:
        other_spec = event_specs().get(other)
        if other_spec is None:
            continue
        # Exclusion is about the place; any agent of the other event.
        out.append(prop_id(other, None, place))
    return out


def make_proposition(
    event: str,
    agent: str | None,
    place: str | None,
    gaz: Gazetteer | None = None,
    patient: str | None = None,
) -> PropositionRef:
    gaz = gaz or default_gazetteer()
    event, slot_patient = split_event(event) if event not in event_specs() else (event, None)
    patient = patient or slot_patient
    return PropositionRef(
        id=prop_id(event, agent, place, patient),
        label=_label(event, agent, place, patient, gaz),
        event=event,
        agent=agent,
        place=place,
        broader=broader_ids(event, agent, place, gaz, patient),
        excludes=excluded_ids(event, place),
    )


def open_proposition(content: str, agent: str | None, place: str | None) -> PropositionRef:
    """An open claim: what was said, with an id of its own (a digest of the words) so that it shows
    in the stance table without ever meeting another statement."""
    words = " ".join(content.split())
    digest = hashlib.sha1(words.casefold().encode("utf-8")).hexdigest()[:10]
    short = " ".join(words.split()[:14])
    return PropositionRef(
        id=f"{OPEN}#{digest}:{agent or ANY}:{place or ANY}",
        label=short + ("…" if len(words.split()) > 14 else ""),
        event=OPEN,
        agent=agent,
        place=place,
        broader=[],
        excludes=[],
    )


def narrower_events(event: str) -> list[str]:
    """Events whose broader closure contains `event` (a denial of presence denies fighting)."""
    specs = event_specs()
    return [e for e, s in specs.items() if event in s.broader]
