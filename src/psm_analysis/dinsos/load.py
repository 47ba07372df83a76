"""Loaders of the processed Dinas Sosial files, typed by the catalog
(:mod:`psm_analysis.catalog`). Each returns a DataFrame of the file's columns in file
order and raises :class:`~psm_analysis.errors.DataError` when ``psm-analysis clean`` has
not written it yet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from psm_analysis import catalog
from psm_analysis.config import Paths

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def load_tenaga_sosial(paths: Paths | None = None) -> pd.DataFrame:
    """``data/processed/tenaga_sosial.csv`` (Tabel I.1), typed.

    The social workers and volunteers of the Dinas Sosial table, one row per kind as the
    source lists it, matched to the official PSKS names (Permensos No. 8 Tahun 2012, the
    project's copy in ``data/raw/reference/psks_permensos_08_2012.csv``).

    Parameters
    ----------
    paths : Paths, optional
        The project (default: the installed one).

    Returns
    -------
    pandas.DataFrame
        One row per PSKS kind listed, in source order: ``no``, ``jenis_di_sumber``,
        ``jenis_resmi``, ``singkatan``, ``kode_psks`` (Int64), ``ejaan_resmi`` (boolean),
        ``jumlah`` (Int64, in the unit of ``satuan``, e.g. orang; 0 when nil), ``satuan``,
        ``nihil`` (boolean: the source writes nil), ``sumber``, ``tahun`` (Int64, year of the
        source).

    Raises
    ------
    DataError
        The file does not exist yet (run ``psm-analysis clean``), or its columns are not
        those of the catalog (written by an older version: run ``psm-analysis clean``).
    """
    return catalog.load("tenaga_sosial", paths)


def load_psm_per_kecamatan(paths: Paths | None = None) -> pd.DataFrame:
    """``data/processed/psm_per_kecamatan.csv`` (Tabel I.2 + Kemendagri), typed.

    PSM counts from the Dinas Sosial table joined to the number of desa and kelurahan
    of each kecamatan from Kepmendagri No. 300.2.2-2138 Tahun 2025 (codes and names;
    ``data/raw/reference/wilayah_pelalawan_kepmendagri_2025.csv``).

    Parameters
    ----------
    paths : Paths, optional
        The project (default: the installed one).

    Returns
    -------
    pandas.DataFrame
        One row per kecamatan: ``kode_wilayah`` (Kemendagri code), ``kecamatan`` (official
        name), ``nama_di_sumber``, ``ejaan_resmi`` (boolean), ``jumlah_psm`` (orang),
        ``jumlah_desa``, ``jumlah_kelurahan``, ``jumlah_desa_kelurahan``,
        ``selisih_psm_desa_kelurahan``, ``no_di_sumber`` (all Int64), ``sumber``,
        ``tahun`` (Int64).

    Raises
    ------
    DataError
        The file does not exist yet (run ``psm-analysis clean``), or its columns are not
        those of the catalog (written by an older version: run ``psm-analysis clean``).
    """
    return catalog.load("psm_per_kecamatan", paths)


def load_kegiatan(paths: Paths | None = None) -> pd.DataFrame:
    """``data/processed/kegiatan_peningkatan_kinerja.csv`` (Tabel I.3), typed.

    Parameters
    ----------
    paths : Paths, optional
        The project (default: the installed one).

    Returns
    -------
    pandas.DataFrame
        One row per activity to improve PSM performance, in source order: ``no`` (Int64),
        ``kegiatan``, ``status``, ``terlaksana`` (boolean), ``sasaran_orang`` and
        ``tercapai_orang`` (Int64, orang; target and reached), ``keterangan_asli`` (the
        source's remark), ``sumber``, ``tahun`` (Int64).

    Raises
    ------
    DataError
        The file does not exist yet (run ``psm-analysis clean``), or its columns are not
        those of the catalog (written by an older version: run ``psm-analysis clean``).
    """
    return catalog.load("kegiatan_peningkatan_kinerja", paths)


def load_diklat(paths: Paths | None = None) -> pd.DataFrame:
    """``data/processed/diklat_psm.csv`` (Tabel I.4), typed.

    Parameters
    ----------
    paths : Paths, optional
        The project (default: the installed one).

    Returns
    -------
    pandas.DataFrame
        One row per training (diklat) the PSM took part in: ``no`` (Int64), ``kegiatan``,
        ``tahun`` (Int64, year held), ``sumber``, ``tahun_sumber`` (Int64, year of the
        source).

    Raises
    ------
    DataError
        The file does not exist yet (run ``psm-analysis clean``), or its columns are not
        those of the catalog (written by an older version: run ``psm-analysis clean``).
    """
    return catalog.load("diklat_psm", paths)


def load_desa_kelurahan(paths: Paths | None = None) -> pd.DataFrame:
    """``data/processed/desa_kelurahan.csv`` (Kemendagri reference), typed."""
    return catalog.load("desa_kelurahan", paths)


def load_sumber_tabel(paths: Paths | None = None) -> pd.DataFrame:
    """``data/processed/sumber_tabel.csv``, typed.

    Parameters
    ----------
    paths : Paths, optional
        The project (default: the installed one).

    Returns
    -------
    pandas.DataFrame
        One row per source table (Tabel I.1-I.4): ``tabel``, ``judul``, ``judul_asli``,
        ``sumber``, ``sumber_asli``, ``tahun`` (Int64), ``berkas``.

    Raises
    ------
    DataError
        The file does not exist yet (run ``psm-analysis clean``), or its columns are not
        those of the catalog (written by an older version: run ``psm-analysis clean``).
    """
    return catalog.load("sumber_tabel", paths)


def load_pemeriksaan(paths: Paths | None = None) -> pd.DataFrame:
    """``data/processed/pemeriksaan_konsistensi.csv``: the consistency checks of the
    Dinas Sosial tables against each other and against the thesis text.

    Parameters
    ----------
    paths : Paths, optional
        The project (default: the installed one).

    Returns
    -------
    pandas.DataFrame
        One row per check: ``id``, ``pemeriksaan``, ``diharapkan``, ``ditemukan``,
        ``status`` (``sesuai`` / ``tidak sesuai`` / ``catatan``), ``keterangan``
        (all str, Indonesian).

    Raises
    ------
    DataError
        The file does not exist yet (run ``psm-analysis clean``), or its columns are not
        those of the catalog (written by an older version: run ``psm-analysis clean``).
    """
    return catalog.load("pemeriksaan_konsistensi", paths)


def load_klaim(paths: Paths | None = None) -> pd.DataFrame:
    """``data/processed/klaim_teks.csv``: the numbers BAB I's text states."""
    return catalog.load("klaim_teks", paths)
