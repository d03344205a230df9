"""Armed and political groups the gazetteer does not know, discovered from their names: a run of
capitalised words with a group's head word ("Myanmar National Democratic Alliance Army (MNDAA)",
"Arakan Army", "Tentara Pembebasan Nasional Papua Barat"). Its id is the bracketed acronym when the
text gives one (`mndaa`), else the name in snake case (`arakan_army`). A state's own forces are no
such group: a name made only of country names and state words ("Israel Defense Forces", "Tentara
Nasional Indonesia", "Korean People's Army") is left to the gazetteer."""

from __future__ import annotations

import re

from streams.core.caches import memo
from streams.core.doc import Doc
from streams.core.lang import LangPack
from streams.core.lexicon import load_lang
from streams.core.matching import Hit
from streams.core.world import slug

# Capitalised words, with "of"/"for"/"the" and possessives inside ("Sudan People's Liberation Army").
_RUN = re.compile(r"[A-Z][\w'’\-]*(?:\s+(?:(?:of|for|the|de|del)\s+)?[A-Z][\w'’\-]*){1,7}")
# "Islamic Resistance in Iraq": a group named for the country it fights in.
_LOCATED = re.compile(r"\s+in\s+([A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2})")
_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z0-9\-]{1,7})\)")


@memo
def _linked_acronym(lang: str) -> re.Pattern[str] | None:
    """ "Arakan Army atau AA", "the Arakan Army, or AA": the acronym after a linking word."""
    links = [str(w) for w in (load_lang(lang).get("lists") or {}).get("acronym_links") or []]
    if not links:
        return None
    words = "|".join(re.escape(w) for w in links)
    # (a comma closing the apposition goes with it: "the Arakan Army, or AA, of killing")
    return re.compile(rf",?\s+(?:{words})\s+([A-Z][A-Z0-9\-]{{1,7}})\b(?![a-z])(?:,(?=\s))?")


def discover_groups(doc: Doc, pack: LangPack, countries: list[Hit]) -> list[Hit]:
    """Hits (key = group id) of group names; `countries` are the known actor and demonym hits."""
    heads = pack.words("group_heads")
    state = pack.words("state_words")
    linked = _linked_acronym(pack.code)
    out: list[Hit] = []
    for m in _RUN.finditer(doc.text):
        words = m.group(0).split()
        if heads.key_of(words[-1]) is None and heads.key_of(words[0]) is None:
            continue  # the head ends the name ("Arakan Army") or opens it ("Tentara Pembebasan ...")
        named_for_place = heads.key_of(words[-1]) is not None and not any(
            m.start() <= h.start < m.end() for h in countries
        )
        where = _located_in(doc.text, m.end(), countries) if named_for_place else None
        if where is not None:
            start = _after_openers(doc.text, m, pack)
            out.append(Hit(start, where, slug(doc.text[start:where]), doc.text[start:where]))
            continue
        inside = [h for h in countries if m.start() <= h.start and h.end <= m.end()]
        if any(h.start == m.start() and h.end == m.end() for h in inside):
            continue  # the whole name is known
        acronym = _ACRONYM.match(doc.text, m.end()) or (linked.match(doc.text, m.end()) if linked else None)
        if acronym is not None and any(
            h.start == acronym.start(1) and h.end == acronym.end(1) for h in countries
        ):
            continue  # "Ta'ang National Liberation Army (TNLA)": known by its acronym
        if inside and acronym is None:
            continue  # "Twenty Indian Army men": a country's name and no name of its own
        free = _free_words(doc.text, m, inside)
        own = [w for w in free if heads.key_of(w) is None and w.casefold() not in pack.stopwords]
        if all(state.key_of(w) is not None for w in own):
            continue  # a state's forces: country names and state words ("Chinese Maritime Militia")
        start = _after_openers(doc.text, m, pack)
        key = slug(acronym.group(1)) if acronym else _name_id(pack, doc.text[start : m.end()])
        end = acronym.end() if acronym else m.end()
        out.append(Hit(start, end, key, doc.text[start:end]))
        if acronym:
            out += _later_acronyms(doc.text, acronym, key, end)
    out += _acting_acronyms(doc, pack, countries, out)
    return sorted(out, key=lambda h: h.start)


def _name_id(pack: LangPack, name: str) -> str:
    """A group's id from its name alone: the name in snake case, or — for a long name ending in
    a head its kind of group is known by its initials for (lang data `initials_heads`: "Arakan
    Rohingya Salvation Army", "Tigray People's Liberation Front") — those initials, the id the
    same group gets where the text gives its acronym ("... (ARSA)")."""
    words = [w for w in name.split() if w.casefold() not in pack.stopwords]
    if len(words) >= 3 and pack.words("initials_heads").key_of(words[-1]) is not None:
        return "".join(w[0] for w in words).casefold()
    return slug(name)


def state_acronyms(doc: Doc, pack: LangPack, countries: list[Hit]) -> list[Hit]:
    """ "the Kenya Defence Forces (KDF)", "Pasukan Pertahanan Kenya (KDF)": a state's forces named
    with an acronym of their own. The acronym, there and wherever it stands later, is that state
    (keyed like the country in the name), so "KDF spokesman" speaks for Kenya."""
    heads, state = pack.words("group_heads"), pack.words("state_words")
    out: list[Hit] = []
    for m in _RUN.finditer(doc.text):
        acronym = _ACRONYM.match(doc.text, m.end())
        if acronym is None:
            continue
        if any(h.start == acronym.start(1) for h in countries) or any(
            h.text == acronym.group(1) for h in out
        ):
            continue  # known already ("Tentara Nasional Indonesia (TNI)")
        inside = [h for h in countries if m.start() <= h.start and h.end <= m.end()]
        if len({h.key for h in inside}) != 1:
            continue
        own = [w for w in _free_words(doc.text, m, inside) if w.casefold() not in pack.stopwords]
        if own and all(state.key_of(w) is not None or heads.key_of(w) is not None for w in own):
            key = inside[0].key
            out.append(Hit(acronym.start(1), acronym.end(1), key, acronym.group(1)))
            out += _later_acronyms(doc.text, acronym, key, acronym.end())
    return out


_BARE_ACRONYM = re.compile(r"(?<![\w\-])[A-Z][A-Z0-9]{1,6}(?![\w\-])")


def _acting_acronyms(doc: Doc, pack: LangPack, countries: list[Hit], found: list[Hit]) -> list[Hit]:
    """ "kelompok ARSA", "ELN rebels", "MNDAA fighters": an acronym the gazetteer does not know, told
    as a group or its fighters somewhere in the text, names a group (id: the acronym); every use of
    it standing alone is that group ("the ELN said"). One that only speaks may be a think tank or a
    monitor ("ISW said"), no party."""
    taken = [(h.start, h.end) for h in countries + found]
    skip = pack.words("non_actor_acronyms")
    uses: dict[str, list[re.Match[str]]] = {}
    for m in _BARE_ACRONYM.finditer(doc.text):
        if any(s <= m.start() < e for s, e in taken) or skip.key_of(m.group(0)) is not None:
            continue
        if doc.text[max(0, m.start() - 1) : m.start()] == "(" and any(
            m.start() - 40 <= h.start < m.start() for h in countries
        ):
            continue  # "Chinese Maritime Militia (CMM)": a state's forces, named before it
        uses.setdefault(m.group(0), []).append(m)
    out: list[Hit] = []
    for word, ms in uses.items():
        if any(_acting(doc, pack, m) for m in ms):
            out += [Hit(m.start(), m.end(), slug(word), word) for m in ms]
    return out


def _acting(doc: Doc, pack: LangPack, m: re.Match[str]) -> bool:
    """The acronym right before a word for fighters, or right after a word for a group or its
    fighters."""
    after = doc.word_list(m.end(), min(len(doc.text), m.end() + 30))[:2]
    before = doc.word_list(max(0, m.start() - 30), m.start())[-1:]
    if after and _fighters(pack, after[0]):
        return True
    if pack.modifier_first and after and pack.words("group_modifiers").key_of(after[0]) is not None:
        after = after[1:]  # "the ELN rebel group": a kind of group between the acronym and its noun
    if pack.modifier_first and after and pack.words("group_nouns").key_of(after[0]) is not None:
        return True
    return bool(before) and (
        pack.words("group_nouns").key_of(before[0]) is not None or _fighters(pack, before[0])
    )


def _fighters(pack: LangPack, word: str) -> bool:
    """A word for armed people ("fighters", "pasukan"), not a weak one ("people", "warga")."""
    return pack.troop_nouns.key_of(word) is not None and word.casefold() not in pack.weak_troop_nouns


def _located_in(text: str, end: int, countries: list[Hit]) -> int | None:
    """Where "<name> in <Country>" ends, when a known country follows "in" right after a head."""
    m = _LOCATED.match(text, end)
    if m is None:
        return None
    hit = next((h for h in countries if h.start == m.start(1)), None)
    return hit.end if hit is not None else None


def _after_openers(text: str, m: re.Match[str], pack: LangPack) -> int:
    """Past a capitalised function word opening the run ("The Arakan Army")."""
    pos = m.start()
    for w in m.group(0).split():
        if w.casefold() not in pack.stopwords:
            break
        pos = text.index(w, pos) + len(w)
        pos = len(text) - len(text[pos:].lstrip())
    return pos


def _later_acronyms(text: str, acronym: re.Match[str], key: str, after: int) -> list[Hit]:
    """The acronym standing alone later in the text ("MNDAA fighters")."""
    word = re.compile(rf"\b{re.escape(acronym.group(1))}\b")
    return [Hit(a.start(), a.end(), key, a.group(0)) for a in word.finditer(text, after)]


def _free_words(text: str, m: re.Match[str], inside: list[Hit]) -> list[str]:
    """The run's words outside the known names in it."""
    spans = sorted((h.start, h.end) for h in inside)
    pieces, pos = [], m.start()
    for s, e in spans:
        pieces.append(text[pos:s])
        pos = max(pos, e)
    pieces.append(text[pos : m.end()])
    return [w for p in pieces for w in p.split()]


_BRACKETED = re.compile(r"\s*\(([A-Z][A-Z0-9\-]{1,7})\)$")


def group_spellings(text: str) -> list[str]:
    """ "National Liberation Army (ELN)" -> the name and "ELN"; a bare name or acronym as is."""
    m = _BRACKETED.search(text)
    return [text[: m.start()], m.group(1)] if m else [text]


def named_again(text: str, names: dict[str, str]) -> list[Hit]:
    """Hits of groups the body discovered, where a headline names them again ("ELN rebels claim
    ..."): a headline's capitals make its own runs of words no evidence of a name."""
    out: list[Hit] = []
    for name, key in names.items():
        for m in re.finditer(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])", text):
            if not any(h.start < m.end() and m.start() < h.end for h in out):
                out.append(Hit(m.start(), m.end(), key, m.group(0)))
    return sorted(out, key=lambda h: h.start)
