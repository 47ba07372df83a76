"""The sources of BAB I's tables (``sumber_tabel.csv``) and the claims of its text
(``klaim_teks.csv``), read and checked.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from psm_analysis import csvtext
from psm_analysis.config import Paths, display_path, get_paths
from psm_analysis.errors import DataError, Problem

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


# --------------------------------------------------------------------------- sources

SOURCES_FILE = "sumber_tabel.csv"
CLAIMS_FILE = "klaim_teks.csv"
TABLE_IDS = ("I.1", "I.2", "I.3", "I.4")
_TITLE_PREFIX = re.compile(r"^Tabel\s+[IVXLC]+\.\d+\s*:?\s*")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _read_plain_csv(path: Path, shown: str):
    # as Excel saves it too: cp1252 or UTF-8 (BOM), "," or ";" (csvtext)
    return csvtext.read_frame(path, shown)


def _require(df, columns: list[str], shown: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise DataError(
            Problem(
                "kolom tidak ada",
                file=shown,
                row=1,
                value=", ".join(missing),
                expected="kolom " + ", ".join(columns),
            )
        )


def read_sources(paths: Paths | None = None) -> pd.DataFrame:
    """``sumber_tabel.csv`` cleaned: ``tabel``, ``judul`` (without "Tabel I.x"),
    ``judul_asli``, ``sumber`` (the institution), ``sumber_asli`` (the printed line),
    ``tahun`` (``Int64``, NA when none is printed) and ``berkas`` (path in the project).

    The year of the Sumber line must agree with the ``tahun`` column, and every file
    named must exist.
    """
    import pandas as pd

    paths = paths or get_paths()
    path = paths.raw_dinsos / SOURCES_FILE
    shown = display_path(path, paths)
    raw = _read_plain_csv(path, shown)
    _require(raw, ["tabel", "judul", "sumber", "tahun", "berkas"], shown)
    problems: list[Problem] = []
    rows = []
    for i, r in enumerate(raw.itertuples(index=False), start=2):
        tahun = None
        if r.tahun.strip():
            if re.fullmatch(r"\d{4}", r.tahun.strip()):
                tahun = int(r.tahun)
            else:
                problems.append(
                    Problem(
                        "tahun tidak dikenali",
                        file=shown,
                        row=i,
                        column="tahun",
                        value=r.tahun,
                        expected="tahun empat angka atau kosong",
                    )
                )
        printed_year = _YEAR.findall(r.sumber)
        if printed_year and tahun != int(printed_year[-1]):
            problems.append(
                Problem(
                    "tahun tidak sama dengan tahun di baris Sumber",
                    file=shown,
                    row=i,
                    column="tahun",
                    value=r.tahun,
                    expected=printed_year[-1],
                )
            )
        target = paths.raw_dinsos / r.berkas
        if not target.is_file():
            problems.append(
                Problem(
                    "berkas tabel tidak ditemukan",
                    file=shown,
                    row=i,
                    column="berkas",
                    value=r.berkas,
                )
            )
        institution = re.sub(r"^Sumber\s*:\s*", "", r.sumber.strip(), flags=re.IGNORECASE)
        institution = re.sub(r"(,\s*(1[89]|20)\d\d)?\s*\.?$", "", institution).strip()
        rows.append(
            {
                "tabel": r.tabel.strip(),
                "judul": _TITLE_PREFIX.sub("", r.judul.strip()),
                "judul_asli": r.judul,
                "sumber": institution,
                "sumber_asli": r.sumber,
                "tahun": tahun,
                "berkas": display_path(target, paths),
            }
        )
    found = {row["tabel"] for row in rows}
    for t in TABLE_IDS:
        if t not in found:
            problems.append(
                Problem(
                    "tabel tidak tercantum",
                    file=shown,
                    column="tabel",
                    value=t,
                    expected=", ".join(TABLE_IDS),
                )
            )
    DataError.collect(problems)
    df = pd.DataFrame(rows)
    df["tahun"] = df["tahun"].astype("Int64")
    return df.astype(
        {c: "str" for c in ("tabel", "judul", "judul_asli", "sumber", "sumber_asli", "berkas")}
    )


def read_claims(paths: Paths | None = None) -> pd.DataFrame:
    """``klaim_teks.csv``: what the chapter's running text states (``klaim``, ``nilai``,
    ``kutipan``, ``letak``), checked by :mod:`psm_analysis.checks`."""
    paths = paths or get_paths()
    path = paths.raw_dinsos / CLAIMS_FILE
    shown = display_path(path, paths)
    df = _read_plain_csv(path, shown)
    _require(df, ["klaim", "nilai", "kutipan", "letak"], shown)
    dup = df["klaim"][df["klaim"].duplicated()]
    if len(dup):
        raise DataError(
            Problem("klaim tercantum dua kali", file=shown, column="klaim", value=dup.iloc[0])
        )
    return df.astype("str")
