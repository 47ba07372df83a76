"""Questionnaire answers as form tools and spreadsheets really write them.

- Google Forms, Responses > Download responses (.csv) or "Link to Sheets" then File >
  Download > Microsoft Excel: column 1 ``Timestamp`` (``Stempel waktu`` in Indonesian),
  then one column per question titled with the question text. A "Multiple choice grid"
  (the usual Likert layout; Apps Script ``FormApp`` ``GridItem.setRows``/``setColumns``)
  becomes one column per grid row, titled ``"Grid title [row text]"``, each cell the
  column label chosen (``Setuju``).
- A sheet typed by hand: group titles ("Profil", "Variabel X", merged over their columns)
  above the row of column codes, which is then row 2 or 3.
- Answers typed with their label as the product's own messages show them: ``4 (Setuju)``,
  or ``4 - Setuju``, ``4. Setuju``.
"""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import Workbook

from psm_analysis.errors import DataError
from psm_analysis.files import write_workbook
from psm_analysis.survey import load_survey_codebook, read_answers, validate_file
from psm_analysis.survey.demo import demo_rows
from psm_analysis.survey.template import template_workbook

CB = load_survey_codebook()
COLS = CB.columns
ITEMS = [i.id for i in CB.items]
PROFILE = [p.id for p in CB.profile]


def _rows():
    return [list(r) for r in demo_rows(CB)][:6]


def _reference(tmp_path, data):
    path = tmp_path / "templat.xlsx"
    write_workbook(template_workbook(CB, data), path)
    return read_answers(path, CB).data


def _csv(tmp_path, header, data, name="forms.csv"):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")  # Google Forms: UTF-8, comma, CRLF
    w.writerow(header)
    w.writerows(data)
    path = tmp_path / name
    path.write_bytes(buf.getvalue().encode("utf-8"))
    return path


def _grid_header() -> list[str]:
    header = ["Timestamp", "Email Address"] + [CB.label_of(p) for p in PROFILE]
    for item in ITEMS:
        var = CB.variable(CB.indicator(CB.item(item).indicator).variable)
        header.append(f"{var.name} [{CB.item(item).statement}]")
    return header


def _forms_rows(data, answer=lambda item, v: CB.scale_of_item(item).values[v]):
    out = []
    for i, r in enumerate(data):
        cells = dict(zip(COLS, r, strict=True))
        out.append(
            [f"2026/03/0{i + 1} 10:00:00 GMT+7", f"psm{i}@contoh.id"]
            + [cells[p] for p in PROFILE]
            + [answer(item, cells[item]) for item in ITEMS]
        )
    return out


def test_google_forms_multiple_choice_grid(tmp_path):
    data = _rows()
    header = _grid_header()
    assert header[len(PROFILE) + 2] == (
        "Kinerja PSM [Saya segera mencari tahu ketika ada masalah sosial di desa saya.]"
    )
    path = _csv(tmp_path, header, _forms_rows(data))
    assert validate_file(path, CB) == []
    got = read_answers(path, CB)
    assert got.kind == "google_forms"
    assert got.data.equals(_reference(tmp_path, data))


def test_titles_differing_in_punctuation_spacing_case_and_quotes_are_the_same(tmp_path):
    data = _rows()
    header = ["Timestamp"] + [CB.label_of(c) for c in COLS[1:]]
    j = COLS.index("KIN03")
    assert header[j] == "Saya mengajak warga ikut serta dalam kegiatan kesejahteraan sosial."
    header[j] = "\u201cSAYA mengajak  warga ikut serta dalam kegiatan kesejahteraan sosial\u201d"
    header[j + 1] = "Kinerja PSM [" + CB.label_of("KIN04").rstrip(".") + " ]"
    header[1] = "desa/kelurahan:"
    rows = [["2026/03/01 10:00:00", *r[1:]] for r in data]
    got = read_answers(_csv(tmp_path, header, rows), CB)
    assert got.data.equals(_reference(tmp_path, data))


def test_a_title_close_to_a_statement_gets_maksud_anda(tmp_path):
    header = ["Timestamp"] + [CB.label_of(c) for c in COLS[1:]]
    j = COLS.index("KIN03")
    header[j] = "Saya mengajak warga ikut serta dlm kegiatan kesejahteraan sosial."
    rows = [["2026/03/01 10:00:00", *r[1:]] for r in _rows()]
    problems = validate_file(_csv(tmp_path, header, rows), CB)
    assert [(p.row, p.column, p.message) for p in problems] == [
        (
            1,
            "Saya mengajak warga ikut serta dlm kegiatan kesejahteraan sosial.",
            'kolom tidak dikenal dalam buku kode; maksud Anda: "Saya mengajak warga ikut '
            'serta dalam kegiatan kesejahteraan sosial." (KIN03)?',
        ),
        (1, "KIN03", "kolom wajib tidak ada"),
    ]


def _grouped_workbook(tmp_path, data, title_rows: int, name="grup.xlsx"):
    """Group titles merged over their columns, then the codes, then the answers."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Jawaban"
    if title_rows == 2:
        ws.append(["Rekap kuesioner PSM Kecamatan Bunut"])
    groups = ["Profil"] * (1 + len(PROFILE)) + [
        "Variabel X" if i.startswith("PDS") else "Variabel Y" for i in ITEMS
    ]
    row = ws.max_row + 1 if title_rows == 2 else 1
    start = 1
    for j in range(1, len(groups) + 1):
        if j == len(groups) or groups[j] != groups[start - 1]:
            ws.cell(row, start, groups[start - 1])
            if j > start:
                ws.merge_cells(start_row=row, start_column=start, end_row=row, end_column=j)
            start = j + 1
    ws.append(COLS)
    for r in data:
        ws.append(r)
    path = tmp_path / name
    write_workbook(wb, path)
    return path


@pytest.mark.parametrize("title_rows", [1, 2])
def test_codes_under_merged_group_titles(tmp_path, title_rows):
    data = _rows()
    path = _grouped_workbook(tmp_path, data, title_rows)
    got = read_answers(path, CB)
    assert got.rows == list(range(2 + title_rows, 2 + title_rows + len(data)))
    assert got.data.equals(_reference(tmp_path, data))
    data[2][COLS.index("KIN05")] = 9
    path = _grouped_workbook(tmp_path, data, title_rows, name="grup_salah.xlsx")
    (p,) = validate_file(path, CB)
    assert (p.sheet, p.row, p.column, p.message, p.value) == (
        "Jawaban",
        title_rows + 4,  # Excel's row of the third respondent
        "KIN05",
        "nilai di luar skala jawaban",
        9,
    )


def test_codes_further_down_are_reported_with_their_row(tmp_path):
    wb = Workbook()
    ws = wb.active
    for text in ("Rekap", "Kuesioner PSM", "Kecamatan Bunut", "2026"):
        ws.append([text])
    ws.append(COLS)
    ws.append(_rows()[0])
    path = tmp_path / "jauh.xlsx"
    write_workbook(wb, path)
    with pytest.raises(DataError) as err:
        read_answers(path, CB)
    (p,) = err.value.problems
    assert (p.row, p.message, p.expected) == (
        5,
        "kode kolom ditemukan di baris 5, bukan di baris judul",
        "kode kolom di baris 1 (paling bawah baris 3, di bawah judul kelompok); hapus baris "
        "di atasnya",
    )


@pytest.mark.parametrize(
    "form",
    ["{v} ({label})", "{v} - {label}", "{v}. {label}", "{v} \u2013 {label}", "{v}.{label}"],
)
def test_answers_written_with_their_label(tmp_path, form):
    data = _rows()

    def answer(item, v):
        return form.format(v=v, label=CB.scale_of_item(item).values[v])

    path = _csv(tmp_path, _grid_header(), _forms_rows(data, answer))
    assert _forms_rows(data, answer)[0][len(PROFILE) + 2] in {
        form.format(v=v, label=lab) for v, lab in CB.scale_of_item("KIN01").values.items()
    }
    got = read_answers(path, CB)
    assert got.data.equals(_reference(tmp_path, data))


def test_number_and_label_that_disagree_are_a_problem(tmp_path):
    data = _rows()
    rows = _forms_rows(data)
    j = _grid_header().index(
        "Kinerja PSM [Saya segera mencari tahu ketika ada masalah sosial di desa saya.]"
    )
    rows[1][j] = "4 (Tidak Setuju)"
    (p,) = validate_file(_csv(tmp_path, _grid_header(), rows), CB)
    assert (p.row, p.message, p.value) == (
        3,
        "angka dan label skala tidak cocok",
        "4 (Tidak Setuju)",
    )
    assert p.expected == (
        "5 (Sangat Setuju), 4 (Setuju), 3 (Ragu-ragu), 2 (Tidak Setuju), 1 (Sangat Tidak Setuju)"
    )
