"""The generic reader of Dinas Sosial style tables, on xlsx/csv fixtures built here."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from psm_analysis.errors import DataError
from psm_analysis.printed_table import read_printed_table as read_table


def _workbook(path, total_p=20, penduduk="12.345", sheet="Data"):
    """A two-row merged header table with title rows, column numbers, a Jumlah row and a
    footer, as district offices send them."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = "Tabel 3.1 Jumlah PSM Menurut Kecamatan dan Jenis Kelamin"
    ws.merge_cells("A1:E1")
    ws["A2"] = "Kabupaten Pelalawan Tahun 2019"
    ws.merge_cells("A2:E2")
    ws["A4"], ws["B4"], ws["C4"], ws["E4"] = "No.", "Kecamatan", "Jumlah PSM", "Penduduk"
    for rng in ("A4:A5", "B4:B5", "C4:D4", "E4:E5"):
        ws.merge_cells(rng)
    ws["C5"], ws["D5"] = "L", "P"
    for j, text in enumerate(["(1)", "(2)", "(3)", "(4)", "(5)"], start=1):
        ws.cell(row=6, column=j, value=text)
    rows = [
        (1, "Bunut", 6, 4, penduduk),
        (2, "Pangkalan Kuras", "9", "8", "1.250"),
        (3, "Langgam", "-", 8, "2.500"),
    ]
    for i, row in enumerate(rows, start=7):
        for j, v in enumerate(row, start=1):
            ws.cell(row=i, column=j, value=v)
    ws["A10"] = "Jumlah"
    ws.merge_cells("A10:B10")
    ws["C10"], ws["D10"], ws["E10"] = 15, total_p, "16.095"
    ws["A12"] = "Sumber: Dinas Sosial Kabupaten Pelalawan, 2019"
    ws["A13"] = "Catatan: data uji"
    wb.create_sheet("Lain")
    wb.save(path)
    return path


def test_merged_two_row_header_title_footer_and_total(tmp_path):
    df = read_table(_workbook(tmp_path / "psm.xlsx"))
    assert list(df.columns) == [
        "No.",
        "Kecamatan",
        "Jumlah PSM L",
        "Jumlah PSM L_nihil",
        "Jumlah PSM P",
        "Penduduk",
    ]
    assert df.index.tolist() == [7, 8, 9]  # Excel rows; the Jumlah row (10) is dropped
    assert df.index.name == "baris"
    assert df["Jumlah PSM L"].tolist() == [6, 9, 0]
    assert df["Jumlah PSM L_nihil"].tolist() == [False, False, True]
    assert df["Penduduk"].tolist() == [12345, 1250, 2500]
    assert str(df["Penduduk"].dtype) == "Int64"
    assert df["Kecamatan"].tolist() == ["Bunut", "Pangkalan Kuras", "Langgam"]
    assert df.attrs["judul"] == (
        "Tabel 3.1 Jumlah PSM Menurut Kecamatan dan Jenis Kelamin Kabupaten Pelalawan Tahun 2019"
    )
    assert df.attrs["sumber"] == "Sumber: Dinas Sosial Kabupaten Pelalawan, 2019"
    assert df.attrs["catatan"] == ["Catatan: data uji"]
    assert df.attrs["lembar"] == "Data"
    assert df.attrs["jumlah"] == {"Jumlah PSM L": 15, "Jumlah PSM P": 20, "Penduduk": 16095}


def test_wrong_total_names_both_numbers_file_sheet_row_column(tmp_path):
    path = _workbook(tmp_path / "psm.xlsx", total_p=21)
    with pytest.raises(DataError) as err:
        read_table(path)
    (p,) = err.value.problems
    assert str(p) == (
        f"berkas {path}, lembar 'Data', baris 10, kolom 'Jumlah PSM P': baris Jumlah tidak "
        "cocok: tertulis 21, hasil penjumlahan 3 baris di atasnya 20 (yang diharapkan: 20)"
    )
    assert (p.value, p.row) == (21, 10)
    df = read_table(path, check_total=False)
    assert df.attrs["jumlah"]["Jumlah PSM P"] == 21
    assert df.attrs["jumlah_dihitung"]["Jumlah PSM P"] == 20


def test_ambiguous_number_in_a_cell_is_reported_not_guessed(tmp_path):
    path = _workbook(tmp_path / "psm.xlsx", penduduk="12.5")
    with pytest.raises(DataError) as err:
        read_table(path)
    assert [(p.row, p.column, p.value) for p in err.value.problems] == [(7, "Penduduk", "12.5")]
    assert err.value.problems[0].message == "angka ambigu: titik di sini bukan pemisah ribuan"


def test_sheet_by_name_and_unknown_sheet(tmp_path):
    path = _workbook(tmp_path / "psm.xlsx", sheet="PSM 2019")
    assert len(read_table(path, sheet="PSM 2019")) == 3
    with pytest.raises(DataError) as err:
        read_table(path, sheet="Tabel 9")
    assert str(err.value) == (
        f'berkas {path}: lembar tidak ada di berkas: nilai "Tabel 9" '
        "(yang diharapkan: salah satu dari: PSM 2019, Lain)"
    )


def test_semicolon_csv_with_title_and_sumber(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        "Tabel 2 Jumlah Karang Taruna;;\n"
        ";;\n"
        "No.;Kecamatan;Jumlah\n"
        "1;Bunut;1.250 kelompok\n"
        "2;Langgam;12,5 kelompok\n"
        "3;Ukui;...\n"
        "Total;;1.262,5\n"
        "Sumber: Dinas Sosial, 2020.;;\n",
        encoding="utf-8",
    )
    df = read_table(path)
    assert df.attrs["judul"] == "Tabel 2 Jumlah Karang Taruna"
    assert df.attrs["sumber"] == "Sumber: Dinas Sosial, 2020."
    assert df["Jumlah"].tolist()[:2] == [1250.0, 12.5]
    assert df["Jumlah"].isna().tolist() == [False, False, True]
    assert df["Jumlah_satuan"].tolist()[:2] == ["kelompok", "kelompok"]
    assert df.attrs["jumlah"] == {"Jumlah": 1262.5}
    assert df.index.tolist() == [4, 5, 6]


def test_raw_tabel_I_2_keeps_its_printed_total(tmp_path):
    from psm_analysis.config import get_paths

    df = read_table(get_paths().raw_dinsos / "tabel_I_2.csv")
    assert len(df) == 12
    assert df.attrs["jumlah"] == {"Jumlah PSM (Orang)": 120}
    assert df.loc[4, "Kecamatan"] == "Bandar Pelatangan"


def test_codes_stay_text_and_free_text_starting_with_digits_too(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        "Kode,Keterangan,Jumlah\n14.05.08,10 orang (Tabel I.2),3\n14.05.09,9 desa lagi,4\n",
        encoding="utf-8",
    )
    df = read_table(path)
    assert df["Kode"].tolist() == ["14.05.08", "14.05.09"]
    assert df["Keterangan"].tolist() == ["10 orang (Tabel I.2)", "9 desa lagi"]
    assert df["Jumlah"].tolist() == [3, 4]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("hanya satu kolom\n", "baris judul kolom tidak ditemukan"),
        ("No.,Kecamatan\nSumber: x,\n", "tabel tidak berisi baris data"),
    ],
)
def test_unreadable_tables(tmp_path, content, message):
    path = tmp_path / "t.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_table(path)
    assert err.value.problems[0].message == message


def test_missing_and_unsupported_files(tmp_path):
    with pytest.raises(DataError, match="berkas tidak ditemukan"):
        read_table(tmp_path / "nope.csv")
    (tmp_path / "t.xls").write_bytes(b"x")
    with pytest.raises(DataError, match="jenis berkas tidak didukung"):
        read_table(tmp_path / "t.xls")
    (tmp_path / "t.ods").write_bytes(b"x")  # a LibreOffice sheet is read, a broken one refused
    with pytest.raises(DataError, match=r"berkas LibreOffice \(.ods\) tidak dapat dibuka"):
        read_table(tmp_path / "t.ods")


def test_data_under_no_header_is_an_error(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("No.,Kegiatan,Tahun\n1,Diklat,2014\n2,Bimtek,2.015,5\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_table(path)
    assert str(err.value) == (
        f"berkas {path}, baris 3, kolom 'Kolom D': sel berisi data di kolom tanpa judul: "
        'nilai "5" (yang diharapkan: judul kolom di baris judul, atau sel kosong (pada CSV: '
        "koma dalam angka harus diberi tanda kutip))"
    )


def test_year_sub_headers_under_a_merged_cell(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "Jumlah PSM 2017-2018"
    ws["A2"], ws["B2"] = "Kecamatan", "Jumlah PSM"
    ws.merge_cells("B2:C2")
    ws["B3"], ws["C3"] = 2017, 2018
    ws.append(["Bunut", 9, 10])
    ws.append(["Ukui", 12, 12])
    ws.append(["Jumlah", 21, 22])
    wb.save(tmp_path / "t.xlsx")
    df = read_table(tmp_path / "t.xlsx")
    assert list(df.columns) == ["Kecamatan", "Jumlah PSM 2017", "Jumlah PSM 2018"]
    assert df["Jumlah PSM 2018"].tolist() == [10, 12]
    assert df.attrs["judul"] == "Jumlah PSM 2017-2018"
    assert df.attrs["jumlah"] == {"Jumlah PSM 2017": 21, "Jumlah PSM 2018": 22}


def test_subtotals_grand_total_and_missing_cells(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        "Wilayah,PSM\nBunut,10\nLanggam,...\nJumlah,10\nUkui,12\nJumlah,12\nJumlah Total,22\n",
        encoding="utf-8",
    )
    df = read_table(path)
    assert df.index.tolist() == [2, 3, 5]
    assert df.attrs["jumlah"] == {"PSM": 22}
    path.write_text(
        path.read_text(encoding="utf-8").replace("Jumlah Total,22", "Jumlah Total,23"),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as err:
        read_table(path)
    (p,) = err.value.problems
    assert (p.row, p.message) == (
        7,
        "baris Jumlah tidak cocok: tertulis 23, hasil penjumlahan 2 baris di atasnya 22",
    )


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiters_and_windows_encoding(tmp_path, delimiter):
    rows = [["No.", "Kecamatan", "Jumlah"], ["1", "Bunut", "1.250"], ["2", "Tél", "12,5"]]
    text = "\n".join(delimiter.join(f'"{c}"' if "," in c else c for c in r) for r in rows)
    path = tmp_path / "t.csv"
    path.write_bytes(text.encode("cp1252"))
    df = read_table(path)
    assert list(df.columns) == ["No.", "Kecamatan", "Jumlah"]
    assert df["Kecamatan"].tolist() == ["Bunut", "Tél"]
    assert df["Jumlah"].tolist() == [1250.0, 12.5]


def _sheet(path, rows):
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


@pytest.mark.parametrize(
    "footer",
    [
        ["Sumber Data : Dinas Sosial Kab. Pelalawan"],
        ["SUMBER DATA: Dinas Sosial Kab. Pelalawan"],
        ["Sumber", ": Dinas Sosial Kab. Pelalawan"],
        ["Sumber :", "Dinas Sosial Kab. Pelalawan"],
    ],
)
def test_sumber_line_variants_are_the_footer_not_a_data_row(tmp_path, footer):
    # "Sumber Data :" used to become a data row "Sumber Data : ..." with an empty count
    df = read_table(
        _sheet(tmp_path / "t.xlsx", [["Kecamatan", "PSM"], ["Bunut", 10], ["Langgam", 8], footer])
    )
    assert df["Kecamatan"].tolist() == ["Bunut", "Langgam"]
    assert df["PSM"].tolist() == [10, 8]
    assert df.attrs["sumber"] == " ".join(footer)


@pytest.mark.parametrize("sumber", [[], ["Sumber: Dinas Sosial"]])
def test_a_second_table_below_the_first_is_an_error_not_merged(tmp_path, sumber):
    # a second table on the same sheet used to be read as more data rows (or as notes)
    rows = [
        ["Tabel I.3 Kegiatan"],
        ["Kegiatan", "Keterangan"],
        ["Rapat koordinasi", "Terlaksana"],
        sumber,
        [],
        ["TABEL I.4 Diklat PSM"],
        ["Nama Diklat", "Keterangan"],
        ["Diklat dasar", "Belum Terlaksana"],
    ]
    with pytest.raises(DataError) as err:
        read_table(_sheet(tmp_path / "t.xlsx", rows))
    (p,) = err.value.problems
    assert (p.row, p.value, p.message, p.expected) == (
        6,
        "TABEL I.4 Diklat PSM",
        "tabel kedua di lembar yang sama",
        "satu tabel per lembar: pindahkan tabel ini ke lembar atau berkas sendiri",
    )


def test_a_repeated_header_row_is_an_error(tmp_path):
    rows = [
        ["No.", "Kecamatan", "PSM"],
        [1, "Bunut", 10],
        ["NO.", "KECAMATAN", "PSM"],
        [2, "Ukui", 12],
    ]
    with pytest.raises(DataError) as err:
        read_table(_sheet(tmp_path / "t.xlsx", rows))
    (p,) = err.value.problems
    assert (p.row, p.message) == (3, "tabel kedua di lembar yang sama")


def test_notes_mentioning_a_table_stay_notes(tmp_path):
    rows = [
        ["Kecamatan", "PSM"],
        ["Bunut", 10],
        ["Sumber: Dinsos"],
        ["Tabel ini disusun dari laporan"],
    ]
    df = read_table(_sheet(tmp_path / "t.xlsx", rows))
    assert df.attrs["catatan"] == ["Tabel ini disusun dari laporan"]


def test_percent_formatted_xlsx_cells_read_as_printed(tmp_path):
    # Excel stores 12,5 % as 0.125 with a "%" number format; the CSV of the same table
    # says "12,5 %" -> 12.5. Both must give the percentage as printed.
    wb = Workbook()
    ws = wb.active
    ws.append(["Kecamatan", "Persentase PSM"])
    for name, share in (("Bunut", 0.12345), ("Ukui", 0.87655)):
        ws.append([name, share])
    ws.append(["Jumlah", 1])
    for row in (2, 3, 4):
        ws.cell(row=row, column=2).number_format = "0.00%"
    wb.save(tmp_path / "t.xlsx")
    df = read_table(tmp_path / "t.xlsx")
    assert df["Persentase PSM"].tolist() == [12.345, 87.655]
    assert df.attrs["jumlah"] == {"Persentase PSM": 100}
    csv = tmp_path / "t.csv"
    csv.write_text(
        "Kecamatan;Persentase PSM\nBunut;12,345 %\nUkui;87,655 %\nJumlah;100 %\n", encoding="utf-8"
    )
    with pytest.raises(DataError, match="angka ambigu"):  # "12,345": thousands or decimals?
        read_table(csv)
    csv.write_text(
        "Kecamatan;Persentase PSM\nBunut;12,5 %\nUkui;87,5 %\nJumlah;100 %\n", encoding="utf-8"
    )
    assert read_table(csv)["Persentase PSM"].tolist() == [12.5, 87.5]


def test_rupiah_column_is_numeric_with_its_unit(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        "Kegiatan;Anggaran\nRapat;Rp 1.250.000\nDiklat;Rp 2.500.000,50\nJumlah;Rp 3.750.000,50\n",
        encoding="utf-8",
    )
    df = read_table(path)
    assert df["Anggaran"].tolist() == [1250000.0, 2500000.5]
    assert df["Anggaran_satuan"].tolist() == ["Rp", "Rp"]
    assert df.attrs["jumlah"] == {"Anggaran": 3750000.5}


# --------------------------------------------------------------------------- BPS tables
# The shape of a table in BPS "Kabupaten Pelalawan Dalam Angka" (BPS Kabupaten Pelalawan,
# Katalog 1102001.1405) as BPS lays out every "Daerah Dalam Angka" table (BPS, Pedoman
# Penyusunan Publikasi Daerah Dalam Angka, Katalog 1303032): a bilingual title "Tabel
# 4.1.3 <judul> / <title>", bilingual headers "Kecamatan/Subdistrict", a row numbering
# the columns, the kecamatan in code order (Kecamatan Pelalawan among them), a total row
# labelled with the kabupaten ("Pelalawan") or "Jumlah/Total", the footer
# "Sumber/Source: BPS Kabupaten Pelalawan" and "Catatan/Note:" lines. Numbers are printed
# with a space between thousands ("103 882"; in the xlsx/CSV a no-break or thin space)
# and a marker after preliminary ("*") or revised ("r") figures. The counts are made up.

_KECAMATAN = (
    ("Langgam", 9, 6, "35 782"),
    ("Pangkalan Kerinci", 11, 9, "103\u00a0882"),
    ("Bandar Sei Kijang", 3, 2, "21\u2009780"),
    ("Pangkalan Kuras", 10, 7, "67\u202f219"),
    ("Ukui", 7, 5, "41 691*"),
    ("Pangkalan Lesung", 6, 4, "29 906"),
    ("Bunut", 6, 4, "15 825r"),
    ("Pelalawan", 5, 3, "20 339"),
    ("Bandar Petalangan", 6, 5, "17 169"),
    ("Kuala Kampar", 6, 5, "18 129\u00b9"),
    ("Kerumutan", "6", "4", "25 319"),
    ("Teluk Meranti", "-", "-", "18 428"),
)
_PENDUDUK = [35782, 103882, 21780, 67219, 41691, 29906, 15825, 20339, 17169, 18129, 25319, 18428]
_TITLE = (
    "Tabel 4.1.3 Jumlah Pekerja Sosial Masyarakat dan Penduduk Menurut Kecamatan di "
    "Kabupaten Pelalawan, 2019 / Number of Community Social Workers and Population by "
    "Subdistrict in Pelalawan Regency, 2019"
)


def _bps_workbook(path, total_label="Pelalawan", total_penduduk="415 469", sheet="4.1.3"):
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = _TITLE
    ws["A3"] = "Kecamatan/Subdistrict"
    ws["B3"] = "Jumlah PSM/Number of Community Social Workers"
    ws["D3"] = "Penduduk/Population"
    for rng in ("A3:A4", "B3:C3", "D3:D4"):
        ws.merge_cells(rng)
    ws["B4"], ws["C4"] = "Laki-laki/Male", "Perempuan/Female"
    for j in range(1, 5):
        ws.cell(row=5, column=j, value=f"({j})")
    for i, row in enumerate(_KECAMATAN, start=6):
        for j, v in enumerate(row, start=1):
            ws.cell(row=i, column=j, value=v)
    ws.append([total_label, 75, 54, total_penduduk])  # row 18
    ws["A20"] = "Sumber/Source: BPS Kabupaten Pelalawan"
    ws["A21"] = "Catatan/Note: * Angka sementara/Preliminary figures"
    wb.save(path)
    return path


def test_bps_dalam_angka_table_bilingual_headers_spaced_numbers_markers(tmp_path):
    df = read_table(_bps_workbook(tmp_path / "pelalawan_dalam_angka.xlsx"))
    assert list(df.columns) == [
        "Kecamatan",
        "Jumlah PSM Laki-laki",
        "Jumlah PSM Laki-laki_nihil",
        "Jumlah PSM Perempuan",
        "Jumlah PSM Perempuan_nihil",
        "Penduduk",
        "Penduduk_tanda",
    ]
    assert df.index.tolist() == list(range(6, 18))  # the "Pelalawan" total (row 18) dropped
    assert df["Kecamatan"].tolist() == [k[0] for k in _KECAMATAN]  # Kecamatan Pelalawan kept
    assert df["Penduduk"].tolist() == _PENDUDUK
    assert str(df["Penduduk"].dtype) == "Int64"
    assert df["Penduduk_tanda"].fillna("").tolist() == [""] * 4 + [
        "*",
        "",
        "r",
        "",
        "",
        "1",
        "",
        "",
    ]
    assert df["Jumlah PSM Laki-laki"].tolist() == [9, 11, 3, 10, 7, 6, 6, 5, 6, 6, 6, 0]
    assert df.attrs["jumlah"] == {
        "Jumlah PSM Laki-laki": 75,
        "Jumlah PSM Perempuan": 54,
        "Penduduk": 415469,
    }
    assert df.attrs["jumlah_dihitung"] == df.attrs["jumlah"]
    assert df.attrs["sumber"] == "Sumber/Source: BPS Kabupaten Pelalawan"
    assert df.attrs["catatan"] == ["Catatan/Note: * Angka sementara/Preliminary figures"]
    assert df.attrs["judul"] == _TITLE
    assert df.attrs["judul_kolom"] == {
        "Kecamatan": "Kecamatan/Subdistrict",
        "Jumlah PSM Laki-laki": "Jumlah PSM/Number of Community Social Workers Laki-laki/Male",
        "Jumlah PSM Perempuan": "Jumlah PSM/Number of Community Social Workers Perempuan/Female",
        "Penduduk": "Penduduk/Population",
    }


@pytest.mark.parametrize(
    "label",
    ["Pelalawan", "Kabupaten Pelalawan", "Kab. Pelalawan", "Jumlah/Total", "Jumlah / Total"]
    + ["Total", "Jumlah Total", "JUMLAH", "Jumlah"],
)
def test_bps_total_row_labels_are_the_checked_total_not_data(tmp_path, label):
    # a "Jumlah/Total" row used to be kept as a data row, doubling every column sum
    path = _bps_workbook(tmp_path / "t.xlsx", total_label=label)
    df = read_table(path)
    assert len(df) == 12
    assert df["Penduduk"].sum() == 415469
    assert df.attrs["jumlah"]["Penduduk"] == 415469
    with pytest.raises(DataError) as err:
        read_table(_bps_workbook(tmp_path / "t.xlsx", label, total_penduduk="415\u2009479"))
    (p,) = err.value.problems
    assert str(p) == (
        f"berkas {path}, lembar '4.1.3', baris 18, kolom 'Penduduk': baris Jumlah tidak "
        "cocok: tertulis 415.479, hasil penjumlahan 12 baris di atasnya 415.469 "
        "(yang diharapkan: 415.469)"
    )


def test_a_region_row_is_the_total_only_when_last_and_named_by_the_title(tmp_path):
    # Kecamatan Pelalawan is a kecamatan of Kabupaten Pelalawan: as a data row (not the
    # last row, or under a title naming no kabupaten) it stays data
    rows = [["Kecamatan", "PSM"], ["Bunut", 10], ["Pelalawan", 5], ["Ukui", 12]]
    df = read_table(_sheet(tmp_path / "a.xlsx", [["PSM di Kabupaten Pelalawan"], *rows]))
    assert df["Kecamatan"].tolist() == ["Bunut", "Pelalawan", "Ukui"]
    assert df.attrs["jumlah"] == {}
    df = read_table(_sheet(tmp_path / "b.xlsx", [["PSM per kecamatan"], *rows, ["Pelalawan", 27]]))
    assert df["Kecamatan"].tolist() == ["Bunut", "Pelalawan", "Ukui", "Pelalawan"]
    df = read_table(
        _sheet(tmp_path / "c.xlsx", [["PSM in Pelalawan Regency"], *rows, ["Pelalawan", 27]])
    )
    assert df["Kecamatan"].tolist() == ["Bunut", "Pelalawan", "Ukui"]
    assert df.attrs["jumlah"] == {"PSM": 27}


def test_spaced_thousands_column_is_numeric_and_its_total_checked(tmp_path):
    # a column of "1 250"-style numbers used to be read as text: its wrong total passed
    path = tmp_path / "t.csv"
    text = (
        "Kecamatan/Subdistrict;Penduduk/Population\n"
        "Bunut;15\u00a0825\n"
        "Ukui;41\u2009691\n"
        "Jumlah/Total;57 516\n"
        "Sumber/Source: BPS Kabupaten Pelalawan;\n"
    )
    path.write_text(text, encoding="utf-8")
    df = read_table(path)
    assert df["Penduduk"].tolist() == [15825, 41691]
    assert df.attrs["sumber"] == "Sumber/Source: BPS Kabupaten Pelalawan"
    path.write_text(text.replace("57 516", "57 616"), encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_table(path)
    assert str(err.value) == (
        f"berkas {path}, baris 4, kolom 'Penduduk': baris Jumlah tidak cocok: tertulis "
        "57.616, hasil penjumlahan 2 baris di atasnya 57.516 (yang diharapkan: 57.516)"
    )


def test_every_non_number_in_a_numeric_column_is_a_located_error(tmp_path):
    # a column whose total row holds a number is summed, so it is numeric even when
    # most of its cells are not numbers: each such cell is an error, not text
    path = tmp_path / "t.csv"
    path.write_text(
        "Kecamatan/Subdistrict,Jumlah PSM/Number of Community Social Workers\n"
        "Bunut,tidak ada\n"
        "Ukui,12 5\n"
        "Langgam,7\n"
        "Jumlah/Total,19\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as err:
        read_table(path)
    assert [str(p) for p in err.value.problems] == [
        f"berkas {path}, baris 2, kolom 'Jumlah PSM': bukan angka yang dikenali: nilai "
        '"tidak ada" (yang diharapkan: angka format Indonesia, mis. "1.250", "12,5", '
        '"66,67 %", "120 orang", "-" (nihil) atau kosong)',
        f"berkas {path}, baris 3, kolom 'Jumlah PSM': spasi di dalam angka bukan pemisah "
        'ribuan: nilai "12 5" (yang diharapkan: spasi hanya sebelum tiap tiga angka, mis. '
        '"1 250" atau "1.250")',
    ]


def test_a_mostly_spaced_column_without_total_is_numeric_too(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        "Kecamatan;Penduduk\nBunut;15 825\nUkui;41 691\nLanggam;35 782*\nKerumutan;x\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as err:
        read_table(path)
    (p,) = err.value.problems
    assert (p.row, p.column, p.value, p.message) == (
        5,
        "Penduduk",
        "x",
        "bukan angka yang dikenali",
    )


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("Kecamatan/Subdistrict", "Kecamatan"),
        ("Kecamatan / Subdistrict", "Kecamatan"),
        ("Jumlah PSM/Number of Community Social Workers", "Jumlah PSM"),
        ("Laki-laki/Male", "Laki-laki"),
        ("Desa/Kelurahan/Village/Urban Village", "Desa/Kelurahan"),
        ("No./No.", "No."),
        # Indonesian headers with a slash are not bilingual
        ("Desa/Kelurahan", "Desa/Kelurahan"),
        ("Jumlah Desa/Kelurahan", "Jumlah Desa/Kelurahan"),
        ("L/P", "L/P"),
        ("Kabupaten/Kota", "Kabupaten/Kota"),
    ],
)
def test_bilingual_header_resolves_to_its_indonesian_half(printed, name):
    from psm_analysis.printed_table import indonesian_part

    assert indonesian_part(printed) == name


def test_bilingual_dinas_sosial_table_is_cleaned_like_the_indonesian_one(tmp_path):
    # the cleaner finds its columns by name key: "Kecamatan/Subdistrict" is "Kecamatan"
    from psm_analysis.dinsos import clean_psm_per_kecamatan

    path = tmp_path / "t.csv"
    path.write_text(
        "No./No.,Kecamatan/Subdistrict,Jumlah PSM/Number of Community Social Workers\n"
        "1,Bunut,10\n"
        "2,Ukui,12*\n"
        "Jumlah/Total,,22\n"
        "Sumber/Source: Dinas Sosial Kabupaten Pelalawan,,\n",
        encoding="utf-8",
    )
    df = read_table(path)
    assert list(df.columns) == ["No.", "Kecamatan", "Jumlah PSM", "Jumlah PSM_tanda"]
    out = clean_psm_per_kecamatan(df, "Dinas Sosial Kabupaten Pelalawan", 2019)
    assert out[["kode_wilayah", "kecamatan", "jumlah_psm"]].values.tolist() == [
        ["14.05.01", "Ukui", 12],
        ["14.05.08", "Bunut", 10],
    ]


def test_messages_write_negatives_as_the_file_does_and_keep_the_cell_text(tmp_path):
    """A message about a negative total writes "-8" as typed (numbers.format_typed), not
    the reader's minus sign U+2212; the text of every numeric cell is kept for messages
    (printed_table.cell_as_written): "-6 orang" as in the CSV, an xlsx number as Excel
    in Indonesian shows it ("7,5")."""
    from psm_analysis.printed_table import cell_as_written

    path = tmp_path / "t.csv"
    path.write_text("Kecamatan,Selisih\nBunut,-3\nUkui,-4 orang\nJumlah,-8\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_table(path)
    assert str(err.value) == (
        f"berkas {path}, baris 4, kolom 'Selisih': baris Jumlah tidak cocok: tertulis -8, "
        "hasil penjumlahan 2 baris di atasnya -7 (yang diharapkan: -7)"
    )
    df = read_table(path, check_total=False)
    assert df.attrs["teks_sel"] == {"Selisih": {2: "-3", 3: "-4 orang"}}
    assert [cell_as_written(df, r, "Selisih") for r in (2, 3)] == ["-3", "-4 orang"]
    book = _sheet(tmp_path / "t.xlsx", [["Kecamatan", "PSM"], ["Bunut", -5], ["Ukui", 7.5]])
    df = read_table(book)
    assert df.attrs["teks_sel"] == {"PSM": {}}
    assert [cell_as_written(df, r, "PSM") for r in (2, 3)] == ["-5", "7,5"]
