"""The Word tables written the fast way are the ones the plain python-docx calls wrote.

``worddoc._layout`` measures each table once in em and scales to each font size, and
``tables._rows_xml`` builds the rows as one XML string. The references here are the
straightforward versions they replaced (measure every text at every size; python-docx's
``add_row``/``add_run``/``font.size``/``alignment``/``width`` API, as its documentation
shows them: https://python-docx.readthedocs.io/en/latest/user/quickstart.html#adding-a-table),
compared exactly on hand-made tables that reach every branch and, in the slow run, on every
table of the reproduced demo project. Also the two other shortcuts of issue 13:
``sheets.write_sheet`` copying a cell style per kind, ``worddoc.thesis_document`` copying
one blank document.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from psm_analysis import notebook, tables, worddoc
from psm_analysis.config import get_paths
from psm_analysis.sheets import NA_TEXT


def _text_cm(text, pt, bold=False):
    """A text's width (cm) measured at size ``pt``, as the base commit did."""
    em = sum(
        worddoc._CHAR_EM["upper" if c.isupper() else "digit" if c.isdigit() else "other"]
        for c in text
    )
    return em * pt / 72 * 2.54 * (1.06 if bold else 1.0)


def _widths_measured_at(formatted, pt, available):
    """``_column_widths`` as it was: every word and line measured at size ``pt``."""
    tc = _text_cm
    pad, cap_cm = worddoc._CELL_PAD_CM, worddoc._MAX_COL_CM
    minimum, longest, body_w, full_w = [], [], [], []
    for col in formatted.columns:
        header = str(col)
        body = [str(v) for v in formatted[col].tolist()]
        words = [tc(w, pt, True) for w in worddoc._words(header)]
        words += [tc(w, pt) for v in body for w in worddoc._words(v)]
        lo = max(words) + pad
        cap = max(lo, cap_cm)
        line = max([tc(v, pt) for v in body] or [0.0]) + pad
        mid = min(max(line, lo), cap)
        minimum.append(lo)
        longest.append(max(line, lo))
        body_w.append(mid)
        full_w.append(min(max(mid, tc(header, pt, True) + pad), cap))
    if sum(minimum) > available:
        return None
    if sum(body_w) > available:
        return worddoc._share(minimum, longest, available), body_w
    return worddoc._share(body_w, full_w, available), body_w


def _fallback_measured(formatted, pt):
    return [
        max(
            worddoc._text_cm(w, pt)
            for t in [str(c), *map(str, formatted[c])]
            for w in worddoc._words(t)
        )
        + worddoc._CELL_PAD_CM
        for c in formatted.columns
    ]


def _assert_same_widths(formatted):
    ems = worddoc._measure(formatted)
    text_width = [
        paper - worddoc._MARGINS["left"] - worddoc._MARGINS["right"] for paper in worddoc._PAPER
    ]
    for pt in (worddoc.TABLE_PT,):
        for available in text_width:
            # exactly equal, not approximately: the same floats give the same layout
            assert worddoc._column_widths(ems, pt, available) == _widths_measured_at(
                formatted, pt, available
            )
        assert [worddoc._cm(m.any_word, pt) + worddoc._CELL_PAD_CM for m in ems] == (
            _fallback_measured(formatted, pt)
        )


STATEMENT = "Saya segera mencari tahu ketika ada masalah sosial di desa saya."
QUOTE = (
    "Kami turun ke desa-desa kalau ada laporan, tapi kadang-kadang transportasi susah, "
    "jadi laporan ke Dinas Sosial terlambat beberapa minggu."
)

#: Long text of short words: a column of it can be squeezed without breaking a word.
SHORT_WORDS = "ada dan itu ini " * 10

#: Tables reaching each outcome of ``_layout``: portrait, landscape, squeezed (no
#: comfortable layout), not even the words fit, no body rows, empty and missing cells.
LAYOUT_CASES = {
    "portrait": pd.DataFrame({"Kecamatan": ["Bunut", "Kuala Kampar"], "Jumlah PSM": [10, 11]}),
    "landscape": pd.DataFrame(
        {"No.": ["1"], "Pernyataan": [STATEMENT]}
        | {f"K{j} %": [33.3] for j in range(12)}
        | {"Kategori": ["Cukup Baik"]}
    ),
    "squeezed": pd.DataFrame({f"Jawaban {j}": [SHORT_WORDS, SHORT_WORDS[:40]] for j in range(13)}),
    "words_do_not_fit": pd.DataFrame(
        {f"Kesejahteraan{j}": ["Pertanggungjawaban-Kesejahteraan"] for j in range(14)}
    ),
    "no_rows": pd.DataFrame({"Butir": pd.Series([], dtype=object), "Skor": []}),
    "empty_and_missing": pd.DataFrame(
        {"Desa": ["", "Bunut", None], "Persen": [66.667, None, 5.0], "": ["x", "", "y"]}
    ),
}


@pytest.mark.parametrize("case", sorted(LAYOUT_CASES))
def test_scaled_widths_equal_widths_measured_at_each_size(case):
    _assert_same_widths(tables.format_table(LAYOUT_CASES[case]))


def test_layout_cases_reach_every_outcome():
    """The cases above really exercise portrait, landscape and the last resort."""
    got = {k: worddoc._layout(tables.format_table(df))[:2] for k, df in LAYOUT_CASES.items()}
    assert got["portrait"] == (False, worddoc.TABLE_PT)
    assert got["landscape"][0] is True
    assert got["words_do_not_fit"] == (True, worddoc.TABLE_PT)
    squeezed = tables.format_table(LAYOUT_CASES["squeezed"])
    landscape, pt, widths = worddoc._layout(squeezed)
    body = _widths_measured_at(squeezed, pt, 29.7 - 7 if landscape else 21.0 - 7)[1]
    # no candidate was comfortable: some column is squeezed below 3 cm while its text is longer
    assert min(w / min(b, worddoc._COMFORT_CM) for w, b in zip(widths, body, strict=True)) < 1


def test_word_table_cells_as_the_thesis_prints_them(tmp_path):
    """Tabs, line breaks, edge spaces, XML specials, empty and missing cells, a per-cent
    sign: read back from the saved .docx, the header is bold, centred and repeated on each
    page, numbers are right-aligned, the missing marker centred, "66,67 %" keeps its sign
    with the number (no-break space), a tab and a line break are Word's own."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn

    (tmp_path / "data").mkdir()
    bab = notebook.setup("04", paths=get_paths(tmp_path))
    df = pd.DataFrame(
        {
            "Jawaban\tinforman": [
                "baris satu\nbaris dua",
                "kolom\tkedua",
                " spasi di depan",
                "A & B <c> \"kutip\" 'x'",
                "",
                None,
            ],
            "Persen": [66.667, 5.0, None, 100.0, 0.0, 12.5],
            "Jumlah & <n>": [1250, 3, 4, None, 0, 7],
        }
    )
    bab.export_table(
        df, "sulit", title="Sel sulit", source="Contoh", number_format={"Persen": "percent"}
    )
    table = Document(str(tmp_path / "reports" / "tables" / "sulit.docx")).tables[0]
    header = table.rows[0]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in header.cells] == ["Jawaban\tinforman", "Persen (%)", "Jumlah & <n>"]
    assert all(c.paragraphs[0].runs[-1].bold for c in header.cells)
    assert {c.paragraphs[0].alignment for c in header.cells} == {WD_ALIGN_PARAGRAPH.CENTER}
    body = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert body[0] == ["baris satu\nbaris dua", "66,67", "1.250"]  # "%" in the header
    assert table.rows[1].cells[0]._tc.xpath(".//w:br") and table.rows[2].cells[0]._tc.xpath(
        ".//w:tab"
    )
    assert body[2][0] == " spasi di depan" and body[3][0] == "A & B <c> \"kutip\" 'x'"
    assert body[4][0] == "" and body[5][0] == NA_TEXT and body[3][2] == NA_TEXT
    align = [[c.paragraphs[0].alignment for c in row.cells] for row in table.rows[1:]]
    assert align[0] == [None, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.RIGHT]
    assert align[5][0] == align[3][2] == WD_ALIGN_PARAGRAPH.CENTER


@pytest.mark.slow
def test_every_demo_table_same_layout(reproduced):
    root, _, ok = reproduced
    assert ok
    records = [
        json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((root / "reports" / "tables").glob("*.json"))
    ]
    records = [r for r in records if r.get("kind") == "table"]
    assert len(records) >= 30  # the demo project's notebooks export some 45 tables
    for record in records:
        _assert_same_widths(tables.record_content(record)[1])


def test_sheet_cells_copying_a_style_get_the_style_of_their_kind():
    """write_sheet styles the first body cell of each kind and copies that style to the
    others: every cell still has the border, alignment and number format of its kind,
    read back from the saved file (a date keeps the date format openpyxl gives it)."""
    import datetime as dt
    import io

    from openpyxl import Workbook, load_workbook

    from psm_analysis.files import workbook_bytes
    from psm_analysis.sheets import write_sheet

    rows = [
        ["Bunut", 10, 8.25, None, dt.datetime(2018, 5, 1)],
        [None, 17, None, 2.5, "teks"],
        ["Kuala Kampar", None, 1250.5, 3.0, dt.datetime(2019, 1, 2)],
        ["Pelalawan", 4, 0.5, True, None],
    ]
    wb = Workbook()
    write_sheet(
        wb.active,
        ["Kecamatan", "PSM", "Persen", "Nilai", "Tanggal"],
        rows,
        title="Tabel 1",
        source_line="Sumber: contoh",
        number_formats=["@", "#,##0", '#,##0.00" %"', "#,##0.0", None],
    )
    ws = load_workbook(io.BytesIO(workbook_bytes(wb))).active
    for i, row in enumerate(rows, start=3):
        for j, value in enumerate(row, start=1):
            c = ws.cell(row=i, column=j)
            assert c.border.left.style == c.border.bottom.style == "thin", (i, j)
            number = isinstance(value, int | float) and not isinstance(value, bool)
            if value is None:
                want = ("...", "center", None, "General")
            elif number:
                fmt = ["@", "#,##0", '#,##0.00" %"', "#,##0.0", None][j - 1]
                want = (value, "right", None, fmt)
            else:
                date = isinstance(value, dt.datetime)
                want = (value, None, "top", "yyyy-mm-dd h:mm:ss" if date else "General")
            got = (c.value, c.alignment.horizontal, c.alignment.vertical, c.number_format)
            assert got == want, (i, j)
            assert bool(c.alignment.wrap_text) == (want[2] == "top"), (i, j)


def test_thesis_document_copies_are_fresh_documents():
    """thesis_document() hands out copies of one document built once: each saves to the
    bytes of a newly built one, and what is added to one copy is not in the next."""
    from psm_analysis.files import docx_bytes

    fresh = docx_bytes(worddoc._blank_thesis_document.__wrapped__())
    first = worddoc.thesis_document()
    first.add_paragraph("hanya di salinan pertama")
    first.add_section()
    first.core_properties.title = "diubah"
    second = worddoc.thesis_document()
    assert docx_bytes(second) == fresh
    assert docx_bytes(first) != fresh
    assert [p.text for p in second.paragraphs] == []
    assert len(second.sections) == 1
    assert second.styles["Normal"].font.name == "Times New Roman"
