"""Builder of ``psm_per_desa.csv`` (see :mod:`psm_analysis.pipeline`).

Input: every register file (xlsx/csv) in ``data/raw/register/``; while that folder holds
none, the demo register in ``data/demo/register/`` (marked as demo data in
``sumber_masukan.csv``). Output: one row for every desa and kelurahan of Pelalawan in the
Kemendagri list (118) of the kecamatan the register covers, including those without a
PSM, sorted by code. Nothing is written
here; a register with any problem raises one DataError and nothing is written at all.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from psm_analysis.config import Paths
from psm_analysis.contracts import BuildOutput, InputInfo
from psm_analysis.errors import DataError, Problem, display_path
from psm_analysis.regions import desa_table
from psm_analysis.regions import reference_path as wilayah_path
from psm_analysis.register import crosscheck
from psm_analysis.register.read import find_inputs, register_folder
from psm_analysis.register.validate import validate_files

OUTPUT_FILE = "psm_per_desa.csv"

#: Columns and dtypes of ``psm_per_desa.csv``, in file order.
COLUMNS: dict[str, str] = {
    "kode_wilayah": "str",
    "desa_kelurahan": "str",
    "kecamatan": "str",
    "jumlah_psm": "int64",
    "jumlah_psm_aktif": "int64",
    "jumlah_psm_diklat": "int64",
}


def per_desa(register: pd.DataFrame, paths: Paths | None = None) -> pd.DataFrame:
    """PSM per desa/kelurahan from a validated register (one row per PSM, see
    :data:`psm_analysis.register.validate.VALID_COLUMNS`): every desa/kelurahan of the
    Kemendagri list in the kecamatan the register covers (a kecamatan with at least one
    of its PSM), with 0 where no PSM serves it; columns :data:`COLUMNS`.

    A register of only some kecamatan (only the Bunut PSM, say) says nothing of the
    others' desa: they are left out rather than counted as desa without a PSM.
    """
    villages = desa_table(paths)
    covered = set(register["kode_kecamatan"].astype(str))
    villages = villages[villages["kode_kecamatan"].astype(str).isin(covered)]
    counts = pd.DataFrame(
        {
            "kode_wilayah": register["kode_wilayah"].astype(str),
            "jumlah_psm": 1,
            "jumlah_psm_aktif": (register["status"] == "aktif").astype("int64"),
            "jumlah_psm_diklat": register["diklat"].astype(bool).astype("int64"),
        }
    )
    sums = counts.groupby("kode_wilayah").sum()
    out = pd.DataFrame(
        {
            "kode_wilayah": villages["kode"],
            "desa_kelurahan": villages["nama"],
            "kecamatan": villages["kecamatan"],
        }
    )
    for col in ("jumlah_psm", "jumlah_psm_aktif", "jumlah_psm_diklat"):
        out[col] = out["kode_wilayah"].map(sums[col]).fillna(0)
    out = out.sort_values("kode_wilayah").reset_index(drop=True)
    return out[list(COLUMNS)].astype(COLUMNS)


def build_outputs(paths: Paths, built: dict | None = None) -> BuildOutput:
    """Read and check the register; return ``psm_per_desa.csv`` and the cross-source
    checks ``pemeriksaan_lintas_sumber.csv`` (:mod:`.crosscheck`).

    Parameters
    ----------
    paths : Paths
        The project.
    built : dict, optional
        The files the builders before this one returned (name -> DataFrame):
        ``kuesioner_jawaban.csv``, ``wawancara_informan.csv`` and
        ``psm_per_kecamatan.csv`` are compared with the register when present.

    Raises
    ------
    DataError
        With every problem of every register file, or when there is no register at all.
    """
    files, demo = find_inputs(paths)
    if not files:
        raise DataError(
            Problem(
                "tidak ada register PSM (.xlsx/.csv) di data/raw/register/ "
                "maupun data contoh di data/demo/register/",
                file=display_path(register_folder(paths)),
                expected="jalankan `psm-analysis demo --out data/demo` atau simpan register "
                "di data/raw/register/",
            )
        )
    register = validate_files(files, paths=paths)
    inputs = [InputInfo("register", display_path(f, paths), demo) for f in files]
    inputs.append(InputInfo("reference", display_path(wilayah_path(paths), paths)))
    checks = cross_source_checks(register, demo, built or {}, paths)
    return BuildOutput(
        files={OUTPUT_FILE: per_desa(register, paths), crosscheck.OUTPUT_FILE: checks},
        inputs=inputs,
    )


#: :func:`psm_analysis.pipeline.build_all` gives this builder the files built before it.
build_outputs.reads_built = True


def cross_source_checks(
    register: pd.DataFrame, register_demo: bool, built: dict, paths: Paths
) -> pd.DataFrame:
    """The register against the questionnaire, the roster and Tabel I.2
    (:mod:`.crosscheck`); the rows of ``pemeriksaan_lintas_sumber.csv``."""
    from psm_analysis.register.sources import table_i2

    i2 = built.get("psm_per_kecamatan.csv")
    if i2 is None:
        i2 = table_i2(paths)
    site = i2.loc[i2["kecamatan"] == crosscheck.SITE, "jumlah_psm"]
    answers = built.get("kuesioner_jawaban.csv")
    rows = crosscheck.respondent_checks(
        answers,
        register,
        int(site.iloc[0]) if len(site) and pd.notna(site.iloc[0]) else None,
        survey_demo=bool(answers is not None and answers["data_contoh"].any()),
        register_demo=register_demo,
    )
    rows += crosscheck.informant_check(built.get("wawancara_informan.csv"))
    rows += crosscheck.register_coverage_check(
        sorted(set(register["kecamatan"].astype(str))), i2["kecamatan"].astype(str).tolist()
    )
    return crosscheck.frame(rows)


def check_file(
    path: str | Path, *, paths: Paths | None = None, this_year: int | None = None
) -> tuple[list[Problem], list[str]]:
    """``psm-analysis validate register FILE``: ``(problems, findings)``.

    Findings (the register's count per kecamatan against Tabel I.2, in Indonesian
    sentences) are given only for a register without problems.
    """
    from psm_analysis.register.analysis import compare_with_table_i2, findings
    from psm_analysis.register.sources import table_i2

    try:
        register = validate_files([Path(path)], paths=paths, this_year=this_year)
    except DataError as err:
        return err.problems, []
    comparison = compare_with_table_i2(per_desa(register, paths), table_i2(paths))
    return [], findings(comparison)
