"""People remembered across articles, for the worker: kept in Redis (`P:people`: name key ->
Person JSON), cached in the worker process, and handed to the extractor article by article.

The extractor runs in a child process, so it gets, with each article, only the remembered people
whose surname occurs in that article (a set intersection, cheap), and returns the people it
learned; the stage writes those with the article's mark in one atomic step. Articles are extracted
one after another in their partition's order, so each sees what the ones before it taught, and an
article extracted again after a crash sees exactly what it saw the first time. A user corrects an
entry with `claimwatch people set`; the worker picks corrections up within seconds (`P:people:version`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

import orjson

from streams.core.people import Person, name_key

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def person_json(person: Person) -> str:
    return orjson.dumps(asdict(person)).decode()


def person_of(raw: bytes | str) -> Person:
    data = orjson.loads(raw)
    return Person(data["name"], data["party"], role=data.get("role"), actor_id=data.get("actor_id"))


class PeopleIndex:
    """The worker's copy of the remembered people, indexed by surname."""

    def __init__(self, people: Iterable[Person] = ()) -> None:
        self._by_surname: dict[str, dict[str, Person]] = {}
        self.add(people)

    def add(self, people: Iterable[Person]) -> None:
        for person in people:
            key = name_key(person.name)
            self._by_surname.setdefault(key.split()[-1], {})[key] = person

    def relevant(self, text: str) -> list[Person]:
        """Everyone whose surname is a word of `text`, in a fixed order."""
        words = {name_key(w) for w in _WORD.findall(text)}
        surnames = sorted(words & self._by_surname.keys())
        return [p for s in surnames for _, p in sorted(self._by_surname[s].items())]

    def copy(self) -> PeopleIndex:
        twin = PeopleIndex()
        twin._by_surname = {s: dict(v) for s, v in self._by_surname.items()}
        return twin

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_surname.values())


class PeopleCache:
    """The worker's index, reloaded when the version in Redis moves (a correction by a user, or
    people another batch or worker taught): one GET per batch, a full read only on change."""

    def __init__(self, people: RedisPeople) -> None:
        self.people, self.version, self.index = people, -1, PeopleIndex()

    def current(self) -> PeopleIndex:
        version = self.people.version()
        if version != self.version:
            self.index, self.version = PeopleIndex(self.people.all()), version
        return self.index


class RedisPeople:
    """Read and correct the remembered people (the CLI and the worker's refresh)."""

    def __init__(self, client: Any, prefix: str) -> None:
        self.r, self.key, self.version_key = client, f"{prefix}:people", f"{prefix}:people:version"

    def all(self) -> list[Person]:
        return [person_of(v) for _, v in sorted(self.r.hgetall(self.key).items())]

    def version(self) -> int:
        return int(self.r.get(self.version_key) or 0)

    def set(self, person: Person) -> None:
        pipe = self.r.pipeline(transaction=True)
        pipe.hset(self.key, name_key(person.name), person_json(person))
        pipe.incr(self.version_key)
        pipe.execute()

    def forget(self, name: str) -> bool:
        pipe = self.r.pipeline(transaction=True)
        pipe.hdel(self.key, name_key(name))
        pipe.incr(self.version_key)
        removed, _ = pipe.execute()
        return bool(removed)
