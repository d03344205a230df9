"""lang/<code>/numbers.yaml compiled: the regexes and tables `streams.core.quantities` reads with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from streams.core.caches import memo
from streams.core.lang.regex import alt, case_alternation, norm
from streams.core.lexicon import load_lang


@dataclass(frozen=True, slots=True)
class NumberRules:
    core: re.Pattern[str]
    word_tok: re.Pattern[str]
    mod_tok: re.Pattern[str]
    unit_after: re.Pattern[str]
    post_mod: re.Pattern[str]
    range_tail: re.Pattern[str]
    between_tail: dict[str, re.Pattern[str]]
    products: tuple[tuple[re.Pattern[str], re.Pattern[str] | None], ...]
    product_keywords: tuple[str, ...]
    product_max: float
    not_before_win: re.Pattern[str]  # words like "pukul" ending the text before a figure
    not_after: re.Pattern[str]  # words like "WIB" right after a figure
    month_after: re.Pattern[str]
    month_before_win: re.Pattern[str]
    phone: re.Pattern[str]
    word_kind: dict[str, tuple[str, float]]
    implicit_one: dict[str, str]
    weak: frozenset[str]
    weak_counted: re.Pattern[str]  # a counted noun after a weak word makes it a figure ("satu prajurit")
    joiner_words: frozenset[str]
    scales: dict[str, float]  # incl. glued abbreviations
    vague: dict[str, tuple[float, float]]
    vague_scales: dict[str, float]
    mods: dict[str, str]
    post_mods: dict[str, str]
    units_after: dict[str, str]
    year_lo: int
    year_hi: int
    year_rescue: frozenset[str]
    max_plain: int
    round_zeros: int
    round_tol: float
    about_tol: float
    almost_tol: float
    floor: float


@dataclass(frozen=True)
class _Words:
    """Number words: what each word does, the fused "one + word" forms, the joiners."""

    kind: dict[str, tuple[str, float]]
    implicit: dict[str, str]
    joiners: list[str]
    joiner_words: frozenset[str]

    @property
    def all(self) -> list[str]:
        return list(self.kind) + list(self.implicit)


def _words(cfg: dict[str, Any]) -> _Words:
    words: dict[str, Any] = cfg.get("words", {})
    kind: dict[str, tuple[str, float]] = {}
    for k in ("units", "tens_suffix", "teen_suffix", "multipliers", "scales", "fractions"):
        for w, v in (words.get(k) or {}).items():
            kind[norm(str(w))] = (k, float(v))
    joiners = [str(j) for j in words.get("joiners") or []]
    return _Words(
        kind=kind,
        implicit={norm(str(k)): norm(str(v)) for k, v in (words.get("implicit_one") or {}).items()},
        joiners=joiners,
        joiner_words=frozenset(norm(j) for j in joiners if j[:1].isalnum()),
    )


def _words_pattern(w: _Words) -> str:
    starts = [x for x, (k, _) in w.kind.items() if k in ("units", "fractions")] + list(w.implicit)
    join_parts = [r"\s+"] + [
        (r"\s+" + alt([j]) + r"\s+") if j[:1].isalnum() else (r"\s*" + re.escape(j) + r"\s*")
        for j in w.joiners
    ]
    join = "(?:" + "|".join(sorted(join_parts, key=len, reverse=True)) + ")"
    return rf"(?<![\w-])(?P<words>{alt(starts)}(?:{join}{alt(w.all)})*)(?![-–]?\w)"


def _vague_pattern(vague: dict[str, Any], scales: dict[str, float], joiners: list[str]) -> str:
    vjoin_re = rf"(?:{alt(joiners)}\s+)?" if joiners else ""
    return rf"(?<![\w-])(?P<vague>{alt(vague)})(?:\s+{vjoin_re}(?P<vscale>{alt(scales)}))?(?![-–]?\w)"


def _digits_pattern(cfg: dict[str, Any], scales: dict[str, float], glued: dict[str, float]) -> str:
    units: dict[str, Any] = cfg.get("units", {})
    # post-modifiers glued with a hyphen ("10,000-plus") must survive the no-glued-letters rule
    glued_post = [p for p in cfg.get("post_modifiers") or {} if str(p)[:1] in "-–"]
    cur_before = [p for ps in (units.get("before") or {}).values() for p in ps]
    num = (
        r"(?P<num>[1-9]\d{0,2}(?P<sep>[.,])\d{3}(?:(?P=sep)\d{3})*(?:(?!(?P=sep))[.,]\d+)?"
        r"|\d+(?:[.,]\d+)?)(?![.,:/]?\d)"
    )
    return (
        # a currency sign may touch the digits ("Rp10.000"); otherwise nothing wordy may
        rf"(?:(?P<cur>{alt(cur_before, glued_after=True)})\s*"
        r"|(?<![\w/#@+])(?<!\d[.,:])(?<![^\W\d_][-–]))"
        rf"{num}"
        rf"(?:\s*(?P<scale>{alt(scales)})|(?P<gscale>{alt(glued, glued_before=True)}))?"
        rf"(?![^\W\d_]|(?!{alt(glued_post)})[-–][^\W\d_])"
    )


def _products(cfg: dict[str, Any]) -> tuple[tuple[re.Pattern[str], re.Pattern[str] | None], ...]:
    return tuple(
        (
            re.compile(str(p["between"]), re.IGNORECASE),
            re.compile(str(p["after"]), re.IGNORECASE) if p.get("after") else None,
        )
        for p in (cfg.get("products", {}).get("patterns") or [])
    )


def _month_alternation(data: dict[str, Any]) -> str:
    """Month names from time.yaml: "4 November" is a date, not the figure 4."""
    tcfg: dict[str, Any] = data.get("time", {})
    months = list(tcfg.get("months") or {}) + list(tcfg.get("month_abbreviations") or {})
    return case_alternation(months, str(tcfg.get("name_case", "any")))


# "+62 21 555 1234", "0812-3456-7890", "(021) 555 1234", "2024-10-24", "25-10-2024": digit chains
# that are phone numbers, ids or dates, never figures
_PHONE = re.compile(
    r"(?<![\w.,])(?:\+\d[\d ().-]{6,}\d|\(0\d{1,4}\)\s?\d[\d -]{4,}\d"
    r"|0\d{2,4}[ -]\d{3,4}[ -]?\d{2,5}|\d+(?:[-–/]\d+){2,})(?![\w])"
)


def _weak_counted(words: dict[str, Any]) -> re.Pattern[str]:
    """The counted nouns (with their suffixes) that make a weak number word a figure."""
    nouns = [str(n) for n in words.get("weak_counted") or []]
    if not nouns:
        return re.compile(r"(?!)")
    suffixes = [str(x) for x in words.get("weak_counted_suffixes") or []]
    tail = rf"(?:{_plain_alt(suffixes)})?" if suffixes else ""
    return _ci(rf"\s+(?:{_plain_alt(nouns)}){tail}(?!\w)")


def _plain_alt(words: list[str]) -> str:
    """An alternation with no word bound of its own (a suffix may follow)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _ci(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def build_number_rules(data: dict[str, Any]) -> NumberRules | None:
    cfg: dict[str, Any] | None = data.get("numbers")
    if not cfg:
        return None
    w = _words(cfg)
    vcfg: dict[str, Any] = cfg.get("vague", {})
    vague = {norm(str(k)): (float(v[0]), float(v[1])) for k, v in (vcfg.get("words") or {}).items()}
    vague_scales = {norm(str(k)): float(v) for k, v in (vcfg.get("scales") or {}).items()}
    scales = {x: v for x, (k, v) in w.kind.items() if k == "scales"}
    glued = {norm(str(k)): float(v) for k, v in (cfg.get("glued_scales") or {}).items()}
    mods = {norm(str(p)): kind for kind, ps in cfg.get("modifiers", {}).items() for p in ps or []}
    mod_alt = alt(mods)
    digits = _digits_pattern(cfg, scales, glued)
    vague_words = _vague_pattern(vague, vague_scales, vcfg.get("joiners") or [])
    # every figure starts at a word start: the leading guard makes mid-word positions cheap
    core = (
        rf"(?<!\w)(?:(?P<mods>{mod_alt}(?:\s+{mod_alt})?)\s+)?(?:{digits}|{vague_words}|{_words_pattern(w)})"
    )
    units = cfg.get("units", {})
    units_after = {norm(str(p)): hint for hint, ps in (units.get("after") or {}).items() for p in ps}
    post_mods = {norm(str(k)): str(v) for k, v in (cfg.get("post_modifiers") or {}).items()}
    blockers = cfg.get("post_modifier_blockers") or []
    rng: dict[str, Any] = cfg.get("range", {})
    nf: dict[str, Any] = cfg.get("not_figure", {})
    months = _month_alternation(data)
    return NumberRules(
        core=_ci(core),
        word_tok=_ci(alt(w.all + list(w.joiner_words))),
        mod_tok=_ci(mod_alt),
        unit_after=_ci(rf"\s*(?P<u>{alt(units_after)})"),
        post_mod=_ci(rf"\s*(?P<p>{alt(post_mods)})" + (rf"(?!\s+{alt(blockers)})" if blockers else "")),
        range_tail=_ci(rf"\s*(?:{alt(rng.get('connectors') or [])})\s*"),
        between_tail={
            norm(str(k)): _ci(rf"\s+{alt(v)}\s+") for k, v in (rng.get("between_joiners") or {}).items()
        },
        products=_products(cfg),
        product_keywords=tuple(norm(str(k)) for k in cfg.get("products", {}).get("keywords") or []),
        product_max=float(cfg.get("products", {}).get("max_count", 100)),
        not_before_win=_ci(rf"{alt(nf.get('words_before') or [])}\s*$"),
        not_after=_ci(rf"\s*{alt(nf.get('words_after') or [])}"),
        month_after=_ci(rf"\s*{months}(?!\w)"),
        month_before_win=_ci(rf"{months}\.?\s*$"),
        phone=_PHONE,
        word_kind=w.kind,
        implicit_one=w.implicit,
        weak=frozenset(norm(str(x)) for x in cfg.get("words", {}).get("weak") or []),
        weak_counted=_weak_counted(cfg.get("words", {})),
        joiner_words=w.joiner_words,
        scales={**scales, **glued},
        vague=vague,
        vague_scales=vague_scales,
        mods=mods,
        post_mods=post_mods,
        units_after=units_after,
        **_limits(cfg["rules"]),
    )


def _limits(rules: dict[str, Any]) -> dict[str, Any]:
    """numbers.rules: the year guard, the plain-digit limit, the tolerances."""
    return {
        "year_lo": int(rules["year_range"][0]),
        "year_hi": int(rules["year_range"][1]),
        "year_rescue": frozenset(str(k) for k in rules.get("year_rescue") or []),
        "max_plain": int(rules["max_plain_digits"]),
        "round_zeros": int(rules["bare_round"]["min_trailing_zeros"]),
        "round_tol": float(rules["bare_round"]["tolerance"]),
        "about_tol": float(rules["about"]),
        "almost_tol": float(rules["almost"]),
        "floor": float(rules["floor"]),
    }


@memo
def number_rules(lang: str) -> NumberRules | None:
    """The compiled figure grammar of a language; None when it has no numbers.yaml."""
    return build_number_rules(load_lang(lang))
