"""The instruments (issue 22, Lampiran): the printable questionnaire and the interview guide,
made from the codebooks before any answer exists.

The questionnaire, printed, must be accepted by the data-entry template: the same item
numbers, in the same order, with the same statements as row 1 and row 2 of the template's
Data sheet (``psm-analysis template survey``). The documents are read back with
python-docx, as Word would open them.
"""

from __future__ import annotations

import openpyxl
import pytest
from docx import Document

from psm_analysis import instruments, parts
from psm_analysis.cli import main
from psm_analysis.config import get_paths
from psm_analysis.errors import DataError
from psm_analysis.interviews.codebook import from_qdc, from_yaml, to_qdc
from psm_analysis.survey.codebook import load_survey_codebook, parse_codebook
from psm_analysis.survey.template import write_template

ROOT = get_paths().root
SURVEY_CODEBOOK = ROOT / "data/raw/survey/codebook.yml"
INTERVIEW_CODEBOOK = ROOT / "data/raw/interviews/codebook_wawancara.yml"


def _statement_rows(path) -> list[tuple[str, str]]:
    """(number, statement) of every statement row of every table, in document order."""
    rows = []
    for table in Document(str(path)).tables:
        for row in table.rows[1:]:
            cells = row.cells
            if cells[0].text and cells[0].text != cells[1].text:  # not a merged indicator row
                rows.append((cells[0].text, cells[1].text))
    return rows


def _template_items(path, codebook) -> list[tuple[str, str]]:
    ws = openpyxl.load_workbook(path)["Data"]
    ids = [c.value for c in ws[1]]
    labels = [c.value for c in ws[2]]
    items = {i.id for i in codebook.items}
    return [(i, lab) for i, lab in zip(ids, labels, strict=True) if i in items]


def _text(path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_questionnaire_items_and_labels_are_the_templates(tmp_path):
    cb = load_survey_codebook(SURVEY_CODEBOOK)
    docx = instruments.write_questionnaire(tmp_path / "kuesioner.docx")
    xlsx = write_template(tmp_path / "templat.xlsx")
    printed = _statement_rows(docx)
    assert printed == _template_items(xlsx, cb)
    assert len(printed) == 30 and printed[0][0] == "KIN01" and printed[-1][0] == "PDS12"
    doc = Document(str(docx))
    assert [c.text for c in doc.tables[0].rows[0].cells] == [
        "No.",
        "Pernyataan",
        "SS",
        "S",
        "RR",
        "TS",
        "STS",
    ]
    # one table per variable; the indicator rows span the table
    assert len(doc.tables) == 2
    assert (
        doc.tables[0].rows[1].cells[0].text == "Indikator: Menginisiasi penanganan masalah sosial"
    )


def test_questionnaire_shows_no_reverse_marks_but_every_profile_choice(tmp_path):
    text = _text(instruments.write_questionnaire(tmp_path / "k.docx"))
    assert "Saya jarang memeriksa apakah kegiatan sosial berjalan sesuai rencana." in text
    for mark in ("dibalik", "negatif", "reverse"):
        assert mark not in text.lower()
    assert "\u2610 Sialang Kayu Batu" in text and "\u2610 SMA/SMK" in text
    assert "SS = Sangat Setuju; S = Setuju; RR = Ragu-ragu" in text
    assert "[nama peneliti]" in text
    section = Document(str(tmp_path / "k.docx")).sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7


def test_changed_wording_reaches_questionnaire_and_template(tmp_path):
    text = SURVEY_CODEBOOK.read_text(encoding="utf-8")
    old = "Saya segera mencari tahu ketika ada masalah sosial di desa saya."
    new = "Saya mencari tahu setiap masalah sosial yang muncul di desa saya."
    cb = parse_codebook(text.replace(old, new))
    docx = instruments.write_questionnaire(tmp_path / "k.docx", codebook=cb)
    xlsx = write_template(tmp_path / "t.xlsx", codebook=cb)
    rows = _statement_rows(docx)
    assert rows[0] == ("KIN01", new)
    assert rows == _template_items(xlsx, cb)
    assert old not in _text(docx)


def test_same_codebook_same_bytes(tmp_path):
    a = instruments.write_questionnaire(tmp_path / "a.docx").read_bytes()
    b = instruments.write_questionnaire(tmp_path / "b.docx").read_bytes()
    assert a == b
    a = instruments.write_interview_guide(tmp_path / "a_w.docx").read_bytes()
    assert a == instruments.write_interview_guide(tmp_path / "b_w.docx").read_bytes()


def _sections(path) -> dict[str, list[str]]:
    """The interview guide's paragraphs under each group's heading ("A. Informan PSM")."""
    out: dict[str, list[str]] = {}
    current = None
    for p in Document(str(path)).paragraphs:
        if p.text.startswith(tuple(f"{c}. Informan " for c in "ABCDEFG")):
            current = p.text.split("Informan ", 1)[1]
            out[current] = []
        elif current:
            out[current].append(p.text)
    return out


def test_interview_guide_one_section_per_group(tmp_path):
    path = instruments.write_interview_guide(tmp_path / "pedoman.docx")
    sections = _sections(path)
    assert list(sections) == list(parts.GROUPS)
    psm = sections["PSM"]
    assert "Fokus: Peranan Dinas Sosial dalam meningkatkan kinerja PSM" in psm
    # asked of every group: first in every section
    first = (
        "1. Menurut Bapak/Ibu, apa saja yang telah dilakukan Dinas Sosial Kabupaten Pelalawan "
        "untuk meningkatkan kinerja PSM di Kecamatan Bunut?"
    )
    assert all(first in paras for paras in sections.values())
    # a PSM question only under PSM
    q = "Kapan terakhir Bapak/Ibu mendapat pembinaan atau kunjungan dari Dinas Sosial?"
    assert [g for g, paras in sections.items() if any(q in p for p in paras)] == ["PSM"]
    assert sum(p[:1].isdigit() for p in psm) == 12
    assert "Nama informan tidak ditulis" in _text(path)


def test_changed_group_of_a_question_moves_it(tmp_path):
    text = INTERVIEW_CODEBOOK.read_text(encoding="utf-8")
    q = "Bagaimana ketersediaan anggaran untuk kegiatan peningkatan kinerja PSM?"
    block = f"      Dinas Sosial:\n        - {q}\n"
    assert block in text
    changed = tmp_path / "codebook_wawancara.yml"
    changed.write_text(text.replace(block, f"      TKSK:\n        - {q}\n"), encoding="utf-8")
    sections = _sections(instruments.write_interview_guide(tmp_path / "p.docx", changed))
    assert [g for g, paras in sections.items() if any(q in p for p in paras)] == ["TKSK"]


def test_questions_survive_the_qdc_round_trip():
    cb = from_yaml(INTERVIEW_CODEBOOK)
    assert cb.get("peran.pemetaan").interview_questions[:2] == (
        (
            "Dinas Sosial",
            "Bagaimana Dinas Sosial mendata dan memetakan PSM yang aktif di setiap desa/kelurahan?",
        ),
        ("Dinas Sosial", "Seberapa sering data PSM diperbarui?"),
    )
    assert from_qdc(to_qdc(cb)) == cb
    frame = cb.questions_frame()
    assert len(frame) == 29 and set(frame["kelompok"]) == {"", *parts.GROUPS}


def test_unknown_group_is_a_located_problem(tmp_path):
    text = INTERVIEW_CODEBOOK.read_text(encoding="utf-8")
    bad = tmp_path / "codebook_wawancara.yml"
    bad.write_text(text.replace("      TKSK:\n", "      Camat:\n", 1), encoding="utf-8")
    with pytest.raises(DataError) as err:
        from_yaml(bad)
    (problem,) = err.value.problems
    assert problem.message == "kelompok informan pada pertanyaan_wawancara tidak dikenal"
    assert problem.value == "Camat" and problem.column == "kode[1]"
    assert problem.expected.startswith("semua atau salah satu dari: Dinas Sosial, TKSK, PSM")


def test_cli_writes_both_without_any_answers(tmp_path, capsys):
    # the instruments read only the codebooks: an empty project folder is enough
    out = tmp_path / "kuesioner.docx"
    assert (
        main(["instrumen", "kuesioner", "--out", str(out), "--codebook", str(SURVEY_CODEBOOK)]) == 0
    )
    assert "Instrumen ditulis" in capsys.readouterr().out
    guide = tmp_path / "pedoman.docx"
    assert (
        main(["instrumen", "wawancara", "--out", str(guide), "--codebook", str(INTERVIEW_CODEBOOK)])
        == 0
    )
    assert out.is_file() and guide.is_file()
    assert main(["instrumen", "kuesioner", "--out", str(tmp_path / "k.pdf")]) == 1
    err = capsys.readouterr().err
    assert "berkas instrumen harus berupa berkas .docx" in err and "Traceback" not in err
    assert not (tmp_path / "k.pdf").exists()
