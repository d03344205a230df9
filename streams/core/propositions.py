"""Propositions: (event, agent, place) frames with stable ids and their relations.

The id is "event:agent:place" with "*" for an unspecified slot, so the same thing said in any
outlet or language maps to the same id. Relations are derived, not stored: a proposition implies
the same event at every ancestor place and its broader events ("fighting in Kursk" implies
"present in Kursk" implies "present in Russia"); `excludes` lists what cannot hold together with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from schemas import PropositionRef
from streams.core.caches import memo
from streams.core.gazetteer import Gazetteer, default_gazetteer
from streams.core.lexicon import load_data

ANY = "*"


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


@memo
def event_specs() -> dict[str, EventSpec]:
    data: dict[str, Any] = load_data("frames").get("events") or {}
    out: dict[str, EventSpec] = {}
    for event_id, spec in data.items():
        out[event_id] = EventSpec(
            id=event_id,
            label=str(spec.get("label", event_id)),
            agent=str(spec.get("agent", "troops")),
            measure=spec.get("measure"),
            broader=tuple(spec.get("broader") or ()),
            excludes=tuple(spec.get("excludes") or ()),
            triggers={k: tuple(v or ()) for k, v in (spec.get("triggers") or {}).items()},
            measures={k: tuple(v or ()) for k, v in (spec.get("measures") or {}).items()},
            requires_any=tuple(spec.get("requires_any") or ()),
            victim_after_active=bool(spec.get("victim_after_active", False)),
            agent_before=bool(spec.get("agent_before", False)),
            recipient_preps=tuple(spec.get("recipient_preps") or ()),
        )
    return out


def prop_id(event: str, agent: str | None, place: str | None) -> str:
    return f"{event}:{agent or ANY}:{place or ANY}"


def parse_prop_id(pid: str) -> tuple[str, str | None, str | None]:
    event, agent, place = pid.split(":", 2)
    return event, (None if agent == ANY else agent), (None if place == ANY else place)


def family_key(event: str, agent: str | None) -> str:
    """Propositions that differ only by place: one family, one place index."""
    return f"{event}:{agent or ANY}"


def _label(event: str, agent: str | None, place: str | None, gaz: Gazetteer) -> str:
    spec = event_specs().get(event)
    template = spec.label if spec else event + " {agent} {place}"
    agent_label = gaz.actors[agent].label if agent and agent in gaz.actors else "unspecified"
    if place and place in gaz.places:
        chain = gaz.place_chain(place)
        place_label = gaz.places[place].label + (
            f" ({gaz.places[chain[-1]].label})" if len(chain) > 1 else ""
        )
    else:
        place_label = "an unspecified place"
    text = template.replace("{agent}", agent_label).replace("{place}", place_label)
    return text[0].upper() + text[1:]


def broader_ids(event: str, agent: str | None, place: str | None, gaz: Gazetteer) -> list[str]:
    """What this proposition implies, nearest first (excluding itself)."""
    specs = event_specs()
    events = [event]
    i = 0
    while i < len(events):  # transitive closure over broader events
        spec = specs.get(events[i])
        for b in spec.broader if spec else ():
            if b not in events:
                events.append(b)
        i += 1
    places: list[str | None] = [*gaz.place_chain(place), None] if place else [None]
    out: list[str] = []
    for ev in events:
        for pl in places:
            pid = prop_id(ev, agent, pl)
            if pid != prop_id(event, agent, place) and pid not in out:
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
    event: str, agent: str | None, place: str | None, gaz: Gazetteer | None = None
) -> PropositionRef:
    gaz = gaz or default_gazetteer()
    return PropositionRef(
        id=prop_id(event, agent, place),
        label=_label(event, agent, place, gaz),
        event=event,
        agent=agent,
        place=place,
        broader=broader_ids(event, agent, place, gaz),
        excludes=excluded_ids(event, place),
    )


def narrower_events(event: str) -> list[str]:
    """Events whose broader closure contains `event` (a denial of presence denies fighting)."""
    specs = event_specs()
    return [e for e, s in specs.items() if event in s.broader]
