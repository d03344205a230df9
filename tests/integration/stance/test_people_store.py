"""People remembered across articles, on the real Redis: stored with the article's mark in one
step, read back by the worker's cache, corrected by a user."""

from __future__ import annotations

import pytest
import redis

from streams.core.people import Person
from streams.runtime.people import PeopleCache, RedisPeople, person_json
from streams.stance.redis_store import ArticleMark, RedisStanceStore, StateBehindLog

pytestmark = pytest.mark.integration
ART = ("t.articles", 0)
TAMM = Person("Kaarel Tamm", "estonia", role="minister")


def test_people_are_stored_with_the_mark_and_the_cache_reloads_on_change(
    client: redis.Redis, prefix: str
) -> None:
    store, people = RedisStanceStore(client, prefix), RedisPeople(client, prefix)
    cache = PeopleCache(people)
    assert len(cache.current()) == 0
    store.mark_articles([ArticleMark(ART, 0, "a1", "h1", (("kaarel tamm", person_json(TAMM)),))], {})
    assert people.all() == [TAMM]
    assert cache.current().relevant("Tamm said so.") == [TAMM]


def test_a_refused_mark_teaches_nobody(client: redis.Redis, prefix: str) -> None:
    store, people = RedisStanceStore(client, prefix), RedisPeople(client, prefix)
    with pytest.raises(StateBehindLog):
        store.mark_articles([ArticleMark(ART, 5, "a1", "h1", (("kaarel tamm", person_json(TAMM)),))], {})
    assert people.all() == [] and people.version() == 0


def test_a_correction_replaces_the_entry_and_the_worker_sees_it(client: redis.Redis, prefix: str) -> None:
    people = RedisPeople(client, prefix)
    cache = PeopleCache(people)
    people.set(TAMM)
    assert cache.current().relevant("Tamm") == [TAMM]
    fixed = Person("Kaarel Tamm", "latvia")
    people.set(fixed)
    assert cache.current().relevant("Tamm") == [fixed]
    assert people.forget("kaarel  TAMM") and not people.forget("Nobody Here")
    assert len(cache.current()) == 0


def test_clearing_the_stance_state_keeps_the_people(client: redis.Redis, prefix: str) -> None:
    store, people = RedisStanceStore(client, prefix), RedisPeople(client, prefix)
    people.set(TAMM)
    store.clear_stance()
    assert people.all() == [TAMM]
