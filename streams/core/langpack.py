"""One language's lexicon (lang/<code>/*.yaml) compiled into matchers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from streams.core.lexicon import languages, load_lang
from streams.core.matching import PhraseMatcher, phrase_set


@dataclass(frozen=True)
class LangPack:
    code: str
    stopwords: frozenset[str]
    noise_lines: tuple[re.Pattern[str], ...]
    cues_before: PhraseMatcher  # key "kind"
    cues_after: PhraseMatcher
    cues_by: PhraseMatcher
    cues_pronoun: PhraseMatcher
    complementizers: PhraseMatcher
    deny_markers: PhraseMatcher
    claim_nouns: PhraseMatcher
    negators: PhraseMatcher
    hedges: PhraseMatcher
    speculative: PhraseMatcher
    clause_breaks: PhraseMatcher
    target_markers: PhraseMatcher
    origin_markers: PhraseMatcher
    locative_preps: PhraseMatcher
    place_nouns: PhraseMatcher
    troop_nouns: PhraseMatcher
    troop_nouns_possessive: PhraseMatcher  # "pasukannya": noun + possessive suffix
    weak_troop_nouns: frozenset[str]
    additional_markers: PhraseMatcher
    roles: PhraseMatcher  # key = role id
    unaffiliated: PhraseMatcher
    pronouns: PhraseMatcher  # key = "person" | "group"
    demonstratives: PhraseMatcher
    possessive_suffixes: tuple[str, ...]
    possessive_words: PhraseMatcher
    place_anaphors: PhraseMatcher
    content_anaphors: PhraseMatcher
    inclusion_words: PhraseMatcher
    place_determiners: frozenset[str]
    cue_blockers: frozenset[str]
    country_anaphors: PhraseMatcher
    owner_markers: frozenset[str]
    generic_org_nouns: frozenset[str]
    modal_negation: PhraseMatcher
    recap_markers: PhraseMatcher
    own_country: PhraseMatcher
    first_person: PhraseMatcher
    statement_nouns: PhraseMatcher
    opponent_markers: PhraseMatcher
    ally_markers: PhraseMatcher
    opponent_if_noun: frozenset[str]
    combat_nouns: tuple[str, ...]
    modifier_first: bool
    postposed_speaker: bool
    passive_prefixes: tuple[str, ...]


def _list(data: dict[str, Any], key: str) -> list[str]:
    return [str(v) for v in (data.get(key) or [])]


def _phrases(data: dict[str, Any], key: str) -> PhraseMatcher:
    return phrase_set(_list(data, key))


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    """A word list compared case-insensitively."""
    return frozenset(w.casefold() for w in _list(data, key))


def _keyed(mapping: dict[str, Any] | None) -> PhraseMatcher:
    pairs: list[tuple[str, str]] = []
    for key, phrases in (mapping or {}).items():
        pairs.extend((str(p), str(key)) for p in (phrases or []))
    return PhraseMatcher(pairs)


def compile_pack(code: str, data: dict[str, Any]) -> LangPack:
    reporting = data.get("reporting") or {}
    noise = []
    for pattern in _list(data, "noise_lines"):
        anchored = pattern if pattern.startswith(".*") else r"\s*(?:" + pattern + ")"
        noise.append(re.compile(anchored, re.IGNORECASE))
    pronoun_cues = PhraseMatcher((p, "say") for p in reporting.get("pronoun_after") or [])
    return LangPack(
        code=code,
        stopwords=_words(data, "stopwords"),
        noise_lines=tuple(noise),
        cues_before=_keyed(reporting.get("before")),
        cues_after=_keyed(reporting.get("after")),
        cues_by=_keyed(reporting.get("by")),
        cues_pronoun=pronoun_cues,
        complementizers=_phrases(data, "complementizers"),
        deny_markers=_phrases(data, "deny_markers"),
        claim_nouns=_phrases(data, "claim_nouns"),
        negators=_phrases(data, "negators"),
        hedges=_phrases(data, "hedges"),
        speculative=_phrases(data, "speculative"),
        clause_breaks=_phrases(data, "clause_breaks"),
        target_markers=_phrases(data, "target_markers"),
        origin_markers=_phrases(data, "origin_markers"),
        locative_preps=_phrases(data, "locative_preps"),
        place_nouns=_phrases(data, "place_nouns"),
        troop_nouns=_phrases(data, "troop_nouns"),
        troop_nouns_possessive=PhraseMatcher(
            (noun + suffix, noun.casefold())
            for noun in _list(data, "troop_nouns")
            for suffix in _list(data, "possessive_suffixes")
        ),
        weak_troop_nouns=_words(data, "weak_troop_nouns"),
        additional_markers=_phrases(data, "additional_markers"),
        roles=_keyed(data.get("roles")),
        unaffiliated=_phrases(data, "unaffiliated_roles"),
        pronouns=_keyed(data.get("pronouns")),
        demonstratives=_phrases(data, "demonstratives"),
        possessive_suffixes=tuple(_list(data, "possessive_suffixes")),
        possessive_words=_phrases(data, "possessive_words"),
        place_anaphors=_phrases(data, "place_anaphors"),
        content_anaphors=_phrases(data, "content_anaphors"),
        inclusion_words=_phrases(data, "inclusion_words"),
        place_determiners=_words(data, "place_determiners"),
        cue_blockers=_words(data, "cue_blockers"),
        country_anaphors=_phrases(data, "country_anaphors"),
        owner_markers=_words(data, "owner_markers"),
        generic_org_nouns=_words(data, "generic_org_nouns"),
        modal_negation=_phrases(data, "modal_negation"),
        recap_markers=_phrases(data, "recap_markers"),
        own_country=_phrases(data, "own_country"),
        first_person=_phrases(data, "first_person_possessive"),
        statement_nouns=_phrases(data, "statement_nouns"),
        opponent_markers=_phrases(data, "opponent_markers"),
        ally_markers=_phrases(data, "ally_markers"),
        opponent_if_noun=_words(data, "opponent_if_noun"),
        combat_nouns=tuple(w.casefold() for w in _list(data, "combat_nouns")),
        modifier_first=bool(data.get("modifier_first", False)),
        postposed_speaker=bool(data.get("postposed_speaker", False)),
        passive_prefixes=tuple(_list(data, "passive_prefixes")),
    )


@cache
def get_pack(code: str) -> LangPack:
    data = load_lang(code)
    if not data:
        raise KeyError(f"no lexicon for language {code!r} (have: {', '.join(languages())})")
    return compile_pack(code, data)


@lru_cache(maxsize=1)
def all_packs() -> tuple[LangPack, ...]:
    return tuple(get_pack(code) for code in languages() if load_lang(code).get("stopwords"))
