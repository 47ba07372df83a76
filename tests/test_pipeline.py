"""clean: raw data stays untouched, outputs are byte-identical, bad input writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import digest  # tests/ is on sys.path (pytest rootdir-relative import)

from psm_analysis import pipeline
from psm_analysis.cli import main
from psm_analysis.config import get_paths


def test_clean_leaves_raw_bytes_unchanged_and_is_byte_identical(project_copy):
    paths = get_paths(project_copy)
    raw_before = digest(paths.raw)
    demo_before = digest(paths.demo)
    assert main(["clean"]) == 0
    first = digest(paths.processed)
    assert main(["clean"]) == 0
    assert digest(paths.processed) == first
    assert digest(paths.raw) == raw_before
    assert digest(paths.demo) == demo_before
    for name in (
        "tenaga_sosial.csv",
        "psm_per_kecamatan.csv",
        "kegiatan_peningkatan_kinerja.csv",
        "diklat_psm.csv",
        "pemeriksaan_konsistensi.csv",
        "data_dinas_sosial.xlsx",
        "sumber_masukan.csv",
    ):
        assert name in first, name


def test_sources_of_inputs_record_demo_data(project_copy):
    result = pipeline.clean(get_paths(project_copy))
    kinds = {(i.kind, i.demo) for i in result.inputs}
    assert ("dinsos", False) in kinds
    text = (project_copy / "data/processed/sumber_masukan.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "masukan,berkas,data_contoh,catatan"
    assert "data/raw/dinsos/tabel_I_2.csv" in text


def test_broken_raw_file_writes_nothing_and_exits_1(project_copy, capsys):
    t2 = project_copy / "data/raw/dinsos/tabel_I_2.csv"
    t2.write_text(
        t2.read_text(encoding="utf-8").replace(",Bunut,10\n", ",Bunut,1O\n"), encoding="utf-8"
    )
    assert main(["clean"]) == 1
    err = capsys.readouterr().err
    assert "tabel_I_2.csv" in err
    assert '"1O"' in err
    assert "Tidak ada berkas yang ditulis." in err
    assert "Traceback" not in err
    assert [p.name for p in (project_copy / "data/processed").iterdir()] == []


@pytest.mark.slow
def test_demo_command_regenerates_the_committed_demo_inputs(tmp_path):
    repo_demo = Path(__file__).resolve().parents[1] / "data" / "demo"
    assert main(["demo", "--out", str(tmp_path)]) == 0
    assert digest(tmp_path) == digest(repo_demo)


@pytest.mark.parametrize(
    ("table", "old", "new", "message"),
    [
        (
            "tabel_I_2.csv",
            "2,Ukui,12\n",
            "2,Ukui,-5\n",
            "berkas data/raw/dinsos/tabel_I_2.csv, baris 3, kolom 'Jumlah PSM (Orang)': "
            'jumlah PSM harus bilangan bulat 0 atau lebih: nilai "-5"',
        ),
        (
            "tabel_I_2.csv",
            "5,Pangkalan Kerinci,7\n",
            '5,Pangkalan Kerinci,"7,5"\n',
            "berkas data/raw/dinsos/tabel_I_2.csv, baris 6, kolom 'Jumlah PSM (Orang)': "
            'jumlah PSM harus bilangan bulat 0 atau lebih: nilai "7,5"',
        ),
        (
            "tabel_I_1.csv",
            "11,Penyuluh Sosial,6 orang\n",
            "11,Penyuluh Sosial,-6 orang\n",
            "berkas data/raw/dinsos/tabel_I_1.csv, baris 12, kolom 'Jumlah': "
            'jumlah harus bilangan bulat 0 atau lebih: nilai "-6 orang"',
        ),
        (
            "tabel_I_4.csv",
            "2,Sosialisasi Jaringan Kerja PSM,2015\n",
            "2,Sosialisasi Jaringan Kerja PSM,20150\n",
            "berkas data/raw/dinsos/tabel_I_4.csv, baris 3, kolom 'Tahun': "
            'tahun kegiatan tidak masuk akal: nilai "20150" (yang diharapkan: tahun empat '
            "angka, 1950\u20132100)",
        ),
    ],
)
def test_a_count_below_zero_or_not_whole_stops_clean(
    project_copy, capsys, table, old, new, message
):
    """The message quotes the cell as the file writes it ("-5", "-6 orang", "20150"), not
    as a reader-facing table would print the number ("\u22125", "20.150")."""
    path = project_copy / "data/raw/dinsos" / table
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    assert main(["clean"]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert [p.name for p in (project_copy / "data/processed").iterdir()] == []


def test_a_write_failing_halfway_says_what_was_written(project_copy, capsys, monkeypatch):
    """Issue 8: 'Tidak ada berkas yang ditulis' only when that is true. A file Excel holds
    open (here: kuesioner_butir.csv, written after the files sorted before it) stops the
    run, and the message names the files already written."""
    from psm_analysis import files

    real_replace = files.os.replace

    def replace(src, dst):
        if str(dst).endswith("kuesioner_butir.csv"):
            raise PermissionError(13, "The process cannot access the file")
        return real_replace(src, dst)

    monkeypatch.setattr(files.os, "replace", replace)
    assert main(["clean"]) == 1
    err = capsys.readouterr().err
    assert "berkas tidak bisa ditimpa (mungkin sedang dibuka di Excel atau Word)" in err
    assert "Tidak ada berkas yang ditulis." not in err
    written = sorted(p.name for p in (project_copy / "data/processed").iterdir())
    assert written == [
        "data_dinas_sosial.xlsx",
        "desa_kelurahan.csv",
        "diklat_psm.csv",
        "jadwal_penelitian.csv",
        "kegiatan_peningkatan_kinerja.csv",
        "klaim_teks.csv",
        "kuesioner_buku_kode.csv",
    ]
    assert (
        "Sudah ditulis sebelum masalah ditemukan (7 berkas): data/processed/data_dinas_sosial.xlsx, "
        "data/processed/desa_kelurahan.csv, data/processed/diklat_psm.csv, "
        "data/processed/jadwal_penelitian.csv, "
        "data/processed/kegiatan_peningkatan_kinerja.csv, data/processed/klaim_teks.csv, "
        "data/processed/kuesioner_buku_kode.csv"
    ) in err


def test_a_name_found_by_the_privacy_scan_replaces_no_output(make_project, capsys, monkeypatch):
    """reproduce builds into its staging folder, then scans: when the scan finds a name,
    none of the new files reaches data/processed, figures or reports, and the message
    says that nothing was written."""
    from psm_analysis.errors import Problem

    root = make_project(notebooks=False)
    monkeypatch.setenv("PSM_ANALYSIS_ROOT", str(root))
    leak = Problem("nama informan dari daftar privat", file="data/processed/x.csv")
    monkeypatch.setattr(pipeline, "privacy_scan", lambda paths, files=None: [leak])
    assert main(["reproduce"]) == 1
    err = capsys.readouterr().err
    assert "nama informan dari daftar privat" in err
    assert "Tidak ada berkas yang ditulis." in err
    assert pipeline.generated_files(get_paths(root)) == []
    assert not (root / pipeline.STAGING).exists()


def test_berkas_is_relative_to_its_own_project_whatever_the_default_root(tmp_path, monkeypatch):
    """clean on a project other than PSM_ANALYSIS_ROOT records the same relative ``berkas``
    (the readers call display_path without the project's paths); it used to record the
    absolute path, so two copies of one project differed."""
    from conftest import copy_project

    from psm_analysis import pipeline
    from psm_analysis.config import display_path, get_paths

    monkeypatch.setenv("PSM_ANALYSIS_ROOT", str(tmp_path / "elsewhere"))
    root = copy_project(tmp_path / "project", notebooks=False)
    answers = root / "data" / "demo" / "survey" / "jawaban_kuesioner_DEMO.xlsx"
    assert display_path(answers) == "data/demo/survey/jawaban_kuesioner_DEMO.xlsx"
    assert display_path(tmp_path / "lain" / "t.csv") == str(tmp_path / "lain" / "t.csv")
    # a home folder with a data/raw of its own is no project: the path stays as given
    (tmp_path / "home" / "data" / "raw").mkdir(parents=True)
    download = tmp_path / "home" / "Downloads" / "register.csv"
    assert display_path(download) == str(download)
    pipeline.clean(get_paths(root))
    text = (root / "data" / "processed" / "kuesioner_jawaban.csv").read_text(encoding="utf-8")
    assert str(tmp_path) not in text
    assert ",data/demo/survey/jawaban_kuesioner_DEMO.xlsx,3,true" in text


def test_notebooks_are_scheduled_longest_first_and_unknown_ones_first_in_order(tmp_path):
    from psm_analysis.pipeline import _schedule_key

    files = {}
    for name, size in (("01_a", 10), ("02_b", 30), ("03_c", 20), ("04_d", 5)):
        files[name] = tmp_path / f"{name}.py"
        files[name].write_text("x" * size, encoding="utf-8")
    seconds = {"01_a": 3.0, "02_b": 1.0, "04_d": 12.5}
    order = sorted(files.values(), key=lambda p: _schedule_key(p, seconds))
    assert [p.stem for p in order] == ["03_c", "04_d", "01_a", "02_b"]
    # a fresh clone: no times yet, in notebook order (not the longest source first)
    order = sorted(files.values(), key=lambda p: _schedule_key(p, {}))
    assert [p.stem for p in order] == ["01_a", "02_b", "03_c", "04_d"]


def test_a_problem_two_builders_find_is_said_once(project_copy, capsys):
    """Tabel I.1 is read by the dinsos builder and by the register builder (which
    checks the register against it): a bad value there is one problem, not two lines
    with the same words under "2 masalah"."""
    path = project_copy / "data/raw/dinsos/tabel_I_1.csv"
    text = path.read_text(encoding="utf-8")
    assert "1,Pekerja Sosial Profesional,-\n" in text
    path.write_text(
        text.replace("1,Pekerja Sosial Profesional,-\n", "1,Pekerja Sosial Profesional,abc\n"),
        encoding="utf-8",
    )
    assert main(["clean"]) == 1
    err = capsys.readouterr().err
    message = (
        "berkas data/raw/dinsos/tabel_I_1.csv, baris 2, kolom 'Jumlah': bukan angka yang "
        'dikenali: nilai "abc"'
    )
    assert err.count(message) == 1
    assert "psm-analysis clean: 1 masalah" in err
