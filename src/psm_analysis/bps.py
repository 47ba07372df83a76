"""Area and population per desa/kelurahan of Kecamatan Bunut from BPS tables (BAB IV).

The researcher copies the table of BPS "Kecamatan Bunut Dalam Angka" (luas wilayah and
jumlah penduduk per desa/kelurahan) into ``data/raw/bps/`` as .csv, .xlsx or .ods, as printed:
title rows, bilingual header ("Desa/Kelurahan", "Luas/Area (km²)",
"Penduduk/Population"), "Jumlah/Total" row, "Sumber/Source:" footer. Each file is read
with :func:`psm_analysis.printed_table.read_printed_table` (which checks the total row).

Builder: ``build_outputs(paths) -> BuildOutput`` always writes ``luas_penduduk_desa.csv``
(columns :data:`COLUMNS`; no rows when the folder has no table). Every row label must be a
desa/kelurahan of Kecamatan Bunut in the Kemendagri reference (:mod:`psm_analysis.regions`);
an unknown name, a table without a Luas or Penduduk column and a desa given twice are
located Indonesian problems.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from psm_analysis.config import Paths, get_paths
from psm_analysis.contracts import BuildOutput, InputInfo
from psm_analysis.errors import DataError, Problem, display_path
from psm_analysis.printed_table import read_printed_table
from psm_analysis.regions import desa_of
from psm_analysis.text import name_key

#: The folder, relative to data/raw.
FOLDER = "bps"
FILE_NAME = "luas_penduduk_desa.csv"
SUFFIXES = (".csv", ".xlsx", ".ods")
KECAMATAN = "Bunut"
COLUMNS = ["desa_kelurahan", "kode", "luas_km2", "penduduk", "kepadatan", "sumber"]
DTYPES = {
    "desa_kelurahan": "str",
    "kode": "str",
    "luas_km2": "Float64",
    "penduduk": "Int64",
    "kepadatan": "Float64",
    "sumber": "str",
}
_PREFIX = ("desa", "kelurahan", "kel.", "kel ")


def bps_files(paths: Paths | None = None) -> list[Path]:
    """The .csv/.xlsx/.ods tables in ``data/raw/bps/``, sorted by name."""
    folder = (paths or get_paths()).raw / FOLDER
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(("~$", ".~"))
    )


def empty_table() -> pd.DataFrame:
    """The processed table without rows, typed."""
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in DTYPES.items()})


def _village_key(name: str) -> str:
    text = str(name).strip()
    low = text.lower()
    for p in _PREFIX:
        if low.startswith(p) and len(text) > len(p):
            text = text[len(p) :]
            break
    return name_key(text)


def _find(columns, *starts: str) -> str | None:
    """The column whose name starts with one of ``starts``; of several (a two-row header
    "Penduduk" over "Laki-laki", "Perempuan", "Jumlah"), the one ending in Jumlah/Total."""
    hits = [c for c in columns if name_key(c).startswith(starts)]
    if len(hits) > 1:
        hits = [c for c in hits if name_key(c).endswith(("jumlah", "total"))]
    return hits[0] if len(hits) == 1 else None


def read_bps_table(path: str | Path, paths: Paths | None = None) -> pd.DataFrame:
    """Read one BPS table of area and population per desa/kelurahan of Kecamatan Bunut.

    Parameters
    ----------
    path : str or Path
        A .csv, .xlsx or .ods table as BPS prints it (see the module docstring).
    paths : Paths or None
        The project whose Kemendagri reference names the desa (default: the installed one).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS`: the official name and Kemendagri code of each
        desa/kelurahan, area in km², population, density (population per km², computed)
        and the source line as printed (or the file when there is none).

    Raises
    ------
    DataError
        Every problem at once: the reader's (a wrong Jumlah row, a bad number), a missing
        Luas or Penduduk column, a name that is not a desa/kelurahan of Kecamatan Bunut,
        a desa given twice.
    """
    path = Path(path)
    shown = display_path(path)
    df = read_printed_table(path)
    where = {"file": shown, "sheet": df.attrs.get("lembar")}
    label = df.columns[0]
    luas = _find(df.columns, "luas")
    penduduk = _find(df.columns, "penduduk", "jumlahpenduduk")
    missing = [n for n, c in (("Luas", luas), ("Penduduk", penduduk)) if c is None]
    if missing:
        raise DataError(
            Problem(
                "tabel BPS tanpa kolom " + " dan ".join(missing),
                value=", ".join(map(str, df.columns)),
                expected=(
                    "kolom Desa/Kelurahan, Luas (km²), dan Penduduk (dengan sub-kolom: "
                    "satu sub-kolom Jumlah)"
                ),
                **where,
            )
        )
    villages = desa_of(KECAMATAN, paths)
    lookup = {
        _village_key(n): (n, k) for n, k in zip(villages["nama"], villages["kode"], strict=True)
    }
    problems: list[Problem] = []
    rows = []
    seen: dict[str, int] = {}
    for baris, name in df[label].items():
        hit = lookup.get(_village_key(name)) if isinstance(name, str) else None
        if hit is None:
            problems.append(
                Problem(
                    f"bukan desa/kelurahan Kecamatan {KECAMATAN}",
                    value=name,
                    expected=", ".join(villages["nama"]),
                    row=baris,
                    column=label,
                    **where,
                )
            )
            continue
        if hit[0] in seen:
            problems.append(
                Problem(
                    f"desa/kelurahan tercantum dua kali (juga di baris {seen[hit[0]]})",
                    value=name,
                    row=baris,
                    column=label,
                    **where,
                )
            )
            continue
        seen[hit[0]] = baris
        rows.append((hit[0], hit[1], df.at[baris, luas], df.at[baris, penduduk]))
    DataError.collect(problems)
    out = pd.DataFrame(rows, columns=COLUMNS[:4])
    out["luas_km2"] = pd.array(out["luas_km2"], dtype="Float64")
    out["penduduk"] = pd.array(out["penduduk"], dtype="Int64")
    out["kepadatan"] = out["penduduk"].astype("Float64") / out["luas_km2"]
    out["sumber"] = df.attrs.get("sumber") or shown
    return out.astype(DTYPES)[COLUMNS]


def build_outputs(paths: Paths | None = None) -> BuildOutput:
    """``luas_penduduk_desa.csv`` from the tables in ``data/raw/bps/`` (no rows without)."""
    paths = paths or get_paths()
    files = bps_files(paths)
    problems: list[Problem] = []
    frames = []
    for f in files:
        try:
            frames.append(read_bps_table(f, paths))
        except DataError as err:
            problems.extend(err.problems)
    DataError.collect(problems)
    table = pd.concat(frames, ignore_index=True) if frames else empty_table()
    dup = table["desa_kelurahan"].duplicated(keep=False)
    if dup.any():
        DataError.collect(
            [
                Problem(
                    "desa/kelurahan ada di lebih dari satu tabel BPS",
                    value=name,
                    expected="satu tabel luas dan penduduk per desa di data/raw/bps/",
                    file=display_path(paths.raw / FOLDER, paths),
                )
                for name in table.loc[dup, "desa_kelurahan"].unique()
            ]
        )
    return BuildOutput(
        files={FILE_NAME: table.astype(DTYPES)},
        inputs=[InputInfo("bps", display_path(f, paths), False) for f in files],
    )
