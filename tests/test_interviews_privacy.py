"""The privacy guard: names never leave the private folder."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import openpyxl  # noqa: E402
from docx import Document  # noqa: E402
from test_interviews_support import ROOT, ROSTER_CSV, make_project  # noqa: E402

from psm_analysis.errors import DataError  # noqa: E402
from psm_analysis.interviews.pipeline import build_outputs  # noqa: E402
from psm_analysis.interviews.privacy import (  # noqa: E402
    AMBIGUOUS,
    FileScanner,
    make_quote_redactor,
    make_redactor,
    name_variants,
    place_names,
    roster_names,
    scan_files,
    scan_texts,
)
from psm_analysis.pipeline import write_outputs  # noqa: E402

# Quotes with the roster names planted in every form the guard must catch.
PLANTED_CSV = (
    "id_informan,dokumen,kode,kutipan,pengkode\n"
    'I-01,Wawancara Bambang,hambatan.anggaran,"Saya Bambang Sutrisno, dananya kecil.",peneliti\n'
    "I-02,Wawancara 02,hambatan.kurang_pembinaan,Bu WULANDARI jarang dibina pak sutrisno.,"
    "peneliti\n"
    'I-03,Wawancara 03,peran.diklat,"Rosmawati   Nasution ikut Diklat, kata Siregar.",peneliti\n'
    "I-04,Wawancara 04,hambatan.desa_tanpa_psm,Teguh bilang desa Prasetyo belum ada PSM.,"
    "peneliti\n"
)
ALL_VARIANTS = [
    "Bambang Sutrisno",
    "Bambang",
    "Sutrisno",
    "Wulandari Siregar",
    "Wulandari",
    "Siregar",
    "Hj. Rosmawati Nasution",
    "Rosmawati",
    "Nasution",
    "Teguh Prasetyo",
    "Teguh",
    "Prasetyo",
]


def test_name_variants_rule():
    assert name_variants("Hj. Rosmawati Nasution, S.Sos") == [
        "Hj. Rosmawati Nasution",
        "Rosmawati Nasution",
        "Rosmawati",
        "Nasution",
    ]
    assert name_variants("Rosmawati Nasution") == ["Rosmawati Nasution", "Rosmawati", "Nasution"]
    # parts shorter than 3 letters and honorifics are not looked for on their own
    assert name_variants("Ibu Nur Aini binti Ali") == [
        "Ibu Nur Aini binti Ali",
        "Nur Aini Ali",
        "Nur",
        "Aini",
        "Ali",
    ]
    assert name_variants("M. Yusuf Al Amin") == ["M. Yusuf Al Amin", "Yusuf Amin", "Yusuf", "Amin"]
    assert name_variants("Bapak Drs. H. Syamsul Bahri") == [
        "Bapak Drs. H. Syamsul Bahri",
        "Syamsul Bahri",
        "Syamsul",
        "Bahri",
    ]
    assert name_variants("Teguh") == ["Teguh"]


def test_redactor_replaces_names_by_pseudonyms():
    redact = make_redactor(
        {"I-01 (PSM)": "Rina Marlina", "I-02 (TKSK)": "Rina Wati", "I-03 (PSM)": "Budi Santoso"}
    )
    assert redact("Rina Marlina dan budi, bukan Marina; SANTOSO!") == (
        "I-01 (PSM) dan I-03 (PSM), bukan Marina; I-03 (PSM)!"
    )
    assert redact("Kata Rina.") == f"Kata {AMBIGUOUS}."  # shared by two informants
    assert redact("Budi  Santoso") == "I-03 (PSM)"


def test_quote_redactor_uses_placeholders_by_group():
    redact = make_quote_redactor(
        [
            ("PSM", "Andika Pratama"),
            ("PSM", "Nurhayati Lubis"),
            ("PSM", "Irwan Syahputra"),
            ("PSM", "Maya Safitri"),
            ("TKSK", "Rina Wati"),
            ("Dinas Sosial", "Rina Marlina"),
        ]
    )
    # issue 21: "Pak I-05 (PSM) dan Bu I-06 (PSM) sudah ikut Diklat, tapi I-07 (PSM) ..."
    assert redact("Pak Andika dan Bu Nurhayati sudah ikut Diklat, tapi Irwan dan Maya belum.") == (
        "Pak [nama PSM] dan Bu [nama PSM] sudah ikut Diklat, tapi [nama PSM] dan [nama PSM] belum."
    )
    assert redact("Nama saya Andika Pratama.") == "Nama saya [nama PSM]."
    # a part two groups share: the general placeholder; a whole name: its own group
    assert redact("Kata Rina.") == "Kata [nama informan]."
    assert redact("Kata Rina Marlina.") == "Kata [nama informan]."
    assert redact("Kata Rina Wati.") == "Kata [nama TKSK]."


def test_planted_names_do_not_reach_any_output(tmp_path):
    paths = make_project(tmp_path)
    (paths.raw_interviews / "segmen_terkode.csv").write_text(PLANTED_CSV, encoding="utf-8")
    out = build_outputs(paths)
    written, _ = write_outputs(out.files, paths.processed)
    assert (
        len(written) == 15
    )  # with wawancara_kesepakatan_karakter.csv and wawancara_pertanyaan.csv
    assert scan_files(written, ALL_VARIANTS) == []
    for f in written:
        text = f.read_bytes().decode("utf-8").casefold()
        for name in ALL_VARIANTS:
            assert not re.search(rf"\b{re.escape(name.casefold())}\b", text), (f.name, name)
    # inside a quote a name becomes a placeholder by the named person's group, never a
    # pseudonym code: the sentence stays Indonesian and tells no one which informant did what
    quotes = out.files["wawancara_kutipan.csv"].set_index("pseudonim")
    assert quotes.loc["I-01 (Dinas Sosial)", "kutipan"] == "Saya [nama informan], dananya kecil."
    assert quotes.loc["I-03 (PSM)", "kutipan"] == "[nama PSM] ikut Diklat, kata [nama TKSK]."
    assert (
        quotes.loc["I-02 (TKSK)", "kutipan"] == "Bu [nama TKSK] jarang dibina pak [nama informan]."
    )
    assert not quotes["kutipan"].str.contains(r"I-\d", regex=True).any()
    # cited as theses cite interviews, with the roster's date
    assert quotes.loc["I-03 (PSM)", "sitasi"] == "(Wawancara dengan Informan I-03, PSM, 4 Mei 2019)"
    assert quotes.loc["I-03 (PSM)", "tanggal_wawancara"] == "2019-05-04"
    seg = out.files["wawancara_segmen.csv"]
    assert seg["dokumen"].iloc[0] == "Wawancara I-01 (Dinas Sosial)"  # name in a doc name
    assert "nama" not in out.files["wawancara_informan.csv"].columns
    assert not any("informan.csv" == n or n.startswith("informan") for n in out.files)


def test_builder_refuses_a_name_that_would_leak_through_another_column(tmp_path):
    roster = ROSTER_CSV.replace("Kepala Desa,", "Kepala Desa (suami Wulandari),")
    paths = make_project(tmp_path, roster=roster)
    (paths.raw_interviews / "segmen_terkode.csv").write_text(PLANTED_CSV, encoding="utf-8")
    with pytest.raises(DataError) as err:
        build_outputs(paths)
    (problem,) = err.value.problems
    assert problem.file == "data/processed/wawancara_informan.csv"
    assert "W*******i" in problem.message and "Wulandari" not in str(problem)


def _leaky_files(folder):
    name = "Bambang Sutrisno"
    files = {}
    f = folder / "laporan.html"
    f.write_text(
        "<html><body><p>Kata <b>Bambang</b>&nbsp;Sutrisno</p></body></html>", encoding="utf-8"
    )
    files["html"] = f
    f = folder / "tabel.csv"
    f.write_text(f'kutipan\n"Saya {name.upper()}"\n', encoding="utf-8")
    files["csv"] = f
    wb = openpyxl.Workbook()
    wb.active["B3"] = f"oleh {name}"
    f = folder / "tabel.xlsx"
    wb.save(f)
    files["xlsx"] = f
    doc = Document()
    p = doc.add_paragraph("Wawancara dengan ")
    p.add_run("Bam")
    p.add_run("bang")  # split over runs, as Word does
    f = folder / "tabel.docx"
    doc.save(f)
    files["docx"] = f
    fig, ax = plt.subplots()
    ax.set_title(f"Kutipan {name}")
    f = folder / "gambar.pdf"
    fig.savefig(f)
    plt.close(fig)
    files["pdf"] = f
    f = folder / "catatan.md"
    f.write_text("Sumber: wawancara dengan sutrisno.\n", encoding="utf-8")
    files["md"] = f
    f = folder / "bersih.csv"
    f.write_text("kutipan\nBambangan bukan nama\n", encoding="utf-8")  # no whole-word match
    files["clean"] = f
    return files


def test_file_scanner_reads_a_file_again_only_when_it_changed(tmp_path, monkeypatch):
    """reproduce scans each output as it is written and everything again at the end: a
    file left as it was is not read twice, a rewritten one is (a name added is found)."""
    import os

    from psm_analysis.interviews import privacy

    clean = tmp_path / "bersih.md"
    clean.write_text("Tidak ada nama di sini.", encoding="utf-8")
    later = tmp_path / "nanti.md"
    later.write_text("Belum ada nama.", encoding="utf-8")
    read: list[str] = []
    real = privacy.file_parts
    monkeypatch.setattr(privacy, "file_parts", lambda p: read.append(p.name) or real(p))
    scanner = FileScanner(["Bambang Sutrisno", "Bambang", "Sutrisno"])
    assert scanner([clean, later]) == []
    assert scanner([clean, later]) == []
    assert read == ["bersih.md", "nanti.md"]
    later.write_text("Kata Bambang, belum ada nama.", encoding="utf-8")
    os.utime(later, ns=(1, 1))  # a different modification time, as any rewrite has
    problems = scanner([clean, later])
    assert read == ["bersih.md", "nanti.md", "nanti.md"]
    assert [p.file.rsplit("/", 1)[-1] for p in problems] == ["nanti.md"]
    assert "B*****g" in problems[0].message


def test_file_scanner_skips_a_file_deleted_while_it_reads_and_reads_it_later(tmp_path, monkeypatch):
    """reproduce scans the outputs while notebooks run, and a notebook deletes its old
    outputs as it starts: a file gone between the listing and the reading is skipped (not
    an error, not remembered as clean), and read by the next call if it is back."""
    from psm_analysis.interviews import privacy

    table = tmp_path / "04_tabel.md"
    table.write_text("Kata Bambang.", encoding="utf-8")
    real = privacy.file_parts

    def deleted_meanwhile(path):
        path.unlink()
        return real(path)

    monkeypatch.setattr(privacy, "file_parts", deleted_meanwhile)
    scanner = FileScanner(["Bambang Sutrisno", "Bambang", "Sutrisno"])
    assert scanner([table]) == []
    monkeypatch.setattr(privacy, "file_parts", real)
    table.write_text("Kata Bambang.", encoding="utf-8")  # written again by the notebook
    assert [p.file.rsplit("/", 1)[-1] for p in scanner([table])] == ["04_tabel.md"]


def test_file_scanner_searches_a_piece_shared_by_files_once(tmp_path, monkeypatch):
    """Every Word table carries the same styles part (0.9 MB): it is searched once, and
    a name in it is still reported in each file that carries it."""
    from docx import Document

    from psm_analysis.interviews import privacy

    def docx(name: str, text: str, author: str) -> Path:
        doc = Document()  # python-docx's own template: the same styles part in each
        doc.add_paragraph(text)
        doc.core_properties.author = author
        doc.save(tmp_path / name)
        return tmp_path / name

    files = [
        docx("a.docx", "Tabel satu.", "psm-analysis"),
        docx("b.docx", "Tabel dua.", "psm-analysis"),
        docx("c.docx", "Tabel tiga.", "Bambang Sutrisno"),  # the name in core.xml only
    ]
    searched: list[int] = []
    real = privacy.part_texts
    monkeypatch.setattr(
        privacy, "part_texts", lambda kind, data: searched.append(len(data)) or real(kind, data)
    )
    scanner = FileScanner(["Bambang Sutrisno", "Bambang", "Sutrisno"])
    problems = scanner(files)
    assert [p.file.rsplit("/", 1)[-1] for p in problems] == ["c.docx"]
    assert "(B*****g, B**************o, S******o)" in problems[0].message
    parts = [len(data) for _, data in privacy.file_parts(files[0])]
    big = max(parts)
    assert big > 400_000  # word/styles.xml
    assert searched.count(big) == 1  # not 3
    # each file's document.xml differs, so it is searched in each file
    assert len(searched) < 3 * len(parts)

    # a name in the shared piece is reported for every file that carries it
    shared = tmp_path / "shared"
    shared.mkdir()
    with zipfile.ZipFile(files[0]) as zf:
        entries = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    entries["word/styles.xml"] = entries["word/styles.xml"].replace(
        b"</w:styles>", b"<w:x>Sutrisno</w:x></w:styles>"
    )
    copies = []
    for name in ("x.docx", "y.docx"):
        with zipfile.ZipFile(shared / name, "w") as zf:
            for fname, content in entries.items():
                zf.writestr(fname, content)
        copies.append(shared / name)
    found = scanner(copies)
    assert [p.file.rsplit("/", 1)[-1] for p in found] == ["x.docx", "y.docx"]
    assert all("(S******o)" in p.message for p in found)


def test_scan_files_reports_each_leaky_file(tmp_path):
    files = _leaky_files(tmp_path)
    problems = scan_files(files.values(), ["Bambang Sutrisno", "Bambang", "Sutrisno"])
    reported = {p.file.rsplit("/", 1)[-1] for p in problems}
    assert reported == {
        "laporan.html",
        "tabel.csv",
        "tabel.xlsx",
        "tabel.docx",
        "gambar.pdf",
        "catatan.md",
    }
    assert all("Bambang" not in str(p) and "Sutrisno" not in str(p) for p in problems)
    assert len(problems) == 6  # one per file
    html = next(p for p in problems if p.file.endswith("laporan.html"))
    assert "(B*****g, B**************o, S******o)" in html.message


def test_roster_names_of_the_demo_roster(tmp_path):
    names = roster_names(make_project(tmp_path, roster=None, demo=True))
    assert len(names) == 36  # 12 full names + 24 parts (no titles in the demo names)
    assert names[:4] == ["Andika", "Andika Pratama", "Dedi", "Dedi Kurniawan"]
    assert "Sri" in names and "Sri Rahayu" in names


def test_roster_names_prefers_the_real_roster(tmp_path):
    paths = make_project(tmp_path, demo=True)
    (paths.raw_interviews / "segmen_terkode.csv").write_text(PLANTED_CSV, encoding="utf-8")
    names = roster_names(paths)
    assert "Teguh Prasetyo" in names and "Andika" not in names
    (paths.raw_interviews / "segmen_terkode.csv").unlink()  # demo in use, real roster kept
    names = roster_names(paths)
    assert "Teguh Prasetyo" in names and "Andika" in names


@pytest.mark.needs("git")
def test_private_folder_is_git_ignored():
    def ignored(rel):
        r = subprocess.run(["git", "check-ignore", "-q", rel], cwd=ROOT)
        return r.returncode == 0

    assert ignored("data/raw/private/informan.csv")
    assert ignored("data/raw/private/informan.xlsx")
    assert ignored("data/raw/private/dokumen_informan.csv")
    assert not ignored("data/raw/private/.gitkeep")
    tracked = subprocess.run(
        ["git", "ls-files", "data/raw/private"], cwd=ROOT, capture_output=True, encoding="utf-8"
    ).stdout.split()
    assert tracked == ["data/raw/private/.gitkeep"]
    assert not ignored("data/demo/private/informan_DEMO.csv")


def test_redactor_finds_a_name_inside_an_identifier():
    redact = make_redactor({"I-05 (PSM)": "Marzuki Lubis", "I-01 (PSM)": "Rina Marlina"})
    assert [
        redact(t)
        for t in (
            "wawancara_marzuki",
            "Transkrip-Marzuki-Lubis.docx",
            "TRANSKRIP.MARZUKI.LUBIS.txt",
            "transkrip_lubis_marzuki_2.docx",
            "wawancara_marzuki2.docx",
            "data/raw/interviews/taguette__rina-marlina.csv",
            "Marina_wawancara.docx",  # "Rina" inside another word is not a name
        )
    ] == [
        "wawancara_I-05 (PSM)",
        "Transkrip-I-05 (PSM).docx",
        "TRANSKRIP.I-05 (PSM).txt",
        "transkrip_I-05 (PSM)_2.docx",
        "wawancara_I-05 (PSM)2.docx",
        "data/raw/interviews/taguette__I-01 (PSM).csv",
        "Marina_wawancara.docx",
    ]


def test_scan_catches_a_name_inside_an_identifier(tmp_path):
    leaky = tmp_path / "sumber_masukan.csv"
    leaky.write_text(
        "masukan,berkas,data_contoh\ninterviews,data/raw/interviews/wawancara_marzuki.csv,False\n",
        encoding="utf-8",
    )
    other = tmp_path / "segmen.csv"
    other.write_text("dokumen\nTranskrip-Marzuki-Lubis.docx\n", encoding="utf-8")
    clean = tmp_path / "bersih.csv"
    clean.write_text("dokumen\nwawancara_marina\n", encoding="utf-8")
    problems = scan_files([leaky, other, clean], name_variants("Marzuki Lubis"))
    masked = [(p.file.rsplit("/", 1)[-1], re.search(r"\((.*?)\)", p.message)[1]) for p in problems]
    assert masked == [
        ("segmen.csv", "L***s, M*****i, M***********s"),
        ("sumber_masukan.csv", "M*****i"),
    ]


def test_names_in_document_and_file_names_are_pseudonymised_everywhere(tmp_path):
    from psm_analysis.pipeline import INPUTS_FILE, _inputs_frame

    paths = make_project(tmp_path)
    (paths.raw_interviews / "wawancara_bambang.csv").write_text(
        "id_informan,dokumen,kode,kutipan,pengkode\n"
        "I-01,Transkrip-Bambang-Sutrisno.docx,hambatan.anggaran,Dana kecil.,peneliti\n"
        "I-02,wawancara_WULANDARI,hambatan.kurang_pembinaan,Jarang dibina.,peneliti\n",
        encoding="utf-8",
    )
    out = build_outputs(paths)
    seg = out.files["wawancara_segmen.csv"]
    assert list(seg["dokumen"]) == [
        "Transkrip-I-01 (Dinas Sosial).docx",
        "wawancara_I-02 (TKSK)",
    ]
    assert list(seg["berkas"]) == ["data/raw/interviews/wawancara_I-01 (Dinas Sosial).csv"] * 2
    assert [i.path for i in out.inputs][0] == (
        "data/raw/interviews/wawancara_I-01 (Dinas Sosial).csv"
    )
    files = out.files | {INPUTS_FILE: _inputs_frame(out.inputs)}  # as clean writes it
    written, _ = write_outputs(files, paths.processed)
    assert scan_files(written, ALL_VARIANTS) == []
    recorded = (paths.processed / "sumber_masukan.csv").read_text(encoding="utf-8")
    assert "wawancara_I-01 (Dinas Sosial).csv" in recorded and "bambang" not in recorded.lower()


def test_scan_ignores_a_name_by_chance_inside_an_embedded_image(tmp_path):
    """A rendered page embeds its figures as base64 (data: URIs); the letters of a short
    name turn up in such payloads by chance ("...9Sri+...", digits and '+' being no
    letters). That is not a leak; the same name in the page's text is."""
    from psm_analysis.interviews.privacy import name_variants, scan_files

    payload = "iVBORw0KGgoAAAANSUhEUg" + "A" * 60 + "9Sri+" + "Qk" * 40
    page = tmp_path / "04.html"
    page.write_text(f'<p>Gambar</p><img src="data:image/png;base64,{payload}">', encoding="utf-8")
    assert scan_files([page], name_variants("Sri Wahyuni")) == []
    page.write_text(
        f'<p>Kata Sri tentang honor.</p><img src="data:image/png;base64,{payload}">',
        encoding="utf-8",
    )
    assert [
        p.file.endswith("04.html") for p in scan_files([page], name_variants("Sri Wahyuni"))
    ] == [True]


def test_a_marga_that_is_also_a_place_name_is_a_place_inside_that_name(tmp_path):
    """A real roster met real place names: "Tanjung" is a marga and a word of two desa of
    Pelalawan (Tanjung Beringin, Tanjung Kuyo). Before, every output listing the desa
    made ``reproduce`` fail; now the word inside an official place name is the place,
    and outside one it is the informant (found by the real-shaped inputs of
    scripts/plant_real_shaped_inputs.py)."""
    paths = make_project(tmp_path)
    wilayah = ROOT / "data/raw/reference/wilayah_pelalawan_kepmendagri_2025.csv"
    (paths.raw_reference / wilayah.name).write_bytes(wilayah.read_bytes())
    places = place_names(paths)
    # 1 kabupaten + 12 kecamatan + 118 desa/kelurahan, 5 names shared by a kecamatan and
    # one of its desa (Langgam, Pelalawan, ...)
    assert len(places) == 131 - 5 and "Kabupaten Pelalawan" in places
    assert "Tanjung Beringin" in places and "Tanjung Kuyo" in places
    names = name_variants("Syafrizal Tanjung")

    desa = tmp_path / "desa.csv"
    desa.write_text("kode,nama\n14.05.03.2008,Tanjung Beringin\n", encoding="utf-8")
    person = tmp_path / "kutipan.csv"
    person.write_text("kutipan\nPak Tanjung dari Desa Tanjung Kuyo datang.\n", encoding="utf-8")
    underscored = tmp_path / "berkas.csv"
    underscored.write_text("dokumen\nwawancara_tanjung_kuyo\n", encoding="utf-8")
    book = openpyxl.Workbook()  # shared strings glue cells once tags are stripped
    book.active.append(["Tanjung Beringin", "Tanjung Kuyo", 3])
    book.save(xlsx := tmp_path / "desa.xlsx")
    problems = scan_files([desa, person, underscored, xlsx], names, places)
    assert [p.file.rsplit("/", 1)[-1] for p in problems] == ["kutipan.csv"]
    assert "(T*****g)" in problems[0].message
    assert len(scan_files([desa], names)) == 1  # without the places: the old false alarm

    redact = make_redactor({"I-07 (TKSK)": "Syafrizal Tanjung"}, places)
    assert redact("Syafrizal Tanjung: di Tanjung Beringin, kata Pak Tanjung.") == (
        "I-07 (TKSK): di Tanjung Beringin, kata Pak I-07 (TKSK)."
    )
    texts = {"desa.csv": "Tanjung Kuyo\n", "kutipan.csv": "Bu Tanjung\n"}
    assert [p.file for p in scan_texts(texts, ["Syafrizal Tanjung"], places)] == [
        "data/processed/kutipan.csv"
    ]


def test_an_embedded_image_is_not_read_as_text(tmp_path):
    """An executed notebook page embeds its figures as base64 PNG; the run "/sri4" in it
    (found in notebook 04's demo page) is bytes, not the demo informant Sri Rahayu. A
    name in the page's text is still found."""
    blob = (
        "iVBORw0KGgo"
        + "9BMFBQW8+uqrzJ8/n6efftqTbEyZMoX777+fjz/+mCeffJIRI0awc+dOwN3/sri4mFGjRvHHH38w" * 4
    )
    page = tmp_path / "04.html"
    page.write_text(f'<p>Ringkasan</p><img src="data:image/png;base64,{blob}=="/>', "utf-8")
    assert scan_files([page], ["Sri"]) == []
    page.write_text(f'<p>Kata Sri</p><img src="data:image/png;base64,{blob}"/>', "utf-8")
    assert len(scan_files([page], ["Sri"])) == 1
    notebook = tmp_path / "04.ipynb"
    notebook.write_text('{"data": {"image/png": "' + blob + '\\n"}}', "utf-8")
    assert scan_files([notebook], ["Sri"]) == []


def test_an_embedded_image_is_not_read_as_words(tmp_path):
    """Base64 of a page's PNG can hold a short name by chance ("...6608//Sri/zz5...",
    found in a rendered notebook page); a name in the page's text is still found."""
    page = tmp_path / "04.html"
    page.write_text(
        '<html><body><img src="data:image/png;base64,iVBORw0K+Sri/zz5Q4M=="></body></html>',
        encoding="utf-8",
    )
    assert scan_files([page], ["Sri"]) == []
    page.write_text(
        '<img src="data:image/png;base64,iVBORw0K=="><p>Kata Sri di teks</p>', encoding="utf-8"
    )
    assert len(scan_files([page], ["Sri"])) == 1


def test_a_png_is_scanned_in_its_text_chunks_not_its_pixels(tmp_path):
    """The compressed pixels of a figure held "Sri" by chance; a name written into the
    PNG's metadata (matplotlib's ``metadata={"Title": ...}``) is still found."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(1, 1))
    ax.plot([0, 1])
    clean, leaky = tmp_path / "bersih.png", tmp_path / "bocor.png"
    fig.savefig(clean, metadata={"Title": "Gambar"})
    fig.savefig(leaky, metadata={"Title": "Wawancara Sri"})
    plt.close(fig)
    chance = tmp_path / "kebetulan.png"
    chance.write_bytes(clean.read_bytes() + b"IDAT+Sri/")  # bytes after the chunks
    assert scan_files([clean, chance], ["Sri"]) == []
    assert [p.file for p in scan_files([leaky], ["Sri"])] == [str(leaky)]
