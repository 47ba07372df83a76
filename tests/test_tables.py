"""Thesis tables (xlsx, docx, md), the DAFTAR lists, and the notebook helpers."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from psm_analysis import banner, notebook, site, tables, worddoc
from psm_analysis.config import get_paths

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def paths(tmp_path):
    (tmp_path / "data").mkdir()
    return get_paths(tmp_path)


@pytest.fixture
def bab(paths):
    """Notebook 03's chapter: numbers its tables 3.1, 3.2, ..."""
    return notebook.setup("03", paths=paths)


@pytest.fixture
def frame():
    return pd.DataFrame(
        {
            "Kecamatan": ["Bunut", "Pangkalan Kuras", "Kuala Kampar"],
            "Jumlah PSM": [10, 17, 11],
            "Rasio": [1.0, 1.0, 1.1],
            "Persen": [8.333333, 14.166667, 9.166667],
            "Tahun": [2018, 2018, 2018],
            "Ribuan": [1250.5, 3.25, float("nan")],
        }
    )


def _export(frame, bab, name="psm_kec", **kw):
    return bab.export_table(
        frame,
        name,
        title="Jumlah PSM Menurut Kecamatan",
        source="Dinas Sosial Kabupaten Pelalawan, 2018",
        number_format={"Persen": "percent", "Ribuan": 2},
        **kw,
    )


def test_format_cell_indonesian():
    num = tables.ColumnFormat("number", 2)
    assert tables.format_cell(1250.5, num) == "1.250,50"
    assert tables.format_cell(66.6667, tables.ColumnFormat("percent", 2)) == "66,67 %"
    assert tables.format_cell(2015, tables.ColumnFormat("year")) == "2015"
    assert tables.format_cell(float("nan"), num) == "..."
    assert tables.format_cell(True, tables.ColumnFormat("text")) == "ya"


def test_column_formats_inferred_and_checked(frame):
    fmts = tables.column_formats(frame, {"Persen": "percent"})
    assert fmts["Kecamatan"].kind == "text"
    assert fmts["Jumlah PSM"] == tables.ColumnFormat("number", 0)
    assert fmts["Rasio"] == tables.ColumnFormat("number", 2)
    assert fmts["Tahun"].kind == "year"
    assert fmts["Persen"] == tables.ColumnFormat("percent", 2)  # numbers.PERCENT_DECIMALS
    assert fmts["Persen"].excel == '#,##0.00" %"'
    assert fmts["Jumlah PSM"].excel == "#,##0"
    with pytest.raises(ValueError, match="not in the table"):
        tables.column_formats(frame, {"Nope": 1})
    with pytest.raises(ValueError, match="not one of"):
        tables.column_formats(frame, {"Rasio": "comma"})
    # one rule for percentages (issue 21 item 7): no table prints them with one decimal
    with pytest.raises(ValueError, match=r"'percent:1': every percentage is written with 2"):
        tables.column_formats(frame, {"Persen": "percent:1"})


def test_xlsx_title_body_source_and_formats(frame, paths, bab):
    from openpyxl import load_workbook

    rec = _export(frame, bab, notes="Catatan: contoh.")
    assert rec["label"] == "Tabel V.1"
    ws = load_workbook(paths.tables / "psm_kec.xlsx").active
    assert ws["A1"].value == "Tabel V.1 Jumlah PSM Menurut Kecamatan"
    # the unit of a per-cent column is written once, in its header
    assert [c.value for c in ws[2]] == [
        "Kecamatan",
        "Jumlah PSM",
        "Rasio",
        "Persen (%)",
        "Tahun",
        "Ribuan",
    ]
    assert [c.value for c in ws[3]][:5] == ["Bunut", 10, 1.0, 8.333333, 2018]
    assert ws["B3"].number_format == "#,##0"
    assert ws["C3"].number_format == "#,##0.00"
    assert ws["D3"].number_format == "#,##0.00"
    assert ws["E3"].number_format == "0"
    assert ws["F3"].value == 1250.5 and ws["F3"].number_format == "#,##0.00"
    assert ws["F5"].value == "..."
    assert ws["A6"].value == "Sumber: Dinas Sosial Kabupaten Pelalawan, 2018"
    assert ws["A7"].value == "Catatan: contoh."
    assert ws.max_row == 7


def test_docx_is_a_real_word_table(frame, paths, bab):
    from docx import Document

    _export(frame, bab)
    doc = Document(str(paths.tables / "psm_kec.docx"))
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert table.style.name == "Table Grid"
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0] == ["Kecamatan", "Jumlah PSM", "Rasio", "Persen (%)", "Tahun", "Ribuan"]
    assert cells[1] == ["Bunut", "10", "1,00", "8,33", "2018", "1.250,50"]
    assert cells[3][-1] == "..."
    paras = [p.text for p in doc.paragraphs if p.text]
    assert paras == [
        "Tabel V.1 Jumlah PSM Menurut Kecamatan",
        "Sumber: Dinas Sosial Kabupaten Pelalawan, 2018",
    ]
    assert doc.paragraphs[0].style.name == "Caption"
    # the title paragraph comes before the table, the Sumber paragraph after it
    body = [el.tag.rsplit("}", 1)[1] for el in doc.element.body]
    assert body[:3] == ["p", "tbl", "p"]


def test_markdown_and_sidecar(frame, paths, bab):
    rec = _export(frame, bab)
    md = (paths.tables / "psm_kec.md").read_text(encoding="utf-8")
    assert md.splitlines()[0] == "**Tabel V.1** Jumlah PSM Menurut Kecamatan"
    assert "| Kecamatan | Jumlah PSM | Rasio | Persen (%) | Tahun | Ribuan |" in md
    assert "| Bunut | 10 | 1,00 | 8,33 | 2018 | 1.250,50 |" in md
    assert md.rstrip().endswith("Sumber: Dinas Sosial Kabupaten Pelalawan, 2018")
    side = json.loads((paths.tables / "psm_kec.json").read_text(encoding="utf-8"))
    assert side["label"] == "Tabel V.1" and side["title"] == "Jumlah PSM Menurut Kecamatan"
    assert side["source"] == "Dinas Sosial Kabupaten Pelalawan, 2018"
    assert side["files"] == ["psm_kec.xlsx", "psm_kec.docx", "psm_kec.md"]
    assert dict(rec) == side
    shown = rec._repr_html_()
    assert (
        '<strong><span class="psm-nomor" data-nomor="table:psm_kec">Tabel V.1</span></strong>'
        in shown
    )
    assert '<td style="text-align:left">Bunut</td>' in shown
    assert '<td style="text-align:right">1.250,50</td>' in shown
    assert list(rec.formatted["Persen (%)"]) == ["8,33", "14,17", "9,17"]


def test_exports_are_deterministic(frame, paths, bab, tmp_path):
    import time

    _export(frame, bab)
    time.sleep(1.1)  # Office files must not carry the time of saving
    other = get_paths(tmp_path / "o")
    _export(frame, notebook.setup("03", paths=other))
    for ext in ("xlsx", "docx", "md", "json"):
        assert (paths.tables / f"psm_kec.{ext}").read_bytes() == (
            other.tables / f"psm_kec.{ext}"
        ).read_bytes(), ext


def test_write_lists(frame, paths, bab):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    _export(frame, bab, name="t_b")
    _export(frame, bab, name="t_a")  # exported second: Tabel V.2 although "a" sorts first
    fig, ax = plt.subplots()
    ax.plot([1, 2])
    bab.save_figure(fig, "g1", caption="Garis contoh", source="Olahan penulis")
    plt.close(fig)
    (paths.tables / "stale.json").write_text(
        json.dumps({"kind": "table", "label": "Tabel 9.9", "files": ["stale.xlsx"]}),
        encoding="utf-8",
    )
    written = site.write_lists(paths)
    assert [p.name for p in written] == [
        "daftar_gambar.html",
        "daftar_gambar.md",
        "daftar_tabel.html",
        "daftar_tabel.md",
    ]
    md = (paths.reports / "daftar_tabel.md").read_text(encoding="utf-8")
    lines = [ln for ln in md.splitlines() if ln.startswith("| Tabel")]
    assert [ln.split(" | ")[0] for ln in lines] == ["| Tabel V.1", "| Tabel V.2"]
    assert "[DOCX](tables/t_a.docx)" in lines[1]
    assert "9.9" not in md  # entries with missing files are left out
    page = (paths.reports / "daftar_gambar.html").read_text(encoding="utf-8")
    assert "<h1>DAFTAR GAMBAR</h1>" in page
    assert 'src="../figures/g1.png"' in page and "Gambar V.1" in page
    assert "Garis Contoh" in page  # caption case


def test_show_versions():
    import platform

    import pandas

    df = notebook.show_versions()  # packages as the index: no row numbers in the notebook
    assert df.index.name == "Paket" and list(df.columns) == ["Versi"]
    assert df.index[0] == "Python" and df.iloc[0, 0] == platform.python_version()
    assert df.loc["pandas", "Versi"] == pandas.__version__


def test_demo_banner(tmp_path, monkeypatch):
    paths = get_paths(tmp_path)
    assert notebook.demo_kinds(paths=paths) == []
    paths.processed.mkdir(parents=True)
    (paths.processed / "sumber_masukan.csv").write_text(
        "masukan,berkas,data_contoh\n"
        "dinsos,data/raw/dinsos/tabel_i1.csv,false\n"
        "survey,data/demo/survey/kuesioner_contoh.xlsx,true\n",
        encoding="utf-8",
    )
    assert notebook.demo_kinds(paths=paths) == ["survey"]
    assert notebook.demo_kinds(("dinsos",), paths=paths) == []
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, raw=False: shown.append(obj))
    notebook.demo_banner(("dinsos",), paths=paths)
    assert shown == []
    notebook.demo_banner(("survey",), paths=paths)
    assert shown[0]["text/plain"] == "DATA CONTOH - bukan data penelitian (jawaban kuesioner)"
    assert banner.kind_names(["interviews", "survey", "lain"]) == (
        "pengodean wawancara, jawaban kuesioner, lain"
    )
    assert "DATA CONTOH - bukan data penelitian" in shown[0]["text/html"]


def test_setup_rejects_bad_number():
    with pytest.raises(ValueError, match="digits"):
        notebook.setup("dua")


def test_cite_bab_i_sources():
    src = pd.DataFrame(
        {
            "tabel": ["I.2", "I.3", "I.4"],
            "sumber": ["Dinas Sosial Kabupaten Pelalawan"] * 3,
            "tahun": pd.array([2018, 2017, None], dtype="Int64"),
        }
    )
    assert tables.cite(src, "I.3") == "Dinas Sosial Kabupaten Pelalawan, 2017 (Tabel I.3); diolah"
    assert tables.cite(src, "I.4", extra="teks BAB I", processed=False) == (
        "Dinas Sosial Kabupaten Pelalawan, tanpa tahun (Tabel I.4); teks BAB I"
    )
    with pytest.raises(KeyError, match="I.9"):
        tables.cite(src, "I.9")


def test_figure_record_displays_caption(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    (tmp_path / "data").mkdir()
    bab = notebook.setup("02", paths=get_paths(tmp_path))
    fig, ax = plt.subplots()
    rec = bab.save_figure(fig, "x", caption="Cakupan <Diklat>", source="Dinas Sosial")
    plt.close(fig)
    assert rec._repr_html_() == (
        '<p class="psm-caption psm-caption-gambar"><strong><span class="psm-nomor" '
        'data-nomor="figure:x">Gambar V.1</span></strong> Cakupan &lt;Diklat&gt;<br>'
        "<small>Sumber: Dinas Sosial</small></p>"
    )


def test_numbers_with_missing_values_stay_numbers():
    df = pd.DataFrame(
        {
            "Sasaran (orang)": pd.array([None, 120], dtype="Float64"),
            "Tercapai (orang)": pd.Series([None, 80.0], dtype=object),
        }
    )
    fmts = tables.column_formats(df)
    assert fmts["Sasaran (orang)"] == tables.ColumnFormat("number", 0)
    assert fmts["Tercapai (orang)"] == tables.ColumnFormat("number", 0)
    assert tables.format_table(df).values.tolist() == [["...", "..."], ["120", "80"]]


def test_setup_forgets_this_notebooks_previous_outputs(frame, tmp_path):
    paths = get_paths(tmp_path)
    _export(frame, notebook.setup("03", paths=paths), name="old")
    _export(frame, notebook.setup("04", paths=paths), name="other")
    assert (paths.tables / "old.xlsx").is_file()
    notebook.setup("03", forget_previous=True, paths=paths)
    left = sorted(p.name for p in paths.tables.iterdir())
    assert left == ["other.docx", "other.json", "other.md", "other.xlsx"]
    notebook.setup("04", paths=paths)  # outside a kernel: nothing is removed by default
    assert (paths.tables / "other.xlsx").is_file()


def test_named_index_becomes_a_column(bab):
    counts = pd.DataFrame({"Setuju": [3, 4]}, index=pd.Index(["KIN01", "KIN02"], name="Butir"))
    rec = bab.export_table(counts, "lik", title="T", source="S")
    assert rec["columns"] == ["Butir", "Setuju"]
    filtered = pd.DataFrame({"A": [1, 2, 3]}).iloc[[0, 2]]
    rec = bab.export_table(filtered, "flt", title="T", source="S")
    assert rec["columns"] == ["A"]


def _docx_layout(path):
    from docx import Document

    doc = Document(str(path))
    table = doc.tables[0]
    widths = [round(c.width.cm, 2) for c in table.columns]
    size = table.rows[1].cells[0].paragraphs[0].runs[0].font.size.pt
    header = table.rows[0]._tr.trPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader"
    )
    return doc.sections[0], widths, size, header is not None


def test_docx_columns_sized_to_content_and_header_repeats(frame, paths, bab):
    from docx.enum.section import WD_ORIENT

    _export(frame, bab)
    section, widths, size, repeats = _docx_layout(paths.tables / "psm_kec.docx")
    assert section.orientation == WD_ORIENT.PORTRAIT and size == 10
    assert repeats  # Word repeats the header row on every page of a long table
    # a narrow table keeps its natural widths inside the 14 cm text block, not 6 equal ones
    assert sum(widths) <= 14.0 + 1e-6
    assert len(set(widths)) > 1


def test_wide_docx_table_goes_landscape_with_words_unbroken(paths, bab):
    from docx.enum.section import WD_ORIENT

    text = "Saya segera mencari tahu ketika ada masalah sosial di desa saya."
    wide = pd.DataFrame(
        {"No.": ["1"], "Pernyataan": [text]}
        | {f"K{j} %": [33.3] for j in range(12)}
        | {"Kategori": ["Cukup Baik"]}
    )
    bab.export_table(wide, "lebar", title="Lebar", source="Contoh")
    section, widths, size, _ = _docx_layout(paths.tables / "lebar.docx")
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width.cm == pytest.approx(29.7, abs=0.01)
    assert sum(widths) == pytest.approx(29.7 - 4 - 3, abs=0.1)
    # the statement gets the room left over; no column is narrower than its longest word
    assert widths[1] == max(widths) and widths[1] >= 3.0
    formatted = tables.format_table(wide)
    for w, col in zip(widths, formatted.columns, strict=True):
        longest = max(
            worddoc._words(col) + [x for v in formatted[col] for x in worddoc._words(v)],
            key=lambda x: worddoc._text_cm(x, size, True),
        )
        assert w >= worddoc._text_cm(longest, size) + 0.38


def test_forget_outputs_survives_a_sidecar_deleted_by_a_parallel_notebook(
    frame, tmp_path, monkeypatch
):
    """reproduce runs notebooks in parallel: 05 may delete its sidecar after 03 listed it."""
    paths = get_paths(tmp_path)
    _export(frame, notebook.setup("05", paths=paths), name="lima")
    _export(frame, notebook.setup("03", paths=paths), name="tiga")
    vanishing = paths.tables / "lima.json"
    real_read = type(vanishing).read_text

    def read_text(self, *args, **kwargs):
        if self == vanishing:
            self.unlink()  # the other kernel wins the race
        return real_read(self, *args, **kwargs)

    monkeypatch.setattr(type(vanishing), "read_text", read_text)
    removed = notebook.forget_outputs("03", paths=paths)
    assert sorted(p.name for p in removed) == [
        "tiga.docx",
        "tiga.json",
        "tiga.md",
        "tiga.xlsx",
    ]


def test_preview_shows_indonesian_numbers_without_index():
    df = pd.DataFrame({"Kecamatan": ["Bunut", "Ukui"], "Jumlah": [1250, None]}, index=[7, 8])
    shown = tables.preview(df)
    page = shown._repr_html_()
    assert '<td style="text-align:right">1.250</td>' in page
    assert '<td style="text-align:right">...</td>' in page
    assert ">7<" not in page  # no row index
    assert repr(shown).splitlines()[0].split() == ["Kecamatan", "Jumlah"]


def test_xlsx_prints_one_page_wide_with_header_repeated(frame, paths, bab):
    from openpyxl import load_workbook

    _export(frame, bab)
    ws = load_workbook(paths.tables / "psm_kec.xlsx").active
    assert ws.page_setup.orientation == "portrait" and ws.page_setup.paperSize == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == "$2:$2"


def test_renumbering_writes_the_table_files_again_under_the_final_number(frame, tmp_path):
    """A table saved by notebook 04 before notebook 02 ever ran has the provisional number
    Tabel V.1; once 02 has run too, renumbering gives it V.2 in every file (title cell
    and sheet name, Word caption with its SEQ field, Markdown title, sidecar), written
    by the same writer as any table."""
    from docx import Document
    from openpyxl import load_workbook

    (tmp_path / "data" / "raw").mkdir(parents=True)
    paths = get_paths(tmp_path)
    notebook.setup("04", paths=paths).export_table(frame, "tabel_04", title="Empat", source="S")
    notebook.setup("02", paths=paths).export_table(frame, "tabel_02", title="Dua", source="S")
    assert json.loads((paths.tables / "tabel_04.json").read_text())["label"] == "Tabel V.1"
    site.renumber(paths)
    assert json.loads((paths.tables / "tabel_04.json").read_text())["label"] == "Tabel V.2"
    ws = load_workbook(paths.tables / "tabel_04.xlsx").active
    assert ws.title == "Tabel V_2" and ws["A1"].value == "Tabel V.2 Empat"
    caption = Document(str(paths.tables / "tabel_04.docx")).paragraphs[0]
    assert caption.style.name == "Caption" and caption.text == "Tabel V.2 Empat"
    assert (paths.tables / "tabel_04.md").read_text().startswith("**Tabel V.2** Empat\n")
    assert json.loads((paths.tables / "tabel_02.json").read_text())["label"] == "Tabel V.1"


def test_answer_labels_span_their_f_and_percent_columns(paths, bab):
    """One "SS" over "F" and "%" (issue 21: Likert headers are not flat), in Word, Excel
    and the notebook; the per-cent values carry no sign when their header says "%";
    Markdown keeps one flat header row."""
    from docx import Document
    from openpyxl import load_workbook

    df = pd.DataFrame(
        {
            "Butir": ["KIN01", "KIN02"],
            "SS F": [3, 1],
            "SS %": [30.0, 10.0],
            "S F": [7, 9],
            "S %": [70.0, 90.0],
            "Skor": [33, 31],
        }
    )
    rec = bab.export_table(
        df,
        "likert",
        title="Tanggapan",
        source="Contoh",
        number_format={"SS %": "percent", "S %": "percent"},
        spanning=["SS", "S"],
    )
    assert rec["header"] == [["Butir", "SS", "SS", "S", "S", "Skor"], ["", "F", "%", "F", "%", ""]]
    assert rec["cells"][0] == ["KIN01", "3", "30,00", "7", "70,00", "33"]
    table = Document(str(paths.tables / "likert.docx")).tables[0]
    top, bottom = table.rows[0], table.rows[1]
    assert [c.text for c in top.cells] == ["Butir", "SS", "SS", "S", "S", "Skor"]
    assert [c.text for c in bottom.cells] == ["Butir", "F", "%", "F", "%", "Skor"]
    assert top.cells[1]._tc is top.cells[2]._tc  # one cell spanning F and %
    assert top._tr.tc_lst[0].vMerge == "restart" and bottom._tr.tc_lst[0].vMerge == "continue"
    assert all(r._tr.trPr.find(f"{W}tblHeader") is not None for r in (top, bottom))
    assert [c.text for c in table.rows[2].cells] == ["KIN01", "3", "30,00", "7", "70,00", "33"]
    ws = load_workbook(paths.tables / "likert.xlsx").active
    assert sorted(str(r) for r in ws.merged_cells.ranges) == sorted(
        ["A1:F1", "A2:A3", "B2:C2", "D2:E2", "F2:F3", "A6:F6"]
    )
    assert [c.value for c in ws[3]] == [None, "F", "%", "F", "%", None]
    assert [c.value for c in ws[4]] == ["KIN01", 3, 30, 7, 70, 33]
    assert ws.print_title_rows == "$2:$3" and ws.freeze_panes == "A4"
    md = (paths.tables / "likert.md").read_text(encoding="utf-8")
    assert "| Butir | SS F | SS % | S F | S % | Skor |" in md
    page = rec._repr_html_()
    assert 'colspan="2" style="text-align:left">SS</th>' in page
    assert 'rowspan="2" style="text-align:left">Butir</th>' in page
