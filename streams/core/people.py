"""People discovered from the text and remembered across articles: "Pakistani Information
Minister Attaullah Tarar", "Maly Socheata, a spokeswoman for Cambodia's Defence Ministry",
"juru bicara Kementerian Pertahanan Kamboja, Maly Socheata" — so that a later "Tarar said" or
"kata Socheata", in this article or another, speaks for the same party.

`PeopleMemory` is the interface the extractor is given (`extract(article, people=...)`): an
in-memory implementation is here; the worker keeps what articles teach in Redis and hands each
article the people it names (streams/runtime/people.py). A user corrects a wrong entry by
`remember`-ing the right one (`claimwatch people set`; the last word wins)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Person:
    name: str  # as first written ("Attaullah Tarar")
    party: str
    role: str | None = None
    actor_id: str | None = None  # the office this person speaks for, when known


class PeopleMemory(Protocol):
    """What the extractor remembers about people across articles."""

    def recall(self, name: str) -> Person | None:
        """The person a full name or an unambiguous surname stands for, if remembered."""
        ...

    def remember(self, person: Person) -> None:
        """Store (or correct) what a name stands for."""
        ...


def name_key(name: str) -> str:
    """How names are compared: one apostrophe, single spaces, case-folded."""
    return " ".join(name.replace("’", "'").split()).casefold()


class InMemoryPeople:
    """Full names, and surnames while only one party's person carries them."""

    def __init__(self) -> None:
        self._by_name: dict[str, Person] = {}
        self._by_surname: dict[str, Person | None] = {}  # None: two parties share it

    def recall(self, name: str) -> Person | None:
        key = name_key(name)
        found = self._by_name.get(key)
        if found is None and " " not in key:
            found = self._by_surname.get(key)
        return found

    def remember(self, person: Person) -> None:
        key = name_key(person.name)
        self._by_name[key] = person
        surname = key.split()[-1]
        if surname not in self._by_surname:
            self._by_surname[surname] = person
            return
        prev = self._by_surname[surname]
        same = prev is not None and prev.party == person.party
        self._by_surname[surname] = person if same else None
