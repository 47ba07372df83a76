"""Frequencies, matrices, triangulation, the hambatan ranking and Cohen's kappa, on small
tables whose answers are worked out by hand."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from test_interviews_support import make_project

from psm_analysis.interviews import analysis as an
from psm_analysis.interviews.codebook import load_interview_codebook
from psm_analysis.interviews.pipeline import build_outputs, build_tables
from psm_analysis.interviews.roster import Roster


def test_kappa_matches_the_hand_computed_value():
    # The classic 2x2 table (rows: coder 1 yes/no; columns: coder 2 yes/no):
    #            yes  no
    #   yes       20   5      n = 50
    #   no        10  15
    # p_o = (20 + 15) / 50 = 0.70
    # p_e = (25 * 30 + 25 * 20) / 50^2 = (750 + 500) / 2500 = 0.50
    # kappa = (0.70 - 0.50) / (1 - 0.50) = 0.40
    k = an.kappa_2x2(20, 5, 10, 15)
    assert (k.p_o, k.p_e, k.kappa) == (Fraction(7, 10), Fraction(1, 2), Fraction(2, 5))
    assert k.label == an.kappa_label(k.kappa) == "cukup"
    # the same value as statsmodels' cohens_kappa (the implementation used before)
    from statsmodels.stats.inter_rater import cohens_kappa

    assert k.value == pytest.approx(cohens_kappa(np.array([[20, 5], [10, 15]])).kappa)
    assert k.to_frame().iloc[0].to_dict() == {
        "a": 20, "b": 5, "c": 10, "d": 15, "kappa": 0.4, "p_o": 0.7, "p_e": 0.5,
        "kekuatan": "cukup",
    }  # fmt: skip


def test_kappa_of_exactly_zero_is_labelled_lemah():
    # Issue 11: a = 1, b = 4, c = 4, d = 16. Exact fractions: p_o = 17/25,
    # p_e = (5 * 5 + 20 * 20) / 625 = 425/625 = 17/25, so kappa = 0 exactly.
    # Floating point (statsmodels) gives a tiny negative number, labelled "buruk".
    k = an.kappa_2x2(1, 4, 4, 16)
    assert k.p_o == k.p_e == Fraction(17, 25)
    assert k.kappa == 0 and k.value == 0.0
    assert k.label == "lemah"  # Landis & Koch: 0.00-0.20 slight
    from statsmodels.stats.inter_rater import cohens_kappa

    floating = float(cohens_kappa(np.array([[1, 4], [4, 16]], dtype=float)).kappa)
    assert floating != 0 and abs(floating) < 1e-12


def test_kappa_edge_cases():
    # perfect agreement with both categories used: p_o = 1, p_e = (4*4 + 6*6)/100 = 0.52
    assert an.kappa_2x2(4, 0, 0, 6).kappa == 1
    # every unit coded "yes" by both: p_e = 1, kappa undefined
    k = an.kappa_2x2(5, 0, 0, 0)
    assert k.kappa is None and math.isnan(k.value) and k.label == ""
    assert an.kappa_2x2(0, 0, 0, 0).p_o is None
    # agreement no better than chance: [[0, 2], [0, 32]] -> p_o = p_e = 32/34, kappa 0
    assert an.kappa_2x2(0, 2, 0, 32).kappa == 0
    assert an.kappa_label(-0.1) == "buruk" and an.kappa_label(0.81) == "sangat baik"
    # the boundaries belong to the lower class (Landis & Koch 1977: 0.21-0.40 fair)
    assert [an.kappa_label(Fraction(k, 5)) for k in range(6)] == [
        "lemah", "lemah", "cukup", "sedang", "baik", "sangat baik"
    ]  # fmt: skip


def _alpha_binary_exact(d1, d2):
    """Oracle: Krippendorff (2011), "Computing Krippendorff's alpha-reliability", binary
    data, two observers, no missing values: alpha = 1 - (n - 1) (b + c) / (n_0 n_1),
    n the number of values, b + c the disagreements, n_0 and n_1 the 0s and 1s."""
    n = 2 * len(d1)
    n1 = sum(d1) + sum(d2)
    n0 = n - n1
    dis = sum(x != y for x, y in zip(d1, d2, strict=True))
    return 1 - Fraction((n - 1) * dis, n0 * n1)


def test_krippendorff_alpha_matches_the_exact_binary_formula():
    d1 = [1, 0, 1, 0, 0, 1, 1, 0, 0, 0]
    d2 = [1, 0, 0, 0, 0, 1, 1, 1, 0, 0]
    r = an.krippendorff_alpha_binary(d1, d2)
    exact = _alpha_binary_exact(d1, d2)  # 1 - 19 * 2 / (12 * 8) = 29/48
    assert exact == Fraction(29, 48)
    assert r.value == pytest.approx(float(exact), abs=1e-12)
    assert r.n_decisions == 10 and r.observed_agreement == pytest.approx(0.8)
    # expected agreement 1 - D_e = 1 - 2 n0 n1 / (n (n - 1)) = 1 - 192/380
    assert r.expected_agreement == pytest.approx(1 - 192 / 380)
    assert r.label == "tidak dapat diandalkan"
    # every decision the same: alpha undefined, not an exception
    assert math.isnan(an.krippendorff_alpha_binary([0, 0], [0, 0]).value)
    assert an.alpha_label(0.8) == "dapat diandalkan"
    assert an.alpha_label(0.667) == "hanya untuk simpulan sementara"


def test_differently_cut_passages_can_raise_a_codes_kappa(codebook):
    # The old docstring said differently cut passages make kappa conservative (lower).
    # Counter-example: anggaran is coded the same on q1-q4 (table 2, 1, 1, 1 once q5
    # counts: kappa 1/6). When the coders cut q5 differently ("q5" vs "q5 panjang"), q5
    # becomes two units, each uncoded for anggaran by both: table 2, 1, 1, 2, kappa 1/3.
    base = [
        ("I-02", "p1", "hambatan.anggaran", "q1"),
        ("I-02", "p2", "hambatan.anggaran", "q1"),
        ("I-02", "p1", "hambatan.anggaran", "q2"),
        ("I-02", "p2", "hambatan.anggaran", "q2"),
        ("I-02", "p1", "hambatan.anggaran", "q3"),
        ("I-02", "p2", "hambatan.anggaran", "q4"),
    ]
    same = base + [
        ("I-02", "p1", "hambatan.koordinasi", "q5"),
        ("I-02", "p2", "hambatan.koordinasi", "q5"),
    ]
    cut = base + [
        ("I-02", "p1", "hambatan.koordinasi", "q5"),
        ("I-02", "p2", "hambatan.koordinasi", "q5 panjang"),
    ]
    k_same = an.agreement(_seg(same), codebook)[0].set_index("kode").loc["hambatan.anggaran"]
    k_cut = an.agreement(_seg(cut), codebook)[0].set_index("kode").loc["hambatan.anggaran"]
    assert an.kappa_2x2(2, 1, 1, 1).kappa == Fraction(1, 6)
    assert an.kappa_2x2(2, 1, 1, 2).kappa == Fraction(1, 3)
    assert k_same["nilai"] == pytest.approx(1 / 6, abs=1e-4)
    assert k_cut["nilai"] == pytest.approx(1 / 3, abs=1e-4)


@pytest.fixture(scope="module")
def codebook():
    return load_interview_codebook()


ROSTER = pd.DataFrame(
    {
        "id_informan": ["I-01", "I-02", "I-03", "I-04"],
        "nama": ["A", "B", "C", "D"],
        "jabatan": ["x", "y", "z", "w"],
        "kelompok": ["Dinas Sosial", "PSM", "PSM", "Masyarakat"],
        "tanggal_wawancara": ["2019-01-01"] * 4,
    }
)


def _seg(rows):
    """Segments from (informant, coder, code, quote) tuples; document = informant."""
    groups = dict(zip(ROSTER["id_informan"], ROSTER["kelompok"], strict=True))
    recs = []
    for i, (inf, coder, code, quote) in enumerate(rows, start=1):
        recs.append(
            {
                "id_segmen": f"S-{i:04d}",
                "berkas": "t.csv",
                "baris": i + 1,
                "format": "segmen",
                "dokumen": inf,
                "id_informan": inf,
                "pseudonim": f"{inf} ({groups[inf]})",
                "kelompok": groups[inf],
                "pengkode": coder,
                "kode": code,
                "kutipan": quote,
                "memo": "",
                "dokumen_kunci": inf.lower(),
                "kutipan_kunci": quote.lower(),
            }
        )
    return pd.DataFrame(recs)


SEGMENTS = [
    ("I-01", "p1", "hambatan.anggaran", "q1"),
    ("I-01", "p1", "peran.monev", "q2"),
    ("I-02", "p1", "hambatan.anggaran", "q3"),
    ("I-02", "p1", "hambatan.anggaran", "q4"),
    ("I-02", "p1", "hambatan.kurang_pembinaan", "q5"),
    ("I-03", "p1", "hambatan.kurang_pembinaan", "q6"),
    ("I-04", "p1", "hambatan.kurang_pembinaan", "q7"),
    # second coder on I-02's document: agrees on q3, gives q4 another code, misses q5,
    # adds a code on q3
    ("I-02", "p2", "hambatan.anggaran", "q3"),
    ("I-02", "p2", "hambatan.beban_relawan", "q3"),
    ("I-02", "p2", "hambatan.koordinasi", "q4"),
]


@pytest.fixture(scope="module")
def tables(codebook):
    return build_tables(_seg(SEGMENTS), codebook, Roster(ROSTER))


def test_main_coder_codings_are_analysed(tables):
    seg = tables["segmen"]
    assert seg.loc[seg["analisis"], "pengkode"].unique().tolist() == ["p1"]
    assert int(seg["analisis"].sum()) == 7


def test_code_frequency(tables):
    f = tables["kode_frekuensi"].set_index("kode")
    assert f.loc[
        "hambatan.anggaran", ["jumlah_segmen", "jumlah_informan", "jumlah_kelompok"]
    ].tolist() == [3, 2, 2]
    assert f.loc["hambatan.kurang_pembinaan", "persen_informan"] == 75.0  # 3 of 4
    assert f.loc["peran.diklat", "jumlah_segmen"] == 0


def test_matrices_include_zero_cells(tables):
    m = tables["matriks_kode_kelompok"]
    assert len(m) == 14 * 3  # codable codes x groups interviewed
    cell = m[(m["kode"] == "hambatan.anggaran") & (m["kelompok"] == "PSM")].iloc[0]
    assert (cell["jumlah_segmen"], cell["jumlah_informan"], cell["informan_kelompok"]) == (2, 1, 2)
    mi = tables["matriks_kode_informan"]
    assert len(mi) == 14 * 4
    assert (
        mi.loc[
            (mi["kode"] == "hambatan.anggaran") & (mi["id_informan"] == "I-02"), "jumlah_segmen"
        ].item()
        == 2
    )


def test_triangulation_flags_single_group_findings(tables):
    t = tables["triangulasi"].set_index("kode")
    assert t.loc["peran.monev", "satu_kelompok"]
    assert t.loc["peran.monev", "status"] == "hanya satu kelompok"
    assert t.loc["hambatan.kurang_pembinaan", "kelompok"] == "PSM; Masyarakat"
    assert t.loc["hambatan.kurang_pembinaan", "jumlah_kelompok"] == 2
    assert t.loc["peran.diklat", "status"] == "tidak muncul"


def test_hambatan_ranked_by_informants(tables):
    r = tables["hambatan_peringkat"]
    assert r[["peringkat", "kode", "jumlah_informan"]].head(3).values.tolist() == [
        [1, "hambatan.kurang_pembinaan", 3],
        [2, "hambatan.anggaran", 2],
        [3, "hambatan.cakupan_pelatihan", 0],
    ]
    assert set(r["peringkat"].iloc[2:]) == {3}  # all the unmentioned ones tie


def test_agreement_tables(tables):
    a = tables["kesepakatan"].set_index("kode")
    # units: q3, q4, q5 in I-02's document (both coders coded it)
    # anggaran: p1 {q3, q4}, p2 {q3} -> a=1, b=1, c=0, d=1
    row = a.loc["hambatan.anggaran"]
    assert row[
        ["jumlah_unit", "keduanya", "hanya_pengkode_1", "hanya_pengkode_2", "tidak_keduanya"]
    ].tolist() == [3, 1, 1, 0, 1]
    # p_o = 2/3; p_e = (2*1 + 1*2)/9 = 4/9; kappa = (6/9 - 4/9)/(5/9) = 0.4
    assert row["koefisien"] == "kappa Cohen" and row["nilai"] == pytest.approx(0.4)
    assert row["proporsi_kesepakatan"] == pytest.approx(0.6667)
    # 0.40 is at the threshold: flagged for discussion
    assert bool(row["perlu_dibahas"]) and row["catatan"].startswith("kappa <= 0,40")
    assert a.loc["peran.diklat", "catatan"] == "tidak dipakai kedua pengkode"
    assert not a.loc["peran.diklat", "perlu_dibahas"]
    # overall: the unit x code decisions of the 4 codes used (anggaran,
    # kurang_pembinaan, beban_relawan, koordinasi): a = 1, b = 2, c = 2, d = 7, as
    # Krippendorff's alpha, not Cohen's kappa. Exact (Krippendorff 2011, binary, two
    # coders): n = 24 values, n_1 = 2 + 2 + 2 = 6, n_0 = 18, b + c = 4:
    # alpha = 1 - 23 * 4 / (18 * 6) = 4/27
    all_row = a.loc[an.ALL_CODES]
    assert all_row[
        ["keduanya", "hanya_pengkode_1", "hanya_pengkode_2", "tidak_keduanya"]
    ].tolist() == [1, 2, 2, 7]
    assert all_row["koefisien"] == "alpha Krippendorff (nominal)"
    assert all_row["nilai"] == pytest.approx(float(Fraction(4, 27)), abs=1e-4)
    assert all_row["kekuatan"] == "tidak dapat diandalkan"
    assert "Cohen" not in all_row["label"] + all_row["catatan"]
    d = tables["ketidaksepakatan"]  # b + c = 4 unit x code disagreements
    assert d[["kutipan", "kode", "dikodekan_oleh", "tidak_dikodekan_oleh"]].values.tolist() == [
        ["q3", "hambatan.beban_relawan", "p2", "p1"],
        ["q4", "hambatan.anggaran", "p1", "p2"],
        ["q4", "hambatan.koordinasi", "p2", "p1"],
        ["q5", "hambatan.kurang_pembinaan", "p1", "p2"],
    ]


def test_demo_results(tmp_path):
    """The committed demo gives the numbers notebook 05 reports (on a copy holding the
    tracked codebook and the demo inputs, whatever codings sit in this checkout)."""
    out = build_outputs(make_project(tmp_path, roster=None, demo=True))
    assert [i.path for i in out.inputs if i.demo] == [
        "data/demo/interviews/segmen_terkode_DEMO.csv",
        "data/demo/interviews/taguette_highlights_DEMO__pengkode_2.csv",
        "data/demo/private/informan_DEMO.csv",
    ]
    rank = out.files["wawancara_hambatan_peringkat.csv"]
    assert rank[["peringkat", "kode", "jumlah_informan"]].values.tolist() == [
        [1, "hambatan.cakupan_pelatihan", 7],
        [1, "hambatan.kurang_pembinaan", 7],
        [3, "hambatan.desa_tanpa_psm", 5],
        [3, "hambatan.jarak_akses", 5],
        [3, "hambatan.beban_relawan", 5],
        [6, "hambatan.anggaran", 4],
        [7, "hambatan.koordinasi", 3],
    ]
    tri = out.files["wawancara_triangulasi.csv"]
    assert tri.loc[tri["satu_kelompok"], "kode"].tolist() == ["peran.monev"]
    agree = out.files["wawancara_kesepakatan.csv"].set_index("kode")
    overall = agree.loc[an.ALL_CODES]
    assert overall["jumlah_dokumen"] == 6
    assert overall["koefisien"] == "alpha Krippendorff (nominal)"
    # 34 units x 14 codes = 476 decisions, a = 22, b + c = 24, d = 430: exact binary
    # alpha 1 - 951 * 24 / (884 * 68) = 0.6203 (Krippendorff 2011)
    n1 = 2 * 22 + 24
    exact = 1 - Fraction(951 * 24, (952 - n1) * n1)
    assert overall["nilai"] == pytest.approx(float(exact), abs=1e-4)
    assert overall["proporsi_kesepakatan"] == pytest.approx(0.9496, abs=1e-4)
    # per code: three codes at or below 0.40, honorarium at exactly 0 ("lemah")
    flagged = agree[agree["perlu_dibahas"].astype(bool)]
    assert flagged.index.tolist() == [
        "peran.honorarium",
        "hambatan.anggaran",
        "hambatan.beban_relawan",
    ]
    assert (
        flagged.loc["peran.honorarium", "nilai"],
        flagged.loc["peran.honorarium", "kekuatan"],
    ) == (
        0.0,
        "lemah",
    )
    assert len(out.files["wawancara_ketidaksepakatan.csv"]) == 24
