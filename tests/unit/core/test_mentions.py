"""streams/core/mentions.py: gazetteer and event-vocabulary spans of a document."""

from __future__ import annotations

from tests.unit.core.reader import reader_for


def test_owners_are_demonyms_and_actors_in_text_order() -> None:
    text = "Russian and North Korean troops, said Kyiv."
    ctx = reader_for(text, "en")
    assert [h.text for h in ctx.mentions.owners(0, len(text))] == ["Russian", "North Korean", "Kyiv"]


def test_a_capital_naming_its_government_is_no_place() -> None:
    text = "Perkiraan Kyiv menyebut tentara di Kursk."
    ctx = reader_for(text, "id")
    assert [h.key for h in ctx.mentions.places(0, len(text))] == ["kyiv", "kursk"]
    assert [h.key for h in ctx.mentions.places_outside_actors(0, len(text))] == ["kursk"]


def test_triggers_and_measures() -> None:
    text = "Troops were sent; 300 were killed."
    ctx = reader_for(text, "en")
    assert [h.text for h in ctx.mentions.triggers(0, len(text))] == ["sent", "killed"]
    assert [h.key for h in ctx.mentions.measures(0, len(text))] == ["killed"]
