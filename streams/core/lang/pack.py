"""One language's lexicon (lang/<code>/core.yaml) compiled: phrase matchers, word sets and the
small regexes built from its glue words. Numbers and time expressions compile in their siblings
(lang/numbers.py, lang/time.py); this package is the only place language data is compiled."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from streams.core.caches import memo
from streams.core.lang.regex import alt
from streams.core.lexicon import languages, load_lang
from streams.core.matching import PhraseMatcher, ShieldedMatcher, phrase_set

_EMPTY = phrase_set([])


@dataclass(frozen=True)
class Glue:
    """Function words single rules read (lang/<code>/core.yaml, key `glue`); each list says where."""

    coordinators: frozenset[str]
    list_gap: re.Pattern[str]  # "A, B dan C": what may stand between listed parties
    coordinator_word: re.Pattern[str]
    same_subject: re.Pattern[str]  # "X membantah ... dan mengatakan": the same subject goes on
    clause_link: re.Pattern[str]  # where a new clause with its own subject may begin
    place_coordinator: re.Pattern[str]
    bare_tail: re.Pattern[str]  # after "X said" only circumstance follows
    phrase_end: re.Pattern[str]  # where a speaker phrase after the verb ends
    appositive_end: re.Pattern[str]
    lead_titles: re.Pattern[str]  # "..., NATO Secretary General Mark Rutte said"
    name_particles: frozenset[str]  # "spokesperson for the Navy": small words inside titles and names
    officer_noun: re.Pattern[str]
    articles: frozenset[str]
    article_prefix: re.Pattern[str]  # an optional article before a name
    name_ahead: re.Pattern[str]  # a capitalised name next, after an optional article
    next_word: re.Pattern[str]  # the first word after a cue, past an article
    name_run: re.Pattern[str]  # "to (the) Pangkalan Utama Surabaya": a run of capitalised words
    noun_complement: re.Pattern[str]  # "estimates of": the cue is a noun
    subjectless: re.Pattern[str]  # a clause opening on an auxiliary has no subject of its own
    causal: re.Pattern[str]
    nominal_suffixes: tuple[str, ...]
    nominal_prefixes: tuple[str, ...]
    verbal_prefixes: tuple[str, ...]  # "menewaskan": a verb prefix wins over a noun suffix
    gerund_suffixes: tuple[str, ...]
    object_suffixes: tuple[str, ...]  # "membantahnya": a verb ending in its own object pronoun
    agent_marker: re.Pattern[str]  # "oleh/by" right before a noun phrase
    modals: frozenset[str]
    uncertain: frozenset[str]
    conditionals: frozenset[str]
    relatives: frozenset[str]
    office_qualifier: re.Pattern[str]  # "Duta Besar Korea Utara untuk PBB"
    workplace: re.Pattern[str]  # "an analyst at a Seoul think tank"
    according: frozenset[str]
    caption_words: tuple[str, ...]
    abbreviations: tuple[str, ...]


@dataclass(frozen=True)
class ByCues:
    """Passive cues with a few words before the agent marker: "was confirmed on Tuesday by X"."""

    pattern: re.Pattern[str]
    # each phrase as its own pattern, so that a head pairs only with its own marker ("yang
    # dibantah X" is a denial; "yang dilaporkan oleh X" a report, not "yang ... oleh")
    phrases: tuple[tuple[re.Pattern[str], str], ...] = ()

    def kind_of(self, cue: str) -> str | None:
        return next((kind for rx, kind in self.phrases if rx.fullmatch(cue)), None)


@dataclass(frozen=True)
class LangPack:
    code: str
    stopwords: frozenset[str]
    noise_lines: tuple[re.Pattern[str], ...]
    cues_before: PhraseMatcher  # key "kind"
    cues_after: PhraseMatcher
    cues_by: ByCues
    cues_pronoun: PhraseMatcher
    complementizers: PhraseMatcher
    deny_markers: PhraseMatcher
    denial_nouns: PhraseMatcher  # "bantahan itu tidak benar": a dismissed denial affirms
    claim_nouns: PhraseMatcher
    negators: PhraseMatcher
    evidence_negators: PhraseMatcher  # "tidak ada tanda-tanda": its "ada" opens no frame
    hedges: PhraseMatcher
    speculative: PhraseMatcher
    clause_breaks: PhraseMatcher
    target_markers: PhraseMatcher
    origin_markers: PhraseMatcher
    locative_preps: PhraseMatcher
    place_nouns: PhraseMatcher
    troop_nouns: PhraseMatcher  # with the aircraft among them
    aircraft_troops: PhraseMatcher  # "jets", "F-16s": troops whose sending is no deployment
    troop_nouns_possessive: PhraseMatcher  # "pasukannya": noun + possessive suffix
    weapons_possessive: PhraseMatcher  # "rudalnya": weapon noun + possessive suffix
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
    glue: Glue
    # Further phrase lists by name (core.yaml `lists:`), for the general event reading: role
    # markers, involvement nouns, background clauses, nationality words ... (see `words`).
    lists: dict[str, PhraseMatcher] = field(default_factory=dict)

    def words(self, name: str) -> PhraseMatcher:
        """A named phrase list of `lists:` (an empty matcher when the language has none)."""
        found = self.lists.get(name)
        return found if found is not None else _EMPTY


def _list(data: dict[str, Any], key: str) -> list[str]:
    return words_of(data.get(key), key)


def words_of(value: Any, key: str) -> list[str]:
    """A word list; a bare on/no/yes/off (a boolean to YAML) is refused, not read as 'True'."""
    out: list[str] = []
    for v in value or []:
        if isinstance(v, bool) or v is None:
            raise ValueError(f"{key}: {v!r} is not a word (YAML reads on/no/yes/off as booleans: quote them)")
        out.append(str(v))
    return out


def _phrases(data: dict[str, Any], key: str) -> PhraseMatcher:
    return phrase_set(_list(data, key))


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    """A word list compared case-insensitively."""
    return frozenset(w.casefold() for w in _list(data, key))


def _keyed(mapping: dict[str, Any] | None) -> PhraseMatcher:
    pairs: list[tuple[str, str]] = []
    for key, phrases in (mapping or {}).items():
        pairs.extend((p, str(key)) for p in words_of(phrases, str(key)))
    return PhraseMatcher(pairs)


def _rx(template: str, words: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """`template` with {w} replaced by an alternation of the words (never matching when empty)."""
    return re.compile(template.replace("{w}", alt(words)), flags)


def compile_glue(glue: dict[str, Any]) -> Glue:
    def g(key: str) -> list[str]:
        return words_of(glue.get(key), f"glue.{key}")

    return Glue(
        coordinators=frozenset(w.casefold() for w in g("coordinators")),
        # "China and the Philippines": an article may open the next member.
        list_gap=_rx(
            r"\s*(?:,\s*|\s+)(?:{w}\s+)?" + rf"(?:(?:{alt(g('definite_articles'))})\s+)?", g("coordinators")
        ),
        coordinator_word=_rx(r"{w}(?!\w)", g("coordinators")),
        same_subject=_rx(r"(?:{w}\s+(?:\w+\s+){0,2})$", g("same_subject_links")),
        clause_link=_rx(r"[,;]|\s{w}\s", g("clause_links"), 0),
        place_coordinator=_rx(r"{w}(?!\w)", g("place_coordinators"), 0),
        bare_tail=_rx(r"\s*(?:$|[.,;]|{w}(?!\w))", g("circumstance_words")),
        phrase_end=_rx(r"\([^)]{0,40}\)|[,.;:(]|\s{w}\s", g("phrase_enders"), 0),
        appositive_end=_rx(r"\s*(?:[,.;:(\[]|$)|\s+{w}(?!\w)", g("appositive_enders"), 0),
        lead_titles=_rx(r"[,”\"]\s*(?:(?:[A-Z][\w'’.\-]*|{w})\s+){0,5}$", g("name_particles"), 0),
        name_particles=frozenset(w.casefold() for w in g("name_particles")),
        officer_noun=_rx(r"{w}(?!\w)", g("officer_nouns")),
        articles=frozenset(w.casefold() for w in g("articles")),
        article_prefix=_rx(r"(?:{w}\s+)?", g("articles"), 0),
        name_ahead=_rx(r"\s*(?:{w}\s+)?[A-Z]", g("definite_articles"), 0),
        next_word=_rx(r"\s*(?:{w}\s+)?([^\W\d_][\w'’\-]*)", g("articles"), 0),
        name_run=_rx(r"\s+(?:{w}\s+)?((?:[A-Z][\w'’\-]+\s*){1,5})", g("definite_articles"), 0),
        noun_complement=_rx(r"\s+{w}(?!\w)", g("noun_complements"), 0),
        subjectless=_rx(r"\s*{w}?\s*(?:\w+\s+)?$", g("auxiliaries")),
        causal=_rx(r"{w}\s*$", g("causal_words")),
        nominal_suffixes=tuple(g("nominal_suffixes")),
        nominal_prefixes=tuple(g("nominal_prefixes")),
        verbal_prefixes=tuple(g("verbal_prefixes")),
        gerund_suffixes=tuple(g("gerund_suffixes")),
        object_suffixes=tuple(g("object_suffixes")),
        agent_marker=_rx(r"{w}\s+$", g("agent_markers"), 0),
        modals=frozenset(w.casefold() for w in g("modals")),
        uncertain=frozenset(w.casefold() for w in g("uncertain")),
        conditionals=frozenset(w.casefold() for w in g("conditionals")),
        relatives=frozenset(w.casefold() for w in g("relatives")),
        office_qualifier=_rx(r"{w}\s+(?:the\s+)?$", g("office_qualifier_preps")),
        workplace=_rx(r"{w}(?!\w)", g("workplace_preps"), 0),
        according=frozenset(w.casefold() for w in g("according")),
        caption_words=tuple(g("caption_words")),
        abbreviations=tuple(g("abbreviations")),
    )


def _by_phrase(head: str, marker: str) -> str:
    """ "was confirmed ... by": the head, up to four words, then its own marker."""
    spaced = re.escape(head).replace(r"\ ", r"\s+")
    return rf"{spaced}(?:\s+[^\s,.;:]+){{0,4}}?\s+{re.escape(marker)}"


def compile_by_cues(by: dict[str, Any]) -> ByCues:
    alts: list[tuple[str, str]] = []
    for kind, phrases in by.items():
        for phrase in words_of(phrases, f"reporting.by.{kind}"):
            words = phrase.split()
            if len(words) >= 2:
                alts.append((_by_phrase(" ".join(words[:-1]), words[-1]), kind))
    if not alts:
        return ByCues(re.compile(r"(?!x)x"))
    alts.sort(key=lambda a: len(a[0]), reverse=True)
    rx = re.compile(rf"(?i)(?<![\w])(?:{'|'.join(a for a, _ in alts)})(?![\w])")
    phrases = tuple((re.compile(rf"(?i){a}"), kind) for a, kind in alts)
    return ByCues(rx, phrases)


def _with_possessive(data: dict[str, Any], nouns: list[str], *, doubled: bool = False) -> PhraseMatcher:
    """ "pasukannya", "rudalnya": each noun with each possessive suffix, keyed by the noun; with
    `doubled`, its reduplicated plural too ("rudal-rudalnya")."""
    suffixes = _list(data, "possessive_suffixes")
    forms = [(n, n) for n in nouns] + ([(f"{n}-{n}", n) for n in nouns if " " not in n] if doubled else [])
    return PhraseMatcher((form + sfx, noun.casefold()) for form, noun in forms for sfx in suffixes)


def _troop_words(data: dict[str, Any]) -> list[str]:
    return _list(data, "troop_nouns") + _list(data, "aircraft_troop_nouns")


def _noise(data: dict[str, Any]) -> tuple[re.Pattern[str], ...]:
    noise = []
    for pattern in _list(data, "noise_lines"):
        anchored = pattern if pattern.startswith(".*") else r"\s*(?:" + pattern + ")"
        noise.append(re.compile(anchored, re.IGNORECASE))
    return tuple(noise)


def compile_pack(code: str, data: dict[str, Any]) -> LangPack:
    reporting = data.get("reporting") or {}
    return LangPack(
        code=code,
        stopwords=_words(data, "stopwords"),
        noise_lines=_noise(data),
        cues_before=_keyed(reporting.get("before")),
        cues_after=_keyed(reporting.get("after")),
        cues_by=compile_by_cues(reporting.get("by") or {}),
        cues_pronoun=PhraseMatcher(
            (p, "say") for p in words_of(reporting.get("pronoun_after"), "pronoun_after")
        ),
        complementizers=_phrases(data, "complementizers"),
        deny_markers=_phrases(data, "deny_markers"),
        denial_nouns=_phrases(data, "denial_nouns"),
        claim_nouns=_phrases(data, "claim_nouns"),
        negators=ShieldedMatcher(_list(data, "negators"), _list(data, "negation_shields")),
        evidence_negators=_phrases(data, "evidence_negators"),
        hedges=_phrases(data, "hedges"),
        speculative=_phrases(data, "speculative"),
        clause_breaks=_phrases(data, "clause_breaks"),
        target_markers=_phrases(data, "target_markers"),
        origin_markers=_phrases(data, "origin_markers"),
        locative_preps=_phrases(data, "locative_preps"),
        place_nouns=_phrases(data, "place_nouns"),
        troop_nouns=phrase_set(_troop_words(data)),
        aircraft_troops=_phrases(data, "aircraft_troop_nouns"),
        troop_nouns_possessive=_with_possessive(data, _troop_words(data)),
        weapons_possessive=_with_possessive(
            data, words_of((data.get("lists") or {}).get("weapon_nouns"), "lists.weapon_nouns"), doubled=True
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
        glue=compile_glue(data.get("glue") or {}),
        lists={str(k): phrase_set(words_of(v, f"lists.{k}")) for k, v in (data.get("lists") or {}).items()},
    )


@memo
def get_pack(code: str) -> LangPack:
    data = load_lang(code)
    if not data:
        raise KeyError(f"no lexicon for language {code!r} (have: {', '.join(languages())})")
    return compile_pack(code, data)


@memo
def all_packs() -> tuple[LangPack, ...]:
    return tuple(get_pack(code) for code in languages() if load_lang(code).get("stopwords"))
