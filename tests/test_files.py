"""Atomic, deterministic writes."""

from __future__ import annotations

import os
import stat

import pytest

from psm_analysis import files
from psm_analysis.errors import DataError


def test_write_bytes_is_atomic_and_skips_identical_content(tmp_path):
    target = tmp_path / "a" / "b.csv"
    assert files.write_bytes(target, b"x,y\n") is True
    mtime = target.stat().st_mtime_ns
    assert files.write_bytes(target, b"x,y\n") is False  # same bytes: untouched
    assert target.stat().st_mtime_ns == mtime
    assert files.write_bytes(target, b"x,z\n") is True
    assert target.read_bytes() == b"x,z\n"
    assert [p.name for p in target.parent.iterdir()] == ["b.csv"]  # no temp file left
    mode = stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask


def test_a_file_locked_by_excel_is_a_clear_error(tmp_path, monkeypatch):
    target = tmp_path / "data_dinas_sosial.xlsx"
    target.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(files.os, "replace", locked)
    with pytest.raises(DataError) as err:
        files.write_bytes(target, b"new")
    assert "berkas tidak bisa ditimpa (mungkin sedang dibuka di Excel atau Word)" in str(err.value)
    assert "data_dinas_sosial.xlsx" in str(err.value)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["data_dinas_sosial.xlsx"]


def test_office_files_get_fixed_dates(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "Jumlah"
    first = files.workbook_bytes(wb)
    wb2 = Workbook()
    wb2.active["A1"] = "Jumlah"
    assert files.workbook_bytes(wb2) == first
    import io
    import zipfile

    core = zipfile.ZipFile(io.BytesIO(first)).read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core


def test_csv_bytes_writes_booleans_and_no_index():
    import pandas as pd

    df = pd.DataFrame({"a": [1, 2], "ok": [True, False], "x": [1.5, None]})
    assert files.csv_bytes(df) == b"a,ok,x\n1,true,1.5\n2,false,\n"
