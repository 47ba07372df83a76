"""The ``dinsos`` builder of ``psm-analysis clean``: Tabel I.1-I.4, their sources and the
text's claims -> the processed Dinas Sosial files and the workbook for humans. Writes
nothing itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from psm_analysis import labels
from psm_analysis.config import Paths, display_path, get_paths
from psm_analysis.contracts import BuildOutput, InputInfo
from psm_analysis.dinsos.checks import run_checks
from psm_analysis.dinsos.cleaners import (
    clean_diklat,
    clean_kegiatan,
    clean_psm_per_kecamatan,
    clean_tenaga_sosial,
)
from psm_analysis.dinsos.model import (
    CHECKS_FILE,
    DESA_FILE,
    OUTPUT_FILES,
    REFERENCE_SOURCE,
    SOURCES_OUT,
    WORKBOOK_FILE,
    DinsosTables,
)
from psm_analysis.dinsos.sources import CLAIMS_FILE, SOURCES_FILE, read_claims, read_sources
from psm_analysis.dinsos.structure import STRUCTURE_FILE, read_structure
from psm_analysis.errors import DataError, Problem
from psm_analysis.files import workbook_bytes
from psm_analysis.labels import column_label
from psm_analysis.printed_table import read_printed_table

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


# --------------------------------------------------------------------------- builder


def read_tables(paths: Paths | None = None) -> DinsosTables:
    """Read, clean and cross-check-ready the four tables of ``data/raw/dinsos``.
    Raises one DataError with every problem of every table."""
    import pandas as pd

    from psm_analysis.regions import desa_table

    paths = paths or get_paths()
    sources = read_sources(paths)
    meta = {r.tabel: r for r in sources.itertuples(index=False)}

    def year(t):
        v = meta[t].tahun
        return None if pd.isna(v) else int(v)

    steps = {
        "I.1": lambda df: clean_tenaga_sosial(df, meta["I.1"].sumber, year("I.1"), paths),
        "I.2": lambda df: clean_psm_per_kecamatan(df, meta["I.2"].sumber, year("I.2"), paths),
        "I.3": lambda df: clean_kegiatan(df, meta["I.3"].sumber, year("I.3")),
        "I.4": lambda df: clean_diklat(df, meta["I.4"].sumber, year("I.4")),
    }
    problems: list[Problem] = []
    raw: dict[str, Any] = {}
    cleaned: dict[str, Any] = {}
    for t, step in steps.items():
        try:
            # Tabel I.2's Jumlah row is a finding of the checks, not a broken file.
            raw[t] = read_printed_table(paths.root / meta[t].berkas, check_total=(t != "I.2"))
            cleaned[t] = step(raw[t])
        except DataError as err:
            problems.extend(err.problems)
    claims = structure = None
    try:
        claims = read_claims(paths)
    except DataError as err:
        problems.extend(err.problems)
    try:
        structure = read_structure(paths)
    except DataError as err:
        problems.extend(err.problems)
    DataError.collect(problems)
    printed = raw["I.2"].attrs.get("jumlah", {})
    computed = raw["I.2"].attrs.get("jumlah_dihitung", {})
    return DinsosTables(
        sumber=sources,
        tenaga_sosial=cleaned["I.1"],
        psm_per_kecamatan=cleaned["I.2"],
        kegiatan=cleaned["I.3"],
        diklat=cleaned["I.4"],
        desa_kelurahan=desa_table(paths),
        klaim=claims,
        psm_jumlah_tercetak=next(iter(printed.values()), None),
        psm_jumlah_dihitung=next(iter(computed.values()), None),
        raw=raw,
        struktur=structure,
    )


def build_outputs(paths: Paths | None = None):
    """The ``dinsos`` builder: every processed Dinas Sosial file, nothing written."""
    from psm_analysis.psks import reference_path as psks_path
    from psm_analysis.regions import reference_path as wilayah_path

    paths = paths or get_paths()
    tables = read_tables(paths)
    checks = run_checks(tables, paths)
    files = {
        OUTPUT_FILES["I.1"]: tables.tenaga_sosial,
        OUTPUT_FILES["I.2"]: tables.psm_per_kecamatan,
        OUTPUT_FILES["I.3"]: tables.kegiatan,
        OUTPUT_FILES["I.4"]: tables.diklat,
        DESA_FILE: tables.desa_kelurahan,
        SOURCES_OUT: tables.sumber,
        CHECKS_FILE: checks,
        CLAIMS_FILE: read_claims(paths),
        WORKBOOK_FILE: workbook_bytes(build_workbook(tables, checks)),
    }
    if tables.struktur is not None:
        files[STRUCTURE_FILE] = tables.struktur
    inputs = [InputInfo("dinsos", b) for b in tables.sumber["berkas"]]
    inputs += [
        InputInfo("dinsos", display_path(paths.raw_dinsos / SOURCES_FILE, paths)),
        InputInfo("dinsos", display_path(paths.raw_dinsos / CLAIMS_FILE, paths)),
        *(
            [InputInfo("dinsos", display_path(paths.raw_dinsos / STRUCTURE_FILE, paths))]
            if tables.struktur is not None
            else []
        ),
        InputInfo("reference", display_path(wilayah_path(paths), paths)),
        InputInfo("reference", display_path(psks_path(paths), paths)),
    ]
    return BuildOutput(files=files, inputs=inputs)


# --------------------------------------------------------------------------- workbook


def _sheet(wb, name: str, title: str, df: pd.DataFrame, source_line: str) -> None:
    """One sheet of the workbook, written by the shared sheet writer."""
    import pandas as pd

    from psm_analysis.sheets import write_sheet

    def value(v):
        if pd.isna(v):
            return None
        if isinstance(v, bool) or type(v).__name__ == "bool_":
            return labels.t("ya") if v else labels.t("tidak")
        return v.item() if hasattr(v, "item") else v

    write_sheet(
        wb.create_sheet(name),
        [column_label(c) for c in df.columns],
        [[value(v) for v in row] for row in df.itertuples(index=False)],
        title=title,
        source_line=f"{labels.t('sumber')}: {source_line}",
    )


def build_workbook(tables: DinsosTables, checks: pd.DataFrame):
    """The workbook for humans: one sheet per table, bold header, Sumber line."""
    import openpyxl
    import pandas as pd

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    meta = {r.tabel: r for r in tables.sumber.itertuples(index=False)}
    diolah = labels.t("diolah")

    def src(t, extra=""):
        m = meta[t]
        year = "" if pd.isna(m.tahun) else f", {m.tahun}"
        return f"{m.sumber}{year}{extra} ({diolah})"

    for t, df in (
        ("I.1", tables.tenaga_sosial),
        ("I.2", tables.psm_per_kecamatan),
        ("I.3", tables.kegiatan),
        ("I.4", tables.diklat),
    ):
        extra = f"; {REFERENCE_SOURCE}" if t == "I.2" else ""
        _sheet(wb, f"Tabel {t}", f"{labels.t('tabel')} {t} {meta[t].judul}", df, src(t, extra))
    _sheet(
        wb,
        "Desa-Kelurahan",
        "Desa dan kelurahan di Kabupaten Pelalawan",
        tables.desa_kelurahan,
        REFERENCE_SOURCE,
    )
    _sheet(wb, "Sumber Tabel", "Sumber tabel BAB I", tables.sumber, "BAB I skripsi (Tabel I.1–I.4)")
    _sheet(
        wb,
        "Pemeriksaan",
        "Pemeriksaan konsistensi tabel, teks, dan data rujukan",
        checks,
        f"Tabel I.1–I.4 dan teks BAB I; {REFERENCE_SOURCE}; Permensos No. 08 Tahun 2012 ({diolah})",
    )
    return wb
