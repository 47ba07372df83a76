"""Kabupaten Pelalawan's kecamatan and desa/kelurahan from the Kemendagri reference.

The reference is ``data/raw/reference/wilayah_pelalawan_kepmendagri_2025.csv`` (columns
``kode``, ``nama``, ``tingkat``, ``kode_induk``; provenance in the README beside it).
In a village code ``14.05.08.2001`` the first digit of the last part tells the level:
1 = kelurahan, 2 = desa; the loader checks that it agrees with ``tingkat``.

Kecamatan names as found in tables are mapped to the official name and code by
:func:`normalize_kecamatan`, ignoring case, spacing and punctuation and going through
:data:`KECAMATAN_ALIASES` for known spelling variants.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from pathlib import Path

from psm_analysis import csvtext
from psm_analysis.config import Paths, get_paths
from psm_analysis.errors import DataError, Problem
from psm_analysis.text import name_key

REFERENCE_FILE = "wilayah_pelalawan_kepmendagri_2025.csv"
KABUPATEN_KODE = "14.05"

#: Known non-official spellings -> official Kemendagri name.
KECAMATAN_ALIASES: dict[str, str] = {
    "Bandar Pelatangan": "Bandar Petalangan",
    "Bandar Petalangan": "Bandar Petalangan",
    "Bandar Seikijang": "Bandar Sei Kijang",
    "Bandar Sekijang": "Bandar Sei Kijang",
    "Bandar Sei-Kijang": "Bandar Sei Kijang",
    "Pkl. Kerinci": "Pangkalan Kerinci",
    "Pkl. Kuras": "Pangkalan Kuras",
    "Pkl. Lesung": "Pangkalan Lesung",
    "Pangkalankerinci": "Pangkalan Kerinci",
}

MSG_UNKNOWN = "nama kecamatan tidak dikenali"

_LEVEL_DIGIT = {"kelurahan": "1", "desa": "2"}
_PREFIX = re.compile(r"^(kecamatan|kec)\b\.?\s*", re.IGNORECASE)


def _kecamatan_key(name: str) -> str:
    return name_key(_PREFIX.sub("", str(name).strip()))


def reference_path(paths: Paths | None = None) -> Path:
    return (paths or get_paths()).raw_reference / REFERENCE_FILE


@lru_cache(maxsize=8)
def _load(path_str: str, mtime_ns: int):
    from psm_analysis.errors import display_path

    path = Path(path_str)
    shown = display_path(path)
    df = csvtext.read_frame(path, shown)
    missing = {"kode", "nama", "tingkat", "kode_induk"} - set(df.columns)
    if missing:
        raise DataError(
            Problem(
                "kolom referensi wilayah tidak ada",
                file=shown,
                row=1,
                value=", ".join(sorted(missing)),
                expected="kode, nama, tingkat, kode_induk",
            )
        )
    problems = []
    for i, r in enumerate(df.itertuples(index=False), start=2):
        parts = r.kode.split(".")
        if r.tingkat not in ("kabupaten", "kecamatan", "kelurahan", "desa"):
            problems.append(
                Problem(
                    "tingkat wilayah tidak dikenali",
                    file=shown,
                    row=i,
                    column="tingkat",
                    value=r.tingkat,
                    expected="kabupaten, kecamatan, kelurahan, atau desa",
                )
            )
        elif r.tingkat in _LEVEL_DIGIT and (
            len(parts) != 4 or parts[3][:1] != _LEVEL_DIGIT[r.tingkat]
        ):
            problems.append(
                Problem(
                    "kode wilayah tidak cocok dengan tingkatnya",
                    file=shown,
                    row=i,
                    column="kode",
                    value=r.kode,
                    expected=f"bagian terakhir diawali {_LEVEL_DIGIT[r.tingkat]} untuk {r.tingkat}",
                )
            )
        if r.tingkat != "kabupaten" and r.kode_induk != ".".join(parts[:-1]):
            problems.append(
                Problem(
                    "kode induk tidak cocok dengan kode wilayah",
                    file=shown,
                    row=i,
                    column="kode_induk",
                    value=r.kode_induk,
                    expected=".".join(parts[:-1]),
                )
            )
    DataError.collect(problems)
    return df


def load_wilayah(paths: Paths | None = None):
    """The reference file as a DataFrame of strings (checked: levels, codes, parents)."""
    path = reference_path(paths)
    if not path.is_file():
        from psm_analysis.errors import display_path

        raise DataError(
            Problem("berkas referensi wilayah tidak ditemukan", file=display_path(path))
        )
    return _load(str(path), path.stat().st_mtime_ns).copy()


def desa_table(paths: Paths | None = None):
    """Every desa/kelurahan: ``kode``, ``nama``, ``tingkat``, ``kode_kecamatan``,
    ``kecamatan``; sorted by code."""
    df = load_wilayah(paths)
    kec = df[df["tingkat"] == "kecamatan"].set_index("kode")["nama"]
    villages = df[df["tingkat"].isin(["desa", "kelurahan"])]
    out = villages.assign(kode_kecamatan=villages["kode_induk"])
    out = out.assign(kecamatan=out["kode_kecamatan"].map(kec))
    cols = ["kode", "nama", "tingkat", "kode_kecamatan", "kecamatan"]
    return out[cols].sort_values("kode").reset_index(drop=True)


def kecamatan_table(paths: Paths | None = None):
    """The kecamatan: ``kode``, ``nama``, ``jumlah_desa``, ``jumlah_kelurahan``,
    ``jumlah_desa_kelurahan``; sorted by code."""
    df = load_wilayah(paths)
    kec = df[df["tingkat"] == "kecamatan"][["kode", "nama"]]
    villages = desa_table(paths)
    counts = (
        villages.groupby(["kode_kecamatan", "tingkat"]).size().unstack(fill_value=0)
        if len(villages)
        else None
    )
    out = kec.copy()
    for level, col in (("desa", "jumlah_desa"), ("kelurahan", "jumlah_kelurahan")):
        if counts is not None and level in counts.columns:
            out[col] = out["kode"].map(counts[level]).fillna(0).astype("int64")
        else:
            out[col] = 0
    out["jumlah_desa_kelurahan"] = out["jumlah_desa"] + out["jumlah_kelurahan"]
    return out.sort_values("kode").reset_index(drop=True)


def _lookup(paths: Paths | None) -> dict[str, tuple[str, str]]:
    kec = kecamatan_table(paths)
    by_name = {n: (k, n) for k, n in zip(kec["kode"], kec["nama"], strict=True)}
    table = {_kecamatan_key(n): v for n, v in by_name.items()}
    for alias, official in KECAMATAN_ALIASES.items():
        if official in by_name:
            table.setdefault(_kecamatan_key(alias), by_name[official])
    return table


def closest_kecamatan(name: str, n: int = 3, paths: Paths | None = None) -> list[str]:
    """Official names closest to ``name`` (difflib on the comparison keys), best first."""
    table = _lookup(paths)
    out: list[str] = []
    for key in difflib.get_close_matches(_kecamatan_key(name), list(table), n=10, cutoff=0.6):
        official = table[key][1]
        if official not in out:
            out.append(official)
    return out[:n]


def normalize_kecamatan(
    name: str, *, paths: Paths | None = None, **where: object
) -> tuple[str, str]:
    """``(kode, official_name)`` of a kecamatan name as written in a table.

    Case, spacing, punctuation and a leading "Kec."/"Kecamatan" are ignored; known
    variants go through :data:`KECAMATAN_ALIASES`. An unknown name raises
    :class:`~psm_analysis.errors.DataError` listing the closest official names
    (``where`` = file, sheet, row, column locate it).

    >>> normalize_kecamatan("Bandar Pelatangan")
    ('14.05.12', 'Bandar Petalangan')
    """
    table = _lookup(paths)
    hit = table.get(_kecamatan_key(name)) if isinstance(name, str) else None
    if hit is not None:
        return hit
    close = closest_kecamatan(name, paths=paths) if isinstance(name, str) else []
    if close:
        expected = "nama kecamatan resmi; yang paling mirip: " + ", ".join(close)
    else:
        names = sorted({v[1] for v in table.values()})
        expected = "salah satu kecamatan resmi: " + ", ".join(names)
    raise DataError(Problem(MSG_UNKNOWN, value=name, expected=expected, **where))


def desa_of(kecamatan: str, paths: Paths | None = None):
    """The desa/kelurahan of a kecamatan (any accepted spelling), sorted by code."""
    kode, _ = normalize_kecamatan(kecamatan, paths=paths)
    df = desa_table(paths)
    return df[df["kode_kecamatan"] == kode].reset_index(drop=True)
