"""The command line: usage errors, exit codes, a light start."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import run_cli  # tests/ is on sys.path (pytest rootdir-relative import)

from psm_analysis.cli import main


def test_no_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main([])
    assert exc.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "psm-analysis: kesalahan: argumen berikut wajib diisi: PERINTAH"
    )


def test_unknown_validate_kind_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["validate", "foto", "x.csv"])
    assert exc.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "psm-analysis validate: kesalahan: argumen jenis: pilihan tidak dikenal: 'foto' "
        "(pilih salah satu: 'survey', 'interviews', 'register')"
    )


def test_help_is_indonesian_and_argparse_is_left_as_it_was(capsys):
    import argparse

    before = argparse._
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("penggunaan: psm-analysis [-h] [--version] PERINTAH ...")
    assert "opsi:" in out and "tampilkan bantuan ini lalu keluar" in out
    assert "reproduce" in out and "show " not in out and "usage" not in out
    assert argparse._ is before
    assert argparse._("usage: ") == "usage: "


def test_validate_missing_file_is_a_usage_error(tmp_path, capsys):
    assert main(["validate", "survey", str(tmp_path / "tidak_ada.xlsx")]) == 2
    assert "berkas tidak ditemukan" in capsys.readouterr().err


def test_python_dash_m_and_version():
    out = run_cli("--version")
    assert out.returncode == 0 and out.stdout.strip() == "psm-analysis 0.1.0"


def test_cli_start_is_light():
    """Parsing arguments must not import pandas, matplotlib or statsmodels."""
    code = (
        "import sys; import psm_analysis.cli as c; c.build_parser().parse_args(['clean']);"
        "print(sorted(m for m in ('pandas','matplotlib','statsmodels','nbclient') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        encoding="locale",
        check=True,
    )
    assert out.stdout.strip() == "[]"


def test_the_command_ends_without_the_last_collections_a_call_from_python_does_not(
    tmp_path, monkeypatch, capsys
):
    """Run as the command (no argv given: sys.argv), main() freezes the garbage collector
    as it returns, so that Python's shutdown does not walk every object again (0,8-0,9 s
    after reproduce); called from Python with its arguments (tests, notebooks) it leaves
    the collector as it was."""
    import gc

    missing = str(tmp_path / "tidak_ada.xlsx")
    gc.unfreeze()
    try:
        assert main(["validate", "survey", missing]) == 2
        assert gc.get_freeze_count() == 0
        monkeypatch.setattr(sys, "argv", ["psm-analysis", "validate", "survey", missing])
        assert main() == 2
        assert gc.get_freeze_count() > 1000
    finally:
        gc.unfreeze()
    assert "berkas tidak ditemukan" in capsys.readouterr().err
