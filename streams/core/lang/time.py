"""lang/<code>/time.yaml compiled: the scanner and tables `streams.core.timeexpr` reads with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from streams.core.caches import memo
from streams.core.lang.regex import alt, case_alternation, norm, phrase_alternation
from streams.core.lexicon import load_lang


@dataclass(frozen=True, slots=True)
class TimeRules:
    scan: re.Pattern[str]
    trigger: re.Pattern[str]  # a word every expression contains: cheap pre-scan
    glue: re.Pattern[str]  # between a weekday and the date that explains it
    weekdays: dict[str, int]  # lower-case name -> 0..6
    title_weekdays: frozenset[str]  # names as capitalised in text, for "hari Minggu lalu"
    months: dict[str, int]  # full names and abbreviations, lower case
    markers: dict[str, str]  # phrase -> past | this | next | last_year
    weekday_prefixes: frozenset[str]
    numeric_orders: tuple[str, ...]
    days: dict[str, int]
    periods: dict[str, str]
    parts: dict[str, str]
    counted_units: dict[str, str]
    counted_one: dict[str, str]
    counts: dict[str, int]
    ago: frozenset[str]
    seasons: dict[str, str]
    season_months: dict[str, tuple[int, ...]]
    year_lo: int
    year_hi: int


def _ints(mapping: Any) -> dict[str, int]:
    return {norm(str(k)): int(v) for k, v in (mapping or {}).items()}


def _strs(mapping: Any) -> dict[str, str]:
    return {norm(str(k)): str(v) for k, v in (mapping or {}).items()}


def _markers(cfg: dict[str, Any]) -> tuple[dict[str, str], list[str], list[str]]:
    """Marker phrase -> past | this | next | last_year, and the phrases standing before/after."""
    markers: dict[str, str] = {}
    before: list[str] = []
    after: list[str] = []
    for kind, sides in (cfg.get("markers") or {}).items():
        for side, phrases in (sides or {}).items():
            for p in phrases or []:
                markers[norm(str(p))] = str(kind)
                (before if side == "before" else after).append(str(p))
    return markers, before, after


def _counts(data: dict[str, Any], counted: dict[str, Any]) -> dict[str, int]:
    """Count words for "dua hari lalu": the language's unit number words, plus its own extras."""
    nums = (data.get("numbers") or {}).get("words", {}).get("units") or {}
    counts = {norm(str(k)): int(v) for k, v in nums.items() if float(v).is_integer()}
    counts.update(_ints(counted.get("count_words")))
    return counts


def _date_patterns(cfg: dict[str, Any], mon_any: str) -> list[str]:
    suffixes = phrase_alternation(cfg.get("day_suffixes") or [], glued_before=True)  # "4th"
    day_suffix = rf"(?:{suffixes})?"
    dm_join = cfg.get("day_month_joiners") or []
    dm_join_re = rf"(?:{alt(dm_join)}\s+)?" if dm_join else ""
    text_orders = [str(o) for o in cfg.get("textual_date_orders") or ["dmy"]]
    # both orders always exist as groups; an order the language does not use never matches
    off = {o: "" if o in text_orders else "(?!)" for o in ("dmy", "mdy")}
    return [
        r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?![\d-])",
        r"(?P<na>\d{1,2})(?P<ns>[/.-])(?P<nb>\d{1,2})(?P=ns)(?P<nc>\d{4}|\d{2})(?![\d/]|[.,-]\d)",
        off["dmy"] + rf"(?P<dd>\d{{1,2}}){day_suffix}\s+{dm_join_re}(?P<dm>{mon_any})\.?"
        r"(?:,?\s+(?P<dy>\d{4}))?(?![\w-])",
        off["mdy"] + rf"(?P<mm>{mon_any})\.?\s+(?P<md>\d{{1,2}}){day_suffix}(?![\w-])"
        r"(?:,?\s+(?P<my>\d{4})(?![\w-]))?",
        rf"(?P<ym>{mon_any})\.?,?\s+(?P<yy>\d{{4}})(?![\w-])",
    ]


def _scan_pattern(data: dict[str, Any], cfg: dict[str, Any], markers: tuple[list[str], list[str]]) -> str:
    case = str(cfg.get("name_case", "any"))
    full_months = _ints(cfg.get("months"))
    months = {**_ints(cfg.get("month_abbreviations")), **full_months}
    mb, ma = alt(markers[0]), alt(markers[1])
    counted: dict[str, Any] = cfg.get("counted") or {}
    directions = [str(p) for p in counted.get("ago") or []] + [str(p) for p in counted.get("later") or []]
    periods, seasons = alt(cfg.get("periods") or {}), alt(cfg.get("seasons") or {})
    weekdays = case_alternation(_ints(cfg.get("weekdays")), case)
    alternatives = [
        *_date_patterns(cfg, case_alternation(months, case)),
        # "28/10" only stands for a date right after a weekday; dropped otherwise
        r"(?P<sa>\d{1,2})/(?P<sb>\d{1,2})(?![\d/])",
        rf"(?:(?P<cn>\d{{1,3}}|{alt(_counts(data, counted))})\s+(?P<cu>{alt(counted.get('units') or {})})"
        rf"|(?P<c1>{alt(counted.get('one') or {})}))\s+(?P<cdir>{alt(directions)})",
        rf"(?P<day>{alt(cfg.get('days') or {})})",
        rf"(?:(?P<part>{alt(cfg.get('period_parts') or {})})\s+)?"
        rf"(?:(?P<pmb>{mb})\s+(?P<per>{periods})|(?P<per2>{periods})\s+(?P<pma>{ma}))",
        rf"(?:(?P<smb>{mb})\s+(?P<sea>{seasons})|(?P<sea2>{seasons})\s+(?P<sma>{ma}))",
        rf"(?:(?P<wmb>{mb})\s+)?(?P<wd>{weekdays})(?:\s+(?P<wma>{ma}))?",
        rf"(?:(?P<mmb>{mb})\s+)?(?P<mon>{case_alternation(full_months, case)})(?:\s+(?P<mma>{ma}))?",
        rf"(?P<ypre>{alt(cfg.get('year_prefixes') or [])})\s+(?P<yr>\d{{4}})(?![\w-])",
    ]
    return rf"(?<![\w/.,-])(?:(?P<pre>{alt(cfg.get('prefixes') or [])})\s+)?(?:{'|'.join(alternatives)})"


def _anchors(cfg: dict[str, Any]) -> str:
    """A word every expression contains: a cheap pre-scan."""
    counted: dict[str, Any] = cfg.get("counted") or {}
    keys = ("weekdays", "months", "month_abbreviations", "days", "periods", "seasons")
    words = [w for k in keys for w in (cfg.get(k) or {})]
    words += [*(counted.get("units") or {}), *(counted.get("one") or {})]
    return rf"\d|{alt(words)}"


def build_time_rules(data: dict[str, Any]) -> TimeRules | None:
    cfg: dict[str, Any] | None = data.get("time")
    if not cfg:
        return None
    markers, before, after = _markers(cfg)
    counted: dict[str, Any] = cfg.get("counted") or {}
    year_range = ((data.get("numbers") or {}).get("rules") or {}).get("year_range", [1900, 2100])
    return TimeRules(
        scan=re.compile(_scan_pattern(data, cfg, (before, after)), re.IGNORECASE),
        trigger=re.compile(_anchors(cfg), re.IGNORECASE),
        glue=re.compile(r"[ \t]*,?[ \t]*\(?[ \t]*$"),
        weekdays=_ints(cfg.get("weekdays")),
        title_weekdays=frozenset(f for n in cfg.get("weekdays") or {} for f in (str(n), str(n).upper())),
        months={**_ints(cfg.get("month_abbreviations")), **_ints(cfg.get("months"))},
        markers=markers,
        weekday_prefixes=frozenset(norm(str(p)) for p in cfg.get("weekday_prefixes") or []),
        numeric_orders=tuple(str(o) for o in cfg.get("numeric_date_orders") or ["dmy"]),
        days=_ints(cfg.get("days")),
        periods=_strs(cfg.get("periods")),
        parts=_strs(cfg.get("period_parts")),
        counted_units=_strs(counted.get("units")),
        counted_one=_strs(counted.get("one")),
        counts=_counts(data, counted),
        ago=frozenset(norm(str(p)) for p in counted.get("ago") or []),
        seasons=_strs(cfg.get("seasons")),
        season_months={
            str(k): tuple(int(m) for m in v) for k, v in (cfg.get("season_calendar") or {}).items()
        },
        year_lo=int(year_range[0]),
        year_hi=int(year_range[1]),
    )


@memo
def time_rules(lang: str) -> TimeRules | None:
    """The compiled time grammar of a language; None when it has no time.yaml."""
    return build_time_rules(load_lang(lang))
