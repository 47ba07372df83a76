"""Reading coded segments from fixtures shaped exactly as each tool writes them.

- Taguette (taguette/export.py, ``highlights_csv``): ``csv.writer(file)`` with the default
  dialect, header ``id,document,tag,content``, one row per highlight and tag, an empty tag
  for an untagged highlight; CRLF line ends, UTF-8 without BOM. Its xlsx export has one
  sheet ``highlights`` with the same columns.
- QualCoder (report_codes.py, ``export_csv_file``): ``open(..., encoding='utf-8-sig')``,
  ``csv.writer(..., quoting=csv.QUOTE_ALL)``, header ``File`` (or ``Case`` then
  ``Filename``), ``Coder``, ``Coded``, ``Id``, ``Codename``, ``Coded_Memo``, then one
  ``Category`` per level, immediate parent first; rows of codes with fewer categories are
  shorter; ``Id`` is ``ctid:N`` (text), ``imid:N`` (image) or ``avid:N`` (audio/video).
"""

from __future__ import annotations

import openpyxl
from test_interviews_support import make_project

from psm_analysis.interviews.codebook import load_interview_codebook
from psm_analysis.interviews.roster import load_roster
from psm_analysis.interviews.segments import check_records, detect_format, read_codings

TAGUETTE_CSV = (
    b"id,document,tag,content\r\n"
    b'1,Wawancara Bambang,hambatan.anggaran,"Dananya kecil, kata Pak Bambang."\r\n'
    b'1,Wawancara Bambang,hambatan.kurang_pembinaan,"Dananya kecil, kata Pak Bambang."\r\n'
    b'2,Wawancara 02,peran.diklat,"Diklat pertama\r\ntahun 2014."\r\n'
    b"3,Wawancara 02,,Sorotan tanpa tag\r\n"
)

QUALCODER_CSV = (
    b"\xef\xbb\xbf"
    b'"File","Coder","Coded","Id","Codename","Coded_Memo","Category"\r\n'
    b'"Wawancara 03","rina","Honor sering terlambat.","ctid:12","honorarium","","peran"\r\n'
    b'"Wawancara 04","rina","Belum ada PSM di desa kami.","ctid:15","desa tanpa psm",'
    b'"penting","hambatan"\r\n'
    b'"Wawancara 04","rina","image","imid:3","anggaran","","hambatan"\r\n'
)

QUALCODER_CASE_CSV = (
    b"\xef\xbb\xbf"
    b'"Case","Filename","Coder","Coded","Id","Codename","Coded_Memo","Category"\r\n'
    b'"I-03","rekaman_03.docx","rina","Honor sering terlambat.","ctid:12","honorarium","",'
    b'"peran"\r\n'
)

OWN_CSV_SEMICOLON = (
    b"id_informan;dokumen;kode;kutipan;pengkode\n"
    b"I-01;Wawancara Bambang;Hambatan / Anggaran;Dana kurang.;peneliti\n"
    b"I-04;;peran.pemetaan;Desa mendata PSM.;\n"
)


def _project(tmp_path):
    paths = make_project(tmp_path)
    return (
        paths,
        load_interview_codebook(paths=paths),
        load_roster(paths.raw_private / "informan.csv"),
    )


def test_taguette_highlights_export(tmp_path):
    paths, cb, roster = _project(tmp_path)
    f = paths.raw_interviews / "taguette__pengkode_2.csv"
    f.write_bytes(TAGUETTE_CSV)
    records, problems = read_codings(f)
    assert problems == []
    assert [
        (r["baris"], r["dokumen"], r["kode_asli"], r["pengkode"], r["id_asli"]) for r in records
    ] == [
        (2, "Wawancara Bambang", "hambatan.anggaran", "pengkode_2", "1"),
        (3, "Wawancara Bambang", "hambatan.kurang_pembinaan", "pengkode_2", "1"),
        (4, "Wawancara 02", "peran.diklat", "pengkode_2", "2"),
    ]  # the untagged highlight (row 5) is skipped
    assert records[2]["kutipan"] == "Diklat pertama\r\ntahun 2014."
    good, problems = check_records(records, cb, roster)
    assert problems == []
    assert [(g["id_informan"], g["kode"]) for g in good] == [
        ("I-01", "hambatan.anggaran"),
        ("I-01", "hambatan.kurang_pembinaan"),
        ("I-02", "peran.diklat"),
    ]


def test_taguette_xlsx_export(tmp_path):
    paths, cb, roster = _project(tmp_path)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "highlights"
    for row in (
        ["id", "document", "tag", "content"],
        ["7", "Wawancara 03", "hambatan.beban_relawan", "Saya juga bertani."],
    ):
        ws.append(row)
    f = paths.raw_interviews / "all_tags.xlsx"
    wb.save(f)
    records, problems = read_codings(f)
    assert problems == []
    assert records[0]["lembar"] == "highlights" and records[0]["pengkode"] == "all_tags"
    good, problems = check_records(records, cb, roster)
    assert problems == [] and good[0]["id_informan"] == "I-03"


def test_qualcoder_coded_text_report_csv(tmp_path):
    paths, cb, roster = _project(tmp_path)
    f = paths.raw_interviews / "laporan_qualcoder.csv"
    f.write_bytes(QUALCODER_CSV)
    records, problems = read_codings(f)
    assert problems == []
    assert len(records) == 2  # the image coding is skipped
    assert records[1]["memo"] == "penting" and records[1]["kategori"] == "hambatan"
    good, problems = check_records(records, cb, roster)
    assert problems == []
    assert [(g["id_informan"], g["kode"], g["pengkode"]) for g in good] == [
        ("I-03", "peran.honorarium", "rina"),
        ("I-04", "hambatan.desa_tanpa_psm", "rina"),
    ]


def test_qualcoder_case_report_maps_the_case_to_the_informant(tmp_path):
    paths, cb, roster = _project(tmp_path)
    f = paths.raw_interviews / "laporan_kasus.csv"
    f.write_bytes(QUALCODER_CASE_CSV)
    records, _ = read_codings(f)
    assert records[0]["dokumen"] == "rekaman_03.docx" and records[0]["kasus"] == "I-03"
    good, problems = check_records(records, cb, roster)
    assert problems == [] and good[0]["id_informan"] == "I-03"


def test_qualcoder_xlsx_report(tmp_path):
    paths, cb, roster = _project(tmp_path)
    wb = openpyxl.Workbook()  # QualCoder: openpyxl.Workbook(), active sheet, headings row 1
    ws = wb.active
    for row in (
        ["File", "Coder", "Coded", "Id", "Codename", "Coded_Memo", "Category"],
        ["Wawancara 04", "rina", "Koordinasi lemah.", "ctid:4", "koordinasi", None, "hambatan"],
    ):
        ws.append(row)
    f = paths.raw_interviews / "laporan.xlsx"
    wb.save(f)
    records, problems = read_codings(f)
    assert problems == [] and records[0]["lembar"] == "Sheet"
    good, problems = check_records(records, cb, roster)
    assert problems == [] and good[0]["kode"] == "hambatan.koordinasi"


def test_own_csv_with_semicolons_and_defaults(tmp_path):
    paths, cb, roster = _project(tmp_path)
    f = paths.raw_interviews / "segmen_terkode.csv"
    f.write_bytes(OWN_CSV_SEMICOLON)
    records, problems = read_codings(f)
    assert problems == []
    good, problems = check_records(records, cb, roster)
    assert problems == []
    assert [(g["dokumen"], g["kode"], g["pengkode"]) for g in good] == [
        ("Wawancara Bambang", "hambatan.anggaran", "peneliti"),
        ("I-04", "peran.pemetaan", "segmen_terkode"),  # empty dokumen/pengkode defaults
    ]


def test_detect_format():
    assert detect_format(["id", "document", "tag", "content"]) == "taguette"
    assert detect_format(["File/case", "Coder", "Coded", "Id", "Codename", "Coded_Memo"]) == (
        "qualcoder"
    )
    assert detect_format(["ID_Informan", "Kode", "Kutipan"]) == "segmen"
    assert detect_format(["nama", "nilai"]) is None


def test_own_xlsx_prefers_the_segmen_sheet(tmp_path):
    paths, cb, roster = _project(tmp_path)
    wb = openpyxl.Workbook()
    wb.active.title = "petunjuk"
    wb.active["A1"] = "Isi lembar segmen."
    ws = wb.create_sheet("segmen")
    ws.append(["id_informan", "dokumen", "kode", "kutipan", "pengkode"])
    ws.append(["I-02", "Wawancara 02", "peran.bimtek", "Bimtek 2015.", "peneliti"])
    f = paths.raw_interviews / "segmen_terkode.xlsx"
    wb.save(f)
    records, problems = read_codings(f)
    assert problems == [] and records[0]["lembar"] == "segmen"
    good, problems = check_records(records, cb, roster)
    assert problems == [] and good[0]["kode"] == "peran.bimtek"


# QualCoder 3.3, 3.4 and 3.5, report_codes.py ``export_xlsx_file`` (read at the release tags
# of github.com/ccbogel/QualCoder): ``openpyxl.Workbook()``, active sheet, headings
# ``["File/case", "Coder", "Coded", "Id", "Codename"]`` in row 1, a ``Category`` heading
# written over each category column used; no Coded_Memo. ``Coded`` is the text, "image" or
# "a/v"; ``Id`` is ``ctid:N``/``imid:N``/``avid:N``. The first column is the file name, or
# the case name when the report was made per case.
def _qualcoder_35_xlsx(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    for col, heading in enumerate(["File/case", "Coder", "Coded", "Id", "Codename"]):
        ws.cell(column=col + 1, row=1, value=heading)
    for row, data in enumerate(rows):
        for col, value in enumerate(data[:5]):
            ws.cell(column=col + 1, row=row + 2, value=value)
        for i, category in enumerate(data[5:]):
            ws.cell(column=6 + i, row=row + 2, value=category)
            ws.cell(column=6 + i, row=1, value="Category")
    wb.save(path)


def test_qualcoder_3_5_xlsx_report_without_coded_memo(tmp_path):
    paths, cb, roster = _project(tmp_path)
    f = paths.raw_interviews / "laporan_qualcoder_3_5.xlsx"
    _qualcoder_35_xlsx(
        f,
        [
            ("Wawancara 03", "rina", "Honor sering terlambat.", "ctid:12", "honorarium", "peran"),
            ("Wawancara 04", "rina", "image", "imid:3", "anggaran", "hambatan"),
            ("I-02", "default", "Diklat sekali saja.", "ctid:20", "diklat", "peran"),
        ],
    )
    assert detect_format(["File/case", "Coder", "Coded", "Id", "Codename", "Category"]) == (
        "qualcoder"
    )
    records, problems = read_codings(f)
    assert problems == []
    assert [
        (r["baris"], r["dokumen"], r["kode_asli"], r["kategori"], r["pengkode"], r["memo"])
        for r in records
    ] == [
        (2, "Wawancara 03", "honorarium", "peran", "rina", ""),
        (4, "I-02", "diklat", "peran", "default", ""),
    ]  # the image coding (row 3) is skipped
    good, problems = check_records(records, cb, roster)
    assert problems == []
    # a file name maps through the roster's dokumen; a case name is the informant id
    assert [(g["id_informan"], g["kode"]) for g in good] == [
        ("I-03", "peran.honorarium"),
        ("I-02", "peran.diklat"),
    ]


def test_qualcoder_3_5_unmapped_file_names_the_file_case_column(tmp_path):
    paths, cb, roster = _project(tmp_path)
    f = paths.raw_interviews / "laporan.xlsx"
    _qualcoder_35_xlsx(f, [("rekaman_9.docx", "rina", "Teks.", "ctid:1", "diklat", "peran")])
    records, _ = read_codings(f)
    _, problems = check_records(records, cb, roster)
    assert [(p.row, p.column, p.message, p.value) for p in problems] == [
        (2, "File/case", "dokumen tidak terpetakan ke informan", "rekaman_9.docx")
    ]


def _qualcoder_35_csv(results: list[tuple[str, str, str]]) -> bytes:
    """QualCoder 3.5 report_codes.py ``export_csv_file``: header the sorted code names, one
    column per code, each cell ``text + "\\n" + file_or_casename``; ``open(...,
    encoding='utf-8-sig', newline='')``, ``csv.writer(delimiter=',', quotechar='"',
    quoting=csv.QUOTE_MINIMAL)``."""
    import csv
    import io

    codes_all = [code for code, _, _ in results]
    codes_set = sorted(set(codes_all))
    nrows = max(codes_all.count(c) for c in codes_set)
    data = [["" for _ in codes_set] for _ in range(nrows)]
    for col, code in enumerate(codes_set):
        row = 0
        for c, text, name in results:
            if c == code:
                data[row][col] = text + "\n" + name
                row += 1
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=",", quotechar='"', quoting=csv.QUOTE_MINIMAL)
    w.writerow(codes_set)
    for row in data:
        w.writerow(row)
    return buf.getvalue().encode("utf-8-sig")


def test_qualcoder_3_5_csv_one_column_per_code_is_refused_naming_the_export(tmp_path):
    paths, _, _ = _project(tmp_path)
    f = paths.raw_interviews / "laporan_lama.csv"
    f.write_bytes(
        _qualcoder_35_csv(
            [
                ("honorarium", "Honor sering terlambat.", "Wawancara 03"),
                ("diklat", "Diklat sekali saja.", "Wawancara 02"),
                ("honorarium", "Honor kecil.", "Wawancara 04"),
            ]
        )
    )
    records, problems = read_codings(f)
    assert records == []
    assert [(p.message, p.value, p.expected) for p in problems] == [
        (
            "laporan CSV QualCoder 3.5 atau lebih lama (satu kolom per kode, tanpa "
            "pengkode) tidak dapat dipakai",
            "diklat, honorarium",
            "laporan QualCoder per segmen: Reports > Coding reports, lalu Export 'xlsx' "
            "(QualCoder 3.3-3.5) atau 'csv'/'xlsx' (QualCoder 3.6 ke atas)",
        )
    ]
    assert problems[0].file.endswith("laporan_lama.csv")


# Excel on an Indonesian Windows, File > Save As > "CSV (semicolon delimited)": Windows-1252
# (the ANSI code page), ";" separator, CRLF; Word's typographic quotes, dashes and ellipses
# pasted into a cell are the single bytes 0x93/0x94, 0x96 and 0x85.
def test_own_csv_as_excel_writes_it_in_windows_1252(tmp_path):
    paths, cb, roster = _project(tmp_path)
    f = paths.raw_interviews / "segmen_terkode.csv"
    f.write_bytes(
        "id_informan;dokumen;kode;kutipan;pengkode\r\n"
        "I-01;Wawancara Bambang;hambatan.anggaran;\u201cDananya kecil\u201d \u2013 "
        "katanya\u2026;peneliti\r\n".encode("cp1252")
    )
    assert b"\x93Dananya kecil\x94 \x96 katanya\x85" in f.read_bytes()
    records, problems = read_codings(f)
    assert problems == []
    assert records[0]["kutipan"] == "\u201cDananya kecil\u201d \u2013 katanya\u2026"
    good, problems = check_records(records, cb, roster)
    assert problems == [] and good[0]["id_informan"] == "I-01"


def test_roster_and_document_map_as_excel_writes_them(tmp_path):
    from psm_analysis.interviews.roster import read_mapping, read_roster

    paths, _, _ = _project(tmp_path)
    f = paths.raw_private / "informan.csv"
    f.write_bytes(
        "id_informan;nama;jabatan;kelompok;tanggal_wawancara\r\n"
        "I-01;Zulkifli Ma\u2019ruf;Kepala Seksi \u2013 Rehsos;Dinas Sosial;2019-05-02\r\n".encode(
            "cp1252"
        )
    )
    roster = read_roster(f)
    assert roster.names() == {"I-01": "Zulkifli Ma\u2019ruf"}
    assert list(roster.frame["jabatan"]) == ["Kepala Seksi \u2013 Rehsos"]
    m = paths.raw_interviews / "dokumen_informan.csv"
    m.write_bytes(
        b"\xef\xbb\xbfdokumen,id_informan\r\nTranskrip \xe2\x80\x9cZM\xe2\x80\x9d,I-01\r\n"
    )
    assert read_mapping(m, roster) == []
    assert roster.informant_for_document("transkrip \u201czm\u201d") == "I-01"
