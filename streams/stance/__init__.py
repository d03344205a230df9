"""Stance state and alert decisions: the rules (one module per alert kind), the key plan, the
reader/writer protocols, and two sibling backends (in memory, Redis) that decide identically."""

from streams.stance.decide import decide
from streams.stance.keys import key_plan, routing_key
from streams.stance.memory import MemoryBook
from streams.stance.state import Decision, Figure, PartyState, Rules, View, evidence_of
from streams.stance.view import build_view
from streams.stance.writes import TIMELINE_CAP

__all__ = [
    "TIMELINE_CAP",
    "Decision",
    "Figure",
    "MemoryBook",
    "PartyState",
    "Rules",
    "View",
    "build_view",
    "decide",
    "evidence_of",
    "key_plan",
    "routing_key",
]
