"""End to end: template -> fill as the researcher would -> validate -> reproduce.

The register is written into the workbook ``psm-analysis template register`` makes, with
openpyxl (as Excel stores typed cells), plus a name column as an SK penetapan list has it.
A copy of the project with only notebook 03 is reproduced; the DATA CONTOH banner must
go for the register and Bunut's figures must follow the register, not the demo.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from psm_analysis import pipeline
from psm_analysis.cli import main
from psm_analysis.config import get_paths
from psm_analysis.regions import desa_table, kecamatan_table
from psm_analysis.register import template
from psm_analysis.register.sources import table_i2

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = "03_sebaran_psm_kecamatan"
#: Bunut in this register: Petani 3 PSM, Merbau 2 (one inactive), Keriung 1 inactive only,
#: Lubuk Mas, Bagan Laguh, Pangkalan Bunut 1 each, Sungai Buluh 1; three desa with none.
BUNUT = {
    "Petani": ["aktif", "aktif", "aktif"],
    "Merbau": ["aktif", "tidak aktif"],
    "Keriung": ["tidak aktif"],
    "Lubuk Mas": ["aktif"],
    "Bagan Laguh": ["aktif"],
    "Pangkalan Bunut": ["aktif"],
    "Sungai Buluh": ["aktif"],
}
NAMES = ("Sastro Wiryokusumo", "Mangkunegoro Rahayu", "Soedjatmoko Hartono")


def _rows(paths) -> list[list[object]]:
    """One PSM per desa up to Tabel I.2's count elsewhere; Bunut as :data:`BUNUT`."""
    villages = desa_table(paths)
    i2 = table_i2(paths).set_index("kecamatan")["jumlah_psm"]
    rows = []
    for kec in kecamatan_table(paths)["nama"]:
        desa = villages.loc[villages["kecamatan"] == kec, "nama"].tolist()
        if kec == "Bunut":
            entries = [(d, s) for d, statuses in BUNUT.items() for s in statuses]
        else:
            entries = [(desa[i % len(desa)], "aktif") for i in range(int(i2[kec]))]
        for d, status in entries:
            n = len(rows) + 1
            trained = n % 3 != 0
            rows.append(
                [
                    f"SK-{n:03d}",
                    kec,
                    d,
                    status,
                    2005 + n % 12,
                    "ya" if trained else "tidak",
                    2017 if trained else None,
                    "ya" if n % 2 else "tidak",
                    NAMES[n % len(NAMES)],
                ]
            )
    return rows


def test_template_fill_validate_reproduce(make_project, monkeypatch, capsys):
    root = make_project(notebooks=False)
    shutil.copy2(REPO / "notebooks" / f"{NOTEBOOK}.py", root / "notebooks" / f"{NOTEBOOK}.py")
    monkeypatch.setenv("PSM_ANALYSIS_ROOT", str(root))
    paths = get_paths(root)
    target = root / "data" / "raw" / "register" / "register_psm.xlsx"

    assert main(["template", "register", "--out", str(target)]) == 0
    wb = load_workbook(target)
    ws = wb["Data"]
    ws.cell(1, len(template.TEMPLATE_COLUMNS) + 1, "nama")
    rows = _rows(paths)
    for i, row in enumerate(rows, start=2):
        for j, v in enumerate(row, start=1):
            ws.cell(i, j, v)
    wb.save(target)

    assert main(["validate", "register", str(target)]) == 0
    out = capsys.readouterr().out
    assert "valid, tidak ada masalah." in out
    assert "Temuan" not in out  # same count per kecamatan as Tabel I.2, other desa

    lines: list[str] = []
    assert pipeline.reproduce(force=True, progress=lines.append, paths=paths), "\n".join(lines)

    inputs = (root / "data/processed/sumber_masukan.csv").read_text(encoding="utf-8")
    assert "register,data/raw/register/register_psm.xlsx,false" in inputs
    assert "data/demo/register" not in inputs
    per = (root / "data/processed/psm_per_desa.csv").read_text(encoding="utf-8").splitlines()
    assert len(per) == 119
    assert "14.05.08.2001,Petani,Bunut,3,3,2" in per
    assert "14.05.08.2002,Merbau,Bunut,2,1,1" in per
    assert "14.05.08.2017,Keriung,Bunut,1,0,1" in per
    assert "14.05.08.2009,Balam Merah,Bunut,0,0,0" in per

    page = (root / "reports" / f"{NOTEBOOK}.html").read_text(encoding="utf-8")
    assert "DATA CONTOH" not in page
    assert "Register PSM Dinas Sosial Kabupaten Pelalawan" in page
    figure = json.loads(
        (root / "figures" / "03_psm_per_desa_bunut.json").read_text(encoding="utf-8")
    )
    assert "demo" not in figure
    table = (root / "reports" / "tables" / "03_psm_per_desa_bunut.md").read_text(encoding="utf-8")
    assert "| Petani | 3 | 3 | 2 |" in table
    assert "| Balam Merah | 0 | 0 | 0 |" in table
    assert "DATA CONTOH" not in table
    assert (
        "3 dari 10 desa/kelurahan tanpa PSM (Balam Merah, Lubuk Mandian Gajah, Sialang Kayu Batu)"
        in page
    )
    # the names of the register's name column are nowhere in the outputs
    assert any("pemeriksaan privasi: tidak ada nama" in ln for ln in lines)
    for p in pipeline.generated_files(paths):
        if p.suffix in {".csv", ".md", ".html", ".json"}:
            assert "Wiryokusumo" not in p.read_text(encoding="utf-8", errors="replace"), p
