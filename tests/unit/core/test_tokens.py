"""streams/core/tokens.py: word tokens, and counting words between two offsets."""

from __future__ import annotations

import random

from streams.core.tokens import TOKEN, Tokens

TEXTS = [
    "Korea Utara's 10,000 unit-unit tentara — “di Kursk” (dan) Kyiv’s forces_x 'quoted' -x x-",
    "North Korean troops were sent to Kursk, Zelensky said on 4 November 2024.",
    "   ",
    "",
]


def test_counting_matches_the_word_pattern_on_every_window() -> None:
    rng = random.Random(1)
    for text in TEXTS:
        tokens = Tokens(text)
        for _ in range(400):
            a = rng.randint(0, len(text))
            b = rng.randint(0, len(text))
            assert tokens.count(a, b) == (len(TOKEN.findall(text, a, b)) if b > a else 0), (text, a, b)


def test_a_possessive_is_filed_under_its_bare_word_too() -> None:
    tokens = Tokens("Kyiv's army and Kyiv")
    assert tokens.vocab["kyiv"] == [-1, 3]  # -1 - 0: token 0 as a possessive; token 3 as written
    assert tokens.vocab["kyiv's"] == [0]


def test_boundaries_follow_the_phrase_rules() -> None:
    tokens = Tokens("a-b _c d’ e")
    start_ok, end_ok, spaced = tokens.bounds
    words = [tokens.text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)]
    assert words == ["a-b", "c", "d", "e"]
    assert start_ok == [True, False, True, True]  # "c" follows "_"
    assert end_ok == [True, True, False, True]  # "d" is followed by ’
    assert spaced == [False, False, True, False]


def test_a_character_span_maps_to_its_tokens() -> None:
    tokens = Tokens("North Korean troops arrived")
    first, stop = tokens.span(0, len("North Korean"))
    assert (first, stop) == (0, 2)
    assert tokens.span(13, 19) == (2, 3) and tokens.span(5, 6) == (1, 1)
