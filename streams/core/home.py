"""The article's home state: the one country a report is plainly about ("the army said" in a
story from Balochistan is Pakistan's army). Two counts over the whole text must agree: the state
named most (itself, its demonym, its people) and the state whose land holds the places named.
Troops abroad split them (North Korean troops in Kursk: North Korea named, Russia's land), and a
story between two states leads in neither; then there is no home, and a bare "the army" stays
no one's."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from streams.core.gazetteer import Gazetteer
from streams.core.matching import Hit


def home_state(
    gaz: Gazetteer, parties: Iterable[Hit], places: Iterable[Hit], *, least: int, lead: float
) -> str | None:
    """The state leading both counts (`lead` times any other; named at least `least` times)."""
    named = Counter(p for p in (gaz.party_of(h.key) for h in parties) if p is not None and is_state(gaz, p))
    land = Counter(p for p in (gaz.party_at(h.key) for h in places) if p is not None)
    first = _leader(named, lead)
    if first is None or named[first] < least:
        return None
    return first if _leader(land, lead) == first else None


def _leader(counts: Counter[str], lead: float) -> str | None:
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] < lead * ranked[1][1]):
        return None
    return ranked[0][0]


def is_state(gaz: Gazetteer, party: str) -> bool:
    """A party whose home is a country (not an armed group or an alliance)."""
    place = gaz.party_place(party)
    return place is not None and gaz.party_at(place) == party
