"""Checking a PSM register row by row against the Kemendagri list of Pelalawan.

Every problem of every row is collected and reported at once, each with file, sheet,
row number as Excel shows it, column header, the bad value and what was expected:

- an empty or duplicate PSM id (the id, never a name, identifies a PSM);
- a kecamatan that is not one of Pelalawan's twelve (closest official names offered);
- a desa/kelurahan not in Pelalawan ("maksud Anda: Lubuk Mas?"), or in another
  kecamatan than the row says (naming the right one);
- a status other than ``aktif`` / ``tidak aktif``, a Diklat or Bimtek other than
  ``ya`` / ``tidak``;
- a year that is not a whole number, lies before 1981 (PSM began then) or in the future;
  a Diklat year for a PSM without Diklat.

The register's count per kecamatan is compared with Tabel I.2 by
:func:`psm_analysis.register.analysis.compare_with_table_i2`; differences are findings,
not problems (the two sources may describe different years).
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from pathlib import Path

import pandas as pd

from psm_analysis.config import Paths
from psm_analysis.errors import DataError, Problem
from psm_analysis.regions import desa_table, kecamatan_table, name_key, normalize_kecamatan
from psm_analysis.register.read import RegisterTable, read_register

#: The year the PSM programme began; no PSM can be appointed earlier.
FIRST_YEAR = 1981
STATUSES = ("aktif", "tidak aktif")
YES_NO = ("ya", "tidak")
#: 2018 spellings of desa/kelurahan names (cahyadsn/wilayah compilation, see
#: data/raw/reference/README.md) -> the 2025 Kemendagri name.
DESA_ALIASES = {
    "Pangkalan Bunut Terap": "Pangkalan Bunut",
    "Bagan Labah": "Bagan Laguh",
    "Pangkalan Kerinci Timur Agung": "Pangkalan Kerinci Timur",
}
_LEVEL_PREFIX = re.compile(r"^(desa|kelurahan|kel|ds)\b\.?\s*", re.IGNORECASE)

#: Columns of a validated register (one row per PSM; no name column, ever).
VALID_COLUMNS = (
    "id_psm",
    "kode_wilayah",
    "desa_kelurahan",
    "kode_kecamatan",
    "kecamatan",
    "status",
    "tahun_penetapan",
    "diklat",
    "tahun_diklat",
    "bimtek",
    "berkas",
    "baris",
)


def _villages(paths: Paths | None) -> tuple[dict[str, list[dict]], pd.DataFrame]:
    table = desa_table(paths)
    index: dict[str, list[dict]] = {}
    for rec in table.to_dict("records"):
        index.setdefault(name_key(rec["nama"]), []).append(rec)
    for old, new in DESA_ALIASES.items():
        if name_key(new) in index:
            index.setdefault(name_key(old), index[name_key(new)])
    return index, table


def _desa_key(value: str) -> str:
    return name_key(_LEVEL_PREFIX.sub("", value.strip()))


def closest_desa(
    value: str, paths: Paths | None = None, n: int = 3, kode_kecamatan: str | None = None
) -> list[str]:
    """Official desa/kelurahan names closest to ``value`` (difflib on comparison keys),
    best first; those of kecamatan ``kode_kecamatan`` only, when it has any close one.

    >>> closest_desa("Lubok Mas")
    ['Lubuk Mas']
    >>> closest_desa("Lubuk Emas", kode_kecamatan="14.05.08")
    ['Lubuk Mas']
    """
    index, _ = _villages(paths)
    if kode_kecamatan is not None:
        local = {
            k: [r for r in recs if r["kode_kecamatan"] == kode_kecamatan]
            for k, recs in index.items()
        }
        local = {k: v for k, v in local.items() if v}
        if difflib.get_close_matches(_desa_key(value), list(local), n=1, cutoff=0.6):
            index = local
    out: list[str] = []
    for key in difflib.get_close_matches(_desa_key(value), list(index), n=10, cutoff=0.6):
        for rec in index[key]:
            if rec["nama"] not in out:
                out.append(rec["nama"])
    return out[:n]


def _year(value: object, label: str, this_year: int, where: dict) -> tuple[int | None, list]:
    expected = f"tahun {FIRST_YEAR} sampai {this_year}"
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, int | float) and float(value).is_integer():
        year = int(value)
    elif isinstance(value, str) and re.fullmatch(r"\d{4}(\.0)?", value.strip()):
        year = int(float(value))
    elif isinstance(value, _dt.date):
        year = value.year
    else:
        return None, [Problem(f"{label} bukan tahun", value=value, expected=expected, **where)]
    if year < FIRST_YEAR:
        return None, [
            Problem(
                f"{label} sebelum {FIRST_YEAR}, tahun PSM mulai ada",
                value=value,
                expected=expected,
                **where,
            )
        ]
    if year > this_year:
        return None, [Problem(f"{label} di masa depan", value=value, expected=expected, **where)]
    return year, []


def _choice(value: object, allowed: tuple[str, ...], what: str, where: dict):
    key = name_key(value) if value is not None else ""
    for a in allowed:
        if key == name_key(a):
            return a, []
    if value is None:
        return None, [
            Problem(f"{what} kosong", expected=" atau ".join(allowed), show_value=False, **where)
        ]
    return None, [
        Problem(f"{what} tidak dikenali", value=value, expected=" atau ".join(allowed), **where)
    ]


class _Checker:
    """Checks the rows of one register file; remembers ids and kecamatan seen."""

    def __init__(self, table: RegisterTable, paths: Paths | None, this_year: int):
        self.table = table
        self.paths = paths
        self.this_year = this_year
        self.index, _ = _villages(paths)
        self.seen: dict[str, int] = {}
        # official spellings first (one table read); other spellings through the aliases
        self.known_kec = {
            name_key(n): (k, n)
            for k, n in kecamatan_table(paths)[["kode", "nama"]].itertuples(index=False)
        }

    def where(self, rownum: int, col: str) -> dict:
        t = self.table
        return {"file": t.file, "sheet": t.sheet, "row": rownum, "column": t.headers.get(col, col)}

    def cell(self, row: list[object], col: str) -> object:
        j = self.table.columns.get(col)
        return row[j] if j is not None and j < len(row) else None

    def psm_id(self, rownum: int, value: object) -> tuple[str | None, list[Problem]]:
        where = self.where(rownum, "id_psm")
        if value is None:
            return None, [
                Problem(
                    "id PSM kosong",
                    expected="id unik tiap PSM (mis. PSM-001), bukan nama",
                    show_value=False,
                    **where,
                )
            ]
        pid = str(int(value) if isinstance(value, float) and value.is_integer() else value)
        if pid.casefold() in self.seen:
            return None, [
                Problem(
                    f"id PSM ganda (sudah dipakai di baris {self.seen[pid.casefold()]})",
                    value=pid,
                    expected="id unik tiap PSM",
                    **where,
                )
            ]
        self.seen[pid.casefold()] = rownum
        return pid, []

    def kecamatan(self, rownum: int, value: object) -> tuple[tuple[str, str] | None, list]:
        where = self.where(rownum, "kecamatan")
        if value is None:
            return None, [
                Problem(
                    "kecamatan kosong",
                    expected="nama kecamatan di Kabupaten Pelalawan",
                    show_value=False,
                    **where,
                )
            ]
        if name_key(value) in self.known_kec:
            return self.known_kec[name_key(value)], []
        try:
            kec = normalize_kecamatan(str(value), paths=self.paths, **where)
        except DataError as err:
            return None, err.problems
        self.known_kec[name_key(value)] = kec
        return kec, []

    def desa(self, rownum: int, value: object, kec: tuple[str, str] | None):
        where = self.where(rownum, "desa_kelurahan")
        if value is None:
            return None, [
                Problem(
                    "desa/kelurahan kosong",
                    expected="nama desa/kelurahan menurut Kepmendagri",
                    show_value=False,
                    **where,
                )
            ]
        matches = self.index.get(_desa_key(str(value)), [])
        if not matches:
            close = closest_desa(str(value), self.paths, kode_kecamatan=kec[0] if kec else None)
            hint = f" (maksud Anda: {', '.join(close)}?)" if close else ""
            return None, [
                Problem(
                    f"desa/kelurahan tidak ada di Kabupaten Pelalawan{hint}",
                    value=value,
                    expected="nama desa/kelurahan menurut Kepmendagri 2025"
                    + (f" di Kecamatan {kec[1]}" if kec else ""),
                    **where,
                )
            ]
        if kec is None:
            return None, []
        same = [m for m in matches if m["kode_kecamatan"] == kec[0]]
        if same:
            return same[0], []
        right = " atau ".join(sorted({m["kecamatan"] for m in matches}))
        return None, [
            Problem(
                f"desa/kelurahan {matches[0]['nama']} ada di Kecamatan {right}, "
                f"bukan di Kecamatan {kec[1]}",
                value=value,
                expected=f"kecamatan {right}, atau desa/kelurahan Kecamatan {kec[1]}",
                **where,
            )
        ]

    def years(self, rownum: int, row: list[object], diklat: str | None):
        found: list[Problem] = []
        year = None
        value = self.cell(row, "tahun_penetapan")
        where = self.where(rownum, "tahun_penetapan")
        if value is None:
            found.append(
                Problem(
                    "tahun penetapan kosong",
                    expected=f"tahun {FIRST_YEAR} sampai {self.this_year}",
                    show_value=False,
                    **where,
                )
            )
        else:
            year, more = _year(value, "tahun penetapan", self.this_year, where)
            found += more
        diklat_year = None
        value = self.cell(row, "tahun_diklat")
        if value is not None:
            where = self.where(rownum, "tahun_diklat")
            diklat_year, more = _year(value, "tahun Diklat", self.this_year, where)
            found += more
            if diklat == "tidak":
                found.append(
                    Problem(
                        "tahun Diklat diisi, padahal Diklat 'tidak'",
                        value=value,
                        expected="kosongkan tahun Diklat, atau isi Diklat 'ya'",
                        **where,
                    )
                )
        return year, diklat_year, found

    def row(self, rownum: int, row: list[object]) -> tuple[dict | None, list[Problem]]:
        pid, found = self.psm_id(rownum, self.cell(row, "id_psm"))
        kec, more = self.kecamatan(rownum, self.cell(row, "kecamatan"))
        found += more
        desa, more = self.desa(rownum, self.cell(row, "desa_kelurahan"), kec)
        found += more
        choices = {}
        for col, allowed, what in (
            ("status", STATUSES, "status"),
            ("diklat", YES_NO, "isian Diklat"),
            ("bimtek", YES_NO, "isian Bimtek"),
        ):
            choices[col], more = _choice(
                self.cell(row, col), allowed, what, self.where(rownum, col)
            )
            found += more
        year, diklat_year, more = self.years(rownum, row, choices["diklat"])
        found += more
        if found or desa is None:
            return None, found
        record = {
            "id_psm": pid,
            "kode_wilayah": desa["kode"],
            "desa_kelurahan": desa["nama"],
            "kode_kecamatan": desa["kode_kecamatan"],
            "kecamatan": desa["kecamatan"],
            "status": choices["status"],
            "tahun_penetapan": year,
            "diklat": choices["diklat"] == "ya",
            "tahun_diklat": diklat_year,
            "bimtek": choices["bimtek"] == "ya",
            "berkas": self.table.file,
            "baris": rownum,
        }
        return record, []


def validate_table(
    table: RegisterTable, *, paths: Paths | None = None, this_year: int | None = None
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Check every row of one register file; return ``(valid rows, problems)``.

    The valid table (columns :data:`VALID_COLUMNS`) is ``None`` when there are problems.
    ``this_year`` (default: today's) is the latest year allowed.
    """
    checker = _Checker(table, paths, this_year or _dt.date.today().year)
    problems: list[Problem] = []
    out = []
    for rownum, row in table.rows:
        record, found = checker.row(rownum, row)
        problems += found
        if record is not None:
            out.append(record)
    if problems:
        return None, problems
    df = pd.DataFrame(out, columns=list(VALID_COLUMNS))
    return df.astype({"tahun_penetapan": "int64", "tahun_diklat": "Int64", "baris": "int64"}), []


def validate_files(
    files: list[Path], *, paths: Paths | None = None, this_year: int | None = None
) -> pd.DataFrame:
    """Read and check every register file; one table of all PSM, or one DataError with
    every problem of every file (an id used in two files is one too)."""
    problems: list[Problem] = []
    frames = []
    for f in files:
        try:
            table = read_register(f)
        except DataError as err:
            problems.extend(err.problems)
            continue
        df, found = validate_table(table, paths=paths, this_year=this_year)
        problems.extend(found)
        if df is not None:
            frames.append((table, df))
    seen: dict[str, tuple[str, int]] = {}
    for table, df in frames:
        for pid, row in zip(df["id_psm"], df["baris"], strict=True):
            key = pid.casefold()
            if key in seen and seen[key][0] != table.file:
                problems.append(
                    Problem(
                        f"id PSM ganda (sudah dipakai di berkas {seen[key][0]}, baris {seen[key][1]})",
                        file=table.file,
                        sheet=table.sheet,
                        row=int(row),
                        column=table.headers["id_psm"],
                        value=pid,
                        expected="id unik tiap PSM di semua berkas register",
                    )
                )
            seen.setdefault(key, (table.file, int(row)))
    DataError.collect(problems)
    if not frames:
        return pd.DataFrame(columns=list(VALID_COLUMNS))
    return pd.concat([df for _, df in frames], ignore_index=True)
