"""The Word tables written the fast way are the ones the plain python-docx calls wrote.

``tables._layout`` measures each table once in em and scales to each font size, and
``tables._rows_xml`` builds the rows as one XML string. The references here are the
straightforward versions they replaced (measure every text at every size; python-docx's
``add_row``/``add_run``/``font.size``/``alignment``/``width`` API, as its documentation
shows them: https://python-docx.readthedocs.io/en/latest/user/quickstart.html#adding-a-table),
compared exactly on hand-made tables that reach every branch and, in the slow run, on every
table of the reproduced demo project. Also the two other shortcuts of issue 13:
``sheets.write_sheet`` copying a cell style per kind, ``tables.thesis_document`` copying
one blank document.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from psm_analysis import notebook, tables
from psm_analysis.config import get_paths
from psm_analysis.sheets import NA_TEXT


def _text_cm(text, pt, bold=False):
    """A text's width (cm) measured at size ``pt``, as the base commit did."""
    em = sum(
        tables._CHAR_EM["upper" if c.isupper() else "digit" if c.isdigit() else "other"]
        for c in text
    )
    return em * pt / 72 * 2.54 * (1.06 if bold else 1.0)


def _widths_measured_at(formatted, pt, available):
    """``_column_widths`` as it was: every word and line measured at size ``pt``."""
    tc = _text_cm
    pad, cap_cm = tables._CELL_PAD_CM, tables._MAX_COL_CM
    minimum, longest, body_w, full_w = [], [], [], []
    for col in formatted.columns:
        header = str(col)
        body = [str(v) for v in formatted[col].tolist()]
        words = [tc(w, pt, True) for w in tables._words(header)]
        words += [tc(w, pt) for v in body for w in tables._words(v)]
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
        return tables._share(minimum, longest, available), body_w
    return tables._share(body_w, full_w, available), body_w


def _fallback_measured(formatted, pt):
    return [
        max(
            tables._text_cm(w, pt)
            for t in [str(c), *map(str, formatted[c])]
            for w in tables._words(t)
        )
        + tables._CELL_PAD_CM
        for c in formatted.columns
    ]


def _assert_same_widths(formatted):
    ems = tables._measure(formatted)
    text_width = [
        paper - tables._MARGINS["left"] - tables._MARGINS["right"] for paper in tables._PAPER
    ]
    for pt in tables._FONT_SIZES:
        for available in text_width:
            # exactly equal, not approximately: the same floats give the same layout
            assert tables._column_widths(ems, pt, available) == _widths_measured_at(
                formatted, pt, available
            )
        assert [tables._cm(m.any_word, pt) + tables._CELL_PAD_CM for m in ems] == (
            _fallback_measured(formatted, pt)
        )


STATEMENT = "Saya segera mencari tahu ketika ada masalah sosial di desa saya."
QUOTE = (
    "Kami turun ke desa-desa kalau ada laporan, tapi kadang-kadang transportasi susah, "
    "jadi laporan ke Dinas Sosial terlambat beberapa minggu."
)

#: Tables reaching each outcome of ``_layout``: portrait, landscape, squeezed (no
#: comfortable layout), not even the words fit, no body rows, empty and missing cells.
LAYOUT_CASES = {
    "portrait": pd.DataFrame({"Kecamatan": ["Bunut", "Kuala Kampar"], "Jumlah PSM": [10, 11]}),
    "landscape": pd.DataFrame(
        {"No.": ["1"], "Pernyataan": [STATEMENT]}
        | {f"K{j} %": [33.3] for j in range(12)}
        | {"Kategori": ["Cukup Baik"]}
    ),
    "squeezed": pd.DataFrame(
        {f"Kutipan informan {j}": [QUOTE, QUOTE[:40]] for j in range(4)}
        | {"Kode": ["PERAN-PEMBINAAN", "HAMBATAN-DANA"]}
    ),
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
    got = {k: tables._layout(tables.format_table(df))[:2] for k, df in LAYOUT_CASES.items()}
    assert got["portrait"] == (False, 11)
    assert got["landscape"][0] is True
    assert got["words_do_not_fit"] == (True, tables._FONT_SIZES[-1])
    squeezed = tables.format_table(LAYOUT_CASES["squeezed"])
    landscape, pt, widths = tables._layout(squeezed)
    body = _widths_measured_at(squeezed, pt, 29.7 - 7 if landscape else 21.0 - 7)[1]
    # no candidate was comfortable: some column is squeezed below 3 cm while its text is longer
    assert min(w / min(b, tables._COMFORT_CM) for w, b in zip(widths, body, strict=True)) < 1


def _python_docx_table(doc, record):
    """The table as the base commit's ``add_table`` built it, through python-docx's API."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    fmts, formatted = tables._content(record)
    _, pt, widths = tables._layout(formatted)
    cols = [str(c) for c in formatted.columns]
    table = doc.add_table(rows=1, cols=len(cols))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for j, col in enumerate(cols):
        cell = table.rows[0].cells[j]
        cell.text = ""
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(col)
        r.bold = True
        r.font.size = Pt(pt)
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(header)
    for row in formatted.itertuples(index=False):
        cells = table.add_row().cells
        for j, (col, text) in enumerate(zip(cols, row, strict=True)):
            p = cells[j].paragraphs[0]
            r = p.add_run(str(text).replace(" %", "\u00a0%"))
            r.font.size = Pt(pt)
            if fmts[col].kind in ("number", "percent", "year") or text == NA_TEXT:
                p.alignment = (
                    WD_ALIGN_PARAGRAPH.RIGHT if text != NA_TEXT else WD_ALIGN_PARAGRAPH.CENTER
                )
    for j, w in enumerate(widths):
        table.columns[j].width = Cm(w)
        for cell in table.columns[j].cells:
            cell.width = Cm(w)
    return table._tbl


def _assert_same_table_xml(record):
    from lxml import etree

    reference = _python_docx_table(tables.thesis_document(), record)
    doc = tables.thesis_document()
    tables.add_table(doc, record)
    fast = doc.tables[0]._tbl
    assert etree.tostring(fast, encoding="unicode") == etree.tostring(reference, encoding="unicode")


def test_rows_xml_is_what_python_docx_writes(tmp_path):
    """Tabs, line breaks, edge spaces, XML specials, empty and missing cells, a per-cent
    sign, a header with a tab: the string-built rows equal python-docx's element by element."""
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
            "Tahun": [2018, 2019, 2020, 2021, 2022, 2023],
        }
    )
    record = bab.export_table(
        df, "sulit", title="Sel sulit", source="Contoh", number_format={"Persen": "percent"}
    )
    cells = record["cells"]
    assert cells[0][1] == "66,67 %" and cells[5][0] == NA_TEXT and cells[4][0] == ""
    _assert_same_table_xml(record)
    for case, frame in LAYOUT_CASES.items():
        _assert_same_table_xml(bab.export_table(frame, f"kasus_{case}", title=case, source="S"))


@pytest.mark.slow
def test_every_demo_table_same_layout_and_xml(reproduced):
    root, _, ok = reproduced
    assert ok
    records = [
        json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((root / "reports" / "tables").glob("*.json"))
    ]
    records = [r for r in records if r.get("kind") == "table"]
    assert len(records) >= 30  # the demo project's notebooks export some 45 tables
    for record in records:
        _assert_same_widths(tables._content(record)[1])
        _assert_same_table_xml(record)


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

    fresh = docx_bytes(tables._blank_thesis_document.__wrapped__())
    first = tables.thesis_document()
    first.add_paragraph("hanya di salinan pertama")
    first.add_section()
    first.core_properties.title = "diubah"
    second = tables.thesis_document()
    assert docx_bytes(second) == fresh
    assert docx_bytes(first) != fresh
    assert [p.text for p in second.paragraphs] == []
    assert len(second.sections) == 1
    assert second.styles["Normal"].font.name == "Times New Roman"
