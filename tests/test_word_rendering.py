"""The thesis Word documents as Word-compatible software lays them out (issue 21, item 5).

LibreOffice Writer (``soffice --headless --convert-to pdf``) renders the reproduced demo's
``tabel_dan_gambar.docx`` and the documents per place (``bab_*.docx``, ``lampiran.docx``);
pypdf reads the pages back. No page is blank, every landscape run of pages comes from one
run of consecutive wide tables (the layout decides which tables are wide), no word of a
table is broken across lines, no "Sumber" line is cut off from its table or figure, and
the document's styles are the thesis's. Times New Roman or its metric clone Liberation
Serif must be there (with a wider stand-in font the pages break elsewhere). Without
LibreOffice or the font the test is skipped, and the skip says how to install them; with
``CI`` set it is required.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from psm_analysis import site, worddoc
from psm_analysis.config import get_paths
from psm_analysis.tables import record_content

INSTALL = "apt-get install libreoffice-writer-nogui"
FONT_INSTALL = "apt-get install fonts-liberation"


def _missing(reason: str):
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        pytest.fail(f"{reason}. CI is set, so the Word rendering test is required.")
    pytest.skip(reason)


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    _missing(f"LibreOffice is not installed ({INSTALL})")


def _times_font() -> None:
    """Times New Roman, or Liberation Serif (its metric clone), is what LibreOffice sets
    the documents in: fontconfig says which font stands in for Times New Roman."""
    found = ""
    if shutil.which("fc-match"):
        found = subprocess.run(
            ["fc-match", "Times New Roman"], capture_output=True, text=True, check=False
        ).stdout
    if "Liberation Serif" not in found and "Times New Roman" not in found:
        _missing(f"no Times New Roman nor Liberation Serif ({FONT_INSTALL}), got {found!r}")


def _pdfs(docxs: list[Path], out: Path) -> dict[str, Path]:
    """Each Word document laid out as PDF by LibreOffice, by its file name."""
    profile = out / "profil"  # a profile of its own: no clash with a LibreOffice running
    subprocess.run(
        [
            _soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, docxs),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return {d.name: out / d.with_suffix(".pdf").name for d in docxs}


@pytest.fixture(scope="module")
def rendered(reproduced, tmp_path_factory):
    """The reproduced demo's thesis documents as LibreOffice lays them out: (root, {name:
    pdf path})."""
    root, _, ok = reproduced
    assert ok
    _soffice()
    _times_font()
    reports = root / "reports"
    docxs = [reports / site.THESIS_DOCX, *sorted(reports.glob("bab_*.docx"))]
    docxs.append(reports / "lampiran.docx")
    return root, _pdfs(docxs, tmp_path_factory.mktemp("pdf"))


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"\S+", text))


def broken_words(docx: Path, pdf: Path) -> list[str]:
    """The pieces of table words LibreOffice broke across lines ("Tahu" of "Tahun"): tokens
    of the PDF's text that are in no paragraph or cell of the document but begin a word
    (two letters or more) of one of its tables."""
    from docx import Document
    from pypdf import PdfReader

    doc = Document(str(docx))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    own = _tokens("\n".join([p.text for p in doc.paragraphs] + cells))
    words = {w for text in cells for w in re.findall(r"[^\s-]+-?", text)}
    printed = _tokens("\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages))
    return sorted(
        piece
        for piece in printed - own
        if re.search(r"[^\W\d_]{2}", piece)
        and any(w.startswith(piece) and w != piece for w in words)
    )


def _wide_runs(records: list[dict]) -> int:
    """How many runs of consecutive wide tables the document has (a figure, a narrow
    table or a new place ends a run)."""
    runs, in_run, place = 0, False, None
    for rec in records:
        wide = False
        if rec["kind"] == "table":
            wide = worddoc._layout(record_content(rec)[1], worddoc.shown_headers(rec))[0]
        if wide and (not in_run or rec["_tempat"] != place):
            runs += 1
        in_run, place = wide, rec["_tempat"]
    return runs


@pytest.mark.slow
def test_the_thesis_document_renders_without_blank_pages_or_stray_landscape(rendered):
    from docx import Document
    from docx.shared import Pt
    from pypdf import PdfReader

    root, pdfs = rendered
    docx = root / "reports" / site.THESIS_DOCX
    pages = PdfReader(pdfs[docx.name]).pages
    assert len(pages) > 20
    orientation, blank = "", []
    for number, page in enumerate(pages, start=1):
        box = page.mediabox
        orientation += "L" if float(box.width) > float(box.height) else "P"
        resources = page.get("/Resources") or {}
        if not (page.extract_text() or "").strip() and not resources.get("/XObject"):
            blank.append(number)
    assert blank == []
    landscape_runs = orientation.replace("P", " ").split()
    _, records = site.renumber(get_paths(root))
    placed = [r for r in records if r["_tempat"] != "tidak"]
    assert 1 <= len(landscape_runs) <= _wide_runs(placed), orientation
    doc = Document(docx)
    heading = doc.styles["Heading 1"]
    assert heading.font.name == "Times New Roman" and heading.font.color.rgb == (0, 0, 0)
    assert doc.styles["Normal"].font.size == Pt(12)
    sizes = {
        run.font.size
        for table in doc.tables
        for row in table.rows
        for cell in row.cells
        for p in cell.paragraphs
        for run in p.runs
    }
    assert sizes == {Pt(worddoc.TABLE_PT)}  # one size in every table
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["BAB II", "BAB III", "BAB IV", "BAB V", "LAMPIRAN"]


@pytest.mark.slow
def test_every_thesis_document_keeps_words_whole_and_sumber_with_its_item(rendered):
    """Issue 21 item 5 in every Word document of the thesis (all BABs, the Lampiran): at
    most one landscape run per run of wide tables, no blank page (the Lampiran had one
    with a stand-in font), no word of a table broken inside ("Tahu/n",
    "kelompo/k", "Respon/den" were), and no page that begins with a "Sumber" line, which
    belongs under its table or figure on the page before."""
    from pypdf import PdfReader

    from psm_analysis import thesis

    root, pdfs = rendered
    assert set(pdfs) >= {site.THESIS_DOCX, "bab_V.docx", "lampiran.docx"}
    paths = get_paths(root)
    plan = thesis.load_plan(paths)
    placed = [r for r in site.renumber(paths)[1] if r["_tempat"] != "tidak"]
    for name, pdf in pdfs.items():
        pages = PdfReader(pdf).pages
        if name != site.THESIS_DOCX:  # one place: its landscape runs, its runs of wide tables
            records = [
                r
                for r in placed
                if name
                == (
                    "lampiran.docx"
                    if r["_tempat"] == thesis.LAMPIRAN
                    else f"bab_{plan.chapter_text(r['_tempat'])}.docx"
                )
            ]
            orientation = "".join(
                "L" if float(page.mediabox.width) > float(page.mediabox.height) else "P"
                for page in pages
            )
            runs = orientation.replace("P", " ").split()
            assert records and len(runs) <= _wide_runs(records), (name, orientation)
        texts = [(page.extract_text() or "").strip() for page in pages]
        blank = [
            k
            for k, (page, text) in enumerate(zip(pages, texts, strict=True), start=1)
            if not text and not (page.get("/Resources") or {}).get("/XObject")
        ]
        assert blank == [], name
        assert broken_words(root / "reports" / name, pdf) == [], name
        orphans = [k for k, text in enumerate(texts, start=1) if text.startswith("Sumber:")]
        assert orphans == [], name
