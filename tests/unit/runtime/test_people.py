"""streams/runtime/people.py and the extractor's people hand-over (sentences written for these
tests)."""

from __future__ import annotations

import orjson

from schemas import Article
from streams.core.people import Person
from streams.runtime.extractor import RecordingPeople, extract_payload
from streams.runtime.people import PeopleIndex, person_json, person_of

TAMM = Person("Kaarel Tamm", "estonia", role="minister")
OJA = Person("Liis Oja", "latvia")


def _article(body: str) -> bytes:
    art = Article(id="p", outlet="T", body=body, published_at="2025-02-01T09:00:00+00:00")
    return orjson.dumps(art.model_dump(mode="json"))


def _parties(pairs: list[tuple[bytes, bytes]]) -> list[str | None]:
    return [orjson.loads(v)["speaker"]["party"] for _, v in pairs]


def test_a_person_round_trips_through_json() -> None:
    assert person_of(person_json(TAMM)) == TAMM
    assert person_of(person_json(OJA).encode()) == OJA


def test_only_people_whose_surname_is_a_word_of_the_text_are_relevant() -> None:
    index = PeopleIndex([TAMM, OJA])
    assert index.relevant("TAMM said the troops had left.") == [TAMM]
    assert index.relevant("Tammsaare and Ojala spoke.") == []  # whole words only
    assert index.relevant("Oja and Tamm") == [OJA, TAMM]  # a fixed order
    assert len(index) == 2


def test_a_copy_learns_without_changing_the_original() -> None:
    index = PeopleIndex([TAMM])
    twin = index.copy()
    twin.add([OJA])
    assert index.relevant("Oja") == [] and twin.relevant("Oja") == [OJA]


def test_recording_people_notes_only_what_is_new_or_changed() -> None:
    people = RecordingPeople([TAMM])
    people.remember(TAMM)
    assert people.learned == {}
    people.remember(Person("Kaarel Tamm", "latvia"))
    people.remember(OJA)
    assert set(people.learned) == {"kaarel tamm", "liis oja"}


def test_what_one_article_teaches_lets_a_later_one_resolve_a_bare_surname() -> None:
    first = _article("Estonian Defence Minister Kaarel Tamm said Latvian troops had arrived in Narva.")
    later = _article("Tamm said Lithuanian troops were stationed in Tartu.")
    pairs, _, learned = extract_payload(first)
    assert _parties(pairs) == ["estonia"] and [k for k, _ in learned] == ["kaarel tamm"]
    known = tuple(raw for _, raw in learned)
    assert _parties(extract_payload(later, known)[0]) == ["estonia"]
    assert _parties(extract_payload(later)[0]) == [None]
