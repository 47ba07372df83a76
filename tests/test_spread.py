"""PSM per kecamatan against desa/kelurahan: ratios, exceptions, chi-square fit."""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
import pytest

from psm_analysis import spread

# Tabel I.2 (Dinas Sosial, 2018) with the Kemendagri desa+kelurahan counts.
SEED = [
    ("14.05.01", "Ukui", 12, 12),
    ("14.05.02", "Pangkalan Kerinci", 7, 7),
    ("14.05.03", "Pangkalan Kuras", 17, 17),
    ("14.05.04", "Pangkalan Lesung", 10, 10),
    ("14.05.05", "Langgam", 8, 8),
    ("14.05.06", "Pelalawan", 9, 9),
    ("14.05.07", "Kerumutan", 10, 10),
    ("14.05.08", "Bunut", 10, 10),
    ("14.05.09", "Teluk Meranti", 10, 9),
    ("14.05.10", "Kuala Kampar", 11, 10),
    ("14.05.11", "Bandar Sei Kijang", 5, 5),
    ("14.05.12", "Bandar Petalangan", 11, 11),
]


@pytest.fixture
def frame():
    return pd.DataFrame(
        SEED, columns=["kode_wilayah", "kecamatan", "jumlah_psm", "jumlah_desa_kelurahan"]
    )


def test_psm_vs_villages(frame):
    t = spread.psm_vs_villages(frame)
    assert t["jumlah_psm"].sum() == 120 and t["jumlah_desa_kelurahan"].sum() == 118
    assert list(t["kecamatan"][:3]) == ["Pangkalan Kuras", "Ukui", "Bandar Petalangan"]
    assert t["kecamatan"].iloc[-1] == "Bandar Sei Kijang"
    bunut = t.set_index("kecamatan").loc["Bunut"]
    assert bunut["rasio"] == 1.0 and bunut["selisih"] == 0
    assert bunut["pangsa_psm_persen"] == pytest.approx(100 / 12)
    assert t.set_index("kecamatan").loc["Teluk Meranti", "rasio"] == pytest.approx(10 / 9)


def test_exceptions_are_kuala_kampar_and_teluk_meranti(frame):
    ex = spread.exceptions(frame)
    assert list(ex["kecamatan"]) == ["Kuala Kampar", "Teluk Meranti"]
    assert list(ex["jumlah_psm"]) == [11, 10]
    assert list(ex["jumlah_desa_kelurahan"]) == [10, 9]
    assert list(ex["selisih"]) == [1, 1]


def test_chi_square_against_hand_computation(frame):
    # By hand, in exact fractions: E_i = 120 * d_i / 118, X2 = sum (O_i - E_i)^2 / E_i.
    x2 = Fraction(0)
    for _, _, o, d in SEED:
        e = Fraction(120 * d, 118)
        x2 += (o - e) ** 2 / e
    # closed form: the ten rows with O = d give 99 * 4 / (118 * 120); the two exceptions
    # (11 vs 10 and 10 vs 9) add the rest
    assert x2 == Fraction(99 * 4, 118 * 120) + (11 - Fraction(1200, 118)) ** 2 / Fraction(
        1200, 118
    ) + (10 - Fraction(1080, 118)) ** 2 / Fraction(1080, 118)
    res = spread.proportional_fit(frame, n_simulations=2000)
    assert res.statistic == pytest.approx(float(x2), rel=1e-12)
    assert res.statistic == pytest.approx(0.174259, abs=1e-6)
    assert res.dof == 11
    assert res.n == 120
    assert res.expected.sum() == pytest.approx(120)
    assert res.expected["Bunut"] == pytest.approx(1200 / 118)
    assert res.min_expected == pytest.approx(600 / 118)  # Bandar Sei Kijang, above 5
    assert res.notes == []
    # upper tail: no departure; lower tail: a fit this close is very unlikely by chance
    assert res.p_value == pytest.approx(0.99999999522, abs=1e-10)
    assert res.p_value_lower == pytest.approx(1 - res.p_value, abs=1e-12)
    assert res.p_value_lower < 1e-8
    assert res.p_value_monte_carlo == 1.0  # every simulated allocation departs more
    assert res.contributions()["Teluk Meranti"] == pytest.approx(
        float((10 - Fraction(1080, 118)) ** 2 / Fraction(1080, 118))
    )
    # the frozen result as one row (issue 8: results with to_frame())
    row = res.to_frame().iloc[0]
    assert list(res.to_frame().columns) == [
        "statistik",
        "derajat_bebas",
        "p",
        "p_bawah",
        "p_monte_carlo",
        "n_simulasi",
        "n",
        "harapan_terkecil",
    ]
    assert row["statistik"] == pytest.approx(float(x2), rel=1e-12)
    assert (row["derajat_bebas"], row["n"], row["n_simulasi"]) == (11, 120, 2000)
    assert row["p_monte_carlo"] == 1.0
    assert row["harapan_terkecil"] == pytest.approx(600 / 118)
    with pytest.raises(AttributeError):
        res.statistic = 0.0  # frozen


def test_chi_square_detects_a_skewed_allocation(frame):
    skew = frame.copy()
    skew["jumlah_psm"] = [30, 2, 30, 5, 5, 5, 10, 10, 5, 5, 3, 10]
    assert skew["jumlah_psm"].sum() == 120
    res = spread.proportional_fit(skew, n_simulations=2000, seed=1)
    assert res.statistic > 30
    assert res.p_value < 0.001
    assert res.p_value_monte_carlo == pytest.approx(1 / 2001)


def test_fit_meaning_of_a_skewed_and_of_an_ordinary_allocation(frame):
    skew = frame.copy()
    skew.loc[0, "jumlah_psm"] = 40
    res = spread.proportional_fit(skew, n_simulations=2000, seed=1)
    text = spread.fit_meaning(res)
    assert "jauh dari pembagian sebanding jumlah desa/kelurahannya: lebih jauh daripada" in text
    assert "p =" not in text and "p <" not in text
    # an allocation chance reaches often (X² = (4 + 0 + 4) / 10): neither close nor far
    usual = pd.DataFrame(
        {"kecamatan": ["A", "B", "C"], "jumlah_psm": [8, 10, 12], "jumlah_desa_kelurahan": [10] * 3}
    )
    assert spread.fit_meaning(spread.proportional_fit(usual, n_simulations=2000, seed=1)) == (
        "X² = 0,800 berarti pembagian 30 PSM ke 3 kecamatan menyimpang dari pembagian sebanding "
        "jumlah desa/kelurahannya sejauh pembagian acak pada umumnya (577 dari 2.000 pembagian "
        "acak dengan peluang sebanding lebih dekat); selisih terbesar antara jumlah PSM dan "
        "harapannya 2,00 orang (A)."
    )
    # without simulations only the statistic and the largest gap
    bare = spread.fit_meaning(spread.proportional_fit(frame, n_simulations=0))
    assert "pembagian acak" not in bare and bare.startswith("X² = ")


def test_chi_square_rejects_zero_weight(frame):
    bad = frame.copy()
    bad.loc[0, "jumlah_desa_kelurahan"] = 0
    with pytest.raises(ValueError, match="positive"):
        spread.proportional_fit(bad)


def test_format_p_value():
    assert spread.format_p_value(0.99999999) == "> 0,9999"
    assert spread.format_p_value(4.8e-9) == "< 0,0001"
    assert spread.format_p_value(0.04567) == "0,0457"
    assert spread.format_p(0.99999999) == "p > 0,9999"
    assert spread.format_p(0.04567) == "p = 0,0457"


def test_reader_tables(frame):
    frame = frame.assign(jumlah_desa=frame["jumlah_desa_kelurahan"] - 1, jumlah_kelurahan=1)
    table = spread.spread_table(spread.psm_vs_villages(frame))
    assert list(table.columns) == [
        "Kecamatan",
        "Jumlah PSM (orang)",
        "Desa",
        "Kelurahan",
        "Jumlah desa/kelurahan",
        "Selisih PSM \u2212 desa/kelurahan",
        "PSM per desa/kelurahan",
        "Pangsa PSM",
    ]
    assert table.iloc[0].tolist()[:6] == ["Pangkalan Kuras", 17, 16, 1, 17, 0]
    fit = spread.fit_table(spread.proportional_fit(frame, n_simulations=0))
    assert fit.iloc[-1].tolist()[:2] == ["Jumlah", 120]
    assert fit.iloc[-1, 2] == pytest.approx(120)
    assert fit.iloc[-1, 3] == pytest.approx(0.174259, abs=1e-6)


def test_on_the_seed_tables_read_from_data_raw():
    """The real Tabel I.2 + Kemendagri reference, cleaned in memory (nothing written)."""
    from psm_analysis import dinsos

    tabs = dinsos.read_tables()
    t = spread.psm_vs_villages(tabs.psm_per_kecamatan)
    bunut = t.set_index("kecamatan").loc["Bunut"]
    assert bunut["kode_wilayah"] == "14.05.08"
    assert (bunut["jumlah_psm"], bunut["jumlah_desa_kelurahan"]) == (10, 10)
    assert list(spread.exceptions(t)["kecamatan"]) == ["Kuala Kampar", "Teluk Meranti"]
    res = spread.proportional_fit(tabs.psm_per_kecamatan, n_simulations=1000)
    assert res.statistic == pytest.approx(0.174259, abs=1e-6) and res.dof == 11
    # what the fit means, in one sentence and without a p-value (a census): the gap
    # 10 - 120 x 9/118 = 0,85 in Teluk Meranti; no chance allocation came closer
    assert res.n_simulated_closer == 0
    assert spread.fit_meaning(res) == (
        "X² = 0,174 berarti pembagian 120 PSM ke 12 kecamatan hampir persis sebanding dengan "
        "jumlah desa/kelurahannya: tidak satu pun dari 1.000 pembagian acak dengan peluang "
        "sebanding yang lebih dekat; selisih terbesar antara jumlah PSM dan harapannya "
        "0,85 orang (Teluk Meranti)."
    )
    villages = tabs.desa_kelurahan[tabs.desa_kelurahan["kecamatan"] == "Bunut"]
    assert len(villages) == 10
    assert sorted(villages["tingkat"].value_counts().items()) == [("desa", 9), ("kelurahan", 1)]


def test_chi_square_rejects_missing_or_non_count_values(frame):
    # a missing count used to give X2 = NaN with a "significant" Monte Carlo p of
    # 1 / (n + 1); a missing weight a numpy error about pvals
    bad = frame.astype({"jumlah_psm": "Int64", "jumlah_desa_kelurahan": "Int64"})
    bad.loc[7, "jumlah_psm"] = pd.NA
    with pytest.raises(
        ValueError, match=r"^jumlah_psm must be a whole number >= 0 in every row \(not in: Bunut\)$"
    ):
        spread.proportional_fit(bad, n_simulations=10)
    bad = frame.astype({"jumlah_desa_kelurahan": "Int64"})
    bad.loc[0, "jumlah_desa_kelurahan"] = pd.NA
    with pytest.raises(
        ValueError, match=r"^jumlah_desa_kelurahan must be positive in every row \(not in: Ukui\)$"
    ):
        spread.proportional_fit(bad, n_simulations=10)
    for value in (2.5, -1):
        bad = frame.astype({"jumlah_psm": float})
        bad.loc[1, "jumlah_psm"] = value
        with pytest.raises(
            ValueError, match=r"whole number >= 0 in every row \(not in: Pangkalan Kerinci\)"
        ):
            spread.proportional_fit(bad, n_simulations=10)
