"""The research instruments as printable Word documents, usable before any data exists
(issue 22): the questionnaire (kuesioner) from the survey codebook and the interview guide
(pedoman wawancara) from the interview codebook.

``psm-analysis instrumen kuesioner --out kuesioner.docx`` and
``psm-analysis instrumen wawancara --out pedoman_wawancara.docx`` call
:func:`write_questionnaire` and :func:`write_interview_guide`. Both documents are set as
the thesis (:func:`psm_analysis.worddoc.thesis_document`: A4, Times New Roman 12 pt,
language Indonesian). The statements are numbered with their item codes (``KIN01``), the
codes of row 1 of the data-entry template (``psm-analysis template survey``) and of every
results table, and appear in the codebook's order under their variable and indicator;
reverse-scored statements carry no mark. The rows come from
:func:`psm_analysis.parts.questionnaire_table` and :func:`psm_analysis.parts.guide_table`,
the same rows the Lampiran tables of notebook ``00_bagian_skripsi`` show.
"""

from __future__ import annotations

from pathlib import Path

from psm_analysis import parts

#: Placeholders the researcher fills in before printing.
RESEARCHER = "[nama peneliti]"
STUDENT_NUMBER = "[NPM]"
STUDY_PROGRAM = "[program studi]"
UNIVERSITY = "[nama universitas]"
#: The tick box printed before each choice of a profile field.
BOX = "\u2610"
#: The widths (cm) of the statement table's columns: number, each answer.
NUMBER_CM = 1.6
ANSWER_CM = 1.1
#: Text width of a portrait page with the thesis margins (21 - 4 - 3 cm).
TEXT_CM = 14.0


def _docx_out(out: str | Path) -> Path:
    from psm_analysis.errors import DataError, Problem

    out = Path(out)
    if out.suffix.lower() != ".docx":
        raise DataError(
            Problem(
                "berkas instrumen harus berupa berkas .docx",
                file=str(out),
                value=out.suffix or "(tanpa ekstensi)",
                expected=".docx",
            )
        )
    return out


def _heading(doc, text: str, size: int = 14) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(text)
    r.bold = True
    r.font.size = Pt(size)


def _section(doc, text: str) -> None:
    from docx.shared import Pt

    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(12)
    p.paragraph_format.keep_with_next = True
    p.add_run(text).bold = True


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _cell_text(cell, text: str, *, bold: bool = False, center: bool = False, pt: int = 11):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = cell.paragraphs[0]
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(text)
    r.bold = bold
    r.font.size = Pt(pt)


def _statement_table(doc, table_df) -> None:
    """The statements with a box per answer; an indicator row spans the whole width."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.shared import Cm

    cols = list(table_df.columns)
    answers = cols[2:]
    widths = [NUMBER_CM, TEXT_CM - NUMBER_CM - ANSWER_CM * len(answers)]
    widths += [ANSWER_CM] * len(answers)
    table = doc.add_table(rows=1, cols=len(cols))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for j, col in enumerate(cols):
        _cell_text(table.rows[0].cells[j], col, bold=True, center=True)
    _repeat_header(table.rows[0])
    for row in table_df.itertuples(index=False):
        cells = table.add_row().cells
        if not row[0]:  # an indicator: one cell over the whole row
            merged = cells[0].merge(cells[-1])
            _cell_text(merged, str(row[1]), bold=True)
            continue
        _cell_text(cells[0], str(row[0]), center=True)
        _cell_text(cells[1], str(row[1]))
    for j, w in enumerate(widths):
        for cell in table.columns[j].cells:
            cell.width = Cm(w)
    for tr in table.rows:
        tr._tr.get_or_add_trPr().insert(0, OxmlElement("w:cantSplit"))


def questionnaire_document(codebook):
    """The printable questionnaire of a survey codebook, as a python-docx Document.

    Parts: the title; a cover letter with placeholders (:data:`RESEARCHER`, ...); A.
    identitas responden (the id column, to be filled in by the researcher, then every
    profile field: a tick box per choice, a dotted line otherwise); B. petunjuk pengisian
    (the answer legend); C. the statements, one table per variable with a row per indicator
    and one per statement, numbered with the item codes, a column per answer to tick.

    Parameters
    ----------
    codebook : psm_analysis.survey.codebook.Codebook
        The checked survey codebook (:func:`~psm_analysis.survey.codebook.load_survey_codebook`).

    Returns
    -------
    docx.document.Document
        The document, A4 portrait in the thesis style.
    """
    from psm_analysis.survey.pipeline import codebook_frames
    from psm_analysis.worddoc import thesis_document

    items, scales = codebook_frames(codebook)
    doc = thesis_document()
    _heading(doc, "KUESIONER PENELITIAN")
    _heading(doc, codebook.title, size=12)
    for text in (
        "Kepada Yth.\nBapak/Ibu Pekerja Sosial Masyarakat (PSM)\ndi Kecamatan Bunut",
        "Dengan hormat,",
        f"Saya, {RESEARCHER} ({STUDENT_NUMBER}), mahasiswa {STUDY_PROGRAM} {UNIVERSITY}, "
        "sedang melakukan penelitian untuk menyusun skripsi. Saya mohon kesediaan "
        "Bapak/Ibu mengisi kuesioner ini dengan jujur sesuai dengan keadaan yang "
        "Bapak/Ibu alami. Jawaban Bapak/Ibu dijamin kerahasiaannya dan hanya dipakai "
        "untuk keperluan penelitian ini.",
        "Atas kesediaan dan bantuan Bapak/Ibu, saya ucapkan terima kasih.",
        f"Hormat saya,\n\n\n{RESEARCHER}",
    ):
        doc.add_paragraph(text)
    _section(doc, "A. IDENTITAS RESPONDEN")
    doc.add_paragraph(f"1. {codebook.id_label}: ................ (diisi oleh peneliti)")
    for k, f in enumerate(codebook.profile, start=2):
        if f.type == "choice":
            answer = "   ".join(f"{BOX} {c}" for c in f.choices)
        else:
            answer = "................................"
        doc.add_paragraph(f"{k}. {f.label}: {answer}")
    _section(doc, "B. PETUNJUK PENGISIAN")
    steps = [
        "Bacalah setiap pernyataan dengan teliti.",
        "Berilah tanda centang (\u2713) pada satu kolom jawaban yang paling sesuai dengan "
        "keadaan Bapak/Ibu.",
    ]
    for scale in dict.fromkeys(items["skala"]):
        steps.append(f"Pilihan jawaban: {parts.answer_legend(scales, scale)}.")
    steps.append(
        "Setiap pernyataan hanya boleh dijawab dengan satu pilihan."
        + ("" if codebook.missing_allowed else " Mohon semua pernyataan dijawab.")
    )
    for k, step in enumerate(steps, start=1):
        doc.add_paragraph(f"{k}. {step}")
    _section(doc, "C. DAFTAR PERNYATAAN")
    for k, var in enumerate(codebook.variables, start=1):
        _section(doc, f"{k}. Variabel {var.name}")
        _statement_table(doc, parts.questionnaire_table(items, scales, var.id))
    doc.add_paragraph()
    doc.add_paragraph("Terima kasih atas kesediaan Bapak/Ibu mengisi kuesioner ini.")
    return doc


def write_questionnaire(out: str | Path, codebook=None) -> Path:
    """Write the printable questionnaire (:func:`questionnaire_document`) to ``out``.

    Parameters
    ----------
    out : str or Path
        The ``.docx`` file to write (folders are created; written atomically, same
        codebook, same bytes).
    codebook : str, Path, Codebook or None
        ``None`` for the project's ``data/raw/survey/codebook.yml``.

    Returns
    -------
    Path
        ``out``.

    Raises
    ------
    DataError
        The codebook has problems, or ``out`` is not ``.docx``; nothing is written.
    """
    from psm_analysis import files
    from psm_analysis.survey.codebook import Codebook, load_survey_codebook

    out = _docx_out(out)
    cb = codebook if isinstance(codebook, Codebook) else load_survey_codebook(codebook)
    files.write_bytes(out, files.docx_bytes(questionnaire_document(cb)))
    return out


def interview_guide_document(codebook, groups=None):
    """The interview guide of an interview codebook, as a python-docx Document: the
    title, the identitas informan to fill in (code, position, date, place; never a name),
    then one section per informant group with its questions per research question and
    theme (:func:`psm_analysis.parts.guide_table`).

    Parameters
    ----------
    codebook : psm_analysis.interviews.codebook.Codebook
        The interview codebook with its ``pertanyaan_wawancara``.
    groups : sequence of str or None
        The informant groups, in order (default :data:`psm_analysis.parts.GROUPS`).

    Returns
    -------
    docx.document.Document
        The document, A4 portrait in the thesis style.
    """
    from docx.shared import Pt

    from psm_analysis.worddoc import thesis_document

    rows = parts.guide_table(codebook.questions_frame(), codebook.to_frame(), groups)
    doc = thesis_document()
    _heading(doc, "PEDOMAN WAWANCARA")
    _heading(
        doc,
        "Peranan Dinas Sosial Kabupaten Pelalawan dalam Meningkatkan Kinerja Pekerja Sosial "
        "Masyarakat (PSM) (Studi di Kecamatan Bunut)",
        size=12,
    )
    _section(doc, "Identitas informan")
    for line in (
        "Kode informan",
        "Jabatan",
        "Kelompok informan",
        "Hari/tanggal wawancara",
        "Tempat wawancara",
    ):
        doc.add_paragraph(f"{line}: ................................")
    note = doc.add_paragraph().add_run(
        "Nama informan tidak ditulis pada lembar ini; kode informan dicatat pada daftar "
        "informan (data/raw/private)."
    )
    note.italic = True
    note.font.size = Pt(10)
    if rows.empty:
        doc.add_paragraph("Buku kode wawancara belum memuat pertanyaan_wawancara.")
    for k, (group, sub) in enumerate(rows.groupby("Kelompok informan", sort=False), start=1):
        _section(doc, f"{chr(64 + k)}. Informan {group}")
        for focus, by_focus in sub.groupby("Fokus penelitian", sort=False):
            head = doc.add_paragraph()
            head.paragraph_format.keep_with_next = True
            head.add_run(f"Fokus: {focus}").bold = True
            for theme, qs in by_focus.groupby("Tema", sort=False):
                if theme != focus:
                    p = doc.add_paragraph()
                    p.paragraph_format.keep_with_next = True
                    p.add_run(theme).italic = True
                for _, q in qs.iterrows():
                    doc.add_paragraph(f"{q['No.']}. {q['Pertanyaan']}")
    return doc


def write_interview_guide(out: str | Path, codebook=None, groups=None) -> Path:
    """Write the interview guide (:func:`interview_guide_document`) to ``out``.

    Parameters
    ----------
    out : str or Path
        The ``.docx`` file to write (atomically; same codebook, same bytes).
    codebook : str, Path, Codebook or None
        ``None`` for the project's interview codebook (``data/raw/interviews``).
    groups : sequence of str or None
        The informant groups, in order (default :data:`psm_analysis.parts.GROUPS`).

    Returns
    -------
    Path
        ``out``.

    Raises
    ------
    DataError
        The codebook has problems, or ``out`` is not ``.docx``; nothing is written.
    """
    from psm_analysis import files
    from psm_analysis.interviews.codebook import Codebook, load_interview_codebook

    out = _docx_out(out)
    cb = codebook if isinstance(codebook, Codebook) else load_interview_codebook(codebook)
    files.write_bytes(out, files.docx_bytes(interview_guide_document(cb, groups)))
    return out
