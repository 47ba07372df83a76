"""The PSM register: template read back, demo agreeing with the Dinas Sosial tables,
validation messages, the builder of psm_per_desa.csv, the CLI and the name column.

Fixtures follow the real writers: the template written by ``template register`` and
filled with openpyxl as Excel would store it, and CSV as Excel saves it (comma, UTF-8;
or semicolon, cp1252 in an Indonesian locale).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from psm_analysis import catalog, pipeline, regions
from psm_analysis.cli import main
from psm_analysis.config import get_paths
from psm_analysis.errors import DataError
from psm_analysis.register import analysis, build, demo, read, template, validate
from psm_analysis.register.sources import dinsos_tables, table_i2

REPO = Path(__file__).resolve().parents[1]
DEMO_FILE = REPO / "data" / "demo" / "register" / demo.FILE_NAME
HEADER = [
    "id_psm",
    "nama",
    "kecamatan",
    "desa_kelurahan",
    "status",
    "tahun_penetapan",
    "diklat",
    "tahun_diklat",
    "bimtek",
]


def write_csv(path: Path, rows, header=HEADER, delimiter=",", encoding="utf-8") -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def messages(err: DataError) -> list[str]:
    return [str(p) for p in err.problems]


# ---------------------------------------------------------------------------- template


@pytest.fixture(scope="module")
def template_book(tmp_path_factory):
    out = tmp_path_factory.mktemp("tpl") / "register.xlsx"
    assert main(["template", "register", "--out", str(out)]) == 0
    return load_workbook(out)


def test_template_lists_every_kecamatan_and_names_each_desa_list(template_book):
    wb = template_book
    assert wb.sheetnames == ["Petunjuk", "Data", "Daftar"]
    assert wb["Daftar"].sheet_state == "hidden"
    assert [c.value for c in wb["Data"][1]] == list(template.TEMPLATE_COLUMNS)
    kec = regions.kecamatan_table()["nama"].tolist()
    assert [wb["Daftar"].cell(i, 1).value for i in range(2, 14)] == kec
    assert len(wb.defined_names) == 12
    for name in kec:
        dn = wb.defined_names[template.range_name(name)]
        ((sheet, ref),) = list(dn.destinations)
        values = [c.value for row in wb[sheet][ref.replace("$", "")] for c in row]
        assert values == regions.desa_of(name)["nama"].tolist(), name
    bunut = wb.defined_names["desa_Bunut"]
    assert bunut.attr_text == "'Daftar'!$K$2:$K$11"  # Bunut is the 8th kecamatan: column 3 + 8
    assert "desa_Bandar_Sei_Kijang" in wb.defined_names


def test_template_validations_within_excel_limits(template_book):
    ws = template_book["Data"]
    dvs = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    assert set(dvs) == {f"{c}2:{c}501" for c in "ABCDEFGH"}
    for ref, dv in dvs.items():
        for attr, limit in template.EXCEL_LIMITS.items():
            text = getattr(dv, attr) or ""
            assert len(text) <= limit, (ref, attr, text)
        assert dv.showErrorMessage and dv.errorTitle == "Isian tidak sah"
    assert dvs["C2:C501"].type == "list"
    assert dvs["C2:C501"].formula1 == 'INDIRECT("desa_"&SUBSTITUTE(B2," ","_"))'
    assert dvs["B2:B501"].formula1 == "'Daftar'!$A$2:$A$13"
    assert dvs["D2:D501"].formula1 == "'Daftar'!$B$2:$B$3"
    assert [ws.parent["Daftar"].cell(i, 2).value for i in (2, 3)] == ["aktif", "tidak aktif"]
    import datetime

    year = dvs["E2:E501"]
    assert (year.type, year.operator, year.formula1) == ("whole", "between", "1981")
    assert year.formula2 == str(datetime.date.today().year)
    assert dvs["A2:A501"].formula1 == "COUNTIF($A$2:$A$501,A2)=1"


def test_template_must_be_xlsx(tmp_path, capsys):
    assert main(["template", "register", "--out", str(tmp_path / "r.csv")]) == 1
    err = capsys.readouterr().err
    assert 'templat harus berupa berkas .xlsx: nilai ".csv" (yang diharapkan: .xlsx)' in err
    assert not (tmp_path / "r.csv").exists()


# -------------------------------------------------------------------------------- demo


@pytest.fixture(scope="module")
def demo_register():
    return validate.validate_files([DEMO_FILE], this_year=demo.DEMO_YEAR)


def test_demo_register_agrees_with_tabel_i2_and_80_of_120_trained(demo_register):
    reg = demo_register
    tables = dinsos_tables()
    i2 = tables.psm_per_kecamatan.set_index("kode_wilayah")["jumlah_psm"].astype(int)
    assert reg.groupby("kode_kecamatan").size().to_dict() == i2.to_dict()
    assert len(reg) == 120 and int(reg["diklat"].sum()) == 80 and int(reg["bimtek"].sum()) == 80
    assert reg["id_psm"].is_unique
    assert reg.loc[~reg["diklat"], "tahun_diklat"].isna().all()
    assert reg.loc[reg["diklat"], "tahun_diklat"].between(1981, 2018).all()


def test_demo_bunut_has_desa_with_none_with_two_and_with_only_an_inactive_psm(demo_register):
    per = build.per_desa(demo_register)
    bunut = per[per["kecamatan"] == "Bunut"]
    assert len(bunut) == 10 and bunut["jumlah_psm"].sum() == 10
    assert sorted(bunut["jumlah_psm"]) == [0, 0, 0, 1, 1, 1, 1, 2, 2, 2]
    only_inactive = bunut[(bunut["jumlah_psm"] > 0) & (bunut["jumlah_psm_aktif"] == 0)]
    assert len(only_inactive) == 1


def test_demo_register_says_it_is_demo_data():
    wb = load_workbook(DEMO_FILE)
    assert "DEMO" in DEMO_FILE.name
    assert wb.properties.title.startswith("DATA CONTOH - ")
    assert wb["Petunjuk"]["A1"].value.startswith("DATA CONTOH - bukan data penelitian")
    assert "nama" not in [c.value for c in wb["Data"][1]]  # ids only, never names


# --------------------------------------------------------------------------- validation


def test_every_bad_row_reported_at_once_with_location(tmp_path):
    path = write_csv(
        tmp_path / "register.csv",
        [
            ["PSM-01", "", "Bunut", "Lubuk Mas", "aktif", "2010", "ya", "2015", "ya"],
            ["PSM-01", "", "Bunut", "Petani", "aktif", "2010", "tidak", "", "tidak"],
            ["PSM-03", "", "Bunut", "Lubok Mass", "aktif", "2010", "tidak", "", "tidak"],
            ["PSM-04", "", "Bunut", "Ukui I", "aktif", "2010", "tidak", "", "tidak"],
            ["PSM-05", "", "Bunut", "Merbau", "cuti", "2010", "tidak", "", "tidak"],
            ["PSM-06", "", "Bunut", "Keriung", "aktif", "1975", "tidak", "", "tidak"],
            ["PSM-07", "", "Bunut", "Petani", "aktif", "2031", "tidak", "", "tidak"],
            ["PSM-08", "", "Bunutt", "Petani", "aktif", "2010", "mungkin", "2012", "ya"],
            ["PSM-09", "", "Bunut", "Merbau", "aktif", "2010", "tidak", "2012", "ya"],
        ],
    )
    with pytest.raises(DataError) as err:
        validate.validate_files([path], this_year=2026)
    f = "berkas " + path.as_posix()
    assert messages(err.value) == [
        f"{f}, baris 3, kolom 'id_psm': id PSM ganda (sudah dipakai di baris 2): nilai "
        '"PSM-01" (yang diharapkan: id unik tiap PSM)',
        f"{f}, baris 4, kolom 'desa_kelurahan': desa/kelurahan tidak ada di Kabupaten "
        'Pelalawan (maksud Anda: Lubuk Mas?): nilai "Lubok Mass" (yang diharapkan: nama '
        "desa/kelurahan menurut Kepmendagri 2025 di Kecamatan Bunut)",
        f"{f}, baris 5, kolom 'desa_kelurahan': desa/kelurahan Ukui I ada di Kecamatan Ukui, "
        'bukan di Kecamatan Bunut: nilai "Ukui I" (yang diharapkan: kecamatan Ukui, atau '
        "desa/kelurahan Kecamatan Bunut)",
        f"{f}, baris 6, kolom 'status': status tidak dikenali: nilai \"cuti\" (yang "
        "diharapkan: aktif atau tidak aktif)",
        f"{f}, baris 7, kolom 'tahun_penetapan': tahun penetapan sebelum 1981, tahun PSM "
        'mulai ada: nilai "1975" (yang diharapkan: tahun 1981 sampai 2026)',
        f"{f}, baris 8, kolom 'tahun_penetapan': tahun penetapan di masa depan: nilai "
        '"2031" (yang diharapkan: tahun 1981 sampai 2026)',
        f"{f}, baris 9, kolom 'kecamatan': nama kecamatan tidak dikenali: nilai \"Bunutt\" "
        "(yang diharapkan: nama kecamatan resmi; yang paling mirip: Bunut)",
        f"{f}, baris 9, kolom 'diklat': isian Diklat tidak dikenali: nilai \"mungkin\" "
        "(yang diharapkan: ya atau tidak)",
        f"{f}, baris 10, kolom 'tahun_diklat': tahun Diklat diisi, padahal Diklat 'tidak': "
        "nilai \"2012\" (yang diharapkan: kosongkan tahun Diklat, atau isi Diklat 'ya')",
    ]


def test_empty_file_and_missing_columns(tmp_path):
    empty = tmp_path / "kosong.csv"
    empty.write_bytes(b"")
    with pytest.raises(DataError) as err:
        read.read_register(empty)
    assert messages(err.value) == [
        f"berkas {empty.as_posix()}: berkas register kosong: tidak ada baris judul kolom "
        "maupun data (yang diharapkan: baris judul kolom lalu satu baris per PSM (buat "
        "templat: psm-analysis template register --out BERKAS.xlsx))"
    ]
    header_only = write_csv(tmp_path / "judul.csv", [])
    with pytest.raises(DataError) as err:
        read.read_register(header_only)
    assert messages(err.value) == [
        f"berkas {header_only.as_posix()}, baris 2: register tidak berisi satu pun PSM "
        "(yang diharapkan: satu baris per PSM di bawah baris judul)"
    ]
    no_status = write_csv(
        tmp_path / "kurang.csv",
        [["PSM-01", "Bunut", "Petani", "2010", "ya"]],
        header=["id_psm", "kecamatan", "desa_kelurahan", "tahun_penetapan", "diklat"],
    )
    with pytest.raises(DataError) as err:
        read.read_register(no_status)
    expected = (
        "(yang diharapkan: kolom id_psm, kecamatan, desa_kelurahan, status, "
        "tahun_penetapan, diklat, bimtek (tahun_diklat boleh tidak ada))"
    )
    assert messages(err.value) == [
        f'berkas {no_status.as_posix()}, baris 1: kolom wajib tidak ada di baris judul: nilai "{c}" {expected}'
        for c in ("status", "bimtek")
    ]


def test_excel_csv_in_indonesian_locale_with_title_row_and_old_spelling(tmp_path):
    # Excel (Indonesian locale) saves ';' separated cp1252; a title row above the table,
    # headers as a person writes them, a 2018 spelling of a desa, "Desa" before a name.
    path = tmp_path / "sk_psm.csv"
    text = (
        "DAFTAR PSM KABUPATEN PELALAWAN;;;;;;\r\n"
        "ID PSM;Kecamatan;Desa/Kelurahan;Status;Tahun Penetapan;Diklat;Bimtek\r\n"
        "P-1;Kec. Bunut;Pangkalan Bunut Terap;Aktif;2012;Ya;Tidak\r\n"
        "P-2;BUNUT;Desa Lubuk Mas;Tidak Aktif;2014;tidak;ya\r\n"
    )
    path.write_bytes(text.encode("cp1252"))
    reg = validate.validate_files([path], this_year=2019)
    assert reg[["id_psm", "kode_wilayah", "desa_kelurahan", "status", "diklat", "bimtek"]].to_dict(
        "records"
    ) == [
        {
            "id_psm": "P-1",
            "kode_wilayah": "14.05.08.1011",
            "desa_kelurahan": "Pangkalan Bunut",
            "status": "aktif",
            "diklat": True,
            "bimtek": False,
        },
        {
            "id_psm": "P-2",
            "kode_wilayah": "14.05.08.2008",
            "desa_kelurahan": "Lubuk Mas",
            "status": "tidak aktif",
            "diklat": False,
            "bimtek": True,
        },
    ]
    assert reg["baris"].tolist() == [3, 4]


def test_duplicate_id_across_two_files(tmp_path):
    a = write_csv(
        tmp_path / "a.csv", [["PSM-1", "", "Bunut", "Petani", "aktif", 2010, "ya", "", "ya"]]
    )
    b = write_csv(
        tmp_path / "b.csv", [["psm-1", "", "Ukui", "Ukui I", "aktif", 2010, "ya", "", "ya"]]
    )
    with pytest.raises(DataError) as err:
        validate.validate_files([a, b], this_year=2026)
    assert messages(err.value) == [
        f"berkas {b.as_posix()}, baris 2, kolom 'id_psm': id PSM ganda (sudah dipakai di "
        f'berkas {a.as_posix()}, baris 2): nilai "psm-1" (yang diharapkan: id unik tiap PSM '
        "di semua berkas register)"
    ]


# ------------------------------------------------------------------- builder and analysis


def _small_register(tmp_path: Path) -> Path:
    return write_csv(
        tmp_path / "register.csv",
        [
            ["PSM-1", "Sastro Wiryokusumo", "Bunut", "Petani", "aktif", 2010, "ya", 2012, "ya"],
            ["PSM-2", "Kartosoewirjo Darmo", "Bunut", "Petani", "aktif", 2011, "tidak", "", "ya"],
            [
                "PSM-3",
                "Mangkunegoro Rahayu",
                "Bunut",
                "Petani",
                "tidak aktif",
                2011,
                "ya",
                "",
                "tidak",
            ],
            [
                "PSM-4",
                "Wirjono Prodjodikoro",
                "Bunut",
                "Keriung",
                "tidak aktif",
                2011,
                "ya",
                "",
                "tidak",
            ],
            ["PSM-5", "Soedjatmoko Hartono", "Ukui", "Ukui I", "aktif", 2011, "tidak", "", "tidak"],
        ],
    )


def test_real_register_replaces_demo_and_lists_the_desa_of_its_kecamatan(project_copy, tmp_path):
    """A register of Bunut and Ukui PSM lists every desa of those two kecamatan (issue 20:
    not the 118 of the kabupaten, which would count the others' desa as without PSM)."""
    paths = get_paths(project_copy)
    folder = read.register_folder(paths)
    _small_register(folder)
    out = build.build_outputs(paths)
    assert [(i.kind, i.path, i.demo) for i in out.inputs if i.kind == "register"] == [
        ("register", "data/raw/register/register.csv", False)
    ]
    per = out.files[build.OUTPUT_FILE]
    assert list(per.columns) == list(build.COLUMNS)
    villages = regions.desa_table(paths)
    covered = villages[villages["kecamatan"].isin(["Bunut", "Ukui"])]
    assert len(per) == len(covered) == 22 and per["kode_wilayah"].is_unique
    assert per["kode_wilayah"].tolist() == covered["kode"].tolist()
    rows = per.set_index("desa_kelurahan").loc[["Petani", "Keriung", "Ukui I", "Lubuk Mas"]]
    assert rows[["jumlah_psm", "jumlah_psm_aktif", "jumlah_psm_diklat"]].values.tolist() == [
        [3, 2, 2],
        [1, 0, 1],
        [1, 1, 0],
        [0, 0, 0],
    ]
    assert per.groupby("kecamatan")["jumlah_psm"].sum().to_dict() == {"Bunut": 4, "Ukui": 1}
    text = pipeline._inputs_frame(out.inputs).to_csv(index=False)
    assert "Sastro" not in per.to_csv(index=False) and "Sastro" not in text


def test_coverage_and_comparison_with_tabel_i2(tmp_path):
    reg = validate.validate_files([_small_register(tmp_path)], this_year=2026)
    per = build.per_desa(reg)
    cov = analysis.coverage(per).set_index("kecamatan")
    bunut = cov.loc["Bunut"]
    # Petani (2 active) is covered; Keriung has only an inactive PSM
    assert bunut[
        ["jumlah_desa_kelurahan", "dengan_psm", "dengan_psm_aktif", "tanpa_psm"]
    ].tolist() == [10, 2, 1, 8]
    assert bunut["cakupan_persen"] == pytest.approx(10.0)
    assert analysis.without_psm(per, "Bunut")["desa_kelurahan"].tolist() == [
        "Pangkalan Bunut",
        "Merbau",
        "Sungai Buluh",
        "Lubuk Mas",
        "Balam Merah",
        "Bagan Laguh",
        "Lubuk Mandian Gajah",
        "Sialang Kayu Batu",
    ]
    comp = analysis.compare_with_table_i2(per, table_i2())
    assert comp.set_index("kecamatan").loc[
        "Bunut", ["psm_register", "psm_tabel_i2", "selisih"]
    ].tolist() == [4, 10, -6]
    found = analysis.findings(comp)
    # compared for the two kecamatan the register covers, each differing from Tabel I.2
    assert comp["kecamatan"].tolist() == ["Ukui", "Bunut"] and len(found) == 2
    assert (
        "Kecamatan Bunut: register mencatat 4 PSM, Tabel I.2 mencatat 10 (selisih \u22126); kedua "
        "sumber mungkin dari tahun yang berbeda." in found
    )
    table = analysis.coverage_table(analysis.coverage(per))
    assert table.iloc[-1].tolist() == ["Jumlah", 22, 3, 2, 19, pytest.approx(200 / 22), 5, 3, 3]


def test_cli_validate_register_exit_codes_and_findings(tmp_path, capsys):
    good = _small_register(tmp_path)
    assert main(["validate", "register", str(good)]) == 0
    out = capsys.readouterr().out
    assert f"{good}: valid, tidak ada masalah." in out
    assert "Temuan (bukan kesalahan): jumlah PSM per kecamatan berbeda dari Tabel I.2" in out
    assert (
        "  - Kecamatan Ukui: register mencatat 1 PSM, Tabel I.2 mencatat 12 (selisih \u221211)"
        in out
    )
    assert main(["validate", "register", str(DEMO_FILE)]) == 0
    assert "Temuan" not in capsys.readouterr().out  # the demo agrees with Tabel I.2
    bad = write_csv(
        tmp_path / "bad.csv", [["", "", "Bunut", "Petani", "aktif", 2010, "ya", "", "ya"]]
    )
    assert main(["validate", "register", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}: 1 masalah ditemukan" in err
    assert "baris 2, kolom 'id_psm': id PSM kosong (yang diharapkan: id unik tiap PSM" in err
    assert main(["validate", "register", str(tmp_path / "tidak_ada.csv")]) == 2


def test_bad_register_in_raw_writes_nothing(project_copy, capsys):
    folder = read.register_folder(get_paths(project_copy))
    write_csv(
        folder / "register.csv",
        [["PSM-1", "", "Bunut", "Lubuk Emas", "aktif", 2010, "ya", "", "ya"]],
    )
    assert main(["clean"]) == 1
    err = capsys.readouterr().err
    assert "desa/kelurahan tidak ada di Kabupaten Pelalawan (maksud Anda: Lubuk Mas?)" in err
    assert "Tidak ada berkas yang ditulis." in err
    assert [p.name for p in (project_copy / "data/processed").iterdir()] == []


def test_register_names_are_scanned_for_in_outputs(project_copy):
    paths = get_paths(project_copy)
    _small_register(read.register_folder(paths))
    names = read.personal_names(paths)
    assert "Sastro Wiryokusumo" in names and len(names) == 5
    assert pipeline.privacy_scan(paths) == []
    leak = paths.processed / "catatan.md"
    leak.write_text("Desa Petani dilayani oleh Wiryokusumo.\n", encoding="utf-8")
    problems = pipeline.privacy_scan(paths)
    assert [p.file for p in problems] == ["data/processed/catatan.md"]
    assert "W*********o" in problems[0].message


def test_processed_file_reads_back_with_declared_dtypes(project_copy):
    paths = get_paths(project_copy)
    out = build.build_outputs(paths)
    pipeline.write_outputs(out.files, paths.processed)
    per = catalog.load("psm_per_desa", paths)
    assert per.dtypes.astype(str).to_dict() == {
        "kode_wilayah": "str",
        "desa_kelurahan": "str",
        "kecamatan": "str",
        "jumlah_psm": "int64",
        "jumlah_psm_aktif": "int64",
        "jumlah_psm_diklat": "int64",
    }
    assert per.equals(out.files[build.OUTPUT_FILE])
    assert isinstance(per, pd.DataFrame) and per["jumlah_psm"].sum() == 120
