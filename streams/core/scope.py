"""The span a step reads for frames (`Scope`) and one trigger being read in it (`TriggerReading`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from streams.core.context import Reader
from streams.core.frame import FrameHit, TroopNP
from streams.core.lang.pack import LangPack
from streams.core.matching import Hit, PhraseMatcher
from streams.core.propositions import EventSpec
from streams.core.vocabulary import word_matcher


@dataclass
class Scope:
    """A content span and what the reading brings to it: who speaks, whose claim is denied,
    the place "there" points to, the troops named in it, and whose troops earlier frames meant."""

    ctx: Reader
    start: int
    end: int
    speaker_party: str | None
    claim_owner: str | None
    last_place: str | None
    troops: list[TroopNP]
    agents: dict[str, str]  # event -> whose troops, from context and earlier frames of this span


@dataclass
class TriggerReading:
    scope: Scope
    trig: Hit
    spec: EventSpec
    frame: FrameHit
    window_start: int  # the trigger's neighbourhood (±120 characters, inside the span)
    window_end: int
    agent_span: list[tuple[int, int]] = field(default_factory=list)  # not places: the agent's words
    clause_lo: int = 0  # the trigger's clause
    clause_hi: int = 0
    # Where the act a clause's subject suffered is told (a passive verb, "came under fire"; -1:
    # none): a place just before it is where the act fell.
    suffered_at: int = -1

    @property
    def ctx(self) -> Reader:
        return self.scope.ctx

    def objects(self) -> PhraseMatcher | None:
        """The event's object words ("senjata", "weapons"), when it requires them."""
        return word_matcher(self.spec.requires_any) if self.spec.requires_any else None

    def recipients(self) -> PhraseMatcher | None:
        return word_matcher(self.spec.recipient_preps) if self.spec.recipient_preps else None

    def nominal(self) -> bool:
        """A noun trigger ("pengerahan", "deployment"); of several words, by its head: the last in
        English ("air strike"), any noun in Indonesian ("serangan rudal", "dalam pertempuran")."""
        words = self.trig.text.split()
        if self.ctx.pack.modifier_first:
            return is_noun(self.ctx.pack, words[-1])
        if len(words) > 1 and self.ctx.pack.words("light_verbs").key_of(words[0]) is not None:
            return False  # "mengadakan pembicaraan": the verb heads the phrase; its subject acts
        verbal = self.ctx.pack.glue.verbal_prefixes
        if len(words) > 1 and verbal and words[0].casefold().startswith(verbal) and len(words[0]) > 4:
            return False  # "melepaskan tembakan": an active verb heads it (meN-), whatever follows
        return any(is_noun(self.ctx.pack, w) for w in words)

    def passive(self) -> bool:
        """A passive verb by its prefix ("diserang", "ditembak"); English has none."""
        prefixes = self.ctx.pack.passive_prefixes
        return bool(prefixes) and self.trig.text.split()[0].casefold().startswith(prefixes)

    def troops_in_window(self) -> list[TroopNP]:
        return [np for np in self.scope.troops if self.window_start <= np.start < self.window_end]


def is_noun(pack: LangPack, word: str) -> bool:
    """A noun by its affixes ("pengerahan", "serangan"); a verb prefix wins over a noun suffix
    ("menewaskan", "mengerahkan": meN- ... -kan is a verb)."""
    w, glue = word.casefold(), pack.glue
    if glue.verbal_prefixes and w.startswith(glue.verbal_prefixes):
        return False
    return w.endswith(glue.nominal_suffixes) or w.startswith(glue.nominal_prefixes or ("\0",))
