"""Consistency report: tables against each other, the text and the references."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from psm_analysis.config import get_paths
from psm_analysis.dinsos import read_tables
from psm_analysis.dinsos.checks import COLUMNS, run_checks
from psm_analysis.errors import DataError


@pytest.fixture(scope="module")
def tables():
    return read_tables()


@pytest.fixture(scope="module")
def report(tables):
    return run_checks(tables)


def _row(report, id_):
    hit = report[report["id"] == id_]
    assert len(hit) == 1, id_
    return hit.iloc[0]


def test_report_shape(report):
    assert list(report.columns) == COLUMNS
    assert set(report["status"]) == {"sesuai", "tidak sesuai", "catatan"}
    assert len(report) == 18


def test_seksi_responsible_for_psm_is_in_the_structure(tables, report):
    """BAB I: "yang bertanggungjawab dalam meningkatkan kinerja PSM yakni Bidang
    Pemberdayaan Sosial dan Penanganan Fakir Miskin pada Seksi Identifikasi dan Penguatan
    Kapasitas" (issue 22 item 6), against struktur_organisasi.csv."""
    row = _row(report, "seksi_pembina_psm_struktur")
    assert (row["diharapkan"], row["ditemukan"], row["status"]) == (
        "Seksi Identifikasi dan Penguatan Kapasitas (Seksi)",
        "Seksi Identifikasi dan Penguatan Kapasitas, di bawah Bidang Pemberdayaan Sosial dan "
        "Penanganan Fakir Miskin",
        "sesuai",
    )
    s = tables.struktur
    assert len(s) == 16 and list(s["jenis"]).count("Seksi") == 9
    assert list(s["jenis"]).count("Subbagian") == 2
    renamed = s.replace({"Seksi Identifikasi dan Penguatan Kapasitas": "Seksi Identifikasi"})
    changed = run_checks(dataclasses.replace(tables, struktur=renamed))
    row = _row(changed, "seksi_pembina_psm_struktur")
    assert (row["ditemukan"], row["status"]) == (
        "tidak ada dalam struktur_organisasi.csv",
        "tidak sesuai",
    )


def test_psm_total_agrees_across_tables(report):
    row = _row(report, "psm_total_tabel_I1_I2")
    assert (row["diharapkan"], row["ditemukan"], row["status"]) == (
        "120 orang (Tabel I.1)",
        "120 orang (penjumlahan 12 kecamatan, Tabel I.2)",
        "sesuai",
    )
    assert _row(report, "psm_jumlah_tercetak_tabel_I2")["status"] == "sesuai"
    row = _row(report, "psm_total_tabel_I3")
    assert row["ditemukan"].startswith("120 orang (Tabel I.3: Pendidikan dan Pelatihan")
    assert row["status"] == "sesuai"


def test_trained_psm_agrees_with_text(report):
    row = _row(report, "psm_terlatih_teks")
    assert row["status"] == "sesuai"
    assert row["ditemukan"] == "80 orang (Tabel I.3)"
    assert row["diharapkan"].startswith('80 orang (teks: "80 orang", BAB I')
    assert row["keterangan"].startswith("66,67 % dari 120 orang; kutipan: Data yang dimiliki")


def test_kecamatan_and_tksk(report):
    assert _row(report, "kecamatan_resmi")["status"] == "sesuai"
    assert _row(report, "kecamatan_teks")["status"] == "sesuai"
    row = _row(report, "tksk_per_kecamatan")
    assert (row["diharapkan"], row["ditemukan"], row["status"]) == (
        "12 orang (satu per kecamatan)",
        "12 orang (Tabel I.1)",
        "sesuai",
    )


def test_twelve_psks_in_text_eleven_in_table_dunia_usaha_missing(report):
    row = _row(report, "jenis_psks")
    assert (row["diharapkan"], row["ditemukan"], row["status"], row["keterangan"]) == (
        "12 jenis (teks; Permensos 08/2012 memuat 12)",
        "11 jenis (Tabel I.1)",
        "tidak sesuai",
        "jenis resmi yang tidak ada di Tabel I.1: Dunia Usaha",
    )


def test_non_official_spellings_and_where_they_occur(report):
    spelling = report[report["id"].str.startswith("ejaan_")]
    assert spelling[["id", "ditemukan", "status"]].values.tolist() == [
        [
            "ejaan_psks_tabel_I1",
            "Kesejahteraan Sosial Berbasis Masyarakat (WKSBM), Tabel I.1",
            "tidak sesuai",
        ],
        ["ejaan_kecamatan_tabel_I2", "Bandar Pelatangan, Tabel I.2", "tidak sesuai"],
        [
            "ejaan_psks_teks",
            "Tenaga Kerja Sosial Kecamatan (TKSK), teks: BAB I, A. Latar Belakang Masalah, "
            "paragraf tentang PSKS, kalimat berikutnya (sebelum Tabel I.1)",
            "tidak sesuai",
        ],
    ]
    assert spelling["diharapkan"].tolist() == [
        "Wahana Kesejahteraan Sosial Berbasis Masyarakat (WKSBM), Permensos 08/2012",
        "Bandar Petalangan, 14.05.12, Kemendagri",
        "Tenaga Kesejahteraan Sosial Kecamatan (TKSK), Permensos 08/2012",
    ]


def test_psm_against_desa_kelurahan(report):
    kk = _row(report, "psm_desa_kelurahan_14.05.10")
    assert (kk["pemeriksaan"], kk["diharapkan"], kk["ditemukan"], kk["status"]) == (
        "PSM dan desa/kelurahan: Kuala Kampar",
        "10 desa/kelurahan (Kemendagri)",
        "11 PSM (Tabel I.2)",
        "catatan",
    )
    tm = _row(report, "psm_desa_kelurahan_14.05.09")
    assert (tm["diharapkan"], tm["ditemukan"]) == (
        "9 desa/kelurahan (Kemendagri)",
        "10 PSM (Tabel I.2)",
    )
    total = _row(report, "psm_desa_kelurahan_total")
    assert (total["diharapkan"], total["ditemukan"], total["keterangan"]) == (
        "118 desa/kelurahan (Kemendagri)",
        "120 PSM (Tabel I.2)",
        "selisih 2",
    )
    assert _row(report, "psm_desa_kelurahan_sama")["ditemukan"] == "10 kecamatan sama"
    bunut = _row(report, "bunut_belum_semua_desa_teks")
    assert (bunut["ditemukan"], bunut["status"]) == ("10 PSM (Tabel I.2)", "catatan")


def test_years_differ(report):
    row = _row(report, "tahun_sumber")
    assert (row["ditemukan"], row["status"]) == (
        "I.1: 2017; I.2: 2018; I.3: 2017; I.4: tidak dicantumkan",
        "tidak sesuai",
    )


# The checks can fail: change the data and the status changes.


def test_changed_numbers_turn_checks_to_tidak_sesuai(tables):
    psm = tables.psm_per_kecamatan.copy()
    psm.loc[psm["kecamatan"] == "Bunut", "jumlah_psm"] = 11
    tenaga = tables.tenaga_sosial.copy()
    tenaga.loc[tenaga["kode_psks"] == 11, "jumlah"] = 11
    klaim = tables.klaim.copy()
    klaim.loc[klaim["klaim"] == "psm_terlatih", "nilai"] = "90 orang"
    changed = dataclasses.replace(tables, psm_per_kecamatan=psm, tenaga_sosial=tenaga, klaim=klaim)
    report = run_checks(changed)
    for id_ in (
        "psm_total_tabel_I1_I2",
        "psm_jumlah_tercetak_tabel_I2",
        "tksk_per_kecamatan",
        "psm_terlatih_teks",
    ):
        assert _row(report, id_)["status"] == "tidak sesuai", id_
    assert _row(report, "psm_jumlah_tercetak_tabel_I2")["ditemukan"] == "120 orang (tertulis)"


def test_complete_and_official_tables_pass(tables):
    tenaga = tables.tenaga_sosial.copy()
    tenaga["ejaan_resmi"] = True
    extra = tenaga.iloc[[0]].assign(
        no=12, jenis_di_sumber="Dunia Usaha", jenis_resmi="Dunia Usaha", kode_psks=12
    )
    tenaga = pd.concat([tenaga, extra], ignore_index=True)
    psm = tables.psm_per_kecamatan.copy()
    psm["ejaan_resmi"] = True
    sumber = tables.sumber.copy()
    sumber["tahun"] = pd.array([2018] * 4, dtype="Int64")
    klaim = tables.klaim[~tables.klaim["klaim"].str.startswith("ejaan")]
    changed = dataclasses.replace(
        tables, tenaga_sosial=tenaga, psm_per_kecamatan=psm, sumber=sumber, klaim=klaim
    )
    report = run_checks(changed)
    for id_ in ("jenis_psks", "ejaan_psks_tabel_I1", "ejaan_kecamatan_tabel_I2", "tahun_sumber"):
        assert _row(report, id_)["status"] == "sesuai", id_
    assert "ejaan_psks_teks" not in set(report["id"])


def test_missing_claim_is_a_broken_input(tables):
    klaim = tables.klaim[tables.klaim["klaim"] != "psm_terlatih"]
    with pytest.raises(DataError) as err:
        run_checks(dataclasses.replace(tables, klaim=klaim), get_paths())
    assert str(err.value) == (
        "berkas data/raw/dinsos/klaim_teks.csv, kolom 'klaim': klaim teks yang diperlukan "
        'pemeriksaan tidak ada: nilai "psm_terlatih"'
    )
