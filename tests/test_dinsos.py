"""Tabel I.1-I.4: seed values, cleaners, the dinsos builder, loaders."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from psm_analysis import catalog
from psm_analysis.config import get_paths
from psm_analysis.dinsos import build_outputs, parse_keterangan, read_tables
from psm_analysis.errors import DataError
from psm_analysis.files import csv_bytes
from psm_analysis.printed_table import read_printed_table


@pytest.fixture(scope="module")
def tables():
    return read_tables()


@pytest.fixture
def raw_copy(tmp_path, monkeypatch):
    """A project root holding only data/raw/dinsos and data/raw/reference."""
    src = get_paths()
    root = tmp_path / "proj"
    for folder in (src.raw_dinsos, src.raw_reference):
        shutil.copytree(folder, root / "data" / "raw" / folder.name)
    monkeypatch.setenv("PSM_ANALYSIS_ROOT", str(root))
    return get_paths(root)


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_psm_per_kecamatan_seed_values(tables):
    df = tables.psm_per_kecamatan.set_index("kode_wilayah")
    assert len(df) == 12
    assert list(tables.psm_per_kecamatan.columns[:9]) == [
        "kode_wilayah",
        "kecamatan",
        "nama_di_sumber",
        "ejaan_resmi",
        "jumlah_psm",
        "jumlah_desa",
        "jumlah_kelurahan",
        "jumlah_desa_kelurahan",
        "selisih_psm_desa_kelurahan",
    ]
    assert tables.psm_per_kecamatan["kode_wilayah"].is_monotonic_increasing
    expected = {
        "14.05.08": ("Bunut", 10, 10),
        "14.05.03": ("Pangkalan Kuras", 17, 17),
        "14.05.12": ("Bandar Petalangan", 11, 11),
        "14.05.10": ("Kuala Kampar", 11, 10),
        "14.05.09": ("Teluk Meranti", 10, 9),
        "14.05.11": ("Bandar Sei Kijang", 5, 5),
    }
    for kode, (name, n_psm, n_dk) in expected.items():
        row = df.loc[kode]
        assert (row["kecamatan"], row["jumlah_psm"], row["jumlah_desa_kelurahan"]) == (
            name,
            n_psm,
            n_dk,
        )
    assert df.loc["14.05.12", "nama_di_sumber"] == "Bandar Pelatangan"
    assert not df.loc["14.05.12", "ejaan_resmi"]
    assert df["jumlah_psm"].sum() == 120
    assert df["jumlah_desa_kelurahan"].sum() == 118
    assert (df["sumber"] == "Dinas Sosial Kabupaten Pelalawan").all()
    assert (df["tahun"] == 2018).all()
    assert tables.psm_jumlah_tercetak == 120
    assert tables.psm_jumlah_dihitung == 120


def test_tenaga_sosial_seed_values(tables):
    df = tables.tenaga_sosial.set_index("jenis_resmi")
    assert len(df) == 11
    kt = df.loc["Karang Taruna"]
    assert (kt["jumlah"], kt["satuan"], kt["nihil"]) == (130, "kelompok", False)
    psp = df.loc["Pekerja Sosial Profesional"]
    assert (psp["jumlah"], psp["nihil"]) == (0, True)
    assert pd.isna(psp["satuan"])
    assert df.loc["Pekerja Sosial Masyarakat", "jumlah"] == 120
    assert df.loc["Lembaga Konsultasi Kesejahteraan Keluarga", "satuan"] == "organisasi"
    wksbm = df.loc["Wahana Kesejahteraan Sosial Berbasis Masyarakat"]
    assert wksbm["jenis_di_sumber"] == "Kesejahteraan Sosial Berbasis Masyarakat (WKSBM)"
    assert (wksbm["singkatan"], wksbm["ejaan_resmi"], wksbm["no"]) == ("WKSBM", False, 8)
    assert df.loc["Tenaga Kesejahteraan Sosial Kecamatan", "jumlah"] == 12
    assert "Dunia Usaha" not in df.index
    assert (df["tahun"] == 2017).all()


def test_kegiatan_seed_values(tables):
    df = tables.kegiatan.set_index("no")
    diklat, bimtek = df.loc[2], df.loc[4]
    assert (diklat["status"], diklat["terlaksana"]) == ("Kurang Terlaksana", False)
    assert (diklat["sasaran_orang"], diklat["tercapai_orang"]) == (120, 80)
    assert diklat["keterangan_asli"] == (
        "Kurang Terlaksana (dari 120 orang PSM baru 80 yang telah mendapat Diklat)"
    )
    assert (bimtek["status"], bimtek["terlaksana"], bimtek["tercapai_orang"]) == (
        "Terlaksana",
        True,
        80,
    )
    assert pd.isna(bimtek["sasaran_orang"])
    assert df["terlaksana"].sum() == 4


def test_diklat_and_sources(tables):
    assert tables.diklat["tahun"].tolist() == [2014, 2015, 2015]
    assert tables.diklat["tahun_sumber"].isna().all()
    src = tables.sumber.set_index("tabel")
    assert src["tahun"].tolist()[:3] == [2017, 2018, 2017]
    assert pd.isna(src.loc["I.4", "tahun"])
    assert src.loc["I.3", "judul"] == "Kegiatan Peningkatan Kinerja Pekerja Sosial Masyarakat"
    assert src.loc["I.2", "sumber_asli"] == "Sumber: Dinas Sosial Kabupaten Pelalawan, 2018"
    assert src.loc["I.1", "berkas"] == "data/raw/dinsos/tabel_I_1.csv"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Terlaksana", ("Terlaksana", True, None, None)),
        (
            "kurang terlaksana (dari 1.250 orang PSM baru 80 yang telah)",
            ("Kurang Terlaksana", False, 1250, 80),
        ),
        ("Belum Terlaksana", ("Belum Terlaksana", False, None, None)),
        ("Terlaksana pada 80 orang PSM", ("Terlaksana", True, None, 80)),
    ],
)
def test_parse_keterangan(text, expected):
    k = parse_keterangan(text)
    assert (k.status, k.terlaksana, k.sasaran_orang, k.tercapai_orang) == expected


def test_parse_keterangan_errors():
    with pytest.raises(DataError) as err:
        parse_keterangan("Selesai", file="t.csv", row=3, column="Keterangan")
    assert str(err.value) == (
        "berkas t.csv, baris 3, kolom 'Keterangan': status kegiatan tidak dikenali: nilai "
        '"Selesai" (yang diharapkan: diawali Tidak Terlaksana, Belum Terlaksana, Kurang '
        "Terlaksana, Terlaksana)"
    )
    with pytest.raises(DataError, match="angka dalam keterangan tidak dikenali"):
        parse_keterangan("Terlaksana 3 kali")


def test_build_outputs_files_and_inputs(tables):
    out = build_outputs(get_paths())
    assert sorted(out.files) == [
        "data_dinas_sosial.xlsx",
        "desa_kelurahan.csv",
        "diklat_psm.csv",
        "kegiatan_peningkatan_kinerja.csv",
        "klaim_teks.csv",
        "pemeriksaan_konsistensi.csv",
        "psm_per_kecamatan.csv",
        "struktur_organisasi.csv",
        "sumber_tabel.csv",
        "tenaga_sosial.csv",
    ]
    assert csv_bytes(out.files["psm_per_kecamatan.csv"]).decode().splitlines()[8] == (
        "14.05.08,Bunut,Bunut,true,10,9,1,10,0,10,Dinas Sosial Kabupaten Pelalawan,2018"
    )
    assert csv_bytes(out.files["tenaga_sosial.csv"]).decode().splitlines()[1] == (
        "1,Pekerja Sosial Profesional,Pekerja Sosial Profesional,,1,true,0,,true,"
        "Dinas Sosial Kabupaten Pelalawan,2017"
    )
    assert len(out.files["desa_kelurahan.csv"]) == 118
    paths = {(i.kind, i.path) for i in out.inputs}
    assert ("dinsos", "data/raw/dinsos/tabel_I_2.csv") in paths
    assert ("reference", "data/raw/reference/wilayah_pelalawan_kepmendagri_2025.csv") in paths
    assert not any(i.demo for i in out.inputs)


def test_build_outputs_twice_gives_identical_bytes():
    a, b = build_outputs(get_paths()), build_outputs(get_paths())
    for name, obj in a.files.items():
        left = obj if isinstance(obj, bytes) else csv_bytes(obj)
        right = b.files[name] if isinstance(obj, bytes) else csv_bytes(b.files[name])
        assert left == right, name


def test_workbook_reads_back_with_read_table(tmp_path):
    path = tmp_path / "w.xlsx"
    path.write_bytes(build_outputs(get_paths()).files["data_dinas_sosial.xlsx"])
    from openpyxl import load_workbook

    wb = load_workbook(path)
    assert wb.sheetnames == [
        "Tabel I.1",
        "Tabel I.2",
        "Tabel I.3",
        "Tabel I.4",
        "Desa-Kelurahan",
        "Sumber Tabel",
        "Pemeriksaan",
    ]
    ws = wb["Tabel I.2"]
    # the shared sheet writer's look (psm_analysis.sheets), as in reports/tables
    assert ws["A2"].value == "Kode wilayah" and ws["A2"].font.bold
    assert ws["A2"].border.left.style == "thin" and ws.freeze_panes == "A3"
    df = read_printed_table(path, sheet="Tabel I.2")
    assert df.attrs["judul"] == "Tabel I.2 Jumlah PSM Menurut Kecamatan di Kabupaten Pelalawan"
    assert df.attrs["sumber"].startswith(
        "Sumber: Dinas Sosial Kabupaten Pelalawan, 2018; Kepmendagri"
    )
    assert df["Jumlah PSM (orang)"].sum() == 120
    assert df["Ejaan resmi"].tolist()[-1] == "tidak"


def test_unknown_kecamatan_is_an_error_with_location(raw_copy):
    _edit(raw_copy.raw_dinsos / "tabel_I_2.csv", ",Bunut,10", ",Bunuut,10")
    with pytest.raises(DataError) as err:
        build_outputs(raw_copy)
    assert str(err.value) == (
        "berkas data/raw/dinsos/tabel_I_2.csv, baris 11, kolom 'Kecamatan': nama kecamatan "
        'tidak dikenali: nilai "Bunuut" (yang diharapkan: nama kecamatan resmi; yang paling '
        "mirip: Bunut)"
    )


def test_every_problem_of_every_table_at_once(raw_copy):
    _edit(raw_copy.raw_dinsos / "tabel_I_1.csv", "130 kelompok", "130 ekor")
    _edit(raw_copy.raw_dinsos / "tabel_I_3.csv", "aktif,Terlaksana", "aktif,Selesai")
    _edit(raw_copy.raw_dinsos / "tabel_I_4.csv", "2014", '"2.014,5"')
    with pytest.raises(DataError) as err:
        build_outputs(raw_copy)
    found = [(p.file, p.row, p.column, p.value) for p in err.value.problems]
    assert found == [
        ("data/raw/dinsos/tabel_I_1.csv", 6, "Jumlah", "130 ekor"),
        ("data/raw/dinsos/tabel_I_3.csv", 2, "Keterangan", "Selesai"),
        ("data/raw/dinsos/tabel_I_4.csv", 2, "Tahun", "2.014,5"),
    ]


def test_wrong_printed_total_of_tabel_I_2_is_a_finding_not_an_error(raw_copy):
    _edit(raw_copy.raw_dinsos / "tabel_I_2.csv", "Jumlah,,120", "Jumlah,,121")
    out = build_outputs(raw_copy)
    checks = out.files["pemeriksaan_konsistensi.csv"].set_index("id")
    row = checks.loc["psm_jumlah_tercetak_tabel_I2"]
    assert (row["diharapkan"], row["ditemukan"], row["status"]) == (
        "120 orang (penjumlahan)",
        "121 orang (tertulis)",
        "tidak sesuai",
    )


def test_sources_file_year_must_match_its_sumber_line(raw_copy):
    _edit(raw_copy.raw_dinsos / "sumber_tabel.csv", '2018",2018', '2018",2017')
    with pytest.raises(DataError) as err:
        build_outputs(raw_copy)
    assert str(err.value) == (
        "berkas data/raw/dinsos/sumber_tabel.csv, baris 3, kolom 'tahun': tahun tidak sama "
        'dengan tahun di baris Sumber: nilai "2017" (yang diharapkan: 2018)'
    )


def test_missing_column_is_an_error(raw_copy):
    _edit(
        raw_copy.raw_dinsos / "tabel_I_4.csv", "No.,Jenis Kegiatan,Tahun", "No.,Jenis Kegiatan,Thn"
    )
    with pytest.raises(DataError) as err:
        build_outputs(raw_copy)
    (p,) = err.value.problems
    assert (p.message, p.file, p.row, p.expected) == (
        "kolom tidak ada",
        "data/raw/dinsos/tabel_I_4.csv",
        1,
        "kolom Tahun",
    )


def test_processed_files_load_typed(raw_copy):
    from psm_analysis.pipeline import write_outputs

    write_outputs(build_outputs(raw_copy).files, raw_copy.processed)
    psm = catalog.load("psm_per_kecamatan", raw_copy)
    assert str(psm["jumlah_psm"].dtype) == "Int64"
    assert str(psm["ejaan_resmi"].dtype) == "boolean"
    assert psm["kode_wilayah"].tolist()[0] == "14.05.01"
    ts = catalog.load("tenaga_sosial", raw_copy)
    assert ts.loc[ts["jenis_resmi"] == "Karang Taruna", "jumlah"].item() == 130
    assert str(ts["satuan"].dtype) == "str"
    keg = catalog.load("kegiatan_peningkatan_kinerja", raw_copy)
    assert keg["tercapai_orang"].tolist()[1] == 80
    assert pd.isna(keg["sasaran_orang"].tolist()[0])
    assert catalog.load("diklat_psm", raw_copy)["tahun"].tolist() == [2014, 2015, 2015]
    assert catalog.load("sumber_tabel", raw_copy)["tahun"].isna().tolist() == [False] * 3 + [True]
    assert len(catalog.load("desa_kelurahan", raw_copy)) == 118
    assert len(catalog.load("pemeriksaan_konsistensi", raw_copy)) == 18


def test_workbook_carries_no_save_time():
    import io
    import zipfile

    data = build_outputs(get_paths()).files["data_dinas_sosial.xlsx"]
    core = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml").decode()
    assert core.count("2000-01-01T00:00:00Z") == 2  # created and modified
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(data)).infolist()} == {
        (1980, 1, 1, 0, 0, 0)
    }
