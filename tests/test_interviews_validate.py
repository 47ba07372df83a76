"""Validation of a codings file: every problem at once, with file and row, in Indonesian;
and ``psm-analysis validate interviews`` exits 0, 1 or 2."""

from __future__ import annotations

import pytest
from test_interviews_support import make_project

from psm_analysis.cli import main
from psm_analysis.interviews import validate_file

BAD_OWN_CSV = (
    "id_informan,dokumen,kode,kutipan,pengkode\n"
    "I-01,W1,hambatan.anggaran,Dana kurang.,peneliti\n"  # row 2: fine
    "I-09,W9,hambatan.anggaran,Dana kurang.,peneliti\n"  # row 3: unknown informant
    "I-02,W2,hambatan.gaji,Honor kecil.,peneliti\n"  # row 4: code not in codebook
    "I-02,W2,peran.diklat,   ,peneliti\n"  # row 5: empty quote
    "I-01,W1,hambatan.anggaran,Dana  kurang.,peneliti\n"  # row 6: duplicate of row 2
    "I-03,W3,peran,Dinas berperan.,peneliti\n"  # row 7: grouping code
)


@pytest.fixture
def project(tmp_path, monkeypatch):
    paths = make_project(tmp_path)
    monkeypatch.setenv("PSM_ANALYSIS_ROOT", str(tmp_path))
    return paths


def test_all_problems_reported_with_file_and_row(project):
    f = project.raw_interviews / "segmen_terkode.csv"
    f.write_text(BAD_OWN_CSV, encoding="utf-8")
    problems = validate_file(f)
    assert [str(p) for p in problems] == [
        "berkas data/raw/interviews/segmen_terkode.csv, baris 3, kolom 'id_informan': "
        'informan tidak ada di daftar informan: nilai "I-09" '
        "(yang diharapkan: id_informan di data/raw/private/informan.csv)",
        "berkas data/raw/interviews/segmen_terkode.csv, baris 4, kolom 'kode': "
        'kode tidak ada di codebook: nilai "hambatan.gaji" '
        "(yang diharapkan: salah satu kode di data/raw/interviews/codebook_wawancara.yml)",
        "berkas data/raw/interviews/segmen_terkode.csv, baris 5, kolom 'kutipan': kutipan kosong",
        "berkas data/raw/interviews/segmen_terkode.csv, baris 6, kolom 'kutipan': "
        "segmen ganda: sama dengan baris 2 (pengkode, dokumen, kode, dan kutipan sama)",
        "berkas data/raw/interviews/segmen_terkode.csv, baris 7, kolom 'kode': "
        'kode ini hanya pengelompok dan tidak dipakai untuk segmen: nilai "peran" '
        "(yang diharapkan: kode turunannya, mis. peran.<kode>)",
    ]


def test_taguette_document_without_informant(project):
    f = project.raw_interviews / "all_tags.csv"
    f.write_bytes(
        b"id,document,tag,content\r\n4,Wawancara Camat,hambatan.koordinasi,Rapat jarang.\r\n"
    )
    (problem,) = validate_file(f)
    assert problem.message == "dokumen tidak terpetakan ke informan"
    assert (problem.row, problem.column, problem.value) == (2, "document", "Wawancara Camat")


def test_mapping_file_maps_documents(project):
    (project.raw_private / "dokumen_informan.csv").write_text(
        "dokumen,id_informan\nWawancara Camat,I-04\n", encoding="utf-8"
    )
    f = project.raw_interviews / "all_tags.csv"
    f.write_bytes(
        b"id,document,tag,content\r\n4,Wawancara Camat.docx,hambatan.koordinasi,Rapat jarang.\r\n"
    )
    assert validate_file(f) == []


def test_unrecognised_file(project):
    f = project.raw_interviews / "catatan.csv"
    f.write_text("tanggal,catatan\n2019-05-01,x\n", encoding="utf-8")
    (problem,) = validate_file(f)
    assert problem.message == "format berkas kodean tidak dikenali"
    assert problem.value == "tanggal, catatan"


def test_explicit_codebook_and_roster(project, tmp_path):
    roster = tmp_path / "lain.csv"
    roster.write_text(
        "id_informan,nama,jabatan,kelompok,tanggal_wawancara\nX-1,Nama Rekaan,PSM,PSM,2019-01-01\n",
        encoding="utf-8",
    )
    f = project.raw_interviews / "segmen_terkode.csv"
    f.write_text("id_informan,kode,kutipan\nX-1,peran.diklat,Ikut Diklat.\n", encoding="utf-8")
    assert validate_file(f, roster=roster) == []
    assert [p.message for p in validate_file(f)] == ["informan tidak ada di daftar informan"]


def test_cli_exit_codes(project, capsys):
    good = project.raw_interviews / "segmen_terkode.csv"
    good.write_text("id_informan,kode,kutipan\nI-01,peran.diklat,Ikut Diklat.\n", encoding="utf-8")
    assert main(["validate", "interviews", str(good)]) == 0
    assert "valid, tidak ada masalah" in capsys.readouterr().out
    bad = project.raw_interviews / "buruk.csv"
    bad.write_text(BAD_OWN_CSV, encoding="utf-8")
    assert main(["validate", "interviews", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "5 masalah ditemukan" in err and "baris 6" in err and "Traceback" not in err
    assert main(["validate", "interviews", str(project.root / "tidak_ada.csv")]) == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", "wawancara", str(good)])
    assert exit_info.value.code == 2


def test_roster_as_xlsx_with_excel_dates(tmp_path):
    import datetime as dt

    import openpyxl

    from psm_analysis.interviews.roster import load_roster, public_roster

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "informan"
    ws.append(["id_informan", "nama", "jabatan", "kelompok", "tanggal_wawancara"])
    ws.append(["I-01", "Nama Rekaan", "Kepala Desa", "pemerintah desa", dt.datetime(2019, 5, 2)])
    f = tmp_path / "informan.xlsx"
    wb.save(f)
    roster = load_roster(f)
    pub = public_roster(roster)
    assert pub.to_dict("records") == [
        {
            "id_informan": "I-01",
            "pseudonim": "I-01 (Pemerintah Kecamatan/Desa)",
            "jabatan": "Kepala Desa",
            "kelompok": "Pemerintah Kecamatan/Desa",
            "tanggal_wawancara": "2019-05-02",
        }
    ]


def test_roster_problems(tmp_path):
    from psm_analysis.errors import DataError
    from psm_analysis.interviews.roster import load_roster

    f = tmp_path / "informan.csv"
    f.write_text(
        "id_informan,nama,jabatan,kelompok,tanggal_wawancara\n"
        "I-01,A B,x,Dinas Sosial,2019-01-01\n"
        "I-01,C D,x,PSM,2019-01-01\n"
        "I-02,,x,Wartawan,2019-01-01\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as err:
        load_roster(f)
    assert [(p.row, p.column, p.message) for p in err.value.problems] == [
        (3, "id_informan", "id_informan sama dengan baris 2"),
        (4, "nama", "nama informan kosong"),
        (4, "kelompok", "kelompok informan tidak dikenal"),
    ]
