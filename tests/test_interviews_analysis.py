"""Frequencies, matrices, triangulation, the hambatan ranking and Cohen's kappa, on small
tables whose answers are worked out by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from psm_analysis.interviews import analysis as an
from psm_analysis.interviews.codebook import load_codebook
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
    kappa, po, pe = an.kappa_2x2(20, 5, 10, 15)
    assert po == pytest.approx(0.70)
    assert pe == pytest.approx(0.50)
    assert kappa == pytest.approx(0.40)
    assert an.kappa_label(kappa) == "cukup"


def test_kappa_edge_cases():
    # perfect agreement with both categories used: p_o = 1, p_e = (4*4 + 6*6)/100 = 0.52
    assert an.kappa_2x2(4, 0, 0, 6)[0] == pytest.approx(1.0)
    # every unit coded "yes" by both: p_e = 1, kappa undefined
    assert math.isnan(an.kappa_2x2(5, 0, 0, 0)[0])
    # agreement no better than chance: [[0, 2], [0, 32]] -> p_o = p_e = 32/34, kappa 0
    assert an.kappa_2x2(0, 2, 0, 32)[0] == pytest.approx(0.0)
    assert an.kappa_label(-0.1) == "buruk" and an.kappa_label(0.81) == "sangat baik"


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


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
    assert row["kappa"] == pytest.approx(0.4)
    assert row["proporsi_kesepakatan"] == pytest.approx(0.6667)
    assert a.loc["peran.diklat", "catatan"] == "tidak dipakai kedua pengkode"
    # pooled over the 4 codes used (anggaran, kurang_pembinaan, beban_relawan, koordinasi):
    # a = 1, b = 1 + 1 = 2, c = 1 + 1 = 2, d = 12 - 5 = 7
    all_row = a.loc[an.ALL_CODES]
    assert all_row[
        ["keduanya", "hanya_pengkode_1", "hanya_pengkode_2", "tidak_keduanya"]
    ].tolist() == [1, 2, 2, 7]
    d = tables["ketidaksepakatan"]  # b + c = 4 unit x code disagreements
    assert d[["kutipan", "kode", "dikodekan_oleh", "tidak_dikodekan_oleh"]].values.tolist() == [
        ["q3", "hambatan.beban_relawan", "p2", "p1"],
        ["q4", "hambatan.anggaran", "p1", "p2"],
        ["q4", "hambatan.koordinasi", "p2", "p1"],
        ["q5", "hambatan.kurang_pembinaan", "p1", "p2"],
    ]


def test_demo_results():
    """The committed demo gives the numbers notebook 05 reports."""
    out = build_outputs()
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
    assert overall["kappa"] == pytest.approx(0.6199, abs=1e-4)
    assert overall["proporsi_kesepakatan"] == pytest.approx(0.9496, abs=1e-4)
    assert len(out.files["wawancara_ketidaksepakatan.csv"]) == 24
