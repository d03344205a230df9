"""The event vocabulary (data/frames.yaml) compiled per language: triggers, measures, object words."""

from __future__ import annotations

from bisect import bisect_left

from streams.core.caches import memo
from streams.core.lemmas import LemmaMatcher
from streams.core.lexicon import load_lang
from streams.core.matching import Hit, PhraseMatcher
from streams.core.propositions import event_specs


@memo
def trigger_matcher(lang: str) -> PhraseMatcher:
    """Trigger phrase -> the events it can open, joined by "|" ("sent": troops or weapons)."""
    events: dict[str, list[str]] = {}
    for spec in event_specs().values():
        for phrase in spec.triggers.get(lang, ()):
            events.setdefault(phrase.casefold(), []).append(spec.id)
    return PhraseMatcher((phrase, "|".join(ids)) for phrase, ids in events.items())


NEGATING = "!"


@memo
def lemma_trigger_matcher(lang: str) -> LemmaMatcher:
    """Trigger lemmas -> the events they open (written once per lemma, see lemmas.py)."""
    entries = [(phrase, spec.id) for spec in event_specs().values() for phrase in spec.lemmas.get(lang, ())]
    # An entry that asserts the opposite is keyed "<event>!" (events.py reads it negated).
    entries += [
        (p, spec.id + NEGATING) for spec in event_specs().values() for p in spec.negating.get(lang, ())
    ]
    return LemmaMatcher(lang, entries)


def merge_triggers(surface: list[Hit], by_lemma: list[Hit]) -> list[Hit]:
    """Surface phrases first (multiword, exceptions); a lemma hit on the same words adds its
    events, one overlapping a surface phrase is dropped, one elsewhere stands alone."""
    out = list(surface)
    starts = [h.start for h in surface]
    extra: list[Hit] = []
    for h in by_lemma:
        i = bisect_left(starts, h.start)
        if i < len(out) and (out[i].start, out[i].end) == (h.start, h.end):
            old = out[i]
            keys = "|".join(dict.fromkeys([*old.key.split("|"), *h.key.split("|")]))
            out[i] = Hit(old.start, old.end, keys, old.text)
            continue
        before = out[i - 1] if i > 0 else None
        after = out[i] if i < len(out) else None
        if (before is None or before.end <= h.start) and (after is None or h.end <= after.start):
            extra.append(h)
    return sorted(out + extra, key=lambda h: h.start)


@memo
def place_verbs() -> frozenset[str]:
    """Classes whose object is a place (a capture): a name after their verb is a place."""
    return frozenset(e for e, spec in event_specs().items() if spec.place_adjacent or not spec.upward)


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


@memo
def keyed_words(lang: str, key: str) -> PhraseMatcher:
    """A lang-data table {kind: [words]} as one matcher keyed by kind: `headline_triggers` (bare
    verbs only a headline uses: "Serang" is also a town), `headline_cues`, `opening_participles`,
    `direction_words`."""
    table = load_lang(lang).get(key) or {}
    return PhraseMatcher((str(w), str(kind)) for kind, words in table.items() for w in words or [])
