"""Time expressions resolved against the publication time (streams/core/timeexpr.py)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from itertools import pairwise
from typing import Any

import pytest

from streams.core.lexicon import clear_caches, load_lang
from streams.core.timeexpr import TimeMention, find_times, resolve_event_time

WIB = timezone(timedelta(hours=7))
EDT = timezone(timedelta(hours=-4))
# Seed publication times: Monday 4 Nov 2024, Friday 25 Oct 2024, Monday 28 Apr 2025.
MON_4_NOV = datetime(2024, 11, 4, 19, 30, tzinfo=WIB)
FRI_25_OCT = datetime(2024, 10, 25, 9, 0, tzinfo=WIB)
MON_28_APR = datetime(2025, 4, 28, 10, 0, tzinfo=EDT)


def times(text: str, lang: str, pub: datetime) -> list[TimeMention]:
    return find_times(text, lang, pub)


def one(text: str, lang: str, pub: datetime) -> TimeMention:
    found = times(text, lang, pub)
    assert len(found) == 1, [(t.text, t.when) for t in found]
    return found[0]


def day_of(t: TimeMention) -> tuple[date, str]:
    return t.when.date(), t.precision


# --------------------------------------------------------------------------- weekdays


@pytest.mark.parametrize(
    ("text", "lang", "pub", "expected"),
    [
        ("menurut Kiev pada hari Senin", "id", MON_4_NOV, date(2024, 11, 4)),  # same day counts
        ("Seoul pada hari Selasa", "id", MON_4_NOV, date(2024, 10, 29)),
        ("Pada hari Jumat, Choe mengatakan", "id", MON_4_NOV, date(2024, 11, 1)),
        ("pada Kamis di pertemuan puncak", "id", FRI_25_OCT, date(2024, 10, 24)),
        ("Rabu", "id", FRI_25_OCT, date(2024, 10, 23)),
        ("pada hari Minggu", "id", MON_4_NOV, date(2024, 11, 3)),
        ("Jum'at", "id", MON_4_NOV, date(2024, 11, 1)),
        ("on Monday", "en", MON_28_APR, date(2025, 4, 28)),
        ("Trump said on Saturday", "en", MON_28_APR, date(2025, 4, 26)),
        ("Sunday", "en", MON_28_APR, date(2025, 4, 27)),
        ("TUESDAY", "en", MON_28_APR, date(2025, 4, 22)),
        ("Senin lalu", "id", MON_4_NOV, date(2024, 10, 28)),  # "last Monday" is never today
        ("last Monday", "en", MON_28_APR, date(2025, 4, 21)),
        ("Senin depan", "id", MON_4_NOV, date(2024, 11, 11)),
        ("next Friday", "en", MON_28_APR, date(2025, 5, 2)),
    ],
)
def test_weekdays(text: str, lang: str, pub: datetime, expected: date) -> None:
    t = one(text, lang, pub)
    assert day_of(t) == (expected, "day")
    assert text[t.start : t.end] == t.text


def test_weekday_span_includes_its_prefix() -> None:
    t = one("menurut Kiev pada hari Senin, di tengah", "id", MON_4_NOV)
    assert t.text == "pada hari Senin"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Seninnya", "id"),
        ("selama dua minggu", "id"),  # lower-case "minggu" is "week", not Sunday
        ("mondays", "en"),
        ("the sunday roast", "en"),
    ],
)
def test_weekday_false_friends(text: str, lang: str) -> None:
    assert times(text, lang, MON_4_NOV) == []


# --------------------------------------------------------------------------- explicit dates


@pytest.mark.parametrize(
    ("text", "lang", "pub", "expected", "matched"),
    [
        (
            "pada Kamis (24/10/2024), dinas",
            "id",
            FRI_25_OCT,
            date(2024, 10, 24),
            "pada Kamis (24/10/2024)",
        ),
        ("Senin (28/10/2024).", "id", MON_4_NOV, date(2024, 10, 28), "Senin (28/10/2024)"),
        ("Jumat (25/10/2024)", "id", MON_4_NOV, date(2024, 10, 25), "Jumat (25/10/2024)"),
        # the date in brackets wins even when it contradicts the weekday's own guess
        ("Senin (21/10/2024)", "id", MON_4_NOV, date(2024, 10, 21), "Senin (21/10/2024)"),
        ("Senin (28/10)", "id", MON_4_NOV, date(2024, 10, 28), "Senin (28/10)"),
        ("24/10/2024", "id", MON_4_NOV, date(2024, 10, 24), "24/10/2024"),
        ("24-10-2024", "id", MON_4_NOV, date(2024, 10, 24), "24-10-2024"),
        ("24.10.2024", "id", MON_4_NOV, date(2024, 10, 24), "24.10.2024"),
        ("24/10/24", "id", MON_4_NOV, date(2024, 10, 24), "24/10/24"),
        ("2024-10-24", "en", MON_4_NOV, date(2024, 10, 24), "2024-10-24"),
        ("4 November 2024", "id", MON_28_APR, date(2024, 11, 4), "4 November 2024"),
        ("(@ZelenskyyUa) 4 November 2024", "id", MON_4_NOV, date(2024, 11, 4), "4 November 2024"),
        ("pada tanggal 5 November", "id", MON_4_NOV, date(2024, 11, 5), "pada tanggal 5 November"),
        ("28 Okt 2024", "id", MON_4_NOV, date(2024, 10, 28), "28 Okt 2024"),
        ("28 Okt", "id", MON_4_NOV, date(2024, 10, 28), "28 Okt"),
        ("November 4, 2024", "en", MON_28_APR, date(2024, 11, 4), "November 4, 2024"),
        ("on Oct. 28", "en", MON_4_NOV, date(2024, 10, 28), "on Oct. 28"),
        ("the 4th of November", "en", MON_4_NOV, date(2024, 11, 4), "4th of November"),
        ("Monday, Oct. 28", "en", MON_4_NOV, date(2024, 10, 28), "Monday, Oct. 28"),
        ("10/24/2024", "en", MON_4_NOV, date(2024, 10, 24), "10/24/2024"),  # US order first
        ("24/10/2024", "en", MON_4_NOV, date(2024, 10, 24), "24/10/2024"),  # dmy fallback
        ("04/11/2024", "en", MON_4_NOV, date(2024, 4, 11), "04/11/2024"),
        ("04/11/2024", "id", MON_4_NOV, date(2024, 11, 4), "04/11/2024"),
    ],
)
def test_explicit_dates(text: str, lang: str, pub: datetime, expected: date, matched: str) -> None:
    t = one(text, lang, pub)
    assert day_of(t) == (expected, "day")
    assert t.text == matched
    assert text[t.start : t.end] == matched


def test_yearless_date_takes_the_nearest_year() -> None:
    jan_3 = datetime(2025, 1, 3, tzinfo=WIB)
    assert one("20 Desember", "id", jan_3).when.date() == date(2024, 12, 20)
    assert one("5 Januari", "id", datetime(2024, 12, 30, tzinfo=WIB)).when.date() == date(2025, 1, 5)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("31/02/2024", "id"),  # no such day
        ("24/7", "en"),  # a short fraction-like pair only counts right after a weekday
        ("10.000-12.000 tentara", "id"),
        ("14.05 WIB", "id"),
        ("awal 1950-an", "id"),
        ("2022", "id"),  # a bare year needs a prefix
        ("the 1990s", "en"),
        ("may be", "en"),
        ("12 mei", "id"),  # month names are capitalised
    ],
)
def test_not_time_expressions(text: str, lang: str) -> None:
    assert times(text, lang, MON_4_NOV) == [], [t.text for t in times(text, lang, MON_4_NOV)]


# --------------------------------------------------------------------------- months and years


@pytest.mark.parametrize(
    ("text", "lang", "pub", "expected"),
    [
        ("yang dimulai pada bulan Agustus", "id", MON_4_NOV, date(2024, 8, 1)),
        ("Pada Juni, kedua negara", "id", FRI_25_OCT, date(2024, 6, 1)),
        ("terakhir kali pada bulan Januari", "id", MON_4_NOV, date(2024, 1, 1)),
        ("pada bulan November", "id", MON_4_NOV, date(2024, 11, 1)),  # this month counts
        ("pada bulan Desember", "id", MON_4_NOV, date(2023, 12, 1)),  # not in the future
        ("Agustus lalu", "id", MON_4_NOV, date(2024, 8, 1)),
        ("November lalu", "id", MON_4_NOV, date(2023, 11, 1)),
        ("Desember tahun lalu", "id", MON_4_NOV, date(2023, 12, 1)),
        ("in August", "en", MON_28_APR, date(2024, 8, 1)),
        ("in May", "en", MON_28_APR, date(2024, 5, 1)),
        ("last August", "en", MON_28_APR, date(2024, 8, 1)),
        ("in August last year", "en", MON_28_APR, date(2024, 8, 1)),
        ("next June", "en", MON_28_APR, date(2025, 6, 1)),
    ],
)
def test_months(text: str, lang: str, pub: datetime, expected: date) -> None:
    assert day_of(one(text, lang, pub)) == (expected, "month")


@pytest.mark.parametrize(
    ("text", "lang", "expected", "precision"),
    [
        ("ditandatangani pada Juni 2024", "id", date(2024, 6, 1), "month"),
        ("signed in June 2024", "en", date(2024, 6, 1), "month"),
        ("diluncurkan pada tahun 2022", "id", date(2022, 1, 1), "year"),
        ("invasi pada 2022", "id", date(2022, 1, 1), "year"),
        ("sejak 2014", "id", date(2014, 1, 1), "year"),
        ("in 2022", "en", date(2022, 1, 1), "year"),
        ("since 2014", "en", date(2014, 1, 1), "year"),
    ],
)
def test_years(text: str, lang: str, expected: date, precision: str) -> None:
    assert day_of(one(text, lang, MON_28_APR)) == (expected, precision)


# --------------------------------------------------------------------------- relative


@pytest.mark.parametrize(
    ("text", "lang", "pub", "expected", "precision"),
    [
        ("Hari ini adalah hari libur nasional", "id", MON_4_NOV, date(2024, 11, 4), "day"),
        ("kemarin", "id", MON_4_NOV, date(2024, 11, 3), "day"),
        ("kemarin lusa", "id", MON_4_NOV, date(2024, 11, 2), "day"),
        ("besok", "id", MON_4_NOV, date(2024, 11, 5), "day"),
        ("today", "en", MON_28_APR, date(2025, 4, 28), "day"),
        ("yesterday", "en", MON_28_APR, date(2025, 4, 27), "day"),
        ("the day before yesterday", "en", MON_28_APR, date(2025, 4, 26), "day"),
        ("Putin pekan lalu tidak menyangkal", "id", MON_4_NOV, date(2024, 10, 28), "week"),
        ("minggu lalu", "id", MON_4_NOV, date(2024, 10, 28), "week"),
        ("Minggu lalu, Putin berkata", "id", MON_4_NOV, date(2024, 10, 28), "week"),
        ("last week", "en", MON_28_APR, date(2025, 4, 21), "week"),
        ("pekan depan", "id", MON_4_NOV, date(2024, 11, 11), "week"),
        ("bulan lalu", "id", MON_4_NOV, date(2024, 10, 1), "month"),
        ("last month", "en", MON_28_APR, date(2025, 3, 1), "month"),
        ("bulan ini", "id", MON_4_NOV, date(2024, 11, 1), "month"),
        ("tahun lalu", "id", MON_28_APR, date(2024, 1, 1), "year"),
        ("last year", "en", MON_28_APR, date(2024, 1, 1), "year"),
        ("tahun ini", "id", MON_28_APR, date(2025, 1, 1), "year"),
        ("awal tahun ini", "id", MON_28_APR, date(2025, 1, 1), "month"),
        ("earlier this year", "en", MON_28_APR, date(2025, 1, 1), "month"),
        ("akhir tahun lalu", "id", MON_28_APR, date(2024, 10, 1), "month"),
        ("late last year", "en", MON_28_APR, date(2024, 10, 1), "month"),
        ("dua hari sebelumnya", "id", MON_28_APR, date(2025, 4, 26), "day"),
        ("two days earlier", "en", MON_28_APR, date(2025, 4, 26), "day"),
        ("two days ago", "en", MON_28_APR, date(2025, 4, 26), "day"),
        ("a day earlier", "en", MON_28_APR, date(2025, 4, 27), "day"),
        ("sehari sebelumnya", "id", MON_28_APR, date(2025, 4, 27), "day"),
        ("3 hari yang lalu", "id", MON_28_APR, date(2025, 4, 25), "day"),
        ("sepekan lalu", "id", MON_4_NOV, date(2024, 10, 28), "week"),
        ("tiga minggu lalu", "id", MON_4_NOV, date(2024, 10, 14), "week"),
        ("a week ago", "en", MON_28_APR, date(2025, 4, 21), "week"),
        ("tiga bulan lalu", "id", MON_4_NOV, date(2024, 8, 1), "month"),
        ("two years ago", "en", MON_28_APR, date(2023, 1, 1), "year"),
        ("dua hari lagi", "id", MON_4_NOV, date(2024, 11, 6), "day"),
    ],
)
def test_relative(text: str, lang: str, pub: datetime, expected: date, precision: str) -> None:
    assert day_of(one(text, lang, pub)) == (expected, precision)


def test_hari_minggu_lalu_is_sunday_not_last_week() -> None:
    t = one("Pada hari Minggu lalu ia datang", "id", MON_4_NOV)
    assert day_of(t) == (date(2024, 11, 3), "day")
    assert t.text == "Pada hari Minggu lalu"


def test_bare_unit_without_direction_is_not_a_time() -> None:
    assert times("selama tiga bulan tindakan aktif", "id", MON_4_NOV) == []
    assert times("for two years", "en", MON_28_APR) == []


# --------------------------------------------------------------------------- seasons


@pytest.mark.parametrize(
    ("text", "lang", "pub", "expected"),
    [
        # seed 004: published April 2025, "last autumn" = autumn 2024
        ("pada musim gugur lalu", "id", MON_28_APR, date(2024, 10, 1)),
        ("last fall", "en", MON_28_APR, date(2024, 10, 1)),
        ("last autumn", "en", MON_28_APR, date(2024, 10, 1)),
        # said in December, the autumn just ended is "last autumn"
        ("musim gugur lalu", "id", datetime(2024, 12, 10, tzinfo=WIB), date(2024, 10, 1)),
        # said during autumn, "last autumn" is the previous year's
        ("musim gugur lalu", "id", MON_4_NOV, date(2023, 10, 1)),
        # said before autumn
        ("musim gugur lalu", "id", datetime(2024, 7, 1, tzinfo=WIB), date(2023, 10, 1)),
        # seed 000: published November 2024, "this summer" = summer 2024
        ("selama kunjungan ke Korea Utara musim panas ini", "id", MON_4_NOV, date(2024, 7, 1)),
        ("this summer", "en", MON_28_APR, date(2025, 7, 1)),
        ("this winter", "en", datetime(2025, 1, 15, tzinfo=EDT), date(2025, 1, 1)),
        ("this winter", "en", datetime(2024, 12, 15, tzinfo=EDT), date(2025, 1, 1)),
        ("last winter", "en", MON_28_APR, date(2025, 1, 1)),
        ("next spring", "en", MON_28_APR, date(2026, 4, 1)),
        ("musim dingin mendatang", "id", MON_4_NOV, date(2025, 1, 1)),
    ],
)
def test_seasons(text: str, lang: str, pub: datetime, expected: date) -> None:
    assert day_of(one(text, lang, pub)) == (expected, "season")


def test_season_needs_a_direction() -> None:
    assert times("the fall of Kursk", "en", MON_28_APR) == []


# --------------------------------------------------------------------------- time zones


def test_when_keeps_the_publication_tzinfo_and_is_midnight() -> None:
    for pub in (MON_4_NOV, MON_28_APR):
        t = one("kemarin", "id", pub)
        assert t.when.tzinfo is pub.tzinfo
        assert (t.when.hour, t.when.minute) == (0, 0)


def test_local_date_decides_not_utc() -> None:
    # 01:00 in Jakarta on Tuesday is still Monday in UTC: "hari ini" is Tuesday locally
    pub = datetime(2024, 11, 5, 1, 0, tzinfo=WIB)
    assert one("hari ini", "id", pub).when.date() == date(2024, 11, 5)
    assert one("Senin", "id", pub).when.date() == date(2024, 11, 4)


# --------------------------------------------------------------------------- sentences


def test_sentence_with_several_dates_in_order() -> None:
    text = (
        "Dalam sebuah posting di akun Telegram resminya pada Kamis (24/10/2024), dinas "
        "intelijen mengatakan pasukan tersebut telah terlihat di Kursk pada Rabu "
        "(23/10/2024), dua hari setelah serangan pada Agustus."
    )
    found = times(text, "id", FRI_25_OCT)
    assert [(t.text, t.when.date(), t.precision) for t in found] == [
        ("pada Kamis (24/10/2024)", date(2024, 10, 24), "day"),
        ("pada Rabu (23/10/2024)", date(2024, 10, 23), "day"),
        ("pada Agustus", date(2024, 8, 1), "month"),
    ]
    for a, b in pairwise(found):
        assert a.end <= b.start
    for t in found:
        assert text[t.start : t.end] == t.text


def test_english_paragraph() -> None:
    text = (
        "Russia said two days earlier that its forces had fully retaken the Kursk region, "
        "which Ukrainian forces seized last year. North Korea sent troops last fall."
    )
    found = times(text, "en", MON_28_APR)
    assert [(t.text, t.when.date(), t.precision) for t in found] == [
        ("two days earlier", date(2025, 4, 26), "day"),
        ("last year", date(2024, 1, 1), "year"),
        ("last fall", date(2024, 10, 1), "season"),
    ]


# --------------------------------------------------------------------------- event time


def test_resolve_event_time_prefers_the_most_specific_mention() -> None:
    text = "Perjanjian pada bulan Juni ditandatangani, kata Putin pekan lalu pada hari Kamis."
    assert resolve_event_time(text, "id", MON_4_NOV) == datetime(2024, 10, 31, tzinfo=WIB)


def test_resolve_event_time_takes_the_first_among_equals() -> None:
    text = "pada Kamis (24/10/2024), terlihat di Kursk pada Rabu (23/10/2024)"
    assert resolve_event_time(text, "id", FRI_25_OCT) == datetime(2024, 10, 24, tzinfo=WIB)


def test_resolve_event_time_falls_back_to_publication() -> None:
    assert resolve_event_time("Tidak ada waktu di sini.", "id", MON_4_NOV) is MON_4_NOV
    assert resolve_event_time("Nothing here.", "xx-unknown", MON_4_NOV) is MON_4_NOV


def test_resolve_event_time_with_only_a_coarse_mention() -> None:
    assert resolve_event_time("tahun lalu", "id", MON_4_NOV) == datetime(2023, 1, 1, tzinfo=WIB)


def test_mentions_are_frozen() -> None:
    t = one("kemarin", "id", MON_4_NOV)
    with pytest.raises(AttributeError):
        t.precision = "year"  # type: ignore[misc]


# --------------------------------------------------------------------------- data-driven


@pytest.fixture
def fake_language(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A third language given only as data, as lang/<code>/time.yaml would give it."""
    data: dict[str, Any] = {
        "numbers": {"words": {"units": {"deux": 2, "trois": 3}}},
        "time": {
            "name_case": "any",  # French writes day and month names in lower case
            "weekdays": {"lundi": 0, "mardi": 1, "dimanche": 6},
            "months": {"août": 8, "novembre": 11},
            "prefixes": ["le", "en"],
            "year_prefixes": ["en"],
            "markers": {"past": {"before": [], "after": ["dernier", "dernière"]}},
            "days": {"hier": -1, "aujourd'hui": 0},
            "periods": {"semaine": "week", "année": "year"},
            "counted": {"units": {"jours": "day"}, "ago": [], "later": []},
            "seasons": {"automne": "autumn"},
            "season_calendar": {"autumn": [9, 10, 11]},
        },
    }
    real = load_lang

    def fake(code: str) -> dict[str, Any]:
        return data if code == "xx" else real(code)

    monkeypatch.setattr("streams.core.lang.time.load_lang", fake)
    clear_caches()
    yield
    clear_caches()


@pytest.mark.usefixtures("fake_language")
def test_a_third_language_needs_only_data() -> None:
    text = "hier, le mardi, la semaine dernière, en août, le 4 novembre 2024, en 2022, l'automne dernier"
    got = [(t.text, t.when.date(), t.precision) for t in find_times(text, "xx", MON_28_APR)]
    assert got == [
        ("hier", date(2025, 4, 27), "day"),
        ("le mardi", date(2025, 4, 22), "day"),
        ("semaine dernière", date(2025, 4, 21), "week"),
        ("en août", date(2024, 8, 1), "month"),
        ("le 4 novembre 2024", date(2024, 11, 4), "day"),
        ("en 2022", date(2022, 1, 1), "year"),
        ("automne dernier", date(2024, 10, 1), "season"),
    ]


# --------------------------------------------------------------------------- robustness


_SOUP = (
    "Senin Minggu minggu lalu pekan bulan tahun ini depan kemarin hari pada 2024 "
    "24/10/2024 31/02/2024 (28/10) 4 November Okt. 0000-00-00 99/99/9999 musim gugur "
    "panas last this next week month year ago earlier two dua 999 days Monday May "
    "in on since the 4th of fall autumn ſunday KEMARIN awal akhir early late"
)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_random_token_soup_never_breaks_the_invariants(lang: str) -> None:
    pool = _SOUP.split()
    rnd = random.Random(11)
    for _ in range(400):
        text = " ".join(rnd.choice(pool) for _ in range(rnd.randint(1, 20)))
        last_end = 0
        for t in find_times(text, lang, MON_4_NOV):
            assert text[t.start : t.end] == t.text
            assert t.start >= last_end
            last_end = t.end
            assert t.precision in ("day", "week", "month", "season", "year")
            assert t.when.tzinfo is MON_4_NOV.tzinfo
