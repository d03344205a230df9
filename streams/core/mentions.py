"""Step 3: mention spans over the document — actors, demonyms, people, places, event triggers and
measures from the gazetteer and the event vocabulary, found once per document."""

from __future__ import annotations

from streams.core.doc import Doc
from streams.core.gazetteer import Gazetteer
from streams.core.lang import LangPack
from streams.core.matching import Hit, PhraseMatcher
from streams.core.vocabulary import measure_matcher, trigger_matcher


class Mentions:
    def __init__(self, doc: Doc, pack: LangPack, gaz: Gazetteer) -> None:
        self.doc = doc
        self.gaz = gaz
        self.triggers_matcher = trigger_matcher(pack.code)
        self.measures_matcher = measure_matcher(pack.code)
        for matcher in self._gazetteer_matchers():
            doc.find(matcher, 0, 0)  # one pass each, up front

    def _gazetteer_matchers(self) -> tuple[PhraseMatcher, ...]:
        g = self.gaz
        return (g.actor_matcher, g.demonym_matcher, g.place_matcher, g.people_matcher)

    def actors(self, start: int, end: int) -> list[Hit]:
        return self.doc.find(self.gaz.actor_matcher, start, end)

    def demonyms(self, start: int, end: int) -> list[Hit]:
        return self.doc.find(self.gaz.demonym_matcher, start, end)

    def places(self, start: int, end: int) -> list[Hit]:
        return self.doc.find(self.gaz.place_matcher, start, end)

    def people(self, start: int, end: int) -> list[Hit]:
        return self.doc.find(self.gaz.people_matcher, start, end)

    def triggers(self, start: int, end: int) -> list[Hit]:
        return self.doc.find(self.triggers_matcher, start, end)

    def measures(self, start: int, end: int) -> list[Hit]:
        return self.doc.find(self.measures_matcher, start, end)

    def owners(self, start: int, end: int) -> list[Hit]:
        """Demonyms and actor names, in text order: who troops or a deployment may belong to."""
        return sorted(self.demonyms(start, end) + self.actors(start, end), key=lambda h: h.start)

    def places_outside_actors(self, start: int, end: int) -> list[Hit]:
        """Places not inside an actor name ("perkiraan Kyiv" names the government)."""
        spans = [(a.start, a.end) for a in self.actors(start, end)]
        return [p for p in self.places(start, end) if not any(s <= p.start < e for s, e in spans)]
