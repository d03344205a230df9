"""streams/core/people.py: the people memory (the interface a Redis store can implement)."""

from __future__ import annotations

from streams.core.people import InMemoryPeople, Person, name_key


def test_a_full_name_and_an_unambiguous_surname_are_recalled() -> None:
    memory = InMemoryPeople()
    memory.remember(Person("Aroha Ngata", "new_zealand", "spokesperson"))
    assert memory.recall("aroha  ngata") == Person("Aroha Ngata", "new_zealand", "spokesperson")
    assert memory.recall("Ngata") is not None
    memory.remember(Person("Tane Ngata", "australia"))
    assert memory.recall("Ngata") is None  # two parties share the surname: nobody certain
    assert memory.recall("Aroha Ngata") is not None and name_key("Aroha’s") == "aroha's"


def test_the_last_word_corrects_an_entry() -> None:
    memory = InMemoryPeople()
    memory.remember(Person("Lena Vik", "sweden"))
    memory.remember(Person("Lena Vik", "norway"))
    assert memory.recall("Lena Vik") == Person("Lena Vik", "norway")
