"""Plant real-shaped inputs into a copy of the project, to check it works with real data.

Usage (never in the researcher's own checkout, which may hold the real fieldwork)::

    git clone . /tmp/realdata-clone
    .venv/bin/python scripts/plant_real_shaped_inputs.py /tmp/realdata-clone
    cd /tmp/realdata-clone && make test

The files stand for the fieldwork the researcher will enter, in the shapes the readers
accept (README "Input files the readers accept"), so they are *not* marked as demo data
and replace the demo inputs exactly as real files would:

- ``data/raw/survey/jawaban_kuesioner.xlsx``: the workbook ``psm-analysis template survey``
  makes, filled in row by row with openpyxl (as Excel stores typed cells);
- ``data/raw/interviews/segmen_terkode.csv``: the project's own codings CSV, saved by Excel
  as "CSV (semicolon delimited)" on an Indonesian Windows (Windows-1252, ``;``, CRLF);
- ``data/raw/interviews/laporan_qualcoder.csv``: a second coder's QualCoder 3.6 coded-text
  report (UTF-8 with BOM, every field quoted, ``File, Coder, Coded, Id, Codename,
  Coded_Memo, Category``);
- ``data/raw/interviews/proyek_nvivo.qdpx``: a REFI-QDA project as NVivo exports it (upper
  case GUIDs, ``Sources/``, ``.txt`` with a BOM and CRLF, positions in UTF-16 code units),
  two follow-up transcripts coded by both coders with different cuts, each in a Case named
  by the informant id;
- ``data/raw/interviews/Transkrip I-06.docx``: a Word transcript coded with comments (made
  with python-docx's ``add_comment``, which writes Word's comment ranges);
- ``data/raw/private/informan.csv``: the roster with (invented) names;
- ``data/raw/register/register_psm.xlsx``: the workbook ``psm-analysis template register``
  makes, filled in, with a ``nama`` column as an SK penetapan list has it.

The content is not research data: quotes say they are check sentences ("Kalimat
pemeriksaan"), names are invented, answers are drawn from a seeded generator. Same seed,
same bytes of the CSV files (the xlsx files carry openpyxl's save time).

``--variant`` plants the shapes of the weeks of fieldwork (issue 20) instead of the
complete set; ``make test`` must pass with each:

- ``satu-pengkode``: one coder only (no QualCoder report from a second coder);
- ``sedikit-responden``: three questionnaires typed in;
- ``register-sebagian``: a register of the Bunut PSM only;
- ``informan-belum-dikodekan``: an informant on the roster whose transcript is not coded.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
from pathlib import Path

SEED = 8080
N_RESPONDENTS = 24
SURVEY_FILE = "data/raw/survey/jawaban_kuesioner.xlsx"
CODINGS_FILE = "data/raw/interviews/segmen_terkode.csv"
QUALCODER_FILE = "data/raw/interviews/laporan_qualcoder.csv"
ROSTER_FILE = "data/raw/private/informan.csv"
REGISTER_FILE = "data/raw/register/register_psm.xlsx"
QDPX_FILE = "data/raw/interviews/proyek_nvivo.qdpx"
WORD_FILE = "data/raw/interviews/Transkrip I-06.docx"
#: Every file this script writes, relative to the project root.
FILES = (
    SURVEY_FILE,
    CODINGS_FILE,
    QUALCODER_FILE,
    QDPX_FILE,
    WORD_FILE,
    ROSTER_FILE,
    REGISTER_FILE,
)

#: Invented informants: (id, name, position, group, interview date, transcript name).
#: The transcript of I-05 is named after the informant, as researchers often do: the
#: outputs must show it pseudonymised.
INFORMANTS = (
    ("I-01", "Drs. Tumpal Sigalingging", "Kepala Bidang Rehabilitasi Sosial", "Dinas Sosial"),
    ("I-02", "Kurniasih Wulandari", "Kepala Seksi Pemberdayaan", "Dinas Sosial"),
    ("I-03", "Zulkarnain Effendi", "TKSK Kecamatan Bunut", "TKSK"),
    ("I-04", "Marlina Situmeang", "PSM Desa Petani", "PSM"),
    ("I-05", "Abdul Somad Harefa", "PSM Desa Merbau", "PSM"),
    ("I-06", "Nurhayati Batubara", "PSM Kelurahan Pangkalan Bunut", "PSM"),
    ("I-07", "Syafrizal Tanjung", "Sekretaris Kecamatan Bunut", "Pemerintah Kecamatan/Desa"),
    ("I-08", "Hasibuan Parlindungan", "Kepala Desa Lubuk Mas", "Pemerintah Kecamatan/Desa"),
    ("I-09", "Ernawati Simanjuntak", "Warga Desa Keriung", "Masyarakat"),
)
DATES = ("2026-02-03", "2026-02-03", "2026-02-10", "2026-02-11", "2026-02-11", "2026-02-12")
MAIN_CODER = "peneliti"
SECOND_CODER = "pembimbing"
#: Informants whose transcripts the second coder coded too.
SECOND_CODED = ("I-01", "I-03", "I-05", "I-07", "I-09")
#: Names of PSM in the register's name column (invented).
REGISTER_NAMES = ("Sumarni Lubis", "Bonar Pakpahan", "Yuliana Sembiring", "Ridwan Saragih")
#: The variants of the fieldwork's weeks (module docstring).
VARIANTS = ("satu-pengkode", "sedikit-responden", "register-sebagian", "informan-belum-dikodekan")
#: Respondents of ``sedikit-responden``.
FEW_RESPONDENTS = 3
#: The informant of ``informan-belum-dikodekan``: interviewed, on the roster, not coded.
UNCODED = ("I-10", "Rusdi Panjaitan", "PSM Desa Balam Merah", "PSM")


def transcript(iid: str, name: str) -> str:
    """The transcript's name in the QDA tool: I-05's carries the informant's name."""
    return f"wawancara {name.split()[-1].lower()}" if iid == "I-05" else f"Transkrip {iid}"


def _csv_bytes(header, rows, *, delimiter=",", quoting=csv.QUOTE_MINIMAL, encoding="utf-8"):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode(encoding)


def roster_csv(informants=INFORMANTS) -> bytes:
    rows = [
        [iid, name, job, group, DATES[i % len(DATES)], transcript(iid, name)]
        for i, (iid, name, job, group) in enumerate(informants)
    ]
    header = ["id_informan", "nama", "jabatan", "kelompok", "tanggal_wawancara", "dokumen"]
    return _csv_bytes(header, rows)


def codings(rng: random.Random, codes: list[str]) -> list[tuple[str, str, str, str]]:
    """Main coder's segments: (informant, transcript, code, quote); 3-6 codes per informant.
    One quote names another informant by given name, as people do in interviews."""
    out = []
    for iid, name, _, _ in INFORMANTS:
        for k, code in enumerate(sorted(rng.sample(codes, rng.randint(3, 6)))):
            quote = (
                f"Kalimat pemeriksaan {iid}-{k + 1}: informan menyinggung "
                f"{code.split('.')[1].replace('_', ' ')} \u2013 \u201cbelum merata\u201d."
            )
            out.append((iid, transcript(iid, name), code, quote))
    first = out[0]
    other = INFORMANTS[3][1].split()[0]  # "Marlina"
    out[0] = (*first[:3], f"{first[3]} Kata Bu {other}, rapatnya jarang.")
    return out


def codings_csv(segments) -> bytes:
    """The project's own format as Excel saves "CSV (semicolon delimited)": cp1252, ``;``."""
    rows = [[iid, doc, code, quote, MAIN_CODER] for iid, doc, code, quote in segments]
    header = ["id_informan", "dokumen", "kode", "kutipan", "pengkode"]
    return _csv_bytes(header, rows, delimiter=";", encoding="cp1252")


def qualcoder_csv(rng: random.Random, segments, codes: list[str]) -> bytes:
    """QualCoder 3.6 ``export_csv_file``: utf-8-sig, QUOTE_ALL; Codename is the key,
    Category the question; the second coder mostly agrees."""
    rows = []
    n = 0
    for iid, doc, code, quote in segments:
        if iid not in SECOND_CODED:
            continue
        u = rng.random()
        if u < 0.08:
            continue  # passage skipped
        chosen = code if u > 0.25 else rng.choice([c for c in codes if c != code])
        n += 1
        question, key = chosen.split(".")
        rows.append([doc, SECOND_CODER, quote, f"ctid:{n}", key, "", question])
    header = ["File", "Coder", "Coded", "Id", "Codename", "Coded_Memo", "Category"]
    return b"\xef\xbb\xbf" + _csv_bytes(header, rows, quoting=csv.QUOTE_ALL)


#: The follow-up transcripts of the NVivo project: (informant, passages (code, text)).
#: I-03's names I-07 by given name ("Pak Syafrizal"); a character above U+FFFF and CRLF
#: make NVivo's positions differ from code points.
FOLLOW_UPS = (
    (
        "I-03",
        (
            ("peran.rapat_koordinasi", "Rapat koordinasi PSM diadakan tiap triwulan di kecamatan."),
            ("hambatan.jarak_akses", "Desa yang jauh harus ditempuh dengan pompong \U0001f6a4."),
            ("hambatan.koordinasi", "Kata Pak Syafrizal, undangan rapat sering terlambat sampai."),
        ),
    ),
    (
        "I-08",
        (
            ("peran.diklat", "Saya ikut Diklat dasar PSM di Pekanbaru tahun 2015."),
            ("hambatan.anggaran", "Honor dan biaya transport belum sebanding dengan tugas."),
        ),
    ),
)


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def nvivo_qdpx() -> bytes:
    """A REFI-QDA project as NVivo 14 exports it (see ``tests/qdpx_fixtures.py``): the
    main coder codes each passage whole; the second coder cuts the first sentence of each
    passage short and skips the last passage of each transcript."""
    import uuid
    import zipfile
    from html import escape

    def guid(*key):
        return str(uuid.uuid5(uuid.NAMESPACE_URL, "plant/" + "/".join(key))).upper()

    ns = "urn:QDA-XML:project:1.0"
    users = {c: guid("user", c) for c in (MAIN_CODER, SECOND_CODER)}
    codes = sorted({code for _, passages in FOLLOW_UPS for code, _ in passages})
    xml = [
        f'<?xml version="1.0" encoding="utf-8"?>\n<Project name="Wawancara lanjutan" '
        f'origin="NVivo 14" xmlns="{ns}">\n  <Users>\n'
    ]
    xml += [f'    <User guid="{g}" name="{c}" />\n' for c, g in users.items()]
    xml.append("  </Users>\n  <CodeBook>\n    <Codes>\n")
    for question in sorted({c.split(".")[0] for c in codes}):
        xml.append(
            f'      <Code guid="{guid("code", question)}" name="{question}" isCodable="false">\n'
        )
        for c in codes:
            if c.startswith(question + "."):
                key = c.split(".")[1]
                xml.append(
                    f'        <Code guid="{guid("code", c)}" name="{key}" isCodable="true" />\n'
                )
        xml.append("      </Code>\n")
    xml.append("    </Codes>\n  </CodeBook>\n  <Cases>\n")
    for iid, _ in FOLLOW_UPS:
        xml.append(
            f'    <Case guid="{guid("case", iid)}" name="{iid}">\n'
            f'      <SourceRef targetGUID="{guid("source", iid)}" />\n    </Case>\n'
        )
    xml.append("  </Cases>\n  <Sources>\n")
    files = {}
    for iid, passages in FOLLOW_UPS:
        lines = ["P: Bisa diceritakan lagi?"]
        sels = []
        for i, (code, text) in enumerate(passages):
            head = "I: "
            start = _utf16("\r\n".join(lines) + "\r\n" + head)
            lines.append(head + text)
            end = start + _utf16(text)
            sels.append((MAIN_CODER, code, start, end))
            if i < len(passages) - 1:
                cut = text.index(" ", len(text) // 2)
                sels.append((SECOND_CODER, code, start, start + _utf16(text[:cut])))
        body = "\r\n".join(lines) + "\r\n"
        txt = guid("text", iid)
        files[f"Sources/{txt}.txt"] = b"\xef\xbb\xbf" + body.encode("utf-8")
        xml.append(
            f'    <TextSource guid="{guid("source", iid)}" name="Wawancara lanjutan '
            f'{iid}" plainTextPath="internal://{txt}.txt">\n'
        )
        for n, (coder, code, start, end) in enumerate(sels):
            sel = guid("sel", iid, str(n))
            xml.append(
                f'      <PlainTextSelection guid="{sel}" name="{escape("Referensi " + str(n + 1))}" '
                f'startPosition="{start}" endPosition="{end}" creatingUser="{users[coder]}">\n'
                f'        <Coding guid="{guid("coding", iid, str(n))}" '
                f'creatingUser="{users[coder]}">\n'
                f'          <CodeRef targetGUID="{guid("code", code)}" />\n'
                "        </Coding>\n      </PlainTextSelection>\n"
            )
        xml.append("    </TextSource>\n")
    xml.append("  </Sources>\n</Project>\n")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in [("project.qde", "".join(xml).encode("utf-8")), *files.items()]:
            zf.writestr(zipfile.ZipInfo(name, (2026, 2, 20, 9, 0, 0)), data)
    return buf.getvalue()


def word_transcript(path: Path) -> None:
    """A transcript coded with Word comments (python-docx ``add_comment``: Word's
    ``commentRangeStart``/``End`` and ``commentReference``); one comment holds two codes,
    one code is written as its label, one quote names I-04 by given name."""
    import docx

    d = docx.Document()
    d.core_properties.author = MAIN_CODER
    d.add_paragraph("Keterangan: P = Peneliti, I = Informan")
    d.add_paragraph("P: Apa yang dilakukan Dinas Sosial untuk PSM?")
    p = d.add_paragraph("I: ")
    r = p.add_run("Ada bimtek setahun sekali, kata Bu Marlina juga begitu.")
    c = d.add_comment([r], text="peran.bimtek", author=MAIN_CODER, initials="P")
    c.add_paragraph("Pembinaan dan pendampingan PSM")
    p = d.add_paragraph("I: Tapi ")
    r = p.add_run("belum semua desa punya PSM")
    p.add_run(".")
    d.add_comment([r], text="Hambatan > Desa tanpa PSM", author=MAIN_CODER, initials="P")
    d.save(str(path))


def survey_rows(rng: random.Random, cb, n: int = N_RESPONDENTS) -> list[dict]:
    """Respondents as {column: value}: profile from the codebook's choices, answers on each
    item's scale around a respondent level (reverse items answered the other way)."""
    rows = []
    choices = {f.id: list(f.choices) for f in cb.profile}
    for r in range(n):
        trained = rng.random() < 0.6
        row = {
            "responden": f"P{r + 1:03d}",
            "desa": rng.choice(choices["desa"]),
            "jenis_kelamin": rng.choice(choices["jenis_kelamin"]),
            "umur": rng.randint(23, 61),
            "pendidikan": rng.choice(choices["pendidikan"][:5]),
            "lama_psm": rng.choice([1, 2, 2.5, 3, 4, 6, 7, 9, 11, 15]),
            "diklat": "Ya" if trained else "Tidak",
            "bimtek": "Ya" if (trained if rng.random() > 0.2 else not trained) else "Tidak",
        }
        level = rng.gauss(0.3 if trained else -0.3, 0.6)
        for item in cb.items:
            scale = cb.scale_of_item(item.id)
            score = round(3.4 + level + rng.gauss(0, 0.7))
            score = max(scale.low, min(scale.high, score))
            row[item.id] = scale.low + scale.high - score if item.reverse else score
        rows.append(row)
    return rows


def fill_sheet(path: Path, first_row: int, rows: list[dict]) -> None:
    """Type ``rows`` into the ``Data`` sheet under the codes of row 1, from ``first_row``."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["Data"]
    header = [c.value for c in ws[1]]
    for extra in sorted({k for r in rows for k in r} - set(header)):
        header.append(extra)
        ws.cell(1, len(header), extra)
    for i, row in enumerate(rows):
        for key, value in row.items():
            ws.cell(first_row + i, header.index(key) + 1, value)
    wb.save(path)


def register_rows(rng: random.Random, paths, only: tuple[str, ...] | None = None) -> list[dict]:
    """As many PSM per kecamatan as Tabel I.2 (of the kecamatan ``only``, or all), spread
    over its desa at random; about one in nine inactive, two in three trained."""
    from psm_analysis.regions import desa_table, kecamatan_table
    from psm_analysis.register.sources import table_i2

    villages = desa_table(paths)
    i2 = table_i2(paths).set_index("kecamatan")["jumlah_psm"]
    rows = []
    for kec in kecamatan_table(paths)["nama"]:
        if only is not None and kec not in only:
            continue
        desa = villages.loc[villages["kecamatan"] == kec, "nama"].tolist()
        for _ in range(int(i2[kec])):
            n = len(rows) + 1
            year = rng.randint(2001, 2024)
            trained = rng.random() < 2 / 3
            rows.append(
                {
                    "id_psm": f"SK-{n:03d}",
                    "kecamatan": kec,
                    "desa_kelurahan": rng.choice(desa),
                    "status": "tidak aktif" if rng.random() < 1 / 9 else "aktif",
                    "tahun_penetapan": year,
                    "diklat": "ya" if trained else "tidak",
                    "tahun_diklat": rng.randint(max(year, 2008), 2025) if trained else None,
                    "bimtek": "ya" if rng.random() < 2 / 3 else "tidak",
                    "nama": REGISTER_NAMES[n % len(REGISTER_NAMES)],
                }
            )
    return rows


def plant(root: str | Path, seed: int = SEED, variant: str | None = None) -> list[Path]:
    """Write the real-shaped inputs (of ``variant``, one of :data:`VARIANTS`, or the
    complete set) into the project at ``root``; return the files written."""
    if variant is not None and variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}; one of {VARIANTS}")
    from psm_analysis.config import get_paths
    from psm_analysis.files import write_bytes
    from psm_analysis.interviews.codebook import load_interview_codebook as interview_codebook
    from psm_analysis.register.template import write_template as register_template
    from psm_analysis.survey import load_survey_codebook as survey_codebook
    from psm_analysis.survey.template import write_template as survey_template

    root = Path(root).resolve()
    paths = get_paths(root)
    rng = random.Random(seed)

    cb = survey_codebook(paths.raw_survey / "codebook.yml")
    survey = root / SURVEY_FILE
    survey_template(survey, cb)
    n = FEW_RESPONDENTS if variant == "sedikit-responden" else N_RESPONDENTS
    fill_sheet(survey, 3, survey_rows(rng, cb, n))  # row 1 codes, row 2 statements

    codes = [c.path for c in interview_codebook(paths=paths).codes if c.codable]
    segments = codings(rng, codes)
    roster = INFORMANTS + ((UNCODED,) if variant == "informan-belum-dikodekan" else ())
    write_bytes(root / ROSTER_FILE, roster_csv(roster))
    write_bytes(root / CODINGS_FILE, codings_csv(segments))
    second = qualcoder_csv(rng, segments, codes)  # drawn in every variant: same answers after
    written = list(FILES)
    if variant == "satu-pengkode":  # the second coder's files (QualCoder, NVivo) stay out
        written.remove(QUALCODER_FILE)
        written.remove(QDPX_FILE)
    else:
        write_bytes(root / QUALCODER_FILE, second)
        write_bytes(root / QDPX_FILE, nvivo_qdpx())
    word_transcript(root / WORD_FILE)

    register = root / REGISTER_FILE
    register_template(register, paths)
    only = ("Bunut",) if variant == "register-sebagian" else None
    fill_sheet(register, 2, register_rows(rng, paths, only))
    return [root / f for f in written]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", help="root of a copy of the project (not your own checkout)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--variant", choices=VARIANTS, help="a shape of the fieldwork's weeks")
    args = parser.parse_args(argv)
    for path in plant(args.root, args.seed, args.variant):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
