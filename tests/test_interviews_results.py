"""Helpers and thesis tables for notebook 05, on the demo outputs written to a copy."""

from __future__ import annotations

import pytest
from test_interviews_support import make_project

from psm_analysis import catalog
from psm_analysis.interviews import results
from psm_analysis.interviews.pipeline import build_outputs
from psm_analysis.pipeline import write_outputs


@pytest.fixture(scope="module")
def paths(tmp_path_factory):
    paths = make_project(tmp_path_factory.mktemp("p"), roster=None, demo=True)
    write_outputs(build_outputs(paths).files, paths.processed)
    return paths


def test_wide_matrices(paths):
    wide = results.wide_by_group(catalog.load("wawancara_matriks_kode_kelompok", paths))
    assert list(wide.columns) == [
        "Dinas Sosial",
        "TKSK",
        "PSM",
        "Pemerintah Kecamatan/Desa",
        "Masyarakat",
    ]
    assert wide.loc["Kurangnya pembinaan terhadap PSM"].tolist() == [0, 1, 4, 1, 1]
    assert wide.index[0] == "Penataan dan pemetaan PSM"
    inf = results.wide_by_informant(
        catalog.load("wawancara_matriks_kode_informan", paths), "hambatan"
    )
    assert list(inf.columns)[:3] == ["I-01", "I-02", "I-03"] and inf.shape == (7, 12)


def test_selected_quotes_prefer_different_groups(paths):
    q = results.selected_quotes(catalog.load("wawancara_kutipan", paths), 2, "hambatan")
    first = q[q["kode"] == "hambatan.kurang_pembinaan"]
    assert first["kelompok"].tolist() == ["TKSK", "PSM"]
    assert len(q) == 14


def test_survey_links_without_questionnaire(paths):
    links = results.survey_links(paths)
    assert links["indikator_kuesioner"].tolist() == [
        "PDS_1",
        "PDS_2",
        "PDS_4",
        "PDS_3",
        "PDS_5",
        "PDS_6",
        "PDS_2",
        "PDS_6",
    ]
    assert links["indeks"].isna().all()


def test_reader_tables_have_indonesian_headers(paths):
    t = results.reader_table(
        catalog.load("wawancara_hambatan_peringkat", paths), "hambatan_peringkat"
    )
    assert list(t.columns) == [
        "Peringkat",
        "Temuan (kode)",
        "Jumlah informan",
        "Persentase informan",
        "Jumlah segmen",
        "Kelompok yang menyebut",
    ]
    t = results.reader_table(catalog.load("wawancara_informan", paths), "informan")
    assert "nama" not in " ".join(t.columns).lower()
    assert t["Informan (pseudonim)"].iloc[3] == "I-04 (TKSK)"
    # dates as the thesis writes them, not ISO
    assert t.iloc[0, 4] == "15 April 2019"
    assert results.format_date("2019-12-01") == "1 Desember 2019"
    assert results.format_date("12/01/2020") == "12/01/2020"
    assert results.format_date(None) == ""
    assert results.inline("Kurangnya pembinaan terhadap PSM") == (
        "kurangnya pembinaan terhadap PSM"
    )
    assert results.inline("TKSK jarang datang") == "TKSK jarang datang"


def test_year_span(paths):
    import pandas as pd

    assert results.year_span(catalog.load("wawancara_informan", paths)) == "2019"
    df = pd.DataFrame({"tanggal_wawancara": ["2019-04-01", "", "12/01/2020"]})
    assert results.year_span(df) == "2019–2020"
    assert results.year_span(df.iloc[1:2]) == "tanpa tahun"


def test_agreement_table_is_per_code_and_the_text_names_the_overall_alpha(paths):
    agree = catalog.load("wawancara_kesepakatan", paths)
    table = results.reader_table(agree, "kesepakatan")
    # per-code Cohen's kappa only: the overall row is Krippendorff's alpha, not a kappa
    assert len(table) == 14 and "Semua kode" not in " ".join(table["Temuan (kode)"])
    assert list(table.columns[-4:]) == [
        "Kappa Cohen",
        "Kekuatan kesepakatan",
        "Perlu dibahas",
        "Catatan",
    ]
    assert table["Perlu dibahas"].sum() == 3
    (text,) = results.agreement_text(agree)
    assert "Kappa Cohen per kode (ukuran utama) untuk 14 kode yang dipakai" in text
    assert (
        "**3 kode** bernilai 0,40 atau kurang dan perlu dibahas: honorarium PSM "
        "(kappa 0,00, lemah); keterbatasan anggaran (kappa 0,28, cukup); beban kerja PSM "
        "sebagai relawan (kappa 0,35, cukup)." in text
    )
    assert "alpha Krippendorff (nominal) atas keputusan ya/tidak" in text
    assert "**0,620** (tidak dapat diandalkan menurut Krippendorff 2019" in text
    assert text.endswith("dokumen dikodekan ulang sebelum temuan di atas dipakai sebagai simpulan.")
    assert "dapat dipakai" not in text.replace("belum dapat", "")


def test_agreement_conclusion_follows_the_per_code_flags_and_alpha(paths):
    agree = catalog.load("wawancara_kesepakatan", paths)
    overall = agree["kode"] == "(semua kode)"
    # alpha 0.85 but three codes flagged: not "usable", the flagged codes to discuss
    high = agree.copy()
    high.loc[overall, ["nilai", "kekuatan"]] = [0.85, "dapat diandalkan"]
    (text,) = results.agreement_text(high)
    assert "hanya dapat dipakai untuk simpulan sementara; kode yang ditandai" in text
    # alpha 0.85 and no code flagged: usable
    clean = high.copy()
    clean["perlu_dibahas"] = False
    (text,) = results.agreement_text(clean)
    assert "tidak ada kode yang bernilai 0,40 atau kurang." in text
    assert text.endswith("Pengodean dapat dipakai; ketidaksepakatan di bawah tetap bahan diskusi.")
