"""Interview transcripts coded in Word: comments anchored to ranges, replies and resolved
comments as memos, tracked changes, coding tables (fixtures: ``word_fixtures``, built as
Word writes these elements)."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import word_fixtures as wf
from test_interviews_support import make_project

from psm_analysis.cli import main
from psm_analysis.interviews import validate_file
from psm_analysis.interviews.codebook import load_interview_codebook
from psm_analysis.interviews.pipeline import build_outputs
from psm_analysis.interviews.roster import load_roster
from psm_analysis.interviews.segments import check_records, read_codings
from psm_analysis.interviews.word import read_docx


def test_comments_tracked_changes_and_tables(tmp_path):
    t = read_docx(wf.transcript_docx(tmp_path / "Wawancara 02.docx"))
    # "sering " was inserted with tracked changes, " sekali" deleted
    assert t.text.split("\n")[4] == "I: Honor kami sering terlambat."
    assert [(s["kode_asli"], s["kutipan"], s["pengkode"], s["sumber"]) for s in t.segments] == [
        (
            "peran.diklat",
            "tahun 2014 di Pekanbaru.\nSetelah itu ada bimtek",
            "Rina Putri",
            "komentar",
        ),
        (
            "Peran > Bimtek",
            "tahun 2014 di Pekanbaru.\nSetelah itu ada bimtek",
            "Rina Putri",
            "komentar",
        ),
        ("Honorarium PSM", "Honor kami sering terlambat", "Dedi", "komentar"),
        ("hambatan.gaji", "Gaji kecil", "Dedi", "komentar"),
        ("Jarak dan akses wilayah", "Jarak ke desa jauh", "Dedi", "komentar"),
        ("hambatan.jarak_akses", "Jarak ke desa jauh", "Rina Putri", "tabel"),
        ("Hambatan / Anggaran", "Dananya kecil.", "Rina Putri", "tabel"),
        ("hambatan.koordinasi", "Dananya kecil.", "Rina Putri", "tabel"),
    ]
    assert all(t.text[s["awal"] : s["akhir"]] == s["kutipan"] for s in t.segments)
    # the reply and the resolved comment are memos of the coded range they touch
    assert t.segments[2]["memo"] == (
        "Rina Putri: Setuju, kata Bu Wulandari juga\nRina Putri: cek lagi di notulen"
    )
    assert t.notes == ["1 komentar selesai (resolved) dibaca sebagai memo"]
    assert [s["penutur"] for s in t.segments[:3]] == ["informan"] * 3
    assert [s["penutur"] for s in t.segments[5:]] == ["Informan"] * 3
    assert [(p.row, p.message, p.value) for p in t.problems] == [
        (
            6,
            "komentar tanpa rentang teks (tidak diketahui teks mana yang dikodekan)",
            "Dedi: hambatan.anggaran",
        )
    ]


def test_speaker_turns_from_labels_and_legend(tmp_path):
    body = "".join(
        wf.para(wf.run(t))
        for t in [
            "Keterangan: W = Pewawancara, N = Narasumber",
            "W: Sejak kapan menjadi PSM?",
            "N: Sejak 2012.",
            "Waktu itu belum ada honor.",
        ]
    )
    t = read_docx(wf.build_docx(tmp_path / "w.docx", body))
    assert [(t.text[a:b], who) for a, b, who in t.turns] == [
        ("W: Sejak kapan menjadi PSM?", "peneliti"),
        ("N: Sejak 2012.\nWaktu itu belum ada honor.", "informan"),
    ]


def test_codes_resolve_by_path_label_and_category(tmp_path):
    paths = make_project(tmp_path)
    f = wf.transcript_docx(paths.raw_interviews / "Wawancara 02.docx")
    records, problems = read_codings(f)
    good, problems2 = check_records(
        records,
        load_interview_codebook(paths=paths),
        load_roster(paths.raw_private / "informan.csv"),
    )
    assert [(g["id_informan"], g["kode"]) for g in good] == [
        ("I-02", "peran.diklat"),
        ("I-02", "peran.bimtek"),
        ("I-02", "peran.honorarium"),
        ("I-02", "hambatan.jarak_akses"),
        ("I-02", "hambatan.jarak_akses"),
        ("I-02", "hambatan.anggaran"),
        ("I-02", "hambatan.koordinasi"),
    ]
    assert [str(p) for p in problems2] == [
        f"berkas {f}, baris 7, kolom 'kode': kode tidak ada di codebook: nilai "
        '"hambatan.gaji pada teks "Gaji kecil" di dokumen Wawancara 02" (yang diharapkan: '
        f"salah satu kode di {paths.raw_interviews / 'codebook_wawancara.yml'})"
    ]


def test_validate_interviews_docx(tmp_path, monkeypatch, capsys):
    paths = make_project(tmp_path)
    monkeypatch.setenv("PSM_ANALYSIS_ROOT", str(tmp_path))
    f = wf.transcript_docx(paths.raw_interviews / "Wawancara 02.docx")
    assert main(["validate", "interviews", str(f)]) == 1
    err = capsys.readouterr().err
    assert "2 masalah ditemukan" in err and "hambatan.gaji" in err and "Traceback" not in err
    assert len(validate_file(f)) == 2


def test_clean_reads_word_transcripts_pseudonymised(tmp_path):
    paths = make_project(tmp_path)
    body = wf.para(
        wf.run("I: "), wf.start(0), wf.run("Kata Pak Bambang dananya kecil"), wf.end(0), wf.run(".")
    )
    wf.build_docx(
        paths.raw_interviews / "Wawancara Bambang.docx",
        body,
        [wf.comment(0, "Rina", ["Keterbatasan anggaran"], ["20000001"])],
    )
    out = build_outputs(paths)
    seg = out.files["wawancara_segmen.csv"]
    assert list(
        zip(
            seg["format"],
            seg["id_informan"],
            seg["kode"],
            seg["kutipan"],
            seg["dokumen"],
            strict=True,
        )
    ) == [
        (
            "word",
            "I-01",
            "hambatan.anggaran",
            "Kata Pak [nama informan] dananya kecil",
            "Wawancara I-01 (Dinas Sosial)",
        )
    ]
    assert "data/raw/interviews/Wawancara I-01 (Dinas Sosial).docx" in {i.path for i in out.inputs}


#: The transcript of :func:`word_fixtures.transcript_docx` opened in LibreOffice 7.4.7
#: (``soffice --headless --convert-to odt``, then ``--convert-to "docx:MS Word 2007 XML"``):
#: a .docx as LibreOffice writes comments (its own ``w:comment`` markup, no ``w14:paraId``,
#: ``commentsExtended.xml`` with only ``w15:done``).
LIBREOFFICE_DOCX = Path(__file__).parent / "data" / "transkrip_libreoffice_7_4.docx"


def test_transcript_saved_by_libreoffice(tmp_path):
    ours = read_docx(wf.transcript_docx(tmp_path / "Wawancara 02.docx"))
    lo = read_docx(LIBREOFFICE_DOCX)
    # same text (deletions left out, insertions kept); LibreOffice adds the empty paragraph
    # Word requires after a table at the end of a document
    assert lo.text == ours.text + "\n"

    def key(s):
        return (s["kode_asli"], s["kutipan"], s["pengkode"], s["sumber"])

    # LibreOffice 7.4 keeps the ranges, authors, the resolved flag and the point comment,
    # but not the reply's parent: the reply becomes a comment of its own (whose text then
    # fails as a code, a located problem)
    reply = (
        "Setuju, kata Bu Wulandari juga",
        "Honor kami sering terlambat",
        "Rina Putri",
        "komentar",
    )
    assert [key(s) for s in lo.segments] == [
        *[key(s) for s in ours.segments[:3]],
        reply,
        *[key(s) for s in ours.segments[3:]],
    ]
    assert lo.segments[2]["memo"] == "Rina Putri: cek lagi di notulen"
    assert lo.notes == ours.notes
    assert [(p.row, p.value) for p in lo.problems] == [(6, "Dedi: hambatan.anggaran")]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_fixture(tmp_path):
    """LibreOffice reads every comment and tracked change of the fixture."""
    src = wf.transcript_docx(tmp_path / "t.docx")
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "odt", "--outdir", str(tmp_path), str(src)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    with zipfile.ZipFile(tmp_path / "t.odt") as zf:
        content = zf.read("content.xml").decode("utf-8")
    assert content.count("<office:annotation ") + content.count("<office:annotation>") == 7
    assert content.count("<office:annotation-end") == 6  # the comment on a point has none
    assert content.count("<text:changed-region") == 2
