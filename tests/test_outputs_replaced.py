"""Nothing is lost when a file is held open (issue 20, item 6).

``reproduce`` builds into its staging folder and replaces the project's outputs only when
the new ones are complete. On Windows a file open in Excel or Word cannot be replaced,
moved or deleted: ``os.replace`` raises ``PermissionError`` (WinError 32, "The process
cannot access the file because it is being used by another process"). Linux lets root
replace anything, so the tests use a double of ``os.replace`` that raises as Windows does
for the file held open.
"""

from __future__ import annotations

import os

import pytest
from conftest import digest

from psm_analysis import pipeline
from psm_analysis.cli import main
from psm_analysis.config import get_paths


def _outputs(root) -> dict[str, str]:
    return {
        f"{sub}/{k}": v
        for sub in pipeline.GENERATED
        for k, v in digest(root / sub).items()
        if not k.startswith(".build")
    }


@pytest.fixture
def built(make_project, monkeypatch):
    """A project (no notebooks: clean, lists, index) after one reproduce."""
    root = make_project(notebooks=False)
    monkeypatch.setenv("PSM_ANALYSIS_ROOT", str(root))
    assert main(["reproduce"]) == 0
    return root


def _hold_open(monkeypatch, held):
    """``os.replace`` as on Windows while ``held`` is open in Excel."""
    real = os.replace

    def replace(src, dst, *args, **kwargs):
        if os.fspath(src) == os.fspath(held) or os.fspath(dst) == os.fspath(held):
            raise PermissionError(13, "Permission denied", os.fspath(held))
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


def _change_a_source(paths) -> None:
    """Drop the full stop after Tabel I.1's source: data/processed/sumber_tabel.csv and
    data_dinas_sosial.xlsx change, nothing else of the inputs."""
    csv = paths.raw_dinsos / "sumber_tabel.csv"
    text = csv.read_bytes()
    assert b"Kabupaten Pelalawan, 2017." in text
    csv.write_bytes(text.replace(b"Kabupaten Pelalawan, 2017.", b"Kabupaten Pelalawan, 2017"))


def test_a_file_held_open_stops_force_with_every_output_intact(built, monkeypatch, capsys):
    before = _outputs(built)
    assert len(before) > 30
    _change_a_source(get_paths(built))
    held = built / "data" / "processed" / "data_dinas_sosial.xlsx"
    _hold_open(monkeypatch, held)
    assert main(["reproduce", "--force"]) == 1
    err = capsys.readouterr().err
    assert (
        "Tutup berkas data/processed/data_dinas_sosial.xlsx (sedang dibuka di Excel/Word), "
        "lalu jalankan lagi." in err
    )
    assert "Tidak ada berkas yang ditulis." in err
    assert _outputs(built) == before
    assert not (built / pipeline.STAGING).exists()


def test_a_changed_output_held_open_replaces_nothing_and_the_rerun_completes(
    built, monkeypatch, capsys
):
    """The file held open is one the rebuild removes (a page no longer generated); the
    files that change wait for it. Closed, the next run replaces them all."""
    paths = get_paths(built)
    before = _outputs(built)
    stray = paths.reports / "lama.html"  # a page no longer generated: removed only on success
    stray.write_text("lama", encoding="utf-8")
    _change_a_source(paths)
    _hold_open(monkeypatch, stray)
    assert main(["reproduce", "--force"]) == 1
    assert "Tutup berkas reports/lama.html" in capsys.readouterr().err
    assert _outputs(built) == {**before, "reports/lama.html": digest(paths.reports)["lama.html"]}
    monkeypatch.undo()
    monkeypatch.setenv("PSM_ANALYSIS_ROOT", str(built))
    assert main(["reproduce", "--force"]) == 0
    after = _outputs(built)
    assert "reports/lama.html" not in after
    assert after["data/processed/sumber_tabel.csv"] != before["data/processed/sumber_tabel.csv"]


def test_a_run_that_fails_on_the_way_leaves_the_outputs_as_they_were(built, monkeypatch, capsys):
    from psm_analysis import site

    before = _outputs(built)

    def broken(*args, **kwargs):
        raise RuntimeError("berhenti di tengah jalan")

    monkeypatch.setattr(site, "write_reports", broken)
    with pytest.raises(RuntimeError, match="berhenti di tengah jalan"):
        pipeline.reproduce(force=True, progress=None, paths=get_paths(built))
    assert _outputs(built) == before
    assert not (built / pipeline.STAGING).exists()


def test_excel_lock_files_are_neither_replaced_nor_removed(built, capsys):
    """``~$data_dinas_sosial.xlsx`` is Excel's, held open by it: a rebuild leaves it alone
    (moving it would fail on Windows) and a no-op run stays a no-op."""
    lock = built / "data" / "processed" / "~$data_dinas_sosial.xlsx"
    lock.write_bytes(b"\x00excel")
    assert main(["reproduce"]) == 0
    assert "Semua mutakhir" in capsys.readouterr().out
    assert main(["reproduce", "--force"]) == 0
    assert lock.read_bytes() == b"\x00excel"


def test_unchanged_outputs_are_not_touched(built):
    """A file with the same bytes is left in place (its mtime stays), so a file open in
    Excel that the rebuild does not change does not stop it."""
    xlsx = built / "data" / "processed" / "data_dinas_sosial.xlsx"
    mtime = xlsx.stat().st_mtime_ns
    assert pipeline.reproduce(force=True, progress=None, paths=get_paths(built))
    assert xlsx.stat().st_mtime_ns == mtime


def test_a_deleted_word_document_or_list_is_written_again(built, capsys):
    """An output of the numbering step deleted after a build (the Word document of all
    tables and figures, a list, the numbering) is written again by the next reproduce,
    as a deleted table or figure is; before, the run said "Semua mutakhir" and left it
    missing."""
    before = _outputs(built)
    for rel in ("reports/tabel_dan_gambar.docx", "reports/daftar_tabel.html"):
        (built / rel).unlink()
        assert main(["reproduce"]) == 0
        assert "Semua mutakhir" not in capsys.readouterr().out
        assert _outputs(built) == before, rel
    assert main(["reproduce"]) == 0
    assert "Semua mutakhir: tidak ada yang dijalankan" in capsys.readouterr().out


def test_ctrl_c_while_the_outputs_are_replaced_leaves_the_old_ones(built, monkeypatch, capsys):
    """Ctrl+C after the old outputs were moved aside into the staging folder and before
    the new ones were all moved in: the old ones are put back (the staging folder, with
    what was moved aside, is removed on the way out). Before, the changed outputs
    (data_dinas_sosial.xlsx, sumber_tabel.csv, index.html) were gone from the project."""
    before = _outputs(built)
    _change_a_source(get_paths(built))
    real = os.replace

    def replace(src, dst, *args, **kwargs):
        # the first new file moved from the staging folder into the project
        if pipeline.STAGING in os.fspath(src) and pipeline.STAGING not in os.fspath(dst):
            if ".lama" not in os.fspath(src):
                raise KeyboardInterrupt
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    assert main(["reproduce"]) == 130
    assert "dihentikan." in capsys.readouterr().err
    monkeypatch.setattr(os, "replace", real)
    assert _outputs(built) == before
    assert not (built / pipeline.STAGING).exists()
    assert main(["reproduce"]) == 0  # and the next run puts the new ones in
    after = _outputs(built)
    assert sorted(k for k in after if after[k] != before.get(k)) == [
        "data/processed/data_dinas_sosial.xlsx",
        "data/processed/sumber_tabel.csv",
        "reports/index.html",
    ]
