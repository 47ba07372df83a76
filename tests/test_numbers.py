"""Indonesian number parsing and formatting."""

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from psm_analysis.errors import DataError
from psm_analysis.numbers import (
    ParsedNumber,
    format_number,
    format_percent,
    parse_number,
    parse_series,
    tick_formatter,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.250", ParsedNumber(1250)),
        ("1250", ParsedNumber(1250)),
        ("1.250.000", ParsedNumber(1250000)),
        ("12,5", ParsedNumber(12.5)),
        ("1.250,75", ParsedNumber(1250.75)),
        ("0,125", ParsedNumber(0.125)),
        ("1250,500", ParsedNumber(1250.5)),
        ("66,67%", ParsedNumber(66.67, percent=True)),
        ("66,67 %", ParsedNumber(66.67, percent=True)),
        ("120 orang", ParsedNumber(120, unit="orang")),
        ("130 kelompok", ParsedNumber(130, unit="kelompok")),
        ("1 organisasi", ParsedNumber(1, unit="organisasi")),
        ("2.500 jiwa", ParsedNumber(2500, unit="jiwa")),
        ("40 kk", ParsedNumber(40, unit="KK")),
        ("10 Desa", ParsedNumber(10, unit="desa")),
        ("-5", ParsedNumber(-5)),
        ("\u22125,5", ParsedNumber(-5.5)),
        ("-", ParsedNumber(0, nil=True)),
        ("\u2013", ParsedNumber(0, nil=True)),
        ("\u2014", ParsedNumber(0, nil=True)),
        (" - ", ParsedNumber(0, nil=True)),
        ("- orang", ParsedNumber(0, unit="orang", nil=True)),
        ("", ParsedNumber(None, na=True)),
        ("...", ParsedNumber(None, na=True)),
        ("\u2026", ParsedNumber(None, na=True)),
        (None, ParsedNumber(None, na=True)),
        (float("nan"), ParsedNumber(None, na=True)),
        (pd.NA, ParsedNumber(None, na=True)),
        (7, ParsedNumber(7)),
        (2.5, ParsedNumber(2.5)),
        # as Excel exports them: non-breaking spaces, rupiah amounts, "persen"
        ("\u00a01.250\u00a0", ParsedNumber(1250)),
        ("12,5\u00a0%", ParsedNumber(12.5, percent=True)),
        ("1.250\u00a0orang", ParsedNumber(1250, unit="orang")),
        ("Rp 1.250.000", ParsedNumber(1250000, unit="Rp")),
        ("Rp1.250", ParsedNumber(1250, unit="Rp")),
        ("Rp. 1.250.000,50", ParsedNumber(1250000.5, unit="Rp")),
        ("RP\u00a0750", ParsedNumber(750, unit="Rp")),
        ("12,5 persen", ParsedNumber(12.5, percent=True)),
        ("100 Persen", ParsedNumber(100, percent=True)),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


# BPS "Dalam Angka" tables print thousands separated by a (no-break, thin) space and put
# a marker after a number: "*" angka sementara, "r" angka revisi, "x", footnote digits.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 250", ParsedNumber(1250)),
        ("1\u00a0250", ParsedNumber(1250)),
        ("1\u2009250", ParsedNumber(1250)),
        ("1\u202f250", ParsedNumber(1250)),
        ("12 345 678", ParsedNumber(12345678)),
        ("1 250,5", ParsedNumber(1250.5)),
        ("1 250 orang", ParsedNumber(1250, unit="orang")),
        ("Rp 1 250 000", ParsedNumber(1250000, unit="Rp")),
        ("-1 250", ParsedNumber(-1250)),
        ("1.250*", ParsedNumber(1250, marker="*")),
        ("1 250 *", ParsedNumber(1250, marker="*")),
        ("1 250**", ParsedNumber(1250, marker="**")),
        ("125r", ParsedNumber(125, marker="r")),
        ("125 r", ParsedNumber(125, marker="r")),
        ("12x", ParsedNumber(12, marker="x")),
        ("125\u00b9", ParsedNumber(125, marker="1")),
        ("125 \u00b2", ParsedNumber(125, marker="2")),
        ("12,5\u00b3", ParsedNumber(12.5, marker="3")),
        ("12,5 %*", ParsedNumber(12.5, percent=True, marker="*")),
        ("120 orang*", ParsedNumber(120, unit="orang", marker="*")),
        ("-*", ParsedNumber(0, nil=True, marker="*")),
    ],
)
def test_bps_spaced_thousands_and_markers(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("12 5", "spasi di dalam angka bukan pemisah ribuan"),
        ("2017 2018", "spasi di dalam angka bukan pemisah ribuan"),
        ("0 250", "spasi di dalam angka bukan pemisah ribuan"),
        ("1 250.5", "angka ambigu: titik di sini bukan pemisah ribuan"),
        ("*", "bukan angka yang dikenali"),
        ("x", "bukan angka yang dikenali"),
        ("... *", "bukan angka yang dikenali"),
        ("12r*", "bukan angka yang dikenali"),
    ],
)
def test_bad_spacing_and_markers_without_a_number_are_errors(text, message):
    with pytest.raises(DataError) as err:
        parse_number(text, row=7, column="Jumlah")
    (p,) = err.value.problems
    assert (p.message, p.value, p.row) == (message, text, 7)
    if message.startswith("spasi"):
        assert p.expected == 'spasi hanya sebelum tiap tiga angka, mis. "1 250" atau "1.250"'


def test_ints_stay_ints_and_decimals_floats():
    assert isinstance(parse_number("1.250").value, int)
    assert isinstance(parse_number("1.250,0").value, float)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "1.25",
            "berkas t.xlsx, lembar 'Data', baris 7, kolom 'Jumlah': angka ambigu: titik di "
            'sini bukan pemisah ribuan: nilai "1.25" (yang diharapkan: "1,25" bila desimal; '
            'bila ribuan, titik tiap tiga angka (mis. "1.250"))',
        ),
        (
            "1,250",
            "berkas t.xlsx, lembar 'Data', baris 7, kolom 'Jumlah': angka ambigu: koma diikuti "
            "tepat tiga angka bisa pemisah ribuan (format Inggris) atau desimal: nilai "
            '"1,250" (yang diharapkan: "1.250" bila ribuan, "1,25" bila desimal)',
        ),
        (
            "1,250,000",
            "berkas t.xlsx, lembar 'Data', baris 7, kolom 'Jumlah': format angka Inggris "
            '(koma sebagai pemisah ribuan): nilai "1,250,000" (yang diharapkan: format '
            'Indonesia: "1.250.000")',
        ),
        (
            "5 ekor",
            "berkas t.xlsx, lembar 'Data', baris 7, kolom 'Jumlah': satuan tidak dikenali: "
            'nilai "5 ekor" (yang diharapkan: salah satu dari: orang, jiwa, KK, kelompok, '
            "organisasi, lembaga, desa, kelurahan, kecamatan, unit, kegiatan)",
        ),
        (
            "sepuluh",
            "berkas t.xlsx, lembar 'Data', baris 7, kolom 'Jumlah': bukan angka yang "
            'dikenali: nilai "sepuluh" (yang diharapkan: angka format Indonesia, mis. '
            '"1.250", "12,5", "66,67 %", "120 orang", "-" (nihil) atau kosong)',
        ),
    ],
)
def test_bad_and_ambiguous_numbers_name_the_cell(text, message):
    with pytest.raises(DataError) as err:
        parse_number(text, file="t.xlsx", sheet="Data", row=7, column="Jumlah")
    assert str(err.value) == message


@pytest.mark.parametrize(
    "text",
    [
        "12.5",
        "0.500",
        "1250.5",
        "12,345",
        "1,250.5",
        "1.25.000",
        "2017.",
        "12y",
        True,
        "Rp 1,250",
        "Rp 5 orang",
        "Rp 5 %",
        "Rp",
        "Rp -",
        "1\u00a0250\u00a05",
        "1.2.3",
        "1,2,3",
    ],
)
def test_ambiguous_or_bad_strings_are_never_guessed(text):
    with pytest.raises(DataError):
        parse_number(text)


def test_parse_series_collects_every_problem_with_excel_rows():
    s = pd.Series(["120 orang", "1.25", "-", "x"], name="Jumlah")
    with pytest.raises(DataError) as err:
        parse_series(s, file="a.csv")
    assert [(p.row, p.column, p.value) for p in err.value.problems] == [
        (3, "Jumlah", "1.25"),
        (5, "Jumlah", "x"),
    ]


def test_parse_series_types():
    out = parse_series(pd.Series(["1.250", "-", "", "4 kelompok"]))
    assert str(out["value"].dtype) == "Int64"
    assert out["value"].tolist()[:2] == [1250, 0]
    assert out["value"].isna().tolist() == [False, False, True, False]
    assert out["nil"].tolist() == [False, True, False, False]
    assert out["na"].tolist() == [False, False, True, False]
    assert out["unit"].tolist()[3] == "kelompok"
    assert out["marker"].isna().all()
    marked = parse_series(["1 250*", "12r", "7"])
    assert marked["value"].tolist() == [1250, 12, 7]
    assert marked["marker"].tolist()[:2] == ["*", "r"] and pd.isna(marked["marker"][2])
    assert str(parse_series(["1", "2,5"])["value"].dtype) == "Float64"


@pytest.mark.parametrize(
    ("x", "decimals", "text"),
    [
        (1250, None, "1.250"),
        (1250.0, None, "1.250"),
        (66.666, None, "66,67"),
        (12.5, None, "12,5"),
        (66.7, 2, "66,70"),
        (2.675, 2, "2,68"),  # half up on the decimal form, not binary rounding
        (-1234567.5, 2, "\u22121.234.567,50"),  # minus sign U+2212, not the hyphen
        (-5, None, "\u22125"),
        (-0.001, 2, "0,00"),
        (0, 0, "0"),
        (10**21, None, "1.000.000.000.000.000.000.000"),
        (None, None, ""),
        (float("nan"), 2, ""),
    ],
)
def test_format_number(x, decimals, text):
    assert format_number(x, decimals) == text


def test_one_rule_for_percentages_negatives_and_ranges():
    """Issue 21 item 7: every percentage with two decimals (a whole one keeps its ",00"),
    the minus sign U+2212 for negatives, the en dash U+2013 for ranges."""
    from psm_analysis.numbers import MINUS, PERCENT_DECIMALS, RANGE_DASH, format_range

    assert PERCENT_DECIMALS == 2
    assert format_percent(90) == "90,00 %"
    assert format_percent(100.0) == "100,00 %"
    assert format_percent(8.333333) == "8,33 %"
    assert format_percent(-12.5) == "\u221212,50 %"
    assert MINUS == "\u2212" and RANGE_DASH == "\u2013"
    assert format_range(1, 5) == "1\u20135"
    assert format_range(20, 46.6667, 2) == "20,00\u201346,67"
    assert "-" not in format_number(-0.5, 2)


def test_format_percent_and_ticks():
    assert format_percent(66.666) == "66,67 %"
    assert format_percent(50, 0) == "50 %"
    assert format_percent(None, na_rep="...") == "..."
    assert tick_formatter()(1250.0, 0) == "1.250"
    assert tick_formatter(1)(0.25) == "0,3"
    assert tick_formatter(percent=True, scale=100)(0.25) == "25 %"


@given(st.integers(min_value=-(10**30), max_value=10**30))
def test_roundtrip_integers(n):
    text = format_number(n)
    parsed = parse_number(text)
    assert parsed.value == n
    assert isinstance(parsed.value, int)


@given(st.integers(min_value=-(10**13), max_value=10**13))
def test_roundtrip_two_decimal_floats(cents):
    x = cents / 100
    parsed = parse_number(format_number(x, 2))
    assert parsed.value == x


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_roundtrip_percent(cents):
    x = cents / 100
    parsed = parse_number(format_percent(x))
    assert parsed.percent
    assert math.isclose(parsed.value, x, rel_tol=0, abs_tol=0)


def test_docstring_examples_of_the_data_modules():
    import doctest

    from psm_analysis import numbers, printed_table, psks, regions, text
    from psm_analysis.dinsos import checks, sources

    for module in (numbers, regions, psks, printed_table, sources, checks, text):
        result = doctest.testmod(module)
        assert result.failed == 0, module.__name__
    assert doctest.testmod(numbers).attempted >= 4


def test_formatters_never_raise_on_a_missing_or_infinite_number():
    # format_number used to raise decimal.InvalidOperation on +-inf, format_p a TypeError
    # on None (a Monte Carlo p that was not simulated) and on NaN
    import numpy as np
    import pandas as pd

    from psm_analysis.numbers import format_p, format_p_value

    for x in (float("inf"), float("-inf"), np.inf, -np.inf, float("nan"), None, pd.NA):
        assert format_number(x) == ""
        assert format_number(x, 2, na_rep="...") == "..."
        assert format_percent(x, na_rep="...") == "..."
        assert format_p_value(x, na_rep="...") == "..."
        assert format_p(x, na_rep="...") == "..."
        assert format_p(x) == ""
    assert format_p(0.04567) == "p = 0,0457" and format_p(4.8e-9) == "p < 0,0001"
    assert format_p(0.99999999) == "p > 0,9999"
    assert format_p(1 / 120, 4) == "p = 0,0083"


@given(
    st.integers(min_value=-(10**15), max_value=10**15),
    st.sampled_from([" ", "\u00a0", "\u2009", "\u202f"]),
    st.sampled_from(
        [("", None), ("*", "*"), (" r", "r"), ("x", "x"), ("\u00b9", "1"), (" \u00b2", "2")]
    ),
)
def test_roundtrip_space_grouped_with_marker(n, separator, marker):
    # format_number's dots swapped for the separators BPS prints, a BPS marker after
    written, kept = marker
    parsed = parse_number(format_number(n).replace(".", separator) + written)
    assert (parsed.value, parsed.marker) == (n, kept)
