"""Inputs as the researcher's Windows laptop saves them (issue 24).

Excel on a Windows set to Indonesian saves "CSV (semicolon delimited)" / "CSV (Comma
delimited)" in the ANSI code page Windows-1252, with ``;`` as separator (the list
separator of a locale with a decimal comma), CRLF line ends, and every row padded with
separators to the width of the used range; Notepad's "ANSI" is Windows-1252 and its
"Unicode" is UTF-16 with a BOM. Every input read through :mod:`psm_analysis.csvtext` must
give the same result from those bytes as from the UTF-8 files the project ships.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest

from psm_analysis import pipeline, thesis
from psm_analysis.config import get_paths
from psm_analysis.errors import DataError
from psm_analysis.interviews import codebook as interview_codebook
from psm_analysis.survey import codebook as survey_codebook
from tests.conftest import digest


def excel_indonesian_csv(path: Path) -> None:
    """Rewrite the UTF-8 CSV ``path`` as Excel (Indonesian Windows) saves it: cp1252,
    ``;``, CRLF, every row padded to the widest (Excel writes the used range)."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    width = max(len(r) for r in rows)
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for r in rows:
        writer.writerow(r + [""] * (width - len(r)))
    path.write_bytes(out.getvalue().encode("cp1252"))


def test_every_shipped_csv_saved_by_excel_cleans_to_the_same_bytes(make_project):
    plain, excel = make_project(notebooks=False), make_project(notebooks=False)
    converted = sorted((excel / "data/raw/dinsos").glob("*.csv")) + sorted(
        (excel / "data/raw/reference").glob("*.csv")
    )
    # the Dinas Sosial tables, their sources and the text's claims, the two reference lists
    assert {p.name for p in converted} >= {
        "sumber_tabel.csv",
        "klaim_teks.csv",
        "tabel_I_1.csv",
        "tabel_I_4.csv",
        "psks_permensos_08_2012.csv",
        "wilayah_pelalawan_kepmendagri_2025.csv",
    }
    for p in converted:
        excel_indonesian_csv(p)
        assert b";" in p.read_bytes() and b"\r\n" in p.read_bytes()
    pipeline.clean(get_paths(plain))
    pipeline.clean(get_paths(excel))
    expected = digest(plain / "data/processed")
    assert len(expected) > 10
    assert digest(excel / "data/processed") == expected


def test_sources_file_with_an_ellipsis_in_cp1252(project_copy):
    from psm_analysis.dinsos.sources import read_sources

    f = project_copy / "data/raw/dinsos/sumber_tabel.csv"
    text = f.read_text(encoding="utf-8").replace(
        "Jenis dan Jumlah", "Jenis dan Jumlah \u201cTenaga\u201d \u2013"
    )
    f.write_text(text, encoding="utf-8")
    excel_indonesian_csv(f)
    assert b"\x93Tenaga\x94 \x96" in f.read_bytes()
    df = read_sources(get_paths(project_copy))
    assert df.loc[df["tabel"] == "I.1", "judul"].item() == (
        "Jenis dan Jumlah \u201cTenaga\u201d \u2013 Tenaga Sosial Masyarakat di Kabupaten Pelalawan"
    )


ROOT = Path(__file__).resolve().parents[1]
#: Typographic marks Notepad and Excel write as single cp1252 bytes (0x93, 0x94, 0x96, 0x85).
MARKS = " \u201cperan\u201d \u2013 dst\u2026"


def test_interview_codebook_saved_as_ansi_by_notepad(tmp_path):
    text = (ROOT / "data/raw/interviews/codebook_wawancara.yml").read_text(encoding="utf-8")
    text = text.replace(
        "label: Peranan Dinas Sosial dalam meningkatkan kinerja PSM",
        "label: Peranan Dinas Sosial dalam meningkatkan kinerja PSM" + MARKS,
    )
    shipped = tmp_path / "utf8.yml"
    shipped.write_text(text, encoding="utf-8")
    ansi = tmp_path / "codebook_wawancara.yml"
    ansi.write_bytes(text.replace("\n", "\r\n").encode("cp1252"))
    unicode = tmp_path / "unicode.yml"
    unicode.write_bytes(text.encode("utf-16"))
    expected = interview_codebook.from_yaml(shipped)
    assert interview_codebook.from_yaml(ansi) == expected
    assert interview_codebook.from_yaml(unicode) == expected
    assert b"PSM \x93peran\x94 \x96 dst\x85" in ansi.read_bytes()
    assert [c.label for c in expected.codes][0].endswith(MARKS)


def test_survey_codebook_saved_as_ansi(tmp_path):
    text = (ROOT / "data/raw/survey/codebook.yml").read_text(encoding="utf-8")
    text = text.replace("(Studi di Kecamatan Bunut)", "(Studi di Kecamatan Bunut)" + MARKS)
    (tmp_path / "utf8").mkdir()
    (tmp_path / "ansi").mkdir()
    (tmp_path / "utf8/codebook.yml").write_text(text, encoding="utf-8")
    (tmp_path / "ansi/codebook.yml").write_bytes(text.replace("\n", "\r\n").encode("cp1252"))
    utf8 = survey_codebook.load_survey_codebook(tmp_path / "utf8/codebook.yml")
    ansi = survey_codebook.load_survey_codebook(tmp_path / "ansi/codebook.yml")
    assert utf8.title.endswith(MARKS)
    assert replace(ansi, path=utf8.path) == utf8


def test_bad_yaml_in_the_interview_codebook_is_located(tmp_path):
    f = tmp_path / "codebook_wawancara.yml"
    f.write_bytes(b"kode:\r\n  - nama: a\r\n  nama: [\r\n")
    with pytest.raises(DataError) as err:
        interview_codebook.from_yaml(f)
    problem = err.value.problems[0]
    assert problem.message.startswith("YAML tidak sah: ")
    assert (problem.file, problem.row) == (str(f), 3)


def test_thesis_yml_saved_as_ansi_and_a_binary_one(project_copy):
    paths = get_paths(project_copy)
    f = project_copy / "thesis.yml"
    f.write_bytes("# Penempatan \u2013 BAB\r\nbab: V\r\n".encode("cp1252"))
    assert thesis.load_plan(paths).chapter == 5
    f.write_bytes(b"bab: V\r\n\x00\x81")
    with pytest.raises(DataError) as err:
        thesis.load_plan(paths)
    assert str(err.value).startswith(
        'berkas thesis.yml, baris 2: berkas bukan teks yang dapat dibaca: nilai "bita 0x00"'
    )


def test_psks_reference_with_a_bad_number_is_located(project_copy):
    from psm_analysis import psks

    f = project_copy / "data/raw/reference/psks_permensos_08_2012.csv"
    f.write_text(
        f.read_text(encoding="utf-8").replace("\n2,Pekerja", "\ndua,Pekerja"), encoding="utf-8"
    )
    with pytest.raises(DataError) as err:
        psks.psks_table(get_paths(project_copy))
    assert str(err.value) == (
        "berkas data/raw/reference/psks_permensos_08_2012.csv, baris 3, kolom 'no': "
        'nomor urut tidak sah: nilai "dua" (yang diharapkan: angka)'
    )
