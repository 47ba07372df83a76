"""Reading and validating questionnaire answers: every accepted format, and more than
twenty distinct bad inputs, each checked for the row (as Excel shows it) and the column
header the message names."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from psm_analysis.files import write_workbook
from psm_analysis.survey import load_survey_codebook, read_answers, validate_file
from psm_analysis.survey.codebook import parse_codebook
from psm_analysis.survey.demo import demo_rows
from psm_analysis.survey.template import template_workbook

CB = load_survey_codebook()
COLS = CB.columns
SCALE_TEXT = (
    "5 (Sangat Setuju), 4 (Setuju), 3 (Ragu-ragu), 2 (Tidak Setuju), 1 (Sangat Tidak Setuju)"
)


def rows() -> list[list[object]]:
    return [list(r) for r in demo_rows(CB)]


def col(name: str) -> int:
    return COLS.index(name)


def write_xlsx(tmp_path: Path, data: list[list[object]], name="jawaban.xlsx") -> Path:
    path = tmp_path / name
    write_workbook(template_workbook(CB, data), path)
    return path


def write_csv(
    tmp_path: Path, header, data, name="jawaban.csv", sep=",", encoding="utf-8", decimal="."
):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    w.writerow(header)
    for r in data:
        w.writerow(
            [
                "" if v is None else (str(v).replace(".", decimal) if isinstance(v, float) else v)
                for v in r
            ]
        )
    path = tmp_path / name
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def only(problems, **match):
    """The single problem whose attributes equal ``match``; fails with the list otherwise."""
    hits = [p for p in problems if all(getattr(p, k) == v for k, v in match.items())]
    assert len(hits) == 1, f"expected one problem {match}, got:\n" + "\n".join(map(str, problems))
    return hits[0]


# ---------------------------------------------------------------------------------------
# valid inputs in every accepted format give the same answers
# ---------------------------------------------------------------------------------------


def test_template_file_filled_is_valid_and_read_back(tmp_path):
    path = write_xlsx(tmp_path, rows())
    assert validate_file(path) == []
    ans = read_answers(path, CB)
    assert ans.sheet == "Data" and ans.kind == "xlsx"
    assert ans.rows == list(range(3, 13))  # row 2 holds the statements
    assert ans.data["responden"].tolist() == [f"R{i:02d}" for i in range(1, 11)]
    assert ans.data["KIN01"].tolist() == [r[col("KIN01")] for r in rows()]


@pytest.mark.parametrize(
    ("sep", "encoding", "bom", "decimal"),
    [(",", "utf-8", False, "."), (";", "utf-8", True, ","), (";", "cp1252", False, ",")],
    ids=["comma-utf8", "semicolon-utf8-bom", "semicolon-cp1252-decimal-comma"],
)
def test_csv_variants_read_like_the_workbook(tmp_path, sep, encoding, bom, decimal):
    data = rows()
    data[0][col("lama_psm")] = 1.5
    data[1][col("desa")] = "Pangkalan Bunut"
    xlsx = read_answers(write_xlsx(tmp_path, data), CB).data
    path = write_csv(tmp_path, COLS, data, sep=sep, encoding=encoding, decimal=decimal)
    if bom:
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    if encoding == "cp1252":  # a non-ASCII character encoded the Excel-Windows way
        text = path.read_bytes().replace(b"Pangkalan Bunut", "Pangkalan Bunut".encode("cp1252"))
        path.write_bytes(text)
    assert validate_file(path) == []
    got = read_answers(path, CB)
    assert got.rows == list(range(2, 12))
    assert got.data["lama_psm"].tolist()[0] == 1.5
    assert got.data.equals(xlsx)


def test_template_saved_as_csv_by_excel_skips_the_statement_row(tmp_path):
    # Excel's "Save As CSV" of the template keeps row 2 (the statements): it used to be
    # read as a respondent, with 37 problems ("pilihan tidak dikenal: Desa/Kelurahan"...)
    data = rows()
    xlsx = read_answers(write_xlsx(tmp_path, data), CB)
    labels = [CB.label_of(c) for c in COLS]
    path = write_csv(tmp_path, COLS, [labels, *data], sep=";", encoding="cp1252", decimal=",")
    assert validate_file(path) == []
    got = read_answers(path, CB)
    assert got.rows == list(range(3, 13))  # as in the workbook: row 2 holds the statements
    assert got.data.equals(xlsx.data)


def test_cp1252_umlaut_does_not_break_reading(tmp_path):
    header = COLS
    data = rows()
    path = write_csv(tmp_path, header, data, sep=";", encoding="cp1252")
    raw = path.read_bytes().replace(b"R01", "R\xe901".encode("latin-1"))  # "Ré01" in cp1252
    path.write_bytes(raw)
    got = read_answers(path, CB)
    assert got.data["responden"].tolist()[0] == "R\u00e901"


def google_header() -> list[str]:
    return ["Timestamp", "Email Address"] + [CB.label_of(c) for c in COLS[1:]]


def google_rows(data):
    out = []
    for i, r in enumerate(data):
        answers = []
        for c, v in zip(COLS[1:], r[1:], strict=True):
            if c in {it.id for it in CB.items}:
                answers.append(CB.scale_of_item(c).values[v])  # the label, as Forms exports
            else:
                answers.append(v)
        out.append([f"2026/03/0{(i % 9) + 1} 10:00:00", f"psm{i}@contoh.id", *answers])
    return out


def test_google_forms_csv_with_labels_and_statements(tmp_path):
    data = rows()
    path = write_csv(tmp_path, google_header(), google_rows(data), name="forms.csv")
    assert validate_file(path) == []
    got = read_answers(path, CB)
    assert got.kind == "google_forms"
    ref = read_answers(write_xlsx(tmp_path, data), CB).data
    # ids are given by row order (Forms has no id column)
    assert got.data["responden"].tolist() == ref["responden"].tolist()
    assert got.data.equals(ref)


def test_google_forms_xlsx_in_indonesian(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    header = google_header()
    header[0], header[1] = "Stempel waktu", "Alamat email"
    ws.append(header)
    for r in google_rows(rows()):
        ws.append(r)
    path = tmp_path / "forms.xlsx"
    write_workbook(wb, path)
    assert validate_file(path) == []
    assert read_answers(path, CB).kind == "google_forms"


REPEATED = """
id_column: {id: responden, label: Nomor responden}
scales:
  baik3: {values: {3: Baik, 2: Cukup Baik, 1: Kurang Baik}}
categories: {method: equal_width, classes: 3, labels: [Rendah, Sedang, Tinggi]}
profile:
  - {id: desa, label: Desa, type: text}
variables:
  - {id: V, name: Variabel, scale: baik3}
indicators:
  - {id: I1, variable: V, name: Pertama}
  - {id: I2, variable: V, name: Kedua}
items:
  - {id: A1, indicator: I1, statement: "Bagaimana pelayanan Dinas Sosial?"}
  - {id: A2, indicator: I2, statement: "Bagaimana pelayanan Dinas Sosial?"}
"""


def test_google_forms_repeated_title_gets_suffix_2(tmp_path):
    cb = parse_codebook(REPEATED, "repeated.yml")
    header = [
        "Timestamp",
        "Desa",
        "Bagaimana pelayanan Dinas Sosial?",
        "Bagaimana pelayanan Dinas Sosial? 2",
    ]
    path = write_csv(
        tmp_path,
        header,
        [["t", "Petani", "Baik", "Kurang Baik"], ["t", "Merbau", "cukup baik", "3"]],
    )
    ans = read_answers(path, cb)
    assert ans.data["A1"].tolist() == [3, 2]
    assert ans.data["A2"].tolist() == [1, 3]
    assert ans.data["responden"].tolist() == ["R01", "R02"]


# ---------------------------------------------------------------------------------------
# bad inputs: every one names the row as Excel shows it and the column header
# ---------------------------------------------------------------------------------------


def bad_xlsx(tmp_path, edits: dict[tuple[int, str], object]):
    data = rows()
    for (i, c), v in edits.items():
        data[i][col(c)] = v
    return validate_file(write_xlsx(tmp_path, data))


@pytest.mark.parametrize(
    ("edit", "row", "column", "message", "value", "expected"),
    [
        ((0, "KIN01", 6), 3, "KIN01", "nilai di luar skala jawaban", 6, SCALE_TEXT),
        ((1, "KIN02", 0), 4, "KIN02", "nilai di luar skala jawaban", 0, SCALE_TEXT),
        ((2, "PDS03", 3.5), 5, "PDS03", "nilai di luar skala jawaban", 3.5, SCALE_TEXT),
        (
            (3, "PDS04", "empat"),
            6,
            "PDS04",
            "teks di tempat yang harus berisi angka skala",
            "empat",
            SCALE_TEXT,
        ),
        (
            (4, "KIN05", "#N/A"),
            7,
            "KIN05",
            "teks di tempat yang harus berisi angka skala",
            "#N/A",
            SCALE_TEXT,
        ),
        (
            (5, "KIN06", None),
            8,
            "KIN06",
            "jawaban kosong, padahal butir ini wajib dijawab",
            None,
            SCALE_TEXT,
        ),
        (
            (6, "jenis_kelamin", "L"),
            9,
            "jenis_kelamin",
            "pilihan tidak dikenal",
            "L",
            "Laki-laki, Perempuan",
        ),
        (
            (7, "desa", "Pekanbaru"),
            10,
            "desa",
            "pilihan tidak dikenal",
            "Pekanbaru",
            "Pangkalan Bunut, Petani",
        ),
        (
            (8, "umur", "tiga puluh"),
            11,
            "umur",
            "teks di tempat yang harus berisi angka",
            "tiga puluh",
            "bilangan bulat dari 17 sampai 80",
        ),
        (
            (9, "umur", 150),
            12,
            "umur",
            "angka di luar rentang yang diizinkan",
            150,
            "bilangan bulat dari 17 sampai 80",
        ),
        (
            (0, "umur", 35.5),
            3,
            "umur",
            "harus bilangan bulat",
            35.5,
            "bilangan bulat dari 17 sampai 80",
        ),
        (
            (1, "lama_psm", -1),
            4,
            "lama_psm",
            "angka di luar rentang yang diizinkan",
            -1,
            "angka dari 0 sampai 50",
        ),
        ((2, "diklat", "Mungkin"), 5, "diklat", "pilihan tidak dikenal", "Mungkin", "Ya, Tidak"),
        (
            (3, "pendidikan", None),
            6,
            "pendidikan",
            "isian profil wajib diisi",
            None,
            "SD, SMP, SMA/SMK",
        ),
        (
            (4, "responden", None),
            7,
            "responden",
            "nomor responden kosong",
            None,
            "nomor responden yang unik",
        ),
    ],
    ids=[
        "above-scale",
        "zero",
        "half-point",
        "word-for-number",
        "excel-error",
        "missing-answer",
        "unknown-gender",
        "desa-outside-bunut",
        "age-in-words",
        "age-out-of-range",
        "age-decimal",
        "negative-years",
        "diklat-maybe",
        "missing-education",
        "missing-id",
    ],
)
def test_bad_cell(tmp_path, edit, row, column, message, value, expected):
    i, c, v = edit
    problems = bad_xlsx(tmp_path, {(i, c): v})
    p = only(problems, row=row, column=column)
    assert p.message == message
    assert p.value == value
    assert expected in p.expected
    assert p.file.endswith("jawaban.xlsx") and p.sheet == "Data"
    text = str(p)
    assert f"lembar 'Data', baris {row}, kolom '{column}'" in text
    assert len(problems) == 1


def test_duplicate_respondent_id_names_the_first_row(tmp_path):
    problems = bad_xlsx(tmp_path, {(4, "responden"): "R02"})
    p = only(problems, row=7, column="responden")
    assert p.message == "nomor responden ganda (sudah dipakai di baris 4)"
    assert p.value == "R02"


def test_empty_row_between_filled_rows(tmp_path):
    data = rows()
    data.insert(3, [None] * len(COLS))
    problems = validate_file(write_xlsx(tmp_path, data))
    p = only(problems, row=6)
    assert p.message == "baris kosong di antara baris yang berisi" and p.column is None
    assert len(problems) == 1


def test_trailing_empty_rows_are_fine(tmp_path):
    data = rows() + [[None] * len(COLS)] * 3
    assert validate_file(write_xlsx(tmp_path, data)) == []


def _edit_header(path: Path, column_index: int, text):
    wb = load_workbook(path)
    wb["Data"].cell(1, column_index + 1, text)
    write_workbook(wb, path)


def test_unknown_column(tmp_path):
    path = write_xlsx(tmp_path, rows())
    _edit_header(path, col("KIN03"), "KIN99")
    problems = validate_file(path)
    p = only(problems, row=1, column="KIN99")
    assert p.message == "kolom tidak dikenal dalam buku kode"
    # the renamed column is then missing as well
    q = only(problems, row=1, column="KIN03")
    assert q.message == "kolom wajib tidak ada"
    assert "Saya mengajak warga" in q.expected


def test_duplicate_column(tmp_path):
    path = write_xlsx(tmp_path, rows())
    _edit_header(path, col("KIN04"), "KIN02")
    problems = validate_file(path)
    p = only(problems, row=1, column="KIN02", message="kolom muncul dua kali")
    assert "satu kolom 'KIN02'" in p.expected


def test_missing_profile_column_in_csv(tmp_path):
    keep = [c for c in COLS if c != "bimtek"]
    data = [[v for c, v in zip(COLS, r, strict=True) if c != "bimtek"] for r in rows()]
    problems = validate_file(write_csv(tmp_path, keep, data))
    p = only(problems, row=1, column="bimtek")
    assert p.message == "kolom wajib tidak ada" and p.sheet is None
    assert "Pernah mengikuti Bimtek PSM" in p.expected


def test_data_in_column_without_header(tmp_path):
    path = write_xlsx(tmp_path, rows())
    wb = load_workbook(path)
    wb["Data"].cell(5, len(COLS) + 2, "catatan")
    write_workbook(wb, path)
    p = only(validate_file(path), row=1)
    assert p.message == "kolom tanpa judul berisi data"
    assert p.column == f"(kolom ke-{len(COLS) + 2})"


def test_csv_row_with_more_cells_than_headers(tmp_path):
    data = rows()
    data[6] = data[6] + ["lebih"]
    p = only(validate_file(write_csv(tmp_path, COLS, data)), row=8)
    assert p.message == "baris berisi lebih banyak sel daripada jumlah judul kolom"
    assert p.value == "lebih" and p.column == f"(kolom ke-{len(COLS) + 1})"


def test_csv_cp1252_semicolon_reports_csv_line(tmp_path):
    data = rows()
    data[2][col("lama_psm")] = "dua"
    path = write_csv(tmp_path, COLS, data, sep=";", encoding="cp1252", decimal=",")
    p = only(validate_file(path), row=4, column="lama_psm")
    assert p.message == "teks di tempat yang harus berisi angka" and p.value == "dua"


def test_google_forms_unknown_label_names_the_statement(tmp_path):
    grows = google_rows(rows())
    statement = CB.item("PDS05").statement
    j = google_header().index(statement)
    grows[3][j] = "Sangat Setuju Sekali"
    p = only(validate_file(write_csv(tmp_path, google_header(), grows)), row=5)
    assert p.column == statement
    assert p.message == "teks di tempat yang harus berisi angka skala"
    assert p.value == "Sangat Setuju Sekali" and p.expected == SCALE_TEXT


def test_google_forms_unknown_question(tmp_path):
    header = google_header()
    grows = google_rows(rows())
    header.append("Apa saran Anda untuk Dinas Sosial?")
    for r in grows:
        r.append("")
    p = only(validate_file(write_csv(tmp_path, header, grows)), row=1)
    assert p.column == "Apa saran Anda untuk Dinas Sosial?"
    assert p.message == "kolom tidak dikenal dalam buku kode"


def test_unsupported_extension(tmp_path):
    path = tmp_path / "jawaban.txt"
    path.write_text("responden\nR01\n", encoding="utf-8")
    [p] = validate_file(path)
    assert p.message == "jenis berkas jawaban tidak didukung" and p.value == ".txt"
    assert p.row is None


def test_damaged_workbook(tmp_path):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(b"PK\x03\x04 bukan berkas excel")
    [p] = validate_file(path)
    assert p.message.startswith("berkas Excel tidak dapat dibuka")


def test_template_without_answers(tmp_path):
    path = write_xlsx(tmp_path, [])
    [p] = validate_file(path)
    assert (p.message, p.row, p.sheet) == ("tidak ada baris jawaban", 3, "Data")


def test_every_problem_reported_at_once(tmp_path):
    problems = bad_xlsx(
        tmp_path,
        {(0, "KIN01"): 9, (1, "umur"): "x", (2, "responden"): "R01", (9, "PDS12"): None},
    )
    assert sorted((p.row, p.column) for p in problems) == [
        (3, "KIN01"),
        (4, "umur"),
        (5, "responden"),
        (12, "PDS12"),
    ]


def test_missing_answer_allowed_when_codebook_says_so(tmp_path):
    text = REPEATED.replace(
        '{id: A1, indicator: I1, statement: "Bagaimana pelayanan Dinas Sosial?"}',
        '{id: A1, indicator: I1, statement: "Bagaimana pelayanan Dinas Sosial?", missing_allowed: true}',
    )
    assert text != REPEATED
    cb = parse_codebook(text, "x.yml")
    path = write_csv(
        tmp_path,
        ["responden", "desa", "A1", "A2"],
        [["1", "Petani", "", "2"], ["2", "Merbau", "3", ""]],
    )
    problems = validate_file(path, cb)
    p = only(problems, row=3, column="A2")
    assert p.message.startswith("jawaban kosong")
    assert len(problems) == 1


def test_empty_csv_and_header_only_csv(tmp_path):
    empty = tmp_path / "kosong.csv"
    empty.write_bytes(b"")
    [p] = validate_file(empty)
    assert (p.message, p.row) == ("berkas tidak punya baris judul kolom", 1)
    header_only = write_csv(tmp_path, COLS, [], name="judul_saja.csv")
    [q] = validate_file(header_only)
    assert (q.message, q.row, q.column) == ("tidak ada baris jawaban", 2, None)
