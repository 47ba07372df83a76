"""Agreement by character overlap: hand-computed values, the ``krippendorff`` package, and
the table built from two coders' REFI-QDA selections."""

from __future__ import annotations

import krippendorff
import numpy as np
import pandas as pd
import pytest
import qdpx_fixtures as fx
from test_interviews_support import make_project

from psm_analysis.interviews.codebook import load_interview_codebook
from psm_analysis.interviews.overlap import (
    character_agreement,
    coded_mask,
    document_counts,
    weighted_kappa,
)
from psm_analysis.interviews.pipeline import build_outputs
from psm_analysis.interviews.results import character_agreement_text

# Two documents, A (20 characters) and B (10), two codes:
# peran.diklat: coder 1 A[0:10], coder 2 A[5:15]; nobody in B
# hambatan.anggaran: both A[0:4]; coder 1 B[2:6]
SEG = pd.DataFrame(
    [
        ("k1", "a", "peran.diklat", 0, 10, 20),
        ("k2", "a", "peran.diklat", 5, 15, 20),
        ("k1", "a", "hambatan.anggaran", 0, 4, 20),
        ("k2", "a", "hambatan.anggaran", 0, 4, 20),
        ("k1", "b", "hambatan.anggaran", 2, 6, 10),
        ("k2", "b", "peran.diklat", 9, 9, 10),  # empty: coder 2 coded document b
    ],
    columns=["pengkode", "dokumen_kunci", "kode", "awal", "akhir", "panjang_dokumen"],
)


def test_counts_and_weighted_kappa_by_hand():
    m1, m2 = coded_mask(20, [(0, 10)]), coded_mask(20, [(5, 15)])
    assert document_counts(m1, m2) == (5, 5, 5, 5)
    # A: p_o = 0.5, p_e = (10*10 + 10*10)/400 = 0.5, kappa 0; B: neither coder used the
    # code, left out
    assert weighted_kappa([(5, 5, 5, 5), (0, 0, 0, 10)]) == 0.0
    # coded alike throughout (p_e = 1): kappa 1
    assert weighted_kappa([(10, 0, 0, 0), (0, 0, 0, 10)]) == 1.0
    # A: kappa 1; B: p_o = 0.6 = p_e, kappa 0
    assert weighted_kappa([(4, 0, 0, 16), (0, 4, 0, 6)]) == pytest.approx(20 / 30)
    assert weighted_kappa([]) is None


def test_character_agreement_table(tmp_path):
    cb = load_interview_codebook(paths=make_project(tmp_path))
    t = character_agreement(SEG, cb)
    assert list(t["kode"]) == ["peran.diklat", "hambatan.anggaran", "(semua kode)"]
    assert t[
        ["keduanya", "hanya_pengkode_1", "hanya_pengkode_2", "tidak_keduanya"]
    ].values.tolist() == [
        [5, 5, 5, 15],
        [4, 4, 0, 22],
        [9, 9, 5, 37],
    ]
    assert list(t["jumlah_karakter"]) == [30, 30, 30] and list(t["jumlah_dokumen"]) == [2, 2, 2]
    assert list(t["proporsi_kesepakatan"]) == [
        round(20 / 30, 4),
        round(26 / 30, 4),
        round(46 / 60, 4),
    ]
    assert t["nilai"].iloc[0] == 0.0 and t["nilai"].iloc[1] == round(2 / 3, 4)
    # alpha by hand: n = 120, n1 = 2*9 + 9 + 5 = 32, n0 = 2*37 + 14 = 88;
    # 1 - 119 * 14 / (88 * 32) = 0.408381...
    assert t["nilai"].iloc[2] == round(1 - 119 * 14 / (88 * 32), 4) == 0.4084
    # the same from the krippendorff package on the character x code decisions
    x = np.concatenate(
        [
            coded_mask(20, [(0, 10)]),
            coded_mask(10, []),
            coded_mask(20, [(0, 4)]),
            coded_mask(10, [(2, 6)]),
        ]
    )
    y = np.concatenate(
        [
            coded_mask(20, [(5, 15)]),
            coded_mask(10, []),
            coded_mask(20, [(0, 4)]),
            coded_mask(10, []),
        ]
    )
    ref = krippendorff.alpha(
        reliability_data=np.vstack([x, y]).astype(int), level_of_measurement="nominal"
    )
    assert t["nilai"].iloc[2] == round(ref, 4)
    assert list(t["kekuatan"]) == ["lemah", "baik", "tidak dapat diandalkan"]
    assert list(t["perlu_dibahas"]) == [True, False, False]


def test_documents_of_different_length_are_not_compared(tmp_path):
    cb = load_interview_codebook(paths=make_project(tmp_path))
    seg = SEG.copy()
    seg.loc[seg["pengkode"] == "k2", "panjang_dokumen"] = 21
    assert character_agreement(seg, cb).empty
    assert character_agreement(seg.drop(columns=["awal"]), cb).empty


def test_two_coders_in_a_qdpx_reach_the_table_and_the_sentence(tmp_path):
    paths = make_project(tmp_path)
    fx.nvivo_qdpx(paths.raw_interviews / "nvivo.qdpx")
    t = build_outputs(paths).files["wawancara_kesepakatan_karakter.csv"]
    n = len(fx.NVIVO_TEXT)
    # Dedi: Kurang pembinaan on both passages (21 + 33 characters); Rina: Anggaran on the first
    assert t[
        [
            "pengkode_1",
            "pengkode_2",
            "kode",
            "keduanya",
            "hanya_pengkode_1",
            "hanya_pengkode_2",
            "tidak_keduanya",
            "nilai",
        ]
    ].values.tolist() == [
        ["Dedi", "Rina", "hambatan.kurang_pembinaan", 0, 54, 0, n - 54, 0.0],
        ["Dedi", "Rina", "hambatan.anggaran", 0, 0, 21, n - 21, 0.0],
        [
            "Dedi",
            "Rina",
            "(semua kode)",
            0,
            54,
            21,
            2 * n - 75,
            round(1 - (4 * n - 1) * 75 / ((4 * n - 75) * 75), 4),
        ],
    ]
    text = character_agreement_text(t)
    assert text[0].startswith(
        "Karena kodean **Dedi** dan **Rina** membawa posisi dalam transkrip, kesepakatan juga "
        f"dihitung dengan **unit karakter** atas {n} karakter dari 1 dokumen"
    )
    assert "kutipan berkode" in character_agreement_text(t.iloc[0:0])[0]
