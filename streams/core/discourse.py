"""What the article has said so far: speakers and actor mentions, for back-references."""

from __future__ import annotations

from dataclasses import dataclass, field

from streams.core.doc import Quotes
from streams.core.gazetteer import Gazetteer


@dataclass(frozen=True, slots=True)
class SpeakerRef:
    start: int
    end: int
    text: str
    actor_id: str | None
    party: str | None
    role: str | None
    resolved_by: str  # name | alias | role | pronoun | neighbour | label | unknown

    def as_resolved(self, by: SpeakerRef, how: str, *, role: str | None = None) -> SpeakerRef:
        """This phrase standing for the actor `by` refers to ("he" -> Zelensky)."""
        return SpeakerRef(
            self.start, self.end, self.text, by.actor_id, by.party, by.role if role is None else role, how
        )


def whole_party(ref: SpeakerRef, gaz: Gazetteer) -> bool:
    """A state or armed group named as a whole ("China", "Beijing", "Hamas"), no office of it."""
    return ref.role is None and ref.actor_id is not None and gaz.actors[ref.actor_id].kind == "party"


def remember(items: list[SpeakerRef], new: list[SpeakerRef] | SpeakerRef, cap: int) -> None:
    """Append, forgetting the oldest beyond `cap` (amortised: trimmed when twice as long)."""
    if isinstance(new, SpeakerRef):
        items.append(new)
    else:
        items.extend(new)
    if len(items) > 2 * cap:
        del items[:-cap]


@dataclass
class Discourse:
    quotes: Quotes
    memory: int
    mentions: list[SpeakerRef] = field(default_factory=list)
    speakers: list[SpeakerRef] = field(default_factory=list)
    sentence_subject: SpeakerRef | None = None  # the party the previous sentence opened with

    def add_speaker(self, ref: SpeakerRef) -> None:
        remember(self.speakers, ref, self.memory)

    def add_mentions(self, refs: list[SpeakerRef]) -> None:
        remember(self.mentions, refs, self.memory)

    def last_speaker(self) -> SpeakerRef | None:
        return self.speakers[-1] if self.speakers else None

    def last_person(self, gaz: Gazetteer, before: int) -> SpeakerRef | None:
        """Whom "ia"/"he" points to: the last speaker that can be a "he" (not a state or group
        named as a whole: "Beijing said ... He said" is someone else), or a person named after it."""
        best: SpeakerRef | None = None
        for ref in self.speakers:
            if ref.start >= before or ref.actor_id is None or whole_party(ref, gaz):
                continue
            if best is None or ref.start > best.start:
                best = ref
        for ref in self.mentions:
            if ref.start >= before or ref.actor_id is None:
                continue
            if gaz.actors[ref.actor_id].kind == "person" and (best is None or ref.start > best.start):
                best = ref
        return best

    def last_with_role(self, role: str, before: int) -> SpeakerRef | None:
        """The antecedent of a bare role ("the spokesman", "Staf Umum"): the last actor with that
        role who spoke; failing that, the last one named, not counting actors merely named inside
        a quotation ("… claims of Russia's military are false," the General Staff said)."""

        def last(refs: list[SpeakerRef]) -> SpeakerRef | None:
            best: SpeakerRef | None = None
            for ref in refs:
                if (
                    ref.start < before
                    and ref.role == role
                    and ref.actor_id is not None
                    and (best is None or (ref.end, ref.start) > (best.end, best.start))
                ):
                    best = ref
            return best

        unquoted = [m for m in self.mentions if not self.quotes.covers(m.start, m.end)]
        return last(self.speakers) or last(unquoted)
