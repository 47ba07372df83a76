"""The thesis Word documents as Word-compatible software lays them out (issue 21, item 5).

LibreOffice Writer (``soffice --headless --convert-to pdf``) renders the reproduced demo's
``tabel_dan_gambar.docx``; pypdf reads the pages back. No page is blank, every landscape
run of pages comes from one run of consecutive wide tables (the layout decides which
tables are wide), and the document's styles are the thesis's. Without LibreOffice the
test is skipped, and the skip says how to install it; with ``CI`` set it is required.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from psm_analysis import site, worddoc
from psm_analysis.config import get_paths
from psm_analysis.tables import record_content

INSTALL = "apt-get install libreoffice-writer-nogui"


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    reason = f"LibreOffice is not installed ({INSTALL})"
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        pytest.fail(f"{reason}. CI is set, so the Word rendering test is required.")
    pytest.skip(reason)


def _pdf(docx: Path, out: Path) -> Path:
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
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return out / docx.with_suffix(".pdf").name


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
def test_the_thesis_document_renders_without_blank_pages_or_stray_landscape(reproduced, tmp_path):
    from docx import Document
    from docx.shared import Pt
    from pypdf import PdfReader

    root, _, ok = reproduced
    assert ok
    docx = root / "reports" / site.THESIS_DOCX
    pages = PdfReader(_pdf(docx, tmp_path)).pages
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
