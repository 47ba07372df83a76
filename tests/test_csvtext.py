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
