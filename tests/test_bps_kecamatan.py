"""BPS "Kecamatan Bunut Dalam Angka": area and population per desa/kelurahan (issue 22, 7)."""

from __future__ import annotations

import pandas as pd
import pytest
from docx import Document

from psm_analysis import bps, catalog, inventory, parts, site, tablefiles
from psm_analysis.config import get_paths
from psm_analysis.errors import DataError

TITLE = [
    "Tabel 1.2.1 Luas Wilayah dan Jumlah Penduduk menurut Desa/Kelurahan di Kecamatan Bunut, 2023",
    "Table 1.2.1 Area and Population by Village in Bunut Subdistrict, 2023",
]
HEADER = [["Desa/Kelurahan Village", "Luas/Area (km²)", "Penduduk/Population"]]
BODY = [
    ["Pangkalan Bunut", "12,5", "1.250"],
    ["Petani", "40,25", "980"],
    ["Sialang Kayu Batu", "7,5", "1.020"],
]
FOOTER = ["Sumber/Source: BPS Kabupaten Pelalawan"]


def _rows(body=BODY, total=("60,25", "3.250")):
    rows = [[TITLE[0], "", ""], [TITLE[1], "", ""], ["", "", ""], *HEADER, *body]
    rows.append(["Jumlah/Total", *total])
    rows.append([FOOTER[0], "", ""])
    return rows


def _csv(path, rows):
    path.write_text("\n".join(";".join(r) for r in rows) + "\n", encoding="utf-8")
    return path


def _xlsx(path, rows):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append([v if v != "" else None for v in r])
    wb.save(path)
    return path


def _ods(path, rows):
    pd.DataFrame([[v if v != "" else None for v in r] for r in rows]).to_excel(
        path, engine="odf", header=False, index=False
    )
    return path


EXPECTED = pd.DataFrame(
    {
        "desa_kelurahan": ["Pangkalan Bunut", "Petani", "Sialang Kayu Batu"],
        "kode": ["14.05.08.1011", "14.05.08.2001", "14.05.08.2018"],
        "luas_km2": [12.5, 40.25, 7.5],
        "penduduk": [1250, 980, 1020],
    }
)


@pytest.mark.parametrize("kind", ["csv", "xlsx", "ods"])
def test_bps_table_read_with_codes_and_density(tmp_path, kind):
    path = tmp_path / f"bunut.{kind}"
    {"csv": _csv, "xlsx": _xlsx, "ods": _ods}[kind](path, _rows())
    df = bps.read_bps_table(path)
    assert list(df.columns) == bps.COLUMNS
    assert df["desa_kelurahan"].tolist() == EXPECTED["desa_kelurahan"].tolist()
    assert df["kode"].tolist() == EXPECTED["kode"].tolist()
    assert df["luas_km2"].tolist() == [12.5, 40.25, 7.5]
    assert df["penduduk"].tolist() == [1250, 980, 1020]
    assert df["kepadatan"].tolist() == [1250 / 12.5, 980 / 40.25, 1020 / 7.5]
    assert df["kepadatan"].iloc[0] == 100.0
    assert set(df["sumber"]) == {FOOTER[0]}


def test_two_row_bilingual_header_takes_the_population_total(tmp_path):
    """BPS header "Penduduk/Population" merged over "Laki-laki/Male", "Perempuan/Female",
    "Jumlah/Total"; the other headers merged down both rows."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    rows = [
        [TITLE[0]],
        [TITLE[1]],
        ["Desa/Kelurahan Village", "Luas/Area (km²)", "Penduduk/Population", None, None],
        [None, None, "Laki-laki/Male", "Perempuan/Female", "Jumlah/Total"],
        ["Pangkalan Bunut", "12,5", "600", "650", "1.250"],
        ["Petani", "40,25", "500", "480", "980"],
        ["Jumlah/Total", "52,75", "1.100", "1.130", "2.230"],
        FOOTER,
    ]
    for r in rows:
        ws.append(r)
    for cells in ("A3:A4", "B3:B4", "C3:E3"):
        ws.merge_cells(cells)
    path = tmp_path / "bunut.xlsx"
    wb.save(path)
    df = bps.read_bps_table(path)
    assert df["penduduk"].tolist() == [1250, 980]
    assert df["luas_km2"].tolist() == [12.5, 40.25]
    assert df["kepadatan"].tolist() == [100.0, 980 / 40.25]
    # a wrong sub-total in the second header row's columns is located too
    ws["D7"] = "1.131"
    wb.save(path)
    with pytest.raises(DataError, match="baris Jumlah tidak cocok"):
        bps.read_bps_table(path)


def test_unknown_desa_is_located(tmp_path):
    body = [*BODY[:2], ["Pangkalan Kerinci Kota", "7,5", "1.020"]]
    path = _csv(tmp_path / "bunut.csv", _rows(body))
    with pytest.raises(DataError) as err:
        bps.read_bps_table(path)
    text = str(err.value)
    assert "bukan desa/kelurahan Kecamatan Bunut" in text
    assert "Pangkalan Kerinci Kota" in text
    (problem,) = err.value.problems
    assert problem.row == 7 and problem.column == "Desa"


def test_wrong_total_is_located(tmp_path):
    path = _csv(tmp_path / "bunut.csv", _rows(total=("60,25", "3.300")))
    with pytest.raises(DataError) as err:
        bps.read_bps_table(path)
    text = str(err.value)
    assert "baris Jumlah tidak cocok" in text and "3.300" in text and "3.250" in text


def test_no_bps_files_gives_an_empty_typed_table(tmp_path):
    paths = get_paths(tmp_path)
    out = bps.build_outputs(paths)
    df = out.files[bps.FILE_NAME]
    assert df.empty and list(df.columns) == bps.COLUMNS
    assert out.inputs == []
    assert catalog.check_frame("luas_penduduk_desa", df) == []


def test_bps_table_reaches_bab_iv_in_word(tmp_path):
    from conftest import copy_project

    root = copy_project(tmp_path / "project", notebooks=False)
    paths = get_paths(root)
    (paths.raw / bps.FOLDER).mkdir(exist_ok=True)
    _xlsx(paths.raw / bps.FOLDER / "bunut_dalam_angka.xlsx", _rows())
    out = bps.build_outputs(paths)
    assert [i.path for i in out.inputs] == ["data/raw/bps/bunut_dalam_angka.xlsx"]
    # the inventory of data/raw counts the BPS table as read
    unread = inventory.unread(paths, [i.path for i in out.inputs])
    assert "data/raw/bps/bunut_dalam_angka.xlsx" not in [u.path for u in unread]
    table = parts.area_population_table(out.files[bps.FILE_NAME])
    assert table["Desa/Kelurahan"].iloc[-1] == "Jumlah"
    assert table["Penduduk (jiwa)"].iloc[-1] == 3250
    assert table["Kepadatan (jiwa/km²)"].iloc[-1] == 3250 / 60.25
    tablefiles.export_table(
        table,
        "00_luas_penduduk_bunut",
        title=parts.AREA_POPULATION_TITLE,
        source=FOOTER[0],
        number="IV.2",
        notebook="00",
        paths=paths,
        tempat="IV",
    )
    site.write_thesis_docx(paths)
    doc = Document(str(paths.reports / "bab_IV.docx"))
    words = "\n".join(
        [p.text for p in doc.paragraphs]
        + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    )
    assert parts.AREA_POPULATION_TITLE in words
    assert "Sialang Kayu Batu" in words and "14.05.08.2018" in words and "1.250" in words


def test_a_table_without_area_or_population_is_named(tmp_path):
    rows = [[TITLE[0], ""], ["Desa/Kelurahan Village", "Penduduk/Population"]]
    rows += [[r[0], r[2]] for r in BODY] + [["Jumlah/Total", "3.250"], [FOOTER[0], ""]]
    path = _csv(tmp_path / "bunut.csv", rows)
    with pytest.raises(DataError, match="tabel BPS tanpa kolom Luas"):
        bps.read_bps_table(path)
    paths = get_paths(tmp_path)
    (paths.raw / bps.FOLDER).mkdir(parents=True)
    path.rename(paths.raw / bps.FOLDER / "bunut.csv")
    with pytest.raises(DataError, match="tanpa kolom Luas"):
        bps.build_outputs(paths)
