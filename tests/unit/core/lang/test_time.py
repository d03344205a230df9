"""streams/core/lang/time.py: time.yaml compiled (expressions are resolved in streams/core/timeexpr.py)."""

from __future__ import annotations

from streams.core.lang import time_rules
from streams.core.lang.time import build_time_rules


def test_a_language_without_time_words_has_no_rules() -> None:
    assert build_time_rules({}) is None and time_rules("xx") is None


def test_the_compiled_tables() -> None:
    rules = time_rules("en")
    assert rules is not None
    assert rules.weekdays["monday"] == 0 and rules.months["nov"] == 11
    assert rules.markers["last"] == "past" and rules.counts["two"] == 2
    assert rules.scan.search("on Monday") is not None and rules.trigger.search("no dates here") is None
