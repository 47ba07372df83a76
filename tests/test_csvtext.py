"""The one CSV decoder (psm_analysis.csvtext), on bytes as each writer produces them.

- Python's ``csv`` module / Taguette / Google Forms: UTF-8 without BOM, ``,``.
- QualCoder (report_codes.py): ``encoding='utf-8-sig'``, so a UTF-8 BOM, ``,``.
- Excel (Windows, Indonesian locale), Save As "CSV (semicolon delimited)" / "CSV (Comma
  delimited)": the ANSI code page Windows-1252, ``;`` where the decimal separator is a comma;
  "CSV UTF-8 (Comma delimited)": UTF-8 with BOM.
"""

from __future__ import annotations

import pytest

from psm_analysis import csvtext
from psm_analysis.errors import DataError

TEXT = "\u201cDana\u201d \u2013 kurang\u2026"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "windows-1252"],
)
def test_decode_every_encoding_the_writers_use(data):
    assert csvtext.decode(data) == "\u201cDana\u201d \u2013 kurang\u2026"


def test_windows_1252_bytes_of_typographic_marks():
    # the bytes Excel writes: 0x93/0x94 quotes, 0x96 en dash, 0x97 em dash, 0x85 ellipsis
    assert csvtext.decode(b"\x93a\x94 \x96 \x97 \x85 \x91b\x92") == "“a” – — … ‘b’"


def test_separator_counts_outside_quotes():
    assert csvtext.separator('nama;"Jumlah, total, akhir"\r\nA;1') == ";"
    assert csvtext.separator('nama,"a;b;c"\nA,1') == ","


def test_read_text_and_records_of_an_excel_semicolon_csv(tmp_path):
    f = tmp_path / "data.csv"
    f.write_bytes(
        'id;kutipan\r\nR01;"baris satu\r\nbaris \x93dua\x94"\r\nR02;2,5\r\n'.encode("latin-1")
    )
    text, sep = csvtext.read_text(f)
    assert sep == ";"
    assert csvtext.records(text, sep) == [
        (1, ["id", "kutipan"]),
        (2, ["R01", "baris satu\r\nbaris \u201cdua\u201d"]),
        (4, ["R02", "2,5"]),
    ]


def test_excel_sep_hint_line(tmp_path):
    f = tmp_path / "data.csv"
    f.write_bytes(b"sep=;\r\nid;nilai\r\nR01;3,5\r\n")
    df = csvtext.read_frame(f)
    assert list(df.columns) == ["id", "nilai"] and df.values.tolist() == [["R01", "3,5"]]


def test_unreadable_file_is_an_indonesian_problem(tmp_path):
    with pytest.raises(DataError) as err:
        csvtext.read_text(tmp_path / "tidak_ada.csv", "data/tidak_ada.csv")
    assert str(err.value) == "berkas data/tidak_ada.csv: berkas tidak ditemukan"


def test_notepad_unicode_utf16_with_bom(tmp_path):
    # Notepad's "Unicode" (and "UTF-16 LE"): UTF-16 little-endian with the BOM FF FE
    f = tmp_path / "buku.yml"
    f.write_bytes("kode:\r\n  - Dana \u2013 kurang\r\n".encode("utf-16"))
    assert f.read_bytes()[:2] == b"\xff\xfe"
    assert csvtext.read_decoded(f) == "kode:\r\n  - Dana \u2013 kurang\r\n"


def test_byte_undefined_in_windows_1252_is_located(tmp_path):
    # 0x81 is one of the five bytes Windows-1252 leaves undefined: neither UTF-8 nor ANSI
    f = tmp_path / "sumber.csv"
    f.write_bytes(b"tabel,judul\r\nI.1,Jumlah\r\nI.2,Kec\x81\r\n")
    with pytest.raises(DataError) as err:
        csvtext.read_text(f, "data/raw/dinsos/sumber.csv")
    assert str(err.value) == (
        "berkas data/raw/dinsos/sumber.csv, baris 3: berkas bukan teks yang dapat dibaca: "
        'nilai "bita 0x81" (yang diharapkan: ' + csvtext.RESAVE + ")"
    )


def test_utf16_without_bom_is_refused_at_its_first_nul(tmp_path):
    f = tmp_path / "a.csv"
    f.write_bytes("id,nama\n".encode("utf-16-le"))
    with pytest.raises(DataError) as err:
        csvtext.read_decoded(f, "a.csv")
    problem = err.value.problems[0]
    assert (problem.row, problem.value) == (1, "bita 0x00")


def test_invalid_utf8_after_a_utf8_bom_is_located(tmp_path):
    f = tmp_path / "a.yml"
    f.write_bytes(csvtext.BOM + b"a: 1\nb: \x93x\x94\n")
    with pytest.raises(DataError) as err:
        csvtext.read_decoded(f, "a.yml")
    assert (err.value.problems[0].row, err.value.problems[0].value) == (2, "bita 0x93")


def test_a_folder_is_not_read_as_a_file(tmp_path):
    with pytest.raises(DataError) as err:
        csvtext.read_decoded(tmp_path, "data/raw")
    assert str(err.value) == "berkas data/raw: berkas tidak dapat dibaca (ini sebuah folder)"
