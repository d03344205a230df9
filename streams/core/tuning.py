"""data/extraction.yaml as a typed object: cue stances, confidence weights, roles, limits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from streams.core.caches import memo
from streams.core.lexicon import load_data


@dataclass(frozen=True)
class Confidence:
    base: float
    floor: float
    penalties: dict[str, float]

    def penalty(self, name: str) -> float:
        return self.penalties.get(name, 0.0)


@dataclass(frozen=True)
class Tuning:
    cue_stance: dict[str, str]
    hedged_cues: frozenset[str]
    confidence: Confidence
    answering_roles: frozenset[str]
    announced_events: frozenset[str]
    successor_roles: tuple[str, ...]
    role_kin: dict[str, tuple[str, ...]]
    home_roles: frozenset[str]
    home_least: int
    home_lead: float
    max_sentence_chars: int
    discourse_memory: int


def build_tuning(data: dict[str, Any]) -> Tuning:
    conf = data.get("confidence") or {}
    limits = data.get("limits") or {}
    return Tuning(
        cue_stance={str(k): str(v) for k, v in (data.get("cue_stance") or {}).items()},
        hedged_cues=frozenset(str(k) for k in data.get("hedged_cues") or []),
        confidence=Confidence(
            base=float(conf.get("base", 0.9)),
            floor=float(conf.get("floor", 0.05)),
            penalties={str(k): float(v) for k, v in (conf.get("penalties") or {}).items()},
        ),
        answering_roles=frozenset(str(r) for r in data.get("answering_roles") or []),
        announced_events=frozenset(str(e) for e in data.get("announced_events") or []),
        successor_roles=tuple(str(r) for r in data.get("successor_roles") or []),
        role_kin={str(k): tuple(str(r) for r in v) for k, v in (data.get("role_kin") or {}).items()},
        home_roles=frozenset(str(r) for r in (data.get("home") or {}).get("roles") or []),
        home_least=int((data.get("home") or {}).get("least", 3)),
        home_lead=float((data.get("home") or {}).get("lead", 2.0)),
        max_sentence_chars=int(limits.get("max_sentence_chars", 600)),
        discourse_memory=int(limits.get("discourse_memory", 400)),
    )


@memo
def tuning() -> Tuning:
    return build_tuning(load_data("extraction"))
