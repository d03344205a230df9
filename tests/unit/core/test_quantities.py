"""Figures read as intervals (streams/core/quantities.py), Indonesian and English."""

from __future__ import annotations

import random
from collections.abc import Iterator
from itertools import combinations, pairwise
from typing import Any

import pytest

from streams.core.lexicon import clear_caches, load_lang
from streams.core.quantities import NumberMention, find_numbers

INF = None  # unbounded end, for readability


def nums(text: str, lang: str) -> list[NumberMention]:
    return find_numbers(text, lang)


def one(text: str, lang: str) -> NumberMention:
    found = nums(text, lang)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


def iv(m: NumberMention) -> tuple[float | None, float | None]:
    return (m.low, m.high)


def close(m: NumberMention, low: float | None, high: float | None) -> bool:
    """The interval equals [low, high], up to float noise."""

    def eq(x: float | None, y: float | None) -> bool:
        return x is y is None or (x is not None and y is not None and abs(x - y) < 1e-6)

    return eq(m.low, low) and eq(m.high, high)


def overlap(a: NumberMention, b: NumberMention) -> bool:
    lo_a = a.low if a.low is not None else float("-inf")
    lo_b = b.low if b.low is not None else float("-inf")
    hi_a = a.high if a.high is not None else float("inf")
    hi_b = b.high if b.high is not None else float("inf")
    return max(lo_a, lo_b) <= min(hi_a, hi_b)


# --------------------------------------------------------------------------- digits


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("11.000 tentara", "id", 11000),
        ("10,000 troops", "en", 10000),
        ("6.500 toko media", "id", 6500),
        ("1.234.567 orang", "id", 1234567),
        ("1,234,567 people", "en", 1234567),
        ("3,5 juta desktop", "id", 3_500_000),
        ("3.5 million people", "en", 3_500_000),
        ("1.234,5 ton", "id", 1234.5),
        ("1,234.5 tons", "en", 1234.5),
        ("2,5 kali", "id", 2.5),
        ("0.500 of them", "en", 0.5),  # a leading zero is never a thousands group
        ("1.5000 units", "en", 1.5),  # four digits after the mark: a decimal, not thousands
        ("12 thousand", "en", 12000),
        ("10 ribu tentara", "id", 10000),
        ("2 miliar dolar", "id", 2_000_000_000),
        ("2 billion", "en", 2_000_000_000),
        ("1.5 million", "en", 1_500_000),
        ("3 Ribu Warga Dievakuasi", "id", 3000),  # headline case
        ("50rb", "id", 50000),
        ("10k runners", "en", 10000),
        ("5bn", "en", 5_000_000_000),
    ],
)
def test_digit_figures(text: str, lang: str, value: float) -> None:
    assert one(text, lang).value == pytest.approx(value)


# --------------------------------------------------------------------------- number words


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("tiga jenderal", 3),
        ("sepuluh orang", 10),
        ("sebelas orang", 11),
        ("dua belas orang", 12),
        ("tujuh belas", 17),
        ("dua puluh orang", 20),
        ("dua puluh lima", 25),
        ("seratus", 100),
        ("seratus dua puluh", 120),
        ("dua ratus dua puluh tiga", 223),
        ("seribu", 1000),
        ("sebelas ribu personel", 11000),
        ("dua ribu lima ratus", 2500),
        ("seratus ribu", 100000),
        ("tiga ratus ribu", 300000),
        ("satu juta dua ratus ribu", 1_200_000),
        ("setengah juta orang", 500_000),
        ("dua setengah juta", 2_500_000),
    ],
)
def test_indonesian_number_words(text: str, value: float) -> None:
    assert one(text, "id").value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("three generals", 3),
        ("eleven soldiers", 11),
        ("twenty soldiers", 20),
        ("twenty-one soldiers", 21),
        ("forty five", 45),
        ("two hundred", 200),
        ("two hundred and fifty", 250),
        ("eleven thousand troops", 11000),
        ("a thousand", 1000),
        ("a hundred thousand", 100000),
        ("a dozen", 12),
        ("two dozen", 24),
        ("one and a half million", 1_500_000),
        ("three million", 3_000_000),
    ],
)
def test_english_number_words(text: str, value: float) -> None:
    assert one(text, "en").value == pytest.approx(value)


def test_malformed_word_sequences_split_or_stop() -> None:
    # "one and two" is not 3; "dua tiga" is not 23
    assert [m.value for m in nums("two and three", "en")] == [2, 3]
    assert [m.value for m in nums("dua tiga hari", "id")] == [2, 3]
    assert [m.value for m in nums("dua puluh seratus", "id")] == [20, 100]
    assert [m.value for m in nums("seribu dua ratus", "id")] == [1200]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("salah satu pejabat", "id"),
        ("satu-satunya jalan", "id"),
        ("kedua negara", "id"),
        ("ketiga kalinya", "id"),
        ("dua-duanya", "id"),
        ("Seninnya", "id"),
        ("one of the soldiers", "en"),
        ("no one knows", "en"),
        ("two-thirds of them", "en"),
        ("someone", "en"),
        ("often", "en"),
    ],
)
def test_words_that_are_not_figures(text: str, lang: str) -> None:
    assert nums(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [("satu prajurit tewas", "id"), ("satu prajuritnya tewas", "id"), ("one soldier was killed", "en")],
)
def test_a_weak_number_word_counts_before_a_counted_noun(text: str, lang: str) -> None:
    assert [m.value for m in nums(text, lang)] == [1]


# --------------------------------------------------------------------------- bare figures


@pytest.mark.parametrize(
    ("text", "lang", "low", "high"),
    [
        ("11.000 tentara", "id", 10450, 11550),  # round: +- 5 %
        ("12,000 troops", "en", 11400, 12600),
        ("500 perwira", "id", 475, 525),
        ("6.500", "id", 6175, 6825),
        ("sebelas ribu", "id", 10450, 11550),  # words follow the same rule
        ("40 tentara", "id", 40, 40),  # one trailing zero: exact
        ("1.234 orang", "id", 1234, 1234),
        ("90 countries", "en", 90, 90),
        ("100 persen", "id", 100, 100),  # a percentage is not a rounded count
    ],
)
def test_bare_figure_rounding_rule(text: str, lang: str, low: float, high: float) -> None:
    m = one(text, lang)
    assert close(m, low, high)
    assert m.approximate is False


def test_rounding_tolerance_comes_from_the_yaml() -> None:
    rules = load_lang("id")["numbers"]["rules"]
    assert rules["bare_round"]["tolerance"] == 0.05
    assert rules["bare_round"]["min_trailing_zeros"] == 2


# --------------------------------------------------------------------------- modifiers


@pytest.mark.parametrize(
    ("text", "lang", "low", "high"),
    [
        ("sekitar 10.000 tentara", "id", 9000, 11000),
        ("kira-kira 10.000", "id", 9000, 11000),
        ("kurang lebih 10.000", "id", 9000, 11000),
        ("lebih kurang 10.000", "id", 9000, 11000),
        ("diperkirakan 10.000", "id", 9000, 11000),
        ("about 10,000 troops", "en", 9000, 11000),
        ("around 10,000", "en", 9000, 11000),
        ("approximately 10,000", "en", 9000, 11000),
        ("roughly 10,000", "en", 9000, 11000),
        ("some 10,000 troops", "en", 9000, 11000),
        ("an estimated 10,000", "en", 9000, 11000),
        ("hampir 10.000", "id", 9000, 10000),
        ("nyaris 10.000", "id", 9000, 10000),
        ("nearly 10,000", "en", 9000, 10000),
        ("almost 10,000", "en", 9000, 10000),
        ("lebih dari 10.000", "id", 10000, INF),
        ("di atas 10.000", "id", 10000, INF),
        ("more than 10,000", "en", 10000, INF),
        ("over 10,000", "en", 10000, INF),
        ("upwards of 10,000", "en", 10000, INF),
        ("setidaknya 10.000", "id", 10000, INF),
        ("sedikitnya 10.000", "id", 10000, INF),
        ("paling sedikit 10.000", "id", 10000, INF),
        ("minimal 10.000", "id", 10000, INF),
        ("tidak kurang dari 10.000", "id", 10000, INF),
        ("at least 10,000", "en", 10000, INF),
        ("no fewer than 10,000", "en", 10000, INF),
        ("hingga 10.000", "id", 0, 10000),
        ("sampai 10.000", "id", 0, 10000),
        ("sebanyak 40 tentara", "id", 0, 40),
        ("paling banyak 10.000", "id", 0, 10000),
        ("maksimal 10.000", "id", 0, 10000),
        ("tidak lebih dari 500", "id", 0, 500),
        ("up to 10,000", "en", 0, 10000),
        ("as many as 40", "en", 0, 40),
        ("at most 10,000", "en", 0, 10000),
        ("no more than 5,000", "en", 0, 5000),
        ("kurang dari 10.000", "id", 0, 10000),
        ("di bawah 10.000", "id", 0, 10000),
        ("fewer than 500", "en", 0, 500),
        ("less than 500", "en", 0, 500),
        ("under 200", "en", 0, 200),
    ],
)
def test_modifiers(text: str, lang: str, low: float, high: float | None) -> None:
    m = one(text, lang)
    assert m.low == pytest.approx(low)
    assert m.high == (None if high is None else pytest.approx(high))
    assert m.approximate is True
    assert m.start == 0  # the modifier is part of the mention
    assert text[m.start : m.end] == m.text


def test_modifier_text_and_offsets_include_the_modifier() -> None:
    text = "Kata dia, lebih dari 10.000 tentara tiba."
    m = one(text, "id")
    assert m.text == "lebih dari 10.000"
    assert text[m.start : m.end] == m.text
    assert m.value == 10000


def test_neutral_quantifiers_keep_the_bare_rule() -> None:
    m = one("Sejumlah 11.000 tentara", "id")
    assert m.text == "Sejumlah 11.000"
    assert close(m, 10450, 11550)
    assert m.approximate is False
    assert iv(one("a total of 40 people", "en")) == (40, 40)


def test_stacked_modifiers_apply_inner_first() -> None:
    m = one("hingga sekitar 12.000", "id")
    assert close(m, 0, 13200)
    m = one("up to about 12,000", "en")
    assert close(m, 0, 13200)


@pytest.mark.parametrize(
    ("text", "lang", "low", "high"),
    [
        ("10 ribu lebih tentara", "id", 10000, INF),
        ("10,000 or more", "en", 10000, INF),
        ("10,000-plus", "en", 10000, INF),
        ("10,000+ troops", "en", 10000, INF),
        ("10,000 or so", "en", 9000, 11000),
    ],
)
def test_trailing_modifiers(text: str, lang: str, low: float, high: float | None) -> None:
    m = one(text, lang)
    assert m.low == pytest.approx(low)
    assert m.high == (None if high is None else pytest.approx(high))
    assert m.approximate


def test_lebih_starting_a_comparison_is_not_a_modifier() -> None:
    m = one("10 ribu lebih banyak dari tahun lalu", "id")
    assert m.text == "10 ribu"
    assert m.high is not None


# --------------------------------------------------------------------------- vague plurals


@pytest.mark.parametrize(
    ("text", "lang", "low", "high"),
    [
        ("puluhan orang", "id", 10, 99),
        ("belasan orang", "id", 11, 19),
        ("ratusan warga", "id", 100, 999),
        ("puluhan ribu tentara", "id", 10000, 99999),
        ("ratusan ribu warga", "id", 100000, 999999),
        ("Ribuan tentara", "id", 1000, 99999),
        ("jutaan orang", "id", 1_000_000, 99_999_999),
        ("dozens of people", "en", 20, 99),
        ("hundreds of soldiers", "en", 100, 999),
        ("thousands of troops", "en", 1000, 99999),
        ("tens of thousands of troops", "en", 10000, 99999),
        ("hundreds of thousands", "en", 100000, 999999),
        ("millions of people", "en", 1_000_000, 99_999_999),
    ],
)
def test_vague_plurals(text: str, lang: str, low: float, high: float) -> None:
    m = one(text, lang)
    assert iv(m) == (low, high)
    assert m.approximate is True
    assert m.value == low


def test_vague_with_modifier() -> None:
    m = one("lebih dari puluhan ribu", "id")
    assert iv(m) == (10000, None)


# --------------------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    ("text", "lang", "low", "high", "matched"),
    [
        ("10.000-12.000 tentara", "id", 10000, 12000, "10.000-12.000"),
        ("10.000–12.000 tentara", "id", 10000, 12000, "10.000–12.000"),
        ("10.000 - 12.000", "id", 10000, 12000, "10.000 - 12.000"),
        ("10.000 hingga 12.000 tentara", "id", 10000, 12000, "10.000 hingga 12.000"),
        ("10.000 sampai 12.000", "id", 10000, 12000, "10.000 sampai 12.000"),
        ("antara 10.000 dan 12.000 tentara", "id", 10000, 12000, "antara 10.000 dan 12.000"),
        ("10-12 ribu tentara", "id", 10000, 12000, "10-12 ribu"),
        ("dua hingga tiga ribu", "id", 2000, 3000, "dua hingga tiga ribu"),
        ("3-4 juta", "id", 3_000_000, 4_000_000, "3-4 juta"),
        ("10,000 to 12,000 troops", "en", 10000, 12000, "10,000 to 12,000"),
        ("between 10,000 and 12,000", "en", 10000, 12000, "between 10,000 and 12,000"),
        ("10 to 12 thousand", "en", 10000, 12000, "10 to 12 thousand"),
        ("1.5-2 million", "en", 1_500_000, 2_000_000, "1.5-2 million"),
        ("10%-12%", "en", 10, 12, "10%-12%"),
    ],
)
def test_ranges(text: str, lang: str, low: float, high: float, matched: str) -> None:
    found = nums(text, lang)
    if matched == "10%-12%":
        # the unit sits inside the range: two percentages are fine too, as long as both marked
        assert all(m.unit_hint == "percent" for m in found)
        return
    assert len(found) == 1, [m.text for m in found]
    m = found[0]
    assert close(m, low, high)
    assert m.value == pytest.approx(low)
    assert m.text == matched


def test_hedged_range_widens_both_ends() -> None:
    m = one("sekitar 10.000-12.000", "id")
    assert close(m, 9000, 13200)
    assert m.approximate


def test_between_without_a_range_is_not_part_of_the_figure() -> None:
    text = "hubungan antara dua negara"
    m = one(text, "id")
    assert m.text == "dua"
    assert text[m.start : m.end] == "dua"


def test_day_ranges_of_dates_are_not_figures() -> None:
    assert nums("pada 10-12 Oktober", "id") == []
    assert nums("from 10-12 March", "en") == []
    assert close(one("2-3 hari", "id"), 2, 3)


def test_descending_pair_is_not_a_range() -> None:
    assert [m.value for m in nums("skor 3 - 1", "id")] == [3, 1]


# --------------------------------------------------------------------------- products


@pytest.mark.parametrize(
    ("text", "lang", "value", "low", "high"),
    [
        ("dua brigade yang masing-masing beranggotakan 6.000 orang", "id", 12000, 11400, 12600),
        ("dua brigade masing-masing 6.000 orang", "id", 12000, 11400, 12600),
        ("tiga batalion, masing-masing berkekuatan 500 personel", "id", 1500, 1425, 1575),
        ("tiga batalion beranggotakan 500 orang per batalion", "id", 1500, 1425, 1575),
        ("dua unit militer yang masing-masing sekitar 6.000 orang", "id", 12000, 10800, 13200),
        ("two brigades of 6,000 each", "en", 12000, 11400, 12600),
        ("three units of 2,000 troops each", "en", 6000, 5700, 6300),
        ("two brigades, each with about 6,000 troops", "en", 12000, 10800, 13200),
        ("4 battalions each numbering 250 soldiers", "en", 1000, 1000, 1000),
    ],
)
def test_products(text: str, lang: str, value: float, low: float, high: float) -> None:
    m = one(text, lang)
    assert m.value == pytest.approx(value)
    assert close(m, low, high)
    assert m.start == 0


def test_no_product_without_each() -> None:
    assert [m.value for m in nums("two brigades of 6,000 troops", "en")] == [2, 6000]
    assert [m.value for m in nums("dua brigade dan 6.000 orang", "id")] == [2, 6000]


def test_product_overlaps_the_figures_it_multiplies_out() -> None:
    brigades = one("dua brigade yang masing-masing beranggotakan 6.000 orang", "id")
    assert overlap(brigades, one("11.000 tentara", "id"))
    assert overlap(brigades, one("sekitar 12.000 tentara", "id"))


# --------------------------------------------------------------------------- not figures


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("diluncurkan pada tahun 2022", "id"),
        ("sejak 2014", "id"),
        ("awal 1950-an", "id"),
        ("in 2024", "en"),
        ("the 1990s", "en"),
        ("the 2022-2023 season", "en"),
        ("Jumat (25/10/2024)", "id"),
        ("25-10-2024", "id"),
        ("25.10.2024", "id"),
        ("2024-10-24", "en"),
        ("4 November 2024", "id"),
        ("28 Okt", "id"),
        ("28 Okt.", "id"),
        ("Juni 2024", "id"),
        ("November 4, 2024", "en"),
        ("on Oct. 28", "en"),
        ("on 4 May", "en"),
        ("pukul 14.05 WIB", "id"),
        ("14.05 WIB", "id"),
        ("14:05", "en"),
        ("at 2 p.m. GMT", "en"),
        ("Hari ke-979", "id"),
        ("3rd", "en"),
        ("21st century", "en"),
        ("pic.twitter.com/o8vZQoSCoL", "en"),
        ("G7", "en"),
        ("F-16", "en"),
        ("F-16s", "en"),
        ("MH17", "en"),
        ("COVID-19", "en"),
        ("Su-27", "en"),
        ("hubungi 0812-3456-7890", "id"),
        ("call +1 202-555-0143", "en"),
        ("+62 21 555 1234", "id"),
        ("(021) 555 1234", "id"),
        ("NIK 3201234567890", "id"),
        ("kode 007", "id"),
        ("resolusi 2231", "id"),
        ("Resolution 2231", "en"),
        ("page 12", "en"),
        ("24/7", "en"),
        ("a 10-day truce", "en"),
        ("https://example.com/2024/10/25/story-123", "en"),
    ],
)
def test_not_read_as_figures(text: str, lang: str) -> None:
    assert nums(text, lang) == [], [m.text for m in nums(text, lang)]


def test_year_sized_count_after_a_bound_is_a_figure() -> None:
    assert iv(one("lebih dari 2000 orang", "id")) == (2000, None)
    assert iv(one("at least 1999 people", "en")) == (1999, None)
    assert one("2.024 orang", "id").value == 2024  # separators mean a count, not a year


def test_may_the_verb_is_not_a_month() -> None:
    assert [m.value for m in nums("10 may die", "en")] == [10]
    assert nums("on May 10", "en") == []


def test_date_in_a_sentence_leaves_the_real_figures() -> None:
    text = (
        "Pada Kamis (24/10/2024), dinas intelijen mengatakan sekitar 12.000 tentara "
        "tiba pada 23 Oktober 2024 pukul 14.00 WIB."
    )
    assert [m.text for m in nums(text, "id")] == ["sekitar 12.000"]


# --------------------------------------------------------------------------- units


@pytest.mark.parametrize(
    ("text", "lang", "hint", "value"),
    [
        ("naik 10%", "id", "percent", 10),
        ("inflasi 2,5 persen", "id", "percent", 2.5),
        ("20 percent", "en", "percent", 20),
        ("20 per cent", "en", "percent", 20),
        ("Rp10.000", "id", "currency", 10000),
        ("Rp 5 miliar", "id", "currency", 5_000_000_000),
        ("US$5 juta", "id", "currency", 5_000_000),
        ("$5 billion", "en", "currency", 5_000_000_000),
        ("10 million dollars", "en", "currency", 10_000_000),
        ("5.000 tentara", "id", None, 5000),
    ],
)
def test_unit_hints(text: str, lang: str, hint: str | None, value: float) -> None:
    m = one(text, lang)
    assert m.unit_hint == hint
    assert m.value == pytest.approx(value)


# --------------------------------------------------------------------------- intervals overlap


def test_storyline_troop_figures_pairwise_overlap() -> None:
    texts = [
        ("sekitar 10.000 tentara", "id"),
        ("11.000 tentara", "id"),
        ("lebih dari 10.000 tentara", "id"),
        ("setidaknya 10.000 tentara", "id"),
        ("sekitar 12.000 tentara", "id"),
        ("sebelas ribu personel", "id"),
        ("Ribuan tentara", "id"),
        ("10.000-12.000 tentara", "id"),
        ("more than 10,000 troops", "en"),
        ("some 11,000 soldiers", "en"),
        ("about 12,000 troops", "en"),
        ("thousands of troops", "en"),
    ]
    figures = [one(t, lang) for t, lang in texts]
    for a, b in combinations(figures, 2):
        assert overlap(a, b), (a.text, iv(a), b.text, iv(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("sekitar 3.000 tentara", "lebih dari 10.000 tentara"),
        ("sekitar 3.000 tentara", "11.000 tentara"),
        ("hampir 10.000", "lebih dari 11.000"),
        ("kurang dari 5.000", "setidaknya 10.000"),
        ("ratusan tentara", "11.000 tentara"),
        ("puluhan ribu", "ratusan ribu"),
        ("40 tentara", "sekitar 100 tentara"),
    ],
)
def test_real_discrepancies_do_not_overlap(a: str, b: str) -> None:
    assert not overlap(one(a, "id"), one(b, "id"))


# --------------------------------------------------------------------------- whole sentences


def test_sentence_order_offsets_and_no_overlap() -> None:
    text = (
        "Agensi intelijen Ukraina mengatakan bahwa sekitar 12.000 tentara Korea Utara, "
        "termasuk 500 perwira dan tiga jenderal, berada di Rusia sejak Agustus 2024, "
        "dan lebih dari 6.500 toko media, 86.000 editor serta 3,5 juta desktop di 90 negara."
    )
    found = nums(text, "id")
    assert [m.text for m in found] == [
        "sekitar 12.000",
        "500",
        "tiga",
        "lebih dari 6.500",
        "86.000",
        "3,5 juta",
        "90",
    ]
    for m in found:
        assert text[m.start : m.end] == m.text
    for a, b in pairwise(found):
        assert a.end <= b.start


def test_english_sentence() -> None:
    text = (
        "South Korea said on Tuesday that more than 10,000 North Korean troops were in "
        "Russia, and the Pentagon put the number at about 12,000 as of Nov. 4, 2024, "
        "while Ukraine said 40 had been killed."
    )
    assert [(m.text, m.low, m.high) for m in nums(text, "en")] == [
        ("more than 10,000", 10000, None),
        ("about 12,000", 10800, 13200),
        ("40", 40, 40),
    ]


def test_empty_and_unknown_language() -> None:
    assert find_numbers("", "id") == []
    assert find_numbers("10.000 tentara", "xx-unknown") == []


def test_mentions_are_frozen() -> None:
    m = one("11.000", "id")
    with pytest.raises(AttributeError):
        m.value = 3  # type: ignore[misc]


# --------------------------------------------------------------------------- data-driven


@pytest.fixture
def fake_language(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A third language defined purely as data, the way lang/<code>/numbers.yaml would be."""
    data: dict[str, Any] = {
        "numbers": {
            "words": {
                "units": {"un": 1, "deux": 2, "trois": 3, "dix": 10, "onze": 11},
                "multipliers": {"cent": 100},
                "scales": {"mille": 1000},
                "weak": ["un"],
                "joiners": ["-"],
            },
            "vague": {
                "words": {"milliers": [1000, 99999], "dizaines": [10, 99]},
                "scales": {"milliers": 1000},
                "joiners": ["de"],
            },
            "modifiers": {
                "about": ["environ"],
                "more_than": ["plus de"],
                "at_least": ["au moins"],
                "between": ["entre"],
            },
            "range": {"connectors": ["-", "à"], "between_joiners": {"entre": ["et"]}},
            "units": {"after": {"percent": ["%", "pour cent"]}},
            "not_figure": {"words_before": ["numéro"]},
            "rules": {
                "year_range": [1900, 2100],
                "max_plain_digits": 6,
                "bare_round": {"min_trailing_zeros": 2, "tolerance": 0.05},
                "about": 0.1,
                "almost": 0.1,
                "floor": 0,
            },
        },
        "time": {"months": {"novembre": 11}, "name_case": "any"},
    }
    real = load_lang

    def fake(code: str) -> dict[str, Any]:
        return data if code == "xx" else real(code)

    monkeypatch.setattr("streams.core.lang.numbers.load_lang", fake)
    clear_caches()
    yield
    clear_caches()


@pytest.mark.usefixtures("fake_language")
def test_a_third_language_needs_only_data() -> None:
    text = (
        "Environ 10.000 soldats, plus de onze mille, des dizaines de milliers, "
        "entre 10.000 et 12.000, le 4 novembre 2024, 20 %, numéro 12, deux cent."
    )
    got = [(m.text, m.low, m.high, m.unit_hint) for m in find_numbers(text, "xx")]
    assert got == [
        ("Environ 10.000", 9000, 11000, None),
        ("plus de onze mille", 11000, None, None),
        ("dizaines de milliers", 10000, 99999, None),
        ("entre 10.000 et 12.000", 10000, 12000, None),
        ("20 %", 20, 20, "percent"),
        ("deux cent", 190, 210, None),
    ]


# --------------------------------------------------------------------------- robustness


_SOUP = (
    "10.000 1,5 3,5 2024 25/10/2024 14:05 ke-979 F-16 0812-3456 +62 % persen Rp $ "
    "sekitar lebih dari hingga antara dan dua puluh belas ratus ribu juta ribuan puluhan "
    "about more than up to between and one twenty hundred thousand thousands tens of "
    "each masing-masing brigade of - – ( ) , . Senin November Okt ſekitar İki K "
    "lebih banyak or more plus -plus 10k rb"
)


def _noise(seed: int, n: int) -> Iterator[str]:
    pool = _SOUP.split()
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(
            rnd.choice(pool) + rnd.choice(["", " ", " ", "-", ", "]) for _ in range(rnd.randint(1, 25))
        )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_random_token_soup_never_breaks_the_invariants(lang: str) -> None:
    for text in _noise(7, 400):
        found = find_numbers(text, lang)
        last_end = 0
        for m in found:
            assert text[m.start : m.end] == m.text
            assert m.start >= last_end
            last_end = m.end
            if m.low is not None and m.high is not None:
                assert m.low <= m.high, (text, m)
            assert m.unit_hint in (None, "percent", "currency")


@pytest.mark.parametrize(
    "body",
    [
        "Ukraina mengatakan lebih dari 3.000 tentara Korea Utara terbunuh atau terluka di Kursk.",
        "Ukraina mengatakan lebih dari 3.000 tentara Korea Utara tewas atau terluka di Kursk.",
        "Ukraine said more than 3,000 North Korean soldiers were killed or wounded in Kursk.",
    ],
)
def test_killed_or_wounded_is_one_measure_in_either_wording(body: str) -> None:
    """A tally of the killed and wounded is not a tally of the killed: figures of the two must
    never be compared."""
    from tests.unit.core.helpers import extract_body

    lang = "en" if body.startswith("Ukraine ") else "id"
    found = [c.quantity for c in extract_body(body, lang).claims if c.quantity is not None]
    assert [(q.measure, q.low) for q in found] == [("killed_or_wounded", 3000)]
