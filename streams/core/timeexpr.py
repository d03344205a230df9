"""Time expressions in news text, resolved against the article's publication time.

Pure and I/O-free apart from the (cached) lexicon load. All words come from
lang/<code>/time.yaml (top-level key ``time``); count words ("dua hari lalu") also from
lang/<code>/numbers.yaml (``numbers.words.units``). The grammar here is language-neutral.

Resolution (``d`` = published_at's local date; results are midnight, published_at's tzinfo):
  weekday ("Senin", "on Monday")       latest date <= d with that weekday (d itself counts);
                                       past marker ("Senin lalu", "last Monday") strictly < d;
                                       next marker: first date > d; "this": within d's ISO week
  explicit date                        that date; an adjacent weekday ("Kamis (24/10/2024)")
                                       merges into it; without a year: the year nearest to d
  month ("pada bulan Agustus")         latest 1st-of-month <= d (precision month);
                                       "Agustus lalu": strictly before d's month
  day words ("kemarin", "today")       d + offset
  periods ("pekan lalu", "last month") week: d +- 7 days; month: the 1st; year: Jan 1;
                                       parts ("awal tahun ini", "earlier this year"): the
                                       part's first month (precision month)
  counted ("dua hari sebelumnya")      d - n units (months/years snap to the 1st / Jan 1)
  season ("musim gugur lalu")          the first day of the season's middle month. "last": the
                                       latest season that has fully ended before d (so said
                                       during autumn, "last autumn" is the previous year's);
                                       "this": the season containing d, else this year's
  year ("pada tahun 2022", "in 2022")  Jan 1 (precision year); bare years need a prefix
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from streams.core.lexicon import load_lang
from streams.core.quantities import case_alternation as _case_alt
from streams.core.quantities import phrase_alternation

__all__ = ["TimeMention", "find_times", "resolve_event_time"]

_RANK = {"day": 5, "week": 4, "month": 3, "season": 2, "year": 1}
# Where a part of a period starts: the first month of a year part, the first day of a month
# part. "earlier this year" -> January (the brief's reading); "akhir tahun" -> October.
_YEAR_PART_MONTH = {"start": 1, "mid": 6, "end": 10}
_MONTH_PART_DAY = {"start": 1, "mid": 11, "end": 21}


@dataclass(frozen=True, slots=True)
class TimeMention:
    when: datetime  # tz-aware, resolved against the publication time (published_at's tzinfo)
    precision: str  # "day" | "week" | "month" | "season" | "year"
    text: str
    start: int
    end: int


def _norm(s: str) -> str:
    # casefold, not lower: re.IGNORECASE also matches e.g. "ſ" for "s", and the lookup must too
    return " ".join(s.casefold().split())


def _alt(phrases: Any) -> str:
    return phrase_alternation(phrases)


@dataclass(frozen=True, slots=True)
class _Rules:
    source: dict[str, Any]
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


def _build(data: dict[str, Any]) -> _Rules | None:
    cfg: dict[str, Any] | None = data.get("time")
    if not cfg:
        return None
    case = str(cfg.get("name_case", "any"))
    weekdays = {_norm(str(k)): int(v) for k, v in (cfg.get("weekdays") or {}).items()}
    full_months = {_norm(str(k)): int(v) for k, v in (cfg.get("months") or {}).items()}
    abbr = {_norm(str(k)): int(v) for k, v in (cfg.get("month_abbreviations") or {}).items()}
    months = {**abbr, **full_months}
    markers: dict[str, str] = {}
    before: list[str] = []
    after: list[str] = []
    for kind, sides in (cfg.get("markers") or {}).items():
        for side, phrases in (sides or {}).items():
            for p in phrases or []:
                markers[_norm(str(p))] = str(kind)
                (before if side == "before" else after).append(str(p))
    mb, ma = _alt(before), _alt(after)
    wd = _case_alt(weekdays, case)
    mon_full = _case_alt(full_months, case)
    mon_any = _case_alt(months, case)
    counted: dict[str, Any] = cfg.get("counted") or {}
    nums = (data.get("numbers") or {}).get("words", {}).get("units") or {}
    counts = {_norm(str(k)): int(v) for k, v in nums.items() if float(v).is_integer()}
    counts.update({_norm(str(k)): int(v) for k, v in (counted.get("count_words") or {}).items()})
    ago = [str(p) for p in counted.get("ago") or []]
    later = [str(p) for p in counted.get("later") or []]
    suffixes = phrase_alternation(cfg.get("day_suffixes") or [], glued_before=True)  # "4th"
    day_suffix = rf"(?:{suffixes})?"
    dm_join = cfg.get("day_month_joiners") or []
    dm_join_re = rf"(?:{_alt(dm_join)}\s+)?" if dm_join else ""
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
        rf"(?:(?P<cn>\d{{1,3}}|{_alt(counts)})\s+(?P<cu>{_alt(counted.get('units') or {})})"
        rf"|(?P<c1>{_alt(counted.get('one') or {})}))\s+(?P<cdir>{_alt(ago + later)})",
        rf"(?P<day>{_alt(cfg.get('days') or {})})",
        rf"(?:(?P<part>{_alt(cfg.get('period_parts') or {})})\s+)?"
        rf"(?:(?P<pmb>{mb})\s+(?P<per>{_alt(cfg.get('periods') or {})})"
        rf"|(?P<per2>{_alt(cfg.get('periods') or {})})\s+(?P<pma>{ma}))",
        rf"(?:(?P<smb>{mb})\s+(?P<sea>{_alt(cfg.get('seasons') or {})})"
        rf"|(?P<sea2>{_alt(cfg.get('seasons') or {})})\s+(?P<sma>{ma}))",
        rf"(?:(?P<wmb>{mb})\s+)?(?P<wd>{wd})(?:\s+(?P<wma>{ma}))?",
        rf"(?:(?P<mmb>{mb})\s+)?(?P<mon>{mon_full})(?:\s+(?P<mma>{ma}))?",
        rf"(?P<ypre>{_alt(cfg.get('year_prefixes') or [])})\s+(?P<yr>\d{{4}})(?![\w-])",
    ]
    scan = re.compile(
        rf"(?<![\w/.,-])(?:(?P<pre>{_alt(cfg.get('prefixes') or [])})\s+)?"
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
    return _Rules(
        source=data,
        scan=scan,
        trigger=re.compile(rf"\d|{_alt(anchors)}", re.IGNORECASE),
        glue=re.compile(r"[ \t]*,?[ \t]*\(?[ \t]*$"),
        weekdays=weekdays,
        title_weekdays=frozenset(f for n in cfg.get("weekdays") or {} for f in (str(n), str(n).upper())),
        months=months,
        markers=markers,
        weekday_prefixes=frozenset(_norm(str(p)) for p in cfg.get("weekday_prefixes") or []),
        numeric_orders=tuple(str(o) for o in cfg.get("numeric_date_orders") or ["dmy"]),
        days={_norm(str(k)): int(v) for k, v in (cfg.get("days") or {}).items()},
        periods={_norm(str(k)): str(v) for k, v in (cfg.get("periods") or {}).items()},
        parts={_norm(str(k)): str(v) for k, v in (cfg.get("period_parts") or {}).items()},
        counted_units={_norm(str(k)): str(v) for k, v in (counted.get("units") or {}).items()},
        counted_one={_norm(str(k)): str(v) for k, v in (counted.get("one") or {}).items()},
        counts=counts,
        ago=frozenset(_norm(p) for p in ago),
        seasons={_norm(str(k)): str(v) for k, v in (cfg.get("seasons") or {}).items()},
        season_months={str(k): tuple(int(m) for m in v) for k, v in cal.items()},
        year_lo=int(year_range[0]),
        year_hi=int(year_range[1]),
    )


@cache
def _compiled(lang: str) -> _Rules | None:
    return _build(load_lang(lang))


def _rules(lang: str) -> _Rules | None:
    rules = _compiled(lang)
    if rules is not None and rules.source is not load_lang(lang):  # lexicon reloaded
        _compiled.cache_clear()
        rules = _compiled(lang)
    return rules


# --------------------------------------------------------------------------- calendar helpers


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_start(d: date, shift: int) -> date:
    idx = d.year * 12 + d.month - 1 + shift
    return date(idx // 12, idx % 12 + 1, 1)


def _nearest_year(ref: date, m: int, d: int) -> date | None:
    """A day and month without a year: the occurrence nearest to the publication date."""
    cands = [x for y in (ref.year - 1, ref.year, ref.year + 1) if (x := _safe_date(y, m, d))]
    return min(cands, key=lambda x: abs((x - ref).days)) if cands else None


def _weekday(ref: date, wd: int, marker: str | None) -> date:
    if marker == "next":
        return ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)
    if marker == "this":
        return ref + timedelta(days=wd - ref.weekday())
    back = (ref.weekday() - wd) % 7
    if marker == "past" and back == 0:
        back = 7
    return ref - timedelta(days=back)


def _month(ref: date, m: int, marker: str | None) -> date:
    y = ref.year
    if marker == "past":
        y = y if m < ref.month else y - 1
    elif marker == "next":
        y = y if m > ref.month else y + 1
    elif marker == "last_year":
        y -= 1
    elif marker != "this":
        y = y if m <= ref.month else y - 1
    return date(y, m, 1)


def _season(ref: date, months: tuple[int, ...], marker: str | None) -> date | None:
    if not months:
        return None
    anchor = months[len(months) // 2]

    def span(y: int) -> tuple[date, date]:  # season whose middle month falls in year y
        sy = y if months[0] <= anchor else y - 1
        ey = y if months[-1] >= anchor else y + 1
        return date(sy, months[0], 1), date(ey, months[-1], calendar.monthrange(ey, months[-1])[1])

    years = range(ref.year - 2, ref.year + 3)
    if marker == "past":
        y = max((y for y in years if span(y)[1] < ref), default=ref.year - 1)
    elif marker == "next":
        y = min((y for y in years if span(y)[0] > ref), default=ref.year + 1)
    elif marker == "last_year":
        y = ref.year - 1
    else:
        y = next((y for y in years if span(y)[0] <= ref <= span(y)[1]), ref.year)
    return date(y, anchor, 1)


# --------------------------------------------------------------------------- scanning


def _marker(rules: _Rules, *texts: str | None) -> str | None:
    for t in texts:
        if t:
            return rules.markers.get(_norm(t))
    return None


def _resolve(rules: _Rules, m: re.Match[str], ref: date) -> tuple[date, str] | None:
    g = m.group
    if g("iy"):
        d = _safe_date(int(g("iy")), int(g("im")), int(g("id")))
        return (d, "day") if d else None
    if g("na"):
        y = int(g("nc"))
        y = y + 2000 if y < 100 else y
        a, b = int(g("na")), int(g("nb"))
        for order in rules.numeric_orders:
            d = _safe_date(y, b, a) if order == "dmy" else _safe_date(y, a, b)
            if d:
                return d, "day"
        return None
    if g("dd") or g("md"):
        day = int(g("dd") or g("md"))
        mon = rules.months[_norm(g("dm") or g("mm"))]
        yr = g("dy") or g("my")
        d = _safe_date(int(yr), mon, day) if yr else _nearest_year(ref, mon, day)
        return (d, "day") if d else None
    if g("ym"):
        y = int(g("yy"))
        if not rules.year_lo <= y <= rules.year_hi:
            return None
        return date(y, rules.months[_norm(g("ym"))], 1), "month"
    if g("cdir"):
        if g("c1"):
            n, unit = 1, rules.counted_one[_norm(g("c1"))]
        else:
            cn = g("cn")
            n = int(cn) if cn.isdigit() else rules.counts[_norm(cn)]
            unit = rules.counted_units[_norm(g("cu"))]
        n = -n if _norm(g("cdir")) in rules.ago else n
        if unit == "day":
            return ref + timedelta(days=n), "day"
        if unit == "week":
            return ref + timedelta(days=7 * n), "week"
        if unit == "month":
            return _month_start(ref, n), "month"
        return date(ref.year + n, 1, 1), "year"
    if g("day"):
        return ref + timedelta(days=rules.days[_norm(g("day"))]), "day"
    if g("per") or g("per2"):
        word = g("per") or g("per2")
        marker = _marker(rules, g("pmb"), g("pma"))
        pre = _norm(g("pre") or "")
        if pre in rules.weekday_prefixes and word in rules.title_weekdays:
            # "hari Minggu lalu": Sunday, not "last week"
            return _weekday(ref, rules.weekdays[_norm(word)], marker), "day"
        shift = {"past": -1, "this": 0, "next": 1}.get(marker or "")
        if shift is None:
            return None
        unit = rules.periods[_norm(word)]
        part = rules.parts.get(_norm(g("part") or ""))
        if unit == "week":
            return ref + timedelta(days=7 * shift), "week"
        if unit == "month":
            start = _month_start(ref, shift)
            if part:
                return start.replace(day=_MONTH_PART_DAY.get(part, 1)), "week"
            return start, "month"
        if part:
            return date(ref.year + shift, _YEAR_PART_MONTH.get(part, 1), 1), "month"
        return date(ref.year + shift, 1, 1), "year"
    if g("sea") or g("sea2"):
        name = rules.seasons[_norm(g("sea") or g("sea2"))]
        d = _season(ref, rules.season_months.get(name, ()), _marker(rules, g("smb"), g("sma")))
        return (d, "season") if d else None
    if g("wd"):
        marker = _marker(rules, g("wmb"), g("wma"))
        if marker == "last_year":
            marker = None
        return _weekday(ref, rules.weekdays[_norm(g("wd"))], marker), "day"
    if g("mon"):
        return _month(ref, rules.months[_norm(g("mon"))], _marker(rules, g("mmb"), g("mma"))), "month"
    if g("yr"):
        y = int(g("yr"))
        return (date(y, 1, 1), "year") if rules.year_lo <= y <= rules.year_hi else None
    return None


def find_times(text: str, lang: str, published_at: datetime) -> list[TimeMention]:
    """Time expressions in ``text`` in order, resolved against ``published_at``."""
    rules = _rules(lang)
    if rules is None or not text:
        return []
    first = rules.trigger.search(text)
    if first is None:
        return []
    ref = published_at.date()
    tz = published_at.tzinfo
    out: list[TimeMention] = []
    weekday_at: int | None = None  # index in ``out`` of a weekday a date may still explain
    # prefixes, markers and counts sit at most a few words before the first anchor word
    for m in rules.scan.finditer(text, max(0, first.start() - 48)):
        start, end = m.span()
        short = m.group("sa")
        is_date = bool(short or m.group("iy") or m.group("na") or m.group("dd") or m.group("md"))
        resolved: tuple[date, str] | None
        if short:
            d = _nearest_year(ref, int(m.group("sb")), int(m.group("sa")))
            resolved = (d, "day") if d else None
        else:
            resolved = _resolve(rules, m, ref)
        merged = False
        if is_date and weekday_at is not None and resolved is not None:
            prev = out[weekday_at]
            if rules.glue.match(text[prev.end : start]) and start - prev.end <= 4:
                # "Kamis (24/10/2024)": the explicit date wins over the weekday's guess
                start = prev.start
                if text[end : end + 1] == ")":
                    end += 1
                out.pop(weekday_at)
                merged = True
        weekday_at = None
        if resolved is None or (short and not merged):
            continue
        when = datetime(resolved[0].year, resolved[0].month, resolved[0].day, tzinfo=tz)
        out.append(TimeMention(when, resolved[1], text[start:end], start, end))
        if m.group("wd") and not m.group("wma") and not m.group("wmb"):
            weekday_at = len(out) - 1
    return out


def resolve_event_time(text: str, lang: str, published_at: datetime) -> datetime:
    """The most specific time mention in ``text`` (the first one among equals), else
    ``published_at``."""
    best: TimeMention | None = None
    for t in find_times(text, lang, published_at):
        if best is None or _RANK[t.precision] > _RANK[best.precision]:
            best = t
    return best.when if best is not None else published_at
