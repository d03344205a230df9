"""streams/core/lang/numbers.py: numbers.yaml compiled (figures are read in streams/core/quantities.py)."""

from __future__ import annotations

from streams.core.lang import number_rules
from streams.core.lang.numbers import build_number_rules


def test_a_language_without_numbers_has_no_rules() -> None:
    assert build_number_rules({}) is None and number_rules("xx") is None


def test_the_compiled_tables() -> None:
    rules = number_rules("id")
    assert rules is not None
    assert rules.word_kind["ribu"] == ("scales", 1000.0) and rules.implicit_one["seribu"] == "ribu"
    assert rules.mods["sekitar"] == "about" and rules.vague["puluhan"] == (10.0, 99.0)
    assert rules.core.search("sekitar 10.000 tentara") is not None
    assert (rules.year_lo, rules.year_hi) == (1900, 2100)
