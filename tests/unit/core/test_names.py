"""streams/core/names.py: a word inside a name is no cue (sentences written for these tests)."""

from __future__ import annotations

from tests.unit.core.helpers import assert_claims


def test_a_denial_word_inside_an_institutions_name_is_not_a_denial() -> None:
    assert_claims(
        '"Latvian units have already arrived in Kursk," wrote the head of the Ukrainian '
        "Office for Countering Propaganda.",
        [("ukraine", "affirm", "troops_deployed:latvia:kursk")],
    )


def test_a_denial_word_describing_a_thing_in_the_event_is_not_a_denial() -> None:
    assert_claims(
        "Badan intelijen Jepang mengatakan tentara Mongolia yang ditempatkan di Rusia diberi paspor palsu.",
        [("japan", "affirm", "troops_deployed:mongolia:russia")],
    )


def test_a_denial_word_about_the_claim_still_denies() -> None:
    assert_claims(
        "Mongolia said reports of Mongolian troops stationed in Russia were fabricated.",
        [("mongolia", "deny", "troops_deployed:mongolia:russia")],
    )
