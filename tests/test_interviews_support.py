"""Shared helpers for the interview tests: a throw-away project folder.

(Named test_interviews_* so that it belongs with the interview tests; it holds one test of
its own, that the helper builds what the others expect.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

from psm_analysis.config import get_paths

ROOT = get_paths().root
CODEBOOK = ROOT / "data/raw/interviews/codebook_wawancara.yml"
XSD = ROOT / "data/raw/reference/refi_qda_codebook_1_0.xsd"
PROJECT_XSD = ROOT / "data/raw/reference/refi_qda_project_1_0.xsd"

ROSTER_CSV = (
    "id_informan,nama,jabatan,kelompok,tanggal_wawancara,dokumen\n"
    "I-01,Bambang Sutrisno,Kepala Bidang,Dinas Sosial,2019-05-02,Wawancara Bambang\n"
    "I-02,Wulandari Siregar,TKSK Bunut,TKSK,2019-05-03,Wawancara 02\n"
    "I-03,Hj. Rosmawati Nasution,PSM,PSM,2019-05-04,Wawancara 03\n"
    "I-04,Teguh Prasetyo,Kepala Desa,Pemerintah Kecamatan/Desa,2019-05-05,Wawancara 04\n"
)


def make_project(tmp: Path, roster: str | None = ROSTER_CSV, demo: bool = False):
    """A minimal project under ``tmp``: codebook, schema, empty folders; the roster in
    data/raw/private (or, with ``demo=True``, the committed demo inputs)."""
    paths = get_paths(tmp)
    for folder in (paths.raw_interviews, paths.raw_private, paths.raw_reference, paths.processed):
        folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(CODEBOOK, paths.raw_interviews / CODEBOOK.name)
    shutil.copy(XSD, paths.raw_reference / XSD.name)
    shutil.copy(PROJECT_XSD, paths.raw_reference / PROJECT_XSD.name)
    if roster is not None:
        (paths.raw_private / "informan.csv").write_text(roster, encoding="utf-8")
    if demo:
        shutil.copytree(ROOT / "data/demo/interviews", paths.demo / "interviews")
        shutil.copytree(ROOT / "data/demo/private", paths.demo / "private")
    return paths


def test_make_project_builds_the_expected_folders(tmp_path):
    paths = make_project(tmp_path)
    assert (paths.raw_interviews / "codebook_wawancara.yml").is_file()
    assert (paths.raw_reference / "refi_qda_codebook_1_0.xsd").is_file()
    assert (paths.raw_private / "informan.csv").read_text(encoding="utf-8").count("\n") == 5
