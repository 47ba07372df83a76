"""The interview builder and the demo inputs."""

from __future__ import annotations

import shutil

import pytest
from test_interviews_privacy import PLANTED_CSV
from test_interviews_support import ROOT, make_project

from psm_analysis.errors import DataError
from psm_analysis.files import csv_bytes
from psm_analysis.interviews.demo import (
    INFORMANTS,
    SECOND_CODER_INFORMANTS,
    write_demo_inputs,
)
from psm_analysis.interviews.pipeline import build_outputs, locate_inputs
from psm_analysis.interviews.roster import GROUPS
from psm_analysis.pipeline import InputInfo

OUTPUTS = [
    "wawancara_codebook.csv",
    "wawancara_codebook.qdc",
    "wawancara_codebook_taguette.csv",
    "wawancara_hambatan_peringkat.csv",
    "wawancara_informan.csv",
    "wawancara_kesepakatan.csv",
    "wawancara_kesepakatan_karakter.csv",
    "wawancara_ketidaksepakatan.csv",
    "wawancara_kode_frekuensi.csv",
    "wawancara_kutipan.csv",
    "wawancara_matriks_kode_informan.csv",
    "wawancara_matriks_kode_kelompok.csv",
    "wawancara_pertanyaan.csv",
    "wawancara_segmen.csv",
    "wawancara_triangulasi.csv",
]


def test_demo_is_used_when_data_raw_has_no_codings(tmp_path):
    paths = make_project(tmp_path, roster=None, demo=True)
    out = build_outputs(paths)
    assert sorted(out.files) == OUTPUTS
    assert out.inputs == [
        InputInfo("interviews", "data/demo/interviews/segmen_terkode_DEMO.csv", True),
        InputInfo(
            "interviews", "data/demo/interviews/taguette_highlights_DEMO__pengkode_2.csv", True
        ),
        InputInfo("interviews", "data/demo/private/informan_DEMO.csv", True),
        InputInfo("interviews", "data/raw/interviews/codebook_wawancara.yml", False),
        InputInfo("reference", "data/raw/reference/refi_qda_codebook_1_0.xsd", False),
    ]
    assert out.files["wawancara_segmen.csv"]["berkas"].iloc[0] == (
        "data/demo/interviews/segmen_terkode_DEMO.csv"
    )
    assert set(out.files["wawancara_informan.csv"]["sumber"]) == {
        "DATA CONTOH - bukan data penelitian (wawancara rekaan)"
    }


def test_real_codings_replace_the_demo(tmp_path):
    paths = make_project(tmp_path, demo=True)
    (paths.raw_interviews / "segmen_terkode.csv").write_text(PLANTED_CSV, encoding="utf-8")
    inputs = locate_inputs(paths)
    assert inputs.demo is False
    assert [p.name for p in inputs.codings] == ["segmen_terkode.csv"]  # not the codebook
    out = build_outputs(paths)
    assert {i.demo for i in out.inputs} == {False}
    assert len(out.files["wawancara_informan.csv"]) == 4
    assert set(out.files["wawancara_segmen.csv"]["sumber"]) == {
        "Hasil wawancara penelitian, Kecamatan Bunut"
    }


def test_real_codings_without_roster(tmp_path, monkeypatch):
    monkeypatch.setenv("PSM_ANALYSIS_ROOT", str(tmp_path))
    paths = make_project(tmp_path, roster=None, demo=True)
    (paths.raw_interviews / "segmen_terkode.csv").write_text(PLANTED_CSV, encoding="utf-8")
    with pytest.raises(DataError) as err:
        build_outputs(paths)
    assert [str(p) for p in err.value.problems] == [
        "berkas data/raw/private: daftar informan tidak ditemukan (yang diharapkan: "
        "informan.csv atau informan.xlsx (id_informan, nama, jabatan, kelompok, "
        "tanggal_wawancara))"
    ]


def test_every_problem_of_every_file_at_once(tmp_path, monkeypatch):
    monkeypatch.setenv("PSM_ANALYSIS_ROOT", str(tmp_path))
    paths = make_project(tmp_path)
    (paths.raw_interviews / "a.csv").write_text(
        "id_informan,kode,kutipan\nI-07,peran.diklat,x\n", encoding="utf-8"
    )
    (paths.raw_interviews / "b.csv").write_bytes(
        b"id,document,tag,content\r\n1,Wawancara 02,hambatan.gaji,y\r\n"
    )
    (paths.raw_interviews / "c.csv").write_text("x,y\n1,2\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        build_outputs(paths)
    assert [(p.file, p.row, p.message) for p in err.value.problems] == [
        ("data/raw/interviews/c.csv", None, "format berkas kodean tidak dikenali"),
        ("data/raw/interviews/a.csv", 2, "informan tidak ada di daftar informan"),
        ("data/raw/interviews/b.csv", 2, "kode tidak ada di codebook"),
    ]


def test_two_codebooks_are_an_error(tmp_path):
    paths = make_project(tmp_path)
    shutil.copy(
        paths.raw_interviews / "codebook_wawancara.yml",
        paths.raw_interviews / "codebook_wawancara.qdc",
    )
    (paths.raw_interviews / "segmen_terkode.csv").write_text(PLANTED_CSV, encoding="utf-8")
    with pytest.raises(DataError) as err:
        build_outputs(paths)
    assert err.value.problems[0].message.startswith("lebih dari satu codebook")


def test_qdc_codebook_replaces_the_yaml(tmp_path):
    paths = make_project(tmp_path)
    qdc = build_outputs(make_project(tmp_path / "b", demo=True)).files["wawancara_codebook.qdc"]
    (paths.raw_interviews / "codebook_wawancara.yml").unlink()
    (paths.raw_interviews / "codebook_wawancara.qdc").write_bytes(qdc)
    (paths.raw_interviews / "segmen_terkode.csv").write_text(PLANTED_CSV, encoding="utf-8")
    out = build_outputs(paths)
    assert out.files["wawancara_codebook.qdc"] == qdc


def test_same_inputs_same_bytes(tmp_path):
    a = build_outputs(make_project(tmp_path / "a", roster=None, demo=True))
    b = build_outputs(make_project(tmp_path / "b", roster=None, demo=True))
    for name in OUTPUTS:
        x, y = a.files[name], b.files[name]
        assert (x if isinstance(x, bytes) else csv_bytes(x)) == (
            y if isinstance(y, bytes) else csv_bytes(y)
        ), name


def test_demo_command_regenerates_the_committed_demo_byte_for_byte(tmp_path):
    written = write_demo_inputs(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in written] == [
        "interviews/segmen_terkode_DEMO.csv",
        "interviews/taguette_highlights_DEMO__pengkode_2.csv",
        "private/informan_DEMO.csv",
    ]
    for p in written:
        assert p.read_bytes() == (ROOT / "data/demo" / p.relative_to(tmp_path)).read_bytes()


def test_demo_covers_groups_questions_and_a_second_coder(tmp_path):
    write_demo_inputs(tmp_path)
    assert {g for *_, g, _ in INFORMANTS} == set(GROUPS)
    tag = (tmp_path / "interviews/taguette_highlights_DEMO__pengkode_2.csv").read_bytes()
    assert tag.startswith(b"id,document,tag,content\r\n") and b"\r\n" in tag[30:]
    assert not tag.startswith(b"\xef\xbb\xbf")
    roster = (tmp_path / "private/informan_DEMO.csv").read_text(encoding="utf-8")
    assert roster.count("DATA CONTOH - nama rekaan") == 12
    out = build_outputs(make_project(tmp_path / "p", roster=None, demo=True))
    seg = out.files["wawancara_segmen.csv"]
    assert set(seg["kode"].str.split(".").str[0]) == {"peran", "hambatan"}
    second = seg[seg["pengkode"] == "pengkode_2"]
    assert sorted(second["id_informan"].unique()) == list(SECOND_CODER_INFORMANTS)
    assert set(second["kelompok"]) == set(GROUPS)
    assert (len(seg), int(seg["analisis"].sum())) == (94, 60)
