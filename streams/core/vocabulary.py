"""The event vocabulary (data/frames.yaml) compiled per language: triggers, measures, object words."""

from __future__ import annotations

from streams.core.caches import memo
from streams.core.matching import PhraseMatcher
from streams.core.propositions import event_specs


@memo
def trigger_matcher(lang: str) -> PhraseMatcher:
    """Trigger phrase -> the events it can open, joined by "|" ("sent": troops or weapons)."""
    events: dict[str, list[str]] = {}
    for spec in event_specs().values():
        for phrase in spec.triggers.get(lang, ()):
            events.setdefault(phrase.casefold(), []).append(spec.id)
    return PhraseMatcher((phrase, "|".join(ids)) for phrase, ids in events.items())


@memo
def measure_matcher(lang: str) -> PhraseMatcher:
    """What a figure counts ("tewas" -> killed); the lists are not split by language."""
    pairs: list[tuple[str, str]] = []
    for spec in event_specs().values():
        for measure, phrases in spec.measures.items():
            pairs.extend((p, measure) for p in phrases)
    return PhraseMatcher(pairs)


@memo
def word_matcher(words: tuple[str, ...]) -> PhraseMatcher:
    """An event's object words ("senjata", "weapons") or recipient prepositions."""
    return PhraseMatcher((w, w) for w in words)
