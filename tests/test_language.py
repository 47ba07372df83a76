"""Language and numbers in one rule (issue 21, item 7).

Every generated sentence and caption of the reproduced demo (the pages' prose, the titles,
captions, notes and Sumber lines of every figure and table) is checked against a list of
slips a supervisor marks (EYD V, Badan Pengembangan dan Pembinaan Bahasa 2022; KBBI for the
standard spellings). Table cells are data (names, quoted BAB I text, file paths) and are
left out of the slip list; so are code, file paths and decree numbers ("No. 300.2.2-2138").

The rules of numbers (``psm_analysis.numbers``: percentages with two decimals, "(%)" in the
header, the minus sign U+2212, "..." only for not available), the demo mark once per page
and per table or figure, foreign terms in italics (``labels.FOREIGN_TERMS``) and one
capitalisation of captions (``text.caption_case``) are checked on the same reproduced demo
(slow) and on the writers directly (fast).
"""

from __future__ import annotations

import json
import re

import pytest

#: pattern -> what EYD/KBBI writes instead
SLIPS = {
    r"\bantar [a-z]": "antar- is bound: antarresponden, antarpengkode",
    r"\blebih (?:tinggi|rendah|besar|kecil|baik|buruk|sedikit) dari\b": "lebih ... daripada",
    r"\b(?:dimana|disini|didalam|diatas|dibawah|dimana-mana)\b": "di mana, di sini, di dalam",
    r"\b(?:sekedar|resiko|merubah|dirubah|nampak|apotik|karna)\b": "sekadar, risiko, mengubah",
    r"\bcodebook\b": "buku kode",
    r"(?<![\d.-])\b\d{1,4}-\d{1,4}\b(?!-\d)": "a range takes an en dash: 1–5, 2008–2018",
    r"\b[IVX]+\.\d+-[IVX]+\.\d+\b": "a range of tables takes an en dash: Tabel I.1–I.4",
    r"(?<![\w.)-])-\d": "a negative number takes the minus sign U+2212: −0,037",
    r"\b(?:Ia|ia) (?:menguji|diuji|dihitung|menunjukkan)\b": '"ia" is for persons, not a test',
    r"(?<=[\w)]) x (?=[\w(])": "multiplication takes the sign ×: (skor tertinggi × jumlah jawaban)",
}


def _page_text(page: str, *, drop: str = "", markup: bool = False) -> str:
    """The text a reader sees on a rendered page: markdown cells and outputs, without
    scripts, styles and the code of code cells (hidden). nbconvert's lab template wraps a
    markdown cell's rendered text in ``jp-Cell-inputWrapper`` too, so only the input of
    ``jp-CodeCell`` goes (a regular expression on the wrapper used to drop the prose).
    ``drop``: a CSS selector of more elements to leave out; ``markup``: the remaining HTML
    instead of its text."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "html.parser")
    selector = "script, style, .jp-CodeCell > .jp-Cell-inputWrapper" + (f", {drop}" if drop else "")
    for el in soup.select(selector):
        el.decompose()
    return str(soup) if markup else soup.get_text(" ")


def _prose(page: str) -> str:
    """The text a reader reads on a page, without code, tables and images."""
    return _page_text(page, drop="table, code, img")


def _clean(text: str) -> str:
    """Without file paths and decree numbers, which keep their own spelling."""
    text = re.sub(r"\S+\.(?:ya?ml|csv|xlsx|docx|qdc|qdpx|py)\b", " ", text)
    return re.sub(r"No\. [\d.]+-\d+", " ", text)


def slips_in(text: str) -> list[str]:
    """Each slip of :data:`SLIPS` in ``text`` (what matched, with the words around it).

    >>> [s.split(" | ")[0] for s in slips_in("Beda antar responden lebih tinggi dari (Likert 1-5).")]
    ['antar r', 'lebih tinggi dari', '1-5']
    >>> [s.split(" | ")[0] for s in slips_in("BAB I (Tabel I.1-I.4), r hitung -0,037")]
    ['I.1-I.4', '-0']
    >>> [s.split(" | ")[0] for s in slips_in("jumlah skor / (skor tertinggi x jawaban) x 100")]
    [' x ', ' x ']
    >>> slips_in("Antarresponden, lebih tinggi daripada itu, Likert 1–5, lihat codebook.yml, "
    ...          "Kepmendagri No. 300.2.2-2138, tanggal 2019-04-15, I-05, Tabel I.1–I.4, −0,037.")
    []
    """
    text = _clean(text)
    return [
        f"{m.group(0)} | {text[max(0, m.start() - 30) : m.end() + 30]}"
        for pattern in SLIPS
        for m in re.finditer(pattern, text)
    ]


@pytest.mark.slow
def test_no_known_slip_in_the_reproduced_demo(reproduced):
    root, _, ok = reproduced
    assert ok
    found = {}
    for page in sorted((root / "reports").glob("*.html")):
        hits = slips_in(_prose(page.read_text(encoding="utf-8")))
        if hits:
            found[page.name] = hits
    for sidecar in sorted(
        [*(root / "figures").glob("*.json"), *(root / "reports" / "tables").glob("*.json")]
    ):
        rec = json.loads(sidecar.read_text(encoding="utf-8"))
        text = " ".join(str(rec.get(k) or "") for k in ("title", "caption", "source"))
        text += " " + " ".join(rec.get("notes") or [])
        hits = slips_in(text)
        if hits:
            found[sidecar.name] = hits
    assert found == {}


# --- the rules on the writers themselves (fast) ---------------------------------------


def test_percent_table_headers_say_percent_once_and_cells_carry_two_decimals(tmp_path):
    """A per-cent column: "(%)" added to its header, bare numbers with two decimals in the
    Markdown, Word and notebook forms (tablefiles.export_table, tables.percent_headers)."""
    import pandas as pd
    from docx import Document

    from psm_analysis import notebook
    from psm_analysis.config import get_paths

    bab = notebook.setup("02", paths=get_paths(tmp_path))
    df = pd.DataFrame(
        {
            "Keterangan": ["Sudah", "Belum"],
            "Jumlah PSM (orang)": [80, 40],
            "Persentase": [200 / 3, 100 / 3],
        }
    )
    rec = bab.export_table(
        df,
        "cakupan",
        title="cakupan diklat",
        source="Contoh",
        number_format={"Persentase": "percent"},
    )
    assert rec["columns"] == ["Keterangan", "Jumlah PSM (orang)", "Persentase (%)"]
    assert rec["cells"] == [["Sudah", "80", "66,67"], ["Belum", "40", "33,33"]]
    assert rec["title"] == "Cakupan Diklat"  # caption case (text.caption_case)
    md = (tmp_path / "reports" / "tables" / "cakupan.md").read_text(encoding="utf-8")
    assert "| Keterangan | Jumlah PSM (orang) | Persentase (%) |" in md
    assert "| Sudah | 80 | 66,67 |" in md
    table = Document(str(tmp_path / "reports" / "tables" / "cakupan.docx")).tables[0]
    assert [c.text for c in table.rows[1].cells] == ["Sudah", "80", "66,67"]


def test_nothing_to_note_is_a_dash_and_not_available_stays_dots():
    import pandas as pd

    from psm_analysis import parts
    from psm_analysis.numbers import NIL_TEXT, nil_where_blank

    assert NIL_TEXT == "\u2013"
    checks = pd.DataFrame({"Status": ["sesuai", "catatan"], "Keterangan": [None, "lihat teks"]})
    assert nil_where_blank(checks, "Keterangan")["Keterangan"].tolist() == ["\u2013", "lihat teks"]
    codes = pd.DataFrame(
        {
            "kode": ["peran", "peran.a", "peran.b"],
            "label": ["Peranan", "Penataan PSM", "Anggaran"],
            "pertanyaan": [None, "peran", "peran"],
            "dapat_dikodekan": [False, True, True],
            "indikator": [None, "Tabel I.3 no. 1", float("nan")],
            "indikator_kuesioner": [None, "PDS_1", ""],
        }
    )
    themes = parts.themes_table(codes)
    assert themes[["Indikator", "Indikator kuesioner"]].values.tolist() == [
        ["Tabel I.3 no. 1", "PDS_1"],
        ["\u2013", "\u2013"],
    ]
    from psm_analysis.tables import format_table

    # a missing number is still "not available"
    assert format_table(pd.DataFrame({"PSM": [1.0, None]}))["PSM"].tolist() == ["1", "..."]


def test_foreign_terms_are_italic_in_markdown_html_and_word():
    from docx import Document

    from psm_analysis import labels, worddoc

    assert labels.italic_markdown("Teknik purposive; r rank-biserial 0,714") == (
        "Teknik *purposive*; r *rank-biserial* 0,714"
    )
    assert labels.italic_html("Key informan & informan") == "<em>Key informan</em> &amp; informan"
    doc = Document()
    runs = worddoc.add_text(doc.add_paragraph(), "Key Informan dan Informan Penelitian")
    assert [(r.text, bool(r.italic)) for r in runs] == [
        ("Key Informan", True),
        (" dan Informan Penelitian", False),
    ]


def test_caption_case_follows_eyd_title_capitals():
    from psm_analysis.text import caption_case

    assert caption_case("Fokus, tema, dan indikator wawancara") == (
        "Fokus, Tema, dan Indikator Wawancara"
    )
    assert caption_case("Skor jawaban pernyataan positif dan negatif") == (
        "Skor Jawaban Pernyataan Positif dan Negatif"
    )
    assert caption_case("Tanggapan responden tentang indikator ragu-ragu") == (
        "Tanggapan Responden tentang Indikator Ragu-Ragu"
    )
    assert caption_case("dari sumber yang sama") == "Dari Sumber yang Sama"  # first word
    title = "Matriks temuan menurut informan (jumlah segmen)"
    assert caption_case(caption_case(title)) == caption_case(title)


#: A list of three or more without the comma before its last "dan"/"atau" (EYD V, tanda
#: koma: "Buku, majalah, dan jurnal termasuk sumber kepustakaan"). Checked on titles and
#: captions only: they are noun phrases, where "A, B dan C" is always a list; in a sentence
#: the same shape is often a clause ("Selain itu, PSM dan TKSK ...").
NO_SERIAL_COMMA = re.compile(r", [^,;:()]+ (?:dan|atau) \w")


def test_lists_of_three_or_more_take_the_serial_comma():
    from psm_analysis import training
    from psm_analysis.text import join_and

    assert join_and(["PSM", "desa", "kelurahan"]) == "PSM, desa, dan kelurahan"
    assert join_and(["Bunut", "Ukui"]) == "Bunut dan Ukui"
    assert join_and(["a", "b", "c", "d"], "atau") == "a, b, c, atau d"
    assert training.format_years([2016, 2017, 2018]) == "2016, 2017, dan 2018"
    assert NO_SERIAL_COMMA.search("Fokus, Tema dan Indikator Wawancara")
    assert NO_SERIAL_COMMA.search("Jumlah PSM, PSM Aktif dan PSM Ber-Diklat per Desa")
    for title in (
        "Fokus, Tema, dan Indikator Wawancara",
        "Desa dan Kelurahan di Kecamatan Bunut",
        "Sebaran Jawaban Butir (*: pernyataan negatif, jawaban seperti diberikan)",
        join_and(["Tabel", "Teks BAB I", "Data Rujukan"]),
    ):
        assert not NO_SERIAL_COMMA.search(title), title


# --- the rules on the reproduced demo (slow) -------------------------------------------

#: "DATA CONTOH" on each rendered page of the demo: the banner once, then once per demo
#: table or figure shown on the page (its Sumber line); the lists mark each item once.
DEMO_MARKS = {
    "00_bagian_skripsi.html": 1 + 8,
    "01_data_dinas_sosial.html": 0,
    "02_cakupan_pelatihan.html": 0,
    "03_sebaran_psm_kecamatan.html": 1 + 4,
    "04_kinerja_psm_kuesioner.html": 1 + 26,
    "05_wawancara_peran_hambatan.html": 1 + 13,
    "daftar_gambar.html": 8,
    "daftar_tabel.html": 43,
    "index.html": 1 + 8 + 43,
}


def _visible(page: str) -> str:
    """The text a reader sees on a page: no code cells (hidden), scripts or styles."""
    return _page_text(page)


def _records(root):
    paths = [*(root / "figures").glob("*.json"), *(root / "reports" / "tables").glob("*.json")]
    recs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(paths)]
    return [r for r in recs if r.get("kind") in ("table", "figure")]


@pytest.mark.slow
def test_demo_mark_once_per_page_and_once_per_table_or_figure(reproduced):
    root, _, ok = reproduced
    assert ok
    found = {
        name: _visible((root / "reports" / name).read_text(encoding="utf-8")).count("DATA CONTOH")
        for name in DEMO_MARKS
    }
    assert found == DEMO_MARKS
    # and the numbers are those of the demo items: one per item whose Sumber says so
    demo = [r for r in _records(root) if "DATA CONTOH" in r["source"]]
    for nb in ("00", "03", "04", "05"):
        page = next(n for n in DEMO_MARKS if n.startswith(nb))
        assert found[page] == 1 + sum(r.get("notebook") == nb for r in demo), page


@pytest.mark.slow
def test_percentages_negatives_and_ranges_follow_one_rule(reproduced):
    root, _, ok = reproduced
    assert ok
    bad = []
    for page in sorted((root / "reports").glob("0*.html")):
        text = _visible(page.read_text(encoding="utf-8"))
        # a percentage in text: two decimals; "95 %" is a confidence level, "× 100 %" a
        # constant of a formula, not reported figures
        for m in re.finditer(r"(?<![\d,.])(\d[\d.]*(?:,\d+)?) %", text):
            if not re.fullmatch(r"[\d.]+,\d\d", m[1]) and m[1] not in ("95", "100"):
                bad.append((page.name, text[max(0, m.start() - 30) : m.end()]))
    for rec in _records(root):
        if rec["kind"] != "table":
            continue
        header = rec.get("header")
        shown = [b or top for top, b in zip(*header, strict=True)] if header else rec["columns"]
        for j, label in enumerate(shown):
            assert label.count("%") <= 1, (rec["name"], label)  # the unit once
            cells = [row[j] for row in rec["cells"]]
            assert not any(re.search(r"\d %$", c) for c in cells), (rec["name"], label)
            if label.endswith("%") and "95 %" not in label:
                for cell in cells:
                    numbers = re.findall(r"\d[\d.]*(?:,\d+)?", cell)
                    if not all(re.fullmatch(r"[\d.]+,\d\d", n) for n in numbers):
                        bad.append((rec["name"], label, cell))
            for cell in cells:
                if re.match(r"-\d", cell):
                    bad.append((rec["name"], label, cell))
    assert bad == []


@pytest.mark.slow
def test_figure_labels_follow_the_percent_rule(reproduced):
    """Every decimal number a saved figure prints (its PDF's text runs, as pypdf reads
    them: test_figure_print._pdf_texts) has the two decimals of tables and text; axis
    ticks are whole marks of a scale. The Likert charts label their segments so."""
    from test_figure_print import _pdf_texts

    root, _, ok = reproduced
    assert ok
    bad, likert = [], {}
    for pdf in sorted((root / "figures").glob("*.pdf")):
        runs = [text for _, text in _pdf_texts(pdf)[1]]
        for text in runs:
            for number in re.findall(r"\d[\d.]*,\d+", text):
                if not re.fullmatch(r"[\d.]+,\d\d", number):
                    bad.append((pdf.stem, text))
        if pdf.stem.startswith("04_sebaran_jawaban"):
            likert[pdf.stem] = sum(bool(re.fullmatch(r"\d+,\d\d", t)) for t in runs)
    assert bad == []
    assert set(likert) == {"04_sebaran_jawaban_kinerja", "04_sebaran_jawaban_peran"}
    assert min(likert.values()) >= 20, likert  # the segments carry their per cent


@pytest.mark.slow
def test_dots_only_for_not_available(reproduced):
    """ "..." means not available (BPS): columns that mean "nothing to note" show "–"."""
    root, _, ok = reproduced
    assert ok
    tables = {r["name"]: r for r in _records(root) if r["kind"] == "table"}

    def column(name, col):
        rec = tables[name]
        return [row[rec["columns"].index(col)] for row in rec["cells"]]

    checks = column("01_pemeriksaan_konsistensi", "Keterangan")
    assert "..." not in checks and checks.count("\u2013") == 5
    themes = tables["00_tema_wawancara"]
    for col in ("Indikator", "Indikator kuesioner"):
        assert "..." not in column("00_tema_wawancara", col), col
    assert column("00_tema_wawancara", "Indikator kuesioner").count("\u2013") == 6, themes
    assert column("00_populasi_sampel", "Populasi (orang)") == ["10"] + ["\u2013"] * 5
    # not available stays "...": a year the source does not print
    assert column("01_daftar_tabel_dinas_sosial", "Tahun")[-1] == "..."


@pytest.mark.slow
def test_foreign_terms_italic_on_pages_and_in_word(reproduced):
    from docx import Document

    from psm_analysis.labels import FOREIGN_TERMS, foreign_parts

    root, _, ok = reproduced
    assert ok
    term = re.compile("|".join(re.escape(t) for t in FOREIGN_TERMS), flags=re.I)
    upright, seen = [], 0
    for page in sorted((root / "reports").glob("*.html")):  # notebooks, lists, index
        raw = _page_text(page.read_text(encoding="utf-8"), drop="code, img", markup=True)
        raw = re.sub(r"<[^>]*\bhref=[^>]*>", " ", raw)
        for m in term.finditer(raw):
            if raw[: m.start()].endswith(("<em>", "<i>")) and raw[m.end() :].startswith(
                ("</em>", "</i>")
            ):
                seen += 1
            elif not re.search(r"[\w/._]$", raw[: m.start()]):
                upright.append((page.name, raw[max(0, m.start() - 40) : m.end() + 10]))
    words = 0
    for docx in sorted((root / "reports").glob("*.docx")):
        for p in _paragraphs(Document(str(docx))):
            for r in p.runs:
                for _part, foreign in foreign_parts(r.text):
                    words += foreign
                    if foreign and not r.italic:
                        upright.append((docx.name, r.text))
    assert upright == []
    assert seen >= 4 and words >= 2  # key informan, purposive, rank-biserial were found


def _paragraphs(doc):
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


@pytest.mark.slow
def test_every_caption_in_one_capitalisation(reproduced):
    from psm_analysis.text import caption_case

    root, _, ok = reproduced
    assert ok
    titles = [r.get("title") or r.get("caption") for r in _records(root)]
    assert len(titles) >= 60
    assert [t for t in titles if caption_case(t) != t] == []
    # and every list in them with the serial comma (test_lists_of_three_or_more_...)
    assert [t for t in titles if NO_SERIAL_COMMA.search(t)] == []
    assert sum(", dan " in t for t in titles) >= 4  # the lists are there
