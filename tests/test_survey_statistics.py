"""Scoring, categories, reliability and the group comparison against published and
hand-computed values; the modules' docstring examples run as doctests."""

from __future__ import annotations

import doctest
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from psm_analysis.survey import analysis, compare, reliability, scoring
from psm_analysis.survey.reliability import (
    SmallSampleWarning,
    critical_r,
    cronbach_alpha,
    item_analysis,
)

# pingouin's dataset ``cronbach_alpha`` (pingouin/datasets/cronbach_alpha.csv): 15
# subjects x 10 items. pingouin documents alpha = 0.591719 with the Feldt 95 % interval
# [0.195, 0.840], checked there against R's psych::alpha.
PINGOUIN = {
    "Q1": [3, 5, 7, 2, 6, 1, 4, 2, 6, 5, 4, 4, 5, 6, 4],
    "Q2": [2, 4, 3, 4, 5, 2, 3, 4, 5, 4, 3, 2, 5, 5, 3],
    "Q3": [4, 6, 5, 3, 6, 3, 5, 4, 5, 6, 5, 3, 6, 5, 5],
    "Q4": [1, 3, 5, 3, 5, 4, 3, 3, 5, 4, 2, 2, 2, 4, 5],
    "Q5": [4, 5, 6, 2, 4, 2, 5, 7, 1, 3, 5, 5, 3, 2, 3],
    "Q6": [5, 1, 4, 2, 4, 5, 2, 2, 6, 5, 3, 3, 3, 2, 1],
    "Q7": [1, 2, 3, 2, 4, 2, 1, 2, 5, 3, 2, 4, 2, 1, 3],
    "Q8": [4, 5, 3, 6, 6, 3, 2, 4, 2, 1, 3, 2, 4, 4, 2],
    "Q9": [3, 5, 6, 6, 7, 5, 4, 6, 3, 7, 4, 3, 4, 6, 3],
    "Q10": [2, 5, 5, 3, 5, 2, 3, 5, 2, 2, 1, 4, 5, 5, 4],
}


@pytest.fixture(autouse=True)
def _quiet_small_n():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SmallSampleWarning)
        yield


def test_alpha_matches_pingouin_and_r_psych():
    res = cronbach_alpha(pd.DataFrame(PINGOUIN))
    a, lo, hi = res.alpha, res.ci_low, res.ci_high
    assert (res.n, res.k, res.ci) == (15, 10, 0.95)
    assert round(a, 6) == 0.591719
    assert (round(lo, 3), round(hi, 3)) == (0.195, 0.840)


def test_alpha_listwise_counts_n_after_dropping():
    df = pd.DataFrame(PINGOUIN).astype(float)
    df.loc[2, "Q1"] = np.nan  # subject 2 becomes incomplete
    res = cronbach_alpha(df)
    a, lo, hi = res.alpha, res.ci_low, res.ci_high
    assert res.n == 14
    complete = pd.DataFrame(PINGOUIN).drop(index=2)
    assert res == cronbach_alpha(complete)
    # hand computation on the 14 complete subjects, Feldt with n = 14 (not 15)
    k = 10
    item_var = complete.var(ddof=1).sum()
    total_var = complete.sum(axis=1).var(ddof=1)
    expected = k / (k - 1) * (1 - item_var / total_var)
    assert a == pytest.approx(expected, abs=1e-12)
    assert round(a, 3) == 0.533
    f_hi = stats.f.isf(0.025, 13, 13 * 9)
    assert lo == pytest.approx(1 - (1 - expected) * f_hi, abs=1e-12)
    assert (round(lo, 3), round(hi, 3)) == (0.059, 0.825)
    # with n = 15 (pingouin's slip) the lower bound would differ
    assert round(1 - (1 - expected) * stats.f.isf(0.025, 14, 14 * 9), 3) == 0.080


def test_alpha_hand_computed_small_case():
    # item variances 1.3, 1.3, 1.3; total variance 9.3 -> alpha = 1.5 (1 - 3.9/9.3) = 27/31
    df = pd.DataFrame({"B1": [4, 5, 3, 4, 2], "B2": [4, 4, 3, 5, 2], "B3": [3, 5, 2, 4, 3]})
    res = cronbach_alpha(df)
    a = res.alpha
    assert a == pytest.approx(27 / 31, abs=1e-12)
    assert round(a, 3) == 0.871
    with_missing = pd.concat(
        [df, pd.DataFrame({"B1": [1.0], "B2": [np.nan], "B3": [5.0]})], ignore_index=True
    )
    assert cronbach_alpha(with_missing) == res
    assert cronbach_alpha(df.to_numpy()).alpha == pytest.approx(a)
    frame = res.to_frame()
    assert frame.columns.tolist() == ["alpha", "ci_low", "ci_high", "ci", "n", "k"]
    assert frame.iloc[0]["n"] == 5
    with pytest.raises(ValueError, match="missing values"):
        cronbach_alpha(with_missing, nan_policy="raise")


def test_alpha_ci_level_and_validation():
    df = pd.DataFrame(PINGOUIN)
    r95, r90 = cronbach_alpha(df, ci=0.95), cronbach_alpha(df, ci=0.90)
    a95, lo95, hi95 = r95.alpha, r95.ci_low, r95.ci_high
    a90, lo90, hi90 = r90.alpha, r90.ci_low, r90.ci_high
    assert a95 == a90 and lo95 < lo90 < a95 < hi90 < hi95
    for bad in (0, 1, 1.5, "0.95", True):
        with pytest.raises(ValueError, match="ci must be"):
            cronbach_alpha(df, ci=bad)
    with pytest.raises(ValueError, match="nan_policy"):
        cronbach_alpha(df, nan_policy="pairwise")
    with pytest.raises(ValueError, match="two items"):
        cronbach_alpha(df[["Q1"]])
    with pytest.raises(ValueError, match="two complete respondents"):
        cronbach_alpha(df.head(1))
    with pytest.raises(ValueError, match="numbers only"):
        cronbach_alpha(pd.DataFrame({"a": ["x", "y"], "b": [1, 2]}))


def test_small_n_warns():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cronbach_alpha(pd.DataFrame(PINGOUIN))
    assert [w.category for w in caught] == [SmallSampleWarning]
    assert "n = 15 < 30" in str(caught[0].message)


@pytest.mark.parametrize(
    ("n", "r"), [(10, 0.632), (20, 0.444), (30, 0.361), (5, 0.878), (102, 0.195)]
)
def test_critical_r_matches_printed_r_table(n, r):
    # the usual r-table (two-tailed 0.05): df 8 -> .632, 18 -> .444, 28 -> .361, 3 -> .878, 100 -> .195
    assert round(critical_r(n), 3) == r


def test_critical_r_rejects_bad_n():
    for bad in (2, 0, 10.5):
        with pytest.raises(ValueError):
            critical_r(bad)


def test_item_analysis_hand_values():
    df = pd.DataFrame({"B1": [4, 5, 3, 4, 2], "B2": [4, 4, 3, 5, 2], "B3": [3, 5, 2, 4, 3]})
    t = item_analysis(df)
    # B1 against B2 + B3 = [7, 9, 5, 9, 5]: cov 2, var 1.3 and 4 -> r = 2 / sqrt(5.2)
    assert t.loc["B1", "r_item_total"] == pytest.approx(2 / np.sqrt(5.2))
    # alpha without B1: 2 (1 - 2.6 / 4) = 0.7
    assert t.loc["B1", "alpha_jika_dihapus"] == pytest.approx(0.7)
    assert t["n"].tolist() == [5, 5, 5]
    assert not t["valid"].any()  # 0.877 < r critical 0.878 for n = 5


def test_score_index_and_categories():
    assert scoring.score_index(42, 10, 5) == 84.0
    b3 = scoring.category_bounds("equal_width", ["K", "C", "B"], 1, 5)
    assert [round(x, 4) for x, _, _ in b3] == [20.0, 46.6667, 73.3333]
    # 140 / 300 = 46.666...% lies exactly on the first boundary: the higher class
    assert scoring.categorize(100 * 140 / 300, b3) == "C"
    assert scoring.categorize(46.66, b3) == "K"
    assert scoring.categorize(100.0, b3) == "B" and scoring.categorize(20.0, b3) == "K"
    b5 = scoring.category_bounds("equal_width", list("ABCDE"), 1, 5)
    assert [x for x, _, _ in b5] == pytest.approx([20, 36, 52, 68, 84])
    b3s = scoring.category_bounds("equal_width", ["Kurang Baik", "Cukup Baik", "Baik"], 1, 3)
    assert [round(x, 2) for x, _, _ in b3s] == [33.33, 55.56, 77.78]
    cuts = scoring.category_bounds("cut_points", ["Rendah", "Sedang", "Tinggi"], 1, 5, [50, 75])
    assert [(lo, hi) for lo, hi, _ in cuts] == [(20.0, 50.0), (50.0, 75.0), (75.0, 100.0)]
    assert scoring.rule_text(cuts, "cut_points") == (
        "Kategori indeks skor (batas kelas ditetapkan dalam buku kode): 20,00 % sampai < 50,00 % "
        "= Rendah; 50,00 % sampai < 75,00 % = Sedang; 75,00 % sampai 100,00 % = Tinggi."
    )
    with pytest.raises(ValueError):
        scoring.category_bounds("cut_points", ["a", "b"], 1, 5, [10])  # below the lowest index


def test_mann_whitney_exact_matches_scipy_without_ties():
    x, y = [81.1, 90.0, 77.8, 95.6, 70.0, 88.9, 84.4], [64.4, 60.0, 72.2]
    r = compare.mann_whitney_exact(x, y)
    ref = stats.mannwhitneyu(x, y, alternative="two-sided", method="exact")
    # U of x: 70.0 beats two of y, the six others beat all three: 2 + 18 = 20
    assert r.u == ref.statistic == 20.0
    assert r.p == pytest.approx(ref.pvalue)
    # 2 of C(10, 3) = 120 splits are as extreme on each side: p = 4 / 120
    assert r.p == pytest.approx(4 / 120)
    assert r.r_rank_biserial == pytest.approx(2 * 20 / 21 - 1)
    assert (r.method, r.ties, r.n1, r.n2) == ("eksak", False, 7, 3)
    # without ties the smallest attainable two-sided p is 2 / C(10, 3)
    assert r.p_smallest == pytest.approx(2 / 120)
    assert r.to_frame().columns.tolist() == [
        "u",
        "p",
        "method",
        "r_rank_biserial",
        "n1",
        "n2",
        "ties",
        "p_smallest",
    ]


def test_mann_whitney_exact_with_ties_enumerates_splits():
    x, y = [3, 3, 4], [1, 3]
    r = compare.mann_whitney_exact(x, y)
    # U of x: 3>1 (x2) + 3=3 ties (x2, half) + 4>1 + 4>3 = 2 + 1 + 2 = 5 of 6
    assert r.u == 5.0
    # the 10 splits of the pooled 3, 3, 4, 1, 3 into x (3) and y (2), by hand:
    # y = {3, 3} (3 ways): U = 3;  y = {3, 4} (3 ways): U = 1;
    # y = {3, 1} (3 ways): U = 5;  y = {4, 1} (1 way):  U = 3.
    # |U - 3| >= |5 - 3| for U = 5 and U = 1: 6 of 10 splits.
    assert r.p == pytest.approx(0.6)
    assert (r.method, r.ties) == ("eksak", True)
    with pytest.raises(ValueError):
        compare.mann_whitney_exact([], [1.0])


@pytest.mark.parametrize("module", [scoring, reliability, compare, analysis])
def test_docstring_examples_run(module):
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    assert result.attempted >= 3


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.integers(1, 5), min_size=4, max_size=4), min_size=3, max_size=12),
)
def test_alpha_properties(rows):
    df = pd.DataFrame(rows, columns=["a", "b", "c", "d"])
    if df.sum(axis=1).var() == 0:
        return
    res = cronbach_alpha(df)
    a, lo, hi = res.alpha, res.ci_low, res.ci_high
    assert a <= 1 + 1e-12
    assert lo <= a <= hi
    # the order of items and of respondents does not matter
    assert cronbach_alpha(df[["d", "b", "a", "c"]].iloc[::-1]).alpha == pytest.approx(a)
    # reverse-scoring an item twice gives it back; index stays within the scale's bounds
    rev = scoring.reverse_scores(scoring.reverse_scores(df["a"], 1, 5), 1, 5)
    assert rev.tolist() == df["a"].tolist()
    t = scoring.frequency_table(df, range(1, 6))
    assert ((t["indeks"] >= 20) & (t["indeks"] <= 100)).all()
    assert (t[[f"f_{v}" for v in range(1, 6)]].sum(axis=1) == len(df)).all()


def test_mann_whitney_large_tied_groups_fall_back_to_asymptotic():
    rng = np.random.default_rng(1)
    x, y = rng.integers(1, 6, 20), rng.integers(1, 6, 20)  # C(40, 20) splits: too many
    r = compare.mann_whitney_exact(x, y)
    ref = stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic")
    assert r.method == "asimtotik" and r.p == pytest.approx(ref.pvalue)
    assert r.u == ref.statistic and np.isnan(r.p_smallest)


def test_alpha_of_a_total_score_that_does_not_vary_is_an_error_not_nan():
    # every answer identical, and items that vary but always sum to the same total:
    # the total-score variance is 0 and alpha (a division by it) is undefined
    for rows in ([[4, 4, 4]] * 10, [[1, 5], [5, 1], [3, 3], [2, 4]]):
        with pytest.raises(ValueError, match="total score does not vary"):
            cronbach_alpha(pd.DataFrame(rows))
    # one constant item among varying ones is fine: alpha = 2/3 (1 - 2 / 3.5) = 2/7
    a = cronbach_alpha(
        pd.DataFrame({"a": [3, 3, 3, 3], "b": [1, 2, 3, 4], "c": [1, 2, 3, 4]})
    ).alpha
    assert a == pytest.approx(1.5 * (1 - (0 + 5 / 3 + 5 / 3) / (20 / 3)))


def _tiny_codebook(required: bool = True, reverse_b2: bool = True):
    """One variable of two items on a 1-3 scale (B2 a negative statement unless told),
    group field ``diklat`` (Ya / Tidak)."""
    from psm_analysis.survey.codebook import parse_codebook

    req = "" if required else ", required: false"
    rev = ", reverse: true" if reverse_b2 else ""
    return parse_codebook(
        f"""
id_column: {{id: r, label: Responden}}
scales: {{baik3: {{values: {{3: Baik, 2: Cukup Baik, 1: Kurang Baik}}}}}}
categories: {{method: equal_width, classes: 3, labels: [Rendah, Sedang, Tinggi]}}
group_field: diklat
profile: [{{id: diklat, label: Diklat, type: choice, choices: [Ya, Tidak]{req}}}]
variables: [{{id: V, name: Pelayanan, scale: baik3}}]
indicators: [{{id: I, variable: V, name: Pelayanan}}]
items:
  - {{id: B1, indicator: I, statement: Pelayanan cepat}}
  - {{id: B2, indicator: I, statement: Pelayanan berbelit{rev}}}
"""
    )


def test_reliability_table_reports_an_undefined_alpha():
    cb = _tiny_codebook(reverse_b2=False)
    wide = pd.DataFrame(
        {
            "r": list("abcd"),
            "diklat": ["Ya", "Ya", "Tidak", "Tidak"],
            "B1": [2, 2, 2, 2],
            "B2": [2, 2, 2, 2],
        }
    )
    alpha, items = analysis.reliability_tables(wide, cb)
    row = alpha.iloc[0]
    assert row["n"] == 4 and np.isnan(row["alpha"]) and np.isnan(row["ci_bawah"])
    assert row["catatan"] == (
        "skor total tidak bervariasi: alpha tidak terdefinisi; "
        "n = 4 < 30: koefisien tidak stabil; baca sebagai gambaran, bukan bukti"
    )
    assert items["butir"].tolist() == ["B1", "B2"] and not items["valid"].any()
    assert items["r_item_total"].isna().all()


def test_group_comparison_leaves_out_a_blank_group_answer():
    # an optional group field (required: false) left blank used to crash with
    # "boolean value of NA is ambiguous"; the respondent is simply in neither group
    cb = _tiny_codebook(required=False)
    wide = pd.DataFrame(
        {
            "r": list("abcde"),
            "diklat": pd.array(["Ya", "Ya", "Tidak", "Tidak", None], dtype="string"),
            "B1": [3, 3, 2, 1, 2],
            "B2": [1, 2, 2, 3, 1],
        }
    )
    g = analysis.group_comparison(wide, cb).iloc[0]
    # indices: a 100, b 83.33 (Ya); c 66.67, d 33.33 (Tidak); e left out
    assert (g["n_a"], g["n_b"], g["u"], g["r_rank_biserial"]) == (2, 2, 4.0, 1.0)
    assert g["median_a"] == pytest.approx(275 / 3) and g["median_b"] == pytest.approx(50.0)


def _coin_exact_two_sided(x, y):
    """Oracle for R coin's ``wilcox_test(distribution = "exact")``, two-sided: enumerate
    every one of the C(n, n1) splits of the pooled values, score each by the first
    group's sum of midranks, and count the splits at least as far from the expectation
    as the observed one (Hothorn et al. 2008, the coin package's exact conditional
    test). Also returns the smallest p any split reaches."""
    from fractions import Fraction
    from itertools import combinations

    pooled = list(x) + list(y)
    ranks = [Fraction(r).limit_denominator(2) for r in stats.rankdata(pooled)]
    n, n1 = len(pooled), len(x)
    centre = Fraction(n1 * (n + 1), 2)
    devs = [abs(sum(ranks[i] for i in c) - centre) for c in combinations(range(n), n1)]
    obs = abs(sum(ranks[:n1]) - centre)
    p = Fraction(sum(d >= obs for d in devs), len(devs))
    p_min = Fraction(sum(d == max(devs) for d in devs), len(devs))
    return p, p_min


def test_mann_whitney_smallest_p_follows_the_ties_as_coin_computes():
    from fractions import Fraction

    # Issue 11: x = 60, 70, 80, 80, 80, 80, 90 and y = 40, 50, 50. R coin 1.4.2,
    # wilcox_test(v ~ g, distribution = "exact") gives p = 0.008333 = 1/120: only the
    # split with the three lowest values in y is as extreme (midranks 1, 2.5, 2.5; the
    # top three 7.5, 7.5, 10 lie nearer the centre). Without ties it would be 2/120.
    x, y = [60, 70, 80, 80, 80, 80, 90], [40, 50, 50]
    r = compare.mann_whitney_exact(x, y)
    p, p_min = _coin_exact_two_sided(x, y)
    assert (p, p_min) == (Fraction(1, 120), Fraction(1, 120))
    assert r.p == pytest.approx(1 / 120, abs=1e-15)
    assert r.p_smallest == pytest.approx(1 / 120, abs=1e-15)
    assert round(r.p, 4) == 0.0083 and r.method == "eksak" and r.ties


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(1, 4), min_size=1, max_size=6),
    st.lists(st.integers(1, 4), min_size=1, max_size=5),
)
def test_mann_whitney_exact_matches_the_enumeration_with_any_ties(x, y):
    r = compare.mann_whitney_exact(x, y)
    p, p_min = _coin_exact_two_sided(x, y)
    assert r.p == pytest.approx(float(p), abs=1e-12)
    assert r.p_smallest == pytest.approx(float(p_min), abs=1e-12)
    assert r.p_smallest <= r.p + 1e-12


def _three_item_codebook(optional_b3: bool = False):
    from psm_analysis.survey.codebook import parse_codebook

    opt = ", missing_allowed: true" if optional_b3 else ""
    return parse_codebook(
        f"""
id_column: {{id: r, label: Responden}}
scales: {{s5: {{values: {{5: SS, 4: S, 3: RR, 2: TS, 1: STS}}}}}}
categories: {{method: equal_width, classes: 3, labels: [Rendah, Sedang, Tinggi]}}
profile: [{{id: diklat, label: Diklat, type: choice, choices: [Ya, Tidak]}}]
variables: [{{id: V, name: Pelayanan, scale: s5}}]
indicators: [{{id: I, variable: V, name: Pelayanan}}]
items:
  - {{id: B1, indicator: I, statement: Satu}}
  - {{id: B2, indicator: I, statement: Dua}}
  - {{id: B3, indicator: I, statement: Tiga{opt}}}
"""
    )


def test_negative_alpha_warns_to_check_the_reverse_coding():
    # B3 is a negative statement entered without reverse: true. Exact fractions (the
    # formula of R psych::alpha's raw_alpha): item variances 5/3, 5/3, 9/4; totals
    # 7, 7, 9, 8 with variance 11/12; alpha = 3/2 (1 - (67/12) / (11/12)) = -84/11.
    cb = _three_item_codebook()
    wide = pd.DataFrame(
        {
            "r": list("abcd"),
            "diklat": ["Ya", "Ya", "Tidak", "Tidak"],
            "B1": [1, 2, 3, 4],
            "B2": [2, 1, 4, 3],
            "B3": [4, 4, 2, 1],
        }
    )
    alpha, _ = analysis.reliability_tables(wide, cb)
    row = alpha.iloc[0]
    assert row["alpha"] == pytest.approx(-84 / 11, abs=1e-12)
    assert row["catatan"] == (
        "alpha negatif: rata-rata butir berkorelasi negatif satu sama lain; periksa apakah "
        "setiap pernyataan negatif ditandai dibalik (reverse) di buku kode; "
        "n = 4 < 30: koefisien tidak stabil; baca sebagai gambaran, bukan bukti"
    )


def test_a_constant_item_is_named_in_the_note():
    # B1 answered 3 by everyone: alpha = 3/2 (1 - (0 + 5/3 + 5/3) / (20/3)) = 3/4,
    # computed with k = 3 although B1 adds nothing (exact fractions, as psych::alpha)
    cb = _three_item_codebook()
    wide = pd.DataFrame(
        {
            "r": list("abcd"),
            "diklat": ["Ya", "Ya", "Tidak", "Tidak"],
            "B1": [3, 3, 3, 3],
            "B2": [1, 2, 3, 4],
            "B3": [1, 2, 3, 4],
        }
    )
    alpha, items = analysis.reliability_tables(wide, cb)
    row = alpha.iloc[0]
    assert row["alpha"] == pytest.approx(3 / 4)
    assert row["catatan"] == (
        "butir B1 tidak bervariasi (semua responden lengkap menjawab sama): tetap dihitung "
        "sebagai butir dalam k = 3, tetapi tidak menambah varians skor total; "
        "n = 4 < 30: koefisien tidak stabil; baca sebagai gambaran, bukan bukti"
    )
    assert np.isnan(items.set_index("butir").loc["B1", "r_item_total"])


def test_an_optional_item_that_leaves_too_few_complete_respondents_is_named():
    cb = _three_item_codebook(optional_b3=True)
    wide = pd.DataFrame(
        {
            "r": list("abcd"),
            "diklat": ["Ya", "Ya", "Tidak", "Tidak"],
            "B1": [1, 2, 3, 4],
            "B2": [2, 1, 4, 3],
            "B3": pd.array([5, None, None, None], dtype="Int64"),
        }
    )
    alpha, items = analysis.reliability_tables(wide, cb)
    row = alpha.iloc[0]
    assert row["n"] == 1 and np.isnan(row["alpha"])
    assert row["catatan"] == (
        "hanya 1 responden menjawab semua butir (perlu sedikitnya 3): butir yang kosongnya "
        "mengurangi responden lengkap: B3 dijawab 1 dari 4 responden; "
        "n = 1 < 30: koefisien tidak stabil; baca sebagai gambaran, bukan bukti"
    )
    assert items.empty


def test_critical_r_follows_each_variables_own_n():
    # two variables, the second with an optional item left blank by one respondent:
    # its items use n = 9 (r table df 7: 0.666), the first n = 10 (df 8: 0.632)
    from psm_analysis.survey.codebook import parse_codebook

    cb = parse_codebook(
        """
id_column: {id: r, label: Responden}
scales: {s5: {values: {5: SS, 4: S, 3: RR, 2: TS, 1: STS}}}
categories: {method: equal_width, classes: 3, labels: [Rendah, Sedang, Tinggi]}
profile: [{id: diklat, label: Diklat, type: choice, choices: [Ya, Tidak]}]
variables: [{id: V, name: Satu, scale: s5}, {id: W, name: Dua, scale: s5}]
indicators: [{id: I, variable: V, name: Satu}, {id: J, variable: W, name: Dua}]
items:
  - {id: B1, indicator: I, statement: a}
  - {id: B2, indicator: I, statement: b}
  - {id: C1, indicator: J, statement: c}
  - {id: C2, indicator: J, statement: d, missing_allowed: true}
"""
    )
    rng = np.random.default_rng(3)
    vals = rng.integers(1, 6, size=(10, 4))
    wide = pd.DataFrame(vals, columns=["B1", "B2", "C1", "C2"]).astype("Int64")
    wide.insert(0, "diklat", ["Ya", "Tidak"] * 5)
    wide.insert(0, "r", [f"r{i}" for i in range(10)])
    wide.loc[0, "C2"] = pd.NA
    _, items = analysis.reliability_tables(wide, cb)
    got = items.set_index("butir")[["n", "r_kritis"]].round(3)
    assert got.to_dict("index") == {
        "B1": {"n": 10, "r_kritis": 0.632},
        "B2": {"n": 10, "r_kritis": 0.632},
        "C1": {"n": 9, "r_kritis": 0.666},
        "C2": {"n": 9, "r_kritis": 0.666},
    }
