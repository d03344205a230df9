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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from streams.core.lang.regex import norm as _norm
from streams.core.lang.time import TimeRules, time_rules

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


def _marker(rules: TimeRules, *texts: str | None) -> str | None:
    for t in texts:
        if t:
            return rules.markers.get(_norm(t))
    return None


_Resolved = tuple[date, str] | None


def _resolve(rules: TimeRules, m: re.Match[str], ref: date) -> _Resolved:
    """The date a matched expression stands for, and its precision; the first group set decides."""
    g = m.group
    for group, read in _READERS:
        if g(group):
            return read(rules, m, ref)
    return None


def _iso_date(rules: TimeRules, m: re.Match[str], ref: date) -> _Resolved:
    d = _safe_date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    return (d, "day") if d else None


def _numeric_date(rules: TimeRules, m: re.Match[str], ref: date) -> _Resolved:
    """ "24/10/2024", "10.24.24": the language's orders in turn."""
    y = int(m.group("nc"))
    y = y + 2000 if y < 100 else y
    a, b = int(m.group("na")), int(m.group("nb"))
    for order in rules.numeric_orders:
        d = _safe_date(y, b, a) if order == "dmy" else _safe_date(y, a, b)
        if d:
            return d, "day"
    return None


def _text_date(rules: TimeRules, m: re.Match[str], ref: date) -> _Resolved:
    """ "4 November 2024", "November 4": without a year, the occurrence nearest to publication."""
    g = m.group
    day = int(g("dd") or g("md"))
    mon = rules.months[_norm(g("dm") or g("mm"))]
    yr = g("dy") or g("my")
    d = _safe_date(int(yr), mon, day) if yr else _nearest_year(ref, mon, day)
    return (d, "day") if d else None


def _month_year(rules: TimeRules, m: re.Match[str], ref: date) -> _Resolved:
    y = int(m.group("yy"))
    if not rules.year_lo <= y <= rules.year_hi:
        return None
    return date(y, rules.months[_norm(m.group("ym"))], 1), "month"


def _counted(rules: TimeRules, m: re.Match[str], ref: date) -> _Resolved:
    """ "dua hari lalu", "three weeks ago", "a month from now"."""
    g = m.group
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


def _day_word(rules: TimeRules, m: re.Match[str], ref: date) -> _Resolved:
    return ref + timedelta(days=rules.days[_norm(m.group("day"))]), "day"


def _period(rules: TimeRules, m: re.Match[str], ref: date) -> _Resolved:
    """ "pekan lalu", "last month", "awal tahun ini", "earlier this year"."""
    g = m.group
    word = g("per") or g("per2")
    marker = _marker(rules, g("pmb"), g("pma"))
    if _norm(g("pre") or "") in rules.weekday_prefixes and word in rules.title_weekdays:
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


def _season_word(rules: TimeRules, m: re.Match[str], ref: date) -> _Resolved:
    g = m.group
    name = rules.seasons[_norm(g("sea") or g("sea2"))]
    d = _season(ref, rules.season_months.get(name, ()), _marker(rules, g("smb"), g("sma")))
    return (d, "season") if d else None


def _weekday_word(rules: TimeRules, m: re.Match[str], ref: date) -> _Resolved:
    marker = _marker(rules, m.group("wmb"), m.group("wma"))
    if marker == "last_year":
        marker = None
    return _weekday(ref, rules.weekdays[_norm(m.group("wd"))], marker), "day"


def _month_word(rules: TimeRules, m: re.Match[str], ref: date) -> _Resolved:
    return _month(
        ref, rules.months[_norm(m.group("mon"))], _marker(rules, m.group("mmb"), m.group("mma"))
    ), "month"


def _year(rules: TimeRules, m: re.Match[str], ref: date) -> _Resolved:
    y = int(m.group("yr"))
    return (date(y, 1, 1), "year") if rules.year_lo <= y <= rules.year_hi else None


# The group that marks each kind of expression, in the order they are told apart.
_READERS: tuple[tuple[str, Callable[[TimeRules, re.Match[str], date], _Resolved]], ...] = (
    ("iy", _iso_date),
    ("na", _numeric_date),
    ("dd", _text_date),
    ("md", _text_date),
    ("ym", _month_year),
    ("cdir", _counted),
    ("day", _day_word),
    ("per", _period),
    ("per2", _period),
    ("sea", _season_word),
    ("sea2", _season_word),
    ("wd", _weekday_word),
    ("mon", _month_word),
    ("yr", _year),
)


def find_times(text: str, lang: str, published_at: datetime) -> list[TimeMention]:
    """Time expressions in ``text`` in order, resolved against ``published_at``."""
    rules = time_rules(lang)
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
