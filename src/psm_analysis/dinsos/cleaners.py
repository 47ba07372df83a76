"""The cleaners of Tabel I.1-I.4: a table as read by
:func:`~psm_analysis.printed_table.read_printed_table` -> a tidy table with official names
and codes (Kemendagri, Permensos 08/2012) and its provenance columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from psm_analysis.config import Paths
from psm_analysis.errors import DataError, Problem
from psm_analysis.numbers import parse_number
from psm_analysis.printed_table import NIL_SUFFIX, UNIT_SUFFIX, cell_as_written
from psm_analysis.text import name_key

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


# --------------------------------------------------------------------------- cleaners


def _find_column(df, keys: tuple[str, ...], expected: str) -> str:
    for col in df.columns:
        if name_key(col) in keys:
            return col
    raise DataError(
        Problem(
            "kolom tidak ada",
            file=df.attrs.get("berkas"),
            sheet=df.attrs.get("lembar"),
            row=1,
            value=", ".join(str(c) for c in df.columns),
            expected=f"kolom {expected}",
        )
    )


def _where(df, row: int, column: str) -> dict:
    return {
        "file": df.attrs.get("berkas"),
        "sheet": df.attrs.get("lembar"),
        "row": row,
        "column": column,
    }


def clean_tenaga_sosial(
    df: pd.DataFrame, sumber: str, tahun: int | None, paths: Paths | None = None
) -> pd.DataFrame:
    """Tabel I.1 (as :func:`~psm_analysis.printed_table.read_printed_table` gives it) to one row per PSKS kind listed:
    ``no``, ``jenis_di_sumber``, ``jenis_resmi``, ``singkatan``, ``kode_psks`` (number in
    Permensos 08/2012), ``ejaan_resmi``, ``jumlah`` (0 when nil), ``satuan``, ``nihil``,
    ``sumber``, ``tahun``."""
    import pandas as pd

    from psm_analysis.psks import is_official_spelling, normalize_psks

    c_no = _find_column(df, ("no", "nomor"), "No.")
    c_kind = _find_column(
        df,
        ("tenagasosialmasyarakat", "jenis", "jenistenagasosial", "psks", "jenispsks"),
        "Tenaga Sosial Masyarakat",
    )
    c_n = _find_column(df, ("jumlah",), "Jumlah")
    problems: list[Problem] = _count_problems(df, c_n, "jumlah")
    kinds = []
    seen: dict[int, int] = {}
    for row, text in df[c_kind].items():
        try:
            kind = normalize_psks(text, paths=paths, **_where(df, row, c_kind))
        except DataError as err:
            problems.extend(err.problems)
            continue
        if kind.no in seen:
            problems.append(
                Problem(
                    f"jenis PSKS sudah tercantum di baris {seen[kind.no]}",
                    value=text,
                    **_where(df, row, c_kind),
                )
            )
        seen[kind.no] = row
        kinds.append((text, kind))
    DataError.collect(problems)
    if c_n + NIL_SUFFIX in df.columns:
        nihil = df[c_n + NIL_SUFFIX].fillna(False)
    else:
        nihil = pd.Series(False, index=df.index)
    satuan = (
        df[c_n + UNIT_SUFFIX]
        if c_n + UNIT_SUFFIX in df.columns
        else pd.Series(None, index=df.index, dtype="str")
    )
    out = pd.DataFrame(
        {
            "no": df[c_no].astype("Int64").to_numpy(),
            "jenis_di_sumber": [t for t, _ in kinds],
            "jenis_resmi": [k.jenis_resmi for _, k in kinds],
            "singkatan": [k.singkatan for _, k in kinds],
            "kode_psks": [k.no for _, k in kinds],
            "ejaan_resmi": [is_official_spelling(t, k) for t, k in kinds],
            "jumlah": df[c_n].astype("Int64").to_numpy(),
            "satuan": satuan.to_numpy(),
            "nihil": nihil.astype("bool").to_numpy(),
            "sumber": sumber,
            "tahun": tahun,
        }
    )
    return out.astype(
        {
            "kode_psks": "Int64",
            "tahun": "Int64",
            "singkatan": "str",
            "satuan": "str",
            "ejaan_resmi": "bool",
            "nihil": "bool",
        }
    )


def _count_problems(df: pd.DataFrame, col: str, what: str) -> list[Problem]:
    """A count of people or groups is a whole number, 0 or more."""
    import pandas as pd

    problems = []
    for row, n in df[col].items():
        if pd.isna(n):
            continue
        if n < 0 or n != int(n):
            problems.append(
                Problem(
                    f"{what} harus bilangan bulat 0 atau lebih",
                    value=cell_as_written(df, row, col),
                    expected='bilangan bulat seperti 0, 12, atau 1.250 ("-" bila nihil)',
                    **_where(df, row, col),
                )
            )
    return problems


def clean_psm_per_kecamatan(
    df: pd.DataFrame, sumber: str, tahun: int | None, paths: Paths | None = None
) -> pd.DataFrame:
    """Tabel I.2 joined to the Kemendagri reference, one row per kecamatan sorted by code:
    ``kode_wilayah``, ``kecamatan`` (official), ``nama_di_sumber``, ``ejaan_resmi``,
    ``jumlah_psm``, ``jumlah_desa``, ``jumlah_kelurahan``, ``jumlah_desa_kelurahan``,
    ``selisih_psm_desa_kelurahan``, ``no_di_sumber``, ``sumber``, ``tahun``.
    The printed Jumlah row is not a row here (see ``df.attrs["jumlah"]``)."""
    import pandas as pd

    from psm_analysis.regions import kecamatan_table, normalize_kecamatan

    c_no = _find_column(df, ("no", "nomor"), "No.")
    c_kec = _find_column(df, ("kecamatan", "namakecamatan"), "Kecamatan")
    c_n = _find_column(df, ("jumlahpsmorang", "jumlahpsm", "psm", "jumlah"), "Jumlah PSM (Orang)")
    problems: list[Problem] = _count_problems(df, c_n, "jumlah PSM")
    rows = []
    seen: dict[str, int] = {}
    for row, name in df[c_kec].items():
        try:
            kode, official = normalize_kecamatan(name, paths=paths, **_where(df, row, c_kec))
        except DataError as err:
            problems.extend(err.problems)
            continue
        if kode in seen:
            problems.append(
                Problem(
                    f"kecamatan sudah tercantum di baris {seen[kode]}",
                    value=name,
                    **_where(df, row, c_kec),
                )
            )
        seen[kode] = row
        n = df.at[row, c_n]
        if pd.isna(n):
            problems.append(
                Problem(
                    "jumlah PSM kosong",
                    value="",
                    **_where(df, row, c_n),
                    expected='angka (0 atau "-" bila tidak ada)',
                )
            )
        rows.append(
            {
                "kode_wilayah": kode,
                "kecamatan": official,
                "nama_di_sumber": name,
                "ejaan_resmi": re.sub(r"\s+", " ", name).strip().casefold() == official.casefold(),
                "jumlah_psm": n,
                "no_di_sumber": df.at[row, c_no],
            }
        )
    DataError.collect(problems)
    ref = kecamatan_table(paths).rename(columns={"kode": "kode_wilayah"}).drop(columns="nama")
    out = pd.DataFrame(rows).merge(ref, on="kode_wilayah", how="left", validate="one_to_one")
    out["selisih_psm_desa_kelurahan"] = (
        out["jumlah_psm"].astype("Int64") - out["jumlah_desa_kelurahan"]
    )
    out["sumber"] = sumber
    out["tahun"] = tahun
    cols = [
        "kode_wilayah",
        "kecamatan",
        "nama_di_sumber",
        "ejaan_resmi",
        "jumlah_psm",
        "jumlah_desa",
        "jumlah_kelurahan",
        "jumlah_desa_kelurahan",
        "selisih_psm_desa_kelurahan",
        "no_di_sumber",
        "sumber",
        "tahun",
    ]
    out = out[cols].sort_values("kode_wilayah").reset_index(drop=True)
    ints = [
        "jumlah_psm",
        "jumlah_desa",
        "jumlah_kelurahan",
        "jumlah_desa_kelurahan",
        "selisih_psm_desa_kelurahan",
        "no_di_sumber",
        "tahun",
    ]
    return out.astype({c: "Int64" for c in ints} | {"ejaan_resmi": "bool"})


#: Statuses recognised at the start of Tabel I.3's Keterangan, longest first.
STATUSES = ("Tidak Terlaksana", "Belum Terlaksana", "Kurang Terlaksana", "Terlaksana")
_STATUS = re.compile(r"^(" + "|".join(STATUSES) + r")\b", re.IGNORECASE)
_TARGET = re.compile(r"\bdari\s+(\d[\d.]*)\s+orang", re.IGNORECASE)
_REACHED = (
    re.compile(r"\bbaru\s+(\d[\d.]*)", re.IGNORECASE),
    re.compile(r"\bpada\s+(\d[\d.]*)\s+orang", re.IGNORECASE),
    re.compile(r"(\d[\d.]*)\s+(?:orang\s+)?(?:yang\s+)?(?:telah|sudah)\b", re.IGNORECASE),
)


@dataclass(frozen=True)
class Keterangan:
    """Tabel I.3's Keterangan read: a status and the numbers of persons it states."""

    status: str
    terlaksana: bool
    sasaran_orang: int | None
    tercapai_orang: int | None


def parse_keterangan(text: str, **where: object) -> Keterangan:
    """Read a Keterangan such as "Kurang Terlaksana (dari 120 orang PSM baru 80 yang
    telah mendapat Diklat)": the status (one of :data:`STATUSES`), ``terlaksana`` (True
    only for "Terlaksana"; "Kurang Terlaksana" is False), the target ("dari N orang") and
    the number reached ("baru N", "pada N orang", "N yang telah"). A number the patterns
    do not explain is an error, so no number in the text is silently dropped.

    >>> parse_keterangan("Terlaksana pada 80 orang PSM")
    Keterangan(status='Terlaksana', terlaksana=True, sasaran_orang=None, tercapai_orang=80)
    """
    text = re.sub(r"\s+", " ", str(text or "")).strip()
    m = _STATUS.match(text)
    if not m:
        raise DataError(
            Problem(
                "status kegiatan tidak dikenali",
                value=text,
                expected="diawali " + ", ".join(STATUSES),
                **where,
            )
        )
    status = next(s for s in STATUSES if s.casefold() == m[1].casefold())
    explained: set[tuple[int, int]] = set()

    def grab(pattern):
        hit = pattern.search(text)
        if hit is None:
            return None
        explained.add(hit.span(1))
        return parse_number(hit[1], **where).value

    sasaran = grab(_TARGET)
    tercapai = None
    for pattern in _REACHED:
        value = grab(pattern)
        if value is not None and tercapai is None:
            tercapai = value
        elif value is not None and value != tercapai:
            raise DataError(
                Problem("dua jumlah tercapai yang berbeda dalam keterangan", value=text, **where)
            )
    for num in re.finditer(r"\d[\d.]*", text):
        if num.span() not in explained:
            raise DataError(
                Problem(
                    "angka dalam keterangan tidak dikenali",
                    value=text,
                    expected='"dari N orang" (sasaran), "baru N", "pada N orang" atau "N yang telah" (tercapai)',
                    **where,
                )
            )
    return Keterangan(status, status == "Terlaksana", sasaran, tercapai)


def clean_kegiatan(df: pd.DataFrame, sumber: str, tahun: int | None) -> pd.DataFrame:
    """Tabel I.3: ``no``, ``kegiatan``, ``status``, ``terlaksana``, ``sasaran_orang``,
    ``tercapai_orang``, ``keterangan_asli``, ``sumber``, ``tahun``."""
    import pandas as pd

    c_no = _find_column(df, ("no", "nomor"), "No.")
    c_act = _find_column(df, ("jeniskegiatan", "kegiatan"), "Jenis Kegiatan")
    c_note = _find_column(df, ("keterangan", "ket"), "Keterangan")
    problems: list[Problem] = []
    parsed = []
    for row, text in df[c_note].items():
        try:
            parsed.append(parse_keterangan(text, **_where(df, row, c_note)))
        except DataError as err:
            problems.extend(err.problems)
    DataError.collect(problems)
    out = pd.DataFrame(
        {
            "no": df[c_no].to_numpy(),
            "kegiatan": df[c_act].to_numpy(),
            "status": [k.status for k in parsed],
            "terlaksana": [k.terlaksana for k in parsed],
            "sasaran_orang": [k.sasaran_orang for k in parsed],
            "tercapai_orang": [k.tercapai_orang for k in parsed],
            "keterangan_asli": df[c_note].to_numpy(),
            "sumber": sumber,
            "tahun": tahun,
        }
    )
    return out.astype(
        {
            "no": "Int64",
            "sasaran_orang": "Int64",
            "tercapai_orang": "Int64",
            "tahun": "Int64",
            "terlaksana": "bool",
            "kegiatan": "str",
            "status": "str",
            "keterangan_asli": "str",
        }
    )


def clean_diklat(df: pd.DataFrame, sumber: str, tahun: int | None) -> pd.DataFrame:
    """Tabel I.4: ``no``, ``kegiatan``, ``tahun`` (the year of the activity),
    ``sumber``, ``tahun_sumber`` (NA: no year printed)."""
    import pandas as pd

    c_no = _find_column(df, ("no", "nomor"), "No.")
    c_act = _find_column(df, ("jeniskegiatan", "kegiatan"), "Jenis Kegiatan")
    c_year = _find_column(df, ("tahun",), "Tahun")
    problems = [
        Problem(
            "tahun kegiatan tidak masuk akal",
            value=cell_as_written(df, row, c_year),
            expected="tahun empat angka, 1950–2100",
            **_where(df, row, c_year),
        )
        for row, v in df[c_year].items()
        if pd.notna(v) and not (float(v).is_integer() and 1950 <= v <= 2100)
    ]
    DataError.collect(problems)
    out = pd.DataFrame(
        {
            "no": df[c_no].to_numpy(),
            "kegiatan": df[c_act].to_numpy(),
            "tahun": df[c_year].to_numpy(),
            "sumber": sumber,
            "tahun_sumber": tahun,
        }
    )
    return out.astype({"no": "Int64", "tahun": "Int64", "tahun_sumber": "Int64", "kegiatan": "str"})
