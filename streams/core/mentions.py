"""Step 3: mention spans over the document — actors, demonyms, people, places, event triggers and
measures from the gazetteer and the event vocabulary, found once per document."""

from __future__ import annotations

import re

from streams.core.doc import Doc, HitIndex
from streams.core.gazetteer import Gazetteer
from streams.core.groups_found import discover_groups, group_spellings, named_again, state_acronyms
from streams.core.home import home_state
from streams.core.lang import LangPack
from streams.core.matching import Hit, PhraseMatcher
from streams.core.places_found import discover_places
from streams.core.vocabulary import (
    keyed_words,
    lemma_trigger_matcher,
    measure_matcher,
    merge_triggers,
    place_verbs,
    trigger_matcher,
)

_POSSESSOR = re.compile(r"\S+['’]s\s+")


def _possessor_of(text: str, k: Hit, f: Hit) -> bool:
    """ "Ladakh's Galwan Valley": the known place `k` owns the found place `f` right after it."""
    return k.start < f.start and _POSSESSOR.fullmatch(text, k.start, f.start) is not None


_POSSESSIVE_AFTER = re.compile(r"['’]s\s+")
_SPACES = re.compile(r"\s*")
_SURNAME = re.compile(r" ([A-Z][a-z][a-z'’\-]+)(?![\w'’-])")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")


def _end_of_word_before(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


_POSSESSIVES = ("'s", "’s")


def named_for_pact(doc: Doc, pack: LangPack, h: Hit) -> bool:
    """ "the Doha Agreement", "the Minsk agreements", "Perjanjian Doha": the name is an agreement's
    (lang data `agreement_nouns`, right after it, or right before it where modifiers follow)."""
    nouns = pack.words("agreement_nouns")
    after = doc.first(nouns, h.end, min(len(doc.text), h.end + 16))
    before = doc.last(nouns, max(0, h.start - 16), h.start)
    return (after is not None and doc.words(h.end, after.start) == 0) or (
        before is not None and doc.words(before.end, h.start) == 0 and not pack.modifier_first
    )


_HYPHENED = re.compile(r"([A-Z][\w'’]*(?: [A-Z][\w'’]*)?)-([a-z]+)\b")


def _governed_by(text: str, pack: LangPack, gaz: Gazetteer) -> list[Hit]:
    """ "Hamas-run", "Taliban-led", "Russian-installed": the actor a hyphenated word says runs what
    follows (lang data `governing_suffixes`; "Iran-backed" is not among them)."""
    suffixes = pack.words("governing_suffixes")
    out: list[Hit] = []
    for m in _HYPHENED.finditer(text):
        if suffixes.key_of(m.group(2)) is None:
            continue
        name = m.group(1)
        last = name.rsplit(" ", 1)[-1]  # ("The Hamas-run": the article is no part of the name)
        for h in (
            gaz.find_actors(name) + gaz.find_demonyms(name) + gaz.find_actors(last) + gaz.find_demonyms(last)
        ):
            if h.start == 0 and h.end in (len(name), len(last)):
                out.append(Hit(m.end(1) - h.end, m.end(1), h.key, h.text))
                break
    return out


class Mentions:
    def __init__(
        self,
        doc: Doc,
        pack: LangPack,
        gaz: Gazetteer,
        *,
        headline: bool = False,
        body_groups: dict[str, str] | None = None,
    ) -> None:
        self.doc = doc
        self.gaz = gaz
        self._actors, self._demonyms, self._people, self._groups = self._index_names(
            doc, pack, gaz, headline, body_groups
        )
        heads = None if headline else pack.words("named_institution_heads")
        self._outlets = None if headline else pack.words("outlet_heads")
        self._actors = HitIndex([h for h in self._actors.hits if not self._in_name(h, pack, heads)])
        self._demonyms = HitIndex([h for h in self._demonyms.hits if not self._in_name(h, pack, heads)])
        # "Sudan's Rapid Support Forces": the group is named, its country only locates it
        starts = {h.start: h for h in self._actors.hits + self._demonyms.hits}
        ends = {h.end: h for h in self._actors.hits + self._demonyms.hits}
        order = pack.modifier_first
        self._actors = HitIndex(
            [
                h
                for h in self._actors.hits
                if not self._locates_group(h, starts, ends, order)
                and not (not order and self._foreign(h, starts))
                and not (
                    (order or (not headline and self._unqualified(h, ends)))
                    and self._first_name(h, pack, starts)
                )
            ]
        )
        self._demonyms = HitIndex(
            [h for h in self._demonyms.hits if not self._locates_group(h, starts, ends, order)]
        )
        self._triggers = self._index_triggers(pack, headline)
        # "mengusir pasukan Ukraina dari Sudzha": (verb, origin word) of troops driven out
        self.expulsions = self._expulsions(pack)
        verbs, attacks = self._place_verbs(pack)
        known = [h for h in doc.index(gaz.place_matcher).hits if not self._in_name(h, pack, heads)]
        found = discover_places(doc, pack, known, self._actors.hits + self._demonyms.hits, verbs, attacks)
        known = [k for k in known if not any(f.start <= k.start and k.end <= f.end for f in found)]
        # "Ladakh's Galwan Valley": the owner of the place named is not the place named
        known = [k for k in known if not any(_possessor_of(doc.text, k, f) for f in found)]
        # "Laut China Selatan" names a sea: the country inside it is no actor either.
        seas = [f for f in found if f.key not in {k.key for k in known}]
        self._actors = HitIndex(
            [
                a
                for a in self._actors.hits
                if not any(f.start <= a.start and a.end <= f.end and f.start < a.start for f in seas)
            ]
        )
        lands = self._national_territory(pack) + self._capitals_named(pack)
        parts = [self._part_named(pack, h) for h in known + found]
        self._places = HitIndex(sorted(parts + lands, key=lambda h: h.start))
        self.found_places = {h.key for h in found}
        # "di wilayah Zaporizhzhia Ukraina", "in Kharkiv, Ukraine": the country after a place in it
        # only locates the place; it is no actor (no subject of the verb that follows).
        locators = {
            (h.start, h.end) for h in self._actors.hits + self._demonyms.hits if self._locates_place(h)
        }
        self._actors = HitIndex([a for a in self._actors.hits if (a.start, a.end) not in locators])
        self._demonyms = HitIndex([d for d in self._demonyms.hits if (d.start, d.end) not in locators])
        # (nor a place of its own: the place it locates is the one meant)
        self._places = HitIndex(
            [
                p
                for p in self._places.hits
                if (p.start, p.end) not in locators and not self._names_pact(p, pack)
            ]
        )
        self.measures_matcher = measure_matcher(pack.code)
        self._home: tuple[str | None] | None = None

    def _index_triggers(self, pack: LangPack, headline: bool) -> HitIndex:
        """Event triggers by surface form and by lemma (and a headline's bare verbs)."""
        doc = self.doc
        by_lemma = lemma_trigger_matcher(pack.code)
        surface = doc.index(trigger_matcher(pack.code)).hits
        if headline:  # "Drone Ukraina Serang Rumah Putin": a headline's bare verb
            surface = merge_triggers(surface, doc.index(keyed_words(pack.code, "headline_triggers")).hits)
        triggers = merge_triggers(surface, by_lemma.scan(doc.tokens)) if by_lemma else surface
        # "did not give casualty figures": a casualty word modifying a figure noun names no losses
        figures = pack.words("figure_heads")
        return HitIndex([t for t in triggers if not self._modifies(t, figures)])

    def _locates_place(self, actor: Hit) -> bool:
        text = self.doc.text
        before = self._places.within(max(0, actor.start - 40), actor.start)
        if not before or text[before[-1].end : actor.start].strip(" ,") or actor.text[-2:] in _POSSESSIVES:
            return False  # ("Tren de Aragua, Venezuela's interior minister said": the speaker)
        if "," in text[before[-1].end : actor.start] and text[actor.end : actor.end + 1] not in (",", "."):
            return False  # "in Kharkiv, Ukraine, ...": the comma closes the apposition
        country = self.gaz.party_place(self.gaz.party_of(actor.key))
        return country is not None and before[-1].key != country and self.gaz.within(before[-1].key, country)

    def _modifies(self, trigger: Hit, heads: PhraseMatcher) -> bool:
        head = self.doc.first(heads, trigger.end, min(len(self.doc.text), trigger.end + 16))
        return head is not None and self.doc.words(trigger.end, head.start) == 0

    def _place_verbs(self, pack: LangPack) -> tuple[list[Hit], list[Hit]]:
        """Where a name the gazetteer does not know is a place: after a verb that takes a place
        ("took control of the provincial capital Goma"), an attack's target word or an
        expulsion's origin word; and the attack verbs, whose object may be a city."""
        takes_place = place_verbs()
        verbs = [t for t in self._triggers.hits if any(k in takes_place for k in t.key.split("|"))]
        verbs += self._targets(pack) + [origin for _, origin in self.expulsions]
        attacks = [t for t in self._triggers.hits if "attack" in t.key.split("|")]
        return verbs, attacks

    def _targets(self, pack: LangPack) -> list[Hit]:
        """ "the shelling of Jermuk", "the attack on Abqaiq", "serangan terhadap Abqaiq": the
        preposition right after an attack names its target, which may be a place."""
        preps = pack.words("target_place_preps")
        out = []
        for t in self._triggers.hits:
            if "attack" in t.key.split("|"):
                prep = self.doc.first(preps, t.end, t.end + 12)
                if prep is not None and not self.doc.text[t.end : prep.start].strip():
                    out.append(prep)
        return out

    def _expulsions(self, pack: LangPack) -> list[tuple[Hit, Hit]]:
        """ "drove the army out of Myawaddy", "mengusir militer Myanmar dari Myawaddy": an
        expulsion verb and the origin word after the troops it drives out (which names a place)."""
        doc, out = self.doc, []
        for verb in doc.find(pack.words("expulsion_verbs")):
            origin = doc.first(pack.words("expulsion_preps"), verb.end, verb.end + 60)
            if origin is not None and doc.first(pack.troop_nouns, verb.end, origin.start) is not None:
                out.append((verb, origin))
        return out

    def _part_named(self, pack: LangPack, place: Hit) -> Hit:
        """ "eastern Afghanistan", "Afghanistan timur": a lower-case direction word beside a known
        place names a part of it (id `eastern_afghanistan`, within `afghanistan` in the gazetteer)."""
        if place.key not in self.gaz.places:
            return place
        words, text = keyed_words(pack.code, "direction_words"), self.doc.text
        if pack.modifier_first:
            d = self.doc.last(words, max(0, place.start - 16), place.start)
            gap = (d.end, place.start) if d else (0, 0)
        else:
            d = self.doc.first(words, place.end, place.end + 24)
            gap = (place.end, d.start) if d else (0, 0)
        if d is None or text[gap[0] : gap[1]].strip() or not text[d.start].islower():
            return place
        start, end = min(d.start, place.start), max(d.end, place.end)
        return Hit(start, end, f"{d.key}_{place.key}", text[start:end])

    def _capitals_named(self, pack: LangPack) -> list[Hit]:
        """ "the Qatari capital", "ibu kota Qatar": the country's capital as a place (its name may
        follow after a comma: the same place)."""
        words = pack.words("capital_nouns")
        out = []
        for cap in self.doc.find(words, 0, len(self.doc.text)):
            if pack.modifier_first:
                owner = next((d for d in reversed(self._demonyms.hits) if d.end <= cap.start), None)
                near = owner is not None and self.doc.words(owner.end, cap.start) == 0
            else:
                owner = next((a for a in self._actors.hits if a.start >= cap.end), None)
                near = owner is not None and self.doc.words(cap.end, owner.start) == 0
            city = self.gaz.capital_of(self.gaz.party_of(owner.key)) if owner is not None and near else None
            if owner is not None and city is not None:
                lo, hi = min(owner.start, cap.start), max(owner.end, cap.end)
                out.append(Hit(lo, hi, city, self.doc.text[lo:hi]))
        return out

    def _national_territory(self, pack: LangPack) -> list[Hit]:
        """ "Polish territory", "Russian soil", "several Thai regions": the country as a place."""
        if not pack.modifier_first:
            return []  # "wilayah Polandia" names the country itself
        nouns = pack.words("territory_nouns")
        out = []
        for d in self._demonyms.hits:
            noun = self.doc.first(nouns, d.end, d.end + 16)
            country = self.gaz.party_of(d.key)
            if noun is not None and self.doc.words(d.end, noun.start) == 0 and country in self.gaz.places:
                out.append(Hit(d.start, noun.end, country, self.doc.text[d.start : noun.end]))
        return out

    def _in_name(self, h: Hit, pack: LangPack, heads: PhraseMatcher | None) -> bool:
        """Inside a group's name, or a named institution's: its head right before the country in
        Indonesian order ("Rumah Sakit Indonesia"), a capitalised head right after it in English
        order ("the Indonesian Hospital", "Azerbaijan Airlines"). (Not in a headline, whose capitals
        make every word look like part of a name.)"""
        if self._in_group(h):
            return True
        if heads is None:
            return False
        if self._outlets is not None and self._capital_head_after(h, self._outlets):
            return True  # "dilansir dari Malta Times": an outlet's name
        if not pack.modifier_first:
            before = self.doc.last(heads, max(0, h.start - 16), h.start)
            return before is not None and self.doc.words(before.end, h.start) == 0
        return self._capital_head_after(h, heads)

    def _capital_head_after(self, h: Hit, heads: PhraseMatcher) -> bool:
        after = self.doc.first(heads, h.end, min(len(self.doc.text), h.end + 30))
        return after is not None and after.text[:1].isupper() and self.doc.words(h.end, after.start) <= 1

    def _locates_group(
        self, h: Hit, starts: dict[int, Hit], ends: dict[int, Hit], english_order: bool
    ) -> bool:
        """A state's possessive right before an armed group's name ("Sudan's Rapid Support Forces",
        "Yemen's Houthi rebels"): no owner of what the group does."""
        state = self.gaz.actors.get(h.key)
        if state is None or state.place is None:
            return False
        if not english_order:
            # "Kelompok Houthi Yaman", "RSF Sudan": the country right after the group's name
            before = _end_of_word_before(self.doc.text, h.start)
            group = self.gaz.actors.get(ends[before].key) if before in ends else None
            return group is not None and group.kind == "party" and group.place is None
        m = _POSSESSIVE_AFTER.match(self.doc.text, h.end)
        if m is None and not h.text.endswith(("'s", "’s")):
            return False  # ("Sudan's" may be the demonym itself)
        end = (m or _SPACES.match(self.doc.text, h.end)).end()  # type: ignore[union-attr]
        nxt = starts.get(end)
        group = self.gaz.actors.get(nxt.key) if nxt is not None else None
        return group is not None and group.kind == "party" and group.place is None

    def _unqualified(self, h: Hit, ends: dict[int, Hit]) -> bool:
        """In a language whose modifiers follow the noun, a state's name qualifies the word before it
        ("Presiden Israel Isaac Herzog"); it may be a first name only where no word governs it: at
        the sentence's opening, after a comma, or after another state's name ("veteran militer AS
        Jordan Goudreau")."""
        before = self.doc.text[max(0, h.start - 40) : h.start].rstrip()
        if not before or before[-1] in ',;:.("“':
            return True
        return any(e <= h.start and not self.doc.text[e : h.start].strip() for e in ends)

    def _first_name(self, h: Hit, pack: LangPack, starts: dict[int, Hit]) -> bool:
        """ "ex-Green Beret Jordan Goudreau", "Israel Katz": a state's one-word name followed by a
        capitalised word that names nothing else — no place, actor, title, institution or outlet
        word — is a person's first name (English order)."""
        state = self.gaz.actors.get(h.key)
        if state is None or state.kind != "party" or state.place is None or " " in h.text.strip():
            return False
        if h.text.endswith(("'s", "’s")):
            return False  # "Britain's Ministry of Defence": a possessive, no first name
        m = _SURNAME.match(self.doc.text, h.end)
        if m is None or m.start(1) in starts or _CAPITAL_NEXT.match(self.doc.text, m.end(1)):
            return False  # ("China Coast Guard": a longer name, no person)
        word = m.group(1)
        around = self.doc.find(self.gaz.place_matcher, max(0, h.start - 30), m.end(1) + 30)
        if word.endswith("s") or any(
            p.start < h.start or p.end > h.end for p in around if p.start < m.end(1) and p.end > h.start
        ):
            return False  # "Kosovo Serbs", "the South China Sea": a people, a longer place name
        known = (
            "title_words",
            "named_institution_heads",
            "outlet_heads",
            "institution_words",
            "place_nouns",
            "geographic_nouns",
        )
        if word.casefold() in pack.stopwords or any(pack.words(k).key_of(word) is not None for k in known):
            return False
        role = self.doc.first(pack.roles, m.start(1), m.start(1) + 60)
        if role is not None and role.start == m.start(1):
            return False  # "Ukraine Defence Ministry"
        return not _THE_BEFORE.search(self.doc.text, max(0, h.start - 5), h.start)

    def _foreign(self, h: Hit, starts: dict[int, Hit]) -> bool:
        """ "Kantor Kejaksaan Agung Azerbaijan": an office one state's copy names without its
        country ("Kejaksaan Agung" is Indonesia's), followed by another state's name, is that
        state's office (languages whose modifiers follow the noun)."""
        office = self.gaz.actors.get(h.key)
        if office is None or office.kind != "org" or office.parent is None:
            return False
        nxt = starts.get(_SPACES.match(self.doc.text, h.end).end())  # type: ignore[union-attr]
        state = self.gaz.actors.get(nxt.key) if nxt is not None else None
        if nxt is None or state is None or state.place not in self.gaz.places:
            return False
        # (the country's name, not its capital: "KBRI Seoul" is Indonesia's mission in Seoul)
        named = nxt.text.casefold() in {n.casefold() for n in self.gaz.places[state.place].names}
        return named and self.gaz.party_of(state.id) != self.gaz.party_of(h.key)

    @staticmethod
    def _index_names(
        doc: Doc, pack: LangPack, gaz: Gazetteer, headline: bool, body_groups: dict[str, str] | None
    ) -> tuple[HitIndex, HitIndex, HitIndex, HitIndex]:
        """Actors, demonyms, people and groups: one pass each, up front (every step asks for them)."""
        actors = doc.index(gaz.actor_matcher)
        demonyms = doc.index(gaz.demonym_matcher)
        people = doc.index(gaz.people_matcher)
        governed = _governed_by(doc.text, pack, gaz)
        if governed:  # "the Hamas-run health ministry": Hamas, inside the hyphenated word
            actors = HitIndex(sorted(actors.hits + governed, key=lambda h: h.start))
        if not headline:  # "the Kenya Defence Forces (KDF)": "KDF" is Kenya in this text
            found = state_acronyms(doc, pack, actors.hits + demonyms.hits)
            actors = HitIndex(sorted(actors.hits + found, key=lambda h: h.start))
        # "Myanmar National Democratic Alliance Army (MNDAA)": a group's name; the country in it
        # is no actor and no owner.
        # (Not in a headline: its capitals make every run of words look like a name.)
        groups = (
            named_again(doc.text, body_groups or {})
            if headline
            else discover_groups(doc, pack, actors.hits + demonyms.hits)
        )
        return actors, demonyms, people, HitIndex(groups)

    def _names_pact(self, h: Hit, pack: LangPack) -> bool:
        """A city an agreement is named for is not where anything happens (a country is still its
        land: "the Iran deal")."""
        place = self.gaz.places.get(h.key)
        return not (place is not None and place.kind == "country") and named_for_pact(self.doc, pack, h)

    def _in_group(self, h: Hit) -> bool:
        return any(
            g.start <= h.start and h.end <= g.end and g.end - g.start > h.end - h.start
            for g in self._groups.hits
        )

    def actors(self, start: int, end: int) -> list[Hit]:
        return self._actors.within(start, end)

    def home(self, least: int, lead: float) -> str | None:
        """The state the whole text is plainly about (home.py), or None."""
        if self._home is None:
            parties = self._actors.hits + self._demonyms.hits + self._people.hits
            self._home = (home_state(self.gaz, parties, self._places.hits, least=least, lead=lead),)
        return self._home[0]

    def group_names(self) -> dict[str, str]:
        """Each discovered group's name as written (and its acronym alone) -> its id."""
        names: dict[str, str] = {}
        for h in self._groups.hits:
            for name in group_spellings(h.text):
                names.setdefault(name, h.key)
        return names

    def groups(self, start: int, end: int) -> list[Hit]:
        """Groups named in the text that the gazetteer does not know (groups_found.py)."""
        return self._groups.within(start, end)

    def demonyms(self, start: int, end: int) -> list[Hit]:
        return self._demonyms.within(start, end)

    def places(self, start: int, end: int) -> list[Hit]:
        return self._places.within(start, end)

    def people(self, start: int, end: int) -> list[Hit]:
        return self._people.within(start, end)

    def triggers(self, start: int, end: int) -> list[Hit]:
        return self._triggers.within(start, end)

    def measures(self, start: int, end: int) -> list[Hit]:
        return self.doc.find(self.measures_matcher, start, end)

    def last_party(self, start: int, end: int, *, demonyms: bool = True) -> tuple[Hit, str | None] | None:
        """The actor (or demonym) or group named last in [start, end), with the party it stands
        for (a group the gazetteer does not know is its own party)."""
        groups = self.groups(start, end)
        named = [*(self.owners(start, end) if demonyms else self.actors(start, end)), *groups]
        if not named:
            return None
        last = max(named, key=lambda h: (h.end, h.start))
        return last, last.key if last in groups else self.gaz.party_of(last.key)

    def owners(self, start: int, end: int) -> list[Hit]:
        """Demonyms and actor names, in text order: who troops or a deployment may belong to."""
        return sorted(self.demonyms(start, end) + self.actors(start, end), key=lambda h: h.start)

    def places_outside_actors(self, start: int, end: int) -> list[Hit]:
        """Places not inside an actor name ("perkiraan Kyiv" names the government)."""
        spans = [(a.start, a.end) for a in self.actors(start, end)]
        return [p for p in self.places(start, end) if not any(s <= p.start < e for s, e in spans)]
