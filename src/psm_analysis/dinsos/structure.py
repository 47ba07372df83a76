"""The organisation of the Dinas Sosial Kabupaten Pelalawan as BAB I lists it (Peraturan
Bupati Pelalawan Nomor 62 Tahun 2016): ``data/raw/dinsos/struktur_organisasi.csv``.

One row per unit, in the printed order: ``no`` (as printed: "1.", "a."), ``unit`` (its name
as printed), ``jenis`` (Kepala Dinas, Sekretariat, Subbagian, Bidang, Seksi), ``induk`` (the
unit it answers to; empty for the Kepala Dinas) and ``sumber``. The consistency report
checks that the Seksi the text names as responsible for the PSM (claim
``seksi_pembina_psm`` of ``klaim_teks.csv``) is in it; notebook ``00_bagian_skripsi``
draws the organisation chart (:func:`psm_analysis.parts.organisation_figure`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from psm_analysis.config import Paths, display_path, get_paths
from psm_analysis.dinsos.sources import _require
from psm_analysis.errors import DataError, Problem

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

STRUCTURE_FILE = "struktur_organisasi.csv"
COLUMNS = ["no", "unit", "jenis", "induk", "sumber"]
#: The kinds of unit, top down, with their level in the chart.
LEVELS = {"Kepala Dinas": 1, "Sekretariat": 2, "Bidang": 2, "Subbagian": 3, "Seksi": 3}


def read_structure(paths: Paths | None = None) -> pd.DataFrame | None:
    """Read and check ``struktur_organisasi.csv``; None when the file is absent.

    Parameters
    ----------
    paths : Paths or None
        The project (default: the installed one).

    Returns
    -------
    pandas.DataFrame or None
        The columns of the file (text) and ``tingkat`` (int: 1 Kepala Dinas, 2 Sekretariat
        and Bidang, 3 Subbagian and Seksi), in the file's order.

    Raises
    ------
    DataError
        Every problem at once: a missing column, an unknown ``jenis``, a unit listed twice,
        an ``induk`` that is not a unit of the file, more or fewer than one Kepala Dinas.
    """
    from psm_analysis import csvtext

    paths = paths or get_paths()
    path = paths.raw_dinsos / STRUCTURE_FILE
    if not path.is_file():
        return None
    shown = display_path(path, paths)
    df = csvtext.read_frame(path, shown)
    df.columns = [str(c).strip() for c in df.columns]
    _require(df, COLUMNS, shown)
    df = df[COLUMNS].apply(lambda s: s.astype(str).str.strip())
    problems: list[Problem] = []
    units = set(df["unit"])
    seen: set[str] = set()
    for row, r in enumerate(df.itertuples(index=False), start=2):
        where = {"file": shown, "row": row}
        if r.jenis not in LEVELS:
            problems.append(
                Problem(
                    "jenis unit tidak dikenal",
                    column="jenis",
                    value=r.jenis,
                    expected=", ".join(LEVELS),
                    **where,
                )
            )
        if r.unit in seen:
            problems.append(
                Problem("unit tercantum dua kali", column="unit", value=r.unit, **where)
            )
        seen.add(r.unit)
        if r.jenis != "Kepala Dinas" and r.induk not in units:
            problems.append(
                Problem(
                    "induk bukan unit dalam berkas ini",
                    column="induk",
                    value=r.induk,
                    expected="nama unit yang tercantum",
                    **where,
                )
            )
    heads = int((df["jenis"] == "Kepala Dinas").sum())
    if heads != 1:
        problems.append(
            Problem(
                "struktur harus memuat tepat satu Kepala Dinas",
                file=shown,
                column="jenis",
                value=heads,
                expected=1,
            )
        )
    DataError.collect(problems)
    df["tingkat"] = df["jenis"].map(LEVELS).astype("int64")
    return df
