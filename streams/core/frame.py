"""What content steps find: a frame (event, agent, place, polarity) and troop noun phrases."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from streams.core.matching import Hit

IMPLICIT = "\u2205"  # marks a presence read from "<troops> in <place>" with no verb
EACH_OTHER = "~each-other"  # the agent of a mutual accusation: each speaker's other side


@dataclass(slots=True)
class FrameHit:
    event: str
    agent: str | None
    place: str | None
    trigger: Hit
    negated: bool = False
    speculative: bool = False
    uncertain: bool = False  # "whether"/"apakah": neither affirmed nor denied
    # explicit | sender | pronoun | speaker (by default) | assumed (the dead are the speaker's) | context
    agent_by: str = "explicit"
    place_by: str = "explicit"  # explicit | context | none
    measure: str | None = None
    cues: list[str] = field(default_factory=list)
    extra_places: list[str] = field(default_factory=list)
    primary: bool = True  # False for the copy at a second place of the same clause
    patient: str | None = None  # whom it is done to (classes with a patient)
    extra_agents: list[str] = field(default_factory=list)  # "US and British strikes": both struck

    def at(self, place: str) -> FrameHit:
        """The same frame at another place (a clause naming several)."""
        return FrameHit(
            self.event,
            self.agent,
            place,
            self.trigger,
            self.negated,
            self.speculative,
            self.uncertain,
            self.agent_by,
            self.place_by,
            self.measure,
            list(self.cues),
            primary=False,
            patient=self.patient,
        )

    def by(self, agent: str) -> FrameHit:
        """The same frame done by another agent listed with the first."""
        return replace(
            self, agent=agent, cues=list(self.cues), extra_places=list(self.extra_places), extra_agents=[]
        )


@dataclass(slots=True)
class TroopNP:
    start: int
    end: int
    party: str | None  # explicit owner
    possessive: bool  # "pasukannya" / "their troops"
    text: str
    owner_end: int = 0  # end of the owner phrase, so the owner is not read as a place
    co_parties: tuple[str, ...] = ()  # "Russian and North Korean soldiers": the owners listed with it
