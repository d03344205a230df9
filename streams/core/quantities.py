"""Figures in news text, read as intervals: "lebih dari 10.000" -> [10000, None].

Pure and I/O-free apart from the (cached) lexicon load. All words, modifiers and patterns come
from lang/<code>/numbers.yaml (top-level key ``numbers``); month names for the "4 November"
guard come from lang/<code>/time.yaml (key ``time``). The grammar here is language-neutral.

Interval rules (tolerances live in the YAML under ``numbers.rules``):
  bare figure          round (>= 2 trailing zeros, e.g. 11.000, 500): N +- 5 %; else [N, N]
  about / sekitar      [N - 10 %, N + 10 %]
  almost / hampir      [N - 10 %, N]
  more than / lebih dari, at least / setidaknya
                       [N, None]  -- "more than" is NOT strict: reported figures are rounded, so
                       "more than 10,000" must still overlap "10,000" and "at least 10,000"
  up to / hingga / sebanyak, less than / kurang dari
                       [0, N]     -- counts are never negative, so the floor is 0 (``rules.floor``)
  vague plural         the YAML interval, e.g. puluhan [10, 99], "puluhan ribu" [10000, 99999]
  range "10-12 ribu"   [10000, 12000] (end points as written, no rounding slack)
  product "2 x 6.000"  the inner figure's interval times the count
Modifiers apply to the written interval (the rounding slack only applies to a bare figure), and
stack right to left ("hingga sekitar 12.000" -> up_to(about(12000)) = [0, 13200]).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from streams.core.lang.numbers import NumberRules, number_rules
from streams.core.lang.regex import norm as _norm

__all__ = ["NumberMention", "find_numbers"]

_Interval = tuple[float | None, float | None]

# Modifier kinds that make a figure approximate (everything but "neutral" and "between").
_HEDGES = frozenset({"about", "almost", "more_than", "at_least", "up_to", "less_than"})


@dataclass(frozen=True, slots=True)
class NumberMention:
    low: float | None  # inclusive lower bound, None = unbounded
    high: float | None  # inclusive upper bound, None = unbounded
    value: float  # the central figure as written (range: its low end; product: the product)
    text: str  # the matched text including modifiers, e.g. "lebih dari 10.000"
    start: int  # offsets into the text passed in
    end: int
    approximate: bool  # a hedge/vague word was involved
    unit_hint: str | None = None  # "percent", "currency" or None


# --------------------------------------------------------------------------- regex helpers


# --------------------------------------------------------------------------- parsing


@dataclass(slots=True)
class _Core:
    """One figure as written, before modifiers: the written interval [lo, hi]."""

    start: int  # start of the whole match (modifiers included)
    num_start: int  # start of the figure itself
    end: int
    lo: float
    hi: float
    value: float
    mods: list[str]  # modifier kinds, outermost first
    vague: bool
    scale: float  # the trailing scale word's value ("12 ribu" -> 1000), else 1
    plain_digits: str | None  # unseparated digit string, for the year/id guards
    currency: bool


@dataclass(slots=True)
class _WordValue:
    """A number written in words, read left to right ("dua ribu lima ratus" = 2500)."""

    total: float = 0.0
    group: float = 0.0
    last_unit: float = 0.0
    last: str = ""  # kind of the last consumed word
    last_scale: float = math.inf

    def step(self, kind: str, v: float) -> bool:
        """Apply one word; False (and nothing changed) when it cannot follow what came before."""
        last, group = self.last, self.group
        if kind == "units":
            if last == "fractions" or v >= 100 or group % (100 if v >= 10 else 10) != 0:
                return False
            self.group, self.last_unit = group + v, v
        elif kind in ("tens_suffix", "teen_suffix"):
            if last != "units" or self.last_unit >= 10:
                return False
            self.group = group + (self.last_unit * (v - 1) if kind == "tens_suffix" else v)
        elif kind == "multipliers":
            if last in ("", "multipliers", "scales") or group >= v * 10:
                return False
            self.group = group * v
        elif kind == "fractions":
            if last not in ("", "units", "tens_suffix", "teen_suffix") or group % 1:
                return False
            self.group = group + v
        elif kind == "scales":
            if last in ("", "scales") or v >= self.last_scale:
                return False
            self.total, self.group, self.last_scale = self.total + group * v, 0.0, v
        self.last = kind
        return True

    def steps(self, steps: list[tuple[str, float]]) -> bool:
        saved = (self.total, self.group, self.last_unit, self.last, self.last_scale)
        for kind, v in steps:
            if not self.step(kind, v):
                # a half-applied "se-" word is undone
                self.total, self.group, self.last_unit, self.last, self.last_scale = saved
                return False
        return True


def _parse_words(rules: NumberRules, text: str, start: int, end: int) -> tuple[float, int, float] | None:
    """Value, end offset and trailing scale of the longest well-formed number-word prefix."""
    value = _WordValue()
    value_end = -1
    trailing_scale = 1.0
    toks = [(_norm(m.group()), m.end()) for m in rules.word_tok.finditer(text, start, end)]
    for i, (tok, tok_end) in enumerate(toks):
        if tok in rules.joiner_words:
            nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
            # "two hundred and fifty", "one and a half" -- but "one and two" is two figures
            if (
                value.last in ("multipliers", "scales")
                or rules.word_kind.get(nxt, ("", 0.0))[0] == "fractions"
            ):
                continue
            break
        if tok in rules.implicit_one:
            if value.group:
                break  # "seratus" opens a group: "dua puluh seratus" is two figures
            steps = [("units", 1.0), rules.word_kind[rules.implicit_one[tok]]]
        else:
            steps = [rules.word_kind[tok]]
        if not value.steps(steps):
            break
        value_end = tok_end
        trailing_scale = value.last_scale if value.last == "scales" else 1.0
    if value_end < 0:
        return None
    return value.total + value.group, value_end, trailing_scale


def _digits_value(raw: str, sep: str | None) -> float:
    s = raw.replace(sep, "") if sep else raw
    return float(s.replace(",", "."))


def _read_core(rules: NumberRules, text: str, m: re.Match[str]) -> _Core | None:
    mods_txt = m.group("mods")
    mods = [rules.mods[_norm(t.group())] for t in rules.mod_tok.finditer(mods_txt)] if mods_txt else []
    if m.group("num") is not None:
        raw = m.group("num")
        scale_w = m.group("scale") or m.group("gscale")
        scale = rules.scales[_norm(scale_w)] if scale_w else 1.0
        value = _digits_value(raw, m.group("sep")) * scale
        cur = m.group("cur") is not None
        return _Core(
            m.start(),
            m.start("cur") if cur else m.start("num"),
            m.end(),
            value,
            value,
            value,
            mods,
            False,
            scale,
            raw if raw.isdigit() else None,
            cur,
        )
    if m.group("vague") is not None:
        lo, hi = rules.vague[_norm(m.group("vague"))]
        vs = m.group("vscale")
        if vs:
            s = rules.vague_scales[_norm(vs)]
            lo, hi = lo * s, (hi + 1) * s - 1
        return _Core(m.start(), m.start("vague"), m.end(), lo, hi, lo, mods, True, 1.0, None, False)
    ws, we = m.span("words")
    parsed = _parse_words(rules, text, ws, we)
    if parsed is None:
        return None
    value, end, scale = parsed
    if _norm(text[ws:end]) in rules.weak and not rules.weak_counted.match(text, end):
        return None  # "salah satu", "one of them"; but "satu prajurit", "one soldier" count
    return _Core(m.start(), ws, end, value, value, value, mods, False, scale, None, False)


def _is_figure(rules: NumberRules, text: str, c: _Core, phones: list[tuple[int, int]]) -> bool:
    """The guards against reading years, dates, clock times and ids as figures."""
    if any(s < c.end and c.num_start < e for s, e in phones):
        return False
    if c.plain_digits is not None and c.scale == 1.0:
        d = c.plain_digits
        if len(d) > rules.max_plain or (len(d) > 1 and d[0] == "0"):
            return False
        if (
            len(d) == 4
            and rules.year_lo <= int(d) <= rules.year_hi
            and not c.currency
            and not rules.year_rescue.intersection(c.mods)
            and not rules.unit_after.match(text, c.end)
        ):
            return False
    if not c.vague:
        if rules.month_after.match(text, c.end):
            return False
        win = text[max(0, c.start - 24) : c.start]
        if rules.month_before_win.search(win) or rules.not_before_win.search(win):
            return False
        if rules.not_after.match(text, c.end):
            return False
    return True


def _apply(kind: str, lo: float | None, hi: float | None, rules: NumberRules) -> _Interval:
    if kind == "about":
        return (
            None if lo is None else lo * (1 - rules.about_tol),
            None if hi is None else hi * (1 + rules.about_tol),
        )
    if kind == "almost":
        return (None if lo is None else lo * (1 - rules.almost_tol), hi)
    if kind in ("more_than", "at_least"):
        return (lo, None)
    if kind in ("up_to", "less_than"):
        return (rules.floor, hi)
    return (lo, hi)


def _tidy(x: float | None) -> float | None:
    """Drop float noise from the percentage arithmetic (13200.000000000002)."""
    return None if x is None else round(x, 6)


def _is_round(rules: NumberRules, v: float) -> bool:
    q = 10**rules.round_zeros
    return v >= q and v == int(v) and int(v) % q == 0


def _finish(
    rules: NumberRules, lo: float, hi: float, mods: list[str], bare_single: bool, unit: str | None
) -> _Interval:
    lo_i: float | None = lo
    hi_i: float | None = hi
    effective = [k for k in mods if k in _HEDGES]
    if not effective:
        if bare_single and unit != "percent" and _is_round(rules, lo):
            lo_i, hi_i = lo * (1 - rules.round_tol), hi * (1 + rules.round_tol)
        return lo_i, hi_i
    for kind in reversed(effective):  # innermost modifier first
        lo_i, hi_i = _apply(kind, lo_i, hi_i, rules)
    return lo_i, hi_i


@dataclass(slots=True)
class _Figure:
    """A figure being read: the written core, then a range, a product, a unit, a post-modifier."""

    start: int
    end: int
    lo: float
    hi: float
    value: float
    kind: str  # single | vague | range | product
    mods: list[str]
    inner_approx: bool = False


class _Scan:
    """One text being scanned for figures with one language's rules."""

    def __init__(self, rules: NumberRules, text: str) -> None:
        self.rules = rules
        self.text = text
        digits_only = "0" in text or "+" in text or "-" in text or "/" in text
        self.phones = [m.span() for m in rules.phone.finditer(text)] if digits_only else []
        self._product_word: bool | None = None

    def core_at(self, pos: int) -> _Core | None:
        m = self.rules.core.match(self.text, pos)
        return _read_core(self.rules, self.text, m) if m else None

    def is_figure(self, c: _Core) -> bool:
        return _is_figure(self.rules, self.text, c, self.phones)

    def product_word(self) -> bool:
        if self._product_word is None:
            lowered = self.text.lower()
            self._product_word = any(k in lowered for k in self.rules.product_keywords)
        return self._product_word


def find_numbers(text: str, lang: str) -> list[NumberMention]:
    """Figures in ``text`` in order of appearance, non-overlapping, read as intervals."""
    rules = number_rules(lang)
    if rules is None or not text:
        return []
    scan = _Scan(rules, text)
    out: list[NumberMention] = []
    pos = 0
    while pos < len(text):
        m = rules.core.search(text, pos)
        if m is None:
            break
        c = _read_core(rules, text, m)
        if c is None:
            pos = m.end()
            continue
        pos = c.end
        if not scan.is_figure(c):
            continue
        fig = _Figure(c.start, c.end, c.lo, c.hi, c.value, "vague" if c.vague else "single", list(c.mods))
        skip = _range(scan, m, c, fig)
        if skip is not None:
            pos = skip  # "10-12 Oktober", "2023-2024": the pair is no figure
            continue
        _product(scan, c, fig)
        mention = _finish_mention(scan, c, fig)
        pos = max(pos, mention.end)
        out.append(mention)
    return out


def _range(scan: _Scan, m: re.Match[str], c: _Core, fig: _Figure) -> int | None:
    """ "10.000-12.000", "10-12 ribu", "antara 10.000 dan 12.000"; the offset to skip to when the
    pair is a date or a span of years."""
    rules, text = scan.rules, scan.text
    tail: re.Match[str] | None = None
    between = None
    if "between" in c.mods:
        words = [_norm(t.group()) for t in rules.mod_tok.finditer(m.group("mods"))]
        between = rules.between_tail.get(words[c.mods.index("between")])
        tail = between.match(text, c.end) if between else None
    if tail is None and not c.vague:
        tail = rules.range_tail.match(text, c.end)
    if tail is not None and not c.vague:
        c2 = scan.core_at(tail.end())
        if c2 is not None and not c2.mods and not c2.vague:
            if not scan.is_figure(c2):
                if not tail.group().strip()[:1].isalnum():
                    return c2.end
            else:
                # "10-12 ribu": the scale written once covers both ends
                lo1 = c.value * (c2.scale if c.scale == 1.0 else 1.0)
                if lo1 < c2.value:
                    fig.lo, fig.hi, fig.value, fig.end, fig.kind = lo1, c2.value, lo1, c2.end, "range"
    if between is not None and fig.kind != "range":
        fig.start, fig.mods = c.num_start, []  # "antara dua negara": "between" took no range
    return None


def _product(scan: _Scan, c: _Core, fig: _Figure) -> None:
    """ "dua brigade yang masing-masing beranggotakan 6.000 orang" -> 2 x 6.000."""
    rules, text = scan.rules, scan.text
    count = fig.value
    if (
        fig.kind != "single"
        or not rules.products
        or count != int(count)
        or not 2 <= count <= rules.product_max
    ):
        return
    if not scan.product_word():
        return
    for between, after in rules.products:
        bm = between.match(text, c.end)
        c3 = scan.core_at(bm.end()) if bm else None
        if c3 is None or not scan.is_figure(c3):
            continue
        am = after.match(text, c3.end) if after else None
        if after is not None and am is None:
            continue
        ilo, ihi = _finish(rules, c3.lo, c3.hi, c3.mods, not c3.vague, None)
        fig.lo = count * (ilo if ilo is not None else rules.floor)
        fig.hi = count * ihi if ihi is not None else math.inf
        fig.value = count * c3.value
        fig.end = am.end() if am else c3.end
        fig.inner_approx = c3.vague or bool(_HEDGES.intersection(c3.mods))
        fig.kind = "product"
        return


def _finish_mention(scan: _Scan, c: _Core, fig: _Figure) -> NumberMention:
    """Units and trailing modifiers ("10 persen", "10.000 lebih", "10,000 or more"), the interval."""
    rules, text = scan.rules, scan.text
    unit: str | None = "currency" if c.currency else None
    end = fig.end
    um = rules.unit_after.match(text, end)
    if um is not None:
        unit = rules.units_after[_norm(um.group("u"))]
        end = um.end()
    pm = rules.post_mod.match(text, end)
    if pm is not None:
        fig.mods.append(rules.post_mods[_norm(pm.group("p"))])
        end = pm.end()
    low, high = _finish(rules, fig.lo, fig.hi, fig.mods, fig.kind == "single", unit)
    if high is not None and math.isinf(high):
        high = None
    approximate = c.vague or fig.inner_approx or bool(_HEDGES.intersection(fig.mods))
    return NumberMention(
        _tidy(low), _tidy(high), round(fig.value, 6), text[fig.start : end], fig.start, end, approximate, unit
    )
