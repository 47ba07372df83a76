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
    """A text's width (cm) measured at size ``pt``: every text at every size."""
    return worddoc._em(text, bold) * pt / 72 * 2.54


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
            [worddoc._text_cm(w, pt, True) for w in worddoc._words(str(c))]
            + [worddoc._text_cm(w, pt) for t in map(str, formatted[c]) for w in worddoc._words(t)]
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
    "squeezed": pd.DataFrame({f"Jawaban {j}": [SHORT_WORDS, SHORT_WORDS[:40]] for j in range(12)}),
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


#: Advance widths (1/1000 em) of Adobe's Times-Bold font metrics (ptmb8a.afm), the same as
#: Times New Roman Bold and Liberation Serif Bold: "kelompok" and "KIN01".
TIMES_BOLD = {"k": 556, "e": 444, "l": 278, "o": 500, "m": 833, "p": 556}
TIMES_BOLD |= {"K": 778, "I": 389, "N": 722, "0": 500, "1": 500}


def _times_bold_cm(word, pt):
    return sum(TIMES_BOLD[c] for c in word) / 1000 * pt / 72 * 2.54


def test_a_header_word_gets_its_times_new_roman_width():
    """Issue 21 item 5, "no word broken inside": Tabel V.22 of the demo printed
    "Jumlah kelompo/k" in LibreOffice, the column 1,81 cm wide where "kelompok" in Times
    New Roman Bold 10 pt takes 1,49 cm plus 2 x 0,19 cm cell padding. The layout measures
    with the font's own widths."""
    df = pd.DataFrame(
        {
            "Pertanyaan penelitian": ["Hambatan"] * 3,
            "Temuan (kode)": ["Keterbatasan anggaran", "Jarak dan akses wilayah", "Beban kerja"],
            "Jumlah segmen": [5, 4, 5],
            "Jumlah informan": [5, 4, 5],
            "Persentase informan": ["41,67 %", "33,33 %", "41,67 %"],
            "Jumlah kelompok": [3, 2, 3],
        }
    )
    landscape, pt, widths = worddoc._layout(tables.format_table(df))
    assert not landscape
    assert widths[-1] >= _times_bold_cm("kelompok", pt) + 0.38
    assert worddoc._em("kelompok", bold=True) == pytest.approx(4.223)
    assert worddoc._em("“Ta–é”") == pytest.approx((444 + 611 + 444 + 500 + 444 + 444) / 1000)


def _tabulation(items: int = 17) -> pd.DataFrame:
    """Lampiran Tabel L.4's shape: respondents x item scores, then the total."""
    codes = [f"KIN{j:02d}" for j in range(1, items + 2) if j != 12]
    rows = {"Responden": [f"R{r:02d}" for r in range(1, 11)] + ["Jumlah"]}
    rows |= {c: [str(3 + (r + k) % 3) for r in range(10)] + ["39"] for k, c in enumerate(codes)}
    rows["Jumlah"] = [str(60 + r) for r in range(10)] + ["632"]
    return pd.DataFrame(rows)


def test_item_columns_too_narrow_for_their_code_are_headed_bottom_to_top(tmp_path):
    """Issue 21 item 5: the 19 columns of the Lampiran's answer tabulation do not fit
    across a landscape page with "KIN01" on one line, and LibreOffice printed "KIN/01",
    "Respon/den", "Juml/ah". Now the item codes are written bottom to top (Word's text
    direction btLr) in columns as wide as their scores, the header row as tall as the
    code; "Responden" and "Jumlah" stay across; no column is narrower than a word of its
    body or of a header written across."""
    from docx import Document
    from docx.oxml.ns import qn

    df = _tabulation()
    landscape, pt, widths = worddoc._layout(tables.format_table(df))
    assert landscape and sum(widths) <= 29.7 - 7 + 1e-9
    turned = worddoc._turned(list(df.columns), pt, widths)
    assert turned == [False] + [True] * 17 + [False]
    for w, col, flag in zip(widths, df.columns, turned, strict=True):
        words = [worddoc._text_cm(x, pt) for v in df[col] for x in worddoc._words(v)]
        if not flag:
            words += [_times_bold_cm(col, pt) if col.startswith("KIN") else 0.0]
            words += [worddoc._text_cm(col, pt, bold=True)]
        assert w >= max(words) + 0.38
    (tmp_path / "data").mkdir()
    bab = notebook.setup("00", paths=get_paths(tmp_path))
    bab.export_table(df, "tabulasi", title="Tabulasi", source="Contoh", tempat="lampiran")
    table = Document(str(tmp_path / "reports" / "tables" / "tabulasi.docx")).tables[0]
    header = table.rows[0]
    direction = [
        (c._tc.tcPr.find(qn("w:textDirection")) if c._tc.tcPr is not None else None)
        for c in header.cells
    ]
    assert [d is not None and d.get(qn("w:val")) == "btLr" for d in direction] == turned
    assert header.height.cm >= _times_bold_cm("KIN01", pt)


def test_rows_stay_whole_and_caption_sits_centred_above_without_full_stop(tmp_path):
    """Issue 21 item 5: a quote row is never split over two pages (w:cantSplit on every
    row), the header rows repeat on each page, the title is above the table, centred,
    without its final full stop and kept with the table, and the last row is kept with
    the Sumber line under it."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn

    (tmp_path / "data").mkdir()
    bab = notebook.setup("05", paths=get_paths(tmp_path))
    quotes = pd.DataFrame({"Temuan (kode)": ["Diklat"] * 30, "Kutipan": [QUOTE] * 30})
    bab.export_table(quotes, "kutipan", title="Kutipan wawancara.", source="Contoh")
    doc = Document(str(tmp_path / "reports" / "tables" / "kutipan.docx"))
    caption, table = doc.paragraphs[0], doc.tables[0]
    assert caption.text == "Tabel V.1 Kutipan Wawancara" and caption.style.name == "Caption"
    assert caption.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert caption.paragraph_format.keep_with_next
    assert [p.text for p in doc.paragraphs[1:]] == ["Sumber: Contoh"]
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    last = [p.paragraph_format.keep_with_next for c in table.rows[-1].cells for p in c.paragraphs]
    assert last == [True, True]
    assert not any(
        p.paragraph_format.keep_with_next for c in table.rows[-2].cells for p in c.paragraphs
    )
