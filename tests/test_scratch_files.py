"""Lock and temporary files beside the outputs (issue 24): Excel's and Word's owner files
``~$name``, LibreOffice's ``.~lock.name#``, ``*.tmp``. They are never an input, an
output or a change: not hashed, listed, counted, scanned or deleted.

What matters here is that both carry the name of the user who has the file open, so a
scan for names would read it. Microsoft Office's ``~$`` owner file is undocumented; the
layout below is the one commonly observed (the user name's length in one byte, the name
in the ANSI code page padded with spaces, the length again and the name in UTF-16-LE,
NUL-padded). LibreOffice's ``.~lock.name#`` is one CSV line
``,user,host,dd.mm.yyyy hh:mm,profile-url;`` (LibreOffice ``svl/source/misc/lockfilecommon.cxx``).
"""

from __future__ import annotations

import pytest

from psm_analysis import pipeline
from psm_analysis.config import get_paths
from psm_analysis.files import is_scratch_file
from psm_analysis.interviews import privacy

USER = "Marzuki Lubis"


def office_owner_file(user: str = USER) -> bytes:
    name = user.encode("cp1252")
    wide = user.encode("utf-16-le")
    return (
        bytes([len(name)])
        + name.ljust(53, b" ")
        + len(user).to_bytes(2, "little")
        + wide.ljust(108, b"\0")
    )


def libreoffice_lock_file(user: str = USER) -> bytes:
    return (
        f",{user},LAPTOP-PSM,07.12.2026 09:15,"
        "file:///C:/Users/marzuki/AppData/Roaming/LibreOffice/4;"
    ).encode()


@pytest.mark.parametrize(
    ("name", "scratch"),
    [
        ("~$data_dinas_sosial.xlsx", True),
        ("~$bel_dan_gambar.docx", True),  # Word shortens long names
        (".~lock.data_dinas_sosial.xlsx#", True),
        (".data_dinas_sosial.xlsx.k2j3h4.tmp", True),  # files.write_bytes, mid-write
        ("~WRL0001.tmp", True),
        ("F1A2B3C4.TMP", True),
        ("data_dinas_sosial.xlsx", False),
        ("~catatan.xlsx", False),
        (".~lock.data.xlsx", False),  # no closing #
        ("01_data_dinas_sosial.html", False),
        ("tmp.csv", False),
    ],
)
def test_is_scratch_file(name, scratch):
    assert is_scratch_file(name) is scratch
    assert is_scratch_file(f"reports/tables/{name}") is scratch


def _plant(root):
    planted = {
        root / "data/processed/~$data_dinas_sosial.xlsx": office_owner_file(),
        root / "reports/tables/.~lock.04_indikator.xlsx#": libreoffice_lock_file(),
        root / "figures/~WRL0001.tmp": b"\0" * 64,
        root / "reports/~$bel_dan_gambar.docx": office_owner_file(),
    }
    for path, data in planted.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return planted


def test_generated_files_and_the_privacy_scan_leave_lock_files_out(make_project):
    root = make_project(notebooks=False)
    paths = get_paths(root)
    real = root / "reports/index.html"
    real.write_text("<p>indeks</p>", encoding="utf-8")
    planted = _plant(root)
    assert pipeline.generated_files(paths) == [real]
    # the owner files carry the Office user's name; were they read, a user who is also
    # in the roster would stop reproduce
    scanner = privacy.FileScanner([USER])
    found = {p.file for p in scanner(planted)}
    assert found == {
        "data/processed/~$data_dinas_sosial.xlsx",
        "reports/tables/.~lock.04_indikator.xlsx#",
        "reports/~$bel_dan_gambar.docx",
    }
    assert scanner(pipeline.generated_files(paths)) == []


@pytest.mark.slow
def test_a_noop_reproduce_with_excel_open_runs_nothing_and_keeps_the_lock_files(reproduced):
    root, _, ok = reproduced
    assert ok
    planted = _plant(root)
    raw_lock = root / "data/raw/dinsos/~$tabel_I_1.xlsx"
    raw_lock.write_bytes(office_owner_file())
    planted[raw_lock] = raw_lock.read_bytes()
    try:
        lines: list[str] = []
        assert pipeline.reproduce(progress=lines.append, paths=get_paths(root))
        assert "[1/4] clean: masukan tidak berubah, dilewati" in lines
        assert lines[-1].startswith("Semua mutakhir"), "\n".join(lines)
        assert all(path.read_bytes() == data for path, data in planted.items())
    finally:
        for path in planted:
            path.unlink()
