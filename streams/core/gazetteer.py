"""Actors (with parent parties) and places (with a hierarchy), compiled from the data files."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from streams.core.caches import memo
from streams.core.cities import city_country
from streams.core.lexicon import load_data, merge
from streams.core.matching import Hit, PhraseMatcher
from streams.core.world import country_place_ids


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    label: str
    kind: str  # party | org | person | media (an outlet: reports claims, never makes them)
    parent: str | None
    role: str | None
    place: str | None
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    people: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    label: str
    parent: str | None
    names: tuple[str, ...]
    kind: str | None = None  # village | town | city | district | region | country
    # Two states appoint rival officials here (occupied or disputed): an office of the place does
    # not tell whose it is.
    rival_administrations: bool = False
    capital: bool = False  # its country's seat of government ("the Qatari capital" = Doha)


# Ids of the parts a direction names (lang data `direction_words` maps each language's words to them).
DIRECTIONS = frozenset(
    {"northern", "southern", "eastern", "western", "central"}
    | {"northeastern", "northwestern", "southeastern", "southwestern"}
)


def part_of(place_id: str) -> str | None:
    """The place a direction's part lies in ("eastern_afghanistan" -> "afghanistan"), else None."""
    head, _, rest = place_id.partition("_")
    return rest if head in DIRECTIONS and rest else None


_KIND_RANK = {"person": 3, "org": 2, "party": 1}


@dataclass
class Gazetteer:
    actors: dict[str, Actor]
    places: dict[str, Place]
    actor_matcher: PhraseMatcher
    demonym_matcher: PhraseMatcher
    place_matcher: PhraseMatcher
    people_matcher: PhraseMatcher
    _chain_cache: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _homes: dict[str, str] = field(default_factory=dict)  # a state's country place -> the state
    _capitals: dict[str, str] = field(default_factory=dict)  # a country place -> its capital place

    # --- actors -------------------------------------------------------------------------------
    def chain(self, actor_id: str) -> tuple[str, ...]:
        """The actor and its ancestors, nearest first: peskov -> kremlin -> russia."""
        cached = self._chain_cache.get(actor_id)
        if cached is not None:
            return cached
        out: list[str] = []
        current: str | None = actor_id
        while current is not None and current in self.actors and current not in out:
            out.append(current)
            current = self.actors[current].parent
        result = tuple(out)
        self._chain_cache[actor_id] = result
        return result

    def party_of(self, actor_id: str | None) -> str | None:
        if actor_id is None or actor_id not in self.actors:
            return None
        root = self.chain(actor_id)[-1]
        return None if self.actors[root].kind == "media" else root

    def is_media(self, actor_id: str | None) -> bool:
        return actor_id is not None and actor_id in self.actors and self.actors[actor_id].kind == "media"

    def specificity(self, actor_id: str) -> tuple[int, int]:
        actor = self.actors[actor_id]
        return (_KIND_RANK.get(actor.kind, 0), len(self.chain(actor_id)))

    def actor_with_role(self, party: str, role: str) -> str | None:
        """The known actor of `party` holding `role`: an institution, or the only such person."""
        orgs = [
            a.id
            for a in self.actors.values()
            if a.role == role and a.kind == "org" and self.party_of(a.id) == party
        ]
        if orgs:
            return orgs[0]
        people = [
            a.id
            for a in self.actors.values()
            if a.role == role and a.kind == "person" and self.party_of(a.id) == party
        ]
        return people[0] if len(people) == 1 else None

    def party_place(self, party: str | None) -> str | None:
        if party is None or party not in self.actors:
            return None
        return self.actors[party].place

    def capital_of(self, party: str | None) -> str | None:
        """The capital of a state's country ("the Qatari capital", "ibu kota Qatar"), if known."""
        home = self.party_place(party)
        if home is None:
            return None
        if not self._capitals:
            self._capitals.update({p.parent: p.id for p in self.places.values() if p.capital and p.parent})
        return self._capitals.get(home)

    def party_at(self, place_id: str | None) -> str | None:
        """The state whose country holds the place ("gaza" -> "palestine"), else None."""
        if not self._homes:
            roots = (a for a in self.actors.values() if a.kind == "party" and a.parent is None)
            self._homes.update({a.place: a.id for a in roots if a.place})
        return next((self._homes[p] for p in self.place_chain(place_id) if p in self._homes), None)

    # --- places -------------------------------------------------------------------------------
    def place_chain(self, place_id: str | None) -> tuple[str, ...]:
        """The place and its ancestors, nearest first: kursk -> russia; a direction's part of a
        known place lies within it: eastern_afghanistan -> afghanistan."""
        base = part_of(place_id) if place_id is not None and place_id not in self.places else None
        if place_id is not None and base in self.places:
            return (place_id, *self.place_chain(base))
        country = self._city_country(place_id)
        if place_id is not None and country is not None:
            return (place_id, *self.place_chain(country))
        out: list[str] = []
        current = place_id
        while current is not None and current in self.places and current not in out:
            out.append(current)
            current = self.places[current].parent
        return tuple(out)

    def _city_country(self, place_id: str | None) -> str | None:
        """The country of a city the data does not list but GeoNames does ("ganja" -> azerbaijan)."""
        if place_id is None or place_id in self.places or place_id in self.actors:
            return None
        country = country_place_ids().get(city_country(place_id) or "")
        return country if country in self.places else None

    def place_depth(self, place_id: str) -> int:
        return len(self.place_chain(place_id))

    def within(self, inner: str | None, outer: str | None) -> bool:
        """True when `inner` lies within `outer` or equals it; None is everywhere."""
        if outer is None or inner == outer:
            return True
        if inner is None:
            return False
        return outer in self.place_chain(inner)

    def find_actors(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        return self.actor_matcher.find_all(text, start, end)

    def find_demonyms(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        return self.demonym_matcher.find_all(text, start, end)

    def find_places(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        return self.place_matcher.find_all(text, start, end)


# Arabic names as the Indonesian press spells them: the article assimilates before a "sun" letter
# and "sh" is written "sy" ("Al-Shabaab" -> "Asy-Syabaab", "al-Sham" -> "asy-Syam").
_ARABIC_ARTICLE = re.compile(r"\b([Aa])l([- ])([A-Za-z]+)")
_SUN = re.compile(r"(?i)(sh|sy|ts|th|dz|dh|[tdrzsn])")


def _indonesian_sh(word: str) -> str:
    return re.sub(r"(?i)^s(h)", lambda m: m.group(0)[0] + ("Y" if m.group(1).isupper() else "y"), word)


def arabic_variants(name: str) -> set[str]:
    """`name` with each Arabic article written as the Indonesian press writes it."""
    out = {name}
    for m in _ARABIC_ARTICLE.finditer(name):
        a, sep, word = m.groups()
        sy = _indonesian_sh(word)
        sun = _SUN.match(sy)
        forms = {f"{a}l{sep}{sy}"}
        if sun is not None:
            forms.add(f"{a}{sun.group(1).lower()}{sep}{sy}")
        out |= {name[: m.start()] + f + name[m.end() :] for f in forms}
    return out


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in (value or []))


def build_gazetteer(actor_data: dict[str, Any], place_data: dict[str, Any]) -> Gazetteer:
    actors: dict[str, Actor] = {}
    for actor_id, spec in (actor_data.get("actors") or {}).items():
        actors[actor_id] = Actor(
            id=actor_id,
            label=str(spec.get("label", actor_id)),
            kind=str(spec.get("kind", "org")),
            parent=spec.get("parent"),
            role=spec.get("role"),
            place=spec.get("place"),
            aliases=_strs(spec.get("aliases")),
            demonyms=_strs(spec.get("demonyms")),
            people=_strs(spec.get("people")),
        )
    for actor in actors.values():
        if actor.parent is not None and actor.parent not in actors:
            raise ValueError(f"actor {actor.id}: unknown parent {actor.parent}")
    places: dict[str, Place] = {}
    for place_id, spec in (place_data.get("places") or {}).items():
        places[place_id] = Place(
            id=place_id,
            label=str(spec.get("label", place_id)),
            parent=spec.get("parent"),
            names=_strs(spec.get("names")),
            kind=spec.get("kind"),
            rival_administrations=bool(spec.get("rival_administrations", False)),
            capital=bool(spec.get("capital", False)),
        )
    # Hand-written entries first: where a generated name collides with one, the hand one wins.
    hand_actors = set(actor_data.get("hand") or ())
    hand_places = set(place_data.get("hand") or ())
    a_order = sorted(actors.values(), key=lambda a: a.id not in hand_actors)
    p_order = sorted(places.values(), key=lambda p: p.id not in hand_places)
    alias_pairs = [
        (variant, a.id)
        for a in a_order
        for alias in (*a.aliases, a.label)
        for variant in arabic_variants(alias)
    ]
    demonym_pairs = [(d, a.id) for a in a_order for d in a.demonyms]
    place_pairs = [(name, p.id) for p in p_order for name in (*p.names, p.label)]
    return Gazetteer(
        actors=actors,
        places=places,
        actor_matcher=PhraseMatcher(alias_pairs, proper=True),
        demonym_matcher=PhraseMatcher(demonym_pairs, proper=True),
        place_matcher=PhraseMatcher(place_pairs, proper=True),
        people_matcher=PhraseMatcher(((p, a.id) for a in actors.values() for p in a.people), proper=True),
    )


def world_data() -> tuple[dict[str, Any], dict[str, Any]]:
    """Generated countries (world.py) with the hand-written data merged over them."""
    from streams.core.world import country_entries, subdivision_places

    gen_actors, gen_places = country_entries()
    hand_actors, hand_places = load_data("actors"), load_data("places")
    actors = merge(merge({"actors": gen_actors}, load_data("groups")), hand_actors)
    places = merge({"places": gen_places}, hand_places)
    # Provinces and regions go under what is known: a known name wins over a generated one.
    regions = subdivision_places(places.get("places") or {}, actors.get("actors") or {})
    places = merge({"places": regions}, places)
    actors["hand"] = sorted((hand_actors.get("actors") or {}).keys())
    places["hand"] = sorted((hand_places.get("places") or {}).keys())
    return actors, places


@memo
def default_gazetteer() -> Gazetteer:
    return build_gazetteer(*world_data())
