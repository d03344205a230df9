"""Every country as an actor and a place, from a maintained source (pycountry's ISO 3166-1 names and
their Indonesian translations) and data/countries.yaml (party ids, demonyms, capitals, extra
names). The hand-written actors.yaml and places.yaml are merged over what is generated here, so a
user can correct or extend any entry."""

from __future__ import annotations

import gettext
import re
from typing import Any

from streams.core.caches import memo
from streams.core.lexicon import load_data

_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """ "Phnom Penh" -> "phnom_penh" (the id style of parties and places)."""
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _SLUG.sub("_", ascii_name.casefold()).strip("_")


def _iso_names(code: str) -> tuple[list[str], list[str]]:
    """English and Indonesian names of an ISO country ([] when pycountry does not know it)."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a pinned dependency
        return [], []
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return [], []
    names = (getattr(country, "common_name", None), country.name, getattr(country, "official_name", None))
    english = [_no_article(n) for n in names if n and "," not in n]
    translate = _translator()
    indonesian = [translate(n) for n in names if n]
    return list(dict.fromkeys(english)), [n for n in dict.fromkeys(indonesian) if "," not in n]


def _no_article(name: str) -> str:
    return name[4:] if name.startswith("the ") else name


_TRANSLATORS: dict[str, Any] = {}


def _translator() -> Any:
    if "id" not in _TRANSLATORS:
        import pycountry

        try:
            tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
            _TRANSLATORS["id"] = tr.gettext
        except OSError:  # pragma: no cover
            _TRANSLATORS["id"] = lambda s: s
    return _TRANSLATORS["id"]


def _people(demonyms: list[str], names_id: list[str]) -> list[str]:
    """ "Israelis", "warga Israel": a country's people (counted in casualty claims)."""
    plural = [d + "s" for d in demonyms if d.endswith(("an", "i")) and " " not in d]
    shortest = sorted(names_id, key=len)[:1]
    return plural + [f"{w} {n}" for n in shortest for w in ("warga", "orang")]


def country_entries() -> tuple[dict[str, Any], dict[str, Any]]:
    """(actors, places) for every country in data/countries.yaml."""
    actors: dict[str, Any] = {}
    places: dict[str, Any] = {}
    for code, spec in (load_data("countries").get("countries") or {}).items():
        if not isinstance(code, str):
            raise ValueError(f"countries.yaml: quote the code {code!r} (YAML reads NO as a boolean)")
        spec = spec or {}
        english, indonesian = _iso_names(str(code))
        english = [n for n in english if len(n) < 30 or not english[:1]]
        extra = spec.get("aliases") or {}
        english += [str(a) for a in extra.get("en") or []]
        indonesian += [str(a) for a in extra.get("id") or []]
        dropped = {str(d).casefold() for d in spec.get("drop") or []}
        english = [n for n in english if n.casefold() not in dropped]
        names = [n for n in dict.fromkeys(english + indonesian) if n.casefold() not in dropped]
        if not names:
            continue
        pid = str(spec.get("id") or slug(english[0] if english else names[0]))
        demonyms = [str(d) for d in spec.get("demonym") or []]
        capitals = [str(c) for c in spec.get("capital") or []]
        actors[pid] = {
            "label": str(spec.get("label") or (english[0] if english else names[0])),
            "kind": "party",
            "place": pid,
            "aliases": names + capitals,
            "demonyms": demonyms + [f"{n}'s" for n in english[:1]] + indonesian,
            "people": _people(demonyms, indonesian),
        }
        places[pid] = {"label": actors[pid]["label"], "names": names, "kind": "country"}
        for cap in capitals[:1]:
            places[slug(cap)] = {
                "label": cap,
                "parent": pid,
                "names": capitals,
                "kind": "city",
                "capital": True,
            }
    return actors, places


# Words that make a subdivision's name a common phrase or a body of water ("Centre", "Red Sea",
# "White Nile"): such names are never read as the region.
_GENERIC = re.compile(
    r"\b(?:north|south|east|west|northern|southern|eastern|western|central|centre|center|capital|upper|lower"
    r"|coast|coastal|islands?|lakes?|sea|seas|nile|river|rivers|gulf|bay|plateau|littoral|maritime|mountains?"
    r"|valley|highlands?|lowlands?|interior|border|frontier|delta|peoples?|nationalities|city|district)\b",
    re.I,
)
# Kinds of first-level subdivision read as regions (not municipalities, counties or parishes).
_REGION_TYPES = frozenset(
    {
        "Province",
        "Region",
        "State",
        "Governorate",
        "Oblast",
        "Division",
        "Autonomous region",
        "Autonomous republic",
        "Republic",
        "Administrative region",
        "Autonomous province",
        "Territory",
        "Union territory",
        "Regional state",
        "Autonomous community",
    }
)


def subdivision_places(places: dict[str, Any], actors: dict[str, Any]) -> dict[str, Any]:
    """Regional subdivisions of every country (pycountry's ISO 3166-2: provinces, regions,
    states, oblasts), each a region inside its country — so a place such as "Sagaing" or "Papua"
    lies within Myanmar or Indonesia. Left out: names known already (a place, an actor, a demonym),
    names two countries share ("Punjab"), common phrases and waters ("Centre", "Red Sea")."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a pinned dependency
        return {}
    taken = {n.casefold() for p in places.values() for n in [p.get("label", ""), *(p.get("names") or [])]}
    for a in actors.values():
        taken |= {
            n.casefold() for n in [a.get("label", ""), *(a.get("aliases") or []), *(a.get("demonyms") or [])]
        }
    country_of = {str(code): _country_id(str(code), spec or {}) for code, spec in _countries().items()}
    seen: dict[str, list[tuple[str, str]]] = {}
    for sub in pycountry.subdivisions:
        pid = country_of.get(sub.country_code)
        if pid is None or pid not in places or sub.type not in _REGION_TYPES:
            continue
        name = str(sub.name)
        if len(name) < 4 or "," in name or _GENERIC.search(name) or name.casefold() in taken:
            continue
        seen.setdefault(name.casefold(), []).append((name, pid))
    out: dict[str, Any] = {}
    for found in seen.values():
        if len({pid for _, pid in found}) != 1:
            continue  # which country's is not certain
        name, pid = found[0]
        sid = slug(name)
        if sid and sid not in places and sid not in out:
            out[sid] = {"label": name, "parent": pid, "names": [name], "kind": "region"}
    return out


def _countries() -> dict[Any, Any]:
    return load_data("countries").get("countries") or {}


def _country_id(code: str, spec: dict[str, Any]) -> str | None:
    english, indonesian = _iso_names(code)
    names = english + indonesian
    if not names and not spec.get("id"):
        return None
    return str(spec.get("id") or slug(english[0] if english else names[0]))


@memo
def country_place_ids() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> the country's place id ("AZ" -> "azerbaijan")."""
    out = {str(code): _country_id(str(code), spec or {}) for code, spec in _countries().items()}
    return {code: pid for code, pid in out.items() if pid is not None}
