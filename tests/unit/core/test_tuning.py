"""streams/core/tuning.py: data/extraction.yaml as settings."""

from __future__ import annotations

from streams.core.lexicon import languages, load_lang
from streams.core.tuning import build_tuning, tuning


def test_every_cue_kind_of_every_language_has_a_stance() -> None:
    kinds = {"say"}  # passive, pronoun and label cues
    for code in languages():
        for side in ("before", "after", "by"):
            kinds |= set((load_lang(code).get("reporting") or {}).get(side) or {})
    assert kinds <= set(tuning().cue_stance)


def test_confidence_penalties_and_limits() -> None:
    t = tuning()
    assert t.confidence.base == 0.9 and t.confidence.penalty("speaker_unknown") == 0.3
    assert t.confidence.penalty("no such penalty") == 0.0
    assert t.max_sentence_chars >= 400 and t.discourse_memory >= 100


def test_defaults_when_the_file_says_nothing() -> None:
    t = build_tuning({})
    assert t.cue_stance == {} and t.max_sentence_chars == 600 and t.confidence.floor == 0.05
