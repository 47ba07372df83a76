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
    a, (lo, hi) = cronbach_alpha(pd.DataFrame(PINGOUIN))
    assert round(a, 6) == 0.591719
    assert (round(lo, 3), round(hi, 3)) == (0.195, 0.840)


def test_alpha_listwise_counts_n_after_dropping():
    df = pd.DataFrame(PINGOUIN).astype(float)
    df.loc[2, "Q1"] = np.nan  # subject 2 becomes incomplete
    a, (lo, hi) = cronbach_alpha(df)
    complete = pd.DataFrame(PINGOUIN).drop(index=2)
    assert (a, (lo, hi)) == cronbach_alpha(complete)
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
    a, ci = cronbach_alpha(df)
    assert a == pytest.approx(27 / 31, abs=1e-12)
    assert round(a, 3) == 0.871
    with_missing = pd.concat(
        [df, pd.DataFrame({"B1": [1.0], "B2": [np.nan], "B3": [5.0]})], ignore_index=True
    )
    assert cronbach_alpha(with_missing) == (a, ci)
    assert cronbach_alpha(df.to_numpy())[0] == pytest.approx(a)
    with pytest.raises(ValueError, match="missing values"):
        cronbach_alpha(with_missing, nan_policy="raise")


def test_alpha_ci_level_and_validation():
    df = pd.DataFrame(PINGOUIN)
    a95, (lo95, hi95) = cronbach_alpha(df, ci=0.95)
    a90, (lo90, hi90) = cronbach_alpha(df, ci=0.90)
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
    assert r["u"] == ref.statistic == 20.0
    assert r["p"] == pytest.approx(ref.pvalue)
    # 2 of C(10, 3) = 120 splits are as extreme on each side: p = 4 / 120
    assert r["p"] == pytest.approx(4 / 120)
    assert r["r_rb"] == pytest.approx(2 * 20 / 21 - 1)
    assert r["metode"] == "eksak (scipy)"


def test_mann_whitney_exact_with_ties_enumerates_splits():
    x, y = [3, 3, 4], [1, 3]
    r = compare.mann_whitney_exact(x, y)
    # U of x: 3>1 (x2) + 3=3 ties (x2, half) + 4>1 + 4>3 = 2 + 1 + 2 = 5 of 6
    assert r["u"] == 5.0
    # the 10 splits of the pooled 3, 3, 4, 1, 3 into x (3) and y (2), by hand:
    # y = {3, 3} (3 ways): U = 3;  y = {3, 4} (3 ways): U = 1;
    # y = {3, 1} (3 ways): U = 5;  y = {4, 1} (1 way):  U = 3.
    # |U - 3| >= |5 - 3| for U = 5 and U = 1: 6 of 10 splits.
    assert r["p"] == pytest.approx(0.6)
    assert r["metode"].startswith("eksak (permutasi")
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
    a, (lo, hi) = cronbach_alpha(df)
    assert a <= 1 + 1e-12
    assert lo <= a <= hi
    # the order of items and of respondents does not matter
    assert cronbach_alpha(df[["d", "b", "a", "c"]].iloc[::-1])[0] == pytest.approx(a)
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
    assert r["metode"].startswith("asimtotik") and r["p"] == pytest.approx(ref.pvalue)
    assert r["u"] == ref.statistic


def test_alpha_of_a_total_score_that_does_not_vary_is_an_error_not_nan():
    # every answer identical, and items that vary but always sum to the same total:
    # the total-score variance is 0 and alpha (a division by it) is undefined
    for rows in ([[4, 4, 4]] * 10, [[1, 5], [5, 1], [3, 3], [2, 4]]):
        with pytest.raises(ValueError, match="total score does not vary"):
            cronbach_alpha(pd.DataFrame(rows))
    # one constant item among varying ones is fine: alpha = 2/3 (1 - 2 / 3.5) = 2/7
    a, _ = cronbach_alpha(pd.DataFrame({"a": [3, 3, 3, 3], "b": [1, 2, 3, 4], "c": [1, 2, 3, 4]}))
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
