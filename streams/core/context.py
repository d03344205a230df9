"""The one object every step receives: the document, its language, the gazetteer, the settings,
and what has been read so far (`ReadingState`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from schemas import Article, Claim
from streams.core.discourse import Discourse, SpeakerRef
from streams.core.doc import Doc, Sentence
from streams.core.frame import FrameHit
from streams.core.gazetteer import Gazetteer
from streams.core.lang import LangPack
from streams.core.mentions import Mentions
from streams.core.people import PeopleMemory
from streams.core.tuning import Tuning

_WORD = re.compile(r"\w+")


@dataclass
class ReadingState:
    """What earlier sentences established, for back-references in later ones."""

    discourse: Discourse
    context_agent: dict[str, str] = field(default_factory=dict)  # event -> whose troops
    context_place: dict[str, str] = field(default_factory=dict)  # event -> where
    context_age: int = 0  # sentences since an explicit agent
    last_country: str | None = None
    last_place: str | None = None
    last_place_sentence: int = -99  # where it was named: "the area" reaches back two sentences
    claims_by_party: dict[str, list[Claim]] = field(default_factory=dict)
    # party -> (where its last open claim starts, whether it was a denial)
    open_at: dict[str, tuple[int, bool]] = field(default_factory=dict)
    # The same within the sentence being read, before its claims are built.
    open_pending: dict[str, tuple[int, bool]] = field(default_factory=dict)
    prev_frames: list[FrameHit] = field(default_factory=list)
    topic_frames: list[FrameHit] = field(default_factory=list)
    # party -> the event of the last claim it made or was said to make ("klaim Moskow bahwa P").
    owned: dict[str, str] = field(default_factory=dict)
    last_attributed: tuple[int, SpeakerRef] | None = None  # (paragraph, speaker)
    transcript: tuple[int, SpeakerRef | None, int] | None = None  # (paragraph, speaker, label end)
    learned: set[str] = field(default_factory=set)  # people this article introduced
    recalled: set[tuple[int, int]] = field(default_factory=set)  # speakers named only elsewhere
    # a listed person this article titles with another party's office ("Dutch PM Mark Rutte")
    retitled: dict[str, SpeakerRef] = field(default_factory=dict)


@dataclass
class Reader:
    article: Article
    doc: Doc
    pack: LangPack
    gaz: Gazetteer
    tuning: Tuning
    mentions: Mentions
    state: ReadingState
    sentence: Sentence  # the sentence being read
    people: PeopleMemory | None = None  # who spoke for whom, across articles (people.py)
    headline: bool = False  # reading the title: "X: P", "P – X", "X Klaim P" attribute as headlines do

    @property
    def text(self) -> str:
        return self.doc.text

    def words(self, start: int, end: int) -> int:
        return self.doc.words(start, end)

    def counts(self, start: int, end: int) -> list[tuple[int, int]]:
        """Counts overlapping [start, end): a figure with its bound ("at least 40") or a vague
        one ("dozens of", "puluhan")."""
        found = [(n.start, n.end) for s in self.doc.overlapping(start, end) for n in self.doc.numbers(s)]
        found += [(h.start, h.end) for h in self.doc.find(self.pack.words("vague_counts"), start, end)]
        return [(a, b) for a, b in found if a < end and b > start]

    def words_but_counts(self, start: int, end: int) -> int:
        """Words between two offsets, a count counting as none."""
        gap = list(self.text[start:end])
        for a, b in self.counts(start, end):
            gap[max(a, start) - start : min(b, end) - start] = " " * (min(b, end) - max(a, start))
        return len(_WORD.findall("".join(gap)))

    def remember_claim(self, party: str, claim: Claim) -> None:
        claims = self.state.claims_by_party.setdefault(party, [])
        claims.append(claim)
        if len(claims) > 2 * self.tuning.discourse_memory:
            del claims[: -self.tuning.discourse_memory]
        if claim.stance == "affirm":
            self.state.owned[party] = claim.proposition.event
