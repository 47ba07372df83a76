"""REFI-QDA projects (.qdpx) read as each tool writes them (see ``qdpx_fixtures`` for the
writer behind each fixture: QualCoder's ``refi.py``, the REFI-QDA 1.5 specification and
the documented quirks of NVivo, ATLAS.ti and MAXQDA)."""

from __future__ import annotations

import zipfile

import pytest
import qdpx_fixtures as fx
from lxml import etree
from test_interviews_support import ROOT, make_project

from psm_analysis.cli import main
from psm_analysis.errors import DataError
from psm_analysis.interviews import validate_file
from psm_analysis.interviews.codebook import load_interview_codebook
from psm_analysis.interviews.pipeline import build_outputs
from psm_analysis.interviews.privacy import scan_files
from psm_analysis.interviews.refi import choose_convention, read_qdpx
from psm_analysis.interviews.roster import load_roster
from psm_analysis.interviews.segments import check_records, codings_files, read_codings

PROJECT_XSD = ROOT / "data/raw/reference/refi_qda_project_1_0.xsd"


def _rows(project):
    return [(s["dokumen"], s["kode"], s["kutipan"], s["pengkode"]) for s in project.segments]


def test_qualcoder_export(tmp_path):
    f = fx.qualcoder_qdpx(tmp_path / "psm.qdpx")
    p = read_qdpx(f)
    assert p.qde == "project.qde" and p.origin == "QualCoder 3.6" and p.problems == []
    assert _rows(p) == [
        ("Wawancara 02", "peran > diklat", "Diklat pertama tahun 2014 di Pekanbaru.", "rina"),
        ("Wawancara 02", "peran > honorarium", "Honor PSM sering terlambat", "rina"),
    ]
    # the .txt has a BOM that is not counted: positions index the text without it
    src = p.sources[0]
    assert src.text == fx.QC_TEXT and src.convention == "titik_kode"
    s = p.segments[0]
    assert (s["awal"], s["akhir"]) == (43, 82) and src.text[43:82] == s["kutipan"]
    assert s["kategori"] == "peran" and s["kode_asli"] == "diklat"
    assert p.segments[1]["memo"] == "Bu Wulandari mengeluh"
    codes = {c.names: c for c in p.codes}
    assert list(codes) == [("peran",), ("peran", "diklat"), ("peran", "honorarium")]
    assert codes[("peran",)].codable is False
    assert codes[("peran", "diklat")].color == "#0072B2"
    assert codes[("peran", "honorarium")].description == "Honor PSM dan ketepatan waktunya"
    # QualCoder's Case SourceRef carries another guid than its TextSource: no case reached
    assert [c.name for c in p.cases] == ["Kasus I-02"] and p.segments[0]["kasus"] == ""


def test_qualcoder_export_validates_against_the_project_schema(tmp_path):
    f = fx.qualcoder_qdpx(tmp_path / "psm.qdpx")
    schema = etree.XMLSchema(etree.parse(str(PROJECT_XSD)))
    with zipfile.ZipFile(f) as zf:
        assert schema.validate(etree.fromstring(zf.read("project.qde"))), schema.error_log


def test_nvivo_utf16_positions_upper_case_guids_and_two_codings(tmp_path):
    p = read_qdpx(fx.nvivo_qdpx(tmp_path / "nvivo.qdpx"))
    assert p.problems == [] and p.sources[0].convention == "utf16"
    assert _rows(p) == [
        ("Wawancara 04", "Hambatan > Anggaran", "dananya kecil sekali.", "Rina"),
        ("Wawancara 04", "Hambatan > Kurang pembinaan", "dananya kecil sekali.", "Dedi"),
        (
            "Wawancara 04",
            "Hambatan > Kurang pembinaan",
            "Pembinaan dari dinas juga jarang.",
            "Dedi",
        ),
    ]
    text = p.sources[0].text
    assert "\r\n" in text and not text.startswith("\ufeff")
    assert all(text[s["awal"] : s["akhir"]] == s["kutipan"] for s in p.segments)


def test_atlas_ti_qde_named_after_project_and_crlf_counted_once(tmp_path):
    p = read_qdpx(fx.atlas_qdpx(tmp_path / "atlas.qdpx"))
    assert p.qde == "Wawancara PSM.qde" and p.problems == []
    assert p.sources[0].convention == "crlf_satu"
    assert [s["kutipan"] for s in p.segments] == [
        "Rapat koordinasi dengan PSM diadakan setiap triwulan.",
        "Jarak ke desa jauh",
    ]
    # awal/akhir index the text as stored (with its CRLF)
    s = p.segments[1]
    assert fx.ATLAS_TEXT[s["awal"] : s["akhir"]] == "Jarak ke desa jauh"


def test_maxqda_inline_text_memo_only_selection_and_case_coding(tmp_path):
    p = read_qdpx(fx.maxqda_qdpx(tmp_path / "maxqda.qdpx"))
    assert p.problems == []
    assert [(s["kode"], s["kasus"]) for s in p.segments] == [
        ("hambatan > desa tanpa psm", "I-04"),
        ("hambatan > cakupan pelatihan", ""),
    ]
    assert p.notes == ["1 seleksi teks tanpa kode dilewati"]


def test_choose_convention_by_names_and_word_boundaries():
    text = "Ada \U0001f600 dana. Rapat rutin."
    start = len("Ada \U0001f600 ")
    utf16 = (start + 1, start + 1 + len("dana."), "")
    assert choose_convention(text, [utf16]) == "utf16"
    assert choose_convention(text, [(start, start + 5, "dana.")]) == "titik_kode"
    # nothing tells the conventions apart: the specification's
    assert choose_convention("a\r\nb", []) == "titik_kode"


def _project_xml(body: str, ns: str = fx.NS) -> bytes:
    ns_attr = f' xmlns="{ns}"' if ns else ""
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<Project name="p"{ns_attr}>\n'
        f'<CodeBook><Codes><Code guid="{fx.guid(1)}" name="peran.diklat" isCodable="true"/>'
        f"</Codes></CodeBook>\n<Sources>\n{body}\n</Sources>\n</Project>\n"
    ).encode()


def _sel(n: int, start: int, end: int, code: int = 1) -> str:
    return (
        f'<PlainTextSelection guid="{fx.guid(n)}" startPosition="{start}" endPosition="{end}">'
        f'<Coding guid="{fx.guid(n + 100)}"><CodeRef targetGUID="{fx.guid(code)}"/></Coding>'
        "</PlainTextSelection>"
    )


@pytest.mark.parametrize("ns", ["urn:QDA-XML:project:1:0", "urn:QDA-XML:project:0:4", ""])
def test_namespace_variants(tmp_path, ns):
    body = (
        f'<TextSource guid="{fx.guid(2)}" name="W1"><PlainTextContent>Ikut Diklat.'
        f"</PlainTextContent>{_sel(3, 5, 12)}</TextSource>"
    )
    f = fx.write_zip(tmp_path / "p.qdpx", {"project.qde": _project_xml(body, ns)})
    assert [s["kutipan"] for s in read_qdpx(f).segments] == ["Diklat."]


def test_text_from_docx_when_no_txt(tmp_path):
    body = (
        f'<TextSource guid="{fx.guid(2)}" name="W1" richTextPath="internal://{fx.guid(5)}.docx">'
        f"{_sel(3, 21, 34)}</TextSource>"
    )
    docx = fx.docx_bytes(["P: Ikut apa?", "I: Ikut Diklat dasar."])
    f = fx.write_zip(
        tmp_path / "p.qdpx",
        {"project.qde": _project_xml(body), f"sources/{fx.guid(5)}.docx": docx},
    )
    p = read_qdpx(f)
    assert p.problems == [] and p.segments[0]["kutipan"] == "Diklat dasar."


def test_pdf_representation_read_and_other_media_counted(tmp_path):
    coding = f'<Coding guid="{fx.guid(60)}"><CodeRef targetGUID="{fx.guid(1)}"/></Coding>'
    body = (
        f'<PDFSource guid="{fx.guid(2)}" name="Notulen.pdf" path="internal://{fx.guid(7)}.pdf">'
        f'<PDFSelection guid="{fx.guid(8)}" page="0" firstX="1" firstY="1" secondX="9" '
        f'secondY="9">{coding}</PDFSelection>'
        f'<Representation guid="{fx.guid(9)}" plainTextPath="internal://{fx.guid(10)}.txt">'
        f"{_sel(3, 0, 7)}</Representation></PDFSource>"
        f'<PictureSource guid="{fx.guid(11)}" path="internal://x.png">'
        f'<PictureSelection guid="{fx.guid(12)}" firstX="0" firstY="0" secondX="5" secondY="5">'
        f"{coding}</PictureSelection></PictureSource>"
        f'<AudioSource guid="{fx.guid(13)}" path="relative://a.m4a">'
        f'<AudioSelection guid="{fx.guid(14)}" begin="0" end="10">{coding}</AudioSelection>'
        f'<AudioSelection guid="{fx.guid(15)}" begin="10" end="20">{coding}</AudioSelection>'
        f"</AudioSource>"
    )
    f = fx.write_zip(
        tmp_path / "p.qdpx",
        {"project.qde": _project_xml(body), f"sources/{fx.guid(10)}.txt": b"Diklat! ok"},
    )
    p = read_qdpx(f)
    assert [(s["dokumen"], s["kutipan"]) for s in p.segments] == [("Notulen.pdf", "Diklat!")]
    assert p.notes == [
        "1 seleksi area PDF, 2 seleksi audio, 1 seleksi gambar dilewati "
        "(hanya seleksi teks yang dibaca)"
    ]


def test_relative_and_absolute_paths(tmp_path):
    (tmp_path / "luar").mkdir()
    (tmp_path / "luar" / "w1.txt").write_text("Ikut Diklat.", encoding="utf-8")
    body = (
        f'<TextSource guid="{fx.guid(2)}" name="W1" plainTextPath="relative://luar/w1.txt">'
        f"{_sel(3, 5, 12)}</TextSource>\n"
        f'<TextSource guid="{fx.guid(4)}" name="W2" '
        f'plainTextPath="absolute:///tidak/ada/w2.txt">{_sel(5, 0, 4)}</TextSource>'
    )
    f = fx.write_zip(tmp_path / "p.qdpx", {"project.qde": _project_xml(body)})
    p = read_qdpx(f)
    assert [s["kutipan"] for s in p.segments] == ["Diklat."]
    assert [str(x) for x in p.problems] == [
        f"berkas {tmp_path / 'p.qdpx'}, lembar 'project.qde', baris 6, kolom 'plainTextPath': "
        "teks sumber tidak ditemukan (berkas di luar arsip .qdpx): nilai "
        '"W2: absolute:///tidak/ada/w2.txt" (yang diharapkan: berkas .txt di folder sources/ '
        "arsip, atau di jalur yang disebut; ekspor ulang proyek dengan sumber tersimpan di "
        "dalamnya)"
    ]


def test_zero_length_and_out_of_range_selections_are_located(tmp_path):
    body = (
        f'<TextSource guid="{fx.guid(2)}" name="W1"><PlainTextContent>Ikut Diklat.'
        f"</PlainTextContent>\n{_sel(3, 5, 5)}\n{_sel(4, 5, 40)}\n{_sel(5, 0, 4)}\n"
        f'<PlainTextSelection guid="{fx.guid(6)}" startPosition="x" endPosition="4"/>\n'
        f"{_sel(7, 0, 4, code=50)}\n</TextSource>"
    )
    f = fx.write_zip(tmp_path / "p.qdpx", {"project.qde": _project_xml(body)})
    p = read_qdpx(f)
    assert [s["kutipan"] for s in p.segments] == ["Ikut"]
    assert [(x.row, x.message, x.value) for x in p.problems] == [
        (9, "posisi seleksi bukan bilangan bulat", "x-4"),
        (6, "seleksi kosong (awal = akhir) di sumber 'W1'", "5-5"),
        (7, "seleksi di luar teks di sumber 'W1'", "5-40"),
        (10, "CodeRef menunjuk kode yang tidak ada di CodeBook", fx.guid(50)),
    ]


def test_not_a_project(tmp_path):
    bad = tmp_path / "bukan.qdpx"
    bad.write_bytes(b"bukan zip")
    with pytest.raises(DataError, match="tidak dapat dibuka sebagai arsip zip"):
        read_qdpx(bad)
    empty = fx.write_zip(tmp_path / "kosong.qdpx", {"sources/a.txt": b"x"})
    with pytest.raises(DataError, match="tidak memuat satu berkas proyek .qde"):
        read_qdpx(empty)


def _project_with_roster(tmp_path, monkeypatch):
    paths = make_project(tmp_path)
    monkeypatch.setenv("PSM_ANALYSIS_ROOT", str(tmp_path))
    return paths


def test_records_map_documents_cases_and_codes(tmp_path, monkeypatch):
    paths = _project_with_roster(tmp_path, monkeypatch)
    cb = load_interview_codebook(paths=paths)
    roster = load_roster(paths.raw_private / "informan.csv")
    records = []
    for fn in (fx.qualcoder_qdpx, fx.nvivo_qdpx, fx.atlas_qdpx, fx.maxqda_qdpx):
        recs, problems = read_codings(fn(paths.raw_interviews / f"{fn.__name__}.qdpx"))
        assert problems == []
        records += recs
    good, problems = check_records(records, cb, roster)
    # the MAXQDA selection outside the case I-04: document "Transkrip desa" maps to no one
    assert [(p.message, p.value) for p in problems] == [
        ("dokumen tidak terpetakan ke informan", "Transkrip desa")
    ]
    assert [(g["id_informan"], g["kode"], g["pengkode"]) for g in good] == [
        ("I-02", "peran.diklat", "rina"),
        ("I-02", "peran.honorarium", "rina"),
        ("I-04", "hambatan.anggaran", "Rina"),
        ("I-04", "hambatan.kurang_pembinaan", "Dedi"),
        ("I-04", "hambatan.kurang_pembinaan", "Dedi"),
        ("I-03", "peran.rapat_koordinasi", "Peneliti Utama"),
        ("I-03", "hambatan.jarak_akses", "Peneliti Utama"),
        ("I-04", "hambatan.desa_tanpa_psm", "Andi"),
    ]
    assert [p.name for p in codings_files(paths.raw_interviews)] == [
        "atlas_qdpx.qdpx",
        "maxqda_qdpx.qdpx",
        "nvivo_qdpx.qdpx",
        "qualcoder_qdpx.qdpx",
    ]


def test_validate_interviews_qdpx(tmp_path, monkeypatch, capsys):
    paths = _project_with_roster(tmp_path, monkeypatch)
    good = fx.qualcoder_qdpx(paths.raw_interviews / "psm.qdpx")
    assert main(["validate", "interviews", str(good)]) == 0
    assert "valid, tidak ada masalah" in capsys.readouterr().out
    bad = fx.maxqda_qdpx(paths.raw_interviews / "maxqda.qdpx")
    assert main(["validate", "interviews", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "dokumen tidak terpetakan ke informan" in err and "Transkrip desa" in err
    assert [(p.row, p.column, p.value) for p in validate_file(bad)] == [
        (19, "TextSource name", "Transkrip desa")
    ]


def test_clean_reads_qdpx_pseudonymises_and_records_the_convention(tmp_path, monkeypatch):
    paths = _project_with_roster(tmp_path, monkeypatch)
    fx.qualcoder_qdpx(paths.raw_interviews / "proyek_Wulandari.qdpx")
    fx.nvivo_qdpx(paths.raw_interviews / "nvivo.qdpx")
    out = build_outputs(paths)
    seg = out.files["wawancara_segmen.csv"]
    assert list(seg["format"]) == ["qdpx"] * 5
    qc = seg[seg["dokumen"] == "Wawancara 02"]
    assert list(qc["kode"]) == ["peran.diklat", "peran.honorarium"]
    assert list(qc["memo"]) == ["", "Bu I-02 (TKSK) mengeluh"]
    assert set(seg["berkas"]) == {
        "data/raw/interviews/proyek_I-02 (TKSK).qdpx",
        "data/raw/interviews/nvivo.qdpx",
    }
    notes = {i.path: i.note for i in out.inputs}
    assert notes["data/raw/interviews/nvivo.qdpx"] == (
        "Wawancara 04: posisi dalam unit UTF-16 (seperti NVivo)"
    )
    assert notes["data/raw/interviews/proyek_I-02 (TKSK).qdpx"] == (
        "Wawancara 02: posisi dalam titik kode Unicode (spesifikasi REFI-QDA)"
    )


def test_privacy_scan_reads_qdpx(tmp_path):
    f = fx.qualcoder_qdpx(tmp_path / "psm.qdpx")
    problems = scan_files([f], ["Wulandari"])
    assert [p.message for p in problems] == [
        "berkas keluaran memuat nama informan dari daftar privat (W*******i); hapus nama "
        "itu dari sumbernya, atau dari kode/teks yang menulisnya"
    ]
