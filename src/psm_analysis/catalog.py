"""The catalog of processed files: every file in ``data/processed``, its columns and
dtypes, and the builder that writes it.

One place declares what a processed file holds. Builders are checked against it before
anything is written (:func:`check_frame`), notebooks and library read every processed file
through it (:func:`load`), and a test checks every file in ``data/processed`` against its
entry. A small registry
rather than pandera: the checks needed are column names and dtypes, and pandera adds
about a second of imports to every kernel and to ``clean`` (measured in issue 8's note).

Dtypes are the pandas dtypes :func:`load` returns: ``"str"`` (text, missing as NaN),
``"int64"`` (whole numbers, never missing), ``"Int64"`` (whole numbers, may be missing),
``"float64"``/``"Float64"`` (decimals), ``"boolean"`` (``true``/``false`` in the CSV, may be
missing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from psm_analysis.config import Paths, get_paths
from psm_analysis.errors import DataError, Problem

if TYPE_CHECKING:
    import pandas as pd

#: Builder of each input family, in the order ``clean`` runs them: name -> "module:function".
#: Every builder is ``build_outputs(paths) -> contracts.BuildOutput``.
BUILDERS: dict[str, str] = {
    "dinsos": "psm_analysis.dinsos.build:build_outputs",
    "survey": "psm_analysis.survey.pipeline:build_outputs",
    "interviews": "psm_analysis.interviews.pipeline:build_outputs",
    "register": "psm_analysis.register.build:build_outputs",
    "schedule": "psm_analysis.schedule:build_outputs",
    "bps": "psm_analysis.bps:build_outputs",
}

DTYPES = ("str", "int64", "Int64", "float64", "Float64", "boolean")


@dataclass(frozen=True)
class Entry:
    """One processed file.

    ``columns`` maps each column to its dtype, in file order (``None`` for a file that is
    not a CSV table: xlsx, sav, qdc). With ``open_columns`` the listed columns must be
    there and typed, and the file may hold more (columns named after the codebook's
    items, which the researcher defines).
    """

    name: str
    builder: str
    columns: dict[str, str] | None = None
    open_columns: bool = False
    description: str = field(default="", compare=False)

    @property
    def is_table(self) -> bool:
        return self.columns is not None


_ENTRIES = [
    Entry("data_dinas_sosial.xlsx", "dinsos", None),
    Entry(
        "desa_kelurahan.csv",
        "dinsos",
        {
            "kode": "str",
            "nama": "str",
            "tingkat": "str",
            "kode_kecamatan": "str",
            "kecamatan": "str",
        },
    ),
    Entry(
        "diklat_psm.csv",
        "dinsos",
        {
            "no": "Int64",
            "kegiatan": "str",
            "tahun": "Int64",
            "sumber": "str",
            "tahun_sumber": "Int64",
        },
    ),
    Entry(
        "jadwal_penelitian.csv",
        "schedule",
        {
            "no": "int64",
            "kegiatan": "str",
            "urutan_bulan": "int64",
            "bulan": "str",
            "dijadwalkan": "boolean",
            "sumber": "str",
        },
    ),
    Entry(
        "kegiatan_peningkatan_kinerja.csv",
        "dinsos",
        {
            "no": "Int64",
            "kegiatan": "str",
            "status": "str",
            "terlaksana": "boolean",
            "sasaran_orang": "Int64",
            "tercapai_orang": "Int64",
            "keterangan_asli": "str",
            "sumber": "str",
            "tahun": "Int64",
        },
    ),
    Entry(
        "klaim_teks.csv",
        "dinsos",
        {"klaim": "str", "nilai": "str", "kutipan": "str", "letak": "str"},
    ),
    Entry(
        "kuesioner_buku_kode.csv",
        "survey",
        {
            "butir": "str",
            "variabel": "str",
            "nama_variabel": "str",
            "indikator": "str",
            "nama_indikator": "str",
            "dasar": "str",
            "pernyataan": "str",
            "dibalik": "boolean",
            "boleh_kosong": "boolean",
            "skala": "str",
            "digugurkan": "boolean",
        },
    ),
    Entry(
        "kuesioner_butir.csv",
        "survey",
        {
            "variabel": "str",
            "indikator": "str",
            "butir": "str",
            "pernyataan": "str",
            "dibalik": "boolean",
            "n": "int64",
            "f_5": "int64",
            "f_4": "int64",
            "f_3": "int64",
            "f_2": "int64",
            "f_1": "int64",
            "persen_5": "float64",
            "persen_4": "float64",
            "persen_3": "float64",
            "persen_2": "float64",
            "persen_1": "float64",
            "skor_total": "int64",
            "skor_maks": "int64",
            "rata_rata": "float64",
            "indeks": "float64",
            "kategori": "str",
        },
    ),
    Entry(
        "kuesioner_indeks_responden.csv", "survey", open_columns=True, columns={"responden": "str"}
    ),
    Entry(
        "kuesioner_indikator.csv",
        "survey",
        {
            "variabel": "str",
            "indikator": "str",
            "nama_indikator": "str",
            "dasar": "str",
            "jumlah_butir": "int64",
            "n": "int64",
            "f_5": "int64",
            "f_4": "int64",
            "f_3": "int64",
            "f_2": "int64",
            "f_1": "int64",
            "persen_5": "float64",
            "persen_4": "float64",
            "persen_3": "float64",
            "persen_2": "float64",
            "persen_1": "float64",
            "skor_total": "int64",
            "skor_maks": "int64",
            "rata_rata": "float64",
            "indeks": "float64",
            "kategori": "str",
        },
    ),
    Entry(
        "kuesioner_jawaban.csv",
        "survey",
        open_columns=True,
        columns={"responden": "str", "berkas": "str", "baris": "int64", "data_contoh": "boolean"},
    ),
    Entry("kuesioner_jawaban.sav", "survey", None),
    Entry(
        "kuesioner_jawaban_panjang.csv",
        "survey",
        {
            "responden": "str",
            "variabel": "str",
            "indikator": "str",
            "butir": "str",
            "jawaban": "Int64",
            "skor": "Int64",
            "dibalik": "boolean",
        },
    ),
    Entry(
        "kuesioner_kategori.csv",
        "survey",
        {
            "variabel": "str",
            "kelas": "int64",
            "batas_bawah": "float64",
            "batas_atas": "float64",
            "kategori": "str",
            "metode": "str",
            "aturan": "str",
        },
    ),
    Entry(
        "kuesioner_perbandingan_diklat.csv",
        "survey",
        {
            "variabel": "str",
            "kolom": "str",
            "kelompok_a": "str",
            "kelompok_b": "str",
            "n_a": "int64",
            "n_b": "int64",
            "median_a": "float64",
            "median_b": "float64",
            "rata_rata_a": "float64",
            "rata_rata_b": "float64",
            "u": "float64",
            "p": "float64",
            "metode": "str",
            "p_terkecil": "float64",
            "r_rank_biserial": "float64",
        },
    ),
    Entry(
        "kuesioner_profil.csv",
        "survey",
        {"kolom": "str", "label": "str", "kategori": "str", "f": "int64", "persen": "float64"},
    ),
    Entry(
        "kuesioner_reliabilitas.csv",
        "survey",
        {
            "variabel": "str",
            "jumlah_butir": "int64",
            "n": "int64",
            "alpha": "float64",
            "ci_bawah": "float64",
            "ci_atas": "float64",
            "catatan": "str",
            "data_uji": "str",
        },
    ),
    Entry("kuesioner_skala.csv", "survey", {"skala": "str", "nilai": "int64", "label": "str"}),
    Entry(
        "kuesioner_validitas_butir.csv",
        "survey",
        {
            "variabel": "str",
            "butir": "str",
            "n": "int64",
            "rata_rata": "float64",
            "r_item_total": "float64",
            "r_kritis": "float64",
            "valid": "boolean",
            "alpha_jika_dihapus": "float64",
            "data_uji": "str",
            "tindakan": "str",
        },
    ),
    Entry(
        "kuesioner_variabel.csv",
        "survey",
        {
            "variabel": "str",
            "nama_variabel": "str",
            "jumlah_indikator": "int64",
            "jumlah_butir": "int64",
            "n": "int64",
            "f_5": "int64",
            "f_4": "int64",
            "f_3": "int64",
            "f_2": "int64",
            "f_1": "int64",
            "persen_5": "float64",
            "persen_4": "float64",
            "persen_3": "float64",
            "persen_2": "float64",
            "persen_1": "float64",
            "skor_total": "int64",
            "skor_maks": "int64",
            "rata_rata": "float64",
            "indeks": "float64",
            "kategori": "str",
        },
    ),
    Entry(
        "luas_penduduk_desa.csv",
        "bps",
        {
            "desa_kelurahan": "str",
            "kode": "str",
            "luas_km2": "Float64",
            "penduduk": "Int64",
            "kepadatan": "Float64",
            "sumber": "str",
        },
    ),
    Entry(
        "pemeriksaan_konsistensi.csv",
        "dinsos",
        {
            "id": "str",
            "pemeriksaan": "str",
            "diharapkan": "str",
            "ditemukan": "str",
            "status": "str",
            "keterangan": "str",
        },
    ),
    Entry(
        "pemeriksaan_lintas_sumber.csv",
        "register",
        {
            "id": "str",
            "pemeriksaan": "str",
            "diharapkan": "str",
            "ditemukan": "str",
            "status": "str",
            "keterangan": "str",
        },
    ),
    Entry(
        "psm_per_desa.csv",
        "register",
        {
            "kode_wilayah": "str",
            "desa_kelurahan": "str",
            "kecamatan": "str",
            "jumlah_psm": "int64",
            "jumlah_psm_aktif": "int64",
            "jumlah_psm_diklat": "int64",
        },
    ),
    Entry(
        "psm_per_kecamatan.csv",
        "dinsos",
        {
            "kode_wilayah": "str",
            "kecamatan": "str",
            "nama_di_sumber": "str",
            "ejaan_resmi": "boolean",
            "jumlah_psm": "Int64",
            "jumlah_desa": "Int64",
            "jumlah_kelurahan": "Int64",
            "jumlah_desa_kelurahan": "Int64",
            "selisih_psm_desa_kelurahan": "Int64",
            "no_di_sumber": "Int64",
            "sumber": "str",
            "tahun": "Int64",
        },
    ),
    Entry(
        "struktur_organisasi.csv",
        "dinsos",
        {
            "no": "str",
            "unit": "str",
            "jenis": "str",
            "induk": "str",
            "sumber": "str",
            "tingkat": "int64",
        },
    ),
    Entry(
        "sumber_masukan.csv",
        "clean",
        {"masukan": "str", "berkas": "str", "data_contoh": "boolean", "catatan": "str"},
    ),
    Entry(
        "sumber_tabel.csv",
        "dinsos",
        {
            "tabel": "str",
            "judul": "str",
            "judul_asli": "str",
            "sumber": "str",
            "sumber_asli": "str",
            "tahun": "Int64",
            "berkas": "str",
        },
    ),
    Entry(
        "tenaga_sosial.csv",
        "dinsos",
        {
            "no": "Int64",
            "jenis_di_sumber": "str",
            "jenis_resmi": "str",
            "singkatan": "str",
            "kode_psks": "Int64",
            "ejaan_resmi": "boolean",
            "jumlah": "Int64",
            "satuan": "str",
            "nihil": "boolean",
            "sumber": "str",
            "tahun": "Int64",
        },
    ),
    Entry(
        "wawancara_codebook.csv",
        "interviews",
        {
            "kode": "str",
            "pertanyaan": "str",
            "induk": "str",
            "label": "str",
            "deskripsi": "str",
            "indikator": "str",
            "indikator_kuesioner": "str",
            "dapat_dikodekan": "boolean",
            "warna": "str",
            "guid": "str",
        },
    ),
    Entry("wawancara_codebook.qdc", "interviews", None),
    Entry("wawancara_codebook_taguette.csv", "interviews", None),
    Entry(
        "wawancara_hambatan_peringkat.csv",
        "interviews",
        {
            "peringkat": "int64",
            "kode": "str",
            "label": "str",
            "jumlah_informan": "int64",
            "persen_informan": "float64",
            "jumlah_segmen": "int64",
            "jumlah_kelompok": "int64",
            "kelompok": "str",
            "sumber": "str",
        },
    ),
    Entry(
        "wawancara_informan.csv",
        "interviews",
        {
            "id_informan": "str",
            "pseudonim": "str",
            "jabatan": "str",
            "kelompok": "str",
            "tanggal_wawancara": "str",
            "jumlah_dokumen": "int64",
            "jumlah_segmen": "int64",
            "sumber": "str",
        },
    ),
    Entry(
        "wawancara_kesepakatan.csv",
        "interviews",
        {
            "pengkode_1": "str",
            "pengkode_2": "str",
            "jumlah_dokumen": "int64",
            "kode": "str",
            "label": "str",
            "jumlah_unit": "int64",
            "keduanya": "int64",
            "hanya_pengkode_1": "int64",
            "hanya_pengkode_2": "int64",
            "tidak_keduanya": "int64",
            "proporsi_kesepakatan": "float64",
            "kesepakatan_peluang": "float64",
            "koefisien": "str",
            "nilai": "float64",
            "kekuatan": "str",
            "perlu_dibahas": "boolean",
            "catatan": "str",
            "sumber": "str",
        },
    ),
    Entry(
        "wawancara_ketidaksepakatan.csv",
        "interviews",
        {
            "pengkode_1": "str",
            "pengkode_2": "str",
            "dokumen": "str",
            "pseudonim": "str",
            "kelompok": "str",
            "kode": "str",
            "label": "str",
            "dikodekan_oleh": "str",
            "tidak_dikodekan_oleh": "str",
            "kode_pengkode_1": "str",
            "kode_pengkode_2": "str",
            "kutipan": "str",
            "sumber": "str",
        },
    ),
    Entry(
        "wawancara_kode_frekuensi.csv",
        "interviews",
        {
            "kode": "str",
            "label": "str",
            "pertanyaan": "str",
            "jumlah_segmen": "int64",
            "jumlah_informan": "int64",
            "jumlah_kelompok": "int64",
            "persen_informan": "float64",
            "sumber": "str",
        },
    ),
    Entry(
        "wawancara_kutipan.csv",
        "interviews",
        {
            "kode": "str",
            "label": "str",
            "pertanyaan": "str",
            "pseudonim": "str",
            "kelompok": "str",
            "dokumen": "str",
            "kutipan": "str",
            "id_segmen": "str",
            "tanggal_wawancara": "str",
            "sitasi": "str",
            "sumber": "str",
        },
    ),
    Entry(
        "wawancara_matriks_kode_informan.csv",
        "interviews",
        {
            "kode": "str",
            "label": "str",
            "pertanyaan": "str",
            "id_informan": "str",
            "pseudonim": "str",
            "kelompok": "str",
            "jumlah_segmen": "int64",
            "sumber": "str",
        },
    ),
    Entry(
        "wawancara_matriks_kode_kelompok.csv",
        "interviews",
        {
            "kode": "str",
            "label": "str",
            "pertanyaan": "str",
            "kelompok": "str",
            "informan_kelompok": "int64",
            "jumlah_segmen": "int64",
            "jumlah_informan": "int64",
            "sumber": "str",
        },
    ),
    Entry(
        "wawancara_kesepakatan_karakter.csv",
        "interviews",
        {
            "pengkode_1": "str",
            "pengkode_2": "str",
            "jumlah_dokumen": "int64",
            "jumlah_karakter": "int64",
            "kode": "str",
            "label": "str",
            "keduanya": "int64",
            "hanya_pengkode_1": "int64",
            "hanya_pengkode_2": "int64",
            "tidak_keduanya": "int64",
            "proporsi_kesepakatan": "float64",
            "koefisien": "str",
            "nilai": "float64",
            "kekuatan": "str",
            "perlu_dibahas": "boolean",
            "catatan": "str",
            "sumber": "str",
        },
    ),
    Entry(
        "wawancara_pertanyaan.csv",
        "interviews",
        {
            "kode": "str",
            "pertanyaan": "str",
            "label": "str",
            "indikator": "str",
            "kelompok": "str",
            "no": "int64",
            "pertanyaan_wawancara": "str",
        },
    ),
    Entry(
        "wawancara_segmen.csv",
        "interviews",
        {
            "id_segmen": "str",
            "berkas": "str",
            "baris": "int64",
            "format": "str",
            "dokumen": "str",
            "id_informan": "str",
            "pseudonim": "str",
            "kelompok": "str",
            "pengkode": "str",
            "kode": "str",
            "kutipan": "str",
            "memo": "str",
            "awal": "Int64",
            "akhir": "Int64",
            "panjang_dokumen": "Int64",
            "analisis": "boolean",
            "sumber": "str",
        },
    ),
    Entry(
        "wawancara_triangulasi.csv",
        "interviews",
        {
            "kode": "str",
            "label": "str",
            "pertanyaan": "str",
            "jumlah_informan": "int64",
            "jumlah_segmen": "int64",
            "jumlah_kelompok": "int64",
            "kelompok": "str",
            "satu_kelompok": "boolean",
            "status": "str",
            "sumber": "str",
        },
    ),
]

CATALOG: dict[str, Entry] = {e.name: e for e in _ENTRIES}


def entry(name: str) -> Entry:
    """The catalog entry of processed file ``name`` (with or without ``.csv``).

    Raises ``KeyError`` naming the file when it is not in the catalog.
    """
    key = name if "." in name else f"{name}.csv"
    try:
        return CATALOG[key]
    except KeyError:
        raise KeyError(f"{key!r} is not in the catalog of processed files") from None


def files_of(builder: str) -> list[Entry]:
    """The entries written by ``builder`` ("dinsos", "survey", ...), by name."""
    return sorted((e for e in _ENTRIES if e.builder == builder), key=lambda e: e.name)


def _kind_ok(series: pd.Series, dtype: str) -> bool:
    from pandas.api import types as pt

    if dtype == "str":
        if pt.is_string_dtype(series.dtype) or series.dtype == object:
            return all(isinstance(v, str) for v in series.dropna())
        return bool(series.isna().all())
    if dtype in ("int64", "Int64"):
        if dtype == "int64" and series.isna().any():
            return False
        return pt.is_integer_dtype(series.dtype) or bool(series.isna().all())
    if dtype in ("float64", "Float64"):
        return pt.is_numeric_dtype(series.dtype) and not pt.is_bool_dtype(series.dtype)
    if dtype == "boolean":
        return pt.is_bool_dtype(series.dtype)
    raise ValueError(f"unknown catalog dtype {dtype!r}")


def check_frame(name: str, df: pd.DataFrame) -> list[str]:
    """How ``df`` differs from the entry of ``name``: one English line per mismatch.

    Checks the column names and order (for an open entry: that the listed columns are
    there, in that order) and that each column's values fit the declared dtype. An
    empty list means it conforms. These are programming errors, not user errors.
    """
    spec = entry(name)
    if spec.columns is None:
        return [f"{spec.name}: not a table in the catalog"]
    have = [str(c) for c in df.columns]
    want = list(spec.columns)
    out = []
    if spec.open_columns:
        present = [c for c in have if c in spec.columns]
        if present != want:
            out.append(f"{spec.name}: needs columns {want} in that order, has {have}")
    elif have != want:
        out.append(f"{spec.name}: columns {have} differ from the catalog's {want}")
    for col, dtype in spec.columns.items():
        if col in df.columns and not _kind_ok(df[col], dtype):
            out.append(f"{spec.name}: column {col!r} is {df[col].dtype}, catalog says {dtype}")
    return out


def empty(name: str) -> pd.DataFrame:
    """A frame with no rows and the columns and dtypes of the entry of ``name``.

    What a builder returns for a table it cannot fill (one coder: no agreement table; no
    group field: no comparison), so that an empty result still satisfies
    :func:`check_frame` and loads with the right dtypes.

    >>> empty("wawancara_kesepakatan").dtypes["nilai"]
    dtype('float64')
    """
    import pandas as pd

    spec = entry(name)
    if spec.columns is None:
        raise KeyError(f"{spec.name!r} is not a table in the catalog")
    return pd.DataFrame(
        {c: pd.Series(dtype="object" if d == "str" else d) for c, d in spec.columns.items()}
    )


def typed(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """``df``, or :func:`empty` of ``name`` when ``df`` has no rows.

    A table built from no rows (one respondent: no item validity; no shared document: no
    agreement) takes pandas' default ``object`` columns, or none at all; this gives it
    the catalog's. A frame with rows is returned unchanged (the builder types it).
    """
    return empty(name) if len(df) == 0 else df


def coerce(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with the catalog's dtypes applied to its listed columns (a copy)."""
    spec = entry(name)
    out = df.copy()
    for col, dtype in (spec.columns or {}).items():
        if col not in out.columns:
            continue
        if dtype == "boolean" and str(out[col].dtype) not in ("bool", "boolean"):
            out[col] = out[col].map({"true": True, "false": False, True: True, False: False})
        out[col] = out[col].astype(dtype)
    return out


def load(name: str, paths: Paths | None = None) -> pd.DataFrame:
    """Read processed file ``name`` (``data/processed/<name>.csv``) with its catalog dtypes.

    The one loader of processed files: notebooks and library read processed data only
    through this (no per-package wrappers), never from ``data/raw``.

    Parameters
    ----------
    name : str
        The file name, with or without ``.csv`` ("psm_per_kecamatan").
    paths : Paths, optional
        The project (default: the installed one).

    Returns
    -------
    pandas.DataFrame
        Columns in file order, typed as the catalog says; columns an open entry does not
        list are typed as pandas reads them (``true``/``false`` columns as ``boolean``).

    Raises
    ------
    DataError
        The file does not exist (run ``psm-analysis clean``), or its columns are not
        those of the catalog (written by an older version: run ``psm-analysis clean``).
    KeyError
        ``name`` is not in the catalog.
    """
    import pandas as pd

    spec = entry(name)
    paths = paths or get_paths()
    path = paths.processed / spec.name
    shown = f"data/processed/{spec.name}"
    if not path.is_file():
        raise DataError(
            Problem("berkas data olahan belum ada; jalankan dulu `psm-analysis clean`", file=shown)
        )
    df = pd.read_csv(path, keep_default_na=False, na_values=[""])
    listed = spec.columns or {}
    missing = [c for c in listed if c not in df.columns]
    extra = [] if spec.open_columns else [c for c in df.columns if c not in listed]
    if missing or extra:
        raise DataError(
            Problem(
                "kolom berkas data olahan tidak sesuai katalog; jalankan ulang `psm-analysis clean`",
                file=shown,
                value=", ".join(missing + extra),
                expected=", ".join(listed),
            )
        )
    for col in df.columns:
        if col in listed:
            continue
        values = set(df[col].dropna().unique())
        if values and values <= {"true", "false"}:
            df[col] = df[col].map({"true": True, "false": False}).astype("boolean")
    return coerce(spec.name, df)
