"""Places the gazetteer does not know, discovered from the text: a short capitalised name governed
by a locative preposition ("in Rafah", "di Goma", "near the village of Gornal", "ke kota Sudzha"),
with the size its place noun gives it (village, town, city, district, region). Its id is the name
in snake case, as any place id. It lies within its country where GeoNames knows it as a city of
that country alone (cities.py: "Mekelle" -> Ethiopia); else it nests with nothing but itself (alerts
stay on places whose identity is certain)."""

from __future__ import annotations

import re

from streams.core.caches import memo
from streams.core.cities import city_country
from streams.core.doc import Doc
from streams.core.lang import LangPack
from streams.core.lexicon import load_lang
from streams.core.matching import Hit
from streams.core.world import slug

# Up to three capitalised words (hyphens inside: "Beit-Lahia", "Khan Younis"), no all-caps acronyms;
# an Arabic article may open it in lower case ("el-Fasher", "al-Mazzeh").
_NAME = re.compile(
    r"(?:(?:el|al|ad|ar|as|ash|az)-)?"
    r"(?:[A-Z][a-z\u00C0-\u024F'’]+(?:-[A-Za-z][a-z\u00C0-\u024F'’]*)*)(?:\s+[A-Z][a-z\u00C0-\u024F'’\-]+){0,2}"
)
_GAP = re.compile(r"\s+")


@memo
def time_words(lang: str) -> frozenset[str]:
    cfg = load_lang(lang).get("time") or {}
    words: set[str] = set()
    for key in ("weekdays", "months", "month_abbreviations"):
        words.update(str(k).casefold() for k in (cfg.get(key) or {}))
    return frozenset(words)


def _language_names(pack: LangPack) -> frozenset[str]:
    return frozenset(
        w.casefold() for w in (load_lang(pack.code).get("lists") or {}).get("language_names") or []
    )


def _kind_of(pack: LangPack, noun: str) -> str | None:
    for kind in ("village", "town", "city", "district", "region"):
        if pack.words(f"place_kind_{kind}").search(noun) is not None:
            return kind
    return None


def discover_places(
    doc: Doc,
    pack: LangPack,
    known: list[Hit],
    actors: list[Hit],
    objects_of: list[Hit] | None = None,
    city_objects_of: list[Hit] | None = None,
) -> list[Hit]:
    """Hits (key = place id) of names after a locative preposition — or right after a verb whose
    object is a place ("took control of the provincial capital Goma", `objects_of`), or a city
    of the GeoNames table right after a verb of attack ("shelled Poltava", `city_objects_of`) —
    that no known place or actor covers. `Hit.text` keeps the name as written."""
    taken = sorted((h.start, h.end) for h in [*known, *actors])
    # ("Reports in Arabic media": a language names no place)
    stop = pack.stopwords | time_words(pack.code) | _language_names(pack)
    out: list[Hit] = []
    anchors = [(h.end, False) for h in doc.find(pack.locative_preps)]
    anchors += [(h.end, True) for h in objects_of or []]
    # "the city of el-Fasher", "kota El Fasher": a place noun names what follows, whatever governs it.
    anchors += [(h.start, False) for h in doc.find(pack.place_nouns) if not h.text[:1].isupper()]
    facilities = doc.find(pack.words("facility_nouns"))
    if not pack.modifier_first:
        anchors += [(h.end, False) for h in facilities]  # "Pangkalan Udara Al Udeid"
    names = [_name_after(doc, pack, pos, loose) for pos, loose in sorted(anchors)]
    # "shelled Poltava", "menghantam Haifa": the object may be a party or a person too, so only a
    # name the city table knows is taken for a place
    cities = [_name_after(doc, pack, h.end, False) for h in city_objects_of or []]
    names += [
        m
        for m in cities
        if m is not None
        and city_country(place_id(pack.code, m.group(0)))
        and not _modifies_noun(doc, pack, m.end())
    ]
    names += [_name_before(doc, h.start) for h in facilities if pack.modifier_first]  # "Al Udeid air base"
    heads, of_name = _naming(pack.code)[0], _of_name(pack.code)
    for name in names:
        if name is None:
            continue
        if any(k.start <= name.start() and name.end() <= k.end for k in known):
            continue  # "Jalur Gaza" is a known name as a whole
        head_first = len(name.group(0).split()) > 1 and name.group(0).split()[0].casefold() in heads
        headed = head_first or bool(of_name and of_name.fullmatch(name.group(0)))
        # "Ladakh's Galwan Valley": a known possessor leaves the place after it unknown
        lo = name.start() + (m.end() if (m := _POSSESSOR.match(name.group(0))) else 0)
        if not headed and any(s < name.end() and lo < e for s, e in taken):
            continue  # "Laut China Selatan" is a sea, though "China" is a known place
        words = name.group(0).split()
        if words[0].casefold() in stop or len(name.group(0)) < 3 or _runs_on(doc.text, name.end()):
            continue
        if len(words) == 1 and words[0].casefold() in heads:
            continue  # "kapal tanker di Teluk": a geographic noun alone names no one place
        if words[0] in pack.glue.abbreviations and doc.text[name.start() + len(words[0]) :][:1] == ".":
            continue  # "according to Rep. Park": a title, not a place
        if _COMPOUND.search(name.group(0)):
            continue  # "Ukrainian-held", "Rwandan-backed": an adjective, not a place
        if _describes_people(doc, pack, name.end()):
            continue  # "the killing of a Sikh leader", "Khalistani terrorist": whose, not where
        own = _POSSESSOR.match(name.group(0))
        if own is not None:  # "Ladakh's Galwan Valley": the place named is the second
            hit = Hit(
                name.start() + own.end(),
                name.end(),
                place_id(pack.code, name.group(0)[own.end() :]),
                name.group(0)[own.end() :],
            )
        else:
            hit = Hit(name.start(), name.end(), place_id(pack.code, name.group(0)), name.group(0))
        if hit not in out:
            out.append(hit)
    return sorted(out, key=lambda h: h.start)


def _modifies_noun(doc: Doc, pack: LangPack, end: int) -> bool:
    """ "hit the Enguri dam": a lower-case word after the name that is no function word makes the
    name its modifier (in a language that puts modifiers first)."""
    if not pack.modifier_first:
        return False
    nxt = doc.word_list(end, min(len(doc.text), end + 24))[:1]
    return (
        bool(nxt)
        and nxt[0][:1].islower()
        and nxt[0].casefold() not in pack.stopwords
        and doc.text[end : end + 1] == " "
    )


def _describes_people(doc: Doc, pack: LangPack, end: int) -> bool:
    """The name qualifies the people noun right after it ("Sikh leader", "Rohingya refugees"; in
    English order only)."""
    if not pack.modifier_first:
        return False
    nxt = doc.word_list(end, min(len(doc.text), end + 24))[:1]
    if not nxt or nxt[0][:1].isupper():
        return False
    nouns = (pack.troop_nouns, pack.words("victim_nouns"), pack.words("people_nouns"))
    return any(m.key_of(nxt[0]) is not None for m in nouns)


@memo
def _naming(lang: str) -> tuple[dict[str, str], dict[str, str]]:
    cfg = load_lang(lang).get("place_names") or {}
    heads = {str(k).casefold(): str(v) for k, v in (cfg.get("heads") or {}).items()}
    mods = {str(k).casefold(): str(v) for k, v in (cfg.get("modifiers") or {}).items()}
    return heads, mods


@memo
def _of_name(lang: str) -> re.Pattern[str] | None:
    """ "Gulf of Oman", "Sea of Azov": a geographic head, "of" and the name."""
    heads = [str(h) for h in (load_lang(lang).get("place_names") or {}).get("of_heads") or []]
    if not heads:
        return None
    return re.compile(rf"(?:{'|'.join(map(re.escape, heads))})\s+of\s+(?:the\s+)?{_NAME.pattern}")


def place_id(lang: str, name: str) -> str:
    """The id of a discovered place, in English word order when the language puts the geographic
    noun first ("Lembah Galwan" -> galwan_valley, "Laut China Selatan" -> south_china_sea, "Gulf of
    Oman" -> oman_gulf)."""
    heads, mods = _naming(lang)
    of_name = _of_name(lang)
    if of_name is not None and of_name.fullmatch(name):
        geo, _, named = name.partition(" of ")
        return slug(f"{named.removeprefix('the ')} {geo}")
    words = name.split()
    for size in (2, 1):
        head = heads.get(" ".join(words[:size]).casefold())
        if head is not None and len(words) > size:
            rest = [mods.get(w.casefold(), w) for w in reversed(words[size:])]
            return slug(" ".join([*rest, head]))
    return slug(name)


_POSSESSOR = re.compile(r"[^\s]+['’]s\s+(?=[A-Z])")
_NAME_BEFORE = re.compile(_NAME.pattern + r"\s+$")


def _name_before(doc: Doc, pos: int) -> re.Match[str] | None:
    """The capitalised name right before a facility noun ("the Al Udeid air base")."""
    lo = max(0, pos - 40)
    for m in _WORD_START.finditer(doc.text, lo, pos):
        found = _NAME_BEFORE.match(doc.text, m.start(), pos)
        if found is not None:
            return _NAME.match(doc.text, m.start(), pos)
    return None


_WORD_START = re.compile(r"(?<![\w'’-])[A-Za-z]")
_LOWER = re.compile(r"(?:\s+[a-z][\w\-]*){1,3}?(?=\s+[A-Z])")


def _name_after(doc: Doc, pack: LangPack, pos: int, loose: bool) -> re.Match[str] | None:
    m = _GAP.match(doc.text, pos)
    pos = m.end() if m else pos
    det = pack.glue.article_prefix.match(doc.text, pos)
    pos = det.end() if det else pos
    noun = doc.first(pack.place_nouns, pos, pos + 25)
    if noun is not None and noun.start == pos:
        if noun.text[:1].isupper() and _kind_of(pack, noun.text) is None:
            return None  # "Pangkalan Utama ...": a facility's own name, not a place name
        pos = noun.end
        joiner = re.compile(r"\s+(?:of\s+)?").match(doc.text, pos)
        pos = joiner.end() if joiner else pos
    elif loose:
        # "the provincial capital Goma": a few lower-case words before the name.
        few = _LOWER.match(doc.text, pos - 1 if pos and doc.text[pos - 1].isspace() else pos)
        if few is not None and pack.words("agent_markers").search(few.group(0)) is not None:
            return None  # "direbut oleh Pasukan Pendukung Cepat": who took it, not what was taken
        pos = few.end() + 1 if few else pos
        gap = _GAP.match(doc.text, pos)
        pos = gap.end() if gap else pos
    of_name = _of_name(pack.code)
    return (of_name.match(doc.text, pos) if of_name else None) or _NAME.match(doc.text, pos)


_COMPOUND = re.compile(r"-[a-z]")
_MORE = re.compile(r"\s+[A-Z0-9]")


def _runs_on(text: str, pos: int) -> bool:
    """The name goes on in a form this reader does not parse ("Pangkalan Utama TNI AL V")."""
    return _MORE.match(text, pos) is not None


def place_kind(pack: LangPack, doc: Doc, hit: Hit) -> str | None:
    """The size a place noun right before a discovered name gives it ("the village of Gornal")."""
    noun = doc.last(pack.place_nouns, max(0, hit.start - 25), hit.start)
    return _kind_of(pack, noun.text) if noun is not None else None
