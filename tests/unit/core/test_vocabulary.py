"""streams/core/vocabulary.py: the event vocabulary compiled per language."""

from __future__ import annotations

from streams.core.vocabulary import measure_matcher, trigger_matcher, word_matcher


def test_a_trigger_may_open_several_events() -> None:
    hits = trigger_matcher("en").find_all("they sent troops")
    assert [set(h.key.split("|")) for h in hits] == [{"troops_deployed", "weapons_supplied"}]


def test_measures_name_what_a_figure_counts() -> None:
    assert [h.key for h in measure_matcher("id").find_all("300 tewas dan 1.000 terluka")] == [
        "killed",
        "wounded",
    ]


def test_word_matchers_are_shared() -> None:
    assert word_matcher(("senjata", "weapons")) is word_matcher(("senjata", "weapons"))
