"""streams/core/matching.py: phrase lists matched on a document's tokens give the same hits as the
regex over the whole text."""

from __future__ import annotations

import random

import pytest

from streams.core.gazetteer import default_gazetteer
from streams.core.lang import get_pack
from streams.core.matching import PhraseMatcher
from streams.core.tokens import Tokens
from streams.core.vocabulary import measure_matcher, trigger_matcher


def _matchers() -> list[PhraseMatcher]:
    out: list[PhraseMatcher] = []
    for code in ("en", "id"):
        pack = get_pack(code)
        out += [v for v in vars(pack).values() if isinstance(v, PhraseMatcher)]
        out += [trigger_matcher(code), measure_matcher(code)]
    gaz = default_gazetteer()
    out += [gaz.actor_matcher, gaz.demonym_matcher, gaz.place_matcher, gaz.people_matcher]
    return out


WORDS = [
    "Korea",
    "Utara",
    "Korut",
    "U.S.",
    "US",
    "us",
    "AS",
    "as",
    "UN",
    "Kyiv",
    "Kyiv's",
    "Kyiv’s",
    "KYIV'S",
    "troops",
    "tentara",
    "pasukannya",
    "unit-unit",
    "said",
    "kata",
    "menurut",
    "according",
    "to",
    "of",
    "the",
    "di",
    "ke",
    "in",
    "Kursk",
    "Rusia",
    "Russia's",
    "North",
    "Korean",
    "Pentagon",
    "juru",
    "bicara",
    "spokesman",
    "not",
    "tidak",
    "ada",
    "satu",
    "pun",
    "fake",
    "news",
    "hoaks",
    "killed",
    "tewas",
    "dan",
    "and",
]
SEPARATORS = [" ", "  ", "\n", "-", "'", "’", "'s ", "’s ", "_", ", ", ". ", "(", ")", "“", '"', "'S "]


@pytest.mark.parametrize("seed", range(4))
def test_token_matching_equals_the_regex_scan(seed: int) -> None:
    rng = random.Random(seed)
    matchers = _matchers()
    for _ in range(150):
        text = "".join(rng.choice(WORDS) + rng.choice(SEPARATORS) for _ in range(rng.randint(1, 25)))
        tokens = Tokens(text)
        for m in matchers:
            assert m.scan_tokens(tokens) == m.scan(text), text


def test_the_longest_phrase_wins_and_hits_do_not_overlap() -> None:
    m = PhraseMatcher([("tidak", "neg"), ("tidak ada", "none"), ("ada", "exists")])
    hits = m.scan_tokens(Tokens("tidak ada tentara, ada"))
    assert [(h.text, h.key) for h in hits] == [("tidak ada", "none"), ("ada", "exists")]


def test_short_capitals_match_only_as_written() -> None:
    m = PhraseMatcher([("AS", "united_states")])
    assert [h.text for h in m.scan_tokens(Tokens("AS dan as"))] == ["AS"]


def test_a_possessive_is_part_of_the_hit_and_not_of_the_key() -> None:
    m = PhraseMatcher([("Kyiv", "kyiv")])
    assert [(h.text, h.key) for h in m.scan_tokens(Tokens("Kyiv's army"))] == [("Kyiv's", "kyiv")]


def test_a_phrase_does_not_match_inside_a_hyphenated_word() -> None:
    m = PhraseMatcher([("Kursk", "kursk")])
    assert m.scan_tokens(Tokens("the Kursk-bound train")) == []


def test_a_name_written_with_a_capital_does_not_match_a_common_word() -> None:
    # "lima kali" is "five times", not Peru's capital; a name the data also writes in lower case
    # ("timur jauh Rusia") still matches so.
    names = [("Lima", "peru"), ("Timur Jauh Rusia", "far_east"), ("timur jauh Rusia", "far_east")]
    m = PhraseMatcher(names, proper=True)
    assert [h.key for h in m.find_all("kehilangan tentara lima kali lebih banyak")] == []
    assert [h.key for h in m.find_all("Presiden Peru di Lima")] == ["peru"]
    assert [h.key for h in m.find_all("di timur jauh rusia")] == ["far_east"]
    token_hits = m.scan_tokens(Tokens("lima kali di Lima"))
    assert [(h.key, h.text) for h in token_hits] == [("peru", "Lima")]


def test_a_shield_hides_the_phrases_inside_it() -> None:
    from streams.core.matching import ShieldedMatcher

    m = ShieldedMatcher(["tak", "not"], ["tak berawak", "not only"])
    assert [h.text for h in m.scan("pesawat tak berawak itu tak menyerang")] == ["tak"]
    assert [h.text for h in m.scan("they not only shelled it, they did not stop")] == ["not"]
