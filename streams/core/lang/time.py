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


def build_time_rules(data: dict[str, Any]) -> TimeRules | None:
    cfg: dict[str, Any] | None = data.get("time")
    if not cfg:
        return None
    case = str(cfg.get("name_case", "any"))
    weekdays = {norm(str(k)): int(v) for k, v in (cfg.get("weekdays") or {}).items()}
    full_months = {norm(str(k)): int(v) for k, v in (cfg.get("months") or {}).items()}
    abbr = {norm(str(k)): int(v) for k, v in (cfg.get("month_abbreviations") or {}).items()}
    months = {**abbr, **full_months}
    markers: dict[str, str] = {}
    before: list[str] = []
    after: list[str] = []
    for kind, sides in (cfg.get("markers") or {}).items():
        for side, phrases in (sides or {}).items():
            for p in phrases or []:
                markers[norm(str(p))] = str(kind)
                (before if side == "before" else after).append(str(p))
    mb, ma = alt(before), alt(after)
    wd = case_alternation(weekdays, case)
    mon_full = case_alternation(full_months, case)
    mon_any = case_alternation(months, case)
    counted: dict[str, Any] = cfg.get("counted") or {}
    nums = (data.get("numbers") or {}).get("words", {}).get("units") or {}
    counts = {norm(str(k)): int(v) for k, v in nums.items() if float(v).is_integer()}
    counts.update({norm(str(k)): int(v) for k, v in (counted.get("count_words") or {}).items()})
    ago = [str(p) for p in counted.get("ago") or []]
    later = [str(p) for p in counted.get("later") or []]
    suffixes = phrase_alternation(cfg.get("day_suffixes") or [], glued_before=True)  # "4th"
    day_suffix = rf"(?:{suffixes})?"
    dm_join = cfg.get("day_month_joiners") or []
    dm_join_re = rf"(?:{alt(dm_join)}\s+)?" if dm_join else ""
    text_orders = [str(o) for o in cfg.get("textual_date_orders") or ["dmy"]]

    dates = [
        r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?![\d-])",
        r"(?P<na>\d{1,2})(?P<ns>[/.-])(?P<nb>\d{1,2})(?P=ns)(?P<nc>\d{4}|\d{2})"
        r"(?![\d/]|[.,-]\d)",
    ]
    # both orders always exist as groups; an order the language does not use never matches
    off = {o: "" if o in text_orders else "(?!)" for o in ("dmy", "mdy")}
    dates.append(
        off["dmy"] + rf"(?P<dd>\d{{1,2}}){day_suffix}\s+{dm_join_re}(?P<dm>{mon_any})\.?"
        r"(?:,?\s+(?P<dy>\d{4}))?(?![\w-])"
    )
    dates.append(
        off["mdy"] + rf"(?P<mm>{mon_any})\.?\s+(?P<md>\d{{1,2}}){day_suffix}(?![\w-])"
        r"(?:,?\s+(?P<my>\d{4})(?![\w-]))?"
    )
    dates.append(rf"(?P<ym>{mon_any})\.?,?\s+(?P<yy>\d{{4}})(?![\w-])")
    alternatives = [
        *dates,
        # "28/10" only stands for a date right after a weekday; dropped otherwise
        r"(?P<sa>\d{1,2})/(?P<sb>\d{1,2})(?![\d/])",
        rf"(?:(?P<cn>\d{{1,3}}|{alt(counts)})\s+(?P<cu>{alt(counted.get('units') or {})})"
        rf"|(?P<c1>{alt(counted.get('one') or {})}))\s+(?P<cdir>{alt(ago + later)})",
        rf"(?P<day>{alt(cfg.get('days') or {})})",
        rf"(?:(?P<part>{alt(cfg.get('period_parts') or {})})\s+)?"
        rf"(?:(?P<pmb>{mb})\s+(?P<per>{alt(cfg.get('periods') or {})})"
        rf"|(?P<per2>{alt(cfg.get('periods') or {})})\s+(?P<pma>{ma}))",
        rf"(?:(?P<smb>{mb})\s+(?P<sea>{alt(cfg.get('seasons') or {})})"
        rf"|(?P<sea2>{alt(cfg.get('seasons') or {})})\s+(?P<sma>{ma}))",
        rf"(?:(?P<wmb>{mb})\s+)?(?P<wd>{wd})(?:\s+(?P<wma>{ma}))?",
        rf"(?:(?P<mmb>{mb})\s+)?(?P<mon>{mon_full})(?:\s+(?P<mma>{ma}))?",
        rf"(?P<ypre>{alt(cfg.get('year_prefixes') or [])})\s+(?P<yr>\d{{4}})(?![\w-])",
    ]
    scan = re.compile(
        rf"(?<![\w/.,-])(?:(?P<pre>{alt(cfg.get('prefixes') or [])})\s+)?"
        rf"(?:{'|'.join(alternatives)})",
        re.IGNORECASE,
    )
    anchors = [
        *weekdays,
        *months,
        *(cfg.get("days") or {}),
        *(cfg.get("periods") or {}),
        *(cfg.get("seasons") or {}),
        *(counted.get("units") or {}),
        *(counted.get("one") or {}),
    ]
    cal = cfg.get("season_calendar") or {}
    year_range = ((data.get("numbers") or {}).get("rules") or {}).get("year_range", [1900, 2100])
    return TimeRules(
        scan=scan,
        trigger=re.compile(rf"\d|{alt(anchors)}", re.IGNORECASE),
        glue=re.compile(r"[ \t]*,?[ \t]*\(?[ \t]*$"),
        weekdays=weekdays,
        title_weekdays=frozenset(f for n in cfg.get("weekdays") or {} for f in (str(n), str(n).upper())),
        months=months,
        markers=markers,
        weekday_prefixes=frozenset(norm(str(p)) for p in cfg.get("weekday_prefixes") or []),
        numeric_orders=tuple(str(o) for o in cfg.get("numeric_date_orders") or ["dmy"]),
        days={norm(str(k)): int(v) for k, v in (cfg.get("days") or {}).items()},
        periods={norm(str(k)): str(v) for k, v in (cfg.get("periods") or {}).items()},
        parts={norm(str(k)): str(v) for k, v in (cfg.get("period_parts") or {}).items()},
        counted_units={norm(str(k)): str(v) for k, v in (counted.get("units") or {}).items()},
        counted_one={norm(str(k)): str(v) for k, v in (counted.get("one") or {}).items()},
        counts=counts,
        ago=frozenset(norm(p) for p in ago),
        seasons={norm(str(k)): str(v) for k, v in (cfg.get("seasons") or {}).items()},
        season_months={str(k): tuple(int(m) for m in v) for k, v in cal.items()},
        year_lo=int(year_range[0]),
        year_hi=int(year_range[1]),
    )


@memo
def time_rules(lang: str) -> TimeRules | None:
    """The compiled time grammar of a language; None when it has no time.yaml."""
    return build_time_rules(load_lang(lang))
