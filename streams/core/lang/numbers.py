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


def build_number_rules(data: dict[str, Any]) -> NumberRules | None:
    cfg: dict[str, Any] | None = data.get("numbers")
    if not cfg:
        return None
    words: dict[str, Any] = cfg.get("words", {})
    word_kind: dict[str, tuple[str, float]] = {}
    for kind in ("units", "tens_suffix", "teen_suffix", "multipliers", "scales", "fractions"):
        for w, v in (words.get(kind) or {}).items():
            word_kind[norm(str(w))] = (kind, float(v))
    implicit = {norm(str(k)): norm(str(v)) for k, v in (words.get("implicit_one") or {}).items()}
    joiners = [str(j) for j in words.get("joiners") or []]
    joiner_words = frozenset(norm(j) for j in joiners if j[:1].isalnum())
    starts = [w for w, (k, _) in word_kind.items() if k in ("units", "fractions")] + list(implicit)
    all_words = list(word_kind) + list(implicit)
    join_parts = [r"\s+"] + [
        (r"\s+" + alt([j]) + r"\s+") if j[:1].isalnum() else (r"\s*" + re.escape(j) + r"\s*") for j in joiners
    ]
    join = "(?:" + "|".join(sorted(join_parts, key=len, reverse=True)) + ")"
    words_re = rf"(?<![\w-])(?P<words>{alt(starts)}(?:{join}{alt(all_words)})*)(?![-–]?\w)"

    vcfg: dict[str, Any] = cfg.get("vague", {})
    vague = {norm(str(k)): (float(v[0]), float(v[1])) for k, v in (vcfg.get("words") or {}).items()}
    vague_scales = {norm(str(k)): float(v) for k, v in (vcfg.get("scales") or {}).items()}
    vjoin = vcfg.get("joiners") or []
    vjoin_re = rf"(?:{alt(vjoin)}\s+)?" if vjoin else ""
    vague_re = (
        rf"(?<![\w-])(?P<vague>{alt(vague)})"
        rf"(?:\s+{vjoin_re}(?P<vscale>{alt(vague_scales)}))?(?![-–]?\w)"
    )

    scales = {w: v for w, (k, v) in word_kind.items() if k == "scales"}
    glued = {norm(str(k)): float(v) for k, v in (cfg.get("glued_scales") or {}).items()}
    units: dict[str, Any] = cfg.get("units", {})
    # post-modifiers glued with a hyphen ("10,000-plus") must survive the no-glued-letters rule
    glued_post = [p for p in cfg.get("post_modifiers") or {} if str(p)[:1] in "-–"]
    cur_before = [p for ps in (units.get("before") or {}).values() for p in ps]
    num = (
        r"(?P<num>[1-9]\d{0,2}(?P<sep>[.,])\d{3}(?:(?P=sep)\d{3})*(?:(?!(?P=sep))[.,]\d+)?"
        r"|\d+(?:[.,]\d+)?)(?![.,:/]?\d)"
    )
    digits_re = (
        # a currency sign may touch the digits ("Rp10.000"); otherwise nothing wordy may
        rf"(?:(?P<cur>{alt(cur_before, glued_after=True)})\s*"
        r"|(?<![\w/#@+])(?<!\d[.,:])(?<![^\W\d_][-–]))"
        rf"{num}"
        rf"(?:\s*(?P<scale>{alt(scales)})|(?P<gscale>{alt(glued, glued_before=True)}))?"
        rf"(?![^\W\d_]|(?!{alt(glued_post)})[-–][^\W\d_])"
    )

    mcfg: dict[str, Any] = cfg.get("modifiers", {})
    mods = {norm(str(p)): kind for kind, ps in mcfg.items() for p in ps or []}
    mod_alt = alt(mods)
    core = re.compile(
        # every figure starts at a word start: the leading guard makes mid-word positions cheap
        rf"(?<!\w)(?:(?P<mods>{mod_alt}(?:\s+{mod_alt})?)\s+)?"
        rf"(?:{digits_re}|{vague_re}|{words_re})",
        re.IGNORECASE,
    )

    units_after = {norm(str(p)): hint for hint, ps in (units.get("after") or {}).items() for p in ps}
    post_mods = {norm(str(k)): str(v) for k, v in (cfg.get("post_modifiers") or {}).items()}
    blockers = cfg.get("post_modifier_blockers") or []
    block = rf"(?!\s+{alt(blockers)})" if blockers else ""
    rng: dict[str, Any] = cfg.get("range", {})
    between_tail = {
        norm(str(k)): re.compile(rf"\s+{alt(v)}\s+", re.IGNORECASE)
        for k, v in (rng.get("between_joiners") or {}).items()
    }
    prods: dict[str, Any] = cfg.get("products", {})
    products = tuple(
        (
            re.compile(str(p["between"]), re.IGNORECASE),
            re.compile(str(p["after"]), re.IGNORECASE) if p.get("after") else None,
        )
        for p in prods.get("patterns") or []
    )
    nf: dict[str, Any] = cfg.get("not_figure", {})
    tcfg: dict[str, Any] = data.get("time", {})
    case = str(tcfg.get("name_case", "any"))
    months = list(tcfg.get("months") or {}) + list(tcfg.get("month_abbreviations") or {})
    month_alt = case_alternation(months, case)
    rules: dict[str, Any] = cfg["rules"]
    return NumberRules(
        core=core,
        word_tok=re.compile(alt(all_words + list(joiner_words)), re.IGNORECASE),
        mod_tok=re.compile(mod_alt, re.IGNORECASE),
        unit_after=re.compile(rf"\s*(?P<u>{alt(units_after)})", re.IGNORECASE),
        post_mod=re.compile(rf"\s*(?P<p>{alt(post_mods)}){block}", re.IGNORECASE),
        range_tail=re.compile(rf"\s*(?:{alt(rng.get('connectors') or [])})\s*", re.IGNORECASE),
        between_tail=between_tail,
        products=products,
        product_keywords=tuple(norm(str(k)) for k in prods.get("keywords") or []),
        product_max=float(prods.get("max_count", 100)),
        not_before_win=re.compile(rf"{alt(nf.get('words_before') or [])}\s*$", re.IGNORECASE),
        not_after=re.compile(rf"\s*{alt(nf.get('words_after') or [])}", re.IGNORECASE),
        month_after=re.compile(rf"\s*{month_alt}(?!\w)", re.IGNORECASE),
        month_before_win=re.compile(rf"{month_alt}\.?\s*$", re.IGNORECASE),
        # "+62 21 555 1234", "0812-3456-7890", "(021) 555 1234", "2024-10-24", "25-10-2024":
        # digit chains that are phone numbers, ids or dates, never figures
        phone=re.compile(
            r"(?<![\w.,])(?:\+\d[\d ().-]{6,}\d|\(0\d{1,4}\)\s?\d[\d -]{4,}\d"
            r"|0\d{2,4}[ -]\d{3,4}[ -]?\d{2,5}|\d+(?:[-–/]\d+){2,})(?![\w])"
        ),
        word_kind=word_kind,
        implicit_one=implicit,
        weak=frozenset(norm(str(w)) for w in words.get("weak") or []),
        joiner_words=joiner_words,
        scales={**scales, **glued},
        vague=vague,
        vague_scales=vague_scales,
        mods=mods,
        post_mods=post_mods,
        units_after=units_after,
        year_lo=int(rules["year_range"][0]),
        year_hi=int(rules["year_range"][1]),
        year_rescue=frozenset(str(k) for k in rules.get("year_rescue") or []),
        max_plain=int(rules["max_plain_digits"]),
        round_zeros=int(rules["bare_round"]["min_trailing_zeros"]),
        round_tol=float(rules["bare_round"]["tolerance"]),
        about_tol=float(rules["about"]),
        almost_tol=float(rules["almost"]),
        floor=float(rules["floor"]),
    )


@memo
def number_rules(lang: str) -> NumberRules | None:
    """The compiled figure grammar of a language; None when it has no numbers.yaml."""
    return build_number_rules(load_lang(lang))
